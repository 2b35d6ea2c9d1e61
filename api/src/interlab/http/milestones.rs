//! `/interlab/entrepreneurs/{id}/milestones`: the path made to measure.

use actix_web::{get, post, put, web, HttpResponse};
use shared::interlab::{FromTemplates, Milestone, MilestoneInput, PathView};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, WriteErrors};
use crate::interlab::service::{path, Acting};
use crate::state::AppState;

/// The path: milestones by due date, progress per need domain and overall, overdue count
/// (coaches: of the entrepreneurs they accompany).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = PathView),
    ItemErrors
))]
#[get("/entrepreneurs/{id}/milestones")]
pub async fn get_path(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<PathView>, ApiError> {
    ctx.require(Permission::ReadInterlab)?;
    Ok(web::Json(
        path::path(&state.db, &Acting::from(&ctx), id.into_inner()).await?,
    ))
}

/// Add a milestone; `need_id` must be a need of this entrepreneur's diagnostics.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = MilestoneInput, responses(
    (status = 201, body = Milestone),
    WriteErrors
))]
#[post("/entrepreneurs/{id}/milestones")]
pub async fn add_milestone(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<MilestoneInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteEntrepreneurs)?;
    let acting = Acting::from(&ctx);
    let m = path::save_milestone(&state.db, &acting, id.into_inner(), None, body.0).await?;
    Ok(HttpResponse::Created().json(m))
}

/// Generate a need's milestones from its domain's templates, one after the other from
/// `starts_on`; they are then edited freely.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = FromTemplates, responses(
    (status = 201, body = PathView),
    WriteErrors
))]
#[post("/entrepreneurs/{id}/milestones/from-templates")]
pub async fn milestones_from_templates(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<FromTemplates>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteEntrepreneurs)?;
    let p = path::from_templates(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(HttpResponse::Created().json(p))
}

/// Change a milestone: title, due date, owner, status, evidence, the need it serves.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path), ("milestone_id" = Uuid, Path)), request_body = MilestoneInput, responses(
    (status = 200, body = Milestone),
    WriteErrors
))]
#[put("/entrepreneurs/{id}/milestones/{milestone_id}")]
pub async fn update_milestone(
    state: web::Data<AppState>,
    ctx: Ctx,
    ids: web::Path<(Uuid, Uuid)>,
    body: Json<MilestoneInput>,
) -> Result<web::Json<Milestone>, ApiError> {
    ctx.require(Permission::WriteEntrepreneurs)?;
    let (id, milestone) = ids.into_inner();
    let acting = Acting::from(&ctx);
    let m = path::save_milestone(&state.db, &acting, id, Some(milestone), body.0).await?;
    Ok(web::Json(m))
}
