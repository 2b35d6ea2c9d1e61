//! Trainees: a registration to a course is a registration to each of its sessions, made, freed
//! and promoted by the activities service (seats, waiting list, notices); attendance per
//! session; hours attended and completion from the module's rule.

use std::collections::HashMap;

use serde_json::json;
use shared::activities::{RegistrationSource, RegistrationStatus};
use shared::notifications::NotificationKind;
use shared::trainings::{AttendanceInput, Trainee, TraineeInput, TraineeSource, TraineeStatus};
use uuid::Uuid;

use super::courses::{load, Loaded};
use crate::activities::service as activities;
use crate::activities::store::{ActivityRow, RegistrationRow};
use crate::audit::{audit_event, Actor, AuditAction};
use crate::db::{stored_id, write_transaction, DbConnection};
use crate::error::ApiError;
use crate::i18n::Msg;
use crate::notify::store as notifications;
use crate::people::store::PersonRow;
use crate::trainings::domain::{self, minutes_to_hours};
use crate::trainings::store::{self, CertificateRow, TraineeRow};

/// Each trainee's registration to each held session, in the sessions' order.
fn attendance_of(
    conn: &mut DbConnection,
    l: &Loaded,
) -> Result<HashMap<String, Vec<Option<RegistrationStatus>>>, ApiError> {
    let ids: Vec<String> = l.held().map(|s| s.activity_id.clone()).collect();
    let mut by: HashMap<(String, String), RegistrationStatus> = HashMap::new();
    for (_, activity, person, status) in store::session_registrations(conn, &ids)? {
        by.insert((activity, person), status);
    }
    let trainees = TraineeRow::of_course(conn, &l.course.id)?;
    Ok(trainees
        .into_iter()
        .map(|t| {
            let row = ids
                .iter()
                .map(|a| by.get(&(a.clone(), t.person_id.clone())).copied())
                .collect();
            (t.person_id, row)
        })
        .collect())
}

/// Every trainee of the course with their place.
pub fn statuses(
    conn: &mut DbConnection,
    l: &Loaded,
) -> Result<Vec<(TraineeRow, TraineeStatus)>, ApiError> {
    let attendance = attendance_of(conn, l)?;
    Ok(TraineeRow::of_course(conn, &l.course.id)?
        .into_iter()
        .map(|t| {
            let s = domain::trainee_status(
                t.cancelled_at.is_some(),
                attendance.get(&t.person_id).map_or(&[][..], |v| v),
            );
            (t, s)
        })
        .collect())
}

/// Minutes a person attended among the held sessions.
fn attended_minutes(l: &Loaded, marks: &[Option<RegistrationStatus>]) -> i64 {
    l.held()
        .zip(marks)
        .filter(|(_, m)| **m == Some(RegistrationStatus::Attended))
        .map(|(s, _)| s.minutes())
        .sum()
}

/// A person's completion of the course: (attended minutes, completed, minutes missing).
pub fn completion_of(
    conn: &mut DbConnection,
    l: &Loaded,
    person: &str,
) -> Result<(i64, bool, i64), ApiError> {
    let attendance = attendance_of(conn, l)?;
    let marks = attendance.get(person).cloned().unwrap_or_default();
    let attended = attended_minutes(l, &marks);
    let (done, missing) =
        domain::completion(l.total_minutes(), attended, l.module.min_attendance_percent);
    Ok((attended, done, missing))
}

/// The course's trainees with attendance and completion: everyone, or (a coach) the people
/// they accompany, or (a partner) one organisation's staff.
pub fn views(
    conn: &mut DbConnection,
    l: &Loaded,
    coach: Option<&str>,
    organisation: Option<&str>,
) -> Result<Vec<Trainee>, ApiError> {
    let attendance = attendance_of(conn, l)?;
    let mut rows = statuses(conn, l)?;
    if let Some(c) = coach {
        let mut kept = Vec::new();
        for r in rows {
            if crate::people::store::is_coached_by(conn, &r.0.person_id, c)? {
                kept.push(r);
            }
        }
        rows = kept;
    }
    if let Some(o) = organisation {
        rows.retain(|(t, _)| t.organisation_id.as_deref() == Some(o));
    }
    let people: Vec<String> = rows.iter().map(|(t, _)| t.person_id.clone()).collect();
    let names = crate::people::store::names(conn, &people)?;
    let orgs: Vec<String> = rows
        .iter()
        .filter_map(|(t, _)| t.organisation_id.clone())
        .collect();
    let org_names = store::organisation_names(conn, &orgs)?;
    let certificates: HashMap<String, CertificateRow> =
        CertificateRow::of_course(conn, &l.course.id)?
            .into_iter()
            .map(|c| (c.person_id.clone(), c))
            .collect();
    let mut emails = HashMap::new();
    for p in &people {
        // The rule of the outbox: a blank address is none (reminders go to staff instead).
        let has = PersonRow::find(conn, stored_id(p)?)?
            .and_then(|p| p.email)
            .is_some_and(|e| !e.trim().is_empty());
        emails.insert(p.clone(), has);
    }
    let mut waiting = 0;
    rows.iter()
        .map(|(t, status)| {
            let marks = attendance.get(&t.person_id).cloned().unwrap_or_default();
            let attended = attended_minutes(l, &marks);
            let (completed, missing) =
                domain::completion(l.total_minutes(), attended, l.module.min_attendance_percent);
            let position = (*status == TraineeStatus::Waitlisted).then(|| {
                waiting += 1;
                waiting
            });
            Ok(Trainee {
                id: stored_id(&t.id)?,
                person_id: stored_id(&t.person_id)?,
                display_name: names.get(&t.person_id).cloned().unwrap_or_default(),
                organisation_id: t.organisation_id.as_deref().map(stored_id).transpose()?,
                organisation_name: t
                    .organisation_id
                    .as_ref()
                    .and_then(|o| org_names.get(o).cloned()),
                source: t.source,
                status: *status,
                position,
                attendance: marks,
                hours_attended: minutes_to_hours(attended),
                completed: completed && *status != TraineeStatus::Cancelled,
                hours_missing: minutes_to_hours(missing),
                certificate: certificates
                    .get(&t.person_id)
                    .map(super::certificates::summary)
                    .transpose()?,
                has_email: emails.get(&t.person_id).copied().unwrap_or(false),
            })
        })
        .collect()
}

/// Registers a person to the course (each held session, through the activities service: a
/// seat or the waiting list), or again after a withdrawal. Call inside a write transaction.
pub fn register_in(
    conn: &mut DbConnection,
    l: &Loaded,
    person: &PersonRow,
    organisation: Option<String>,
    source: TraineeSource,
    by: Option<String>,
    actor: &Actor,
) -> Result<TraineeRow, ApiError> {
    let existing = TraineeRow::find(conn, &l.course.id, &person.id)?;
    if existing.as_ref().is_some_and(|t| t.cancelled_at.is_none()) {
        return Err(ApiError::Conflict {
            msg: Msg::DuplicateEntry,
            field: Some("person_id"),
        });
    }
    // The sessions' registrations name a staff account (a partner's client is not one).
    let staff_by = by.clone().filter(|_| source == TraineeSource::Staff);
    for s in l.held() {
        activities::lock_activity(conn, &s.activity_id)?;
        let held = RegistrationRow::find(conn, &s.activity_id, &person.id)?
            .is_some_and(|r| r.status != RegistrationStatus::Cancelled);
        if !held {
            activities::register(
                conn,
                &s.activity_id,
                person,
                RegistrationSource::Staff,
                staff_by.clone(),
                actor,
            )?;
        }
    }
    let now = crate::db::now();
    let row = match existing {
        Some(t) => {
            TraineeRow::set_cancelled(conn, &t.id, None, now)?;
            TraineeRow {
                cancelled_at: None,
                updated_at: now,
                ..t
            }
        }
        None => {
            let row = TraineeRow {
                id: Uuid::now_v7().to_string(),
                course_id: l.course.id.clone(),
                person_id: person.id.clone(),
                organisation_id: organisation,
                source,
                registered_by: by,
                cancelled_at: None,
                created_at: now,
                updated_at: now,
            };
            row.insert(conn)?;
            row
        }
    };
    audit_event(
        conn,
        actor,
        AuditAction::TrainingRegistered,
        "training_registration",
        &row.id,
        json!({ "course": l.course.id, "person": person.id, "organisation": row.organisation_id, "source": row.source }),
    )?;
    Ok(row)
}

/// Staff register a participant, or partner staff with the organisation they are affiliated
/// to. Returns the trainee as the course page shows them.
pub fn add(
    conn: &mut DbConnection,
    course: Uuid,
    input: &TraineeInput,
    by: Option<String>,
    actor: &Actor,
) -> Result<Trainee, ApiError> {
    write_transaction(conn, |conn| {
        let l = load(conn, &course.to_string())?;
        let person = PersonRow::find(conn, input.person_id)?
            .filter(|p| p.anonymised_at.is_none())
            .ok_or_else(|| ApiError::field("person_id", Msg::NotFound))?;
        let organisation = match input.organisation_id {
            None => None,
            Some(o) => {
                let o = o.to_string();
                if crate::partners::store::find_affiliation(conn, &o, &person.id)?.is_none() {
                    return Err(ApiError::field("organisation_id", Msg::NotAffiliated));
                }
                Some(o)
            }
        };
        let row = register_in(
            conn,
            &l,
            &person,
            organisation,
            TraineeSource::Staff,
            by,
            actor,
        )?;
        one(conn, &l, &row.id)
    })
}

/// The trainee `id` of the loaded course as the course page shows them.
pub fn one(conn: &mut DbConnection, l: &Loaded, id: &str) -> Result<Trainee, ApiError> {
    let want = stored_id(id)?;
    views(conn, l, None, None)?
        .into_iter()
        .find(|t| t.id == want)
        .ok_or(ApiError::NotFound)
}

/// Withdraws a trainee: every seat they hold or wait for is freed (the next person waiting is
/// promoted, in each session); attendance already taken stays. `organisation`: a partner may
/// withdraw its own registrations only (another's answers not found). Call inside a write
/// transaction.
pub fn withdraw_in(
    conn: &mut DbConnection,
    l: &Loaded,
    trainee: &str,
    organisation: Option<&str>,
    actor: &Actor,
) -> Result<TraineeRow, ApiError> {
    let t = TraineeRow::get(conn, trainee)?
        .filter(|t| t.course_id == l.course.id)
        .filter(|t| organisation.is_none() || t.organisation_id.as_deref() == organisation)
        .ok_or(ApiError::NotFound)?;
    if t.cancelled_at.is_some() {
        return Ok(t);
    }
    for s in l.held() {
        activities::lock_activity(conn, &s.activity_id)?;
        if let Some(r) = RegistrationRow::find(conn, &s.activity_id, &t.person_id)? {
            if matches!(
                r.status,
                RegistrationStatus::Registered | RegistrationStatus::Waitlisted
            ) {
                let activity = ActivityRow::get(conn, &s.activity_id)?;
                activities::change_status_in(
                    conn,
                    &activity,
                    &r,
                    RegistrationStatus::Cancelled,
                    actor,
                )?;
            }
        }
    }
    one_promotion_notice(conn, l)?;
    let now = crate::db::now();
    TraineeRow::set_cancelled(conn, &t.id, Some(now), now)?;
    audit_event(
        conn,
        actor,
        AuditAction::TrainingWithdrawn,
        "training_registration",
        &t.id,
        json!({ "course": l.course.id, "person": t.person_id }),
    )?;
    Ok(TraineeRow {
        cancelled_at: Some(now),
        updated_at: now,
        ..t
    })
}

/// One "a place is yours" notice per person and course: a withdrawal frees a seat in every
/// session, and the waiting list promotes the same person in each; the notice of their
/// earliest session stays (it gives the course's title and first date), the others are
/// withdrawn before anyone hears of them.
fn one_promotion_notice(conn: &mut DbConnection, l: &Loaded) -> Result<(), ApiError> {
    let sessions: Vec<String> = l.sessions.iter().map(|s| s.activity_id.clone()).collect();
    let order = |activity: &str| sessions.iter().position(|s| s == activity);
    let mut by_person: HashMap<String, Vec<(Option<usize>, String)>> = HashMap::new();
    for n in notifications::open_on(conn, NotificationKind::Promoted, &sessions)? {
        if let Some(r) = n.registration_id {
            by_person
                .entry(n.person_id)
                .or_default()
                .push((order(&n.activity_id), r));
        }
    }
    let mut extra = Vec::new();
    for mut notices in by_person.into_values() {
        notices.sort();
        extra.extend(notices.into_iter().skip(1).map(|(_, r)| r));
    }
    if !extra.is_empty() {
        notifications::withdraw(conn, NotificationKind::Promoted, &extra)?;
    }
    Ok(())
}

pub fn withdraw(
    conn: &mut DbConnection,
    course: Uuid,
    trainee: Uuid,
    actor: &Actor,
) -> Result<Trainee, ApiError> {
    write_transaction(conn, |conn| {
        let l = load(conn, &course.to_string())?;
        let t = withdraw_in(conn, &l, &trainee.to_string(), None, actor)?;
        one(conn, &l, &t.id)
    })
}

/// Records attendance marks (`attended`, `absent`, `excused`) for trainees of the course's
/// sessions, all or none. Returns the trainees with their completion.
pub fn mark(
    conn: &mut DbConnection,
    course: Uuid,
    input: &AttendanceInput,
    actor: &Actor,
) -> Result<Vec<Trainee>, ApiError> {
    write_transaction(conn, |conn| mark_in(conn, course, input, actor))
}

/// [`mark`] inside the caller's write transaction (the demo loader).
pub fn mark_in(
    conn: &mut DbConnection,
    course: Uuid,
    input: &AttendanceInput,
    actor: &Actor,
) -> Result<Vec<Trainee>, ApiError> {
    let l = load(conn, &course.to_string())?;
    let trainees: Vec<String> = TraineeRow::of_course(conn, &l.course.id)?
        .into_iter()
        .filter(|t| t.cancelled_at.is_none())
        .map(|t| t.person_id)
        .collect();
    let now = crate::db::now();
    let mut v = crate::error::Validator::new();
    let mut todo = Vec::new();
    for (i, m) in input.marks.iter().enumerate() {
        let session = m.session_id.to_string();
        let Some(held) = l.held().find(|s| s.activity_id == session) else {
            v.add(&format!("marks.{i}.session_id"), Msg::NotFound);
            continue;
        };
        // Nobody can have come yet (the phone sheet opens at the start, too).
        if held.starts_at > now {
            v.add(&format!("marks.{i}.session_id"), Msg::SessionNotStarted);
            continue;
        }
        let person = m.person_id.to_string();
        if !trainees.contains(&person) {
            v.add(&format!("marks.{i}.person_id"), Msg::NotFound);
            continue;
        }
        if !matches!(
            m.status,
            RegistrationStatus::Attended | RegistrationStatus::Absent | RegistrationStatus::Excused
        ) {
            v.add(&format!("marks.{i}.status"), Msg::InvalidValue);
            continue;
        }
        todo.push((i, session, person, m.status));
    }
    v.finish()?;
    for (i, session, person, status) in todo {
        activities::lock_activity(conn, &session)?;
        let activity = ActivityRow::get(conn, &session)?;
        let Some(r) = RegistrationRow::find(conn, &session, &person)? else {
            return Err(ApiError::field(
                &format!("marks.{i}.person_id"),
                Msg::NotFound,
            ));
        };
        if r.status == status {
            continue;
        }
        // A person still waiting for a seat who came anyway is recorded as there.
        if !crate::activities::domain::may_change(r.status, status) {
            return Err(ApiError::field(
                &format!("marks.{i}.status"),
                Msg::InvalidValue,
            ));
        }
        activities::change_status_in(conn, &activity, &r, status, actor)?;
    }
    audit_event(
        conn,
        actor,
        AuditAction::TrainingAttendance,
        "training_course",
        &l.course.id,
        json!({ "marks": input.marks.len() }),
    )?;
    views(conn, &l, None, None)
}
