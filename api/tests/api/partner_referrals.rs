//! Partner referrals: privacy of the partner's view, the authorization matrix, the team's
//! review, `Idempotency-Key` on the partner's POST (issue 14).

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use shared::auth::Role;
use shared::referrals::{PartnerReferral, Referral, ReferralStatus};
use shared::Page;

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::partner_fixtures::partner;
use crate::people_fixtures::{create, PersonBuilder as P, NOTICE};

const REFERRALS: &str = "/api/v1/partner/referrals";
const QUEUE: &str = "/api/v1/referrals";

fn referral(first_name: &str, email: &str) -> Value {
    json!({
        "programme": "duo2change",
        "first_name": first_name,
        "email": email,
        "languages": ["ar", "fr"],
        "note": "Disponible l'après-midi",
        "consent": {
            "collected_by": "Sophie Renard, CPAS",
            "collected_at": (chrono::Utc::now() - chrono::TimeDelta::hours(1)).to_rfc3339(),
            "notice_version": NOTICE,
        },
    })
}

async fn refer(app: &TestApp, token: &str, body: &Value, key: Option<&str>) -> reqwest::Response {
    let mut req = app
        .client
        .post(app.url(REFERRALS))
        .bearer_auth(token)
        .json(body);
    if let Some(k) = key {
        req = req.header("Idempotency-Key", k);
    }
    req.send().await.expect("request")
}

/// The answer without what differs between any two referrals (id and times).
fn shape(v: &Value) -> Value {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        for k in ["id", "created_at", "status_changed_at"] {
            o.insert(k.into(), Value::Null);
        }
    }
    v
}

both!(
    referrals_tell_the_partner_status_and_dates_only,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let (org, writer) = partner(
            &app,
            &coord,
            "CPAS de Liège",
            &["referrals:write", "referrals:read"],
        )
        .await;
        let (_, other) = partner(
            &app,
            &coord,
            "CPAS de Seraing",
            &["referrals:write", "referrals:read"],
        )
        .await;
        let (_, reader_only) = partner(&app, &coord, "Commune", &["events:read"]).await;
        let known = create(&app, &coord, P::local("Amina").email("amina@example.be")).await;

        // A person already on record and a new one: the same answer, field for field.
        let res = refer(&app, &writer, &referral("Amina", "amina@example.be"), None).await;
        let existing: Value = expect_json(res, StatusCode::CREATED).await;
        let res = refer(
            &app,
            &writer,
            &referral("Amina", "someone.new@example.be"),
            None,
        )
        .await;
        let fresh: Value = expect_json(res, StatusCode::CREATED).await;
        assert_eq!(shape(&existing), shape(&fresh));
        let keys: Vec<&String> = existing.as_object().expect("object").keys().collect();
        assert_eq!(
            keys,
            [
                "created_at",
                "id",
                "programme",
                "status",
                "status_changed_at"
            ]
        );
        assert_eq!(existing["status"], "received");

        // The authorization matrix of every referral route.
        let id = existing["id"].as_str().expect("id").to_owned();
        let one = format!("{REFERRALS}/{id}");
        for (token, status) in [
            (None, StatusCode::UNAUTHORIZED),
            (Some(coord.as_str()), StatusCode::UNAUTHORIZED),
            (Some(reader_only.as_str()), StatusCode::FORBIDDEN),
        ] {
            let res = match token {
                Some(t) => refer(&app, t, &referral("X", "x@example.be"), None).await,
                None => app
                    .client
                    .post(app.url(REFERRALS))
                    .json(&referral("X", "x@example.be"))
                    .send()
                    .await
                    .expect("req"),
            };
            expect_problem(res, status).await;
            expect_problem(app.get(REFERRALS, token).await, status).await;
            expect_problem(app.get(&one, token).await, status).await;
        }
        // Another organisation sees neither the referral nor that it exists.
        expect_problem(app.get(&one, Some(&other)).await, StatusCode::NOT_FOUND).await;
        let theirs: Page<PartnerReferral> =
            expect_json(app.get(REFERRALS, Some(&other)).await, StatusCode::OK).await;
        assert_eq!(theirs.count, 0);
        let mine: Page<PartnerReferral> =
            expect_json(app.get(REFERRALS, Some(&writer)).await, StatusCode::OK).await;
        assert_eq!(mine.count, 2);

        // Field-level refusals.
        let mut bad = referral(" ", "not-an-email");
        bad["consent"]["notice_version"] = json!("1999-01");
        let p = expect_problem(
            refer(&app, &writer, &bad, None).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        for f in ["first_name", "email", "consent.notice_version"] {
            assert!(!p.field_errors(f).is_empty(), "{f}: {p:?}");
        }

        // The team's queue holds what the partner sent.
        let queue: Page<Referral> = expect_json(
            app.get(
                &format!("{QUEUE}?status=received&organisation_id={}", org.id),
                Some(&coord),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(queue.count, 2);
        let r = queue
            .results
            .iter()
            .find(|r| r.id.to_string() == id)
            .expect("in queue");
        assert_eq!(r.email.as_deref(), Some("amina@example.be"));
        assert_eq!(r.consent_collected_by, "Sophie Renard, CPAS");
        assert_eq!(r.organisation_name, "CPAS de Liège");
        let coach = app.token_for(Role::Coach).await;
        expect_problem(app.get(QUEUE, Some(&coach)).await, StatusCode::FORBIDDEN).await;
        expect_problem(
            app.get(QUEUE, Some(&writer)).await,
            StatusCode::UNAUTHORIZED,
        )
        .await;

        // Review: accepting names the person; steps follow each other.
        let step = |body: Value| {
            let (app, coord, id) = (&app, coord.clone(), id.clone());
            async move {
                app.send_json(
                    Method::POST,
                    &format!("{QUEUE}/{id}/status"),
                    Some(&coord),
                    &body,
                )
                .await
            }
        };
        let p = expect_problem(
            step(json!({ "status": "enrolled" })).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("status").is_empty());
        let p = expect_problem(
            step(json!({ "status": "accepted" })).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("person_id").is_empty());
        let accepted: Referral = expect_json(
            step(json!({ "status": "accepted", "person_id": known.id, "staff_note": "Déjà connue de Duo2Change" })).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(accepted.status, ReferralStatus::Accepted);
        assert_eq!(accepted.person_id, Some(known.id));

        // The partner sees the new status and its date, nothing the team recorded.
        let seen: Value = expect_json(app.get(&one, Some(&writer)).await, StatusCode::OK).await;
        assert_eq!(seen["status"], "accepted");
        let text = seen.to_string();
        assert!(!text.contains(&known.id.to_string()));
        assert!(!text.contains("Déjà connue"));
        assert_eq!(seen.as_object().map(|o| o.len()), Some(5));
    }
);

both!(
    a_partner_post_is_idempotent_per_key,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let (_, token) = partner(
            &app,
            &coord,
            "École de langues",
            &["referrals:write", "referrals:read"],
        )
        .await;
        let body = referral("Karim", "karim@example.be");

        let first = refer(&app, &token, &body, Some("key-1")).await;
        let first: Value = expect_json(first, StatusCode::CREATED).await;
        let again: Value = expect_json(
            refer(&app, &token, &body, Some("key-1")).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(first, again);
        // The same key with another body is refused.
        let other = referral("Karim", "karim.other@example.be");
        let p = expect_problem(
            refer(&app, &token, &other, Some("key-1")).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("Idempotency-Key").is_empty());

        // Concurrent requests with one key create one referral.
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..6 {
            let (client, url, token, body) = (
                app.bare.clone(),
                app.url(REFERRALS),
                token.clone(),
                body.clone(),
            );
            tasks.spawn(async move {
                client
                    .post(url)
                    .bearer_auth(token)
                    .header("Idempotency-Key", "key-2")
                    .json(&body)
                    .send()
                    .await
                    .expect("request")
            });
        }
        let mut ids = std::collections::BTreeSet::new();
        while let Some(res) = tasks.join_next().await {
            let v: Value = expect_json(res.expect("task"), StatusCode::CREATED).await;
            ids.insert(v["id"].as_str().expect("id").to_owned());
        }
        assert_eq!(ids.len(), 1, "{ids:?}");
        let mine: Page<PartnerReferral> =
            expect_json(app.get(REFERRALS, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(mine.count, 2);
    }
);
