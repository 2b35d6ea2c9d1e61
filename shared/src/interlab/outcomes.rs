//! Outcomes of the path (business created, salaried job, training, paused, stopped) and the
//! follow-up calls due 6 and 12 months after leaving it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::LegalForm;
use crate::people::wire_enum;

wire_enum!(
    /// Where the path led.
    OutcomeKind {
        /// The business exists: its legal form, and its enterprise number once registered.
        BusinessCreated = "business_created",
        SalariedJob = "salaried_job",
        Training = "training",
        /// A pause: the path resumes later.
        Paused = "paused",
        /// The path stopped (with the reason).
        Stopped = "stopped",
    }
);

/// `POST /api/v1/interlab/entrepreneurs/{id}/outcomes` and `PUT …/outcomes/{outcome_id}` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OutcomeInput {
    pub kind: OutcomeKind,
    /// When it happened (Europe/Brussels), not in the future.
    pub occurred_on: NaiveDate,
    /// Required for a business created (a decided form), absent otherwise.
    #[serde(default)]
    pub legal_form: Option<LegalForm>,
    /// A business created's Belgian enterprise number (BCE/KBO): ten digits starting with 0 or 1
    /// with a valid mod-97 check, dots and spaces allowed (`0123.456.749`).
    #[serde(default)]
    pub enterprise_number: Option<String>,
    /// Required when the path stopped.
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A follow-up call due some months after an outcome that ends the path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutcomeFollowUp {
    pub id: Uuid,
    pub entrepreneur_id: Uuid,
    pub display_name: String,
    pub project_name: String,
    pub outcome_id: Uuid,
    pub outcome_kind: OutcomeKind,
    /// 6 or 12.
    pub months: u32,
    pub due_on: NaiveDate,
    /// Due today or earlier (Europe/Brussels) and not done.
    pub due: bool,
    pub done_on: Option<NaiveDate>,
}

/// An outcome of an entrepreneur's path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Outcome {
    pub id: Uuid,
    pub entrepreneur_id: Uuid,
    pub kind: OutcomeKind,
    pub occurred_on: NaiveDate,
    pub legal_form: Option<LegalForm>,
    /// Formatted `0123.456.749`.
    pub enterprise_number: Option<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
    /// The entrepreneur left the path with it: follow-ups are scheduled.
    pub ends_path: bool,
    pub follow_ups: Vec<OutcomeFollowUp>,
    pub recorded_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Filters of `GET /api/v1/interlab/follow-ups`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct OutcomeFollowUpFilter {
    /// Only those due on or before this day (default: every one).
    pub due_before: Option<NaiveDate>,
    /// `false` (default): those still to do; `true`: those done.
    pub done: Option<bool>,
}

/// `POST /api/v1/interlab/follow-ups/{id}/done` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OutcomeFollowUpDone {
    /// The day of the call, not in the future.
    pub done_on: NaiveDate,
}
