//! Entrepreneurs: the list with its filters, one entrepreneur, and changes to their project.

use serde_json::json;
use shared::auth::Role;
use shared::interlab::{
    CoachChoice, Entrepreneur, EntrepreneurFilter, EntrepreneurInput, TermKind,
};
use shared::Lang;
use uuid::Uuid;

use super::{check_coach, unique, visible_entrepreneur, Acting};
use crate::audit::{audit_event, Actor, AuditAction};
use crate::db::{write_transaction, Db, DbConnection};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::interlab::domain::{coach_may_apply, ProjectData};
use crate::interlab::dto::{self, Lookups};
use crate::interlab::store::{self, CohortRow, EntrepreneurQuery, EntrepreneurRow, TermRow};
use crate::people::store::CoachRow;

fn views(
    conn: &mut DbConnection,
    rows: &[EntrepreneurRow],
    lang: Lang,
) -> Result<Vec<Entrepreneur>, ApiError> {
    let people = unique(rows.iter().map(|r| r.person_id.clone()));
    let l = Lookups {
        people: crate::people::store::names(conn, &people)?,
        memberships: store::membership_statuses(conn, &people)?,
        staff: crate::audit::actor_names(
            conn,
            &unique(rows.iter().filter_map(|r| r.coach_id.clone())),
        )?,
        cohorts: store::cohort_names(
            conn,
            &unique(rows.iter().filter_map(|r| r.cohort_id.clone())),
        )?,
        sectors: store::terms_by_id(conn, TermKind::Sector)?,
        overdue: store::milestones::overdue_counts(
            conn,
            &rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>(),
            super::today(),
        )?,
        lang: Some(lang),
        ..Lookups::default()
    };
    rows.iter().map(|r| dto::entrepreneur(r, &l)).collect()
}

pub(crate) fn view(
    conn: &mut DbConnection,
    row: &EntrepreneurRow,
    lang: Lang,
) -> Result<Entrepreneur, ApiError> {
    views(conn, std::slice::from_ref(row), lang)?
        .pop()
        .ok_or(ApiError::NotFound)
}

/// The sector, cohort and coach a project names exist (field errors otherwise).
pub(crate) fn check_references(
    conn: &mut DbConnection,
    prefix: &str,
    p: &ProjectData,
) -> Result<(), ApiError> {
    let mut v = Validator::new();
    if let Some(s) = p.sector_id {
        if TermRow::find(conn, TermKind::Sector, &s.to_string())?.is_none() {
            v.add(&format!("{prefix}sector_id"), Msg::InvalidValue);
        }
    }
    if let Some(c) = p.cohort_id {
        if CohortRow::find(conn, &c.to_string())?.is_none() {
            v.add(&format!("{prefix}cohort_id"), Msg::InvalidValue);
        }
    }
    if let Some(c) = p.coach_id {
        match check_coach(conn, &format!("{prefix}coach_id"), c) {
            Ok(()) => {}
            Err(ApiError::Validation(errors)) => {
                for (f, m) in errors {
                    v.add(&f, m);
                }
            }
            Err(other) => return Err(other),
        }
    }
    v.finish()
}

/// The entrepreneur's coach accompanies the person in the people feature too, so that the
/// coach sees them there and here (one relation, audited like any coach assignment).
pub(crate) fn accompany(
    conn: &mut DbConnection,
    actor: &Actor,
    row: &EntrepreneurRow,
) -> Result<(), ApiError> {
    let Some(coach) = &row.coach_id else {
        return Ok(());
    };
    if crate::people::store::is_coached_by(conn, &row.person_id, coach)? {
        return Ok(());
    }
    CoachRow::add(conn, &row.person_id, coach)?;
    audit_event(
        conn,
        actor,
        AuditAction::PersonCoachAssigned,
        "person",
        &row.person_id,
        json!({ "user_id": coach, "via": "interlab" }),
    )
}

/// The coach an entrepreneur had stops accompanying the person when InterLab names another
/// one (or none): the relation InterLab made ends with the role that made it, audited like any
/// removal, so the previous coach no longer sees the person here nor in the people feature.
fn release_previous_coach(
    conn: &mut DbConnection,
    actor: &Actor,
    person_id: &str,
    previous: Option<&str>,
    next: Option<&str>,
) -> Result<(), ApiError> {
    let Some(previous) = previous.filter(|p| Some(*p) != next) else {
        return Ok(());
    };
    if CoachRow::remove(conn, person_id, previous)? > 0 {
        audit_event(
            conn,
            actor,
            AuditAction::PersonCoachRemoved,
            "person",
            person_id,
            json!({ "user_id": previous, "via": "interlab" }),
        )?;
    }
    Ok(())
}

/// At most this many accounts in the coach picker (a small team: far more than it has).
const COACH_CHOICES_MAX: i64 = 500;

/// The active staff accounts that may accompany an entrepreneur (mentors' accounts do not), by
/// name: the coach picker of those who assign coaches.
pub async fn coach_choices(db: &Db) -> Result<Vec<CoachChoice>, ApiError> {
    db.run(move |conn| {
        let query = crate::accounts::store::UserQuery {
            q: None,
            role: None,
            active: Some(true),
        };
        let (rows, _) = crate::accounts::store::UserRow::list(conn, &query, 0, COACH_CHOICES_MAX)?;
        rows.into_iter()
            .filter(|u| u.role != Role::Mentor)
            .map(|u| {
                Ok(CoachChoice {
                    id: crate::db::stored_id(&u.id)?,
                    display_name: u.display_name,
                    role: u.role,
                })
            })
            .collect()
    })
    .await
}

/// One page of entrepreneurs by project name (coaches: those they accompany), and the total.
pub async fn list(
    db: &Db,
    acting: &Acting,
    f: EntrepreneurFilter,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Entrepreneur>, u64), ApiError> {
    let q = EntrepreneurQuery {
        cohort: f.cohort.map(|u| u.to_string()),
        stage: f.stage,
        sector: f.sector.map(|u| u.to_string()),
        coach: f.coach.map(|u| u.to_string()),
        scope: acting.coach.clone(),
        ids: None,
    };
    let lang = acting.lang;
    let overdue = f.overdue;
    db.run(move |conn| {
        let mut q = q;
        if let Some(wanted) = overdue {
            q.ids = Some((
                wanted,
                store::milestones::with_overdue(conn, super::today())?,
            ));
        }
        let (rows, count) = EntrepreneurRow::page(conn, &q, offset, limit)?;
        Ok((views(conn, &rows, lang)?, u64::try_from(count).unwrap_or(0)))
    })
    .await
}

pub async fn get(db: &Db, acting: &Acting, id: Uuid) -> Result<Entrepreneur, ApiError> {
    let (coach, lang) = (acting.coach.clone(), acting.lang);
    db.run(move |conn| {
        let row = visible_entrepreneur(conn, coach.as_deref(), id)?;
        view(conn, &row, lang)
    })
    .await
}

/// Changes the project and its accompaniment. A coach changes the project of the entrepreneurs
/// they accompany, not who accompanies them nor their cohort.
pub async fn update(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    input: EntrepreneurInput,
) -> Result<Entrepreneur, ApiError> {
    let data = ProjectData::parse(&input)?;
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let mut row = visible_entrepreneur(conn, acting.coach.as_deref(), id)?;
            if acting.coach.is_some()
                && !coach_may_apply(
                    (row.cohort_id.as_deref(), row.coach_id.as_deref()),
                    (data.cohort_id, data.coach_id),
                )
            {
                return Err(ApiError::Forbidden);
            }
            check_references(conn, "", &data)?;
            let mut changed = Vec::new();
            let mut set = |name: &'static str, differs: bool| {
                if differs {
                    changed.push(name);
                }
            };
            let sector = data.sector_id.map(|s| s.to_string());
            let cohort = data.cohort_id.map(|s| s.to_string());
            let coach = data.coach_id.map(|s| s.to_string());
            set("project_name", row.project_name != data.name);
            set("description", row.project_description != data.description);
            set("sector_id", row.sector_id != sector);
            set("stage", row.stage != data.stage);
            set("legal_form", row.legal_form != data.legal_form);
            set("target_date", row.target_date != data.target_date);
            set("cohort_id", row.cohort_id != cohort);
            set("coach_id", row.coach_id != coach);
            row.project_name = data.name.clone();
            row.project_description = data.description.clone();
            row.sector_id = sector;
            row.stage = data.stage;
            row.legal_form = data.legal_form;
            row.target_date = data.target_date;
            row.cohort_id = cohort;
            let previous_coach = std::mem::replace(&mut row.coach_id, coach);
            if !changed.is_empty() {
                row.updated_at = crate::db::now();
                row.save(conn)?;
                release_previous_coach(
                    conn,
                    &acting.actor,
                    &row.person_id,
                    previous_coach.as_deref(),
                    row.coach_id.as_deref(),
                )?;
                accompany(conn, &acting.actor, &row)?;
                // Field names only: the project's words stay out of the audit log.
                audit_event(
                    conn,
                    &acting.actor,
                    AuditAction::InterlabEntrepreneurUpdated,
                    "interlab_entrepreneur",
                    &row.id,
                    json!({ "fields": changed, "stage": row.stage.as_str() }),
                )?;
            }
            view(conn, &row, acting.lang)
        })
    })
    .await
}
