//! Activity rows and their queries; venues, registrations and idempotency keys beside them.

mod idempotency;
mod registration_rows;
mod venue_rows;

pub use idempotency::{
    idempotent_response, purge_idempotency, store_idempotent_response, StoredAnswer,
};
pub use registration_rows::{attendees, AttendeeRow, RegistrationRow};
pub use venue_rows::{insert_venue, venue_exists, venues, VenueRow};

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use shared::activities::{
    ActivityKind, ActivityProgramme, ActivityStatus, Multilingual, RegistrationStatus, Visibility,
};
use shared::people::{Category, FrenchLevel};

use crate::db::schema::{
    activities, activity_hosts, activity_series, activity_staff, activity_tags, registrations,
    tags, venues,
};
use crate::db::{DbConnection, JsonText};
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = activities, treat_none_as_null = true)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ActivityRow {
    pub id: String,
    pub series_id: Option<String>,
    /// Multilingual text; text this code did not write is an error (logged, 500) on reading,
    /// never an activity shown without a title.
    pub title: JsonText<Multilingual>,
    pub description: JsonText<Multilingual>,
    pub programme: ActivityProgramme,
    pub kind: ActivityKind,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub venue_id: Option<String>,
    pub online_url: Option<String>,
    pub capacity: Option<i32>,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    /// ISO 639 codes, comma-separated.
    pub languages: String,
    pub french_level: Option<FrenchLevel>,
    pub free: bool,
    pub accessibility_notes: Option<String>,
    pub visibility: Visibility,
    pub status: ActivityStatus,
    pub cancel_reason: Option<String>,
    pub min_newcomer_percent: Option<i32>,
    pub min_local_percent: Option<i32>,
    pub sequence: i32,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Everything shown with an activity.
#[derive(Debug, Clone)]
pub struct ActivityRecord {
    pub row: ActivityRow,
    pub venue: Option<VenueRow>,
    pub tags: Vec<String>,
    /// (person id, display name, public name)
    pub hosts: Vec<(String, String, Option<String>)>,
    pub staff: Vec<String>,
    pub counts: Counts,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub registered: u32,
    pub waitlisted: u32,
    pub attended: u32,
    pub newcomers: u32,
    pub locals: u32,
}

impl ActivityRow {
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(activities::table)
            .values(self)
            .execute(conn)?;
        mark_if_public(conn, &self.id)
    }

    pub fn save(&mut self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::update(activities::table.find(self.id.clone()))
            .set(&*self)
            .execute(conn)?;
        mark_if_public(conn, &self.id)
    }

    pub fn get(conn: &mut DbConnection, id: &str) -> Result<ActivityRow, ApiError> {
        activities::table
            .find(id)
            .select(ActivityRow::as_select())
            .first(conn)
            .optional()?
            .ok_or(ApiError::NotFound)
    }

    /// Marks the activity changed (feeds revalidate on `updated_at`).
    pub fn touch(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
        diesel::update(activities::table.find(id))
            .set(activities::updated_at.eq(crate::db::now()))
            .execute(conn)
            .map(|_| ())
    }
}

/// Remembers that the activity is in the public feeds (public, published or cancelled): from
/// then on it stays there, as cancelled when withdrawn (see `ActivityQuery::public_since`).
fn mark_if_public(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
    diesel::update(
        activities::table
            .find(id)
            .filter(activities::visibility.eq(Visibility::Public))
            .filter(activities::status.ne(ActivityStatus::Draft)),
    )
    .set(activities::was_public.eq(true))
    .execute(conn)
    .map(|_| ())
}

/// Whether the activity has ever been in the public feeds.
pub fn was_public(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    activities::table
        .find(id)
        .select(activities::was_public)
        .first(conn)
        .optional()
        .map(|w| w.unwrap_or(false))
}

/// Marks the given activities changed: what the feeds show of them changed elsewhere (a tag was
/// renamed or merged), so their validators must move.
pub fn touch_many(conn: &mut DbConnection, ids: &[String]) -> QueryResult<usize> {
    diesel::update(activities::table.filter(activities::id.eq_any(ids)))
        .set(activities::updated_at.eq(crate::db::now()))
        .execute(conn)
}

/// Ids of the activities carrying a tag.
pub fn tagged_with(conn: &mut DbConnection, tag_id: &str) -> QueryResult<Vec<String>> {
    activity_tags::table
        .filter(activity_tags::tag_id.eq(tag_id))
        .select(activity_tags::activity_id)
        .load(conn)
}

pub fn insert_series(
    conn: &mut DbConnection,
    id: &str,
    recurrence: &str,
    by: Option<String>,
) -> QueryResult<()> {
    diesel::insert_into(activity_series::table)
        .values((
            activity_series::id.eq(id),
            activity_series::recurrence.eq(recurrence),
            activity_series::created_by.eq(by),
            activity_series::created_at.eq(crate::db::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn set_links(
    conn: &mut DbConnection,
    activity_id: &str,
    tag_ids: &[String],
    hosts: &[(String, Option<String>)],
    staff: &[String],
) -> QueryResult<()> {
    diesel::delete(activity_tags::table.filter(activity_tags::activity_id.eq(activity_id)))
        .execute(conn)?;
    diesel::delete(activity_hosts::table.filter(activity_hosts::activity_id.eq(activity_id)))
        .execute(conn)?;
    diesel::delete(activity_staff::table.filter(activity_staff::activity_id.eq(activity_id)))
        .execute(conn)?;
    for t in tag_ids {
        diesel::insert_into(activity_tags::table)
            .values((
                activity_tags::activity_id.eq(activity_id),
                activity_tags::tag_id.eq(t),
            ))
            .execute(conn)?;
    }
    for (p, public) in hosts {
        diesel::insert_into(activity_hosts::table)
            .values((
                activity_hosts::activity_id.eq(activity_id),
                activity_hosts::person_id.eq(p),
                activity_hosts::public_name.eq(public),
            ))
            .execute(conn)?;
    }
    for u in staff {
        diesel::insert_into(activity_staff::table)
            .values((
                activity_staff::activity_id.eq(activity_id),
                activity_staff::user_id.eq(u),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Registration counts per activity.
pub fn counts(conn: &mut DbConnection, ids: &[String]) -> QueryResult<HashMap<String, Counts>> {
    let rows: Vec<(String, RegistrationStatus, Option<Category>, i64)> = registrations::table
        .filter(registrations::activity_id.eq_any(ids))
        .group_by((
            registrations::activity_id,
            registrations::status,
            registrations::category,
        ))
        .select((
            registrations::activity_id,
            registrations::status,
            registrations::category,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    let mut out: HashMap<String, Counts> = HashMap::new();
    for (id, status, category, n) in rows {
        let n = u32::try_from(n).unwrap_or(0);
        let c = out.entry(id).or_default();
        match status {
            RegistrationStatus::Registered => c.registered += n,
            RegistrationStatus::Waitlisted => c.waitlisted += n,
            RegistrationStatus::Attended => c.attended += n,
            _ => {}
        }
        if status.holds_place() {
            // Partner staff (neither category) take a seat but count in neither group.
            match category {
                Some(Category::Newcomer) => c.newcomers += n,
                Some(Category::Local) => c.locals += n,
                None => {}
            }
        }
    }
    Ok(out)
}

/// Loads activities with venue, tags, hosts, staff and counts.
pub fn records(
    conn: &mut DbConnection,
    rows: Vec<ActivityRow>,
) -> QueryResult<Vec<ActivityRecord>> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let venue_ids: Vec<String> = rows.iter().filter_map(|r| r.venue_id.clone()).collect();
    let venues: HashMap<String, VenueRow> = venues::table
        .filter(venues::id.eq_any(&venue_ids))
        .select(VenueRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|v| (v.id.clone(), v))
        .collect();
    let mut tags_by: HashMap<String, Vec<String>> = HashMap::new();
    for (a, t) in activity_tags::table
        .filter(activity_tags::activity_id.eq_any(&ids))
        .select((activity_tags::activity_id, activity_tags::tag_id))
        .load::<(String, String)>(conn)?
    {
        tags_by.entry(a).or_default().push(t);
    }
    let mut hosts_by: HashMap<String, Vec<(String, String, Option<String>)>> = HashMap::new();
    let host_rows: Vec<(String, String, Option<String>)> = activity_hosts::table
        .filter(activity_hosts::activity_id.eq_any(&ids))
        .select((
            activity_hosts::activity_id,
            activity_hosts::person_id,
            activity_hosts::public_name,
        ))
        .load(conn)?;
    let person_ids: Vec<String> = host_rows.iter().map(|h| h.1.clone()).collect();
    let names = crate::people::store::names(conn, &person_ids)?;
    for (a, p, public) in host_rows {
        let name = names.get(&p).cloned().unwrap_or_default();
        hosts_by.entry(a).or_default().push((p, name, public));
    }
    let mut staff_by: HashMap<String, Vec<String>> = HashMap::new();
    for (a, u) in activity_staff::table
        .filter(activity_staff::activity_id.eq_any(&ids))
        .select((activity_staff::activity_id, activity_staff::user_id))
        .load::<(String, String)>(conn)?
    {
        staff_by.entry(a).or_default().push(u);
    }
    let counts = counts(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|row| ActivityRecord {
            venue: row.venue_id.as_ref().and_then(|v| venues.get(v).cloned()),
            tags: tags_by.remove(&row.id).unwrap_or_default(),
            hosts: hosts_by.remove(&row.id).unwrap_or_default(),
            staff: staff_by.remove(&row.id).unwrap_or_default(),
            counts: counts.get(&row.id).copied().unwrap_or_default(),
            row,
        })
        .collect())
}

/// Filters shared by the staff list and the public feeds.
#[derive(Debug, Clone, Default)]
pub struct ActivityQuery {
    pub start: Option<NaiveDateTime>,
    pub end: Option<NaiveDateTime>,
    pub programme: Option<ActivityProgramme>,
    pub kind: Option<ActivityKind>,
    pub status: Option<ActivityStatus>,
    pub series_id: Option<String>,
    /// Public feeds: public visibility, published or cancelled since then; and every activity
    /// once public that was set back to draft or internal (shown as cancelled).
    pub public_since: Option<NaiveDateTime>,
    pub modified_since: Option<NaiveDateTime>,
    /// Any of these tag ids.
    pub tags: Vec<String>,
}

pub fn list(
    conn: &mut DbConnection,
    q: &ActivityQuery,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<ActivityRow>, i64)> {
    let build = || {
        let mut b = activities::table.into_boxed();
        if let Some(s) = q.start {
            b = b.filter(activities::ends_at.ge(s));
        }
        if let Some(e) = q.end {
            b = b.filter(activities::starts_at.lt(e));
        }
        if let Some(p) = q.programme {
            b = b.filter(activities::programme.eq(p));
        }
        if let Some(k) = q.kind {
            b = b.filter(activities::kind.eq(k));
        }
        if let Some(s) = q.status {
            b = b.filter(activities::status.eq(s));
        }
        if let Some(s) = &q.series_id {
            b = b.filter(activities::series_id.eq(s.clone()));
        }
        if let Some(since) = q.public_since {
            let listed = activities::visibility.eq(Visibility::Public).and(
                activities::status
                    .eq(ActivityStatus::Published)
                    .or(activities::status
                        .eq(ActivityStatus::Cancelled)
                        .and(activities::updated_at.ge(since))),
            );
            let withdrawn = activities::was_public.eq(true).and(
                activities::visibility
                    .ne(Visibility::Public)
                    .or(activities::status.eq(ActivityStatus::Draft)),
            );
            b = b.filter(listed.or(withdrawn));
        }
        if let Some(m) = q.modified_since {
            b = b.filter(activities::updated_at.ge(m));
        }
        if !q.tags.is_empty() {
            b = b.filter(
                activities::id.eq_any(
                    activity_tags::table
                        .filter(activity_tags::tag_id.eq_any(q.tags.clone()))
                        .select(activity_tags::activity_id),
                ),
            );
        }
        b
    };
    let count = build().count().get_result(conn)?;
    let rows = build()
        .order((activities::starts_at.asc(), activities::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(ActivityRow::as_select())
        .load(conn)?;
    Ok((rows, count))
}

/// Version of the public agenda: the latest change and the number of public activities (those
/// withdrawn from it included). Any change to them (or their registrations) moves it.
pub fn public_version(conn: &mut DbConnection) -> QueryResult<(Option<NaiveDateTime>, i64)> {
    activities::table
        .filter(
            activities::visibility
                .eq(Visibility::Public)
                .and(activities::status.ne(ActivityStatus::Draft))
                .or(activities::was_public.eq(true)),
        )
        .select((
            diesel::dsl::max(activities::updated_at),
            diesel::dsl::count_star(),
        ))
        .first(conn)
}

/// Every activity counted by [`public_version`] (public and not a draft, or once so), changed at
/// or after `changed_since` when given: what the in-memory public agenda holds.
pub fn ever_public(
    conn: &mut DbConnection,
    changed_since: Option<NaiveDateTime>,
) -> QueryResult<Vec<ActivityRow>> {
    let mut q = activities::table
        .filter(
            activities::visibility
                .eq(Visibility::Public)
                .and(activities::status.ne(ActivityStatus::Draft))
                .or(activities::was_public.eq(true)),
        )
        .into_boxed();
    if let Some(since) = changed_since {
        q = q.filter(activities::updated_at.ge(since));
    }
    q.select(ActivityRow::as_select()).load(conn)
}

/// Tag slugs by id (for public feeds).
pub fn tag_slugs(conn: &mut DbConnection) -> QueryResult<HashMap<String, String>> {
    Ok(tags::table
        .select((tags::id, tags::slug))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

/// Ids of the activities a user is among the staff of.
pub fn staffed_by(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<String>> {
    activity_staff::table
        .filter(activity_staff::user_id.eq(user_id))
        .select(activity_staff::activity_id)
        .load(conn)
}

/// The capacity and opening rules read from a stored activity, for the pure rules of
/// `activities::domain`.
impl ActivityRow {
    pub fn rules(&self) -> crate::activities::domain::Rules {
        crate::activities::domain::Rules {
            capacity: self.capacity.and_then(|c| u32::try_from(c).ok()),
            min_newcomer_percent: self
                .min_newcomer_percent
                .and_then(|c| u32::try_from(c).ok()),
            min_local_percent: self.min_local_percent.and_then(|c| u32::try_from(c).ok()),
        }
    }

    /// Places left: capacity minus registered and attended.
    pub fn remaining(&self, c: &Counts) -> Option<u32> {
        self.capacity
            .and_then(|cap| u32::try_from(cap).ok())
            .map(|cap| cap.saturating_sub(c.registered + c.attended))
    }

    /// Whether people can register now. A full activity stays open: people join the waiting
    /// list.
    pub fn registration_open(&self, now: chrono::DateTime<chrono::Utc>) -> bool {
        let now = now.naive_utc();
        self.status == ActivityStatus::Published
            && self.registration_opens_at.is_none_or(|o| o <= now)
            && self.registration_closes_at.unwrap_or(self.starts_at) > now
    }
}
