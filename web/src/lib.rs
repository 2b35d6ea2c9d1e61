//! Interra's web app: a Leptos client-side-rendered single-page app, served by the API at `/`
//! and talking to it under `/api/v1` with the `shared` crate's types.
//!
//! Modules without browser needs (`i18n`, `routes`, the pure parts of `api`, `session` and
//! `locale`) are unit-tested natively with `cargo test -p web`.

pub mod api;
pub mod app;
pub mod components;
pub mod i18n;
pub mod locale;
pub mod pages;
pub mod routes;
pub mod session;

/// Replaces the page's loading placeholder with the app.
pub fn mount() {
    if let Some(placeholder) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        placeholder.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
