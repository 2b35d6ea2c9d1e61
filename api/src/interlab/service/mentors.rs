//! The directory of mentors, facilitators and experts, and each mentor's personal calendar feed.

use std::collections::HashMap;

use base64::Engine;
use rand::RngCore;
use serde_json::json;
use shared::auth::Role;
use shared::interlab::{
    Mentor, MentorFeed, MentorFilter, MentorInput, MentorPatch, MentorSector, TermKind,
};
use shared::Lang;
use uuid::Uuid;

use super::Acting;
use crate::accounts::store::UserRow;
use crate::audit::{audit_event, AuditAction};
use crate::db::{stored_id as uuid, write_transaction, Db, DbConnection, JsonText};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::interlab::domain::mentoring::{check_mentor, MentorFields};
use crate::interlab::dto;
use crate::interlab::store::mentoring::{loads, MentorRow};
use crate::interlab::store::{EntrepreneurRow, TermRow};

/// The public path of a feed token.
pub const FEED_PREFIX: &str = "/api/v1/public/interlab/mentors/feeds/";

/// Directory entries as the wire shows them, names and sector labels in `lang`.
pub(crate) fn views(
    conn: &mut DbConnection,
    rows: &[MentorRow],
    lang: Lang,
) -> Result<Vec<Mentor>, ApiError> {
    let people: Vec<String> = rows.iter().map(|r| r.person_id.clone()).collect();
    let names = crate::people::store::names(conn, &people)?;
    let sectors: HashMap<String, String> = TermRow::list(conn, TermKind::Sector)?
        .iter()
        .map(|t| (t.id.clone(), dto::label(t, lang)))
        .collect();
    let loads = loads(conn)?;
    rows.iter()
        .map(|r| {
            Ok(Mentor {
                id: uuid(&r.id)?,
                person_id: uuid(&r.person_id)?,
                display_name: names.get(&r.person_id).cloned().unwrap_or_default(),
                role: r.role,
                organisation: r.organisation.clone(),
                domains: r.domains.0.clone(),
                sectors: r
                    .sector_ids
                    .0
                    .iter()
                    .map(|s| {
                        Ok(MentorSector {
                            id: uuid(s)?,
                            label: sectors.get(s).cloned().unwrap_or_default(),
                        })
                    })
                    .collect::<Result<_, ApiError>>()?,
                languages: r.languages.0.clone(),
                capacity: r.capacity,
                load: loads.get(&r.id).copied().unwrap_or(0),
                availability: r.availability.clone(),
                active: r.active,
                conflicts: r
                    .conflicts
                    .0
                    .iter()
                    .map(|s| uuid(s))
                    .collect::<Result<_, _>>()?,
                account_id: r.user_id.as_deref().map(uuid).transpose()?,
                has_feed: r.feed_token_hash.is_some(),
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
        })
        .collect()
}

/// The directory entry a mentor's account is linked to (`NotFound` without one).
pub(crate) fn own_entry(conn: &mut DbConnection, acting: &Acting) -> Result<MentorRow, ApiError> {
    MentorRow::of_user(conn, &acting.user_id.to_string())?.ok_or(ApiError::NotFound)
}

pub async fn list(db: &Db, acting: &Acting, f: MentorFilter) -> Result<Vec<Mentor>, ApiError> {
    let lang = acting.lang;
    db.run(move |conn| {
        let rows: Vec<MentorRow> = MentorRow::list(conn)?
            .into_iter()
            .filter(|r| f.role.is_none_or(|x| r.role == x))
            .filter(|r| f.active.is_none_or(|x| r.active == x))
            .filter(|r| f.domain.is_none_or(|d| r.domains.0.contains(&d)))
            .collect();
        let mut out = views(conn, &rows, lang)?;
        out.sort_by(|a, b| a.display_name.cmp(&b.display_name).then(a.id.cmp(&b.id)));
        Ok(out)
    })
    .await
}

/// One entry; a mentor's account sees its own only.
pub async fn get(db: &Db, acting: &Acting, id: Uuid) -> Result<Mentor, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        let row = MentorRow::get(conn, &id.to_string())?;
        if acting.role == Role::Mentor && row.user_id != Some(acting.user_id.to_string()) {
            return Err(ApiError::NotFound);
        }
        one(conn, &row, acting.lang)
    })
    .await
}

/// The entry of the mentor's account acting (not found for other accounts).
pub async fn mine(db: &Db, acting: &Acting) -> Result<Mentor, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        let row = own_entry(conn, &acting)?;
        one(conn, &row, acting.lang)
    })
    .await
}

/// Who may make or close a mentor's feed: coordinators and administrators for anyone, a
/// mentor's account for its own entry (others are out of its sight).
fn may_manage_feed(acting: &Acting, row: &MentorRow) -> Result<(), ApiError> {
    match acting.role {
        Role::Admin | Role::Coordinator => Ok(()),
        Role::Mentor if row.user_id.as_deref() == Some(acting.user_id.to_string().as_str()) => {
            Ok(())
        }
        Role::Mentor => Err(ApiError::NotFound),
        _ => Err(ApiError::Forbidden),
    }
}

fn one(conn: &mut DbConnection, row: &MentorRow, lang: Lang) -> Result<Mentor, ApiError> {
    views(conn, std::slice::from_ref(row), lang)?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("mentor view missing").into())
}

/// Checks what the entry points to: sectors of the vocabulary, entrepreneurs, a mentor account
/// not linked to another entry.
fn check_references(
    conn: &mut DbConnection,
    f: &MentorFields,
    this: Option<&str>,
) -> Result<(), ApiError> {
    let mut v = Validator::new();
    for (i, s) in f.sector_ids.iter().enumerate() {
        if TermRow::find(conn, TermKind::Sector, &s.to_string())?.is_none() {
            v.add(&format!("sector_ids[{i}]"), Msg::InvalidValue);
        }
    }
    for (i, e) in f.conflicts.iter().enumerate() {
        if EntrepreneurRow::find(conn, &e.to_string())?.is_none() {
            v.add(&format!("conflicts[{i}]"), Msg::InvalidValue);
        }
    }
    if let Some(account) = f.account_id {
        match UserRow::find(conn, account)? {
            Some(u) if u.active && u.role == Role::Mentor => {
                let linked = MentorRow::of_user(conn, &account.to_string())?;
                if linked.is_some_and(|m| Some(m.id.as_str()) != this) {
                    v.add("account_id", Msg::DuplicateEntry);
                }
            }
            _ => v.add("account_id", Msg::NotAMentorAccount),
        }
    }
    v.finish()
}

fn strings(ids: &[Uuid]) -> Vec<String> {
    ids.iter().map(Uuid::to_string).collect()
}

pub async fn create(db: &Db, acting: &Acting, input: MentorInput) -> Result<Mentor, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = create_in(conn, &acting, input)?;
            one(conn, &row, acting.lang)
        })
    })
    .await
}

/// [`create`] inside the caller's transaction (the demo loader's too).
pub fn create_in(
    conn: &mut DbConnection,
    acting: &Acting,
    input: MentorInput,
) -> Result<MentorRow, ApiError> {
    let fields = check_mentor(MentorFields {
        role: input.role,
        organisation: input.organisation,
        domains: input.domains,
        sector_ids: input.sector_ids,
        languages: input.languages,
        capacity: input.capacity,
        availability: input.availability,
        active: input.active.unwrap_or(true),
        conflicts: input.conflicts,
        account_id: input.account_id,
    })?;
    let person = input.person_id.to_string();
    if crate::people::store::names(conn, std::slice::from_ref(&person))?.is_empty() {
        return Err(ApiError::field("person_id", Msg::UnknownPerson));
    }
    if MentorRow::of_person(conn, &person)?.is_some() {
        return Err(ApiError::Conflict {
            msg: Msg::DuplicateEntry,
            field: Some("person_id"),
        });
    }
    check_references(conn, &fields, None)?;
    let now = crate::db::now();
    let row = MentorRow {
        id: Uuid::now_v7().to_string(),
        person_id: person,
        role: fields.role,
        organisation: fields.organisation,
        domains: JsonText(fields.domains),
        sector_ids: JsonText(strings(&fields.sector_ids)),
        languages: JsonText(fields.languages),
        conflicts: JsonText(strings(&fields.conflicts)),
        capacity: fields.capacity,
        availability: fields.availability,
        active: fields.active,
        user_id: fields.account_id.map(|u| u.to_string()),
        feed_token_hash: None,
        created_at: now,
        updated_at: now,
    };
    row.insert(conn)?;
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InterlabMentorCreated,
        "interlab_mentor",
        &row.id,
        json!({ "person_id": row.person_id, "role": row.role, "capacity": row.capacity,
                "account_id": row.user_id }),
    )?;
    Ok(row)
}

fn fields_of(row: &MentorRow) -> Result<MentorFields, ApiError> {
    Ok(MentorFields {
        role: row.role,
        organisation: row.organisation.clone(),
        domains: row.domains.0.clone(),
        sector_ids: row
            .sector_ids
            .0
            .iter()
            .map(|s| uuid(s))
            .collect::<Result<_, _>>()?,
        languages: row.languages.0.clone(),
        capacity: row.capacity,
        availability: row.availability.clone(),
        active: row.active,
        conflicts: row
            .conflicts
            .0
            .iter()
            .map(|s| uuid(s))
            .collect::<Result<_, _>>()?,
        account_id: row.user_id.as_deref().map(uuid).transpose()?,
    })
}

/// Changes the fields present in `patch`; the capacity may go below the current load (the
/// relations stay; no new one is proposed until there is room).
pub async fn update(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    patch: MentorPatch,
) -> Result<Mentor, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let mut row = MentorRow::get(conn, &id.to_string())?;
            let cur = fields_of(&row)?;
            let fields = check_mentor(MentorFields {
                role: patch.role.unwrap_or(cur.role),
                organisation: patch.organisation.clone().unwrap_or(cur.organisation),
                domains: patch.domains.clone().unwrap_or(cur.domains),
                sector_ids: patch.sector_ids.clone().unwrap_or(cur.sector_ids),
                languages: patch.languages.clone().unwrap_or(cur.languages),
                capacity: patch.capacity.unwrap_or(cur.capacity),
                availability: patch.availability.clone().unwrap_or(cur.availability),
                active: patch.active.unwrap_or(cur.active),
                conflicts: patch.conflicts.clone().unwrap_or(cur.conflicts),
                account_id: patch.account_id.unwrap_or(cur.account_id),
            })?;
            check_references(conn, &fields, Some(&row.id))?;
            row.role = fields.role;
            row.organisation = fields.organisation;
            row.domains = JsonText(fields.domains);
            row.sector_ids = JsonText(strings(&fields.sector_ids));
            row.languages = JsonText(fields.languages);
            row.conflicts = JsonText(strings(&fields.conflicts));
            row.capacity = fields.capacity;
            row.availability = fields.availability;
            row.active = fields.active;
            row.user_id = fields.account_id.map(|u| u.to_string());
            row.updated_at = crate::db::now();
            row.save(conn)?;
            audit_event(
                conn,
                &acting.actor,
                AuditAction::InterlabMentorUpdated,
                "interlab_mentor",
                &row.id,
                json!({ "role": row.role, "capacity": row.capacity, "active": row.active,
                        "account_id": row.user_id }),
            )?;
            one(conn, &row, acting.lang)
        })
    })
    .await
}

/// A fresh feed token (256 bits, URL-safe) and its hash.
fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let hash = crate::accounts::tokens::hash(&token);
    (token, hash)
}

/// Makes a new personal feed address; the previous one stops working at once.
pub async fn rotate_feed(db: &Db, acting: &Acting, id: Uuid) -> Result<MentorFeed, ApiError> {
    let acting = acting.clone();
    let actor = acting.actor.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let mut row = MentorRow::get(conn, &id.to_string())?;
            may_manage_feed(&acting, &row)?;
            let (token, hash) = new_token();
            row.feed_token_hash = Some(hash);
            row.updated_at = crate::db::now();
            row.save(conn)?;
            audit_event(
                conn,
                &actor,
                AuditAction::InterlabMentorFeedRotated,
                "interlab_mentor",
                &row.id,
                json!({}),
            )?;
            Ok(MentorFeed {
                path: format!("{FEED_PREFIX}{token}.ics"),
            })
        })
    })
    .await
}

/// Closes the personal feed.
pub async fn revoke_feed(db: &Db, acting: &Acting, id: Uuid) -> Result<(), ApiError> {
    let acting = acting.clone();
    let actor = acting.actor.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let mut row = MentorRow::get(conn, &id.to_string())?;
            may_manage_feed(&acting, &row)?;
            row.feed_token_hash = None;
            row.updated_at = crate::db::now();
            row.save(conn)?;
            audit_event(
                conn,
                &actor,
                AuditAction::InterlabMentorFeedRevoked,
                "interlab_mentor",
                &row.id,
                json!({}),
            )
        })
    })
    .await
}
