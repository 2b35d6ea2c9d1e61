//! Cohorts: entrepreneurs who start the path together.

use serde_json::json;
use shared::interlab::{Cohort, CohortInput};
use uuid::Uuid;

use super::Acting;
use crate::audit::{audit_event, AuditAction};
use crate::db::{write_transaction, Db, DbConnection};
use crate::error::ApiError;
use crate::interlab::domain::check_cohort;
use crate::interlab::dto;
use crate::interlab::store::{cohort_sizes, CohortRow};

/// Every cohort, the latest first, with its size (coaches: counting those they accompany).
pub async fn list(db: &Db, acting: &Acting) -> Result<Vec<Cohort>, ApiError> {
    let coach = acting.coach.clone();
    db.run(move |conn| {
        let sizes = cohort_sizes(conn, coach.as_deref())?;
        CohortRow::list(conn)?
            .iter()
            .map(|c| dto::cohort(c, sizes.get(&c.id).copied().unwrap_or(0)))
            .collect()
    })
    .await
}

pub async fn get(db: &Db, acting: &Acting, id: Uuid) -> Result<Cohort, ApiError> {
    let coach = acting.coach.clone();
    db.run(move |conn| {
        let row = CohortRow::get(conn, &id.to_string())?;
        let sizes = cohort_sizes(conn, coach.as_deref())?;
        dto::cohort(&row, sizes.get(&row.id).copied().unwrap_or(0))
    })
    .await
}

pub async fn create(db: &Db, acting: &Acting, input: CohortInput) -> Result<Cohort, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = create_in(conn, &acting, &input)?;
            dto::cohort(&row, 0)
        })
    })
    .await
}

/// [`create`] inside the caller's transaction (the demo loader's too).
pub fn create_in(
    conn: &mut DbConnection,
    acting: &Acting,
    input: &CohortInput,
) -> Result<CohortRow, ApiError> {
    let (name, starts_on, ends_on) = check_cohort(input)?;
    let now = crate::db::now();
    let row = CohortRow {
        id: Uuid::now_v7().to_string(),
        name,
        starts_on,
        ends_on,
        created_at: now,
        updated_at: now,
    };
    row.insert(conn)?;
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InterlabCohortCreated,
        "interlab_cohort",
        &row.id,
        json!({ "starts_on": row.starts_on, "ends_on": row.ends_on }),
    )?;
    Ok(row)
}

pub async fn update(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    input: CohortInput,
) -> Result<Cohort, ApiError> {
    let (name, starts_on, ends_on) = check_cohort(&input)?;
    let actor = acting.actor.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let mut row = CohortRow::get(conn, &id.to_string())?;
            row.name = name;
            row.starts_on = starts_on;
            row.ends_on = ends_on;
            row.updated_at = crate::db::now();
            row.save(conn)?;
            audit_event(
                conn,
                &actor,
                AuditAction::InterlabCohortUpdated,
                "interlab_cohort",
                &row.id,
                json!({ "starts_on": row.starts_on, "ends_on": row.ends_on }),
            )?;
            let sizes = cohort_sizes(conn, None)?;
            dto::cohort(&row, sizes.get(&row.id).copied().unwrap_or(0))
        })
    })
    .await
}
