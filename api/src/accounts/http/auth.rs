//! Sign-in, token refresh, sign-out, the current user and password change.

use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use shared::auth::{
    ChangePasswordRequest, LoginRequest, PasswordResetConfirm, PasswordResetRequest, TokenResponse,
    AUTH_PATH, REFRESH_COOKIE, SESSION_HINT_COOKIE,
};
use shared::users::StaffUser;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::accounts::service::{self, Session};
use crate::accounts::store::UserRow;
use crate::error::ApiError;
use crate::http::auth::{client_ip, AuthUser};
use crate::http::context::actor;
use crate::http::extract::Json;
use crate::http::openapi::{
    CookieErrors, ItemErrors, LoginErrors, PasswordErrors, PublicFormErrors,
};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(login)
        .service(refresh)
        .service(logout)
        .service(me)
        .service(change_password)
        .service(request_password_reset)
        .service(confirm_password_reset);
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

/// The readable companion of the refresh cookie (see [`SESSION_HINT_COOKIE`]).
fn session_hint_cookie(state: &AppState) -> Cookie<'static> {
    let max_age = time::Duration::seconds(
        i64::try_from(state.settings.refresh_token_ttl.as_secs()).unwrap_or(30 * 24 * 3600),
    );
    Cookie::build(SESSION_HINT_COOKIE, "1")
        .path("/")
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

fn expired_hint(state: &AppState) -> Cookie<'static> {
    let mut c = session_hint_cookie(state);
    c.make_removal();
    c
}

fn token_response(state: &AppState, session: Session) -> Result<HttpResponse, ApiError> {
    let dto = session.user.to_dto()?;
    let access_token = state.jwt.issue(dto.id, dto.role)?;
    Ok(HttpResponse::Ok()
        .cookie(refresh_cookie(state, session.refresh_token))
        .cookie(session_hint_cookie(state))
        .insert_header(("Cache-Control", "no-store"))
        .json(TokenResponse {
            access_token,
            token_type: "Bearer".into(),
            expires_in: state.jwt.ttl().as_secs(),
            user: dto,
        }))
}

/// Sign in with email and password.
///
/// Returns a 15-minute access token and sets the refresh token as an HttpOnly, SameSite=Strict
/// cookie scoped to `/api/v1/auth`. Failures never tell whether the email exists. Attempts are
/// throttled per client address, per (account, address) after wrong passwords, and by a
/// growing delay per account (429 with `Retry-After`).
#[utoipa::path(tag = "auth", request_body = LoginRequest, responses(
    (status = 200, description = "Signed in (sets the `interra_refresh` cookie, and `interra_session`, readable by the web app: a session may exist)", body = TokenResponse),
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
        .await
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;
    let LoginRequest { email, password } = body.0;
    let session = service::login(
        &state.db,
        &state.login_failures,
        actor(&req, None),
        &ip,
        &email,
        password,
        state.settings.refresh_token_ttl,
    )
    .await?;
    token_response(&state, session)
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
    let session = service::refresh(
        &state.db,
        actor(&req, None),
        presented,
        state.settings.refresh_token_ttl,
        state.settings.refresh_grace,
    )
    .await?;
    token_response(&state, session)
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
        service::logout(&state.db, actor(&req, None), presented).await?;
    }
    Ok(HttpResponse::NoContent()
        .cookie(expired_cookie(&state))
        .cookie(expired_hint(&state))
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
    let session = service::change_password(
        &state.db,
        &state.login_failures,
        actor(&req, Some(&user)),
        &user,
        current_password,
        new_password,
        state.settings.refresh_token_ttl,
    )
    .await?;
    token_response(&state, session)
}

/// "Forgot my password": emails a single-use reset link, valid one hour, to the address when
/// it is an active account's and a mail server is configured.
///
/// The answer is the same whether the address exists or not. Requests are throttled per client
/// address (429), and each account gets at most three links an hour.
#[utoipa::path(tag = "auth", request_body = PasswordResetRequest, responses(
    (status = 202, description = "If the address is an account's, a link is on its way"),
    PublicFormErrors
))]
#[post("/password-reset")]
pub async fn request_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<PasswordResetRequest>,
) -> Result<HttpResponse, ApiError> {
    let ip = client_ip(&req);
    state
        .password_resets
        .hit(&ip)
        .await
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;
    let PasswordResetRequest { email, lang } = body.0;
    let mail = state.settings.mail.is_some();
    service::request_reset(&state.db, actor(&req, None), &email, lang, mail).await?;
    if mail {
        state.outbox.notify_one();
    }
    Ok(HttpResponse::Accepted().finish())
}

/// Choose a new password with a reset or invitation link's token.
///
/// The link is used up; every session of the account ends (signed in elsewhere, one must sign
/// in again). An unknown, used or expired link is a 422 on `token`.
#[utoipa::path(tag = "auth", request_body = PasswordResetConfirm, responses(
    (status = 204, description = "Password set; sign in with it"),
    PublicFormErrors
))]
#[post("/password-reset/confirm")]
pub async fn confirm_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<PasswordResetConfirm>,
) -> Result<HttpResponse, ApiError> {
    let ip = client_ip(&req);
    state
        .login_attempts
        .hit(&ip)
        .await
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;
    let PasswordResetConfirm {
        token,
        new_password,
    } = body.0;
    service::reset_password(&state.db, actor(&req, None), &token, new_password).await?;
    Ok(HttpResponse::NoContent()
        .insert_header(("Cache-Control", "no-store"))
        .finish())
}
