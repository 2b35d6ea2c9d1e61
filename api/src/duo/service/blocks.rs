//! Pairs never to propose. A coordinator may say "do not pair" two people (they know each
//! other, a conflict, a family tie); a declined proposal or a duo that ended badly blocks its
//! pair too. Suggestions, batch runs and manual proposals all respect them.

use std::collections::HashMap;

use serde_json::json;
use shared::duo::{BlockReason, PairBlock, PairBlockInput};
use uuid::Uuid;

use super::{unique, Acting};
use crate::audit::audit_event as record;
use crate::audit::AuditAction;
use crate::db::stored_id as uuid;
use crate::db::{lock_rows, write_transaction, Db, DbConnection};
use crate::duo::store::feedback::staff_names;
use crate::duo::store::BlockRow;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::required_text;

fn views(conn: &mut DbConnection, rows: &[BlockRow]) -> Result<Vec<PairBlock>, ApiError> {
    let names = crate::people::store::names(
        conn,
        &unique(
            rows.iter()
                .flat_map(|r| [r.person_a.clone(), r.person_b.clone()]),
        ),
    )?;
    let staff = staff_names(
        conn,
        &unique(rows.iter().filter_map(|r| r.created_by.clone())),
    )?;
    rows.iter().map(|r| view(r, &names, &staff)).collect()
}

fn view(
    r: &BlockRow,
    names: &HashMap<String, String>,
    staff: &HashMap<String, String>,
) -> Result<PairBlock, ApiError> {
    let name = |id: &str| names.get(id).cloned().unwrap_or_default();
    Ok(PairBlock {
        id: uuid(&r.id)?,
        person_a: uuid(&r.person_a)?,
        person_a_name: name(&r.person_a),
        person_b: uuid(&r.person_b)?,
        person_b_name: name(&r.person_b),
        reason: r.reason,
        note: r.note.clone(),
        created_by_name: r.created_by.as_ref().and_then(|u| staff.get(u).cloned()),
        created_at: r.created_at.and_utc(),
    })
}

/// The blocks, newest first; only those naming `person` when given.
pub async fn list(db: &Db, person: Option<Uuid>) -> Result<Vec<PairBlock>, ApiError> {
    let person = person.map(|p| p.to_string());
    db.run(move |conn| {
        let rows = BlockRow::list(conn, person.as_deref())?;
        views(conn, &rows)
    })
    .await
}

/// Says "do not pair" for two people. Proposals already made stay.
pub async fn create(
    db: &Db,
    acting: &Acting,
    input: PairBlockInput,
) -> Result<PairBlock, ApiError> {
    let mut v = Validator::new();
    let note = v.check("note", required_text(&input.note, 500));
    if input.person_a == input.person_b {
        v.add("person_b", Msg::PairWithItself);
    }
    v.finish()?;
    let note = note.unwrap_or_default();
    let actor = acting.actor.clone();
    let by = acting.user_id.to_string();
    let (a, b) = (input.person_a.to_string(), input.person_b.to_string());
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            // Two coordinators blocking the same pair at once take turns (PostgreSQL); the
            // smaller id first, so the two orders cannot deadlock.
            let (first, second) = if a < b { (&a, &b) } else { (&b, &a) };
            for id in [first, second] {
                lock_rows(conn, "SELECT id FROM people WHERE id = $1 FOR UPDATE", id)?;
            }
            let names = crate::people::store::names(conn, &[a.clone(), b.clone()])?;
            let mut v = Validator::new();
            if !names.contains_key(&a) {
                v.add("person_a", Msg::UnknownPerson);
            }
            if !names.contains_key(&b) {
                v.add("person_b", Msg::UnknownPerson);
            }
            v.finish()?;
            let reason = BlockReason::Coordinator;
            if BlockRow::between(conn, &a, &b, reason)?.is_some() {
                return Err(ApiError::Conflict {
                    msg: Msg::PairAlreadyBlocked,
                    field: Some("person_b"),
                });
            }
            let row = BlockRow {
                id: Uuid::now_v7().to_string(),
                person_a: a.clone(),
                person_b: b.clone(),
                reason,
                created_by: Some(by),
                created_at: crate::db::now(),
                note: Some(note),
            };
            row.insert(conn)?;
            // The note stays out of the audit log: it may say private things about both.
            record(
                conn,
                &actor,
                AuditAction::DuoPairBlocked,
                "duo_block",
                &row.id,
                json!({ "person_a": a, "person_b": b }),
            )?;
            views(conn, std::slice::from_ref(&row))?
                .pop()
                .ok_or_else(|| anyhow::anyhow!("block not read back").into())
        })
    })
    .await
}

/// Lifts a coordinator's "do not pair". Blocks that come from a declined proposal or a duo that
/// ended badly stay (409).
pub async fn delete(db: &Db, acting: &Acting, id: Uuid) -> Result<(), ApiError> {
    let id = id.to_string();
    let actor = acting.actor.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = BlockRow::get(conn, &id)?;
            if row.reason != BlockReason::Coordinator {
                return Err(ApiError::Conflict {
                    msg: Msg::BlockFromHistory,
                    field: None,
                });
            }
            BlockRow::delete(conn, &id)?;
            record(
                conn,
                &actor,
                AuditAction::DuoPairUnblocked,
                "duo_block",
                &id,
                json!({ "person_a": row.person_a, "person_b": row.person_b }),
            )
        })
    })
    .await
}
