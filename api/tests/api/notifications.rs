//! The notification outbox: a promotion or a cancellation queues exactly the notices it should,
//! staff mark them as told once, only staff in charge see them, and with a mail server the
//! promoted person gets an email.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use interra_api::notify::mail::{Mailer, DEFAULT_SENDER};
use reqwest::{Method, StatusCode};
use shared::activities::{ActivityStatus, RegistrationStatus};
use shared::auth::Role;
use shared::notifications::{
    Notification, NotificationChannel, NotificationKind, NotificationStatus,
};
use shared::people::PersonInput;
use shared::Page;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use uuid::Uuid;

use crate::activity_fixtures::*;
use crate::both;
use crate::helpers::{expect_json, expect_problem, Backend, TestApp};

const NOTIFICATIONS: &str = "/api/v1/notifications";

async fn notices(app: &TestApp, token: &str, query: &str) -> Page<Notification> {
    expect_json(
        app.get(&format!("{NOTIFICATIONS}?{query}"), Some(token))
            .await,
        StatusCode::OK,
    )
    .await
}

async fn done(app: &TestApp, token: &str, id: Uuid, note: Option<&str>) -> reqwest::Response {
    app.send_json(
        Method::POST,
        &format!("{NOTIFICATIONS}/{id}/done"),
        Some(token),
        &serde_json::json!({ "note": note }),
    )
    .await
}

/// Someone reachable by phone only.
async fn phone_only(app: &TestApp, token: &str, first_name: &str) -> Uuid {
    let input = PersonInput {
        email: None,
        phone: Some("+32470123456".into()),
        ..person_input(first_name, true)
    };
    create_person_from(app, token, &input).await.id
}

both!(
    a_promotion_queues_one_notice_for_the_promoted_person_only,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let a = create_activity(&app, &token, &upcoming("Pizza", 6, Some(1))).await;
        let ana = create_person(&app, &token, "Ana", true).await;
        let ben = phone_only(&app, &token, "Ben").await;
        let cem = create_person(&app, &token, "Cem", false).await;
        let ana_reg = register(&app, &token, a.id, ana).await;
        register(&app, &token, a.id, ben).await;
        register(&app, &token, a.id, cem).await;
        assert_eq!(notices(&app, &token, "").await.count, 0);

        let res = set_status(
            &app,
            &token,
            a.id,
            ana_reg.id,
            RegistrationStatus::Cancelled,
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let list = notices(&app, &token, &format!("activity_id={}", a.id)).await;
        assert_eq!(list.count, 1, "{list:?}");
        let n = &list.results[0];
        assert_eq!(n.person_id, ben);
        assert_eq!(n.kind, NotificationKind::Promoted);
        assert_eq!(n.channel, NotificationChannel::Staff);
        assert_eq!(n.status, NotificationStatus::Pending);
        assert!(n.needs_staff);
        assert_eq!(n.display_name, "Ben");
        assert_eq!(n.phone.as_deref(), Some("+32470123456"));
        assert_eq!(n.activity_id, a.id);
        assert_eq!(
            n.activity_title.get("fr").map(String::as_str),
            Some("Pizza")
        );
        assert_eq!(n.activity_starts_at, a.starts_at);
        let regs = registrations(&app, &token, a.id).await;
        assert_eq!(n.registration_id, Some(of(&regs, ben).id));
        assert_eq!(
            count(&app, "SELECT COUNT(*) AS n FROM notifications"),
            1,
            "nobody else is notified"
        );
        // Filters.
        assert_eq!(notices(&app, &token, "status=pending").await.count, 1);
        assert_eq!(notices(&app, &token, "status=done").await.count, 0);
        assert_eq!(notices(&app, &token, "channel=email").await.count, 0);
        assert_eq!(notices(&app, &token, "to_do=true").await.count, 1);
        expect_problem(
            app.get(&format!("{NOTIFICATIONS}?status=lost"), Some(&token))
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;

        // Staff told Ben: done once, then 409.
        let told: Notification = expect_json(
            done(&app, &token, n.id, Some("Téléphoné lundi")).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(told.status, NotificationStatus::Done);
        assert!(!told.needs_staff);
        assert_eq!(told.done_note.as_deref(), Some("Téléphoné lundi"));
        assert!(told.done_by.is_some() && told.done_at.is_some());
        expect_problem(done(&app, &token, n.id, None).await, StatusCode::CONFLICT).await;
        expect_problem(
            done(&app, &token, Uuid::new_v4(), None).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        assert_eq!(notices(&app, &token, "to_do=true").await.count, 0);
        assert_eq!(
            count(
                &app,
                &format!(
                    "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'notification.done' AND entity_id = '{}'",
                    n.id
                )
            ),
            1
        );
    }
);

both!(
    cancelling_an_activity_notifies_registered_and_waiting_people,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let input = upcoming("Danse", 8, Some(1));
        let a = create_activity(&app, &token, &input).await;
        let ana = create_person(&app, &token, "Ana", true).await;
        let ben = create_person(&app, &token, "Ben", false).await;
        let cem = phone_only(&app, &token, "Cem").await;
        let dua = create_person(&app, &token, "Dua", true).await;
        let ana_reg = register(&app, &token, a.id, ana).await;
        register(&app, &token, a.id, ben).await;
        register(&app, &token, a.id, cem).await;
        let dua_reg = register(&app, &token, a.id, dua).await;
        // Ana cancels: Ben is promoted (one notice); Dua leaves the waiting list (none).
        set_status(
            &app,
            &token,
            a.id,
            ana_reg.id,
            RegistrationStatus::Cancelled,
        )
        .await;
        set_status(
            &app,
            &token,
            a.id,
            dua_reg.id,
            RegistrationStatus::Cancelled,
        )
        .await;
        assert_eq!(notices(&app, &token, "").await.count, 1);

        let mut cancelled = input.clone();
        cancelled.status = Some(ActivityStatus::Cancelled);
        cancelled.cancel_reason = Some("Salle indisponible".into());
        update_activity(&app, &token, a.id, &cancelled).await;
        let list = notices(&app, &token, &format!("activity_id={}", a.id)).await;
        let mut who: Vec<(Uuid, NotificationKind, NotificationChannel)> = list
            .results
            .iter()
            .map(|n| (n.person_id, n.kind, n.channel))
            .collect();
        who.sort();
        let mut expected = vec![
            (
                ben,
                NotificationKind::ActivityCancelled,
                NotificationChannel::Email,
            ),
            (
                cem,
                NotificationKind::ActivityCancelled,
                NotificationChannel::Staff,
            ),
        ];
        expected.sort();
        // Ben's seat news is withdrawn: the activity will not take place.
        assert_eq!(who, expected);
        // Without a mail server, staff pass on the email notices too.
        assert!(list.results.iter().all(|n| n.needs_staff));

        // Saving the cancelled activity again queues nothing more.
        cancelled.title.insert("en".into(), "Dance".into());
        update_activity(&app, &token, a.id, &cancelled).await;
        assert_eq!(notices(&app, &token, "").await.count, 2);
    }
);

both!(
    only_staff_in_charge_see_and_handle_notices,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let (coach_id, coach) = account(&app, Role::Coach).await;
        let (_, other_coach) = account(&app, Role::Coach).await;
        let mut input = upcoming("Football", 4, Some(1));
        input.staff = vec![coach_id];
        let a = create_activity(&app, &token, &input).await;
        let ana = create_person(&app, &token, "Ana", true).await;
        let ben = create_person(&app, &token, "Ben", false).await;
        let ana_reg = register(&app, &token, a.id, ana).await;
        register(&app, &token, a.id, ben).await;
        set_status(
            &app,
            &token,
            a.id,
            ana_reg.id,
            RegistrationStatus::Cancelled,
        )
        .await;
        let n = notices(&app, &token, "").await.results[0].clone();

        // Another coach: refused on this activity, sees nothing in the general list.
        expect_problem(
            app.get(
                &format!("{NOTIFICATIONS}?activity_id={}", a.id),
                Some(&other_coach),
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        assert_eq!(notices(&app, &other_coach, "").await.count, 0);
        expect_problem(
            done(&app, &other_coach, n.id, None).await,
            StatusCode::FORBIDDEN,
        )
        .await;
        expect_problem(app.get(NOTIFICATIONS, None).await, StatusCode::UNAUTHORIZED).await;

        // The coach in charge sees it and marks it.
        assert_eq!(notices(&app, &coach, "").await.count, 1);
        assert_eq!(
            notices(&app, &coach, &format!("activity_id={}", a.id))
                .await
                .count,
            1
        );
        let told: Notification =
            expect_json(done(&app, &coach, n.id, None).await, StatusCode::OK).await;
        assert_eq!(told.done_by, Some(coach_id));
    }
);

/// One message received by the sink.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: Vec<String>,
    pub data: String,
}

impl Mail {
    /// The `Message-ID` header's value.
    pub fn message_id(&self) -> Option<String> {
        self.data
            .lines()
            .find_map(|l| {
                l.split_once(':')
                    .filter(|(k, _)| k.eq_ignore_ascii_case("message-id"))
            })
            .map(|(_, v)| v.trim().to_owned())
    }
}

/// A minimal SMTP server on 127.0.0.1 that accepts everything and keeps the messages.
pub async fn smtp_sink() -> (String, Arc<Mutex<Vec<Mail>>>) {
    smtp_sink_with(Duration::ZERO, None).await
}

/// [`smtp_sink`] taking `delay` to accept each message; the message number `stall` (0-based)
/// is kept but never answered, as when the sender dies in the middle of sending it.
pub async fn smtp_sink_with(
    delay: Duration,
    stall: Option<usize>,
) -> (String, Arc<Mutex<Vec<Mail>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind sink");
    let addr = listener.local_addr().expect("addr");
    let inbox = Arc::new(Mutex::new(Vec::new()));
    let kept = inbox.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let kept = kept.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                let mut to = Vec::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250 sink\r\n"
                    } else if upper.starts_with("MAIL FROM") {
                        to.clear();
                        b"250 ok\r\n"
                    } else if upper.starts_with("RCPT TO") {
                        let addr = line
                            .split_once('<')
                            .and_then(|(_, r)| r.split_once('>'))
                            .map(|(a, _)| a.to_owned())
                            .unwrap_or_default();
                        to.push(addr);
                        b"250 ok\r\n"
                    } else if upper == "DATA" {
                        let _ = write.write_all(b"354 go on\r\n").await;
                        let mut data = String::new();
                        while let Ok(Some(l)) = lines.next_line().await {
                            if l == "." {
                                break;
                            }
                            data.push_str(&l);
                            data.push('\n');
                        }
                        let number = {
                            let mut inbox = kept.lock().expect("inbox");
                            inbox.push(Mail {
                                to: to.clone(),
                                data,
                            });
                            inbox.len() - 1
                        };
                        if stall == Some(number) {
                            tokio::time::sleep(Duration::from_secs(3600)).await;
                        }
                        if !delay.is_zero() {
                            tokio::time::sleep(delay).await;
                        }
                        b"250 queued\r\n"
                    } else if upper == "QUIT" {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    if write.write_all(reply).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    (format!("smtp://{addr}"), inbox)
}

/// The message's text: headers as they are, the body decoded (quoted-printable or base64).
pub fn readable(data: &str) -> String {
    let (headers, body) = data.split_once("\n\n").unwrap_or((data, ""));
    let lower = headers.to_ascii_lowercase();
    let body = if lower.contains("content-transfer-encoding: base64") {
        let joined: String = body.split_whitespace().collect();
        base64::Engine::decode(&base64::engine::general_purpose::STANDARD, joined)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default()
    } else if lower.contains("content-transfer-encoding: quoted-printable") {
        let soft = body.replace("=\n", "");
        let bytes = soft.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'=' && i + 2 < bytes.len() {
                if let Ok(b) = u8::from_str_radix(&soft[i + 1..i + 3], 16) {
                    out.push(b);
                    i += 3;
                    continue;
                }
            }
            out.push(bytes[i]);
            i += 1;
        }
        String::from_utf8(out).unwrap_or_default()
    } else {
        body.to_owned()
    };
    format!("{headers}\n\n{body}")
}

async fn the_promoted_person_gets_an_email(backend: Backend) {
    let (url, inbox) = smtp_sink().await;
    let Some(app) = TestApp::spawn_with(backend, |s| {
        s.mail = Some(Mailer::parse(&url, DEFAULT_SENDER).expect("mail settings"));
    })
    .await
    else {
        return;
    };
    let token = app.token_for(Role::Coordinator).await;
    let a = create_activity(&app, &token, &upcoming("Atelier pizza", 9, Some(1))).await;
    let ana = create_person(&app, &token, "Ana", true).await;
    let ben_input = person_input("Ben", false);
    let ben_email = ben_input.email.clone().expect("email");
    let ben = create_person_from(&app, &token, &ben_input).await.id;
    let ana_reg = register(&app, &token, a.id, ana).await;
    register(&app, &token, a.id, ben).await;
    // With a mail server, an email notice waiting to be sent is not staff's to do.
    set_status(
        &app,
        &token,
        a.id,
        ana_reg.id,
        RegistrationStatus::Cancelled,
    )
    .await;

    let mut sent = None;
    for _ in 0..100 {
        let list = notices(&app, &token, &format!("activity_id={}", a.id)).await;
        assert_eq!(list.count, 1);
        if list.results[0].status == NotificationStatus::Sent {
            sent = Some(list.results[0].clone());
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let n = sent.expect("the notice is sent within 10 s");
    assert_eq!(n.person_id, ben);
    assert_eq!(n.channel, NotificationChannel::Email);
    assert!(!n.needs_staff && n.sent_at.is_some());
    assert_eq!(notices(&app, &token, "to_do=true").await.count, 0);
    expect_problem(done(&app, &token, n.id, None).await, StatusCode::CONFLICT).await;

    let mails = inbox.lock().expect("inbox").clone();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0].to, vec![ben_email.clone()]);
    let text = readable(&mails[0].data);
    let subject = text
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("subject:"))
        .unwrap_or_default();
    assert!(subject.contains("Atelier pizza"), "{text}");
    assert!(
        text.contains("From: Interra <noreply@interra.local>"),
        "{text}"
    );
    assert!(text.contains(&format!("To: {ben_email}")), "{text}");
    assert!(text.contains("Bonjour Ben"), "{text}");
    assert!(text.contains("« Atelier pizza »"), "{text}");
    assert!(text.contains("La Grand Poste"), "{text}");
    assert!(text.contains(&format!("/events/{}", a.id)), "{text}");
    let local = a.starts_at_local.get(11..16).unwrap_or_default().to_owned();
    assert!(text.contains(&local), "Brussels time {local} in {text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_promoted_person_gets_an_email_sqlite() {
    the_promoted_person_gets_an_email(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_promoted_person_gets_an_email_postgres() {
    the_promoted_person_gets_an_email(Backend::Postgres).await;
}
