//! The vocabulary of passions, skills and interests: read by all staff, curated by coordinators.

use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use serde_json::json;
use shared::tags::{Tag, TagInput, TagMerge};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEvent};
use crate::db::write_transaction;
use crate::error::{ApiError, UniqueViolationExt, Validator};
use crate::http::auth::{AuthUser, Permission};
use crate::http::context::actor;
use crate::http::extract::Json;
use crate::http::openapi::{ReadErrors, WriteErrors};
use crate::i18n::Msg;
use crate::people::domain::required_text;
use crate::people::store::vocabulary::{self as tags, TagRow};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_tags)
        .service(create_tag)
        .service(update_tag)
        .service(merge_tag);
}

use crate::people::domain::parse_slug;

struct TagFields {
    slug: String,
    category: String,
    labels: [String; 4],
}

fn parse_input(t: &TagInput) -> Result<TagFields, ApiError> {
    let mut v = Validator::new();
    let slug = v.check("slug", parse_slug(&t.slug));
    let category = v.check("category", parse_slug(&t.category));
    let fr = v.check("label_fr", required_text(&t.label_fr, 80));
    let en = v.check("label_en", required_text(&t.label_en, 80));
    let nl = v.check("label_nl", required_text(&t.label_nl, 80));
    let ar = v.check("label_ar", required_text(&t.label_ar, 80));
    v.finish()?;
    match (slug, category, fr, en, nl, ar) {
        (Some(slug), Some(category), Some(fr), Some(en), Some(nl), Some(ar)) => Ok(TagFields {
            slug,
            category,
            labels: [fr, en, nl, ar],
        }),
        _ => Err(anyhow::anyhow!("validated tag fields missing").into()),
    }
}

/// The vocabulary, by category, with how many people carry each tag.
#[utoipa::path(tag = "tags", security(("bearer" = [])), responses(
    (status = 200, body = Vec<Tag>),
    ReadErrors
))]
#[get("")]
pub async fn list_tags(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<web::Json<Vec<Tag>>, ApiError> {
    user.require(Permission::ReadPeople)?;
    let rows = state.db.run(|conn| Ok(tags::list(conn)?)).await?;
    rows.iter()
        .map(|(t, n)| t.to_dto(*n))
        .collect::<Result<Vec<_>, _>>()
        .map(web::Json)
}

/// Add a tag to the vocabulary.
#[utoipa::path(tag = "tags", security(("bearer" = [])), request_body = TagInput, responses(
    (status = 201, body = Tag),
    WriteErrors
))]
#[post("")]
pub async fn create_tag(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    body: Json<TagInput>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ManageTags)?;
    let f = parse_input(&body.0)?;
    let actor = actor(&req, Some(&user));
    let row = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let [fr, en, nl, ar] = f.labels;
                let row = TagRow {
                    id: Uuid::now_v7().to_string(),
                    slug: f.slug,
                    category: f.category,
                    label_fr: fr,
                    label_en: en,
                    label_nl: nl,
                    label_ar: ar,
                    merged_into: None,
                    created_at: crate::db::now(),
                };
                row.insert(conn)
                    .on_unique_violation("slug", Msg::SlugTaken)?;
                audit::record(
                    conn,
                    &actor,
                    AuditEvent {
                        action: AuditAction::TagCreated,
                        entity_type: "tag",
                        entity_id: Some(row.id.clone()),
                        details: json!({ "slug": row.slug }),
                    },
                )?;
                Ok(row)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(row.to_dto(0)?))
}

/// Rename a tag or change its labels.
#[utoipa::path(tag = "tags", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = TagInput, responses(
    (status = 200, body = Tag),
    WriteErrors
))]
#[put("/{id}")]
pub async fn update_tag(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<TagInput>,
) -> Result<web::Json<Tag>, ApiError> {
    user.require(Permission::ManageTags)?;
    let id = id.into_inner();
    let f = parse_input(&body.0)?;
    let actor = actor(&req, Some(&user));
    let row = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let mut row = TagRow::get(conn, id)?;
                if row.slug != f.slug {
                    // Public feeds show tags by slug: theirs change.
                    let tagged = crate::activities::store::tagged_with(conn, &row.id)?;
                    crate::activities::store::touch_many(conn, &tagged)?;
                }
                let [fr, en, nl, ar] = f.labels;
                row.slug = f.slug;
                row.category = f.category;
                row.label_fr = fr;
                row.label_en = en;
                row.label_nl = nl;
                row.label_ar = ar;
                row.save(conn).on_unique_violation("slug", Msg::SlugTaken)?;
                audit::record(
                    conn,
                    &actor,
                    AuditEvent {
                        action: AuditAction::TagUpdated,
                        entity_type: "tag",
                        entity_id: Some(row.id.clone()),
                        details: json!({ "slug": row.slug }),
                    },
                )?;
                let usage = tags::usage(conn, &row.id)?;
                Ok((row, usage))
            })
        })
        .await?;
    Ok(web::Json(row.0.to_dto(row.1)?))
}

/// Merge this tag into another: every person carrying it now carries `into`.
#[utoipa::path(tag = "tags", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = TagMerge, responses(
    (status = 200, description = "The tag that remains", body = Tag),
    WriteErrors
))]
#[post("/{id}/merge")]
pub async fn merge_tag(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<TagMerge>,
) -> Result<web::Json<Tag>, ApiError> {
    user.require(Permission::ManageTags)?;
    let from = id.into_inner();
    let into = body.0.into;
    if from == into {
        return Err(ApiError::field("into", Msg::MergeIntoItself));
    }
    let actor = actor(&req, Some(&user));
    let (row, moved) = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let source = TagRow::get(conn, from)?;
                let target = TagRow::get(conn, into).map_err(|e| match e {
                    ApiError::NotFound => ApiError::field("into", Msg::UnknownTag),
                    other => other,
                })?;
                let moved = tags::merge(conn, &source.id, &target.id)?;
                audit::record(
                    conn,
                    &actor,
                    AuditEvent {
                        action: AuditAction::TagMerged,
                        entity_type: "tag",
                        entity_id: Some(source.id.clone()),
                        details: json!({ "into": target.id, "uses_moved": moved }),
                    },
                )?;
                let usage = tags::usage(conn, &target.id)?;
                tracing::debug!(moved, "tag merged");
                Ok((target, usage))
            })
        })
        .await?;
    Ok(web::Json(row.to_dto(moved)?))
}
