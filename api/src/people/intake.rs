//! Turning a public visitor into a person, for every public form: the policy is
//! [`crate::people::domain::intake`]; this applies it.

use shared::consent::{ConsentMethod, ConsentPurpose};
use shared::people::{PersonSource, PersonStatus};
use shared::Lang;
use uuid::Uuid;

use crate::db::DbConnection;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::{intake, Intake, IntakeForm, Matched, PersonData};
use crate::people::store::{self as people, ConsentRow, PersonRow};

/// The privacy notice the visitor accepted.
#[derive(Debug, Clone, Copy)]
pub struct Consent<'a> {
    pub notice_version: &'a str,
    pub lang: Lang,
}

/// What the policy decided for a visitor, before anything is written.
#[derive(Debug)]
pub enum Admission {
    /// An existing person, who must confirm (through a link sent to the address on their
    /// record) before anything is done in their name.
    Confirm(Box<PersonRow>),
    /// A new record, flagged when someone else matched: see [`create_visitor`].
    Create { possible_duplicate: Option<String> },
}

/// Applies the intake policy to a visitor's email and phone, inside the caller's write
/// transaction (which then holds the identity lock of `find_duplicate`).
pub fn decide(
    conn: &mut DbConnection,
    form: IntakeForm,
    data: &PersonData,
) -> Result<Admission, ApiError> {
    let found = people::find_duplicate(conn, data.email.as_deref(), data.phone.as_deref(), None)?;
    let (matched, row) = match found {
        Some(id) => {
            let row = PersonRow::get(conn, id.parse().map_err(|_| ApiError::NotFound)?)?;
            let reachable = row.anonymised_at.is_none()
                && row.email.as_deref().is_some_and(|e| !e.trim().is_empty());
            (Some(Matched { id, reachable }), Some(row))
        }
        None => (None, None),
    };
    Ok(match intake(form, matched) {
        Intake::Confirm(_) => Admission::Confirm(Box::new(row.ok_or(ApiError::NotFound)?)),
        Intake::Create { possible_duplicate } => Admission::Create { possible_duplicate },
    })
}

/// Creates the person a visitor's form describes: to review by the team, with the consent
/// given on the form.
pub fn create_visitor(
    conn: &mut DbConnection,
    data: &PersonData,
    consent: Consent<'_>,
    possible_duplicate: Option<String>,
) -> Result<PersonRow, ApiError> {
    let row = PersonRow::new(
        data,
        PersonSource::PublicSignup,
        PersonStatus::ToReview,
        possible_duplicate,
        None,
    );
    row.insert(conn)?;
    people::replace_children(conn, &row.id, data)?;
    ConsentRow {
        id: Uuid::now_v7().to_string(),
        person_id: row.id.clone(),
        purpose: ConsentPurpose::ProgrammeData,
        notice_version: consent.notice_version.to_owned(),
        notice_lang: consent.lang.code().to_owned(),
        method: ConsentMethod::WebForm,
        given_at: crate::db::now(),
        recorded_by: None,
        withdrawn_at: None,
        withdrawn_by: None,
    }
    .insert(conn)?;
    Ok(row)
}

/// The person a visitor turned out to be.
#[derive(Debug)]
pub struct Admitted {
    pub person: PersonRow,
    /// A new record (with its consent) was created.
    pub created: bool,
}

/// Creates the person behind a form that never acts for an existing record (an application:
/// the policy gives it a new record, flagged when someone matched).
pub fn admit_visitor(
    conn: &mut DbConnection,
    form: IntakeForm,
    data: &PersonData,
    consent: Consent<'_>,
) -> Result<Admitted, ApiError> {
    match decide(conn, form, data)? {
        // Not reached for an application; never act for an existing person unconfirmed.
        Admission::Confirm(_) => Err(anyhow::anyhow!("{form:?}: confirmation required").into()),
        Admission::Create { possible_duplicate } => Ok(Admitted {
            person: create_visitor(conn, data, consent, possible_duplicate)?,
            created: true,
        }),
    }
}

/// A filled honeypot (a field hidden from people) is a robot: every public form answers it as
/// usual and keeps nothing.
pub fn is_robot(honeypot: Option<&str>) -> bool {
    honeypot.is_some_and(|w| !w.trim().is_empty())
}

/// What every public form checks before anything is kept: the visitor agreed to the current
/// privacy notice.
pub fn check_consent(v: &mut Validator, consent: bool, notice_version: &str) {
    if !consent {
        v.add("consent", Msg::ConsentRequired);
    }
    if !crate::people::privacy::is_known_version(notice_version.trim()) {
        v.add("notice_version", Msg::InvalidValue);
    }
}

/// The person a public form describes, with the people feature's rules; its field errors go to
/// `v` (`None` then).
pub fn check_person(
    v: &mut Validator,
    input: &shared::people::PersonInput,
) -> Result<Option<PersonData>, ApiError> {
    match PersonData::parse(input) {
        Ok(d) => Ok(Some(d)),
        Err(ApiError::Validation(errors)) => {
            for (f, m) in errors {
                v.add(&f, m);
            }
            Ok(None)
        }
        Err(other) => Err(other),
    }
}
