//! The Administration section's own menu: its pages side by side, the current one marked.

use leptos::prelude::*;

use crate::i18n::accounts::AccountsKey;
use crate::i18n::common::CommonKey;
use crate::i18n::people_admin::PaKey;
use crate::i18n::Text;
use crate::locale::use_i18n;
use crate::routes::{ADMIN_ACCOUNTS, ADMIN_RETENTION};

/// Links to the Administration pages; `current` is the page showing them.
#[component]
pub fn AdminTabs(current: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let pages: [(&'static str, Text); 2] = [
        (ADMIN_ACCOUNTS, AccountsKey::AccountsTitle.into()),
        (ADMIN_RETENTION, PaKey::RetentionLink.into()),
    ];
    view! {
        <nav class="admin-tabs" aria-label=move || i18n.t(CommonKey::NavAdmin)>
            <ul>
                {pages
                    .into_iter()
                    .map(|(path, label)| {
                        view! {
                            <li>
                                <a href=path aria-current=(path == current).then_some("page")>
                                    {move || label.get(i18n.lang.get())}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
