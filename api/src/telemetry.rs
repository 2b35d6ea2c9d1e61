//! Logging, request ids, and the middleware that turns every error response into a problem
//! document in the caller's language.

use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest};
use shared::problem::PROBLEM_CONTENT_TYPE;
use shared::Lang;
use tracing_subscriber::EnvFilter;

use crate::config::{LogFormat, Settings};
use crate::error::ApiError;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Installs the global tracing subscriber (once per process; later calls are ignored).
pub fn init(filter: &str, format: LogFormat) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}

pub fn init_from(settings: &Settings) {
    init(&settings.log, settings.log_format);
}

/// The id of the current request, in request extensions.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// The language of the current request, in request extensions.
#[derive(Debug, Clone, Copy)]
pub struct RequestLang(pub Lang);

pub fn request_id(req: &HttpRequest) -> Option<String> {
    req.extensions().get::<RequestId>().map(|r| r.0.clone())
}

/// The language negotiated from `Accept-Language` (English when none is supported).
pub fn lang_of(req: &HttpRequest) -> Lang {
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
        .unwrap_or(Lang::En)
}

/// A caller-supplied request id is kept when it is short and plain, so a reverse proxy's id can
/// follow the request through; anything else is replaced.
fn incoming_request_id(req: &ServiceRequest) -> Option<String> {
    let v = req.headers().get(REQUEST_ID_HEADER)?.to_str().ok()?;
    let ok = !v.is_empty()
        && v.len() <= 128
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    ok.then(|| v.to_owned())
}

/// Status → problem, for error responses that did not come from an [`ApiError`] (actix's own
/// 404/405, static files...).
fn fallback_error(status: u16) -> ApiError {
    match status {
        400 => ApiError::Malformed("bad request".into()),
        401 => ApiError::Unauthorized,
        403 => ApiError::Forbidden,
        404 => ApiError::NotFound,
        405 => ApiError::MethodNotAllowed { allow: vec![] },
        413 => ApiError::PayloadTooLarge(crate::http::extract::JSON_LIMIT),
        415 => ApiError::UnsupportedMediaType,
        429 => ApiError::RateLimited { retry_after: 60 },
        503 => ApiError::Unavailable(format!("status {status}")),
        s if (400..500).contains(&s) => ApiError::Malformed(format!("status {s}")),
        _ => ApiError::Internal(anyhow::anyhow!("unhandled error status {status}")),
    }
}

/// Marks an error response written in a format a standard prescribes (OAuth 2.0's token
/// errors, RFC 6749 §5.2): [`request_context`] keeps it instead of rendering a problem.
#[derive(Debug, Clone, Copy)]
pub struct OwnErrorFormat;

/// Request id, language, problem rendering and the access log line, around every request.
pub async fn request_context(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let start = Instant::now();
    let rid =
        incoming_request_id(&req).unwrap_or_else(|| uuid::Uuid::now_v7().simple().to_string());
    let lang = lang_of(req.request());
    req.extensions_mut().insert(RequestId(rid.clone()));
    req.extensions_mut().insert(RequestLang(lang));
    let method = req.method().clone();
    let path = req.path().to_owned();

    let mut res = next.call(req).await?.map_into_boxed_body();

    let status = res.status();
    if status.as_u16() >= 400 {
        let rendered = match res
            .response()
            .error()
            .and_then(|e| e.as_error::<ApiError>())
        {
            Some(api_error) => {
                if let ApiError::Internal(cause) = api_error {
                    tracing::error!(request_id = %rid, error = ?cause, "internal error");
                }
                Some(api_error.response(lang, Some(&rid)))
            }
            None => {
                // A problem already, or a page the server rendered to explain itself (a
                // used confirmation link): kept as it is.
                let explained = res.response().extensions().contains::<OwnErrorFormat>()
                    || res
                        .headers()
                        .get(header::CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok())
                        .is_some_and(|v| {
                            v.starts_with(PROBLEM_CONTENT_TYPE) || v.starts_with("text/html")
                        });
                if explained {
                    None
                } else {
                    if let Some(e) = res.response().error() {
                        tracing::warn!(request_id = %rid, error = %e, "framework error");
                    }
                    Some(fallback_error(status.as_u16()).response(lang, Some(&rid)))
                }
            }
        };
        if let Some(new) = rendered {
            res = res.into_response(new.map_into_boxed_body());
        }
    }
    if let Ok(v) = HeaderValue::from_str(&rid) {
        res.headers_mut()
            .insert(HeaderName::from_static(REQUEST_ID_HEADER), v);
    }
    // The query string is left out on purpose: searches may contain people's names.
    tracing::info!(
        target: "interra::http",
        method = %method,
        path = %path,
        status = res.status().as_u16(),
        latency_ms = start.elapsed().as_secs_f64() * 1000.0,
        request_id = %rid,
        "request"
    );
    Ok(res)
}
