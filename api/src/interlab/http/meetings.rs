//! `/interlab/entrepreneurs/{id}/meetings`: accompaniment meetings and their next steps.

use actix_web::{delete, get, post, put, web, HttpResponse};
use shared::interlab::{Meeting, MeetingInput, Milestone};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, WriteErrors};
use crate::interlab::service::{meetings, Acting};
use crate::state::AppState;

/// An entrepreneur's meetings, the latest first (coaches: of the entrepreneurs they accompany).
/// Notes are given to InterLab staff and the entrepreneur's coach only (`notes_hidden`
/// otherwise).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<Meeting>),
    ItemErrors
))]
#[get("/entrepreneurs/{id}/meetings")]
pub async fn list_meetings(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<Meeting>>, ApiError> {
    ctx.require(Permission::ReadInterlab)?;
    Ok(web::Json(
        meetings::list(&state.db, &Acting::from(&ctx), id.into_inner()).await?,
    ))
}

/// Record a meeting: who was there, the entrepreneur's words, notes, decisions, next steps. A
/// mentor's account records them for the entrepreneurs of its active relations, and is among
/// those who were there.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = MeetingInput, responses(
    (status = 201, body = Meeting),
    WriteErrors
))]
#[post("/entrepreneurs/{id}/meetings")]
pub async fn record_meeting(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<MeetingInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::RecordMeetings)?;
    let acting = Acting::from(&ctx);
    let m = meetings::save(&state.db, &acting, id.into_inner(), None, body.0).await?;
    Ok(HttpResponse::Created().json(m))
}

/// Change a meeting (steps that became milestones keep their link when sent back with it).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path), ("meeting_id" = Uuid, Path)), request_body = MeetingInput, responses(
    (status = 200, body = Meeting),
    WriteErrors
))]
#[put("/entrepreneurs/{id}/meetings/{meeting_id}")]
pub async fn update_meeting(
    state: web::Data<AppState>,
    ctx: Ctx,
    ids: web::Path<(Uuid, Uuid)>,
    body: Json<MeetingInput>,
) -> Result<web::Json<Meeting>, ApiError> {
    ctx.require(Permission::WriteEntrepreneurs)?;
    let (id, meeting) = ids.into_inner();
    let acting = Acting::from(&ctx);
    let m = meetings::save(&state.db, &acting, id, Some(meeting), body.0).await?;
    Ok(web::Json(m))
}

/// Remove a meeting; the milestones its next steps became stay on the path.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path), ("meeting_id" = Uuid, Path)), responses(
    (status = 204, description = "Removed"),
    WriteErrors
))]
#[delete("/entrepreneurs/{id}/meetings/{meeting_id}")]
pub async fn delete_meeting(
    state: web::Data<AppState>,
    ctx: Ctx,
    ids: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteEntrepreneurs)?;
    let (id, meeting) = ids.into_inner();
    meetings::delete(&state.db, &Acting::from(&ctx), id, meeting).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Turn a meeting's next step into a milestone of the path, in one click (409 when it already
/// became one; its need must be this entrepreneur's).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path), ("meeting_id" = Uuid, Path), ("index" = u32, Path)), responses(
    (status = 201, body = Milestone),
    WriteErrors
))]
#[post("/entrepreneurs/{id}/meetings/{meeting_id}/next-steps/{index}/milestone")]
pub async fn next_step_milestone(
    state: web::Data<AppState>,
    ctx: Ctx,
    ids: web::Path<(Uuid, Uuid, u32)>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteEntrepreneurs)?;
    let (id, meeting, index) = ids.into_inner();
    let acting = Acting::from(&ctx);
    let m = meetings::step_to_milestone(&state.db, &acting, id, meeting, index).await?;
    Ok(HttpResponse::Created().json(m))
}
