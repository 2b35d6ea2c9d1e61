//! A public activity as partners see it: no personal data (a host appears only under the public
//! name they agreed to).

use std::collections::HashMap;

use chrono::Utc;
use shared::activities::{ActivityStatus, PublicEvent};
use shared::Lang;

use crate::activities::domain::local_rfc3339;
use crate::activities::dto::{languages, pick, venue_dto};
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
        registration_open: r.registration_open(Utc::now()),
        updated_at: r.updated_at.and_utc(),
    })
}
