//! The public agenda held in memory: every activity the feeds may show, with what rendering it
//! needs, read in full once and then brought up to date from the rows changed since, whenever
//! the agenda's version moves. A feed request that misses the rendered-feed cache (a new
//! filter, a partner's `modified_since` poll, the embedded agenda) is filtered and paged here,
//! instead of having the database count, sort and join for each one (issue 20, "cache misses").
//!
//! What a feed shows of an activity changes only with its row's `updated_at` (registrations,
//! hosts and tag renames touch it: see `store::touch`), which is also what the agenda's version
//! and the feeds' ETags are made of; the snapshot is exactly as fresh as those validators.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock, RwLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDateTime, Utc};
use shared::activities::{ActivityKind, ActivityProgramme, ActivityStatus, Visibility};
use shared::Lang;

use crate::activities::feeds::cache::Version;
use crate::activities::public::dto::{feed_vevent, public_event_at};
use crate::activities::store::{self, ActivityQuery, ActivityRecord, ActivityRow};
use crate::db::{Db, DbConnection};
use crate::error::ApiError;

/// A change is re-read for this long after the latest one seen: a transaction that stamped its
/// rows earlier but committed later is still picked up.
const OVERLAP: chrono::Duration = chrono::Duration::seconds(60);
/// The whole agenda is read again this often, whatever changed (nothing is trusted forever).
const FULL_RELOAD: Duration = Duration::from_secs(600);
/// Records are read by this many ids at a time (bind-parameter limits of both databases).
const CHUNK: usize = 500;

/// One activity of the agenda and its texts folded for searching.
#[derive(Debug, Clone)]
pub struct Entry {
    /// What the feeds filter on, kept beside the others: a request scans every entry, and
    /// reaching into each record for these would be most of its time.
    key: Key,
    pub rec: Arc<ActivityRecord>,
    /// Titles and descriptions in every language, folded (see [`folded_text`]).
    folded: Arc<str>,
    /// The record as the feeds write it, made when first asked and kept while the record is
    /// (a change reads the record again, with nothing rendered).
    rendered: Arc<Rendered>,
}

/// An entry's renderings, by language ([`Lang`] as an index).
#[derive(Debug, Default)]
struct Rendered {
    ics: [OnceLock<Box<str>>; Lang::ALL.len()],
    /// Also by whether registration is open: the one thing shown that moves with the clock.
    json: [[OnceLock<Box<str>>; 2]; Lang::ALL.len()],
}

impl Entry {
    /// The activity as a VEVENT of the public calendars (see [`feed_vevent`]).
    pub fn ics(&self, lang: Lang, base: &str, slugs: &HashMap<String, String>) -> &str {
        self.rendered.ics[lang as usize].get_or_init(|| {
            let mut out = String::with_capacity(1024);
            feed_vevent(&mut out, &self.rec, lang, base, slugs);
            out.into()
        })
    }

    /// The activity as a JSON `PublicEvent` (see [`public_event_at`]) as of `now`.
    pub fn json(
        &self,
        lang: Lang,
        base: &str,
        slugs: &HashMap<String, String>,
        now: DateTime<Utc>,
    ) -> Result<&str, ApiError> {
        let open = self.rec.row.registration_open(now);
        let cell = &self.rendered.json[lang as usize][usize::from(open)];
        if let Some(done) = cell.get() {
            return Ok(done);
        }
        let event = public_event_at(&self.rec, lang, base, slugs, now)?;
        let text = serde_json::to_string(&event).map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(cell.get_or_init(|| text.into()))
    }
}

/// The fields of an activity the feeds' filters read (see [`listed`]).
#[derive(Debug, Clone, Copy)]
pub struct Key {
    starts_at: NaiveDateTime,
    ends_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    programme: ActivityProgramme,
    kind: ActivityKind,
    status: ActivityStatus,
    visibility: Visibility,
}

impl Key {
    pub fn of(row: &ActivityRow) -> Key {
        Key {
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            updated_at: row.updated_at,
            programme: row.programme,
            kind: row.kind,
            status: row.status,
            visibility: row.visibility,
        }
    }
}

/// Every activity ever in the public feeds, soonest first.
#[derive(Debug)]
pub struct Agenda {
    /// Sorted by start, then id (the order of the feeds).
    entries: Vec<Entry>,
    /// Tag slugs by tag id.
    pub slugs: Arc<HashMap<String, String>>,
    version: Version,
    loaded_at: Instant,
}

/// What a feed asks of the agenda (see `service::Selection`).
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    pub query: &'a ActivityQuery,
    /// Tag slugs, any of them.
    pub tag_slugs: &'a [String],
    pub words: &'a [String],
    pub languages: &'a [String],
    pub descending: bool,
    pub offset: usize,
    pub limit: usize,
}

impl Agenda {
    /// Reads the whole agenda.
    pub fn load(conn: &mut DbConnection) -> Result<Agenda, ApiError> {
        let version = store::public_version(conn)?;
        let rows = store::ever_public(conn, None)?;
        let mut entries = entries(conn, rows)?;
        entries.sort_by(|a, b| order(&a.rec.row, &b.rec.row));
        Ok(Agenda {
            entries,
            slugs: Arc::new(store::tag_slugs(conn)?),
            version,
            loaded_at: Instant::now(),
        })
    }

    /// The agenda as it is now: this one when nothing changed, else this one with the changed
    /// rows read again (or all of it, when that does not add up to the version's count).
    pub fn refresh(&self, conn: &mut DbConnection) -> Result<Agenda, ApiError> {
        if self.loaded_at.elapsed() >= FULL_RELOAD {
            return Agenda::load(conn);
        }
        let version = store::public_version(conn)?;
        let slugs = Arc::new(store::tag_slugs(conn)?);
        let Some(latest) = self.version.0 else {
            return Agenda::load(conn);
        };
        if version == self.version && slugs == self.slugs {
            return Ok(Agenda {
                entries: self.entries.clone(),
                slugs,
                version,
                loaded_at: self.loaded_at,
            });
        }
        let rows = store::ever_public(conn, Some(latest - OVERLAP))?;
        let changed = entries(conn, rows)?;
        let ids: HashSet<&str> = changed.iter().map(|e| e.rec.row.id.as_str()).collect();
        let mut merged: Vec<Entry> = self
            .entries
            .iter()
            .filter(|e| !ids.contains(e.rec.row.id.as_str()))
            .cloned()
            .collect();
        merged.extend(changed);
        if i64::try_from(merged.len()).ok() != Some(version.1) {
            // Something left the agenda (an activity deleted): start afresh.
            return Agenda::load(conn);
        }
        merged.sort_by(|a, b| order(&a.rec.row, &b.rec.row));
        Ok(Agenda {
            entries: merged,
            slugs,
            version,
            loaded_at: self.loaded_at,
        })
    }

    pub fn version(&self) -> Version {
        self.version
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// One page of the activities a feed asks for, and how many there are in all.
    pub fn select(&self, p: Page<'_>) -> (Vec<Entry>, usize) {
        let tags: Vec<&str> = self
            .slugs
            .iter()
            .filter(|(_, slug)| p.tag_slugs.contains(slug))
            .map(|(id, _)| id.as_str())
            .collect();
        if !p.tag_slugs.is_empty() && tags.is_empty() {
            return (Vec::new(), 0);
        }
        let searched = !p.words.is_empty() || !p.languages.is_empty();
        let wanted = |e: &&Entry| {
            listed(p.query, &e.key)
                && (tags.is_empty() || e.rec.tags.iter().any(|t| tags.contains(&t.as_str())))
                && p.query
                    .series_id
                    .as_ref()
                    .is_none_or(|s| e.rec.row.series_id.as_ref() == Some(s))
                && (!searched || answers(&e.rec.row, &e.folded, p.words, p.languages))
        };
        let mut count = 0;
        let mut page = Vec::with_capacity(p.limit.min(64));
        let mut take = |e: &Entry| {
            if count >= p.offset && page.len() < p.limit {
                page.push(e.clone());
            }
            count += 1;
        };
        if p.descending {
            self.entries.iter().rev().filter(wanted).for_each(&mut take);
        } else {
            self.entries.iter().filter(wanted).for_each(&mut take);
        }
        (page, count)
    }
}

/// The feeds' order: start, then id.
fn order(a: &ActivityRow, b: &ActivityRow) -> std::cmp::Ordering {
    (a.starts_at, &a.id).cmp(&(b.starts_at, &b.id))
}

/// The rows with their records and folded texts.
fn entries(conn: &mut DbConnection, rows: Vec<ActivityRow>) -> Result<Vec<Entry>, ApiError> {
    let mut out = Vec::with_capacity(rows.len());
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<ActivityRow> = rows.by_ref().take(CHUNK).collect();
        out.extend(store::records(conn, chunk)?.into_iter().map(|rec| Entry {
            key: Key::of(&rec.row),
            folded: folded_text(&rec.row).into(),
            rendered: Arc::default(),
            rec: Arc::new(rec),
        }));
    }
    Ok(out)
}

/// Whether an activity of the agenda passes the filters of a feed query: the same as
/// `store::list` with `public_since` set, for a row the agenda holds (public and not a draft,
/// or once so). Tags (matched by slug) and `series_id` are checked by [`Agenda::select`].
pub fn listed(q: &ActivityQuery, k: &Key) -> bool {
    // A row the agenda holds is published, cancelled, or withdrawn (shown as cancelled):
    // only a cancellation older than `since` has left the feeds.
    let shown = q.public_since.is_none_or(|since| {
        !(k.visibility == Visibility::Public
            && k.status == ActivityStatus::Cancelled
            && k.updated_at < since)
    });
    shown
        && q.start.is_none_or(|s| k.ends_at >= s)
        && q.end.is_none_or(|e| k.starts_at < e)
        && q.programme.is_none_or(|p| k.programme == p)
        && q.kind.is_none_or(|x| k.kind == x)
        && q.status.is_none_or(|s| k.status == s)
        && q.modified_since.is_none_or(|m| k.updated_at >= m)
}

/// An activity's titles and descriptions in every language, folded (case and accents away).
pub fn folded_text(row: &ActivityRow) -> String {
    crate::people::domain::fold(
        &row.title
            .0
            .values()
            .chain(row.description.0.values())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Whether an activity answers a text search and a language filter: every word somewhere in
/// its folded texts, and held in one of `languages` (when any are asked).
pub fn answers(row: &ActivityRow, folded: &str, words: &[String], languages: &[String]) -> bool {
    (languages.is_empty()
        || row
            .languages
            .split(',')
            .any(|l| languages.iter().any(|x| x == l)))
        && words.iter().all(|w| folded.contains(w.as_str()))
}

/// The agenda of this server process, shared by its workers.
#[derive(Default)]
pub struct AgendaCache {
    /// The agenda, and the version a request asked for when it was last refreshed (the
    /// database may have been further on: that version is served by it too).
    slot: RwLock<Option<(Arc<Agenda>, Version)>>,
    /// One refresh at a time; the others wait for it rather than read the same rows.
    refreshing: tokio::sync::Mutex<()>,
}

impl AgendaCache {
    fn cached(&self, version: Version) -> Option<Arc<Agenda>> {
        let slot = self.slot.read().ok()?;
        let (agenda, asked) = slot.as_ref()?;
        (agenda.version == version || *asked == version).then(|| agenda.clone())
    }

    /// The agenda at `version` (as the feed cache knows it) or later.
    pub async fn get(&self, db: &Db, version: Version) -> Result<Arc<Agenda>, ApiError> {
        if let Some(a) = self.cached(version) {
            return Ok(a);
        }
        let _one = self.refreshing.lock().await;
        if let Some(a) = self.cached(version) {
            return Ok(a);
        }
        let old = self
            .slot
            .read()
            .ok()
            .and_then(|s| s.as_ref().map(|s| s.0.clone()));
        let fresh = Arc::new(
            db.run(move |conn| match old {
                Some(old) => old.refresh(conn),
                None => Agenda::load(conn),
            })
            .await?,
        );
        if let Ok(mut slot) = self.slot.write() {
            *slot = Some((fresh.clone(), version));
        }
        Ok(fresh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use shared::activities::Multilingual;

    fn at(day: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, day)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .unwrap_or_default()
    }

    fn row(visibility: Visibility, status: ActivityStatus, updated: u32) -> ActivityRow {
        ActivityRow {
            id: "a".into(),
            series_id: None,
            title: crate::db::JsonText(Multilingual::from([("fr".into(), "Café".into())])),
            description: crate::db::JsonText(Multilingual::new()),
            programme: ActivityProgramme::Interact,
            kind: ActivityKind::WorkshopSession,
            starts_at: at(10),
            ends_at: at(11),
            venue_id: None,
            online_url: None,
            capacity: None,
            registration_opens_at: None,
            registration_closes_at: None,
            languages: "fr,ar".into(),
            french_level: None,
            free: true,
            accessibility_notes: None,
            visibility,
            status,
            cancel_reason: None,
            min_newcomer_percent: None,
            min_local_percent: None,
            sequence: 0,
            created_by: None,
            created_at: at(1),
            updated_at: at(updated),
        }
    }

    fn key(visibility: Visibility, status: ActivityStatus, updated: u32) -> Key {
        Key::of(&row(visibility, status, updated))
    }

    #[test]
    fn a_cancellation_is_listed_for_a_while_and_a_withdrawal_always() {
        let q = ActivityQuery {
            public_since: Some(at(5)),
            ..Default::default()
        };
        let public = Visibility::Public;
        assert!(listed(&q, &key(public, ActivityStatus::Published, 1)));
        assert!(listed(&q, &key(public, ActivityStatus::Cancelled, 6)));
        assert!(!listed(&q, &key(public, ActivityStatus::Cancelled, 4)));
        assert!(listed(
            &q,
            &key(Visibility::Internal, ActivityStatus::Published, 1)
        ));
        assert!(listed(&q, &key(public, ActivityStatus::Draft, 1)));
    }

    #[test]
    fn the_window_keeps_what_overlaps_it() {
        let r = row(Visibility::Public, ActivityStatus::Published, 1);
        let window = |start, end| ActivityQuery {
            start: Some(at(start)),
            end: Some(at(end)),
            ..Default::default()
        };
        assert!(
            listed(&window(11, 12), &Key::of(&r)),
            "ends at the window's start"
        );
        assert!(!listed(&window(12, 13), &Key::of(&r)));
        assert!(
            !listed(&window(8, 10), &Key::of(&r)),
            "starts at the window's end"
        );
        assert!(listed(&window(8, 11), &Key::of(&r)));
    }

    #[test]
    fn a_search_needs_every_word_and_one_of_the_languages() {
        let r = row(Visibility::Public, ActivityStatus::Published, 1);
        let folded = folded_text(&r);
        let w = |s: &str| vec![s.to_owned()];
        assert!(answers(&r, &folded, &w("cafe"), &[]));
        assert!(!answers(&r, &folded, &["cafe".into(), "the".into()], &[]));
        assert!(answers(&r, &folded, &[], &w("ar")));
        assert!(!answers(&r, &folded, &[], &w("nl")));
    }
}
