//! The meetings a duo reports; they feed the health of active duos.

use serde_json::json;
use shared::duo::{CheckIn, CheckInInput, DuoStatus};
use uuid::Uuid;

use super::{today, visible_duo, Acting};
use crate::audit::audit_event as record;
use crate::audit::AuditAction;
use crate::db::{stored_id as uuid, write_transaction, Db};
use crate::duo::store::CheckInRow;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::{optional_text, required_text};

fn view(c: &CheckInRow) -> Result<CheckIn, ApiError> {
    Ok(CheckIn {
        id: uuid(&c.id)?,
        met_on: c.met_on,
        activity: c.activity.clone(),
        duration_minutes: c.duration_minutes,
        reported_by: c.reported_by,
        satisfaction_newcomer: c.satisfaction_newcomer,
        satisfaction_local: c.satisfaction_local,
        notes: c.notes.clone(),
    })
}

/// The duo's reported meetings, newest first (coaches: duos of the people they accompany).
pub async fn list(db: &Db, coach: Option<String>, id: Uuid) -> Result<Vec<CheckIn>, ApiError> {
    db.run(move |conn| {
        let d = visible_duo(conn, coach.as_deref(), id)?;
        CheckInRow::for_duos(conn, &[d.id])?
            .iter()
            .map(view)
            .collect()
    })
    .await
}

/// Reports a meeting of a duo that has met and not ended (coaches: duos of the people they
/// accompany).
pub async fn add(db: &Db, acting: &Acting, id: Uuid, c: CheckInInput) -> Result<CheckIn, ApiError> {
    let coach = acting.coach.clone();
    let d = db
        .run(move |conn| visible_duo(conn, coach.as_deref(), id))
        .await?;
    let mut v = Validator::new();
    let activity = v.check("activity", required_text(&c.activity, 300));
    let notes = v
        .check("notes", optional_text(c.notes.as_deref(), 2000))
        .flatten();
    if c.met_on > today() {
        v.add("met_on", Msg::InvalidValue);
    }
    if c.duration_minutes
        .is_some_and(|m| !(1..=24 * 60).contains(&m))
    {
        v.add("duration_minutes", Msg::InvalidValue);
    }
    for (f, s) in [
        ("satisfaction_newcomer", c.satisfaction_newcomer),
        ("satisfaction_local", c.satisfaction_local),
    ] {
        if s.is_some_and(|s| !(1..=5).contains(&s)) {
            v.add(f, Msg::InvalidValue);
        }
    }
    if !matches!(
        d.status,
        DuoStatus::Introduced | DuoStatus::Active | DuoStatus::Paused
    ) {
        v.add("duo", Msg::InvalidValue);
    }
    v.finish()?;
    let actor = acting.actor.clone();
    let row = CheckInRow {
        id: Uuid::now_v7().to_string(),
        duo_id: d.id.clone(),
        met_on: c.met_on,
        activity: activity.unwrap_or_default(),
        duration_minutes: c.duration_minutes,
        reported_by: c.reported_by,
        satisfaction_newcomer: c.satisfaction_newcomer,
        satisfaction_local: c.satisfaction_local,
        notes,
        created_by: acting.by(),
        created_at: crate::db::now(),
    };
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            row.insert(conn)?;
            crate::people::store::touch(conn, &d.newcomer_id)?;
            crate::people::store::touch(conn, &d.local_id)?;
            record(
                conn,
                &actor,
                AuditAction::DuoCheckIn,
                "duo",
                &d.id,
                json!({ "check_in": row.id, "met_on": row.met_on }),
            )?;
            view(&row)
        })
    })
    .await
}
