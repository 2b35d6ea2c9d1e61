//! Several server processes on one PostgreSQL database (`TestApp::another` starts a second
//! server on the test's database): each notice is emailed once by N senders, a sender killed
//! mid-send loses none (its lease runs out, another delivers it again with the same
//! `Message-ID`). PostgreSQL only: the deployment with several instances.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use interra_api::notify::mail::{Mailer, DEFAULT_SENDER};
use reqwest::StatusCode;
use shared::activities::ActivityStatus;
use shared::auth::Role;

use crate::activity_fixtures::*;
use crate::helpers::{Backend, TestApp};
use crate::notifications::{smtp_sink_with, Mail};

/// The PostgreSQL test app (no mail server), or `None` when PostgreSQL is not configured.
async fn postgres() -> Option<TestApp> {
    TestApp::spawn(Backend::Postgres).await
}

/// `n` people with an email registered on an activity that is then cancelled: `n` email notices
/// wait in the outbox. Returns the addresses.
async fn queue_cancellations(app: &TestApp, n: usize) -> BTreeSet<String> {
    let token = app.token_for(Role::Coordinator).await;
    let input = upcoming("Fête de quartier", 5, None);
    let a = create_activity(app, &token, &input).await;
    let mut emails = BTreeSet::new();
    for i in 0..n {
        let person = person_input(&format!("P{i}"), i % 2 == 0);
        emails.insert(person.email.clone().expect("email"));
        let id = create_person_from(app, &token, &person).await.id;
        register(app, &token, a.id, id).await;
    }
    let mut cancelled = input.clone();
    cancelled.status = Some(ActivityStatus::Cancelled);
    cancelled.cancel_reason = Some("Pluie annoncée".into());
    update_activity(app, &token, a.id, &cancelled).await;
    let waiting = count(
        app,
        "SELECT COUNT(*) AS n FROM notifications WHERE status = 'pending' AND channel = 'email'",
    );
    assert_eq!(waiting, n as i64);
    emails
}

/// Waits until `n` notices are sent (at most a minute).
async fn until_sent(app: &TestApp, n: i64) {
    for _ in 0..600 {
        if count(
            app,
            "SELECT COUNT(*) AS n FROM notifications WHERE status = 'sent'",
        ) == n
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the notices were not all sent within a minute");
}

fn mails_per_address(inbox: &[Mail]) -> BTreeMap<String, Vec<Mail>> {
    let mut out: BTreeMap<String, Vec<Mail>> = BTreeMap::new();
    for m in inbox {
        for to in &m.to {
            out.entry(to.clone()).or_default().push(m.clone());
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_senders_deliver_200_notices_exactly_once() {
    let Some(app) = postgres().await else {
        return;
    };
    let emails = queue_cancellations(&app, 200).await;
    let (url, inbox) = smtp_sink_with(Duration::from_millis(10), None).await;
    let mail = Mailer::parse(&url, DEFAULT_SENDER).expect("mail settings");
    let one = app.another(|s| s.mail = Some(mail.clone())).await;
    let two = app.another(|s| s.mail = Some(mail.clone())).await;
    until_sent(&app, 200).await;
    // Anything sent twice would arrive meanwhile.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let inbox = inbox.lock().expect("inbox").clone();
    assert_eq!(inbox.len(), 200, "each notice is emailed exactly once");
    let per_address = mails_per_address(&inbox);
    assert_eq!(per_address.keys().cloned().collect::<BTreeSet<_>>(), emails);
    let ids: BTreeSet<_> = inbox.iter().filter_map(Mail::message_id).collect();
    assert_eq!(ids.len(), 200, "one Message-ID per notice");
    // Both senders took part.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(DISTINCT claimed_by) AS n FROM notifications WHERE status = 'sent'"
        ),
        2
    );
    drop((one, two));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_sender_killed_mid_send_loses_no_notice() {
    let Some(app) = postgres().await else {
        return;
    };
    let emails = queue_cancellations(&app, 200).await;
    // The first message is received but never acknowledged: its sender dies meanwhile.
    let (url, inbox) = smtp_sink_with(Duration::ZERO, Some(0)).await;
    let mail = Mailer::parse(&url, DEFAULT_SENDER).expect("mail settings");
    let lease = Duration::from_secs(2);
    let first = app
        .another(|s| {
            s.mail = Some(mail.clone());
            s.outbox_lease = lease;
        })
        .await;
    for _ in 0..100 {
        if !inbox.lock().expect("inbox").is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    first.kill().await;
    let claimed = count(
        &app,
        "SELECT COUNT(*) AS n FROM notifications WHERE claimed_by IS NOT NULL",
    );
    assert!(claimed >= 1, "the killed sender held a batch");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM notifications WHERE status = 'sent'"
        ),
        0
    );
    let second = app
        .another(|s| {
            s.mail = Some(mail.clone());
            s.outbox_lease = lease;
        })
        .await;
    until_sent(&app, 200).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let inbox = inbox.lock().expect("inbox").clone();
    let per_address = mails_per_address(&inbox);
    assert_eq!(
        per_address.keys().cloned().collect::<BTreeSet<_>>(),
        emails,
        "nobody is left without their email"
    );
    // At least once: the message the killed sender was sending arrives a second time, with
    // the same Message-ID; every other one arrives once.
    assert_eq!(inbox.len(), 201);
    let twice: Vec<&Vec<Mail>> = per_address.values().filter(|m| m.len() > 1).collect();
    assert_eq!(twice.len(), 1);
    assert_eq!(twice[0][0].message_id(), twice[0][1].message_id());
    assert!(twice[0][0].message_id().is_some());
    drop(second);
}

/// The database URL of a PostgreSQL test app.
fn pg_url(app: &TestApp) -> String {
    match &app.settings.database_url {
        interra_api::db::DatabaseUrl::Postgres(url) => url.clone(),
        other => panic!("not PostgreSQL: {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_instance_at_a_time_runs_the_housekeeping() {
    use diesel::connection::SimpleConnection;
    use diesel::{Connection, PgConnection, RunQueryDsl};
    use interra_api::housekeeping::{round, JOB};

    let Some(app) = postgres().await else {
        return;
    };
    let other = app.another(|_| {}).await;
    let hour = Duration::from_secs(3600);
    // Another process is running the job: this one skips its round instead of waiting.
    let mut holder = PgConnection::establish(&pg_url(&app)).expect("connect");
    holder.batch_execute("BEGIN").expect("begin");
    diesel::sql_query("SELECT pg_advisory_xact_lock($1)")
        .bind::<diesel::sql_types::BigInt, _>(interra_api::db::lock::key(JOB))
        .execute(&mut holder)
        .expect("lock");
    let mut conn = app.db.conn().expect("conn");
    assert_eq!(round(&mut conn, hour).expect("round"), None);
    holder.batch_execute("COMMIT").expect("commit");
    // Free again: it runs, once; the other instance then skips it for the period.
    assert!(round(&mut conn, hour).expect("round").is_some());
    let mut theirs = other.db.conn().expect("conn");
    assert_eq!(round(&mut theirs, hour).expect("round"), None);
    assert_eq!(round(&mut conn, hour).expect("round"), None);
    // With a short period, it runs again.
    tokio::time::sleep(Duration::from_millis(60)).await;
    assert!(round(&mut theirs, Duration::from_millis(100))
        .expect("round")
        .is_some());
}

/// Behind a trusted proxy (127.0.0.1); no growing delay, so that only the lock per (account,
/// address) applies.
fn lock_only(s: &mut interra_api::config::Settings) {
    s.trusted_proxies =
        interra_api::http::proxy::TrustedProxies::parse("127.0.0.1").expect("proxies");
    s.login_delay.free = 1000;
}

async fn login_from(app: &TestApp, address: &str, email: &str, password: &str) -> StatusCode {
    app.bare
        .post(app.url("/api/v1/auth/login"))
        .header("x-forwarded-for", address)
        .json(&shared::auth::LoginRequest {
            email: email.into(),
            password: password.into(),
        })
        .send()
        .await
        .expect("request")
        .status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sign_in_lock_holds_across_instances() {
    let Some(app) = TestApp::spawn_with(Backend::Postgres, lock_only).await else {
        return;
    };
    let other = app.another(lock_only).await;
    let email = "coordinator@example.be";
    app.create_user(email, Role::Coordinator);
    let attacker = "203.0.113.66";
    let max = app.settings.login_failures_per_address.max;
    // The failures alternate between the two instances: together they reach the limit.
    for i in 0..max {
        let server = if i % 2 == 0 { &app } else { &other };
        assert_eq!(
            login_from(server, attacker, email, "guessing wrongly").await,
            StatusCode::UNAUTHORIZED
        );
    }
    for server in [&app, &other] {
        assert_eq!(
            login_from(server, attacker, email, crate::helpers::PASSWORD).await,
            StatusCode::TOO_MANY_REQUESTS,
            "the address is locked out of the account on every instance"
        );
    }
    // Another address is not locked.
    assert_eq!(
        login_from(&other, "192.0.2.10", email, crate::helpers::PASSWORD).await,
        StatusCode::OK
    );
}

/// The public JSON agenda of one instance: its `ETag` and body.
async fn agenda(app: &TestApp) -> (String, String) {
    let res = app.bare.get(app.url(EVENTS)).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    let etag = res
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (etag, res.text().await.expect("body"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_on_one_instance_shows_in_the_others_feed() {
    let Some(app) = postgres().await else {
        return;
    };
    let other = app.another(|_| {}).await;
    let token = app.token_for(Role::Coordinator).await;
    create_activity(&app, &token, &upcoming("Atelier vélo", 4, Some(10))).await;
    let (before, _) = agenda(&other).await;
    assert_eq!(
        agenda(&app).await.0,
        before,
        "the same ETag on both instances"
    );

    let written = std::time::Instant::now();
    create_activity(&app, &token, &upcoming("Repair café", 6, Some(10))).await;
    // The documented delay: the feed cache's version check (VERSION_MAX_AGE, 2 s).
    let deadline = interra_api::activities::feeds::cache::VERSION_MAX_AGE + Duration::from_secs(1);
    loop {
        let (etag, body) = agenda(&other).await;
        if body.contains("Repair café") {
            assert_ne!(etag, before, "a new ETag with the new content");
            assert_eq!(
                agenda(&app).await.0,
                etag,
                "the same ETag on both instances"
            );
            break;
        }
        assert_eq!(etag, before, "the old content keeps its ETag");
        assert!(written.elapsed() < deadline, "not seen within {deadline:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn public_form(i: usize) -> shared::activities::PublicRegistration {
    shared::activities::PublicRegistration {
        first_name: format!("Visiteur {i}"),
        email: Some(format!("visiteur-{i}@example.org")),
        profile: Some(shared::people::Category::Local),
        lang: shared::Lang::Fr,
        notice_version: "2026-11".into(),
        consent: true,
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_registrations_for_twenty_seats_over_two_instances() {
    // Every request comes from 127.0.0.1: lift the per-address limit of public forms.
    let lifted = |s: &mut interra_api::config::Settings| {
        s.registrations_per_ip = interra_api::config::RateLimit {
            max: 10_000,
            window: Duration::from_secs(3600),
        };
    };
    let Some(app) = TestApp::spawn_with(Backend::Postgres, lifted).await else {
        return;
    };
    let other = app.another(lifted).await;
    let token = app.token_for(Role::Coordinator).await;
    let a = create_activity(&app, &token, &upcoming("Visite guidée", 9, Some(20))).await;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..200 {
        let server = if i % 2 == 0 { &app } else { &other };
        let (client, url) = (
            server.bare.clone(),
            server.url(&format!("{EVENTS}/{}/register", a.id)),
        );
        tasks.spawn(async move {
            client
                .post(url)
                .json(&public_form(i))
                .send()
                .await
                .expect("request")
                .status()
        });
    }
    while let Some(status) = tasks.join_next().await {
        assert_eq!(status.expect("task"), StatusCode::ACCEPTED);
    }
    let registered = format!(
        "SELECT COUNT(*) AS n FROM registrations WHERE activity_id = '{}' AND status = 'registered'",
        a.id
    );
    assert_eq!(count(&app, &registered), 20, "no overbooking");
    let waiting = format!(
        "SELECT COUNT(*) AS n FROM registrations WHERE activity_id = '{}' AND status = 'waitlisted'",
        a.id
    );
    assert_eq!(count(&app, &waiting), 180);
}
