//! A host's page: their proposals, the workshops they host with each session's figures, the
//! newcomer/local mix month by month, attendance and their autonomy history.

use std::collections::HashMap;

use shared::interact::{HostPage, HostSession, HostWorkshop};
use uuid::Uuid;

use super::{lookups, visible_person, Acting};
use crate::activities::dto::pick;
use crate::activities::interact::domain::{timeline, totals, SessionFigures};
use crate::activities::interact::dto;
use crate::activities::interact::store::{host, AutonomyRow, ProposalRow};
use crate::db::{stored_id, Db};
use crate::error::ApiError;
use crate::people::store::PersonRow;

pub async fn page(db: &Db, acting: &Acting, person_id: Uuid) -> Result<HostPage, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        let person = PersonRow::find(conn, person_id)?.ok_or(ApiError::NotFound)?;
        visible_person(conn, acting.coach.as_deref(), &person.id)?;
        let proposals = ProposalRow::of_person(conn, &person.id)?;
        let mut l = lookups(conn, &proposals)?;
        let ids: Vec<String> = proposals.iter().map(|p| p.id.clone()).collect();
        // Sessions: the activities they host and every session of those series, with the
        // series and activities created from their proposals.
        let mut activity_ids = host::hosted_by(conn, &person.id)?;
        let mut series = host::series_of(conn, &activity_ids)?;
        // Which proposal each series or single activity came from.
        let mut origin: HashMap<String, String> = HashMap::new();
        for (proposal, ws) in &l.workshops {
            for w in ws {
                if let Some(s) = &w.series_id {
                    series.push(s.clone());
                    origin.insert(s.clone(), proposal.clone());
                } else if let Some(a) = &w.activity_id {
                    activity_ids.push(a.clone());
                    origin.insert(a.clone(), proposal.clone());
                }
            }
        }
        series.sort();
        series.dedup();
        let sessions = host::sessions_with_series(conn, &activity_ids, &series)?;
        let taken = host::taken(
            conn,
            &sessions.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
        )?;
        let levels: HashMap<String, shared::interact::AutonomyLevel> = proposals
            .iter()
            .map(|p| (p.id.clone(), p.autonomy))
            .collect();
        let lang = acting.lang.code();
        let mut workshops: Vec<HostWorkshop> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut figures = Vec::new();
        for s in &sessions {
            let key = s.series_id.clone().unwrap_or_else(|| s.id.clone());
            let t = taken.get(&s.id).copied().unwrap_or_default();
            let cancelled = s.status == shared::activities::ActivityStatus::Cancelled;
            figures.push(SessionFigures {
                starts_at: s.starts_at,
                cancelled,
                newcomers: t.newcomers,
                locals: t.locals,
                attended: t.attended,
                absent: t.absent,
            });
            let at = match index.get(&key) {
                Some(i) => *i,
                None => {
                    let proposal = origin.get(&key).cloned();
                    workshops.push(HostWorkshop {
                        series_id: s.series_id.as_deref().map(stored_id).transpose()?,
                        title: pick(&s.title.0, lang),
                        proposal_id: proposal.as_deref().map(stored_id).transpose()?,
                        autonomy: proposal.as_ref().and_then(|p| levels.get(p).copied()),
                        sessions: vec![],
                    });
                    index.insert(key.clone(), workshops.len() - 1);
                    workshops.len() - 1
                }
            };
            workshops[at].sessions.push(HostSession {
                activity_id: stored_id(&s.id)?,
                starts_at: s.starts_at.and_utc(),
                status: s.status,
                participants: t.newcomers + t.locals,
                newcomers: t.newcomers,
                locals: t.locals,
                attended: t.attended,
                absent: t.absent,
            });
        }
        let history = AutonomyRow::of_proposals(conn, &ids)?;
        let mut staff: Vec<String> = history
            .iter()
            .filter_map(|h| h.changed_by.clone())
            .collect();
        staff.sort();
        staff.dedup();
        l.staff.extend(crate::audit::actor_names(conn, &staff)?);
        let proposals_dto = proposals
            .iter()
            .map(|p| dto::proposal(p, &l))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(HostPage {
            person_id: stored_id(&person.id)?,
            display_name: crate::people::domain::display_name(
                &person.first_name,
                person.last_name.as_deref(),
                person.preferred_name.as_deref(),
            ),
            category: person.category()?,
            proposals: proposals_dto,
            workshops,
            timeline: timeline(&figures),
            totals: totals(&figures, crate::db::now()),
            autonomy_history: history
                .iter()
                .map(|h| dto::autonomy(h, &l))
                .collect::<Result<_, _>>()?,
        })
    })
    .await
}
