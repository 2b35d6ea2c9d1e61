//! The office hours: the slots mentors and facilitators offer, week by week (seven columns on a
//! wide screen, a list of days on a phone), booking an entrepreneur into a free slot, freeing
//! it, offering a slot (coordinators for any mentor, a mentor's account for itself) and a
//! mentor's personal calendar address.
//!
//! Who sees what is the API's: a coach books only the entrepreneurs they accompany and reads
//! only their names on booked slots; a mentor's account sees its own slots and books the
//! entrepreneurs of its active relations.

mod booking;
mod feed;
mod offer;

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use shared::auth::Role;
use shared::interlab::{
    Mentor, MentorFilter, OfficeHour, OfficeHourFilter, OfficeHourPatch, SlotStatus,
};
use uuid::Uuid;

use super::{current_role, InterlabTabs, Tab};
use crate::api::{use_api, FormErrors};
use crate::components::dom::focus_id_later;
use crate::components::form::{use_submit, ErrorAlert};
use crate::components::load::load_state;
use crate::components::StatusMessage;
use crate::i18n::interlab_office::IloKey;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::activities::{format_date, DateStyle};
use crate::pages::duo::{now_utc, today_in_brussels};
use crate::routes::manages_interlab;

use booking::BookingPanel;
use feed::FeedCard;
use offer::OfferForm;

/// The Monday of `day`'s week.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// What the page asks for: the seven days from `monday`, one mentor or all.
pub fn week_filter(monday: NaiveDate, mentor: Option<Uuid>) -> OfficeHourFilter {
    OfficeHourFilter {
        mentor,
        from: Some(monday),
        to: Some(monday + Duration::days(6)),
        ..OfficeHourFilter::default()
    }
}

/// A slot's local time in Brussels, from the API's RFC 3339 text with its offset.
pub fn local_time(text: &str) -> Option<NaiveDateTime> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.naive_local())
}

/// `14:00` and `15:30`: the slot's start and end in Brussels.
pub fn hours(o: &OfficeHour) -> (String, String) {
    let hm = |s: &str| {
        local_time(s)
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default()
    };
    (hm(&o.starts_at_local), hm(&o.ends_at_local))
}

/// The slots by their day in Brussels, each day's in start order.
pub fn by_day(slots: &[OfficeHour]) -> BTreeMap<NaiveDate, Vec<OfficeHour>> {
    let mut days: BTreeMap<NaiveDate, Vec<OfficeHour>> = BTreeMap::new();
    for o in slots {
        if let Some(t) = local_time(&o.starts_at_local) {
            days.entry(t.date()).or_default().push(o.clone());
        }
    }
    for list in days.values_mut() {
        list.sort_by_key(|o| o.starts_at);
    }
    days
}

/// A slot one may still book: open, free and not started.
pub fn bookable(o: &OfficeHour, now: chrono::DateTime<chrono::Utc>) -> bool {
    o.status == SlotStatus::Open && o.booking.is_none() && o.starts_at > now
}

/// What the signed-in role may do on this screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Abilities {
    /// Offer slots (coordinators for anyone, a mentor's account for itself) and cancel free ones.
    pub offer: bool,
    /// Free a booked slot (staff and coaches; the API checks the entrepreneur).
    pub unbook: bool,
    /// A mentor's account: its own slots, its calendar address.
    pub mentor: bool,
}

impl Abilities {
    pub fn of(role: Option<Role>) -> Abilities {
        let mentor = role == Some(Role::Mentor);
        Abilities {
            offer: mentor || role.is_some_and(manages_interlab),
            unbook: role.is_some() && !mentor,
            mentor,
        }
    }
}

#[component]
pub fn OfficeHoursPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(IloKey::Title);
    let api = use_api();
    let can = Abilities::of(current_role());
    let today = today_in_brussels();
    let monday = RwSignal::new(monday_of(today));
    let mentor = RwSignal::new(String::new());
    // The directory, for the mentor filter and the offer form (a mentor's account reads its own
    // entry instead).
    let mentors = LocalResource::new(move || async move {
        if can.mentor {
            return Ok(Vec::<Mentor>::new());
        }
        api.interlab_mentors(&MentorFilter {
            active: Some(true),
            ..MentorFilter::default()
        })
        .await
    });
    let me = LocalResource::new(move || async move {
        if !can.mentor {
            return Ok(None);
        }
        match api.my_mentor_entry().await {
            Ok(m) => Ok(Some(m)),
            Err(e) if crate::components::load::is_not_found(&e) => Ok(None),
            Err(e) => Err(e),
        }
    });
    // The answer carries the week it answers, so a week still loading never shows under
    // another week's days.
    let slots = LocalResource::new(move || {
        let m = monday.get();
        let f = week_filter(m, mentor.get().parse().ok());
        async move { api.office_hours(&f).await.map(|list| (m, list)) }
    });
    let status = RwSignal::new(None::<String>);
    let errors = RwSignal::new(FormErrors::default());
    let booking = RwSignal::new(None::<OfficeHour>);
    // A slot taken by someone else in the meantime: said plainly, the week reloaded.
    let taken = RwSignal::new(None::<String>);
    let unbook = use_submit(
        errors,
        &[],
        move |id: Uuid| async move { api.unbook_office_hour(id).await },
        move |()| {
            status.set(Some(i18n.t(IloKey::Unbooked).to_string()));
            slots.refetch();
        },
    );
    let cancel = use_submit(
        errors,
        &[],
        move |id: Uuid| async move {
            let patch = OfficeHourPatch {
                status: Some(SlotStatus::Cancelled),
                ..OfficeHourPatch::default()
            };
            api.update_office_hour(id, &patch).await
        },
        move |_: OfficeHour| {
            status.set(Some(i18n.t(IloKey::SlotCancelled).to_string()));
            slots.refetch();
        },
    );
    let busy = Signal::derive(move || unbook.pending().get() || cancel.pending().get());
    let actions = SlotActions {
        can,
        busy,
        book: Callback::new(move |o: OfficeHour| {
            status.set(None);
            taken.set(None);
            errors.set(FormErrors::default());
            booking.set(Some(o));
            focus_id_later("booking-title");
        }),
        unbook: Callback::new(move |id| {
            status.set(None);
            unbook.dispatch(id);
        }),
        cancel: Callback::new(move |id| {
            status.set(None);
            cancel.dispatch(id);
        }),
    };
    let step = move |weeks: i64| monday.update(|m| *m += Duration::days(7 * weeks));
    let on_booked = Callback::new(move |msg: String| {
        booking.set(None);
        status.set(Some(msg));
        slots.refetch();
    });
    let on_taken = Callback::new(move |msg: String| {
        booking.set(None);
        taken.set(Some(msg));
        slots.refetch();
    });
    let on_offered = Callback::new(move |day: NaiveDate| {
        status.set(Some(i18n.t(IloKey::SlotSaved).to_string()));
        monday.set(monday_of(day));
        slots.refetch();
    });
    view! {
        <section class="page il-office-hours" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(IloKey::Title)}</h1>
            <p class="lead">{move || i18n.t(IloKey::Intro)}</p>
            <InterlabTabs current=Some(Tab::OfficeHours)/>
            {(!can.mentor).then(|| view! {
                <form class="filters card il-filters" role="search" aria-labelledby="slot-filters-title"
                    on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                    <h2 id="slot-filters-title" class="visually-hidden">{move || i18n.t(IloKey::Filters)}</h2>
                    <div class="field">
                        <label for="filter-mentor">{move || i18n.t(IloKey::MentorLabel)}</label>
                        <select id="filter-mentor" on:change=move |ev| mentor.set(event_target_value(&ev))>
                            <option value="">{move || i18n.t(IloKey::AllMentors)}</option>
                            {move || mentors.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|m| view! {
                                <option value=m.id.to_string()>{m.display_name}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </form>
            })}
            <StatusMessage message=status/>
            <ErrorAlert
                message=Signal::derive(move || taken.get().or_else(|| errors.with(|e| e.general())))
                on_dismiss=move || {
                    taken.set(None);
                    errors.update(|e| e.dismiss_general());
                }
            />
            <div class="cal-toolbar">
                <h2 id="week-title" class="cal-title" aria-live="polite">
                    {move || i18n.tf(IloKey::WeekOf, &[("date", &format_date(i18n.lang.get(), monday.get(), DateStyle::Full))])}
                </h2>
                <div class="cal-buttons">
                    <button type="button" class="button week-prev" on:click=move |_| step(-1)>
                        <span aria-hidden="true" class="dir-arrow">"←"</span>" "{move || i18n.t(IloKey::PreviousWeek)}
                    </button>
                    <button type="button" class="button" on:click=move |_| monday.set(monday_of(today))>
                        {move || i18n.t(IloKey::ThisWeek)}
                    </button>
                    <button type="button" class="button week-next" on:click=move |_| step(1)>
                        {move || i18n.t(IloKey::NextWeek)}" "<span aria-hidden="true" class="dir-arrow">"→"</span>
                    </button>
                </div>
            </div>
            {move || load_state(slots.get(), move || slots.refetch(), move |(m, list)| {
                view! { <Week monday=m today=today slots=list actions=actions/> }.into_any()
            })}
            {move || booking.get().map(|slot| view! {
                <BookingPanel office_hour=slot on_booked=on_booked on_taken=on_taken on_close=Callback::new(move |()| booking.set(None))/>
            })}
            {can.offer.then(|| view! {
                <OfferForm mentors=mentors me=me mentor_account=can.mentor on_offered=on_offered/>
            })}
            {can.mentor.then(|| view! { <FeedCard me=me/> })}
        </section>
    }
}

/// What a slot's buttons do.
#[derive(Clone, Copy)]
struct SlotActions {
    can: Abilities,
    busy: Signal<bool>,
    book: Callback<OfficeHour>,
    unbook: Callback<Uuid>,
    cancel: Callback<Uuid>,
}

/// The seven days of the week, each with its slots.
#[component]
fn Week(
    monday: NaiveDate,
    today: NaiveDate,
    slots: Vec<OfficeHour>,
    actions: SlotActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = slots.len();
    let free = slots.iter().filter(|o| bookable(o, now_utc())).count();
    let mut days = by_day(&slots);
    let cells = (0..7)
        .map(|n| {
            let d = monday + Duration::days(n);
            let list = days.remove(&d).unwrap_or_default();
            let empty = list.is_empty();
            view! {
                <li class="cal-day" class:is-today=d == today class:empty=empty>
                    <h3 class="cal-date">
                        <span class="cal-num" aria-hidden="true">{move || format_date(i18n.lang.get(), d, DateStyle::Short)}</span>
                        <span class="cal-label">{move || format_date(i18n.lang.get(), d, DateStyle::Day)}</span>
                    </h3>
                    {if empty {
                        view! { <p class="cal-none muted small">{move || i18n.t(IloKey::NoSlotsDay)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="cal-events il-slots">
                                {list.into_iter().map(|o| view! { <Slot o=o actions=actions/> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="count">{move || i18n.tf(IloKey::SlotCount, &[("count", &total.to_string()), ("free", &free.to_string())])}</p>
        <div class="cal cal-week il-week">
            <ol class="cal-days" aria-labelledby="week-title">{cells}</ol>
        </div>
    }
}

#[component]
fn Slot(o: OfficeHour, actions: SlotActions) -> impl IntoView {
    let i18n = use_i18n();
    let (start, end) = hours(&o);
    let time = i18n.tf(IloKey::SlotTime, &[("start", &start), ("end", &end)]);
    let cancelled = o.status == SlotStatus::Cancelled;
    let open = bookable(&o, now_utc());
    let future = o.starts_at > now_utc();
    let booked = o.booking.clone();
    let is_booked = booked.is_some();
    let (id, mentor) = (o.id, o.mentor_name.clone());
    let time_text = time.clone();
    let slot = o.clone();
    view! {
        <li class="cal-event il-slot" class:is-cancelled=cancelled class:is-free=open class:is-booked=is_booked>
            <p class="activity-when"><bdi>{time.clone()}</bdi></p>
            <p class="activity-title"><bdi>{o.mentor_name.clone()}</bdi></p>
            {o.place.clone().map(|p| view! { <p class="small"><bdi>{p}</bdi></p> })}
            {o.video_url.clone().map(|u| view! { <p class="small"><a href=u rel="noopener noreferrer" target="_blank">{move || i18n.t(IloKey::Video)}</a></p> })}
            <p class="slot-state">
                {if cancelled {
                    view! { <span class="badge slot-cancelled">{move || i18n.t(IloKey::Cancelled)}</span> }.into_any()
                } else if let Some(b) = booked.clone() {
                    let who = b.entrepreneur_name.clone().zip(b.project_name.clone());
                    view! {
                        <span class="badge slot-booked">{move || i18n.t(IloKey::Booked)}</span>
                        {who.map(|(name, project)| view! {
                            " " <span class="booked-for">{move || i18n.tf(IloKey::BookedFor, &[("name", &name), ("project", &project)])}</span>
                        })}
                    }.into_any()
                } else {
                    view! { <span class="badge slot-free">{move || i18n.t(IloKey::Free)}</span> }.into_any()
                }}
            </p>
            {open.then(|| {
                let (time, mentor) = (time_text.clone(), mentor.clone());
                view! {
                    <button type="button" class="button small-button book-slot"
                        aria-label=move || i18n.tf(IloKey::BookNamed, &[("time", &time), ("mentor", &mentor)])
                        disabled=move || actions.busy.get()
                        on:click=move |_| actions.book.run(slot.clone())>
                        {move || i18n.t(IloKey::Book)}
                    </button>
                }
            })}
            {(open && actions.can.offer).then(|| {
                let time = time_text.clone();
                view! {
                    <button type="button" class="button small-button cancel-slot"
                        aria-label=move || i18n.tf(IloKey::CancelSlotNamed, &[("time", &time)])
                        disabled=move || actions.busy.get()
                        on:click=move |_| actions.cancel.run(id)>
                        {move || i18n.t(IloKey::CancelSlot)}
                    </button>
                }
            })}
            {booked.and_then(|b| b.entrepreneur_name.filter(|_| future && !cancelled && actions.can.unbook)).map(|name| {
                let time = time_text.clone();
                view! {
                    <button type="button" class="button small-button unbook-slot"
                        aria-label=move || i18n.tf(IloKey::UnbookNamed, &[("time", &time), ("name", &name)])
                        disabled=move || actions.busy.get()
                        on:click=move |_| actions.unbook.run(id)>
                        {move || i18n.t(IloKey::Unbook)}
                    </button>
                }
            })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn slot(start: &str, end: &str) -> OfficeHour {
        let parse = |s: &str| {
            DateTime::parse_from_rfc3339(s)
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_default()
        };
        OfficeHour {
            id: Uuid::now_v7(),
            mentor_id: Uuid::from_u128(1),
            mentor_name: "Nadia".into(),
            starts_at: parse(start),
            ends_at: parse(end),
            starts_at_local: start.into(),
            ends_at_local: end.into(),
            place: Some("La Grand Poste".into()),
            video_url: None,
            status: SlotStatus::Open,
            booking: None,
        }
    }

    #[test]
    fn a_week_starts_on_monday_and_asks_for_seven_days() {
        let thursday = NaiveDate::from_ymd_opt(2027, 1, 14).unwrap_or_default();
        let monday = monday_of(thursday);
        assert_eq!(
            monday,
            NaiveDate::from_ymd_opt(2027, 1, 11).unwrap_or_default()
        );
        assert_eq!(monday_of(monday), monday);
        let f = week_filter(monday, None);
        assert_eq!(f.to, NaiveDate::from_ymd_opt(2027, 1, 17));
    }

    #[test]
    fn slots_fall_on_their_day_in_brussels_with_their_local_hours() {
        // 23:30 in Brussels is already the next day in UTC terms of no importance here: the
        // local text decides the day.
        let late = slot("2027-01-12T23:00:00+01:00", "2027-01-12T23:45:00+01:00");
        let early = slot("2027-01-12T09:00:00+01:00", "2027-01-12T10:30:00+01:00");
        let days = by_day(&[late.clone(), early.clone()]);
        let tuesday = NaiveDate::from_ymd_opt(2027, 1, 12).unwrap_or_default();
        assert_eq!(days.len(), 1);
        assert_eq!(days[&tuesday][0].id, early.id, "in start order");
        assert_eq!(hours(&early), ("09:00".to_string(), "10:30".to_string()));
    }

    #[test]
    fn only_an_open_free_future_slot_is_bookable() {
        let mut o = slot("2027-01-12T09:00:00+01:00", "2027-01-12T10:00:00+01:00");
        let before = Utc
            .with_ymd_and_hms(2027, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default();
        let after = Utc
            .with_ymd_and_hms(2027, 2, 1, 0, 0, 0)
            .single()
            .unwrap_or_default();
        assert!(bookable(&o, before));
        assert!(!bookable(&o, after), "past");
        o.status = SlotStatus::Cancelled;
        assert!(!bookable(&o, before), "cancelled");
    }

    #[test]
    fn who_offers_and_who_frees() {
        let coach = Abilities::of(Some(Role::Coach));
        assert!(!coach.offer && coach.unbook && !coach.mentor);
        let mentor = Abilities::of(Some(Role::Mentor));
        assert!(mentor.offer && !mentor.unbook && mentor.mentor);
        assert!(Abilities::of(Some(Role::Coordinator)).offer);
    }
}
