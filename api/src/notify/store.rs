//! The notification outbox: rows written in the same transaction as the change they announce,
//! delivered later by email (see `crate::notify::outbox`) or by a staff member.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::notifications::{NotificationChannel, NotificationKind, NotificationStatus};
use uuid::Uuid;

use crate::db::schema::{consents, notifications, people, person_languages};
use crate::db::DbConnection;

/// Deliveries tried before an email notification is given up and handed to staff.
pub const MAX_ATTEMPTS: i32 = 5;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = notifications)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct NotificationRow {
    pub id: String,
    pub kind: NotificationKind,
    pub person_id: String,
    pub activity_id: String,
    pub registration_id: Option<String>,
    pub channel: NotificationChannel,
    pub status: NotificationStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub done_at: Option<NaiveDateTime>,
    pub done_by: Option<String>,
    pub done_note: Option<String>,
}

/// Notices not delivered yet (by email or by staff).
const OPEN: [NotificationStatus; 2] = [NotificationStatus::Pending, NotificationStatus::Failed];

/// Queues the notice about `registration_id` (one row per registration and kind). A row already
/// waiting is kept as it is; one already delivered is reopened, since this is a new event (the
/// person cancelled, registered again and was promoted again). Returns the row's id. Call
/// inside the transaction of the change.
pub fn enqueue(
    conn: &mut DbConnection,
    kind: NotificationKind,
    activity_id: &str,
    registration_id: &str,
    person_id: &str,
) -> QueryResult<String> {
    let now = crate::db::now();
    let email: Option<String> = people::table
        .find(person_id)
        .select(people::email)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten()
        .filter(|e| !e.trim().is_empty());
    let channel = if email.is_some() {
        NotificationChannel::Email
    } else {
        NotificationChannel::Staff
    };
    let existing: Option<(String, NotificationStatus)> = notifications::table
        .filter(notifications::registration_id.eq(registration_id))
        .filter(notifications::kind.eq(kind))
        .select((notifications::id, notifications::status))
        .first(conn)
        .optional()?;
    match existing {
        Some((id, status)) if OPEN.contains(&status) => Ok(id),
        Some((id, _)) => {
            diesel::update(notifications::table.find(&id))
                .set((
                    notifications::channel.eq(channel),
                    notifications::status.eq(NotificationStatus::Pending),
                    notifications::attempts.eq(0),
                    notifications::last_error.eq(None::<String>),
                    notifications::next_attempt_at.eq(now),
                    notifications::created_at.eq(now),
                    notifications::sent_at.eq(None::<NaiveDateTime>),
                    notifications::done_at.eq(None::<NaiveDateTime>),
                    notifications::done_by.eq(None::<String>),
                    notifications::done_note.eq(None::<String>),
                    notifications::claimed_by.eq(None::<String>),
                    notifications::lease_until.eq(None::<NaiveDateTime>),
                ))
                .execute(conn)?;
            Ok(id)
        }
        None => {
            let row = NotificationRow {
                id: Uuid::now_v7().to_string(),
                kind,
                person_id: person_id.to_owned(),
                activity_id: activity_id.to_owned(),
                registration_id: Some(registration_id.to_owned()),
                channel,
                status: NotificationStatus::Pending,
                attempts: 0,
                last_error: None,
                next_attempt_at: now,
                created_at: now,
                sent_at: None,
                done_at: None,
                done_by: None,
                done_note: None,
            };
            diesel::insert_into(notifications::table)
                .values(&row)
                .execute(conn)?;
            Ok(row.id)
        }
    }
}

/// Queues the notice of `kind` about `registration_id` unless one was ever queued (a reminder
/// is sent once, whatever became of it). Returns the new row's id, `None` when there was one.
/// Call inside a write transaction; the unique (registration, kind) pair backs it up.
pub fn enqueue_once(
    conn: &mut DbConnection,
    kind: NotificationKind,
    activity_id: &str,
    registration_id: &str,
    person_id: &str,
) -> QueryResult<Option<String>> {
    let exists: i64 = notifications::table
        .filter(notifications::registration_id.eq(registration_id))
        .filter(notifications::kind.eq(kind))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(None);
    }
    enqueue(conn, kind, activity_id, registration_id, person_id).map(Some)
}

/// Withdraws undelivered notices of `kind` about these registrations (the news they carry no
/// longer holds: the promoted person cancelled, or the activity was cancelled meanwhile).
pub fn withdraw(
    conn: &mut DbConnection,
    kind: NotificationKind,
    registration_ids: &[String],
) -> QueryResult<usize> {
    diesel::delete(
        notifications::table
            .filter(notifications::kind.eq(kind))
            .filter(notifications::registration_id.eq_any(registration_ids))
            .filter(notifications::status.eq_any(OPEN)),
    )
    .execute(conn)
}

/// Undelivered notices of `kind` on these activities, oldest first.
pub fn open_on(
    conn: &mut DbConnection,
    kind: NotificationKind,
    activity_ids: &[String],
) -> QueryResult<Vec<NotificationRow>> {
    notifications::table
        .filter(notifications::kind.eq(kind))
        .filter(notifications::activity_id.eq_any(activity_ids))
        .filter(notifications::status.eq_any(OPEN))
        .order((notifications::created_at.asc(), notifications::id.asc()))
        .select(NotificationRow::as_select())
        .load(conn)
}

pub fn get(conn: &mut DbConnection, id: &str) -> QueryResult<Option<NotificationRow>> {
    notifications::table
        .find(id)
        .select(NotificationRow::as_select())
        .first(conn)
        .optional()
}

/// Filters of the staff list.
#[derive(Debug, Clone, Default)]
pub struct NotificationQuery {
    pub statuses: Vec<NotificationStatus>,
    pub activity_id: Option<String>,
    pub channel: Option<NotificationChannel>,
    /// Only the notifications on these activities (what the caller may manage); `None`: all.
    pub activities: Option<Vec<String>>,
    /// Only what staff must pass on themselves.
    pub to_do: bool,
    /// Whether a mail server delivers the email notices (otherwise staff pass those on too).
    pub smtp: bool,
}

/// Whether staff must tell the person themselves.
pub fn needs_staff(status: NotificationStatus, channel: NotificationChannel, smtp: bool) -> bool {
    status == NotificationStatus::Failed
        || (status == NotificationStatus::Pending
            && (channel == NotificationChannel::Staff || !smtp))
}

pub fn list(
    conn: &mut DbConnection,
    q: &NotificationQuery,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<NotificationRow>, i64)> {
    let build = || {
        let mut b = notifications::table.into_boxed();
        if !q.statuses.is_empty() {
            b = b.filter(notifications::status.eq_any(q.statuses.clone()));
        }
        if let Some(a) = &q.activity_id {
            b = b.filter(notifications::activity_id.eq(a.clone()));
        }
        if let Some(c) = q.channel {
            b = b.filter(notifications::channel.eq(c));
        }
        if let Some(ids) = &q.activities {
            b = b.filter(notifications::activity_id.eq_any(ids.clone()));
        }
        if q.to_do && q.smtp {
            b = b.filter(
                notifications::status
                    .eq(NotificationStatus::Failed)
                    .or(notifications::status
                        .eq(NotificationStatus::Pending)
                        .and(notifications::channel.eq(NotificationChannel::Staff))),
            );
        } else if q.to_do {
            b = b.filter(notifications::status.eq_any(OPEN));
        }
        b
    };
    let count = build().count().get_result(conn)?;
    let rows = build()
        .order((notifications::created_at.asc(), notifications::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(NotificationRow::as_select())
        .load(conn)?;
    Ok((rows, count))
}

/// Marks a notification as handled by a staff member; false when it was no longer open.
pub fn mark_done(
    conn: &mut DbConnection,
    id: &str,
    by: &str,
    note: Option<&str>,
) -> QueryResult<bool> {
    let now = crate::db::now();
    let n = diesel::update(
        notifications::table
            .find(id)
            .filter(notifications::status.eq_any(OPEN)),
    )
    .set((
        notifications::status.eq(NotificationStatus::Done),
        notifications::done_at.eq(now),
        notifications::done_by.eq(by),
        notifications::done_note.eq(note),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// The email notices waiting for delivery, as a queue several senders share.
const EMAIL_QUEUE: crate::db::claim::Queue = crate::db::claim::Queue {
    table: "notifications",
    waiting: "status = 'pending' AND channel = 'email'",
};

/// Claims up to `limit` email notifications due for a delivery attempt for the sender `by`
/// until its `lease` runs out (see `db::claim`: each is claimed by one sender at a time), and
/// returns them oldest first.
pub fn claim_due(
    conn: &mut DbConnection,
    by: &str,
    lease: std::time::Duration,
    limit: i64,
) -> QueryResult<Vec<NotificationRow>> {
    let ids = crate::db::claim::claim(conn, EMAIL_QUEUE, by, lease, limit)?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    notifications::table
        .filter(notifications::id.eq_any(ids))
        .order((
            notifications::next_attempt_at.asc(),
            notifications::id.asc(),
        ))
        .select(NotificationRow::as_select())
        .load(conn)
}

/// Gives back claimed notices the sender did not try (its lease was running out).
pub fn release(conn: &mut DbConnection, by: &str, ids: &[String]) -> QueryResult<usize> {
    diesel::update(
        notifications::table
            .filter(notifications::id.eq_any(ids))
            .filter(notifications::claimed_by.eq(by)),
    )
    .set(notifications::lease_until.eq(None::<NaiveDateTime>))
    .execute(conn)
}

/// Records a delivery; false when staff handled (or withdrew) it meanwhile.
pub fn mark_sent(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    let now = crate::db::now();
    let n = diesel::update(
        notifications::table
            .find(id)
            .filter(notifications::status.eq(NotificationStatus::Pending)),
    )
    .set((
        notifications::status.eq(NotificationStatus::Sent),
        notifications::sent_at.eq(now),
        notifications::attempts.eq(notifications::attempts + 1),
        notifications::last_error.eq(None::<String>),
        notifications::lease_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Records a failed delivery: retried after `retry_in`, or `failed` (for staff) after
/// [`MAX_ATTEMPTS`]. Returns the new status, if the row was still pending.
pub fn mark_attempt_failed(
    conn: &mut DbConnection,
    id: &str,
    error: &str,
    retry_in: chrono::Duration,
) -> QueryResult<Option<NotificationStatus>> {
    let Some(row) = get(conn, id)?.filter(|r| r.status == NotificationStatus::Pending) else {
        return Ok(None);
    };
    let attempts = row.attempts + 1;
    let status = if attempts >= MAX_ATTEMPTS {
        NotificationStatus::Failed
    } else {
        NotificationStatus::Pending
    };
    let error: String = error.chars().take(500).collect();
    diesel::update(
        notifications::table
            .find(id)
            .filter(notifications::status.eq(NotificationStatus::Pending)),
    )
    .set((
        notifications::status.eq(status),
        notifications::attempts.eq(attempts),
        notifications::last_error.eq(error),
        notifications::next_attempt_at.eq(crate::db::now() + retry_in),
        notifications::lease_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    Ok(Some(status))
}

/// The language a person chose the last time they read the privacy notice (the public forms
/// record it), if it is one the platform speaks.
pub fn preferred_lang(conn: &mut DbConnection, person_id: &str) -> QueryResult<Option<String>> {
    let lang: Option<String> = consents::table
        .filter(consents::person_id.eq(person_id))
        .order(consents::given_at.desc())
        .select(consents::notice_lang)
        .first(conn)
        .optional()?;
    Ok(lang.filter(|l| matches!(l.as_str(), "fr" | "en" | "nl" | "ar")))
}

/// The language to write to a person in: the one of the privacy notice they last read, else
/// the language of the platform they speak best (French first on a tie), else French.
pub fn person_lang(conn: &mut DbConnection, person_id: &str) -> QueryResult<shared::Lang> {
    if let Some(l) = preferred_lang(conn, person_id)?
        .as_deref()
        .and_then(shared::Lang::from_tag)
    {
        return Ok(l);
    }
    let spoken: Vec<(String, shared::people::LanguageLevel)> = person_languages::table
        .filter(person_languages::person_id.eq(person_id))
        .select((person_languages::language, person_languages::level))
        .load(conn)?;
    Ok(best_spoken(&spoken).unwrap_or(shared::Lang::Fr))
}

/// Of the languages a person speaks, the platform's they speak best (in the order fr, nl, en,
/// ar on a tie).
pub fn best_spoken(spoken: &[(String, shared::people::LanguageLevel)]) -> Option<shared::Lang> {
    use shared::Lang::*;
    [Fr, Nl, En, Ar]
        .into_iter()
        .enumerate()
        .filter_map(|(order, lang)| {
            spoken
                .iter()
                .filter(|(code, _)| code.eq_ignore_ascii_case(lang.code()))
                .map(|(_, level)| ((*level, std::cmp::Reverse(order)), lang))
                .max_by_key(|(rank, _)| *rank)
        })
        .max_by_key(|(rank, _)| *rank)
        .map(|(_, lang)| lang)
}

/// A person's outbox entries when they are anonymised: undelivered ones go (there is no one to
/// tell any more), and delivery errors, which may quote the address, are wiped.
pub fn forget_person(conn: &mut DbConnection, person_id: &str) -> QueryResult<()> {
    diesel::delete(
        notifications::table
            .filter(notifications::person_id.eq(person_id))
            .filter(notifications::status.eq_any(OPEN)),
    )
    .execute(conn)?;
    diesel::update(notifications::table.filter(notifications::person_id.eq(person_id)))
        .set((
            notifications::last_error.eq(None::<String>),
            notifications::done_note.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// A person's notices, for their data export.
pub fn of_person(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<NotificationRow>> {
    notifications::table
        .filter(notifications::person_id.eq(person_id))
        .order(notifications::created_at.asc())
        .select(NotificationRow::as_select())
        .load(conn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::people::LanguageLevel::*;
    use shared::Lang;

    #[test]
    fn the_best_spoken_language_of_the_platform_is_chosen() {
        let s = |v: &[(&str, shared::people::LanguageLevel)]| {
            best_spoken(
                &v.iter()
                    .map(|(c, l)| ((*c).to_owned(), *l))
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(s(&[("ar", Native), ("fr", Intermediate)]), Some(Lang::Ar));
        assert_eq!(s(&[("en", Fluent), ("fr", Fluent)]), Some(Lang::Fr));
        assert_eq!(s(&[("ti", Native), ("nl", Basic)]), Some(Lang::Nl));
        assert_eq!(s(&[("ti", Native)]), None);
    }
}
