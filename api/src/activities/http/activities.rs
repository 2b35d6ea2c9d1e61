//! Activities, series, venues, registrations with waiting lists, attendance and CSV export.

use actix_web::http::header;
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::json;
use shared::activities::{
    Activity, ActivityFilter, ActivityHost, ActivityInput, ActivityStatus, Multilingual,
    Registration, RegistrationCounts, RegistrationInput, RegistrationSource, RegistrationStatus,
    RegistrationUpdate, SeriesInput, Venue, VenueInput,
};
use shared::page::PageParams;
use shared::people::Category;
use shared::Page;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::activities::domain::{
    self as activity, expand, local_rfc3339, parse_bound, parse_instant, Rules, Seats,
};
use crate::activities::store::{
    self as store, ActivityQuery, ActivityRecord, ActivityRow, RegistrationRow, VenueRow,
};
use crate::audit::audit_event as record;
use crate::audit::Actor;
use crate::db::{lock_rows, write_transaction, DbConnection};
use crate::db::{stored as parse, stored_id as uuid};
use crate::error::{ApiError, Validator};
use crate::http::auth::{AuthUser, Permission};
use crate::http::context::actor;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::i18n::Msg;
use crate::notify::store::{self as notifications, Kind};
use crate::people::domain::optional_text;
use crate::people::store::PersonRow;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_activities)
        .service(create_activity)
        .service(create_series)
        .service(get_activity)
        .service(update_activity)
        .service(list_registrations)
        .service(add_registration)
        .service(set_registration_status)
        .service(attendees_csv);
}

pub fn configure_venues(cfg: &mut ServiceConfig) {
    cfg.service(list_venues).service(create_venue);
}

fn ml(text: &str) -> Multilingual {
    serde_json::from_str(text).unwrap_or_default()
}

/// The text in `lang`, falling back to French.
pub fn pick(m: &Multilingual, lang: &str) -> String {
    m.get(lang)
        .filter(|s| !s.is_empty())
        .or_else(|| m.get("fr"))
        .cloned()
        .unwrap_or_default()
}

pub fn venue_dto(v: &VenueRow) -> Result<Venue, ApiError> {
    Ok(Venue {
        id: uuid(&v.id)?,
        name: v.name.clone(),
        street: v.street.clone(),
        postcode: v.postcode.clone(),
        locality: v.locality.clone(),
    })
}

pub fn rules(r: &ActivityRow) -> Rules {
    Rules {
        capacity: r.capacity.and_then(|c| u32::try_from(c).ok()),
        min_newcomer_percent: r.min_newcomer_percent.and_then(|c| u32::try_from(c).ok()),
        min_local_percent: r.min_local_percent.and_then(|c| u32::try_from(c).ok()),
    }
}

/// Places left: capacity minus registered and attended.
pub fn remaining(r: &ActivityRow, c: &store::Counts) -> Option<u32> {
    r.capacity
        .and_then(|cap| u32::try_from(cap).ok())
        .map(|cap| cap.saturating_sub(c.registered + c.attended))
}

/// Whether people can register now. A full activity stays open: people join the waiting list.
pub fn registration_open(r: &ActivityRow, now: DateTime<Utc>) -> bool {
    let now = now.naive_utc();
    r.status == "published"
        && r.registration_opens_at.is_none_or(|o| o <= now)
        && r.registration_closes_at.unwrap_or(r.starts_at) > now
}

pub fn activity_dto(rec: &ActivityRecord) -> Result<Activity, ApiError> {
    let r = &rec.row;
    let c = &rec.counts;
    Ok(Activity {
        id: uuid(&r.id)?,
        series_id: r.series_id.as_deref().and_then(|s| s.parse().ok()),
        title: ml(&r.title),
        description: ml(&r.description),
        programme: parse(&r.programme)?,
        kind: parse(&r.kind)?,
        starts_at: r.starts_at.and_utc(),
        ends_at: r.ends_at.and_utc(),
        starts_at_local: local_rfc3339(r.starts_at.and_utc()),
        ends_at_local: local_rfc3339(r.ends_at.and_utc()),
        venue: rec.venue.as_ref().map(venue_dto).transpose()?,
        online_url: r.online_url.clone(),
        capacity: r.capacity,
        registration_opens_at: r.registration_opens_at.map(|t| t.and_utc()),
        registration_closes_at: r.registration_closes_at.map(|t| t.and_utc()),
        languages: r
            .languages
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        french_level: r.french_level.as_deref().and_then(|f| f.parse().ok()),
        free: r.free,
        accessibility_notes: r.accessibility_notes.clone(),
        tags: rec.tags.iter().filter_map(|t| t.parse().ok()).collect(),
        hosts: rec
            .hosts
            .iter()
            .map(|(p, name, public)| {
                Ok(ActivityHost {
                    person_id: uuid(p)?,
                    display_name: name.clone(),
                    public_name: public.clone(),
                })
            })
            .collect::<Result<_, ApiError>>()?,
        staff: rec.staff.iter().filter_map(|s| s.parse().ok()).collect(),
        visibility: parse(&r.visibility)?,
        status: parse(&r.status)?,
        cancel_reason: r.cancel_reason.clone(),
        min_newcomer_percent: r.min_newcomer_percent,
        min_local_percent: r.min_local_percent,
        counts: RegistrationCounts {
            registered: c.registered,
            waitlisted: c.waitlisted,
            attended: c.attended,
            newcomers: c.newcomers,
            locals: c.locals,
            remaining: remaining(r, c),
        },
        registration_open: registration_open(r, Utc::now()),
        sequence: r.sequence,
        updated_at: r.updated_at.and_utc(),
    })
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
    let clean = |m: &Multilingual| -> String {
        let m: Multilingual = m
            .iter()
            .map(|(k, v)| (k.clone(), v.trim().to_owned()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        serde_json::to_string(&m).unwrap_or_else(|_| "{}".into())
    };
    let now = crate::db::now();
    let row = ActivityRow {
        id: existing
            .map(|e| e.id.clone())
            .unwrap_or_else(|| Uuid::now_v7().to_string()),
        series_id: existing.and_then(|e| e.series_id.clone()),
        title: clean(&a.title),
        description: clean(&a.description),
        programme: programme.as_str().to_owned(),
        kind: kind.as_str().to_owned(),
        starts_at: starts.naive_utc(),
        ends_at: ends.naive_utc(),
        venue_id: a.venue_id.map(|v| v.to_string()),
        online_url: online,
        capacity: a.capacity,
        registration_opens_at: opens.map(|t| t.naive_utc()),
        registration_closes_at: closes.map(|t| t.naive_utc()),
        languages: languages.join(","),
        french_level: a.french_level.map(|f| f.as_str().to_owned()),
        free: a.free,
        accessibility_notes: notes,
        visibility: visibility.as_str().to_owned(),
        status: status.as_str().to_owned(),
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
        || a.title != b.title
        || a.description != b.description
}

pub fn load_one(conn: &mut DbConnection, id: &str) -> Result<ActivityRecord, ApiError> {
    let row = ActivityRow::get(conn, id)?;
    store::records(conn, vec![row])?
        .pop()
        .ok_or(ApiError::NotFound)
}

/// Whether the user may manage this activity's registrations: coordinators and admins, and
/// coaches who are among its staff (facilitators marking attendance).
pub fn may_manage(user: &AuthUser, rec: &ActivityRecord) -> bool {
    Permission::WriteActivities.allowed(user.role) || rec.staff.contains(&user.id.to_string())
}

/// The agenda for staff (all visibilities and statuses).
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(ActivityFilter), responses(
    (status = 200, body = Page<Activity>),
    ReadErrors
))]
#[get("")]
pub async fn list_activities(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    query: Query<ActivityFilter>,
) -> Result<web::Json<Page<Activity>>, ApiError> {
    user.require(Permission::ReadActivities)?;
    let f = query.0;
    let params = PageParams {
        page: f.page,
        page_size: f.page_size,
    };
    let mut v = Validator::new();
    let start = match f.start.as_deref() {
        Some(s) => v.check("start", parse_bound(s)),
        None => None,
    };
    let end = match f.end.as_deref() {
        Some(s) => v.check("end", parse_bound(s)),
        None => None,
    };
    v.finish()?;
    let q = ActivityQuery {
        start: start.map(|t| t.naive_utc()),
        end: end.map(|t| t.naive_utc()),
        programme: f.programme.map(|p| p.as_str().to_owned()),
        kind: f.kind.map(|k| k.as_str().to_owned()),
        status: f.status.map(|s| s.as_str().to_owned()),
        series_id: f.series_id.map(|s| s.to_string()),
        ..Default::default()
    };
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let (recs, count) = state
        .db
        .run(move |conn| {
            let (rows, count) = store::list(conn, &q, offset, limit)?;
            Ok((store::records(conn, rows)?, count))
        })
        .await?;
    let count = u64::try_from(count).unwrap_or(0);
    let (next, previous) = page_links(&req, &params, count);
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results: recs.iter().map(activity_dto).collect::<Result<_, _>>()?,
    }))
}

/// Create an activity (a draft unless `status` says otherwise).
#[utoipa::path(tag = "activities", security(("bearer" = [])), request_body = ActivityInput, responses(
    (status = 201, body = Activity),
    WriteErrors
))]
#[post("")]
pub async fn create_activity(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    body: Json<ActivityInput>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WriteActivities)?;
    let input = body.0;
    let actor = actor(&req, Some(&user));
    let by = Some(user.id.to_string());
    let rec = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let mut f = check_input(conn, &input, None)?;
                f.row.created_by = by;
                f.row.insert(conn)?;
                store::set_links(conn, &f.row.id, &f.tags, &f.hosts, &f.staff)?;
                record(
                    conn,
                    &actor,
                    "activity.created",
                    "activity",
                    &f.row.id,
                    json!({ "status": f.row.status }),
                )?;
                load_one(conn, &f.row.id)
            })
        })
        .await?;
    let dto = activity_dto(&rec)?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/activities/{}", dto.id)))
        .json(dto))
}

/// Create a workshop series: the first session repeated weekly (or every N weeks) until a date,
/// or on hand-picked dates. Each session can then be moved or cancelled on its own.
#[utoipa::path(tag = "activities", security(("bearer" = [])), request_body = SeriesInput, responses(
    (status = 201, body = Vec<Activity>),
    WriteErrors
))]
#[post("/series")]
pub async fn create_series(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    body: Json<SeriesInput>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WriteActivities)?;
    let input = body.0;
    let actor = actor(&req, Some(&user));
    let by = Some(user.id.to_string());
    let recs = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let f = check_input(conn, &input.first, None)?;
                let sessions = expand(
                    f.row.starts_at.and_utc(),
                    f.row.ends_at.and_utc(),
                    &input.recurrence,
                )
                .map_err(|m| ApiError::field("recurrence", m))?;
                let series_id = Uuid::now_v7().to_string();
                let rule = serde_json::to_string(&input.recurrence).unwrap_or_default();
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
                    ids.push(row.id);
                }
                record(
                    conn,
                    &actor,
                    "activity.series_created",
                    "activity_series",
                    &series_id,
                    json!({ "sessions": ids.len() }),
                )?;
                let rows = ids
                    .iter()
                    .map(|id| ActivityRow::get(conn, id))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(store::records(conn, rows)?)
            })
        })
        .await?;
    let dtos = recs
        .iter()
        .map(activity_dto)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Created().json(dtos))
}

/// One activity with its counts.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Activity),
    ItemErrors
))]
#[get("/{id}")]
pub async fn get_activity(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<Activity>, ApiError> {
    user.require(Permission::ReadActivities)?;
    let id = id.into_inner().to_string();
    let rec = state.db.run(move |conn| load_one(conn, &id)).await?;
    Ok(web::Json(activity_dto(&rec)?))
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

/// Replace an activity (move, change, publish, cancel with a reason). Each change calendar
/// clients must see increases its `sequence`.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = ActivityInput, responses(
    (status = 200, body = Activity),
    WriteErrors
))]
#[put("/{id}")]
pub async fn update_activity(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<ActivityInput>,
) -> Result<web::Json<Activity>, ApiError> {
    user.require(Permission::WriteActivities)?;
    let id = id.into_inner().to_string();
    let input = body.0;
    let actor = actor(&req, Some(&user));
    let (rec, queued) = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                lock_rows(
                    conn,
                    "SELECT id FROM activities WHERE id = $1 FOR UPDATE",
                    &id,
                )?;
                let before = ActivityRow::get(conn, &id)?;
                let mut f = check_input(conn, &input, Some(&before))?;
                check_capacity(conn, &before, &f.row)?;
                if meaningful_change(&before, &f.row) {
                    f.row.sequence = before.sequence + 1;
                }
                let cancelled_now = before.status != ActivityStatus::Cancelled.as_str()
                    && f.row.status == ActivityStatus::Cancelled.as_str();
                f.row.save(conn)?;
                store::set_links(conn, &f.row.id, &f.tags, &f.hosts, &f.staff)?;
                record(
                    conn,
                    &actor,
                    "activity.updated",
                    "activity",
                    &f.row.id,
                    json!({ "status": f.row.status, "sequence": f.row.sequence }),
                )?;
                // More places (or looser mix targets) go to the waiting list first, in order:
                // otherwise the next newcomer to register would overtake those already waiting.
                let queued = if f.row.status != ActivityStatus::Cancelled.as_str() {
                    !promote(conn, &f.row, &actor)?.is_empty()
                } else if cancelled_now && f.row.ends_at > crate::db::now() {
                    !notify_cancellation(conn, &f.row.id, &actor)?.is_empty()
                } else {
                    false
                };
                Ok((load_one(conn, &id)?, queued))
            })
        })
        .await?;
    if queued {
        state.outbox.notify_one();
    }
    Ok(web::Json(activity_dto(&rec)?))
}

pub fn registration_dto(
    r: &RegistrationRow,
    name: &str,
    position: Option<u32>,
) -> Result<Registration, ApiError> {
    Ok(Registration {
        id: uuid(&r.id)?,
        activity_id: uuid(&r.activity_id)?,
        person_id: uuid(&r.person_id)?,
        display_name: name.to_owned(),
        category: parse(&r.category)?,
        status: parse(&r.status)?,
        source: parse(&r.source)?,
        waitlist_position: position,
        registered_by: r.registered_by.as_deref().and_then(|s| s.parse().ok()),
        promoted_at: r.promoted_at.map(|t| t.and_utc()),
        created_at: r.created_at.and_utc(),
    })
}

fn with_positions(rows: &[RegistrationRow]) -> Vec<Option<u32>> {
    let mut n = 0;
    rows.iter()
        .map(|r| {
            (r.status == "waitlisted").then(|| {
                n += 1;
                n
            })
        })
        .collect()
}

/// Promotes waiting people into freed seats (first come, first served, respecting the mix
/// targets). Call inside the activity's write transaction.
pub fn promote(
    conn: &mut DbConnection,
    activity: &ActivityRow,
    actor: &Actor,
) -> Result<Vec<String>, ApiError> {
    let regs = RegistrationRow::for_activity(conn, &activity.id)?;
    let mut seats = Seats::default();
    for r in regs
        .iter()
        .filter(|r| matches!(r.status.as_str(), "registered" | "attended"))
    {
        seats.taken += 1;
        if r.category == "newcomer" {
            seats.newcomers += 1;
        } else {
            seats.locals += 1;
        }
    }
    let queue: Vec<&RegistrationRow> = regs.iter().filter(|r| r.status == "waitlisted").collect();
    let cats: Vec<Category> = queue
        .iter()
        .map(|r| parse(&r.category))
        .collect::<Result<_, _>>()?;
    let mut promoted = Vec::new();
    for i in activity::promotions(&rules(activity), seats, &cats) {
        let r = queue[i];
        RegistrationRow::set_status(conn, &r.id, "registered", true)?;
        // The person must hear about it: queued in this transaction, so a promotion is never
        // accepted without its notice.
        let notice =
            notifications::enqueue(conn, Kind::Promoted, &activity.id, &r.id, &r.person_id)?;
        record(
            conn,
            actor,
            "registration.promoted",
            "registration",
            &r.id,
            json!({ "activity": activity.id, "notification": notice }),
        )?;
        promoted.push(r.id.clone());
    }
    Ok(promoted)
}

/// Tells everyone registered or waiting that the activity is cancelled (one notice each, queued
/// in the cancellation's transaction). Returns the notices' ids.
pub fn notify_cancellation(
    conn: &mut DbConnection,
    activity_id: &str,
    actor: &Actor,
) -> Result<Vec<String>, ApiError> {
    let regs: Vec<RegistrationRow> = RegistrationRow::for_activity(conn, activity_id)?
        .into_iter()
        .filter(|r| matches!(r.status.as_str(), "registered" | "waitlisted"))
        .collect();
    let ids: Vec<String> = regs.iter().map(|r| r.id.clone()).collect();
    // A seat offered in an activity that will not take place is no news any more.
    notifications::withdraw(conn, Kind::Promoted, &ids)?;
    let mut out = Vec::new();
    for r in &regs {
        out.push(notifications::enqueue(
            conn,
            Kind::ActivityCancelled,
            activity_id,
            &r.id,
            &r.person_id,
        )?);
    }
    if !out.is_empty() {
        record(
            conn,
            actor,
            "notification.queued",
            "activity",
            activity_id,
            json!({ "kind": Kind::ActivityCancelled.as_str(), "count": out.len() }),
        )?;
    }
    Ok(out)
}

/// Registers a person (or re-registers after a cancellation) under the activity's lock.
pub fn register(
    conn: &mut DbConnection,
    activity_id: &str,
    person: &PersonRow,
    source: RegistrationSource,
    by: Option<String>,
    actor: &Actor,
) -> Result<RegistrationRow, ApiError> {
    lock_rows(
        conn,
        "SELECT id FROM activities WHERE id = $1 FOR UPDATE",
        activity_id,
    )?;
    let activity = ActivityRow::get(conn, activity_id)?;
    if activity.status == "cancelled" {
        return Err(ApiError::Conflict {
            msg: Msg::InvalidValue,
            field: Some("activity"),
        });
    }
    let existing = RegistrationRow::find(conn, activity_id, &person.id)?;
    if let Some(e) = &existing {
        if e.status != "cancelled" {
            return Err(ApiError::Conflict {
                msg: Msg::DuplicateEntry,
                field: Some("person_id"),
            });
        }
    }
    let category = person.category()?;
    let counts = store::counts(conn, std::slice::from_ref(&activity.id))?
        .remove(&activity.id)
        .unwrap_or_default();
    let seats = Seats {
        taken: counts.registered + counts.attended,
        newcomers: counts.newcomers,
        locals: counts.locals,
    };
    // Someone added at the door is there: recorded as attended whatever the capacity.
    let status = if source == RegistrationSource::WalkIn {
        RegistrationStatus::Attended
    } else {
        activity::admit(&rules(&activity), &seats, category)
    };
    let now = crate::db::now();
    let row = match existing {
        Some(e) => {
            RegistrationRow::requeue(conn, &e.id, status.as_str(), category.as_str())?;
            RegistrationRow {
                status: status.as_str().to_owned(),
                category: category.as_str().to_owned(),
                queued_at: now,
                promoted_at: None,
                updated_at: now,
                ..e
            }
        }
        None => {
            let row = RegistrationRow {
                id: Uuid::now_v7().to_string(),
                activity_id: activity.id.clone(),
                person_id: person.id.clone(),
                category: category.as_str().to_owned(),
                status: status.as_str().to_owned(),
                source: source.as_str().to_owned(),
                queued_at: now,
                registered_by: by,
                promoted_at: None,
                created_at: now,
                updated_at: now,
            };
            row.insert(conn)?;
            row
        }
    };
    ActivityRow::touch(conn, &activity.id)?;
    crate::people::store::touch(conn, &person.id)?;
    record(
        conn,
        actor,
        "registration.created",
        "registration",
        &row.id,
        json!({ "activity": activity.id, "person": person.id, "status": row.status, "source": row.source }),
    )?;
    Ok(row)
}

/// Registrations of an activity, in waiting-list order.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<Registration>),
    ItemErrors
))]
#[get("/{id}/registrations")]
pub async fn list_registrations(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<Registration>>, ApiError> {
    user.require(Permission::ReadActivities)?;
    let id = id.into_inner().to_string();
    let u = user.clone();
    let (rows, names) = state
        .db
        .run(move |conn| {
            let rec = load_one(conn, &id)?;
            if !may_manage(&u, &rec) {
                return Err(ApiError::Forbidden);
            }
            let rows = RegistrationRow::for_activity(conn, &id)?;
            let ids: Vec<String> = rows.iter().map(|r| r.person_id.clone()).collect();
            Ok((rows, crate::duo::store::names(conn, &ids)?))
        })
        .await?;
    let positions = with_positions(&rows);
    rows.iter()
        .zip(positions)
        .map(|(r, p)| {
            registration_dto(
                r,
                names.get(&r.person_id).map(String::as_str).unwrap_or(""),
                p,
            )
        })
        .collect::<Result<Vec<_>, _>>()
        .map(web::Json)
}

/// An `Idempotency-Key` header, if present and sane.
pub fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    match req.headers().get("idempotency-key") {
        None => Ok(None),
        Some(v) => {
            let k = v
                .to_str()
                .map_err(|_| ApiError::field("Idempotency-Key", Msg::InvalidValue))?
                .trim();
            if k.is_empty() || k.len() > 200 {
                return Err(ApiError::field("Idempotency-Key", Msg::InvalidValue));
            }
            Ok(Some(k.to_owned()))
        }
    }
}

/// Register a person (staff on someone's behalf, or a walk-in at the door, recorded as
/// attended). When the activity is full the person goes to the waiting list. A request repeated
/// with the same `Idempotency-Key` within 24 hours returns the first result.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = Uuid, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retried request safe")), request_body = RegistrationInput, responses(
    (status = 201, body = Registration),
    WriteErrors
))]
#[post("/{id}/registrations")]
pub async fn add_registration(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<RegistrationInput>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ReadActivities)?;
    let id = id.into_inner().to_string();
    let input = body.0;
    let key = idempotency_key(&req)?;
    let scope = format!("user:{}:{}", user.id, req.path());
    let actor = actor(&req, Some(&user));
    let u = user.clone();
    let (status, body) = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                lock_rows(
                    conn,
                    "SELECT id FROM activities WHERE id = $1 FOR UPDATE",
                    &id,
                )?;
                if let Some(k) = &key {
                    if let Some((status, body)) = store::idempotent_response(conn, &scope, k)? {
                        return Ok((status, body));
                    }
                }
                let rec = load_one(conn, &id)?;
                if !may_manage(&u, &rec) {
                    return Err(ApiError::Forbidden);
                }
                let person = PersonRow::find(conn, input.person_id)?
                    .filter(|p| p.anonymised_at.is_none())
                    .ok_or_else(|| ApiError::field("person_id", Msg::NotFound))?;
                let source = input.source.unwrap_or(RegistrationSource::Staff);
                let row = register(conn, &id, &person, source, Some(u.id.to_string()), &actor)?;
                let name = crate::people::domain::display_name(
                    &person.first_name,
                    person.last_name.as_deref(),
                    person.preferred_name.as_deref(),
                );
                let regs = RegistrationRow::for_activity(conn, &id)?;
                let pos = regs
                    .iter()
                    .zip(with_positions(&regs))
                    .find(|(r, _)| r.id == row.id)
                    .and_then(|(_, p)| p);
                let body = serde_json::to_string(&registration_dto(&row, &name, pos)?)
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
                if let Some(k) = &key {
                    store::store_idempotent_response(conn, &scope, k, 201, &body)?;
                }
                Ok((201, body))
            })
        })
        .await?;
    let mut res = HttpResponse::build(
        actix_web::http::StatusCode::from_u16(u16::try_from(status).unwrap_or(201))
            .unwrap_or(actix_web::http::StatusCode::CREATED),
    );
    Ok(res.content_type("application/json").body(body))
}

/// Change a registration: cancel (the first eligible person on the waiting list is promoted
/// automatically) or mark attendance (attended, absent, excused).
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = Uuid, Path), ("registration_id" = Uuid, Path)), request_body = RegistrationUpdate, responses(
    (status = 200, body = Registration),
    WriteErrors
))]
#[post("/{id}/registrations/{registration_id}/status")]
pub async fn set_registration_status(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
    body: Json<RegistrationUpdate>,
) -> Result<web::Json<Registration>, ApiError> {
    user.require(Permission::ReadActivities)?;
    let (id, rid) = path.into_inner();
    let (id, rid) = (id.to_string(), rid.to_string());
    let to = body.0.status;
    let actor = actor(&req, Some(&user));
    let u = user.clone();
    let (row, name, pos, queued) = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let mut queued = false;
                lock_rows(
                    conn,
                    "SELECT id FROM activities WHERE id = $1 FOR UPDATE",
                    &id,
                )?;
                let rec = load_one(conn, &id)?;
                if !may_manage(&u, &rec) {
                    return Err(ApiError::Forbidden);
                }
                let regs = RegistrationRow::for_activity(conn, &id)?;
                let r = regs
                    .iter()
                    .find(|r| r.id == rid)
                    .cloned()
                    .ok_or(ApiError::NotFound)?;
                let from: RegistrationStatus = parse(&r.status)?;
                use RegistrationStatus::*;
                let allowed = match (from, to) {
                    (Cancelled, _) => false,
                    (Waitlisted, Cancelled) => true,
                    (Waitlisted, _) => false,
                    (_, Waitlisted) | (_, Registered) => false,
                    (a, b) => a != b,
                };
                if !allowed {
                    return Err(ApiError::Conflict {
                        msg: Msg::InvalidValue,
                        field: Some("status"),
                    });
                }
                RegistrationRow::set_status(conn, &r.id, to.as_str(), false)?;
                record(
                    conn,
                    &actor,
                    "registration.status",
                    "registration",
                    &r.id,
                    json!({ "from": from.as_str(), "to": to.as_str() }),
                )?;
                if to == Cancelled {
                    // Someone promoted who then says no: the seat news is no longer true.
                    notifications::withdraw(conn, Kind::Promoted, std::slice::from_ref(&r.id))?;
                }
                if to == Cancelled
                    && matches!(from, Registered | Attended)
                    && !promote(conn, &rec.row, &actor)?.is_empty()
                {
                    queued = true;
                }
                ActivityRow::touch(conn, &id)?;
                let regs = RegistrationRow::for_activity(conn, &id)?;
                let pos = regs
                    .iter()
                    .zip(with_positions(&regs))
                    .find(|(x, _)| x.id == rid)
                    .and_then(|(_, p)| p);
                let row = regs
                    .into_iter()
                    .find(|x| x.id == rid)
                    .ok_or(ApiError::NotFound)?;
                let names = crate::duo::store::names(conn, std::slice::from_ref(&row.person_id))?;
                let name = names.get(&row.person_id).cloned().unwrap_or_default();
                Ok((row, name, pos, queued))
            })
        })
        .await?;
    if queued {
        state.outbox.notify_one();
    }
    Ok(web::Json(registration_dto(&row, &name, pos)?))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CsvQuery {
    /// `semicolon` for Belgian Excel locales (default: comma).
    pub sep: Option<String>,
}

fn csv_field(s: &str, sep: char) -> String {
    if s.contains(sep) || s.contains('"') || s.contains('\n') || s.contains('\r') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The attendee list as CSV (UTF-8 with BOM, for Excel).
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = Uuid, Path), CsvQuery), responses(
    (status = 200, description = "CSV file", content_type = "text/csv"),
    ItemErrors
))]
#[get("/{id}/attendees.csv")]
pub async fn attendees_csv(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    query: Query<CsvQuery>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ReadActivities)?;
    let sep = match query.0.sep.as_deref() {
        None | Some("comma") => ',',
        Some("semicolon") => ';',
        Some(_) => return Err(ApiError::field("sep", Msg::InvalidValue)),
    };
    let id = id.into_inner().to_string();
    let u = user.clone();
    let (rows, people) = state
        .db
        .run(move |conn| {
            let rec = load_one(conn, &id)?;
            if !may_manage(&u, &rec) {
                return Err(ApiError::Forbidden);
            }
            let rows = RegistrationRow::for_activity(conn, &id)?;
            let mut people = std::collections::HashMap::new();
            for r in &rows {
                if let Some(p) = PersonRow::find(conn, uuid(&r.person_id)?)? {
                    people.insert(r.person_id.clone(), p);
                }
            }
            Ok((rows, people))
        })
        .await?;
    let mut out = String::from("\u{feff}");
    let header = [
        "name",
        "email",
        "phone",
        "category",
        "status",
        "source",
        "registered_at",
    ];
    out.push_str(&header.join(&sep.to_string()));
    out.push_str("\r\n");
    for r in rows.iter().filter(|r| r.status != "cancelled") {
        let p = people.get(&r.person_id);
        let name = p
            .map(|p| {
                crate::people::domain::display_name(
                    &p.first_name,
                    p.last_name.as_deref(),
                    p.preferred_name.as_deref(),
                )
            })
            .unwrap_or_default();
        let cells = [
            name,
            p.and_then(|p| p.email.clone()).unwrap_or_default(),
            p.and_then(|p| p.phone.clone()).unwrap_or_default(),
            r.category.clone(),
            r.status.clone(),
            r.source.clone(),
            local_rfc3339(r.created_at.and_utc()),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_field(c, sep)).collect();
        out.push_str(&line.join(&sep.to_string()));
        out.push_str("\r\n");
    }
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"attendees.csv\"",
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(out))
}

/// Venues (La Grand Poste and Interra's usual places).
#[utoipa::path(tag = "activities", security(("bearer" = [])), responses(
    (status = 200, body = Vec<Venue>),
    ReadErrors
))]
#[get("")]
pub async fn list_venues(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<web::Json<Vec<Venue>>, ApiError> {
    user.require(Permission::ReadActivities)?;
    let rows = state.db.run(|conn| Ok(store::venues(conn)?)).await?;
    rows.iter()
        .map(venue_dto)
        .collect::<Result<Vec<_>, _>>()
        .map(web::Json)
}

/// Add a venue.
#[utoipa::path(tag = "activities", security(("bearer" = [])), request_body = VenueInput, responses(
    (status = 201, body = Venue),
    WriteErrors
))]
#[post("")]
pub async fn create_venue(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    body: Json<VenueInput>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WriteActivities)?;
    let v = body.0;
    let mut val = Validator::new();
    let name = val.check("name", crate::people::domain::required_text(&v.name, 200));
    let street = val
        .check("street", optional_text(v.street.as_deref(), 200))
        .flatten();
    let postcode = match v
        .postcode
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(p) => val.check("postcode", crate::people::domain::parse_postcode(p)),
        None => None,
    };
    let locality = val
        .check("locality", optional_text(v.locality.as_deref(), 100))
        .flatten();
    val.finish()?;
    let row = VenueRow {
        id: Uuid::now_v7().to_string(),
        name: name.unwrap_or_default(),
        street,
        postcode,
        locality,
        created_at: crate::db::now(),
    };
    let actor = actor(&req, Some(&user));
    let row = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                store::insert_venue(conn, &row)?;
                record(conn, &actor, "venue.created", "venue", &row.id, json!({}))?;
                Ok(row)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(venue_dto(&row)?))
}
