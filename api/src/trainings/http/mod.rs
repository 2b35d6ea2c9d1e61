//! Handlers of `/trainings` (staff), `/public/certificates` (anyone) and `/partner/trainings`
//! (partner tokens), one file per resource; they never import each other.

pub mod certificates;
pub mod courses;
pub mod evaluations;
pub mod modules;
pub mod partner;
pub mod public;

use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;
use crate::state::AppState;

/// Counts one lookup of a public trainings link (a certificate's code, an evaluation's token)
/// from `ip`, found or not: 429 once the address has used its allowance, across instances on
/// PostgreSQL. Codes are unguessable anyway; this keeps a script from trying them by the
/// million and from loading the database.
pub(crate) async fn throttle_lookup(state: &AppState, ip: &str) -> Result<(), ApiError> {
    state
        .public_lookups
        .hit(ip)
        .await
        .map(drop)
        .map_err(|retry_after| ApiError::RateLimited { retry_after })
}

/// Routes under `/api/v1/trainings`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(modules::list_modules)
        .service(modules::create_module)
        .service(modules::get_module)
        .service(modules::update_module)
        .service(courses::list_courses)
        .service(courses::create_course)
        .service(courses::get_course)
        .service(courses::update_course)
        .service(courses::list_trainees)
        .service(courses::add_trainee)
        .service(courses::withdraw_trainee)
        .service(courses::get_attendance)
        .service(courses::mark_attendance)
        .service(certificates::issue_certificates)
        .service(certificates::course_certificates)
        .service(certificates::get_certificate)
        .service(certificates::revoke_certificate)
        .service(evaluations::course_results)
        .service(evaluations::module_results)
        .service(evaluations::enter_evaluation)
        .service(evaluations::make_links);
}

/// Routes under `/api/v1/public/evaluations`.
pub fn configure_public_evaluations(cfg: &mut ServiceConfig) {
    cfg.service(evaluations::evaluation_form)
        .service(evaluations::submit_evaluation);
}

/// Routes under `/api/v1/public/certificates`.
pub fn configure_public(cfg: &mut ServiceConfig) {
    cfg.service(public::check_certificate);
}

/// Routes under `/api/v1/partner/trainings`.
pub fn configure_partner(cfg: &mut ServiceConfig) {
    cfg.service(partner::list_open_courses)
        .service(partner::register_staff)
        .service(partner::list_registrations)
        .service(partner::list_staff)
        .service(partner::cancel_registration);
}
