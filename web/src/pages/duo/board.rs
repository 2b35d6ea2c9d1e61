//! The proposals board: every duo by state — proposed, introduced, active, paused — as columns
//! on a wide screen and stacked sections on a phone; ended and declined duos folded below.

use leptos::prelude::*;
use shared::duo::{Duo, DuoStatus};

use super::{format_day, DuoBadge, DuoTabs, HealthBadge, ScoreTotal, Tab};
use crate::api::use_api;
use crate::components::load::load_error;
use crate::components::Loading;
use crate::i18n::duo::{duo_status_key, DuoKey};
use crate::locale::{use_i18n, use_page_title};
use crate::routes::duo_path;

/// The board's columns, in the order of a duo's life.
pub const COLUMNS: [DuoStatus; 4] = [
    DuoStatus::Proposed,
    DuoStatus::Introduced,
    DuoStatus::Active,
    DuoStatus::Paused,
];

/// The duos of one state, as the API listed them (newest proposal first).
pub fn in_state(duos: &[Duo], status: DuoStatus) -> Vec<Duo> {
    duos.iter()
        .filter(|d| d.status == status)
        .cloned()
        .collect()
}

/// The closed duos (ended or declined), most recently closed first.
pub fn closed(duos: &[Duo]) -> Vec<Duo> {
    let mut out: Vec<Duo> = duos
        .iter()
        .filter(|d| matches!(d.status, DuoStatus::Ended | DuoStatus::Declined))
        .cloned()
        .collect();
    out.sort_by_key(|d| std::cmp::Reverse(d.ended_at));
    out
}

#[component]
pub fn BoardPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(DuoKey::BoardTitle);
    let api = use_api();
    let duos = LocalResource::new(move || async move { api.duos(None).await });
    view! {
        <section class="page page-wide" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(DuoKey::BoardTitle)}</h1>
            <p class="lead">{move || i18n.t(DuoKey::BoardIntro)}</p>
            <DuoTabs current=Some(Tab::Board)/>
            {move || match duos.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => load_error(&err, move || duos.refetch()),
                Some(Ok(list)) => {
                    let columns = COLUMNS
                        .iter()
                        .map(|&s| view! { <BoardColumn status=s duos=in_state(&list, s)/> })
                        .collect_view();
                    let done = closed(&list);
                    let done_count = done.len();
                    view! {
                        <div class="board">{columns}</div>
                        <section class="card closed-duos" aria-labelledby="closed-title">
                            <h2 id="closed-title">{move || i18n.tf(DuoKey::ClosedDuos, &[("count", &done_count.to_string())])}</h2>
                            {if done.is_empty() {
                                view! { <p class="muted">{move || i18n.t(DuoKey::NothingHere)}</p> }.into_any()
                            } else {
                                view! {
                                    <details>
                                        <summary>{move || i18n.t(DuoKey::ShowList)}</summary>
                                        <ul class="board-list">{done.into_iter().map(|d| view! { <DuoCard d=d/> }).collect_view()}</ul>
                                    </details>
                                }.into_any()
                            }}
                        </section>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn BoardColumn(status: DuoStatus, duos: Vec<Duo>) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("col-{}", status.as_str());
    let labelled_by = id.clone();
    let count = duos.len();
    let body = if duos.is_empty() {
        view! { <p class="muted small">{move || i18n.t(DuoKey::NothingHere)}</p> }.into_any()
    } else {
        let cards = duos
            .into_iter()
            .map(|d| view! { <DuoCard d=d/> })
            .collect_view();
        view! { <ul class="board-list">{cards}</ul> }.into_any()
    };
    view! {
        <section class=format!("board-column col-{}", status.as_str()) aria-labelledby=labelled_by>
            <h2 id=id>
                {move || i18n.t(duo_status_key(status))}
                " "
                <span class="count-pill">{count}</span>
            </h2>
            {body}
        </section>
    }
}

/// A duo on the board: the two names (a link to the duo), its score, the date of its last step,
/// its health when active.
#[component]
pub fn DuoCard(d: Duo) -> impl IntoView {
    let i18n = use_i18n();
    let (when_key, when) = match d.status {
        DuoStatus::Proposed => (DuoKey::ProposedOn, Some(d.proposed_at)),
        DuoStatus::Introduced => (DuoKey::IntroducedOn, d.introduced_at),
        DuoStatus::Active | DuoStatus::Paused => (DuoKey::ConfirmedOn, d.confirmed_at),
        DuoStatus::Ended | DuoStatus::Declined => (DuoKey::ClosedOn, d.ended_at),
    };
    let status = d.status;
    let closed = matches!(status, DuoStatus::Ended | DuoStatus::Declined);
    view! {
        <li class="duo-card card">
            <h3 class="duo-names">
                <a href=duo_path(d.id)>
                    <bdi>{d.newcomer_name.clone()}</bdi>
                    " & "
                    <bdi>{d.local_name.clone()}</bdi>
                </a>
            </h3>
            <p class="duo-meta small">
                {closed.then(|| view! { <DuoBadge status=status/> })}
                {d.score.map(|s| view! { <ScoreTotal total=s/> })}
                {when.map(|w| view! {
                    <span class="muted">{move || i18n.tf(when_key, &[("date", &format_day(i18n.lang.get(), &w))])}</span>
                })}
            </p>
            {d.health.clone().map(|h| view! { <HealthBadge health=h/> })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, Utc};
    use uuid::Uuid;

    fn duo(n: u128, status: DuoStatus, ended_days_ago: Option<i64>) -> Duo {
        Duo {
            id: Uuid::from_u128(n),
            newcomer_id: Uuid::nil(),
            newcomer_name: "A".into(),
            local_id: Uuid::nil(),
            local_name: "B".into(),
            status,
            score: None,
            reasons: vec![],
            settings_version: None,
            proposed_at: Utc::now(),
            introduced_at: None,
            confirmed_at: None,
            ended_at: ended_days_ago.map(|d| Utc::now() - Duration::days(d)),
            reason: None,
            outcome: None,
            feedback: vec![],
            both_want_to_continue: false,
            follow_ups: vec![],
            timeline: vec![],
            newcomer_phone: None,
            local_phone: None,
            pinned: false,
            health: None,
        }
    }

    #[test]
    fn each_duo_lands_in_its_state() {
        let list = vec![
            duo(1, DuoStatus::Proposed, None),
            duo(2, DuoStatus::Active, None),
            duo(3, DuoStatus::Proposed, None),
            duo(4, DuoStatus::Declined, Some(3)),
            duo(5, DuoStatus::Ended, Some(1)),
        ];
        let ids = |v: Vec<Duo>| v.iter().map(|d| d.id.as_u128()).collect::<Vec<_>>();
        assert_eq!(ids(in_state(&list, DuoStatus::Proposed)), [1, 3]);
        assert_eq!(ids(in_state(&list, DuoStatus::Paused)), Vec::<u128>::new());
        assert_eq!(ids(closed(&list)), [5, 4], "most recently closed first");
        let placed: usize = COLUMNS.iter().map(|&s| in_state(&list, s).len()).sum();
        assert_eq!(
            placed + closed(&list).len(),
            list.len(),
            "every duo is shown once"
        );
    }
}
