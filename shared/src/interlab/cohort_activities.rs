//! A cohort's collective trainings and networking evenings: ordinary activities (programme
//! `interlab`) linked to the cohort, with each entrepreneur's attendance.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::activities::{ActivityStatus, RegistrationStatus};

/// An activity of the cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CohortActivity {
    pub id: Uuid,
    /// In the request's language (French when it has none).
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub status: ActivityStatus,
}

/// An entrepreneur of the cohort and their registration to each activity, in the order of
/// [`CohortActivities::activities`] (`null`: not registered).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CohortAttendance {
    pub entrepreneur_id: Uuid,
    pub display_name: String,
    pub project_name: String,
    pub attendance: Vec<Option<RegistrationStatus>>,
}

/// `GET /api/v1/interlab/cohorts/{id}/activities`: the activities in start order and the
/// entrepreneurs by name (a coach: those they accompany).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CohortActivities {
    pub activities: Vec<CohortActivity>,
    pub entrepreneurs: Vec<CohortAttendance>,
}
