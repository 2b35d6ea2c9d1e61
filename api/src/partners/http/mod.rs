//! Handlers of `/organisations` and `/referrals` (staff), `/oauth/token` (API clients) and `/partner` (partner
//! tokens), one file per resource; they never import each other.

pub mod clients;
pub mod oauth;
pub mod organisations;
pub mod partner;
pub mod referrals;
pub mod review;
pub mod webhooks;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1/organisations`.
pub fn configure_organisations(cfg: &mut ServiceConfig) {
    cfg.service(organisations::list_organisations)
        .service(organisations::create_organisation)
        .service(organisations::get_organisation)
        .service(organisations::update_organisation)
        .service(organisations::set_contact)
        .service(organisations::remove_contact)
        .service(clients::list_clients)
        .service(clients::create_client)
        .service(clients::rotate_client)
        .service(clients::revoke_client)
        .service(webhooks::organisation_webhooks)
        .service(webhooks::organisation_deliveries);
}

/// Routes under `/api/v1/oauth`.
pub fn configure_oauth(cfg: &mut ServiceConfig) {
    cfg.service(oauth::token);
}

/// Routes under `/api/v1/partner`.
pub fn configure_partner(cfg: &mut ServiceConfig) {
    cfg.service(partner::me)
        .service(referrals::refer)
        .service(referrals::list_referrals)
        .service(referrals::get_referral)
        .service(webhooks::create_webhook)
        .service(webhooks::list_webhooks)
        .service(webhooks::get_webhook)
        .service(webhooks::update_webhook)
        .service(webhooks::delete_webhook)
        .service(webhooks::rotate_webhook_secret)
        .service(webhooks::list_deliveries)
        .service(webhooks::replay_delivery);
}

/// Routes under `/api/v1/referrals`: the team's review queue.
pub fn configure_referrals(cfg: &mut ServiceConfig) {
    cfg.service(review::queue)
        .service(review::get_referral)
        .service(review::decide);
}
