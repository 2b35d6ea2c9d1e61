//! Partner calls of the team's screens: organisations and their contacts, their API clients and
//! webhook endpoints (`/api/v1/organisations/...`), and the review queue of partners' referrals
//! (`/api/v1/referrals/...`).

use gloo_net::http::Method;
use shared::page::PageParams;
use shared::partners::{
    ApiClient, ApiClientInput, ApiClientSecret, ContactInput, Organisation, OrganisationFilter,
    OrganisationInput,
};
use shared::referrals::{Referral, ReferralDecision, ReferralFilter, ReferralStatus};
use shared::webhooks::{WebhookDelivery, WebhookEndpoint};
use shared::Page;
use uuid::Uuid;

use super::{query, Api, ApiError};

/// Organisations per page of the list.
pub const ORGANISATIONS_PAGE_SIZE: u32 = 50;

/// Referrals per page of the review queue.
pub const REFERRALS_PAGE_SIZE: u32 = 50;

/// Deliveries shown per endpoint ("recent": the partner has the full log).
pub const RECENT_DELIVERIES: u32 = 10;

/// The query string (with its `?`, or empty) of `GET /organisations`.
pub fn organisations_query(filter: &OrganisationFilter) -> String {
    query(&OrganisationFilter {
        page_size: Some(ORGANISATIONS_PAGE_SIZE),
        ..filter.clone()
    })
}

/// The query string of `GET /referrals`: one status (all when `None`), one page.
pub fn referrals_query(status: Option<ReferralStatus>, page: Option<u32>, size: u32) -> String {
    query(&ReferralFilter {
        status,
        organisation_id: None,
        page: page.filter(|p| *p > 1),
        page_size: Some(size),
    })
}

impl Api {
    /// `GET /organisations`, by name.
    pub async fn organisations(
        &self,
        filter: &OrganisationFilter,
    ) -> Result<Page<Organisation>, ApiError> {
        let path = format!("/organisations{}", organisations_query(filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `GET /organisations/{id}`, with its contacts.
    pub async fn organisation(&self, id: Uuid) -> Result<Organisation, ApiError> {
        self.authed_json(Method::GET, &format!("/organisations/{id}"), None)
            .await
    }

    /// `POST /organisations`.
    pub async fn create_organisation(
        &self,
        body: &OrganisationInput,
    ) -> Result<Organisation, ApiError> {
        self.authed_json(Method::POST, "/organisations", Some(Self::to_json(body)?))
            .await
    }

    /// `PUT /organisations/{id}`.
    pub async fn update_organisation(
        &self,
        id: Uuid,
        body: &OrganisationInput,
    ) -> Result<Organisation, ApiError> {
        let path = format!("/organisations/{id}");
        self.authed_json(Method::PUT, &path, Some(Self::to_json(body)?))
            .await
    }

    /// `PUT /organisations/{id}/contacts/{person_id}`: affiliate a person with their role.
    pub async fn set_contact(
        &self,
        id: Uuid,
        person: Uuid,
        role: &str,
    ) -> Result<Organisation, ApiError> {
        let body = ContactInput {
            role: role.to_string(),
        };
        let path = format!("/organisations/{id}/contacts/{person}");
        self.authed_json(Method::PUT, &path, Some(Self::to_json(&body)?))
            .await
    }

    /// `DELETE /organisations/{id}/contacts/{person_id}`.
    pub async fn remove_contact(&self, id: Uuid, person: Uuid) -> Result<(), ApiError> {
        let path = format!("/organisations/{id}/contacts/{person}");
        self.authed_no_content(Method::DELETE, &path).await
    }

    /// `GET /organisations/{id}/clients`.
    pub async fn api_clients(&self, id: Uuid) -> Result<Vec<ApiClient>, ApiError> {
        self.authed_json(Method::GET, &format!("/organisations/{id}/clients"), None)
            .await
    }

    /// `POST /organisations/{id}/clients`: the answer holds the secret, shown once.
    pub async fn create_api_client(
        &self,
        id: Uuid,
        body: &ApiClientInput,
    ) -> Result<ApiClientSecret, ApiError> {
        let path = format!("/organisations/{id}/clients");
        self.authed_json(Method::POST, &path, Some(Self::to_json(body)?))
            .await
    }

    /// `POST /organisations/{id}/clients/{client_id}/rotate`: a new secret, shown once.
    pub async fn rotate_api_client(
        &self,
        id: Uuid,
        client: &str,
    ) -> Result<ApiClientSecret, ApiError> {
        let path = format!(
            "/organisations/{id}/clients/{}/rotate",
            super::encode_component(client)
        );
        self.authed_json(Method::POST, &path, None).await
    }

    /// `POST /organisations/{id}/clients/{client_id}/revoke`.
    pub async fn revoke_api_client(&self, id: Uuid, client: &str) -> Result<ApiClient, ApiError> {
        let path = format!(
            "/organisations/{id}/clients/{}/revoke",
            super::encode_component(client)
        );
        self.authed_json(Method::POST, &path, None).await
    }

    /// `GET /organisations/{id}/webhooks`: the partner's endpoints (the team only reads them).
    pub async fn organisation_webhooks(&self, id: Uuid) -> Result<Vec<WebhookEndpoint>, ApiError> {
        self.authed_json(Method::GET, &format!("/organisations/{id}/webhooks"), None)
            .await
    }

    /// `GET /organisations/{id}/webhooks/{webhook_id}/deliveries`: the latest few.
    pub async fn organisation_deliveries(
        &self,
        id: Uuid,
        endpoint: Uuid,
    ) -> Result<Page<WebhookDelivery>, ApiError> {
        let params = PageParams {
            page: None,
            page_size: Some(RECENT_DELIVERIES),
        };
        let path = format!(
            "/organisations/{id}/webhooks/{endpoint}/deliveries{}",
            query(&params)
        );
        self.authed_json(Method::GET, &path, None).await
    }

    /// `GET /referrals`: the review queue, newest first.
    pub async fn referrals(
        &self,
        status: Option<ReferralStatus>,
        page: Option<u32>,
        size: u32,
    ) -> Result<Page<Referral>, ApiError> {
        let path = format!("/referrals{}", referrals_query(status, page, size));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `GET /referrals/{id}`.
    pub async fn referral(&self, id: Uuid) -> Result<Referral, ApiError> {
        self.authed_json(Method::GET, &format!("/referrals/{id}"), None)
            .await
    }

    /// `POST /referrals/{id}/status`: a review step.
    pub async fn decide_referral(
        &self,
        id: Uuid,
        body: &ReferralDecision,
    ) -> Result<Referral, ApiError> {
        let path = format!("/referrals/{id}/status");
        self.authed_json(Method::POST, &path, Some(Self::to_json(body)?))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::partners::OrganisationKind;

    #[test]
    fn queries_carry_the_filters_and_the_page_size() {
        let f = OrganisationFilter {
            q: Some("cpas liège".into()),
            kind: Some(OrganisationKind::LanguageSchool),
            ..OrganisationFilter::default()
        };
        let q = organisations_query(&f);
        assert!(q.starts_with('?'), "{q}");
        assert!(q.contains("kind=language_school"), "{q}");
        assert!(q.contains("page_size=50"), "{q}");
        assert!(q.contains("q=cpas"), "{q}");
        let r = referrals_query(Some(ReferralStatus::NoAnswer), Some(1), 1);
        assert!(
            r.contains("status=no_answer") && r.contains("page_size=1"),
            "{r}"
        );
        assert!(!r.contains("page=1&"), "{r}");
    }
}
