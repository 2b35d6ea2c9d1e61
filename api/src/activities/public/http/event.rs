//! One public activity.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use shared::activities::PublicEvent;
use shared::Lang;
use uuid::Uuid;

use super::EventQuery;
use crate::activities::public::service;
use crate::error::ApiError;
use crate::http::extract::Query;
use crate::http::openapi::PublicReadErrors;
use crate::state::AppState;

/// One public activity.
#[utoipa::path(tag = "public", params(("id" = Uuid, Path), EventQuery), responses(
    (status = 200, body = PublicEvent),
    (status = 404, description = "Not a public activity", body = shared::Problem, content_type = "application/problem+json"),
    PublicReadErrors
))]
#[get("/events/{id}")]
pub async fn get_event(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: Query<EventQuery>,
) -> Result<HttpResponse, ApiError> {
    let lang = query.0.lang.unwrap_or(Lang::Fr);
    let event = service::load_public(&state.db, state.public_url(), id.into_inner(), lang).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .json(event))
}
