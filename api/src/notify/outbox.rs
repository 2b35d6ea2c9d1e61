//! Delivery of the notification outbox by email. A background task, started with the server
//! when `INTERRA_SMTP_URL` is set, polls every few seconds (and wakes at once after a change
//! queued a notice), sends what is due, and retries with a growing delay; after
//! [`MAX_ATTEMPTS`] failures a notice is `failed` and staff see it as theirs to pass on.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use chrono::NaiveDateTime;
use chrono_tz::Europe::Brussels;
use lettre::message::{header::ContentType, Mailbox};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Message, Tokio1Executor};
use serde_json::json;
use tokio::sync::Notify;

use crate::activities::store::{self as store, ActivityRow};
use crate::audit::Actor;
use crate::db::{redact, Db};
use crate::error::ApiError;
use crate::notify::store::{self as notifications, NotificationRow, MAX_ATTEMPTS};
use crate::people::store::PersonRow;

/// How often the task looks for due notices when nothing wakes it.
const POLL: Duration = Duration::from_secs(5);
/// Notices sent per round.
const BATCH: i64 = 20;

pub type Transport = AsyncSmtpTransport<Tokio1Executor>;

/// The SMTP transport for a URL. `smtp://` uses STARTTLS (required), except towards a loopback
/// address, where plain SMTP is allowed (a local relay, or the test suite's sink); `smtps://`
/// uses TLS from the start; a `?tls=` parameter (`required`, `opportunistic`) overrides.
pub fn transport(url: &str) -> anyhow::Result<Transport> {
    let parsed = url::Url::parse(url)
        .with_context(|| format!("INTERRA_SMTP_URL is not a URL ({})", redact(url)))?;
    let loopback = match parsed.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        // `smtp:` is not a special scheme: an IPv4 host stays a "domain" for the URL parser.
        Some(url::Host::Domain(d)) => {
            d == "localhost"
                || d.parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
        None => anyhow::bail!("INTERRA_SMTP_URL has no host ({})", redact(url)),
    };
    let explicit_tls = parsed.query_pairs().any(|(k, _)| k == "tls");
    let effective = match parsed.scheme() {
        "smtp" if !loopback && !explicit_tls => {
            let mut u = parsed.clone();
            u.query_pairs_mut().append_pair("tls", "required");
            u.to_string()
        }
        "smtp" | "smtps" => url.to_owned(),
        other => {
            anyhow::bail!("INTERRA_SMTP_URL must start with smtp:// or smtps:// (got {other}://)")
        }
    };
    Ok(Transport::from_url(&effective)
        .with_context(|| format!("invalid INTERRA_SMTP_URL ({})", redact(url)))?
        .timeout(Some(Duration::from_secs(20)))
        .build())
}

/// Delay before retry number `attempts` (1-based): 30 s, 2 min, 8 min, 32 min.
pub fn backoff(attempts: i32) -> chrono::Duration {
    let exp = u32::try_from(attempts.clamp(1, 5) - 1).unwrap_or(0);
    chrono::Duration::seconds(30 * 4_i64.pow(exp))
}

/// Sends due email notices until the server stops.
pub async fn run(
    db: Db,
    transport: Transport,
    from: Mailbox,
    public_url: String,
    wake: Arc<Notify>,
) {
    tracing::info!("notification emails enabled");
    loop {
        loop {
            match deliver_due(&db, &transport, &from, &public_url).await {
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
}

/// One round: sends what is due; returns how many notices were tried.
pub async fn deliver_due(
    db: &Db,
    transport: &Transport,
    from: &Mailbox,
    public_url: &str,
) -> Result<usize, ApiError> {
    let base = public_url.to_owned();
    let drafts = db
        .run(move |conn| {
            let rows = notifications::due(conn, BATCH)?;
            let mut out = Vec::new();
            for row in rows {
                let draft = compose(conn, &row, &base)?;
                out.push((row, draft));
            }
            Ok(out)
        })
        .await?;
    let tried = drafts.len();
    for (row, draft) in drafts {
        let result = match draft {
            Some(d) => send(transport, from, &d).await,
            // The address vanished meanwhile (edited, anonymised): nothing to send to.
            None => Err("the person has no email address any more".to_owned()),
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
                            "notification.sent",
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
                    if status.as_deref() == Some("failed") {
                        crate::audit::audit_event(
                            conn,
                            &system,
                            "notification.failed",
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

async fn send(transport: &Transport, from: &Mailbox, d: &Draft) -> Result<(), String> {
    let to: Mailbox = d.to.parse().map_err(|e| format!("invalid address: {e}"))?;
    let message = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(d.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(d.body.clone())
        .map_err(|e| format!("cannot build the message: {e}"))?;
    transport
        .send(message)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
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
    conn: &mut crate::db::DbConnection,
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
    let lang = notifications::preferred_lang(conn, &person.id)?.unwrap_or_else(|| "fr".into());
    let activity = ActivityRow::get(conn, &row.activity_id)?;
    let rec = store::records(conn, vec![activity])?
        .pop()
        .ok_or(ApiError::NotFound)?;
    let a = &rec.row;
    let title = crate::activities::http::activities::pick(
        &serde_json::from_str(&a.title).unwrap_or_default(),
        &lang,
    );
    let (day, start) = local(a.starts_at);
    let (end_day, end) = local(a.ends_at);
    let when = if end_day == day {
        format!("{day} {start}–{end}")
    } else {
        format!("{day} {start} – {end_day} {end}")
    };
    let place = match (&rec.venue, &a.online_url) {
        (Some(v), _) => {
            let mut s = v.name.clone();
            if let Some(street) = &v.street {
                s.push_str(", ");
                s.push_str(street);
            }
            if let Some(pc) = &v.postcode {
                s.push_str(", ");
                s.push_str(pc);
            }
            if let Some(l) = &v.locality {
                s.push(' ');
                s.push_str(l);
            }
            Some(s)
        }
        (None, Some(u)) => Some(u.clone()),
        (None, None) => None,
    };
    let url = (a.visibility == "public").then(|| format!("{base}/events/{}", a.id));
    let name = crate::people::domain::display_name(
        &person.first_name,
        person.last_name.as_deref(),
        person.preferred_name.as_deref(),
    );
    let t = texts(&lang);
    let mut body = format!("{} {name},\n\n", t.hello);
    let subject = if row.kind == "promoted" {
        body.push_str(&t.promoted.replace("{title}", &title));
        format!("{} {title}", t.promoted_subject)
    } else {
        body.push_str(&t.cancelled.replace("{title}", &title));
        if let Some(reason) = &a.cancel_reason {
            body.push_str(&format!("\n{} {reason}", t.reason));
        }
        format!("{} {title}", t.cancelled_subject)
    };
    body.push_str(&format!("\n\n{} {when} ({})", t.when, t.tz));
    if let Some(p) = place {
        body.push_str(&format!("\n{} {p}", t.place));
    }
    if let Some(u) = url {
        body.push_str(&format!("\n{} {u}", t.more));
    }
    if row.kind == "promoted" {
        body.push_str(&format!("\n\n{}", t.cannot_come));
    }
    body.push_str(&format!("\n\n{}\n", t.signature));
    Ok(Some(Draft {
        to: email,
        subject,
        body,
    }))
}

struct Texts {
    hello: &'static str,
    promoted_subject: &'static str,
    promoted: &'static str,
    cancelled_subject: &'static str,
    cancelled: &'static str,
    reason: &'static str,
    when: &'static str,
    tz: &'static str,
    place: &'static str,
    more: &'static str,
    cannot_come: &'static str,
    signature: &'static str,
}

fn texts(lang: &str) -> Texts {
    match lang {
        "en" => Texts {
            hello: "Hello",
            promoted_subject: "A place is yours:",
            promoted: "Good news: a place became free and you are now registered for “{title}”.",
            cancelled_subject: "Cancelled:",
            cancelled: "We are sorry: “{title}” is cancelled.",
            reason: "Reason:",
            when: "When:",
            tz: "Brussels time",
            place: "Where:",
            more: "More information:",
            cannot_come: "If you cannot come any more, please tell us so that someone else can have the place.",
            signature: "The Interra team",
        },
        "nl" => Texts {
            hello: "Hallo",
            promoted_subject: "Er is een plaats voor u:",
            promoted: "Goed nieuws: er is een plaats vrijgekomen en u bent nu ingeschreven voor “{title}”.",
            cancelled_subject: "Geannuleerd:",
            cancelled: "Het spijt ons: “{title}” is geannuleerd.",
            reason: "Reden:",
            when: "Wanneer:",
            tz: "Brusselse tijd",
            place: "Waar:",
            more: "Meer informatie:",
            cannot_come: "Kunt u niet meer komen? Laat het ons weten, zodat iemand anders de plaats kan krijgen.",
            signature: "Het Interra-team",
        },
        "ar" => Texts {
            hello: "مرحبًا",
            promoted_subject: "لديك مكان الآن:",
            promoted: "خبر سار: أصبح هناك مكان شاغر وأنت الآن مسجَّل في «{title}».",
            cancelled_subject: "أُلغي:",
            cancelled: "نأسف: أُلغي «{title}».",
            reason: "السبب:",
            when: "متى:",
            tz: "بتوقيت بروكسل",
            place: "أين:",
            more: "لمزيد من المعلومات:",
            cannot_come: "إذا لم يعد بإمكانك الحضور، يرجى إخبارنا ليتمكن شخص آخر من أخذ المكان.",
            signature: "فريق Interra",
        },
        _ => Texts {
            hello: "Bonjour",
            promoted_subject: "Une place pour vous :",
            promoted: "Bonne nouvelle : une place s'est libérée et vous êtes maintenant inscrit·e à « {title} ».",
            cancelled_subject: "Annulé :",
            cancelled: "Nous sommes désolés : « {title} » est annulé.",
            reason: "Raison :",
            when: "Quand :",
            tz: "heure de Bruxelles",
            place: "Où :",
            more: "Plus d'informations :",
            cannot_come: "Si vous ne pouvez plus venir, prévenez-nous pour que quelqu'un d'autre puisse avoir la place.",
            signature: "L'équipe Interra",
        },
    }
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

    #[test]
    fn smtp_urls_are_checked() {
        assert!(transport("smtp://127.0.0.1:2525").is_ok());
        assert!(transport("smtp://[::1]:2525").is_ok());
        assert!(transport("smtp://user:pass@mail.example.be:587").is_ok());
        assert!(transport("smtps://user:pass@mail.example.be").is_ok());
        assert!(transport("http://mail.example.be").is_err());
        assert!(transport("not a url").is_err());
    }
}
