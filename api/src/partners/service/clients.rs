//! API clients of an organisation: creation (the secret shown once), rotation with a grace
//! period, revocation.

use serde_json::json;
use shared::partners::ApiClientInput;

use crate::audit::{self, Actor, AuditAction, AuditEvent};
use crate::db::{write_transaction, DbConnection, JsonText};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::partners::domain::{self, NAME_MAX, ROTATION_GRACE};
use crate::partners::store::{self, ClientRow};
use crate::people::domain::required_text;

pub fn list(conn: &mut DbConnection, organisation_id: &str) -> Result<Vec<ClientRow>, ApiError> {
    store::find(conn, organisation_id)?.ok_or(ApiError::NotFound)?;
    Ok(store::clients_of(conn, organisation_id)?)
}

/// The client of `organisation_id` named `client_id` (404 for another organisation's).
fn client_of(
    conn: &mut DbConnection,
    organisation_id: &str,
    client_id: &str,
) -> Result<ClientRow, ApiError> {
    store::find_client(conn, client_id)?
        .filter(|c| c.organisation_id == organisation_id)
        .ok_or(ApiError::NotFound)
}

/// Creates a client; returns it with its secret, which is not kept.
pub fn create(
    conn: &mut DbConnection,
    organisation_id: &str,
    input: &ApiClientInput,
    actor: &Actor,
) -> Result<(ClientRow, String), ApiError> {
    let mut v = Validator::new();
    let name = v.check("name", required_text(&input.name, NAME_MAX));
    let scopes = match domain::parse_scopes(&input.scopes) {
        Ok(s) => Some(s),
        Err(_) => {
            v.add("scopes", Msg::Required);
            None
        }
    };
    v.finish()?;
    let (Some(name), Some(scopes)) = (name, scopes) else {
        return Err(anyhow::anyhow!("validated client fields missing").into());
    };
    let secret = domain::new_secret();
    write_transaction(conn, |conn| {
        store::find(conn, organisation_id)?.ok_or(ApiError::NotFound)?;
        let row = ClientRow {
            id: domain::new_client_id(),
            organisation_id: organisation_id.to_owned(),
            name,
            scopes: JsonText(scopes),
            secret_hash: domain::secret_hash(&secret),
            previous_secret_hash: None,
            previous_valid_until: None,
            revoked_at: None,
            last_used_at: None,
            created_by: actor.user_id.map(|u| u.to_string()),
            created_at: crate::db::now(),
        };
        row.insert(conn)?;
        audit::record(
            conn,
            actor,
            AuditEvent {
                action: AuditAction::ApiClientCreated,
                entity_type: "api_client",
                entity_id: Some(row.id.clone()),
                details: json!({
                    "organisation_id": organisation_id,
                    "name": row.name,
                    "scopes": row.scopes.0,
                }),
            },
        )?;
        Ok((row, secret.clone()))
    })
}

/// A new secret; the previous one keeps working for [`ROTATION_GRACE`].
pub fn rotate(
    conn: &mut DbConnection,
    organisation_id: &str,
    client_id: &str,
    actor: &Actor,
) -> Result<(ClientRow, String), ApiError> {
    let secret = domain::new_secret();
    write_transaction(conn, |conn| {
        let row = client_of(conn, organisation_id, client_id)?;
        if row.revoked_at.is_some() {
            return Err(ApiError::Conflict {
                msg: Msg::ClientRevoked,
                field: None,
            });
        }
        let until = crate::db::now() + ROTATION_GRACE;
        store::rotate_secret(
            conn,
            client_id,
            &row.secret_hash,
            &domain::secret_hash(&secret),
            until,
        )?;
        audit::record(
            conn,
            actor,
            AuditEvent {
                action: AuditAction::ApiClientRotated,
                entity_type: "api_client",
                entity_id: Some(row.id.clone()),
                details: json!({ "organisation_id": organisation_id, "previous_valid_until": until }),
            },
        )?;
        let row = client_of(conn, organisation_id, client_id)?;
        Ok((row, secret.clone()))
    })
}

/// Revokes a client: its secrets and tokens stop working at once.
pub fn revoke(
    conn: &mut DbConnection,
    organisation_id: &str,
    client_id: &str,
    actor: &Actor,
) -> Result<ClientRow, ApiError> {
    write_transaction(conn, |conn| {
        let row = client_of(conn, organisation_id, client_id)?;
        if store::revoke(conn, client_id, crate::db::now())? > 0 {
            audit::record(
                conn,
                actor,
                AuditEvent {
                    action: AuditAction::ApiClientRevoked,
                    entity_type: "api_client",
                    entity_id: Some(row.id.clone()),
                    details: json!({ "organisation_id": organisation_id }),
                },
            )?;
        }
        client_of(conn, organisation_id, client_id)
    })
}
