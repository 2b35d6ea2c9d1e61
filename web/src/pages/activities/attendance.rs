//! The attendance sheet, made for a phone at the door: one big row per person with present /
//! absent / excused, people from the waiting list who came anyway, and walk-ins (someone
//! already known, or a new person recorded in a few fields).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::activities::{
    Activity, Registration, RegistrationInput, RegistrationSource, RegistrationStatus,
    RegistrationUpdate,
};
use shared::people::{Category, PersonInput, PersonSummary};
use uuid::Uuid;

use super::calendar::time_range;
use super::form::opt_text;
use super::{format_date, pick, venue_line, DateStyle, PersonSearch};
use crate::api::activities::new_idempotency_key;
use crate::api::{conflict_id, use_api, ApiError, FormErrors};
use crate::components::{Loading, StatusMessage};
use crate::i18n::activities::ActKey;

use crate::components::dom::focus_id;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::TextField;
use crate::components::load::load_error;
use crate::i18n::common::CommonKey;
use crate::i18n::people::PeopleKey;
use crate::i18n::person::PersonKey;
use crate::i18n::vocabulary::category_key;
use crate::i18n::vocabulary::category_opt_key;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{activity_path, writes_people};

/// The attendance marks, in the order of the buttons.
pub const MARKS: [RegistrationStatus; 3] = [
    RegistrationStatus::Attended,
    RegistrationStatus::Absent,
    RegistrationStatus::Excused,
];

/// Who is on the sheet (holding a place or already marked), by name.
pub fn sheet_rows(all: &[Registration]) -> Vec<Registration> {
    let mut rows: Vec<Registration> = all
        .iter()
        .filter(|r| {
            matches!(
                r.status,
                RegistrationStatus::Registered
                    | RegistrationStatus::Attended
                    | RegistrationStatus::Absent
                    | RegistrationStatus::Excused
            )
        })
        .cloned()
        .collect();
    rows.sort_by_key(|r| r.display_name.to_lowercase());
    rows
}

/// Counts for the sheet's summary: present, absent, excused, not marked yet.
pub fn tally(all: &[Registration]) -> [usize; 4] {
    let count = |s: RegistrationStatus| all.iter().filter(|r| r.status == s).count();
    [
        count(RegistrationStatus::Attended),
        count(RegistrationStatus::Absent),
        count(RegistrationStatus::Excused),
        count(RegistrationStatus::Registered),
    ]
}

fn mark_key(s: RegistrationStatus) -> ActKey {
    match s {
        RegistrationStatus::Absent => ActKey::MarkAbsent,
        RegistrationStatus::Excused => ActKey::MarkExcused,
        _ => ActKey::MarkPresent,
    }
}

#[component]
pub fn AttendancePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(ActKey::AttendanceSheet);
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let data = LocalResource::new(move || {
        let id = id.get();
        async move {
            let Some(id) = id else {
                return Err(ApiError::Status(404));
            };
            let a = api.get_activity(id).await?;
            let regs = api.list_registrations(id).await?;
            Ok((a, regs))
        }
    });
    view! {
        <section class="page attendance-page" aria-labelledby="page-title">
            {move || match data.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => {
                    let forbidden = err.code() == Some(shared::ErrorCode::Forbidden) || matches!(err, ApiError::Status(403));
                    view! {
                        <h1 id="page-title">{move || i18n.t(ActKey::AttendanceSheet)}</h1>
                        {if forbidden {
                            view! { <p class="muted">{move || i18n.t(ActKey::NotYourActivity)}</p> }.into_any()
                        } else {
                            load_error(&err, move || data.refetch())
                        }}
                    }
                        .into_any()
                }
                Some(Ok((a, regs))) => view! { <Sheet activity=a registrations=regs/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Sheet(activity: Activity, registrations: Vec<Registration>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let can_write = api.session.user().is_some_and(|u| writes_people(u.role));
    let id = activity.id;
    let list = RwSignal::new(registrations);
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    // A walk-in's outcome is said in the walk-in card, where the phone's screen is: the sheet's
    // own message sits above the list, out of view once it is long.
    let door_status = RwSignal::new(None::<String>);
    let door_error = RwSignal::new(None::<String>);
    let at_door = RwSignal::new(false);
    let replace = move |r: Registration| {
        list.update(|l| match l.iter_mut().find(|x| x.id == r.id) {
            Some(x) => *x = r,
            None => l.push(r),
        });
    };

    let mark = Action::new_local(move |(r, to): &(Registration, RegistrationStatus)| {
        let (r, to) = (r.clone(), *to);
        async move {
            api.set_registration_status(id, r.id, &RegistrationUpdate { status: to })
                .await
        }
    });
    Effect::new(move |_| match mark.value().get() {
        Some(Ok(r)) => {
            error.set(None);
            let key = match r.status {
                RegistrationStatus::Absent => ActKey::MarkedAbsent,
                RegistrationStatus::Excused => ActKey::MarkedExcused,
                _ => ActKey::MarkedPresent,
            };
            status.set(Some(i18n.tf(key, &[("name", &r.display_name)])));
            replace(r);
        }
        Some(Err(err)) => error.set(Some(err.message(i18n.lang.get_untracked()))),
        None => {}
    });

    // Someone at the door: recorded as attended (a waiting-list place is given up first, since
    // the API only marks people holding a place).
    let walk_in = Action::new_local(move |(person_id, waiting): &(Uuid, Option<Uuid>)| {
        let (person_id, waiting) = (*person_id, *waiting);
        let key = new_idempotency_key();
        async move {
            if let Some(rid) = waiting {
                api.set_registration_status(
                    id,
                    rid,
                    &RegistrationUpdate {
                        status: RegistrationStatus::Cancelled,
                    },
                )
                .await?;
            }
            let body = RegistrationInput {
                person_id,
                source: Some(RegistrationSource::WalkIn),
            };
            api.add_registration(id, &body, &key).await
        }
    });
    Effect::new(move |_| {
        let (ok, failed) = if at_door.get_untracked() {
            (door_status, door_error)
        } else {
            (status, error)
        };
        match walk_in.value().get() {
            Some(Ok(r)) => {
                for s in [error, door_error, status, door_status] {
                    s.set(None);
                }
                ok.set(Some(
                    i18n.tf(ActKey::WalkInAdded, &[("name", &r.display_name)]),
                ));
                replace(r);
            }
            Some(Err(err)) => failed.set(Some(err.message(i18n.lang.get_untracked()))),
            None => {}
        }
    });
    let busy = Signal::derive(move || mark.pending().get() || walk_in.pending().get());
    let present_ids = Signal::derive(move || {
        list.with(|l| {
            l.iter()
                .filter(|r| r.status != RegistrationStatus::Cancelled)
                .map(|r| r.person_id)
                .collect::<Vec<_>>()
        })
    });
    let on_found = Callback::new(move |p: PersonSummary| {
        at_door.set(true);
        walk_in.dispatch((p.id, None));
    });

    let doors_open = activity.starts_at - chrono::Duration::hours(1) <= super::now();
    let title = activity.title.clone();
    let day = super::calendar::local_day(&activity);
    let times = time_range(&activity);
    let a2 = activity.clone();
    let summary = move || {
        let [present, absent, excused, open] = list.with(|l| tally(l));
        i18n.tf(
            ActKey::AttendanceTally,
            &[
                ("present", &present.to_string()),
                ("absent", &absent.to_string()),
                ("excused", &excused.to_string()),
                ("open", &open.to_string()),
            ],
        )
    };
    let rows = move || {
        let rows = list.with(|l| sheet_rows(l));
        if rows.is_empty() {
            return view! { <p class="empty card">{move || i18n.t(ActKey::NobodyToMark)}</p> }
                .into_any();
        }
        view! {
            <ul class="plain attendance">
                {rows
                    .into_iter()
                    .map(|r| {
                        let name = r.display_name.clone();
                        let category: Option<Category> = r.category;
                        let walked_in = r.source == RegistrationSource::WalkIn;
                        let current = r.status;
                        let group_label = name.clone();
                        let buttons = MARKS
                            .into_iter()
                            .map(|m| {
                                let r = r.clone();
                                let class = match m {
                                    RegistrationStatus::Attended => "button att-button att-present",
                                    RegistrationStatus::Absent => "button att-button att-absent",
                                    _ => "button att-button att-excused",
                                };
                                view! {
                                    <button
                                        type="button"
                                        class=class
                                        aria-pressed=if current == m { "true" } else { "false" }
                                        disabled=move || busy.get()
                                        on:click=move |_| {
                                            if r.status != m {
                                                mark.dispatch((r.clone(), m));
                                            }
                                        }
                                    >
                                        <span class="att-mark" aria-hidden="true">
                                            {match m {
                                                RegistrationStatus::Attended => "✓",
                                                RegistrationStatus::Absent => "✗",
                                                _ => "–",
                                            }}
                                        </span>
                                        {move || i18n.t(mark_key(m))}
                                    </button>
                                }
                            })
                            .collect_view();
                        view! {
                            <li class="att-row" class:is-marked=current != RegistrationStatus::Registered>
                                <p class="att-name">
                                    <bdi>{name.clone()}</bdi>
                                    " " <span class="badge badge-category">{move || i18n.t(category_opt_key(category))}</span>
                                    {walked_in.then(|| view! { " " <span class="badge badge-walkin">{move || i18n.t(ActKey::SourceWalkIn)}</span> })}
                                </p>
                                <div class="att-buttons" role="group" aria-label=move || i18n.tf(ActKey::AttendanceOf, &[("name", &group_label)])>
                                    {buttons}
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
            .into_any()
    };
    let waiting = move || {
        let mut rows: Vec<Registration> = list.with(|l| {
            l.iter()
                .filter(|r| r.status == RegistrationStatus::Waitlisted)
                .cloned()
                .collect()
        });
        rows.sort_by_key(|r| r.waitlist_position);
        (!rows.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="waiting-title">
                <h2 id="waiting-title">{move || i18n.t(ActKey::CameFromWaitlist)}</h2>
                <p class="hint">{move || i18n.t(ActKey::CameFromWaitlistHint)}</p>
                <ul class="plain attendance">
                    {rows.into_iter().map(|r| {
                        let name = r.display_name.clone();
                        let (pid, rid) = (r.person_id, r.id);
                        let position = r.waitlist_position.unwrap_or(0);
                        view! {
                            <li class="att-row">
                                <p class="att-name">
                                    <bdi>{name.clone()}</bdi> " "
                                    <span class="badge badge-waitlist">{move || i18n.tf(ActKey::WaitlistPosition, &[("position", &position.to_string())])}</span>
                                </p>
                                <button
                                    type="button"
                                    class="button att-button att-present"
                                    disabled=move || busy.get()
                                    aria-label=move || i18n.tf(ActKey::ArrivedNamed, &[("name", &name)])
                                    on:click=move |_| {
                                        at_door.set(false);
                                        walk_in.dispatch((pid, Some(rid)));
                                    }
                                >
                                    <span class="att-mark" aria-hidden="true">"✓"</span>
                                    {move || i18n.t(ActKey::Arrived)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    };

    view! {
        <p class="back"><a href=activity_path(id)>{move || i18n.t(ActKey::BackToActivity)}</a></p>
        <h1 id="page-title">
            {move || i18n.t(ActKey::AttendanceSheet)} " — " <bdi>{move || pick(&title, i18n.lang.get())}</bdi>
        </h1>
        <p class="lead">
            {move || day.map(|d| format_date(i18n.lang.get(), d, DateStyle::Day)).unwrap_or_default()}
            " · " {times} " · " <bdi>{move || venue_line(&a2, i18n)}</bdi>
        </p>
        <p class="att-tally" aria-live="polite"><strong>{summary}</strong></p>
        <StatusMessage message=status/>
        <ErrorAlert message=error on_dismiss=move || error.set(None)/>
        <section aria-labelledby="participants-title">
            <h2 id="participants-title" class="visually-hidden">{move || i18n.t(ActKey::Participants)}</h2>
            {rows}
        </section>
        {waiting}
        <section class="card walk-in" aria-labelledby="walkin-title">
            <h2 id="walkin-title">{move || i18n.t(ActKey::WalkInTitle)}</h2>
            <StatusMessage message=door_status/>
            <ErrorAlert message=door_error on_dismiss=move || door_error.set(None)/>
            // The API records walk-ins from an hour before the start (nobody is at the door of
            // an activity still ahead).
            {if doors_open {
                view! {
                    <PersonSearch
                        id="walkin-search"
                        label=ActKey::FindPerson
                        action=ActKey::MarkPresent
                        action_named=ActKey::WalkInNamed
                        on_choose=on_found
                        exclude=present_ids
                        busy=busy
                    />
                    {can_write.then(|| view! {
                        <QuickPerson on_created=Callback::new(move |pid: Uuid| {
                            at_door.set(true);
                            walk_in.dispatch((pid, None));
                        })/>
                    })}
                }.into_any()
            } else {
                view! { <p class="hint">{move || i18n.t(ActKey::WalkInFromDoors)}</p> }.into_any()
            }}
        </section>
    }
}

/// The few fields that record someone new at the door (first name, profile, a phone or an
/// email), then mark them present. A match on email or phone offers the existing record.
#[component]
fn QuickPerson(on_created: Callback<Uuid>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let first_name = RwSignal::new(String::new());
    let last_name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let profile = RwSignal::new(String::new());
    let arrival_year = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let existing = RwSignal::new(None::<Uuid>);
    const FIELDS: [&str; 6] = [
        "first_name",
        "last_name",
        "phone",
        "email",
        "profile",
        "arrival_year",
    ];
    let clear = move || {
        for s in [first_name, last_name, phone, email, profile, arrival_year] {
            s.set(String::new());
        }
    };
    let create = use_submit(
        errors,
        &FIELDS,
        move |input: PersonInput| async move { api.create_person(&input).await },
        move |p| {
            existing.set(None);
            clear();
            on_created.run(p.id);
        },
    )
    .on_refused(move |err| {
        // Already known: the sheet offers to register that person instead.
        existing.set(conflict_id(err));
        if existing.with_untracked(Option::is_some) {
            request_animation_frame(|| {
                focus_id("use-existing");
            });
        }
        existing.with_untracked(Option::is_some)
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(FormErrors::default());
        existing.set(None);
        create.dispatch(PersonInput {
            first_name: first_name.get_untracked().trim().to_string(),
            last_name: opt_text(&last_name.get_untracked()),
            phone: opt_text(&phone.get_untracked()),
            email: opt_text(&email.get_untracked()),
            profile: profile.get_untracked().parse::<Category>().ok().map(Some),
            arrival_year: arrival_year.get_untracked().trim().parse().ok(),
            ..PersonInput::default()
        });
    };
    let err = move |n: &'static str| Signal::derive(move || errors.with(|e| e.field(n)));
    let profile_error = err("profile");
    view! {
        <details class="quick-person">
            <summary>{move || i18n.t(ActKey::NewPersonAtDoor)}</summary>
            <ErrorAlert
                message=Signal::derive(move || errors.with(FormErrors::general))
                on_dismiss=move || errors.update(FormErrors::dismiss_general)
            />
            {move || existing.get().map(|other| view! {
                <div class="alert-warn">
                    <p>{move || i18n.t(PeopleKey::DuplicateFound)}</p>
                    <button
                        type="button"
                        class="button"
                        id="use-existing"
                        on:click=move |_| {
                            existing.set(None);
                            clear();
                            on_created.run(other);
                        }
                    >
                        {move || i18n.t(ActKey::UseExisting)}
                    </button>
                </div>
            })}
            <form class="form" on:submit=on_submit novalidate=true>
                <TextField id="first_name" label=PersonKey::FirstName value=first_name autocomplete="off" required=true error=err("first_name")/>
                <TextField id="last_name" label=PersonKey::LastName value=last_name autocomplete="off" error=err("last_name")/>
                <fieldset class="profile-choice" aria-describedby=move || profile_error.with(Option::is_some).then_some("profile-error")>
                    <legend>{move || i18n.t(PersonKey::DeclaredProfile)}</legend>
                    <div class="checks">
                        {Category::ALL.iter().map(|&c| view! {
                            <label class="check">
                                <input
                                    type="radio"
                                    name="profile"
                                    id=format!("profile-{}", c.as_str())
                                    prop:checked=move || profile.get() == c.as_str()
                                    on:change=move |_| profile.set(c.as_str().to_string())
                                />
                                {move || i18n.t(category_key(c))}
                            </label>
                        }).collect_view()}
                    </div>
                    {move || profile_error.get().map(|m| view! { <p class="field-error" id="profile-error">{m}</p> })}
                </fieldset>
                <Show when=move || profile.get() == Category::Newcomer.as_str()>
                    <TextField id="arrival_year" label=PersonKey::ArrivalYear value=arrival_year input_type="number" error=err("arrival_year")/>
                </Show>
                <p class="hint">{move || i18n.t(PersonKey::ContactHint)}</p>
                <TextField id="phone" label=PersonKey::Phone value=phone input_type="tel" autocomplete="off" error=err("phone")/>
                <TextField id="email" label=CommonKey::Email value=email input_type="email" autocomplete="off" error=err("email")/>
                <button type="submit" class="button primary" disabled=move || create.pending().get()>
                    {move || i18n.t(ActKey::SaveAndMarkPresent)}
                </button>
            </form>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn reg(name: &str, status: RegistrationStatus) -> Registration {
        let n = name
            .bytes()
            .fold(0_u128, |acc, b| acc * 256 + u128::from(b));
        Registration {
            id: Uuid::from_u128(n),
            activity_id: Uuid::from_u128(1),
            person_id: Uuid::from_u128(n + 1),
            display_name: name.into(),
            category: Some(Category::Newcomer),
            status,
            source: RegistrationSource::Staff,
            waitlist_position: None,
            registered_by: None,
            promoted_at: None,
            created_at: Utc::now(),
        }
    }

    #[test]
    fn the_sheet_lists_people_holding_a_place_by_name() {
        use RegistrationStatus::*;
        let all = vec![
            reg("zoé", Registered),
            reg("Amina", Attended),
            reg("Bruno", Waitlisted),
            reg("Chloé", Cancelled),
            reg("David", Absent),
            reg("eva", Excused),
        ];
        let names: Vec<_> = sheet_rows(&all)
            .into_iter()
            .map(|r| r.display_name)
            .collect();
        assert_eq!(names, ["Amina", "David", "eva", "zoé"]);
        assert_eq!(tally(&all), [1, 1, 1, 1]);
    }
}
