//! Editing a course: its title, dates, publicity, venue and partner opening, and its sessions
//! added, moved or removed, all through the activities service in one transaction. Every field
//! is checked before anything is written; no session may fall outside the course's dates, and
//! a session in which attendance was taken stays.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde_json::json;
use shared::activities::{ActivityStatus, RegistrationSource, RegistrationStatus, Visibility};
use shared::trainings::{Course, CourseUpdate};
use shared::Lang;
use uuid::Uuid;

use super::courses::{course_dto, load};
use crate::activities::domain::parse_instant;
use crate::activities::service as activities;
use crate::audit::{audit_event, Actor, AuditAction};
use crate::db::{write_transaction, DbConnection};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::store::PersonRow;
use crate::trainings::domain;
use crate::trainings::store::{self, TraineeRow};

/// Why a removed session is cancelled (shown to whoever was registered).
const REMOVED: &str = "Séance retirée de la formation / Session removed from the course";

/// A session as it must be: an existing one (its activity), or a new one.
struct Wanted {
    activity: Option<String>,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

/// Applies `input` to the course `id` (coordinators). Returns the course as it now is.
pub fn update(
    conn: &mut DbConnection,
    id: Uuid,
    input: &CourseUpdate,
    actor: &Actor,
    lang: Lang,
) -> Result<Course, ApiError> {
    write_transaction(conn, |conn| {
        let l = load(conn, &id.to_string())?;
        let mut v = Validator::new();
        if let Some(title) = &input.title {
            if title.get("fr").is_none_or(|t| t.trim().is_empty()) {
                v.add("title.fr", Msg::Required);
            }
            for (code, text) in title {
                if !["fr", "en", "nl", "ar"].contains(&code.as_str()) {
                    v.add(&format!("title.{code}"), Msg::InvalidValue);
                } else if text.chars().count() > 200 {
                    v.add(&format!("title.{code}"), Msg::TooLong(200));
                }
            }
        }
        let starts_on = input.starts_on.unwrap_or(l.course.starts_on);
        let ends_on = input.ends_on.unwrap_or(l.course.ends_on);
        if ends_on < starts_on {
            v.add("ends_on", Msg::EndBeforeStart);
        }
        if let Some(Some(venue)) = input.venue_id {
            if !crate::activities::store::venue_exists(conn, &venue.to_string())? {
                v.add("venue_id", Msg::NotFound);
            }
        }
        let held: Vec<String> = l.held().map(|s| s.activity_id.clone()).collect();
        let mut wanted = Vec::new();
        match &input.sessions {
            None => {
                // The sessions stay; new dates must still hold them.
                for s in l.held() {
                    let (start, end) = (s.starts_at.and_utc(), s.ends_at.and_utc());
                    if !domain::within_course(starts_on, ends_on, start, end) {
                        let field = if start.date_naive() < starts_on {
                            "starts_on"
                        } else {
                            "ends_on"
                        };
                        v.add(field, Msg::SessionOutsideCourse);
                    }
                    wanted.push(Wanted {
                        activity: Some(s.activity_id.clone()),
                        start,
                        end,
                    });
                }
            }
            Some(list) => {
                if list.is_empty() {
                    v.add("sessions", Msg::Required);
                }
                if list.len() > domain::MAX_SESSIONS {
                    v.add("sessions", Msg::TooMany(domain::MAX_SESSIONS));
                }
                let mut seen = HashSet::new();
                for (i, s) in list.iter().enumerate() {
                    let activity = s.activity_id.map(|a| a.to_string());
                    if let Some(a) = &activity {
                        if !held.contains(a) {
                            v.add(&format!("sessions.{i}.activity_id"), Msg::NotFound);
                        } else if !seen.insert(a.clone()) {
                            v.add(&format!("sessions.{i}.activity_id"), Msg::DuplicateEntry);
                        }
                    }
                    let start = v.check(
                        &format!("sessions.{i}.starts_at"),
                        parse_instant(&s.starts_at),
                    );
                    let end = v.check(&format!("sessions.{i}.ends_at"), parse_instant(&s.ends_at));
                    let (Some(start), Some(end)) = (start, end) else {
                        continue;
                    };
                    if end <= start {
                        v.add(&format!("sessions.{i}.ends_at"), Msg::EndBeforeStart);
                    } else if !domain::within_course(starts_on, ends_on, start, end) {
                        v.add(
                            &format!("sessions.{i}.starts_at"),
                            Msg::SessionOutsideCourse,
                        );
                    } else {
                        wanted.push(Wanted {
                            activity,
                            start,
                            end,
                        });
                    }
                }
            }
        }
        let kept: HashSet<&String> = wanted.iter().filter_map(|w| w.activity.as_ref()).collect();
        let removed: Vec<String> = held
            .iter()
            .filter(|a| input.sessions.is_some() && !kept.contains(a))
            .cloned()
            .collect();
        let attendance_taken =
            store::session_registrations(conn, &removed)?
                .iter()
                .any(|(_, _, _, status)| {
                    matches!(
                        status,
                        RegistrationStatus::Attended
                            | RegistrationStatus::Absent
                            | RegistrationStatus::Excused
                    )
                });
        if attendance_taken {
            v.add("sessions", Msg::SessionHasAttendance);
        }
        v.finish()?;

        let open_to_partners = input.open_to_partners.unwrap_or(l.course.open_to_partners);
        store::set_course_fields(conn, &l.course.id, starts_on, ends_on, open_to_partners)?;
        // What every session of the course shares, from the first one as it stands.
        let template = match held.first() {
            Some(a) => Some(activities::input_of(&activities::load_one(conn, a)?)),
            None => None,
        };
        let apply = |mut a: shared::activities::ActivityInput, w: &Wanted| {
            if let Some(t) = &input.title {
                a.title = t.clone();
            }
            if let Some(p) = input.public {
                a.visibility = Some(if p {
                    Visibility::Public
                } else {
                    Visibility::Internal
                });
            }
            if let Some(venue) = input.venue_id {
                a.venue_id = venue;
            }
            a.starts_at = w.start.to_rfc3339();
            a.ends_at = w.end.to_rfc3339();
            a
        };
        let (mut moved, mut added) = (0, 0);
        let trainees: Vec<String> = TraineeRow::of_course(conn, &l.course.id)?
            .into_iter()
            .filter(|t| t.cancelled_at.is_none())
            .map(|t| t.person_id)
            .collect();
        for w in &wanted {
            match &w.activity {
                Some(a) => {
                    let rec = activities::load_one(conn, a)?;
                    let before = activities::input_of(&rec);
                    let after = apply(before.clone(), w);
                    if after != before {
                        if (after.starts_at.as_str(), after.ends_at.as_str())
                            != (before.starts_at.as_str(), before.ends_at.as_str())
                        {
                            moved += 1;
                        }
                        activities::update_in(conn, a, &after, actor)?;
                    }
                }
                None => {
                    let Some(t) = &template else {
                        continue;
                    };
                    let mut new = apply(t.clone(), w);
                    new.status = Some(ActivityStatus::Published);
                    new.cancel_reason = None;
                    let rec = activities::create_in(conn, &new, None, actor)?;
                    store::link_session(conn, &l.course.id, &rec.row.id)?;
                    // Everyone in the course is in the new session too (or waits for a seat).
                    for p in &trainees {
                        let Some(person) = PersonRow::find(conn, crate::db::stored_id(p)?)? else {
                            continue;
                        };
                        activities::register(
                            conn,
                            &rec.row.id,
                            &person,
                            RegistrationSource::Staff,
                            None,
                            actor,
                        )?;
                    }
                    added += 1;
                }
            }
        }
        for a in &removed {
            let rec = activities::load_one(conn, a)?;
            let mut gone = activities::input_of(&rec);
            gone.status = Some(ActivityStatus::Cancelled);
            gone.cancel_reason = Some(REMOVED.to_owned());
            activities::update_in(conn, a, &gone, actor)?;
            store::unlink_session(conn, &l.course.id, a)?;
        }
        audit_event(
            conn,
            actor,
            AuditAction::TrainingCourseUpdated,
            "training_course",
            &l.course.id,
            json!({
                "title": input.title.is_some(), "starts_on": starts_on, "ends_on": ends_on,
                "public": input.public, "venue": input.venue_id, "open_to_partners": open_to_partners,
                "added": added, "moved": moved, "removed": removed,
            }),
        )?;
        let l = load(conn, &l.course.id)?;
        course_dto(conn, &l, lang)
    })
}
