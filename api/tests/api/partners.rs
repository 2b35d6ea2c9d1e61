//! Partner organisations and their contacts, API clients, the OAuth 2.0 client credentials
//! grant, partner tokens kept apart from staff routes, the per-client rate limit (issue 14).

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};
use shared::audit::AuditEntry;
use shared::auth::Role;
use shared::partners::{
    ApiClient, ApiClientSecret, OAuthError, OAuthToken, Organisation, OrganisationKind,
    PartnerIdentity, Scope,
};
use shared::{ErrorCode, Page};

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::partner_fixtures::{token_in_body, ORGS, TOKEN};
use crate::people_fixtures::{create, PersonBuilder as P};

const ME: &str = "/api/v1/partner/me";

fn org(name: &str, kind: &str) -> Value {
    json!({
        "name": name,
        "kind": kind,
        "street": "Rue Natalis 2",
        "postcode": "4020",
        "commune": "Liège",
        "email": "accueil@cpas.example.be",
        "phone": "+32 4 220 58 11",
        "agreement_start": "2026-01-01",
        "agreement_end": "2027-12-31",
        "data_sharing_signed": true,
    })
}

async fn create_org(app: &TestApp, token: &str, name: &str, kind: &str) -> Organisation {
    expect_json(
        app.send_json(Method::POST, ORGS, Some(token), &org(name, kind))
            .await,
        StatusCode::CREATED,
    )
    .await
}

async fn create_client(
    app: &TestApp,
    token: &str,
    org: &Organisation,
    scopes: &[&str],
) -> ApiClientSecret {
    let res = app
        .send_json(
            Method::POST,
            &format!("{ORGS}/{}/clients", org.id),
            Some(token),
            &json!({ "name": "Serveur du partenaire", "scopes": scopes }),
        )
        .await;
    assert_eq!(
        res.headers()
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    expect_json(res, StatusCode::CREATED).await
}

/// `POST /oauth/token` with HTTP Basic client authentication.
async fn token_basic(app: &TestApp, id: &str, secret: &str, form: &str) -> reqwest::Response {
    app.bare
        .post(app.url(TOKEN))
        .header(
            header::AUTHORIZATION,
            format!("Basic {}", STANDARD.encode(format!("{id}:{secret}"))),
        )
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form.to_owned())
        .send()
        .await
        .expect("request")
}

async fn partner_token(app: &TestApp, client: &ApiClientSecret) -> String {
    let t: OAuthToken = expect_json(
        token_in_body(app, &client.client.id, &client.client_secret, None).await,
        StatusCode::OK,
    )
    .await;
    t.access_token
}

async fn oauth_error(res: reqwest::Response, status: StatusCode) -> String {
    let e: OAuthError = expect_json(res, status).await;
    e.error
}

async fn audit(app: &TestApp, admin: &str, query: &str) -> Vec<AuditEntry> {
    let page: Page<AuditEntry> = expect_json(
        app.get(&format!("/api/v1/audit?page_size=200&{query}"), Some(admin))
            .await,
        StatusCode::OK,
    )
    .await;
    page.results
}

both!(
    organisations_and_their_contacts,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let coach = app.token_for(Role::Coach).await;
        let admin = app.token_for(Role::Admin).await;

        // Every kind the issue names is accepted, and only those.
        for kind in [
            "cpas",
            "reception_centre",
            "language_school",
            "employment_service",
            "municipality",
            "association",
            "incubator",
            "company",
            "other",
        ] {
            let o = create_org(&app, &coord, &format!("Partenaire {kind}"), kind).await;
            assert_eq!(o.kind.as_str(), kind);
        }
        let bad = app
            .send_json(Method::POST, ORGS, Some(&coord), &org("X", "bank"))
            .await;
        expect_problem(bad, StatusCode::UNPROCESSABLE_ENTITY).await;

        // Field-level messages, all at once.
        let mut wrong = org("", "cpas");
        wrong["email"] = json!("not an address");
        wrong["agreement_end"] = json!("2025-12-31");
        let p = expect_problem(
            app.send_json(Method::POST, ORGS, Some(&coord), &wrong)
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        for field in ["name", "email", "agreement_end"] {
            assert!(!p.field_errors(field).is_empty(), "{field}: {p:?}");
        }
        // One name, one organisation.
        let dup = app
            .send_json(
                Method::POST,
                ORGS,
                Some(&coord),
                &org("Partenaire cpas", "cpas"),
            )
            .await;
        let p = expect_problem(dup, StatusCode::CONFLICT).await;
        assert!(!p.field_errors("name").is_empty());

        // Lists by name, filtered by kind, paginated.
        let page: Page<Organisation> =
            expect_json(app.get(ORGS, Some(&coord)).await, StatusCode::OK).await;
        assert_eq!(page.count, 9);
        let names: Vec<&str> = page.results.iter().map(|o| o.name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        let cpas: Page<Organisation> = expect_json(
            app.get(&format!("{ORGS}?kind=cpas"), Some(&coord)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(cpas.count, 1);
        // A text search over names (case ignored; `%` and `_` are plain characters), with the
        // kind filter.
        for (query, count) in [
            ("q=SCHOOL", 1),
            ("q=partenaire", 9),
            ("q=partenaire&kind=cpas", 1),
            ("q=%25", 0),
            ("q=_", 3),
            ("q=%20", 9),
            ("q=nobody", 0),
        ] {
            let found: Page<Organisation> = expect_json(
                app.get(&format!("{ORGS}?{query}"), Some(&coord)).await,
                StatusCode::OK,
            )
            .await;
            assert_eq!(found.count, count, "{query}");
        }
        let o = cpas.results[0].clone();
        assert_eq!(o.kind, OrganisationKind::Cpas);
        assert!(o.data_sharing_signed);
        let two: Page<Organisation> = expect_json(
            app.get(&format!("{ORGS}?page_size=2&page=2"), Some(&coord))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(two.results.len(), 2);
        assert!(two.next.is_some() && two.previous.is_some());

        // Contacts: people affiliated with their role there.
        let person = create(&app, &coord, P::local("Sophie").last_name("Renard")).await;
        let path = format!("{ORGS}/{}/contacts/{}", o.id, person.id);
        let with: Organisation = expect_json(
            app.send_json(
                Method::PUT,
                &path,
                Some(&coord),
                &json!({ "role": "Assistante sociale" }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(with.contacts.len(), 1);
        assert_eq!(with.contacts[0].display_name, "Sophie Renard");
        assert_eq!(with.contacts[0].role, "Assistante sociale");
        let changed: Organisation = expect_json(
            app.send_json(
                Method::PUT,
                &path,
                Some(&coord),
                &json!({ "role": "Coordinatrice" }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(changed.contacts.len(), 1);
        assert_eq!(changed.contacts[0].role, "Coordinatrice");
        let page: Organisation = expect_json(
            app.get(&format!("{ORGS}/{}", o.id), Some(&coord)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(page.contacts, changed.contacts);
        // Unknown person or organisation: 404; empty role: 422.
        let nobody = format!("{ORGS}/{}/contacts/{}", o.id, uuid::Uuid::new_v4());
        let res = app
            .send_json(Method::PUT, &nobody, Some(&coord), &json!({ "role": "x" }))
            .await;
        expect_problem(res, StatusCode::NOT_FOUND).await;
        let res = app
            .send_json(Method::PUT, &path, Some(&coord), &json!({ "role": " " }))
            .await;
        expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;

        // The affiliation is in the person's GDPR export and in the audit of the person.
        let export: Value = expect_json(
            app.get(
                &format!("/api/v1/people/{}/export", person.id),
                Some(&coord),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let rows = export["records"]["organisation_people"]
            .as_array()
            .expect("affiliations exported");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0]["role"], "Coordinatrice");
        assert_eq!(rows[0]["organisation_name"], "Partenaire cpas");
        let entries = audit(
            &app,
            &admin,
            &format!("entity_type=person&entity_id={}", person.id),
        )
        .await;
        assert!(entries
            .iter()
            .any(|e| e.action == "organisation.contact_set"));

        // Update; a coach and an anonymous caller see nothing.
        let mut new = org("CPAS de Liège", "cpas");
        new["data_sharing_signed"] = json!(false);
        let updated: Organisation = expect_json(
            app.send_json(Method::PUT, &format!("{ORGS}/{}", o.id), Some(&coord), &new)
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(updated.name, "CPAS de Liège");
        assert!(!updated.data_sharing_signed);
        assert_eq!(updated.contacts.len(), 1);
        expect_problem(app.get(ORGS, Some(&coach)).await, StatusCode::FORBIDDEN).await;
        expect_problem(
            app.get(&format!("{ORGS}/{}", o.id), None).await,
            StatusCode::UNAUTHORIZED,
        )
        .await;

        // Removing the affiliation; again is 404.
        let del = app
            .client
            .delete(app.url(&path))
            .bearer_auth(&coord)
            .send()
            .await
            .expect("delete");
        assert_eq!(del.status(), StatusCode::NO_CONTENT);
        let del = app
            .client
            .delete(app.url(&path))
            .bearer_auth(&coord)
            .send()
            .await
            .expect("delete");
        expect_problem(del, StatusCode::NOT_FOUND).await;
        let page: Organisation = expect_json(
            app.get(&format!("{ORGS}/{}", o.id), Some(&coord)).await,
            StatusCode::OK,
        )
        .await;
        assert!(page.contacts.is_empty());
    }
);

both!(
    anonymising_a_person_ends_their_affiliations,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let admin = app.token_for(Role::Admin).await;
        let o = create_org(&app, &coord, "École de langues", "language_school").await;
        let person = create(&app, &coord, P::local("Karim")).await;
        let path = format!("{ORGS}/{}/contacts/{}", o.id, person.id);
        let res = app
            .send_json(
                Method::PUT,
                &path,
                Some(&coord),
                &json!({ "role": "Professeur" }),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let res = app
            .send_json(
                Method::POST,
                &format!("/api/v1/people/{}/anonymise", person.id),
                Some(&admin),
                &json!({ "confirmation": "anonymise" }),
            )
            .await;
        assert!(res.status().is_success(), "anonymise: {}", res.status());
        let page: Organisation = expect_json(
            app.get(&format!("{ORGS}/{}", o.id), Some(&coord)).await,
            StatusCode::OK,
        )
        .await;
        assert!(page.contacts.is_empty(), "{:?}", page.contacts);
        // An anonymised person cannot be affiliated again.
        let res = app
            .send_json(
                Method::PUT,
                &path,
                Some(&coord),
                &json!({ "role": "Professeur" }),
            )
            .await;
        expect_problem(res, StatusCode::NOT_FOUND).await;
    }
);

both!(
    clients_and_the_client_credentials_grant,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let admin = app.token_for(Role::Admin).await;
        let o = create_org(&app, &coord, "CPAS de Liège", "cpas").await;
        let c = create_client(
            &app,
            &coord,
            &o,
            &["referrals:write", "events:read", "referrals:read"],
        )
        .await;
        assert!(c.client.id.starts_with("cli_"));
        assert!(c.client_secret.len() >= 40);
        assert_eq!(
            c.client.scopes,
            vec![
                Scope::EventsRead,
                Scope::ReferralsRead,
                Scope::ReferralsWrite
            ]
        );
        // The secret is never shown again.
        let listed = app
            .get(&format!("{ORGS}/{}/clients", o.id), Some(&coord))
            .await
            .text()
            .await
            .expect("body");
        assert!(listed.contains(&c.client.id));
        assert!(!listed.contains(&c.client_secret));
        let list: Vec<ApiClient> = serde_json::from_str(&listed).expect("clients");
        assert_eq!(list, vec![c.client.clone()]);
        // No scope: refused.
        let res = app
            .send_json(
                Method::POST,
                &format!("{ORGS}/{}/clients", o.id),
                Some(&coord),
                &json!({ "name": "x", "scopes": [] }),
            )
            .await;
        let p = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(!p.field_errors("scopes").is_empty());

        // Body authentication: all the client's scopes, a short-lived bearer token.
        let res = token_in_body(&app, &c.client.id, &c.client_secret, None).await;
        assert_eq!(
            res.headers()
                .get(header::CACHE_CONTROL)
                .and_then(|v| v.to_str().ok()),
            Some("no-store")
        );
        let t: OAuthToken = expect_json(res, StatusCode::OK).await;
        assert_eq!(t.token_type, "Bearer");
        assert!(t.expires_in > 0 && t.expires_in <= 3600);
        assert_eq!(t.scope, "events:read referrals:read referrals:write");
        let me: PartnerIdentity =
            expect_json(app.get(ME, Some(&t.access_token)).await, StatusCode::OK).await;
        assert_eq!(me.client_id, c.client.id);
        assert_eq!(me.organisation_id, o.id);
        assert_eq!(me.organisation_name, "CPAS de Liège");
        // The token's claims carry the client, the organisation and the scopes.
        let claims: Value = serde_json::from_slice(
            &URL_SAFE_NO_PAD
                .decode(t.access_token.split('.').nth(1).expect("payload"))
                .expect("base64"),
        )
        .expect("claims");
        assert_eq!(claims["sub"], json!(c.client.id));
        assert_eq!(claims["org"], json!(o.id.to_string()));
        assert_eq!(claims["scope"], json!(t.scope));

        // Basic authentication with scope narrowing.
        let t: OAuthToken = expect_json(
            token_basic(
                &app,
                &c.client.id,
                &c.client_secret,
                "grant_type=client_credentials&scope=referrals%3Aread",
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(t.scope, "referrals:read");
        let me: PartnerIdentity =
            expect_json(app.get(ME, Some(&t.access_token)).await, StatusCode::OK).await;
        assert_eq!(me.scopes, vec![Scope::ReferralsRead]);

        // RFC 6749 §5.2 errors.
        let res = token_in_body(&app, &c.client.id, "sec_wrong", None).await;
        assert!(res.headers().get(header::WWW_AUTHENTICATE).is_some());
        assert_eq!(
            oauth_error(res, StatusCode::UNAUTHORIZED).await,
            "invalid_client"
        );
        let res = token_in_body(&app, "cli_unknown", &c.client_secret, None).await;
        assert_eq!(
            oauth_error(res, StatusCode::UNAUTHORIZED).await,
            "invalid_client"
        );
        let res = token_in_body(
            &app,
            &c.client.id,
            &c.client_secret,
            Some("webhooks:manage"),
        )
        .await;
        assert_eq!(
            oauth_error(res, StatusCode::BAD_REQUEST).await,
            "invalid_scope"
        );
        let res = token_in_body(&app, &c.client.id, &c.client_secret, Some("admin")).await;
        assert_eq!(
            oauth_error(res, StatusCode::BAD_REQUEST).await,
            "invalid_scope"
        );
        let res = token_basic(&app, &c.client.id, &c.client_secret, "grant_type=password").await;
        assert_eq!(
            oauth_error(res, StatusCode::BAD_REQUEST).await,
            "unsupported_grant_type"
        );
        let res = token_basic(&app, &c.client.id, &c.client_secret, "scope=events%3Aread").await;
        assert_eq!(
            oauth_error(res, StatusCode::BAD_REQUEST).await,
            "invalid_request"
        );
        // Both authentication methods at once.
        let both_ways = format!(
            "grant_type=client_credentials&client_id={}&client_secret={}",
            c.client.id, c.client_secret
        );
        let res = token_basic(&app, &c.client.id, &c.client_secret, &both_ways).await;
        assert_eq!(
            oauth_error(res, StatusCode::BAD_REQUEST).await,
            "invalid_request"
        );
        // JSON is not the grant's format.
        let res = app
            .bare
            .post(app.url(TOKEN))
            .json(&json!({"grant_type": "client_credentials", "client_id": c.client.id, "client_secret": c.client_secret}))
            .send()
            .await
            .expect("request");
        assert_eq!(
            oauth_error(res, StatusCode::BAD_REQUEST).await,
            "invalid_request"
        );

        // Tokens are audited with the client, refusals too.
        let entries = audit(
            &app,
            &admin,
            &format!("entity_type=api_client&entity_id={}", c.client.id),
        )
        .await;
        for action in [
            "api_client.created",
            "partner.token_issued",
            "partner.token_refused",
            "partner.call",
        ] {
            assert!(
                entries.iter().any(|e| e.action == action),
                "{action} missing"
            );
        }
        let call = entries
            .iter()
            .find(|e| e.action == "partner.call")
            .expect("call");
        assert_eq!(call.details["path"], ME);
        assert_eq!(call.details["organisation_id"], json!(o.id.to_string()));
    }
);

both!(rotation_grace_and_revocation, |app: TestApp| async move {
    let coord = app.token_for(Role::Coordinator).await;
    let o = create_org(&app, &coord, "La Grand Poste", "incubator").await;
    let other = create_org(&app, &coord, "Forem", "employment_service").await;
    let c = create_client(&app, &coord, &o, &["events:read"]).await;
    let old = c.client_secret.clone();
    let before = partner_token(&app, &c).await;

    // Another organisation's path does not reach the client.
    let res = app
        .send_json(
            Method::POST,
            &format!("{ORGS}/{}/clients/{}/rotate", other.id, c.client.id),
            Some(&coord),
            &json!({}),
        )
        .await;
    expect_problem(res, StatusCode::NOT_FOUND).await;

    let rotated: ApiClientSecret = expect_json(
        app.client
            .post(app.url(&format!("{ORGS}/{}/clients/{}/rotate", o.id, c.client.id)))
            .bearer_auth(&coord)
            .send()
            .await
            .expect("rotate"),
        StatusCode::OK,
    )
    .await;
    assert_ne!(rotated.client_secret, old);
    let until = rotated
        .client
        .previous_secret_valid_until
        .expect("grace period");
    let hours = (until - chrono::Utc::now()).num_minutes();
    assert!(
        (23 * 60..=24 * 60).contains(&hours),
        "grace of {hours} minutes"
    );
    // During the grace period both secrets work; tokens issued before keep working.
    for secret in [&old, &rotated.client_secret] {
        let res = token_in_body(&app, &c.client.id, secret, None).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    assert_eq!(app.get(ME, Some(&before)).await.status(), StatusCode::OK);

    // After it, only the new one.
    {
        use diesel::prelude::*;
        use interra_api::db::schema::api_clients;
        let mut conn = app.db.conn().expect("conn");
        let past = chrono::Utc::now().naive_utc() - chrono::TimeDelta::seconds(1);
        diesel::update(api_clients::table.find(&c.client.id))
            .set(api_clients::previous_valid_until.eq(Some(past)))
            .execute(&mut *conn)
            .expect("expire grace");
    }
    let res = token_in_body(&app, &c.client.id, &old, None).await;
    assert_eq!(
        oauth_error(res, StatusCode::UNAUTHORIZED).await,
        "invalid_client"
    );
    let fresh: OAuthToken = expect_json(
        token_in_body(&app, &c.client.id, &rotated.client_secret, None).await,
        StatusCode::OK,
    )
    .await;

    // Revocation: secrets and tokens stop working at once.
    let revoked: ApiClient = expect_json(
        app.client
            .post(app.url(&format!("{ORGS}/{}/clients/{}/revoke", o.id, c.client.id)))
            .bearer_auth(&coord)
            .send()
            .await
            .expect("revoke"),
        StatusCode::OK,
    )
    .await;
    assert!(revoked.revoked_at.is_some());
    let res = token_in_body(&app, &c.client.id, &rotated.client_secret, None).await;
    assert_eq!(
        oauth_error(res, StatusCode::UNAUTHORIZED).await,
        "invalid_client"
    );
    for t in [&before, &fresh.access_token] {
        expect_problem(app.get(ME, Some(t)).await, StatusCode::UNAUTHORIZED).await;
    }
    // A revoked client cannot be rotated back to life.
    let res = app
        .client
        .post(app.url(&format!("{ORGS}/{}/clients/{}/rotate", o.id, c.client.id)))
        .bearer_auth(&coord)
        .send()
        .await
        .expect("rotate");
    let p = expect_problem(res, StatusCode::CONFLICT).await;
    assert_eq!(p.code, ErrorCode::Conflict);
});

fn b64(value: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).expect("json"))
}

/// Concrete path for a documented template: every parameter a fresh UUID.
fn concrete(template: &str) -> String {
    template
        .split('/')
        .map(|seg| {
            if seg.starts_with('{') {
                uuid::Uuid::new_v4().to_string()
            } else {
                seg.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

both!(
    partner_and_staff_tokens_never_cross,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let admin = app.token_for(Role::Admin).await;
        let o = create_org(&app, &coord, "CPAS de Seraing", "cpas").await;
        let c = create_client(
            &app,
            &coord,
            &o,
            &[
                "events:read",
                "referrals:read",
                "referrals:write",
                "trainings:register",
                "webhooks:manage",
            ],
        )
        .await;
        let partner = partner_token(&app, &c).await;

        let doc: Value =
            expect_json(app.get("/api/openapi.json", None).await, StatusCode::OK).await;
        let paths = doc["paths"].as_object().expect("paths");
        let (mut staff_routes, mut partner_routes) = (0, 0);
        for (path, item) in paths {
            for (method, op) in item.as_object().into_iter().flatten() {
                let Ok(m) = Method::from_bytes(method.to_uppercase().as_bytes()) else {
                    continue;
                };
                let schemes: Vec<String> = op["security"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|r| r.as_object())
                    .flat_map(|r| r.keys().cloned())
                    .collect();
                let url = concrete(path);
                if schemes.iter().any(|s| s == "bearer") {
                    // A partner token is no staff token: refused before anything else.
                    staff_routes += 1;
                    let res = app
                        .client
                        .request(m.clone(), app.url(&url))
                        .bearer_auth(&partner)
                        .json(&json!({}))
                        .send()
                        .await
                        .expect("request");
                    assert_eq!(
                        res.status(),
                        StatusCode::UNAUTHORIZED,
                        "{method} {path} let a partner token through"
                    );
                }
                if schemes.iter().any(|s| s == "oauth2") {
                    partner_routes += 1;
                    for staff in [&coord, &admin] {
                        let res = app
                            .client
                            .request(m.clone(), app.url(&url))
                            .bearer_auth(staff)
                            .json(&json!({}))
                            .send()
                            .await
                            .expect("request");
                        assert_eq!(
                            res.status(),
                            StatusCode::UNAUTHORIZED,
                            "{method} {path} let a staff token act as a partner"
                        );
                    }
                    let res = app
                        .client
                        .request(m.clone(), app.url(&url))
                        .json(&json!({}))
                        .send()
                        .await
                        .expect("request");
                    assert_eq!(
                        res.status(),
                        StatusCode::UNAUTHORIZED,
                        "{method} {path} anonymous"
                    );
                }
            }
        }
        assert!(staff_routes > 50, "only {staff_routes} staff routes found");
        assert!(partner_routes >= 1);
        // The partner routes document the oauth2 scheme with its client credentials flow.
        let flow = &doc["components"]["securitySchemes"]["oauth2"]["flows"]["clientCredentials"];
        assert_eq!(flow["tokenUrl"], TOKEN);
        for s in Scope::ALL {
            assert!(
                flow["scopes"][s.as_str()].is_string(),
                "scope {s} undocumented"
            );
        }

        // Forged partner tokens: alg none, tampered scope, a staff-signed partner claim set.
        let parts: Vec<&str> = partner.split('.').collect();
        let mut payload: Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).expect("b64"))
                .expect("claims");
        let alg_none = format!(
            "{}.{}.",
            b64(&json!({"alg": "none", "typ": "JWT"})),
            parts[1]
        );
        payload["org"] = json!(uuid::Uuid::new_v4().to_string());
        let tampered = format!("{}.{}.{}", parts[0], b64(&payload), parts[2]);
        let staff_signed = jsonwebtoken::encode(
            &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
            &payload,
            &jsonwebtoken::EncodingKey::from_secret(crate::helpers::JWT_SECRET.as_bytes()),
        )
        .expect("sign");
        for forged in [alg_none, tampered, staff_signed] {
            expect_problem(app.get(ME, Some(&forged)).await, StatusCode::UNAUTHORIZED).await;
        }
        assert_eq!(app.get(ME, Some(&partner)).await.status(), StatusCode::OK);
    }
);

both!(
    each_client_has_its_own_rate_limit,
    with | s | {
        s.partner_calls_per_client.max = 3;
    },
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let o = create_org(&app, &coord, "Commune de Herstal", "municipality").await;
        let a = create_client(&app, &coord, &o, &["events:read"]).await;
        let b = create_client(&app, &coord, &o, &["events:read"]).await;
        let (ta, tb) = (partner_token(&app, &a).await, partner_token(&app, &b).await);
        let header_of = |res: &reqwest::Response, name: &str| {
            res.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u64>().ok())
        };
        for left in [2, 1, 0] {
            let res = app.get(ME, Some(&ta)).await;
            assert_eq!(res.status(), StatusCode::OK);
            assert_eq!(header_of(&res, "ratelimit-limit"), Some(3));
            assert_eq!(header_of(&res, "ratelimit-remaining"), Some(left));
            let reset = header_of(&res, "ratelimit-reset").expect("reset");
            assert!((1..=60).contains(&reset), "reset {reset}");
        }
        let res = app.get(ME, Some(&ta)).await;
        let retry = header_of(&res, "retry-after").expect("Retry-After");
        assert!((1..=60).contains(&retry));
        assert_eq!(header_of(&res, "ratelimit-remaining"), Some(0));
        expect_problem(res, StatusCode::TOO_MANY_REQUESTS).await;
        // The other client of the same organisation is not held back.
        let res = app.get(ME, Some(&tb)).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(header_of(&res, "ratelimit-remaining"), Some(2));
    }
);
