//! Moving the focus where a person needs it next: the field in error, the heading of a new
//! block, the next input. The `*_later` forms wait for the next paint, so the element the
//! change has just drawn exists.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The first element matching a CSS selector, if it is an HTML element.
pub fn element(selector: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// The element with this id, if it is an HTML element.
pub fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Moves the keyboard focus to the element with this id now; whether it exists and took it.
pub fn focus_id(id: &str) -> bool {
    element_by_id(id).is_some_and(|el| el.focus().is_ok())
}

/// Moves the keyboard focus to the element with this id after the next paint.
pub fn focus_id_later(id: &'static str) {
    request_animation_frame(move || {
        focus_id(id);
    });
}

/// Moves the focus to the first input flagged invalid (after the page has redrawn), so the
/// person hears its message.
pub fn focus_first_error() {
    request_animation_frame(|| {
        if let Some(el) = element("main [aria-invalid=true]") {
            let _ = el.focus();
        }
    });
}
