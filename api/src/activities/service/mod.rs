//! The rules of activities: validation, creation of single activities and series, changes that
//! calendars must see, and who may manage an activity. Registrations, venues and the attendee
//! export have their own files. Functions take a connection; those that change data open
//! their own write transaction unless they say they run inside one.

mod activities;
mod export;
mod registrations;
mod venues;

pub use activities::{
    create, create_in, create_series, create_series_in, input_of, list, update, update_in,
};
pub use export::attendees;
pub use registrations::{
    add_registration, change_status_in, list_registrations, notify_cancellation, promote, register,
    seat_answer, set_registration_status, Idempotency, RegistrationView,
};
pub use venues::{create_venue, list_venues};

use crate::activities::store::{self as store, ActivityRecord, ActivityRow};
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::http::auth::{AuthUser, Permission};

/// An activity with everything shown with it, or `NotFound`.
pub fn load_one(conn: &mut DbConnection, id: &str) -> Result<ActivityRecord, ApiError> {
    let row = ActivityRow::get(conn, id)?;
    store::records(conn, vec![row])?
        .pop()
        .ok_or(ApiError::NotFound)
}

/// Whether the user may manage this activity's registrations: coordinators and admins, and
/// coaches who are among its staff (facilitators marking attendance).
pub fn may_manage(user: &AuthUser, rec: &ActivityRecord) -> bool {
    Permission::WriteActivities.allowed(user.role) || rec.staff.contains(&user.id.to_string())
}

/// The activity, once the user may manage it (`Forbidden` otherwise).
pub fn load_managed(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<ActivityRecord, ApiError> {
    let rec = load_one(conn, id)?;
    if !may_manage(user, &rec) {
        return Err(ApiError::Forbidden);
    }
    Ok(rec)
}

/// Serialises changes to one activity's seats (a no-op on SQLite, where writes are serial).
pub fn lock_activity(conn: &mut DbConnection, id: &str) -> Result<(), ApiError> {
    crate::db::lock_rows(
        conn,
        "SELECT id FROM activities WHERE id = $1 FOR UPDATE",
        id,
    )
}
