//! Checking what staff or applicants send about a person, field by field.

use std::collections::BTreeSet;

use chrono::Datelike;
use shared::people::{
    Category, ContactChannel, FrenchLevel, LanguageSkill, MembershipStatus, PersonInput,
    PersonTagRef, Slot,
};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::accounts::domain::Email;
use crate::error::Validator;
use crate::i18n::Msg;

/// Lower-case, accent-free form used for search (`Élodie` → `elodie`), the way people type on
/// a keyboard without those letters: letters that are not a base letter with an accent
/// (Turkish dotless `ı`, Polish `ł`, Nordic `ø`...) become the letter typed instead (`Yılmaz` →
/// `yilmaz`). Migration `2026-12-08-000501_search_fold` applies the same to stored rows.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
    {
        match c {
            'ı' => out.push('i'),
            'ł' => out.push('l'),
            'ø' => out.push('o'),
            'đ' | 'ð' => out.push('d'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            other => out.push(other),
        }
    }
    out
}

/// The words of a text, folded (`Marie-Élise, merci` → `marie`, `elise`, `merci`).
fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The names to look for in free text once a person is anonymised: each of their first, last
/// and preferred names as a sequence of folded words. Names of one or two letters would match
/// too much ordinary text and are left out.
pub fn names_to_find(first: &str, last: Option<&str>, preferred: Option<&str>) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for name in [Some(first), last, preferred].into_iter().flatten() {
        let w = words(name);
        if w.iter().map(|w| w.chars().count()).sum::<usize>() >= 3 && !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// Whether `text` contains one of `names` as whole words, whatever the case and accents
/// (`Amina partage sa passion` names `amina`; `Aminata` does not).
pub fn mentions_any(text: &str, names: &[Vec<String>]) -> bool {
    let text = words(text);
    names
        .iter()
        .any(|name| !name.is_empty() && text.windows(name.len()).any(|w| w == name.as_slice()))
}

#[cfg(test)]
mod mention_tests {
    use super::*;

    #[test]
    fn names_are_found_as_whole_words_whatever_the_case_and_accents() {
        let names = names_to_find("Élodie", Some("Van den Broucke"), Some("Lo"));
        assert_eq!(names.len(), 2, "a two-letter name is left out: {names:?}");
        assert!(mentions_any("Merci à ELODIE pour le repas", &names));
        assert!(mentions_any("avec Mme van den Broucke.", &names));
        assert!(!mentions_any("Elodiee et Mélodie", &names));
        assert!(
            !mentions_any("la maison van den Berg", &names),
            "a partial name"
        );
        assert!(!mentions_any("", &names));
        let amina = names_to_find("Amina", None, None);
        assert!(mentions_any(
            "Amina partage sa passion de la cuisine",
            &amina
        ));
        assert!(!mentions_any("Aminata partage sa passion", &amina));
    }
}

/// E.164 form of a phone number. Numbers starting with a single 0 are Belgian.
pub fn parse_phone(raw: &str) -> Result<String, Msg> {
    let compact: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '/' | '(' | ')' | '\u{a0}'))
        .collect();
    if compact.is_empty() {
        return Err(Msg::Required);
    }
    let mut international = if let Some(rest) = compact.strip_prefix('+') {
        rest.to_owned()
    } else if let Some(rest) = compact.strip_prefix("00") {
        rest.to_owned()
    } else if let Some(rest) = compact.strip_prefix('0') {
        format!("32{rest}")
    } else {
        return Err(Msg::InvalidPhone);
    };
    // "+32 (0)4 ..." is a common Belgian notation: the 0 is not dialled from abroad.
    if let Some(rest) = international.strip_prefix("320") {
        international = format!("32{rest}");
    }
    let ok = (8..=15).contains(&international.len())
        && international.chars().all(|c| c.is_ascii_digit())
        && !international.starts_with('0');
    if ok {
        Ok(format!("+{international}"))
    } else {
        Err(Msg::InvalidPhone)
    }
}

pub fn parse_postcode(raw: &str) -> Result<String, Msg> {
    let s = raw.trim();
    if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) && !s.starts_with('0') {
        Ok(s.to_owned())
    } else {
        Err(Msg::InvalidPostcode)
    }
}

/// Trimmed text, `None` when blank; `max` characters at most as sent (the document states the
/// limit as a `maxLength`, which counts the spaces a client sends).
pub fn optional_text(raw: Option<&str>, max: usize) -> Result<Option<String>, Msg> {
    if raw.is_some_and(|s| s.chars().count() > max) {
        return Err(Msg::TooLong(max));
    }
    Ok(raw
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned))
}

pub fn required_text(raw: &str, max: usize) -> Result<String, Msg> {
    optional_text(Some(raw), max)?.ok_or(Msg::Required)
}

fn year(value: Option<i32>, min: i32, max: i32) -> Result<Option<i32>, Msg> {
    match value {
        Some(y) if !(min..=max).contains(&y) => Err(Msg::YearOutOfRange(min, max)),
        other => Ok(other),
    }
}

pub fn current_year() -> i32 {
    chrono::Utc::now().year()
}

/// A person's fields, checked and normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonData {
    pub first_name: String,
    pub last_name: Option<String>,
    pub preferred_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub preferred_channel: Option<ContactChannel>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub commune: Option<String>,
    /// None: neither newcomer nor local (partner staff who only take part in trainings).
    pub profile: Option<Category>,
    pub arrival_year: Option<i32>,
    pub category_override: Option<Category>,
    pub category_override_reason: Option<String>,
    pub birth_year: Option<i32>,
    pub gender: Option<String>,
    pub french_level: Option<FrenchLevel>,
    pub origin_region: Option<String>,
    pub languages: Vec<LanguageSkill>,
    pub tags: Vec<PersonTagRef>,
    pub availability: Vec<Slot>,
    pub presentation: Option<String>,
    pub staff_notes: Option<String>,
}

pub const MAX_LANGUAGES: usize = 20;
pub const MAX_TAGS: usize = 60;

impl PersonData {
    /// Checks every field and reports all problems at once.
    pub fn parse(input: &PersonInput) -> Result<PersonData, crate::error::ApiError> {
        let mut v = Validator::new();
        let now = current_year();
        let first_name = v.check("first_name", required_text(&input.first_name, 100));
        let last_name = v.check("last_name", optional_text(input.last_name.as_deref(), 100));
        let preferred_name = v.check(
            "preferred_name",
            optional_text(input.preferred_name.as_deref(), 100),
        );
        let email = match input
            .email
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(e) => v.check("email", Email::parse(e).map(|e| Some(e.into_inner()))),
            None => Some(None),
        };
        let phone = match input
            .phone
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(p) => v.check("phone", parse_phone(p).map(Some)),
            None => Some(None),
        };
        if matches!((&email, &phone), (Some(None), Some(None))) {
            v.add("email", Msg::EmailOrPhoneRequired);
            v.add("phone", Msg::EmailOrPhoneRequired);
        }
        let street = v.check("street", optional_text(input.street.as_deref(), 200));
        let postcode = match input
            .postcode
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(p) => v.check("postcode", parse_postcode(p).map(Some)),
            None => Some(None),
        };
        let commune = v.check("commune", optional_text(input.commune.as_deref(), 100));
        let profile = v.check("profile", input.profile.ok_or(Msg::Required));
        let birth_year = v.check("birth_year", year(input.birth_year, 1900, now));
        let arrival_year = v.check("arrival_year", year(input.arrival_year, 1940, now));
        if profile == Some(Some(Category::Newcomer)) && input.arrival_year.is_none() {
            v.add("arrival_year", Msg::ArrivalYearRequired);
        }
        if let (Some(Some(b)), Some(Some(a))) = (birth_year, arrival_year) {
            if a < b {
                v.add("arrival_year", Msg::ArrivalBeforeBirth);
            }
        }
        let reason = v.check(
            "category_override_reason",
            optional_text(input.category_override_reason.as_deref(), 500),
        );
        if input.category_override.is_some() && matches!(reason, Some(None)) {
            v.add("category_override_reason", Msg::ReasonRequired);
        }
        let gender = v.check("gender", optional_text(input.gender.as_deref(), 50));
        let origin_region = v.check(
            "origin_region",
            optional_text(input.origin_region.as_deref(), 100),
        );
        let presentation = v.check(
            "presentation",
            optional_text(input.presentation.as_deref(), 2000),
        );
        let staff_notes = v.check(
            "staff_notes",
            optional_text(input.staff_notes.as_deref(), 5000),
        );

        if input.languages.len() > MAX_LANGUAGES {
            v.add("languages", Msg::TooMany(MAX_LANGUAGES));
        }
        let mut seen = BTreeSet::new();
        let mut languages = Vec::new();
        for (i, l) in input.languages.iter().enumerate() {
            let code = l.language.trim().to_ascii_lowercase();
            let valid =
                (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase());
            if !valid {
                v.add(
                    &format!("languages[{i}].language"),
                    Msg::InvalidLanguageCode,
                );
            } else if !seen.insert(code.clone()) {
                v.add(&format!("languages[{i}].language"), Msg::DuplicateEntry);
            } else {
                languages.push(LanguageSkill {
                    language: code,
                    level: l.level,
                });
            }
        }
        if input.tags.len() > MAX_TAGS {
            v.add("tags", Msg::TooMany(MAX_TAGS));
        }
        let mut seen = BTreeSet::new();
        let mut tags = Vec::new();
        for (i, t) in input.tags.iter().enumerate() {
            if seen.insert(t.tag_id) {
                tags.push(t.clone());
            } else {
                v.add(&format!("tags[{i}].tag_id"), Msg::DuplicateEntry);
            }
        }
        let availability: Vec<Slot> = input
            .availability
            .iter()
            .copied()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        v.finish()?;
        let missing =
            || crate::error::ApiError::Internal(anyhow::anyhow!("validated field missing"));
        Ok(PersonData {
            first_name: first_name.ok_or_else(missing)?,
            last_name: last_name.flatten(),
            preferred_name: preferred_name.flatten(),
            email: email.flatten(),
            phone: phone.flatten(),
            preferred_channel: input.preferred_channel,
            street: street.flatten(),
            postcode: postcode.flatten(),
            commune: commune.flatten(),
            profile: profile.ok_or_else(missing)?,
            arrival_year: arrival_year.flatten(),
            category_override: input.category_override,
            category_override_reason: if input.category_override.is_some() {
                reason.flatten()
            } else {
                None
            },
            birth_year: birth_year.flatten(),
            gender: gender.flatten(),
            french_level: input.french_level,
            origin_region: origin_region.flatten(),
            languages,
            tags,
            availability,
            presentation: presentation.flatten(),
            staff_notes: staff_notes.flatten(),
        })
    }

    pub fn display_name(&self) -> String {
        display_name(
            &self.first_name,
            self.last_name.as_deref(),
            self.preferred_name.as_deref(),
        )
    }

    /// The folded text searched by `q`.
    pub fn search_text(&self) -> String {
        let mut parts = vec![self.first_name.clone()];
        parts.extend(self.last_name.clone());
        parts.extend(self.preferred_name.clone());
        parts.extend(self.email.clone());
        if let Some(phone) = &self.phone {
            parts.push(phone.clone());
            // Also the national notation people type: +32470... → 0470...
            if let Some(national) = phone.strip_prefix("+32") {
                parts.push(format!("0{national}"));
            }
        }
        fold(&parts.join(" "))
    }
}

pub fn display_name(first: &str, last: Option<&str>, preferred: Option<&str>) -> String {
    match (preferred, last) {
        (Some(p), _) => p.to_owned(),
        (None, Some(l)) => format!("{first} {l}"),
        (None, None) => first.to_owned(),
    }
}

/// A vocabulary slug (tags, communes): lowercase ASCII letters, digits and inner hyphens,
/// exactly as sent (an identifier with spaces around it is not that identifier).
pub fn parse_slug(s: &str) -> Result<String, Msg> {
    if s.is_empty() {
        return Err(Msg::Required);
    }
    let ok = s.len() <= 60
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-');
    if ok {
        Ok(s.to_owned())
    } else {
        Err(Msg::InvalidSlug)
    }
}

/// The public form a visitor filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntakeForm {
    /// An application to a programme (`/public/signup`).
    Signup,
    /// A seat at a public activity (`/public/events/{id}/register`).
    Registration,
}

/// An existing person whose email or phone a public form matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    pub id: String,
    /// The record has an email address a confirmation link can be sent to.
    pub reachable: bool,
}

/// What becomes of a visitor whose email or phone may match an existing person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intake {
    /// Act for this existing person only once they confirm, through a link sent to the address
    /// on their record; nothing in their name changes before.
    Confirm(String),
    /// A new person for the team to review, flagged when someone else matched.
    Create { possible_duplicate: Option<String> },
}

/// The public intake policy, stated once for every public form. Anyone can type someone else's
/// email or phone, so a form never acts on an existing record by itself: an application lands
/// on a new record the team reviews; a registration waits for the matched person's confirmation
/// (the link goes to the address on their record, not to the one typed), or, when that record
/// has no address to confirm from, creates a new record flagged for the team. The visitor's
/// answer is the same in every case (see `activities::public::service::register_visitor`).
pub fn intake(form: IntakeForm, matched: Option<Matched>) -> Intake {
    match (form, matched) {
        (IntakeForm::Registration, Some(m)) if m.reachable => Intake::Confirm(m.id),
        (_, matched) => Intake::Create {
            possible_duplicate: matched.map(|m| m.id),
        },
    }
}

/// What taking part in a programme (a registration, a duo candidacy, a confirmed duo) does to
/// the person's membership of that programme in that role, so that the programme filters find
/// everyone who takes part, not only those a coordinator enrolled by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Participation {
    /// The membership already says it.
    Keep,
    /// A new membership with this status (none yet, or the last one ended: its history stays).
    Start(MembershipStatus),
    /// The applied membership becomes active.
    Activate,
}

/// `current`: the status of the person's latest membership of the programme in that role.
/// `started`: whether taking part means the person is in (a seat, a duo) or still waits for
/// it (a candidacy in the pool). A paused membership stays paused: a coordinator decided it.
pub fn participation(current: Option<MembershipStatus>, started: bool) -> Participation {
    use MembershipStatus as S;
    let fresh = if started { S::Active } else { S::Applied };
    match current {
        None | Some(S::Completed) | Some(S::Withdrawn) => Participation::Start(fresh),
        Some(S::Applied) if started => Participation::Activate,
        Some(S::Applied) | Some(S::Active) | Some(S::Paused) => Participation::Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_become_e164() {
        assert_eq!(parse_phone("0470 12 34 56"), Ok("+32470123456".into()));
        assert_eq!(parse_phone("+32 (0)4 222 33 44"), Ok("+3242223344".into()));
        assert_eq!(parse_phone("+32 4 222 33 44"), Ok("+3242223344".into()));
        assert_eq!(parse_phone("0033 6 12 34 56 78"), Ok("+33612345678".into()));
        assert_eq!(parse_phone("04/222.33.44"), Ok("+3242223344".into()));
        assert_eq!(parse_phone("12345"), Err(Msg::InvalidPhone));
        assert_eq!(parse_phone("0470 12 34 5x"), Err(Msg::InvalidPhone));
    }

    #[test]
    fn postcodes_are_four_digits() {
        assert_eq!(parse_postcode(" 4000 "), Ok("4000".into()));
        assert!(parse_postcode("400").is_err());
        assert!(parse_postcode("0400").is_err());
        assert!(parse_postcode("40a0").is_err());
    }

    #[test]
    fn search_text_ignores_accents_and_case() {
        assert_eq!(fold("Élodie Müller-Ça"), "elodie muller-ca");
    }

    #[test]
    fn search_text_folds_letters_people_type_differently() {
        assert_eq!(fold("Yılmaz"), "yilmaz");
        assert_eq!(fold("İSTANBUL"), "istanbul");
        assert_eq!(
            fold("Łukasz Søren Œuvre Straße"),
            "lukasz soren oeuvre strasse"
        );
    }

    fn base() -> PersonInput {
        PersonInput {
            first_name: "Amina".into(),
            phone: Some("0470 12 34 56".into()),
            profile: Some(Some(Category::Newcomer)),
            arrival_year: Some(current_year() - 1),
            ..Default::default()
        }
    }

    #[test]
    fn a_minimal_person_is_valid() {
        let p = PersonData::parse(&base()).expect("valid");
        assert_eq!(p.phone.as_deref(), Some("+32470123456"));
        assert_eq!(p.display_name(), "Amina");
        assert!(p.search_text().contains("0470123456"));
    }

    #[test]
    fn the_profile_must_be_answered_and_neither_is_an_answer() {
        let unanswered = PersonInput {
            profile: None,
            ..base()
        };
        let Err(crate::error::ApiError::Validation(errors)) = PersonData::parse(&unanswered) else {
            panic!("an unanswered profile must be refused");
        };
        assert!(errors.iter().any(|(f, _)| f == "profile"), "{errors:?}");
        // Partner staff: neither newcomer nor local, no arrival year asked.
        let neither = PersonInput {
            profile: Some(None),
            arrival_year: None,
            ..base()
        };
        let p = PersonData::parse(&neither).expect("neither is valid");
        assert_eq!(p.profile, None);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let input = PersonInput {
            first_name: " ".into(),
            phone: None,
            email: None,
            profile: Some(Some(Category::Newcomer)),
            arrival_year: None,
            postcode: Some("40".into()),
            category_override: Some(Category::Local),
            ..base()
        };
        let Err(crate::error::ApiError::Validation(errors)) = PersonData::parse(&input) else {
            panic!("expected validation errors");
        };
        let fields: BTreeSet<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        for f in [
            "first_name",
            "email",
            "phone",
            "postcode",
            "arrival_year",
            "category_override_reason",
        ] {
            assert!(fields.contains(f), "{f} missing in {fields:?}");
        }
    }

    #[test]
    fn public_intake_never_acts_on_a_match_without_confirmation() {
        let reachable = Matched {
            id: "p1".into(),
            reachable: true,
        };
        let unreachable = Matched {
            reachable: false,
            ..reachable.clone()
        };
        assert_eq!(
            intake(IntakeForm::Registration, Some(reachable.clone())),
            Intake::Confirm("p1".into())
        );
        for (form, m) in [
            (IntakeForm::Registration, unreachable.clone()),
            (IntakeForm::Signup, reachable),
            (IntakeForm::Signup, unreachable),
        ] {
            assert_eq!(
                intake(form, Some(m)),
                Intake::Create {
                    possible_duplicate: Some("p1".into())
                }
            );
        }
        for form in [IntakeForm::Signup, IntakeForm::Registration] {
            assert_eq!(
                intake(form, None),
                Intake::Create {
                    possible_duplicate: None
                }
            );
        }
    }

    #[test]
    fn taking_part_starts_or_activates_a_membership_once() {
        use MembershipStatus as S;
        assert_eq!(participation(None, true), Participation::Start(S::Active));
        assert_eq!(participation(None, false), Participation::Start(S::Applied));
        assert_eq!(
            participation(Some(S::Applied), true),
            Participation::Activate
        );
        assert_eq!(participation(Some(S::Applied), false), Participation::Keep);
        assert_eq!(participation(Some(S::Active), true), Participation::Keep);
        assert_eq!(participation(Some(S::Active), false), Participation::Keep);
        assert_eq!(participation(Some(S::Paused), true), Participation::Keep);
        // Someone who left and comes back starts again; the ended membership stays as history.
        assert_eq!(
            participation(Some(S::Withdrawn), true),
            Participation::Start(S::Active)
        );
        assert_eq!(
            participation(Some(S::Completed), false),
            Participation::Start(S::Applied)
        );
    }
}
