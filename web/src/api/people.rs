//! API calls of the people screens: the list, a person, their memberships and consents, the
//! review queue, and the vocabulary of interests as the person form reads it.

use gloo_net::http::Method;
use shared::consent::{Consent, ConsentInput, NoticeQuery, PrivacyNotice};
use shared::people::{
    AnonymiseRequest, AnonymisedPerson, Membership, MembershipInput, PeopleFilter, Person,
    PersonInput, PersonSummary, ReviewDecision,
};
use shared::tags::Tag;
use shared::{Lang, Page};
use uuid::Uuid;

use super::{people_query, query, Api, ApiError};

impl Api {
    /// `GET /people`.
    pub async fn list_people(
        &self,
        filter: &PeopleFilter,
    ) -> Result<Page<PersonSummary>, ApiError> {
        let path = format!("/people{}", people_query(filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `GET /people/{id}`.
    pub async fn get_person(&self, id: Uuid) -> Result<Person, ApiError> {
        self.authed_json(Method::GET, &format!("/people/{id}"), None)
            .await
    }

    /// `GET /people/{id}/participation`.
    pub async fn person_participation(
        &self,
        id: Uuid,
    ) -> Result<shared::participation::PersonParticipation, ApiError> {
        self.authed_json(Method::GET, &format!("/people/{id}/participation"), None)
            .await
    }

    /// `POST /people`.
    pub async fn create_person(&self, body: &PersonInput) -> Result<Person, ApiError> {
        self.authed_json(Method::POST, "/people", Some(Self::to_json(body)?))
            .await
    }

    /// `PUT /people/{id}`.
    pub async fn update_person(&self, id: Uuid, body: &PersonInput) -> Result<Person, ApiError> {
        self.authed_json(
            Method::PUT,
            &format!("/people/{id}"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `POST /people/{id}/archive` or `/restore`.
    pub async fn set_archived(&self, id: Uuid, archived: bool) -> Result<Person, ApiError> {
        let action = if archived { "archive" } else { "restore" };
        self.authed_json(Method::POST, &format!("/people/{id}/{action}"), None)
            .await
    }

    /// `POST /people/{id}/review`.
    pub async fn review_person(&self, id: Uuid, body: &ReviewDecision) -> Result<Person, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/people/{id}/review"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /people/{id}/export`: the whole document, as JSON text.
    pub async fn export_person(&self, id: Uuid) -> Result<String, ApiError> {
        let resp = self
            .authed(Method::GET, &format!("/people/{id}/export"), None)
            .await?;
        if resp.ok() {
            resp.text().await.map_err(|_| ApiError::Network)
        } else {
            Err(Self::error_of(resp).await)
        }
    }

    /// `POST /people/{id}/anonymise`.
    pub async fn anonymise_person(
        &self,
        id: Uuid,
        body: &AnonymiseRequest,
    ) -> Result<AnonymisedPerson, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/people/{id}/anonymise"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `POST /people/{id}/memberships`.
    pub async fn add_membership(
        &self,
        id: Uuid,
        body: &MembershipInput,
    ) -> Result<Membership, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/people/{id}/memberships"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /public/privacy-notice?lang=…`: the current notice (no account needed).
    pub async fn privacy_notice(&self, lang: Lang) -> Result<PrivacyNotice, ApiError> {
        let params = NoticeQuery { lang: Some(lang) };
        let path = format!("/public/privacy-notice{}", query(&params));
        let resp = self.send(Method::GET, &path, None, None).await?;
        Self::json_of(resp).await
    }

    /// `POST /people/{id}/consents`.
    pub async fn add_consent(&self, id: Uuid, body: &ConsentInput) -> Result<Consent, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/people/{id}/consents"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `POST /people/{id}/consents/{consent_id}/withdraw`.
    pub async fn withdraw_consent(&self, id: Uuid, consent_id: Uuid) -> Result<(), ApiError> {
        let resp = self
            .authed(
                Method::POST,
                &format!("/people/{id}/consents/{consent_id}/withdraw"),
                None,
            )
            .await?;
        if resp.ok() {
            Ok(())
        } else {
            Err(Self::error_of(resp).await)
        }
    }

    /// `GET /tags`.
    pub async fn list_tags(&self) -> Result<Vec<Tag>, ApiError> {
        self.authed_json(Method::GET, "/tags", None).await
    }
}
