//! Throttling that cannot be turned against users: a stranger cannot keep a staff account
//! locked, refused forms do not use up a shared address's quota, the venue's Wi-Fi has a larger
//! one, and two tabs refreshing at the same moment stay signed in.

use std::time::Duration;

use interra_api::config::{RateLimit, Settings};
use interra_api::http::proxy::TrustedProxies;
use interra_api::http::rate_limit::AddressList;
use reqwest::{header, StatusCode};
use shared::activities::PublicRegistration;
use shared::auth::{LoginRequest, Role, TokenResponse};
use shared::people::Category;
use shared::signup::SignupRequest;
use shared::Lang;

use crate::activity_fixtures::{create_activity, upcoming, EVENTS};
use crate::both;
use crate::helpers::{expect_json, refresh_cookie, TestApp, PASSWORD};
use crate::people_fixtures::{signup_request, SIGNUP};

/// Behind a trusted proxy (127.0.0.1), so that each request can come from its own address.
fn behind_proxy(s: &mut Settings) {
    s.trusted_proxies = TrustedProxies::parse("127.0.0.1").expect("proxies");
    s.login_delay.base = Duration::from_secs(1);
    s.login_delay.max = Duration::from_secs(1);
}

async fn login_from(
    app: &TestApp,
    address: &str,
    email: &str,
    password: &str,
) -> reqwest::Response {
    app.bare
        .post(app.url("/api/v1/auth/login"))
        .header("x-forwarded-for", address)
        .json(&LoginRequest {
            email: email.into(),
            password: password.into(),
        })
        .send()
        .await
        .expect("request")
}

fn retry_after(res: &reqwest::Response) -> u64 {
    res.headers()
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds")
}

const OWNER_DESK: &str = "192.0.2.10";
const ATTACKER: &str = "203.0.113.66";
const HOTEL: &str = "198.51.100.20";

both!(
    a_stranger_cannot_keep_a_staff_account_locked,
    with behind_proxy,
    |app: TestApp| async move {
        let email = "coordinator@example.be";
        app.create_user(email, Role::Coordinator);
        // The owner signed in at their desk before.
        assert_eq!(login_from(&app, OWNER_DESK, email, PASSWORD).await.status(), StatusCode::OK);

        // A stranger tries passwords; past three failures each attempt waits for the account's
        // delay (announced in Retry-After), and after five their address is locked out.
        let mut failures = 0;
        let mut slowed = false;
        while failures < 5 {
            let res = login_from(&app, ATTACKER, email, "guessing wrongly").await;
            match res.status() {
                StatusCode::UNAUTHORIZED => failures += 1,
                StatusCode::TOO_MANY_REQUESTS => {
                    slowed = true;
                    let wait = retry_after(&res);
                    assert!((1..=1).contains(&wait), "Retry-After {wait}");
                    tokio::time::sleep(Duration::from_millis(1100)).await;
                }
                other => panic!("unexpected {other}"),
            }
        }
        assert!(slowed, "the account's delay never applied");
        let res = login_from(&app, ATTACKER, email, PASSWORD).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "the stranger's lock");
        assert!(retry_after(&res) > 60, "a lock, not a delay");

        // Another address right after is slowed down, not locked out...
        let res = login_from(&app, HOTEL, email, "guessing wrongly").await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        // ...the owner at their desk is not even slowed down...
        let res = login_from(&app, OWNER_DESK, email, PASSWORD).await;
        let _: TokenResponse = expect_json(res, StatusCode::OK).await;
        // ...and from a new place they get in once the delay (at most a second here) is over.
        tokio::time::sleep(Duration::from_millis(1100)).await;
        let res = login_from(&app, HOTEL, email, PASSWORD).await;
        let _: TokenResponse = expect_json(res, StatusCode::OK).await;
        // The stranger is still locked out.
        let res = login_from(&app, ATTACKER, email, PASSWORD).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    }
);

fn registration(first_name: &str, email: &str) -> PublicRegistration {
    PublicRegistration {
        first_name: first_name.into(),
        email: Some(email.into()),
        profile: Some(Category::Local),
        lang: Lang::Fr,
        notice_version: "2026-11".into(),
        consent: true,
        ..Default::default()
    }
}

async fn post<B: serde::Serialize>(app: &TestApp, path: &str, body: &B) -> StatusCode {
    app.bare
        .post(app.url(path))
        .json(body)
        .send()
        .await
        .expect("request")
        .status()
}

both!(
    only_accepted_forms_count_and_each_form_has_its_own_quota,
    |app: TestApp| async move {
        // Mistakes corrected on a shared Wi-Fi: refused forms do not count.
        let unconsented = SignupRequest {
            consent: false,
            ..signup_request("Hasty", Some("hasty@example.be"), None)
        };
        for _ in 0..8 {
            assert_eq!(
                post(&app, SIGNUP, &unconsented).await,
                StatusCode::UNPROCESSABLE_ENTITY
            );
        }
        for i in 0..5 {
            let req = signup_request(
                &format!("Applicant{i}"),
                Some(&format!("a{i}@example.be")),
                None,
            );
            assert_eq!(
                post(&app, SIGNUP, &req).await,
                StatusCode::ACCEPTED,
                "sign-up {i}"
            );
        }
        let sixth = signup_request("Sixth", Some("sixth@example.be"), None);
        assert_eq!(
            post(&app, SIGNUP, &sixth).await,
            StatusCode::TOO_MANY_REQUESTS
        );

        // The public registration has its own quota: sign-ups did not use it up, and neither
        // do refused registrations.
        let token = app.token_for(Role::Coordinator).await;
        let a = create_activity(&app, &token, &upcoming("Repair café", 5, Some(40))).await;
        let path = format!("{EVENTS}/{}/register", a.id);
        let mut no_consent = registration("Nope", "nope@example.be");
        no_consent.consent = false;
        for _ in 0..12 {
            assert_eq!(
                post(&app, &path, &no_consent).await,
                StatusCode::UNPROCESSABLE_ENTITY
            );
        }
        for i in 0..10 {
            let body = registration(&format!("Visitor{i}"), &format!("v{i}@example.be"));
            assert_eq!(
                post(&app, &path, &body).await,
                StatusCode::ACCEPTED,
                "registration {i}"
            );
        }
        let body = registration("Eleventh", "eleventh@example.be");
        assert_eq!(
            post(&app, &path, &body).await,
            StatusCode::TOO_MANY_REQUESTS
        );
    }
);

both!(
    the_venue_wifi_has_a_larger_allowance,
    with |s: &mut Settings| {
        s.venue_addresses = AddressList::parse("127.0.0.0/8").expect("venue");
        s.venue_forms = RateLimit {
            max: 8,
            window: Duration::from_secs(3600),
        };
    },
    |app: TestApp| async move {
        for i in 0..8 {
            let req = signup_request(&format!("Guest{i}"), Some(&format!("g{i}@example.be")), None);
            assert_eq!(post(&app, SIGNUP, &req).await, StatusCode::ACCEPTED, "sign-up {i}");
        }
        let req = signup_request("Ninth", Some("ninth@example.be"), None);
        assert_eq!(post(&app, SIGNUP, &req).await, StatusCode::TOO_MANY_REQUESTS);
    }
);

both!(
    two_tabs_refreshing_at_once_stay_signed_in,
    with |s: &mut Settings| s.refresh_grace = Duration::from_secs(2),
    |app: TestApp| async move {
        app.create_user("tabs@example.be", Role::Coach);
        let session = app.sign_in("tabs@example.be", PASSWORD).await;
        // Both tabs send the same cookie at the same moment.
        let (a, b) = tokio::join!(
            app.with_refresh_cookie("refresh", &session.refresh),
            app.with_refresh_cookie("refresh", &session.refresh),
        );
        let (a_token, b_token) = (refresh_cookie(&a), refresh_cookie(&b));
        assert_eq!((a.status(), b.status()), (StatusCode::OK, StatusCode::OK));
        let (Some(a_token), Some(b_token)) = (a_token, b_token) else {
            panic!("a tab got no new cookie");
        };
        // Whichever cookie the browser kept works on.
        let mut newest = Vec::new();
        for token in [&a_token, &b_token] {
            let res = app.with_refresh_cookie("refresh", token).await;
            assert_eq!(res.status(), StatusCode::OK);
            newest.push(refresh_cookie(&res).expect("rotated cookie"));
        }
        // After the grace period, presenting the old token again is a reuse: the family is
        // revoked, its newest tokens included.
        tokio::time::sleep(Duration::from_millis(2200)).await;
        let res = app.with_refresh_cookie("refresh", &session.refresh).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        for token in &newest {
            let res = app.with_refresh_cookie("refresh", token).await;
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "the family survived a late reuse");
        }
    }
);
