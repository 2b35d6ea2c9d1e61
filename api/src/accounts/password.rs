//! Password policy and Argon2id hashing.

use std::sync::OnceLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::i18n::Msg;

pub const MIN_LEN: usize = 12;
/// Bounded so that hashing cost cannot be used against the server.
pub const MAX_LEN: usize = 128;

/// A few hundred of the most used passwords (and Interra-specific guesses) long enough to pass
/// the length rule; shorter common ones are already refused by it.
const COMMON: &[&str] = &[
    "123456789012",
    "1234567890123",
    "12345678901234",
    "123456123456",
    "111111111111",
    "000000000000",
    "qwertyuiopas",
    "qwertyuiop123",
    "qwerty123456",
    "azertyuiop123",
    "azertyuiopqs",
    "azerty123456",
    "password1234",
    "password12345",
    "password123!",
    "passwordpassword",
    "motdepasse123",
    "motdepasse1234",
    "iloveyou1234",
    "letmein12345",
    "welcome12345",
    "welcome123456",
    "admin1234567",
    "administrator",
    "changeme1234",
    "changeme12345",
    "abcdefghijkl",
    "abcdef123456",
    "abc123456789",
    "1q2w3e4r5t6y",
    "1qaz2wsx3edc",
    "zaq12wsxcde3",
    "trustno11234",
    "football1234",
    "princess1234",
    "sunshine1234",
    "superman1234",
    "dragon123456",
    "baseball1234",
    "starwars1234",
    "interra12345",
    "interra123456",
    "interra2024!",
    "interra2025!",
    "interra2026!",
    "liege1234567",
    "liège1234567",
    "bienvenue123",
    "bienvenue1234",
    "bonjour12345",
    "soleil123456",
    "belgique1234",
    "belgium12345",
    "qazwsxedcrfv",
    "asdfghjkl123",
    "zxcvbnm12345",
    "passw0rd1234",
    "p@ssw0rd1234",
    "p@ssword1234",
    "mot2passe123",
];

fn argon2() -> Argon2<'static> {
    // Argon2id, v19, m = 19 MiB, t = 2, p = 1 (OWASP's recommendation).
    Argon2::default()
}

/// Checks a new password against the policy; every failed rule is reported.
pub fn check_policy(password: &str, email: Option<&str>) -> Result<(), Vec<Msg>> {
    let mut errors = Vec::new();
    let len = password.chars().count();
    if len == 0 {
        return Err(vec![Msg::Required]);
    }
    if len < MIN_LEN {
        errors.push(Msg::PasswordTooShort(MIN_LEN));
    }
    if len > MAX_LEN {
        errors.push(Msg::PasswordTooLong(MAX_LEN));
    }
    let lower = password.to_lowercase();
    let distinct = lower
        .chars()
        .collect::<std::collections::HashSet<_>>()
        .len();
    if COMMON.contains(&lower.as_str()) || distinct <= 3 {
        errors.push(Msg::PasswordTooCommon);
    }
    if let Some(local) = email.and_then(|e| e.split('@').next()) {
        if local.len() >= 4 && lower.contains(&local.to_lowercase()) {
            errors.push(Msg::PasswordContainsEmail);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// PHC string of the password's Argon2id hash. CPU-heavy: call from a blocking thread.
pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("password hashing failed: {e}"))
}

/// Whether `password` matches the stored PHC `hash`. CPU-heavy: call from a blocking thread.
pub fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Spends the same time as a real verification, so that an unknown email cannot be told from
/// a wrong password by timing.
pub fn verify_dummy(password: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("dummy password for timing").unwrap_or_default());
    let _ = verify(password, dummy);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_reports_each_broken_rule() {
        assert_eq!(check_policy("", None), Err(vec![Msg::Required]));
        assert_eq!(
            check_policy("short", None),
            Err(vec![Msg::PasswordTooShort(MIN_LEN)])
        );
        assert_eq!(
            check_policy("Password1234", None),
            Err(vec![Msg::PasswordTooCommon])
        );
        assert_eq!(
            check_policy("aaaaaaaaaaaaaa", None),
            Err(vec![Msg::PasswordTooCommon])
        );
        assert_eq!(
            check_policy("amina.b-garden-2026", Some("amina.b@example.be")),
            Err(vec![Msg::PasswordContainsEmail])
        );
        assert!(check_policy("le jardin de Sclessin", Some("amina@example.be")).is_ok());
        assert!(check_policy(&"ab".repeat(65), None).is_err());
    }

    #[test]
    fn hashes_are_argon2id_and_verify() {
        let h = hash("correct horse battery").expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &h));
        assert!(!verify("correct horse batterie", &h));
        assert!(!verify("anything", "not a hash"));
    }
}
