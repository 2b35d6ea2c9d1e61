//! A person's history (`GET /api/v1/people/{id}/history`): the audit entries about the person,
//! newest first, with who acted and which fields changed — never values — readable by whoever
//! may read the person.

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::audit::PersonHistoryEntry;
use shared::auth::Role;
use shared::people::{LanguageLevel, Person};
use shared::{ErrorCode, Page};
use uuid::Uuid;

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::people_fixtures::{
    create, post_signup, send, signup_request, staff, PersonBuilder as P, PEOPLE,
};

fn history_path(id: Uuid) -> String {
    format!("{PEOPLE}/{id}/history")
}

async fn history(app: &TestApp, token: &str, id: Uuid, query: &str) -> Page<PersonHistoryEntry> {
    expect_json(
        app.get(&format!("{}?{query}", history_path(id)), Some(token))
            .await,
        StatusCode::OK,
    )
    .await
}

fn actions(page: &Page<PersonHistoryEntry>) -> Vec<&str> {
    page.results.iter().map(|e| e.action.as_str()).collect()
}

/// The display name the test harness gives an account (`User <email>`), read back from a token.
async fn display_name(app: &TestApp, token: &str) -> String {
    let me: shared::users::StaffUser = expect_json(
        app.get("/api/v1/auth/me", Some(token)).await,
        StatusCode::OK,
    )
    .await;
    me.display_name
}

both!(
    history_names_who_and_which_fields_never_values,
    |app: TestApp| async move {
        let (admin_id, admin) = staff(&app, Role::Admin).await;
        let (coordinator_id, coordinator) = staff(&app, Role::Coordinator).await;
        let person = create(
            &app,
            &coordinator,
            P::local("Historied")
                .email("first.secret@example.be")
                .phone("0470 11 22 33"),
        )
        .await;
        let input = P::local("Historied")
            .email("second.secret@example.be")
            .phone("0470 11 22 33")
            .commune("Chaudfontaine")
            .notes("Prefers Tuesday mornings")
            .language("nl", LanguageLevel::Basic)
            .build();
        let _: Person = expect_json(
            send(
                &app,
                Method::PUT,
                &format!("{PEOPLE}/{}", person.id),
                Some(&coordinator),
                &input,
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let _: Person = expect_json(
            send(
                &app,
                Method::POST,
                &format!("{PEOPLE}/{}/archive", person.id),
                Some(&admin),
                &json!({}),
            )
            .await,
            StatusCode::OK,
        )
        .await;

        // Newest first, each with its author's name.
        let page = history(&app, &coordinator, person.id, "").await;
        assert_eq!(page.count, 3);
        assert_eq!(
            actions(&page),
            ["person.archived", "person.updated", "person.created"]
        );
        let archived = &page.results[0];
        assert_eq!(archived.actor_id, Some(admin_id));
        assert_eq!(
            archived.actor_name.as_deref(),
            Some(display_name(&app, &admin).await.as_str())
        );
        assert!(archived.changed.is_empty());
        let updated = &page.results[1];
        assert_eq!(updated.actor_id, Some(coordinator_id));
        assert_eq!(
            updated.actor_name.as_deref(),
            Some(display_name(&app, &coordinator).await.as_str())
        );
        assert_eq!(
            updated.changed.iter().cloned().collect::<BTreeSet<_>>(),
            BTreeSet::from(["email", "commune", "staff_notes", "languages"].map(str::to_owned))
        );
        assert!(page.results[0].occurred_at >= page.results[1].occurred_at);
        assert!(page.results[1].occurred_at >= page.results[2].occurred_at);

        // No value, no address, no request id in the answer.
        let raw = app
            .get(&history_path(person.id), Some(&coordinator))
            .await
            .text()
            .await
            .expect("body");
        for secret in [
            "first.secret",
            "second.secret",
            "Chaudfontaine",
            "Prefers Tuesday",
            "470112233",
            "127.0.0.1",
        ] {
            assert!(!raw.contains(secret), "{secret} in the history: {raw}");
        }
        for member in ["\"ip\"", "\"request_id\"", "\"details\""] {
            assert!(!raw.contains(member), "{member} in the history: {raw}");
        }

        // Paginated like every list.
        let first = history(&app, &coordinator, person.id, "page_size=2").await;
        assert_eq!(first.count, 3);
        assert_eq!(actions(&first), ["person.archived", "person.updated"]);
        assert!(first.previous.is_none());
        let next = first.next.clone().expect("a next page");
        assert!(next.starts_with(&history_path(person.id)), "{next}");
        let second: Page<PersonHistoryEntry> =
            expect_json(app.get(&next, Some(&coordinator)).await, StatusCode::OK).await;
        assert_eq!(actions(&second), ["person.created"]);
        assert!(second.next.is_none());
        assert!(second.previous.is_some());
        let problem = expect_problem(
            app.get(
                &format!("{}?page=zero", history_path(person.id)),
                Some(&coordinator),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!problem.field_errors("page").is_empty(), "{problem:?}");

        // Entries about other people or records stay out.
        let other = create(&app, &coordinator, P::local("Someoneelse")).await;
        assert_eq!(
            actions(&history(&app, &admin, other.id, "").await),
            ["person.created"]
        );
        assert_eq!(history(&app, &admin, person.id, "").await.count, 3);
    }
);

both!(
    history_of_a_public_signup_has_no_staff_author,
    |app: TestApp| async move {
        let coordinator = app.token_for(Role::Coordinator).await;
        let res = post_signup(
            &app,
            &signup_request("Selfsigned", Some("selfsigned@example.be"), None),
        )
        .await;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
        let found: Page<shared::people::PersonSummary> = expect_json(
            app.get(&format!("{PEOPLE}?q=Selfsigned"), Some(&coordinator))
                .await,
            StatusCode::OK,
        )
        .await;
        let id = found.results.first().expect("the applicant").id;
        let page = history(&app, &coordinator, id, "").await;
        assert_eq!(actions(&page), ["person.signup"]);
        assert_eq!(page.results[0].actor_id, None);
        assert_eq!(page.results[0].actor_name, None);
    }
);

both!(
    history_is_readable_by_whoever_may_read_the_person,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let coordinator = app.token_for(Role::Coordinator).await;
        let (coach_id, coach) = staff(&app, Role::Coach).await;
        let (_, other_coach) = staff(&app, Role::Coach).await;
        let person = create(&app, &coordinator, P::local("Accompanied")).await;
        let path = history_path(person.id);

        for token in [&admin, &coordinator] {
            assert_eq!(
                actions(&history(&app, token, person.id, "").await),
                ["person.created"]
            );
        }
        // A coach who does not accompany the person: as for the person itself, 404.
        for token in [&coach, &other_coach] {
            let problem =
                expect_problem(app.get(&path, Some(token)).await, StatusCode::NOT_FOUND).await;
            assert_eq!(problem.code, ErrorCode::NotFound);
            expect_problem(
                app.get(&format!("{PEOPLE}/{}", person.id), Some(token))
                    .await,
                StatusCode::NOT_FOUND,
            )
            .await;
        }

        let res = send(
            &app,
            Method::POST,
            &format!("{PEOPLE}/{}/coaches", person.id),
            Some(&coordinator),
            &json!({ "user_id": coach_id }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        // Once assigned, the coach reads it; the other coach still does not.
        assert_eq!(
            actions(&history(&app, &coach, person.id, "").await),
            ["person.coach_assigned", "person.created"]
        );
        expect_problem(
            app.get(&path, Some(&other_coach)).await,
            StatusCode::NOT_FOUND,
        )
        .await;

        // Unknown people and anonymous callers.
        expect_problem(
            app.get(&history_path(Uuid::new_v4()), Some(&admin)).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        let problem = expect_problem(app.get(&path, None).await, StatusCode::UNAUTHORIZED).await;
        assert_eq!(problem.code, ErrorCode::Unauthorized);

        // Unassigned again: out of sight.
        let res = app
            .client
            .delete(app.url(&format!("{PEOPLE}/{}/coaches/{coach_id}", person.id)))
            .bearer_auth(&coordinator)
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        expect_problem(app.get(&path, Some(&coach)).await, StatusCode::NOT_FOUND).await;
        assert_eq!(
            actions(&history(&app, &admin, person.id, "").await),
            [
                "person.coach_removed",
                "person.coach_assigned",
                "person.created"
            ]
        );
    }
);

both!(
    retention_list_gives_the_last_activity,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let person = create(&app, &admin, P::local("Dormant")).await;
        let due: Vec<shared::people::PersonSummary> = expect_json(
            app.get(&format!("{PEOPLE}/retention"), Some(&admin)).await,
            StatusCode::OK,
        )
        .await;
        assert!(due.is_empty(), "nobody is past retention yet");
        let long_ago = chrono::Utc::now().naive_utc() - chrono::Duration::days(40 * 31);
        {
            use diesel::prelude::*;
            use interra_api::db::schema::people;
            let mut conn = app.db.conn().expect("conn");
            diesel::update(people::table.find(person.id.to_string()))
                .set(people::last_activity_at.eq(long_ago))
                .execute(&mut *conn)
                .expect("age the person");
        }
        let due: Vec<shared::people::PersonSummary> = expect_json(
            app.get(&format!("{PEOPLE}/retention"), Some(&admin)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].id, person.id);
        let shown = due[0].last_activity_at.naive_utc();
        assert!(
            (shown - long_ago).num_seconds().abs() < 2,
            "{shown} vs {long_ago}"
        );
    }
);
