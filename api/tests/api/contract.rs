//! The API accepts and refuses what its OpenAPI document says (the cases the fuzzing gate,
//! `scripts/fuzz-api.sh`, found where the two disagreed).

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use shared::auth::Role;
use shared::duo::MatchingSettings;

use crate::activity_fixtures::*;
use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};

fn has(problem: &shared::Problem, field: &str) -> bool {
    problem
        .errors
        .as_ref()
        .is_some_and(|e| e.contains_key(field))
}

both!(
    a_property_the_document_does_not_list_is_refused,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let tag = json!({
            "slug": "pottery", "category": "arts", "label_fr": "Poterie",
            "label_en": "Pottery", "label_nl": "Pottenbakken", "label_ar": "الفخار",
        });
        let mut extra = tag.clone();
        extra["colour"] = json!("red");
        let problem = expect_problem(
            app.send_json(Method::POST, "/api/v1/tags", Some(&admin), &extra)
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(has(&problem, "colour"), "{problem:?}");
        // Nothing was created: the same tag without the stray property is new.
        let res = app
            .send_json(Method::POST, "/api/v1/tags", Some(&admin), &tag)
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
);

both!(
    identifiers_and_words_are_read_as_sent,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        // A commune id with a space around it is not the id `testville`.
        let commune = json!({ "name": "Testville", "latitude": 50.66, "longitude": 5.51 });
        let problem = expect_problem(
            app.send_json(
                Method::PUT,
                "/api/v1/duo/communes/%20testville",
                Some(&admin),
                &commune,
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(has(&problem, "id"), "{problem:?}");
        let communes: Vec<Value> = get_json(&app, "/api/v1/duo/communes", Some(&admin)).await;
        assert!(
            communes.iter().all(|c| c["id"] != "testville"),
            "{communes:?}"
        );

        // A tag slug likewise; and a label's limit counts what the client sent.
        let tag = |slug: &str, label: &str| {
            json!({
                "slug": slug, "category": "arts", "label_fr": label,
                "label_en": "Pottery", "label_nl": "Pottenbakken", "label_ar": "الفخار",
            })
        };
        for (body, field) in [
            (tag(" pottery", "Poterie"), "slug"),
            (tag("pottery", &format!("{} ", "p".repeat(80))), "label_fr"),
        ] {
            let problem = expect_problem(
                app.send_json(Method::POST, "/api/v1/tags", Some(&admin), &body)
                    .await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert!(has(&problem, field), "{field}: {problem:?}");
        }
    }
);

both!(
    a_whole_number_is_an_integer_however_it_is_written,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let current: MatchingSettings = get_json(&app, "/api/v1/duo/settings", Some(&admin)).await;
        let mut body = serde_json::to_value(current).expect("settings as JSON");
        // JSON Schema's `integer` includes 3.0; the document says `version` is an integer.
        body["version"] = json!(f64::from(current.version));
        body["threshold"] = json!(41.5);
        let saved: MatchingSettings = expect_json(
            app.send_json(Method::PUT, "/api/v1/duo/settings", Some(&admin), &body)
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(saved.threshold, 41.5);
    }
);

both!(
    an_event_page_refuses_a_language_it_does_not_have,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let event = create_activity(&app, &admin, &upcoming("Atelier pain", 5, Some(10))).await;
        let path = format!("/api/v1/public/events/{}", event.id);
        let res = app.get(&format!("{path}?lang=en"), None).await;
        assert_eq!(res.status(), StatusCode::OK);
        // Like the lists, not silently in French.
        let problem = expect_problem(
            app.get(&format!("{path}?lang=xx"), None).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(has(&problem, "lang"), "{problem:?}");
    }
);
