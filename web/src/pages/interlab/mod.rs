//! InterLab, the inclusive incubator: the public application form, the team's review queue, the
//! entrepreneurs (list, page with the strengths-and-needs chart and the path), the diagnostic
//! form (strengths first), the path editor, the cohorts with their board by stage, and the
//! milestone templates and vocabularies.
//!
//! This module holds what the screens share: the section's tabs, badges, progress bars, the
//! labels of vocabulary terms, the coaches one may choose, and date helpers.

pub mod application;
pub mod applications;
pub mod apply;
pub mod cohort_activities;
pub mod cohorts;
pub mod diagnostic_form;
pub mod entrepreneur;
pub mod entrepreneurs;
pub mod follow_ups;
pub mod mentors;
pub mod office_hours;
pub mod path_editor;
pub mod project_form;
pub mod settings;

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::auth::Role;
use shared::interlab::{
    ApplicationStatus, DomainProgress, EntrepreneurFilter, MilestoneStatus, ProjectStage, Term,
};
use shared::Lang;
use uuid::Uuid;

use crate::api::use_api;
use crate::i18n::interlab::{application_status_key, milestone_status_key, stage_key, IlKey};
use crate::locale::use_i18n;
use crate::pages::duo::bar_step;
use crate::routes::{
    edits_templates, manages_interlab, INTERLAB, INTERLAB_APPLICATIONS, INTERLAB_COHORTS,
    INTERLAB_MENTORS, INTERLAB_OFFICE_HOURS, INTERLAB_SETTINGS,
};

pub use crate::pages::duo::{format_date, today_in_brussels};

/// A term's label in `lang`.
pub fn term_label(term: &Term, lang: Lang) -> &str {
    match lang {
        Lang::Fr => &term.label_fr,
        Lang::En => &term.label_en,
        Lang::Nl => &term.label_nl,
        Lang::Ar => &term.label_ar,
    }
}

/// The terms sorted by their label in `lang`.
pub fn sorted_terms(mut terms: Vec<Term>, lang: Lang) -> Vec<Term> {
    terms.sort_by_key(|t| crate::pages::people::tags::fold(term_label(t, lang)));
    terms
}

/// A date typed in a date input (`YYYY-MM-DD`); `None` when empty or not a date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// A date as a date input wants it.
pub fn date_value(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Text typed in a box: `None` when blank.
pub use crate::pages::people::person_form::opt_text;

/// The tabs of the InterLab section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Entrepreneurs,
    Applications,
    Cohorts,
    Mentors,
    OfficeHours,
    Settings,
}

impl Tab {
    fn path(self) -> &'static str {
        match self {
            Tab::Entrepreneurs => INTERLAB,
            Tab::Applications => INTERLAB_APPLICATIONS,
            Tab::Cohorts => INTERLAB_COHORTS,
            Tab::Mentors => INTERLAB_MENTORS,
            Tab::OfficeHours => INTERLAB_OFFICE_HOURS,
            Tab::Settings => INTERLAB_SETTINGS,
        }
    }

    fn label(self) -> crate::i18n::Text {
        match self {
            Tab::Entrepreneurs => IlKey::TabEntrepreneurs.into(),
            Tab::Applications => IlKey::TabApplications.into(),
            Tab::Cohorts => IlKey::TabCohorts.into(),
            Tab::Mentors => crate::i18n::interlab_mentoring::IlmKey::TabMentors.into(),
            Tab::OfficeHours => crate::i18n::interlab_office::IloKey::TabOfficeHours.into(),
            Tab::Settings => IlKey::TabSettings.into(),
        }
    }
}

/// The tabs a role sees: coaches follow their entrepreneurs and cohorts; the queue and the
/// vocabularies are the coordinators' (administrators edit the templates).
pub fn tabs_for(role: Role) -> Vec<Tab> {
    let mut tabs = vec![Tab::Entrepreneurs];
    if manages_interlab(role) {
        tabs.push(Tab::Applications);
    }
    tabs.push(Tab::Cohorts);
    // A mentor's account does not read the directory.
    if role != Role::Mentor {
        tabs.push(Tab::Mentors);
    }
    // Everyone books or offers office hours (a mentor's account: its own slots).
    tabs.push(Tab::OfficeHours);
    if manages_interlab(role) || edits_templates(role) {
        tabs.push(Tab::Settings);
    }
    tabs
}

/// The role of whoever is signed in (pages of the section are behind the sign-in).
pub fn current_role() -> Option<Role> {
    use_api().session.user().map(|u| u.role)
}

/// Whether whoever is signed in manages InterLab (coordinators and administrators).
pub fn manages() -> bool {
    current_role().is_some_and(manages_interlab)
}

/// The section's own navigation, under the page heading.
#[component]
pub fn InterlabTabs(current: Option<Tab>) -> impl IntoView {
    let i18n = use_i18n();
    let tabs = current_role().map(tabs_for).unwrap_or_default();
    let items = tabs
        .into_iter()
        .map(|tab| {
            let here = current == Some(tab);
            view! {
                <li>
                    <a href=tab.path() aria-current=here.then_some("page")>
                        {move || i18n.t(tab.label())}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="duo-tabs" aria-label=move || i18n.t(IlKey::SectionNav)>
            <ul>{items}</ul>
        </nav>
    }
}

#[component]
pub fn StageBadge(stage: ProjectStage) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("badge stage-{}", stage.as_str())>
            {move || i18n.t(stage_key(stage))}
        </span>
    }
}

#[component]
pub fn ApplicationBadge(status: ApplicationStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("badge app-{}", status.as_str())>
            {move || i18n.t(application_status_key(status))}
        </span>
    }
}

#[component]
pub fn MilestoneBadge(status: MilestoneStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("badge ms-{}", status.as_str())>
            {move || i18n.t(milestone_status_key(status))}
        </span>
    }
}

/// "2 overdue" (or "Overdue" for one milestone), with a mark that does not rely on colour.
#[component]
pub fn OverdueBadge(#[prop(optional)] count: Option<u64>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="badge badge-overdue">
            <span aria-hidden="true">"⚠ "</span>
            {move || match count {
                Some(n) => i18n.tf(IlKey::OverdueCount, &[("count", &n.to_string())]),
                None => i18n.t(IlKey::Overdue).to_string(),
            }}
        </span>
    }
}

/// A progress bar with its words ("3 of 5 milestones done (60 %)"); the bar is decoration.
#[component]
pub fn ProgressLine(p: DomainProgress, #[prop(into)] label: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let (done, total, percent) = (p.done, p.total, p.percent.min(100));
    view! {
        <div class="progress-line">
            <span class="progress-label">{move || label.get()}</span>
            <span class="score-bar" aria-hidden="true">
                <span class=format!("score-bar-fill w{}", bar_step(percent))></span>
            </span>
            <span class="progress-text">
                {move || i18n.tf(IlKey::ProgressText, &[
                    ("done", &done.to_string()),
                    ("total", &total.to_string()),
                    ("percent", &percent.to_string()),
                ])}
            </span>
        </div>
    }
}

/// Staff who may coach, with their names: for those who assign coaches (coordinators and
/// administrators) the API's coach picker; for others the coaches of the entrepreneurs they
/// see, and themselves.
pub async fn coach_choices(api: crate::api::Api) -> Vec<(Uuid, String)> {
    let me = api.session.user();
    let mut out: Vec<(Uuid, String)> = Vec::new();
    if me.as_ref().is_some_and(|u| manages_interlab(u.role)) {
        if let Ok(list) = api.interlab_coaches().await {
            out.extend(list.into_iter().map(|c| (c.id, c.display_name)));
        }
    } else {
        let filter = EntrepreneurFilter {
            page_size: Some(shared::page::MAX_PAGE_SIZE),
            ..EntrepreneurFilter::default()
        };
        if let Ok(page) = api.interlab_entrepreneurs(&filter).await {
            out.extend(
                page.results
                    .into_iter()
                    .filter_map(|e| e.coach_id.zip(e.coach_name)),
            );
        }
        if let Some(u) = me {
            out.push((u.id, u.display_name));
        }
    }
    dedup_people(out)
}

/// Sorted by name, each id once.
pub fn dedup_people(mut list: Vec<(Uuid, String)>) -> Vec<(Uuid, String)> {
    list.sort_by(|a, b| {
        a.1.to_lowercase()
            .cmp(&b.1.to_lowercase())
            .then(a.0.cmp(&b.0))
    });
    let mut seen = std::collections::HashSet::new();
    list.retain(|(id, _)| seen.insert(*id));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coaches_see_their_entrepreneurs_and_cohorts_only() {
        assert_eq!(
            tabs_for(Role::Coach),
            [
                Tab::Entrepreneurs,
                Tab::Cohorts,
                Tab::Mentors,
                Tab::OfficeHours
            ]
        );
        assert_eq!(
            tabs_for(Role::Coordinator),
            [
                Tab::Entrepreneurs,
                Tab::Applications,
                Tab::Cohorts,
                Tab::Mentors,
                Tab::OfficeHours,
                Tab::Settings
            ]
        );
        assert_eq!(tabs_for(Role::Admin).len(), 6);
    }

    #[test]
    fn dates_round_trip_through_date_inputs() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 1);
        assert_eq!(date_value(d), "2027-03-01");
        assert_eq!(parse_date(" 2027-03-01 "), d);
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("01/03/2027"), None);
        assert_eq!(date_value(None), "");
    }

    #[test]
    fn coach_choices_are_sorted_and_unique() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let list = dedup_people(vec![
            (b, "Zoé".into()),
            (a, "amir".into()),
            (b, "Zoé".into()),
        ]);
        assert_eq!(list, vec![(a, "amir".to_string()), (b, "Zoé".to_string())]);
    }

    #[test]
    fn terms_show_in_the_reader_language() {
        let t = Term {
            id: Uuid::nil(),
            kind: shared::interlab::TermKind::Sector,
            slug: "food".into(),
            label_fr: "Alimentation".into(),
            label_en: "Food".into(),
            label_nl: "Voeding".into(),
            label_ar: "التغذية".into(),
        };
        assert_eq!(term_label(&t, Lang::Nl), "Voeding");
        assert_eq!(term_label(&t, Lang::Ar), "التغذية");
    }
}
