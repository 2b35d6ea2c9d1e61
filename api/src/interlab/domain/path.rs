//! The path's pure rules: overdue milestones, progress per domain, due dates from templates,
//! completion dates, and what a milestone and a template must hold.

use chrono::NaiveDate;
use shared::interlab::{
    MilestoneInput, MilestoneOwner, MilestoneStatus, NeedDomain, TemplateInput,
};
use uuid::Uuid;

use super::DESCRIPTION_MAX;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::{optional_text, required_text};

pub const TITLE_MAX: usize = 200;
pub const EVIDENCE_MAX: usize = 2000;
pub const RESOURCES_MAX: usize = 1000;

/// Due before `today` and neither done nor dropped.
pub fn is_overdue(due_on: Option<NaiveDate>, status: MilestoneStatus, today: NaiveDate) -> bool {
    matches!(status, MilestoneStatus::Todo | MilestoneStatus::InProgress)
        && due_on.is_some_and(|d| d < today)
}

/// Done over counted milestones (dropped ones do not count), in whole percent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
}

impl Progress {
    pub fn percent(self) -> u32 {
        (self.done * 100).checked_div(self.total).unwrap_or(0)
    }

    fn add(&mut self, status: MilestoneStatus) {
        match status {
            MilestoneStatus::Dropped => {}
            MilestoneStatus::Done => {
                self.done += 1;
                self.total += 1;
            }
            MilestoneStatus::Todo | MilestoneStatus::InProgress => self.total += 1,
        }
    }
}

/// Progress per need domain (in the domains' order, milestones serving no need last) and
/// overall.
pub fn progress(
    milestones: &[(Option<NeedDomain>, MilestoneStatus)],
) -> (Vec<(Option<NeedDomain>, Progress)>, Progress) {
    let mut overall = Progress::default();
    let mut by: std::collections::BTreeMap<(bool, Option<NeedDomain>), Progress> =
        Default::default();
    for (domain, status) in milestones {
        overall.add(*status);
        by.entry((domain.is_none(), *domain))
            .or_default()
            .add(*status);
    }
    (by.into_iter().map(|((_, d), p)| (d, p)).collect(), overall)
}

/// Due dates of templates taken one after the other from `starts_on`.
pub fn schedule(starts_on: NaiveDate, typical_days: &[i32]) -> Vec<NaiveDate> {
    let mut day = starts_on;
    typical_days
        .iter()
        .map(|d| {
            day += chrono::Duration::days(i64::from(*d));
            day
        })
        .collect()
}

/// The day a milestone was completed: set when it becomes done, kept while it stays done,
/// cleared when it is reopened or dropped.
pub fn completed_on(
    before: Option<(MilestoneStatus, Option<NaiveDate>)>,
    status: MilestoneStatus,
    today: NaiveDate,
) -> Option<NaiveDate> {
    match (before, status) {
        (Some((MilestoneStatus::Done, Some(day))), MilestoneStatus::Done) => Some(day),
        (_, MilestoneStatus::Done) => Some(today),
        _ => None,
    }
}

/// A milestone, checked field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneData {
    pub title: String,
    pub description: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub owner: MilestoneOwner,
    pub status: MilestoneStatus,
    pub evidence: Option<String>,
    pub need_id: Option<Uuid>,
}

impl MilestoneData {
    pub fn parse(input: &MilestoneInput) -> Result<Self, ApiError> {
        let mut v = Validator::new();
        let title = v.check("title", required_text(&input.title, TITLE_MAX));
        let description = v.check(
            "description",
            optional_text(input.description.as_deref(), DESCRIPTION_MAX),
        );
        let evidence = v.check(
            "evidence",
            optional_text(input.evidence.as_deref(), EVIDENCE_MAX),
        );
        v.finish()?;
        Ok(MilestoneData {
            title: title.unwrap_or_default(),
            description: description.flatten(),
            due_on: input.due_on,
            owner: input.owner,
            status: input.status.unwrap_or(MilestoneStatus::Todo),
            evidence: evidence.flatten(),
            need_id: input.need_id,
        })
    }
}

/// A template, checked field by field.
pub fn check_template(input: &TemplateInput) -> Result<TemplateInput, ApiError> {
    let mut v = Validator::new();
    let title = v.check("title", required_text(&input.title, TITLE_MAX));
    let description = v.check(
        "description",
        optional_text(input.description.as_deref(), DESCRIPTION_MAX),
    );
    let resources = v.check(
        "resources",
        optional_text(input.resources.as_deref(), RESOURCES_MAX),
    );
    if !(1..=365).contains(&input.typical_days) {
        v.add("typical_days", Msg::Between(1, 365));
    }
    if !(0..=1000).contains(&input.position) {
        v.add("position", Msg::Between(0, 1000));
    }
    v.finish()?;
    Ok(TemplateInput {
        domain: input.domain,
        position: input.position,
        title: title.unwrap_or_default(),
        description: description.flatten(),
        typical_days: input.typical_days,
        resources: resources.flatten(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn overdue_means_past_due_and_still_open() {
        let today = day("2027-03-10");
        let past = Some(day("2027-03-09"));
        assert!(is_overdue(past, MilestoneStatus::Todo, today));
        assert!(is_overdue(past, MilestoneStatus::InProgress, today));
        assert!(!is_overdue(past, MilestoneStatus::Done, today));
        assert!(!is_overdue(past, MilestoneStatus::Dropped, today));
        assert!(!is_overdue(Some(today), MilestoneStatus::Todo, today));
        assert!(!is_overdue(None, MilestoneStatus::Todo, today));
    }

    #[test]
    fn progress_counts_done_over_what_is_not_dropped() {
        use MilestoneStatus as S;
        use NeedDomain as D;
        let (by, overall) = progress(&[
            (None, S::Done),
            (Some(D::Financing), S::Todo),
            (Some(D::Administration), S::Done),
            (Some(D::Administration), S::InProgress),
            (Some(D::Administration), S::Dropped),
            (Some(D::Administration), S::Done),
        ]);
        let by: Vec<(Option<NeedDomain>, u32, u32, u32)> = by
            .into_iter()
            .map(|(d, p)| (d, p.done, p.total, p.percent()))
            .collect();
        assert_eq!(
            by,
            [
                (Some(D::Administration), 2, 3, 66),
                (Some(D::Financing), 0, 1, 0),
                (None, 1, 1, 100),
            ]
        );
        assert_eq!((overall.done, overall.total, overall.percent()), (3, 5, 60));
        assert_eq!(progress(&[]).1.percent(), 0);
        assert_eq!(progress(&[(None, S::Dropped)]).1.percent(), 0);
    }

    #[test]
    fn templates_follow_one_another_and_completion_is_dated_once() {
        assert_eq!(
            schedule(day("2027-01-01"), &[14, 21, 14]),
            [day("2027-01-15"), day("2027-02-05"), day("2027-02-19")]
        );
        use MilestoneStatus as S;
        let (today, earlier) = (day("2027-03-10"), day("2027-03-01"));
        assert_eq!(completed_on(None, S::Done, today), Some(today));
        assert_eq!(
            completed_on(Some((S::Done, Some(earlier))), S::Done, today),
            Some(earlier)
        );
        assert_eq!(
            completed_on(Some((S::Done, Some(earlier))), S::Todo, today),
            None
        );
        assert_eq!(
            completed_on(Some((S::InProgress, None)), S::Dropped, today),
            None
        );
    }

    #[test]
    fn a_template_lasts_one_day_to_a_year() {
        let t = TemplateInput {
            domain: NeedDomain::Legal,
            position: 0,
            title: " Vérifier l'accès à la profession ".into(),
            description: None,
            typical_days: 0,
            resources: None,
        };
        assert!(check_template(&t).is_err());
        let ok = check_template(&TemplateInput {
            typical_days: 30,
            ..t
        })
        .expect("valid");
        assert_eq!(ok.title, "Vérifier l'accès à la profession");
    }
}
