//! The audit trail, readable by administrators.

use actix_web::{get, web, HttpRequest};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Europe::Brussels;
use shared::audit::{AuditEntry, AuditFilter};
use shared::page::PageParams;
use shared::Page;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::audit::{self, AuditAction, AuditQuery, AuditRow};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Query;
use crate::http::openapi::ReadErrors;
use crate::http::paging::page_links;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_actions).service(list_audit);
}

/// UTC instant of midnight in Brussels at the start of `day` (the earlier one when the clocks
/// go back; none is skipped at midnight in Brussels).
fn brussels_midnight(day: NaiveDate) -> Result<NaiveDateTime, ApiError> {
    Brussels
        .from_local_datetime(&day.and_time(NaiveTime::MIN))
        .earliest()
        .map(|t| t.naive_utc())
        .ok_or_else(|| anyhow::anyhow!("no midnight in Brussels on {day}").into())
}

fn to_dto(row: AuditRow) -> Result<AuditEntry, ApiError> {
    Ok(AuditEntry {
        id: row
            .id
            .parse()
            .map_err(|_| anyhow::anyhow!("malformed audit id"))?,
        occurred_at: row.occurred_at.and_utc(),
        actor_id: row.actor_id.and_then(|a| a.parse().ok()),
        action: row.action,
        entity_type: row.entity_type,
        entity_id: row.entity_id,
        details: crate::db::stored_json(&row.details)?,
        ip: row.ip,
        request_id: row.request_id,
    })
}

/// Audit entries, newest first.
#[utoipa::path(tag = "audit", security(("bearer" = [])), params(AuditFilter), responses(
    (status = 200, body = Page<AuditEntry>),
    ReadErrors
))]
#[get("")]
pub async fn list_audit(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    query: Query<AuditFilter>,
) -> Result<web::Json<Page<AuditEntry>>, ApiError> {
    ctx.require(Permission::ReadAudit)?;
    let f = query.0;
    let params = PageParams {
        page: f.page,
        page_size: f.page_size,
    };
    let action = match f.action.as_deref() {
        None => None,
        Some(text) => Some(
            AuditAction::parse(text).ok_or_else(|| ApiError::InvalidValue {
                field: "action".into(),
                reason: "not an action the API records (GET /api/v1/audit/actions)".into(),
            })?,
        ),
    };
    let from = f.from.map(brussels_midnight).transpose()?;
    let before = match f.to {
        None => None,
        Some(day) => {
            let next = day.succ_opt().ok_or_else(|| ApiError::InvalidValue {
                field: "to".into(),
                reason: "out of range".into(),
            })?;
            Some(brussels_midnight(next)?)
        }
    };
    let q = AuditQuery {
        entity_type: f.entity_type,
        entity_id: f.entity_id,
        actor_id: f.actor_id.map(|a| a.to_string()),
        action,
        from,
        before,
    };
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let (rows, count) = state
        .db
        .run(move |conn| Ok(audit::list(conn, &q, offset, limit)?))
        .await?;
    let count = u64::try_from(count).unwrap_or(0);
    let (next, previous) = page_links(&req, &params, count);
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results: rows.into_iter().map(to_dto).collect::<Result<_, _>>()?,
    }))
}

/// Every action the API records, for the audit screen's filter.
#[utoipa::path(tag = "audit", security(("bearer" = [])), responses(
    (status = 200, body = Vec<String>),
    ReadErrors
))]
#[get("/actions")]
pub async fn list_actions(ctx: Ctx) -> Result<web::Json<Vec<&'static str>>, ApiError> {
    ctx.require(Permission::ReadAudit)?;
    Ok(web::Json(
        AuditAction::ALL.iter().map(|a| a.as_str()).collect(),
    ))
}
