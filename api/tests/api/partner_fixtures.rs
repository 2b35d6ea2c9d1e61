//! Partner fixtures shared by the partner test files: an organisation with an API client of
//! given scopes, and a token for it obtained through the client credentials grant.

use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::partners::{ApiClientSecret, OAuthToken, Organisation};

use crate::helpers::{expect_json, TestApp};

pub const ORGS: &str = "/api/v1/organisations";
pub const TOKEN: &str = "/api/v1/oauth/token";

/// An organisation with one client of these scopes; returns the organisation and a token.
pub async fn partner(
    app: &TestApp,
    staff: &str,
    name: &str,
    scopes: &[&str],
) -> (Organisation, String) {
    let o: Organisation = expect_json(
        app.send_json(
            Method::POST,
            ORGS,
            Some(staff),
            &json!({ "name": name, "kind": "cpas" }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let c: ApiClientSecret = expect_json(
        app.send_json(
            Method::POST,
            &format!("{ORGS}/{}/clients", o.id),
            Some(staff),
            &json!({ "name": "server", "scopes": scopes }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let t: OAuthToken = expect_json(
        token_in_body(app, &c.client.id, &c.client_secret, None).await,
        StatusCode::OK,
    )
    .await;
    (o, t.access_token)
}

/// `POST /oauth/token` with the client in the form.
pub async fn token_in_body(
    app: &TestApp,
    id: &str,
    secret: &str,
    scope: Option<&str>,
) -> reqwest::Response {
    let mut form = vec![
        ("grant_type", "client_credentials"),
        ("client_id", id),
        ("client_secret", secret),
    ];
    if let Some(s) = scope {
        form.push(("scope", s));
    }
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    app.bare
        .post(app.url(TOKEN))
        .header(
            reqwest::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body(body)
        .send()
        .await
        .expect("request")
}
