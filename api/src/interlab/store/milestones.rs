//! The path: milestone templates per need domain and each entrepreneur's milestones.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use shared::interlab::{MilestoneOwner, MilestoneStatus, NeedDomain};

use crate::db::schema::{
    interlab_diagnostic_needs, interlab_entrepreneurs, interlab_milestones, interlab_templates,
};
use crate::db::DbConnection;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = interlab_templates, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct TemplateRow {
    pub id: String,
    pub domain: NeedDomain,
    pub position: i32,
    pub title: String,
    pub description: Option<String>,
    pub typical_days: i32,
    pub resources: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = interlab_milestones, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct MilestoneRow {
    pub id: String,
    pub entrepreneur_id: String,
    pub need_id: Option<String>,
    pub template_id: Option<String>,
    pub title: String,
    pub description: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub owner: MilestoneOwner,
    pub status: MilestoneStatus,
    pub evidence: Option<String>,
    pub completed_on: Option<NaiveDate>,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl TemplateRow {
    /// Templates by domain and position; of one domain when given.
    pub fn list(conn: &mut DbConnection, domain: Option<NeedDomain>) -> QueryResult<Vec<Self>> {
        let mut q = interlab_templates::table.into_boxed();
        if let Some(d) = domain {
            q = q.filter(interlab_templates::domain.eq(d));
        }
        let mut rows: Vec<TemplateRow> = q.select(TemplateRow::as_select()).load(conn)?;
        rows.sort_by(|a, b| {
            (a.domain, a.position, &a.title).cmp(&(b.domain, b.position, &b.title))
        });
        Ok(rows)
    }

    pub fn get(conn: &mut DbConnection, id: &str) -> Result<Self, ApiError> {
        interlab_templates::table
            .find(id)
            .select(TemplateRow::as_select())
            .first(conn)
            .optional()?
            .ok_or(ApiError::NotFound)
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interlab_templates::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(interlab_templates::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }
}

impl MilestoneRow {
    /// An entrepreneur's milestones by due date (undated last), then creation.
    pub fn of_entrepreneur(
        conn: &mut DbConnection,
        entrepreneur_id: &str,
    ) -> QueryResult<Vec<Self>> {
        let mut rows: Vec<MilestoneRow> = interlab_milestones::table
            .filter(interlab_milestones::entrepreneur_id.eq(entrepreneur_id))
            .select(MilestoneRow::as_select())
            .load(conn)?;
        rows.sort_by(|a, b| {
            (a.due_on.is_none(), a.due_on, a.created_at, &a.id).cmp(&(
                b.due_on.is_none(),
                b.due_on,
                b.created_at,
                &b.id,
            ))
        });
        Ok(rows)
    }

    /// A milestone of this entrepreneur (another's is not found).
    pub fn get(conn: &mut DbConnection, entrepreneur_id: &str, id: &str) -> Result<Self, ApiError> {
        interlab_milestones::table
            .find(id)
            .filter(interlab_milestones::entrepreneur_id.eq(entrepreneur_id))
            .select(MilestoneRow::as_select())
            .first(conn)
            .optional()?
            .ok_or(ApiError::NotFound)
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interlab_milestones::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(interlab_milestones::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }
}

/// Domains of needs by need id.
pub fn need_domains(
    conn: &mut DbConnection,
    need_ids: &[String],
) -> QueryResult<HashMap<String, NeedDomain>> {
    let rows: Vec<(String, NeedDomain)> = interlab_diagnostic_needs::table
        .filter(interlab_diagnostic_needs::id.eq_any(need_ids))
        .select((
            interlab_diagnostic_needs::id,
            interlab_diagnostic_needs::domain,
        ))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

const OPEN: [MilestoneStatus; 2] = [MilestoneStatus::Todo, MilestoneStatus::InProgress];

/// Overdue milestones per entrepreneur, among `ids`.
pub fn overdue_counts(
    conn: &mut DbConnection,
    ids: &[String],
    today: NaiveDate,
) -> QueryResult<HashMap<String, i64>> {
    let rows: Vec<String> = interlab_milestones::table
        .filter(interlab_milestones::entrepreneur_id.eq_any(ids))
        .filter(interlab_milestones::status.eq_any(OPEN))
        .filter(interlab_milestones::due_on.lt(today))
        .select(interlab_milestones::entrepreneur_id)
        .load(conn)?;
    let mut counts = HashMap::new();
    for id in rows {
        *counts.entry(id).or_insert(0) += 1;
    }
    Ok(counts)
}

/// Entrepreneurs with an overdue milestone.
pub fn with_overdue(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<Vec<String>> {
    let mut ids: Vec<String> = interlab_milestones::table
        .filter(interlab_milestones::status.eq_any(OPEN))
        .filter(interlab_milestones::due_on.lt(today))
        .select(interlab_milestones::entrepreneur_id)
        .load(conn)?;
    ids.sort();
    ids.dedup();
    Ok(ids)
}

fn of_person(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<String>> {
    interlab_entrepreneurs::table
        .filter(interlab_entrepreneurs::person_id.eq(person_id))
        .select(interlab_entrepreneurs::id)
        .load(conn)
}

/// A person's milestones, for the right of access.
pub fn export(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<MilestoneRow>> {
    let ids = of_person(conn, person_id)?;
    interlab_milestones::table
        .filter(interlab_milestones::entrepreneur_id.eq_any(&ids))
        .order(interlab_milestones::created_at.asc())
        .select(MilestoneRow::as_select())
        .load(conn)
}

/// Clears the words of a person's milestones; statuses, dates and domains stay.
pub fn anonymise(conn: &mut DbConnection, person_id: &str) -> QueryResult<()> {
    let ids = of_person(conn, person_id)?;
    diesel::update(
        interlab_milestones::table.filter(interlab_milestones::entrepreneur_id.eq_any(&ids)),
    )
    .set((
        interlab_milestones::title.eq(""),
        interlab_milestones::description.eq(None::<String>),
        interlab_milestones::evidence.eq(None::<String>),
    ))
    .execute(conn)?;
    Ok(())
}
