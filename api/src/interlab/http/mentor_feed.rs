//! `/public/interlab/mentors/feeds/{token}.ics`: a mentor's booked office hours, to subscribe to
//! from a calendar application. The token (256 bits) is the only key; staff rotate or revoke it.

use actix_web::{get, web, HttpResponse};

use crate::error::ApiError;
use crate::http::openapi::PublicReadErrors;
use crate::interlab::service::office_hours;
use crate::state::AppState;

/// A mentor's personal calendar of booked office hours (iCalendar, Europe/Brussels). An unknown
/// or revoked token is not found.
#[utoipa::path(tag = "public", params(("token" = String, Path)), responses(
    (status = 200, description = "iCalendar feed", content_type = "text/calendar"),
    (status = 404, description = "Unknown or revoked feed", content_type = "application/problem+json", body = shared::Problem),
    PublicReadErrors
))]
#[get("/mentors/feeds/{token}.ics")]
pub async fn mentor_feed(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let token = token.into_inner();
    if token.len() != 43
        || !token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(ApiError::NotFound);
    }
    let base = state.public_url().to_owned();
    match office_hours::feed(&state.db, token, base).await? {
        Some(body) => Ok(HttpResponse::Ok()
            .content_type("text/calendar; charset=utf-8")
            .insert_header(("Cache-Control", "private, no-store"))
            .body(body)),
        None => Err(ApiError::NotFound),
    }
}
