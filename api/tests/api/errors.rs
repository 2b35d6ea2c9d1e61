//! One error format: every failure, including the framework's own, is problem+json with a
//! request id; request ids are echoed; the root serves a page even without a web build.

use reqwest::{header, Method, StatusCode};
use shared::auth::Role;
use shared::ErrorCode;

use crate::both;
use crate::helpers::{expect_problem, TestApp};

const LOGIN: &str = "/api/v1/auth/login";

/// What is sent, the request, the status and code expected, a field that must carry a message.
type Case<'a> = (
    &'a str,
    reqwest::RequestBuilder,
    StatusCode,
    ErrorCode,
    Option<&'a str>,
);

both!(
    every_extractor_failure_is_a_problem_document,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let json = |body: String| {
            app.client
                .post(app.url(LOGIN))
                .header(header::CONTENT_TYPE, "application/json")
                .body(body)
        };
        let get = |path: &str| app.client.get(app.url(path)).bearer_auth(&admin);
        let too_big = format!(
            r#"{{"email": "a@example.be", "password": "{}"}}"#,
            "x".repeat(300 * 1024)
        );

        let cases: Vec<Case> = vec![
            (
                "malformed JSON",
                json(r#"{"email": "a@example.be", "password": "#.into()),
                StatusCode::BAD_REQUEST,
                ErrorCode::MalformedRequest,
                None,
            ),
            (
                "empty body",
                json(String::new()),
                StatusCode::BAD_REQUEST,
                ErrorCode::MalformedRequest,
                None,
            ),
            (
                "wrong type",
                json(r#"{"email": 42, "password": "secret passphrase"}"#.into()),
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ValidationFailed,
                Some("email"),
            ),
            (
                "missing field",
                json(r#"{"email": "a@example.be"}"#.into()),
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ValidationFailed,
                Some("password"),
            ),
            (
                "not JSON",
                app.client
                    .post(app.url(LOGIN))
                    .header(header::CONTENT_TYPE, "text/plain")
                    .body(r#"{"email": "a@example.be", "password": "x"}"#),
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
                None,
            ),
            (
                "no content type",
                app.client
                    .post(app.url(LOGIN))
                    .body(r#"{"email": "a@example.be", "password": "x"}"#),
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
                None,
            ),
            (
                "body over 256 KiB",
                json(too_big),
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::PayloadTooLarge,
                None,
            ),
            (
                "unknown API route",
                get("/api/v1/nothing-here"),
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                None,
            ),
            (
                "unknown API version",
                get("/api/v2/users"),
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                None,
            ),
            (
                "invalid UUID in path",
                get("/api/v1/users/not-a-uuid"),
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                None,
            ),
            (
                "unknown account",
                get(&format!("/api/v1/users/{}", uuid::Uuid::now_v7())),
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                None,
            ),
            (
                "bad boolean in query",
                get("/api/v1/users?active=maybe"),
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ValidationFailed,
                Some("active"),
            ),
            (
                "bad number in query",
                get("/api/v1/users?page=-1"),
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ValidationFailed,
                Some("page"),
            ),
            (
                "bad enum in query",
                get("/api/v1/users?role=superuser"),
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ValidationFailed,
                Some("role"),
            ),
            (
                "bad UUID in query",
                get("/api/v1/audit?actor_id=42"),
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ValidationFailed,
                Some("actor_id"),
            ),
        ];
        for (what, req, status, code, field) in cases {
            let res = req.send().await.unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(res.status(), status, "{what}");
            let rid = res
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
                .unwrap_or_else(|| panic!("{what}: no X-Request-Id"));
            let p = expect_problem(res, status).await;
            assert_eq!(p.code, code, "{what}");
            assert_eq!(
                p.type_uri,
                format!("urn:interra:problem:{}", code.as_str()),
                "{what}"
            );
            assert!(!p.title.is_empty(), "{what}");
            assert_eq!(p.request_id.as_deref(), Some(rid.as_str()), "{what}");
            if let Some(field) = field {
                assert!(
                    !p.field_errors(field).is_empty(),
                    "{what}: no message for {field}: {p:?}"
                );
            }
            if what == "missing field" {
                assert_eq!(p.field_errors("password"), ["This field is required."]);
            }
        }
    }
);

both!(
    wrong_methods_name_the_allowed_ones,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        for (method, path, allowed) in [
            (Method::DELETE, "/api/v1/users", &["GET", "POST"][..]),
            (
                Method::PUT,
                "/api/v1/users/01938a57-7d5c-7b6e-a1f0-000000000000",
                &["GET", "PATCH"][..],
            ),
            (Method::GET, "/api/v1/auth/login", &["POST"][..]),
            (Method::POST, "/api/v1/auth/me", &["GET"][..]),
            (Method::DELETE, "/api/v1/audit", &["GET"][..]),
            // A literal path next to a `{id}` path: the literal one's methods count.
            (Method::PUT, "/api/v1/people/retention", &["GET"][..]),
            (Method::DELETE, "/api/v1/people/anonymise", &["POST"][..]),
            (Method::POST, "/api/v1/public/events.ics", &["GET"][..]),
        ] {
            let what = format!("{method} {path}");
            let res = app
                .client
                .request(method, app.url(path))
                .bearer_auth(&admin)
                .send()
                .await
                .expect("request");
            let allow = res
                .headers()
                .get(header::ALLOW)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let p = expect_problem(res, StatusCode::METHOD_NOT_ALLOWED).await;
            assert_eq!(p.code, ErrorCode::MethodNotAllowed, "{what}");
            let mut listed: Vec<&str> = allow
                .split(',')
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .collect();
            listed.sort_unstable();
            assert_eq!(listed, allowed, "{what}: Allow {allow:?}");
        }
    }
);

both!(request_ids_are_echoed, |app: TestApp| async move {
    let with_id = |path: &str, id: &str| {
        app.client
            .get(app.url(path))
            .header("x-request-id", id.to_owned())
            .send()
    };
    let echoed = |res: &reqwest::Response| {
        res.headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .expect("X-Request-Id")
    };

    // A plain id from a proxy is kept, on success and in problems.
    let res = with_id("/healthz", "edge-42.abc_DEF")
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(echoed(&res), "edge-42.abc_DEF");
    let res = with_id("/api/v1/users", "edge-43").await.expect("request");
    assert_eq!(echoed(&res), "edge-43");
    let p = expect_problem(res, StatusCode::UNAUTHORIZED).await;
    assert_eq!(p.request_id.as_deref(), Some("edge-43"));

    // Anything else is replaced by a fresh id.
    for bad in ["has spaces in it", "quote\"d", &"x".repeat(200)] {
        let res = with_id("/healthz", bad).await.expect("request");
        let id = echoed(&res);
        assert_ne!(id, bad);
        assert!(
            !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "{id:?}"
        );
    }

    // Without one, each request gets its own.
    let a = echoed(&app.get("/healthz", None).await);
    let b = echoed(&app.get("/healthz", None).await);
    assert_ne!(a, b);
});

both!(
    the_root_explains_how_to_build_the_web_app,
    |app: TestApp| async move {
        for path in ["/", "/people/42"] {
            let res = app.get(path, None).await;
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            let ct = res
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            assert!(ct.starts_with("text/html"), "{path}: {ct}");
            let body = res.text().await.expect("body");
            assert!(body.contains("scripts/build-web.sh"), "{path}: {body}");
        }
        // API paths are never answered with the page.
        expect_problem(app.get("/api/nothing", None).await, StatusCode::NOT_FOUND).await;
    }
);

both!(
    what_no_field_can_hold_is_refused_in_one_place,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let json = |method: Method, path: &str, body: &str, token: Option<&str>| {
            let mut req = app
                .client
                .request(method, app.url(path))
                .header(header::CONTENT_TYPE, "application/json")
                .body(body.to_owned());
            if let Some(t) = token {
                req = req.bearer_auth(t.to_owned());
            }
            req
        };
        let user = app.create_user("nul-check@example.be", Role::Coach);
        let cases: Vec<(&str, reqwest::RequestBuilder, &str)> = vec![
            // NUL characters: PostgreSQL cannot store them (500 before), SQLite kept them.
            (
                "NUL in the anonymous sign-in",
                json(
                    Method::POST,
                    LOGIN,
                    r#"{"email": "a\u0000@example.be", "password": "x"}"#,
                    None,
                ),
                "email",
            ),
            (
                "NUL in the anonymous sign-up",
                json(
                    Method::POST,
                    "/api/v1/public/signup",
                    r#"{"first_name": "Am\u0000ina", "lang": "fr", "consent": true}"#,
                    None,
                ),
                "first_name",
            ),
            (
                "NUL in a nested field",
                json(
                    Method::POST,
                    "/api/v1/activities",
                    r#"{"title": {"fr": "Atelier\u0000"}}"#,
                    Some(&admin),
                ),
                "title.fr",
            ),
            (
                "NUL in a query parameter",
                app.client
                    .get(app.url("/api/v1/people?q=a%00b"))
                    .bearer_auth(&admin),
                "q",
            ),
            // Dates PostgreSQL cannot store (500 before), and any outside 1900..=2200.
            (
                "a start in year -262143",
                json(
                    Method::POST,
                    "/api/v1/activities",
                    r#"{"starts_at": "-262143-01-02T10:00"}"#,
                    Some(&admin),
                ),
                "starts_at",
            ),
            (
                "a date in year 10000",
                json(
                    Method::POST,
                    "/api/v1/public/signup",
                    r#"{"first_name": "Amina", "consent_date": "+10000-01-01"}"#,
                    None,
                ),
                "consent_date",
            ),
            (
                "a query date in year 1850",
                app.client
                    .get(app.url("/api/v1/activities?start=1850-01-01"))
                    .bearer_auth(&admin),
                "start",
            ),
            // A JSON array is not the object the document describes (200 before).
            (
                "an array for an object body",
                json(
                    Method::PATCH,
                    &format!("/api/v1/users/{}", user.id),
                    "[null, null]",
                    Some(&admin),
                ),
                "body",
            ),
        ];
        for (what, req, field) in cases {
            let res = req.send().await.unwrap_or_else(|e| panic!("{what}: {e}"));
            let p = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
            assert_eq!(p.code, ErrorCode::ValidationFailed, "{what}");
            assert!(
                !p.field_errors(field).is_empty(),
                "{what}: no message for {field}: {p:?}"
            );
        }
        // Nothing was stored on the way.
        let res = app.get("/api/v1/people?q=Am", Some(&admin)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let text = res.text().await.expect("body");
        assert!(!text.contains("\\u0000"), "{text}");
        // Dates inside the range and text that merely looks like numbers still pass.
        let res = app
            .get("/api/v1/activities?start=2026-01-01", Some(&admin))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
);
