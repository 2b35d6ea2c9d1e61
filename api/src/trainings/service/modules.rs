//! The catalogue: modules written by coordinators.

use serde_json::json;
use shared::trainings::{Module, ModuleInput};
use uuid::Uuid;

use crate::audit::{audit_event, Actor, AuditAction};
use crate::db::{stored_id, write_transaction, DbConnection, JsonText};
use crate::error::{ApiError, Validator};
use crate::trainings::domain::{self, minutes_to_hours};
use crate::trainings::store::{self, ModuleRow};

pub fn module_dto(row: &ModuleRow, courses: i64) -> Result<Module, ApiError> {
    Ok(Module {
        id: stored_id(&row.id)?,
        title: row.title.0.clone(),
        description: row.description.0.clone(),
        objectives: row.objectives.0.clone(),
        hours: minutes_to_hours(i64::from(row.minutes)),
        audience: row.audience,
        languages: row.languages.0.clone(),
        prerequisites: row.prerequisites.clone(),
        max_group_size: row.max_group_size,
        certificate: row.certificate,
        min_attendance_percent: row.min_attendance_percent,
        courses,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}

/// The catalogue in the order modules were written.
pub fn list(conn: &mut DbConnection) -> Result<Vec<Module>, ApiError> {
    let counts: std::collections::HashMap<String, i64> =
        store::course_counts(conn)?.into_iter().collect();
    ModuleRow::all(conn)?
        .iter()
        .map(|m| module_dto(m, counts.get(&m.id).copied().unwrap_or(0)))
        .collect()
}

pub fn get(conn: &mut DbConnection, id: Uuid) -> Result<Module, ApiError> {
    let row = ModuleRow::find(conn, &id.to_string())?.ok_or(ApiError::NotFound)?;
    let courses = store::course_counts(conn)?
        .into_iter()
        .find(|(m, _)| *m == row.id)
        .map_or(0, |(_, n)| n);
    module_dto(&row, courses)
}

fn row_from(input: &ModuleInput, id: String, by: Option<String>) -> Result<ModuleRow, ApiError> {
    let mut v = Validator::new();
    let (minutes, min) = domain::check_module(input, &mut v);
    v.finish()?;
    let now = crate::db::now();
    let trim = |m: &shared::activities::Multilingual| {
        m.iter()
            .map(|(k, t)| (k.clone(), t.trim().to_owned()))
            .filter(|(_, t)| !t.is_empty())
            .collect()
    };
    Ok(ModuleRow {
        id,
        title: JsonText(trim(&input.title)),
        description: JsonText(trim(&input.description)),
        objectives: JsonText(
            input
                .objectives
                .iter()
                .map(|o| o.trim().to_owned())
                .collect(),
        ),
        minutes,
        audience: input
            .audience
            .ok_or(ApiError::field("audience", crate::i18n::Msg::Required))?,
        languages: JsonText(input.languages.clone()),
        prerequisites: input
            .prerequisites
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        max_group_size: input.max_group_size,
        certificate: input.certificate,
        min_attendance_percent: min,
        created_by: by,
        created_at: now,
        updated_at: now,
    })
}

pub fn create(
    conn: &mut DbConnection,
    input: &ModuleInput,
    by: Option<String>,
    actor: &Actor,
) -> Result<Module, ApiError> {
    write_transaction(conn, |conn| create_in(conn, input, by, actor))
}

/// [`create`] inside the caller's write transaction (the demo loader).
pub fn create_in(
    conn: &mut DbConnection,
    input: &ModuleInput,
    by: Option<String>,
    actor: &Actor,
) -> Result<Module, ApiError> {
    let row = row_from(input, Uuid::now_v7().to_string(), by)?;
    row.insert(conn)?;
    audit_event(
        conn,
        actor,
        AuditAction::TrainingModuleCreated,
        "training_module",
        &row.id,
        json!({ "minutes": row.minutes }),
    )?;
    module_dto(&row, 0)
}

pub fn update(
    conn: &mut DbConnection,
    id: Uuid,
    input: &ModuleInput,
    actor: &Actor,
) -> Result<Module, ApiError> {
    write_transaction(conn, |conn| {
        let old = ModuleRow::find(conn, &id.to_string())?.ok_or(ApiError::NotFound)?;
        let row = ModuleRow {
            created_by: old.created_by.clone(),
            created_at: old.created_at,
            ..row_from(input, old.id.clone(), None)?
        };
        row.update(conn)?;
        audit_event(
            conn,
            actor,
            AuditAction::TrainingModuleUpdated,
            "training_module",
            &row.id,
            json!({ "minutes": row.minutes, "min_attendance_percent": row.min_attendance_percent }),
        )?;
        Ok(())
    })?;
    get(conn, id)
}
