//! Duo2Change calls: the candidate pool, suggestions, the batch, proposals, duos, check-ins and
//! the matching weights (`/api/v1/duo/...` and `/api/v1/duos/...`).

use gloo_net::http::Method;
use shared::duo::{
    BatchAccept, BatchPreview, BatchRequest, BlockFilter, Candidacy, CandidacyInput,
    CandidacyStatus, CandidateFilter, CheckIn, CheckInInput, CommuneInput, Duo, DuoFilter,
    DuoStatus, DuoTransition, FollowUp, FollowUpDone, FollowUpInput, MatchingSettings, PairBlock,
    PairBlockInput, PairRef, SelfAssessment, SelfAssessmentInput, Suggestion, SuggestionQuery,
    TrialFeedback, TrialFeedbackInput,
};
use shared::people::Category;
use uuid::Uuid;

use super::{query, Api, ApiError};

pub use shared::duo::Commune;

/// The query string (with its `?`, or empty) for `GET /duo/candidates`.
pub fn candidates_query(status: Option<CandidacyStatus>, side: Option<Category>) -> String {
    query(&CandidateFilter { status, side })
}

/// The pair `me` and `other` form, newcomer first (as the API wants it).
pub fn pair_of(me: &Candidacy, other: Uuid) -> PairRef {
    match me.side {
        Category::Newcomer => PairRef {
            newcomer: me.id,
            local: other,
        },
        Category::Local => PairRef {
            newcomer: other,
            local: me.id,
        },
    }
}

impl Api {
    /// `GET /duo/candidates` (coaches: only the people they accompany).
    pub async fn duo_candidates(
        &self,
        status: Option<CandidacyStatus>,
        side: Option<Category>,
    ) -> Result<Vec<Candidacy>, ApiError> {
        let path = format!("/duo/candidates{}", candidates_query(status, side));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `GET /duo/candidates/{id}`.
    pub async fn duo_candidate(&self, id: Uuid) -> Result<Candidacy, ApiError> {
        self.authed_json(Method::GET, &format!("/duo/candidates/{id}"), None)
            .await
    }

    /// `POST /duo/candidates`.
    pub async fn create_candidacy(&self, body: &CandidacyInput) -> Result<Candidacy, ApiError> {
        self.authed_json(Method::POST, "/duo/candidates", Some(Self::to_json(body)?))
            .await
    }

    /// `PUT /duo/candidates/{id}`.
    pub async fn update_candidacy(
        &self,
        id: Uuid,
        body: &CandidacyInput,
    ) -> Result<Candidacy, ApiError> {
        self.authed_json(
            Method::PUT,
            &format!("/duo/candidates/{id}"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /duo/candidates/{id}/suggestions?k=…`: the best partners, with reasons in the
    /// interface language.
    pub async fn duo_suggestions(&self, id: Uuid, k: u32) -> Result<Vec<Suggestion>, ApiError> {
        let k = usize::try_from(k).ok();
        let path = format!(
            "/duo/candidates/{id}/suggestions{}",
            query(&SuggestionQuery { k })
        );
        self.authed_json(Method::GET, &path, None).await
    }

    /// `POST /duo/batch`: the preview of the optimal pairing (nothing is stored).
    pub async fn duo_batch_preview(&self, body: &BatchRequest) -> Result<BatchPreview, ApiError> {
        self.authed_json(Method::POST, "/duo/batch", Some(Self::to_json(body)?))
            .await
    }

    /// `POST /duo/batch/accept`: turns the chosen pairs into proposals.
    pub async fn duo_batch_accept(&self, body: &BatchAccept) -> Result<Vec<Duo>, ApiError> {
        self.authed_json(
            Method::POST,
            "/duo/batch/accept",
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `POST /duo/proposals`: proposes one pair.
    pub async fn duo_propose(&self, body: &PairRef) -> Result<Duo, ApiError> {
        self.authed_json(Method::POST, "/duo/proposals", Some(Self::to_json(body)?))
            .await
    }

    /// `GET /duos?status=…`, with the health of active duos.
    pub async fn duos(&self, status: Option<DuoStatus>) -> Result<Vec<Duo>, ApiError> {
        let path = format!("/duos{}", query(&DuoFilter { status }));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `GET /duos/attention`: active duos, those needing attention first.
    pub async fn duo_attention(&self) -> Result<Vec<Duo>, ApiError> {
        self.authed_json(Method::GET, "/duos/attention", None).await
    }

    /// `GET /duos/{id}`.
    pub async fn duo(&self, id: Uuid) -> Result<Duo, ApiError> {
        self.authed_json(Method::GET, &format!("/duos/{id}"), None)
            .await
    }

    /// `POST /duos/{id}/transition`.
    pub async fn duo_transition(&self, id: Uuid, body: &DuoTransition) -> Result<Duo, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/duos/{id}/transition"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `POST /duos/{id}/follow-ups`: plan an extra call.
    pub async fn plan_follow_up(
        &self,
        id: Uuid,
        body: &FollowUpInput,
    ) -> Result<FollowUp, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/duos/{id}/follow-ups"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `POST /duos/{id}/follow-ups/{call}/done`.
    pub async fn follow_up_done(
        &self,
        id: Uuid,
        call: Uuid,
        body: &FollowUpDone,
    ) -> Result<FollowUp, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/duos/{id}/follow-ups/{call}/done"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `POST /duos/{id}/feedback`: one side's feedback on the trial meeting.
    pub async fn record_duo_feedback(
        &self,
        id: Uuid,
        body: &TrialFeedbackInput,
    ) -> Result<TrialFeedback, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/duos/{id}/feedback"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /duos/{id}/assessments`: before, then after; newcomer first.
    pub async fn duo_assessments(&self, id: Uuid) -> Result<Vec<SelfAssessment>, ApiError> {
        self.authed_json(Method::GET, &format!("/duos/{id}/assessments"), None)
            .await
    }

    /// `POST /duos/{id}/assessments`.
    pub async fn record_duo_assessment(
        &self,
        id: Uuid,
        body: &SelfAssessmentInput,
    ) -> Result<SelfAssessment, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/duos/{id}/assessments"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /duos/{id}/check-ins`, newest first.
    pub async fn duo_check_ins(&self, id: Uuid) -> Result<Vec<CheckIn>, ApiError> {
        self.authed_json(Method::GET, &format!("/duos/{id}/check-ins"), None)
            .await
    }

    /// `POST /duos/{id}/check-ins`.
    pub async fn add_duo_check_in(
        &self,
        id: Uuid,
        body: &CheckInInput,
    ) -> Result<CheckIn, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/duos/{id}/check-ins"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /duo/settings`: the current matching weights.
    pub async fn duo_settings(&self) -> Result<MatchingSettings, ApiError> {
        self.authed_json(Method::GET, "/duo/settings", None).await
    }

    /// `PUT /duo/settings` (administrators): saves a new version.
    pub async fn save_duo_settings(
        &self,
        body: &MatchingSettings,
    ) -> Result<MatchingSettings, ApiError> {
        self.authed_json(Method::PUT, "/duo/settings", Some(Self::to_json(body)?))
            .await
    }

    /// `GET /duo/communes`.
    pub async fn duo_communes(&self) -> Result<Vec<Commune>, ApiError> {
        self.authed_json(Method::GET, "/duo/communes", None).await
    }

    /// `PUT /duo/communes/{id}` (administrators): creates or replaces a commune.
    pub async fn put_commune(&self, id: &str, body: &CommuneInput) -> Result<Commune, ApiError> {
        self.authed_json(
            Method::PUT,
            &format!("/duo/communes/{id}"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /duo/blocks?person_id=…`: the pairs with this person never proposed.
    pub async fn duo_blocks(&self, person: Uuid) -> Result<Vec<PairBlock>, ApiError> {
        let filter = BlockFilter {
            person_id: Some(person),
        };
        let path = format!("/duo/blocks{}", query(&filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `POST /duo/blocks`: a coordinator's "do not pair".
    pub async fn block_pair(&self, body: &PairBlockInput) -> Result<PairBlock, ApiError> {
        self.authed_json(Method::POST, "/duo/blocks", Some(Self::to_json(body)?))
            .await
    }

    /// `DELETE /duo/blocks/{id}`: lifts a coordinator's block.
    pub async fn lift_block(&self, id: Uuid) -> Result<(), ApiError> {
        self.authed_no_content(Method::DELETE, &format!("/duo/blocks/{id}"))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use shared::duo::TravelRange;

    fn candidacy(side: Category) -> Candidacy {
        Candidacy {
            id: Uuid::from_u128(1),
            person_id: Uuid::from_u128(2),
            display_name: "Amina".into(),
            side,
            status: CandidacyStatus::Waiting,
            waiting_since: Utc::now(),
            commune: None,
            travel: TravelRange::Anywhere,
            gender: None,
            partner_gender: None,
            partner_age_min: None,
            partner_age_max: None,
            hopes: vec![],
            wants_french_practice: false,
            remarks: None,
        }
    }

    #[test]
    fn candidate_query_has_only_the_filters_given() {
        assert_eq!(candidates_query(None, None), "");
        assert_eq!(
            candidates_query(Some(CandidacyStatus::Waiting), Some(Category::Local)),
            "?status=waiting&side=local"
        );
        assert_eq!(
            candidates_query(None, Some(Category::Newcomer)),
            "?side=newcomer"
        );
    }

    #[test]
    fn pairs_put_the_newcomer_first() {
        let other = Uuid::from_u128(9);
        let p = pair_of(&candidacy(Category::Newcomer), other);
        assert_eq!((p.newcomer, p.local), (Uuid::from_u128(1), other));
        let p = pair_of(&candidacy(Category::Local), other);
        assert_eq!((p.newcomer, p.local), (other, Uuid::from_u128(1)));
    }

    #[test]
    fn communes_decode_from_the_api_shape() {
        let json = r#"[{"id":"liege","name":"Liège","latitude":50.6,"longitude":5.5,"neighbours":["ans"]}]"#;
        let list: Vec<Commune> = serde_json::from_str(json).unwrap_or_default();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].name, "Liège");
        assert_eq!(list[0].neighbours, ["ans"]);
    }
}
