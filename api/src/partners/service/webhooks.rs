//! Webhooks: a partner manages its organisation's endpoints and reads their delivery log; the
//! team sees them (and why one was disabled). [`enqueue`] writes the outbox rows of a change in
//! the caller's transaction; `partners::webhook_sender` delivers them.

use chrono::NaiveDateTime;
use serde_json::json;
use shared::webhooks::{
    WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint, WebhookEndpointInput, WebhookEventType,
};
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEvent};
use crate::db::{stored_id, write_transaction, DbConnection, JsonText};
use crate::error::ApiError;
use crate::http::partner::Partner;
use crate::i18n::Msg;
use crate::partners::domain::ROTATION_GRACE;
pub use crate::partners::service::referrals::Retry;
use crate::partners::webhook_rules as rules;
use crate::partners::webhook_store::{self as store, DeliveryRow, EndpointRow};

fn utc(t: NaiveDateTime) -> chrono::DateTime<chrono::Utc> {
    t.and_utc()
}

pub fn endpoint_view(row: &EndpointRow) -> Result<WebhookEndpoint, ApiError> {
    let now = crate::db::now();
    Ok(WebhookEndpoint {
        id: stored_id(&row.id)?,
        organisation_id: stored_id(&row.organisation_id)?,
        url: row.url.clone(),
        description: row.description.clone(),
        event_types: row.event_types.0.clone(),
        enabled: row.enabled,
        disabled_at: row.disabled_at.map(utc),
        disabled_reason: row.disabled_reason.clone(),
        previous_secret_valid_until: row.previous_secret_until.filter(|u| *u > now).map(utc),
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
    })
}

pub fn delivery_view(row: &DeliveryRow) -> Result<WebhookDelivery, ApiError> {
    Ok(WebhookDelivery {
        id: stored_id(&row.id)?,
        message_id: row.message_id.clone(),
        event_type: row.event_type,
        status: row.status,
        attempts: row.attempts,
        next_attempt_at: (row.status == WebhookDeliveryStatus::Pending)
            .then(|| utc(row.next_attempt_at)),
        last_attempt_at: row.last_attempt_at.map(utc),
        response_status: row.response_status,
        last_error: row.last_error.clone(),
        created_at: utc(row.created_at),
        delivered_at: row.delivered_at.map(utc),
    })
}

/// The partner's endpoint `id`; another organisation's is `NotFound` like a missing one.
fn own(conn: &mut DbConnection, partner: &Partner, id: &str) -> Result<EndpointRow, ApiError> {
    store::find_endpoint(conn, id)?
        .filter(|e| e.organisation_id == partner.organisation_id)
        .ok_or(ApiError::NotFound)
}

fn record(
    conn: &mut DbConnection,
    actor: &Actor,
    action: AuditAction,
    id: &str,
    details: serde_json::Value,
) -> Result<(), ApiError> {
    audit::record(
        conn,
        actor,
        AuditEvent {
            action,
            entity_type: "webhook_endpoint",
            entity_id: Some(id.to_owned()),
            details,
        },
    )?;
    Ok(())
}

/// Runs a partner's POST in one write transaction, with its `Idempotency-Key` if any: the
/// same key and body within 24 hours return the first answer; another body is refused.
/// `f` returns the status and JSON body of the answer.
pub fn idempotent(
    conn: &mut DbConnection,
    retry: Option<&Retry>,
    request: &str,
    f: impl FnOnce(&mut DbConnection) -> Result<(i32, String), ApiError>,
) -> Result<(i32, String), ApiError> {
    let request_hash = crate::accounts::tokens::hash(request);
    write_transaction(conn, |conn| {
        if let Some(k) = retry {
            crate::db::lock::xact_lock(conn, &format!("idempotency:{}:{}", k.scope, k.key))?;
            if let Some(answer) =
                crate::activities::store::idempotent_response(conn, &k.scope, &k.key)?
            {
                if answer.request_hash != request_hash {
                    return Err(ApiError::field(
                        "Idempotency-Key",
                        Msg::IdempotencyKeyReused,
                    ));
                }
                return Ok((answer.status, answer.body));
            }
        }
        let (status, body) = f(conn)?;
        if let Some(k) = retry {
            crate::activities::store::store_idempotent_response(
                conn,
                &k.scope,
                &k.key,
                &request_hash,
                status,
                &body,
            )?;
        }
        Ok((status, body))
    })
}

/// Registers an endpoint; returns it with its secret (shown this once). Runs in the
/// caller's write transaction ([`idempotent`]).
pub fn create(
    conn: &mut DbConnection,
    partner: &Partner,
    input: &WebhookEndpointInput,
    production: bool,
) -> Result<(EndpointRow, String), ApiError> {
    let (url, description, types) = rules::check_endpoint(
        &input.url,
        input.description.as_deref(),
        &input.event_types,
        production,
    )?;
    {
        if store::count_of(conn, &partner.organisation_id)? >= rules::ENDPOINTS_MAX {
            return Err(ApiError::Conflict {
                msg: Msg::TooMany(usize::try_from(rules::ENDPOINTS_MAX).unwrap_or(20)),
                field: Some("url"),
            });
        }
        let now = crate::db::now();
        let secret = rules::new_secret();
        let enabled = input.enabled.unwrap_or(true);
        let row = EndpointRow {
            id: Uuid::now_v7().to_string(),
            organisation_id: partner.organisation_id.clone(),
            url,
            description,
            event_types: JsonText(types),
            secret: secret.clone(),
            previous_secret: None,
            previous_secret_until: None,
            enabled,
            disabled_at: (!enabled).then_some(now),
            disabled_reason: (!enabled).then(|| rules::REASON_PARTNER.to_owned()),
            created_at: now,
            updated_at: now,
        };
        row.insert(conn)?;
        record(
            conn,
            &partner.actor,
            AuditAction::WebhookEndpointCreated,
            &row.id,
            json!({ "client_id": partner.client_id, "event_types": row.event_types.0 }),
        )?;
        Ok((row, secret))
    }
}

pub fn list(conn: &mut DbConnection, partner: &Partner) -> Result<Vec<EndpointRow>, ApiError> {
    Ok(store::endpoints_of(conn, &partner.organisation_id)?)
}

pub fn get(conn: &mut DbConnection, partner: &Partner, id: &str) -> Result<EndpointRow, ApiError> {
    own(conn, partner, id)
}

/// Replaces an endpoint's address, description and event types; `enabled: true` turns a
/// disabled endpoint back on, `false` turns it off.
pub fn update(
    conn: &mut DbConnection,
    partner: &Partner,
    id: &str,
    input: &WebhookEndpointInput,
    production: bool,
) -> Result<EndpointRow, ApiError> {
    let (url, description, types) = rules::check_endpoint(
        &input.url,
        input.description.as_deref(),
        &input.event_types,
        production,
    )?;
    write_transaction(conn, |conn| {
        let mut row = own(conn, partner, id)?;
        let now = crate::db::now();
        row.url = url;
        row.description = description;
        row.event_types = JsonText(types);
        match input.enabled {
            Some(true) if !row.enabled => {
                row.enabled = true;
                row.disabled_at = None;
                row.disabled_reason = None;
            }
            Some(false) if row.enabled => {
                disable_in(conn, &mut row, rules::REASON_PARTNER, now)?;
            }
            _ => {}
        }
        row.updated_at = now;
        row.save(conn)?;
        record(
            conn,
            &partner.actor,
            AuditAction::WebhookEndpointUpdated,
            &row.id,
            json!({ "client_id": partner.client_id, "enabled": row.enabled, "event_types": row.event_types.0 }),
        )?;
        Ok(row)
    })
}

pub fn delete(conn: &mut DbConnection, partner: &Partner, id: &str) -> Result<(), ApiError> {
    write_transaction(conn, |conn| {
        let row = own(conn, partner, id)?;
        store::delete_endpoint(conn, &row.id)?;
        record(
            conn,
            &partner.actor,
            AuditAction::WebhookEndpointDeleted,
            &row.id,
            json!({ "client_id": partner.client_id }),
        )?;
        Ok(())
    })
}

/// A new signing secret (shown this once); the previous one also signs for
/// [`ROTATION_GRACE`], time to deploy the new one. In the caller's write transaction.
pub fn rotate(
    conn: &mut DbConnection,
    partner: &Partner,
    id: &str,
) -> Result<(EndpointRow, String), ApiError> {
    {
        let mut row = own(conn, partner, id)?;
        let now = crate::db::now();
        let secret = rules::new_secret();
        row.previous_secret = Some(std::mem::replace(&mut row.secret, secret.clone()));
        row.previous_secret_until = Some(now + ROTATION_GRACE);
        row.updated_at = now;
        row.save(conn)?;
        record(
            conn,
            &partner.actor,
            AuditAction::WebhookSecretRotated,
            &row.id,
            json!({ "client_id": partner.client_id }),
        )?;
        Ok((row, secret))
    }
}

pub fn deliveries(
    conn: &mut DbConnection,
    partner: &Partner,
    id: &str,
    offset: i64,
    limit: i64,
) -> Result<(Vec<DeliveryRow>, i64), ApiError> {
    let row = own(conn, partner, id)?;
    Ok(store::deliveries_of(conn, &row.id, offset, limit)?)
}

/// Sends a message again: a new delivery of the same message (same `webhook-id` and body,
/// so a receiver that deduplicates on it sees one message), due at once. In the caller's
/// write transaction.
pub fn replay(
    conn: &mut DbConnection,
    partner: &Partner,
    id: &str,
    delivery_id: &str,
) -> Result<DeliveryRow, ApiError> {
    {
        let endpoint = own(conn, partner, id)?;
        let original = store::find_delivery(conn, delivery_id)?
            .filter(|d| d.endpoint_id == endpoint.id)
            .ok_or(ApiError::NotFound)?;
        if !endpoint.enabled {
            return Err(ApiError::Conflict {
                msg: Msg::WebhookEndpointDisabled,
                field: None,
            });
        }
        let now = crate::db::now();
        let row = DeliveryRow {
            id: Uuid::now_v7().to_string(),
            endpoint_id: endpoint.id.clone(),
            message_id: original.message_id.clone(),
            event_type: original.event_type,
            payload: original.payload.clone(),
            status: WebhookDeliveryStatus::Pending,
            attempts: 0,
            next_attempt_at: now,
            claimed_by: None,
            lease_until: None,
            last_attempt_at: None,
            response_status: None,
            last_error: None,
            created_at: now,
            delivered_at: None,
        };
        row.insert(conn)?;
        record(
            conn,
            &partner.actor,
            AuditAction::WebhookDeliveryReplayed,
            &endpoint.id,
            json!({ "client_id": partner.client_id, "delivery": original.id, "replay": row.id }),
        )?;
        Ok(row)
    }
}

/// The team's view: an organisation's endpoints, with why one was disabled.
pub fn of_organisation(
    conn: &mut DbConnection,
    organisation_id: &str,
) -> Result<Vec<EndpointRow>, ApiError> {
    crate::partners::store::find(conn, organisation_id)?.ok_or(ApiError::NotFound)?;
    Ok(store::endpoints_of(conn, organisation_id)?)
}

/// The team's view of one of an organisation's endpoints: its deliveries, newest first (an
/// endpoint of another organisation is not found).
pub fn organisation_deliveries(
    conn: &mut DbConnection,
    organisation_id: &str,
    id: &str,
    offset: i64,
    limit: i64,
) -> Result<(Vec<DeliveryRow>, i64), ApiError> {
    let endpoint = store::find_endpoint(conn, id)?
        .filter(|e| e.organisation_id == organisation_id)
        .ok_or(ApiError::NotFound)?;
    Ok(store::deliveries_of(conn, &endpoint.id, offset, limit)?)
}

/// Turns an endpoint off with its reason; its waiting deliveries fail. Saves nothing of the
/// endpoint itself (the caller does).
fn disable_in(
    conn: &mut DbConnection,
    row: &mut EndpointRow,
    reason: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    row.enabled = false;
    row.disabled_at = Some(now);
    row.disabled_reason = Some(reason.to_owned());
    store::fail_pending(conn, &row.id, reason)?;
    Ok(())
}

/// The sender disables an endpoint (410 Gone, retries exhausted): recorded with its reason.
pub fn disable(conn: &mut DbConnection, id: &str, reason: &str) -> Result<(), ApiError> {
    write_transaction(conn, |conn| {
        let Some(mut row) = store::find_endpoint(conn, id)? else {
            return Ok(());
        };
        if !row.enabled {
            return Ok(());
        }
        let now = crate::db::now();
        disable_in(conn, &mut row, reason, now)?;
        row.updated_at = now;
        row.save(conn)?;
        record(
            conn,
            &Actor::default(),
            AuditAction::WebhookEndpointDisabled,
            &row.id,
            json!({ "reason": reason }),
        )?;
        Ok(())
    })
}

/// Writes one message per subscribed, enabled endpoint into the outbox, in the caller's
/// transaction: of `organisation_id` only (a referral is its organisation's news) or of every
/// organisation (the public agenda). Returns how many deliveries were queued.
pub fn enqueue(
    conn: &mut DbConnection,
    event_type: WebhookEventType,
    organisation_id: Option<&str>,
    data: serde_json::Value,
) -> Result<usize, ApiError> {
    let endpoints = store::subscribers(conn, event_type, organisation_id)?;
    if endpoints.is_empty() {
        return Ok(0);
    }
    let now = crate::db::now();
    let body = rules::payload(event_type, utc(now), data);
    for e in &endpoints {
        DeliveryRow {
            id: Uuid::now_v7().to_string(),
            endpoint_id: e.id.clone(),
            message_id: format!("msg_{}", Uuid::now_v7().simple()),
            event_type,
            payload: body.clone(),
            status: WebhookDeliveryStatus::Pending,
            attempts: 0,
            next_attempt_at: now,
            claimed_by: None,
            lease_until: None,
            last_attempt_at: None,
            response_status: None,
            last_error: None,
            created_at: now,
            delivered_at: None,
        }
        .insert(conn)?;
    }
    Ok(endpoints.len())
}

/// Queues the agenda event of an activity's change (see `webhook_rules::activity_event`): a
/// creation has no `before`; `changed` says whether something calendars see changed.
pub fn activity_changed(
    conn: &mut DbConnection,
    before: Option<&crate::activities::store::ActivityRow>,
    after: &crate::activities::store::ActivityRow,
    changed: bool,
) -> Result<usize, ApiError> {
    use shared::activities::{ActivityStatus, Visibility};
    let listed = |a: &crate::activities::store::ActivityRow| {
        a.visibility == Visibility::Public && a.status == ActivityStatus::Published
    };
    match rules::activity_event(before.is_some_and(listed), listed(after), changed) {
        Some(t) => enqueue(conn, t, None, json!({ "event_id": after.id })),
        None => Ok(0),
    }
}
