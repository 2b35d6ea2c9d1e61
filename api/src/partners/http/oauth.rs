//! `POST /oauth/token`: the OAuth 2.0 client credentials grant (RFC 6749 §4.4). Its errors are
//! OAuth's own JSON (§5.2), not problem documents, since OAuth client libraries read them.

use actix_web::http::{header, StatusCode};
use actix_web::{post, web, HttpRequest, HttpResponse};
use shared::partners::{OAuthError, OAuthToken, TokenForm};

use crate::error::ApiError;
use crate::http::auth::client_ip;
use crate::http::context::actor;
use crate::http::openapi::UnexpectedErrors;
use crate::partners::domain::{parse_token_request, TokenError};
use crate::partners::service::tokens;
use crate::state::AppState;
use crate::telemetry::OwnErrorFormat;

fn oauth_error(e: TokenError) -> HttpResponse {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let mut res = HttpResponse::build(status);
    res.insert_header((header::CACHE_CONTROL, "no-store"));
    if e == TokenError::InvalidClient {
        res.insert_header((header::WWW_AUTHENTICATE, "Basic realm=\"interra\""));
    }
    let mut res = res.json(OAuthError {
        error: e.code().into(),
        error_description: Some(e.description().into()),
    });
    res.extensions_mut().insert(OwnErrorFormat);
    res
}

/// Exchange an API client's id and secret for a partner access token (10 minutes). The client
/// authenticates with HTTP Basic or with `client_id` and `client_secret` in the form, never
/// both; `scope` narrows the token to some of the client's scopes. Errors follow RFC 6749
/// §5.2: `invalid_request`, `invalid_client` (401), `unsupported_grant_type`, `invalid_scope`.
#[utoipa::path(
    tag = "partner",
    request_body(content = TokenForm, content_type = "application/x-www-form-urlencoded",
        example = json!({"grant_type": "client_credentials", "scope": "referrals:read referrals:write"})),
    responses(
        (status = 200, body = OAuthToken, example = json!({"access_token": "eyJhbGciOiJIUzI1NiJ9…", "token_type": "Bearer", "expires_in": 600, "scope": "referrals:read referrals:write"})),
        (status = 400, body = OAuthError, description = "invalid_request, unsupported_grant_type or invalid_scope", example = json!({"error": "invalid_scope", "error_description": "The scope is unknown or not granted to this client."})),
        (status = 401, body = OAuthError, description = "invalid_client: unknown client, wrong or expired secret, revoked client", example = json!({"error": "invalid_client", "error_description": "Client authentication failed."})),
        (status = 429, description = "Too many token requests from this address (see `Retry-After`)", body = shared::Problem, content_type = "application/problem+json"),
        UnexpectedErrors
    )
)]
#[post("/token")]
pub async fn token(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    // Unauthenticated: throttled per address like sign-ins (a secret has 256 bits, this only
    // keeps floods off the database).
    let ip = client_ip(&req);
    if let Err(wait) = state.login_attempts.hit(&format!("oauth:{ip}")).await {
        return Err(ApiError::RateLimited { retry_after: wait });
    }
    let form_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|t| {
            t.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if !form_type {
        return Ok(oauth_error(TokenError::InvalidRequest));
    }
    let form: Vec<(String, String)> = form_urlencoded::parse(&body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let authorization = req
        .headers()
        .get(header::AUTHORIZATION)
        .map(|v| v.to_str().unwrap_or(""));
    let request = match parse_token_request(&form, authorization) {
        Ok(r) => r,
        Err(e) => return Ok(oauth_error(e)),
    };
    let (keys, actor) = (state.partner_jwt.clone(), actor(&req, None));
    let outcome = state
        .db
        .run(move |conn| tokens::issue(conn, &keys, &request, &actor))
        .await?;
    Ok(match outcome {
        Ok(token) => HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .insert_header((header::PRAGMA, "no-cache"))
            .json(token),
        Err(e) => oauth_error(e),
    })
}
