//! The coordinators' board of workshop proposals (`/interact`): a column per step of the
//! pipeline (stacked on a phone), filtered by passion, language and coordinator; coordinators
//! record a proposal for someone they know from here (`/interact/new`).

use leptos::prelude::*;
use shared::auth::Role;
use shared::interact::{Proposal, ProposalFilter, ProposalStatus};
use shared::staff::StaffFilter;

use crate::api::interact::in_status;
use crate::api::use_api;
use crate::components::load::load_error;
use crate::components::Loading;
use crate::i18n::interact::{level_key, status_key, InteractKey};
use crate::locale::{use_i18n, use_page_title};
use crate::pages::interact::propose::codes;
use crate::routes::{proposal_path, NEW_PROPOSAL};

#[component]
pub fn ProposalBoardPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(InteractKey::BoardTitle);
    let api = use_api();
    let writes = api
        .session
        .user()
        .is_some_and(|u| crate::routes::writes_people(u.role));
    let passion = RwSignal::new(String::new());
    let language = RwSignal::new(String::new());
    // "" = everyone's; otherwise a coordinator's id (the signed-in one's for "mine").
    let coordinator = RwSignal::new(String::new());
    let passions = LocalResource::new(move || async move { api.interact_passions().await });
    // The team's directory is for coordinators and admins; a coach, who sees only the
    // proposals of people they accompany, gets no coordinator filter.
    let staff = LocalResource::new(move || async move {
        let filter = StaffFilter {
            page_size: Some(200),
            ..StaffFilter::default()
        };
        api.staff(&filter).await
    });
    let me = api.session.user().map(|u| u.id);
    let list = LocalResource::new(move || {
        let filter = ProposalFilter {
            passion: passion.get().parse().ok(),
            language: codes(&language.get()).into_iter().next(),
            coordinator: coordinator.get().parse().ok(),
            ..ProposalFilter::default()
        };
        async move { api.proposals(&filter).await }
    });
    let passion_options = move || {
        passions.get().and_then(Result::ok).map(|list| {
            list.into_iter()
                .map(|p| {
                    let value = p.id.to_string();
                    view! { <option value=value>{move || p.label(i18n.lang.get()).to_string()}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="page page-wide" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(InteractKey::BoardTitle)}</h1>
            <p class="lead">{move || i18n.t(InteractKey::BoardIntro)}</p>
            {writes.then(|| view! {
                <p class="actions">
                    <a class="button primary" href=NEW_PROPOSAL id="new-proposal">{move || i18n.t(InteractKey::NewProposal)}</a>
                </p>
            })}
            <fieldset class="card filters">
                <legend>{move || i18n.t(InteractKey::Filters)}</legend>
                <div class="form-grid">
                    <div class="field">
                        <label for="filter-passion">{move || i18n.t(InteractKey::Passion)}</label>
                        <select id="filter-passion" on:change=move |ev| passion.set(event_target_value(&ev))>
                            <option value="">{move || i18n.t(InteractKey::All)}</option>
                            {passion_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="filter-language">{move || i18n.t(InteractKey::Language)}</label>
                        <input
                            id="filter-language"
                            type="text"
                            maxlength="3"
                            on:change=move |ev| language.set(event_target_value(&ev))
                        />
                    </div>
                    {move || {
                        staff.get().and_then(Result::ok).map(|page| {
                            let colleagues = page
                                .results
                                .into_iter()
                                .filter(|m| Some(m.id) != me && matches!(m.role, Role::Admin | Role::Coordinator))
                                .map(|m| view! { <option value=m.id.to_string()>{m.display_name}</option> })
                                .collect_view();
                            view! {
                                <div class="field">
                                    <label for="filter-coordinator">{move || i18n.t(InteractKey::Coordinator)}</label>
                                    <select
                                        id="filter-coordinator"
                                        on:change=move |ev| coordinator.set(event_target_value(&ev))
                                    >
                                        <option value="">{move || i18n.t(InteractKey::All)}</option>
                                        {me.map(|id| view! { <option value=id.to_string()>{move || i18n.t(InteractKey::Mine)}</option> })}
                                        {colleagues}
                                    </select>
                                </div>
                            }
                        })
                    }}
                </div>
            </fieldset>
            {move || match list.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => load_error(&err, move || list.refetch()),
                Some(Ok(page)) => {
                    let columns = ProposalStatus::ALL
                        .iter()
                        .map(|&s| view! { <Column status=s proposals=in_status(&page.results, s)/> })
                        .collect_view();
                    view! { <div class="board">{columns}</div> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn Column(status: ProposalStatus, proposals: Vec<Proposal>) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("col-{}", status.as_str());
    let labelled_by = id.clone();
    let count = proposals.len();
    let body = if proposals.is_empty() {
        view! { <p class="muted small">{move || i18n.t(InteractKey::NothingHere)}</p> }.into_any()
    } else {
        let cards = proposals
            .into_iter()
            .map(|p| view! { <Card p=p/> })
            .collect_view();
        view! { <ul class="board-list">{cards}</ul> }.into_any()
    };
    view! {
        <section class=format!("board-column col-{}", status.as_str()) aria-labelledby=labelled_by>
            <h2 id=id>
                {move || i18n.t(status_key(status))}
                " "
                <span class="count-pill">{count}</span>
            </h2>
            {body}
        </section>
    }
}

/// A proposal on the board: its title (a link to it), the host, the coordinator and the next
/// step; the host's level once the workshop is planned.
#[component]
fn Card(p: Proposal) -> impl IntoView {
    let i18n = use_i18n();
    let level = p.autonomy;
    let shows_level = matches!(
        p.status,
        ProposalStatus::Planned | ProposalStatus::Running | ProposalStatus::Paused
    );
    view! {
        <li class="proposal-card card">
            <h3><a href=proposal_path(p.id)><bdi>{p.title.clone()}</bdi></a></h3>
            <p class="small"><bdi>{p.display_name.clone()}</bdi></p>
            {p.coordinator_name.clone().map(|c| view! { <p class="small muted">{move || i18n.t(InteractKey::Coordinator)} " : " <bdi>{c.clone()}</bdi></p> })}
            {p.next_step.clone().map(|n| view! { <p class="small">{move || i18n.t(InteractKey::NextStep)} " : " <bdi>{n.clone()}</bdi></p> })}
            {shows_level.then(|| view! { <p class="small badge">{move || i18n.t(level_key(level))}</p> })}
        </li>
    }
}
