//! The shared vocabulary of passions, skills and interests.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A tag with its labels in every interface language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tag {
    pub id: Uuid,
    /// Stable identifier in URLs and filters (`cooking`).
    pub slug: String,
    /// Group, e.g. `food`, `sport`, `arts`.
    pub category: String,
    pub label_fr: String,
    pub label_en: String,
    pub label_nl: String,
    pub label_ar: String,
    /// How many people carry it.
    pub usage: u64,
}

/// `POST /api/v1/tags` and `PUT /api/v1/tags/{id}` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TagInput {
    pub slug: String,
    pub category: String,
    pub label_fr: String,
    pub label_en: String,
    pub label_nl: String,
    pub label_ar: String,
}

/// `POST /api/v1/tags/{id}/merge` body: re-point every use of this tag to `into`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TagMerge {
    pub into: Uuid,
}
