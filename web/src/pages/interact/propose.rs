//! "Je propose un atelier" (`/propose`): a newcomer or a local proposes a workshop around a
//! passion, without an account. The same parts as the sign-up (about you, contact, the privacy
//! notice with the consent, a honeypot); the proposal lands at the start of the coordinators'
//! pipeline.

use leptos::prelude::*;
use shared::interact::{Passion, PublicProposalRequest};
use shared::people::{Category, Slot};
use shared::Lang;
use uuid::Uuid;

use crate::api::{use_api, FormErrors};
use crate::components::dom::focus_id_later;
use crate::components::form::{use_submit, ErrorAlert, TextAreaField, TextField};
use crate::i18n::interact::InteractKey;
use crate::i18n::person::PersonKey;
use crate::i18n::public::PublicKey;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::people::person_form::{opt_text, opt_year, AvailabilityGrid};
use crate::pages::public::{
    explain, typed_contact, AboutYou, ContactDetails, Honeypot, PrivacyConsent, StaffNote,
};
use crate::routes::EVENTS;

/// The form's inputs, by the names the API uses for its field errors.
pub const FIELDS: [&str; 17] = [
    "title",
    "description",
    "passions",
    "languages",
    "availability",
    "availability_note",
    "needs",
    "first_name",
    "last_name",
    "email",
    "phone",
    "postcode",
    "profile",
    "arrival_year",
    "consent",
    "notice_version",
    "website",
];

/// Language codes typed as `fr, ar uk`: lower-cased, each once.
pub fn codes(typed: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in typed.split(|c: char| c == ',' || c.is_whitespace()) {
        let c = c.trim().to_lowercase();
        if !c.is_empty() && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

#[derive(Clone, Copy)]
struct ProposeForm {
    title: RwSignal<String>,
    description: RwSignal<String>,
    passions: RwSignal<Vec<Uuid>>,
    languages: RwSignal<String>,
    availability: RwSignal<Vec<Slot>>,
    availability_note: RwSignal<String>,
    needs: RwSignal<String>,
    wants_cohost: RwSignal<bool>,
    first_name: RwSignal<String>,
    last_name: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    postcode: RwSignal<String>,
    profile: RwSignal<Option<Category>>,
    arrival_year: RwSignal<String>,
    consent: RwSignal<bool>,
    notice_version: RwSignal<Option<String>>,
    website: RwSignal<String>,
    errors: RwSignal<FormErrors>,
    done: RwSignal<Option<(String, Lang, String)>>,
}

impl ProposeForm {
    fn new() -> Self {
        let text = || RwSignal::new(String::new());
        ProposeForm {
            title: text(),
            description: text(),
            passions: RwSignal::new(vec![]),
            languages: text(),
            availability: RwSignal::new(vec![]),
            availability_note: text(),
            needs: text(),
            wants_cohost: RwSignal::new(false),
            first_name: text(),
            last_name: text(),
            email: text(),
            phone: text(),
            postcode: text(),
            profile: RwSignal::new(None),
            arrival_year: text(),
            consent: RwSignal::new(false),
            notice_version: RwSignal::new(None),
            website: text(),
            errors: RwSignal::new(FormErrors::default()),
            done: RwSignal::new(None),
        }
    }

    fn request(&self, lang: Lang) -> PublicProposalRequest {
        let profile = self.profile.get_untracked();
        PublicProposalRequest {
            first_name: self.first_name.get_untracked().trim().to_string(),
            last_name: opt_text(&self.last_name.get_untracked()),
            email: opt_text(&self.email.get_untracked()),
            phone: opt_text(&self.phone.get_untracked()),
            postcode: opt_text(&self.postcode.get_untracked()),
            profile,
            arrival_year: (profile == Some(Category::Newcomer))
                .then(|| opt_year(&self.arrival_year.get_untracked()))
                .flatten(),
            title: self.title.get_untracked(),
            description: self.description.get_untracked(),
            passions: self.passions.get_untracked(),
            languages: codes(&self.languages.get_untracked()),
            availability: self.availability.get_untracked(),
            availability_note: opt_text(&self.availability_note.get_untracked()),
            needs: opt_text(&self.needs.get_untracked()),
            wants_cohost: self.wants_cohost.get_untracked(),
            lang,
            notice_version: self.notice_version.get_untracked().unwrap_or_default(),
            consent: self.consent.get_untracked(),
            website: opt_text(&self.website.get_untracked()),
        }
    }
}

#[component]
pub fn ProposePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(InteractKey::ProposeTitle);
    let form = ProposeForm::new();
    view! {
        <section class="page public-page propose-page" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(InteractKey::ProposeTitle)}</h1>
            <p class="lead">{move || i18n.t(InteractKey::ProposeIntro)}</p>
            {move || match form.done.get() {
                Some((message, lang, contact)) => view! {
                    <section class="card confirmation" aria-labelledby="confirm-title">
                        <h2 id="confirm-title" tabindex="-1">{move || i18n.t(InteractKey::DoneTitle)}</h2>
                        <p lang=lang.code()>{message}</p>
                        <p>{move || i18n.t(InteractKey::DoneNext)}</p>
                        {(!contact.is_empty()).then(|| view! {
                            <p>{move || i18n.t(PublicKey::ContactEcho)} " " <bdi class="echo">{contact.clone()}</bdi></p>
                        })}
                        <div class="actions">
                            <a class="button primary" href=EVENTS>{move || i18n.t(PublicKey::SeeAgenda)}</a>
                        </div>
                    </section>
                }.into_any(),
                None => view! { <ProposeFormView form=form/> }.into_any(),
            }}
            <StaffNote/>
        </section>
    }
}

#[component]
fn ProposeFormView(form: ProposeForm) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let submit = use_submit(
        form.errors,
        &FIELDS,
        move |body: PublicProposalRequest| async move {
            let lang = i18n.lang.get_untracked();
            api.propose_workshop(&body)
                .await
                .map_err(|err| explain(err, lang))
        },
        move |receipt| {
            let contact = typed_contact(&form.email.get_untracked(), &form.phone.get_untracked());
            form.done
                .set(Some((receipt.message, i18n.lang.get_untracked(), contact)));
            focus_id_later("confirm-title");
        },
    );
    let pending = submit.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        submit.dispatch(form.request(i18n.lang.get_untracked()));
    };
    let err = move |name: &'static str| Signal::derive(move || form.errors.with(|e| e.field(name)));
    view! {
        <ErrorAlert
            message=Signal::derive(move || form.errors.with(FormErrors::general))
            on_dismiss=move || form.errors.update(FormErrors::dismiss_general)
        />
        <form class="form public-form" on:submit=on_submit novalidate=true>
            <fieldset class="card">
                <legend>{move || i18n.t(InteractKey::WorkshopLegend)}</legend>
                <TextField id="title" label=InteractKey::TitleLabel hint=InteractKey::TitleHint value=form.title required=true error=err("title")/>
                <TextAreaField rows=4 id="description" label=InteractKey::DescriptionLabel value=form.description error=err("description")/>
                <PassionChecks value=form.passions error=err("passions")/>
                <TextField id="languages" label=InteractKey::LanguagesLabel hint=InteractKey::LanguagesHint value=form.languages error=err("languages")/>
                <fieldset class="availability-field" aria-describedby="availability-hint">
                    <legend>{move || i18n.t(InteractKey::AvailabilityLabel)}</legend>
                    <p class="hint" id="availability-hint">{move || i18n.t(InteractKey::AvailabilityHint)}</p>
                    <div class="table-scroll">
                        <AvailabilityGrid value=form.availability/>
                    </div>
                    {move || err("availability").get().map(|m| view! { <p class="field-error">{m}</p> })}
                </fieldset>
                <TextField id="availability_note" label=InteractKey::AvailabilityNoteLabel hint=PublicKey::Optional value=form.availability_note error=err("availability_note")/>
                <TextAreaField rows=2 id="needs" label=InteractKey::NeedsLabel hint=PublicKey::Optional value=form.needs error=err("needs")/>
                <label class="check" for="wants_cohost">
                    <input
                        type="checkbox"
                        id="wants_cohost"
                        prop:checked=move || form.wants_cohost.get()
                        on:change=move |ev| form.wants_cohost.set(event_target_checked(&ev))
                    />
                    <span>{move || i18n.t(InteractKey::WantsCohost)}</span>
                </label>
            </fieldset>
            <AboutYou
                first_name=form.first_name
                last_name=form.last_name
                profile=form.profile
                arrival_year=form.arrival_year
                errors=form.errors
            />
            <ContactDetails email=form.email phone=form.phone errors=form.errors>
                <div class="form-grid">
                    <TextField id="postcode" label=PersonKey::Postcode hint=PublicKey::PostcodeHint value=form.postcode autocomplete="postal-code" error=err("postcode")/>
                </div>
            </ContactDetails>
            <PrivacyConsent consent=form.consent version=form.notice_version error=err("consent")/>
            <Honeypot value=form.website/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(PublicKey::Sending) } else { i18n.t(InteractKey::SubmitProposal) }}
                </button>
            </div>
        </form>
    }
}

/// The passions of the vocabulary as checkboxes, folded (the list is long); the public form and
/// the team's entry share it.
#[component]
pub fn PassionChecks(value: RwSignal<Vec<Uuid>>, error: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let passions = LocalResource::new(move || async move { api.interact_passions().await });
    let passion_list = move || {
        passions
            .get()
            .and_then(Result::ok)
            .map(|list: Vec<Passion>| {
                list.into_iter()
                    .map(|p| {
                        let id = format!("passion-{}", p.slug);
                        let for_id = id.clone();
                        let pid = p.id;
                        let label = p.clone();
                        view! {
                            <label class="check" for=for_id>
                                <input
                                    type="checkbox"
                                    id=id
                                    prop:checked=move || value.with(|v| v.contains(&pid))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        value.update(|v| {
                                            v.retain(|x| *x != pid);
                                            if on {
                                                v.push(pid);
                                            }
                                        });
                                    }
                                />
                                <span>{move || label.label(i18n.lang.get()).to_string()}</span>
                            </label>
                        }
                    })
                    .collect_view()
            })
    };
    view! {
        <details class="passions">
            <summary>{move || i18n.t(InteractKey::PassionsLegend)}</summary>
            <div class="check-grid" role="group" aria-label=move || i18n.t(InteractKey::PassionsLegend)>
                {passion_list}
            </div>
            {move || error.get().map(|m| view! { <p class="field-error">{m}</p> })}
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_are_read_from_what_was_typed() {
        assert_eq!(codes("FR, ar  uk,fr"), ["fr", "ar", "uk"]);
        assert!(codes(" , ").is_empty());
    }
}
