//! Activities: the staff agenda, one activity, creating and replacing one.

use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use shared::activities::{Activity, ActivityFilter, ActivityInput};
use shared::page::PageParams;
use shared::Page;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{export, registrations, series};
use crate::activities::domain::parse_bound;
use crate::activities::dto::activity_dto;
use crate::activities::service;
use crate::activities::store::ActivityQuery;
use crate::error::{ApiError, Validator};
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::state::AppState;

pub use super::venues::configure as configure_venues;

/// Every route under `/activities`, in matching order.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_activities)
        .service(create_activity)
        .service(series::create_series)
        .service(get_activity)
        .service(update_activity)
        .service(registrations::list_registrations)
        .service(registrations::add_registration)
        .service(registrations::set_registration_status)
        .service(export::attendees_csv);
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
    ctx: Ctx,
    query: Query<ActivityFilter>,
) -> Result<web::Json<Page<Activity>>, ApiError> {
    ctx.require(Permission::ReadActivities)?;
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
        programme: f.programme,
        kind: f.kind,
        status: f.status,
        series_id: f.series_id.map(|s| s.to_string()),
        ..Default::default()
    };
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let (recs, count) = state
        .db
        .run(move |conn| service::list(conn, &q, offset, limit))
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
    ctx: Ctx,
    body: Json<ActivityInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteActivities)?;
    let input = body.0;
    let by = Some(ctx.user.id.to_string());
    let actor = ctx.actor;
    let rec = state
        .db
        .run(move |conn| service::create(conn, &input, by, &actor))
        .await?;
    let dto = activity_dto(&rec)?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/activities/{}", dto.id)))
        .json(dto))
}

/// One activity with its counts.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Activity),
    ItemErrors
))]
#[get("/{id}")]
pub async fn get_activity(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Activity>, ApiError> {
    ctx.require(Permission::ReadActivities)?;
    let id = id.into_inner().to_string();
    let rec = state
        .db
        .run(move |conn| service::load_one(conn, &id))
        .await?;
    Ok(web::Json(activity_dto(&rec)?))
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
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<ActivityInput>,
) -> Result<web::Json<Activity>, ApiError> {
    ctx.require(Permission::WriteActivities)?;
    let id = id.into_inner().to_string();
    let input = body.0;
    let actor = ctx.actor;
    let (rec, queued) = state
        .db
        .run(move |conn| service::update(conn, &id, &input, &actor))
        .await?;
    if queued {
        state.outbox.notify_one();
    }
    Ok(web::Json(activity_dto(&rec)?))
}
