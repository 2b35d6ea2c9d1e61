//! What matching reads besides the candidacies: communes and their links, the versioned
//! weights, the facts of each person of the pool and how common each tag is.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::db::schema::{
    commune_neighbours, commune_postcodes, communes, duo_settings, people, person_availability,
    person_languages, person_tags,
};
use shared::people::{FrenchLevel, LanguageLevel, Slot};

use crate::db::{DbConnection, JsonText};
use crate::duo::matching::score::Weights;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable)]
pub struct CommuneRow {
    pub id: String,
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
}

/// Communes and their neighbour links (commune id, neighbour id).
pub type CommuneMap = (Vec<CommuneRow>, Vec<(String, String)>);

pub fn communes(conn: &mut DbConnection) -> QueryResult<CommuneMap> {
    let rows = communes::table
        .order(communes::name.asc())
        .select((
            communes::id,
            communes::name,
            communes::latitude,
            communes::longitude,
        ))
        .load::<CommuneRow>(conn)?;
    let links = commune_neighbours::table
        .select((
            commune_neighbours::commune_id,
            commune_neighbours::neighbour_id,
        ))
        .load(conn)?;
    Ok((rows, links))
}

/// The commune a Belgian postcode belongs to, when it is one of ours.
pub fn commune_of_postcode(conn: &mut DbConnection, postcode: &str) -> QueryResult<Option<String>> {
    commune_postcodes::table
        .filter(commune_postcodes::postcode.eq(postcode))
        .select(commune_postcodes::commune_id)
        .first(conn)
        .optional()
}

/// Creates or replaces a commune and sets its neighbours on both sides; true when created.
pub fn save_commune(
    conn: &mut DbConnection,
    id: &str,
    name: &str,
    latitude: f64,
    longitude: f64,
    neighbours: &[String],
) -> QueryResult<bool> {
    let created = !commune_exists(conn, id)?;
    if created {
        diesel::insert_into(communes::table)
            .values((
                communes::id.eq(id),
                communes::name.eq(name),
                communes::latitude.eq(latitude),
                communes::longitude.eq(longitude),
            ))
            .execute(conn)?;
    } else {
        diesel::update(communes::table.find(id))
            .set((
                communes::name.eq(name),
                communes::latitude.eq(latitude),
                communes::longitude.eq(longitude),
            ))
            .execute(conn)?;
    }
    diesel::delete(
        commune_neighbours::table.filter(
            commune_neighbours::commune_id
                .eq(id)
                .or(commune_neighbours::neighbour_id.eq(id)),
        ),
    )
    .execute(conn)?;
    for n in neighbours {
        for (a, b) in [(id, n.as_str()), (n.as_str(), id)] {
            diesel::insert_into(commune_neighbours::table)
                .values((
                    commune_neighbours::commune_id.eq(a),
                    commune_neighbours::neighbour_id.eq(b),
                ))
                .execute(conn)?;
        }
    }
    Ok(created)
}

pub fn commune_exists(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(communes::table.find(id))).get_result(conn)
}

/// The latest matching weights and their version. Corrupt weights are an error (a logged
/// 500), never a silent default: matching on default weights would hide the damage.
pub fn latest_settings(conn: &mut DbConnection) -> Result<(i32, Weights), ApiError> {
    let (version, JsonText(weights)): (i32, JsonText<Weights>) = duo_settings::table
        .order(duo_settings::version.desc())
        .select((duo_settings::version, duo_settings::weights))
        .first(conn)?;
    Ok((version, weights))
}

/// Stores `weights` as the next version.
pub fn save_settings(
    conn: &mut DbConnection,
    weights: &Weights,
    by: Option<String>,
) -> Result<i32, ApiError> {
    // The highest version, not the decoded latest: saving must still work over corrupt weights.
    let latest: i32 = duo_settings::table
        .select(diesel::dsl::max(duo_settings::version))
        .first::<Option<i32>>(conn)?
        .unwrap_or(0);
    let version = latest + 1;
    diesel::insert_into(duo_settings::table)
        .values((
            duo_settings::version.eq(version),
            duo_settings::weights.eq(JsonText(*weights)),
            duo_settings::created_by.eq(by),
            duo_settings::created_at.eq(crate::db::now()),
        ))
        .execute(conn)?;
    Ok(version)
}

/// What matching needs of each person of a pool.
#[derive(Debug, Clone, Default)]
pub struct PersonFacts {
    pub first_name: String,
    pub preferred_name: Option<String>,
    pub last_name: Option<String>,
    pub french_level: Option<FrenchLevel>,
    pub birth_year: Option<i32>,
    pub tags: Vec<String>,
    pub languages: Vec<(String, LanguageLevel)>,
    pub slots: Vec<Slot>,
}

/// id, first name, preferred name, last name, French level, birth year.
type FactsRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<FrenchLevel>,
    Option<i32>,
);

pub fn person_facts(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<HashMap<String, PersonFacts>> {
    let mut out: HashMap<String, PersonFacts> = HashMap::new();
    let rows: Vec<FactsRow> = people::table
        .filter(people::id.eq_any(ids))
        .select((
            people::id,
            people::first_name,
            people::preferred_name,
            people::last_name,
            people::french_level,
            people::birth_year,
        ))
        .load(conn)?;
    for (id, first_name, preferred_name, last_name, french_level, birth_year) in rows {
        out.insert(
            id,
            PersonFacts {
                first_name,
                preferred_name,
                last_name,
                french_level,
                birth_year,
                ..Default::default()
            },
        );
    }
    let tags: Vec<(String, String)> = person_tags::table
        .filter(person_tags::person_id.eq_any(ids))
        .select((person_tags::person_id, person_tags::tag_id))
        .load(conn)?;
    for (p, t) in tags {
        if let Some(f) = out.get_mut(&p) {
            f.tags.push(t);
        }
    }
    let langs: Vec<(String, String, LanguageLevel)> = person_languages::table
        .filter(person_languages::person_id.eq_any(ids))
        .select((
            person_languages::person_id,
            person_languages::language,
            person_languages::level,
        ))
        .load(conn)?;
    for (p, l, lvl) in langs {
        if let Some(f) = out.get_mut(&p) {
            f.languages.push((l, lvl));
        }
    }
    let slots: Vec<(String, Slot)> = person_availability::table
        .filter(person_availability::person_id.eq_any(ids))
        .select((person_availability::person_id, person_availability::slot))
        .load(conn)?;
    for (p, s) in slots {
        if let Some(f) = out.get_mut(&p) {
            f.slots.push(s);
        }
    }
    Ok(out)
}

/// Live tags with their labels, how many people carry each, and how many people there are.
pub type TagUsage = (Vec<(String, [String; 4])>, HashMap<String, i64>, i64);

/// Usage count of every tag (for specificity).
pub fn tag_usage(conn: &mut DbConnection) -> QueryResult<TagUsage> {
    use crate::db::schema::tags;
    let all: Vec<(String, String, String, String, String)> = tags::table
        .filter(tags::merged_into.is_null())
        .select((
            tags::id,
            tags::label_fr,
            tags::label_en,
            tags::label_nl,
            tags::label_ar,
        ))
        .load(conn)?;
    let counts: Vec<(String, i64)> = person_tags::table
        .group_by(person_tags::tag_id)
        .select((person_tags::tag_id, diesel::dsl::count_star()))
        .load(conn)?;
    let people_count: i64 = people::table.count().get_result(conn)?;
    Ok((
        all.into_iter()
            .map(|(id, fr, en, nl, ar)| (id, [fr, en, nl, ar]))
            .collect(),
        counts.into_iter().collect(),
        people_count,
    ))
}
