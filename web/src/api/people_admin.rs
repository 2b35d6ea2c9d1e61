//! API calls of the people administration screens: a person's history, the vocabulary of
//! interests, the retention review and bulk anonymisation.

use gloo_net::http::Method;
use shared::audit::PersonHistoryEntry;
use shared::page::PageParams;
use shared::people::{AnonymiseResult, BulkAnonymiseRequest, PersonSummary};
use shared::tags::{Tag, TagInput, TagMerge};
use shared::Page;
use uuid::Uuid;

use super::{query, Api, ApiError};

/// The path of one page of a person's history.
pub fn history_path(id: Uuid, page: u32, page_size: u32) -> String {
    let params = PageParams {
        page: Some(page),
        page_size: Some(page_size),
    };
    format!("/people/{id}/history{}", query(&params))
}

impl Api {
    /// `GET /people/{id}/history`: who did what to the person, newest first.
    pub async fn person_history(
        &self,
        id: Uuid,
        page: u32,
        page_size: u32,
    ) -> Result<Page<PersonHistoryEntry>, ApiError> {
        self.authed_json(Method::GET, &history_path(id, page, page_size), None)
            .await
    }

    /// `POST /tags` (coordinators, admins).
    pub async fn create_tag(&self, body: &TagInput) -> Result<Tag, ApiError> {
        self.authed_json(Method::POST, "/tags", Some(Self::to_json(body)?))
            .await
    }

    /// `PUT /tags/{id}`: new slug, category or labels.
    pub async fn update_tag(&self, id: Uuid, body: &TagInput) -> Result<Tag, ApiError> {
        self.authed_json(
            Method::PUT,
            &format!("/tags/{id}"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `POST /tags/{id}/merge`: every use of `id` moves to `into`; answers the tag that remains.
    pub async fn merge_tag(&self, id: Uuid, into: Uuid) -> Result<Tag, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/tags/{id}/merge"),
            Some(Self::to_json(&TagMerge { into })?),
        )
        .await
    }

    /// `GET /people/retention` (admins): people past the retention period, oldest activity first.
    pub async fn retention_review(&self) -> Result<Vec<PersonSummary>, ApiError> {
        self.authed_json(Method::GET, "/people/retention", None)
            .await
    }

    /// `POST /people/anonymise` (admins).
    pub async fn anonymise_people(
        &self,
        body: &BulkAnonymiseRequest,
    ) -> Result<AnonymiseResult, ApiError> {
        self.authed_json(
            Method::POST,
            "/people/anonymise",
            Some(Self::to_json(body)?),
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_pages_are_addressed_by_number_and_size() {
        assert_eq!(
            history_path(Uuid::nil(), 2, 10),
            "/people/00000000-0000-0000-0000-000000000000/history?page=2&page_size=10"
        );
    }
}
