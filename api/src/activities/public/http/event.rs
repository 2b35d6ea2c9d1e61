//! One public activity.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use shared::activities::PublicEvent;
use shared::Lang;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::activities::public::service;
use crate::error::ApiError;
use crate::http::extract::Query;
use crate::http::openapi::PublicReadErrors;
use crate::i18n::Msg;
use crate::state::AppState;

/// The one parameter an event page reads (the list's filters mean nothing here).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventLangQuery {
    /// Language of the title and description: fr (default), en, nl, ar.
    pub lang: Option<String>,
}

/// One public activity.
#[utoipa::path(tag = "public", params(("id" = Uuid, Path), EventLangQuery), responses(
    (status = 200, body = PublicEvent),
    (status = 404, description = "Not a public activity", body = shared::Problem, content_type = "application/problem+json"),
    PublicReadErrors
))]
#[get("/events/{id}")]
pub async fn get_event(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: Query<EventLangQuery>,
) -> Result<HttpResponse, ApiError> {
    // An unknown language is refused as on the lists, not silently read as French.
    let lang = match query.0.lang.as_deref() {
        None => Lang::Fr,
        Some(l) => Lang::from_tag(l).ok_or_else(|| ApiError::field("lang", Msg::InvalidValue))?,
    };
    let event = service::load_public(&state.db, state.public_url(), id.into_inner(), lang).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .json(event))
}
