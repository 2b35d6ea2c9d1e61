//! `/interlab/templates`: milestone templates per need domain (administrators edit them).

use actix_web::{get, post, put, web, HttpResponse};
use serde::Deserialize;
use shared::interlab::{NeedDomain, Template, TemplateInput};
use utoipa::IntoParams;
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::interlab::service::{path, Acting};
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TemplateFilter {
    pub domain: Option<NeedDomain>,
}

/// Templates by domain and position.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(TemplateFilter), responses(
    (status = 200, body = Vec<Template>),
    ReadErrors
))]
#[get("/templates")]
pub async fn list_templates(
    state: web::Data<AppState>,
    ctx: Ctx,
    query: Query<TemplateFilter>,
) -> Result<web::Json<Vec<Template>>, ApiError> {
    ctx.require(Permission::ReadInterlab)?;
    Ok(web::Json(path::templates(&state.db, query.0.domain).await?))
}

/// Add a template (administrators).
#[utoipa::path(tag = "interlab", security(("bearer" = [])), request_body = TemplateInput, responses(
    (status = 201, body = Template),
    WriteErrors
))]
#[post("/templates")]
pub async fn create_template(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<TemplateInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::EditTemplates)?;
    let t = path::save_template(&state.db, &Acting::from(&ctx), None, body.0).await?;
    Ok(HttpResponse::Created().json(t))
}

/// Change a template (administrators); milestones made from it stay as they are.
#[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = TemplateInput, responses(
    (status = 200, body = Template),
    WriteErrors
))]
#[put("/templates/{id}")]
pub async fn update_template(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<TemplateInput>,
) -> Result<web::Json<Template>, ApiError> {
    ctx.require(Permission::EditTemplates)?;
    let acting = Acting::from(&ctx);
    let t = path::save_template(&state.db, &acting, Some(id.into_inner()), body.0).await?;
    Ok(web::Json(t))
}
