//! `/duo/communes`: the communes of the Liège area and their neighbours, for travel ranges.

use actix_web::{get, put, web, HttpResponse};
use shared::duo::{Commune, CommuneInput};

use crate::duo::service::{communes, Acting};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::people::domain::parse_slug;
use crate::state::AppState;

/// The communes of the Liège area known to matching, by name, with their neighbours.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), responses(
    (status = 200, body = Vec<Commune>),
    ReadErrors
))]
#[get("/communes")]
pub async fn list_communes(
    state: web::Data<AppState>,
    ctx: Ctx,
) -> Result<web::Json<Vec<Commune>>, ApiError> {
    ctx.require(Permission::ReadDuos)?;
    Ok(web::Json(communes::list(&state.db).await?))
}

/// Create or replace a commune and its neighbours (administrators). Links are kept on both
/// sides: naming B as a neighbour of A makes A a neighbour of B, and a link left out is removed
/// from both. Answers 201 when the commune is new.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = String, Path, description = "e.g. `liege`")), request_body = CommuneInput, responses(
    (status = 201, body = Commune, description = "Created"),
    (status = 200, body = Commune, description = "Replaced"),
    WriteErrors
))]
#[put("/communes/{id}")]
pub async fn put_commune(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<String>,
    body: Json<CommuneInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ConfigureMatching)?;
    let acting = Acting::from(&ctx);
    let (commune, created) = communes::save(&state.db, &acting, parse_slug(&id), body.0).await?;
    Ok(if created {
        HttpResponse::Created().json(commune)
    } else {
        HttpResponse::Ok().json(commune)
    })
}
