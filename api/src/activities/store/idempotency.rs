//! Answers kept for an `Idempotency-Key`, so a retried write is answered, not repeated.

use diesel::prelude::*;

use crate::db::schema::idempotency_keys;
use crate::db::DbConnection;

/// An answer kept for an `Idempotency-Key`.
#[derive(Debug, Queryable)]
pub struct StoredAnswer {
    pub status: i32,
    pub body: String,
    /// Fingerprint of the request it answered (empty for keys stored before it was kept).
    pub request_hash: String,
}

/// A stored response for an `Idempotency-Key`, if one was recorded in the last 24 hours.
pub fn idempotent_response(
    conn: &mut DbConnection,
    scope: &str,
    key: &str,
) -> QueryResult<Option<StoredAnswer>> {
    let cutoff = crate::db::now() - chrono::Duration::hours(24);
    idempotency_keys::table
        .filter(idempotency_keys::scope.eq(scope))
        .filter(idempotency_keys::key.eq(key))
        .filter(idempotency_keys::created_at.ge(cutoff))
        .select((
            idempotency_keys::status,
            idempotency_keys::body,
            idempotency_keys::request_hash,
        ))
        .first(conn)
        .optional()
}

pub fn store_idempotent_response(
    conn: &mut DbConnection,
    scope: &str,
    key: &str,
    request_hash: &str,
    status: i32,
    body: &str,
) -> QueryResult<()> {
    diesel::delete(
        idempotency_keys::table
            .filter(idempotency_keys::scope.eq(scope))
            .filter(idempotency_keys::key.eq(key)),
    )
    .execute(conn)?;
    diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::key.eq(key),
            idempotency_keys::scope.eq(scope),
            idempotency_keys::status.eq(status),
            idempotency_keys::body.eq(body),
            idempotency_keys::request_hash.eq(request_hash),
            idempotency_keys::created_at.eq(crate::db::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Drops idempotency records older than a day (housekeeping at start-up).
pub fn purge_idempotency(conn: &mut DbConnection) -> QueryResult<usize> {
    let cutoff = crate::db::now() - chrono::Duration::hours(24);
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(cutoff)))
        .execute(conn)
}
