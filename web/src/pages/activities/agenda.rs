//! The agenda: a list of activities (upcoming by default, filters, pages), and week and month
//! calendars (previous/next/today, arrow keys between days; on a phone they become a list per
//! day). Its state lives in the address, so the back button and shared links work.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::activities::{Activity, ActivityKind, ActivityProgramme, ActivityStatus};
use shared::page::PageParams;
use shared::Page;

use super::calendar::{
    by_day, days, key_target, range, shift, time_range, AgendaQuery, Period, View, LIST_PAGE_SIZE,
};
use super::{
    format_date, kind_key, pick, places_line, programme_text, status_key, today, venue_line,
    DateStyle, LoadError, StatusBadge,
};
use crate::api::{use_api, ApiError};
use crate::components::dom::focus_id;
use crate::components::{Loading, Pager};
use crate::i18n::activities::ActKey;
use crate::i18n::common::CommonKey;
use crate::i18n::people::PeopleKey;
use crate::i18n::person::PersonKey;
use crate::i18n::Text;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{activity_path, writes_people, ACTIVITIES, ACTIVITIES_NEW};

/// The id of a day in the calendars (for the keyboard focus).
pub fn day_id(d: NaiveDate) -> String {
    format!("day-{}", d.format("%Y-%m-%d"))
}

/// The agenda's address for `q`.
pub fn agenda_href(q: &AgendaQuery) -> String {
    format!("{ACTIVITIES}{}", q.to_query())
}

#[component]
pub fn AgendaPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(ActKey::AgendaTitle);
    let api = use_api();
    let can_write = api.session.user().is_some_and(|u| writes_people(u.role));
    let query = use_query_map();
    let q = Memo::new(move |_| query.with(|m| AgendaQuery::from_query(|n| m.get(n))));
    let view_kind = Memo::new(move |_| q.with(|q| q.view));
    let today = today();
    let navigate = use_navigate();
    let show = Callback::new(move |next: AgendaQuery| {
        navigate(&agenda_href(&next), Default::default());
    });
    // The answer carries the filter it answers, so an answer for another week is never shown
    // as this week's.
    let data = LocalResource::new(move || {
        let filter = q.get().api_filter(today);
        async move {
            let result = api.list_activities(&filter).await;
            (filter, result)
        }
    });
    let current = Signal::derive(move || {
        let wanted = q.get().api_filter(today);
        data.get().filter(|(f, _)| *f == wanted).map(|(_, r)| r)
    });
    let change = move |edit: &dyn Fn(&mut AgendaQuery)| {
        let mut next = q.get_untracked();
        edit(&mut next);
        next.page = None;
        show.run(next);
    };
    let view_link = move |v: View| {
        let mut next = q.get();
        next.view = v;
        next.page = None;
        if v == View::List {
            next.date = None;
        } else {
            next.series = None;
        }
        agenda_href(&next)
    };
    let view_name = |v: View| -> ActKey {
        match v {
            View::List => ActKey::ViewList,
            View::Week => ActKey::ViewWeek,
            View::Month => ActKey::ViewMonth,
        }
    };

    view! {
        <section class="page agenda" aria-labelledby="page-title">
            <div class="page-head">
                <div>
                    <h1 id="page-title">{move || i18n.t(ActKey::AgendaTitle)}</h1>
                    <p class="lead">{move || i18n.t(ActKey::AgendaIntro)}</p>
                </div>
                {can_write.then(|| view! {
                    <div class="head-actions">
                        <a class="button primary" href=ACTIVITIES_NEW>{move || i18n.t(ActKey::NewActivity)}</a>
                    </div>
                })}
            </div>
            <nav class="view-switch" aria-label=move || i18n.t(ActKey::ViewSwitch)>
                <ul>
                    {View::ALL
                        .into_iter()
                        .map(|v| view! {
                            <li>
                                <a
                                    href=move || view_link(v)
                                    aria-current=move || (q.with(|q| q.view) == v).then_some("page")
                                >
                                    {move || i18n.t(view_name(v))}
                                </a>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </nav>
            <form
                class="filters card agenda-filters"
                role="search"
                aria-labelledby="agenda-filters-title"
                on:submit=move |ev| ev.prevent_default()
            >
                <h2 id="agenda-filters-title" class="visually-hidden">{move || i18n.t(CommonKey::FilterActivities)}</h2>
                <FilterSelect
                    id="filter-programme"
                    label=PersonKey::Programme
                    any=PeopleKey::AllProgrammes
                    options=ActivityProgramme::ALL.iter().map(|&p| (p.as_str(), programme_text(p))).collect()
                    current=Signal::derive(move || q.with(|q| q.programme.map(|p| p.as_str())))
                    on_change=Callback::new(move |v: String| change(&|f| f.programme = v.parse().ok()))
                />
                <FilterSelect
                    id="filter-kind"
                    label=ActKey::Kind
                    any=ActKey::AllKinds
                    options=ActivityKind::ALL.iter().map(|&k| (k.as_str(), kind_key(k).into())).collect()
                    current=Signal::derive(move || q.with(|q| q.kind.map(|k| k.as_str())))
                    on_change=Callback::new(move |v: String| change(&|f| f.kind = v.parse().ok()))
                />
                <FilterSelect
                    id="filter-status"
                    label=CommonKey::Status
                    any=CommonKey::AllStatuses
                    options=ActivityStatus::ALL.iter().map(|&s| (s.as_str(), status_key(s).into())).collect()
                    current=Signal::derive(move || q.with(|q| q.status.map(|s| s.as_str())))
                    on_change=Callback::new(move |v: String| change(&|f| f.status = v.parse().ok()))
                />
                <Show when=move || q.with(|q| q.view == View::List && q.series.is_none())>
                    <div class="field">
                        <label for="filter-period">{move || i18n.t(ActKey::Period)}</label>
                        <select
                            id="filter-period"
                            on:change=move |ev| {
                                let p = Period::parse(&event_target_value(&ev)).unwrap_or_default();
                                change(&|f| f.period = p);
                            }
                        >
                            {Period::ALL
                                .into_iter()
                                .map(|p| {
                                    let key = match p {
                                        Period::Upcoming => ActKey::PeriodUpcoming,
                                        Period::Past => ActKey::PeriodPast,
                                        Period::All => ActKey::PeriodAll,
                                    };
                                    view! {
                                        <option value=p.as_str() selected=move || q.with(|q| q.period == p)>
                                            {move || i18n.t(key)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                </Show>
                <Show when=move || q.with(AgendaQuery::has_filters)>
                    <div class="field filter-clear">
                        <button
                            type="button"
                            class="button link"
                            on:click=move |_| {
                                let v = q.get_untracked();
                                show.run(AgendaQuery { view: v.view, date: v.date, ..AgendaQuery::default() });
                            }
                        >
                            {move || i18n.t(CommonKey::ClearFilters)}
                        </button>
                    </div>
                </Show>
            </form>
            <Show when=move || q.with(|q| q.series.is_some() && q.view == View::List)>
                <p class="alert alert-ok series-note">{move || i18n.t(ActKey::SeriesSessionsNote)}</p>
            </Show>
            {move || {
                let retry = Callback::new(move |_: ()| data.refetch());
                match view_kind.get() {
                    View::List => {
                        (move || match current.get() {
                            None => view! { <Loading/> }.into_any(),
                            Some(Err(err)) => view! { <LoadError message=err.message(i18n.lang.get_untracked()) retry=retry/> }.into_any(),
                            Some(Ok(page)) => view! { <AgendaList page=page q=q show=show/> }.into_any(),
                        })
                            .into_any()
                    }
                    View::Week | View::Month => {
                        view! { <Calendar q=q show=show today=today data=current retry=retry/> }.into_any()
                    }
                }
            }}
        </section>
    }
}

/// A select of the filters: "any" or one value (its wire name).
#[component]
fn FilterSelect(
    id: &'static str,
    #[prop(into)] label: Text,
    #[prop(into)] any: Text,
    options: Vec<(&'static str, Text)>,
    current: Signal<Option<&'static str>>,
    on_change: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || i18n.t(label)}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="" selected=move || current.get().is_none()>{move || i18n.t(any)}</option>
                {options
                    .into_iter()
                    .map(|(value, text)| view! {
                        <option value=value selected=move || current.get() == Some(value)>
                            {move || i18n.t(text)}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// One activity in the agenda: time (Brussels), title, venue, places and waiting list, status.
#[component]
pub fn ActivityItem(activity: Activity, #[prop(optional)] compact: bool) -> impl IntoView {
    let i18n = use_i18n();
    let a = activity;
    let href = activity_path(a.id);
    let status = a.status;
    let title = a.title.clone();
    let (a1, a2) = (a.clone(), a.clone());
    let times = time_range(&a);
    let class = match (compact, status) {
        (true, ActivityStatus::Cancelled) => "cal-event is-cancelled",
        (true, _) => "cal-event",
        (false, ActivityStatus::Cancelled) => "activity card is-cancelled",
        (false, _) => "activity card",
    };
    let programme = a.programme;
    let kind = a.kind;
    let title_link = {
        let title = title.clone();
        view! { <a href=href><bdi>{move || pick(&title, i18n.lang.get())}</bdi></a> }
    };
    view! {
        <li class=class>
            <p class="activity-when">
                <span class="activity-time">{times}</span>
                {(compact && status != ActivityStatus::Published).then(|| view! { " " <StatusBadge status=status/> })}
            </p>
            {if compact {
                view! { <p class="activity-title">{title_link}</p> }.into_any()
            } else {
                view! {
                    <div class="activity-main">
                        <h3 class="activity-title">{title_link}</h3>
                        <StatusBadge status=status/>
                    </div>
                }
                    .into_any()
            }}
            {(!compact).then(|| view! {
                <p class="muted small">
                    {move || i18n.t(programme_text(programme))} " · " {move || i18n.t(kind_key(kind))}
                </p>
            })}
            <p class="activity-venue small"><bdi>{move || venue_line(&a1, i18n)}</bdi></p>
            <p class="activity-places small">{move || places_line(&a2, i18n)}</p>
        </li>
    }
}

#[component]
fn AgendaList(
    page: Page<Activity>,
    q: Memo<AgendaQuery>,
    show: Callback<AgendaQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let number = q.get_untracked().page.unwrap_or(1);
    let pages = PageParams {
        page: Some(number),
        page_size: Some(LIST_PAGE_SIZE),
    }
    .last_page(page.count);
    let count = page.count;
    let (has_prev, has_next) = (page.previous.is_some(), page.next.is_some());
    if page.results.is_empty() {
        return view! { <p class="empty card">{move || i18n.t(ActKey::NoActivities)}</p> }
            .into_any();
    }
    let go = move |to: u32| {
        let mut next = q.get_untracked();
        next.page = (to > 1).then_some(to);
        show.run(next);
    };
    let groups = by_day(&page.results)
        .into_iter()
        .map(|(day, list)| {
            let items = list
                .into_iter()
                .map(|a| view! { <ActivityItem activity=a/> })
                .collect_view();
            view! {
                <section class="agenda-day">
                    <h2 class="agenda-day-title">{move || format_date(i18n.lang.get(), day, DateStyle::Full)}</h2>
                    <ul class="activities">{items}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <p class="count" aria-live="polite">
            {move || i18n.tf(ActKey::ActivityCount, &[("count", &count.to_string())])}
        </p>
        {groups}
        <Pager page=number pages has_prev has_next go=Callback::new(go)/>
    }
    .into_any()
}

/// The week or month calendar. The days come from the address (drawn at once, so the keyboard
/// focus can move before the activities arrive); the activities fill them in.
#[component]
fn Calendar(
    q: Memo<AgendaQuery>,
    show: Callback<AgendaQuery>,
    today: NaiveDate,
    data: Signal<Option<Result<Page<Activity>, ApiError>>>,
    retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let anchor = Memo::new(move |_| q.with(|q| q.date).unwrap_or(today));
    let view_kind = Memo::new(move |_| q.with(|q| q.view));
    let bounds = Memo::new(move |_| range(view_kind.get(), anchor.get()));
    // The day that holds the keyboard focus (roving tabindex).
    let cursor = RwSignal::new(anchor.get_untracked());
    Effect::new(move |_| {
        let (from, to) = bounds.get();
        let a = anchor.get();
        let start = if view_kind.get() == View::Month {
            super::calendar::month_start(a)
        } else {
            from
        };
        cursor.set(if a >= from && a < to { a } else { start });
    });
    let go = move |to: NaiveDate| {
        let mut next = q.get_untracked();
        next.date = Some(to);
        show.run(next);
    };
    let focus_day = move |d: NaiveDate| {
        let id = day_id(d);
        request_animation_frame(move || {
            if !focus_id(&id) {
                set_timeout(
                    move || {
                        focus_id(&id);
                    },
                    std::time::Duration::from_millis(60),
                );
            }
        });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        use wasm_bindgen::JsCast;
        let Some(day) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.get_attribute("data-date"))
            .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        else {
            return;
        };
        let rtl = i18n.lang.get_untracked().dir() == "rtl";
        let key = ev.key();
        let Some(to) = key_target(&key, day, view_kind.get_untracked(), rtl) else {
            return;
        };
        ev.prevent_default();
        let (from, until) = bounds.get_untracked();
        let paging = key == "PageUp" || key == "PageDown";
        if !paging && to >= from && to < until {
            cursor.set(to);
        } else {
            go(to);
            cursor.set(to);
        }
        focus_day(to);
    };
    let step = move |n: i32| go(shift(view_kind.get_untracked(), anchor.get_untracked(), n));
    let title = move || {
        let lang = i18n.lang.get();
        match view_kind.get() {
            View::Month => format_date(lang, anchor.get(), DateStyle::Month),
            _ => i18n.tf(
                ActKey::WeekOf,
                &[("date", &format_date(lang, bounds.get().0, DateStyle::Full))],
            ),
        }
    };
    let (prev_key, next_key) = if view_kind.get_untracked() == View::Month {
        (ActKey::PreviousMonth, ActKey::NextMonth)
    } else {
        (ActKey::PreviousWeek, ActKey::NextWeek)
    };
    let grouped = Memo::new(move |_| match data.get() {
        Some(Ok(page)) => Some(by_day(&page.results)),
        _ => None,
    });
    let weekday_names = move || {
        let lang = i18n.lang.get();
        let (from, _) = bounds.get();
        days(from, from + chrono::Duration::days(7))
            .into_iter()
            .map(|d| view! { <li>{format_date(lang, d, DateStyle::Weekday)}</li> })
            .collect_view()
    };
    let cells = move || {
        let (from, to) = bounds.get();
        let month = view_kind.get() == View::Month;
        let focus_month = anchor.get().format("%Y-%m").to_string();
        days(from, to)
            .into_iter()
            .map(|d| {
                let events = move || grouped.with(|g| g.as_ref().and_then(|g| g.get(&d).cloned()));
                let empty = move || events().is_none_or(|e| e.is_empty());
                let other = month && d.format("%Y-%m").to_string() != focus_month;
                view! {
                    <li
                        class="cal-day"
                        class:other-month=other
                        class:is-today=d == today
                        class:empty=empty
                    >
                        <h3
                            class="cal-date"
                            id=day_id(d)
                            data-date=d.format("%Y-%m-%d").to_string()
                            tabindex=move || if cursor.get() == d { "0" } else { "-1" }
                        >
                            <span class="cal-num" aria-hidden="true">{d.format("%-d").to_string()}</span>
                            <span class="cal-label">{move || format_date(i18n.lang.get(), d, DateStyle::Day)}</span>
                            {(d == today).then(|| view! { " " <span class="badge badge-today">{move || i18n.t(ActKey::Today)}</span> })}
                        </h3>
                        {move || match events() {
                            Some(list) if !list.is_empty() => view! {
                                <ul class="cal-events">
                                    {list.into_iter().map(|a| view! { <ActivityItem activity=a compact=true/> }).collect_view()}
                                </ul>
                            }
                                .into_any(),
                            _ => view! { <p class="cal-none muted small">{move || i18n.t(ActKey::NothingPlanned)}</p> }.into_any(),
                        }}
                    </li>
                }
            })
            .collect_view()
    };
    let status = move || match data.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(err)) => {
            view! { <LoadError message=err.message(i18n.lang.get_untracked()) retry=retry/> }
                .into_any()
        }
        Some(Ok(page)) if page.results.is_empty() => {
            view! { <p class="empty card">{move || i18n.t(ActKey::NothingInPeriod)}</p> }.into_any()
        }
        Some(Ok(page)) if page.count > page.results.len() as u64 => {
            let (shown, count) = (page.results.len(), page.count);
            view! {
                <p class="alert alert-warn">
                    {move || i18n.tf(ActKey::TooManyToShow, &[("shown", &shown.to_string()), ("count", &count.to_string())])}
                </p>
            }
                .into_any()
        }
        Some(Ok(page)) => {
            let count = page.count;
            view! {
                <p class="count">{move || i18n.tf(ActKey::ActivityCount, &[("count", &count.to_string())])}</p>
            }
                .into_any()
        }
    };
    view! {
        <div class="cal-toolbar">
            <h2 id="cal-title" class="cal-title" aria-live="polite">{title}</h2>
            <div class="cal-buttons">
                <button type="button" class="button" on:click=move |_| step(-1)>
                    <span aria-hidden="true" class="dir-arrow">"←"</span>
                    " "
                    {move || i18n.t(prev_key)}
                </button>
                <button type="button" class="button" on:click=move |_| go(today)>
                    {move || i18n.t(ActKey::Today)}
                </button>
                <button type="button" class="button" on:click=move |_| step(1)>
                    {move || i18n.t(next_key)}
                    " "
                    <span aria-hidden="true" class="dir-arrow">"→"</span>
                </button>
            </div>
        </div>
        <p class="hint cal-keys">{move || i18n.t(ActKey::CalendarKeys)}</p>
        <div aria-live="polite">{status}</div>
        <div
            class="cal"
            class:cal-week=move || view_kind.get() == View::Week
            class:cal-month=move || view_kind.get() == View::Month
            on:keydown=on_key
        >
            <ol class="cal-head" aria-hidden="true">{weekday_names}</ol>
            <ol class="cal-days" aria-labelledby="cal-title">{cells}</ol>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_ids_and_links_are_stable() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap_or_default();
        assert_eq!(day_id(d), "day-2026-03-08");
        let q = AgendaQuery {
            view: View::Week,
            date: Some(d),
            ..AgendaQuery::default()
        };
        assert_eq!(agenda_href(&q), "/activities?view=week&date=2026-03-08");
        assert_eq!(agenda_href(&AgendaQuery::default()), "/activities");
    }
}
