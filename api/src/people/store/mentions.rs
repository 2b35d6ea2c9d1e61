//! Staff-written free text that may name a person: read when someone is anonymised, so that
//! staff are told where their names remain (the texts are theirs to edit, not ours to rewrite).

use std::collections::BTreeMap;

use diesel::prelude::*;
use shared::people::MentionedIn;

use crate::db::schema::{
    activities, duo_assessments, duo_blocks, duo_candidacies, duo_check_ins, duo_feedback,
    duo_follow_ups, duos, interact_autonomy, interact_feedback, interact_notes, interact_proposals,
    notifications, people,
};
use crate::db::DbConnection;

/// One staff-written text: the record to open, the field, the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeText {
    pub object_type: MentionedIn,
    pub object_id: String,
    pub field: String,
    pub text: String,
}

fn push(
    out: &mut Vec<FreeText>,
    object_type: MentionedIn,
    object_id: &str,
    field: &str,
    text: Option<String>,
) {
    if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
        out.push(FreeText {
            object_type,
            object_id: object_id.to_owned(),
            field: field.to_owned(),
            text,
        });
    }
}

/// A translated text (`{"fr": "...", "en": "..."}`), one entry per language.
fn push_translated(out: &mut Vec<FreeText>, id: &str, field: &str, json: String) {
    match serde_json::from_str::<BTreeMap<String, String>>(&json) {
        Ok(map) => {
            for (lang, text) in map {
                push(
                    out,
                    MentionedIn::Activity,
                    id,
                    &format!("{field}.{lang}"),
                    Some(text),
                );
            }
        }
        Err(_) => push(out, MentionedIn::Activity, id, field, Some(json)),
    }
}

/// Every staff-written text outside the records of `except` (people being anonymised, whose
/// own free text is wiped anyway).
pub fn free_texts(conn: &mut DbConnection, except: &[String]) -> QueryResult<Vec<FreeText>> {
    use MentionedIn::*;
    let mut out = Vec::new();
    type ActivityTexts = (String, String, String, Option<String>, Option<String>);
    let rows: Vec<ActivityTexts> = activities::table
        .select((
            activities::id,
            activities::title,
            activities::description,
            activities::accessibility_notes,
            activities::cancel_reason,
        ))
        .load(conn)?;
    for (id, title, description, access, cancel) in rows {
        push_translated(&mut out, &id, "title", title);
        push_translated(&mut out, &id, "description", description);
        push(&mut out, Activity, &id, "accessibility_notes", access);
        push(&mut out, Activity, &id, "cancel_reason", cancel);
    }
    let rows: Vec<(String, Option<String>)> = notifications::table
        .filter(notifications::person_id.ne_all(except))
        .select((notifications::activity_id, notifications::done_note))
        .load(conn)?;
    for (activity, note) in rows {
        push(
            &mut out,
            Activity,
            &activity,
            "notifications.done_note",
            note,
        );
    }
    type PersonTexts = (String, Option<String>, Option<String>, Option<String>);
    let rows: Vec<PersonTexts> = people::table
        .filter(people::anonymised_at.is_null())
        .filter(people::id.ne_all(except))
        .select((
            people::id,
            people::presentation,
            people::staff_notes,
            people::category_override_reason,
        ))
        .load(conn)?;
    for (id, presentation, notes, reason) in rows {
        push(&mut out, Person, &id, "presentation", presentation);
        push(&mut out, Person, &id, "staff_notes", notes);
        push(&mut out, Person, &id, "category_override_reason", reason);
    }
    let rows: Vec<(String, Option<String>)> = duo_candidacies::table
        .filter(duo_candidacies::person_id.ne_all(except))
        .select((duo_candidacies::id, duo_candidacies::remarks))
        .load(conn)?;
    for (id, remarks) in rows {
        push(&mut out, DuoCandidacy, &id, "remarks", remarks);
    }
    let rows: Vec<(String, Option<String>)> = duo_blocks::table
        .filter(duo_blocks::person_a.ne_all(except))
        .filter(duo_blocks::person_b.ne_all(except))
        .select((duo_blocks::id, duo_blocks::note))
        .load(conn)?;
    for (id, note) in rows {
        push(&mut out, DuoBlock, &id, "note", note);
    }
    // Duos of the people anonymised have their notes wiped; the others' may name them.
    let other_duos = duos::table
        .filter(duos::newcomer_id.ne_all(except))
        .filter(duos::local_id.ne_all(except));
    type DuoTexts = (String, Option<String>, Option<String>, Option<String>);
    let rows: Vec<DuoTexts> = other_duos
        .select((
            duos::id,
            duos::reason,
            duos::pause_reason,
            duos::explanation,
        ))
        .load(conn)?;
    let ids: std::collections::HashSet<String> = rows.iter().map(|r| r.0.clone()).collect();
    for (id, reason, pause, explanation) in rows {
        push(&mut out, Duo, &id, "reason", reason);
        push(&mut out, Duo, &id, "pause_reason", pause);
        push(&mut out, Duo, &id, "explanation", explanation);
    }
    let rows: Vec<(String, String, Option<String>)> = duo_check_ins::table
        .select((
            duo_check_ins::duo_id,
            duo_check_ins::activity,
            duo_check_ins::notes,
        ))
        .load(conn)?;
    for (duo, activity, notes) in rows.into_iter().filter(|r| ids.contains(&r.0)) {
        push(&mut out, Duo, &duo, "check_ins.activity", Some(activity));
        push(&mut out, Duo, &duo, "check_ins.notes", notes);
    }
    let rows: Vec<(String, Option<String>, Option<String>)> = duo_follow_ups::table
        .select((
            duo_follow_ups::duo_id,
            duo_follow_ups::notes,
            duo_follow_ups::done_notes,
        ))
        .load(conn)?;
    for (duo, notes, done) in rows.into_iter().filter(|r| ids.contains(&r.0)) {
        push(&mut out, Duo, &duo, "follow_ups.notes", notes);
        push(&mut out, Duo, &duo, "follow_ups.done_notes", done);
    }
    let rows: Vec<(String, Option<String>)> = duo_feedback::table
        .select((duo_feedback::duo_id, duo_feedback::notes))
        .load(conn)?;
    for (duo, notes) in rows.into_iter().filter(|r| ids.contains(&r.0)) {
        push(&mut out, Duo, &duo, "feedback.notes", notes);
    }
    let rows: Vec<(String, Option<String>)> = duo_assessments::table
        .select((duo_assessments::duo_id, duo_assessments::learnt))
        .load(conn)?;
    for (duo, learnt) in rows.into_iter().filter(|r| ids.contains(&r.0)) {
        push(&mut out, Duo, &duo, "assessments.learnt", learnt);
    }
    interact_texts(conn, except, &mut out)?;
    Ok(out)
}

/// The InterAct pipeline's texts (a proposal's words and the coordinators' notes), except those
/// of proposals hosted by the people anonymised, which are wiped with them.
fn interact_texts(
    conn: &mut DbConnection,
    except: &[String],
    out: &mut Vec<FreeText>,
) -> QueryResult<()> {
    use MentionedIn::InteractProposal as P;
    type ProposalTexts = (
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<ProposalTexts> = interact_proposals::table
        .filter(interact_proposals::person_id.ne_all(except))
        .select((
            interact_proposals::id,
            interact_proposals::title,
            interact_proposals::description,
            interact_proposals::availability_note,
            interact_proposals::needs,
            interact_proposals::next_step,
        ))
        .load(conn)?;
    let ids: std::collections::HashSet<String> = rows.iter().map(|r| r.0.clone()).collect();
    for (id, title, description, availability, needs, next_step) in rows {
        push(out, P, &id, "title", Some(title));
        push(out, P, &id, "description", Some(description));
        push(out, P, &id, "availability_note", availability);
        push(out, P, &id, "needs", needs);
        push(out, P, &id, "next_step", next_step);
    }
    let rows: Vec<(String, String)> = interact_notes::table
        .select((interact_notes::proposal_id, interact_notes::body))
        .load(conn)?;
    for (id, body) in rows.into_iter().filter(|r| ids.contains(&r.0)) {
        push(out, P, &id, "notes", Some(body));
    }
    let rows: Vec<(String, Option<String>)> = interact_autonomy::table
        .select((interact_autonomy::proposal_id, interact_autonomy::note))
        .load(conn)?;
    for (id, note) in rows.into_iter().filter(|r| ids.contains(&r.0)) {
        push(out, P, &id, "autonomy.note", note);
    }
    // Participants' comments on the sessions (those of the people anonymised are wiped).
    let rows: Vec<(String, Option<String>)> = interact_feedback::table
        .filter(interact_feedback::person_id.ne_all(except))
        .select((interact_feedback::activity_id, interact_feedback::comment))
        .load(conn)?;
    for (activity, comment) in rows {
        push(
            out,
            MentionedIn::Activity,
            &activity,
            "interact_feedback.comment",
            comment,
        );
    }
    Ok(())
}
