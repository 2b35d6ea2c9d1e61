//! `/referrals`: the team's review queue of partners' referrals (coordinators).

use actix_web::{get, post, web, HttpRequest};
use shared::page::PageParams;
use shared::referrals::{Referral, ReferralDecision, ReferralFilter};
use shared::Page;
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::partners::service::referrals as service;
use crate::state::AppState;

/// Referrals from partners, newest first, optionally of one status or one organisation.
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(ReferralFilter), responses(
    (status = 200, body = Page<Referral>),
    ReadErrors
))]
#[get("")]
pub async fn queue(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    query: Query<ReferralFilter>,
) -> Result<web::Json<Page<Referral>>, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let f = query.0;
    let params = PageParams {
        page: f.page,
        page_size: f.page_size,
    };
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let org = f.organisation_id.map(|o| o.to_string());
    let (results, count) = state
        .db
        .run(move |conn| service::queue(conn, f.status, org, offset, limit))
        .await?;
    let (next, previous) = page_links(&req, &params, count);
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results,
    }))
}

/// One referral with everything the partner sent.
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Referral),
    ItemErrors
))]
#[get("/{id}")]
pub async fn get_referral(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
) -> Result<web::Json<Referral>, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let id = id.into_inner().to_string();
    Ok(web::Json(
        state.db.run(move |conn| service::get(conn, &id)).await?,
    ))
}

/// A review step: `accepted` (naming the person record it is: `person_id`), `contacted`,
/// `enrolled`, `declined`, `no_answer`. The partner sees the new status and its date, never
/// the person record nor the note.
#[utoipa::path(tag = "partners", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = ReferralDecision, responses(
    (status = 200, body = Referral),
    WriteErrors
))]
#[post("/{id}/status")]
pub async fn decide(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<Uuid>,
    body: Json<ReferralDecision>,
) -> Result<web::Json<Referral>, ApiError> {
    ctx.require(Permission::ManagePartners)?;
    let (id, decision, actor) = (id.into_inner().to_string(), body.0, ctx.actor);
    Ok(web::Json(
        state
            .db
            .run(move |conn| service::decide(conn, &id, &decision, &actor))
            .await?,
    ))
}
