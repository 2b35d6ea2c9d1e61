//! The OpenAPI document: complete, served, committed up to date; Swagger UI works offline.

use reqwest::{header, StatusCode};
use serde_json::Value;

use crate::helpers::{generated_openapi, Backend, TestApp};

const OPERATIONS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

async fn app() -> TestApp {
    TestApp::spawn(Backend::Sqlite)
        .await
        .expect("SQLite test server")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_served_document_describes_every_route() {
    let app = app().await;
    let res = app.get("/api/openapi.json", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let served: Value = res.json().await.expect("JSON document");
    let generated: Value = serde_json::from_str(&generated_openapi()).expect("generated document");
    assert_eq!(
        served, generated,
        "the served document differs from the generated one"
    );

    let version = served["openapi"].as_str().unwrap_or_default();
    assert!(version.starts_with("3."), "not OpenAPI 3.x: {version:?}");
    assert!(served["info"]["title"].is_string() && served["info"]["version"].is_string());

    let paths = served["paths"].as_object().expect("paths");
    let expected = [
        ("/healthz", "get"),
        ("/readyz", "get"),
        ("/api/v1/auth/login", "post"),
        ("/api/v1/auth/refresh", "post"),
        ("/api/v1/auth/logout", "post"),
        ("/api/v1/auth/me", "get"),
        ("/api/v1/auth/password", "post"),
        ("/api/v1/users", "get"),
        ("/api/v1/users", "post"),
        ("/api/v1/users/{id}", "get"),
        ("/api/v1/users/{id}", "patch"),
        ("/api/v1/audit", "get"),
    ];
    for (path, method) in expected {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} is not documented"
        );
    }

    let schemes = &served["components"]["securitySchemes"];
    assert_eq!(schemes["bearer"]["type"], "http");
    assert_eq!(
        schemes["bearer"]["scheme"]
            .as_str()
            .map(str::to_lowercase)
            .as_deref(),
        Some("bearer")
    );
    assert_eq!(schemes["refresh_cookie"]["type"], "apiKey");
    assert_eq!(schemes["refresh_cookie"]["in"], "cookie");
    assert_eq!(schemes["refresh_cookie"]["name"], "interra_refresh");
    assert!(served["components"]["schemas"]["Problem"].is_object());

    let mut operations = 0;
    for (path, item) in paths {
        for (method, op) in item.as_object().into_iter().flatten() {
            if !OPERATIONS.contains(&method.as_str()) {
                continue;
            }
            operations += 1;
            let what = format!("{method} {path}");
            let responses = op["responses"]
                .as_object()
                .unwrap_or_else(|| panic!("{what}: no responses"));
            assert!(
                responses
                    .keys()
                    .any(|code| code.starts_with('4') || code.starts_with('5')),
                "{what} declares no error response"
            );
            assert!(
                responses.keys().any(|code| code.starts_with('2')),
                "{what} declares no success response"
            );
            for (code, response) in responses {
                if code.starts_with('4') || code.starts_with('5') {
                    assert!(
                        response["content"]["application/problem+json"].is_object(),
                        "{what} {code} is not documented as problem+json"
                    );
                }
            }
            // Routes behind a token say so, and that they can answer 401.
            let secured = op["security"].as_array().is_some_and(|s| !s.is_empty());
            if path.starts_with("/api/v1/users")
                || path == "/api/v1/audit"
                || path == "/api/v1/auth/me"
            {
                assert!(secured, "{what} does not declare its security");
            }
            if secured {
                assert!(
                    responses.contains_key("401"),
                    "{what} is secured but declares no 401"
                );
            }
        }
    }
    assert!(operations >= expected.len());
}

#[test]
fn the_committed_document_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/openapi.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = generated_openapi();
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || committed.lines().count().min(generated.lines().count()) + 1,
                |i| i + 1,
            );
        panic!(
            "openapi/openapi.json is out of date (first difference at line {line}): run scripts/openapi.sh \
             and commit the result"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn swagger_ui_is_served_without_a_cdn() {
    let app = app().await;
    // `/api/docs` leads to the UI.
    let res = app.get("/api/docs", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.url().path().starts_with("/api/docs/"), "{}", res.url());

    let res = app.get("/api/docs/", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let ct = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(ct.starts_with("text/html"), "{ct}");
    let html = res.text().await.expect("html");
    assert!(html.to_lowercase().contains("swagger"), "{html}");

    // Every script and style sheet the page loads comes from this server.
    let mut assets = Vec::new();
    for attr in ["src=\"", "href=\""] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            let url = &rest[..rest.find('"').unwrap_or(0)];
            assets.push(url.to_owned());
        }
    }
    assert!(!assets.is_empty(), "{html}");
    for url in &assets {
        assert!(
            !url.starts_with("http:") && !url.starts_with("https:") && !url.starts_with("//"),
            "the docs page loads {url} from elsewhere"
        );
    }
    let mut kinds = Vec::new();
    for url in &assets {
        let path = match url.strip_prefix("./") {
            Some(rel) => format!("/api/docs/{rel}"),
            None if url.starts_with('/') => url.clone(),
            None => format!("/api/docs/{url}"),
        };
        let res = app.get(&path, None).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let ct = res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = res.bytes().await.expect("asset");
        assert!(!body.is_empty(), "{path} is empty");
        if path.ends_with(".js") {
            assert!(ct.contains("javascript"), "{path}: {ct}");
            kinds.push("js");
        } else if path.ends_with(".css") {
            assert!(ct.starts_with("text/css"), "{path}: {ct}");
            kinds.push("css");
        }
    }
    assert!(
        kinds.contains(&"js") && kinds.contains(&"css"),
        "assets: {assets:?}"
    );

    // The UI is pointed at the served document.
    let init = app.get("/api/docs/swagger-initializer.js", None).await;
    assert_eq!(init.status(), StatusCode::OK);
    let init = init.text().await.expect("initializer");
    assert!(init.contains("/api/openapi.json"), "{init}");
    assert!(
        !init.contains("https://"),
        "the initializer loads something remote: {init}"
    );
}
