//! Duo2Change: candidacies, matching suggestions, batch runs, duos and their follow-up.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::people::{wire_enum, Category};

wire_enum!(
    CandidacyStatus {
        /// From a public sign-up: a coordinator completes it (travel, hopes, preferences)
        /// before it enters the pool; matching never uses it.
        ToComplete = "to_complete",
        Waiting = "waiting",
        Proposed = "proposed",
        Matched = "matched",
        Withdrawn = "withdrawn",
    }
);

wire_enum!(
    /// How far the candidate will go to meet.
    TravelRange {
        SameCommune = "same_commune",
        Neighbours = "neighbours",
        Anywhere = "anywhere",
    }
);

wire_enum!(
    GenderIdentity {
        Woman = "woman",
        Man = "man",
        Other = "other",
    }
);

wire_enum!(
    /// What a candidate hopes from the duo.
    Hope {
        Conversation = "conversation",
        Outings = "outings",
        Sport = "sport",
        Culture = "culture",
        DailyLife = "daily_life",
    }
);

/// Filters of `GET /api/v1/duo/candidates`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct CandidateFilter {
    pub status: Option<CandidacyStatus>,
    pub side: Option<Category>,
}

/// A Duo2Change candidacy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Candidacy {
    pub id: Uuid,
    pub person_id: Uuid,
    pub display_name: String,
    /// Newcomer or local, from the person's effective category.
    pub side: Category,
    pub status: CandidacyStatus,
    pub waiting_since: DateTime<Utc>,
    pub commune: Option<String>,
    pub travel: TravelRange,
    pub gender: Option<GenderIdentity>,
    pub partner_gender: Option<GenderIdentity>,
    pub partner_age_min: Option<i32>,
    pub partner_age_max: Option<i32>,
    pub hopes: Vec<Hope>,
    pub wants_french_practice: bool,
    pub remarks: Option<String>,
}

/// `POST /api/v1/duo/candidates` and `PUT /api/v1/duo/candidates/{id}` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CandidacyInput {
    /// The person (ignored on update).
    pub person_id: Uuid,
    /// A commune of the Liège-area list (`GET /api/v1/duo/communes`).
    #[serde(default)]
    pub commune: Option<String>,
    pub travel: TravelRange,
    #[serde(default)]
    pub gender: Option<GenderIdentity>,
    #[serde(default)]
    pub partner_gender: Option<GenderIdentity>,
    #[serde(default)]
    pub partner_age_min: Option<i32>,
    #[serde(default)]
    pub partner_age_max: Option<i32>,
    #[serde(default)]
    pub hopes: Vec<Hope>,
    #[serde(default)]
    pub wants_french_practice: bool,
    #[serde(default)]
    pub remarks: Option<String>,
    /// On update only: withdraw or put back in the pool.
    #[serde(default)]
    pub status: Option<CandidacyStatus>,
}

/// Scores of each criterion (0–1) and the weighted total (0–100).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreBreakdown {
    pub interests: f64,
    pub language: f64,
    pub availability: f64,
    pub distance: f64,
    pub hopes: f64,
    pub age: f64,
    pub waiting: f64,
    pub total: f64,
}

/// Parameters of `GET /api/v1/duo/candidates/{id}/suggestions`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SuggestionQuery {
    /// How many (default 5, at most 50).
    pub k: Option<usize>,
}

/// A proposed partner with the reasons, in the request's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suggestion {
    pub candidacy_id: Uuid,
    pub person_id: Uuid,
    pub display_name: String,
    pub score: ScoreBreakdown,
    pub reasons: Vec<String>,
}

/// Matching weights (admins), versioned: each proposal records the version that produced it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MatchingSettings {
    /// Set by the server.
    #[serde(default)]
    pub version: i32,
    pub interests: f64,
    pub language: f64,
    pub availability: f64,
    pub distance: f64,
    pub hopes: f64,
    pub age: f64,
    pub waiting: f64,
    /// Pairs below this total (0–100) are not proposed by the batch.
    pub threshold: f64,
}

/// `POST /api/v1/duo/batch` body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    /// Pairs chosen by a coordinator, kept as they are: (newcomer candidacy, local candidacy).
    #[serde(default)]
    pub pinned: Vec<PairRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PairRef {
    pub newcomer: Uuid,
    pub local: Uuid,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BatchPair {
    pub newcomer: Suggestion,
    pub local: Suggestion,
    pub score: ScoreBreakdown,
    pub reasons: Vec<String>,
    pub pinned: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BatchUnmatched {
    pub candidacy_id: Uuid,
    pub display_name: String,
    pub side: Category,
    /// Why, in the request's language.
    pub reason: String,
}

/// The preview of a batch run: nothing is stored until it is accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BatchPreview {
    pub settings_version: i32,
    pub pairs: Vec<BatchPair>,
    pub unmatched: Vec<BatchUnmatched>,
    pub total_score: f64,
}

/// `POST /api/v1/duo/batch/accept` body: the pairs of a preview to turn into proposals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BatchAccept {
    pub pairs: Vec<AcceptedPair>,
}

/// A pair of a batch preview to propose: (newcomer candidacy, local candidacy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AcceptedPair {
    pub newcomer: Uuid,
    pub local: Uuid,
    /// The coordinator pinned this pair in the preview (`BatchPair::pinned`): the proposal
    /// records it.
    #[serde(default)]
    pub pinned: bool,
}

impl From<&BatchPair> for AcceptedPair {
    fn from(p: &BatchPair) -> Self {
        AcceptedPair {
            newcomer: p.newcomer.candidacy_id,
            local: p.local.candidacy_id,
            pinned: p.pinned,
        }
    }
}

wire_enum!(
    /// The life of a duo.
    DuoStatus {
        /// Proposed by matching or by a coordinator.
        Proposed = "proposed",
        /// A first meeting is arranged.
        Introduced = "introduced",
        /// Confirmed after the trial meeting: meeting about once a week.
        Active = "active",
        Paused = "paused",
        Ended = "ended",
        /// Not confirmed; both return to the pool and are not proposed together again.
        Declined = "declined",
    }
);

/// Filters of `GET /api/v1/duos`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct DuoFilter {
    pub status: Option<DuoStatus>,
}

wire_enum!(
    DuoOutcome {
        Good = "good",
        Neutral = "neutral",
        /// Ended badly: the two are never proposed together again.
        Bad = "bad",
    }
);

/// A duo (or proposal).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Duo {
    pub id: Uuid,
    pub newcomer_id: Uuid,
    pub newcomer_name: String,
    pub local_id: Uuid,
    pub local_name: String,
    pub status: DuoStatus,
    pub score: Option<f64>,
    pub reasons: Vec<String>,
    pub settings_version: Option<i32>,
    /// A pair the coordinator pinned in a batch run.
    #[serde(default)]
    pub pinned: bool,
    pub proposed_at: DateTime<Utc>,
    pub introduced_at: Option<DateTime<Utc>>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub reason: Option<String>,
    pub outcome: Option<DuoOutcome>,
    pub health: Option<DuoHealth>,
    /// Trial-meeting feedback recorded so far (newcomer first), at most one per side.
    #[serde(default)]
    pub feedback: Vec<TrialFeedback>,
    /// Both sides said they want to continue: what a coordinator confirms on. Confirmation
    /// stays a coordinator's decision (`POST /duos/{id}/transition`), never automatic.
    #[serde(default)]
    pub both_want_to_continue: bool,
    /// The coordinator's follow-up calls, by due date (`GET /duos/{id}` only; empty in lists).
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
    /// The dated steps of the duo's life, oldest first, pauses and resumptions included
    /// (`GET /duos/{id}` only; empty in lists).
    #[serde(default)]
    pub timeline: Vec<DuoStep>,
    /// The newcomer's and the local's phone numbers, for the call list (`GET /duos/attention`
    /// only, and only for people the reader may read: a coach gets those they accompany).
    #[serde(default)]
    pub newcomer_phone: Option<String>,
    #[serde(default)]
    pub local_phone: Option<String>,
}

/// One step of a duo's life: the state it reached, when and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuoStep {
    /// The state reached (`active` after `paused` is a resumption).
    pub status: DuoStatus,
    pub at: DateTime<Utc>,
    /// The staff member who made the move, when recorded.
    pub by_name: Option<String>,
    /// Why: for a refusal, an end or a pause, when given.
    pub reason: Option<String>,
}

wire_enum!(
    /// Which follow-up call: one of the default plan after confirmation, or an extra one.
    FollowUpKind {
        TwoWeeks = "2_weeks",
        SixWeeks = "6_weeks",
        ThreeMonths = "3_months",
        Extra = "extra",
    }
);

/// A follow-up call of the coordinator to the duo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUp {
    pub id: Uuid,
    pub due_on: NaiveDate,
    pub kind: FollowUpKind,
    /// Written when the call was planned (extra calls).
    pub notes: Option<String>,
    /// The day the call took place; `None` while it is still to do.
    pub done_on: Option<NaiveDate>,
    /// When it was marked done.
    pub done_at: Option<DateTime<Utc>>,
    /// What came out of the call.
    pub done_notes: Option<String>,
    /// The staff member who marked it done.
    pub done_by_name: Option<String>,
    /// Not done and due before today while the duo runs: the duo needs a call.
    pub overdue: bool,
}

/// `POST /api/v1/duos/{id}/follow-ups` body: plan an extra call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FollowUpInput {
    /// Today or later.
    pub due_on: NaiveDate,
    /// At most 2,000 characters.
    #[serde(default)]
    pub notes: Option<String>,
}

/// `POST /api/v1/duos/{id}/follow-ups/{follow_up_id}/done` body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FollowUpDone {
    /// Defaults to today (Europe/Brussels); not in the future, not before the confirmation.
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
    /// What came out of the call; at most 2,000 characters.
    #[serde(default)]
    pub notes: Option<String>,
}

/// `POST /api/v1/duos/{id}/transition` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DuoTransition {
    pub to: DuoStatus,
    /// Required to decline or end.
    #[serde(default)]
    pub reason: Option<String>,
    /// Required to end.
    #[serde(default)]
    pub outcome: Option<DuoOutcome>,
}

wire_enum!(
    Reporter {
        Newcomer = "newcomer",
        Local = "local",
        Coordinator = "coordinator",
    }
);

/// A meeting of the duo, as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckIn {
    pub id: Uuid,
    pub met_on: NaiveDate,
    pub activity: String,
    pub duration_minutes: Option<i32>,
    pub reported_by: Reporter,
    /// 1–5.
    pub satisfaction_newcomer: Option<i32>,
    /// 1–5.
    pub satisfaction_local: Option<i32>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckInInput {
    pub met_on: NaiveDate,
    pub activity: String,
    #[serde(default)]
    pub duration_minutes: Option<i32>,
    pub reported_by: Reporter,
    #[serde(default)]
    pub satisfaction_newcomer: Option<i32>,
    #[serde(default)]
    pub satisfaction_local: Option<i32>,
    #[serde(default)]
    pub notes: Option<String>,
}

wire_enum!(
    HealthLevel {
        Good = "good",
        Watch = "watch",
        /// Needs a call this week.
        Attention = "attention",
    }
);

/// How a duo is doing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuoHealth {
    pub level: HealthLevel,
    /// Meetings in the last 4 weeks (expected: about 4).
    pub meetings_last_4_weeks: u32,
    /// Days since the last reported meeting.
    pub days_since_last_meeting: Option<i64>,
    /// Average satisfaction of the last check-ins minus that of the earlier ones.
    pub satisfaction_trend: Option<f64>,
    pub overdue_follow_up: Option<NaiveDate>,
    /// Reasons, in the request's language.
    pub reasons: Vec<String>,
}

wire_enum!(
    /// What a person answers after the trial meeting: go on with the duo?
    ContinueWish {
        Yes = "yes",
        No = "no",
        Unsure = "unsure",
    }
);

/// One side's feedback on the trial meeting of a duo, recorded by staff on the person's behalf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrialFeedback {
    /// Whose feedback: the duo's newcomer or local.
    pub side: Category,
    pub person_id: Uuid,
    pub wants_to_continue: ContinueWish,
    /// How the trial meeting went, 1 (badly) to 5 (very well).
    pub rating: i32,
    pub notes: Option<String>,
    /// The day the person gave it.
    pub given_on: NaiveDate,
    /// The staff member who recorded it (last change).
    pub recorded_by: Option<Uuid>,
    pub recorded_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// `POST /api/v1/duos/{id}/feedback` body: creates or replaces the feedback of one side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TrialFeedbackInput {
    pub side: Category,
    pub wants_to_continue: ContinueWish,
    /// 1–5.
    pub rating: i32,
    #[serde(default)]
    pub notes: Option<String>,
    /// Defaults to today (Europe/Brussels); not in the future, not before the introduction.
    #[serde(default)]
    pub given_on: Option<NaiveDate>,
}

wire_enum!(
    /// When a self-assessment is taken: at the start of the duo or at its end.
    AssessmentPhase {
        Before = "before",
        After = "after",
    }
);

/// A person's self-assessment at the start or at the end of a duo, recorded by staff on their
/// behalf. The newcomer answers `french_confidence` and `help_contacts`; the local answers
/// `intercultural_understanding` and, at the end, `learnt`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SelfAssessment {
    pub id: Uuid,
    pub duo_id: Uuid,
    pub person_id: Uuid,
    pub side: Category,
    pub phase: AssessmentPhase,
    /// The day the person answered.
    pub assessed_on: NaiveDate,
    /// Newcomer: confidence speaking French, 1 (not at all) to 5 (at ease).
    pub french_confidence: Option<i32>,
    /// Newcomer: how many people they can ask for help.
    pub help_contacts: Option<i32>,
    /// Local: understanding of other cultures, 1 (little) to 5 (a lot).
    pub intercultural_understanding: Option<i32>,
    /// Local, at the end: what they learnt.
    pub learnt: Option<String>,
    /// The staff member who recorded it (last change).
    pub recorded_by: Option<Uuid>,
    pub recorded_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// `POST /api/v1/duos/{id}/assessments` body: creates or replaces one person's answers for a
/// phase. Each side gives its own fields only (the other side's are refused).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SelfAssessmentInput {
    pub side: Category,
    pub phase: AssessmentPhase,
    /// Defaults to today (Europe/Brussels); not in the future.
    #[serde(default)]
    pub assessed_on: Option<NaiveDate>,
    /// Newcomer, required: 1–5.
    #[serde(default)]
    pub french_confidence: Option<i32>,
    /// Newcomer, required: 0–100.
    #[serde(default)]
    pub help_contacts: Option<i32>,
    /// Local, required: 1–5.
    #[serde(default)]
    pub intercultural_understanding: Option<i32>,
    /// Local, `after` only, optional: at most 2,000 characters.
    #[serde(default)]
    pub learnt: Option<String>,
}

/// How many answered in one phase, and their average (withheld below `min_group_size`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhaseFigure {
    pub count: u32,
    pub average: Option<f64>,
}

/// One measure at the start and at the end.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeasureSummary {
    pub before: PhaseFigure,
    pub after: PhaseFigure,
    /// People who answered both, in the same duo.
    pub paired: u32,
    /// Their average change (after minus before); withheld below `min_group_size`.
    pub average_change: Option<f64>,
}

/// `GET /api/v1/duo/assessments/summary`: the self-assessments in aggregate, for the reports.
/// No per-person data.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssessmentSummary {
    /// Newcomers, 1–5.
    pub french_confidence: MeasureSummary,
    /// Newcomers: people they can ask for help.
    pub help_contacts: MeasureSummary,
    /// Locals, 1–5.
    pub intercultural_understanding: MeasureSummary,
    /// Averages over fewer answers than this are withheld (`null`), so nobody can be singled out.
    pub min_group_size: u32,
}

wire_enum!(
    /// Why two people are never proposed together.
    BlockReason {
        /// A coordinator's explicit "do not pair".
        Coordinator = "coordinator",
        /// Their proposal was declined.
        Declined = "declined",
        /// Their duo ended badly.
        EndedBadly = "ended_badly",
    }
);

/// Filters of `GET /api/v1/duo/blocks`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct BlockFilter {
    /// Only the blocks naming this person.
    pub person_id: Option<Uuid>,
}

/// Two people the matching never proposes together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PairBlock {
    pub id: Uuid,
    pub person_a: Uuid,
    pub person_a_name: String,
    pub person_b: Uuid,
    pub person_b_name: String,
    pub reason: BlockReason,
    /// The coordinator's words, for an explicit block.
    pub note: Option<String>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl PairBlock {
    /// The other person of the pair, seen from `person`.
    pub fn other(&self, person: Uuid) -> (Uuid, &str) {
        if self.person_a == person {
            (self.person_b, &self.person_b_name)
        } else {
            (self.person_a, &self.person_a_name)
        }
    }
}

/// `POST /api/v1/duo/blocks` body: a coordinator's "do not pair".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PairBlockInput {
    pub person_a: Uuid,
    pub person_b: Uuid,
    /// Why (required, at most 500 characters); seen by coordinators only.
    pub note: String,
}

/// A commune of the Liège area known to matching, with its neighbours (symmetric).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Commune {
    /// Stable identifier (lower-case letters, digits and dashes), e.g. `liege`.
    pub id: String,
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
    /// Ids of the neighbouring communes.
    pub neighbours: Vec<String>,
}

/// `PUT /api/v1/duo/communes/{id}` body (administrators): creates or replaces a commune and
/// its neighbour links (a link is set on both sides).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CommuneInput {
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
    #[serde(default)]
    pub neighbours: Vec<String>,
}
