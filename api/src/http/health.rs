//! Liveness and readiness probes, for load balancers and `docker compose`.

use actix_web::{get, web, HttpResponse};
use shared::health::HealthStatus;

use crate::db;
use crate::error::ApiError;
use crate::http::openapi::{ProbeErrors, UnexpectedErrors};
use crate::state::AppState;

fn ok() -> HealthStatus {
    HealthStatus {
        status: "ok".into(),
        detail: None,
        version: env!("CARGO_PKG_VERSION").into(),
    }
}

/// Liveness: the process answers.
#[utoipa::path(tag = "operations", responses((status = 200, body = HealthStatus), UnexpectedErrors))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(ok())
}

/// Readiness: the database answers and every migration is applied.
#[utoipa::path(tag = "operations", responses((status = 200, body = HealthStatus), ProbeErrors))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let current = state
        .db
        .run(|conn| db::migrations_current(conn).map_err(|e| ApiError::Unavailable(e.to_string())))
        .await;
    match current {
        Ok(true) => Ok(HttpResponse::Ok().json(ok())),
        Ok(false) => Err(ApiError::Unavailable("migrations pending".into())),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            Err(ApiError::Unavailable(e.to_string()))
        }
    }
}
