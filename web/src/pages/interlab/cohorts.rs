//! Cohorts: the list (the latest first) with a form to start one, and each cohort's board — its
//! entrepreneurs in columns by the stage of their project (stacked on a phone).

use leptos::prelude::*;
use shared::interlab::{Cohort, CohortInput, Entrepreneur, EntrepreneurFilter, ProjectStage};
use uuid::Uuid;

use super::entrepreneur::use_id_param;
use super::{
    date_value, format_date, manages, parse_date, today_in_brussels, InterlabTabs, OverdueBadge,
    Tab,
};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::focus_first_error;
use crate::components::form::{use_submit, ErrorAlert, TextField};
use crate::components::load::{load_page, load_state, PageHeadings};
use crate::components::StatusMessage;
use crate::i18n::common::CommonKey;
use crate::i18n::interlab::{stage_key, IlKey};
use crate::locale::{use_i18n, use_page_title, I18n};
use crate::routes::{cohort_path, entrepreneur_path, INTERLAB, INTERLAB_COHORTS};

pub const COHORT_FIELDS: [&str; 3] = ["name", "starts_on", "ends_on"];

/// "From 1 Oct 2026 to 30 Jun 2027", or "Since 1 Oct 2026".
pub fn cohort_dates(i18n: I18n, c: &Cohort) -> String {
    let lang = i18n.lang.get();
    let start = format_date(lang, c.starts_on);
    match c.ends_on {
        Some(end) => i18n.tf(
            IlKey::CohortDates,
            &[("start", &start), ("end", &format_date(lang, end))],
        ),
        None => i18n.tf(IlKey::CohortFrom, &[("start", &start)]),
    }
}

/// The entrepreneurs at one stage, by project name (as the API sorts them).
pub fn at_stage(list: &[Entrepreneur], stage: ProjectStage) -> Vec<Entrepreneur> {
    list.iter()
        .filter(|e| e.project.stage == stage)
        .cloned()
        .collect()
}

/// The address of the entrepreneurs list filtered on a cohort.
pub fn cohort_list_path(id: Uuid) -> String {
    format!("{INTERLAB}?cohort={id}")
}

#[component]
pub fn CohortsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(IlKey::CohortsTitle);
    let api = use_api();
    let status = RwSignal::new(None::<String>);
    let cohorts = LocalResource::new(move || async move { api.interlab_cohorts().await });
    let saved = Callback::new(move |c: Cohort| {
        status.set(Some(i18n.tf(IlKey::CohortSaved, &[("name", &c.name)])));
        cohorts.refetch();
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(IlKey::CohortsTitle)}</h1>
            <p class="lead">{move || i18n.t(IlKey::CohortsIntro)}</p>
            <InterlabTabs current=Some(Tab::Cohorts)/>
            <StatusMessage message=status/>
            {manages().then(|| view! {
                <details class="card new-tag new-cohort">
                    <summary>{move || i18n.t(IlKey::NewCohort)}</summary>
                    <CohortForm initial=None saved=saved/>
                </details>
            })}
            {move || load_state(cohorts.get(), move || cohorts.refetch(), |list| {
                if list.is_empty() {
                    return view! { <p class="empty card">{move || i18n.t(IlKey::NoCohorts)}</p> }.into_any();
                }
                let items = list.into_iter().map(|c| {
                    let size = c.entrepreneurs;
                    let dates = c.clone();
                    view! {
                        <li class="card il-card">
                            <h2 class="person-name"><a href=cohort_path(c.id)>{c.name.clone()}</a></h2>
                            <p class="small muted">{move || cohort_dates(i18n, &dates)}</p>
                            <p class="small">{move || i18n.tf(IlKey::CohortSize, &[("count", &size.to_string())])}</p>
                        </li>
                    }
                }).collect_view();
                view! { <ul class="il-cards il-cards-always">{items}</ul> }.into_any()
            })}
        </section>
    }
}

/// A cohort's name and dates, new or changed.
#[component]
fn CohortForm(initial: Option<Cohort>, saved: Callback<Cohort>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let existing = initial.as_ref().map(|c| c.id);
    let name = RwSignal::new(initial.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let starts_on = RwSignal::new(date_value(Some(
        initial
            .as_ref()
            .map(|c| c.starts_on)
            .unwrap_or_else(today_in_brussels),
    )));
    let ends_on = RwSignal::new(date_value(initial.as_ref().and_then(|c| c.ends_on)));
    let errors = RwSignal::new(FormErrors::default());
    let local = RwSignal::new(Vec::<&'static str>::new());
    let submit = use_submit(
        errors,
        &COHORT_FIELDS,
        move |body: CohortInput| async move {
            match existing {
                Some(id) => api.update_cohort(id, &body).await,
                None => api.create_cohort(&body).await,
            }
        },
        move |c: Cohort| {
            if existing.is_none() {
                name.set(String::new());
            }
            saved.run(c);
        },
    );
    let pending = submit.pending();
    let field = move |n: &'static str| {
        Signal::derive(move || {
            if local.with(|l| l.contains(&n)) {
                Some(i18n.t(CommonKey::CheckValue).to_string())
            } else {
                errors.with(|e| e.field(n))
            }
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let start = parse_date(&starts_on.get_untracked());
        let end_text = ends_on.get_untracked();
        let end = parse_date(&end_text);
        let mut bad = Vec::new();
        if start.is_none() {
            bad.push("starts_on");
        }
        if !end_text.trim().is_empty() && end.is_none() {
            bad.push("ends_on");
        }
        local.set(bad.clone());
        match start {
            Some(start) if bad.is_empty() => submit.dispatch(CohortInput {
                name: name.get_untracked().trim().to_string(),
                starts_on: start,
                ends_on: end,
            }),
            _ => focus_first_error(),
        }
    };
    view! {
        <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
        <form class="form il-form cohort-form" on:submit=on_submit novalidate=true>
            <TextField id="cohort-name" label=IlKey::CohortName value=name required=true error=field("name")/>
            <div class="form-grid">
                <TextField id="starts_on" label=IlKey::StartDate input_type="date" value=starts_on required=true error=field("starts_on")/>
                <TextField id="ends_on" label=IlKey::EndDate input_type="date" value=ends_on error=field("ends_on")/>
            </div>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if existing.is_some() { i18n.t(CommonKey::Save) } else { i18n.t(IlKey::CreateCohort) }}
                </button>
            </div>
        </form>
    }
}

#[component]
pub fn CohortPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(IlKey::Cohort);
    let api = use_api();
    let id = use_id_param();
    let status = RwSignal::new(None::<String>);
    let cohort = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api.interlab_cohort(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page page-wide" aria-labelledby="page-title">
            <p class="back"><a href=INTERLAB_COHORTS>{move || i18n.t(IlKey::BackToCohorts)}</a></p>
            <StatusMessage message=status/>
            {move || load_page(
                cohort.get(),
                move || cohort.refetch(),
                PageHeadings { failed: IlKey::Cohort.into(), not_found: Some(IlKey::CohortNotFound.into()) },
                |c| view! { <CohortBoard c=c status=status reload=Callback::new(move |_| cohort.refetch())/> }.into_any(),
            )}
        </section>
    }
}

#[component]
fn CohortBoard(c: Cohort, status: RwSignal<Option<String>>, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = c.id;
    let entrepreneurs = LocalResource::new(move || {
        let _lang = i18n.lang.get();
        let filter = EntrepreneurFilter {
            cohort: Some(id),
            page_size: Some(shared::page::MAX_PAGE_SIZE),
            ..EntrepreneurFilter::default()
        };
        async move { api.interlab_entrepreneurs(&filter).await }
    });
    let saved = Callback::new(move |c: Cohort| {
        status.set(Some(i18n.tf(IlKey::CohortSaved, &[("name", &c.name)])));
        reload.run(());
    });
    let dates = c.clone();
    let size = c.entrepreneurs;
    view! {
        <div class="page-head">
            <div>
                <h1 id="page-title">{c.name.clone()}</h1>
                <p class="lead">
                    {move || cohort_dates(i18n, &dates)}
                    " · "
                    {move || i18n.tf(IlKey::CohortSize, &[("count", &size.to_string())])}
                </p>
            </div>
            <div class="head-actions">
                <a class="button" href=cohort_list_path(id)>{move || i18n.t(IlKey::SeeList)}</a>
            </div>
        </div>
        <InterlabTabs current=None/>
        {manages().then(|| view! {
            <details class="card new-tag">
                <summary>{move || i18n.t(IlKey::EditCohort)}</summary>
                <CohortForm initial=Some(c.clone()) saved=saved/>
            </details>
        })}
        <h2 class="board-heading">{move || i18n.t(IlKey::BoardTitle)}</h2>
        {move || load_state(entrepreneurs.get(), move || entrepreneurs.refetch(), |page| {
            let columns = ProjectStage::ALL.iter().map(|&s| {
                let list = at_stage(&page.results, s);
                let count = list.len();
                let heading_id = format!("stage-{}", s.as_str());
                let labelled_by = heading_id.clone();
                let body = if list.is_empty() {
                    view! { <p class="muted small">{move || i18n.t(IlKey::EmptyColumn)}</p> }.into_any()
                } else {
                    let cards = list.into_iter().map(|e| {
                        let overdue = e.overdue_milestones;
                        view! {
                            <li class="card duo-card">
                                <h4 class="duo-names"><a href=entrepreneur_path(e.id)><bdi>{e.project.name.clone()}</bdi></a></h4>
                                <p class="small"><bdi>{e.display_name.clone()}</bdi></p>
                                {e.coach_name.clone().map(|n| view! { <p class="small muted"><bdi>{n}</bdi></p> })}
                                {(overdue > 0).then(|| view! { <OverdueBadge count=overdue/> })}
                            </li>
                        }
                    }).collect_view();
                    view! { <ul class="board-list">{cards}</ul> }.into_any()
                };
                view! {
                    <section class="board-column" aria-labelledby=labelled_by>
                        <h3 id=heading_id>
                            {move || i18n.t(stage_key(s))}
                            " "
                            <span class="count-pill">{count}</span>
                        </h3>
                        {body}
                    </section>
                }
            }).collect_view();
            view! { <div class="board il-board">{columns}</div> }.into_any()
        })}
        <super::cohort_activities::CohortActivitiesCard cohort=id/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_board_keeps_each_stage_in_its_column() {
        let e = |name: &str, stage| Entrepreneur {
            id: Uuid::nil(),
            person_id: Uuid::nil(),
            display_name: name.into(),
            project: shared::interlab::Project {
                name: name.into(),
                description: None,
                sector_id: None,
                sector_label: None,
                stage,
                legal_form: shared::interlab::LegalForm::Undecided,
                target_date: None,
            },
            cohort_id: None,
            cohort_name: None,
            coach_id: None,
            coach_name: None,
            membership_status: None,
            application_id: None,
            overdue_milestones: 0,
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
        };
        let list = vec![
            e("A", ProjectStage::Idea),
            e("B", ProjectStage::Launched),
            e("C", ProjectStage::Idea),
        ];
        let ideas: Vec<_> = at_stage(&list, ProjectStage::Idea)
            .into_iter()
            .map(|e| e.display_name)
            .collect();
        assert_eq!(ideas, ["A", "C"]);
        assert!(at_stage(&list, ProjectStage::Growing).is_empty());
        assert_eq!(
            cohort_list_path(Uuid::nil()),
            "/interlab?cohort=00000000-0000-0000-0000-000000000000"
        );
    }
}
