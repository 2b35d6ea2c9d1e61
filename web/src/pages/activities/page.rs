//! One activity for the team: its details, the mix of newcomers and locals against the
//! InterAct targets, the other sessions of its series, and its registrations by state —
//! register someone, cancel a registration and see who the waiting list promoted, export the
//! attendee list (CSV) and open the attendance sheet.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use shared::activities::{Activity, ActivityFilter, ActivityStatus};
use uuid::Uuid;

use super::agenda::agenda_href;
use super::calendar::{time_range, AgendaQuery, Period};
use super::form::input_from_activity;
use super::{format_date, kind_key, pick, places_line, programme_text, DateStyle, StatusBadge};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::focus_id;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::load::{load_page, load_state, PageHeadings};
use crate::components::StatusMessage;
use crate::i18n::activities::ActKey;
use crate::i18n::common::CommonKey;
use crate::i18n::person::PersonKey;
use crate::i18n::tag_label;
use crate::i18n::vocabulary::VocabKey;
use crate::locale::{use_i18n, use_page_title, I18n};
use crate::routes::{
    activity_attendance_path, activity_edit_path, activity_path, person_path, writes_people,
    ACTIVITIES,
};

mod registrations;

use registrations::*;

mod rules;

pub use rules::*;

fn param_id() -> Memo<Option<Uuid>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())))
}

#[component]
pub fn ActivityPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(ActKey::ActivityTitle);
    let api = use_api();
    let id = param_id();
    // A change of status redraws the page; registrations only refresh the counts.
    let reload = RwSignal::new(0_u32);
    let status = RwSignal::new(None::<String>);
    let activity = LocalResource::new(move || {
        reload.track();
        let id = id.get();
        async move {
            match id {
                Some(id) => api.get_activity(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page activity-page" aria-labelledby="page-title">
            <p class="back"><a href=ACTIVITIES>{move || i18n.t(ActKey::BackToAgenda)}</a></p>
            <StatusMessage message=status/>
            {move || load_page(
                activity.get(),
                move || activity.refetch(),
                PageHeadings { failed: ActKey::ActivityNotFound.into(), not_found: Some(ActKey::ActivityNotFound.into()) },
                |a| view! { <ActivityView activity=a reload=reload status=status/> }.into_any(),
            )}
        </section>
    }
}

#[component]
fn ActivityView(
    activity: Activity,
    reload: RwSignal<u32>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let can_write = api.session.user().is_some_and(|u| writes_people(u.role));
    let a = activity.clone();
    let id = a.id;
    let title = a.title.clone();
    let description = a.description.clone();
    let day = super::calendar::local_day(&a);
    let times = time_range(&a);
    let (programme, kind, state) = (a.programme, a.kind, a.status);
    // The counts as the last registration change left them (the rest of the page stays).
    let fresh = RwSignal::new(a.clone());
    let counts_changed = RwSignal::new(0_u32);
    Effect::new(move |previous: Option<u32>| {
        let n = counts_changed.get();
        if previous.is_some() {
            spawn_local(async move {
                if let Ok(a) = api.get_activity(id).await {
                    fresh.try_set(a);
                }
            });
        }
        n
    });

    let facts = facts_view(&a, fresh, i18n);
    view! {
        <div class="page-head">
            <div>
                <h1 id="page-title" class:is-cancelled=state == ActivityStatus::Cancelled>
                    <bdi>{move || pick(&title, i18n.lang.get())}</bdi>
                </h1>
                <p class="lead">
                    {move || day.map(|d| format_date(i18n.lang.get(), d, DateStyle::Full)).unwrap_or_default()}
                    " · " {times.clone()} " · "
                    {move || i18n.t(programme_text(programme))} " · " {move || i18n.t(kind_key(kind))}
                    " " <StatusBadge status=state/>
                </p>
            </div>
            <div class="head-actions">
                <a class="button primary" href=activity_attendance_path(id)>{move || i18n.t(ActKey::AttendanceSheet)}</a>
                {can_write.then(|| view! { <a class="button" href=activity_edit_path(id)>{move || i18n.t(CommonKey::Edit)}</a> })}
            </div>
        </div>
        {a.cancel_reason.clone().filter(|_| state == ActivityStatus::Cancelled).map(|reason| view! {
            <p class="alert alert-error cancelled-note">
                <strong>{move || i18n.t(ActKey::CancelledBecause)}</strong> " " <bdi>{reason}</bdi>
            </p>
        })}
        <div class="activity-grid">
            <section class="card" aria-labelledby="details-title">
                <h2 id="details-title">{move || i18n.t(ActKey::Details)}</h2>

                <p class="activity-places"><strong>{move || fresh.with(|a| places_line(a, i18n))}</strong></p>
                {facts}
                {move || {
                    let text = pick(&description, i18n.lang.get());
                    (!text.trim().is_empty()).then(|| view! {
                        <h3>{move || i18n.t(ActKey::Description)}</h3>
                        <p class="prewrap"><bdi>{text}</bdi></p>
                    })
                }}
            </section>
            <MixIndicator activity=fresh/>
        </div>
        {a.series_id.map(|s| view! { <SeriesSessions series=s current=id/> })}
        {can_write.then(|| view! { <StatusActions activity=activity.clone() reload=reload status=status/> })}
        <Registrations activity=a.clone() counts_changed=counts_changed status=status/>
    }
}

fn facts_view(a: &Activity, fresh: RwSignal<Activity>, i18n: I18n) -> impl IntoView {
    let capacity = a.capacity;
    let open = a.registration_open;
    let opens = a.registration_opens_at;
    let closes = a.registration_closes_at;
    let languages = a.languages.join(", ").to_uppercase();
    let french = a.french_level.map(|l| l.as_str().to_string());
    let free = a.free;
    let accessibility = a.accessibility_notes.clone();
    let visibility = a.visibility;
    let online = a.online_url.clone();
    let venue = a.venue.clone();
    let hosts = a.hosts.clone();
    let tags = a.tags.clone();
    let api = use_api();
    let all_tags =
        LocalResource::new(move || async move { api.list_tags().await.unwrap_or_default() });
    let not_provided =
        move || view! { <span class="muted">{move || i18n.t(CommonKey::NotProvided)}</span> };
    view! {
        <dl class="facts">
            {venue.map(|v| {
                let place = [v.street.clone(), v.postcode.clone(), v.locality.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
                view! {
                    <div>
                        <dt>{move || i18n.t(ActKey::Venue)}</dt>
                        <dd><bdi>{v.name.clone()}</bdi>{(!place.is_empty()).then(|| view! { <span class="block muted"><bdi>{place}</bdi></span> })}</dd>
                    </div>
                }
            })}
            {online.map(|url| view! {
                <div>
                    <dt>{move || i18n.t(ActKey::OnlineUrl)}</dt>
                    <dd><a href=url.clone() rel="external noopener" target="_blank">{url.clone()}</a></dd>
                </div>
            })}
            <div>
                <dt>{move || i18n.t(ActKey::Capacity)}</dt>
                <dd>{match capacity {
                    Some(c) => c.to_string().into_any(),
                    None => view! { {move || i18n.t(ActKey::Unlimited)} }.into_any(),
                }}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(ActKey::RegisteredCount)}</dt>
                <dd>{move || fresh.with(|a| a.counts.registered + a.counts.attended)}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(ActKey::WaitingList)}</dt>
                <dd>{move || fresh.with(|a| a.counts.waitlisted)}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(ActKey::Registration)}</dt>
                <dd>
                    {move || i18n.t(if open { ActKey::RegistrationOpen } else { ActKey::RegistrationClosed })}
                    {opens.map(|t| view! { <span class="block muted small">{move || i18n.tf(ActKey::OpensAt, &[("date", &i18n.date(&t))])}</span> })}
                    {closes.map(|t| view! { <span class="block muted small">{move || i18n.tf(ActKey::ClosesAt, &[("date", &i18n.date(&t))])}</span> })}
                </dd>
            </div>
            <div>
                <dt>{move || i18n.t(ActKey::ActivityLanguages)}</dt>
                <dd>{if languages.is_empty() { not_provided().into_any() } else { languages.into_any() }}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(ActKey::FrenchLevelNeeded)}</dt>
                <dd>{match french {
                    Some(l) => l.into_any(),
                    None => view! { {move || i18n.t(ActKey::NoLevelNeeded)} }.into_any(),
                }}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(ActKey::Price)}</dt>
                <dd>{move || i18n.t(if free { ActKey::Free } else { ActKey::NotFree })}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(ActKey::AccessibilityNotes)}</dt>
                <dd>{match accessibility {
                    Some(n) => view! { <bdi>{n}</bdi> }.into_any(),
                    None => not_provided().into_any(),
                }}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(ActKey::Visibility)}</dt>
                <dd>{move || i18n.t(match visibility {
                    shared::activities::Visibility::Public => ActKey::VisibilityPublic,
                    shared::activities::Visibility::Internal => ActKey::VisibilityInternal,
                })}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(ActKey::Hosts)}</dt>
                <dd>{if hosts.is_empty() {
                    not_provided().into_any()
                } else {
                    view! {
                        <ul class="plain">
                            {hosts.into_iter().map(|h| view! {
                                <li>
                                    <a href=person_path(h.person_id)><bdi>{h.display_name.clone()}</bdi></a>
                                    {h.public_name.clone().map(|p| view! {
                                        " " <span class="muted small">{move || i18n.tf(ActKey::ShownPubliclyAs, &[("name", &p)])}</span>
                                    })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(PersonKey::Tags)}</dt>
                <dd>{if tags.is_empty() {
                    not_provided().into_any()
                } else {
                    view! {
                        <ul class="chips">
                            {move || {
                                let lang = i18n.lang.get();
                                let all = all_tags.get().unwrap_or_default();
                                tags.iter()
                                    .map(|id| {
                                        let label = all.iter().find(|t| t.id == *id).map(|t| tag_label(t, lang).to_string()).unwrap_or_else(|| "…".into());
                                        view! { <li class="chip"><bdi>{label}</bdi></li> }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                    }
                        .into_any()
                }}</dd>
            </div>
        </dl>
    }
}

/// Newcomers and locals among the people holding a place, against the InterAct targets.
#[component]
fn MixIndicator(activity: RwSignal<Activity>) -> impl IntoView {
    let i18n = use_i18n();
    let line = move |label: VocabKey, line: MixLine, id: &'static str| {
        let have = line.have.to_string();
        let share = line.share.to_string();
        let target = match (line.target_places, line.target_percent) {
            (Some(places), Some(p)) => {
                Some((ActKey::TargetPlaces, places.to_string(), p.to_string()))
            }
            (None, Some(p)) => Some((ActKey::TargetShare, String::new(), p.to_string())),
            _ => None,
        };
        let reached = line.reached;
        let share_value = line.share.to_string();
        view! {
            <div class="mix-line" class:mix-short=!reached>
                <p class="mix-label" id=id>
                    {move || i18n.tf(ActKey::MixHave, &[("label", i18n.t(label)), ("count", &have), ("share", &share)])}
                </p>
                <meter min="0" max="100" value=share_value aria-labelledby=id></meter>
                {target.map(|(key, places, percent)| view! {
                    <p class="small">
                        {move || i18n.tf(key, &[("places", &places), ("percent", &percent)])}
                        " — "
                        <strong class=if reached { "mix-ok" } else { "mix-missing" }>
                            {move || i18n.t(if reached { ActKey::TargetReached } else { ActKey::TargetNotReached })}
                        </strong>
                    </p>
                })}
            </div>
        }
    };
    let body = move || {
        activity.with(|a| {
            let c = &a.counts;
            let total = c.newcomers + c.locals;
            let newcomers = mix_line(c.newcomers, total, a.capacity, a.min_newcomer_percent);
            let locals = mix_line(c.locals, total, a.capacity, a.min_local_percent);
            let has_targets = newcomers.target_percent.is_some() || locals.target_percent.is_some();
            view! {
                {(total == 0).then(|| view! { <p class="muted">{move || i18n.t(ActKey::NobodyYet)}</p> })}
                {line(VocabKey::Newcomer, newcomers, "mix-newcomers")}
                {line(VocabKey::Local, locals, "mix-locals")}
                {(!has_targets).then(|| view! { <p class="muted small">{move || i18n.t(ActKey::NoTargets)}</p> })}
            }
        })
    };
    view! {
        <section class="card mix" aria-labelledby="mix-title">
            <h2 id="mix-title">{move || i18n.t(ActKey::MixTitle)}</h2>
            {body}
        </section>
    }
}

/// The sessions of the same series, this one marked.
#[component]
fn SeriesSessions(series: Uuid, current: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let sessions = LocalResource::new(move || async move {
        api.list_activities(&ActivityFilter {
            series_id: Some(series),
            page_size: Some(60),
            ..ActivityFilter::default()
        })
        .await
    });
    let all_href = agenda_href(&AgendaQuery {
        series: Some(series),
        period: Period::All,
        ..AgendaQuery::default()
    });
    view! {
        <section class="card series-sessions" aria-labelledby="series-title">
            <h2 id="series-title">{move || i18n.t(ActKey::SeriesSessions)}</h2>
            {move || load_state(sessions.get(), move || sessions.refetch(), |page| view! {
                    <ol class="plain sessions">
                        {page.results.into_iter().map(|s| {
                            let is_current = s.id == current;
                            let day = super::calendar::local_day(&s);
                            let times = time_range(&s);
                            let state = s.status;
                            view! {
                                <li class:current=is_current>
                                    <a href=activity_path(s.id) aria-current=is_current.then_some("page")>
                                        {move || day.map(|d| format_date(i18n.lang.get(), d, DateStyle::Short)).unwrap_or_default()}
                                        " " {times.clone()}
                                    </a>
                                    {(state != ActivityStatus::Published).then(|| view! { " " <StatusBadge status=state/> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                    .into_any())}
            <p><a href=all_href>{move || i18n.t(ActKey::SeriesInAgenda)}</a></p>
        </section>
    }
}

/// Publish, or cancel the activity with a reason (the rest is in the editor).
#[component]
fn StatusActions(
    activity: Activity,
    reload: RwSignal<u32>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = activity.id;
    let state = activity.status;
    let input = StoredValue::new(input_from_activity(&activity));
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let change = use_submit(
        errors,
        &["cancel_reason"],
        move |(to, why): (ActivityStatus, Option<String>)| {
            let mut body = input.get_value();
            body.status = Some(to);
            body.cancel_reason = why;
            async move { api.update_activity(id, &body).await.map(|_| to) }
        },
        move |to| {
            status.set(Some(
                i18n.t(if to == ActivityStatus::Cancelled {
                    ActKey::ActivityCancelledDone
                } else {
                    ActKey::ActivityPublishedDone
                })
                .to_string(),
            ));
            reload.update(|n| *n += 1);
        },
    )
    .on_refused(move |err| {
        // The reason is the form's only field: back to it, whatever the message.
        errors.set(FormErrors::from_error(
            err,
            &["cancel_reason"],
            i18n.lang.get_untracked(),
        ));
        request_animation_frame(|| {
            focus_id("cancel-activity-reason");
        });
        true
    });
    let pending = change.pending();
    let reason_error = Signal::derive(move || errors.with(|e| e.field("cancel_reason")));
    view! {
        <section class="card status-actions" aria-labelledby="status-actions-title">
            <h2 id="status-actions-title">{move || i18n.t(ActKey::PublicationSection)}</h2>
            <ErrorAlert
                message=Signal::derive(move || errors.with(FormErrors::general))
                on_dismiss=move || errors.update(FormErrors::dismiss_general)
            />
            <div class="actions">
                {(state != ActivityStatus::Published).then(|| view! {
                    <button
                        type="button"
                        class="button primary"
                        id="publish-activity"
                        disabled=move || pending.get()
                        on:click=move |_| { change.dispatch((ActivityStatus::Published, None)); }
                    >
                        {move || i18n.t(ActKey::Publish)}
                    </button>
                })}
            </div>
            {(state != ActivityStatus::Cancelled).then(|| view! {
                <details class="cancel-activity">
                    <summary>{move || i18n.t(ActKey::CancelActivity)}</summary>
                    <p class="hint">{move || i18n.t(ActKey::CancelActivityHint)}</p>
                    <div class="field" class:field-invalid=move || reason_error.with(Option::is_some)>
                        <label for="cancel-activity-reason">{move || i18n.t(ActKey::CancelReason)}</label>
                        <input
                            id="cancel-activity-reason"
                            type="text"
                            autocomplete="off"
                            required=true
                            aria-invalid=move || reason_error.with(Option::is_some).then_some("true")
                            aria-describedby=move || reason_error.with(Option::is_some).then_some("cancel-activity-reason-error")
                            bind:value=reason
                        />
                        {move || reason_error.get().map(|m| view! { <p class="field-error" id="cancel-activity-reason-error">{m}</p> })}
                    </div>
                    <button
                        type="button"
                        class="button danger"
                        id="confirm-cancel-activity"
                        disabled=move || pending.get()
                        on:click=move |_| {
                            let why = super::form::opt_text(&reason.get_untracked());
                            change.dispatch((ActivityStatus::Cancelled, why));
                        }
                    >
                        {move || i18n.t(ActKey::ConfirmCancelActivity)}
                    </button>
                </details>
            })}
        </section>
    }
}
