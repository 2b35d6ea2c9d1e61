//! Handlers of a person's memberships, consents and coaches.

use actix_web::{delete, post, put, web, HttpResponse};
use shared::consent::{Consent, ConsentInput};
use shared::people::{CoachAssignment, Membership, MembershipInput, MembershipUpdate};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::WriteErrors;
use crate::people::dto::{consent_dto, membership_dto};
use crate::people::service;
use crate::state::AppState;

/// Add a programme membership.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = MembershipInput, responses(
    (status = 201, body = Membership),
    WriteErrors
))]
#[post("/{id}/memberships")]
pub async fn add_membership(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<MembershipInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WritePeople)?;
    let row = service::add_membership(&state.db, ctx.actor, id.into_inner(), body.0).await?;
    Ok(HttpResponse::Created().json(membership_dto(&row)?))
}

/// Change a membership's role, status or end date.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path), ("membership_id" = Uuid, Path)), request_body = MembershipUpdate, responses(
    (status = 200, body = Membership),
    WriteErrors
))]
#[put("/{id}/memberships/{membership_id}")]
pub async fn update_membership(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(Uuid, Uuid)>,
    body: Json<MembershipUpdate>,
) -> Result<web::Json<Membership>, ApiError> {
    ctx.require(Permission::WritePeople)?;
    let (id, mid) = path.into_inner();
    let row = service::update_membership(&state.db, ctx.actor, id, mid, body.0).await?;
    Ok(web::Json(membership_dto(&row)?))
}

/// Record a consent (web form, or paper/oral consent entered by the signed-in staff member).
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = ConsentInput, responses(
    (status = 201, body = Consent),
    WriteErrors
))]
#[post("/{id}/consents")]
pub async fn add_consent(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<ConsentInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WritePeople)?;
    let row =
        service::add_consent(&state.db, ctx.actor, ctx.user.id, id.into_inner(), body.0).await?;
    Ok(HttpResponse::Created().json(consent_dto(&row)?))
}

/// Record the withdrawal of a consent.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path), ("consent_id" = Uuid, Path)), responses(
    (status = 204, description = "Withdrawn"),
    WriteErrors
))]
#[post("/{id}/consents/{consent_id}/withdraw")]
pub async fn withdraw_consent(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WritePeople)?;
    let (id, cid) = path.into_inner();
    service::withdraw_consent(&state.db, ctx.actor, ctx.user.id, id, cid).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Assign a coach who accompanies this person (the coach then sees the person).
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = CoachAssignment, responses(
    (status = 204, description = "Assigned"),
    WriteErrors
))]
#[post("/{id}/coaches")]
pub async fn add_coach(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<CoachAssignment>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WritePeople)?;
    service::add_coach(&state.db, ctx.actor, id.into_inner(), body.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Remove a coach from this person.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path), ("user_id" = Uuid, Path)), responses(
    (status = 204, description = "Removed"),
    WriteErrors
))]
#[delete("/{id}/coaches/{user_id}")]
pub async fn remove_coach(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WritePeople)?;
    let (id, coach_id) = path.into_inner();
    service::remove_coach(&state.db, ctx.actor, id, coach_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
