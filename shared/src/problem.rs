//! The one error format of the API: RFC 9457 `application/problem+json`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Media type of every error response.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// Stable, machine-readable error codes. Clients match on these, never on the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body or query was understood but some fields are invalid (see `errors`).
    ValidationFailed,
    /// The body could not be parsed (malformed JSON, wrong types, missing body).
    MalformedRequest,
    /// No valid access token (missing, expired, forged).
    Unauthorized,
    /// Wrong email or password, or the account is inactive (deliberately not distinguished).
    InvalidCredentials,
    /// Authenticated, but this role may not do this.
    Forbidden,
    NotFound,
    MethodNotAllowed,
    /// The request conflicts with the current state (duplicate, last admin...).
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    /// Too many attempts; see the `Retry-After` header.
    RateLimited,
    /// The service cannot answer right now (database unreachable...).
    ServiceUnavailable,
    /// Unexpected server error; `request_id` identifies it in the logs.
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::ValidationFailed => "validation_failed",
            ErrorCode::MalformedRequest => "malformed_request",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::Conflict => "conflict",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::ServiceUnavailable => "service_unavailable",
            ErrorCode::Internal => "internal",
        }
    }

    /// The problem `type` URI for this code.
    pub fn type_uri(self) -> String {
        format!("urn:interra:problem:{}", self.as_str())
    }
}

/// An error response (RFC 9457) with two extension members: `code` and `errors`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// URI identifying the problem type, `urn:interra:problem:<code>`.
    #[serde(rename = "type")]
    pub type_uri: String,
    /// Short summary of the problem type, in the request's language.
    pub title: String,
    /// HTTP status code.
    pub status: u16,
    /// Explanation specific to this occurrence, in the request's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Stable machine-readable code.
    pub code: ErrorCode,
    /// Field-level messages for validation failures: field name (dotted path) to messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<BTreeMap<String, Vec<String>>>,
    /// For conflicts with an existing record (e.g. a person with the same email): its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict_id: Option<String>,
    /// Identifier of the request in the server logs (also sent as `X-Request-Id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

impl Problem {
    /// The messages for one field, empty when the field has none.
    pub fn field_errors(&self, field: &str) -> &[String] {
        self.errors
            .as_ref()
            .and_then(|e| e.get(field))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_rfc9457_member_names() {
        let p = Problem {
            type_uri: ErrorCode::ValidationFailed.type_uri(),
            title: "Invalid".into(),
            status: 422,
            detail: None,
            code: ErrorCode::ValidationFailed,
            errors: Some(BTreeMap::from([("email".into(), vec!["required".into()])])),
            conflict_id: None,
            request_id: None,
        };
        let v = serde_json::to_value(&p).unwrap_or_default();
        assert_eq!(v["type"], "urn:interra:problem:validation_failed");
        assert_eq!(v["code"], "validation_failed");
        assert_eq!(v["errors"]["email"][0], "required");
        assert!(v.get("detail").is_none());
        assert_eq!(p.field_errors("email"), ["required".to_string()]);
        assert!(p.field_errors("name").is_empty());
    }
}
