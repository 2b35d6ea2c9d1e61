//! The sign-in page.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::auth::LoginRequest;

use crate::api::{use_api, FormErrors};
use crate::components::StatusMessage;

use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::TextField;
use crate::i18n::auth::AuthKey;
use crate::i18n::common::CommonKey;
use crate::i18n::password::PasswordKey;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::public::VisitorLinks;
use crate::routes::{safe_next, FORGOT_PASSWORD};
use crate::session::{SignedOutReason, Status};

const FIELDS: [&str; 2] = ["email", "password"];

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(AuthKey::SignInTitle);
    let api = use_api();
    let query = use_query_map();
    let navigate = use_navigate();

    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());

    let status = Memo::new(move |_| api.session.status());
    // Signed in (just now, or already when arriving here): go where the user wanted to go.
    Effect::new(move |_| {
        if let Status::SignedIn(_) = status.get() {
            let next = safe_next(query.with_untracked(|q| q.get("next")).as_deref());
            navigate(
                &next,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    // Signing in starts the session; the effect above then leaves the page.
    let login = use_submit(
        errors,
        &FIELDS,
        move |req: LoginRequest| async move { api.login(&req).await },
        |_| {},
    )
    .on_refused(move |_| {
        // A refused password is typed again from scratch.
        password.set(String::new());
        false
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(FormErrors::default());
        login.dispatch(LoginRequest {
            email: email.get_untracked().trim().to_string(),
            password: password.get_untracked(),
        });
    };

    let notice = Signal::derive(move || match status.get() {
        Status::SignedOut(SignedOutReason::Expired) => {
            Some(i18n.t(AuthKey::SessionExpired).to_string())
        }
        Status::SignedOut(SignedOutReason::Manual) => Some(i18n.t(AuthKey::SignedOut).to_string()),
        _ => None,
    });
    let pending = login.pending();

    view! {
        <section class="page narrow login" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(AuthKey::SignInTitle)}</h1>
            <p class="lead">{move || i18n.t(AuthKey::SignInIntro)}</p>
            <StatusMessage message=notice/>
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
                <TextField
                    id="password"
                    label=AuthKey::Password
                    value=password
                    input_type="password"
                    autocomplete="current-password"
                    required=true
                    error=Signal::derive(move || errors.with(|e| e.field("password")))
                />
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || {
                        if pending.get() { i18n.t(AuthKey::SigningIn) } else { i18n.t(AuthKey::SignIn) }
                    }}
                </button>
                <p class="forgot"><a href=FORGOT_PASSWORD>{move || i18n.t(PasswordKey::ForgotLink)}</a></p>
            </form>
            <VisitorLinks/>
        </section>
    }
}
