//! A person's participation across the four programmes, on one page
//! (`GET /api/v1/people/{id}/participation`): what they registered to and attended, the
//! workshops they lead, their Duo2Change candidacies and duos, their InterLab project and the
//! partner organisations they work for. Each item carries the id of the record where it is
//! handled.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::activities::{ActivityProgramme, Multilingual, RegistrationStatus};
use crate::duo::{CandidacyStatus, DuoStatus};
use crate::interlab::ProjectStage;
use crate::people::Category;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonParticipation {
    /// Their registrations, the latest activity first (cancelled ones included).
    pub registrations: Vec<ParticipationRegistration>,
    /// How many of the registrations were attended, and how many were missed without excuse.
    pub attended: u32,
    pub absent: u32,
    /// Activities they lead (InterAct hosts), the latest first.
    pub hosted: Vec<HostedActivity>,
    pub candidacies: Vec<ParticipationCandidacy>,
    /// Their duos, the latest proposed first.
    pub duos: Vec<ParticipationDuo>,
    /// Their InterLab projects.
    pub interlab: Vec<ParticipationProject>,
    /// The partner organisations they are affiliated to.
    pub organisations: Vec<ParticipationAffiliation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipationRegistration {
    pub registration_id: Uuid,
    pub activity_id: Uuid,
    /// The activity's title in each language it was written in.
    pub title: Multilingual,
    pub programme: ActivityProgramme,
    pub starts_at: DateTime<Utc>,
    pub status: RegistrationStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HostedActivity {
    pub activity_id: Uuid,
    /// The activity's title in each language it was written in.
    pub title: Multilingual,
    pub programme: ActivityProgramme,
    pub starts_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipationCandidacy {
    pub id: Uuid,
    /// The side they are on in Duo2Change.
    pub side: Category,
    pub status: CandidacyStatus,
    pub waiting_since: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipationDuo {
    pub id: Uuid,
    pub status: DuoStatus,
    /// The other member of the duo; absent when the reader may not see that person (a coach
    /// who does not accompany them).
    pub partner: Option<DuoPartner>,
    pub proposed_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuoPartner {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipationProject {
    /// The entrepreneur record (`/interlab/entrepreneurs/{id}`).
    pub entrepreneur_id: Uuid,
    pub project_name: String,
    pub stage: ProjectStage,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipationAffiliation {
    pub organisation_id: Uuid,
    pub name: String,
    /// Their role there, as staff wrote it.
    pub role: String,
}
