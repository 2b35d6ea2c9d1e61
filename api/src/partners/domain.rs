//! Pure rules of the partner side: organisation fields, client secrets and their rotation,
//! the client credentials grant (RFC 6749 §4.4) and its errors (§5.2), scope narrowing.

use std::collections::BTreeSet;

use base64::Engine;
use chrono::{NaiveDateTime, TimeDelta};
use sha2::{Digest, Sha256};
use shared::partners::{OrganisationInput, OrganisationKind, Scope};

use crate::accounts::domain::Email;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::{optional_text, parse_phone, parse_postcode, required_text};

/// How long the secret in use before a rotation keeps working: a day, time enough to deploy
/// the new secret on the partner's servers without an outage, short enough that a leaked
/// secret rotated away stops working the next day.
pub const ROTATION_GRACE: TimeDelta = TimeDelta::hours(24);

/// Lifetime of a partner access token. Short: a revoked client's tokens are refused at once
/// anyway (every call reads the client), but a token copied into a log stays useful briefly.
pub const TOKEN_TTL_SECS: u64 = 600;

/// Longest name of an organisation or client, and of a contact's role.
pub const NAME_MAX: usize = 160;
pub const ROLE_MAX: usize = 120;

/// An organisation's checked fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationFields {
    pub name: String,
    pub kind: OrganisationKind,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub commune: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub agreement_start: Option<chrono::NaiveDate>,
    pub agreement_end: Option<chrono::NaiveDate>,
    pub data_sharing_signed: bool,
}

fn optional<T>(
    raw: Option<&str>,
    parse: impl Fn(&str) -> Result<T, Msg>,
) -> Result<Option<T>, Msg> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => parse(s).map(Some),
    }
}

/// Checks an organisation, every field at once.
pub fn parse_organisation(input: &OrganisationInput) -> Result<OrganisationFields, ApiError> {
    let mut v = Validator::new();
    let name = v.check("name", required_text(&input.name, NAME_MAX));
    let street = v.check("street", optional_text(input.street.as_deref(), 200));
    let postcode = v.check(
        "postcode",
        optional(input.postcode.as_deref(), parse_postcode),
    );
    let commune = v.check("commune", optional_text(input.commune.as_deref(), 100));
    let email = v.check(
        "email",
        optional(input.email.as_deref(), |e| {
            Email::parse(e).map(|e| e.as_str().to_owned())
        }),
    );
    let phone = v.check("phone", optional(input.phone.as_deref(), parse_phone));
    if let (Some(start), Some(end)) = (input.agreement_start, input.agreement_end) {
        if end < start {
            v.add("agreement_end", Msg::EndBeforeStart);
        }
    }
    v.finish()?;
    match (name, street, postcode, commune, email, phone) {
        (Some(name), Some(street), Some(postcode), Some(commune), Some(email), Some(phone)) => {
            Ok(OrganisationFields {
                name,
                kind: input.kind,
                street,
                postcode,
                commune,
                email,
                phone,
                agreement_start: input.agreement_start,
                agreement_end: input.agreement_end,
                data_sharing_signed: input.data_sharing_signed,
            })
        }
        _ => Err(anyhow::anyhow!("validated organisation fields missing").into()),
    }
}

/// A contact's role at the organisation.
pub fn parse_role(raw: &str) -> Result<String, ApiError> {
    required_text(raw, ROLE_MAX).map_err(|m| ApiError::field("role", m))
}

/// A client's scopes: at least one, each once, in a stable order.
pub fn parse_scopes(scopes: &[Scope]) -> Result<Vec<Scope>, ApiError> {
    let set: BTreeSet<Scope> = scopes.iter().copied().collect();
    if set.is_empty() {
        return Err(ApiError::field("scopes", Msg::Required));
    }
    Ok(set.into_iter().collect())
}

/// Space-separated scopes, as OAuth writes them.
pub fn scope_string(scopes: &[Scope]) -> String {
    scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A new `client_id`: not secret, but not guessable either.
pub fn new_client_id() -> String {
    format!("cli_{}", uuid::Uuid::new_v4().simple())
}

/// A new client secret: 256 random bits.
pub fn new_secret() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!(
        "sec_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// What is stored of a secret.
pub fn secret_hash(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A client's stored secrets, as the token endpoint checks them.
#[derive(Debug, Clone)]
pub struct StoredSecrets<'a> {
    pub current: &'a str,
    pub previous: Option<&'a str>,
    pub previous_valid_until: Option<NaiveDateTime>,
}

/// Whether `secret` is the client's current secret, or its previous one within the grace
/// period after a rotation. Compares hashes in constant time.
pub fn secret_accepted(secret: &str, stored: &StoredSecrets<'_>, now: NaiveDateTime) -> bool {
    let given = secret_hash(secret);
    let current = constant_time_eq(given.as_bytes(), stored.current.as_bytes());
    let previous = match (stored.previous, stored.previous_valid_until) {
        (Some(hash), Some(until)) if now < until => {
            constant_time_eq(given.as_bytes(), hash.as_bytes())
        }
        _ => false,
    };
    current | previous
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The errors of the token endpoint (RFC 6749 §5.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    InvalidRequest,
    InvalidClient,
    UnsupportedGrantType,
    InvalidScope,
}

impl TokenError {
    pub fn code(self) -> &'static str {
        match self {
            TokenError::InvalidRequest => "invalid_request",
            TokenError::InvalidClient => "invalid_client",
            TokenError::UnsupportedGrantType => "unsupported_grant_type",
            TokenError::InvalidScope => "invalid_scope",
        }
    }

    /// 401 for a client that failed to authenticate, 400 otherwise (§5.2).
    pub fn status(self) -> u16 {
        match self {
            TokenError::InvalidClient => 401,
            _ => 400,
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            TokenError::InvalidRequest => {
                "The request lacks a parameter, repeats one, or authenticates the client twice."
            }
            TokenError::InvalidClient => "Client authentication failed.",
            TokenError::UnsupportedGrantType => "Only grant_type=client_credentials is supported.",
            TokenError::InvalidScope => "The scope is unknown or not granted to this client.",
        }
    }
}

/// A token request, once the client's credentials are found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRequest {
    pub client_id: String,
    pub client_secret: String,
    /// The `scope` parameter, if any.
    pub scope: Option<String>,
}

/// Reads a token request: the form's parameters (each at most once) and the `Authorization`
/// header. The client authenticates with HTTP Basic (§2.3.1: both parts form-urlencoded) or
/// with `client_id`/`client_secret` in the body, never both.
pub fn parse_token_request(
    form: &[(String, String)],
    authorization: Option<&str>,
) -> Result<TokenRequest, TokenError> {
    let mut seen = BTreeSet::new();
    for (k, _) in form {
        if !seen.insert(k.as_str()) {
            return Err(TokenError::InvalidRequest);
        }
    }
    let param = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    match param("grant_type") {
        None => return Err(TokenError::InvalidRequest),
        Some("client_credentials") => {}
        Some(_) => return Err(TokenError::UnsupportedGrantType),
    }
    let in_body = match (param("client_id"), param("client_secret")) {
        (Some(id), Some(secret)) => Some((id.to_owned(), secret.to_owned())),
        (None, None) => None,
        // Half of the credentials: the client failed to authenticate.
        _ => return Err(TokenError::InvalidClient),
    };
    let in_header = match authorization {
        None => None,
        Some(value) => Some(parse_basic(value).ok_or(TokenError::InvalidClient)?),
    };
    let (client_id, client_secret) = match (in_header, in_body) {
        (Some(c), None) | (None, Some(c)) => c,
        (Some(_), Some(_)) => return Err(TokenError::InvalidRequest),
        (None, None) => return Err(TokenError::InvalidClient),
    };
    Ok(TokenRequest {
        client_id,
        client_secret,
        scope: param("scope").map(str::to_owned),
    })
}

/// `Basic base64(urlencode(id) ":" urlencode(secret))`.
fn parse_basic(value: &str) -> Option<(String, String)> {
    let (scheme, encoded) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    let unescape = |s: &str| {
        form_urlencoded::parse(format!("v={s}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
    };
    let (id, secret) = (unescape(id)?, unescape(secret)?);
    (!id.is_empty() && !secret.is_empty()).then_some((id, secret))
}

/// The scopes a token gets: all the client's when the request names none, otherwise the
/// requested ones, each of which the client must hold.
pub fn narrow_scopes(granted: &[Scope], requested: Option<&str>) -> Result<Vec<Scope>, TokenError> {
    let Some(requested) = requested else {
        return Ok(granted.to_vec());
    };
    let mut out = BTreeSet::new();
    for word in requested.split(' ').filter(|w| !w.is_empty()) {
        let scope: Scope = word.parse().map_err(|()| TokenError::InvalidScope)?;
        if !granted.contains(&scope) {
            return Err(TokenError::InvalidScope);
        }
        out.insert(scope);
    }
    if out.is_empty() {
        return Err(TokenError::InvalidScope);
    }
    Ok(out.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn basic(id: &str, secret: &str) -> String {
        let raw = format!("{id}:{secret}");
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(raw)
        )
    }

    #[test]
    fn the_client_authenticates_in_the_header_or_the_body_but_not_both() {
        let body = form(&[
            ("grant_type", "client_credentials"),
            ("client_id", "cli_a"),
            ("client_secret", "s"),
        ]);
        let r = parse_token_request(&body, None).expect("body auth");
        assert_eq!(
            (r.client_id.as_str(), r.client_secret.as_str()),
            ("cli_a", "s")
        );

        let grant = form(&[
            ("grant_type", "client_credentials"),
            ("scope", "events:read"),
        ]);
        let r = parse_token_request(&grant, Some(&basic("cli_b", "t%3Au"))).expect("basic");
        assert_eq!(
            (r.client_id.as_str(), r.client_secret.as_str()),
            ("cli_b", "t:u")
        );
        assert_eq!(r.scope.as_deref(), Some("events:read"));

        assert_eq!(
            parse_token_request(&body, Some(&basic("cli_a", "s"))),
            Err(TokenError::InvalidRequest)
        );
        assert_eq!(
            parse_token_request(&grant, None),
            Err(TokenError::InvalidClient)
        );
        assert_eq!(
            parse_token_request(&grant, Some("Bearer abc")),
            Err(TokenError::InvalidClient)
        );
        let half = form(&[("grant_type", "client_credentials"), ("client_id", "cli_a")]);
        assert_eq!(
            parse_token_request(&half, None),
            Err(TokenError::InvalidClient)
        );
    }

    #[test]
    fn only_the_client_credentials_grant_once_per_parameter() {
        let other = form(&[
            ("grant_type", "password"),
            ("client_id", "a"),
            ("client_secret", "b"),
        ]);
        assert_eq!(
            parse_token_request(&other, None),
            Err(TokenError::UnsupportedGrantType)
        );
        let missing = form(&[("client_id", "a"), ("client_secret", "b")]);
        assert_eq!(
            parse_token_request(&missing, None),
            Err(TokenError::InvalidRequest)
        );
        let twice = form(&[
            ("grant_type", "client_credentials"),
            ("grant_type", "client_credentials"),
            ("client_id", "a"),
            ("client_secret", "b"),
        ]);
        assert_eq!(
            parse_token_request(&twice, None),
            Err(TokenError::InvalidRequest)
        );
        assert_eq!(TokenError::InvalidClient.status(), 401);
        assert_eq!(TokenError::InvalidScope.status(), 400);
    }

    #[test]
    fn a_token_narrows_its_clients_scopes_and_never_widens_them() {
        let granted = [
            Scope::EventsRead,
            Scope::ReferralsRead,
            Scope::ReferralsWrite,
        ];
        assert_eq!(narrow_scopes(&granted, None), Ok(granted.to_vec()));
        assert_eq!(
            narrow_scopes(&granted, Some("referrals:read  events:read")),
            Ok(vec![Scope::EventsRead, Scope::ReferralsRead])
        );
        assert_eq!(
            narrow_scopes(&granted, Some("webhooks:manage")),
            Err(TokenError::InvalidScope)
        );
        assert_eq!(
            narrow_scopes(&granted, Some("admin")),
            Err(TokenError::InvalidScope)
        );
        assert_eq!(
            narrow_scopes(&granted, Some(" ")),
            Err(TokenError::InvalidScope)
        );
    }

    #[test]
    fn the_previous_secret_works_only_during_the_grace_period() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 8)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("date");
        let (old, new) = (new_secret(), new_secret());
        let (old_hash, new_hash) = (secret_hash(&old), secret_hash(&new));
        let stored = StoredSecrets {
            current: &new_hash,
            previous: Some(&old_hash),
            previous_valid_until: Some(now + ROTATION_GRACE),
        };
        assert!(secret_accepted(&new, &stored, now));
        assert!(secret_accepted(&old, &stored, now));
        assert!(!secret_accepted(&old, &stored, now + ROTATION_GRACE));
        assert!(secret_accepted(&new, &stored, now + ROTATION_GRACE));
        assert!(!secret_accepted("sec_guess", &stored, now));
        assert_ne!(old, new);
        assert_eq!(old_hash.len(), 64);
    }

    #[test]
    fn scopes_are_required_and_kept_once() {
        assert!(parse_scopes(&[]).is_err());
        assert_eq!(
            parse_scopes(&[
                Scope::ReferralsWrite,
                Scope::EventsRead,
                Scope::ReferralsWrite
            ])
            .expect("scopes"),
            vec![Scope::EventsRead, Scope::ReferralsWrite]
        );
        assert_eq!(
            scope_string(&[Scope::EventsRead, Scope::WebhooksManage]),
            "events:read webhooks:manage"
        );
    }
}
