//! Handlers of `/public` for the agenda (feeds, one event, registration) and the embeddable
//! agenda page. Partners call these without an account.

mod embed;
mod event;
mod feeds;
mod register;
mod revalidate;

use chrono::{Duration, Utc};
use serde::Deserialize;
use shared::activities::{ActivityKind, ActivityProgramme};
use shared::Lang;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

pub use embed::embed_agenda;
pub use event::get_event;
pub use feeds::{events_ics, events_rss, list_events};
pub use register::register_public;

use crate::activities::domain::parse_bound;
use crate::activities::public::service::{Selection, CANCELLED_KEPT_DAYS};
use crate::activities::store::ActivityQuery;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_events)
        .service(events_ics)
        .service(events_rss)
        .service(get_event)
        .service(register_public);
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// From this date (`2026-12-01`) or instant (RFC 3339); default: now.
    pub start: Option<String>,
    /// Until this date or instant.
    pub end: Option<String>,
    pub programme: Option<ActivityProgramme>,
    pub kind: Option<ActivityKind>,
    /// Comma-separated tag slugs (any of them).
    pub tags: Option<String>,
    /// Language of titles and descriptions: fr (default), en, nl, ar.
    pub lang: Option<String>,
    /// Only activities changed since this instant (RFC 3339).
    pub modified_since: Option<String>,
    /// `start` (default) or `-start`.
    pub ordering: Option<String>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
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
    let lang = match q.lang.as_deref() {
        Some(l) => v.check("lang", Lang::from_tag(l).ok_or(Msg::InvalidValue)),
        None => Some(Lang::Fr),
    };
    let descending = match q.ordering.as_deref() {
        None | Some("start") => false,
        Some("-start") => true,
        Some(_) => {
            v.add("ordering", Msg::InvalidValue);
            false
        }
    };
    v.finish()?;
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
        lang: lang.unwrap_or_default(),
        descending,
        tag_slugs,
    })
}
