//! Reminders of training sessions: the day before each session, every trainee holding a seat
//! gets one notice through the notification outbox (an email with the session's calendar
//! event when they have an address, otherwise a notice staff pass on). A periodic job queues
//! them, one process at a time (`db::lock`); each (seat, reminder) pair is queued once.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::json;
use shared::activities::RegistrationStatus;
use shared::notifications::NotificationKind;

use crate::audit::{audit_event, Actor, AuditAction};
use crate::db::{stored_id, DbConnection};
use crate::error::ApiError;
use crate::notify::store as notifications;
use crate::people::store::PersonRow;
use crate::trainings::domain::reminder_window;
use crate::trainings::store::{self, TraineeRow};

/// The name of the job (its advisory-lock key and its row in `periodic_jobs`).
pub const JOB: &str = "training_reminders";

/// Queues the reminders due at `now` (sessions starting tomorrow in Brussels, from 10:00 the
/// day before) that were never queued. Call inside a write transaction. Returns how many.
pub fn queue_due(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let Some((from, to)) = reminder_window(now) else {
        return Ok(0);
    };
    let system = Actor {
        user_id: None,
        ip: None,
        request_id: None,
    };
    let mut queued = 0;
    for (course, session) in store::sessions_starting(conn, from.naive_utc(), to.naive_utc())? {
        let trainees: Vec<String> = TraineeRow::of_course(conn, &course)?
            .into_iter()
            .filter(|t| t.cancelled_at.is_none())
            .map(|t| t.person_id)
            .collect();
        let mut here = 0;
        for (registration, _, person, status) in
            store::session_registrations(conn, std::slice::from_ref(&session))?
        {
            if status != RegistrationStatus::Registered || !trainees.contains(&person) {
                continue;
            }
            // Anonymised: nobody to remind.
            if PersonRow::find(conn, stored_id(&person)?)?.is_none_or(|p| p.anonymised_at.is_some())
            {
                continue;
            }
            if notifications::enqueue_once(
                conn,
                NotificationKind::Reminder,
                &session,
                &registration,
                &person,
            )?
            .is_some()
            {
                here += 1;
            }
        }
        if here > 0 {
            audit_event(
                conn,
                &system,
                AuditAction::NotificationQueued,
                "activity",
                &session,
                json!({ "kind": NotificationKind::Reminder, "count": here, "course": course }),
            )?;
        }
        queued += here;
    }
    Ok(queued)
}

/// One round for the whole deployment at `now`: `None` when another process is running it or
/// ran it less than half of `every` ago.
pub fn round(
    conn: &mut DbConnection,
    every: Duration,
    now: DateTime<Utc>,
) -> Result<Option<usize>, ApiError> {
    crate::db::lock::run_periodic(conn, JOB, every, |conn| queue_due(conn, now))
}
