//! The reports hook: InterAct's figures over a period, for the yearly report and the board.

use std::collections::HashMap;

use chrono::NaiveDate;
use shared::interact::{AutonomyLevel, InteractSummary, LevelCount, ProposalStatus, StatusCount};
use shared::people::Category;

use crate::activities::interact::domain::highest;
use crate::activities::interact::store;
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::i18n::Msg;

/// Proposals received between `from` and `to` (inclusive, either open), how many became
/// workshops, and the hosts of those workshops by category and by their highest current level.
pub fn summary(
    conn: &mut DbConnection,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<InteractSummary, ApiError> {
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(ApiError::field("to", Msg::EndBeforeStart));
        }
    }
    let start = from.and_then(|d| d.and_hms_opt(0, 0, 0));
    let before = to
        .and_then(|d| d.succ_opt())
        .and_then(|d| d.and_hms_opt(0, 0, 0));
    let rows = store::summary_rows(conn, start, before)?;
    let mut by_status: HashMap<ProposalStatus, u32> = HashMap::new();
    let mut host_levels: HashMap<String, Vec<AutonomyLevel>> = HashMap::new();
    let mut turned = 0;
    for (_, person, status, level, workshop) in &rows {
        *by_status.entry(*status).or_default() += 1;
        if *workshop {
            turned += 1;
            host_levels.entry(person.clone()).or_default().push(*level);
        }
    }
    let hosts: Vec<String> = host_levels.keys().cloned().collect();
    let info = super::hosts_info(conn, &hosts)?;
    let mut by_level: HashMap<AutonomyLevel, u32> = HashMap::new();
    for levels in host_levels.values() {
        if let Some(top) = highest(levels.iter().copied()) {
            *by_level.entry(top).or_default() += 1;
        }
    }
    let count = |c: Option<Category>| {
        u32::try_from(info.values().filter(|h| h.category == c).count()).unwrap_or(u32::MAX)
    };
    Ok(InteractSummary {
        from,
        to,
        proposals_received: u32::try_from(rows.len()).unwrap_or(u32::MAX),
        by_status: ProposalStatus::ALL
            .iter()
            .map(|s| StatusCount {
                status: *s,
                count: by_status.get(s).copied().unwrap_or(0),
            })
            .collect(),
        turned_into_workshops: turned,
        hosts_newcomers: count(Some(Category::Newcomer)),
        hosts_locals: count(Some(Category::Local)),
        hosts_without_category: count(None),
        hosts_by_autonomy: AutonomyLevel::ALL
            .iter()
            .map(|l| LevelCount {
                level: *l,
                count: by_level.get(l).copied().unwrap_or(0),
            })
            .collect(),
    })
}
