//! The coordinators' pipeline: status changes, dated notes, the host's autonomy level, and
//! "create the series", which makes a draft InterAct series from the proposal through the
//! activities service and links it to the proposal.

use serde_json::json;
use shared::activities::{
    ActivityHostInput, ActivityInput, ActivityKind, ActivityProgramme, ActivityStatus,
    Multilingual, SeriesInput, Visibility,
};
use shared::interact::{
    AutonomyInput, NoteInput, ProposalDetail, ProposalNote, StatusChange, WorkshopCreated,
    WorkshopInput,
};
use uuid::Uuid;

use super::{detail, today, visible_proposal, Acting};
use crate::activities::dto::activity_dto;
use crate::activities::interact::domain::{
    change_autonomy as next_level, check_past_date, may_create_workshop, transition,
    AUTONOMY_NOTE_MAX, NOTE_MAX, PUBLIC_NAME_MAX,
};
use crate::activities::interact::dto;
use crate::activities::interact::store::{
    self as store, AutonomyRow, NoteRow, ProposalRow, WorkshopRow,
};
use crate::audit::{audit_event, AuditAction};
use crate::db::{lock_rows, write_transaction, Db, DbConnection};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::{optional_text, required_text};
use crate::people::store::PersonRow;

/// Two coordinators changing one proposal at once take turns (PostgreSQL; SQLite holds the
/// write lock already).
fn lock(conn: &mut DbConnection, id: &str) -> Result<(), ApiError> {
    lock_rows(
        conn,
        "SELECT id FROM interact_proposals WHERE id = $1 FOR UPDATE",
        id,
    )
}

fn conflict(msg: Msg, field: &'static str) -> ApiError {
    ApiError::Conflict {
        msg,
        field: Some(field),
    }
}

/// Moves a proposal along the pipeline; a note given with the step is kept as a dated note.
pub async fn change_status(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    input: StatusChange,
) -> Result<ProposalDetail, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let note = optional_text(input.note.as_deref(), NOTE_MAX)
                .map_err(|m| ApiError::field("note", m))?;
            let row = change_status_in(conn, &acting, id, input.status, note)?;
            detail(conn, &row)
        })
    })
    .await
}

/// [`change_status`] inside the caller's transaction (the demo loader's too).
pub fn change_status_in(
    conn: &mut DbConnection,
    acting: &Acting,
    id: Uuid,
    to: shared::interact::ProposalStatus,
    note: Option<String>,
) -> Result<ProposalRow, ApiError> {
    let mut row = visible_proposal(conn, acting.coach.as_deref(), id)?;
    lock(conn, &row.id)?;
    let from = row.status;
    let has_workshop = store::has_workshop(conn, &row.id)?;
    row.status = transition(from, to, has_workshop).map_err(|m| conflict(m, "status"))?;
    let now = crate::db::now();
    row.status_changed_at = now;
    row.updated_at = now;
    row.save(conn)?;
    if let Some(body) = note {
        new_note(&row.id, body, today(), acting).insert(conn)?;
    }
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InteractStatusChanged,
        "interact_proposal",
        &row.id,
        json!({ "from": from.as_str(), "to": to.as_str() }),
    )?;
    Ok(row)
}

fn new_note(
    proposal_id: &str,
    body: String,
    noted_on: chrono::NaiveDate,
    acting: &Acting,
) -> NoteRow {
    NoteRow {
        id: Uuid::now_v7().to_string(),
        proposal_id: proposal_id.to_owned(),
        body,
        noted_on,
        author_id: acting.by(),
        created_at: crate::db::now(),
    }
}

/// Adds a dated note to the proposal.
pub async fn add_note(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    input: NoteInput,
) -> Result<ProposalNote, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = add_note_in(conn, &acting, id, &input)?;
            let staff = crate::audit::actor_names(
                conn,
                &row.author_id.iter().cloned().collect::<Vec<_>>(),
            )?;
            dto::note(&row, &staff)
        })
    })
    .await
}

/// [`add_note`] inside the caller's transaction (the demo loader's too).
pub fn add_note_in(
    conn: &mut DbConnection,
    acting: &Acting,
    id: Uuid,
    input: &NoteInput,
) -> Result<NoteRow, ApiError> {
    let mut v = Validator::new();
    let body = v.check("body", required_text(&input.body, NOTE_MAX));
    let noted_on = v.check(
        "noted_on",
        check_past_date(input.noted_on.unwrap_or_else(today), today()),
    );
    v.finish()?;
    let (Some(body), Some(noted_on)) = (body, noted_on) else {
        return Err(anyhow::anyhow!("validated note fields missing").into());
    };
    let proposal = visible_proposal(conn, acting.coach.as_deref(), id)?;
    let row = new_note(&proposal.id, body, noted_on, acting);
    row.insert(conn)?;
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InteractNoteAdded,
        "interact_proposal",
        &proposal.id,
        json!({ "note_id": row.id }),
    )?;
    Ok(row)
}

/// The proposal's notes, newest first.
pub async fn notes(db: &Db, acting: &Acting, id: Uuid) -> Result<Vec<ProposalNote>, ApiError> {
    let coach = acting.coach.clone();
    db.run(move |conn| {
        let proposal = visible_proposal(conn, coach.as_deref(), id)?;
        let rows = NoteRow::of_proposal(conn, &proposal.id)?;
        let mut authors: Vec<String> = rows.iter().filter_map(|n| n.author_id.clone()).collect();
        authors.sort();
        authors.dedup();
        let staff = crate::audit::actor_names(conn, &authors)?;
        rows.iter().map(|n| dto::note(n, &staff)).collect()
    })
    .await
}

/// Changes the host's level in this workshop, with the date and a note.
pub async fn change_autonomy(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    input: AutonomyInput,
) -> Result<ProposalDetail, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = change_autonomy_in(conn, &acting, id, &input)?;
            detail(conn, &row)
        })
    })
    .await
}

/// [`change_autonomy`] inside the caller's transaction (the demo loader's too).
pub fn change_autonomy_in(
    conn: &mut DbConnection,
    acting: &Acting,
    id: Uuid,
    input: &AutonomyInput,
) -> Result<ProposalRow, ApiError> {
    let mut v = Validator::new();
    let changed_on = v.check(
        "changed_on",
        check_past_date(input.changed_on.unwrap_or_else(today), today()),
    );
    let note = v.check(
        "note",
        optional_text(input.note.as_deref(), AUTONOMY_NOTE_MAX),
    );
    v.finish()?;
    let (Some(changed_on), Some(note)) = (changed_on, note) else {
        return Err(anyhow::anyhow!("validated autonomy fields missing").into());
    };
    let mut row = visible_proposal(conn, acting.coach.as_deref(), id)?;
    lock(conn, &row.id)?;
    let from = row.autonomy;
    row.autonomy = next_level(row.status, from, input.level).map_err(|m| conflict(m, "level"))?;
    row.updated_at = crate::db::now();
    row.save(conn)?;
    AutonomyRow {
        id: Uuid::now_v7().to_string(),
        proposal_id: row.id.clone(),
        level: row.autonomy,
        changed_on,
        note,
        changed_by: acting.by(),
        created_at: crate::db::now(),
    }
    .insert(conn)?;
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InteractAutonomyChanged,
        "interact_proposal",
        &row.id,
        json!({ "from": from.as_str(), "to": row.autonomy.as_str() }),
    )?;
    Ok(row)
}

/// Creates a draft InterAct series from a planned proposal (title, description, passions as
/// tags, languages, host and co-host, the coordinator as staff) and links it to the proposal.
pub async fn create_workshop(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    input: WorkshopInput,
) -> Result<WorkshopCreated, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let (row, series_id, sessions) = create_workshop_in(conn, &acting, id, &input)?;
            Ok(WorkshopCreated {
                proposal: detail(conn, &row)?,
                series_id: crate::db::stored_id(&series_id)?,
                sessions: sessions
                    .iter()
                    .map(activity_dto)
                    .collect::<Result<Vec<_>, _>>()?,
            })
        })
    })
    .await
}

/// [`create_workshop`] inside the caller's transaction: the proposal, the series id and its
/// sessions.
pub fn create_workshop_in(
    conn: &mut DbConnection,
    acting: &Acting,
    id: Uuid,
    input: &WorkshopInput,
) -> Result<
    (
        ProposalRow,
        String,
        Vec<crate::activities::store::ActivityRecord>,
    ),
    ApiError,
> {
    let public_name = optional_text(input.public_name.as_deref(), PUBLIC_NAME_MAX)
        .map_err(|m| ApiError::field("public_name", m))?;
    let row = visible_proposal(conn, acting.coach.as_deref(), id)?;
    lock(conn, &row.id)?;
    may_create_workshop(row.status).map_err(|m| conflict(m, "status"))?;
    let live = |conn: &mut DbConnection, pid: &str| -> Result<bool, ApiError> {
        Ok(PersonRow::find(conn, crate::db::stored_id(pid)?)?
            .is_some_and(|p| p.anonymised_at.is_none()))
    };
    if !live(conn, &row.person_id)? {
        return Err(conflict(Msg::PipelineStepNotAllowed, "status"));
    }
    let mut hosts = vec![ActivityHostInput {
        person_id: crate::db::stored_id(&row.person_id)?,
        public_name,
    }];
    if let Some(c) = &row.cohost_id {
        if live(conn, c)? {
            hosts.push(ActivityHostInput {
                person_id: crate::db::stored_id(c)?,
                public_name: None,
            });
        }
    }
    let passions = store::passions(conn, std::slice::from_ref(&row.id))?
        .remove(&row.id)
        .unwrap_or_default()
        .iter()
        .map(|t| crate::db::stored_id(t))
        .collect::<Result<Vec<_>, _>>()?;
    let text = |s: &str| -> Multilingual { [("fr".to_owned(), s.to_owned())].into() };
    let series = SeriesInput {
        first: ActivityInput {
            title: text(&row.title),
            description: text(&row.description),
            programme: Some(ActivityProgramme::Interact),
            kind: Some(ActivityKind::WorkshopSession),
            starts_at: input.starts_at.clone(),
            ends_at: input.ends_at.clone(),
            venue_id: input.venue_id,
            capacity: input.capacity,
            languages: row.languages.0.clone(),
            free: true,
            tags: passions,
            hosts,
            staff: row
                .coordinator_id
                .iter()
                .map(|c| crate::db::stored_id(c))
                .collect::<Result<Vec<_>, _>>()?,
            visibility: Some(Visibility::Public),
            status: Some(ActivityStatus::Draft),
            ..Default::default()
        },
        recurrence: input.recurrence.clone(),
    };
    let sessions =
        crate::activities::service::create_series_in(conn, &series, acting.by(), &acting.actor)?;
    let series_id = sessions
        .first()
        .and_then(|s| s.row.series_id.clone())
        .ok_or_else(|| anyhow::anyhow!("a series without sessions"))?;
    WorkshopRow {
        id: Uuid::now_v7().to_string(),
        proposal_id: row.id.clone(),
        series_id: Some(series_id.clone()),
        activity_id: None,
        created_at: crate::db::now(),
    }
    .insert(conn)?;
    let mut row = row;
    row.updated_at = crate::db::now();
    row.save(conn)?;
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InteractWorkshopCreated,
        "interact_proposal",
        &row.id,
        json!({ "series_id": series_id, "sessions": sessions.len() }),
    )?;
    Ok((row, series_id, sessions))
}
