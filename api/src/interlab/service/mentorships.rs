//! Mentoring relations: a mentor proposed to an entrepreneur, both sides' agreement, the active
//! relation and its end. A mentor over capacity is assigned only by an explicit, audited
//! override of a coordinator.

use serde_json::json;
use shared::interlab::{Mentorship, MentorshipFilter, MentorshipInput, MentorshipPatch};
use uuid::Uuid;

use super::{unique, visible_entrepreneur, Acting};
use crate::audit::{audit_event, AuditAction};
use crate::db::{lock_rows, stored_id as uuid, write_transaction, Db, DbConnection};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::interlab::domain::mentoring::{apply_patch, has_room, Relation, NOTE_MAX};
use crate::interlab::store::mentoring::{project_names, MentorRow, MentorshipRow};
use crate::interlab::store::EntrepreneurRow;
use crate::people::domain::optional_text;

pub(crate) fn views(
    conn: &mut DbConnection,
    rows: &[MentorshipRow],
) -> Result<Vec<Mentorship>, ApiError> {
    let entrepreneurs = project_names(
        conn,
        &unique(rows.iter().map(|r| r.entrepreneur_id.clone())),
    )?;
    let mut mentor_people = std::collections::HashMap::new();
    for id in unique(rows.iter().map(|r| r.mentor_id.clone())) {
        if let Some(m) = MentorRow::find(conn, &id)? {
            mentor_people.insert(id, m.person_id);
        }
    }
    let people = unique(
        entrepreneurs
            .values()
            .map(|(p, _)| p.clone())
            .chain(mentor_people.values().cloned()),
    );
    let names = crate::people::store::names(conn, &people)?;
    let name = |person: Option<&String>| {
        person
            .and_then(|p| names.get(p))
            .cloned()
            .unwrap_or_default()
    };
    rows.iter()
        .map(|r| {
            let (person, project) = entrepreneurs
                .get(&r.entrepreneur_id)
                .cloned()
                .unwrap_or_default();
            Ok(Mentorship {
                id: uuid(&r.id)?,
                mentor_id: uuid(&r.mentor_id)?,
                mentor_name: name(mentor_people.get(&r.mentor_id)),
                entrepreneur_id: uuid(&r.entrepreneur_id)?,
                entrepreneur_name: name(Some(&person)),
                project_name: project,
                status: r.status,
                entrepreneur_agreed_at: r.entrepreneur_agreed_at.map(|t| t.and_utc()),
                mentor_agreed_at: r.mentor_agreed_at.map(|t| t.and_utc()),
                started_at: r.started_at.map(|t| t.and_utc()),
                ended_at: r.ended_at.map(|t| t.and_utc()),
                end_reason: r.end_reason,
                end_note: r.end_note.clone(),
                note: r.note.clone(),
                capacity_override_reason: r.capacity_override_reason.clone(),
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
        })
        .collect()
}

fn one(conn: &mut DbConnection, row: &MentorshipRow) -> Result<Mentorship, ApiError> {
    views(conn, std::slice::from_ref(row))?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("mentorship view missing").into())
}

/// Whether the caller sees the entrepreneur (coaches: those they accompany).
fn sees(conn: &mut DbConnection, acting: &Acting, entrepreneur_id: &str) -> Result<bool, ApiError> {
    let id = uuid(entrepreneur_id)?;
    match visible_entrepreneur(conn, acting.coach.as_deref(), id) {
        Ok(_) => Ok(true),
        Err(ApiError::NotFound) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Relations, the latest first (coaches: of the entrepreneurs they accompany).
pub async fn list(
    db: &Db,
    acting: &Acting,
    f: MentorshipFilter,
) -> Result<Vec<Mentorship>, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        let rows = MentorshipRow::list(
            conn,
            f.mentor.map(|u| u.to_string()).as_deref(),
            f.entrepreneur.map(|u| u.to_string()).as_deref(),
            f.status,
        )?;
        let mut visible = Vec::with_capacity(rows.len());
        for r in rows {
            if acting.coach.is_none() || sees(conn, &acting, &r.entrepreneur_id)? {
                visible.push(r);
            }
        }
        views(conn, &visible)
    })
    .await
}

pub async fn get(db: &Db, acting: &Acting, id: Uuid) -> Result<Mentorship, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        let row = MentorshipRow::get(conn, &id.to_string())?;
        if !sees(conn, &acting, &row.entrepreneur_id)? {
            return Err(ApiError::NotFound);
        }
        one(conn, &row)
    })
    .await
}

pub async fn create(
    db: &Db,
    acting: &Acting,
    input: MentorshipInput,
) -> Result<Mentorship, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = create_in(conn, &acting, &input)?;
            one(conn, &row)
        })
    })
    .await
}

/// [`create`] inside the caller's transaction (the demo loader's too).
pub fn create_in(
    conn: &mut DbConnection,
    acting: &Acting,
    input: &MentorshipInput,
) -> Result<MentorshipRow, ApiError> {
    let mut v = Validator::new();
    let note = v
        .check("note", optional_text(input.note.as_deref(), NOTE_MAX))
        .flatten();
    let reason = v
        .check(
            "override_reason",
            optional_text(input.override_reason.as_deref(), NOTE_MAX),
        )
        .flatten();
    if input.override_capacity {
        if acting.coach.is_some() {
            v.add("override_capacity", Msg::RoleNotAllowed);
        } else if reason.is_none() {
            v.add("override_reason", Msg::ReasonRequired);
        }
    } else if input.override_reason.is_some() {
        v.add("override_reason", Msg::InvalidValue);
    }
    let entrepreneur = EntrepreneurRow::find(conn, &input.entrepreneur_id.to_string())?;
    let visible = match &entrepreneur {
        Some(e) => sees(conn, acting, &e.id)?,
        None => false,
    };
    if !visible {
        v.add("entrepreneur_id", Msg::InvalidValue);
    }
    let mentor_id = input.mentor_id.to_string();
    // The mentor's row is the lock: two proposals for the last place are decided one by one.
    lock_rows(
        conn,
        "SELECT id FROM interlab_mentors WHERE id = $1 FOR UPDATE",
        &mentor_id,
    )?;
    let mentor = MentorRow::find(conn, &mentor_id)?;
    let Some(mentor) = mentor else {
        v.add("mentor_id", Msg::InvalidValue);
        v.finish()?;
        return Err(ApiError::NotFound);
    };
    if !mentor.active {
        v.add("mentor_id", Msg::MentorInactive);
    } else if mentor
        .conflicts
        .0
        .contains(&input.entrepreneur_id.to_string())
    {
        v.add("mentor_id", Msg::ConflictOfInterest);
    }
    let open = MentorshipRow::open_of_mentor(conn, &mentor.id)?;
    if open
        .iter()
        .any(|m| m.entrepreneur_id == input.entrepreneur_id.to_string())
    {
        v.finish()?;
        return Err(ApiError::Conflict {
            msg: Msg::AlreadyMentoring,
            field: Some("mentor_id"),
        });
    }
    let full = !has_room(
        u32::try_from(open.len()).unwrap_or(u32::MAX),
        mentor.capacity,
    );
    if full && !input.override_capacity {
        v.add("mentor_id", Msg::MentorFull(mentor.capacity));
    }
    v.finish()?;
    let now = crate::db::now();
    let row = MentorshipRow {
        id: Uuid::now_v7().to_string(),
        mentor_id: mentor.id.clone(),
        entrepreneur_id: input.entrepreneur_id.to_string(),
        status: shared::interlab::MentorshipStatus::Proposed,
        entrepreneur_agreed_at: None,
        mentor_agreed_at: None,
        started_at: None,
        ended_at: None,
        end_reason: None,
        end_note: None,
        note,
        capacity_override_reason: if full { reason.clone() } else { None },
        created_by: Some(acting.user_id.to_string()),
        created_at: now,
        updated_at: now,
    };
    row.insert(conn)?;
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InterlabMentorshipProposed,
        "interlab_mentorship",
        &row.id,
        json!({ "mentor_id": row.mentor_id, "entrepreneur_id": row.entrepreneur_id }),
    )?;
    if full {
        audit_event(
            conn,
            &acting.actor,
            AuditAction::InterlabMentorCapacityOverridden,
            "interlab_mentor",
            &mentor.id,
            json!({ "mentorship_id": row.id, "capacity": mentor.capacity,
                    "load": open.len(), "reason": reason }),
        )?;
    }
    Ok(row)
}

/// Records agreements, activates or ends a relation (`PATCH` with `status`).
pub async fn update(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    patch: MentorshipPatch,
) -> Result<Mentorship, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = update_in(conn, &acting, id, &patch)?;
            one(conn, &row)
        })
    })
    .await
}

/// [`update`] inside the caller's transaction (the demo loader's too).
pub fn update_in(
    conn: &mut DbConnection,
    acting: &Acting,
    id: Uuid,
    patch: &MentorshipPatch,
) -> Result<MentorshipRow, ApiError> {
    lock_rows(
        conn,
        "SELECT id FROM interlab_mentorships WHERE id = $1 FOR UPDATE",
        &id.to_string(),
    )?;
    let mut row = MentorshipRow::get(conn, &id.to_string())?;
    if !sees(conn, acting, &row.entrepreneur_id)? {
        return Err(ApiError::NotFound);
    }
    let now = crate::db::now();
    let next = apply_patch(
        &Relation {
            status: row.status,
            entrepreneur_agreed_at: row.entrepreneur_agreed_at,
            mentor_agreed_at: row.mentor_agreed_at,
            started_at: row.started_at,
            ended_at: row.ended_at,
            end_reason: row.end_reason,
            end_note: row.end_note.clone(),
            note: row.note.clone(),
        },
        patch,
        now,
    )?;
    let from = row.status;
    row.status = next.status;
    row.entrepreneur_agreed_at = next.entrepreneur_agreed_at;
    row.mentor_agreed_at = next.mentor_agreed_at;
    row.started_at = next.started_at;
    row.ended_at = next.ended_at;
    row.end_reason = next.end_reason;
    row.end_note = next.end_note;
    row.note = next.note;
    row.updated_at = now;
    row.save(conn)?;
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InterlabMentorshipUpdated,
        "interlab_mentorship",
        &row.id,
        json!({ "from": from, "to": row.status, "end_reason": row.end_reason,
                "entrepreneur_agreed": row.entrepreneur_agreed_at.is_some(),
                "mentor_agreed": row.mentor_agreed_at.is_some() }),
    )?;
    Ok(row)
}
