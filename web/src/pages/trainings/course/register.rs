//! Registering trainees to the whole course (coordinators): a participant found through the
//! people search, or a partner organisation's staff member chosen among the people affiliated
//! to it (registered with the organisation, so they count as partner staff).

use leptos::prelude::*;
use shared::partners::OrganisationFilter;
use shared::people::PersonSummary;
use shared::trainings::{Trainee, TraineeInput, TraineeStatus};
use uuid::Uuid;

use super::CourseCtx;
use crate::api::{use_api, FormErrors};
use crate::components::form::{use_submit, ErrorAlert};
use crate::i18n::trainings_staff::TsKey;
use crate::locale::use_i18n;
use crate::pages::activities::PersonSearch;

#[component]
pub fn RegisterCard(ctx: CourseCtx) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let errors = RwSignal::new(FormErrors::default());
    let add = use_submit(
        errors,
        &[],
        move |body: TraineeInput| async move { api.add_trainee(ctx.id, &body).await },
        move |t: Trainee| {
            let key = if t.status == TraineeStatus::Waitlisted {
                TsKey::WaitlistedMsg
            } else {
                TsKey::RegisteredMsg
            };
            ctx.status
                .set(Some(i18n.tf(key, &[("name", &t.display_name)])));
            ctx.reload.run(());
        },
    );
    let busy = add.pending();
    // People already holding a seat or waiting cannot be chosen again.
    let already = Signal::derive(move || {
        ctx.trainees
            .get()
            .and_then(Result::ok)
            .map(|list| {
                list.into_iter()
                    .filter(|t| t.status != TraineeStatus::Cancelled)
                    .map(|t| t.person_id)
                    .collect::<Vec<Uuid>>()
            })
            .unwrap_or_default()
    });
    let choose = Callback::new(move |p: PersonSummary| {
        ctx.status.set(None);
        add.dispatch(TraineeInput {
            person_id: p.id,
            organisation_id: None,
        });
    });
    view! {
        <section class="card register-card" aria-labelledby="register-title">
            <h2 id="register-title">{move || i18n.t(TsKey::RegisterTitle)}</h2>
            <p class="hint">{move || i18n.t(TsKey::RegisterHint)}</p>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <div class="registrations-tools">
                <div>
                    <h3>{move || i18n.t(TsKey::KindParticipant)}</h3>
                    <PersonSearch
                        id="trainee-search"
                        label=TsKey::FindParticipant
                        action=TsKey::Register
                        action_named=TsKey::RegisterNamed
                        on_choose=choose
                        exclude=already
                        busy=Signal::derive(move || busy.get())
                    />
                </div>
                <PartnerStaff already=already busy=Signal::derive(move || busy.get())
                    on_choose=Callback::new(move |(person, org): (Uuid, Uuid)| {
                        ctx.status.set(None);
                        add.dispatch(TraineeInput { person_id: person, organisation_id: Some(org) });
                    })/>
            </div>
        </section>
    }
}

/// An organisation to choose, then the people affiliated to it, each with a register button.
#[component]
fn PartnerStaff(
    already: Signal<Vec<Uuid>>,
    busy: Signal<bool>,
    on_choose: Callback<(Uuid, Uuid)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    // Searched on the server, so that every organisation can be reached, not only the first
    // page of the list.
    let search = RwSignal::new(String::new());
    let orgs = LocalResource::new(move || {
        let q = search.get().trim().to_owned();
        async move {
            api.organisations(&OrganisationFilter {
                q: (!q.is_empty()).then_some(q),
                ..Default::default()
            })
            .await
        }
    });
    let more = move || {
        orgs.get().and_then(Result::ok).and_then(|page| {
            let shown = page.results.len();
            (page.count > shown as u64).then(|| {
                i18n.tf(
                    TsKey::MoreOrganisations,
                    &[
                        ("shown", &shown.to_string()),
                        ("total", &page.count.to_string()),
                    ],
                )
            })
        })
    };
    let chosen = RwSignal::new(String::new());
    let org = LocalResource::new(move || {
        let id = Uuid::parse_str(&chosen.get()).ok();
        async move {
            match id {
                Some(id) => Some(api.organisation(id).await),
                None => None,
            }
        }
    });
    let contacts = move || match org.get().flatten() {
        None => ().into_any(),
        Some(Err(e)) => {
            view! { <p class="field-error">{e.message(i18n.lang.get())}</p> }.into_any()
        }
        Some(Ok(o)) if o.contacts.is_empty() => {
            view! { <p class="muted">{move || i18n.t(TsKey::NoContacts)}</p> }.into_any()
        }
        Some(Ok(o)) => {
            let org_id = o.id;
            let excluded = already.get();
            let items = o
                .contacts
                .into_iter()
                .map(|c| {
                    let there = excluded.contains(&c.person_id);
                    let name = c.display_name.clone();
                    let person = c.person_id;
                    view! {
                        <li class="pick">
                            <div class="pick-who">
                                <bdi class="pick-name">{c.display_name.clone()}</bdi>
                                <span class="muted small"><bdi>{c.role.clone()}</bdi></span>
                            </div>
                            {if there {
                                view! { <span class="muted small">{move || i18n.t(crate::i18n::activities::ActKey::AlreadyThere)}</span> }.into_any()
                            } else {
                                view! {
                                    <button type="button" class="button small-button"
                                        disabled=move || busy.get()
                                        aria-label=move || i18n.tf(TsKey::RegisterNamed, &[("name", &name)])
                                        on:click=move |_| on_choose.run((person, org_id))>
                                        {move || i18n.t(TsKey::Register)}
                                    </button>
                                }.into_any()
                            }}
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="plain picks">{items}</ul> }.into_any()
        }
    };
    view! {
        <div class="partner-staff">
            <h3>{move || i18n.t(TsKey::PartnerStaffTitle)}</h3>
            <div class="field">
                <label for="trainee-organisation-search">{move || i18n.t(TsKey::FindOrganisation)}</label>
                <input id="trainee-organisation-search" type="search" autocomplete="off"
                    aria-describedby="trainee-organisation-more"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))/>
                <p class="hint" id="trainee-organisation-more" aria-live="polite">{more}</p>
            </div>
            <div class="field">
                <label for="trainee-organisation">{move || i18n.t(TsKey::Organisation)}</label>
                <select id="trainee-organisation" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="" selected=move || chosen.with(String::is_empty)>{move || i18n.t(TsKey::ChooseOrganisation)}</option>
                    {move || orgs.get().and_then(Result::ok).map(|page| page.results.into_iter().map(|o| {
                        let id = o.id.to_string();
                        view! { <option value=id>{o.name.clone()}</option> }
                    }).collect_view())}
                </select>
            </div>
            <div aria-live="polite">{contacts}</div>
        </div>
    }
}
