//! `/interact/proposals`: the coordinators' board, a proposal, its notes and its steps.

use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use shared::interact::{
    AutonomyInput, NoteInput, Proposal, ProposalDetail, ProposalFilter, ProposalInput,
    ProposalNote, ProposalUpdate, StatusChange, WorkshopCreated, WorkshopInput,
};
use shared::page::PageParams;
use shared::Page;
use uuid::Uuid;

use super::window;
use crate::activities::interact::domain::parse_languages;
use crate::activities::interact::service::{pipeline, proposals, Acting};
use crate::activities::interact::store::ProposalQuery;
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::i18n::Msg;
use crate::state::AppState;

/// Workshop proposals, newest first, with filters for the board (coaches: the proposals of the
/// people they accompany).
#[utoipa::path(tag = "interact", security(("bearer" = [])), params(ProposalFilter), responses(
    (status = 200, body = Page<Proposal>),
    ReadErrors
))]
#[get("/proposals")]
pub async fn list_proposals(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    query: Query<ProposalFilter>,
) -> Result<web::Json<Page<Proposal>>, ApiError> {
    ctx.require(Permission::ReadActivities)?;
    let f = query.0;
    let language = match f.language.as_deref() {
        None => None,
        Some(l) => {
            let (mut ok, bad) = parse_languages(&[l.to_owned()]);
            if !bad.is_empty() {
                return Err(ApiError::field("language", Msg::InvalidLanguageCode));
            }
            ok.pop()
        }
    };
    let q = ProposalQuery {
        status: f.status,
        passion: f.passion.map(|p| p.to_string()),
        language,
        coordinator: f.coordinator.map(|c| c.to_string()),
        person_id: f.person_id.map(|p| p.to_string()),
        ..ProposalQuery::default()
    };
    let params = PageParams {
        page: f.page,
        page_size: f.page_size,
    };
    let (offset, limit) = window(&params);
    let (results, count) =
        proposals::list(&state.db, &Acting::from(&ctx), q, offset, limit).await?;
    let (next, previous) = page_links(&req, &params, count);
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results,
    }))
}

/// Record a proposal for a person the team knows (met in person, referred by a partner); the
/// public form is `/public/interact/proposals`. It starts at `new`, co-organised.
#[utoipa::path(tag = "interact", security(("bearer" = [])), request_body = ProposalInput, responses(
    (status = 201, body = ProposalDetail),
    WriteErrors
))]
#[post("/proposals")]
pub async fn create_proposal(
    state: web::Data<AppState>,
    ctx: Ctx,
    body: Json<ProposalInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteActivities)?;
    let p = proposals::create(&state.db, &Acting::from(&ctx), body.0).await?;
    Ok(HttpResponse::Created().json(p))
}

/// One proposal with its notes (newest first) and its autonomy history.
#[utoipa::path(tag = "interact", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = ProposalDetail),
    ItemErrors
))]
#[get("/proposals/{id}")]
pub async fn get_proposal(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<ProposalDetail>, ApiError> {
    ctx.require(Permission::ReadActivities)?;
    Ok(web::Json(
        proposals::get(&state.db, &Acting::from(&ctx), id.into_inner()).await?,
    ))
}

/// Replace a proposal's fields: what the host proposes, the co-host (a newcomer with a local),
/// the coordinator in charge and the next step. The status and the level have their own steps.
#[utoipa::path(tag = "interact", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = ProposalUpdate, responses(
    (status = 200, body = ProposalDetail),
    WriteErrors
))]
#[put("/proposals/{id}")]
pub async fn update_proposal(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<ProposalUpdate>,
) -> Result<web::Json<ProposalDetail>, ApiError> {
    ctx.require(Permission::WriteActivities)?;
    Ok(web::Json(
        proposals::update(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?,
    ))
}

/// The proposal's dated notes, newest first.
#[utoipa::path(tag = "interact", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<ProposalNote>),
    ItemErrors
))]
#[get("/proposals/{id}/notes")]
pub async fn list_notes(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<ProposalNote>>, ApiError> {
    ctx.require(Permission::ReadActivities)?;
    Ok(web::Json(
        pipeline::notes(&state.db, &Acting::from(&ctx), id.into_inner()).await?,
    ))
}

/// Add a dated note (default: today; never in the future).
#[utoipa::path(tag = "interact", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = NoteInput, responses(
    (status = 201, body = ProposalNote),
    WriteErrors
))]
#[post("/proposals/{id}/notes")]
pub async fn add_note(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<NoteInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteActivities)?;
    let n = pipeline::add_note(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(HttpResponse::Created().json(n))
}

/// Move the proposal along the pipeline: `new → talked → planned → running → paused / ended`
/// (a plan can go back to `talked`; `running` needs a workshop created from it; `ended` is
/// final). Another step is a conflict (409).
#[utoipa::path(tag = "interact", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = StatusChange, responses(
    (status = 200, body = ProposalDetail),
    WriteErrors
))]
#[post("/proposals/{id}/status")]
pub async fn change_status(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<StatusChange>,
) -> Result<web::Json<ProposalDetail>, ApiError> {
    ctx.require(Permission::WriteActivities)?;
    Ok(web::Json(
        pipeline::change_status(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?,
    ))
}

/// Change the host's autonomy level in this workshop (`co_organised`, `supported`,
/// `autonomous`), with the date and a note. Only for a planned, running or paused proposal, to
/// another level (409 otherwise).
#[utoipa::path(tag = "interact", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = AutonomyInput, responses(
    (status = 200, body = ProposalDetail),
    WriteErrors
))]
#[post("/proposals/{id}/autonomy")]
pub async fn change_autonomy(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<AutonomyInput>,
) -> Result<web::Json<ProposalDetail>, ApiError> {
    ctx.require(Permission::WriteActivities)?;
    Ok(web::Json(
        pipeline::change_autonomy(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?,
    ))
}

/// Create the series: a draft InterAct workshop series pre-filled from the proposal (title,
/// description, passions as tags, languages, host and co-host, the coordinator as staff),
/// linked to it. The proposal must be planned (or running, paused: the next term); 409
/// otherwise.
#[utoipa::path(tag = "interact", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = WorkshopInput, responses(
    (status = 201, body = WorkshopCreated),
    WriteErrors
))]
#[post("/proposals/{id}/series")]
pub async fn create_series(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<WorkshopInput>,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::WriteActivities)?;
    let created =
        pipeline::create_workshop(&state.db, &Acting::from(&ctx), id.into_inner(), body.0).await?;
    Ok(HttpResponse::Created().json(created))
}
