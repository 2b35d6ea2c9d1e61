//! The attendee list as a CSV download.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::activities::export::attendees_csv as render;
use crate::activities::service;
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Query;
use crate::http::openapi::ItemErrors;
use crate::i18n::Msg;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CsvQuery {
    /// `semicolon` for Belgian Excel locales (default: comma).
    pub sep: Option<String>,
}

/// The attendee list as CSV (UTF-8 with BOM, for Excel).
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
    let sep = match query.0.sep.as_deref() {
        None | Some("comma") => b',',
        Some("semicolon") => b';',
        Some(_) => return Err(ApiError::field("sep", Msg::InvalidValue)),
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
        .body(render(&rows, sep)?))
}
