//! The communes of the Liège area and which are neighbours, what the travel range of a
//! candidacy is measured with. Seeded by the migrations; administrators keep the list current.

use serde_json::json;
use shared::duo::{Commune, CommuneInput};

use super::Acting;
use crate::audit::audit_event as record;
use crate::audit::AuditAction;
use crate::db::{write_transaction, Db, DbConnection};
use crate::duo::store;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::required_text;

fn all(conn: &mut DbConnection) -> Result<Vec<Commune>, ApiError> {
    let (rows, links) = store::communes(conn)?;
    Ok(rows
        .into_iter()
        .map(|c| {
            let mut neighbours: Vec<String> = links
                .iter()
                .filter(|(a, _)| a == &c.id)
                .map(|(_, b)| b.clone())
                .collect();
            neighbours.sort();
            Commune {
                id: c.id,
                name: c.name,
                latitude: c.latitude,
                longitude: c.longitude,
                neighbours,
            }
        })
        .collect())
}

/// The communes by name, with their neighbours.
pub async fn list(db: &Db) -> Result<Vec<Commune>, ApiError> {
    db.run(all).await
}

/// Creates or replaces a commune and its neighbours, keeping each link on both sides. `id` is
/// the commune's slug as the caller parsed it (or why it is not one). True when created.
pub async fn save(
    db: &Db,
    acting: &Acting,
    id: Result<String, Msg>,
    input: CommuneInput,
) -> Result<(Commune, bool), ApiError> {
    let mut v = Validator::new();
    let id = v.check("id", id);
    let name = v.check("name", required_text(&input.name, 80));
    if !(-90.0..=90.0).contains(&input.latitude) {
        v.add("latitude", Msg::Between(-90, 90));
    }
    if !(-180.0..=180.0).contains(&input.longitude) {
        v.add("longitude", Msg::Between(-180, 180));
    }
    // Ids exactly as sent, like the commune's own id in the path.
    let mut neighbours: Vec<String> = input.neighbours.clone();
    neighbours.sort();
    neighbours.dedup();
    if id.as_ref().is_some_and(|id| neighbours.contains(id)) {
        v.add("neighbours", Msg::InvalidValue);
    }
    v.finish()?;
    let (id, name) = (id.unwrap_or_default(), name.unwrap_or_default());
    let actor = acting.actor.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            for n in &neighbours {
                if !store::commune_exists(conn, n)? {
                    return Err(ApiError::field("neighbours", Msg::InvalidValue));
                }
            }
            let created = store::save_commune(
                conn,
                &id,
                &name,
                input.latitude,
                input.longitude,
                &neighbours,
            )?;
            record(
                conn,
                &actor,
                if created {
                    AuditAction::DuoCommuneCreated
                } else {
                    AuditAction::DuoCommuneUpdated
                },
                "commune",
                &id,
                json!({ "name": name, "neighbours": neighbours }),
            )?;
            let commune = all(conn)?
                .into_iter()
                .find(|c| c.id == id)
                .ok_or_else(|| anyhow::anyhow!("commune not read back"))?;
            Ok((commune, created))
        })
    })
    .await
}
