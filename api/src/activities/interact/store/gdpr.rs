//! A host's proposals in the right of access and the right to erasure (called by the people
//! feature's GDPR store, which covers every table).

use diesel::prelude::*;
use serde_json::{json, Value};

use super::{AutonomyRow, NoteRow, ProposalRow, WorkshopRow};
use crate::db::schema::{
    activities, interact_autonomy, interact_notes, interact_proposals, interact_workshops,
};
use crate::db::DbConnection;

/// Ids of the proposals the person hosts.
pub fn proposal_ids(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<String>> {
    interact_proposals::table
        .filter(interact_proposals::person_id.eq(person_id))
        .select(interact_proposals::id)
        .load(conn)
}

/// Everything about the person's proposals: those they host (with notes, autonomy history and
/// workshops) and those they co-host; and their feedback on the sessions they took part in.
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
    let feedback = super::feedback::FeedbackRow::of_person(conn, person_id)?;
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
        // What they said of the sessions they took part in.
        (
            "interact_feedback".into(),
            to(serde_json::to_value(feedback)),
        ),
    ])
}

/// Clears what the host wrote and what was written about their proposals; the shape (status,
/// level, passions, languages, dates) stays for the yearly figures. As a participant, their
/// feedback comments go; their ratings stay in the workshops' averages.
pub fn anonymise(conn: &mut DbConnection, person_id: &str) -> QueryResult<()> {
    super::feedback::anonymise(conn, person_id)?;
    let ids = proposal_ids(conn, person_id)?;
    neutralise_copied_texts(conn, &ids)?;
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

/// The title an activity created from an anonymised host's proposal gets in place of the
/// proposal's ("La cuisine d'Amina"), which it copied.
pub const NEUTRAL_TITLE: &str = "Atelier InterAct";

/// The sessions made from the proposals `ids` copied their title and description (`create the
/// series`): where a session still holds the copy, the title becomes [`NEUTRAL_TITLE`] and the
/// description is emptied. Texts staff rewrote since are theirs, and the mentions scan lists them.
fn neutralise_copied_texts(conn: &mut DbConnection, ids: &[String]) -> QueryResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let proposals: Vec<(String, String, String)> = interact_proposals::table
        .filter(interact_proposals::id.eq_any(ids))
        .select((
            interact_proposals::id,
            interact_proposals::title,
            interact_proposals::description,
        ))
        .load(conn)?;
    for (id, title, description) in proposals {
        let links: Vec<(Option<String>, Option<String>)> = interact_workshops::table
            .filter(interact_workshops::proposal_id.eq(&id))
            .select((
                interact_workshops::series_id,
                interact_workshops::activity_id,
            ))
            .load(conn)?;
        let series: Vec<String> = links.iter().filter_map(|l| l.0.clone()).collect();
        let singles: Vec<String> = links.iter().filter_map(|l| l.1.clone()).collect();
        let sessions: Vec<(String, String, String)> = activities::table
            .filter(
                activities::series_id
                    .eq_any(&series)
                    .or(activities::id.eq_any(&singles)),
            )
            .select((activities::id, activities::title, activities::description))
            .load(conn)?;
        for (activity, old_title, old_description) in sessions {
            let new_title = replace_copy(&old_title, &title, NEUTRAL_TITLE);
            let new_description = replace_copy(&old_description, &description, "");
            if new_title != old_title || new_description != old_description {
                diesel::update(activities::table.find(&activity))
                    .set((
                        activities::title.eq(new_title),
                        activities::description.eq(new_description),
                    ))
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}

/// A translated text (`{"fr": "..."}`) with every entry equal to `copied` replaced by `by`;
/// anything else (or a text that is not a translation map) is returned as it was.
fn replace_copy(json: &str, copied: &str, by: &str) -> String {
    let copied = copied.trim();
    if copied.is_empty() {
        return json.to_owned();
    }
    let Ok(mut map) = serde_json::from_str::<std::collections::BTreeMap<String, String>>(json)
    else {
        return json.to_owned();
    };
    let mut changed = false;
    for text in map.values_mut() {
        if text.trim() == copied {
            by.clone_into(text);
            changed = true;
        }
    }
    if !changed {
        return json.to_owned();
    }
    serde_json::to_string(&map).unwrap_or_else(|_| json.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_copied_entries_of_a_translated_text_are_replaced() {
        let json = r#"{"en":"Amina's kitchen","fr":"La cuisine d'Amina"}"#;
        assert_eq!(
            replace_copy(json, "La cuisine d'Amina", NEUTRAL_TITLE),
            r#"{"en":"Amina's kitchen","fr":"Atelier InterAct"}"#
        );
        assert_eq!(replace_copy(json, "Autre", NEUTRAL_TITLE), json);
        assert_eq!(replace_copy(json, " ", NEUTRAL_TITLE), json);
        assert_eq!(replace_copy("not json", "not json", "x"), "not json");
    }
}
