//! `/interlab/entrepreneurs/{id}/outcomes`: where the path led, and `/interlab/follow-ups`: the
//! calls due 6 and 12 months after leaving it.

use actix_web::{delete, get, post, put, web, HttpResponse};
use shared::interlab::{
    Outcome, OutcomeFollowUp, OutcomeFollowUpDone, OutcomeFollowUpFilter, OutcomeInput,
};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::interlab::service::{outcomes, Acting};
use crate::state::AppState;

/// An entrepreneur's outcomes, the latest first, with their follow-up calls.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<Outcome>),
    ItemErrors
))]
#[get("/entrepreneurs/{id}/outcomes")]
pub async fn list_outcomes(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<Outcome>>, ApiError> {
    ctx.require(Permission::ReadInterlab)?;
    Ok(web::Json(
        outcomes::list(&state.db, &Acting::from(&ctx), id.into_inner()).await?,
    ))
}

/// Record an outcome. One that ends the path (all but a pause) schedules follow-up calls 6
/// and 12 months later and closes the InterLab membership; a pause pauses it.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = OutcomeInput, responses(
    (status = 201, body = Outcome),
    WriteErrors
))]
#[post("/entrepreneurs/{id}/outcomes")]
pub async fn record_outcome(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<OutcomeInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteEntrepreneurs)?;
    let acting = Acting::from(&ctx);
    let o = outcomes::save(&state.db, &acting, id.into_inner(), None, body.0).await?;
    Ok(HttpResponse::Created().json(o))
}

/// Change an outcome (a new kind or date schedules its follow-ups again).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path), ("outcome_id" = Uuid, Path)), request_body = OutcomeInput, responses(
    (status = 200, body = Outcome),
    WriteErrors
))]
#[put("/entrepreneurs/{id}/outcomes/{outcome_id}")]
pub async fn update_outcome(
    state: web::Data<AppState>,
    ctx: Ctx,
    ids: web::Path<(Uuid, Uuid)>,
    body: Json<OutcomeInput>,
) -> Result<web::Json<Outcome>, ApiError> {
    ctx.require(Permission::WriteEntrepreneurs)?;
    let (id, outcome) = ids.into_inner();
    let acting = Acting::from(&ctx);
    let o = outcomes::save(&state.db, &acting, id, Some(outcome), body.0).await?;
    Ok(web::Json(o))
}

/// Remove an outcome recorded by mistake, with its follow-ups.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path), ("outcome_id" = Uuid, Path)), responses(
    (status = 204, description = "Removed"),
    WriteErrors
))]
#[delete("/entrepreneurs/{id}/outcomes/{outcome_id}")]
pub async fn delete_outcome(
    state: web::Data<AppState>,
    ctx: Ctx,
    ids: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteEntrepreneurs)?;
    let (id, outcome) = ids.into_inner();
    outcomes::delete(&state.db, &Acting::from(&ctx), id, outcome).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Follow-up calls by due date, still to do unless `done=true` (coaches: of the entrepreneurs
/// they accompany).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(OutcomeFollowUpFilter), responses(
    (status = 200, body = Vec<OutcomeFollowUp>),
    ReadErrors
))]
#[get("/follow-ups")]
pub async fn list_follow_ups(
    state: web::Data<AppState>,
    ctx: Ctx,
    query: Query<OutcomeFollowUpFilter>,
) -> Result<web::Json<Vec<OutcomeFollowUp>>, ApiError> {
    ctx.require(Permission::ReadInterlab)?;
    Ok(web::Json(
        outcomes::follow_up_list(&state.db, &Acting::from(&ctx), query.0).await?,
    ))
}

/// Mark a follow-up call made.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = OutcomeFollowUpDone, responses(
    (status = 200, body = OutcomeFollowUp),
    WriteErrors
))]
#[post("/follow-ups/{id}/done")]
pub async fn follow_up_done(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<OutcomeFollowUpDone>,
) -> Result<web::Json<OutcomeFollowUp>, ApiError> {
    ctx.require(Permission::WriteEntrepreneurs)?;
    let acting = Acting::from(&ctx);
    let f = outcomes::follow_up_done(&state.db, &acting, id.into_inner(), body.0).await?;
    Ok(web::Json(f))
}
