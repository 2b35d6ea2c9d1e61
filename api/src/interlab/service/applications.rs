//! Applications: the public form "Je veux créer mon activité" and the team's review queue.
//! Accepting one makes the person an InterLab entrepreneur with their project.

use serde_json::json;
use shared::interlab::{
    Application, ApplicationDecision, ApplicationInput, ApplicationStatus, Entrepreneur, HeardVia,
};
use shared::people::{MembershipStatus, Programme, ProgrammeRole};
use shared::Lang;
use uuid::Uuid;

use super::{entrepreneurs, unique, Acting};
use crate::audit::{audit_event, Actor, AuditAction};
use crate::db::{lock_rows, write_transaction, Db, DbConnection};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::interlab::domain::{
    decide as next_status, DecisionData, ProjectData, HEARD_VIA_DETAIL_MAX, IDEA_MAX,
};
use crate::interlab::dto::{self, Lookups};
use crate::interlab::store::{self, ApplicationRow, EntrepreneurRow};
use crate::people::domain::{optional_text, required_text, IntakeForm, PersonData};
use crate::people::intake::{admit_visitor, Consent};
use crate::people::store::{MembershipRow, PersonRow};

/// A visitor's application, checked already.
#[derive(Debug)]
pub struct ApplyForm {
    pub person: PersonData,
    pub idea: String,
    pub heard_via: Option<HeardVia>,
    pub heard_via_detail: Option<String>,
    pub notice_version: String,
    pub lang: Lang,
}

/// Records a public application: the person comes from the people feature's intake (a new
/// record to review, flagged when someone else has the same email or phone), with an applied
/// InterLab membership and the application in the queue.
pub async fn apply(db: &Db, form: ApplyForm, actor: Actor) -> Result<(), ApiError> {
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
            let now = crate::db::now();
            applied_membership(&person.id, now).insert(conn)?;
            let row = ApplicationRow {
                id: Uuid::now_v7().to_string(),
                person_id: person.id.clone(),
                idea: form.idea.clone(),
                heard_via: form.heard_via,
                heard_via_detail: form.heard_via_detail.clone(),
                status: ApplicationStatus::Pending,
                decision_note: None,
                partner: None,
                decided_by: None,
                decided_at: None,
                created_at: now,
                updated_at: now,
            };
            row.insert(conn)?;
            // On the person, so that anonymisation clears the visitor's address with the rest.
            audit_event(
                conn,
                &actor,
                AuditAction::InterlabApplied,
                "person",
                &person.id,
                json!({
                    "application_id": row.id,
                    "possible_duplicate": person.possible_duplicate_of.is_some(),
                }),
            )
        })
    })
    .await
}

/// Records an application the team took for a known person (in person, from a partner).
pub async fn record(
    db: &Db,
    acting: &Acting,
    input: ApplicationInput,
) -> Result<Application, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let row = record_in(conn, &acting, &input)?;
            views(conn, &[row])?.pop().ok_or(ApiError::NotFound)
        })
    })
    .await
}

/// [`record`] inside the caller's transaction (the demo loader's too).
pub fn record_in(
    conn: &mut DbConnection,
    acting: &Acting,
    input: &ApplicationInput,
) -> Result<ApplicationRow, ApiError> {
    let mut v = Validator::new();
    let idea = v.check("idea", required_text(&input.idea, IDEA_MAX));
    let detail = v.check(
        "heard_via_detail",
        optional_text(input.heard_via_detail.as_deref(), HEARD_VIA_DETAIL_MAX),
    );
    v.finish()?;
    let (Some(idea), Some(heard_via_detail)) = (idea, detail) else {
        return Err(anyhow::anyhow!("validated application fields missing").into());
    };
    let person = PersonRow::find(conn, input.person_id)?
        .filter(|p| p.anonymised_at.is_none())
        .ok_or_else(|| ApiError::field("person_id", Msg::UnknownPerson))?;
    let now = crate::db::now();
    if store::membership(conn, &person.id)?.is_none() {
        applied_membership(&person.id, now).insert(conn)?;
    }
    let row = ApplicationRow {
        id: Uuid::now_v7().to_string(),
        person_id: person.id.clone(),
        idea,
        heard_via: input.heard_via,
        heard_via_detail,
        status: ApplicationStatus::Pending,
        decision_note: None,
        partner: None,
        decided_by: None,
        decided_at: None,
        created_at: now,
        updated_at: now,
    };
    row.insert(conn)?;
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InterlabApplied,
        "person",
        &person.id,
        json!({ "application_id": row.id, "recorded_by_staff": true }),
    )?;
    Ok(row)
}

fn applied_membership(person_id: &str, now: chrono::NaiveDateTime) -> MembershipRow {
    MembershipRow {
        id: Uuid::now_v7().to_string(),
        person_id: person_id.to_owned(),
        programme: Programme::Interlab,
        role: ProgrammeRole::Entrepreneur,
        status: MembershipStatus::Applied,
        started_on: now.date(),
        ended_on: None,
        created_at: now,
        updated_at: now,
    }
}

fn lookups(conn: &mut DbConnection, rows: &[ApplicationRow]) -> Result<Lookups, ApiError> {
    let people = unique(rows.iter().map(|r| r.person_id.clone()));
    Ok(Lookups {
        people: crate::people::store::names(conn, &people)?,
        duplicates: store::possible_duplicates(conn, &people)?,
        staff: crate::audit::actor_names(
            conn,
            &unique(rows.iter().filter_map(|r| r.decided_by.clone())),
        )?,
        entrepreneurs: store::entrepreneurs_of_applications(
            conn,
            &rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>(),
        )?,
        ..Lookups::default()
    })
}

fn views(conn: &mut DbConnection, rows: &[ApplicationRow]) -> Result<Vec<Application>, ApiError> {
    let l = lookups(conn, rows)?;
    rows.iter().map(|r| dto::application(r, &l)).collect()
}

/// One page of the queue, oldest first, and the total.
pub async fn list(
    db: &Db,
    status: Option<ApplicationStatus>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Application>, u64), ApiError> {
    db.run(move |conn| {
        let (rows, count) = ApplicationRow::page(conn, status, offset, limit)?;
        Ok((views(conn, &rows)?, u64::try_from(count).unwrap_or(0)))
    })
    .await
}

pub async fn get(db: &Db, id: Uuid) -> Result<Application, ApiError> {
    db.run(move |conn| {
        let row = ApplicationRow::get(conn, &id.to_string())?;
        views(conn, &[row])?.pop().ok_or(ApiError::NotFound)
    })
    .await
}

/// What a decision produced: the application, and the entrepreneur when accepted.
#[derive(Debug)]
pub struct Decided {
    pub application: Application,
    pub entrepreneur: Option<Entrepreneur>,
}

/// Accepts an application into a cohort, keeps it on the waiting list, or redirects the person
/// to a partner, in one transaction. Accepting makes the InterLab membership active and creates
/// the entrepreneur with their project (and the coach relation when a coach is named).
pub async fn decide(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    input: shared::interlab::DecisionInput,
) -> Result<Decided, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let (row, entrepreneur) = decide_in(conn, &acting, id, &input)?;
            let application = views(conn, &[row])?.pop().ok_or(ApiError::NotFound)?;
            let entrepreneur = match entrepreneur {
                Some(e) => Some(entrepreneurs::view(conn, &e, acting.lang)?),
                None => None,
            };
            Ok(Decided {
                application,
                entrepreneur,
            })
        })
    })
    .await
}

/// [`decide`] inside the caller's transaction (the demo loader's too).
pub fn decide_in(
    conn: &mut DbConnection,
    acting: &Acting,
    id: Uuid,
    input: &shared::interlab::DecisionInput,
) -> Result<(ApplicationRow, Option<EntrepreneurRow>), ApiError> {
    let data = DecisionData::parse(input)?;
    let id = id.to_string();
    // Two coordinators deciding at once take turns (PostgreSQL; SQLite holds the lock).
    lock_rows(
        conn,
        "SELECT id FROM interlab_applications WHERE id = $1 FOR UPDATE",
        &id,
    )?;
    let mut row = ApplicationRow::get(conn, &id)?;
    let status = next_status(row.status, data.decision).map_err(|msg| ApiError::Conflict {
        msg,
        field: Some("decision"),
    })?;
    let now = crate::db::now();
    row.status = status;
    row.decision_note = data.note.clone();
    row.partner = data.partner.clone();
    row.decided_by = Some(acting.user_id.to_string());
    row.decided_at = Some(now);
    row.updated_at = now;
    row.save(conn)?;
    let entrepreneur = match (&data.project, data.decision) {
        (Some(project), ApplicationDecision::Accept) => Some(accept(conn, acting, &row, project)?),
        _ => None,
    };
    if data.decision == ApplicationDecision::Redirect {
        if let Some(mut m) = store::membership(conn, &row.person_id)? {
            m.status = MembershipStatus::Withdrawn;
            m.ended_on = Some(now.date());
            m.save(conn)?;
        }
    }
    audit_event(
        conn,
        &acting.actor,
        AuditAction::InterlabApplicationDecided,
        "interlab_application",
        &row.id,
        json!({
            "decision": data.decision.as_str(),
            "status": status.as_str(),
            "entrepreneur_id": entrepreneur.as_ref().map(|e| e.id.clone()),
        }),
    )?;
    Ok((row, entrepreneur))
}

/// The entrepreneur an accepted application becomes.
fn accept(
    conn: &mut DbConnection,
    acting: &Acting,
    application: &ApplicationRow,
    project: &ProjectData,
) -> Result<EntrepreneurRow, ApiError> {
    if EntrepreneurRow::of_person(conn, &application.person_id)?.is_some() {
        return Err(ApiError::Conflict {
            msg: Msg::AlreadyEntrepreneur,
            field: Some("decision"),
        });
    }
    entrepreneurs::check_references(conn, "entrepreneur.", project)?;
    let now = crate::db::now();
    match store::membership(conn, &application.person_id)? {
        Some(mut m) => {
            m.status = MembershipStatus::Active;
            m.ended_on = None;
            m.save(conn)?;
        }
        None => MembershipRow {
            id: Uuid::now_v7().to_string(),
            person_id: application.person_id.clone(),
            programme: Programme::Interlab,
            role: ProgrammeRole::Entrepreneur,
            status: MembershipStatus::Active,
            started_on: now.date(),
            ended_on: None,
            created_at: now,
            updated_at: now,
        }
        .insert(conn)?,
    }
    let row = EntrepreneurRow {
        id: Uuid::now_v7().to_string(),
        person_id: application.person_id.clone(),
        application_id: Some(application.id.clone()),
        project_name: project.name.clone(),
        project_description: project.description.clone(),
        sector_id: project.sector_id.map(|s| s.to_string()),
        stage: project.stage,
        legal_form: project.legal_form,
        target_date: project.target_date,
        cohort_id: project.cohort_id.map(|c| c.to_string()),
        coach_id: project.coach_id.map(|c| c.to_string()),
        created_at: now,
        updated_at: now,
    };
    row.insert(conn)?;
    entrepreneurs::accompany(conn, &acting.actor, &row)?;
    Ok(row)
}
