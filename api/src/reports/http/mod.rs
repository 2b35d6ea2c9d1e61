//! Handlers of `/reports` and `/home`, one file per resource; they parse, check the role's
//! permission, call `reports::service` and answer.

pub mod home;
pub mod summary;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/api/v1/reports`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(summary::summary_csv)
        .service(summary::summary_xlsx)
        .service(summary::summary)
        .service(summary::yearly);
}

/// Routes under `/api/v1/home`.
pub fn configure_home(cfg: &mut ServiceConfig) {
    cfg.service(home::home);
}
