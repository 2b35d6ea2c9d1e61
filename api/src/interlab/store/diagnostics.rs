//! Diagnostics: versioned snapshots, their strengths and their needs.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use shared::interlab::{NeedDomain, NeedPriority};

use crate::db::schema::{
    interlab_diagnostic_needs, interlab_diagnostic_strengths, interlab_diagnostics,
    interlab_entrepreneurs,
};
use crate::db::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = interlab_diagnostics)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct DiagnosticRow {
    pub id: String,
    pub entrepreneur_id: String,
    pub version: i32,
    pub held_on: NaiveDate,
    pub summary: Option<String>,
    pub recorded_by: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = interlab_diagnostic_strengths)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct StrengthRow {
    pub diagnostic_id: String,
    pub strength_id: String,
    pub position: i32,
    pub level: i32,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = interlab_diagnostic_needs)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct NeedRow {
    pub id: String,
    pub diagnostic_id: String,
    pub domain: NeedDomain,
    pub priority: NeedPriority,
    pub goal: Option<String>,
    pub note: Option<String>,
}

/// A diagnostic with its strengths (in their order) and needs.
#[derive(Debug, Clone, Serialize)]
pub struct DiagnosticRecord {
    pub diagnostic: DiagnosticRow,
    pub strengths: Vec<StrengthRow>,
    pub needs: Vec<NeedRow>,
}

/// The next version number of an entrepreneur's diagnostics.
pub fn next_version(conn: &mut DbConnection, entrepreneur_id: &str) -> QueryResult<i32> {
    let max: Option<i32> = interlab_diagnostics::table
        .filter(interlab_diagnostics::entrepreneur_id.eq(entrepreneur_id))
        .select(diesel::dsl::max(interlab_diagnostics::version))
        .first(conn)?;
    Ok(max.unwrap_or(0) + 1)
}

pub fn insert(conn: &mut DbConnection, r: &DiagnosticRecord) -> QueryResult<()> {
    diesel::insert_into(interlab_diagnostics::table)
        .values(&r.diagnostic)
        .execute(conn)?;
    // One row at a time: MultiConnection has no batch insert.
    for row in &r.strengths {
        diesel::insert_into(interlab_diagnostic_strengths::table)
            .values(row)
            .execute(conn)?;
    }
    for row in &r.needs {
        diesel::insert_into(interlab_diagnostic_needs::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Diagnostics of some entrepreneurs, oldest version first.
pub fn of_entrepreneurs(
    conn: &mut DbConnection,
    entrepreneur_ids: &[String],
) -> QueryResult<Vec<DiagnosticRecord>> {
    let diagnostics: Vec<DiagnosticRow> = interlab_diagnostics::table
        .filter(interlab_diagnostics::entrepreneur_id.eq_any(entrepreneur_ids))
        .order((
            interlab_diagnostics::entrepreneur_id.asc(),
            interlab_diagnostics::version.asc(),
        ))
        .select(DiagnosticRow::as_select())
        .load(conn)?;
    let ids: Vec<String> = diagnostics.iter().map(|d| d.id.clone()).collect();
    let mut strengths: Vec<StrengthRow> = interlab_diagnostic_strengths::table
        .filter(interlab_diagnostic_strengths::diagnostic_id.eq_any(&ids))
        .order(interlab_diagnostic_strengths::position.asc())
        .select(StrengthRow::as_select())
        .load(conn)?;
    let mut needs: Vec<NeedRow> = interlab_diagnostic_needs::table
        .filter(interlab_diagnostic_needs::diagnostic_id.eq_any(&ids))
        .select(NeedRow::as_select())
        .load(conn)?;
    needs.sort_by_key(|n| (n.domain, n.id.clone()));
    Ok(diagnostics
        .into_iter()
        .map(|d| {
            let (mine, rest): (Vec<_>, Vec<_>) =
                strengths.drain(..).partition(|s| s.diagnostic_id == d.id);
            strengths = rest;
            let (my_needs, rest): (Vec<_>, Vec<_>) =
                needs.drain(..).partition(|n| n.diagnostic_id == d.id);
            needs = rest;
            DiagnosticRecord {
                diagnostic: d,
                strengths: mine,
                needs: my_needs,
            }
        })
        .collect())
}

/// The entrepreneur whose diagnostic holds this need, if any.
pub fn owner_of_need(conn: &mut DbConnection, need_id: &str) -> QueryResult<Option<String>> {
    interlab_diagnostic_needs::table
        .inner_join(interlab_diagnostics::table)
        .filter(interlab_diagnostic_needs::id.eq(need_id))
        .select(interlab_diagnostics::entrepreneur_id)
        .first(conn)
        .optional()
}

/// Ids of a person's entrepreneur records.
fn entrepreneurs_of_person(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<String>> {
    interlab_entrepreneurs::table
        .filter(interlab_entrepreneurs::person_id.eq(person_id))
        .select(interlab_entrepreneurs::id)
        .load(conn)
}

/// A person's diagnostics, for the right of access.
pub fn export(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<DiagnosticRecord>> {
    let ids = entrepreneurs_of_person(conn, person_id)?;
    of_entrepreneurs(conn, &ids)
}

/// Clears the words of a person's diagnostics; levels, domains and priorities stay.
pub fn anonymise(conn: &mut DbConnection, person_id: &str) -> QueryResult<()> {
    let ids = entrepreneurs_of_person(conn, person_id)?;
    let diagnostics = interlab_diagnostics::table
        .filter(interlab_diagnostics::entrepreneur_id.eq_any(&ids))
        .select(interlab_diagnostics::id);
    let diagnostic_ids: Vec<String> = diagnostics.load(conn)?;
    diesel::update(
        interlab_diagnostics::table.filter(interlab_diagnostics::id.eq_any(&diagnostic_ids)),
    )
    .set(interlab_diagnostics::summary.eq(None::<String>))
    .execute(conn)?;
    diesel::update(
        interlab_diagnostic_strengths::table
            .filter(interlab_diagnostic_strengths::diagnostic_id.eq_any(&diagnostic_ids)),
    )
    .set(interlab_diagnostic_strengths::note.eq(None::<String>))
    .execute(conn)?;
    diesel::update(
        interlab_diagnostic_needs::table
            .filter(interlab_diagnostic_needs::diagnostic_id.eq_any(&diagnostic_ids)),
    )
    .set((
        interlab_diagnostic_needs::goal.eq(None::<String>),
        interlab_diagnostic_needs::note.eq(None::<String>),
    ))
    .execute(conn)?;
    Ok(())
}
