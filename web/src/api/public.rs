//! Calls of the public pages, without an account: the agenda, one activity, registering for
//! it, the privacy notice and the programmes' sign-up form.
//!
//! Reads ask the browser to revalidate (`Cache-Control: no-cache` on the request): the feeds
//! are cached for minutes by HTTP caches, but a visitor who has just registered must see the
//! places left as they are now. The agenda answers a revalidation with `304`, so this costs
//! little.

use chrono::NaiveDate;
use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::GetUntracked;
use shared::activities::{
    ActivityProgramme, EventQuery, PublicEvent, PublicRegistration, PublicRegistrationReceipt,
};
use shared::signup::{SignupReceipt, SignupRequest};
use shared::{Lang, Page};
use uuid::Uuid;

use super::{query, Api, ApiError, API_BASE};

/// Activities per page of the public agenda.
pub const AGENDA_PAGE_SIZE: u32 = 20;

/// What the public agenda asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgendaQuery {
    /// From this day (Brussels); the server's default is now.
    pub start: Option<NaiveDate>,
    /// Until this day, excluded (Brussels).
    pub end: Option<NaiveDate>,
    pub programme: Option<ActivityProgramme>,
    /// Words to find in the title or description.
    pub q: Option<String>,
    /// A language the activity is held in.
    pub language: Option<String>,
    /// Language of titles and descriptions (French when an activity has no translation).
    pub lang: Lang,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

/// The query string (with its `?`) of `GET /public/events`.
pub fn agenda_query(q: &AgendaQuery) -> String {
    query(&EventQuery {
        start: q.start.map(|d| d.format("%Y-%m-%d").to_string()),
        end: q.end.map(|d| d.format("%Y-%m-%d").to_string()),
        programme: q.programme,
        q: q.q.clone(),
        languages: q.language.clone(),
        lang: Some(q.lang),
        page: q.page.filter(|p| *p > 1),
        page_size: q.page_size,
        ..EventQuery::default()
    })
}

/// Which subscription feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feed {
    /// iCalendar (RFC 5545), for calendar apps.
    Ics,
    /// RSS 2.0, for feed readers.
    Rss,
}

/// The address of a subscription feed, for one programme or all, in `lang` (French, the
/// default, is left out so that the plain address stays the one partners already use).
pub fn feed_path(feed: Feed, programme: Option<ActivityProgramme>, lang: Lang) -> String {
    let file = match feed {
        Feed::Ics => "events.ics",
        Feed::Rss => "events.rss",
    };
    let params = EventQuery {
        programme,
        lang: (lang != Lang::Fr).then_some(lang),
        ..EventQuery::default()
    };
    format!("{API_BASE}/public/{file}{}", query(&params))
}

impl Api {
    /// A `GET` without credentials that revalidates with the server instead of trusting the
    /// browser's copy.
    async fn public_get<T: serde::de::DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let req = RequestBuilder::new(&format!("{API_BASE}{path}"))
            .method(Method::GET)
            .header("Accept", "application/json")
            .header("Accept-Language", self.lang.get_untracked().code())
            .cache(web_sys::RequestCache::NoCache)
            .build()
            .map_err(|_| ApiError::Network)?;
        let resp = req.send().await.map_err(|_| ApiError::Network)?;
        Self::json_of(resp).await
    }

    /// `GET /public/events`: upcoming published public activities (and recent cancellations).
    pub async fn public_events(&self, q: &AgendaQuery) -> Result<Page<PublicEvent>, ApiError> {
        self.public_get(&format!("/public/events{}", agenda_query(q)))
            .await
    }

    /// `GET /public/events/{id}` in `lang`.
    pub async fn public_event(&self, id: Uuid, lang: Lang) -> Result<PublicEvent, ApiError> {
        let params = EventQuery {
            lang: Some(lang),
            ..EventQuery::default()
        };
        self.public_get(&format!("/public/events/{id}{}", query(&params)))
            .await
    }

    /// `POST /public/events/{id}/register`: registers the visitor, or puts them on the waiting
    /// list when the activity is full.
    pub async fn register_public(
        &self,
        id: Uuid,
        body: &PublicRegistration,
    ) -> Result<PublicRegistrationReceipt, ApiError> {
        let json = Self::to_json(body)?;
        let resp = self
            .send(
                Method::POST,
                &format!("/public/events/{id}/register"),
                Some(&json),
                None,
            )
            .await?;
        Self::json_of(resp).await
    }

    /// `POST /public/signup`: an application to a programme, reviewed by the team.
    pub async fn signup(&self, body: &SignupRequest) -> Result<SignupReceipt, ApiError> {
        let json = Self::to_json(body)?;
        let resp = self
            .send(Method::POST, "/public/signup", Some(&json), None)
            .await?;
        Self::json_of(resp).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_query_carries_filters_and_language() {
        assert_eq!(agenda_query(&AgendaQuery::default()), "?lang=fr");
        let q = AgendaQuery {
            start: NaiveDate::from_ymd_opt(2026, 12, 1),
            end: NaiveDate::from_ymd_opt(2027, 1, 1),
            programme: Some(ActivityProgramme::Interlab),
            q: Some("cuisine syrienne".into()),
            language: Some("ar".into()),
            lang: Lang::Ar,
            page: Some(3),
            page_size: Some(AGENDA_PAGE_SIZE),
        };
        assert_eq!(
            agenda_query(&q),
            "?start=2026-12-01&end=2027-01-01&programme=interlab&q=cuisine%20syrienne&languages=ar&lang=ar&page=3&page_size=20"
        );
        let first = AgendaQuery {
            page: Some(1),
            ..AgendaQuery::default()
        };
        assert_eq!(agenda_query(&first), "?lang=fr", "page 1 is the default");
    }

    #[test]
    fn feeds_have_stable_addresses() {
        assert_eq!(
            feed_path(Feed::Ics, None, Lang::Fr),
            "/api/v1/public/events.ics"
        );
        assert_eq!(
            feed_path(Feed::Rss, Some(ActivityProgramme::Interact), Lang::Nl),
            "/api/v1/public/events.rss?programme=interact&lang=nl"
        );
    }
}
