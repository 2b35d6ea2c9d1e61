//! `/interlab/sectors` and `/interlab/strengths`: InterLab's editable vocabularies (`TermKind`),
//! in four languages. One set of handlers; each vocabulary gets its routes (and operation ids)
//! from `vocabulary!`.

use actix_web::{get, post, put, web, HttpResponse};
use shared::interlab::{Term, TermInput, TermKind};
use uuid::Uuid;

use crate::error::ApiError;
use crate::http::auth::Permission;
use crate::http::context::Ctx;
use crate::http::extract::Json;
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::interlab::service::{vocabulary, Acting};
use crate::state::AppState;

async fn list(
    state: web::Data<AppState>,
    ctx: Ctx,
    kind: TermKind,
) -> Result<web::Json<Vec<Term>>, ApiError> {
    ctx.require(Permission::ReadInterlab)?;
    Ok(web::Json(vocabulary::list(&state.db, kind).await?))
}

async fn create(
    state: web::Data<AppState>,
    ctx: Ctx,
    kind: TermKind,
    body: TermInput,
) -> Result<HttpResponse, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    let t = vocabulary::create(&state.db, &Acting::from(&ctx), kind, body).await?;
    Ok(HttpResponse::Created().json(t))
}

async fn update(
    state: web::Data<AppState>,
    ctx: Ctx,
    kind: TermKind,
    id: Uuid,
    body: TermInput,
) -> Result<web::Json<Term>, ApiError> {
    ctx.require(Permission::ManageInterlab)?;
    let t = vocabulary::update(&state.db, &Acting::from(&ctx), kind, id, body).await?;
    Ok(web::Json(t))
}

/// The three routes of one vocabulary: list, add (409 when the slug is taken), change.
macro_rules! vocabulary {
    (
        $kind:expr,
        list $list:ident = $list_path:literal, $list_doc:literal;
        create $create:ident = $create_doc:literal;
        update $update:ident = $item_path:literal, $update_doc:literal;
    ) => {
        #[doc = $list_doc]
        #[utoipa::path(tag = "interlab", security(("bearer" = [])), responses(
            (status = 200, body = Vec<Term>),
            ReadErrors
        ))]
        #[get($list_path)]
        pub async fn $list(
            state: web::Data<AppState>,
            ctx: Ctx,
        ) -> Result<web::Json<Vec<Term>>, ApiError> {
            list(state, ctx, $kind).await
        }

        #[doc = $create_doc]
        #[utoipa::path(tag = "interlab", security(("bearer" = [])), request_body = TermInput, responses(
            (status = 201, body = Term),
            WriteErrors
        ))]
        #[post($list_path)]
        pub async fn $create(
            state: web::Data<AppState>,
            ctx: Ctx,
            body: Json<TermInput>,
        ) -> Result<HttpResponse, ApiError> {
            create(state, ctx, $kind, body.0).await
        }

        #[doc = $update_doc]
        #[utoipa::path(tag = "interlab", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = TermInput, responses(
            (status = 200, body = Term),
            WriteErrors
        ))]
        #[put($item_path)]
        pub async fn $update(
            state: web::Data<AppState>,
            ctx: Ctx,
            id: web::Path<Uuid>,
            body: Json<TermInput>,
        ) -> Result<web::Json<Term>, ApiError> {
            update(state, ctx, $kind, id.into_inner(), body.0).await
        }
    };
}

vocabulary! {
    TermKind::Sector,
    list list_sectors = "/sectors", "The sectors, by slug.";
    create create_sector = "Add a sector (409 when the slug is taken).";
    update update_sector = "/sectors/{id}", "Change a sector's slug or labels.";
}

vocabulary! {
    TermKind::Strength,
    list list_strengths = "/strengths", "The strengths, by slug.";
    create create_strength = "Add a strength (409 when the slug is taken).";
    update update_strength = "/strengths/{id}", "Change a strength's slug or labels.";
}
