//! The programmes' public sign-up form (`/signup`): a newcomer or a local applies to InterAct
//! (to take part, or to host a workshop around a passion), Duo2Change or InterLab. A few
//! fields, the privacy notice in the visitor's language with the consent, a honeypot; the
//! application lands in the team's review queue.

use leptos::prelude::*;
use shared::people::{Category, Programme, ProgrammeRole};
use shared::signup::SignupRequest;
use shared::Lang;

use super::{
    explain, typed_contact, AboutYou, ContactDetails, Honeypot, PrivacyConsent, StaffNote,
};
use crate::api::{use_api, FormErrors};

use crate::i18n::public::PublicKey;

use crate::components::dom::focus_id_later;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::TextAreaField;
use crate::components::form::TextField;
use crate::i18n::person::PersonKey;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::people::person_form::{opt_text, opt_year};
use crate::routes::EVENTS;

/// The form's inputs, by the names the API uses for its field errors.
pub const FIELDS: [&str; 13] = [
    "programme",
    "role",
    "first_name",
    "last_name",
    "email",
    "phone",
    "postcode",
    "profile",
    "arrival_year",
    "workshop_idea",
    "message",
    "consent",
    "notice_version",
];

/// What the visitor applies for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    InteractParticipant,
    InteractHost,
    Duo,
    Interlab,
}

impl Choice {
    pub const ALL: [Choice; 4] = [
        Choice::InteractParticipant,
        Choice::InteractHost,
        Choice::Duo,
        Choice::Interlab,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Choice::InteractParticipant => "interact",
            Choice::InteractHost => "interact-host",
            Choice::Duo => "duo2change",
            Choice::Interlab => "interlab",
        }
    }

    /// The programme and the role asked for.
    pub fn programme_role(self) -> (Programme, ProgrammeRole) {
        match self {
            Choice::InteractParticipant => (Programme::Interact, ProgrammeRole::Participant),
            Choice::InteractHost => (Programme::Interact, ProgrammeRole::WorkshopHost),
            Choice::Duo => (Programme::Duo2change, ProgrammeRole::DuoCandidate),
            Choice::Interlab => (Programme::Interlab, ProgrammeRole::Entrepreneur),
        }
    }

    fn label(self) -> PublicKey {
        match self {
            Choice::InteractParticipant => PublicKey::ChoiceInteractParticipant,
            Choice::InteractHost => PublicKey::ChoiceInteractHost,
            Choice::Duo => PublicKey::ChoiceDuo,
            Choice::Interlab => PublicKey::ChoiceInterlab,
        }
    }

    fn hint(self) -> PublicKey {
        match self {
            Choice::InteractParticipant => PublicKey::ChoiceInteractParticipantHint,
            Choice::InteractHost => PublicKey::ChoiceInteractHostHint,
            Choice::Duo => PublicKey::ChoiceDuoHint,
            Choice::Interlab => PublicKey::ChoiceInterlabHint,
        }
    }
}

/// What the visitor typed, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignupTyped {
    pub choice: Option<Choice>,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub postcode: String,
    pub profile: Option<Category>,
    pub arrival_year: String,
    pub workshop_idea: String,
    pub message: String,
    pub consent: bool,
    pub website: String,
}

impl SignupTyped {
    /// The request body: blanks left out; the year of arrival only for newcomers, the
    /// workshop idea only for future hosts.
    pub fn request(&self, lang: Lang, notice_version: &str) -> SignupRequest {
        let (programme, role) = self.choice.map(Choice::programme_role).unzip();
        SignupRequest {
            first_name: self.first_name.trim().to_string(),
            last_name: opt_text(&self.last_name),
            email: opt_text(&self.email),
            phone: opt_text(&self.phone),
            postcode: opt_text(&self.postcode),
            profile: self.profile,
            arrival_year: (self.profile == Some(Category::Newcomer))
                .then(|| opt_year(&self.arrival_year))
                .flatten(),
            programme,
            role,
            workshop_idea: (self.choice == Some(Choice::InteractHost))
                .then(|| opt_text(&self.workshop_idea))
                .flatten(),
            message: opt_text(&self.message),
            lang,
            notice_version: notice_version.to_string(),
            consent: self.consent,
            website: opt_text(&self.website),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct SignupDone {
    message: String,
    lang: Lang,
    contact: String,
}

#[derive(Clone, Copy)]
struct SignupForm {
    choice: RwSignal<Option<Choice>>,
    first_name: RwSignal<String>,
    last_name: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    postcode: RwSignal<String>,
    profile: RwSignal<Option<Category>>,
    arrival_year: RwSignal<String>,
    workshop_idea: RwSignal<String>,
    message: RwSignal<String>,
    consent: RwSignal<bool>,
    notice_version: RwSignal<Option<String>>,
    website: RwSignal<String>,
    errors: RwSignal<FormErrors>,
    done: RwSignal<Option<SignupDone>>,
}

impl SignupForm {
    fn new() -> Self {
        let text = || RwSignal::new(String::new());
        SignupForm {
            choice: RwSignal::new(None),
            first_name: text(),
            last_name: text(),
            email: text(),
            phone: text(),
            postcode: text(),
            profile: RwSignal::new(None),
            arrival_year: text(),
            workshop_idea: text(),
            message: text(),
            consent: RwSignal::new(false),
            notice_version: RwSignal::new(None),
            website: text(),
            errors: RwSignal::new(FormErrors::default()),
            done: RwSignal::new(None),
        }
    }

    fn typed(&self) -> SignupTyped {
        SignupTyped {
            choice: self.choice.get_untracked(),
            first_name: self.first_name.get_untracked(),
            last_name: self.last_name.get_untracked(),
            email: self.email.get_untracked(),
            phone: self.phone.get_untracked(),
            postcode: self.postcode.get_untracked(),
            profile: self.profile.get_untracked(),
            arrival_year: self.arrival_year.get_untracked(),
            workshop_idea: self.workshop_idea.get_untracked(),
            message: self.message.get_untracked(),
            consent: self.consent.get_untracked(),
            website: self.website.get_untracked(),
        }
    }

    fn clear(&self) {
        for s in [
            self.first_name,
            self.last_name,
            self.email,
            self.phone,
            self.postcode,
            self.arrival_year,
            self.workshop_idea,
            self.message,
            self.website,
        ] {
            s.set(String::new());
        }
        self.choice.set(None);
        self.profile.set(None);
        self.consent.set(false);
        self.errors.set(FormErrors::default());
    }
}

#[component]
pub fn SignupPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(PublicKey::SignupTitle);
    let form = SignupForm::new();
    view! {
        <section class="page public-page signup-page" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(PublicKey::SignupTitle)}</h1>
            <p class="lead">{move || i18n.t(PublicKey::SignupIntro)}</p>
            <p class="propose-link">
                <a href=crate::routes::PROPOSE>{move || i18n.t(crate::i18n::interact::InteractKey::NavPropose)}</a>
            </p>
            {move || match form.done.get() {
                Some(done) => view! { <SignupConfirmation done=done form=form/> }.into_any(),
                None => view! { <SignupFormView form=form/> }.into_any(),
            }}
            <StaffNote/>
        </section>
    }
}

#[component]
fn SignupFormView(form: SignupForm) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let submit = use_submit(
        form.errors,
        &FIELDS,
        move |body: SignupRequest| async move {
            let lang = i18n.lang.get_untracked();
            api.signup(&body).await.map_err(|err| explain(err, lang))
        },
        move |receipt| {
            let typed = form.typed();
            form.done.set(Some(SignupDone {
                message: receipt.message,
                lang: i18n.lang.get_untracked(),
                contact: typed_contact(&typed.email, &typed.phone),
            }));
            form.clear();
            focus_id_later("confirm-title");
        },
    );
    let pending = submit.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        form.errors.set(FormErrors::default());
        let version = form.notice_version.get_untracked().unwrap_or_default();
        submit.dispatch(form.typed().request(i18n.lang.get_untracked(), &version));
    };
    let err = move |name: &'static str| Signal::derive(move || form.errors.with(|e| e.field(name)));
    let choice_error = Signal::derive(move || {
        form.errors
            .with(|e| match (e.field("programme"), e.field("role")) {
                (Some(a), Some(b)) if a != b => Some(format!("{a} {b}")),
                (a, b) => a.or(b),
            })
    });
    let choices = Choice::ALL
        .into_iter()
        .map(|c| {
            let id = format!("choice-{}", c.as_str());
            let hint_id = format!("{id}-hint");
            let hint_id2 = hint_id.clone();
            view! {
                <label class="check choice-option" for=id.clone()>
                    <input
                        type="radio"
                        name="choice"
                        id=id.clone()
                        value=c.as_str()
                        required=true
                        aria-invalid=move || choice_error.with(Option::is_some).then_some("true")
                        aria-describedby=move || {
                            if choice_error.with(Option::is_some) {
                                format!("{hint_id} choice-error")
                            } else {
                                hint_id.clone()
                            }
                        }
                        prop:checked=move || form.choice.get() == Some(c)
                        on:change=move |_| form.choice.set(Some(c))
                    />
                    <span>
                        <strong class="block">{move || i18n.t(c.label())}</strong>
                        <span class="hint block" id=hint_id2>{move || i18n.t(c.hint())}</span>
                    </span>
                </label>
            }
        })
        .collect_view();

    view! {
        <ErrorAlert
            message=Signal::derive(move || form.errors.with(FormErrors::general))
            on_dismiss=move || form.errors.update(FormErrors::dismiss_general)
        />
        <form class="form public-form" on:submit=on_submit novalidate=true>
            <fieldset class="card choice choices" class:field-invalid=move || choice_error.with(Option::is_some)>
                <legend>{move || i18n.t(PublicKey::ChoiceLegend)}</legend>
                <div class="choice-options">{choices}</div>
                {move || choice_error.get().map(|m| view! { <p class="field-error" id="choice-error">{m}</p> })}
                <Show when=move || form.choice.get() == Some(Choice::InteractHost)>
                    <TextAreaField
                        rows=4
                        id="workshop_idea"
                        label=PublicKey::WorkshopIdea
                        hint=PublicKey::WorkshopIdeaHint
                        value=form.workshop_idea
                        error=err("workshop_idea")
                    />
                </Show>
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
                <TextAreaField rows=4 id="message" label=PublicKey::MessageLabel hint=PublicKey::Optional value=form.message error=err("message")/>
            </ContactDetails>
            <PrivacyConsent consent=form.consent version=form.notice_version error=err("consent")/>
            <Honeypot value=form.website/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(PublicKey::Sending) } else { i18n.t(PublicKey::SubmitSignup) }}
                </button>
            </div>
        </form>
    }
}

#[component]
fn SignupConfirmation(done: SignupDone, form: SignupForm) -> impl IntoView {
    let i18n = use_i18n();
    let contact = done.contact.clone();
    view! {
        <section class="card confirmation" aria-labelledby="confirm-title">
            <h2 id="confirm-title" tabindex="-1">{move || i18n.t(PublicKey::SignupDoneTitle)}</h2>
            <p lang=done.lang.code()>{done.message.clone()}</p>
            <p>{move || i18n.t(PublicKey::SignupNextSteps)}</p>
            {(!contact.is_empty()).then(|| view! {
                <p>{move || i18n.t(PublicKey::ContactEcho)} " " <bdi class="echo">{contact.clone()}</bdi></p>
            })}
            <div class="actions">
                <a class="button primary" href=EVENTS>{move || i18n.t(PublicKey::SeeAgenda)}</a>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        form.done.set(None);
                        focus_id_later("choice-interact");
                    }
                >
                    {move || i18n.t(PublicKey::RegisterSomeoneElse)}
                </button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_choice_asks_for_a_role_the_form_accepts() {
        let roles: Vec<_> = Choice::ALL.iter().map(|c| c.programme_role()).collect();
        assert_eq!(
            roles,
            [
                (Programme::Interact, ProgrammeRole::Participant),
                (Programme::Interact, ProgrammeRole::WorkshopHost),
                (Programme::Duo2change, ProgrammeRole::DuoCandidate),
                (Programme::Interlab, ProgrammeRole::Entrepreneur),
            ]
        );
    }

    #[test]
    fn the_request_holds_what_was_typed_and_nothing_more() {
        let typed = SignupTyped {
            choice: Some(Choice::Duo),
            first_name: " Layla ".into(),
            email: "layla@example.org".into(),
            postcode: " 4020 ".into(),
            profile: Some(Category::Newcomer),
            arrival_year: "2024".into(),
            workshop_idea: "Cuisine syrienne".into(),
            message: "  ".into(),
            consent: true,
            ..SignupTyped::default()
        };
        let r = typed.request(Lang::Ar, "2026-11");
        assert_eq!(r.programme, Some(Programme::Duo2change));
        assert_eq!(r.role, Some(ProgrammeRole::DuoCandidate));
        assert_eq!(r.first_name, "Layla");
        assert_eq!(r.postcode.as_deref(), Some("4020"));
        assert_eq!(r.arrival_year, Some(2024));
        assert_eq!(r.workshop_idea, None, "only hosts send a workshop idea");
        assert_eq!(r.message, None);
        assert_eq!(r.lang, Lang::Ar);
        assert!(r.consent);

        let host = SignupTyped {
            choice: Some(Choice::InteractHost),
            ..typed
        }
        .request(Lang::Fr, "2026-11");
        assert_eq!(host.workshop_idea.as_deref(), Some("Cuisine syrienne"));
        let nothing = SignupTyped::default().request(Lang::Fr, "");
        assert_eq!((nothing.programme, nothing.role), (None, None));
    }

    #[test]
    fn every_field_is_listed_once() {
        let mut names = FIELDS.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FIELDS.len());
    }
}
