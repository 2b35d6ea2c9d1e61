//! Activities (InterAct workshop sessions, trainings, events), registrations with waiting
//! lists and attendance, and the public agenda.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::people::{wire_enum, Category, FrenchLevel, Programme};
use crate::Lang;

/// Text in several languages: `{"fr": ..., "nl": ..., "en": ..., "ar": ...}`; French required.
pub type Multilingual = BTreeMap<String, String>;

wire_enum!(
    ActivityProgramme {
        Interact = "interact",
        Duo2change = "duo2change",
        Training = "training",
        Interlab = "interlab",
        Other = "other",
    }
);

impl From<Programme> for ActivityProgramme {
    fn from(p: Programme) -> Self {
        match p {
            Programme::Interact => ActivityProgramme::Interact,
            Programme::Duo2change => ActivityProgramme::Duo2change,
            Programme::Training => ActivityProgramme::Training,
            Programme::Interlab => ActivityProgramme::Interlab,
        }
    }
}

wire_enum!(
    ActivityKind {
        WorkshopSession = "workshop_session",
        Training = "training",
        Networking = "networking",
        InfoSession = "info_session",
        Meeting = "meeting",
        Other = "other",
    }
);

wire_enum!(
    Visibility {
        Public = "public",
        Internal = "internal",
    }
);

wire_enum!(
    ActivityStatus {
        Draft = "draft",
        Published = "published",
        Cancelled = "cancelled",
    }
);

wire_enum!(
    /// The states of a registration, identical in the API and the interface.
    RegistrationStatus {
        Registered = "registered",
        Waitlisted = "waitlisted",
        Cancelled = "cancelled",
        Attended = "attended",
        Absent = "absent",
        Excused = "excused",
    }
);

impl RegistrationStatus {
    /// Takes one of the activity's places (and counts in its newcomer/local mix).
    pub fn holds_place(self) -> bool {
        matches!(
            self,
            RegistrationStatus::Registered | RegistrationStatus::Attended
        )
    }
}

wire_enum!(
    RegistrationSource {
        /// Entered by a staff member on someone's behalf.
        Staff = "staff",
        /// The public registration form.
        Public = "public",
        /// Added at the door.
        WalkIn = "walk_in",
    }
);

/// A place where activities happen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Venue {
    pub id: Uuid,
    pub name: String,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub locality: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VenueInput {
    pub name: String,
    #[serde(default)]
    pub street: Option<String>,
    #[serde(default)]
    pub postcode: Option<String>,
    #[serde(default)]
    pub locality: Option<String>,
}

/// Create or replace an activity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityInput {
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub title: Multilingual,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub description: Multilingual,
    // Read as an option so that a missing value gets a "required" message on its field.
    #[cfg_attr(feature = "openapi", schema(required = true, nullable = false))]
    pub programme: Option<ActivityProgramme>,
    // Read as an option so that a missing value gets a "required" message on its field.
    #[cfg_attr(feature = "openapi", schema(required = true, nullable = false))]
    pub kind: Option<ActivityKind>,
    /// Local time in Europe/Brussels, `2026-12-05T14:00` (or RFC 3339 with an offset).
    pub starts_at: String,
    pub ends_at: String,
    #[serde(default)]
    pub venue_id: Option<Uuid>,
    #[serde(default)]
    pub online_url: Option<String>,
    #[serde(default)]
    pub capacity: Option<i32>,
    /// When registration opens and closes (Europe/Brussels local time or RFC 3339). Default:
    /// open now, closes at the start.
    #[serde(default)]
    pub registration_opens_at: Option<String>,
    #[serde(default)]
    pub registration_closes_at: Option<String>,
    /// Languages spoken at the activity (ISO 639 codes).
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub french_level: Option<FrenchLevel>,
    #[serde(default = "yes")]
    pub free: bool,
    #[serde(default)]
    pub accessibility_notes: Option<String>,
    #[serde(default)]
    pub tags: Vec<Uuid>,
    /// People hosting (e.g. the newcomer who leads the workshop).
    #[serde(default)]
    pub hosts: Vec<ActivityHostInput>,
    /// Staff accounts in charge.
    #[serde(default)]
    pub staff: Vec<Uuid>,
    // Read as an option so that a missing value gets a "required" message on its field.
    #[cfg_attr(feature = "openapi", schema(required = true, nullable = false))]
    pub visibility: Option<Visibility>,
    #[serde(default)]
    pub status: Option<ActivityStatus>,
    /// Required when cancelling.
    #[serde(default)]
    pub cancel_reason: Option<String>,
    /// Mix targets for InterAct: minimum share (percent) of newcomers and of locals.
    #[serde(default)]
    pub min_newcomer_percent: Option<i32>,
    #[serde(default)]
    pub min_local_percent: Option<i32>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityHostInput {
    pub person_id: Uuid,
    /// The host agreed to have their name shown publicly (e.g. "Amina").
    #[serde(default)]
    pub public_name: Option<String>,
}

/// How to repeat a workshop: every N weeks until a date, or hand-picked dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Recurrence {
    Weekly {
        /// 1 = weekly, 2 = every other week...
        every_weeks: u32,
        /// Last possible date (inclusive).
        until: NaiveDate,
    },
    Dates {
        /// Dates of the sessions; the time of day is the first session's.
        dates: Vec<NaiveDate>,
    },
}

/// `POST /api/v1/activities/series` body: the first session and the recurrence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SeriesInput {
    pub first: ActivityInput,
    pub recurrence: Recurrence,
}

/// An activity as staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activity {
    pub id: Uuid,
    pub series_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub title: Multilingual,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub description: Multilingual,
    pub programme: ActivityProgramme,
    pub kind: ActivityKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The start in Europe/Brussels time, with its offset.
    pub starts_at_local: String,
    pub ends_at_local: String,
    pub venue: Option<Venue>,
    pub online_url: Option<String>,
    pub capacity: Option<i32>,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub languages: Vec<String>,
    pub french_level: Option<FrenchLevel>,
    pub free: bool,
    pub accessibility_notes: Option<String>,
    pub tags: Vec<Uuid>,
    pub hosts: Vec<ActivityHost>,
    pub staff: Vec<Uuid>,
    pub visibility: Visibility,
    pub status: ActivityStatus,
    pub cancel_reason: Option<String>,
    pub min_newcomer_percent: Option<i32>,
    pub min_local_percent: Option<i32>,
    pub counts: RegistrationCounts,
    pub registration_open: bool,
    pub sequence: i32,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityHost {
    pub person_id: Uuid,
    pub display_name: String,
    pub public_name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationCounts {
    pub registered: u32,
    pub waitlisted: u32,
    pub attended: u32,
    /// Among registered and attended.
    pub newcomers: u32,
    pub locals: u32,
    /// Places left (absent when unlimited).
    pub remaining: Option<u32>,
}

/// Filters of `GET /api/v1/activities`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ActivityFilter {
    /// From this date or instant (inclusive); without it, past activities are listed too.
    pub start: Option<String>,
    /// Until this date or instant.
    pub end: Option<String>,
    pub programme: Option<ActivityProgramme>,
    pub kind: Option<ActivityKind>,
    pub status: Option<ActivityStatus>,
    pub series_id: Option<Uuid>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

wire_enum!(
    /// Order of the public agenda.
    EventOrdering {
        /// Soonest first (the default).
        Start = "start",
        /// Latest first.
        StartDescending = "-start",
    }
);

/// Parameters of the public agenda and its feeds (`GET /api/v1/public/events`, `.ics`,
/// `.rss`) and of one public event (`lang`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct EventQuery {
    /// From this date (`2026-12-01`) or instant (RFC 3339); default: now.
    pub start: Option<String>,
    /// Until this date or instant.
    pub end: Option<String>,
    pub programme: Option<ActivityProgramme>,
    pub kind: Option<ActivityKind>,
    /// Comma-separated tag slugs (any of them).
    pub tags: Option<String>,
    /// Words to find in the title or the description, in any of their languages; case and
    /// accents ignored (`liege` finds "Liège"); every word must be there.
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub q: Option<String>,
    /// Comma-separated language codes (`ar,en`): activities held in any of them.
    #[cfg_attr(
        feature = "openapi",
        param(pattern = "^([A-Za-z]{2,3}(,[A-Za-z]{2,3})*)?$")
    )]
    pub languages: Option<String>,
    /// Language of titles and descriptions: fr (default), en, nl, ar.
    #[serde(default, deserialize_with = "crate::query::lang_tag")]
    pub lang: Option<Lang>,
    /// Only activities changed since this instant (RFC 3339).
    pub modified_since: Option<String>,
    /// `start` (default) or `-start`.
    pub ordering: Option<EventOrdering>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

wire_enum!(
    /// Separator of the attendee CSV.
    CsvSeparator {
        Comma = "comma",
        /// For Excel in Belgian (and most European) locales.
        Semicolon = "semicolon",
    }
);

/// Parameters of `GET /api/v1/activities/{id}/attendees.csv`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct CsvQuery {
    /// `semicolon` for Excel in Belgium: `;`, column names and values in the request's
    /// language, times Excel reads (`YYYY-MM-DD HH:MM`, Brussels). Default `comma`: English
    /// keys and RFC 3339 times, for programs.
    pub sep: Option<CsvSeparator>,
}

/// A registration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Registration {
    pub id: Uuid,
    pub activity_id: Uuid,
    pub person_id: Uuid,
    pub display_name: String,
    /// Newcomer or local when registering (for the mix targets); `null` for someone of
    /// neither category, such as a partner's staff member in a training.
    pub category: Option<Category>,
    pub status: RegistrationStatus,
    pub source: RegistrationSource,
    /// Position on the waiting list (1 = next), when waitlisted.
    pub waitlist_position: Option<u32>,
    pub registered_by: Option<Uuid>,
    pub promoted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// `POST /api/v1/activities/{id}/registrations` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RegistrationInput {
    pub person_id: Uuid,
    /// `walk_in` for someone added at the door (attended even when full), from an hour before
    /// the start on. Default: staff. `public` is the public form's own and refused here.
    #[serde(default)]
    pub source: Option<RegistrationSource>,
}

/// `POST /api/v1/activities/{id}/registrations/{registration_id}/status` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RegistrationUpdate {
    pub status: RegistrationStatus,
}

/// One activity in the public agenda: no personal data beyond a host's agreed public name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicEvent {
    /// Stable forever.
    pub id: Uuid,
    pub url: String,
    /// In the requested language, falling back to French.
    pub title: String,
    pub description: String,
    pub lang: String,
    pub programme: ActivityProgramme,
    pub kind: ActivityKind,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Europe/Brussels local times with offset.
    pub start_local: String,
    pub end_local: String,
    pub venue: Option<Venue>,
    pub online_url: Option<String>,
    pub status: ActivityStatus,
    pub cancel_reason: Option<String>,
    pub languages: Vec<String>,
    pub french_level: Option<FrenchLevel>,
    pub free: bool,
    pub accessibility_notes: Option<String>,
    pub tags: Vec<String>,
    pub hosts: Vec<String>,
    pub capacity: Option<i32>,
    pub remaining_places: Option<u32>,
    pub registration_open: bool,
    pub updated_at: DateTime<Utc>,
}

/// `POST /api/v1/public/events/{id}/register` body: a person registers themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PublicRegistration {
    pub first_name: String,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    // Read as an option so that a missing value gets a "required" message on its field.
    #[cfg_attr(feature = "openapi", schema(required = true, nullable = false))]
    pub profile: Option<Category>,
    #[serde(default)]
    pub arrival_year: Option<i32>,
    pub lang: crate::Lang,
    pub notice_version: String,
    pub consent: bool,
    /// Honeypot; must stay empty.
    #[serde(default)]
    pub website: Option<String>,
}

/// The answer to a public registration (no personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicRegistrationReceipt {
    pub status: RegistrationStatus,
    pub message: String,
}
