//! The audit log: who did what to which record, and when. Append-only.

pub mod http;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::audit_log;
use crate::db::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = audit_log)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct AuditRow {
    pub id: String,
    pub occurred_at: NaiveDateTime,
    pub actor_id: Option<String>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub details: String,
    pub ip: Option<String>,
    pub request_id: Option<String>,
}

/// Who acted, from where; attached to every audit entry of a request.
#[derive(Debug, Clone, Default)]
pub struct Actor {
    pub user_id: Option<Uuid>,
    pub ip: Option<String>,
    pub request_id: Option<String>,
}

/// One event to record.
pub struct AuditEvent<'a> {
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: Option<String>,
    /// Field names and non-sensitive facts; never personal values.
    pub details: serde_json::Value,
}

pub fn record(conn: &mut DbConnection, actor: &Actor, event: AuditEvent<'_>) -> QueryResult<()> {
    let row = AuditRow {
        id: Uuid::now_v7().to_string(),
        occurred_at: crate::db::now(),
        actor_id: actor.user_id.map(|u| u.to_string()),
        action: event.action.to_owned(),
        entity_type: event.entity_type.to_owned(),
        entity_id: event.entity_id,
        details: event.details.to_string(),
        ip: actor.ip.clone(),
        request_id: actor.request_id.clone(),
    };
    diesel::insert_into(audit_log::table)
        .values(&row)
        .execute(conn)
        .map(|_| ())
}

/// Filters of the audit list.
#[derive(Debug, Default)]
pub struct AuditQuery {
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub actor_id: Option<String>,
    pub action: Option<String>,
}

/// One page of entries, newest first, and the total count.
pub fn list(
    conn: &mut DbConnection,
    filter: &AuditQuery,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<AuditRow>, i64)> {
    let build = || {
        let mut q = audit_log::table.into_boxed();
        if let Some(v) = &filter.entity_type {
            q = q.filter(audit_log::entity_type.eq(v.clone()));
        }
        if let Some(v) = &filter.entity_id {
            q = q.filter(audit_log::entity_id.eq(v.clone()));
        }
        if let Some(v) = &filter.actor_id {
            q = q.filter(audit_log::actor_id.eq(v.clone()));
        }
        if let Some(v) = &filter.action {
            q = q.filter(audit_log::action.eq(v.clone()));
        }
        q
    };
    let count = build().count().get_result(conn)?;
    let rows = build()
        .order((audit_log::occurred_at.desc(), audit_log::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)?;
    Ok((rows, count))
}

/// Display names of the staff accounts among `ids` (ids without an account are left out).
pub fn actor_names(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<std::collections::HashMap<String, String>> {
    use crate::db::schema::users;
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let rows: Vec<(String, String)> = users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::display_name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// The entries of one record with the given actions, oldest first.
pub fn history(
    conn: &mut DbConnection,
    entity_type: &str,
    entity_id: &str,
    actions: &[&str],
) -> QueryResult<Vec<AuditRow>> {
    audit_log::table
        .filter(audit_log::entity_type.eq(entity_type))
        .filter(audit_log::entity_id.eq(entity_id))
        .filter(audit_log::action.eq_any(actions))
        .order((audit_log::occurred_at.asc(), audit_log::id.asc()))
        .select(AuditRow::as_select())
        .load(conn)
}

/// Appends one entry to the audit log.
pub fn audit_event(
    conn: &mut DbConnection,
    actor: &Actor,
    action: &str,
    entity_type: &str,
    entity_id: &str,
    details: serde_json::Value,
) -> Result<(), crate::error::ApiError> {
    crate::audit::record(
        conn,
        actor,
        crate::audit::AuditEvent {
            action,
            entity_type,
            entity_id: Some(entity_id.to_owned()),
            details,
        },
    )?;
    Ok(())
}
