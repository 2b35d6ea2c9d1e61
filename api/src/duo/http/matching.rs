//! `/duo/candidates/{id}/suggestions` and `/duo/batch`: what the matching proposes.

use actix_web::{get, post, web, HttpResponse};
use shared::duo::{BatchAccept, BatchPreview, BatchRequest, Duo, Suggestion, SuggestionQuery};
use uuid::Uuid;

use crate::duo::service::{matching, Acting};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, WriteErrors};
use crate::state::AppState;

/// The best partners for one candidate, ranked, with the reasons.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path), SuggestionQuery), responses(
    (status = 200, body = Vec<Suggestion>),
    ItemErrors
))]
#[get("/candidates/{id}/suggestions")]
pub async fn candidate_suggestions(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    query: Query<SuggestionQuery>,
) -> Result<web::Json<Vec<Suggestion>>, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    let k = query.0.k.unwrap_or(5).clamp(1, 50);
    let found = matching::suggestions(&state.db, id.into_inner(), k, ctx.lang).await?;
    Ok(web::Json(found))
}

/// Preview the optimal pairing of the whole waiting pool. Nothing is stored.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), request_body = BatchRequest, responses(
    (status = 200, body = BatchPreview),
    WriteErrors
))]
#[post("/batch")]
pub async fn batch_preview(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<BatchRequest>,
) -> Result<web::Json<BatchPreview>, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    let preview = matching::preview(&state.db, body.0.pinned, ctx.lang).await?;
    Ok(web::Json(preview))
}

/// Turn the pairs of a batch preview into proposals (checked again against the current pool).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), request_body = BatchAccept, responses(
    (status = 201, body = Vec<Duo>),
    WriteErrors
))]
#[post("/batch/accept")]
pub async fn batch_accept(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<BatchAccept>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    let duos = matching::accept(&state.db, &Acting::from(&ctx), body.0.pairs, ctx.lang).await?;
    Ok(HttpResponse::Created().json(duos))
}
