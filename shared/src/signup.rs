//! The public sign-up form (no account).

use serde::{Deserialize, Serialize};

use crate::people::{Category, Programme, ProgrammeRole};
use crate::Lang;

/// `POST /api/v1/public/signup` body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignupRequest {
    pub first_name: String,
    #[serde(default)]
    pub last_name: Option<String>,
    /// Email and/or phone: at least one.
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub postcode: Option<String>,
    // Read as an option so that a missing value gets a "required" message on its field.
    #[cfg_attr(feature = "openapi", schema(required = true, nullable = false))]
    pub profile: Option<Category>,
    /// For newcomers.
    #[serde(default)]
    pub arrival_year: Option<i32>,
    // Read as an option so that a missing value gets a "required" message on its field.
    #[cfg_attr(feature = "openapi", schema(required = true, nullable = false))]
    pub programme: Option<Programme>,
    /// `participant`, `workshop_host`, `duo_candidate` or `entrepreneur`.
    // Read as an option so that a missing value gets a "required" message on its field.
    #[cfg_attr(feature = "openapi", schema(required = true, nullable = false))]
    pub role: Option<ProgrammeRole>,
    /// For workshop hosts: the passion they would like to share.
    #[serde(default)]
    pub workshop_idea: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    /// Language of the form (and of the privacy notice shown).
    pub lang: Lang,
    /// Version of the privacy notice shown with the form.
    pub notice_version: String,
    /// The applicant agrees to the processing described in the notice (required).
    pub consent: bool,
    /// Honeypot: a field hidden from people. Must stay empty.
    #[serde(default)]
    pub website: Option<String>,
}

/// The answer to a sign-up: no personal data is echoed back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignupReceipt {
    pub received: bool,
    /// A confirmation to show, in the form's language.
    pub message: String,
}
