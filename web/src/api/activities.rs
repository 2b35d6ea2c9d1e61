//! Activities: the agenda, series, registrations with their waiting list, attendance, the
//! attendee CSV and venues (`/api/v1/activities`, `/api/v1/venues`).

use gloo_net::http::{Method, RequestBuilder, Response};
use leptos::prelude::GetUntracked;
use shared::activities::{
    Activity, ActivityFilter, ActivityInput, CsvQuery, Registration, RegistrationInput,
    RegistrationUpdate, SeriesInput, Venue, VenueInput,
};
use shared::notifications::{Notification, NotificationDone, NotificationFilter};
use shared::Page;
use uuid::Uuid;

use super::{query, token_refused, Api, ApiError, API_BASE};
use crate::session::SignedOutReason;

/// The query string (with its `?`, or empty) for `GET /activities`.
pub fn activities_query(filter: &ActivityFilter) -> String {
    query(filter)
}

pub use shared::activities::CsvSeparator;

/// The path of the attendee CSV (the comma, the server's default, is left out).
pub fn attendees_csv_path(id: Uuid, sep: CsvSeparator) -> String {
    let params = CsvQuery {
        sep: (sep != CsvSeparator::Comma).then_some(sep),
    };
    format!("/activities/{id}/attendees.csv{}", query(&params))
}

/// A fresh random `Idempotency-Key` (a version-4 UUID).
pub fn new_idempotency_key() -> String {
    let mut bytes = [0_u8; 16];
    for b in &mut bytes {
        *b = random_byte();
    }
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

#[cfg(target_arch = "wasm32")]
fn random_byte() -> u8 {
    // Math.random() is in [0, 1): the product is in [0, 256).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let b = (js_sys::Math::random() * 256.0) as u8;
    b
}

#[cfg(not(target_arch = "wasm32"))]
fn random_byte() -> u8 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static STATE: AtomicU64 = AtomicU64::new(0x9E37_79B9_7F4A_7C15);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| u64::from(d.subsec_nanos()))
        .unwrap_or(0);
    let x = STATE.fetch_add(0x9E37_79B9_7F4A_7C15 ^ nanos, Ordering::Relaxed);
    (x.wrapping_mul(0xBF58_476D_1CE4_E5B9) >> 56) as u8
}

impl Api {
    /// `GET /activities`: the staff agenda.
    pub async fn list_activities(
        &self,
        filter: &ActivityFilter,
    ) -> Result<Page<Activity>, ApiError> {
        let path = format!("/activities{}", activities_query(filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `GET /activities/{id}`.
    pub async fn get_activity(&self, id: Uuid) -> Result<Activity, ApiError> {
        self.authed_json(Method::GET, &format!("/activities/{id}"), None)
            .await
    }

    /// `POST /activities`: one activity.
    pub async fn create_activity(&self, body: &ActivityInput) -> Result<Activity, ApiError> {
        self.authed_json(Method::POST, "/activities", Some(Self::to_json(body)?))
            .await
    }

    /// `POST /activities/series`: a workshop series; its sessions in date order.
    pub async fn create_series(&self, body: &SeriesInput) -> Result<Vec<Activity>, ApiError> {
        self.authed_json(
            Method::POST,
            "/activities/series",
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `PUT /activities/{id}`: change one activity (or one session of a series).
    pub async fn update_activity(
        &self,
        id: Uuid,
        body: &ActivityInput,
    ) -> Result<Activity, ApiError> {
        self.authed_json(
            Method::PUT,
            &format!("/activities/{id}"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /activities/{id}/registrations`, in waiting-list order.
    pub async fn list_registrations(&self, id: Uuid) -> Result<Vec<Registration>, ApiError> {
        self.authed_json(
            Method::GET,
            &format!("/activities/{id}/registrations"),
            None,
        )
        .await
    }

    /// `POST /activities/{id}/registrations` with an `Idempotency-Key`, so that the retry after a
    /// renewed token (or a repeated click with the same key) cannot register twice.
    pub async fn add_registration(
        &self,
        id: Uuid,
        body: &RegistrationInput,
        idempotency_key: &str,
    ) -> Result<Registration, ApiError> {
        let path = format!("/activities/{id}/registrations");
        let json = Self::to_json(body)?;
        let resp = self.authed_with_key(&path, &json, idempotency_key).await?;
        Self::json_of(resp).await
    }

    /// `POST /activities/{id}/registrations/{registration_id}/status`: cancel (which may
    /// promote someone from the waiting list) or mark attendance.
    pub async fn set_registration_status(
        &self,
        id: Uuid,
        registration_id: Uuid,
        body: &RegistrationUpdate,
    ) -> Result<Registration, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/activities/{id}/registrations/{registration_id}/status"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /notifications?activity_id=…&to_do=true`: who staff must still tell about a
    /// promotion or a cancellation on this activity.
    pub async fn notifications_to_do(
        &self,
        activity: Uuid,
    ) -> Result<Page<Notification>, ApiError> {
        let filter = NotificationFilter {
            activity_id: Some(activity),
            to_do: Some(true),
            page_size: Some(200),
            ..NotificationFilter::default()
        };
        let path = format!("/notifications{}", query(&filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `POST /notifications/{id}/done`: the person was told.
    pub async fn notification_done(
        &self,
        id: Uuid,
        body: &NotificationDone,
    ) -> Result<Notification, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/notifications/{id}/done"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /activities/{id}/attendees.csv`: the file's text (UTF-8, with its byte-order mark
    /// for Excel).
    pub async fn attendees_csv(&self, id: Uuid, sep: CsvSeparator) -> Result<String, ApiError> {
        let resp = self
            .authed(Method::GET, &attendees_csv_path(id, sep), None)
            .await?;
        if resp.ok() {
            let text = resp.text().await.map_err(|_| ApiError::Network)?;
            // The browser's decoder drops the byte-order mark; Excel needs it to read UTF-8.
            Ok(if text.starts_with('\u{feff}') {
                text
            } else {
                format!("\u{feff}{text}")
            })
        } else {
            Err(Self::error_of(resp).await)
        }
    }

    /// `GET /venues`.
    pub async fn list_venues(&self) -> Result<Vec<Venue>, ApiError> {
        self.authed_json(Method::GET, "/venues", None).await
    }

    /// `POST /venues`.
    pub async fn create_venue(&self, body: &VenueInput) -> Result<Venue, ApiError> {
        self.authed_json(Method::POST, "/venues", Some(Self::to_json(body)?))
            .await
    }

    /// A JSON `POST` with an `Idempotency-Key` header, renewing the token once on 401 like
    /// every other authenticated call (the retry carries the same key).
    async fn authed_with_key(
        &self,
        path: &str,
        json: &str,
        key: &str,
    ) -> Result<Response, ApiError> {
        let resp = self.post_with_key(path, json, key).await?;
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
        let retry = self.post_with_key(path, json, key).await?;
        if retry.status() == 401 {
            let err = Self::error_of(retry).await;
            if token_refused(&err) {
                self.session.signed_out(SignedOutReason::Expired);
            }
            return Err(err);
        }
        Ok(retry)
    }

    async fn post_with_key(&self, path: &str, json: &str, key: &str) -> Result<Response, ApiError> {
        let mut req = RequestBuilder::new(&format!("{API_BASE}{path}"))
            .method(Method::POST)
            .header("Accept", "application/json")
            .header("Accept-Language", self.lang.get_untracked().code())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key);
        if let Some(token) = self.session.token() {
            req = req.header("Authorization", &format!("Bearer {token}"));
        }
        req.body(json.to_string())
            .map_err(|_| ApiError::Network)?
            .send()
            .await
            .map_err(|_| ApiError::Network)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::activities::{ActivityKind, ActivityProgramme, ActivityStatus};

    #[test]
    fn agenda_query_has_only_the_filters_set() {
        assert_eq!(activities_query(&ActivityFilter::default()), "");
        let f = ActivityFilter {
            start: Some("2026-03-02".into()),
            end: Some("2026-03-09".into()),
            programme: Some(ActivityProgramme::Interact),
            kind: Some(ActivityKind::WorkshopSession),
            status: Some(ActivityStatus::Published),
            series_id: Some(Uuid::from_u128(1)),
            page: Some(2),
            page_size: Some(20),
        };
        assert_eq!(
            activities_query(&f),
            "?start=2026-03-02&end=2026-03-09&programme=interact&kind=workshop_session\
             &status=published&series_id=00000000-0000-0000-0000-000000000001&page=2&page_size=20"
        );
        let instant = ActivityFilter {
            start: Some("2026-03-29T02:00:00+01:00".into()),
            ..ActivityFilter::default()
        };
        assert_eq!(
            activities_query(&instant),
            "?start=2026-03-29T02%3A00%3A00%2B01%3A00"
        );
    }

    #[test]
    fn csv_paths_offer_the_semicolon_variant() {
        let id = Uuid::from_u128(7);
        assert_eq!(
            attendees_csv_path(id, CsvSeparator::Comma),
            format!("/activities/{id}/attendees.csv")
        );
        assert_eq!(
            attendees_csv_path(id, CsvSeparator::Semicolon),
            format!("/activities/{id}/attendees.csv?sep=semicolon")
        );
    }

    #[test]
    fn idempotency_keys_are_fresh_v4_uuids() {
        let a = new_idempotency_key();
        let b = new_idempotency_key();
        assert_ne!(a, b);
        let parsed = Uuid::parse_str(&a).unwrap_or_default();
        assert_eq!(parsed.get_version_num(), 4);
    }
}
