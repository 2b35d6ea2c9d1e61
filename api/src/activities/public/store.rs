//! Confirmations of public registrations made in an existing person's name: a one-time link,
//! its email's delivery state (sent by the notification outbox's email task), and its use.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::activities::RegistrationStatus;

use crate::db::schema::registration_confirmations as rc;
use crate::db::schema::{people, registrations};
use crate::db::DbConnection;

/// Deliveries tried before the confirmation email is given up.
pub const MAX_ATTEMPTS: i32 = 5;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = rc)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ConfirmationRow {
    pub id: String,
    pub token_hash: String,
    /// The link's token until its email is sent.
    pub token: Option<String>,
    pub activity_id: String,
    pub person_id: String,
    pub lang: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
}

impl ConfirmationRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(rc::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }
}

/// Whether this person, or a record flagged as their possible duplicate, holds a place or
/// waits on the activity (a public form repeated under the same email or phone).
pub fn holds_place(
    conn: &mut DbConnection,
    activity_id: &str,
    person_id: &str,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        registrations::table
            .inner_join(people::table.on(people::id.eq(registrations::person_id)))
            .filter(registrations::activity_id.eq(activity_id))
            .filter(registrations::status.ne(RegistrationStatus::Cancelled))
            .filter(
                people::id
                    .eq(person_id)
                    .or(people::possible_duplicate_of.eq(person_id)),
            ),
    ))
    .get_result(conn)
}

/// Whether a link for this person and activity is still waiting to be followed (a repeated
/// form sends no second email).
pub fn open_for(conn: &mut DbConnection, activity_id: &str, person_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        rc::table
            .filter(rc::activity_id.eq(activity_id))
            .filter(rc::person_id.eq(person_id))
            .filter(rc::confirmed_at.is_null())
            .filter(rc::expires_at.gt(crate::db::now())),
    ))
    .get_result(conn)
}

/// The confirmation a link's token opens, if it is neither used nor expired.
pub fn find_open(
    conn: &mut DbConnection,
    token_hash: &str,
) -> QueryResult<Option<ConfirmationRow>> {
    rc::table
        .filter(rc::token_hash.eq(token_hash))
        .filter(rc::confirmed_at.is_null())
        .filter(rc::expires_at.gt(crate::db::now()))
        .select(ConfirmationRow::as_select())
        .first(conn)
        .optional()
}

/// Uses the link up; false when it was used meanwhile.
pub fn mark_confirmed(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    let n = diesel::update(rc::table.find(id).filter(rc::confirmed_at.is_null()))
        .set((
            rc::confirmed_at.eq(crate::db::now()),
            rc::token.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// The confirmation emails waiting for delivery, as a queue several senders share.
const EMAIL_QUEUE: crate::db::claim::Queue = crate::db::claim::Queue {
    table: "registration_confirmations",
    waiting: "status = 'pending' AND token IS NOT NULL",
};

/// Claims up to `limit` confirmation emails due for a delivery attempt for the sender `by`
/// until its `lease` runs out (see `db::claim`), oldest first.
pub fn claim_due(
    conn: &mut DbConnection,
    by: &str,
    lease: std::time::Duration,
    limit: i64,
) -> QueryResult<Vec<ConfirmationRow>> {
    let ids = crate::db::claim::claim(conn, EMAIL_QUEUE, by, lease, limit)?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    rc::table
        .filter(rc::id.eq_any(ids))
        .order((rc::next_attempt_at.asc(), rc::id.asc()))
        .select(ConfirmationRow::as_select())
        .load(conn)
}

/// Gives back claimed emails the sender did not try (its lease was running out).
pub fn release(conn: &mut DbConnection, by: &str, ids: &[String]) -> QueryResult<usize> {
    diesel::update(
        rc::table
            .filter(rc::id.eq_any(ids))
            .filter(rc::claimed_by.eq(by)),
    )
    .set(rc::lease_until.eq(None::<NaiveDateTime>))
    .execute(conn)
}

/// Records the email as sent: the token leaves the database (only its hash stays).
pub fn mark_sent(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
    diesel::update(rc::table.find(id))
        .set((
            rc::status.eq("sent"),
            rc::token.eq(None::<String>),
            rc::attempts.eq(rc::attempts + 1),
            rc::lease_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records a failed delivery: retried after `retry_in`, or given up after [`MAX_ATTEMPTS`]
/// (the link is then dropped: nobody else may receive it).
pub fn mark_attempt_failed(
    conn: &mut DbConnection,
    row: &ConfirmationRow,
    retry_in: chrono::Duration,
) -> QueryResult<()> {
    let attempts = row.attempts + 1;
    let give_up = attempts >= MAX_ATTEMPTS;
    diesel::update(rc::table.find(&row.id))
        .set((
            rc::status.eq(if give_up { "failed" } else { "pending" }),
            rc::attempts.eq(attempts),
            rc::next_attempt_at.eq(crate::db::now() + retry_in),
            rc::lease_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    if give_up {
        diesel::update(rc::table.find(&row.id))
            .set(rc::token.eq(None::<String>))
            .execute(conn)?;
    }
    Ok(())
}
