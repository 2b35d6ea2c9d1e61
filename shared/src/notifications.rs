//! The notification outbox: people who must hear about a change to their registration
//! (promoted from a waiting list, activity cancelled, a training session tomorrow), by email or through a staff member.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::activities::Multilingual;
use crate::people::wire_enum;

wire_enum!(
    /// What the person must hear about.
    NotificationKind {
        /// A place freed up: the person moved from the waiting list to registered.
        Promoted = "promoted",
        /// The activity (or session) they registered or waited for is cancelled.
        ActivityCancelled = "activity_cancelled",
        /// A session they hold a seat in is tomorrow (trainings: sent the day before).
        Reminder = "reminder",
    }
);

wire_enum!(
    /// How the person is told.
    NotificationChannel {
        /// By email (the person has an address).
        Email = "email",
        /// A staff member phones or tells them.
        Staff = "staff",
    }
);

wire_enum!(
    NotificationStatus {
        /// Not delivered yet.
        Pending = "pending",
        /// The email was sent.
        Sent = "sent",
        /// The email could not be sent after several attempts: staff must tell the person.
        Failed = "failed",
        /// A staff member told the person.
        Done = "done",
    }
);

/// One notice, with what staff need to pass it on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    pub id: Uuid,
    pub kind: NotificationKind,
    pub channel: NotificationChannel,
    pub status: NotificationStatus,
    /// Staff must tell the person themselves: no email address, delivery failed, or no mail
    /// server configured.
    pub needs_staff: bool,
    pub person_id: Uuid,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub activity_id: Uuid,
    pub activity_title: Multilingual,
    pub activity_starts_at: DateTime<Utc>,
    /// Start in Europe/Brussels with its offset.
    pub activity_starts_at_local: String,
    pub registration_id: Option<Uuid>,
    /// Delivery attempts so far (email).
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub done_at: Option<DateTime<Utc>>,
    pub done_by: Option<Uuid>,
    pub done_note: Option<String>,
}

/// Filters of `GET /api/v1/notifications`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct NotificationFilter {
    pub status: Option<NotificationStatus>,
    pub activity_id: Option<Uuid>,
    pub channel: Option<NotificationChannel>,
    /// `true`: only what staff must pass on themselves (see `needs_staff`).
    pub to_do: Option<bool>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

/// `POST /api/v1/notifications/{id}/done` body: the person was told.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NotificationDone {
    /// How or when, e.g. "phoned on Monday".
    #[serde(default)]
    pub note: Option<String>,
}
