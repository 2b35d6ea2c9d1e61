//! The client credentials grant: a client's id and secret for a short-lived partner token.

use serde_json::json;
use shared::partners::OAuthToken;

use crate::audit::{self, Actor, AuditAction, AuditEvent};
use crate::db::{write_transaction, DbConnection};
use crate::error::ApiError;
use crate::http::partner::PartnerKeys;
use crate::partners::domain::{self, StoredSecrets, TokenError, TokenRequest, TOKEN_TTL_SECS};
use crate::partners::store;

/// Checks the client and issues a token; a refusal is the RFC 6749 error to answer (and is in
/// the audit log, with the client id it named).
pub fn issue(
    conn: &mut DbConnection,
    keys: &PartnerKeys,
    request: &TokenRequest,
    actor: &Actor,
) -> Result<Result<OAuthToken, TokenError>, ApiError> {
    write_transaction(conn, |conn| {
        let now = crate::db::now();
        let client = store::find_client(conn, &request.client_id)?;
        let outcome = match &client {
            None => {
                // The same work as for a known client, so timing tells nothing.
                let _ = domain::secret_hash(&request.client_secret);
                Err(TokenError::InvalidClient)
            }
            Some(c) => {
                let stored = StoredSecrets {
                    current: &c.secret_hash,
                    previous: c.previous_secret_hash.as_deref(),
                    previous_valid_until: c.previous_valid_until,
                };
                if c.revoked_at.is_some()
                    || !domain::secret_accepted(&request.client_secret, &stored, now)
                {
                    Err(TokenError::InvalidClient)
                } else {
                    domain::narrow_scopes(&c.scopes.0, request.scope.as_deref())
                }
            }
        };
        let (client, scopes) = match (client, outcome) {
            (Some(c), Ok(scopes)) => (c, scopes),
            (_, Err(e)) => {
                audit::record(
                    conn,
                    actor,
                    AuditEvent {
                        action: AuditAction::PartnerTokenRefused,
                        entity_type: "api_client",
                        entity_id: Some(request.client_id.chars().take(80).collect()),
                        details: json!({ "error": e.code() }),
                    },
                )?;
                return Ok(Err(e));
            }
            (None, Ok(_)) => return Ok(Err(TokenError::InvalidClient)),
        };
        let scope = domain::scope_string(&scopes);
        let token = keys.issue(&client.id, &client.organisation_id, &scope, TOKEN_TTL_SECS)?;
        store::touch_client(conn, &client.id, now)?;
        audit::record(
            conn,
            actor,
            AuditEvent {
                action: AuditAction::PartnerTokenIssued,
                entity_type: "api_client",
                entity_id: Some(client.id.clone()),
                details: json!({ "organisation_id": client.organisation_id, "scope": scope }),
            },
        )?;
        Ok(Ok(OAuthToken {
            access_token: token,
            token_type: "Bearer".into(),
            expires_in: TOKEN_TTL_SECS,
            scope,
        }))
    })
}
