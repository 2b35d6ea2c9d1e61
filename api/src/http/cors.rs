//! Cross-origin reads of the public API: partners' pages call the agenda, the public forms and
//! the privacy notice from their own sites.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderValue, ACCESS_CONTROL_ALLOW_ORIGIN};
use actix_web::middleware::Next;

/// Every answer under `/api/v1/public/` (errors included: a partner's form must be able to
/// show field messages) is readable from any origin, as the preflight already promises. These
/// routes take no cookie and no credentials, so `*` exposes nothing a visitor could not read.
pub async fn public_cors(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let public = req.path().starts_with("/api/v1/public/");
    let mut res = next.call(req).await?;
    if public && !res.headers().contains_key(ACCESS_CONTROL_ALLOW_ORIGIN) {
        res.headers_mut()
            .insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    }
    Ok(res)
}
