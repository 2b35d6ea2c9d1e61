//! Handlers of `/interlab` and of the public application form, one file per resource. Each
//! parses the request, checks the role's permission, calls `interlab::service` and answers;
//! they never import each other.

pub mod applications;
pub mod apply;
pub mod cohorts;
pub mod diagnostics;
pub mod entrepreneurs;
pub mod meetings;
pub mod mentor_feed;
pub mod mentors;
pub mod mentorships;
pub mod milestones;
pub mod office_hours;
pub mod outcomes;
pub mod templates;
pub mod vocabularies;

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
        .service(entrepreneurs::list_coaches)
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
        .service(cohorts::list_cohort_activities)
        .service(cohorts::link_cohort_activity)
        .service(cohorts::unlink_cohort_activity)
        .service(vocabularies::list_sectors)
        .service(vocabularies::create_sector)
        .service(vocabularies::update_sector)
        .service(vocabularies::list_strengths)
        .service(vocabularies::create_strength)
        .service(vocabularies::update_strength)
        .service(templates::list_templates)
        .service(templates::create_template)
        .service(templates::update_template)
        .service(meetings::list_meetings)
        .service(meetings::record_meeting)
        .service(meetings::update_meeting)
        .service(meetings::delete_meeting)
        .service(meetings::next_step_milestone)
        .service(outcomes::list_outcomes)
        .service(outcomes::record_outcome)
        .service(outcomes::update_outcome)
        .service(outcomes::delete_outcome)
        .service(outcomes::list_follow_ups)
        .service(outcomes::follow_up_done)
        .service(mentors::list_mentors)
        .service(mentors::create_mentor)
        .service(mentors::my_mentor_entry)
        .service(mentors::get_mentor)
        .service(mentors::update_mentor)
        .service(mentors::rotate_mentor_feed)
        .service(mentors::revoke_mentor_feed)
        .service(mentors::mentor_suggestions)
        .service(mentorships::list_mentorships)
        .service(mentorships::create_mentorship)
        .service(mentorships::get_mentorship)
        .service(mentorships::update_mentorship)
        .service(office_hours::list_office_hours)
        .service(office_hours::create_office_hour)
        .service(office_hours::update_office_hour)
        .service(office_hours::book_office_hour)
        .service(office_hours::unbook_office_hour);
}

/// Routes under `/api/v1/public/interlab`.
pub fn configure_public(cfg: &mut ServiceConfig) {
    cfg.service(apply::apply).service(mentor_feed::mentor_feed);
}

/// Offset and limit of a page, as the store takes them.
fn window(params: &PageParams) -> (i64, i64) {
    (
        i64::try_from(params.offset()).unwrap_or(i64::MAX),
        i64::from(params.page_size()),
    )
}
