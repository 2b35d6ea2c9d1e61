//! Registrations: seats and the waiting list, promotion into freed seats, cancellation
//! notices, attendance, and idempotent retries of a registration.

use serde_json::json;
use shared::activities::{
    ActivityStatus, RegistrationInput, RegistrationSource, RegistrationStatus,
};
use shared::notifications::NotificationKind;
use shared::people::Category;
use uuid::Uuid;

use super::{load_managed, lock_activity};
use crate::activities::domain::{self as activity, Seats};
use crate::activities::dto::registration_dto;
use crate::activities::store::{self as store, ActivityRow, RegistrationRow};
use crate::audit::audit_event as record;
use crate::audit::Actor;
use crate::audit::AuditAction;
use crate::db::{write_transaction, DbConnection};
use crate::error::ApiError;
use crate::http::auth::{AuthUser, Permission};
use crate::i18n::Msg;
use crate::notify::store as notifications;
use crate::people::store::PersonRow;

/// A registration with the person's name and, while waiting, their place in the queue.
#[derive(Debug, Clone)]
pub struct RegistrationView {
    pub row: RegistrationRow,
    pub name: String,
    pub position: Option<u32>,
}

/// A retried request is recognised by its key within its scope (the user and the path).
#[derive(Debug, Clone)]
pub struct Idempotency {
    pub scope: String,
    pub key: String,
}

/// Registrations of an activity the user manages, in waiting-list order.
pub fn list_registrations(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<Vec<RegistrationView>, ApiError> {
    load_managed(conn, user, id)?;
    let rows = RegistrationRow::for_activity(conn, id)?;
    let ids: Vec<String> = rows.iter().map(|r| r.person_id.clone()).collect();
    let names = crate::people::store::names(conn, &ids)?;
    let positions = with_positions(&rows);
    Ok(rows
        .into_iter()
        .zip(positions)
        .map(|(row, position)| RegistrationView {
            name: names.get(&row.person_id).cloned().unwrap_or_default(),
            row,
            position,
        })
        .collect())
}

/// Staff register a person (a walk-in is recorded as attended). The answer is kept under the
/// idempotency key, if any, so that a retry within 24 hours returns it instead of registering
/// again. Returns the HTTP status and JSON body to send.
///
/// The rule (README, roles): coordinators and admins register anyone; a coach in charge of the
/// activity registers only the people they accompany (anyone else is answered like an unknown
/// id, as `GET /people/{id}` would). Staff record `staff` or `walk_in`, never `public`; a
/// walk-in from an hour before the start on.
pub fn add_registration(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    input: &RegistrationInput,
    retry: Option<&Idempotency>,
    actor: &Actor,
) -> Result<(i32, String), ApiError> {
    write_transaction(conn, |conn| {
        lock_activity(conn, id)?;
        // The request's fingerprint: its parsed body, so spacing or key order do not matter.
        let request_hash = crate::accounts::tokens::hash(
            &serde_json::to_string(input).map_err(|e| anyhow::anyhow!("{e}"))?,
        );
        if let Some(k) = retry {
            if let Some(answer) = store::idempotent_response(conn, &k.scope, &k.key)? {
                // The same key with another body is a client's mistake, not a retry: replaying
                // the first answer would report a registration that was not asked for.
                if !answer.request_hash.is_empty() && answer.request_hash != request_hash {
                    return Err(ApiError::field(
                        "Idempotency-Key",
                        Msg::IdempotencyKeyReused,
                    ));
                }
                return Ok((answer.status, answer.body));
            }
        }
        let rec = load_managed(conn, user, id)?;
        let person = PersonRow::find(conn, input.person_id)?
            .filter(|p| p.anonymised_at.is_none())
            .ok_or_else(|| ApiError::field("person_id", Msg::NotFound))?;
        if !Permission::WriteActivities.allowed(user.role)
            && !crate::people::store::is_coached_by(conn, &person.id, &user.id.to_string())?
        {
            return Err(ApiError::field("person_id", Msg::NotFound));
        }
        let source = input.source.unwrap_or(RegistrationSource::Staff);
        match source {
            RegistrationSource::Public => {
                return Err(ApiError::field("source", Msg::SourceNotForStaff));
            }
            RegistrationSource::WalkIn
                if !activity::walk_in_open(rec.row.starts_at, crate::db::now()) =>
            {
                return Err(ApiError::field("source", Msg::WalkInTooEarly));
            }
            _ => {}
        }
        let row = register(conn, id, &person, source, Some(user.id.to_string()), actor)?;
        let name = crate::people::domain::display_name(
            &person.first_name,
            person.last_name.as_deref(),
            person.preferred_name.as_deref(),
        );
        let position = position_of(conn, id, &row.id)?;
        let body = serde_json::to_string(&registration_dto(&row, &name, position)?)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        if let Some(k) = retry {
            store::store_idempotent_response(conn, &k.scope, &k.key, &request_hash, 201, &body)?;
        }
        Ok((201, body))
    })
}

/// Cancels a registration (the first eligible person waiting is promoted) or records
/// attendance. Returns the registration and whether notices were queued.
pub fn set_registration_status(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    rid: &str,
    to: RegistrationStatus,
    actor: &Actor,
) -> Result<(RegistrationView, bool), ApiError> {
    write_transaction(conn, |conn| {
        lock_activity(conn, id)?;
        let rec = load_managed(conn, user, id)?;
        let r = RegistrationRow::for_activity(conn, id)?
            .into_iter()
            .find(|r| r.id == rid)
            .ok_or(ApiError::NotFound)?;
        let queued = change_status_in(conn, &rec.row, &r, to, actor)?;
        let regs = RegistrationRow::for_activity(conn, id)?;
        let position = regs
            .iter()
            .zip(with_positions(&regs))
            .find(|(x, _)| x.id == rid)
            .and_then(|(_, p)| p);
        let row = regs
            .into_iter()
            .find(|x| x.id == rid)
            .ok_or(ApiError::NotFound)?;
        let names = crate::people::store::names(conn, std::slice::from_ref(&row.person_id))?;
        let name = names.get(&row.person_id).cloned().unwrap_or_default();
        Ok((
            RegistrationView {
                row,
                name,
                position,
            },
            queued,
        ))
    })
}

/// Cancels a registration (promoting whoever waits into the freed seat) or records
/// attendance, inside the caller's write transaction and under the activity's lock. Returns
/// whether promotion notices were queued. A change the registration cannot make (a waiting
/// person marked present...) is a conflict on `status`.
pub fn change_status_in(
    conn: &mut DbConnection,
    activity: &ActivityRow,
    r: &RegistrationRow,
    to: RegistrationStatus,
    actor: &Actor,
) -> Result<bool, ApiError> {
    use RegistrationStatus::*;
    let from = r.status;
    if !activity::may_change(from, to) {
        return Err(ApiError::Conflict {
            msg: Msg::InvalidValue,
            field: Some("status"),
        });
    }
    RegistrationRow::set_status(conn, &r.id, to, false)?;
    record(
        conn,
        actor,
        AuditAction::RegistrationStatus,
        "registration",
        &r.id,
        json!({ "from": from, "to": to }),
    )?;
    if to == Cancelled {
        // Someone promoted who then says no: the seat news is no longer true, and there is
        // nothing to remind them of.
        for kind in [NotificationKind::Promoted, NotificationKind::Reminder] {
            notifications::withdraw(conn, kind, std::slice::from_ref(&r.id))?;
        }
    }
    let queued =
        to == Cancelled && from.holds_place() && !promote(conn, activity, actor)?.is_empty();
    ActivityRow::touch(conn, &activity.id)?;
    Ok(queued)
}

/// The waiting-list position of one registration, if it waits.
fn position_of(
    conn: &mut DbConnection,
    activity_id: &str,
    registration_id: &str,
) -> Result<Option<u32>, ApiError> {
    let regs = RegistrationRow::for_activity(conn, activity_id)?;
    Ok(regs
        .iter()
        .zip(with_positions(&regs))
        .find(|(r, _)| r.id == registration_id)
        .and_then(|(_, p)| p))
}

fn with_positions(rows: &[RegistrationRow]) -> Vec<Option<u32>> {
    let mut n = 0;
    rows.iter()
        .map(|r| {
            (r.status == RegistrationStatus::Waitlisted).then(|| {
                n += 1;
                n
            })
        })
        .collect()
}

/// Promotes waiting people into freed seats (first come, first served, respecting the mix
/// targets). Call inside the activity's write transaction.
pub fn promote(
    conn: &mut DbConnection,
    activity: &ActivityRow,
    actor: &Actor,
) -> Result<Vec<String>, ApiError> {
    let regs = RegistrationRow::for_activity(conn, &activity.id)?;
    let mut seats = Seats::default();
    for r in regs.iter().filter(|r| r.status.holds_place()) {
        seats.taken += 1;
        match r.category {
            Some(Category::Newcomer) => seats.newcomers += 1,
            Some(Category::Local) => seats.locals += 1,
            None => {}
        }
    }
    let queue: Vec<&RegistrationRow> = regs
        .iter()
        .filter(|r| r.status == RegistrationStatus::Waitlisted)
        .collect();
    let cats: Vec<Option<Category>> = queue.iter().map(|r| r.category).collect();
    let mut promoted = Vec::new();
    for i in activity::promotions(&activity.rules(), seats, &cats) {
        let r = queue[i];
        RegistrationRow::set_status(conn, &r.id, RegistrationStatus::Registered, true)?;
        // The person must hear about it: queued in this transaction, so a promotion is never
        // accepted without its notice.
        let notice = notifications::enqueue(
            conn,
            NotificationKind::Promoted,
            &activity.id,
            &r.id,
            &r.person_id,
        )?;
        record(
            conn,
            actor,
            AuditAction::RegistrationPromoted,
            "registration",
            &r.id,
            json!({ "activity": activity.id, "notification": notice }),
        )?;
        promoted.push(r.id.clone());
    }
    Ok(promoted)
}

/// Tells everyone registered or waiting that the activity is cancelled (one notice each, queued
/// in the cancellation's transaction). Returns the notices' ids.
pub fn notify_cancellation(
    conn: &mut DbConnection,
    activity_id: &str,
    actor: &Actor,
) -> Result<Vec<String>, ApiError> {
    let regs: Vec<RegistrationRow> = RegistrationRow::for_activity(conn, activity_id)?
        .into_iter()
        .filter(|r| {
            matches!(
                r.status,
                RegistrationStatus::Registered | RegistrationStatus::Waitlisted
            )
        })
        .collect();
    let ids: Vec<String> = regs.iter().map(|r| r.id.clone()).collect();
    // A seat offered in an activity that will not take place is no news any more.
    notifications::withdraw(conn, NotificationKind::Promoted, &ids)?;
    notifications::withdraw(conn, NotificationKind::Reminder, &ids)?;
    let mut out = Vec::new();
    for r in &regs {
        out.push(notifications::enqueue(
            conn,
            NotificationKind::ActivityCancelled,
            activity_id,
            &r.id,
            &r.person_id,
        )?);
    }
    if !out.is_empty() {
        record(
            conn,
            actor,
            AuditAction::NotificationQueued,
            "activity",
            activity_id,
            json!({ "kind": NotificationKind::ActivityCancelled, "count": out.len() }),
        )?;
    }
    Ok(out)
}

/// Whether someone of `category` registering now gets a seat or waits (call under the
/// activity's lock).
pub fn seat_answer(
    conn: &mut DbConnection,
    activity: &ActivityRow,
    category: Option<Category>,
) -> Result<RegistrationStatus, ApiError> {
    let counts = store::counts(conn, std::slice::from_ref(&activity.id))?
        .remove(&activity.id)
        .unwrap_or_default();
    let seats = Seats {
        taken: counts.registered + counts.attended,
        newcomers: counts.newcomers,
        locals: counts.locals,
    };
    Ok(activity::admit(&activity.rules(), &seats, category))
}

/// Registers a person (or re-registers after a cancellation) under the activity's lock.
pub fn register(
    conn: &mut DbConnection,
    activity_id: &str,
    person: &PersonRow,
    source: RegistrationSource,
    by: Option<String>,
    actor: &Actor,
) -> Result<RegistrationRow, ApiError> {
    lock_activity(conn, activity_id)?;
    let activity = ActivityRow::get(conn, activity_id)?;
    if activity.status == ActivityStatus::Cancelled {
        return Err(ApiError::Conflict {
            msg: Msg::InvalidValue,
            field: Some("activity"),
        });
    }
    let existing = RegistrationRow::find(conn, activity_id, &person.id)?;
    if let Some(e) = &existing {
        if e.status != RegistrationStatus::Cancelled {
            return Err(ApiError::Conflict {
                msg: Msg::DuplicateEntry,
                field: Some("person_id"),
            });
        }
    }
    let category = person.category();
    // Someone added at the door is there: recorded as attended whatever the capacity.
    let status = if source == RegistrationSource::WalkIn {
        RegistrationStatus::Attended
    } else {
        seat_answer(conn, &activity, category)?
    };
    let now = crate::db::now();
    let row = match existing {
        Some(e) => {
            RegistrationRow::requeue(conn, &e.id, status, category)?;
            RegistrationRow {
                status,
                category,
                queued_at: now,
                promoted_at: None,
                updated_at: now,
                ..e
            }
        }
        None => {
            let row = RegistrationRow {
                id: Uuid::now_v7().to_string(),
                activity_id: activity.id.clone(),
                person_id: person.id.clone(),
                category,
                status,
                source,
                queued_at: now,
                registered_by: by,
                promoted_at: None,
                created_at: now,
                updated_at: now,
            };
            row.insert(conn)?;
            row
        }
    };
    ActivityRow::touch(conn, &activity.id)?;
    crate::people::store::touch(conn, &person.id)?;
    if let Some((programme, role)) = activity::membership_for(activity.programme) {
        crate::people::store::take_part(conn, &person.id, programme, role, true)?;
    }
    record(
        conn,
        actor,
        AuditAction::RegistrationCreated,
        "registration",
        &row.id,
        json!({ "activity": activity.id, "person": person.id, "status": row.status, "source": row.source }),
    )?;
    Ok(row)
}
