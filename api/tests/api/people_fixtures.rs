//! Fixtures of the People tests: a builder for `PersonInput`, request shortcuts, and readers of
//! the live database schema (tables that refer to people, every stored value).

use std::collections::HashMap;

use chrono::Datelike;
use diesel::sql_types::{BigInt, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};
use interra_api::db::DbConnection;
use reqwest::{Method, StatusCode};
use serde::Serialize;
use shared::audit::AuditEntry;
use shared::people::{
    Category, FrenchLevel, LanguageLevel, LanguageSkill, Person, PersonInput, PersonSummary,
    PersonTagRef, Slot, TagKind,
};
use shared::signup::SignupRequest;
use shared::tags::Tag;
use shared::{Lang, Page};
use uuid::Uuid;

use crate::helpers::{expect_json, TestApp};

pub const PEOPLE: &str = "/api/v1/people";
pub const TAGS: &str = "/api/v1/tags";
pub const SIGNUP: &str = "/api/v1/public/signup";
/// The privacy notice version the server currently serves.
pub const NOTICE: &str = "2026-11";

pub fn this_year() -> i32 {
    chrono::Utc::now().year()
}

/// Builds a `PersonInput` field by field.
#[derive(Debug, Clone)]
pub struct PersonBuilder(PersonInput);

impl PersonBuilder {
    /// A local resident with only a first name and an email.
    pub fn local(first_name: &str) -> PersonBuilder {
        PersonBuilder(PersonInput {
            first_name: first_name.into(),
            email: Some(format!("{}@example.be", first_name.to_lowercase())),
            profile: Some(Some(Category::Local)),
            ..Default::default()
        })
    }

    /// A newcomer who arrived `years_ago` years ago.
    pub fn newcomer(first_name: &str, years_ago: i32) -> PersonBuilder {
        PersonBuilder(PersonInput {
            profile: Some(Some(Category::Newcomer)),
            arrival_year: Some(this_year() - years_ago),
            ..Self::local(first_name).0
        })
    }

    pub fn last_name(mut self, v: &str) -> Self {
        self.0.last_name = Some(v.into());
        self
    }
    pub fn email(mut self, v: &str) -> Self {
        self.0.email = Some(v.into());
        self
    }
    pub fn no_email(mut self) -> Self {
        self.0.email = None;
        self
    }
    pub fn phone(mut self, v: &str) -> Self {
        self.0.phone = Some(v.into());
        self
    }
    pub fn street(mut self, v: &str) -> Self {
        self.0.street = Some(v.into());
        self
    }
    pub fn postcode(mut self, v: &str) -> Self {
        self.0.postcode = Some(v.into());
        self
    }
    pub fn commune(mut self, v: &str) -> Self {
        self.0.commune = Some(v.into());
        self
    }
    pub fn arrival_year(mut self, v: Option<i32>) -> Self {
        self.0.arrival_year = v;
        self
    }
    pub fn birth_year(mut self, v: i32) -> Self {
        self.0.birth_year = Some(v);
        self
    }
    pub fn gender(mut self, v: &str) -> Self {
        self.0.gender = Some(v.into());
        self
    }
    pub fn origin(mut self, v: &str) -> Self {
        self.0.origin_region = Some(v.into());
        self
    }
    pub fn french(mut self, v: FrenchLevel) -> Self {
        self.0.french_level = Some(v);
        self
    }
    pub fn language(mut self, code: &str, level: LanguageLevel) -> Self {
        self.0.languages.push(LanguageSkill {
            language: code.into(),
            level,
        });
        self
    }
    pub fn tag(mut self, id: Uuid, kind: TagKind) -> Self {
        self.0.tags.push(PersonTagRef { tag_id: id, kind });
        self
    }
    pub fn slot(mut self, slot: &str) -> Self {
        self.0
            .availability
            .push(slot.parse::<Slot>().expect("slot"));
        self
    }
    pub fn presentation(mut self, v: &str) -> Self {
        self.0.presentation = Some(v.into());
        self
    }
    pub fn notes(mut self, v: &str) -> Self {
        self.0.staff_notes = Some(v.into());
        self
    }
    pub fn preferred_name(mut self, v: &str) -> Self {
        self.0.preferred_name = Some(v.into());
        self
    }
    pub fn override_category(mut self, cat: Category, reason: Option<&str>) -> Self {
        self.0.category_override = Some(cat);
        self.0.category_override_reason = reason.map(str::to_owned);
        self
    }
    pub fn confirm_distinct(mut self) -> Self {
        self.0.confirm_distinct = true;
        self
    }
    pub fn build(self) -> PersonInput {
        self.0
    }
}

/// `POST /api/v1/people` without checking the answer.
pub async fn post_person(app: &TestApp, token: &str, input: &PersonInput) -> reqwest::Response {
    app.send_json(Method::POST, PEOPLE, Some(token), input)
        .await
}

/// Creates a person; asserts 201.
pub async fn create(app: &TestApp, token: &str, input: impl Into<PersonInput>) -> Person {
    expect_json(
        post_person(app, token, &input.into()).await,
        StatusCode::CREATED,
    )
    .await
}

impl From<PersonBuilder> for PersonInput {
    fn from(b: PersonBuilder) -> PersonInput {
        b.0
    }
}

pub async fn get_person(app: &TestApp, token: &str, id: Uuid) -> Person {
    expect_json(
        app.get(&format!("{PEOPLE}/{id}"), Some(token)).await,
        StatusCode::OK,
    )
    .await
}

pub async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: &impl Serialize,
) -> reqwest::Response {
    app.send_json(method, path, token, body).await
}

/// A URL-encoded query string.
pub fn qs(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// `GET /api/v1/people?<query>`; asserts 200.
pub async fn list(app: &TestApp, token: &str, query: &str) -> Page<PersonSummary> {
    expect_json(
        app.get(&format!("{PEOPLE}?{query}"), Some(token)).await,
        StatusCode::OK,
    )
    .await
}

/// Sorted display names of the people matching `query` (one page of up to 200).
pub async fn names(app: &TestApp, token: &str, pairs: &[(&str, &str)]) -> Vec<String> {
    let mut all = pairs.to_vec();
    all.push(("page_size", "200"));
    let page = list(app, token, &qs(&all)).await;
    assert_eq!(page.count as usize, page.results.len(), "one page expected");
    let mut names: Vec<String> = page.results.into_iter().map(|p| p.display_name).collect();
    names.sort();
    names
}

/// The audit entries about one person, oldest first.
pub async fn audit_of(app: &TestApp, admin: &str, id: Uuid) -> Vec<AuditEntry> {
    let page: Page<AuditEntry> = expect_json(
        app.get(
            &format!("/api/v1/audit?entity_type=person&entity_id={id}&page_size=200"),
            Some(admin),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let mut entries = page.results;
    entries.reverse();
    entries
}

pub fn actions(entries: &[AuditEntry]) -> Vec<&str> {
    entries.iter().map(|e| e.action.as_str()).collect()
}

/// Live tags by slug.
pub async fn tags_by_slug(app: &TestApp, token: &str) -> HashMap<String, Tag> {
    let tags: Vec<Tag> = expect_json(app.get(TAGS, Some(token)).await, StatusCode::OK).await;
    tags.into_iter().map(|t| (t.slug.clone(), t)).collect()
}

pub async fn tag_id(app: &TestApp, token: &str, slug: &str) -> Uuid {
    tags_by_slug(app, token)
        .await
        .get(slug)
        .unwrap_or_else(|| panic!("no tag {slug}"))
        .id
}

/// A complete, valid sign-up.
pub fn signup_request(first_name: &str, email: Option<&str>, phone: Option<&str>) -> SignupRequest {
    SignupRequest {
        first_name: first_name.into(),
        last_name: Some("Applicant".into()),
        email: email.map(str::to_owned),
        phone: phone.map(str::to_owned),
        postcode: Some("4020".into()),
        profile: Some(Category::Newcomer),
        arrival_year: Some(this_year() - 1),
        programme: Some(shared::people::Programme::Interact),
        role: Some(shared::people::ProgrammeRole::WorkshopHost),
        workshop_idea: Some("Syrian cooking".into()),
        message: None,
        lang: Lang::En,
        notice_version: NOTICE.into(),
        consent: true,
        website: None,
    }
}

pub async fn post_signup(app: &TestApp, req: &SignupRequest) -> reqwest::Response {
    app.bare
        .post(app.url(SIGNUP))
        .json(req)
        .send()
        .await
        .expect("request")
}

// ---- The live schema ----

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Rows in `table`, read directly from the database.
pub fn count_rows(app: &TestApp, table: &str) -> i64 {
    let mut conn = app.db.conn().expect("conn");
    let sql = format!("SELECT COUNT(*) AS n FROM \"{table}\"");
    let rows: Vec<Count> = match &mut *conn {
        DbConnection::Sqlite(c) => diesel::sql_query(sql).load(c),
        DbConnection::Postgres(c) => diesel::sql_query(sql).load(c),
    }
    .expect("count");
    rows.first().map(|r| r.n).unwrap_or_default()
}

#[derive(QueryableByName, Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ForeignKey {
    #[diesel(sql_type = Text)]
    pub table_name: String,
    #[diesel(sql_type = Text)]
    pub column_name: String,
}

const SQLITE_REFS_TO_PEOPLE: &str = r#"
SELECT m.name AS table_name, f."from" AS column_name
FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
WHERE m.type = 'table' AND f."table" = 'people'"#;

const POSTGRES_REFS_TO_PEOPLE: &str = r#"
SELECT c.conrelid::regclass::text AS table_name, a.attname::text AS column_name
FROM pg_constraint c
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
WHERE c.contype = 'f' AND c.confrelid = 'people'::regclass"#;

/// Every (table, column) whose column is a foreign key to `people`, from the live schema.
pub fn references_to_people(app: &TestApp) -> Vec<ForeignKey> {
    let mut conn = app.db.conn().expect("conn");
    let mut rows: Vec<ForeignKey> = match &mut *conn {
        DbConnection::Sqlite(c) => diesel::sql_query(SQLITE_REFS_TO_PEOPLE).load(c),
        DbConnection::Postgres(c) => diesel::sql_query(POSTGRES_REFS_TO_PEOPLE).load(c),
    }
    .expect("read foreign keys");
    rows.sort();
    rows.dedup();
    rows
}

#[derive(QueryableByName)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
}

const SQLITE_ALL_COLUMNS: &str = r#"
SELECT m.name AS table_name, p.name AS column_name
FROM sqlite_master m JOIN pragma_table_info(m.name) p
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'"#;

const POSTGRES_ALL_COLUMNS: &str = r#"
SELECT table_name::text AS table_name, column_name::text AS column_name
FROM information_schema.columns
WHERE table_schema = current_schema()"#;

#[derive(QueryableByName)]
struct Value {
    #[diesel(sql_type = Nullable<Text>)]
    v: Option<String>,
}

/// Every value stored in every column of every table, as text: `(table.column, value)`.
pub fn dump_database(app: &TestApp) -> Vec<(String, String)> {
    let mut conn = app.db.conn().expect("conn");
    let columns: Vec<Column> = match &mut *conn {
        DbConnection::Sqlite(c) => diesel::sql_query(SQLITE_ALL_COLUMNS).load(c),
        DbConnection::Postgres(c) => diesel::sql_query(POSTGRES_ALL_COLUMNS).load(c),
    }
    .expect("read the catalogue");
    assert!(
        columns.iter().any(|c| c.table_name == "people"),
        "catalogue without people"
    );
    let mut out = Vec::new();
    for col in columns {
        let sql = format!(
            "SELECT CAST(\"{}\" AS TEXT) AS v FROM \"{}\"",
            col.column_name, col.table_name
        );
        let values: Vec<Value> = match &mut *conn {
            DbConnection::Sqlite(c) => diesel::sql_query(sql).load(c),
            DbConnection::Postgres(c) => diesel::sql_query(sql).load(c),
        }
        .unwrap_or_else(|e| panic!("read {}.{}: {e}", col.table_name, col.column_name));
        let place = format!("{}.{}", col.table_name, col.column_name);
        out.extend(
            values
                .into_iter()
                .filter_map(|v| v.v)
                .map(|v| (place.clone(), v)),
        );
    }
    out
}

/// The places in the database where any of `needles` appears (case-insensitive).
pub fn find_in_database(app: &TestApp, needles: &[&str]) -> Vec<String> {
    let dump = dump_database(app);
    let mut found = Vec::new();
    for needle in needles {
        let n = needle.to_lowercase();
        for (place, value) in &dump {
            if value.to_lowercase().contains(&n) {
                found.push(format!("{needle:?} in {place}: {value:?}"));
            }
        }
    }
    found
}

/// A staff account of `role`: its id and an access token.
pub async fn staff(app: &TestApp, role: shared::auth::Role) -> (Uuid, String) {
    let email = format!("{}-{}@example.be", role.as_str(), Uuid::new_v4().simple());
    app.create_user(&email, role);
    let session = app.sign_in(&email, crate::helpers::PASSWORD).await;
    (session.user.id, session.access)
}

/// Rows of `table` whose `column` equals `value`, read directly from the database.
pub fn count_where(app: &TestApp, table: &str, column: &str, value: &str) -> i64 {
    let mut conn = app.db.conn().expect("conn");
    let sql = format!(
        "SELECT COUNT(*) AS n FROM \"{table}\" WHERE \"{column}\" = '{}'",
        value.replace('\'', "''")
    );
    let rows: Vec<Count> = match &mut *conn {
        DbConnection::Sqlite(c) => diesel::sql_query(sql).load(c),
        DbConnection::Postgres(c) => diesel::sql_query(sql).load(c),
    }
    .expect("count");
    rows.first().map(|r| r.n).unwrap_or_default()
}
