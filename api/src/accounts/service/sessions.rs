//! Sessions: signing in, renewing and ending a session, changing one's password. The handlers
//! (`accounts::http::auth`) read the request, call these and write the cookie and the token.

use std::time::Duration;

use serde_json::json;

use crate::accounts::store::refresh_tokens::RefreshTokenRow;
use crate::accounts::store::UserRow;
use crate::accounts::throttle::LoginThrottle;
use crate::accounts::{password, tokens};
use crate::audit::{self, Actor, AuditAction, AuditEvent};
use crate::db::{write_transaction, Db};
use crate::error::{ApiError, Validator};
use crate::http::auth::AuthUser;
use crate::i18n::Msg;

/// A session just started: the account as stored after it, and the refresh token to hand over.
#[derive(Debug)]
pub struct Session {
    pub user: UserRow,
    pub refresh_token: String,
}

/// Checks a password off the async workers (Argon2 takes tens of milliseconds). Without a
/// stored hash (unknown email) a dummy check takes the same time, so timing does not tell.
async fn verify_password(password: String, hash: Option<String>) -> Result<bool, ApiError> {
    actix_web::web::block(move || match hash {
        Some(hash) => password::verify(&password, &hash),
        None => {
            password::verify_dummy(&password);
            false
        }
    })
    .await
    .map_err(|e| anyhow::anyhow!("password check failed: {e}").into())
}

/// Signs in with an email and a password. Failed attempts count against the account
/// (`failures`: per account and address, checked before the password) and are audited with their reason, which the
/// caller never learns: every failure is `InvalidCredentials`.
pub async fn login(
    db: &Db,
    failures: &LoginThrottle,
    actor: Actor,
    ip: &str,
    email: &str,
    password: String,
    lifetime: Duration,
) -> Result<Session, ApiError> {
    let email = email.trim().to_lowercase();
    let mut v = Validator::new();
    if email.is_empty() {
        v.add("email", Msg::Required);
    }
    if password.is_empty() {
        v.add("password", Msg::Required);
    }
    v.finish()?;
    failures
        .check(&email, ip)
        .await
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;

    let lookup = email.clone();
    let user = db
        .run(move |conn| Ok(UserRow::find_by_email(conn, &lookup)?))
        .await?;
    let matches = verify_password(password, user.as_ref().map(|u| u.password_hash.clone())).await?;
    let user = match user {
        Some(user) if matches && user.active => user,
        other => {
            failures.failed(&email, ip).await;
            let reason = match &other {
                None => "unknown_email",
                Some(u) if !u.active => "inactive",
                Some(_) => "wrong_password",
            };
            let entity_id = other.map(|u| u.id);
            db.run(move |conn| {
                let event = AuditEvent {
                    action: AuditAction::AuthLoginFailed,
                    entity_type: "user",
                    entity_id,
                    details: json!({ "reason": reason }),
                };
                Ok(audit::record(conn, &actor, event)?)
            })
            .await?;
            return Err(ApiError::InvalidCredentials);
        }
    };
    failures.succeeded(&email, ip).await;
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let refresh_token = tokens::start(conn, &user.id, lifetime)?;
            UserRow::record_login(conn, &user.id)?;
            let actor = Actor {
                user_id: Some(user.uuid()?),
                ..actor
            };
            audit::record(
                conn,
                &actor,
                AuditEvent {
                    action: AuditAction::AuthLogin,
                    entity_type: "user",
                    entity_id: Some(user.id.clone()),
                    details: json!({}),
                },
            )?;
            let user = UserRow::get(conn, user.uuid()?)?;
            Ok(Session {
                user,
                refresh_token,
            })
        })
    })
    .await
}

/// Exchanges a refresh token for a new one (rotation). A token presented twice revokes its whole
/// family (theft detection, audited); that and an unknown token are `Unauthorized`.
pub async fn refresh(
    db: &Db,
    actor: Actor,
    presented: String,
    lifetime: Duration,
    grace: Duration,
) -> Result<Session, ApiError> {
    let outcome = db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let outcome = tokens::rotate(conn, &presented, lifetime, grace)?;
                if let tokens::Rotation::Reused { user_id, family_id } = &outcome {
                    audit::record(
                        conn,
                        &actor,
                        AuditEvent {
                            action: AuditAction::AuthRefreshReused,
                            entity_type: "user",
                            entity_id: Some(user_id.clone()),
                            details: json!({ "family": family_id, "effect": "family_revoked" }),
                        },
                    )?;
                }
                Ok(outcome)
            })
        })
        .await?;
    match outcome {
        tokens::Rotation::Rotated { user, token } => Ok(Session {
            user,
            refresh_token: token,
        }),
        tokens::Rotation::Reused { user_id, .. } => {
            tracing::warn!(%user_id, "refresh token reuse: session family revoked");
            Err(ApiError::Unauthorized)
        }
        tokens::Rotation::Invalid => Err(ApiError::Unauthorized),
    }
}

/// Ends the session of a refresh token (audited when there was one).
pub async fn logout(db: &Db, actor: Actor, presented: String) -> Result<(), ApiError> {
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            if let Some(user_id) = tokens::end(conn, &presented)? {
                let actor = Actor {
                    user_id: user_id.parse().ok(),
                    ..actor
                };
                audit::record(
                    conn,
                    &actor,
                    AuditEvent {
                        action: AuditAction::AuthLogout,
                        entity_type: "user",
                        entity_id: Some(user_id),
                        details: json!({}),
                    },
                )?;
            }
            Ok(())
        })
    })
    .await
}

/// Changes one's own password after checking the current one (failures count against the
/// account and the caller's address, `actor.ip`, like sign-in failures). Every session of the
/// account is revoked and a new one starts for the caller.
pub async fn change_password(
    db: &Db,
    failures: &LoginThrottle,
    actor: Actor,
    user: &AuthUser,
    current_password: String,
    new_password: String,
    lifetime: Duration,
) -> Result<Session, ApiError> {
    let mut v = Validator::new();
    if current_password.is_empty() {
        v.add("current_password", Msg::Required);
    }
    if let Err(msgs) = password::check_policy(&new_password, Some(&user.email)) {
        for m in msgs {
            v.add("new_password", m);
        }
    }
    v.finish()?;
    let ip = actor.ip.clone().unwrap_or_default();
    let ip = ip.as_str();
    failures
        .check(&user.email, ip)
        .await
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;
    let id = user.id;
    let row = db.run(move |conn| UserRow::get(conn, id)).await?;
    if !verify_password(current_password, Some(row.password_hash.clone())).await? {
        failures.failed(&user.email, ip).await;
        return Err(ApiError::field(
            "current_password",
            Msg::WrongCurrentPassword,
        ));
    }
    let hash = actix_web::web::block(move || password::hash(&new_password))
        .await
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))??;
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            UserRow::set_password(conn, &row.id, &hash)?;
            RefreshTokenRow::revoke_all_for_user(conn, &row.id)?;
            let refresh_token = tokens::start(conn, &row.id, lifetime)?;
            audit::record(
                conn,
                &actor,
                AuditEvent {
                    action: AuditAction::AuthPasswordChanged,
                    entity_type: "user",
                    entity_id: Some(row.id.clone()),
                    details: json!({ "sessions_revoked": true }),
                },
            )?;
            Ok(Session {
                user: UserRow::get(conn, row.uuid()?)?,
                refresh_token,
            })
        })
    })
    .await
}
