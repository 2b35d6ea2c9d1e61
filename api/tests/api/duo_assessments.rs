//! Duo2Change: self-assessments before and after a duo, their aggregate for the reports, and
//! what the GDPR rights do to the duo's follow-up (feedback and assessments).

use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use shared::auth::Role;
use shared::duo::{
    AssessmentPhase, AssessmentSummary, ContinueWish, Duo, DuoStatus, SelfAssessment,
    SelfAssessmentInput, TrialFeedback, TrialFeedbackInput,
};
use shared::people::Category;

use crate::activity_fixtures::*;
use crate::both;
use crate::duo_fixtures::*;
use crate::helpers::{expect_json, expect_problem};
use crate::people_fixtures::find_in_database;

const SUMMARY: &str = "/api/v1/duo/assessments/summary";

both!(
    self_assessments_at_the_start_and_at_the_end,
    |app: crate::helpers::TestApp| async move {
        use AssessmentPhase::{After, Before};
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
        let made: Vec<Duo> = expect_json(
            accept(
                &app,
                &token,
                vec![pair(p.amina, p.marc), pair(p.bilal, p.claire)],
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        let am = made
            .iter()
            .find(|d| d.newcomer_id == p.amina.person)
            .expect("duo")
            .id;
        let bc = made
            .iter()
            .find(|d| d.newcomer_id == p.bilal.person)
            .expect("duo")
            .id;

        // The start is recorded once the two have met; the end once the duo is running.
        let closed = expect_problem(
            post_assessment(&app, &token, am, &newcomer(Before, 2, 1)).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert!(!closed.field_errors("phase").is_empty(), "{closed:?}");
        moved(&app, &token, am, DuoStatus::Introduced).await;
        expect_problem(
            post_assessment(&app, &token, am, &newcomer(After, 4, 3)).await,
            StatusCode::CONFLICT,
        )
        .await;

        // Each side answers its own questions, with field-level errors.
        let in_future = (Utc::now() + Duration::days(2)).date_naive();
        for (fields, input) in [
            (
                vec!["french_confidence", "help_contacts"],
                SelfAssessmentInput {
                    french_confidence: None,
                    help_contacts: Some(101),
                    ..newcomer(Before, 2, 1)
                },
            ),
            (
                vec!["french_confidence", "intercultural_understanding"],
                SelfAssessmentInput {
                    french_confidence: Some(0),
                    intercultural_understanding: Some(3),
                    ..newcomer(Before, 2, 1)
                },
            ),
            (
                vec!["intercultural_understanding", "help_contacts"],
                SelfAssessmentInput {
                    intercultural_understanding: Some(6),
                    help_contacts: Some(2),
                    ..local(Before, 3, None)
                },
            ),
            (
                vec!["learnt"],
                local(Before, 3, Some("Rien encore, c'est le début")),
            ),
            (
                vec!["assessed_on"],
                SelfAssessmentInput {
                    assessed_on: Some(in_future),
                    ..local(Before, 3, None)
                },
            ),
        ] {
            let problem = expect_problem(
                post_assessment(&app, &token, am, &input).await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            let errors = problem.errors.clone().unwrap_or_default();
            let mut got: Vec<&str> = errors.keys().map(String::as_str).collect();
            let mut want = fields.clone();
            got.sort_unstable();
            want.sort_unstable();
            assert_eq!(got, want, "{input:?}");
        }
        let fr = expect_problem(
            send_with(
                &app,
                Method::POST,
                &format!("/api/v1/duos/{am}/assessments"),
                Some(&token),
                &[("Accept-Language", "fr")],
                Some(&SelfAssessmentInput {
                    help_contacts: Some(2),
                    ..local(Before, 3, None)
                }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(
            fr.field_errors("help_contacts"),
            ["Cette question ne concerne pas ce côté du duo.".to_owned()]
        );
        assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM duo_assessments"), 0);

        // At the start.
        let first = assessed(&app, &token, am, &newcomer(Before, 2, 1)).await;
        assert_eq!(first.person_id, p.amina.person);
        assert_eq!(first.duo_id, am);
        assert_eq!(
            (first.french_confidence, first.help_contacts),
            (Some(2), Some(1))
        );
        // A correction replaces the person's answers for the phase.
        let corrected: SelfAssessment = expect_json(
            post_assessment(&app, &token, am, &newcomer(Before, 1, 1)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(corrected.id, first.id);
        assert_eq!(corrected.french_confidence, Some(1));
        let marc_before = assessed(&app, &token, am, &local(Before, 3, None)).await;
        assert_eq!(marc_before.person_id, p.marc.person);

        // At the end.
        moved(&app, &token, am, DuoStatus::Active).await;
        let amina_after = assessed(&app, &token, am, &newcomer(After, 4, 5)).await;
        let marc_after = assessed(
            &app,
            &token,
            am,
            &local(After, 5, Some("Comment on fête l'Aïd à Alep")),
        )
        .await;
        assert_eq!(
            marc_after.learnt.as_deref(),
            Some("Comment on fête l'Aïd à Alep")
        );
        let listed: Vec<SelfAssessment> = get_json(
            &app,
            &format!("/api/v1/duos/{am}/assessments"),
            Some(&token),
        )
        .await;
        assert_eq!(
            listed,
            vec![corrected, marc_before, amina_after, marc_after.clone()]
        );
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) AS n FROM duo_assessments WHERE duo_id = '{am}'")
            ),
            4
        );

        // Coaches read the duos they accompany and record nothing; the aggregate is for
        // coordinators; nothing without an account.
        let seen: Vec<SelfAssessment> = get_json(
            &app,
            &format!("/api/v1/duos/{am}/assessments"),
            Some(&coach),
        )
        .await;
        assert_eq!(seen.len(), 4);
        expect_problem(
            app.get(&format!("/api/v1/duos/{bc}/assessments"), Some(&coach))
                .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        expect_problem(
            post_assessment(&app, &coach, am, &newcomer(After, 5, 5)).await,
            StatusCode::FORBIDDEN,
        )
        .await;
        expect_problem(app.get(SUMMARY, Some(&coach)).await, StatusCode::FORBIDDEN).await;
        for path in [SUMMARY.to_owned(), format!("/api/v1/duos/{am}/assessments")] {
            expect_problem(app.get(&path, None).await, StatusCode::UNAUTHORIZED).await;
        }

        // One duo: counted, but too few answers for any average.
        let summary: AssessmentSummary = get_json(&app, SUMMARY, Some(&token)).await;
        assert_eq!(summary.min_group_size, 5);
        let fc = &summary.french_confidence;
        assert_eq!((fc.before.count, fc.after.count, fc.paired), (1, 1, 1));
        assert_eq!(
            (fc.before.average, fc.after.average, fc.average_change),
            (None, None, None)
        );
        assert_eq!(summary.intercultural_understanding.paired, 1);

        // Audited.
        let admin = app.token_for(Role::Admin).await;
        let audit = duo_audit(&app, &admin, am).await;
        let recorded: Vec<(String, String, bool)> = audit
            .iter()
            .filter(|e| e.action == "duo.assessment_recorded")
            .map(|e| {
                (
                    e.details["side"].as_str().unwrap_or_default().to_owned(),
                    e.details["phase"].as_str().unwrap_or_default().to_owned(),
                    e.details["replaced"].as_bool().unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            recorded,
            [
                ("newcomer".into(), "before".into(), false),
                ("newcomer".into(), "before".into(), true),
                ("local".into(), "before".into(), false),
                ("newcomer".into(), "after".into(), false),
                ("local".into(), "after".into(), false),
            ]
        );
    }
);

both!(
    the_summary_aggregates_and_withholds_small_groups,
    |app: crate::helpers::TestApp| async move {
        use AssessmentPhase::{After, Before};
        let token = app.token_for(Role::Coordinator).await;
        // Six duos. Newcomers: French confidence from about 2 to 4, more people to ask for
        // help. Locals: five before, only four after.
        let mut duos = Vec::new();
        use DuoStatus::{Active, Ended, Paused};
        for status in [Ended, Ended, Ended, Active, Paused, Ended] {
            duos.push(duo_in_state(&app, &token, status).await);
        }
        for (i, d) in duos.iter().enumerate() {
            let i = i as i32;
            assessed(&app, &token, *d, &newcomer(Before, 1 + i % 3, i)).await;
            if i < 5 {
                assessed(&app, &token, *d, &newcomer(After, 3 + i % 3, i + 3)).await;
                assessed(&app, &token, *d, &local(Before, 2, None)).await;
            }
            if i < 4 {
                let learnt = format!("Appris de Samira numéro {i}");
                assessed(&app, &token, *d, &local(After, 4, Some(&learnt))).await;
            }
        }
        let res = app.get(SUMMARY, Some(&token)).await;
        let text = res.text().await.expect("body");
        let summary: AssessmentSummary = serde_json::from_str(&text).expect("summary");
        // Newcomers' confidence before: 1 2 3 1 2 3 (avg 2.0), after: 3 4 5 3 4 (avg 3.8),
        // five answered both, each up by 2.
        let fc = &summary.french_confidence;
        assert_eq!((fc.before.count, fc.before.average), (6, Some(2.0)));
        assert_eq!((fc.after.count, fc.after.average), (5, Some(3.8)));
        assert_eq!((fc.paired, fc.average_change), (5, Some(2.0)));
        // Help contacts before: 0..5 (avg 2.5), after: 3..7 (avg 5), each up by 3.
        let hc = &summary.help_contacts;
        assert_eq!((hc.before.count, hc.before.average), (6, Some(2.5)));
        assert_eq!((hc.after.count, hc.after.average), (5, Some(5.0)));
        assert_eq!(hc.average_change, Some(3.0));
        // Locals: five before, four after: the "after" average and the change are withheld.
        let iu = &summary.intercultural_understanding;
        assert_eq!((iu.before.count, iu.before.average), (5, Some(2.0)));
        assert_eq!((iu.after.count, iu.after.average), (4, None));
        assert_eq!((iu.paired, iu.average_change), (4, None));
        // Never per-person data: no ids, no free text.
        assert!(!text.contains("Samira"), "{text}");
        assert!(
            duos.iter().all(|d| !text.contains(&d.to_string())),
            "{text}"
        );
        let keys: Vec<String> = serde_json::from_str::<serde_json::Map<String, Value>>(&text)
            .expect("object")
            .keys()
            .cloned()
            .collect();
        assert_eq!(
            keys,
            [
                "french_confidence",
                "help_contacts",
                "intercultural_understanding",
                "min_group_size"
            ]
        );
    }
);

both!(
    the_follow_up_of_a_duo_in_export_and_anonymisation,
    |app: crate::helpers::TestApp| async move {
        use AssessmentPhase::{After, Before};
        let token = app.token_for(Role::Coordinator).await;
        let duo = duo_in_state(&app, &token, DuoStatus::Introduced).await;
        let d: Duo = get_json(&app, &format!("/api/v1/duos/{duo}"), Some(&token)).await;
        let feedback = |side, notes: &str| TrialFeedbackInput {
            side,
            wants_to_continue: ContinueWish::Yes,
            rating: 4,
            notes: Some(notes.into()),
            given_on: None,
        };
        for input in [
            feedback(Category::Newcomer, "Nour parle de sa soeur Zeynepgul"),
            feedback(Category::Local, "Luc a rencontré Zeynepgul aussi"),
        ] {
            expect_json::<TrialFeedback>(
                app.send_json(
                    Method::POST,
                    &format!("/api/v1/duos/{duo}/feedback"),
                    Some(&token),
                    &input,
                )
                .await,
                StatusCode::CREATED,
            )
            .await;
        }
        assessed(&app, &token, duo, &newcomer(Before, 2, 1)).await;
        assessed(&app, &token, duo, &local(Before, 3, None)).await;
        moved(&app, &token, duo, DuoStatus::Active).await;
        assessed(&app, &token, duo, &newcomer(After, 4, 3)).await;
        assessed(
            &app,
            &token,
            duo,
            &local(After, 4, Some("La cuisine de Zeynepgul")),
        )
        .await;

        // The newcomer's export has their feedback and assessments, not the partner's.
        let export: Value = get_json(
            &app,
            &format!("/api/v1/people/{}/export", d.newcomer_id),
            Some(&token),
        )
        .await;
        let me = json!(d.newcomer_id.to_string());
        let records = &export["records"];
        let feedback_rows = records["duo_feedback"].as_array().expect("duo_feedback");
        assert_eq!(feedback_rows.len(), 1);
        assert_eq!(feedback_rows[0]["person_id"], me);
        assert_eq!(
            feedback_rows[0]["notes"],
            "Nour parle de sa soeur Zeynepgul"
        );
        let assessments = records["duo_assessments"]
            .as_array()
            .expect("duo_assessments");
        assert_eq!(assessments.len(), 2);
        assert!(assessments.iter().all(|a| a["person_id"] == me));
        assert!(!export.to_string().contains("cuisine de Zeynepgul"));

        // Anonymising the newcomer wipes the free text about the duo, on both sides; the
        // figures stay for the reports.
        assert_eq!(find_in_database(&app, &["Zeynepgul"]).len(), 3);
        let res = app
            .send_json(
                Method::POST,
                &format!("/api/v1/people/{}/anonymise", d.newcomer_id),
                Some(&token),
                &json!({ "confirmation": "anonymise" }),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let left = find_in_database(&app, &["Zeynepgul"]);
        assert!(left.is_empty(), "left after anonymisation: {left:?}");
        let summary: AssessmentSummary = get_json(&app, SUMMARY, Some(&token)).await;
        assert_eq!(summary.french_confidence.paired, 1);
        assert_eq!(summary.intercultural_understanding.paired, 1);
        let kept: Vec<TrialFeedback> =
            get_json(&app, &format!("/api/v1/duos/{duo}/feedback"), Some(&token)).await;
        assert_eq!(kept.len(), 2);
        assert!(kept.iter().all(|f| f.notes.is_none() && f.rating == 4));
        let listed: Vec<SelfAssessment> = get_json(
            &app,
            &format!("/api/v1/duos/{duo}/assessments"),
            Some(&token),
        )
        .await;
        assert_eq!(listed.len(), 4);
        assert!(listed.iter().all(|a| a.learnt.is_none()));
    }
);

both!(
    demo_duos_show_feedback_and_assessments,
    |app: crate::helpers::TestApp| async move {
        interra_api::demo::load(&app.db).expect("demo");
        let token = app.token_for(Role::Coordinator).await;
        let introduced: Vec<Duo> =
            get_json(&app, "/api/v1/duos?status=introduced", Some(&token)).await;
        assert_eq!(introduced.len(), 2);
        assert!(introduced.iter().all(|d| d.feedback.len() == 2));
        assert_eq!(
            introduced
                .iter()
                .filter(|d| d.both_want_to_continue)
                .count(),
            1,
            "one ready to confirm, one hesitating"
        );
        let summary: AssessmentSummary = get_json(&app, SUMMARY, Some(&token)).await;
        assert!(summary.french_confidence.before.average.is_some());
        assert!(summary.intercultural_understanding.before.count >= 5);
        // Loading again adds nothing.
        interra_api::demo::load(&app.db).expect("demo again");
        assert_eq!(
            get_json::<AssessmentSummary>(&app, SUMMARY, Some(&token)).await,
            summary
        );
    }
);
