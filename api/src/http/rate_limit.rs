//! Sliding-window counters for throttling sign-ins and public forms. In memory for a single
//! process (SQLite); in the database (`http::shared_counter`) when several server processes
//! share one PostgreSQL database, so that the limit holds for the whole deployment.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::config::RateLimit;
use crate::db::{write_transaction, Db};
use crate::http::proxy::Cidr;
use crate::http::shared_counter as counter;

/// Keys beyond this many trigger a sweep of expired entries (bounded memory under a flood).
const SWEEP_THRESHOLD: usize = 10_000;

/// Where the counts live.
enum Store {
    Memory(Mutex<HashMap<String, VecDeque<Instant>>>),
    /// `throttle_events` rows of this bucket.
    Shared {
        db: Db,
        bucket: &'static str,
    },
}

pub struct RateLimiter {
    limit: RateLimit,
    store: Store,
}

/// Whole seconds to wait for an event of `oldest` to leave the window (at least one).
fn shared_wait(window: Duration, oldest: Option<chrono::NaiveDateTime>) -> u64 {
    let now = crate::db::now();
    let age = oldest
        .map(|o| (now - o).to_std().unwrap_or(Duration::ZERO))
        .unwrap_or(Duration::ZERO);
    window.saturating_sub(age).as_secs().max(1)
}

impl RateLimiter {
    /// Counts in this process's memory.
    pub fn new(limit: RateLimit) -> Self {
        RateLimiter {
            limit,
            store: Store::Memory(Mutex::new(HashMap::new())),
        }
    }

    /// Counts in the database, under `bucket`, for every process sharing it.
    pub fn shared(limit: RateLimit, db: Db, bucket: &'static str) -> Self {
        RateLimiter {
            limit,
            store: Store::Shared { db, bucket },
        }
    }

    /// One of both, by the database: shared on PostgreSQL, in memory on SQLite (one process).
    pub fn for_db(limit: RateLimit, db: &Db, bucket: &'static str) -> Self {
        if db.backend() == "postgres" {
            Self::shared(limit, db.clone(), bucket)
        } else {
            Self::new(limit)
        }
    }

    /// `Err(seconds to wait)` when `key` has used up its allowance.
    pub async fn check(&self, key: &str) -> Result<(), u64> {
        match &self.store {
            Store::Memory(_) => self.check_at(key, Instant::now()),
            Store::Shared { db, bucket } => {
                let (limit, bucket, hash) = (self.limit, *bucket, counter::key_hash(bucket, key));
                let since = crate::db::now() - chrono_window(limit.window);
                let seen = db
                    .run(move |conn| Ok(counter::window(conn, bucket, &hash, since)?))
                    .await;
                match seen {
                    Ok(w) if w.count >= limit.max as i64 => {
                        Err(shared_wait(limit.window, w.oldest))
                    }
                    Ok(_) => Ok(()),
                    Err(error) => {
                        tracing::warn!(%error, "throttling counter not read");
                        Ok(())
                    }
                }
            }
        }
    }

    /// Records one event for `key`.
    pub async fn record(&self, key: &str) {
        match &self.store {
            Store::Memory(_) => self.record_at(key, Instant::now()),
            Store::Shared { db, bucket } => {
                let (window, bucket, hash) =
                    (self.limit.window, *bucket, counter::key_hash(bucket, key));
                let done = db
                    .run(move |conn| {
                        Ok(counter::record(
                            conn,
                            bucket,
                            &hash,
                            crate::db::now(),
                            window,
                        )?)
                    })
                    .await;
                if let Err(error) = done {
                    tracing::warn!(%error, "throttling counter not written");
                }
            }
        }
    }

    /// Records one event and refuses it if the allowance was already used up; returns the
    /// event's id in the shared store (to take it back).
    pub async fn hit(&self, key: &str) -> Result<Option<String>, u64> {
        match &self.store {
            Store::Memory(_) => {
                let now = Instant::now();
                self.check_at(key, now)?;
                self.record_at(key, now);
                Ok(None)
            }
            Store::Shared { db, bucket } => {
                let (limit, bucket, hash) = (self.limit, *bucket, counter::key_hash(bucket, key));
                let outcome = db
                    .run(move |conn| {
                        write_transaction(conn, |conn| {
                            counter::lock_key(conn, &hash)?;
                            let now = crate::db::now();
                            let w = counter::window(
                                conn,
                                bucket,
                                &hash,
                                now - chrono_window(limit.window),
                            )?;
                            if w.count >= limit.max as i64 {
                                return Ok(Err(shared_wait(limit.window, w.oldest)));
                            }
                            Ok(Ok(counter::record(conn, bucket, &hash, now, limit.window)?))
                        })
                    })
                    .await;
                match outcome {
                    Ok(Ok(id)) => Ok(Some(id)),
                    Ok(Err(wait)) => Err(wait),
                    Err(error) => {
                        tracing::warn!(%error, "throttling counter not written");
                        Ok(None)
                    }
                }
            }
        }
    }

    /// The allowance of each key.
    pub fn limit(&self) -> RateLimit {
        self.limit
    }

    /// Like [`RateLimiter::hit`], for answers that tell the caller where it stands (the
    /// `RateLimit-*` headers): `Ok((remaining, seconds until the window frees a call))`, or
    /// `Err(seconds to wait)`.
    pub async fn hit_counted(&self, key: &str) -> Result<(u64, u64), u64> {
        let window = self.limit.window;
        let max = self.limit.max as u64;
        match &self.store {
            Store::Memory(hits) => {
                let now = Instant::now();
                self.check_at(key, now)?;
                self.record_at(key, now);
                let Ok(hits) = hits.lock() else {
                    return Ok((max.saturating_sub(1), window.as_secs().max(1)));
                };
                let q = hits.get(key);
                let used = q.map_or(1, |q| q.len() as u64);
                let oldest = q.and_then(|q| q.front().copied()).unwrap_or(now);
                let reset = window.saturating_sub(now.duration_since(oldest));
                Ok((max.saturating_sub(used), reset.as_secs().max(1)))
            }
            Store::Shared { db, bucket } => {
                let (limit, bucket, hash) = (self.limit, *bucket, counter::key_hash(bucket, key));
                let outcome = db
                    .run(move |conn| {
                        write_transaction(conn, |conn| {
                            counter::lock_key(conn, &hash)?;
                            let now = crate::db::now();
                            let w = counter::window(
                                conn,
                                bucket,
                                &hash,
                                now - chrono_window(limit.window),
                            )?;
                            let wait = shared_wait(limit.window, w.oldest);
                            if w.count >= limit.max as i64 {
                                return Ok(Err(wait));
                            }
                            counter::record(conn, bucket, &hash, now, limit.window)?;
                            let used = u64::try_from(w.count).unwrap_or(0) + 1;
                            let reset = if w.oldest.is_some() {
                                wait
                            } else {
                                limit.window.as_secs().max(1)
                            };
                            Ok(Ok((max.saturating_sub(used), reset)))
                        })
                    })
                    .await;
                match outcome {
                    Ok(done) => done,
                    Err(error) => {
                        tracing::warn!(%error, "throttling counter not written");
                        Ok((max, window.as_secs().max(1)))
                    }
                }
            }
        }
    }

    /// Takes back the latest event of `key` (a reserved submission that was refused); `event`
    /// is what [`RateLimiter::hit`] returned. Does not wait for the shared store.
    pub fn release(&self, key: &str, event: Option<String>) {
        match &self.store {
            Store::Memory(hits) => {
                if let Ok(mut hits) = hits.lock() {
                    if let Some(q) = hits.get_mut(key) {
                        q.pop_back();
                    }
                }
            }
            Store::Shared { db, .. } => {
                let (Some(id), Ok(runtime)) = (event, tokio::runtime::Handle::try_current()) else {
                    return;
                };
                let db = db.clone();
                runtime.spawn_blocking(move || {
                    let done = db
                        .conn()
                        .map_err(|e| e.to_string())
                        .and_then(|mut c| counter::remove(&mut c, &id).map_err(|e| e.to_string()));
                    if let Err(error) = done {
                        tracing::warn!(%error, "throttling counter not given back");
                    }
                });
            }
        }
    }

    /// Whether the counts live in the database.
    pub fn is_shared(&self) -> bool {
        matches!(self.store, Store::Shared { .. })
    }

    /// Forgets `key` in memory (nothing on the shared store).
    pub(crate) fn forget(&self, key: &str) {
        if let Store::Memory(hits) = &self.store {
            if let Ok(mut hits) = hits.lock() {
                hits.remove(key);
            }
        }
    }

    /// Forgets `key` (after a successful sign-in).
    pub async fn reset(&self, key: &str) {
        match &self.store {
            Store::Memory(_) => self.forget(key),
            Store::Shared { db, bucket } => {
                let (bucket, hash) = (*bucket, counter::key_hash(bucket, key));
                let done = db
                    .run(move |conn| Ok(counter::reset(conn, bucket, &hash)?))
                    .await;
                if let Err(error) = done {
                    tracing::warn!(%error, "throttling counter not reset");
                }
            }
        }
    }

    /// The in-memory check at `now` (always passes on the shared store).
    pub(crate) fn check_at(&self, key: &str, now: Instant) -> Result<(), u64> {
        let Store::Memory(hits) = &self.store else {
            return Ok(());
        };
        let Ok(mut hits) = hits.lock() else {
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

    /// The in-memory count at `now` (nothing on the shared store).
    pub(crate) fn record_at(&self, key: &str, now: Instant) {
        let Store::Memory(hits) = &self.store else {
            return;
        };
        let Ok(mut hits) = hits.lock() else {
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

/// A window as a database time span.
pub fn chrono_window(window: Duration) -> chrono::Duration {
    chrono::Duration::from_std(window).unwrap_or(chrono::Duration::days(1))
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
    /// The counted event in the shared store.
    event: Option<String>,
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
            self.limiter.release(&self.key, self.event.take());
        }
    }
}

impl FormQuota {
    /// In this process's memory.
    pub fn new(visitors: RateLimit, venue: RateLimit, venue_addresses: AddressList) -> Self {
        FormQuota {
            visitors: Arc::new(RateLimiter::new(visitors)),
            venue: Arc::new(RateLimiter::new(venue)),
            venue_addresses,
        }
    }

    /// The quota of the form `name`, shared by the processes on a PostgreSQL database.
    pub fn for_db(
        name: &'static str,
        visitors: RateLimit,
        venue: RateLimit,
        venue_addresses: AddressList,
        db: &Db,
    ) -> Self {
        let (visitor_bucket, venue_bucket) = match name {
            "signups" => ("signups", "signups_venue"),
            _ => ("registrations", "registrations_venue"),
        };
        FormQuota {
            visitors: Arc::new(RateLimiter::for_db(visitors, db, visitor_bucket)),
            venue: Arc::new(RateLimiter::for_db(venue, db, venue_bucket)),
            venue_addresses,
        }
    }

    /// Takes a place for a submission from `ip`; `Err(seconds to wait)` when none is left.
    pub async fn reserve(&self, ip: &str) -> Result<Seat, u64> {
        let limiter = if self.venue_addresses.contains(ip) {
            &self.venue
        } else {
            &self.visitors
        };
        let event = limiter.hit(ip).await?;
        Ok(Seat {
            limiter: limiter.clone(),
            key: ip.to_owned(),
            event,
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

    #[actix_web::test]
    async fn refuses_beyond_the_allowance_until_the_window_passes() {
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
        rl.reset("a").await;
        assert!(rl.check_at("a", t0).is_ok());
    }

    #[actix_web::test]
    async fn refused_submissions_give_their_place_back_and_venues_have_more() {
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
                    .await
                    .expect("a refused form costs nothing"),
            );
        }
        for _ in 0..2 {
            quota.reserve("198.51.100.7").await.expect("place").keep();
        }
        assert!(quota.reserve("198.51.100.7").await.is_err());
        for _ in 0..4 {
            quota
                .reserve("192.0.2.10")
                .await
                .expect("venue place")
                .keep();
        }
        assert!(quota.reserve("192.0.2.10").await.is_err());
        assert!(AddressList::parse("10.0.0/8").is_err());
    }
}
