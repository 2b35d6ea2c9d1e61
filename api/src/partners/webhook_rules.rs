//! Pure rules of partner webhooks: which endpoint addresses are accepted (and, in production
//! mode, which network addresses a delivery may reach: SSRF), Standard Webhooks signatures, the
//! retry schedule, what an answer means for a delivery and its endpoint, and which agenda
//! change is which event.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use shared::webhooks::WebhookEventType;

use crate::error::{ApiError, Validator};
use crate::i18n::Msg;

/// The prefix of a signing secret (Standard Webhooks); the rest is the base64 key.
pub const SECRET_PREFIX: &str = "whsec_";
/// Longest URL and description accepted.
pub const URL_MAX: usize = 2000;
pub const DESCRIPTION_MAX: usize = 300;
/// Endpoints one organisation may register.
pub const ENDPOINTS_MAX: i64 = 20;

/// Delays before each retry after a failed attempt: a few seconds, then minutes, then hours,
/// about three days in all (71 h 35 min); after the last one the delivery has failed.
pub const RETRY_DELAYS: [Duration; 11] = [
    Duration::from_secs(5),
    Duration::from_secs(5 * 60),
    Duration::from_secs(30 * 60),
    Duration::from_secs(2 * 3600),
    Duration::from_secs(5 * 3600),
    Duration::from_secs(10 * 3600),
    Duration::from_secs(10 * 3600),
    Duration::from_secs(10 * 3600),
    Duration::from_secs(10 * 3600),
    Duration::from_secs(12 * 3600),
    Duration::from_secs(12 * 3600),
];

/// A new signing secret: `whsec_` and 32 random bytes in base64.
pub fn new_secret() -> String {
    use rand::RngCore;
    let mut key = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut key);
    format!("{SECRET_PREFIX}{}", STANDARD.encode(key))
}

/// The HMAC key of a `whsec_` secret.
pub fn secret_key(secret: &str) -> Option<Vec<u8>> {
    STANDARD
        .decode(secret.strip_prefix(SECRET_PREFIX).unwrap_or(secret))
        .ok()
}

/// `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` (Standard Webhooks).
pub fn sign(key: &[u8], message_id: &str, timestamp: i64, body: &str) -> String {
    // HMAC accepts a key of any length.
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any size");
    mac.update(message_id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}

/// The `webhook-signature` header: one signature per secret in use (the current one, and the
/// previous one during its grace period), separated by spaces.
pub fn signature_header(secrets: &[&str], message_id: &str, timestamp: i64, body: &str) -> String {
    secrets
        .iter()
        .filter_map(|s| secret_key(s))
        .map(|k| sign(&k, message_id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a delivery must never reach this address in production mode: loopback, private,
/// shared (CGNAT), link-local, unspecified, multicast, broadcast, documentation and other
/// reserved ranges, and their IPv4-mapped IPv6 forms.
pub fn is_forbidden_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return forbidden_v4(v4);
            }
            let s = v6.segments();
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                // fc00::/7 unique local
                || (s[0] & 0xfe00) == 0xfc00
                // fe80::/10 link-local, fec0::/10 old site-local
                || (s[0] & 0xffc0) == 0xfe80
                || (s[0] & 0xffc0) == 0xfec0
                // 2001:db8::/32 documentation
                || (s[0] == 0x2001 && s[1] == 0x0db8)
                // 64:ff9b::/96 NAT64 and ::/96 IPv4-compatible: they embed an IPv4 address
                || (s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0])
                    && forbidden_v4(Ipv4Addr::new(
                        (s[6] >> 8) as u8,
                        s[6] as u8,
                        (s[7] >> 8) as u8,
                        s[7] as u8,
                    ))
                || s[..6] == [0, 0, 0, 0, 0, 0]
        }
    }
}

fn forbidden_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        // 0.0.0.0/8 "this network"
        || a == 0
        // 100.64.0.0/10 shared address space (carrier-grade NAT)
        || (a == 100 && (b & 0xc0) == 64)
        // 192.0.0.0/24 protocol assignments
        || (a == 192 && b == 0 && c == 0)
        // 198.18.0.0/15 benchmarking
        || (a == 198 && (b & 0xfe) == 18)
        // 240.0.0.0/4 reserved
        || a >= 240
}

fn is_loopback_host(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Ipv4(ip) => ip.is_loopback(),
        url::Host::Ipv6(ip) => ip.is_loopback(),
        url::Host::Domain(d) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost")
        }
    }
}

/// Checks an endpoint URL: `https://` always; plain `http://` only to a loopback address
/// outside production mode (a receiver on the developer's machine). In production mode an
/// address literal on a private network, and `localhost`, are refused here; names are resolved
/// and checked again at each delivery.
pub fn check_url(raw: &str, production: bool) -> Result<url::Url, Msg> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Msg::Required);
    }
    if raw.chars().count() > URL_MAX {
        return Err(Msg::TooLong(URL_MAX));
    }
    let url = url::Url::parse(raw).map_err(|_| Msg::InvalidValue)?;
    // Credentials in the URL would end up in logs and in the partner's delivery log.
    if !url.username().is_empty() || url.password().is_some() || url.fragment().is_some() {
        return Err(Msg::InvalidValue);
    }
    let host = url.host().ok_or(Msg::InvalidValue)?;
    let loopback = is_loopback_host(&host);
    match url.scheme() {
        "https" => {}
        "http" if loopback && !production => {}
        _ => return Err(Msg::WebhookHttpsRequired),
    }
    if production {
        let literal = match host {
            url::Host::Ipv4(ip) => Some(IpAddr::V4(ip)),
            url::Host::Ipv6(ip) => Some(IpAddr::V6(ip)),
            url::Host::Domain(_) => None,
        };
        if loopback || literal.is_some_and(is_forbidden_ip) {
            return Err(Msg::WebhookAddressRefused);
        }
    }
    Ok(url)
}

/// Checks an endpoint's fields; returns the URL and description to store and the event types
/// without repeats.
pub fn check_endpoint(
    url: &str,
    description: Option<&str>,
    event_types: &[WebhookEventType],
    production: bool,
) -> Result<(String, Option<String>, Vec<WebhookEventType>), ApiError> {
    let mut v = Validator::new();
    let url = check_url(url, production).map_err(|m| v.add("url", m)).ok();
    let description = crate::people::domain::optional_text(description, DESCRIPTION_MAX)
        .map_err(|m| v.add("description", m))
        .ok()
        .flatten();
    let mut types = event_types.to_vec();
    types.sort();
    types.dedup();
    if types.is_empty() {
        v.add("event_types", Msg::Required);
    }
    v.finish()?;
    Ok((
        url.map(|u| u.to_string()).unwrap_or_default(),
        description,
        types,
    ))
}

/// The delay before the next attempt after `attempts` failed ones, or `None` when the schedule
/// is spent (the delivery has failed).
pub fn next_delay(attempts: i32, schedule: &[Duration]) -> Option<Duration> {
    let i = usize::try_from(attempts).ok()?.checked_sub(1)?;
    schedule.get(i).copied()
}

/// What one attempt's answer means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// 2xx: delivered.
    Delivered,
    /// 410 Gone: the receiver wants no more; the endpoint is disabled at once.
    Gone,
    /// Anything else (another status, a timeout, a refused connection): retry.
    Failed,
}

pub fn classify(status: Option<u16>) -> Answer {
    match status {
        Some(s) if (200..300).contains(&s) => Answer::Delivered,
        Some(410) => Answer::Gone,
        _ => Answer::Failed,
    }
}

/// Why an endpoint was disabled: shown to the partner and the team.
pub const REASON_GONE: &str = "the endpoint answered 410 Gone";
pub const REASON_EXHAUSTED: &str =
    "every attempt of a delivery failed for three days (retries exhausted)";
pub const REASON_PARTNER: &str = "turned off by the partner";

/// Which event a change of an activity is for partners: it enters the public agenda
/// (`event.published`), it leaves it — cancelled, back to draft or made internal
/// (`event.cancelled`) — or it changes while listed (`event.updated`, only when something
/// calendars see changed). Listed means public and published; a creation was not listed.
pub fn activity_event(
    before_listed: bool,
    after_listed: bool,
    changed: bool,
) -> Option<WebhookEventType> {
    match (before_listed, after_listed) {
        (false, true) => Some(WebhookEventType::EventPublished),
        (true, false) => Some(WebhookEventType::EventCancelled),
        (true, true) if changed => Some(WebhookEventType::EventUpdated),
        // An activity that was never listed (a draft, an internal one) is nobody's news.
        _ => None,
    }
}

/// The thin body of a message: its type, a timestamp and the ids concerned (Standard Webhooks
/// shape `{type, timestamp, data}`).
pub fn payload(
    event_type: WebhookEventType,
    timestamp: chrono::DateTime<chrono::Utc>,
    data: serde_json::Value,
) -> String {
    serde_json::json!({
        "type": event_type.as_str(),
        "timestamp": timestamp.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "data": data,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_the_specification_test_vector() {
        // The example of the Standard Webhooks specification and its reference libraries.
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let key = secret_key(secret).expect("valid test value");
        assert_eq!(
            sign(
                &key,
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                r#"{"test": 2432232314}"#
            ),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn signs_the_example_of_the_partner_quickstart() {
        // docs/partners.md shows this delivery; its signature must be the real one.
        let body = payload(
            WebhookEventType::ReferralStatusChanged,
            chrono::DateTime::parse_from_rfc3339("2026-12-09T10:00:00Z")
                .expect("valid test value")
                .to_utc(),
            serde_json::json!({"referral_id": "0193b1c2-7d4e-7a00-9c1b-2f4a5e6d7c8b"}),
        );
        assert_eq!(
            body,
            r#"{"data":{"referral_id":"0193b1c2-7d4e-7a00-9c1b-2f4a5e6d7c8b"},"timestamp":"2026-12-09T10:00:00Z","type":"referral.status_changed"}"#
        );
        assert_eq!(
            signature_header(
                &["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
                "msg_0193b1c300007000800000000000aa01",
                1765274400,
                &body
            ),
            "v1,V7odIFA+j/tWqOJvmcSYzk21vCojQ5yC2PigcnaYln0="
        );
    }

    #[test]
    fn signs_with_every_secret_in_use() {
        let a = new_secret();
        let b = new_secret();
        assert!(a.starts_with(SECRET_PREFIX) && a != b);
        assert_eq!(secret_key(&a).expect("valid test value").len(), 32);
        let h = signature_header(&[&a, &b], "msg_1", 1, "{}");
        let parts: Vec<_> = h.split(' ').collect();
        assert_eq!(parts.len(), 2);
        assert_eq!(
            parts[0],
            sign(&secret_key(&a).expect("valid test value"), "msg_1", 1, "{}")
        );
        assert_eq!(
            parts[1],
            sign(&secret_key(&b).expect("valid test value"), "msg_1", 1, "{}")
        );
    }

    #[test]
    fn refuses_private_and_local_networks() {
        for bad in [
            "127.0.0.1",
            "127.8.9.1",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "0.1.2.3",
            "100.64.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "240.0.0.1",
            "::1",
            "::",
            "fe80::1",
            "fc00::1",
            "fd12:3456::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a00:1",
            "::127.0.0.1",
        ] {
            assert!(
                is_forbidden_ip(bad.parse().expect("valid test value")),
                "{bad} must be refused"
            );
        }
        for good in [
            "93.184.216.34",
            "172.32.0.1",
            "100.128.0.1",
            "8.8.8.8",
            "2a00:1450:4001::200e",
            "::ffff:93.184.216.34",
            "64:ff9b::5db8:d822",
        ] {
            assert!(
                !is_forbidden_ip(good.parse().expect("valid test value")),
                "{good} is public"
            );
        }
    }

    #[test]
    fn urls_need_https_and_loopback_http_only_outside_production() {
        assert!(check_url("https://partner.example/hooks", true).is_ok());
        assert!(check_url("https://partner.example/hooks", false).is_ok());
        assert_eq!(
            check_url("http://partner.example/hooks", false),
            Err(Msg::WebhookHttpsRequired)
        );
        assert!(check_url("http://127.0.0.1:8080/h", false).is_ok());
        assert!(check_url("http://[::1]:8080/h", false).is_ok());
        assert!(check_url("http://localhost:8080/h", false).is_ok());
        assert_eq!(
            check_url("http://127.0.0.1:8080/h", true),
            Err(Msg::WebhookHttpsRequired)
        );
        for refused in [
            "https://127.0.0.1/h",
            "https://10.0.0.5/h",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/h",
            "https://[::ffff:192.168.0.1]/h",
            "https://localhost/h",
            "https://api.localhost/h",
        ] {
            assert_eq!(
                check_url(refused, true),
                Err(Msg::WebhookAddressRefused),
                "{refused}"
            );
        }
        assert!(check_url("https://10.0.0.5/h", false).is_ok());
        assert_eq!(
            check_url("ftp://partner.example/", false),
            Err(Msg::WebhookHttpsRequired)
        );
        assert_eq!(
            check_url("https://u:p@partner.example/", false),
            Err(Msg::InvalidValue)
        );
        assert_eq!(check_url("not a url", false), Err(Msg::InvalidValue));
        assert_eq!(check_url("  ", false), Err(Msg::Required));
    }

    #[test]
    fn retries_grow_for_about_three_days_then_stop() {
        assert_eq!(next_delay(1, &RETRY_DELAYS), Some(Duration::from_secs(5)));
        assert_eq!(next_delay(2, &RETRY_DELAYS), Some(Duration::from_secs(300)));
        assert!(RETRY_DELAYS.windows(2).all(|w| w[0] <= w[1]));
        let total: Duration = RETRY_DELAYS.iter().sum();
        assert!(total > Duration::from_secs(70 * 3600) && total <= Duration::from_secs(72 * 3600));
        assert_eq!(
            next_delay(11, &RETRY_DELAYS),
            Some(Duration::from_secs(12 * 3600))
        );
        assert_eq!(next_delay(12, &RETRY_DELAYS), None);
        assert_eq!(next_delay(0, &RETRY_DELAYS), None);
    }

    #[test]
    fn answers_mean_delivered_gone_or_retry() {
        assert_eq!(classify(Some(200)), Answer::Delivered);
        assert_eq!(classify(Some(204)), Answer::Delivered);
        assert_eq!(classify(Some(410)), Answer::Gone);
        assert_eq!(classify(Some(404)), Answer::Failed);
        assert_eq!(classify(Some(500)), Answer::Failed);
        assert_eq!(classify(Some(301)), Answer::Failed);
        assert_eq!(classify(None), Answer::Failed);
    }

    #[test]
    fn agenda_changes_map_to_events() {
        use WebhookEventType::*;
        assert_eq!(activity_event(false, true, true), Some(EventPublished));
        assert_eq!(activity_event(true, false, true), Some(EventCancelled));
        assert_eq!(activity_event(true, true, true), Some(EventUpdated));
        assert_eq!(activity_event(true, true, false), None);
        assert_eq!(activity_event(false, false, true), None);
    }

    #[test]
    fn payloads_are_thin() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-12-09T10:00:00Z")
            .expect("valid test value")
            .to_utc();
        let p = payload(
            WebhookEventType::ReferralStatusChanged,
            t,
            serde_json::json!({"referral_id": "r1"}),
        );
        let v: serde_json::Value = serde_json::from_str(&p).expect("valid test value");
        assert_eq!(v["type"], "referral.status_changed");
        assert_eq!(v["timestamp"], "2026-12-09T10:00:00Z");
        assert_eq!(v["data"]["referral_id"], "r1");
    }
}
