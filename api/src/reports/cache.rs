//! Reports already computed, kept per period until the data may have changed.
//!
//! A yearly report reads a year of registrations (about a second for 500,000 of them), and a
//! coordinator asks for the same period several times in a row: the page, its tabs, the CSV,
//! the XLSX, the printable report. The figures are aggregates already suppressed (no personal
//! data is held here). An entry is used while no write reached this server since it was made
//! (`invalidate`, called after every write request) and for at most [`MAX_AGE`]: changes made
//! elsewhere (another instance on the same PostgreSQL, a command-line job, the periodic
//! retention review) show within that time.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use shared::reports::ReportSummary;

use crate::reports::domain::period::Period;

/// How long a report may be reused when nothing was written through this server.
pub const MAX_AGE: Duration = Duration::from_secs(60);
/// Periods kept at once (a few years, quarters and months per coordinator is plenty).
const MAX_ENTRIES: usize = 64;

struct Entry {
    generation: u64,
    made: Instant,
    report: Arc<ReportSummary>,
}

#[derive(Default)]
pub struct ReportCache {
    /// Moves on every write request; an entry made under another value is stale.
    generation: AtomicU64,
    entries: Mutex<HashMap<(chrono::NaiveDate, chrono::NaiveDate), Entry>>,
}

impl ReportCache {
    /// Data may have changed: every kept report is stale.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// To read before computing a report and give back to [`ReportCache::put`]: a write that
    /// commits while the report is computed then makes that report stale, never missed.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// The kept report of `period`, if it is still current.
    pub fn get(&self, period: Period) -> Option<Arc<ReportSummary>> {
        let current = self.generation();
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(&(period.from, period.to))
            .filter(|e| e.generation == current && e.made.elapsed() < MAX_AGE)
            .map(|e| e.report.clone())
    }

    /// Keeps `report`, computed from data read after `generation` was taken.
    pub fn put(&self, period: Period, generation: u64, report: Arc<ReportSummary>) {
        let current = self.generation();
        if generation != current {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, e| e.generation == current && e.made.elapsed() < MAX_AGE);
        }
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(
            (period.from, period.to),
            Entry {
                generation,
                made: Instant::now(),
                report,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(year: i32) -> Period {
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(year, m, d).expect("date");
        Period {
            from: day(1, 1),
            to: day(12, 31),
        }
    }

    fn report(p: Period) -> Arc<ReportSummary> {
        Arc::new(ReportSummary {
            from: p.from,
            to: p.to,
            generated_at: chrono::Utc::now(),
            sections: Vec::new(),
        })
    }

    #[test]
    fn a_kept_report_is_given_back_until_a_write() {
        let cache = ReportCache::default();
        let p = period(2025);
        assert!(cache.get(p).is_none());
        let r = report(p);
        cache.put(p, cache.generation(), r.clone());
        assert!(Arc::ptr_eq(&cache.get(p).expect("kept"), &r));
        assert!(cache.get(period(2024)).is_none(), "another period");
        cache.invalidate();
        assert!(cache.get(p).is_none(), "stale after a write");
    }

    #[test]
    fn a_report_computed_across_a_write_is_not_kept() {
        let cache = ReportCache::default();
        let p = period(2025);
        let before = cache.generation();
        cache.invalidate();
        cache.put(p, before, report(p));
        assert!(cache.get(p).is_none());
    }

    #[test]
    fn the_cache_stays_bounded() {
        let cache = ReportCache::default();
        for year in 1900..(1900 + MAX_ENTRIES as i32 * 2) {
            let p = period(year);
            cache.put(p, cache.generation(), report(p));
        }
        let kept = cache.entries.lock().expect("lock").len();
        assert!(kept <= MAX_ENTRIES, "{kept} entries");
    }
}
