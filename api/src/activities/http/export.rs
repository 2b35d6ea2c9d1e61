//! The attendee list as a CSV download.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use shared::activities::{CsvQuery, CsvSeparator};
use uuid::Uuid;

use crate::activities::export::{attendees_csv as render, CsvForm};
use crate::activities::service;
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Query;
use crate::http::openapi::ItemErrors;
use crate::state::AppState;

/// The attendee list as CSV (UTF-8 with BOM, CRLF).
///
/// By default (`sep=comma`) for programs: the columns `name`, `email`, `phone`, `category`,
/// `status`, `source`, `registered_at`, the API's own values, times in RFC 3339. With
/// `sep=semicolon`, for Excel in Belgium: column names and values in the request's language
/// (`Accept-Language`), times as `YYYY-MM-DD HH:MM` in Brussels time.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = Uuid, Path), CsvQuery), responses(
    (status = 200, description = "CSV file", content_type = "text/csv"),
    ItemErrors
))]
#[get("/{id}/attendees.csv")]
pub async fn attendees_csv(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    query: Query<CsvQuery>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ReadActivities)?;
    let form = match query.0.sep.unwrap_or(CsvSeparator::Comma) {
        CsvSeparator::Comma => CsvForm::Plain,
        CsvSeparator::Semicolon => CsvForm::Excel(ctx.lang),
    };
    let id = id.into_inner().to_string();
    let user = ctx.user;
    let rows = state
        .db
        .run(move |conn| service::attendees(conn, &user, &id))
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"attendees.csv\"",
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(render(&rows, form)?))
}
