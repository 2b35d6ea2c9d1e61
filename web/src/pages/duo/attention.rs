//! The coordinator's call list: active duos that need attention first, each with why (few
//! meetings, a long silence, satisfaction dropping, an overdue follow-up call), then those to
//! watch, then those doing well.

use leptos::prelude::*;
use shared::duo::{Duo, HealthLevel};

use super::{format_date, DuoTabs, HealthBadge, Reasons, Tab};
use crate::api::use_api;
use crate::components::load::load_error;
use crate::components::Loading;
use crate::i18n::duo::DuoKey;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::duo_path;

/// The duos at `level`, in the API's order (the most urgent first).
pub fn at_level(duos: &[Duo], level: HealthLevel) -> Vec<Duo> {
    duos.iter()
        .filter(|d| {
            d.health
                .as_ref()
                .map(|h| h.level)
                .unwrap_or(HealthLevel::Good)
                == level
        })
        .cloned()
        .collect()
}

#[component]
pub fn AttentionPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(DuoKey::AttentionTitle);
    let api = use_api();
    // Reasons are written in the interface language: reloaded when it changes.
    let duos = LocalResource::new(move || {
        i18n.lang.track();
        async move { api.duo_attention().await }
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(DuoKey::AttentionTitle)}</h1>
            <p class="lead">{move || i18n.t(DuoKey::AttentionIntro)}</p>
            <DuoTabs current=Some(Tab::Attention)/>
            {move || match duos.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => load_error(&err, move || duos.refetch()),
                Some(Ok(list)) => {
                    let groups = [
                        (HealthLevel::Attention, DuoKey::NeedAttention, DuoKey::NobodyNeedsAttention),
                        (HealthLevel::Watch, DuoKey::ToWatch, DuoKey::NothingToWatch),
                        (HealthLevel::Good, DuoKey::DoingWell, DuoKey::NothingHere),
                    ];
                    groups
                        .into_iter()
                        .map(|(level, title, empty)| {
                            let items = at_level(&list, level);
                            let count = items.len();
                            let id = format!("level-{}", level.as_str());
                            let labelled_by = id.clone();
                            view! {
                                <section class=format!("card attention-group group-{}", level.as_str()) aria-labelledby=labelled_by>
                                    <h2 id=id>
                                        {move || i18n.t(title)} " " <span class="count-pill">{count}</span>
                                    </h2>
                                    {if items.is_empty() {
                                        view! { <p class="muted">{move || i18n.t(empty)}</p> }.into_any()
                                    } else {
                                        view! {
                                            <ul class="attention-list">
                                                {items.into_iter().map(|d| view! { <AttentionItem d=d/> }).collect_view()}
                                            </ul>
                                        }.into_any()
                                    }}
                                </section>
                            }
                        })
                        .collect_view()
                        .into_any()
                }
            }}
        </section>
    }
}

/// A `tel:` address for a number as people write it (`0470 12 34 56` → `tel:0470123456`).
pub fn tel_href(phone: &str) -> String {
    let dial: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{dial}")
}

/// Who to call, for the people whose number the reader may see.
#[component]
fn Phones(list: Vec<(String, Option<String>)>) -> impl IntoView {
    let i18n = use_i18n();
    let items: Vec<_> = list
        .into_iter()
        .filter_map(|(name, phone)| phone.map(|p| (name, p)))
        .collect();
    (!items.is_empty()).then(|| {
        let lines = items
            .into_iter()
            .map(|(name, phone)| {
                let href = tel_href(&phone);
                view! {
                    <li>
                        {move || i18n.tf(DuoKey::PhoneOf, &[("name", &name)])}
                        " "
                        <a href=href><bdi dir="ltr">{phone}</bdi></a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="plain duo-phones">{lines}</ul> }
    })
}

#[component]
fn AttentionItem(d: Duo) -> impl IntoView {
    let i18n = use_i18n();
    let health = d.health.clone();
    view! {
        <li class="attention-item">
            <h3 class="duo-names">
                <a href=duo_path(d.id)>
                    <bdi>{d.newcomer_name.clone()}</bdi>
                    " & "
                    <bdi>{d.local_name.clone()}</bdi>
                </a>
            </h3>
            <Phones list=vec![(d.newcomer_name.clone(), d.newcomer_phone.clone()), (d.local_name.clone(), d.local_phone.clone())]/>
            {health.map(|h| {
                let meetings = h.meetings_last_4_weeks;
                let since = h.days_since_last_meeting;
                let overdue = h.overdue_follow_up;
                let show_reasons = h.level != HealthLevel::Good;
                view! {
                    <p class="attention-meta">
                        <HealthBadge health=h.clone()/>
                        <span class="muted small">
                            {move || {
                                // Before the first meeting, "no meeting yet" says it all.
                                let mut parts: Vec<String> = since
                                    .is_some()
                                    .then(|| i18n.tf(DuoKey::MeetingsExpected, &[("count", &meetings.to_string())]))
                                    .into_iter()
                                    .collect();
                                parts.push(match since {
                                    Some(0) => i18n.t(DuoKey::LastMeetingToday).to_string(),
                                    Some(d) => i18n.tf(DuoKey::LastMeetingDaysAgo, &[("days", &d.to_string())]),
                                    None => i18n.t(DuoKey::NoMeetingYet).to_string(),
                                });
                                if let Some(o) = overdue {
                                    parts.push(i18n.tf(DuoKey::CallOverdueSince, &[("date", &format_date(i18n.lang.get(), o))]));
                                }
                                parts.join(" · ")
                            }}
                        </span>
                    </p>
                    {show_reasons.then(|| view! { <Reasons reasons=h.reasons.clone()/> })}
                }
            })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use shared::duo::{DuoHealth, DuoStatus};

    #[test]
    fn a_phone_number_dials_without_its_spaces() {
        assert_eq!(tel_href("0470 12 34 56"), "tel:0470123456");
        assert_eq!(tel_href("+32 470/12.34.56"), "tel:+32470123456");
    }
    use uuid::Uuid;

    fn duo(n: u128, level: Option<HealthLevel>) -> Duo {
        Duo {
            id: Uuid::from_u128(n),
            newcomer_id: Uuid::nil(),
            newcomer_name: "A".into(),
            local_id: Uuid::nil(),
            local_name: "B".into(),
            status: DuoStatus::Active,
            score: None,
            reasons: vec![],
            settings_version: None,
            proposed_at: Utc::now(),
            introduced_at: None,
            confirmed_at: None,
            ended_at: None,
            reason: None,
            outcome: None,
            feedback: vec![],
            both_want_to_continue: false,
            follow_ups: vec![],
            timeline: vec![],
            newcomer_phone: None,
            local_phone: None,
            pinned: false,
            health: level.map(|level| DuoHealth {
                level,
                meetings_last_4_weeks: 0,
                days_since_last_meeting: None,
                satisfaction_trend: None,
                overdue_follow_up: None,
                reasons: vec![],
            }),
        }
    }

    #[test]
    fn duos_are_grouped_by_health_in_the_api_order() {
        let list = vec![
            duo(1, Some(HealthLevel::Attention)),
            duo(2, Some(HealthLevel::Attention)),
            duo(3, Some(HealthLevel::Watch)),
            duo(4, None),
            duo(5, Some(HealthLevel::Good)),
        ];
        let ids = |v: Vec<Duo>| v.iter().map(|d| d.id.as_u128()).collect::<Vec<_>>();
        assert_eq!(ids(at_level(&list, HealthLevel::Attention)), [1, 2]);
        assert_eq!(ids(at_level(&list, HealthLevel::Watch)), [3]);
        assert_eq!(ids(at_level(&list, HealthLevel::Good)), [4, 5]);
    }
}
