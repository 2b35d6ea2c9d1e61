//! The registration part of the event page: the form, the refusal when registration has just closed, and the confirmation.

use super::super::{
    explain, format_when, typed_contact, AboutYou, ContactDetails, Honeypot, PrivacyConsent,
};
use super::{Done, RegistrationForm, FIELDS};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::focus_id_later;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::i18n::public::PublicKey;
use crate::locale::use_i18n;
use crate::routes::SIGNUP;
use leptos::prelude::*;
use shared::activities::{
    PublicEvent, PublicRegistration, PublicRegistrationReceipt, RegistrationStatus,
};
use shared::{ErrorCode, Lang};
use uuid::Uuid;

#[component]
pub(super) fn RegistrationFormView(
    id: Uuid,
    full: bool,
    form: RegistrationForm,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let submit = use_submit(
        form.errors,
        &FIELDS,
        move |body: PublicRegistration| async move {
            let lang = i18n.lang.get_untracked();
            api.register_public(id, &body)
                .await
                .map_err(|err| explain(err, lang))
        },
        move |receipt: PublicRegistrationReceipt| {
            let typed = form.typed();
            form.done.set(Some(Done {
                status: receipt.status,
                message: receipt.message,
                lang: i18n.lang.get_untracked(),
                contact: typed_contact(&typed.email, &typed.phone),
            }));
            form.clear();
            focus_id_later("confirm-title");
            reload.run(());
        },
    )
    .on_refused(move |err| {
        if err.code() != Some(ErrorCode::Conflict) {
            return false;
        }
        // Registration closed between loading the page and sending the form.
        let lang = i18n.lang.get_untracked();
        form.errors.set(FormErrors::from_error(
            &ApiError::Problem(Box::new(closed_problem(lang))),
            &FIELDS,
            lang,
        ));
        reload.run(());
        true
    });
    let pending = submit.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        form.errors.set(FormErrors::default());
        let version = form.notice_version.get_untracked().unwrap_or_default();
        submit.dispatch(
            form.typed()
                .registration(i18n.lang.get_untracked(), &version),
        );
    };
    let err = move |name: &'static str| Signal::derive(move || form.errors.with(|e| e.field(name)));

    view! {
        <p class="lead">{move || i18n.t(PublicKey::RegisterIntro)}</p>
        {full.then(|| view! { <p class="alert-warn waitlist-notice">{move || i18n.t(PublicKey::WaitlistNotice)}</p> })}
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
            <ContactDetails email=form.email phone=form.phone errors=form.errors/>
            <PrivacyConsent consent=form.consent version=form.notice_version error=err("consent")/>
            <Honeypot value=form.website/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(PublicKey::Sending) } else { i18n.t(PublicKey::SubmitRegistration) }}
                </button>
            </div>
        </form>
    }
}

/// The problem shown when registration closed in the meantime (409 from the server).
pub(super) fn closed_problem(lang: Lang) -> shared::Problem {
    serde_json::from_value(serde_json::json!({
        "type": ErrorCode::Conflict.type_uri(),
        "title": crate::i18n::t(lang, PublicKey::RegistrationJustClosed),
        "status": 409,
        "code": ErrorCode::Conflict,
    }))
    .unwrap_or_else(|_| unreachable!("a static problem document parses"))
}

#[component]
pub(super) fn Confirmation(
    done: Done,
    form: RegistrationForm,
    event: Memo<Option<PublicEvent>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let waitlisted = done.status == RegistrationStatus::Waitlisted;
    let contact = done.contact.clone();
    // What to keep from this page: when, where, and the event for one's calendar.
    let reminder = event.get_untracked().map(|e| {
        let (start, end, id) = (e.start, e.end, e.id);
        let place = e
            .venue
            .as_ref()
            .map(|v| {
                [Some(v.name.clone()), v.street.clone(), v.locality.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .or_else(|| e.online_url.as_ref().map(|_| i18n.t(PublicKey::Online).to_owned()));
        view! {
            <dl class="facts confirm-facts">
                <dt>{move || i18n.t(PublicKey::When)}</dt>
                <dd>{move || format_when(i18n.lang.get(), &start, &end)}</dd>
                {place.map(|p| view! {
                    <dt>{move || i18n.t(PublicKey::Where)}</dt>
                    <dd><bdi>{p}</bdi></dd>
                })}
            </dl>
            <p>
                <a class="button" href=move || super::links::calendar_path(id, i18n.lang.get()) download="">
                    {move || i18n.t(PublicKey::AddToCalendar)}
                </a>
            </p>
        }
    });
    view! {
        <div class="confirmation" class:confirmation-waitlist=waitlisted>
            <h3 id="confirm-title" tabindex="-1">
                {move || i18n.t(if waitlisted { PublicKey::WaitlistedTitle } else { PublicKey::RegisteredTitle })}
            </h3>
            <p lang=done.lang.code()>{done.message.clone()}</p>
            {waitlisted.then(|| view! { <p>{move || i18n.t(PublicKey::WaitlistExplained)}</p> })}
            {reminder}
            {(!contact.is_empty()).then(|| view! {
                <p>{move || i18n.t(PublicKey::ContactEcho)} " " <bdi class="echo">{contact.clone()}</bdi></p>
            })}
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        form.done.set(None);
                        focus_id_later("first_name");
                    }
                >
                    {move || i18n.t(PublicKey::RegisterSomeoneElse)}
                </button>
                <a class="button" href=SIGNUP>{move || i18n.t(PublicKey::JoinLink)}</a>
            </div>
        </div>
    }
}
