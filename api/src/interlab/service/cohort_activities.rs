//! A cohort's collective trainings and networking evenings: activities of the programme
//! `interlab` (so they reach the public feeds like any other) linked to the cohort, and the
//! cohort page's table of each entrepreneur's attendance, read from the activities'
//! registrations (attendance itself is taken on the activity's page).

use std::collections::HashMap;

use serde_json::json;
use shared::activities::ActivityProgramme;
use shared::interlab::{CohortActivities, CohortActivity, CohortAttendance};
use shared::Lang;
use uuid::Uuid;

use super::Acting;
use crate::activities::dto::pick;
use crate::audit::{audit_event, AuditAction};
use crate::db::{stored_id, write_transaction, Db};
use crate::error::ApiError;
use crate::i18n::Msg;
use crate::interlab::store::cohort_activities as store;
use crate::interlab::store::CohortRow;

/// The cohort's activities in start order and its entrepreneurs by name with their
/// registration to each (a coach: the entrepreneurs they accompany).
pub async fn list(db: &Db, acting: &Acting, cohort: Uuid) -> Result<CohortActivities, ApiError> {
    let coach = acting.coach.clone();
    let lang: Lang = acting.lang;
    db.run(move |conn| {
        let row = CohortRow::get(conn, &cohort.to_string())?;
        let linked = store::activities_of(conn, &row.id)?;
        let members = store::members(conn, &row.id, coach.as_deref())?;
        let people: Vec<String> = members.iter().map(|m| m.1.clone()).collect();
        let names = crate::people::store::names(conn, &people)?;
        let ids: Vec<String> = linked.iter().map(|a| a.id.clone()).collect();
        let regs: HashMap<(String, String), _> = store::registrations_of(conn, &ids, &people)?
            .into_iter()
            .map(|(a, p, s)| ((a, p), s))
            .collect();
        let activities = linked
            .iter()
            .map(|a| {
                Ok(CohortActivity {
                    id: stored_id(&a.id)?,
                    title: pick(&a.title, lang.code()),
                    starts_at: a.starts_at.and_utc(),
                    status: a.status,
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        let mut entrepreneurs = members
            .iter()
            .map(|(e, person, project)| {
                Ok(CohortAttendance {
                    entrepreneur_id: stored_id(e)?,
                    display_name: names.get(person).cloned().unwrap_or_default(),
                    project_name: project.clone(),
                    attendance: ids
                        .iter()
                        .map(|a| regs.get(&(a.clone(), person.clone())).copied())
                        .collect(),
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        entrepreneurs.sort_by(|a, b| {
            crate::people::domain::fold(&a.display_name)
                .cmp(&crate::people::domain::fold(&b.display_name))
        });
        Ok(CohortActivities {
            activities,
            entrepreneurs,
        })
    })
    .await
}

/// Links an InterLab activity to the cohort (again: nothing changes). Another programme's
/// activity is refused on `activity_id`; an unknown cohort or activity is not found.
pub async fn link(db: &Db, acting: &Acting, cohort: Uuid, activity: Uuid) -> Result<(), ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = CohortRow::get(conn, &cohort.to_string())?;
            let activity = activity.to_string();
            match store::programme_of(conn, &activity)? {
                None => return Err(ApiError::NotFound),
                Some(ActivityProgramme::Interlab) => {}
                Some(_) => return Err(ApiError::field("activity_id", Msg::InvalidValue)),
            }
            if store::is_linked(conn, &row.id, &activity)? {
                return Ok(());
            }
            store::link(
                conn,
                &row.id,
                &activity,
                &acting.user_id.to_string(),
                crate::db::now(),
            )?;
            audit_event(
                conn,
                &acting.actor,
                AuditAction::InterlabCohortActivityLinked,
                "interlab_cohort",
                &row.id,
                json!({ "activity_id": activity }),
            )
        })
    })
    .await
}

/// Unlinks the activity from the cohort (the activity itself stays); not linked: not found.
pub async fn unlink(
    db: &Db,
    acting: &Acting,
    cohort: Uuid,
    activity: Uuid,
) -> Result<(), ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = CohortRow::get(conn, &cohort.to_string())?;
            let activity = activity.to_string();
            if store::unlink(conn, &row.id, &activity)? == 0 {
                return Err(ApiError::NotFound);
            }
            audit_event(
                conn,
                &acting.actor,
                AuditAction::InterlabCohortActivityUnlinked,
                "interlab_cohort",
                &row.id,
                json!({ "activity_id": activity }),
            )
        })
    })
    .await
}
