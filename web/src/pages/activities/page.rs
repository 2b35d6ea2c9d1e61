//! One activity for the team: its details, the mix of newcomers and locals against the
//! InterAct targets, the other sessions of its series, and its registrations by state —
//! register someone, cancel a registration and see who the waiting list promoted, export the
//! attendee list (CSV) and open the attendance sheet.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use shared::activities::{
    Activity, ActivityFilter, ActivityStatus, Registration, RegistrationInput, RegistrationStatus,
    RegistrationUpdate,
};
use shared::notifications::{Notification, NotificationDone, NotificationKind, NotificationStatus};
use shared::people::{Category, PersonSummary};
use uuid::Uuid;

use super::agenda::agenda_href;
use super::calendar::{time_range, AgendaQuery, Period};
use super::form::input_from_activity;
use super::{
    download_text, format_date, kind_key, pick, places_line, programme_text,
    registration_status_key, source_key, DateStyle, LoadError, PersonSearch, StatusBadge,
};
use crate::api::activities::{new_idempotency_key, CsvSeparator};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::focus_id;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::load::{load_page, load_state, PageHeadings};
use crate::components::{Loading, StatusMessage};
use crate::i18n::activities::ActKey;
use crate::i18n::common::CommonKey;
use crate::i18n::person::PersonKey;
use crate::i18n::tag_label;
use crate::i18n::vocabulary::category_key;
use crate::i18n::vocabulary::VocabKey;
use crate::locale::{use_i18n, use_page_title, I18n};
use crate::routes::{
    activity_attendance_path, activity_edit_path, activity_path, person_path, writes_people,
    ACTIVITIES,
};

/// The order in which the states are listed.
pub const STATE_ORDER: [RegistrationStatus; 6] = [
    RegistrationStatus::Registered,
    RegistrationStatus::Waitlisted,
    RegistrationStatus::Attended,
    RegistrationStatus::Absent,
    RegistrationStatus::Excused,
    RegistrationStatus::Cancelled,
];

/// People who were waiting in `before` and hold a place in `after`: those the waiting list
/// promoted in between.
pub fn promoted(before: &[Registration], after: &[Registration]) -> Vec<Registration> {
    after
        .iter()
        .filter(|r| r.status == RegistrationStatus::Registered)
        .filter(|r| {
            before
                .iter()
                .any(|b| b.id == r.id && b.status == RegistrationStatus::Waitlisted)
        })
        .cloned()
        .collect()
}

/// One group of the mix: how many hold a place, the share of all participants, and the places
/// the target keeps for the group (with a capacity) or the share it asks for (without).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MixLine {
    pub have: u32,
    /// Share of participants, in percent (rounded).
    pub share: u32,
    pub target_percent: Option<u32>,
    /// Places kept for the group: `ceil(capacity × target %)`.
    pub target_places: Option<u32>,
    /// Whether the target is reached (no target: reached).
    pub reached: bool,
}

/// The mix line of one group: `have` of `total` participants, against `target_percent` of
/// `capacity` (as the API counts it when admitting people).
pub fn mix_line(
    have: u32,
    total: u32,
    capacity: Option<i32>,
    target_percent: Option<i32>,
) -> MixLine {
    let share = (have * 100 + total / 2).checked_div(total).unwrap_or(0);
    let target_percent = target_percent
        .and_then(|p| u32::try_from(p).ok())
        .filter(|p| *p > 0);
    let capacity = capacity.and_then(|c| u32::try_from(c).ok());
    let target_places = match (capacity, target_percent) {
        (Some(c), Some(p)) => Some((c * p).div_ceil(100)),
        _ => None,
    };
    let reached = match (target_places, target_percent) {
        (Some(places), _) => have >= places,
        (None, Some(p)) => total > 0 && share >= p,
        (None, None) => true,
    };
    MixLine {
        have,
        share,
        target_percent,
        target_places,
        reached,
    }
}

/// A file name for the attendee list (no personal data, the activity's date and id).
pub fn csv_file_name(a: &Activity, sep: CsvSeparator) -> String {
    let day = super::calendar::local_day(a)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let short = a.id.simple().to_string();
    let short = short.get(..8).unwrap_or_default();
    match sep {
        CsvSeparator::Comma => format!("interra-attendees-{day}-{short}.csv"),
        CsvSeparator::Semicolon => format!("interra-attendees-{day}-{short}-excel.csv"),
    }
}

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

/// What the registrations panel shows.
#[derive(Debug, Clone, PartialEq)]
enum ListState {
    Loading,
    Forbidden,
    Failed(String),
    Ready,
}

/// What happened to the registrations, for the status message.
#[derive(Clone)]
enum Outcome {
    Registered(String, Registration),
    Cancelled(String, Vec<Registration>),
}

#[component]
fn Registrations(
    activity: Activity,
    /// Bumped after each change, so the page refreshes its counts.
    counts_changed: RwSignal<u32>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = activity.id;
    let list = RwSignal::new(None::<Result<Vec<Registration>, ApiError>>);
    let load = move || {
        spawn_local(async move {
            let r = api.list_registrations(id).await;
            list.set(Some(r));
        });
    };
    load();
    let error = RwSignal::new(None::<String>);
    let just_promoted = RwSignal::new(Vec::<Uuid>::new());
    let confirming = RwSignal::new(None::<Uuid>);
    // Only a change of state redraws the panel (the search keeps what was typed).
    let state = Memo::new(move |_| {
        list.with(|l| match l {
            None => ListState::Loading,
            Some(Err(err))
                if err.code() == Some(shared::ErrorCode::Forbidden)
                    || matches!(err, ApiError::Status(403)) =>
            {
                ListState::Forbidden
            }
            Some(Err(err)) => ListState::Failed(err.message(i18n.lang.get_untracked())),
            Some(Ok(_)) => ListState::Ready,
        })
    });
    let regs = move || {
        list.with(|l| {
            l.as_ref()
                .and_then(|r| r.as_ref().ok())
                .cloned()
                .unwrap_or_default()
        })
    };
    let present: Signal<Vec<Uuid>> = Signal::derive(move || {
        regs()
            .into_iter()
            .filter(|r| r.status != RegistrationStatus::Cancelled)
            .map(|r| r.person_id)
            .collect()
    });

    let register = Action::new_local(move |p: &PersonSummary| {
        let p = p.clone();
        let key = new_idempotency_key();
        async move {
            let body = RegistrationInput {
                person_id: p.id,
                source: None,
            };
            let r = api.add_registration(id, &body, &key).await?;
            let after = api.list_registrations(id).await;
            Ok::<_, ApiError>((Outcome::Registered(p.display_name, r), after))
        }
    });
    let cancel = Action::new_local(move |r: &Registration| {
        let r = r.clone();
        async move {
            let before = api.list_registrations(id).await.unwrap_or_default();
            api.set_registration_status(
                id,
                r.id,
                &RegistrationUpdate {
                    status: RegistrationStatus::Cancelled,
                },
            )
            .await?;
            let after = api.list_registrations(id).await;
            let moved = after
                .as_ref()
                .map(|a| promoted(&before, a))
                .unwrap_or_default();
            Ok::<_, ApiError>((Outcome::Cancelled(r.display_name, moved), after))
        }
    });
    let apply = move |result: Result<(Outcome, Result<Vec<Registration>, ApiError>), ApiError>| {
        match result {
            Ok((outcome, after)) => {
                error.set(None);
                confirming.set(None);
                list.set(Some(after));
                counts_changed.update(|n| *n += 1);
                let message = match outcome {
                    Outcome::Registered(name, r) if r.status == RegistrationStatus::Waitlisted => {
                        i18n.tf(
                            ActKey::NowWaitlisted,
                            &[
                                ("name", &name),
                                ("position", &r.waitlist_position.unwrap_or(0).to_string()),
                            ],
                        )
                    }
                    Outcome::Registered(name, _) => {
                        i18n.tf(ActKey::NowRegistered, &[("name", &name)])
                    }
                    Outcome::Cancelled(name, moved) => {
                        just_promoted.set(moved.iter().map(|r| r.id).collect());
                        let mut text = i18n.tf(ActKey::RegistrationCancelled, &[("name", &name)]);
                        for m in &moved {
                            text.push(' ');
                            text.push_str(
                                &i18n.tf(ActKey::PromotedNotice, &[("name", &m.display_name)]),
                            );
                        }
                        text
                    }
                };
                status.set(Some(message));
            }
            Err(err) => {
                status.set(None);
                error.set(Some(err.message(i18n.lang.get_untracked())));
            }
        }
    };
    Effect::new(move |_| {
        if let Some(r) = register.value().get() {
            apply(r);
        }
    });
    Effect::new(move |_| {
        if let Some(r) = cancel.value().get() {
            apply(r);
        }
    });
    let busy = Signal::derive(move || register.pending().get() || cancel.pending().get());
    let export = Action::new_local(move |sep: &CsvSeparator| {
        let sep = *sep;
        async move { (sep, api.attendees_csv(id, sep).await) }
    });
    let activity_for_name = StoredValue::new(activity.clone());
    Effect::new(move |_| match export.value().get() {
        Some((sep, Ok(text))) => {
            let name = csv_file_name(&activity_for_name.get_value(), sep);
            if download_text(&name, "text/csv", &text).is_some() {
                error.set(None);
                status.set(Some(i18n.t(ActKey::CsvDownloaded).to_string()));
            } else {
                error.set(Some(i18n.t(CommonKey::ErrUnexpected).to_string()));
            }
        }
        Some((_, Err(err))) => error.set(Some(err.message(i18n.lang.get_untracked()))),
        None => {}
    });
    let closed = activity.status == ActivityStatus::Cancelled;
    let choose = Callback::new(move |p: PersonSummary| {
        register.dispatch(p);
    });

    let groups = move || {
        let all = regs();
        STATE_ORDER
            .into_iter()
            .map(|state| {
                let rows: Vec<Registration> = all.iter().filter(|r| r.status == state).cloned().collect();
                let count = rows.len();
                // Empty attendance and cancellation groups say nothing worth a heading.
                let always = matches!(state, RegistrationStatus::Registered | RegistrationStatus::Waitlisted);
                if count == 0 && !always {
                    return ().into_any();
                }
                let heading_id = format!("regs-{}", state.as_str());
                let items = rows
                    .into_iter()
                    .map(|r| view! { <RegistrationRow registration=r just_promoted=just_promoted confirming=confirming busy=busy cancel=Callback::new(move |r: Registration| { cancel.dispatch(r); })/> })
                    .collect_view();
                let body = if count == 0 {
                    view! { <p class="muted small">{move || i18n.t(ActKey::NobodyInState)}</p> }.into_any()
                } else {
                    view! { <ul class="plain registrations">{items}</ul> }.into_any()
                };
                let heading = view! {
                    <h3 id=heading_id.clone()>
                        {move || i18n.t(registration_status_key(state))}
                        " " <span class="count-pill">{count}</span>
                    </h3>
                };
                if state == RegistrationStatus::Cancelled {
                    view! {
                        <section class="reg-group" aria-labelledby=heading_id>
                            <details>
                                <summary>{heading}</summary>
                                {body}
                            </details>
                        </section>
                    }
                        .into_any()
                } else {
                    view! { <section class="reg-group" aria-labelledby=heading_id>{heading}{body}</section> }.into_any()
                }
            })
            .collect_view()
    };

    view! {
        <section class="card registrations-panel" aria-labelledby="registrations-title">
            <h2 id="registrations-title">{move || i18n.t(ActKey::Registrations)}</h2>
            <ErrorAlert message=error on_dismiss=move || error.set(None)/>
            {move || match state.get() {
                ListState::Loading => view! { <Loading/> }.into_any(),
                ListState::Forbidden => {
                    view! { <p class="muted">{move || i18n.t(ActKey::NotYourActivity)}</p> }.into_any()
                }
                ListState::Failed(message) => view! { <LoadError message=message retry=Callback::new(move |_| load())/> }.into_any(),
                ListState::Ready => view! {
                    <div class="registrations-tools">
                        {(!closed).then(|| view! {
                            <div class="register-someone">
                                <h3>{move || i18n.t(ActKey::RegisterSomeone)}</h3>
                                <p class="hint">{move || i18n.t(ActKey::RegisterHint)}</p>
                                <PersonSearch
                                    id="register-search"
                                    label=ActKey::FindPerson
                                    action=ActKey::Register
                                    action_named=ActKey::RegisterNamed
                                    on_choose=choose
                                    exclude=present
                                    busy=busy
                                />
                            </div>
                        })}
                        <div class="exports">
                            <h3>{move || i18n.t(ActKey::Export)}</h3>
                            <div class="actions">
                                <button type="button" class="button" id="csv-comma" disabled=move || export.pending().get()
                                    on:click=move |_| { export.dispatch(CsvSeparator::Comma); }>
                                    {move || i18n.t(ActKey::CsvComma)}
                                </button>
                                <button type="button" class="button" id="csv-semicolon" disabled=move || export.pending().get()
                                    on:click=move |_| { export.dispatch(CsvSeparator::Semicolon); }>
                                    {move || i18n.t(ActKey::CsvSemicolon)}
                                </button>
                            </div>
                            <p class="hint">{move || i18n.t(ActKey::CsvHint)}</p>
                        </div>
                    </div>
                    <ToNotify activity=id refresh=counts_changed status=status/>
                    {groups}
                }
                    .into_any(),
            }}
        </section>
    }
}

/// "À prévenir": people promoted from the waiting list, or whose activity is cancelled, whom
/// staff must tell themselves (no email address, the email failed, or no mail server), each
/// with a "Told" button.
#[component]
fn ToNotify(
    activity: Uuid,
    /// Bumped after each change of the registrations: a cancellation may promote someone.
    refresh: RwSignal<u32>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let list = RwSignal::new(Vec::<Notification>::new());
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        refresh.track();
        spawn_local(async move {
            // Staff who may not manage this activity see nothing here (the registrations
            // panel already says so).
            if let Ok(page) = api.notifications_to_do(activity).await {
                list.set(page.results);
            }
        });
    });
    let done = Action::new_local(move |n: &Notification| {
        let n = n.clone();
        async move {
            let r = api
                .notification_done(n.id, &NotificationDone::default())
                .await;
            let after = api.notifications_to_do(activity).await;
            (n.display_name, r, after)
        }
    });
    Effect::new(move |_| {
        if let Some((name, r, after)) = done.value().get() {
            match r {
                Ok(_) => {
                    error.set(None);
                    status.set(Some(i18n.tf(ActKey::ToldDone, &[("name", &name)])));
                }
                Err(err) => error.set(Some(err.message(i18n.lang.get_untracked()))),
            }
            if let Ok(page) = after {
                list.set(page.results);
            }
        }
    });
    let items = move || {
        list.get()
            .into_iter()
            .map(|n| {
                let name = n.display_name.clone();
                let label_name = name.clone();
                let reason = match n.kind {
                    NotificationKind::Promoted => ActKey::NoticePromoted,
                    NotificationKind::ActivityCancelled => ActKey::NoticeCancelled,
                };
                let failed = n.status == NotificationStatus::Failed;
                let no_contact = n.phone.is_none() && n.email.is_none();
                let phone = n.phone.clone().map(|p| {
                    let href = format!("tel:{}", p.replace(' ', ""));
                    view! {
                        <span class="notice-contact">
                            {move || i18n.t(ActKey::NoticePhone)} " " <a href=href><bdi>{p}</bdi></a>
                        </span>
                    }
                });
                let email = n.email.clone().map(|e| {
                    let href = format!("mailto:{e}");
                    view! {
                        <span class="notice-contact">
                            {move || i18n.t(ActKey::NoticeEmail)} " " <a href=href><bdi>{e}</bdi></a>
                        </span>
                    }
                });
                let n2 = n.clone();
                view! {
                    <li class="notice">
                        <div class="reg-who">
                            <a href=person_path(n.person_id) class="reg-name"><bdi>{name}</bdi></a>
                            <span class="badge badge-promoted">{move || i18n.t(reason)}</span>
                        </div>
                        <p class="small">
                            {phone} " " {email}
                            {no_contact.then(|| view! { <span class="muted">{move || i18n.t(ActKey::NoticeNoContact)}</span> })}
                        </p>
                        {failed.then(|| view! { <p class="small warning">{move || i18n.t(ActKey::NoticeEmailFailed)}</p> })}
                        <div class="actions">
                            <button
                                type="button"
                                class="button small-button"
                                aria-label=move || i18n.tf(ActKey::MarkToldNamed, &[("name", &label_name)])
                                disabled=move || done.pending().get()
                                on:click=move |_| { done.dispatch(n2.clone()); }
                            >
                                {move || i18n.t(ActKey::MarkTold)}
                            </button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !list.with(Vec::is_empty)>
            <section class="reg-group to-notify" aria-labelledby="to-notify-title">
                <h3 id="to-notify-title">
                    {move || i18n.t(ActKey::ToNotify)}
                    " " <span class="count-pill">{move || list.with(Vec::len)}</span>
                </h3>
                <p class="hint">{move || i18n.t(ActKey::ToNotifyHint)}</p>
                <ErrorAlert message=error on_dismiss=move || error.set(None)/>
                <ul class="plain registrations">{items}</ul>
            </section>
        </Show>
    }
}

#[component]
fn RegistrationRow(
    registration: Registration,
    just_promoted: RwSignal<Vec<Uuid>>,
    confirming: RwSignal<Option<Uuid>>,
    busy: Signal<bool>,
    cancel: Callback<Registration>,
) -> impl IntoView {
    let i18n = use_i18n();
    let r = registration;
    let rid = r.id;
    let category: Category = r.category;
    let source = r.source;
    let can_cancel = matches!(
        r.status,
        RegistrationStatus::Registered | RegistrationStatus::Waitlisted
    );
    let name = r.display_name.clone();
    let (name2, name3) = (name.clone(), name.clone());
    let position = r.waitlist_position;
    let promoted_at = r.promoted_at;
    let created = r.created_at;
    let r2 = r.clone();
    view! {
        <li class="registration" class:just-promoted=move || just_promoted.with(|p| p.contains(&rid))>
            <div class="reg-who">
                <a href=person_path(r.person_id) class="reg-name"><bdi>{name.clone()}</bdi></a>
                <span class="badge badge-category">{move || i18n.t(category_key(category))}</span>
                {position.map(|n| view! { <span class="badge badge-waitlist">{move || i18n.tf(ActKey::WaitlistPosition, &[("position", &n.to_string())])}</span> })}
                {promoted_at.map(|t| view! {
                    <span class="badge badge-promoted">{move || i18n.tf(ActKey::PromotedOn, &[("date", &i18n.date(&t))])}</span>
                })}
            </div>
            <p class="muted small">
                {move || i18n.t(source_key(source))} " · " {move || i18n.tf(ActKey::RegisteredOn, &[("date", &i18n.date(&created))])}
            </p>
            {can_cancel.then(|| view! {
                <div class="actions">
                    <Show
                        when=move || confirming.get() == Some(rid)
                        fallback=move || {
                            let name = name2.clone();
                            view! {
                                <button
                                    type="button"
                                    class="button small-button"
                                    aria-label=move || i18n.tf(ActKey::CancelRegistrationNamed, &[("name", &name)])
                                    disabled=move || busy.get()
                                    on:click=move |_| {
                                        confirming.set(Some(rid));
                                        let id = format!("confirm-cancel-{rid}");
                                        request_animation_frame(move || { focus_id(&id); });
                                    }
                                >
                                    {move || i18n.t(ActKey::CancelRegistration)}
                                </button>
                            }
                        }
                    >
                        {
                            let (name, r) = (name3.clone(), r2.clone());
                            view! {
                                <button
                                    type="button"
                                    class="button danger small-button"
                                    id=format!("confirm-cancel-{rid}")
                                    aria-label=move || i18n.tf(ActKey::ConfirmCancelNamed, &[("name", &name)])
                                    disabled=move || busy.get()
                                    on:click=move |_| cancel.run(r.clone())
                                >
                                    {move || i18n.t(ActKey::ConfirmCancel)}
                                </button>
                                <button type="button" class="button small-button" on:click=move |_| confirming.set(None)>
                                    {move || i18n.t(ActKey::KeepRegistration)}
                                </button>
                            }
                        }
                    </Show>
                </div>
            })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use shared::activities::RegistrationSource;

    fn reg(n: u128, status: RegistrationStatus) -> Registration {
        Registration {
            id: Uuid::from_u128(n),
            activity_id: Uuid::from_u128(100),
            person_id: Uuid::from_u128(200 + n),
            display_name: format!("P{n}"),
            category: Category::Local,
            status,
            source: RegistrationSource::Staff,
            waitlist_position: None,
            registered_by: None,
            promoted_at: None,
            created_at: Utc::now(),
        }
    }

    #[test]
    fn promotion_is_seen_by_comparing_before_and_after() {
        use RegistrationStatus::*;
        let before = vec![reg(1, Registered), reg(2, Waitlisted), reg(3, Waitlisted)];
        let after = vec![reg(1, Cancelled), reg(2, Registered), reg(3, Waitlisted)];
        let moved = promoted(&before, &after);
        assert_eq!(
            moved
                .iter()
                .map(|r| r.display_name.as_str())
                .collect::<Vec<_>>(),
            ["P2"]
        );
        assert!(promoted(&after, &after).is_empty());
        // Someone registered directly is not "promoted".
        let after = vec![
            reg(1, Cancelled),
            reg(2, Waitlisted),
            reg(3, Waitlisted),
            reg(4, Registered),
        ];
        assert!(promoted(&before, &after).is_empty());
    }

    #[test]
    fn the_mix_counts_places_kept_for_each_group() {
        // 12 places, 30 % for newcomers: 4 places kept (rounded up).
        let line = mix_line(3, 8, Some(12), Some(30));
        assert_eq!(line.target_places, Some(4));
        assert_eq!(line.share, 38);
        assert!(!line.reached);
        assert!(mix_line(4, 8, Some(12), Some(30)).reached);
        // Without a capacity the target is a share of the participants.
        let line = mix_line(2, 8, None, Some(30));
        assert_eq!(
            (line.target_places, line.share, line.reached),
            (None, 25, false)
        );
        assert!(mix_line(3, 8, None, Some(30)).reached);
        // No target, no participants.
        let line = mix_line(0, 0, Some(10), None);
        assert_eq!(
            (line.share, line.reached, line.target_percent),
            (0, true, None)
        );
        assert_eq!(mix_line(0, 0, Some(10), Some(0)).target_percent, None);
    }

    #[test]
    fn every_state_is_listed_once() {
        for s in RegistrationStatus::ALL {
            assert_eq!(STATE_ORDER.iter().filter(|x| *x == s).count(), 1, "{s}");
        }
    }
}
