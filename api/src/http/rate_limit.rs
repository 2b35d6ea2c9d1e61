//! In-memory sliding-window counters for throttling sign-ins and public forms. Per process:
//! behind several server processes each one counts on its own, which only makes the limit
//! looser.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::config::RateLimit;
use crate::http::proxy::Cidr;

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

    /// Takes back the latest event of `key` (a reserved submission that was refused).
    pub fn release(&self, key: &str) {
        if let Ok(mut hits) = self.hits.lock() {
            if let Some(q) = hits.get_mut(key) {
                q.pop_back();
            }
        }
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

/// Addresses and blocks listed in a setting (`INTERRA_VENUE_ADDRESSES`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressList(Vec<Cidr>);

impl AddressList {
    /// A comma-separated list of addresses and blocks; empty lists nothing.
    pub fn parse(list: &str) -> Result<AddressList, String> {
        list.split(',')
            .filter(|s| !s.trim().is_empty())
            .map(str::parse)
            .collect::<Result<Vec<_>, _>>()
            .map(AddressList)
    }

    pub fn contains(&self, ip: &str) -> bool {
        ip.parse::<IpAddr>()
            .is_ok_and(|ip| self.0.iter().any(|c| c.contains(ip)))
    }
}

/// The quota of one public form per client address. Only accepted submissions count: a form
/// sent back with errors (422) or refused (404, 409) gives its place back, so someone
/// correcting their input, or a shared Wi-Fi, is not blocked by mistakes. The venue's own
/// addresses (its Wi-Fi, the reception's computer) have a larger allowance.
pub struct FormQuota {
    visitors: Arc<RateLimiter>,
    venue: Arc<RateLimiter>,
    venue_addresses: AddressList,
}

/// A place taken in a form's quota: given back when dropped, unless [`Seat::keep`] says the
/// submission was accepted.
#[must_use]
pub struct Seat {
    limiter: Arc<RateLimiter>,
    key: String,
    kept: bool,
}

impl Seat {
    pub fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for Seat {
    fn drop(&mut self) {
        if !self.kept {
            self.limiter.release(&self.key);
        }
    }
}

impl FormQuota {
    pub fn new(visitors: RateLimit, venue: RateLimit, venue_addresses: AddressList) -> Self {
        FormQuota {
            visitors: Arc::new(RateLimiter::new(visitors)),
            venue: Arc::new(RateLimiter::new(venue)),
            venue_addresses,
        }
    }

    /// Takes a place for a submission from `ip`; `Err(seconds to wait)` when none is left.
    pub fn reserve(&self, ip: &str) -> Result<Seat, u64> {
        let limiter = if self.venue_addresses.contains(ip) {
            &self.venue
        } else {
            &self.visitors
        };
        limiter.hit(ip)?;
        Ok(Seat {
            limiter: limiter.clone(),
            key: ip.to_owned(),
            kept: false,
        })
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

    #[test]
    fn refused_submissions_give_their_place_back_and_venues_have_more() {
        let hour = Duration::from_secs(3600);
        let quota = FormQuota::new(
            RateLimit {
                max: 2,
                window: hour,
            },
            RateLimit {
                max: 4,
                window: hour,
            },
            AddressList::parse("192.0.2.0/24").expect("list"),
        );
        for _ in 0..10 {
            drop(
                quota
                    .reserve("198.51.100.7")
                    .expect("a refused form costs nothing"),
            );
        }
        for _ in 0..2 {
            quota.reserve("198.51.100.7").expect("place").keep();
        }
        assert!(quota.reserve("198.51.100.7").is_err());
        for _ in 0..4 {
            quota.reserve("192.0.2.10").expect("venue place").keep();
        }
        assert!(quota.reserve("192.0.2.10").is_err());
        assert!(AddressList::parse("10.0.0/8").is_err());
    }
}
