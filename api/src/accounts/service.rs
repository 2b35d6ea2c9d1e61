//! Staff accounts: creating and changing them, for the admin screens and the CLI alike.

use serde_json::json;
use shared::auth::Role;
use shared::users::{CreateUser, UpdateUser};
use uuid::Uuid;

use crate::accounts::domain::{DisplayName, Email};
use crate::accounts::password;
use crate::accounts::store::refresh_tokens::RefreshTokenRow;
use crate::accounts::store::UserRow;
use crate::audit::{self, Actor, AuditAction, AuditEvent};
use crate::db::{write_transaction, Db};
use crate::error::{ApiError, UniqueViolationExt, Validator};
use crate::i18n::Msg;

mod password_links;
mod sessions;
pub use password_links::{create_link, request_reset, reset_password, NewLink};
pub use sessions::{change_password, login, logout, refresh, Session};

/// Where an account was created from, kept in the audit entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Api,
    Cli,
}

/// Creates a staff account after checking the email, the name and the password policy (all
/// field errors at once); 409 on `email` when the address is taken. Without a password the
/// account gets a random one nobody knows: its owner chooses theirs through an invitation link.
pub async fn create_user(
    db: &Db,
    actor: Actor,
    input: CreateUser,
    via: Via,
) -> Result<UserRow, ApiError> {
    let CreateUser {
        email,
        display_name,
        role,
        password: new_password,
    } = input;
    let mut v = Validator::new();
    let email = v.check("email", Email::parse(&email));
    let name = v.check("display_name", DisplayName::parse(&display_name));
    let new_password = match new_password {
        Some(p) => {
            if let Err(msgs) = password::check_policy(&p, email.as_ref().map(Email::as_str)) {
                for m in msgs {
                    v.add("password", m);
                }
            }
            p
        }
        None => crate::accounts::tokens::generate().0,
    };
    v.finish()?;
    let (Some(email), Some(name)) = (email, name) else {
        return Err(anyhow::anyhow!("validated fields missing").into());
    };
    // Argon2 takes tens of milliseconds: off the async workers.
    let hash = actix_web::web::block(move || password::hash(&new_password))
        .await
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))??;
    let row = UserRow::new(email.into_inner(), name.into_inner(), role, hash);
    let details = match via {
        Via::Api => json!({ "role": role.as_str() }),
        Via::Cli => json!({ "role": role.as_str(), "via": "cli" }),
    };
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            row.insert(conn)
                .on_unique_violation("email", Msg::EmailTaken)?;
            audit::record(
                conn,
                &actor,
                AuditEvent {
                    action: AuditAction::UserCreated,
                    entity_type: "user",
                    entity_id: Some(row.id.clone()),
                    details,
                },
            )?;
            Ok(row)
        })
    })
    .await
}

pub async fn get_user(db: &Db, id: Uuid) -> Result<UserRow, ApiError> {
    db.run(move |conn| UserRow::get(conn, id)).await
}

/// Changes a name, role or active flag. Deactivating revokes every session at once; the last
/// active administrator can be neither demoted nor deactivated.
pub async fn update_user(
    db: &Db,
    actor: Actor,
    id: Uuid,
    changes: UpdateUser,
) -> Result<UserRow, ApiError> {
    let mut v = Validator::new();
    let name = match &changes.display_name {
        Some(n) => v.check("display_name", DisplayName::parse(n)),
        None => None,
    };
    v.finish()?;
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            // Two admins demoting each other at once must not leave no admin.
            crate::db::lock_rows(
                conn,
                "SELECT id FROM users WHERE role = $1 AND active FOR UPDATE",
                Role::Admin.as_str(),
            )?;
            let mut row = UserRow::get(conn, id)?;
            let was_active_admin = row.active && row.role == Role::Admin;
            let mut changed = Vec::new();
            if let Some(name) = name.map(DisplayName::into_inner) {
                if name != row.display_name {
                    row.display_name = name;
                    changed.push("display_name");
                }
            }
            if let Some(role) = changes.role {
                if role != row.role {
                    row.role = role;
                    changed.push("role");
                }
            }
            let deactivated = changes.active == Some(false) && row.active;
            if let Some(active) = changes.active {
                if active != row.active {
                    row.active = active;
                    changed.push("active");
                }
            }
            let still_active_admin = row.active && row.role == Role::Admin;
            if was_active_admin && !still_active_admin && UserRow::count_active_admins(conn)? <= 1 {
                return Err(ApiError::Conflict {
                    msg: Msg::LastAdmin,
                    field: None,
                });
            }
            if changed.is_empty() {
                return Ok(row);
            }
            row.save_profile(conn)?;
            if deactivated {
                RefreshTokenRow::revoke_all_for_user(conn, &row.id)?;
                UserRow::revoke_access_tokens(conn, &row.id)?;
            }
            audit::record(
                conn,
                &actor,
                AuditEvent {
                    action: AuditAction::UserUpdated,
                    entity_type: "user",
                    entity_id: Some(row.id.clone()),
                    details: json!({
                        "changed": changed,
                        "role": row.role,
                        "active": row.active,
                        "sessions_revoked": deactivated,
                    }),
                },
            )?;
            Ok(row)
        })
    })
    .await
}
