//! `/duos/{id}/follow-ups`: the coordinator's follow-up calls.

use actix_web::{get, post, web, HttpResponse};
use shared::duo::{FollowUp, FollowUpDone, FollowUpInput};
use uuid::Uuid;

use crate::duo::service::{follow_ups, Acting};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, WriteErrors};
use crate::state::AppState;

/// The coordinator's follow-up calls of a duo, by due date, done or not (coaches: duos of the
/// people they accompany).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<FollowUp>),
    ItemErrors
))]
#[get("/{id}/follow-ups")]
pub async fn list_follow_ups(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<FollowUp>>, ApiError> {
    ctx.require(Permission::ReadDuos)?;
    let found = follow_ups::list(&state.db, ctx.user.people_scope(), id.into_inner()).await?;
    Ok(web::Json(found))
}

/// Plan an extra follow-up call for an active or paused duo (coordinators and
/// administrators), due today or later, with an optional note.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = FollowUpInput, responses(
    (status = 201, body = FollowUp),
    WriteErrors
))]
#[post("/{id}/follow-ups")]
pub async fn plan_follow_up(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<FollowUpInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    let f = follow_ups::plan(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(HttpResponse::Created().json(f))
}

/// Mark a follow-up call done (coordinators and administrators): the day it took place
/// (default today, Europe/Brussels; not in the future, not before the confirmation) and what
/// came out of it. A call is marked done once (409 after that); it no longer counts as overdue.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path), ("follow_up_id" = Uuid, Path)), request_body = FollowUpDone, responses(
    (status = 200, body = FollowUp),
    WriteErrors
))]
#[post("/{id}/follow-ups/{follow_up_id}/done")]
pub async fn mark_done(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(Uuid, Uuid)>,
    body: Json<FollowUpDone>,
) -> Result<web::Json<FollowUp>, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    let (id, follow_up_id) = path.into_inner();
    let acting = Acting::from(&ctx);
    let f = follow_ups::mark_done(&state.db, &acting, id, follow_up_id, body.0).await?;
    Ok(web::Json(f))
}
