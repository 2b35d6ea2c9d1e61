//! Venues: where activities take place.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::venues;
use crate::db::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = venues)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct VenueRow {
    pub id: String,
    pub name: String,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub locality: Option<String>,
    pub created_at: NaiveDateTime,
}

impl VenueRow {
    /// The one-line postal address (feeds, emails).
    pub fn address(&self) -> String {
        crate::activities::domain::venue_address(
            &self.name,
            self.street.as_deref(),
            self.postcode.as_deref(),
            self.locality.as_deref(),
        )
    }
}

pub fn venues(conn: &mut DbConnection) -> QueryResult<Vec<VenueRow>> {
    venues::table
        .order(venues::name.asc())
        .select(VenueRow::as_select())
        .load(conn)
}

pub fn venue_exists(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(venues::table.find(id))).get_result(conn)
}

pub fn insert_venue(conn: &mut DbConnection, v: &VenueRow) -> QueryResult<()> {
    diesel::insert_into(venues::table)
        .values(v)
        .execute(conn)
        .map(|_| ())
}
