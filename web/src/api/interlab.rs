//! InterLab calls: the public application form, the team's review queue and decisions, the
//! entrepreneurs and their projects, diagnostics, the path, cohorts, milestone templates and
//! the sector and strength vocabularies (`/api/v1/interlab/...`,
//! `/api/v1/public/interlab/apply`).

use gloo_net::http::Method;
use shared::interlab::{
    Application, ApplicationFilter, ApplicationStatus, ApplyRequest, Cohort, CohortInput,
    DecisionInput, DecisionResult, Diagnostic, DiagnosticInput, Diagnostics, Entrepreneur,
    EntrepreneurFilter, EntrepreneurInput, FromTemplates, Milestone, MilestoneInput, PathView,
    Template, TemplateInput, Term, TermInput, TermKind,
};
use shared::interlab::{
    CoachChoice, Meeting, MeetingInput, Outcome, OutcomeFollowUp, OutcomeFollowUpDone,
    OutcomeFollowUpFilter, OutcomeInput,
};
use shared::signup::SignupReceipt;
use shared::Page;
use uuid::Uuid;

use super::{query, Api, ApiError};

/// Entrepreneurs per page of the list (the API's largest page: the list is filtered, not
/// browsed page by page, in practice).
pub const ENTREPRENEURS_PAGE_SIZE: u32 = 50;

/// Applications per page of the review queue.
pub const APPLICATIONS_PAGE_SIZE: u32 = 50;

/// The query string (with its `?`, or empty) of `GET /interlab/entrepreneurs`.
pub fn entrepreneurs_query(filter: &EntrepreneurFilter) -> String {
    query(filter)
}

/// The query string (with its `?`, or empty) of `GET /interlab/applications`.
pub fn applications_query(status: Option<ApplicationStatus>, page: Option<u32>) -> String {
    query(&ApplicationFilter {
        status,
        page: page.filter(|p| *p > 1),
        page_size: Some(APPLICATIONS_PAGE_SIZE),
    })
}

/// The query string (with its `?`, or empty) of `GET /interlab/follow-ups`.
pub fn follow_ups_query(filter: &OutcomeFollowUpFilter) -> String {
    query(filter)
}

/// The path of a vocabulary's collection.
pub fn terms_path(kind: TermKind) -> &'static str {
    match kind {
        TermKind::Sector => "/interlab/sectors",
        TermKind::Strength => "/interlab/strengths",
    }
}

impl Api {
    /// `POST /public/interlab/apply`: "Je veux créer mon activité" (no account).
    pub async fn interlab_apply(&self, body: &ApplyRequest) -> Result<SignupReceipt, ApiError> {
        let json = Self::to_json(body)?;
        let resp = self
            .send(Method::POST, "/public/interlab/apply", Some(&json), None)
            .await?;
        Self::json_of(resp).await
    }

    /// `GET /interlab/applications`, oldest first.
    pub async fn interlab_applications(
        &self,
        status: Option<ApplicationStatus>,
        page: Option<u32>,
    ) -> Result<Page<Application>, ApiError> {
        let path = format!("/interlab/applications{}", applications_query(status, page));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `GET /interlab/applications/{id}`.
    pub async fn interlab_application(&self, id: Uuid) -> Result<Application, ApiError> {
        self.authed_json(Method::GET, &format!("/interlab/applications/{id}"), None)
            .await
    }

    /// `POST /interlab/applications/{id}/decision`.
    pub async fn decide_application(
        &self,
        id: Uuid,
        body: &DecisionInput,
    ) -> Result<DecisionResult, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/interlab/applications/{id}/decision"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /interlab/entrepreneurs` (coaches: those they accompany).
    pub async fn interlab_entrepreneurs(
        &self,
        filter: &EntrepreneurFilter,
    ) -> Result<Page<Entrepreneur>, ApiError> {
        let path = format!("/interlab/entrepreneurs{}", entrepreneurs_query(filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `GET /interlab/entrepreneurs/{id}`.
    pub async fn interlab_entrepreneur(&self, id: Uuid) -> Result<Entrepreneur, ApiError> {
        self.authed_json(Method::GET, &format!("/interlab/entrepreneurs/{id}"), None)
            .await
    }

    /// `PUT /interlab/entrepreneurs/{id}`: the project and its accompaniment.
    pub async fn update_entrepreneur(
        &self,
        id: Uuid,
        body: &EntrepreneurInput,
    ) -> Result<Entrepreneur, ApiError> {
        self.authed_json(
            Method::PUT,
            &format!("/interlab/entrepreneurs/{id}"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /interlab/entrepreneurs/{id}/diagnostics`: every snapshot and the comparison.
    pub async fn interlab_diagnostics(&self, id: Uuid) -> Result<Diagnostics, ApiError> {
        self.authed_json(
            Method::GET,
            &format!("/interlab/entrepreneurs/{id}/diagnostics"),
            None,
        )
        .await
    }

    /// `POST /interlab/entrepreneurs/{id}/diagnostics`.
    pub async fn record_diagnostic(
        &self,
        id: Uuid,
        body: &DiagnosticInput,
    ) -> Result<Diagnostic, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/interlab/entrepreneurs/{id}/diagnostics"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /interlab/entrepreneurs/{id}/milestones`: the path and its progress.
    pub async fn interlab_path(&self, id: Uuid) -> Result<PathView, ApiError> {
        self.authed_json(
            Method::GET,
            &format!("/interlab/entrepreneurs/{id}/milestones"),
            None,
        )
        .await
    }

    /// `POST /interlab/entrepreneurs/{id}/milestones`.
    pub async fn add_milestone(
        &self,
        id: Uuid,
        body: &MilestoneInput,
    ) -> Result<Milestone, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/interlab/entrepreneurs/{id}/milestones"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `POST /interlab/entrepreneurs/{id}/milestones/from-templates`: the new path.
    pub async fn milestones_from_templates(
        &self,
        id: Uuid,
        body: &FromTemplates,
    ) -> Result<PathView, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/interlab/entrepreneurs/{id}/milestones/from-templates"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `PUT /interlab/entrepreneurs/{id}/milestones/{milestone}`.
    pub async fn update_milestone(
        &self,
        id: Uuid,
        milestone: Uuid,
        body: &MilestoneInput,
    ) -> Result<Milestone, ApiError> {
        self.authed_json(
            Method::PUT,
            &format!("/interlab/entrepreneurs/{id}/milestones/{milestone}"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /interlab/cohorts`, the latest first.
    pub async fn interlab_cohorts(&self) -> Result<Vec<Cohort>, ApiError> {
        self.authed_json(Method::GET, "/interlab/cohorts", None)
            .await
    }

    /// `GET /interlab/cohorts/{id}`.
    pub async fn interlab_cohort(&self, id: Uuid) -> Result<Cohort, ApiError> {
        self.authed_json(Method::GET, &format!("/interlab/cohorts/{id}"), None)
            .await
    }

    /// `POST /interlab/cohorts`.
    pub async fn create_cohort(&self, body: &CohortInput) -> Result<Cohort, ApiError> {
        self.authed_json(
            Method::POST,
            "/interlab/cohorts",
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `PUT /interlab/cohorts/{id}`.
    pub async fn update_cohort(&self, id: Uuid, body: &CohortInput) -> Result<Cohort, ApiError> {
        self.authed_json(
            Method::PUT,
            &format!("/interlab/cohorts/{id}"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /interlab/sectors` or `GET /interlab/strengths`.
    pub async fn interlab_terms(&self, kind: TermKind) -> Result<Vec<Term>, ApiError> {
        self.authed_json(Method::GET, terms_path(kind), None).await
    }

    /// `POST /interlab/sectors` or `POST /interlab/strengths`.
    pub async fn create_term(&self, kind: TermKind, body: &TermInput) -> Result<Term, ApiError> {
        self.authed_json(Method::POST, terms_path(kind), Some(Self::to_json(body)?))
            .await
    }

    /// `PUT /interlab/sectors/{id}` or `PUT /interlab/strengths/{id}`.
    pub async fn update_term(
        &self,
        kind: TermKind,
        id: Uuid,
        body: &TermInput,
    ) -> Result<Term, ApiError> {
        self.authed_json(
            Method::PUT,
            &format!("{}/{id}", terms_path(kind)),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /interlab/templates`: every template, by domain and position.
    pub async fn interlab_templates(&self) -> Result<Vec<Template>, ApiError> {
        self.authed_json(Method::GET, "/interlab/templates", None)
            .await
    }

    /// `POST /interlab/templates` (administrators).
    pub async fn create_template(&self, body: &TemplateInput) -> Result<Template, ApiError> {
        self.authed_json(
            Method::POST,
            "/interlab/templates",
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `PUT /interlab/templates/{id}` (administrators).
    pub async fn update_template(
        &self,
        id: Uuid,
        body: &TemplateInput,
    ) -> Result<Template, ApiError> {
        self.authed_json(
            Method::PUT,
            &format!("/interlab/templates/{id}"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /interlab/coaches`: the staff who may accompany (coordinators, administrators).
    pub async fn interlab_coaches(&self) -> Result<Vec<CoachChoice>, ApiError> {
        self.authed_json(Method::GET, "/interlab/coaches", None)
            .await
    }

    /// `GET /interlab/entrepreneurs/{id}/meetings`, the latest first.
    pub async fn interlab_meetings(&self, id: Uuid) -> Result<Vec<Meeting>, ApiError> {
        self.authed_json(
            Method::GET,
            &format!("/interlab/entrepreneurs/{id}/meetings"),
            None,
        )
        .await
    }

    /// `POST /interlab/entrepreneurs/{id}/meetings`.
    pub async fn record_meeting(&self, id: Uuid, body: &MeetingInput) -> Result<Meeting, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/interlab/entrepreneurs/{id}/meetings"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `POST /interlab/entrepreneurs/{id}/meetings/{meeting}/next-steps/{index}/milestone`:
    /// a meeting's next step becomes a milestone of the path.
    pub async fn next_step_milestone(
        &self,
        id: Uuid,
        meeting: Uuid,
        index: u32,
    ) -> Result<Milestone, ApiError> {
        self.authed_json(
            Method::POST,
            &format!(
                "/interlab/entrepreneurs/{id}/meetings/{meeting}/next-steps/{index}/milestone"
            ),
            None,
        )
        .await
    }

    /// `GET /interlab/entrepreneurs/{id}/outcomes`.
    pub async fn interlab_outcomes(&self, id: Uuid) -> Result<Vec<Outcome>, ApiError> {
        self.authed_json(
            Method::GET,
            &format!("/interlab/entrepreneurs/{id}/outcomes"),
            None,
        )
        .await
    }

    /// `POST /interlab/entrepreneurs/{id}/outcomes`.
    pub async fn record_outcome(&self, id: Uuid, body: &OutcomeInput) -> Result<Outcome, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/interlab/entrepreneurs/{id}/outcomes"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /interlab/follow-ups`: the follow-up calls after the path.
    pub async fn interlab_follow_ups(
        &self,
        filter: &OutcomeFollowUpFilter,
    ) -> Result<Vec<OutcomeFollowUp>, ApiError> {
        let path = format!("/interlab/follow-ups{}", follow_ups_query(filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `POST /interlab/follow-ups/{id}/done`.
    pub async fn interlab_follow_up_done(
        &self,
        id: Uuid,
        body: &OutcomeFollowUpDone,
    ) -> Result<OutcomeFollowUp, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/interlab/follow-ups/{id}/done"),
            Some(Self::to_json(body)?),
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::interlab::ProjectStage;

    #[test]
    fn entrepreneur_filters_travel_in_the_query_string() {
        assert_eq!(entrepreneurs_query(&EntrepreneurFilter::default()), "");
        let cohort = Uuid::from_u128(7);
        let f = EntrepreneurFilter {
            cohort: Some(cohort),
            stage: Some(ProjectStage::PreparingLaunch),
            overdue: Some(true),
            page_size: Some(ENTREPRENEURS_PAGE_SIZE),
            ..EntrepreneurFilter::default()
        };
        assert_eq!(
            entrepreneurs_query(&f),
            format!("?cohort={cohort}&stage=preparing_launch&overdue=true&page_size=50")
        );
    }

    #[test]
    fn the_queue_asks_for_one_status_and_leaves_page_one_out() {
        assert_eq!(applications_query(None, Some(1)), "?page_size=50");
        assert_eq!(
            applications_query(Some(ApplicationStatus::WaitingList), Some(2)),
            "?status=waiting_list&page=2&page_size=50"
        );
    }

    #[test]
    fn each_vocabulary_has_its_collection() {
        assert_eq!(terms_path(TermKind::Sector), "/interlab/sectors");
        assert_eq!(terms_path(TermKind::Strength), "/interlab/strengths");
    }
}
