//! The course's certificates: issue them to everyone who completed and has none yet (in the
//! language chosen), and download all the valid ones in one PDF. The API needs the bearer
//! token, so the PDF is fetched by the app and offered as a file.

use leptos::prelude::*;
use shared::trainings::{CertificateSummary, IssueInput};
use shared::Lang;

use super::CourseCtx;
use crate::api::{use_api, FormErrors};
use crate::components::form::{use_submit, ErrorAlert};
use crate::i18n::trainings_staff::TsKey;
use crate::locale::use_i18n;
use crate::pages::reports::download_bytes;
use crate::pages::trainings::manages;

#[component]
pub fn CertificatesCard(ctx: CourseCtx) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let issues = ctx.module.with_value(|m| m.certificate);
    let lang = RwSignal::new(i18n.lang.get_untracked().code().to_string());
    let errors = RwSignal::new(FormErrors::default());
    let issue = use_submit(
        errors,
        &["language", "person_id"],
        move |language: Option<Lang>| async move {
            api.issue_certificates(
                ctx.id,
                &IssueInput {
                    person_id: None,
                    language,
                },
            )
            .await
        },
        move |issued: Vec<CertificateSummary>| {
            ctx.status.set(Some(
                i18n.tf(TsKey::IssuedCount, &[("count", &issued.len().to_string())]),
            ));
            ctx.trainees.refetch();
        },
    );
    let pending = issue.pending();
    let id = ctx.id;
    let download = Action::new_local(move |(): &()| async move {
        api.certificate_pdf(&format!("/trainings/courses/{id}/certificates"))
            .await
    });
    Effect::new(move |_| match download.value().get() {
        Some(Ok(bytes)) => {
            let file = format!("attestations-{id}.pdf");
            if download_bytes(&file, "application/pdf", &bytes).is_some() {
                ctx.status.set(Some(i18n.t(TsKey::Downloaded).to_string()));
            }
        }
        Some(Err(e)) => errors.set(FormErrors::from_error(&e, &[], i18n.lang.get_untracked())),
        None => {}
    });
    let downloading = download.pending();
    if !manages() {
        return ().into_any();
    }
    view! {
        <section class="card certificates-card" aria-labelledby="certificates-title">
            <h2 id="certificates-title">{move || i18n.t(TsKey::CertificatesTitle)}</h2>
            {if issues {
                view! {
                    <p class="hint">{move || i18n.t(TsKey::CertificatesHint)}</p>
                    <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
                    <form class="issue-form" novalidate=true on:submit=move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        ctx.status.set(None);
                        issue.dispatch(Lang::from_tag(&lang.get_untracked()));
                    }>
                        <div class="field">
                            <label for="certificate-language">{move || i18n.t(TsKey::CertLanguage)}</label>
                            <select id="certificate-language" on:change=move |ev| lang.set(event_target_value(&ev))>
                                {Lang::ALL.iter().map(|&l| view! {
                                    <option value=l.code() lang=l.code() selected=move || lang.with(|cur| cur == l.code())>{l.native_name()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="actions">
                            <button type="submit" class="button primary" id="issue-all" disabled=move || pending.get()>
                                {move || i18n.t(TsKey::IssueAll)}
                            </button>
                            <button type="button" class="button" id="download-all"
                                disabled=move || downloading.get()
                                on:click=move |_| { ctx.status.set(None); download.dispatch(()); }>
                                {move || i18n.t(TsKey::DownloadAll)}
                            </button>
                        </div>
                    </form>
                }.into_any()
            } else {
                view! { <p class="muted">{move || i18n.t(TsKey::NoCertificateModule)}</p> }.into_any()
            }}
        </section>
    }
    .into_any()
}
