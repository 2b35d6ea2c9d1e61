//! Delivery of the webhook outbox. A background task started with the server polls every few
//! seconds, posts what is due (Standard Webhooks headers and signature), and retries on the
//! schedule of `webhook_rules::RETRY_DELAYS` (about three days); an endpoint answering
//! 410 Gone, or whose delivery ran out of retries, is disabled with its reason.
//!
//! Several server processes may share the database: each claims the rows it sends for a lease
//! (`db::claim`, `FOR UPDATE SKIP LOCKED` on PostgreSQL), as the email outbox does, so one
//! message is posted by one process; a process killed mid-round leaves its rows to another
//! once the lease ran out (at least once: receivers deduplicate on `webhook-id`).
//!
//! SSRF: in production mode the client's resolver refuses a name that resolves to a private,
//! loopback or link-local address (checked on the addresses actually connected to, so a DNS
//! answer that changed since registration is caught), an address literal is checked before
//! the request, redirects are not followed and no proxy from the environment is used.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use shared::webhooks::WebhookDeliveryStatus;

use crate::config::Settings;
use crate::db::Db;
use crate::error::ApiError;
use crate::partners::service::webhooks as service;
use crate::partners::webhook_rules::{self as rules, Answer};
use crate::partners::webhook_store::{self as store, DeliveryRow, EndpointRow};

/// Deliveries posted per round.
const BATCH: i64 = 20;
/// Longest error text kept in the delivery log.
const ERROR_MAX: usize = 300;

/// One sending task: its id among the processes sharing the database, its lease on claimed
/// rows, its HTTP client and retry schedule.
#[derive(Clone)]
pub struct WebhookSender {
    pub id: String,
    pub lease: Duration,
    pub schedule: Vec<Duration>,
    pub production: bool,
    client: reqwest::Client,
}

/// Resolves names for the delivery client, refusing private networks in production mode.
struct GuardedResolver;

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            // One refused address refuses the name: a receiver has no business on a private
            // network, and trying the public ones only would invite DNS tricks.
            if let Some(bad) = addrs.iter().find(|a| rules::is_forbidden_ip(a.ip())) {
                return Err(format!("{host} resolves to a refused address ({})", bad.ip()).into());
            }
            let it: reqwest::dns::Addrs = Box::new(addrs.into_iter());
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(it)
        })
    }
}

impl WebhookSender {
    pub fn new(settings: &Settings) -> anyhow::Result<WebhookSender> {
        let mut builder = reqwest::Client::builder()
            .timeout(settings.webhook_timeout)
            .connect_timeout(settings.webhook_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .user_agent(concat!("Interra-Webhooks/", env!("CARGO_PKG_VERSION")));
        if settings.production {
            builder = builder.dns_resolver(Arc::new(GuardedResolver));
        }
        Ok(WebhookSender {
            id: crate::db::claim::sender_id(),
            lease: settings.outbox_lease,
            schedule: settings.webhook_retry_delays.clone(),
            production: settings.production,
            client: builder
                .build()
                .map_err(|e| anyhow::anyhow!("cannot build the webhook client: {e}"))?,
        })
    }

    fn may_send(&self, claimed_at: Instant) -> bool {
        claimed_at.elapsed() < self.lease / 2
    }

    /// Posts one message; the answer's status, or why there was none.
    async fn post(&self, endpoint: &EndpointRow, row: &DeliveryRow) -> Result<u16, String> {
        let url = reqwest::Url::parse(&endpoint.url).map_err(|e| format!("invalid URL: {e}"))?;
        if self.production {
            // Literals never reach the resolver.
            let literal = match url.host() {
                Some(url::Host::Ipv4(ip)) => Some(IpAddr::V4(ip)),
                Some(url::Host::Ipv6(ip)) => Some(IpAddr::V6(ip)),
                _ => None,
            };
            if literal.is_some_and(rules::is_forbidden_ip) || url.scheme() != "https" {
                return Err("refused address (private, loopback or link-local network)".into());
            }
        }
        let now = chrono::Utc::now();
        let timestamp = now.timestamp();
        let signature = rules::signature_header(
            &endpoint.signing_secrets(now.naive_utc()),
            &row.message_id,
            timestamp,
            &row.payload,
        );
        let res = self
            .client
            .post(url)
            .header("content-type", "application/json")
            .header("webhook-id", &row.message_id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(row.payload.clone())
            .send()
            .await
            .map_err(describe)?;
        Ok(res.status().as_u16())
    }
}

/// A transport error with its causes, short.
fn describe(e: reqwest::Error) -> String {
    let mut text = if e.is_timeout() {
        "timeout".to_owned()
    } else if e.is_connect() {
        "connection failed".to_owned()
    } else {
        "request failed".to_owned()
    };
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text.chars().take(ERROR_MAX).collect()
}

/// Sends due deliveries until the server stops.
pub async fn run(db: Db, sender: WebhookSender, poll: Duration) {
    tracing::info!(sender = %sender.id, "webhook deliveries enabled");
    loop {
        loop {
            match deliver_due(&db, &sender).await {
                Ok(n) if n >= BATCH as usize => continue,
                Ok(_) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "webhook round failed");
                    break;
                }
            }
        }
        tokio::time::sleep(poll).await;
    }
}

/// One round: claims what is due and posts it; returns how many deliveries were claimed.
pub async fn deliver_due(db: &Db, sender: &WebhookSender) -> Result<usize, ApiError> {
    let (me, lease) = (sender.id.clone(), sender.lease);
    let claimed_at = Instant::now();
    let claimed = db
        .run(move |conn| {
            let rows = store::claim_due(conn, &me, lease, BATCH)?;
            let mut out = Vec::new();
            for row in rows {
                let endpoint = store::find_endpoint(conn, &row.endpoint_id)?;
                out.push((row, endpoint));
            }
            Ok(out)
        })
        .await?;
    let tried = claimed.len();
    // Endpoints this round disabled: their other claimed rows already failed.
    let mut disabled = std::collections::HashSet::new();
    let mut claimed = claimed.into_iter();
    while let Some((row, endpoint)) = claimed.next() {
        if !sender.may_send(claimed_at) {
            let left: Vec<String> = std::iter::once(row.id)
                .chain(claimed.map(|(r, _)| r.id))
                .collect();
            let me = sender.id.clone();
            db.run(move |conn| Ok(store::release(conn, &me, &left)?))
                .await?;
            break;
        }
        if disabled.contains(&row.endpoint_id) {
            continue;
        }
        let result = match endpoint.as_ref().filter(|e| e.enabled) {
            Some(e) => sender.post(e, &row).await,
            None => Err("endpoint disabled".to_owned()),
        };
        let (me, schedule) = (sender.id.clone(), sender.schedule.clone());
        let endpoint_enabled = endpoint.is_some_and(|e| e.enabled);
        let endpoint_id = row.endpoint_id.clone();
        let disabled_now = db
            .run(move |conn| {
                let now = crate::db::now();
                let attempts = row.attempts + 1;
                let (status, error) = match &result {
                    Ok(s) => (Some(*s), None),
                    Err(e) => (None, Some(e.clone())),
                };
                let response = status.map(i32::from);
                let error = error.or_else(|| {
                    status
                        .filter(|s| !(200..300).contains(s))
                        .map(|s| format!("the endpoint answered {s}"))
                });
                let (outcome, disable) = match rules::classify(status) {
                    Answer::Delivered => (WebhookDeliveryStatus::Delivered, None),
                    Answer::Gone => (WebhookDeliveryStatus::Failed, Some(rules::REASON_GONE)),
                    Answer::Failed if !endpoint_enabled => (WebhookDeliveryStatus::Failed, None),
                    Answer::Failed => match rules::next_delay(attempts, &schedule) {
                        Some(_) => (WebhookDeliveryStatus::Pending, None),
                        None => (WebhookDeliveryStatus::Failed, Some(rules::REASON_EXHAUSTED)),
                    },
                };
                let next = rules::next_delay(attempts, &schedule)
                    .and_then(|d| chrono::Duration::from_std(d).ok())
                    .map_or(now, |d| now + d);
                if !store::record_attempt(
                    conn, &row.id, &me, outcome, attempts, next, response, error, now,
                )? {
                    // Overtaken after the lease ran out: the other sender records.
                    return Ok(false);
                }
                if let Some(reason) = disable {
                    service::disable(conn, &row.endpoint_id, reason)?;
                    return Ok(true);
                }
                Ok(false)
            })
            .await?;
        if disabled_now {
            disabled.insert(endpoint_id);
        }
    }
    Ok(tried)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::dns::Resolve;

    #[tokio::test]
    async fn the_production_resolver_refuses_names_of_local_addresses() {
        let name: reqwest::dns::Name = "localhost".parse().expect("name");
        let refused = GuardedResolver.resolve(name).await;
        let Err(e) = refused else {
            panic!("localhost must be refused");
        };
        assert!(e.to_string().contains("refused address"), "{e}");
    }
}
