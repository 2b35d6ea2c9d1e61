//! The team's directory (`GET /api/v1/staff`): colleagues by name and role, for pickers.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::Role;

/// A colleague as the team sees them (`GET /api/v1/staff`): what a picker needs (a coach to
/// assign), nothing of the account itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffMember {
    pub id: Uuid,
    pub display_name: String,
    pub role: Role,
}

/// Filters of `GET /api/v1/staff` (active accounts only).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct StaffFilter {
    pub role: Option<Role>,
    /// 1-based page number.
    pub page: Option<u32>,
    /// Items per page (default 50, at most 200).
    pub page_size: Option<u32>,
}
