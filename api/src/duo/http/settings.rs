//! `/duo/settings`: the matching weights.

use actix_web::{get, put, web};
use shared::duo::MatchingSettings;

use crate::duo::service::{settings, Acting};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::state::AppState;

/// The current matching weights.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), responses(
    (status = 200, body = MatchingSettings),
    ReadErrors
))]
#[get("/settings")]
pub async fn get_settings(
    state: web::Data<AppState>,
    ctx: Ctx,
) -> Result<web::Json<MatchingSettings>, ApiError> {
    ctx.require(Permission::ReadDuos)?;
    Ok(web::Json(settings::current(&state.db).await?))
}

/// Save new matching weights (administrators); creates a new version.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), request_body = MatchingSettings, responses(
    (status = 200, body = MatchingSettings),
    WriteErrors
))]
#[put("/settings")]
pub async fn put_settings(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<MatchingSettings>,
) -> Result<web::Json<MatchingSettings>, ApiError> {
    ctx.require(Permission::ConfigureMatching)?;
    let saved = settings::save(&state.db, &Acting::from(&ctx), body.0).await?;
    Ok(web::Json(saved))
}
