//! Webhook endpoints and the delivery outbox: rows and queries.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::webhooks::{WebhookDeliveryStatus, WebhookEventType};

use crate::db::claim::{self, Queue};
use crate::db::schema::{webhook_deliveries, webhook_endpoints};
use crate::db::{DbConnection, JsonText};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = webhook_endpoints, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct EndpointRow {
    pub id: String,
    pub organisation_id: String,
    pub url: String,
    pub description: Option<String>,
    pub event_types: JsonText<Vec<WebhookEventType>>,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_until: Option<NaiveDateTime>,
    pub enabled: bool,
    pub disabled_at: Option<NaiveDateTime>,
    pub disabled_reason: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl EndpointRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(webhook_endpoints::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(webhook_endpoints::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(drop)
    }

    /// The secrets that sign a delivery at `now`: the current one, and the previous one during
    /// its grace period.
    pub fn signing_secrets(&self, now: NaiveDateTime) -> Vec<&str> {
        let mut s = vec![self.secret.as_str()];
        if let (Some(p), Some(until)) = (&self.previous_secret, self.previous_secret_until) {
            if until > now {
                s.push(p);
            }
        }
        s
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_deliveries)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct DeliveryRow {
    pub id: String,
    pub endpoint_id: String,
    pub message_id: String,
    pub event_type: WebhookEventType,
    pub payload: String,
    pub status: WebhookDeliveryStatus,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_by: Option<String>,
    pub lease_until: Option<NaiveDateTime>,
    pub last_attempt_at: Option<NaiveDateTime>,
    pub response_status: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub delivered_at: Option<NaiveDateTime>,
}

impl DeliveryRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(webhook_deliveries::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }
}

pub fn find_endpoint(conn: &mut DbConnection, id: &str) -> QueryResult<Option<EndpointRow>> {
    webhook_endpoints::table
        .find(id)
        .select(EndpointRow::as_select())
        .first(conn)
        .optional()
}

/// An organisation's endpoints, oldest first.
pub fn endpoints_of(
    conn: &mut DbConnection,
    organisation_id: &str,
) -> QueryResult<Vec<EndpointRow>> {
    webhook_endpoints::table
        .filter(webhook_endpoints::organisation_id.eq(organisation_id))
        .order((
            webhook_endpoints::created_at.asc(),
            webhook_endpoints::id.asc(),
        ))
        .select(EndpointRow::as_select())
        .load(conn)
}

pub fn count_of(conn: &mut DbConnection, organisation_id: &str) -> QueryResult<i64> {
    webhook_endpoints::table
        .filter(webhook_endpoints::organisation_id.eq(organisation_id))
        .count()
        .get_result(conn)
}

/// Enabled endpoints subscribed to `event_type`, of one organisation or of all.
pub fn subscribers(
    conn: &mut DbConnection,
    event_type: WebhookEventType,
    organisation_id: Option<&str>,
) -> QueryResult<Vec<EndpointRow>> {
    let mut q = webhook_endpoints::table
        .filter(webhook_endpoints::enabled.eq(true))
        .into_boxed();
    if let Some(o) = organisation_id {
        q = q.filter(webhook_endpoints::organisation_id.eq(o.to_owned()));
    }
    let rows = q
        .order(webhook_endpoints::id.asc())
        .select(EndpointRow::as_select())
        .load(conn)?;
    // A handful of endpoints: filtering the JSON list here keeps the query portable.
    Ok(rows
        .into_iter()
        .filter(|e| e.event_types.0.contains(&event_type))
        .collect())
}

pub fn delete_endpoint(conn: &mut DbConnection, id: &str) -> QueryResult<usize> {
    diesel::delete(webhook_deliveries::table.filter(webhook_deliveries::endpoint_id.eq(id)))
        .execute(conn)?;
    diesel::delete(webhook_endpoints::table.find(id)).execute(conn)
}

pub fn find_delivery(conn: &mut DbConnection, id: &str) -> QueryResult<Option<DeliveryRow>> {
    webhook_deliveries::table
        .find(id)
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()
}

/// An endpoint's deliveries, newest first, with the total.
pub fn deliveries_of(
    conn: &mut DbConnection,
    endpoint_id: &str,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<DeliveryRow>, i64)> {
    let count = webhook_deliveries::table
        .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
        .count()
        .get_result(conn)?;
    let rows = webhook_deliveries::table
        .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
        .order((
            webhook_deliveries::created_at.desc(),
            webhook_deliveries::id.desc(),
        ))
        .offset(offset)
        .limit(limit)
        .select(DeliveryRow::as_select())
        .load(conn)?;
    Ok((rows, count))
}

/// The outbox queue for `db::claim`.
const QUEUE: Queue = Queue {
    table: "webhook_deliveries",
    waiting: "status = 'pending'",
};

/// Claims up to `limit` due deliveries for `by` (see `db::claim`).
pub fn claim_due(
    conn: &mut DbConnection,
    by: &str,
    lease: Duration,
    limit: i64,
) -> QueryResult<Vec<DeliveryRow>> {
    let ids = claim::claim(conn, QUEUE, by, lease, limit)?;
    let mut rows = webhook_deliveries::table
        .filter(webhook_deliveries::id.eq_any(&ids))
        .select(DeliveryRow::as_select())
        .load(conn)?;
    rows.sort_by(|a, b| (a.next_attempt_at, &a.id).cmp(&(b.next_attempt_at, &b.id)));
    Ok(rows)
}

/// Gives claimed rows back to the queue (a sender out of lease time).
pub fn release(conn: &mut DbConnection, by: &str, ids: &[String]) -> QueryResult<usize> {
    diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::id.eq_any(ids))
            .filter(webhook_deliveries::claimed_by.eq(by)),
    )
    .set(webhook_deliveries::lease_until.eq(None::<NaiveDateTime>))
    .execute(conn)
}

/// Records an attempt's result. Only a row still pending and claimed by `by` changes: a
/// sender whose lease ran out and was overtaken records nothing. Returns whether it changed.
#[allow(clippy::too_many_arguments)]
pub fn record_attempt(
    conn: &mut DbConnection,
    id: &str,
    by: &str,
    status: WebhookDeliveryStatus,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    response_status: Option<i32>,
    error: Option<String>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let delivered_at = (status == WebhookDeliveryStatus::Delivered).then_some(now);
    let n = diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::id.eq(id))
            .filter(webhook_deliveries::status.eq(WebhookDeliveryStatus::Pending))
            .filter(webhook_deliveries::claimed_by.eq(by)),
    )
    .set((
        webhook_deliveries::status.eq(status),
        webhook_deliveries::attempts.eq(attempts),
        webhook_deliveries::next_attempt_at.eq(next_attempt_at),
        webhook_deliveries::lease_until.eq(None::<NaiveDateTime>),
        webhook_deliveries::last_attempt_at.eq(Some(now)),
        webhook_deliveries::response_status.eq(response_status),
        webhook_deliveries::last_error.eq(error),
        webhook_deliveries::delivered_at.eq(delivered_at),
    ))
    .execute(conn)?;
    Ok(n > 0)
}

/// A disabled endpoint's waiting deliveries fail with its reason.
pub fn fail_pending(
    conn: &mut DbConnection,
    endpoint_id: &str,
    reason: &str,
) -> QueryResult<usize> {
    diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
            .filter(webhook_deliveries::status.eq(WebhookDeliveryStatus::Pending)),
    )
    .set((
        webhook_deliveries::status.eq(WebhookDeliveryStatus::Failed),
        webhook_deliveries::last_error.eq(Some(format!("endpoint disabled: {reason}"))),
        webhook_deliveries::lease_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)
}

/// Makes every pending delivery due now (tests, and an operator who fixed a receiver and does
/// not want to wait for the next retry). Returns how many.
pub fn make_due_now(conn: &mut DbConnection) -> QueryResult<usize> {
    diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::status.eq(WebhookDeliveryStatus::Pending)),
    )
    .set(webhook_deliveries::next_attempt_at.eq(crate::db::now()))
    .execute(conn)
}
