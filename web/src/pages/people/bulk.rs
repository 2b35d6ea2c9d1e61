//! Bulk work on the people list (coordinators and admins): select people on the page, then
//! assign them a coach in one go. Each assignment is its own request (and its own audit entry);
//! the message names the people it failed for.

use leptos::prelude::*;
use shared::people::PersonSummary;
use shared::staff::StaffMember;
use uuid::Uuid;

use crate::api::use_api;
use crate::i18n::team::TeamKey;
use crate::locale::use_i18n;
use crate::pages::people::person::coach_filter;

/// The check box of one row.
#[component]
pub fn SelectBox(person: PersonSummary, selected: RwSignal<Vec<Uuid>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = person.id;
    let name = person.display_name;
    view! {
        <input
            type="checkbox"
            class="select-person"
            id=format!("select-{id}")
            aria-label=move || i18n.tf(TeamKey::SelectPerson, &[("name", &name)])
            prop:checked=move || selected.with(|s| s.contains(&id))
            on:change=move |ev| {
                let on = event_target_checked(&ev);
                selected.update(|s| {
                    s.retain(|x| *x != id);
                    if on {
                        s.push(id);
                    }
                });
            }
        />
    }
}

/// The bar above the list: how many are selected, select the page or none, assign a coach.
#[component]
pub fn BulkBar(
    selected: RwSignal<Vec<Uuid>>,
    /// The people on the page, by id and name.
    page: Signal<Vec<(Uuid, String)>>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let staff = LocalResource::new(move || async move { api.staff(&coach_filter()).await });
    let coach = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let coaches = move || -> Vec<StaffMember> {
        staff
            .get()
            .and_then(Result::ok)
            .map(|p| p.results)
            .unwrap_or_default()
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(uid) = Uuid::parse_str(&coach.get_untracked()) else {
            error.set(Some(i18n.t(TeamKey::ChooseCoach).to_string()));
            return;
        };
        let ids = selected.get_untracked();
        if ids.is_empty() {
            return;
        }
        let coach_name = coaches()
            .into_iter()
            .find(|c| c.id == uid)
            .map(|c| c.display_name)
            .unwrap_or_default();
        let names = page.get_untracked();
        busy.set(true);
        error.set(None);
        status.set(None);
        leptos::task::spawn_local(async move {
            let mut failed = Vec::new();
            let mut done = 0_usize;
            for id in &ids {
                match api.add_coach(*id, uid).await {
                    Ok(()) => done += 1,
                    Err(_) => failed.push(
                        names
                            .iter()
                            .find(|(p, _)| p == id)
                            .map(|(_, n)| n.clone())
                            .unwrap_or_else(|| id.to_string()),
                    ),
                }
            }
            if done > 0 {
                status.set(Some(i18n.tf(
                    TeamKey::BulkAssigned,
                    &[("name", &coach_name), ("count", &done.to_string())],
                )));
            }
            if failed.is_empty() {
                selected.set(vec![]);
            } else {
                error.set(Some(
                    i18n.tf(TeamKey::BulkFailed, &[("names", &failed.join(", "))]),
                ));
            }
            busy.set(false);
        });
    };
    let select_page = move |_| {
        let on_page: Vec<Uuid> = page.get_untracked().into_iter().map(|(id, _)| id).collect();
        selected.update(|s| {
            for id in on_page {
                if !s.contains(&id) {
                    s.push(id);
                }
            }
        });
    };
    let count = move || selected.with(Vec::len);
    view! {
        <form class="card bulk-bar" on:submit=on_submit aria-labelledby="bulk-title">
            <h2 id="bulk-title" class="visually-hidden">{move || i18n.t(TeamKey::BulkTitle)}</h2>
            <p class="bulk-count" aria-live="polite">
                {move || i18n.tf(TeamKey::SelectedCount, &[("count", &count().to_string())])}
            </p>
            <div class="actions">
                <button type="button" class="button" id="select-page" on:click=select_page>{move || i18n.t(TeamKey::SelectPage)}</button>
                <button type="button" class="button" disabled=move || count() == 0 on:click=move |_| selected.set(vec![])>
                    {move || i18n.t(TeamKey::ClearSelection)}
                </button>
            </div>
            <div class="field">
                <label for="bulk-coach">{move || i18n.t(TeamKey::CoachLabel)}</label>
                <select id="bulk-coach" prop:value=move || coach.get() on:change=move |ev| coach.set(event_target_value(&ev))>
                    <option value="">{move || i18n.t(TeamKey::ChooseCoach)}</option>
                    {move || coaches()
                        .into_iter()
                        .map(|c| view! { <option value=c.id.to_string()>{c.display_name}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="alert-slot" role="alert">
                {move || error.get().map(|m| view! { <p class="alert alert-error">{m}</p> })}
            </div>
            <div class="actions">
                <button type="submit" class="button primary" id="bulk-assign" disabled=move || busy.get() || count() == 0>
                    {move || i18n.t(TeamKey::BulkAssign)}
                </button>
            </div>
        </form>
    }
}
