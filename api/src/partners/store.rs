//! Organisation, affiliation and API client rows and their queries.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use shared::partners::{OrganisationKind, Scope};

use crate::accounts::store::escape_like;
use crate::db::schema::{api_clients, organisation_people, organisations, people};
use crate::db::{DbConnection, JsonText};

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);
diesel::define_sql_function!(
    #[sql_name = "lower"]
    fn lower_opt(x: diesel::sql_types::Nullable<diesel::sql_types::Text>) -> diesel::sql_types::Nullable<diesel::sql_types::Text>
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = organisations, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct OrganisationRow {
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub commune: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub agreement_start: Option<NaiveDate>,
    pub agreement_end: Option<NaiveDate>,
    pub data_sharing_signed: bool,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = organisation_people)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct AffiliationRow {
    pub organisation_id: String,
    pub person_id: String,
    pub role: String,
    pub created_at: NaiveDateTime,
}

/// An affiliated person with what the organisation page shows of them.
#[derive(Debug, Clone, Queryable)]
pub struct ContactRow {
    pub person_id: String,
    pub first_name: String,
    pub last_name: Option<String>,
    pub preferred_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub role: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_clients)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ClientRow {
    pub id: String,
    pub organisation_id: String,
    pub name: String,
    pub scopes: JsonText<Vec<Scope>>,
    pub secret_hash: String,
    pub previous_secret_hash: Option<String>,
    pub previous_valid_until: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub last_used_at: Option<NaiveDateTime>,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
}

impl OrganisationRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(organisations::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }

    pub fn update(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(organisations::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(drop)
    }
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<OrganisationRow>> {
    organisations::table
        .find(id)
        .select(OrganisationRow::as_select())
        .first(conn)
        .optional()
}

/// Organisations by name, optionally of one kind and matching a text (name, commune, email;
/// case ignored, through `lower()`: ASCII letters only on SQLite); with the total count.
pub fn list(
    conn: &mut DbConnection,
    text: Option<&str>,
    kind: Option<OrganisationKind>,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<OrganisationRow>, i64)> {
    let pattern = text.map(|t| format!("%{}%", escape_like(&t.to_lowercase())));
    let filtered = || {
        let mut q = organisations::table.into_boxed();
        if let Some(p) = &pattern {
            q = q.filter(
                lower(organisations::name)
                    .like(p.clone())
                    .escape('\\')
                    .or(lower_opt(organisations::commune)
                        .like(p.clone())
                        .escape('\\'))
                    .or(lower_opt(organisations::email).like(p.clone()).escape('\\')),
            );
        }
        if let Some(kind) = kind {
            q = q.filter(organisations::kind.eq(kind));
        }
        q
    };
    let count = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((organisations::name.asc(), organisations::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(OrganisationRow::as_select())
        .load(conn)?;
    Ok((rows, count))
}

pub fn contacts(conn: &mut DbConnection, organisation_id: &str) -> QueryResult<Vec<ContactRow>> {
    organisation_people::table
        .inner_join(people::table)
        .filter(organisation_people::organisation_id.eq(organisation_id))
        .order((people::first_name.asc(), people::id.asc()))
        .select((
            people::id,
            people::first_name,
            people::last_name,
            people::preferred_name,
            people::email,
            people::phone,
            organisation_people::role,
        ))
        .load(conn)
}

pub fn find_affiliation(
    conn: &mut DbConnection,
    organisation_id: &str,
    person_id: &str,
) -> QueryResult<Option<AffiliationRow>> {
    organisation_people::table
        .find((organisation_id, person_id))
        .select(AffiliationRow::as_select())
        .first(conn)
        .optional()
}

impl AffiliationRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(organisation_people::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }
}

pub fn set_role(
    conn: &mut DbConnection,
    organisation_id: &str,
    person_id: &str,
    role: &str,
) -> QueryResult<usize> {
    diesel::update(organisation_people::table.find((organisation_id, person_id)))
        .set(organisation_people::role.eq(role))
        .execute(conn)
}

pub fn remove_affiliation(
    conn: &mut DbConnection,
    organisation_id: &str,
    person_id: &str,
) -> QueryResult<usize> {
    diesel::delete(organisation_people::table.find((organisation_id, person_id))).execute(conn)
}

/// A person's affiliations with the organisations' names (the person's page, the GDPR export).
pub fn affiliations_of(
    conn: &mut DbConnection,
    person_id: &str,
) -> QueryResult<Vec<(String, String, String)>> {
    organisation_people::table
        .inner_join(organisations::table)
        .filter(organisation_people::person_id.eq(person_id))
        .order(organisations::name.asc())
        .select((
            organisations::id,
            organisations::name,
            organisation_people::role,
        ))
        .load(conn)
}

/// Removes every affiliation of a person (anonymisation).
pub fn remove_affiliations_of(conn: &mut DbConnection, person_id: &str) -> QueryResult<usize> {
    diesel::delete(organisation_people::table.filter(organisation_people::person_id.eq(person_id)))
        .execute(conn)
}

impl ClientRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(api_clients::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }
}

pub fn find_client(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ClientRow>> {
    api_clients::table
        .find(id)
        .select(ClientRow::as_select())
        .first(conn)
        .optional()
}

pub fn clients_of(conn: &mut DbConnection, organisation_id: &str) -> QueryResult<Vec<ClientRow>> {
    api_clients::table
        .filter(api_clients::organisation_id.eq(organisation_id))
        .order((api_clients::created_at.asc(), api_clients::id.asc()))
        .select(ClientRow::as_select())
        .load(conn)
}

/// Replaces the secret; the old one stays valid until `grace_until`.
pub fn rotate_secret(
    conn: &mut DbConnection,
    id: &str,
    old_hash: &str,
    new_hash: &str,
    grace_until: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(api_clients::table.find(id))
        .set((
            api_clients::secret_hash.eq(new_hash),
            api_clients::previous_secret_hash.eq(Some(old_hash)),
            api_clients::previous_valid_until.eq(Some(grace_until)),
        ))
        .execute(conn)
}

pub fn revoke(conn: &mut DbConnection, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        api_clients::table
            .find(id)
            .filter(api_clients::revoked_at.is_null()),
    )
    .set(api_clients::revoked_at.eq(Some(at)))
    .execute(conn)
}

pub fn touch_client(conn: &mut DbConnection, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(api_clients::table.find(id))
        .set(api_clients::last_used_at.eq(Some(at)))
        .execute(conn)
}
