//! The public check of a certificate of attendance (`/certificates/{code}`, the address printed
//! on each certificate, and `/certificates` to type a code): the trainee's name, the module,
//! the dates and the hours when the certificate is genuine; "not found or revoked" otherwise.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::trainings::CertificateCheck;
use shared::ErrorCode;

use crate::api::trainings::normalize_code;
use crate::api::{use_api, ApiError};
use crate::components::load::{is_not_found, load_error};
use crate::components::Loading;
use crate::i18n::trainings::TrKey;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::duo::format_date;
use crate::pages::public::StaffNote;
use crate::routes::certificate_path;

/// Whether the API's refusal means "no valid certificate has this code": unknown, revoked, or
/// not even shaped like a code.
pub fn not_genuine(err: &ApiError) -> bool {
    is_not_found(err)
        || matches!(err, ApiError::Problem(p) if p.code == ErrorCode::ValidationFailed)
        || matches!(err, ApiError::Status(422))
}

/// Hours as people write them: `12`, `7.5` (at most two decimals, no trailing zeros).
pub fn hours_text(hours: f64) -> String {
    let text = format!("{hours:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[component]
pub fn CertificatePage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    use_page_title(TrKey::CheckTitle);
    let params = use_params_map();
    let code = Memo::new(move |_| {
        params
            .with(|p| p.get("code"))
            .map(|c| normalize_code(&c))
            .filter(|c| !c.is_empty())
    });
    let typed = RwSignal::new(String::new());
    Effect::new(move |_| typed.set(code.get().unwrap_or_default()));
    let result = LocalResource::new(move || {
        let code = code.get();
        async move {
            match code {
                Some(code) => Some(api.check_certificate(&code).await),
                None => None,
            }
        }
    });
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = normalize_code(&typed.get_untracked());
        if !code.is_empty() {
            navigate(&certificate_path(&code), Default::default());
        }
    };

    view! {
        <section class="page public-page certificate-page" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(TrKey::CheckTitle)}</h1>
            <p class="lead">{move || i18n.t(TrKey::CheckIntro)}</p>
            <form class="form public-form" role="search" on:submit=on_submit>
                <div class="field">
                    <label for="code">{move || i18n.t(TrKey::CodeLabel)}</label>
                    <p class="hint" id="code-hint">{move || i18n.t(TrKey::CodeHint)}</p>
                    <input
                        id="code"
                        name="code"
                        type="text"
                        dir="ltr"
                        autocomplete="off"
                        spellcheck="false"
                        autocapitalize="characters"
                        required=true
                        aria-describedby="code-hint"
                        bind:value=typed
                    />
                </div>
                <div class="actions">
                    <button type="submit" class="button primary">{move || i18n.t(TrKey::CheckButton)}</button>
                </div>
            </form>
            <div class="certificate-result" aria-live="polite">
                {move || match result.get() {
                    None => code.get().map(|_| view! { <Loading/> }.into_any()),
                    Some(None) => None,
                    Some(Some(Ok(check))) => Some(view! { <Genuine check=check/> }.into_any()),
                    Some(Some(Err(err))) if not_genuine(&err) => Some(
                        view! {
                            <div class="alert alert-error verdict">
                                <h2>{move || i18n.t(TrKey::NotGenuine)}</h2>
                                <p>{move || i18n.t(TrKey::NotGenuineLead)}</p>
                            </div>
                        }
                        .into_any(),
                    ),
                    Some(Some(Err(err))) => Some(load_error(&err, move || result.refetch())),
                }}
            </div>
            <StaffNote/>
        </section>
    }
}

#[component]
fn Genuine(check: CertificateCheck) -> impl IntoView {
    let i18n = use_i18n();
    let CertificateCheck {
        name,
        module,
        starts_on,
        ends_on,
        hours,
        issued_on,
    } = check;
    let dates = move || {
        let lang = i18n.lang.get();
        i18n.tf(
            TrKey::DateRange,
            &[
                ("start", &format_date(lang, starts_on)),
                ("end", &format_date(lang, ends_on)),
            ],
        )
    };
    let hours = hours_text(hours);
    view! {
        <div class="alert alert-ok verdict">
            <h2>{move || i18n.t(TrKey::Genuine)}</h2>
            <p>{move || i18n.t(TrKey::GenuineLead)}</p>
            <dl class="facts">
                <dt>{move || i18n.t(TrKey::Trainee)}</dt>
                <dd>{name}</dd>
                <dt>{move || i18n.t(TrKey::Module)}</dt>
                <dd>{module}</dd>
                <dt>{move || i18n.t(TrKey::Dates)}</dt>
                <dd>{dates}</dd>
                <dt>{move || i18n.t(TrKey::Hours)}</dt>
                <dd>{move || i18n.tf(TrKey::HoursValue, &[("hours", &hours)])}</dd>
                <dt>{move || i18n.t(TrKey::IssuedOn)}</dt>
                <dd>{move || format_date(i18n.lang.get(), issued_on)}</dd>
            </dl>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_naturally() {
        assert_eq!(hours_text(12.0), "12");
        assert_eq!(hours_text(7.5), "7.5");
        assert_eq!(hours_text(2.25), "2.25");
        assert_eq!(hours_text(0.0), "0");
    }

    #[test]
    fn unknown_revoked_and_malformed_codes_are_not_genuine() {
        assert!(not_genuine(&ApiError::Status(404)));
        assert!(not_genuine(&ApiError::Status(422)));
        assert!(!not_genuine(&ApiError::Status(500)));
        assert!(!not_genuine(&ApiError::Network));
    }
}
