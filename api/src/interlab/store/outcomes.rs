//! Outcomes of the path and the follow-up calls they schedule.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use shared::interlab::{LegalForm, OutcomeKind};

use crate::db::schema::{
    interlab_entrepreneurs, interlab_follow_ups, interlab_outcomes, person_coaches,
};
use crate::db::DbConnection;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = interlab_outcomes, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct OutcomeRow {
    pub id: String,
    pub entrepreneur_id: String,
    pub kind: OutcomeKind,
    pub occurred_on: NaiveDate,
    pub legal_form: Option<LegalForm>,
    pub enterprise_number: Option<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub recorded_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = interlab_follow_ups, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct FollowUpRow {
    pub id: String,
    pub entrepreneur_id: String,
    pub outcome_id: String,
    pub months: i32,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

impl OutcomeRow {
    /// An outcome of this entrepreneur (another's is not found).
    pub fn get(conn: &mut DbConnection, entrepreneur_id: &str, id: &str) -> Result<Self, ApiError> {
        interlab_outcomes::table
            .find(id)
            .filter(interlab_outcomes::entrepreneur_id.eq(entrepreneur_id))
            .select(OutcomeRow::as_select())
            .first(conn)
            .optional()?
            .ok_or(ApiError::NotFound)
    }

    /// An entrepreneur's outcomes, the latest first.
    pub fn of_entrepreneur(
        conn: &mut DbConnection,
        entrepreneur_id: &str,
    ) -> QueryResult<Vec<Self>> {
        interlab_outcomes::table
            .filter(interlab_outcomes::entrepreneur_id.eq(entrepreneur_id))
            .order((
                interlab_outcomes::occurred_on.desc(),
                interlab_outcomes::created_at.desc(),
                interlab_outcomes::id.desc(),
            ))
            .select(OutcomeRow::as_select())
            .load(conn)
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interlab_outcomes::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(interlab_outcomes::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }

    /// Removes the outcome and its follow-ups.
    pub fn delete(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
        delete_follow_ups(conn, id)?;
        diesel::delete(interlab_outcomes::table.find(id)).execute(conn)?;
        Ok(())
    }
}

pub fn delete_follow_ups(conn: &mut DbConnection, outcome_id: &str) -> QueryResult<usize> {
    diesel::delete(
        interlab_follow_ups::table.filter(interlab_follow_ups::outcome_id.eq(outcome_id)),
    )
    .execute(conn)
}

impl FollowUpRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interlab_follow_ups::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Self>> {
        interlab_follow_ups::table
            .find(id)
            .select(FollowUpRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(interlab_follow_ups::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }
}

/// Follow-ups of these outcomes, by due date.
pub fn follow_ups_of(
    conn: &mut DbConnection,
    outcome_ids: &[String],
) -> QueryResult<Vec<FollowUpRow>> {
    interlab_follow_ups::table
        .filter(interlab_follow_ups::outcome_id.eq_any(outcome_ids))
        .order((
            interlab_follow_ups::due_on.asc(),
            interlab_follow_ups::id.asc(),
        ))
        .select(FollowUpRow::as_select())
        .load(conn)
}

/// Follow-ups by due date: done or still to do, due on or before a day when given, of the
/// entrepreneurs `coach` accompanies when given.
pub fn follow_ups(
    conn: &mut DbConnection,
    done: bool,
    due_before: Option<NaiveDate>,
    coach: Option<&str>,
) -> QueryResult<Vec<FollowUpRow>> {
    let mut q = interlab_follow_ups::table.into_boxed();
    q = if done {
        q.filter(interlab_follow_ups::done_on.is_not_null())
    } else {
        q.filter(interlab_follow_ups::done_on.is_null())
    };
    if let Some(day) = due_before {
        q = q.filter(interlab_follow_ups::due_on.le(day));
    }
    if let Some(coach) = coach {
        let people = person_coaches::table
            .filter(person_coaches::user_id.eq(coach.to_owned()))
            .select(person_coaches::person_id);
        let theirs: Vec<String> = interlab_entrepreneurs::table
            .filter(interlab_entrepreneurs::person_id.eq_any(people))
            .select(interlab_entrepreneurs::id)
            .load(conn)?;
        q = q.filter(interlab_follow_ups::entrepreneur_id.eq_any(theirs));
    }
    q.order((
        interlab_follow_ups::due_on.asc(),
        interlab_follow_ups::id.asc(),
    ))
    .select(FollowUpRow::as_select())
    .load(conn)
}

/// The kinds of these outcomes, by id.
pub fn kinds(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<std::collections::HashMap<String, OutcomeKind>> {
    let rows: Vec<(String, OutcomeKind)> = interlab_outcomes::table
        .filter(interlab_outcomes::id.eq_any(ids))
        .select((interlab_outcomes::id, interlab_outcomes::kind))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

fn of_person(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<String>> {
    interlab_entrepreneurs::table
        .filter(interlab_entrepreneurs::person_id.eq(person_id))
        .select(interlab_entrepreneurs::id)
        .load(conn)
}

/// A person's outcomes and follow-ups, for the right of access.
pub fn export(
    conn: &mut DbConnection,
    person_id: &str,
) -> QueryResult<(Vec<OutcomeRow>, Vec<FollowUpRow>)> {
    let ids = of_person(conn, person_id)?;
    let outcomes = interlab_outcomes::table
        .filter(interlab_outcomes::entrepreneur_id.eq_any(&ids))
        .order(interlab_outcomes::occurred_on.asc())
        .select(OutcomeRow::as_select())
        .load(conn)?;
    let follow_ups = interlab_follow_ups::table
        .filter(interlab_follow_ups::entrepreneur_id.eq_any(&ids))
        .order(interlab_follow_ups::due_on.asc())
        .select(FollowUpRow::as_select())
        .load(conn)?;
    Ok((outcomes, follow_ups))
}

/// Clears what identifies the person in their outcomes (the enterprise number of a sole
/// trader names them in the public register; reasons and notes are about them); kinds, dates
/// and legal forms stay for the yearly figures.
pub fn anonymise(conn: &mut DbConnection, person_id: &str) -> QueryResult<()> {
    let ids = of_person(conn, person_id)?;
    diesel::update(
        interlab_outcomes::table.filter(interlab_outcomes::entrepreneur_id.eq_any(&ids)),
    )
    .set((
        interlab_outcomes::enterprise_number.eq(None::<String>),
        interlab_outcomes::reason.eq(None::<String>),
        interlab_outcomes::note.eq(None::<String>),
    ))
    .execute(conn)?;
    Ok(())
}
