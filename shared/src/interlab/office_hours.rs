//! Office hours: slots a mentor or facilitator offers, each booked for one entrepreneur at most.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::people::wire_enum;

wire_enum!(
    SlotStatus {
        Open = "open",
        Cancelled = "cancelled",
    }
);

/// `POST /api/v1/interlab/office-hours` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OfficeHourInput {
    pub mentor_id: Uuid,
    /// Local time in Europe/Brussels, `2027-01-12T14:00` (or RFC 3339 with an offset); in the
    /// future.
    pub starts_at: String,
    /// After the start, the same day, at most 8 hours later.
    pub ends_at: String,
    /// A place or a video link: at least one.
    #[serde(default)]
    pub place: Option<String>,
    /// `https://` address of the video call.
    #[serde(default)]
    pub video_url: Option<String>,
}

/// `PATCH /api/v1/interlab/office-hours/{id}` body: only the fields present change; `null`
/// clears the place or the link; `status: cancelled` cancels the slot (and its booking).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OfficeHourPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_at: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub place: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "crate::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, nullable))]
    pub video_url: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SlotStatus>,
}

/// `PUT /api/v1/interlab/office-hours/{id}/booking` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BookingInput {
    pub entrepreneur_id: Uuid,
    /// What the entrepreneur wants to talk about.
    #[serde(default)]
    pub note: Option<String>,
}

/// Who booked a slot. The name is left out for a reader who does not accompany the entrepreneur.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Booking {
    pub entrepreneur_id: Option<Uuid>,
    pub entrepreneur_name: Option<String>,
    pub project_name: Option<String>,
    pub note: Option<String>,
    pub booked_at: DateTime<Utc>,
}

/// An office-hour slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeHour {
    pub id: Uuid,
    pub mentor_id: Uuid,
    pub mentor_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The start in Europe/Brussels, RFC 3339 with its offset.
    pub starts_at_local: String,
    pub ends_at_local: String,
    pub place: Option<String>,
    pub video_url: Option<String>,
    pub status: SlotStatus,
    pub booking: Option<Booking>,
}

/// Filters of `GET /api/v1/interlab/office-hours`; all combine (AND).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct OfficeHourFilter {
    pub mentor: Option<Uuid>,
    /// Slots booked for this entrepreneur.
    pub entrepreneur: Option<Uuid>,
    /// From this day (Europe/Brussels), default: today.
    pub from: Option<NaiveDate>,
    /// Up to this day included.
    pub to: Option<NaiveDate>,
    pub status: Option<SlotStatus>,
    /// `true`: booked slots only; `false`: free ones only.
    pub booked: Option<bool>,
}
