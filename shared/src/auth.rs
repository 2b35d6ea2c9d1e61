//! Sign-in, tokens and the current user.

use serde::{Deserialize, Serialize};

use crate::users::StaffUser;

/// Name of the HttpOnly cookie that carries the refresh token.
pub const REFRESH_COOKIE: &str = "interra_refresh";
/// Path the refresh cookie is scoped to: the browser sends it to the auth endpoints only.
pub const AUTH_PATH: &str = "/api/v1/auth";
/// A cookie the web app can read (value `1`, path `/`), set and cleared with the refresh
/// cookie: it says a session may exist, so that a visitor's page load does not ask the server
/// to renew a session there cannot be (the refresh cookie itself is HttpOnly). It carries no
/// secret and grants nothing.
pub const SESSION_HINT_COOKIE: &str = "interra_session";

/// A staff member's role. Authorization is decided on the server from the stored role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "diesel",
    derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow)
)]
#[cfg_attr(feature = "diesel", diesel(sql_type = diesel::sql_types::Text))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages accounts and settings; sees everything.
    Admin,
    /// Runs the programmes: people, activities, duos, incubation.
    Coordinator,
    /// Staff who accompany people: sees only the people and records they accompany.
    Coach,
    /// An InterLab mentor or facilitator who signs in: sees only the entrepreneurs they are in
    /// an active mentoring relation with, and their own office hours.
    Mentor,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Coordinator, Role::Coach, Role::Mentor];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Coach => "coach",
            Role::Mentor => "mentor",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether this role manages staff accounts.
    pub fn manages_accounts(self) -> bool {
        self == Role::Admin
    }
}

impl std::str::FromStr for Role {
    type Err = ();
    fn from_str(s: &str) -> Result<Role, ()> {
        Role::parse(s).ok_or(())
    }
}

crate::people::text_column!(Role);

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `POST /api/v1/auth/login` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// A new access token. The refresh token is never in the body: it travels in the HttpOnly
/// `interra_refresh` cookie, scoped to `/api/v1/auth`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    /// Short-lived JWT to send as `Authorization: Bearer <token>`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: u64,
    /// The signed-in user.
    pub user: StaffUser,
}

/// `POST /api/v1/auth/password` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

/// Path of the web page a password link opens (`/reset-password?token=…`).
pub const RESET_PAGE: &str = "/reset-password";

/// `POST /api/v1/auth/password-reset` body: "forgot my password".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    pub email: String,
    /// Language of the email (the page's language).
    #[serde(default)]
    pub lang: crate::Lang,
}

/// `POST /api/v1/auth/password-reset/confirm` body: the link's token and the new password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordResetConfirm {
    pub token: String,
    /// At least 12 characters, not a common one.
    pub new_password: String,
}
