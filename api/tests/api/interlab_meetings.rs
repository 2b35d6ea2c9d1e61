//! InterLab's accompaniment meetings (issue 13): who was there, the entrepreneur's words,
//! notes kept for staff and the entrepreneur's coach, next steps that become milestones in one
//! click, and what a coach of someone else may not touch.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use shared::auth::Role;
use shared::interlab::{Entrepreneur, Meeting, Milestone, NeedDomain, PathView};
use uuid::Uuid;

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::interlab_fixtures::*;
use crate::people_fixtures::{count_rows, staff};

/// Records a diagnostic with an administration need; returns the need's id.
pub async fn administration_need(app: &TestApp, token: &str, e: &Entrepreneur) -> Uuid {
    let terms: Vec<shared::interlab::Term> = expect_json(
        app.get("/api/v1/interlab/strengths", Some(token)).await,
        StatusCode::OK,
    )
    .await;
    let body = json!({
        "held_on": "2026-10-05",
        "strengths": [{ "strength_id": terms[0].id, "level": 3 }],
        "needs": [{ "domain": "administration", "priority": "high" }],
    });
    let d: shared::interlab::Diagnostic = expect_json(
        send(
            app,
            Method::POST,
            &format!("{ENTREPRENEURS}/{}/diagnostics", e.id),
            token,
            &body,
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    d.needs[0].id
}

both!(
    a_meeting_records_words_notes_and_next_steps_that_become_milestones,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let admin = app.token_for(Role::Admin).await;
        let (coach, coach_token) = staff(&app, Role::Coach).await;
        let rania = entrepreneur(
            &app,
            &token,
            "Rania",
            shared::interlab::EntrepreneurInput {
                coach_id: Some(coach),
                ..project("Saveurs d'Alep")
            },
        )
        .await;
        let olena = entrepreneur(&app, &token, "Olena", project("Broderies")).await;
        let need = administration_need(&app, &token, &rania).await;
        let other_need = administration_need(&app, &token, &olena).await;
        let meetings = format!("{ENTREPRENEURS}/{}/meetings", rania.id);

        // Her coach records the meeting.
        let body = json!({
            "held_on": "2026-11-03",
            "attendee_person_ids": [rania.person_id],
            "attendee_user_ids": [coach],
            "entrepreneur_words": "Je veux ouvrir avant le ramadan.",
            "notes": "Fatiguée, deux enfants malades ce mois-ci",
            "decisions": "On commence par le guichet d'entreprise",
            "next_steps": [
                { "text": "Prendre rendez-vous au guichet", "due_on": "2026-12-15", "need_id": need },
                { "text": "Goûter le menu avec dix clients", "owner": "coach" },
            ],
        });
        let m: Meeting = expect_json(
            send(&app, Method::POST, &meetings, &coach_token, &body).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(m.held_on.to_string(), "2026-11-03");
        let who: Vec<(Option<Uuid>, Option<Uuid>)> = m
            .attendees
            .iter()
            .map(|a| (a.person_id, a.user_id))
            .collect();
        assert_eq!(who, [(Some(rania.person_id), None), (None, Some(coach))]);
        assert!(m.attendees[0].name.starts_with("Rania"));
        assert!(!m.attendees[1].name.is_empty());
        assert_eq!(
            m.notes.as_deref(),
            Some("Fatiguée, deux enfants malades ce mois-ci")
        );
        assert!(!m.notes_hidden);
        assert_eq!(m.next_steps.len(), 2);
        assert_eq!(m.next_steps[1].index, 1);
        assert_eq!(m.next_steps[0].milestone_id, None);

        // One click: the first next step becomes a milestone serving her need.
        let step = format!("{meetings}/{}/next-steps/0/milestone", m.id);
        let milestone: Milestone = expect_json(
            send(&app, Method::POST, &step, &coach_token, &json!({})).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(milestone.title, "Prendre rendez-vous au guichet");
        assert_eq!(milestone.need_id, Some(need));
        assert_eq!(milestone.domain, Some(NeedDomain::Administration));
        assert_eq!(
            milestone.due_on.map(|d| d.to_string()).as_deref(),
            Some("2026-12-15")
        );
        let path: PathView = expect_json(
            app.get(
                &format!("{ENTREPRENEURS}/{}/milestones", rania.id),
                Some(&token),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(path.milestones.len(), 1);
        // Twice: refused, nothing more on the path; a step that does not exist is not found.
        expect_problem(
            send(&app, Method::POST, &step, &coach_token, &json!({})).await,
            StatusCode::CONFLICT,
        )
        .await;
        expect_problem(
            send(
                &app,
                Method::POST,
                &format!("{meetings}/{}/next-steps/7/milestone", m.id),
                &coach_token,
                &json!({}),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        assert_eq!(count_rows(&app, "interlab_milestones"), 1);
        let listed: Vec<Meeting> =
            expect_json(app.get(&meetings, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].next_steps[0].milestone_id, Some(milestone.id));

        // A change that sends the link back keeps it; a link to another milestone is refused.
        let mut changed = body.clone();
        changed["decisions"] = json!("Guichet d'entreprise puis caisse sociale");
        changed["next_steps"][0]["milestone_id"] = json!(milestone.id);
        let updated: Meeting = expect_json(
            send(
                &app,
                Method::PUT,
                &format!("{meetings}/{}", m.id),
                &token,
                &changed,
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(updated.next_steps[0].milestone_id, Some(milestone.id));
        assert_eq!(
            updated.decisions.as_deref(),
            Some("Guichet d'entreprise puis caisse sociale")
        );
        changed["next_steps"][0]["milestone_id"] = json!(Uuid::new_v4());
        let p = expect_problem(
            send(
                &app,
                Method::PUT,
                &format!("{meetings}/{}", m.id),
                &token,
                &changed,
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("next_steps[0].milestone_id").len(), 1);

        // Bad input is named field by field and stores nothing.
        let bad = json!({
            "held_on": "2026-11-10",
            "attendee_person_ids": [rania.person_id, rania.person_id],
            "attendee_user_ids": [Uuid::new_v4()],
            "notes": "x".repeat(4001),
            "next_steps": [{ "text": "  " }],
        });
        let p = expect_problem(
            send(&app, Method::POST, &meetings, &token, &bad).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        for field in ["attendee_person_ids[1]", "notes", "next_steps[0].text"] {
            assert_eq!(p.field_errors(field).len(), 1, "{field}: {p:?}");
        }
        let unknown = json!({
            "held_on": "2026-11-10",
            "attendee_person_ids": [Uuid::new_v4()],
            "attendee_user_ids": [Uuid::new_v4()],
            "next_steps": [{ "text": "Appeler", "need_id": other_need }],
        });
        let p = expect_problem(
            send(&app, Method::POST, &meetings, &token, &unknown).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        for field in [
            "attendee_person_ids[0]",
            "attendee_user_ids[0]",
            "next_steps[0].need_id",
        ] {
            assert_eq!(p.field_errors(field).len(), 1, "{field}: {p:?}");
        }
        let res = send(
            &app,
            Method::POST,
            &meetings,
            &token,
            &json!({ "held_on": "2026-11-10", "mood": "ok" }),
        )
        .await;
        assert!(res.status().is_client_error(), "{}", res.status());
        assert_eq!(count_rows(&app, "interlab_meetings"), 1);

        // Another coach who accompanies her elsewhere sees the meeting, not its notes, and
        // cannot write notes.
        let (other_coach, other_token) = staff(&app, Role::Coach).await;
        let res = send(
            &app,
            Method::POST,
            &format!("/api/v1/people/{}/coaches", rania.person_id),
            &token,
            &json!({ "user_id": other_coach }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let seen: Vec<Meeting> =
            expect_json(app.get(&meetings, Some(&other_token)).await, StatusCode::OK).await;
        assert_eq!(seen.len(), 1);
        assert!(seen[0].notes_hidden);
        assert_eq!(seen[0].notes, None);
        assert_eq!(
            seen[0].entrepreneur_words.as_deref(),
            Some("Je veux ouvrir avant le ramadan.")
        );
        let p = expect_problem(
            send(
                &app,
                Method::POST,
                &meetings,
                &other_token,
                &json!({ "held_on": "2026-11-12", "notes": "Mon avis" }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("notes").len(), 1);
        // Their change leaves the notes as they were.
        let mut theirs = changed.clone();
        theirs["next_steps"][0]["milestone_id"] = json!(milestone.id);
        theirs["notes"] = Value::Null;
        expect_json::<Meeting>(
            send(
                &app,
                Method::PUT,
                &format!("{meetings}/{}", m.id),
                &other_token,
                &theirs,
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let kept: Vec<Meeting> =
            expect_json(app.get(&meetings, Some(&admin)).await, StatusCode::OK).await;
        assert_eq!(
            kept[0].notes.as_deref(),
            Some("Fatiguée, deux enfants malades ce mois-ci")
        );

        // A coach who does not accompany her: not found, whatever the route.
        let (_, stranger) = staff(&app, Role::Coach).await;
        let one = format!("{meetings}/{}", m.id);
        expect_problem(
            app.get(&meetings, Some(&stranger)).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        for (method, path) in [
            (Method::POST, meetings.clone()),
            (Method::PUT, one.clone()),
            (Method::DELETE, one.clone()),
            (Method::POST, format!("{one}/next-steps/1/milestone")),
        ] {
            expect_problem(
                send(&app, method.clone(), &path, &stranger, &body).await,
                StatusCode::NOT_FOUND,
            )
            .await;
        }
        // Nor is her meeting found under another entrepreneur.
        expect_problem(
            send(
                &app,
                Method::PUT,
                &format!("{ENTREPRENEURS}/{}/meetings/{}", olena.id, m.id),
                &token,
                &body,
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        assert_eq!(count_rows(&app, "interlab_meetings"), 1);

        // Removed: the milestone stays on the path; every change is in the audit log.
        let res = send(&app, Method::DELETE, &one, &token, &json!({})).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let none: Vec<Meeting> =
            expect_json(app.get(&meetings, Some(&token)).await, StatusCode::OK).await;
        assert!(none.is_empty());
        assert_eq!(count_rows(&app, "interlab_milestones"), 1);
        assert_eq!(count_rows(&app, "interlab_meeting_attendees"), 0);
        let audit: Value = expect_json(
            app.get(
                &format!(
                    "/api/v1/audit?entity_type=interlab_entrepreneur&entity_id={}&page_size=100",
                    rania.id
                ),
                Some(&admin),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let actions: Vec<&str> = audit["results"]
            .as_array()
            .expect("entries")
            .iter()
            .filter_map(|e| e["action"].as_str())
            .collect();
        for action in [
            "interlab.meeting_recorded",
            "interlab.next_step_milestone",
            "interlab.meeting_updated",
            "interlab.meeting_deleted",
        ] {
            assert!(actions.contains(&action), "{action} missing: {actions:?}");
        }
        assert!(!audit.to_string().contains("Fatiguée"));
    }
);
