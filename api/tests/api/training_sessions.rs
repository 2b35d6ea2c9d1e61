//! Trainings, session by session: the reminders the day before (once per seat, in the
//! trainee's language, with the feed's calendar event attached; staff told of those without
//! an e-mail), one "a place is yours" notice per course, and attendance refused before a
//! session starts.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Brussels;
use interra_api::notify::mail::{Mailer, DEFAULT_SENDER};
use interra_api::trainings::service::reminders;
use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::activities::RegistrationStatus;
use shared::auth::Role;
use shared::notifications::{Notification, NotificationChannel, NotificationKind};
use shared::people::LanguageLevel;
use shared::trainings::{Course, Trainee};
use shared::Page;

use crate::activity_fixtures::{count, in_days};
use crate::both;
use crate::helpers::{expect_json, expect_problem, Backend, TestApp};
use crate::notifications::smtp_sink;
use crate::people_fixtures::{create, PersonBuilder as P};
use crate::trainings::{course, mark, module, register, trainees, COURSES};

/// Noon in Brussels on the day before the session that starts at `start`.
fn day_before_noon(start: DateTime<Utc>) -> DateTime<Utc> {
    let day = start.with_timezone(&Brussels).date_naive() - chrono::Duration::days(1);
    Brussels
        .from_local_datetime(&day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

fn queue(app: &TestApp, now: DateTime<Utc>) -> usize {
    let mut conn = app.db.conn().expect("conn");
    interra_api::db::write_transaction(&mut conn, |c| reminders::queue_due(c, now))
        .expect("reminders queued")
}

/// A MIME message's parts (headers, decoded body), one level deep.
fn parts(data: &str) -> Vec<(String, String)> {
    let (headers, body) = data.split_once("\n\n").unwrap_or((data, ""));
    let unfolded = headers.replace("\n ", " ").replace("\n\t", " ");
    let Some(boundary) = unfolded
        .lines()
        .find(|l| {
            l.to_ascii_lowercase()
                .starts_with("content-type: multipart/")
        })
        .and_then(|l| l.split("boundary=").nth(1))
        .map(|b| b.trim_matches('"').to_owned())
    else {
        return vec![(headers.to_owned(), body.to_owned())];
    };
    body.split(&format!("--{boundary}"))
        .skip(1)
        .filter(|p| !p.starts_with("--"))
        .map(|p| {
            let readable = crate::notifications::readable(p.trim_start_matches('\n'));
            let (h, b) = readable.split_once("\n\n").unwrap_or((&readable, ""));
            (h.to_owned(), b.to_owned())
        })
        .collect()
}

/// The UIDs of an iCalendar text.
fn uids(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .replace("\n ", "")
        .lines()
        .filter_map(|l| l.trim_end().strip_prefix("UID:").map(str::to_owned))
        .collect()
}

async fn reminders_the_day_before(backend: Backend) {
    let (url, inbox) = smtp_sink().await;
    let mail = Mailer::parse(&url, DEFAULT_SENDER).expect("mail settings");
    let Some(app) = TestApp::spawn_with(backend, |s| s.mail = Some(mail.clone())).await else {
        return;
    };
    // With several instances (PostgreSQL), a second sender shares the outbox.
    let other = match backend {
        Backend::Postgres => Some(app.another(|s| s.mail = Some(mail.clone())).await),
        Backend::Sqlite => None,
    };
    let coord = app.token_for(Role::Coordinator).await;
    let m = module(&app, &coord, "Communication interculturelle", None).await;
    let c = course(&app, &coord, m.id).await;
    let amina = create(
        &app,
        &coord,
        P::newcomer("Amina", 2)
            .email("amina@example.be")
            .language("ar", LanguageLevel::Native)
            .language("fr", LanguageLevel::Intermediate),
    )
    .await;
    let zoe = create(&app, &coord, P::local("Zoé").email("zoe@example.be")).await;
    let luc = create(
        &app,
        &coord,
        P::local("Luc").no_email().phone("0470 12 34 56"),
    )
    .await;
    let marc = create(&app, &coord, P::local("Marc").email("marc@example.be")).await;
    let mut ids = BTreeMap::new();
    for p in [&amina, &zoe, &luc, &marc] {
        let t: Trainee = expect_json(
            register(&app, &coord, c.id, json!({ "person_id": p.id })).await,
            StatusCode::CREATED,
        )
        .await;
        ids.insert(p.id, t.id);
    }
    // Marc withdraws: nothing to remind him of.
    let res = app
        .send_json(
            Method::DELETE,
            &format!("{COURSES}/{}/registrations/{}", c.id, ids[&marc.id]),
            Some(&coord),
            &json!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // Staff see who cannot be reached by e-mail.
    let list = trainees(&app, &coord, c.id).await;
    let reach: BTreeMap<_, _> = list.iter().map(|t| (t.person_id, t.has_email)).collect();
    assert!(!reach[&luc.id]);
    assert!(reach[&amina.id] && reach[&zoe.id]);

    let first = c.sessions[0].clone();
    let now = day_before_noon(first.starts_at);
    // Two days before: nothing yet; the day before: one per seat, once.
    assert_eq!(queue(&app, now - chrono::Duration::days(1)), 0);
    assert_eq!(queue(&app, now), 3);
    assert_eq!(queue(&app, now + chrono::Duration::hours(3)), 0);
    // The periodic job, one instance at a time: the other skips a round just run, and
    // a round finds nothing more to queue.
    if let Some(other) = &other {
        let hour = Duration::from_secs(3600);
        let mut mine = app.db.conn().expect("conn");
        let mut theirs = other.db.conn().expect("conn");
        assert_eq!(
            reminders::round(&mut mine, hour, now).expect("round"),
            Some(0)
        );
        assert_eq!(
            reminders::round(&mut theirs, hour, now).expect("round"),
            None
        );
        assert_eq!(reminders::round(&mut mine, hour, now).expect("round"), None);
    }
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM notifications WHERE kind = 'reminder'"
        ),
        3
    );

    // Luc has no e-mail: staff must tell him, the notice says so.
    let to_do: Page<Notification> = expect_json(
        app.get("/api/v1/notifications?to_do=true", Some(&coord))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(to_do.count, 1, "{to_do:?}");
    let n = &to_do.results[0];
    assert_eq!(
        (n.person_id, n.kind, n.channel, n.activity_id),
        (
            luc.id,
            NotificationKind::Reminder,
            NotificationChannel::Staff,
            first.activity_id
        )
    );

    // The two e-mails go out, each once.
    for _ in 0..150 {
        if inbox.lock().expect("inbox").len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mails = inbox.lock().expect("inbox").clone();
    assert_eq!(mails.len(), 2, "{mails:?}");
    let feed = app
        .bare
        .get(app.url("/api/v1/public/events.ics?programme=training"))
        .send()
        .await
        .expect("feed")
        .text()
        .await
        .expect("feed text");
    let uid = format!("{}@interra.be", first.activity_id);
    assert!(
        uids(&feed).contains(&uid),
        "the feed has the session: {feed}"
    );
    for (who, hello, reminder) in [
        ("amina@example.be", "مرحبًا Amina", "نذكّرك بجلسة الغد"),
        (
            "zoe@example.be",
            "Bonjour Zoé",
            "Nous vous rappelons la séance de demain",
        ),
    ] {
        let m = mails
            .iter()
            .find(|m| m.to == vec![who.to_owned()])
            .unwrap_or_else(|| panic!("a mail to {who}: {mails:?}"));
        let parts = parts(&m.data);
        let text = parts
            .iter()
            .find(|(h, _)| h.to_ascii_lowercase().contains("content-type: text/plain"))
            .map(|(_, b)| b.clone())
            .unwrap_or_default();
        assert!(text.contains(hello), "{text}");
        assert!(text.contains(reminder), "{text}");
        let (headers, ics) = parts
            .iter()
            .find(|(h, _)| {
                h.to_ascii_lowercase()
                    .contains("content-type: text/calendar")
            })
            .unwrap_or_else(|| panic!("a calendar attachment: {}", m.data));
        assert!(
            headers.to_ascii_lowercase().contains("attachment"),
            "{headers}"
        );
        assert_eq!(uids(ics), vec![uid.clone()], "{ics}");
        assert!(ics.contains("BEGIN:VEVENT") && ics.contains("DTSTART;TZID=Europe/Brussels:"));
    }
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) AS n FROM notifications WHERE kind = 'reminder' AND status = 'sent'"
        ),
        2
    );
    drop(other);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_the_day_before_sqlite() {
    reminders_the_day_before(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reminders_the_day_before_postgres() {
    reminders_the_day_before(Backend::Postgres).await;
}

both!(
    a_promotion_to_the_whole_course_is_one_notice,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let m = module(&app, &coord, "Accueillir sans préjugés", Some(1)).await;
        let c = course(&app, &coord, m.id).await;
        let amina = create(&app, &coord, P::newcomer("Amina", 2)).await;
        let luc = create(
            &app,
            &coord,
            P::local("Luc").no_email().phone("0470 12 34 56"),
        )
        .await;
        let first: Trainee = expect_json(
            register(&app, &coord, c.id, json!({ "person_id": amina.id })).await,
            StatusCode::CREATED,
        )
        .await;
        register(&app, &coord, c.id, json!({ "person_id": luc.id })).await;
        let res = app
            .send_json(
                Method::DELETE,
                &format!("{COURSES}/{}/registrations/{}", c.id, first.id),
                Some(&coord),
                &json!({}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        // Luc has a seat in both sessions, and one notice telling him so: the first session's.
        let luc_now = trainees(&app, &coord, c.id)
            .await
            .into_iter()
            .find(|t| t.person_id == luc.id)
            .expect("luc");
        assert_eq!(luc_now.status, shared::trainings::TraineeStatus::Registered);
        let notices: Page<Notification> = expect_json(
            app.get("/api/v1/notifications", Some(&coord)).await,
            StatusCode::OK,
        )
        .await;
        let promoted: Vec<&Notification> = notices
            .results
            .iter()
            .filter(|n| n.kind == NotificationKind::Promoted)
            .collect();
        assert_eq!(promoted.len(), 1, "{notices:?}");
        assert_eq!(
            (promoted[0].person_id, promoted[0].activity_id),
            (luc.id, c.sessions[0].activity_id)
        );
    }
);

both!(
    attendance_waits_for_the_session_to_start,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let m = module(&app, &coord, "Les bases", None).await;
        // One session three days ago, one in four days.
        let body = json!({
            "module_id": m.id,
            "starts_on": in_days(-3, "00:00")[..10],
            "ends_on": in_days(4, "00:00")[..10],
            "sessions": [
                { "starts_at": in_days(-3, "09:00"), "ends_at": in_days(-3, "12:00") },
                { "starts_at": in_days(4, "09:00"), "ends_at": in_days(4, "12:00") },
            ],
        });
        let c: Course = expect_json(
            app.send_json(Method::POST, COURSES, Some(&coord), &body)
                .await,
            StatusCode::CREATED,
        )
        .await;
        let amina = create(&app, &coord, P::newcomer("Amina", 2)).await;
        register(&app, &coord, c.id, json!({ "person_id": amina.id })).await;
        let p = expect_problem(
            mark(
                &app,
                &coord,
                &c,
                &[(0, amina.id, "attended"), (1, amina.id, "attended")],
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("marks.1.session_id").is_empty(), "{p:?}");
        assert!(p.field_errors("marks.0.session_id").is_empty(), "{p:?}");
        // Nothing stored, not even the mark of the past session.
        let t = &trainees(&app, &coord, c.id).await[0];
        assert_eq!(
            t.attendance,
            [
                Some(RegistrationStatus::Registered),
                Some(RegistrationStatus::Registered)
            ]
        );
        // The session that took place: recorded.
        let after: Vec<Trainee> = expect_json(
            mark(&app, &coord, &c, &[(0, amina.id, "attended")]).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(after[0].hours_attended, 3.0);
    }
);

both!(
    public_trainings_links_are_throttled_per_address,
    with |s: &mut interra_api::config::Settings| s.public_lookups_per_ip = interra_api::config::RateLimit {
        max: 3,
        window: Duration::from_secs(600),
    },
    |app: TestApp| async move {
        let wrong = "/api/v1/public/certificates/AAAAA-BBBBB-CCCCC-DDDDD";
        for _ in 0..3 {
            expect_problem(app.get(wrong, None).await, StatusCode::NOT_FOUND).await;
        }
        // The address has used its allowance: every public trainings link says so.
        let res = app.get(wrong, None).await;
        assert!(res.headers().contains_key("retry-after"), "{res:?}");
        let p = expect_problem(res, StatusCode::TOO_MANY_REQUESTS).await;
        assert_eq!(p.status, 429);
        expect_problem(
            app.get("/api/v1/public/evaluations/not-a-token", None).await,
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
        let before = count(&app, "SELECT COUNT(*) AS n FROM audit_log");
        expect_problem(
            app.send_json(
                Method::POST,
                "/api/v1/public/evaluations/not-a-token",
                None,
                &json!({ "satisfaction": 5 }),
            )
            .await,
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
        assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM audit_log"), before);
        // On PostgreSQL the count is the deployment's: another instance refuses too.
        if app.backend == Backend::Postgres {
            let other = app.another(|_| {}).await;
            expect_problem(other.get(wrong, None).await, StatusCode::TOO_MANY_REQUESTS).await;
        }
    }
);

async fn venue_of(app: &TestApp, token: &str, activity: uuid::Uuid) -> Option<String> {
    let a: shared::activities::Activity = expect_json(
        app.get(&format!("/api/v1/activities/{activity}"), Some(token))
            .await,
        StatusCode::OK,
    )
    .await;
    a.venue.map(|v| v.id.to_string())
}

async fn patch(
    app: &TestApp,
    token: &str,
    id: uuid::Uuid,
    body: serde_json::Value,
) -> reqwest::Response {
    app.send_json(
        Method::PATCH,
        &format!("{COURSES}/{id}"),
        Some(token),
        &body,
    )
    .await
}

both!(
    a_course_is_edited_field_by_field,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let m = module(&app, &coord, "Les bases", None).await;
        let c = course(&app, &coord, m.id).await;
        let amina = create(&app, &coord, P::newcomer("Amina", 2)).await;
        register(&app, &coord, c.id, json!({ "person_id": amina.id })).await;
        let (s0, s1) = (c.sessions[0].activity_id, c.sessions[1].activity_id);
        let audits = |app: &TestApp| {
            count(
                app,
                "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'training.course_updated'",
            )
        };

        // Refused on the field, nothing stored: a session outside the dates, dates that leave a
        // session out, a session of another course, a blank title.
        let p = expect_problem(
            patch(&app, &coord, c.id, json!({ "sessions": [
                { "activity_id": s0, "starts_at": in_days(30, "09:00"), "ends_at": in_days(30, "12:00") },
            ] }))
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("sessions.0.starts_at").is_empty(), "{p:?}");
        let p = expect_problem(
            patch(
                &app,
                &coord,
                c.id,
                json!({ "ends_on": in_days(12, "00:00")[..10] }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("ends_on").is_empty(), "{p:?}");
        let p = expect_problem(
            patch(&app, &coord, c.id, json!({
                "title": { "fr": " " },
                "sessions": [{ "activity_id": uuid::Uuid::now_v7(), "starts_at": in_days(10, "09:00"), "ends_at": in_days(10, "12:00") }],
            }))
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("title.fr").is_empty(), "{p:?}");
        assert!(
            !p.field_errors("sessions.0.activity_id").is_empty(),
            "{p:?}"
        );
        assert_eq!(audits(&app), 0);
        let same: Course = expect_json(
            app.get(&format!("{COURSES}/{}", c.id), Some(&coord)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            (same.title, same.starts_on, same.ends_on, same.sessions),
            (c.title.clone(), c.starts_on, c.ends_on, c.sessions.clone())
        );

        // Retitled, internal, the first session moved to the afternoon, the second replaced
        // by one a week earlier: Amina is in the new one too.
        let edited: Course = expect_json(
            patch(&app, &coord, c.id, json!({
                "title": { "fr": "Les bases — printemps" },
                "public": false,
                "sessions": [
                    { "activity_id": s0, "starts_at": in_days(10, "13:00"), "ends_at": in_days(10, "16:00") },
                    { "starts_at": in_days(14, "09:00"), "ends_at": in_days(14, "12:00") },
                ],
            }))
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(edited.title, "Les bases — printemps");
        assert_eq!(edited.sessions.len(), 2);
        assert_eq!(edited.sessions[0].activity_id, s0);
        assert!(edited.sessions[0].starts_at > c.sessions[0].starts_at);
        assert_ne!(edited.sessions[1].activity_id, s1);
        let t = &trainees(&app, &coord, c.id).await[0];
        assert_eq!(
            t.attendance,
            [
                Some(RegistrationStatus::Registered),
                Some(RegistrationStatus::Registered)
            ]
        );
        let gone: shared::activities::Activity = expect_json(
            app.get(&format!("/api/v1/activities/{s1}"), Some(&coord))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(gone.status, shared::activities::ActivityStatus::Cancelled);
        let moved: shared::activities::Activity = expect_json(
            app.get(&format!("/api/v1/activities/{s0}"), Some(&coord))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(moved.visibility, shared::activities::Visibility::Internal);
        assert_eq!(
            moved.title.get("fr").map(String::as_str),
            Some("Les bases — printemps")
        );
        assert_eq!(audits(&app), 1);

        // A venue is set, kept when the field is absent, and cleared by null.
        let grand_poste = crate::activity_fixtures::GRAND_POSTE;
        for (body, expected) in [
            (json!({ "venue_id": grand_poste }), Some(grand_poste)),
            (json!({ "public": false }), Some(grand_poste)),
            (json!({ "venue_id": null }), None),
        ] {
            let res = patch(&app, &coord, c.id, body.clone()).await;
            assert_eq!(res.status(), StatusCode::OK, "{body}");
            assert_eq!(
                venue_of(&app, &coord, s0).await.as_deref(),
                expected,
                "{body}"
            );
        }

        // Only coordinators edit.
        let (_, coach) = crate::people_fixtures::staff(&app, Role::Coach).await;
        expect_problem(
            patch(&app, &coach, c.id, json!({ "public": true })).await,
            StatusCode::FORBIDDEN,
        )
        .await;
    }
);

both!(
    a_session_with_attendance_cannot_be_removed,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let m = module(&app, &coord, "Les bases", None).await;
        let c = crate::trainings::past_course(&app, &coord, m.id).await;
        let amina = create(&app, &coord, P::newcomer("Amina", 2)).await;
        register(&app, &coord, c.id, json!({ "person_id": amina.id })).await;
        let res = mark(&app, &coord, &c, &[(0, amina.id, "attended")]).await;
        assert_eq!(res.status(), StatusCode::OK);
        let keep_second = json!({ "sessions": [{
            "activity_id": c.sessions[1].activity_id,
            "starts_at": in_days(-10, "09:00"), "ends_at": in_days(-10, "12:00"),
        }] });
        let p = expect_problem(
            patch(&app, &coord, c.id, keep_second).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("sessions").is_empty(), "{p:?}");
        let same: Course = expect_json(
            app.get(&format!("{COURSES}/{}", c.id), Some(&coord)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(same.sessions.len(), 2);
        // The session without attendance can go.
        let keep_first = json!({ "sessions": [{
            "activity_id": c.sessions[0].activity_id,
            "starts_at": in_days(-17, "09:00"), "ends_at": in_days(-17, "12:00"),
        }] });
        let after: Course =
            expect_json(patch(&app, &coord, c.id, keep_first).await, StatusCode::OK).await;
        assert_eq!(after.sessions.len(), 1);
    }
);
