//! The coordinator's follow-up calls. Three are planned when a duo is confirmed (2 weeks,
//! 6 weeks, 3 months); a coordinator can plan extra ones and marks each done once the call
//! took place, which takes it off the health indicator's "overdue" reasons.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::json;
use shared::duo::{DuoStatus, FollowUp, FollowUpDone, FollowUpInput, FollowUpKind};
use uuid::Uuid;

use super::{today, unique, visible_duo, Acting};
use crate::audit::audit_event as record;
use crate::audit::AuditAction;
use crate::db::stored_id as uuid;
use crate::db::{lock_rows, write_transaction, Db, DbConnection};
use crate::duo::store::feedback::staff_names;
use crate::duo::store::{DuoRow, FollowUpRow};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::optional_text;

/// Whether the duo is running, so that its calls still matter.
fn running(duo_status: DuoStatus) -> bool {
    matches!(duo_status, DuoStatus::Active | DuoStatus::Paused)
}

/// A call not done, due before `today`, of a running duo.
pub fn is_overdue(r: &FollowUpRow, duo_status: DuoStatus, today: NaiveDate) -> bool {
    r.done_at.is_none() && r.done_on.is_none() && r.due_on < today && running(duo_status)
}

fn view(
    r: &FollowUpRow,
    duo_status: DuoStatus,
    staff: &HashMap<String, String>,
    today: NaiveDate,
) -> Result<FollowUp, ApiError> {
    Ok(FollowUp {
        id: uuid(&r.id)?,
        due_on: r.due_on,
        kind: r.kind,
        notes: r.notes.clone(),
        done_on: r.done_on.or_else(|| r.done_at.map(|t| t.date())),
        done_at: r.done_at.map(|t| t.and_utc()),
        done_notes: r.done_notes.clone(),
        done_by_name: r.done_by.as_ref().and_then(|u| staff.get(u).cloned()),
        overdue: is_overdue(r, duo_status, today),
    })
}

/// The calls of a duo, by due date.
pub fn follow_ups_of(conn: &mut DbConnection, d: &DuoRow) -> Result<Vec<FollowUp>, ApiError> {
    let rows = FollowUpRow::for_duo(conn, &d.id)?;
    let staff = staff_names(conn, &unique(rows.iter().filter_map(|r| r.done_by.clone())))?;
    let today = today();
    rows.iter()
        .map(|r| view(r, d.status, &staff, today))
        .collect()
}

/// The calls of a duo, done or not (coaches: duos of the people they accompany).
pub async fn list(db: &Db, coach: Option<String>, id: Uuid) -> Result<Vec<FollowUp>, ApiError> {
    db.run(move |conn| {
        let d = visible_duo(conn, coach.as_deref(), id)?;
        follow_ups_of(conn, &d)
    })
    .await
}

/// Plans an extra call for an active or paused duo, due today or later.
pub async fn plan(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    f: FollowUpInput,
) -> Result<FollowUp, ApiError> {
    let id = id.to_string();
    let mut v = Validator::new();
    let notes = v
        .check("notes", optional_text(f.notes.as_deref(), 2000))
        .flatten();
    if f.due_on < today() {
        v.add("due_on", Msg::DateInPast);
    }
    v.finish()?;
    let (actor, by) = (acting.actor.clone(), acting.by());
    let (row, status) = db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                lock_rows(conn, "SELECT id FROM duos WHERE id = $1 FOR UPDATE", &id)?;
                let d = DuoRow::get(conn, &id)?;
                if !running(d.status) {
                    return Err(ApiError::Conflict {
                        msg: Msg::FollowUpNeedsRunningDuo,
                        field: Some("duo"),
                    });
                }
                let row = FollowUpRow {
                    id: Uuid::now_v7().to_string(),
                    duo_id: d.id.clone(),
                    due_on: f.due_on,
                    kind: FollowUpKind::Extra,
                    done_at: None,
                    notes,
                    done_on: None,
                    done_by: None,
                    done_notes: None,
                    created_by: by,
                };
                row.insert(conn)?;
                record(
                    conn,
                    &actor,
                    AuditAction::DuoFollowUpPlanned,
                    "duo",
                    &d.id,
                    json!({ "follow_up": row.id, "due_on": row.due_on }),
                )?;
                Ok((row, d.status))
            })
        })
        .await?;
    view(&row, status, &HashMap::new(), today())
}

/// Marks a call done once: the day it took place (default today; not in the future, not
/// before the confirmation) and what came out of it.
pub async fn mark_done(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    follow_up_id: Uuid,
    f: FollowUpDone,
) -> Result<FollowUp, ApiError> {
    let (id, follow_up_id) = (id.to_string(), follow_up_id.to_string());
    let mut v = Validator::new();
    let notes = v
        .check("notes", optional_text(f.notes.as_deref(), 2000))
        .flatten();
    let done_on = f.done_on.unwrap_or_else(today);
    if done_on > today() {
        v.add("done_on", Msg::DateInFuture);
    }
    v.finish()?;
    let (actor, by) = (acting.actor.clone(), acting.by());
    let (row, status, staff) = db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                // Two coordinators marking the same call take turns (PostgreSQL): the second
                // sees it done.
                lock_rows(conn, "SELECT id FROM duos WHERE id = $1 FOR UPDATE", &id)?;
                let d = DuoRow::get(conn, &id)?;
                let mut row =
                    FollowUpRow::find(conn, &d.id, &follow_up_id)?.ok_or(ApiError::NotFound)?;
                if row.done_at.is_some() || row.done_on.is_some() {
                    return Err(ApiError::Conflict {
                        msg: Msg::FollowUpAlreadyDone,
                        field: None,
                    });
                }
                if d.confirmed_at.is_some_and(|t| done_on < t.date()) {
                    return Err(ApiError::field("done_on", Msg::DateBeforeConfirmation));
                }
                row.done_at = Some(crate::db::now());
                row.done_on = Some(done_on);
                row.done_by = by.clone();
                row.done_notes = notes;
                row.mark_done(conn)?;
                record(
                    conn,
                    &actor,
                    AuditAction::DuoFollowUpDone,
                    "duo",
                    &d.id,
                    json!({
                        "follow_up": row.id,
                        "kind": row.kind,
                        "due_on": row.due_on,
                        "done_on": row.done_on,
                    }),
                )?;
                let staff = staff_names(conn, &by.into_iter().collect::<Vec<_>>())?;
                Ok((row, d.status, staff))
            })
        })
        .await?;
    view(&row, status, &staff, today())
}
