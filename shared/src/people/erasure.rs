//! Erasure (GDPR anonymisation): the confirmations asked for and what an anonymisation
//! answers, including the staff-written texts that still name the person.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Person;

/// `POST /api/v1/people/{id}/anonymise` body: the explicit confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AnonymiseRequest {
    /// Must be the word `anonymise`.
    pub confirmation: String,
}

/// `POST /api/v1/people/anonymise` body (administrators): several people at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BulkAnonymiseRequest {
    pub ids: Vec<Uuid>,
    /// Must be the word `anonymise`.
    pub confirmation: String,
}

/// Result of an anonymisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnonymiseResult {
    pub anonymised: Vec<Uuid>,
    /// Staff-written texts that still contain one of their names, for staff to edit.
    pub mentions: Vec<TextMention>,
}

/// `POST /api/v1/people/{id}/anonymise` answer: the anonymised record, and the staff-written
/// texts elsewhere that still contain one of the person's names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnonymisedPerson {
    #[serde(flatten)]
    pub person: Person,
    /// Free text written by staff (an activity's description, notes about someone else) is
    /// not rewritten by the anonymisation: these are the places to edit by hand.
    pub mentions: Vec<TextMention>,
}

wire_enum!(
    /// The kind of record holding a text that names someone.
    MentionedIn {
        Activity = "activity",
        Person = "person",
        Duo = "duo",
        DuoCandidacy = "duo_candidacy",
        DuoBlock = "duo_block",
        InteractProposal = "interact_proposal",
    }
);

/// A staff-written text that contains the name of an anonymised person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TextMention {
    /// The anonymised person whose name appears.
    pub person_id: Uuid,
    /// The record to open, with `object_id`.
    pub object_type: MentionedIn,
    pub object_id: Uuid,
    /// Which text of the record: a field name (`description.fr`, `staff_notes`), or a part of
    /// it (`check_ins.notes`, `follow_ups.notes`, `notifications.done_note`).
    pub field: String,
}
