//! Participants' feedback on InterAct sessions (issue 16, "feedback from participants if
//! collected"): the team records a rating 1–5 and a comment per participant and session; the
//! host's page shows each workshop's average, withheld under five answers, and the comments to
//! coordinators only; bad input is refused field by field with nothing stored; the feedback is
//! in the participant's export and their comment goes when they are anonymised.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use shared::auth::Role;
use shared::interact::{HostPage, SessionFeedback};
use shared::ErrorCode;
use uuid::Uuid;

use crate::activity_fixtures::register;
use crate::both;
use crate::duo_fixtures::exec;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::interact_fixtures::*;
use crate::people_fixtures::{count_rows, create, PersonBuilder as P};

fn feedback_path(activity: Uuid) -> String {
    format!("/api/v1/interact/sessions/{activity}/feedback")
}

async fn post_feedback(
    app: &TestApp,
    token: &str,
    activity: Uuid,
    body: &Value,
) -> reqwest::Response {
    send(app, Method::POST, &feedback_path(activity), token, body).await
}

/// Moves a session two days back, as if it had taken place.
fn held(app: &TestApp, activity: Uuid) {
    let day = (chrono::Utc::now() - chrono::Duration::days(2)).date_naive();
    exec(
        app,
        &format!(
            "UPDATE activities SET starts_at = '{day} 14:00:00', ends_at = '{day} 16:00:00' WHERE id = '{activity}'"
        ),
    );
}

both!(
    feedback_is_recorded_per_session_and_the_hosts_page_shows_the_average_from_five_answers,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let host = create(&app, &token, P::newcomer("Samira", 2).last_name("Hôte")).await;
        let d = running(&app, &token, host.id, "Cuisine du monde").await;
        let series = d.proposal.workshops[0].series_id.expect("series");
        let first = d.proposal.workshops[0].activity_id.expect("first session");
        let names = ["Anna", "Bert", "Chloé", "Driss", "Emma", "Farid"];
        let mut people = Vec::new();
        for (i, n) in names.iter().enumerate() {
            let p = if i % 2 == 0 {
                create(&app, &token, P::local(n)).await
            } else {
                create(&app, &token, P::newcomer(n, 1)).await
            };
            register(&app, &token, first, p.id).await;
            people.push(p.id);
        }
        let outsider = create(&app, &token, P::local("Gaston")).await;

        // Before the session: nothing to say yet.
        let body = json!({ "person_id": people[0], "rating": 5 });
        let p = expect_problem(
            post_feedback(&app, &token, first, &body).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert_eq!(p.code, ErrorCode::Conflict);
        held(&app, first);

        // Bad input, field by field, nothing stored.
        let cases = [
            (json!({ "person_id": people[0] }), "rating"),
            (json!({ "person_id": people[0], "rating": 0 }), "rating"),
            (json!({ "person_id": people[0], "rating": 6 }), "rating"),
            (
                json!({ "person_id": people[0], "rating": 4, "comment": "x".repeat(2001) }),
                "comment",
            ),
            (
                json!({ "person_id": outsider.id, "rating": 4 }),
                "person_id",
            ),
        ];
        for (body, field) in cases {
            let p = expect_problem(
                post_feedback(&app, &token, first, &body).await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert!(!p.field_errors(field).is_empty(), "{field}: {p:?}");
        }
        let p = expect_problem(
            post_feedback(
                &app,
                &token,
                first,
                &json!({ "person_id": people[0], "rating": "five" }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.code, ErrorCode::ValidationFailed, "{p:?}");
        assert!(!p.field_errors("rating").is_empty(), "{p:?}");
        // Not an InterAct session, or none at all.
        let res = post_feedback(
            &app,
            &token,
            Uuid::now_v7(),
            &json!({ "person_id": people[0], "rating": 4 }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        // Coaches read the host's page; recording is for coordinators.
        let coach = app.token_for(Role::Coach).await;
        let res = post_feedback(
            &app,
            &coach,
            first,
            &json!({ "person_id": people[0], "rating": 4 }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = app.get(&feedback_path(first), Some(&coach)).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        assert_eq!(count_rows(&app, "interact_feedback"), 0);

        // Four answers: counted, the average withheld.
        for (i, rating) in [5, 4, 4, 3].into_iter().enumerate() {
            let comment = (i == 0).then_some("Anna a adoré la sauce");
            let saved: SessionFeedback = expect_json(
                post_feedback(
                    &app,
                    &token,
                    first,
                    &json!({ "person_id": people[i], "rating": rating, "comment": comment }),
                )
                .await,
                StatusCode::CREATED,
            )
            .await;
            assert_eq!(saved.rating, rating);
            assert_eq!(saved.person_id, people[i]);
            assert!(saved.recorded_by_name.is_some());
        }
        let page: HostPage = host_page(&app, &token, host.id).await;
        let w = page
            .workshops
            .iter()
            .find(|w| w.series_id == Some(series))
            .expect("the workshop");
        assert_eq!(w.feedback.answers, 4);
        assert!(w.feedback.withheld);
        assert_eq!(w.feedback.average, None);
        assert_eq!(w.feedback.comments.len(), 1);
        assert_eq!(w.feedback.comments[0].comment, "Anna a adoré la sauce");
        assert_eq!(w.feedback.comments[0].activity_id, first);

        // The same participant twice: refused on the field.
        let p = expect_problem(
            post_feedback(
                &app,
                &token,
                first,
                &json!({ "person_id": people[1], "rating": 2 }),
            )
            .await,
            StatusCode::CONFLICT,
        )
        .await;
        assert!(!p.field_errors("person_id").is_empty(), "{p:?}");
        assert_eq!(count_rows(&app, "interact_feedback"), 4);

        // The fifth answer shows the average.
        let res = post_feedback(
            &app,
            &token,
            first,
            &json!({ "person_id": people[4], "rating": 5, "comment": "  " }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let page = host_page(&app, &token, host.id).await;
        let w = page
            .workshops
            .iter()
            .find(|w| w.series_id == Some(series))
            .expect("workshop");
        assert_eq!(
            (w.feedback.answers, w.feedback.withheld, w.feedback.average),
            (5, false, Some(4.2))
        );
        assert_eq!(w.feedback.comments.len(), 1, "a blank comment is none");
        // The session's answers with the participants' names, newest first.
        let list: Vec<SessionFeedback> = expect_json(
            app.get(&feedback_path(first), Some(&token)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(list.len(), 5);
        assert_eq!(list[0].display_name, "Emma");
        // An administrator sees the comments too.
        let admin = app.token_for(Role::Admin).await;
        let page = host_page(&app, &admin, host.id).await;
        let w = page
            .workshops
            .iter()
            .find(|w| w.series_id == Some(series))
            .expect("workshop");
        assert_eq!(w.feedback.comments.len(), 1);

        // In Anna's export; anonymising her removes her comment, her rating stays counted.
        let export: Value = expect_json(
            app.get(
                &format!("/api/v1/people/{}/export", people[0]),
                Some(&token),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let rows = export["records"]["interact_feedback"]
            .as_array()
            .expect("feedback rows");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0]["comment"], "Anna a adoré la sauce");
        assert!(export["records"]["audit_log"]
            .as_array()
            .expect("audit")
            .iter()
            .any(|e| e["action"] == "interact.feedback_recorded"));
        let res = send(
            &app,
            Method::POST,
            &format!("/api/v1/people/{}/anonymise", people[0]),
            &token,
            &json!({ "confirmation": "anonymise" }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let left = crate::people_fixtures::find_in_database(&app, &["adoré la sauce"]);
        assert!(left.is_empty(), "{left:?}");
        let page = host_page(&app, &token, host.id).await;
        let w = page
            .workshops
            .iter()
            .find(|w| w.series_id == Some(series))
            .expect("workshop");
        assert_eq!((w.feedback.answers, w.feedback.average), (5, Some(4.2)));
        assert!(w.feedback.comments.is_empty());
    }
);

both!(
    another_participants_comment_naming_an_anonymised_host_is_listed_for_staff,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let host = create(&app, &token, P::newcomer("Yasmina", 2).last_name("Ouardi")).await;
        let d = running(&app, &token, host.id, "Danse").await;
        let first = d.proposal.workshops[0].activity_id.expect("first session");
        let bert = create(&app, &token, P::local("Bert")).await;
        register(&app, &token, first, bert.id).await;
        held(&app, first);
        let res = post_feedback(
            &app,
            &token,
            first,
            &json!({ "person_id": bert.id, "rating": 5, "comment": "Merci Yasmina Ouardi !" }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let res = send(
            &app,
            Method::POST,
            &format!("/api/v1/people/{}/anonymise", host.id),
            &token,
            &json!({ "confirmation": "anonymise" }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let done: Value = res.json().await.expect("json");
        let found: Vec<(String, String, String)> = done["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .map(|m| {
                let s = |k: &str| m[k].as_str().unwrap_or_default().to_owned();
                (s("object_type"), s("object_id"), s("field"))
            })
            .collect();
        assert!(
            found.contains(&(
                "activity".into(),
                first.to_string(),
                "interact_feedback.comment".into()
            )),
            "{done}"
        );
    }
);
