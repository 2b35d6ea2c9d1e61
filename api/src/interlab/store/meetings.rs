//! Accompaniment meetings and who attended them.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{interlab_entrepreneurs, interlab_meeting_attendees, interlab_meetings};
use crate::db::{DbConnection, JsonText};
use crate::error::ApiError;
use crate::interlab::domain::StepData;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = interlab_meetings, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct MeetingRow {
    pub id: String,
    pub entrepreneur_id: String,
    pub held_on: NaiveDate,
    pub entrepreneur_words: Option<String>,
    pub notes: Option<String>,
    pub decisions: Option<String>,
    pub next_steps: JsonText<Vec<StepData>>,
    pub recorded_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// One attendee: a person or a staff account.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = interlab_meeting_attendees)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct AttendeeRow {
    pub id: String,
    pub meeting_id: String,
    pub person_id: Option<String>,
    pub user_id: Option<String>,
    pub position: i32,
}

impl MeetingRow {
    /// A meeting of this entrepreneur (another's is not found).
    pub fn get(conn: &mut DbConnection, entrepreneur_id: &str, id: &str) -> Result<Self, ApiError> {
        interlab_meetings::table
            .find(id)
            .filter(interlab_meetings::entrepreneur_id.eq(entrepreneur_id))
            .select(MeetingRow::as_select())
            .first(conn)
            .optional()?
            .ok_or(ApiError::NotFound)
    }

    /// An entrepreneur's meetings, the latest first.
    pub fn of_entrepreneur(
        conn: &mut DbConnection,
        entrepreneur_id: &str,
    ) -> QueryResult<Vec<Self>> {
        interlab_meetings::table
            .filter(interlab_meetings::entrepreneur_id.eq(entrepreneur_id))
            .order((
                interlab_meetings::held_on.desc(),
                interlab_meetings::created_at.desc(),
                interlab_meetings::id.desc(),
            ))
            .select(MeetingRow::as_select())
            .load(conn)
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interlab_meetings::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(interlab_meetings::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }

    /// Removes the meeting and its attendance (milestones its steps became stay on the path).
    pub fn delete(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
        diesel::delete(
            interlab_meeting_attendees::table.filter(interlab_meeting_attendees::meeting_id.eq(id)),
        )
        .execute(conn)?;
        diesel::delete(interlab_meetings::table.find(id)).execute(conn)?;
        Ok(())
    }
}

/// Replaces a meeting's attendees: people first, then staff, in the order given.
pub fn set_attendees(
    conn: &mut DbConnection,
    meeting_id: &str,
    people: &[String],
    users: &[String],
) -> QueryResult<()> {
    diesel::delete(
        interlab_meeting_attendees::table
            .filter(interlab_meeting_attendees::meeting_id.eq(meeting_id)),
    )
    .execute(conn)?;
    let rows = people
        .iter()
        .map(|p| (Some(p.clone()), None))
        .chain(users.iter().map(|u| (None, Some(u.clone()))));
    for (position, (person_id, user_id)) in (0..).zip(rows) {
        diesel::insert_into(interlab_meeting_attendees::table)
            .values(AttendeeRow {
                id: uuid::Uuid::now_v7().to_string(),
                meeting_id: meeting_id.to_owned(),
                person_id,
                user_id,
                position,
            })
            .execute(conn)?;
    }
    Ok(())
}

/// Attendees of these meetings, in their order.
pub fn attendees(conn: &mut DbConnection, meeting_ids: &[String]) -> QueryResult<Vec<AttendeeRow>> {
    interlab_meeting_attendees::table
        .filter(interlab_meeting_attendees::meeting_id.eq_any(meeting_ids))
        .order((
            interlab_meeting_attendees::meeting_id.asc(),
            interlab_meeting_attendees::position.asc(),
        ))
        .select(AttendeeRow::as_select())
        .load(conn)
}

/// The meetings a person attended (a mentor's, for instance), the latest first.
pub fn meetings_attended_by(
    conn: &mut DbConnection,
    person_id: &str,
) -> QueryResult<Vec<MeetingRow>> {
    let ids = interlab_meeting_attendees::table
        .filter(interlab_meeting_attendees::person_id.eq(person_id))
        .select(interlab_meeting_attendees::meeting_id);
    interlab_meetings::table
        .filter(interlab_meetings::id.eq_any(ids))
        .order((
            interlab_meetings::held_on.desc(),
            interlab_meetings::id.desc(),
        ))
        .select(MeetingRow::as_select())
        .load(conn)
}

/// Whether the person attended this meeting.
pub fn attended(conn: &mut DbConnection, meeting_id: &str, person_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        interlab_meeting_attendees::table
            .filter(interlab_meeting_attendees::meeting_id.eq(meeting_id))
            .filter(interlab_meeting_attendees::person_id.eq(person_id)),
    ))
    .get_result(conn)
}

fn of_person(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<String>> {
    interlab_entrepreneurs::table
        .filter(interlab_entrepreneurs::person_id.eq(person_id))
        .select(interlab_entrepreneurs::id)
        .load(conn)
}

/// A person's meetings (as the entrepreneur) and their attendance at any meeting, for the
/// right of access.
pub fn export(
    conn: &mut DbConnection,
    person_id: &str,
) -> QueryResult<(Vec<MeetingRow>, Vec<AttendeeRow>)> {
    let ids = of_person(conn, person_id)?;
    let meetings = interlab_meetings::table
        .filter(interlab_meetings::entrepreneur_id.eq_any(&ids))
        .order(interlab_meetings::held_on.asc())
        .select(MeetingRow::as_select())
        .load(conn)?;
    let attended = interlab_meeting_attendees::table
        .filter(interlab_meeting_attendees::person_id.eq(person_id))
        .select(AttendeeRow::as_select())
        .load(conn)?;
    Ok((meetings, attended))
}

/// Clears the words of a person's meetings (their words, notes, decisions, next steps); the
/// dates and who attended stay for the yearly figures.
pub fn anonymise(conn: &mut DbConnection, person_id: &str) -> QueryResult<()> {
    let ids = of_person(conn, person_id)?;
    diesel::update(
        interlab_meetings::table.filter(interlab_meetings::entrepreneur_id.eq_any(&ids)),
    )
    .set((
        interlab_meetings::entrepreneur_words.eq(None::<String>),
        interlab_meetings::notes.eq(None::<String>),
        interlab_meetings::decisions.eq(None::<String>),
        interlab_meetings::next_steps.eq(JsonText(Vec::<StepData>::new())),
    ))
    .execute(conn)?;
    Ok(())
}
