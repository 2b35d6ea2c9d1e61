//! InterAct hosts: workshop proposals ("Je propose un atelier"), the coordinators' pipeline from
//! an idea to a running workshop, the host's autonomy ladder and the host's own page.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::activities::{Activity, ActivityStatus, Recurrence};
use crate::people::{wire_enum, Category, Slot};
use crate::Lang;

wire_enum!(
    /// Where a proposal stands in the coordinators' pipeline:
    /// `new → talked → planned → running → paused / ended`.
    ProposalStatus {
        /// Received, nobody has talked with the host yet.
        New = "new",
        /// A coordinator met or called the host.
        Talked = "talked",
        /// A workshop is being prepared (its draft series may exist).
        Planned = "planned",
        /// The workshop takes place.
        Running = "running",
        /// On hold (holidays, the host is away), may run again.
        Paused = "paused",
        /// Over, or dropped.
        Ended = "ended",
    }
);

wire_enum!(
    /// How much of the workshop the host carries.
    AutonomyLevel {
        /// Interra runs the workshop with the host.
        CoOrganised = "co_organised",
        /// The host runs it; Interra helps.
        Supported = "supported",
        /// The host runs it on their own.
        Autonomous = "autonomous",
    }
);

wire_enum!(
    /// How a proposal reached the team.
    ProposalSource {
        /// The public form "Je propose un atelier".
        PublicForm = "public_form",
        /// The workshop idea of the public sign-up.
        Signup = "signup",
        /// Entered by a staff member.
        Staff = "staff",
    }
);

/// A passion of the vocabulary, as the public form offers it (the people feature's tags).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Passion {
    pub id: Uuid,
    pub slug: String,
    pub category: String,
    pub label_fr: String,
    pub label_en: String,
    pub label_nl: String,
    pub label_ar: String,
}

impl Passion {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.label_fr,
            Lang::En => &self.label_en,
            Lang::Nl => &self.label_nl,
            Lang::Ar => &self.label_ar,
        }
    }
}

/// `POST /api/v1/public/interact/proposals` body: "Je propose un atelier", without an account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PublicProposalRequest {
    pub first_name: String,
    #[serde(default)]
    pub last_name: Option<String>,
    /// Email and/or phone: at least one.
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub postcode: Option<String>,
    // Read as an option so that a missing value gets a "required" message on its field.
    #[cfg_attr(feature = "openapi", schema(required = true, nullable = false))]
    pub profile: Option<Category>,
    /// For newcomers.
    #[serde(default)]
    pub arrival_year: Option<i32>,
    /// The workshop in a few words ("Pizza napolitaine").
    pub title: String,
    /// What they would share, in their own words.
    pub description: String,
    /// Passions of the vocabulary (`GET /api/v1/public/interact/passions`).
    #[serde(default)]
    pub passions: Vec<Uuid>,
    /// Languages they can host in (ISO 639 codes).
    #[serde(default)]
    pub languages: Vec<String>,
    /// When they are available.
    #[serde(default)]
    pub availability: Vec<Slot>,
    #[serde(default)]
    pub availability_note: Option<String>,
    /// Material or room they would need.
    #[serde(default)]
    pub needs: Option<String>,
    /// They would like to host with someone (a newcomer with a local).
    #[serde(default)]
    pub wants_cohost: bool,
    /// Language of the form (and of the privacy notice shown).
    pub lang: Lang,
    /// Version of the privacy notice shown with the form.
    pub notice_version: String,
    /// The visitor agrees to the processing described in the notice (required).
    pub consent: bool,
    /// Honeypot: a field hidden from people. Must stay empty.
    #[serde(default)]
    pub website: Option<String>,
}

/// `POST /api/v1/interact/proposals` body: a proposal the team records for a known person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProposalInput {
    /// The host.
    pub person_id: Uuid,
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub passions: Vec<Uuid>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub availability: Vec<Slot>,
    #[serde(default)]
    pub availability_note: Option<String>,
    #[serde(default)]
    pub needs: Option<String>,
    #[serde(default)]
    pub wants_cohost: bool,
    /// A co-host paired with the host: a local with a newcomer, a newcomer with a local.
    #[serde(default)]
    pub cohost_id: Option<Uuid>,
    /// The coordinator in charge (a staff account).
    #[serde(default)]
    pub coordinator_id: Option<Uuid>,
    #[serde(default)]
    pub next_step: Option<String>,
    #[serde(default)]
    pub next_step_on: Option<NaiveDate>,
}

/// `PUT /api/v1/interact/proposals/{id}` body: every field but the host, replaced.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProposalUpdate {
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub passions: Vec<Uuid>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub availability: Vec<Slot>,
    #[serde(default)]
    pub availability_note: Option<String>,
    #[serde(default)]
    pub needs: Option<String>,
    #[serde(default)]
    pub wants_cohost: bool,
    #[serde(default)]
    pub cohost_id: Option<Uuid>,
    #[serde(default)]
    pub coordinator_id: Option<Uuid>,
    #[serde(default)]
    pub next_step: Option<String>,
    #[serde(default)]
    pub next_step_on: Option<NaiveDate>,
}

impl From<&ProposalInput> for ProposalUpdate {
    fn from(p: &ProposalInput) -> Self {
        ProposalUpdate {
            title: p.title.clone(),
            description: p.description.clone(),
            passions: p.passions.clone(),
            languages: p.languages.clone(),
            availability: p.availability.clone(),
            availability_note: p.availability_note.clone(),
            needs: p.needs.clone(),
            wants_cohost: p.wants_cohost,
            cohost_id: p.cohost_id,
            coordinator_id: p.coordinator_id,
            next_step: p.next_step.clone(),
            next_step_on: p.next_step_on,
        }
    }
}

impl From<&Proposal> for ProposalUpdate {
    fn from(p: &Proposal) -> Self {
        ProposalUpdate {
            title: p.title.clone(),
            description: p.description.clone(),
            passions: p.passions.clone(),
            languages: p.languages.clone(),
            availability: p.availability.clone(),
            availability_note: p.availability_note.clone(),
            needs: p.needs.clone(),
            wants_cohost: p.wants_cohost,
            cohost_id: p.cohost_id,
            coordinator_id: p.coordinator_id,
            next_step: p.next_step.clone(),
            next_step_on: p.next_step_on,
        }
    }
}

/// A proposal on the coordinators' board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Proposal {
    pub id: Uuid,
    /// The host.
    pub person_id: Uuid,
    pub display_name: String,
    /// The host's category (newcomer or local); `null` for someone of neither.
    pub category: Option<Category>,
    /// Someone else with the same email or phone exists: the people page reviews it.
    pub possible_duplicate: bool,
    pub title: String,
    pub description: String,
    pub passions: Vec<Uuid>,
    pub languages: Vec<String>,
    pub availability: Vec<Slot>,
    pub availability_note: Option<String>,
    pub needs: Option<String>,
    pub wants_cohost: bool,
    pub cohost_id: Option<Uuid>,
    pub cohost_name: Option<String>,
    pub status: ProposalStatus,
    pub coordinator_id: Option<Uuid>,
    pub coordinator_name: Option<String>,
    pub next_step: Option<String>,
    pub next_step_on: Option<NaiveDate>,
    /// The host's current level in this workshop.
    pub autonomy: AutonomyLevel,
    pub source: ProposalSource,
    /// Series and single activities created from the proposal.
    pub workshops: Vec<LinkedWorkshop>,
    pub notes_count: u32,
    pub status_changed_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A series (or a single activity) created from a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedWorkshop {
    pub series_id: Option<Uuid>,
    /// The first session (the activity itself when there is no series).
    pub activity_id: Option<Uuid>,
    pub sessions: u32,
    pub first_starts_at: Option<DateTime<Utc>>,
    pub last_starts_at: Option<DateTime<Utc>>,
    /// Of the first session.
    pub status: Option<ActivityStatus>,
}

/// A dated note of the pipeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposalNote {
    pub id: Uuid,
    pub proposal_id: Uuid,
    pub body: String,
    pub noted_on: NaiveDate,
    pub author_id: Option<Uuid>,
    pub author_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// `POST /api/v1/interact/proposals/{id}/notes` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NoteInput {
    pub body: String,
    /// Default: today. Not in the future.
    #[serde(default)]
    pub noted_on: Option<NaiveDate>,
}

/// `POST /api/v1/interact/proposals/{id}/status` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    pub status: ProposalStatus,
    /// Kept as a dated note of the pipeline.
    #[serde(default)]
    pub note: Option<String>,
}

/// `POST /api/v1/interact/proposals/{id}/autonomy` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AutonomyInput {
    pub level: AutonomyLevel,
    /// Default: today. Not in the future.
    #[serde(default)]
    pub changed_on: Option<NaiveDate>,
    #[serde(default)]
    pub note: Option<String>,
}

/// One step of a host's autonomy ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AutonomyChange {
    pub id: Uuid,
    pub proposal_id: Uuid,
    pub proposal_title: String,
    pub level: AutonomyLevel,
    pub changed_on: NaiveDate,
    pub note: Option<String>,
    pub changed_by_name: Option<String>,
}

/// A proposal with its notes, autonomy history and workshops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposalDetail {
    pub proposal: Proposal,
    /// Newest first.
    pub notes: Vec<ProposalNote>,
    /// Oldest first.
    pub autonomy_history: Vec<AutonomyChange>,
}

/// `POST /api/v1/interact/proposals/{id}/series` body: when the workshop meets. Everything else
/// (title, description, passions as tags, languages, host and co-host, coordinator) comes from
/// the proposal; the series is a public InterAct draft, to review and publish in the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WorkshopInput {
    /// Local time in Europe/Brussels, `2026-12-05T14:00` (or RFC 3339 with an offset).
    pub starts_at: String,
    pub ends_at: String,
    pub recurrence: Recurrence,
    #[serde(default)]
    pub venue_id: Option<Uuid>,
    #[serde(default)]
    pub capacity: Option<i32>,
    /// The name the host agreed to show in the public agenda (none: not shown).
    #[serde(default)]
    pub public_name: Option<String>,
}

/// The answer to "create the series": the proposal and the draft sessions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkshopCreated {
    pub proposal: ProposalDetail,
    pub series_id: Uuid,
    pub sessions: Vec<Activity>,
}

/// Filters of `GET /api/v1/interact/proposals`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ProposalFilter {
    pub status: Option<ProposalStatus>,
    /// A tag of the vocabulary.
    pub passion: Option<Uuid>,
    /// A language the host can host in (ISO 639 code).
    pub language: Option<String>,
    /// The coordinator in charge (a staff account).
    pub coordinator: Option<Uuid>,
    /// The host.
    pub person_id: Option<Uuid>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

/// One session a host led, with its figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HostSession {
    pub activity_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub status: ActivityStatus,
    /// Registered or present (places taken).
    pub participants: u32,
    pub newcomers: u32,
    pub locals: u32,
    pub attended: u32,
    pub absent: u32,
}

/// A workshop of the host: a series (or a single activity) and its sessions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HostWorkshop {
    pub series_id: Option<Uuid>,
    /// In the requested language, falling back to French.
    pub title: String,
    /// The proposal it came from, if any, and the host's level in it.
    pub proposal_id: Option<Uuid>,
    pub autonomy: Option<AutonomyLevel>,
    /// Oldest first.
    pub sessions: Vec<HostSession>,
    /// What participants said of its sessions.
    pub feedback: WorkshopFeedback,
}

/// Participants' feedback on a workshop's sessions, as the host's page shows it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkshopFeedback {
    /// Answers recorded over every session.
    pub answers: u32,
    /// Under five answers the average is withheld, so that no one's answer can be read back.
    pub withheld: bool,
    /// Average rating (1 to 5, two decimals); absent when withheld or without answers.
    pub average: Option<f64>,
    /// The participants' comments, unnamed, newest first: for coordinators and administrators
    /// only (always empty for other roles).
    pub comments: Vec<FeedbackComment>,
}

/// A participant's comment on a session, without their name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackComment {
    pub activity_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub comment: String,
}

/// `POST /api/v1/interact/sessions/{activity_id}/feedback` body: what a participant registered
/// for the session said of it (a paper form, a conversation), recorded by the team. One answer
/// per participant and session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FeedbackInput {
    /// A participant registered for the session (or marked present or absent).
    pub person_id: Uuid,
    /// 1 (not at all) to 5 (very much). Read as an option so that a missing value gets a
    /// "required" message on its field.
    #[cfg_attr(feature = "openapi", schema(required = true, nullable = false))]
    pub rating: Option<i32>,
    #[serde(default)]
    pub comment: Option<String>,
}

/// One participant's feedback on a session (coordinators and administrators).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionFeedback {
    pub id: Uuid,
    pub activity_id: Uuid,
    pub person_id: Uuid,
    pub display_name: String,
    pub rating: i32,
    pub comment: Option<String>,
    pub recorded_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A month of a host's sessions: how many took part, newcomers and locals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthFigures {
    /// `2026-11`.
    pub month: String,
    pub sessions: u32,
    pub participants: u32,
    pub newcomers: u32,
    pub locals: u32,
    pub attended: u32,
}

/// A host's totals over every session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HostTotals {
    pub sessions: u32,
    /// Sessions already held (started before now, not cancelled).
    pub past_sessions: u32,
    pub participants: u32,
    pub newcomers: u32,
    pub locals: u32,
    pub attended: u32,
    pub absent: u32,
    /// Present among those expected at past sessions (attended / (attended + absent)), in
    /// percent; absent when nobody's presence was recorded yet.
    pub attendance_percent: Option<u32>,
}

/// `GET /api/v1/interact/hosts/{person_id}`: a host's path (staff).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HostPage {
    pub person_id: Uuid,
    pub display_name: String,
    /// `null` for someone of neither category.
    pub category: Option<Category>,
    /// Their proposals, newest first.
    pub proposals: Vec<Proposal>,
    /// Workshops they host (from a proposal or named host of an activity).
    pub workshops: Vec<HostWorkshop>,
    /// Month by month, oldest first.
    pub timeline: Vec<MonthFigures>,
    pub totals: HostTotals,
    /// Every level change in their workshops, oldest first.
    pub autonomy_history: Vec<AutonomyChange>,
}

/// Parameters of `GET /api/v1/interact/summary`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SummaryQuery {
    /// Proposals received from this date (inclusive).
    pub from: Option<NaiveDate>,
    /// Until this date (inclusive).
    pub to: Option<NaiveDate>,
}

/// How many proposals are at one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusCount {
    pub status: ProposalStatus,
    pub count: u32,
}

/// How many hosts are at one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelCount {
    pub level: AutonomyLevel,
    pub count: u32,
}

/// The InterAct figures the yearly report needs: proposals received, turned into workshops,
/// hosts by category and autonomy level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InteractSummary {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub proposals_received: u32,
    /// Every status, in pipeline order.
    pub by_status: Vec<StatusCount>,
    /// Proposals with at least one workshop created from them.
    pub turned_into_workshops: u32,
    /// Hosts: people whose proposal became a workshop, each counted once.
    pub hosts_newcomers: u32,
    pub hosts_locals: u32,
    /// Hosts of neither category (e.g. a partner's staff member).
    pub hosts_without_category: u32,
    /// Each host once, at their highest current level.
    pub hosts_by_autonomy: Vec<LevelCount>,
}
