//! Password links: "forgot my password" (the same answer whoever the address belongs to) and
//! an administrator's reset or invitation link for a colleague; following one sets a new
//! password and ends every session of the account.

use serde_json::json;
use shared::notifications::NotificationStatus;
use shared::users::PasswordLinkPurpose;
use shared::Lang;
use uuid::Uuid;

use crate::accounts::domain::{link_lifetime, RESETS_PER_HOUR};
use crate::accounts::store::password_links::{self as links, PasswordLinkRow};
use crate::accounts::store::refresh_tokens::RefreshTokenRow;
use crate::accounts::store::UserRow;
use crate::accounts::{password, tokens};
use crate::audit::{self, Actor, AuditAction, AuditEvent};
use crate::db::{write_transaction, Db, DbConnection};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;

/// A link just made: its row, and the token when it is handed over rather than emailed.
#[derive(Debug)]
pub struct NewLink {
    pub row: PasswordLinkRow,
    pub token: Option<String>,
}

/// Stores a new link for `user`, ending the account's older ones. `email`: the worker sends
/// it (the token stays until then); otherwise the token is returned and never stored.
fn make_link(
    conn: &mut DbConnection,
    user: &UserRow,
    purpose: PasswordLinkPurpose,
    lang: Lang,
    email: bool,
    created_by: Option<String>,
) -> Result<NewLink, ApiError> {
    links::void_open(conn, &user.id)?;
    let (token, token_hash) = tokens::generate();
    let now = crate::db::now();
    let row = PasswordLinkRow {
        id: Uuid::now_v7().to_string(),
        user_id: user.id.clone(),
        purpose,
        token_hash,
        token: email.then(|| token.clone()),
        lang: lang.code().to_owned(),
        status: if email {
            NotificationStatus::Pending
        } else {
            NotificationStatus::Done
        },
        attempts: 0,
        next_attempt_at: now,
        claimed_by: None,
        lease_until: None,
        created_by,
        created_at: now,
        expires_at: now + link_lifetime(purpose),
        used_at: None,
    };
    row.insert(conn)?;
    Ok(NewLink {
        row,
        token: (!email).then_some(token),
    })
}

/// "Forgot my password": when `email` is an active account's and a mail server is configured,
/// a reset link goes out by email (at most [`RESETS_PER_HOUR`] an hour). The caller learns
/// nothing either way: the answer does not depend on the address.
pub async fn request_reset(
    db: &Db,
    actor: Actor,
    email: &str,
    lang: Lang,
    mail_enabled: bool,
) -> Result<(), ApiError> {
    let email = email.trim().to_lowercase();
    if email.is_empty() {
        return Err(ApiError::field("email", Msg::Required));
    }
    if !mail_enabled {
        return Ok(());
    }
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let Some(user) = UserRow::find_by_email(conn, &email)? else {
                return Ok(());
            };
            let hour_ago = crate::db::now() - chrono::Duration::hours(1);
            if !user.active || links::count_since(conn, &user.id, hour_ago)? >= RESETS_PER_HOUR {
                return Ok(());
            }
            make_link(conn, &user, PasswordLinkPurpose::Reset, lang, true, None)?;
            audit::record(
                conn,
                &actor,
                AuditEvent {
                    action: AuditAction::AuthPasswordResetRequested,
                    entity_type: "user",
                    entity_id: Some(user.id.clone()),
                    details: json!({}),
                },
            )?;
            Ok(())
        })
    })
    .await
}

/// An administrator's reset or invitation link for an active account: emailed when a mail
/// server is configured, else returned to be passed on.
pub async fn create_link(
    db: &Db,
    actor: Actor,
    user_id: Uuid,
    purpose: PasswordLinkPurpose,
    lang: Lang,
    mail_enabled: bool,
) -> Result<NewLink, ApiError> {
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let user = UserRow::get(conn, user_id)?;
            if !user.active {
                return Err(ApiError::Conflict {
                    msg: Msg::InvalidValue,
                    field: Some("active"),
                });
            }
            let by = actor.user_id.map(|u| u.to_string());
            let link = make_link(conn, &user, purpose, lang, mail_enabled, by)?;
            audit::record(
                conn,
                &actor,
                AuditEvent {
                    action: AuditAction::UserPasswordLinkCreated,
                    entity_type: "user",
                    entity_id: Some(user.id.clone()),
                    details: json!({ "purpose": purpose, "emailed": mail_enabled }),
                },
            )?;
            Ok(link)
        })
    })
    .await
}

/// Follows a link: sets the new password (policy checked), uses the link up and ends every
/// session of the account (refresh and access tokens). An unknown, used or expired link, or
/// one of an account deactivated since, is a field error on `token`.
pub async fn reset_password(
    db: &Db,
    actor: Actor,
    token: &str,
    new_password: String,
) -> Result<(), ApiError> {
    let token_hash = tokens::hash(token.trim());
    let (link, user) = db
        .run(move |conn| {
            let Some(link) = links::find_open(conn, &token_hash)? else {
                return Ok(None);
            };
            let user = UserRow::find(conn, crate::db::stored_id(&link.user_id)?)?;
            Ok(user.filter(|u| u.active).map(|u| (link, u)))
        })
        .await?
        .ok_or_else(|| ApiError::field("token", Msg::LinkExpired))?;
    let mut v = Validator::new();
    if let Err(msgs) = password::check_policy(&new_password, Some(&user.email)) {
        for m in msgs {
            v.add("new_password", m);
        }
    }
    v.finish()?;
    let hash = actix_web::web::block(move || password::hash(&new_password))
        .await
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))??;
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            if links::use_up(conn, &link.id, &user.id)? != 1 {
                return Err(ApiError::field("token", Msg::LinkExpired));
            }
            UserRow::set_password(conn, &user.id, &hash)?;
            let revoked = RefreshTokenRow::revoke_all_for_user(conn, &user.id)?;
            let actor = Actor {
                user_id: Some(user.uuid()?),
                ..actor
            };
            audit::record(
                conn,
                &actor,
                AuditEvent {
                    action: AuditAction::AuthPasswordReset,
                    entity_type: "user",
                    entity_id: Some(user.id.clone()),
                    details: json!({ "purpose": link.purpose, "sessions_revoked": revoked }),
                },
            )?;
            Ok(())
        })
    })
    .await
}
