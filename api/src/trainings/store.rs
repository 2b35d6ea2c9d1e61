//! Module, course, trainee and certificate rows and their queries.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use shared::activities::{ActivityStatus, Multilingual, RegistrationStatus};
use shared::trainings::{Audience, ObjectiveRating, TraineeSource};

use crate::db::schema::{
    activities, organisations, registrations, training_certificates, training_course_sessions,
    training_courses, training_evaluations, training_modules, training_registrations,
};
use crate::db::{DbConnection, JsonText};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = training_modules, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ModuleRow {
    pub id: String,
    pub title: JsonText<Multilingual>,
    pub description: JsonText<Multilingual>,
    pub objectives: JsonText<Vec<String>>,
    pub minutes: i32,
    pub audience: Audience,
    pub languages: JsonText<Vec<String>>,
    pub prerequisites: Option<String>,
    pub max_group_size: Option<i32>,
    pub certificate: bool,
    pub min_attendance_percent: i32,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = training_courses)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct CourseRow {
    pub id: String,
    pub module_id: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub open_to_partners: bool,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = training_registrations)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct TraineeRow {
    pub id: String,
    pub course_id: String,
    pub person_id: String,
    pub organisation_id: Option<String>,
    pub source: TraineeSource,
    pub registered_by: Option<String>,
    pub cancelled_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = training_certificates)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct CertificateRow {
    pub id: String,
    pub course_id: String,
    pub person_id: String,
    pub code: String,
    pub code_hash: String,
    pub language: String,
    pub minutes: i32,
    pub issued_by: Option<String>,
    pub issued_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
    pub revoked_by: Option<String>,
    pub revoke_reason: Option<String>,
}

/// A session of a course as the course page needs it.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub activity_id: String,
    /// The module's title when the course was planned, or the course's own since.
    pub title: Multilingual,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub status: ActivityStatus,
    pub capacity: Option<i32>,
}

impl SessionRow {
    pub fn minutes(&self) -> i64 {
        (self.ends_at - self.starts_at).num_minutes().max(0)
    }
}

impl ModuleRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(training_modules::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }

    pub fn update(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(training_modules::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(drop)
    }

    pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ModuleRow>> {
        training_modules::table
            .find(id)
            .select(ModuleRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<ModuleRow>> {
        training_modules::table
            .order((
                training_modules::created_at.asc(),
                training_modules::id.asc(),
            ))
            .select(ModuleRow::as_select())
            .load(conn)
    }
}

/// Courses per module id.
pub fn course_counts(conn: &mut DbConnection) -> QueryResult<Vec<(String, i64)>> {
    training_courses::table
        .group_by(training_courses::module_id)
        .select((training_courses::module_id, diesel::dsl::count_star()))
        .load(conn)
}

impl CourseRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(training_courses::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }

    pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<CourseRow>> {
        training_courses::table
            .find(id)
            .select(CourseRow::as_select())
            .first(conn)
            .optional()
    }

    /// Courses, the latest start first; of one module, or open to partners only.
    pub fn list(
        conn: &mut DbConnection,
        module: Option<&str>,
        partners_only: bool,
    ) -> QueryResult<Vec<CourseRow>> {
        let mut q = training_courses::table.into_boxed();
        if let Some(m) = module {
            q = q.filter(training_courses::module_id.eq(m.to_owned()));
        }
        if partners_only {
            q = q.filter(training_courses::open_to_partners.eq(true));
        }
        q.order((
            training_courses::starts_on.desc(),
            training_courses::id.asc(),
        ))
        .select(CourseRow::as_select())
        .load(conn)
    }
}

/// Updates a course's dates and partner opening.
pub fn set_course_fields(
    conn: &mut DbConnection,
    id: &str,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    open_to_partners: bool,
) -> QueryResult<()> {
    diesel::update(training_courses::table.find(id))
        .set((
            training_courses::starts_on.eq(starts_on),
            training_courses::ends_on.eq(ends_on),
            training_courses::open_to_partners.eq(open_to_partners),
            training_courses::updated_at.eq(crate::db::now()),
        ))
        .execute(conn)
        .map(drop)
}

/// A session removed from its course (the activity stays, cancelled).
pub fn unlink_session(conn: &mut DbConnection, course: &str, activity: &str) -> QueryResult<()> {
    diesel::delete(
        training_course_sessions::table
            .filter(training_course_sessions::course_id.eq(course))
            .filter(training_course_sessions::activity_id.eq(activity)),
    )
    .execute(conn)
    .map(drop)
}

pub fn link_session(conn: &mut DbConnection, course: &str, activity: &str) -> QueryResult<()> {
    diesel::insert_into(training_course_sessions::table)
        .values((
            training_course_sessions::course_id.eq(course),
            training_course_sessions::activity_id.eq(activity),
        ))
        .execute(conn)
        .map(drop)
}

/// A course's sessions in start order.
pub fn sessions(conn: &mut DbConnection, course: &str) -> QueryResult<Vec<SessionRow>> {
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        String,
        JsonText<Multilingual>,
        NaiveDateTime,
        NaiveDateTime,
        ActivityStatus,
        Option<i32>,
    )> = training_course_sessions::table
        .inner_join(activities::table)
        .filter(training_course_sessions::course_id.eq(course))
        .order((activities::starts_at.asc(), activities::id.asc()))
        .select((
            activities::id,
            activities::title,
            activities::starts_at,
            activities::ends_at,
            activities::status,
            activities::capacity,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(activity_id, title, starts_at, ends_at, status, capacity)| SessionRow {
                activity_id,
                title: title.0,
                starts_at,
                ends_at,
                status,
                capacity,
            },
        )
        .collect())
}

/// Sessions of courses (course, activity) held (published) and starting in `[from, to)`.
pub fn sessions_starting(
    conn: &mut DbConnection,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<(String, String)>> {
    training_course_sessions::table
        .inner_join(activities::table)
        .filter(activities::starts_at.ge(from))
        .filter(activities::starts_at.lt(to))
        .filter(activities::status.eq(ActivityStatus::Published))
        .order((activities::starts_at.asc(), activities::id.asc()))
        .select((training_course_sessions::course_id, activities::id))
        .load(conn)
}

/// The registrations of these people to these activities: (activity, person, status).
pub fn session_registrations(
    conn: &mut DbConnection,
    activity_ids: &[String],
) -> QueryResult<Vec<(String, String, String, RegistrationStatus)>> {
    registrations::table
        .filter(registrations::activity_id.eq_any(activity_ids))
        .order((registrations::queued_at.asc(), registrations::id.asc()))
        .select((
            registrations::id,
            registrations::activity_id,
            registrations::person_id,
            registrations::status,
        ))
        .load(conn)
}

impl TraineeRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(training_registrations::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }

    pub fn find(conn: &mut DbConnection, course: &str, person: &str) -> QueryResult<Option<Self>> {
        training_registrations::table
            .filter(training_registrations::course_id.eq(course))
            .filter(training_registrations::person_id.eq(person))
            .select(TraineeRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn get(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Self>> {
        training_registrations::table
            .find(id)
            .select(TraineeRow::as_select())
            .first(conn)
            .optional()
    }

    /// A course's trainees in the order they registered.
    pub fn of_course(conn: &mut DbConnection, course: &str) -> QueryResult<Vec<Self>> {
        training_registrations::table
            .filter(training_registrations::course_id.eq(course))
            .order((
                training_registrations::created_at.asc(),
                training_registrations::id.asc(),
            ))
            .select(TraineeRow::as_select())
            .load(conn)
    }

    /// An organisation's registrations, the latest first.
    pub fn of_organisation(conn: &mut DbConnection, organisation: &str) -> QueryResult<Vec<Self>> {
        training_registrations::table
            .filter(training_registrations::organisation_id.eq(organisation))
            .order((
                training_registrations::created_at.desc(),
                training_registrations::id.asc(),
            ))
            .select(TraineeRow::as_select())
            .load(conn)
    }

    /// Registers again after a withdrawal, or withdraws (`cancelled_at`).
    pub fn set_cancelled(
        conn: &mut DbConnection,
        id: &str,
        at: Option<NaiveDateTime>,
        now: NaiveDateTime,
    ) -> QueryResult<()> {
        diesel::update(training_registrations::table.find(id))
            .set((
                training_registrations::cancelled_at.eq(at),
                training_registrations::updated_at.eq(now),
            ))
            .execute(conn)
            .map(drop)
    }
}

/// Names of these organisations, by id.
pub fn organisation_names(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<std::collections::HashMap<String, String>> {
    Ok(organisations::table
        .filter(organisations::id.eq_any(ids))
        .select((organisations::id, organisations::name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

impl CertificateRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(training_certificates::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }

    pub fn get(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Self>> {
        training_certificates::table
            .find(id)
            .select(CertificateRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn by_hash(conn: &mut DbConnection, hash: &str) -> QueryResult<Option<Self>> {
        training_certificates::table
            .filter(training_certificates::code_hash.eq(hash))
            .select(CertificateRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn of_course(conn: &mut DbConnection, course: &str) -> QueryResult<Vec<Self>> {
        training_certificates::table
            .filter(training_certificates::course_id.eq(course))
            .order(training_certificates::issued_at.asc())
            .select(CertificateRow::as_select())
            .load(conn)
    }

    pub fn revoke(
        conn: &mut DbConnection,
        id: &str,
        by: &str,
        reason: &str,
        at: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(
            training_certificates::table
                .find(id)
                .filter(training_certificates::revoked_at.is_null()),
        )
        .set((
            training_certificates::revoked_at.eq(Some(at)),
            training_certificates::revoked_by.eq(Some(by)),
            training_certificates::revoke_reason.eq(Some(reason)),
        ))
        .execute(conn)
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = training_evaluations)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct EvaluationRow {
    pub id: String,
    pub course_id: String,
    pub person_id: String,
    pub token_hash: Option<String>,
    pub satisfaction: Option<i32>,
    pub useful: Option<String>,
    pub objectives: JsonText<Vec<ObjectiveRating>>,
    pub entered_by: Option<String>,
    pub answered_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

impl EvaluationRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(training_evaluations::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }

    pub fn find(conn: &mut DbConnection, course: &str, person: &str) -> QueryResult<Option<Self>> {
        training_evaluations::table
            .filter(training_evaluations::course_id.eq(course))
            .filter(training_evaluations::person_id.eq(person))
            .select(EvaluationRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn by_token(conn: &mut DbConnection, hash: &str) -> QueryResult<Option<Self>> {
        training_evaluations::table
            .filter(training_evaluations::token_hash.eq(hash))
            .select(EvaluationRow::as_select())
            .first(conn)
            .optional()
    }

    /// Answered questionnaires of these courses.
    pub fn answered(conn: &mut DbConnection, courses: &[String]) -> QueryResult<Vec<Self>> {
        training_evaluations::table
            .filter(training_evaluations::course_id.eq_any(courses))
            .filter(training_evaluations::answered_at.is_not_null())
            .order(training_evaluations::answered_at.asc())
            .select(EvaluationRow::as_select())
            .load(conn)
    }

    /// Records the answer (once: an answered row is left alone). Rows changed.
    pub fn answer(
        conn: &mut DbConnection,
        id: &str,
        satisfaction: i32,
        useful: Option<&str>,
        objectives: &JsonText<Vec<ObjectiveRating>>,
        by: Option<&str>,
        at: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(
            training_evaluations::table
                .find(id)
                .filter(training_evaluations::answered_at.is_null()),
        )
        .set((
            training_evaluations::satisfaction.eq(Some(satisfaction)),
            training_evaluations::useful.eq(useful),
            training_evaluations::objectives.eq(objectives),
            training_evaluations::entered_by.eq(by),
            training_evaluations::answered_at.eq(Some(at)),
        ))
        .execute(conn)
    }

    pub fn set_token(conn: &mut DbConnection, id: &str, hash: &str) -> QueryResult<usize> {
        diesel::update(training_evaluations::table.find(id))
            .set(training_evaluations::token_hash.eq(Some(hash)))
            .execute(conn)
    }
}

/// Ids of a module's courses.
pub fn courses_of_module(conn: &mut DbConnection, module: &str) -> QueryResult<Vec<String>> {
    training_courses::table
        .filter(training_courses::module_id.eq(module))
        .select(training_courses::id)
        .load(conn)
}

/// A person's training records for their GDPR export: (table, rows). Hashes stay out.
pub fn export(
    conn: &mut DbConnection,
    person: &str,
) -> QueryResult<Vec<(&'static str, Vec<serde_json::Value>)>> {
    use serde_json::json;
    let registrations = training_registrations::table
        .filter(training_registrations::person_id.eq(person))
        .select(TraineeRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|t| {
            json!({
                "id": t.id, "course_id": t.course_id, "person_id": t.person_id,
                "organisation_id": t.organisation_id, "source": t.source,
                "cancelled_at": t.cancelled_at, "created_at": t.created_at,
            })
        })
        .collect();
    let certificates = training_certificates::table
        .filter(training_certificates::person_id.eq(person))
        .select(CertificateRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|c| {
            json!({
                "id": c.id, "course_id": c.course_id, "person_id": c.person_id, "code": c.code,
                "language": c.language, "minutes": c.minutes, "issued_at": c.issued_at,
                "revoked_at": c.revoked_at, "revoke_reason": c.revoke_reason,
            })
        })
        .collect();
    let evaluations = training_evaluations::table
        .filter(training_evaluations::person_id.eq(person))
        .select(EvaluationRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|e| {
            json!({
                "id": e.id, "course_id": e.course_id, "person_id": e.person_id,
                "satisfaction": e.satisfaction, "useful": e.useful, "objectives": e.objectives.0,
                "answered_at": e.answered_at,
            })
        })
        .collect();
    Ok(vec![
        ("training_registrations", registrations),
        ("training_certificates", certificates),
        ("training_evaluations", evaluations),
    ])
}

/// Anonymisation: their certificates stop being confirmed (revoked), their evaluation links stop
/// working and their free text goes; registrations and ratings stay for the figures.
pub fn anonymise(conn: &mut DbConnection, person: &str) -> QueryResult<()> {
    let now = crate::db::now();
    diesel::update(
        training_certificates::table
            .filter(training_certificates::person_id.eq(person))
            .filter(training_certificates::revoked_at.is_null()),
    )
    .set((
        training_certificates::revoked_at.eq(Some(now)),
        training_certificates::revoke_reason.eq(Some("anonymised")),
    ))
    .execute(conn)?;
    diesel::update(training_evaluations::table.filter(training_evaluations::person_id.eq(person)))
        .set((
            training_evaluations::token_hash.eq(None::<String>),
            training_evaluations::useful.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}
