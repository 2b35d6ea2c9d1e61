//! Courses: a run of a module whose sessions are activities of the programme `training`,
//! created with the course in one transaction through the activities service.

use serde_json::json;
use shared::activities::{
    ActivityInput, ActivityKind, ActivityProgramme, ActivityStatus, Visibility,
};
use shared::trainings::{Course, CourseInput, CourseSession, TraineeStatus};
use shared::Lang;
use uuid::Uuid;

use crate::activities::domain::parse_instant;
use crate::activities::dto::pick;
use crate::audit::{audit_event, Actor, AuditAction};
use crate::db::{stored_id, write_transaction, DbConnection};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::trainings::domain::{self, minutes_to_hours};
use crate::trainings::store::{self, CourseRow, ModuleRow, SessionRow};

/// A course with its module, for the services that work on it.
pub struct Loaded {
    pub course: CourseRow,
    pub module: ModuleRow,
    /// Sessions in start order, cancelled ones included.
    pub sessions: Vec<SessionRow>,
}

impl Loaded {
    /// The sessions a trainee can attend (not cancelled).
    pub fn held(&self) -> impl Iterator<Item = &SessionRow> {
        self.sessions
            .iter()
            .filter(|s| s.status != ActivityStatus::Cancelled)
    }

    pub fn total_minutes(&self) -> i64 {
        self.held().map(SessionRow::minutes).sum()
    }
}

pub fn load(conn: &mut DbConnection, id: &str) -> Result<Loaded, ApiError> {
    let course = CourseRow::find(conn, id)?.ok_or(ApiError::NotFound)?;
    let module = ModuleRow::find(conn, &course.module_id)?.ok_or(ApiError::NotFound)?;
    let sessions = store::sessions(conn, &course.id)?;
    Ok(Loaded {
        course,
        module,
        sessions,
    })
}

pub fn course_dto(conn: &mut DbConnection, l: &Loaded, lang: Lang) -> Result<Course, ApiError> {
    let statuses = super::trainees::statuses(conn, l)?;
    let count = |s: TraineeStatus| statuses.iter().filter(|(_, x)| *x == s).count() as i64;
    Ok(Course {
        id: stored_id(&l.course.id)?,
        module_id: stored_id(&l.module.id)?,
        // The sessions carry the course's title (the module's unless it was edited).
        title: pick(
            l.held().next().map_or(&l.module.title.0, |s| &s.title),
            lang.code(),
        ),
        starts_on: l.course.starts_on,
        ends_on: l.course.ends_on,
        open_to_partners: l.course.open_to_partners,
        sessions: l
            .sessions
            .iter()
            .map(|s| {
                Ok(CourseSession {
                    activity_id: stored_id(&s.activity_id)?,
                    starts_at: s.starts_at.and_utc(),
                    ends_at: s.ends_at.and_utc(),
                    hours: minutes_to_hours(s.minutes()),
                    cancelled: s.status == ActivityStatus::Cancelled,
                })
            })
            .collect::<Result<_, ApiError>>()?,
        hours: minutes_to_hours(l.total_minutes()),
        capacity: l.held().find_map(|s| s.capacity),
        registered: count(TraineeStatus::Registered),
        waitlisted: count(TraineeStatus::Waitlisted),
    })
}

/// Courses, the latest first (of one module; open to partners only).
pub fn list(
    conn: &mut DbConnection,
    module: Option<Uuid>,
    partners_only: bool,
    lang: Lang,
) -> Result<Vec<Course>, ApiError> {
    let module = module.map(|m| m.to_string());
    let rows = CourseRow::list(conn, module.as_deref(), partners_only)?;
    rows.iter()
        .map(|r| {
            let l = load(conn, &r.id)?;
            course_dto(conn, &l, lang)
        })
        .collect()
}

pub fn get(conn: &mut DbConnection, id: Uuid, lang: Lang) -> Result<Course, ApiError> {
    let l = load(conn, &id.to_string())?;
    course_dto(conn, &l, lang)
}

/// Creates the course and its sessions (activities of the programme `training`, the module's
/// title, languages and group size as capacity; public ones are published at once). Every
/// field is checked before anything is written.
pub fn create(
    conn: &mut DbConnection,
    input: &CourseInput,
    by: Option<String>,
    actor: &Actor,
    lang: Lang,
) -> Result<Course, ApiError> {
    write_transaction(conn, |conn| create_in(conn, input, by, actor, lang))
}

/// [`create`] inside the caller's write transaction (the demo loader).
pub fn create_in(
    conn: &mut DbConnection,
    input: &CourseInput,
    by: Option<String>,
    actor: &Actor,
    lang: Lang,
) -> Result<Course, ApiError> {
    let module = ModuleRow::find(conn, &input.module_id.to_string())?
        .ok_or_else(|| ApiError::field("module_id", Msg::NotFound))?;
    let mut v = Validator::new();
    if input.ends_on < input.starts_on {
        v.add("ends_on", Msg::EndBeforeStart);
    }
    if input.sessions.is_empty() {
        v.add("sessions", Msg::Required);
    }
    if input.sessions.len() > domain::MAX_SESSIONS {
        v.add("sessions", Msg::TooMany(domain::MAX_SESSIONS));
    }
    let mut sessions = Vec::new();
    for (i, s) in input.sessions.iter().enumerate() {
        let start = v.check(
            &format!("sessions.{i}.starts_at"),
            parse_instant(&s.starts_at),
        );
        let end = v.check(&format!("sessions.{i}.ends_at"), parse_instant(&s.ends_at));
        if let (Some(start), Some(end)) = (start, end) {
            if end <= start {
                v.add(&format!("sessions.{i}.ends_at"), Msg::EndBeforeStart);
            } else if !domain::within_course(input.starts_on, input.ends_on, start, end) {
                v.add(
                    &format!("sessions.{i}.starts_at"),
                    Msg::SessionOutsideCourse,
                );
            } else {
                sessions.push((start, end));
            }
        }
    }
    v.finish()?;
    let now = crate::db::now();
    let course = CourseRow {
        id: Uuid::now_v7().to_string(),
        module_id: module.id.clone(),
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        open_to_partners: input.open_to_partners,
        created_by: by.clone(),
        created_at: now,
        updated_at: now,
    };
    course.insert(conn)?;
    for (start, end) in &sessions {
        let activity = ActivityInput {
            title: module.title.0.clone(),
            description: module.description.0.clone(),
            programme: Some(ActivityProgramme::Training),
            kind: Some(ActivityKind::Training),
            starts_at: start.to_rfc3339(),
            ends_at: end.to_rfc3339(),
            venue_id: input.venue_id,
            online_url: input.online_url.clone(),
            capacity: module.max_group_size,
            registration_opens_at: None,
            registration_closes_at: None,
            languages: module.languages.0.clone(),
            french_level: None,
            free: true,
            accessibility_notes: None,
            tags: vec![],
            hosts: vec![],
            staff: vec![],
            visibility: Some(if input.public {
                Visibility::Public
            } else {
                Visibility::Internal
            }),
            status: Some(ActivityStatus::Published),
            cancel_reason: None,
            min_newcomer_percent: None,
            min_local_percent: None,
        };
        let rec = crate::activities::service::create_in(conn, &activity, by.clone(), actor)?;
        store::link_session(conn, &course.id, &rec.row.id)?;
    }
    audit_event(
        conn,
        actor,
        AuditAction::TrainingCourseCreated,
        "training_course",
        &course.id,
        json!({ "module": module.id, "sessions": sessions.len() }),
    )?;
    let l = load(conn, &course.id)?;
    course_dto(conn, &l, lang)
}
