//! InterAct hosts calls: the public proposal form and its passions, the coordinators' board, a
//! proposal and its steps, and a host's page (`/api/v1/interact/...`).

use gloo_net::http::Method;
use shared::interact::{
    AutonomyInput, FeedbackInput, HostPage, NoteInput, Passion, Proposal, ProposalDetail,
    ProposalFilter, ProposalInput, ProposalNote, ProposalStatus, ProposalUpdate,
    PublicProposalRequest, SessionFeedback, StatusChange, WorkshopCreated, WorkshopInput,
};
use shared::signup::SignupReceipt;
use shared::Page;
use uuid::Uuid;

use super::{query, Api, ApiError};

/// The query string (with its `?`, or empty) of the board: every proposal at once.
pub fn board_query(filter: &ProposalFilter) -> String {
    query(&ProposalFilter {
        page_size: Some(shared::page::MAX_PAGE_SIZE),
        ..filter.clone()
    })
}

/// The proposals of one status, as the API listed them (newest first).
pub fn in_status(list: &[Proposal], status: ProposalStatus) -> Vec<Proposal> {
    list.iter()
        .filter(|p| p.status == status)
        .cloned()
        .collect()
}

impl Api {
    /// `GET /public/interact/passions`: the vocabulary the public form offers.
    pub async fn interact_passions(&self) -> Result<Vec<Passion>, ApiError> {
        let resp = self
            .send(Method::GET, "/public/interact/passions", None, None)
            .await?;
        Self::json_of(resp).await
    }

    /// `POST /public/interact/proposals`: "Je propose un atelier".
    pub async fn propose_workshop(
        &self,
        body: &PublicProposalRequest,
    ) -> Result<SignupReceipt, ApiError> {
        let json = Self::to_json(body)?;
        let resp = self
            .send(
                Method::POST,
                "/public/interact/proposals",
                Some(&json),
                None,
            )
            .await?;
        Self::json_of(resp).await
    }

    /// `GET /interact/proposals` with the board's filters.
    pub async fn proposals(&self, filter: &ProposalFilter) -> Result<Page<Proposal>, ApiError> {
        let path = format!("/interact/proposals{}", board_query(filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `POST /interact/proposals`: a proposal the team records for a known person.
    pub async fn create_proposal(&self, body: &ProposalInput) -> Result<ProposalDetail, ApiError> {
        self.authed_json(
            Method::POST,
            "/interact/proposals",
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /interact/proposals/{id}`.
    pub async fn proposal(&self, id: Uuid) -> Result<ProposalDetail, ApiError> {
        self.authed_json(Method::GET, &format!("/interact/proposals/{id}"), None)
            .await
    }

    /// `PUT /interact/proposals/{id}`.
    pub async fn update_proposal(
        &self,
        id: Uuid,
        body: &ProposalUpdate,
    ) -> Result<ProposalDetail, ApiError> {
        let path = format!("/interact/proposals/{id}");
        self.authed_json(Method::PUT, &path, Some(Self::to_json(body)?))
            .await
    }

    /// `POST /interact/proposals/{id}/notes`.
    pub async fn add_proposal_note(
        &self,
        id: Uuid,
        body: &NoteInput,
    ) -> Result<ProposalNote, ApiError> {
        let path = format!("/interact/proposals/{id}/notes");
        self.authed_json(Method::POST, &path, Some(Self::to_json(body)?))
            .await
    }

    /// `POST /interact/proposals/{id}/status`.
    pub async fn proposal_status(
        &self,
        id: Uuid,
        body: &StatusChange,
    ) -> Result<ProposalDetail, ApiError> {
        let path = format!("/interact/proposals/{id}/status");
        self.authed_json(Method::POST, &path, Some(Self::to_json(body)?))
            .await
    }

    /// `POST /interact/proposals/{id}/autonomy`.
    pub async fn proposal_autonomy(
        &self,
        id: Uuid,
        body: &AutonomyInput,
    ) -> Result<ProposalDetail, ApiError> {
        let path = format!("/interact/proposals/{id}/autonomy");
        self.authed_json(Method::POST, &path, Some(Self::to_json(body)?))
            .await
    }

    /// `POST /interact/proposals/{id}/series`: the draft series pre-filled from the proposal.
    pub async fn proposal_series(
        &self,
        id: Uuid,
        body: &WorkshopInput,
    ) -> Result<WorkshopCreated, ApiError> {
        let path = format!("/interact/proposals/{id}/series");
        self.authed_json(Method::POST, &path, Some(Self::to_json(body)?))
            .await
    }

    /// `POST /interact/sessions/{activity_id}/feedback`: a participant's feedback on a session.
    pub async fn record_feedback(
        &self,
        activity_id: Uuid,
        body: &FeedbackInput,
    ) -> Result<SessionFeedback, ApiError> {
        let path = format!("/interact/sessions/{activity_id}/feedback");
        self.authed_json(Method::POST, &path, Some(Self::to_json(body)?))
            .await
    }

    /// `GET /interact/hosts/{person_id}`.
    pub async fn host_page(&self, person_id: Uuid) -> Result<HostPage, ApiError> {
        self.authed_json(Method::GET, &format!("/interact/hosts/{person_id}"), None)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_board_asks_for_every_proposal_with_its_filters() {
        assert_eq!(board_query(&ProposalFilter::default()), "?page_size=200");
        let f = ProposalFilter {
            language: Some("ar".into()),
            ..ProposalFilter::default()
        };
        assert_eq!(board_query(&f), "?language=ar&page_size=200");
    }
}
