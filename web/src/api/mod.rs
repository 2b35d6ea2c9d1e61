//! The typed API client: the one place that talks to the server.
//!
//! It attaches the access token and `Accept-Language`, decodes `application/problem+json` into
//! [`ApiError::Problem`], renews the token (on a timer before it expires, and once more when a
//! request is refused with 401) and ends the session when renewing fails, which sends the user
//! back to the sign-in page with the page they wanted remembered.

use std::collections::BTreeMap;
use std::time::Duration;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::{Method, RequestBuilder, Response};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use serde::Serialize;
use shared::auth::{ChangePasswordRequest, LoginRequest, TokenResponse};
use shared::people::PeopleFilter;
use shared::problem::PROBLEM_CONTENT_TYPE;
use shared::users::{StaffUser, UserFilter};
use shared::{ErrorCode, Lang, Problem};
use uuid::Uuid;

use crate::i18n::common::CommonKey;
use crate::i18n::t;
use crate::session::{refresh_delay_secs, Session, SignedOutReason};

pub mod accounts;
pub mod activities;
pub mod duo;
pub mod interact;
pub mod interlab;
pub mod interlab_mentoring;
pub mod interlab_office;
pub mod partners;
pub mod people;
pub mod people_admin;
pub mod public;
pub mod reports;
pub mod team;
pub mod trainings;

/// Prefix of every API path (same origin as the app).
pub const API_BASE: &str = "/api/v1";

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server could not be reached, or its answer could not be read.
    Network,
    /// The server answered with a problem document.
    Problem(Box<Problem>),
    /// The server answered with an error status but no problem document.
    Status(u16),
}

impl ApiError {
    /// The machine-readable code, when the server sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Problem(p) => Some(p.code),
            _ => None,
        }
    }

    /// A sentence for the user, in `lang`: the server's own (already translated, since every
    /// request carries `Accept-Language`) or one from the catalogue.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ApiError::Problem(p) => p
                .detail
                .clone()
                .filter(|d| !d.trim().is_empty())
                .unwrap_or_else(|| p.title.clone()),
            ApiError::Network => t(lang, CommonKey::ErrNetwork).to_string(),
            ApiError::Status(_) => t(lang, CommonKey::ErrUnexpected).to_string(),
        }
    }
}

/// Decodes an error answer: a problem document when the body is one, else the bare status.
pub fn decode_error(status: u16, content_type: Option<&str>, body: &str) -> ApiError {
    let looks_like_problem = content_type
        .map(|ct| ct.starts_with(PROBLEM_CONTENT_TYPE) || ct.starts_with("application/json"))
        .unwrap_or(false);
    if looks_like_problem {
        if let Ok(problem) = serde_json::from_str::<Problem>(body) {
            return ApiError::Problem(Box::new(problem));
        }
    }
    ApiError::Status(status)
}

/// What a form shows for a failed submission: a message next to each of its inputs that the
/// server complained about, and one summary message for everything else.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormErrors {
    fields: BTreeMap<String, String>,
    general: Option<String>,
}

impl FormErrors {
    /// Splits `err` between the form's `fields` and the general message. Field messages for
    /// names the form does not have are added to the general message, so nothing is lost.
    pub fn from_error(err: &ApiError, fields: &[&str], lang: Lang) -> FormErrors {
        let mut out = FormErrors::default();
        let mut general = vec![err.message(lang)];
        if let ApiError::Problem(p) = err {
            for (name, messages) in p.errors.iter().flatten() {
                let text = messages.join(" ");
                if text.trim().is_empty() {
                    continue;
                }
                if fields.contains(&name.as_str()) {
                    out.fields.insert(name.clone(), text);
                } else {
                    general.push(text);
                }
            }
        }
        out.general = Some(general.join(" "));
        out
    }

    /// One input's message found by the browser itself (nothing was sent).
    pub fn local(field: &str, message: &str) -> FormErrors {
        let mut out = FormErrors::default();
        out.fields.insert(field.to_string(), message.to_string());
        out
    }

    /// The message for one input, if any.
    pub fn field(&self, name: &str) -> Option<String> {
        self.fields.get(name).cloned()
    }

    /// The summary message, if any.
    pub fn general(&self) -> Option<String> {
        self.general.clone()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.general.is_none()
    }

    /// Dismisses the summary message (the field messages stay until the next submission).
    pub fn dismiss_general(&mut self) {
        self.general = None;
    }
}

/// Percent-encodes a query-string component (RFC 3986 unreserved characters pass through).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The query string (with its `?`, or empty) of `params`, one of the `shared` types the API
/// reads (`*Filter`, `*Query`), so the two sides spell every parameter alike.
pub fn query<T: Serialize>(params: &T) -> String {
    shared::query::query_string(params).unwrap_or_else(|e| {
        // Only flat structs reach this (each is round-trip-tested in `shared`): unreachable in
        // practice, and an unfiltered list is better than a broken page.
        leptos::logging::error!("query string not written: {e}");
        String::new()
    })
}

/// The query string (with its `?`, or empty) for `GET /users`.
pub fn users_query(filter: &UserFilter) -> String {
    query(filter)
}

/// The query string (with its `?`, or empty) for `GET /people`.
pub fn people_query(filter: &PeopleFilter) -> String {
    query(filter)
}

/// The id of the existing record a 409 duplicate answer points to.
pub fn conflict_id(err: &ApiError) -> Option<Uuid> {
    match err {
        ApiError::Problem(p) if p.code == ErrorCode::Conflict => p
            .conflict_id
            .as_deref()
            .and_then(|id| Uuid::parse_str(id).ok()),
        _ => None,
    }
}

/// Whether `err` says the access token itself was refused (missing, expired, revoked), as
/// opposed to another 401 such as a wrong current password.
pub fn token_refused(err: &ApiError) -> bool {
    match err {
        ApiError::Problem(p) => p.code == ErrorCode::Unauthorized,
        ApiError::Status(status) => *status == 401,
        ApiError::Network => false,
    }
}

type SharedRefresh = Shared<LocalBoxFuture<'static, Result<(), ApiError>>>;

/// The client, provided as context at the root of the app. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Api {
    pub session: Session,
    pub lang: RwSignal<Lang>,
    refreshing: StoredValue<Option<SharedRefresh>, LocalStorage>,
}

impl Api {
    pub fn new(session: Session, lang: RwSignal<Lang>) -> Self {
        Api {
            session,
            lang,
            refreshing: StoredValue::new_local(None),
        }
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&str>,
        token: Option<&str>,
    ) -> Result<Response, ApiError> {
        let mut req = RequestBuilder::new(&format!("{API_BASE}{path}"))
            .method(method)
            .header("Accept", "application/json")
            .header("Accept-Language", self.lang.get_untracked().code());
        if let Some(token) = token {
            req = req.header("Authorization", &format!("Bearer {token}"));
        }
        let req = match body {
            Some(json) => req
                .header("Content-Type", "application/json")
                .body(json.to_string()),
            None => req.build(),
        }
        .map_err(|_| ApiError::Network)?;
        req.send().await.map_err(|_| ApiError::Network)
    }

    async fn error_of(resp: Response) -> ApiError {
        let content_type = resp.headers().get("content-type");
        let body = resp.text().await.unwrap_or_default();
        decode_error(resp.status(), content_type.as_deref(), &body)
    }

    async fn json_of<T: DeserializeOwned>(resp: Response) -> Result<T, ApiError> {
        if resp.ok() {
            resp.json::<T>().await.map_err(|_| ApiError::Network)
        } else {
            Err(Self::error_of(resp).await)
        }
    }

    /// A call that needs the access token. When the token is refused (401 `unauthorized`) it
    /// renews the token once and retries; when that fails too the session ends, which sends the
    /// user to the sign-in page remembering the current page. Other 401s (a wrong current
    /// password...) are ordinary errors.
    async fn authed(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> Result<Response, ApiError> {
        let token = self.session.token();
        let resp = self
            .send(method.clone(), path, body.as_deref(), token.as_deref())
            .await?;
        if resp.status() != 401 {
            return Ok(resp);
        }
        let err = Self::error_of(resp).await;
        if !token_refused(&err) {
            return Err(err);
        }
        if self.refresh().await.is_err() {
            self.session.signed_out(SignedOutReason::Expired);
            return Err(err);
        }
        let token = self.session.token();
        let retry = self
            .send(method, path, body.as_deref(), token.as_deref())
            .await?;
        if retry.status() == 401 {
            let err = Self::error_of(retry).await;
            if token_refused(&err) {
                self.session.signed_out(SignedOutReason::Expired);
            }
            return Err(err);
        }
        Ok(retry)
    }

    async fn authed_json<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> Result<T, ApiError> {
        Self::json_of(self.authed(method, path, body).await?).await
    }

    /// A call answered by 204 No Content.
    async fn authed_no_content(&self, method: Method, path: &str) -> Result<(), ApiError> {
        let resp = self.authed(method, path, None).await?;
        if resp.ok() {
            Ok(())
        } else {
            Err(Self::error_of(resp).await)
        }
    }

    fn to_json<B: Serialize>(body: &B) -> Result<String, ApiError> {
        serde_json::to_string(body).map_err(|_| ApiError::Status(0))
    }

    /// Stores a new token and schedules its renewal.
    pub fn start_session(&self, tokens: TokenResponse) {
        let delay = refresh_delay_secs(tokens.expires_in);
        let generation = self.session.signed_in(tokens);
        self.schedule_refresh(generation, delay);
    }

    fn schedule_refresh(&self, generation: u64, delay_secs: u64) {
        let api = *self;
        set_timeout(
            move || {
                if api.session.generation() != generation {
                    return; // signed in again or out since: another timer is in charge
                }
                spawn_local(async move {
                    match api.refresh().await {
                        Ok(()) => {}
                        Err(ApiError::Network) if api.session.generation() == generation => {
                            // Offline for a moment: try again shortly.
                            api.schedule_refresh(generation, 30);
                        }
                        Err(_) if api.session.generation() == generation => {
                            api.session.signed_out(SignedOutReason::Expired);
                        }
                        Err(_) => {}
                    }
                });
            },
            Duration::from_secs(delay_secs),
        );
    }

    /// `POST /auth/refresh`: renews the access token with the refresh cookie. Concurrent callers
    /// share one request: the cookie is rotated on each use, so two requests in flight would
    /// race each other.
    pub async fn refresh(&self) -> Result<(), ApiError> {
        let pending = self.refreshing.with_value(Clone::clone);
        let shared = match pending {
            Some(shared) => shared,
            None => {
                let api = *self;
                let shared = async move { api.refresh_once().await }
                    .boxed_local()
                    .shared();
                self.refreshing.set_value(Some(shared.clone()));
                shared
            }
        };
        let result = shared.await;
        self.refreshing.set_value(None);
        result
    }

    async fn refresh_once(&self) -> Result<(), ApiError> {
        let resp = self.send(Method::POST, "/auth/refresh", None, None).await?;
        let tokens: TokenResponse = Self::json_of(resp).await?;
        self.start_session(tokens);
        Ok(())
    }

    /// At start-up: reopens the session if the refresh cookie is still valid. A visitor who
    /// never signed in (no session hint cookie) is not sent to the server for nothing, which
    /// would answer 401 and leave an error in their browser's console.
    pub async fn restore(&self) {
        if !crate::session::may_have_session() {
            self.session.signed_out(SignedOutReason::NoSession);
            return;
        }
        if self.refresh().await.is_err() {
            crate::session::forget_session_hint();
            self.session.signed_out(SignedOutReason::NoSession);
        }
    }

    /// `POST /auth/login`.
    pub async fn login(&self, body: &LoginRequest) -> Result<(), ApiError> {
        let json = Self::to_json(body)?;
        let resp = self
            .send(Method::POST, "/auth/login", Some(&json), None)
            .await?;
        let tokens: TokenResponse = Self::json_of(resp).await?;
        self.start_session(tokens);
        Ok(())
    }

    /// `POST /auth/logout`; the session ends here whatever the server says.
    pub async fn logout(&self) {
        let token = self.session.token();
        let _ = self
            .send(Method::POST, "/auth/logout", None, token.as_deref())
            .await;
        self.session.signed_out(SignedOutReason::Manual);
    }

    /// `GET /auth/me`.
    pub async fn me(&self) -> Result<StaffUser, ApiError> {
        self.authed_json(Method::GET, "/auth/me", None).await
    }

    /// `POST /auth/password`: the server answers with a fresh token.
    pub async fn change_password(&self, body: &ChangePasswordRequest) -> Result<(), ApiError> {
        let tokens: TokenResponse = self
            .authed_json(Method::POST, "/auth/password", Some(Self::to_json(body)?))
            .await?;
        self.start_session(tokens);
        Ok(())
    }
}

/// The client from context.
pub fn use_api() -> Api {
    expect_context::<Api>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::auth::Role;

    /// A problem document as the server sends it (built from JSON, so new optional members in
    /// `shared::Problem` do not break these tests).
    fn problem(code: ErrorCode, errors: &[(&str, &str)]) -> Problem {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (k, v) in errors {
            map.entry((*k).to_string())
                .or_default()
                .push((*v).to_string());
        }
        let mut doc = serde_json::json!({
            "type": code.type_uri(),
            "title": "Invalid data",
            "status": 422,
            "code": code,
        });
        if !map.is_empty() {
            doc["errors"] = serde_json::json!(map);
        }
        serde_json::from_value(doc).unwrap_or_else(|e| panic!("bad test problem: {e}"))
    }

    #[test]
    fn decodes_problem_json_and_falls_back_to_status() {
        let body = r#"{"type":"urn:interra:problem:invalid_credentials","title":"Wrong email or password","status":401,"code":"invalid_credentials"}"#;
        let err = decode_error(401, Some("application/problem+json"), body);
        assert_eq!(err.code(), Some(ErrorCode::InvalidCredentials));
        assert_eq!(err.message(Lang::En), "Wrong email or password");

        let err = decode_error(502, Some("text/html"), "<h1>Bad gateway</h1>");
        assert_eq!(err, ApiError::Status(502));
        assert_eq!(err.message(Lang::Fr), t(Lang::Fr, CommonKey::ErrUnexpected));

        let err = decode_error(500, Some("application/problem+json"), "not json");
        assert_eq!(err, ApiError::Status(500));
        assert_eq!(
            ApiError::Network.message(Lang::Nl),
            t(Lang::Nl, CommonKey::ErrNetwork)
        );
    }

    #[test]
    fn detail_is_preferred_over_title() {
        let mut p = problem(ErrorCode::Conflict, &[]);
        p.detail = Some("This email is already used".into());
        assert_eq!(
            ApiError::Problem(Box::new(p)).message(Lang::En),
            "This email is already used"
        );
    }

    #[test]
    fn field_errors_go_next_to_their_inputs() {
        let err = ApiError::Problem(Box::new(problem(
            ErrorCode::ValidationFailed,
            &[
                ("email", "Not an email address"),
                ("password", "Too short"),
                ("password", "Too common"),
                ("team.size", "Unknown field"),
            ],
        )));
        let fe = FormErrors::from_error(&err, &["email", "display_name", "password"], Lang::En);
        assert_eq!(fe.field("email").as_deref(), Some("Not an email address"));
        assert_eq!(
            fe.field("password").as_deref(),
            Some("Too short Too common")
        );
        assert_eq!(fe.field("display_name"), None);
        // A message for a field the form does not have is not lost: it joins the summary.
        assert_eq!(fe.general().as_deref(), Some("Invalid data Unknown field"));
        let mut fe = fe;
        fe.dismiss_general();
        assert_eq!(fe.general(), None);
        assert!(!fe.is_empty());
    }

    #[test]
    fn errors_without_fields_are_a_summary_only() {
        let fe = FormErrors::from_error(&ApiError::Network, &["email"], Lang::Fr);
        assert_eq!(fe.field("email"), None);
        assert_eq!(
            fe.general().as_deref(),
            Some(t(Lang::Fr, CommonKey::ErrNetwork))
        );
        assert!(FormErrors::default().is_empty());
    }

    #[test]
    fn only_a_refused_token_ends_the_session() {
        let refused = ApiError::Problem(Box::new(problem(ErrorCode::Unauthorized, &[])));
        let wrong_password =
            ApiError::Problem(Box::new(problem(ErrorCode::InvalidCredentials, &[])));
        assert!(token_refused(&refused));
        assert!(token_refused(&ApiError::Status(401)));
        assert!(!token_refused(&wrong_password));
        assert!(!token_refused(&ApiError::Network));
        assert!(!token_refused(&ApiError::Status(403)));
    }

    #[test]
    fn query_strings_are_encoded() {
        assert_eq!(encode_component("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(users_query(&UserFilter::default()), "");
        let filter = UserFilter {
            q: Some("  marie dupont ".into()),
            role: Some(Role::Coach),
            active: Some(false),
            page: Some(2),
            page_size: Some(20),
        };
        assert_eq!(
            users_query(&filter),
            "?q=marie%20dupont&role=coach&active=false&page=2&page_size=20"
        );
        let blank = UserFilter {
            q: Some("   ".into()),
            ..UserFilter::default()
        };
        assert_eq!(users_query(&blank), "");
    }
}
