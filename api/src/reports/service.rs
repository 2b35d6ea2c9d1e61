//! The reports' use cases: the summary of a period, the yearly report, the home page.

use std::sync::Arc;

use chrono::{Datelike, Duration, Utc};
use shared::reports::{
    Home, HomeActivity, HomeItem, ReportCell, ReportQuery, ReportSummary, YearlyReport,
};
use shared::Lang;

use crate::activities::dto::pick;
use crate::db::{stored_id, Db, DbConnection};
use crate::error::ApiError;
use crate::http::auth::AuthUser;
use crate::reports::cache::ReportCache;
use crate::reports::domain::indicators::{report, ProposalFacts, NO_CATEGORY};
use crate::reports::domain::period::{brussels_midnight, Asked, Period};
use crate::reports::store;

/// Today in Brussels.
pub fn today() -> chrono::NaiveDate {
    Utc::now()
        .with_timezone(&chrono_tz::Europe::Brussels)
        .date_naive()
}

/// The period a query asks for (this year when it asks for none).
pub fn period_of(q: &ReportQuery) -> Result<Period, ApiError> {
    Period::resolve(
        Asked {
            from: q.from,
            to: q.to,
            year: q.year,
            quarter: q.quarter,
            month: q.month,
        },
        today(),
    )
    .map_err(|(field, msg)| ApiError::field(field, msg))
}

/// Every programme's figures over `period`, small counts suppressed; read on `conn` and, for
/// the longest reads, on other idle connections of `db` at the same time.
pub fn summary(
    db: &Db,
    conn: &mut DbConnection,
    period: Period,
) -> Result<ReportSummary, ApiError> {
    let mut facts = store::facts_concurrently(db, conn, period)?;
    facts.proposals = proposal_facts(conn, period)?;
    let now = Utc::now();
    Ok(ReportSummary {
        from: period.from,
        to: period.to,
        generated_at: now,
        sections: report(period, &facts, now.naive_utc()),
    })
}

/// [`summary`], given back from `cache` when nothing was written since it was computed.
pub fn cached_summary(
    cache: &ReportCache,
    db: &Db,
    conn: &mut DbConnection,
    period: Period,
) -> Result<Arc<ReportSummary>, ApiError> {
    if let Some(kept) = cache.get(period) {
        return Ok(kept);
    }
    let generation = cache.generation();
    let report = Arc::new(summary(db, conn, period)?);
    cache.put(period, generation, report.clone());
    Ok(report)
}

/// InterAct's pipeline over the period, from the programme's own reports hook.
fn proposal_facts(conn: &mut DbConnection, period: Period) -> Result<ProposalFacts, ApiError> {
    let s = crate::activities::interact::service::summary::summary(
        conn,
        Some(period.from),
        Some(period.to),
    )?;
    Ok(ProposalFacts {
        received: s.proposals_received.into(),
        turned_into_workshops: s.turned_into_workshops.into(),
        hosts_by_category: vec![
            ("newcomer".to_owned(), s.hosts_newcomers.into()),
            ("local".to_owned(), s.hosts_locals.into()),
            (NO_CATEGORY.to_owned(), s.hosts_without_category.into()),
        ],
        hosts_by_level: s
            .hosts_by_autonomy
            .iter()
            .map(|c| (c.level.as_str().to_owned(), c.count.into()))
            .collect(),
    })
}

/// The keys of the yearly report's key figures, in their order.
pub const HIGHLIGHTS: [&str; 9] = [
    "reached",
    "participants",
    "sessions_by_host",
    "participant_hours",
    "trainees",
    "duos_active",
    "candidates_waiting",
    "entrepreneurs",
    "outcomes",
];

/// The funders' report of `year`.
pub fn yearly(
    cache: &ReportCache,
    db: &Db,
    conn: &mut DbConnection,
    year: Option<i32>,
) -> Result<YearlyReport, ApiError> {
    let period = period_of(&ReportQuery {
        year: Some(year.unwrap_or_else(|| today().year())),
        ..ReportQuery::default()
    })?;
    let summary = (*cached_summary(cache, db, conn, period)?).clone();
    // InterAct's tables come first in the summary, so "participants" is InterAct's.
    let highlights: Vec<ReportCell> = HIGHLIGHTS
        .iter()
        .filter_map(|key| {
            summary
                .sections
                .iter()
                .flat_map(|s| &s.tables)
                .filter_map(|t| t.total.as_ref())
                .find(|c| c.key == *key)
                .cloned()
        })
        .collect();
    Ok(YearlyReport {
        year: period.from.year(),
        highlights,
        summary,
    })
}

fn item(id: &str, label: String, detail: Option<String>, link: String) -> Option<HomeItem> {
    Some(HomeItem {
        id: stored_id(id).ok()?,
        label,
        detail,
        link,
    })
}

/// InterLab's follow-up calls due by `by` and not made (a coach: those of the entrepreneurs
/// they accompany), read through the InterLab store: "Name – Project", the due date, the
/// entrepreneur's page (where the outcome and its calls are).
fn interlab_follow_ups_due(
    conn: &mut crate::db::DbConnection,
    by: chrono::NaiveDate,
    coach: Option<&str>,
) -> Result<Vec<HomeItem>, ApiError> {
    use crate::interlab::store::{mentoring::project_names, outcomes};
    let calls = outcomes::follow_ups(conn, false, Some(by), coach)?;
    let mut ids: Vec<String> = calls.iter().map(|c| c.entrepreneur_id.clone()).collect();
    ids.sort();
    ids.dedup();
    let projects = project_names(conn, &ids)?;
    let people: Vec<String> = projects.values().map(|(p, _)| p.clone()).collect();
    let names = crate::people::store::names(conn, &people)?;
    Ok(calls
        .iter()
        .filter_map(|c| {
            let (person, project) = projects.get(&c.entrepreneur_id)?;
            let who = names.get(person).cloned().unwrap_or_default();
            item(
                &c.id,
                format!("{who} – {project}"),
                Some(c.due_on.to_string()),
                format!("/interlab/entrepreneurs/{}", c.entrepreneur_id),
            )
        })
        .collect())
}

/// What needs `user` this week (a coach: only what they accompany).
pub async fn home(db: &Db, user: &AuthUser, lang: Lang) -> Result<Home, ApiError> {
    let coach = user.people_scope();
    let duos = crate::duo::service::duos::attention(db, coach.clone(), lang).await?;
    let sees_all = coach.is_none();
    let mut home = db
        .run(move |conn| {
            let coach = coach.as_deref();
            let today = today();
            let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
            let sunday = monday + Duration::days(6);
            let week = store::home::activities_between(
                conn,
                brussels_midnight(monday),
                Some(brussels_midnight(sunday + Duration::days(1))),
                coach,
            )?;
            // Waiting lists with a free seat, on activities still to come.
            let upcoming =
                store::home::activities_between(conn, Utc::now().naive_utc(), None, coach)?;
            let free: Vec<&store::home::ActivityCounts> = upcoming
                .iter()
                .filter(|a| a.waitlisted > 0)
                .filter(|a| a.capacity.is_none_or(|c| i64::from(a.taken) < i64::from(c)))
                .collect();
            let titles: std::collections::HashMap<&str, String> = free
                .iter()
                .map(|a| (a.id.as_str(), pick(&a.title, lang.code())))
                .collect();
            let ids: Vec<String> = free.iter().map(|a| a.id.clone()).collect();
            let waiting = store::home::waitlisted(conn, &ids)?;
            let follow_ups = store::home::follow_ups_due(conn, sunday, coach)?;
            let signups = store::home::to_review(conn, coach)?;
            let applications = if sees_all {
                store::home::pending_applications(conn)?
            } else {
                Vec::new()
            };
            let milestones = store::home::milestones_overdue(conn, today, coach)?;
            let calls = interlab_follow_ups_due(conn, sunday, coach)?;
            let mut person_ids: Vec<String> = waiting.iter().map(|w| w.0.clone()).collect();
            person_ids.extend(follow_ups.iter().flat_map(|f| [f.2.clone(), f.3.clone()]));
            person_ids.extend(signups.iter().cloned());
            person_ids.extend(applications.iter().map(|a| a.1.clone()));
            person_ids.sort();
            person_ids.dedup();
            let names = crate::people::store::names(conn, &person_ids)?;
            let name = |id: &str| names.get(id).cloned().unwrap_or_default();
            Ok(Home {
                week_of: monday,
                activities: week
                    .iter()
                    .filter_map(|a| {
                        Some(HomeActivity {
                            id: stored_id(&a.id).ok()?,
                            title: pick(&a.title, lang.code()),
                            starts_at: a.starts_at.and_utc(),
                            capacity: a.capacity.and_then(|c| u32::try_from(c).ok()),
                            taken: a.taken,
                            waitlisted: a.waitlisted,
                            newcomers: a.newcomers,
                            locals: a.locals,
                        })
                    })
                    .collect(),
                to_promote: waiting
                    .iter()
                    .filter_map(|(person, activity, _)| {
                        item(
                            person,
                            name(person),
                            titles.get(activity.as_str()).cloned(),
                            format!("/activities/{activity}"),
                        )
                    })
                    .collect(),
                duos_attention: Vec::new(),
                follow_ups_due: follow_ups
                    .iter()
                    .filter_map(|(duo, due, n, l)| {
                        item(
                            duo,
                            format!("{} – {}", name(n), name(l)),
                            Some(due.to_string()),
                            format!("/duo/duos/{duo}"),
                        )
                    })
                    .collect(),
                signups: signups
                    .iter()
                    .filter_map(|p| item(p, name(p), None, "/people/review".into()))
                    .collect(),
                applications: applications
                    .iter()
                    .filter_map(|(id, person)| {
                        item(
                            id,
                            name(person),
                            None,
                            format!("/interlab/applications/{id}"),
                        )
                    })
                    .collect(),
                milestones_overdue: milestones
                    .iter()
                    .filter_map(|(e, title, due)| {
                        item(
                            e,
                            title.clone(),
                            Some(due.to_string()),
                            format!("/interlab/entrepreneurs/{e}/path"),
                        )
                    })
                    .collect(),
                interlab_follow_ups_due: calls,
            })
        })
        .await?;
    home.duos_attention = duos
        .into_iter()
        .filter(|d| {
            d.health
                .as_ref()
                .is_some_and(|h| h.level == shared::duo::HealthLevel::Attention)
        })
        .map(|d| HomeItem {
            id: d.id,
            label: format!("{} – {}", d.newcomer_name, d.local_name),
            detail: d.health.and_then(|h| h.reasons.into_iter().next()),
            link: format!("/duo/duos/{}", d.id),
        })
        .collect();
    Ok(home)
}
