//! The public pages, open without an account: the agenda of upcoming activities, an activity's
//! page with its registration form, and the sign-up form of the programmes. Shared here: the
//! form pieces both forms use (profile, privacy notice with consent, honeypot), dates in
//! Brussels time and language names.

pub mod agenda;
pub mod event;
pub mod signup;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use shared::people::Category;
use shared::Lang;

use crate::api::{use_api, ApiError, FormErrors};
use crate::components::Loading;
use crate::i18n::public::PublicKey;

use crate::components::form::TextField;
use crate::i18n::common::CommonKey;
use crate::i18n::person::PersonKey;
use crate::i18n::vocabulary::category_key;
use crate::locale::use_i18n;
use crate::routes::{EVENTS, LOGIN, SIGNUP};

/// The current instant (the browser's clock; `chrono`'s own clock is not available in the
/// WebAssembly build).
pub fn now_utc() -> DateTime<Utc> {
    #[cfg(target_arch = "wasm32")]
    {
        // Milliseconds since the epoch are integral and fit an i64.
        #[allow(clippy::cast_possible_truncation)]
        let millis = js_sys::Date::now() as i64;
        DateTime::from_timestamp_millis(millis).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Utc::now()
    }
}

/// Today's date in Brussels.
pub fn today_in_brussels() -> NaiveDate {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &options,
            &JsValue::from_str("timeZone"),
            &JsValue::from_str(crate::locale::TIME_ZONE),
        );
        // The Canadian English format is ISO 8601: `2026-12-05`.
        let text: String = js_sys::Date::new_0()
            .to_locale_date_string("en-CA", &options)
            .into();
        NaiveDate::parse_from_str(&text, "%Y-%m-%d").unwrap_or_else(|_| now_utc().date_naive())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        now_utc().date_naive()
    }
}

/// `dt` formatted in Brussels time by the browser's `Intl` with the given components.
#[cfg(target_arch = "wasm32")]
fn intl(lang: Lang, dt: &DateTime<Utc>, parts: &[(&str, &str)]) -> String {
    use wasm_bindgen::JsValue;
    // Milliseconds since the epoch fit f64 exactly for any realistic date.
    #[allow(clippy::cast_precision_loss)]
    let millis = dt.timestamp_millis() as f64;
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    let options = js_sys::Object::new();
    for (k, v) in std::iter::once(&("timeZone", crate::locale::TIME_ZONE)).chain(parts) {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    date.to_locale_string(crate::i18n::locale(lang), &options)
        .into()
}

/// When an activity happens, in Brussels time: `mercredi 9 décembre 2026, 18:00 – 20:00`, or
/// both dates in full when it ends on another day.
pub fn format_when(lang: Lang, start: &DateTime<Utc>, end: &DateTime<Utc>) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        const DAY: [(&str, &str); 4] = [
            ("weekday", "long"),
            ("day", "numeric"),
            ("month", "long"),
            ("year", "numeric"),
        ];
        const TIME: [(&str, &str); 2] = [("hour", "2-digit"), ("minute", "2-digit")];
        let iso = [
            ("year", "numeric"),
            ("month", "2-digit"),
            ("day", "2-digit"),
        ];
        let same_day = intl(Lang::En, start, &iso) == intl(Lang::En, end, &iso);
        if same_day {
            format!(
                // No line break inside the time range (a word joiner after the dash).
                "{}, {}\u{a0}–\u{2060}\u{a0}{}",
                intl(lang, start, &DAY),
                intl(lang, start, &TIME),
                intl(lang, end, &TIME)
            )
        } else {
            let full: Vec<(&str, &str)> = DAY.iter().chain(TIME.iter()).copied().collect();
            format!("{} – {}", intl(lang, start, &full), intl(lang, end, &full))
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        format!(
            "{} – {} UTC",
            start.format("%Y-%m-%d %H:%M"),
            end.format("%H:%M")
        )
    }
}

/// The name of a language (ISO 639 code) in `lang`, from the browser's `Intl.DisplayNames`;
/// the code itself when the browser does not know it.
pub fn language_name(lang: Lang, code: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        let name = (|| -> Option<String> {
            let intl = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
            let ctor: js_sys::Function =
                js_sys::Reflect::get(&intl, &JsValue::from_str("DisplayNames"))
                    .ok()?
                    .dyn_into()
                    .ok()?;
            let options = js_sys::Object::new();
            js_sys::Reflect::set(
                &options,
                &JsValue::from_str("type"),
                &JsValue::from_str("language"),
            )
            .ok()?;
            let locales = js_sys::Array::of1(&JsValue::from_str(crate::i18n::locale(lang)));
            let names =
                js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&locales, &options)).ok()?;
            let of: js_sys::Function = js_sys::Reflect::get(&names, &JsValue::from_str("of"))
                .ok()?
                .dyn_into()
                .ok()?;
            of.call1(&names, &JsValue::from_str(code)).ok()?.as_string()
        })();
        name.filter(|n| !n.trim().is_empty() && n != code)
            .unwrap_or_else(|| code.to_uppercase())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        code.to_uppercase()
    }
}

/// Sets the document title to `<text> · Interra`.
pub fn set_title(text: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{text} · Interra"));
    }
}

/// What a public form shows for a failed submission: field messages next to their inputs and
/// a summary; a throttled submission (429) is explained, not just refused.
pub fn form_errors(err: &ApiError, fields: &[&str], lang: Lang) -> FormErrors {
    FormErrors::from_error(&explain(err.clone(), lang), fields, lang)
}

/// A public form's refusal in words for visitors: "fix the fields below" rather than "invalid
/// data", and a throttled submission explained.
pub fn explain(err: ApiError, lang: Lang) -> ApiError {
    if let ApiError::Problem(p) = &err {
        if p.code == shared::ErrorCode::ValidationFailed && p.errors.is_some() {
            // "Invalid data" says little: point to the messages under the fields.
            let mut plain = p.clone();
            plain.detail = Some(crate::i18n::t(lang, PublicKey::FixErrors).to_string());
            return ApiError::Problem(plain);
        }
        if p.code == shared::ErrorCode::RateLimited {
            let mut explained = p.clone();
            // The server says how many seconds to wait; people need the reason and a plain
            // "later" (the window is an hour).
            explained.detail = Some(crate::i18n::t(lang, PublicKey::RateLimited).to_string());
            return ApiError::Problem(explained);
        }
    }
    err
}

/// The "You" part of a public form: names, newcomer or local, year of arrival.
#[component]
pub fn AboutYou(
    first_name: RwSignal<String>,
    last_name: RwSignal<String>,
    profile: RwSignal<Option<Category>>,
    arrival_year: RwSignal<String>,
    errors: RwSignal<FormErrors>,
) -> impl IntoView {
    let i18n = use_i18n();
    let err = move |name: &'static str| Signal::derive(move || errors.with(|e| e.field(name)));
    view! {
        <fieldset class="card">
            <legend>{move || i18n.t(PublicKey::YouLegend)}</legend>
            <div class="form-grid">
                <TextField id="first_name" label=PersonKey::FirstName value=first_name autocomplete="given-name" required=true error=err("first_name")/>
                <TextField id="last_name" label=PersonKey::LastName hint=PublicKey::Optional value=last_name autocomplete="family-name" error=err("last_name")/>
            </div>
            <ProfileChoice
                profile=profile
                arrival_year=arrival_year
                profile_error=err("profile")
                arrival_error=err("arrival_year")
            />
        </fieldset>
    }
}

/// The contact part of a public form: e-mail and phone (either is enough), then whatever the
/// form adds.
#[component]
pub fn ContactDetails(
    email: RwSignal<String>,
    phone: RwSignal<String>,
    errors: RwSignal<FormErrors>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let err = move |name: &'static str| Signal::derive(move || errors.with(|e| e.field(name)));
    view! {
        <fieldset class="card">
            <legend>{move || i18n.t(PublicKey::ContactLegend)}</legend>
            <p class="hint">{move || i18n.t(PersonKey::ContactHint)}</p>
            <div class="form-grid">
                <TextField id="email" label=CommonKey::Email value=email input_type="email" autocomplete="email" error=err("email")/>
                <TextField id="phone" label=PersonKey::Phone hint=PublicKey::PhoneHint value=phone input_type="tel" autocomplete="tel" error=err("phone")/>
            </div>
            {children.map(|c| c())}
        </fieldset>
    }
}

/// The visitor's answers to "newcomer or local?", and the year of arrival for newcomers.
#[component]
fn ProfileChoice(
    profile: RwSignal<Option<Category>>,
    arrival_year: RwSignal<String>,
    #[prop(into)] profile_error: Signal<Option<String>>,
    #[prop(into)] arrival_error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = [
        (Category::Newcomer, PublicKey::ProfileNewcomer),
        (Category::Local, PublicKey::ProfileLocal),
    ]
    .into_iter()
    .map(|(c, label)| {
        view! {
            <label class="check">
                <input
                    type="radio"
                    name="profile"
                    id=format!("profile-{}", c.as_str())
                    value=c.as_str()
                    required=true
                    aria-invalid=move || profile_error.with(Option::is_some).then_some("true")
                    aria-describedby=move || profile_error.with(Option::is_some).then_some("profile-error")
                    prop:checked=move || profile.get() == Some(c)
                    on:change=move |_| profile.set(Some(c))
                />
                <span>
                    <span class="visually-hidden">{move || i18n.t(category_key(c))} " : "</span>
                    {move || i18n.t(label)}
                </span>
            </label>
        }
    })
    .collect_view();
    view! {
        <fieldset class="choice" class:field-invalid=move || profile_error.with(Option::is_some)>
            <legend>{move || i18n.t(PublicKey::ProfileLegend)}</legend>
            <div class="choice-options">{options}</div>
            {move || profile_error.get().map(|m| view! { <p class="field-error" id="profile-error">{m}</p> })}
        </fieldset>
        <Show when=move || profile.get() == Some(Category::Newcomer)>
            <TextField
                id="arrival_year"
                label=PublicKey::ArrivalYear
                hint=PublicKey::ArrivalYearHint
                value=arrival_year
                input_type="number"
                required=true
                error=arrival_error
            />
        </Show>
    }
}

/// The privacy notice in the visitor's language, and the box that says they agree to it. The
/// notice's version goes with the form (the server records which text was shown).
#[component]
pub fn PrivacyConsent(
    consent: RwSignal<bool>,
    version: RwSignal<Option<String>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let notice = LocalResource::new(move || {
        let lang = i18n.lang.get();
        async move { api.privacy_notice(lang).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(n)) = notice.get() {
            version.set(Some(n.version));
        }
    });
    let text = move || match notice.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(_)) => view! {
            <div class="alert alert-error">
                <p>{move || i18n.t(PublicKey::NoticeUnavailable)}</p>
                <button type="button" class="button" on:click=move |_| notice.refetch()>
                    {move || i18n.t(CommonKey::Retry)}
                </button>
            </div>
        }
        .into_any(),
        Some(Ok(n)) => {
            let paragraphs = n
                .text
                .split("\n\n")
                .map(|p| view! { <p>{p.trim().to_string()}</p> })
                .collect_view();
            view! {
                <p class="notice-title"><strong>{n.title.clone()}</strong></p>
                {paragraphs}
            }
            .into_any()
        }
    };
    let described_by = move || {
        if error.with(Option::is_some) {
            "privacy-notice consent-error"
        } else {
            "privacy-notice"
        }
    };
    view! {
        <fieldset class="card privacy" class:field-invalid=move || error.with(Option::is_some)>
            <legend>{move || i18n.t(PublicKey::PrivacyLegend)}</legend>
            <div class="notice" id="privacy-notice">{text}</div>
            <label class="check consent">
                <input
                    type="checkbox"
                    id="consent"
                    name="consent"
                    required=true
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=described_by
                    prop:checked=move || consent.get()
                    on:change=move |ev| consent.set(event_target_checked(&ev))
                />
                <span>{move || i18n.t(PublicKey::ConsentLabel)}</span>
            </label>
            {move || error.get().map(|m| view! { <p class="field-error" id="consent-error">{m}</p> })}
        </fieldset>
    }
}

/// A field robots fill and people never see: hidden off-screen and from assistive technology,
/// out of the tab order, never autofilled. The server quietly drops a submission that fills it.
#[component]
pub fn Honeypot(value: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="hp" aria-hidden="true">
            <label for="website">{move || i18n.t(PublicKey::Honeypot)}</label>
            <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" bind:value=value/>
        </div>
    }
}

/// The contact the visitor typed (email, phone or both), to show it back in a confirmation.
pub fn typed_contact(email: &str, phone: &str) -> String {
    [email.trim(), phone.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Links for visitors who land on the sign-in page: the agenda and the programmes' sign-up.
#[component]
pub fn VisitorLinks() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card visitor-links" aria-labelledby="visitor-links-title">
            <h2 id="visitor-links-title">{move || i18n.t(PublicKey::JoinTitle)}</h2>
            <p>{move || i18n.t(PublicKey::JoinHint)}</p>
            <ul class="links">
                <li><a href=SIGNUP>{move || i18n.t(PublicKey::JoinLink)}</a></li>
                <li><a href=EVENTS>{move || i18n.t(PublicKey::SeeAgenda)}</a></li>
            </ul>
        </section>
    }
}

/// The short note for team members at the bottom of a public page.
#[component]
pub fn StaffNote() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="muted small staff-note">
            <a href=LOGIN>{move || i18n.t(PublicKey::StaffSignInHint)}</a>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confirmation_shows_only_what_was_typed() {
        assert_eq!(typed_contact(" a@b.be ", ""), "a@b.be");
        assert_eq!(typed_contact("", "0470 12 34 56"), "0470 12 34 56");
        assert_eq!(typed_contact("a@b.be", "0470123456"), "a@b.be · 0470123456");
        assert_eq!(typed_contact(" ", " "), "");
    }

    #[test]
    fn throttling_and_field_errors_are_explained() {
        let problem: shared::Problem = serde_json::from_value(serde_json::json!({
            "type": "urn:interra:problem:rate_limited",
            "title": "Too many requests",
            "status": 429,
            "code": "rate_limited",
            "detail": "Too many attempts: try again in 3500 seconds.",
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        let err = ApiError::Problem(Box::new(problem));
        let general = form_errors(&err, &["email"], Lang::En)
            .general()
            .unwrap_or_default();
        assert!(general.contains("automated submissions"), "{general}");
        assert!(!general.contains("3500"), "{general}");
        let invalid: shared::Problem = serde_json::from_value(serde_json::json!({
            "type": "urn:interra:problem:validation_failed",
            "title": "Invalid data",
            "status": 422,
            "code": "validation_failed",
            "errors": { "email": ["Invalid email address."] },
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        let fe = form_errors(&ApiError::Problem(Box::new(invalid)), &["email"], Lang::En);
        assert_eq!(fe.field("email").as_deref(), Some("Invalid email address."));
        assert_eq!(
            fe.general().as_deref(),
            Some(crate::i18n::t(Lang::En, PublicKey::FixErrors))
        );
        let plain = form_errors(&ApiError::Network, &["email"], Lang::En);
        assert!(!plain
            .general()
            .unwrap_or_default()
            .contains("automated submissions"));
    }
}
