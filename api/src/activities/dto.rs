//! Stored activities, registrations and venues as the API shows them.

use chrono::Utc;
use shared::activities::{
    Activity, ActivityHost, Multilingual, Registration, RegistrationCounts, Venue,
};

use crate::activities::domain::local_rfc3339;
use crate::activities::store::{ActivityRecord, RegistrationRow, VenueRow};
use crate::db::stored_id as uuid;
use crate::error::ApiError;

/// The text in `lang`, falling back to French.
pub fn pick(m: &Multilingual, lang: &str) -> String {
    m.get(lang)
        .filter(|s| !s.is_empty())
        .or_else(|| m.get("fr"))
        .cloned()
        .unwrap_or_default()
}

pub fn venue_dto(v: &VenueRow) -> Result<Venue, ApiError> {
    Ok(Venue {
        id: uuid(&v.id)?,
        name: v.name.clone(),
        street: v.street.clone(),
        postcode: v.postcode.clone(),
        locality: v.locality.clone(),
    })
}

/// Languages are stored comma-separated.
pub fn languages(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn activity_dto(rec: &ActivityRecord) -> Result<Activity, ApiError> {
    let r = &rec.row;
    let c = &rec.counts;
    Ok(Activity {
        id: uuid(&r.id)?,
        series_id: r.series_id.as_deref().and_then(|s| s.parse().ok()),
        title: r.title.0.clone(),
        description: r.description.0.clone(),
        programme: r.programme,
        kind: r.kind,
        starts_at: r.starts_at.and_utc(),
        ends_at: r.ends_at.and_utc(),
        starts_at_local: local_rfc3339(r.starts_at.and_utc()),
        ends_at_local: local_rfc3339(r.ends_at.and_utc()),
        venue: rec.venue.as_ref().map(venue_dto).transpose()?,
        online_url: r.online_url.clone(),
        capacity: r.capacity,
        registration_opens_at: r.registration_opens_at.map(|t| t.and_utc()),
        registration_closes_at: r.registration_closes_at.map(|t| t.and_utc()),
        languages: languages(&r.languages),
        french_level: r.french_level,
        free: r.free,
        accessibility_notes: r.accessibility_notes.clone(),
        tags: rec.tags.iter().filter_map(|t| t.parse().ok()).collect(),
        hosts: rec
            .hosts
            .iter()
            .map(|(p, name, public)| {
                Ok(ActivityHost {
                    person_id: uuid(p)?,
                    display_name: name.clone(),
                    public_name: public.clone(),
                })
            })
            .collect::<Result<_, ApiError>>()?,
        staff: rec.staff.iter().filter_map(|s| s.parse().ok()).collect(),
        visibility: r.visibility,
        status: r.status,
        cancel_reason: r.cancel_reason.clone(),
        min_newcomer_percent: r.min_newcomer_percent,
        min_local_percent: r.min_local_percent,
        counts: RegistrationCounts {
            registered: c.registered,
            waitlisted: c.waitlisted,
            attended: c.attended,
            newcomers: c.newcomers,
            locals: c.locals,
            remaining: r.remaining(c),
        },
        registration_open: r.registration_open(Utc::now()),
        sequence: r.sequence,
        updated_at: r.updated_at.and_utc(),
    })
}

pub fn registration_dto(
    r: &RegistrationRow,
    name: &str,
    position: Option<u32>,
) -> Result<Registration, ApiError> {
    Ok(Registration {
        id: uuid(&r.id)?,
        activity_id: uuid(&r.activity_id)?,
        person_id: uuid(&r.person_id)?,
        display_name: name.to_owned(),
        category: r.category,
        status: r.status,
        source: r.source,
        waitlist_position: position,
        registered_by: r.registered_by.as_deref().and_then(|s| s.parse().ok()),
        promoted_at: r.promoted_at.map(|t| t.and_utc()),
        created_at: r.created_at.and_utc(),
    })
}
