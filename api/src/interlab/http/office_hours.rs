//! `/interlab/office-hours`: slots mentors offer and their booking.

use actix_web::{delete, get, patch, post, put, web, HttpResponse};
use shared::interlab::{
    BookingInput, OfficeHour, OfficeHourFilter, OfficeHourInput, OfficeHourPatch,
};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::interlab::service::{office_hours, Acting};
use crate::state::AppState;

/// Slots by start time, from today unless `from` says otherwise (a mentor's account: its own).
/// A coach sees who booked only for the entrepreneurs they accompany.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(OfficeHourFilter), responses(
    (status = 200, body = Vec<OfficeHour>),
    ReadErrors
))]
#[get("/office-hours")]
pub async fn list_office_hours(
    state: web::Data<AppState>,
    ctx: Ctx,
    query: Query<OfficeHourFilter>,
) -> Result<web::Json<Vec<OfficeHour>>, ApiError> {
    ctx.require(Permission::OfficeHours)?;
    Ok(web::Json(
        office_hours::list(&state.db, &Acting::from(&ctx), query.0).await?,
    ))
}

/// Offer a slot (coordinators for any mentor, a mentor's account for itself).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), request_body = OfficeHourInput, responses(
    (status = 201, body = OfficeHour),
    WriteErrors
))]
#[post("/office-hours")]
pub async fn create_office_hour(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<OfficeHourInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::OfficeHours)?;
    let o = office_hours::create(&state.db, &Acting::from(&ctx), body.0).await?;
    Ok(HttpResponse::Created().json(o))
}

/// Move, relocate or cancel (`status: cancelled`) a slot that has not started; a cancelled slot
/// changes no more (409).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = OfficeHourPatch, responses(
    (status = 200, body = OfficeHour),
    WriteErrors
))]
#[patch("/office-hours/{id}")]
pub async fn update_office_hour(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<OfficeHourPatch>,
) -> Result<web::Json<OfficeHour>, ApiError> {
    ctx.require(Permission::OfficeHours)?;
    let o = office_hours::update(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(web::Json(o))
}

/// Book an entrepreneur into the slot (staff; a coach for the entrepreneurs they accompany).
/// A slot already booked, cancelled or past is a conflict (409); of simultaneous bookings
/// exactly one wins.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = BookingInput, responses(
    (status = 200, body = OfficeHour),
    WriteErrors
))]
#[put("/office-hours/{id}/booking")]
pub async fn book_office_hour(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<BookingInput>,
) -> Result<web::Json<OfficeHour>, ApiError> {
    ctx.require(Permission::BookOfficeHours)?;
    let o = office_hours::book(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(web::Json(o))
}

/// Free a booked slot that has not started.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 204, description = "Freed"),
    WriteErrors
))]
#[delete("/office-hours/{id}/booking")]
pub async fn unbook_office_hour(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteMentorships)?;
    office_hours::unbook(&state.db, &Acting::from(&ctx), id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
