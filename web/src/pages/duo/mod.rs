//! Duo2Change: the candidate pool, a candidate's explained suggestions, the batch run with its
//! preview, the proposals board, each duo's page (state, timeline, check-ins, health), the
//! attention dashboard and the matching weights.
//!
//! This module holds what the screens share: the section's tabs, labelled form controls, score
//! and health displays, and date helpers.

pub mod assessments;
pub mod attention;
pub mod batch;
pub mod board;
pub mod candidacy_form;
pub mod candidate;
pub mod communes;
pub mod duo_page;
pub mod follow_ups;
pub mod pool;
pub mod settings;
pub mod trial_feedback;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use shared::duo::{
    CandidacyStatus, DuoHealth, DuoStatus, HealthLevel, MatchingSettings, ScoreBreakdown,
    TravelRange,
};
use shared::Lang;

use crate::api::duo::Commune;

use crate::i18n::duo::{candidacy_status_key, duo_status_key, health_key, travel_key, DuoKey};
use crate::i18n::locale;
use crate::locale::{use_i18n, I18n};
use crate::routes::{DUO, DUO_ATTENTION, DUO_BATCH, DUO_BOARD, DUO_SETTINGS};

/// Now, from the browser's clock (chrono's own clock is not available in the browser).
pub fn now_utc() -> DateTime<Utc> {
    #[cfg(target_arch = "wasm32")]
    {
        let millis = js_sys::Date::now();
        #[allow(clippy::cast_possible_truncation)]
        DateTime::from_timestamp_millis(millis as i64).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Utc::now()
    }
}

/// Today's date in Brussels (the default date of a check-in).
pub fn today_in_brussels() -> NaiveDate {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &options,
            &JsValue::from_str("timeZone"),
            &JsValue::from_str(crate::locale::TIME_ZONE),
        );
        // en-CA writes dates as YYYY-MM-DD.
        let text: String = js_sys::Date::new_0()
            .to_locale_date_string("en-CA", &options)
            .into();
        NaiveDate::parse_from_str(&text, "%Y-%m-%d").unwrap_or_else(|_| now_utc().date_naive())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        now_utc().date_naive()
    }
}

/// Whole days from `since` to `now` (never negative).
pub fn days_between(since: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (now - since).num_days().max(0)
}

/// A calendar date for the reader, e.g. `26 nov. 2026` in French.
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let Some(noon) = date.and_hms_opt(12, 0, 0) else {
            return date.to_string();
        };
        #[allow(clippy::cast_precision_loss)]
        let millis = noon.and_utc().timestamp_millis() as f64;
        let options = js_sys::Object::new();
        for (k, v) in [("timeZone", "UTC"), ("dateStyle", "medium")] {
            let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        js_sys::Date::new(&JsValue::from_f64(millis))
            .to_locale_date_string(locale(lang), &options)
            .into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = locale(lang);
        date.to_string()
    }
}

/// A date and time's calendar date in Brussels, for the reader.
pub fn format_day(lang: Lang, dt: &DateTime<Utc>) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        #[allow(clippy::cast_precision_loss)]
        let millis = dt.timestamp_millis() as f64;
        let options = js_sys::Object::new();
        for (k, v) in [
            ("timeZone", crate::locale::TIME_ZONE),
            ("dateStyle", "medium"),
        ] {
            let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        js_sys::Date::new(&JsValue::from_f64(millis))
            .to_locale_date_string(locale(lang), &options)
            .into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = locale(lang);
        dt.format("%Y-%m-%d").to_string()
    }
}

/// A score out of 100, rounded (e.g. `72`).
pub fn score_text(total: f64) -> String {
    format!("{:.0}", total.clamp(0.0, 100.0))
}

/// A criterion's share (0–1) as a whole percentage.
pub fn percent(value: f64) -> u32 {
    // Clamped to 0–100 first, so the cast cannot overflow or lose a sign.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let p = (value.clamp(0.0, 1.0) * 100.0).round() as u32;
    p
}

/// A percentage rounded to the 5 % step of the bar classes (`w0` … `w100`).
pub fn bar_step(p: u32) -> u32 {
    (p.min(100) + 2) / 5 * 5
}

/// The name of a commune given as the API sends it (its id or its name).
pub fn commune_name(communes: &[Commune], value: &str) -> String {
    communes
        .iter()
        .find(|c| c.id == value || c.name == value)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| value.to_string())
}

/// The id of a commune given as the API sends it (its id or its name).
pub fn commune_id(communes: &[Commune], value: &str) -> Option<String> {
    communes
        .iter()
        .find(|c| c.id == value || c.name == value)
        .map(|c| c.id.clone())
}

/// Whether `role` may change Duo2Change data (candidacies, proposals, states); coaches read and
/// report check-ins only.
pub use crate::routes::writes_people as manages_duos;

/// A soft criterion of matching: its share in a score, its weight, its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    Interests,
    Language,
    Availability,
    Distance,
    Hopes,
    Age,
    Waiting,
}

impl Criterion {
    pub const ALL: [Criterion; 7] = [
        Criterion::Interests,
        Criterion::Language,
        Criterion::Availability,
        Criterion::Distance,
        Criterion::Hopes,
        Criterion::Age,
        Criterion::Waiting,
    ];

    /// The wire name (the field of the breakdown and of the settings).
    pub fn name(self) -> &'static str {
        match self {
            Criterion::Interests => "interests",
            Criterion::Language => "language",
            Criterion::Availability => "availability",
            Criterion::Distance => "distance",
            Criterion::Hopes => "hopes",
            Criterion::Age => "age",
            Criterion::Waiting => "waiting",
        }
    }

    pub fn key(self) -> DuoKey {
        match self {
            Criterion::Interests => DuoKey::CritInterests,
            Criterion::Language => DuoKey::CritLanguage,
            Criterion::Availability => DuoKey::CritAvailability,
            Criterion::Distance => DuoKey::CritDistance,
            Criterion::Hopes => DuoKey::CritHopes,
            Criterion::Age => DuoKey::CritAge,
            Criterion::Waiting => DuoKey::CritWaiting,
        }
    }

    /// This criterion's share (0–1) in a score.
    pub fn of(self, s: &ScoreBreakdown) -> f64 {
        match self {
            Criterion::Interests => s.interests,
            Criterion::Language => s.language,
            Criterion::Availability => s.availability,
            Criterion::Distance => s.distance,
            Criterion::Hopes => s.hopes,
            Criterion::Age => s.age,
            Criterion::Waiting => s.waiting,
        }
    }

    /// This criterion's weight in the settings.
    pub fn weight(self, s: &MatchingSettings) -> f64 {
        match self {
            Criterion::Interests => s.interests,
            Criterion::Language => s.language,
            Criterion::Availability => s.availability,
            Criterion::Distance => s.distance,
            Criterion::Hopes => s.hopes,
            Criterion::Age => s.age,
            Criterion::Waiting => s.waiting,
        }
    }

    /// Sets this criterion's weight in the settings.
    pub fn set_weight(self, s: &mut MatchingSettings, v: f64) {
        match self {
            Criterion::Interests => s.interests = v,
            Criterion::Language => s.language = v,
            Criterion::Availability => s.availability = v,
            Criterion::Distance => s.distance = v,
            Criterion::Hopes => s.hopes = v,
            Criterion::Age => s.age = v,
            Criterion::Waiting => s.waiting = v,
        }
    }
}

/// The tabs of the Duo2Change section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Pool,
    Board,
    Attention,
    Batch,
    Settings,
}

impl Tab {
    fn path(self) -> &'static str {
        match self {
            Tab::Pool => DUO,
            Tab::Board => DUO_BOARD,
            Tab::Attention => DUO_ATTENTION,
            Tab::Batch => DUO_BATCH,
            Tab::Settings => DUO_SETTINGS,
        }
    }

    fn label(self) -> DuoKey {
        match self {
            Tab::Pool => DuoKey::TabPool,
            Tab::Board => DuoKey::TabBoard,
            Tab::Attention => DuoKey::TabAttention,
            Tab::Batch => DuoKey::TabBatch,
            Tab::Settings => DuoKey::TabSettings,
        }
    }
}

/// The tabs a role sees: the batch needs the right to propose.
pub fn tabs_for(manages: bool) -> Vec<Tab> {
    let mut tabs = vec![Tab::Pool, Tab::Board, Tab::Attention];
    if manages {
        tabs.push(Tab::Batch);
    }
    tabs.push(Tab::Settings);
    tabs
}

/// The section's own navigation, under the page heading's level.
#[component]
pub fn DuoTabs(current: Option<Tab>) -> impl IntoView {
    let i18n = use_i18n();
    let api = crate::api::use_api();
    let manages = api.session.user().is_some_and(|u| manages_duos(u.role));
    let items = tabs_for(manages)
        .into_iter()
        .map(|tab| {
            let here = current == Some(tab);
            view! {
                <li>
                    <a href=tab.path() aria-current=here.then_some("page")>
                        {move || i18n.t(tab.label())}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="duo-tabs" aria-label=move || i18n.t(DuoKey::SectionNav)>
            <ul>{items}</ul>
        </nav>
    }
}

#[component]
pub fn CandidacyBadge(status: CandidacyStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("badge cand-{}", status.as_str())>
            {move || i18n.t(candidacy_status_key(status))}
        </span>
    }
}

#[component]
pub fn DuoBadge(status: DuoStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("badge duo-{}", status.as_str())>
            {move || i18n.t(duo_status_key(status))}
        </span>
    }
}

/// The words of a duo's health badge. A duo doing well by the rules but without any meeting yet
/// (confirmed days ago) has "just started", never "doing well" next to "0 meetings".
pub fn health_label(h: &DuoHealth) -> (DuoKey, &'static str) {
    match h.level {
        HealthLevel::Good if h.meetings_last_4_weeks == 0 => (DuoKey::HealthStarting, "starting"),
        level => (health_key(level), level.as_str()),
    }
}

#[component]
pub fn HealthBadge(health: DuoHealth) -> impl IntoView {
    let i18n = use_i18n();
    let (key, class) = health_label(&health);
    let icon = match health.level {
        HealthLevel::Good if class == "starting" => "○",
        HealthLevel::Good => "●",
        HealthLevel::Watch => "▲",
        HealthLevel::Attention => "■",
    };
    view! {
        <span class=format!("badge health-{class}")>
            <span aria-hidden="true">{icon}" "</span>
            {move || i18n.t(key)}
        </span>
    }
}

/// The score out of 100, large.
#[component]
pub fn ScoreTotal(total: f64) -> impl IntoView {
    let i18n = use_i18n();
    let value = score_text(total);
    view! {
        <span class="score-total">
            {move || i18n.tf(DuoKey::ScoreOutOf, &[("score", &value)])}
        </span>
    }
}

/// Each criterion's share as a bar with its percentage (the bar is decoration: the number is
/// the information).
#[component]
pub fn Breakdown(score: ScoreBreakdown) -> impl IntoView {
    let i18n = use_i18n();
    let rows = Criterion::ALL
        .iter()
        .map(|&c| {
            let p = percent(c.of(&score));
            view! {
                <li>
                    <span class="crit-name">{move || i18n.t(c.key())}</span>
                    // The length is a class in 5 % steps: no inline style (the page works under a
                    // strict Content-Security-Policy).
                    <span class="score-bar" aria-hidden="true">
                        <span class=format!("score-bar-fill w{}", bar_step(p))></span>
                    </span>
                    <span class="crit-value">{format!("{p} %")}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="breakdown">{rows}</ul> }
}

/// The score details, folded: the breakdown of the total by criterion.
#[component]
pub fn BreakdownDetails(score: ScoreBreakdown) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="score-details">
            <summary>{move || i18n.t(DuoKey::ScoreDetails)}</summary>
            <Breakdown score=score/>
        </details>
    }
}

/// Plain-language reasons (already in the reader's language when the API wrote them).
#[component]
pub fn Reasons(reasons: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    if reasons.is_empty() {
        return view! { <p class="muted small">{move || i18n.t(DuoKey::NoReasons)}</p> }.into_any();
    }
    let items = reasons
        .into_iter()
        .map(|r| view! { <li>{r}</li> })
        .collect_view();
    view! { <ul class="reasons">{items}</ul> }.into_any()
}

/// "Travel: neighbouring communes" as a short text.
pub fn travel_text(i18n: I18n, t: TravelRange) -> &'static str {
    i18n.t(travel_key(t))
}

/// The weights as a list (for people who may not change them).
#[component]
pub fn WeightsList(settings: MatchingSettings) -> impl IntoView {
    let i18n = use_i18n();
    let rows = Criterion::ALL
        .iter()
        .map(|&c| {
            let w = format_number(c.weight(&settings));
            view! { <div><dt>{move || i18n.t(c.key())}</dt><dd>{w}</dd></div> }
        })
        .collect_view();
    let threshold = format_number(settings.threshold);
    view! {
        <dl class="facts">
            {rows}
            <div><dt>{move || i18n.t(DuoKey::Threshold)}</dt><dd>{threshold}</dd></div>
        </dl>
    }
}

/// A weight or threshold as typed (no needless decimals): `3`, `2.5`.
pub fn format_number(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A number typed by a person: a comma is accepted as the decimal separator.
pub fn parse_number(s: &str) -> Option<f64> {
    s.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn health(level: HealthLevel, meetings: u32) -> DuoHealth {
        DuoHealth {
            level,
            meetings_last_4_weeks: meetings,
            days_since_last_meeting: (meetings > 0).then_some(3),
            satisfaction_trend: None,
            overdue_follow_up: None,
            reasons: vec![],
        }
    }

    #[test]
    fn a_duo_without_meetings_has_just_started_not_doing_well() {
        assert_eq!(
            health_label(&health(HealthLevel::Good, 0)).0,
            DuoKey::HealthStarting
        );
        assert_eq!(
            health_label(&health(HealthLevel::Good, 3)).0,
            DuoKey::HealthGood
        );
        assert_eq!(
            health_label(&health(HealthLevel::Attention, 0)).0,
            DuoKey::HealthAttention
        );
    }
    use chrono::TimeZone;

    #[test]
    fn waiting_days_count_whole_days_and_never_go_negative() {
        let since = Utc.with_ymd_and_hms(2026, 1, 1, 10, 0, 0).single();
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single();
        let (Some(since), Some(now)) = (since, now) else {
            panic!("bad test dates");
        };
        assert_eq!(days_between(since, now), 59);
        assert_eq!(days_between(now, since), 0);
    }

    #[test]
    fn scores_and_shares_are_rounded_and_clamped() {
        assert_eq!(score_text(72.46), "72");
        assert_eq!(score_text(101.0), "100");
        assert_eq!(percent(0.666), 67);
        assert_eq!(percent(-0.2), 0);
        assert_eq!(percent(1.7), 100);
        assert_eq!(
            (
                bar_step(0),
                bar_step(2),
                bar_step(3),
                bar_step(67),
                bar_step(100)
            ),
            (0, 0, 5, 65, 100)
        );
    }

    #[test]
    fn numbers_read_with_a_comma_or_a_dot() {
        assert_eq!(parse_number(" 2,5 "), Some(2.5));
        assert_eq!(parse_number("3"), Some(3.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(3.0), "3");
        assert_eq!(format_number(0.0), "0");
        assert_eq!(format_number(35.25), "35.25");
    }

    #[test]
    fn communes_are_found_by_id_or_name() {
        let communes = vec![Commune {
            id: "liege".into(),
            name: "Liège".into(),
            latitude: 50.63,
            longitude: 5.57,
            neighbours: vec![],
        }];
        assert_eq!(commune_name(&communes, "liege"), "Liège");
        assert_eq!(commune_name(&communes, "Liège"), "Liège");
        assert_eq!(commune_name(&communes, "Namur"), "Namur");
        assert_eq!(commune_id(&communes, "Liège").as_deref(), Some("liege"));
        assert_eq!(commune_id(&communes, "Namur"), None);
    }

    #[test]
    fn coaches_get_no_batch_tab() {
        assert!(tabs_for(true).contains(&Tab::Batch));
        assert!(!tabs_for(false).contains(&Tab::Batch));
        assert_eq!(tabs_for(false)[0], Tab::Pool);
    }
}
