//! InterLab's public application form, "Je veux créer mon activité" (`/interlab/apply`): the
//! person, their idea in their own words, the languages they speak, how they heard of InterLab;
//! the privacy notice in the visitor's language with the consent, and a honeypot — the same
//! pieces as the programmes' sign-up form. The application lands in the team's review queue.

use leptos::prelude::*;
use shared::interlab::{ApplyRequest, HeardVia};
use shared::people::{Category, LanguageLevel, LanguageSkill};
use shared::Lang;

use crate::api::{use_api, FormErrors};
use crate::components::dom::focus_id_later;
use crate::components::form::{use_submit, ErrorAlert, SelectField, TextAreaField, TextField};
use crate::i18n::interlab::{heard_via_key, IlKey};
use crate::i18n::public::PublicKey;
use crate::i18n::vocabulary::language_level_key;
use crate::i18n::Text;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::people::person_form::{opt_text, opt_year};
use crate::pages::public::{
    explain, language_name, typed_contact, AboutYou, ContactDetails, Honeypot, PrivacyConsent,
    StaffNote,
};
use crate::routes::EVENTS;

/// The form's inputs, by the names the API uses for its field errors.
pub const FIELDS: [&str; 13] = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "postcode",
    "profile",
    "arrival_year",
    "idea",
    "languages",
    "heard_via",
    "heard_via_detail",
    "consent",
    "notice_version",
];

/// The languages offered as boxes to tick (ISO 639 codes): the interface's, then those most
/// spoken by the people InterLab accompanies in Liège.
pub const LANGUAGES: [&str; 16] = [
    "fr", "nl", "en", "ar", "es", "pt", "it", "tr", "ru", "uk", "fa", "prs", "ps", "ti", "so", "ln",
];

/// What the visitor typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplyTyped {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub postcode: String,
    pub profile: Option<Category>,
    pub arrival_year: String,
    pub idea: String,
    /// Ticked languages with their level, in the order of [`LANGUAGES`].
    pub languages: Vec<(&'static str, LanguageLevel)>,
    pub heard_via: String,
    pub heard_via_detail: String,
    pub consent: bool,
    pub website: String,
}

impl ApplyTyped {
    /// The request body: blanks left out, the year of arrival only for newcomers, the detail of
    /// how they heard of InterLab only with an answer to the question.
    pub fn request(&self, lang: Lang, notice_version: &str) -> ApplyRequest {
        let heard_via = self.heard_via.parse::<HeardVia>().ok();
        ApplyRequest {
            first_name: self.first_name.trim().to_string(),
            last_name: opt_text(&self.last_name),
            email: opt_text(&self.email),
            phone: opt_text(&self.phone),
            postcode: opt_text(&self.postcode),
            profile: self.profile,
            arrival_year: (self.profile == Some(Category::Newcomer))
                .then(|| opt_year(&self.arrival_year))
                .flatten(),
            idea: self.idea.trim().to_string(),
            languages: self
                .languages
                .iter()
                .map(|(code, level)| LanguageSkill {
                    language: (*code).to_string(),
                    level: *level,
                })
                .collect(),
            heard_via,
            heard_via_detail: heard_via.and_then(|_| opt_text(&self.heard_via_detail)),
            lang,
            notice_version: notice_version.to_string(),
            consent: self.consent,
            website: opt_text(&self.website),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Done {
    message: String,
    lang: Lang,
    contact: String,
}

#[derive(Clone, Copy)]
struct ApplyForm {
    first_name: RwSignal<String>,
    last_name: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    postcode: RwSignal<String>,
    profile: RwSignal<Option<Category>>,
    arrival_year: RwSignal<String>,
    idea: RwSignal<String>,
    languages: RwSignal<Vec<(&'static str, LanguageLevel)>>,
    heard_via: RwSignal<String>,
    heard_via_detail: RwSignal<String>,
    consent: RwSignal<bool>,
    notice_version: RwSignal<Option<String>>,
    website: RwSignal<String>,
    errors: RwSignal<FormErrors>,
    done: RwSignal<Option<Done>>,
}

impl ApplyForm {
    fn new() -> Self {
        let text = || RwSignal::new(String::new());
        ApplyForm {
            first_name: text(),
            last_name: text(),
            email: text(),
            phone: text(),
            postcode: text(),
            profile: RwSignal::new(None),
            arrival_year: text(),
            idea: text(),
            languages: RwSignal::new(Vec::new()),
            heard_via: text(),
            heard_via_detail: text(),
            consent: RwSignal::new(false),
            notice_version: RwSignal::new(None),
            website: text(),
            errors: RwSignal::new(FormErrors::default()),
            done: RwSignal::new(None),
        }
    }

    fn typed(&self) -> ApplyTyped {
        ApplyTyped {
            first_name: self.first_name.get_untracked(),
            last_name: self.last_name.get_untracked(),
            email: self.email.get_untracked(),
            phone: self.phone.get_untracked(),
            postcode: self.postcode.get_untracked(),
            profile: self.profile.get_untracked(),
            arrival_year: self.arrival_year.get_untracked(),
            idea: self.idea.get_untracked(),
            languages: self.languages.get_untracked(),
            heard_via: self.heard_via.get_untracked(),
            heard_via_detail: self.heard_via_detail.get_untracked(),
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
            self.idea,
            self.heard_via,
            self.heard_via_detail,
            self.website,
        ] {
            s.set(String::new());
        }
        self.profile.set(None);
        self.languages.set(Vec::new());
        self.consent.set(false);
        self.errors.set(FormErrors::default());
    }
}

#[component]
pub fn ApplyPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(IlKey::ApplyTitle);
    let form = ApplyForm::new();
    view! {
        <section class="page public-page apply-page" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(IlKey::ApplyTitle)}</h1>
            <p class="lead">{move || i18n.t(IlKey::ApplyIntro)}</p>
            {move || match form.done.get() {
                Some(done) => view! { <Confirmation done=done form=form/> }.into_any(),
                None => view! { <FormView form=form/> }.into_any(),
            }}
            <StaffNote/>
        </section>
    }
}

#[component]
fn FormView(form: ApplyForm) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let submit = use_submit(
        form.errors,
        &FIELDS,
        move |body: ApplyRequest| async move {
            let lang = i18n.lang.get_untracked();
            api.interlab_apply(&body)
                .await
                .map_err(|err| explain(err, lang))
        },
        move |receipt| {
            let typed = form.typed();
            form.done.set(Some(Done {
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
        let version = form.notice_version.get_untracked().unwrap_or_default();
        submit.dispatch(form.typed().request(i18n.lang.get_untracked(), &version));
    };
    let err = move |name: &'static str| Signal::derive(move || form.errors.with(|e| e.field(name)));
    let heard: Vec<(&'static str, Text)> = HeardVia::ALL
        .iter()
        .map(|&h| (h.as_str(), heard_via_key(h).into()))
        .collect();

    view! {
        <ErrorAlert
            message=Signal::derive(move || form.errors.with(FormErrors::general))
            on_dismiss=move || form.errors.update(FormErrors::dismiss_general)
        />
        <form class="form public-form" on:submit=on_submit novalidate=true>
            <AboutYou
                first_name=form.first_name
                last_name=form.last_name
                profile=form.profile
                arrival_year=form.arrival_year
                errors=form.errors
            />
            <ContactDetails email=form.email phone=form.phone errors=form.errors>
                <div class="form-grid">
                    <TextField id="postcode" label=crate::i18n::person::PersonKey::Postcode hint=PublicKey::PostcodeHint value=form.postcode autocomplete="postal-code" error=err("postcode")/>
                </div>
            </ContactDetails>
            <fieldset class="card">
                <legend>{move || i18n.t(IlKey::IdeaLegend)}</legend>
                <TextAreaField rows=6 id="idea" label=IlKey::Idea hint=IlKey::IdeaHint value=form.idea error=err("idea")/>
                <LanguageBoxes chosen=form.languages error=err("languages")/>
                <div class="form-grid">
                    <SelectField id="heard_via" label=IlKey::HeardVia value=form.heard_via options=heard empty=PublicKey::Optional error=err("heard_via")/>
                    <Show when=move || !form.heard_via.with(String::is_empty)>
                        <TextField id="heard_via_detail" label=IlKey::HeardViaDetail hint=PublicKey::Optional value=form.heard_via_detail error=err("heard_via_detail")/>
                    </Show>
                </div>
            </fieldset>
            <PrivacyConsent consent=form.consent version=form.notice_version error=err("consent")/>
            <Honeypot value=form.website/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(PublicKey::Sending) } else { i18n.t(IlKey::SubmitApply) }}
                </button>
            </div>
        </form>
    }
}

/// The languages as boxes to tick, each ticked one with its level.
#[component]
fn LanguageBoxes(
    chosen: RwSignal<Vec<(&'static str, LanguageLevel)>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let level_of = move |code: &'static str| {
        chosen.with(|list| list.iter().find(|(c, _)| *c == code).map(|(_, l)| *l))
    };
    let rows = LANGUAGES
        .iter()
        .map(|&code| {
            let box_id = format!("language-{code}");
            let box_for = box_id.clone();
            let level_id = format!("language-level-{code}");
            let level_for = level_id.clone();
            view! {
                <li class="language-choice">
                    <label class="check" for=box_for>
                        <input
                            type="checkbox"
                            id=box_id
                            value=code
                            prop:checked=move || level_of(code).is_some()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|list| {
                                    list.retain(|(c, _)| *c != code);
                                    if on {
                                        list.push((code, LanguageLevel::Intermediate));
                                        list.sort_by_key(|(c, _)| LANGUAGES.iter().position(|l| l == c));
                                    }
                                });
                            }
                        />
                        <span>{move || language_name(i18n.lang.get(), code)}</span>
                    </label>
                    <Show when=move || level_of(code).is_some()>
                        <div class="field inline-field">
                            <label for=level_for.clone()>
                                {move || i18n.tf(IlKey::LanguageLevelOf, &[("language", &language_name(i18n.lang.get(), code))])}
                            </label>
                            <select
                                id=level_for.clone()
                                on:change=move |ev| {
                                    if let Ok(l) = event_target_value(&ev).parse::<LanguageLevel>() {
                                        chosen.update(|list| {
                                            if let Some(entry) = list.iter_mut().find(|(c, _)| *c == code) {
                                                entry.1 = l;
                                            }
                                        });
                                    }
                                }
                            >
                                {LanguageLevel::ALL.iter().map(|&l| view! {
                                    <option value=l.as_str() selected=move || level_of(code) == Some(l)>
                                        {move || i18n.t(language_level_key(l))}
                                    </option>
                                }).collect_view()}
                            </select>
                        </div>
                    </Show>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choice languages-choice" class:field-invalid=move || error.with(Option::is_some)>
            <legend>{move || i18n.t(IlKey::LanguagesLegend)}</legend>
            <p class="hint">{move || i18n.t(IlKey::LanguagesHint)}</p>
            <ul class="plain language-choices">{rows}</ul>
            {move || error.get().map(|m| view! { <p class="field-error" id="languages-error">{m}</p> })}
        </fieldset>
    }
}

#[component]
fn Confirmation(done: Done, form: ApplyForm) -> impl IntoView {
    let i18n = use_i18n();
    let contact = done.contact.clone();
    view! {
        <section class="card confirmation" aria-labelledby="confirm-title">
            <h2 id="confirm-title" tabindex="-1">{move || i18n.t(IlKey::ApplyDoneTitle)}</h2>
            <p lang=done.lang.code()>{done.message.clone()}</p>
            <p>{move || i18n.t(IlKey::ApplyNextSteps)}</p>
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
                        focus_id_later("first_name");
                    }
                >
                    {move || i18n.t(IlKey::ApplyAgain)}
                </button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_holds_what_was_typed_and_nothing_more() {
        let typed = ApplyTyped {
            first_name: " Samira ".into(),
            email: "samira@example.org".into(),
            profile: Some(Category::Newcomer),
            arrival_year: "2023".into(),
            idea: "  Un traiteur syrien  ".into(),
            languages: vec![("ar", LanguageLevel::Native), ("fr", LanguageLevel::Basic)],
            heard_via: "partner_organisation".into(),
            heard_via_detail: " CPAS de Liège ".into(),
            consent: true,
            ..ApplyTyped::default()
        };
        let r = typed.request(Lang::Ar, "2026-11");
        assert_eq!(r.first_name, "Samira");
        assert_eq!(r.idea, "Un traiteur syrien");
        assert_eq!(r.arrival_year, Some(2023));
        assert_eq!(r.languages.len(), 2);
        assert_eq!(r.languages[0].language, "ar");
        assert_eq!(r.heard_via, Some(HeardVia::PartnerOrganisation));
        assert_eq!(r.heard_via_detail.as_deref(), Some("CPAS de Liège"));
        assert_eq!((r.lang, r.notice_version.as_str()), (Lang::Ar, "2026-11"));
        assert_eq!(r.website, None);

        let local = ApplyTyped {
            profile: Some(Category::Local),
            heard_via: String::new(),
            ..typed
        }
        .request(Lang::Fr, "v");
        assert_eq!(local.arrival_year, None, "only newcomers give a year");
        assert_eq!(local.heard_via_detail, None, "no detail without an answer");
    }

    #[test]
    fn every_field_and_language_is_listed_once() {
        let mut names = FIELDS.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FIELDS.len());
        let mut codes = LANGUAGES.to_vec();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), LANGUAGES.len());
    }
}
