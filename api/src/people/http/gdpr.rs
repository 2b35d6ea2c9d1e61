//! Handlers of the data-protection rights: access (export), history, erasure, retention.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde_json::json;
use shared::audit::PersonHistoryEntry;
use shared::page::PageParams;
use shared::people::{
    AnonymiseRequest, AnonymiseResult, AnonymisedPerson, BulkAnonymiseRequest, PersonSummary,
};
use shared::Page;
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::people::dto::{history_entry, person_dto, summary_dto};
use crate::people::{erasure, service};
use crate::state::AppState;

use super::scope;

/// Right of access: everything held about the person, as one JSON document.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "Every record about the person, per table", body = Object),
    ItemErrors
))]
#[get("/{id}/export")]
pub async fn export_person(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WritePeople)?;
    let id = id.into_inner();
    let (rec, tables) = service::export(&state.db, ctx.actor, id).await?;
    let doc = json!({
        "format": "interra.person-export/1",
        "exported_at": chrono::Utc::now(),
        "person": person_dto(&rec, ctx.lang, true)?,
        "records": tables,
    });
    Ok(HttpResponse::Ok()
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"interra-person-{id}.json\""),
        ))
        .insert_header(("Cache-Control", "no-store"))
        .json(doc))
}

/// A person's history: the audit entries about them, newest first.
///
/// Who acted (staff display name), when, what, and the names of the fields that changed —
/// never their values, nor addresses or request ids. Readable by whoever may read the person:
/// coaches only for the people they accompany (404 otherwise).
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path), PageParams), responses(
    (status = 200, body = Page<PersonHistoryEntry>),
    ItemErrors,
    ReadErrors
))]
#[get("/{id}/history")]
pub async fn person_history(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    id: web::Path<Uuid>,
    query: Query<PageParams>,
) -> Result<web::Json<Page<PersonHistoryEntry>>, ApiError> {
    ctx.require(Permission::ReadPeople)?;
    let params = query.0;
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let (rows, count, names) =
        service::history(&state.db, scope(&ctx), id.into_inner(), offset, limit).await?;
    // `names` also gives each consent's purpose, so the history says which was withdrawn.
    let (next, previous) = page_links(&req, &params, count);
    let results = rows
        .into_iter()
        .map(|r| history_entry(r, &names))
        .collect::<Result<_, ApiError>>()?;
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results,
    }))
}

/// Right to erasure: irreversibly wipe every identifying value of a person.
///
/// Non-identifying facts stay for reports (category, memberships, interests). Requires
/// `{"confirmation": "anonymise"}`. The answer lists the staff-written texts elsewhere that
/// still contain the person's names (`mentions`), for staff to edit.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = AnonymiseRequest, responses(
    (status = 200, body = AnonymisedPerson),
    WriteErrors
))]
#[post("/{id}/anonymise")]
pub async fn anonymise_person(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<AnonymiseRequest>,
) -> Result<web::Json<AnonymisedPerson>, ApiError> {
    ctx.require(Permission::WritePeople)?;
    let (rec, mentions) =
        erasure::anonymise(&state.db, ctx.actor, id.into_inner(), &body.0.confirmation).await?;
    Ok(web::Json(AnonymisedPerson {
        person: person_dto(&rec, ctx.lang, true)?,
        mentions,
    }))
}

/// People whose last activity is older than the retention period (administrators).
#[utoipa::path(tag = "people", security(("bearer" = [])), responses(
    (status = 200, body = Vec<PersonSummary>),
    ReadErrors
))]
#[get("/retention")]
pub async fn retention_review(
    state: web::Data<AppState>,
    ctx: Ctx,
) -> Result<web::Json<Vec<PersonSummary>>, ApiError> {
    ctx.require(Permission::ManageRetention)?;
    let rows = service::past_retention(&state.db, state.settings.retention_months).await?;
    rows.iter()
        .map(|r| summary_dto(r, vec![]))
        .collect::<Result<Vec<_>, ApiError>>()
        .map(web::Json)
}

/// Anonymise several people at once (administrators; e.g. after the retention review).
#[utoipa::path(tag = "people", security(("bearer" = [])), request_body = BulkAnonymiseRequest, responses(
    (status = 200, body = AnonymiseResult),
    WriteErrors
))]
#[post("/anonymise")]
pub async fn anonymise_people(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<BulkAnonymiseRequest>,
) -> Result<web::Json<AnonymiseResult>, ApiError> {
    ctx.require(Permission::ManageRetention)?;
    let BulkAnonymiseRequest { ids, confirmation } = body.0;
    let (anonymised, mentions) =
        erasure::anonymise_many(&state.db, ctx.actor, ids, &confirmation).await?;
    Ok(web::Json(AnonymiseResult {
        anonymised,
        mentions,
    }))
}
