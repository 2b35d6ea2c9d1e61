//! Values of staff accounts.

use crate::i18n::Msg;

/// A normalised (trimmed, lower-case) email address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(raw: &str) -> Result<Email, Msg> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err(Msg::Required);
        }
        if s.chars().count() > Self::MAX_LEN {
            return Err(Msg::TooLong(Self::MAX_LEN));
        }
        let Some((local, domain)) = s.rsplit_once('@') else {
            return Err(Msg::InvalidEmail);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && !local.contains('@')
            && !local.chars().any(|c| c.is_whitespace() || c.is_control());
        if domain_ok && local_ok {
            Ok(Email(s))
        } else {
            Err(Msg::InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// The name shown for a staff member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX_LEN: usize = 100;

    pub fn parse(raw: &str) -> Result<DisplayName, Msg> {
        let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.is_empty() {
            Err(Msg::Required)
        } else if s.chars().count() > Self::MAX_LEN {
            Err(Msg::TooLong(Self::MAX_LEN))
        } else {
            Ok(DisplayName(s))
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// How long a password link stays valid: an hour for a reset (it arrives at once and is
/// followed at once), a week for an invitation (a new colleague may not read their mail today).
pub fn link_lifetime(purpose: shared::users::PasswordLinkPurpose) -> chrono::Duration {
    match purpose {
        shared::users::PasswordLinkPurpose::Reset => chrono::Duration::hours(1),
        shared::users::PasswordLinkPurpose::Invitation => chrono::Duration::days(7),
    }
}

/// "Forgot my password" links made for one account per hour at most (beyond, the answer is the
/// same and nothing is sent: nobody can flood a colleague's mailbox).
pub const RESETS_PER_HOUR: i64 = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Amina.B@Example.BE ").map(Email::into_inner),
            Ok("amina.b@example.be".into())
        );
        assert_eq!(Email::parse(""), Err(Msg::Required));
        for bad in [
            "amina",
            "amina@",
            "@example.be",
            "a b@example.be",
            "a@example",
            "a@.be",
            "a@ex..be",
        ] {
            assert_eq!(Email::parse(bad), Err(Msg::InvalidEmail), "{bad}");
        }
        assert!(Email::parse("élise@liège.be").is_ok());
    }

    #[test]
    fn display_names_collapse_spaces() {
        assert_eq!(
            DisplayName::parse("  Marc   Dupont ").map(DisplayName::into_inner),
            Ok("Marc Dupont".into())
        );
        assert_eq!(DisplayName::parse("   "), Err(Msg::Required));
        assert_eq!(DisplayName::parse(&"x".repeat(101)), Err(Msg::TooLong(100)));
    }
}
