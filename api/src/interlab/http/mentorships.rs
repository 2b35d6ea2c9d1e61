//! `/interlab/mentorships`: mentoring relations, proposed → active → ended.

use actix_web::{get, patch, post, web, HttpResponse};
use shared::interlab::{Mentorship, MentorshipFilter, MentorshipInput, MentorshipPatch};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::interlab::service::{mentorships, Acting};
use crate::state::AppState;

/// Relations, the latest first (coaches: of the entrepreneurs they accompany).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(MentorshipFilter), responses(
    (status = 200, body = Vec<Mentorship>),
    ReadErrors
))]
#[get("/mentorships")]
pub async fn list_mentorships(
    state: web::Data<AppState>,
    ctx: Ctx,
    query: Query<MentorshipFilter>,
) -> Result<web::Json<Vec<Mentorship>>, ApiError> {
    ctx.require(Permission::ReadMentors)?;
    Ok(web::Json(
        mentorships::list(&state.db, &Acting::from(&ctx), query.0).await?,
    ))
}

/// Propose a mentor to an entrepreneur. A mentor with no place left is refused (422 on
/// `mentor_id`) unless a coordinator sets `override_capacity` with an `override_reason`
/// (audited); an inactive mentor or one with a conflict of interest is refused; a second open
/// relation between the same two is a conflict (409).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), request_body = MentorshipInput, responses(
    (status = 201, body = Mentorship),
    WriteErrors
))]
#[post("/mentorships")]
pub async fn create_mentorship(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<MentorshipInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteMentorships)?;
    let m = mentorships::create(&state.db, &Acting::from(&ctx), body.0).await?;
    Ok(HttpResponse::Created().json(m))
}

/// One relation.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Mentorship),
    ItemErrors
))]
#[get("/mentorships/{id}")]
pub async fn get_mentorship(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Mentorship>, ApiError> {
    ctx.require(Permission::ReadMentors)?;
    let m = mentorships::get(&state.db, &Acting::from(&ctx), id.into_inner()).await?;
    Ok(web::Json(m))
}

/// Record each side's agreement and move the relation on, with `status`: `active` once both
/// agreed, `ended` with an `end_reason` (an ended relation changes no more: 409).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = MentorshipPatch, responses(
    (status = 200, body = Mentorship),
    WriteErrors
))]
#[patch("/mentorships/{id}")]
pub async fn update_mentorship(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<MentorshipPatch>,
) -> Result<web::Json<Mentorship>, ApiError> {
    ctx.require(Permission::WriteMentorships)?;
    let m = mentorships::update(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(web::Json(m))
}
