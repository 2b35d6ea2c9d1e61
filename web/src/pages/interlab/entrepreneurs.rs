//! The entrepreneurs: every project InterLab accompanies (coaches: those they accompany), with
//! combinable filters in the address — cohort, stage, sector, coach, overdue milestones — as
//! cards on a phone and a table on a wide screen.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::interlab::{Entrepreneur, EntrepreneurFilter, ProjectStage, TermKind};
use uuid::Uuid;

use super::follow_ups::FollowUpsDue;
use super::{
    coach_choices, manages, sorted_terms, term_label, InterlabTabs, OverdueBadge, StageBadge, Tab,
};
use crate::api::interlab::ENTREPRENEURS_PAGE_SIZE;
use crate::api::use_api;
use crate::components::load::load_error;
use crate::components::{Loading, Pager};
use crate::i18n::common::CommonKey;
use crate::i18n::interlab::{stage_key, IlKey};
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{entrepreneur_path, INTERLAB, INTERLAB_APPLICATIONS};

/// The list's filters, as in the address
/// (`/interlab?cohort=…&stage=launched&sector=…&coach=…&overdue=yes&page=2`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub cohort: Option<Uuid>,
    pub stage: Option<ProjectStage>,
    pub sector: Option<Uuid>,
    pub coach: Option<Uuid>,
    /// `Some(true)`: only those with an overdue milestone; `Some(false)`: only those without.
    pub overdue: Option<bool>,
    pub page: Option<u32>,
}

impl ListFilter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> ListFilter {
        let text = |name: &str| {
            get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let id = |name: &str| text(name).and_then(|v| Uuid::parse_str(&v).ok());
        ListFilter {
            cohort: id("cohort"),
            stage: text("stage").and_then(|v| v.parse().ok()),
            sector: id("sector"),
            coach: id("coach"),
            overdue: match text("overdue").as_deref() {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => None,
            },
            page: text("page").and_then(|v| v.parse().ok()).filter(|p| *p > 1),
        }
    }

    /// The address of the list with this filter.
    pub fn path(&self) -> String {
        let mut parts = Vec::new();
        if let Some(c) = self.cohort {
            parts.push(format!("cohort={c}"));
        }
        if let Some(s) = self.stage {
            parts.push(format!("stage={}", s.as_str()));
        }
        if let Some(s) = self.sector {
            parts.push(format!("sector={s}"));
        }
        if let Some(c) = self.coach {
            parts.push(format!("coach={c}"));
        }
        if let Some(o) = self.overdue {
            parts.push(format!("overdue={}", if o { "yes" } else { "no" }));
        }
        if let Some(p) = self.page.filter(|p| *p > 1) {
            parts.push(format!("page={p}"));
        }
        if parts.is_empty() {
            INTERLAB.to_string()
        } else {
            format!("{INTERLAB}?{}", parts.join("&"))
        }
    }

    /// What the API is asked for.
    pub fn to_api(&self) -> EntrepreneurFilter {
        EntrepreneurFilter {
            cohort: self.cohort,
            stage: self.stage,
            sector: self.sector,
            coach: self.coach,
            overdue: self.overdue,
            page: self.page,
            page_size: Some(ENTREPRENEURS_PAGE_SIZE),
        }
    }

    /// The same filters on another page; a change of filter goes back to the first page.
    pub fn without_page(&self) -> ListFilter {
        ListFilter {
            page: None,
            ..self.clone()
        }
    }
}

#[component]
pub fn EntrepreneursPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(IlKey::ListTitle);
    let api = use_api();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| ListFilter::from_query(|n| q.get(n))));
    let navigate = use_navigate();
    let show = Callback::new(move |f: ListFilter| navigate(&f.path(), NavigateOptions::default()));
    let change = move |edit: &dyn Fn(&mut ListFilter)| {
        let mut f = filter.get_untracked().without_page();
        edit(&mut f);
        show.run(f);
    };

    let cohorts =
        LocalResource::new(move || async move { api.interlab_cohorts().await.unwrap_or_default() });
    let sectors = LocalResource::new(move || async move {
        api.interlab_terms(TermKind::Sector)
            .await
            .unwrap_or_default()
    });
    let coaches = LocalResource::new(move || async move { coach_choices(api).await });
    let list = LocalResource::new(move || {
        let f = filter.get().to_api();
        async move { api.interlab_entrepreneurs(&f).await }
    });

    view! {
        <section class="page" aria-labelledby="page-title">
            <div class="page-head">
                <div>
                    <h1 id="page-title">{move || i18n.t(IlKey::ListTitle)}</h1>
                    <p class="lead">{move || i18n.t(IlKey::ListIntro)}</p>
                </div>
                {manages().then(|| view! {
                    <div class="head-actions">
                        <a class="button" href=INTERLAB_APPLICATIONS>{move || i18n.t(IlKey::TabApplications)}</a>
                    </div>
                })}
            </div>
            <InterlabTabs current=Some(Tab::Entrepreneurs)/>

            <form class="filters card il-filters" role="search" aria-labelledby="il-filters-title"
                on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                <h2 id="il-filters-title" class="visually-hidden">{move || i18n.t(IlKey::ListFilters)}</h2>
                <div class="field">
                    <label for="filter-cohort">{move || i18n.t(IlKey::Cohort)}</label>
                    <select id="filter-cohort" on:change=move |ev| {
                        let v = Uuid::parse_str(&event_target_value(&ev)).ok();
                        change(&|f| f.cohort = v);
                    }>
                        <option value="" selected=move || filter.with(|f| f.cohort.is_none())>{move || i18n.t(IlKey::AllCohorts)}</option>
                        {move || cohorts.get().unwrap_or_default().into_iter().map(|c| {
                            let id = c.id;
                            view! {
                                <option value=id.to_string() selected=move || filter.with(|f| f.cohort == Some(id))>{c.name.clone()}</option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-stage">{move || i18n.t(IlKey::Stage)}</label>
                    <select id="filter-stage" on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<ProjectStage>().ok();
                        change(&|f| f.stage = v);
                    }>
                        <option value="" selected=move || filter.with(|f| f.stage.is_none())>{move || i18n.t(IlKey::AllStages)}</option>
                        {ProjectStage::ALL.iter().map(|&s| view! {
                            <option value=s.as_str() selected=move || filter.with(|f| f.stage == Some(s))>{move || i18n.t(stage_key(s))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-sector">{move || i18n.t(IlKey::Sector)}</label>
                    <select id="filter-sector" on:change=move |ev| {
                        let v = Uuid::parse_str(&event_target_value(&ev)).ok();
                        change(&|f| f.sector = v);
                    }>
                        <option value="" selected=move || filter.with(|f| f.sector.is_none())>{move || i18n.t(IlKey::AllSectors)}</option>
                        {move || {
                            let lang = i18n.lang.get();
                            sorted_terms(sectors.get().unwrap_or_default(), lang).into_iter().map(|t| {
                                let id = t.id;
                                view! {
                                    <option value=id.to_string() selected=move || filter.with(|f| f.sector == Some(id))>{term_label(&t, lang).to_string()}</option>
                                }
                            }).collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-coach">{move || i18n.t(IlKey::Coach)}</label>
                    <select id="filter-coach" on:change=move |ev| {
                        let v = Uuid::parse_str(&event_target_value(&ev)).ok();
                        change(&|f| f.coach = v);
                    }>
                        <option value="" selected=move || filter.with(|f| f.coach.is_none())>{move || i18n.t(IlKey::AllCoaches)}</option>
                        {move || coaches.get().unwrap_or_default().into_iter().map(|(id, name)| view! {
                            <option value=id.to_string() selected=move || filter.with(|f| f.coach == Some(id))>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-overdue">{move || i18n.t(IlKey::OverdueFilter)}</label>
                    <select id="filter-overdue" on:change=move |ev| {
                        let v = match event_target_value(&ev).as_str() {
                            "yes" => Some(true),
                            "no" => Some(false),
                            _ => None,
                        };
                        change(&|f| f.overdue = v);
                    }>
                        <option value="" selected=move || filter.with(|f| f.overdue.is_none())>{move || i18n.t(IlKey::OverdueAny)}</option>
                        <option value="yes" selected=move || filter.with(|f| f.overdue == Some(true))>{move || i18n.t(IlKey::OverdueOnly)}</option>
                        <option value="no" selected=move || filter.with(|f| f.overdue == Some(false))>{move || i18n.t(IlKey::OverdueNone)}</option>
                    </select>
                </div>
                <Show when=move || filter.with(|f| *f != ListFilter::default())>
                    <div class="field filter-clear">
                        <button type="button" class="button link" on:click=move |_| show.run(ListFilter::default())>
                            {move || i18n.t(CommonKey::ClearFilters)}
                        </button>
                    </div>
                </Show>
            </form>

            {move || match list.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => load_error(&err, move || list.refetch()),
                Some(Ok(page)) => {
                    let f = filter.get();
                    let current = f.page.unwrap_or(1);
                    let pages = u32::try_from(page.count.div_ceil(u64::from(ENTREPRENEURS_PAGE_SIZE))).unwrap_or(u32::MAX).max(1);
                    let go = Callback::new(move |p: u32| show.run(ListFilter { page: Some(p), ..f.clone() }));
                    let count = page.count;
                    view! {
                        <p class="count" aria-live="polite">
                            {move || i18n.tf(IlKey::EntrepreneurCount, &[("count", &count.to_string())])}
                        </p>
                        <EntrepreneurList list=page.results/>
                        {(pages > 1).then(|| view! {
                            <Pager page=current pages=pages has_prev=page.previous.is_some() has_next=page.next.is_some() go=go/>
                        })}
                    }.into_any()
                }
            }}
            // Mentors follow their own relations, not the programme's calls.
            {(super::current_role() != Some(shared::auth::Role::Mentor)).then(|| view! { <FollowUpsDue/> })}
        </section>
    }
}

/// The entrepreneurs as cards (phone) and as a table (wide screen); CSS shows one of them.
#[component]
pub fn EntrepreneurList(list: Vec<Entrepreneur>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="empty card">{move || i18n.t(IlKey::NoEntrepreneurs)}</p> }
            .into_any();
    }
    let cards = list
        .iter()
        .cloned()
        .map(|e| view! { <EntrepreneurCard e=e/> })
        .collect_view();
    let rows = list
        .into_iter()
        .map(|e| view! { <EntrepreneurRow e=e/> })
        .collect_view();
    view! {
        <ul class="il-cards">{cards}</ul>
        <div class="table-wrap il-table-wrap">
            <table class="il-table">
                <caption class="visually-hidden">{move || i18n.t(IlKey::ListTableCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(IlKey::Project)}</th>
                        <th scope="col">{move || i18n.t(IlKey::Person)}</th>
                        <th scope="col">{move || i18n.t(IlKey::Stage)}</th>
                        <th scope="col">{move || i18n.t(IlKey::Sector)}</th>
                        <th scope="col">{move || i18n.t(IlKey::Cohort)}</th>
                        <th scope="col">{move || i18n.t(IlKey::Coach)}</th>
                        <th scope="col">{move || i18n.t(IlKey::OverdueFilter)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn EntrepreneurCard(e: Entrepreneur) -> impl IntoView {
    let i18n = use_i18n();
    let overdue = e.overdue_milestones;
    let sector = e.project.sector_label.clone();
    let cohort = e.cohort_name.clone();
    let coach = e.coach_name.clone();
    view! {
        <li class="card il-card">
            <div class="person-main">
                <h3 class="person-name">
                    <a href=entrepreneur_path(e.id)><bdi>{e.project.name.clone()}</bdi></a>
                </h3>
                <StageBadge stage=e.project.stage/>
                {(overdue > 0).then(|| view! { <OverdueBadge count=overdue/> })}
            </div>
            <p><bdi>{e.display_name.clone()}</bdi></p>
            <p class="muted small">
                {move || {
                    [
                        sector.clone().unwrap_or_else(|| i18n.t(IlKey::NoSector).to_string()),
                        cohort.clone().unwrap_or_else(|| i18n.t(IlKey::NoCohort).to_string()),
                        coach.clone().unwrap_or_else(|| i18n.t(IlKey::NoCoach).to_string()),
                    ]
                    .join(" · ")
                }}
            </p>
        </li>
    }
}

#[component]
fn EntrepreneurRow(e: Entrepreneur) -> impl IntoView {
    let i18n = use_i18n();
    let overdue = e.overdue_milestones;
    let sector = e.project.sector_label.clone();
    let cohort = e.cohort_name.clone();
    let coach = e.coach_name.clone();
    view! {
        <tr>
            <th scope="row"><a href=entrepreneur_path(e.id)><bdi>{e.project.name.clone()}</bdi></a></th>
            <td><bdi>{e.display_name.clone()}</bdi></td>
            <td><StageBadge stage=e.project.stage/></td>
            <td>{move || sector.clone().unwrap_or_else(|| i18n.t(IlKey::NoSector).to_string())}</td>
            <td>{move || cohort.clone().unwrap_or_else(|| i18n.t(IlKey::NoCohort).to_string())}</td>
            <td>{move || coach.clone().unwrap_or_else(|| i18n.t(IlKey::NoCoach).to_string())}</td>
            <td>{(overdue > 0).then(|| view! { <OverdueBadge count=overdue/> })}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(path: &str) -> ListFilter {
        let query = path.split_once('?').map(|(_, q)| q).unwrap_or("");
        let map: HashMap<String, String> = query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ListFilter::from_query(|n| map.get(n).cloned())
    }

    #[test]
    fn filters_round_trip_through_the_address() {
        assert_eq!(ListFilter::default().path(), "/interlab");
        let f = ListFilter {
            cohort: Some(Uuid::from_u128(1)),
            stage: Some(ProjectStage::Launched),
            sector: Some(Uuid::from_u128(2)),
            coach: Some(Uuid::from_u128(3)),
            overdue: Some(true),
            page: Some(2),
        };
        assert_eq!(parse(&f.path()), f);
        let none = ListFilter {
            overdue: Some(false),
            ..ListFilter::default()
        };
        assert_eq!(none.path(), "/interlab?overdue=no");
        assert_eq!(
            parse("/interlab?stage=martian&cohort=nope&page=-1"),
            ListFilter::default()
        );
    }

    #[test]
    fn the_api_gets_every_filter_and_a_new_filter_starts_on_page_one() {
        let f = ListFilter {
            stage: Some(ProjectStage::Idea),
            overdue: Some(true),
            page: Some(3),
            ..ListFilter::default()
        };
        let api = f.to_api();
        assert_eq!(api.stage, Some(ProjectStage::Idea));
        assert_eq!(api.overdue, Some(true));
        assert_eq!(api.page_size, Some(ENTREPRENEURS_PAGE_SIZE));
        assert_eq!(f.without_page().page, None);
    }
}
