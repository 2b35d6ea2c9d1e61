//! The partner side (scope `trainings:register`): courses open to partner staff, and the
//! organisation's registrations of its own staff, made through the same rules as the team's.

use shared::trainings::{
    PartnerRegistration, PartnerStaffMember, PartnerTraineeInput, TraineeSource,
};
use shared::Lang;
use uuid::Uuid;

use super::courses::load;
use crate::activities::service::Idempotency;
use crate::db::{stored_id, write_transaction, DbConnection};
use crate::error::ApiError;
use crate::http::partner::Partner;
use crate::i18n::Msg;
use crate::people::store::PersonRow;
use crate::trainings::store::{CourseRow, TraineeRow};

/// Courses open to partners, the latest first.
pub fn open_courses(
    conn: &mut DbConnection,
    lang: Lang,
) -> Result<Vec<shared::trainings::Course>, ApiError> {
    super::courses::list(conn, None, true, lang)
}

fn registration(conn: &mut DbConnection, t: &TraineeRow) -> Result<PartnerRegistration, ApiError> {
    let l = load(conn, &t.course_id)?;
    let status = super::trainees::statuses(conn, &l)?
        .into_iter()
        .find(|(x, _)| x.id == t.id)
        .map(|(_, s)| s)
        .ok_or(ApiError::NotFound)?;
    let (attended, done, _) = super::trainees::completion_of(conn, &l, &t.person_id)?;
    Ok(PartnerRegistration {
        id: stored_id(&t.id)?,
        course_id: stored_id(&t.course_id)?,
        person_id: stored_id(&t.person_id)?,
        status,
        hours_attended: crate::trainings::domain::minutes_to_hours(attended),
        completed: done && t.cancelled_at.is_none(),
        created_at: t.created_at.and_utc(),
    })
}

/// Registers one of the organisation's own staff to an open course. A person who is not
/// affiliated to the organisation (or does not exist) is refused on `person_id` with the same
/// answer; a course not open to partners is not found. The answer is kept under the
/// `Idempotency-Key`, if any, for 24 hours. Returns the HTTP status and JSON body.
pub fn register(
    conn: &mut DbConnection,
    partner: &Partner,
    course: Uuid,
    input: &PartnerTraineeInput,
    retry: Option<&Idempotency>,
) -> Result<(i32, String), ApiError> {
    let request_hash = crate::accounts::tokens::hash(&format!("{course}:{}", input.person_id));
    write_transaction(conn, |conn| {
        if let Some(k) = retry {
            crate::db::lock::xact_lock(conn, &format!("idempotency:{}:{}", k.scope, k.key))?;
            if let Some(answer) =
                crate::activities::store::idempotent_response(conn, &k.scope, &k.key)?
            {
                if answer.request_hash != request_hash {
                    return Err(ApiError::field(
                        "Idempotency-Key",
                        Msg::IdempotencyKeyReused,
                    ));
                }
                return Ok((answer.status, answer.body));
            }
        }
        let course_row = CourseRow::find(conn, &course.to_string())?
            .filter(|c| c.open_to_partners)
            .ok_or(ApiError::NotFound)?;
        let l = load(conn, &course_row.id)?;
        let person = input.person_id.to_string();
        let affiliated =
            crate::partners::store::find_affiliation(conn, &partner.organisation_id, &person)?
                .is_some();
        let person = PersonRow::find(conn, input.person_id)?
            .filter(|p| affiliated && p.anonymised_at.is_none())
            .ok_or_else(|| ApiError::field("person_id", Msg::NotAffiliated))?;
        let row = super::trainees::register_in(
            conn,
            &l,
            &person,
            Some(partner.organisation_id.clone()),
            TraineeSource::Partner,
            Some(format!("client:{}", partner.client_id)),
            &partner.actor,
        )?;
        let body = serde_json::to_string(&registration(conn, &row)?)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        if let Some(k) = retry {
            crate::activities::store::store_idempotent_response(
                conn,
                &k.scope,
                &k.key,
                &request_hash,
                201,
                &body,
            )?;
        }
        Ok((201, body))
    })
}

/// The organisation's own staff, by first name: the people it may register.
pub fn staff(
    conn: &mut DbConnection,
    partner: &Partner,
) -> Result<Vec<PartnerStaffMember>, ApiError> {
    crate::partners::store::contacts(conn, &partner.organisation_id)?
        .into_iter()
        .map(|c| {
            Ok(PartnerStaffMember {
                person_id: stored_id(&c.person_id)?,
                name: crate::people::domain::display_name(
                    &c.first_name,
                    c.last_name.as_deref(),
                    c.preferred_name.as_deref(),
                ),
                role: c.role,
            })
        })
        .collect()
}

/// The organisation's registrations, the latest first.
pub fn list(
    conn: &mut DbConnection,
    partner: &Partner,
) -> Result<Vec<PartnerRegistration>, ApiError> {
    TraineeRow::of_organisation(conn, &partner.organisation_id)?
        .iter()
        .map(|t| registration(conn, t))
        .collect()
}

/// Cancels one of the organisation's registrations (another's: not found): every seat is
/// freed and the waiting list moves up.
pub fn cancel(
    conn: &mut DbConnection,
    partner: &Partner,
    course: Uuid,
    id: Uuid,
) -> Result<PartnerRegistration, ApiError> {
    write_transaction(conn, |conn| {
        let l = load(conn, &course.to_string())?;
        let t = super::trainees::withdraw_in(
            conn,
            &l,
            &id.to_string(),
            Some(&partner.organisation_id),
            &partner.actor,
        )?;
        registration(conn, &t)
    })
}
