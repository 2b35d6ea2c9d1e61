//! Body and query extractors that fail with field-level problems instead of actix's plain-text
//! errors: the JSON path of a wrongly typed value becomes the key in `errors`.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// Largest JSON body accepted (bytes).
pub const JSON_LIMIT: usize = 256 * 1024;

/// A JSON request body.
pub struct Json<T>(pub T);

fn is_json(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<mime_guess::mime::Mime>().ok())
        .is_some_and(|m| {
            m.type_() == "application"
                && (m.subtype() == "json" || m.suffix().is_some_and(|s| s == "json"))
        })
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = is_json(req);
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !json {
                return Err(ApiError::UnsupportedMediaType);
            }
            if declared.is_some_and(|n| n > JSON_LIMIT) {
                return Err(ApiError::PayloadTooLarge(JSON_LIMIT));
            }
            let mut body = bytes::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|e| ApiError::Malformed(e.to_string()))?;
                if body.len() + chunk.len() > JSON_LIMIT {
                    return Err(ApiError::PayloadTooLarge(JSON_LIMIT));
                }
                body.extend_from_slice(&chunk);
            }
            if body.is_empty() {
                return Err(ApiError::Malformed("empty body".into()));
            }
            parse_json(&body).map(Json)
        })
    }
}

/// Parses JSON, reporting type errors against the field they concern.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        let reason = inner.to_string();
        // A missing field is a plain "required" on that field, like any form would say.
        if let Some(name) = reason
            .strip_prefix("missing field `")
            .and_then(|r| r.split('`').next())
        {
            let full = if field == "." {
                name.to_owned()
            } else {
                format!("{field}.{name}")
            };
            return ApiError::field(&full, crate::i18n::Msg::Required);
        }
        match inner.classify() {
            serde_json::error::Category::Data => ApiError::InvalidValue {
                field: if field == "." { "body".into() } else { field },
                reason: strip_position(&inner.to_string()),
            },
            _ => ApiError::Malformed(inner.to_string()),
        }
    })
}

/// serde_json appends "at line 1 column 20" to data errors; the field path says more.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// Query-string parameters.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_query(req.query_string()).map(Query))
    }
}

pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        ApiError::InvalidValue {
            field: if field == "." { "query".into() } else { field },
            reason: e.into_inner().to_string(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Body {
        email: String,
        active: Option<bool>,
    }

    #[test]
    fn type_errors_name_the_field() {
        match parse_json::<Body>(br#"{"email": 5}"#) {
            Err(ApiError::InvalidValue { field, reason }) => {
                assert_eq!(field, "email");
                assert!(reason.contains("invalid type"), "{reason}");
                assert!(!reason.contains("line"), "{reason}");
            }
            other => panic!("unexpected {other:?}", other = other.map(|_| ())),
        }
        assert!(matches!(
            parse_json::<Body>(br#"{"email": "#),
            Err(ApiError::Malformed(_))
        ));
    }

    #[test]
    fn query_errors_name_the_parameter() {
        match parse_query::<Body>("email=a&active=maybe") {
            Err(ApiError::InvalidValue { field, .. }) => assert_eq!(field, "active"),
            other => panic!("unexpected {:?}", other.map(|_| ())),
        }
    }
}
