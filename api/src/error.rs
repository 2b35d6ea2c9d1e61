//! The API's one error type. Every failure a request can meet ends up here and leaves as
//! `application/problem+json` ([`shared::Problem`]); the language and request id are filled in
//! by the [`crate::telemetry::request_context`] middleware, which knows the request.

use std::collections::BTreeMap;

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use shared::problem::PROBLEM_CONTENT_TYPE;
use shared::{ErrorCode, Lang, Problem};

use crate::i18n::{self, Msg};

/// Field name → messages, in the order found.
pub type FieldErrors = Vec<(String, Msg)>;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("validation failed: {0:?}")]
    Validation(FieldErrors),
    /// Unparseable body; the technical reason (from the JSON parser) goes to `detail`.
    #[error("malformed request: {0}")]
    Malformed(String),
    /// A body or query value of the wrong type; `detail` carries the parser's reason.
    #[error("invalid value for {field}: {reason}")]
    InvalidValue { field: String, reason: String },
    #[error("unauthorized")]
    Unauthorized,
    #[error("invalid credentials")]
    InvalidCredentials,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed { allow: Vec<String> },
    #[error("conflict: {msg:?}")]
    Conflict {
        msg: Msg,
        field: Option<&'static str>,
    },
    /// Another record already holds this identity (same email or phone): its id.
    #[error("possible duplicate of {0}")]
    Duplicate(String),
    #[error("payload too large")]
    PayloadTooLarge(usize),
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("rate limited for {retry_after}s")]
    RateLimited { retry_after: u64 },
    #[error("service unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    /// A single-field validation error.
    pub fn field(field: &str, msg: Msg) -> ApiError {
        ApiError::Validation(vec![(field.to_owned(), msg)])
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::Validation(_) | ApiError::InvalidValue { .. } => ErrorCode::ValidationFailed,
            ApiError::Malformed(_) => ErrorCode::MalformedRequest,
            ApiError::Unauthorized => ErrorCode::Unauthorized,
            ApiError::InvalidCredentials => ErrorCode::InvalidCredentials,
            ApiError::Forbidden => ErrorCode::Forbidden,
            ApiError::NotFound => ErrorCode::NotFound,
            ApiError::MethodNotAllowed { .. } => ErrorCode::MethodNotAllowed,
            ApiError::Conflict { .. } | ApiError::Duplicate(_) => ErrorCode::Conflict,
            ApiError::PayloadTooLarge(_) => ErrorCode::PayloadTooLarge,
            ApiError::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            ApiError::RateLimited { .. } => ErrorCode::RateLimited,
            ApiError::Unavailable(_) => ErrorCode::ServiceUnavailable,
            ApiError::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The problem document in `lang`.
    pub fn problem(&self, lang: Lang, request_id: Option<&str>) -> Problem {
        let code = self.code();
        let mut errors: Option<BTreeMap<String, Vec<String>>> = None;
        let mut add = |field: &str, msg: &Msg| {
            errors
                .get_or_insert_with(BTreeMap::new)
                .entry(field.to_owned())
                .or_default()
                .push(msg.text(lang));
        };
        let detail = match self {
            ApiError::Validation(fields) => {
                for (field, msg) in fields {
                    add(field, msg);
                }
                None
            }
            ApiError::InvalidValue { field, reason } => {
                add(field, &Msg::InvalidValue);
                Some(reason.clone())
            }
            ApiError::Malformed(reason) => {
                Some(format!("{} ({reason})", Msg::MalformedJson.text(lang)))
            }
            ApiError::Unauthorized => Some(Msg::SessionRequired.text(lang)),
            ApiError::InvalidCredentials => Some(Msg::InvalidCredentials.text(lang)),
            ApiError::Forbidden => Some(Msg::RoleNotAllowed.text(lang)),
            ApiError::NotFound => Some(Msg::NotFound.text(lang)),
            ApiError::MethodNotAllowed { .. } => Some(Msg::MethodNotAllowed.text(lang)),
            ApiError::Conflict { msg, field } => {
                if let Some(field) = field {
                    add(field, msg);
                }
                Some(msg.text(lang))
            }
            ApiError::Duplicate(_) => Some(Msg::PossibleDuplicate.text(lang)),
            ApiError::PayloadTooLarge(limit) => Some(Msg::BodyTooLarge(*limit).text(lang)),
            ApiError::UnsupportedMediaType => Some(Msg::ExpectedJson.text(lang)),
            ApiError::RateLimited { retry_after } => {
                Some(Msg::TooManyAttempts(*retry_after).text(lang))
            }
            ApiError::Unavailable(_) => Some(Msg::Unavailable.text(lang)),
            ApiError::Internal(_) => Some(Msg::Internal.text(lang)),
        };
        Problem {
            type_uri: code.type_uri(),
            title: i18n::title(code, lang).to_owned(),
            status: self.status_code().as_u16(),
            detail,
            code,
            errors,
            conflict_id: match self {
                ApiError::Duplicate(id) => Some(id.clone()),
                _ => None,
            },
            request_id: request_id.map(str::to_owned),
        }
    }

    /// The full response in `lang`, with the headers the status calls for.
    pub fn response(&self, lang: Lang, request_id: Option<&str>) -> HttpResponse {
        let mut res = HttpResponse::build(self.status_code());
        res.content_type(PROBLEM_CONTENT_TYPE);
        res.insert_header((header::CONTENT_LANGUAGE, lang.code()));
        match self {
            ApiError::Unauthorized => {
                res.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"interra\""));
            }
            ApiError::RateLimited { retry_after } => {
                res.insert_header((header::RETRY_AFTER, retry_after.to_string()));
            }
            ApiError::MethodNotAllowed { allow } => {
                res.insert_header((header::ALLOW, allow.join(", ")));
            }
            // Overload passes within seconds; a sooner retry would only add to it.
            ApiError::Unavailable(_) => {
                res.insert_header((header::RETRY_AFTER, "2"));
            }
            _ => {}
        }
        let body = serde_json::to_string(&self.problem(lang, request_id))
            .unwrap_or_else(|_| String::from("{\"status\":500}"));
        res.body(body)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Validation(_) | ApiError::InvalidValue { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::Malformed(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized | ApiError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict { .. } | ApiError::Duplicate(_) => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    // Rendered again by the request-context middleware in the request's language.
    fn error_response(&self) -> HttpResponse {
        self.response(Lang::En, None)
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => ApiError::NotFound,
            // Overload, not a fault: SQLite's writer lock still held after the busy timeout,
            // or PostgreSQL giving up a transaction to contention. The client may retry;
            // nothing was written.
            Error::DatabaseError(DatabaseErrorKind::SerializationFailure, info) => {
                ApiError::Unavailable(info.message().to_owned())
            }
            Error::DatabaseError(_, info) if is_contention(info.message()) => {
                ApiError::Unavailable(info.message().to_owned())
            }
            other => ApiError::Internal(anyhow::Error::new(other).context("database error")),
        }
    }
}

/// Database messages that mean "too busy right now" rather than a defect.
fn is_contention(message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    m.contains("database is locked")
        || m.contains("database table is locked")
        || m.contains("deadlock detected")
}

/// Maps a unique-constraint violation to a conflict on one field (both backends report it as
/// `UniqueViolation`).
pub trait UniqueViolationExt<T> {
    fn on_unique_violation(self, field: &'static str, msg: Msg) -> Result<T, ApiError>;
}

impl<T> UniqueViolationExt<T> for Result<T, diesel::result::Error> {
    fn on_unique_violation(self, field: &'static str, msg: Msg) -> Result<T, ApiError> {
        self.map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => ApiError::Conflict {
                msg,
                field: Some(field),
            },
            other => other.into(),
        })
    }
}

/// Collects validation failures field by field, so a form gets every message at once.
#[derive(Debug, Default)]
pub struct Validator {
    errors: FieldErrors,
}

impl Validator {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, msg: Msg) {
        self.errors.push((field.to_owned(), msg));
    }

    /// Keeps the parsed value, or records the error and returns `None`.
    pub fn check<T>(&mut self, field: &str, r: Result<T, Msg>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(m) => {
                self.add(field, m);
                None
            }
        }
    }

    pub fn finish(self) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(self.errors))
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_busy_database_is_unavailable_not_an_internal_error() {
        use diesel::result::{DatabaseErrorKind, Error};
        let locked = Error::DatabaseError(
            DatabaseErrorKind::Unknown,
            Box::new("database is locked".to_owned()),
        );
        assert!(matches!(ApiError::from(locked), ApiError::Unavailable(_)));
        let serialization = Error::DatabaseError(
            DatabaseErrorKind::SerializationFailure,
            Box::new("could not serialize access".to_owned()),
        );
        assert!(matches!(
            ApiError::from(serialization),
            ApiError::Unavailable(_)
        ));
        let other = Error::DatabaseError(
            DatabaseErrorKind::Unknown,
            Box::new("no such column: x".to_owned()),
        );
        assert!(matches!(ApiError::from(other), ApiError::Internal(_)));
    }

    use super::*;

    #[test]
    fn validation_problem_groups_messages_by_field_in_the_language() {
        let e = ApiError::Validation(vec![
            ("email".into(), Msg::Required),
            ("password".into(), Msg::PasswordTooShort(12)),
            ("password".into(), Msg::PasswordTooCommon),
        ]);
        let p = e.problem(Lang::Fr, Some("req-1"));
        assert_eq!(p.status, 422);
        assert_eq!(p.code, ErrorCode::ValidationFailed);
        assert_eq!(p.title, "Données invalides");
        assert_eq!(p.field_errors("email"), ["Ce champ est obligatoire."]);
        assert_eq!(p.field_errors("password").len(), 2);
        assert_eq!(p.request_id.as_deref(), Some("req-1"));
    }

    #[test]
    fn internal_errors_never_leak_their_cause() {
        let e = ApiError::Internal(anyhow::anyhow!("password=hunter2 at /srv/db"));
        let p = e.problem(Lang::En, Some("abc"));
        assert_eq!(p.status, 500);
        let text = serde_json::to_string(&p).unwrap_or_default();
        assert!(!text.contains("hunter2"));
        assert!(text.contains("abc"));
    }
}
