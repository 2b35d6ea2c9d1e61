//! GDPR rights: the access export (complete, checked against the live schema), anonymisation
//! (nothing identifying left anywhere in the database), retention review and bulk anonymisation.

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use shared::auth::Role;
use shared::people::{AnonymiseResult, Category, LanguageLevel, Person, PersonSummary, TagKind};
use uuid::Uuid;

use crate::both;
use crate::helpers::{expect_json, expect_problem, Backend, TestApp};
use crate::people_fixtures::{
    actions, audit_of, count_rows, count_where, create, find_in_database, get_person, list,
    post_signup, references_to_people, send, signup_request, staff, tag_id, PersonBuilder as P,
    PEOPLE,
};

/// Gives a person a row in every table the application writes about people.
async fn fill(app: &TestApp, token: &str, id: Uuid, coach: Uuid) {
    for body in [
        json!({ "programme": "interact", "role": "workshop_host", "status": "active", "started_on": "2026-03-01" }),
        json!({ "programme": "duo2change", "role": "duo_candidate", "status": "applied" }),
    ] {
        let res = send(
            app,
            Method::POST,
            &format!("{PEOPLE}/{id}/memberships"),
            Some(token),
            &body,
        )
        .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    let consent = json!({ "purpose": "photos", "notice_version": "2026-11", "notice_lang": "fr", "method": "paper_form" });
    let res = send(
        app,
        Method::POST,
        &format!("{PEOPLE}/{id}/consents"),
        Some(token),
        &consent,
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = send(
        app,
        Method::POST,
        &format!("{PEOPLE}/{id}/coaches"),
        Some(token),
        &json!({ "user_id": coach }),
    )
    .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}

/// An InterAct workshop hosted by `host` (shown publicly as `public_name`), with `host` registered.
async fn host_and_register(app: &TestApp, token: &str, host: Uuid, public_name: &str) {
    let activity = json!({
        "title": { "fr": "Atelier cuisine", "en": "Cooking workshop" },
        "programme": "interact",
        "kind": "workshop_session",
        "starts_at": "2027-01-09T14:00",
        "ends_at": "2027-01-09T17:00",
        "visibility": "public",
        "hosts": [{ "person_id": host, "public_name": public_name }],
    });
    let res = send(
        app,
        Method::POST,
        "/api/v1/activities",
        Some(token),
        &activity,
    )
    .await;
    let status = res.status();
    let created: Value = res.json().await.expect("activity json");
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().expect("activity id").to_owned();
    let res = send(
        app,
        Method::POST,
        &format!("/api/v1/activities/{id}/registrations"),
        Some(token),
        &json!({ "person_id": host }),
    )
    .await;
    let status = res.status();
    assert!(
        status.is_success(),
        "registration: {status} {}",
        res.text().await.unwrap_or_default()
    );
}

async fn export(app: &TestApp, token: &str, id: Uuid) -> (reqwest::header::HeaderMap, Value) {
    let res = app.get(&format!("{PEOPLE}/{id}/export"), Some(token)).await;
    let headers = res.headers().clone();
    (headers, expect_json(res, StatusCode::OK).await)
}

both!(
    the_export_covers_every_table_that_refers_to_a_person,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let token = app.token_for(Role::Coordinator).await;
        let (coach, _) = staff(&app, Role::Coach).await;
        let cooking = tag_id(&app, &token, "cooking").await;
        let music = tag_id(&app, &token, "music").await;
        let full = |name: &str, email: &str| {
            P::newcomer(name, 2)
                .email(email)
                .language("ar", LanguageLevel::Native)
                .language("fr", LanguageLevel::Basic)
                .tag(cooking, TagKind::Passion)
                .tag(music, TagKind::Interest)
                .slot("sat_afternoon")
                .notes("Staff only: prefers Arabic on the phone")
        };
        let person = create(&app, &token, full("Exported", "exported@example.be")).await;
        let other = create(&app, &token, full("Bystander", "bystander@example.be")).await;
        fill(&app, &token, person.id, coach).await;
        fill(&app, &token, other.id, coach).await;
        host_and_register(&app, &token, person.id, "Exported").await;
        host_and_register(&app, &token, other.id, "Bystander").await;
        for who in [person.id, other.id] {
            let res = send(
                &app,
                Method::POST,
                "/api/v1/interlab/applications",
                Some(&token),
                &json!({ "person_id": who, "idea": "Un food truck" }),
            )
            .await;
            assert_eq!(res.status(), StatusCode::CREATED);
        }

        let (headers, doc) = export(&app, &token, person.id).await;
        let disposition = headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(disposition.starts_with("attachment"), "{disposition}");
        assert_eq!(
            headers.get("cache-control").and_then(|v| v.to_str().ok()),
            Some("no-store")
        );
        assert_eq!(doc["person"]["id"], json!(person.id.to_string()));
        // The access export includes staff notes.
        assert_eq!(
            doc["person"]["staff_notes"],
            "Staff only: prefers Arabic on the phone"
        );
        let text = doc.to_string();
        assert!(
            !text.contains("bystander"),
            "another person's data in the export"
        );
        assert!(
            !text.contains(&other.id.to_string()),
            "another person's rows in the export"
        );

        // Every table with a foreign key to `people`, read from the live schema.
        let refs = references_to_people(&app);
        let tables: BTreeSet<&str> = refs.iter().map(|r| r.table_name.as_str()).collect();
        for known in [
            "memberships",
            "consents",
            "person_languages",
            "person_tags",
            "person_availability",
            "person_coaches",
        ] {
            assert!(
                tables.contains(known),
                "schema query missed {known}: {refs:?}"
            );
        }
        let records = doc["records"].as_object().expect("records object");
        let id = json!(person.id.to_string());
        for table in &tables {
            let rows = records
                .get(*table)
                .unwrap_or_else(|| {
                    panic!("the export forgets table {table}, which refers to people ({refs:?})")
                })
                .as_array()
                .unwrap_or_else(|| panic!("{table} is not a list"));
            let columns: Vec<&str> = refs
                .iter()
                .filter(|r| r.table_name == *table)
                .map(|r| r.column_name.as_str())
                .collect();
            // Only rows about this person: through one of the referencing columns (or its own row).
            for row in rows {
                assert!(
                    (row["id"] == id && *table == "people")
                        || columns.iter().any(|c| row[*c] == id),
                    "{table} row not about this person: {row}"
                );
            }
            // Every row that refers to the person, as the database holds them.
            for column in columns {
                if *table == "people" {
                    continue; // other people flagged as possible duplicates of this one are not theirs
                }
                let held = count_where(&app, table, column, &person.id.to_string());
                let exported = rows.iter().filter(|r| r[column] == id).count() as i64;
                assert_eq!(
                    exported, held,
                    "{table}.{column}: {held} rows about the person, {exported} exported"
                );
            }
        }
        assert!(
            records["people"]
                .as_array()
                .is_some_and(|rows| rows.iter().any(|r| r["id"] == id)),
            "own row missing"
        );
        // The person has rows in each table the application writes about people.
        for table in [
            "interlab_applications",
            "registrations",
            "activity_hosts",
            "memberships",
            "consents",
            "person_languages",
            "person_tags",
            "person_availability",
            "person_coaches",
        ] {
            assert!(
                records[table].as_array().is_some_and(|r| !r.is_empty()),
                "{table}: nothing exported"
            );
        }
        // Two from `fill`, one from the InterLab application, one from the registration.
        assert_eq!(records["memberships"].as_array().map(Vec::len), Some(4));
        assert_eq!(
            records["person_languages"].as_array().map(Vec::len),
            Some(2)
        );
        assert_eq!(records["person_tags"].as_array().map(Vec::len), Some(2));
        assert_eq!(records["people"][0]["email"], "exported@example.be");

        // The audit entries about the person are part of it, the export itself included.
        let audit = records["audit_log"].as_array().expect("audit_log");
        let audited: Vec<&str> = audit.iter().filter_map(|e| e["action"].as_str()).collect();
        for action in [
            "person.created",
            "person.membership_added",
            "person.consent_given",
            "person.coach_assigned",
            "person.exported",
        ] {
            assert!(
                audited.contains(&action),
                "{action} missing from {audited:?}"
            );
        }
        assert_eq!(
            actions(&audit_of(&app, &admin, person.id).await).last(),
            Some(&"person.exported")
        );

        expect_problem(
            app.get(&format!("{PEOPLE}/{}/export", Uuid::new_v4()), Some(&token))
                .await,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
);

both!(
    anonymisation_leaves_nothing_identifying,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let token = app.token_for(Role::Coordinator).await;
        let (coach, _) = staff(&app, Role::Coach).await;
        let cooking = tag_id(&app, &token, "cooking").await;
        let person = create(
            &app,
            &token,
            P::newcomer("Élodie", 2)
                .last_name("Vandenbroucke")
                .preferred_name("Lolodie")
                .email("elodie.vandenbroucke@example.be")
                .phone("0470 98 76 54")
                .street("Rue Saint-Gilles 12")
                .postcode("4000")
                .commune("Liège")
                .birth_year(1990)
                .gender("woman")
                .origin("Maghreb")
                .language("ar", LanguageLevel::Native)
                .tag(cooking, TagKind::Skill)
                .slot("wed_evening")
                .presentation("Ancienne infirmière à Damas")
                .notes("Suivie par le CPAS de Grâce-Hollogne")
                .override_category(
                    Category::Newcomer,
                    Some("Hébergée chez sa soeur Fatimazahra"),
                ),
        )
        .await;
        fill(&app, &token, person.id, coach).await;
        // She hosts a public workshop under a name she chose, and registered for it.
        host_and_register(&app, &token, person.id, "Lolodie V.").await;
        // Other programmes hold free text about her too (Duo2Change).
        let candidacy = json!({ "person_id": person.id, "travel": "anywhere", "remarks": "Vient avec Fatimazahra, sa soeur" });
        let res = send(
            &app,
            Method::POST,
            "/api/v1/duo/candidates",
            Some(&token),
            &candidacy,
        )
        .await;
        assert_eq!(
            res.status(),
            StatusCode::CREATED,
            "{}",
            res.text().await.unwrap_or_default()
        );
        // InterLab holds her idea, the team's note and her project.
        let res = send(
            &app,
            Method::POST,
            "/api/v1/interlab/applications",
            Some(&token),
            &json!({ "person_id": person.id, "idea": "Couture avec Fatimazahra", "heard_via": "partner_organisation", "heard_via_detail": "CPAS de Grâce-Hollogne" }),
        )
        .await;
        let application: Value = expect_json(res, StatusCode::CREATED).await;
        let decision = json!({
            "decision": "accept",
            "entrepreneur": {
                "project_name": "Lolodie Couture",
                "description": "Retouches avec Fatimazahra, Rue Saint-Gilles",
                "stage": "idea",
                "legal_form": "independent",
            },
        });
        let res = send(
            &app,
            Method::POST,
            &format!(
                "/api/v1/interlab/applications/{}/decision",
                application["id"].as_str().expect("id")
            ),
            Some(&token),
            &decision,
        )
        .await;
        let decided: Value = expect_json(res, StatusCode::OK).await;
        let entrepreneur = decided["entrepreneur"]["id"]
            .as_str()
            .expect("entrepreneur")
            .to_owned();
        let strengths: Value = expect_json(
            app.get("/api/v1/interlab/strengths", Some(&token)).await,
            StatusCode::OK,
        )
        .await;
        let diagnostic = json!({
            "held_on": "2026-11-02",
            "strengths": [{ "strength_id": strengths[0]["id"], "level": 4, "note": "Couturière à Damas, comme Fatimazahra" }],
            "needs": [{ "domain": "premises", "priority": "high", "goal": "Un atelier rue Saint-Gilles", "note": "CPAS de Grâce-Hollogne" }],
            "summary": "Lolodie a trente ans de métier.",
        });
        let res = send(
            &app,
            Method::POST,
            &format!("/api/v1/interlab/entrepreneurs/{entrepreneur}/diagnostics"),
            Some(&token),
            &diagnostic,
        )
        .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let res = send(
            &app,
            Method::POST,
            &format!("/api/v1/interlab/entrepreneurs/{entrepreneur}/milestones"),
            Some(&token),
            &json!({ "title": "Appeler Fatimazahra", "owner": "entrepreneur", "evidence": "Vu rue Saint-Gilles" }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        // A meeting (her words, the notes, decisions, next steps) and an outcome about her.
        let res = send(
            &app,
            Method::POST,
            &format!("/api/v1/interlab/entrepreneurs/{entrepreneur}/meetings"),
            Some(&token),
            &json!({
                "held_on": "2026-11-03",
                "attendee_person_ids": [person.id],
                "entrepreneur_words": "Je veux un atelier rue Saint-Gilles",
                "notes": "Fatimazahra l'aide le soir",
                "decisions": "Voir le CPAS de Grâce-Hollogne",
                "next_steps": [{ "text": "Appeler Fatimazahra pour le local" }],
            }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let res = send(
            &app,
            Method::POST,
            &format!("/api/v1/interlab/entrepreneurs/{entrepreneur}/outcomes"),
            Some(&token),
            &json!({
                "kind": "business_created",
                "occurred_on": "2026-11-20",
                "legal_form": "independent",
                "enterprise_number": "0123 456 749",
                "note": "Atelier ouvert avec Fatimazahra",
            }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        // Mentoring: she mentors too (her entry, her slots), and another mentor accompanies her
        // project (the relation's note, a booking's note).
        let slot_day = (chrono::Utc::now() + chrono::Duration::days(3)).format("%Y-%m-%d");
        let her_entry: Value = expect_json(
            send(&app, Method::POST, "/api/v1/interlab/mentors", Some(&token),
                &json!({ "person_id": person.id, "role": "facilitator", "languages": ["ar", "fr"], "capacity": 2,
                         "organisation": "Atelier de Fatimazahra", "availability": "Rue Saint-Gilles, le mardi" })).await,
            StatusCode::CREATED,
        )
        .await;
        let res = send(&app, Method::POST, "/api/v1/interlab/office-hours", Some(&token),
            &json!({ "mentor_id": her_entry["id"], "starts_at": format!("{slot_day}T10:00"), "ends_at": format!("{slot_day}T11:00"),
                     "place": "Rue Saint-Gilles 12, chez Fatimazahra" })).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let other_mentor = create(
            &app,
            &token,
            P::local("Mentor").language("fr", LanguageLevel::Native),
        )
        .await;
        let their_entry: Value = expect_json(
            send(&app, Method::POST, "/api/v1/interlab/mentors", Some(&token),
                &json!({ "person_id": other_mentor.id, "role": "mentor", "languages": ["fr"], "capacity": 2 })).await,
            StatusCode::CREATED,
        )
        .await;
        let res = send(&app, Method::POST, "/api/v1/interlab/mentorships", Some(&token),
            &json!({ "mentor_id": their_entry["id"], "entrepreneur_id": entrepreneur, "note": "Elle viendra avec Fatimazahra" })).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let slot: Value = expect_json(
            send(&app, Method::POST, "/api/v1/interlab/office-hours", Some(&token),
                &json!({ "mentor_id": their_entry["id"], "starts_at": format!("{slot_day}T14:00"), "ends_at": format!("{slot_day}T15:00"),
                         "place": "La Grand Poste" })).await,
            StatusCode::CREATED,
        )
        .await;
        let res = send(&app, Method::PUT, &format!("/api/v1/interlab/office-hours/{}/booking", slot["id"].as_str().expect("id")), Some(&token),
            &json!({ "entrepreneur_id": entrepreneur, "note": "Le local de Fatimazahra, rue Saint-Gilles" })).await;
        assert_eq!(res.status(), StatusCode::OK);
        // InterAct holds her workshop proposal, the pipeline's notes and her autonomy ladder.
        let res = send(
            &app,
            Method::POST,
            "/api/v1/interact/proposals",
            Some(&token),
            &json!({ "person_id": person.id, "title": "Couture avec Lolodie", "description": "Retouches avec Fatimazahra", "needs": "Une machine du CPAS de Grâce-Hollogne", "availability_note": "Rue Saint-Gilles le soir", "next_step": "Appeler Fatimazahra" }),
        )
        .await;
        let proposal: Value = expect_json(res, StatusCode::CREATED).await;
        let proposal = proposal["proposal"]["id"]
            .as_str()
            .expect("proposal")
            .to_owned();
        for (path, body) in [
            (
                "notes",
                json!({ "body": "Vient avec Fatimazahra, sa soeur" }),
            ),
            (
                "status",
                json!({ "status": "talked", "note": "Rencontrée au CPAS de Grâce-Hollogne" }),
            ),
            ("status", json!({ "status": "planned" })),
            (
                "autonomy",
                json!({ "level": "supported", "note": "Lolodie anime seule" }),
            ),
        ] {
            let res = send(
                &app,
                Method::POST,
                &format!("/api/v1/interact/proposals/{proposal}/{path}"),
                Some(&token),
                &body,
            )
            .await;
            assert!(res.status().is_success(), "{path}: {}", res.status());
        }
        // A change and an export leave more traces about her.
        let mut edit = P::newcomer("Élodie", 2)
            .last_name("Vandenbroucke")
            .preferred_name("Lolodie")
            .email("elodie.vandenbroucke@example.be")
            .phone("0470 98 76 54")
            .street("Rue Saint-Gilles 12")
            .presentation("Ancienne infirmière à Damas")
            .notes("Suivie par le CPAS de Grâce-Hollogne")
            .override_category(
                Category::Newcomer,
                Some("Hébergée chez sa soeur Fatimazahra"),
            )
            .build();
        edit.tags = vec![shared::people::PersonTagRef {
            tag_id: cooking,
            kind: TagKind::Skill,
        }];
        let path = format!("{PEOPLE}/{}", person.id);
        let _: Person = expect_json(
            send(&app, Method::PUT, &path, Some(&token), &edit).await,
            StatusCode::OK,
        )
        .await;
        export(&app, &token, person.id).await;
        // A public sign-up by someone else, to make sure the search sees the whole database.
        let applicant = signup_request(
            "Karimatou",
            Some("karimatou.signup@example.be"),
            Some("0488 76 54 32"),
        );
        assert_eq!(
            post_signup(&app, &applicant).await.status(),
            StatusCode::ACCEPTED
        );

        let needles = [
            "elodie.vandenbroucke@example.be",
            "vandenbroucke",
            "Élodie",
            "elodie",
            "Lolodie",
            "+32470987654",
            "0470 98 76 54",
            "0470987654",
            "Rue Saint-Gilles",
            "infirmière à Damas",
            "CPAS de Grâce",
            "Fatimazahra",
            "Maghreb",
            "0123.456.749",
        ];
        let mut before = find_in_database(&app, &needles);
        before.sort();
        for needle in [
            "0123.456.749",
            "elodie.vandenbroucke@example.be",
            "+32470987654",
            "0470987654",
            "vandenbroucke",
            "Fatimazahra",
            "CPAS de Grâce",
        ] {
            assert!(
                before.iter().any(|f| f.starts_with(&format!("{needle:?}"))),
                "the search does not find {needle}: {before:?}"
            );
        }
        let memberships_before = count_rows(&app, "memberships");

        // Without the exact confirmation word: refused, nothing changed.
        for body in [
            json!({ "confirmation": "delete" }),
            json!({ "confirmation": "" }),
        ] {
            let problem = expect_problem(
                send(
                    &app,
                    Method::POST,
                    &format!("{path}/anonymise"),
                    Some(&token),
                    &body,
                )
                .await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert_eq!(
                problem.field_errors("confirmation"),
                ["Confirm by typing the requested word.".to_owned()]
            );
        }
        let res = send(
            &app,
            Method::POST,
            &format!("{path}/anonymise"),
            Some(&token),
            &json!({}),
        )
        .await;
        assert!(res.status().is_client_error());
        let unchanged = get_person(&app, &token, person.id).await;
        assert!(!unchanged.anonymised);
        assert_eq!(
            unchanged.email.as_deref(),
            Some("elodie.vandenbroucke@example.be")
        );
        let mut again = find_in_database(&app, &needles);
        again.sort();
        assert_eq!(again, before);

        let res = send(
            &app,
            Method::POST,
            &format!("{path}/anonymise"),
            Some(&token),
            &json!({ "confirmation": "anonymise" }),
        )
        .await;
        let anonymised: Person = expect_json(res, StatusCode::OK).await;
        assert!(anonymised.anonymised);
        assert!(anonymised.archived);
        assert_eq!(anonymised.display_name, "anonymised");

        let left = find_in_database(&app, &needles);
        assert!(
            left.is_empty(),
            "identifying values left after anonymisation:\n{}",
            left.join("\n")
        );
        // Nor in the files themselves (SQLite: free pages, the write-ahead log).
        let raw = crate::erasure::find_in_raw_files(&app, &needles);
        assert!(
            raw.is_empty(),
            "left in the database files:\n{}",
            raw.join("\n")
        );
        // The other applicant is still there (the search did read the whole database).
        assert!(
            !find_in_database(&app, &["karimatou.signup@example.be", "+32488765432"]).is_empty()
        );

        // Her InterLab project keeps its shape (stage, legal form) for the yearly figures.
        let kept: Value = expect_json(
            app.get(
                &format!("/api/v1/interlab/entrepreneurs/{entrepreneur}"),
                Some(&token),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(kept["project"]["stage"], "idea");
        assert_eq!(kept["project"]["legal_form"], "independent");
        assert_eq!(kept["project"]["name"], "");
        // The record keeps its non-identifying shape for reports.
        let after = get_person(&app, &admin, person.id).await;
        assert_eq!(after.id, person.id);
        assert!(after.anonymised);
        assert_eq!(
            (after.email, after.phone, after.last_name, after.street),
            (None, None, None, None)
        );
        assert_eq!(after.staff_notes, None);
        assert_eq!(after.category, Some(Category::Newcomer));
        // Two from `fill`, one from InterLab, one from the registration.
        assert_eq!(after.memberships.len(), 4);
        assert_eq!(count_rows(&app, "memberships"), memberships_before);
        assert_eq!(after.consents.len(), 1);
        assert_eq!(
            list(&app, &token, "").await.count,
            2,
            "only the applicant and the other mentor are current"
        );
        assert_eq!(list(&app, &token, "archived=true").await.count, 1);

        // Audited, without addresses; a second request changes nothing; the record is closed.
        let entries = audit_of(&app, &admin, person.id).await;
        assert_eq!(actions(&entries).last(), Some(&"person.anonymised"));
        let earlier = &entries[..entries.len() - 1];
        assert!(
            earlier.iter().all(|e| e.ip.is_none()),
            "client addresses kept in the person's audit"
        );
        let res = send(
            &app,
            Method::POST,
            &format!("{path}/anonymise"),
            Some(&token),
            &json!({ "confirmation": "Anonymise" }),
        )
        .await;
        let _: Person = expect_json(res, StatusCode::OK).await;
        assert_eq!(audit_of(&app, &admin, person.id).await.len(), entries.len());
        expect_problem(
            send(&app, Method::PUT, &path, Some(&token), &edit).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        expect_problem(
            send(
                &app,
                Method::POST,
                &format!("{path}/restore"),
                Some(&token),
                &json!({}),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;

        // Her email and phone are free again: no false duplicate.
        create(
            &app,
            &token,
            P::local("Newperson")
                .email("elodie.vandenbroucke@example.be")
                .phone("0470 98 76 54"),
        )
        .await;
    }
);

fn set_last_activity(app: &TestApp, id: Uuid, years_ago: i32) {
    let when = chrono::Utc::now().naive_utc() - chrono::Duration::days(365 * i64::from(years_ago));
    set_last_activity_at(app, id, when);
}

fn set_last_activity_at(app: &TestApp, id: Uuid, when: chrono::NaiveDateTime) {
    use diesel::prelude::*;
    use interra_api::db::schema::people;
    let mut conn = app.db.conn().expect("conn");
    let n = diesel::update(people::table.find(id.to_string()))
        .set(people::last_activity_at.eq(when))
        .execute(&mut *conn)
        .expect("update");
    assert_eq!(n, 1);
}

both!(
    retention_review_and_bulk_anonymisation,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let coordinator = app.token_for(Role::Coordinator).await;
        let old = create(
            &app,
            &coordinator,
            P::local("Oldtimer").email("oldtimer@example.be"),
        )
        .await;
        let older = create(
            &app,
            &coordinator,
            P::local("Gone").no_email().phone("0477 66 55 44"),
        )
        .await;
        let recent = create(
            &app,
            &coordinator,
            P::local("Recent").email("recent@example.be"),
        )
        .await;
        set_last_activity(&app, old.id, 4);
        set_last_activity(&app, older.id, 5);

        // Past the retention period (36 months by default): listed for the administrator.
        let due: Vec<PersonSummary> = expect_json(
            app.get(&format!("{PEOPLE}/retention"), Some(&admin)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            due.iter().map(|p| p.id).collect::<Vec<_>>(),
            [older.id, old.id],
            "oldest first"
        );
        expect_problem(
            app.get(&format!("{PEOPLE}/retention"), Some(&coordinator))
                .await,
            StatusCode::FORBIDDEN,
        )
        .await;

        let bulk = format!("{PEOPLE}/anonymise");
        let body = json!({ "ids": [old.id, older.id], "confirmation": "anonymise" });
        // Coordinators may not; a wrong word is refused; an unknown id refuses the whole batch.
        expect_problem(
            send(&app, Method::POST, &bulk, Some(&coordinator), &body).await,
            StatusCode::FORBIDDEN,
        )
        .await;
        let problem = expect_problem(
            send(
                &app,
                Method::POST,
                &bulk,
                Some(&admin),
                &json!({ "ids": [old.id, older.id], "confirmation": "yes" }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!problem.field_errors("confirmation").is_empty());
        expect_problem(
            send(
                &app,
                Method::POST,
                &bulk,
                Some(&admin),
                &json!({ "ids": [old.id, Uuid::new_v4()], "confirmation": "anonymise" }),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        assert!(
            !get_person(&app, &admin, old.id).await.anonymised,
            "a refused batch anonymised someone"
        );
        assert!(!find_in_database(&app, &["oldtimer@example.be"]).is_empty());

        let result: AnonymiseResult = expect_json(
            send(&app, Method::POST, &bulk, Some(&admin), &body).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(result.anonymised, [old.id, older.id]);
        for id in [old.id, older.id] {
            let p = get_person(&app, &admin, id).await;
            assert!(p.anonymised, "{id} not anonymised");
            assert_eq!(
                actions(&audit_of(&app, &admin, id).await).last(),
                Some(&"person.anonymised")
            );
        }
        let left = find_in_database(&app, &["oldtimer", "+32477665544", "0477665544"]);
        assert!(left.is_empty(), "left after bulk anonymisation: {left:?}");
        let kept = get_person(&app, &admin, recent.id).await;
        assert!(!kept.anonymised);
        assert_eq!(kept.email.as_deref(), Some("recent@example.be"));

        // Done: no longer due, and a second run reports nobody.
        let due: Vec<PersonSummary> = expect_json(
            app.get(&format!("{PEOPLE}/retention"), Some(&admin)).await,
            StatusCode::OK,
        )
        .await;
        assert!(due.is_empty());
        let again: AnonymiseResult = expect_json(
            send(&app, Method::POST, &bulk, Some(&admin), &body).await,
            StatusCode::OK,
        )
        .await;
        assert!(again.anonymised.is_empty());
    }
);

/// The retention period is a setting: with 6 months, someone inactive for 7 months is due.
async fn retention_period_is_configurable(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |s| s.retention_months = 6).await else {
        return;
    };
    let admin = app.token_for(Role::Admin).await;
    let quiet = create(&app, &admin, P::local("Quiet")).await;
    let active = create(&app, &admin, P::local("Active")).await;
    let months_ago = |m: i64| chrono::Utc::now().naive_utc() - chrono::Duration::days(30 * m);
    set_last_activity_at(&app, quiet.id, months_ago(7));
    set_last_activity_at(&app, active.id, months_ago(5));
    let due: Vec<PersonSummary> = expect_json(
        app.get(&format!("{PEOPLE}/retention"), Some(&admin)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(due.iter().map(|p| p.id).collect::<Vec<_>>(), [quiet.id]);

    // Any recorded activity (here a new membership) takes the person off the list.
    let body = json!({ "programme": "interact", "role": "participant", "status": "active" });
    let res = send(
        &app,
        Method::POST,
        &format!("{PEOPLE}/{}/memberships", quiet.id),
        Some(&admin),
        &body,
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let due: Vec<PersonSummary> = expect_json(
        app.get(&format!("{PEOPLE}/retention"), Some(&admin)).await,
        StatusCode::OK,
    )
    .await;
    assert!(due.is_empty(), "{due:?}");
}

mod retention_setting {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        retention_period_is_configurable(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        retention_period_is_configurable(Backend::Postgres).await;
    }
}
