//! `/interlab/entrepreneurs`: the entrepreneurs and their projects.

use actix_web::{get, put, web, HttpRequest};
use shared::interlab::{CoachChoice, Entrepreneur, EntrepreneurFilter, EntrepreneurInput};
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
use crate::interlab::service::{entrepreneurs, Acting};
use crate::state::AppState;

/// Entrepreneurs by project name, with combinable filters (coaches: those they accompany).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(EntrepreneurFilter), responses(
    (status = 200, body = Page<Entrepreneur>),
    ReadErrors
))]
#[get("/entrepreneurs")]
pub async fn list_entrepreneurs(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    query: Query<EntrepreneurFilter>,
) -> Result<web::Json<Page<Entrepreneur>>, ApiError> {
    ctx.require(Permission::ReadInterlab)?;
    let f = query.0;
    let params = PageParams {
        page: f.page,
        page_size: f.page_size,
    };
    let (offset, limit) = window(&params);
    let (results, count) =
        entrepreneurs::list(&state.db, &Acting::from(&ctx), f, offset, limit).await?;
    let (next, previous) = page_links(&req, &params, count);
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results,
    }))
}

/// One entrepreneur and their project.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Entrepreneur),
    ItemErrors
))]
#[get("/entrepreneurs/{id}")]
pub async fn get_entrepreneur(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Entrepreneur>, ApiError> {
    ctx.require(Permission::ReadInterlab)?;
    let e = entrepreneurs::get(&state.db, &Acting::from(&ctx), id.into_inner()).await?;
    Ok(web::Json(e))
}

/// Change the project (coaches: of the entrepreneurs they accompany, keeping their cohort and
/// coach; 403 otherwise).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = EntrepreneurInput, responses(
    (status = 200, body = Entrepreneur),
    WriteErrors
))]
#[put("/entrepreneurs/{id}")]
pub async fn update_entrepreneur(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<EntrepreneurInput>,
) -> Result<web::Json<Entrepreneur>, ApiError> {
    ctx.require(Permission::WriteEntrepreneurs)?;
    let e = entrepreneurs::update(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(web::Json(e))
}

/// The staff accounts one may name as an entrepreneur's coach (active, not mentors' accounts),
/// by name; for those who assign coaches (coordinators and administrators).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), responses(
    (status = 200, body = Vec<CoachChoice>),
    ReadErrors
))]
#[get("/coaches")]
pub async fn list_coaches(
    state: web::Data<AppState>,
    ctx: Ctx,
) -> Result<web::Json<Vec<CoachChoice>>, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    Ok(web::Json(entrepreneurs::coach_choices(&state.db).await?))
}
