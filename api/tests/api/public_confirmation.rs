//! Public registration with someone else's email (issue 12 §4): the answer is the same whoever
//! the address belongs to, and an existing person is registered only once they follow the link
//! emailed to the address on their record, which works once.

use std::time::Duration;

use interra_api::notify::mail::{Mailer, DEFAULT_SENDER};
use reqwest::{Method, StatusCode};
use shared::activities::{PublicRegistration, RegistrationSource, RegistrationStatus};
use shared::auth::Role;
use shared::people::Category;
use shared::Lang;

use crate::activity_fixtures::*;
use crate::helpers::{Backend, TestApp};
use crate::notifications::{readable, smtp_sink};

const CONFIRM: &str = "/confirm/registration";

fn form(first_name: &str, email: &str) -> PublicRegistration {
    PublicRegistration {
        first_name: first_name.into(),
        email: Some(email.into()),
        profile: Some(Category::Local),
        lang: Lang::En,
        notice_version: "2026-11".into(),
        consent: true,
        ..Default::default()
    }
}

/// Posts the public form; returns the raw answer after checking its status.
async fn register_public(app: &TestApp, activity: uuid::Uuid, form: &PublicRegistration) -> String {
    let path = format!("{EVENTS}/{activity}/register");
    let res = send_with(app, Method::POST, &path, None, &[], Some(form)).await;
    let status = res.status();
    let text = res.text().await.expect("body");
    assert_eq!(status, StatusCode::ACCEPTED, "{text}");
    text
}

async fn confirmation_needs_the_persons_own_click(backend: Backend) {
    let (url, inbox) = smtp_sink().await;
    let Some(app) = TestApp::spawn_with(backend, |s| {
        s.mail = Some(Mailer::parse(&url, DEFAULT_SENDER).expect("mail settings"));
    })
    .await
    else {
        return;
    };
    let token = app.token_for(Role::Coordinator).await;
    let a = create_activity(&app, &token, &upcoming("Atelier cuisine", 6, Some(10))).await;
    let known = person_input("Yasmine", false);
    let known_email = known.email.clone().expect("email");
    let yasmine = create_person_from(&app, &token, &known).await.id;

    // A new address and Yasmine's address, typed by someone else: the same answer.
    let fresh = register_public(&app, a.id, &form("Nora", "nora.new@example.org")).await;
    let taken = register_public(&app, a.id, &form("Intruder", &known_email)).await;
    assert_eq!(fresh, taken, "the answer does not depend on the address");
    let receipt: serde_json::Value = serde_json::from_str(&taken).expect("json");
    assert_eq!(receipt["status"], "registered");

    // Only Nora is registered; Yasmine's record and registrations are untouched.
    let regs = registrations(&app, &token, a.id).await;
    assert_eq!(regs.len(), 1, "{regs:?}");
    assert!(regs[0].display_name.contains("Nora"));
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM people WHERE first_name = 'Intruder'"
        ),
        0
    );

    // The link goes to Yasmine's address.
    let mut mail = None;
    for _ in 0..100 {
        mail = inbox
            .lock()
            .expect("inbox")
            .iter()
            .find(|m| m.to == vec![known_email.clone()])
            .cloned();
        if mail.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let text = readable(&mail.expect("a confirmation email within 10 s").data);
    assert!(text.contains("Hello Yasmine"), "{text}");
    assert!(text.contains("“Atelier cuisine”"), "{text}");
    let link = text
        .split_whitespace()
        .find(|w| w.contains(&format!("{CONFIRM}?token=")))
        .unwrap_or_else(|| panic!("no link in {text}"));
    let link_token = link.split("token=").nth(1).expect("token").to_owned();
    assert!(link_token.len() >= 40, "{link}");
    // Only its hash is kept once sent.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM registration_confirmations WHERE token IS NOT NULL"
        ),
        0
    );

    // Opening the link (as a mail scanner would) only asks.
    let page = app
        .get(&format!("{CONFIRM}?token={link_token}"), None)
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(html.contains("Atelier cuisine") && html.contains("<form method=\"post\""));
    assert_eq!(registrations(&app, &token, a.id).await.len(), 1);

    // Her click registers her, from the public form.
    let confirm = || {
        let (app, token) = (&app, link_token.clone());
        async move {
            app.bare
                .post(app.url(CONFIRM))
                .form(&[("token", token.as_str())])
                .send()
                .await
                .expect("request")
        }
    };
    let res = confirm().await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("registration is recorded"));
    let regs = registrations(&app, &token, a.id).await;
    assert_eq!(regs.len(), 2);
    let hers = of(&regs, yasmine);
    assert_eq!(hers.status, RegistrationStatus::Registered);
    assert_eq!(hers.source, RegistrationSource::Public);

    // The link works once.
    let res = confirm().await;
    let status = res.status();
    let body = res.text().await.expect("body");
    assert_eq!(status, StatusCode::GONE, "{body}");
    let again = app
        .get(&format!("{CONFIRM}?token={link_token}"), None)
        .await;
    assert_eq!(again.status(), StatusCode::GONE);
    assert_eq!(registrations(&app, &token, a.id).await.len(), 2);
    let forged = app
        .get(&format!("{CONFIRM}?token=forged-token"), None)
        .await;
    assert_eq!(forged.status(), StatusCode::GONE);

    // Registered now, the same form changes nothing and sends nothing; the answer is still
    // the one anyone gets.
    let before = inbox.lock().expect("inbox").len();
    let repeated = register_public(&app, a.id, &form("Intruder", &known_email)).await;
    let other_fresh = register_public(&app, a.id, &form("Omar", "omar.new@example.org")).await;
    assert_eq!(repeated, other_fresh);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(inbox.lock().expect("inbox").len(), before);
    assert_eq!(registrations(&app, &token, a.id).await.len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn confirmation_needs_the_persons_own_click_sqlite() {
    confirmation_needs_the_persons_own_click(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn confirmation_needs_the_persons_own_click_postgres() {
    confirmation_needs_the_persons_own_click(Backend::Postgres).await;
}
