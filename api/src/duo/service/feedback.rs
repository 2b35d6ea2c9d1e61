//! The trial meeting's feedback from both sides. After the introduction each side says (to a
//! staff member, who records it) whether they want to continue and how it went; a coordinator
//! then confirms the duo or declines it. Nothing is decided automatically.

use std::collections::HashMap;

use serde_json::json;
use shared::duo::{ContinueWish, DuoStatus, TrialFeedback, TrialFeedbackInput};
use shared::people::Category;
use uuid::Uuid;

use super::{today, unique, visible_duo, Acting};
use crate::audit::audit_event as record;
use crate::audit::AuditAction;
use crate::db::stored_id as uuid;
use crate::db::{lock_rows, write_transaction, Db, DbConnection};
use crate::duo::store::feedback::{staff_names, FeedbackRow};
use crate::duo::store::DuoRow;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::optional_text;

fn view(r: &FeedbackRow, staff: &HashMap<String, String>) -> Result<TrialFeedback, ApiError> {
    Ok(TrialFeedback {
        side: r.side,
        person_id: uuid(&r.person_id)?,
        wants_to_continue: r.wants_to_continue,
        rating: r.rating,
        notes: r.notes.clone(),
        given_on: r.given_on,
        recorded_by: r.recorded_by.as_deref().map(uuid).transpose()?,
        recorded_by_name: r.recorded_by.as_ref().and_then(|u| staff.get(u).cloned()),
        created_at: r.created_at.and_utc(),
        updated_at: r.updated_at.and_utc(),
    })
}

/// The feedback of a set of duos, by duo id.
#[derive(Debug, Default)]
pub struct FeedbackIndex(HashMap<String, Vec<TrialFeedback>>);

impl FeedbackIndex {
    pub fn load(conn: &mut DbConnection, duo_ids: &[String]) -> Result<Self, ApiError> {
        let rows = FeedbackRow::for_duos(conn, duo_ids)?;
        let staff = staff_names(
            conn,
            &unique(rows.iter().filter_map(|r| r.recorded_by.clone())),
        )?;
        let mut map: HashMap<String, Vec<TrialFeedback>> = HashMap::new();
        for r in &rows {
            map.entry(r.duo_id.clone())
                .or_default()
                .push(view(r, &staff)?);
        }
        Ok(FeedbackIndex(map))
    }

    /// The feedback of one duo, newcomer first.
    pub fn of(&self, duo_id: &str) -> Vec<TrialFeedback> {
        self.0.get(duo_id).cloned().unwrap_or_default()
    }
}

/// Both sides said yes: what a coordinator confirms on.
pub fn both_want_to_continue(feedback: &[TrialFeedback]) -> bool {
    [Category::Newcomer, Category::Local].iter().all(|side| {
        feedback
            .iter()
            .any(|f| f.side == *side && f.wants_to_continue == ContinueWish::Yes)
    })
}

/// What each side answered, for the audit entry of a confirmation or a refusal.
pub fn answers(conn: &mut DbConnection, duo_id: &str) -> Result<serde_json::Value, ApiError> {
    let rows = FeedbackRow::for_duos(conn, &[duo_id.to_owned()])?;
    Ok(rows
        .iter()
        .map(|r| (r.side.as_str().to_owned(), json!(r.wants_to_continue)))
        .collect::<serde_json::Map<_, _>>()
        .into())
}

/// The feedback of a duo, newcomer first (coaches: duos of the people they accompany).
pub async fn list(
    db: &Db,
    coach: Option<String>,
    id: Uuid,
) -> Result<Vec<TrialFeedback>, ApiError> {
    db.run(move |conn| {
        let d = visible_duo(conn, coach.as_deref(), id)?;
        Ok(FeedbackIndex::load(conn, std::slice::from_ref(&d.id))?.of(&d.id))
    })
    .await
}

/// Records one side's feedback on the trial meeting of an introduced duo; recording it again
/// for the same side replaces it. The duo's state does not change. True when created.
pub async fn record_feedback(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    f: TrialFeedbackInput,
) -> Result<(TrialFeedback, bool), ApiError> {
    let id = id.to_string();
    let mut v = Validator::new();
    if !(1..=5).contains(&f.rating) {
        v.add("rating", Msg::Between(1, 5));
    }
    let notes = v
        .check("notes", optional_text(f.notes.as_deref(), 2000))
        .flatten();
    let given_on = f.given_on.unwrap_or_else(today);
    if given_on > today() {
        v.add("given_on", Msg::DateInFuture);
    }
    v.finish()?;
    let (actor, by) = (acting.actor.clone(), acting.by());
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            // Two staff members recording at once take turns (PostgreSQL).
            lock_rows(conn, "SELECT id FROM duos WHERE id = $1 FOR UPDATE", &id)?;
            let d = DuoRow::get(conn, &id)?;
            if d.status != DuoStatus::Introduced {
                return Err(ApiError::Conflict {
                    msg: Msg::FeedbackNeedsIntroducedDuo,
                    field: Some("duo"),
                });
            }
            if d.introduced_at.is_some_and(|t| given_on < t.date()) {
                return Err(ApiError::field("given_on", Msg::DateBeforeIntroduction));
            }
            let person = match f.side {
                Category::Newcomer => d.newcomer_id.clone(),
                Category::Local => d.local_id.clone(),
            };
            let now = crate::db::now();
            let (row, created) = match FeedbackRow::find(conn, &d.id, f.side)? {
                Some(before) => {
                    let row = FeedbackRow {
                        wants_to_continue: f.wants_to_continue,
                        rating: f.rating,
                        notes,
                        given_on,
                        recorded_by: by.clone(),
                        updated_at: now,
                        ..before
                    };
                    row.save(conn)?;
                    (row, false)
                }
                None => {
                    let row = FeedbackRow {
                        id: Uuid::now_v7().to_string(),
                        duo_id: d.id.clone(),
                        person_id: person.clone(),
                        side: f.side,
                        wants_to_continue: f.wants_to_continue,
                        rating: f.rating,
                        notes,
                        given_on,
                        recorded_by: by.clone(),
                        created_at: now,
                        updated_at: now,
                    };
                    row.insert(conn)?;
                    (row, true)
                }
            };
            crate::people::store::touch(conn, &person)?;
            record(
                conn,
                &actor,
                AuditAction::DuoFeedbackRecorded,
                "duo",
                &d.id,
                json!({
                    "side": row.side,
                    "wants_to_continue": row.wants_to_continue,
                    "rating": row.rating,
                    "given_on": row.given_on,
                    "replaced": !created,
                }),
            )?;
            let staff = staff_names(conn, &by.into_iter().collect::<Vec<_>>())?;
            Ok((view(&row, &staff)?, created))
        })
    })
    .await
}
