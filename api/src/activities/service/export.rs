//! The attendee list of an activity, for the staff who run it.

use crate::activities::store::{self as store, AttendeeRow};
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::http::auth::AuthUser;

/// Everyone registered, waiting or marked present or absent (not cancelled), in waiting-list
/// order, for an activity the user manages.
pub fn attendees(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<Vec<AttendeeRow>, ApiError> {
    super::load_managed(conn, user, id)?;
    Ok(store::attendees(conn, id)?)
}
