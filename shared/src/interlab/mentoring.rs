//! InterLab's mentors and facilitators: the directory, the explained suggestions of mentors for
//! an entrepreneur and the mentoring relations (proposed → active → ended).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::NeedDomain;
use crate::people::wire_enum;

wire_enum!(
    /// What a person of the directory brings.
    MentorRole {
        /// Accompanies an entrepreneur over months.
        Mentor = "mentor",
        /// Leads workshops and collective moments.
        Facilitator = "facilitator",
        /// Answers precise questions (an accountant, a lawyer).
        Expert = "expert",
    }
);

wire_enum!(
    /// Where a mentoring relation stands.
    MentorshipStatus {
        /// Suggested; both sides still have to agree.
        Proposed = "proposed",
        /// Both sides agreed; the mentor sees the entrepreneur's page and path.
        Active = "active",
        Ended = "ended",
    }
);

wire_enum!(
    /// Why a mentoring relation ended.
    MentorshipEndReason {
        /// The goals were reached.
        Completed = "completed",
        /// One side declined the proposal.
        Declined = "declined",
        /// The entrepreneur left the path or paused.
        EntrepreneurLeft = "entrepreneur_left",
        /// The mentor is no longer available.
        MentorUnavailable = "mentor_unavailable",
        /// It did not work out between them.
        NoMatch = "no_match",
        Other = "other",
    }
);

wire_enum!(
    /// Why a mentor is suggested (each reason also comes as a sentence).
    SuggestionReasonCode {
        /// A language both speak.
        SharedLanguage = "shared_language",
        /// The mentor's expertise covers open needs of the entrepreneur.
        NeedDomains = "need_domains",
        /// The mentor knows the project's sector.
        Sector = "sector",
        /// They live in the same commune.
        SameCommune = "same_commune",
        /// They live close to each other.
        Distance = "distance",
        /// The mentor has been waiting for an entrepreneur.
        Waiting = "waiting",
        /// Places the mentor has left.
        CapacityLeft = "capacity_left",
    }
);

/// `POST /api/v1/interlab/mentors` body: a person of the people records joins the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MentorInput {
    pub person_id: Uuid,
    pub role: MentorRole,
    /// Free text for now (a company, an association).
    #[serde(default)]
    pub organisation: Option<String>,
    /// The need domains the mentor can help with.
    #[serde(default)]
    pub domains: Vec<NeedDomain>,
    /// Terms of the sector vocabulary (`GET /api/v1/interlab/sectors`).
    #[serde(default)]
    pub sector_ids: Vec<Uuid>,
    /// ISO 639 codes (`fr`, `ar`, `prs` …); at least one.
    pub languages: Vec<String>,
    /// Most entrepreneurs accompanied at once, 1 to 20.
    pub capacity: i32,
    #[serde(default)]
    pub availability: Option<String>,
    /// Default: true.
    #[serde(default)]
    pub active: Option<bool>,
    /// Entrepreneurs the mentor must not be paired with (conflict of interest).
    #[serde(default)]
    pub conflicts: Vec<Uuid>,
    /// A sign-in account with the `mentor` role, for a mentor who logs in.
    #[serde(default)]
    pub account_id: Option<Uuid>,
}

/// `PATCH /api/v1/interlab/mentors/{id}` body: only the fields present change; `null` clears
/// an optional one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MentorPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<MentorRole>,
    #[serde(
        default,
        deserialize_with = "crate::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub organisation: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domains: Option<Vec<NeedDomain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector_ids: Option<Vec<Uuid>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<i32>,
    #[serde(
        default,
        deserialize_with = "crate::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub availability: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicts: Option<Vec<Uuid>>,
    #[serde(
        default,
        deserialize_with = "crate::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Uuid>, nullable))]
    pub account_id: Option<Option<Uuid>>,
}

/// A sector of a mentor's expertise, in the request's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MentorSector {
    pub id: Uuid,
    pub label: String,
}

/// A mentor, facilitator or expert of the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Mentor {
    pub id: Uuid,
    pub person_id: Uuid,
    pub display_name: String,
    pub role: MentorRole,
    pub organisation: Option<String>,
    pub domains: Vec<NeedDomain>,
    pub sectors: Vec<MentorSector>,
    pub languages: Vec<String>,
    pub capacity: i32,
    /// Proposed and active relations: the places taken.
    pub load: u32,
    pub availability: Option<String>,
    pub active: bool,
    pub conflicts: Vec<Uuid>,
    pub account_id: Option<Uuid>,
    /// Whether a personal calendar feed exists (its address is shown once, when made).
    pub has_feed: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Filters of `GET /api/v1/interlab/mentors`; all combine (AND).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct MentorFilter {
    pub role: Option<MentorRole>,
    /// Mentors whose expertise covers this need domain.
    pub domain: Option<NeedDomain>,
    pub active: Option<bool>,
}

/// A mentor's personal calendar feed (`POST /api/v1/interlab/mentors/{id}/feed`): the address
/// is shown once; a new one replaces the old, which stops working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MentorFeed {
    /// `/api/v1/public/interlab/mentors/feeds/{token}.ics`
    pub path: String,
}

/// Query of `GET /api/v1/interlab/entrepreneurs/{id}/mentor-suggestions`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SuggestionQuery {
    /// How many mentors, 1 to 20 (default 5).
    pub limit: Option<u32>,
}

/// One reason a mentor is suggested: a code for programs, a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SuggestionReason {
    pub code: SuggestionReasonCode,
    /// In the request's language.
    pub text: String,
}

/// A suggested mentor with the score (0–100) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MentorSuggestion {
    pub mentor: Mentor,
    pub score: u32,
    pub reasons: Vec<SuggestionReason>,
}

/// `GET /api/v1/interlab/entrepreneurs/{id}/mentor-suggestions`: the best mentors first.
/// Mentors who are inactive, full, share no language with the entrepreneur, have a conflict of
/// interest or already accompany them are never suggested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MentorSuggestions {
    pub entrepreneur_id: Uuid,
    pub suggestions: Vec<MentorSuggestion>,
    /// Mentors left out by a hard constraint.
    pub excluded: u32,
}

/// `POST /api/v1/interlab/mentorships` body: a mentor proposed to an entrepreneur.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MentorshipInput {
    pub mentor_id: Uuid,
    pub entrepreneur_id: Uuid,
    #[serde(default)]
    pub note: Option<String>,
    /// Assign a mentor who is full anyway (coordinators; a reason is required and audited).
    #[serde(default)]
    pub override_capacity: bool,
    #[serde(default)]
    pub override_reason: Option<String>,
}

/// `PATCH /api/v1/interlab/mentorships/{id}` body. Agreements are recorded while the relation is
/// proposed; `status: active` needs both; `status: ended` needs an `end_reason`. Ended is final.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MentorshipPatch {
    /// `true` records the entrepreneur's agreement now; `false` withdraws it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrepreneur_agreed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentor_agreed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MentorshipStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_reason: Option<MentorshipEndReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A mentoring relation between a mentor and an entrepreneur.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Mentorship {
    pub id: Uuid,
    pub mentor_id: Uuid,
    pub mentor_name: String,
    pub entrepreneur_id: Uuid,
    pub entrepreneur_name: String,
    pub project_name: String,
    pub status: MentorshipStatus,
    pub entrepreneur_agreed_at: Option<DateTime<Utc>>,
    pub mentor_agreed_at: Option<DateTime<Utc>>,
    pub started_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub end_reason: Option<MentorshipEndReason>,
    pub end_note: Option<String>,
    pub note: Option<String>,
    /// Assigned beyond the mentor's capacity, with this reason.
    pub capacity_override_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Filters of `GET /api/v1/interlab/mentorships`; all combine (AND).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct MentorshipFilter {
    pub mentor: Option<Uuid>,
    pub entrepreneur: Option<Uuid>,
    pub status: Option<MentorshipStatus>,
}
