//! The interface language (remembered in `localStorage`, which holds nothing else) and dates
//! shown in Brussels time, formatted by the browser's `Intl` for the language.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use shared::Lang;

use crate::i18n::common::CommonKey;
use crate::i18n::{locale, t, Text};

/// `localStorage` key of the chosen language.
pub const LANG_STORAGE_KEY: &str = "interra.lang";
/// Time zone of every date shown.
pub const TIME_ZONE: &str = "Europe/Brussels";

/// The language context: a signal plus catalogue look-ups that track it.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// The message for `key` in the current language (tracked).
    pub fn t(&self, key: impl Into<Text>) -> &'static str {
        t(self.lang.get(), key)
    }

    /// Same as [`I18n::t`] with placeholders filled.
    pub fn tf(&self, key: impl Into<Text>, args: &[(&str, &str)]) -> String {
        crate::i18n::tf(self.lang.get(), key, args)
    }

    pub fn date(&self, dt: &DateTime<Utc>) -> String {
        format_datetime(self.lang.get(), dt)
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The stored language choice, else French.
pub fn initial_lang(stored: Option<&str>) -> Lang {
    stored.and_then(Lang::from_tag).unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn load_lang() -> Lang {
    let stored = storage().and_then(|s| s.get_item(LANG_STORAGE_KEY).ok().flatten());
    initial_lang(stored.as_deref())
}

pub fn save_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_STORAGE_KEY, lang.code());
    }
}

/// Sets `<html lang dir>` for `lang`.
pub fn apply_to_document(lang: Lang) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", lang.code());
        let _ = html.set_attribute("dir", lang.dir());
    }
}

/// The document title for a page: `<page> · Interra`.
pub fn page_title(lang: Lang, page: impl Into<Text>) -> String {
    format!("{} · {}", t(lang, page), t(lang, CommonKey::AppName))
}

/// Keeps the document title on `page` (in the current language) while the calling page is shown.
pub fn use_page_title(page: impl Into<Text>) {
    let i18n = use_i18n();
    let page = page.into();
    Effect::new(move |_| {
        let title = page_title(i18n.lang.get(), page);
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
}

/// A date and time in Brussels, e.g. `26 nov. 2026, 15:04` in French.
pub fn format_datetime(lang: Lang, dt: &DateTime<Utc>) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        // Milliseconds since the epoch fit f64 exactly for any realistic date.
        #[allow(clippy::cast_precision_loss)]
        let millis = dt.timestamp_millis() as f64;
        let date = js_sys::Date::new(&JsValue::from_f64(millis));
        let options = js_sys::Object::new();
        for (k, v) in [
            ("timeZone", TIME_ZONE),
            ("dateStyle", "medium"),
            ("timeStyle", "short"),
        ] {
            let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        date.to_locale_string(locale(lang), &options).into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = locale(lang);
        dt.format("%Y-%m-%d %H:%M UTC").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_titles_name_the_page_then_the_app() {
        assert_eq!(
            page_title(Lang::En, crate::i18n::accounts::AccountsKey::AccountsTitle),
            "Team accounts · Interra"
        );
        assert_eq!(
            page_title(Lang::Ar, CommonKey::NavHome),
            "الرئيسية · إنتيرا"
        );
    }

    #[test]
    fn french_is_the_default_language() {
        assert_eq!(initial_lang(None), Lang::Fr);
        assert_eq!(initial_lang(Some("xx")), Lang::Fr);
        assert_eq!(initial_lang(Some("ar")), Lang::Ar);
        assert_eq!(initial_lang(Some("nl-BE")), Lang::Nl);
    }
}
