//! The registrations panel of an activity: register people, the waiting list, cancellations, the attendee file, and the people staff must tell themselves.

use super::super::{download_text, registration_status_key, source_key, LoadError, PersonSearch};
use super::{csv_file_name, promoted, STATE_ORDER};
use crate::api::activities::{new_idempotency_key, CsvSeparator};
use crate::api::{use_api, ApiError};
use crate::components::dom::focus_id;
use crate::components::form::ErrorAlert;
use crate::components::Loading;
use crate::i18n::activities::ActKey;
use crate::i18n::common::CommonKey;
use crate::i18n::vocabulary::category_opt_key;
use crate::locale::use_i18n;
use crate::routes::person_path;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::activities::{
    Activity, ActivityStatus, Registration, RegistrationInput, RegistrationStatus,
    RegistrationUpdate,
};
use shared::notifications::{Notification, NotificationDone, NotificationKind, NotificationStatus};
use shared::people::{Category, PersonSummary};
use uuid::Uuid;

/// What the registrations panel shows.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum ListState {
    Loading,
    Forbidden,
    Failed(String),
    Ready,
}

/// What happened to the registrations, for the status message.
#[derive(Clone)]
pub(super) enum Outcome {
    Registered(String, Registration),
    Cancelled(String, Vec<Registration>),
}

#[component]
pub(super) fn Registrations(
    activity: Activity,
    /// Bumped after each change, so the page refreshes its counts.
    counts_changed: RwSignal<u32>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = activity.id;
    let capacity = activity.capacity;
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
                // Places still free after a waitlisting: they are held for the mix target.
                let free_places = match (&after, capacity) {
                    (Ok(a), Some(c)) => {
                        let taken = a.iter().filter(|r| r.status.holds_place()).count();
                        usize::try_from(c).is_ok_and(|c| taken < c)
                    }
                    _ => false,
                };
                list.set(Some(after));
                counts_changed.update(|n| *n += 1);
                let message = match outcome {
                    Outcome::Registered(name, r) if r.status == RegistrationStatus::Waitlisted => {
                        let key = match (free_places, r.category) {
                            (false, _) | (true, None) => ActKey::NowWaitlisted,
                            (true, Some(Category::Local)) => ActKey::NowWaitlistedHeldForNewcomers,
                            (true, Some(Category::Newcomer)) => ActKey::NowWaitlistedHeldForLocals,
                        };
                        i18n.tf(
                            key,
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
pub(super) fn ToNotify(
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
                    NotificationKind::Reminder => ActKey::NoticeReminder,
                };
                let failed = n.status == NotificationStatus::Failed;
                let no_contact = n.phone.is_none() && n.email.is_none();
                let phone = n.phone.clone().map(|p| {
                    let href = format!("tel:{}", p.replace(' ', ""));
                    view! {
                        <span class="notice-contact">
                            {move || i18n.t(ActKey::NoticePhone)} " " <a href=href><bdi dir="ltr">{p}</bdi></a>
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
pub(super) fn RegistrationRow(
    registration: Registration,
    just_promoted: RwSignal<Vec<Uuid>>,
    confirming: RwSignal<Option<Uuid>>,
    busy: Signal<bool>,
    cancel: Callback<Registration>,
) -> impl IntoView {
    let i18n = use_i18n();
    let r = registration;
    let rid = r.id;
    let category: Option<Category> = r.category;
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
                <span class="badge badge-category">{move || i18n.t(category_opt_key(category))}</span>
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
