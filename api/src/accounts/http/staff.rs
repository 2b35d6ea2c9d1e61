//! The team's directory: active staff accounts by name and role, for the pickers of those who
//! assign colleagues (a coach to a person). Not the accounts themselves (`/users`, admins).

use actix_web::{get, web, HttpRequest};
use shared::page::PageParams;
use shared::staff::{StaffFilter, StaffMember};
use shared::Page;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::accounts::store::{UserQuery, UserRow};
use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Query;
use crate::http::openapi::ReadErrors;
use crate::http::paging::page_links;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_staff);
}

/// Active staff members, by name (coordinators and administrators: whoever assigns coaches).
#[utoipa::path(tag = "users", security(("bearer" = [])), params(StaffFilter), responses(
    (status = 200, body = Page<StaffMember>),
    ReadErrors
))]
#[get("")]
pub async fn list_staff(
    state: web::Data<AppState>,
    req: HttpRequest,
    ctx: Ctx,
    query: Query<StaffFilter>,
) -> Result<web::Json<Page<StaffMember>>, ApiError> {
    // Those who may assign a coach to a person may see who the coaches are.
    ctx.require(Permission::WritePeople)?;
    let filter = query.0;
    let params = PageParams {
        page: filter.page,
        page_size: filter.page_size,
    };
    let q = UserQuery {
        q: None,
        role: filter.role,
        active: Some(true),
    };
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let (rows, count) = state
        .db
        .run(move |conn| Ok(UserRow::list(conn, &q, offset, limit)?))
        .await?;
    let count = u64::try_from(count).unwrap_or(0);
    let (next, previous) = page_links(&req, &params, count);
    let results = rows
        .iter()
        .map(|row| {
            let user = row.to_dto()?;
            Ok(StaffMember {
                id: user.id,
                display_name: user.display_name,
                role: user.role,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results,
    }))
}
