//! Duo2Change: the dated timeline of a duo, pauses and resumptions included. Each move is read
//! from the audit log (`duo.proposed`, `duo.transition`: when, by whom, to which state); duos
//! recorded before that log existed, or loaded by the demo, fall back to the dates the duo
//! row keeps. Reasons are never in the log (it holds no free text): a refusal's or an end's
//! comes from the duo, a pause's from the reason it was last paused with.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use shared::duo::{DuoStatus, DuoStep};

use crate::audit::{self, AuditAction, AuditRow};
use crate::db::DbConnection;
use crate::duo::store::DuoRow;
use crate::error::ApiError;

const ACTIONS: [AuditAction; 2] = [AuditAction::DuoProposed, AuditAction::DuoTransition];

/// The state an audit entry moved the duo to, if it is a move.
fn reached(e: &AuditRow) -> Option<DuoStatus> {
    match e.action.as_str() {
        "duo.proposed" => Some(DuoStatus::Proposed),
        "duo.transition" => serde_json::from_str::<serde_json::Value>(&e.details)
            .ok()?
            .get("to")?
            .as_str()?
            .parse()
            .ok(),
        _ => None,
    }
}

/// The steps of `d`, oldest first, from its audit entries (oldest first) and the names of the
/// staff who acted.
pub fn build(d: &DuoRow, entries: &[AuditRow], names: &HashMap<String, String>) -> Vec<DuoStep> {
    let name = |id: &Option<String>| id.as_ref().and_then(|i| names.get(i).cloned());
    let mut steps: Vec<(DuoStatus, NaiveDateTime, Option<String>)> = entries
        .iter()
        .filter_map(|e| reached(e).map(|s| (s, e.occurred_at, name(&e.actor_id))))
        .collect();
    // Dates the duo row keeps, for moves the log does not have.
    let mut kept: Vec<(DuoStatus, NaiveDateTime, Option<String>)> =
        vec![(DuoStatus::Proposed, d.proposed_at, name(&d.created_by))];
    if let Some(t) = d.introduced_at {
        kept.push((DuoStatus::Introduced, t, None));
    }
    if let Some(t) = d.confirmed_at {
        kept.push((DuoStatus::Active, t, None));
    }
    match d.status {
        s @ (DuoStatus::Ended | DuoStatus::Declined) => {
            if let Some(t) = d.ended_at {
                kept.push((s, t, None));
            }
        }
        // The last save of a paused duo is its pause.
        DuoStatus::Paused => kept.push((DuoStatus::Paused, d.updated_at, None)),
        _ => {}
    }
    for k in kept {
        if !steps.iter().any(|s| s.0 == k.0) {
            steps.push(k);
        }
    }
    steps.sort_by_key(|s| s.1);
    let last_pause = steps.iter().rposition(|s| s.0 == DuoStatus::Paused);
    steps
        .into_iter()
        .enumerate()
        .map(|(i, (s, at, by_name))| DuoStep {
            status: s,
            at: at.and_utc(),
            by_name,
            reason: match s {
                DuoStatus::Declined | DuoStatus::Ended => d.reason.clone(),
                DuoStatus::Paused if Some(i) == last_pause => d.pause_reason.clone(),
                _ => None,
            },
        })
        .collect()
}

/// The timeline of one duo.
pub fn timeline_of(conn: &mut DbConnection, d: &DuoRow) -> Result<Vec<DuoStep>, ApiError> {
    let entries = audit::history(conn, "duo", &d.id, &ACTIONS)?;
    let mut ids: Vec<String> = entries
        .iter()
        .filter_map(|e| e.actor_id.clone())
        .chain(d.created_by.clone())
        .collect();
    ids.sort();
    ids.dedup();
    let names = audit::actor_names(conn, &ids)?;
    Ok(build(d, &entries, &names))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};

    fn at(day: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, day)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .unwrap_or_default()
    }

    fn duo(status: DuoStatus) -> DuoRow {
        DuoRow {
            id: "d".into(),
            newcomer_id: "n".into(),
            local_id: "l".into(),
            newcomer_candidacy_id: None,
            local_candidacy_id: None,
            status,
            score: None,
            explanation: None,
            settings_version: None,
            pinned: false,
            proposed_at: at(1),
            introduced_at: Some(at(3)),
            confirmed_at: Some(at(10)),
            ended_at: None,
            reason: None,
            outcome: None,
            created_by: None,
            updated_at: at(20),
            pause_reason: Some("Vacances".into()),
        }
    }

    fn entry(action: &str, to: &str, when: NaiveDateTime, actor: &str) -> AuditRow {
        AuditRow {
            id: format!("{when}"),
            occurred_at: when,
            actor_id: Some(actor.into()),
            action: action.into(),
            entity_type: "duo".into(),
            entity_id: Some("d".into()),
            details: format!(r#"{{"from":"x","to":"{to}"}}"#),
            ip: None,
            request_id: None,
        }
    }

    #[test]
    fn pauses_and_resumptions_are_dated_from_the_log() {
        let names: HashMap<String, String> = [("u".to_string(), "Sarah".to_string())].into();
        let log = vec![
            entry("duo.proposed", "", at(1), "u"),
            entry("duo.transition", "introduced", at(3), "u"),
            entry("duo.check_in", "", at(4), "u"),
            entry("duo.transition", "active", at(10), "u"),
            entry("duo.transition", "paused", at(12), "u"),
            entry("duo.transition", "active", at(15), "u"),
            entry("duo.transition", "paused", at(18), "u"),
        ];
        let t = build(&duo(DuoStatus::Paused), &log, &names);
        let states: Vec<DuoStatus> = t.iter().map(|s| s.status).collect();
        use DuoStatus::*;
        assert_eq!(
            states,
            [Proposed, Introduced, Active, Paused, Active, Paused]
        );
        assert_eq!(t[4].at, at(15).and_utc());
        assert_eq!(t[1].by_name.as_deref(), Some("Sarah"));
        // The reason belongs to the last pause only.
        assert_eq!(t[3].reason, None);
        assert_eq!(t[5].reason.as_deref(), Some("Vacances"));
    }

    #[test]
    fn old_duos_fall_back_to_their_dates() {
        let mut d = duo(DuoStatus::Ended);
        d.ended_at = Some(at(25));
        d.reason = Some("Déménagement".into());
        let t = build(&d, &[], &HashMap::new());
        let states: Vec<(DuoStatus, NaiveDateTime)> =
            t.iter().map(|s| (s.status, s.at.naive_utc())).collect();
        assert_eq!(
            states,
            [
                (DuoStatus::Proposed, at(1)),
                (DuoStatus::Introduced, at(3)),
                (DuoStatus::Active, at(10)),
                (DuoStatus::Ended, at(25)),
            ]
        );
        assert_eq!(t[3].reason.as_deref(), Some("Déménagement"));
        assert!(t.iter().all(|s| s.by_name.is_none()));
        // Logged moves win over the kept dates; missing ones are filled in.
        let log = vec![entry(
            "duo.transition",
            "introduced",
            at(3) + Duration::hours(1),
            "u",
        )];
        let t = build(&d, &log, &HashMap::new());
        assert_eq!(t.len(), 4);
        assert_eq!(t[1].at, (at(3) + Duration::hours(1)).and_utc());
    }
}
