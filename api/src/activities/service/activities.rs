//! Creating, changing and listing activities and series.

use serde_json::json;
use shared::activities::{ActivityInput, ActivityStatus, Multilingual, SeriesInput};
use uuid::Uuid;

use super::{load_one, lock_activity, notify_cancellation, promote};
use crate::activities::domain::{expand, parse_instant};
use crate::activities::store::{self as store, ActivityQuery, ActivityRecord, ActivityRow};
use crate::audit::audit_event as record;
use crate::audit::Actor;
use crate::audit::AuditAction;
use crate::db::{write_transaction, DbConnection, JsonText};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::optional_text;
use crate::people::store::PersonRow;

/// One page of activities with their counts, and the total.
pub fn list(
    conn: &mut DbConnection,
    q: &ActivityQuery,
    offset: i64,
    limit: i64,
) -> Result<(Vec<ActivityRecord>, i64), ApiError> {
    let (rows, count) = store::list(conn, q, offset, limit)?;
    Ok((store::records(conn, rows)?, count))
}

/// Creates an activity (a draft unless the input says otherwise).
pub fn create(
    conn: &mut DbConnection,
    input: &ActivityInput,
    by: Option<String>,
    actor: &Actor,
) -> Result<ActivityRecord, ApiError> {
    write_transaction(conn, |conn| create_in(conn, input, by, actor))
}

/// [`create`] inside the caller's write transaction (a training course creates its sessions
/// with the course).
pub fn create_in(
    conn: &mut DbConnection,
    input: &ActivityInput,
    by: Option<String>,
    actor: &Actor,
) -> Result<ActivityRecord, ApiError> {
    let mut f = check_input(conn, input, None)?;
    f.row.created_by = by;
    f.row.insert(conn)?;
    store::set_links(conn, &f.row.id, &f.tags, &f.hosts, &f.staff)?;
    crate::partners::service::webhooks::activity_changed(conn, None, &f.row, true)?;
    record(
        conn,
        actor,
        AuditAction::ActivityCreated,
        "activity",
        &f.row.id,
        json!({ "status": f.row.status }),
    )?;
    load_one(conn, &f.row.id)
}

/// Creates a series: the first session repeated by the recurrence, each session an activity.
pub fn create_series(
    conn: &mut DbConnection,
    input: &SeriesInput,
    by: Option<String>,
    actor: &Actor,
) -> Result<Vec<ActivityRecord>, ApiError> {
    write_transaction(conn, |conn| create_series_in(conn, input, by, actor))
}

/// [`create_series`] inside the caller's write transaction (a series created from an InterAct
/// proposal is linked to it in the same transaction).
pub fn create_series_in(
    conn: &mut DbConnection,
    input: &SeriesInput,
    by: Option<String>,
    actor: &Actor,
) -> Result<Vec<ActivityRecord>, ApiError> {
    let f = check_input(conn, &input.first, None)?;
    let sessions = expand(
        f.row.starts_at.and_utc(),
        f.row.ends_at.and_utc(),
        &input.recurrence,
    )
    .map_err(|m| ApiError::field("recurrence", m))?;
    let series_id = Uuid::now_v7().to_string();
    let rule = serde_json::to_string(&input.recurrence)
        .map_err(|e| anyhow::anyhow!("cannot store the recurrence: {e}"))?;
    store::insert_series(conn, &series_id, &rule, by.clone())?;
    let mut ids = Vec::new();
    for (start, end) in sessions {
        let mut row = f.row.clone();
        row.id = Uuid::now_v7().to_string();
        row.series_id = Some(series_id.clone());
        // Registration windows move with each session.
        let shift = start.naive_utc() - f.row.starts_at;
        row.registration_opens_at = f.row.registration_opens_at.map(|t| t + shift);
        row.registration_closes_at = f.row.registration_closes_at.map(|t| t + shift);
        row.starts_at = start.naive_utc();
        row.ends_at = end.naive_utc();
        row.created_by = by.clone();
        row.insert(conn)?;
        store::set_links(conn, &row.id, &f.tags, &f.hosts, &f.staff)?;
        crate::partners::service::webhooks::activity_changed(conn, None, &row, true)?;
        ids.push(row.id);
    }
    record(
        conn,
        actor,
        AuditAction::ActivitySeriesCreated,
        "activity_series",
        &series_id,
        json!({ "sessions": ids.len() }),
    )?;
    let rows = ids
        .iter()
        .map(|id| ActivityRow::get(conn, id))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(store::records(conn, rows)?)
}

/// Replaces an activity. Each change calendars must see increases its `sequence`; freed seats
/// go to the waiting list; a cancellation is told to everyone registered or waiting. Returns
/// the activity and whether notices were queued.
pub fn update(
    conn: &mut DbConnection,
    id: &str,
    input: &ActivityInput,
    actor: &Actor,
) -> Result<(ActivityRecord, bool), ApiError> {
    write_transaction(conn, |conn| update_in(conn, id, input, actor))
}

/// [`update`] inside the caller's write transaction (a training course's sessions).
pub fn update_in(
    conn: &mut DbConnection,
    id: &str,
    input: &ActivityInput,
    actor: &Actor,
) -> Result<(ActivityRecord, bool), ApiError> {
    lock_activity(conn, id)?;
    let before = ActivityRow::get(conn, id)?;
    let mut f = check_input(conn, input, Some(&before))?;
    check_capacity(conn, &before, &f.row)?;
    let changed = meaningful_change(&before, &f.row);
    if changed {
        f.row.sequence = before.sequence + 1;
    }
    let cancelled_now =
        before.status != ActivityStatus::Cancelled && f.row.status == ActivityStatus::Cancelled;
    f.row.save(conn)?;
    store::set_links(conn, &f.row.id, &f.tags, &f.hosts, &f.staff)?;
    // Partners' webhooks hear of agenda changes in this transaction (the outbox).
    crate::partners::service::webhooks::activity_changed(conn, Some(&before), &f.row, changed)?;
    record(
        conn,
        actor,
        AuditAction::ActivityUpdated,
        "activity",
        &f.row.id,
        json!({ "status": f.row.status, "sequence": f.row.sequence }),
    )?;
    // More places (or looser mix targets) go to the waiting list first, in order:
    // otherwise the next newcomer to register would overtake those already waiting.
    let queued = if f.row.status != ActivityStatus::Cancelled {
        !promote(conn, &f.row, actor)?.is_empty()
    } else if cancelled_now && f.row.ends_at > crate::db::now() {
        !notify_cancellation(conn, &f.row.id, actor)?.is_empty()
    } else {
        false
    };
    Ok((load_one(conn, id)?, queued))
}

/// An activity as the input that would leave it unchanged (to change a few fields of it).
pub fn input_of(rec: &ActivityRecord) -> ActivityInput {
    let r = &rec.row;
    let instant = |t: chrono::NaiveDateTime| t.and_utc().to_rfc3339();
    ActivityInput {
        title: r.title.0.clone(),
        description: r.description.0.clone(),
        programme: Some(r.programme),
        kind: Some(r.kind),
        starts_at: instant(r.starts_at),
        ends_at: instant(r.ends_at),
        venue_id: r.venue_id.as_deref().and_then(|v| v.parse().ok()),
        online_url: r.online_url.clone(),
        capacity: r.capacity,
        registration_opens_at: r.registration_opens_at.map(instant),
        registration_closes_at: r.registration_closes_at.map(instant),
        languages: r
            .languages
            .split(',')
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        french_level: r.french_level,
        free: r.free,
        accessibility_notes: r.accessibility_notes.clone(),
        tags: rec.tags.iter().filter_map(|t| t.parse().ok()).collect(),
        hosts: rec
            .hosts
            .iter()
            .filter_map(|(id, _, public)| {
                Some(shared::activities::ActivityHostInput {
                    person_id: id.parse().ok()?,
                    public_name: public.clone(),
                })
            })
            .collect(),
        staff: rec.staff.iter().filter_map(|s| s.parse().ok()).collect(),
        visibility: Some(r.visibility),
        status: Some(r.status),
        cancel_reason: r.cancel_reason.clone(),
        min_newcomer_percent: r.min_newcomer_percent,
        min_local_percent: r.min_local_percent,
    }
}

/// The validated fields of an activity (times in UTC).
struct Fields {
    row: ActivityRow,
    tags: Vec<String>,
    hosts: Vec<(String, Option<String>)>,
    staff: Vec<String>,
}

fn check_input(
    conn: &mut DbConnection,
    a: &ActivityInput,
    existing: Option<&ActivityRow>,
) -> Result<Fields, ApiError> {
    let mut v = Validator::new();
    let title_fr = a.title.get("fr").map(|s| s.trim()).unwrap_or("");
    if title_fr.is_empty() {
        v.add("title.fr", Msg::Required);
    }
    for (lang, text) in a.title.iter().chain(a.description.iter()) {
        if !["fr", "en", "nl", "ar"].contains(&lang.as_str()) {
            v.add(&format!("title.{lang}"), Msg::InvalidValue);
        }
        if text.chars().count() > 5000 {
            v.add(&format!("description.{lang}"), Msg::TooLong(5000));
        }
    }
    for (lang, text) in &a.title {
        if text.chars().count() > 200 {
            v.add(&format!("title.{lang}"), Msg::TooLong(200));
        }
    }
    let programme = v.check("programme", a.programme.ok_or(Msg::Required));
    let kind = v.check("kind", a.kind.ok_or(Msg::Required));
    let visibility = v.check("visibility", a.visibility.ok_or(Msg::Required));
    let starts = v.check("starts_at", parse_instant(&a.starts_at));
    let ends = v.check("ends_at", parse_instant(&a.ends_at));
    if let (Some(s), Some(e)) = (starts, ends) {
        if e <= s {
            v.add("ends_at", Msg::EndBeforeStart);
        }
    }
    let opens = match a
        .registration_opens_at
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        Some(t) => v.check("registration_opens_at", parse_instant(t)).map(Some),
        None => Some(None),
    }
    .flatten();
    let closes = match a
        .registration_closes_at
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        Some(t) => v
            .check("registration_closes_at", parse_instant(t))
            .map(Some),
        None => Some(None),
    }
    .flatten();
    if a.capacity.is_some_and(|c| !(1..=10_000).contains(&c)) {
        v.add("capacity", Msg::InvalidValue);
    }
    for (f, p) in [
        ("min_newcomer_percent", a.min_newcomer_percent),
        ("min_local_percent", a.min_local_percent),
    ] {
        if p.is_some_and(|p| !(0..=100).contains(&p)) {
            v.add(f, Msg::InvalidValue);
        }
    }
    if a.min_newcomer_percent.unwrap_or(0) + a.min_local_percent.unwrap_or(0) > 100 {
        v.add("min_local_percent", Msg::InvalidValue);
    }
    let online = v
        .check("online_url", optional_text(a.online_url.as_deref(), 500))
        .flatten();
    if online
        .as_deref()
        .is_some_and(|u| !(u.starts_with("https://") || u.starts_with("http://")))
    {
        v.add("online_url", Msg::InvalidValue);
    }
    if let Some(venue) = a.venue_id {
        if !store::venue_exists(conn, &venue.to_string())? {
            v.add("venue_id", Msg::InvalidValue);
        }
    }
    let notes = v
        .check(
            "accessibility_notes",
            optional_text(a.accessibility_notes.as_deref(), 1000),
        )
        .flatten();
    let mut languages: Vec<String> = Vec::new();
    for (i, l) in a.languages.iter().enumerate() {
        let code = l.trim().to_ascii_lowercase();
        if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_lowercase()) {
            v.add(&format!("languages[{i}]"), Msg::InvalidLanguageCode);
        } else if !languages.contains(&code) {
            languages.push(code);
        }
    }
    let tags: Vec<String> = a.tags.iter().map(Uuid::to_string).collect();
    if !crate::people::store::unknown_tags(conn, &tags)?.is_empty() {
        v.add("tags", Msg::UnknownTag);
    }
    let mut hosts = Vec::new();
    for (i, h) in a.hosts.iter().enumerate() {
        if PersonRow::find(conn, h.person_id)?.is_none_or(|p| p.anonymised_at.is_some()) {
            v.add(&format!("hosts[{i}].person_id"), Msg::NotFound);
        }
        let public = v
            .check(
                &format!("hosts[{i}].public_name"),
                optional_text(h.public_name.as_deref(), 100),
            )
            .flatten();
        hosts.push((h.person_id.to_string(), public));
    }
    let mut staff = Vec::new();
    for (i, u) in a.staff.iter().enumerate() {
        if crate::accounts::store::UserRow::find(conn, *u)?.is_none() {
            v.add(&format!("staff[{i}]"), Msg::NotFound);
        }
        staff.push(u.to_string());
    }
    let status = a.status.unwrap_or(ActivityStatus::Draft);
    let reason = v
        .check(
            "cancel_reason",
            optional_text(a.cancel_reason.as_deref(), 500),
        )
        .flatten();
    if status == ActivityStatus::Cancelled && reason.is_none() {
        v.add("cancel_reason", Msg::ReasonRequired);
    }
    v.finish()?;
    let (Some(programme), Some(kind), Some(visibility), Some(starts), Some(ends)) =
        (programme, kind, visibility, starts, ends)
    else {
        return Err(anyhow::anyhow!("validated activity fields missing").into());
    };
    let clean = |m: &Multilingual| -> JsonText<Multilingual> {
        JsonText(
            m.iter()
                .map(|(k, v)| (k.clone(), v.trim().to_owned()))
                .filter(|(_, v)| !v.is_empty())
                .collect(),
        )
    };
    let now = crate::db::now();
    let row = ActivityRow {
        id: existing
            .map(|e| e.id.clone())
            .unwrap_or_else(|| Uuid::now_v7().to_string()),
        series_id: existing.and_then(|e| e.series_id.clone()),
        title: clean(&a.title),
        description: clean(&a.description),
        programme,
        kind,
        starts_at: starts.naive_utc(),
        ends_at: ends.naive_utc(),
        venue_id: a.venue_id.map(|v| v.to_string()),
        online_url: online,
        capacity: a.capacity,
        registration_opens_at: opens.map(|t| t.naive_utc()),
        registration_closes_at: closes.map(|t| t.naive_utc()),
        languages: languages.join(","),
        french_level: a.french_level,
        free: a.free,
        accessibility_notes: notes,
        visibility,
        status,
        cancel_reason: if status == ActivityStatus::Cancelled {
            reason
        } else {
            None
        },
        min_newcomer_percent: a.min_newcomer_percent,
        min_local_percent: a.min_local_percent,
        sequence: existing.map(|e| e.sequence).unwrap_or(0),
        created_by: existing.and_then(|e| e.created_by.clone()),
        created_at: existing.map(|e| e.created_at).unwrap_or(now),
        updated_at: now,
    };
    Ok(Fields {
        row,
        tags,
        hosts,
        staff,
    })
}

/// Changes that calendar clients must see (RFC 5545 SEQUENCE).
fn meaningful_change(a: &ActivityRow, b: &ActivityRow) -> bool {
    a.starts_at != b.starts_at
        || a.ends_at != b.ends_at
        || a.venue_id != b.venue_id
        || a.online_url != b.online_url
        || a.status != b.status
        || a.visibility != b.visibility
        || a.title != b.title
        || a.description != b.description
}

/// Lowering the capacity below the places already taken (registered and present) would
/// overbook the activity: refused on `capacity`. A capacity left as it was stays accepted even
/// when walk-ins, admitted at the door whatever the capacity, took more places.
fn check_capacity(
    conn: &mut DbConnection,
    before: &ActivityRow,
    after: &ActivityRow,
) -> Result<(), ApiError> {
    let Some(capacity) = after.capacity else {
        return Ok(());
    };
    if before.capacity.is_some_and(|b| capacity >= b) {
        return Ok(());
    }
    let counts = store::counts(conn, std::slice::from_ref(&before.id))?
        .remove(&before.id)
        .unwrap_or_default();
    let taken = counts.registered + counts.attended;
    if u32::try_from(capacity).unwrap_or(0) < taken {
        return Err(ApiError::field("capacity", Msg::CapacityBelowTaken(taken)));
    }
    Ok(())
}
