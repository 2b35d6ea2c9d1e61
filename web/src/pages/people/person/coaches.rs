//! A person's coaches, for those who assign them (coordinators and admins): who accompanies
//! the person, remove one, assign one from the active coach accounts (`GET /staff?role=coach`).

use leptos::prelude::*;
use shared::auth::Role;
use shared::staff::{StaffFilter, StaffMember};
use uuid::Uuid;

use crate::api::use_api;
use crate::i18n::team::TeamKey;
use crate::locale::use_i18n;

/// The active coach accounts, by name (one page of 200: a small team).
pub fn coach_filter() -> StaffFilter {
    StaffFilter {
        role: Some(Role::Coach),
        page: None,
        page_size: Some(200),
    }
}

/// The coaches of the list not assigned yet.
pub fn assignable(all: &[StaffMember], assigned: &[Uuid]) -> Vec<StaffMember> {
    all.iter()
        .filter(|c| !assigned.contains(&c.id))
        .cloned()
        .collect()
}

#[component]
pub fn Coaches(
    id: Uuid,
    assigned: Vec<Uuid>,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let staff = LocalResource::new(move || async move { api.staff(&coach_filter()).await });
    let chosen = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let coaches = move || -> Vec<StaffMember> {
        staff
            .get()
            .and_then(Result::ok)
            .map(|p| p.results)
            .unwrap_or_default()
    };
    let name_of = move |uid: Uuid| {
        coaches()
            .into_iter()
            .find(|c| c.id == uid)
            .map(|c| c.display_name)
    };
    let change = move |uid: Uuid, name: String, add: bool| {
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let res = if add {
                api.add_coach(id, uid).await
            } else {
                api.remove_coach(id, uid).await
            };
            match res {
                Ok(()) => {
                    let key = if add {
                        TeamKey::CoachAssigned
                    } else {
                        TeamKey::CoachRemoved
                    };
                    status.set(Some(i18n.tf(key, &[("name", &name)])));
                    reload.run(());
                }
                Err(err) => error.set(Some(err.message(i18n.lang.get_untracked()))),
            }
            busy.set(false);
        });
    };
    let assigned_for_list = assigned.clone();
    let list = move || {
        if assigned_for_list.is_empty() {
            return view! { <p class="muted">{move || i18n.t(TeamKey::NoCoaches)}</p> }.into_any();
        }
        let items = assigned_for_list
            .iter()
            .map(|&uid| {
                let name = name_of(uid);
                let label = name.clone();
                let shown = name.clone().unwrap_or_default();
                view! {
                    <li class="coach">
                        {match label {
                            Some(n) => view! { <bdi class="coach-name">{n}</bdi> }.into_any(),
                            None => view! { <span class="muted">{move || i18n.t(TeamKey::InactiveCoach)}</span> }.into_any(),
                        }}
                        " "
                        <button
                            type="button"
                            class="button small-button"
                            disabled=move || busy.get()
                            aria-label=move || i18n.tf(TeamKey::RemoveCoachNamed, &[("name", &shown)])
                            on:click={
                                let n = name.clone().unwrap_or_default();
                                move |_| change(uid, n.clone(), false)
                            }
                        >
                            {move || i18n.t(TeamKey::RemoveCoach)}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="plain coaches">{items}</ul> }.into_any()
    };
    let assigned_for_picker = assigned.clone();
    let picker = move || {
        let options = assignable(&coaches(), &assigned_for_picker);
        if staff.get().is_some_and(|r| r.is_ok()) && coaches().is_empty() {
            return view! { <p class="muted">{move || i18n.t(TeamKey::NoCoachAccounts)}</p> }
                .into_any();
        }
        let list = options.clone();
        let on_submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Ok(uid) = Uuid::parse_str(&chosen.get_untracked()) else {
                error.set(Some(i18n.t(TeamKey::ChooseCoach).to_string()));
                return;
            };
            let name = list
                .iter()
                .find(|c| c.id == uid)
                .map(|c| c.display_name.clone())
                .unwrap_or_default();
            chosen.set(String::new());
            change(uid, name, true);
        };
        view! {
            <form class="inline-form" on:submit=on_submit>
                <div class="field">
                    <label for="coach-select">{move || i18n.t(TeamKey::CoachLabel)}</label>
                    <select id="coach-select" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(TeamKey::ChooseCoach)}</option>
                        {options
                            .into_iter()
                            .map(|c| view! { <option value=c.id.to_string()>{c.display_name}</option> })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" class="button" id="coach-assign" disabled=move || busy.get()>
                    {move || i18n.t(TeamKey::AssignCoach)}
                </button>
            </form>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="coaches-title" id="coaches">
            <h2 id="coaches-title">{move || i18n.t(TeamKey::CoachesTitle)}</h2>
            <p class="hint">{move || i18n.t(TeamKey::CoachesIntro)}</p>
            {list}
            <div class="alert-slot" role="alert">
                {move || error.get().map(|m| view! { <p class="alert alert-error">{m}</p> })}
            </div>
            {picker}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(n: u128, name: &str) -> StaffMember {
        StaffMember {
            id: Uuid::from_u128(n),
            display_name: name.into(),
            role: Role::Coach,
        }
    }

    #[test]
    fn the_picker_offers_only_coaches_not_assigned_yet() {
        let all = [member(1, "Ana"), member(2, "Bram"), member(3, "Chaïma")];
        let names: Vec<String> = assignable(&all, &[Uuid::from_u128(2)])
            .into_iter()
            .map(|c| c.display_name)
            .collect();
        assert_eq!(names, ["Ana", "Chaïma"]);
    }
}
