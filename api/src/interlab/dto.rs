//! InterLab rows → `shared::interlab` wire types. Names and labels come from look-ups the
//! service loads once per answer.

use std::collections::HashMap;

use shared::interlab::{Application, Cohort, Entrepreneur, Project, Term};
use shared::people::MembershipStatus;
use shared::Lang;

use crate::db::stored_id as uuid;
use crate::error::ApiError;
use crate::interlab::store::{ApplicationRow, CohortRow, EntrepreneurRow, TermRow};

fn opt_uuid(id: Option<&String>) -> Result<Option<uuid::Uuid>, ApiError> {
    id.map(|s| uuid(s)).transpose()
}

pub fn term(row: &TermRow) -> Result<Term, ApiError> {
    Ok(Term {
        id: uuid(&row.id)?,
        kind: row.kind,
        slug: row.slug.clone(),
        label_fr: row.label_fr.clone(),
        label_en: row.label_en.clone(),
        label_nl: row.label_nl.clone(),
        label_ar: row.label_ar.clone(),
    })
}

/// A term's label in `lang`.
pub fn label(row: &TermRow, lang: Lang) -> String {
    match lang {
        Lang::Fr => &row.label_fr,
        Lang::En => &row.label_en,
        Lang::Nl => &row.label_nl,
        Lang::Ar => &row.label_ar,
    }
    .clone()
}

pub fn cohort(row: &CohortRow, entrepreneurs: i64) -> Result<Cohort, ApiError> {
    Ok(Cohort {
        id: uuid(&row.id)?,
        name: row.name.clone(),
        starts_on: row.starts_on,
        ends_on: row.ends_on,
        entrepreneurs: u64::try_from(entrepreneurs).unwrap_or(0),
    })
}

/// Names and labels an answer about applications and entrepreneurs needs.
#[derive(Debug, Default)]
pub struct Lookups {
    pub people: HashMap<String, String>,
    pub staff: HashMap<String, String>,
    pub cohorts: HashMap<String, String>,
    pub sectors: HashMap<String, TermRow>,
    pub memberships: HashMap<String, MembershipStatus>,
    /// Entrepreneur id by application id.
    pub entrepreneurs: HashMap<String, String>,
    /// Applications whose person may duplicate someone else's record.
    pub duplicates: HashMap<String, bool>,
    /// Overdue milestones by entrepreneur id.
    pub overdue: HashMap<String, i64>,
    pub lang: Option<Lang>,
}

impl Lookups {
    fn person(&self, id: &str) -> String {
        self.people.get(id).cloned().unwrap_or_default()
    }
}

pub fn application(row: &ApplicationRow, l: &Lookups) -> Result<Application, ApiError> {
    Ok(Application {
        id: uuid(&row.id)?,
        person_id: uuid(&row.person_id)?,
        display_name: l.person(&row.person_id),
        possible_duplicate: l.duplicates.get(&row.person_id).copied().unwrap_or(false),
        idea: row.idea.clone(),
        heard_via: row.heard_via,
        heard_via_detail: row.heard_via_detail.clone(),
        status: row.status,
        decision_note: row.decision_note.clone(),
        partner: row.partner.clone(),
        decided_at: row.decided_at.map(|t| t.and_utc()),
        decided_by_name: row
            .decided_by
            .as_ref()
            .and_then(|u| l.staff.get(u).cloned()),
        entrepreneur_id: opt_uuid(l.entrepreneurs.get(&row.id))?,
        created_at: row.created_at.and_utc(),
    })
}

pub fn entrepreneur(row: &EntrepreneurRow, l: &Lookups) -> Result<Entrepreneur, ApiError> {
    let lang = l.lang.unwrap_or(Lang::Fr);
    let sector = row.sector_id.as_ref().and_then(|s| l.sectors.get(s));
    Ok(Entrepreneur {
        id: uuid(&row.id)?,
        person_id: uuid(&row.person_id)?,
        display_name: l.person(&row.person_id),
        project: Project {
            name: row.project_name.clone(),
            description: row.project_description.clone(),
            sector_id: opt_uuid(row.sector_id.as_ref())?,
            sector_label: sector.map(|s| label(s, lang)),
            stage: row.stage,
            legal_form: row.legal_form,
            target_date: row.target_date,
        },
        cohort_id: opt_uuid(row.cohort_id.as_ref())?,
        cohort_name: row
            .cohort_id
            .as_ref()
            .and_then(|c| l.cohorts.get(c).cloned()),
        coach_id: opt_uuid(row.coach_id.as_ref())?,
        coach_name: row.coach_id.as_ref().and_then(|c| l.staff.get(c).cloned()),
        membership_status: l.memberships.get(&row.person_id).copied(),
        application_id: opt_uuid(row.application_id.as_ref())?,
        overdue_milestones: u64::try_from(l.overdue.get(&row.id).copied().unwrap_or(0))
            .unwrap_or(0),
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}
