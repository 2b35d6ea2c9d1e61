//! Duo2Change: the coordinator's follow-up calls (listed, planned, marked done, clearing the
//! health indicator) and the dated timeline of a duo with its pauses and resumptions.

use reqwest::StatusCode;
use shared::auth::Role;
use shared::duo::{
    Duo, DuoOutcome, DuoStatus, FollowUp, FollowUpDone, FollowUpInput, FollowUpKind, HealthLevel,
};
use uuid::Uuid;

use crate::activity_fixtures::*;
use crate::both;
use crate::duo_fixtures::*;
use crate::helpers::{expect_json, expect_problem, TestApp};

both!(
    follow_up_calls_are_marked_done_and_leave_the_call_list,
    |app: crate::helpers::TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let (_, coordinator_name, token) = staff(&app, Role::Coordinator).await;
        let coach = app.token_for(Role::Coach).await;
        let p = pool(&app, &token).await;
        let (am, bc) = two_active(&app, &token, &p).await;

        // The default plan, by due date, nothing done or overdue yet.
        let calls = follow_ups(&app, &token, am).await;
        assert_eq!(
            calls.iter().map(|c| c.kind).collect::<Vec<_>>(),
            [
                FollowUpKind::TwoWeeks,
                FollowUpKind::SixWeeks,
                FollowUpKind::ThreeMonths
            ]
        );
        assert!(calls.iter().all(|c| c.done_on.is_none() && !c.overdue));
        let duo: Duo = get_json(&app, &format!("/api/v1/duos/{am}"), Some(&token)).await;
        assert_eq!(duo.follow_ups, calls);

        // The two-week call was not made: the duo needs attention.
        let first = calls[0].id;
        let due = days_from_today(-3);
        exec(
            &app,
            &format!("UPDATE duo_follow_ups SET due_on = '{due}' WHERE id = '{first}'"),
        );
        let duo: Duo = get_json(&app, &format!("/api/v1/duos/{am}"), Some(&token)).await;
        let health = duo.health.expect("health");
        assert_eq!(health.level, HealthLevel::Attention);
        assert_eq!(health.overdue_follow_up, Some(due));
        assert!(duo.follow_ups[0].overdue && !duo.follow_ups[1].overdue);

        // Field-level errors.
        for (field, body) in [
            (
                "done_on",
                FollowUpDone {
                    done_on: Some(days_from_today(2)),
                    notes: None,
                },
            ),
            (
                "done_on",
                FollowUpDone {
                    done_on: Some(days_from_today(-10)),
                    notes: None,
                },
            ),
            (
                "notes",
                FollowUpDone {
                    done_on: None,
                    notes: Some("x".repeat(2001)),
                },
            ),
        ] {
            expect_field_error(done(&app, &token, am, first, &body).await, field).await;
        }
        // Coordinators and administrators only; unknown and foreign calls are not found.
        expect_problem(
            done(&app, &coach, am, first, &FollowUpDone::default()).await,
            StatusCode::FORBIDDEN,
        )
        .await;
        let other_duo_call = follow_ups(&app, &token, bc).await[0].id;
        for (duo, call) in [
            (am, Uuid::new_v4()),
            (am, other_duo_call),
            (Uuid::new_v4(), first),
        ] {
            expect_problem(
                done(&app, &token, duo, call, &FollowUpDone::default()).await,
                StatusCode::NOT_FOUND,
            )
            .await;
        }
        // Coaches read only the duos of the people they accompany.
        expect_problem(
            app.get(&format!("/api/v1/duos/{am}/follow-ups"), Some(&coach))
                .await,
            StatusCode::NOT_FOUND,
        )
        .await;

        // Done: who, when, what came out of it; the duo is back to good health.
        let marked: FollowUp = expect_json(
            done(
                &app,
                &token,
                am,
                first,
                &FollowUpDone {
                    done_on: None,
                    notes: Some("Tout va bien, ils se voient le samedi.".into()),
                },
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert!(marked.done_on.is_some() && marked.done_at.is_some() && !marked.overdue);
        assert_eq!(
            marked.done_by_name.as_deref(),
            Some(coordinator_name.as_str())
        );
        assert_eq!(
            marked.done_notes.as_deref(),
            Some("Tout va bien, ils se voient le samedi.")
        );
        let duo: Duo = get_json(&app, &format!("/api/v1/duos/{am}"), Some(&token)).await;
        let health = duo.health.expect("health");
        assert_eq!(health.level, HealthLevel::Good, "{:?}", health.reasons);
        assert_eq!(health.overdue_follow_up, None);
        assert_eq!(duo.follow_ups[0], marked);
        let attention: Vec<Duo> = get_json(&app, "/api/v1/duos/attention", Some(&token)).await;
        assert!(attention
            .iter()
            .all(|d| d.health.as_ref().map(|h| h.level) == Some(HealthLevel::Good)));

        // Once only.
        let again = expect_problem(
            done(&app, &admin, am, first, &FollowUpDone::default()).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert!(again.detail.is_some());
        let audit = duo_audit(&app, &admin, am).await;
        assert!(audit.iter().any(|e| e.action == "duo.follow_up_done"));

        // An extra call, today or later, with a note.
        for (field, body) in [
            (
                "due_on",
                FollowUpInput {
                    due_on: days_from_today(-2),
                    notes: None,
                },
            ),
            (
                "notes",
                FollowUpInput {
                    due_on: days_from_today(7),
                    notes: Some("x".repeat(2001)),
                },
            ),
        ] {
            expect_field_error(plan(&app, &token, am, &body).await, field).await;
        }
        let extra_body = FollowUpInput {
            due_on: days_from_today(7),
            notes: Some("Demander des nouvelles du cours de français".into()),
        };
        expect_problem(
            plan(&app, &coach, am, &extra_body).await,
            StatusCode::FORBIDDEN,
        )
        .await;
        let extra: FollowUp = expect_json(
            plan(&app, &token, am, &extra_body).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(extra.kind, FollowUpKind::Extra);
        assert_eq!(extra.notes, extra_body.notes);
        let calls = follow_ups(&app, &token, am).await;
        assert_eq!(calls.len(), 4);
        assert_eq!(calls[1].id, extra.id, "sorted by due date");
        assert!(audit_has(&app, &admin, am, "duo.follow_up_planned").await);

        // Not for a duo that has ended.
        expect_json::<Duo>(
            move_duo(
                &app,
                &token,
                bc,
                DuoStatus::Ended,
                Some("Déménagement"),
                Some(DuoOutcome::Neutral),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let problem = expect_problem(
            plan(&app, &token, bc, &extra_body).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert!(!problem.field_errors("duo").is_empty(), "{problem:?}");
        assert!(follow_ups(&app, &token, bc)
            .await
            .iter()
            .all(|c| !c.overdue));
    }
);

async fn audit_has(app: &TestApp, admin: &str, duo: Uuid, action: &str) -> bool {
    duo_audit(app, admin, duo)
        .await
        .iter()
        .any(|e| e.action == action)
}

both!(
    the_timeline_dates_pauses_and_resumptions,
    |app: crate::helpers::TestApp| async move {
        let (_, name, token) = staff(&app, Role::Coordinator).await;
        let p = pool(&app, &token).await;
        let (am, bc) = two_active(&app, &token, &p).await;
        expect_json::<Duo>(
            move_duo(
                &app,
                &token,
                am,
                DuoStatus::Paused,
                Some("Vacances au Maroc"),
                None,
            )
            .await,
            StatusCode::OK,
        )
        .await;
        moved(&app, &token, am, DuoStatus::Active).await;
        let ended: Duo = expect_json(
            move_duo(
                &app,
                &token,
                am,
                DuoStatus::Ended,
                Some("Objectifs atteints"),
                Some(DuoOutcome::Good),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let duo: Duo = get_json(&app, &format!("/api/v1/duos/{am}"), Some(&token)).await;
        assert_eq!(ended.timeline, duo.timeline);
        use DuoStatus::*;
        assert_eq!(
            duo.timeline.iter().map(|s| s.status).collect::<Vec<_>>(),
            [Proposed, Introduced, Active, Paused, Active, Ended]
        );
        assert!(duo.timeline.windows(2).all(|w| w[0].at <= w[1].at));
        assert!(duo
            .timeline
            .iter()
            .all(|s| s.by_name.as_deref() == Some(name.as_str())));
        assert_eq!(duo.timeline[3].reason.as_deref(), Some("Vacances au Maroc"));
        assert_eq!(duo.timeline[4].reason, None);
        assert_eq!(
            duo.timeline[5].reason.as_deref(),
            Some("Objectifs atteints")
        );

        // A duo whose moves were never logged shows the dates it keeps.
        exec(
            &app,
            &format!("DELETE FROM audit_log WHERE entity_type = 'duo' AND entity_id = '{bc}'"),
        );
        let old: Duo = get_json(&app, &format!("/api/v1/duos/{bc}"), Some(&token)).await;
        assert_eq!(
            old.timeline.iter().map(|s| s.status).collect::<Vec<_>>(),
            [Proposed, Introduced, Active]
        );
        assert_eq!(old.timeline[0].at, old.proposed_at);
        assert_eq!(Some(old.timeline[2].at), old.confirmed_at);
    }
);
