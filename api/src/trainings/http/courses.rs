//! `/trainings/courses`: runs of a module, their trainees and attendance.

use actix_web::{delete, get, patch, post, put, web, HttpResponse};
use shared::trainings::{
    AttendanceInput, Course, CourseFilter, CourseInput, CourseUpdate, Trainee, TraineeInput,
};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::state::AppState;
use crate::trainings::service::{course_edit, courses as service, trainees};

/// Courses, the latest first, with their sessions and how many trainees hold a seat or wait.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(CourseFilter), responses(
    (status = 200, body = Vec<Course>),
    ReadErrors
))]
#[get("/courses")]
pub async fn list_courses(
    state: web::Data<AppState>,
    ctx: Ctx,
    query: Query<CourseFilter>,
) -> Result<web::Json<Vec<Course>>, ApiError> {
    ctx.require(Permission::ReadTrainings)?;
    let lang = ctx.lang;
    let module = query.0.module_id;
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::list(conn, module, false, lang))
            .await?,
    ))
}

/// Plan a course of a module (coordinators): its sessions become activities of the programme
/// `training` (capacity: the module's group size), all within the course's dates.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), request_body(content = CourseInput, example = json!({
    "module_id": "0193b1c2-7d4e-7a00-9c1b-2f4a5e6d7c8b", "starts_on": "2027-02-01", "ends_on": "2027-02-08",
    "sessions": [{"starts_at": "2027-02-01T09:00", "ends_at": "2027-02-01T12:00"}, {"starts_at": "2027-02-08T09:00", "ends_at": "2027-02-08T12:00"}],
    "public": true, "open_to_partners": true
})), responses(
    (status = 201, body = Course),
    WriteErrors
))]
#[post("/courses")]
pub async fn create_course(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<CourseInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageTrainings)?;
    let by = Some(ctx.user.id.to_string());
    let (actor, lang) = (ctx.actor.clone(), ctx.lang);
    let c = state
        .db
        .run(move |conn| service::create(conn, &body.0, by, &actor, lang))
        .await?;
    Ok(HttpResponse::Created().json(c))
}

/// Edit a course (coordinators): its title, dates, publicity, venue, partner opening, and its
/// sessions added, moved or removed (`sessions` lists them as they must be). No session
/// outside the course's dates; a session in which attendance was taken cannot be removed; a
/// removed session is cancelled (whoever was registered hears of it); a new one registers
/// every trainee. All or nothing, field by field.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body(content = CourseUpdate, example = json!({
    "title": {"fr": "Communication interculturelle — session de printemps"}, "public": false,
    "sessions": [{"activity_id": "0193b1c2-7d4e-7a00-9c1b-2f4a5e6d7c8b", "starts_at": "2027-02-01T13:00", "ends_at": "2027-02-01T16:00"}, {"starts_at": "2027-02-08T09:00", "ends_at": "2027-02-08T12:00"}]
})), responses(
    (status = 200, body = Course),
    WriteErrors
))]
#[patch("/courses/{id}")]
pub async fn update_course(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<CourseUpdate>,
) -> Result<web::Json<Course>, ApiError> {
    ctx.require(Permission::ManageTrainings)?;
    let (id, actor, lang) = (id.into_inner(), ctx.actor.clone(), ctx.lang);
    Ok(web::Json(
        state
            .db
            .run(move |conn| course_edit::update(conn, id, &body.0, &actor, lang))
            .await?,
    ))
}

/// One course.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Course),
    ItemErrors
))]
#[get("/courses/{id}")]
pub async fn get_course(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Course>, ApiError> {
    ctx.require(Permission::ReadTrainings)?;
    let (id, lang) = (id.into_inner(), ctx.lang);
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::get(conn, id, lang))
            .await?,
    ))
}

async fn trainees_of(state: &AppState, ctx: &Ctx, id: Uuid) -> Result<Vec<Trainee>, ApiError> {
    ctx.require(Permission::ReadTrainings)?;
    let coach = ctx.user.people_scope();
    state
        .db
        .run(move |conn| {
            let l = service::load(conn, &id.to_string())?;
            trainees::views(conn, &l, coach.as_deref(), None)
        })
        .await
}

/// The course's trainees in registration order, with their place (seat or waiting list),
/// attendance per session, hours attended, completion and certificate (coaches: the people
/// they accompany).
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<Trainee>),
    ItemErrors
))]
#[get("/courses/{id}/registrations")]
pub async fn list_trainees(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<Trainee>>, ApiError> {
    Ok(web::Json(trainees_of(&state, &ctx, id.into_inner()).await?))
}

/// Register a trainee to the whole course (coordinators): a seat in every session, or the
/// waiting list. Partner staff are registered with the organisation they are affiliated to.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = TraineeInput, responses(
    (status = 201, body = Trainee),
    WriteErrors
))]
#[post("/courses/{id}/registrations")]
pub async fn add_trainee(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<TraineeInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageTrainings)?;
    let (id, by, actor) = (
        id.into_inner(),
        Some(ctx.user.id.to_string()),
        ctx.actor.clone(),
    );
    let t = state
        .db
        .run(move |conn| trainees::add(conn, id, &body.0, by, &actor))
        .await?;
    Ok(HttpResponse::Created().json(t))
}

/// Withdraw a trainee (coordinators): every seat they held is freed and the next person
/// waiting is promoted; attendance already taken stays.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path), ("registration_id" = Uuid, Path)), responses(
    (status = 200, body = Trainee),
    WriteErrors
))]
#[delete("/courses/{id}/registrations/{registration_id}")]
pub async fn withdraw_trainee(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<Trainee>, ApiError> {
    ctx.require(Permission::ManageTrainings)?;
    let ((id, rid), actor) = (path.into_inner(), ctx.actor.clone());
    Ok(web::Json(
        state
            .db
            .run(move |conn| trainees::withdraw(conn, id, rid, &actor))
            .await?,
    ))
}

/// The attendance sheet: each trainee's mark per session (in the order of the course's
/// sessions), hours attended and completion (coaches: the people they accompany).
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<Trainee>),
    ItemErrors
))]
#[get("/courses/{id}/attendance")]
pub async fn get_attendance(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<Trainee>>, ApiError> {
    Ok(web::Json(trainees_of(&state, &ctx, id.into_inner()).await?))
}

/// Take attendance (coordinators): `attended`, `absent` or `excused` per trainee and session,
/// all marks or none. The same marks taken on a session's own page count too.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = AttendanceInput, responses(
    (status = 200, body = Vec<Trainee>),
    WriteErrors
))]
#[put("/courses/{id}/attendance")]
pub async fn mark_attendance(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<AttendanceInput>,
) -> Result<web::Json<Vec<Trainee>>, ApiError> {
    ctx.require(Permission::ManageTrainings)?;
    let (id, actor) = (id.into_inner(), ctx.actor.clone());
    Ok(web::Json(
        state
            .db
            .run(move |conn| trainees::mark(conn, id, &body.0, &actor))
            .await?,
    ))
}
