//! Pure rules of referrals: what a partner may send, and the team's review steps.

use chrono::{NaiveDateTime, TimeDelta};
use shared::people::Programme;
use shared::referrals::{ReferralInput, ReferralStatus};

use crate::accounts::domain::Email;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::{optional_text, parse_phone, required_text};

pub const FIRST_NAME_MAX: usize = 100;
pub const NOTE_MAX: usize = 1000;
pub const COLLECTED_BY_MAX: usize = 160;
pub const MAX_LANGUAGES: usize = 10;
/// A partner server's clock may run a little ahead of ours.
const CLOCK_SKEW: TimeDelta = TimeDelta::minutes(5);

/// A referral's checked fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralFields {
    pub programme: Programme,
    pub first_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub languages: Vec<String>,
    pub note: Option<String>,
    pub consent_collected_by: String,
    pub consent_at: NaiveDateTime,
    pub notice_version: String,
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// Checks a referral, every field at once; `known_notice` tells a privacy notice version
/// Interra published.
pub fn parse_referral(
    input: &ReferralInput,
    now: NaiveDateTime,
    known_notice: impl Fn(&str) -> bool,
) -> Result<ReferralFields, ApiError> {
    let mut v = Validator::new();
    let first_name = v.check(
        "first_name",
        required_text(&input.first_name, FIRST_NAME_MAX),
    );
    let email = if blank(&input.email) {
        Some(None)
    } else {
        v.check(
            "email",
            Email::parse(input.email.as_deref().unwrap_or_default())
                .map(|e| Some(e.as_str().to_owned())),
        )
    };
    let phone = if blank(&input.phone) {
        Some(None)
    } else {
        v.check(
            "phone",
            parse_phone(input.phone.as_deref().unwrap_or_default()).map(Some),
        )
    };
    if blank(&input.email) && blank(&input.phone) {
        v.add("email", Msg::EmailOrPhoneRequired);
    }
    let mut languages: Vec<String> = Vec::new();
    if input.languages.len() > MAX_LANGUAGES {
        v.add("languages", Msg::TooMany(MAX_LANGUAGES));
    }
    for l in &input.languages {
        let code = l.trim().to_ascii_lowercase();
        if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_lowercase()) {
            v.add("languages", Msg::InvalidLanguageCode);
        } else if !languages.contains(&code) {
            languages.push(code);
        }
    }
    let note = v.check("note", optional_text(input.note.as_deref(), NOTE_MAX));
    let collected_by = v.check(
        "consent.collected_by",
        required_text(&input.consent.collected_by, COLLECTED_BY_MAX),
    );
    let consent_at = input.consent.collected_at.naive_utc();
    if consent_at > now + CLOCK_SKEW {
        v.add("consent.collected_at", Msg::DateInFuture);
    }
    let notice = input.consent.notice_version.trim().to_owned();
    if !known_notice(&notice) {
        v.add("consent.notice_version", Msg::InvalidValue);
    }
    v.finish()?;
    match (first_name, email, phone, note, collected_by) {
        (Some(first_name), Some(email), Some(phone), Some(note), Some(collected_by)) => {
            Ok(ReferralFields {
                programme: input.programme,
                first_name,
                email,
                phone,
                languages,
                note,
                consent_collected_by: collected_by,
                consent_at,
                notice_version: notice,
            })
        }
        _ => Err(anyhow::anyhow!("validated referral fields missing").into()),
    }
}

/// The review steps the team may take from `from`.
pub fn next_steps(from: ReferralStatus) -> &'static [ReferralStatus] {
    use ReferralStatus::*;
    match from {
        Received => &[Accepted, Declined, NoAnswer],
        NoAnswer => &[Accepted, Contacted, Declined],
        Accepted => &[Contacted, Enrolled, Declined, NoAnswer],
        Contacted => &[Enrolled, Declined, NoAnswer],
        Enrolled | Declined => &[],
    }
}

pub fn step_allowed(from: ReferralStatus, to: ReferralStatus) -> bool {
    next_steps(from).contains(&to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::referrals::ReferralConsent;

    fn now() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 8)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("date")
    }

    fn input() -> ReferralInput {
        ReferralInput {
            programme: Programme::Duo2change,
            first_name: " Amina ".into(),
            email: Some("Amina@Example.be".into()),
            phone: None,
            languages: vec!["AR".into(), "fr".into(), "ar".into()],
            note: Some("Prefers afternoons".into()),
            consent: ReferralConsent {
                collected_by: "Sophie, CPAS".into(),
                collected_at: now().and_utc() - TimeDelta::hours(1),
                notice_version: "2026-11".into(),
            },
        }
    }

    #[test]
    fn a_referral_is_trimmed_and_normalised() {
        let f = parse_referral(&input(), now(), |v| v == "2026-11").expect("valid");
        assert_eq!(f.first_name, "Amina");
        assert_eq!(f.email.as_deref(), Some("amina@example.be"));
        assert_eq!(f.languages, vec!["ar", "fr"]);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut i = input();
        i.first_name = " ".into();
        i.email = None;
        i.languages = vec!["french".into()];
        i.consent.collected_at = now().and_utc() + TimeDelta::hours(1);
        i.consent.notice_version = "1999-01".into();
        let Err(ApiError::Validation(errors)) = parse_referral(&i, now(), |v| v == "2026-11")
        else {
            panic!("expected validation errors");
        };
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        for f in [
            "first_name",
            "email",
            "languages",
            "consent.collected_at",
            "consent.notice_version",
        ] {
            assert!(fields.contains(&f), "{f} missing in {fields:?}");
        }
    }

    #[test]
    fn the_review_moves_forward_and_ends() {
        use ReferralStatus::*;
        assert!(step_allowed(Received, Accepted));
        assert!(step_allowed(Accepted, Enrolled));
        assert!(step_allowed(NoAnswer, Contacted));
        assert!(!step_allowed(Received, Enrolled));
        assert!(!step_allowed(Received, Received));
        for to in ReferralStatus::ALL {
            assert!(!step_allowed(Enrolled, *to));
            assert!(!step_allowed(Declined, *to));
            assert!(!step_allowed(*to, Received));
        }
    }
}
