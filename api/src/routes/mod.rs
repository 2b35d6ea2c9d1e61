//! HTTP routes. Each resource module registers its handlers with utoipa-actix-web, so the
//! OpenAPI document lists exactly what is served.

pub mod activities;
pub mod audit;
pub mod auth;
pub mod duo;
pub mod duo_assessments;
pub mod duo_blocks;
pub mod duo_communes;
pub mod duo_feedback;
pub mod duo_follow_ups;
pub mod duo_timeline;
pub mod events;
pub mod health;
pub mod notifications;
pub mod people;
pub mod public;
pub mod spa;
pub mod tags;
pub mod users;

use actix_web::HttpRequest;
use shared::page::PageParams;
use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::{client_ip, AuthUser};
use crate::db::audit::Actor;
use crate::telemetry::request_id;

/// Registers every documented route.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(
            // The public feeds come first: partners poll them far more than anything else is
            // called, and routes are tried in registration order.
            scope("/api/v1")
                .service(
                    scope("/public")
                        .configure(events::configure)
                        .configure(public::configure),
                )
                .service(scope("/auth").configure(auth::configure))
                .service(scope("/users").configure(users::configure))
                .service(scope("/audit").configure(audit::configure))
                .service(scope("/people").configure(people::configure))
                .service(scope("/tags").configure(tags::configure))
                .service(
                    scope("/duo")
                        .configure(duo::configure_duo)
                        .configure(duo_assessments::configure_duo)
                        .configure(duo_blocks::configure)
                        .configure(duo_communes::configure),
                )
                .service(
                    scope("/duos")
                        .configure(duo::configure_duos)
                        .configure(duo_feedback::configure)
                        .configure(duo_follow_ups::configure)
                        .configure(duo_assessments::configure_duos),
                )
                .service(scope("/activities").configure(activities::configure))
                .service(scope("/venues").configure(activities::configure_venues))
                .service(scope("/notifications").configure(notifications::configure)),
        );
}

/// Reads a value the API itself stored as text; failing means the database holds something
/// this code never wrote.
pub fn stored<T: std::str::FromStr>(s: &str) -> Result<T, crate::error::ApiError> {
    s.parse()
        .map_err(|_| anyhow::anyhow!("unexpected value {s:?} in the database").into())
}

pub fn stored_id(s: &str) -> Result<uuid::Uuid, crate::error::ApiError> {
    stored(s)
}

/// Appends one entry to the audit log.
pub fn audit_event(
    conn: &mut crate::db::DbConnection,
    actor: &Actor,
    action: &str,
    entity_type: &str,
    entity_id: &str,
    details: serde_json::Value,
) -> Result<(), crate::error::ApiError> {
    crate::db::audit::record(
        conn,
        actor,
        crate::db::audit::AuditEvent {
            action,
            entity_type,
            entity_id: Some(entity_id.to_owned()),
            details,
        },
    )?;
    Ok(())
}

/// Who is acting in this request, for the audit log.
pub fn actor(req: &HttpRequest, user: Option<&AuthUser>) -> Actor {
    Actor {
        user_id: user.map(|u| u.id),
        ip: Some(client_ip(req)),
        request_id: request_id(req),
    }
}

/// `next` and `previous` links of a page: the request's own path and query with `page` changed.
pub fn page_links(
    req: &HttpRequest,
    params: &PageParams,
    count: u64,
) -> (Option<String>, Option<String>) {
    let page = params.page();
    let link = |target: u32| {
        let mut pairs: Vec<(String, String)> =
            form_urlencoded::parse(req.query_string().as_bytes())
                .filter(|(k, _)| k != "page")
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
        pairs.push(("page".into(), target.to_string()));
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        format!("{}?{}", req.path(), query)
    };
    let next = (page < params.last_page(count)).then(|| link(page + 1));
    let previous = (page > 1).then(|| link((page - 1).min(params.last_page(count))));
    (next, previous)
}
