//! InterLab's use cases: one function per change, each in one write transaction with its audit
//! entry. Object-level visibility (a coach sees the entrepreneurs they accompany, through the
//! people feature's coach relation) is decided here, in one place.

pub mod applications;
pub mod cohort_activities;
pub mod cohorts;
pub mod diagnostics;
pub mod entrepreneurs;
pub mod meetings;
pub mod mentors;
pub mod mentorships;
pub mod office_hours;
pub mod outcomes;
pub mod path;
pub mod suggestions;
pub mod vocabulary;

use shared::auth::Role;
use shared::Lang;
use uuid::Uuid;

use crate::accounts::store::UserRow;
use crate::audit::Actor;
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::http::context::Ctx;
use crate::i18n::Msg;
use crate::interlab::store::EntrepreneurRow;
use crate::people::store::is_coached_by;

/// Who acts through the service: the audit actor, the staff id written on rows, the coach's (or
/// mentor's) own account id when the role sees only the people it accompanies, and the language
/// of the answer.
#[derive(Debug, Clone)]
pub struct Acting {
    pub actor: Actor,
    pub user_id: Uuid,
    pub role: Role,
    pub coach: Option<String>,
    pub lang: Lang,
}

impl Acting {
    pub fn new(actor: Actor, user_id: Uuid, role: Role, lang: Lang) -> Acting {
        Acting {
            actor,
            user_id,
            role,
            coach: matches!(role, Role::Coach | Role::Mentor).then(|| user_id.to_string()),
            lang,
        }
    }
}

impl From<&Ctx> for Acting {
    fn from(ctx: &Ctx) -> Acting {
        Acting::new(ctx.actor.clone(), ctx.user.id, ctx.user.role, ctx.lang)
    }
}

/// An entrepreneur the coach accompanies, or a mentor's account accompanies in an active
/// mentoring relation (any for other roles); others are not found.
pub(crate) fn visible_entrepreneur(
    conn: &mut DbConnection,
    coach: Option<&str>,
    id: Uuid,
) -> Result<EntrepreneurRow, ApiError> {
    let e = EntrepreneurRow::find(conn, &id.to_string())?.ok_or(ApiError::NotFound)?;
    if let Some(coach) = coach {
        if !is_coached_by(conn, &e.person_id, coach)?
            && !crate::interlab::store::mentoring::is_mentored_by(conn, &e.id, coach)?
        {
            return Err(ApiError::NotFound);
        }
    }
    Ok(e)
}

/// An active staff account, to accompany an entrepreneur.
fn check_coach(conn: &mut DbConnection, field: &str, id: Uuid) -> Result<(), ApiError> {
    match UserRow::find(conn, id)? {
        Some(u) if u.active => Ok(()),
        _ => Err(ApiError::field(field, Msg::NotACoach)),
    }
}

/// Today in Brussels, where the team works.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Brussels)
        .date_naive()
}

/// Sorted ids without repeats, for the name look-ups.
fn unique(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = ids.into_iter().collect();
    v.sort();
    v.dedup();
    v
}
