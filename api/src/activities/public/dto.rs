//! A public activity as partners see it: no personal data (a host appears only under the public
//! name they agreed to).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use shared::activities::{ActivityStatus, PublicEvent};
use shared::Lang;

use crate::activities::domain::local_rfc3339;
use crate::activities::dto::{languages, pick, venue_dto};
use crate::activities::feeds::ics;
use crate::activities::public::service::shown_cancelled;
use crate::activities::store::ActivityRecord;
use crate::db::stored_id as uuid;
use crate::error::ApiError;

/// The event in `lang` (French where that language is missing); `slugs` names tags by id.
pub fn public_event(
    rec: &ActivityRecord,
    lang: Lang,
    base: &str,
    slugs: &HashMap<String, String>,
) -> Result<PublicEvent, ApiError> {
    public_event_at(rec, lang, base, slugs, Utc::now())
}

/// [`public_event`] as of `now` (whether registration is open).
pub fn public_event_at(
    rec: &ActivityRecord,
    lang: Lang,
    base: &str,
    slugs: &HashMap<String, String>,
    now: DateTime<Utc>,
) -> Result<PublicEvent, ApiError> {
    let r = &rec.row;
    let (title, description) = (&r.title.0, &r.description.0);
    let id = uuid(&r.id)?;
    Ok(PublicEvent {
        id,
        url: format!("{base}/events/{id}"),
        title: pick(title, lang.code()),
        description: pick(description, lang.code()),
        lang: if title.contains_key(lang.code()) {
            lang.code()
        } else {
            "fr"
        }
        .to_owned(),
        programme: r.programme,
        kind: r.kind,
        start: r.starts_at.and_utc(),
        end: r.ends_at.and_utc(),
        start_local: local_rfc3339(r.starts_at.and_utc()),
        end_local: local_rfc3339(r.ends_at.and_utc()),
        venue: rec.venue.as_ref().map(venue_dto).transpose()?,
        online_url: r.online_url.clone(),
        status: if shown_cancelled(r) {
            ActivityStatus::Cancelled
        } else {
            r.status
        },
        cancel_reason: r.cancel_reason.clone(),
        languages: languages(&r.languages),
        french_level: r.french_level,
        free: r.free,
        accessibility_notes: r.accessibility_notes.clone(),
        tags: rec
            .tags
            .iter()
            .filter_map(|t| slugs.get(t).cloned())
            .collect(),
        hosts: rec
            .hosts
            .iter()
            .filter_map(|(_, _, public)| public.clone())
            .collect(),
        capacity: r.capacity,
        remaining_places: r.remaining(&rec.counts),
        registration_open: r.registration_open(now),
        updated_at: r.updated_at.and_utc(),
    })
}

/// An activity as a VEVENT of the public calendars, written into `out`: in `lang`, linking to
/// its public page, with its programme and tag slugs as categories.
pub fn feed_vevent(
    out: &mut String,
    rec: &ActivityRecord,
    lang: Lang,
    base: &str,
    slugs: &HashMap<String, String>,
) {
    let url = format!("{base}/events/{}", rec.row.id);
    let texts = ics_texts(rec, lang);
    let mut categories = vec![rec.row.programme.as_str().to_owned()];
    categories.extend(rec.tags.iter().filter_map(|t| slugs.get(t).cloned()));
    ics::event(out, &ics_event(rec, &texts, &url, categories));
}

/// An activity's title and calendar description in `lang` (French where missing): the
/// description followed by the cancellation's reason, if any.
pub fn ics_texts(rec: &ActivityRecord, lang: Lang) -> (String, String) {
    let mut desc = pick(&rec.row.description.0, lang.code());
    if let Some(reason) = &rec.row.cancel_reason {
        desc = format!("{desc}\n\n{reason}").trim().to_owned();
    }
    (pick(&rec.row.title.0, lang.code()), desc)
}

/// An activity as a calendar event, the same wherever it is written (the public feed, a
/// training reminder's attachment): one UID per activity, so that a calendar that has it from
/// both knows it is one event.
pub fn ics_event<'a>(
    rec: &ActivityRecord,
    texts: &'a (String, String),
    url: &'a str,
    categories: Vec<String>,
) -> ics::IcsEvent<'a> {
    let r = &rec.row;
    ics::IcsEvent {
        uid: ics::uid(&r.id),
        summary: &texts.0,
        description: &texts.1,
        start: r.starts_at.and_utc(),
        end: r.ends_at.and_utc(),
        updated: r.updated_at.and_utc(),
        sequence: r.sequence,
        cancelled: shown_cancelled(r),
        location: rec
            .venue
            .as_ref()
            .map(|v| v.address())
            .or_else(|| r.online_url.clone()),
        url,
        categories,
    }
}
