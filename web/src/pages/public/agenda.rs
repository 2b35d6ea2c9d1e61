//! The public agenda (`/events`): upcoming published public activities, filtered by programme
//! and period, a page at a time, with the addresses to subscribe to (iCalendar, RSS) and the
//! way to the programmes' sign-up. The filters live in the address, so a shared link shows the
//! same list.

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::activities::{ActivityProgramme, ActivityStatus, PublicEvent};
use shared::page::PageParams;
use shared::Page;

use super::{format_when, language_name, today_in_brussels, StaffNote};
use crate::api::public::{feed_path, AgendaQuery, Feed, AGENDA_PAGE_SIZE};
use crate::api::use_api;
use crate::components::Pager;
use crate::i18n::public::{activity_kind_key, activity_programme_key, PublicKey};

use crate::components::load::load_state;
use crate::i18n::common::CommonKey;
use crate::i18n::people::PeopleKey;
use crate::i18n::person::PersonKey;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{event_path, EVENTS, SIGNUP};

/// The periods a visitor can pick.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Period {
    /// Everything from now on.
    #[default]
    Upcoming,
    /// From now to the end of this week (Sunday).
    Week,
    /// From now to the end of this month.
    Month,
    /// The whole of next month.
    NextMonth,
}

impl Period {
    pub const ALL: [Period; 4] = [
        Period::Upcoming,
        Period::Week,
        Period::Month,
        Period::NextMonth,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Period::Upcoming => "upcoming",
            Period::Week => "week",
            Period::Month => "month",
            Period::NextMonth => "next-month",
        }
    }

    pub fn parse(s: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.as_str() == s)
    }

    pub fn label(self) -> PublicKey {
        match self {
            Period::Upcoming => PublicKey::PeriodUpcoming,
            Period::Week => PublicKey::PeriodWeek,
            Period::Month => PublicKey::PeriodMonth,
            Period::NextMonth => PublicKey::PeriodNextMonth,
        }
    }

    /// The first day (none: from now) and the day after the last (none: no end), Brussels
    /// dates, for a period seen on `today`.
    pub fn bounds(self, today: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let first_of_next = |d: NaiveDate| {
            let (y, m) = if d.month() == 12 {
                (d.year() + 1, 1)
            } else {
                (d.year(), d.month() + 1)
            };
            NaiveDate::from_ymd_opt(y, m, 1)
        };
        match self {
            Period::Upcoming => (None, None),
            Period::Week => {
                let days_left = 7 - i64::from(today.weekday().num_days_from_monday());
                (None, Some(today + Duration::days(days_left)))
            }
            Period::Month => (None, first_of_next(today)),
            Period::NextMonth => {
                let start = first_of_next(today);
                (start, start.and_then(first_of_next))
            }
        }
    }
}

/// The languages a visitor may ask activities to be held in (codes; named in the reader's
/// language).
pub const SPOKEN: [&str; 10] = ["fr", "nl", "en", "de", "ar", "es", "tr", "ru", "uk", "fa"];

/// The agenda's filters, as kept in the address.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgendaFilter {
    pub programme: Option<ActivityProgramme>,
    pub period: Period,
    /// Words to find (title or description).
    pub q: Option<String>,
    /// A language the activity is held in.
    pub language: Option<String>,
    /// Page number, when past the first.
    pub page: Option<u32>,
}

impl AgendaFilter {
    /// From the address's query parameters; unknown values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> AgendaFilter {
        AgendaFilter {
            programme: get("programme").and_then(|v| v.trim().parse().ok()),
            period: get("period")
                .and_then(|v| Period::parse(v.trim()))
                .unwrap_or_default(),
            q: get("q")
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty()),
            language: get("language").filter(|v| SPOKEN.contains(&v.trim())),
            page: get("page")
                .and_then(|v| v.trim().parse().ok())
                .filter(|p| *p > 1),
        }
    }

    /// The query string (with its `?`, or empty) of the agenda's address.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if let Some(p) = self.programme {
            parts.push(("programme", p.as_str().to_owned()));
        }
        if self.period != Period::Upcoming {
            parts.push(("period", self.period.as_str().to_owned()));
        }
        if let Some(q) = &self.q {
            parts.push(("q", q.clone()));
        }
        if let Some(l) = &self.language {
            parts.push(("language", l.clone()));
        }
        if let Some(page) = self.page.filter(|p| *p > 1) {
            parts.push(("page", page.to_string()));
        }
        shared::query::query_string(&parts).unwrap_or_default()
    }
}

#[component]
pub fn AgendaPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(PublicKey::AgendaTitle);
    let api = use_api();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| AgendaFilter::from_query(|name| q.get(name))));
    let navigate = use_navigate();
    let show = Callback::new(move |f: AgendaFilter| {
        navigate(
            &format!("{EVENTS}{}", f.to_query()),
            NavigateOptions::default(),
        );
    });
    let events = LocalResource::new(move || {
        let f = filter.get();
        let lang = i18n.lang.get();
        let (start, end) = f.period.bounds(today_in_brussels());
        let q = AgendaQuery {
            start,
            end,
            programme: f.programme,
            q: f.q.clone(),
            language: f.language.clone(),
            lang,
            page: f.page,
            page_size: Some(AGENDA_PAGE_SIZE),
        };
        async move { api.public_events(&q).await }
    });
    // What is typed in the search box, applied on submit; follows the address (back button).
    let search = RwSignal::new(String::new());
    Effect::new(move |_| search.set(filter.with(|f| f.q.clone().unwrap_or_default())));
    let change = move |edit: &dyn Fn(&mut AgendaFilter)| {
        let mut f = filter.get_untracked();
        edit(&mut f);
        f.page = None;
        show.run(f);
    };
    let feed = move |kind: Feed| feed_path(kind, filter.with(|f| f.programme), i18n.lang.get());
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let origin2 = origin.clone();

    view! {
        <section class="page public-page" aria-labelledby="page-title">
            <div class="page-head">
                <div>
                    <h1 id="page-title">{move || i18n.t(PublicKey::AgendaTitle)}</h1>
                    <p class="lead">{move || i18n.t(PublicKey::AgendaIntro)}</p>
                </div>
                <div class="head-actions">
                    <a class="button primary" href=SIGNUP>{move || i18n.t(PublicKey::JoinLink)}</a>
                </div>
            </div>

            <form class="filters card agenda-filters" role="search" aria-labelledby="filters-title" on:submit=move |ev| {
                ev.prevent_default();
                let typed = search.get_untracked().trim().to_owned();
                change(&|f| f.q = Some(typed.clone()).filter(|t| !t.is_empty()));
            }>
                <h2 id="filters-title" class="visually-hidden">{move || i18n.t(CommonKey::FilterActivities)}</h2>
                <div class="field agenda-search">
                    <label for="filter-q">{move || i18n.t(PublicKey::SearchActivities)}</label>
                    <div class="search-row">
                        <input
                            id="filter-q"
                            type="search"
                            maxlength="200"
                            prop:value=move || search.get()
                            on:input=move |ev| search.set(event_target_value(&ev))
                        />
                        <button type="submit" class="button">{move || i18n.t(PublicKey::Search)}</button>
                    </div>
                </div>
                <div class="field">
                    <label for="filter-language">{move || i18n.t(PublicKey::HeldIn)}</label>
                    <select
                        id="filter-language"
                        on:change=move |ev| {
                            let v = Some(event_target_value(&ev)).filter(|v| SPOKEN.contains(&v.as_str()));
                            change(&|f| f.language = v.clone());
                        }
                    >
                        <option value="" selected=move || filter.with(|f| f.language.is_none())>
                            {move || i18n.t(PublicKey::AnyLanguage)}
                        </option>
                        {SPOKEN
                            .iter()
                            .map(|&code| {
                                view! {
                                    <option value=code selected=move || filter.with(|f| f.language.as_deref() == Some(code))>
                                        {move || language_name(i18n.lang.get(), code)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-programme">{move || i18n.t(PersonKey::Programme)}</label>
                    <select
                        id="filter-programme"
                        on:change=move |ev| {
                            let v = event_target_value(&ev).parse::<ActivityProgramme>().ok();
                            change(&|f| f.programme = v);
                        }
                    >
                        <option value="" selected=move || filter.with(|f| f.programme.is_none())>
                            {move || i18n.t(PeopleKey::AllProgrammes)}
                        </option>
                        {ActivityProgramme::ALL
                            .iter()
                            .map(|&p| {
                                view! {
                                    <option value=p.as_str() selected=move || filter.with(|f| f.programme == Some(p))>
                                        {move || i18n.t(activity_programme_key(p))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-period">{move || i18n.t(PublicKey::Period)}</label>
                    <select
                        id="filter-period"
                        on:change=move |ev| {
                            let v = Period::parse(&event_target_value(&ev)).unwrap_or_default();
                            change(&|f| f.period = v);
                        }
                    >
                        {Period::ALL
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <option value=p.as_str() selected=move || filter.with(|f| f.period == p)>
                                        {move || i18n.t(p.label())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </form>

            {move || load_state(events.get(), move || events.refetch(), |result| view! { <EventList result=result filter=filter show=show/> }.into_any())}

            <div class="public-aside">
                <section class="card" aria-labelledby="follow-title">
                    <h2 id="follow-title">{move || i18n.t(PublicKey::FollowTitle)}</h2>
                    <p class="hint">{move || i18n.t(PublicKey::FollowHint)}</p>
                    <ul class="links feed-links">
                        <li>
                            <a href=move || webcal(&origin, &feed(Feed::Ics)) class="feed-webcal" rel="external">
                                {move || i18n.t(PublicKey::IcsLink)}
                            </a>
                        </li>
                        <li>
                            <a href=move || feed(Feed::Rss) type="application/rss+xml" class="feed-rss" rel="external">
                                {move || i18n.t(PublicKey::RssLink)}
                            </a>
                        </li>
                    </ul>
                    <div class="field feed-address">
                        <label for="ics-address">{move || i18n.t(PublicKey::IcsAddress)}</label>
                        <input
                            id="ics-address"
                            type="text"
                            readonly=true
                            dir="ltr"
                            prop:value=move || format!("{origin2}{}", feed(Feed::Ics))
                            on:focus=move |ev| {
                                use wasm_bindgen::JsCast;
                                if let Some(input) = ev
                                    .target()
                                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                                {
                                    input.select();
                                }
                            }
                        />
                    </div>
                </section>
                <section class="card" aria-labelledby="join-title">
                    <h2 id="join-title">{move || i18n.t(PublicKey::JoinTitle)}</h2>
                    <p>{move || i18n.t(PublicKey::JoinHint)}</p>
                    <p><a href=SIGNUP class="join-link">{move || i18n.t(PublicKey::JoinLink)}</a></p>
                </section>
            </div>
            <StaffNote/>
        </section>
    }
}

#[component]
fn EventList(
    result: Page<PublicEvent>,
    filter: Memo<AgendaFilter>,
    show: Callback<AgendaFilter>,
) -> impl IntoView {
    let i18n = use_i18n();
    let page = filter.get_untracked().page.unwrap_or(1);
    let pages = PageParams {
        page: Some(page),
        page_size: Some(AGENDA_PAGE_SIZE),
    }
    .last_page(result.count);
    let has_prev = result.previous.is_some();
    let has_next = result.next.is_some();
    let count = result.count;
    if result.results.is_empty() {
        return view! { <p class="empty card">{move || i18n.t(PublicKey::NoEvents)}</p> }
            .into_any();
    }
    let go = move |to: u32| {
        let mut f = filter.get_untracked();
        f.page = (to > 1).then_some(to);
        show.run(f);
    };
    let items = result
        .results
        .into_iter()
        .map(|e| view! { <EventItem event=e/> })
        .collect_view();
    view! {
        <p class="count" aria-live="polite">
            {move || i18n.tf(PublicKey::EventCount, &[("count", &count.to_string())])}
        </p>
        <ul class="events">{items}</ul>
        {(pages > 1).then(|| view! {
            <Pager page=page pages has_prev has_next go=Callback::new(go)/>
        })}
    }
    .into_any()
}

/// The address that makes a calendar app subscribe to a feed (`webcal://` instead of the
/// page's scheme).
pub fn webcal(origin: &str, path: &str) -> String {
    let host = origin.split_once("://").map_or(origin, |(_, host)| host);
    format!("webcal://{host}{path}")
}

/// Where an activity happens, in one line.
pub fn place_line(e: &PublicEvent) -> Option<String> {
    e.venue.as_ref().map(|v| {
        let mut parts = vec![v.name.clone()];
        if let Some(l) = v.locality.as_ref().filter(|l| !v.name.contains(l.as_str())) {
            parts.push(l.clone());
        }
        parts.join(", ")
    })
}

#[component]
fn EventItem(event: PublicEvent) -> impl IntoView {
    let i18n = use_i18n();
    let e = event;
    let cancelled = e.status == ActivityStatus::Cancelled;
    let full = !cancelled && e.remaining_places == Some(0);
    let left = e.remaining_places.filter(|r| !cancelled && *r > 0);
    let (start, end) = (e.start, e.end);
    let place = place_line(&e);
    let online = place.is_none() && e.online_url.is_some();
    let (programme, kind, free) = (e.programme, e.kind, e.free);
    view! {
        <li class="event card" class:event-cancelled=cancelled>
            <p class="event-when">
                <time datetime=e.start_local.clone()>{move || format_when(i18n.lang.get(), &start, &end)}</time>
            </p>
            <h2 class="event-title">
                <a href=event_path(e.id) lang=e.lang.clone() dir="auto">{e.title.clone()}</a>
            </h2>
            <p class="event-meta muted">
                {move || i18n.t(activity_kind_key(kind))}
                " · "
                {move || i18n.t(activity_programme_key(programme))}
                {place.map(|p| view! { " · " <bdi>{p}</bdi> })}
                {online.then(|| view! { " · " {move || i18n.t(PublicKey::Online)} })}
            </p>
            <p class="badges">
                {cancelled.then(|| view! { <span class="badge badge-cancelled">{move || i18n.t(PublicKey::Cancelled)}</span> })}
                {full.then(|| view! { <span class="badge badge-full">{move || i18n.t(PublicKey::Full)}</span> })}
                {left.map(|n| view! {
                    <span class="badge badge-places">{move || i18n.tf(PublicKey::PlacesLeft, &[("count", &n.to_string())])}</span>
                })}
                {free.then(|| view! { <span class="badge badge-free">{move || i18n.t(PublicKey::Free)}</span> })}
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn periods_cover_the_right_days() {
        // Wednesday 9 December 2026.
        let today = day(2026, 12, 9);
        assert_eq!(Period::Upcoming.bounds(today), (None, None));
        assert_eq!(Period::Week.bounds(today), (None, Some(day(2026, 12, 14))));
        assert_eq!(Period::Month.bounds(today), (None, Some(day(2027, 1, 1))));
        assert_eq!(
            Period::NextMonth.bounds(today),
            (Some(day(2027, 1, 1)), Some(day(2027, 2, 1)))
        );
        // On a Sunday the week ends tonight; on a Monday it runs to the next Monday.
        assert_eq!(
            Period::Week.bounds(day(2026, 12, 13)),
            (None, Some(day(2026, 12, 14)))
        );
        assert_eq!(
            Period::Week.bounds(day(2026, 12, 14)),
            (None, Some(day(2026, 12, 21)))
        );
        assert_eq!(
            Period::NextMonth.bounds(day(2026, 1, 31)),
            (Some(day(2026, 2, 1)), Some(day(2026, 3, 1)))
        );
    }

    #[test]
    fn filters_round_trip_through_the_address() {
        let f = AgendaFilter {
            programme: Some(ActivityProgramme::Interlab),
            period: Period::NextMonth,
            q: Some("café & co".into()),
            language: Some("ar".into()),
            page: Some(2),
        };
        let q = f.to_query();
        assert_eq!(
            q,
            "?programme=interlab&period=next-month&q=caf%C3%A9%20%26%20co&language=ar&page=2"
        );
        let map: HashMap<String, String> =
            serde_urlencoded::from_str::<Vec<(String, String)>>(q.trim_start_matches('?'))
                .unwrap_or_default()
                .into_iter()
                .collect();
        assert_eq!(AgendaFilter::from_query(|n| map.get(n).cloned()), f);
        assert_eq!(AgendaFilter::default().to_query(), "");
    }

    #[test]
    fn calendars_subscribe_through_webcal() {
        assert_eq!(
            webcal("https://agenda.interra.be", "/api/v1/public/events.ics"),
            "webcal://agenda.interra.be/api/v1/public/events.ics"
        );
        assert_eq!(
            webcal("http://127.0.0.1:8080", "/x.ics?programme=interact"),
            "webcal://127.0.0.1:8080/x.ics?programme=interact"
        );
    }

    #[test]
    fn unknown_filter_values_are_ignored() {
        let f = AgendaFilter::from_query(|n| match n {
            "programme" => Some("martian".into()),
            "period" => Some("forever".into()),
            "language" => Some("klingon".into()),
            "q" => Some("   ".into()),
            "page" => Some("1".into()),
            _ => None,
        });
        assert_eq!(f, AgendaFilter::default());
    }
}
