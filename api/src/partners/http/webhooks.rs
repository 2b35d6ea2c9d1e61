//! `/partner/webhooks`: a partner registers the endpoints its organisation receives events on
//! (scope `webhooks:manage`), reads their delivery log and replays a delivery; and
//! `/organisations/{id}/webhooks`: the team sees them and why one was disabled.

use actix_web::http::{header, StatusCode};
use actix_web::{delete, get, post, put, web, HttpRequest, HttpResponse};
use serde::Serialize;
use shared::page::PageParams;
use shared::partners::Scope;
use shared::webhooks::{
    WebhookDelivery, WebhookEndpoint, WebhookEndpointInput, WebhookEndpointSecret,
};
use shared::Page;
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::http::partner::{idempotency_key, Partner};
use crate::partners::service::webhooks::{self as service, Retry};
use crate::state::AppState;

const ENDPOINT_EXAMPLE: &str = r#"{"id": "0193b1c2-9a10-7c00-8d2e-3b4c5d6e7f80", "organisation_id": "0193b1c2-7d4e-7a00-9c1b-2f4a5e6d7c8b", "url": "https://cpas-liege.example/interra/webhooks", "description": "Suivi des orientations", "event_types": ["referral.status_changed", "event.published"], "enabled": true, "disabled_at": null, "disabled_reason": null, "previous_secret_valid_until": null, "created_at": "2026-12-09T10:00:00Z", "updated_at": "2026-12-09T10:00:00Z"}"#;

fn endpoint_example() -> serde_json::Value {
    serde_json::from_str(ENDPOINT_EXAMPLE).unwrap_or_default()
}

fn secret_example() -> serde_json::Value {
    serde_json::json!({ "endpoint": endpoint_example(), "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" })
}

fn delivery_example() -> serde_json::Value {
    serde_json::json!({
        "id": "0193b1c3-0000-7000-8000-000000000001", "message_id": "msg_0193b1c300007000800000000000aa01",
        "event_type": "referral.status_changed", "status": "delivered", "attempts": 2,
        "next_attempt_at": null, "last_attempt_at": "2026-12-09T10:00:06Z", "response_status": 200,
        "last_error": null, "created_at": "2026-12-09T10:00:00Z", "delivered_at": "2026-12-09T10:00:06Z"
    })
}

/// An answer computed in the service as status and JSON (the same bytes for a retry with the
/// same `Idempotency-Key`); secrets never sit in a cache.
fn answer(status: i32, body: String) -> HttpResponse {
    let status = u16::try_from(status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    HttpResponse::build(status)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .content_type("application/json")
        .body(body)
}

fn to_json<T: Serialize>(v: &T) -> Result<String, ApiError> {
    serde_json::to_string(v).map_err(|e| ApiError::Internal(anyhow::anyhow!("{e}")))
}

fn retry(req: &HttpRequest, partner: &Partner, route: &str) -> Result<Option<Retry>, ApiError> {
    Ok(idempotency_key(req)?.map(|key| Retry {
        scope: format!("client:{}:{route}", partner.client_id),
        key,
    }))
}

/// Register a webhook endpoint for event types. `https://` only (plain `http://` to a
/// loopback address outside production mode); in production, addresses on private, loopback
/// or link-local networks are refused. The answer holds the signing `secret` (`whsec_…`),
/// shown this once. `training_registration.changed` is accepted but has no sender yet.
#[utoipa::path(tag = "partner", security(("oauth2" = ["webhooks:manage"])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retried request safe (kept 24 hours, per client)")),
    request_body(content = WebhookEndpointInput, example = json!({
        "url": "https://cpas-liege.example/interra/webhooks", "description": "Suivi des orientations",
        "event_types": ["referral.status_changed", "event.published"]
    })),
    responses((status = 201, body = WebhookEndpointSecret, example = json!(secret_example())), WriteErrors)
)]
#[post("/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    req: HttpRequest,
    partner: Partner,
    body: Json<WebhookEndpointInput>,
) -> Result<HttpResponse, ApiError> {
    partner.require(Scope::WebhooksManage)?;
    let retry = retry(&req, &partner, "POST /partner/webhooks")?;
    let production = state.settings.production;
    let input = body.0;
    let request = to_json(&input)?;
    let (status, body) = state
        .db
        .run(move |conn| {
            service::idempotent(conn, retry.as_ref(), &request, |conn| {
                let (row, secret) = service::create(conn, &partner, &input, production)?;
                let body = WebhookEndpointSecret {
                    endpoint: service::endpoint_view(&row)?,
                    secret,
                };
                Ok((201, to_json(&body)?))
            })
        })
        .await?;
    Ok(answer(status, body))
}

/// The organisation's webhook endpoints (without secrets), oldest first.
#[utoipa::path(tag = "partner", security(("oauth2" = ["webhooks:manage"])), responses(
    (status = 200, body = Vec<WebhookEndpoint>, example = json!([endpoint_example()])),
    ReadErrors
))]
#[get("/webhooks")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    partner: Partner,
) -> Result<web::Json<Vec<WebhookEndpoint>>, ApiError> {
    partner.require(Scope::WebhooksManage)?;
    let rows = state
        .db
        .run(move |conn| service::list(conn, &partner))
        .await?;
    rows.iter()
        .map(service::endpoint_view)
        .collect::<Result<Vec<_>, _>>()
        .map(web::Json)
}

/// One of the organisation's endpoints: whether it is enabled, and why not.
#[utoipa::path(tag = "partner", security(("oauth2" = ["webhooks:manage"])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = WebhookEndpoint, example = json!(endpoint_example())),
    ItemErrors
))]
#[get("/webhooks/{id}")]
pub async fn get_webhook(
    state: web::Data<AppState>,
    partner: Partner,
    id: web::Path<Uuid>,
) -> Result<web::Json<WebhookEndpoint>, ApiError> {
    partner.require(Scope::WebhooksManage)?;
    let id = id.into_inner().to_string();
    let row = state
        .db
        .run(move |conn| service::get(conn, &partner, &id))
        .await?;
    Ok(web::Json(service::endpoint_view(&row)?))
}

/// Replace an endpoint's address, description and event types. `"enabled": true` turns a
/// disabled endpoint back on (deliveries that failed meanwhile can be replayed), `false`
/// turns it off.
#[utoipa::path(tag = "partner", security(("oauth2" = ["webhooks:manage"])), params(("id" = Uuid, Path)),
    request_body(content = WebhookEndpointInput, example = json!({
        "url": "https://cpas-liege.example/interra/webhooks", "event_types": ["referral.status_changed"], "enabled": true
    })),
    responses((status = 200, body = WebhookEndpoint, example = json!(endpoint_example())), WriteErrors)
)]
#[put("/webhooks/{id}")]
pub async fn update_webhook(
    state: web::Data<AppState>,
    partner: Partner,
    id: web::Path<Uuid>,
    body: Json<WebhookEndpointInput>,
) -> Result<web::Json<WebhookEndpoint>, ApiError> {
    partner.require(Scope::WebhooksManage)?;
    let (id, input, production) = (
        id.into_inner().to_string(),
        body.0,
        state.settings.production,
    );
    let row = state
        .db
        .run(move |conn| service::update(conn, &partner, &id, &input, production))
        .await?;
    Ok(web::Json(service::endpoint_view(&row)?))
}

/// Remove an endpoint and its delivery log.
#[utoipa::path(tag = "partner", security(("oauth2" = ["webhooks:manage"])), params(("id" = Uuid, Path)), responses(
    (status = 204, description = "Removed"),
    WriteErrors
))]
#[delete("/webhooks/{id}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    partner: Partner,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    partner.require(Scope::WebhooksManage)?;
    let id = id.into_inner().to_string();
    state
        .db
        .run(move |conn| service::delete(conn, &partner, &id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Give the endpoint a new signing secret (shown this once). For 24 hours
/// (`previous_secret_valid_until`) deliveries carry two signatures in `webhook-signature`, one
/// per secret: time to deploy the new one.
#[utoipa::path(tag = "partner", security(("oauth2" = ["webhooks:manage"])),
    params(("id" = Uuid, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retried request safe (kept 24 hours, per client)")),
    responses((status = 200, body = WebhookEndpointSecret, example = json!(secret_example())), WriteErrors)
)]
#[post("/webhooks/{id}/rotate-secret")]
pub async fn rotate_webhook_secret(
    state: web::Data<AppState>,
    req: HttpRequest,
    partner: Partner,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    partner.require(Scope::WebhooksManage)?;
    let id = id.into_inner().to_string();
    let retry = retry(
        &req,
        &partner,
        &format!("POST /partner/webhooks/{id}/rotate-secret"),
    )?;
    let (status, body) = state
        .db
        .run(move |conn| {
            service::idempotent(conn, retry.as_ref(), "", |conn| {
                let (row, secret) = service::rotate(conn, &partner, &id)?;
                let body = WebhookEndpointSecret {
                    endpoint: service::endpoint_view(&row)?,
                    secret,
                };
                Ok((200, to_json(&body)?))
            })
        })
        .await?;
    Ok(answer(status, body))
}

/// The endpoint's deliveries, newest first: status, attempts, the last answer or error.
#[utoipa::path(tag = "partner", security(("oauth2" = ["webhooks:manage"])), params(("id" = Uuid, Path), PageParams), responses(
    (status = 200, body = Page<WebhookDelivery>, example = json!({"count": 1, "next": null, "previous": null, "results": [delivery_example()]})),
    ItemErrors
))]
#[get("/webhooks/{id}/deliveries")]
pub async fn list_deliveries(
    state: web::Data<AppState>,
    req: HttpRequest,
    partner: Partner,
    id: web::Path<Uuid>,
    query: Query<PageParams>,
) -> Result<web::Json<Page<WebhookDelivery>>, ApiError> {
    partner.require(Scope::WebhooksManage)?;
    let params = query.0;
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let id = id.into_inner().to_string();
    let (rows, count) = state
        .db
        .run(move |conn| service::deliveries(conn, &partner, &id, offset, limit))
        .await?;
    let count = u64::try_from(count).unwrap_or(0);
    let (next, previous) = page_links(&req, &params, count);
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results: rows
            .iter()
            .map(service::delivery_view)
            .collect::<Result<Vec<_>, _>>()?,
    }))
}

/// Send a delivery's message again, now: a new delivery with the same `webhook-id` and body.
/// Refused (409) while the endpoint is disabled.
#[utoipa::path(tag = "partner", security(("oauth2" = ["webhooks:manage"])),
    params(("id" = Uuid, Path), ("delivery_id" = Uuid, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retried request safe (kept 24 hours, per client)")),
    responses((status = 202, body = WebhookDelivery, example = json!(delivery_example())), WriteErrors)
)]
#[post("/webhooks/{id}/deliveries/{delivery_id}/replay")]
pub async fn replay_delivery(
    state: web::Data<AppState>,
    req: HttpRequest,
    partner: Partner,
    ids: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    partner.require(Scope::WebhooksManage)?;
    let (id, delivery) = ids.into_inner();
    let (id, delivery) = (id.to_string(), delivery.to_string());
    let retry = retry(
        &req,
        &partner,
        &format!("POST /partner/webhooks/{id}/deliveries/{delivery}/replay"),
    )?;
    let (status, body) = state
        .db
        .run(move |conn| {
            service::idempotent(conn, retry.as_ref(), "", |conn| {
                let row = service::replay(conn, &partner, &id, &delivery)?;
                Ok((202, to_json(&service::delivery_view(&row)?)?))
            })
        })
        .await?;
    Ok(answer(status, body))
}

/// An organisation's webhook endpoints (the team's view): where they point, what they
/// receive, and when and why one was disabled.
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<WebhookEndpoint>, example = json!([endpoint_example()])),
    ItemErrors
))]
#[get("/{id}/webhooks")]
pub async fn organisation_webhooks(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<WebhookEndpoint>>, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let id = id.into_inner().to_string();
    let rows = state
        .db
        .run(move |conn| service::of_organisation(conn, &id))
        .await?;
    rows.iter()
        .map(service::endpoint_view)
        .collect::<Result<Vec<_>, _>>()
        .map(web::Json)
}

/// The deliveries of one of an organisation's endpoints, newest first (the team's view: status,
/// attempts, the last answer or error, the next attempt).
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(("id" = Uuid, Path), ("webhook_id" = Uuid, Path), PageParams), responses(
    (status = 200, body = Page<WebhookDelivery>, example = json!({"count": 1, "next": null, "previous": null, "results": [delivery_example()]})),
    ItemErrors
))]
#[get("/{id}/webhooks/{webhook_id}/deliveries")]
pub async fn organisation_deliveries(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    ids: web::Path<(Uuid, Uuid)>,
    query: Query<PageParams>,
) -> Result<web::Json<Page<WebhookDelivery>>, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let params = query.0;
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let (org, id) = ids.into_inner();
    let (org, id) = (org.to_string(), id.to_string());
    let (rows, count) = state
        .db
        .run(move |conn| service::organisation_deliveries(conn, &org, &id, offset, limit))
        .await?;
    let count = u64::try_from(count).unwrap_or(0);
    let (next, previous) = page_links(&req, &params, count);
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results: rows
            .iter()
            .map(service::delivery_view)
            .collect::<Result<Vec<_>, _>>()?,
    }))
}
