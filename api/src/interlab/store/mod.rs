//! InterLab rows and their queries. Enum columns hold the `shared` wire enums directly.

pub mod cohort_activities;
pub mod diagnostics;
pub mod meetings;
pub mod mentoring;
pub mod milestones;
pub mod outcomes;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use shared::interlab::{ApplicationStatus, HeardVia, LegalForm, ProjectStage, TermKind};

use crate::db::schema::{
    interlab_applications, interlab_cohorts, interlab_entrepreneurs, interlab_terms, person_coaches,
};
use crate::db::DbConnection;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = interlab_terms, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct TermRow {
    pub id: String,
    pub kind: TermKind,
    pub slug: String,
    pub label_fr: String,
    pub label_en: String,
    pub label_nl: String,
    pub label_ar: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = interlab_cohorts, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct CohortRow {
    pub id: String,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = interlab_applications, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ApplicationRow {
    pub id: String,
    pub person_id: String,
    pub idea: String,
    pub heard_via: Option<HeardVia>,
    pub heard_via_detail: Option<String>,
    pub status: ApplicationStatus,
    pub decision_note: Option<String>,
    pub partner: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = interlab_entrepreneurs, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct EntrepreneurRow {
    pub id: String,
    pub person_id: String,
    pub application_id: Option<String>,
    pub project_name: String,
    pub project_description: Option<String>,
    pub sector_id: Option<String>,
    pub stage: ProjectStage,
    pub legal_form: LegalForm,
    pub target_date: Option<NaiveDate>,
    pub cohort_id: Option<String>,
    pub coach_id: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl TermRow {
    /// The terms of one vocabulary, by slug.
    pub fn list(conn: &mut DbConnection, kind: TermKind) -> QueryResult<Vec<TermRow>> {
        interlab_terms::table
            .filter(interlab_terms::kind.eq(kind))
            .order(interlab_terms::slug.asc())
            .select(TermRow::as_select())
            .load(conn)
    }

    /// A term of the vocabulary `kind` (a term of another vocabulary is not found).
    pub fn find(conn: &mut DbConnection, kind: TermKind, id: &str) -> QueryResult<Option<TermRow>> {
        interlab_terms::table
            .find(id)
            .filter(interlab_terms::kind.eq(kind))
            .select(TermRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interlab_terms::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(interlab_terms::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }
}

impl CohortRow {
    pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<CohortRow>> {
        interlab_cohorts::table
            .find(id)
            .select(CohortRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn get(conn: &mut DbConnection, id: &str) -> Result<CohortRow, ApiError> {
        Self::find(conn, id)?.ok_or(ApiError::NotFound)
    }

    /// Every cohort, the latest first.
    pub fn list(conn: &mut DbConnection) -> QueryResult<Vec<CohortRow>> {
        interlab_cohorts::table
            .order((
                interlab_cohorts::starts_on.desc(),
                interlab_cohorts::id.asc(),
            ))
            .select(CohortRow::as_select())
            .load(conn)
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interlab_cohorts::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(interlab_cohorts::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }
}

/// The people `coach` accompanies (the people feature's coach relation), as a subquery.
pub(crate) fn coached_people(
    coach: &str,
) -> diesel::dsl::Select<
    diesel::dsl::Filter<person_coaches::table, diesel::dsl::Eq<person_coaches::user_id, String>>,
    person_coaches::person_id,
> {
    person_coaches::table
        .filter(person_coaches::user_id.eq(coach.to_owned()))
        .select(person_coaches::person_id)
}

/// Entrepreneurs per cohort, only those `coach` accompanies when given.
pub fn cohort_sizes(
    conn: &mut DbConnection,
    coach: Option<&str>,
) -> QueryResult<HashMap<String, i64>> {
    let mut q = interlab_entrepreneurs::table
        .filter(interlab_entrepreneurs::cohort_id.is_not_null())
        .into_boxed();
    if let Some(coach) = coach {
        q = q.filter(interlab_entrepreneurs::person_id.eq_any(coached_people(coach)));
    }
    let rows: Vec<Option<String>> = q.select(interlab_entrepreneurs::cohort_id).load(conn)?;
    let mut sizes = HashMap::new();
    for id in rows.into_iter().flatten() {
        *sizes.entry(id).or_insert(0) += 1;
    }
    Ok(sizes)
}

impl ApplicationRow {
    pub fn get(conn: &mut DbConnection, id: &str) -> Result<ApplicationRow, ApiError> {
        interlab_applications::table
            .find(id)
            .select(ApplicationRow::as_select())
            .first(conn)
            .optional()?
            .ok_or(ApiError::NotFound)
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interlab_applications::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(interlab_applications::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }

    /// One page of applications, oldest first (the queue's order), and the total.
    pub fn page(
        conn: &mut DbConnection,
        status: Option<ApplicationStatus>,
        offset: i64,
        limit: i64,
    ) -> QueryResult<(Vec<ApplicationRow>, i64)> {
        let build = || {
            let mut q = interlab_applications::table.into_boxed();
            if let Some(s) = status {
                q = q.filter(interlab_applications::status.eq(s));
            }
            q
        };
        let count = build().count().get_result(conn)?;
        let rows = build()
            .order((
                interlab_applications::created_at.asc(),
                interlab_applications::id.asc(),
            ))
            .offset(offset)
            .limit(limit)
            .select(ApplicationRow::as_select())
            .load(conn)?;
        Ok((rows, count))
    }
}

/// The entrepreneur each application became, by application id.
pub fn entrepreneurs_of_applications(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<HashMap<String, String>> {
    let rows: Vec<(Option<String>, String)> = interlab_entrepreneurs::table
        .filter(interlab_entrepreneurs::application_id.eq_any(ids))
        .select((
            interlab_entrepreneurs::application_id,
            interlab_entrepreneurs::id,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(a, e)| a.map(|a| (a, e)))
        .collect())
}

/// Filters of the entrepreneurs list, ids as stored.
#[derive(Debug, Clone, Default)]
pub struct EntrepreneurQuery {
    pub cohort: Option<String>,
    pub stage: Option<ProjectStage>,
    pub sector: Option<String>,
    pub coach: Option<String>,
    /// Only those this coach accompanies (object-level scope).
    pub scope: Option<String>,
    /// Only these entrepreneurs (`true`) or all but these (`false`).
    pub ids: Option<(bool, Vec<String>)>,
}

impl EntrepreneurRow {
    pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<EntrepreneurRow>> {
        interlab_entrepreneurs::table
            .find(id)
            .select(EntrepreneurRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn of_person(
        conn: &mut DbConnection,
        person_id: &str,
    ) -> QueryResult<Option<EntrepreneurRow>> {
        interlab_entrepreneurs::table
            .filter(interlab_entrepreneurs::person_id.eq(person_id))
            .select(EntrepreneurRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interlab_entrepreneurs::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(interlab_entrepreneurs::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }

    /// One page of entrepreneurs by project name, and the total.
    pub fn page(
        conn: &mut DbConnection,
        f: &EntrepreneurQuery,
        offset: i64,
        limit: i64,
    ) -> QueryResult<(Vec<EntrepreneurRow>, i64)> {
        // A mentor's account sees the entrepreneurs of its active relations too.
        let mentored = match &f.scope {
            Some(v) => mentoring::mentored_by(conn, v)?,
            None => Vec::new(),
        };
        let build = || {
            let mut q = interlab_entrepreneurs::table.into_boxed();
            if let Some(v) = &f.cohort {
                q = q.filter(interlab_entrepreneurs::cohort_id.eq(v.clone()));
            }
            if let Some(v) = f.stage {
                q = q.filter(interlab_entrepreneurs::stage.eq(v));
            }
            if let Some(v) = &f.sector {
                q = q.filter(interlab_entrepreneurs::sector_id.eq(v.clone()));
            }
            if let Some(v) = &f.coach {
                q = q.filter(interlab_entrepreneurs::coach_id.eq(v.clone()));
            }
            match &f.ids {
                Some((true, ids)) => q = q.filter(interlab_entrepreneurs::id.eq_any(ids.clone())),
                Some((false, ids)) => q = q.filter(interlab_entrepreneurs::id.ne_all(ids.clone())),
                None => {}
            }
            if let Some(v) = &f.scope {
                q = q.filter(
                    interlab_entrepreneurs::person_id
                        .eq_any(coached_people(v))
                        .or(interlab_entrepreneurs::id.eq_any(mentored.clone())),
                );
            }
            q
        };
        let count = build().count().get_result(conn)?;
        let rows = build()
            .order((
                interlab_entrepreneurs::project_name.asc(),
                interlab_entrepreneurs::id.asc(),
            ))
            .offset(offset)
            .limit(limit)
            .select(EntrepreneurRow::as_select())
            .load(conn)?;
        Ok((rows, count))
    }
}

/// Names of cohorts by id.
pub fn cohort_names(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<HashMap<String, String>> {
    let rows: Vec<(String, String)> = interlab_cohorts::table
        .filter(interlab_cohorts::id.eq_any(ids))
        .select((interlab_cohorts::id, interlab_cohorts::name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// The terms of one vocabulary by id.
pub fn terms_by_id(
    conn: &mut DbConnection,
    kind: TermKind,
) -> QueryResult<HashMap<String, TermRow>> {
    Ok(TermRow::list(conn, kind)?
        .into_iter()
        .map(|s| (s.id.clone(), s))
        .collect())
}

/// The person's InterLab records, for the right of access.
pub fn export(
    conn: &mut DbConnection,
    person_id: &str,
) -> QueryResult<(Vec<ApplicationRow>, Vec<EntrepreneurRow>)> {
    let applications = interlab_applications::table
        .filter(interlab_applications::person_id.eq(person_id))
        .order(interlab_applications::created_at.asc())
        .select(ApplicationRow::as_select())
        .load(conn)?;
    let entrepreneurs = interlab_entrepreneurs::table
        .filter(interlab_entrepreneurs::person_id.eq(person_id))
        .select(EntrepreneurRow::as_select())
        .load(conn)?;
    Ok((applications, entrepreneurs))
}

/// Clears what the person wrote or what was written about them; the shape (status, stage,
/// sector, legal form, cohort) stays for the yearly figures.
pub fn anonymise(conn: &mut DbConnection, person_id: &str) -> QueryResult<()> {
    diesel::update(
        interlab_applications::table.filter(interlab_applications::person_id.eq(person_id)),
    )
    .set((
        interlab_applications::idea.eq(""),
        interlab_applications::heard_via_detail.eq(None::<String>),
        interlab_applications::decision_note.eq(None::<String>),
        interlab_applications::partner.eq(None::<String>),
    ))
    .execute(conn)?;
    diesel::update(
        interlab_entrepreneurs::table.filter(interlab_entrepreneurs::person_id.eq(person_id)),
    )
    .set((
        // A project's name often is the person's own name or their shop's.
        interlab_entrepreneurs::project_name.eq(""),
        interlab_entrepreneurs::project_description.eq(None::<String>),
    ))
    .execute(conn)?;
    Ok(())
}

/// The person's InterLab entrepreneur membership, if any.
pub fn membership(
    conn: &mut DbConnection,
    person_id: &str,
) -> QueryResult<Option<crate::people::store::MembershipRow>> {
    use crate::db::schema::memberships;
    use shared::people::{Programme, ProgrammeRole};
    memberships::table
        .filter(memberships::person_id.eq(person_id))
        .filter(memberships::programme.eq(Programme::Interlab))
        .filter(memberships::role.eq(ProgrammeRole::Entrepreneur))
        .order(memberships::created_at.desc())
        .select(crate::people::store::MembershipRow::as_select())
        .first(conn)
        .optional()
}

/// The InterLab membership status of each of these people.
pub fn membership_statuses(
    conn: &mut DbConnection,
    person_ids: &[String],
) -> QueryResult<HashMap<String, shared::people::MembershipStatus>> {
    use crate::db::schema::memberships;
    use shared::people::{MembershipStatus, Programme, ProgrammeRole};
    let rows: Vec<(String, MembershipStatus)> = memberships::table
        .filter(memberships::person_id.eq_any(person_ids))
        .filter(memberships::programme.eq(Programme::Interlab))
        .filter(memberships::role.eq(ProgrammeRole::Entrepreneur))
        .order(memberships::created_at.asc())
        .select((memberships::person_id, memberships::status))
        .load(conn)?;
    // The latest membership wins.
    Ok(rows.into_iter().collect())
}

/// Which of these people the public intake flagged as a possible duplicate of someone else.
pub fn possible_duplicates(
    conn: &mut DbConnection,
    person_ids: &[String],
) -> QueryResult<HashMap<String, bool>> {
    use crate::db::schema::people;
    let rows: Vec<(String, Option<String>)> = people::table
        .filter(people::id.eq_any(person_ids))
        .select((people::id, people::possible_duplicate_of))
        .load(conn)?;
    Ok(rows.into_iter().map(|(id, d)| (id, d.is_some())).collect())
}
