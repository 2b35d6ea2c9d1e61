//! Password links: a reset or an invitation, single use and short-lived, stored as the hash of
//! their token; the token itself stays only until its email is sent.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::notifications::NotificationStatus;
use shared::users::PasswordLinkPurpose;

use crate::db::schema::password_links as pl;
use crate::db::DbConnection;

/// Deliveries tried before the email is given up (the link is then dropped).
pub const MAX_ATTEMPTS: i32 = 5;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = pl)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct PasswordLinkRow {
    pub id: String,
    pub user_id: String,
    pub purpose: PasswordLinkPurpose,
    pub token_hash: String,
    /// The token until its email is sent; never stored when the link is handed to an admin.
    pub token: Option<String>,
    pub lang: String,
    /// `pending` (to email), `sent`, `failed` (given up), `done` (handed to an administrator).
    pub status: NotificationStatus,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_by: Option<String>,
    pub lease_until: Option<NaiveDateTime>,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

impl PasswordLinkRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(pl::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }
}

/// Links made for an account since `since` (the per-account throttle of "forgot my password").
pub fn count_since(
    conn: &mut DbConnection,
    user_id: &str,
    since: NaiveDateTime,
) -> QueryResult<i64> {
    pl::table
        .filter(pl::user_id.eq(user_id))
        .filter(pl::created_at.gt(since))
        .count()
        .get_result(conn)
}

/// The link a token opens, if it is neither used nor expired.
pub fn find_open(
    conn: &mut DbConnection,
    token_hash: &str,
) -> QueryResult<Option<PasswordLinkRow>> {
    pl::table
        .filter(pl::token_hash.eq(token_hash))
        .filter(pl::used_at.is_null())
        .filter(pl::expires_at.gt(crate::db::now()))
        .select(PasswordLinkRow::as_select())
        .first(conn)
        .optional()
}

/// Uses up every open link of the account (the one followed, and older ones: a newer link or
/// a new password makes them pointless). Returns how many `id` used: 1, or 0 when it was used
/// meanwhile.
pub fn use_up(conn: &mut DbConnection, id: &str, user_id: &str) -> QueryResult<usize> {
    let now = crate::db::now();
    let n = diesel::update(pl::table.find(id).filter(pl::used_at.is_null()))
        .set((pl::used_at.eq(now), pl::token.eq(None::<String>)))
        .execute(conn)?;
    void_open(conn, user_id)?;
    Ok(n)
}

/// Ends every open link of the account (a new link replaces them).
pub fn void_open(conn: &mut DbConnection, user_id: &str) -> QueryResult<usize> {
    diesel::update(
        pl::table
            .filter(pl::user_id.eq(user_id))
            .filter(pl::used_at.is_null()),
    )
    .set((
        pl::used_at.eq(crate::db::now()),
        pl::token.eq(None::<String>),
    ))
    .execute(conn)
}

/// The emails waiting for delivery, as a queue several senders share.
const EMAIL_QUEUE: crate::db::claim::Queue = crate::db::claim::Queue {
    table: "password_links",
    waiting: "status = 'pending' AND token IS NOT NULL AND used_at IS NULL",
};

/// Claims up to `limit` link emails due for a delivery attempt (see `db::claim`).
pub fn claim_due(
    conn: &mut DbConnection,
    by: &str,
    lease: std::time::Duration,
    limit: i64,
) -> QueryResult<Vec<PasswordLinkRow>> {
    let ids = crate::db::claim::claim(conn, EMAIL_QUEUE, by, lease, limit)?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    pl::table
        .filter(pl::id.eq_any(ids))
        .order((pl::next_attempt_at.asc(), pl::id.asc()))
        .select(PasswordLinkRow::as_select())
        .load(conn)
}

/// Gives back claimed emails the sender did not try.
pub fn release(conn: &mut DbConnection, by: &str, ids: &[String]) -> QueryResult<usize> {
    diesel::update(
        pl::table
            .filter(pl::id.eq_any(ids))
            .filter(pl::claimed_by.eq(by)),
    )
    .set(pl::lease_until.eq(None::<NaiveDateTime>))
    .execute(conn)
}

/// Records the email as sent: the token leaves the database (only its hash stays).
pub fn mark_sent(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
    diesel::update(pl::table.find(id))
        .set((
            pl::status.eq(NotificationStatus::Sent),
            pl::token.eq(None::<String>),
            pl::attempts.eq(pl::attempts + 1),
            pl::lease_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records a failed delivery: retried after `retry_in`, or given up after [`MAX_ATTEMPTS`]
/// (the token is then dropped: nobody else may receive it).
pub fn mark_attempt_failed(
    conn: &mut DbConnection,
    row: &PasswordLinkRow,
    retry_in: chrono::Duration,
) -> QueryResult<()> {
    let attempts = row.attempts + 1;
    let give_up = attempts >= MAX_ATTEMPTS;
    diesel::update(pl::table.find(&row.id))
        .set((
            pl::status.eq(if give_up {
                NotificationStatus::Failed
            } else {
                NotificationStatus::Pending
            }),
            pl::attempts.eq(attempts),
            pl::next_attempt_at.eq(crate::db::now() + retry_in),
            pl::lease_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    if give_up {
        diesel::update(pl::table.find(&row.id))
            .set(pl::token.eq(None::<String>))
            .execute(conn)?;
    }
    Ok(())
}
