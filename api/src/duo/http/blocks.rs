//! `/duo/blocks`: pairs never to propose. Blocks say things about people's relationships:
//! only coordinators and administrators see them.

use actix_web::{delete, get, post, web, HttpResponse};
use shared::duo::{BlockFilter, PairBlock, PairBlockInput};
use uuid::Uuid;

use crate::duo::service::{blocks, Acting};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::state::AppState;

/// Pairs the matching never proposes, newest first (coordinators and administrators).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(BlockFilter), responses(
    (status = 200, body = Vec<PairBlock>),
    ReadErrors
))]
#[get("/blocks")]
pub async fn list_blocks(
    state: web::Data<AppState>,
    ctx: Ctx,
    filter: Query<BlockFilter>,
) -> Result<web::Json<Vec<PairBlock>>, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    Ok(web::Json(
        blocks::list(&state.db, filter.0.person_id).await?,
    ))
}

/// Say "do not pair" for two people: suggestions, batch runs and proposals leave the pair out
/// from now on. Proposals already made stay; decline them if needed.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), request_body = PairBlockInput, responses(
    (status = 201, body = PairBlock),
    WriteErrors
))]
#[post("/blocks")]
pub async fn create_block(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<PairBlockInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    let block = blocks::create(&state.db, &Acting::from(&ctx), body.0).await?;
    Ok(HttpResponse::Created().json(block))
}

/// Lift a coordinator's "do not pair". Blocks that come from a declined proposal or a duo that
/// ended badly stay (409).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 204, description = "Lifted"),
    WriteErrors
))]
#[delete("/blocks/{id}")]
pub async fn delete_block(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    blocks::delete(&state.db, &Acting::from(&ctx), id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
