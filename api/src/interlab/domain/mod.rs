//! InterLab's pure rules (the path's in `path`): what a decision does to an application, what a project and a cohort
//! must hold, and what a coach may change. No database, no HTTP.

use chrono::NaiveDate;
use shared::interlab::{
    ApplicationDecision, ApplicationStatus, CohortInput, DecisionInput, DiagnosticInput,
    EntrepreneurInput, LegalForm, NeedDomain, NeedPriority, ProjectStage,
};
use uuid::Uuid;

use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::{optional_text, required_text};

mod meetings;
pub mod mentoring;
pub mod office_hours;
mod outcomes;
mod path;
pub use meetings::*;
pub use outcomes::*;
pub use path::*;

pub const IDEA_MAX: usize = 2000;
pub const HEARD_VIA_DETAIL_MAX: usize = 200;
pub const NOTE_MAX: usize = 2000;
pub const PARTNER_MAX: usize = 200;
pub const PROJECT_NAME_MAX: usize = 120;
pub const DESCRIPTION_MAX: usize = 4000;
pub const COHORT_NAME_MAX: usize = 120;

/// Where an application goes on a decision. Pending and waiting-list applications may be
/// decided (again); an accepted or redirected one is closed.
pub fn decide(
    current: ApplicationStatus,
    decision: ApplicationDecision,
) -> Result<ApplicationStatus, Msg> {
    use ApplicationStatus as S;
    match current {
        S::Accepted | S::Redirected => Err(Msg::ApplicationClosed),
        S::Pending | S::WaitingList => Ok(match decision {
            ApplicationDecision::Accept => S::Accepted,
            ApplicationDecision::WaitingList => S::WaitingList,
            ApplicationDecision::Redirect => S::Redirected,
        }),
    }
}

/// A project and its accompaniment, checked field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectData {
    pub name: String,
    pub description: Option<String>,
    pub sector_id: Option<Uuid>,
    pub stage: ProjectStage,
    pub legal_form: LegalForm,
    pub target_date: Option<NaiveDate>,
    pub cohort_id: Option<Uuid>,
    pub coach_id: Option<Uuid>,
}

impl ProjectData {
    /// Field names carry `prefix` (`entrepreneur.` inside a decision).
    pub fn check(v: &mut Validator, prefix: &str, input: &EntrepreneurInput) -> Option<Self> {
        let name = v.check(
            &format!("{prefix}project_name"),
            required_text(&input.project_name, PROJECT_NAME_MAX),
        );
        let description = v.check(
            &format!("{prefix}description"),
            optional_text(input.description.as_deref(), DESCRIPTION_MAX),
        );
        Some(ProjectData {
            name: name?,
            description: description?,
            sector_id: input.sector_id,
            stage: input.stage,
            legal_form: input.legal_form,
            target_date: input.target_date,
            cohort_id: input.cohort_id,
            coach_id: input.coach_id,
        })
    }

    pub fn parse(input: &EntrepreneurInput) -> Result<Self, ApiError> {
        let mut v = Validator::new();
        let data = Self::check(&mut v, "", input);
        v.finish()?;
        data.ok_or_else(|| anyhow::anyhow!("validated project missing").into())
    }
}

/// A decision, checked field by field: a redirection names the partner and says why; an
/// acceptance carries the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionData {
    pub decision: ApplicationDecision,
    pub note: Option<String>,
    pub partner: Option<String>,
    pub project: Option<ProjectData>,
}

impl DecisionData {
    pub fn parse(input: &DecisionInput) -> Result<Self, ApiError> {
        let mut v = Validator::new();
        let note = v.check("note", optional_text(input.note.as_deref(), NOTE_MAX));
        let partner = v.check(
            "partner",
            optional_text(input.partner.as_deref(), PARTNER_MAX),
        );
        let redirect = input.decision == ApplicationDecision::Redirect;
        if redirect && matches!(partner, Some(None)) {
            v.add("partner", Msg::Required);
        }
        if redirect && matches!(note, Some(None)) {
            v.add("note", Msg::Required);
        }
        let project = match (&input.entrepreneur, input.decision) {
            (Some(e), ApplicationDecision::Accept) => {
                ProjectData::check(&mut v, "entrepreneur.", e)
            }
            (None, ApplicationDecision::Accept) => {
                v.add("entrepreneur", Msg::Required);
                None
            }
            // A project sent with another decision would be lost without a word.
            (Some(_), _) => {
                v.add("entrepreneur", Msg::InvalidValue);
                None
            }
            (None, _) => None,
        };
        v.finish()?;
        Ok(DecisionData {
            decision: input.decision,
            note: note.flatten(),
            partner: if redirect { partner.flatten() } else { None },
            project,
        })
    }
}

/// A cohort's name and dates, checked.
pub fn check_cohort(
    input: &CohortInput,
) -> Result<(String, NaiveDate, Option<NaiveDate>), ApiError> {
    let mut v = Validator::new();
    let name = v.check("name", required_text(&input.name, COHORT_NAME_MAX));
    if input.ends_on.is_some_and(|end| end < input.starts_on) {
        v.add("ends_on", Msg::EndBeforeStart);
    }
    v.finish()?;
    let name = name.ok_or_else(|| anyhow::anyhow!("validated cohort name missing"))?;
    Ok((name, input.starts_on, input.ends_on))
}

/// A coach writes the project of the entrepreneurs they accompany, but who accompanies them and
/// in which cohort is the coordinators' call: a coach's change keeps both as they are.
pub fn coach_may_apply(
    before: (Option<&str>, Option<&str>),
    after: (Option<Uuid>, Option<Uuid>),
) -> bool {
    let same = |a: Option<&str>, b: Option<Uuid>| a.map(str::to_owned) == b.map(|u| u.to_string());
    same(before.0, after.0) && same(before.1, after.1)
}

pub const STRENGTHS_MAX: usize = 20;
pub const STRENGTH_NOTE_MAX: usize = 1000;
pub const GOAL_MAX: usize = 500;
pub const SUMMARY_MAX: usize = 4000;

/// A diagnostic, checked field by field: at least one strength (the method starts from what
/// the person brings), each named once with a level from 1 to 4, and each need's domain once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosticData {
    pub held_on: NaiveDate,
    /// (strength, level, note), in the order given.
    pub strengths: Vec<(Uuid, i32, Option<String>)>,
    /// (domain, priority, goal, note).
    pub needs: Vec<(NeedDomain, NeedPriority, Option<String>, Option<String>)>,
    pub summary: Option<String>,
}

impl DiagnosticData {
    pub fn parse(input: &DiagnosticInput, today: NaiveDate) -> Result<Self, ApiError> {
        let mut v = Validator::new();
        if input.held_on > today {
            v.add("held_on", Msg::DateInFuture);
        }
        if input.strengths.is_empty() {
            v.add("strengths", Msg::Required);
        }
        if input.strengths.len() > STRENGTHS_MAX {
            v.add("strengths", Msg::TooMany(STRENGTHS_MAX));
        }
        let mut strengths = Vec::new();
        let mut seen = Vec::new();
        for (i, s) in input.strengths.iter().enumerate() {
            if seen.contains(&s.strength_id) {
                v.add(&format!("strengths[{i}].strength_id"), Msg::DuplicateEntry);
            }
            seen.push(s.strength_id);
            if !(1..=4).contains(&s.level) {
                v.add(&format!("strengths[{i}].level"), Msg::Between(1, 4));
            }
            let note = v.check(
                &format!("strengths[{i}].note"),
                optional_text(s.note.as_deref(), STRENGTH_NOTE_MAX),
            );
            strengths.push((s.strength_id, s.level, note.flatten()));
        }
        let mut needs = Vec::new();
        let mut domains = Vec::new();
        for (i, n) in input.needs.iter().enumerate() {
            if domains.contains(&n.domain) {
                v.add(&format!("needs[{i}].domain"), Msg::DuplicateEntry);
            }
            domains.push(n.domain);
            let goal = v.check(
                &format!("needs[{i}].goal"),
                optional_text(n.goal.as_deref(), GOAL_MAX),
            );
            let note = v.check(
                &format!("needs[{i}].note"),
                optional_text(n.note.as_deref(), STRENGTH_NOTE_MAX),
            );
            needs.push((n.domain, n.priority, goal.flatten(), note.flatten()));
        }
        let summary = v.check(
            "summary",
            optional_text(input.summary.as_deref(), SUMMARY_MAX),
        );
        v.finish()?;
        Ok(DiagnosticData {
            held_on: input.held_on,
            strengths,
            needs,
            summary: summary.flatten(),
        })
    }
}

/// What a comparison reads of one diagnostic: strength levels in order, need priorities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub version: i32,
    pub strengths: Vec<(String, i32)>,
    pub needs: Vec<(NeedDomain, NeedPriority)>,
}

/// The first diagnostic against the latest, as (strength, first level, latest level) in the
/// latest's order then the strengths only the first named, and (domain, first priority,
/// latest priority) by domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub first_version: i32,
    pub latest_version: i32,
    pub strengths: Vec<(String, Option<i32>, Option<i32>)>,
    pub needs: Vec<(NeedDomain, Option<NeedPriority>, Option<NeedPriority>)>,
}

/// Compares the first and the latest snapshot; `None` with fewer than two.
pub fn compare(snapshots: &[Snapshot]) -> Option<Comparison> {
    let (first, latest) = match snapshots {
        [first, .., latest] => (first, latest),
        _ => return None,
    };
    let level = |s: &Snapshot, id: &str| s.strengths.iter().find(|(k, _)| k == id).map(|(_, l)| *l);
    let mut strengths: Vec<(String, Option<i32>, Option<i32>)> = latest
        .strengths
        .iter()
        .map(|(id, l)| (id.clone(), level(first, id), Some(*l)))
        .collect();
    for (id, l) in &first.strengths {
        if level(latest, id).is_none() {
            strengths.push((id.clone(), Some(*l), None));
        }
    }
    let priority =
        |s: &Snapshot, d: NeedDomain| s.needs.iter().find(|(k, _)| *k == d).map(|(_, p)| *p);
    let needs = NeedDomain::ALL
        .iter()
        .filter_map(|d| {
            let (f, l) = (priority(first, *d), priority(latest, *d));
            (f.is_some() || l.is_some()).then_some((*d, f, l))
        })
        .collect();
    Some(Comparison {
        first_version: first.version,
        latest_version: latest.version,
        strengths,
        needs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> EntrepreneurInput {
        EntrepreneurInput {
            project_name: "  Épicerie du monde ".into(),
            description: Some("   ".into()),
            sector_id: None,
            stage: ProjectStage::Idea,
            legal_form: LegalForm::Undecided,
            target_date: None,
            cohort_id: None,
            coach_id: None,
        }
    }

    #[test]
    fn open_applications_take_any_decision_closed_ones_none() {
        use ApplicationDecision as D;
        use ApplicationStatus as S;
        for from in [S::Pending, S::WaitingList] {
            assert_eq!(decide(from, D::Accept), Ok(S::Accepted));
            assert_eq!(decide(from, D::WaitingList), Ok(S::WaitingList));
            assert_eq!(decide(from, D::Redirect), Ok(S::Redirected));
        }
        for from in [S::Accepted, S::Redirected] {
            for d in ApplicationDecision::ALL {
                assert_eq!(decide(from, *d), Err(Msg::ApplicationClosed));
            }
        }
    }

    #[test]
    fn a_project_is_trimmed_and_needs_a_name() {
        let p = ProjectData::parse(&project()).expect("valid");
        assert_eq!(p.name, "Épicerie du monde");
        assert_eq!(p.description, None);
        let blank = EntrepreneurInput {
            project_name: " ".into(),
            description: Some("x".repeat(DESCRIPTION_MAX + 1)),
            ..project()
        };
        let Err(ApiError::Validation(errors)) = ProjectData::parse(&blank) else {
            panic!("accepted a blank name");
        };
        assert_eq!(
            errors,
            vec![
                ("project_name".to_owned(), Msg::Required),
                ("description".to_owned(), Msg::TooLong(DESCRIPTION_MAX)),
            ]
        );
    }

    #[test]
    fn a_redirection_names_the_partner_and_why_an_acceptance_carries_the_project() {
        let redirect = DecisionInput {
            decision: ApplicationDecision::Redirect,
            note: None,
            partner: Some(" ".into()),
            entrepreneur: None,
        };
        let Err(ApiError::Validation(errors)) = DecisionData::parse(&redirect) else {
            panic!("accepted a redirection without partner");
        };
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["partner", "note"]);

        let accept = DecisionInput {
            decision: ApplicationDecision::Accept,
            note: None,
            partner: Some("CPAS".into()),
            entrepreneur: Some(EntrepreneurInput {
                project_name: String::new(),
                ..project()
            }),
        };
        let Err(ApiError::Validation(errors)) = DecisionData::parse(&accept) else {
            panic!("accepted a project without a name");
        };
        assert_eq!(
            errors,
            vec![("entrepreneur.project_name".to_owned(), Msg::Required)]
        );
        let ok = DecisionData::parse(&DecisionInput {
            entrepreneur: Some(project()),
            ..accept
        })
        .expect("valid");
        assert_eq!(ok.partner, None, "a partner only goes with a redirection");
        assert!(ok.project.is_some());

        let waiting_with_project = DecisionInput {
            decision: ApplicationDecision::WaitingList,
            note: None,
            partner: None,
            entrepreneur: Some(project()),
        };
        assert!(DecisionData::parse(&waiting_with_project).is_err());
    }

    #[test]
    fn a_cohort_ends_after_it_starts() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let input = CohortInput {
            name: "Printemps 2027".into(),
            starts_on: d("2027-03-01"),
            ends_on: Some(d("2027-02-28")),
        };
        assert!(check_cohort(&input).is_err());
        let same_day = CohortInput {
            ends_on: Some(d("2027-03-01")),
            ..input
        };
        assert!(check_cohort(&same_day).is_ok());
    }

    #[test]
    fn a_coach_keeps_the_cohort_and_the_coach_as_they_are() {
        let cohort = Uuid::now_v7();
        let coach = Uuid::now_v7();
        let (c, k) = (cohort.to_string(), coach.to_string());
        assert!(coach_may_apply(
            (Some(&c), Some(&k)),
            (Some(cohort), Some(coach))
        ));
        assert!(coach_may_apply((None, None), (None, None)));
        assert!(!coach_may_apply((Some(&c), Some(&k)), (Some(cohort), None)));
        assert!(!coach_may_apply(
            (None, Some(&k)),
            (Some(cohort), Some(coach))
        ));
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn diagnostic() -> DiagnosticInput {
        DiagnosticInput {
            held_on: day("2027-01-10"),
            strengths: vec![shared::interlab::StrengthInput {
                strength_id: Uuid::from_u128(1),
                level: 4,
                note: Some(" Cuisinière depuis vingt ans ".into()),
            }],
            needs: vec![shared::interlab::NeedInput {
                domain: NeedDomain::Administration,
                priority: NeedPriority::High,
                goal: Some("Ouvrir mon numéro d'entreprise".into()),
                note: None,
            }],
            summary: None,
        }
    }

    #[test]
    fn a_diagnostic_starts_from_at_least_one_strength() {
        let ok = DiagnosticData::parse(&diagnostic(), day("2027-01-10")).expect("valid");
        assert_eq!(
            ok.strengths[0].2.as_deref(),
            Some("Cuisinière depuis vingt ans")
        );
        let none = DiagnosticInput {
            strengths: vec![],
            ..diagnostic()
        };
        let Err(ApiError::Validation(errors)) = DiagnosticData::parse(&none, day("2027-01-10"))
        else {
            panic!("a diagnostic without strengths");
        };
        assert_eq!(errors, vec![("strengths".to_owned(), Msg::Required)]);
    }

    #[test]
    fn levels_are_one_to_four_and_nothing_is_named_twice_nor_dated_tomorrow() {
        let mut input = diagnostic();
        input.strengths.push(shared::interlab::StrengthInput {
            strength_id: Uuid::from_u128(1),
            level: 5,
            note: None,
        });
        input.needs.push(input.needs[0].clone());
        let Err(ApiError::Validation(errors)) = DiagnosticData::parse(&input, day("2027-01-09"))
        else {
            panic!("accepted");
        };
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "held_on",
                "strengths[1].strength_id",
                "strengths[1].level",
                "needs[1].domain"
            ]
        );
    }

    #[test]
    fn the_comparison_reads_the_first_and_the_latest_strengths_first() {
        use NeedDomain as D;
        use NeedPriority as P;
        let first = Snapshot {
            version: 1,
            strengths: vec![("cook".into(), 3), ("arabic".into(), 4)],
            needs: vec![(D::Language, P::High), (D::Administration, P::High)],
        };
        let middle = Snapshot {
            version: 2,
            ..Snapshot::default()
        };
        let latest = Snapshot {
            version: 3,
            strengths: vec![("network".into(), 2), ("cook".into(), 4)],
            needs: vec![(D::Administration, P::Low), (D::Financing, P::Medium)],
        };
        assert_eq!(compare(std::slice::from_ref(&first)), None);
        let c = compare(&[first, middle, latest]).expect("comparison");
        assert_eq!((c.first_version, c.latest_version), (1, 3));
        assert_eq!(
            c.strengths,
            vec![
                ("network".to_owned(), None, Some(2)),
                ("cook".to_owned(), Some(3), Some(4)),
                ("arabic".to_owned(), Some(4), None),
            ]
        );
        assert_eq!(
            c.needs,
            vec![
                (D::Language, Some(P::High), None),
                (D::Administration, Some(P::High), Some(P::Low)),
                (D::Financing, None, Some(P::Medium)),
            ]
        );
    }
}
