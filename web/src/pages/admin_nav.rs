//! The administration menu: the admin pages (accounts, audit log, data retention), as a row of
//! links on top of each of them.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::team::TeamKey;
use crate::locale::use_i18n;
use crate::routes::{ADMIN_ACCOUNTS, ADMIN_AUDIT, ADMIN_RETENTION};

/// The admin pages, in menu order.
pub const ADMIN_PAGES: [(&str, TeamKey); 3] = [
    (ADMIN_ACCOUNTS, TeamKey::AdminAccounts),
    (ADMIN_AUDIT, TeamKey::AdminAudit),
    (ADMIN_RETENTION, TeamKey::AdminRetention),
];

#[component]
pub fn AdminNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="admin-nav" aria-label=move || i18n.t(TeamKey::AdminMenu)>
            <ul>
                {ADMIN_PAGES
                    .iter()
                    .map(|&(path, key)| view! { <li><A href=path>{move || i18n.t(key)}</A></li> })
                    .collect_view()}
            </ul>
        </nav>
    }
}
