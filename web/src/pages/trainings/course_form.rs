//! `/trainings/modules/{id}/courses/new`: plan a course of a module — its dates, one or more
//! sessions (a date, a start and an end, in Brussels time), a venue or a video link, whether the
//! sessions are public and whether partners may register their staff. Saved, it opens the
//! course's page.

use std::sync::LazyLock;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use shared::trainings::{Course, CourseInput, Module, SessionInput};
use uuid::Uuid;

use super::manages;
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::focus_first_error;
use crate::components::form::{use_submit, ErrorAlert, TextField};
use crate::components::load::{load_page, PageHeadings};
use crate::components::Forbidden;
use crate::i18n::common::CommonKey;
use crate::i18n::trainings_staff::TsKey;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::activities::pick;
use crate::pages::interlab::{opt_text, parse_date};
use crate::routes::{training_course_path, training_module_path};

/// Most sessions of a course (the API's limit).
pub const MAX_SESSIONS: usize = 20;

/// The API's name of a session's start or end (`sessions.1.ends_at`), as a `'static` name the
/// form kit can hold.
fn session_field(i: usize, end: bool) -> &'static str {
    SESSION_FIELDS
        .get(i * 2 + usize::from(end))
        .copied()
        .unwrap_or("sessions")
}

static SESSION_FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    (0..MAX_SESSIONS)
        .flat_map(|i| {
            [
                &*Box::leak(format!("sessions.{i}.starts_at").into_boxed_str()),
                &*Box::leak(format!("sessions.{i}.ends_at").into_boxed_str()),
            ]
        })
        .collect()
});

/// Every input of the course form, by the API's names.
static COURSE_FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut all = vec![
        "module_id",
        "starts_on",
        "ends_on",
        "sessions",
        "venue_id",
        "online_url",
        "public",
        "open_to_partners",
    ];
    all.extend(SESSION_FIELDS.iter().copied());
    all
});

/// One session as typed.
#[derive(Clone, Copy)]
struct SessionDraft {
    key: u32,
    date: RwSignal<String>,
    start: RwSignal<String>,
    end: RwSignal<String>,
}

impl SessionDraft {
    fn new(key: u32) -> SessionDraft {
        SessionDraft {
            key,
            date: RwSignal::new(String::new()),
            start: RwSignal::new("09:00".to_string()),
            end: RwSignal::new("12:00".to_string()),
        }
    }
}

/// A session's Brussels local start and end (`2027-02-01T09:00`), or which of the two the
/// browser already refuses.
pub fn session_times(date: &str, start: &str, end: &str) -> Result<SessionInput, Vec<bool>> {
    let day = parse_date(date);
    let time = |t: &str| chrono::NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
    let (s, e) = (time(start), time(end));
    let mut bad = Vec::new();
    if day.is_none() || s.is_none() {
        bad.push(false);
    }
    if e.is_none() {
        bad.push(true);
    }
    match (day, s, e) {
        (Some(d), Some(s), Some(e)) => Ok(SessionInput {
            starts_at: format!("{}T{}", d.format("%Y-%m-%d"), s.format("%H:%M")),
            ends_at: format!("{}T{}", d.format("%Y-%m-%d"), e.format("%H:%M")),
        }),
        _ => Err(bad),
    }
}

#[component]
pub fn NewCoursePage() -> impl IntoView {
    if !manages() {
        return view! { <Forbidden/> }.into_any();
    }
    let i18n = use_i18n();
    use_page_title(TsKey::NewCourseTitle);
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
        <section class="page training-form-page" aria-labelledby="page-title">
            {move || id.get().map(|id| view! {
                <p class="back"><a href=training_module_path(id)>{move || i18n.t(TsKey::BackToModule)}</a></p>
            })}
            {move || load_page(
                module.get(),
                move || module.refetch(),
                PageHeadings { failed: TsKey::ModuleLoadFailed.into(), not_found: Some(TsKey::ModuleNotFound.into()) },
                |m| view! { <CourseForm m=m/> }.into_any(),
            )}
        </section>
    }
    .into_any()
}

#[component]
fn CourseForm(m: Module) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let navigate = use_navigate();
    let module_id = m.id;
    let title = m.title.clone();
    let venues = LocalResource::new(move || async move { api.list_venues().await });
    let starts_on = RwSignal::new(String::new());
    let ends_on = RwSignal::new(String::new());
    let venue = RwSignal::new(String::new());
    let online_url = RwSignal::new(String::new());
    let public = RwSignal::new(false);
    let open_to_partners = RwSignal::new(true);
    let next_key = StoredValue::new(2_u32);
    let sessions = RwSignal::new(vec![SessionDraft::new(0), SessionDraft::new(1)]);
    let errors = RwSignal::new(FormErrors::default());
    let local = RwSignal::new(Vec::<&'static str>::new());
    let err = move |name: &'static str| {
        Signal::derive(move || {
            if local.with(|l| l.contains(&name)) {
                Some(i18n.t(CommonKey::CheckValue).to_string())
            } else {
                errors.with(|e| e.field(name))
            }
        })
    };
    let go = use_submit(
        errors,
        COURSE_FIELDS.as_slice(),
        move |body: CourseInput| async move { api.create_training_course(&body).await },
        move |c: Course| navigate(&training_course_path(c.id), NavigateOptions::default()),
    );
    let pending = go.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad: Vec<&'static str> = Vec::new();
        let mut list = Vec::new();
        for (i, s) in sessions.get_untracked().iter().enumerate() {
            match session_times(
                &s.date.get_untracked(),
                &s.start.get_untracked(),
                &s.end.get_untracked(),
            ) {
                Ok(input) => list.push(input),
                Err(which) => bad.extend(which.into_iter().map(|end| session_field(i, end))),
            }
        }
        // Dates left empty: those of the first and the last session.
        let days: Vec<chrono::NaiveDate> = sessions
            .get_untracked()
            .iter()
            .filter_map(|s| parse_date(&s.date.get_untracked()))
            .collect();
        let date_of = |field: &'static str,
                       sig: RwSignal<String>,
                       fallback: Option<chrono::NaiveDate>,
                       bad: &mut Vec<&'static str>| {
            let text = sig.get_untracked();
            if text.trim().is_empty() {
                if fallback.is_none() {
                    bad.push(field);
                }
                fallback
            } else {
                let d = parse_date(&text);
                if d.is_none() {
                    bad.push(field);
                }
                d
            }
        };
        let first = date_of("starts_on", starts_on, days.iter().min().copied(), &mut bad);
        let last = date_of("ends_on", ends_on, days.iter().max().copied(), &mut bad);
        match (first, last) {
            (Some(first), Some(last)) if bad.is_empty() => {
                local.set(Vec::new());
                go.dispatch(CourseInput {
                    module_id,
                    starts_on: first,
                    ends_on: last,
                    sessions: list,
                    venue_id: Uuid::parse_str(&venue.get_untracked()).ok(),
                    online_url: opt_text(&online_url.get_untracked()),
                    public: public.get_untracked(),
                    open_to_partners: open_to_partners.get_untracked(),
                });
            }
            _ => {
                local.set(bad);
                focus_first_error();
            }
        }
    };
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        sessions.update(|l| l.push(SessionDraft::new(key)));
    };
    let sessions_err = err("sessions");
    view! {
        <h1 id="page-title">{move || i18n.t(TsKey::NewCourseTitle)}</h1>
        <p class="lead"><bdi>{move || i18n.tf(TsKey::NewCourseOf, &[("module", &pick(&title, i18n.lang.get()))])}</bdi></p>
        <form class="form card course-form" on:submit=on_submit novalidate=true>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <div class="field-row">
                <TextField id="starts_on" label=TsKey::StartsOn hint=TsKey::CourseDatesHint input_type="date" value=starts_on error=err("starts_on")/>
                <TextField id="ends_on" label=TsKey::EndsOn input_type="date" value=ends_on error=err("ends_on")/>
            </div>
            <fieldset class="plain-fieldset sessions-fieldset" aria-describedby="sessions-hint">
                <legend>{move || i18n.t(TsKey::SessionsLegend)}</legend>
                <p class="hint" id="sessions-hint">{move || i18n.t(TsKey::SessionsHint)}</p>
                {move || sessions_err.get().map(|m| view! { <p class="field-error" id="sessions-error">{m}</p> })}
                <ol class="plain session-drafts">
                    <For each=move || sessions.get() key=|s| s.key let:s>
                        <SessionRow s=s sessions=sessions errors=errors local=local/>
                    </For>
                </ol>
                <div class="actions">
                    <button type="button" class="button" id="add-session"
                        disabled=move || sessions.with(|l| l.len() >= MAX_SESSIONS)
                        on:click=add>
                        {move || i18n.t(TsKey::AddSession)}
                    </button>
                </div>
            </fieldset>
            <div class="field" class:field-invalid=move || err("venue_id").with(Option::is_some)>
                <label for="venue_id">{move || i18n.t(TsKey::Venue)}</label>
                <select id="venue_id" name="venue_id" on:change=move |ev| venue.set(event_target_value(&ev))>
                    <option value="" selected=move || venue.with(String::is_empty)>{move || i18n.t(TsKey::NoVenue)}</option>
                    {move || venues.get().and_then(Result::ok).map(|list| list.into_iter().map(|v| {
                        let id = v.id.to_string();
                        let id2 = id.clone();
                        let label = [Some(v.name.clone()), v.locality.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
                        view! { <option value=id selected=move || venue.with(|cur| *cur == id2)>{label}</option> }
                    }).collect_view())}
                </select>
                {move || err("venue_id").get().map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <TextField id="online_url" label=TsKey::OnlineUrl input_type="url" value=online_url autocomplete="off" error=err("online_url")/>
            <div class="field">
                <label class="check" for="public">
                    <input type="checkbox" id="public"
                        prop:checked=move || public.get()
                        on:change=move |ev| public.set(event_target_checked(&ev))/>
                    <span>{move || i18n.t(TsKey::PublicField)}</span>
                </label>
                <label class="check" for="open_to_partners">
                    <input type="checkbox" id="open_to_partners"
                        prop:checked=move || open_to_partners.get()
                        on:change=move |ev| open_to_partners.set(event_target_checked(&ev))/>
                    <span>{move || i18n.t(TsKey::OpenToPartners)}</span>
                </label>
            </div>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || i18n.t(TsKey::SaveCourse)}
                </button>
            </div>
        </form>
    }
}

/// One session's date, start and end, with its remove button (not for the only session).
#[component]
fn SessionRow(
    s: SessionDraft,
    sessions: RwSignal<Vec<SessionDraft>>,
    errors: RwSignal<FormErrors>,
    local: RwSignal<Vec<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = s.key;
    let position =
        Memo::new(move |_| sessions.with(|l| l.iter().position(|x| x.key == key).unwrap_or(0)));
    let number = move || (position.get() + 1).to_string();
    let message = move |end: bool| {
        let name = session_field(position.get(), end);
        if local.with(|l| l.contains(&name)) {
            Some(i18n.t(CommonKey::CheckValue).to_string())
        } else {
            errors.with(|e| e.field(name))
        }
    };
    let (date_id, start_id, end_id) = (
        format!("session-{key}-date"),
        format!("session-{key}-start"),
        format!("session-{key}-end"),
    );
    let (start_err_id, end_err_id) = (
        format!("session-{key}-start-error"),
        format!("session-{key}-end-error"),
    );
    let (se1, se2, ee1, ee2) = (
        start_err_id.clone(),
        start_err_id.clone(),
        end_err_id.clone(),
        end_err_id.clone(),
    );
    let heading_id = format!("session-{key}-title");
    let heading_id2 = heading_id.clone();
    let input = move |id: String,
                      kind: &'static str,
                      value: RwSignal<String>,
                      label: TsKey,
                      end: bool,
                      err_id: String| {
        view! {
            <div class="field" class:field-invalid=move || message(end).is_some()>
                <label for=id.clone()>{move || i18n.t(label)}</label>
                <input id=id type=kind required=true
                    aria-invalid=move || message(end).is_some().then_some("true")
                    aria-describedby=move || message(end).is_some().then(|| err_id.clone())
                    bind:value=value/>
            </div>
        }
    };
    view! {
        <li class="session-draft" role="group" aria-labelledby=heading_id2>
            <h3 id=heading_id class="session-title">{move || i18n.tf(TsKey::SessionN, &[("n", &number())])}</h3>
            <div class="field-row">
                {input(date_id, "date", s.date, TsKey::SessionDate, false, se1)}
                {input(start_id, "time", s.start, TsKey::SessionStart, false, se2)}
                {input(end_id, "time", s.end, TsKey::SessionEnd, true, ee1)}
            </div>
            {move || message(false).map(|m| view! { <p class="field-error" id=start_err_id.clone()>{m}</p> })}
            {move || message(true).map(|m| view! { <p class="field-error" id=ee2.clone()>{m}</p> })}
            {move || (sessions.with(Vec::len) > 1).then(|| view! {
                <button type="button" class="button small-button"
                    on:click=move |_| sessions.update(|l| l.retain(|x| x.key != key))>
                    {move || i18n.tf(TsKey::RemoveSession, &[("n", &number())])}
                </button>
            })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_is_a_day_and_two_times() {
        let s = session_times("2027-02-01", "09:00", "12:30").expect("valid");
        assert_eq!(s.starts_at, "2027-02-01T09:00");
        assert_eq!(s.ends_at, "2027-02-01T12:30");
        assert_eq!(session_times("", "09:00", "12:00").err(), Some(vec![false]));
        assert_eq!(
            session_times("2027-02-01", "9h", "x").err(),
            Some(vec![false, true])
        );
    }

    #[test]
    fn session_fields_carry_their_place() {
        assert_eq!(session_field(0, false), "sessions.0.starts_at");
        assert_eq!(session_field(1, true), "sessions.1.ends_at");
        assert_eq!(session_field(99, true), "sessions");
        assert!(COURSE_FIELDS.contains(&"sessions.19.ends_at"));
    }
}
