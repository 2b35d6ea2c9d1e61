//! Duo2Change: the trial meeting's feedback from both sides, recorded by staff between the
//! introduction and the coordinator's decision.

use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use shared::auth::Role;
use shared::duo::{ContinueWish, Duo, DuoStatus, TrialFeedback, TrialFeedbackInput};
use shared::people::Category;
use uuid::Uuid;

use crate::activity_fixtures::*;
use crate::both;
use crate::duo_fixtures::*;
use crate::helpers::{expect_json, expect_problem};

both!(
    trial_feedback_from_both_sides_before_the_decision,
    |app: crate::helpers::TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let (coordinator_id, token) = account(&app, Role::Coordinator).await;
        let p = pool(&app, &token).await;
        let (am, bc) = two_proposals(&app, &token, &p).await;

        // Only once the duo is introduced.
        let problem = expect_problem(
            post_feedback(
                &app,
                &token,
                am,
                &feedback(Category::Newcomer, ContinueWish::Yes, 5),
            )
            .await,
            StatusCode::CONFLICT,
        )
        .await;
        assert!(!problem.field_errors("duo").is_empty(), "{problem:?}");
        let introduced = moved(&app, &token, am, DuoStatus::Introduced).await;
        assert!(introduced.feedback.is_empty() && !introduced.both_want_to_continue);

        // Field-level errors, in the reader's language.
        let tomorrow = (Utc::now() + Duration::days(2)).date_naive();
        let before_intro = (Utc::now() - Duration::days(30)).date_naive();
        for (field, input) in [
            ("rating", feedback(Category::Newcomer, ContinueWish::Yes, 6)),
            ("rating", feedback(Category::Newcomer, ContinueWish::Yes, 0)),
            (
                "notes",
                TrialFeedbackInput {
                    notes: Some("x".repeat(2001)),
                    ..feedback(Category::Newcomer, ContinueWish::Yes, 4)
                },
            ),
            (
                "given_on",
                TrialFeedbackInput {
                    given_on: Some(tomorrow),
                    ..feedback(Category::Newcomer, ContinueWish::Yes, 4)
                },
            ),
            (
                "given_on",
                TrialFeedbackInput {
                    given_on: Some(before_intro),
                    ..feedback(Category::Newcomer, ContinueWish::Yes, 4)
                },
            ),
        ] {
            expect_field_error(post_feedback(&app, &token, am, &input).await, field).await;
        }
        let fr = expect_problem(
            send_with(
                &app,
                Method::POST,
                &format!("/api/v1/duos/{am}/feedback"),
                Some(&token),
                &[("Accept-Language", "fr")],
                Some(&feedback(Category::Newcomer, ContinueWish::Yes, 9)),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(
            fr.field_errors("rating"),
            ["La valeur doit être comprise entre 1 et 5.".to_owned()]
        );
        let body: serde_json::Value = serde_json::json!({
            "side": "coordinator", "wants_to_continue": "yes", "rating": 3
        });
        expect_field_error(
            app.send_json(
                Method::POST,
                &format!("/api/v1/duos/{am}/feedback"),
                Some(&token),
                &body,
            )
            .await,
            "side",
        )
        .await;
        assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM duo_feedback"), 0);

        // The newcomer is happy; the local hesitates.
        let newcomer: TrialFeedback = expect_json(
            post_feedback(
                &app,
                &token,
                am,
                &TrialFeedbackInput {
                    notes: Some("A adoré la balade, veut continuer".into()),
                    ..feedback(Category::Newcomer, ContinueWish::Yes, 5)
                },
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(newcomer.side, Category::Newcomer);
        assert_eq!(newcomer.person_id, p.amina.person);
        assert_eq!(newcomer.rating, 5);
        assert_eq!(newcomer.recorded_by, Some(coordinator_id));
        assert!(newcomer
            .recorded_by_name
            .as_deref()
            .is_some_and(|n| n.starts_with("User coordinator-")));
        let today = Utc::now()
            .with_timezone(&chrono_tz::Europe::Brussels)
            .date_naive();
        assert_eq!(newcomer.given_on, today);
        let local: TrialFeedback = expect_json(
            post_feedback(
                &app,
                &token,
                am,
                &TrialFeedbackInput {
                    given_on: Some(today),
                    ..feedback(Category::Local, ContinueWish::Unsure, 3)
                },
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(local.person_id, p.marc.person);
        let duo: Duo = get_json(&app, &format!("/api/v1/duos/{am}"), Some(&token)).await;
        assert_eq!(duo.feedback, vec![newcomer.clone(), local.clone()]);
        assert!(!duo.both_want_to_continue);

        // Called back a day later, the local says yes: the side's feedback is replaced.
        let replaced: TrialFeedback = expect_json(
            post_feedback(
                &app,
                &token,
                am,
                &TrialFeedbackInput {
                    notes: Some("Rappelé : d'accord pour le samedi".into()),
                    ..feedback(Category::Local, ContinueWish::Yes, 4)
                },
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(replaced.wants_to_continue, ContinueWish::Yes);
        assert_eq!(replaced.created_at, local.created_at);
        assert!(replaced.updated_at >= local.updated_at);
        let listed: Vec<TrialFeedback> =
            get_json(&app, &format!("/api/v1/duos/{am}/feedback"), Some(&token)).await;
        assert_eq!(listed, vec![newcomer.clone(), replaced.clone()]);
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) AS n FROM duo_feedback WHERE duo_id = '{am}'")
            ),
            2
        );

        // Both positive: the coordinator can confirm on it, but nothing is confirmed for them.
        let duo: Duo = get_json(&app, &format!("/api/v1/duos/{am}"), Some(&token)).await;
        assert!(duo.both_want_to_continue);
        assert_eq!(duo.status, DuoStatus::Introduced);
        let proposals: Vec<Duo> = get_json(&app, "/api/v1/duo/proposals", Some(&token)).await;
        let listed = proposals.iter().find(|d| d.id == am).expect("proposal");
        assert!(listed.both_want_to_continue && listed.feedback.len() == 2);
        let other = proposals.iter().find(|d| d.id == bc).expect("proposal");
        assert!(other.feedback.is_empty() && !other.both_want_to_continue);
        let introduced: Vec<Duo> =
            get_json(&app, "/api/v1/duos?status=introduced", Some(&token)).await;
        assert_eq!(introduced.len(), 1);
        assert_eq!(introduced[0].feedback.len(), 2);

        let confirmed = moved(&app, &token, am, DuoStatus::Active).await;
        assert_eq!(confirmed.feedback.len(), 2, "kept after confirmation");
        // After the decision the trial's feedback is closed.
        expect_problem(
            post_feedback(
                &app,
                &token,
                am,
                &feedback(Category::Local, ContinueWish::No, 1),
            )
            .await,
            StatusCode::CONFLICT,
        )
        .await;

        // Audited like the transitions; the confirmation records what it was taken on.
        let audit = duo_audit(&app, &admin, am).await;
        let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(
            actions,
            [
                "duo.proposed",
                "duo.transition",
                "duo.feedback_recorded",
                "duo.feedback_recorded",
                "duo.feedback_recorded",
                "duo.transition",
            ]
        );
        assert_eq!(audit[2].details["side"], "newcomer");
        assert_eq!(audit[4].details["replaced"], true);
        assert_eq!(
            audit[5].details["feedback"],
            serde_json::json!({ "newcomer": "yes", "local": "yes" })
        );
        assert!(
            !audit[2].details.to_string().contains("balade"),
            "free text copied into the audit log"
        );
        assert!(audit[2].actor_id == Some(coordinator_id));
    }
);

both!(
    trial_feedback_declined_duos_and_who_may_do_what,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let (coach_id, coach) = account(&app, Role::Coach).await;
        let p = pool(&app, &token).await;
        let res = app
            .send_json(
                Method::POST,
                &format!("/api/v1/people/{}/coaches", p.amina.person),
                Some(&token),
                &shared::people::CoachAssignment { user_id: coach_id },
            )
            .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let (am, bc) = two_proposals(&app, &token, &p).await;
        for d in [am, bc] {
            moved(&app, &token, d, DuoStatus::Introduced).await;
        }
        // A coach reads the feedback of the duos they accompany, and records none.
        expect_problem(
            post_feedback(
                &app,
                &coach,
                am,
                &feedback(Category::Newcomer, ContinueWish::Yes, 4),
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        expect_json::<TrialFeedback>(
            post_feedback(
                &app,
                &token,
                am,
                &feedback(Category::Newcomer, ContinueWish::Yes, 4),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        let seen: Vec<TrialFeedback> =
            get_json(&app, &format!("/api/v1/duos/{am}/feedback"), Some(&coach)).await;
        assert_eq!(seen.len(), 1);
        expect_problem(
            app.get(&format!("/api/v1/duos/{bc}/feedback"), Some(&coach))
                .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        expect_problem(
            app.get(&format!("/api/v1/duos/{am}/feedback"), None).await,
            StatusCode::UNAUTHORIZED,
        )
        .await;
        expect_problem(
            app.get(
                &format!("/api/v1/duos/{}/feedback", Uuid::new_v4()),
                Some(&token),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        expect_problem(
            post_feedback(
                &app,
                &token,
                Uuid::new_v4(),
                &feedback(Category::Local, ContinueWish::No, 2),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;

        // The local of the other duo does not want to continue: the coordinator declines it;
        // the feedback stays on the declined duo and no more can be added.
        expect_json::<TrialFeedback>(
            post_feedback(
                &app,
                &token,
                bc,
                &TrialFeedbackInput {
                    notes: Some("Pas le courant".into()),
                    ..feedback(Category::Local, ContinueWish::No, 2)
                },
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        let declined: Duo = expect_json(
            move_duo(
                &app,
                &token,
                bc,
                DuoStatus::Declined,
                Some("Claire ne souhaite pas continuer"),
                None,
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(declined.feedback.len(), 1);
        assert_eq!(declined.feedback[0].wants_to_continue, ContinueWish::No);
        expect_problem(
            post_feedback(
                &app,
                &token,
                bc,
                &feedback(Category::Newcomer, ContinueWish::Yes, 4),
            )
            .await,
            StatusCode::CONFLICT,
        )
        .await;
    }
);
