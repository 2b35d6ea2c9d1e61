//! Consent records and the privacy notice.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::people::wire_enum;
use crate::Lang;

wire_enum!(
    /// What the person agrees to.
    ConsentPurpose {
        /// Processing of their data to take part in a programme.
        ProgrammeData = "programme_data",
        Photos = "photos",
        Newsletter = "newsletter",
        /// Sharing with a partner organisation (e.g. the one that referred them).
        PartnerSharing = "partner_sharing",
    }
);

wire_enum!(
    /// How the consent was collected.
    ConsentMethod {
        WebForm = "web_form",
        /// A paper form, entered by the staff member recorded with it.
        PaperForm = "paper_form",
        /// Said in person, entered by the staff member recorded with it.
        Oral = "oral",
    }
);

/// A consent given by a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Consent {
    pub id: Uuid,
    pub purpose: ConsentPurpose,
    /// Version of the privacy notice shown.
    pub notice_version: String,
    /// Language the notice was shown in.
    pub notice_lang: Lang,
    pub method: ConsentMethod,
    pub given_at: DateTime<Utc>,
    /// Staff member who entered it (paper or oral consent).
    pub recorded_by: Option<Uuid>,
    pub withdrawn_at: Option<DateTime<Utc>>,
}

/// `POST /api/v1/people/{id}/consents` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ConsentInput {
    pub purpose: ConsentPurpose,
    pub notice_version: String,
    pub notice_lang: Lang,
    pub method: ConsentMethod,
    /// When the person agreed (defaults to now; a paper form may be older).
    #[serde(default)]
    pub given_at: Option<DateTime<Utc>>,
}

/// Parameters of `GET /api/v1/public/privacy-notice`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct NoticeQuery {
    /// fr, en, nl or ar (default: from `Accept-Language`, else fr).
    #[serde(default, deserialize_with = "crate::query::lang_tag")]
    pub lang: Option<Lang>,
}

/// The privacy notice in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrivacyNotice {
    pub version: String,
    pub lang: Lang,
    pub title: String,
    /// Plain text, paragraphs separated by blank lines.
    pub text: String,
}
