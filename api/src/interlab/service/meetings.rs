//! Accompaniment meetings: recorded by the team, the coach (or a mentor who was there); their
//! notes read only by InterLab staff, the entrepreneur's coach and mentors who attended; their
//! next steps become milestones of the path in one click.

use std::collections::HashMap;

use serde_json::json;
use shared::auth::Role;
use shared::interlab::{Attendee, Meeting, MeetingInput, Milestone, NextStep};
use uuid::Uuid;

use super::{path, unique, visible_entrepreneur, Acting};
use crate::audit::{audit_event, AuditAction};
use crate::db::{lock_rows, stored_id as uuid, write_transaction, Db, DbConnection, JsonText};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::interlab::domain::{
    sees_meeting_notes, step_milestone, unknown_link, MeetingData, MilestoneData, StepData,
};
use crate::interlab::store::diagnostics::owner_of_need;
use crate::interlab::store::meetings::{self as store, AttendeeRow, MeetingRow};
use crate::interlab::store::mentoring::MentorRow;
use crate::interlab::store::EntrepreneurRow;

/// Whether the caller reads this meeting's notes: InterLab staff, the entrepreneur's own coach,
/// and a mentor, who is only ever shown the meetings they attended (`list`).
fn sees_notes(acting: &Acting, e: &EntrepreneurRow) -> bool {
    let staff = matches!(acting.role, Role::Admin | Role::Coordinator);
    let their_coach = e.coach_id.as_deref() == Some(acting.user_id.to_string().as_str());
    sees_meeting_notes(staff, their_coach, acting.role == Role::Mentor)
}

fn views(
    conn: &mut DbConnection,
    acting: &Acting,
    e: &EntrepreneurRow,
    rows: &[MeetingRow],
) -> Result<Vec<Meeting>, ApiError> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let attendees = store::attendees(conn, &ids)?;
    let people = crate::people::store::names(
        conn,
        &unique(attendees.iter().filter_map(|a| a.person_id.clone())),
    )?;
    let staff = crate::audit::actor_names(
        conn,
        &unique(
            attendees
                .iter()
                .filter_map(|a| a.user_id.clone())
                .chain(rows.iter().filter_map(|r| r.recorded_by.clone())),
        ),
    )?;
    let mut by_meeting: HashMap<&str, Vec<&AttendeeRow>> = HashMap::new();
    for a in &attendees {
        by_meeting.entry(a.meeting_id.as_str()).or_default().push(a);
    }
    let notes = sees_notes(acting, e);
    rows.iter()
        .map(|r| {
            let attendees = by_meeting
                .get(r.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|a| {
                    let name = match (&a.person_id, &a.user_id) {
                        (Some(p), _) => people.get(p).cloned(),
                        (_, Some(u)) => staff.get(u).cloned(),
                        _ => None,
                    };
                    Ok(Attendee {
                        person_id: a.person_id.as_deref().map(uuid).transpose()?,
                        user_id: a.user_id.as_deref().map(uuid).transpose()?,
                        name: name.unwrap_or_default(),
                    })
                })
                .collect::<Result<_, ApiError>>()?;
            Ok(Meeting {
                id: uuid(&r.id)?,
                entrepreneur_id: uuid(&r.entrepreneur_id)?,
                held_on: r.held_on,
                attendees,
                entrepreneur_words: r.entrepreneur_words.clone(),
                notes: if notes { r.notes.clone() } else { None },
                notes_hidden: !notes,
                decisions: r.decisions.clone(),
                next_steps: (0..)
                    .zip(&r.next_steps.0)
                    .map(|(index, s)| NextStep {
                        index,
                        text: s.text.clone(),
                        due_on: s.due_on,
                        owner: s.owner,
                        need_id: s.need_id,
                        milestone_id: s.milestone_id,
                    })
                    .collect(),
                recorded_by_name: r.recorded_by.as_ref().and_then(|u| staff.get(u).cloned()),
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
        })
        .collect()
}

fn view(
    conn: &mut DbConnection,
    acting: &Acting,
    e: &EntrepreneurRow,
    row: &MeetingRow,
) -> Result<Meeting, ApiError> {
    views(conn, acting, e, std::slice::from_ref(row))?
        .pop()
        .ok_or(ApiError::NotFound)
}

/// Attendees exist, needs are this entrepreneur's, kept links are the meeting's own, and notes
/// come from someone who may read them (field errors otherwise).
fn check_references(
    conn: &mut DbConnection,
    e: &EntrepreneurRow,
    data: &MeetingData,
    before: &[StepData],
    sees_notes: bool,
) -> Result<(), ApiError> {
    let mut v = Validator::new();
    let people: Vec<String> = data.people.iter().map(Uuid::to_string).collect();
    let known = crate::people::store::names(conn, &people)?;
    for (i, p) in people.iter().enumerate() {
        if !known.contains_key(p) {
            v.add(&format!("attendee_person_ids[{i}]"), Msg::UnknownPerson);
        }
    }
    let users: Vec<String> = data.users.iter().map(Uuid::to_string).collect();
    let known = crate::audit::actor_names(conn, &users)?;
    for (i, u) in users.iter().enumerate() {
        if !known.contains_key(u) {
            v.add(&format!("attendee_user_ids[{i}]"), Msg::InvalidValue);
        }
    }
    if !sees_notes && data.notes.is_some() {
        v.add("notes", Msg::RoleNotAllowed);
    }
    for (i, s) in data.next_steps.iter().enumerate() {
        if let Some(need) = s.need_id {
            if owner_of_need(conn, &need.to_string())?.as_deref() != Some(e.id.as_str()) {
                v.add(&format!("next_steps[{i}].need_id"), Msg::NotTheirNeed);
            }
        }
    }
    if let Some(i) = unknown_link(before, &data.next_steps) {
        v.add(&format!("next_steps[{i}].milestone_id"), Msg::InvalidValue);
    }
    v.finish()
}

/// An entrepreneur's meetings, the latest first.
pub async fn list(db: &Db, acting: &Acting, id: Uuid) -> Result<Vec<Meeting>, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        let e = visible_entrepreneur(conn, acting.coach.as_deref(), id)?;
        let mut rows = MeetingRow::of_entrepreneur(conn, &e.id)?;
        if acting.role == Role::Mentor {
            // A mentor reads the meetings they attended, nothing of the others.
            let me = MentorRow::of_user(conn, &acting.user_id.to_string())?;
            let attended: Vec<String> = match me {
                Some(m) => store::meetings_attended_by(conn, &m.person_id)?
                    .into_iter()
                    .map(|r| r.id)
                    .collect(),
                None => Vec::new(),
            };
            rows.retain(|r| attended.contains(&r.id));
        }
        views(conn, &acting, &e, &rows)
    })
    .await
}

/// Records a meeting (or changes one: `meeting`) inside the caller's transaction.
pub fn save_in(
    conn: &mut DbConnection,
    acting: &Acting,
    id: Uuid,
    meeting: Option<Uuid>,
    data: &MeetingData,
) -> Result<Meeting, ApiError> {
    let e = visible_entrepreneur(conn, acting.coach.as_deref(), id)?;
    let before = match meeting {
        Some(m) => Some(MeetingRow::get(conn, &e.id, &m.to_string())?),
        None => None,
    };
    let with_mentor;
    let data = if acting.role == Role::Mentor {
        // A mentor's account records new meetings only, and was there: it reads what it wrote.
        if before.is_some() {
            return Err(ApiError::Forbidden);
        }
        let me =
            MentorRow::of_user(conn, &acting.user_id.to_string())?.ok_or(ApiError::Forbidden)?;
        with_mentor = data.attended_by(uuid(&me.person_id)?);
        &with_mentor
    } else {
        data
    };
    let notes = sees_notes(acting, &e);
    check_references(
        conn,
        &e,
        data,
        before.as_ref().map_or(&[][..], |b| &b.next_steps.0),
        notes,
    )?;
    let now = crate::db::now();
    let row = MeetingRow {
        id: before
            .as_ref()
            .map_or_else(|| Uuid::now_v7().to_string(), |b| b.id.clone()),
        entrepreneur_id: e.id.clone(),
        held_on: data.held_on,
        entrepreneur_words: data.words.clone(),
        // Someone who does not read the notes leaves them as they are.
        notes: if notes {
            data.notes.clone()
        } else {
            before.as_ref().and_then(|b| b.notes.clone())
        },
        decisions: data.decisions.clone(),
        next_steps: JsonText(data.next_steps.clone()),
        recorded_by: before
            .as_ref()
            .map_or(Some(acting.user_id.to_string()), |b| b.recorded_by.clone()),
        created_at: before.as_ref().map_or(now, |b| b.created_at),
        updated_at: now,
    };
    let action = if before.is_some() {
        row.save(conn)?;
        AuditAction::InterlabMeetingUpdated
    } else {
        row.insert(conn)?;
        AuditAction::InterlabMeetingRecorded
    };
    let people: Vec<String> = data.people.iter().map(Uuid::to_string).collect();
    let users: Vec<String> = data.users.iter().map(Uuid::to_string).collect();
    store::set_attendees(conn, &row.id, &people, &users)?;
    // Counts only: what was said stays out of the audit log.
    audit_event(
        conn,
        &acting.actor,
        action,
        "interlab_entrepreneur",
        &e.id,
        json!({
            "meeting_id": row.id,
            "held_on": row.held_on,
            "attendees": people.len() + users.len(),
            "next_steps": row.next_steps.0.len(),
        }),
    )?;
    view(conn, acting, &e, &row)
}

/// Records a meeting, or changes one (`meeting`).
pub async fn save(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    meeting: Option<Uuid>,
    input: MeetingInput,
) -> Result<Meeting, ApiError> {
    let data = MeetingData::parse(&input)?;
    let acting = acting.clone();
    db.run(move |conn| write_transaction(conn, |conn| save_in(conn, &acting, id, meeting, &data)))
        .await
}

/// Removes a meeting; the milestones its steps became stay on the path.
pub async fn delete(db: &Db, acting: &Acting, id: Uuid, meeting: Uuid) -> Result<(), ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let e = visible_entrepreneur(conn, acting.coach.as_deref(), id)?;
            let row = MeetingRow::get(conn, &e.id, &meeting.to_string())?;
            MeetingRow::delete(conn, &row.id)?;
            audit_event(
                conn,
                &acting.actor,
                AuditAction::InterlabMeetingDeleted,
                "interlab_entrepreneur",
                &e.id,
                json!({ "meeting_id": row.id, "held_on": row.held_on }),
            )
        })
    })
    .await
}

/// Turns next step `index` of a meeting into a milestone of the path, through the path's own
/// rules (the need must be this entrepreneur's); a step becomes one milestone only (409).
pub fn step_to_milestone_in(
    conn: &mut DbConnection,
    acting: &Acting,
    id: Uuid,
    meeting: Uuid,
    index: u32,
) -> Result<Milestone, ApiError> {
    let e = visible_entrepreneur(conn, acting.coach.as_deref(), id)?;
    // Two clicks at once make one milestone (PostgreSQL; SQLite holds the write lock).
    lock_rows(
        conn,
        "SELECT id FROM interlab_meetings WHERE id = $1 FOR UPDATE",
        &meeting.to_string(),
    )?;
    let mut row = MeetingRow::get(conn, &e.id, &meeting.to_string())?;
    let index = usize::try_from(index).map_err(|_| ApiError::NotFound)?;
    let step = row
        .next_steps
        .0
        .get(index)
        .cloned()
        .ok_or(ApiError::NotFound)?;
    if step.milestone_id.is_some() {
        return Err(ApiError::Conflict {
            msg: Msg::StepAlreadyMilestone,
            field: None,
        });
    }
    let data = MilestoneData::parse(&step_milestone(&step))?;
    let milestone = path::save_milestone_in(conn, acting, &e, None, &data)?;
    if let Some(s) = row.next_steps.0.get_mut(index) {
        s.milestone_id = Some(milestone.id);
    }
    row.updated_at = crate::db::now();
    row.save(conn)?;
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InterlabNextStepMilestone,
        "interlab_entrepreneur",
        &e.id,
        json!({ "meeting_id": row.id, "index": index, "milestone_id": milestone.id }),
    )?;
    Ok(milestone)
}

pub async fn step_to_milestone(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    meeting: Uuid,
    index: u32,
) -> Result<Milestone, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            step_to_milestone_in(conn, &acting, id, meeting, index)
        })
    })
    .await
}
