//! `/home`: what needs the signed-in user this week.

use actix_web::{get, web};
use shared::reports::Home;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::openapi::ReadErrors;
use crate::reports::service;
use crate::state::AppState;

/// The home page's items: this week's activities with seats, waiting list and mix; people to
/// promote or tell; duos needing attention and follow-up calls due; sign-ups and applications
/// to review; InterLab milestones overdue. A coach sees only what they accompany.
#[utoipa::path(tag = "reports", security(("bearer" = [])), responses(
    (status = 200, body = Home),
    ReadErrors
))]
#[get("")]
pub async fn home(state: web::Data<AppState>, ctx: Ctx) -> Result<web::Json<Home>, ApiError> {
    ctx.require(Permission::ReadHome)?;
    Ok(web::Json(
        service::home(&state.db, &ctx.user, ctx.lang).await?,
    ))
}
