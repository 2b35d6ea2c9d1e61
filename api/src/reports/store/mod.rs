//! The facts a report is computed from, read for one period in a few queries (no per-person
//! query: the yearly report of a large dataset stays one pass over each table).

pub mod home;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use shared::activities::{ActivityProgramme, ActivityStatus, RegistrationStatus};
use shared::duo::{AssessmentPhase, CandidacyStatus, DuoOutcome, DuoStatus};
use shared::interlab::{MilestoneStatus, OutcomeKind, ProjectStage};
use shared::people::Category;

use crate::db::schema::{
    activities, activity_hosts, duo_assessments, duo_candidacies, duos, interlab_entrepreneurs,
    interlab_meetings, interlab_milestones, interlab_outcomes, people, person_languages,
    registrations,
};
use crate::db::DbConnection;
use crate::reports::domain::indicators::{
    CandidacyFacts, ConfidenceChange, DuoFacts, EntrepreneurFacts, Facts, PersonFacts,
    RegistrationFacts, SessionFacts,
};
use crate::reports::domain::period::Period;

type PersonRow = (
    String,
    Category,
    Option<Category>,
    NaiveDateTime,
    Option<i32>,
    Option<String>,
    Option<String>,
    Option<String>,
);

type SessionRow = (
    String,
    Option<String>,
    ActivityProgramme,
    NaiveDateTime,
    NaiveDateTime,
    Option<i32>,
    Option<i32>,
    Option<i32>,
);

type DuoRow = (
    String,
    String,
    DuoStatus,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    Option<DuoOutcome>,
);

/// Reads everything the report of `period` needs.
pub fn facts(conn: &mut DbConnection, period: Period) -> QueryResult<Facts> {
    let (start, end) = period.utc();
    let mut facts = Facts {
        people: people_facts(conn)?,
        ..Facts::default()
    };

    // Sessions scheduled in the period, not cancelled (drafts never took place either).
    let sessions: Vec<SessionRow> = activities::table
        .filter(activities::starts_at.ge(start))
        .filter(activities::starts_at.lt(end))
        .filter(activities::status.eq(ActivityStatus::Published))
        .select((
            activities::id,
            activities::series_id,
            activities::programme,
            activities::starts_at,
            activities::ends_at,
            activities::capacity,
            activities::min_newcomer_percent,
            activities::min_local_percent,
        ))
        .load(conn)?;
    let hosts: Vec<(String, String)> = activity_hosts::table
        .inner_join(activities::table)
        .filter(activities::starts_at.ge(start))
        .filter(activities::starts_at.lt(end))
        .select((activity_hosts::activity_id, activity_hosts::person_id))
        .load(conn)?;
    let mut hosts_of: HashMap<String, Vec<Category>> = HashMap::new();
    for (activity, person) in hosts {
        if let Some(p) = facts.people.get(&person) {
            hosts_of.entry(activity).or_default().push(p.category);
        }
    }
    facts.sessions = sessions
        .into_iter()
        .map(
            |(id, series_id, programme, starts_at, ends_at, capacity, mn, ml)| {
                let hosts = hosts_of.remove(&id).unwrap_or_default();
                SessionFacts {
                    id,
                    series_id,
                    programme,
                    starts_at,
                    ends_at,
                    capacity,
                    min_newcomer_percent: mn,
                    min_local_percent: ml,
                    hosts,
                }
            },
        )
        .collect();

    let regs: Vec<(
        String,
        String,
        Category,
        RegistrationStatus,
        Option<NaiveDateTime>,
    )> = registrations::table
        .inner_join(activities::table)
        .filter(activities::starts_at.ge(start))
        .filter(activities::starts_at.lt(end))
        .filter(activities::status.eq(ActivityStatus::Published))
        .select((
            registrations::activity_id,
            registrations::person_id,
            registrations::category,
            registrations::status,
            registrations::promoted_at,
        ))
        .load(conn)?;
    facts.registrations = regs
        .into_iter()
        .map(
            |(activity_id, person_id, category, status, promoted_at)| RegistrationFacts {
                activity_id,
                person_id,
                category,
                status,
                promoted: promoted_at.is_some(),
            },
        )
        .collect();

    // Duos touching the period: proposed before its end and not ended before its start.
    let duo_rows: Vec<DuoRow> = duos::table
        .filter(duos::proposed_at.lt(end))
        .filter(duos::ended_at.is_null().or(duos::ended_at.ge(start)))
        .select((
            duos::newcomer_id,
            duos::local_id,
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
            |(newcomer_id, local_id, status, proposed_at, confirmed_at, ended_at, outcome)| {
                DuoFacts {
                    newcomer_id,
                    local_id,
                    status,
                    proposed_at,
                    confirmed_at,
                    ended_at,
                    outcome,
                }
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
    facts.entrepreneurs = entrepreneurs(conn, period, end)?;
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

/// Every person's aggregate facts (anonymised people included: what reports count stays).
fn people_facts(conn: &mut DbConnection) -> QueryResult<HashMap<String, PersonFacts>> {
    let rows: Vec<PersonRow> = people::table
        .select((
            people::id,
            people::profile,
            people::category_override,
            people::created_at,
            people::birth_year,
            people::gender,
            people::commune,
            people::origin_region,
        ))
        .load(conn)?;
    let mut languages: HashMap<String, Vec<String>> = HashMap::new();
    for (person, language) in person_languages::table
        .select((person_languages::person_id, person_languages::language))
        .load::<(String, String)>(conn)?
    {
        languages.entry(person).or_default().push(language);
    }
    Ok(rows
        .into_iter()
        .map(
            |(id, profile, over, created_at, birth_year, gender, commune, origin)| {
                let languages = languages.remove(&id).unwrap_or_default();
                (
                    id,
                    PersonFacts {
                        category: over.unwrap_or(profile),
                        created_at,
                        birth_year,
                        gender,
                        commune,
                        origin_region: origin,
                        languages,
                    },
                )
            },
        )
        .collect())
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

/// Entrepreneurs whose path started before the end of the period; `accompanied` when it
/// started in the period or a meeting was held in it.
fn entrepreneurs(
    conn: &mut DbConnection,
    period: Period,
    end: NaiveDateTime,
) -> QueryResult<Vec<EntrepreneurFacts>> {
    let (start, _) = period.utc();
    let rows: Vec<(String, String, ProjectStage, NaiveDateTime)> = interlab_entrepreneurs::table
        .filter(interlab_entrepreneurs::created_at.lt(end))
        .select((
            interlab_entrepreneurs::id,
            interlab_entrepreneurs::person_id,
            interlab_entrepreneurs::stage,
            interlab_entrepreneurs::created_at,
        ))
        .load(conn)?;
    let met: std::collections::HashSet<String> = interlab_meetings::table
        .filter(interlab_meetings::held_on.ge(period.from))
        .filter(interlab_meetings::held_on.le(period.to))
        .select(interlab_meetings::entrepreneur_id)
        .load::<String>(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|(id, person_id, stage, created_at)| EntrepreneurFacts {
            person_id,
            stage,
            created_at,
            accompanied: created_at >= start || met.contains(&id),
        })
        .collect())
}
