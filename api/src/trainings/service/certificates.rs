//! Certificates of attendance: issued to trainees who completed a course (refused below the
//! module's rule, with the hours missing), drawn as PDF on demand, revoked by staff, and
//! checked by anyone through their verification code.

use rand::RngCore;
use serde_json::json;
use shared::trainings::{CertificateCheck, CertificateSummary, IssueInput, TraineeStatus};
use shared::Lang;
use uuid::Uuid;

use super::courses::{load, Loaded};
use crate::activities::dto::pick;
use crate::audit::{audit_event, Actor, AuditAction};
use crate::db::{stored_id, write_transaction, DbConnection};
use crate::error::ApiError;
use crate::i18n::Msg;
use crate::people::store::PersonRow;
use crate::trainings::domain;
use crate::trainings::pdf::{self, CertificateText};
use crate::trainings::store::{CertificateRow, TraineeRow};

/// Who issues the certificates, as printed on them.
pub const ISSUER: &str = "Interra ASBL";

pub fn lang_of(code: &str) -> Lang {
    Lang::ALL
        .into_iter()
        .find(|l| l.code() == code)
        .unwrap_or_default()
}

pub fn summary(c: &CertificateRow) -> Result<CertificateSummary, ApiError> {
    Ok(CertificateSummary {
        id: stored_id(&c.id)?,
        code: c.code.clone(),
        language: lang_of(&c.language),
        issued_at: c.issued_at.and_utc(),
        revoked: c.revoked_at.is_some(),
    })
}

/// The public address where a certificate is checked.
pub fn verify_url(public_url: &str, code: &str) -> String {
    format!("{}/certificates/{code}", public_url.trim_end_matches('/'))
}

/// Issues certificates: to `person_id` (refused below the attendance rule with the hours
/// missing, or when they already hold one), or to every trainee who completed and holds none.
/// A revoked certificate is replaced by a new one with a new code.
pub fn issue(
    conn: &mut DbConnection,
    course: Uuid,
    input: &IssueInput,
    by: Option<String>,
    actor: &Actor,
    lang: Lang,
) -> Result<Vec<CertificateSummary>, ApiError> {
    write_transaction(conn, |conn| issue_in(conn, course, input, by, actor, lang))
}

/// [`issue`] inside the caller's write transaction (the demo loader).
pub fn issue_in(
    conn: &mut DbConnection,
    course: Uuid,
    input: &IssueInput,
    by: Option<String>,
    actor: &Actor,
    lang: Lang,
) -> Result<Vec<CertificateSummary>, ApiError> {
    let l = load(conn, &course.to_string())?;
    if !l.module.certificate {
        return Err(ApiError::Conflict {
            msg: Msg::NoCertificate,
            field: None,
        });
    }
    let trainees = super::trainees::statuses(conn, &l)?;
    let language = input.language.unwrap_or_default();
    let mut out = Vec::new();
    match input.person_id {
        Some(p) => {
            let p = p.to_string();
            let (t, _) = trainees
                .iter()
                .find(|(t, s)| t.person_id == p && *s != TraineeStatus::Cancelled)
                .ok_or_else(|| ApiError::field("person_id", Msg::NotFound))?;
            let (attended, done, missing) = super::trainees::completion_of(conn, &l, &p)?;
            if !done {
                return Err(ApiError::field(
                    "person_id",
                    Msg::HoursMissing(pdf::hours_text(missing.max(1), lang)),
                ));
            }
            let existing = CertificateRow::of_course(conn, &l.course.id)?
                .into_iter()
                .find(|c| c.person_id == p);
            if existing.as_ref().is_some_and(|c| c.revoked_at.is_none()) {
                return Err(ApiError::Conflict {
                    msg: Msg::DuplicateEntry,
                    field: Some("person_id"),
                });
            }
            out.push(issue_one(
                conn, &l, t, attended, language, by, actor, existing,
            )?);
        }
        None => {
            let held: Vec<CertificateRow> = CertificateRow::of_course(conn, &l.course.id)?;
            for (t, s) in &trainees {
                if *s == TraineeStatus::Cancelled {
                    continue;
                }
                let existing = held.iter().find(|c| c.person_id == t.person_id).cloned();
                if existing.as_ref().is_some_and(|c| c.revoked_at.is_none()) {
                    continue;
                }
                let (attended, done, _) = super::trainees::completion_of(conn, &l, &t.person_id)?;
                if done {
                    out.push(issue_one(
                        conn,
                        &l,
                        t,
                        attended,
                        language,
                        by.clone(),
                        actor,
                        existing,
                    )?);
                }
            }
        }
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn issue_one(
    conn: &mut DbConnection,
    l: &Loaded,
    t: &TraineeRow,
    attended: i64,
    language: Lang,
    by: Option<String>,
    actor: &Actor,
    replaced: Option<CertificateRow>,
) -> Result<CertificateSummary, ApiError> {
    if let Some(old) = replaced {
        diesel::delete(crate::db::schema::training_certificates::table.find(&old.id))
            .execute(conn)?;
    }
    let mut random = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut random);
    let code = domain::new_code(&random);
    let row = CertificateRow {
        id: Uuid::now_v7().to_string(),
        course_id: l.course.id.clone(),
        person_id: t.person_id.clone(),
        code_hash: crate::accounts::tokens::hash(&code),
        code,
        language: language.code().to_owned(),
        minutes: i32::try_from(attended).unwrap_or(i32::MAX),
        issued_by: by,
        issued_at: crate::db::now(),
        revoked_at: None,
        revoked_by: None,
        revoke_reason: None,
    };
    row.insert(conn)?;
    audit_event(
        conn,
        actor,
        AuditAction::TrainingCertificateIssued,
        "training_certificate",
        &row.id,
        json!({ "course": l.course.id, "person": t.person_id, "minutes": row.minutes }),
    )?;
    summary(&row)
}

use diesel::{QueryDsl, RunQueryDsl};

fn text_of(
    conn: &mut DbConnection,
    l: &Loaded,
    c: &CertificateRow,
    public_url: &str,
) -> Result<CertificateText, ApiError> {
    let lang = lang_of(&c.language);
    let name = crate::people::store::names(conn, std::slice::from_ref(&c.person_id))?
        .remove(&c.person_id)
        .unwrap_or_default();
    let organisation = TraineeRow::find(conn, &c.course_id, &c.person_id)?
        .and_then(|t| t.organisation_id)
        .map(|o| crate::trainings::store::organisation_names(conn, &[o]))
        .transpose()?
        .and_then(|m| m.into_values().next());
    Ok(CertificateText {
        lang,
        name,
        module: pick(&l.module.title.0, lang.code()),
        starts_on: l.course.starts_on,
        ends_on: l.course.ends_on,
        minutes: i64::from(c.minutes),
        organisation,
        issuer: ISSUER.to_owned(),
        code: c.code.clone(),
        url: verify_url(public_url, &c.code),
    })
}

/// One certificate as PDF (a revoked one is not found), with its file name.
pub fn pdf_one(
    conn: &mut DbConnection,
    id: Uuid,
    public_url: &str,
    actor: &Actor,
) -> Result<(String, Vec<u8>), ApiError> {
    let c = CertificateRow::get(conn, &id.to_string())?
        .filter(|c| c.revoked_at.is_none())
        .ok_or(ApiError::NotFound)?;
    let l = load(conn, &c.course_id)?;
    let text = text_of(conn, &l, &c, public_url)?;
    let bytes = pdf::render(std::slice::from_ref(&text))?;
    audit_event(
        conn,
        actor,
        AuditAction::TrainingCertificateDownloaded,
        "training_certificate",
        &c.id,
        json!({}),
    )?;
    Ok((format!("certificate-{}.pdf", c.code), bytes))
}

/// Every valid certificate of a course in one PDF, a page each (none: not found).
pub fn pdf_course(
    conn: &mut DbConnection,
    course: Uuid,
    public_url: &str,
    actor: &Actor,
) -> Result<Vec<u8>, ApiError> {
    let l = load(conn, &course.to_string())?;
    let certificates: Vec<CertificateRow> = CertificateRow::of_course(conn, &l.course.id)?
        .into_iter()
        .filter(|c| c.revoked_at.is_none())
        .collect();
    if certificates.is_empty() {
        return Err(ApiError::NotFound);
    }
    let texts = certificates
        .iter()
        .map(|c| text_of(conn, &l, c, public_url))
        .collect::<Result<Vec<_>, _>>()?;
    let bytes = pdf::render(&texts)?;
    audit_event(
        conn,
        actor,
        AuditAction::TrainingCertificateDownloaded,
        "training_course",
        &l.course.id,
        json!({ "certificates": certificates.len() }),
    )?;
    Ok(bytes)
}

/// Revokes a certificate: its code stops answering at once. Already revoked: a conflict.
pub fn revoke(
    conn: &mut DbConnection,
    id: Uuid,
    reason: &str,
    by: &str,
    actor: &Actor,
) -> Result<CertificateSummary, ApiError> {
    let reason = crate::people::domain::required_text(reason, 500)
        .map_err(|m| ApiError::field("reason", m))?;
    write_transaction(conn, |conn| {
        let c = CertificateRow::get(conn, &id.to_string())?.ok_or(ApiError::NotFound)?;
        if CertificateRow::revoke(conn, &c.id, by, &reason, crate::db::now())? == 0 {
            return Err(ApiError::Conflict {
                msg: Msg::InvalidValue,
                field: Some("status"),
            });
        }
        audit_event(
            conn,
            actor,
            AuditAction::TrainingCertificateRevoked,
            "training_certificate",
            &c.id,
            json!({ "reason": reason }),
        )?;
        let c = CertificateRow::get(conn, &c.id)?.ok_or(ApiError::NotFound)?;
        summary(&c)
    })
}

/// What the public check shows of a genuine certificate. The code typed is hashed and looked
/// up through the unique index on the hash, whatever it is: an unknown, malformed or revoked
/// code takes the same path and answers not found.
pub fn check(conn: &mut DbConnection, raw: &str) -> Result<CertificateCheck, ApiError> {
    let code = domain::normalise_code(raw).unwrap_or_else(|| raw.to_owned());
    let c = CertificateRow::by_hash(conn, &crate::accounts::tokens::hash(&code))?
        .filter(|c| c.revoked_at.is_none())
        .ok_or(ApiError::NotFound)?;
    let l = load(conn, &c.course_id)?;
    let lang = lang_of(&c.language);
    let person = PersonRow::find(conn, stored_id(&c.person_id)?)?.ok_or(ApiError::NotFound)?;
    if person.anonymised_at.is_some() {
        return Err(ApiError::NotFound);
    }
    Ok(CertificateCheck {
        name: crate::people::domain::display_name(
            &person.first_name,
            person.last_name.as_deref(),
            person.preferred_name.as_deref(),
        ),
        module: pick(&l.module.title.0, lang.code()),
        starts_on: l.course.starts_on,
        ends_on: l.course.ends_on,
        hours: domain::minutes_to_hours(i64::from(c.minutes)),
        issued_on: c.issued_at.date(),
    })
}
