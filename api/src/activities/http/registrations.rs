//! Registrations of an activity: the list, staff registering someone, cancellation and
//! attendance.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use shared::activities::{Registration, RegistrationInput, RegistrationUpdate};
use uuid::Uuid;

use crate::activities::dto::registration_dto;
use crate::activities::service::{self, Idempotency, RegistrationView};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, WriteErrors};
use crate::i18n::Msg;
use crate::state::AppState;

fn dto(v: &RegistrationView) -> Result<Registration, ApiError> {
    registration_dto(&v.row, &v.name, v.position)
}

/// Registrations of an activity, in waiting-list order.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<Registration>),
    ItemErrors
))]
#[get("/{id}/registrations")]
pub async fn list_registrations(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<Registration>>, ApiError> {
    ctx.require(Permission::ReadActivities)?;
    let id = id.into_inner().to_string();
    let user = ctx.user;
    let views = state
        .db
        .run(move |conn| service::list_registrations(conn, &user, &id))
        .await?;
    views
        .iter()
        .map(dto)
        .collect::<Result<Vec<_>, _>>()
        .map(web::Json)
}

/// An `Idempotency-Key` header, if present and sane.
fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    match req.headers().get("idempotency-key") {
        None => Ok(None),
        Some(v) => {
            let k = v
                .to_str()
                .map_err(|_| ApiError::field("Idempotency-Key", Msg::InvalidValue))?
                .trim();
            if k.is_empty() || k.len() > 200 {
                return Err(ApiError::field("Idempotency-Key", Msg::InvalidValue));
            }
            Ok(Some(k.to_owned()))
        }
    }
}

/// Register a person (staff on someone's behalf, or a walk-in at the door, recorded as
/// attended). When the activity is full the person goes to the waiting list. A request repeated
/// with the same `Idempotency-Key` within 24 hours returns the first result.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = Uuid, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retried request safe")), request_body = RegistrationInput, responses(
    (status = 201, body = Registration),
    WriteErrors
))]
#[post("/{id}/registrations")]
pub async fn add_registration(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<RegistrationInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ReadActivities)?;
    let id = id.into_inner().to_string();
    let input = body.0;
    let retry = idempotency_key(&req)?.map(|key| Idempotency {
        scope: format!("user:{}:{}", ctx.user.id, req.path()),
        key,
    });
    let Ctx { user, actor, .. } = ctx;
    let (status, body) = state
        .db
        .run(move |conn| {
            service::add_registration(conn, &user, &id, &input, retry.as_ref(), &actor)
        })
        .await?;
    let status = u16::try_from(status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::CREATED);
    Ok(HttpResponse::build(status)
        .content_type("application/json")
        .body(body))
}

/// Change a registration: cancel (the first eligible person on the waiting list is promoted
/// automatically) or mark attendance (attended, absent, excused).
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = Uuid, Path), ("registration_id" = Uuid, Path)), request_body = RegistrationUpdate, responses(
    (status = 200, body = Registration),
    WriteErrors
))]
#[post("/{id}/registrations/{registration_id}/status")]
pub async fn set_registration_status(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(Uuid, Uuid)>,
    body: Json<RegistrationUpdate>,
) -> Result<web::Json<Registration>, ApiError> {
    ctx.require(Permission::ReadActivities)?;
    let (id, rid) = path.into_inner();
    let (id, rid) = (id.to_string(), rid.to_string());
    let to = body.0.status;
    let Ctx { user, actor, .. } = ctx;
    let (view, queued) = state
        .db
        .run(move |conn| service::set_registration_status(conn, &user, &id, &rid, to, &actor))
        .await?;
    if queued {
        state.outbox.notify_one();
    }
    Ok(web::Json(dto(&view)?))
}
