//! `/interlab/cohorts`: entrepreneurs who start the path together.

use actix_web::{delete, get, post, put, web, HttpResponse};
use shared::interlab::{Cohort, CohortActivities, CohortInput};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::interlab::service::{cohort_activities, cohorts, Acting};
use crate::state::AppState;

/// Cohorts, the latest first, with their size (coaches: counting those they accompany).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), responses(
    (status = 200, body = Vec<Cohort>),
    ReadErrors
))]
#[get("/cohorts")]
pub async fn list_cohorts(
    state: web::Data<AppState>,
    ctx: Ctx,
) -> Result<web::Json<Vec<Cohort>>, ApiError> {
    ctx.require(Permission::ReadCohorts)?;
    Ok(web::Json(
        cohorts::list(&state.db, &Acting::from(&ctx)).await?,
    ))
}

/// Start a cohort.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), request_body = CohortInput, responses(
    (status = 201, body = Cohort),
    WriteErrors
))]
#[post("/cohorts")]
pub async fn create_cohort(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<CohortInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    let c = cohorts::create(&state.db, &Acting::from(&ctx), body.0).await?;
    Ok(HttpResponse::Created().json(c))
}

/// One cohort.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Cohort),
    ItemErrors
))]
#[get("/cohorts/{id}")]
pub async fn get_cohort(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Cohort>, ApiError> {
    ctx.require(Permission::ReadCohorts)?;
    let c = cohorts::get(&state.db, &Acting::from(&ctx), id.into_inner()).await?;
    Ok(web::Json(c))
}

/// Rename a cohort or change its dates.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = CohortInput, responses(
    (status = 200, body = Cohort),
    WriteErrors
))]
#[put("/cohorts/{id}")]
pub async fn update_cohort(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<CohortInput>,
) -> Result<web::Json<Cohort>, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    let c = cohorts::update(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(web::Json(c))
}

/// The cohort's collective trainings and networking evenings (activities of the programme
/// `interlab`), in start order, with each entrepreneur's registration to them (coaches: the
/// entrepreneurs they accompany).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = CohortActivities),
    ItemErrors
))]
#[get("/cohorts/{id}/activities")]
pub async fn list_cohort_activities(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<CohortActivities>, ApiError> {
    ctx.require(Permission::ReadCohorts)?;
    let a = cohort_activities::list(&state.db, &Acting::from(&ctx), id.into_inner()).await?;
    Ok(web::Json(a))
}

/// Link an activity of the programme `interlab` to the cohort (linking it again changes
/// nothing); an activity of another programme is refused (422 on `activity_id`).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path), ("activity_id" = Uuid, Path)), responses(
    (status = 204, description = "Linked"),
    WriteErrors
))]
#[put("/cohorts/{id}/activities/{activity_id}")]
pub async fn link_cohort_activity(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    let (id, activity) = path.into_inner();
    cohort_activities::link(&state.db, &Acting::from(&ctx), id, activity).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Unlink an activity from the cohort (the activity itself stays).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path), ("activity_id" = Uuid, Path)), responses(
    (status = 204, description = "Unlinked"),
    WriteErrors
))]
#[delete("/cohorts/{id}/activities/{activity_id}")]
pub async fn unlink_cohort_activity(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    let (id, activity) = path.into_inner();
    cohort_activities::unlink(&state.db, &Acting::from(&ctx), id, activity).await?;
    Ok(HttpResponse::NoContent().finish())
}
