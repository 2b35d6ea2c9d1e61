//! Duo2Change rows and their queries. Enum columns hold the `shared` enums and JSON columns go
//! through `JsonText`: a value the code never writes fails loudly when the row is read.

pub mod assessments;
pub mod feedback;
mod world;

pub use world::*;

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{duo_blocks, duo_candidacies, duo_check_ins, duo_follow_ups, duos, people};
use crate::db::{DbConnection, JsonText};
use crate::error::ApiError;
use shared::duo::{
    BlockReason, CandidacyStatus, DuoOutcome, DuoStatus, FollowUpKind, GenderIdentity, Hope,
    Reporter, TravelRange,
};
use shared::people::Category;
use shared::Lang;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = duo_candidacies, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct CandidacyRow {
    pub id: String,
    pub person_id: String,
    pub side: Category,
    pub status: CandidacyStatus,
    pub waiting_since: NaiveDateTime,
    pub commune_id: Option<String>,
    pub travel: TravelRange,
    pub gender: Option<GenderIdentity>,
    pub partner_gender: Option<GenderIdentity>,
    pub partner_age_min: Option<i32>,
    pub partner_age_max: Option<i32>,
    /// What the person hopes from a duo: a JSON list, sorted, without repeats.
    pub hopes: JsonText<Vec<Hope>>,
    pub wants_french_practice: bool,
    pub remarks: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = duos, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct DuoRow {
    pub id: String,
    pub newcomer_id: String,
    pub local_id: String,
    pub newcomer_candidacy_id: Option<String>,
    pub local_candidacy_id: Option<String>,
    pub status: DuoStatus,
    pub score: Option<f64>,
    /// Why matching proposed the pair (none for duos made by hand or by the demo).
    pub explanation: Option<JsonText<Explanation>>,
    pub settings_version: Option<i32>,
    pub pinned: bool,
    pub proposed_at: NaiveDateTime,
    pub introduced_at: Option<NaiveDateTime>,
    pub confirmed_at: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    pub reason: Option<String>,
    pub outcome: Option<DuoOutcome>,
    pub created_by: Option<String>,
    pub updated_at: NaiveDateTime,
    /// Why the duo was last paused.
    pub pause_reason: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = duo_check_ins)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct CheckInRow {
    pub id: String,
    pub duo_id: String,
    pub met_on: NaiveDate,
    pub activity: String,
    pub duration_minutes: Option<i32>,
    pub reported_by: Reporter,
    pub satisfaction_newcomer: Option<i32>,
    pub satisfaction_local: Option<i32>,
    pub notes: Option<String>,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = duo_follow_ups)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct FollowUpRow {
    pub id: String,
    pub duo_id: String,
    pub due_on: NaiveDate,
    pub kind: FollowUpKind,
    pub done_at: Option<NaiveDateTime>,
    /// Written when the call was planned.
    pub notes: Option<String>,
    pub done_on: Option<NaiveDate>,
    pub done_by: Option<String>,
    /// What came out of the call.
    pub done_notes: Option<String>,
    pub created_by: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = duo_blocks)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct BlockRow {
    pub id: String,
    pub person_a: String,
    pub person_b: String,
    pub reason: BlockReason,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    /// A coordinator's words on an explicit "do not pair".
    pub note: Option<String>,
}

impl CandidacyRow {
    /// The hopes, as read (an unknown value already failed the row's decoding).
    pub fn hopes_of(&self) -> Vec<Hope> {
        self.hopes.0.clone()
    }

    /// The hopes as stored: sorted by their wire name, without repeats.
    pub fn hopes_column(hopes: &[Hope]) -> JsonText<Vec<Hope>> {
        let mut v = hopes.to_vec();
        v.sort_unstable_by_key(|h| h.as_str());
        v.dedup();
        JsonText(v)
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(duo_candidacies::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&mut self, conn: &mut DbConnection) -> QueryResult<()> {
        self.updated_at = crate::db::now();
        diesel::update(duo_candidacies::table.find(self.id.clone()))
            .set(&*self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn get(conn: &mut DbConnection, id: &str) -> Result<CandidacyRow, ApiError> {
        duo_candidacies::table
            .find(id)
            .select(CandidacyRow::as_select())
            .first(conn)
            .optional()?
            .ok_or(ApiError::NotFound)
    }

    /// An open (not withdrawn) candidacy of the person, if any.
    pub fn open_for(conn: &mut DbConnection, person_id: &str) -> QueryResult<Option<CandidacyRow>> {
        duo_candidacies::table
            .filter(duo_candidacies::person_id.eq(person_id))
            .filter(duo_candidacies::status.ne(CandidacyStatus::Withdrawn))
            .select(CandidacyRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn set_status(
        conn: &mut DbConnection,
        id: &str,
        status: CandidacyStatus,
    ) -> QueryResult<()> {
        diesel::update(duo_candidacies::table.find(id))
            .set((
                duo_candidacies::status.eq(status),
                duo_candidacies::updated_at.eq(crate::db::now()),
            ))
            .execute(conn)
            .map(|_| ())
    }
}

/// A candidacy with its person's first, last and preferred names.
pub type CandidacyWithName = (CandidacyRow, String, Option<String>, Option<String>);

/// Candidacies with their person's display fields, filtered by status and side.
pub fn list_candidacies(
    conn: &mut DbConnection,
    status: Option<CandidacyStatus>,
    side: Option<Category>,
    coach: Option<&str>,
) -> QueryResult<Vec<CandidacyWithName>> {
    let mut q = duo_candidacies::table
        .inner_join(people::table)
        .filter(people::anonymised_at.is_null())
        .into_boxed();
    if let Some(s) = status {
        q = q.filter(duo_candidacies::status.eq(s));
    }
    if let Some(s) = side {
        q = q.filter(duo_candidacies::side.eq(s));
    }
    if let Some(c) = coach {
        q = q.filter(
            duo_candidacies::person_id.eq_any(
                crate::db::schema::person_coaches::table
                    .filter(crate::db::schema::person_coaches::user_id.eq(c.to_owned()))
                    .select(crate::db::schema::person_coaches::person_id),
            ),
        );
    }
    q.order(duo_candidacies::waiting_since.asc())
        .select((
            CandidacyRow::as_select(),
            people::first_name,
            people::last_name,
            people::preferred_name,
        ))
        .load(conn)
}

/// Pairs never to propose, as (person, person).
pub fn blocks(conn: &mut DbConnection) -> QueryResult<Vec<(String, String)>> {
    let mut pairs: Vec<(String, String)> = duo_blocks::table
        .select((duo_blocks::person_a, duo_blocks::person_b))
        .load(conn)?;
    // Duos that were declined or ended badly block their pair too.
    let from_duos: Vec<(String, String)> = duos::table
        .filter(
            duos::status
                .eq(DuoStatus::Declined)
                .or(duos::outcome.eq(DuoOutcome::Bad)),
        )
        .select((duos::newcomer_id, duos::local_id))
        .load(conn)?;
    pairs.extend(from_duos);
    Ok(pairs)
}

pub fn add_block(
    conn: &mut DbConnection,
    a: &str,
    b: &str,
    reason: BlockReason,
    by: Option<String>,
) -> QueryResult<()> {
    diesel::insert_into(duo_blocks::table)
        .values(BlockRow {
            id: uuid::Uuid::now_v7().to_string(),
            person_a: a.to_owned(),
            person_b: b.to_owned(),
            reason,
            created_by: by,
            created_at: crate::db::now(),
            note: None,
        })
        .execute(conn)
        .map(|_| ())
}

impl BlockRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(duo_blocks::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn get(conn: &mut DbConnection, id: &str) -> QueryResult<BlockRow> {
        duo_blocks::table
            .find(id)
            .select(BlockRow::as_select())
            .first(conn)
    }

    pub fn delete(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
        diesel::delete(duo_blocks::table.find(id))
            .execute(conn)
            .map(|_| ())
    }

    /// Blocks naming `person` (all when `None`), newest first.
    pub fn list(conn: &mut DbConnection, person: Option<&str>) -> QueryResult<Vec<BlockRow>> {
        let mut q = duo_blocks::table
            .select(BlockRow::as_select())
            .order((duo_blocks::created_at.desc(), duo_blocks::id.desc()))
            .into_boxed();
        if let Some(p) = person {
            q = q.filter(duo_blocks::person_a.eq(p).or(duo_blocks::person_b.eq(p)));
        }
        q.load(conn)
    }

    /// The explicit block between two people, in either order.
    pub fn between(
        conn: &mut DbConnection,
        a: &str,
        b: &str,
        reason: BlockReason,
    ) -> QueryResult<Option<BlockRow>> {
        duo_blocks::table
            .filter(
                (duo_blocks::person_a.eq(a).and(duo_blocks::person_b.eq(b)))
                    .or(duo_blocks::person_a.eq(b).and(duo_blocks::person_b.eq(a))),
            )
            .filter(duo_blocks::reason.eq(reason))
            .select(BlockRow::as_select())
            .first(conn)
            .optional()
    }
}

/// What a proposal stored about its score: the score's breakdown, and the reasons per
/// interface language since they were stored that way, in French only before. Saving a duo
/// writes it back as read, so the breakdown is kept whole.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Explanation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<serde_json::Value>,
    #[serde(default)]
    pub reasons: Vec<String>,
    #[serde(default)]
    pub reasons_by_lang: BTreeMap<String, Vec<String>>,
}

impl DuoRow {
    /// The reasons of the proposal in `lang` (none for duos made by hand or by the demo).
    pub fn reasons(&self, lang: Lang) -> Vec<String> {
        let Some(JsonText(e)) = &self.explanation else {
            return vec![];
        };
        e.reasons_by_lang
            .get(lang.code())
            .unwrap_or(&e.reasons)
            .clone()
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(duos::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&mut self, conn: &mut DbConnection) -> QueryResult<()> {
        self.updated_at = crate::db::now();
        diesel::update(duos::table.find(self.id.clone()))
            .set(&*self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn get(conn: &mut DbConnection, id: &str) -> Result<DuoRow, ApiError> {
        duos::table
            .find(id)
            .select(DuoRow::as_select())
            .first(conn)
            .optional()?
            .ok_or(ApiError::NotFound)
    }

    pub fn list(
        conn: &mut DbConnection,
        statuses: &[DuoStatus],
        coach: Option<&str>,
    ) -> QueryResult<Vec<DuoRow>> {
        let mut q = duos::table.into_boxed();
        if !statuses.is_empty() {
            q = q.filter(duos::status.eq_any(statuses.to_vec()));
        }
        if let Some(c) = coach {
            let mine = crate::db::schema::person_coaches::table
                .filter(crate::db::schema::person_coaches::user_id.eq(c.to_owned()))
                .select(crate::db::schema::person_coaches::person_id);
            let mine2 = crate::db::schema::person_coaches::table
                .filter(crate::db::schema::person_coaches::user_id.eq(c.to_owned()))
                .select(crate::db::schema::person_coaches::person_id);
            q = q.filter(
                duos::newcomer_id
                    .eq_any(mine)
                    .or(duos::local_id.eq_any(mine2)),
            );
        }
        q.order(duos::proposed_at.desc())
            .select(DuoRow::as_select())
            .load(conn)
    }

    /// An open duo (not declined or ended) involving either person.
    pub fn open_with(conn: &mut DbConnection, person: &str) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            duos::table
                .filter(duos::newcomer_id.eq(person).or(duos::local_id.eq(person)))
                .filter(duos::status.ne_all([DuoStatus::Declined, DuoStatus::Ended])),
        ))
        .get_result(conn)
    }
}

impl CheckInRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(duo_check_ins::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn for_duos(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<CheckInRow>> {
        duo_check_ins::table
            .filter(duo_check_ins::duo_id.eq_any(ids))
            .order(duo_check_ins::met_on.desc())
            .select(CheckInRow::as_select())
            .load(conn)
    }
}

impl FollowUpRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(duo_follow_ups::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    /// All calls of a duo, by due date.
    pub fn for_duo(conn: &mut DbConnection, duo_id: &str) -> QueryResult<Vec<FollowUpRow>> {
        duo_follow_ups::table
            .filter(duo_follow_ups::duo_id.eq(duo_id))
            .order((duo_follow_ups::due_on.asc(), duo_follow_ups::id.asc()))
            .select(FollowUpRow::as_select())
            .load(conn)
    }

    /// One call of a duo (a call of another duo is not found).
    pub fn find(conn: &mut DbConnection, duo_id: &str, id: &str) -> QueryResult<Option<Self>> {
        duo_follow_ups::table
            .filter(duo_follow_ups::duo_id.eq(duo_id))
            .filter(duo_follow_ups::id.eq(id))
            .select(FollowUpRow::as_select())
            .first(conn)
            .optional()
    }

    /// Marks the call done.
    pub fn mark_done(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(duo_follow_ups::table.find(self.id.clone()))
            .set((
                duo_follow_ups::done_at.eq(self.done_at),
                duo_follow_ups::done_on.eq(self.done_on),
                duo_follow_ups::done_by.eq(self.done_by.clone()),
                duo_follow_ups::done_notes.eq(self.done_notes.clone()),
            ))
            .execute(conn)
            .map(|_| ())
    }

    pub fn pending_for(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<FollowUpRow>> {
        duo_follow_ups::table
            .filter(duo_follow_ups::duo_id.eq_any(ids))
            .filter(duo_follow_ups::done_at.is_null())
            .select(FollowUpRow::as_select())
            .load(conn)
    }
}
