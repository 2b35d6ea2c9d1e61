//! Outcomes' pure rules: which outcomes end the path and what that makes of the InterLab
//! membership, when the follow-up calls are due, what an outcome must hold, and the Belgian
//! enterprise number (BCE/KBO) check.

use chrono::{Months, NaiveDate};
use shared::interlab::{LegalForm, OutcomeInput, OutcomeKind};
use shared::people::MembershipStatus;

use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::optional_text;

pub const REASON_MAX: usize = 1000;
pub const OUTCOME_NOTE_MAX: usize = 2000;
/// Months after leaving the path when someone calls the entrepreneur.
pub const FOLLOW_UP_MONTHS: [u32; 2] = [6, 12];

/// A business created, a job, a training or a stop ends the path; a pause does not (the path
/// resumes).
pub fn ends_path(kind: OutcomeKind) -> bool {
    !matches!(kind, OutcomeKind::Paused)
}

/// The InterLab membership after the latest outcome (none: the path goes on).
pub fn membership_after(latest: Option<OutcomeKind>) -> MembershipStatus {
    match latest {
        None => MembershipStatus::Active,
        Some(OutcomeKind::Paused) => MembershipStatus::Paused,
        Some(OutcomeKind::Stopped) => MembershipStatus::Withdrawn,
        Some(OutcomeKind::BusinessCreated | OutcomeKind::SalariedJob | OutcomeKind::Training) => {
            MembershipStatus::Completed
        }
    }
}

/// The follow-up calls an outcome schedules: (months, due day) 6 and 12 calendar months after
/// it (the 31st falls on the month's last day); none for a pause.
pub fn follow_ups(kind: OutcomeKind, occurred_on: NaiveDate) -> Vec<(u32, NaiveDate)> {
    if !ends_path(kind) {
        return vec![];
    }
    FOLLOW_UP_MONTHS
        .iter()
        .filter_map(|m| {
            occurred_on
                .checked_add_months(Months::new(*m))
                .map(|d| (*m, d))
        })
        .collect()
}

/// Due today or earlier and not done.
pub fn follow_up_due(due_on: NaiveDate, done_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    done_on.is_none() && due_on <= today
}

/// A Belgian enterprise number (BCE/KBO), formatted `0123.456.749`: ten digits starting with 0
/// or 1 whose last two are 97 minus the first eight modulo 97. Dots, spaces, dashes and a `BE`
/// prefix are accepted on the way in.
pub fn enterprise_number(raw: &str) -> Result<String, Msg> {
    let trimmed = raw.trim();
    let body = trimmed
        .strip_prefix("BE")
        .or_else(|| trimmed.strip_prefix("be"))
        .unwrap_or(trimmed);
    let mut digits = String::new();
    for c in body.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '.' | ' ' | '-' => {}
            _ => return Err(Msg::InvalidEnterpriseNumber),
        }
    }
    if digits.len() != 10 || !(digits.starts_with('0') || digits.starts_with('1')) {
        return Err(Msg::InvalidEnterpriseNumber);
    }
    let (base, check) = digits.split_at(8);
    let (Ok(base), Ok(check)) = (base.parse::<u64>(), check.parse::<u64>()) else {
        return Err(Msg::InvalidEnterpriseNumber);
    };
    if 97 - base % 97 != check {
        return Err(Msg::InvalidEnterpriseNumber);
    }
    Ok(format!(
        "{}.{}.{}",
        &digits[..4],
        &digits[4..7],
        &digits[7..]
    ))
}

/// An outcome, checked field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeData {
    pub kind: OutcomeKind,
    pub occurred_on: NaiveDate,
    pub legal_form: Option<LegalForm>,
    pub enterprise_number: Option<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
}

impl OutcomeData {
    pub fn parse(input: &OutcomeInput, today: NaiveDate) -> Result<Self, ApiError> {
        let mut v = Validator::new();
        if input.occurred_on > today {
            v.add("occurred_on", Msg::DateInFuture);
        }
        let business = input.kind == OutcomeKind::BusinessCreated;
        match (business, input.legal_form) {
            (true, None) => v.add("legal_form", Msg::Required),
            (true, Some(LegalForm::Undecided)) | (false, Some(_)) => {
                v.add("legal_form", Msg::InvalidValue)
            }
            _ => {}
        }
        let raw_number = input
            .enterprise_number
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let number = match (business, raw_number) {
            (_, None) => None,
            (true, Some(raw)) => v.check("enterprise_number", enterprise_number(raw)),
            (false, Some(_)) => {
                v.add("enterprise_number", Msg::InvalidValue);
                None
            }
        };
        let reason = v.check("reason", optional_text(input.reason.as_deref(), REASON_MAX));
        // Valid but empty (too long is reported already).
        if input.kind == OutcomeKind::Stopped && matches!(reason, Some(None)) {
            v.add("reason", Msg::ReasonRequired);
        }
        let reason = reason.flatten();
        let note = v
            .check(
                "note",
                optional_text(input.note.as_deref(), OUTCOME_NOTE_MAX),
            )
            .flatten();
        v.finish()?;
        Ok(OutcomeData {
            kind: input.kind,
            occurred_on: input.occurred_on,
            legal_form: input.legal_form,
            enterprise_number: number,
            reason,
            note,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn fields(r: Result<OutcomeData, ApiError>) -> Vec<String> {
        match r {
            Err(ApiError::Validation(errors)) => errors.into_iter().map(|(f, _)| f).collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    fn input(kind: OutcomeKind) -> OutcomeInput {
        OutcomeInput {
            kind,
            occurred_on: day(2026, 10, 1),
            legal_form: None,
            enterprise_number: None,
            reason: None,
            note: None,
        }
    }

    #[test]
    fn enterprise_numbers_are_checked_and_formatted() {
        // 97 - (01234567 mod 97) = 49.
        assert_eq!(
            enterprise_number("0123456749").as_deref(),
            Ok("0123.456.749")
        );
        assert_eq!(
            enterprise_number(" BE 0123.456.749 ").as_deref(),
            Ok("0123.456.749")
        );
        assert_eq!(
            enterprise_number("1000-000-021").as_deref(),
            Ok("1000.000.021")
        );
        for bad in [
            "0123456748",  // wrong check digits
            "2123456749",  // starts with 2
            "123456749",   // nine digits
            "01234567490", // eleven
            "0123x456749",
            "",
        ] {
            assert_eq!(
                enterprise_number(bad),
                Err(Msg::InvalidEnterpriseNumber),
                "{bad}"
            );
        }
    }

    #[test]
    fn which_outcomes_end_the_path() {
        assert!(ends_path(OutcomeKind::BusinessCreated));
        assert!(ends_path(OutcomeKind::SalariedJob));
        assert!(ends_path(OutcomeKind::Training));
        assert!(ends_path(OutcomeKind::Stopped));
        assert!(!ends_path(OutcomeKind::Paused));
        assert_eq!(membership_after(None), MembershipStatus::Active);
        assert_eq!(
            membership_after(Some(OutcomeKind::Paused)),
            MembershipStatus::Paused
        );
        assert_eq!(
            membership_after(Some(OutcomeKind::Stopped)),
            MembershipStatus::Withdrawn
        );
        assert_eq!(
            membership_after(Some(OutcomeKind::SalariedJob)),
            MembershipStatus::Completed
        );
    }

    #[test]
    fn follow_ups_fall_six_and_twelve_months_later() {
        assert_eq!(
            follow_ups(OutcomeKind::SalariedJob, day(2026, 8, 31)),
            [(6, day(2027, 2, 28)), (12, day(2027, 8, 31))]
        );
        assert!(follow_ups(OutcomeKind::Paused, day(2026, 8, 31)).is_empty());
        assert!(follow_up_due(day(2027, 2, 28), None, day(2027, 2, 28)));
        assert!(!follow_up_due(day(2027, 3, 1), None, day(2027, 2, 28)));
        assert!(!follow_up_due(
            day(2027, 2, 1),
            Some(day(2027, 2, 2)),
            day(2027, 2, 28)
        ));
    }

    #[test]
    fn a_business_created_names_a_decided_legal_form() {
        let today = day(2026, 12, 1);
        let mut i = input(OutcomeKind::BusinessCreated);
        assert_eq!(fields(OutcomeData::parse(&i, today)), ["legal_form"]);
        i.legal_form = Some(LegalForm::Undecided);
        i.enterprise_number = Some("0123456748".into());
        assert_eq!(
            fields(OutcomeData::parse(&i, today)),
            ["legal_form", "enterprise_number"]
        );
        i.legal_form = Some(LegalForm::Srl);
        i.enterprise_number = Some("0123 456 749".into());
        let ok = OutcomeData::parse(&i, today).expect("valid");
        assert_eq!(ok.enterprise_number.as_deref(), Some("0123.456.749"));
    }

    #[test]
    fn a_stop_gives_its_reason_and_nothing_is_dated_ahead() {
        let today = day(2026, 12, 1);
        let mut i = input(OutcomeKind::Stopped);
        i.occurred_on = day(2026, 12, 2);
        i.legal_form = Some(LegalForm::Srl);
        assert_eq!(
            fields(OutcomeData::parse(&i, today)),
            ["occurred_on", "legal_form", "reason"]
        );
        let mut j = input(OutcomeKind::Stopped);
        j.reason = Some("Retour au pays pour raisons familiales".into());
        assert!(OutcomeData::parse(&j, today).is_ok());
        let mut k = input(OutcomeKind::SalariedJob);
        k.enterprise_number = Some("0123456749".into());
        assert_eq!(fields(OutcomeData::parse(&k, today)), ["enterprise_number"]);
    }
}
