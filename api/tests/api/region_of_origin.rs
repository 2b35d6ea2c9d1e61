//! The region of origin is close to ethnic origin (issue 12 §7): it is collected for aggregates
//! but appears on no per-person answer or export, except the person's own GDPR export; the
//! forms that never show it keep it when they save.

use reqwest::{Method, StatusCode};
use shared::auth::Role;
use shared::people::{Person, PersonInput};

use crate::activity_fixtures::*;
use crate::both;
use crate::helpers::{expect_json, TestApp};

const REGION: &str = "Afrique de l'Ouest";

/// The person's own export, as text.
async fn export_text(app: &TestApp, token: &str, id: uuid::Uuid) -> String {
    let res = app
        .get(&format!("/api/v1/people/{id}/export"), Some(token))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.text().await.expect("body")
}

both!(
    the_region_of_origin_is_only_in_the_persons_own_export,
    |app: TestApp| async move {
        let (_, admin) = account(&app, Role::Admin).await;
        let (_, coordinator) = account(&app, Role::Coordinator).await;
        let input = PersonInput {
            origin_region: Some(REGION.into()),
            ..person_input("Mariam", true)
        };
        let res = app
            .send_json(Method::POST, "/api/v1/people", Some(&coordinator), &input)
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let text = res.text().await.expect("body");
        assert!(!text.contains(REGION), "creation answer: {text}");
        assert!(!text.contains("origin_region"), "creation answer: {text}");
        let person: Person = serde_json::from_str(&text).expect("person");

        // Every staff screen's answer about the person, for every role that reads people.
        let activity = create_activity(&app, &coordinator, &upcoming("Cuisine", 3, None)).await;
        register(&app, &coordinator, activity.id, person.id).await;
        for token in [&admin, &coordinator] {
            for path in [
                format!("/api/v1/people/{}", person.id),
                "/api/v1/people?q=Mariam".to_owned(),
                format!("/api/v1/people/{}/history", person.id),
                format!("{ACTIVITIES}/{}/registrations", activity.id),
                format!("{ACTIVITIES}/{}/attendees.csv", activity.id),
            ] {
                let res = app.get(&path, Some(token)).await;
                assert_eq!(res.status(), StatusCode::OK, "{path}");
                let text = res.text().await.expect("body");
                assert!(
                    path.ends_with("/history") || text.contains("Mariam"),
                    "{path} is about the person: {text}"
                );
                assert!(!text.contains(REGION), "{path}: {text}");
                assert!(!text.contains("origin_region\":"), "{path}: {text}");
            }
        }
        // The person's own export has it.
        assert!(export_text(&app, &admin, person.id).await.contains(REGION));

        // The staff form sends the record back without it: it is kept.
        let form = PersonInput {
            origin_region: None,
            commune: Some("Herstal".into()),
            ..input.clone()
        };
        let updated: Person = expect_json(
            app.send_json(
                Method::PUT,
                &format!("/api/v1/people/{}", person.id),
                Some(&coordinator),
                &form,
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(updated.commune.as_deref(), Some("Herstal"));
        assert!(export_text(&app, &admin, person.id).await.contains(REGION));
        // An empty string clears it.
        let cleared = PersonInput {
            origin_region: Some(String::new()),
            ..form
        };
        let res = app
            .send_json(
                Method::PUT,
                &format!("/api/v1/people/{}", person.id),
                Some(&coordinator),
                &cleared,
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(!export_text(&app, &admin, person.id).await.contains(REGION));
    }
);
