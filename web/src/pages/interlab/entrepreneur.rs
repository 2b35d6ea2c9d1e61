//! An entrepreneur's page: the project and who accompanies it, strengths and needs with the
//! chart comparing the first and the latest diagnostic, the path as a timeline with its
//! progress per domain and overall (overdue milestones marked), the diagnostics recorded, the
//! accompaniment meetings (`meetings.rs`), the mentors (`mentors.rs`) and the outcomes of the
//! path (`outcomes.rs`).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::interlab::{Diagnostics, Entrepreneur};
use uuid::Uuid;

use super::{format_date, InterlabTabs, OverdueBadge, StageBadge};
use crate::api::{use_api, ApiError};
use crate::components::load::{load_page, load_state, PageHeadings};
use crate::i18n::interlab::{domain_key, legal_form_key, priority_key, stage_key, IlKey};
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{
    cohort_path, diagnostic_new_path, entrepreneur_edit_path, path_editor_path, person_path,
    INTERLAB,
};

mod chart;
mod meetings;
mod mentors;
mod outcomes;
mod path;

pub use chart::*;
pub use meetings::MeetingsSection;
pub use mentors::{is_full, MentorsSection};
pub use outcomes::OutcomesSection;
pub use path::*;

/// The `id` of the address, as a memo.
pub fn use_id_param() -> Memo<Option<Uuid>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())))
}

/// The entrepreneur of the address (reloaded when the language changes: the sector's label is
/// in the reader's language).
pub fn use_entrepreneur(id: Memo<Option<Uuid>>) -> LocalResource<Result<Entrepreneur, ApiError>> {
    let api = use_api();
    let i18n = use_i18n();
    LocalResource::new(move || {
        let (id, _lang) = (id.get(), i18n.lang.get());
        async move {
            match id {
                Some(id) => api.interlab_entrepreneur(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    })
}

#[component]
pub fn EntrepreneurPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(IlKey::EntrepreneurTitle);
    let id = use_id_param();
    let entrepreneur = use_entrepreneur(id);
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="back"><a href=INTERLAB>{move || i18n.t(IlKey::BackToList)}</a></p>
            {move || load_page(
                entrepreneur.get(),
                move || entrepreneur.refetch(),
                PageHeadings { failed: IlKey::EntrepreneurTitle.into(), not_found: Some(IlKey::EntrepreneurNotFound.into()) },
                |e| view! { <EntrepreneurView e=e/> }.into_any(),
            )}
        </section>
    }
}

#[component]
fn EntrepreneurView(e: Entrepreneur) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = e.id;
    let overdue = e.overdue_milestones;
    let diagnostics = LocalResource::new(move || {
        let _lang = i18n.lang.get();
        async move { api.interlab_diagnostics(id).await }
    });
    let path = LocalResource::new(move || async move { api.interlab_path(id).await });
    let for_meetings = e.clone();
    let path_changed = Callback::new(move |()| path.refetch());
    view! {
        <div class="page-head">
            <div>
                <h1 id="page-title"><bdi>{e.project.name.clone()}</bdi></h1>
                <p class="lead il-lead">
                    <a href=person_path(e.person_id)><bdi>{e.display_name.clone()}</bdi></a>
                    " "
                    <StageBadge stage=e.project.stage/>
                    {(overdue > 0).then(|| view! { " " <OverdueBadge count=overdue/> })}
                </p>
            </div>
            <div class="head-actions">
                <a class="button" href=entrepreneur_edit_path(id)>{move || i18n.t(IlKey::EditProjectTitle)}</a>
                <a class="button" href=diagnostic_new_path(id)>{move || i18n.t(IlKey::NewDiagnostic)}</a>
                <a class="button primary" href=path_editor_path(id)>{move || i18n.t(IlKey::EditPath)}</a>
            </div>
        </div>
        <InterlabTabs current=None/>
        <div class="il-grid">
            <ProjectCard e=e/>
            <section class="card il-wide" aria-labelledby="strengths-title">
                <h2 id="strengths-title">{move || i18n.t(IlKey::StrengthsNeedsTitle)}</h2>
                {move || load_state(diagnostics.get(), move || diagnostics.refetch(), |d| {
                    view! { <DiagnosticsView d=d id=id/> }.into_any()
                })}
            </section>
            <section class="card il-wide" aria-labelledby="path-title">
                <div class="section-head">
                    <h2 id="path-title">{move || i18n.t(IlKey::PathTitle)}</h2>
                    <a href=path_editor_path(id)>{move || i18n.t(IlKey::EditPath)}</a>
                </div>
                {move || load_state(path.get(), move || path.refetch(), |p| {
                    let milestones = p.milestones.clone();
                    view! {
                        <PathProgress path=p/>
                        <h3 class="small-heading">{move || i18n.t(IlKey::Timeline)}</h3>
                        <Timeline milestones=milestones/>
                    }.into_any()
                })}
            </section>
            <MeetingsSection e=for_meetings path_changed=path_changed/>
            // A mentor's account does not read the directory.
            {(super::current_role() != Some(shared::auth::Role::Mentor)).then(|| view! { <MentorsSection id=id/> })}
            <OutcomesSection id=id/>
        </div>
    }
}

#[component]
fn ProjectCard(e: Entrepreneur) -> impl IntoView {
    let i18n = use_i18n();
    let p = e.project.clone();
    let (stage, form, target) = (p.stage, p.legal_form, p.target_date);
    let sector = p.sector_label.clone();
    let coach = e.coach_name.clone();
    view! {
        <section class="card" aria-labelledby="project-title">
            <h2 id="project-title">{move || i18n.t(IlKey::ProjectCard)}</h2>
            <dl class="facts il-facts">
                <div><dt>{move || i18n.t(IlKey::Person)}</dt><dd><a href=person_path(e.person_id)><bdi>{e.display_name.clone()}</bdi></a></dd></div>
                <div><dt>{move || i18n.t(IlKey::Sector)}</dt><dd>{move || sector.clone().unwrap_or_else(|| i18n.t(IlKey::NoSector).to_string())}</dd></div>
                <div><dt>{move || i18n.t(IlKey::Stage)}</dt><dd>{move || i18n.t(stage_key(stage))}</dd></div>
                <div><dt>{move || i18n.t(IlKey::LegalForm)}</dt><dd>{move || i18n.t(legal_form_key(form))}</dd></div>
                {target.map(|d| view! {
                    <div><dt>{move || i18n.t(IlKey::TargetDate)}</dt><dd>{move || format_date(i18n.lang.get(), d)}</dd></div>
                })}
                <div>
                    <dt>{move || i18n.t(IlKey::Cohort)}</dt>
                    <dd>{match (e.cohort_id, e.cohort_name.clone()) {
                        (Some(c), Some(name)) => view! { <a href=cohort_path(c)>{name}</a> }.into_any(),
                        _ => view! { <span>{move || i18n.t(IlKey::NoCohort)}</span> }.into_any(),
                    }}</dd>
                </div>
                <div><dt>{move || i18n.t(IlKey::Coach)}</dt><dd>{move || coach.clone().unwrap_or_else(|| i18n.t(IlKey::NoCoach).to_string())}</dd></div>
            </dl>
            {p.description.clone().map(|d| view! {
                <h3 class="small-heading">{move || i18n.t(IlKey::Description)}</h3>
                <p class="prewrap">{d}</p>
            })}
        </section>
    }
}

/// The charts, the person's goals and the diagnostics recorded.
#[component]
fn DiagnosticsView(d: Diagnostics, id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    if d.diagnostics.is_empty() {
        return view! {
            <p>{move || i18n.t(IlKey::NoDiagnostic)}</p>
            <p><a class="button primary" href=diagnostic_new_path(id)>{move || i18n.t(IlKey::NewDiagnostic)}</a></p>
        }
        .into_any();
    }
    let goals: Vec<_> = d
        .diagnostics
        .last()
        .map(|latest| {
            latest
                .needs
                .iter()
                .filter_map(|n| n.goal.clone().map(|g| (n.domain, n.priority, g)))
                .collect()
        })
        .unwrap_or_default();
    let history = d
        .diagnostics
        .iter()
        .rev()
        .map(|x| {
            let (version, held_on) = (x.version, x.held_on);
            let by = x.recorded_by_name.clone();
            let summary = x.summary.clone();
            view! {
                <li>
                    <span>{move || i18n.tf(IlKey::DiagnosticLine, &[
                        ("version", &version.to_string()),
                        ("date", &format_date(i18n.lang.get(), held_on)),
                    ])}</span>
                    {by.map(|n| view! { " " <span class="muted">{move || i18n.tf(IlKey::RecordedBy, &[("name", &n)])}</span> })}
                    {summary.map(|s| view! { <p class="small prewrap">{s}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <StrengthsAndNeeds d=d/>
        {(!goals.is_empty()).then(|| view! {
            <h3 class="small-heading">{move || i18n.t(IlKey::TheirGoals)}</h3>
            <ul class="plain goals">
                {goals.into_iter().map(|(domain, priority, goal)| view! {
                    <li>
                        <strong>{move || i18n.t(domain_key(domain))}</strong>
                        " "
                        <span class=format!("badge prio-{}", priority.as_str())>{move || i18n.tf(IlKey::PriorityOf, &[("name", i18n.t(priority_key(priority)))])}</span>
                        <p class="prewrap">{goal}</p>
                    </li>
                }).collect_view()}
            </ul>
        })}
        <details class="diagnostics-history">
            <summary>{move || i18n.t(IlKey::DiagnosticsHistory)}</summary>
            <ul class="plain">{history}</ul>
        </details>
    }
    .into_any()
}
