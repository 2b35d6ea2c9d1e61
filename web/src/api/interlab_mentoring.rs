//! InterLab mentoring calls: the mentors' directory, the explained suggestions for an
//! entrepreneur, the mentoring relations and their life (`/api/v1/interlab/mentors`,
//! `…/mentor-suggestions`, `/api/v1/interlab/mentorships`).

use gloo_net::http::Method;
use shared::interlab::{
    Mentor, MentorFilter, MentorSuggestions, Mentorship, MentorshipFilter, MentorshipInput,
    MentorshipPatch,
};
use uuid::Uuid;

use super::{query, Api, ApiError};

impl Api {
    /// `GET /interlab/mentors`, by name.
    pub async fn interlab_mentors(&self, filter: &MentorFilter) -> Result<Vec<Mentor>, ApiError> {
        let path = format!("/interlab/mentors{}", query(filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `GET /interlab/entrepreneurs/{id}/mentor-suggestions`: the best first, with the reasons.
    pub async fn mentor_suggestions(&self, id: Uuid) -> Result<MentorSuggestions, ApiError> {
        self.authed_json(
            Method::GET,
            &format!("/interlab/entrepreneurs/{id}/mentor-suggestions"),
            None,
        )
        .await
    }

    /// `GET /interlab/mentorships`.
    pub async fn interlab_mentorships(
        &self,
        filter: &MentorshipFilter,
    ) -> Result<Vec<Mentorship>, ApiError> {
        let path = format!("/interlab/mentorships{}", query(filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `POST /interlab/mentorships`: a mentor proposed to an entrepreneur.
    pub async fn propose_mentorship(&self, body: &MentorshipInput) -> Result<Mentorship, ApiError> {
        self.authed_json(
            Method::POST,
            "/interlab/mentorships",
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `PATCH /interlab/mentorships/{id}`: agreements, start, end.
    pub async fn update_mentorship(
        &self,
        id: Uuid,
        body: &MentorshipPatch,
    ) -> Result<Mentorship, ApiError> {
        self.authed_json(
            Method::PATCH,
            &format!("/interlab/mentorships/{id}"),
            Some(Self::to_json(body)?),
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::interlab::{MentorRole, MentorshipStatus, NeedDomain};

    #[test]
    fn directory_and_relation_filters_travel_in_the_query_string() {
        let f = MentorFilter {
            role: Some(MentorRole::Expert),
            domain: Some(NeedDomain::Accounting),
            active: Some(true),
        };
        assert_eq!(query(&f), "?role=expert&domain=accounting&active=true");
        let e = Uuid::from_u128(9);
        let r = MentorshipFilter {
            entrepreneur: Some(e),
            ..MentorshipFilter::default()
        };
        assert_eq!(query(&r), format!("?entrepreneur={e}"));
        let s = MentorshipFilter {
            status: Some(MentorshipStatus::Active),
            ..MentorshipFilter::default()
        };
        assert_eq!(query(&s), "?status=active");
    }
}
