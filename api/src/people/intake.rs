//! Turning a public visitor into a person, for every public form: the policy is
//! [`crate::people::domain::intake`]; this applies it.

use shared::consent::{ConsentMethod, ConsentPurpose};
use shared::people::{PersonSource, PersonStatus};
use shared::Lang;
use uuid::Uuid;

use crate::db::DbConnection;
use crate::error::ApiError;
use crate::people::domain::{intake, Intake, IntakeForm, PersonData};
use crate::people::store::{self as people, ConsentRow, PersonRow};

/// The privacy notice the visitor accepted.
#[derive(Debug, Clone, Copy)]
pub struct Consent<'a> {
    pub notice_version: &'a str,
    pub lang: Lang,
}

/// The person a visitor turned out to be.
#[derive(Debug)]
pub struct Admitted {
    pub person: PersonRow,
    /// A new record (with its consent) was created.
    pub created: bool,
}

/// Finds or creates the person behind a public form, inside the caller's write transaction. A
/// new person is to review by the team and carries the consent given on the form; an existing
/// one is left as it is.
pub fn admit_visitor(
    conn: &mut DbConnection,
    form: IntakeForm,
    data: &PersonData,
    consent: Consent<'_>,
) -> Result<Admitted, ApiError> {
    let matched = people::find_duplicate(conn, data.email.as_deref(), data.phone.as_deref(), None)?;
    match intake(form, matched) {
        Intake::Reuse(id) => {
            let id: Uuid = id.parse().map_err(|_| ApiError::NotFound)?;
            Ok(Admitted {
                person: PersonRow::get(conn, id)?,
                created: false,
            })
        }
        Intake::Create { possible_duplicate } => {
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
            Ok(Admitted {
                person: row,
                created: true,
            })
        }
    }
}
