//! What every request handler can reach.

use std::sync::Arc;

use crate::accounts::jwt::JwtKeys;
use crate::accounts::throttle::LoginThrottle;
use crate::activities::feeds::cache::FeedCache;
use crate::config::RateLimit;
use crate::config::Settings;
use crate::db::Db;
use crate::http::partner::PartnerKeys;
use crate::http::rate_limit::{FormQuota, RateLimiter};
use crate::http::route_table::ApiRoutes;

/// "Forgot my password" requests one address may make (each account gets at most
/// `accounts::domain::RESETS_PER_HOUR` links an hour besides).
const RESETS_PER_ADDRESS: RateLimit = RateLimit {
    max: 10,
    window: std::time::Duration::from_secs(3600),
};

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub jwt: JwtKeys,
    /// Partner access tokens (a key of their own, derived from the JWT secret).
    pub partner_jwt: PartnerKeys,
    /// Calls of the partner API, per client.
    pub partner_calls: Arc<RateLimiter>,
    pub settings: Arc<Settings>,
    /// Wrong passwords: locks per (account, address), delays per account.
    pub login_failures: Arc<LoginThrottle>,
    pub login_attempts: Arc<RateLimiter>,
    /// "Forgot my password" requests per client address.
    pub password_resets: Arc<RateLimiter>,
    /// Lookups of the public trainings links per client address.
    pub public_lookups: Arc<RateLimiter>,
    /// Quotas of the public forms, one each.
    pub signups: Arc<FormQuota>,
    pub registrations: Arc<FormQuota>,
    /// The OpenAPI document, serialised once at start-up.
    pub openapi_json: Arc<String>,
    pub api_routes: Arc<ApiRoutes>,
    pub feed_cache: Arc<FeedCache>,
    /// The public agenda in memory, for feed requests the feed cache has not seen.
    pub agenda: Arc<crate::activities::public::agenda::AgendaCache>,
    /// Reports already computed, per period, until the next write.
    pub reports: Arc<crate::reports::cache::ReportCache>,
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
            partner_jwt: PartnerKeys::new(&settings.jwt_secret),
            partner_calls: Arc::new(RateLimiter::for_db(
                settings.partner_calls_per_client,
                &db,
                "partner_client",
            )),
            // Shared by every process on a PostgreSQL database, in memory on SQLite.
            login_failures: Arc::new(LoginThrottle::for_db(
                settings.login_failures_per_address,
                settings.login_delay,
                &db,
            )),
            login_attempts: Arc::new(RateLimiter::for_db(
                settings.login_attempts_per_ip,
                &db,
                "login_ip",
            )),
            password_resets: Arc::new(RateLimiter::for_db(
                RESETS_PER_ADDRESS,
                &db,
                "password_reset_ip",
            )),
            public_lookups: Arc::new(RateLimiter::for_db(
                settings.public_lookups_per_ip,
                &db,
                "public_lookup_ip",
            )),
            signups: Arc::new(FormQuota::for_db(
                "signups",
                settings.signups_per_ip,
                settings.venue_forms,
                settings.venue_addresses.clone(),
                &db,
            )),
            registrations: Arc::new(FormQuota::for_db(
                "registrations",
                settings.registrations_per_ip,
                settings.venue_forms,
                settings.venue_addresses.clone(),
                &db,
            )),
            settings: Arc::new(settings),
            db,
            api_routes: Arc::new(ApiRoutes::from_openapi(
                &serde_json::from_str(&openapi_json).unwrap_or_default(),
            )),
            openapi_json: Arc::new(openapi_json),
            feed_cache: Arc::new(FeedCache::default()),
            agenda: Arc::default(),
            reports: Arc::default(),
            outbox: Arc::new(tokio::sync::Notify::new()),
        }
    }
}
