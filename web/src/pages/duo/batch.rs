//! The batch run: the optimal pairing of everybody waiting, previewed (pairs with scores and
//! reasons, who stays unmatched and why, the threshold), with a coordinator's pinned pairs kept;
//! only the pairs accepted become proposals.

use std::collections::BTreeSet;

use leptos::prelude::*;
use shared::duo::{
    AcceptedPair, BatchAccept, BatchPair, BatchPreview, BatchRequest, BatchUnmatched, Candidacy,
    CandidacyStatus, PairRef,
};
use shared::people::Category;
use uuid::Uuid;

use super::{
    format_number, manages_duos, score_text, BreakdownDetails, DuoTabs, Reasons, ScoreTotal, Tab,
};
use crate::api::use_api;
use crate::components::{Forbidden, Loading, StatusMessage};

use crate::components::form::ErrorAlert;
use crate::components::load::load_error;
use crate::i18n::duo::DuoKey;
use crate::i18n::vocabulary::category_key;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{duo_candidate_path, DUO_BOARD};

/// A pair as a comparable key.
pub fn key_of(p: &PairRef) -> (Uuid, Uuid) {
    (p.newcomer, p.local)
}

/// The pair of a preview.
pub fn pair_ref(p: &BatchPair) -> PairRef {
    PairRef {
        newcomer: p.newcomer.candidacy_id,
        local: p.local.candidacy_id,
    }
}

/// Adds a pin, replacing any pin that used either person (a person is in one pair only).
pub fn add_pin(pins: &mut Vec<PairRef>, pin: PairRef) {
    pins.retain(|p| p.newcomer != pin.newcomer && p.local != pin.local);
    pins.push(pin);
}

/// The pairs to propose: those of the preview that are selected, in the preview's order.
pub fn accepted_pairs(preview: &BatchPreview, selected: &BTreeSet<(Uuid, Uuid)>) -> Vec<PairRef> {
    preview
        .pairs
        .iter()
        .map(pair_ref)
        .filter(|p| selected.contains(&key_of(p)))
        .collect()
}

#[component]
pub fn BatchPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(DuoKey::BatchTitle);
    let api = use_api();
    if !api.session.user().is_some_and(|u| manages_duos(u.role)) {
        return view! { <Forbidden/> }.into_any();
    }
    let pins = RwSignal::new(Vec::<PairRef>::new());
    let preview = RwSignal::new(None::<BatchPreview>);
    let selected = RwSignal::new(BTreeSet::<(Uuid, Uuid)>::new());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let accepted = RwSignal::new(0usize);

    let settings = LocalResource::new(move || async move { api.duo_settings().await });
    let waiting = LocalResource::new(move || {
        accepted.track();
        async move {
            api.duo_candidates(Some(CandidacyStatus::Waiting), None)
                .await
        }
    });

    let compute = Action::new_local(move |pinned: &Vec<PairRef>| {
        let body = BatchRequest {
            pinned: pinned.clone(),
        };
        async move { api.duo_batch_preview(&body).await }
    });
    Effect::new(move |_| match compute.value().get() {
        Some(Ok(p)) => {
            error.set(None);
            selected.set(p.pairs.iter().map(|x| key_of(&pair_ref(x))).collect());
            preview.set(Some(p));
        }
        Some(Err(err)) => error.set(Some(err.message(i18n.lang.get_untracked()))),
        None => {}
    });
    let run = move || {
        status.set(None);
        compute.dispatch(pins.get_untracked());
    };
    // The reasons are written in the interface language: a shown preview follows a change.
    Effect::new(move |previous: Option<()>| {
        i18n.lang.track();
        if previous.is_some() && preview.with_untracked(Option::is_some) {
            compute.dispatch(pins.get_untracked());
        }
    });

    let accept = Action::new_local(move |pairs: &Vec<PairRef>| {
        // A pair the coordinator pinned stays marked as their choice on the proposal.
        let pinned = pins.get_untracked();
        let body = BatchAccept {
            pairs: pairs
                .iter()
                .map(|p| AcceptedPair {
                    newcomer: p.newcomer,
                    local: p.local,
                    pinned: pinned.contains(p),
                })
                .collect(),
        };
        async move { api.duo_batch_accept(&body).await }
    });
    Effect::new(move |_| match accept.value().get() {
        Some(Ok(duos)) => {
            error.set(None);
            preview.set(None);
            pins.set(Vec::new());
            selected.set(BTreeSet::new());
            accepted.update(|n| *n += duos.len());
            status.set(Some(i18n.tf(
                DuoKey::ProposalsCreated,
                &[("count", &duos.len().to_string())],
            )));
        }
        Some(Err(err)) => error.set(Some(err.message(i18n.lang.get_untracked()))),
        None => {}
    });
    let busy = Signal::derive(move || compute.pending().get() || accept.pending().get());

    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(DuoKey::BatchTitle)}</h1>
            <p class="lead">{move || i18n.t(DuoKey::BatchIntro)}</p>
            <DuoTabs current=Some(Tab::Batch)/>
            <StatusMessage message=status/>
            {move || (accepted.get() > 0 && status.with(Option::is_some)).then(|| view! {
                <p><a href=DUO_BOARD>{move || i18n.t(DuoKey::SeeBoard)}</a></p>
            })}
            <ErrorAlert message=error on_dismiss=move || error.set(None)/>

            <section class="card" aria-labelledby="pins-title">
                <h2 id="pins-title">{move || i18n.t(DuoKey::PinnedPairs)}</h2>
                <p class="muted small">{move || i18n.t(DuoKey::PinnedIntro)}</p>
                {move || match waiting.get() {
                    None => view! { <Loading/> }.into_any(),
                    Some(Err(err)) => load_error(&err, move || waiting.refetch()),
                    Some(Ok(list)) => view! {
                        <PinList pins=pins list=list.clone() busy=busy on_change=Callback::new(move |_| {
                            if preview.with_untracked(Option::is_some) { run() }
                        })/>
                        <PinForm pins=pins list=list busy=busy on_pin=Callback::new(move |_| run())/>
                    }.into_any(),
                }}
            </section>

            <div class="actions batch-run">
                <button type="button" class="button primary" id="batch-compute" disabled=move || busy.get() on:click=move |_| run()>
                    {move || if compute.pending().get() {
                        i18n.t(DuoKey::Computing)
                    } else if preview.with(Option::is_some) {
                        i18n.t(DuoKey::Recompute)
                    } else {
                        i18n.t(DuoKey::ComputePreview)
                    }}
                </button>
            </div>

            {move || preview.get().map(|p| view! {
                <Preview preview=p settings=settings.get().and_then(Result::ok) pins=pins selected=selected busy=busy
                    on_pin_change=Callback::new(move |_| run())
                    on_accept=Callback::new(move |pairs: Vec<PairRef>| { accept.dispatch(pairs); })/>
            })}
        </section>
    }
    .into_any()
}

/// The pins, each with an "unpin" button.
#[component]
fn PinList(
    pins: RwSignal<Vec<PairRef>>,
    list: Vec<Candidacy>,
    busy: Signal<bool>,
    on_change: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let list = StoredValue::new(list);
    let name = move |id: Uuid| {
        list.with_value(|l| {
            l.iter()
                .find(|c| c.id == id)
                .map(|c| c.display_name.clone())
                .unwrap_or_else(|| id.to_string())
        })
    };
    move || {
        let current = pins.get();
        if current.is_empty() {
            return view! { <p class="muted">{move || i18n.t(DuoKey::NoPins)}</p> }.into_any();
        }
        let items = current
            .into_iter()
            .map(|p| {
                let label = format!("{} & {}", name(p.newcomer), name(p.local));
                let aria = label.clone();
                view! {
                    <li>
                        <bdi>{label}</bdi>
                        " "
                        <button
                            type="button"
                            class="button small-button"
                            disabled=move || busy.get()
                            aria-label=move || i18n.tf(DuoKey::UnpinNamed, &[("pair", &aria)])
                            on:click=move |_| {
                                pins.update(|v| v.retain(|x| key_of(x) != key_of(&p)));
                                on_change.run(());
                            }
                        >
                            {move || i18n.t(DuoKey::Unpin)}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="plain pins">{items}</ul> }.into_any()
    }
}

/// Pins a pair chosen among the people waiting.
#[component]
fn PinForm(
    pins: RwSignal<Vec<PairRef>>,
    list: Vec<Candidacy>,
    busy: Signal<bool>,
    on_pin: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let newcomer = RwSignal::new(String::new());
    let local = RwSignal::new(String::new());
    let options = move |side: Category, value: RwSignal<String>| {
        list.iter()
            .filter(|c| c.side == side)
            .map(|c| {
                let id = c.id.to_string();
                let id2 = id.clone();
                view! { <option value=id selected=move || value.with(|v| *v == id2)>{c.display_name.clone()}</option> }
            })
            .collect_view()
    };
    let newcomer_options = options(Category::Newcomer, newcomer);
    let local_options = options(Category::Local, local);
    view! {
        <form
            class="pin-form"
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let (Ok(n), Ok(l)) = (
                    Uuid::parse_str(&newcomer.get_untracked()),
                    Uuid::parse_str(&local.get_untracked()),
                ) else {
                    return;
                };
                pins.update(|v| add_pin(v, PairRef { newcomer: n, local: l }));
                newcomer.set(String::new());
                local.set(String::new());
                on_pin.run(());
            }
        >
            <div class="field">
                <label for="pin-newcomer">{move || i18n.t(category_key(Category::Newcomer))}</label>
                <select id="pin-newcomer" on:change=move |ev| newcomer.set(event_target_value(&ev))>
                    <option value="" selected=move || newcomer.with(String::is_empty)>{move || i18n.t(DuoKey::ChooseSomeone)}</option>
                    {newcomer_options}
                </select>
            </div>
            <div class="field">
                <label for="pin-local">{move || i18n.t(category_key(Category::Local))}</label>
                <select id="pin-local" on:change=move |ev| local.set(event_target_value(&ev))>
                    <option value="" selected=move || local.with(String::is_empty)>{move || i18n.t(DuoKey::ChooseSomeone)}</option>
                    {local_options}
                </select>
            </div>
            <div class="field pin-submit">
                <button
                    type="submit"
                    class="button"
                    disabled=move || busy.get() || newcomer.with(String::is_empty) || local.with(String::is_empty)
                >
                    {move || i18n.t(DuoKey::PinAndCompute)}
                </button>
            </div>
        </form>
    }
}

/// The average score of the pairs found, none when there is no pair.
pub fn average_score(total: f64, pairs: usize) -> Option<f64> {
    (pairs > 0).then(|| total / pairs as f64)
}

#[component]
fn Preview(
    preview: BatchPreview,
    settings: Option<shared::duo::MatchingSettings>,
    pins: RwSignal<Vec<PairRef>>,
    selected: RwSignal<BTreeSet<(Uuid, Uuid)>>,
    busy: Signal<bool>,
    on_pin_change: Callback<()>,
    on_accept: Callback<Vec<PairRef>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pair_count = preview.pairs.len();
    let unmatched_count = preview.unmatched.len();
    // The sum of every pair's score means nothing to a coordinator: the average pair does.
    let average = average_score(preview.total_score, pair_count).map(score_text);
    let version = preview.settings_version;
    let threshold = settings.map(|s| format_number(s.threshold));
    let all: BTreeSet<(Uuid, Uuid)> = preview.pairs.iter().map(|p| key_of(&pair_ref(p))).collect();
    let stored = StoredValue::new(preview.clone());
    let chosen = Memo::new(move |_| selected.with(|s| stored.with_value(|p| accepted_pairs(p, s))));
    let pairs = preview
        .pairs
        .into_iter()
        .map(|p| view! { <PairItem p=p pins=pins selected=selected busy=busy on_pin_change=on_pin_change/> })
        .collect_view();
    let unmatched = preview.unmatched;
    let accept_button = move |id: &'static str| {
        view! {
            <button
                type="button"
                class="button primary"
                id=id
                disabled=move || busy.get() || chosen.with(Vec::is_empty)
                on:click=move |_| on_accept.run(chosen.get_untracked())
            >
                {move || i18n.tf(DuoKey::AcceptSelected, &[("count", &chosen.with(Vec::len).to_string())])}
            </button>
        }
    };
    view! {
        <section class="card preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{move || i18n.t(DuoKey::PreviewTitle)}</h2>
            <p class="alert alert-warn">{move || i18n.t(DuoKey::NothingProposedYet)}</p>
            <dl class="facts summary">
                <div><dt>{move || i18n.t(DuoKey::PairsFound)}</dt><dd>{pair_count}</dd></div>
                <div><dt>{move || i18n.t(DuoKey::Unmatched)}</dt><dd>{unmatched_count}</dd></div>
                {average.map(|a| view! {
                    <div>
                        <dt>{move || i18n.t(DuoKey::AverageScore)}</dt>
                        <dd>{move || i18n.tf(DuoKey::ScoreOutOf, &[("score", &a)])} <span class="muted small block">{move || i18n.t(DuoKey::ScoreMeaning)}</span></dd>
                    </div>
                })}
                {threshold.map(|t| view! {
                    <div><dt>{move || i18n.t(DuoKey::Threshold)}</dt><dd>{move || i18n.tf(DuoKey::ThresholdValue, &[("threshold", &t)])}</dd></div>
                })}
                <div>
                    <dt>{move || i18n.t(DuoKey::WeightsVersion)}</dt>
                    <dd><a href=crate::routes::DUO_SETTINGS>{move || i18n.tf(DuoKey::WeightsVersionN, &[("version", &version.to_string())])}</a></dd>
                </div>
            </dl>
        </section>
        <section class="card" aria-labelledby="pairs-title">
            <h2 id="pairs-title">{move || i18n.tf(DuoKey::PairsTitle, &[("count", &pair_count.to_string())])}</h2>
            {if pair_count == 0 {
                view! { <p class="empty">{move || i18n.t(DuoKey::NoPairs)}</p> }.into_any()
            } else {
                let all2 = all.clone();
                view! {
                    <div class="actions select-actions">
                        <button type="button" class="button small-button" on:click=move |_| selected.set(all2.clone())>
                            {move || i18n.t(DuoKey::SelectAll)}
                        </button>
                        <button type="button" class="button small-button" on:click=move |_| selected.set(BTreeSet::new())>
                            {move || i18n.t(DuoKey::SelectNone)}
                        </button>
                    </div>
                    <div class="actions accept-bar">{accept_button("batch-accept")}</div>
                    <ol class="pairs">{pairs}</ol>
                    // Also after the list, where the review ends.
                    <div class="actions accept-bar">{accept_button("batch-accept-end")}</div>
                }.into_any()
            }}
        </section>
        <section class="card" aria-labelledby="unmatched-title">
            <h2 id="unmatched-title">{move || i18n.tf(DuoKey::UnmatchedTitle, &[("count", &unmatched_count.to_string())])}</h2>
            <UnmatchedList list=unmatched/>
        </section>
    }
}

#[component]
fn PairItem(
    p: BatchPair,
    pins: RwSignal<Vec<PairRef>>,
    selected: RwSignal<BTreeSet<(Uuid, Uuid)>>,
    busy: Signal<bool>,
    on_pin_change: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let r = pair_ref(&p);
    let key = key_of(&r);
    let (newcomer, local) = (r.newcomer, r.local);
    let names = format!("{} & {}", p.newcomer.display_name, p.local.display_name);
    let check_id = format!("pair-{newcomer}-{local}");
    let label_for = check_id.clone();
    let (n1, n2) = (names.clone(), names.clone());
    let pinned = move || pins.with(|v| v.iter().any(|x| key_of(x) == key));
    view! {
        <li class="pair card" class:pinned=p.pinned>
            <div class="pair-head">
                <label class="check" for=label_for>
                    <input
                        type="checkbox"
                        id=check_id
                        prop:checked=move || selected.with(|s| s.contains(&key))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            selected.update(|s| {
                                if on { s.insert(key); } else { s.remove(&key); }
                            });
                        }
                    />
                    <span class="visually-hidden">{move || i18n.tf(DuoKey::IncludePair, &[("pair", &n1)])}</span>
                </label>
                <h3 class="pair-names">
                    <a href=duo_candidate_path(newcomer)><bdi>{p.newcomer.display_name.clone()}</bdi></a>
                    <span aria-hidden="true">" ↔ "</span>
                    <span class="visually-hidden">" & "</span>
                    <a href=duo_candidate_path(local)><bdi>{p.local.display_name.clone()}</bdi></a>
                </h3>
                <ScoreTotal total=p.score.total/>
                {p.pinned.then(|| view! { <span class="badge badge-pinned">{move || i18n.t(DuoKey::Pinned)}</span> })}
            </div>
            <Reasons reasons=p.reasons.clone()/>
            <BreakdownDetails score=p.score/>
            <div class="actions">
                <button
                    type="button"
                    class="button small-button"
                    disabled=move || busy.get()
                    aria-label=move || i18n.tf(if pinned() { DuoKey::UnpinNamed } else { DuoKey::PinNamed }, &[("pair", &n2)])
                    on:click=move |_| {
                        if pinned() {
                            pins.update(|v| v.retain(|x| key_of(x) != key));
                        } else {
                            pins.update(|v| add_pin(v, r.clone()));
                        }
                        on_pin_change.run(());
                    }
                >
                    {move || i18n.t(if pinned() { DuoKey::Unpin } else { DuoKey::Pin })}
                </button>
            </div>
        </li>
    }
}

#[component]
fn UnmatchedList(list: Vec<BatchUnmatched>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="muted">{move || i18n.t(DuoKey::EveryonePaired)}</p> }.into_any();
    }
    let items = list
        .into_iter()
        .map(|u| {
            let side = u.side;
            view! {
                <li>
                    <a href=duo_candidate_path(u.candidacy_id)><bdi>{u.display_name.clone()}</bdi></a>
                    " "
                    <span class="badge badge-category">{move || i18n.t(category_key(side))}</span>
                    <span class="block muted small">{u.reason.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain unmatched">{items}</ul> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::duo::{ScoreBreakdown, Suggestion};

    #[test]
    fn the_summary_gives_the_average_pair_not_the_sum() {
        assert_eq!(average_score(838.9, 12), Some(838.9 / 12.0));
        assert_eq!(
            average_score(838.9, 12).map(score_text).as_deref(),
            Some("70")
        );
        assert_eq!(average_score(0.0, 0), None);
    }

    fn side(id: u128, name: &str) -> Suggestion {
        Suggestion {
            candidacy_id: Uuid::from_u128(id),
            person_id: Uuid::from_u128(id + 100),
            display_name: name.into(),
            score: ScoreBreakdown::default(),
            reasons: vec![],
        }
    }

    fn pair(n: u128, l: u128) -> BatchPair {
        BatchPair {
            newcomer: side(n, "N"),
            local: side(l, "L"),
            score: ScoreBreakdown::default(),
            reasons: vec![],
            pinned: false,
        }
    }

    fn r(n: u128, l: u128) -> PairRef {
        PairRef {
            newcomer: Uuid::from_u128(n),
            local: Uuid::from_u128(l),
        }
    }

    #[test]
    fn a_person_is_pinned_in_one_pair_only() {
        let mut pins = vec![r(1, 2), r(3, 4)];
        add_pin(&mut pins, r(1, 4));
        assert_eq!(pins, vec![r(1, 4)]);
        add_pin(&mut pins, r(5, 6));
        assert_eq!(pins, vec![r(1, 4), r(5, 6)]);
    }

    #[test]
    fn only_selected_pairs_are_accepted() {
        let preview = BatchPreview {
            settings_version: 1,
            pairs: vec![pair(1, 2), pair(3, 4), pair(5, 6)],
            unmatched: vec![],
            total_score: 0.0,
        };
        let selected: BTreeSet<_> = [key_of(&r(5, 6)), key_of(&r(1, 2)), key_of(&r(9, 9))]
            .into_iter()
            .collect();
        // In the preview's order; a stale selection outside the preview is ignored.
        assert_eq!(accepted_pairs(&preview, &selected), vec![r(1, 2), r(5, 6)]);
        assert!(accepted_pairs(&preview, &BTreeSet::new()).is_empty());
    }
}
