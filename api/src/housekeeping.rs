//! Periodic clean-up while the server runs (also once at start-up): answers kept for retried
//! requests expire after a day (they quote people), and so do sessions that expired a day ago.
//! With several server processes on one database the round runs under the job lock of
//! `db::lock` (a PostgreSQL advisory lock): one process at a time, about once per period. The
//! training reminders are queued on the same beat, under their own job lock.

use std::time::Duration;

use crate::db::{Db, DbConnection};
use crate::error::ApiError;

/// One round: drops expired idempotency answers and refresh tokens (and throttling counts past
/// their window); returns how many answers and sessions.
pub fn sweep(conn: &mut DbConnection) -> Result<(usize, usize), ApiError> {
    crate::http::shared_counter::purge_expired(conn)?;
    let answers = crate::activities::store::purge_idempotency(conn)?;
    let sessions = crate::accounts::store::refresh_tokens::RefreshTokenRow::purge_expired(conn)?;
    Ok((answers, sessions))
}

/// The name of the job (its advisory-lock key and its row in `periodic_jobs`).
pub const JOB: &str = "housekeeping";

/// One round for the whole deployment: `None` when another process is running it or ran it
/// less than half of `every` ago.
pub fn round(conn: &mut DbConnection, every: Duration) -> Result<Option<(usize, usize)>, ApiError> {
    crate::db::lock::run_periodic(conn, JOB, every, sweep)
}

/// Runs [`round`] every `every` until the server stops, and with it the round of training
/// reminders (`trainings::service::reminders`, its own job lock; due from 10:00 the day
/// before a session, so a round an hour late still sends them the day before).
pub async fn run(db: Db, every: Duration) {
    let mut ticks = tokio::time::interval(every.max(Duration::from_millis(10)));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // The first tick is immediate; start-up has just swept.
    ticks.tick().await;
    loop {
        ticks.tick().await;
        match db.run(move |conn| round(conn, every)).await {
            Ok(None | Some((0, 0))) => {}
            Ok(Some((answers, sessions))) => {
                tracing::info!(
                    answers,
                    sessions,
                    "expired idempotency answers and sessions removed"
                );
            }
            Err(error) => tracing::warn!(%error, "housekeeping round failed"),
        }
        let now = chrono::Utc::now();
        match db
            .run(move |conn| crate::trainings::service::reminders::round(conn, every, now))
            .await
        {
            Ok(None | Some(0)) => {}
            Ok(Some(queued)) => tracing::info!(queued, "training reminders queued"),
            Err(error) => tracing::warn!(%error, "training reminders round failed"),
        }
    }
}
