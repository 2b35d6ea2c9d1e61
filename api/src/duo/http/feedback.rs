//! `/duos/{id}/feedback`: each side's feedback on the trial meeting.

use actix_web::{get, post, web, HttpResponse};
use shared::duo::{TrialFeedback, TrialFeedbackInput};
use uuid::Uuid;

use crate::duo::service::{feedback, Acting};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, WriteErrors};
use crate::state::AppState;

/// The trial meeting's feedback of a duo (newcomer first; coaches: duos of the people they
/// accompany).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<TrialFeedback>),
    ItemErrors
))]
#[get("/{id}/feedback")]
pub async fn list_feedback(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<TrialFeedback>>, ApiError> {
    ctx.require(Permission::ReadDuos)?;
    let found = feedback::list(&state.db, ctx.user.people_scope(), id.into_inner()).await?;
    Ok(web::Json(found))
}

/// Record one side's feedback on the trial meeting of an introduced duo, on the person's
/// behalf (coordinators and administrators). Recording it again for the same side replaces it
/// (200); the first time answers 201. The duo's state does not change: confirming or declining
/// stays a coordinator's decision.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = TrialFeedbackInput, responses(
    (status = 201, body = TrialFeedback, description = "Recorded"),
    (status = 200, body = TrialFeedback, description = "Replaced the side's earlier feedback"),
    WriteErrors
))]
#[post("/{id}/feedback")]
pub async fn record_feedback(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<TrialFeedbackInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageDuos)?;
    let acting = Acting::from(&ctx);
    let (f, created) =
        feedback::record_feedback(&state.db, &acting, id.into_inner(), body.0).await?;
    Ok(if created {
        HttpResponse::Created().json(f)
    } else {
        HttpResponse::Ok().json(f)
    })
}
