//! Duos: the list with the health of active ones, the coordinator's call list, one duo with
//! its calls and timeline, and moves along the life cycle (`duo::domain::transition`).

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use serde_json::json;
use shared::duo::{Duo, DuoHealth, DuoStatus, DuoTransition, HealthLevel};
use shared::people::{Programme, ProgrammeRole};
use shared::Lang;
use uuid::Uuid;

use super::feedback::{self, both_want_to_continue, FeedbackIndex};
use super::follow_ups::follow_ups_of;
use super::{today, visible_duo, Acting};
use crate::audit::audit_event as record;
use crate::audit::AuditAction;
use crate::db::{lock_rows, stored_id as uuid, write_transaction, Db, DbConnection};
use crate::duo::domain::{self, Effect, Refused};
use crate::duo::matching::health::{self, Meeting};
use crate::duo::store::{self, CandidacyRow, CheckInRow, DuoRow, FollowUpRow};
use crate::duo::timeline;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::optional_text;

/// The wire form of a duo, without its calls and timeline (only one duo's view has those).
pub(crate) fn view(
    d: &DuoRow,
    names: &HashMap<String, String>,
    health: Option<DuoHealth>,
    feedback: &FeedbackIndex,
    lang: Lang,
) -> Result<Duo, ApiError> {
    let name = |id: &str| names.get(id).cloned().unwrap_or_default();
    Ok(Duo {
        id: uuid(&d.id)?,
        newcomer_id: uuid(&d.newcomer_id)?,
        newcomer_name: name(&d.newcomer_id),
        local_id: uuid(&d.local_id)?,
        local_name: name(&d.local_id),
        status: d.status,
        score: d.score,
        reasons: d.reasons(lang),
        settings_version: d.settings_version,
        pinned: d.pinned,
        proposed_at: d.proposed_at.and_utc(),
        introduced_at: d.introduced_at.map(|t| t.and_utc()),
        confirmed_at: d.confirmed_at.map(|t| t.and_utc()),
        ended_at: d.ended_at.map(|t| t.and_utc()),
        reason: d.reason.clone(),
        outcome: d.outcome,
        health,
        both_want_to_continue: both_want_to_continue(&feedback.of(&d.id)),
        feedback: feedback.of(&d.id),
        follow_ups: vec![],
        timeline: vec![],
        newcomer_phone: None,
        local_phone: None,
    })
}

fn health_of(
    d: &DuoRow,
    check_ins: &[CheckInRow],
    follow_ups: &[FollowUpRow],
    today: NaiveDate,
    lang: Lang,
) -> Option<DuoHealth> {
    if d.status != DuoStatus::Active {
        return None;
    }
    let confirmed = d.confirmed_at?.date();
    let meetings: Vec<Meeting> = check_ins
        .iter()
        .filter(|c| c.duo_id == d.id)
        .map(|c| {
            let rated: Vec<f64> = [c.satisfaction_newcomer, c.satisfaction_local]
                .iter()
                .flatten()
                .map(|v| f64::from(*v))
                .collect();
            Meeting {
                on: c.met_on,
                satisfaction: (!rated.is_empty())
                    .then(|| rated.iter().sum::<f64>() / rated.len() as f64),
            }
        })
        .collect();
    let pending: Vec<NaiveDate> = follow_ups
        .iter()
        .filter(|f| f.duo_id == d.id)
        .map(|f| f.due_on)
        .collect();
    Some(health::assess(confirmed, today, &meetings, &pending, lang))
}

/// Duos with the given statuses (all when empty), with the health of active ones.
fn with_health(
    conn: &mut DbConnection,
    statuses: &[DuoStatus],
    coach: Option<&str>,
    lang: Lang,
) -> Result<Vec<Duo>, ApiError> {
    let rows = DuoRow::list(conn, statuses, coach)?;
    let person_ids: Vec<String> = rows
        .iter()
        .flat_map(|r| [r.newcomer_id.clone(), r.local_id.clone()])
        .collect();
    let duo_ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let names = crate::people::store::names(conn, &person_ids)?;
    let check_ins = CheckInRow::for_duos(conn, &duo_ids)?;
    let follow_ups = FollowUpRow::pending_for(conn, &duo_ids)?;
    let feedback = FeedbackIndex::load(conn, &duo_ids)?;
    let today = today();
    rows.iter()
        .map(|r| {
            let health = health_of(r, &check_ins, &follow_ups, today, lang);
            view(r, &names, health, &feedback, lang)
        })
        .collect()
}

/// Duos, of one status or all (coaches: those of the people they accompany).
pub async fn list(
    db: &Db,
    coach: Option<String>,
    status: Option<DuoStatus>,
    lang: Lang,
) -> Result<Vec<Duo>, ApiError> {
    db.run(move |conn| {
        let statuses: Vec<DuoStatus> = status.into_iter().collect();
        with_health(conn, &statuses, coach.as_deref(), lang)
    })
    .await
}

/// Active duos that need attention first: the coordinator's call list.
pub async fn attention(db: &Db, coach: Option<String>, lang: Lang) -> Result<Vec<Duo>, ApiError> {
    let mut duos = db
        .run(move |conn| {
            let mut duos = with_health(conn, &[DuoStatus::Active], coach.as_deref(), lang)?;
            // The call list is for calling: the phone numbers of the people the reader may read.
            let ids: Vec<String> = duos
                .iter()
                .flat_map(|d| [d.newcomer_id.to_string(), d.local_id.to_string()])
                .collect();
            let phones = crate::people::store::phones(conn, &ids, coach.as_deref())?;
            for d in &mut duos {
                d.newcomer_phone = phones.get(&d.newcomer_id.to_string()).cloned();
                d.local_phone = phones.get(&d.local_id.to_string()).cloned();
            }
            Ok::<_, ApiError>(duos)
        })
        .await?;
    let rank = |d: &Duo| match d.health.as_ref().map(|h| h.level) {
        Some(HealthLevel::Attention) => 0,
        Some(HealthLevel::Watch) => 1,
        _ => 2,
    };
    duos.sort_by_key(|d| {
        (
            rank(d),
            d.health
                .as_ref()
                .and_then(|h| h.days_since_last_meeting)
                .map(|x| -x),
        )
    });
    Ok(duos)
}

/// One duo in full: health, feedback, calls and timeline.
fn full(
    conn: &mut DbConnection,
    d: &DuoRow,
    with_health: bool,
    lang: Lang,
) -> Result<Duo, ApiError> {
    let ids = vec![d.id.clone()];
    let names = crate::people::store::names(conn, &[d.newcomer_id.clone(), d.local_id.clone()])?;
    let feedback = FeedbackIndex::load(conn, &ids)?;
    let health = if with_health {
        let check_ins = CheckInRow::for_duos(conn, &ids)?;
        let follow_ups = FollowUpRow::pending_for(conn, &ids)?;
        let today = today();
        health_of(d, &check_ins, &follow_ups, today, lang)
    } else {
        None
    };
    let mut duo = view(d, &names, health, &feedback, lang)?;
    duo.follow_ups = follow_ups_of(conn, d)?;
    duo.timeline = timeline::timeline_of(conn, d)?;
    Ok(duo)
}

/// One duo with its health, calls and timeline (coaches: of the people they accompany).
pub async fn get(db: &Db, coach: Option<String>, id: Uuid, lang: Lang) -> Result<Duo, ApiError> {
    db.run(move |conn| {
        let d = visible_duo(conn, coach.as_deref(), id)?;
        full(conn, &d, true, lang)
    })
    .await
}

/// Moves a duo along its life (see `duo::domain::transition`) and applies the effects of the
/// move in one transaction.
pub async fn transition(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    t: DuoTransition,
    lang: Lang,
) -> Result<Duo, ApiError> {
    let id = id.to_string();
    let mut v = Validator::new();
    let reason = v
        .check("reason", optional_text(t.reason.as_deref(), 1000))
        .flatten();
    if matches!(t.to, DuoStatus::Declined | DuoStatus::Ended) && reason.is_none() {
        v.add("reason", Msg::ReasonRequired);
    }
    if t.to == DuoStatus::Ended && t.outcome.is_none() {
        v.add("outcome", Msg::Required);
    }
    v.finish()?;
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            // Concurrent transitions of one duo take turns (PostgreSQL), so each sees the
            // state the other left.
            lock_rows(conn, "SELECT id FROM duos WHERE id = $1 FOR UPDATE", &id)?;
            let mut d = DuoRow::get(conn, &id)?;
            let from = d.status;
            let effects = domain::transition(from, t.to, reason, t.outcome).map_err(
                |Refused::NotAllowed| ApiError::Conflict {
                    msg: Msg::InvalidValue,
                    field: Some("to"),
                },
            )?;
            d.status = t.to;
            apply(conn, &acting, &mut d, from, t.to, effects)?;
            full(conn, &d, false, lang)
        })
    })
    .await
}

/// Applies the effects of a move to `d` and the rows around it, then saves `d`.
fn apply(
    conn: &mut DbConnection,
    acting: &Acting,
    d: &mut DuoRow,
    from: DuoStatus,
    to: DuoStatus,
    effects: Vec<Effect>,
) -> Result<(), ApiError> {
    let now = crate::db::now();
    let mut audit = None;
    for effect in effects {
        match effect {
            Effect::Introduced => d.introduced_at = Some(now),
            Effect::Confirmed => {
                d.confirmed_at = Some(now);
                for person in [&d.newcomer_id, &d.local_id] {
                    crate::people::store::take_part(
                        conn,
                        person,
                        Programme::Duo2change,
                        ProgrammeRole::DuoCandidate,
                        true,
                    )?;
                }
            }
            Effect::Closed { reason, outcome } => {
                d.ended_at = Some(now);
                d.reason = reason;
                if let Some(o) = outcome {
                    d.outcome = Some(o);
                }
            }
            Effect::Paused { reason } => d.pause_reason = reason,
            Effect::Candidacies(status) => {
                for c in [&d.newcomer_candidacy_id, &d.local_candidacy_id]
                    .into_iter()
                    .flatten()
                {
                    CandidacyRow::set_status(conn, c, status)?;
                }
            }
            Effect::FollowUp { days, kind } => FollowUpRow {
                id: Uuid::now_v7().to_string(),
                duo_id: d.id.clone(),
                due_on: now.date() + Duration::days(days),
                kind,
                done_at: None,
                notes: None,
                done_on: None,
                done_by: None,
                done_notes: None,
                created_by: None,
            }
            .insert(conn)?,
            Effect::Block(reason) => {
                store::add_block(conn, &d.newcomer_id, &d.local_id, reason, acting.by())?
            }
            Effect::Audit { with_feedback } => audit = Some(with_feedback),
        }
    }
    d.save(conn)?;
    // After the save, as before: the entry describes the stored duo.
    if let Some(with_feedback) = audit {
        let mut details = json!({ "from": from, "to": to, "outcome": d.outcome });
        if with_feedback {
            // What the decision was taken on.
            details["feedback"] = feedback::answers(conn, &d.id)?;
        }
        record(
            conn,
            &acting.actor,
            AuditAction::DuoTransition,
            "duo",
            &d.id,
            details,
        )?;
    }
    Ok(())
}
