//! A workshop proposal (`/interact/proposals/:id`): what the host proposes, the steps of the
//! pipeline, dated notes, and "create the series" once it is planned.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::activities::Recurrence;
use shared::interact::{NoteInput, ProposalDetail, ProposalStatus, StatusChange, WorkshopInput};
use uuid::Uuid;

use crate::api::{use_api, ApiError};
use crate::components::load::{load_page, PageHeadings};
use crate::components::StatusMessage;
use crate::i18n::interact::{level_key, status_key, InteractKey};
use crate::locale::{use_i18n, use_page_title};
use crate::pages::interact::arrange::Arrangement;
use crate::pages::people::person::AvailabilityTable;
use crate::routes::{activity_path, host_path, INTERACT};

/// The steps a proposal may take next (the API's pipeline; `running` once a workshop exists).
pub fn next_steps(status: ProposalStatus, has_workshop: bool) -> Vec<ProposalStatus> {
    use ProposalStatus::*;
    let all: &[ProposalStatus] = match status {
        New => &[Talked, Ended],
        Talked => &[Planned, Ended],
        Planned => &[Running, Talked, Ended],
        Running => &[Paused, Ended],
        Paused => &[Running, Ended],
        Ended => &[],
    };
    all.iter()
        .copied()
        .filter(|s| *s != Running || has_workshop)
        .collect()
}

#[component]
pub fn ProposalPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(InteractKey::ProposalTitle);
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let status = RwSignal::new(None::<String>);
    let detail = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api.proposal(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="back"><a href=INTERACT>{move || i18n.t(InteractKey::BackToBoard)}</a></p>
            <StatusMessage message=status/>
            {move || load_page(
                detail.get(),
                move || detail.refetch(),
                PageHeadings { failed: InteractKey::ProposalTitle.into(), not_found: None },
                |d| view! { <ProposalView d=d status=status reload=Callback::new(move |_| detail.refetch())/> }.into_any(),
            )}
        </section>
    }
}

#[component]
fn ProposalView(
    d: ProposalDetail,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let writes = api
        .session
        .user()
        .is_some_and(|u| crate::routes::writes_people(u.role));
    let p = d.proposal.clone();
    let arrangement = p.clone();
    let id = p.id;
    let state = p.status;
    let level = p.autonomy;
    let steps = next_steps(state, !p.workshops.is_empty());
    let error = RwSignal::new(None::<String>);
    let move_to = move |to: ProposalStatus| {
        leptos::task::spawn_local(async move {
            match api
                .proposal_status(
                    id,
                    &StatusChange {
                        status: to,
                        note: None,
                    },
                )
                .await
            {
                Ok(_) => {
                    status.set(Some(i18n.t(InteractKey::Saved).to_string()));
                    reload.run(());
                }
                Err(err) => error.set(Some(err.message(i18n.lang.get_untracked()))),
            }
        });
    };
    let buttons = steps
        .into_iter()
        .map(|to| {
            view! {
                <button type="button" class="button" id=format!("move-{}", to.as_str()) on:click=move |_| move_to(to)>
                    {move || i18n.tf(InteractKey::MoveTo, &[("status", i18n.t(status_key(to)))])}
                </button>
            }
        })
        .collect_view();
    let note = RwSignal::new(String::new());
    let add_note = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = NoteInput {
            body: note.get_untracked(),
            noted_on: None,
        };
        leptos::task::spawn_local(async move {
            match api.add_proposal_note(id, &body).await {
                Ok(_) => {
                    note.set(String::new());
                    reload.run(());
                }
                Err(err) => error.set(Some(err.message(i18n.lang.get_untracked()))),
            }
        });
    };
    let today = crate::pages::public::today_in_brussels();
    let start = RwSignal::new(format!("{}T18:00", today + chrono::Duration::days(14)));
    let end = RwSignal::new(format!("{}T20:00", today + chrono::Duration::days(14)));
    let until = RwSignal::new((today + chrono::Duration::days(70)).to_string());
    let public_name = RwSignal::new(String::new());
    let create_series = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(until) = until.get_untracked().parse() else {
            error.set(Some(i18n.t(InteractKey::Until).to_string()));
            return;
        };
        let body = WorkshopInput {
            starts_at: start.get_untracked(),
            ends_at: end.get_untracked(),
            recurrence: Recurrence::Weekly {
                every_weeks: 1,
                until,
            },
            venue_id: None,
            capacity: None,
            public_name: crate::pages::people::person_form::opt_text(&public_name.get_untracked()),
        };
        leptos::task::spawn_local(async move {
            match api.proposal_series(id, &body).await {
                Ok(created) => {
                    let n = created.sessions.len().to_string();
                    status.set(Some(i18n.tf(InteractKey::SeriesCreated, &[("count", &n)])));
                    reload.run(());
                }
                Err(err) => error.set(Some(err.message(i18n.lang.get_untracked()))),
            }
        });
    };
    let can_create = writes
        && matches!(
            state,
            ProposalStatus::Planned | ProposalStatus::Running | ProposalStatus::Paused
        );
    let workshops = p
        .workshops
        .iter()
        .map(|w| {
            let n = w.sessions.to_string();
            let first = w.activity_id;
            view! {
                <li>
                    {move || i18n.tf(InteractKey::Sessions, &[("count", &n)])}
                    {first.map(|a| view! { " · " <a href=activity_path(a)>{move || i18n.t(InteractKey::OpenFirst)}</a> })}
                </li>
            }
        })
        .collect_view();
    let notes = d
        .notes
        .iter()
        .map(|n| {
            let day = n.noted_on.to_string();
            view! { <li><span class="muted small">{day}</span> " " <bdi>{n.body.clone()}</bdi></li> }
        })
        .collect_view();
    view! {
        <h1 id="page-title"><bdi>{p.title.clone()}</bdi></h1>
        <p class="lead">
            <span class="badge" id="proposal-status">{move || i18n.t(status_key(state))}</span>
            " · "
            <span id="proposal-level">{move || i18n.t(level_key(level))}</span>
        </p>
        <div class="alert-slot" role="alert">
            {move || error.get().map(|m| view! { <p class="alert alert-error">{m}</p> })}
        </div>
        <section class="card" aria-labelledby="about-title">
            <h2 id="about-title">{move || i18n.t(InteractKey::WorkshopLegend)}</h2>
            <p><bdi>{p.description.clone()}</bdi></p>
            <dl class="facts">
                <dt>{move || i18n.t(InteractKey::Host)}</dt>
                <dd><a href=host_path(p.person_id)><bdi>{p.display_name.clone()}</bdi></a></dd>
                {p.cohost_name.clone().map(|c| view! { <dt>{move || i18n.t(InteractKey::Cohost)}</dt><dd><bdi>{c.clone()}</bdi></dd> })}
                {p.coordinator_name.clone().map(|c| view! { <dt>{move || i18n.t(InteractKey::Coordinator)}</dt><dd><bdi>{c.clone()}</bdi></dd> })}
                <dt>{move || i18n.t(InteractKey::Languages)}</dt>
                <dd>{p.languages.join(", ")}</dd>
                {p.needs.clone().map(|c| view! { <dt>{move || i18n.t(InteractKey::Needs)}</dt><dd><bdi>{c.clone()}</bdi></dd> })}
                {p.availability_note.clone().map(|c| view! { <dt>{move || i18n.t(InteractKey::AvailabilityNote)}</dt><dd><bdi>{c.clone()}</bdi></dd> })}
                {p.next_step.clone().map(|c| view! { <dt>{move || i18n.t(InteractKey::NextStep)}</dt><dd><bdi>{c.clone()}</bdi></dd> })}
            </dl>
            <h3 id="availability-title">{move || i18n.t(InteractKey::Availability)}</h3>
            <div class="table-scroll" id="proposal-availability" tabindex="0" role="region" aria-labelledby="availability-title">
                <AvailabilityTable slots=p.availability.clone()/>
            </div>
        </section>
        {writes.then(|| view! { <Arrangement p=arrangement.clone() reload=reload/> })}
        {writes.then(|| view! {
            <section class="card" aria-labelledby="steps-title">
                <h2 id="steps-title">{move || i18n.t(InteractKey::Pipeline)}</h2>
                <div class="actions">{buttons}</div>
            </section>
        })}
        <section class="card" aria-labelledby="workshops-title">
            <h2 id="workshops-title">{move || i18n.t(InteractKey::Workshops)}</h2>
            {if p.workshops.is_empty() {
                view! { <p class="muted">{move || i18n.t(InteractKey::NothingHere)}</p> }.into_any()
            } else {
                view! { <ul class="workshops">{workshops}</ul> }.into_any()
            }}
        </section>
        {can_create.then(|| view! {
            <form class="card form" on:submit=create_series aria-labelledby="series-title">
                <h2 id="series-title">{move || i18n.t(InteractKey::CreateSeriesTitle)}</h2>
                <p class="hint">{move || i18n.t(InteractKey::CreateSeriesIntro)}</p>
                <div class="form-grid">
                    <div class="field">
                        <label for="series-start">{move || i18n.t(InteractKey::FirstStart)}</label>
                        <input id="series-start" type="datetime-local" prop:value=move || start.get() on:change=move |ev| start.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="series-end">{move || i18n.t(InteractKey::FirstEnd)}</label>
                        <input id="series-end" type="datetime-local" prop:value=move || end.get() on:change=move |ev| end.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="series-until">{move || i18n.t(InteractKey::Until)}</label>
                        <input id="series-until" type="date" prop:value=move || until.get() on:change=move |ev| until.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="series-public-name">{move || i18n.t(InteractKey::PublicName)}</label>
                        <input id="series-public-name" type="text" prop:value=move || public_name.get() on:input=move |ev| public_name.set(event_target_value(&ev))/>
                    </div>
                </div>
                <div class="actions">
                    <button type="submit" class="button primary" id="create-series">{move || i18n.t(InteractKey::CreateSeries)}</button>
                </div>
            </form>
        })}
        <section class="card" aria-labelledby="notes-title">
            <h2 id="notes-title">{move || i18n.t(InteractKey::Notes)}</h2>
            <ul class="notes">{notes}</ul>
            {writes.then(|| view! {
                <form class="form" on:submit=add_note>
                    <div class="field">
                        <label for="note-body">{move || i18n.t(InteractKey::NoteLabel)}</label>
                        <textarea id="note-body" rows="3" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="actions">
                        <button type="submit" class="button">{move || i18n.t(InteractKey::AddNote)}</button>
                    </div>
                </form>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_follow_the_pipeline() {
        use ProposalStatus::*;
        assert_eq!(next_steps(New, false), [Talked, Ended]);
        assert_eq!(next_steps(Planned, false), [Talked, Ended]);
        assert_eq!(next_steps(Planned, true), [Running, Talked, Ended]);
        assert!(next_steps(Ended, true).is_empty());
    }
}
