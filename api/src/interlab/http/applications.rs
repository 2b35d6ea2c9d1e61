//! `/interlab/applications`: the team's review queue and its decisions.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use shared::interlab::{
    Application, ApplicationFilter, ApplicationInput, DecisionInput, DecisionResult,
};
use shared::page::PageParams;
use shared::Page;
use uuid::Uuid;

use super::window;
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::interlab::service::{applications, Acting};
use crate::state::AppState;

/// Applications to InterLab, oldest first (admins and coordinators).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(ApplicationFilter), responses(
    (status = 200, body = Page<Application>),
    ReadErrors
))]
#[get("/applications")]
pub async fn list_applications(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    query: Query<ApplicationFilter>,
) -> Result<web::Json<Page<Application>>, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    let f = query.0;
    let params = PageParams {
        page: f.page,
        page_size: f.page_size,
    };
    let (offset, limit) = window(&params);
    let (results, count) = applications::list(&state.db, f.status, offset, limit).await?;
    let (next, previous) = page_links(&req, &params, count);
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results,
    }))
}

/// Record an application for a person the team already knows (met in person, referred by a
/// partner); public applications come through `/public/interlab/apply`.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), request_body = ApplicationInput, responses(
    (status = 201, body = Application),
    WriteErrors
))]
#[post("/applications")]
pub async fn record_application(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<ApplicationInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    let a = applications::record(&state.db, &Acting::from(&ctx), body.0).await?;
    Ok(HttpResponse::Created().json(a))
}

/// One application.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Application),
    ItemErrors
))]
#[get("/applications/{id}")]
pub async fn get_application(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Application>, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    Ok(web::Json(
        applications::get(&state.db, id.into_inner()).await?,
    ))
}

/// Decide on an application: accept it (with the project, its cohort and coach), keep it on
/// the waiting list, or redirect the person to a partner with a note. An accepted or
/// redirected application is closed (409).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = DecisionInput, responses(
    (status = 200, body = DecisionResult),
    WriteErrors
))]
#[post("/applications/{id}/decision")]
pub async fn decide_application(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<DecisionInput>,
) -> Result<web::Json<DecisionResult>, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    let d = applications::decide(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(web::Json(DecisionResult {
        application: d.application,
        entrepreneur: d.entrepreneur,
    }))
}
