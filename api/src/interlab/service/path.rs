//! The path: templates per need domain, and each entrepreneur's milestones, generated from
//! templates then edited freely, with their progress per domain and overall.

use std::collections::HashMap;

use serde_json::json;
use shared::interlab::{
    DomainProgress, FromTemplates, Milestone, MilestoneInput, MilestoneStatus, NeedDomain,
    PathView, Template, TemplateInput,
};
use uuid::Uuid;

use super::{today, visible_entrepreneur, Acting};
use crate::audit::{audit_event, AuditAction};
use crate::db::{stored_id as uuid, write_transaction, Db, DbConnection};
use crate::error::ApiError;
use crate::i18n::Msg;
use crate::interlab::domain::{
    check_template, completed_on, is_overdue, progress, schedule, MilestoneData, Progress,
};
use crate::interlab::store::diagnostics::owner_of_need;
use crate::interlab::store::milestones::{need_domains, MilestoneRow, TemplateRow};
use crate::interlab::store::EntrepreneurRow;

fn template_view(r: &TemplateRow) -> Result<Template, ApiError> {
    Ok(Template {
        id: uuid(&r.id)?,
        domain: r.domain,
        position: r.position,
        title: r.title.clone(),
        description: r.description.clone(),
        typical_days: r.typical_days,
        resources: r.resources.clone(),
    })
}

/// Templates by domain and position (of one domain when given).
pub async fn templates(db: &Db, domain: Option<NeedDomain>) -> Result<Vec<Template>, ApiError> {
    db.run(move |conn| {
        TemplateRow::list(conn, domain)?
            .iter()
            .map(template_view)
            .collect()
    })
    .await
}

/// Adds a template, or changes one (`id`).
pub async fn save_template(
    db: &Db,
    acting: &Acting,
    id: Option<Uuid>,
    input: TemplateInput,
) -> Result<Template, ApiError> {
    let t = check_template(&input)?;
    let actor = acting.actor.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let now = crate::db::now();
            let (row, action) = match id {
                Some(id) => {
                    let mut row = TemplateRow::get(conn, &id.to_string())?;
                    row.domain = t.domain;
                    row.position = t.position;
                    row.title = t.title;
                    row.description = t.description;
                    row.typical_days = t.typical_days;
                    row.resources = t.resources;
                    row.updated_at = now;
                    row.save(conn)?;
                    (row, AuditAction::InterlabTemplateUpdated)
                }
                None => {
                    let row = TemplateRow {
                        id: Uuid::now_v7().to_string(),
                        domain: t.domain,
                        position: t.position,
                        title: t.title,
                        description: t.description,
                        typical_days: t.typical_days,
                        resources: t.resources,
                        created_at: now,
                        updated_at: now,
                    };
                    row.insert(conn)?;
                    (row, AuditAction::InterlabTemplateCreated)
                }
            };
            audit_event(
                conn,
                &actor,
                action,
                "interlab_template",
                &row.id,
                json!({ "domain": row.domain.as_str() }),
            )?;
            template_view(&row)
        })
    })
    .await
}

fn milestone_view(
    r: &MilestoneRow,
    domains: &HashMap<String, NeedDomain>,
    today: chrono::NaiveDate,
) -> Result<Milestone, ApiError> {
    Ok(Milestone {
        id: uuid(&r.id)?,
        entrepreneur_id: uuid(&r.entrepreneur_id)?,
        need_id: r.need_id.as_deref().map(uuid).transpose()?,
        domain: r.need_id.as_ref().and_then(|n| domains.get(n).copied()),
        template_id: r.template_id.as_deref().map(uuid).transpose()?,
        title: r.title.clone(),
        description: r.description.clone(),
        due_on: r.due_on,
        owner: r.owner,
        status: r.status,
        evidence: r.evidence.clone(),
        completed_on: r.completed_on,
        overdue: is_overdue(r.due_on, r.status, today),
    })
}

pub(crate) fn milestone_views(
    conn: &mut DbConnection,
    rows: &[MilestoneRow],
) -> Result<Vec<Milestone>, ApiError> {
    let needs: Vec<String> = rows.iter().filter_map(|r| r.need_id.clone()).collect();
    let domains = need_domains(conn, &needs)?;
    let today = today();
    rows.iter()
        .map(|r| milestone_view(r, &domains, today))
        .collect()
}

fn domain_progress(domain: Option<NeedDomain>, p: Progress) -> DomainProgress {
    DomainProgress {
        domain,
        done: p.done,
        total: p.total,
        percent: p.percent(),
    }
}

fn path_view(conn: &mut DbConnection, entrepreneur_id: &str) -> Result<PathView, ApiError> {
    let rows = MilestoneRow::of_entrepreneur(conn, entrepreneur_id)?;
    let milestones = milestone_views(conn, &rows)?;
    let (by, overall) = progress(
        &milestones
            .iter()
            .map(|m| (m.domain, m.status))
            .collect::<Vec<_>>(),
    );
    Ok(PathView {
        overdue: u32::try_from(milestones.iter().filter(|m| m.overdue).count()).unwrap_or(0),
        milestones,
        by_domain: by.into_iter().map(|(d, p)| domain_progress(d, p)).collect(),
        overall: domain_progress(None, overall),
    })
}

/// An entrepreneur's path and its progress.
pub async fn path(db: &Db, acting: &Acting, id: Uuid) -> Result<PathView, ApiError> {
    let coach = acting.coach.clone();
    db.run(move |conn| {
        let e = visible_entrepreneur(conn, coach.as_deref(), id)?;
        path_view(conn, &e.id)
    })
    .await
}

/// A need of this entrepreneur's diagnostics; another's is refused on `field`.
pub(crate) fn own_need(
    conn: &mut DbConnection,
    entrepreneur_id: &str,
    need: Uuid,
    field: &str,
) -> Result<String, ApiError> {
    let need = need.to_string();
    match owner_of_need(conn, &need)? {
        Some(owner) if owner == entrepreneur_id => Ok(need),
        _ => Err(ApiError::field(field, Msg::NotTheirNeed)),
    }
}

/// Adds a milestone to the path, or changes one (`milestone`).
pub async fn save_milestone(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    milestone: Option<Uuid>,
    input: MilestoneInput,
) -> Result<Milestone, ApiError> {
    let data = MilestoneData::parse(&input)?;
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let e = visible_entrepreneur(conn, acting.coach.as_deref(), id)?;
            save_milestone_in(conn, &acting, &e, milestone, &data)
        })
    })
    .await
}

/// Adds a milestone to the path of `e` (an entrepreneur the caller may see), or changes one,
/// inside the caller's transaction: its need must be one of this entrepreneur's.
pub(crate) fn save_milestone_in(
    conn: &mut DbConnection,
    acting: &Acting,
    e: &EntrepreneurRow,
    milestone: Option<Uuid>,
    data: &MilestoneData,
) -> Result<Milestone, ApiError> {
    let need = data
        .need_id
        .map(|n| own_need(conn, &e.id, n, "need_id"))
        .transpose()?;
    let now = crate::db::now();
    let before = match milestone {
        Some(m) => Some(MilestoneRow::get(conn, &e.id, &m.to_string())?),
        None => None,
    };
    let completed = completed_on(
        before.as_ref().map(|b| (b.status, b.completed_on)),
        data.status,
        today(),
    );
    let row = MilestoneRow {
        id: before
            .as_ref()
            .map(|b| b.id.clone())
            .unwrap_or_else(|| Uuid::now_v7().to_string()),
        entrepreneur_id: e.id.clone(),
        need_id: need,
        template_id: before.as_ref().and_then(|b| b.template_id.clone()),
        title: data.title.clone(),
        description: data.description.clone(),
        due_on: data.due_on,
        owner: data.owner,
        status: data.status,
        evidence: data.evidence.clone(),
        completed_on: completed,
        created_by: before
            .as_ref()
            .map_or(Some(acting.user_id.to_string()), |b| b.created_by.clone()),
        created_at: before.as_ref().map_or(now, |b| b.created_at),
        updated_at: now,
    };
    let action = if before.is_some() {
        row.save(conn)?;
        AuditAction::InterlabMilestoneUpdated
    } else {
        row.insert(conn)?;
        AuditAction::InterlabMilestoneCreated
    };
    audit_event(
        conn,
        &acting.actor,
        action,
        "interlab_entrepreneur",
        &e.id,
        json!({ "milestone_id": row.id, "status": row.status.as_str() }),
    )?;
    milestone_views(conn, &[row])?
        .pop()
        .ok_or(ApiError::NotFound)
}

/// Generates the milestones of a need from its domain's templates, one after the other.
pub async fn from_templates(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    input: FromTemplates,
) -> Result<PathView, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let e = visible_entrepreneur(conn, acting.coach.as_deref(), id)?;
            let need = own_need(conn, &e.id, input.need_id, "need_id")?;
            let domain = need_domains(conn, std::slice::from_ref(&need))?
                .get(&need)
                .copied()
                .ok_or(ApiError::NotFound)?;
            let all = TemplateRow::list(conn, Some(domain))?;
            let chosen: Vec<TemplateRow> = match &input.template_ids {
                None => all,
                Some(ids) => {
                    let ids: Vec<String> = ids.iter().map(Uuid::to_string).collect();
                    if let Some(i) = ids.iter().position(|t| !all.iter().any(|a| &a.id == t)) {
                        return Err(ApiError::field(
                            &format!("template_ids[{i}]"),
                            Msg::InvalidValue,
                        ));
                    }
                    all.into_iter().filter(|a| ids.contains(&a.id)).collect()
                }
            };
            if chosen.is_empty() {
                return Err(ApiError::field("need_id", Msg::NoTemplates));
            }
            let days: Vec<i32> = chosen.iter().map(|t| t.typical_days).collect();
            let dues = schedule(input.starts_on.unwrap_or_else(today), &days);
            let now = crate::db::now();
            for (t, due) in chosen.iter().zip(dues) {
                MilestoneRow {
                    id: Uuid::now_v7().to_string(),
                    entrepreneur_id: e.id.clone(),
                    need_id: Some(need.clone()),
                    template_id: Some(t.id.clone()),
                    title: t.title.clone(),
                    description: t.description.clone(),
                    due_on: Some(due),
                    owner: shared::interlab::MilestoneOwner::Entrepreneur,
                    status: MilestoneStatus::Todo,
                    evidence: None,
                    completed_on: None,
                    created_by: Some(acting.user_id.to_string()),
                    created_at: now,
                    updated_at: now,
                }
                .insert(conn)?;
            }
            audit_event(
                conn,
                &acting.actor,
                AuditAction::InterlabMilestoneCreated,
                "interlab_entrepreneur",
                &e.id,
                json!({ "from_templates": chosen.len(), "domain": domain.as_str() }),
            )?;
            path_view(conn, &e.id)
        })
    })
    .await
}
