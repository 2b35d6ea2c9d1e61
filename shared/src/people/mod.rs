//! People: one profile across the four programmes.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Declares a string-backed enum with its wire names (snake_case), `as_str`, `ALL` and `FromStr`.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "diesel", derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow))]
        #[cfg_attr(feature = "diesel", diesel(sql_type = diesel::sql_types::Text))]
        pub enum $name {
            // `schema(rename)` too: utoipa reads `serde(rename)` token by token and misses a
            // `$text:literal` (macro_rules hands it over wrapped in an invisible group).
            $(
                $(#[$vmeta])*
                #[serde(rename = $text)]
                #[cfg_attr(feature = "openapi", schema(rename = $text))]
                $variant
            ),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, ()> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(()),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        $crate::people::text_column!($name);
    };
}
pub(crate) use wire_enum;

/// Stores a type as its wire text in a diesel TEXT column (the `diesel` feature, api only). The
/// type has `as_str(self) -> &'static str` and `FromStr<Err = ()>`, and derives
/// `AsExpression`/`FromSqlRow` with `sql_type = Text` itself.
macro_rules! text_column {
    ($name:ty) => {
        // Stored as its wire text. Generic over the backend so one impl serves SQLite,
        // PostgreSQL and the api's MultiConnection backend (which dispatches to those two).
        #[cfg(feature = "diesel")]
        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                self.as_str().to_sql(out)
            }
        }

        // An unknown value is a deserialization error (a logged 500), never a default: a row
        // the code cannot read must not be shown or rewritten as something else.
        #[cfg(feature = "diesel")]
        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                type Text = diesel::sql_types::Text;
                let text: String = diesel::deserialize::FromSql::<Text, DB>::from_sql(bytes)?;
                text.parse()
                    .map_err(|()| format!("unknown {} value {:?}", stringify!($name), text).into())
            }
        }
    };
}
pub(crate) use text_column;

wire_enum!(
    /// Interra's programmes.
    Programme {
        Interact = "interact",
        Duo2change = "duo2change",
        Training = "training",
        Interlab = "interlab",
    }
);

wire_enum!(
    /// What a person does in a programme.
    ProgrammeRole {
        Participant = "participant",
        WorkshopHost = "workshop_host",
        DuoCandidate = "duo_candidate",
        Trainee = "trainee",
        Entrepreneur = "entrepreneur",
        Mentor = "mentor",
        Facilitator = "facilitator",
        Volunteer = "volunteer",
    }
);

wire_enum!(
    MembershipStatus {
        /// Applied (public sign-up or referral), not yet started.
        Applied = "applied",
        Active = "active",
        Paused = "paused",
        Completed = "completed",
        Withdrawn = "withdrawn",
    }
);

wire_enum!(
    /// CEFR level of French.
    FrenchLevel {
        A0 = "A0",
        A1 = "A1",
        A2 = "A2",
        B1 = "B1",
        B2 = "B2",
        C1 = "C1",
        C2 = "C2",
    }
);

wire_enum!(
    LanguageLevel {
        Basic = "basic",
        Intermediate = "intermediate",
        Fluent = "fluent",
        Native = "native",
    }
);

wire_enum!(
    ContactChannel {
        Email = "email",
        Phone = "phone",
        Sms = "sms",
        Whatsapp = "whatsapp",
        InPerson = "in_person",
    }
);

wire_enum!(
    /// How a tag relates to a person.
    TagKind {
        /// Something they love doing.
        Passion = "passion",
        /// Something they know how to do and could share.
        Skill = "skill",
        /// Something they would like to discover.
        Interest = "interest",
    }
);

wire_enum!(
    PersonStatus {
        Active = "active",
        /// Created by a public sign-up (or flagged as a possible duplicate): a coordinator checks it.
        ToReview = "to_review",
    }
);

wire_enum!(
    /// How a person record came to be. Stored with the record, not sent on the wire.
    PersonSource {
        /// Entered by a staff member.
        Staff = "staff",
        /// The public sign-up form.
        PublicSignup = "public_signup",
        /// The demo dataset.
        Demo = "demo",
    }
);

/// A language a person speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LanguageSkill {
    /// ISO 639 code (`fr`, `ar`, `uk`, `prs` for Dari...).
    pub language: String,
    pub level: LanguageLevel,
}

/// A tag given to a person (request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonTagRef {
    pub tag_id: Uuid,
    pub kind: TagKind,
}

/// A tag of a person (response), with its label in the request's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonTag {
    pub tag_id: Uuid,
    pub slug: String,
    pub label: String,
    pub kind: TagKind,
}

/// Create or replace a person (`POST /api/v1/people`, `PUT /api/v1/people/{id}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    pub first_name: String,
    /// Optional: some people use one name.
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub preferred_name: Option<String>,
    /// Email and/or phone: at least one.
    #[serde(default)]
    pub email: Option<String>,
    /// Any common notation; stored in E.164 (Belgian numbers without country code accepted).
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub preferred_channel: Option<ContactChannel>,
    #[serde(default)]
    pub street: Option<String>,
    /// Belgian postcode, 4 digits.
    #[serde(default)]
    pub postcode: Option<String>,
    #[serde(default)]
    pub commune: Option<String>,
    /// What the person declares: newcomer (give `arrival_year`) or local resident; `null` for
    /// someone with neither category (a partner's staff member who only takes part in
    /// trainings), who then counts in no newcomer/local figure. Required: absent is an error.
    // Read as a double option so that a missing value gets a "required" message on its field
    // while an explicit null is the answer "neither".
    #[serde(
        default,
        deserialize_with = "crate::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(value_type = Option<Category>, required = true, nullable)
    )]
    pub profile: Option<Option<Category>>,
    #[serde(default)]
    pub arrival_year: Option<i32>,
    /// A coordinator's override of the computed category; needs a reason.
    #[serde(default)]
    pub category_override: Option<Category>,
    #[serde(default)]
    pub category_override_reason: Option<String>,
    #[serde(default)]
    pub birth_year: Option<i32>,
    /// Free text; leave empty for "prefer not to say".
    #[serde(default)]
    pub gender: Option<String>,
    #[serde(default)]
    pub french_level: Option<FrenchLevel>,
    /// Optional and write-only: close to ethnic origin, it is never shown per person (only in
    /// aggregates, and in the person's own GDPR export). On a change, absent or null keeps the
    /// stored value and an empty string clears it.
    #[serde(default)]
    pub origin_region: Option<String>,
    #[serde(default)]
    pub languages: Vec<LanguageSkill>,
    #[serde(default)]
    pub tags: Vec<PersonTagRef>,
    #[serde(default)]
    pub availability: Vec<Slot>,
    #[serde(default)]
    pub presentation: Option<String>,
    /// Visible to coordinators and admins only.
    #[serde(default)]
    pub staff_notes: Option<String>,
    /// Set to create a person even though another one has the same email or phone.
    #[serde(default)]
    pub confirm_distinct: bool,
}

/// A programme membership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Membership {
    pub id: Uuid,
    pub programme: Programme,
    pub role: ProgrammeRole,
    pub status: MembershipStatus,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
}

/// `POST /api/v1/people/{id}/memberships` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MembershipInput {
    pub programme: Programme,
    pub role: ProgrammeRole,
    pub status: MembershipStatus,
    /// Defaults to today.
    #[serde(default)]
    pub started_on: Option<NaiveDate>,
    #[serde(default)]
    pub ended_on: Option<NaiveDate>,
}

/// `PATCH /api/v1/people/{id}/memberships/{membership_id}` body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MembershipUpdate {
    #[serde(default)]
    pub role: Option<ProgrammeRole>,
    #[serde(default)]
    pub status: Option<MembershipStatus>,
    #[serde(default)]
    pub ended_on: Option<NaiveDate>,
}

/// A person, as staff see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    pub id: Uuid,
    pub first_name: String,
    pub last_name: Option<String>,
    pub preferred_name: Option<String>,
    /// Preferred name, or first and last name.
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub preferred_channel: Option<ContactChannel>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub commune: Option<String>,
    /// `null`: neither newcomer nor local (partner staff who only take part in trainings).
    pub profile: Option<Category>,
    pub arrival_year: Option<i32>,
    /// The effective category: the override if any, else computed from the arrival year;
    /// `null` for someone with neither.
    pub category: Option<Category>,
    /// The category computed by Interra's 5-year rule (`null` without a profile).
    pub computed_category: Option<Category>,
    pub category_override: Option<Category>,
    pub category_override_reason: Option<String>,
    pub birth_year: Option<i32>,
    pub gender: Option<String>,
    pub french_level: Option<FrenchLevel>,
    pub languages: Vec<LanguageSkill>,
    pub tags: Vec<PersonTag>,
    pub availability: Vec<Slot>,
    pub presentation: Option<String>,
    /// Absent for coaches.
    pub staff_notes: Option<String>,
    pub status: PersonStatus,
    /// Set when a sign-up matched an existing person's email or phone.
    pub possible_duplicate_of: Option<Uuid>,
    pub archived: bool,
    pub anonymised: bool,
    pub memberships: Vec<Membership>,
    pub consents: Vec<crate::consent::Consent>,
    /// Staff accounts (coaches) who accompany this person.
    pub coaches: Vec<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub last_activity_at: DateTime<Utc>,
}

/// A person in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonSummary {
    pub id: Uuid,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub commune: Option<String>,
    pub postcode: Option<String>,
    /// `null`: neither newcomer nor local (partner staff who only take part in trainings).
    pub category: Option<Category>,
    pub french_level: Option<FrenchLevel>,
    pub programmes: Vec<Programme>,
    pub status: PersonStatus,
    pub archived: bool,
    pub updated_at: DateTime<Utc>,
    /// Last change or programme activity: the retention period counts from here.
    pub last_activity_at: DateTime<Utc>,
}

wire_enum!(
    /// Order of the people list.
    PeopleSort {
        /// By name (the default).
        Name = "name",
        NameDescending = "-name",
        Created = "created",
        CreatedDescending = "-created",
        Updated = "updated",
        UpdatedDescending = "-updated",
    }
);

/// Filters of `GET /api/v1/people`; all combine (AND).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PeopleFilter {
    /// Text search over names, email and phone (accents and case ignored).
    pub q: Option<String>,
    /// Comma-separated tag ids or slugs: people having all of them.
    pub tags: Option<String>,
    pub programme: Option<Programme>,
    /// Role in a programme (with or without `programme`).
    pub role: Option<ProgrammeRole>,
    /// ISO 639 code of a language spoken.
    pub language: Option<String>,
    /// Lowest French level (inclusive).
    pub french_min: Option<FrenchLevel>,
    /// Highest French level (inclusive).
    pub french_max: Option<FrenchLevel>,
    pub commune: Option<String>,
    pub postcode: Option<String>,
    /// Effective category.
    pub category: Option<Category>,
    /// Available in this slot, e.g. `sat_afternoon`.
    pub slot: Option<Slot>,
    pub status: Option<PersonStatus>,
    /// Archived people (default: false, i.e. current people only).
    pub archived: Option<bool>,
    /// `name` (default), `-name`, `created`, `-created`, `updated`, `-updated`.
    #[serde(default, deserialize_with = "crate::query::blank_as_none")]
    pub sort: Option<PeopleSort>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

/// `POST /api/v1/people/{id}/coaches` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CoachAssignment {
    pub user_id: Uuid,
}

mod availability;
mod category;
mod erasure;
pub use availability::*;
pub use category::*;
pub use erasure::*;

/// `POST /api/v1/people/{id}/review` body: a coordinator's decision on a person to review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewDecision {
    /// `accept` makes the person active (a distinct person); `archive` sets the record aside.
    pub decision: ReviewOutcome,
}

wire_enum!(
    ReviewOutcome {
        Accept = "accept",
        Archive = "archive",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_absent_is_unanswered_and_null_is_neither() {
        let base = r#"{"first_name":"Ana","email":"a@example.be""#;
        let read = |tail: &str| {
            serde_json::from_str::<PersonInput>(&format!("{base}{tail}}}"))
                .map(|p| p.profile)
                .ok()
        };
        assert_eq!(read(""), Some(None));
        assert_eq!(read(r#","profile":null"#), Some(Some(None)));
        assert_eq!(
            read(r#","profile":"local""#),
            Some(Some(Some(Category::Local)))
        );
        // Sent back as it was read: unanswered stays out, neither is null.
        let neither = PersonInput {
            profile: Some(None),
            ..Default::default()
        };
        let json = serde_json::to_string(&neither).unwrap_or_default();
        assert!(json.contains(r#""profile":null"#), "{json}");
        let json = serde_json::to_string(&PersonInput::default()).unwrap_or_default();
        assert!(!json.contains("profile"), "{json}");
    }
}
