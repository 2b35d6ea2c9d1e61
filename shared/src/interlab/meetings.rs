//! Accompaniment meetings: who was there, the entrepreneur's own words, notes, decisions and
//! next steps that become milestones of the path in one click.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::MilestoneOwner;

/// A next step decided in a meeting (request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NextStepInput {
    /// What is to be done; the milestone's title when it becomes one.
    pub text: String,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    /// Default: the entrepreneur.
    #[serde(default)]
    pub owner: Option<MilestoneOwner>,
    /// A need of one of this entrepreneur's diagnostics.
    #[serde(default)]
    pub need_id: Option<Uuid>,
    /// The milestone this step already became, as the meeting answered it: sent back on a
    /// change to keep the link.
    #[serde(default)]
    pub milestone_id: Option<Uuid>,
}

/// `POST /api/v1/interlab/entrepreneurs/{id}/meetings` and `PUT …/meetings/{meeting_id}` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingInput {
    /// The day of the meeting (Europe/Brussels).
    pub held_on: NaiveDate,
    /// People who were there (the entrepreneur, a mentor, a partner), each once.
    #[serde(default)]
    pub attendee_person_ids: Vec<Uuid>,
    /// Staff accounts that were there, each once.
    #[serde(default)]
    pub attendee_user_ids: Vec<Uuid>,
    /// What the entrepreneur said, in their own words.
    #[serde(default)]
    pub entrepreneur_words: Option<String>,
    /// Seen only by InterLab staff and the entrepreneur's coach (and mentors who attended).
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub decisions: Option<String>,
    #[serde(default)]
    pub next_steps: Vec<NextStepInput>,
}

/// Someone who was at a meeting: a person or a staff account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attendee {
    pub person_id: Option<Uuid>,
    pub user_id: Option<Uuid>,
    pub name: String,
}

/// A next step of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NextStep {
    /// Its place in the meeting's list (`…/next-steps/{index}/milestone`).
    pub index: u32,
    pub text: String,
    pub due_on: Option<NaiveDate>,
    pub owner: MilestoneOwner,
    pub need_id: Option<Uuid>,
    /// The milestone it became, once it did.
    pub milestone_id: Option<Uuid>,
}

/// An accompaniment meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Meeting {
    pub id: Uuid,
    pub entrepreneur_id: Uuid,
    pub held_on: NaiveDate,
    pub attendees: Vec<Attendee>,
    pub entrepreneur_words: Option<String>,
    /// Absent for readers who may not see notes (`notes_hidden`).
    pub notes: Option<String>,
    /// The reader may not see this meeting's notes.
    pub notes_hidden: bool,
    pub decisions: Option<String>,
    pub next_steps: Vec<NextStep>,
    pub recorded_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
