//! `/trainings/courses/{id}`: a course — its sessions (each linked to its activity page and its
//! phone attendance sheet), its trainees with their attendance per session, hours and
//! completion (`trainees.rs`), registering participants and partner staff (`register.rs`), the
//! certificates (`certificates.rs`) and the evaluations (`evaluations.rs`).

mod certificates;
mod evaluations;
mod register;
mod trainees;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::trainings::{Course, CourseSession, Module, Trainee};
use uuid::Uuid;

use super::{course_dates, hours_text, manages};
use crate::api::{use_api, ApiError};
use crate::components::load::{load_page, load_state, PageHeadings};
use crate::components::StatusMessage;
use crate::i18n::trainings_staff::TsKey;
use crate::locale::{use_i18n, use_page_title, I18n};
use crate::pages::activities::brussels_input;
use crate::pages::duo::format_day;
use crate::routes::{activity_attendance_path, activity_path, training_module_path, TRAININGS};

/// What the course's cards share: the course, its module, its trainees (reloaded after each
/// change) and the page's status line.
#[derive(Clone, Copy)]
pub struct CourseCtx {
    pub id: Uuid,
    pub course: StoredValue<Course>,
    pub module: StoredValue<Module>,
    pub trainees: LocalResource<Result<Vec<Trainee>, ApiError>>,
    pub status: RwSignal<Option<String>>,
    /// Reloads the course's figures (seats taken, waiting) with the trainees.
    pub reload: Callback<()>,
}

/// A session's "Séance 1 · 1 févr. 2027" label.
pub fn session_label(i18n: I18n, n: usize, s: &CourseSession) -> String {
    i18n.tf(
        TsKey::MarkLabel,
        &[
            ("n", &(n + 1).to_string()),
            ("date", &format_day(i18n.lang.get(), &s.starts_at)),
        ],
    )
}

/// `09:00` of an instant, in Brussels.
pub fn clock(dt: &chrono::DateTime<chrono::Utc>) -> String {
    brussels_input(dt)
        .get(11..16)
        .unwrap_or_default()
        .to_string()
}

#[component]
pub fn CoursePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(TsKey::ColCourses);
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    // The course and its module together: the page needs both.
    let data = LocalResource::new(move || {
        let id = id.get();
        let _lang = i18n.lang.get();
        async move {
            let Some(id) = id else {
                return Err(ApiError::Status(404));
            };
            let course = api.training_course(id).await?;
            let module = api.training_module(course.module_id).await?;
            Ok((course, module))
        }
    });
    // Outside the course's view, which is drawn again when the course reloads.
    let status = RwSignal::new(None::<String>);
    view! {
        <section class="page course-page" aria-labelledby="page-title">
            <p class="back"><a href=TRAININGS>{move || i18n.t(TsKey::BackToCatalogue)}</a></p>
            <StatusMessage message=status/>
            {move || load_page(
                data.get(),
                move || data.refetch(),
                PageHeadings { failed: TsKey::CourseLoadFailed.into(), not_found: Some(TsKey::CourseNotFound.into()) },
                move |(c, m)| view! { <CourseView c=c m=m status=status/> }.into_any(),
            )}
        </section>
    }
}

#[component]
fn CourseView(c: Course, m: Module, status: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = c.id;
    let trainees = LocalResource::new(move || {
        let _lang = i18n.lang.get();
        async move { api.course_trainees(id).await }
    });
    // The seats taken and waiting, read again after each registration or withdrawal without
    // drawing the page again (a form half filled stays as it is).
    let figures = LocalResource::new(move || async move { api.training_course(id).await });
    let ctx = CourseCtx {
        id,
        course: StoredValue::new(c.clone()),
        module: StoredValue::new(m.clone()),
        trainees,
        status,
        reload: Callback::new(move |()| {
            trainees.refetch();
            figures.refetch();
        }),
    };
    let (starts_on, ends_on) = (c.starts_on, c.ends_on);
    let capacity = c.capacity;
    let initial = (c.registered, c.waitlisted);
    let seats = move || {
        let (registered, waitlisted) = figures
            .get()
            .and_then(Result::ok)
            .map_or(initial, |f| (f.registered, f.waitlisted));
        i18n.tf(
            TsKey::CourseSeats,
            &[
                ("registered", &registered.to_string()),
                ("waitlisted", &waitlisted.to_string()),
            ],
        )
    };
    let hours = hours_text(c.hours);
    let module_id = c.module_id;
    view! {
        <div class="page-head">
            <div>
                <h1 id="page-title"><bdi>{c.title.clone()}</bdi></h1>
                <p class="lead">
                    {move || course_dates(i18n, starts_on, ends_on)}
                    " · "
                    {move || i18n.tf(TsKey::CourseHours, &[("hours", &hours)])}
                </p>
                <p class="badges">
                    <span class="badge course-seats">{seats}</span>
                    {capacity.map(|cap| view! { <span class="badge">{move || i18n.tf(TsKey::CourseCapacity, &[("capacity", &cap.to_string())])}</span> })}
                    {c.open_to_partners.then(|| view! { <span class="badge badge-category">{move || i18n.t(TsKey::OpenToPartnersBadge)}</span> })}
                </p>
            </div>
            <p><a href=training_module_path(module_id)>{move || i18n.t(TsKey::BackToModule)}</a></p>
        </div>
        <Sessions sessions=c.sessions.clone()/>
        <section class="card" aria-labelledby="trainees-title">
            <h2 id="trainees-title">{move || i18n.t(TsKey::TraineesTitle)}</h2>
            {move || load_state(trainees.get(), move || trainees.refetch(), move |list| view! {
                <trainees::TraineeList ctx=ctx list=list/>
            }.into_any())}
        </section>
        {manages().then(|| view! { <register::RegisterCard ctx=ctx/> })}
        <certificates::CertificatesCard ctx=ctx/>
        <evaluations::EvaluationsCard ctx=ctx/>
    }
}

/// The course's sessions, each with its activity page and its phone attendance sheet.
#[component]
fn Sessions(sessions: Vec<CourseSession>) -> impl IntoView {
    let i18n = use_i18n();
    let items = sessions
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let n = (i + 1).to_string();
            let (n1, n2, n3) = (n.clone(), n.clone(), n.clone());
            let (start, end) = (clock(&s.starts_at), clock(&s.ends_at));
            let at = s.starts_at;
            let hours = hours_text(s.hours);
            let cancelled = s.cancelled;
            view! {
                <li class="session-item">
                    <p class="session-when">
                        <strong>{move || i18n.tf(TsKey::SessionN, &[("n", &n1)])}</strong>
                        " · "
                        {move || format_day(i18n.lang.get(), &at)}
                        " · "
                        <span dir="ltr">{move || i18n.tf(TsKey::SessionTime, &[("start", &start), ("end", &end)])}</span>
                        " · "
                        {move || i18n.tf(crate::i18n::trainings::TrKey::HoursValue, &[("hours", &hours)])}
                        {cancelled.then(|| view! { " " <span class="badge badge-cancelled">{move || i18n.t(TsKey::SessionCancelled)}</span> })}
                    </p>
                    <p class="session-links">
                        <a href=activity_path(s.activity_id)
                            aria-label=move || i18n.tf(TsKey::SessionPageNamed, &[("n", &n2)])>
                            {move || i18n.t(TsKey::SessionPage)}
                        </a>
                        " · "
                        <a href=activity_attendance_path(s.activity_id)
                            aria-label=move || i18n.tf(TsKey::AttendanceSheetNamed, &[("n", &n3)])>
                            {move || i18n.t(TsKey::AttendanceSheet)}
                        </a>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{move || i18n.t(TsKey::SessionsTitle)}</h2>
            <ol class="plain session-list">{items}</ol>
        </section>
    }
}
