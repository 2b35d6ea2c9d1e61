//! InterLab's pure rules: what a decision does to an application, what a project and a cohort
//! must hold, and what a coach may change. No database, no HTTP.

use chrono::NaiveDate;
use shared::interlab::{
    ApplicationDecision, ApplicationStatus, CohortInput, DecisionInput, EntrepreneurInput,
    LegalForm, ProjectStage,
};
use uuid::Uuid;

use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::{optional_text, required_text};

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
}
