//! One way to show what a page or a section loads: a spinner while it loads, the error with a
//! retry button when it failed (a "not found" heading instead when the resource does not exist),
//! the view once it is there.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::common::CommonKey;
use crate::i18n::Text;
use crate::locale::use_i18n;

/// A loading indicator for data views.
#[component]
pub fn Loading(#[prop(optional, into)] label: Option<Text>) -> impl IntoView {
    let i18n = use_i18n();
    let label = label.unwrap_or(CommonKey::Loading.into());
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
                {move || i18n.t(CommonKey::Retry)}
            </button>
        </div>
    }
}

/// What a data view shows of its resource: a spinner while it loads, the error with a retry
/// button when it failed, `ready`'s view once it is there.
pub fn load_state<T>(
    state: Option<Result<T, ApiError>>,
    retry: impl Fn() + Send + Sync + 'static,
    ready: impl FnOnce(T) -> AnyView,
) -> AnyView {
    match state {
        None => view! { <Loading/> }.into_any(),
        Some(Err(err)) => load_error(&err, retry),
        Some(Ok(value)) => ready(value),
    }
}

/// The headings of a page whose resource failed to load, so the page keeps a title.
#[derive(Clone, Copy)]
pub struct PageHeadings {
    /// The page's heading above the error and its retry button.
    pub failed: Text,
    /// The heading when the resource does not exist (no retry: it will not appear); `failed`
    /// when `None`.
    pub not_found: Option<Text>,
}

/// What a page shows of its resource: like [`load_state`], with the page's heading above a
/// failure and a "not found" heading alone for a resource that does not exist.
pub fn load_page<T>(
    state: Option<Result<T, ApiError>>,
    retry: impl Fn() + Send + Sync + 'static,
    headings: PageHeadings,
    ready: impl FnOnce(T) -> AnyView,
) -> AnyView {
    let i18n = use_i18n();
    match state {
        Some(Err(err)) if is_not_found(&err) && headings.not_found.is_some() => {
            let title = headings.not_found.unwrap_or(headings.failed);
            view! { <h1 id="page-title">{move || i18n.t(title)}</h1> }.into_any()
        }
        Some(Err(err)) => {
            let title = headings.failed;
            view! {
                <h1 id="page-title">{move || i18n.t(title)}</h1>
                {load_error(&err, retry)}
            }
            .into_any()
        }
        state => load_state(state, || {}, ready),
    }
}

/// The error of a failed load, with a retry button.
pub fn load_error(err: &ApiError, retry: impl Fn() + Send + Sync + 'static) -> AnyView {
    let message = err.message(use_i18n().lang.get());
    view! { <LoadError message retry=Callback::new(move |()| retry())/> }.into_any()
}

/// Whether the error is a "not found" (404), which pages show as such rather than as a failure.
pub fn is_not_found(err: &ApiError) -> bool {
    match err {
        ApiError::Problem(p) => p.code == shared::ErrorCode::NotFound || p.status == 404,
        ApiError::Status(s) => *s == 404,
        ApiError::Network => false,
    }
}
