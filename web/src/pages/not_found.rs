//! Any address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::common::CommonKey;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::HOME;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(CommonKey::NotFoundTitle);
    view! {
        <section class="page narrow" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(CommonKey::NotFoundTitle)}</h1>
            <p>{move || i18n.t(CommonKey::NotFoundBody)}</p>
            <p>
                <A href=HOME>{move || i18n.t(CommonKey::BackHome)}</A>
            </p>
        </section>
    }
}
