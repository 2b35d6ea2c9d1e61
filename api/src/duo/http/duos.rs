//! `/duos`: the list, the coordinator's call list, one duo, and moves along its life.

use actix_web::{get, post, web};
use shared::duo::{Duo, DuoFilter, DuoTransition};
use uuid::Uuid;

use crate::duo::service::{duos, Acting};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::state::AppState;

/// Duos (coaches: those of the people they accompany), with the health of active ones.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(DuoFilter), responses(
    (status = 200, body = Vec<Duo>),
    ReadErrors
))]
#[get("")]
pub async fn list_duos(
    state: web::Data<AppState>,
    ctx: Ctx,
    query: Query<DuoFilter>,
) -> Result<web::Json<Vec<Duo>>, ApiError> {
    ctx.require(Permission::ReadDuos)?;
    let found = duos::list(&state.db, ctx.user.people_scope(), query.0.status, ctx.lang).await?;
    Ok(web::Json(found))
}

/// Active duos that need attention first: the coordinator's call list.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), responses(
    (status = 200, body = Vec<Duo>),
    ReadErrors
))]
#[get("/attention")]
pub async fn attention(
    state: web::Data<AppState>,
    ctx: Ctx,
) -> Result<web::Json<Vec<Duo>>, ApiError> {
    ctx.require(Permission::ReadDuos)?;
    let found = duos::attention(&state.db, ctx.user.people_scope(), ctx.lang).await?;
    Ok(web::Json(found))
}

/// One duo with its health.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Duo),
    ItemErrors
))]
#[get("/{id}")]
pub async fn get_duo(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Duo>, ApiError> {
    ctx.require(Permission::ReadDuos)?;
    let duo = duos::get(
        &state.db,
        ctx.user.people_scope(),
        id.into_inner(),
        ctx.lang,
    )
    .await?;
    Ok(web::Json(duo))
}

/// Move a duo along its life: introduced, active (confirmed after the trial meeting), paused,
/// ended (with reason and outcome) or declined (with reason; both return to the pool and are
/// not proposed together again).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = DuoTransition, responses(
    (status = 200, body = Duo),
    WriteErrors
))]
#[post("/{id}/transition")]
pub async fn transition(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<DuoTransition>,
) -> Result<web::Json<Duo>, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    let acting = Acting::from(&ctx);
    let duo = duos::transition(&state.db, &acting, id.into_inner(), body.0, ctx.lang).await?;
    Ok(web::Json(duo))
}
