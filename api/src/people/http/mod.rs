//! Handlers of `/people`, `/tags` and the public sign-up.

pub mod gdpr;
pub mod people;
pub mod public;
pub mod relations;
pub mod tags;

use utoipa_actix_web::service_config::ServiceConfig;

use crate::http::context::Ctx;
use crate::people::service::Scope;

/// Routes under `/api/v1/people`; fixed paths before `/{id}`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(people::list_people)
        .service(people::create_person)
        .service(gdpr::retention_review)
        .service(gdpr::anonymise_people)
        .service(people::get_person)
        .service(people::person_participation)
        .service(people::update_person)
        .service(people::archive_person)
        .service(people::restore_person)
        .service(people::review_person)
        .service(relations::add_membership)
        .service(relations::update_membership)
        .service(relations::add_consent)
        .service(relations::withdraw_consent)
        .service(relations::add_coach)
        .service(relations::remove_coach)
        .service(gdpr::export_person)
        .service(gdpr::person_history)
        .service(gdpr::anonymise_person);
}

/// Whose people the caller sees: coaches only those they accompany.
fn scope(ctx: &Ctx) -> Scope {
    match ctx.user.people_scope() {
        Some(coach) => Scope::CoachedBy(coach),
        None => Scope::All,
    }
}
