//! `/interact/hosts/{person_id}`: a host's page; `/interact/summary`: the figures for reports.

use actix_web::{get, web};
use shared::interact::{HostPage, InteractSummary, SummaryQuery};
use uuid::Uuid;

use crate::activities::interact::service::{hosts, summary as figures, Acting};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Query;
use crate::http::openapi::{ItemErrors, ReadErrors};
use crate::state::AppState;

/// A host's page: their proposals, the workshops and sessions they host with participants,
/// the newcomer/local mix month by month, attendance, their autonomy history and each
/// workshop's feedback from participants (average withheld under five answers; the comments for
/// coordinators and administrators only). Coaches: the people they accompany.
#[utoipa::path(tag = "interact", security(("bearer" = [])), params(("person_id" = Uuid, Path)), responses(
    (status = 200, body = HostPage),
    ItemErrors
))]
#[get("/hosts/{person_id}")]
pub async fn host_page(
    state: web::Data<AppState>,
    ctx: Ctx,
    person_id: web::Path<Uuid>,
) -> Result<web::Json<HostPage>, ApiError> {
    ctx.require(Permission::ReadActivities)?;
    // The participants' comments: for those who record them.
    let with_comments = ctx.require(Permission::WriteActivities).is_ok();
    Ok(web::Json(
        hosts::page(
            &state.db,
            &Acting::from(&ctx),
            person_id.into_inner(),
            with_comments,
        )
        .await?,
    ))
}

/// InterAct's figures over a period (admins and coordinators): proposals received and by
/// status, how many became workshops, their hosts by category and by highest autonomy level.
#[utoipa::path(tag = "interact", security(("bearer" = [])), params(SummaryQuery), responses(
    (status = 200, body = InteractSummary),
    ReadErrors
))]
#[get("/summary")]
pub async fn summary(
    state: web::Data<AppState>,
    ctx: Ctx,
    query: Query<SummaryQuery>,
) -> Result<web::Json<InteractSummary>, ApiError> {
    ctx.require(Permission::WriteActivities)?;
    let q = query.0;
    Ok(web::Json(
        state
            .db
            .run(move |conn| figures::summary(conn, q.from, q.to))
            .await?,
    ))
}
