//! People as the API shows them: rows to wire types.

use shared::audit::PersonHistoryEntry;
use shared::consent::Consent;
use shared::people::{LanguageSkill, Membership, Person, PersonSummary, PersonTag, Programme};
use shared::Lang;

use crate::audit::AuditRow;
use crate::error::ApiError;
use crate::people::domain::display_name;
use crate::people::service::HistoryNames;
use crate::people::store::{ConsentRow, MembershipRow, PersonRecord, PersonRow};

fn parse<T: std::str::FromStr>(s: &str, what: &str) -> Result<T, ApiError> {
    s.parse()
        .map_err(|_| anyhow::anyhow!("unknown {what} {s:?} in the database").into())
}

fn label(labels: &[String; 4], lang: Lang) -> String {
    let i = match lang {
        Lang::Fr => 0,
        Lang::En => 1,
        Lang::Nl => 2,
        Lang::Ar => 3,
    };
    labels[i].clone()
}

pub fn membership_dto(m: &MembershipRow) -> Result<Membership, ApiError> {
    Ok(Membership {
        id: parse(&m.id, "membership id")?,
        programme: m.programme,
        role: m.role,
        status: m.status,
        started_on: m.started_on,
        ended_on: m.ended_on,
    })
}

pub fn consent_dto(c: &ConsentRow) -> Result<Consent, ApiError> {
    Ok(Consent {
        id: parse(&c.id, "consent id")?,
        purpose: c.purpose,
        notice_version: c.notice_version.clone(),
        notice_lang: Lang::from_tag(&c.notice_lang).unwrap_or_default(),
        method: c.method,
        given_at: c.given_at.and_utc(),
        recorded_by: c.recorded_by.as_deref().and_then(|s| s.parse().ok()),
        withdrawn_at: c.withdrawn_at.map(|t| t.and_utc()),
    })
}

/// The staff view of a person; staff notes only for roles that may see them.
pub fn person_dto(rec: &PersonRecord, lang: Lang, with_notes: bool) -> Result<Person, ApiError> {
    let r = &rec.row;
    let (category, computed) = r.categories();
    Ok(Person {
        id: r.uuid()?,
        first_name: r.first_name.clone(),
        last_name: r.last_name.clone(),
        preferred_name: r.preferred_name.clone(),
        display_name: display_name(
            &r.first_name,
            r.last_name.as_deref(),
            r.preferred_name.as_deref(),
        ),
        email: r.email.clone(),
        phone: r.phone.clone(),
        preferred_channel: r.preferred_channel,
        street: r.street.clone(),
        postcode: r.postcode.clone(),
        commune: r.commune.clone(),
        profile: r.profile,
        arrival_year: r.arrival_year,
        category,
        computed_category: computed,
        category_override: r.category_override,
        category_override_reason: r.category_override_reason.clone(),
        birth_year: r.birth_year,
        gender: r.gender.clone(),
        french_level: r.french_level,
        languages: rec
            .languages
            .iter()
            .map(|l| {
                Ok(LanguageSkill {
                    language: l.language.clone(),
                    level: l.level,
                })
            })
            .collect::<Result<_, ApiError>>()?,
        tags: rec
            .tags
            .iter()
            .map(|t| {
                Ok(PersonTag {
                    tag_id: parse(&t.tag_id, "tag id")?,
                    slug: t.slug.clone(),
                    label: label(&t.labels, lang),
                    kind: t.kind,
                })
            })
            .collect::<Result<_, ApiError>>()?,
        availability: rec.availability.iter().map(|a| a.slot).collect(),
        presentation: r.presentation.clone(),
        staff_notes: if with_notes {
            r.staff_notes.clone()
        } else {
            None
        },
        status: r.status,
        possible_duplicate_of: r
            .possible_duplicate_of
            .as_deref()
            .and_then(|s| s.parse().ok()),
        archived: r.archived,
        anonymised: r.anonymised_at.is_some(),
        memberships: rec
            .memberships
            .iter()
            .map(membership_dto)
            .collect::<Result<_, _>>()?,
        consents: rec
            .consents
            .iter()
            .map(consent_dto)
            .collect::<Result<_, _>>()?,
        coaches: rec
            .coaches
            .iter()
            .filter_map(|c| c.user_id.parse().ok())
            .collect(),
        created_at: r.created_at.and_utc(),
        updated_at: r.updated_at.and_utc(),
        last_activity_at: r.last_activity_at.and_utc(),
    })
}

/// A person in a list.
pub fn summary_dto(r: &PersonRow, programmes: Vec<Programme>) -> Result<PersonSummary, ApiError> {
    let (category, _) = r.categories();
    Ok(PersonSummary {
        id: r.uuid()?,
        display_name: display_name(
            &r.first_name,
            r.last_name.as_deref(),
            r.preferred_name.as_deref(),
        ),
        email: r.email.clone(),
        phone: r.phone.clone(),
        commune: r.commune.clone(),
        postcode: r.postcode.clone(),
        category,
        french_level: r.french_level,
        programmes,
        status: r.status,
        archived: r.archived,
        updated_at: r.updated_at.and_utc(),
        last_activity_at: r.last_activity_at.and_utc(),
    })
}

/// One entry of a person's history: who, when, what, and which fields changed.
pub fn history_entry(r: AuditRow, h: &HistoryNames) -> Result<PersonHistoryEntry, ApiError> {
    Ok(PersonHistoryEntry {
        id: parse(&r.id, "audit id")?,
        occurred_at: r.occurred_at.and_utc(),
        actor_id: r.actor_id.as_deref().and_then(|a| a.parse().ok()),
        actor_name: r.actor_id.as_ref().and_then(|a| h.actors.get(a).cloned()),
        changed: changed_names(&r.details),
        consent: consent_of(&r.details).and_then(|c| h.consents.get(&c).copied()),
        action: r.action,
    })
}

/// The consent an audit entry is about (its id), if any.
fn consent_of(details: &str) -> Option<String> {
    let serde_json::Value::Object(map) = serde_json::from_str(details).ok()? else {
        return None;
    };
    map.get("consent")?.as_str().map(str::to_owned)
}

/// The names of the fields an audit entry says changed (never values).
fn changed_names(details: &str) -> Vec<String> {
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(details)
    else {
        return vec![];
    };
    map.get("changed")
        .and_then(serde_json::Value::as_array)
        .map(|names| {
            names
                .iter()
                .filter_map(|n| n.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
