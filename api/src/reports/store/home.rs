//! The home page's queries: this week's activities with their registrations, waiting lists
//! with a free seat, follow-up calls due, sign-ups and applications to review, overdue
//! milestones. `coach`: only what that user accompanies (activities they run, people they
//! coach).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use shared::activities::{ActivityStatus, RegistrationStatus};
use shared::interlab::{ApplicationStatus, MilestoneStatus};
use shared::people::{Category, PersonStatus};

use crate::db::schema::{
    activities, activity_staff, duo_follow_ups, duos, interlab_applications,
    interlab_entrepreneurs, interlab_milestones, people, person_coaches, registrations,
};
use crate::db::{DbConnection, JsonText};

/// An activity with the counts of its registrations.
pub struct ActivityCounts {
    pub id: String,
    pub title: shared::activities::Multilingual,
    pub starts_at: NaiveDateTime,
    pub capacity: Option<i32>,
    pub taken: u32,
    pub waitlisted: u32,
    pub newcomers: u32,
    pub locals: u32,
}

/// Published activities starting in `[from, before)`, with their registrations counted.
pub fn activities_between(
    conn: &mut DbConnection,
    from: NaiveDateTime,
    before: Option<NaiveDateTime>,
    coach: Option<&str>,
) -> QueryResult<Vec<ActivityCounts>> {
    let mut q = activities::table
        .filter(activities::starts_at.ge(from))
        .filter(activities::status.eq(ActivityStatus::Published))
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(activities::starts_at.lt(b));
    }
    if let Some(c) = coach {
        q = q.filter(
            activities::id.eq_any(
                activity_staff::table
                    .filter(activity_staff::user_id.eq(c.to_owned()))
                    .select(activity_staff::activity_id),
            ),
        );
    }
    let rows: Vec<(
        String,
        JsonText<shared::activities::Multilingual>,
        NaiveDateTime,
        Option<i32>,
    )> = q
        .order(activities::starts_at.asc())
        .limit(200)
        .select((
            activities::id,
            activities::title,
            activities::starts_at,
            activities::capacity,
        ))
        .load(conn)?;
    let ids: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    let regs: Vec<(String, Option<Category>, RegistrationStatus)> = registrations::table
        .filter(registrations::activity_id.eq_any(&ids))
        .select((
            registrations::activity_id,
            registrations::category,
            registrations::status,
        ))
        .load(conn)?;
    let mut counts: HashMap<String, (u32, u32, u32, u32)> = HashMap::new();
    for (a, category, status) in regs {
        let e = counts.entry(a).or_default();
        match status {
            RegistrationStatus::Waitlisted => e.1 += 1,
            RegistrationStatus::Registered
            | RegistrationStatus::Attended
            | RegistrationStatus::Absent => {
                e.0 += 1;
                match category {
                    Some(Category::Newcomer) => e.2 += 1,
                    Some(Category::Local) => e.3 += 1,
                    None => {}
                }
            }
            _ => {}
        }
    }
    Ok(rows
        .into_iter()
        .map(|(id, title, starts_at, capacity)| {
            let (taken, waitlisted, newcomers, locals) =
                counts.get(&id).copied().unwrap_or_default();
            ActivityCounts {
                id,
                title: title.0,
                starts_at,
                capacity,
                taken,
                waitlisted,
                newcomers,
                locals,
            }
        })
        .collect())
}

/// The waiting registrations of the given activities: (registration's person, activity id).
pub fn waitlisted(
    conn: &mut DbConnection,
    activity_ids: &[String],
) -> QueryResult<Vec<(String, String, NaiveDateTime)>> {
    registrations::table
        .filter(registrations::activity_id.eq_any(activity_ids))
        .filter(registrations::status.eq(RegistrationStatus::Waitlisted))
        .order(registrations::queued_at.asc())
        .select((
            registrations::person_id,
            registrations::activity_id,
            registrations::queued_at,
        ))
        .load(conn)
}

/// Follow-up calls not done, due on or before `by`: (duo id, due on, newcomer id, local id).
pub fn follow_ups_due(
    conn: &mut DbConnection,
    by: NaiveDate,
    coach: Option<&str>,
) -> QueryResult<Vec<(String, NaiveDate, String, String)>> {
    let mut q = duo_follow_ups::table
        .inner_join(duos::table)
        .filter(duo_follow_ups::done_at.is_null())
        .filter(duo_follow_ups::done_on.is_null())
        .filter(duo_follow_ups::due_on.le(by))
        .into_boxed();
    if let Some(c) = coach {
        let coached = person_coaches::table
            .filter(person_coaches::user_id.eq(c.to_owned()))
            .select(person_coaches::person_id);
        q = q.filter(
            duos::newcomer_id.eq_any(coached).or(duos::local_id.eq_any(
                person_coaches::table
                    .filter(person_coaches::user_id.eq(c.to_owned()))
                    .select(person_coaches::person_id),
            )),
        );
    }
    q.order(duo_follow_ups::due_on.asc())
        .limit(100)
        .select((
            duos::id,
            duo_follow_ups::due_on,
            duos::newcomer_id,
            duos::local_id,
        ))
        .load(conn)
}

/// People to review (public sign-ups): ids, oldest first.
pub fn to_review(conn: &mut DbConnection, coach: Option<&str>) -> QueryResult<Vec<String>> {
    let mut q = people::table
        .filter(people::status.eq(PersonStatus::ToReview))
        .filter(people::anonymised_at.is_null())
        .into_boxed();
    if let Some(c) = coach {
        q = q.filter(
            people::id.eq_any(
                person_coaches::table
                    .filter(person_coaches::user_id.eq(c.to_owned()))
                    .select(person_coaches::person_id),
            ),
        );
    }
    q.order(people::created_at.asc())
        .limit(100)
        .select(people::id)
        .load(conn)
}

/// InterLab applications waiting for a decision: (id, person id, project name).
pub fn pending_applications(conn: &mut DbConnection) -> QueryResult<Vec<(String, String)>> {
    interlab_applications::table
        .filter(interlab_applications::status.eq(ApplicationStatus::Pending))
        .order(interlab_applications::created_at.asc())
        .limit(100)
        .select((interlab_applications::id, interlab_applications::person_id))
        .load(conn)
}

/// Milestones past due and not done or dropped: (entrepreneur id, milestone title, due on).
pub fn milestones_overdue(
    conn: &mut DbConnection,
    today: NaiveDate,
    coach: Option<&str>,
) -> QueryResult<Vec<(String, String, NaiveDate)>> {
    let mut q = interlab_milestones::table
        .inner_join(interlab_entrepreneurs::table)
        .filter(interlab_milestones::due_on.lt(today))
        .filter(
            interlab_milestones::status
                .ne(MilestoneStatus::Done)
                .and(interlab_milestones::status.ne(MilestoneStatus::Dropped)),
        )
        .into_boxed();
    if let Some(c) = coach {
        q = q.filter(
            interlab_entrepreneurs::person_id.eq_any(
                person_coaches::table
                    .filter(person_coaches::user_id.eq(c.to_owned()))
                    .select(person_coaches::person_id),
            ),
        );
    }
    let rows: Vec<(String, String, Option<NaiveDate>)> = q
        .order(interlab_milestones::due_on.asc())
        .limit(100)
        .select((
            interlab_entrepreneurs::id,
            interlab_milestones::title,
            interlab_milestones::due_on,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(e, t, d)| d.map(|d| (e, t, d)))
        .collect())
}
