//! `/partner/me`: the organisation and client a partner token acts for.

use actix_web::{get, web};
use shared::partners::PartnerIdentity;

use crate::db::stored_id;
use crate::error::ApiError;
use crate::http::openapi::ReadErrors;
use crate::http::partner::Partner;
use crate::partners::store;
use crate::state::AppState;

/// Who this token acts for: the client, its organisation and the token's scopes. Any scope.
#[utoipa::path(tag = "partner", security(("oauth2" = [])), responses(
    (status = 200, body = PartnerIdentity, example = json!({"client_id": "cli_3f2a…", "organisation_id": "0193b1c2-7d4e-7a00-9c1b-2f4a5e6d7c8b", "organisation_name": "CPAS de Liège", "scopes": ["events:read", "referrals:write"]})),
    ReadErrors
))]
#[get("/me")]
pub async fn me(
    state: web::Data<AppState>,
    partner: Partner,
) -> Result<web::Json<PartnerIdentity>, ApiError> {
    let org_id = partner.organisation_id.clone();
    let org = state
        .db
        .run(move |conn| Ok(store::find(conn, &org_id)?))
        .await?
        .ok_or(ApiError::Unauthorized)?;
    Ok(web::Json(PartnerIdentity {
        client_id: partner.client_id,
        organisation_id: stored_id(&org.id)?,
        organisation_name: org.name,
        scopes: partner.scopes,
    }))
}
