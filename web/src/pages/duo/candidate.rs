//! One candidacy: what matching uses, and the candidate's best partners ranked with their score,
//! its breakdown and the reasons in plain language; "propose this pair" creates the proposal,
//! "never propose together" keeps a pair out of matching (listed below with the pairs that
//! declined proposals and badly ended duos left out).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::duo::{BlockReason, Candidacy, CandidacyStatus, PairBlock, PairBlockInput, Suggestion};
use uuid::Uuid;

use super::{
    commune_name, days_between, format_day, manages_duos, now_utc, travel_text, BreakdownDetails,
    CandidacyBadge, DuoTabs, Reasons, ScoreTotal,
};
use crate::api::duo::{pair_of, Commune};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::{Loading, StatusMessage};
use crate::i18n::duo::{block_reason_key, gender_key, hope_key, DuoKey};

use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::TextAreaField;
use crate::components::load::load_error;
use crate::components::load::{load_page, PageHeadings};
use crate::i18n::common::CommonKey;
use crate::i18n::person::PersonKey;
use crate::i18n::vocabulary::category_key;
use crate::locale::{use_i18n, use_page_title, I18n};
use crate::routes::{duo_candidate_edit_path, duo_candidate_path, duo_path, person_path, DUO};

/// How many suggestions the page can ask for.
pub const K_CHOICES: [u32; 3] = [5, 10, 20];

#[component]
pub fn CandidatePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(DuoKey::CandidateTitle);
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let candidacy = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api.duo_candidate(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    let communes =
        LocalResource::new(move || async move { api.duo_communes().await.unwrap_or_default() });
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="back"><a href=DUO>{move || i18n.t(DuoKey::BackToPool)}</a></p>
            {move || load_page(
                candidacy.get(),
                move || candidacy.refetch(),
                PageHeadings { failed: DuoKey::CandidateTitle.into(), not_found: Some(DuoKey::CandidateNotFound.into()) },
                // The commune's name needs the list: wait for it rather than show its id.
                |c| match communes.get() {
                    None => view! { <Loading/> }.into_any(),
                    Some(communes) => view! { <CandidateView c=c communes=communes/> }.into_any(),
                },
            )}
        </section>
    }
}

fn or_dash(i18n: I18n, v: Option<String>) -> AnyView {
    match v.filter(|s| !s.trim().is_empty()) {
        Some(s) => view! { <bdi>{s}</bdi> }.into_any(),
        None => {
            view! { <span class="muted">{move || i18n.t(CommonKey::NotProvided)}</span> }.into_any()
        }
    }
}

/// "25–40 years", "from 25", "up to 40", or nothing.
pub fn age_range_text(i18n: I18n, min: Option<i32>, max: Option<i32>) -> Option<String> {
    match (min, max) {
        (None, None) => None,
        (Some(a), Some(b)) => Some(i18n.tf(
            DuoKey::AgeBetween,
            &[("min", &a.to_string()), ("max", &b.to_string())],
        )),
        (Some(a), None) => Some(i18n.tf(DuoKey::AgeFrom, &[("min", &a.to_string())])),
        (None, Some(b)) => Some(i18n.tf(DuoKey::AgeUpTo, &[("max", &b.to_string())])),
    }
}

#[component]
fn CandidateView(c: Candidacy, communes: Vec<Commune>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let manages = api.session.user().is_some_and(|u| manages_duos(u.role));
    let days = days_between(c.waiting_since, now_utc());
    let since = c.waiting_since;
    let side = c.side;
    let travel = c.travel;
    let place = c.commune.as_deref().map(|v| commune_name(&communes, v));
    let gender = c.gender;
    let partner_gender = c.partner_gender;
    let (age_min, age_max) = (c.partner_age_min, c.partner_age_max);
    let hopes = c.hopes.clone();
    let practice = c.wants_french_practice;
    let waiting = c.status == CandidacyStatus::Waiting;
    let name = c.display_name.clone();
    let hopes_view = if hopes.is_empty() {
        or_dash(i18n, None)
    } else {
        view! {
            <ul class="chips">
                {hopes.iter().map(|&h| view! { <li class="chip">{move || i18n.t(hope_key(h))}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="page-head">
            <div>
                <h1 id="page-title"><bdi>{name}</bdi></h1>
                <span class="badges">
                    <span class="badge badge-category">{move || i18n.t(category_key(side))}</span>
                    <CandidacyBadge status=c.status/>
                </span>
            </div>
            <div class="head-actions">
                <a class="button" href=person_path(c.person_id)>{move || i18n.t(DuoKey::PersonRecord)}</a>
                {manages.then(|| view! {
                    <a class="button primary" href=duo_candidate_edit_path(c.id)>{move || i18n.t(DuoKey::EditCandidacy)}</a>
                })}
            </div>
        </div>
        <DuoTabs current=None/>
        <section class="card" aria-labelledby="candidacy-title">
            <h2 id="candidacy-title">{move || i18n.t(DuoKey::WhatMatchingUses)}</h2>
            <dl class="facts">
                <div>
                    <dt>{move || i18n.t(DuoKey::WaitingSince)}</dt>
                    <dd>{move || i18n.tf(DuoKey::WaitingFor, &[("days", &days.to_string()), ("date", &format_day(i18n.lang.get(), &since))])}</dd>
                </div>
                <div><dt>{move || i18n.t(PersonKey::Commune)}</dt><dd>{or_dash(i18n, place)}</dd></div>
                <div><dt>{move || i18n.t(DuoKey::Travel)}</dt><dd>{move || travel_text(i18n, travel)}</dd></div>
                <div>
                    <dt>{move || i18n.t(DuoKey::OwnGender)}</dt>
                    <dd>{move || gender.map(|g| i18n.t(gender_key(g))).unwrap_or(i18n.t(CommonKey::NotProvided))}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t(DuoKey::PartnerGender)}</dt>
                    <dd>{move || partner_gender.map(|g| i18n.t(gender_key(g))).unwrap_or(i18n.t(DuoKey::NoPreference))}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t(DuoKey::PartnerAge)}</dt>
                    <dd>{move || age_range_text(i18n, age_min, age_max).unwrap_or_else(|| i18n.t(DuoKey::NoPreference).to_string())}</dd>
                </div>
                <div><dt>{move || i18n.t(DuoKey::Hopes)}</dt><dd>{hopes_view}</dd></div>
                <div>
                    <dt>{move || i18n.t(DuoKey::FrenchPractice)}</dt>
                    <dd>{move || i18n.t(if practice { DuoKey::Yes } else { DuoKey::No })}</dd>
                </div>
                <div><dt>{move || i18n.t(DuoKey::Remarks)}</dt><dd class="prewrap">{or_dash(i18n, c.remarks.clone())}</dd></div>
            </dl>
            <p class="muted small">{move || i18n.t(DuoKey::ProfileFromPerson)}</p>
        </section>
        {manages.then(|| {
            // Bumped when a pair is blocked or lifted: both lists reload.
            let blocks_changed = RwSignal::new(0u32);
            let status = RwSignal::new(None::<String>);
            view! {
                <StatusMessage message=status/>
                <Suggestions me=c.clone() can_propose=waiting blocks_changed=blocks_changed status=status/>
                <PairBlocks person=c.person_id blocks_changed=blocks_changed status=status/>
            }
        })}
    }
}

#[component]
fn Suggestions(
    me: Candidacy,
    can_propose: bool,
    blocks_changed: RwSignal<u32>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let navigate = use_navigate();
    let k = RwSignal::new(K_CHOICES[0]);
    let id = me.id;
    let error = RwSignal::new(None::<String>);
    // The reasons come in the interface language: reloaded when it changes.
    let list = LocalResource::new(move || {
        let (k, _lang, _blocks) = (k.get(), i18n.lang.get(), blocks_changed.get());
        async move { api.duo_suggestions(id, k).await }
    });
    let me_person = me.person_id;
    let me = StoredValue::new(me);
    let propose = Action::new_local(move |other: &Uuid| {
        let pair = pair_of(&me.get_value(), *other);
        async move { api.duo_propose(&pair).await }
    });
    Effect::new(move |_| match propose.value().get() {
        Some(Ok(duo)) => navigate(&duo_path(duo.id), Default::default()),
        Some(Err(err)) => error.set(Some(err.message(i18n.lang.get_untracked()))),
        None => {}
    });
    let busy = propose.pending();
    view! {
        <section class="card suggestions" aria-labelledby="suggestions-title">
            <div class="section-head">
                <h2 id="suggestions-title">{move || i18n.t(DuoKey::SuggestionsTitle)}</h2>
                <div class="field inline-field">
                    <label for="suggestions-k">{move || i18n.t(DuoKey::HowMany)}</label>
                    <select id="suggestions-k" on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse() { k.set(v) }
                    }>
                        {K_CHOICES.iter().map(|&n| view! {
                            <option value=n.to_string() selected=move || k.get() == n>{n}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <p class="muted small">{move || i18n.t(DuoKey::SuggestionsIntro)}</p>
            {(!can_propose).then(|| view! { <p class="alert alert-warn">{move || i18n.t(DuoKey::NotWaitingNoProposal)}</p> })}
            <ErrorAlert message=error on_dismiss=move || error.set(None)/>
            {move || match list.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => load_error(&err, move || list.refetch()),
                Some(Ok(items)) if items.is_empty() => view! {
                    <p class="empty">{move || i18n.t(DuoKey::NoSuggestions)}</p>
                }.into_any(),
                Some(Ok(items)) => {
                    let rows = items
                        .into_iter()
                        .enumerate()
                        .map(|(i, s)| view! {
                            <SuggestionItem rank={i + 1} s=s can_propose=can_propose busy=busy
                                on_propose=Callback::new(move |other: Uuid| { propose.dispatch(other); })
                                me=me_person
                                on_blocked=Callback::new(move |()| {
                                    status.set(Some(i18n.t(DuoKey::BlockSaved).to_string()));
                                    blocks_changed.update(|n| *n += 1);
                                })/>
                        })
                        .collect_view();
                    view! { <ol class="suggestion-list">{rows}</ol> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn SuggestionItem(
    rank: usize,
    s: Suggestion,
    can_propose: bool,
    busy: Memo<bool>,
    on_propose: Callback<Uuid>,
    me: Uuid,
    on_blocked: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = s.display_name.clone();
    let other = s.candidacy_id;
    let other_person = s.person_id;
    let block_name = name.clone();
    view! {
        <li class="suggestion">
            <div class="suggestion-head">
                <span class="rank" aria-hidden="true">{format!("{rank}")}</span>
                <h3 class="person-name">
                    <span class="visually-hidden">{move || i18n.tf(DuoKey::RankN, &[("rank", &rank.to_string())])}" "</span>
                    <a href=duo_candidate_path(other)><bdi>{name.clone()}</bdi></a>
                </h3>
                <ScoreTotal total=s.score.total/>
            </div>
            <Reasons reasons=s.reasons.clone()/>
            <BreakdownDetails score=s.score/>
            {can_propose.then(|| {
                let label_name = name.clone();
                view! {
                    <div class="actions">
                        <button
                            type="button"
                            class="button primary propose"
                            disabled=move || busy.get()
                            aria-label=move || i18n.tf(DuoKey::ProposePairWith, &[("name", &label_name)])
                            on:click=move |_| on_propose.run(other)
                        >
                            {move || i18n.t(DuoKey::ProposePair)}
                        </button>
                    </div>
                }
            })}
            <BlockForm me=me other=other_person other_name=block_name on_blocked=on_blocked/>
        </li>
    }
}

/// "Never propose together", with the reason the coordinator gives.
#[component]
fn BlockForm(me: Uuid, other: Uuid, other_name: String, on_blocked: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let field_id = format!("block-note-{other}");
    let save = use_submit(
        errors,
        &["note"],
        move |body: PairBlockInput| async move { api.block_pair(&body).await },
        move |_| {
            note.set(String::new());
            on_blocked.run(());
        },
    );
    let pending = save.pending();
    view! {
        <details class="block-pair">
            <summary aria-label=move || i18n.tf(DuoKey::DoNotPairWith, &[("name", &other_name)])>
                {move || i18n.t(DuoKey::DoNotPair)}
            </summary>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <form
                class="form"
                novalidate
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    errors.set(FormErrors::default());
                    save.dispatch(PairBlockInput { person_a: me, person_b: other, note: note.get_untracked() });
                }
            >
                <TextAreaField id=field_id label=DuoKey::BlockWhy value=note error=Signal::derive(move || errors.with(|e| e.field("note")))/>
                <div class="actions">
                    <button type="submit" class="button danger" disabled=move || pending.get()>
                        {move || i18n.t(DuoKey::BlockConfirm)}
                    </button>
                </div>
            </form>
        </details>
    }
}

/// The pairs with this person that matching leaves out; a coordinator's own blocks can be lifted.
#[component]
fn PairBlocks(
    person: Uuid,
    blocks_changed: RwSignal<u32>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let list = LocalResource::new(move || {
        blocks_changed.track();
        async move { api.duo_blocks(person).await }
    });
    let error = RwSignal::new(None::<String>);
    let lift = Action::new_local(move |id: &Uuid| {
        let id = *id;
        async move { api.lift_block(id).await }
    });
    Effect::new(move |_| match lift.value().get() {
        Some(Ok(())) => {
            error.set(None);
            status.set(Some(i18n.t(DuoKey::BlockLifted).to_string()));
            blocks_changed.update(|n| *n += 1);
        }
        Some(Err(e)) => error.set(Some(e.message(i18n.lang.get_untracked()))),
        None => {}
    });
    let busy = lift.pending();
    view! {
        <section class="card" aria-labelledby="blocks-title">
            <h2 id="blocks-title">{move || i18n.t(DuoKey::BlocksTitle)}</h2>
            <p class="muted small">{move || i18n.t(DuoKey::BlocksIntro)}</p>
            <ErrorAlert message=error on_dismiss=move || error.set(None)/>
            {move || match list.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => load_error(&err, move || list.refetch()),
                Some(Ok(items)) if items.is_empty() => view! {
                    <p class="empty">{move || i18n.t(DuoKey::NoBlocks)}</p>
                }.into_any(),
                Some(Ok(items)) => view! {
                    <ul class="block-list">
                        {items.into_iter().map(|b| view! {
                            <BlockItem b=b person=person busy=busy on_lift=Callback::new(move |id: Uuid| { lift.dispatch(id); })/>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn BlockItem(
    b: PairBlock,
    person: Uuid,
    busy: Memo<bool>,
    on_lift: Callback<Uuid>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (other, other_name) = b.other(person);
    let other_name = other_name.to_owned();
    let label_name = other_name.clone();
    let reason = b.reason;
    let who = b.created_by_name.clone();
    let at = b.created_at;
    let id = b.id;
    view! {
        <li class="block-item">
            <p>
                <a href=person_path(other)><bdi>{other_name}</bdi></a>
                " — "<span class="badge">{move || i18n.t(block_reason_key(reason))}</span>
            </p>
            {b.note.clone().map(|n| view! { <p class="prewrap"><bdi>{n}</bdi></p> })}
            <p class="muted small">{move || {
                let date = format_day(i18n.lang.get(), &at);
                match &who {
                    Some(w) => i18n.tf(DuoKey::BlockByOn, &[("who", w), ("date", &date)]),
                    None => date,
                }
            }}</p>
            {(reason == BlockReason::Coordinator).then(|| view! {
                <button
                    type="button"
                    class="button"
                    disabled=move || busy.get()
                    aria-label=move || i18n.tf(DuoKey::LiftBlockWith, &[("name", &label_name)])
                    on:click=move |_| on_lift.run(id)
                >
                    {move || i18n.t(DuoKey::LiftBlock)}
                </button>
            })}
        </li>
    }
}
