//! Partner organisations (CPAS, reception centres, language schools, La Grand Poste ...), the
//! people affiliated to them, and the API clients their servers use (OAuth 2.0 client
//! credentials, RFC 6749 §4.4).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::people::wire_enum;

wire_enum!(
    /// What kind of organisation a partner is.
    OrganisationKind {
        Cpas = "cpas",
        ReceptionCentre = "reception_centre",
        LanguageSchool = "language_school",
        EmploymentService = "employment_service",
        Municipality = "municipality",
        Association = "association",
        Incubator = "incubator",
        Company = "company",
        Other = "other",
    }
);

wire_enum!(
    /// What a partner's API client may do. A token carries a subset of its client's scopes.
    Scope {
        /// Read the agenda of public events.
        EventsRead = "events:read",
        /// Read the referrals the organisation made.
        ReferralsRead = "referrals:read",
        /// Refer a person to a programme.
        ReferralsWrite = "referrals:write",
        /// Register the organisation's staff to trainings.
        TrainingsRegister = "trainings:register",
        /// Register and manage webhook endpoints.
        WebhooksManage = "webhooks:manage",
    }
);

/// `POST /api/v1/organisations` and `PUT /api/v1/organisations/{id}` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OrganisationInput {
    pub name: String,
    pub kind: OrganisationKind,
    #[serde(default)]
    pub street: Option<String>,
    #[serde(default)]
    pub postcode: Option<String>,
    #[serde(default)]
    pub commune: Option<String>,
    /// The organisation's general address (not a person's).
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// When the partnership agreement starts and ends.
    #[serde(default)]
    pub agreement_start: Option<NaiveDate>,
    #[serde(default)]
    pub agreement_end: Option<NaiveDate>,
    /// Whether a data-sharing agreement is signed.
    #[serde(default)]
    pub data_sharing_signed: bool,
}

/// A person affiliated to an organisation, with their role there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    pub person_id: Uuid,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub role: String,
}

/// `PUT /api/v1/organisations/{id}/contacts/{person_id}` body: affiliate a person (or change
/// their role).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ContactInput {
    pub role: String,
}

/// A partner organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organisation {
    pub id: Uuid,
    pub name: String,
    pub kind: OrganisationKind,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub commune: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub agreement_start: Option<NaiveDate>,
    pub agreement_end: Option<NaiveDate>,
    pub data_sharing_signed: bool,
    /// Affiliated people, by name (empty in lists).
    pub contacts: Vec<Contact>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An organisation a person is affiliated to, as the person's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Affiliation {
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub role: String,
}

/// `POST /api/v1/organisations/{id}/clients` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ApiClientInput {
    /// What the client is for ("Agenda du CPAS").
    pub name: String,
    pub scopes: Vec<Scope>,
}

/// An API client, without its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiClient {
    /// The `client_id` of the token request.
    pub id: String,
    pub organisation_id: Uuid,
    pub name: String,
    pub scopes: Vec<Scope>,
    /// Until when the secret in use before the last rotation is still accepted.
    pub previous_secret_valid_until: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A client with its secret: the answer of its creation and of a rotation, the only time the
/// secret is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiClientSecret {
    pub client: ApiClient,
    /// The `client_secret`: shown once, only its hash is kept.
    pub client_secret: String,
}

/// `POST /api/v1/oauth/token` success (RFC 6749 §5.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OAuthToken {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the token expires.
    pub expires_in: u64,
    /// The granted scopes, space-separated.
    pub scope: String,
}

/// `POST /api/v1/oauth/token` failure (RFC 6749 §5.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OAuthError {
    /// `invalid_request`, `invalid_client`, `invalid_grant`, `unauthorized_client`,
    /// `unsupported_grant_type` or `invalid_scope`.
    pub error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

/// `GET /api/v1/partner/me`: the organisation and client a partner token acts for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerIdentity {
    pub client_id: String,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    /// The scopes of this token.
    pub scopes: Vec<Scope>,
}

/// Filters of `GET /api/v1/organisations`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct OrganisationFilter {
    /// Text search over the name, the commune and the general email address (case ignored).
    pub q: Option<String>,
    pub kind: Option<OrganisationKind>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

/// `POST /api/v1/oauth/token` form (`application/x-www-form-urlencoded`). The client
/// authenticates with HTTP Basic (`client_id:client_secret`) or with both fields here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenForm {
    /// Always `client_credentials`.
    pub grant_type: String,
    /// Space-separated scopes, a subset of the client's (all of them when absent).
    #[serde(default)]
    pub scope: Option<String>,
    #[serde(default)]
    pub client_id: Option<String>,
    #[serde(default)]
    pub client_secret: Option<String>,
}
