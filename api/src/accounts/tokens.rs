//! Sessions: opaque refresh tokens, stored only as SHA-256 hashes, rotated on every use. A
//! token presented twice means it was stolen (or replayed): the whole family is revoked, unless
//! the second use comes within a short grace period after the first (two tabs of one browser
//! refreshing at the same moment), which gets another token of the same family.

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
pub(crate) fn generate() -> (String, String) {
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

/// Whether a token first used at `used_at` (and not revoked since) may still be exchanged at
/// `now`: within `grace` of its first use.
pub fn within_grace(
    used_at: Option<chrono::NaiveDateTime>,
    revoked: bool,
    now: chrono::NaiveDateTime,
    grace: Duration,
) -> bool {
    !revoked && used_at.is_some_and(|used| now - used <= ttl(grace) && used <= now)
}

/// Exchanges a refresh token for a new one of the same family. A token already exchanged is
/// exchanged again within `grace` of its first use (another tab's refresh at the same moment);
/// later, its reuse revokes the family.
pub fn rotate(
    conn: &mut DbConnection,
    presented: &str,
    lifetime: Duration,
    grace: Duration,
) -> Result<Rotation, ApiError> {
    let Some(row) = RefreshTokenRow::find_by_hash(conn, &hash(presented))? else {
        return Ok(Rotation::Invalid);
    };
    let now = db::now();
    // Revoked but never used (sign-out, password change, deactivation): simply invalid.
    if row.used_at.is_none() && row.revoked_at.is_some() {
        return Ok(Rotation::Invalid);
    }
    let claimed = row.used_at.is_none() && RefreshTokenRow::claim(conn, &row.id, now)?;
    if !claimed {
        // Used before. A concurrent refresh may have claimed it a moment ago: read it again.
        let used = RefreshTokenRow::find_by_hash(conn, &row.token_hash)?;
        let used = used.as_ref().unwrap_or(&row);
        if !within_grace(used.used_at, used.revoked_at.is_some(), now, grace) {
            // Someone replays a rotated token. Revoke the family.
            RefreshTokenRow::revoke_family(conn, &row.family_id)?;
            return Ok(Rotation::Reused {
                user_id: row.user_id,
                family_id: row.family_id,
            });
        }
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
    fn a_used_token_is_accepted_again_only_within_the_grace_period() {
        let used = chrono::NaiveDate::from_ymd_opt(2026, 12, 6)
            .and_then(|d| d.and_hms_opt(18, 0, 0))
            .expect("date");
        let grace = Duration::from_secs(30);
        let at = |s: i64| used + chrono::Duration::seconds(s);
        assert!(within_grace(Some(used), false, at(0), grace));
        assert!(within_grace(Some(used), false, at(30), grace));
        assert!(!within_grace(Some(used), false, at(31), grace));
        assert!(
            !within_grace(Some(used), true, at(1), grace),
            "revoked since"
        );
        assert!(!within_grace(None, false, at(1), grace));
    }

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
