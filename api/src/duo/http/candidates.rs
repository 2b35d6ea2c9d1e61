//! `/duo/candidates`: the candidate pool.

use actix_web::{get, post, put, web, HttpResponse};
use shared::duo::{Candidacy, CandidacyInput, CandidateFilter};
use uuid::Uuid;

use crate::duo::service::{candidacies, Acting};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::state::AppState;

/// The candidate pool (coaches: only the people they accompany).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(CandidateFilter), responses(
    (status = 200, body = Vec<Candidacy>),
    ReadErrors
))]
#[get("/candidates")]
pub async fn list_candidates(
    state: web::Data<AppState>,
    ctx: Ctx,
    query: Query<CandidateFilter>,
) -> Result<web::Json<Vec<Candidacy>>, ApiError> {
    ctx.require(Permission::ReadDuos)?;
    let f = query.0;
    let found = candidacies::list(&state.db, ctx.user.people_scope(), f.status, f.side).await?;
    Ok(web::Json(found))
}

/// Open a Duo2Change candidacy for a person (one open candidacy per person).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), request_body = CandidacyInput, responses(
    (status = 201, body = Candidacy),
    WriteErrors
))]
#[post("/candidates")]
pub async fn create_candidate(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<CandidacyInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    let c = candidacies::create(&state.db, &Acting::from(&ctx), body.0).await?;
    Ok(HttpResponse::Created().json(c))
}

/// One candidacy.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Candidacy),
    ItemErrors
))]
#[get("/candidates/{id}")]
pub async fn get_candidate(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Candidacy>, ApiError> {
    ctx.require(Permission::ReadDuos)?;
    let c = candidacies::get(&state.db, ctx.user.people_scope(), id.into_inner()).await?;
    Ok(web::Json(c))
}

/// Update a candidacy (preferences, remarks), withdraw it or put it back in the pool.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = CandidacyInput, responses(
    (status = 200, body = Candidacy),
    WriteErrors
))]
#[put("/candidates/{id}")]
pub async fn update_candidate(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<CandidacyInput>,
) -> Result<web::Json<Candidacy>, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    let c = candidacies::update(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(web::Json(c))
}
