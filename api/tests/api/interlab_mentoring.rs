//! InterLab mentoring: the directory, explained suggestions, relations and their life, the
//! capacity override, and what a mentor's own account may see.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use shared::auth::Role;
use shared::interlab::{
    Entrepreneur, Mentor, MentorSuggestions, Mentorship, MentorshipStatus, NeedDomain,
    SuggestionReasonCode,
};
use shared::people::LanguageLevel;
use uuid::Uuid;

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::interlab_fixtures::*;
use crate::people_fixtures::{count_rows, create, staff, PersonBuilder};

pub const MENTORS: &str = "/api/v1/interlab/mentors";
pub const MENTORSHIPS: &str = "/api/v1/interlab/mentorships";

/// A person of the records who joins the directory.
pub async fn mentor(app: &TestApp, token: &str, name: &str, body: Value) -> Mentor {
    let person = create(
        app,
        token,
        PersonBuilder::local(name)
            .commune("Liège")
            .language("fr", LanguageLevel::Native),
    )
    .await;
    let mut full = json!({
        "person_id": person.id,
        "role": "mentor",
        "languages": ["fr"],
        "capacity": 2,
    });
    if let (Some(full), Some(extra)) = (full.as_object_mut(), body.as_object()) {
        for (k, v) in extra {
            full.insert(k.clone(), v.clone());
        }
    }
    expect_json(
        send(app, Method::POST, MENTORS, token, &full).await,
        StatusCode::CREATED,
    )
    .await
}

/// The fields a problem names.
pub fn fields(p: &shared::Problem) -> Vec<String> {
    p.errors
        .as_ref()
        .map(|e| e.keys().cloned().collect())
        .unwrap_or_default()
}

pub async fn propose(app: &TestApp, token: &str, m: Uuid, e: Uuid) -> reqwest::Response {
    send(
        app,
        Method::POST,
        MENTORSHIPS,
        token,
        &json!({ "mentor_id": m, "entrepreneur_id": e }),
    )
    .await
}

pub async fn activate(app: &TestApp, token: &str, relation: Uuid) -> Mentorship {
    expect_json(
        send(
            app,
            Method::PATCH,
            &format!("{MENTORSHIPS}/{relation}"),
            token,
            &json!({ "entrepreneur_agreed": true, "mentor_agreed": true, "status": "active" }),
        )
        .await,
        StatusCode::OK,
    )
    .await
}

async fn diagnose(app: &TestApp, token: &str, e: &Entrepreneur) {
    let strengths: Vec<shared::interlab::Term> = expect_json(
        app.get("/api/v1/interlab/strengths", Some(token)).await,
        StatusCode::OK,
    )
    .await;
    let res = send(
        app,
        Method::POST,
        &format!("{ENTREPRENEURS}/{}/diagnostics", e.id),
        token,
        &json!({
            "held_on": "2026-11-20",
            "strengths": [{ "strength_id": strengths[0].id, "level": 3 }],
            "needs": [
                { "domain": "financing", "priority": "high" },
                { "domain": "administration", "priority": "medium" }
            ]
        }),
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "{}",
        res.text().await.unwrap_or_default()
    );
}

both!(
    the_directory_checks_every_field_and_links_a_mentor_account,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let food = sector_id(&app, &token, "food").await;
        let m = mentor(
            &app,
            &token,
            "Anne",
            json!({ "role": "expert", "organisation": " Fiduciaire ", "domains": ["accounting", "financing"],
                    "sector_ids": [food], "languages": ["FR", "nl"], "capacity": 3 }),
        )
        .await;
        assert_eq!(m.organisation.as_deref(), Some("Fiduciaire"));
        assert_eq!(m.languages, vec!["fr", "nl"]);
        assert_eq!(m.sectors[0].id, food);
        assert!(m.active && m.load == 0 && !m.has_feed);
        // Field by field, nothing stored.
        let person = create(&app, &token, PersonBuilder::local("Bruno")).await;
        let res = send(
            &app,
            Method::POST,
            MENTORS,
            &token,
            &json!({ "person_id": person.id, "role": "mentor", "languages": ["français"],
                     "capacity": 0, "sector_ids": [Uuid::new_v4()] }),
        )
        .await;
        let p = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        let named = fields(&p);
        assert!(named.contains(&"capacity".to_owned()), "{named:?}");
        assert!(named.contains(&"languages[0]".to_owned()), "{named:?}");
        assert_eq!(count_rows(&app, "interlab_mentors"), 1);
        // The same person twice: a conflict.
        let again = send(
            &app,
            Method::POST,
            MENTORS,
            &token,
            &json!({ "person_id": m.person_id, "role": "mentor", "languages": ["fr"], "capacity": 1 }),
        )
        .await;
        expect_problem(again, StatusCode::CONFLICT).await;
        // Only an account with the mentor role may be linked.
        let coach = app.create_user("coach-x@example.be", Role::Coach);
        let mentor_user = app.create_user("mentor-x@example.be", Role::Mentor);
        let path = format!("{MENTORS}/{}", m.id);
        let bad = send(
            &app,
            Method::PATCH,
            &path,
            &token,
            &json!({ "account_id": coach.id }),
        )
        .await;
        let p = expect_problem(bad, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(fields(&p)[0], "account_id");
        let linked: Mentor = expect_json(
            send(
                &app,
                Method::PATCH,
                &path,
                &token,
                &json!({ "account_id": mentor_user.id, "organisation": null, "capacity": 4 }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            linked.account_id.map(|u| u.to_string()),
            Some(mentor_user.id.clone())
        );
        assert_eq!(linked.organisation, None);
        assert_eq!(linked.capacity, 4);
        assert_eq!(
            linked.domains,
            vec![NeedDomain::Financing, NeedDomain::Accounting]
        );
        // A coach reads the directory but does not change it.
        let (_, coach_token) = staff(&app, Role::Coach).await;
        let list: Vec<Mentor> =
            expect_json(app.get(MENTORS, Some(&coach_token)).await, StatusCode::OK).await;
        assert_eq!(list.len(), 1);
        let refused = send(
            &app,
            Method::PATCH,
            &path,
            &coach_token,
            &json!({ "capacity": 1 }),
        )
        .await;
        expect_problem(refused, StatusCode::FORBIDDEN).await;
    }
);

both!(
    suggestions_respect_hard_constraints_and_explain_themselves,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let food = sector_id(&app, &token, "food").await;
        let e = entrepreneur(
            &app,
            &token,
            "Rania",
            EntrepreneurInputExt::with_sector(project("Saveurs d'Alep"), food),
        )
        .await;
        diagnose(&app, &token, &e).await;
        let best = mentor(&app, &token, "Claire", json!({ "domains": ["financing", "administration"], "sector_ids": [food], "languages": ["fr", "ar"] })).await;
        let good = mentor(&app, &token, "David", json!({ "domains": ["financing"] })).await;
        let plain = mentor(&app, &token, "Emma", json!({})).await;
        let dutch = mentor(
            &app,
            &token,
            "Femke",
            json!({ "domains": ["financing"], "languages": ["nl"] }),
        )
        .await;
        let inactive = mentor(
            &app,
            &token,
            "Gilles",
            json!({ "domains": ["financing"], "active": false }),
        )
        .await;
        let conflicted = mentor(
            &app,
            &token,
            "Hélène",
            json!({ "domains": ["financing"], "conflicts": [e.id] }),
        )
        .await;
        let full = mentor(&app, &token, "Ines", json!({ "domains": ["financing", "administration"], "sector_ids": [food], "capacity": 1 })).await;
        let other = entrepreneur(&app, &token, "Omar", project("Épicerie")).await;
        assert_eq!(
            propose(&app, &token, full.id, other.id).await.status(),
            StatusCode::CREATED
        );

        let url = format!("{ENTREPRENEURS}/{}/mentor-suggestions", e.id);
        let s: MentorSuggestions =
            expect_json(app.get(&url, Some(&token)).await, StatusCode::OK).await;
        let ids: Vec<Uuid> = s.suggestions.iter().map(|x| x.mentor.id).collect();
        assert_eq!(ids, vec![best.id, good.id, plain.id]);
        assert_eq!(s.excluded, 4);
        for left_out in [dutch.id, inactive.id, conflicted.id, full.id] {
            assert!(!ids.contains(&left_out));
        }
        let top = &s.suggestions[0];
        assert!(top.score > s.suggestions[1].score);
        let codes: Vec<SuggestionReasonCode> = top.reasons.iter().map(|r| r.code).collect();
        assert!(codes.contains(&SuggestionReasonCode::NeedDomains));
        assert!(codes.contains(&SuggestionReasonCode::Sector));
        assert!(
            codes.contains(&SuggestionReasonCode::SameCommune)
                || codes.contains(&SuggestionReasonCode::Distance)
                || codes.len() >= 3
        );
        // In the reader's language.
        let res = app
            .client
            .get(app.url(&url))
            .bearer_auth(&token)
            .header("Accept-Language", "nl")
            .send()
            .await
            .expect("request");
        let nl: MentorSuggestions = expect_json(res, StatusCode::OK).await;
        assert!(
            nl.suggestions[0].reasons[0]
                .text
                .starts_with("kan helpen met"),
            "{:?}",
            nl.suggestions[0].reasons
        );
        // Top-k and its bounds.
        let one: MentorSuggestions = expect_json(
            app.get(&format!("{url}?limit=1"), Some(&token)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(one.suggestions.len(), 1);
        expect_problem(
            app.get(&format!("{url}?limit=0"), Some(&token)).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        // Another coach's entrepreneur is out of sight.
        let (_, coach_token) = staff(&app, Role::Coach).await;
        expect_problem(
            app.get(&url, Some(&coach_token)).await,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
);

/// Sets the sector of a project fixture.
trait EntrepreneurInputExt {
    fn with_sector(self, sector: Uuid) -> Self;
}

impl EntrepreneurInputExt for shared::interlab::EntrepreneurInput {
    fn with_sector(mut self, sector: Uuid) -> Self {
        self.sector_id = Some(sector);
        self
    }
}

both!(
    a_relation_needs_both_agreements_and_capacity_or_an_audited_override,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let a = entrepreneur(&app, &token, "Rania", project("Saveurs d'Alep")).await;
        let b = entrepreneur(&app, &token, "Olena", project("Atelier Couture")).await;
        let m = mentor(&app, &token, "Claire", json!({ "capacity": 1 })).await;
        let first: Mentorship =
            expect_json(propose(&app, &token, m.id, a.id).await, StatusCode::CREATED).await;
        assert_eq!(first.status, MentorshipStatus::Proposed);
        // The same pair twice: a conflict.
        expect_problem(
            propose(&app, &token, m.id, a.id).await,
            StatusCode::CONFLICT,
        )
        .await;
        // Full: refused on the field, nothing stored.
        let p = expect_problem(
            propose(&app, &token, m.id, b.id).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(fields(&p)[0], "mentor_id");
        let no_reason = send(
            &app,
            Method::POST,
            MENTORSHIPS,
            &token,
            &json!({ "mentor_id": m.id, "entrepreneur_id": b.id, "override_capacity": true }),
        )
        .await;
        let p = expect_problem(no_reason, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(fields(&p)[0], "override_reason");
        assert_eq!(count_rows(&app, "interlab_mentorships"), 1);
        // A coach may not override.
        let (coach_id, coach_token) = staff(&app, Role::Coach).await;
        let put = send(&app, Method::PUT, &format!("{ENTREPRENEURS}/{}", b.id), &token,
            &json!({ "project_name": "Atelier Couture", "stage": "idea", "legal_form": "undecided", "coach_id": coach_id })).await;
        assert_eq!(put.status(), StatusCode::OK);
        let coach_override = send(&app, Method::POST, MENTORSHIPS, &coach_token,
            &json!({ "mentor_id": m.id, "entrepreneur_id": b.id, "override_capacity": true, "override_reason": "urgent" })).await;
        expect_problem(coach_override, StatusCode::UNPROCESSABLE_ENTITY).await;
        let forced: Mentorship = expect_json(
            send(
                &app,
                Method::POST,
                MENTORSHIPS,
                &token,
                &json!({ "mentor_id": m.id, "entrepreneur_id": b.id, "override_capacity": true,
                         "override_reason": "Seule mentore ukrainophone" }),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(
            forced.capacity_override_reason.as_deref(),
            Some("Seule mentore ukrainophone")
        );
        let audit: Value = expect_json(
            app.get(
                "/api/v1/audit?action=interlab.mentor_capacity_overridden",
                Some(&app.token_for(Role::Admin).await),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert!(
            audit.to_string().contains("Seule mentore ukrainophone"),
            "{audit}"
        );
        // Active only with both agreements.
        let path = format!("{MENTORSHIPS}/{}", first.id);
        let early = send(
            &app,
            Method::PATCH,
            &path,
            &token,
            &json!({ "status": "active" }),
        )
        .await;
        let p = expect_problem(early, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(fields(&p)[0], "status");
        let half: Mentorship = expect_json(
            send(
                &app,
                Method::PATCH,
                &path,
                &token,
                &json!({ "entrepreneur_agreed": true }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert!(half.entrepreneur_agreed_at.is_some() && half.mentor_agreed_at.is_none());
        let active = activate(&app, &token, first.id).await;
        assert_eq!(active.status, MentorshipStatus::Active);
        assert!(active.started_at.is_some());
        // Ended with a reason, then final.
        let no_reason = send(
            &app,
            Method::PATCH,
            &path,
            &token,
            &json!({ "status": "ended" }),
        )
        .await;
        assert_eq!(
            fields(&expect_problem(no_reason, StatusCode::UNPROCESSABLE_ENTITY).await)[0],
            "end_reason"
        );
        let ended: Mentorship = expect_json(
            send(&app, Method::PATCH, &path, &token, &json!({ "status": "ended", "end_reason": "completed", "end_note": "Objectifs atteints" })).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(ended.status, MentorshipStatus::Ended);
        expect_problem(
            send(
                &app,
                Method::PATCH,
                &path,
                &token,
                &json!({ "status": "active" }),
            )
            .await,
            StatusCode::CONFLICT,
        )
        .await;
        // The coach lists the relations of the entrepreneurs they accompany only.
        let mine: Vec<Mentorship> = expect_json(
            app.get(MENTORSHIPS, Some(&coach_token)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            mine.iter().map(|m| m.entrepreneur_id).collect::<Vec<_>>(),
            vec![b.id]
        );
    }
);

both!(
    a_mentor_account_sees_only_its_active_relations,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let mine = entrepreneur(&app, &token, "Rania", project("Saveurs d'Alep")).await;
        let proposed = entrepreneur(&app, &token, "Olena", project("Atelier Couture")).await;
        let other = entrepreneur(&app, &token, "Omar", project("Épicerie du Monde")).await;
        let email = "mentor-y@example.be";
        let user = app.create_user(email, Role::Mentor);
        let session = app.sign_in(email, crate::helpers::PASSWORD).await;
        let mt = session.access;
        let m = mentor(
            &app,
            &token,
            "Claire",
            json!({ "account_id": user.id, "capacity": 3 }),
        )
        .await;
        let r: Mentorship = expect_json(
            propose(&app, &token, m.id, mine.id).await,
            StatusCode::CREATED,
        )
        .await;
        activate(&app, &token, r.id).await;
        assert_eq!(
            propose(&app, &token, m.id, proposed.id).await.status(),
            StatusCode::CREATED
        );

        // Its entrepreneur (page, path); nobody else.
        let list = entrepreneurs(&app, &mt, "").await;
        assert_eq!(
            list.results.iter().map(|e| e.id).collect::<Vec<_>>(),
            vec![mine.id]
        );
        assert_eq!(
            app.get(&format!("{ENTREPRENEURS}/{}", mine.id), Some(&mt))
                .await
                .status(),
            StatusCode::OK
        );
        assert_eq!(
            app.get(
                &format!("{ENTREPRENEURS}/{}/milestones", mine.id),
                Some(&mt)
            )
            .await
            .status(),
            StatusCode::OK
        );
        for e in [proposed.id, other.id] {
            expect_problem(
                app.get(&format!("{ENTREPRENEURS}/{e}"), Some(&mt)).await,
                StatusCode::NOT_FOUND,
            )
            .await;
            expect_problem(
                app.get(&format!("{ENTREPRENEURS}/{e}/milestones"), Some(&mt))
                    .await,
                StatusCode::NOT_FOUND,
            )
            .await;
        }
        // Its own directory entry only.
        assert_eq!(
            app.get(&format!("{MENTORS}/{}", m.id), Some(&mt))
                .await
                .status(),
            StatusCode::OK
        );
        let someone = mentor(&app, &token, "David", json!({})).await;
        expect_problem(
            app.get(&format!("{MENTORS}/{}", someone.id), Some(&mt))
                .await,
            StatusCode::NOT_FOUND,
        )
        .await;

        // Every staff route refuses it.
        let routes: Vec<(Method, String, Option<Value>)> = vec![
            (Method::GET, "/api/v1/people".into(), None),
            (
                Method::GET,
                format!("/api/v1/people/{}", mine.person_id),
                None,
            ),
            (Method::GET, "/api/v1/activities".into(), None),
            (Method::GET, "/api/v1/duo/candidates".into(), None),
            (Method::GET, "/api/v1/duos".into(), None),
            (Method::GET, "/api/v1/users".into(), None),
            (Method::GET, "/api/v1/audit".into(), None),
            (Method::GET, "/api/v1/notifications".into(), None),
            (Method::GET, "/api/v1/tags".into(), None),
            (Method::GET, APPLICATIONS.into(), None),
            (Method::GET, COHORTS.into(), None),
            (Method::GET, MENTORS.into(), None),
            (Method::GET, MENTORSHIPS.into(), None),
            (
                Method::GET,
                format!("{ENTREPRENEURS}/{}/mentor-suggestions", mine.id),
                None,
            ),
            (
                Method::PUT,
                format!("{ENTREPRENEURS}/{}", mine.id),
                Some(json!({ "project_name": "X", "stage": "idea", "legal_form": "undecided" })),
            ),
            (
                Method::POST,
                format!("{ENTREPRENEURS}/{}/milestones", mine.id),
                Some(json!({ "title": "X", "owner": "mentor" })),
            ),
            (
                Method::POST,
                MENTORSHIPS.into(),
                Some(json!({ "mentor_id": m.id, "entrepreneur_id": other.id })),
            ),
            (
                Method::PATCH,
                format!("{MENTORSHIPS}/{}", r.id),
                Some(json!({ "status": "ended", "end_reason": "other" })),
            ),
            (
                Method::PATCH,
                format!("{MENTORS}/{}", m.id),
                Some(json!({ "capacity": 9 })),
            ),
            (
                Method::POST,
                COHORTS.into(),
                Some(json!({ "name": "X", "starts_on": "2027-01-01" })),
            ),
        ];
        for (method, path, body) in routes {
            let what = format!("{method} {path}");
            let mut req = app.client.request(method, app.url(&path)).bearer_auth(&mt);
            if let Some(b) = &body {
                req = req.json(b);
            }
            let res = req.send().await.expect("request");
            let status = res.status();
            assert!(
                status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
                "{what}: {status}"
            );
            let text = res.text().await.unwrap_or_default();
            assert!(
                !text.contains("Olena") && !text.contains("Omar"),
                "{what}: {text}"
            );
        }
        let after: Mentor = expect_json(
            app.get(&format!("{MENTORS}/{}", m.id), Some(&token)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(after.capacity, 3, "the refused change stored nothing");
    }
);

both!(
    the_demo_has_mentors_relations_and_a_mentor_account,
    |app: TestApp| async move {
        interra_api::demo::load(&app.db).expect("demo");
        let token = app.token_for(Role::Coordinator).await;
        let mentors: Vec<Mentor> =
            expect_json(app.get(MENTORS, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(mentors.len(), 8);
        let mut languages: Vec<&String> = mentors.iter().flat_map(|m| &m.languages).collect();
        languages.sort();
        languages.dedup();
        assert!(languages.len() >= 6, "{languages:?}");
        let relations: Vec<Mentorship> =
            expect_json(app.get(MENTORSHIPS, Some(&token)).await, StatusCode::OK).await;
        for status in [
            MentorshipStatus::Proposed,
            MentorshipStatus::Active,
            MentorshipStatus::Ended,
        ] {
            assert!(relations.iter().any(|r| r.status == status), "{status:?}");
        }
        let slots: Vec<shared::interlab::OfficeHour> = expect_json(
            app.get("/api/v1/interlab/office-hours", Some(&token)).await,
            StatusCode::OK,
        )
        .await;
        assert!(slots.len() >= 8 && slots.iter().filter(|s| s.booking.is_some()).count() >= 3);
        // The mentor's demo account sees the entrepreneur of its active relation.
        let mentor = app
            .sign_in("mentor@demo.interra.be", interra_api::demo::DEMO_PASSWORD)
            .await;
        assert_eq!(mentor.user.role, Role::Mentor);
        let seen = entrepreneurs(&app, &mentor.access, "").await;
        assert_eq!(seen.count, 1);
        expect_problem(
            app.get("/api/v1/people", Some(&mentor.access)).await,
            StatusCode::FORBIDDEN,
        )
        .await;
        // Suggestions for an entrepreneur of the demo, explained.
        let s: MentorSuggestions = expect_json(
            app.get(
                &format!("{ENTREPRENEURS}/{}/mentor-suggestions", seen.results[0].id),
                Some(&token),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert!(s.suggestions.iter().all(|x| !x.reasons.is_empty()));
    }
);

both!(
    a_mentor_reads_the_meetings_they_attended_and_no_other,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let e = entrepreneur(&app, &token, "Rania", project("Saveurs d'Alep")).await;
        let email = "mentor-z@example.be";
        let user = app.create_user(email, Role::Mentor);
        let mt = app.sign_in(email, crate::helpers::PASSWORD).await.access;
        let m = mentor(
            &app,
            &token,
            "Claire",
            json!({ "account_id": user.id, "capacity": 3 }),
        )
        .await;
        let r: Mentorship =
            expect_json(propose(&app, &token, m.id, e.id).await, StatusCode::CREATED).await;
        activate(&app, &token, r.id).await;
        let meetings = format!("{ENTREPRENEURS}/{}/meetings", e.id);
        for (day, attendees) in [
            ("2026-11-03", json!([m.person_id])),
            ("2026-11-10", json!([])),
        ] {
            let body = json!({
                "held_on": day,
                "attendee_person_ids": attendees,
                "notes": format!("Notes du {day}"),
            });
            let res = app
                .send_json(Method::POST, &meetings, Some(&token), &body)
                .await;
            assert_eq!(res.status(), StatusCode::CREATED);
        }

        // The meeting Claire attended, with its notes; nothing of the other one.
        let seen: Value = expect_json(app.get(&meetings, Some(&mt)).await, StatusCode::OK).await;
        let seen = seen.as_array().expect("a list of meetings");
        assert_eq!(seen.len(), 1, "{seen:?}");
        assert_eq!(seen[0]["held_on"], "2026-11-03");
        assert_eq!(seen[0]["notes"], "Notes du 2026-11-03");
        // The coordinator still reads both.
        let all: Value = expect_json(app.get(&meetings, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(all.as_array().map(Vec::len), Some(2));
    }
);
