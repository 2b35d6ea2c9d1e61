//! In-memory cache of the public agenda's version and rendered feeds. Partners poll the feeds
//! far more often than the agenda changes, so a revalidation or a repeated query is answered
//! without touching the database.
//!
//! Every successful write request to this server bumps a generation counter, which invalidates
//! everything at once. Writes made elsewhere (another server process on the same PostgreSQL, the
//! CLI) are noticed when the version is checked again, at most [`VERSION_MAX_AGE`] later.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use actix_web::http::header::HeaderValue;
use chrono::{NaiveDate, NaiveDateTime};

/// How long the agenda's version is trusted without a write through this server.
pub const VERSION_MAX_AGE: Duration = Duration::from_secs(2);
/// How long a rendering is kept while the version does not change ("upcoming" moves with time).
pub const BODY_MAX_AGE: Duration = Duration::from_secs(60);
/// Distinct query strings kept; beyond that the cache starts afresh.
const MAX_ENTRIES: usize = 256;
/// Bytes of renderings kept per feed; beyond that the feed's entries start afresh (a calendar
/// of a thousand events is half a megabyte, and partners' filters are many).
const MAX_BODY_BYTES: usize = 16 << 20;

/// The public agenda's version: latest change and number of public activities.
pub type Version = (Option<NaiveDateTime>, i64);

#[derive(Clone)]
pub struct Rendered {
    pub body: actix_web::web::Bytes,
    pub content_type: &'static str,
}

/// The validators of one feed variant, ready to send: `ETag` and `Last-Modified` (with its
/// Unix time, for `If-Modified-Since`). Built once per agenda version and shared, so a
/// revalidation compares and copies, it formats nothing.
pub struct Labels {
    pub etag: HeaderValue,
    pub last_modified: Option<(i64, HeaderValue)>,
}

/// The feeds, each with its own entries (keyed by the query string as received).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feed {
    Json,
    Ics,
    Rss,
}

impl Feed {
    const ALL: usize = 3;

    fn index(self) -> usize {
        self as usize
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Feed::Json => "json",
            Feed::Ics => "ics",
            Feed::Rss => "rss",
        }
    }
}

struct Entry<T> {
    stamp: (u64, Version),
    at: Instant,
    value: T,
}

/// What the cache knows of the version.
pub enum Lookup {
    Fresh(Version),
    /// Expired, but another request is already checking: use this meanwhile.
    Stale(Version),
    /// The caller must query the database, then call [`FeedCache::store_version`].
    Miss,
}

#[derive(Default)]
pub struct FeedCache {
    generation: AtomicU64,
    refreshing: AtomicBool,
    // Read-write locks: every feed request reads these from every worker at once, and only
    // a change of the agenda or a new query string writes (a mutex made the workers queue).
    version: RwLock<Option<(u64, Instant, Version)>>,
    bodies: [RwLock<Bodies>; Feed::ALL],
    labels: [RwLock<HashMap<String, Entry<DatedLabels>>>; Feed::ALL],
}

/// The renderings of a feed by query string, and their total size.
#[derive(Default)]
struct Bodies {
    map: HashMap<String, Entry<Rendered>>,
    bytes: usize,
}

/// Labels of a feed and the day they were made for.
type DatedLabels = (NaiveDate, Arc<Labels>);

impl FeedCache {
    /// Forgets everything (called after each successful write request).
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    pub fn version(&self, generation: u64) -> Lookup {
        let Ok(slot) = self.version.read() else {
            return Lookup::Miss;
        };
        match *slot {
            Some((g, at, v)) if g == generation && at.elapsed() < VERSION_MAX_AGE => {
                Lookup::Fresh(v)
            }
            // Only one request re-reads the version; the others keep answering meanwhile
            // (no write happened through this server, so the old version is still the best).
            Some((g, _, v)) if g == generation && self.refreshing.swap(true, Ordering::SeqCst) => {
                Lookup::Stale(v)
            }
            _ => Lookup::Miss,
        }
    }

    pub fn store_version(&self, generation: u64, v: Version) {
        if let Ok(mut slot) = self.version.write() {
            *slot = Some((generation, Instant::now(), v));
        }
        self.refreshing.store(false, Ordering::SeqCst);
    }

    /// The version could not be read: let the next request try.
    pub fn refresh_failed(&self) {
        self.refreshing.store(false, Ordering::SeqCst);
    }

    pub fn body(
        &self,
        feed: Feed,
        query: &str,
        generation: u64,
        version: Version,
    ) -> Option<Rendered> {
        let bodies = self.bodies[feed.index()].read().ok()?;
        let e = bodies.map.get(query)?;
        (e.stamp == (generation, version) && e.at.elapsed() < BODY_MAX_AGE).then(|| e.value.clone())
    }

    /// The labels computed for this query under this generation, version and day.
    pub fn labels(
        &self,
        feed: Feed,
        query: &str,
        generation: u64,
        version: Version,
        day: NaiveDate,
    ) -> Option<Arc<Labels>> {
        let map = self.labels[feed.index()].read().ok()?;
        let e = map.get(query)?;
        (e.stamp == (generation, version) && e.value.0 == day).then(|| e.value.1.clone())
    }

    pub fn store_labels(
        &self,
        feed: Feed,
        query: &str,
        generation: u64,
        version: Version,
        day: NaiveDate,
        labels: Arc<Labels>,
    ) {
        if let Ok(mut map) = self.labels[feed.index()].write() {
            if map.len() >= MAX_ENTRIES && !map.contains_key(query) {
                map.clear();
            }
            map.insert(
                query.to_owned(),
                Entry {
                    stamp: (generation, version),
                    at: Instant::now(),
                    value: (day, labels),
                },
            );
        }
    }

    pub fn store_body(
        &self,
        feed: Feed,
        query: &str,
        generation: u64,
        version: Version,
        r: Rendered,
    ) {
        if let Ok(mut bodies) = self.bodies[feed.index()].write() {
            let size = r.body.len();
            if let Some(old) = bodies.map.remove(query) {
                bodies.bytes -= old.value.body.len();
            }
            if bodies.map.len() >= MAX_ENTRIES || bodies.bytes + size > MAX_BODY_BYTES {
                bodies.map.clear();
                bodies.bytes = 0;
            }
            bodies.bytes += size;
            bodies.map.insert(
                query.to_owned(),
                Entry {
                    stamp: (generation, version),
                    at: Instant::now(),
                    value: r,
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered() -> Rendered {
        Rendered {
            body: "x".into(),
            content_type: "application/json",
        }
    }

    #[test]
    fn a_write_invalidates_everything() {
        let c = FeedCache::default();
        let g = c.generation();
        let v: Version = (None, 3);
        c.store_version(g, v);
        c.store_body(Feed::Json, "", g, v, rendered());
        assert!(matches!(c.version(g), Lookup::Fresh((None, 3))));
        assert!(c.body(Feed::Json, "", g, v).is_some());
        assert!(
            c.body(Feed::Ics, "", g, v).is_none(),
            "each feed has its own entries"
        );
        c.invalidate();
        let g2 = c.generation();
        assert!(matches!(c.version(g2), Lookup::Miss));
        assert!(c.body(Feed::Json, "", g2, v).is_none());
    }

    #[test]
    fn the_renderings_kept_are_bounded_in_bytes() {
        let c = FeedCache::default();
        let g = c.generation();
        let v: Version = (None, 1);
        let big = || Rendered {
            body: vec![b' '; MAX_BODY_BYTES / 4 + 1].into(),
            content_type: "text/calendar",
        };
        for q in ["a", "b", "c"] {
            c.store_body(Feed::Ics, q, g, v, big());
        }
        assert!(c.body(Feed::Ics, "a", g, v).is_some());
        c.store_body(Feed::Ics, "c", g, v, big());
        assert!(
            c.body(Feed::Ics, "a", g, v).is_some(),
            "a rendering replaced is not counted twice"
        );
        c.store_body(Feed::Ics, "d", g, v, big());
        assert!(
            c.body(Feed::Ics, "a", g, v).is_none(),
            "over the budget, the feed starts afresh"
        );
        assert!(c.body(Feed::Ics, "d", g, v).is_some());
    }

    #[test]
    fn a_changed_version_invalidates_bodies() {
        let c = FeedCache::default();
        let g = c.generation();
        c.store_body(Feed::Ics, "", g, (None, 1), rendered());
        assert!(c.body(Feed::Ics, "", g, (None, 2)).is_none());
    }
}
