//! Certificates of attendance: issue, download (one PDF, or a course's in one merged PDF),
//! revoke.

use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use shared::trainings::{CertificateSummary, IssueInput, RevokeInput};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, WriteErrors};
use crate::state::AppState;
use crate::trainings::service::certificates as service;

/// Issue certificates (coordinators): to `person_id`, refused (422 on `person_id`, with the
/// hours missing) below the module's attendance rule; or, without `person_id`, to every
/// trainee who completed and holds none. Returns the certificates issued.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = IssueInput, responses(
    (status = 201, body = Vec<CertificateSummary>),
    WriteErrors
))]
#[post("/courses/{id}/certificates")]
pub async fn issue_certificates(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<IssueInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageTrainings)?;
    let (id, by, actor, lang) = (
        id.into_inner(),
        Some(ctx.user.id.to_string()),
        ctx.actor.clone(),
        ctx.lang,
    );
    let issued = state
        .db
        .run(move |conn| service::issue(conn, id, &body.0, by, &actor, lang))
        .await?;
    Ok(HttpResponse::Created().json(issued))
}

fn pdf(name: &str, bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes)
}

/// Every valid certificate of the course in one merged PDF, a page each (none issued: 404).
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "One PDF, a page per certificate", content_type = "application/pdf"),
    ItemErrors
))]
#[get("/courses/{id}/certificates")]
pub async fn course_certificates(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageTrainings)?;
    let (id, actor, base) = (
        id.into_inner(),
        ctx.actor.clone(),
        state.public_url().to_owned(),
    );
    let bytes = state
        .db
        .run(move |conn| service::pdf_course(conn, id, &base, &actor))
        .await?;
    Ok(pdf(&format!("certificates-{id}.pdf"), bytes))
}

/// One certificate as PDF (a revoked one: 404).
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The certificate", content_type = "application/pdf"),
    ItemErrors
))]
#[get("/certificates/{id}")]
pub async fn get_certificate(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageTrainings)?;
    let (id, actor, base) = (
        id.into_inner(),
        ctx.actor.clone(),
        state.public_url().to_owned(),
    );
    let (name, bytes) = state
        .db
        .run(move |conn| service::pdf_one(conn, id, &base, &actor))
        .await?;
    Ok(pdf(&name, bytes))
}

/// Revoke a certificate (coordinators), with the reason: its code stops being confirmed at
/// once. Revoking twice is a conflict.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = RevokeInput, responses(
    (status = 200, body = CertificateSummary),
    WriteErrors
))]
#[post("/certificates/{id}/revoke")]
pub async fn revoke_certificate(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<RevokeInput>,
) -> Result<web::Json<CertificateSummary>, ApiError> {
    ctx.require(Permission::ManageTrainings)?;
    let (id, by, actor) = (id.into_inner(), ctx.user.id.to_string(), ctx.actor.clone());
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::revoke(conn, id, &body.0.reason, &by, &actor))
            .await?,
    ))
}
