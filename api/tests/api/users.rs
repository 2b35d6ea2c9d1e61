//! Staff account administration: who may do what, creation, listing, changes and their audit.

use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};
use shared::audit::AuditEntry;
use shared::auth::Role;
use shared::users::{CreateUser, StaffUser, UpdateUser};
use shared::{ErrorCode, Page, Problem};

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp, PASSWORD};

const USERS: &str = "/api/v1/users";
const NEW_PASSWORD: &str = "un jardin partagé à Droixhe";

fn new_user(email: &str, role: Role) -> CreateUser {
    CreateUser {
        email: email.into(),
        display_name: format!("New {email}"),
        role,
        password: Some(NEW_PASSWORD.into()),
    }
}

async fn list(app: &TestApp, token: &str, query: &str) -> Page<StaffUser> {
    expect_json(
        app.get(&format!("{USERS}?{query}"), Some(token)).await,
        StatusCode::OK,
    )
    .await
}

async fn audit(app: &TestApp, token: &str, query: &str) -> Page<AuditEntry> {
    expect_json(
        app.get(&format!("/api/v1/audit?page_size=200&{query}"), Some(token))
            .await,
        StatusCode::OK,
    )
    .await
}

async fn patch(
    app: &TestApp,
    token: &str,
    id: impl std::fmt::Display,
    change: &UpdateUser,
) -> reqwest::Response {
    app.send_json(Method::PATCH, &format!("{USERS}/{id}"), Some(token), change)
        .await
}

/// Everything an admin can observe of the accounts and the audit log.
async fn snapshot(app: &TestApp, admin: &str) -> (Vec<StaffUser>, u64) {
    let users = list(app, admin, "page_size=200").await;
    assert!(users.next.is_none(), "snapshot needs one page");
    (users.results, audit(app, admin, "").await.count)
}

#[derive(Debug, Clone, Copy)]
enum Caller {
    Admin,
    Coordinator,
    Coach,
    Mentor,
    Anonymous,
}

both!(role_matrix_of_the_admin_routes, |app: TestApp| async move {
    let admin = app.token_for(Role::Admin).await;
    let tokens = [
        (Caller::Anonymous, None),
        (Caller::Coach, Some(app.token_for(Role::Coach).await)),
        (Caller::Mentor, Some(app.token_for(Role::Mentor).await)),
        (
            Caller::Coordinator,
            Some(app.token_for(Role::Coordinator).await),
        ),
        (Caller::Admin, Some(admin.clone())),
    ];
    let target = app.create_user("target@example.be", Role::Coach);
    let target_path = format!("{USERS}/{}", target.id);

    // (method, path, body) of each admin route, and the status each caller gets.
    let routes = |caller: Caller| -> Vec<(Method, String, Option<Value>)> {
        let tag = format!("{caller:?}").to_lowercase();
        vec![
            (Method::GET, USERS.to_owned(), None),
            (
                Method::POST,
                USERS.to_owned(),
                Some(
                    serde_json::to_value(new_user(
                        &format!("made-by-{tag}@example.be"),
                        Role::Coach,
                    ))
                    .expect("json"),
                ),
            ),
            (Method::GET, target_path.clone(), None),
            (
                Method::PATCH,
                target_path.clone(),
                Some(json!({ "display_name": format!("Renamed by {tag}") })),
            ),
            (Method::GET, "/api/v1/audit".to_owned(), None),
        ]
    };
    let expected = |caller: Caller| -> [StatusCode; 5] {
        use StatusCode as S;
        match caller {
            Caller::Admin => [S::OK, S::CREATED, S::OK, S::OK, S::OK],
            Caller::Coordinator | Caller::Coach | Caller::Mentor => [S::FORBIDDEN; 5],
            Caller::Anonymous => [S::UNAUTHORIZED; 5],
        }
    };

    for (caller, token) in &tokens {
        for ((method, path, body), status) in routes(*caller).into_iter().zip(expected(*caller)) {
            let what = format!("{caller:?} {method} {path}");
            let before = snapshot(&app, &admin).await;
            let mut req = app.client.request(method.clone(), app.url(&path));
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            if let Some(b) = &body {
                req = req.json(b);
            }
            let res = req.send().await.expect("request");
            assert_eq!(res.status(), status, "{what}");
            if status.is_success() {
                let _: Value = expect_json(res, status).await;
                continue;
            }
            let p = expect_problem(res, status).await;
            let code = if status == StatusCode::FORBIDDEN {
                ErrorCode::Forbidden
            } else {
                ErrorCode::Unauthorized
            };
            assert_eq!(p.code, code, "{what}");
            assert_eq!(
                snapshot(&app, &admin).await,
                before,
                "{what} changed something"
            );
        }
    }
    // The admin's requests did take effect.
    let after: StaffUser =
        expect_json(app.get(&target_path, Some(&admin)).await, StatusCode::OK).await;
    assert_eq!(after.display_name, "Renamed by admin");
    let made = list(&app, &admin, "q=made-by-").await;
    assert_eq!(made.count, 1, "{made:?}");
    assert_eq!(made.results[0].email, "made-by-admin@example.be");
});

both!(creating_an_account, |app: TestApp| async move {
    let admin = app.token_for(Role::Admin).await;
    let body = CreateUser {
        email: "  Nadia.K@Example.BE ".into(),
        display_name: "  Nadia   Kaya ".into(),
        role: Role::Coordinator,
        password: Some(NEW_PASSWORD.into()),
    };
    let res = app
        .send_json(Method::POST, USERS, Some(&admin), &body)
        .await;
    let location = res
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .expect("Location");
    let created: StaffUser = expect_json(res, StatusCode::CREATED).await;
    assert_eq!(location, format!("{USERS}/{}", created.id));
    assert_eq!(created.email, "nadia.k@example.be");
    assert_eq!(created.display_name, "Nadia Kaya");
    assert_eq!(created.role, Role::Coordinator);
    assert!(created.active);
    assert!(created.last_login_at.is_none());

    let fetched: StaffUser =
        expect_json(app.get(&location, Some(&admin)).await, StatusCode::OK).await;
    assert_eq!(fetched, created);
    let session = app.sign_in("nadia.k@example.be", NEW_PASSWORD).await;
    assert_eq!(session.user.id, created.id);

    // The same address in another case is the same address.
    let count = list(&app, &admin, "").await.count;
    let duplicate = CreateUser {
        email: "NADIA.K@example.be".into(),
        ..new_user("", Role::Coach)
    };
    let res = app
        .send_json(Method::POST, USERS, Some(&admin), &duplicate)
        .await;
    let p = expect_problem(res, StatusCode::CONFLICT).await;
    assert_eq!(p.code, ErrorCode::Conflict);
    assert!(!p.field_errors("email").is_empty(), "{p:?}");
    assert_eq!(list(&app, &admin, "").await.count, count);
});

both!(
    invalid_accounts_are_refused_field_by_field,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let before = list(&app, &admin, "").await.count;

        let res = app
        .send_json(
            Method::POST,
            USERS,
            Some(&admin),
            &json!({ "email": "not-an-email", "display_name": "   ", "role": "coach", "password": "short" }),
        )
        .await;
        let p = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(p.code, ErrorCode::ValidationFailed);
        for field in ["email", "display_name", "password"] {
            assert!(
                !p.field_errors(field).is_empty(),
                "no message for {field}: {p:?}"
            );
        }
        assert!(p.field_errors("role").is_empty());

        let res = app
        .send_json(
            Method::POST,
            USERS,
            Some(&admin),
            &json!({ "email": "ok@example.be", "display_name": "Ok", "role": "superuser", "password": NEW_PASSWORD }),
        )
        .await;
        let p = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(!p.field_errors("role").is_empty(), "{p:?}");

        // A password that contains the email, or a common one.
        for password in ["karim.b-is-gardening", "password1234"] {
            let body = CreateUser {
                password: Some(password.into()),
                ..new_user("karim.b@example.be", Role::Coach)
            };
            let p = expect_problem(
                app.send_json(Method::POST, USERS, Some(&admin), &body)
                    .await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert!(!p.field_errors("password").is_empty(), "{password}: {p:?}");
        }
        assert_eq!(
            list(&app, &admin, "").await.count,
            before,
            "an invalid account was created"
        );
    }
);

both!(
    validation_messages_follow_accept_language,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let invalid = json!({ "email": "not-an-email", "display_name": "", "role": "coach", "password": "short" });
        let send = |lang: Option<&'static str>| {
            let mut req = app
                .client
                .post(app.url(USERS))
                .bearer_auth(&admin)
                .json(&invalid);
            if let Some(l) = lang {
                req = req.header(header::ACCEPT_LANGUAGE, l);
            }
            req.send()
        };
        let mut seen: Vec<Problem> = Vec::new();
        for (lang, content_language, title, email, required) in [
            (
                None,
                "en",
                "Invalid data",
                "Invalid email address.",
                "This field is required.",
            ),
            (
                Some("fr-BE,fr;q=0.9"),
                "fr",
                "Données invalides",
                "Adresse e-mail invalide.",
                "Ce champ est obligatoire.",
            ),
            (
                Some("ar"),
                "ar",
                "بيانات غير صالحة",
                "عنوان البريد الإلكتروني غير صالح.",
                "هذا الحقل مطلوب.",
            ),
        ] {
            let res = send(lang).await.expect("request");
            assert_eq!(
                res.headers()
                    .get(header::CONTENT_LANGUAGE)
                    .and_then(|v| v.to_str().ok()),
                Some(content_language)
            );
            let p = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
            assert_eq!(p.title, title, "{lang:?}");
            assert_eq!(p.field_errors("email"), [email], "{lang:?}");
            assert_eq!(p.field_errors("display_name"), [required], "{lang:?}");
            assert_eq!(p.field_errors("password").len(), 1, "{lang:?}");
            seen.push(p);
        }
        // The password rule is translated too.
        let passwords: Vec<&String> = seen
            .iter()
            .map(|p| &p.field_errors("password")[0])
            .collect();
        assert!(
            passwords[0] != passwords[1] && passwords[1] != passwords[2],
            "{passwords:?}"
        );
        assert!(
            passwords[2]
                .chars()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{passwords:?}"
        );
    }
);

both!(listing_paginates_and_filters, |app: TestApp| async move {
    let admin = app.token_for(Role::Admin).await;
    for i in 0..5 {
        app.create_user(&format!("coach-{i}@example.be"), Role::Coach);
    }
    app.create_user("coordinator-a@example.be", Role::Coordinator);
    let left = app.create_user("coordinator-b@example.be", Role::Coordinator);
    app.set_active(&left.id, false);
    let body = CreateUser {
        display_name: "Élodie Marchal".into(),
        ..new_user("em@example.be", Role::Coach)
    };
    let res = app
        .send_json(Method::POST, USERS, Some(&admin), &body)
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let total = 9;

    // Walk the pages through the `next` links.
    let mut page = list(&app, &admin, "page_size=4").await;
    assert_eq!(page.count, total);
    assert!(page.previous.is_none());
    let mut seen = Vec::new();
    let mut pages = 1;
    loop {
        assert!(page.results.len() <= 4);
        seen.extend(page.results.iter().map(|u| u.id));
        let Some(next) = page.next.clone() else { break };
        assert!(
            next.starts_with(USERS) && next.contains("page_size=4"),
            "{next}"
        );
        page = expect_json(app.get(&next, Some(&admin)).await, StatusCode::OK).await;
        assert!(page.previous.is_some());
        pages += 1;
    }
    assert_eq!(pages, 3);
    let mut distinct = seen.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        (seen.len(), distinct.len()),
        (9, 9),
        "pages overlap or miss accounts"
    );

    // Filters, and links that keep them.
    let coaches = list(&app, &admin, "role=coach&page_size=2").await;
    assert_eq!(coaches.count, 6);
    let next = coaches.next.expect("next page");
    assert!(next.contains("role=coach"), "{next}");
    let second: Page<StaffUser> =
        expect_json(app.get(&next, Some(&admin)).await, StatusCode::OK).await;
    assert!(second.results.iter().all(|u| u.role == Role::Coach));
    assert!(second.results.iter().all(|u| !coaches.results.contains(u)));

    let coordinators = list(&app, &admin, "role=coordinator").await;
    assert_eq!(coordinators.count, 2);
    assert!(coordinators
        .results
        .iter()
        .all(|u| u.role == Role::Coordinator));
    let inactive = list(&app, &admin, "active=false").await;
    assert_eq!(
        inactive
            .results
            .iter()
            .map(|u| u.email.as_str())
            .collect::<Vec<_>>(),
        ["coordinator-b@example.be"]
    );
    assert_eq!(
        list(&app, &admin, "active=true&role=coordinator")
            .await
            .count,
        1
    );

    // Search over email and display name, whatever the case; `%` is not a wildcard.
    let found = list(&app, &admin, "q=COACH-3").await;
    assert_eq!(
        found
            .results
            .iter()
            .map(|u| u.email.as_str())
            .collect::<Vec<_>>(),
        ["coach-3@example.be"]
    );
    let found = list(&app, &admin, "q=marchal").await;
    assert_eq!(
        found
            .results
            .iter()
            .map(|u| u.email.as_str())
            .collect::<Vec<_>>(),
        ["em@example.be"]
    );
    assert_eq!(list(&app, &admin, "q=%25").await.count, 0);
    assert_eq!(list(&app, &admin, "q=nobody-matches").await.count, 0);
});

both!(
    admins_change_roles_and_deactivate_accounts,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let target = app.create_user("sam@example.be", Role::Coach);
        let session = app.sign_in("sam@example.be", PASSWORD).await;
        assert_eq!(
            app.get(USERS, Some(&session.access)).await.status(),
            StatusCode::FORBIDDEN
        );

        // A role change takes effect on the next request, with the same token.
        let promote = UpdateUser {
            role: Some(Role::Admin),
            ..Default::default()
        };
        let updated: StaffUser = expect_json(
            patch(&app, &admin, &target.id, &promote).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(updated.role, Role::Admin);
        assert_eq!(
            app.get(USERS, Some(&session.access)).await.status(),
            StatusCode::OK
        );
        let demote = UpdateUser {
            role: Some(Role::Coordinator),
            ..Default::default()
        };
        let updated: StaffUser = expect_json(
            patch(&app, &admin, &target.id, &demote).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(updated.role, Role::Coordinator);
        assert_eq!(
            app.get(USERS, Some(&session.access)).await.status(),
            StatusCode::FORBIDDEN
        );

        // Deactivation ends every session and sign-in.
        let deactivate = UpdateUser {
            active: Some(false),
            ..Default::default()
        };
        let updated: StaffUser = expect_json(
            patch(&app, &admin, &target.id, &deactivate).await,
            StatusCode::OK,
        )
        .await;
        assert!(!updated.active);
        let res = app.with_refresh_cookie("refresh", &session.refresh).await;
        expect_problem(res, StatusCode::UNAUTHORIZED).await;
        assert_eq!(
            app.get("/api/v1/auth/me", Some(&session.access))
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            app.login("sam@example.be", PASSWORD).await.status(),
            StatusCode::UNAUTHORIZED
        );

        // Reactivation allows signing in again but does not bring old sessions back.
        let reactivate = UpdateUser {
            active: Some(true),
            ..Default::default()
        };
        let updated: StaffUser = expect_json(
            patch(&app, &admin, &target.id, &reactivate).await,
            StatusCode::OK,
        )
        .await;
        assert!(updated.active);
        assert_eq!(
            app.get("/api/v1/auth/me", Some(&session.access))
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
        let res = app.with_refresh_cookie("refresh", &session.refresh).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        let again = app.sign_in("sam@example.be", PASSWORD).await;
        assert_eq!(
            app.get("/api/v1/auth/me", Some(&again.access))
                .await
                .status(),
            StatusCode::OK
        );

        // Unknown accounts and invalid names.
        let res = patch(&app, &admin, uuid::Uuid::now_v7(), &reactivate).await;
        expect_problem(res, StatusCode::NOT_FOUND).await;
        let res = patch(
            &app,
            &admin,
            &target.id,
            &UpdateUser {
                display_name: Some("   ".into()),
                ..Default::default()
            },
        )
        .await;
        let p = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(!p.field_errors("display_name").is_empty());
    }
);

both!(
    the_last_active_admin_cannot_be_demoted_or_deactivated,
    |app: TestApp| async move {
        let me = app.create_user("only-admin@example.be", Role::Admin);
        let token = app.sign_in("only-admin@example.be", PASSWORD).await.access;
        // An inactive admin does not count.
        let dormant = app.create_user("dormant-admin@example.be", Role::Admin);
        app.set_active(&dormant.id, false);

        let before: StaffUser = expect_json(
            app.get(&format!("{USERS}/{}", me.id), Some(&token)).await,
            StatusCode::OK,
        )
        .await;
        let audit_before = audit(&app, &token, "action=user.updated").await.count;
        let changes = [
            UpdateUser {
                role: Some(Role::Coach),
                ..Default::default()
            },
            UpdateUser {
                active: Some(false),
                ..Default::default()
            },
            UpdateUser {
                display_name: Some("Renamed along the way".into()),
                role: Some(Role::Coordinator),
                active: None,
            },
        ];
        for change in &changes {
            let p = expect_problem(
                patch(&app, &token, &me.id, change).await,
                StatusCode::CONFLICT,
            )
            .await;
            assert_eq!(p.code, ErrorCode::Conflict, "{change:?}");
            assert!(p.detail.is_some());
        }
        // Nothing changed: not the account, not its session, not the audit log.
        let after: StaffUser = expect_json(
            app.get(&format!("{USERS}/{}", me.id), Some(&token)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(after, before);
        assert_eq!(
            audit(&app, &token, "action=user.updated").await.count,
            audit_before
        );

        // With a second active admin, the first may step down; the second is then the last one.
        let second = app.create_user("second-admin@example.be", Role::Admin);
        let second_token = app
            .sign_in("second-admin@example.be", PASSWORD)
            .await
            .access;
        let stepped_down: StaffUser = expect_json(
            patch(&app, &token, &me.id, &changes[0]).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(stepped_down.role, Role::Coach);
        let res = patch(&app, &second_token, &second.id, &changes[1]).await;
        expect_problem(res, StatusCode::CONFLICT).await;
        let still: StaffUser = expect_json(
            app.get(&format!("{USERS}/{}", second.id), Some(&second_token))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(still.active && still.role == Role::Admin);
    }
);

both!(
    account_changes_are_audited_without_secrets,
    |app: TestApp| async move {
        let admin_row = app.create_user("chief@example.be", Role::Admin);
        let admin = app.sign_in("chief@example.be", PASSWORD).await;
        let admin_id = admin.user.id;

        let res = app
            .send_json(
                Method::POST,
                USERS,
                Some(&admin.access),
                &new_user("yasmine@example.be", Role::Coach),
            )
            .await;
        let created: StaffUser = expect_json(res, StatusCode::CREATED).await;
        let change = UpdateUser {
            role: Some(Role::Coordinator),
            ..Default::default()
        };
        assert_eq!(
            patch(&app, &admin.access, created.id, &change)
                .await
                .status(),
            StatusCode::OK
        );
        let newcomer = app.sign_in("yasmine@example.be", NEW_PASSWORD).await;
        let change_password = json!({ "current_password": NEW_PASSWORD, "new_password": "another garden, another year" });
        let res = app
            .send_json(
                Method::POST,
                "/api/v1/auth/password",
                Some(&newcomer.access),
                &change_password,
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);

        let entries = audit(&app, &admin.access, "").await.results;
        let find = |action: &str, entity: String| {
            entries
                .iter()
                .find(|e| e.action == action && e.entity_id.as_deref() == Some(entity.as_str()))
                .unwrap_or_else(|| panic!("no {action} entry for {entity}: {entries:?}"))
        };
        let login = find("auth.login", admin_row.id.clone());
        assert_eq!(login.actor_id, Some(admin_id));
        let created_entry = find("user.created", created.id.to_string());
        assert_eq!(created_entry.actor_id, Some(admin_id));
        assert_eq!(created_entry.entity_type, "user");
        let updated_entry = find("user.updated", created.id.to_string());
        assert_eq!(updated_entry.actor_id, Some(admin_id));
        assert_eq!(updated_entry.details["changed"], json!(["role"]));
        let own_login = find("auth.login", created.id.to_string());
        assert_eq!(own_login.actor_id, Some(created.id));
        for e in [login, created_entry, updated_entry, own_login] {
            assert!(e.request_id.is_some() && e.ip.is_some(), "{e:?}");
        }
        // Newest first.
        assert!(entries
            .windows(2)
            .all(|w| w[0].occurred_at >= w[1].occurred_at));

        // Filters.
        let only = audit(&app, &admin.access, "action=user.created").await;
        assert!(only.count >= 1 && only.results.iter().all(|e| e.action == "user.created"));
        let by_actor = audit(&app, &admin.access, &format!("actor_id={}", created.id)).await;
        assert!(
            by_actor.count >= 1
                && by_actor
                    .results
                    .iter()
                    .all(|e| e.actor_id == Some(created.id))
        );

        // No password, nor any hash of one, anywhere in the trail.
        let text = serde_json::to_string(&entries).expect("json");
        let hash = {
            use diesel::prelude::*;
            use interra_api::db::schema::users;
            let mut conn = app.db.conn().expect("conn");
            users::table
                .find(created.id.to_string())
                .select(users::password_hash)
                .first::<String>(&mut *conn)
                .expect("hash")
        };
        for secret in [
            PASSWORD,
            NEW_PASSWORD,
            "another garden, another year",
            "$argon2",
            hash.as_str(),
        ] {
            assert!(!text.contains(secret), "the audit log contains {secret:?}");
        }
    }
);
