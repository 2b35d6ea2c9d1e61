//! Sessions: opaque refresh tokens, stored only as SHA-256 hashes, rotated on every use. A
//! token presented twice means it was stolen (or replayed): the whole family is revoked.

use std::time::Duration;

use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::accounts::store::refresh_tokens::RefreshTokenRow;
use crate::accounts::store::UserRow;
use crate::db::{self, DbConnection};
use crate::error::ApiError;

/// A fresh random token (256 bits, URL-safe) and its hash.
fn generate() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash(&token);
    (token, hash)
}

pub fn hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn ttl(ttl: Duration) -> chrono::Duration {
    chrono::Duration::from_std(ttl).unwrap_or_else(|_| chrono::Duration::days(30))
}

/// Starts a new family for `user_id` (a sign-in); returns the token to hand to the client.
pub fn start(
    conn: &mut DbConnection,
    user_id: &str,
    lifetime: Duration,
) -> Result<String, ApiError> {
    issue(conn, user_id, &Uuid::now_v7().to_string(), lifetime)
}

fn issue(
    conn: &mut DbConnection,
    user_id: &str,
    family_id: &str,
    lifetime: Duration,
) -> Result<String, ApiError> {
    let (token, token_hash) = generate();
    let now = db::now();
    RefreshTokenRow {
        id: Uuid::now_v7().to_string(),
        family_id: family_id.to_owned(),
        user_id: user_id.to_owned(),
        token_hash,
        created_at: now,
        expires_at: now + ttl(lifetime),
        used_at: None,
        revoked_at: None,
    }
    .insert(conn)?;
    Ok(token)
}

/// What presenting a refresh token led to.
pub enum Rotation {
    /// Valid: here are the user and the token that replaces the presented one.
    Rotated { user: UserRow, token: String },
    /// Already used or revoked: the family is now revoked.
    Reused { user_id: String, family_id: String },
    /// Unknown, expired, or its account is inactive.
    Invalid,
}

/// Exchanges a refresh token for a new one of the same family.
pub fn rotate(
    conn: &mut DbConnection,
    presented: &str,
    lifetime: Duration,
) -> Result<Rotation, ApiError> {
    let Some(row) = RefreshTokenRow::find_by_hash(conn, &hash(presented))? else {
        return Ok(Rotation::Invalid);
    };
    let now = db::now();
    // Revoked but never used (sign-out, password change, deactivation): simply invalid.
    if row.used_at.is_none() && row.revoked_at.is_some() {
        return Ok(Rotation::Invalid);
    }
    // Used before: someone replays a rotated token. Revoke the family.
    if row.used_at.is_some() || !RefreshTokenRow::claim(conn, &row.id, now)? {
        RefreshTokenRow::revoke_family(conn, &row.family_id)?;
        return Ok(Rotation::Reused {
            user_id: row.user_id,
            family_id: row.family_id,
        });
    }
    if row.expires_at <= now {
        return Ok(Rotation::Invalid);
    }
    let user = match UserRow::find(
        conn,
        row.user_id.parse().map_err(|_| ApiError::Unauthorized)?,
    )? {
        Some(user) if user.active => user,
        _ => {
            RefreshTokenRow::revoke_family(conn, &row.family_id)?;
            return Ok(Rotation::Invalid);
        }
    };
    let token = issue(conn, &user.id, &row.family_id, lifetime)?;
    Ok(Rotation::Rotated { user, token })
}

/// Ends the session the token belongs to (sign-out). Unknown tokens are ignored.
pub fn end(conn: &mut DbConnection, presented: &str) -> Result<Option<String>, ApiError> {
    let Some(row) = RefreshTokenRow::find_by_hash(conn, &hash(presented))? else {
        return Ok(None);
    };
    RefreshTokenRow::revoke_family(conn, &row.family_id)?;
    Ok(Some(row.user_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, ha) = generate();
        let (b, _) = generate();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(ha, hash(&a));
        assert_eq!(ha.len(), 64);
        assert_ne!(ha, a);
    }
}
