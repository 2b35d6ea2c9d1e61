//! Referral rows and their queries.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::people::Programme;
use shared::referrals::ReferralStatus;

use crate::db::schema::{organisations, referrals};
use crate::db::{DbConnection, JsonText};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, serde::Serialize)]
#[diesel(table_name = referrals, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ReferralRow {
    pub id: String,
    pub organisation_id: String,
    pub client_id: String,
    pub programme: Programme,
    pub first_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub languages: JsonText<Vec<String>>,
    pub note: Option<String>,
    pub consent_collected_by: String,
    pub consent_at: NaiveDateTime,
    pub notice_version: String,
    pub status: ReferralStatus,
    pub person_id: Option<String>,
    pub staff_note: Option<String>,
    pub status_changed_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl ReferralRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(referrals::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(referrals::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(drop)
    }
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ReferralRow>> {
    referrals::table
        .find(id)
        .select(ReferralRow::as_select())
        .first(conn)
        .optional()
}

/// Referrals, newest first, with the total count: an organisation's (the partner's list) or
/// the team's queue filtered by status.
pub fn list(
    conn: &mut DbConnection,
    organisation_id: Option<&str>,
    status: Option<ReferralStatus>,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<ReferralRow>, i64)> {
    let filtered = || {
        let mut q = referrals::table.into_boxed();
        if let Some(o) = organisation_id {
            q = q.filter(referrals::organisation_id.eq(o.to_owned()));
        }
        if let Some(s) = status {
            q = q.filter(referrals::status.eq(s));
        }
        q
    };
    let count = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((referrals::created_at.desc(), referrals::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(ReferralRow::as_select())
        .load(conn)?;
    Ok((rows, count))
}

/// Names of organisations by id.
pub fn organisation_names(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<std::collections::HashMap<String, String>> {
    let rows: Vec<(String, String)> = organisations::table
        .filter(organisations::id.eq_any(ids))
        .select((organisations::id, organisations::name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// Referrals that became this person (the GDPR export).
pub fn of_person(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<ReferralRow>> {
    referrals::table
        .filter(referrals::person_id.eq(person_id))
        .order(referrals::created_at.asc())
        .select(ReferralRow::as_select())
        .load(conn)
}

/// Anonymisation: the referrals that became this person lose what identifies them.
pub fn anonymise(conn: &mut DbConnection, person_id: &str) -> QueryResult<usize> {
    diesel::update(referrals::table.filter(referrals::person_id.eq(person_id)))
        .set((
            referrals::first_name.eq("anonymised"),
            referrals::email.eq(None::<String>),
            referrals::phone.eq(None::<String>),
            referrals::note.eq(None::<String>),
            referrals::staff_note.eq(None::<String>),
            referrals::languages.eq("[]"),
        ))
        .execute(conn)
}
