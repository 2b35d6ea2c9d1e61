//! Mentor suggestions for an entrepreneur: gathers the facts (open needs, languages, sector,
//! communes, mentors' load and waiting time) and lets `domain::mentoring` rank and explain.

use std::collections::HashMap;

use shared::interlab::{
    MentorSuggestion, MentorSuggestions, MilestoneStatus, SuggestionQuery, SuggestionReason,
    TermKind,
};
use uuid::Uuid;

use super::{today, visible_entrepreneur, Acting};
use crate::db::{stored_id as uuid, Db, DbConnection};
use crate::error::ApiError;
use crate::i18n::Msg;
use crate::interlab::domain::mentoring::{
    explain, suggest, Candidate, Place, Seeker, SUGGESTIONS_DEFAULT, SUGGESTIONS_MAX,
};
use crate::interlab::dto;
use crate::interlab::service::mentors;
use crate::interlab::store::diagnostics::of_entrepreneurs;
use crate::interlab::store::mentoring::{
    communes_of, languages_of, last_assigned, loads, MentorRow, MentorshipRow,
};
use crate::interlab::store::milestones::MilestoneRow;
use crate::interlab::store::{EntrepreneurRow, TermRow};

/// Communes by lowercase name, with their position.
fn places(conn: &mut DbConnection) -> Result<HashMap<String, Place>, ApiError> {
    let (rows, _) = crate::duo::store::communes(conn)?;
    Ok(rows
        .into_iter()
        .map(|c| {
            (
                c.name.trim().to_lowercase(),
                Place {
                    name: c.name,
                    lat: c.latitude,
                    lon: c.longitude,
                },
            )
        })
        .collect())
}

/// The needs of the latest diagnostic that the path has not closed yet: a need whose
/// milestones are all done or dropped is met.
fn open_needs(
    conn: &mut DbConnection,
    e: &EntrepreneurRow,
) -> Result<Vec<(shared::interlab::NeedDomain, shared::interlab::NeedPriority)>, ApiError> {
    let Some(latest) = of_entrepreneurs(conn, std::slice::from_ref(&e.id))?.pop() else {
        return Ok(Vec::new());
    };
    let milestones = MilestoneRow::of_entrepreneur(conn, &e.id)?;
    Ok(latest
        .needs
        .iter()
        .filter(|n| {
            let serving: Vec<&MilestoneRow> = milestones
                .iter()
                .filter(|m| m.need_id.as_deref() == Some(n.id.as_str()))
                .collect();
            serving.is_empty()
                || serving.iter().any(|m| {
                    matches!(
                        m.status,
                        MilestoneStatus::Todo | MilestoneStatus::InProgress
                    )
                })
        })
        .map(|n| (n.domain, n.priority))
        .collect())
}

pub async fn suggestions(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    q: SuggestionQuery,
) -> Result<MentorSuggestions, ApiError> {
    let limit = q.limit.unwrap_or(SUGGESTIONS_DEFAULT);
    if !(1..=SUGGESTIONS_MAX).contains(&limit) {
        return Err(ApiError::field(
            "limit",
            Msg::Between(1, i64::from(SUGGESTIONS_MAX)),
        ));
    }
    let acting = acting.clone();
    db.run(move |conn| {
        let e = visible_entrepreneur(conn, acting.coach.as_deref(), id)?;
        let places = places(conn)?;
        let mentors = MentorRow::list(conn)?;
        let people: Vec<String> = mentors
            .iter()
            .map(|m| m.person_id.clone())
            .chain(std::iter::once(e.person_id.clone()))
            .collect();
        let communes = communes_of(conn, &people)?;
        let place_of = |person: &str| {
            communes
                .get(person)
                .and_then(|c| places.get(&c.trim().to_lowercase()))
                .cloned()
        };
        let seeker = Seeker {
            id: uuid(&e.id)?,
            languages: languages_of(conn, &e.person_id)?,
            needs: open_needs(conn, &e)?,
            sector: e.sector_id.as_deref().map(uuid).transpose()?,
            place: place_of(&e.person_id),
            mentors: MentorshipRow::list(conn, None, Some(&e.id), None)?
                .iter()
                .filter(|m| crate::interlab::store::mentoring::OPEN.contains(&m.status))
                .map(|m| uuid(&m.mentor_id))
                .collect::<Result<_, _>>()?,
        };
        let loads = loads(conn)?;
        let last = last_assigned(conn)?;
        let today = today();
        let candidates: Vec<Candidate> = mentors
            .iter()
            .map(|m| {
                let since = last
                    .get(&m.id)
                    .copied()
                    .unwrap_or(m.created_at)
                    .max(m.created_at)
                    .date();
                Ok(Candidate {
                    id: uuid(&m.id)?,
                    active: m.active,
                    languages: m.languages.0.clone(),
                    domains: m.domains.0.clone(),
                    sectors: m
                        .sector_ids
                        .0
                        .iter()
                        .map(|s| uuid(s))
                        .collect::<Result<_, _>>()?,
                    capacity: m.capacity,
                    load: loads.get(&m.id).copied().unwrap_or(0),
                    conflicts: m
                        .conflicts
                        .0
                        .iter()
                        .map(|s| uuid(s))
                        .collect::<Result<_, _>>()?,
                    place: place_of(&m.person_id),
                    waiting_days: u32::try_from((today - since).num_days().max(0)).unwrap_or(0),
                })
            })
            .collect::<Result<_, ApiError>>()?;
        let (ranked, excluded) = suggest(&seeker, &candidates, limit as usize);
        let sector_label = match &e.sector_id {
            Some(s) => {
                TermRow::find(conn, TermKind::Sector, s)?.map(|t| dto::label(&t, acting.lang))
            }
            None => None,
        };
        let chosen: Vec<MentorRow> = ranked.iter().map(|(i, _)| mentors[*i].clone()).collect();
        let views = mentors::views(conn, &chosen, acting.lang)?;
        let suggestions = ranked
            .iter()
            .zip(views)
            .map(|((i, b), mentor)| MentorSuggestion {
                mentor,
                score: b.total,
                reasons: explain(
                    &seeker,
                    &candidates[*i],
                    b,
                    sector_label.as_deref(),
                    acting.lang,
                )
                .into_iter()
                .map(|(code, text)| SuggestionReason { code, text })
                .collect(),
            })
            .collect();
        Ok(MentorSuggestions {
            entrepreneur_id: id,
            suggestions,
            excluded,
        })
    })
    .await
}
