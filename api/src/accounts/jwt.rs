//! Short-lived access tokens (JWT, HS256). Nothing about them is stored on the server.

use std::time::Duration;

use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use shared::auth::Role;
use uuid::Uuid;

pub const ISSUER: &str = "interra";
const ALGORITHM: Algorithm = Algorithm::HS256;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    /// User id.
    pub sub: String,
    pub exp: i64,
    pub iat: i64,
    /// Issue time in microseconds: `iat` has whole seconds, too coarse to tell a token issued
    /// just before a revocation (password change, deactivation) from one issued just after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iat_us: Option<i64>,
    pub nbf: i64,
    /// Token id, for tracing a token in the logs.
    pub jti: String,
    /// Role at issue time, for the client's information. Authorization reads the stored role.
    pub role: Role,
}

#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl: Duration,
}

impl Claims {
    /// Issue time in microseconds since the epoch (whole seconds for tokens without `iat_us`,
    /// which errs towards refusing them).
    pub fn issued_at_us(&self) -> i64 {
        self.iat_us.unwrap_or(self.iat.saturating_mul(1_000_000))
    }
}

impl JwtKeys {
    pub fn new(secret: &[u8], ttl: Duration) -> JwtKeys {
        // Only the configured algorithm: `alg: none` and algorithm-confusion tokens fail here.
        let mut validation = Validation::new(ALGORITHM);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = 30;
        JwtKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            ttl,
        }
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// Signs a new access token for `user_id`.
    pub fn issue(&self, user_id: Uuid, role: Role) -> anyhow::Result<String> {
        let issued = chrono::Utc::now();
        let now = issued.timestamp();
        let ttl = i64::try_from(self.ttl.as_secs()).unwrap_or(900);
        let claims = Claims {
            iss: ISSUER.into(),
            sub: user_id.to_string(),
            exp: now + ttl,
            iat: now,
            iat_us: Some(issued.timestamp_micros()),
            nbf: now,
            jti: Uuid::now_v7().to_string(),
            role,
        };
        encode(&Header::new(ALGORITHM), &claims, &self.encoding)
            .map_err(|e| anyhow::anyhow!("cannot sign token: {e}"))
    }

    /// Checks signature, algorithm, issuer and validity window.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|data| data.claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issued_tokens_verify_and_others_do_not() {
        let keys = JwtKeys::new(
            b"0123456789abcdef0123456789abcdef",
            Duration::from_secs(900),
        );
        let id = Uuid::now_v7();
        let token = keys.issue(id, Role::Coach).expect("token");
        let claims = keys.verify(&token).expect("valid");
        assert_eq!(claims.sub, id.to_string());
        assert_eq!(claims.role, Role::Coach);
        assert_eq!(claims.exp - claims.iat, 900);

        let other = JwtKeys::new(
            b"another secret another secret!!!",
            Duration::from_secs(900),
        );
        assert!(other.verify(&token).is_none());
        let mut tampered = token.clone();
        tampered.insert(token.len() - 3, 'x');
        assert!(keys.verify(&tampered).is_none());
    }
}
