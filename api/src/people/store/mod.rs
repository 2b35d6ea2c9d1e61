//! People rows, their child rows (languages, tags, availability, memberships, consents,
//! coaches) and the queries over them.

mod gdpr;
pub mod mentions;
pub mod participation;
mod query;
pub mod vocabulary;

pub use gdpr::{anonymise, export_tables, past_retention};
pub use query::{list, programmes_of, PeopleQuery, Sort};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use shared::consent::{ConsentMethod, ConsentPurpose};
use shared::people::{
    Category, ContactChannel, FrenchLevel, LanguageLevel, MembershipStatus, PersonSource,
    PersonStatus, Programme, ProgrammeRole, Slot, TagKind,
};
use uuid::Uuid;

use crate::db::schema::{
    consents, memberships, people, person_availability, person_coaches, person_languages,
    person_tags, tags,
};
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::people::domain::PersonData;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = people, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct PersonRow {
    pub id: String,
    pub first_name: String,
    pub last_name: Option<String>,
    pub preferred_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub preferred_channel: Option<ContactChannel>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub commune: Option<String>,
    /// None: neither newcomer nor local (partner staff who only take part in trainings).
    pub profile: Option<Category>,
    pub arrival_year: Option<i32>,
    pub category_override: Option<Category>,
    pub category_override_reason: Option<String>,
    pub birth_year: Option<i32>,
    pub gender: Option<String>,
    pub french_level: Option<FrenchLevel>,
    pub origin_region: Option<String>,
    pub presentation: Option<String>,
    pub staff_notes: Option<String>,
    pub status: PersonStatus,
    pub possible_duplicate_of: Option<String>,
    pub source: PersonSource,
    pub archived: bool,
    pub anonymised_at: Option<NaiveDateTime>,
    #[serde(skip)]
    pub search_text: String,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub last_activity_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = person_languages)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct LanguageRow {
    pub person_id: String,
    pub language: String,
    pub level: LanguageLevel,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = person_tags)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct PersonTagRow {
    pub person_id: String,
    pub tag_id: String,
    pub kind: TagKind,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = person_availability)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct AvailabilityRow {
    pub person_id: String,
    pub slot: Slot,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = memberships)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct MembershipRow {
    pub id: String,
    pub person_id: String,
    pub programme: Programme,
    pub role: ProgrammeRole,
    pub status: MembershipStatus,
    pub started_on: chrono::NaiveDate,
    pub ended_on: Option<chrono::NaiveDate>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = consents)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ConsentRow {
    pub id: String,
    pub person_id: String,
    pub purpose: ConsentPurpose,
    pub notice_version: String,
    pub notice_lang: String,
    pub method: ConsentMethod,
    pub given_at: NaiveDateTime,
    pub recorded_by: Option<String>,
    pub withdrawn_at: Option<NaiveDateTime>,
    pub withdrawn_by: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = person_coaches)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct CoachRow {
    pub person_id: String,
    pub user_id: String,
    pub since: NaiveDateTime,
}

/// A tag of a person with its labels.
#[derive(Debug, Clone, Queryable)]
pub struct PersonTagLabels {
    pub tag_id: String,
    pub kind: TagKind,
    pub slug: String,
    pub labels: [String; 4],
}

/// Everything about one person.
#[derive(Debug, Clone)]
pub struct PersonRecord {
    pub row: PersonRow,
    pub languages: Vec<LanguageRow>,
    pub tags: Vec<PersonTagLabels>,
    pub availability: Vec<AvailabilityRow>,
    pub memberships: Vec<MembershipRow>,
    pub consents: Vec<ConsentRow>,
    pub coaches: Vec<CoachRow>,
}

impl PersonRow {
    /// The person's category for figures and mix targets, and the one Interra's five-year rule
    /// gives: a coordinator's reasoned override wins over the rule; none for someone who
    /// declared neither (partner staff). The one place this is read.
    pub fn category(&self) -> Option<Category> {
        self.categories().0
    }

    /// `(effective, computed)`: see [`PersonRow::category`].
    pub fn categories(&self) -> (Option<Category>, Option<Category>) {
        let year = crate::people::domain::current_year();
        let computed = self
            .profile
            .map(|p| shared::people::computed_category(p, self.arrival_year, year));
        let effective = shared::people::effective_category(
            self.profile,
            self.arrival_year,
            self.category_override,
            year,
        );
        (effective, computed)
    }

    pub fn new(
        data: &PersonData,
        source: PersonSource,
        status: PersonStatus,
        duplicate_of: Option<String>,
        created_by: Option<String>,
    ) -> PersonRow {
        let now = crate::db::now();
        let mut row = PersonRow {
            id: Uuid::now_v7().to_string(),
            first_name: String::new(),
            last_name: None,
            preferred_name: None,
            email: None,
            phone: None,
            preferred_channel: None,
            street: None,
            postcode: None,
            commune: None,
            // Overwritten by `apply` below.
            profile: None,
            arrival_year: None,
            category_override: None,
            category_override_reason: None,
            birth_year: None,
            gender: None,
            french_level: None,
            origin_region: None,
            presentation: None,
            staff_notes: None,
            status,
            possible_duplicate_of: duplicate_of,
            source,
            archived: false,
            anonymised_at: None,
            search_text: String::new(),
            created_by,
            created_at: now,
            updated_at: now,
            last_activity_at: now,
        };
        row.apply(data);
        row
    }

    /// Copies the person's own fields from `data`.
    pub fn apply(&mut self, d: &PersonData) {
        self.first_name = d.first_name.clone();
        self.last_name = d.last_name.clone();
        self.preferred_name = d.preferred_name.clone();
        self.email = d.email.clone();
        self.phone = d.phone.clone();
        self.preferred_channel = d.preferred_channel;
        self.street = d.street.clone();
        self.postcode = d.postcode.clone();
        self.commune = d.commune.clone();
        self.profile = d.profile;
        self.arrival_year = d.arrival_year;
        self.category_override = d.category_override;
        self.category_override_reason = d.category_override_reason.clone();
        self.birth_year = d.birth_year;
        self.gender = d.gender.clone();
        self.french_level = d.french_level;
        self.origin_region = d.origin_region.clone();
        self.presentation = d.presentation.clone();
        self.staff_notes = d.staff_notes.clone();
        self.search_text = d.search_text();
    }

    pub fn uuid(&self) -> Result<Uuid, ApiError> {
        self.id
            .parse()
            .map_err(|_| anyhow::anyhow!("malformed person id {:?}", self.id).into())
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(people::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    /// Saves every column of this row.
    pub fn save(&mut self, conn: &mut DbConnection) -> QueryResult<()> {
        self.updated_at = crate::db::now();
        diesel::update(people::table.find(self.id.clone()))
            .set(&*self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn find(conn: &mut DbConnection, id: Uuid) -> QueryResult<Option<PersonRow>> {
        people::table
            .find(id.to_string())
            .select(PersonRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn get(conn: &mut DbConnection, id: Uuid) -> Result<PersonRow, ApiError> {
        Self::find(conn, id)?.ok_or(ApiError::NotFound)
    }
}

/// Replaces the languages, tags and availability of a person.
pub fn replace_children(
    conn: &mut DbConnection,
    person_id: &str,
    d: &PersonData,
) -> QueryResult<()> {
    diesel::delete(person_languages::table.filter(person_languages::person_id.eq(person_id)))
        .execute(conn)?;
    diesel::delete(person_tags::table.filter(person_tags::person_id.eq(person_id)))
        .execute(conn)?;
    diesel::delete(person_availability::table.filter(person_availability::person_id.eq(person_id)))
        .execute(conn)?;
    let langs: Vec<LanguageRow> = d
        .languages
        .iter()
        .map(|l| LanguageRow {
            person_id: person_id.to_owned(),
            language: l.language.clone(),
            level: l.level,
        })
        .collect();
    for row in &langs {
        diesel::insert_into(person_languages::table)
            .values(row)
            .execute(conn)?;
    }
    for t in &d.tags {
        diesel::insert_into(person_tags::table)
            .values(PersonTagRow {
                person_id: person_id.to_owned(),
                tag_id: t.tag_id.to_string(),
                kind: t.kind,
            })
            .execute(conn)?;
    }
    for s in &d.availability {
        diesel::insert_into(person_availability::table)
            .values(AvailabilityRow {
                person_id: person_id.to_owned(),
                slot: *s,
            })
            .execute(conn)?;
    }
    Ok(())
}

/// Ids among `ids` that are not usable tags (unknown or merged away).
pub fn unknown_tags(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<String>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let found: Vec<String> = tags::table
        .filter(tags::id.eq_any(ids))
        .filter(tags::merged_into.is_null())
        .select(tags::id)
        .load(conn)?;
    Ok(ids.iter().filter(|i| !found.contains(i)).cloned().collect())
}

/// The PostgreSQL advisory-lock key of an identity: `kind` is `email` or `phone`, `value` its
/// normalised form. Two identities sharing a key only wait for each other.
fn identity_lock_key(kind: &str, value: &str) -> i32 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new()
        .chain_update(kind)
        .chain_update([0])
        .chain_update(value)
        .finalize();
    i32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]])
}

/// An existing (not anonymised) person with the same email or phone.
pub fn find_duplicate(
    conn: &mut DbConnection,
    email: Option<&str>,
    phone: Option<&str>,
    exclude: Option<&str>,
) -> QueryResult<Option<String>> {
    if email.is_none() && phone.is_none() {
        return Ok(None);
    }
    // Two requests with the same email or phone (a double tap) must not both pass this check
    // before either commits. SQLite's `BEGIN IMMEDIATE` already serialises writers; PostgreSQL
    // needs a lock, held until the end of the caller's transaction. It is keyed on the
    // (normalised) email and phone, so that unrelated people do not wait for each other, and
    // taken in a fixed order, so that two requests sharing one of them cannot deadlock.
    if let DbConnection::Postgres(pg) = &mut *conn {
        let mut keys: Vec<i32> = [email.map(|e| ("email", e)), phone.map(|p| ("phone", p))]
            .into_iter()
            .flatten()
            .map(|(kind, value)| identity_lock_key(kind, value))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            diesel::sql_query("SELECT pg_advisory_xact_lock(7163420, $1)")
                .bind::<diesel::sql_types::Integer, _>(key)
                .execute(pg)?;
        }
    }
    let mut q = people::table
        .filter(people::anonymised_at.is_null())
        .select(people::id)
        .into_boxed();
    q = match (email, phone) {
        (Some(e), Some(p)) => q.filter(
            people::email
                .eq(e.to_owned())
                .or(people::phone.eq(p.to_owned())),
        ),
        (Some(e), None) => q.filter(people::email.eq(e.to_owned())),
        (None, Some(p)) => q.filter(people::phone.eq(p.to_owned())),
        (None, None) => q,
    };
    if let Some(x) = exclude {
        q = q.filter(people::id.ne(x.to_owned()));
    }
    q.order(people::created_at.asc()).first(conn).optional()
}

pub fn load_record(conn: &mut DbConnection, id: Uuid) -> Result<PersonRecord, ApiError> {
    let row = PersonRow::get(conn, id)?;
    let pid = row.id.clone();
    let languages = person_languages::table
        .filter(person_languages::person_id.eq(&pid))
        .order(person_languages::language.asc())
        .select(LanguageRow::as_select())
        .load(conn)?;
    let tags = person_tags::table
        .inner_join(tags::table)
        .filter(person_tags::person_id.eq(&pid))
        .order(tags::slug.asc())
        .select((
            person_tags::tag_id,
            person_tags::kind,
            tags::slug,
            (
                tags::label_fr,
                tags::label_en,
                tags::label_nl,
                tags::label_ar,
            ),
        ))
        .load::<(String, TagKind, String, (String, String, String, String))>(conn)?
        .into_iter()
        .map(|(tag_id, kind, slug, (fr, en, nl, ar))| PersonTagLabels {
            tag_id,
            kind,
            slug,
            labels: [fr, en, nl, ar],
        })
        .collect();
    let availability = person_availability::table
        .filter(person_availability::person_id.eq(&pid))
        .select(AvailabilityRow::as_select())
        .load(conn)?;
    let memberships = memberships::table
        .filter(memberships::person_id.eq(&pid))
        .order((memberships::started_on.desc(), memberships::id.asc()))
        .select(MembershipRow::as_select())
        .load(conn)?;
    let consents = consents::table
        .filter(consents::person_id.eq(&pid))
        .order(consents::given_at.desc())
        .select(ConsentRow::as_select())
        .load(conn)?;
    let coaches = person_coaches::table
        .filter(person_coaches::person_id.eq(&pid))
        .select(CoachRow::as_select())
        .load(conn)?;
    Ok(PersonRecord {
        row,
        languages,
        tags,
        availability,
        memberships,
        consents,
        coaches,
    })
}

/// Whether `user_id` accompanies `person_id`.
pub fn is_coached_by(conn: &mut DbConnection, person_id: &str, user_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        person_coaches::table
            .filter(person_coaches::person_id.eq(person_id))
            .filter(person_coaches::user_id.eq(user_id)),
    ))
    .get_result(conn)
}

impl MembershipRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(memberships::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn get(
        conn: &mut DbConnection,
        person_id: &str,
        id: Uuid,
    ) -> Result<MembershipRow, ApiError> {
        memberships::table
            .filter(memberships::id.eq(id.to_string()))
            .filter(memberships::person_id.eq(person_id))
            .select(MembershipRow::as_select())
            .first(conn)
            .optional()?
            .ok_or(ApiError::NotFound)
    }

    pub fn save(&mut self, conn: &mut DbConnection) -> QueryResult<()> {
        self.updated_at = crate::db::now();
        diesel::update(memberships::table.find(&self.id))
            .set((
                memberships::role.eq(&self.role),
                memberships::status.eq(&self.status),
                memberships::ended_on.eq(self.ended_on),
                memberships::updated_at.eq(self.updated_at),
            ))
            .execute(conn)
            .map(|_| ())
    }
}

/// Keeps the person's membership of `programme` as `role` in step with what they take part in
/// (rule: `domain::participation`). Call inside the write transaction of the registration,
/// candidacy or duo that prompts it.
pub fn take_part(
    conn: &mut DbConnection,
    person_id: &str,
    programme: Programme,
    role: ProgrammeRole,
    started: bool,
) -> Result<(), ApiError> {
    use crate::people::domain::{participation, Participation};
    let latest = memberships::table
        .filter(memberships::person_id.eq(person_id))
        .filter(memberships::programme.eq(programme))
        .filter(memberships::role.eq(role))
        .order((memberships::created_at.desc(), memberships::id.desc()))
        .select(MembershipRow::as_select())
        .first(conn)
        .optional()?;
    match (
        participation(latest.as_ref().map(|m| m.status), started),
        latest,
    ) {
        (Participation::Keep, _) => {}
        (Participation::Activate, Some(mut m)) => {
            m.status = MembershipStatus::Active;
            m.save(conn)?;
        }
        (Participation::Activate, None) | (Participation::Start(_), _) => {
            let status = if started {
                MembershipStatus::Active
            } else {
                MembershipStatus::Applied
            };
            let now = crate::db::now();
            MembershipRow {
                id: Uuid::now_v7().to_string(),
                person_id: person_id.to_owned(),
                programme,
                role,
                status,
                started_on: now.date(),
                ended_on: None,
                created_at: now,
                updated_at: now,
            }
            .insert(conn)?;
        }
    }
    Ok(())
}

impl ConsentRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(consents::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    /// Withdraws consent `id` of the person (already withdrawn: nothing changes) and gives
    /// its purpose, for the audit entry.
    pub fn withdraw(
        conn: &mut DbConnection,
        person_id: &str,
        id: Uuid,
        by: Option<String>,
    ) -> Result<ConsentPurpose, ApiError> {
        let purpose: ConsentPurpose = consents::table
            .filter(consents::id.eq(id.to_string()))
            .filter(consents::person_id.eq(person_id))
            .select(consents::purpose)
            .first(conn)
            .optional()?
            .ok_or(ApiError::NotFound)?;
        diesel::update(
            consents::table
                .filter(consents::id.eq(id.to_string()))
                .filter(consents::withdrawn_at.is_null()),
        )
        .set((
            consents::withdrawn_at.eq(crate::db::now()),
            consents::withdrawn_by.eq(by),
        ))
        .execute(conn)?;
        Ok(purpose)
    }

    /// Every consent of a person, withdrawn ones included.
    pub fn of(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<ConsentRow>> {
        consents::table
            .filter(consents::person_id.eq(person_id))
            .select(ConsentRow::as_select())
            .load(conn)
    }
}

impl CoachRow {
    pub fn add(conn: &mut DbConnection, person_id: &str, user_id: &str) -> QueryResult<()> {
        if is_coached_by(conn, person_id, user_id)? {
            return Ok(());
        }
        diesel::insert_into(person_coaches::table)
            .values(CoachRow {
                person_id: person_id.to_owned(),
                user_id: user_id.to_owned(),
                since: crate::db::now(),
            })
            .execute(conn)
            .map(|_| ())
    }

    pub fn remove(conn: &mut DbConnection, person_id: &str, user_id: &str) -> QueryResult<usize> {
        diesel::delete(
            person_coaches::table
                .filter(person_coaches::person_id.eq(person_id))
                .filter(person_coaches::user_id.eq(user_id)),
        )
        .execute(conn)
    }
}

/// Marks activity on a person (used by the retention rule).
pub fn touch(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
    diesel::update(people::table.find(id))
        .set(people::last_activity_at.eq(crate::db::now()))
        .execute(conn)
        .map(|_| ())
}

/// Display names of people by id (for lists of registrations, candidacies, duos, blocks).
/// The phone numbers of `ids` that have one; with `coach`, only of the people they accompany.
pub fn phones(
    conn: &mut DbConnection,
    ids: &[String],
    coach: Option<&str>,
) -> QueryResult<std::collections::HashMap<String, String>> {
    let mut q = people::table
        .filter(people::id.eq_any(ids))
        .filter(people::phone.is_not_null())
        .select((people::id, people::phone.assume_not_null()))
        .into_boxed();
    if let Some(coach) = coach {
        q = q.filter(
            people::id.eq_any(
                person_coaches::table
                    .filter(person_coaches::user_id.eq(coach.to_owned()))
                    .select(person_coaches::person_id),
            ),
        );
    }
    Ok(q.load::<(String, String)>(conn)?.into_iter().collect())
}

pub fn names(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<std::collections::HashMap<String, String>> {
    let rows: Vec<(String, String, Option<String>, Option<String>)> = people::table
        .filter(people::id.eq_any(ids))
        .select((
            people::id,
            people::first_name,
            people::last_name,
            people::preferred_name,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, f, l, p)| {
            let name = crate::people::domain::display_name(&f, l.as_deref(), p.as_deref());
            (id, name)
        })
        .collect())
}
