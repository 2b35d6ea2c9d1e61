//! Security headers (issue 12 §4): a Content-Security-Policy per kind of page, no framing except
//! the embeddable agenda, nosniff, referrer and permissions policies, HSTS in production only,
//! and `Cache-Control: no-store` on every answer that may carry personal data.

use reqwest::header::{CACHE_CONTROL, ETAG};
use reqwest::{Method, StatusCode};
use shared::auth::Role;

use crate::activity_fixtures::*;
use crate::both;
use crate::helpers::{Backend, TestApp};

fn header(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get(name)
        .map(|v| v.to_str().expect("ascii").to_owned())
}

/// The headers every answer carries, whatever its kind.
fn common(res: &reqwest::Response, what: &str) {
    assert_eq!(
        header(res, "x-content-type-options").as_deref(),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        header(res, "referrer-policy").as_deref(),
        Some("strict-origin-when-cross-origin"),
        "{what}"
    );
    let permissions = header(res, "permissions-policy").unwrap_or_default();
    for feature in ["camera=()", "microphone=()", "geolocation=()"] {
        assert!(permissions.contains(feature), "{what}: {permissions}");
    }
    assert_eq!(
        header(res, "strict-transport-security"),
        None,
        "{what}: HSTS outside production"
    );
}

/// Not frameable: both the CSP directive and the legacy header.
fn not_frameable(res: &reqwest::Response, what: &str) {
    let csp = header(res, "content-security-policy").unwrap_or_default();
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert_eq!(
        header(res, "x-frame-options").as_deref(),
        Some("DENY"),
        "{what}"
    );
}

fn no_store(res: &reqwest::Response, what: &str) {
    assert_eq!(
        header(res, CACHE_CONTROL.as_str()).as_deref(),
        Some("no-store"),
        "{what}"
    );
}

both!(
    every_kind_of_answer_carries_its_security_headers,
    |app: TestApp| async move {
        let (_, admin) = account(&app, Role::Admin).await;
        let activity = create_activity(&app, &admin, &upcoming("Atelier", 5, Some(10))).await;

        // The web app (here the page shown while it is not built) under the SPA's policy.
        for path in ["/", "/people/42"] {
            let res = app.get(path, None).await;
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            common(&res, path);
            not_frameable(&res, path);
            let csp = header(&res, "content-security-policy").unwrap_or_default();
            assert!(
                csp.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval';"),
                "{path}: {csp}"
            );
            assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        }

        // Authenticated JSON: personal data, never stored by a cache.
        for path in [
            "/api/v1/people".to_owned(),
            format!("{ACTIVITIES}/{}", activity.id),
            format!("{ACTIVITIES}/{}/registrations", activity.id),
            "/api/v1/auth/me".to_owned(),
        ] {
            let res = app.get(&path, Some(&admin)).await;
            assert!(res.status().is_success(), "{path}: {}", res.status());
            common(&res, &path);
            not_frameable(&res, &path);
            no_store(&res, &path);
            let csp = header(&res, "content-security-policy").unwrap_or_default();
            assert!(csp.starts_with("default-src 'none'"), "{path}: {csp}");
        }
        // Errors and writes too.
        let res = app.get("/api/v1/people", None).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        common(&res, "401");
        no_store(&res, "401");
        let res = app
            .send_json(
                Method::POST,
                "/api/v1/people",
                Some(&admin),
                &person_input("Amina", true),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        no_store(&res, "POST /people");
        let res = app
            .send_json(
                Method::POST,
                "/api/v1/auth/login",
                None,
                &serde_json::json!({ "email": "nobody@example.be", "password": "x" }),
            )
            .await;
        no_store(&res, "login");

        // The feeds keep their public caching and validators.
        for path in [
            EVENTS,
            "/api/v1/public/events.ics",
            "/api/v1/public/events.rss",
        ] {
            let res = app.get(path, None).await;
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            common(&res, path);
            not_frameable(&res, path);
            assert_eq!(
                header(&res, CACHE_CONTROL.as_str()).as_deref(),
                Some("public, max-age=300"),
                "{path}"
            );
            assert!(res.headers().contains_key(ETAG), "{path}");
        }

        // The embeddable agenda: frameable by any site; its one script (telling the framing
        // page its height) allowed by its hash, nothing else.
        let res = app.get("/embed/agenda", None).await;
        assert_eq!(res.status(), StatusCode::OK);
        common(&res, "embed");
        assert_eq!(header(&res, "x-frame-options"), None);
        let csp = header(&res, "content-security-policy").unwrap_or_default();
        assert!(!csp.contains("frame-ancestors"), "embed: {csp}");
        assert!(csp.starts_with("default-src 'none'"), "embed: {csp}");
        assert!(csp.contains("script-src 'sha256-"), "embed: {csp}");
        assert!(
            !csp.contains("'self'") && !csp.contains("unsafe-eval"),
            "embed: {csp}"
        );
        let html = res.text().await.unwrap_or_default();
        let script = html
            .split("<script>")
            .nth(1)
            .and_then(|s| s.split("</script>").next())
            .unwrap_or_default();
        use base64::Engine;
        use sha2::Digest;
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script));
        assert!(
            csp.contains(&format!("'sha256-{hash}'")),
            "the page's script is the one allowed: {csp}"
        );
        assert_eq!(html.matches("<script").count(), 1, "{html}");

        // Swagger UI under its own policy, not frameable.
        let res = app.get("/api/docs/", None).await;
        assert_eq!(res.status(), StatusCode::OK);
        common(&res, "swagger");
        not_frameable(&res, "swagger");
        let csp = header(&res, "content-security-policy").unwrap_or_default();
        assert!(csp.contains("script-src 'self';"), "swagger: {csp}");
        assert!(!csp.contains("wasm-unsafe-eval"), "swagger: {csp}");
    }
);

async fn hsts_scenario(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |s| s.production = true).await else {
        return;
    };
    for path in ["/", "/api/v1/public/events", "/embed/agenda", "/api/docs/"] {
        let res = app.get(path, None).await;
        assert_eq!(
            header(&res, "strict-transport-security").as_deref(),
            Some("max-age=63072000; includeSubDomains"),
            "{path}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn production_mode_sends_hsts_sqlite() {
    hsts_scenario(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn production_mode_sends_hsts_postgres() {
    hsts_scenario(Backend::Postgres).await;
}
