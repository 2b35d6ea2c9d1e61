//! The editor's rules, without the browser: its field names, the text of its inputs, the dates of a series.

use crate::api::ApiError;
use crate::i18n::activities::ActKey;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use shared::activities::{Activity, ActivityHostInput, ActivityInput, Recurrence};
use shared::{Lang, Problem};

/// The inputs of the form, by the names the API uses for its field errors.
pub const FIELDS: [&str; 29] = [
    "title.fr",
    "title.en",
    "title.nl",
    "title.ar",
    "description.fr",
    "description.en",
    "description.nl",
    "description.ar",
    "programme",
    "kind",
    "starts_at",
    "ends_at",
    "venue_id",
    "online_url",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "languages",
    "french_level",
    "accessibility_notes",
    "tags",
    "hosts",
    "staff",
    "visibility",
    "status",
    "cancel_reason",
    "min_newcomer_percent",
    "min_local_percent",
    "recurrence",
];

/// The most sessions one series may have (the API's limit).
pub const MAX_SESSIONS: usize = 60;

/// The interface languages, in which titles and descriptions can be written.
pub(super) const TEXT_LANGS: [Lang; 4] = [Lang::Fr, Lang::En, Lang::Nl, Lang::Ar];

/// Languages offered as check boxes (others are typed as ISO codes), with their own names.
pub const COMMON_LANGUAGES: [(&str, &str); 8] = [
    ("fr", "Français"),
    ("nl", "Nederlands"),
    ("en", "English"),
    ("ar", "العربية"),
    ("es", "Español"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("fa", "فارسی"),
];

/// The field a message of the API belongs to in this form: `languages[2]` → `languages`,
/// `hosts[0].person_id` → `hosts`, others unchanged.
pub fn form_field(name: &str) -> String {
    match name.find('[') {
        Some(i) => name[..i].to_string(),
        None => name.to_string(),
    }
}

/// `err` with its field names mapped by [`form_field`] (messages of one field joined).
pub fn grouped_fields(err: &ApiError) -> ApiError {
    match err {
        ApiError::Problem(p) => {
            let mut p: Problem = (**p).clone();
            if let Some(errors) = p.errors.take() {
                let mut out: std::collections::BTreeMap<String, Vec<String>> = Default::default();
                for (name, messages) in errors {
                    let list = out.entry(form_field(&name)).or_default();
                    for m in messages {
                        if !list.contains(&m) {
                            list.push(m);
                        }
                    }
                }
                p.errors = Some(out.into_iter().collect());
            }
            ApiError::Problem(Box::new(p))
        }
        other => other.clone(),
    }
}

/// The form's starting point for `a`: every field of the activity, so saving keeps them.
pub fn input_from_activity(a: &Activity) -> ActivityInput {
    ActivityInput {
        title: a.title.clone(),
        description: a.description.clone(),
        programme: Some(a.programme),
        kind: Some(a.kind),
        starts_at: a.starts_at_local.clone(),
        ends_at: a.ends_at_local.clone(),
        venue_id: a.venue.as_ref().map(|v| v.id),
        online_url: a.online_url.clone(),
        capacity: a.capacity,
        registration_opens_at: a.registration_opens_at.map(|t| t.to_rfc3339()),
        registration_closes_at: a.registration_closes_at.map(|t| t.to_rfc3339()),
        languages: a.languages.clone(),
        french_level: a.french_level,
        free: a.free,
        accessibility_notes: a.accessibility_notes.clone(),
        tags: a.tags.clone(),
        hosts: a
            .hosts
            .iter()
            .map(|h| ActivityHostInput {
                person_id: h.person_id,
                public_name: h.public_name.clone(),
            })
            .collect(),
        staff: a.staff.clone(),
        visibility: Some(a.visibility),
        status: Some(a.status),
        cancel_reason: a.cancel_reason.clone(),
        min_newcomer_percent: a.min_newcomer_percent,
        min_local_percent: a.min_local_percent,
    }
}

/// A trimmed text, `None` when empty.
pub fn opt_text(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The value of a `datetime-local` input for a local time of the API (`2026-03-18T18:00:00+01:00`
/// → `2026-03-18T18:00`).
pub fn local_input(local_rfc3339: &str) -> String {
    local_rfc3339.get(..16).unwrap_or_default().to_string()
}

pub(super) fn parse_input(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M").ok()
}

/// The end to suggest when the start changes: two hours later, unless the end already
/// follows the start.
pub fn suggested_end(start: &str, end: &str) -> Option<String> {
    let s = parse_input(start)?;
    match parse_input(end) {
        Some(e) if e > s => None,
        _ => Some(
            (s + Duration::hours(2))
                .format("%Y-%m-%dT%H:%M")
                .to_string(),
        ),
    }
}

/// Language codes from the check boxes and the "other languages" box (`de, pt`), lower-cased,
/// without repeats, in that order.
pub fn language_codes(checked: &[String], others: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let typed = others
        .split([',', ' ', ';'])
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty());
    for code in checked.iter().cloned().chain(typed) {
        if !out.contains(&code) {
            out.push(code);
        }
    }
    out
}

/// How the sessions of a new activity are planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesMode {
    Single,
    Weekly,
    Dates,
}

/// What the series part of the form holds, checked before sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeriesCheck {
    Single,
    Series(Recurrence),
    /// A message key for the recurrence field.
    Invalid(ActKey),
}

pub fn check_series(
    mode: SeriesMode,
    every: &str,
    until: &str,
    picked: &[NaiveDate],
) -> SeriesCheck {
    match mode {
        SeriesMode::Single => SeriesCheck::Single,
        SeriesMode::Weekly => {
            let Some(every_weeks) = every
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=52).contains(n))
            else {
                return SeriesCheck::Invalid(ActKey::EveryWeeksInvalid);
            };
            match NaiveDate::parse_from_str(until.trim(), "%Y-%m-%d") {
                Ok(until) => SeriesCheck::Series(Recurrence::Weekly { every_weeks, until }),
                Err(_) => SeriesCheck::Invalid(ActKey::UntilRequired),
            }
        }
        SeriesMode::Dates if picked.is_empty() => SeriesCheck::Invalid(ActKey::DatesRequired),
        SeriesMode::Dates => SeriesCheck::Series(Recurrence::Dates {
            dates: picked.to_vec(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::FormErrors;
    use shared::activities::ActivityStatus;

    fn problem(errors: &[(&str, &str)]) -> ApiError {
        let mut map: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for (k, v) in errors {
            map.entry((*k).to_string())
                .or_default()
                .push((*v).to_string());
        }
        let doc = serde_json::json!({
            "type": "urn:interra:problem:validation_failed",
            "title": "Invalid data",
            "status": 422,
            "code": "validation_failed",
            "errors": map,
        });
        ApiError::Problem(Box::new(
            serde_json::from_value(doc).unwrap_or_else(|e| panic!("{e}")),
        ))
    }

    #[test]
    fn list_errors_land_on_their_field() {
        assert_eq!(form_field("languages[2]"), "languages");
        assert_eq!(form_field("hosts[0].person_id"), "hosts");
        assert_eq!(form_field("title.fr"), "title.fr");
        let err = problem(&[
            ("hosts[0].person_id", "Not found"),
            ("hosts[1].person_id", "Not found"),
            ("languages[1]", "Not a language code"),
            ("title.fr", "Required"),
        ]);
        let fe = FormErrors::from_error(&grouped_fields(&err), &FIELDS, Lang::En);
        assert_eq!(fe.field("hosts").as_deref(), Some("Not found"));
        assert_eq!(
            fe.field("languages").as_deref(),
            Some("Not a language code")
        );
        assert_eq!(fe.field("title.fr").as_deref(), Some("Required"));
        assert_eq!(fe.general().as_deref(), Some("Invalid data"));
    }

    #[test]
    fn the_end_follows_the_start() {
        assert_eq!(
            suggested_end("2026-03-18T18:00", "").as_deref(),
            Some("2026-03-18T20:00")
        );
        assert_eq!(
            suggested_end("2026-03-18T23:00", "2026-03-18T10:00").as_deref(),
            Some("2026-03-19T01:00")
        );
        assert_eq!(suggested_end("2026-03-18T18:00", "2026-03-18T19:30"), None);
        assert_eq!(suggested_end("", ""), None);
        assert_eq!(local_input("2026-03-29T14:00:00+02:00"), "2026-03-29T14:00");
    }

    #[test]
    fn languages_merge_boxes_and_typed_codes() {
        let checked = vec!["fr".to_string(), "ar".to_string()];
        assert_eq!(
            language_codes(&checked, " De, pt;fr "),
            ["fr", "ar", "de", "pt"]
        );
        assert_eq!(language_codes(&[], ""), Vec::<String>::new());
    }

    #[test]
    fn series_are_checked_before_sending() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        assert_eq!(
            check_series(SeriesMode::Single, "", "", &[]),
            SeriesCheck::Single
        );
        assert_eq!(
            check_series(SeriesMode::Weekly, "2", "2026-05-01", &[]),
            SeriesCheck::Series(Recurrence::Weekly {
                every_weeks: 2,
                until: d("2026-05-01")
            })
        );
        assert_eq!(
            check_series(SeriesMode::Weekly, "0", "2026-05-01", &[]),
            SeriesCheck::Invalid(ActKey::EveryWeeksInvalid)
        );
        assert_eq!(
            check_series(SeriesMode::Weekly, "1", "", &[]),
            SeriesCheck::Invalid(ActKey::UntilRequired)
        );
        assert_eq!(
            check_series(SeriesMode::Dates, "", "", &[]),
            SeriesCheck::Invalid(ActKey::DatesRequired)
        );
        assert_eq!(
            check_series(SeriesMode::Dates, "", "", &[d("2026-04-02")]),
            SeriesCheck::Series(Recurrence::Dates {
                dates: vec![d("2026-04-02")]
            })
        );
    }

    #[test]
    fn an_activity_round_trips_through_the_form_input() {
        let a: Activity = serde_json::from_value(serde_json::json!({
            "id": "00000000-0000-0000-0000-000000000001",
            "series_id": null,
            "title": {"fr": "Atelier pizza", "ar": "ورشة البيتزا"},
            "description": {"fr": "Pâte maison"},
            "programme": "interact",
            "kind": "workshop_session",
            "starts_at": "2026-03-18T17:00:00Z",
            "ends_at": "2026-03-18T19:00:00Z",
            "starts_at_local": "2026-03-18T18:00:00+01:00",
            "ends_at_local": "2026-03-18T20:00:00+01:00",
            "venue": {"id": "00000000-0000-0000-0000-000000000002", "name": "La Grand Poste", "street": null, "postcode": null, "locality": null},
            "online_url": null,
            "capacity": 12,
            "registration_opens_at": null,
            "registration_closes_at": "2026-03-17T12:00:00Z",
            "languages": ["fr", "ar"],
            "french_level": "A2",
            "free": true,
            "accessibility_notes": null,
            "tags": [],
            "hosts": [{"person_id": "00000000-0000-0000-0000-000000000003", "display_name": "Samir B.", "public_name": "Samir"}],
            "staff": ["00000000-0000-0000-0000-000000000004"],
            "visibility": "public",
            "status": "published",
            "cancel_reason": null,
            "min_newcomer_percent": 30,
            "min_local_percent": 30,
            "counts": {"registered": 3, "waitlisted": 0, "attended": 0, "newcomers": 2, "locals": 1, "remaining": 9},
            "registration_open": true,
            "sequence": 0,
            "updated_at": "2026-03-01T10:00:00Z"
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        let input = input_from_activity(&a);
        assert_eq!(input.starts_at, "2026-03-18T18:00:00+01:00");
        assert_eq!(input.venue_id, a.venue.as_ref().map(|v| v.id));
        assert_eq!(input.hosts[0].public_name.as_deref(), Some("Samir"));
        assert_eq!(
            input.registration_closes_at.as_deref(),
            Some("2026-03-17T12:00:00+00:00")
        );
        assert_eq!(input.staff, a.staff);
        assert_eq!(input.min_local_percent, Some(30));
        assert_eq!(input.status, Some(ActivityStatus::Published));
    }
}
