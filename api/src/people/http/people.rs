//! Handlers of `/people` and `/people/{id}`: the profile itself.

use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use shared::page::PageParams;
use shared::participation::PersonParticipation;
use shared::people::{PeopleFilter, Person, PersonInput, PersonSummary, Programme, ReviewDecision};
use shared::Page;
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::people::dto::{person_dto, summary_dto};
use crate::people::service;
use crate::state::AppState;

use super::scope;

/// List people, with combinable filters.
///
/// Coaches see only the people they accompany.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(PeopleFilter), responses(
    (status = 200, body = Page<PersonSummary>),
    ReadErrors
))]
#[get("")]
pub async fn list_people(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    query: Query<PeopleFilter>,
) -> Result<web::Json<Page<PersonSummary>>, ApiError> {
    ctx.require(Permission::ReadPeople)?;
    let f = query.0;
    let params = PageParams {
        page: f.page,
        page_size: f.page_size,
    };
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let found = service::list(&state.db, scope(&ctx), f, offset, limit).await?;
    let (next, previous) = page_links(&req, &params, found.count);
    let results = found
        .rows
        .iter()
        .map(|r| {
            let mut progs: Vec<Programme> =
                found.programmes.get(&r.id).cloned().unwrap_or_default();
            progs.sort();
            summary_dto(r, progs)
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(web::Json(Page {
        count: found.count,
        next,
        previous,
        results,
    }))
}

/// Record a new person.
///
/// Answers 409 with `conflict_id` when someone already has this email or phone, unless
/// `confirm_distinct` is true.
#[utoipa::path(tag = "people", security(("bearer" = [])), request_body = PersonInput, responses(
    (status = 201, body = Person),
    WriteErrors
))]
#[post("")]
pub async fn create_person(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<PersonInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WritePeople)?;
    let rec = service::create(&state.db, ctx.actor, ctx.user.id, body.0).await?;
    let dto = person_dto(&rec, ctx.lang, true)?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/people/{}", dto.id)))
        .json(dto))
}

/// One person, with memberships, consents and coaches.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Person),
    ItemErrors
))]
#[get("/{id}")]
pub async fn get_person(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Person>, ApiError> {
    ctx.require(Permission::ReadPeople)?;
    let rec = service::get(&state.db, scope(&ctx), id.into_inner()).await?;
    Ok(web::Json(person_dto(
        &rec,
        ctx.lang,
        ctx.user.sees_staff_notes(),
    )?))
}

/// What a person takes part in, across the four programmes: registrations and attendance,
/// workshops they lead, Duo2Change candidacies and duos, InterLab projects, partner
/// organisations. Readable by whoever may read the person (coaches: the people they accompany,
/// 404 otherwise); a duo partner a coach does not accompany stays unnamed.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = PersonParticipation),
    ItemErrors
))]
#[get("/{id}/participation")]
pub async fn person_participation(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<PersonParticipation>, ApiError> {
    ctx.require(Permission::ReadPeople)?;
    let out = service::participation(&state.db, scope(&ctx), id.into_inner()).await?;
    Ok(web::Json(out))
}

/// Replace a person's profile (every field of the form).
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = PersonInput, responses(
    (status = 200, body = Person),
    WriteErrors
))]
#[put("/{id}")]
pub async fn update_person(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<PersonInput>,
) -> Result<web::Json<Person>, ApiError> {
    ctx.require(Permission::WritePeople)?;
    let rec = service::update(&state.db, ctx.actor, id.into_inner(), body.0).await?;
    Ok(web::Json(person_dto(&rec, ctx.lang, true)?))
}

async fn set_archived(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: Uuid,
    archived: bool,
) -> Result<web::Json<Person>, ApiError> {
    ctx.require(Permission::WritePeople)?;
    let rec = service::set_archived(&state.db, ctx.actor, id, archived).await?;
    Ok(web::Json(person_dto(&rec, ctx.lang, true)?))
}

/// Archive a person (kept, hidden from the default lists).
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Person),
    WriteErrors
))]
#[post("/{id}/archive")]
pub async fn archive_person(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Person>, ApiError> {
    set_archived(state, ctx, id.into_inner(), true).await
}

/// Bring an archived person back.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Person),
    WriteErrors
))]
#[post("/{id}/restore")]
pub async fn restore_person(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Person>, ApiError> {
    set_archived(state, ctx, id.into_inner(), false).await
}

/// Decide on a person to review (public sign-up, possible duplicate).
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = ReviewDecision, responses(
    (status = 200, body = Person),
    WriteErrors
))]
#[post("/{id}/review")]
pub async fn review_person(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<ReviewDecision>,
) -> Result<web::Json<Person>, ApiError> {
    ctx.require(Permission::WritePeople)?;
    let rec = service::review(&state.db, ctx.actor, id.into_inner(), body.0.decision).await?;
    Ok(web::Json(person_dto(&rec, ctx.lang, true)?))
}
