//! Fixtures of the Activities, public feeds and Duo2Change tests: people, activities, staff
//! accounts, requests with headers, and direct reads of the database.

use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use diesel::sql_types::BigInt;
use diesel::{QueryableByName, RunQueryDsl};
use interra_api::db::DbConnection;
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use shared::activities::{
    Activity, ActivityInput, ActivityKind, ActivityProgramme, ActivityStatus, Registration,
    RegistrationInput, RegistrationSource, RegistrationStatus, Visibility,
};
use shared::auth::Role;
use shared::people::{
    Category, FrenchLevel, LanguageLevel, LanguageSkill, Person, PersonInput, PersonTagRef, Slot,
    TagKind,
};
use shared::tags::Tag;
use uuid::Uuid;

use crate::helpers::{expect_json, expect_problem, TestApp, PASSWORD};

pub const ACTIVITIES: &str = "/api/v1/activities";
pub const EVENTS: &str = "/api/v1/public/events";
/// The venue the migrations seed.
pub const GRAND_POSTE: &str = "5a0f6f0e-7b6b-5c2e-9d61-4c1f3e2a9b01";

/// A staff account of `role`: its id and an access token.
pub async fn account(app: &TestApp, role: Role) -> (Uuid, String) {
    let email = format!("{}-{}@example.be", role.as_str(), Uuid::new_v4().simple());
    let row = app.create_user(&email, role);
    let session = app.sign_in(&email, PASSWORD).await;
    assert_eq!(session.user.id.to_string(), row.id);
    (session.user.id, session.access)
}

/// A person input with a unique email; newcomer (arrived last year) or local.
pub fn person_input(first_name: &str, newcomer: bool) -> PersonInput {
    PersonInput {
        first_name: first_name.into(),
        email: Some(format!(
            "{}-{}@example.be",
            first_name.to_lowercase(),
            Uuid::new_v4().simple()
        )),
        profile: Some(Some(if newcomer {
            Category::Newcomer
        } else {
            Category::Local
        })),
        arrival_year: newcomer.then(|| Utc::now().year() - 1),
        ..Default::default()
    }
}

pub async fn create_person_from(app: &TestApp, token: &str, input: &PersonInput) -> Person {
    expect_json(
        app.send_json(Method::POST, "/api/v1/people", Some(token), input)
            .await,
        StatusCode::CREATED,
    )
    .await
}

pub async fn create_person(app: &TestApp, token: &str, first_name: &str, newcomer: bool) -> Uuid {
    create_person_from(app, token, &person_input(first_name, newcomer))
        .await
        .id
}

/// A richer person for matching.
#[allow(clippy::too_many_arguments)]
pub fn matching_person(
    first_name: &str,
    newcomer: bool,
    slots: &[&str],
    tags: &[Uuid],
    french: FrenchLevel,
    languages: &[(&str, LanguageLevel)],
) -> PersonInput {
    PersonInput {
        availability: slots
            .iter()
            .map(|s| s.parse::<Slot>().expect("slot"))
            .collect(),
        tags: tags
            .iter()
            .map(|t| PersonTagRef {
                tag_id: *t,
                kind: TagKind::Passion,
            })
            .collect(),
        french_level: Some(french),
        languages: languages
            .iter()
            .map(|(l, level)| LanguageSkill {
                language: (*l).into(),
                level: *level,
            })
            .collect(),
        ..person_input(first_name, newcomer)
    }
}

pub async fn tag_id(app: &TestApp, token: &str, slug: &str) -> Uuid {
    let tags: Vec<Tag> =
        expect_json(app.get("/api/v1/tags", Some(token)).await, StatusCode::OK).await;
    tags.into_iter()
        .find(|t| t.slug == slug)
        .unwrap_or_else(|| panic!("no tag {slug}"))
        .id
}

/// A published public InterAct workshop at La Grand Poste.
pub fn activity(title: &str, starts: &str, ends: &str) -> ActivityInput {
    ActivityInput {
        title: [("fr".to_owned(), title.to_owned())].into_iter().collect(),
        description: [("fr".to_owned(), format!("Description de {title}"))]
            .into_iter()
            .collect(),
        programme: Some(ActivityProgramme::Interact),
        kind: Some(ActivityKind::WorkshopSession),
        starts_at: starts.into(),
        ends_at: ends.into(),
        venue_id: Some(GRAND_POSTE.parse().expect("uuid")),
        free: true,
        visibility: Some(Visibility::Public),
        status: Some(ActivityStatus::Published),
        languages: vec!["fr".into()],
        ..Default::default()
    }
}

/// Local date-time text `days` days from today at `hh:mm` (Brussels local time).
pub fn in_days(days: i64, time: &str) -> String {
    format!(
        "{}T{time}",
        (Utc::now() + Duration::days(days)).date_naive()
    )
}

/// A public activity `days` from now, 14:00–16:00, with a capacity.
pub fn upcoming(title: &str, days: i64, capacity: Option<i32>) -> ActivityInput {
    ActivityInput {
        capacity,
        ..activity(title, &in_days(days, "14:00"), &in_days(days, "16:00"))
    }
}

pub async fn create_activity(app: &TestApp, token: &str, input: &ActivityInput) -> Activity {
    expect_json(
        app.send_json(Method::POST, ACTIVITIES, Some(token), input)
            .await,
        StatusCode::CREATED,
    )
    .await
}

pub async fn update_activity(
    app: &TestApp,
    token: &str,
    id: Uuid,
    input: &ActivityInput,
) -> Activity {
    expect_json(
        app.send_json(
            Method::PUT,
            &format!("{ACTIVITIES}/{id}"),
            Some(token),
            input,
        )
        .await,
        StatusCode::OK,
    )
    .await
}

pub async fn get_activity(app: &TestApp, token: &str, id: Uuid) -> Activity {
    expect_json(
        app.get(&format!("{ACTIVITIES}/{id}"), Some(token)).await,
        StatusCode::OK,
    )
    .await
}

pub async fn post_registration(
    app: &TestApp,
    token: &str,
    activity: Uuid,
    person: Uuid,
    source: Option<RegistrationSource>,
) -> reqwest::Response {
    app.send_json(
        Method::POST,
        &format!("{ACTIVITIES}/{activity}/registrations"),
        Some(token),
        &RegistrationInput {
            person_id: person,
            source,
        },
    )
    .await
}

pub async fn register(app: &TestApp, token: &str, activity: Uuid, person: Uuid) -> Registration {
    expect_json(
        post_registration(app, token, activity, person, None).await,
        StatusCode::CREATED,
    )
    .await
}

pub async fn set_status(
    app: &TestApp,
    token: &str,
    activity: Uuid,
    registration: Uuid,
    status: RegistrationStatus,
) -> reqwest::Response {
    app.send_json(
        Method::POST,
        &format!("{ACTIVITIES}/{activity}/registrations/{registration}/status"),
        Some(token),
        &serde_json::json!({ "status": status }),
    )
    .await
}

pub async fn registrations(app: &TestApp, token: &str, activity: Uuid) -> Vec<Registration> {
    expect_json(
        app.get(
            &format!("{ACTIVITIES}/{activity}/registrations"),
            Some(token),
        )
        .await,
        StatusCode::OK,
    )
    .await
}

/// The registration of `person` in `list`.
pub fn of(list: &[Registration], person: Uuid) -> &Registration {
    list.iter()
        .find(|r| r.person_id == person)
        .unwrap_or_else(|| panic!("no registration of {person}"))
}

/// Sends `body` with extra headers.
pub async fn send_with<B: Serialize>(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    headers: &[(&str, &str)],
    body: Option<&B>,
) -> reqwest::Response {
    let mut req = app.bare.request(method, app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    if let Some(b) = body {
        req = req.json(b);
    }
    req.send().await.expect("request")
}

/// GET with extra headers and no token.
pub async fn get_with(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    send_with::<()>(app, Method::GET, path, None, headers, None).await
}

pub async fn get_json<T: DeserializeOwned>(app: &TestApp, path: &str, token: Option<&str>) -> T {
    expect_json(app.get(path, token).await, StatusCode::OK).await
}

pub async fn get_text(app: &TestApp, path: &str) -> String {
    let res = app.get(path, None).await;
    let status = res.status();
    let text = res.text().await.expect("body");
    assert_eq!(status, StatusCode::OK, "GET {path}: {text}");
    text
}

/// Asserts a 422 that names `field` among its field errors.
pub async fn expect_field_error(res: reqwest::Response, field: &str) {
    let problem = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    let errors = problem.errors.unwrap_or_default();
    assert!(
        errors.contains_key(field),
        "expected an error on {field}, got {errors:?}"
    );
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// `SELECT COUNT(*) AS n ...` read directly from the database.
pub fn count(app: &TestApp, sql: &str) -> i64 {
    let mut conn = app.db.conn().expect("conn");
    let rows: Vec<Count> = match &mut *conn {
        DbConnection::Sqlite(c) => diesel::sql_query(sql).load(c),
        DbConnection::Postgres(c) => diesel::sql_query(sql).load(c),
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"));
    rows.first().map(|r| r.n).unwrap_or_default()
}

/// The last Sunday of `month` on or after today (this year's or next year's).
pub fn next_last_sunday(month: u32) -> NaiveDate {
    let today = Utc::now().date_naive();
    for year in [today.year(), today.year() + 1] {
        let first_of_next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        }
        .expect("date");
        let mut d = first_of_next - Duration::days(1);
        while d.weekday() != Weekday::Sun {
            d -= Duration::days(1);
        }
        if d > today {
            return d;
        }
    }
    unreachable!("a last Sunday within two years")
}
