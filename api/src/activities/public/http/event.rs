//! One public activity.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use shared::activities::PublicEvent;
use shared::Lang;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::activities::feeds::ics;
use crate::activities::public::dto::{feed_vevent, ics_texts};
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

/// The language an event's page or file is asked in (French by default); an unknown one is
/// refused as on the lists, not silently read as French.
fn lang_of(query: &EventLangQuery) -> Result<Lang, ApiError> {
    match query.lang.as_deref() {
        None => Ok(Lang::Fr),
        Some(l) => Lang::from_tag(l).ok_or_else(|| ApiError::field("lang", Msg::InvalidValue)),
    }
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
    let lang = lang_of(&query.0)?;
    let event = service::load_public(&state.db, state.public_url(), id.into_inner(), lang).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .json(event))
}

/// One public activity as an iCalendar file, for "add to my calendar" (RFC 5545, one event with
/// the same UID as in `/events.ics`, so a calendar that has both knows it is one event; a
/// cancelled activity comes as `STATUS:CANCELLED`).
#[utoipa::path(tag = "public", params(("id" = Uuid, Path), EventLangQuery), responses(
    (status = 200, description = "iCalendar file with one event", content_type = "text/calendar"),
    (status = 404, description = "Not a public activity", body = shared::Problem, content_type = "application/problem+json"),
    PublicReadErrors
))]
#[get("/events/{id}/calendar.ics")]
pub async fn event_ics(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: Query<EventLangQuery>,
) -> Result<HttpResponse, ApiError> {
    let lang = lang_of(&query.0)?;
    let id = id.into_inner();
    let (rec, slugs) = service::public_record(&state.db, id).await?;
    let mut body = String::with_capacity(4096);
    ics::begin(&mut body, &ics_texts(&rec, lang).0);
    feed_vevent(&mut body, &rec, lang, state.public_url(), &slugs);
    ics::end(&mut body);
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"interra-event.ics\"",
        ))
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .body(body))
}
