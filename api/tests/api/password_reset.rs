//! Password links (issue 19 §4): "forgot my password" answers the same whoever the address
//! belongs to and emails a single-use link; following it sets the password and ends every
//! session of the account; administrators send a reset or invitation link to a colleague, and
//! get the link to pass on when no mail server is configured.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use interra_api::notify::mail::{Mailer, DEFAULT_SENDER};
use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::auth::{Role, RESET_PAGE};
use shared::users::{PasswordLink, StaffUser};

use crate::activity_fixtures::count;
use crate::both;
use crate::helpers::{expect_json, expect_problem, Backend, TestApp, PASSWORD};
use crate::notifications::{readable, smtp_sink, Mail};

const FORGOT: &str = "/api/v1/auth/password-reset";
const CONFIRM: &str = "/api/v1/auth/password-reset/confirm";
const NEW_PASSWORD: &str = "les tomates de Droixhe mûrissent";

async fn forgot(app: &TestApp, email: &str, lang: &str) -> (StatusCode, String) {
    let res = app
        .bare
        .post(app.url(FORGOT))
        .json(&json!({ "email": email, "lang": lang }))
        .send()
        .await
        .expect("request");
    (res.status(), res.text().await.expect("body"))
}

async fn confirm(app: &TestApp, token: &str, password: &str) -> reqwest::Response {
    app.bare
        .post(app.url(CONFIRM))
        .json(&json!({ "token": token, "new_password": password }))
        .send()
        .await
        .expect("request")
}

/// The mails received for `to`, waiting up to 10 s for `n` of them.
async fn mails_to(inbox: &Arc<Mutex<Vec<Mail>>>, to: &str, n: usize) -> Vec<Mail> {
    let mut found = Vec::new();
    for _ in 0..100 {
        found = inbox
            .lock()
            .expect("inbox")
            .iter()
            .filter(|m| m.to == vec![to.to_owned()])
            .cloned()
            .collect();
        if found.len() >= n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    found
}

/// The token of the reset link in an email.
fn link_token(mail: &Mail) -> String {
    let text = readable(&mail.data);
    let link = text
        .split_whitespace()
        .find(|w| w.contains(&format!("{RESET_PAGE}?token=")))
        .unwrap_or_else(|| panic!("no link in {text}"));
    link.split("token=").nth(1).expect("token").to_owned()
}

async fn with_mail(backend: Backend) -> Option<(TestApp, Arc<Mutex<Vec<Mail>>>)> {
    let (url, inbox) = smtp_sink().await;
    let app = TestApp::spawn_with(backend, |s| {
        s.mail = Some(Mailer::parse(&url, DEFAULT_SENDER).expect("mail settings"));
    })
    .await?;
    Some((app, inbox))
}

async fn forgotten_password_is_reset_once_and_ends_sessions(backend: Backend) {
    let Some((app, inbox)) = with_mail(backend).await else {
        return;
    };
    let email = "karim.b@example.be";
    app.create_user(email, Role::Coach);
    let session = app.sign_in(email, PASSWORD).await;

    // A known and an unknown address get the same answer.
    let known = forgot(&app, email, "en").await;
    let unknown = forgot(&app, "nobody@example.be", "en").await;
    assert_eq!(known.0, StatusCode::ACCEPTED);
    assert_eq!(
        known, unknown,
        "the answer does not tell whether the account exists"
    );

    let mails = mails_to(&inbox, email, 1).await;
    assert_eq!(mails.len(), 1, "one reset email");
    let text = readable(&mails[0].data);
    assert!(text.contains("Choose a new password"), "{text}");
    assert!(text.contains("Hello User karim.b@example.be"), "{text}");
    assert_eq!(
        inbox.lock().expect("inbox").len(),
        1,
        "nothing for the unknown address"
    );
    let token = link_token(&mails[0]);
    assert!(token.len() >= 40, "{token}");
    // Once sent, only the token's hash is kept.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM password_links WHERE token IS NOT NULL"
        ),
        0
    );

    // The password policy applies; a refused password leaves the link usable.
    let weak = expect_problem(
        confirm(&app, &token, "short").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(!weak.field_errors("new_password").is_empty(), "{weak:?}");
    let res = confirm(&app, &token, NEW_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);

    // Single use.
    let again = expect_problem(
        confirm(&app, &token, NEW_PASSWORD).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(again.field_errors("token").len(), 1, "{again:?}");

    // Every session of the account ended: its access token and its refresh cookie.
    let me = app.get("/api/v1/auth/me", Some(&session.access)).await;
    assert_eq!(me.status(), StatusCode::UNAUTHORIZED);
    let renewed = app.with_refresh_cookie("refresh", &session.refresh).await;
    assert_eq!(renewed.status(), StatusCode::UNAUTHORIZED);

    // The new password works, the old one not.
    assert_eq!(
        app.login(email, PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login(email, NEW_PASSWORD).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.password_reset'"
        ),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forgotten_password_is_reset_once_and_ends_sessions_sqlite() {
    forgotten_password_is_reset_once_and_ends_sessions(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forgotten_password_is_reset_once_and_ends_sessions_postgres() {
    forgotten_password_is_reset_once_and_ends_sessions(Backend::Postgres).await;
}

async fn reset_requests_are_throttled(backend: Backend) {
    let Some((app, inbox)) = with_mail(backend).await else {
        return;
    };
    let email = "nadia.k@example.be";
    app.create_user(email, Role::Coordinator);
    for _ in 0..5 {
        assert_eq!(forgot(&app, email, "fr").await.0, StatusCode::ACCEPTED);
    }
    // Three links an hour for one account, each replacing the previous one.
    assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM password_links"), 3);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM password_links WHERE used_at IS NULL"
        ),
        1
    );
    let mails = mails_to(&inbox, email, 3).await;
    assert!(readable(&mails[0].data).contains("Choisir un nouveau mot de passe"));
    // Only the newest link works.
    let tokens: Vec<String> = mails.iter().map(link_token).collect();
    let last = tokens.last().expect("a link").clone();
    for old in &tokens[..tokens.len() - 1] {
        if *old != last {
            assert_eq!(
                confirm(&app, old, NEW_PASSWORD).await.status(),
                StatusCode::UNPROCESSABLE_ENTITY
            );
        }
    }
    // And one address cannot go on asking.
    let mut limited = false;
    for _ in 0..10 {
        if forgot(&app, "someone@example.be", "fr").await.0 == StatusCode::TOO_MANY_REQUESTS {
            limited = true;
            break;
        }
    }
    assert!(limited, "requests per address are throttled");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_requests_are_throttled_sqlite() {
    reset_requests_are_throttled(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_requests_are_throttled_postgres() {
    reset_requests_are_throttled(Backend::Postgres).await;
}

async fn link(
    app: &TestApp,
    token: &str,
    id: impl std::fmt::Display,
    purpose: &str,
) -> reqwest::Response {
    app.send_json(
        Method::POST,
        &format!("/api/v1/users/{id}/password-link"),
        Some(token),
        &json!({ "purpose": purpose, "lang": "fr" }),
    )
    .await
}

both!(
    without_mail_the_admin_gets_an_invitation_link_to_pass_on,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        // An account created without a password: nobody can sign in to it yet.
        let res = app
            .send_json(
                Method::POST,
                "/api/v1/users",
                Some(&admin),
                &json!({ "email": "leila.m@example.be", "display_name": "Leila M", "role": "coach" }),
            )
            .await;
        let leila: StaffUser = expect_json(res, StatusCode::CREATED).await;

        // Without a mail server "forgot my password" sends nothing (and says the same).
        assert_eq!(
            forgot(&app, "leila.m@example.be", "fr").await.0,
            StatusCode::ACCEPTED
        );
        assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM password_links"), 0);

        // Only administrators make links.
        let coordinator = app.token_for(Role::Coordinator).await;
        assert_eq!(
            link(&app, &coordinator, leila.id, "invitation")
                .await
                .status(),
            StatusCode::FORBIDDEN
        );

        let first: PasswordLink = expect_json(
            link(&app, &admin, leila.id, "invitation").await,
            StatusCode::CREATED,
        )
        .await;
        assert!(!first.emailed);
        let first_link = first.link.expect("the link to pass on");
        assert!(
            first_link.contains(&format!("{RESET_PAGE}?token=")),
            "{first_link}"
        );
        let days = (first.expires_at - chrono::Utc::now()).num_hours();
        assert!(
            (167..=168).contains(&days),
            "an invitation lasts a week: {days} h"
        );
        // The link handed over is not stored.
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) AS n FROM password_links WHERE token IS NOT NULL"
            ),
            0
        );

        // A newer link replaces it.
        let second: PasswordLink = expect_json(
            link(&app, &admin, leila.id, "reset").await,
            StatusCode::CREATED,
        )
        .await;
        let hours = (second.expires_at - chrono::Utc::now()).num_minutes();
        assert!(
            (59..=60).contains(&hours),
            "a reset lasts an hour: {hours} min"
        );
        let token_of = |l: &str| l.split("token=").nth(1).expect("token").to_owned();
        let stale = confirm(&app, &token_of(&first_link), NEW_PASSWORD).await;
        assert_eq!(stale.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let res = confirm(&app, &token_of(&second.link.expect("link")), NEW_PASSWORD).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert_eq!(
            app.login("leila.m@example.be", NEW_PASSWORD).await.status(),
            StatusCode::OK
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'user.password_link_created'"
            ),
            2
        );

        // Unknown account: 404.
        let res = link(&app, &admin, uuid::Uuid::now_v7(), "reset").await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);

async fn with_mail_the_invitation_is_emailed(backend: Backend) {
    let Some((app, inbox)) = with_mail(backend).await else {
        return;
    };
    let admin = app.token_for(Role::Admin).await;
    let omar = app.create_user("omar.s@example.be", Role::Coach);
    let made: PasswordLink = expect_json(
        link(&app, &admin, &omar.id, "invitation").await,
        StatusCode::CREATED,
    )
    .await;
    assert!(made.emailed && made.link.is_none(), "{made:?}");
    let mails = mails_to(&inbox, "omar.s@example.be", 1).await;
    let text = readable(&mails.first().expect("an invitation email").data);
    assert!(
        text.contains("Un compte Interra a été créé pour vous"),
        "{text}"
    );
    let res = confirm(&app, &link_token(&mails[0]), NEW_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_mail_the_invitation_is_emailed_sqlite() {
    with_mail_the_invitation_is_emailed(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_mail_the_invitation_is_emailed_postgres() {
    with_mail_the_invitation_is_emailed(Backend::Postgres).await;
}
