//! Small building blocks shared by the pages.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::i18n::{Key, Text};
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{login_path, HOME};
use crate::session::{Session, SignedOutReason, Status};

/// A labelled text input with an optional hint and the server's message for it, linked to the
/// input through `aria-describedby` and flagged with `aria-invalid`.
#[component]
pub fn TextField(
    /// The input's id (also used for the hint and error ids).
    id: &'static str,
    #[prop(into)] label: Text,
    value: RwSignal<String>,
    /// `text` when empty.
    #[prop(optional)]
    input_type: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional, into)] hint: Option<Text>,
    #[prop(optional)] required: bool,
    /// The error shown under the input.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let input_type = if input_type.is_empty() {
        "text"
    } else {
        input_type
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id>{move || i18n.t(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || i18n.t(h)}</p> })}
            <input
                id=id
                name=id
                type=input_type
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                required=required
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
                bind:value=value
            />
            {move || {
                error
                    .get()
                    .map(|msg| {
                        view! {
                            <p class="field-error" id=error_id.clone()>
                                {msg}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// A visible, dismissable error message (announced by screen readers when it appears).
#[component]
pub fn ErrorAlert(
    #[prop(into)] message: Signal<Option<String>>,
    /// Called when the user dismisses the message.
    on_dismiss: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let on_dismiss = std::sync::Arc::new(on_dismiss);
    view! {
        <div class="alert-slot" role="alert">
            {move || {
                let on_dismiss = on_dismiss.clone();
                message
                    .get()
                    .map(|msg| {
                        view! {
                            <div class="alert alert-error">
                                <p>{msg}</p>
                                <button
                                    type="button"
                                    class="alert-dismiss"
                                    aria-label=move || i18n.t(Key::Dismiss)
                                    title=move || i18n.t(Key::Dismiss)
                                    on:click=move |_| on_dismiss()
                                >
                                    <span aria-hidden="true">"×"</span>
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// A polite success or information message.
#[component]
pub fn StatusMessage(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div class="status-slot" role="status">
            {move || message.get().map(|msg| view! { <p class="alert alert-ok">{msg}</p> })}
        </div>
    }
}

/// A loading indicator for data views.
#[component]
pub fn Loading(#[prop(optional, into)] label: Option<Text>) -> impl IntoView {
    let i18n = use_i18n();
    let label = label.unwrap_or(Key::Loading.into());
    view! {
        <p class="loading" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {move || i18n.t(label)}
        </p>
    }
}

/// The error block of a failed load, with a button to try again.
#[component]
pub fn LoadError(message: String, retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="alert alert-error" role="alert">
            <p>{message}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {move || i18n.t(Key::Retry)}
            </button>
        </div>
    }
}

/// What a data view shows of its resource: a spinner while it loads, the error with a retry
/// button when it failed, `ready`'s view once it is there.
pub fn load_state<T>(
    state: Option<Result<T, crate::api::ApiError>>,
    retry: impl Fn() + Send + Sync + 'static,
    ready: impl FnOnce(T) -> AnyView,
) -> AnyView {
    match state {
        None => view! { <Loading/> }.into_any(),
        Some(Err(err)) => {
            let message = err.message(use_i18n().lang.get());
            view! { <LoadError message retry=Callback::new(move |()| retry())/> }.into_any()
        }
        Some(Ok(value)) => ready(value),
    }
}

/// "Page N of M" between previous and next buttons, under a paginated list.
#[component]
pub fn Pager(
    page: u32,
    pages: u32,
    has_prev: bool,
    has_next: bool,
    /// Called with the page to show.
    go: Callback<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="pager" aria-label=move || i18n.t(Key::Pagination)>
            <button type="button" class="button" disabled=!has_prev on:click=move |_| go.run(page.saturating_sub(1).max(1))>
                <span aria-hidden="true" class="dir-arrow">"←"</span>
                " "
                {move || i18n.t(Key::PreviousPage)}
            </button>
            <span class="pager-status">
                {move || i18n.tf(Key::PageOf, &[("page", &page.to_string()), ("pages", &pages.to_string())])}
            </span>
            <button type="button" class="button" disabled=!has_next on:click=move |_| go.run(page + 1)>
                {move || i18n.t(Key::NextPage)}
                " "
                <span aria-hidden="true" class="dir-arrow">"→"</span>
            </button>
        </nav>
    }
}

/// Shows `children` to a signed-in user (an admin when `admin_only`); sends anyone else to the
/// sign-in page, remembering this page unless they signed out themselves.
#[component]
pub fn RequireAuth(#[prop(optional)] admin_only: bool, children: ChildrenFn) -> impl IntoView {
    let session = expect_context::<Session>();
    let location = use_location();
    let navigate = use_navigate();
    let status = Memo::new(move |_| session.status());
    Effect::new(move |_| {
        if let Status::SignedOut(reason) = status.get() {
            let target = if reason == SignedOutReason::Manual {
                login_path(HOME)
            } else {
                let here = format!(
                    "{}{}",
                    location.pathname.get_untracked(),
                    location.search.get_untracked()
                );
                login_path(&here)
            };
            navigate(
                &target,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    move || match status.get() {
        Status::Restoring => view! { <Loading label=Key::RestoringSession/> }.into_any(),
        Status::SignedOut(_) => ().into_any(),
        Status::SignedIn(role) if admin_only && !role.manages_accounts() => {
            view! { <Forbidden/> }.into_any()
        }
        Status::SignedIn(_) => children().into_any(),
    }
}

#[component]
pub fn Forbidden() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::ForbiddenTitle);
    view! {
        <section class="page narrow" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(Key::ForbiddenTitle)}</h1>
            <p>{move || i18n.t(Key::ForbiddenBody)}</p>
            <p>
                <a href=HOME>{move || i18n.t(Key::BackHome)}</a>
            </p>
        </section>
    }
}
