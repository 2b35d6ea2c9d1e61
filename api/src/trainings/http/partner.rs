//! `/partner/trainings`: a partner organisation registers its own staff to trainings (scope
//! `trainings:register`).

use actix_web::http::StatusCode;
use actix_web::{delete, get, post, web, HttpRequest, HttpResponse};
use shared::partners::Scope;
use shared::trainings::{Course, PartnerRegistration, PartnerStaffMember, PartnerTraineeInput};
use uuid::Uuid;

use crate::activities::service::Idempotency;
use crate::error::ApiError;
use crate::http::extract::Json;
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::http::partner::{idempotency_key, Partner};
use crate::state::AppState;
use crate::trainings::service::partner as service;

/// Courses open to partner staff, the latest first, with their sessions and places taken.
#[utoipa::path(tag = "partner", security(("oauth2" = ["trainings:register"])), responses(
    (status = 200, body = Vec<Course>),
    ReadErrors
))]
#[get("/trainings")]
pub async fn list_open_courses(
    state: web::Data<AppState>,
    partner: Partner,
) -> Result<web::Json<Vec<Course>>, ApiError> {
    partner.require(Scope::TrainingsRegister)?;
    let lang = partner.lang;
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::open_courses(conn, lang))
            .await?,
    ))
}

/// Register one of the organisation's own staff (a person affiliated to it) to a course: a
/// seat in every session, or the waiting list. Anyone else is refused (422 on `person_id`).
/// Send an `Idempotency-Key` to make a retry safe (kept 24 hours, per client).
#[utoipa::path(tag = "partner", security(("oauth2" = ["trainings:register"])),
    params(("course_id" = Uuid, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retried request safe (kept 24 hours, per client)")),
    request_body = PartnerTraineeInput,
    responses(
        (status = 201, body = PartnerRegistration),
        WriteErrors
    )
)]
#[post("/trainings/{course_id}/registrations")]
pub async fn register_staff(
    state: web::Data<AppState>,
    req: HttpRequest,
    partner: Partner,
    course: web::Path<Uuid>,
    body: Json<PartnerTraineeInput>,
) -> Result<HttpResponse, ApiError> {
    partner.require(Scope::TrainingsRegister)?;
    let course = course.into_inner();
    let retry = idempotency_key(&req)?.map(|key| Idempotency {
        scope: format!(
            "client:{}:POST /partner/trainings/{course}/registrations",
            partner.client_id
        ),
        key,
    });
    let (status, body) = state
        .db
        .run(move |conn| service::register(conn, &partner, course, &body.0, retry.as_ref()))
        .await?;
    let status = u16::try_from(status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::CREATED);
    Ok(HttpResponse::build(status)
        .content_type("application/json")
        .body(body))
}

/// The organisation's own staff (the people the team affiliated to it), with their role there:
/// the `person_id`s it may register. Nobody else's data.
#[utoipa::path(tag = "partner", security(("oauth2" = ["trainings:register"])), responses(
    (status = 200, body = Vec<PartnerStaffMember>),
    ReadErrors
))]
#[get("/trainings/staff")]
pub async fn list_staff(
    state: web::Data<AppState>,
    partner: Partner,
) -> Result<web::Json<Vec<PartnerStaffMember>>, ApiError> {
    partner.require(Scope::TrainingsRegister)?;
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::staff(conn, &partner))
            .await?,
    ))
}

/// The organisation's registrations, the latest first: place, hours attended, completion.
#[utoipa::path(tag = "partner", security(("oauth2" = ["trainings:register"])), responses(
    (status = 200, body = Vec<PartnerRegistration>),
    ReadErrors
))]
#[get("/trainings/registrations")]
pub async fn list_registrations(
    state: web::Data<AppState>,
    partner: Partner,
) -> Result<web::Json<Vec<PartnerRegistration>>, ApiError> {
    partner.require(Scope::TrainingsRegister)?;
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::list(conn, &partner))
            .await?,
    ))
}

/// Cancel one of the organisation's registrations (another organisation's: 404): every seat is
/// freed and the waiting list moves up.
#[utoipa::path(tag = "partner", security(("oauth2" = ["trainings:register"])), params(("course_id" = Uuid, Path), ("id" = Uuid, Path)), responses(
    (status = 200, body = PartnerRegistration),
    WriteErrors
))]
#[delete("/trainings/{course_id}/registrations/{id}")]
pub async fn cancel_registration(
    state: web::Data<AppState>,
    partner: Partner,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<PartnerRegistration>, ApiError> {
    partner.require(Scope::TrainingsRegister)?;
    let (course, id) = path.into_inner();
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::cancel(conn, &partner, course, id))
            .await?,
    ))
}
