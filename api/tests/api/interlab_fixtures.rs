//! Fixtures of the InterLab scenarios: the public application, the team's decision, cohorts,
//! and one helper per endpoint the scenarios call.

use reqwest::{Method, StatusCode};
use serde::Serialize;
use shared::interlab::{
    Application, ApplicationDecision, ApplyRequest, Cohort, CohortInput, DecisionInput,
    DecisionResult, Entrepreneur, EntrepreneurInput, HeardVia, LegalForm, ProjectStage, Term,
};
use shared::people::{Category, LanguageLevel, LanguageSkill};
use shared::{Lang, Page};
use uuid::Uuid;

use crate::helpers::{expect_json, TestApp};
use crate::people_fixtures::{this_year, NOTICE};

pub const APPLY: &str = "/api/v1/public/interlab/apply";
pub const APPLICATIONS: &str = "/api/v1/interlab/applications";
pub const ENTREPRENEURS: &str = "/api/v1/interlab/entrepreneurs";
pub const COHORTS: &str = "/api/v1/interlab/cohorts";
pub const SECTORS: &str = "/api/v1/interlab/sectors";

/// A complete, valid application from the public form.
pub fn apply_request(first_name: &str, email: &str, idea: &str) -> ApplyRequest {
    ApplyRequest {
        first_name: first_name.into(),
        last_name: Some("Entreprend".into()),
        email: Some(email.into()),
        phone: None,
        postcode: Some("4000".into()),
        profile: Some(Category::Newcomer),
        arrival_year: Some(this_year() - 2),
        idea: idea.into(),
        languages: vec![
            LanguageSkill {
                language: "ar".into(),
                level: LanguageLevel::Native,
            },
            LanguageSkill {
                language: "fr".into(),
                level: LanguageLevel::Intermediate,
            },
        ],
        heard_via: Some(HeardVia::LaGrandPoste),
        heard_via_detail: Some("Soirée de réseautage".into()),
        lang: Lang::Fr,
        notice_version: NOTICE.into(),
        consent: true,
        website: None,
    }
}

pub async fn post_apply(app: &TestApp, req: &impl Serialize) -> reqwest::Response {
    app.bare
        .post(app.url(APPLY))
        .json(req)
        .send()
        .await
        .expect("request")
}

pub async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: &impl Serialize,
) -> reqwest::Response {
    app.send_json(method, path, Some(token), body).await
}

pub async fn applications(app: &TestApp, token: &str, query: &str) -> Page<Application> {
    expect_json(
        app.get(&format!("{APPLICATIONS}?{query}"), Some(token))
            .await,
        StatusCode::OK,
    )
    .await
}

/// The only application in the queue from the person called `first_name`.
pub async fn application_of(app: &TestApp, token: &str, first_name: &str) -> Application {
    let page = applications(app, token, "page_size=200").await;
    let mut found: Vec<Application> = page
        .results
        .into_iter()
        .filter(|a| a.display_name.starts_with(first_name))
        .collect();
    assert_eq!(found.len(), 1, "applications of {first_name}: {found:?}");
    found.remove(0)
}

pub fn project(name: &str) -> EntrepreneurInput {
    EntrepreneurInput {
        project_name: name.into(),
        description: Some("Plats du Levant à emporter, traiteur pour les entreprises".into()),
        sector_id: None,
        stage: ProjectStage::Idea,
        legal_form: LegalForm::Undecided,
        target_date: None,
        cohort_id: None,
        coach_id: None,
    }
}

pub fn accept(project: EntrepreneurInput) -> DecisionInput {
    DecisionInput {
        decision: ApplicationDecision::Accept,
        note: None,
        partner: None,
        entrepreneur: Some(project),
    }
}

pub async fn decide(
    app: &TestApp,
    token: &str,
    application: Uuid,
    body: &DecisionInput,
) -> reqwest::Response {
    send(
        app,
        Method::POST,
        &format!("{APPLICATIONS}/{application}/decision"),
        token,
        body,
    )
    .await
}

/// Applies through the public form and accepts the application with `project`.
pub async fn entrepreneur(
    app: &TestApp,
    token: &str,
    first_name: &str,
    project: EntrepreneurInput,
) -> Entrepreneur {
    let email = format!("{}@example.be", first_name.to_lowercase());
    let res = post_apply(app, &apply_request(first_name, &email, "Mon idée")).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let a = application_of(app, token, first_name).await;
    let d: DecisionResult = expect_json(
        decide(app, token, a.id, &accept(project)).await,
        StatusCode::OK,
    )
    .await;
    d.entrepreneur
        .expect("an accepted application makes an entrepreneur")
}

pub async fn cohort(app: &TestApp, token: &str, name: &str, starts_on: &str) -> Cohort {
    expect_json(
        send(
            app,
            Method::POST,
            COHORTS,
            token,
            &CohortInput {
                name: name.into(),
                starts_on: starts_on.parse().expect("date"),
                ends_on: None,
            },
        )
        .await,
        StatusCode::CREATED,
    )
    .await
}

pub async fn sector_id(app: &TestApp, token: &str, slug: &str) -> Uuid {
    let sectors: Vec<Term> = expect_json(app.get(SECTORS, Some(token)).await, StatusCode::OK).await;
    sectors
        .into_iter()
        .find(|s| s.slug == slug)
        .unwrap_or_else(|| panic!("no sector {slug}"))
        .id
}

pub async fn entrepreneurs(app: &TestApp, token: &str, query: &str) -> Page<Entrepreneur> {
    expect_json(
        app.get(&format!("{ENTREPRENEURS}?{query}"), Some(token))
            .await,
        StatusCode::OK,
    )
    .await
}
