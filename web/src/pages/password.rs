//! Password links: "forgot my password", the page a link opens to choose a new password, and
//! the link an administrator passes on to a colleague when no mail server is configured.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::auth::{PasswordResetConfirm, PasswordResetRequest};
use shared::users::PasswordLink;

use crate::api::{use_api, FormErrors};
use crate::components::form::{use_submit, ErrorAlert, TextField};
use crate::components::StatusMessage;
use crate::i18n::auth::AuthKey;
use crate::i18n::common::CommonKey;
use crate::i18n::password::PasswordKey;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{FORGOT_PASSWORD, LOGIN};

const FORGOT_FIELDS: [&str; 1] = ["email"];
const RESET_FIELDS: [&str; 2] = ["token", "new_password"];

/// `/forgot-password`: asks for a reset link. The answer is the same whether the address is an
/// account's or not.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(PasswordKey::ForgotTitle);
    let api = use_api();
    let email = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let sent = RwSignal::new(None::<String>);
    let submit = use_submit(
        errors,
        &FORGOT_FIELDS,
        move |req: PasswordResetRequest| async move { api.forgot_password(&req).await },
        move |()| sent.set(Some(i18n.t(PasswordKey::LinkOnItsWay).to_string())),
    );
    let pending = submit.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(FormErrors::default());
        sent.set(None);
        submit.dispatch(PasswordResetRequest {
            email: email.get_untracked().trim().to_string(),
            lang: i18n.lang.get_untracked(),
        });
    };
    view! {
        <section class="page narrow login" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(PasswordKey::ForgotTitle)}</h1>
            <p class="lead">{move || i18n.t(PasswordKey::ForgotIntro)}</p>
            <StatusMessage message=sent/>
            <ErrorAlert
                message=Signal::derive(move || errors.with(FormErrors::general))
                on_dismiss=move || errors.update(FormErrors::dismiss_general)
            />
            <form class="card form" on:submit=on_submit>
                <TextField
                    id="email"
                    label=CommonKey::Email
                    value=email
                    input_type="email"
                    autocomplete="username"
                    required=true
                    error=Signal::derive(move || errors.with(|e| e.field("email")))
                />
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(PasswordKey::Sending) } else { i18n.t(PasswordKey::SendLink) }}
                </button>
            </form>
            <p><a href=LOGIN>{move || i18n.t(PasswordKey::BackToSignIn)}</a></p>
        </section>
    }
}

/// `/reset-password?token=…`: the page a reset or invitation link opens.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(PasswordKey::ResetTitle);
    let api = use_api();
    let query = use_query_map();
    let token = query.with_untracked(|q| q.get("token")).unwrap_or_default();
    let has_token = !token.trim().is_empty();
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let done = RwSignal::new(None::<String>);
    let submit = use_submit(
        errors,
        &RESET_FIELDS,
        move |req: PasswordResetConfirm| async move { api.reset_password(&req).await },
        move |()| {
            password.set(String::new());
            done.set(Some(i18n.t(PasswordKey::PasswordSet).to_string()));
        },
    );
    let pending = submit.pending();
    // Stored: the form's handler is called again each time the form is drawn.
    let token = StoredValue::new(token);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(FormErrors::default());
        submit.dispatch(PasswordResetConfirm {
            token: token.get_value(),
            new_password: password.get_untracked(),
        });
    };
    // A refused link (used, expired) is said in the form's alert, with the way out.
    let token_error = Signal::derive(move || errors.with(|e| e.field("token")));
    view! {
        <section class="page narrow login" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(PasswordKey::ResetTitle)}</h1>
            <p class="lead">{move || i18n.t(PasswordKey::ResetIntro)}</p>
            <StatusMessage message=done/>
            <Show when=move || done.with(Option::is_some)>
                <p><a class="button primary" href=LOGIN>{move || i18n.t(AuthKey::SignIn)}</a></p>
            </Show>
            <Show
                when=move || has_token
                fallback=move || view! {
                    <p class="alert alert-error">{move || i18n.t(PasswordKey::NoToken)}</p>
                    <p><a href=FORGOT_PASSWORD>{move || i18n.t(PasswordKey::AskNewLink)}</a></p>
                }
            >
                <ErrorAlert
                    message=Signal::derive(move || errors.with(FormErrors::general))
                    on_dismiss=move || errors.update(FormErrors::dismiss_general)
                />
                {move || token_error.get().map(|m| view! {
                    <div class="alert alert-error" role="alert">
                        <p>{m}</p>
                        <p><a href=FORGOT_PASSWORD>{move || i18n.t(PasswordKey::AskNewLink)}</a></p>
                    </div>
                })}
                <Show when=move || done.with(Option::is_none)>
                    <form class="card form" on:submit=on_submit>
                        <TextField
                            id="new_password"
                            label=AuthKey::NewPassword
                            value=password
                            input_type="password"
                            autocomplete="new-password"
                            hint=AuthKey::PasswordHint
                            required=true
                            error=Signal::derive(move || errors.with(|e| e.field("new_password")))
                        />
                        <button type="submit" class="button primary" disabled=move || pending.get()>
                            {move || i18n.t(PasswordKey::SavePassword)}
                        </button>
                    </form>
                </Show>
            </Show>
        </section>
    }
}

/// What became of a link made for a colleague: emailed, or shown to pass on.
#[component]
pub fn LinkMade(name: String, link: PasswordLink) -> impl IntoView {
    let i18n = use_i18n();
    let until = link.expires_at;
    let name2 = name.clone();
    let message = move || {
        let date = i18n.date(&until);
        let key = if link.emailed {
            PasswordKey::LinkEmailed
        } else {
            PasswordKey::LinkToPass
        };
        i18n.tf(key, &[("name", &name2), ("date", &date)])
    };
    // A link without the server's public address is made absolute with the page's origin.
    let url = link.link.clone().map(|l| {
        if l.starts_with('/') {
            let origin = window().location().origin().unwrap_or_default();
            format!("{origin}{l}")
        } else {
            l
        }
    });
    view! {
        <div class="alert alert-ok password-link" role="status">
            <p>{message}</p>
            {url.map(|u| view! {
                <div class="field">
                    <label for="password-link">{move || i18n.tf(PasswordKey::LinkFor, &[("name", &name)])}</label>
                    <input
                        id="password-link"
                        type="text"
                        dir="ltr"
                        readonly=true
                        value=u
                        on:focus=move |ev| {
                            use wasm_bindgen::JsCast;
                            if let Some(input) = ev
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                            {
                                input.select();
                            }
                        }
                    />
                </div>
            })}
        </div>
    }
}
