use reqwest::StatusCode;
use shared::health::HealthStatus;

use crate::both;
use crate::helpers::{expect_json, TestApp};

both!(probes_answer, |app: TestApp| async move {
    let health: HealthStatus = expect_json(app.get("/healthz", None).await, StatusCode::OK).await;
    assert_eq!(health.status, "ok");
    let ready = app.get("/readyz", None).await;
    assert!(ready.headers().contains_key("x-request-id"));
    let ready: HealthStatus = expect_json(ready, StatusCode::OK).await;
    assert_eq!(ready.status, "ok");
});
