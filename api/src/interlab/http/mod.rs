//! Handlers of `/interlab` and of the public application form, one file per resource. Each
//! parses the request, checks the role's permission, calls `interlab::service` and answers;
//! they never import each other.

pub mod applications;
pub mod apply;
pub mod cohorts;
pub mod diagnostics;
pub mod entrepreneurs;
pub mod milestones;
pub mod sectors;
pub mod strengths;
pub mod templates;

use shared::page::PageParams;
use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1/interlab`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(applications::list_applications)
        .service(applications::record_application)
        .service(applications::get_application)
        .service(applications::decide_application)
        .service(entrepreneurs::list_entrepreneurs)
        .service(entrepreneurs::get_entrepreneur)
        .service(entrepreneurs::update_entrepreneur)
        .service(diagnostics::list_diagnostics)
        .service(diagnostics::record_diagnostic)
        .service(milestones::get_path)
        .service(milestones::add_milestone)
        .service(milestones::milestones_from_templates)
        .service(milestones::update_milestone)
        .service(cohorts::list_cohorts)
        .service(cohorts::create_cohort)
        .service(cohorts::get_cohort)
        .service(cohorts::update_cohort)
        .service(sectors::list_sectors)
        .service(sectors::create_sector)
        .service(sectors::update_sector)
        .service(strengths::list_strengths)
        .service(strengths::create_strength)
        .service(strengths::update_strength)
        .service(templates::list_templates)
        .service(templates::create_template)
        .service(templates::update_template);
}

/// Routes under `/api/v1/public/interlab`.
pub fn configure_public(cfg: &mut ServiceConfig) {
    cfg.service(apply::apply);
}

/// Offset and limit of a page, as the store takes them.
fn window(params: &PageParams) -> (i64, i64) {
    (
        i64::try_from(params.offset()).unwrap_or(i64::MAX),
        i64::from(params.page_size()),
    )
}
