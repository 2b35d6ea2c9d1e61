//! InterLab's outcomes (issue 13): a business created with its legal form and enterprise
//! number, a job, a pause, a stop with its reason; leaving the path closes the membership and
//! schedules follow-up calls 6 and 12 months later, which coaches see for their entrepreneurs.

use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::auth::Role;
use shared::interlab::{Entrepreneur, Outcome, OutcomeFollowUp, OutcomeKind};
use shared::people::MembershipStatus;

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::interlab_fixtures::*;
use crate::people_fixtures::{count_rows, staff};

const FOLLOW_UPS: &str = "/api/v1/interlab/follow-ups";

async fn membership(app: &TestApp, token: &str, e: &Entrepreneur) -> Option<MembershipStatus> {
    let now: Entrepreneur = expect_json(
        app.get(&format!("{ENTREPRENEURS}/{}", e.id), Some(token))
            .await,
        StatusCode::OK,
    )
    .await;
    now.membership_status
}

async fn follow_ups(app: &TestApp, token: &str, query: &str) -> Vec<OutcomeFollowUp> {
    expect_json(
        app.get(&format!("{FOLLOW_UPS}?{query}"), Some(token)).await,
        StatusCode::OK,
    )
    .await
}

both!(
    outcomes_close_the_path_and_schedule_follow_ups,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
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
        let outcomes = format!("{ENTREPRENEURS}/{}/outcomes", rania.id);
        assert_eq!(
            membership(&app, &token, &rania).await,
            Some(MembershipStatus::Active)
        );

        // A pause: no follow-up, the membership pauses.
        let paused: Outcome = expect_json(
            send(
                &app,
                Method::POST,
                &outcomes,
                &coach_token,
                &json!({ "kind": "paused", "occurred_on": "2026-03-02", "reason": "Naissance de sa fille" }),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert!(!paused.ends_path);
        assert!(paused.follow_ups.is_empty());
        assert_eq!(
            membership(&app, &token, &rania).await,
            Some(MembershipStatus::Paused)
        );

        // The business is created: the number is checked and formatted, the path ends, and
        // the calls fall 6 and 12 calendar months later.
        let created: Outcome = expect_json(
            send(
                &app,
                Method::POST,
                &outcomes,
                &coach_token,
                &json!({ "kind": "business_created", "occurred_on": "2026-05-31", "legal_form": "srl", "enterprise_number": "BE 0123 456 749" }),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(created.kind, OutcomeKind::BusinessCreated);
        assert_eq!(created.enterprise_number.as_deref(), Some("0123.456.749"));
        assert!(created.ends_path);
        let dues: Vec<(u32, String)> = created
            .follow_ups
            .iter()
            .map(|f| (f.months, f.due_on.to_string()))
            .collect();
        assert_eq!(
            dues,
            [(6, "2026-11-30".to_owned()), (12, "2027-05-31".to_owned())]
        );
        assert!(created.follow_ups[0].due);
        assert_eq!(
            membership(&app, &token, &rania).await,
            Some(MembershipStatus::Completed)
        );
        let listed: Vec<Outcome> =
            expect_json(app.get(&outcomes, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(
            listed.iter().map(|o| o.kind).collect::<Vec<_>>(),
            [OutcomeKind::BusinessCreated, OutcomeKind::Paused]
        );

        // Olena (no coach) found a job: her follow-ups are the team's, not Rania's coach's.
        let job: Outcome = expect_json(
            send(
                &app,
                Method::POST,
                &format!("{ENTREPRENEURS}/{}/outcomes", olena.id),
                &token,
                &json!({ "kind": "salaried_job", "occurred_on": "2026-06-15", "note": "Retoucheuse chez un tailleur" }),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(job.follow_ups.len(), 2);
        let due = follow_ups(&app, &token, "due_before=2026-12-31").await;
        assert_eq!(
            due.iter()
                .map(|f| (f.entrepreneur_id, f.months))
                .collect::<Vec<_>>(),
            [(rania.id, 6), (olena.id, 6)]
        );
        assert_eq!(follow_ups(&app, &token, "").await.len(), 4);
        let mine = follow_ups(&app, &coach_token, "due_before=2026-12-31").await;
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].project_name, "Saveurs d'Alep");

        // The calls due reach the coach's home page too (and the team's), with the project.
        let rania_page = format!("/interlab/entrepreneurs/{}", rania.id);
        let home: shared::reports::Home = expect_json(
            app.get("/api/v1/home", Some(&coach_token)).await,
            StatusCode::OK,
        )
        .await;
        assert!(!home.interlab_follow_ups_due.is_empty());
        assert!(
            home.interlab_follow_ups_due
                .iter()
                .all(|i| i.link == rania_page),
            "only the entrepreneurs the coach accompanies: {:?}",
            home.interlab_follow_ups_due
        );
        let call = &home.interlab_follow_ups_due[0];
        assert_eq!(
            call.label,
            format!("{} – Saveurs d'Alep", rania.display_name)
        );
        assert_eq!(call.detail.as_deref(), Some("2026-11-30"));
        let team: shared::reports::Home =
            expect_json(app.get("/api/v1/home", Some(&token)).await, StatusCode::OK).await;
        assert!(team
            .interlab_follow_ups_due
            .iter()
            .any(|i| i.link == rania_page));
        let (_, stranger) = staff(&app, Role::Coach).await;
        assert!(follow_ups(&app, &stranger, "").await.is_empty());
        let res = app
            .get(&format!("{FOLLOW_UPS}?due_before=soon"), Some(&token))
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // The call is made: it leaves the list of calls to make.
        let done_path = format!("{FOLLOW_UPS}/{}/done", mine[0].id);
        let p = expect_problem(
            send(
                &app,
                Method::POST,
                &done_path,
                &coach_token,
                &json!({ "done_on": "2099-01-01" }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("done_on").len(), 1);
        expect_problem(
            send(
                &app,
                Method::POST,
                &done_path,
                &stranger,
                &json!({ "done_on": "2026-12-01" }),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        let done: OutcomeFollowUp = expect_json(
            send(
                &app,
                Method::POST,
                &done_path,
                &coach_token,
                &json!({ "done_on": "2026-12-01" }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            done.done_on.map(|d| d.to_string()).as_deref(),
            Some("2026-12-01")
        );
        assert!(!done.due);
        assert!(follow_ups(&app, &coach_token, "due_before=2026-12-31")
            .await
            .is_empty());
        assert_eq!(follow_ups(&app, &coach_token, "done=true").await.len(), 1);

        // Bad input is named field by field and stores nothing.
        let before = count_rows(&app, "interlab_outcomes");
        for (body, fields) in [
            (
                json!({ "kind": "business_created", "occurred_on": "2026-05-31", "enterprise_number": "0123456748" }),
                vec!["legal_form", "enterprise_number"],
            ),
            (
                json!({ "kind": "business_created", "occurred_on": "2026-05-31", "legal_form": "undecided", "enterprise_number": "2123456749" }),
                vec!["legal_form", "enterprise_number"],
            ),
            (
                json!({ "kind": "stopped", "occurred_on": "2099-01-01", "reason": " " }),
                vec!["occurred_on", "reason"],
            ),
            (
                json!({ "kind": "training", "occurred_on": "2026-05-31", "legal_form": "srl", "enterprise_number": "0123456749", "note": "x".repeat(2001) }),
                vec!["legal_form", "enterprise_number", "note"],
            ),
        ] {
            let p = expect_problem(
                send(&app, Method::POST, &outcomes, &token, &body).await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            for field in fields {
                assert_eq!(p.field_errors(field).len(), 1, "{field}: {p:?}");
            }
        }
        assert_eq!(count_rows(&app, "interlab_outcomes"), before);
        assert_eq!(count_rows(&app, "interlab_follow_ups"), 4);

        // Changed into a stop (with its reason): the follow-ups are scheduled again.
        let one = format!("{outcomes}/{}", created.id);
        let stopped: Outcome = expect_json(
            send(
                &app,
                Method::PUT,
                &one,
                &coach_token,
                &json!({ "kind": "stopped", "occurred_on": "2026-06-30", "reason": "Retour au pays" }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(stopped.reason.as_deref(), Some("Retour au pays"));
        assert_eq!(stopped.enterprise_number, None);
        assert_eq!(
            stopped
                .follow_ups
                .iter()
                .map(|f| f.due_on.to_string())
                .collect::<Vec<_>>(),
            ["2026-12-30", "2027-06-30"]
        );
        assert_eq!(
            membership(&app, &token, &rania).await,
            Some(MembershipStatus::Withdrawn)
        );

        // A coach who does not accompany her: not found, whatever the route.
        expect_problem(
            app.get(&outcomes, Some(&stranger)).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        let body = json!({ "kind": "paused", "occurred_on": "2026-07-01" });
        for (method, path) in [
            (Method::POST, outcomes.clone()),
            (Method::PUT, one.clone()),
            (Method::DELETE, one.clone()),
        ] {
            expect_problem(
                send(&app, method.clone(), &path, &stranger, &body).await,
                StatusCode::NOT_FOUND,
            )
            .await;
        }
        // Nor is her outcome found under another entrepreneur.
        expect_problem(
            send(
                &app,
                Method::PUT,
                &format!("{ENTREPRENEURS}/{}/outcomes/{}", olena.id, created.id),
                &token,
                &body,
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;

        // Removed (recorded by mistake): its follow-ups go, the pause is the latest again.
        let res = send(&app, Method::DELETE, &one, &token, &json!({})).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert_eq!(
            membership(&app, &token, &rania).await,
            Some(MembershipStatus::Paused)
        );
        assert_eq!(count_rows(&app, "interlab_follow_ups"), 2);
        let left: Vec<Outcome> =
            expect_json(app.get(&outcomes, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(left.len(), 1);
    }
);

both!(
    the_demo_shows_meetings_and_outcomes,
    |app: TestApp| async move {
        interra_api::demo::load(&app.db).expect("demo");
        let token = app.token_for(Role::Coordinator).await;
        let all = entrepreneurs(&app, &token, "page_size=50").await;
        let mut with_meetings = 0;
        let mut kinds = Vec::new();
        for e in &all.results {
            let meetings: Vec<shared::interlab::Meeting> = expect_json(
                app.get(&format!("{ENTREPRENEURS}/{}/meetings", e.id), Some(&token))
                    .await,
                StatusCode::OK,
            )
            .await;
            if let Some(m) = meetings.first() {
                with_meetings += 1;
                assert!(m.next_steps[0].milestone_id.is_some(), "{m:?}");
                assert!(m.notes.is_some());
            }
            let outcomes: Vec<Outcome> = expect_json(
                app.get(&format!("{ENTREPRENEURS}/{}/outcomes", e.id), Some(&token))
                    .await,
                StatusCode::OK,
            )
            .await;
            kinds.extend(
                outcomes
                    .iter()
                    .map(|o| (o.kind, o.enterprise_number.clone())),
            );
        }
        assert_eq!(with_meetings, 5);
        kinds.sort_by_key(|(k, _)| k.as_str());
        assert_eq!(
            kinds,
            [
                (
                    OutcomeKind::BusinessCreated,
                    Some("0812.345.603".to_owned())
                ),
                (OutcomeKind::Paused, None),
                (OutcomeKind::SalariedJob, None),
            ]
        );
        assert_eq!(follow_ups(&app, &token, "").await.len(), 4);
    }
);
