//! Referrals: a partner organisation refers a person to a programme with their consent; the
//! team reviews them. The partner sees only its own referrals' status and dates.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::people::{wire_enum, Programme};

wire_enum!(
    /// Where a referral stands: `received`, then the team's review.
    ReferralStatus {
        /// Sent by the partner, not reviewed yet.
        Received = "received",
        /// The team took it: the person is on record (matched or created).
        Accepted = "accepted",
        /// The team reached the person.
        Contacted = "contacted",
        /// The person takes part in the programme.
        Enrolled = "enrolled",
        /// Not taken (not for this programme, the person declined ...).
        Declined = "declined",
        /// The person could not be reached.
        NoAnswer = "no_answer",
    }
);

/// The person's consent to be referred, as the partner collected it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReferralConsent {
    /// Who at the partner collected it (name or staff reference).
    pub collected_by: String,
    /// When.
    pub collected_at: DateTime<Utc>,
    /// The version of Interra's privacy notice the person was shown (`GET
    /// /api/v1/public/privacy-notice`).
    pub notice_version: String,
}

/// `POST /api/v1/partner/referrals` body: minimal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReferralInput {
    pub programme: Programme,
    pub first_name: String,
    /// How to reach them: an email address, a phone number, or both.
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// Languages they speak (ISO 639 codes).
    #[serde(default)]
    pub languages: Vec<String>,
    /// What the team should know to reach them.
    #[serde(default)]
    pub note: Option<String>,
    pub consent: ReferralConsent,
}

/// A referral as its partner sees it: status and dates only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerReferral {
    pub id: Uuid,
    pub programme: Programme,
    pub status: ReferralStatus,
    pub created_at: DateTime<Utc>,
    pub status_changed_at: DateTime<Utc>,
}

/// A referral as the team reviews it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Referral {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub programme: Programme,
    pub first_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub languages: Vec<String>,
    pub note: Option<String>,
    pub consent_collected_by: String,
    pub consent_at: DateTime<Utc>,
    pub notice_version: String,
    pub status: ReferralStatus,
    /// The person record, once accepted.
    pub person_id: Option<Uuid>,
    pub staff_note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub status_changed_at: DateTime<Utc>,
}

/// `POST /api/v1/referrals/{id}/status` body: the team's review step. Accepting names the
/// person record it is (`person_id`): someone already on record, or the record the team just
/// created from the referral (`POST /api/v1/people`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReferralDecision {
    pub status: ReferralStatus,
    #[serde(default)]
    pub person_id: Option<Uuid>,
    /// The team's note (never shown to the partner).
    #[serde(default)]
    pub staff_note: Option<String>,
}

/// Filters of `GET /api/v1/referrals` (the team's queue).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ReferralFilter {
    pub status: Option<ReferralStatus>,
    pub organisation_id: Option<Uuid>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

/// Paging of `GET /api/v1/partner/referrals`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PartnerReferralFilter {
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}
