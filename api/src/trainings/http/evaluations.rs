//! Evaluations: results per course and per module (fewer than 5 answers withheld), staff
//! entry of a paper questionnaire, personal links, and the trainee's own answer through a link.

use actix_web::{get, post, web, HttpResponse};
use shared::trainings::{EvaluationForm, EvaluationInput, EvaluationLink, EvaluationResults};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::{Ctx, Visitor};
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, PublicFormErrors, PublicLookupErrors, WriteErrors};
use crate::state::AppState;
use crate::trainings::service::evaluations as service;

/// Results of the course's evaluations: average satisfaction and its distribution, each
/// objective before and after, what was useful. Under 5 answers only their number is given.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = EvaluationResults),
    ItemErrors
))]
#[get("/courses/{id}/evaluations")]
pub async fn course_results(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<EvaluationResults>, ApiError> {
    ctx.require(Permission::ReadTrainings)?;
    let (id, lang) = (id.into_inner(), ctx.lang);
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::of_course(conn, id, lang))
            .await?,
    ))
}

/// Results of the evaluations of all the module's courses (under 5 answers: withheld).
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = EvaluationResults),
    ItemErrors
))]
#[get("/modules/{id}/evaluations")]
pub async fn module_results(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<EvaluationResults>, ApiError> {
    ctx.require(Permission::ReadTrainings)?;
    let (id, lang) = (id.into_inner(), ctx.lang);
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::of_module(conn, id, lang))
            .await?,
    ))
}

/// Enter a trainee's paper questionnaire (coordinators; once per trainee). Returns the
/// course's results.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = EvaluationInput, responses(
    (status = 201, body = EvaluationResults),
    WriteErrors
))]
#[post("/courses/{id}/evaluations")]
pub async fn enter_evaluation(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<EvaluationInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageTrainings)?;
    let (id, by, actor, lang) = (
        id.into_inner(),
        ctx.user.id.to_string(),
        ctx.actor.clone(),
        ctx.lang,
    );
    let r = state
        .db
        .run(move |conn| service::enter(conn, id, &body.0, &by, &actor, lang))
        .await?;
    Ok(HttpResponse::Created().json(r))
}

/// Make a personal evaluation link for each trainee holding a seat who has not answered (a
/// new link replaces an earlier one). The links are shown once: pass them on.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 201, body = Vec<EvaluationLink>),
    WriteErrors
))]
#[post("/courses/{id}/evaluations/links")]
pub async fn make_links(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageTrainings)?;
    let (id, actor, base) = (
        id.into_inner(),
        ctx.actor.clone(),
        state.public_url().to_owned(),
    );
    let links = state
        .db
        .run(move |conn| service::links(conn, id, &base, &actor))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(links))
}

/// The questionnaire behind a personal link: the module and its objectives, and whether it was
/// answered. An unknown link: 404. Throttled per client address.
#[utoipa::path(tag = "public", params(("token" = String, Path)), responses(
    (status = 200, body = EvaluationForm),
    (status = 404, description = "Unknown link", content_type = "application/problem+json", body = shared::Problem),
    PublicLookupErrors
))]
#[get("/{token}")]
pub async fn evaluation_form(
    state: web::Data<AppState>,
    visitor: Visitor,
    token: web::Path<String>,
) -> Result<web::Json<EvaluationForm>, ApiError> {
    super::throttle_lookup(&state, &visitor.ip).await?;
    let (token, lang) = (token.into_inner(), visitor.lang);
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::form(conn, &token, lang))
            .await?,
    ))
}

/// Answer the questionnaire through a personal link (once; again: 409). Throttled per client
/// address, with the questionnaire's reads.
#[utoipa::path(tag = "public", params(("token" = String, Path)), request_body = EvaluationInput, responses(
    (status = 204, description = "Thank you"),
    (status = 404, description = "Unknown link", content_type = "application/problem+json", body = shared::Problem),
    (status = 409, description = "Already answered", content_type = "application/problem+json", body = shared::Problem),
    PublicFormErrors
))]
#[post("/{token}")]
pub async fn submit_evaluation(
    state: web::Data<AppState>,
    visitor: Visitor,
    token: web::Path<String>,
    body: Json<EvaluationInput>,
) -> Result<HttpResponse, ApiError> {
    super::throttle_lookup(&state, &visitor.ip).await?;
    let (token, actor) = (token.into_inner(), visitor.actor);
    state
        .db
        .run(move |conn| service::submit(conn, &token, &body.0, &actor))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
