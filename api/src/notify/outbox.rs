//! Delivery of the notification outbox by email. A background task, started with the server
//! when a mail server is configured, polls every few seconds (and wakes at once after a change
//! queued a notice), sends what is due, and retries with a growing delay; after
//! [`MAX_ATTEMPTS`] failures a notice is `failed` and staff see it as theirs to pass on.
//!
//! Several server processes may share one database, each with its own task: a task claims the
//! rows it sends for a lease (`db::claim`, `FOR UPDATE SKIP LOCKED` on PostgreSQL), so each is
//! sent once. A task killed mid-batch leaves its rows to another once the lease has run out:
//! at-least-once, the repeated email carrying the same `Message-ID`. A task does not start a
//! send after half its lease: what is left goes back to the queue.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use chrono_tz::Europe::Brussels;
use serde_json::json;
use shared::activities::Visibility;
use shared::notifications::{NotificationKind, NotificationStatus};
use shared::Lang;
use tokio::sync::Notify;

use shared::auth::RESET_PAGE;
use shared::users::PasswordLinkPurpose;

use crate::accounts::store::password_links::{self, PasswordLinkRow};
use crate::accounts::store::UserRow;
use crate::activities::dto::pick;
use crate::activities::feeds::ics::calendar;
use crate::activities::public::dto::{ics_event, ics_texts};
use crate::activities::public::service::CONFIRM_PATH;
use crate::activities::public::store::{self as confirmations, ConfirmationRow};
use crate::activities::service::load_one;
use crate::audit::{Actor, AuditAction};
use crate::db::{Db, DbConnection};
use crate::error::ApiError;
use crate::notify::mail::{Attachment, Mailer};
use crate::notify::store::{self as notifications, NotificationRow, MAX_ATTEMPTS};
use crate::notify::texts::Text;
use crate::people::store::PersonRow;

/// How often the task looks for due notices when nothing wakes it.
const POLL: Duration = Duration::from_secs(5);
/// Notices sent per round.
const BATCH: i64 = 20;

/// Delay before retry number `attempts` (1-based): 30 s, 2 min, 8 min, 32 min.
pub fn backoff(attempts: i32) -> chrono::Duration {
    let exp = u32::try_from(attempts.clamp(1, 5) - 1).unwrap_or(0);
    chrono::Duration::seconds(30 * 4_i64.pow(exp))
}

/// One sending task: its id among the processes sharing the database, and how long a claim
/// on an outbox row lasts.
#[derive(Debug, Clone)]
pub struct Sender {
    pub id: String,
    pub lease: Duration,
}

impl Sender {
    pub fn new(lease: Duration) -> Sender {
        Sender {
            id: crate::db::claim::sender_id(),
            lease,
        }
    }

    /// Whether a send may still start for rows claimed at `claimed_at`.
    fn may_send(&self, claimed_at: Instant) -> bool {
        claimed_at.elapsed() < self.lease / 2
    }
}

/// The `Message-ID` of the email for an outbox row: the same at every attempt.
fn message_id(kind: &str, id: &str, public_url: &str) -> String {
    let host = url::Url::parse(public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "interra.local".to_owned());
    format!("<{kind}.{id}@{host}>")
}

/// Sends due email notices until the server stops.
pub async fn run(db: Db, mailer: Mailer, public_url: String, wake: Arc<Notify>, sender: Sender) {
    tracing::info!(sender = %sender.id, "notification emails enabled");
    loop {
        if let Err(e) = deliver_confirmations(&db, &mailer, &public_url, &sender).await {
            tracing::warn!(error = %e, "confirmation emails round failed");
        }
        if let Err(e) = deliver_password_links(&db, &mailer, &public_url, &sender).await {
            tracing::warn!(error = %e, "password link emails round failed");
        }
        loop {
            match deliver_due(&db, &mailer, &public_url, &sender).await {
                // A full batch: there may be more.
                Ok(n) if n >= BATCH as usize => continue,
                Ok(_) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "notification outbox round failed");
                    break;
                }
            }
        }
        tokio::select! {
            _ = wake.notified() => {}
            _ = tokio::time::sleep(POLL) => {}
        }
    }
}

/// What an email says, in one language.
struct Draft {
    to: String,
    subject: String,
    body: String,
    /// A reminder's calendar invitation.
    attachment: Option<Attachment>,
}

/// One round: claims what is due and sends it; returns how many notices were claimed.
pub async fn deliver_due(
    db: &Db,
    mailer: &Mailer,
    public_url: &str,
    sender: &Sender,
) -> Result<usize, ApiError> {
    let base = public_url.to_owned();
    let (me, lease) = (sender.id.clone(), sender.lease);
    let claimed_at = Instant::now();
    let drafts = db
        .run(move |conn| {
            let rows = notifications::claim_due(conn, &me, lease, BATCH)?;
            let mut out = Vec::new();
            for row in rows {
                // One notice that cannot be written (stored text this code did not write)
                // fails on its own, with retries: it must not hold up the others.
                let draft = compose(conn, &row, &base).map_err(|e| {
                    tracing::error!(notification = %row.id, error = %e, "notification email not composed");
                    "the email could not be composed (see the server log)".to_owned()
                });
                out.push((row, draft));
            }
            Ok(out)
        })
        .await?;
    let tried = drafts.len();
    let mut drafts = drafts.into_iter();
    while let Some((row, draft)) = drafts.next() {
        if !sender.may_send(claimed_at) {
            let left: Vec<String> = std::iter::once(row.id)
                .chain(drafts.map(|(r, _)| r.id))
                .collect();
            let me = sender.id.clone();
            db.run(move |conn| Ok(notifications::release(conn, &me, &left)?))
                .await?;
            break;
        }
        let mid = message_id("notification", &row.id, public_url);
        let result = match draft {
            Ok(Some(d)) => {
                mailer
                    .send_with(&mid, &d.to, &d.subject, &d.body, d.attachment.as_ref())
                    .await
            }
            // The address vanished meanwhile (edited, anonymised): nothing to send to.
            Ok(None) => Err("the person has no email address any more".to_owned()),
            Err(e) => Err(e),
        };
        let id = row.id.clone();
        db.run(move |conn| {
            let system = Actor {
                user_id: None,
                ip: None,
                request_id: None,
            };
            match result {
                Ok(()) => {
                    if notifications::mark_sent(conn, &id)? {
                        crate::audit::audit_event(
                            conn,
                            &system,
                            AuditAction::NotificationSent,
                            "notification",
                            &id,
                            json!({ "kind": row.kind, "activity": row.activity_id }),
                        )?;
                    }
                }
                Err(e) => {
                    tracing::warn!(notification = %id, error = %e, "notification email not sent");
                    let status = notifications::mark_attempt_failed(
                        conn,
                        &id,
                        &e,
                        backoff(row.attempts + 1),
                    )?;
                    if status == Some(NotificationStatus::Failed) {
                        crate::audit::audit_event(
                            conn,
                            &system,
                            AuditAction::NotificationFailed,
                            "notification",
                            &id,
                            json!({ "attempts": MAX_ATTEMPTS }),
                        )?;
                    }
                }
            }
            Ok(())
        })
        .await?;
    }
    Ok(tried)
}

/// Sends due confirmation links of public registrations (one round). An address that cannot
/// be written to any more, or repeated failures, drop the link: no one else may receive it.
pub async fn deliver_confirmations(
    db: &Db,
    mailer: &Mailer,
    public_url: &str,
    sender: &Sender,
) -> Result<usize, ApiError> {
    let base = public_url.to_owned();
    let (me, lease) = (sender.id.clone(), sender.lease);
    let claimed_at = Instant::now();
    let drafts = db
        .run(move |conn| {
            let rows = confirmations::claim_due(conn, &me, lease, BATCH)?;
            let mut out = Vec::new();
            for row in rows {
                let draft = compose_confirmation(conn, &row, &base)?;
                out.push((row, draft));
            }
            Ok(out)
        })
        .await?;
    let tried = drafts.len();
    let mut drafts = drafts.into_iter();
    while let Some((row, draft)) = drafts.next() {
        if !sender.may_send(claimed_at) {
            let left: Vec<String> = std::iter::once(row.id)
                .chain(drafts.map(|(r, _)| r.id))
                .collect();
            let me = sender.id.clone();
            db.run(move |conn| Ok(confirmations::release(conn, &me, &left)?))
                .await?;
            break;
        }
        let mid = message_id("confirmation", &row.id, public_url);
        let result = match draft {
            Some(d) => mailer.send(&mid, &d.to, &d.subject, &d.body).await,
            None => Err("the person has no email address any more".to_owned()),
        };
        db.run(move |conn| {
            match result {
                Ok(()) => confirmations::mark_sent(conn, &row.id)?,
                Err(e) => {
                    tracing::warn!(confirmation = %row.id, error = %e, "confirmation email not sent");
                    confirmations::mark_attempt_failed(conn, &row, backoff(row.attempts + 1))?;
                }
            }
            Ok(())
        })
        .await?;
    }
    Ok(tried)
}

/// Sends due password links (one round). Repeated failures drop the link: no one else may
/// receive it.
pub async fn deliver_password_links(
    db: &Db,
    mailer: &Mailer,
    public_url: &str,
    sender: &Sender,
) -> Result<usize, ApiError> {
    let base = public_url.to_owned();
    let (me, lease) = (sender.id.clone(), sender.lease);
    let claimed_at = Instant::now();
    let drafts = db
        .run(move |conn| {
            let rows = password_links::claim_due(conn, &me, lease, BATCH)?;
            let mut out = Vec::new();
            for row in rows {
                let draft = compose_password_link(conn, &row, &base)?;
                out.push((row, draft));
            }
            Ok(out)
        })
        .await?;
    let tried = drafts.len();
    let mut drafts = drafts.into_iter();
    while let Some((row, draft)) = drafts.next() {
        if !sender.may_send(claimed_at) {
            let left: Vec<String> = std::iter::once(row.id)
                .chain(drafts.map(|(r, _)| r.id))
                .collect();
            let me = sender.id.clone();
            db.run(move |conn| Ok(password_links::release(conn, &me, &left)?))
                .await?;
            break;
        }
        let mid = message_id("password", &row.id, public_url);
        let result = match draft {
            Some(d) => mailer.send(&mid, &d.to, &d.subject, &d.body).await,
            None => Err("the account is gone or inactive".to_owned()),
        };
        db.run(move |conn| {
            match result {
                Ok(()) => password_links::mark_sent(conn, &row.id)?,
                Err(e) => {
                    tracing::warn!(link = %row.id, error = %e, "password link email not sent");
                    password_links::mark_attempt_failed(conn, &row, backoff(row.attempts + 1))?;
                }
            }
            Ok(())
        })
        .await?;
    }
    Ok(tried)
}

/// The email carrying a password link, in the language it was asked in; `None` when the
/// account is gone or inactive.
fn compose_password_link(
    conn: &mut DbConnection,
    row: &PasswordLinkRow,
    base: &str,
) -> Result<Option<Draft>, ApiError> {
    let Some(token) = row.token.as_deref() else {
        return Ok(None);
    };
    let Some(user) = UserRow::find(conn, crate::db::stored_id(&row.user_id)?)?.filter(|u| u.active)
    else {
        return Ok(None);
    };
    let lang = Lang::from_tag(&row.lang).unwrap_or(Lang::Fr);
    let t = |text: Text| text.text(lang);
    let (subject, ask, ignore) = match row.purpose {
        PasswordLinkPurpose::Reset => (
            Text::ResetSubject,
            Text::ResetAsk,
            format!("{}\n\n", t(Text::ResetIgnore)),
        ),
        PasswordLinkPurpose::Invitation => (Text::InviteSubject, Text::InviteAsk, String::new()),
    };
    let (until_day, until) = local(row.expires_at);
    let body = format!(
        "{} {},\n\n{}\n{base}{RESET_PAGE}?token={token}\n\n{} {until_day} {until} ({}).\n\n{ignore}{}\n",
        t(Text::Hello),
        user.display_name,
        t(ask),
        t(Text::ConfirmUntil),
        t(Text::TimeZone),
        t(Text::Signature),
    );
    Ok(Some(Draft {
        to: user.email,
        subject: t(subject).to_owned(),
        body,
        attachment: None,
    }))
}

/// The email carrying a confirmation link, in the form's language; `None` without an address.
fn compose_confirmation(
    conn: &mut DbConnection,
    row: &ConfirmationRow,
    base: &str,
) -> Result<Option<Draft>, ApiError> {
    let (Some(token), Some(person)) = (
        row.token.as_deref(),
        PersonRow::find(conn, crate::db::stored_id(&row.person_id)?)?,
    ) else {
        return Ok(None);
    };
    let Some(email) = person.email.clone().filter(|e| !e.trim().is_empty()) else {
        return Ok(None);
    };
    let lang = Lang::from_tag(&row.lang).unwrap_or(Lang::Fr);
    let rec = load_one(conn, &row.activity_id)?;
    let title = pick(&rec.row.title.0, lang.code());
    let name = crate::people::domain::display_name(
        &person.first_name,
        person.last_name.as_deref(),
        person.preferred_name.as_deref(),
    );
    let t = |text: Text| text.text(lang);
    let (day, start) = local(rec.row.starts_at);
    let (until_day, until) = local(row.expires_at);
    let body = format!(
        "{} {name},\n\n{}\n{base}{CONFIRM_PATH}?token={token}\n\n{} {until_day} {until} ({}).\n{} {day} {start}\n\n{}\n\n{}\n",
        t(Text::Hello),
        t(Text::ConfirmAsk).replace("{title}", &title),
        t(Text::ConfirmUntil),
        t(Text::TimeZone),
        t(Text::When),
        t(Text::ConfirmIgnore),
        t(Text::Signature),
    );
    Ok(Some(Draft {
        to: email,
        subject: format!("{} {title}", t(Text::ConfirmSubject)),
        body,
        attachment: None,
    }))
}

/// Brussels local date and time, e.g. `05/12/2026 14:00`.
fn local(t: NaiveDateTime) -> (String, String) {
    let l = t.and_utc().with_timezone(&Brussels);
    (
        l.format("%d/%m/%Y").to_string(),
        l.format("%H:%M").to_string(),
    )
}

/// The email for a notice, in the person's language (French when unknown); `None` when the
/// person has no address.
fn compose(
    conn: &mut DbConnection,
    row: &NotificationRow,
    base: &str,
) -> Result<Option<Draft>, ApiError> {
    let person_id = crate::db::stored_id(&row.person_id)?;
    let Some(person) = PersonRow::find(conn, person_id)? else {
        return Ok(None);
    };
    let Some(email) = person.email.clone().filter(|e| !e.trim().is_empty()) else {
        return Ok(None);
    };
    let lang = notifications::person_lang(conn, &person.id)?;
    let rec = load_one(conn, &row.activity_id)?;
    let a = &rec.row;
    let title = pick(&a.title.0, lang.code());
    let (day, start) = local(a.starts_at);
    let (end_day, end) = local(a.ends_at);
    let when = if end_day == day {
        format!("{day} {start}–{end}")
    } else {
        format!("{day} {start} – {end_day} {end}")
    };
    let place = rec
        .venue
        .as_ref()
        .map(|v| v.address())
        .or_else(|| a.online_url.clone());
    let url = (a.visibility == Visibility::Public).then(|| format!("{base}/events/{}", a.id));
    let name = crate::people::domain::display_name(
        &person.first_name,
        person.last_name.as_deref(),
        person.preferred_name.as_deref(),
    );
    let t = |text: Text| text.text(lang);
    let mut body = format!("{} {name},\n\n", t(Text::Hello));
    let subject = match row.kind {
        NotificationKind::Promoted => {
            body.push_str(&t(Text::Promoted).replace("{title}", &title));
            format!("{} {title}", t(Text::PromotedSubject))
        }
        NotificationKind::ActivityCancelled => {
            body.push_str(&t(Text::Cancelled).replace("{title}", &title));
            if let Some(reason) = &a.cancel_reason {
                body.push_str(&format!("\n{} {reason}", t(Text::Reason)));
            }
            format!("{} {title}", t(Text::CancelledSubject))
        }
        NotificationKind::Reminder => {
            body.push_str(&t(Text::Reminder).replace("{title}", &title));
            format!("{} {title}", t(Text::ReminderSubject))
        }
    };
    body.push_str(&format!(
        "\n\n{} {when} ({})",
        t(Text::When),
        t(Text::TimeZone)
    ));
    if let Some(p) = place {
        body.push_str(&format!("\n{} {p}", t(Text::Place)));
    }
    if let Some(u) = &url {
        body.push_str(&format!("\n{} {u}", t(Text::More)));
    }
    if matches!(
        row.kind,
        NotificationKind::Promoted | NotificationKind::Reminder
    ) {
        body.push_str(&format!("\n\n{}", t(Text::CannotCome)));
    }
    body.push_str(&format!("\n\n{}\n", t(Text::Signature)));
    let attachment = (row.kind == NotificationKind::Reminder).then(|| {
        // The public feed's event (same UID): a calendar that has both keeps one.
        let texts = ics_texts(&rec, lang);
        let page = url.clone().unwrap_or_default();
        let event = ics_event(&rec, &texts, &page, vec![a.programme.as_str().to_owned()]);
        Attachment {
            filename: "invitation.ics".to_owned(),
            content_type: "text/calendar; charset=utf-8; method=PUBLISH",
            body: calendar(&texts.0, std::slice::from_ref(&event)),
        }
    });
    Ok(Some(Draft {
        to: email,
        subject,
        body,
        attachment,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off() {
        assert_eq!(backoff(1), chrono::Duration::seconds(30));
        assert_eq!(backoff(2), chrono::Duration::seconds(120));
        assert_eq!(backoff(4), chrono::Duration::seconds(1920));
    }
}
