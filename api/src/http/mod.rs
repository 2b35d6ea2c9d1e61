//! The HTTP edge shared by every feature: errors on the wire, extractors, authentication,
//! OpenAPI, the SPA and the route table. Each feature registers its own handlers here, with
//! utoipa-actix-web, so the OpenAPI document lists exactly what is served; nothing else in the
//! crate imports a feature's handlers.

pub mod auth;
pub mod context;
pub mod contract;
pub mod cors;
pub mod extract;
pub mod health;
pub mod openapi;
pub mod paging;
pub mod partner;
pub mod proxy;
pub mod rate_limit;
pub mod route_table;
pub mod security;
pub mod shared_counter;
pub mod spa;

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    accounts, activities, audit, duo, interlab, notify, partners, people, reports, trainings,
};

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
                        .configure(activities::public::http::configure)
                        .configure(people::http::public::configure)
                        .service(scope("/interlab").configure(interlab::http::configure_public))
                        .service(
                            scope("/certificates").configure(trainings::http::configure_public),
                        )
                        .service(
                            scope("/evaluations")
                                .configure(trainings::http::configure_public_evaluations),
                        )
                        .service(
                            scope("/interact")
                                .configure(activities::interact::http::configure_public),
                        ),
                )
                .service(scope("/auth").configure(accounts::http::auth::configure))
                .service(scope("/users").configure(accounts::http::users::configure))
                .service(scope("/staff").configure(accounts::http::staff::configure))
                .service(scope("/audit").configure(audit::http::configure))
                .service(scope("/people").configure(people::http::configure))
                .service(scope("/tags").configure(people::http::tags::configure))
                .service(scope("/duo").configure(duo::http::configure_duo))
                .service(scope("/duos").configure(duo::http::configure_duos))
                .service(scope("/interlab").configure(interlab::http::configure))
                .service(scope("/interact").configure(activities::interact::http::configure))
                .service(scope("/activities").configure(activities::http::activities::configure))
                .service(scope("/venues").configure(activities::http::activities::configure_venues))
                .service(scope("/notifications").configure(notify::http::configure))
                .service(scope("/organisations").configure(partners::http::configure_organisations))
                .service(scope("/referrals").configure(partners::http::configure_referrals))
                .service(scope("/oauth").configure(partners::http::configure_oauth))
                .service(
                    scope("/partner")
                        .configure(partners::http::configure_partner)
                        .configure(trainings::http::configure_partner),
                )
                .service(scope("/trainings").configure(trainings::http::configure))
                .service(scope("/reports").configure(reports::http::configure))
                .service(scope("/home").configure(reports::http::configure_home)),
        );
}
