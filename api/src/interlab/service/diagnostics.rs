//! Strengths-first diagnostics: dated, versioned snapshots and the comparison of the first and
//! the latest.

use std::collections::HashMap;

use serde_json::json;
use shared::interlab::{
    Diagnostic, DiagnosticComparison, DiagnosticInput, Diagnostics, Need, NeedChange, Strength,
    StrengthChange, TermKind,
};
use shared::Lang;
use uuid::Uuid;

use super::{unique, visible_entrepreneur, Acting};
use crate::audit::{audit_event, AuditAction};
use crate::db::{lock_rows, stored_id as uuid, write_transaction, Db, DbConnection};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::interlab::domain::{compare, DiagnosticData, Snapshot};
use crate::interlab::dto::label;
use crate::interlab::store::diagnostics::{self as store, DiagnosticRecord, NeedRow, StrengthRow};
use crate::interlab::store::{terms_by_id, TermRow};

fn views(
    conn: &mut DbConnection,
    records: &[DiagnosticRecord],
    lang: Lang,
) -> Result<Diagnostics, ApiError> {
    let terms = terms_by_id(conn, TermKind::Strength)?;
    let staff = crate::audit::actor_names(
        conn,
        &unique(
            records
                .iter()
                .filter_map(|r| r.diagnostic.recorded_by.clone()),
        ),
    )?;
    let name = |id: &str| terms.get(id).map(|t| label(t, lang)).unwrap_or_default();
    let diagnostics = records
        .iter()
        .map(|r| view(r, &terms, &staff, lang))
        .collect::<Result<Vec<_>, ApiError>>()?;
    let snapshots: Vec<Snapshot> = records
        .iter()
        .map(|r| Snapshot {
            version: r.diagnostic.version,
            strengths: r
                .strengths
                .iter()
                .map(|s| (s.strength_id.clone(), s.level))
                .collect(),
            needs: r.needs.iter().map(|n| (n.domain, n.priority)).collect(),
        })
        .collect();
    let comparison = match compare(&snapshots) {
        None => None,
        Some(c) => Some(DiagnosticComparison {
            first_version: c.first_version,
            latest_version: c.latest_version,
            strengths: c
                .strengths
                .iter()
                .map(|(id, first, latest)| {
                    Ok(StrengthChange {
                        strength_id: uuid(id)?,
                        label: name(id),
                        first: *first,
                        latest: *latest,
                    })
                })
                .collect::<Result<_, ApiError>>()?,
            needs: c
                .needs
                .iter()
                .map(|(domain, first, latest)| NeedChange {
                    domain: *domain,
                    first: *first,
                    latest: *latest,
                })
                .collect(),
        }),
    };
    Ok(Diagnostics {
        diagnostics,
        comparison,
    })
}

fn view(
    r: &DiagnosticRecord,
    terms: &HashMap<String, TermRow>,
    staff: &HashMap<String, String>,
    lang: Lang,
) -> Result<Diagnostic, ApiError> {
    let d = &r.diagnostic;
    Ok(Diagnostic {
        id: uuid(&d.id)?,
        entrepreneur_id: uuid(&d.entrepreneur_id)?,
        version: d.version,
        held_on: d.held_on,
        strengths: r
            .strengths
            .iter()
            .map(|s| {
                Ok(Strength {
                    strength_id: uuid(&s.strength_id)?,
                    label: terms
                        .get(&s.strength_id)
                        .map(|t| label(t, lang))
                        .unwrap_or_default(),
                    level: s.level,
                    note: s.note.clone(),
                })
            })
            .collect::<Result<_, ApiError>>()?,
        needs: r
            .needs
            .iter()
            .map(|n| {
                Ok(Need {
                    id: uuid(&n.id)?,
                    domain: n.domain,
                    priority: n.priority,
                    goal: n.goal.clone(),
                    note: n.note.clone(),
                })
            })
            .collect::<Result<_, ApiError>>()?,
        summary: d.summary.clone(),
        recorded_by_name: d.recorded_by.as_ref().and_then(|u| staff.get(u).cloned()),
        created_at: d.created_at.and_utc(),
    })
}

/// An entrepreneur's diagnostics, oldest first, with the comparison of the first and latest.
pub async fn list(db: &Db, acting: &Acting, id: Uuid) -> Result<Diagnostics, ApiError> {
    let (coach, lang) = (acting.coach.clone(), acting.lang);
    db.run(move |conn| {
        let e = visible_entrepreneur(conn, coach.as_deref(), id)?;
        let records = store::of_entrepreneurs(conn, &[e.id])?;
        views(conn, &records, lang)
    })
    .await
}

/// Records a new diagnostic: the next version, dated the day of the conversation.
pub async fn record(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    input: DiagnosticInput,
) -> Result<Diagnostic, ApiError> {
    let data = DiagnosticData::parse(&input, super::today())?;
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let e = visible_entrepreneur(conn, acting.coach.as_deref(), id)?;
            // Two diagnostics recorded at once get successive versions (PostgreSQL; SQLite
            // holds the write lock already).
            lock_rows(
                conn,
                "SELECT id FROM interlab_entrepreneurs WHERE id = $1 FOR UPDATE",
                &e.id,
            )?;
            let terms = terms_by_id(conn, TermKind::Strength)?;
            let mut v = Validator::new();
            for (i, (s, _, _)) in data.strengths.iter().enumerate() {
                if !terms.contains_key(&s.to_string()) {
                    v.add(&format!("strengths[{i}].strength_id"), Msg::InvalidValue);
                }
            }
            v.finish()?;
            let diagnostic_id = Uuid::now_v7().to_string();
            let mut record = DiagnosticRecord {
                diagnostic: store::DiagnosticRow {
                    id: diagnostic_id.clone(),
                    entrepreneur_id: e.id.clone(),
                    version: store::next_version(conn, &e.id)?,
                    held_on: data.held_on,
                    summary: data.summary.clone(),
                    recorded_by: Some(acting.user_id.to_string()),
                    created_at: crate::db::now(),
                },
                strengths: data
                    .strengths
                    .iter()
                    .zip(0..)
                    .map(|((s, level, note), position)| StrengthRow {
                        diagnostic_id: diagnostic_id.clone(),
                        strength_id: s.to_string(),
                        position,
                        level: *level,
                        note: note.clone(),
                    })
                    .collect(),
                needs: data
                    .needs
                    .iter()
                    .map(|(domain, priority, goal, note)| NeedRow {
                        id: Uuid::now_v7().to_string(),
                        diagnostic_id: diagnostic_id.clone(),
                        domain: *domain,
                        priority: *priority,
                        goal: goal.clone(),
                        note: note.clone(),
                    })
                    .collect(),
            };
            // Needs read back in the domains' order, as the store lists them.
            record.needs.sort_by_key(|n| n.domain);
            store::insert(conn, &record)?;
            // Counts only: what the person said stays out of the audit log.
            audit_event(
                conn,
                &acting.actor,
                AuditAction::InterlabDiagnosticRecorded,
                "interlab_entrepreneur",
                &e.id,
                json!({
                    "version": record.diagnostic.version,
                    "strengths": record.strengths.len(),
                    "needs": record.needs.len(),
                }),
            )?;
            let terms = terms_by_id(conn, TermKind::Strength)?;
            let staff = crate::audit::actor_names(conn, &[acting.user_id.to_string()])?;
            view(&record, &terms, &staff, acting.lang)
        })
    })
    .await
}
