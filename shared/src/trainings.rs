//! Intercultural trainings (issue 15): the catalogue of modules, courses (a run of a module whose
//! sessions are ordinary activities), trainees, attendance and completion, certificates of
//! attendance anyone can verify.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::activities::{Multilingual, RegistrationStatus};
use crate::people::wire_enum;
use crate::Lang;

wire_enum!(
    /// Who a module is written for.
    Audience {
        Participants = "participants",
        PartnerStaff = "partner_staff",
        Volunteers = "volunteers",
        Everyone = "everyone",
    }
);

wire_enum!(
    /// A trainee's place in a course: a seat in every session, waiting for one, or withdrawn.
    TraineeStatus {
        Registered = "registered",
        Waitlisted = "waitlisted",
        Cancelled = "cancelled",
    }
);

wire_enum!(
    /// Who registered a trainee: the team, or a partner organisation for its own staff.
    TraineeSource {
        Staff = "staff",
        Partner = "partner",
    }
);

/// A module of the catalogue, as written by coordinators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ModuleInput {
    /// `{"fr": ..., "nl": ..., "en": ..., "ar": ...}`; French required.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub title: Multilingual,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub description: Multilingual,
    /// Learning objectives, one per line of the form (at most 12).
    #[serde(default)]
    pub objectives: Vec<String>,
    /// Total duration in hours (quarter hours: 1.5, 2.25...), more than 0 and at most 200.
    #[cfg_attr(feature = "openapi", schema(required = true, nullable = false))]
    pub hours: Option<f64>,
    #[cfg_attr(feature = "openapi", schema(required = true, nullable = false))]
    pub audience: Option<Audience>,
    /// Languages the module is given in (ISO 639 codes).
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub prerequisites: Option<String>,
    /// Most trainees in one course (the capacity of its sessions).
    #[serde(default)]
    pub max_group_size: Option<i32>,
    /// Whether trainees who complete it receive a certificate of attendance.
    #[serde(default = "yes")]
    pub certificate: bool,
    /// Share of the course's hours a trainee must attend to complete it, 1 to 100 (default 80).
    #[serde(default)]
    pub min_attendance_percent: Option<i32>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Module {
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub title: Multilingual,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub description: Multilingual,
    pub objectives: Vec<String>,
    pub hours: f64,
    pub audience: Audience,
    pub languages: Vec<String>,
    pub prerequisites: Option<String>,
    pub max_group_size: Option<i32>,
    pub certificate: bool,
    pub min_attendance_percent: i32,
    /// Courses of the module, all dates.
    pub courses: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One session of a new course: Europe/Brussels local times (`2027-02-01T09:00`) or RFC 3339.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SessionInput {
    pub starts_at: String,
    pub ends_at: String,
}

/// A run of a module. Its sessions become activities of the programme `training` (public ones
/// reach the feeds), all between `starts_on` and `ends_on`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CourseInput {
    pub module_id: Uuid,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// One to twenty sessions, each inside the course's dates.
    #[serde(default)]
    pub sessions: Vec<SessionInput>,
    #[serde(default)]
    pub venue_id: Option<Uuid>,
    #[serde(default)]
    pub online_url: Option<String>,
    /// Sessions shown in the public agenda and feeds.
    #[serde(default)]
    pub public: bool,
    /// Partner organisations may register their staff through the partner API.
    #[serde(default)]
    pub open_to_partners: bool,
}

/// A session of a course being edited: an existing one named by its `activity_id` (moved
/// when its times change), or a new one without.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SessionEdit {
    #[serde(default)]
    pub activity_id: Option<Uuid>,
    /// Europe/Brussels local time (`2027-02-01T09:00`) or RFC 3339.
    pub starts_at: String,
    pub ends_at: String,
}

/// `PATCH /api/v1/trainings/courses/{id}`: what is given changes, what is absent stays. Every
/// session stays within the course's dates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CourseUpdate {
    /// The title of the course's sessions, `{"fr": ..., "nl": ..., "en": ..., "ar": ...}`;
    /// French required.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub title: Option<Multilingual>,
    #[serde(default)]
    pub starts_on: Option<NaiveDate>,
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    /// Sessions shown in the public agenda and feeds.
    #[serde(default)]
    pub public: Option<bool>,
    /// The sessions' venue; `null` takes them out of any venue (absent keeps it).
    #[serde(
        default,
        deserialize_with = "crate::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Uuid>, nullable))]
    pub venue_id: Option<Option<Uuid>>,
    #[serde(default)]
    pub open_to_partners: Option<bool>,
    /// The course's sessions as they must be (one to twenty): one left out is removed (it is
    /// cancelled, and refused once attendance was taken in it); one without `activity_id` is
    /// added, with every trainee registered to it (a seat or the waiting list).
    #[serde(default)]
    pub sessions: Option<Vec<SessionEdit>>,
}

/// A session of a course (an activity).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CourseSession {
    pub activity_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub hours: f64,
    pub cancelled: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Course {
    pub id: Uuid,
    pub module_id: Uuid,
    /// The module's title in the language of the request (French when missing).
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub open_to_partners: bool,
    pub sessions: Vec<CourseSession>,
    /// Hours of the sessions not cancelled: what a trainee can attend.
    pub hours: f64,
    pub capacity: Option<i32>,
    pub registered: i64,
    pub waitlisted: i64,
}

/// Staff register a trainee: an existing person (a participant, or partner staff when
/// `organisation_id` names the organisation they are affiliated to).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TraineeInput {
    pub person_id: Uuid,
    #[serde(default)]
    pub organisation_id: Option<Uuid>,
}

/// A trainee of a course with their attendance and completion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Trainee {
    pub id: Uuid,
    pub person_id: Uuid,
    pub display_name: String,
    pub organisation_id: Option<Uuid>,
    pub organisation_name: Option<String>,
    pub source: TraineeSource,
    pub status: TraineeStatus,
    /// Place in the waiting list (1 = next), while waiting.
    pub position: Option<u32>,
    /// The person's registration to each session, in the order of the course's sessions.
    pub attendance: Vec<Option<RegistrationStatus>>,
    pub hours_attended: f64,
    pub completed: bool,
    /// Hours still missing to complete (0 once completed).
    pub hours_missing: f64,
    pub certificate: Option<CertificateSummary>,
    /// Whether the person can be reached by e-mail (reminders); staff tell the others.
    pub has_email: bool,
}

/// One mark of the attendance sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AttendanceMark {
    pub session_id: Uuid,
    pub person_id: Uuid,
    /// `attended`, `absent` or `excused`.
    pub status: RegistrationStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AttendanceInput {
    pub marks: Vec<AttendanceMark>,
}

/// Issue certificates: to one trainee, or (no `person_id`) to every trainee who completed and
/// has none yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct IssueInput {
    #[serde(default)]
    pub person_id: Option<Uuid>,
    /// Language of the certificate (default French).
    #[serde(default)]
    pub language: Option<Lang>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertificateSummary {
    pub id: Uuid,
    pub code: String,
    pub language: Lang,
    pub issued_at: DateTime<Utc>,
    pub revoked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RevokeInput {
    pub reason: String,
}

/// What the public check of a certificate shows, and nothing else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertificateCheck {
    pub name: String,
    /// The module's title in the certificate's language.
    pub module: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub hours: f64,
    pub issued_on: NaiveDate,
}

/// Filters of `GET /api/v1/trainings/courses`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct CourseFilter {
    pub module_id: Option<Uuid>,
}

/// One of the partner organisation's own staff (`GET /partner/trainings/staff`): whom the
/// partner may register, with what it needs to choose and nothing more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerStaffMember {
    pub person_id: Uuid,
    pub name: String,
    /// Their role at the organisation, as the team recorded it.
    pub role: String,
}

/// A partner registers one of its own staff (a person affiliated to the organisation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PartnerTraineeInput {
    pub person_id: Uuid,
}

/// A registration as the partner who made it sees it: its place, completion and dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerRegistration {
    pub id: Uuid,
    pub course_id: Uuid,
    pub person_id: Uuid,
    pub status: TraineeStatus,
    pub hours_attended: f64,
    pub completed: bool,
    pub created_at: DateTime<Utc>,
}

/// One objective of the module, rated by the trainee before and after the course (1–5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ObjectiveRating {
    pub before: i32,
    pub after: i32,
}

/// The end-of-course questionnaire: satisfaction 1–5, what was useful, and a before/after
/// self-assessment per objective of the module (in its order). Staff entering a paper form name
/// the trainee; through a personal link the link names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EvaluationInput {
    #[serde(default)]
    pub person_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(required = true, nullable = false))]
    pub satisfaction: Option<i32>,
    #[serde(default)]
    pub useful: Option<String>,
    #[serde(default)]
    pub objectives: Vec<ObjectiveRating>,
}

/// A personal evaluation link made for a trainee (shown once: only its hash is kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationLink {
    pub person_id: Uuid,
    pub display_name: String,
    pub url: String,
}

/// What a personal link shows before the trainee answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationForm {
    pub module: String,
    pub objectives: Vec<String>,
    pub answered: bool,
}

/// Averages of one objective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObjectiveResult {
    pub objective: String,
    pub before: f64,
    pub after: f64,
}

/// Results of the evaluations of a course or a module. With fewer than 5 answers everything
/// but their number is withheld (`withheld`), so that no one's answer can be read back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationResults {
    pub answers: i64,
    pub withheld: bool,
    pub satisfaction: Option<f64>,
    /// Answers per satisfaction level 1 to 5.
    pub distribution: Option<Vec<i64>>,
    pub objectives: Vec<ObjectiveResult>,
    pub useful: Vec<String>,
}
