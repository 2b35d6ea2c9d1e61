//! What the validators enforce beyond the types, stated in the OpenAPI document: lengths,
//! ranges, patterns and word lists, so that a client (or the fuzzing gate,
//! `scripts/fuzz-api.sh`) knows which values the API accepts. Kept in one table rather than on
//! the structs because many inputs are checked in services (`required_text(.., 80)`), and a
//! handler's query struct may move; the fuzzer checks this table against the running API both
//! ways (a value the document allows must not be refused for its shape, a value it forbids must
//! be refused).
//!
//! Rules no schema can state (a reference to a record that does not exist, a date relative to
//! today, one field required by another) stay 422s with field errors; the gate's configuration
//! (`scripts/fuzz/schemathesis.toml`) names the operations where they apply.

use serde_json::{json, Value};

/// A string holding something other than white space (what `str::trim` removes), written out
/// because regex dialects disagree on `\s`.
const NON_BLANK: &str =
    r"[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";

/// A calendar date in the years the API accepts (`extract::YEARS`, 1900–2200). Days stop at
/// 28 so that every date the pattern allows exists.
const DATE: &str = r"(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])";
/// A time of day, then seconds, and with them optionally a fraction and an offset (RFC 3339);
/// without an offset the time is Europe/Brussels local time.
const TIME: &str = r"T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]((\.[0-9]{1,9})?(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9]))?)?";
const OFFSET_TIME: &str =
    r"T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9])";

/// A slug (`people::domain::parse_slug`): lower-case letters, digits and inner dashes, at most
/// 60 characters.
const SLUG: &str = "^[a-z0-9]([a-z0-9-]{0,58}[a-z0-9])?$";

fn text(max: u32) -> Value {
    json!({ "maxLength": max })
}

fn required_text(max: u32) -> Value {
    json!({ "minLength": 1, "maxLength": max, "pattern": NON_BLANK })
}

fn date() -> Value {
    json!({ "pattern": format!("^{DATE}$") })
}

fn local_or_offset_instant() -> Value {
    json!({ "pattern": format!("^{DATE}{TIME}$") })
}

fn date_or_instant() -> Value {
    json!({ "pattern": format!("^{DATE}({TIME})?$") })
}

fn range(min: f64, max: f64) -> Value {
    json!({ "minimum": min, "maximum": max })
}

fn int_range(min: i64, max: i64) -> Value {
    json!({ "minimum": min, "maximum": max })
}

/// Up to ten ISO 639 codes, two or three letters.
fn language_codes() -> Value {
    json!({ "maxItems": 10, "items": { "type": "string", "pattern": "^[A-Za-z]{2,3}$" } })
}

/// A text per language (`fr`, `en`, `nl`, `ar`), French required for titles.
fn multilingual(max: u32, title: bool) -> Value {
    let one = if title {
        json!({ "type": "string", "maxLength": max, "pattern": NON_BLANK })
    } else {
        json!({ "type": "string", "maxLength": max })
    };
    let mut schema = json!({
        "type": "object",
        "properties": { "fr": one, "en": { "type": "string", "maxLength": max },
            "nl": { "type": "string", "maxLength": max }, "ar": { "type": "string", "maxLength": max } },
        "additionalProperties": false,
    });
    if title {
        schema["required"] = json!(["fr"]);
    }
    schema
}

/// (component schema, property, constraints merged into the property's schema).
fn fields() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        // accounts
        (
            "LoginRequest",
            "email",
            json!({ "minLength": 1, "pattern": NON_BLANK }),
        ),
        ("LoginRequest", "password", json!({ "minLength": 1 })),
        (
            "PasswordResetRequest",
            "email",
            json!({ "minLength": 1, "pattern": NON_BLANK }),
        ),
        // tags (people/http/tags.rs)
        ("TagInput", "slug", json!({ "pattern": SLUG })),
        ("TagInput", "category", json!({ "pattern": SLUG })),
        ("TagInput", "label_fr", required_text(80)),
        ("TagInput", "label_en", required_text(80)),
        ("TagInput", "label_nl", required_text(80)),
        ("TagInput", "label_ar", required_text(80)),
        // venues (activities/service/venues.rs)
        ("VenueInput", "name", required_text(200)),
        ("VenueInput", "street", text(200)),
        ("VenueInput", "locality", text(100)),
        // people (people/domain.rs)
        ("PersonInput", "first_name", required_text(100)),
        ("PersonInput", "last_name", text(100)),
        ("PersonInput", "preferred_name", text(100)),
        ("PersonInput", "street", text(200)),
        ("PersonInput", "commune", text(100)),
        ("PersonInput", "category_override_reason", text(500)),
        ("PersonInput", "gender", text(50)),
        ("PersonInput", "origin_region", text(100)),
        ("PersonInput", "presentation", text(2000)),
        ("PersonInput", "staff_notes", text(5000)),
        ("PersonInput", "birth_year", int_range(1900, 2200)),
        ("PersonInput", "arrival_year", int_range(1940, 2200)),
        ("PersonInput", "languages", json!({ "maxItems": 20 })),
        ("PersonInput", "tags", json!({ "maxItems": 60 })),
        (
            "LanguageSkill",
            "language",
            json!({ "pattern": "^[A-Za-z]{2,3}$" }),
        ),
        // GDPR: the confirmation word, in any case (people/service.rs)
        (
            "AnonymiseRequest",
            "confirmation",
            json!({ "pattern": "^[Aa][Nn][Oo][Nn][Yy][Mm][Ii][Ss][Ee]$" }),
        ),
        (
            "BulkAnonymiseRequest",
            "confirmation",
            json!({ "pattern": "^[Aa][Nn][Oo][Nn][Yy][Mm][Ii][Ss][Ee]$" }),
        ),
        (
            "ConsentInput",
            "given_at",
            json!({ "pattern": format!("^{DATE}{OFFSET_TIME}$") }),
        ),
        ("MembershipInput", "started_on", date()),
        ("MembershipInput", "ended_on", date()),
        ("MembershipUpdate", "ended_on", date()),
        // activities (activities/service/activities.rs)
        ("ActivityInput", "starts_at", local_or_offset_instant()),
        ("ActivityInput", "ends_at", local_or_offset_instant()),
        (
            "ActivityInput",
            "registration_opens_at",
            local_or_offset_instant(),
        ),
        (
            "ActivityInput",
            "registration_closes_at",
            local_or_offset_instant(),
        ),
        ("ActivityInput", "title", multilingual(200, true)),
        ("ActivityInput", "description", multilingual(5000, false)),
        ("ActivityInput", "capacity", int_range(1, 10_000)),
        ("ActivityInput", "min_newcomer_percent", int_range(0, 100)),
        ("ActivityInput", "min_local_percent", int_range(0, 100)),
        ("ActivityInput", "online_url", text(500)),
        ("ActivityInput", "accessibility_notes", text(1000)),
        ("ActivityInput", "cancel_reason", text(500)),
        ("ActivityHostInput", "public_name", text(100)),
        // Duo2Change (duo/service/*.rs)
        ("CommuneInput", "name", required_text(80)),
        ("CommuneInput", "latitude", range(-90.0, 90.0)),
        ("CommuneInput", "longitude", range(-180.0, 180.0)),
        (
            "CommuneInput",
            "neighbours",
            json!({ "items": { "type": "string", "pattern": SLUG } }),
        ),
        ("MatchingSettings", "interests", range(0.0, 10.0)),
        ("MatchingSettings", "language", range(0.0, 10.0)),
        ("MatchingSettings", "availability", range(0.0, 10.0)),
        ("MatchingSettings", "distance", range(0.0, 10.0)),
        ("MatchingSettings", "hopes", range(0.0, 10.0)),
        ("MatchingSettings", "age", range(0.0, 10.0)),
        ("MatchingSettings", "waiting", range(0.0, 10.0)),
        ("MatchingSettings", "threshold", range(0.0, 100.0)),
        ("CandidacyInput", "partner_age_min", int_range(16, 110)),
        ("CandidacyInput", "partner_age_max", int_range(16, 110)),
        ("CandidacyInput", "remarks", text(2000)),
        ("PairBlockInput", "note", required_text(500)),
        ("CheckInInput", "activity", required_text(300)),
        ("CheckInInput", "notes", text(2000)),
        ("CheckInInput", "met_on", date()),
        ("CheckInInput", "duration_minutes", int_range(1, 24 * 60)),
        ("CheckInInput", "satisfaction_newcomer", int_range(1, 5)),
        ("CheckInInput", "satisfaction_local", int_range(1, 5)),
        ("TrialFeedbackInput", "rating", int_range(1, 5)),
        ("TrialFeedbackInput", "notes", text(2000)),
        ("TrialFeedbackInput", "given_on", date()),
        ("SelfAssessmentInput", "assessed_on", date()),
        ("SelfAssessmentInput", "learnt", text(2000)),
        ("FollowUpInput", "due_on", date()),
        ("FollowUpInput", "notes", text(2000)),
        ("FollowUpDone", "done_on", date()),
        ("FollowUpDone", "notes", text(2000)),
        ("DuoTransition", "reason", text(1000)),
        ("NotificationDone", "note", text(500)),
        // InterLab (interlab/domain)
        ("ApplyRequest", "idea", required_text(2000)),
        ("ApplyRequest", "heard_via_detail", text(200)),
        ("ApplicationInput", "idea", required_text(2000)),
        ("ApplicationInput", "heard_via_detail", text(200)),
        ("DecisionInput", "note", text(2000)),
        ("DecisionInput", "partner", text(200)),
        ("EntrepreneurInput", "project_name", required_text(120)),
        ("EntrepreneurInput", "description", text(4000)),
        ("EntrepreneurInput", "target_date", date()),
        ("CohortInput", "name", required_text(120)),
        ("CohortInput", "starts_on", date()),
        ("CohortInput", "ends_on", date()),
        ("TermInput", "slug", json!({ "pattern": SLUG })),
        ("TermInput", "label_fr", required_text(80)),
        ("TermInput", "label_en", required_text(80)),
        ("TermInput", "label_nl", required_text(80)),
        ("TermInput", "label_ar", required_text(80)),
        ("StrengthInput", "level", int_range(1, 4)),
        ("StrengthInput", "note", text(1000)),
        ("NeedInput", "goal", text(500)),
        ("NeedInput", "note", text(1000)),
        ("DiagnosticInput", "held_on", date()),
        (
            "DiagnosticInput",
            "strengths",
            json!({ "minItems": 1, "maxItems": 20 }),
        ),
        ("DiagnosticInput", "summary", text(4000)),
        ("TemplateInput", "title", required_text(200)),
        ("TemplateInput", "description", text(4000)),
        ("TemplateInput", "resources", text(1000)),
        ("TemplateInput", "typical_days", int_range(1, 365)),
        ("TemplateInput", "position", int_range(0, 1000)),
        ("MilestoneInput", "title", required_text(200)),
        ("MilestoneInput", "description", text(4000)),
        ("MilestoneInput", "evidence", text(2000)),
        ("MilestoneInput", "due_on", date()),
        ("FromTemplates", "starts_on", date()),
        ("MeetingInput", "held_on", date()),
        (
            "MeetingInput",
            "attendee_person_ids",
            json!({ "maxItems": 30, "uniqueItems": true }),
        ),
        (
            "MeetingInput",
            "attendee_user_ids",
            json!({ "maxItems": 30, "uniqueItems": true }),
        ),
        ("MeetingInput", "entrepreneur_words", text(4000)),
        ("MeetingInput", "notes", text(4000)),
        ("MeetingInput", "decisions", text(4000)),
        ("MeetingInput", "next_steps", json!({ "maxItems": 20 })),
        ("NextStepInput", "text", required_text(200)),
        ("NextStepInput", "due_on", date()),
        ("OutcomeInput", "occurred_on", date()),
        ("OutcomeInput", "reason", text(1000)),
        ("OutcomeInput", "note", text(2000)),
        ("OutcomeFollowUpDone", "done_on", date()),
        // InterLab mentoring (interlab/domain/mentoring.rs, office_hours.rs)
        ("MentorInput", "organisation", text(200)),
        ("MentorInput", "availability", text(1000)),
        ("MentorInput", "capacity", int_range(1, 20)),
        (
            "MentorInput",
            "languages",
            json!({ "minItems": 1, "maxItems": 12 }),
        ),
        ("MentorInput", "sector_ids", json!({ "maxItems": 20 })),
        ("MentorInput", "conflicts", json!({ "maxItems": 100 })),
        ("MentorPatch", "organisation", text(200)),
        ("MentorPatch", "availability", text(1000)),
        ("MentorPatch", "capacity", int_range(1, 20)),
        (
            "MentorPatch",
            "languages",
            json!({ "minItems": 1, "maxItems": 12 }),
        ),
        ("MentorPatch", "sector_ids", json!({ "maxItems": 20 })),
        ("MentorPatch", "conflicts", json!({ "maxItems": 100 })),
        ("MentorshipInput", "note", text(2000)),
        ("MentorshipInput", "override_reason", text(2000)),
        ("MentorshipPatch", "note", text(2000)),
        ("MentorshipPatch", "end_note", text(2000)),
        ("OfficeHourInput", "starts_at", local_or_offset_instant()),
        ("OfficeHourInput", "ends_at", local_or_offset_instant()),
        ("OfficeHourInput", "place", text(300)),
        ("OfficeHourInput", "video_url", text(500)),
        ("OfficeHourPatch", "starts_at", local_or_offset_instant()),
        ("OfficeHourPatch", "ends_at", local_or_offset_instant()),
        ("OfficeHourPatch", "place", text(300)),
        ("OfficeHourPatch", "video_url", text(500)),
        ("BookingInput", "note", text(1000)),
        // partner organisations and API clients (partners/domain.rs)
        ("OrganisationInput", "name", required_text(160)),
        ("OrganisationInput", "street", text(200)),
        ("OrganisationInput", "commune", text(100)),
        ("OrganisationInput", "agreement_start", date()),
        ("OrganisationInput", "agreement_end", date()),
        ("ContactInput", "role", required_text(120)),
        ("ApiClientInput", "name", required_text(160)),
        ("ApiClientInput", "scopes", json!({ "minItems": 1 })),
        ("ReferralInput", "first_name", required_text(100)),
        ("ReferralInput", "note", text(1000)),
        ("ReferralInput", "languages", language_codes()),
        ("ReferralConsent", "collected_by", required_text(160)),
        ("ReferralDecision", "staff_note", text(1000)),
        // InterAct hosts (activities/interact/domain.rs)
        ("PublicProposalRequest", "title", required_text(120)),
        ("PublicProposalRequest", "description", required_text(2000)),
        (
            "PublicProposalRequest",
            "passions",
            json!({ "maxItems": 10 }),
        ),
        ("PublicProposalRequest", "languages", language_codes()),
        (
            "PublicProposalRequest",
            "availability",
            json!({ "maxItems": 21 }),
        ),
        ("PublicProposalRequest", "availability_note", text(500)),
        ("PublicProposalRequest", "needs", text(1000)),
        ("ProposalInput", "title", required_text(120)),
        ("ProposalInput", "description", required_text(2000)),
        ("ProposalInput", "passions", json!({ "maxItems": 10 })),
        ("ProposalInput", "languages", language_codes()),
        ("ProposalInput", "availability", json!({ "maxItems": 21 })),
        ("ProposalInput", "availability_note", text(500)),
        ("ProposalInput", "needs", text(1000)),
        ("ProposalInput", "next_step", text(500)),
        ("ProposalInput", "next_step_on", date()),
        ("ProposalUpdate", "title", required_text(120)),
        ("ProposalUpdate", "description", required_text(2000)),
        ("ProposalUpdate", "passions", json!({ "maxItems": 10 })),
        ("ProposalUpdate", "languages", language_codes()),
        ("ProposalUpdate", "availability", json!({ "maxItems": 21 })),
        ("ProposalUpdate", "availability_note", text(500)),
        ("ProposalUpdate", "needs", text(1000)),
        ("ProposalUpdate", "next_step", text(500)),
        ("ProposalUpdate", "next_step_on", date()),
        ("NoteInput", "body", required_text(2000)),
        ("NoteInput", "noted_on", date()),
        ("StatusChange", "note", text(2000)),
        ("AutonomyInput", "changed_on", date()),
        ("AutonomyInput", "note", text(1000)),
        ("WorkshopInput", "starts_at", local_or_offset_instant()),
        ("WorkshopInput", "ends_at", local_or_offset_instant()),
        ("WorkshopInput", "capacity", int_range(1, 10_000)),
        ("WorkshopInput", "public_name", text(100)),
        ("FeedbackInput", "rating", int_range(1, 5)),
        ("FeedbackInput", "comment", text(2000)),
    ]
}

/// (query or header parameter name, constraints), for every operation that has it.
fn parameters() -> Vec<(&'static str, Value)> {
    vec![
        ("start", date_or_instant()),
        ("end", date_or_instant()),
        ("modified_since", date_or_instant()),
        ("due_before", date()),
        ("from", date()),
        ("to", date()),
        // `Lang::from_tag` reads the primary subtag (`fr`, `fr-BE`, `NL`).
        (
            "lang",
            json!({ "pattern": r"^([Ff][Rr]|[Ee][Nn]|[Nn][Ll]|[Aa][Rr])([-_][\s\S]*)?$" }),
        ),
        // Words the handlers match by hand (not serde enums, which get named schemas): a
        // pattern, so that `openapi::enum_schemas_list_exactly_the_serde_names` keeps checking
        // every `enum` of the document against serde.
        ("ordering", json!({ "pattern": "^-?start$" })),
        // Empty: the default order.
        (
            "sort",
            json!({ "pattern": "^(-?(name|created|updated))?$" }),
        ),
        ("sep", json!({ "pattern": "^(comma|semicolon)$" })),
        // audit/http.rs: the actions the code records (`AuditAction`), listed by
        // `GET /api/v1/audit/actions`.
        ("action", json!({ "pattern": audit_actions() })),
        // reports: a calendar period (`reports::domain::period`).
        ("year", int_range(1900, 2200)),
        ("quarter", int_range(1, 4)),
        ("month", int_range(1, 12)),
        // `usize` (a 64-bit server): larger is refused, smaller is capped to 50.
        ("k", json!({ "maximum": u64::MAX })),
        // interlab mentor suggestions: top-k.
        ("limit", int_range(1, 20)),
        // activities/http/registrations.rs: visible ASCII, at most 200 characters.
        (
            "Idempotency-Key",
            json!({ "minLength": 1, "maxLength": 200, "pattern": "^[!-~]([ -~]*[!-~])?$" }),
        ),
    ]
}

/// `^(auth\.login|...)$`: every audit action's text, dots escaped.
fn audit_actions() -> String {
    let names: Vec<String> = crate::audit::AuditAction::ALL
        .iter()
        .map(|a| a.as_str().replace('.', "\\."))
        .collect();
    format!("^({})$", names.join("|"))
}

/// (path, path parameter, constraints).
fn path_parameters() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        (
            "/api/v1/duo/communes/{id}",
            "id",
            json!({ "pattern": SLUG }),
        ),
        // 256 random bits, URL-safe base64 without padding.
        (
            "/api/v1/public/interlab/mentors/feeds/{token}.ics",
            "token",
            json!({ "pattern": "^[A-Za-z0-9_-]{43}$" }),
        ),
    ]
}

/// Merges the constraints into the document (as JSON, see `openapi::finish`).
pub fn apply(doc: &mut Value) {
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for (schema, property, extra) in fields() {
            if let Some(target) = schemas
                .get_mut(schema)
                .and_then(|s| s.get_mut("properties"))
                .and_then(|p| p.get_mut(property))
            {
                merge(target, &extra);
            } else {
                debug_assert!(false, "contract: no property {schema}.{property}");
            }
        }
    }
    let named = parameters();
    let in_path = path_parameters();
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for op in item.values_mut() {
            let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) else {
                continue;
            };
            for p in params {
                let name = p["name"].as_str().unwrap_or_default().to_owned();
                let place = p["in"].as_str().unwrap_or_default().to_owned();
                let extra = if place == "path" {
                    in_path
                        .iter()
                        .find(|(pp, n, _)| pp == path && *n == name)
                        .map(|(_, _, e)| e)
                } else {
                    named.iter().find(|(n, _)| *n == name).map(|(_, e)| e)
                };
                if let (Some(extra), Some(schema)) = (extra, p.get_mut("schema")) {
                    merge(schema, extra);
                }
            }
        }
    }
}

fn merge(target: &mut Value, extra: &Value) {
    // A reference (an enum) already says all.
    if target.get("$ref").is_some() {
        return;
    }
    if let (Some(target), Some(extra)) = (target.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            target.insert(k.clone(), v.clone());
        }
    }
}
