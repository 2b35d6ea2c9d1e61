//! Candidacies: who waits in the pool, with which preferences.

use serde_json::json;
use shared::duo::{Candidacy, CandidacyInput, CandidacyStatus, TravelRange};
use shared::people::{Category, Programme, ProgrammeRole};
use uuid::Uuid;

use super::{visible_candidacy, Acting};
use crate::audit::audit_event as record;
use crate::audit::AuditAction;
use crate::db::{lock_rows, stored_id as uuid, write_transaction, Db, DbConnection};
use crate::duo::store::{self, CandidacyRow};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::{display_name, optional_text};
use crate::people::store::PersonRow;

/// The wire form of a candidacy.
pub(crate) fn view(
    c: &CandidacyRow,
    name: &str,
    commune_name: Option<String>,
) -> Result<Candidacy, ApiError> {
    Ok(Candidacy {
        id: uuid(&c.id)?,
        person_id: uuid(&c.person_id)?,
        display_name: name.to_owned(),
        side: c.side,
        status: c.status,
        waiting_since: c.waiting_since.and_utc(),
        commune: commune_name.or_else(|| c.commune_id.clone()),
        travel: c.travel,
        gender: c.gender,
        partner_gender: c.partner_gender,
        partner_age_min: c.partner_age_min,
        partner_age_max: c.partner_age_max,
        hopes: c.hopes_of(),
        wants_french_practice: c.wants_french_practice,
        remarks: c.remarks.clone(),
    })
}

/// The candidate pool, oldest first (coaches: the people they accompany).
pub async fn list(
    db: &Db,
    coach: Option<String>,
    status: Option<CandidacyStatus>,
    side: Option<Category>,
) -> Result<Vec<Candidacy>, ApiError> {
    db.run(move |conn| {
        let rows = store::list_candidacies(conn, status, side, coach.as_deref())?;
        let (communes, _) = store::communes(conn)?;
        let commune_name = |id: &Option<String>| {
            id.as_ref().and_then(|id| {
                communes
                    .iter()
                    .find(|c| &c.id == id)
                    .map(|c| c.name.clone())
            })
        };
        rows.iter()
            .map(|(c, first, last, preferred)| {
                let name = display_name(first, last.as_deref(), preferred.as_deref());
                view(c, &name, commune_name(&c.commune_id))
            })
            .collect()
    })
    .await
}

struct CandidacyFields {
    commune: Option<String>,
    remarks: Option<String>,
}

fn check(conn: &mut DbConnection, c: &CandidacyInput) -> Result<CandidacyFields, ApiError> {
    let mut v = Validator::new();
    let commune = c
        .commune
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    if let Some(id) = &commune {
        if !store::commune_exists(conn, id)? {
            v.add("commune", Msg::InvalidValue);
        }
    }
    for (field, age) in [
        ("partner_age_min", c.partner_age_min),
        ("partner_age_max", c.partner_age_max),
    ] {
        if age.is_some_and(|a| !(16..=110).contains(&a)) {
            v.add(field, Msg::YearOutOfRange(16, 110));
        }
    }
    if let (Some(a), Some(b)) = (c.partner_age_min, c.partner_age_max) {
        if a > b {
            v.add("partner_age_max", Msg::InvalidValue);
        }
    }
    let remarks = v.check("remarks", optional_text(c.remarks.as_deref(), 2000));
    v.finish()?;
    Ok(CandidacyFields {
        commune,
        remarks: remarks.flatten(),
    })
}

/// Opens a candidacy for a person (one open candidacy per person); the side is the person's
/// effective category.
pub async fn create(
    db: &Db,
    acting: &Acting,
    input: CandidacyInput,
) -> Result<Candidacy, ApiError> {
    let actor = acting.actor.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            // Concurrent requests for one person take turns (PostgreSQL), so the check for an
            // open candidacy below sees the other's.
            lock_rows(
                conn,
                "SELECT id FROM people WHERE id = $1 FOR UPDATE",
                &input.person_id.to_string(),
            )?;
            let person = PersonRow::find(conn, input.person_id)?
                .filter(|p| p.anonymised_at.is_none())
                .ok_or_else(|| ApiError::field("person_id", Msg::NotFound))?;
            let fields = check(conn, &input)?;
            if CandidacyRow::open_for(conn, &person.id)?.is_some() {
                return Err(ApiError::Conflict {
                    msg: Msg::DuplicateEntry,
                    field: Some("person_id"),
                });
            }
            let side = person
                .category()
                .ok_or_else(|| ApiError::field("person_id", Msg::CategoryRequired))?;
            let now = crate::db::now();
            let row = CandidacyRow {
                id: Uuid::now_v7().to_string(),
                person_id: person.id.clone(),
                side,
                status: CandidacyStatus::Waiting,
                waiting_since: now,
                commune_id: fields.commune,
                travel: input.travel,
                gender: input.gender,
                partner_gender: input.partner_gender,
                partner_age_min: input.partner_age_min,
                partner_age_max: input.partner_age_max,
                hopes: CandidacyRow::hopes_column(&input.hopes),
                wants_french_practice: input.wants_french_practice,
                remarks: fields.remarks,
                created_at: now,
                updated_at: now,
            };
            row.insert(conn)?;
            crate::people::store::take_part(
                conn,
                &person.id,
                Programme::Duo2change,
                ProgrammeRole::DuoCandidate,
                false,
            )?;
            record(
                conn,
                &actor,
                AuditAction::DuoCandidacyCreated,
                "person",
                &person.id,
                json!({ "candidacy": row.id, "side": row.side }),
            )?;
            let name = display_name(
                &person.first_name,
                person.last_name.as_deref(),
                person.preferred_name.as_deref(),
            );
            view(&row, &name, None)
        })
    })
    .await
}

/// A Duo2Change public sign-up: a candidacy for a coordinator to complete (travel, hopes,
/// preferences are not asked on the public form), with the commune of the postcode given.
/// Call inside the sign-up's write transaction; the person is new (the sign-up never reuses a
/// record), so there is no open candidacy to collide with.
pub fn from_signup(
    conn: &mut DbConnection,
    actor: &crate::audit::Actor,
    person: &PersonRow,
) -> Result<(), ApiError> {
    let commune_id = match person.postcode.as_deref() {
        Some(code) => store::commune_of_postcode(conn, code)?,
        None => None,
    };
    let now = crate::db::now();
    let row = CandidacyRow {
        id: Uuid::now_v7().to_string(),
        person_id: person.id.clone(),
        side: person
            .category()
            .ok_or_else(|| ApiError::field("person_id", Msg::CategoryRequired))?,
        status: CandidacyStatus::ToComplete,
        waiting_since: now,
        commune_id,
        travel: TravelRange::Neighbours,
        gender: None,
        partner_gender: None,
        partner_age_min: None,
        partner_age_max: None,
        hopes: CandidacyRow::hopes_column(&[]),
        wants_french_practice: false,
        remarks: None,
        created_at: now,
        updated_at: now,
    };
    row.insert(conn)?;
    record(
        conn,
        actor,
        AuditAction::DuoCandidacyCreated,
        "person",
        &person.id,
        json!({ "candidacy": row.id, "side": row.side, "status": row.status }),
    )
}

fn name_of(conn: &mut DbConnection, person_id: &str) -> Result<String, ApiError> {
    let names = crate::people::store::names(conn, &[person_id.to_owned()])?;
    Ok(names.get(person_id).cloned().unwrap_or_default())
}

/// One candidacy (coaches: of a person they accompany).
pub async fn get(db: &Db, coach: Option<String>, id: Uuid) -> Result<Candidacy, ApiError> {
    db.run(move |conn| {
        let c = visible_candidacy(conn, coach.as_deref(), id)?;
        let name = name_of(conn, &c.person_id)?;
        view(&c, &name, None)
    })
    .await
}

/// Changes a candidacy's preferences and remarks; withdraws it or puts it back in the pool.
pub async fn update(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    input: CandidacyInput,
) -> Result<Candidacy, ApiError> {
    let actor = acting.actor.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let mut row = CandidacyRow::get(conn, &id.to_string())?;
            let fields = check(conn, &input)?;
            row.commune_id = fields.commune;
            row.travel = input.travel;
            row.gender = input.gender;
            row.partner_gender = input.partner_gender;
            row.partner_age_min = input.partner_age_min;
            row.partner_age_max = input.partner_age_max;
            row.hopes = CandidacyRow::hopes_column(&input.hopes);
            row.wants_french_practice = input.wants_french_practice;
            row.remarks = fields.remarks;
            if let Some(s) = input.status {
                // Only withdrawal and return to the pool are set by hand; proposals and
                // matches follow the duos.
                match s {
                    CandidacyStatus::Withdrawn | CandidacyStatus::Waiting => row.status = s,
                    _ => return Err(ApiError::field("status", Msg::InvalidValue)),
                }
            }
            row.save(conn)?;
            record(
                conn,
                &actor,
                AuditAction::DuoCandidacyUpdated,
                "person",
                &row.person_id,
                json!({ "candidacy": row.id, "status": row.status }),
            )?;
            let name = name_of(conn, &row.person_id)?;
            view(&row, &name, None)
        })
    })
    .await
}
