//! `/duos/{id}/assessments` and `/duo/assessments/summary`: self-assessments at the start and
//! at the end of a duo, and their aggregate for the reports.

use actix_web::{get, post, web, HttpResponse};
use shared::duo::{AssessmentSummary, SelfAssessment, SelfAssessmentInput};
use uuid::Uuid;

use crate::duo::service::{assessments, Acting};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::state::AppState;

/// A duo's self-assessments: before, then after; newcomer first (coaches: duos of the people
/// they accompany).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<SelfAssessment>),
    ItemErrors
))]
#[get("/{id}/assessments")]
pub async fn list_assessments(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<SelfAssessment>>, ApiError> {
    ctx.require(Permission::ReadDuos)?;
    let found = assessments::list(&state.db, ctx.user.people_scope(), id.into_inner()).await?;
    Ok(web::Json(found))
}

/// Record one person's self-assessment for a phase (coordinators and administrators), on
/// their behalf. The newcomer answers `french_confidence` (1–5) and `help_contacts` (0–100);
/// the local answers `intercultural_understanding` (1–5) and, at the end, `learnt`. `before`
/// is recorded once the duo has been introduced, `after` once it is running or has ended.
/// Recording a phase again for the same person replaces it (200); the first time answers 201.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = SelfAssessmentInput, responses(
    (status = 201, body = SelfAssessment, description = "Recorded"),
    (status = 200, body = SelfAssessment, description = "Replaced the person's earlier answers for this phase"),
    WriteErrors
))]
#[post("/{id}/assessments")]
pub async fn record_assessment(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<SelfAssessmentInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    let acting = Acting::from(&ctx);
    let (a, created) =
        assessments::record_assessment(&state.db, &acting, id.into_inner(), body.0).await?;
    Ok(if created {
        HttpResponse::Created().json(a)
    } else {
        HttpResponse::Ok().json(a)
    })
}

/// The self-assessments in aggregate, for the reports: how many answered before and after,
/// the averages, and the average change of those who answered both. Never per person; an
/// average over fewer than five answers is withheld (`null`). Coordinators and administrators.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), responses(
    (status = 200, body = AssessmentSummary),
    ReadErrors
))]
#[get("/assessments/summary")]
pub async fn summary(
    state: web::Data<AppState>,
    ctx: Ctx,
) -> Result<web::Json<AssessmentSummary>, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    Ok(web::Json(assessments::summary(&state.db).await?))
}
