//! Staff accounts, managed by administrators.

use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use shared::auth::RESET_PAGE;
use shared::page::PageParams;
use shared::users::{
    CreatePasswordLink, CreateUser, PasswordLink, StaffUser, UpdateUser, UserFilter,
};
use shared::Page;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::accounts::service::{self, Via};
use crate::accounts::store::{UserQuery, UserRow};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_users)
        .service(create_user)
        .service(get_user)
        .service(update_user)
        .service(create_password_link);
}

/// List staff accounts.
#[utoipa::path(tag = "users", security(("bearer" = [])), params(UserFilter), responses(
    (status = 200, body = Page<StaffUser>),
    ReadErrors
))]
#[get("")]
pub async fn list_users(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    query: Query<UserFilter>,
) -> Result<web::Json<Page<StaffUser>>, ApiError> {
    ctx.require(Permission::ManageAccounts)?;
    let filter = query.0;
    let params = PageParams {
        page: filter.page,
        page_size: filter.page_size,
    };
    let q = UserQuery {
        q: filter
            .q
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty()),
        role: filter.role,
        active: filter.active,
    };
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let (rows, count) = state
        .db
        .run(move |conn| Ok(UserRow::list(conn, &q, offset, limit)?))
        .await?;
    let count = u64::try_from(count).unwrap_or(0);
    let (next, previous) = page_links(&req, &params, count);
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results: rows.iter().map(UserRow::to_dto).collect::<Result<_, _>>()?,
    }))
}

/// Create a staff account.
#[utoipa::path(tag = "users", security(("bearer" = [])), request_body = CreateUser, responses(
    (status = 201, body = StaffUser, headers(("Location" = String, description = "URL of the new account"))),
    WriteErrors
))]
#[post("")]
pub async fn create_user(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<CreateUser>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageAccounts)?;
    let row = service::create_user(&state.db, ctx.actor, body.0, Via::Api).await?;
    let dto = row.to_dto()?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/users/{}", dto.id)))
        .json(dto))
}

/// One staff account.
#[utoipa::path(tag = "users", security(("bearer" = [])), params(("id" = Uuid, Path, description = "Account id")), responses(
    (status = 200, body = StaffUser),
    ItemErrors
))]
#[get("/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<StaffUser>, ApiError> {
    ctx.require(Permission::ManageAccounts)?;
    let row = service::get_user(&state.db, id.into_inner()).await?;
    Ok(web::Json(row.to_dto()?))
}

/// Change a staff account's name, role or active flag.
///
/// Deactivating an account revokes all its sessions at once. The last active administrator
/// cannot be demoted or deactivated.
#[utoipa::path(tag = "users", security(("bearer" = [])), params(("id" = Uuid, Path, description = "Account id")), request_body = UpdateUser, responses(
    (status = 200, body = StaffUser),
    WriteErrors
))]
#[patch("/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<UpdateUser>,
) -> Result<web::Json<StaffUser>, ApiError> {
    ctx.require(Permission::ManageAccounts)?;
    let row = service::update_user(&state.db, ctx.actor, id.into_inner(), body.0).await?;
    Ok(web::Json(row.to_dto()?))
}

/// Send a colleague a password link: a reset, or an invitation to choose their first password.
///
/// With a mail server the link is emailed to the account's address; without one the answer
/// holds the link for the administrator to pass on. Either way it is single use, valid an hour
/// (reset) or a week (invitation), and replaces the account's earlier links. 409 for an
/// inactive account.
#[utoipa::path(tag = "users", security(("bearer" = [])), params(("id" = Uuid, Path, description = "Account id")), request_body = CreatePasswordLink, responses(
    (status = 201, body = PasswordLink),
    WriteErrors
))]
#[post("/{id}/password-link")]
pub async fn create_password_link(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<CreatePasswordLink>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageAccounts)?;
    let CreatePasswordLink { purpose, lang } = body.0;
    let mail = state.settings.mail.is_some();
    let made =
        service::create_link(&state.db, ctx.actor, id.into_inner(), purpose, lang, mail).await?;
    if mail {
        state.outbox.notify_one();
    }
    let link = made
        .token
        .map(|t| format!("{}{RESET_PAGE}?token={t}", state.public_url()));
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(PasswordLink {
            purpose,
            emailed: mail,
            link,
            expires_at: made.row.expires_at.and_utc(),
        }))
}
