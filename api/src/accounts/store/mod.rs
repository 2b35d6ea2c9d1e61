//! Staff account rows and their queries.

pub mod password_links;
pub mod refresh_tokens;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::auth::Role;
use shared::users::StaffUser;
use uuid::Uuid;

use crate::db::schema::users;
use crate::db::DbConnection;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
    pub password_hash: String,
    pub sessions_valid_after: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub last_login_at: Option<NaiveDateTime>,
}

impl UserRow {
    pub fn new(email: String, display_name: String, role: Role, password_hash: String) -> Self {
        let now = crate::db::now();
        UserRow {
            id: Uuid::now_v7().to_string(),
            email,
            display_name,
            role,
            active: true,
            password_hash,
            sessions_valid_after: now,
            created_at: now,
            updated_at: now,
            last_login_at: None,
        }
    }

    pub fn uuid(&self) -> Result<Uuid, ApiError> {
        self.id
            .parse()
            .map_err(|_| anyhow::anyhow!("malformed user id {:?}", self.id).into())
    }

    pub fn to_dto(&self) -> Result<StaffUser, ApiError> {
        Ok(StaffUser {
            id: self.uuid()?,
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
            active: self.active,
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
            last_login_at: self.last_login_at.map(|t| t.and_utc()),
        })
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(users::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn find(conn: &mut DbConnection, id: Uuid) -> QueryResult<Option<UserRow>> {
        users::table
            .find(id.to_string())
            .select(UserRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn get(conn: &mut DbConnection, id: Uuid) -> Result<UserRow, ApiError> {
        Self::find(conn, id)?.ok_or(ApiError::NotFound)
    }

    pub fn find_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<UserRow>> {
        users::table
            .filter(users::email.eq(email))
            .select(UserRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
        users::table.count().get_result(conn)
    }

    pub fn count_active_admins(conn: &mut DbConnection) -> QueryResult<i64> {
        users::table
            .filter(users::role.eq(Role::Admin))
            .filter(users::active.eq(true))
            .count()
            .get_result(conn)
    }

    pub fn record_login(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
        diesel::update(users::table.find(id))
            .set(users::last_login_at.eq(crate::db::now()))
            .execute(conn)
            .map(|_| ())
    }

    /// Saves profile fields (name, role, active) of this row.
    pub fn save_profile(&mut self, conn: &mut DbConnection) -> QueryResult<()> {
        self.updated_at = crate::db::now();
        diesel::update(users::table.find(&self.id))
            .set((
                users::display_name.eq(&self.display_name),
                users::role.eq(self.role),
                users::active.eq(self.active),
                users::updated_at.eq(self.updated_at),
            ))
            .execute(conn)
            .map(|_| ())
    }

    /// Stores a new password hash and invalidates every access token issued before now.
    pub fn set_password(conn: &mut DbConnection, id: &str, hash: &str) -> QueryResult<()> {
        let now = crate::db::now();
        diesel::update(users::table.find(id))
            .set((
                users::password_hash.eq(hash),
                users::sessions_valid_after.eq(now),
                users::updated_at.eq(now),
            ))
            .execute(conn)
            .map(|_| ())
    }

    /// Invalidates every access token issued before now (deactivation).
    pub fn revoke_access_tokens(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
        diesel::update(users::table.find(id))
            .set(users::sessions_valid_after.eq(crate::db::now()))
            .execute(conn)
            .map(|_| ())
    }

    /// One page of accounts matching the filter, ordered by display name, and the total count.
    pub fn list(
        conn: &mut DbConnection,
        filter: &UserQuery,
        offset: i64,
        limit: i64,
    ) -> QueryResult<(Vec<UserRow>, i64)> {
        let build = || {
            let mut q = users::table.into_boxed();
            if let Some(text) = &filter.q {
                let pattern = format!("%{}%", escape_like(&text.to_lowercase()));
                q = q.filter(
                    users::email
                        .like(pattern.clone())
                        .escape('\\')
                        .or(lower(users::display_name).like(pattern).escape('\\')),
                );
            }
            if let Some(role) = filter.role {
                q = q.filter(users::role.eq(role));
            }
            if let Some(active) = filter.active {
                q = q.filter(users::active.eq(active));
            }
            q
        };
        let count = build().count().get_result(conn)?;
        let rows = build()
            .order((lower(users::display_name).asc(), users::id.asc()))
            .offset(offset)
            .limit(limit)
            .select(UserRow::as_select())
            .load(conn)?;
        Ok((rows, count))
    }
}

/// Parsed filters of the account list.
#[derive(Debug, Default)]
pub struct UserQuery {
    pub q: Option<String>,
    pub role: Option<Role>,
    pub active: Option<bool>,
}

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// Escapes `%`, `_` and `\` for a `LIKE ... ESCAPE '\'` pattern.
pub fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
