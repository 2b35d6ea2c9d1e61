//! InterAct proposal rows (with their passions, notes, workshops and autonomy history) and their
//! queries. Enum columns hold the `shared` wire enums, lists are `JsonText`.

pub mod feedback;
pub mod gdpr;
pub mod host;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use shared::interact::{AutonomyLevel, ProposalSource, ProposalStatus};
use shared::people::Slot;

use crate::db::schema::{
    activities, interact_autonomy, interact_notes, interact_proposal_tags, interact_proposals,
    interact_workshops, person_coaches,
};
use crate::db::{DbConnection, JsonText};
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = interact_proposals, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ProposalRow {
    pub id: String,
    pub person_id: String,
    pub title: String,
    pub description: String,
    pub languages: JsonText<Vec<String>>,
    pub availability: JsonText<Vec<Slot>>,
    pub availability_note: Option<String>,
    pub needs: Option<String>,
    pub wants_cohost: bool,
    pub cohost_id: Option<String>,
    pub status: ProposalStatus,
    pub coordinator_id: Option<String>,
    pub next_step: Option<String>,
    pub next_step_on: Option<NaiveDate>,
    pub autonomy: AutonomyLevel,
    pub source: ProposalSource,
    pub created_by: Option<String>,
    pub status_changed_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = interact_notes)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct NoteRow {
    pub id: String,
    pub proposal_id: String,
    pub body: String,
    pub noted_on: NaiveDate,
    pub author_id: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = interact_workshops)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct WorkshopRow {
    pub id: String,
    pub proposal_id: String,
    pub series_id: Option<String>,
    pub activity_id: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = interact_autonomy)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct AutonomyRow {
    pub id: String,
    pub proposal_id: String,
    pub level: AutonomyLevel,
    pub changed_on: NaiveDate,
    pub note: Option<String>,
    pub changed_by: Option<String>,
    pub created_at: NaiveDateTime,
}

/// Filters of the board. `coach`: only the proposals of people this staff member accompanies.
#[derive(Debug, Clone, Default)]
pub struct ProposalQuery {
    pub status: Option<ProposalStatus>,
    pub passion: Option<String>,
    pub language: Option<String>,
    pub coordinator: Option<String>,
    pub person_id: Option<String>,
    pub coach: Option<String>,
    pub created_from: Option<NaiveDateTime>,
    pub created_before: Option<NaiveDateTime>,
}

impl ProposalRow {
    pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ProposalRow>> {
        interact_proposals::table
            .find(id)
            .select(ProposalRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn get(conn: &mut DbConnection, id: &str) -> Result<ProposalRow, ApiError> {
        Self::find(conn, id)?.ok_or(ApiError::NotFound)
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interact_proposals::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(interact_proposals::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }

    /// One page of proposals, newest first, and the total.
    pub fn page(
        conn: &mut DbConnection,
        q: &ProposalQuery,
        offset: i64,
        limit: i64,
    ) -> QueryResult<(Vec<ProposalRow>, i64)> {
        let build = || {
            let mut b = interact_proposals::table.into_boxed();
            if let Some(s) = q.status {
                b = b.filter(interact_proposals::status.eq(s));
            }
            if let Some(t) = &q.passion {
                b = b.filter(
                    interact_proposals::id.eq_any(
                        interact_proposal_tags::table
                            .filter(interact_proposal_tags::tag_id.eq(t.clone()))
                            .select(interact_proposal_tags::proposal_id),
                    ),
                );
            }
            if let Some(code) = &q.language {
                // A JSON array of codes: `["ar","fr"]`; the code was checked to be letters.
                b = b.filter(interact_proposals::languages.like(format!("%\"{code}\"%")));
            }
            if let Some(c) = &q.coordinator {
                b = b.filter(interact_proposals::coordinator_id.eq(c.clone()));
            }
            if let Some(p) = &q.person_id {
                b = b.filter(interact_proposals::person_id.eq(p.clone()));
            }
            if let Some(coach) = &q.coach {
                b = b.filter(
                    interact_proposals::person_id.eq_any(
                        person_coaches::table
                            .filter(person_coaches::user_id.eq(coach.clone()))
                            .select(person_coaches::person_id),
                    ),
                );
            }
            if let Some(from) = q.created_from {
                b = b.filter(interact_proposals::created_at.ge(from));
            }
            if let Some(before) = q.created_before {
                b = b.filter(interact_proposals::created_at.lt(before));
            }
            b
        };
        let count = build().count().get_result(conn)?;
        let rows = build()
            .order((
                interact_proposals::created_at.desc(),
                interact_proposals::id.desc(),
            ))
            .offset(offset)
            .limit(limit)
            .select(ProposalRow::as_select())
            .load(conn)?;
        Ok((rows, count))
    }

    /// Proposals where the person is the host, newest first.
    pub fn of_person(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<ProposalRow>> {
        interact_proposals::table
            .filter(interact_proposals::person_id.eq(person_id))
            .order((
                interact_proposals::created_at.desc(),
                interact_proposals::id.desc(),
            ))
            .select(ProposalRow::as_select())
            .load(conn)
    }
}

/// Replaces a proposal's passions.
pub fn set_passions(
    conn: &mut DbConnection,
    proposal_id: &str,
    tags: &[String],
) -> QueryResult<()> {
    diesel::delete(
        interact_proposal_tags::table.filter(interact_proposal_tags::proposal_id.eq(proposal_id)),
    )
    .execute(conn)?;
    for t in tags {
        diesel::insert_into(interact_proposal_tags::table)
            .values((
                interact_proposal_tags::proposal_id.eq(proposal_id),
                interact_proposal_tags::tag_id.eq(t),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Passions (tag ids) by proposal.
pub fn passions(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<HashMap<String, Vec<String>>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (p, t) in interact_proposal_tags::table
        .filter(interact_proposal_tags::proposal_id.eq_any(ids))
        .order((
            interact_proposal_tags::proposal_id.asc(),
            interact_proposal_tags::tag_id.asc(),
        ))
        .select((
            interact_proposal_tags::proposal_id,
            interact_proposal_tags::tag_id,
        ))
        .load::<(String, String)>(conn)?
    {
        out.entry(p).or_default().push(t);
    }
    Ok(out)
}

/// A tag merged into another: proposals carrying `from` now carry `into` (once).
pub fn merge_tag(conn: &mut DbConnection, from: &str, into: &str) -> QueryResult<()> {
    let already: Vec<String> = interact_proposal_tags::table
        .filter(interact_proposal_tags::tag_id.eq(into))
        .select(interact_proposal_tags::proposal_id)
        .load(conn)?;
    diesel::delete(
        interact_proposal_tags::table
            .filter(interact_proposal_tags::tag_id.eq(from))
            .filter(interact_proposal_tags::proposal_id.eq_any(&already)),
    )
    .execute(conn)?;
    diesel::update(interact_proposal_tags::table.filter(interact_proposal_tags::tag_id.eq(from)))
        .set(interact_proposal_tags::tag_id.eq(into))
        .execute(conn)?;
    Ok(())
}

impl NoteRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interact_notes::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    /// A proposal's notes, newest first.
    pub fn of_proposal(conn: &mut DbConnection, proposal_id: &str) -> QueryResult<Vec<NoteRow>> {
        interact_notes::table
            .filter(interact_notes::proposal_id.eq(proposal_id))
            .order((
                interact_notes::noted_on.desc(),
                interact_notes::created_at.desc(),
                interact_notes::id.desc(),
            ))
            .select(NoteRow::as_select())
            .load(conn)
    }
}

/// How many notes each proposal has.
pub fn note_counts(conn: &mut DbConnection, ids: &[String]) -> QueryResult<HashMap<String, i64>> {
    Ok(interact_notes::table
        .filter(interact_notes::proposal_id.eq_any(ids))
        .group_by(interact_notes::proposal_id)
        .select((interact_notes::proposal_id, diesel::dsl::count_star()))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect())
}

impl WorkshopRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interact_workshops::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    /// Workshops by proposal, oldest first.
    pub fn of_proposals(
        conn: &mut DbConnection,
        ids: &[String],
    ) -> QueryResult<HashMap<String, Vec<WorkshopRow>>> {
        let mut out: HashMap<String, Vec<WorkshopRow>> = HashMap::new();
        for w in interact_workshops::table
            .filter(interact_workshops::proposal_id.eq_any(ids))
            .order((
                interact_workshops::created_at.asc(),
                interact_workshops::id.asc(),
            ))
            .select(WorkshopRow::as_select())
            .load::<WorkshopRow>(conn)?
        {
            out.entry(w.proposal_id.clone()).or_default().push(w);
        }
        Ok(out)
    }
}

/// Whether a workshop was created from the proposal.
pub fn has_workshop(conn: &mut DbConnection, proposal_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        interact_workshops::table.filter(interact_workshops::proposal_id.eq(proposal_id)),
    ))
    .get_result(conn)
}

/// The sessions of a workshop: (id, start, status) of its series' activities, or of the single
/// activity, by start.
pub type SessionStub = (
    String,
    NaiveDateTime,
    shared::activities::ActivityStatus,
    Option<String>,
);

/// Sessions of the given series and single activities.
pub fn sessions(
    conn: &mut DbConnection,
    series: &[String],
    single: &[String],
) -> QueryResult<Vec<SessionStub>> {
    activities::table
        .filter(
            activities::series_id
                .eq_any(series)
                .or(activities::id.eq_any(single)),
        )
        .order((activities::starts_at.asc(), activities::id.asc()))
        .select((
            activities::id,
            activities::starts_at,
            activities::status,
            activities::series_id,
        ))
        .load(conn)
}

impl AutonomyRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interact_autonomy::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    /// The history of these proposals, oldest first.
    pub fn of_proposals(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<AutonomyRow>> {
        interact_autonomy::table
            .filter(interact_autonomy::proposal_id.eq_any(ids))
            .order((
                interact_autonomy::changed_on.asc(),
                interact_autonomy::created_at.asc(),
                interact_autonomy::id.asc(),
            ))
            .select(AutonomyRow::as_select())
            .load(conn)
    }
}

/// A proposal's figures: id, host, status, level, whether a workshop came of it.
pub type SummaryRow = (String, String, ProposalStatus, AutonomyLevel, bool);

/// Every proposal received in the period with the host's id, its status and level, and whether
/// a workshop came of it (for the report figures).
pub fn summary_rows(
    conn: &mut DbConnection,
    from: Option<NaiveDateTime>,
    before: Option<NaiveDateTime>,
) -> QueryResult<Vec<SummaryRow>> {
    let mut q = interact_proposals::table.into_boxed();
    if let Some(f) = from {
        q = q.filter(interact_proposals::created_at.ge(f));
    }
    if let Some(b) = before {
        q = q.filter(interact_proposals::created_at.lt(b));
    }
    let rows: Vec<(String, String, ProposalStatus, AutonomyLevel)> = q
        .select((
            interact_proposals::id,
            interact_proposals::person_id,
            interact_proposals::status,
            interact_proposals::autonomy,
        ))
        .load(conn)?;
    let with_workshop: Vec<String> = interact_workshops::table
        .select(interact_workshops::proposal_id)
        .distinct()
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, person, status, level)| {
            let w = with_workshop.contains(&id);
            (id, person, status, level, w)
        })
        .collect())
}
