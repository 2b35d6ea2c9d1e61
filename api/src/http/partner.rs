//! The partner side of authentication: access tokens of API clients (OAuth 2.0 client
//! credentials), the [`Partner`] extractor of the `/api/v1/partner/...` routes, and the
//! per-client rate limit with its `RateLimit-*` headers.
//!
//! A partner token never reaches a staff route and a staff token never acts as a partner:
//! the two are signed with different keys (the partner key is derived from the JWT secret),
//! carry different audiences, and have different required claims; either check alone would
//! refuse the other kind.

use std::future::Future;
use std::pin::Pin;

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use shared::partners::Scope;
use shared::Lang;
use uuid::Uuid;

use crate::accounts::jwt::ISSUER;
use crate::audit::{self, Actor, AuditAction, AuditEvent};
use crate::error::ApiError;
use crate::http::auth::client_ip;
use crate::i18n::Msg;
use crate::partners::store as partner_store;
use crate::state::AppState;
use crate::telemetry::{lang_of, request_id};

/// The audience of partner tokens; staff tokens have none.
pub const PARTNER_AUDIENCE: &str = "interra-partner";
const ALGORITHM: Algorithm = Algorithm::HS256;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerClaims {
    pub iss: String,
    pub aud: String,
    /// The client id.
    pub sub: String,
    /// The client's organisation.
    pub org: String,
    /// Granted scopes, space-separated.
    pub scope: String,
    pub exp: i64,
    pub iat: i64,
    pub nbf: i64,
    pub jti: String,
}

#[derive(Clone)]
pub struct PartnerKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl PartnerKeys {
    pub fn new(jwt_secret: &[u8]) -> PartnerKeys {
        // A key of its own: a staff token's signature never verifies here, nor the reverse.
        let mut h = Sha256::new();
        h.update(b"interra partner access tokens\0");
        h.update(jwt_secret);
        let key = h.finalize();
        let mut validation = Validation::new(ALGORITHM);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[PARTNER_AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "sub", "aud"]);
        validation.validate_nbf = true;
        validation.leeway = 30;
        PartnerKeys {
            encoding: EncodingKey::from_secret(&key),
            decoding: DecodingKey::from_secret(&key),
            validation,
        }
    }

    pub fn issue(
        &self,
        client_id: &str,
        organisation_id: &str,
        scope: &str,
        ttl_secs: u64,
    ) -> anyhow::Result<String> {
        let now = chrono::Utc::now().timestamp();
        let claims = PartnerClaims {
            iss: ISSUER.into(),
            aud: PARTNER_AUDIENCE.into(),
            sub: client_id.into(),
            org: organisation_id.into(),
            scope: scope.into(),
            exp: now + i64::try_from(ttl_secs).unwrap_or(600),
            iat: now,
            nbf: now,
            jti: Uuid::now_v7().to_string(),
        };
        encode(&Header::new(ALGORITHM), &claims, &self.encoding)
            .map_err(|e| anyhow::anyhow!("cannot sign partner token: {e}"))
    }

    pub fn verify(&self, token: &str) -> Option<PartnerClaims> {
        decode::<PartnerClaims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|d| d.claims)
    }
}

/// A partner's request: the client, its organisation, the token's scopes.
pub struct Partner {
    pub client_id: String,
    pub organisation_id: String,
    pub scopes: Vec<Scope>,
    pub actor: Actor,
    pub lang: Lang,
}

impl Partner {
    /// `Forbidden` unless the token carries `scope`.
    pub fn require(&self, scope: Scope) -> Result<(), ApiError> {
        if self.scopes.contains(&scope) {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

/// Where a client stands against its allowance, for the response headers.
#[derive(Debug, Clone, Copy)]
pub struct RateInfo {
    pub limit: u64,
    pub remaining: u64,
    pub reset: u64,
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

/// The `Idempotency-Key` header of a partner's POST, if present and sane.
pub fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    match req.headers().get("idempotency-key") {
        None => Ok(None),
        Some(v) => {
            let k = v
                .to_str()
                .map_err(|_| ApiError::field("Idempotency-Key", Msg::InvalidValue))?
                .trim();
            if k.is_empty() || k.len() > 200 {
                return Err(ApiError::field("Idempotency-Key", Msg::InvalidValue));
            }
            Ok(Some(k.to_owned()))
        }
    }
}

/// Counts a call of `client_id` against its allowance; the answer carries the headers.
pub async fn count_call(
    state: &AppState,
    req: &HttpRequest,
    client_id: &str,
) -> Result<(), ApiError> {
    let limit = state.partner_calls.limit().max as u64;
    match state.partner_calls.hit_counted(client_id).await {
        Ok((remaining, reset)) => {
            req.extensions_mut().insert(RateInfo {
                limit,
                remaining,
                reset,
            });
            Ok(())
        }
        Err(wait) => {
            req.extensions_mut().insert(RateInfo {
                limit,
                remaining: 0,
                reset: wait,
            });
            Err(ApiError::RateLimited { retry_after: wait })
        }
    }
}

impl FromRequest for Partner {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = req
                .app_data::<web::Data<AppState>>()
                .cloned()
                .ok_or_else(|| anyhow::anyhow!("application state missing"))?;
            let claims = bearer(&req)
                .and_then(|t| state.partner_jwt.verify(&t))
                .ok_or(ApiError::Unauthorized)?;
            let client_id = claims.sub.clone();
            let lookup = client_id.clone();
            let client = state
                .db
                .run(move |conn| Ok(partner_store::find_client(conn, &lookup)?))
                .await?
                .ok_or(ApiError::Unauthorized)?;
            // Revocation takes effect at once, whatever the token's expiry.
            if client.revoked_at.is_some() || client.organisation_id != claims.org {
                return Err(ApiError::Unauthorized);
            }
            count_call(&state, &req, &client_id).await?;
            let scopes = claims
                .scope
                .split(' ')
                .filter_map(|s| s.parse().ok())
                .filter(|s| client.scopes.0.contains(s))
                .collect();
            let actor = Actor {
                user_id: None,
                ip: Some(client_ip(&req)),
                request_id: request_id(&req),
            };
            // Every partner call is in the audit log with its client.
            let (entry, method, path) = (
                actor.clone(),
                req.method().to_string(),
                req.path().to_owned(),
            );
            let (cid, org) = (client_id.clone(), client.organisation_id.clone());
            state
                .db
                .run(move |conn| {
                    audit::record(
                        conn,
                        &entry,
                        AuditEvent {
                            action: AuditAction::PartnerCall,
                            entity_type: "api_client",
                            entity_id: Some(cid),
                            details: serde_json::json!({
                                "organisation_id": org,
                                "method": method,
                                "path": path,
                            }),
                        },
                    )?;
                    Ok(())
                })
                .await?;
            Ok(Partner {
                client_id,
                organisation_id: client.organisation_id,
                scopes,
                actor,
                lang: lang_of(&req),
            })
        })
    }
}

/// Adds `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` to the answers of
/// requests counted against a client's allowance.
pub async fn rate_limit_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut res = next.call(req).await?;
    let info = res.request().extensions().get::<RateInfo>().copied();
    if let Some(info) = info {
        let headers = res.headers_mut();
        for (name, value) in [
            ("ratelimit-limit", info.limit),
            ("ratelimit-remaining", info.remaining),
            ("ratelimit-reset", info.reset),
        ] {
            if let Ok(v) = HeaderValue::from_str(&value.to_string()) {
                headers.insert(HeaderName::from_static(name), v);
            }
        }
    }
    Ok(res)
}
