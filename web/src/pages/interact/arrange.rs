//! On a proposal's page, for the team: pair a co-host through the people search (the API
//! checks that a newcomer is paired with a local; its message shows on the co-host field),
//! remove them, and record when the host is available, as a weekly grid with a free note.
//! Saved with the proposal's other fields unchanged.

use leptos::prelude::*;
use shared::interact::{Proposal, ProposalUpdate};
use shared::people::PersonSummary;

use crate::api::{use_api, FormErrors};
use crate::components::StatusMessage;
use crate::i18n::interact::InteractKey;
use crate::locale::use_i18n;
use crate::pages::activities::PersonSearch;
use crate::pages::people::person_form::{opt_text, AvailabilityGrid};

/// The inputs of this form, by the names the API uses for its field errors; the API's other
/// field messages join the summary.
const FIELDS: [&str; 3] = ["cohost_id", "availability", "availability_note"];

#[component]
pub fn Arrangement(p: Proposal, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = p.id;
    let host = p.person_id;
    let base = ProposalUpdate::from(&p);
    let cohost = RwSignal::new(p.cohost_id.zip(p.cohost_name.clone()));
    let availability = RwSignal::new(p.availability.clone());
    let note = RwSignal::new(p.availability_note.clone().unwrap_or_default());
    let errors = RwSignal::new(FormErrors::default());
    let saved = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let choose = Callback::new(move |person: PersonSummary| {
        errors.set(FormErrors::default());
        cohost.set(Some((person.id, person.display_name)));
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let mut body = base.clone();
        body.cohost_id = cohost.get_untracked().map(|c| c.0);
        body.availability = availability.get_untracked();
        body.availability_note = opt_text(&note.get_untracked());
        pending.set(true);
        errors.set(FormErrors::default());
        saved.set(None);
        leptos::task::spawn_local(async move {
            let lang = i18n.lang.get_untracked();
            match api.update_proposal(id, &body).await {
                Ok(_) => {
                    saved.set(Some(i18n.t(InteractKey::Saved).to_string()));
                    reload.run(());
                }
                // "A newcomer with a local" on the co-host, the others on theirs.
                Err(err) => errors.set(FormErrors::from_error(&err, &FIELDS, lang)),
            }
            pending.set(false);
        });
    };
    let exclude = Signal::derive(move || {
        let mut out = vec![host];
        out.extend(cohost.get().map(|c| c.0));
        out
    });
    let err = move |name: &'static str| Signal::derive(move || errors.with(|e| e.field(name)));
    let current = move || {
        match cohost.get() {
        None => view! { <p class="muted" id="cohost-current">{move || i18n.t(InteractKey::NoCohost)}</p> }.into_any(),
        Some((_, name)) => view! {
            <p id="cohost-current">
                <bdi>{name}</bdi>
                " "
                <button type="button" class="button small-button" id="cohost-remove" on:click=move |_| cohost.set(None)>
                    {move || i18n.t(InteractKey::RemoveCohost)}
                </button>
            </p>
        }
        .into_any(),
    }
    };
    view! {
        <form class="card form" on:submit=on_submit aria-labelledby="arrange-title" novalidate=true>
            <h2 id="arrange-title">{move || i18n.t(InteractKey::Arrange)}</h2>
            <fieldset
                class:field-invalid=move || err("cohost_id").with(Option::is_some)
                aria-describedby=move || err("cohost_id").with(Option::is_some).then_some("cohost_id-error")
            >
                <legend>{move || i18n.t(InteractKey::Cohost)}</legend>
                <p class="hint">{move || i18n.t(InteractKey::ArrangeIntro)}</p>
                {current}
                <PersonSearch
                    id="cohost-search"
                    label=InteractKey::CohostSearch
                    action=InteractKey::ChooseCohost
                    action_named=InteractKey::ChooseCohostNamed
                    on_choose=choose
                    exclude=exclude
                />
                {move || err("cohost_id").get().map(|m| view! { <p class="field-error" id="cohost_id-error">{m}</p> })}
            </fieldset>
            <fieldset class="availability-field">
                <legend>{move || i18n.t(InteractKey::Availability)}</legend>
                <div class="table-scroll">
                    <AvailabilityGrid value=availability/>
                </div>
                {move || err("availability").get().map(|m| view! { <p class="field-error" id="availability-error">{m}</p> })}
            </fieldset>
            <div class="field">
                <label for="arrange-note">{move || i18n.t(InteractKey::AvailabilityNote)}</label>
                <input
                    id="arrange-note"
                    type="text"
                    aria-invalid=move || err("availability_note").with(Option::is_some).then_some("true")
                    aria-describedby=move || err("availability_note").with(Option::is_some).then_some("availability_note-error")
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                />
                {move || err("availability_note").get().map(|m| view! { <p class="field-error" id="availability_note-error">{m}</p> })}
            </div>
            <div class="alert-slot" role="alert">
                {move || errors.with(FormErrors::general).map(|m| view! { <p class="alert alert-error" id="arrange-error">{m}</p> })}
            </div>
            <StatusMessage message=saved/>
            <div class="actions">
                <button type="submit" class="button primary" id="arrange-save" disabled=move || pending.get()>
                    {move || i18n.t(InteractKey::SaveArrangement)}
                </button>
            </div>
        </form>
    }
}
