//! `/public/certificates/{code}`: anyone confirms a certificate is genuine.

use actix_web::{get, web};
use shared::trainings::CertificateCheck;

use crate::error::ApiError;
use crate::http::context::Visitor;
use crate::http::openapi::PublicLookupErrors;
use crate::state::AppState;
use crate::trainings::service::certificates as service;

/// Confirms a certificate of attendance: the trainee's name, the module, the dates and the
/// hours, nothing else. An unknown or revoked code answers 404 (the code is looked up by its
/// hash, so a near miss answers as fast as a wild guess). Throttled per client address.
#[utoipa::path(tag = "public", params(("code" = String, Path, description = "The verification code printed on the certificate, e.g. `7K3QD-M2XPA-9VBNE-H4RTW`")), responses(
    (status = 200, body = CertificateCheck),
    (status = 404, description = "Unknown or revoked code", content_type = "application/problem+json", body = shared::Problem),
    PublicLookupErrors
))]
#[get("/{code}")]
pub async fn check_certificate(
    state: web::Data<AppState>,
    visitor: Visitor,
    code: web::Path<String>,
) -> Result<web::Json<CertificateCheck>, ApiError> {
    super::throttle_lookup(&state, &visitor.ip).await?;
    let code = code.into_inner();
    if code.len() > 64 {
        return Err(ApiError::NotFound);
    }
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::check(conn, &code))
            .await?,
    ))
}
