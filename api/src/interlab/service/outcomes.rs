//! Outcomes of the path: recorded with their facts (a business's legal form and enterprise
//! number, a stop's reason); one that ends the path updates the InterLab membership and
//! schedules the follow-up calls at 6 and 12 months, which the team and coaches then list.

use std::collections::HashMap;

use serde_json::json;
use shared::interlab::{
    Outcome, OutcomeFollowUp, OutcomeFollowUpDone, OutcomeFollowUpFilter, OutcomeInput,
};
use uuid::Uuid;

use super::{today, unique, visible_entrepreneur, Acting};
use crate::audit::{audit_event, AuditAction};
use crate::db::{stored_id as uuid, write_transaction, Db, DbConnection};
use crate::error::ApiError;
use crate::i18n::Msg;
use crate::interlab::domain::{
    ends_path, follow_up_due, follow_ups, membership_after, OutcomeData,
};
use crate::interlab::store::outcomes::{self as store, FollowUpRow, OutcomeRow};
use crate::interlab::store::{membership, EntrepreneurRow};

fn follow_up_view(
    f: &FollowUpRow,
    e: &EntrepreneurRow,
    names: &HashMap<String, String>,
    kind: shared::interlab::OutcomeKind,
    today: chrono::NaiveDate,
) -> Result<OutcomeFollowUp, ApiError> {
    Ok(OutcomeFollowUp {
        id: uuid(&f.id)?,
        entrepreneur_id: uuid(&f.entrepreneur_id)?,
        display_name: names.get(&e.person_id).cloned().unwrap_or_default(),
        project_name: e.project_name.clone(),
        outcome_id: uuid(&f.outcome_id)?,
        outcome_kind: kind,
        months: u32::try_from(f.months).unwrap_or(0),
        due_on: f.due_on,
        due: follow_up_due(f.due_on, f.done_on, today),
        done_on: f.done_on,
    })
}

fn views(
    conn: &mut DbConnection,
    e: &EntrepreneurRow,
    rows: &[OutcomeRow],
) -> Result<Vec<Outcome>, ApiError> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let follow = store::follow_ups_of(conn, &ids)?;
    let names = crate::people::store::names(conn, std::slice::from_ref(&e.person_id))?;
    let staff = crate::audit::actor_names(
        conn,
        &unique(rows.iter().filter_map(|r| r.recorded_by.clone())),
    )?;
    let today = today();
    rows.iter()
        .map(|r| {
            Ok(Outcome {
                id: uuid(&r.id)?,
                entrepreneur_id: uuid(&r.entrepreneur_id)?,
                kind: r.kind,
                occurred_on: r.occurred_on,
                legal_form: r.legal_form,
                enterprise_number: r.enterprise_number.clone(),
                reason: r.reason.clone(),
                note: r.note.clone(),
                ends_path: ends_path(r.kind),
                follow_ups: follow
                    .iter()
                    .filter(|f| f.outcome_id == r.id)
                    .map(|f| follow_up_view(f, e, &names, r.kind, today))
                    .collect::<Result<_, ApiError>>()?,
                recorded_by_name: r.recorded_by.as_ref().and_then(|u| staff.get(u).cloned()),
                created_at: r.created_at.and_utc(),
            })
        })
        .collect()
}

/// The InterLab membership follows the latest outcome (none left: the path goes on). Returns
/// the status when it changed.
fn sync_membership(
    conn: &mut DbConnection,
    e: &EntrepreneurRow,
) -> Result<Option<shared::people::MembershipStatus>, ApiError> {
    let latest = OutcomeRow::of_entrepreneur(conn, &e.id)?.into_iter().next();
    let status = membership_after(latest.as_ref().map(|o| o.kind));
    let ended_on = latest
        .as_ref()
        .filter(|o| ends_path(o.kind))
        .map(|o| o.occurred_on);
    match membership(conn, &e.person_id)? {
        Some(mut m) if m.status != status || m.ended_on != ended_on => {
            m.status = status;
            m.ended_on = ended_on;
            m.updated_at = crate::db::now();
            m.save(conn)?;
            Ok(Some(status))
        }
        _ => Ok(None),
    }
}

/// An entrepreneur's outcomes, the latest first, with their follow-ups.
pub async fn list(db: &Db, acting: &Acting, id: Uuid) -> Result<Vec<Outcome>, ApiError> {
    let coach = acting.coach.clone();
    db.run(move |conn| {
        let e = visible_entrepreneur(conn, coach.as_deref(), id)?;
        let rows = OutcomeRow::of_entrepreneur(conn, &e.id)?;
        views(conn, &e, &rows)
    })
    .await
}

/// Records an outcome (or changes one: `outcome`) inside the caller's transaction.
pub fn save_in(
    conn: &mut DbConnection,
    acting: &Acting,
    id: Uuid,
    outcome: Option<Uuid>,
    data: &OutcomeData,
) -> Result<Outcome, ApiError> {
    let e = visible_entrepreneur(conn, acting.coach.as_deref(), id)?;
    let before = match outcome {
        Some(o) => Some(OutcomeRow::get(conn, &e.id, &o.to_string())?),
        None => None,
    };
    let now = crate::db::now();
    let row = OutcomeRow {
        id: before
            .as_ref()
            .map_or_else(|| Uuid::now_v7().to_string(), |b| b.id.clone()),
        entrepreneur_id: e.id.clone(),
        kind: data.kind,
        occurred_on: data.occurred_on,
        legal_form: data.legal_form,
        enterprise_number: data.enterprise_number.clone(),
        reason: data.reason.clone(),
        note: data.note.clone(),
        recorded_by: before
            .as_ref()
            .map_or(Some(acting.user_id.to_string()), |b| b.recorded_by.clone()),
        created_at: before.as_ref().map_or(now, |b| b.created_at),
        updated_at: now,
    };
    let reschedule = before
        .as_ref()
        .is_none_or(|b| b.kind != row.kind || b.occurred_on != row.occurred_on);
    let action = if before.is_some() {
        row.save(conn)?;
        AuditAction::InterlabOutcomeUpdated
    } else {
        row.insert(conn)?;
        AuditAction::InterlabOutcomeRecorded
    };
    if reschedule {
        store::delete_follow_ups(conn, &row.id)?;
        for (months, due_on) in follow_ups(row.kind, row.occurred_on) {
            FollowUpRow {
                id: Uuid::now_v7().to_string(),
                entrepreneur_id: e.id.clone(),
                outcome_id: row.id.clone(),
                months: i32::try_from(months).unwrap_or(i32::MAX),
                due_on,
                done_on: None,
                created_at: now,
            }
            .insert(conn)?;
        }
    }
    let membership = sync_membership(conn, &e)?;
    // The kind and dates only: reasons and notes stay out of the audit log.
    audit_event(
        conn,
        &acting.actor,
        action,
        "interlab_entrepreneur",
        &e.id,
        json!({
            "outcome_id": row.id,
            "kind": row.kind.as_str(),
            "occurred_on": row.occurred_on,
            "membership": membership.map(|m| m.as_str()),
        }),
    )?;
    views(conn, &e, std::slice::from_ref(&row))?
        .pop()
        .ok_or(ApiError::NotFound)
}

/// Records an outcome, or changes one (`outcome`).
pub async fn save(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    outcome: Option<Uuid>,
    input: OutcomeInput,
) -> Result<Outcome, ApiError> {
    let data = OutcomeData::parse(&input, today())?;
    let acting = acting.clone();
    db.run(move |conn| write_transaction(conn, |conn| save_in(conn, &acting, id, outcome, &data)))
        .await
}

/// Removes an outcome recorded by mistake, with its follow-ups; the membership follows the
/// outcome that is then the latest.
pub async fn delete(db: &Db, acting: &Acting, id: Uuid, outcome: Uuid) -> Result<(), ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let e = visible_entrepreneur(conn, acting.coach.as_deref(), id)?;
            let row = OutcomeRow::get(conn, &e.id, &outcome.to_string())?;
            OutcomeRow::delete(conn, &row.id)?;
            let membership = sync_membership(conn, &e)?;
            audit_event(
                conn,
                &acting.actor,
                AuditAction::InterlabOutcomeDeleted,
                "interlab_entrepreneur",
                &e.id,
                json!({
                    "outcome_id": row.id,
                    "kind": row.kind.as_str(),
                    "membership": membership.map(|m| m.as_str()),
                }),
            )
        })
    })
    .await
}

fn follow_up_views(
    conn: &mut DbConnection,
    rows: &[FollowUpRow],
) -> Result<Vec<OutcomeFollowUp>, ApiError> {
    let mut entrepreneurs = HashMap::new();
    for id in unique(rows.iter().map(|r| r.entrepreneur_id.clone())) {
        if let Some(e) = EntrepreneurRow::find(conn, &id)? {
            entrepreneurs.insert(id, e);
        }
    }
    let names = crate::people::store::names(
        conn,
        &unique(entrepreneurs.values().map(|e| e.person_id.clone())),
    )?;
    let kinds = store::kinds(conn, &unique(rows.iter().map(|r| r.outcome_id.clone())))?;
    let today = today();
    rows.iter()
        .filter_map(|f| {
            let e = entrepreneurs.get(&f.entrepreneur_id)?;
            let kind = kinds.get(&f.outcome_id)?;
            Some(follow_up_view(f, e, &names, *kind, today))
        })
        .collect()
}

/// Follow-up calls by due date (coaches: of the entrepreneurs they accompany).
pub async fn follow_up_list(
    db: &Db,
    acting: &Acting,
    f: OutcomeFollowUpFilter,
) -> Result<Vec<OutcomeFollowUp>, ApiError> {
    let coach = acting.coach.clone();
    db.run(move |conn| {
        let rows = store::follow_ups(
            conn,
            f.done.unwrap_or(false),
            f.due_before,
            coach.as_deref(),
        )?;
        follow_up_views(conn, &rows)
    })
    .await
}

/// Marks a follow-up call made (again: the day changes).
pub async fn follow_up_done(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    input: OutcomeFollowUpDone,
) -> Result<OutcomeFollowUp, ApiError> {
    if input.done_on > today() {
        return Err(ApiError::field("done_on", Msg::DateInFuture));
    }
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let mut row = FollowUpRow::find(conn, &id.to_string())?.ok_or(ApiError::NotFound)?;
            let e =
                visible_entrepreneur(conn, acting.coach.as_deref(), uuid(&row.entrepreneur_id)?)?;
            row.done_on = Some(input.done_on);
            row.save(conn)?;
            audit_event(
                conn,
                &acting.actor,
                AuditAction::InterlabFollowUpDone,
                "interlab_entrepreneur",
                &e.id,
                json!({ "follow_up_id": row.id, "months": row.months, "done_on": row.done_on }),
            )?;
            follow_up_views(conn, &[row])?
                .pop()
                .ok_or(ApiError::NotFound)
        })
    })
    .await
}
