//! `/trainings/modules/{id}`: a module's details (with a link to its form), its courses (and
//! the link to plan one), and the results of the evaluations of all its courses (withheld under
//! 5 answers, as the API says).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::trainings::Module;
use uuid::Uuid;

use super::catalogue::CourseList;
use super::{audience_key, hours_text, languages_text, manages, ResultsView};
use crate::api::{use_api, ApiError};
use crate::components::load::{load_page, load_state, PageHeadings};
use crate::i18n::trainings::TrKey;
use crate::i18n::trainings_staff::TsKey;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::activities::pick;
use crate::routes::{new_course_path, training_module_edit_path, TRAININGS};

#[component]
pub fn ModulePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(TsKey::ModuleDetails);
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let module = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api.training_module(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page module-page" aria-labelledby="page-title">
            <p class="back"><a href=TRAININGS>{move || i18n.t(TsKey::BackToCatalogue)}</a></p>
            {move || load_page(
                module.get(),
                move || module.refetch(),
                PageHeadings { failed: TsKey::ModuleLoadFailed.into(), not_found: Some(TsKey::ModuleNotFound.into()) },
                |m| view! { <ModuleView m=m/> }.into_any(),
            )}
        </section>
    }
}

#[component]
fn ModuleView(m: Module) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = m.id;
    let title = m.title.clone();
    let description = m.description.clone();
    let audience = m.audience;
    let hours = hours_text(m.hours);
    let languages = languages_text(&m.languages);
    let (certificate, min) = (m.certificate, m.min_attendance_percent);
    let group = m.max_group_size;
    let courses = LocalResource::new(move || {
        let _lang = i18n.lang.get();
        async move { api.training_courses(Some(id)).await }
    });
    let results = LocalResource::new(move || {
        let _lang = i18n.lang.get();
        async move { api.module_evaluations(id).await }
    });
    let has_description = !description.is_empty();
    view! {
        <div class="page-head">
            <div>
                <h1 id="page-title"><bdi>{move || pick(&title, i18n.lang.get())}</bdi></h1>
                <p class="badges">
                    <span class="badge badge-category">{move || i18n.t(audience_key(audience))}</span>
                    <span class=if certificate { "badge badge-active" } else { "badge badge-inactive" }>
                        {move || i18n.t(if certificate { TsKey::CertificateYes } else { TsKey::CertificateNo })}
                    </span>
                </p>
            </div>
            {manages().then(|| view! {
                <div class="actions">
                    <a class="button" href=training_module_edit_path(id)>{move || i18n.t(TsKey::Edit)}</a>
                    <a class="button primary" href=new_course_path(id)>{move || i18n.t(TsKey::NewCourse)}</a>
                </div>
            })}
        </div>
        <div class="duo-grid">
            <section class="card" aria-labelledby="details-title">
                <h2 id="details-title">{move || i18n.t(TsKey::ModuleDetails)}</h2>
                {has_description.then(|| view! {
                    <p class="module-description"><bdi>{move || pick(&description, i18n.lang.get())}</bdi></p>
                })}
                <dl class="facts">
                    <dt>{move || i18n.t(TsKey::ColHours)}</dt>
                    <dd>{move || i18n.tf(TrKey::HoursValue, &[("hours", &hours)])}</dd>
                    <dt>{move || i18n.t(TsKey::ColLanguages)}</dt>
                    <dd dir="ltr">{if languages.is_empty() { "—".to_string() } else { languages.clone() }}</dd>
                    <dt>{move || i18n.t(TsKey::GroupSize)}</dt>
                    <dd>{move || match group {
                        Some(n) => i18n.tf(TsKey::GroupSizeValue, &[("count", &n.to_string())]),
                        None => i18n.t(TsKey::NoLimit).to_string(),
                    }}</dd>
                    <dt>{move || i18n.t(TsKey::Completion)}</dt>
                    <dd>{move || i18n.tf(TsKey::CompletionValue, &[("percent", &min.to_string())])}</dd>
                    <dt>{move || i18n.t(TsKey::PrerequisitesShort)}</dt>
                    <dd><bdi>{m.prerequisites.clone().unwrap_or_else(|| i18n.t(TsKey::NotSet).to_string())}</bdi></dd>
                </dl>
                {(!m.objectives.is_empty()).then(|| view! {
                    <h3>{move || i18n.t(TsKey::ObjectivesList)}</h3>
                    <ul class="objectives-list">
                        {m.objectives.clone().into_iter().map(|o| view! { <li><bdi>{o}</bdi></li> }).collect_view()}
                    </ul>
                })}
            </section>
            <section class="card" aria-labelledby="module-eval-title">
                <h2 id="module-eval-title">{move || i18n.t(TsKey::EvaluationsTitle)}</h2>
                {move || load_state(results.get(), move || results.refetch(), |r| view! { <ResultsView results=r id="module-eval"/> }.into_any())}
            </section>
        </div>
        {move || load_state(courses.get(), move || courses.refetch(), |list| view! {
            <CourseList id="module-courses-title" title=TsKey::ModuleCourses courses=list/>
        }.into_any())}
    }
}
