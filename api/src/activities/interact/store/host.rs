//! What a host's page reads: the activities they host and their registration figures.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::activities::{ActivityStatus, Multilingual, RegistrationStatus};
use shared::people::Category;

use crate::db::schema::{activities, activity_hosts, registrations};
use crate::db::{DbConnection, JsonText};

/// One session as the host's page shows it.
#[derive(Debug, Clone, Queryable)]
pub struct HostedRow {
    pub id: String,
    pub series_id: Option<String>,
    pub title: JsonText<Multilingual>,
    pub starts_at: NaiveDateTime,
    pub status: ActivityStatus,
}

/// Ids of the activities where the person is a named host.
pub fn hosted_by(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<String>> {
    activity_hosts::table
        .filter(activity_hosts::person_id.eq(person_id))
        .select(activity_hosts::activity_id)
        .load(conn)
}

/// These activities, and every session of their series, by start.
pub fn sessions_with_series(
    conn: &mut DbConnection,
    ids: &[String],
    series: &[String],
) -> QueryResult<Vec<HostedRow>> {
    activities::table
        .filter(
            activities::id
                .eq_any(ids)
                .or(activities::series_id.eq_any(series)),
        )
        .order((activities::starts_at.asc(), activities::id.asc()))
        .select((
            activities::id,
            activities::series_id,
            activities::title,
            activities::starts_at,
            activities::status,
        ))
        .load(conn)
}

/// Series of these activities.
pub fn series_of(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<String>> {
    let found: Vec<Option<String>> = activities::table
        .filter(activities::id.eq_any(ids))
        .select(activities::series_id)
        .load(conn)?;
    let mut out: Vec<String> = found.into_iter().flatten().collect();
    out.sort();
    out.dedup();
    Ok(out)
}

/// Who took part in one session: places taken by newcomers and locals, present and absent.
#[derive(Debug, Clone, Copy, Default)]
pub struct Taken {
    pub newcomers: u32,
    pub locals: u32,
    pub attended: u32,
    pub absent: u32,
}

/// Figures of each activity.
pub fn taken(conn: &mut DbConnection, ids: &[String]) -> QueryResult<HashMap<String, Taken>> {
    let mut out: HashMap<String, Taken> = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(String, RegistrationStatus, Option<Category>, i64)> = registrations::table
            .filter(registrations::activity_id.eq_any(chunk))
            .group_by((
                registrations::activity_id,
                registrations::status,
                registrations::category,
            ))
            .select((
                registrations::activity_id,
                registrations::status,
                registrations::category,
                diesel::dsl::count_star(),
            ))
            .load(conn)?;
        for (id, status, category, n) in rows {
            let n = u32::try_from(n).unwrap_or(0);
            let t = out.entry(id).or_default();
            if status.holds_place() {
                match category {
                    Some(Category::Newcomer) => t.newcomers += n,
                    Some(Category::Local) => t.locals += n,
                    None => {}
                }
            }
            match status {
                RegistrationStatus::Attended => t.attended += n,
                RegistrationStatus::Absent => t.absent += n,
                _ => {}
            }
        }
    }
    Ok(out)
}
