//! Handlers of `/interact` and of the public proposal form, one file per resource. Each parses
//! the request, checks the role's permission, calls `interact::service` and answers; they never
//! import each other.

pub mod feedback;
pub mod hosts;
pub mod proposals;
pub mod public;

use shared::page::PageParams;
use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1/interact`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(hosts::summary)
        .service(proposals::list_proposals)
        .service(proposals::create_proposal)
        .service(proposals::get_proposal)
        .service(proposals::update_proposal)
        .service(proposals::list_notes)
        .service(proposals::add_note)
        .service(proposals::change_status)
        .service(proposals::change_autonomy)
        .service(proposals::create_series)
        .service(hosts::host_page)
        .service(feedback::record_feedback)
        .service(feedback::list_feedback);
}

/// Routes under `/api/v1/public/interact`.
pub fn configure_public(cfg: &mut ServiceConfig) {
    cfg.service(public::propose).service(public::passions);
}

/// Offset and limit of a page, as the store takes them.
fn window(params: &PageParams) -> (i64, i64) {
    (
        i64::try_from(params.offset()).unwrap_or(i64::MAX),
        i64::from(params.page_size()),
    )
}
