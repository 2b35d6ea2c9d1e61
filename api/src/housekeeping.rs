//! Periodic clean-up while the server runs (also once at start-up): answers kept for retried
//! requests expire after a day (they quote people), and so do sessions that expired a day ago.

use std::time::Duration;

use crate::db::{Db, DbConnection};
use crate::error::ApiError;

/// One round: drops expired idempotency answers and refresh tokens; returns how many of each.
pub fn sweep(conn: &mut DbConnection) -> Result<(usize, usize), ApiError> {
    let answers = crate::activities::store::purge_idempotency(conn)?;
    let sessions = crate::accounts::store::refresh_tokens::RefreshTokenRow::purge_expired(conn)?;
    Ok((answers, sessions))
}

/// Runs [`sweep`] every `every` until the server stops.
pub async fn run(db: Db, every: Duration) {
    let mut ticks = tokio::time::interval(every.max(Duration::from_millis(10)));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // The first tick is immediate; start-up has just swept.
    ticks.tick().await;
    loop {
        ticks.tick().await;
        match db.run(sweep).await {
            Ok((0, 0)) => {}
            Ok((answers, sessions)) => {
                tracing::info!(
                    answers,
                    sessions,
                    "expired idempotency answers and sessions removed"
                );
            }
            Err(error) => tracing::warn!(%error, "housekeeping round failed"),
        }
    }
}
