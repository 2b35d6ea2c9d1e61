//! Handlers of `/duo` and `/duos`, one file per resource. Each parses the request, checks the
//! role's permission, calls `duo::service` and answers; they never import each other.

pub mod assessments;
pub mod blocks;
pub mod candidates;
pub mod check_ins;
pub mod communes;
pub mod duos;
pub mod feedback;
pub mod follow_ups;
pub mod matching;
pub mod proposals;
pub mod settings;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1/duo`. The order is the one routes are tried in.
pub fn configure_duo(cfg: &mut ServiceConfig) {
    cfg.service(candidates::list_candidates)
        .service(candidates::create_candidate)
        .service(candidates::get_candidate)
        .service(candidates::update_candidate)
        .service(matching::candidate_suggestions)
        .service(matching::batch_preview)
        .service(matching::batch_accept)
        .service(proposals::list_proposals)
        .service(proposals::create_proposal)
        .service(settings::get_settings)
        .service(settings::put_settings)
        .service(assessments::summary)
        .service(blocks::list_blocks)
        .service(blocks::create_block)
        .service(blocks::delete_block)
        .service(communes::list_communes)
        .service(communes::put_commune);
}

/// Routes under `/api/v1/duos`; `/attention` before `/{id}`, which would take it.
pub fn configure_duos(cfg: &mut ServiceConfig) {
    cfg.service(duos::list_duos)
        .service(duos::attention)
        .service(duos::get_duo)
        .service(duos::transition)
        .service(check_ins::list_check_ins)
        .service(check_ins::add_check_in)
        .service(feedback::list_feedback)
        .service(feedback::record_feedback)
        .service(follow_ups::list_follow_ups)
        .service(follow_ups::plan_follow_up)
        .service(follow_ups::mark_done)
        .service(assessments::list_assessments)
        .service(assessments::record_assessment);
}
