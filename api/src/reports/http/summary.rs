//! `/reports/summary` (JSON, CSV, XLSX) and `/reports/yearly`: coordinators and admins only.

use std::sync::Arc;

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use shared::activities::CsvSeparator;
use shared::reports::{ReportQuery, ReportSummary, YearlyQuery, YearlyReport};

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Query;
use crate::http::openapi::ReadErrors;
use crate::reports::{export, service};
use crate::state::AppState;

async fn load(
    state: &AppState,
    ctx: &Ctx,
    q: &ReportQuery,
) -> Result<Arc<ReportSummary>, ApiError> {
    ctx.require(Permission::ReadReports)?;
    let period = service::period_of(q)?;
    let (db, cache) = (state.db.clone(), state.reports.clone());
    state
        .db
        .run(move |conn| service::cached_summary(&cache, &db, conn, period))
        .await
}

fn download(body: Vec<u8>, content_type: &str, name: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

/// Every programme's indicators over a period (Europe/Brussels days): `from` and `to`, or a
/// `year` with an optional `quarter` or `month`; this year by default. A figure counting
/// fewer than 5 people, or one that would let such a figure be recomputed, is `null` with
/// `suppressed: true`.
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(ReportQuery), responses(
    (status = 200, body = ReportSummary),
    ReadErrors
))]
#[get("/summary")]
pub async fn summary(
    state: web::Data<AppState>,
    ctx: Ctx,
    query: Query<ReportQuery>,
) -> Result<web::Json<ReportSummary>, ApiError> {
    Ok(web::Json((*load(&state, &ctx, &query.0).await?).clone()))
}

/// The same figures as CSV (UTF-8 with BOM; `sep=semicolon` for Excel in Belgium); a
/// suppressed figure reads `< 5`.
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(ReportQuery), responses(
    (status = 200, description = "CSV file", content_type = "text/csv"),
    ReadErrors
))]
#[get("/summary.csv")]
pub async fn summary_csv(
    state: web::Data<AppState>,
    ctx: Ctx,
    query: Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
    let sep = match query.0.sep.unwrap_or(CsvSeparator::Comma) {
        CsvSeparator::Comma => b',',
        CsvSeparator::Semicolon => b';',
    };
    let report = load(&state, &ctx, &query.0).await?;
    let name = format!("interra-{}-{}.csv", report.from, report.to);
    Ok(download(
        export::csv(&report, sep)?,
        "text/csv; charset=utf-8",
        &name,
    ))
}

/// The same figures as an XLSX workbook, one sheet per indicator group; a suppressed figure
/// reads `< 5`.
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(ReportQuery), responses(
    (status = 200, description = "XLSX workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ReadErrors
))]
#[get("/summary.xlsx")]
pub async fn summary_xlsx(
    state: web::Data<AppState>,
    ctx: Ctx,
    query: Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = load(&state, &ctx, &query.0).await?;
    let name = format!("interra-{}-{}.xlsx", report.from, report.to);
    Ok(download(
        export::xlsx(&report)?,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &name,
    ))
}

/// The funders' yearly report (data of the web app's print-styled page): the key figures,
/// then every indicator of the calendar year, suppressed like the summary.
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(YearlyQuery), responses(
    (status = 200, body = YearlyReport),
    ReadErrors
))]
#[get("/yearly")]
pub async fn yearly(
    state: web::Data<AppState>,
    ctx: Ctx,
    query: Query<YearlyQuery>,
) -> Result<web::Json<YearlyReport>, ApiError> {
    ctx.require(Permission::ReadReports)?;
    let year = query.0.year;
    let (db, cache) = (state.db.clone(), state.reports.clone());
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::yearly(&cache, &db, conn, year))
            .await?,
    ))
}
