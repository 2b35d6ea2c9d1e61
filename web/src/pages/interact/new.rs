//! A proposal the team records for a person it knows (`/interact/new`): the host found with the
//! people search, then the same questions as the public form — the workshop, passions,
//! languages, the weekly availability grid with a note, needs, whether they want a co-host. It
//! lands at the start of the pipeline and its page opens.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::interact::ProposalInput;
use shared::people::{PersonSummary, Slot};
use uuid::Uuid;

use crate::api::{use_api, FormErrors};
use crate::components::form::{use_submit, ErrorAlert, TextAreaField, TextField};
use crate::i18n::interact::InteractKey;
use crate::i18n::public::PublicKey;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::activities::PersonSearch;
use crate::pages::interact::propose::{codes, PassionChecks};
use crate::pages::people::person_form::{opt_text, AvailabilityGrid};
use crate::routes::{proposal_path, INTERACT};

/// The form's inputs, by the names the API uses for its field errors.
const FIELDS: [&str; 9] = [
    "person_id",
    "title",
    "description",
    "passions",
    "languages",
    "availability",
    "availability_note",
    "needs",
    "wants_cohost",
];

#[component]
pub fn NewProposalPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(InteractKey::NewProposalTitle);
    let api = use_api();
    let navigate = use_navigate();
    let host = RwSignal::new(None::<(Uuid, String)>);
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let passions = RwSignal::new(Vec::<Uuid>::new());
    let languages = RwSignal::new(String::new());
    let availability = RwSignal::new(Vec::<Slot>::new());
    let availability_note = RwSignal::new(String::new());
    let needs = RwSignal::new(String::new());
    let wants_cohost = RwSignal::new(false);
    let errors = RwSignal::new(FormErrors::default());
    let submit = use_submit(
        errors,
        &FIELDS,
        move |body: ProposalInput| async move { api.create_proposal(&body).await },
        move |created| navigate(&proposal_path(created.proposal.id), Default::default()),
    );
    let pending = submit.pending();
    let err = move |name: &'static str| Signal::derive(move || errors.with(|e| e.field(name)));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some((person_id, _)) = host.get_untracked() else {
            errors.set(FormErrors::local(
                "person_id",
                i18n.t(InteractKey::HostRequired),
            ));
            crate::components::dom::focus_id_later("host-search-q");
            return;
        };
        submit.dispatch(ProposalInput {
            person_id,
            title: title.get_untracked(),
            description: description.get_untracked(),
            passions: passions.get_untracked(),
            languages: codes(&languages.get_untracked()),
            availability: availability.get_untracked(),
            availability_note: opt_text(&availability_note.get_untracked()),
            needs: opt_text(&needs.get_untracked()),
            wants_cohost: wants_cohost.get_untracked(),
            ..ProposalInput::default()
        });
    };
    let choose = Callback::new(move |p: PersonSummary| {
        errors.update(|e| *e = FormErrors::default());
        host.set(Some((p.id, p.display_name)));
    });
    let exclude = Signal::derive(move || host.get().map(|h| vec![h.0]).unwrap_or_default());
    let chosen = move || {
        match host.get() {
        None => view! { <p class="muted" id="host-current">{move || i18n.t(InteractKey::NoHostYet)}</p> }.into_any(),
        Some((_, name)) => view! {
            <p id="host-current"><strong><bdi>{name}</bdi></strong></p>
        }
        .into_any(),
    }
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="back"><a href=INTERACT>{move || i18n.t(InteractKey::BackToBoard)}</a></p>
            <h1 id="page-title">{move || i18n.t(InteractKey::NewProposalTitle)}</h1>
            <p class="lead">{move || i18n.t(InteractKey::NewProposalIntro)}</p>
            <ErrorAlert
                message=Signal::derive(move || errors.with(FormErrors::general))
                on_dismiss=move || errors.update(FormErrors::dismiss_general)
            />
            <form class="form" on:submit=on_submit novalidate=true>
                <fieldset
                    class="card"
                    class:field-invalid=move || err("person_id").with(Option::is_some)
                    aria-describedby=move || err("person_id").with(Option::is_some).then_some("person_id-error")
                >
                    <legend>{move || i18n.t(InteractKey::Host)}</legend>
                    {chosen}
                    <PersonSearch
                        id="host-search"
                        label=InteractKey::HostSearch
                        action=InteractKey::ChooseHost
                        action_named=InteractKey::ChooseHostNamed
                        on_choose=choose
                        exclude=exclude
                    />
                    {move || err("person_id").get().map(|m| view! { <p class="field-error" id="person_id-error">{m}</p> })}
                </fieldset>
                <fieldset class="card">
                    <legend>{move || i18n.t(InteractKey::WorkshopLegend)}</legend>
                    <TextField id="title" label=InteractKey::TitleLabel hint=InteractKey::TitleHint value=title required=true error=err("title")/>
                    <TextAreaField rows=4 id="description" label=InteractKey::DescriptionLabel value=description error=err("description")/>
                    <PassionChecks value=passions error=err("passions")/>
                    <TextField id="languages" label=InteractKey::LanguagesLabel hint=InteractKey::LanguagesHint value=languages error=err("languages")/>
                    <fieldset class="availability-field" aria-describedby="availability-hint">
                        <legend>{move || i18n.t(InteractKey::Availability)}</legend>
                        <p class="hint" id="availability-hint">{move || i18n.t(InteractKey::AvailabilityHint)}</p>
                        <div class="table-scroll">
                            <AvailabilityGrid value=availability/>
                        </div>
                        {move || err("availability").get().map(|m| view! { <p class="field-error">{m}</p> })}
                    </fieldset>
                    <TextField id="availability_note" label=InteractKey::AvailabilityNote hint=PublicKey::Optional value=availability_note error=err("availability_note")/>
                    <TextAreaField rows=2 id="needs" label=InteractKey::Needs hint=PublicKey::Optional value=needs error=err("needs")/>
                    <label class="check" for="wants_cohost">
                        <input
                            type="checkbox"
                            id="wants_cohost"
                            prop:checked=move || wants_cohost.get()
                            on:change=move |ev| wants_cohost.set(event_target_checked(&ev))
                        />
                        <span>{move || i18n.t(InteractKey::WantsCohostStaff)}</span>
                    </label>
                </fieldset>
                <div class="actions">
                    <button type="submit" class="button primary" id="create-proposal" disabled=move || pending.get()>
                        {move || i18n.t(InteractKey::CreateProposal)}
                    </button>
                </div>
            </form>
        </section>
    }
}
