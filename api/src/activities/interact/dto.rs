//! InterAct rows → `shared::interact` wire types. Names, categories and workshops come from
//! look-ups the service loads once per answer.

use std::collections::HashMap;

use shared::interact::{AutonomyChange, LinkedWorkshop, Proposal, ProposalNote};
use shared::people::Category;

use crate::activities::interact::store::{
    AutonomyRow, NoteRow, ProposalRow, SessionStub, WorkshopRow,
};
use crate::db::stored_id as uuid;
use crate::error::ApiError;

fn opt_uuid(id: Option<&String>) -> Result<Option<uuid::Uuid>, ApiError> {
    id.map(|s| uuid(s)).transpose()
}

/// What a host is shown with.
#[derive(Debug, Clone)]
pub struct HostInfo {
    pub name: String,
    pub category: Option<Category>,
    pub possible_duplicate: bool,
}

/// Names and related rows an answer about proposals needs.
#[derive(Debug, Default)]
pub struct Lookups {
    pub hosts: HashMap<String, HostInfo>,
    /// Co-hosts' display names.
    pub people: HashMap<String, String>,
    pub staff: HashMap<String, String>,
    pub passions: HashMap<String, Vec<String>>,
    pub workshops: HashMap<String, Vec<WorkshopRow>>,
    /// Sessions of the workshops, by start.
    pub sessions: Vec<SessionStub>,
    pub notes: HashMap<String, i64>,
    /// Proposal titles, for the autonomy history.
    pub titles: HashMap<String, String>,
}

fn linked(w: &WorkshopRow, sessions: &[SessionStub]) -> Result<LinkedWorkshop, ApiError> {
    let mine: Vec<&SessionStub> = sessions
        .iter()
        .filter(|(id, _, _, series)| match (&w.series_id, &w.activity_id) {
            (Some(s), _) => series.as_ref() == Some(s),
            (None, Some(a)) => id == a,
            (None, None) => false,
        })
        .collect();
    let first = mine.first();
    Ok(LinkedWorkshop {
        series_id: opt_uuid(w.series_id.as_ref())?,
        activity_id: match (&w.activity_id, first) {
            (Some(a), _) => Some(uuid(a)?),
            (None, Some(f)) => Some(uuid(&f.0)?),
            (None, None) => None,
        },
        sessions: u32::try_from(mine.len()).unwrap_or(u32::MAX),
        first_starts_at: first.map(|f| f.1.and_utc()),
        last_starts_at: mine.last().map(|l| l.1.and_utc()),
        status: first.map(|f| f.2),
    })
}

pub fn proposal(row: &ProposalRow, l: &Lookups) -> Result<Proposal, ApiError> {
    let host = l
        .hosts
        .get(&row.person_id)
        .ok_or_else(|| anyhow::anyhow!("proposal {} without its host", row.id))?;
    let workshops = l
        .workshops
        .get(&row.id)
        .map(|ws| ws.iter().map(|w| linked(w, &l.sessions)).collect())
        .transpose()?
        .unwrap_or_default();
    Ok(Proposal {
        id: uuid(&row.id)?,
        person_id: uuid(&row.person_id)?,
        display_name: host.name.clone(),
        category: host.category,
        possible_duplicate: host.possible_duplicate,
        title: row.title.clone(),
        description: row.description.clone(),
        passions: l
            .passions
            .get(&row.id)
            .map(|ts| ts.iter().map(|t| uuid(t)).collect())
            .transpose()?
            .unwrap_or_default(),
        languages: row.languages.0.clone(),
        availability: row.availability.0.clone(),
        availability_note: row.availability_note.clone(),
        needs: row.needs.clone(),
        wants_cohost: row.wants_cohost,
        cohost_id: opt_uuid(row.cohost_id.as_ref())?,
        cohost_name: row
            .cohost_id
            .as_ref()
            .and_then(|c| l.people.get(c).cloned()),
        status: row.status,
        coordinator_id: opt_uuid(row.coordinator_id.as_ref())?,
        coordinator_name: row
            .coordinator_id
            .as_ref()
            .and_then(|c| l.staff.get(c).cloned()),
        next_step: row.next_step.clone(),
        next_step_on: row.next_step_on,
        autonomy: row.autonomy,
        source: row.source,
        workshops,
        notes_count: u32::try_from(l.notes.get(&row.id).copied().unwrap_or(0)).unwrap_or(0),
        status_changed_at: row.status_changed_at.and_utc(),
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}

pub fn note(row: &NoteRow, staff: &HashMap<String, String>) -> Result<ProposalNote, ApiError> {
    Ok(ProposalNote {
        id: uuid(&row.id)?,
        proposal_id: uuid(&row.proposal_id)?,
        body: row.body.clone(),
        noted_on: row.noted_on,
        author_id: opt_uuid(row.author_id.as_ref())?,
        author_name: row.author_id.as_ref().and_then(|a| staff.get(a).cloned()),
        created_at: row.created_at.and_utc(),
    })
}

pub fn autonomy(row: &AutonomyRow, l: &Lookups) -> Result<AutonomyChange, ApiError> {
    Ok(AutonomyChange {
        id: uuid(&row.id)?,
        proposal_id: uuid(&row.proposal_id)?,
        proposal_title: l.titles.get(&row.proposal_id).cloned().unwrap_or_default(),
        level: row.level,
        changed_on: row.changed_on,
        note: row.note.clone(),
        changed_by_name: row
            .changed_by
            .as_ref()
            .and_then(|u| l.staff.get(u).cloned()),
    })
}
