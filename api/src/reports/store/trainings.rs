//! The trainings' facts. Courses, their trainees, certificates and evaluations are small tables
//! (a course holds a few dozen people), read as rows and combined here; completion is the
//! trainings feature's own rule ([`crate::trainings::domain::completion`]), so a report and a
//! course page never disagree on who completed.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use shared::activities::{ActivityStatus, RegistrationStatus};

use crate::db::schema::{
    activities, organisations, registrations, training_certificates, training_course_sessions,
    training_courses, training_evaluations, training_modules, training_registrations,
};
use crate::db::DbConnection;
use crate::reports::domain::indicators::{audience, TrainingFacts};
use crate::reports::domain::period::Period;
use crate::trainings::domain::completion;

struct Session {
    course: String,
    activity: String,
    starts_at: NaiveDateTime,
    minutes: i64,
    status: ActivityStatus,
}

pub fn facts(conn: &mut DbConnection, period: Period) -> QueryResult<TrainingFacts> {
    let (start, end) = period.utc();
    // A course's dates are Brussels days: a day of slack on each side finds every course with
    // a session in the period; the sessions' instants decide.
    let courses: Vec<(String, String, chrono::NaiveDate)> = training_courses::table
        .filter(training_courses::starts_on.le(period.to + Duration::days(1)))
        .filter(training_courses::ends_on.ge(period.from - Duration::days(1)))
        .select((
            training_courses::id,
            training_courses::module_id,
            training_courses::ends_on,
        ))
        .load(conn)?;
    if courses.is_empty() {
        return with_certificates_and_evaluations(conn, (start, end), TrainingFacts::default());
    }
    let ids: Vec<&str> = courses.iter().map(|c| c.0.as_str()).collect();
    let sessions: Vec<Session> = training_course_sessions::table
        .inner_join(activities::table)
        .filter(training_course_sessions::course_id.eq_any(&ids))
        .select((
            training_course_sessions::course_id,
            activities::id,
            activities::starts_at,
            activities::ends_at,
            activities::status,
        ))
        .load::<(String, String, NaiveDateTime, NaiveDateTime, ActivityStatus)>(conn)?
        .into_iter()
        .map(|(course, activity, starts_at, ends_at, status)| Session {
            course,
            activity,
            starts_at,
            minutes: (ends_at - starts_at).num_minutes().max(0),
            status,
        })
        .collect();

    // Held in the period: a published session starting in it, as for every programme.
    let held: HashSet<&str> = sessions
        .iter()
        .filter(|s| s.status == ActivityStatus::Published)
        .filter(|s| start <= s.starts_at && s.starts_at < end)
        .map(|s| s.course.as_str())
        .collect();
    let ended: HashMap<&str, &str> = courses
        .iter()
        .filter(|(_, _, ends_on)| period.contains(*ends_on))
        .map(|(id, module, _)| (id.as_str(), module.as_str()))
        .collect();

    let wanted: Vec<&str> = held.iter().chain(ended.keys()).copied().collect();
    let trainees: Vec<(String, String, Option<String>)> = training_registrations::table
        .filter(training_registrations::course_id.eq_any(&wanted))
        .filter(training_registrations::cancelled_at.is_null())
        .select((
            training_registrations::course_id,
            training_registrations::person_id,
            training_registrations::organisation_id,
        ))
        .load(conn)?;

    // Trainees of the courses held, each person once.
    let org_ids: Vec<&str> = trainees.iter().filter_map(|t| t.2.as_deref()).collect();
    let kinds: HashMap<String, String> = organisations::table
        .filter(organisations::id.eq_any(&org_ids))
        .select((organisations::id, organisations::kind))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    let mut orgs_of: BTreeMap<&str, Vec<Option<&str>>> = BTreeMap::new();
    for (course, person, org) in &trainees {
        if held.contains(course.as_str()) {
            let kind = org.as_ref().and_then(|o| kinds.get(o)).map(String::as_str);
            orgs_of.entry(person.as_str()).or_default().push(kind);
        }
    }
    let mut by_audience: BTreeMap<String, u64> = BTreeMap::new();
    for kinds in orgs_of.into_values() {
        *by_audience.entry(audience(kinds)).or_default() += 1;
    }

    // Completion of the courses that ended in the period, by the module's rule over the
    // sessions not cancelled.
    let modules: Vec<&str> = ended.values().copied().collect();
    let min_percent: HashMap<String, i32> = training_modules::table
        .filter(training_modules::id.eq_any(&modules))
        .select((
            training_modules::id,
            training_modules::min_attendance_percent,
        ))
        .load::<(String, i32)>(conn)?
        .into_iter()
        .collect();
    let counted: Vec<&Session> = sessions
        .iter()
        .filter(|s| ended.contains_key(s.course.as_str()))
        .filter(|s| s.status != ActivityStatus::Cancelled)
        .collect();
    let session_ids: Vec<&str> = counted.iter().map(|s| s.activity.as_str()).collect();
    let attended: Vec<(String, String)> = registrations::table
        .filter(registrations::activity_id.eq_any(&session_ids))
        .filter(registrations::status.eq(RegistrationStatus::Attended))
        .select((registrations::activity_id, registrations::person_id))
        .load(conn)?;
    // Indexed once, so that each trainee costs their course's few sessions, not every session
    // of the period (the loop below was quadratic: seconds for a year of many courses).
    let mut present_at: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (activity, person) in &attended {
        present_at
            .entry(activity.as_str())
            .or_default()
            .insert(person.as_str());
    }
    let mut sessions_of: HashMap<&str, Vec<&Session>> = HashMap::new();
    for s in &counted {
        sessions_of.entry(s.course.as_str()).or_default().push(s);
    }
    let mut facts = TrainingFacts {
        courses: held.len() as u64,
        trainees: by_audience.into_iter().collect(),
        ..TrainingFacts::default()
    };
    for (course, person, _) in &trainees {
        let Some(module) = ended.get(course.as_str()) else {
            continue;
        };
        let of_course = sessions_of
            .get(course.as_str())
            .map_or(&[][..], Vec::as_slice);
        let total: i64 = of_course.iter().map(|s| s.minutes).sum();
        let present: i64 = of_course
            .iter()
            .filter(|s| {
                present_at
                    .get(s.activity.as_str())
                    .is_some_and(|people| people.contains(person.as_str()))
            })
            .map(|s| s.minutes)
            .sum();
        let rule = min_percent.get(*module).copied().unwrap_or(100);
        facts.finished += 1;
        if completion(total, present, rule).0 {
            facts.completed += 1;
        }
    }
    with_certificates_and_evaluations(conn, (start, end), facts)
}

fn with_certificates_and_evaluations(
    conn: &mut DbConnection,
    (start, end): (NaiveDateTime, NaiveDateTime),
    mut facts: TrainingFacts,
) -> QueryResult<TrainingFacts> {
    facts.certificates = training_certificates::table
        .filter(training_certificates::issued_at.ge(start))
        .filter(training_certificates::issued_at.lt(end))
        .filter(training_certificates::revoked_at.is_null())
        .count()
        .get_result::<i64>(conn)?
        .max(0) as u64;
    facts.satisfaction = training_evaluations::table
        .filter(training_evaluations::answered_at.ge(start))
        .filter(training_evaluations::answered_at.lt(end))
        .filter(training_evaluations::satisfaction.is_not_null())
        .select(training_evaluations::satisfaction.assume_not_null())
        .load::<i32>(conn)?;
    Ok(facts)
}
