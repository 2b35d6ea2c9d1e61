//! The audit trail: who did what to which record, and when.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One audit entry. `details` names the fields that changed, never sensitive values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: Uuid,
    pub occurred_at: DateTime<Utc>,
    /// The staff member who acted; absent for anonymous or system actions.
    pub actor_id: Option<Uuid>,
    /// Dotted action name, e.g. `auth.login`, `user.updated`.
    pub action: String,
    /// Kind of record, e.g. `user`.
    pub entity_type: String,
    pub entity_id: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub details: serde_json::Value,
    pub ip: Option<String>,
    pub request_id: Option<String>,
}

/// Filters of `GET /api/v1/audit`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AuditFilter {
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub actor_id: Option<Uuid>,
    /// One of the actions the API records (`GET /api/v1/audit/actions`); any other is refused.
    pub action: Option<String>,
    /// Entries from this day (Brussels time, inclusive).
    pub from: Option<NaiveDate>,
    /// Entries until this day (Brussels time, inclusive).
    pub to: Option<NaiveDate>,
    /// 1-based page number.
    pub page: Option<u32>,
    /// Items per page (default 50, at most 200).
    pub page_size: Option<u32>,
}

/// One entry of a person's history (`GET /api/v1/people/{id}/history`): who did what and when,
/// and the names of the fields that changed — never their values, nor where the request came
/// from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonHistoryEntry {
    pub id: Uuid,
    pub occurred_at: DateTime<Utc>,
    /// Dotted action name, e.g. `person.updated`, `person.membership_added`.
    pub action: String,
    /// The staff member who acted; absent for the public sign-up and system actions.
    pub actor_id: Option<Uuid>,
    /// That staff member's display name.
    pub actor_name: Option<String>,
    /// Names of the fields that changed (e.g. `email`, `tags`); empty when the action says it
    /// all.
    pub changed: Vec<String>,
    /// For a consent given or withdrawn: which one (`null` for other actions).
    #[serde(default)]
    pub consent: Option<crate::consent::ConsentPurpose>,
}
