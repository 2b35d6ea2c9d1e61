//! In-memory sliding-window counters for sign-in throttling. Per process: behind several
//! server processes each one counts on its own, which only makes the limit looser.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::config::RateLimit;

/// Keys beyond this many trigger a sweep of expired entries (bounded memory under a flood).
const SWEEP_THRESHOLD: usize = 10_000;

pub struct RateLimiter {
    limit: RateLimit,
    hits: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl RateLimiter {
    pub fn new(limit: RateLimit) -> Self {
        RateLimiter {
            limit,
            hits: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(seconds to wait)` when `key` has used up its allowance.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        self.check_at(key, Instant::now())
    }

    /// Records one event for `key`.
    pub fn record(&self, key: &str) {
        self.record_at(key, Instant::now());
    }

    /// Records one event and refuses it if the allowance was already used up.
    pub fn hit(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        self.check_at(key, now)?;
        self.record_at(key, now);
        Ok(())
    }

    /// Forgets `key` (after a successful sign-in).
    pub fn reset(&self, key: &str) {
        if let Ok(mut hits) = self.hits.lock() {
            hits.remove(key);
        }
    }

    fn check_at(&self, key: &str, now: Instant) -> Result<(), u64> {
        let Ok(mut hits) = self.hits.lock() else {
            return Ok(());
        };
        let Some(q) = hits.get_mut(key) else {
            return Ok(());
        };
        prune(q, now, self.limit.window);
        if q.len() < self.limit.max {
            return Ok(());
        }
        let oldest = q.front().copied().unwrap_or(now);
        let wait = self.limit.window.saturating_sub(now.duration_since(oldest));
        Err(wait.as_secs().max(1))
    }

    fn record_at(&self, key: &str, now: Instant) {
        let Ok(mut hits) = self.hits.lock() else {
            return;
        };
        if hits.len() >= SWEEP_THRESHOLD {
            let window = self.limit.window;
            hits.retain(|_, q| {
                prune(q, now, window);
                !q.is_empty()
            });
        }
        let q = hits.entry(key.to_owned()).or_default();
        q.push_back(now);
        while q.len() > self.limit.max {
            q.pop_front();
        }
    }
}

fn prune(q: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while q.front().is_some_and(|t| now.duration_since(*t) >= window) {
        q.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_beyond_the_allowance_until_the_window_passes() {
        let rl = RateLimiter::new(RateLimit {
            max: 3,
            window: Duration::from_secs(60),
        });
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(rl.check_at("a", t0).is_ok());
            rl.record_at("a", t0);
        }
        let wait = rl.check_at("a", t0 + Duration::from_secs(10));
        assert_eq!(wait, Err(50));
        assert!(rl.check_at("b", t0).is_ok());
        assert!(rl.check_at("a", t0 + Duration::from_secs(60)).is_ok());
        rl.reset("a");
        assert!(rl.check_at("a", t0).is_ok());
    }
}
