//! `/duos/{id}/check-ins`: the meetings a duo reports.

use actix_web::{get, post, web, HttpResponse};
use shared::duo::{CheckIn, CheckInInput};
use uuid::Uuid;

use crate::duo::service::{check_ins, Acting};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, WriteErrors};
use crate::state::AppState;

/// The duo's reported meetings, newest first.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<CheckIn>),
    ItemErrors
))]
#[get("/{id}/check-ins")]
pub async fn list_check_ins(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<CheckIn>>, ApiError> {
    ctx.require(Permission::ReadDuos)?;
    let found = check_ins::list(&state.db, ctx.user.people_scope(), id.into_inner()).await?;
    Ok(web::Json(found))
}

/// Report a meeting of the duo (coordinators, and coaches for the duos they accompany).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = CheckInInput, responses(
    (status = 201, body = CheckIn),
    WriteErrors
))]
#[post("/{id}/check-ins")]
pub async fn add_check_in(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<CheckInInput>,
) -> Result<HttpResponse, ApiError> {
    // Coaches report meetings too: the service keeps them to the duos they accompany.
    ctx.require(Permission::ReadDuos)?;
    let c = check_ins::add(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(HttpResponse::Created().json(c))
}
