//! An `Idempotency-Key` makes a retry safe; reusing it for another request is refused
//! (issue 12 §4), so a client bug cannot be told "registered" for a person it never registered.

use reqwest::{Method, StatusCode};
use shared::activities::Registration;
use shared::auth::Role;

use crate::activity_fixtures::*;
use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};

both!(
    a_key_reused_with_another_body_is_refused,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let a = create_activity(&app, &token, &upcoming("Cuisine", 4, Some(10))).await;
        let salma = create_person(&app, &token, "Salma", true).await;
        let tarek = create_person(&app, &token, "Tarek", true).await;
        let path = format!("{ACTIVITIES}/{}/registrations", a.id);
        let post = |body: serde_json::Value| {
            let (app, path, token) = (&app, &path, &token);
            async move {
                send_with(
                    app,
                    Method::POST,
                    path,
                    Some(token),
                    &[("Idempotency-Key", "same-key")],
                    Some(&body),
                )
                .await
            }
        };
        let first: Registration = expect_json(
            post(serde_json::json!({ "person_id": salma })).await,
            StatusCode::CREATED,
        )
        .await;
        // The same request written differently is still a retry.
        let replay: Registration = expect_json(
            post(serde_json::json!({ "source": null, "person_id": salma })).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(replay, first);

        // Another person under the same key: refused, and Tarek is not registered.
        let problem = expect_problem(
            post(serde_json::json!({ "person_id": tarek })).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        let errors = problem.errors.unwrap_or_default();
        assert!(errors.contains_key("Idempotency-Key"), "{errors:?}");
        let list = registrations(&app, &token, a.id).await;
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].person_id, salma);
        // Another source for the same person is another request too.
        expect_problem(
            post(serde_json::json!({ "person_id": salma, "source": "walk_in" })).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        // The first answer still replays.
        let again: Registration = expect_json(
            post(serde_json::json!({ "person_id": salma })).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(again, first);
    }
);
