//! What every request handler can reach.

use std::sync::Arc;

use crate::accounts::jwt::JwtKeys;
use crate::activities::feeds::cache::FeedCache;
use crate::config::Settings;
use crate::db::Db;
use crate::http::rate_limit::RateLimiter;
use crate::http::route_table::ApiRoutes;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub jwt: JwtKeys,
    pub settings: Arc<Settings>,
    pub login_failures: Arc<RateLimiter>,
    pub login_attempts: Arc<RateLimiter>,
    pub signups: Arc<RateLimiter>,
    /// The OpenAPI document, serialised once at start-up.
    pub openapi_json: Arc<String>,
    pub api_routes: Arc<ApiRoutes>,
    pub feed_cache: Arc<FeedCache>,
    /// Wakes the outbox task after a change queued notifications.
    pub outbox: Arc<tokio::sync::Notify>,
}

impl AppState {
    /// Public base URL, without a trailing slash.
    pub fn public_url(&self) -> &str {
        self.settings.public_url.as_deref().unwrap_or("")
    }

    pub fn new(settings: Settings, db: Db, openapi_json: String) -> AppState {
        AppState {
            jwt: JwtKeys::new(&settings.jwt_secret, settings.access_token_ttl),
            login_failures: Arc::new(RateLimiter::new(settings.login_failures_per_account)),
            login_attempts: Arc::new(RateLimiter::new(settings.login_attempts_per_ip)),
            signups: Arc::new(RateLimiter::new(settings.signups_per_ip)),
            settings: Arc::new(settings),
            db,
            api_routes: Arc::new(ApiRoutes::from_openapi(
                &serde_json::from_str(&openapi_json).unwrap_or_default(),
            )),
            openapi_json: Arc::new(openapi_json),
            feed_cache: Arc::new(FeedCache::default()),
            outbox: Arc::new(tokio::sync::Notify::new()),
        }
    }
}
