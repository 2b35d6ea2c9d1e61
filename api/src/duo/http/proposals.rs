//! `/duo/proposals`: pairs proposed and waiting for a decision.

use actix_web::{get, post, web, HttpResponse};
use shared::duo::{Duo, PairRef};

use crate::duo::service::{matching, Acting};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::state::AppState;

/// Propose one pair chosen by a coordinator (e.g. from a candidate's suggestions).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), request_body = PairRef, responses(
    (status = 201, body = Duo),
    WriteErrors
))]
#[post("/proposals")]
pub async fn create_proposal(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<PairRef>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    let duo = matching::propose_one(&state.db, &Acting::from(&ctx), body.0, ctx.lang).await?;
    Ok(HttpResponse::Created().json(duo))
}

/// Proposals waiting for a decision (proposed and introduced), newest first.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), responses(
    (status = 200, body = Vec<Duo>),
    ReadErrors
))]
#[get("/proposals")]
pub async fn list_proposals(
    state: web::Data<AppState>,
    ctx: Ctx,
) -> Result<web::Json<Vec<Duo>>, ApiError> {
    ctx.require(Permission::ReadDuos)?;
    let duos = matching::proposals(&state.db, ctx.user.people_scope(), ctx.lang).await?;
    Ok(web::Json(duos))
}
