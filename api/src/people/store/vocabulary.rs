//! The vocabulary of interests.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{activity_tags, person_tags, tags};
use crate::db::DbConnection;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = tags)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct TagRow {
    pub id: String,
    pub slug: String,
    pub category: String,
    pub label_fr: String,
    pub label_en: String,
    pub label_nl: String,
    pub label_ar: String,
    pub merged_into: Option<String>,
    pub created_at: NaiveDateTime,
}

impl TagRow {
    pub fn to_dto(&self, usage: i64) -> Result<shared::tags::Tag, ApiError> {
        Ok(shared::tags::Tag {
            id: self
                .id
                .parse()
                .map_err(|_| anyhow::anyhow!("malformed tag id"))?,
            slug: self.slug.clone(),
            category: self.category.clone(),
            label_fr: self.label_fr.clone(),
            label_en: self.label_en.clone(),
            label_nl: self.label_nl.clone(),
            label_ar: self.label_ar.clone(),
            usage: u64::try_from(usage).unwrap_or(0),
        })
    }

    pub fn get(conn: &mut DbConnection, id: Uuid) -> Result<TagRow, ApiError> {
        tags::table
            .find(id.to_string())
            .filter(tags::merged_into.is_null())
            .select(TagRow::as_select())
            .first(conn)
            .optional()?
            .ok_or(ApiError::NotFound)
    }

    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(tags::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(tags::table.find(self.id.clone()))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }
}

/// Live tags (not merged away) with how many people carry each, by category then slug.
pub fn list(conn: &mut DbConnection) -> QueryResult<Vec<(TagRow, i64)>> {
    let rows: Vec<TagRow> = tags::table
        .filter(tags::merged_into.is_null())
        .order((tags::category.asc(), tags::slug.asc()))
        .select(TagRow::as_select())
        .load(conn)?;
    let counts: Vec<(String, i64)> = person_tags::table
        .group_by(person_tags::tag_id)
        .select((person_tags::tag_id, diesel::dsl::count_star()))
        .load(conn)?;
    let counts: std::collections::HashMap<String, i64> = counts.into_iter().collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let n = counts.get(&r.id).copied().unwrap_or(0);
            (r, n)
        })
        .collect())
}

/// How many people carry a tag.
pub fn usage(conn: &mut DbConnection, id: &str) -> QueryResult<i64> {
    person_tags::table
        .filter(person_tags::tag_id.eq(id))
        .count()
        .get_result(conn)
}

/// Resolves tag ids or slugs to live tag ids; unknown ones are returned in the error list.
pub fn resolve(
    conn: &mut DbConnection,
    keys: &[String],
) -> QueryResult<(Vec<String>, Vec<String>)> {
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for key in keys {
        let id: Option<String> = tags::table
            .filter(tags::id.eq(key).or(tags::slug.eq(key)))
            .filter(tags::merged_into.is_null())
            .select(tags::id)
            .first(conn)
            .optional()?;
        match id {
            Some(id) => found.push(id),
            None => unknown.push(key.clone()),
        }
    }
    Ok((found, unknown))
}

/// Re-points every use of `from` to `into` and retires `from`. A person who had both keeps one.
pub fn merge(conn: &mut DbConnection, from: &str, into: &str) -> QueryResult<usize> {
    let holders: Vec<String> = person_tags::table
        .filter(person_tags::tag_id.eq(into))
        .select(person_tags::person_id)
        .load(conn)?;
    diesel::delete(
        person_tags::table
            .filter(person_tags::tag_id.eq(from))
            .filter(person_tags::person_id.eq_any(&holders)),
    )
    .execute(conn)?;
    let moved = diesel::update(person_tags::table.filter(person_tags::tag_id.eq(from)))
        .set(person_tags::tag_id.eq(into))
        .execute(conn)?;
    // Activities carrying it now carry `into` (once), and the feeds showing them change.
    let activities = crate::activities::store::tagged_with(conn, from)?;
    let already = crate::activities::store::tagged_with(conn, into)?;
    diesel::delete(
        activity_tags::table
            .filter(activity_tags::tag_id.eq(from))
            .filter(activity_tags::activity_id.eq_any(&already)),
    )
    .execute(conn)?;
    diesel::update(activity_tags::table.filter(activity_tags::tag_id.eq(from)))
        .set(activity_tags::tag_id.eq(into))
        .execute(conn)?;
    crate::activities::store::touch_many(conn, &activities)?;
    // Workshop proposals carrying it, too.
    crate::activities::interact::store::merge_tag(conn, from, into)?;
    diesel::update(tags::table.find(from))
        .set(tags::merged_into.eq(into))
        .execute(conn)?;
    // Tags merged earlier into `from` now point at `into`.
    diesel::update(tags::table.filter(tags::merged_into.eq(from)))
        .set(tags::merged_into.eq(into))
        .execute(conn)?;
    Ok(moved)
}
