//! The rules of trainings, without a database: a module's fields, sessions inside a course's
//! dates, a trainee's place from their session registrations, completion from the module's
//! attendance rule, and verification codes.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Brussels;
use shared::activities::RegistrationStatus;
use shared::trainings::{
    EvaluationInput, EvaluationResults, ModuleInput, ObjectiveRating, ObjectiveResult,
    TraineeStatus,
};

use crate::error::Validator;
use crate::i18n::Msg;

/// Minimum attendance when the module says nothing.
pub const DEFAULT_MIN_ATTENDANCE: i32 = 80;
/// Longest module, in hours.
pub const MAX_HOURS: f64 = 200.0;
pub const MAX_OBJECTIVES: usize = 12;
pub const MAX_SESSIONS: usize = 20;

/// Checks a module and returns its duration in minutes and its minimum attendance.
pub fn check_module(input: &ModuleInput, v: &mut Validator) -> (i32, i32) {
    let title_fr = input.title.get("fr").map(|s| s.trim()).unwrap_or("");
    if title_fr.is_empty() {
        v.add("title.fr", Msg::Required);
    }
    for (field, texts, max) in [
        ("title", &input.title, 200),
        ("description", &input.description, 5000),
    ] {
        for (lang, text) in texts {
            if !["fr", "en", "nl", "ar"].contains(&lang.as_str()) {
                v.add(&format!("{field}.{lang}"), Msg::InvalidValue);
            } else if text.chars().count() > max {
                v.add(&format!("{field}.{lang}"), Msg::TooLong(max));
            }
        }
    }
    if input.objectives.len() > MAX_OBJECTIVES {
        v.add("objectives", Msg::TooMany(MAX_OBJECTIVES));
    }
    for (i, o) in input.objectives.iter().enumerate() {
        if o.trim().is_empty() {
            v.add(&format!("objectives.{i}"), Msg::Required);
        } else if o.chars().count() > 300 {
            v.add(&format!("objectives.{i}"), Msg::TooLong(300));
        }
    }
    let minutes = match input.hours {
        None => {
            v.add("hours", Msg::Required);
            0
        }
        Some(h) => match hours_to_minutes(h) {
            Some(m) => m,
            None => {
                v.add("hours", Msg::Between(1, MAX_HOURS as i64));
                0
            }
        },
    };
    if input.audience.is_none() {
        v.add("audience", Msg::Required);
    }
    for (i, l) in input.languages.iter().enumerate() {
        if !is_language_code(l) {
            v.add(&format!("languages.{i}"), Msg::InvalidLanguageCode);
        }
    }
    if let Some(p) = &input.prerequisites {
        if p.chars().count() > 2000 {
            v.add("prerequisites", Msg::TooLong(2000));
        }
    }
    if let Some(n) = input.max_group_size {
        if !(1..=500).contains(&n) {
            v.add("max_group_size", Msg::Between(1, 500));
        }
    }
    let min = input
        .min_attendance_percent
        .unwrap_or(DEFAULT_MIN_ATTENDANCE);
    if !(1..=100).contains(&min) {
        v.add("min_attendance_percent", Msg::Between(1, 100));
    }
    (minutes, min)
}

/// Hours (a quarter hour at least, at most [`MAX_HOURS`]) in whole minutes.
pub fn hours_to_minutes(hours: f64) -> Option<i32> {
    if !hours.is_finite() || !(0.25..=MAX_HOURS).contains(&hours) {
        return None;
    }
    Some((hours * 60.0).round() as i32)
}

pub fn minutes_to_hours(minutes: i64) -> f64 {
    (minutes as f64 / 60.0 * 100.0).round() / 100.0
}

fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase())
}

/// Whether a session lies within the course's dates (Brussels days, both ends included).
pub fn within_course(
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> bool {
    let first = start.with_timezone(&Brussels).date_naive();
    let last = end.with_timezone(&Brussels).date_naive();
    first >= starts_on && last <= ends_on
}

/// From this hour (Brussels) the day before a session, its reminders go out: nobody is
/// written to at night, and the day's later registrations still get theirs.
pub const REMINDER_HOUR: u32 = 10;

/// The sessions whose reminders are due at `now`: those starting on the next day in Brussels,
/// once it is [`REMINDER_HOUR`] there. The day's start and end (exclusive) in UTC.
pub fn reminder_window(now: DateTime<Utc>) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    use chrono::{TimeZone, Timelike};
    let local = now.with_timezone(&Brussels);
    if local.hour() < REMINDER_HOUR {
        return None;
    }
    let tomorrow = local.date_naive().succ_opt()?;
    // Midnight always exists in Brussels (the clocks change at 2 and 3 o'clock).
    let midnight = |d: NaiveDate| {
        Brussels
            .from_local_datetime(&d.and_hms_opt(0, 0, 0)?)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    };
    Some((midnight(tomorrow)?, midnight(tomorrow.succ_opt()?)?))
}

/// A trainee's place from their registrations to the course's sessions (those not cancelled):
/// withdrawn when the course registration is; registered once they hold a place in every
/// session; waiting otherwise.
pub fn trainee_status(withdrawn: bool, sessions: &[Option<RegistrationStatus>]) -> TraineeStatus {
    if withdrawn {
        return TraineeStatus::Cancelled;
    }
    let holds = |s: &Option<RegistrationStatus>| {
        matches!(
            s,
            Some(
                RegistrationStatus::Registered
                    | RegistrationStatus::Attended
                    | RegistrationStatus::Absent
                    | RegistrationStatus::Excused
            )
        )
    };
    if sessions.iter().all(holds) {
        TraineeStatus::Registered
    } else {
        TraineeStatus::Waitlisted
    }
}

/// Whether a trainee completed a course and how many minutes they still miss: attended minutes
/// against `min_percent` of the course's minutes (rounded up to the minute). A course without
/// sessions is completed by nobody.
pub fn completion(total_minutes: i64, attended_minutes: i64, min_percent: i32) -> (bool, i64) {
    if total_minutes <= 0 {
        return (false, 0);
    }
    let required = (total_minutes * i64::from(min_percent) + 99) / 100;
    let missing = (required - attended_minutes).max(0);
    (missing == 0, missing)
}

/// The alphabet of verification codes: Crockford's base 32 (no I, L, O, U to misread).
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A verification code of 100 random bits, as `XXXXX-XXXXX-XXXXX-XXXXX`.
pub fn new_code(random: &[u8; 16]) -> String {
    let mut bits: u128 = u128::from_be_bytes(*random);
    let mut out = String::with_capacity(23);
    for i in 0..20 {
        if i > 0 && i % 5 == 0 {
            out.push('-');
        }
        out.push(ALPHABET[(bits & 31) as usize] as char);
        bits >>= 5;
    }
    out
}

/// What a visitor typed, in the stored form: upper case, dashes where they belong, the letters
/// people confuse with digits read as those digits. `None` when it cannot be a code.
pub fn normalise_code(raw: &str) -> Option<String> {
    let chars: Vec<char> = raw
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    if chars.len() != 20 || !chars.iter().all(|c| ALPHABET.contains(&(*c as u8))) {
        return None;
    }
    let mut out = String::with_capacity(23);
    for (i, c) in chars.into_iter().enumerate() {
        if i > 0 && i % 5 == 0 {
            out.push('-');
        }
        out.push(c);
    }
    Some(out)
}

/// Fewest answers whose results are shown: below, one person's answer could be read back.
pub const MIN_ANSWERS: usize = 5;

/// One stored answer to the questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub satisfaction: i32,
    pub useful: Option<String>,
    pub objectives: Vec<ObjectiveRating>,
}

/// Checks an answer against the module's objectives (one rating each, 1–5).
pub fn check_answer(
    input: &EvaluationInput,
    objectives: usize,
    v: &mut Validator,
) -> Option<Answer> {
    let satisfaction = match input.satisfaction {
        None => {
            v.add("satisfaction", Msg::Required);
            None
        }
        Some(s) if !(1..=5).contains(&s) => {
            v.add("satisfaction", Msg::Between(1, 5));
            None
        }
        Some(s) => Some(s),
    };
    if input.objectives.len() != objectives {
        v.add("objectives", Msg::InvalidValue);
    }
    for (i, o) in input.objectives.iter().enumerate() {
        for (name, x) in [("before", o.before), ("after", o.after)] {
            if !(1..=5).contains(&x) {
                v.add(&format!("objectives.{i}.{name}"), Msg::Between(1, 5));
            }
        }
    }
    let useful = input
        .useful
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    if useful.as_ref().is_some_and(|u| u.chars().count() > 2000) {
        v.add("useful", Msg::TooLong(2000));
    }
    Some(Answer {
        satisfaction: satisfaction?,
        useful,
        objectives: input.objectives.clone(),
    })
}

fn mean(xs: impl Iterator<Item = i32>) -> f64 {
    let (sum, n) = xs.fold((0i64, 0i64), |(s, n), x| (s + i64::from(x), n + 1));
    if n == 0 {
        return 0.0;
    }
    ((sum as f64 / n as f64) * 100.0).round() / 100.0
}

/// Results of these answers: averages, the satisfaction distribution and the useful texts;
/// with fewer than [`MIN_ANSWERS`], only their number.
pub fn results(answers: &[Answer], objectives: &[String]) -> EvaluationResults {
    let n = answers.len() as i64;
    if answers.len() < MIN_ANSWERS {
        return EvaluationResults {
            answers: n,
            withheld: true,
            satisfaction: None,
            distribution: None,
            objectives: vec![],
            useful: vec![],
        };
    }
    let mut distribution = vec![0i64; 5];
    for a in answers {
        if let Some(slot) = usize::try_from(a.satisfaction - 1)
            .ok()
            .and_then(|i| distribution.get_mut(i))
        {
            *slot += 1;
        }
    }
    EvaluationResults {
        answers: n,
        withheld: false,
        satisfaction: Some(mean(answers.iter().map(|a| a.satisfaction))),
        distribution: Some(distribution),
        objectives: objectives
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let rated = || answers.iter().filter_map(move |a| a.objectives.get(i));
                ObjectiveResult {
                    objective: o.clone(),
                    before: mean(rated().map(|r| r.before)),
                    after: mean(rated().map(|r| r.after)),
                }
            })
            .collect(),
        useful: answers.iter().filter_map(|a| a.useful.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use shared::trainings::Audience;
    use RegistrationStatus::*;

    fn module() -> ModuleInput {
        ModuleInput {
            title: [("fr".to_owned(), "Les bases".to_owned())].into(),
            description: Default::default(),
            objectives: vec!["Écouter".into()],
            hours: Some(6.0),
            audience: Some(Audience::Everyone),
            languages: vec!["fr".into()],
            prerequisites: None,
            max_group_size: Some(12),
            certificate: true,
            min_attendance_percent: None,
        }
    }

    fn errors(input: &ModuleInput) -> Vec<String> {
        let mut v = Validator::new();
        check_module(input, &mut v);
        match v.finish() {
            Ok(()) => vec![],
            Err(crate::error::ApiError::Validation(e)) => e.into_iter().map(|(f, _)| f).collect(),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn a_module_defaults_to_eighty_percent_and_counts_minutes() {
        let mut v = Validator::new();
        assert_eq!(check_module(&module(), &mut v), (360, 80));
        assert!(v.finish().is_ok());
    }

    #[test]
    fn minimum_attendance_is_one_to_a_hundred_percent() {
        for (p, ok) in [
            (0, false),
            (1, true),
            (100, true),
            (101, false),
            (-5, false),
        ] {
            let m = ModuleInput {
                min_attendance_percent: Some(p),
                ..module()
            };
            assert_eq!(errors(&m).is_empty(), ok, "{p}");
        }
    }

    #[test]
    fn a_module_without_title_hours_or_audience_says_so_field_by_field() {
        let m = ModuleInput {
            title: Default::default(),
            hours: None,
            audience: None,
            ..module()
        };
        assert_eq!(errors(&m), ["title.fr", "hours", "audience"]);
        let m = ModuleInput {
            hours: Some(f64::NAN),
            languages: vec!["French".into()],
            ..module()
        };
        assert_eq!(errors(&m), ["hours", "languages.0"]);
    }

    #[test]
    fn sessions_must_lie_within_the_course_in_brussels_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let t = |y, mo, da, h| {
            Utc.with_ymd_and_hms(y, mo, da, h, 0, 0)
                .single()
                .expect("instant")
        };
        let (from, to) = (d("2027-02-01"), d("2027-02-10"));
        assert!(within_course(from, to, t(2027, 2, 1, 8), t(2027, 2, 1, 11)));
        // 23:30 UTC on 31 January is already 1 February in Brussels.
        assert!(within_course(
            from,
            to,
            t(2027, 1, 31, 23),
            t(2027, 2, 1, 2)
        ));
        assert!(!within_course(
            from,
            to,
            t(2027, 1, 31, 8),
            t(2027, 1, 31, 10)
        ));
        // 23:00 UTC on 10 February is 11 February in Brussels.
        assert!(!within_course(
            from,
            to,
            t(2027, 2, 10, 20),
            t(2027, 2, 10, 23)
        ));
    }

    #[test]
    fn a_trainee_holds_a_place_only_with_a_seat_in_every_session() {
        assert_eq!(
            trainee_status(false, &[Some(Registered), Some(Attended)]),
            TraineeStatus::Registered
        );
        assert_eq!(
            trainee_status(false, &[Some(Registered), Some(Waitlisted)]),
            TraineeStatus::Waitlisted
        );
        assert_eq!(
            trainee_status(false, &[Some(Registered), None]),
            TraineeStatus::Waitlisted
        );
        assert_eq!(
            trainee_status(true, &[Some(Registered)]),
            TraineeStatus::Cancelled
        );
    }

    #[test]
    fn completion_follows_the_rule_and_says_what_is_missing() {
        // 6 hours at 80 %: 288 minutes needed.
        assert_eq!(completion(360, 360, 80), (true, 0));
        assert_eq!(completion(360, 288, 80), (true, 0));
        assert_eq!(completion(360, 180, 80), (false, 108));
        assert_eq!(completion(360, 0, 100), (false, 360));
        // Rounded up: 1 % of 150 minutes is 1.5, so 2 minutes are needed.
        assert_eq!(completion(150, 1, 1), (false, 1));
        assert_eq!(completion(0, 0, 80), (false, 0));
    }

    #[test]
    fn codes_carry_a_hundred_bits_and_read_back_from_sloppy_typing() {
        let a = new_code(&[0xA5; 16]);
        let b = new_code(&[0x5A; 16]);
        assert_eq!(a.len(), 23);
        assert_ne!(a, b);
        assert_eq!(normalise_code(&a), Some(a.clone()));
        assert_eq!(
            normalise_code(&a.to_lowercase().replace('-', " ")),
            Some(a.clone())
        );
        assert_eq!(
            normalise_code("0000O-11111-IIIII-LLLL1"),
            Some("00000-11111-11111-11111".into())
        );
        assert_eq!(normalise_code("ABC"), None);
        assert_eq!(normalise_code("UUUUU-UUUUU-UUUUU-UUUUU"), None);
        assert_eq!(minutes_to_hours(90), 1.5);
        assert_eq!(hours_to_minutes(2.25), Some(135));
        assert_eq!(hours_to_minutes(0.0), None);
    }

    fn answer(s: i32, before: i32, after: i32) -> Answer {
        Answer {
            satisfaction: s,
            useful: Some(format!("réponse {s}")),
            objectives: vec![ObjectiveRating { before, after }],
        }
    }

    #[test]
    fn results_under_five_answers_are_withheld() {
        let objectives = vec!["Écouter".to_owned()];
        let four: Vec<Answer> = (1..=4).map(|s| answer(s, 2, 4)).collect();
        let r = results(&four, &objectives);
        assert!(r.withheld);
        assert_eq!(r.answers, 4);
        assert!(r.satisfaction.is_none() && r.useful.is_empty() && r.objectives.is_empty());
        let five: Vec<Answer> = [5, 4, 4, 3, 5].iter().map(|s| answer(*s, 2, 4)).collect();
        let r = results(&five, &objectives);
        assert!(!r.withheld);
        assert_eq!(r.satisfaction, Some(4.2));
        assert_eq!(r.distribution, Some(vec![0, 0, 1, 2, 2]));
        assert_eq!((r.objectives[0].before, r.objectives[0].after), (2.0, 4.0));
        assert_eq!(r.useful.len(), 5);
    }

    #[test]
    fn an_answer_rates_each_objective_from_one_to_five() {
        let input = EvaluationInput {
            person_id: None,
            satisfaction: Some(6),
            useful: None,
            objectives: vec![ObjectiveRating {
                before: 0,
                after: 5,
            }],
        };
        let mut v = Validator::new();
        assert!(check_answer(&input, 2, &mut v).is_none());
        let Err(crate::error::ApiError::Validation(e)) = v.finish() else {
            panic!("refused")
        };
        let fields: Vec<&str> = e.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            ["satisfaction", "objectives", "objectives.0.before"]
        );
    }

    #[test]
    fn reminders_go_out_the_day_before_from_ten_in_brussels() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap_or_default();
        // 09:30 in Brussels (CET): too early.
        assert_eq!(reminder_window(at("2026-03-28T08:30:00Z")), None);
        // 10:30: the next day, which is 23 hours long (summer time starts).
        assert_eq!(
            reminder_window(at("2026-03-28T09:30:00Z")),
            Some((at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z")))
        );
        // 23:59 in Brussels (CEST) is still the day before.
        assert_eq!(
            reminder_window(at("2026-06-30T21:59:00Z")),
            Some((at("2026-06-30T22:00:00Z"), at("2026-07-01T22:00:00Z")))
        );
    }
}
