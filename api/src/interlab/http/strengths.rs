//! `/interlab/strengths`: the vocabulary of strengths a diagnostic starts from, in four languages.

use actix_web::{get, post, put, web, HttpResponse};
use shared::interlab::{Term, TermInput, TermKind};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::interlab::service::{vocabulary, Acting};
use crate::state::AppState;

/// The strengths, by slug.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), responses(
    (status = 200, body = Vec<Term>),
    ReadErrors
))]
#[get("/strengths")]
pub async fn list_strengths(
    state: web::Data<AppState>,
    ctx: Ctx,
) -> Result<web::Json<Vec<Term>>, ApiError> {
    ctx.require(Permission::ReadInterlab)?;
    Ok(web::Json(
        vocabulary::list(&state.db, TermKind::Strength).await?,
    ))
}

/// Add a strength (409 when the slug is taken).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), request_body = TermInput, responses(
    (status = 201, body = Term),
    WriteErrors
))]
#[post("/strengths")]
pub async fn create_strength(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<TermInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    let t = vocabulary::create(&state.db, &Acting::from(&ctx), TermKind::Strength, body.0).await?;
    Ok(HttpResponse::Created().json(t))
}

/// Change a strength's slug or labels.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = TermInput, responses(
    (status = 200, body = Term),
    WriteErrors
))]
#[put("/strengths/{id}")]
pub async fn update_strength(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<TermInput>,
) -> Result<web::Json<Term>, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    let acting = Acting::from(&ctx);
    let t = vocabulary::update(
        &state.db,
        &acting,
        TermKind::Strength,
        id.into_inner(),
        body.0,
    )
    .await?;
    Ok(web::Json(t))
}
