//! The facts a report is computed from, read for one period in a few queries: the large
//! tables (people, registrations, sessions) counted by the database (`counts`), the small ones
//! (duos, candidacies, assessments, trainings, InterLab) read as rows. No per-person query,
//! and no person or registration row loaded.

pub mod counts;
pub mod home;
pub mod trainings;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use shared::duo::{AssessmentPhase, CandidacyStatus, DuoOutcome, DuoStatus};
use shared::interlab::{MilestoneStatus, OutcomeKind, ProjectStage};
use shared::people::Category;

use crate::db::schema::{
    duo_assessments, duo_candidacies, duos, interlab_entrepreneurs, interlab_milestones,
    interlab_outcomes,
};
use crate::db::{Db, DbConnection};
use crate::reports::domain::indicators::{
    CandidacyFacts, ConfidenceChange, DuoFacts, Facts, ProgrammeFacts, TrainingFacts,
};
use crate::reports::domain::period::Period;

type DuoRow = (
    DuoStatus,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    Option<DuoOutcome>,
);

/// Reads everything the report of `period` needs, on `conn`.
pub fn facts(conn: &mut DbConnection, period: Period) -> QueryResult<Facts> {
    let (interact, training) = counts::programmes(conn, period)?;
    let reached = counts::reached(conn, period)?;
    let trainings = trainings::facts(conn, period)?;
    rest(conn, period, interact, training, reached, trainings)
}

/// [`facts`], its two longest reads (the people reached, the trainings' courses) each on
/// another of `db`'s connections when one is idle, while `conn` reads the rest: the three
/// large reads are independent, and the database runs them side by side.
pub fn facts_concurrently(db: &Db, conn: &mut DbConnection, period: Period) -> QueryResult<Facts> {
    let failed = || diesel::result::Error::QueryBuilderError("a report read stopped".into());
    let (mut for_reached, mut for_trainings) = (db.idle_conn(), db.idle_conn());
    std::thread::scope(|s| {
        let reached = for_reached
            .as_deref_mut()
            .map(|c| s.spawn(move || counts::reached(c, period)));
        let trainings = for_trainings
            .as_deref_mut()
            .map(|c| s.spawn(move || trainings::facts(c, period)));
        let (interact, training) = counts::programmes(conn, period)?;
        let reached = match reached {
            Some(h) => h.join().map_err(|_| failed())??,
            None => counts::reached(conn, period)?,
        };
        let trainings = match trainings {
            Some(h) => h.join().map_err(|_| failed())??,
            None => trainings::facts(conn, period)?,
        };
        rest(conn, period, interact, training, reached, trainings)
    })
}

/// The facts read after the large ones: duos, candidacies, assessments, InterLab.
fn rest(
    conn: &mut DbConnection,
    period: Period,
    mut interact: ProgrammeFacts,
    mut training: ProgrammeFacts,
    reached: counts::Reached,
    trainings: TrainingFacts,
) -> QueryResult<Facts> {
    let (start, end) = period.utc();
    interact.participants = reached.interact_participants;
    training.participants = reached.training_participants;
    let mut facts = Facts {
        reached: reached.people,
        interact,
        training,
        trainings,
        ..Facts::default()
    };

    // Duos touching the period: proposed before its end and not ended before its start.
    let duo_rows: Vec<DuoRow> = duos::table
        .filter(duos::proposed_at.lt(end))
        .filter(duos::ended_at.is_null().or(duos::ended_at.ge(start)))
        .select((
            duos::status,
            duos::proposed_at,
            duos::confirmed_at,
            duos::ended_at,
            duos::outcome,
        ))
        .load(conn)?;
    facts.duos = duo_rows
        .into_iter()
        .map(
            |(status, proposed_at, confirmed_at, ended_at, outcome)| DuoFacts {
                status,
                proposed_at,
                confirmed_at,
                ended_at,
                outcome,
            },
        )
        .collect();

    let waiting: Vec<(Category, NaiveDateTime)> = duo_candidacies::table
        // A public sign-up waits from the day it came in, before a coordinator completes it.
        .filter(
            duo_candidacies::status.eq_any([CandidacyStatus::Waiting, CandidacyStatus::ToComplete]),
        )
        .filter(duo_candidacies::waiting_since.lt(end))
        .select((duo_candidacies::side, duo_candidacies::waiting_since))
        .load(conn)?;
    facts.waiting = waiting
        .into_iter()
        .map(|(side, waiting_since)| CandidacyFacts {
            newcomer: side == Category::Newcomer,
            waiting_since,
        })
        .collect();

    facts.confidence = confidence(conn, period)?;
    facts.entrepreneurs = interlab_entrepreneurs::table
        .filter(interlab_entrepreneurs::created_at.lt(end))
        .select(interlab_entrepreneurs::stage)
        .load::<ProjectStage>(conn)?;
    facts.milestones_done = interlab_milestones::table
        .filter(interlab_milestones::status.eq(MilestoneStatus::Done))
        .filter(interlab_milestones::completed_on.ge(period.from))
        .filter(interlab_milestones::completed_on.le(period.to))
        .count()
        .get_result::<i64>(conn)?
        .max(0) as u64;
    facts.outcomes = interlab_outcomes::table
        .filter(interlab_outcomes::occurred_on.ge(period.from))
        .filter(interlab_outcomes::occurred_on.le(period.to))
        .select(interlab_outcomes::kind)
        .load::<OutcomeKind>(conn)?;
    Ok(facts)
}

/// The newcomers' French confidence before and after, for duos whose "after" is dated in the
/// period.
fn confidence(conn: &mut DbConnection, period: Period) -> QueryResult<Vec<ConfidenceChange>> {
    let rows: Vec<(String, String, AssessmentPhase, NaiveDate, Option<i32>)> =
        duo_assessments::table
            .filter(duo_assessments::side.eq(Category::Newcomer))
            .filter(duo_assessments::french_confidence.is_not_null())
            .select((
                duo_assessments::duo_id,
                duo_assessments::person_id,
                duo_assessments::phase,
                duo_assessments::assessed_on,
                duo_assessments::french_confidence,
            ))
            .load(conn)?;
    let mut before: HashMap<(String, String), i32> = HashMap::new();
    let mut after: Vec<((String, String), i32)> = Vec::new();
    for (duo, person, phase, on, score) in rows {
        let Some(score) = score else { continue };
        match phase {
            AssessmentPhase::Before => {
                before.insert((duo, person), score);
            }
            AssessmentPhase::After if period.contains(on) => after.push(((duo, person), score)),
            AssessmentPhase::After => {}
        }
    }
    Ok(after
        .into_iter()
        .filter_map(|(key, a)| {
            before.get(&key).map(|b| ConfidenceChange {
                before: *b,
                after: a,
            })
        })
        .collect())
}
