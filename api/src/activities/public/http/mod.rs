//! Handlers of `/public` for the agenda (feeds, one event, registration), the embeddable agenda
//! page and the page of registration confirmation links. Partners call these without an account.

mod confirm;
mod embed;
mod event;
mod feeds;
mod register;
mod revalidate;

use chrono::{Duration, Utc};
use shared::activities::{EventOrdering, EventQuery};
use utoipa_actix_web::service_config::ServiceConfig;

pub use confirm::{confirm_page, confirm_submit};
pub use embed::{embed_agenda, RESIZE_SCRIPT};
pub use event::{event_ics, get_event};
pub use feeds::{events_ics, events_rss, list_events};
pub use register::register_public;

use crate::activities::domain::parse_bound;
pub use crate::activities::public::service::CONFIRM_PATH;
use crate::activities::public::service::{Selection, CANCELLED_KEPT_DAYS};
use crate::activities::store::ActivityQuery;
use crate::error::{ApiError, Validator};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_events)
        .service(events_ics)
        .service(events_rss)
        .service(get_event)
        .service(event_ics)
        .service(register_public);
}

/// The feed selection a query asks for; `default_window_days` bounds an open end.
fn selection(q: &EventQuery, default_window_days: Option<i64>) -> Result<Selection, ApiError> {
    let mut v = Validator::new();
    let now = Utc::now();
    let start = match q.start.as_deref() {
        Some(s) => v.check("start", parse_bound(s)),
        None => Some(now),
    };
    let end = match q.end.as_deref() {
        Some(s) => v.check("end", parse_bound(s)).map(Some),
        None => Some(default_window_days.map(|d| now + Duration::days(d))),
    }
    .flatten();
    let modified = match q.modified_since.as_deref() {
        Some(s) => v.check("modified_since", parse_bound(s)).map(Some),
        None => Some(None),
    }
    .flatten();
    let words = v.check("q", search_words(q.q.as_deref()));
    let languages = v.check("languages", language_codes(q.languages.as_deref()));
    v.finish()?;
    let descending = q.ordering == Some(EventOrdering::StartDescending);
    let tag_slugs: Vec<String> = q
        .tags
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    Ok(Selection {
        query: ActivityQuery {
            start: start.map(|t| t.naive_utc()),
            end: end.map(|t| t.naive_utc()),
            programme: q.programme,
            kind: q.kind,
            public_since: Some((now - Duration::days(CANCELLED_KEPT_DAYS)).naive_utc()),
            modified_since: modified.map(|t| t.naive_utc()),
            ..Default::default()
        },
        lang: q.lang.unwrap_or_default(),
        descending,
        tag_slugs,
        words: words.unwrap_or_default(),
        languages: languages.unwrap_or_default(),
    })
}

/// The folded words of a text search (none for a blank one); at most 200 characters.
fn search_words(q: Option<&str>) -> Result<Vec<String>, crate::i18n::Msg> {
    let q = q.unwrap_or("");
    if q.chars().count() > 200 {
        return Err(crate::i18n::Msg::TooLong(200));
    }
    Ok(crate::activities::public::service::search_words(q))
}

/// Language codes, two or three letters each, separated by commas (exactly the pattern the
/// OpenAPI document gives), lower-cased; none for an empty value.
fn language_codes(list: Option<&str>) -> Result<Vec<String>, crate::i18n::Msg> {
    let list = list.unwrap_or("");
    if list.is_empty() {
        return Ok(vec![]);
    }
    list.split(',')
        .map(|c| {
            if (2..=3).contains(&c.len()) && c.chars().all(|ch| ch.is_ascii_alphabetic()) {
                Ok(c.to_ascii_lowercase())
            } else {
                Err(crate::i18n::Msg::InvalidLanguageCode)
            }
        })
        .collect()
}
