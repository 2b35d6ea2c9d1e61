//! People rows, their child rows (languages, tags, availability, memberships, consents,
//! coaches) and the queries over them.

pub mod vocabulary;

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use shared::people::{Category, FrenchLevel, PersonStatus, Programme, ProgrammeRole, Slot};
use uuid::Uuid;

use crate::accounts::store::escape_like;
use crate::db::schema::{
    audit_log, consents, duo_blocks, duo_candidacies, duo_check_ins, duos, memberships, people,
    person_availability, person_coaches, person_languages, person_tags, tags,
};
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::people::domain::{fold, PersonData};

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
    pub preferred_channel: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub commune: Option<String>,
    pub profile: String,
    pub arrival_year: Option<i32>,
    pub category_override: Option<String>,
    pub category_override_reason: Option<String>,
    pub birth_year: Option<i32>,
    pub gender: Option<String>,
    pub french_level: Option<String>,
    pub origin_region: Option<String>,
    pub presentation: Option<String>,
    pub staff_notes: Option<String>,
    pub status: String,
    pub possible_duplicate_of: Option<String>,
    pub source: String,
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
    pub level: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = person_tags)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct PersonTagRow {
    pub person_id: String,
    pub tag_id: String,
    pub kind: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = person_availability)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct AvailabilityRow {
    pub person_id: String,
    pub slot: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = memberships)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct MembershipRow {
    pub id: String,
    pub person_id: String,
    pub programme: String,
    pub role: String,
    pub status: String,
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
    pub purpose: String,
    pub notice_version: String,
    pub notice_lang: String,
    pub method: String,
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
    pub kind: String,
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

/// How a person record came to be.
#[derive(Debug, Clone, Copy)]
pub enum Source {
    Staff,
    PublicSignup,
    Demo,
}

impl Source {
    fn as_str(self) -> &'static str {
        match self {
            Source::Staff => "staff",
            Source::PublicSignup => "public_signup",
            Source::Demo => "demo",
        }
    }
}

impl PersonRow {
    /// The person's category for figures and mix targets, and the one Interra's five-year rule
    /// gives: a coordinator's reasoned override wins over the rule. The one place this is read.
    pub fn category(&self) -> Result<Category, ApiError> {
        Ok(self.categories()?.0)
    }

    /// `(effective, computed)`: see [`PersonRow::category`].
    pub fn categories(&self) -> Result<(Category, Category), ApiError> {
        let profile: Category = crate::db::stored(&self.profile)?;
        let computed = shared::people::computed_category(
            profile,
            self.arrival_year,
            crate::people::domain::current_year(),
        );
        let effective = match &self.category_override {
            Some(o) => crate::db::stored(o)?,
            None => computed,
        };
        Ok((effective, computed))
    }

    pub fn new(
        data: &PersonData,
        source: Source,
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
            profile: String::new(),
            arrival_year: None,
            category_override: None,
            category_override_reason: None,
            birth_year: None,
            gender: None,
            french_level: None,
            origin_region: None,
            presentation: None,
            staff_notes: None,
            status: status.as_str().to_owned(),
            possible_duplicate_of: duplicate_of,
            source: source.as_str().to_owned(),
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
        self.preferred_channel = d.preferred_channel.map(|c| c.as_str().to_owned());
        self.street = d.street.clone();
        self.postcode = d.postcode.clone();
        self.commune = d.commune.clone();
        self.profile = d.profile.as_str().to_owned();
        self.arrival_year = d.arrival_year;
        self.category_override = d.category_override.map(|c| c.as_str().to_owned());
        self.category_override_reason = d.category_override_reason.clone();
        self.birth_year = d.birth_year;
        self.gender = d.gender.clone();
        self.french_level = d.french_level.map(|f| f.as_str().to_owned());
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
            level: l.level.as_str().to_owned(),
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
                kind: t.kind.as_str().to_owned(),
            })
            .execute(conn)?;
    }
    for s in &d.availability {
        diesel::insert_into(person_availability::table)
            .values(AvailabilityRow {
                person_id: person_id.to_owned(),
                slot: s.to_string(),
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
        .load::<(String, String, String, (String, String, String, String))>(conn)?
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

/// Parsed list filters.
#[derive(Debug, Default, Clone)]
pub struct PeopleQuery {
    pub q: Option<String>,
    /// Tag ids (resolved from ids or slugs).
    pub tags: Vec<String>,
    pub programme: Option<Programme>,
    pub role: Option<ProgrammeRole>,
    pub language: Option<String>,
    pub french_levels: Option<Vec<FrenchLevel>>,
    pub commune: Option<String>,
    pub postcode: Option<String>,
    pub category: Option<Category>,
    pub slot: Option<Slot>,
    pub status: Option<PersonStatus>,
    pub archived: bool,
    /// Restrict to the people this coach accompanies.
    pub coach: Option<String>,
    pub sort: Sort,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Name,
    NameDesc,
    Created,
    CreatedDesc,
    Updated,
    UpdatedDesc,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Sort> {
        Some(match s {
            "name" => Sort::Name,
            "-name" => Sort::NameDesc,
            "created" => Sort::Created,
            "-created" => Sort::CreatedDesc,
            "updated" => Sort::Updated,
            "-updated" => Sort::UpdatedDesc,
            _ => return None,
        })
    }
}

diesel::define_sql_function!(fn coalesce(x: diesel::sql_types::Nullable<diesel::sql_types::Text>, y: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// The folded search pattern of `q`; phone-like input loses its separators.
fn search_pattern(q: &str) -> String {
    let phone_like = q
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '.' | '/' | '-'));
    let text = if phone_like {
        q.chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    } else {
        fold(q.trim())
    };
    format!("%{}%", escape_like(&text))
}

/// One page of people matching the filter, and the total count.
pub fn list(
    conn: &mut DbConnection,
    f: &PeopleQuery,
    offset: i64,
    limit: i64,
    current_year: i32,
) -> QueryResult<(Vec<PersonRow>, i64)> {
    // The stored spellings of the commune asked for, ignoring case and accents ("liege" finds
    // "Liège"): SQL `lower` cannot do this the same way on both backends.
    let communes: Option<Vec<String>> = match &f.commune {
        Some(c) => {
            let wanted = fold(c.trim());
            let stored: Vec<String> = people::table
                .filter(people::commune.is_not_null())
                .select(coalesce(people::commune, ""))
                .distinct()
                .load(conn)?;
            Some(
                stored
                    .into_iter()
                    .filter(|s| fold(s.trim()) == wanted)
                    .collect(),
            )
        }
        None => None,
    };
    let build = || {
        let mut q = people::table.into_boxed();
        q = q.filter(people::archived.eq(f.archived));
        if let Some(coach) = &f.coach {
            q = q.filter(
                people::id.eq_any(
                    person_coaches::table
                        .filter(person_coaches::user_id.eq(coach.clone()))
                        .select(person_coaches::person_id),
                ),
            );
        }
        if let Some(text) = f.q.as_deref().filter(|s| !s.trim().is_empty()) {
            q = q.filter(people::search_text.like(search_pattern(text)).escape('\\'));
        }
        for tag in &f.tags {
            q = q.filter(
                people::id.eq_any(
                    person_tags::table
                        .filter(person_tags::tag_id.eq(tag.clone()))
                        .select(person_tags::person_id),
                ),
            );
        }
        let in_programme = |p: Programme| memberships::programme.eq(p.as_str());
        let with_role = |r: ProgrammeRole| memberships::role.eq(r.as_str());
        q = match (f.programme, f.role) {
            (Some(p), Some(r)) => q.filter(
                people::id.eq_any(
                    memberships::table
                        .filter(in_programme(p))
                        .filter(with_role(r))
                        .select(memberships::person_id),
                ),
            ),
            (Some(p), None) => q.filter(
                people::id.eq_any(
                    memberships::table
                        .filter(in_programme(p))
                        .select(memberships::person_id),
                ),
            ),
            (None, Some(r)) => q.filter(
                people::id.eq_any(
                    memberships::table
                        .filter(with_role(r))
                        .select(memberships::person_id),
                ),
            ),
            (None, None) => q,
        };
        if let Some(lang) = &f.language {
            q = q.filter(
                people::id.eq_any(
                    person_languages::table
                        .filter(person_languages::language.eq(lang.clone()))
                        .select(person_languages::person_id),
                ),
            );
        }
        if let Some(levels) = &f.french_levels {
            let levels: Vec<&str> = levels.iter().map(|l| l.as_str()).collect();
            q = q.filter(people::french_level.eq_any(levels));
        }
        if let Some(names) = &communes {
            q = q.filter(people::commune.eq_any(names.clone()));
        }
        if let Some(p) = &f.postcode {
            q = q.filter(people::postcode.eq(p.clone()));
        }
        if let Some(cat) = f.category {
            // The effective category in SQL: the override, else Interra's five-year rule.
            let threshold = current_year - 5;
            q = match cat {
                Category::Newcomer => q.filter(
                    people::category_override
                        .eq("newcomer")
                        .or(people::category_override
                            .is_null()
                            .and(people::profile.eq("newcomer"))
                            .and(
                                people::arrival_year
                                    .gt(threshold)
                                    .or(people::arrival_year.is_null()),
                            )),
                ),
                Category::Local => q.filter(
                    people::category_override
                        .eq("local")
                        .or(people::category_override.is_null().and(
                            people::profile
                                .eq("local")
                                .or(people::arrival_year.le(threshold)),
                        )),
                ),
            };
        }
        if let Some(slot) = f.slot {
            q = q.filter(
                people::id.eq_any(
                    person_availability::table
                        .filter(person_availability::slot.eq(slot.to_string()))
                        .select(person_availability::person_id),
                ),
            );
        }
        if let Some(s) = f.status {
            q = q.filter(people::status.eq(s.as_str()));
        }
        q
    };
    let count = build().count().get_result(conn)?;
    let q = build();
    let q = match f.sort {
        // `search_text` starts with the folded first and last names: case and accents do not
        // change the order (`lower` folds neither accents on SQLite nor under the C collation).
        Sort::Name => q.order((people::search_text.asc(), people::id.asc())),
        Sort::NameDesc => q.order((people::search_text.desc(), people::id.asc())),
        Sort::Created => q.order((people::created_at.asc(), people::id.asc())),
        Sort::CreatedDesc => q.order((people::created_at.desc(), people::id.asc())),
        Sort::Updated => q.order((people::updated_at.asc(), people::id.asc())),
        Sort::UpdatedDesc => q.order((people::updated_at.desc(), people::id.asc())),
    };
    let rows = q
        .offset(offset)
        .limit(limit)
        .select(PersonRow::as_select())
        .load(conn)?;
    Ok((rows, count))
}

/// Current programmes of each person (memberships not withdrawn or completed).
pub fn programmes_of(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<HashMap<String, Vec<String>>> {
    let rows: Vec<(String, String)> = memberships::table
        .filter(memberships::person_id.eq_any(ids))
        .filter(memberships::status.ne_all(["withdrawn", "completed"]))
        .select((memberships::person_id, memberships::programme))
        .distinct()
        .load(conn)?;
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for (p, prog) in rows {
        map.entry(p).or_default().push(prog);
    }
    Ok(map)
}

/// Wipes every identifying value of a person, keeping what reports count (category,
/// programme memberships, interests, consents' dates). Irreversible.
pub fn anonymise(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
    let now = crate::db::now();
    diesel::update(people::table.find(id))
        .set((
            people::first_name.eq("anonymised"),
            people::last_name.eq(None::<String>),
            people::preferred_name.eq(None::<String>),
            people::email.eq(None::<String>),
            people::phone.eq(None::<String>),
            people::preferred_channel.eq(None::<String>),
            people::street.eq(None::<String>),
            people::postcode.eq(None::<String>),
            people::commune.eq(None::<String>),
            people::arrival_year.eq(None::<i32>),
            people::category_override_reason.eq(None::<String>),
            people::birth_year.eq(None::<i32>),
            people::gender.eq(None::<String>),
            people::origin_region.eq(None::<String>),
            people::presentation.eq(None::<String>),
            people::staff_notes.eq(None::<String>),
            people::search_text.eq(""),
            people::archived.eq(true),
            people::anonymised_at.eq(now),
            people::updated_at.eq(now),
        ))
        .execute(conn)?;
    diesel::delete(person_languages::table.filter(person_languages::person_id.eq(id)))
        .execute(conn)?;
    diesel::delete(person_availability::table.filter(person_availability::person_id.eq(id)))
        .execute(conn)?;
    crate::notify::store::forget_person(conn, id)?;
    // Free text about the person in Duo2Change records; the duos keep their shape.
    diesel::update(duo_candidacies::table.filter(duo_candidacies::person_id.eq(id)))
        .set(duo_candidacies::remarks.eq(None::<String>))
        .execute(conn)?;
    diesel::update(
        duo_blocks::table.filter(duo_blocks::person_a.eq(id).or(duo_blocks::person_b.eq(id))),
    )
    .set(duo_blocks::note.eq(None::<String>))
    .execute(conn)?;
    let their_duos = duos::table
        .filter(duos::newcomer_id.eq(id).or(duos::local_id.eq(id)))
        .select(duos::id);
    let duo_ids: Vec<String> = their_duos.load(conn)?;
    diesel::update(duos::table.filter(duos::id.eq_any(&duo_ids)))
        .set((
            duos::reason.eq(None::<String>),
            duos::pause_reason.eq(None::<String>),
            duos::explanation.eq(None::<String>),
        ))
        .execute(conn)?;
    diesel::update(duo_check_ins::table.filter(duo_check_ins::duo_id.eq_any(&duo_ids)))
        .set((
            duo_check_ins::notes.eq(None::<String>),
            duo_check_ins::activity.eq(""),
        ))
        .execute(conn)?;
    // The coordinator's notes on the follow-up calls may name either of them.
    diesel::update(
        crate::db::schema::duo_follow_ups::table
            .filter(crate::db::schema::duo_follow_ups::duo_id.eq_any(&duo_ids)),
    )
    .set((
        crate::db::schema::duo_follow_ups::notes.eq(None::<String>),
        crate::db::schema::duo_follow_ups::done_notes.eq(None::<String>),
    ))
    .execute(conn)?;
    // Both sides' notes on the trial meeting may name either of them.
    diesel::update(
        crate::db::schema::duo_feedback::table
            .filter(crate::db::schema::duo_feedback::duo_id.eq_any(&duo_ids)),
    )
    .set(crate::db::schema::duo_feedback::notes.eq(None::<String>))
    .execute(conn)?;
    // What a local wrote they learnt may name the other.
    diesel::update(
        crate::db::schema::duo_assessments::table
            .filter(crate::db::schema::duo_assessments::duo_id.eq_any(&duo_ids)),
    )
    .set(crate::db::schema::duo_assessments::learnt.eq(None::<String>))
    .execute(conn)?;
    // The name a host agreed to show in the public agenda.
    diesel::update(
        crate::db::schema::activity_hosts::table
            .filter(crate::db::schema::activity_hosts::person_id.eq(id)),
    )
    .set(crate::db::schema::activity_hosts::public_name.eq(None::<String>))
    .execute(conn)?;
    // Addresses of the person's own actions (public sign-up) are personal data too.
    diesel::update(
        audit_log::table
            .filter(audit_log::entity_type.eq("person"))
            .filter(audit_log::entity_id.eq(id)),
    )
    .set(audit_log::ip.eq(None::<String>))
    .execute(conn)?;
    Ok(())
}

/// People whose last activity is older than `cutoff`, not yet anonymised.
pub fn past_retention(
    conn: &mut DbConnection,
    cutoff: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<PersonRow>> {
    people::table
        .filter(people::anonymised_at.is_null())
        .filter(people::last_activity_at.lt(cutoff))
        .order(people::last_activity_at.asc())
        .limit(limit)
        .select(PersonRow::as_select())
        .load(conn)
}

/// Every row about a person, per table, for the right of access. Each table that refers to a
/// person must appear here (a test reads the schema to make sure none is forgotten).
pub fn export_tables(
    conn: &mut DbConnection,
    id: &str,
) -> Result<serde_json::Map<String, serde_json::Value>, ApiError> {
    fn json<T: Serialize>(rows: Vec<T>) -> Result<serde_json::Value, ApiError> {
        serde_json::to_value(rows).map_err(|e| anyhow::anyhow!("export: {e}").into())
    }
    let mut out = serde_json::Map::new();
    let person: Vec<PersonRow> = people::table
        .filter(people::id.eq(id))
        .select(PersonRow::as_select())
        .load(conn)?;
    out.insert("people".into(), json(person)?);
    out.insert(
        "person_languages".into(),
        json(
            person_languages::table
                .filter(person_languages::person_id.eq(id))
                .select(LanguageRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "person_tags".into(),
        json(
            person_tags::table
                .filter(person_tags::person_id.eq(id))
                .select(PersonTagRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "person_availability".into(),
        json(
            person_availability::table
                .filter(person_availability::person_id.eq(id))
                .select(AvailabilityRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "memberships".into(),
        json(
            memberships::table
                .filter(memberships::person_id.eq(id))
                .select(MembershipRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "consents".into(),
        json(
            consents::table
                .filter(consents::person_id.eq(id))
                .select(ConsentRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "person_coaches".into(),
        json(
            person_coaches::table
                .filter(person_coaches::person_id.eq(id))
                .select(CoachRow::as_select())
                .load(conn)?,
        )?,
    );
    use crate::duo::store::{BlockRow, CandidacyRow, CheckInRow, DuoRow};
    out.insert(
        "duo_candidacies".into(),
        json(
            duo_candidacies::table
                .filter(duo_candidacies::person_id.eq(id))
                .select(CandidacyRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "duo_blocks".into(),
        json(
            duo_blocks::table
                .filter(duo_blocks::person_a.eq(id).or(duo_blocks::person_b.eq(id)))
                .select(BlockRow::as_select())
                .load(conn)?,
        )?,
    );
    let their_duos: Vec<DuoRow> = duos::table
        .filter(duos::newcomer_id.eq(id).or(duos::local_id.eq(id)))
        .select(DuoRow::as_select())
        .load(conn)?;
    let duo_ids: Vec<String> = their_duos.iter().map(|d| d.id.clone()).collect();
    out.insert("duos".into(), json(their_duos)?);
    out.insert(
        "duo_check_ins".into(),
        json(
            duo_check_ins::table
                .filter(duo_check_ins::duo_id.eq_any(&duo_ids))
                .select(CheckInRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "duo_feedback".into(),
        json(
            crate::db::schema::duo_feedback::table
                .filter(crate::db::schema::duo_feedback::person_id.eq(id))
                .select(crate::duo::store::feedback::FeedbackRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "duo_assessments".into(),
        json(
            crate::db::schema::duo_assessments::table
                .filter(crate::db::schema::duo_assessments::person_id.eq(id))
                .order(crate::db::schema::duo_assessments::created_at.asc())
                .select(crate::duo::store::assessments::AssessmentRow::as_select())
                .load(conn)?,
        )?,
    );
    // InterAct: the activities they registered for or host.
    use crate::db::schema::{activity_hosts, registrations};
    out.insert(
        "registrations".into(),
        json(
            registrations::table
                .filter(registrations::person_id.eq(id))
                .order(registrations::created_at.asc())
                .select(crate::activities::store::RegistrationRow::as_select())
                .load(conn)?,
        )?,
    );
    let hosted: Vec<(String, String, Option<String>)> = activity_hosts::table
        .filter(activity_hosts::person_id.eq(id))
        .select((
            activity_hosts::activity_id,
            activity_hosts::person_id,
            activity_hosts::public_name,
        ))
        .load(conn)?;
    let hosted: Vec<serde_json::Value> = hosted
        .into_iter()
        .map(|(activity_id, person_id, public_name)| {
            serde_json::json!({
                "activity_id": activity_id,
                "person_id": person_id,
                "public_name": public_name,
            })
        })
        .collect();
    out.insert("activity_hosts".into(), json(hosted)?);
    // What they were (or are to be) told about their registrations.
    out.insert(
        "notifications".into(),
        json(crate::notify::store::of_person(conn, id)?)?,
    );
    let audit: Vec<crate::audit::AuditRow> = audit_log::table
        .filter(audit_log::entity_type.eq("person"))
        .filter(audit_log::entity_id.eq(id))
        .order(audit_log::occurred_at.asc())
        .select(crate::audit::AuditRow::as_select())
        .load(conn)?;
    out.insert("audit_log".into(), json(audit)?);
    Ok(out)
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

impl ConsentRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(consents::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn withdraw(
        conn: &mut DbConnection,
        person_id: &str,
        id: Uuid,
        by: Option<String>,
    ) -> Result<(), ApiError> {
        let n = diesel::update(
            consents::table
                .filter(consents::id.eq(id.to_string()))
                .filter(consents::person_id.eq(person_id))
                .filter(consents::withdrawn_at.is_null()),
        )
        .set((
            consents::withdrawn_at.eq(crate::db::now()),
            consents::withdrawn_by.eq(by),
        ))
        .execute(conn)?;
        if n == 0 {
            // Unknown, or already withdrawn: tell which.
            let exists: bool = diesel::select(diesel::dsl::exists(
                consents::table
                    .filter(consents::id.eq(id.to_string()))
                    .filter(consents::person_id.eq(person_id)),
            ))
            .get_result(conn)?;
            if !exists {
                return Err(ApiError::NotFound);
            }
        }
        Ok(())
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
