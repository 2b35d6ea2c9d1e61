//! Office hours: slots a mentor offers (or the team offers for them), booked for one
//! entrepreneur at most (staff, or the entrepreneur's coach), and each mentor's calendar feed
//! of their booked slots.

use chrono::Utc;
use serde_json::json;
use shared::auth::Role;
use shared::interlab::{
    Booking, BookingInput, OfficeHour, OfficeHourFilter, OfficeHourInput, OfficeHourPatch,
    SlotStatus,
};
use uuid::Uuid;

use super::{today, unique, visible_entrepreneur, Acting};
use crate::activities::domain::{local_rfc3339, local_to_utc};
use crate::activities::feeds::ics;
use crate::audit::{audit_event, AuditAction};
use crate::db::{lock_rows, stored_id as uuid, write_transaction, Db, DbConnection};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::interlab::domain::office_hours::{check_slot, may_book, SlotText, BOOKING_NOTE_MAX};
use crate::interlab::service::mentors::own_entry;
use crate::interlab::store::mentoring::{
    project_names, take_slot, MentorRow, OfficeHourRow, SlotQuery,
};
use crate::people::domain::optional_text;

fn views(
    conn: &mut DbConnection,
    acting: Option<&Acting>,
    rows: &[OfficeHourRow],
) -> Result<Vec<OfficeHour>, ApiError> {
    let mut mentor_people = std::collections::HashMap::new();
    for id in unique(rows.iter().map(|r| r.mentor_id.clone())) {
        if let Some(m) = MentorRow::find(conn, &id)? {
            mentor_people.insert(id, m.person_id);
        }
    }
    let booked = unique(rows.iter().filter_map(|r| r.entrepreneur_id.clone()));
    // A coach sees the names of the entrepreneurs they accompany only.
    let mut shown = std::collections::HashSet::new();
    for e in &booked {
        let visible = match acting.and_then(|a| a.coach.as_deref()) {
            None => true,
            Some(coach) => match visible_entrepreneur(conn, Some(coach), uuid(e)?) {
                Ok(_) => true,
                Err(ApiError::NotFound) => false,
                Err(err) => return Err(err),
            },
        };
        if visible {
            shown.insert(e.clone());
        }
    }
    let projects = project_names(conn, &booked)?;
    let people = unique(
        projects
            .values()
            .map(|(p, _)| p.clone())
            .chain(mentor_people.values().cloned()),
    );
    let names = crate::people::store::names(conn, &people)?;
    rows.iter()
        .map(|r| {
            let booking = match (&r.entrepreneur_id, r.booked_at) {
                (Some(e), Some(at)) => {
                    let see = shown.contains(e);
                    let project = projects.get(e);
                    Some(Booking {
                        entrepreneur_id: if see { Some(uuid(e)?) } else { None },
                        entrepreneur_name: project
                            .filter(|_| see)
                            .and_then(|(p, _)| names.get(p).cloned()),
                        project_name: project.filter(|_| see).map(|(_, n)| n.clone()),
                        note: r.booking_note.clone().filter(|_| see),
                        booked_at: at.and_utc(),
                    })
                }
                _ => None,
            };
            Ok(OfficeHour {
                id: uuid(&r.id)?,
                mentor_id: uuid(&r.mentor_id)?,
                mentor_name: mentor_people
                    .get(&r.mentor_id)
                    .and_then(|p| names.get(p))
                    .cloned()
                    .unwrap_or_default(),
                starts_at: r.starts_at.and_utc(),
                ends_at: r.ends_at.and_utc(),
                starts_at_local: local_rfc3339(r.starts_at.and_utc()),
                ends_at_local: local_rfc3339(r.ends_at.and_utc()),
                place: r.place.clone(),
                video_url: r.video_url.clone(),
                status: r.status,
                booking,
            })
        })
        .collect()
}

fn one(
    conn: &mut DbConnection,
    acting: &Acting,
    row: &OfficeHourRow,
) -> Result<OfficeHour, ApiError> {
    views(conn, Some(acting), std::slice::from_ref(row))?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("office hour view missing").into())
}

/// Slots by start time, from today by default (a mentor's account: its own slots only).
pub async fn list(
    db: &Db,
    acting: &Acting,
    f: OfficeHourFilter,
) -> Result<Vec<OfficeHour>, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        let day_start = |d: chrono::NaiveDate| -> Result<chrono::NaiveDateTime, ApiError> {
            let midnight = d.and_hms_opt(0, 0, 0).ok_or(ApiError::NotFound)?;
            Ok(local_to_utc(midnight)
                .map_err(|m| ApiError::field("from", m))?
                .naive_utc())
        };
        let mut q = SlotQuery {
            mentor: f.mentor.map(|u| u.to_string()),
            entrepreneur: f.entrepreneur.map(|u| u.to_string()),
            from: Some(day_start(f.from.unwrap_or_else(today))?),
            to: f.to.and_then(|d| d.succ_opt()).map(day_start).transpose()?,
            status: f.status,
            booked: f.booked,
        };
        if acting.role == Role::Mentor {
            let own = match MentorRow::of_user(conn, &acting.user_id.to_string())? {
                Some(m) => m.id,
                None => return Ok(Vec::new()),
            };
            if q.mentor.as_ref().is_some_and(|m| *m != own) {
                return Ok(Vec::new());
            }
            q.mentor = Some(own);
        }
        let rows = OfficeHourRow::list(conn, &q)?;
        views(conn, Some(&acting), &rows)
    })
    .await
}

/// The slot `id` if the caller may change it: coordinators any, a mentor's account its own.
fn changeable(conn: &mut DbConnection, acting: &Acting, mentor_id: &str) -> Result<(), ApiError> {
    match acting.role {
        Role::Admin | Role::Coordinator => Ok(()),
        Role::Mentor if own_entry(conn, acting)?.id == mentor_id => Ok(()),
        Role::Mentor => Err(ApiError::NotFound),
        Role::Coach => Err(ApiError::Forbidden),
    }
}

pub async fn create(
    db: &Db,
    acting: &Acting,
    input: OfficeHourInput,
) -> Result<OfficeHour, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = create_in(conn, &acting, &input)?;
            one(conn, &acting, &row)
        })
    })
    .await
}

/// [`create`] inside the caller's transaction (the demo loader's too).
pub fn create_in(
    conn: &mut DbConnection,
    acting: &Acting,
    input: &OfficeHourInput,
) -> Result<OfficeHourRow, ApiError> {
    if acting.role == Role::Coach {
        return Err(ApiError::Forbidden);
    }
    let slot = check_slot(
        &SlotText {
            starts_at: &input.starts_at,
            ends_at: &input.ends_at,
            place: input.place.as_deref(),
            video_url: input.video_url.as_deref(),
        },
        Utc::now(),
    )?;
    let mentor_id = input.mentor_id.to_string();
    let mentor = MentorRow::find(conn, &mentor_id)?;
    let own = acting.role != Role::Mentor
        || mentor
            .as_ref()
            .is_some_and(|m| m.user_id == Some(acting.user_id.to_string()));
    if mentor.is_none() || !own {
        return Err(ApiError::field("mentor_id", Msg::InvalidValue));
    }
    let now = crate::db::now();
    let row = OfficeHourRow {
        id: Uuid::now_v7().to_string(),
        mentor_id,
        starts_at: slot.starts_at.naive_utc(),
        ends_at: slot.ends_at.naive_utc(),
        place: slot.place,
        video_url: slot.video_url,
        status: SlotStatus::Open,
        entrepreneur_id: None,
        booking_note: None,
        booked_by: None,
        booked_at: None,
        created_at: now,
        updated_at: now,
    };
    row.insert(conn)?;
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InterlabOfficeHourCreated,
        "interlab_office_hour",
        &row.id,
        json!({ "mentor_id": row.mentor_id, "starts_at": row.starts_at }),
    )?;
    Ok(row)
}

/// Moves, relocates or cancels a slot. A cancelled or past slot changes no more.
pub async fn update(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    patch: OfficeHourPatch,
) -> Result<OfficeHour, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            lock_rows(
                conn,
                "SELECT id FROM interlab_office_hours WHERE id = $1 FOR UPDATE",
                &id.to_string(),
            )?;
            let mut row = OfficeHourRow::get(conn, &id.to_string())?;
            changeable(conn, &acting, &row.mentor_id)?;
            if row.status == SlotStatus::Cancelled {
                return Err(ApiError::Conflict {
                    msg: Msg::SlotCancelled,
                    field: None,
                });
            }
            if row.starts_at.and_utc() <= Utc::now() {
                return Err(ApiError::Conflict {
                    msg: Msg::SlotPast,
                    field: None,
                });
            }
            let (starts, ends) = (
                local_rfc3339(row.starts_at.and_utc()),
                local_rfc3339(row.ends_at.and_utc()),
            );
            let place = patch.place.clone().unwrap_or(row.place.clone());
            let video = patch.video_url.clone().unwrap_or(row.video_url.clone());
            let slot = check_slot(
                &SlotText {
                    starts_at: patch.starts_at.as_deref().unwrap_or(&starts),
                    ends_at: patch.ends_at.as_deref().unwrap_or(&ends),
                    place: place.as_deref(),
                    video_url: video.as_deref(),
                },
                Utc::now(),
            )?;
            row.starts_at = slot.starts_at.naive_utc();
            row.ends_at = slot.ends_at.naive_utc();
            row.place = slot.place;
            row.video_url = slot.video_url;
            if let Some(status) = patch.status {
                row.status = status;
            }
            row.updated_at = crate::db::now();
            row.save(conn)?;
            audit_event(
                conn,
                &acting.actor,
                AuditAction::InterlabOfficeHourUpdated,
                "interlab_office_hour",
                &row.id,
                json!({ "status": row.status, "starts_at": row.starts_at }),
            )?;
            one(conn, &acting, &row)
        })
    })
    .await
}

/// Books the slot for an entrepreneur the caller sees (coaches: one they accompany). Exactly one
/// of concurrent bookings of a slot wins; the others get a conflict.
pub async fn book(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    input: BookingInput,
) -> Result<OfficeHour, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = book_in(conn, &acting, id, &input)?;
            one(conn, &acting, &row)
        })
    })
    .await
}

/// [`book`] inside the caller's transaction (the demo loader's too).
pub fn book_in(
    conn: &mut DbConnection,
    acting: &Acting,
    id: Uuid,
    input: &BookingInput,
) -> Result<OfficeHourRow, ApiError> {
    let mut v = Validator::new();
    let note = v
        .check(
            "note",
            optional_text(input.note.as_deref(), BOOKING_NOTE_MAX),
        )
        .flatten();
    match visible_entrepreneur(conn, acting.coach.as_deref(), input.entrepreneur_id) {
        Ok(_) => {}
        Err(ApiError::NotFound) => v.add("entrepreneur_id", Msg::InvalidValue),
        Err(e) => return Err(e),
    }
    v.finish()?;
    lock_rows(
        conn,
        "SELECT id FROM interlab_office_hours WHERE id = $1 FOR UPDATE",
        &id.to_string(),
    )?;
    let slot = OfficeHourRow::get(conn, &id.to_string())?;
    // A mentor's account books into its own slots only; the others are out of its sight.
    if acting.role == Role::Mentor && own_entry(conn, acting)?.id != slot.mentor_id {
        return Err(ApiError::NotFound);
    }
    may_book(
        slot.status,
        slot.starts_at.and_utc(),
        slot.entrepreneur_id.is_some(),
        Utc::now(),
    )
    .map_err(|msg| ApiError::Conflict { msg, field: None })?;
    let now = crate::db::now();
    if !take_slot(
        conn,
        &slot.id,
        &input.entrepreneur_id.to_string(),
        note.as_deref(),
        &acting.user_id.to_string(),
        now,
    )? {
        return Err(ApiError::Conflict {
            msg: Msg::SlotTaken,
            field: None,
        });
    }
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InterlabOfficeHourBooked,
        "interlab_office_hour",
        &slot.id,
        json!({ "entrepreneur_id": input.entrepreneur_id }),
    )?;
    OfficeHourRow::get(conn, &slot.id)
}

/// Frees a booked slot that has not started (staff, or the booked entrepreneur's coach).
pub async fn unbook(db: &Db, acting: &Acting, id: Uuid) -> Result<(), ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            lock_rows(
                conn,
                "SELECT id FROM interlab_office_hours WHERE id = $1 FOR UPDATE",
                &id.to_string(),
            )?;
            let mut row = OfficeHourRow::get(conn, &id.to_string())?;
            let Some(e) = row.entrepreneur_id.clone() else {
                return Err(ApiError::NotFound);
            };
            visible_entrepreneur(conn, acting.coach.as_deref(), uuid(&e)?)?;
            if row.starts_at.and_utc() <= Utc::now() {
                return Err(ApiError::Conflict {
                    msg: Msg::SlotPast,
                    field: None,
                });
            }
            row.entrepreneur_id = None;
            row.booking_note = None;
            row.booked_by = None;
            row.booked_at = None;
            row.updated_at = crate::db::now();
            row.save(conn)?;
            audit_event(
                conn,
                &acting.actor,
                AuditAction::InterlabOfficeHourUnbooked,
                "interlab_office_hour",
                &row.id,
                json!({ "entrepreneur_id": e }),
            )
        })
    })
    .await
}

/// The calendar of a mentor's booked slots behind a feed token, or `None` for an unknown or
/// revoked token. An event names the entrepreneur and the project, nothing more.
pub async fn feed(db: &Db, token: String, base: String) -> Result<Option<String>, ApiError> {
    db.run(move |conn| {
        let hash = crate::accounts::tokens::hash(&token);
        let Some(mentor) = MentorRow::of_feed(conn, &hash)? else {
            return Ok(None);
        };
        let rows = OfficeHourRow::booked_of_mentor(conn, &mentor.id)?;
        let slots = views(conn, None, &rows)?;
        let texts: Vec<(String, String)> = slots
            .iter()
            .map(|s| {
                let b = s.booking.as_ref();
                let who = b
                    .and_then(|b| b.entrepreneur_name.clone())
                    .unwrap_or_default();
                let project = b.and_then(|b| b.project_name.clone()).unwrap_or_default();
                (
                    format!("InterLab — {who}"),
                    [project, b.and_then(|b| b.note.clone()).unwrap_or_default()]
                        .join("\n")
                        .trim()
                        .to_owned(),
                )
            })
            .collect();
        let url = format!("{base}/interlab/office-hours");
        let events: Vec<ics::IcsEvent<'_>> = rows
            .iter()
            .zip(&slots)
            .zip(&texts)
            .map(|((r, s), (summary, description))| ics::IcsEvent {
                uid: format!("{}@interra.be", s.id),
                summary,
                description,
                start: s.starts_at,
                end: s.ends_at,
                updated: r.updated_at.and_utc(),
                sequence: 0,
                cancelled: s.status == SlotStatus::Cancelled,
                location: s.place.clone().or_else(|| s.video_url.clone()),
                url: &url,
                categories: vec!["interlab".to_owned()],
            })
            .collect();
        Ok(Some(ics::calendar("InterLab — office hours", &events)))
    })
    .await
}
