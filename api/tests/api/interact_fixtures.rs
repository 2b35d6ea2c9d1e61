//! Fixtures of the InterAct hosts scenarios: the public proposal form, the team's entry, and
//! one helper per endpoint the scenarios call.

use reqwest::{Method, StatusCode};
use serde::Serialize;
use shared::activities::Recurrence;
use shared::interact::{
    AutonomyInput, AutonomyLevel, HostPage, Proposal, ProposalDetail, ProposalInput,
    ProposalStatus, PublicProposalRequest, StatusChange, WorkshopCreated, WorkshopInput,
};
use shared::people::Category;
use shared::{Lang, Page};
use uuid::Uuid;

use crate::activity_fixtures::in_days;
use crate::helpers::{expect_json, TestApp};
use crate::people_fixtures::{this_year, NOTICE};

pub const PUBLIC_PROPOSALS: &str = "/api/v1/public/interact/proposals";
pub const PASSIONS: &str = "/api/v1/public/interact/passions";
pub const PROPOSALS: &str = "/api/v1/interact/proposals";
pub const HOSTS: &str = "/api/v1/interact/hosts";
pub const SUMMARY: &str = "/api/v1/interact/summary";

/// A complete, valid proposal from the public form.
pub fn public_request(first_name: &str, email: &str, title: &str) -> PublicProposalRequest {
    PublicProposalRequest {
        first_name: first_name.into(),
        last_name: Some("Hôte".into()),
        email: Some(email.into()),
        postcode: Some("4020".into()),
        profile: Some(Category::Newcomer),
        arrival_year: Some(this_year() - 2),
        title: title.into(),
        description: "Je montre comment faire la pâte, la sauce et cuire au four.".into(),
        languages: vec!["fr".into(), "it".into()],
        availability: vec!["sat_afternoon".parse().expect("slot")],
        availability_note: Some("Pas pendant le ramadan".into()),
        needs: Some("Un four et une grande table".into()),
        wants_cohost: true,
        lang: Lang::Fr,
        notice_version: NOTICE.into(),
        consent: true,
        ..Default::default()
    }
}

pub async fn post_public(app: &TestApp, req: &impl Serialize) -> reqwest::Response {
    app.bare
        .post(app.url(PUBLIC_PROPOSALS))
        .json(req)
        .send()
        .await
        .expect("request")
}

/// A proposal the team records for `person`.
pub fn staff_input(person: Uuid, title: &str) -> ProposalInput {
    ProposalInput {
        person_id: person,
        title: title.into(),
        description: format!("Atelier {title}"),
        languages: vec!["fr".into()],
        ..Default::default()
    }
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

pub async fn create_proposal(app: &TestApp, token: &str, input: &ProposalInput) -> ProposalDetail {
    expect_json(
        send(app, Method::POST, PROPOSALS, token, input).await,
        StatusCode::CREATED,
    )
    .await
}

pub async fn board(app: &TestApp, token: &str, query: &str) -> Page<Proposal> {
    expect_json(
        app.get(&format!("{PROPOSALS}?{query}"), Some(token)).await,
        StatusCode::OK,
    )
    .await
}

pub async fn get_proposal(app: &TestApp, token: &str, id: Uuid) -> ProposalDetail {
    expect_json(
        app.get(&format!("{PROPOSALS}/{id}"), Some(token)).await,
        StatusCode::OK,
    )
    .await
}

pub async fn post_status(
    app: &TestApp,
    token: &str,
    id: Uuid,
    status: ProposalStatus,
    note: Option<&str>,
) -> reqwest::Response {
    send(
        app,
        Method::POST,
        &format!("{PROPOSALS}/{id}/status"),
        token,
        &StatusChange {
            status,
            note: note.map(str::to_owned),
        },
    )
    .await
}

/// Moves a proposal to `status`; asserts 200.
pub async fn move_to(
    app: &TestApp,
    token: &str,
    id: Uuid,
    status: ProposalStatus,
) -> ProposalDetail {
    expect_json(
        post_status(app, token, id, status, None).await,
        StatusCode::OK,
    )
    .await
}

/// Weekly sessions from 10 days from now until five weeks on, 14:00–16:00.
pub fn weekly() -> WorkshopInput {
    WorkshopInput {
        starts_at: in_days(10, "14:00"),
        ends_at: in_days(10, "16:00"),
        recurrence: Recurrence::Weekly {
            every_weeks: 1,
            until: (chrono::Utc::now() + chrono::Duration::days(38)).date_naive(),
        },
        venue_id: None,
        capacity: Some(12),
        public_name: Some("Samir".into()),
    }
}

pub async fn post_series(
    app: &TestApp,
    token: &str,
    id: Uuid,
    input: &WorkshopInput,
) -> reqwest::Response {
    send(
        app,
        Method::POST,
        &format!("{PROPOSALS}/{id}/series"),
        token,
        input,
    )
    .await
}

pub async fn create_series(app: &TestApp, token: &str, id: Uuid) -> WorkshopCreated {
    expect_json(
        post_series(app, token, id, &weekly()).await,
        StatusCode::CREATED,
    )
    .await
}

pub async fn post_autonomy(
    app: &TestApp,
    token: &str,
    id: Uuid,
    level: AutonomyLevel,
    note: Option<&str>,
) -> reqwest::Response {
    send(
        app,
        Method::POST,
        &format!("{PROPOSALS}/{id}/autonomy"),
        token,
        &AutonomyInput {
            level,
            changed_on: None,
            note: note.map(str::to_owned),
        },
    )
    .await
}

pub async fn host_page(app: &TestApp, token: &str, person: Uuid) -> HostPage {
    expect_json(
        app.get(&format!("{HOSTS}/{person}"), Some(token)).await,
        StatusCode::OK,
    )
    .await
}

/// A proposal for `person` carried to `running` with a weekly series.
pub async fn running(app: &TestApp, token: &str, person: Uuid, title: &str) -> ProposalDetail {
    let p = create_proposal(app, token, &staff_input(person, title)).await;
    let id = p.proposal.id;
    move_to(app, token, id, ProposalStatus::Talked).await;
    move_to(app, token, id, ProposalStatus::Planned).await;
    create_series(app, token, id).await;
    move_to(app, token, id, ProposalStatus::Running).await
}
