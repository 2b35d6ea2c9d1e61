//! InterLab, the inclusive incubator: applications, entrepreneurs and their projects, cohorts
//! and the sector vocabulary. The method starts from a person's strengths; nothing here calls a
//! person a "case" or a "problem".

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::people::{wire_enum, Category, LanguageSkill, MembershipStatus};
use crate::Lang;

mod meetings;
mod outcomes;
pub use meetings::*;
pub use outcomes::*;
mod mentoring;
mod office_hours;
pub use mentoring::*;
pub use office_hours::*;
mod cohort_activities;
pub use cohort_activities::*;

wire_enum!(
    /// Where an application stands in the team's review.
    ApplicationStatus {
        /// Not reviewed yet.
        Pending = "pending",
        /// Accepted: the person is an InterLab entrepreneur.
        Accepted = "accepted",
        /// Kept for a later cohort.
        WaitingList = "waiting_list",
        /// Oriented towards a partner better placed to help, with a note.
        Redirected = "redirected",
    }
);

wire_enum!(
    /// What the team decides about an application.
    ApplicationDecision {
        Accept = "accept",
        WaitingList = "waiting_list",
        Redirect = "redirect",
    }
);

wire_enum!(
    /// How the applicant heard of InterLab.
    HeardVia {
        WordOfMouth = "word_of_mouth",
        PartnerOrganisation = "partner_organisation",
        SocialMedia = "social_media",
        Event = "event",
        LaGrandPoste = "la_grand_poste",
        Other = "other",
    }
);

wire_enum!(
    /// How far the project has come.
    ProjectStage {
        Idea = "idea",
        Validation = "validation",
        PreparingLaunch = "preparing_launch",
        Launched = "launched",
        Growing = "growing",
    }
);

wire_enum!(
    /// The Belgian legal form the project aims at.
    LegalForm {
        /// Self-employed in one's own name (personne physique).
        Independent = "independent",
        /// Self-employed alongside a job (activité complémentaire).
        Complementary = "complementary",
        Srl = "srl",
        /// Cooperative society.
        Sc = "sc",
        Asbl = "asbl",
        Undecided = "undecided",
    }
);

/// `POST /api/v1/public/interlab/apply` body: "Je veux créer mon activité".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ApplyRequest {
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
    /// The idea, in the applicant's own words (required).
    pub idea: String,
    /// Languages the applicant speaks (go to their record).
    #[serde(default)]
    pub languages: Vec<LanguageSkill>,
    #[serde(default)]
    pub heard_via: Option<HeardVia>,
    /// Which partner, event or other source, in their words.
    #[serde(default)]
    pub heard_via_detail: Option<String>,
    /// Language of the form (and of the privacy notice shown).
    pub lang: Lang,
    /// Version of the privacy notice shown with the form.
    pub notice_version: String,
    /// The applicant agrees to the processing described in the notice (required).
    pub consent: bool,
    /// Honeypot: a field hidden from people. Must stay empty.
    #[serde(default)]
    pub website: Option<String>,
}

/// `POST /api/v1/interlab/applications` body: an application the team records for someone
/// already known (met at La Grand Poste, referred by a partner).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ApplicationInput {
    pub person_id: Uuid,
    /// The idea, in the person's own words.
    pub idea: String,
    #[serde(default)]
    pub heard_via: Option<HeardVia>,
    #[serde(default)]
    pub heard_via_detail: Option<String>,
}

/// An application in the team's review queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Application {
    pub id: Uuid,
    pub person_id: Uuid,
    pub display_name: String,
    /// Someone else with the same email or phone exists: the people page reviews it.
    pub possible_duplicate: bool,
    pub idea: String,
    pub heard_via: Option<HeardVia>,
    pub heard_via_detail: Option<String>,
    pub status: ApplicationStatus,
    /// The team's note on the decision (staff only).
    pub decision_note: Option<String>,
    /// The partner the person was oriented to.
    pub partner: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by_name: Option<String>,
    /// Set once accepted.
    pub entrepreneur_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// Filters of `GET /api/v1/interlab/applications`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ApplicationFilter {
    /// Default: every status.
    pub status: Option<ApplicationStatus>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

/// `POST /api/v1/interlab/applications/{id}/decision` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DecisionInput {
    pub decision: ApplicationDecision,
    /// The team's note (required for a redirection).
    #[serde(default)]
    pub note: Option<String>,
    /// The partner organisation (required for a redirection).
    #[serde(default)]
    pub partner: Option<String>,
    /// The project and its accompaniment (required to accept).
    #[serde(default)]
    pub entrepreneur: Option<EntrepreneurInput>,
}

/// The answer to a decision: the application, and the entrepreneur it made when accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionResult {
    pub application: Application,
    pub entrepreneur: Option<Entrepreneur>,
}

/// An entrepreneur's project and accompaniment: accepting an application and
/// `PUT /api/v1/interlab/entrepreneurs/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EntrepreneurInput {
    pub project_name: String,
    #[serde(default)]
    pub description: Option<String>,
    /// A sector of the vocabulary (`GET /api/v1/interlab/sectors`).
    #[serde(default)]
    pub sector_id: Option<Uuid>,
    pub stage: ProjectStage,
    pub legal_form: LegalForm,
    #[serde(default)]
    pub target_date: Option<NaiveDate>,
    #[serde(default)]
    pub cohort_id: Option<Uuid>,
    /// A staff account; it then accompanies the person (and sees them as a coach).
    #[serde(default)]
    pub coach_id: Option<Uuid>,
}

/// The project an entrepreneur carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Project {
    pub name: String,
    pub description: Option<String>,
    pub sector_id: Option<Uuid>,
    /// The sector in the request's language.
    pub sector_label: Option<String>,
    pub stage: ProjectStage,
    pub legal_form: LegalForm,
    pub target_date: Option<NaiveDate>,
}

/// An InterLab entrepreneur: the person, their project and who accompanies them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Entrepreneur {
    pub id: Uuid,
    pub person_id: Uuid,
    pub display_name: String,
    pub project: Project,
    pub cohort_id: Option<Uuid>,
    pub cohort_name: Option<String>,
    pub coach_id: Option<Uuid>,
    pub coach_name: Option<String>,
    /// The person's InterLab membership.
    pub membership_status: Option<MembershipStatus>,
    pub application_id: Option<Uuid>,
    /// Milestones due before today and neither done nor dropped.
    pub overdue_milestones: u64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A staff account that may accompany an entrepreneur, for the coach picker
/// (`GET /api/v1/interlab/coaches`): no e-mail address, only what the choice needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoachChoice {
    pub id: Uuid,
    pub display_name: String,
    pub role: crate::auth::Role,
}

/// Filters of `GET /api/v1/interlab/entrepreneurs`; all combine (AND).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct EntrepreneurFilter {
    pub cohort: Option<Uuid>,
    pub stage: Option<ProjectStage>,
    pub sector: Option<Uuid>,
    /// A staff account: the entrepreneurs it coaches.
    pub coach: Option<Uuid>,
    /// `true`: only those with an overdue milestone; `false`: only those without.
    pub overdue: Option<bool>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

/// A cohort: entrepreneurs who start the path together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cohort {
    pub id: Uuid,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    /// Entrepreneurs in the cohort (for a coach: those they accompany).
    pub entrepreneurs: u64,
}

/// `POST /api/v1/interlab/cohorts` and `PUT /api/v1/interlab/cohorts/{id}` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CohortInput {
    pub name: String,
    pub starts_on: NaiveDate,
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
}

wire_enum!(
    /// InterLab's editable vocabularies.
    TermKind {
        /// Sectors of projects (`/interlab/sectors`).
        Sector = "sector",
        /// Strengths a diagnostic starts from (`/interlab/strengths`).
        Strength = "strength",
    }
);

/// A term of one of InterLab's vocabularies (a sector, a strength), in the four interface
/// languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Term {
    pub id: Uuid,
    pub kind: TermKind,
    /// Stable identifier within its vocabulary (`food`, `trade-skill`).
    pub slug: String,
    pub label_fr: String,
    pub label_en: String,
    pub label_nl: String,
    pub label_ar: String,
}

/// Body of `POST` and `PUT` on `/api/v1/interlab/sectors` and `/api/v1/interlab/strengths`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TermInput {
    pub slug: String,
    pub label_fr: String,
    pub label_en: String,
    pub label_nl: String,
    pub label_ar: String,
}

wire_enum!(
    /// Where a need lies: the barriers the path unblocks.
    NeedDomain {
        /// French or Dutch.
        Language = "language",
        /// Belgian administration: BCE registration through an enterprise counter, VAT, social
        /// insurance fund.
        Administration = "administration",
        /// Basic management knowledge.
        Management = "management",
        /// Microcredit, subsidies.
        Financing = "financing",
        Market = "market",
        Premises = "premises",
        Legal = "legal",
        Network = "network",
        Digital = "digital",
        Accounting = "accounting",
    }
);

wire_enum!(
    NeedPriority {
        High = "high",
        Medium = "medium",
        Low = "low",
    }
);

/// A strength named in a diagnostic (request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StrengthInput {
    /// A term of the strength vocabulary (`GET /api/v1/interlab/strengths`).
    pub strength_id: Uuid,
    /// 1 (emerging) to 4 (a real asset).
    pub level: i32,
    #[serde(default)]
    pub note: Option<String>,
}

/// A need named in a diagnostic (request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NeedInput {
    pub domain: NeedDomain,
    pub priority: NeedPriority,
    /// Where the person wants to go, in their own words.
    #[serde(default)]
    pub goal: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// `POST /api/v1/interlab/entrepreneurs/{id}/diagnostics` body: strengths first, then needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DiagnosticInput {
    /// The day of the conversation (Europe/Brussels), not in the future.
    pub held_on: NaiveDate,
    /// At least one: the method starts from what the person brings.
    pub strengths: Vec<StrengthInput>,
    #[serde(default)]
    pub needs: Vec<NeedInput>,
    #[serde(default)]
    pub summary: Option<String>,
}

/// A strength of a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Strength {
    pub strength_id: Uuid,
    /// In the request's language.
    pub label: String,
    pub level: i32,
    pub note: Option<String>,
}

/// A need of a diagnostic; milestones of the path may serve it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Need {
    pub id: Uuid,
    pub domain: NeedDomain,
    pub priority: NeedPriority,
    pub goal: Option<String>,
    pub note: Option<String>,
}

/// A dated snapshot of an entrepreneur's strengths and needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Diagnostic {
    pub id: Uuid,
    pub entrepreneur_id: Uuid,
    /// 1 for the first diagnostic, then 2, 3…
    pub version: i32,
    pub held_on: NaiveDate,
    pub strengths: Vec<Strength>,
    pub needs: Vec<Need>,
    pub summary: Option<String>,
    pub recorded_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A strength's level in the first and the latest diagnostic (absent: not named then).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StrengthChange {
    pub strength_id: Uuid,
    pub label: String,
    pub first: Option<i32>,
    pub latest: Option<i32>,
}

/// A need's priority in the first and the latest diagnostic (absent: not a need then).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedChange {
    pub domain: NeedDomain,
    pub first: Option<NeedPriority>,
    pub latest: Option<NeedPriority>,
}

/// The first diagnostic against the latest, strengths first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiagnosticComparison {
    pub first_version: i32,
    pub latest_version: i32,
    pub strengths: Vec<StrengthChange>,
    pub needs: Vec<NeedChange>,
}

/// `GET /api/v1/interlab/entrepreneurs/{id}/diagnostics`: every snapshot, oldest first, and
/// the comparison of the first and the latest (when there are two or more).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Diagnostics {
    pub diagnostics: Vec<Diagnostic>,
    pub comparison: Option<DiagnosticComparison>,
}

wire_enum!(
    MilestoneStatus {
        Todo = "todo",
        InProgress = "in_progress",
        Done = "done",
        /// Left aside on purpose; it no longer counts in the progress.
        Dropped = "dropped",
    }
);

wire_enum!(
    /// Who carries a milestone.
    MilestoneOwner {
        Entrepreneur = "entrepreneur",
        Coach = "coach",
        Mentor = "mentor",
    }
);

/// A milestone template of a need domain (administrators edit them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Template {
    pub id: Uuid,
    pub domain: NeedDomain,
    /// Order within the domain.
    pub position: i32,
    pub title: String,
    pub description: Option<String>,
    /// Typical duration, in days.
    pub typical_days: i32,
    /// Suggested resources and partners.
    pub resources: Option<String>,
}

/// `POST /api/v1/interlab/templates` and `PUT /api/v1/interlab/templates/{id}` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TemplateInput {
    pub domain: NeedDomain,
    #[serde(default)]
    pub position: i32,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// 1 to 365.
    pub typical_days: i32,
    #[serde(default)]
    pub resources: Option<String>,
}

/// A milestone of an entrepreneur's path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Milestone {
    pub id: Uuid,
    pub entrepreneur_id: Uuid,
    /// The need it serves (one of this entrepreneur's).
    pub need_id: Option<Uuid>,
    /// The need's domain.
    pub domain: Option<NeedDomain>,
    pub template_id: Option<Uuid>,
    pub title: String,
    pub description: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub owner: MilestoneOwner,
    pub status: MilestoneStatus,
    /// What shows it is done.
    pub evidence: Option<String>,
    pub completed_on: Option<NaiveDate>,
    /// Due before today (Europe/Brussels) and neither done nor dropped.
    pub overdue: bool,
}

/// `POST /api/v1/interlab/entrepreneurs/{id}/milestones` and `PUT …/milestones/{milestone_id}`
/// body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MilestoneInput {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    pub owner: MilestoneOwner,
    /// Default: `todo`.
    #[serde(default)]
    pub status: Option<MilestoneStatus>,
    #[serde(default)]
    pub evidence: Option<String>,
    /// A need of one of this entrepreneur's diagnostics.
    #[serde(default)]
    pub need_id: Option<Uuid>,
}

/// `POST /api/v1/interlab/entrepreneurs/{id}/milestones/from-templates` body: the milestones
/// of a need's domain, one after the other from `starts_on`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FromTemplates {
    /// A need of one of this entrepreneur's diagnostics.
    pub need_id: Uuid,
    /// Default: today (Europe/Brussels).
    #[serde(default)]
    pub starts_on: Option<NaiveDate>,
    /// Default: every template of the need's domain.
    #[serde(default)]
    pub template_ids: Option<Vec<Uuid>>,
}

/// Progress of one need domain (`None`: milestones that serve no need).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DomainProgress {
    pub domain: Option<NeedDomain>,
    pub done: u32,
    /// Counted milestones (dropped ones are not).
    pub total: u32,
    /// 0 to 100.
    pub percent: u32,
}

/// `GET /api/v1/interlab/entrepreneurs/{id}/milestones`: the path and its progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PathView {
    /// By due date, undated last.
    pub milestones: Vec<Milestone>,
    pub by_domain: Vec<DomainProgress>,
    pub overall: DomainProgress,
    pub overdue: u32,
}
