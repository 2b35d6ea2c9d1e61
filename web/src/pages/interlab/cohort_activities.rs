//! The cohort's collective trainings and networking evenings (activities of the programme
//! `interlab` linked to the cohort) and a table of each entrepreneur's attendance: one row per
//! entrepreneur, one column per activity, the status in words (never colour alone). A scrolling
//! table is a named, focusable region so the keyboard reaches it. Coordinators add and remove
//! the cohort's activities here; attendance is taken on the activity's page.

use leptos::prelude::*;
use shared::activities::{ActivityFilter, ActivityProgramme, RegistrationStatus};
use shared::interlab::CohortActivities;
use uuid::Uuid;

use super::manages;
use crate::api::{use_api, FormErrors};
use crate::components::form::{use_submit, ErrorAlert};
use crate::components::load::load_state;
use crate::components::StatusMessage;
use crate::i18n::interlab_office::IloKey;
use crate::locale::use_i18n;
use crate::pages::activities::pick;
use crate::pages::duo::format_day;
use crate::routes::{activity_path, entrepreneur_path};

/// The words for a registration's status in the table (`None`: not registered).
pub fn attendance_key(s: Option<RegistrationStatus>) -> IloKey {
    match s {
        Some(RegistrationStatus::Attended) => IloKey::AttPresent,
        Some(RegistrationStatus::Absent) => IloKey::AttAbsent,
        Some(RegistrationStatus::Excused) => IloKey::AttExcused,
        Some(RegistrationStatus::Registered) => IloKey::AttRegistered,
        Some(RegistrationStatus::Waitlisted) => IloKey::AttWaitlisted,
        Some(RegistrationStatus::Cancelled) => IloKey::AttCancelled,
        None => IloKey::AttNone,
    }
}

#[component]
pub fn CohortActivitiesCard(cohort: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let data = LocalResource::new(move || {
        let _lang = i18n.lang.get();
        async move { api.cohort_activities(cohort).await }
    });
    let status = RwSignal::new(None::<String>);
    let errors = RwSignal::new(FormErrors::default());
    let unlink = use_submit(
        errors,
        &[],
        move |a: Uuid| async move { api.unlink_cohort_activity(cohort, a).await },
        move |()| {
            status.set(Some(i18n.t(IloKey::ActivityUnlinked).to_string()));
            data.refetch();
        },
    );
    let busy = unlink.pending();
    let on_linked = Callback::new(move |()| {
        status.set(Some(i18n.t(IloKey::ActivityLinked).to_string()));
        data.refetch();
    });
    view! {
        <section class="card il-cohort-activities" aria-labelledby="cohort-activities-title">
            <h2 id="cohort-activities-title">{move || i18n.t(IloKey::CohortActivitiesTitle)}</h2>
            <p class="muted">{move || i18n.t(IloKey::CohortActivitiesIntro)}</p>
            <StatusMessage message=status/>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            {move || load_state(data.get(), move || data.refetch(), move |d| {
                let unlinkable = d.activities.clone();
                view! {
                    <AttendanceTable d=d/>
                    {(manages() && !unlinkable.is_empty()).then(|| view! {
                        <ul class="cohort-activity-list">
                            {unlinkable.into_iter().map(|a| {
                                let title = a.title.clone();
                                view! {
                                    <li>
                                        <a href=activity_path(a.id)><bdi>{a.title.clone()}</bdi></a>
                                        " "
                                        <button type="button" class="button small-button unlink-activity"
                                            aria-label=move || i18n.tf(IloKey::UnlinkNamed, &[("title", &title)])
                                            disabled=move || busy.get()
                                            on:click=move |_| { status.set(None); unlink.dispatch(a.id); }>
                                            {move || i18n.t(IloKey::Unlink)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                }.into_any()
            })}
            {manages().then(|| view! { <LinkForm cohort=cohort on_linked=on_linked/> })}
        </section>
    }
}

#[component]
fn AttendanceTable(d: CohortActivities) -> impl IntoView {
    let i18n = use_i18n();
    if d.activities.is_empty() {
        return view! { <p class="muted">{move || i18n.t(IloKey::NoCohortActivities)}</p> }
            .into_any();
    }
    if d.entrepreneurs.is_empty() {
        return view! { <p class="muted">{move || i18n.t(IloKey::NoCohortMembers)}</p> }.into_any();
    }
    let heads = d
        .activities
        .iter()
        .map(|a| {
            let at = a.starts_at;
            view! {
                <th scope="col">
                    <a href=activity_path(a.id)><bdi>{a.title.clone()}</bdi></a>
                    <br/>
                    <span class="small muted">{move || format_day(i18n.lang.get(), &at)}</span>
                </th>
            }
        })
        .collect_view();
    let rows = d
        .entrepreneurs
        .into_iter()
        .map(|e| {
            let cells = e
                .attendance
                .iter()
                .map(|s| {
                    let s = *s;
                    let class = s.map_or("att-none".to_string(), |s| format!("att-{}", s.as_str()));
                    view! { <td class=class>{move || i18n.t(attendance_key(s))}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">
                        <a href=entrepreneur_path(e.entrepreneur_id)><bdi>{e.display_name.clone()}</bdi></a>
                        <br/>
                        <span class="small muted"><bdi>{e.project_name.clone()}</bdi></span>
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap il-attendance-wrap" role="region" aria-labelledby="attendance-caption" tabindex="0">
            <table class="il-attendance">
                <caption id="attendance-caption">{move || i18n.t(IloKey::AttendanceCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(IloKey::EntrepreneurColumn)}</th>
                        {heads}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Adds one of the programme's activities (the latest first) to the cohort.
#[component]
fn LinkForm(cohort: Uuid, on_linked: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let choices = LocalResource::new(move || async move {
        api.list_activities(&ActivityFilter {
            programme: Some(ActivityProgramme::Interlab),
            page_size: Some(shared::page::MAX_PAGE_SIZE),
            ..ActivityFilter::default()
        })
        .await
    });
    let chosen = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let submit = use_submit(
        errors,
        &["activity_id"],
        move |a: Uuid| async move { api.link_cohort_activity(cohort, a).await },
        move |()| {
            chosen.set(String::new());
            on_linked.run(());
        },
    );
    let pending = submit.pending();
    let error = Signal::derive(move || errors.with(|e| e.field("activity_id")));
    view! {
        <form class="link-activity-form" novalidate=true on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if let Ok(a) = chosen.get_untracked().parse::<Uuid>() {
                submit.dispatch(a);
            }
        }>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <div class="field" class:field-invalid=move || error.with(Option::is_some)>
                <label for="activity_id">{move || i18n.t(IloKey::LinkActivity)}</label>
                <select id="activity_id" name="activity_id"
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=move || error.with(Option::is_some).then_some("activity_id-error")
                    on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="" selected=move || chosen.with(String::is_empty)>{move || i18n.t(IloKey::ChooseActivity)}</option>
                    {move || choices.get().and_then(Result::ok).map(|page| page.results.into_iter().map(|a| {
                        let label = format!("{} · {}", pick(&a.title, i18n.lang.get_untracked()), format_day(i18n.lang.get_untracked(), &a.starts_at));
                        view! { <option value=a.id.to_string()>{label}</option> }
                    }).collect_view())}
                </select>
                {move || error.get().map(|m| view! { <p class="field-error" id="activity_id-error">{m}</p> })}
            </div>
            <div class="actions">
                <button type="submit" class="button" disabled=move || pending.get()>{move || i18n.t(IloKey::AddToCohort)}</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_reads_differently() {
        let mut seen = std::collections::HashSet::new();
        for s in RegistrationStatus::ALL
            .iter()
            .copied()
            .map(Some)
            .chain([None])
        {
            assert!(seen.insert(attendance_key(s)), "{s:?}");
        }
    }
}
