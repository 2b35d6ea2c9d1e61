//! The rules of recording, changing and erasing a person: each change runs in one write
//! transaction with its audit entry. Handlers call these after authorizing the role; object-level
//! visibility (a coach sees only the people they accompany) is decided here, once.

use std::collections::{BTreeSet, HashMap};

use chrono::{Months, NaiveDateTime};
use serde_json::json;
use shared::consent::ConsentInput;
use shared::people::{
    CoachAssignment, FrenchLevel, LanguageLevel, MembershipInput, MembershipUpdate, PeopleFilter,
    PersonInput, PersonSource, PersonStatus, Programme, ReviewOutcome, Slot, TagKind,
};
use uuid::Uuid;

use crate::accounts::store::UserRow;
use crate::audit::{self, Actor, AuditAction, AuditQuery, AuditRow};
use crate::db::{write_transaction, Db, DbConnection};
use crate::error::ApiError;
use crate::i18n::Msg;
use crate::people::domain::{current_year, PersonData};
use crate::people::store::vocabulary as tags;
use crate::people::store::{
    self as people, CoachRow, ConsentRow, MembershipRow, PeopleQuery, PersonRecord, PersonRow, Sort,
};

/// The word an administrator types to confirm an anonymisation.
pub const CONFIRMATION_WORD: &str = "anonymise";

/// Whose people a caller sees: everyone, or (coaches) only the people they accompany.
#[derive(Debug, Clone)]
pub enum Scope {
    All,
    CoachedBy(String),
}

impl Scope {
    pub fn coach(&self) -> Option<String> {
        match self {
            Scope::All => None,
            Scope::CoachedBy(id) => Some(id.clone()),
        }
    }
}

fn record(
    conn: &mut DbConnection,
    actor: &Actor,
    action: AuditAction,
    person_id: &str,
    details: serde_json::Value,
) -> Result<(), ApiError> {
    crate::audit::audit_event(conn, actor, action, "person", person_id, details)
}

/// Loads a person the caller may see: 404 for people outside the caller's scope.
pub fn load_visible(
    conn: &mut DbConnection,
    scope: &Scope,
    id: Uuid,
) -> Result<PersonRecord, ApiError> {
    let rec = people::load_record(conn, id)?;
    if let Scope::CoachedBy(coach) = scope {
        if !rec.coaches.iter().any(|c| &c.user_id == coach) {
            return Err(ApiError::NotFound);
        }
    }
    Ok(rec)
}

pub async fn get(db: &Db, scope: Scope, id: Uuid) -> Result<PersonRecord, ApiError> {
    db.run(move |conn| load_visible(conn, &scope, id)).await
}

/// What a person takes part in across the programmes, for whoever may read the person.
pub async fn participation(
    db: &Db,
    scope: Scope,
    id: Uuid,
) -> Result<shared::participation::PersonParticipation, ApiError> {
    db.run(move |conn| {
        let rec = load_visible(conn, &scope, id)?;
        let coach = scope.coach();
        people::participation::participation(conn, &rec.row.id, coach.as_deref())
    })
    .await
}

/// A page of people matching a filter, with each one's programmes.
pub struct Listing {
    pub rows: Vec<PersonRow>,
    pub count: u64,
    pub programmes: HashMap<String, Vec<Programme>>,
}

pub async fn list(
    db: &Db,
    scope: Scope,
    f: PeopleFilter,
    offset: i64,
    limit: i64,
) -> Result<Listing, ApiError> {
    let sort = f.sort.map(Sort::from).unwrap_or_default();
    let tag_keys: Vec<String> = f
        .tags
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let mut q = PeopleQuery {
        q: f.q,
        tags: vec![],
        programme: f.programme,
        role: f.role,
        language: f
            .language
            .map(|l| l.trim().to_ascii_lowercase())
            .filter(|l| !l.is_empty()),
        french_levels: french_range(f.french_min, f.french_max),
        commune: f.commune.filter(|c| !c.trim().is_empty()),
        postcode: f
            .postcode
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty()),
        category: f.category,
        slot: f.slot,
        status: f.status,
        archived: f.archived.unwrap_or(false),
        coach: scope.coach(),
        sort,
    };
    let year = current_year();
    db.run(move |conn| {
        let (found, unknown) = tags::resolve(conn, &tag_keys)?;
        if !unknown.is_empty() {
            return Err(ApiError::field("tags", Msg::UnknownTag));
        }
        q.tags = found;
        let (rows, count) = people::list(conn, &q, offset, limit, year)?;
        let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        let programmes = people::programmes_of(conn, &ids)?;
        Ok(Listing {
            rows,
            count: u64::try_from(count).unwrap_or(0),
            programmes,
        })
    })
    .await
}

/// `Duplicate` (409 with `conflict_id`) when someone other than `except` has this email or
/// phone.
fn refuse_duplicate(
    conn: &mut DbConnection,
    data: &PersonData,
    except: Option<&str>,
) -> Result<(), ApiError> {
    match people::find_duplicate(conn, data.email.as_deref(), data.phone.as_deref(), except)? {
        Some(existing) => Err(ApiError::Duplicate(existing)),
        None => Ok(()),
    }
}

/// Records a new person entered by staff. `Duplicate` when someone already has this email or
/// phone, unless `confirm_distinct` is set.
pub async fn create(
    db: &Db,
    actor: Actor,
    created_by: Uuid,
    input: PersonInput,
) -> Result<PersonRecord, ApiError> {
    let data = PersonData::parse(&input)?;
    let created_by = Some(created_by.to_string());
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            check_tags(conn, &data)?;
            if !input.confirm_distinct {
                refuse_duplicate(conn, &data, None)?;
            }
            let row = PersonRow::new(
                &data,
                PersonSource::Staff,
                PersonStatus::Active,
                None,
                created_by,
            );
            row.insert(conn)?;
            people::replace_children(conn, &row.id, &data)?;
            record(
                conn,
                &actor,
                AuditAction::PersonCreated,
                &row.id,
                json!({ "source": "staff" }),
            )?;
            people::load_record(conn, row.uuid()?)
        })
    })
    .await
}

/// Replaces a person's profile; the audit entry names the fields that changed.
pub async fn update(
    db: &Db,
    actor: Actor,
    id: Uuid,
    input: PersonInput,
) -> Result<PersonRecord, ApiError> {
    let mut data = PersonData::parse(&input)?;
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let before = people::load_record(conn, id)?;
            if before.row.anonymised_at.is_some() {
                return Err(ApiError::NotFound);
            }
            // The region of origin is write-only (no screen shows it, so no form sends it
            // back): absent keeps it, an empty string clears it.
            if input.origin_region.is_none() {
                data.origin_region = before.row.origin_region.clone();
            }
            check_tags(conn, &data)?;
            if !input.confirm_distinct {
                refuse_duplicate(conn, &data, Some(&before.row.id))?;
            }
            let mut row = before.row.clone();
            row.apply(&data);
            let changed = changed_fields(&before, &row, &data);
            if !changed.is_empty() {
                row.last_activity_at = crate::db::now();
                row.save(conn)?;
                people::replace_children(conn, &row.id, &data)?;
                record(
                    conn,
                    &actor,
                    AuditAction::PersonUpdated,
                    &row.id,
                    json!({ "changed": changed }),
                )?;
            }
            people::load_record(conn, id)
        })
    })
    .await
}

/// Archives (hides from default lists) or restores a person.
pub async fn set_archived(
    db: &Db,
    actor: Actor,
    id: Uuid,
    archived: bool,
) -> Result<PersonRecord, ApiError> {
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let mut row = PersonRow::get(conn, id)?;
            if row.anonymised_at.is_some() && !archived {
                return Err(ApiError::NotFound);
            }
            if row.archived != archived {
                row.archived = archived;
                row.save(conn)?;
                let action = if archived {
                    AuditAction::PersonArchived
                } else {
                    AuditAction::PersonRestored
                };
                record(conn, &actor, action, &row.id, json!({}))?;
            }
            people::load_record(conn, id)
        })
    })
    .await
}

/// Decides on a person to review (public sign-up, possible duplicate).
pub async fn review(
    db: &Db,
    actor: Actor,
    id: Uuid,
    decision: ReviewOutcome,
) -> Result<PersonRecord, ApiError> {
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let mut row = PersonRow::get(conn, id)?;
            row.status = PersonStatus::Active;
            row.possible_duplicate_of = None;
            if decision == ReviewOutcome::Archive {
                row.archived = true;
            }
            row.save(conn)?;
            record(
                conn,
                &actor,
                AuditAction::PersonReviewed,
                &row.id,
                json!({ "decision": decision.as_str() }),
            )?;
            people::load_record(conn, id)
        })
    })
    .await
}

pub async fn add_membership(
    db: &Db,
    actor: Actor,
    id: Uuid,
    m: MembershipInput,
) -> Result<MembershipRow, ApiError> {
    let started_on = m
        .started_on
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    if m.ended_on.is_some_and(|e| e < started_on) {
        return Err(ApiError::field("ended_on", Msg::EndBeforeStart));
    }
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let person = PersonRow::get(conn, id)?;
            let now = crate::db::now();
            let row = MembershipRow {
                id: Uuid::now_v7().to_string(),
                person_id: person.id.clone(),
                programme: m.programme,
                role: m.role,
                status: m.status,
                started_on,
                ended_on: m.ended_on,
                created_at: now,
                updated_at: now,
            };
            row.insert(conn)?;
            people::touch(conn, &person.id)?;
            record(
                conn,
                &actor,
                AuditAction::PersonMembershipAdded,
                &person.id,
                json!({ "membership": row.id, "programme": row.programme, "role": row.role, "status": row.status }),
            )?;
            Ok(row)
        })
    })
    .await
}

pub async fn update_membership(
    db: &Db,
    actor: Actor,
    id: Uuid,
    membership: Uuid,
    u: MembershipUpdate,
) -> Result<MembershipRow, ApiError> {
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let person = PersonRow::get(conn, id)?;
            let mut row = MembershipRow::get(conn, &person.id, membership)?;
            let mut changed = Vec::new();
            if let Some(r) = u.role {
                row.role = r;
                changed.push("role");
            }
            if let Some(s) = u.status {
                row.status = s;
                changed.push("status");
            }
            if let Some(e) = u.ended_on {
                if e < row.started_on {
                    return Err(ApiError::field("ended_on", Msg::EndBeforeStart));
                }
                row.ended_on = Some(e);
                changed.push("ended_on");
            }
            row.save(conn)?;
            people::touch(conn, &person.id)?;
            record(
                conn,
                &actor,
                AuditAction::PersonMembershipUpdated,
                &person.id,
                json!({ "membership": row.id, "changed": changed, "status": row.status }),
            )?;
            Ok(row)
        })
    })
    .await
}

/// Records a consent given on a web form, or on paper or orally and entered by `recorded_by`.
pub async fn add_consent(
    db: &Db,
    actor: Actor,
    recorded_by: Uuid,
    id: Uuid,
    c: ConsentInput,
) -> Result<ConsentRow, ApiError> {
    let version = c.notice_version.trim().to_owned();
    if !crate::people::privacy::is_known_version(&version) {
        return Err(ApiError::field("notice_version", Msg::InvalidValue));
    }
    let given_at: NaiveDateTime = c
        .given_at
        .map(|t| t.naive_utc())
        .unwrap_or_else(crate::db::now);
    if given_at > crate::db::now() + chrono::Duration::minutes(5) {
        return Err(ApiError::field("given_at", Msg::InvalidValue));
    }
    let recorded_by = recorded_by.to_string();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let person = PersonRow::get(conn, id)?;
            let row = ConsentRow {
                id: Uuid::now_v7().to_string(),
                person_id: person.id.clone(),
                purpose: c.purpose,
                notice_version: version,
                notice_lang: c.notice_lang.code().to_owned(),
                method: c.method,
                given_at,
                recorded_by: Some(recorded_by),
                withdrawn_at: None,
                withdrawn_by: None,
            };
            row.insert(conn)?;
            record(
                conn,
                &actor,
                AuditAction::PersonConsentGiven,
                &person.id,
                json!({ "consent": row.id, "purpose": row.purpose, "method": row.method, "notice_version": row.notice_version }),
            )?;
            Ok(row)
        })
    })
    .await
}

pub async fn withdraw_consent(
    db: &Db,
    actor: Actor,
    by: Uuid,
    id: Uuid,
    consent: Uuid,
) -> Result<(), ApiError> {
    let by = Some(by.to_string());
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let person = PersonRow::get(conn, id)?;
            let purpose = ConsentRow::withdraw(conn, &person.id, consent, by)?;
            record(
                conn,
                &actor,
                AuditAction::PersonConsentWithdrawn,
                &person.id,
                json!({ "consent": consent, "purpose": purpose }),
            )
        })
    })
    .await
}

/// Assigns a coach (an active staff account), who then sees the person.
pub async fn add_coach(
    db: &Db,
    actor: Actor,
    id: Uuid,
    a: CoachAssignment,
) -> Result<(), ApiError> {
    let coach_id = a.user_id;
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let person = PersonRow::get(conn, id)?;
            match UserRow::find(conn, coach_id)? {
                Some(u) if u.active => {}
                _ => return Err(ApiError::field("user_id", Msg::NotACoach)),
            }
            CoachRow::add(conn, &person.id, &coach_id.to_string())?;
            record(
                conn,
                &actor,
                AuditAction::PersonCoachAssigned,
                &person.id,
                json!({ "coach": coach_id }),
            )
        })
    })
    .await
}

pub async fn remove_coach(db: &Db, actor: Actor, id: Uuid, coach_id: Uuid) -> Result<(), ApiError> {
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let person = PersonRow::get(conn, id)?;
            if CoachRow::remove(conn, &person.id, &coach_id.to_string())? == 0 {
                return Err(ApiError::NotFound);
            }
            record(
                conn,
                &actor,
                AuditAction::PersonCoachRemoved,
                &person.id,
                json!({ "coach": coach_id }),
            )
        })
    })
    .await
}

/// Right of access: the person and every table's rows about them; the export is audited.
pub async fn export(
    db: &Db,
    actor: Actor,
    id: Uuid,
) -> Result<(PersonRecord, serde_json::Map<String, serde_json::Value>), ApiError> {
    db.run(move |conn| {
        let rec = people::load_record(conn, id)?;
        record(
            conn,
            &actor,
            AuditAction::PersonExported,
            &rec.row.id,
            json!({}),
        )?;
        let tables = people::export_tables(conn, &rec.row.id)?;
        Ok((rec, tables))
    })
    .await
}

/// What a page of history entries names: the staff who acted, and the person's consents (by
/// id) with their purpose.
#[derive(Debug, Default)]
pub struct HistoryNames {
    pub actors: HashMap<String, String>,
    pub consents: HashMap<String, shared::consent::ConsentPurpose>,
}

/// A page of a person's history (audit entries about them, newest first) with the display
/// names of the staff who acted.
pub async fn history(
    db: &Db,
    scope: Scope,
    id: Uuid,
    offset: i64,
    limit: i64,
) -> Result<(Vec<AuditRow>, u64, HistoryNames), ApiError> {
    db.run(move |conn| {
        let rec = load_visible(conn, &scope, id)?;
        let consents = ConsentRow::of(conn, &rec.row.id)?
            .into_iter()
            .map(|c| (c.id, c.purpose))
            .collect();
        let q = AuditQuery {
            entity_type: Some("person".into()),
            entity_id: Some(rec.row.id),
            ..AuditQuery::default()
        };
        let (rows, count) = audit::list(conn, &q, offset, limit)?;
        let mut actors: Vec<String> = rows.iter().filter_map(|r| r.actor_id.clone()).collect();
        actors.sort();
        actors.dedup();
        let actors = audit::actor_names(conn, &actors)?;
        let names = HistoryNames { actors, consents };
        Ok((rows, u64::try_from(count).unwrap_or(0), names))
    })
    .await
}

/// `confirmation` must be the confirmation word, whatever its case (and nothing else).
pub fn check_confirmation(word: &str) -> Result<(), ApiError> {
    if word.eq_ignore_ascii_case(CONFIRMATION_WORD) {
        Ok(())
    } else {
        Err(ApiError::field("confirmation", Msg::ConfirmationRequired))
    }
}

/// Most people one bulk anonymisation may name (and one retention review lists).
pub const BULK_LIMIT: usize = 1000;

/// People whose last activity is older than `months` months.
pub async fn past_retention(db: &Db, months: u32) -> Result<Vec<PersonRow>, ApiError> {
    let cutoff = chrono::Utc::now()
        .naive_utc()
        .checked_sub_months(Months::new(months))
        .unwrap_or_default();
    db.run(move |conn| Ok(people::past_retention(conn, cutoff, BULK_LIMIT as i64)?))
        .await
}

/// Names of the fields that differ between two versions of a person (never their values).
fn changed_fields(before: &PersonRecord, after_row: &PersonRow, after: &PersonData) -> Vec<String> {
    let skip = ["updated_at", "last_activity_at", "created_at"];
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) = (
        serde_json::to_value(&before.row),
        serde_json::to_value(after_row),
    ) else {
        return vec![];
    };
    let mut changed: Vec<String> = a
        .iter()
        .filter(|(k, v)| !skip.contains(&k.as_str()) && b.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect();
    let langs_before: BTreeSet<(String, LanguageLevel)> = before
        .languages
        .iter()
        .map(|l| (l.language.clone(), l.level))
        .collect();
    let langs_after: BTreeSet<(String, LanguageLevel)> = after
        .languages
        .iter()
        .map(|l| (l.language.clone(), l.level))
        .collect();
    if langs_before != langs_after {
        changed.push("languages".into());
    }
    let tags_before: BTreeSet<(String, TagKind)> = before
        .tags
        .iter()
        .map(|t| (t.tag_id.clone(), t.kind))
        .collect();
    let tags_after: BTreeSet<(String, TagKind)> = after
        .tags
        .iter()
        .map(|t| (t.tag_id.to_string(), t.kind))
        .collect();
    if tags_before != tags_after {
        changed.push("tags".into());
    }
    let slots_before: BTreeSet<Slot> = before.availability.iter().map(|a| a.slot).collect();
    let slots_after: BTreeSet<Slot> = after.availability.iter().copied().collect();
    if slots_before != slots_after {
        changed.push("availability".into());
    }
    changed
}

fn check_tags(conn: &mut DbConnection, data: &PersonData) -> Result<(), ApiError> {
    let ids: Vec<String> = data.tags.iter().map(|t| t.tag_id.to_string()).collect();
    let unknown = people::unknown_tags(conn, &ids)?;
    if unknown.is_empty() {
        return Ok(());
    }
    Err(ApiError::Validation(
        ids.iter()
            .enumerate()
            .filter(|(_, id)| unknown.contains(id))
            .map(|(i, _)| (format!("tags[{i}].tag_id"), Msg::UnknownTag))
            .collect(),
    ))
}

fn french_range(min: Option<FrenchLevel>, max: Option<FrenchLevel>) -> Option<Vec<FrenchLevel>> {
    if min.is_none() && max.is_none() {
        return None;
    }
    Some(
        FrenchLevel::ALL
            .iter()
            .copied()
            .filter(|l| min.is_none_or(|m| *l >= m) && max.is_none_or(|m| *l <= m))
            .collect(),
    )
}
