//! Sign-in, sessions, password change, token forgery and sign-in throttling.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};
use shared::audit::AuditEntry;
use shared::auth::{
    ChangePasswordRequest, LoginRequest, Role, TokenResponse, REFRESH_COOKIE, SESSION_HINT_COOKIE,
};
use shared::users::{StaffUser, UpdateUser};
use shared::{ErrorCode, Page, Problem};

use crate::both;
use crate::helpers::{
    cookie_attributes, expect_json, expect_problem, refresh_cookie, set_cookie, TestApp,
    JWT_SECRET, PASSWORD,
};

const ME: &str = "/api/v1/auth/me";

async fn me_status(app: &TestApp, token: &str) -> StatusCode {
    app.get(ME, Some(token)).await.status()
}

async fn audit(app: &TestApp, admin: &str, query: &str) -> Vec<AuditEntry> {
    let page: Page<AuditEntry> = expect_json(
        app.get(&format!("/api/v1/audit?page_size=200&{query}"), Some(admin))
            .await,
        StatusCode::OK,
    )
    .await;
    page.results
}

both!(
    login_gives_a_working_token_and_a_locked_down_cookie,
    |app: TestApp| async move {
        let row = app.create_user("amina@example.be", Role::Coach);

        // Email is matched whatever its case and surrounding spaces.
        let res = app.login(" Amina@Example.BE ", PASSWORD).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            res.headers()
                .get(header::CACHE_CONTROL)
                .map(|v| v.as_bytes()),
            Some(&b"no-store"[..])
        );
        let line = set_cookie(&res, REFRESH_COOKIE).expect("login sets the refresh cookie");
        let refresh = refresh_cookie(&res).expect("cookie value");
        let hint = set_cookie(&res, SESSION_HINT_COOKIE).expect("login sets the session hint");
        let text = res.text().await.expect("body");
        let tokens: TokenResponse = serde_json::from_str(&text).expect("token response");

        assert_eq!(tokens.token_type, "Bearer");
        assert_eq!(tokens.expires_in, 15 * 60);
        assert_eq!(tokens.user.id.to_string(), row.id);
        assert_eq!(tokens.user.email, "amina@example.be");
        assert_eq!(tokens.user.role, Role::Coach);

        // The refresh token travels only in the cookie, which scripts cannot read and other sites
        // and paths never receive.
        assert!(refresh.len() >= 32, "refresh token too short: {refresh:?}");
        assert!(
            !text.contains(&refresh),
            "the refresh token leaked into the body"
        );
        let attrs = cookie_attributes(&line);
        let attr = |name: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        assert!(attr("httponly").is_some(), "not HttpOnly: {line}");
        assert_eq!(attr("samesite"), Some("Strict"), "{line}");
        assert_eq!(attr("path"), Some("/api/v1/auth"), "{line}");
        let max_age: i64 = attr("max-age")
            .and_then(|v| v.parse().ok())
            .expect("Max-Age");
        assert!(max_age > 24 * 3600, "{line}");

        // Its readable companion tells the web app a session may exist (so a visitor's page
        // does not ask for a refresh that can only fail); it carries nothing secret.
        let hint_attrs = cookie_attributes(&hint);
        let hint_attr = |name: &str| {
            hint_attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        assert!(hint.starts_with("interra_session=1;"), "{hint}");
        assert!(
            hint_attr("httponly").is_none(),
            "readable by scripts: {hint}"
        );
        assert_eq!(hint_attr("path"), Some("/"), "{hint}");
        assert_eq!(hint_attr("samesite"), Some("Strict"), "{hint}");
        assert_eq!(
            hint_attr("max-age").and_then(|v| v.parse::<i64>().ok()),
            Some(max_age)
        );

        let me: StaffUser = expect_json(
            app.get(ME, Some(&tokens.access_token)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(me.id, tokens.user.id);
        assert_eq!(me.email, "amina@example.be");
        assert!(me.last_login_at.is_some(), "last login not recorded");
    }
);

both!(
    failed_logins_do_not_reveal_whether_the_account_exists,
    |app: TestApp| async move {
        let inactive = app.create_user("former@example.be", Role::Coach);
        app.set_active(&inactive.id, false);
        app.create_user("marc@example.be", Role::Coordinator);

        let attempts = [
            ("marc@example.be", "not the right passphrase"),
            ("nobody@example.be", "not the right passphrase"),
            ("former@example.be", PASSWORD),
        ];
        let mut problems: Vec<Problem> = Vec::new();
        for (email, password) in attempts {
            let res = app.login(email, password).await;
            assert!(
                set_cookie(&res, REFRESH_COOKIE).is_none(),
                "{email}: a failed login set a cookie"
            );
            let p = expect_problem(res, StatusCode::UNAUTHORIZED).await;
            assert_eq!(p.code, ErrorCode::InvalidCredentials, "{email}");
            problems.push(p);
        }
        let public = |p: &Problem| {
            (
                p.type_uri.clone(),
                p.title.clone(),
                p.status,
                p.detail.clone(),
                p.errors.clone(),
            )
        };
        assert!(problems[0].detail.is_some());
        assert_eq!(
            public(&problems[0]),
            public(&problems[1]),
            "wrong password vs unknown email"
        );
        assert_eq!(
            public(&problems[0]),
            public(&problems[2]),
            "wrong password vs inactive account"
        );
    }
);

both!(
    inactive_accounts_cannot_sign_in,
    |app: TestApp| async move {
        let row = app.create_user("left@example.be", Role::Coordinator);
        assert_eq!(
            app.login("left@example.be", PASSWORD).await.status(),
            StatusCode::OK
        );
        app.set_active(&row.id, false);
        let p = expect_problem(
            app.login("left@example.be", PASSWORD).await,
            StatusCode::UNAUTHORIZED,
        )
        .await;
        assert_eq!(p.code, ErrorCode::InvalidCredentials);
    }
);

// Without the grace period of two tabs refreshing at once (tested in `throttling.rs`): any
// second use of a token is a reuse.
both!(
    refresh_rotates_and_reuse_revokes_the_family,
    with |s: &mut interra_api::config::Settings| s.refresh_grace = std::time::Duration::ZERO,
    |app: TestApp| async move {
        let row = app.create_user("coach@example.be", Role::Coach);
        let first = app.sign_in("coach@example.be", PASSWORD).await;
        let other_device = app.sign_in("coach@example.be", PASSWORD).await;

        // Each refresh hands out a new token and a working access token.
        let res = app.with_refresh_cookie("refresh", &first.refresh).await;
        let second = refresh_cookie(&res).expect("rotated cookie");
        let body: TokenResponse = expect_json(res, StatusCode::OK).await;
        assert_ne!(second, first.refresh, "the refresh token was not rotated");
        assert_eq!(body.user.id.to_string(), row.id);
        assert_eq!(me_status(&app, &body.access_token).await, StatusCode::OK);

        let res = app.with_refresh_cookie("refresh", &second).await;
        let third = refresh_cookie(&res).expect("rotated cookie");
        assert_eq!(res.status(), StatusCode::OK);
        assert!(third != second && third != first.refresh);

        // Presenting a used token again fails and revokes the whole family, even its newest token
        // that was never used.
        let res = app.with_refresh_cookie("refresh", &first.refresh).await;
        assert!(res.headers().contains_key(header::WWW_AUTHENTICATE));
        let reuse = expect_problem(res, StatusCode::UNAUTHORIZED).await;
        assert_eq!(reuse.code, ErrorCode::Unauthorized);
        let res = app.with_refresh_cookie("refresh", &third).await;
        expect_problem(res, StatusCode::UNAUTHORIZED).await;

        // Another sign-in of the same person is another family: untouched.
        let res = app
            .with_refresh_cookie("refresh", &other_device.refresh)
            .await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "an unrelated session was revoked"
        );

        let admin = app.token_for(Role::Admin).await;
        let reused = audit(&app, &admin, "action=auth.refresh_reused").await;
        let entry = reused
            .iter()
            .find(|e| e.request_id == reuse.request_id)
            .unwrap_or_else(|| panic!("no audit entry for the reuse: {reused:?}"));
        assert_eq!(entry.entity_type, "user");
        assert_eq!(entry.entity_id.as_deref(), Some(row.id.as_str()));
        assert!(entry.ip.is_some());
        assert!(reused
            .iter()
            .all(|e| e.entity_id.as_deref() == Some(row.id.as_str())));
    }
);

both!(
    refresh_without_a_valid_cookie_is_refused,
    |app: TestApp| async move {
        let res = app
            .client
            .post(app.url("/api/v1/auth/refresh"))
            .send()
            .await
            .expect("request");
        expect_problem(res, StatusCode::UNAUTHORIZED).await;
        let res = app.with_refresh_cookie("refresh", "made-up-token").await;
        expect_problem(res, StatusCode::UNAUTHORIZED).await;
    }
);

both!(
    logout_clears_the_cookie_and_ends_the_session,
    |app: TestApp| async move {
        app.create_user("nadia@example.be", Role::Coordinator);

        // A browser-like client: the cookie is stored, sent to /refresh, then cleared by /logout.
        assert_eq!(
            app.login("nadia@example.be", PASSWORD).await.status(),
            StatusCode::OK
        );
        let refresh = |app: &TestApp| app.client.post(app.url("/api/v1/auth/refresh")).send();
        assert_eq!(
            refresh(&app).await.expect("request").status(),
            StatusCode::OK
        );
        let res = app
            .client
            .post(app.url("/api/v1/auth/logout"))
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert_eq!(
            refresh(&app).await.expect("request").status(),
            StatusCode::UNAUTHORIZED
        );

        // The server revoked the session too: the token no longer refreshes even if replayed.
        let session = app.sign_in("nadia@example.be", PASSWORD).await;
        let res = app.with_refresh_cookie("logout", &session.refresh).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let line = set_cookie(&res, REFRESH_COOKIE).expect("logout clears the cookie");
        assert_eq!(refresh_cookie(&res).as_deref(), Some(""), "{line}");
        let hint = set_cookie(&res, SESSION_HINT_COOKIE).expect("logout clears the hint");
        assert!(
            hint.starts_with("interra_session=;") && hint.contains("Max-Age=0"),
            "{hint}"
        );
        let attrs = cookie_attributes(&line);
        assert!(
            attrs.contains(&("max-age".into(), "0".into())),
            "cookie not expired: {line}"
        );
        assert!(
            attrs.contains(&("path".into(), "/api/v1/auth".into())),
            "{line}"
        );
        let res = app.with_refresh_cookie("refresh", &session.refresh).await;
        expect_problem(res, StatusCode::UNAUTHORIZED).await;
    }
);

both!(password_change, |app: TestApp| async move {
    const NEW: &str = "un potager partagé à Sclessin";
    app.create_user("elise@example.be", Role::Coach);
    let session = app.sign_in("elise@example.be", PASSWORD).await;
    let other_device = app.sign_in("elise@example.be", PASSWORD).await;
    let change = |current: &str, new: &str| ChangePasswordRequest {
        current_password: current.into(),
        new_password: new.into(),
    };
    let path = "/api/v1/auth/password";

    let res = app
        .send_json(
            Method::POST,
            path,
            Some(&session.access),
            &change("not my passphrase", NEW),
        )
        .await;
    let p = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(!p.field_errors("current_password").is_empty(), "{p:?}");
    assert!(p.field_errors("new_password").is_empty(), "{p:?}");

    for weak in ["short", "password1234", "elise-the-gardener"] {
        let res = app
            .send_json(
                Method::POST,
                path,
                Some(&session.access),
                &change(PASSWORD, weak),
            )
            .await;
        let p = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(!p.field_errors("new_password").is_empty(), "{weak}: {p:?}");
    }
    // Nothing changed so far.
    assert_eq!(me_status(&app, &session.access).await, StatusCode::OK);

    let anonymous = app
        .send_json(Method::POST, path, None, &change(PASSWORD, NEW))
        .await;
    expect_problem(anonymous, StatusCode::UNAUTHORIZED).await;

    let res = app
        .send_json(
            Method::POST,
            path,
            Some(&session.access),
            &change(PASSWORD, NEW),
        )
        .await;
    let new_refresh = refresh_cookie(&res).expect("a new session cookie");
    let fresh: TokenResponse = expect_json(res, StatusCode::OK).await;

    // Every earlier session is over, access and refresh tokens alike.
    assert_eq!(
        me_status(&app, &session.access).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        me_status(&app, &other_device.access).await,
        StatusCode::UNAUTHORIZED
    );
    for old in [&session.refresh, &other_device.refresh] {
        let res = app.with_refresh_cookie("refresh", old).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    // The new session works.
    assert_eq!(me_status(&app, &fresh.access_token).await, StatusCode::OK);
    assert_eq!(
        app.with_refresh_cookie("refresh", &new_refresh)
            .await
            .status(),
        StatusCode::OK
    );

    let old = expect_problem(
        app.login("elise@example.be", PASSWORD).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(old.code, ErrorCode::InvalidCredentials);
    assert_eq!(
        app.login("elise@example.be", NEW).await.status(),
        StatusCode::OK
    );
});

fn b64(value: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).expect("json"))
}

fn sign(alg: Algorithm, secret: &str, claims: &Value) -> String {
    jsonwebtoken::encode(
        &Header::new(alg),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .expect("sign")
}

both!(
    forged_and_invalid_tokens_are_rejected,
    |app: TestApp| async move {
        let row = app.create_user("coach@example.be", Role::Coach);
        let now = chrono::Utc::now();
        let secs = now.timestamp();
        // Claims as the server issues them, with a chosen validity window.
        let claims = |iat: i64, nbf: i64, exp: i64| {
            json!({
                "iss": "interra",
                "sub": row.id,
                "iat": iat,
                "iat_us": iat * 1_000_000 + i64::from(now.timestamp_subsec_micros()),
                "nbf": nbf,
                "exp": exp,
                "jti": uuid::Uuid::new_v4().to_string(),
                "role": "coach",
            })
        };
        let valid = claims(secs, secs, secs + 600);

        // Baseline: a token built by hand this way is accepted, so each forgery below fails for
        // the one thing it changes.
        let baseline = sign(Algorithm::HS256, JWT_SECRET, &valid);
        assert_eq!(me_status(&app, &baseline).await, StatusCode::OK);
        let issued = app.sign_in("coach@example.be", PASSWORD).await.access;
        assert_eq!(me_status(&app, &issued).await, StatusCode::OK);

        let alg_none = format!(
            "{}.{}.",
            b64(&json!({"alg": "none", "typ": "JWT"})),
            b64(&valid)
        );
        let tampered = {
            let parts: Vec<&str> = issued.split('.').collect();
            assert_eq!(parts.len(), 3);
            let mut payload: Value =
                serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).expect("base64"))
                    .expect("claims");
            payload["role"] = json!("admin");
            payload["exp"] = json!(secs + 86_400);
            format!("{}.{}.{}", parts[0], b64(&payload), parts[2])
        };
        let basic = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD
                .encode(format!("coach@example.be:{PASSWORD}"))
        );
        let cases: Vec<(&str, Option<String>)> = vec![
            (
                "signed with another secret",
                Some(format!(
                    "Bearer {}",
                    sign(
                        Algorithm::HS256,
                        "another secret, just as long as the real one",
                        &valid
                    )
                )),
            ),
            ("alg none", Some(format!("Bearer {alg_none}"))),
            (
                "HS512 with the right secret",
                Some(format!(
                    "Bearer {}",
                    sign(Algorithm::HS512, JWT_SECRET, &valid)
                )),
            ),
            (
                "expired",
                Some(format!(
                    "Bearer {}",
                    sign(
                        Algorithm::HS256,
                        JWT_SECRET,
                        &claims(secs - 3600, secs - 3600, secs - 600)
                    )
                )),
            ),
            (
                "not yet valid",
                Some(format!(
                    "Bearer {}",
                    sign(
                        Algorithm::HS256,
                        JWT_SECRET,
                        &claims(secs, secs + 300, secs + 900)
                    )
                )),
            ),
            ("tampered payload", Some(format!("Bearer {tampered}"))),
            ("garbage", Some("Bearer garbage.garbage.garbage".into())),
            ("empty bearer", Some("Bearer ".into())),
            ("missing header", None),
            (
                "wrong scheme with a valid token",
                Some(format!("Token {issued}")),
            ),
            ("basic credentials", Some(basic)),
        ];
        for (name, authorization) in cases {
            let mut req = app.client.get(app.url(ME));
            if let Some(value) = authorization {
                req = req.header(header::AUTHORIZATION, value);
            }
            let res = req.send().await.expect("request");
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{name}");
            let challenge = res
                .headers()
                .get(header::WWW_AUTHENTICATE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            assert!(
                challenge.starts_with("Bearer"),
                "{name}: WWW-Authenticate {challenge:?}"
            );
            let p = expect_problem(res, StatusCode::UNAUTHORIZED).await;
            assert_eq!(p.code, ErrorCode::Unauthorized, "{name}");
        }
    }
);

both!(
    deactivation_ends_access_at_once,
    |app: TestApp| async move {
        let row = app.create_user("leaving@example.be", Role::Coordinator);
        let session = app.sign_in("leaving@example.be", PASSWORD).await;
        assert_eq!(me_status(&app, &session.access).await, StatusCode::OK);
        let admin = app.token_for(Role::Admin).await;
        let change = UpdateUser {
            active: Some(false),
            ..Default::default()
        };
        let res = app
            .send_json(
                Method::PATCH,
                &format!("/api/v1/users/{}", row.id),
                Some(&admin),
                &change,
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let res = app.get(ME, Some(&session.access)).await;
        assert!(res.headers().contains_key(header::WWW_AUTHENTICATE));
        expect_problem(res, StatusCode::UNAUTHORIZED).await;
    }
);

fn retry_after(res: &reqwest::Response) -> u64 {
    res.headers()
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds")
}

// The lock of one address; the growing delay per account is tested in `throttling.rs`.
both!(
    wrong_passwords_lock_the_account_for_a_while,
    with |s: &mut interra_api::config::Settings| s.login_delay.free = 100,
    |app: TestApp| async move {
        app.create_user("target@example.be", Role::Coach);
        app.create_user("bystander@example.be", Role::Coach);
        for _ in 0..5 {
            let p = expect_problem(
                app.login("target@example.be", "guessing wrongly").await,
                StatusCode::UNAUTHORIZED,
            )
            .await;
            assert_eq!(p.code, ErrorCode::InvalidCredentials);
        }
        // Even the right password is refused now from this address, whatever the case of the
        // email.
        for email in ["target@example.be", "TARGET@example.be"] {
            let res = app.login(email, PASSWORD).await;
            assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "{email}");
            let wait = retry_after(&res);
            assert!((1..=15 * 60).contains(&wait), "Retry-After {wait}");
            let p = expect_problem(res, StatusCode::TOO_MANY_REQUESTS).await;
            assert_eq!(p.code, ErrorCode::RateLimited);
        }
        // Other accounts signing in from the same address are not affected.
        assert_eq!(
            app.login("bystander@example.be", PASSWORD).await.status(),
            StatusCode::OK
        );
    }
);

both!(
    one_address_is_throttled_across_accounts,
    |app: TestApp| async move {
        app.create_user("real@example.be", Role::Coach);
        let mut attempts = tokio::task::JoinSet::new();
        for i in 0..30 {
            let client = app.bare.clone();
            let url = app.url("/api/v1/auth/login");
            attempts.spawn(async move {
                let body = LoginRequest {
                    email: format!("guess-{i}@example.be"),
                    password: "guessing wrongly".into(),
                };
                client
                    .post(url)
                    .json(&body)
                    .send()
                    .await
                    .expect("request")
                    .status()
            });
        }
        while let Some(status) = attempts.join_next().await {
            assert_eq!(status.expect("attempt"), StatusCode::UNAUTHORIZED);
        }
        // The 31st attempt within the minute is refused, even for a valid account never tried.
        let res = app.login("real@example.be", PASSWORD).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!((1..=60).contains(&retry_after(&res)));
        let p = expect_problem(res, StatusCode::TOO_MANY_REQUESTS).await;
        assert_eq!(p.code, ErrorCode::RateLimited);
    }
);
