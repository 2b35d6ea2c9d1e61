//! A host's proposals in the right of access and the right to erasure (called by the people
//! feature's GDPR store, which covers every table).

use diesel::prelude::*;
use serde_json::{json, Value};

use super::{AutonomyRow, NoteRow, ProposalRow, WorkshopRow};
use crate::db::schema::{interact_autonomy, interact_notes, interact_proposals};
use crate::db::DbConnection;

/// Ids of the proposals the person hosts.
pub fn proposal_ids(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<String>> {
    interact_proposals::table
        .filter(interact_proposals::person_id.eq(person_id))
        .select(interact_proposals::id)
        .load(conn)
}

/// Everything about the person's proposals: those they host (with notes, autonomy history and
/// workshops) and those they co-host.
pub fn export(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<(String, Value)>> {
    let hosted = ProposalRow::of_person(conn, person_id)?;
    let ids: Vec<String> = hosted.iter().map(|p| p.id.clone()).collect();
    let cohosted: Vec<ProposalRow> = interact_proposals::table
        .filter(interact_proposals::cohost_id.eq(person_id))
        .order(interact_proposals::created_at.asc())
        .select(ProposalRow::as_select())
        .load(conn)?;
    let notes: Vec<NoteRow> = interact_notes::table
        .filter(interact_notes::proposal_id.eq_any(&ids))
        .order((interact_notes::noted_on.asc(), interact_notes::id.asc()))
        .select(NoteRow::as_select())
        .load(conn)?;
    let autonomy = AutonomyRow::of_proposals(conn, &ids)?;
    let workshops: Vec<WorkshopRow> = WorkshopRow::of_proposals(conn, &ids)?
        .into_values()
        .flatten()
        .collect();
    let passions = super::passions(conn, &ids)?;
    let to = |v: serde_json::Result<Value>| v.unwrap_or(Value::Null);
    Ok(vec![
        (
            "interact_proposals".into(),
            to(serde_json::to_value(hosted)),
        ),
        (
            "interact_proposal_passions".into(),
            json!(passions
                .into_iter()
                .map(|(p, tags)| json!({ "proposal_id": p, "tag_ids": tags }))
                .collect::<Vec<_>>()),
        ),
        (
            "interact_cohosted_proposals".into(),
            json!(cohosted
                .iter()
                .map(|p| json!({ "proposal_id": p.id, "title": p.title, "status": p.status }))
                .collect::<Vec<_>>()),
        ),
        ("interact_notes".into(), to(serde_json::to_value(notes))),
        (
            "interact_autonomy".into(),
            to(serde_json::to_value(autonomy)),
        ),
        (
            "interact_workshops".into(),
            to(serde_json::to_value(workshops)),
        ),
    ])
}

/// Clears what the host wrote and what was written about their proposals; the shape (status,
/// level, passions, languages, dates) stays for the yearly figures.
pub fn anonymise(conn: &mut DbConnection, person_id: &str) -> QueryResult<()> {
    let ids = proposal_ids(conn, person_id)?;
    diesel::update(interact_proposals::table.filter(interact_proposals::id.eq_any(&ids)))
        .set((
            // A workshop's title often names its host ("La cuisine d'Amina").
            interact_proposals::title.eq(""),
            interact_proposals::description.eq(""),
            interact_proposals::availability_note.eq(None::<String>),
            interact_proposals::needs.eq(None::<String>),
            interact_proposals::next_step.eq(None::<String>),
        ))
        .execute(conn)?;
    diesel::update(interact_notes::table.filter(interact_notes::proposal_id.eq_any(&ids)))
        .set(interact_notes::body.eq(""))
        .execute(conn)?;
    diesel::update(interact_autonomy::table.filter(interact_autonomy::proposal_id.eq_any(&ids)))
        .set(interact_autonomy::note.eq(None::<String>))
        .execute(conn)?;
    Ok(())
}
