//! The notification outbox for staff: who must still hear about a promotion or a cancellation,
//! and marking a notice as passed on.

use actix_web::{get, post, web, HttpRequest};
use shared::notifications::{Notification, NotificationDone, NotificationFilter};
use shared::page::PageParams;
use shared::Page;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::activities::domain::local_rfc3339;
use crate::db::stored_id as uuid;
use crate::error::{ApiError, Validator};
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::notify::service::{self, NoticeView};
use crate::notify::store::{self as notifications, NotificationQuery};
use crate::people::domain::optional_text;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_notifications).service(mark_done);
}

fn dto(v: &NoticeView, smtp: bool) -> Result<Notification, ApiError> {
    let (n, person, activity) = (&v.row, v.person.as_ref(), &v.activity);
    Ok(Notification {
        id: uuid(&n.id)?,
        kind: n.kind,
        channel: n.channel,
        status: n.status,
        needs_staff: notifications::needs_staff(n.status, n.channel, smtp),
        person_id: uuid(&n.person_id)?,
        display_name: person
            .map(|p| {
                crate::people::domain::display_name(
                    &p.first_name,
                    p.last_name.as_deref(),
                    p.preferred_name.as_deref(),
                )
            })
            .unwrap_or_default(),
        email: person.and_then(|p| p.email.clone()),
        phone: person.and_then(|p| p.phone.clone()),
        activity_id: uuid(&n.activity_id)?,
        activity_title: activity.title.0.clone(),
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
    ctx: Ctx,
    query: Query<NotificationFilter>,
) -> Result<web::Json<Page<Notification>>, ApiError> {
    ctx.require(Permission::ReadNotifications)?;
    let f = query.0;
    let params = PageParams {
        page: f.page,
        page_size: f.page_size,
    };
    let smtp = state.settings.mail.is_some();
    let q = NotificationQuery {
        statuses: f.status.into_iter().collect(),
        activity_id: f.activity_id.map(|a| a.to_string()),
        channel: f.channel,
        activities: None,
        to_do: f.to_do.unwrap_or(false),
        smtp,
    };
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let user = ctx.user;
    let (views, count) = state
        .db
        .run(move |conn| service::list(conn, &user, q, offset, limit))
        .await?;
    let count = u64::try_from(count).unwrap_or(0);
    let (next, previous) = page_links(&req, &params, count);
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results: views
            .iter()
            .map(|v| dto(v, smtp))
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
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<NotificationDone>,
) -> Result<web::Json<Notification>, ApiError> {
    ctx.require(Permission::ReadNotifications)?;
    let id = id.into_inner().to_string();
    let mut v = Validator::new();
    let note = v
        .check("note", optional_text(body.0.note.as_deref(), 500))
        .flatten();
    v.finish()?;
    let smtp = state.settings.mail.is_some();
    let Ctx { user, actor, .. } = ctx;
    let view = state
        .db
        .run(move |conn| service::mark_done(conn, &user, &id, note.as_deref(), &actor))
        .await?;
    Ok(web::Json(dto(&view, smtp)?))
}
