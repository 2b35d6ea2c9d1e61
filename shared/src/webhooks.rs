//! Webhooks of partner organisations: the endpoints a partner registers, the event types it
//! subscribes to and the log of deliveries (Standard Webhooks signatures).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::people::wire_enum;

wire_enum!(
    /// What a webhook tells. Payloads are thin: the type, the ids, a timestamp; details are
    /// read through the API.
    WebhookEventType {
        /// The team moved one of the organisation's referrals to another status.
        ReferralStatusChanged = "referral.status_changed",
        /// A public event appeared in the agenda.
        EventPublished = "event.published",
        /// A public event changed (time, place, description ...).
        EventUpdated = "event.updated",
        /// A public event was cancelled or withdrawn from the agenda.
        EventCancelled = "event.cancelled",
        /// A registration of the organisation's staff to a training changed (no emitter yet:
        /// trainings do not exist; the subscription is accepted).
        TrainingRegistrationChanged = "training_registration.changed",
    }
);

wire_enum!(
    /// Where a delivery stands.
    WebhookDeliveryStatus {
        /// Waiting for its first attempt or a retry.
        Pending = "pending",
        /// The endpoint answered 2xx.
        Delivered = "delivered",
        /// Given up: retries ran out, the endpoint answered 410 Gone or was disabled.
        Failed = "failed",
    }
);

/// `POST /api/v1/partner/webhooks` and `PUT /api/v1/partner/webhooks/{id}` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WebhookEndpointInput {
    /// `https://` URL (plain `http://` only to a loopback address outside production mode).
    pub url: String,
    #[serde(default)]
    pub description: Option<String>,
    /// At least one.
    pub event_types: Vec<WebhookEventType>,
    /// `true` turns a disabled endpoint back on (default `true`).
    #[serde(default)]
    pub enabled: Option<bool>,
}

/// A webhook endpoint of a partner organisation, without its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookEndpoint {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub url: String,
    pub description: Option<String>,
    pub event_types: Vec<WebhookEventType>,
    pub enabled: bool,
    /// When deliveries stopped and why (`disabled_reason`): 410 Gone, every retry failing for
    /// three days, or the partner turning it off.
    pub disabled_at: Option<DateTime<Utc>>,
    pub disabled_reason: Option<String>,
    /// Until when deliveries also carry a signature with the secret before the last rotation.
    pub previous_secret_valid_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An endpoint with its signing secret: the answer of its creation and of a rotation, the
/// only time the secret is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookEndpointSecret {
    pub endpoint: WebhookEndpoint,
    /// `whsec_` followed by the base64 key (Standard Webhooks).
    pub secret: String,
}

/// One message to one endpoint and where its delivery stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookDelivery {
    pub id: Uuid,
    /// The `webhook-id` header: the same for every attempt and replay of one message.
    pub message_id: String,
    pub event_type: WebhookEventType,
    pub status: WebhookDeliveryStatus,
    pub attempts: i32,
    /// When the next attempt is due (pending deliveries).
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// The HTTP status of the last answer, if there was one.
    pub response_status: Option<i32>,
    /// Why the last attempt failed (timeout, refused address, status ...).
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
}
