//! Listing people: the combinable filters, search and sort orders.

use std::collections::HashMap;

use diesel::prelude::*;
use shared::people::{
    Category, FrenchLevel, MembershipStatus, PeopleSort, PersonStatus, Programme, ProgrammeRole,
    Slot,
};

use super::PersonRow;
use crate::accounts::store::escape_like;
use crate::db::schema::{
    memberships, people, person_availability, person_coaches, person_languages, person_tags,
};
use crate::db::DbConnection;
use crate::people::domain::fold;

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

impl From<PeopleSort> for Sort {
    fn from(s: PeopleSort) -> Sort {
        match s {
            PeopleSort::Name => Sort::Name,
            PeopleSort::NameDescending => Sort::NameDesc,
            PeopleSort::Created => Sort::Created,
            PeopleSort::CreatedDescending => Sort::CreatedDesc,
            PeopleSort::Updated => Sort::Updated,
            PeopleSort::UpdatedDescending => Sort::UpdatedDesc,
        }
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
        let in_programme = |p: Programme| memberships::programme.eq(p);
        let with_role = |r: ProgrammeRole| memberships::role.eq(r);
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
            q = q.filter(people::french_level.eq_any(levels.clone()));
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
                        .eq(Category::Newcomer)
                        .or(people::category_override
                            .is_null()
                            .and(people::profile.eq(Category::Newcomer))
                            .and(
                                people::arrival_year
                                    .gt(threshold)
                                    .or(people::arrival_year.is_null()),
                            )),
                ),
                Category::Local => q.filter(
                    people::category_override
                        .eq(Category::Local)
                        .or(people::category_override.is_null().and(
                            people::profile
                                .eq(Category::Local)
                                .or(people::arrival_year.le(threshold)),
                        )),
                ),
            };
        }
        if let Some(slot) = f.slot {
            q = q.filter(
                people::id.eq_any(
                    person_availability::table
                        .filter(person_availability::slot.eq(slot))
                        .select(person_availability::person_id),
                ),
            );
        }
        if let Some(s) = f.status {
            q = q.filter(people::status.eq(s));
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
) -> QueryResult<HashMap<String, Vec<Programme>>> {
    let rows: Vec<(String, Programme)> = memberships::table
        .filter(memberships::person_id.eq_any(ids))
        .filter(
            memberships::status.ne_all([MembershipStatus::Withdrawn, MembershipStatus::Completed]),
        )
        .select((memberships::person_id, memberships::programme))
        .distinct()
        .load(conn)?;
    let mut map: HashMap<String, Vec<Programme>> = HashMap::new();
    for (p, prog) in rows {
        map.entry(p).or_default().push(prog);
    }
    Ok(map)
}
