//! Outbox tables shared by several server processes: a sender claims the rows it is about to
//! deliver for a lease, so that N senders on one database deliver each row once, and a sender
//! killed mid-batch leaves its rows to another once the lease has run out (at-least-once).
//!
//! A queue table has `id`, `next_attempt_at`, `claimed_by` and `lease_until` columns. On
//! PostgreSQL the claim is one `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`:
//! concurrent senders skip each other's rows instead of waiting for them. On SQLite the same
//! `UPDATE` without the locking clause suffices: the database has a single writer at a time
//! (one process, and the file's write lock), so two claims never interleave.

use std::time::Duration;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};

use crate::db::DbConnection;

/// An outbox table and the condition of its rows that wait for delivery (constant SQL).
#[derive(Debug, Clone, Copy)]
pub struct Queue {
    pub table: &'static str,
    pub waiting: &'static str,
}

#[derive(QueryableByName)]
struct Claimed {
    #[diesel(sql_type = Text)]
    id: String,
}

/// Claims up to `limit` due rows of `queue` for `by` until now + `lease`, oldest first, skipping
/// rows another sender holds a live lease on. Returns the ids claimed.
pub fn claim(
    conn: &mut DbConnection,
    queue: Queue,
    by: &str,
    lease: Duration,
    limit: i64,
) -> QueryResult<Vec<String>> {
    let now = crate::db::now();
    let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::minutes(2));
    let (p, lock) = match conn {
        DbConnection::Postgres(_) => ('$', " FOR UPDATE SKIP LOCKED"),
        DbConnection::Sqlite(_) => ('?', ""),
    };
    let Queue { table, waiting } = queue;
    let sql = format!(
        "UPDATE {table} SET claimed_by = {p}1, lease_until = {p}2 WHERE id IN (\
         SELECT id FROM {table} WHERE {waiting} AND next_attempt_at <= {p}3 \
         AND (lease_until IS NULL OR lease_until <= {p}3) \
         ORDER BY next_attempt_at, id LIMIT {p}4{lock}) RETURNING id"
    );
    let query = diesel::sql_query(sql)
        .bind::<Text, _>(by)
        .bind::<Timestamp, _>(until)
        .bind::<Timestamp, _>(now)
        .bind::<BigInt, _>(limit);
    let rows: Vec<Claimed> = match conn {
        DbConnection::Postgres(pg) => query.load(pg)?,
        DbConnection::Sqlite(sqlite) => query.load(sqlite)?,
    };
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// An id for this process's sender, unique among the processes sharing the database.
pub fn sender_id() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_default();
    let nonce = uuid::Uuid::new_v4().simple().to_string();
    format!("{host}:{}:{}", std::process::id(), &nonce[..8])
}
