//! `/organisations`: partner organisations and the people affiliated to them (coordinators).

use actix_web::{delete, get, post, put, web, HttpRequest, HttpResponse};
use shared::page::PageParams;
use shared::partners::{ContactInput, Organisation, OrganisationFilter, OrganisationInput};
use shared::Page;
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::partners::dto;
use crate::partners::service::organisations::{self as service, OrganisationView};
use crate::state::AppState;

fn organisation(v: &OrganisationView) -> Result<Organisation, ApiError> {
    dto::organisation(&v.row, &v.contacts)
}

/// Partner organisations by name, optionally of one kind or matching a text (name, commune,
/// email); contacts are on each one's page.
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(OrganisationFilter), responses(
    (status = 200, body = Page<Organisation>),
    ReadErrors
))]
#[get("")]
pub async fn list_organisations(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    query: Query<OrganisationFilter>,
) -> Result<web::Json<Page<Organisation>>, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let f = query.0;
    let params = PageParams {
        page: f.page,
        page_size: f.page_size,
    };
    let (offset, limit) = (params.offset(), params.page_size());
    let (rows, count) = state
        .db
        .run(move |conn| service::list(conn, f.q.as_deref(), f.kind, offset, limit))
        .await?;
    let results = rows
        .iter()
        .map(|r| dto::organisation(r, &[]))
        .collect::<Result<Vec<_>, _>>()?;
    let (next, previous) = page_links(&req, &params, count);
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results,
    }))
}

/// Add a partner organisation.
#[utoipa::path(tag = "partners", security(("bearer" = [])), request_body = OrganisationInput, responses(
    (status = 201, body = Organisation),
    WriteErrors
))]
#[post("")]
pub async fn create_organisation(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<OrganisationInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let (input, actor) = (body.0, ctx.actor);
    let v = state
        .db
        .run(move |conn| service::create(conn, &input, &actor))
        .await?;
    Ok(HttpResponse::Created().json(organisation(&v)?))
}

/// One organisation with its contacts.
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Organisation),
    ItemErrors
))]
#[get("/{id}")]
pub async fn get_organisation(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Organisation>, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let id = id.into_inner().to_string();
    let v = state.db.run(move |conn| service::view(conn, &id)).await?;
    Ok(web::Json(organisation(&v)?))
}

/// Replace an organisation's fields.
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = OrganisationInput, responses(
    (status = 200, body = Organisation),
    WriteErrors
))]
#[put("/{id}")]
pub async fn update_organisation(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<OrganisationInput>,
) -> Result<web::Json<Organisation>, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let (id, input, actor) = (id.into_inner().to_string(), body.0, ctx.actor);
    let v = state
        .db
        .run(move |conn| service::update(conn, &id, &input, &actor))
        .await?;
    Ok(web::Json(organisation(&v)?))
}

/// Affiliate a person to the organisation with their role there, or change that role.
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(("id" = Uuid, Path), ("person_id" = Uuid, Path)), request_body = ContactInput, responses(
    (status = 200, body = Organisation),
    WriteErrors
))]
#[put("/{id}/contacts/{person_id}")]
pub async fn set_contact(
    state: web::Data<AppState>,
    ctx: Ctx,
    ids: web::Path<(Uuid, Uuid)>,
    body: Json<ContactInput>,
) -> Result<web::Json<Organisation>, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let (id, person) = ids.into_inner();
    let (id, role, actor) = (id.to_string(), body.0.role, ctx.actor);
    let v = state
        .db
        .run(move |conn| service::set_contact(conn, &id, person, &role, &actor))
        .await?;
    Ok(web::Json(organisation(&v)?))
}

/// End a person's affiliation to the organisation.
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(("id" = Uuid, Path), ("person_id" = Uuid, Path)), responses(
    (status = 204, description = "Removed"),
    WriteErrors
))]
#[delete("/{id}/contacts/{person_id}")]
pub async fn remove_contact(
    state: web::Data<AppState>,
    ctx: Ctx,
    ids: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let (id, person) = ids.into_inner();
    let (id, actor) = (id.to_string(), ctx.actor);
    state
        .db
        .run(move |conn| service::remove_contact(conn, &id, person, &actor))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
