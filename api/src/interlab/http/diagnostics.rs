//! `/interlab/entrepreneurs/{id}/diagnostics`: strengths-first diagnostics.

use actix_web::{get, post, web, HttpResponse};
use shared::interlab::{DiagnosticInput, Diagnostics};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, WriteErrors};
use crate::interlab::service::{diagnostics, Acting};
use crate::state::AppState;

/// An entrepreneur's diagnostics, oldest first, and the first compared with the latest
/// (coaches: of the entrepreneurs they accompany).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Diagnostics),
    ItemErrors
))]
#[get("/entrepreneurs/{id}/diagnostics")]
pub async fn list_diagnostics(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Diagnostics>, ApiError> {
    ctx.require(Permission::ReadInterlab)?;
    let d = diagnostics::list(&state.db, &Acting::from(&ctx), id.into_inner()).await?;
    Ok(web::Json(d))
}

/// Record a diagnostic: strengths first (at least one, level 1 to 4), then needs by domain
/// with the person's own goal. Each is a new dated version; earlier ones stay as they were.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = DiagnosticInput, responses(
    (status = 201, body = shared::interlab::Diagnostic),
    WriteErrors
))]
#[post("/entrepreneurs/{id}/diagnostics")]
pub async fn record_diagnostic(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<DiagnosticInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteEntrepreneurs)?;
    let d = diagnostics::record(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(HttpResponse::Created().json(d))
}
