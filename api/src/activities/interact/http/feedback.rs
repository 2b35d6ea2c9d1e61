//! `/interact/sessions/{activity_id}/feedback`: participants' feedback on a workshop session,
//! recorded by the team (coordinators and administrators).

use actix_web::{get, post, web, HttpResponse};
use shared::interact::{FeedbackInput, SessionFeedback};
use uuid::Uuid;

use crate::activities::interact::service::{feedback, Acting};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, WriteErrors};
use crate::state::AppState;

/// Record what a participant said of an InterAct session that took place (a paper form, a
/// conversation): a rating 1–5 and an optional comment, once per participant registered for
/// (or present at) the session.
#[utoipa::path(tag = "interact", security(("bearer" = [])), params(("activity_id" = Uuid, Path)), request_body = FeedbackInput, responses(
    (status = 201, body = SessionFeedback),
    WriteErrors
))]
#[post("/sessions/{activity_id}/feedback")]
pub async fn record_feedback(
    state: web::Data<AppState>,
    ctx: Ctx,
    activity_id: web::Path<Uuid>,
    body: Json<FeedbackInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteActivities)?;
    let created = feedback::record(
        &state.db,
        &Acting::from(&ctx),
        activity_id.into_inner(),
        body.0,
    )
    .await?;
    Ok(HttpResponse::Created().json(created))
}

/// The feedback recorded on a session, newest first, with the participants' names and
/// comments (coordinators and administrators).
#[utoipa::path(tag = "interact", security(("bearer" = [])), params(("activity_id" = Uuid, Path)), responses(
    (status = 200, body = Vec<SessionFeedback>),
    ItemErrors
))]
#[get("/sessions/{activity_id}/feedback")]
pub async fn list_feedback(
    state: web::Data<AppState>,
    ctx: Ctx,
    activity_id: web::Path<Uuid>,
) -> Result<web::Json<Vec<SessionFeedback>>, ApiError> {
    ctx.require(Permission::WriteActivities)?;
    Ok(web::Json(
        feedback::list(&state.db, activity_id.into_inner()).await?,
    ))
}
