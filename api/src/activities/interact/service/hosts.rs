//! A host's page: their proposals, the workshops they host with each session's figures, the
//! newcomer/local mix month by month, attendance and their autonomy history.

use std::collections::HashMap;

use shared::interact::{FeedbackComment, HostPage, HostSession, HostWorkshop, WorkshopFeedback};
use uuid::Uuid;

use super::{lookups, visible_person, Acting};
use crate::activities::dto::pick;
use crate::activities::interact::domain::{feedback_average, timeline, totals, SessionFigures};
use crate::activities::interact::dto;
use crate::activities::interact::store::feedback::FeedbackRow;
use crate::activities::interact::store::{host, AutonomyRow, ProposalRow};
use crate::db::{stored_id, Db, DbConnection};
use crate::error::ApiError;
use crate::people::store::PersonRow;

/// `with_comments`: the participants' comments on the workshops are shown (coordinators and
/// administrators); other roles see the figures only.
pub async fn page(
    db: &Db,
    acting: &Acting,
    person_id: Uuid,
    with_comments: bool,
) -> Result<HostPage, ApiError> {
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
                        feedback: WorkshopFeedback::default(),
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
        add_feedback(conn, &mut workshops, with_comments)?;
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
            category: person.category(),
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

/// Each workshop's feedback figures over its sessions (and the comments, unnamed, when asked).
fn add_feedback(
    conn: &mut DbConnection,
    workshops: &mut [HostWorkshop],
    with_comments: bool,
) -> Result<(), ApiError> {
    let ids: Vec<String> = workshops
        .iter()
        .flat_map(|w| w.sessions.iter().map(|s| s.activity_id.to_string()))
        .collect();
    let rows = FeedbackRow::of_activities(conn, &ids)?;
    for w in workshops.iter_mut() {
        let starts: HashMap<String, chrono::DateTime<chrono::Utc>> = w
            .sessions
            .iter()
            .map(|s| (s.activity_id.to_string(), s.starts_at))
            .collect();
        let mine: Vec<&FeedbackRow> = rows
            .iter()
            .filter(|r| starts.contains_key(&r.activity_id))
            .collect();
        let ratings: Vec<i32> = mine.iter().map(|r| r.rating).collect();
        let (answers, withheld, average) = feedback_average(&ratings);
        let mut comments = Vec::new();
        if with_comments {
            for r in &mine {
                if let (Some(c), Some(at)) = (&r.comment, starts.get(&r.activity_id)) {
                    comments.push(FeedbackComment {
                        activity_id: stored_id(&r.activity_id)?,
                        starts_at: *at,
                        comment: c.clone(),
                    });
                }
            }
        }
        w.feedback = WorkshopFeedback {
            answers,
            withheld,
            average,
            comments,
        };
    }
    Ok(())
}
