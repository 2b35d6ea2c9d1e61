//! InterLab's editable vocabularies (sectors of projects, strengths), in the four interface
//! languages, edited by the team.

use serde_json::json;
use shared::interlab::{Term, TermInput, TermKind};
use uuid::Uuid;

use super::Acting;
use crate::audit::{audit_event, AuditAction};
use crate::db::{write_transaction, Db};
use crate::error::{ApiError, UniqueViolationExt, Validator};
use crate::i18n::Msg;
use crate::interlab::dto;
use crate::interlab::store::TermRow;
use crate::people::domain::{parse_slug, required_text};

const LABEL_MAX: usize = 80;

struct Checked {
    slug: String,
    labels: [String; 4],
}

fn check(input: &TermInput) -> Result<Checked, ApiError> {
    let mut v = Validator::new();
    let slug = v.check("slug", parse_slug(&input.slug));
    let mut label = |field: &str, raw: &str| v.check(field, required_text(raw, LABEL_MAX));
    let fr = label("label_fr", &input.label_fr);
    let en = label("label_en", &input.label_en);
    let nl = label("label_nl", &input.label_nl);
    let ar = label("label_ar", &input.label_ar);
    v.finish()?;
    match (slug, fr, en, nl, ar) {
        (Some(slug), Some(fr), Some(en), Some(nl), Some(ar)) => Ok(Checked {
            slug,
            labels: [fr, en, nl, ar],
        }),
        _ => Err(anyhow::anyhow!("validated term missing").into()),
    }
}

/// The terms of one vocabulary, by slug.
pub async fn list(db: &Db, kind: TermKind) -> Result<Vec<Term>, ApiError> {
    db.run(move |conn| TermRow::list(conn, kind)?.iter().map(dto::term).collect())
        .await
}

/// Adds a term (409 when its vocabulary has the slug already).
pub async fn create(
    db: &Db,
    acting: &Acting,
    kind: TermKind,
    input: TermInput,
) -> Result<Term, ApiError> {
    let c = check(&input)?;
    let actor = acting.actor.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let now = crate::db::now();
            let [label_fr, label_en, label_nl, label_ar] = c.labels;
            let row = TermRow {
                id: Uuid::now_v7().to_string(),
                kind,
                slug: c.slug,
                label_fr,
                label_en,
                label_nl,
                label_ar,
                created_at: now,
                updated_at: now,
            };
            row.insert(conn)
                .on_unique_violation("slug", Msg::SlugTaken)?;
            audit_event(
                conn,
                &actor,
                AuditAction::InterlabTermCreated,
                "interlab_term",
                &row.id,
                json!({ "kind": kind.as_str(), "slug": row.slug }),
            )?;
            dto::term(&row)
        })
    })
    .await
}

/// Changes a term's slug or labels; what refers to it follows.
pub async fn update(
    db: &Db,
    acting: &Acting,
    kind: TermKind,
    id: Uuid,
    input: TermInput,
) -> Result<Term, ApiError> {
    let c = check(&input)?;
    let actor = acting.actor.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let mut row = TermRow::find(conn, kind, &id.to_string())?.ok_or(ApiError::NotFound)?;
            let [label_fr, label_en, label_nl, label_ar] = c.labels;
            row.slug = c.slug;
            row.label_fr = label_fr;
            row.label_en = label_en;
            row.label_nl = label_nl;
            row.label_ar = label_ar;
            row.updated_at = crate::db::now();
            row.save(conn).on_unique_violation("slug", Msg::SlugTaken)?;
            audit_event(
                conn,
                &actor,
                AuditAction::InterlabTermUpdated,
                "interlab_term",
                &row.id,
                json!({ "kind": kind.as_str(), "slug": row.slug }),
            )?;
            dto::term(&row)
        })
    })
    .await
}
