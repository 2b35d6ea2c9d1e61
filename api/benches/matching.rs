//! Duo2Change: scoring plus optimal batch assignment on synthetic pools of realistic profiles.
//! `cargo bench -p interra-api --bench matching` prints the time per size and the peak memory.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use interra_api::duo::matching::pool::batch;
use interra_api::duo::matching::score::{Blocked, Side, Weights};
use interra_api::duo::matching::synthetic::{profiles, world};

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn bench(c: &mut Criterion) {
    let w = world(48);
    let weights = Weights::default();
    let blocked = Blocked::default();
    let mut group = c.benchmark_group("duo_batch");
    group.sample_size(10);
    for n in [200usize, 1000, 3000] {
        let newcomers = profiles(1, Side::Newcomer, n, &w);
        let locals = profiles(2, Side::Local, n, &w);
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{n}x{n}")),
            &n,
            |b, _| b.iter(|| batch(&newcomers, &locals, &[], &w, &weights, &blocked)),
        );
        let result = batch(&newcomers, &locals, &[], &w, &weights, &blocked);
        println!(
            "{n}x{n}: {} pairs proposed, total score {:.0}, peak RSS so far {:.0} MiB",
            result.pairs.len(),
            result.total(),
            peak_rss_mib().unwrap_or(f64::NAN)
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
