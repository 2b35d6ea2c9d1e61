//! Sign-in throttling that an attacker cannot turn against the account's owner.
//!
//! - Hard lock per (account, address): after `lock.max` wrong passwords from one address, that
//!   address may not try that account again until the window passes. Other addresses are not
//!   locked out: whoever knows a staff e-mail can lock only themselves.
//! - Growing delay per account: past `free` failures from anywhere, each new attempt on the
//!   account must wait a delay that doubles with every failure, up to `max`. Guessing is slow
//!   from any number of addresses; the owner waits at most `max` before trying.
//! - An address from which the account signed in recently skips the delay (not the lock): the
//!   owner at their usual place is not slowed down by failures from elsewhere.
//!
//! Like [`RateLimiter`], in memory for a single process (SQLite; a restart forgets the counts),
//! or in the database (`http::shared_counter`, keys hashed) when several server processes
//! share one PostgreSQL database: the lock and the delay then hold for the whole deployment.
//! Cost there: a check reads two counters in one round trip, a failure writes two rows, a
//! success replaces two; small next to the password hash (tens of milliseconds).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::config::{LoginDelay, RateLimit};
use crate::db::Db;
use crate::http::rate_limit::{chrono_window, RateLimiter};
use crate::http::shared_counter as counter;

/// Buckets of the shared store.
const PAIRS: &str = "login_pair";
const ACCOUNTS: &str = "login_account";
const KNOWN: &str = "login_known";

/// How long a successful sign-in makes its address known for the account.
const KNOWN_FOR: Duration = Duration::from_secs(30 * 24 * 3600);
/// Entries beyond this many trigger a sweep of old ones (bounded memory under a flood).
const SWEEP_THRESHOLD: usize = 10_000;

/// The wait imposed after `failures` recent failures on one account: none for the first `free`,
/// then `base`, doubling with each failure, never more than `max`.
pub fn delay_after(failures: usize, rule: &LoginDelay) -> Duration {
    let Some(beyond) = failures.checked_sub(rule.free).filter(|n| *n > 0) else {
        return Duration::ZERO;
    };
    let factor = 2u32.saturating_pow(u32::try_from(beyond - 1).unwrap_or(u32::MAX));
    rule.base.saturating_mul(factor).min(rule.max)
}

pub struct LoginThrottle {
    /// Failures per (account, address): the hard lock.
    pairs: RateLimiter,
    delay: LoginDelay,
    /// Recent failures per account, from any address.
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
    /// Last successful sign-in per (account, address).
    known: Mutex<HashMap<String, Instant>>,
    /// The shared store (PostgreSQL), instead of the two maps above.
    shared: Option<Db>,
}

fn pair(email: &str, ip: &str) -> String {
    format!("{email}\n{ip}")
}

/// Whole seconds to announce in `Retry-After` (at least one).
fn seconds(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

impl LoginThrottle {
    /// Counts in this process's memory.
    pub fn new(lock: RateLimit, delay: LoginDelay) -> Self {
        LoginThrottle {
            pairs: RateLimiter::new(lock),
            delay,
            failures: Mutex::new(HashMap::new()),
            known: Mutex::new(HashMap::new()),
            shared: None,
        }
    }

    /// Counts in the database on PostgreSQL (every process shares the counts), in memory on
    /// SQLite.
    pub fn for_db(lock: RateLimit, delay: LoginDelay, db: &Db) -> Self {
        let pairs = RateLimiter::for_db(lock, db, PAIRS);
        LoginThrottle {
            shared: pairs.is_shared().then(|| db.clone()),
            pairs,
            ..Self::new(lock, delay)
        }
    }

    /// `Err(seconds to wait)` when `ip` may not try to sign in to `email` now.
    pub async fn check(&self, email: &str, ip: &str) -> Result<(), u64> {
        let Some(db) = &self.shared else {
            return self.check_at(email, ip, Instant::now());
        };
        let key = pair(email, ip);
        self.pairs.check(&key).await?;
        let known_key = counter::key_hash(KNOWN, &key);
        let account_key = counter::key_hash(ACCOUNTS, email);
        let rule = self.delay;
        let seen = db
            .run(move |conn| {
                let now = crate::db::now();
                let known =
                    counter::window(conn, KNOWN, &known_key, now - chrono_window(KNOWN_FOR))?;
                if known.count > 0 {
                    return Ok(Duration::ZERO);
                }
                let w = counter::window(
                    conn,
                    ACCOUNTS,
                    &account_key,
                    now - chrono_window(rule.window),
                )?;
                let since_last = w
                    .newest
                    .and_then(|t| (now - t).to_std().ok())
                    .unwrap_or(Duration::ZERO);
                let failures = usize::try_from(w.count).unwrap_or(usize::MAX);
                Ok(delay_after(failures, &rule).saturating_sub(since_last))
            })
            .await;
        match seen {
            Ok(wait) if wait.is_zero() => Ok(()),
            Ok(wait) => Err(seconds(wait).max(1)),
            Err(error) => {
                tracing::warn!(%error, "sign-in throttle not read");
                Ok(())
            }
        }
    }

    /// A wrong password (or unknown account) for `email` from `ip`.
    pub async fn failed(&self, email: &str, ip: &str) {
        let Some(db) = &self.shared else {
            return self.failed_at(email, ip, Instant::now());
        };
        self.pairs.record(&pair(email, ip)).await;
        let account_key = counter::key_hash(ACCOUNTS, email);
        let window = self.delay.window;
        let done = db
            .run(move |conn| {
                counter::record(conn, ACCOUNTS, &account_key, crate::db::now(), window)?;
                Ok(())
            })
            .await;
        if let Err(error) = done {
            tracing::warn!(%error, "sign-in failure not counted");
        }
    }

    /// A successful sign-in: the address's lock is lifted and the address becomes known.
    /// The account's failures are kept: they age out by themselves, so that an attacker does
    /// not get fresh free attempts each time the owner signs in.
    pub async fn succeeded(&self, email: &str, ip: &str) {
        let Some(db) = &self.shared else {
            return self.succeeded_at(email, ip, Instant::now());
        };
        let key = pair(email, ip);
        self.pairs.reset(&key).await;
        let known_key = counter::key_hash(KNOWN, &key);
        let done = db
            .run(move |conn| {
                crate::db::write_transaction(conn, |conn| {
                    counter::reset(conn, KNOWN, &known_key)?;
                    counter::record(conn, KNOWN, &known_key, crate::db::now(), KNOWN_FOR)?;
                    Ok(())
                })
            })
            .await;
        if let Err(error) = done {
            tracing::warn!(%error, "known sign-in address not kept");
        }
    }

    fn succeeded_at(&self, email: &str, ip: &str, now: Instant) {
        let key = pair(email, ip);
        self.pairs.forget(&key);
        if let Ok(mut known) = self.known.lock() {
            if known.len() >= SWEEP_THRESHOLD {
                known.retain(|_, at| now.duration_since(*at) < KNOWN_FOR);
            }
            known.insert(key, now);
        }
    }

    fn is_known(&self, key: &str, now: Instant) -> bool {
        self.known
            .lock()
            .ok()
            .and_then(|k| k.get(key).copied())
            .is_some_and(|at| now.duration_since(at) < KNOWN_FOR)
    }

    fn check_at(&self, email: &str, ip: &str, now: Instant) -> Result<(), u64> {
        let key = pair(email, ip);
        self.pairs.check_at(&key, now)?;
        if self.is_known(&key, now) {
            return Ok(());
        }
        let Ok(mut failures) = self.failures.lock() else {
            return Ok(());
        };
        let Some(q) = failures.get_mut(email) else {
            return Ok(());
        };
        let window = self.delay.window;
        while q.front().is_some_and(|t| now.duration_since(*t) >= window) {
            q.pop_front();
        }
        let Some(last) = q.back().copied() else {
            return Ok(());
        };
        let wait = delay_after(q.len(), &self.delay).saturating_sub(now.duration_since(last));
        if wait.is_zero() {
            Ok(())
        } else {
            Err(seconds(wait).max(1))
        }
    }

    fn failed_at(&self, email: &str, ip: &str, now: Instant) {
        self.pairs.record_at(&pair(email, ip), now);
        let Ok(mut failures) = self.failures.lock() else {
            return;
        };
        if failures.len() >= SWEEP_THRESHOLD {
            let window = self.delay.window;
            failures.retain(|_, q| q.back().is_some_and(|t| now.duration_since(*t) < window));
        }
        let q = failures.entry(email.to_owned()).or_default();
        q.push_back(now);
        // Beyond this many the delay is at its maximum anyway.
        while q.len() > self.delay.free + 64 {
            q.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> LoginDelay {
        LoginDelay {
            free: 3,
            base: Duration::from_secs(1),
            max: Duration::from_secs(30),
            window: Duration::from_secs(900),
        }
    }

    #[test]
    fn the_delay_doubles_past_the_free_failures_up_to_the_maximum() {
        let waits: Vec<u64> = (0..12).map(|n| delay_after(n, &rule()).as_secs()).collect();
        assert_eq!(waits, [0, 0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(delay_after(usize::MAX, &rule()), Duration::from_secs(30));
    }

    #[test]
    fn an_attacker_locks_only_their_own_address_and_slows_the_account() {
        let lock = RateLimit {
            max: 5,
            window: Duration::from_secs(900),
        };
        let t = LoginThrottle::new(lock, rule());
        let t0 = Instant::now();
        t.succeeded_at("staff@x.be", "192.0.2.1", t0);
        for i in 0..5 {
            let at = t0 + Duration::from_secs(60 * i);
            assert!(t.check_at("staff@x.be", "203.0.113.9", at).is_ok());
            t.failed_at("staff@x.be", "203.0.113.9", at);
        }
        let after = t0 + Duration::from_secs(240);
        // The attacker's address is locked for the account.
        assert!(t
            .check_at(
                "staff@x.be",
                "203.0.113.9",
                after + Duration::from_secs(120)
            )
            .is_err());
        // A new address waits the account's delay (5 failures: 2 s), then may try.
        assert_eq!(t.check_at("staff@x.be", "198.51.100.1", after), Err(2));
        assert!(t
            .check_at("staff@x.be", "198.51.100.1", after + Duration::from_secs(2))
            .is_ok());
        // The owner's usual address is not slowed down.
        assert!(t.check_at("staff@x.be", "192.0.2.1", after).is_ok());
        // Other accounts are not affected.
        assert!(t.check_at("other@x.be", "203.0.113.9", after).is_ok());
    }
}
