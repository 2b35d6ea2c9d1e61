//! Participants' feedback on InterAct sessions, recorded by the team from the paper forms or a
//! conversation: a rating 1–5 and an optional comment per participant and session. The host's
//! page shows each workshop's average (withheld under five answers) and, to coordinators, the
//! comments.

use serde_json::json;
use shared::activities::ActivityStatus;
use shared::interact::{FeedbackInput, SessionFeedback};
use uuid::Uuid;

use super::Acting;
use crate::activities::interact::domain::{check_rating, FEEDBACK_COMMENT_MAX};
use crate::activities::interact::store::feedback::{self as store, FeedbackRow};
use crate::audit::{audit_event, AuditAction};
use crate::db::{stored_id, write_transaction, Db, DbConnection};
use crate::error::{ApiError, UniqueViolationExt, Validator};
use crate::i18n::Msg;
use crate::people::domain::optional_text;

fn conflict(msg: Msg, field: Option<&'static str>) -> ApiError {
    ApiError::Conflict { msg, field }
}

/// Records a participant's feedback on a session that took place.
pub async fn record(
    db: &Db,
    acting: &Acting,
    activity_id: Uuid,
    input: FeedbackInput,
) -> Result<SessionFeedback, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = record_in(conn, &acting, activity_id, &input)?;
            view(conn, &row)
        })
    })
    .await
}

/// [`record`] inside the caller's transaction (the demo loader's too).
pub fn record_in(
    conn: &mut DbConnection,
    acting: &Acting,
    activity_id: Uuid,
    input: &FeedbackInput,
) -> Result<FeedbackRow, ApiError> {
    let mut v = Validator::new();
    let rating = v.check("rating", check_rating(input.rating));
    let comment = v.check(
        "comment",
        optional_text(input.comment.as_deref(), FEEDBACK_COMMENT_MAX),
    );
    v.finish()?;
    let (Some(rating), Some(comment)) = (rating, comment) else {
        return Err(anyhow::anyhow!("validated feedback fields missing").into());
    };
    let activity = activity_id.to_string();
    let (starts_at, status) =
        store::interact_session(conn, &activity)?.ok_or(ApiError::NotFound)?;
    if status == ActivityStatus::Cancelled || starts_at > crate::db::now() {
        return Err(conflict(Msg::FeedbackBeforeSession, None));
    }
    let person = input.person_id.to_string();
    if !store::took_part(conn, &activity, &person)? {
        return Err(ApiError::field("person_id", Msg::NotAParticipant));
    }
    if FeedbackRow::exists(conn, &activity, &person)? {
        return Err(conflict(Msg::FeedbackAlreadyRecorded, Some("person_id")));
    }
    let row = FeedbackRow {
        id: Uuid::now_v7().to_string(),
        activity_id: activity,
        person_id: person,
        rating,
        comment,
        recorded_by: acting.user_id.map(|u| u.to_string()),
        created_at: crate::db::now(),
    };
    row.insert(conn)
        .on_unique_violation("person_id", Msg::FeedbackAlreadyRecorded)?;
    // On the participant, whose right of access and erasure cover it; the values stay out.
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InteractFeedbackRecorded,
        "person",
        &row.person_id,
        json!({ "activity_id": row.activity_id, "feedback_id": row.id }),
    )?;
    Ok(row)
}

/// The answers recorded on a session, newest first, with the participants' names.
pub async fn list(db: &Db, activity_id: Uuid) -> Result<Vec<SessionFeedback>, ApiError> {
    db.run(move |conn| {
        let activity = activity_id.to_string();
        store::interact_session(conn, &activity)?.ok_or(ApiError::NotFound)?;
        let rows = FeedbackRow::of_activities(conn, &[activity])?;
        rows.iter().map(|r| view(conn, r)).collect()
    })
    .await
}

fn view(conn: &mut DbConnection, row: &FeedbackRow) -> Result<SessionFeedback, ApiError> {
    let names = crate::people::store::names(conn, std::slice::from_ref(&row.person_id))?;
    let staff =
        crate::audit::actor_names(conn, &row.recorded_by.iter().cloned().collect::<Vec<_>>())?;
    Ok(SessionFeedback {
        id: stored_id(&row.id)?,
        activity_id: stored_id(&row.activity_id)?,
        person_id: stored_id(&row.person_id)?,
        display_name: names.get(&row.person_id).cloned().unwrap_or_default(),
        rating: row.rating,
        comment: row.comment.clone(),
        recorded_by_name: row.recorded_by.as_ref().and_then(|b| staff.get(b).cloned()),
        created_at: row.created_at.and_utc(),
    })
}
