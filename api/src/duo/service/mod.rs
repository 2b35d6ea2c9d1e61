//! Duo2Change rules, transactions and effects. Handlers, the demo loader and the CLI call
//! these functions; they never depend on a handler. Object-level visibility (a coach sees
//! the candidacies and duos of the people they accompany) is decided here, in one place.

pub mod assessments;
pub mod blocks;
pub mod candidacies;
pub mod check_ins;
pub mod communes;
pub mod duos;
pub mod feedback;
pub mod follow_ups;
pub mod matching;
pub mod settings;

use chrono::{NaiveDate, Utc};
use chrono_tz::Europe::Brussels;
use shared::auth::Role;
use uuid::Uuid;

use crate::audit::Actor;
use crate::db::DbConnection;
use crate::duo::store::{CandidacyRow, DuoRow};
use crate::error::ApiError;
use crate::http::context::Ctx;
use crate::people::store::is_coached_by;

/// Who acts through the service: the audit actor, the staff member recorded on the rows, and
/// for coaches the people they accompany (everything else is out of their sight).
#[derive(Debug, Clone)]
pub struct Acting {
    pub actor: Actor,
    pub user_id: Uuid,
    /// The coach's own id when the role sees only the people it accompanies.
    pub coach: Option<String>,
}

impl Acting {
    pub fn new(actor: Actor, user_id: Uuid, role: Role) -> Acting {
        Acting {
            actor,
            user_id,
            coach: matches!(role, Role::Coach | Role::Mentor).then(|| user_id.to_string()),
        }
    }

    /// The staff id stored in `created_by`, `recorded_by` and the like.
    pub fn by(&self) -> Option<String> {
        Some(self.user_id.to_string())
    }
}

impl From<&Ctx> for Acting {
    fn from(ctx: &Ctx) -> Acting {
        Acting::new(ctx.actor.clone(), ctx.user.id, ctx.user.role)
    }
}

/// Today in Brussels, where the team works.
pub fn today() -> NaiveDate {
    brussels_day(Utc::now())
}

/// The day in Brussels at an instant: between 22:00 or 23:00 UTC and midnight it is already
/// tomorrow there (a check-in dated "today" by the web app was refused as future before).
pub fn brussels_day(at: chrono::DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Brussels).date_naive()
}

/// A duo the coach may see (any duo for other roles); others are not found.
pub(crate) fn visible_duo(
    conn: &mut DbConnection,
    coach: Option<&str>,
    id: Uuid,
) -> Result<DuoRow, ApiError> {
    let d = DuoRow::get(conn, &id.to_string())?;
    if let Some(coach) = coach {
        if !is_coached_by(conn, &d.newcomer_id, coach)? && !is_coached_by(conn, &d.local_id, coach)?
        {
            return Err(ApiError::NotFound);
        }
    }
    Ok(d)
}

/// A candidacy the coach may see (any for other roles); others are not found.
pub(crate) fn visible_candidacy(
    conn: &mut DbConnection,
    coach: Option<&str>,
    id: Uuid,
) -> Result<CandidacyRow, ApiError> {
    let c = CandidacyRow::get(conn, &id.to_string())?;
    if let Some(coach) = coach {
        if !is_coached_by(conn, &c.person_id, coach)? {
            return Err(ApiError::NotFound);
        }
    }
    Ok(c)
}

/// Sorted ids without repeats, for the name look-ups.
fn unique(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = ids.into_iter().collect();
    v.sort();
    v.dedup();
    v
}

#[cfg(test)]
mod day_tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_brussels() {
        let at = Utc
            .with_ymd_and_hms(2026, 12, 6, 23, 30, 0)
            .single()
            .expect("a valid instant");
        assert_eq!(
            super::brussels_day(at),
            NaiveDate::from_ymd_opt(2026, 12, 7).expect("a date")
        );
        let summer = Utc
            .with_ymd_and_hms(2026, 7, 1, 22, 15, 0)
            .single()
            .expect("a valid instant");
        assert_eq!(
            super::brussels_day(summer),
            NaiveDate::from_ymd_opt(2026, 7, 2).expect("a date")
        );
    }
}
