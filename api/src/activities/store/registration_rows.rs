//! Registrations: who takes part in an activity, in waiting-list order.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use shared::activities::{RegistrationSource, RegistrationStatus};
use shared::people::Category;

use crate::db::schema::{people, registrations};
use crate::db::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = registrations)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct RegistrationRow {
    pub id: String,
    pub activity_id: String,
    pub person_id: String,
    /// None for someone of neither category (partner staff).
    pub category: Option<Category>,
    pub status: RegistrationStatus,
    pub source: RegistrationSource,
    pub queued_at: NaiveDateTime,
    pub registered_by: Option<String>,
    pub promoted_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl RegistrationRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(registrations::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn for_activity(
        conn: &mut DbConnection,
        activity_id: &str,
    ) -> QueryResult<Vec<RegistrationRow>> {
        registrations::table
            .filter(registrations::activity_id.eq(activity_id))
            .order((registrations::queued_at.asc(), registrations::id.asc()))
            .select(RegistrationRow::as_select())
            .load(conn)
    }

    pub fn find(
        conn: &mut DbConnection,
        activity_id: &str,
        person_id: &str,
    ) -> QueryResult<Option<RegistrationRow>> {
        registrations::table
            .filter(registrations::activity_id.eq(activity_id))
            .filter(registrations::person_id.eq(person_id))
            .select(RegistrationRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn set_status(
        conn: &mut DbConnection,
        id: &str,
        status: RegistrationStatus,
        promoted: bool,
    ) -> QueryResult<()> {
        let now = crate::db::now();
        if promoted {
            diesel::update(registrations::table.find(id))
                .set((
                    registrations::status.eq(status),
                    registrations::promoted_at.eq(now),
                    registrations::updated_at.eq(now),
                ))
                .execute(conn)
                .map(|_| ())
        } else {
            diesel::update(registrations::table.find(id))
                .set((
                    registrations::status.eq(status),
                    registrations::updated_at.eq(now),
                ))
                .execute(conn)
                .map(|_| ())
        }
    }

    /// Re-queues a registration (a cancelled person registering again goes to the back).
    pub fn requeue(
        conn: &mut DbConnection,
        id: &str,
        status: RegistrationStatus,
        category: Option<Category>,
    ) -> QueryResult<()> {
        let now = crate::db::now();
        diesel::update(registrations::table.find(id))
            .set((
                registrations::status.eq(status),
                registrations::category.eq(category),
                registrations::queued_at.eq(now),
                registrations::promoted_at.eq(None::<NaiveDateTime>),
                registrations::updated_at.eq(now),
            ))
            .execute(conn)
            .map(|_| ())
    }
}

/// One line of the attendee list: the registration and what the list shows of the person.
#[derive(Debug, Clone, Queryable)]
pub struct AttendeeRow {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub preferred_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub category: Option<Category>,
    pub status: RegistrationStatus,
    pub source: RegistrationSource,
    pub created_at: NaiveDateTime,
}

/// Registrations of an activity that are not cancelled, in waiting-list order, with the
/// person's name and contact: one query however long the list.
pub fn attendees(conn: &mut DbConnection, activity_id: &str) -> QueryResult<Vec<AttendeeRow>> {
    registrations::table
        .left_join(people::table.on(people::id.eq(registrations::person_id)))
        .filter(registrations::activity_id.eq(activity_id))
        .filter(registrations::status.ne(RegistrationStatus::Cancelled))
        .order((registrations::queued_at.asc(), registrations::id.asc()))
        .select((
            people::first_name.nullable(),
            people::last_name.nullable(),
            people::preferred_name.nullable(),
            people::email.nullable(),
            people::phone.nullable(),
            registrations::category,
            registrations::status,
            registrations::source,
            registrations::created_at,
        ))
        .load(conn)
}
