//! Throttling counters kept in the database (`throttle_events`), shared by every server process
//! on one PostgreSQL database: a limit holds for the whole deployment, not per process.
//!
//! One row per counted event, under the SHA-256 of its key (an address, an account, both): no
//! address or e-mail is readable in the table. A check-and-count for one key runs in a
//! transaction holding a PostgreSQL advisory lock on that key, so two instances cannot both
//! take the last place. Cost: a sign-in attempt makes two or three short queries (the
//! password check itself takes tens of milliseconds), an accepted public form one
//! transaction of three statements; expired rows are removed by the housekeeping round.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::dsl::{count_star, max, min};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::db::schema::throttle_events as te;
use crate::db::DbConnection;

/// The stored form of a counter's key.
pub fn key_hash(bucket: &str, key: &str) -> String {
    let digest = Sha256::digest(format!("{bucket}\n{key}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The events of a key since `since`: how many, the oldest and the newest.
#[derive(Debug, Clone, Copy, Default)]
pub struct Window {
    pub count: i64,
    pub oldest: Option<NaiveDateTime>,
    pub newest: Option<NaiveDateTime>,
}

pub fn window(
    conn: &mut DbConnection,
    bucket: &str,
    hash: &str,
    since: NaiveDateTime,
) -> QueryResult<Window> {
    let (count, oldest, newest) = te::table
        .filter(te::bucket.eq(bucket))
        .filter(te::key_hash.eq(hash))
        .filter(te::at.gt(since))
        .select((count_star(), min(te::at), max(te::at)))
        .first::<(i64, Option<NaiveDateTime>, Option<NaiveDateTime>)>(conn)?;
    Ok(Window {
        count,
        oldest,
        newest,
    })
}

/// Counts one event at `at`, kept for `keep`; returns its id.
pub fn record(
    conn: &mut DbConnection,
    bucket: &str,
    hash: &str,
    at: NaiveDateTime,
    keep: Duration,
) -> QueryResult<String> {
    let id = uuid::Uuid::now_v7().to_string();
    let expires = at + chrono::Duration::from_std(keep).unwrap_or(chrono::Duration::days(1));
    diesel::insert_into(te::table)
        .values((
            te::id.eq(&id),
            te::bucket.eq(bucket),
            te::key_hash.eq(hash),
            te::at.eq(at),
            te::expires_at.eq(expires),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Takes one counted event back.
pub fn remove(conn: &mut DbConnection, id: &str) -> QueryResult<usize> {
    diesel::delete(te::table.find(id)).execute(conn)
}

/// Forgets every event of a key.
pub fn reset(conn: &mut DbConnection, bucket: &str, hash: &str) -> QueryResult<usize> {
    diesel::delete(
        te::table
            .filter(te::bucket.eq(bucket))
            .filter(te::key_hash.eq(hash)),
    )
    .execute(conn)
}

/// Removes the events past their keeping time (housekeeping).
pub fn purge_expired(conn: &mut DbConnection) -> QueryResult<usize> {
    diesel::delete(te::table.filter(te::expires_at.lt(crate::db::now()))).execute(conn)
}

/// On PostgreSQL, serialises the transactions that count under one key (until the end of the
/// current transaction); on SQLite the write transaction already does.
pub fn lock_key(conn: &mut DbConnection, hash: &str) -> QueryResult<()> {
    crate::db::lock::xact_lock(conn, hash)
}
