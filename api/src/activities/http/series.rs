//! Workshop series: many sessions created at once.

use actix_web::{post, web, HttpResponse};
use shared::activities::{Activity, SeriesInput};

use crate::activities::dto::activity_dto;
use crate::activities::service;
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::WriteErrors;
use crate::state::AppState;

/// Create a workshop series: the first session repeated weekly (or every N weeks) until a date,
/// or on hand-picked dates. Each session can then be moved or cancelled on its own.
#[utoipa::path(tag = "activities", security(("bearer" = [])), request_body = SeriesInput, responses(
    (status = 201, body = Vec<Activity>),
    WriteErrors
))]
#[post("/series")]
pub async fn create_series(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<SeriesInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteActivities)?;
    let input = body.0;
    let by = Some(ctx.user.id.to_string());
    let actor = ctx.actor;
    let recs = state
        .db
        .run(move |conn| service::create_series(conn, &input, by, &actor))
        .await?;
    let dtos = recs
        .iter()
        .map(activity_dto)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Created().json(dtos))
}
