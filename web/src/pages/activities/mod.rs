//! Activities for the team: the agenda (list, week and month), the editor (one activity or a
//! workshop series), the activity page with its registrations and waiting list, and the
//! attendance sheet for phones. The public pages (`/events/...`) live elsewhere.
//!
//! Times are shown and entered in Europe/Brussels: the API gives each activity's local start
//! and end with their offset, and takes `2026-03-18T18:00` as Brussels time.

pub mod agenda;
pub mod attendance;
pub mod calendar;
pub mod form;
pub mod page;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use shared::activities::{
    Activity, ActivityKind, ActivityProgramme, ActivityStatus, Multilingual, RegistrationSource,
    RegistrationStatus,
};
use shared::people::{PeopleFilter, PersonSummary};
use shared::Lang;
use uuid::Uuid;

use crate::api::use_api;
use crate::components::load::LoadError;
pub use crate::i18n::activities::ActKey;
use crate::i18n::common::CommonKey;
use crate::i18n::vocabulary::category_opt_key;
use crate::i18n::vocabulary::VocabKey;
use crate::i18n::{locale, Text};
use crate::locale::{use_i18n, I18n, TIME_ZONE};

/// The text in `lang`, falling back to French (the API's rule too).
pub fn pick(m: &Multilingual, lang: Lang) -> String {
    m.get(lang.code())
        .filter(|s| !s.trim().is_empty())
        .or_else(|| m.get("fr"))
        .cloned()
        .unwrap_or_default()
}

/// The catalogue key naming an activity's programme.
pub fn programme_text(p: ActivityProgramme) -> Text {
    match p {
        ActivityProgramme::Interact => VocabKey::ProgInteract.into(),
        ActivityProgramme::Duo2change => VocabKey::ProgDuo2change.into(),
        ActivityProgramme::Training => VocabKey::ProgTraining.into(),
        ActivityProgramme::Interlab => VocabKey::ProgInterlab.into(),
        ActivityProgramme::Other => ActKey::ProgOther.into(),
    }
}

pub fn kind_key(k: ActivityKind) -> ActKey {
    match k {
        ActivityKind::WorkshopSession => ActKey::KindWorkshop,
        ActivityKind::Training => ActKey::KindTraining,
        ActivityKind::Networking => ActKey::KindNetworking,
        ActivityKind::InfoSession => ActKey::KindInfoSession,
        ActivityKind::Meeting => ActKey::KindMeeting,
        ActivityKind::Other => ActKey::KindOther,
    }
}

pub fn status_key(s: ActivityStatus) -> ActKey {
    match s {
        ActivityStatus::Draft => ActKey::StatusDraft,
        ActivityStatus::Published => ActKey::StatusPublished,
        ActivityStatus::Cancelled => ActKey::StatusCancelled,
    }
}

/// The state of a registration, named as in the API (`registered`, `waitlisted`...).
pub fn registration_status_key(s: RegistrationStatus) -> ActKey {
    match s {
        RegistrationStatus::Registered => ActKey::RegRegistered,
        RegistrationStatus::Waitlisted => ActKey::RegWaitlisted,
        RegistrationStatus::Cancelled => ActKey::RegCancelled,
        RegistrationStatus::Attended => ActKey::RegAttended,
        RegistrationStatus::Absent => ActKey::RegAbsent,
        RegistrationStatus::Excused => ActKey::RegExcused,
    }
}

pub fn source_key(s: RegistrationSource) -> ActKey {
    match s {
        RegistrationSource::Staff => ActKey::SourceStaff,
        RegistrationSource::Public => ActKey::SourcePublic,
        RegistrationSource::WalkIn => ActKey::SourceWalkIn,
    }
}

/// The badge of an activity's status.
#[component]
pub fn StatusBadge(status: ActivityStatus) -> impl IntoView {
    let i18n = use_i18n();
    let class = match status {
        ActivityStatus::Draft => "badge badge-draft",
        ActivityStatus::Published => "badge badge-published",
        ActivityStatus::Cancelled => "badge badge-cancelled",
    };
    view! { <span class=class>{move || i18n.t(status_key(status))}</span> }
}

/// Where: the venue's name, or "online".
pub fn venue_line(a: &Activity, i18n: I18n) -> String {
    match (&a.venue, &a.online_url) {
        (Some(v), Some(_)) => format!("{} · {}", v.name, i18n.t(ActKey::Online)),
        (Some(v), None) => v.name.clone(),
        (None, Some(_)) => i18n.t(ActKey::Online).to_string(),
        (None, None) => i18n.t(ActKey::NoVenue).to_string(),
    }
}

/// Places left and the waiting list, e.g. `Places libres : 3/12 · Liste d'attente : 2`.
pub fn places_line(a: &Activity, i18n: I18n) -> String {
    let c = &a.counts;
    let mut parts = Vec::new();
    match (a.capacity, c.remaining) {
        (Some(_), Some(0)) => parts.push(i18n.t(ActKey::Full).to_string()),
        (Some(cap), Some(left)) => parts.push(i18n.tf(
            ActKey::PlacesLeft,
            &[("left", &left.to_string()), ("capacity", &cap.to_string())],
        )),
        _ => parts.push(i18n.tf(
            ActKey::NoLimitCount,
            &[("count", &(c.registered + c.attended).to_string())],
        )),
    }
    if c.waitlisted > 0 {
        parts.push(i18n.tf(
            ActKey::WaitlistCount,
            &[("count", &c.waitlisted.to_string())],
        ));
    }
    parts.join(" · ")
}

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// `mercredi 18 mars 2026`
    Full,
    /// `mercredi 18 mars`
    Day,
    /// `mer. 18 mars`
    Short,
    /// `mars 2026`
    Month,
    /// `lun.`
    Weekday,
}

/// A calendar date in the language's words (the date is a Brussels date: no time zone applies).
pub fn format_date(lang: Lang, d: NaiveDate, style: DateStyle) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let noon = d
            .and_hms_opt(12, 0, 0)
            .map(|t| t.and_utc().timestamp_millis())
            .unwrap_or(0);
        #[allow(clippy::cast_precision_loss)]
        let date = js_sys::Date::new(&JsValue::from_f64(noon as f64));
        let options = js_sys::Object::new();
        let set = |k: &str, v: &str| {
            let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
        };
        set("timeZone", "UTC");
        match style {
            DateStyle::Full => {
                set("weekday", "long");
                set("day", "numeric");
                set("month", "long");
                set("year", "numeric");
            }
            DateStyle::Day => {
                set("weekday", "long");
                set("day", "numeric");
                set("month", "long");
            }
            DateStyle::Short => {
                set("weekday", "short");
                set("day", "numeric");
                set("month", "short");
            }
            DateStyle::Month => {
                set("month", "long");
                set("year", "numeric");
            }
            DateStyle::Weekday => set("weekday", "short"),
        }
        date.to_locale_date_string(locale(lang), &options).into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = locale(lang);
        match style {
            DateStyle::Full | DateStyle::Day | DateStyle::Short => {
                d.format("%a %Y-%m-%d").to_string()
            }
            DateStyle::Month => d.format("%Y-%m").to_string(),
            DateStyle::Weekday => d.format("%a").to_string(),
        }
    }
}

/// Local Brussels date and time of `dt` as `YYYY-MM-DDTHH:MM` (the value of a
/// `datetime-local` input).
pub fn brussels_input(dt: &DateTime<Utc>) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        #[allow(clippy::cast_precision_loss)]
        let date = js_sys::Date::new(&JsValue::from_f64(dt.timestamp_millis() as f64));
        let options = js_sys::Object::new();
        for (k, v) in [
            ("timeZone", TIME_ZONE),
            ("year", "numeric"),
            ("month", "2-digit"),
            ("day", "2-digit"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("hourCycle", "h23"),
        ] {
            let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        let text: String = date.to_locale_string("sv-SE", &options).into();
        input_from_digits(&text).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = TIME_ZONE;
        dt.format("%Y-%m-%dT%H:%M").to_string()
    }
}

/// `2026-03-18T18:00` from text holding year, month, day, hour and minute in that order
/// (whatever separates them).
pub fn input_from_digits(text: &str) -> Option<String> {
    let groups: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    match groups.as_slice() {
        [y, mo, d, h, mi, ..] if y.len() == 4 => {
            Some(format!("{y}-{mo:0>2}-{d:0>2}T{h:0>2}:{mi:0>2}"))
        }
        _ => None,
    }
}

/// The current instant (the browser's clock: `std` has no clock in WebAssembly).
pub fn now() -> DateTime<Utc> {
    #[cfg(target_arch = "wasm32")]
    {
        // Milliseconds since the epoch: an integral f64.
        #[allow(clippy::cast_possible_truncation)]
        let millis = js_sys::Date::now() as i64;
        DateTime::from_timestamp_millis(millis).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Utc::now()
    }
}

/// Today in Brussels.
pub fn today() -> NaiveDate {
    let now = now();
    let local = brussels_input(&now);
    NaiveDate::parse_from_str(local.get(..10).unwrap_or_default(), "%Y-%m-%d")
        .unwrap_or_else(|_| now.date_naive())
}

/// Offers `text` as a file download (a temporary link, clicked).
pub fn download_text(name: &str, mime: &str, text: &str) -> Option<()> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    let a = document.create_element("a").ok()?;
    let href = format!(
        "data:{mime};charset=utf-8,{}",
        crate::api::encode_component(text)
    );
    a.set_attribute("href", &href).ok()?;
    a.set_attribute("download", name).ok()?;
    a.dyn_into::<web_sys::HtmlElement>().ok()?.click();
    Some(())
}

/// A search among people (names, email, phone) that lists matches with one action button
/// each. Not a `<form>`: it may sit inside another form. Enter searches at once; typing
/// searches after a short pause.
#[component]
pub fn PersonSearch(
    /// Prefix of the ids inside.
    id: &'static str,
    #[prop(into)] label: Text,
    /// Visible text of each result's button.
    #[prop(into)]
    action: Text,
    /// Accessible name of each result's button, with `{name}`.
    #[prop(into)]
    action_named: Text,
    on_choose: Callback<PersonSummary>,
    /// People who cannot be chosen (already there).
    #[prop(into, optional)]
    exclude: Signal<Vec<Uuid>>,
    #[prop(into, optional)] busy: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let query = RwSignal::new(String::new());
    let submitted = RwSignal::new(String::new());
    let generation = StoredValue::new(0_u32);
    let results = LocalResource::new(move || {
        let q = submitted.get();
        async move {
            if q.trim().chars().count() < 2 {
                return None;
            }
            let filter = PeopleFilter {
                q: Some(q.trim().to_string()),
                page_size: Some(8),
                ..PeopleFilter::default()
            };
            Some(api.list_people(&filter).await)
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        query.set(value.clone());
        generation.update_value(|g| *g = g.wrapping_add(1));
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() == Some(mine) {
                    submitted.try_set(value);
                }
            },
            std::time::Duration::from_millis(300),
        );
    };
    let search_now = move || {
        generation.update_value(|g| *g = g.wrapping_add(1));
        submitted.set(query.get_untracked());
    };
    let input_id = format!("{id}-q");
    let input_id2 = input_id.clone();
    let hint_id = format!("{id}-hint");
    let hint_id2 = hint_id.clone();
    let list = move || match results.get().flatten() {
        None => ().into_any(),
        Some(Err(err)) => {
            view! { <p class="field-error">{err.message(i18n.lang.get())}</p> }.into_any()
        }
        Some(Ok(page)) if page.results.is_empty() => {
            view! { <p class="muted">{move || i18n.t(ActKey::NobodyFound)}</p> }.into_any()
        }
        Some(Ok(page)) => {
            let excluded = exclude.get();
            let items = page
                .results
                .into_iter()
                .map(|p| {
                    let already = excluded.contains(&p.id);
                    let name = p.display_name.clone();
                    let contact = [p.email.clone(), p.phone.clone(), p.commune.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" · ");
                    let category = p.category;
                    let chosen = p.clone();
                    view! {
                        <li class="pick">
                            <div class="pick-who">
                                <bdi class="pick-name">{p.display_name.clone()}</bdi>
                                <span class="badge badge-category">{move || i18n.t(category_opt_key(category))}</span>
                                {(!contact.is_empty()).then(|| view! { <span class="muted small block"><bdi>{contact}</bdi></span> })}
                            </div>
                            {if already {
                                view! { <span class="muted small">{move || i18n.t(ActKey::AlreadyThere)}</span> }.into_any()
                            } else {
                                view! {
                                    <button
                                        type="button"
                                        class="button small-button"
                                        disabled=move || busy.get()
                                        aria-label=move || i18n.tf(action_named, &[("name", &name)])
                                        on:click=move |_| on_choose.run(chosen.clone())
                                    >
                                        {move || i18n.t(action)}
                                    </button>
                                }
                                    .into_any()
                            }}
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="plain picks">{items}</ul> }.into_any()
        }
    };
    view! {
        <div class="person-search">
            <div class="field">
                <label for=input_id.clone()>{move || i18n.t(label)}</label>
                <p class="hint" id=hint_id.clone()>{move || i18n.t(ActKey::PersonSearchHint)}</p>
                <div class="inline">
                    <input
                        id=input_id2
                        type="search"
                        autocomplete="off"
                        aria-describedby=hint_id2
                        prop:value=move || query.get()
                        on:input=on_input
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                search_now();
                            }
                        }
                    />
                    <button type="button" class="button" on:click=move |_| search_now()>
                        {move || i18n.t(CommonKey::SearchSubmit)}
                    </button>
                </div>
            </div>
            <div aria-live="polite">{list}</div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_fall_back_to_french() {
        let mut m = Multilingual::new();
        m.insert("fr".into(), "Atelier pizza".into());
        m.insert("nl".into(), "Pizza-atelier".into());
        m.insert("en".into(), "  ".into());
        assert_eq!(pick(&m, Lang::Nl), "Pizza-atelier");
        assert_eq!(pick(&m, Lang::En), "Atelier pizza");
        assert_eq!(pick(&m, Lang::Ar), "Atelier pizza");
        assert_eq!(pick(&Multilingual::new(), Lang::Fr), "");
    }

    #[test]
    fn datetime_inputs_are_read_from_localised_digits() {
        assert_eq!(
            input_from_digits("2026-03-18 18:05").as_deref(),
            Some("2026-03-18T18:05")
        );
        assert_eq!(
            input_from_digits("2026-3-8 7:05:00").as_deref(),
            Some("2026-03-08T07:05")
        );
        assert_eq!(input_from_digits("18/03/2026 18:05"), None);
        assert_eq!(input_from_digits(""), None);
    }

    #[test]
    fn every_state_and_kind_has_a_label() {
        use crate::i18n::t;
        for s in RegistrationStatus::ALL {
            assert!(!t(Lang::Fr, registration_status_key(*s)).is_empty());
        }
        for k in ActivityKind::ALL {
            assert!(!t(Lang::Ar, kind_key(*k)).is_empty());
        }
        for p in ActivityProgramme::ALL {
            assert!(!programme_text(*p).get(Lang::Nl).is_empty());
        }
        assert_eq!(
            t(
                Lang::Fr,
                registration_status_key(RegistrationStatus::Waitlisted)
            ),
            "En liste d'attente"
        );
    }
}
