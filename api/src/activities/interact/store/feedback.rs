//! Participants' feedback on InterAct sessions: one row per participant and session, a rating
//! 1–5 and an optional comment, recorded by the team.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use shared::activities::{ActivityProgramme, RegistrationStatus};

use crate::db::schema::{activities, interact_feedback, registrations};
use crate::db::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = interact_feedback)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct FeedbackRow {
    pub id: String,
    pub activity_id: String,
    pub person_id: String,
    pub rating: i32,
    pub comment: Option<String>,
    pub recorded_by: Option<String>,
    pub created_at: NaiveDateTime,
}

impl FeedbackRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interact_feedback::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    /// Whether the participant's answer on this session is recorded already.
    pub fn exists(
        conn: &mut DbConnection,
        activity_id: &str,
        person_id: &str,
    ) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            interact_feedback::table
                .filter(interact_feedback::activity_id.eq(activity_id))
                .filter(interact_feedback::person_id.eq(person_id)),
        ))
        .get_result(conn)
    }

    /// The answers on these sessions, newest first.
    pub fn of_activities(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<FeedbackRow>> {
        let mut out = Vec::new();
        for chunk in ids.chunks(500) {
            out.extend(
                interact_feedback::table
                    .filter(interact_feedback::activity_id.eq_any(chunk))
                    .select(FeedbackRow::as_select())
                    .load::<FeedbackRow>(conn)?,
            );
        }
        out.sort_by(|a, b| (&b.created_at, &b.id).cmp(&(&a.created_at, &a.id)));
        Ok(out)
    }

    /// The answers the person gave (the right of access), oldest first.
    pub fn of_person(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<FeedbackRow>> {
        interact_feedback::table
            .filter(interact_feedback::person_id.eq(person_id))
            .order((
                interact_feedback::created_at.asc(),
                interact_feedback::id.asc(),
            ))
            .select(FeedbackRow::as_select())
            .load(conn)
    }
}

/// An InterAct session: its start and whether it was cancelled; `None` for an activity of
/// another programme or none at all.
pub fn interact_session(
    conn: &mut DbConnection,
    activity_id: &str,
) -> QueryResult<Option<(NaiveDateTime, shared::activities::ActivityStatus)>> {
    activities::table
        .find(activity_id)
        .filter(activities::programme.eq(ActivityProgramme::Interact))
        .select((activities::starts_at, activities::status))
        .first(conn)
        .optional()
}

/// Whether the person took a place at the session (registered, or marked present).
pub fn took_part(conn: &mut DbConnection, activity_id: &str, person_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        registrations::table
            .filter(registrations::activity_id.eq(activity_id))
            .filter(registrations::person_id.eq(person_id))
            .filter(
                registrations::status
                    .eq_any([RegistrationStatus::Registered, RegistrationStatus::Attended]),
            ),
    ))
    .get_result(conn)
}

/// The person's comments are cleared (their ratings stay, unnamed by nothing but an anonymised
/// record, for the workshops' figures).
pub fn anonymise(conn: &mut DbConnection, person_id: &str) -> QueryResult<()> {
    diesel::update(interact_feedback::table.filter(interact_feedback::person_id.eq(person_id)))
        .set(interact_feedback::comment.eq(None::<String>))
        .execute(conn)
        .map(|_| ())
}
