//! `/organisations/{id}/clients`: an organisation's API clients (coordinators). A secret is in
//! the answer of the creation and of a rotation only.

use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use shared::partners::{ApiClient, ApiClientInput, ApiClientSecret};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, WriteErrors};
use crate::partners::dto;
use crate::partners::service::clients as service;
use crate::partners::store::ClientRow;
use crate::state::AppState;

fn with_secret(
    status: actix_web::http::StatusCode,
    row: &ClientRow,
    secret: String,
) -> Result<HttpResponse, ApiError> {
    let body = ApiClientSecret {
        client: dto::client(row)?,
        client_secret: secret,
    };
    // A secret must not sit in a cache.
    Ok(HttpResponse::build(status)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(body))
}

/// The organisation's API clients, without their secrets.
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<ApiClient>),
    ItemErrors
))]
#[get("/{id}/clients")]
pub async fn list_clients(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<ApiClient>>, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let id = id.into_inner().to_string();
    let rows = state.db.run(move |conn| service::list(conn, &id)).await?;
    rows.iter()
        .map(dto::client)
        .collect::<Result<Vec<_>, _>>()
        .map(web::Json)
}

/// Create an API client with its scopes. The answer holds the `client_secret`, shown this
/// once: only its hash is kept.
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = ApiClientInput, responses(
    (status = 201, body = ApiClientSecret),
    WriteErrors
))]
#[post("/{id}/clients")]
pub async fn create_client(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<ApiClientInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let (id, input, actor) = (id.into_inner().to_string(), body.0, ctx.actor);
    let (row, secret) = state
        .db
        .run(move |conn| service::create(conn, &id, &input, &actor))
        .await?;
    with_secret(actix_web::http::StatusCode::CREATED, &row, secret)
}

/// Give the client a new secret (shown this once). The previous secret keeps working for 24
/// hours (`previous_secret_valid_until`), time to deploy the new one.
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(("id" = Uuid, Path), ("client_id" = String, Path)), responses(
    (status = 200, body = ApiClientSecret),
    WriteErrors
))]
#[post("/{id}/clients/{client_id}/rotate")]
pub async fn rotate_client(
    state: web::Data<AppState>,
    ctx: Ctx,
    ids: web::Path<(Uuid, String)>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let (id, client) = ids.into_inner();
    let (id, actor) = (id.to_string(), ctx.actor);
    let (row, secret) = state
        .db
        .run(move |conn| service::rotate(conn, &id, &client, &actor))
        .await?;
    with_secret(actix_web::http::StatusCode::OK, &row, secret)
}

/// Revoke the client: its secrets and its tokens stop working at once.
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(("id" = Uuid, Path), ("client_id" = String, Path)), responses(
    (status = 200, body = ApiClient),
    WriteErrors
))]
#[post("/{id}/clients/{client_id}/revoke")]
pub async fn revoke_client(
    state: web::Data<AppState>,
    ctx: Ctx,
    ids: web::Path<(Uuid, String)>,
) -> Result<web::Json<ApiClient>, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let (id, client) = ids.into_inner();
    let (id, actor) = (id.to_string(), ctx.actor);
    let row = state
        .db
        .run(move |conn| service::revoke(conn, &id, &client, &actor))
        .await?;
    Ok(web::Json(dto::client(&row)?))
}
