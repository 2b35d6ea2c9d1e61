//! InterAct's use cases: one function per change, each in one write transaction with its audit
//! entry. Object-level visibility (a coach sees the proposals of the people they accompany,
//! through the people feature's coach relation) is decided here, in one place.

pub mod feedback;
pub mod hosts;
pub mod pipeline;
pub mod proposals;
pub mod summary;

use std::collections::HashMap;

use diesel::prelude::*;
use shared::auth::Role;
use shared::interact::{ProposalDetail, ProposalUpdate};
use shared::people::Slot;
use shared::Lang;
use uuid::Uuid;

use crate::accounts::store::UserRow;
use crate::activities::interact::domain::{self, *};
use crate::activities::interact::dto::{self, HostInfo, Lookups};
use crate::activities::interact::store::{
    self as store, AutonomyRow, NoteRow, ProposalRow, WorkshopRow,
};
use crate::audit::Actor;
use crate::db::DbConnection;
use crate::error::{ApiError, Validator};
use crate::http::context::Ctx;
use crate::i18n::Msg;
use crate::people::domain::{optional_text, required_text};
use crate::people::store::{is_coached_by, PersonRow};

/// Who acts through the service: the audit actor, the staff id written on rows, the coach's own
/// id when the role sees only the people it accompanies, and the language of the answer.
#[derive(Debug, Clone)]
pub struct Acting {
    pub actor: Actor,
    pub user_id: Option<Uuid>,
    pub coach: Option<String>,
    pub lang: Lang,
}

impl From<&Ctx> for Acting {
    fn from(ctx: &Ctx) -> Acting {
        Acting {
            actor: ctx.actor.clone(),
            user_id: Some(ctx.user.id),
            coach: (ctx.user.role == Role::Coach).then(|| ctx.user.id.to_string()),
            lang: ctx.lang,
        }
    }
}

impl Acting {
    /// The demo loader and other internal callers: no account, every record visible.
    pub fn system(actor: Actor, user_id: Option<Uuid>) -> Acting {
        Acting {
            actor,
            user_id,
            coach: None,
            lang: Lang::Fr,
        }
    }

    fn by(&self) -> Option<String> {
        self.user_id.map(|u| u.to_string())
    }
}

/// A person a coach accompanies (anyone for other roles); others are not found.
pub(crate) fn visible_person(
    conn: &mut DbConnection,
    coach: Option<&str>,
    person_id: &str,
) -> Result<(), ApiError> {
    if let Some(coach) = coach {
        if !is_coached_by(conn, person_id, coach)? {
            return Err(ApiError::NotFound);
        }
    }
    Ok(())
}

/// A proposal whose host the coach accompanies (any for other roles); others are not found.
pub(crate) fn visible_proposal(
    conn: &mut DbConnection,
    coach: Option<&str>,
    id: Uuid,
) -> Result<ProposalRow, ApiError> {
    let row = ProposalRow::find(conn, &id.to_string())?.ok_or(ApiError::NotFound)?;
    visible_person(conn, coach, &row.person_id)?;
    Ok(row)
}

/// The fields of a proposal, checked.
#[derive(Debug, Clone)]
pub struct Fields {
    pub title: String,
    pub description: String,
    pub passions: Vec<String>,
    pub languages: Vec<String>,
    pub availability: Vec<Slot>,
    pub availability_note: Option<String>,
    pub needs: Option<String>,
    pub wants_cohost: bool,
    pub cohost_id: Option<String>,
    pub coordinator_id: Option<String>,
    pub next_step: Option<String>,
    pub next_step_on: Option<chrono::NaiveDate>,
}

/// Checks what a host proposes (the public form's fields and the team's); errors go to `v`.
pub fn check_proposal_text(
    conn: &mut DbConnection,
    v: &mut Validator,
    p: &ProposalUpdate,
) -> Result<Option<Fields>, ApiError> {
    let title = v.check("title", required_text(&p.title, TITLE_MAX));
    let description = v.check(
        "description",
        required_text(&p.description, DESCRIPTION_MAX),
    );
    let mut passions: Vec<String> = Vec::new();
    for t in &p.passions {
        let t = t.to_string();
        if !passions.contains(&t) {
            passions.push(t);
        }
    }
    if passions.len() > PASSIONS_MAX {
        v.add("passions", Msg::TooMany(PASSIONS_MAX));
    } else if !crate::people::store::unknown_tags(conn, &passions)?.is_empty() {
        v.add("passions", Msg::UnknownTag);
    }
    let (languages, bad) = domain::parse_languages(&p.languages);
    if p.languages.len() > LANGUAGES_MAX {
        v.add("languages", Msg::TooMany(LANGUAGES_MAX));
    }
    for i in bad {
        v.add(&format!("languages[{i}]"), Msg::InvalidLanguageCode);
    }
    let mut availability: Vec<Slot> = Vec::new();
    for s in &p.availability {
        if !availability.contains(s) {
            availability.push(*s);
        }
    }
    if p.availability.len() > AVAILABILITY_MAX {
        v.add("availability", Msg::TooMany(AVAILABILITY_MAX));
    }
    availability.sort();
    let availability_note = v.check(
        "availability_note",
        optional_text(p.availability_note.as_deref(), AVAILABILITY_NOTE_MAX),
    );
    let needs = v.check("needs", optional_text(p.needs.as_deref(), NEEDS_MAX));
    let next_step = v.check(
        "next_step",
        optional_text(p.next_step.as_deref(), NEXT_STEP_MAX),
    );
    let (Some(title), Some(description), Some(availability_note), Some(needs), Some(next_step)) =
        (title, description, availability_note, needs, next_step)
    else {
        return Ok(None);
    };
    Ok(Some(Fields {
        title,
        description,
        passions,
        languages,
        availability,
        availability_note,
        needs,
        wants_cohost: p.wants_cohost,
        cohost_id: p.cohost_id.map(|c| c.to_string()),
        coordinator_id: p.coordinator_id.map(|c| c.to_string()),
        next_step,
        next_step_on: p.next_step_on,
    }))
}

/// Checks a proposal the team enters or changes: its texts, then the co-host (a person who
/// exists, paired newcomer with local) and the coordinator (an active staff account).
pub(crate) fn check_staff_fields(
    conn: &mut DbConnection,
    host: &PersonRow,
    p: &ProposalUpdate,
) -> Result<Fields, ApiError> {
    let mut v = Validator::new();
    let fields = check_proposal_text(conn, &mut v, p)?;
    if let Some(c) = p.cohost_id {
        match PersonRow::find(conn, c)?.filter(|r| r.anonymised_at.is_none()) {
            None => v.add("cohost_id", Msg::UnknownPerson),
            Some(cohost) => {
                if let Err(m) =
                    check_cohost(cohost.id == host.id, host.category(), cohost.category())
                {
                    v.add("cohost_id", m);
                }
            }
        }
    }
    if let Some(u) = p.coordinator_id {
        if !UserRow::find(conn, u)?.is_some_and(|u| u.active) {
            v.add("coordinator_id", Msg::UnknownAccount);
        }
    }
    v.finish()?;
    fields.ok_or_else(|| anyhow::anyhow!("validated proposal fields missing").into())
}

/// Copies checked fields onto a row.
pub(crate) fn apply(row: &mut ProposalRow, f: &Fields) {
    row.title = f.title.clone();
    row.description = f.description.clone();
    row.languages = crate::db::JsonText(f.languages.clone());
    row.availability = crate::db::JsonText(f.availability.clone());
    row.availability_note = f.availability_note.clone();
    row.needs = f.needs.clone();
    row.wants_cohost = f.wants_cohost;
    row.cohost_id = f.cohost_id.clone();
    row.coordinator_id = f.coordinator_id.clone();
    row.next_step = f.next_step.clone();
    row.next_step_on = f.next_step_on;
}

/// Sorted ids without repeats, for the look-ups.
fn unique(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = ids.into_iter().collect();
    v.sort();
    v.dedup();
    v
}

/// Hosts' names, categories and duplicate flags.
pub(crate) fn hosts_info(
    conn: &mut DbConnection,
    ids: &[String],
) -> Result<HashMap<String, HostInfo>, ApiError> {
    use crate::db::schema::people;
    let rows: Vec<PersonRow> = people::table
        .filter(people::id.eq_any(ids))
        .select(PersonRow::as_select())
        .load(conn)?;
    rows.into_iter()
        .map(|p| {
            Ok((
                p.id.clone(),
                HostInfo {
                    name: crate::people::domain::display_name(
                        &p.first_name,
                        p.last_name.as_deref(),
                        p.preferred_name.as_deref(),
                    ),
                    category: p.category(),
                    possible_duplicate: p.possible_duplicate_of.is_some(),
                },
            ))
        })
        .collect()
}

/// Everything the answer about these proposals shows with them.
pub(crate) fn lookups(conn: &mut DbConnection, rows: &[ProposalRow]) -> Result<Lookups, ApiError> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let workshops = WorkshopRow::of_proposals(conn, &ids)?;
    let series: Vec<String> = workshops
        .values()
        .flatten()
        .filter_map(|w| w.series_id.clone())
        .collect();
    let single: Vec<String> = workshops
        .values()
        .flatten()
        .filter(|w| w.series_id.is_none())
        .filter_map(|w| w.activity_id.clone())
        .collect();
    let sessions = if workshops.is_empty() {
        vec![]
    } else {
        store::sessions(conn, &series, &single)?
    };
    Ok(Lookups {
        hosts: hosts_info(conn, &unique(rows.iter().map(|r| r.person_id.clone())))?,
        people: crate::people::store::names(
            conn,
            &unique(rows.iter().filter_map(|r| r.cohost_id.clone())),
        )?,
        staff: crate::audit::actor_names(
            conn,
            &unique(rows.iter().filter_map(|r| r.coordinator_id.clone())),
        )?,
        passions: store::passions(conn, &ids)?,
        workshops,
        sessions,
        notes: store::note_counts(conn, &ids)?,
        titles: rows
            .iter()
            .map(|r| (r.id.clone(), r.title.clone()))
            .collect(),
    })
}

pub(crate) fn views(
    conn: &mut DbConnection,
    rows: &[ProposalRow],
) -> Result<Vec<shared::interact::Proposal>, ApiError> {
    let l = lookups(conn, rows)?;
    rows.iter().map(|r| dto::proposal(r, &l)).collect()
}

/// A proposal with its notes and autonomy history.
pub(crate) fn detail(
    conn: &mut DbConnection,
    row: &ProposalRow,
) -> Result<ProposalDetail, ApiError> {
    let mut l = lookups(conn, std::slice::from_ref(row))?;
    let proposal = dto::proposal(row, &l)?;
    let notes = NoteRow::of_proposal(conn, &row.id)?;
    let history = AutonomyRow::of_proposals(conn, std::slice::from_ref(&row.id))?;
    l.staff = crate::audit::actor_names(
        conn,
        &unique(
            notes
                .iter()
                .filter_map(|n| n.author_id.clone())
                .chain(history.iter().filter_map(|h| h.changed_by.clone())),
        ),
    )?;
    Ok(ProposalDetail {
        proposal,
        notes: notes
            .iter()
            .map(|n| dto::note(n, &l.staff))
            .collect::<Result<_, _>>()?,
        autonomy_history: history
            .iter()
            .map(|h| dto::autonomy(h, &l))
            .collect::<Result<_, _>>()?,
    })
}

/// Today in Brussels, where the team works.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Brussels)
        .date_naive()
}
