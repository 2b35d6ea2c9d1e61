//! Venues (La Grand Poste and Interra's usual places).

use actix_web::{get, post, web, HttpResponse};
use shared::activities::{Venue, VenueInput};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::activities::dto::venue_dto;
use crate::activities::service;
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::state::AppState;

/// Every route under `/venues`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_venues).service(create_venue);
}

/// Venues (La Grand Poste and Interra's usual places).
#[utoipa::path(tag = "activities", security(("bearer" = [])), responses(
    (status = 200, body = Vec<Venue>),
    ReadErrors
))]
#[get("")]
pub async fn list_venues(
    state: web::Data<AppState>,
    ctx: Ctx,
) -> Result<web::Json<Vec<Venue>>, ApiError> {
    ctx.require(Permission::ReadActivities)?;
    let rows = state.db.run(service::list_venues).await?;
    rows.iter()
        .map(venue_dto)
        .collect::<Result<Vec<_>, _>>()
        .map(web::Json)
}

/// Add a venue.
#[utoipa::path(tag = "activities", security(("bearer" = [])), request_body = VenueInput, responses(
    (status = 201, body = Venue),
    WriteErrors
))]
#[post("")]
pub async fn create_venue(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<VenueInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteActivities)?;
    let input = body.0;
    let actor = ctx.actor;
    let row = state
        .db
        .run(move |conn| service::create_venue(conn, &input, &actor))
        .await?;
    Ok(HttpResponse::Created().json(venue_dto(&row)?))
}
