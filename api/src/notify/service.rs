//! The outbox as staff see it: which notices are theirs to pass on, and marking one done.

use std::collections::HashMap;

use serde_json::json;

use crate::activities::service::{load_managed, load_one, may_manage};
use crate::activities::store::{self as activities, ActivityRow};
use crate::audit::audit_event as record;
use crate::audit::Actor;
use crate::audit::AuditAction;
use crate::db::{stored_id, write_transaction, DbConnection};
use crate::error::ApiError;
use crate::http::auth::{AuthUser, Permission};
use crate::i18n::Msg;
use crate::notify::store::{self as notifications, NotificationQuery, NotificationRow};
use crate::people::store::PersonRow;

/// A notice with the person to tell (gone once anonymised) and its activity.
#[derive(Debug, Clone)]
pub struct NoticeView {
    pub row: NotificationRow,
    pub person: Option<PersonRow>,
    pub activity: ActivityRow,
}

/// One page of notices the user may see, and the total. Coordinators see all; a coach sees
/// those of the activities they are staff of.
pub fn list(
    conn: &mut DbConnection,
    user: &AuthUser,
    mut q: NotificationQuery,
    offset: i64,
    limit: i64,
) -> Result<(Vec<NoticeView>, i64), ApiError> {
    if let Some(a) = &q.activity_id {
        load_managed(conn, user, a)?;
    } else if !Permission::WriteActivities.allowed(user.role) {
        q.activities = Some(activities::staffed_by(conn, &user.id.to_string())?);
    }
    let (rows, count) = notifications::list(conn, &q, offset, limit)?;
    Ok((views(conn, rows)?, count))
}

/// A staff member told the person themselves: the notice is done. `Conflict` when it was
/// already sent by email or marked done.
pub fn mark_done(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    note: Option<&str>,
    actor: &Actor,
) -> Result<NoticeView, ApiError> {
    write_transaction(conn, |conn| {
        let n = notifications::get(conn, id)?.ok_or(ApiError::NotFound)?;
        let rec = load_one(conn, &n.activity_id)?;
        if !may_manage(user, &rec) {
            return Err(ApiError::Forbidden);
        }
        if !notifications::mark_done(conn, id, &user.id.to_string(), note)? {
            return Err(ApiError::Conflict {
                msg: Msg::InvalidValue,
                field: Some("status"),
            });
        }
        record(
            conn,
            actor,
            AuditAction::NotificationDone,
            "notification",
            id,
            json!({ "kind": n.kind, "activity": n.activity_id, "person": n.person_id, "from": n.status }),
        )?;
        let n = notifications::get(conn, id)?.ok_or(ApiError::NotFound)?;
        views(conn, vec![n])?.pop().ok_or(ApiError::NotFound)
    })
}

fn views(conn: &mut DbConnection, rows: Vec<NotificationRow>) -> Result<Vec<NoticeView>, ApiError> {
    let mut people: HashMap<String, Option<PersonRow>> = HashMap::new();
    let mut activities: HashMap<String, ActivityRow> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        if !people.contains_key(&row.person_id) {
            let p = PersonRow::find(conn, stored_id(&row.person_id)?)?;
            people.insert(row.person_id.clone(), p);
        }
        if !activities.contains_key(&row.activity_id) {
            let a = ActivityRow::get(conn, &row.activity_id)?;
            activities.insert(row.activity_id.clone(), a);
        }
        out.push(NoticeView {
            person: people.get(&row.person_id).cloned().flatten(),
            activity: activities
                .get(&row.activity_id)
                .cloned()
                .ok_or(ApiError::NotFound)?,
            row,
        });
    }
    Ok(out)
}
