//! `/trainings/modules`: the catalogue.

use actix_web::{get, post, put, web, HttpResponse};
use shared::trainings::{Module, ModuleInput};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::state::AppState;
use crate::trainings::service::modules as service;

/// The catalogue of modules, in the order they were written, with their number of courses.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), responses(
    (status = 200, body = Vec<Module>),
    ReadErrors
))]
#[get("/modules")]
pub async fn list_modules(
    state: web::Data<AppState>,
    ctx: Ctx,
) -> Result<web::Json<Vec<Module>>, ApiError> {
    ctx.require(Permission::ReadTrainings)?;
    Ok(web::Json(state.db.run(service::list).await?))
}

/// Add a module to the catalogue (coordinators). The minimum attendance defaults to 80 % and
/// must lie between 1 and 100.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), request_body(content = ModuleInput, example = json!({
    "title": {"fr": "Communication interculturelle — les bases", "en": "Intercultural communication — the basics"},
    "description": {"fr": "Deux demi-journées pour comprendre ce qui se joue quand on se rencontre."},
    "objectives": ["Reconnaître ses propres filtres culturels", "Pratiquer l'écoute active"],
    "hours": 6, "audience": "everyone", "languages": ["fr"], "max_group_size": 14,
    "certificate": true, "min_attendance_percent": 80
})), responses(
    (status = 201, body = Module),
    WriteErrors
))]
#[post("/modules")]
pub async fn create_module(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<ModuleInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageTrainings)?;
    let by = Some(ctx.user.id.to_string());
    let actor = ctx.actor.clone();
    let m = state
        .db
        .run(move |conn| service::create(conn, &body.0, by, &actor))
        .await?;
    Ok(HttpResponse::Created().json(m))
}

/// One module.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Module),
    ItemErrors
))]
#[get("/modules/{id}")]
pub async fn get_module(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Module>, ApiError> {
    ctx.require(Permission::ReadTrainings)?;
    let id = id.into_inner();
    Ok(web::Json(
        state.db.run(move |conn| service::get(conn, id)).await?,
    ))
}

/// Change a module (coordinators). Courses already run keep their certificates' hours.
#[utoipa::path(tag = "trainings", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = ModuleInput, responses(
    (status = 200, body = Module),
    WriteErrors
))]
#[put("/modules/{id}")]
pub async fn update_module(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<ModuleInput>,
) -> Result<web::Json<Module>, ApiError> {
    ctx.require(Permission::ManageTrainings)?;
    let id = id.into_inner();
    let actor = ctx.actor.clone();
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::update(conn, id, &body.0, &actor))
            .await?,
    ))
}
