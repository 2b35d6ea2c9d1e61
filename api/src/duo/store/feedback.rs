//! Duo2Change: each side's feedback on the trial meeting.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use shared::duo::ContinueWish;
use shared::people::Category;

use crate::db::schema::{duo_feedback, users};
use crate::db::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = duo_feedback, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct FeedbackRow {
    pub id: String,
    pub duo_id: String,
    pub person_id: String,
    pub side: Category,
    pub wants_to_continue: ContinueWish,
    pub rating: i32,
    pub notes: Option<String>,
    pub given_on: NaiveDate,
    pub recorded_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl FeedbackRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(duo_feedback::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(duo_feedback::table.find(self.id.clone()))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }

    /// The feedback of one side of a duo, if recorded.
    pub fn find(conn: &mut DbConnection, duo: &str, side: Category) -> QueryResult<Option<Self>> {
        duo_feedback::table
            .filter(duo_feedback::duo_id.eq(duo))
            .filter(duo_feedback::side.eq(side))
            .select(FeedbackRow::as_select())
            .first(conn)
            .optional()
    }

    /// Feedback of the given duos, newcomer before local.
    pub fn for_duos(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<Self>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        duo_feedback::table
            .filter(duo_feedback::duo_id.eq_any(ids))
            .order((duo_feedback::duo_id.asc(), duo_feedback::side.desc()))
            .select(FeedbackRow::as_select())
            .load(conn)
    }
}

/// Display names of staff accounts, by id.
pub fn staff_names(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<HashMap<String, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::display_name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}
