//! The signed-in user's account (`/account`): who they are, their role, and their password.
//! (It was the home page until the home page listed what needs the user this week.)

use leptos::prelude::*;
use shared::auth::ChangePasswordRequest;

use crate::api::{use_api, FormErrors};
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::TextField;
use crate::components::StatusMessage;
use crate::i18n::auth::role_key;
use crate::i18n::auth::AuthKey;
use crate::i18n::common::CommonKey;
use crate::i18n::home::HomeKey;
use crate::locale::{use_i18n, use_page_title};

const PASSWORD_FIELDS: [&str; 2] = ["current_password", "new_password"];

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(HomeKey::AccountTitle);
    let api = use_api();
    let user = Memo::new(move |_| api.session.user());

    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(HomeKey::AccountTitle)}</h1>
            <div class="grid">
                <section class="card" aria-labelledby="account-title">
                    <h2 id="account-title">{move || i18n.t(AuthKey::YourAccount)}</h2>
                    <dl class="facts">
                        <dt>{move || i18n.t(CommonKey::Email)}</dt>
                        <dd>
                            <bdi>{move || user.with(|u| u.as_ref().map(|u| u.email.clone()))}</bdi>
                        </dd>
                        <dt>{move || i18n.t(AuthKey::Role)}</dt>
                        <dd>{move || user.with(|u| u.as_ref().map(|u| i18n.t(role_key(u.role))))}</dd>
                        <dt>{move || i18n.t(AuthKey::LastLogin)}</dt>
                        <dd>
                            {move || {
                                user.with(|u| {
                                    u.as_ref()
                                        .and_then(|u| u.last_login_at.as_ref())
                                        .map(|d| i18n.date(d))
                                        .unwrap_or_else(|| i18n.t(AuthKey::Never).to_string())
                                })
                            }}
                        </dd>
                    </dl>
                </section>
                <ChangePassword/>
            </div>
        </section>
    }
}

#[component]
fn ChangePassword() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let done = RwSignal::new(None::<String>);

    let change = use_submit(
        errors,
        &PASSWORD_FIELDS,
        move |req: ChangePasswordRequest| async move { api.change_password(&req).await },
        move |()| {
            current.set(String::new());
            new.set(String::new());
            done.set(Some(i18n.t(AuthKey::PasswordChanged).to_string()));
        },
    );
    let pending = change.pending();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        change.dispatch(ChangePasswordRequest {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        });
    };

    view! {
        <section class="card" aria-labelledby="password-title">
            <h2 id="password-title" tabindex="-1">{move || i18n.t(AuthKey::ChangeYourPassword)}</h2>
            <StatusMessage message=done/>
            <ErrorAlert
                message=Signal::derive(move || errors.with(FormErrors::general))
                on_dismiss=move || errors.update(FormErrors::dismiss_general)
            />
            <form class="form" on:submit=on_submit>
                <TextField
                    id="current_password"
                    label=AuthKey::CurrentPassword
                    value=current
                    input_type="password"
                    autocomplete="current-password"
                    required=true
                    error=Signal::derive(move || errors.with(|e| e.field("current_password")))
                />
                <TextField
                    id="new_password"
                    label=AuthKey::NewPassword
                    value=new
                    input_type="password"
                    autocomplete="new-password"
                    hint=AuthKey::PasswordHint
                    required=true
                    error=Signal::derive(move || errors.with(|e| e.field("new_password")))
                />
                <button type="submit" class="button" disabled=move || pending.get()>
                    {move || {
                        if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(AuthKey::ChangePasswordSubmit) }
                    }}
                </button>
            </form>
        </section>
    }
}
