//! Erasure beyond the person's own rows: answers kept for retried requests, the visitor's
//! address on the audit entries of their registrations, the right of access to those entries,
//! the staff-written texts that still name the person, and the periodic expiry of kept answers.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use shared::activities::{ActivityInput, PublicRegistration, Registration};
use shared::audit::AuditEntry;
use shared::auth::Role;
use shared::people::{AnonymiseResult, AnonymisedPerson, Category, MentionedIn};
use shared::{Lang, Page};
use uuid::Uuid;

use crate::activity_fixtures::{create_activity, upcoming, ACTIVITIES, EVENTS};
use crate::both;
use crate::helpers::{expect_json, TestApp};
use crate::people_fixtures::{create, find_in_database, send, PersonBuilder as P, PEOPLE};

fn visitor(first: &str, last: &str, email: &str) -> PublicRegistration {
    PublicRegistration {
        first_name: first.into(),
        last_name: Some(last.into()),
        email: Some(email.into()),
        profile: Some(Category::Local),
        lang: Lang::Fr,
        notice_version: "2026-11".into(),
        consent: true,
        ..Default::default()
    }
}

async fn entries(app: &TestApp, admin: &str, entity_type: &str, id: &str) -> Vec<AuditEntry> {
    let page: Page<AuditEntry> = expect_json(
        app.get(
            &format!("/api/v1/audit?entity_type={entity_type}&entity_id={id}&page_size=200"),
            Some(admin),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    page.results
}

async fn anonymise(app: &TestApp, token: &str, id: Uuid) -> AnonymisedPerson {
    expect_json(
        send(
            app,
            Method::POST,
            &format!("{PEOPLE}/{id}/anonymise"),
            Some(token),
            &json!({ "confirmation": "anonymise" }),
        )
        .await,
        StatusCode::OK,
    )
    .await
}

both!(
    nothing_about_a_visitor_survives_in_kept_answers_or_the_audit_log,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let token = app.token_for(Role::Coordinator).await;
        let first = create_activity(&app, &token, &upcoming("Cuisine syrienne", 5, Some(10))).await;
        let second = create_activity(&app, &token, &upcoming("Balade", 6, Some(10))).await;
        // A visitor registers on the public form (the audit keeps their address)...
        let res = app
            .bare
            .post(app.url(&format!("{EVENTS}/{}/register", first.id)))
            .json(&visitor("Samira", "Bennani", "samira.bennani@example.org"))
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), StatusCode::ACCEPTED);
        let regs: Vec<Registration> = expect_json(
            app.get(
                &format!("{ACTIVITIES}/{}/registrations", first.id),
                Some(&token),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let person = regs[0].person_id;
        let public_entry = entries(&app, &admin, "registration", &regs[0].id.to_string()).await;
        assert!(
            public_entry.iter().any(|e| e.ip.is_some()),
            "{public_entry:?}"
        );
        // ...and staff register her to another activity with a retry key: the kept answer
        // names her.
        let key_path = format!("{ACTIVITIES}/{}/registrations", second.id);
        let retry = || {
            app.client
                .post(app.url(&key_path))
                .bearer_auth(&token)
                .header("Idempotency-Key", "balade-samira")
                .json(&json!({ "person_id": person }))
                .send()
        };
        let res = retry().await.expect("request");
        assert_eq!(res.status(), StatusCode::CREATED);
        assert!(res.text().await.unwrap_or_default().contains("Samira"));

        // Her access export holds the entries about her registrations too.
        let export: Value = expect_json(
            app.get(&format!("{PEOPLE}/{person}/export"), Some(&token))
                .await,
            StatusCode::OK,
        )
        .await;
        let audit = export["records"]["audit_log"]
            .as_array()
            .expect("audit_log");
        let registered: Vec<&Value> = audit
            .iter()
            .filter(|e| e["action"] == "registration.created")
            .collect();
        assert_eq!(
            registered.len(),
            2,
            "registration entries exported: {audit:?}"
        );
        assert!(!export.to_string().contains("balade-samira"));

        anonymise(&app, &token, person).await;

        // Replaying the key does not bring her name back (nor registers anyone).
        let res = retry().await.expect("request");
        let status = res.status();
        let body = res.text().await.unwrap_or_default();
        assert!(
            !body.contains("Samira") && !body.contains("Bennani"),
            "the replayed answer names her: {status} {body}"
        );
        assert_ne!(status, StatusCode::CREATED, "{body}");
        let left = find_in_database(&app, &["Samira", "Bennani", "samira.bennani"]);
        assert!(left.is_empty(), "left after anonymisation: {left:?}");
        // No entry about her or her registrations keeps an address.
        for reg in &regs {
            let about = entries(&app, &admin, "registration", &reg.id.to_string()).await;
            assert!(!about.is_empty());
            assert!(
                about.iter().all(|e| e.ip.is_none()),
                "address kept: {about:?}"
            );
        }
        let mine = entries(&app, &admin, "person", &person.to_string()).await;
        assert!(
            mine.iter()
                .filter(|e| e.action != "person.anonymised")
                .all(|e| e.ip.is_none()),
            "{mine:?}"
        );
    }
);

both!(
    staff_are_told_which_of_their_texts_still_name_the_person,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let admin = app.token_for(Role::Admin).await;
        let amina = create(&app, &token, P::newcomer("Amina", 2).last_name("Tazi")).await;
        let friend = create(
            &app,
            &token,
            P::local("Sofie").notes("Vient toujours avec Amina T."),
        )
        .await;
        let unrelated = create(&app, &token, P::local("Karel").notes("Aminata l'aide")).await;
        let workshop = create_activity(
            &app,
            &token,
            &ActivityInput {
                description: [
                    (
                        "fr".to_owned(),
                        "Amina partage sa passion du couscous.".to_owned(),
                    ),
                    ("en".to_owned(), "A cooking workshop.".to_owned()),
                ]
                .into_iter()
                .collect(),
                ..upcoming("Atelier couscous", 4, Some(12))
            },
        )
        .await;
        let other = create_activity(&app, &token, &upcoming("Chorale", 4, Some(12))).await;

        let done = anonymise(&app, &token, amina.id).await;
        assert!(done.person.anonymised);
        let found: Vec<(MentionedIn, Uuid, &str)> = done
            .mentions
            .iter()
            .map(|m| (m.object_type, m.object_id, m.field.as_str()))
            .collect();
        assert!(
            found.contains(&(MentionedIn::Activity, workshop.id, "description.fr")),
            "{found:?}"
        );
        assert!(
            found.contains(&(MentionedIn::Person, friend.id, "staff_notes")),
            "{found:?}"
        );
        assert_eq!(found.len(), 2, "only texts with her names: {found:?}");
        assert!(done.mentions.iter().all(|m| m.person_id == amina.id));
        assert!(!found
            .iter()
            .any(|(_, id, _)| *id == unrelated.id || *id == other.id));
        // The texts are listed, not rewritten: they are the staff's to edit.
        let kept: Value = expect_json(
            app.get(&format!("{ACTIVITIES}/{}", workshop.id), Some(&token))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            kept["description"]["fr"],
            "Amina partage sa passion du couscous."
        );

        // The bulk anonymisation lists them too, per person.
        let yusuf = create(&app, &token, P::newcomer("Yusuf", 1)).await;
        create(
            &app,
            &token,
            P::local("Lotte").notes("Yusuf et Lotte, duo possible"),
        )
        .await;
        let bulk: AnonymiseResult = expect_json(
            send(
                &app,
                Method::POST,
                &format!("{PEOPLE}/anonymise"),
                Some(&admin),
                &json!({ "ids": [yusuf.id], "confirmation": "anonymise" }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(bulk.anonymised, [yusuf.id]);
        assert_eq!(bulk.mentions.len(), 1, "{:?}", bulk.mentions);
        assert_eq!(bulk.mentions[0].person_id, yusuf.id);
        assert_eq!(bulk.mentions[0].object_type, MentionedIn::Person);
        assert_eq!(bulk.mentions[0].field, "staff_notes");
    }
);

both!(
    kept_answers_expire_while_the_server_runs,
    with |s: &mut interra_api::config::Settings| s.housekeeping_interval = Duration::from_millis(100),
    |app: TestApp| async move {
        use diesel::prelude::*;
        use interra_api::db::schema::idempotency_keys as keys;
        let insert = |key: &str, hours_ago: i64| {
            let mut conn = app.db.conn().expect("conn");
            diesel::insert_into(keys::table)
                .values((
                    keys::key.eq(key),
                    keys::scope.eq("user:test:/api/v1/activities/x/registrations"),
                    keys::status.eq(201),
                    keys::body.eq(r#"{"display_name":"Old Answer"}"#),
                    keys::created_at
                        .eq(chrono::Utc::now().naive_utc() - chrono::Duration::hours(hours_ago)),
                ))
                .execute(&mut *conn)
                .expect("insert");
        };
        // Written while the server runs (start-up's purge is long past).
        insert("old", 25);
        insert("fresh", 1);
        let left = || {
            let mut conn = app.db.conn().expect("conn");
            keys::table
                .select(keys::key)
                .order(keys::key.asc())
                .load::<String>(&mut *conn)
                .expect("keys")
        };
        let mut waited = Duration::ZERO;
        while left().len() > 1 && waited < Duration::from_secs(10) {
            tokio::time::sleep(Duration::from_millis(100)).await;
            waited += Duration::from_millis(100);
        }
        assert_eq!(left(), ["fresh"], "the day-old answer is still kept");
    }
);

/// The places in the SQLite files (`<db>`, `<db>-wal`) where any of `needles` appears as bytes
/// (as written, or lower-case), whatever the tables say: deleted rows linger in free pages and
/// old page versions in the write-ahead log. Empty on PostgreSQL, whose files are not ours.
pub fn find_in_raw_files(app: &TestApp, needles: &[&str]) -> Vec<String> {
    let interra_api::db::DatabaseUrl::Sqlite(path) = &app.settings.database_url else {
        return vec![];
    };
    let mut found = Vec::new();
    let mut wal = path.clone().into_os_string();
    wal.push("-wal");
    for file in [path.clone(), wal.into()] {
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        let lower = bytes.to_ascii_lowercase();
        for needle in needles {
            let exact = needle.as_bytes();
            let folded = needle.to_lowercase().into_bytes();
            let hit = |hay: &[u8], n: &[u8]| !n.is_empty() && hay.windows(n.len()).any(|w| w == n);
            if hit(&bytes, exact) || hit(&lower, &folded) {
                found.push(format!("{needle:?} in {}", file.display()));
            }
        }
    }
    found
}
