//! Small building blocks shared by the pages.

pub mod dom;
pub mod form;
pub mod load;
pub mod share;

pub use load::Loading;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::i18n::common::CommonKey;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{login_path, HOME};
use crate::session::{Session, SignedOutReason, Status};

/// A polite success or information message.
#[component]
pub fn StatusMessage(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div class="status-slot" role="status">
            {move || message.get().map(|msg| view! { <p class="alert alert-ok">{msg}</p> })}
        </div>
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
        <nav class="pager" aria-label=move || i18n.t(CommonKey::Pagination)>
            <button type="button" class="button" disabled=!has_prev on:click=move |_| go.run(page.saturating_sub(1).max(1))>
                <span aria-hidden="true" class="dir-arrow">"←"</span>
                " "
                {move || i18n.t(CommonKey::PreviousPage)}
            </button>
            <span class="pager-status">
                {move || i18n.tf(CommonKey::PageOf, &[("page", &page.to_string()), ("pages", &pages.to_string())])}
            </span>
            <button type="button" class="button" disabled=!has_next on:click=move |_| go.run(page + 1)>
                {move || i18n.t(CommonKey::NextPage)}
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
        Status::Restoring => view! { <Loading label=CommonKey::RestoringSession/> }.into_any(),
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
    use_page_title(CommonKey::ForbiddenTitle);
    view! {
        <section class="page narrow" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(CommonKey::ForbiddenTitle)}</h1>
            <p>{move || i18n.t(CommonKey::ForbiddenBody)}</p>
            <p>
                <a href=HOME>{move || i18n.t(CommonKey::BackHome)}</a>
            </p>
        </section>
    }
}
