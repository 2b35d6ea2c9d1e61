//! The team's tools (issue 19): the staff directory coordinators read to assign coaches, and
//! the audit list's filters an administrator's screen uses.

use reqwest::{Method, StatusCode};
use serde_json::Value;
use shared::audit::AuditEntry;
use shared::auth::Role;
use shared::users::CreateUser;
use shared::Page;

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};

const USERS: &str = "/api/v1/users";

fn new_user(email: &str, role: Role) -> CreateUser {
    CreateUser {
        email: email.into(),
        display_name: format!("New {email}"),
        role,
        password: Some("un jardin partagé à Droixhe".into()),
    }
}

async fn audit(app: &TestApp, token: &str, query: &str) -> Page<AuditEntry> {
    expect_json(
        app.get(&format!("/api/v1/audit?page_size=200&{query}"), Some(token))
            .await,
        StatusCode::OK,
    )
    .await
}

both!(
    coordinators_list_the_active_coaches_and_nothing_of_their_accounts,
    |app: TestApp| async move {
        let coach = app.create_user("coach.one@example.be", Role::Coach);
        let gone = app.create_user("coach.gone@example.be", Role::Coach);
        app.set_active(&gone.id, false);
        app.create_user("admin.two@example.be", Role::Admin);
        let coordinator = app.token_for(Role::Coordinator).await;
        let res = app
            .get("/api/v1/staff?role=coach", Some(&coordinator))
            .await;
        let page: Value = expect_json(res, StatusCode::OK).await;
        let results = page["results"].as_array().expect("results");
        let names: Vec<&str> = results
            .iter()
            .map(|m| m["display_name"].as_str().unwrap_or_default())
            .collect();
        assert_eq!(names, [coach.display_name.as_str()], "{page}");
        assert_eq!(results[0]["id"], coach.id.as_str());
        assert_eq!(results[0]["role"], "coach");
        // Names and roles only: no email, no sign-in dates.
        let keys: Vec<&String> = results[0].as_object().expect("object").keys().collect();
        assert_eq!(keys, ["display_name", "id", "role"]);
        // Without a role, every active colleague.
        let all: Page<Value> = expect_json(
            app.get("/api/v1/staff?page_size=200", Some(&coordinator))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(all.results.iter().any(|m| m["role"] == "admin"));
        assert!(all.results.iter().all(|m| m["id"] != gone.id.as_str()));
        // A coach does not assign coaches, so does not list them.
        let coach_token = app.token_for(Role::Coach).await;
        let res = app
            .get("/api/v1/staff?role=coach", Some(&coach_token))
            .await;
        expect_problem(res, StatusCode::FORBIDDEN).await;
        let res = app.get("/api/v1/staff", None).await;
        expect_problem(res, StatusCode::UNAUTHORIZED).await;
    }
);

both!(
    the_audit_list_filters_by_action_and_day,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let res = app
            .send_json(
                Method::POST,
                USERS,
                Some(&admin),
                &new_user("filtered@example.be", Role::Coach),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let created = audit(&app, &admin, "action=user.created").await;
        assert!(created.count >= 1);
        assert!(created.results.iter().all(|e| e.action == "user.created"));
        let logins = audit(&app, &admin, "action=auth.login").await;
        assert!(logins.count >= 1);
        assert!(logins.results.iter().all(|e| e.action == "auth.login"));
        // An action the API never records is refused, not answered with an empty page.
        let res = app
            .get("/api/v1/audit?action=user.deleted", Some(&admin))
            .await;
        let problem = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(problem.errors.unwrap_or_default().contains_key("action"));
        // The list of actions names them all.
        let actions: Vec<String> = expect_json(
            app.get("/api/v1/audit/actions", Some(&admin)).await,
            StatusCode::OK,
        )
        .await;
        assert!(actions.iter().any(|a| a == "user.created"));
        assert!(actions.iter().any(|a| a == "person.coach_assigned"));
        // Days, in Brussels: today holds the entries, yesterday and tomorrow none.
        let today = chrono::Utc::now()
            .with_timezone(&chrono_tz::Europe::Brussels)
            .date_naive();
        let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        let yesterday = day(today.pred_opt().expect("day"));
        let tomorrow = day(today.succ_opt().expect("day"));
        let today = day(today);
        let all = audit(&app, &admin, "").await.count;
        assert_eq!(
            audit(&app, &admin, &format!("from={today}&to={today}"))
                .await
                .count,
            all
        );
        assert_eq!(
            audit(&app, &admin, &format!("to={yesterday}")).await.count,
            0
        );
        assert_eq!(
            audit(&app, &admin, &format!("from={tomorrow}")).await.count,
            0
        );
        // Admins only.
        let coordinator = app.token_for(Role::Coordinator).await;
        let res = app.get("/api/v1/audit/actions", Some(&coordinator)).await;
        expect_problem(res, StatusCode::FORBIDDEN).await;
    }
);
