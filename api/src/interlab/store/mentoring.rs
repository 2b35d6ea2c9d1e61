//! Rows and queries of mentoring: the directory, the relations and the office hours.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use shared::interlab::{MentorRole, MentorshipEndReason, MentorshipStatus, NeedDomain, SlotStatus};

use crate::db::schema::{
    interlab_entrepreneurs, interlab_mentors, interlab_mentorships, interlab_office_hours, people,
    person_languages,
};
use crate::db::{DbConnection, JsonText};
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = interlab_mentors, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct MentorRow {
    pub id: String,
    pub person_id: String,
    pub role: MentorRole,
    pub organisation: Option<String>,
    pub domains: JsonText<Vec<NeedDomain>>,
    pub sector_ids: JsonText<Vec<String>>,
    pub languages: JsonText<Vec<String>>,
    pub conflicts: JsonText<Vec<String>>,
    pub capacity: i32,
    pub availability: Option<String>,
    pub active: bool,
    pub user_id: Option<String>,
    // Never in an export: a hash that only opens the feed.
    #[serde(skip)]
    pub feed_token_hash: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = interlab_mentorships, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct MentorshipRow {
    pub id: String,
    pub mentor_id: String,
    pub entrepreneur_id: String,
    pub status: MentorshipStatus,
    pub entrepreneur_agreed_at: Option<NaiveDateTime>,
    pub mentor_agreed_at: Option<NaiveDateTime>,
    pub started_at: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    pub end_reason: Option<MentorshipEndReason>,
    pub end_note: Option<String>,
    pub note: Option<String>,
    pub capacity_override_reason: Option<String>,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = interlab_office_hours, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct OfficeHourRow {
    pub id: String,
    pub mentor_id: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub place: Option<String>,
    pub video_url: Option<String>,
    pub status: SlotStatus,
    pub entrepreneur_id: Option<String>,
    pub booking_note: Option<String>,
    pub booked_by: Option<String>,
    pub booked_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Relations that take a place in a mentor's capacity.
pub const OPEN: [MentorshipStatus; 2] = [MentorshipStatus::Proposed, MentorshipStatus::Active];

impl MentorRow {
    pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Self>> {
        interlab_mentors::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    pub fn get(conn: &mut DbConnection, id: &str) -> Result<Self, ApiError> {
        Self::find(conn, id)?.ok_or(ApiError::NotFound)
    }

    pub fn of_person(conn: &mut DbConnection, person_id: &str) -> QueryResult<Option<Self>> {
        interlab_mentors::table
            .filter(interlab_mentors::person_id.eq(person_id))
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    /// The entry a mentor's sign-in account is linked to.
    pub fn of_user(conn: &mut DbConnection, user_id: &str) -> QueryResult<Option<Self>> {
        interlab_mentors::table
            .filter(interlab_mentors::user_id.eq(user_id))
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    pub fn of_feed(conn: &mut DbConnection, token_hash: &str) -> QueryResult<Option<Self>> {
        interlab_mentors::table
            .filter(interlab_mentors::feed_token_hash.eq(token_hash))
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    pub fn list(conn: &mut DbConnection) -> QueryResult<Vec<Self>> {
        interlab_mentors::table
            .order(interlab_mentors::created_at.asc())
            .select(Self::as_select())
            .load(conn)
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interlab_mentors::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(interlab_mentors::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }
}

/// Mentor id → relations that take a place (proposed and active).
pub fn loads(conn: &mut DbConnection) -> QueryResult<std::collections::HashMap<String, u32>> {
    let rows: Vec<String> = interlab_mentorships::table
        .filter(interlab_mentorships::status.eq_any(OPEN))
        .select(interlab_mentorships::mentor_id)
        .load(conn)?;
    let mut out = std::collections::HashMap::new();
    for id in rows {
        *out.entry(id).or_insert(0u32) += 1;
    }
    Ok(out)
}

/// Mentor id → when they last got an entrepreneur (the latest relation's creation).
pub fn last_assigned(
    conn: &mut DbConnection,
) -> QueryResult<std::collections::HashMap<String, NaiveDateTime>> {
    let rows: Vec<(String, Option<NaiveDateTime>)> = interlab_mentorships::table
        .group_by(interlab_mentorships::mentor_id)
        .select((
            interlab_mentorships::mentor_id,
            diesel::dsl::max(interlab_mentorships::created_at),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, at)| at.map(|at| (id, at)))
        .collect())
}

/// Entrepreneurs in an active relation with the mentor linked to the account `user_id`.
pub fn mentored_by(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<String>> {
    interlab_mentorships::table
        .filter(interlab_mentorships::status.eq(MentorshipStatus::Active))
        .filter(
            interlab_mentorships::mentor_id.eq_any(
                interlab_mentors::table
                    .filter(interlab_mentors::user_id.eq(user_id.to_owned()))
                    .select(interlab_mentors::id),
            ),
        )
        .select(interlab_mentorships::entrepreneur_id)
        .load(conn)
}

/// Whether the mentor linked to the account `user_id` accompanies the entrepreneur in an
/// active relation.
pub fn is_mentored_by(
    conn: &mut DbConnection,
    entrepreneur_id: &str,
    user_id: &str,
) -> QueryResult<bool> {
    Ok(mentored_by(conn, user_id)?
        .iter()
        .any(|id| id == entrepreneur_id))
}

impl MentorshipRow {
    pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Self>> {
        interlab_mentorships::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    pub fn get(conn: &mut DbConnection, id: &str) -> Result<Self, ApiError> {
        Self::find(conn, id)?.ok_or(ApiError::NotFound)
    }

    /// Relations matching the filters, the latest first.
    pub fn list(
        conn: &mut DbConnection,
        mentor: Option<&str>,
        entrepreneur: Option<&str>,
        status: Option<MentorshipStatus>,
    ) -> QueryResult<Vec<Self>> {
        let mut q = interlab_mentorships::table.into_boxed();
        if let Some(m) = mentor {
            q = q.filter(interlab_mentorships::mentor_id.eq(m.to_owned()));
        }
        if let Some(e) = entrepreneur {
            q = q.filter(interlab_mentorships::entrepreneur_id.eq(e.to_owned()));
        }
        if let Some(s) = status {
            q = q.filter(interlab_mentorships::status.eq(s));
        }
        q.order((
            interlab_mentorships::created_at.desc(),
            interlab_mentorships::id.asc(),
        ))
        .select(Self::as_select())
        .load(conn)
    }

    /// Open (proposed or active) relations of a mentor.
    pub fn open_of_mentor(conn: &mut DbConnection, mentor_id: &str) -> QueryResult<Vec<Self>> {
        interlab_mentorships::table
            .filter(interlab_mentorships::mentor_id.eq(mentor_id))
            .filter(interlab_mentorships::status.eq_any(OPEN))
            .select(Self::as_select())
            .load(conn)
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interlab_mentorships::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(interlab_mentorships::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }
}

/// Filters of the office-hours list, as the store takes them.
#[derive(Debug, Clone, Default)]
pub struct SlotQuery {
    pub mentor: Option<String>,
    pub entrepreneur: Option<String>,
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    pub status: Option<SlotStatus>,
    pub booked: Option<bool>,
}

impl OfficeHourRow {
    pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Self>> {
        interlab_office_hours::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    pub fn get(conn: &mut DbConnection, id: &str) -> Result<Self, ApiError> {
        Self::find(conn, id)?.ok_or(ApiError::NotFound)
    }

    /// Slots by start time, at most 500.
    pub fn list(conn: &mut DbConnection, f: &SlotQuery) -> QueryResult<Vec<Self>> {
        let mut q = interlab_office_hours::table.into_boxed();
        if let Some(m) = &f.mentor {
            q = q.filter(interlab_office_hours::mentor_id.eq(m.clone()));
        }
        if let Some(e) = &f.entrepreneur {
            q = q.filter(interlab_office_hours::entrepreneur_id.eq(e.clone()));
        }
        if let Some(t) = f.from {
            q = q.filter(interlab_office_hours::ends_at.ge(t));
        }
        if let Some(t) = f.to {
            q = q.filter(interlab_office_hours::starts_at.lt(t));
        }
        if let Some(s) = f.status {
            q = q.filter(interlab_office_hours::status.eq(s));
        }
        match f.booked {
            Some(true) => q = q.filter(interlab_office_hours::entrepreneur_id.is_not_null()),
            Some(false) => q = q.filter(interlab_office_hours::entrepreneur_id.is_null()),
            None => {}
        }
        q.order((
            interlab_office_hours::starts_at.asc(),
            interlab_office_hours::id.asc(),
        ))
        .limit(500)
        .select(Self::as_select())
        .load(conn)
    }

    /// A mentor's booked slots, for their calendar feed.
    pub fn booked_of_mentor(conn: &mut DbConnection, mentor_id: &str) -> QueryResult<Vec<Self>> {
        interlab_office_hours::table
            .filter(interlab_office_hours::mentor_id.eq(mentor_id))
            .filter(interlab_office_hours::entrepreneur_id.is_not_null())
            .order(interlab_office_hours::starts_at.asc())
            .limit(1000)
            .select(Self::as_select())
            .load(conn)
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(interlab_office_hours::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(interlab_office_hours::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }
}

/// Books a free, open slot in one statement: true when this call took it. Two bookings at the
/// same moment cannot both succeed, on either database: the condition and the write are one.
pub fn take_slot(
    conn: &mut DbConnection,
    id: &str,
    entrepreneur_id: &str,
    note: Option<&str>,
    booked_by: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        interlab_office_hours::table
            .filter(interlab_office_hours::id.eq(id))
            .filter(interlab_office_hours::status.eq(SlotStatus::Open))
            .filter(interlab_office_hours::entrepreneur_id.is_null()),
    )
    .set((
        interlab_office_hours::entrepreneur_id.eq(entrepreneur_id),
        interlab_office_hours::booking_note.eq(note),
        interlab_office_hours::booked_by.eq(booked_by),
        interlab_office_hours::booked_at.eq(now),
        interlab_office_hours::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// The facts of people that mentoring reads: (person id, commune) and their language codes.
pub fn communes_of(
    conn: &mut DbConnection,
    person_ids: &[String],
) -> QueryResult<std::collections::HashMap<String, String>> {
    let rows: Vec<(String, Option<String>)> = people::table
        .filter(people::id.eq_any(person_ids))
        .select((people::id, people::commune))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, c)| c.map(|c| (id, c)))
        .collect())
}

pub fn languages_of(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<String>> {
    person_languages::table
        .filter(person_languages::person_id.eq(person_id))
        .order(person_languages::language.asc())
        .select(person_languages::language)
        .load(conn)
}

/// Project names by entrepreneur id.
pub fn project_names(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<std::collections::HashMap<String, (String, String)>> {
    let rows: Vec<(String, String, String)> = interlab_entrepreneurs::table
        .filter(interlab_entrepreneurs::id.eq_any(ids))
        .select((
            interlab_entrepreneurs::id,
            interlab_entrepreneurs::person_id,
            interlab_entrepreneurs::project_name,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, person, project)| (id, (person, project)))
        .collect())
}

// ---------------------------------------------------------------------------------------------
// GDPR
// ---------------------------------------------------------------------------------------------

/// Everything mentoring holds about a person: their directory entry, the relations and office
/// hours they are part of (as mentor or as entrepreneur).
#[derive(Debug, Clone, Serialize)]
pub struct Export {
    pub mentor: Option<MentorRow>,
    pub mentorships: Vec<MentorshipRow>,
    pub office_hours: Vec<OfficeHourRow>,
}

fn entrepreneur_ids(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<String>> {
    interlab_entrepreneurs::table
        .filter(interlab_entrepreneurs::person_id.eq(person_id))
        .select(interlab_entrepreneurs::id)
        .load(conn)
}

pub fn export(conn: &mut DbConnection, person_id: &str) -> QueryResult<Export> {
    let mentor = MentorRow::of_person(conn, person_id)?;
    let mentor_id = mentor.as_ref().map(|m| m.id.clone()).unwrap_or_default();
    let entrepreneurs = entrepreneur_ids(conn, person_id)?;
    let mentorships = interlab_mentorships::table
        .filter(
            interlab_mentorships::mentor_id
                .eq(&mentor_id)
                .or(interlab_mentorships::entrepreneur_id.eq_any(&entrepreneurs)),
        )
        .order(interlab_mentorships::created_at.asc())
        .select(MentorshipRow::as_select())
        .load(conn)?;
    let office_hours = interlab_office_hours::table
        .filter(
            interlab_office_hours::mentor_id
                .eq(&mentor_id)
                .or(interlab_office_hours::entrepreneur_id.eq_any(&entrepreneurs)),
        )
        .order(interlab_office_hours::starts_at.asc())
        .select(OfficeHourRow::as_select())
        .load(conn)?;
    Ok(Export {
        mentor,
        mentorships,
        office_hours,
    })
}

/// Clears a person's words and contact details in mentoring. As a mentor: their entry keeps its
/// shape (role, domains, capacity) but loses organisation, availability, languages, conflicts,
/// account link and feed, and is made inactive; their slots lose place and link. As either side:
/// the relations' notes and the booking notes are cleared.
pub fn anonymise(conn: &mut DbConnection, person_id: &str) -> QueryResult<()> {
    let now = crate::db::now();
    let entrepreneurs = entrepreneur_ids(conn, person_id)?;
    let mut mentor_id = String::new();
    if let Some(mut m) = MentorRow::of_person(conn, person_id)? {
        m.organisation = None;
        m.availability = None;
        m.languages = JsonText(vec![]);
        m.conflicts = JsonText(vec![]);
        m.active = false;
        m.user_id = None;
        m.feed_token_hash = None;
        m.updated_at = now;
        m.save(conn)?;
        diesel::update(
            interlab_office_hours::table.filter(interlab_office_hours::mentor_id.eq(&m.id)),
        )
        .set((
            interlab_office_hours::place.eq(None::<String>),
            interlab_office_hours::video_url.eq(None::<String>),
            interlab_office_hours::booking_note.eq(None::<String>),
        ))
        .execute(conn)?;
        mentor_id = m.id;
    }
    diesel::update(
        interlab_mentorships::table.filter(
            interlab_mentorships::mentor_id
                .eq(&mentor_id)
                .or(interlab_mentorships::entrepreneur_id.eq_any(&entrepreneurs)),
        ),
    )
    .set((
        interlab_mentorships::note.eq(None::<String>),
        interlab_mentorships::end_note.eq(None::<String>),
        interlab_mentorships::capacity_override_reason.eq(None::<String>),
    ))
    .execute(conn)?;
    diesel::update(
        interlab_office_hours::table
            .filter(interlab_office_hours::entrepreneur_id.eq_any(&entrepreneurs)),
    )
    .set(interlab_office_hours::booking_note.eq(None::<String>))
    .execute(conn)?;
    Ok(())
}
