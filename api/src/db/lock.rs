//! Periodic jobs run by one server process at a time, and about once per period across all the
//! processes that share the database.
//!
//! On PostgreSQL a job runs in a transaction holding the advisory lock
//! `pg_try_advisory_xact_lock(key)`: a second process that ticks meanwhile does not wait, it
//! skips the round; the lock ends with the transaction (also when the process dies). The job's
//! last run is kept in `periodic_jobs`, so the other processes skip it until half a period has
//! passed. On SQLite (one process) the write transaction alone serialises the rounds.

use std::time::Duration;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool};

use crate::db::schema::periodic_jobs;
use crate::db::{write_transaction, DbConnection};
use crate::error::ApiError;

/// The advisory-lock key of a job: a stable 64-bit hash (FNV-1a) of its name.
pub fn key(job: &str) -> i64 {
    let hash = job.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    i64::from_ne_bytes(hash.to_ne_bytes())
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = Bool)]
    locked: bool,
}

/// Whether this transaction got the job's advisory lock (always true on SQLite).
fn try_lock(conn: &mut DbConnection, job: &str) -> QueryResult<bool> {
    let DbConnection::Postgres(pg) = conn else {
        return Ok(true);
    };
    let row: Locked = diesel::sql_query("SELECT pg_try_advisory_xact_lock($1) AS locked")
        .bind::<BigInt, _>(key(job))
        .get_result(pg)?;
    Ok(row.locked)
}

/// On PostgreSQL, waits for the advisory lock of `name` (a short critical section across the
/// server processes, such as a check-and-count on one throttling key), held until the end of
/// the current transaction. Nothing on SQLite: a write transaction holds the database's lock.
pub fn xact_lock(conn: &mut DbConnection, name: &str) -> QueryResult<()> {
    if let DbConnection::Postgres(pg) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock($1)")
            .bind::<BigInt, _>(key(name))
            .execute(pg)?;
    }
    Ok(())
}

/// Runs `f` as the job `job` if no other process is running it and it did not run in the
/// last half `period`; `None` when skipped. `f` runs in the job's transaction.
pub fn run_periodic<T>(
    conn: &mut DbConnection,
    job: &str,
    period: Duration,
    f: impl FnOnce(&mut DbConnection) -> Result<T, ApiError>,
) -> Result<Option<T>, ApiError> {
    write_transaction(conn, |conn| {
        if !try_lock(conn, job)? {
            return Ok(None);
        }
        let now = crate::db::now();
        let last: Option<chrono::NaiveDateTime> = periodic_jobs::table
            .find(job)
            .select(periodic_jobs::last_run_at)
            .first(conn)
            .optional()?;
        let half = chrono::Duration::from_std(period / 2).unwrap_or(chrono::Duration::zero());
        if last.is_some_and(|at| at > now - half) {
            return Ok(None);
        }
        let out = f(conn)?;
        let n = diesel::update(periodic_jobs::table.find(job))
            .set(periodic_jobs::last_run_at.eq(now))
            .execute(conn)?;
        if n == 0 {
            diesel::insert_into(periodic_jobs::table)
                .values((
                    periodic_jobs::name.eq(job),
                    periodic_jobs::last_run_at.eq(now),
                ))
                .execute(conn)?;
        }
        Ok(Some(out))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_distinct() {
        assert_eq!(key("housekeeping"), key("housekeeping"));
        assert_ne!(key("housekeeping"), key("follow-ups"));
    }
}
