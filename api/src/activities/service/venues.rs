//! Venues: the places activities happen.

use serde_json::json;
use shared::activities::VenueInput;
use uuid::Uuid;

use crate::activities::store::{self as store, VenueRow};
use crate::audit::audit_event as record;
use crate::audit::Actor;
use crate::audit::AuditAction;
use crate::db::{write_transaction, DbConnection};
use crate::error::{ApiError, Validator};
use crate::people::domain::{optional_text, parse_postcode, required_text};

pub fn list_venues(conn: &mut DbConnection) -> Result<Vec<VenueRow>, ApiError> {
    Ok(store::venues(conn)?)
}

/// Adds a venue after checking its fields.
pub fn create_venue(
    conn: &mut DbConnection,
    v: &VenueInput,
    actor: &Actor,
) -> Result<VenueRow, ApiError> {
    let mut val = Validator::new();
    let name = val.check("name", required_text(&v.name, 200));
    let street = val
        .check("street", optional_text(v.street.as_deref(), 200))
        .flatten();
    let postcode = match v
        .postcode
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(p) => val.check("postcode", parse_postcode(p)),
        None => None,
    };
    let locality = val
        .check("locality", optional_text(v.locality.as_deref(), 100))
        .flatten();
    val.finish()?;
    let Some(name) = name else {
        return Err(anyhow::anyhow!("validated venue name missing").into());
    };
    let row = VenueRow {
        id: Uuid::now_v7().to_string(),
        name,
        street,
        postcode,
        locality,
        created_at: crate::db::now(),
    };
    write_transaction(conn, |conn| {
        store::insert_venue(conn, &row)?;
        record(
            conn,
            actor,
            AuditAction::VenueCreated,
            "venue",
            &row.id,
            json!({}),
        )?;
        Ok(())
    })?;
    Ok(row)
}
