//! Duo2Change: the communes of the Liège area and which are neighbours, what the travel range
//! of a candidacy ("same commune", "neighbouring communes") is measured with. Seeded by the
//! migrations; administrators keep the list current (a new commune, a link that was missing).

use actix_web::{get, put, web, HttpRequest, HttpResponse};
use serde_json::json;
use shared::duo::{Commune, CommuneInput};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::audit::audit_event as record;
use crate::db::{write_transaction, DbConnection};
use crate::duo::store;
use crate::error::{ApiError, Validator};
use crate::http::auth::{AuthUser, Permission};
use crate::http::context::actor;
use crate::http::extract::Json;
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::i18n::Msg;
use crate::people::domain::required_text;
use crate::people::http::tags::parse_slug;
use crate::state::AppState;

/// Routes under `/api/v1/duo`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_communes).service(put_commune);
}

fn all(conn: &mut DbConnection) -> Result<Vec<Commune>, ApiError> {
    let (rows, links) = store::communes(conn)?;
    Ok(rows
        .into_iter()
        .map(|c| {
            let mut neighbours: Vec<String> = links
                .iter()
                .filter(|(a, _)| a == &c.id)
                .map(|(_, b)| b.clone())
                .collect();
            neighbours.sort();
            Commune {
                id: c.id,
                name: c.name,
                latitude: c.latitude,
                longitude: c.longitude,
                neighbours,
            }
        })
        .collect())
}

/// The communes of the Liège area known to matching, by name, with their neighbours.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), responses(
    (status = 200, body = Vec<Commune>),
    ReadErrors
))]
#[get("/communes")]
pub async fn list_communes(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<web::Json<Vec<Commune>>, ApiError> {
    user.require(Permission::ReadDuos)?;
    Ok(web::Json(state.db.run(all).await?))
}

/// Create or replace a commune and its neighbours (administrators). Links are kept on both
/// sides: naming B as a neighbour of A makes A a neighbour of B, and a link left out is removed
/// from both. Answers 201 when the commune is new.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = String, Path, description = "e.g. `liege`")), request_body = CommuneInput, responses(
    (status = 201, body = Commune, description = "Created"),
    (status = 200, body = Commune, description = "Replaced"),
    WriteErrors
))]
#[put("/communes/{id}")]
pub async fn put_commune(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<String>,
    body: Json<CommuneInput>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ConfigureMatching)?;
    let input = body.0;
    let mut v = Validator::new();
    let id = v.check("id", parse_slug(&id));
    let name = v.check("name", required_text(&input.name, 80));
    if !(-90.0..=90.0).contains(&input.latitude) {
        v.add("latitude", Msg::Between(-90, 90));
    }
    if !(-180.0..=180.0).contains(&input.longitude) {
        v.add("longitude", Msg::Between(-180, 180));
    }
    let mut neighbours: Vec<String> = input
        .neighbours
        .iter()
        .map(|n| n.trim().to_owned())
        .collect();
    neighbours.sort();
    neighbours.dedup();
    if id.as_ref().is_some_and(|id| neighbours.contains(id)) {
        v.add("neighbours", Msg::InvalidValue);
    }
    v.finish()?;
    let (id, name) = (id.unwrap_or_default(), name.unwrap_or_default());
    let actor = actor(&req, Some(&user));
    let (created, commune) = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                for n in &neighbours {
                    if !store::commune_exists(conn, n)? {
                        return Err(ApiError::field("neighbours", Msg::InvalidValue));
                    }
                }
                let created = store::save_commune(
                    conn,
                    &id,
                    &name,
                    input.latitude,
                    input.longitude,
                    &neighbours,
                )?;
                record(
                    conn,
                    &actor,
                    if created {
                        "duo.commune_created"
                    } else {
                        "duo.commune_updated"
                    },
                    "commune",
                    &id,
                    json!({ "name": name, "neighbours": neighbours }),
                )?;
                let commune = all(conn)?
                    .into_iter()
                    .find(|c| c.id == id)
                    .ok_or_else(|| anyhow::anyhow!("commune not read back"))?;
                Ok((created, commune))
            })
        })
        .await?;
    Ok(if created {
        HttpResponse::Created().json(commune)
    } else {
        HttpResponse::Ok().json(commune)
    })
}
