//! Staff accounts.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::Role;
use crate::people::wire_enum;
use crate::Lang;

/// A staff account (never includes the password hash).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffUser {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// Inactive accounts cannot sign in and their sessions are revoked.
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub last_login_at: Option<DateTime<Utc>>,
}

/// `POST /api/v1/users` body (admin only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// Initial password, to be changed by its owner (at least 12 characters, not a common one).
    /// Without it the account gets no usable password: send it an invitation link
    /// (`POST /api/v1/users/{id}/password-link`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

/// `PATCH /api/v1/users/{id}` body (admin only): only the fields present change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// `false` deactivates the account and revokes all its sessions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// Filters of `GET /api/v1/users`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct UserFilter {
    /// Text search over email and display name.
    pub q: Option<String>,
    pub role: Option<Role>,
    pub active: Option<bool>,
    /// 1-based page number.
    pub page: Option<u32>,
    /// Items per page (default 50, at most 200).
    pub page_size: Option<u32>,
}

wire_enum!(
    /// What a password link is for.
    PasswordLinkPurpose {
        /// The account's owner forgot the password (valid one hour).
        Reset = "reset",
        /// A new colleague chooses their first password (valid seven days).
        Invitation = "invitation",
    }
);

/// `POST /api/v1/users/{id}/password-link` body (admin only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreatePasswordLink {
    pub purpose: PasswordLinkPurpose,
    /// Language of the email and of the page the link opens.
    #[serde(default)]
    pub lang: Lang,
}

/// A password link just made for a colleague. With a mail server it is emailed to them and
/// `link` is absent; without one the administrator gets the link to pass on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordLink {
    pub purpose: PasswordLinkPurpose,
    pub emailed: bool,
    /// The link itself, only when it is not emailed (single use, until `expires_at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    pub expires_at: DateTime<Utc>,
}
