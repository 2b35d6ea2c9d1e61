//! Partner webhooks (issue 14): Standard Webhooks signatures checked by a receiver on
//! 127.0.0.1 with an independent HMAC (and the `standardwebhooks` Python package when
//! `INTERRA_TEST_WEBHOOKS_PYTHON` names a Python that has it), retries until the receiver
//! recovers, nothing lost across a restart, 410 Gone and exhausted retries disabling the
//! endpoint, rotation, and the authorization matrix.
//!
//! The background sender is off in these servers (`webhook_poll: None`) and retries are due at
//! once: each test runs the sender's rounds itself, so nothing waits on a clock.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use hmac::{Hmac, Mac};
use interra_api::partners::webhook_sender::{deliver_due, WebhookSender};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use shared::activities::ActivityStatus;
use shared::auth::Role;
use shared::webhooks::{WebhookDelivery, WebhookEndpoint, WebhookEndpointSecret};
use shared::Page;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::activity_fixtures::{create_activity, upcoming, update_activity};
use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::partner_fixtures::{partner, token_in_body, ORGS};
use crate::people_fixtures::NOTICE;

const HOOKS: &str = "/api/v1/partner/webhooks";
const ALL_TYPES: [&str; 5] = [
    "referral.status_changed",
    "event.published",
    "event.updated",
    "event.cancelled",
    "training_registration.changed",
];

fn no_background_sender(retries: usize) -> impl FnOnce(&mut interra_api::config::Settings) {
    move |s| {
        s.webhook_poll = None;
        s.webhook_retry_delays = vec![Duration::ZERO; retries];
        s.webhook_timeout = Duration::from_secs(5);
    }
}

/// One request the receiver got and what it answered.
#[derive(Debug, Clone)]
struct Hit {
    headers: BTreeMap<String, String>,
    body: String,
    answered: u16,
}

/// A webhook receiver on 127.0.0.1 answering the status it is told to.
struct Receiver {
    url: String,
    hits: Arc<Mutex<Vec<Hit>>>,
    status: Arc<AtomicU16>,
}

impl Receiver {
    async fn start(status: u16) -> Receiver {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind receiver");
        let url = format!("http://{}/hooks", listener.local_addr().expect("addr"));
        let hits = Arc::new(Mutex::new(Vec::new()));
        let status = Arc::new(AtomicU16::new(status));
        let (h, s) = (hits.clone(), status.clone());
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, h.clone(), s.clone()));
            }
        });
        Receiver { url, hits, status }
    }

    fn answer(&self, status: u16) {
        self.status.store(status, Ordering::SeqCst);
    }

    fn hits(&self) -> Vec<Hit> {
        self.hits.lock().expect("hits").clone()
    }

    /// Messages answered 2xx, by `webhook-id`.
    fn delivered(&self) -> BTreeMap<String, Hit> {
        self.hits()
            .into_iter()
            .filter(|h| (200..300).contains(&h.answered))
            .map(|h| (h.headers["webhook-id"].clone(), h))
            .collect()
    }
}

async fn serve(
    mut stream: tokio::net::TcpStream,
    hits: Arc<Mutex<Vec<Hit>>>,
    status: Arc<AtomicU16>,
) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let Ok(n) = stream.read(&mut chunk).await else {
            return;
        };
        if n == 0 {
            return;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let headers: BTreeMap<String, String> = head
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let len: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while buf.len() < head_end + len {
        let Ok(n) = stream.read(&mut chunk).await else {
            return;
        };
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&buf[head_end..]).to_string();
    let answered = status.load(Ordering::SeqCst);
    hits.lock().expect("hits").push(Hit {
        headers,
        body,
        answered,
    });
    let reply = format!("HTTP/1.1 {answered} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
    let _ = stream.write_all(reply.as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// An independent check of a Standard Webhooks signature: some `v1,` signature in the header
/// is the base64 HMAC-SHA256, keyed by the base64 after `whsec_`, of `id.timestamp.body`.
fn verifies(hit: &Hit, secret: &str) -> bool {
    let b64 = base64::engine::general_purpose::STANDARD;
    let key = b64
        .decode(secret.strip_prefix("whsec_").expect("whsec_ prefix"))
        .expect("base64 secret");
    let signed = format!(
        "{}.{}.{}",
        hit.headers["webhook-id"], hit.headers["webhook-timestamp"], hit.body
    );
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&key).expect("key");
    mac.update(signed.as_bytes());
    let expected = format!("v1,{}", b64.encode(mac.finalize().into_bytes()));
    hit.headers["webhook-signature"]
        .split(' ')
        .any(|s| s == expected)
}

/// The same check by the `standardwebhooks` package, when a Python with it is configured.
fn python_verifies(hits: &[Hit], secret: &str) {
    let Ok(python) = std::env::var("INTERRA_TEST_WEBHOOKS_PYTHON") else {
        eprintln!("standardwebhooks check skipped: set INTERRA_TEST_WEBHOOKS_PYTHON");
        return;
    };
    let cases: Vec<Value> = hits
        .iter()
        .map(|h| {
            json!({
                "body": h.body,
                "headers": {
                    "webhook-id": h.headers["webhook-id"],
                    "webhook-timestamp": h.headers["webhook-timestamp"],
                    "webhook-signature": h.headers["webhook-signature"],
                },
            })
        })
        .collect();
    let script = r#"
import json, sys
from standardwebhooks.webhooks import Webhook
data = json.load(sys.stdin)
wh = Webhook(data["secret"])
for c in data["cases"]:
    wh.verify(c["body"], c["headers"])
print(len(data["cases"]))
"#;
    let mut child = std::process::Command::new(python)
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(
                json!({ "secret": secret, "cases": cases })
                    .to_string()
                    .as_bytes(),
            )
            .expect("write");
    }
    let out = child.wait_with_output().expect("python output");
    assert!(out.status.success(), "standardwebhooks refused a delivery");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        hits.len().to_string()
    );
}

async fn register(app: &TestApp, token: &str, url: &str, types: &[&str]) -> WebhookEndpointSecret {
    let res = app
        .send_json(
            Method::POST,
            HOOKS,
            Some(token),
            &json!({ "url": url, "event_types": types }),
        )
        .await;
    assert_eq!(
        res.headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let e: WebhookEndpointSecret = expect_json(res, StatusCode::CREATED).await;
    assert!(e.secret.starts_with("whsec_"));
    e
}

/// A referral of the partner's, moved by the team to `no_answer`: one
/// `referral.status_changed`. Returns the referral id.
async fn referral_changed(app: &TestApp, partner: &str, staff: &str) -> String {
    let r: Value = expect_json(
        app.send_json(
            Method::POST,
            "/api/v1/partner/referrals",
            Some(partner),
            &json!({
                "programme": "duo2change", "first_name": "Amina", "email": "amina@example.be",
                "languages": ["ar"],
                "consent": {
                    "collected_by": "Sophie, CPAS",
                    "collected_at": (chrono::Utc::now() - chrono::TimeDelta::hours(1)).to_rfc3339(),
                    "notice_version": NOTICE,
                },
            }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let id = r["id"].as_str().expect("id").to_owned();
    let res = app
        .send_json(
            Method::POST,
            &format!("/api/v1/referrals/{id}/status"),
            Some(staff),
            &json!({ "status": "no_answer" }),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    id
}

async fn round(app: &TestApp) -> usize {
    let sender = WebhookSender::new(&app.settings).expect("sender");
    deliver_due(&app.db, &sender).await.expect("round")
}

async fn deliveries(app: &TestApp, token: &str, endpoint: uuid::Uuid) -> Vec<WebhookDelivery> {
    let p: Page<WebhookDelivery> = expect_json(
        app.get(&format!("{HOOKS}/{endpoint}/deliveries"), Some(token))
            .await,
        StatusCode::OK,
    )
    .await;
    p.results
}

fn data(hit: &Hit) -> Value {
    serde_json::from_str(&hit.body).expect("JSON body")
}

both!(
    signed_deliveries_reach_a_receiver_that_recovers,
    with no_background_sender(5),
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let (_, token) = partner(
            &app,
            &coord,
            "CPAS de Liège",
            &["referrals:write", "webhooks:manage"],
        )
        .await;
        let rx = Receiver::start(500).await;
        let hook = register(&app, &token, &rx.url, &ALL_TYPES).await;
        assert_eq!(hook.endpoint.event_types.len(), 5);

        // Five changes: a referral's status, an event published, changed, cancelled.
        let referral = referral_changed(&app, &token, &coord).await;
        let mut input = upcoming("Atelier CV", 10, Some(12));
        let event = create_activity(&app, &coord, &input).await;
        input.title.insert("fr".into(), "Atelier CV et lettre".into());
        update_activity(&app, &coord, event.id, &input).await;
        input.status = Some(ActivityStatus::Cancelled);
        input.cancel_reason = Some("Formatrice malade".into());
        update_activity(&app, &coord, event.id, &input).await;
        // A draft is nobody's news.
        let mut draft = upcoming("Brouillon", 12, None);
        draft.status = Some(ActivityStatus::Draft);
        create_activity(&app, &coord, &draft).await;

        // The receiver fails twice: every message stays pending, with the answer logged.
        assert_eq!(round(&app).await, 4);
        let log = deliveries(&app, &token, hook.endpoint.id).await;
        assert_eq!(log.len(), 4);
        assert!(log.iter().all(|d| d.status.as_str() == "pending"
            && d.attempts == 1
            && d.response_status == Some(500)));
        assert_eq!(round(&app).await, 4);
        assert!(rx.delivered().is_empty());

        // It recovers: every message arrives, once, under its first webhook-id.
        rx.answer(200);
        assert_eq!(round(&app).await, 4);
        assert_eq!(round(&app).await, 0);
        let delivered = rx.delivered();
        assert_eq!(delivered.len(), 4);
        let first_ids: BTreeSet<String> = rx
            .hits()
            .iter()
            .filter(|h| h.answered == 500)
            .map(|h| h.headers["webhook-id"].clone())
            .collect();
        assert_eq!(first_ids, delivered.keys().cloned().collect());
        let types: BTreeSet<String> = delivered
            .values()
            .map(|h| data(h)["type"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(
            types,
            ["event.cancelled", "event.published", "event.updated", "referral.status_changed"]
                .into_iter()
                .map(String::from)
                .collect()
        );
        for hit in rx.hits() {
            assert!(verifies(&hit, &hook.secret), "signature of {hit:?}");
            let ts: i64 = hit.headers["webhook-timestamp"].parse().expect("timestamp");
            assert!((chrono::Utc::now().timestamp() - ts).abs() < 300);
            assert_eq!(hit.headers["content-type"], "application/json");
            // Thin: type, timestamp, ids.
            let v = data(&hit);
            assert!(v["timestamp"].is_string());
            let keys: Vec<&String> = v["data"].as_object().expect("data").keys().collect();
            assert_eq!(keys.len(), 1, "{v}");
        }
        let referral_hit = delivered
            .values()
            .find(|h| data(h)["type"] == "referral.status_changed")
            .expect("referral message");
        assert_eq!(data(referral_hit)["data"]["referral_id"], referral);
        let published = delivered
            .values()
            .find(|h| data(h)["type"] == "event.published")
            .expect("published message");
        assert_eq!(data(published)["data"]["event_id"], event.id.to_string());
        python_verifies(&rx.hits(), &hook.secret);

        let log = deliveries(&app, &token, hook.endpoint.id).await;
        assert!(log.iter().all(|d| d.status.as_str() == "delivered"
            && d.attempts == 3
            && d.delivered_at.is_some()
            && d.next_attempt_at.is_none()));

        // A replay sends the same message again, under the same webhook-id.
        let d = &log[0];
        let replay: WebhookDelivery = expect_json(
            app.send_json(
                Method::POST,
                &format!("{HOOKS}/{}/deliveries/{}/replay", hook.endpoint.id, d.id),
                Some(&token),
                &json!({}),
            )
            .await,
            StatusCode::ACCEPTED,
        )
        .await;
        assert_eq!(replay.message_id, d.message_id);
        assert_eq!(round(&app).await, 1);
        let again: Vec<Hit> = rx
            .hits()
            .into_iter()
            .filter(|h| h.headers["webhook-id"] == d.message_id && h.answered == 200)
            .collect();
        assert_eq!(again.len(), 2);
        assert_eq!(again[0].body, again[1].body);
    }
);

both!(
    a_restart_during_retries_loses_nothing,
    with no_background_sender(5),
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let (_, token) = partner(
            &app,
            &coord,
            "CPAS",
            &["referrals:write", "webhooks:manage"],
        )
        .await;
        let rx = Receiver::start(503).await;
        let hook = register(&app, &token, &rx.url, &["referral.status_changed"]).await;
        referral_changed(&app, &token, &coord).await;
        assert_eq!(round(&app).await, 1);
        assert!(rx.delivered().is_empty());

        let app = app.restart().await;
        rx.answer(204);
        assert_eq!(round(&app).await, 1);
        assert_eq!(round(&app).await, 0);
        assert_eq!(rx.delivered().len(), 1);
        let log = deliveries(&app, &token, hook.endpoint.id).await;
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].status.as_str(), "delivered");
        assert_eq!(log[0].attempts, 2);
    }
);

both!(
    gone_and_exhausted_retries_disable_the_endpoint,
    with no_background_sender(2),
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let (org, token) = partner(
            &app,
            &coord,
            "CPAS",
            &["referrals:write", "webhooks:manage"],
        )
        .await;
        let gone = Receiver::start(410).await;
        let failing = Receiver::start(500).await;
        let a = register(&app, &token, &gone.url, &["referral.status_changed"]).await;
        let b = register(&app, &token, &failing.url, &["referral.status_changed"]).await;
        referral_changed(&app, &token, &coord).await;
        referral_changed(&app, &token, &coord).await;

        // 410 disables at once; the other waiting delivery to it fails without a request.
        assert_eq!(round(&app).await, 4);
        assert_eq!(gone.hits().len(), 1);
        let e: WebhookEndpoint = expect_json(
            app.get(&format!("{HOOKS}/{}", a.endpoint.id), Some(&token)).await,
            StatusCode::OK,
        )
        .await;
        assert!(!e.enabled);
        assert!(e.disabled_at.is_some());
        assert!(e.disabled_reason.as_deref().unwrap_or_default().contains("410"));
        let log_a = deliveries(&app, &token, a.endpoint.id).await;
        assert_eq!(log_a.len(), 2);
        assert!(log_a.iter().all(|d| d.status.as_str() == "failed"));

        // Three failed attempts (the first and two retries): given up, endpoint disabled; its
        // other waiting delivery fails without a request.
        assert_eq!(round(&app).await, 2);
        assert_eq!(round(&app).await, 2);
        assert_eq!(round(&app).await, 0);
        assert_eq!(failing.hits().len(), 5);
        let log_b = deliveries(&app, &token, b.endpoint.id).await;
        assert!(log_b.iter().all(|d| d.status.as_str() == "failed"));
        assert_eq!(log_b.iter().map(|d| d.attempts).max(), Some(3));

        // The team sees both and why.
        let staff: Vec<WebhookEndpoint> = expect_json(
            app.get(&format!("{ORGS}/{}/webhooks", org.id), Some(&coord)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(staff.len(), 2);
        assert!(staff.iter().all(|e| !e.enabled));
        assert!(staff
            .iter()
            .any(|e| e.disabled_reason.as_deref().unwrap_or_default().contains("three days")));
        // ... and each endpoint's recent deliveries, but only under its own organisation.
        let staff_log = format!("{ORGS}/{}/webhooks/{}/deliveries", org.id, b.endpoint.id);
        let seen: Page<WebhookDelivery> =
            expect_json(app.get(&staff_log, Some(&coord)).await, StatusCode::OK).await;
        assert_eq!(seen.count, 2);
        assert_eq!(
            seen.results.iter().map(|d| d.id).collect::<Vec<_>>(),
            log_b.iter().map(|d| d.id).collect::<Vec<_>>()
        );
        assert!(seen.results.iter().any(|d| d.attempts == 3 && d.response_status == Some(500)));
        let (other, _) = partner(&app, &coord, "Commune", &["events:read"]).await;
        let elsewhere = format!("{ORGS}/{}/webhooks/{}/deliveries", other.id, b.endpoint.id);
        assert_eq!(app.get(&elsewhere, Some(&coord)).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.get(&staff_log, Some(&token)).await.status(), StatusCode::UNAUTHORIZED);
        let coach = app.token_for(Role::Coach).await;
        assert_eq!(app.get(&staff_log, Some(&coach)).await.status(), StatusCode::FORBIDDEN);

        // Nothing is queued for a disabled endpoint, and a replay waits for it to be on again.
        referral_changed(&app, &token, &coord).await;
        assert_eq!(round(&app).await, 0);
        let replay = format!(
            "{HOOKS}/{}/deliveries/{}/replay",
            a.endpoint.id, log_a[0].id
        );
        let p = expect_problem(
            app.send_json(Method::POST, &replay, Some(&token), &json!({})).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert_eq!(p.status, 409);
        let _ = expect_problem(
            app.send_json(
                Method::POST,
                &format!(
                    "{HOOKS}/{}/deliveries/{}/replay",
                    b.endpoint.id, log_b[0].id
                ),
                Some(&token),
                &json!({}),
            )
            .await,
            StatusCode::CONFLICT,
        )
        .await;
        failing.answer(200);
        let on: WebhookEndpoint = expect_json(
            app.send_json(
                Method::PUT,
                &format!("{HOOKS}/{}", b.endpoint.id),
                Some(&token),
                &json!({ "url": failing.url, "event_types": ["referral.status_changed"], "enabled": true }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert!(on.enabled && on.disabled_reason.is_none());
        let replay = format!(
            "{HOOKS}/{}/deliveries/{}/replay",
            b.endpoint.id, log_b[0].id
        );
        let _: WebhookDelivery = expect_json(
            app.send_json(Method::POST, &replay, Some(&token), &json!({})).await,
            StatusCode::ACCEPTED,
        )
        .await;
        assert_eq!(round(&app).await, 1);
        assert_eq!(failing.delivered().len(), 1);
    }
);

both!(
    a_rotated_secret_signs_alongside_the_old_one,
    with no_background_sender(2),
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let (_, token) = partner(
            &app,
            &coord,
            "CPAS",
            &["referrals:write", "webhooks:manage"],
        )
        .await;
        let rx = Receiver::start(200).await;
        let hook = register(&app, &token, &rx.url, &["referral.status_changed"]).await;
        let rotated: WebhookEndpointSecret = expect_json(
            app.send_json(
                Method::POST,
                &format!("{HOOKS}/{}/rotate-secret", hook.endpoint.id),
                Some(&token),
                &json!({}),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_ne!(rotated.secret, hook.secret);
        assert!(rotated.endpoint.previous_secret_valid_until.is_some());
        referral_changed(&app, &token, &coord).await;
        assert_eq!(round(&app).await, 1);
        let hit = rx.hits().pop().expect("a delivery");
        assert_eq!(hit.headers["webhook-signature"].split(' ').count(), 2);
        assert!(verifies(&hit, &hook.secret));
        assert!(verifies(&hit, &rotated.secret));
        assert!(!verifies(&hit, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    }
);

both!(
    webhook_routes_refuse_whom_they_must,
    with no_background_sender(2),
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let (org, token) = partner(&app, &coord, "CPAS", &["referrals:write", "webhooks:manage"]).await;
        let (_, other) = partner(&app, &coord, "École", &["webhooks:manage"]).await;
        let (_, no_scope) = partner(&app, &coord, "Commune", &["events:read"]).await;
        let rx = Receiver::start(200).await;
        let hook = register(&app, &token, &rx.url, &["referral.status_changed"]).await;
        referral_changed(&app, &token, &coord).await;
        assert_eq!(round(&app).await, 1);
        let d = deliveries(&app, &token, hook.endpoint.id).await.remove(0);
        let id = hook.endpoint.id;
        let body = json!({ "url": rx.url, "event_types": ["event.published"] });
        let routes: Vec<(Method, String, Option<&Value>)> = vec![
            (Method::GET, HOOKS.to_owned(), None),
            (Method::POST, HOOKS.to_owned(), Some(&body)),
            (Method::GET, format!("{HOOKS}/{id}"), None),
            (Method::PUT, format!("{HOOKS}/{id}"), Some(&body)),
            (Method::DELETE, format!("{HOOKS}/{id}"), None),
            (Method::POST, format!("{HOOKS}/{id}/rotate-secret"), Some(&body)),
            (Method::GET, format!("{HOOKS}/{id}/deliveries"), None),
            (
                Method::POST,
                format!("{HOOKS}/{id}/deliveries/{}/replay", d.id),
                Some(&body),
            ),
        ];
        let empty = json!({});
        for (method, path, b) in &routes {
            let b = b.unwrap_or(&empty);
            // Anonymous and a staff token: not a partner.
            let res = app.send_json(method.clone(), path, None, b).await;
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{method} {path} anonymous");
            let res = app.send_json(method.clone(), path, Some(&coord), b).await;
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{method} {path} staff");
            // A client without the scope.
            let res = app.send_json(method.clone(), path, Some(&no_scope), b).await;
            assert_eq!(res.status(), StatusCode::FORBIDDEN, "{method} {path} no scope");
            // Another organisation: its endpoint does not exist for it.
            if path.as_str() != HOOKS {
                let res = app.send_json(method.clone(), path, Some(&other), b).await;
                assert_eq!(res.status(), StatusCode::NOT_FOUND, "{method} {path} other organisation");
            }
        }
        // The other organisation's list is its own (empty).
        let list: Vec<WebhookEndpoint> =
            expect_json(app.get(HOOKS, Some(&other)).await, StatusCode::OK).await;
        assert!(list.is_empty());
        // A partner token on the team's view; a role without partner management.
        let staff_view = format!("{ORGS}/{}/webhooks", org.id);
        assert_eq!(
            app.get(&staff_view, Some(&token)).await.status(),
            StatusCode::UNAUTHORIZED
        );
        let coach = app.token_for(Role::Coach).await;
        assert_eq!(
            app.get(&staff_view, Some(&coach)).await.status(),
            StatusCode::FORBIDDEN
        );
        // Nothing changed.
        let mine: Vec<WebhookEndpoint> =
            expect_json(app.get(HOOKS, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].event_types.len(), 1);
        assert_eq!(deliveries(&app, &token, id).await.len(), 1);

        // Addresses and event types are checked; nothing is stored on a bad input.
        for (bad, field) in [
            (json!({ "url": "http://partner.example/h", "event_types": ["event.published"] }), "url"),
            (json!({ "url": "ftp://127.0.0.1/h", "event_types": ["event.published"] }), "url"),
            (json!({ "url": rx.url, "event_types": [] }), "event_types"),
        ] {
            let p = expect_problem(
                app.send_json(Method::POST, HOOKS, Some(&token), &bad).await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert!(p.errors.as_ref().is_some_and(|e| e.contains_key(field)), "{bad}: {p:?}");
        }
        let res = app
            .send_json(
                Method::POST,
                HOOKS,
                Some(&token),
                &json!({ "url": rx.url, "event_types": ["person.created"] }),
            )
            .await;
        assert!(res.status().is_client_error());
        let mine: Vec<WebhookEndpoint> =
            expect_json(app.get(HOOKS, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(mine.len(), 1);

        // The owner deletes its endpoint, log and all.
        let res = app
            .send_json(Method::DELETE, &format!("{HOOKS}/{id}"), Some(&token), &empty)
            .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert_eq!(
            app.get(&format!("{HOOKS}/{id}/deliveries"), Some(&token)).await.status(),
            StatusCode::NOT_FOUND
        );
    }
);

both!(
    production_mode_refuses_local_addresses,
    with |s: &mut interra_api::config::Settings| {
        s.webhook_poll = None;
        s.production = true;
    },
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let (_, token) = partner(&app, &coord, "CPAS", &["webhooks:manage"]).await;
        for (url, field_msg) in [
            ("http://127.0.0.1:9/h", "https"),
            ("https://127.0.0.1/h", "private"),
            ("https://localhost/h", "private"),
            ("https://169.254.169.254/latest/meta-data", "private"),
            ("https://[fd00::1]/h", "private"),
        ] {
            let p = expect_problem(
                app.send_json(
                    Method::POST,
                    HOOKS,
                    Some(&token),
                    &json!({ "url": url, "event_types": ["event.published"] }),
                )
                .await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert!(p.errors.as_ref().is_some_and(|e| e.contains_key("url")), "{url}");
            let _ = field_msg;
        }
        let ok = register(&app, &token, "https://partner.example/hooks", &["event.published"]).await;
        assert!(ok.endpoint.enabled);
    }
);

both!(
    demo_partners_have_one_client_each_shown_once,
    with no_background_sender(2),
    |app: TestApp| async move {
        let report = interra_api::demo::load(&app.db).expect("demo");
        let names: BTreeSet<&str> = report
            .partner_clients
            .iter()
            .map(|c| c.organisation.as_str())
            .collect();
        assert_eq!(names.len(), 3);
        assert!(names.contains("La Grand Poste"));
        assert!(names.iter().any(|n| n.starts_with("CPAS")));
        assert_eq!(report.partner_lines().len(), 3);
        for c in &report.partner_clients {
            let res = token_in_body(&app, &c.client_id, &c.client_secret, None).await;
            assert_eq!(res.status(), StatusCode::OK, "{}", c.organisation);
        }
        // A second load creates nothing and so shows no secret.
        let again = interra_api::demo::load(&app.db).expect("demo again");
        assert!(again.partner_clients.is_empty());
    }
);

both!(
    two_instances_deliver_each_message_once,
    with no_background_sender(2),
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let (_, token) = partner(
            &app,
            &coord,
            "CPAS",
            &["referrals:write", "webhooks:manage"],
        )
        .await;
        let rx = Receiver::start(200).await;
        register(&app, &token, &rx.url, &["referral.status_changed"]).await;
        for _ in 0..6 {
            referral_changed(&app, &token, &coord).await;
        }
        // Two senders (as two server processes would run) share the outbox at once.
        let one = WebhookSender::new(&app.settings).expect("sender");
        let two = WebhookSender::new(&app.settings).expect("sender");
        let (a, b) = tokio::join!(deliver_due(&app.db, &one), deliver_due(&app.db, &two));
        let claimed = a.expect("round") + b.expect("round");
        assert_eq!(claimed, 6);
        assert_eq!(round(&app).await, 0);
        assert_eq!(rx.hits().len(), 6);
        assert_eq!(rx.delivered().len(), 6);
    }
);
