//! Sign-in, token refresh, sign-out, the current user and password change.

use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde_json::json;
use shared::auth::{ChangePasswordRequest, LoginRequest, TokenResponse, AUTH_PATH, REFRESH_COOKIE};
use shared::users::StaffUser;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::accounts::store::UserRow;
use crate::accounts::{password, tokens};
use crate::audit::{self, Actor, AuditAction, AuditEvent};
use crate::db::write_transaction;
use crate::error::{ApiError, Validator};
use crate::http::auth::{client_ip, AuthUser};
use crate::http::context::actor;
use crate::http::extract::Json;
use crate::http::openapi::{CookieErrors, ItemErrors, LoginErrors, PasswordErrors};
use crate::i18n::Msg;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(login)
        .service(refresh)
        .service(logout)
        .service(me)
        .service(change_password);
}

fn refresh_cookie(state: &AppState, token: String) -> Cookie<'static> {
    let max_age = time::Duration::seconds(
        i64::try_from(state.settings.refresh_token_ttl.as_secs()).unwrap_or(30 * 24 * 3600),
    );
    Cookie::build(REFRESH_COOKIE, token)
        .path(AUTH_PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.production)
        .max_age(max_age)
        .finish()
}

fn expired_cookie(state: &AppState) -> Cookie<'static> {
    let mut c = refresh_cookie(state, String::new());
    c.make_removal();
    c
}

fn token_response(
    state: &AppState,
    user: &UserRow,
    refresh_token: String,
) -> Result<HttpResponse, ApiError> {
    let dto = user.to_dto()?;
    let access_token = state.jwt.issue(dto.id, dto.role)?;
    Ok(HttpResponse::Ok()
        .cookie(refresh_cookie(state, refresh_token))
        .insert_header(("Cache-Control", "no-store"))
        .json(TokenResponse {
            access_token,
            token_type: "Bearer".into(),
            expires_in: state.jwt.ttl().as_secs(),
            user: dto,
        }))
}

async fn verify_password(password: String, hash: Option<String>) -> Result<bool, ApiError> {
    actix_web::web::block(move || match hash {
        Some(hash) => password::verify(&password, &hash),
        None => {
            password::verify_dummy(&password);
            false
        }
    })
    .await
    .map_err(|e| anyhow::anyhow!("password check failed: {e}").into())
}

/// Sign in with email and password.
///
/// Returns a 15-minute access token and sets the refresh token as an HttpOnly, SameSite=Strict
/// cookie scoped to `/api/v1/auth`. Failures never tell whether the email exists. Attempts are
/// throttled per client address, per (account, address) after wrong passwords, and by a
/// growing delay per account (429 with `Retry-After`).
#[utoipa::path(tag = "auth", request_body = LoginRequest, responses(
    (status = 200, description = "Signed in (sets the `interra_refresh` cookie)", body = TokenResponse),
    LoginErrors
))]
#[post("/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let ip = client_ip(&req);
    state
        .login_attempts
        .hit(&ip)
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;
    let LoginRequest { email, password } = body.0;
    let email = email.trim().to_lowercase();
    let mut v = Validator::new();
    if email.is_empty() {
        v.add("email", Msg::Required);
    }
    if password.is_empty() {
        v.add("password", Msg::Required);
    }
    v.finish()?;
    state
        .login_failures
        .check(&email, &ip)
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;

    let lookup = email.clone();
    let user = state
        .db
        .run(move |conn| Ok(UserRow::find_by_email(conn, &lookup)?))
        .await?;
    let matches = verify_password(password, user.as_ref().map(|u| u.password_hash.clone())).await?;
    let actor = actor(&req, None);
    let user = match user {
        Some(user) if matches && user.active => user,
        other => {
            state.login_failures.failed(&email, &ip);
            let reason = match &other {
                None => "unknown_email",
                Some(u) if !u.active => "inactive",
                Some(_) => "wrong_password",
            };
            let entity_id = other.map(|u| u.id);
            state
                .db
                .run(move |conn| {
                    let event = AuditEvent {
                        action: AuditAction::AuthLoginFailed,
                        entity_type: "user",
                        entity_id,
                        details: json!({ "reason": reason }),
                    };
                    Ok(audit::record(conn, &actor, event)?)
                })
                .await?;
            return Err(ApiError::InvalidCredentials);
        }
    };
    state.login_failures.succeeded(&email, &ip);
    let lifetime = state.settings.refresh_token_ttl;
    let (user, refresh_token) = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let refresh_token = tokens::start(conn, &user.id, lifetime)?;
                UserRow::record_login(conn, &user.id)?;
                let actor = Actor {
                    user_id: Some(user.uuid()?),
                    ..actor
                };
                audit::record(
                    conn,
                    &actor,
                    AuditEvent {
                        action: AuditAction::AuthLogin,
                        entity_type: "user",
                        entity_id: Some(user.id.clone()),
                        details: json!({}),
                    },
                )?;
                let user = UserRow::get(conn, user.uuid()?)?;
                Ok((user, refresh_token))
            })
        })
        .await?;
    token_response(&state, &user, refresh_token)
}

/// Exchange the refresh cookie for a new access token.
///
/// The refresh token is rotated: the cookie is replaced by a new one. Presenting a token that
/// was already used revokes every session of its family (token theft detection), except within
/// 30 seconds of its first use: two tabs refreshing at the same moment both get a valid token.
#[utoipa::path(tag = "auth", security(("refresh_cookie" = [])), responses(
    (status = 200, description = "New access token (the cookie is rotated)", body = TokenResponse),
    CookieErrors
))]
#[post("/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let Some(presented) = req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned()) else {
        return Err(ApiError::Unauthorized);
    };
    let lifetime = state.settings.refresh_token_ttl;
    let grace = state.settings.refresh_grace;
    let actor = actor(&req, None);
    let outcome = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let outcome = tokens::rotate(conn, &presented, lifetime, grace)?;
                if let tokens::Rotation::Reused { user_id, family_id } = &outcome {
                    audit::record(
                        conn,
                        &actor,
                        AuditEvent {
                            action: AuditAction::AuthRefreshReused,
                            entity_type: "user",
                            entity_id: Some(user_id.clone()),
                            details: json!({ "family": family_id, "effect": "family_revoked" }),
                        },
                    )?;
                }
                Ok(outcome)
            })
        })
        .await?;
    match outcome {
        tokens::Rotation::Rotated { user, token } => token_response(&state, &user, token),
        tokens::Rotation::Reused { user_id, .. } => {
            tracing::warn!(%user_id, "refresh token reuse: session family revoked");
            Err(ApiError::Unauthorized)
        }
        tokens::Rotation::Invalid => Err(ApiError::Unauthorized),
    }
}

/// Sign out: revoke the session of the refresh cookie and clear it. Without a cookie there is
/// nothing to revoke, and the answer is the same.
#[utoipa::path(tag = "auth", security((), ("refresh_cookie" = [])), responses(
    (status = 204, description = "Signed out (the cookie is cleared)"),
    CookieErrors
))]
#[post("/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    if let Some(presented) = req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned()) {
        let actor = actor(&req, None);
        state
            .db
            .run(move |conn| {
                write_transaction(conn, |conn| {
                    if let Some(user_id) = tokens::end(conn, &presented)? {
                        let actor = Actor {
                            user_id: user_id.parse().ok(),
                            ..actor
                        };
                        audit::record(
                            conn,
                            &actor,
                            AuditEvent {
                                action: AuditAction::AuthLogout,
                                entity_type: "user",
                                entity_id: Some(user_id),
                                details: json!({}),
                            },
                        )?;
                    }
                    Ok(())
                })
            })
            .await?;
    }
    Ok(HttpResponse::NoContent()
        .cookie(expired_cookie(&state))
        .finish())
}

/// The signed-in staff member.
#[utoipa::path(tag = "auth", security(("bearer" = [])), responses(
    (status = 200, body = StaffUser),
    ItemErrors
))]
#[get("/me")]
pub async fn me(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<web::Json<StaffUser>, ApiError> {
    let row = state
        .db
        .run(move |conn| UserRow::get(conn, user.id))
        .await?;
    Ok(web::Json(row.to_dto()?))
}

/// Change one's own password.
///
/// Every other session of the account is revoked; the caller gets a fresh session.
#[utoipa::path(tag = "auth", security(("bearer" = [])), request_body = ChangePasswordRequest, responses(
    (status = 200, description = "Password changed; new session", body = TokenResponse),
    PasswordErrors
))]
#[post("/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    body: Json<ChangePasswordRequest>,
) -> Result<HttpResponse, ApiError> {
    let ChangePasswordRequest {
        current_password,
        new_password,
    } = body.0;
    let mut v = Validator::new();
    if current_password.is_empty() {
        v.add("current_password", Msg::Required);
    }
    if let Err(msgs) = password::check_policy(&new_password, Some(&user.email)) {
        for m in msgs {
            v.add("new_password", m);
        }
    }
    v.finish()?;
    let ip = client_ip(&req);
    state
        .login_failures
        .check(&user.email, &ip)
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;
    let id = user.id;
    let row = state.db.run(move |conn| UserRow::get(conn, id)).await?;
    if !verify_password(current_password, Some(row.password_hash.clone())).await? {
        state.login_failures.failed(&user.email, &ip);
        return Err(ApiError::field(
            "current_password",
            Msg::WrongCurrentPassword,
        ));
    }
    let hash = web::block(move || password::hash(&new_password))
        .await
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))??;
    let lifetime = state.settings.refresh_token_ttl;
    let actor = actor(&req, Some(&user));
    let (row, refresh_token) = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                UserRow::set_password(conn, &row.id, &hash)?;
                crate::accounts::store::refresh_tokens::RefreshTokenRow::revoke_all_for_user(
                    conn, &row.id,
                )?;
                let refresh_token = tokens::start(conn, &row.id, lifetime)?;
                audit::record(
                    conn,
                    &actor,
                    AuditEvent {
                        action: AuditAction::AuthPasswordChanged,
                        entity_type: "user",
                        entity_id: Some(row.id.clone()),
                        details: json!({ "sessions_revoked": true }),
                    },
                )?;
                Ok((UserRow::get(conn, row.uuid()?)?, refresh_token))
            })
        })
        .await?;
    token_response(&state, &row, refresh_token)
}
