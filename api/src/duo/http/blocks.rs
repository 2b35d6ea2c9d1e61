//! Duo2Change: pairs never to propose. A coordinator may say "do not pair" two people (they
//! know each other, a conflict, a family tie); a declined proposal or a duo that ended badly
//! blocks its pair too. Suggestions, batch runs and manual proposals all respect them. Blocks
//! say things about people's relationships: only coordinators and administrators see them.

use std::collections::HashMap;

use actix_web::{delete, get, post, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;
use shared::duo::{BlockReason, PairBlock, PairBlockInput};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::duos::require_manage;
use crate::audit::audit_event as record;
use crate::db::{lock_rows, write_transaction, DbConnection};
use crate::db::{stored as parse, stored_id as uuid};
use crate::duo::store::feedback::staff_names;
use crate::duo::store::{self as store, BlockRow};
use crate::error::{ApiError, Validator};
use crate::http::auth::AuthUser;
use crate::http::context::actor;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::i18n::Msg;
use crate::people::domain::required_text;
use crate::state::AppState;

/// Routes under `/api/v1/duo`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_blocks)
        .service(create_block)
        .service(delete_block);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BlockFilter {
    /// Only the blocks naming this person.
    pub person_id: Option<Uuid>,
}

fn block_dtos(conn: &mut DbConnection, rows: &[BlockRow]) -> Result<Vec<PairBlock>, ApiError> {
    let mut people: Vec<String> = rows
        .iter()
        .flat_map(|r| [r.person_a.clone(), r.person_b.clone()])
        .collect();
    people.sort();
    people.dedup();
    let names = store::names(conn, &people)?;
    let mut staff: Vec<String> = rows.iter().filter_map(|r| r.created_by.clone()).collect();
    staff.sort();
    staff.dedup();
    let staff = staff_names(conn, &staff)?;
    rows.iter().map(|r| block_dto(r, &names, &staff)).collect()
}

fn block_dto(
    r: &BlockRow,
    names: &HashMap<String, String>,
    staff: &HashMap<String, String>,
) -> Result<PairBlock, ApiError> {
    let name = |id: &str| names.get(id).cloned().unwrap_or_default();
    Ok(PairBlock {
        id: uuid(&r.id)?,
        person_a: uuid(&r.person_a)?,
        person_a_name: name(&r.person_a),
        person_b: uuid(&r.person_b)?,
        person_b_name: name(&r.person_b),
        reason: parse(&r.reason)?,
        note: r.note.clone(),
        created_by_name: r.created_by.as_ref().and_then(|u| staff.get(u).cloned()),
        created_at: r.created_at.and_utc(),
    })
}

/// Pairs the matching never proposes, newest first (coordinators and administrators).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(BlockFilter), responses(
    (status = 200, body = Vec<PairBlock>),
    ReadErrors
))]
#[get("/blocks")]
pub async fn list_blocks(
    state: web::Data<AppState>,
    user: AuthUser,
    filter: Query<BlockFilter>,
) -> Result<web::Json<Vec<PairBlock>>, ApiError> {
    require_manage(&user)?;
    let person = filter.0.person_id.map(|p| p.to_string());
    let blocks = state
        .db
        .run(move |conn| {
            let rows = BlockRow::list(conn, person.as_deref())?;
            block_dtos(conn, &rows)
        })
        .await?;
    Ok(web::Json(blocks))
}

/// Say "do not pair" for two people: suggestions, batch runs and proposals leave the pair out
/// from now on. Proposals already made stay; decline them if needed.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), request_body = PairBlockInput, responses(
    (status = 201, body = PairBlock),
    WriteErrors
))]
#[post("/blocks")]
pub async fn create_block(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    body: Json<PairBlockInput>,
) -> Result<HttpResponse, ApiError> {
    require_manage(&user)?;
    let input = body.0;
    let mut v = Validator::new();
    let note = v.check("note", required_text(&input.note, 500));
    if input.person_a == input.person_b {
        v.add("person_b", Msg::PairWithItself);
    }
    v.finish()?;
    let note = note.unwrap_or_default();
    let actor = actor(&req, Some(&user));
    let by = user.id.to_string();
    let (a, b) = (input.person_a.to_string(), input.person_b.to_string());
    let block = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                // Two coordinators blocking the same pair at once take turns (PostgreSQL); the
                // smaller id first, so the two orders cannot deadlock.
                let (first, second) = if a < b { (&a, &b) } else { (&b, &a) };
                for id in [first, second] {
                    lock_rows(conn, "SELECT id FROM people WHERE id = $1 FOR UPDATE", id)?;
                }
                let names = store::names(conn, &[a.clone(), b.clone()])?;
                let mut v = Validator::new();
                if !names.contains_key(&a) {
                    v.add("person_a", Msg::UnknownPerson);
                }
                if !names.contains_key(&b) {
                    v.add("person_b", Msg::UnknownPerson);
                }
                v.finish()?;
                let reason = BlockReason::Coordinator.as_str();
                if BlockRow::between(conn, &a, &b, reason)?.is_some() {
                    return Err(ApiError::Conflict {
                        msg: Msg::PairAlreadyBlocked,
                        field: Some("person_b"),
                    });
                }
                let row = BlockRow {
                    id: Uuid::now_v7().to_string(),
                    person_a: a.clone(),
                    person_b: b.clone(),
                    reason: reason.to_owned(),
                    created_by: Some(by),
                    created_at: crate::db::now(),
                    note: Some(note),
                };
                row.insert(conn)?;
                // The note stays out of the audit log: it may say private things about both.
                record(
                    conn,
                    &actor,
                    "duo.pair_blocked",
                    "duo_block",
                    &row.id,
                    json!({ "person_a": a, "person_b": b }),
                )?;
                block_dtos(conn, std::slice::from_ref(&row))
            })
        })
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("block not read back"))?;
    Ok(HttpResponse::Created().json(block))
}

/// Lift a coordinator's "do not pair". Blocks that come from a declined proposal or a duo that
/// ended badly stay (409).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 204, description = "Lifted"),
    WriteErrors
))]
#[delete("/blocks/{id}")]
pub async fn delete_block(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    require_manage(&user)?;
    let id = id.into_inner().to_string();
    let actor = actor(&req, Some(&user));
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let row = BlockRow::get(conn, &id)?;
                if row.reason != BlockReason::Coordinator.as_str() {
                    return Err(ApiError::Conflict {
                        msg: Msg::BlockFromHistory,
                        field: None,
                    });
                }
                BlockRow::delete(conn, &id)?;
                record(
                    conn,
                    &actor,
                    "duo.pair_unblocked",
                    "duo_block",
                    &id,
                    json!({ "person_a": row.person_a, "person_b": row.person_b }),
                )
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
