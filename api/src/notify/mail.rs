//! The mail settings of notification emails, parsed once from the configuration: the SMTP
//! transport and the sender. Without them staff tell people themselves.

use std::time::Duration;

use anyhow::Context;
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Message, Tokio1Executor};

use crate::db::redact;

type Transport = AsyncSmtpTransport<Tokio1Executor>;

/// Sender of notification emails when none is configured.
pub const DEFAULT_SENDER: &str = "Interra <noreply@interra.local>";

/// Sends notification emails through one SMTP server, from one sender.
#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    /// For logs, password hidden.
    server: String,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("server", &self.server)
            .field("from", &self.from.to_string())
            .finish()
    }
}

impl Mailer {
    /// A mailer for `INTERRA_SMTP_URL` and `INTERRA_MAIL_FROM`.
    pub fn parse(url: &str, from: &str) -> anyhow::Result<Mailer> {
        Ok(Mailer {
            transport: transport(url)?,
            from: sender(from)?,
            server: redact(url),
        })
    }

    /// Sends a plain-text email; the error says why it was not accepted. `message_id` (the
    /// `Message-ID` header, `<…@…>`) is the same each time one outbox entry is sent again, so
    /// that a repeated delivery (at-least-once) can be recognised.
    pub async fn send(
        &self,
        message_id: &str,
        to: &str,
        subject: &str,
        body: &str,
    ) -> Result<(), String> {
        self.send_with(message_id, to, subject, body, None).await
    }

    /// [`Mailer::send`] with a file attached after the text (`multipart/mixed`).
    pub async fn send_with(
        &self,
        message_id: &str,
        to: &str,
        subject: &str,
        body: &str,
        attachment: Option<&Attachment>,
    ) -> Result<(), String> {
        let to: Mailbox = to.parse().map_err(|e| format!("invalid address: {e}"))?;
        let builder = Message::builder()
            .message_id(Some(message_id.to_owned()))
            .from(self.from.clone())
            .to(to)
            .subject(subject);
        let message = match attachment {
            None => builder
                .header(ContentType::TEXT_PLAIN)
                .body(body.to_owned()),
            Some(a) => {
                let kind = ContentType::parse(a.content_type)
                    .map_err(|e| format!("invalid attachment type: {e}"))?;
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(SinglePart::plain(body.to_owned()))
                        .singlepart(
                            lettre::message::Attachment::new(a.filename.clone())
                                .body(a.body.clone(), kind),
                        ),
                )
            }
        }
        .map_err(|e| format!("cannot build the message: {e}"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// A file sent with an email (a reminder's calendar invitation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub filename: String,
    /// Its MIME type, e.g. `text/calendar; charset=utf-8; method=PUBLISH`.
    pub content_type: &'static str,
    pub body: String,
}

/// The sender: an address or `Name <address>`.
pub fn sender(raw: &str) -> anyhow::Result<Mailbox> {
    raw.parse().map_err(|_| {
        anyhow::anyhow!("INTERRA_MAIL_FROM must be an address or `Name <address>` (got {raw:?})")
    })
}

/// The SMTP transport for a URL. `smtp://` uses STARTTLS (required), except towards a loopback
/// address, where plain SMTP is allowed (a local relay, or the test suite's sink); `smtps://`
/// uses TLS from the start; a `?tls=` parameter (`required`, `opportunistic`) overrides.
fn transport(url: &str) -> anyhow::Result<Transport> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_are_checked() {
        assert!(transport("smtp://127.0.0.1:2525").is_ok());
        assert!(transport("smtp://[::1]:2525").is_ok());
        assert!(transport("smtp://user:pass@mail.example.be:587").is_ok());
        assert!(transport("smtps://user:pass@mail.example.be").is_ok());
        assert!(transport("http://mail.example.be").is_err());
        assert!(transport("not a url").is_err());
    }

    #[test]
    fn senders_are_checked() {
        assert!(sender(DEFAULT_SENDER).is_ok());
        assert!(sender("team@interra.be").is_ok());
        assert!(sender("not an address").is_err());
    }

    #[test]
    fn the_password_stays_out_of_logs() {
        let m = Mailer::parse("smtp://user:s3cret@mail.example.be:587", DEFAULT_SENDER);
        let shown = format!("{:?}", m.ok());
        assert!(!shown.contains("s3cret") && shown.contains("mail.example.be"));
    }
}
