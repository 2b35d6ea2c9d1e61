//! The activities of a cohort (`interlab_cohort_activities`) and what the cohort page reads
//! with them: each activity's title, start and status, the cohort's entrepreneurs and their
//! registrations to those activities.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::activities::{ActivityProgramme, ActivityStatus, Multilingual, RegistrationStatus};

use super::coached_people;
use crate::db::schema::{
    activities, interlab_cohort_activities, interlab_entrepreneurs, registrations,
};
use crate::db::{DbConnection, JsonText};

/// An activity as the cohort page lists it.
pub struct LinkedActivity {
    pub id: String,
    pub title: Multilingual,
    pub starts_at: NaiveDateTime,
    pub status: ActivityStatus,
}

/// The activity's programme, or `None` when it does not exist.
pub fn programme_of(
    conn: &mut DbConnection,
    activity: &str,
) -> QueryResult<Option<ActivityProgramme>> {
    activities::table
        .find(activity)
        .select(activities::programme)
        .first(conn)
        .optional()
}

pub fn is_linked(conn: &mut DbConnection, cohort: &str, activity: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        interlab_cohort_activities::table
            .filter(interlab_cohort_activities::cohort_id.eq(cohort))
            .filter(interlab_cohort_activities::activity_id.eq(activity)),
    ))
    .get_result(conn)
}

pub fn link(
    conn: &mut DbConnection,
    cohort: &str,
    activity: &str,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(interlab_cohort_activities::table)
        .values((
            interlab_cohort_activities::cohort_id.eq(cohort),
            interlab_cohort_activities::activity_id.eq(activity),
            interlab_cohort_activities::linked_by.eq(Some(by)),
            interlab_cohort_activities::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Rows removed (0: it was not linked).
pub fn unlink(conn: &mut DbConnection, cohort: &str, activity: &str) -> QueryResult<usize> {
    diesel::delete(
        interlab_cohort_activities::table
            .filter(interlab_cohort_activities::cohort_id.eq(cohort))
            .filter(interlab_cohort_activities::activity_id.eq(activity)),
    )
    .execute(conn)
}

/// The cohort's activities, in start order.
pub fn activities_of(conn: &mut DbConnection, cohort: &str) -> QueryResult<Vec<LinkedActivity>> {
    let rows: Vec<(
        String,
        JsonText<Multilingual>,
        NaiveDateTime,
        ActivityStatus,
    )> = interlab_cohort_activities::table
        .inner_join(activities::table)
        .filter(interlab_cohort_activities::cohort_id.eq(cohort))
        .order((activities::starts_at.asc(), activities::id.asc()))
        .select((
            activities::id,
            activities::title,
            activities::starts_at,
            activities::status,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, title, starts_at, status)| LinkedActivity {
            id,
            title: title.0,
            starts_at,
            status,
        })
        .collect())
}

/// The cohort's entrepreneurs (a coach: those they accompany): (entrepreneur id, person id,
/// project name).
pub fn members(
    conn: &mut DbConnection,
    cohort: &str,
    coach: Option<&str>,
) -> QueryResult<Vec<(String, String, String)>> {
    let mut q = interlab_entrepreneurs::table
        .filter(interlab_entrepreneurs::cohort_id.eq(cohort))
        .into_boxed();
    if let Some(coach) = coach {
        q = q.filter(interlab_entrepreneurs::person_id.eq_any(coached_people(coach)));
    }
    q.select((
        interlab_entrepreneurs::id,
        interlab_entrepreneurs::person_id,
        interlab_entrepreneurs::project_name,
    ))
    .load(conn)
}

/// Registrations of these people to these activities: (activity id, person id, status).
pub fn registrations_of(
    conn: &mut DbConnection,
    activity_ids: &[String],
    person_ids: &[String],
) -> QueryResult<Vec<(String, String, RegistrationStatus)>> {
    registrations::table
        .filter(registrations::activity_id.eq_any(activity_ids))
        .filter(registrations::person_id.eq_any(person_ids))
        .select((
            registrations::activity_id,
            registrations::person_id,
            registrations::status,
        ))
        .load(conn)
}
