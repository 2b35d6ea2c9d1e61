//! The person page's forms: add a membership, record or withdraw a consent, anonymise.

use super::{confirmation_ok, CONFIRMATION_WORD};
use crate::api::use_api;
use crate::components::form::ErrorAlert;
use crate::i18n::people::PeopleKey;
use crate::i18n::person::PersonKey;
use crate::i18n::vocabulary::consent_method_key;
use crate::i18n::vocabulary::membership_status_key;
use crate::i18n::vocabulary::programme_key;
use crate::i18n::vocabulary::programme_role_key;
use crate::i18n::vocabulary::purpose_key;
use crate::locale::use_i18n;
use leptos::prelude::*;
use shared::consent::{ConsentInput, ConsentMethod, ConsentPurpose};
use shared::people::{
    AnonymiseRequest, MembershipInput, MembershipStatus, Person, Programme, ProgrammeRole,
    TextMention,
};
use shared::Lang;
use uuid::Uuid;

/// A small form under the memberships: programme, role and state (started today).
#[component]
pub(super) fn AddMembership(
    person: Person,
    latest: RwSignal<Option<Person>>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = person.id;
    let person = StoredValue::new(person);
    let programme = RwSignal::new(Programme::Interact);
    let role = RwSignal::new(ProgrammeRole::Participant);
    let state = RwSignal::new(MembershipStatus::Active);
    let error = RwSignal::new(None::<String>);
    let add = Action::new_local(move |body: &MembershipInput| {
        let body = body.clone();
        async move { api.add_membership(id, &body).await }
    });
    Effect::new(move |_| match add.value().get() {
        Some(Ok(m)) => {
            error.set(None);
            let mut p = person.get_value();
            p.memberships.push(m);
            status.set(Some(i18n.t(PeopleKey::MembershipAdded).to_string()));
            latest.set(Some(p));
        }
        Some(Err(err)) => error.set(Some(err.message(i18n.lang.get_untracked()))),
        None => {}
    });
    let pending = add.pending();
    view! {
        <details class="add-membership">
            <summary>{move || i18n.t(PeopleKey::AddMembership)}</summary>
            <ErrorAlert message=error on_dismiss=move || error.set(None)/>
            <form
                class="form"
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    add.dispatch(MembershipInput {
                        programme: programme.get_untracked(),
                        role: role.get_untracked(),
                        status: state.get_untracked(),
                        started_on: None,
                        ended_on: None,
                    });
                }
            >
                <div class="field">
                    <label for="m-programme">{move || i18n.t(PersonKey::Programme)}</label>
                    <select id="m-programme" on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse() { programme.set(v) }
                    }>
                        {Programme::ALL.iter().map(|&v| view! {
                            <option value=v.as_str() selected=move || programme.get() == v>{move || i18n.t(programme_key(v))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="m-role">{move || i18n.t(PersonKey::RoleInProgramme)}</label>
                    <select id="m-role" on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse() { role.set(v) }
                    }>
                        {ProgrammeRole::ALL.iter().map(|&v| view! {
                            <option value=v.as_str() selected=move || role.get() == v>{move || i18n.t(programme_role_key(v))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="m-status">{move || i18n.t(PersonKey::MembershipState)}</label>
                    <select id="m-status" on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse() { state.set(v) }
                    }>
                        {MembershipStatus::ALL.iter().map(|&v| view! {
                            <option value=v.as_str() selected=move || state.get() == v>{move || i18n.t(membership_status_key(v))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || pending.get()>
                        {move || i18n.t(PeopleKey::AddMembership)}
                    </button>
                </div>
            </form>
        </details>
    }
}

/// Records a consent given on paper or orally (the staff member is recorded by the API), with
/// the current privacy notice's version in the language it was shown in.
#[component]
pub(super) fn AddConsent(
    id: Uuid,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let purpose = RwSignal::new(ConsentPurpose::ProgrammeData);
    let notice_lang = RwSignal::new(i18n.lang.get_untracked());
    let method = RwSignal::new(ConsentMethod::PaperForm);
    let error = RwSignal::new(None::<String>);
    let add = Action::new_local(move |_: &()| {
        let (purpose, lang, method) = (
            purpose.get_untracked(),
            notice_lang.get_untracked(),
            method.get_untracked(),
        );
        async move {
            let notice = api.privacy_notice(lang).await?;
            api.add_consent(
                id,
                &ConsentInput {
                    purpose,
                    notice_version: notice.version,
                    notice_lang: lang,
                    method,
                    given_at: None,
                },
            )
            .await
        }
    });
    Effect::new(move |_| match add.value().get() {
        Some(Ok(_)) => {
            error.set(None);
            status.set(Some(i18n.t(PeopleKey::ConsentAdded).to_string()));
            reload.run(());
        }
        Some(Err(err)) => error.set(Some(err.message(i18n.lang.get_untracked()))),
        None => {}
    });
    let pending = add.pending();
    view! {
        <details class="add-membership add-consent">
            <summary>{move || i18n.t(PeopleKey::AddConsent)}</summary>
            <ErrorAlert message=error on_dismiss=move || error.set(None)/>
            <form
                class="form"
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    add.dispatch(());
                }
            >
                <div class="field">
                    <label for="c-purpose">{move || i18n.t(PersonKey::ConsentPurposeLabel)}</label>
                    <select id="c-purpose" on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse() { purpose.set(v) }
                    }>
                        {ConsentPurpose::ALL.iter().map(|&v| view! {
                            <option value=v.as_str() selected=move || purpose.get() == v>{move || i18n.t(purpose_key(v))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="c-lang">{move || i18n.t(PersonKey::NoticeLanguage)}</label>
                    <select id="c-lang" on:change=move |ev| {
                        if let Some(v) = Lang::from_tag(&event_target_value(&ev)) { notice_lang.set(v) }
                    }>
                        {Lang::ALL.into_iter().map(|v| view! {
                            <option value=v.code() lang=v.code() selected=move || notice_lang.get() == v>{v.native_name()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="c-method">{move || i18n.t(PersonKey::ConsentMethodLabel)}</label>
                    <select id="c-method" on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse() { method.set(v) }
                    }>
                        {ConsentMethod::ALL.iter().map(|&v| view! {
                            <option value=v.as_str() selected=move || method.get() == v>{move || i18n.t(consent_method_key(v))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || pending.get()>
                        {move || i18n.t(PeopleKey::AddConsent)}
                    </button>
                </div>
            </form>
        </details>
    }
}

#[component]
pub(super) fn Anonymise(
    id: Uuid,
    latest: RwSignal<Option<Person>>,
    status: RwSignal<Option<String>>,
    mentions: RwSignal<Vec<TextMention>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let run = Action::new_local(move |_: &()| async move {
        api.anonymise_person(
            id,
            &AnonymiseRequest {
                confirmation: CONFIRMATION_WORD.to_string(),
            },
        )
        .await
    });
    Effect::new(move |_| match run.value().get() {
        Some(Ok(done)) => {
            status.set(Some(i18n.t(PeopleKey::AnonymiseDone).to_string()));
            mentions.set(done.mentions);
            latest.set(Some(done.person));
        }
        Some(Err(err)) => error.set(Some(err.message(i18n.lang.get_untracked()))),
        None => {}
    });
    let pending = run.pending();
    view! {
        <section class="card danger-zone" aria-labelledby="anonymise-title">
            <h2 id="anonymise-title">{move || i18n.t(PeopleKey::AnonymiseTitle)}</h2>
            <p>{move || i18n.t(PeopleKey::AnonymiseWarning)}</p>
            <ErrorAlert message=error on_dismiss=move || error.set(None)/>
            <form
                class="form"
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    if confirmation_ok(i18n.lang.get_untracked(), &typed.get_untracked()) {
                        run.dispatch(());
                    }
                }
            >
                <div class="field">
                    <label for="anonymise-confirm">{move || i18n.tf(PeopleKey::AnonymiseConfirmLabel, &[("word", i18n.t(PeopleKey::AnonymiseWord))])}</label>
                    <input id="anonymise-confirm" type="text" autocomplete="off" spellcheck="false" bind:value=typed/>
                </div>
                <div class="actions">
                    <button
                        type="submit"
                        class="button danger"
                        disabled=move || pending.get() || !confirmation_ok(i18n.lang.get(), &typed.get())
                    >
                        {move || i18n.t(PeopleKey::AnonymiseSubmit)}
                    </button>
                </div>
            </form>
        </section>
    }
}
