//! Right to erasure: anonymising one person or a batch, and telling staff where the people's
//! names remain in texts they wrote (an activity's description, notes about someone else).
//! Those texts are not rewritten silently: only their authors know what to keep.

use serde_json::json;
use shared::people::TextMention;
use uuid::Uuid;

use crate::audit::{audit_event, Actor, AuditAction};
use crate::db::{write_transaction, Db, DbConnection};
use crate::error::ApiError;
use crate::i18n::Msg;
use crate::people::domain::{mentions_any, names_to_find};
use crate::people::service::{check_confirmation, BULK_LIMIT};
use crate::people::store::{self as people, mentions, PersonRecord, PersonRow};

/// A person anonymised now, and the names they had.
struct Erased {
    id: Uuid,
    names: Vec<Vec<String>>,
}

/// Wipes a person's identifying values; `None` when they were already anonymised.
fn anonymise_one(
    conn: &mut DbConnection,
    actor: &Actor,
    id: Uuid,
) -> Result<Option<Erased>, ApiError> {
    let row = PersonRow::get(conn, id)?;
    if row.anonymised_at.is_some() {
        return Ok(None);
    }
    let names = names_to_find(
        &row.first_name,
        row.last_name.as_deref(),
        row.preferred_name.as_deref(),
    );
    people::anonymise(conn, &row.id)?;
    audit_event(
        conn,
        actor,
        AuditAction::PersonAnonymised,
        "person",
        &row.id,
        json!({}),
    )?;
    Ok(Some(Erased { id, names }))
}

/// The staff-written texts that contain a name of someone just anonymised.
fn find_mentions(conn: &mut DbConnection, erased: &[Erased]) -> Result<Vec<TextMention>, ApiError> {
    if erased.is_empty() {
        return Ok(vec![]);
    }
    let except: Vec<String> = erased.iter().map(|e| e.id.to_string()).collect();
    let texts = mentions::free_texts(conn, &except)?;
    let mut out = Vec::new();
    for e in erased {
        for t in texts.iter().filter(|t| mentions_any(&t.text, &e.names)) {
            out.push(TextMention {
                person_id: e.id,
                object_type: t.object_type,
                object_id: crate::db::stored_id(&t.object_id)?,
                field: t.field.clone(),
            });
        }
    }
    // Several check-ins of one duo name them: one line per record and field is enough.
    out.sort_by(|a, b| {
        (a.person_id, a.object_type, a.object_id, &a.field).cmp(&(
            b.person_id,
            b.object_type,
            b.object_id,
            &b.field,
        ))
    });
    out.dedup();
    Ok(out)
}

/// Right to erasure for one person: the anonymised record and where their names remain.
pub async fn anonymise(
    db: &Db,
    actor: Actor,
    id: Uuid,
    confirmation: &str,
) -> Result<(PersonRecord, Vec<TextMention>), ApiError> {
    check_confirmation(confirmation)?;
    let out = db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let erased: Vec<Erased> = anonymise_one(conn, &actor, id)?.into_iter().collect();
                let mentions = find_mentions(conn, &erased)?;
                Ok((people::load_record(conn, id)?, mentions))
            })
        })
        .await?;
    db.scrub().await;
    Ok(out)
}

/// Anonymises several people in one transaction; answers those actually anonymised now and
/// where their names remain.
pub async fn anonymise_many(
    db: &Db,
    actor: Actor,
    ids: Vec<Uuid>,
    confirmation: &str,
) -> Result<(Vec<Uuid>, Vec<TextMention>), ApiError> {
    check_confirmation(confirmation)?;
    if ids.len() > BULK_LIMIT {
        return Err(ApiError::field("ids", Msg::TooMany(BULK_LIMIT)));
    }
    let out = db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let mut erased = Vec::new();
                for id in ids {
                    erased.extend(anonymise_one(conn, &actor, id)?);
                }
                let mentions = find_mentions(conn, &erased)?;
                Ok((erased.iter().map(|e| e.id).collect(), mentions))
            })
        })
        .await?;
    db.scrub().await;
    Ok(out)
}
