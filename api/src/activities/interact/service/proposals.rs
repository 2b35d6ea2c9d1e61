//! Proposals: the public form "Je propose un atelier", the sign-up's workshop idea, the team's
//! entry and changes, the board and the passions the form offers.

use diesel::prelude::*;
use serde_json::json;
use shared::interact::{
    AutonomyLevel, Passion, Proposal, ProposalDetail, ProposalInput, ProposalSource,
    ProposalStatus, ProposalUpdate,
};
use shared::people::{MembershipStatus, PersonTagRef, Programme, ProgrammeRole, Slot, TagKind};
use shared::Lang;
use uuid::Uuid;

use super::{apply, check_staff_fields, detail, views, visible_proposal, Acting, Fields};
use crate::activities::interact::domain::{title_from_idea, DESCRIPTION_MAX};
use crate::activities::interact::store::{self as store, AutonomyRow, ProposalQuery, ProposalRow};
use crate::audit::{audit_event, Actor, AuditAction};
use crate::db::{write_transaction, Db, DbConnection, JsonText};
use crate::error::ApiError;
use crate::i18n::Msg;
use crate::people::domain::{IntakeForm, PersonData};
use crate::people::intake::{admit_visitor, Consent};
use crate::people::store::{MembershipRow, PersonRow};

/// A visitor's proposal, checked already.
#[derive(Debug)]
pub struct PublicForm {
    pub person: PersonData,
    pub fields: Fields,
    pub notice_version: String,
    pub lang: Lang,
}

/// A new proposal row for `person_id` at the start of the pipeline.
fn new_row(person_id: &str, f: &Fields, source: ProposalSource, by: Option<String>) -> ProposalRow {
    let now = crate::db::now();
    let mut row = ProposalRow {
        id: Uuid::now_v7().to_string(),
        person_id: person_id.to_owned(),
        title: String::new(),
        description: String::new(),
        languages: JsonText(vec![]),
        availability: JsonText(vec![]),
        availability_note: None,
        needs: None,
        wants_cohost: false,
        cohost_id: None,
        status: ProposalStatus::New,
        coordinator_id: None,
        next_step: None,
        next_step_on: None,
        autonomy: AutonomyLevel::CoOrganised,
        source,
        created_by: by,
        status_changed_at: now,
        created_at: now,
        updated_at: now,
    };
    apply(&mut row, f);
    row
}

/// Writes a new proposal with its passions and the first step of the host's ladder (Interra
/// co-organises at first), and its audit entry.
fn insert(
    conn: &mut DbConnection,
    actor: &Actor,
    row: &ProposalRow,
    passions: &[String],
) -> Result<(), ApiError> {
    row.insert(conn)?;
    store::set_passions(conn, &row.id, passions)?;
    AutonomyRow {
        id: Uuid::now_v7().to_string(),
        proposal_id: row.id.clone(),
        level: row.autonomy,
        changed_on: row.created_at.date(),
        note: None,
        changed_by: row.created_by.clone(),
        created_at: row.created_at,
    }
    .insert(conn)?;
    // On the proposal, which the host's right of access and erasure cover (with the address of
    // a visitor's form).
    audit_event(
        conn,
        actor,
        AuditAction::InteractProposed,
        "interact_proposal",
        &row.id,
        json!({ "person_id": row.person_id, "source": row.source.as_str() }),
    )
}

/// An applied InterAct host membership, unless the person has one.
fn host_membership(conn: &mut DbConnection, person_id: &str) -> Result<(), ApiError> {
    use crate::db::schema::memberships;
    let has: bool = diesel::select(diesel::dsl::exists(
        memberships::table
            .filter(memberships::person_id.eq(person_id))
            .filter(memberships::programme.eq(Programme::Interact))
            .filter(memberships::role.eq(ProgrammeRole::WorkshopHost)),
    ))
    .get_result(conn)?;
    if !has {
        let now = crate::db::now();
        MembershipRow {
            id: Uuid::now_v7().to_string(),
            person_id: person_id.to_owned(),
            programme: Programme::Interact,
            role: ProgrammeRole::WorkshopHost,
            status: MembershipStatus::Applied,
            started_on: now.date(),
            ended_on: None,
            created_at: now,
            updated_at: now,
        }
        .insert(conn)?;
    }
    Ok(())
}

/// Records a visitor's proposal: the person comes from the people feature's intake (a new
/// record to review, flagged when someone else has the same email or phone), with their
/// passions and availability, an applied InterAct host membership and the proposal.
pub async fn propose(db: &Db, mut form: PublicForm, actor: Actor) -> Result<(), ApiError> {
    form.person.tags = form
        .fields
        .passions
        .iter()
        .filter_map(|t| t.parse().ok())
        .map(|tag_id| PersonTagRef {
            tag_id,
            kind: TagKind::Passion,
        })
        .collect();
    form.person.availability = form.fields.availability.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let admitted = admit_visitor(
                conn,
                IntakeForm::Signup,
                &form.person,
                Consent {
                    notice_version: &form.notice_version,
                    lang: form.lang,
                },
            )?;
            let person = admitted.person;
            host_membership(conn, &person.id)?;
            let row = new_row(&person.id, &form.fields, ProposalSource::PublicForm, None);
            insert(conn, &actor, &row, &form.fields.passions)
        })
    })
    .await
}

/// The public sign-up's workshop idea becomes a proposal of the new person, inside the
/// sign-up's transaction.
pub fn from_signup(
    conn: &mut DbConnection,
    actor: &Actor,
    person_id: &str,
    idea: &str,
    availability: &[Slot],
) -> Result<(), ApiError> {
    let description: String = idea.chars().take(DESCRIPTION_MAX).collect();
    let fields = Fields {
        title: title_from_idea(idea),
        description,
        passions: vec![],
        languages: vec![],
        availability: availability.to_vec(),
        availability_note: None,
        needs: None,
        wants_cohost: false,
        cohost_id: None,
        coordinator_id: None,
        next_step: None,
        next_step_on: None,
    };
    let row = new_row(person_id, &fields, ProposalSource::Signup, None);
    insert(conn, actor, &row, &[])
}

/// Records a proposal the team took for a known person.
pub async fn create(
    db: &Db,
    acting: &Acting,
    input: ProposalInput,
) -> Result<ProposalDetail, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = create_in(conn, &acting, &input)?;
            detail(conn, &row)
        })
    })
    .await
}

/// [`create`] inside the caller's transaction (the demo loader's too).
pub fn create_in(
    conn: &mut DbConnection,
    acting: &Acting,
    input: &ProposalInput,
) -> Result<ProposalRow, ApiError> {
    let host = PersonRow::find(conn, input.person_id)?.filter(|p| p.anonymised_at.is_none());
    let Some(host) = host else {
        // The other fields are checked too, so that every error shows at once.
        let mut v = crate::error::Validator::new();
        super::check_proposal_text(conn, &mut v, &ProposalUpdate::from(input))?;
        v.add("person_id", Msg::UnknownPerson);
        v.finish()?;
        return Err(ApiError::field("person_id", Msg::UnknownPerson));
    };
    let fields = check_staff_fields(conn, &host, &ProposalUpdate::from(input))?;
    host_membership(conn, &host.id)?;
    let row = new_row(&host.id, &fields, ProposalSource::Staff, acting.by());
    insert(conn, &acting.actor, &row, &fields.passions)?;
    Ok(row)
}

/// Replaces a proposal's fields (not its host, status or level, which have their own steps).
pub async fn update(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    input: ProposalUpdate,
) -> Result<ProposalDetail, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let mut row = visible_proposal(conn, acting.coach.as_deref(), id)?;
            let host = PersonRow::get(conn, crate::db::stored_id(&row.person_id)?)?;
            let fields = check_staff_fields(conn, &host, &input)?;
            let before = row.clone();
            apply(&mut row, &fields);
            row.updated_at = crate::db::now();
            row.save(conn)?;
            store::set_passions(conn, &row.id, &fields.passions)?;
            audit_event(
                conn,
                &acting.actor,
                AuditAction::InteractProposalUpdated,
                "interact_proposal",
                &row.id,
                json!({ "changed": changed_fields(&before, &row) }),
            )?;
            detail(conn, &row)
        })
    })
    .await
}

/// Names of the fields a change touched (the audit keeps names, never values).
fn changed_fields(a: &ProposalRow, b: &ProposalRow) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |name: &'static str, changed: bool| {
        if changed {
            out.push(name);
        }
    };
    check("title", a.title != b.title);
    check("description", a.description != b.description);
    check("languages", a.languages != b.languages);
    check("availability", a.availability != b.availability);
    check(
        "availability_note",
        a.availability_note != b.availability_note,
    );
    check("needs", a.needs != b.needs);
    check("wants_cohost", a.wants_cohost != b.wants_cohost);
    check("cohost_id", a.cohost_id != b.cohost_id);
    check("coordinator_id", a.coordinator_id != b.coordinator_id);
    check("next_step", a.next_step != b.next_step);
    check("next_step_on", a.next_step_on != b.next_step_on);
    out
}

pub async fn get(db: &Db, acting: &Acting, id: Uuid) -> Result<ProposalDetail, ApiError> {
    let coach = acting.coach.clone();
    db.run(move |conn| {
        let row = visible_proposal(conn, coach.as_deref(), id)?;
        detail(conn, &row)
    })
    .await
}

/// One page of the board, newest first, and the total.
pub async fn list(
    db: &Db,
    acting: &Acting,
    mut q: ProposalQuery,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Proposal>, u64), ApiError> {
    q.coach = acting.coach.clone();
    db.run(move |conn| {
        let (rows, count) = ProposalRow::page(conn, &q, offset, limit)?;
        Ok((views(conn, &rows)?, u64::try_from(count).unwrap_or(0)))
    })
    .await
}

/// The passions the public form offers: the live tags of the vocabulary.
pub async fn passions(db: &Db) -> Result<Vec<Passion>, ApiError> {
    db.run(|conn| {
        crate::people::store::vocabulary::list(conn)?
            .into_iter()
            .map(|(t, _)| {
                Ok(Passion {
                    id: crate::db::stored_id(&t.id)?,
                    slug: t.slug,
                    category: t.category,
                    label_fr: t.label_fr,
                    label_en: t.label_en,
                    label_nl: t.label_nl,
                    label_ar: t.label_ar,
                })
            })
            .collect()
    })
    .await
}
