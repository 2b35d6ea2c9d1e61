//! The yearly report on a generated dataset of 50,000 people, 500,000 registrations and 5,000
//! duos (issue 17, target: under 500 ms on SQLite and on PostgreSQL). A benchmark, not a test:
//! run by `scripts/bench-reports.sh`, which prints the figures. PostgreSQL is measured when
//! `INTERRA_BENCH_POSTGRES_URL` (a maintenance database, e.g.
//! `postgres://postgres@127.0.0.1:5432/postgres`) is set; a database of its own is created and
//! dropped. `BENCH_KEEP=1` keeps both databases (their addresses printed) to read the queries'
//! plans (`EXPLAIN QUERY PLAN` in `sqlite3`, `EXPLAIN ANALYZE` in `psql`).

use std::time::Instant;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use interra_api::activities::interact::service::summary;
use interra_api::db::DbConnection;
use interra_api::db::{DatabaseUrl, Db};
use interra_api::reports::cache::ReportCache;
use interra_api::reports::domain::period::{Asked, Period};
use interra_api::reports::sample::{generate, Scale};
use interra_api::reports::service;
use interra_api::reports::store;

const YEAR: i32 = 2025;

/// One of the report's reads, timed alone.
type Part = fn(&mut DbConnection, Period) -> diesel::QueryResult<()>;

fn scale() -> Scale {
    let n = |name: &str, default: usize| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    Scale {
        people: n("BENCH_PEOPLE", 50_000),
        registrations: n("BENCH_REGISTRATIONS", 500_000),
        duos: n("BENCH_DUOS", 5_000),
    }
}

fn measure(label: &str, url: &str) -> anyhow::Result<()> {
    // The report reads on three connections at once, as the server's pool allows.
    let db = Db::open(&DatabaseUrl::parse(url)?, 4)?;
    db.migrate()?;
    let mut conn = db.conn()?;
    let s = scale();
    let started = Instant::now();
    generate(&mut conn, s, YEAR, 2026)?;
    if label == "PostgreSQL" {
        // As autovacuum leaves a database in use: statistics, and the visibility map that
        // lets index-only scans skip the table.
        conn.batch_execute("VACUUM ANALYZE")?;
    }
    eprintln!(
        "{label}: generated {} people, {} registrations, {} duos in {:.1} s",
        s.people,
        s.registrations,
        s.duos,
        started.elapsed().as_secs_f64()
    );
    let period = Period::resolve(
        Asked {
            year: Some(YEAR),
            ..Asked::default()
        },
        chrono::NaiveDate::from_ymd_opt(YEAR, 6, 1).unwrap_or_default(),
    )
    .map_err(|(f, _)| anyhow::anyhow!("period: {f}"))?;
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let report =
            service::summary(&db, &mut conn, period).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(report);
    }
    let median = |mut times: Vec<f64>| {
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    };
    // Where the time goes: each of the report's reads alone (median of 3), so a slow query is
    // named by the benchmark rather than searched for.
    let parts: [(&str, Part); 5] = [
        ("people reached and participants", |c, p| {
            store::counts::reached(c, p).map(drop)
        }),
        ("InterAct and trainings sessions", |c, p| {
            store::counts::programmes(c, p).map(drop)
        }),
        ("trainings courses", |c, p| {
            store::trainings::facts(c, p).map(drop)
        }),
        ("all facts", |c, p| store::facts(c, p).map(drop)),
        ("InterAct proposals", |c, p| {
            summary::summary(c, Some(p.from), Some(p.to))
                .map(drop)
                .map_err(|e| diesel::result::Error::QueryBuilderError(format!("{e:?}").into()))
        }),
    ];
    for (name, part) in parts {
        let mut t = Vec::new();
        for _ in 0..3 {
            let started = Instant::now();
            part(&mut conn, period)?;
            t.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        println!("{label}:   {name}: median {:.0} ms", median(t));
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{label}: yearly report, all programmes: median {:.0} ms (min {:.0}, max {:.0}) over {} runs",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len()
    );
    // What a coordinator's next reads of the same period cost (tabs, CSV, XLSX, the printable
    // report) while nothing is written: the report kept by `reports::cache`.
    let cache = ReportCache::default();
    service::cached_summary(&cache, &db, &mut conn, period)
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let mut kept = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let report = service::cached_summary(&cache, &db, &mut conn, period)
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        // The handler sends a copy of the kept report.
        std::hint::black_box(serde_json::to_vec(&*report)?);
        kept.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "{label}: the same report read again, no write since (kept, serialised): median {:.2} ms",
        median(kept)
    );
    Ok(())
}

fn main() -> anyhow::Result<()> {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing: only measure when
    // asked to.
    if !std::env::args().any(|a| a == "--bench") {
        return Ok(());
    }
    let keep = std::env::var("BENCH_KEEP").is_ok_and(|v| v == "1");
    let dir = tempfile::tempdir()?;
    let sqlite = dir.path().join("bench.db");
    measure("SQLite", &format!("sqlite://{}", sqlite.display()))?;
    if keep {
        let kept = dir.keep();
        println!("SQLite: kept {}", kept.join("bench.db").display());
    }
    if let Ok(admin) = std::env::var("INTERRA_BENCH_POSTGRES_URL") {
        let name = format!("interra_bench_{}", uuid::Uuid::new_v4().simple());
        let mut c = PgConnection::establish(&admin)?;
        c.batch_execute(&format!("CREATE DATABASE \"{name}\""))?;
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        let done = measure("PostgreSQL", &format!("{base}/{name}"));
        if keep && done.is_ok() {
            println!("PostgreSQL: kept {base}/{name}");
        } else {
            c.batch_execute(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))?;
        }
        done?;
    } else {
        println!("PostgreSQL: skipped (set INTERRA_BENCH_POSTGRES_URL)");
    }
    Ok(())
}
