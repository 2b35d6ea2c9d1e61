//! Staff accounts, managed by administrators.

use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use serde_json::json;
use shared::auth::Role;
use shared::page::PageParams;
use shared::users::{CreateUser, StaffUser, UpdateUser, UserFilter};
use shared::Page;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::accounts::domain::{DisplayName, Email};
use crate::accounts::password;
use crate::accounts::store::refresh_tokens::RefreshTokenRow;
use crate::accounts::store::{UserQuery, UserRow};
use crate::audit::{self, AuditEvent};
use crate::db::write_transaction;
use crate::error::{ApiError, UniqueViolationExt, Validator};
use crate::http::auth::{AuthUser, Permission};
use crate::http::context::actor;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::i18n::Msg;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_users)
        .service(create_user)
        .service(get_user)
        .service(update_user);
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
    user: AuthUser,
    query: Query<UserFilter>,
) -> Result<web::Json<Page<StaffUser>>, ApiError> {
    user.require(Permission::ManageAccounts)?;
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
    req: HttpRequest,
    user: AuthUser,
    body: Json<CreateUser>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageAccounts)?;
    let CreateUser {
        email,
        display_name,
        role,
        password: new_password,
    } = body.0;
    let mut v = Validator::new();
    let email = v.check("email", Email::parse(&email));
    let name = v.check("display_name", DisplayName::parse(&display_name));
    if let Err(msgs) = password::check_policy(&new_password, email.as_ref().map(Email::as_str)) {
        for m in msgs {
            v.add("password", m);
        }
    }
    v.finish()?;
    let (Some(email), Some(name)) = (email, name) else {
        return Err(anyhow::anyhow!("validated fields missing").into());
    };
    let hash = web::block(move || password::hash(&new_password))
        .await
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))??;
    let row = UserRow::new(email.into_inner(), name.into_inner(), role, hash);
    let actor = actor(&req, Some(&user));
    let row = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                row.insert(conn)
                    .on_unique_violation("email", Msg::EmailTaken)?;
                audit::record(
                    conn,
                    &actor,
                    AuditEvent {
                        action: "user.created",
                        entity_type: "user",
                        entity_id: Some(row.id.clone()),
                        details: json!({ "role": role.as_str() }),
                    },
                )?;
                Ok(row)
            })
        })
        .await?;
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
    user: AuthUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<StaffUser>, ApiError> {
    user.require(Permission::ManageAccounts)?;
    let id = id.into_inner();
    let row = state.db.run(move |conn| UserRow::get(conn, id)).await?;
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
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<UpdateUser>,
) -> Result<web::Json<StaffUser>, ApiError> {
    user.require(Permission::ManageAccounts)?;
    let id = id.into_inner();
    let changes = body.0;
    let mut v = Validator::new();
    let name = match &changes.display_name {
        Some(n) => v.check("display_name", DisplayName::parse(n)),
        None => None,
    };
    v.finish()?;
    let actor = actor(&req, Some(&user));
    let row = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                // Two admins demoting each other at once must not leave no admin.
                crate::db::lock_rows(
                    conn,
                    "SELECT id FROM users WHERE role = $1 AND active FOR UPDATE",
                    "admin",
                )?;
                let mut row = UserRow::get(conn, id)?;
                let was_active_admin = row.active && row.role()? == Role::Admin;
                let mut changed = Vec::new();
                if let Some(name) = name.map(DisplayName::into_inner) {
                    if name != row.display_name {
                        row.display_name = name;
                        changed.push("display_name");
                    }
                }
                if let Some(role) = changes.role {
                    if role.as_str() != row.role {
                        row.role = role.as_str().to_owned();
                        changed.push("role");
                    }
                }
                let deactivated = changes.active == Some(false) && row.active;
                if let Some(active) = changes.active {
                    if active != row.active {
                        row.active = active;
                        changed.push("active");
                    }
                }
                let still_active_admin = row.active && row.role()? == Role::Admin;
                if was_active_admin
                    && !still_active_admin
                    && UserRow::count_active_admins(conn)? <= 1
                {
                    return Err(ApiError::Conflict {
                        msg: Msg::LastAdmin,
                        field: None,
                    });
                }
                if changed.is_empty() {
                    return Ok(row);
                }
                row.save_profile(conn)?;
                if deactivated {
                    RefreshTokenRow::revoke_all_for_user(conn, &row.id)?;
                    UserRow::revoke_access_tokens(conn, &row.id)?;
                }
                audit::record(
                    conn,
                    &actor,
                    AuditEvent {
                        action: "user.updated",
                        entity_type: "user",
                        entity_id: Some(row.id.clone()),
                        details: json!({
                            "changed": changed,
                            "role": row.role,
                            "active": row.active,
                            "sessions_revoked": deactivated,
                        }),
                    },
                )?;
                Ok(row)
            })
        })
        .await?;
    Ok(web::Json(row.to_dto()?))
}
