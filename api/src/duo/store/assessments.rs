//! Duo2Change: the self-assessments taken at the start and at the end of a duo.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use shared::duo::AssessmentPhase;
use shared::people::Category;

use crate::db::schema::duo_assessments;
use crate::db::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = duo_assessments, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct AssessmentRow {
    pub id: String,
    pub duo_id: String,
    pub person_id: String,
    pub side: Category,
    pub phase: AssessmentPhase,
    pub assessed_on: NaiveDate,
    pub french_confidence: Option<i32>,
    pub help_contacts: Option<i32>,
    pub intercultural_understanding: Option<i32>,
    pub learnt: Option<String>,
    pub recorded_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl AssessmentRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(duo_assessments::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(duo_assessments::table.find(self.id.clone()))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }

    /// One side's assessment of one phase of a duo, if recorded.
    pub fn find(
        conn: &mut DbConnection,
        duo: &str,
        side: Category,
        phase: AssessmentPhase,
    ) -> QueryResult<Option<Self>> {
        duo_assessments::table
            .filter(duo_assessments::duo_id.eq(duo))
            .filter(duo_assessments::side.eq(side))
            .filter(duo_assessments::phase.eq(phase))
            .select(AssessmentRow::as_select())
            .first(conn)
            .optional()
    }

    /// A duo's assessments: before, then after; newcomer first.
    pub fn for_duo(conn: &mut DbConnection, duo: &str) -> QueryResult<Vec<Self>> {
        duo_assessments::table
            .filter(duo_assessments::duo_id.eq(duo))
            .order((duo_assessments::phase.desc(), duo_assessments::side.desc()))
            .select(AssessmentRow::as_select())
            .load(conn)
    }

    /// The figures of every assessment, for the aggregate: (duo, side, phase, French
    /// confidence, help contacts, intercultural understanding). No names, no free text.
    pub fn figures(conn: &mut DbConnection) -> QueryResult<Vec<Figures>> {
        duo_assessments::table
            .select((
                duo_assessments::duo_id,
                duo_assessments::side,
                duo_assessments::phase,
                duo_assessments::french_confidence,
                duo_assessments::help_contacts,
                duo_assessments::intercultural_understanding,
            ))
            .load(conn)
    }
}

/// See [`AssessmentRow::figures`].
pub type Figures = (
    String,
    Category,
    AssessmentPhase,
    Option<i32>,
    Option<i32>,
    Option<i32>,
);
