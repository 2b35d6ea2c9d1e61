//! `/partner/referrals`: a partner refers a person and follows its referrals' status.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use shared::page::PageParams;
use shared::partners::Scope;
use shared::referrals::{PartnerReferral, PartnerReferralFilter, ReferralInput};
use shared::Page;
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::http::partner::{idempotency_key, Partner};
use crate::partners::service::referrals::{self as service, Retry};
use crate::state::AppState;

/// Refer a person to a programme, with their consent (who collected it, when, which version of
/// the privacy notice). Minimal data: a first name, how to reach them, languages, a note. The
/// answer holds only the referral's status and dates. Send an `Idempotency-Key` to make a
/// retry safe: the same key and body within 24 hours return the first answer; the same key
/// with another body is refused (422).
#[utoipa::path(tag = "partner", security(("oauth2" = ["referrals:write"])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retried request safe (kept 24 hours, per client)")),
    request_body(content = ReferralInput, example = json!({
        "programme": "duo2change", "first_name": "Amina", "phone": "+32 470 12 34 56",
        "languages": ["ar", "fr"], "note": "Disponible l'après-midi",
        "consent": {"collected_by": "Sophie Renard, CPAS de Liège", "collected_at": "2026-12-08T09:30:00Z", "notice_version": "2026-11"}
    })),
    responses(
        (status = 201, body = PartnerReferral, example = json!({"id": "0193b1c2-7d4e-7a00-9c1b-2f4a5e6d7c8b", "programme": "duo2change", "status": "received", "created_at": "2026-12-08T09:31:00Z", "status_changed_at": "2026-12-08T09:31:00Z"})),
        WriteErrors
    )
)]
#[post("/referrals")]
pub async fn refer(
    state: web::Data<AppState>,
    req: HttpRequest,
    partner: Partner,
    body: Json<ReferralInput>,
) -> Result<HttpResponse, ApiError> {
    partner.require(Scope::ReferralsWrite)?;
    let retry = idempotency_key(&req)?.map(|key| Retry {
        scope: format!("client:{}:POST /partner/referrals", partner.client_id),
        key,
    });
    let input = body.0;
    let (status, body) = state
        .db
        .run(move |conn| service::refer(conn, &partner, &input, retry.as_ref()))
        .await?;
    let status = u16::try_from(status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::CREATED);
    Ok(HttpResponse::build(status)
        .content_type("application/json")
        .body(body))
}

/// The referrals the organisation made, newest first: status and dates only.
#[utoipa::path(tag = "partner", security(("oauth2" = ["referrals:read"])), params(PartnerReferralFilter), responses(
    (status = 200, body = Page<PartnerReferral>, example = json!({"count": 1, "next": null, "previous": null, "results": [{"id": "0193b1c2-7d4e-7a00-9c1b-2f4a5e6d7c8b", "programme": "duo2change", "status": "contacted", "created_at": "2026-12-08T09:31:00Z", "status_changed_at": "2026-12-10T14:02:00Z"}]})),
    ReadErrors
))]
#[get("/referrals")]
pub async fn list_referrals(
    state: web::Data<AppState>,
    req: HttpRequest,
    partner: Partner,
    query: Query<PartnerReferralFilter>,
) -> Result<web::Json<Page<PartnerReferral>>, ApiError> {
    partner.require(Scope::ReferralsRead)?;
    let params = PageParams {
        page: query.0.page,
        page_size: query.0.page_size,
    };
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let (results, count) = state
        .db
        .run(move |conn| service::partner_list(conn, &partner, offset, limit))
        .await?;
    let (next, previous) = page_links(&req, &params, count);
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results,
    }))
}

/// One of the organisation's referrals: its status and dates.
#[utoipa::path(tag = "partner", security(("oauth2" = ["referrals:read"])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = PartnerReferral, example = json!({"id": "0193b1c2-7d4e-7a00-9c1b-2f4a5e6d7c8b", "programme": "duo2change", "status": "enrolled", "created_at": "2026-12-08T09:31:00Z", "status_changed_at": "2026-12-15T10:00:00Z"})),
    ItemErrors
))]
#[get("/referrals/{id}")]
pub async fn get_referral(
    state: web::Data<AppState>,
    partner: Partner,
    id: web::Path<Uuid>,
) -> Result<web::Json<PartnerReferral>, ApiError> {
    partner.require(Scope::ReferralsRead)?;
    let id = id.into_inner().to_string();
    let r = state
        .db
        .run(move |conn| service::partner_get(conn, &partner, &id))
        .await?;
    Ok(web::Json(r))
}
