//! `/interlab/mentors`: the directory of mentors, facilitators and experts, their personal
//! calendar feed, and `/interlab/entrepreneurs/{id}/mentor-suggestions`.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use shared::interlab::{
    Mentor, MentorFeed, MentorFilter, MentorInput, MentorPatch, MentorSuggestions, SuggestionQuery,
};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::interlab::service::{mentors, suggestions, Acting};
use crate::state::AppState;

/// The directory, by name, with combinable filters.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(MentorFilter), responses(
    (status = 200, body = Vec<Mentor>),
    ReadErrors
))]
#[get("/mentors")]
pub async fn list_mentors(
    state: web::Data<AppState>,
    ctx: Ctx,
    query: Query<MentorFilter>,
) -> Result<web::Json<Vec<Mentor>>, ApiError> {
    ctx.require(Permission::ReadMentors)?;
    Ok(web::Json(
        mentors::list(&state.db, &Acting::from(&ctx), query.0).await?,
    ))
}

/// Add a person of the people records to the directory.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), request_body = MentorInput, responses(
    (status = 201, body = Mentor),
    WriteErrors
))]
#[post("/mentors")]
pub async fn create_mentor(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<MentorInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    let m = mentors::create(&state.db, &Acting::from(&ctx), body.0).await?;
    Ok(HttpResponse::Created().json(m))
}

/// The entry of the mentor's account making the request (404 for other accounts): where a
/// mentor finds its own slots and calendar feed.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), responses(
    (status = 200, body = Mentor),
    ItemErrors
))]
#[get("/mentors/me")]
pub async fn my_mentor_entry(
    state: web::Data<AppState>,
    ctx: Ctx,
) -> Result<web::Json<Mentor>, ApiError> {
    ctx.require(Permission::OfficeHours)?;
    Ok(web::Json(
        mentors::mine(&state.db, &Acting::from(&ctx)).await?,
    ))
}

/// One entry (a mentor's own account: its own entry only).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Mentor),
    ItemErrors
))]
#[get("/mentors/{id}")]
pub async fn get_mentor(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Mentor>, ApiError> {
    ctx.require(Permission::OfficeHours)?;
    let m = mentors::get(&state.db, &Acting::from(&ctx), id.into_inner()).await?;
    Ok(web::Json(m))
}

/// Change the fields present; `null` clears an optional one.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = MentorPatch, responses(
    (status = 200, body = Mentor),
    WriteErrors
))]
#[patch("/mentors/{id}")]
pub async fn update_mentor(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<MentorPatch>,
) -> Result<web::Json<Mentor>, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    let m = mentors::update(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(web::Json(m))
}

/// Make a new personal calendar feed address for the mentor (shown once); the previous one
/// stops working. Coordinators for any mentor; a mentor's account for its own entry.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = MentorFeed),
    WriteErrors
))]
#[post("/mentors/{id}/feed")]
pub async fn rotate_mentor_feed(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<MentorFeed>, ApiError> {
    // Coordinators for anyone; a mentor's account for itself (checked by the service).
    ctx.require(Permission::OfficeHours)?;
    let f = mentors::rotate_feed(&state.db, &Acting::from(&ctx), id.into_inner()).await?;
    Ok(web::Json(f))
}

/// Close the mentor's calendar feed (coordinators, or the mentor's own account).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 204, description = "Revoked"),
    WriteErrors
))]
#[delete("/mentors/{id}/feed")]
pub async fn revoke_mentor_feed(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    // Coordinators for anyone; a mentor's account for itself (checked by the service).
    ctx.require(Permission::OfficeHours)?;
    mentors::revoke_feed(&state.db, &Acting::from(&ctx), id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The best mentors for an entrepreneur, each with a score (0–100) and its reasons in the
/// request's language. Inactive or full mentors, mentors who share no language with the
/// entrepreneur or have a conflict of interest flagged are never suggested.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path), SuggestionQuery), responses(
    (status = 200, body = MentorSuggestions),
    ItemErrors,
    ReadErrors
))]
#[get("/entrepreneurs/{id}/mentor-suggestions")]
pub async fn mentor_suggestions(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    query: Query<SuggestionQuery>,
) -> Result<web::Json<MentorSuggestions>, ApiError> {
    ctx.require(Permission::ReadMentors)?;
    let s =
        suggestions::suggestions(&state.db, &Acting::from(&ctx), id.into_inner(), query.0).await?;
    Ok(web::Json(s))
}
