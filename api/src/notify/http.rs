//! The notification outbox for staff: who must still hear about a promotion or a cancellation,
//! and marking a notice as passed on.

use std::collections::HashMap;

use actix_web::{get, post, web, HttpRequest};
use serde_json::json;
use shared::notifications::{Notification, NotificationDone, NotificationFilter};
use shared::page::PageParams;
use shared::Page;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::activities::domain::local_rfc3339;
use crate::activities::http::activities::{load_one, may_manage};
use crate::activities::store::{self as store, ActivityRow};
use crate::audit::audit_event as record;
use crate::db::{stored as parse, stored_id as uuid};
use crate::db::{write_transaction, DbConnection};
use crate::error::{ApiError, Validator};
use crate::http::auth::{AuthUser, Permission};
use crate::http::context::actor;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::i18n::Msg;
use crate::notify::store::{self as notifications, NotificationQuery, NotificationRow};
use crate::people::domain::optional_text;
use crate::people::store::PersonRow;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_notifications).service(mark_done);
}

fn name_of(p: &PersonRow) -> String {
    crate::people::domain::display_name(
        &p.first_name,
        p.last_name.as_deref(),
        p.preferred_name.as_deref(),
    )
}

fn dto(
    n: &NotificationRow,
    person: Option<&PersonRow>,
    activity: Option<&ActivityRow>,
    smtp: bool,
) -> Result<Notification, ApiError> {
    let activity = activity.ok_or(ApiError::NotFound)?;
    Ok(Notification {
        id: uuid(&n.id)?,
        kind: parse(&n.kind)?,
        channel: parse(&n.channel)?,
        status: parse(&n.status)?,
        needs_staff: notifications::needs_staff(&n.status, &n.channel, smtp),
        person_id: uuid(&n.person_id)?,
        display_name: person.map(name_of).unwrap_or_default(),
        email: person.and_then(|p| p.email.clone()),
        phone: person.and_then(|p| p.phone.clone()),
        activity_id: uuid(&n.activity_id)?,
        activity_title: serde_json::from_str(&activity.title).unwrap_or_default(),
        activity_starts_at: activity.starts_at.and_utc(),
        activity_starts_at_local: local_rfc3339(activity.starts_at.and_utc()),
        registration_id: n.registration_id.as_deref().map(uuid).transpose()?,
        attempts: n.attempts,
        last_error: n.last_error.clone(),
        created_at: n.created_at.and_utc(),
        sent_at: n.sent_at.map(|t| t.and_utc()),
        done_at: n.done_at.map(|t| t.and_utc()),
        done_by: n.done_by.as_deref().and_then(|s| s.parse().ok()),
        done_note: n.done_note.clone(),
    })
}

type Loaded = (
    Vec<NotificationRow>,
    HashMap<String, PersonRow>,
    HashMap<String, ActivityRow>,
);

fn with_people_and_activities(
    conn: &mut DbConnection,
    rows: Vec<NotificationRow>,
) -> Result<Loaded, ApiError> {
    let mut people = HashMap::new();
    let mut activities = HashMap::new();
    for n in &rows {
        if !people.contains_key(&n.person_id) {
            if let Some(p) = PersonRow::find(conn, uuid(&n.person_id)?)? {
                people.insert(n.person_id.clone(), p);
            }
        }
        if !activities.contains_key(&n.activity_id) {
            activities.insert(
                n.activity_id.clone(),
                ActivityRow::get(conn, &n.activity_id)?,
            );
        }
    }
    Ok((rows, people, activities))
}

/// Notifications of people to tell (promoted from a waiting list, activity cancelled), oldest
/// first. Coordinators see all; a coach sees those of the activities they are staff of.
#[utoipa::path(tag = "notifications", security(("bearer" = [])), params(NotificationFilter), responses(
    (status = 200, body = Page<Notification>),
    ReadErrors
))]
#[get("")]
pub async fn list_notifications(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    query: Query<NotificationFilter>,
) -> Result<web::Json<Page<Notification>>, ApiError> {
    user.require(Permission::ReadNotifications)?;
    let f = query.0;
    let params = PageParams {
        page: f.page,
        page_size: f.page_size,
    };
    let smtp = state.settings.smtp_url.is_some();
    let mut q = NotificationQuery {
        statuses: f
            .status
            .map(|s| vec![s.as_str().to_owned()])
            .unwrap_or_default(),
        activity_id: f.activity_id.map(|a| a.to_string()),
        channel: f.channel.map(|c| c.as_str().to_owned()),
        activities: None,
        to_do: f.to_do.unwrap_or(false),
        smtp,
    };
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let u = user.clone();
    let ((rows, people, activities), count) = state
        .db
        .run(move |conn| {
            if let Some(a) = &q.activity_id {
                let rec = load_one(conn, a)?;
                if !may_manage(&u, &rec) {
                    return Err(ApiError::Forbidden);
                }
            } else if !Permission::WriteActivities.allowed(u.role) {
                q.activities = Some(store::staffed_by(conn, &u.id.to_string())?);
            }
            let (rows, count) = notifications::list(conn, &q, offset, limit)?;
            Ok((with_people_and_activities(conn, rows)?, count))
        })
        .await?;
    let count = u64::try_from(count).unwrap_or(0);
    let (next, previous) = page_links(&req, &params, count);
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results: rows
            .iter()
            .map(|n| {
                dto(
                    n,
                    people.get(&n.person_id),
                    activities.get(&n.activity_id),
                    smtp,
                )
            })
            .collect::<Result<_, _>>()?,
    }))
}

/// A staff member told the person (by phone, in person...): the notice is done. Refused with
/// 409 when it was already sent by email or marked done.
#[utoipa::path(tag = "notifications", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = NotificationDone, responses(
    (status = 200, body = Notification),
    WriteErrors
))]
#[post("/{id}/done")]
pub async fn mark_done(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<NotificationDone>,
) -> Result<web::Json<Notification>, ApiError> {
    user.require(Permission::ReadNotifications)?;
    let id = id.into_inner().to_string();
    let mut v = Validator::new();
    let note = v
        .check("note", optional_text(body.0.note.as_deref(), 500))
        .flatten();
    v.finish()?;
    let smtp = state.settings.smtp_url.is_some();
    let actor = actor(&req, Some(&user));
    let u = user.clone();
    let (rows, people, activities) = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let n = notifications::get(conn, &id)?.ok_or(ApiError::NotFound)?;
                let rec = load_one(conn, &n.activity_id)?;
                if !may_manage(&u, &rec) {
                    return Err(ApiError::Forbidden);
                }
                if !notifications::mark_done(conn, &id, &u.id.to_string(), note.as_deref())? {
                    return Err(ApiError::Conflict {
                        msg: Msg::InvalidValue,
                        field: Some("status"),
                    });
                }
                record(
                    conn,
                    &actor,
                    "notification.done",
                    "notification",
                    &id,
                    json!({ "kind": n.kind, "activity": n.activity_id, "person": n.person_id, "from": n.status }),
                )?;
                let n = notifications::get(conn, &id)?.ok_or(ApiError::NotFound)?;
                with_people_and_activities(conn, vec![n])
            })
        })
        .await?;
    let n = rows.first().ok_or(ApiError::NotFound)?;
    Ok(web::Json(dto(
        n,
        people.get(&n.person_id),
        activities.get(&n.activity_id),
        smtp,
    )?))
}
