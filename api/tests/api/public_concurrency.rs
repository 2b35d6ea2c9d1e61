//! Public forms under concurrency: the same person arriving twice at the same moment (a double
//! tap, a retried request) is found, not created twice.

use std::time::Duration;

use interra_api::config::RateLimit;
use reqwest::StatusCode;
use shared::activities::{PublicRegistration, PublicRegistrationReceipt};
use shared::auth::Role;
use shared::people::Category;
use shared::Lang;

use crate::activity_fixtures::*;
use crate::helpers::{expect_json, Backend, TestApp};
use crate::people_fixtures::{signup_request, SIGNUP};

const PARALLEL: usize = 24;

async fn app(backend: Backend) -> Option<TestApp> {
    // Every request comes from 127.0.0.1: lift the per-address limit of public forms.
    TestApp::spawn_with(backend, |s| {
        let lifted = RateLimit {
            max: 10_000,
            window: Duration::from_secs(3600),
        };
        s.signups_per_ip = lifted;
        s.registrations_per_ip = lifted;
    })
    .await
}

fn form(email: Option<&str>, phone: Option<&str>) -> PublicRegistration {
    PublicRegistration {
        first_name: "Samia".into(),
        email: email.map(str::to_owned),
        phone: phone.map(str::to_owned),
        profile: Some(Category::Newcomer),
        arrival_year: Some(2024),
        lang: Lang::Fr,
        notice_version: "2026-11".into(),
        consent: true,
        ..Default::default()
    }
}

/// Sends all the forms at once; every one is answered 202.
async fn all_at_once<B: serde::Serialize + Send + 'static>(
    app: &TestApp,
    url: &str,
    bodies: Vec<B>,
) {
    let mut tasks = tokio::task::JoinSet::new();
    for body in bodies {
        let (client, url) = (app.bare.clone(), url.to_owned());
        tasks.spawn(async move { client.post(url).json(&body).send().await.expect("request") });
    }
    while let Some(res) = tasks.join_next().await {
        let res = res.expect("task");
        let status = res.status();
        let text = res.text().await.unwrap_or_default();
        assert_eq!(status, StatusCode::ACCEPTED, "{text}");
    }
}

async fn same_person_at_the_same_moment(backend: Backend) {
    let Some(app) = app(backend).await else {
        return;
    };
    let token = app.token_for(Role::Coordinator).await;
    let a = create_activity(&app, &token, &upcoming("Cuisine syrienne", 5, Some(30))).await;
    let url = app.url(&format!("{EVENTS}/{}/register", a.id));

    // The same address, typed in different cases.
    let forms = (0..PARALLEL)
        .map(|i| {
            let email = if i % 2 == 0 {
                "samia.haddad@example.org"
            } else {
                "Samia.Haddad@Example.ORG"
            };
            form(Some(email), None)
        })
        .collect();
    all_at_once(&app, &url, forms).await;
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM people WHERE email = 'samia.haddad@example.org'"
        ),
        1,
        "one person per email"
    );
    let regs = registrations(&app, &token, a.id).await;
    assert_eq!(regs.len(), 1, "registered once: {regs:?}");

    // The same phone number, written three ways, without an email.
    let forms = (0..PARALLEL)
        .map(|i| {
            form(
                None,
                Some(["0470 12 34 56", "+32 470 12 34 56", "0470/12.34.56"][i % 3]),
            )
        })
        .collect();
    all_at_once(&app, &url, forms).await;
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM people WHERE phone = '+32470123456'"
        ),
        1,
        "one person per phone"
    );
    assert_eq!(registrations(&app, &token, a.id).await.len(), 2);

    // Once more, in yet another case: already registered, answered the same way, nothing added.
    let receipt: PublicRegistrationReceipt = expect_json(
        app.bare
            .post(&url)
            .json(&form(Some("SAMIA.HADDAD@example.org"), None))
            .send()
            .await
            .expect("request"),
        StatusCode::ACCEPTED,
    )
    .await;
    assert_eq!(
        receipt.status,
        shared::activities::RegistrationStatus::Registered
    );
    assert_eq!(registrations(&app, &token, a.id).await.len(), 2);
}

/// Public sign-ups always go to the review queue as new records; those arriving together with
/// the same email are all flagged as possible duplicates of the first one, none slips through
/// unflagged.
async fn signups_at_the_same_moment_are_flagged(backend: Backend) {
    let Some(app) = app(backend).await else {
        return;
    };
    let url = app.url(SIGNUP);
    let forms = (0..PARALLEL)
        .map(|_| signup_request("Yara", Some("yara.signup@example.org"), None))
        .collect();
    all_at_once(&app, &url, forms).await;
    let with_email = "FROM people WHERE email = 'yara.signup@example.org'";
    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) AS n {with_email}")),
        PARALLEL as i64
    );
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) AS n {with_email} AND possible_duplicate_of IS NULL")
        ),
        1,
        "exactly one original"
    );
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT COUNT(*) AS n {with_email} AND possible_duplicate_of = \
                 (SELECT id {with_email} AND possible_duplicate_of IS NULL)"
            )
        ),
        PARALLEL as i64 - 1,
        "all the others point at it"
    );
}

mod public_registration_same_person {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn sqlite() {
        same_person_at_the_same_moment(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn postgres() {
        same_person_at_the_same_moment(Backend::Postgres).await;
    }
}

mod public_signup_same_person {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn sqlite() {
        signups_at_the_same_moment_are_flagged(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn postgres() {
        signups_at_the_same_moment_are_flagged(Backend::Postgres).await;
    }
}
