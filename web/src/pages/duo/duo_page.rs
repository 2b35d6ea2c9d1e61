//! One duo: the two people, its state with only the moves allowed from it (introduce, confirm,
//! decline with a reason, pause, resume, end with a reason and an outcome), the timeline of its
//! steps, why it was proposed, its health with the reasons, the follow-up calls, and the
//! check-ins with a form to report one.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::duo::{Duo, DuoHealth, DuoOutcome, DuoStatus, DuoTransition, HealthLevel};
use uuid::Uuid;

use super::assessments::AssessmentsCard;
use super::follow_ups::FollowUps;
use super::trial_feedback::{confirm_hint, shows_feedback, TrialFeedbackCard};

use super::{
    format_date, format_number, manages_duos, DuoBadge, DuoTabs, HealthBadge, Reasons, ScoreTotal,
};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::SelectField;
use crate::components::form::TextAreaField;
use crate::components::load::{load_page, PageHeadings};
use crate::components::StatusMessage;
use crate::i18n::common::CommonKey;
use crate::i18n::duo::{duo_status_key, outcome_key, DuoKey};
use crate::i18n::vocabulary::VocabKey;
use crate::i18n::Text;
use crate::locale::{use_i18n, use_page_title, I18n};
use crate::routes::{person_path, DUO_BOARD};

mod check_ins;

pub use check_ins::*;

/// Where a duo may go from `from` (the API refuses anything else).
pub fn next_states(from: DuoStatus) -> &'static [DuoStatus] {
    match from {
        DuoStatus::Proposed => &[DuoStatus::Introduced, DuoStatus::Declined],
        DuoStatus::Introduced => &[DuoStatus::Active, DuoStatus::Declined],
        DuoStatus::Active => &[DuoStatus::Paused, DuoStatus::Ended],
        DuoStatus::Paused => &[DuoStatus::Active, DuoStatus::Ended],
        DuoStatus::Ended | DuoStatus::Declined => &[],
    }
}

/// The button for the move from `from` to `to`.
pub fn move_key(from: DuoStatus, to: DuoStatus) -> DuoKey {
    match (from, to) {
        (_, DuoStatus::Introduced) => DuoKey::ActIntroduce,
        (DuoStatus::Paused, DuoStatus::Active) => DuoKey::ActResume,
        (_, DuoStatus::Active) => DuoKey::ActConfirm,
        (_, DuoStatus::Paused) => DuoKey::ActPause,
        (_, DuoStatus::Ended) => DuoKey::ActEnd,
        (_, DuoStatus::Declined) | (_, DuoStatus::Proposed) => DuoKey::ActDecline,
    }
}

/// Moves that need a few words (declining, ending) open a small form first.
pub fn needs_reason(to: DuoStatus) -> bool {
    matches!(to, DuoStatus::Declined | DuoStatus::Ended)
}

/// Whether check-ins can be reported in this state.
pub fn takes_check_ins(status: DuoStatus) -> bool {
    matches!(
        status,
        DuoStatus::Introduced | DuoStatus::Active | DuoStatus::Paused
    )
}

/// One step of a duo's life.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub status: DuoStatus,
    /// When, if the duo records it (a pause is not dated by older servers).
    pub at: Option<DateTime<Utc>>,
    pub reason: Option<String>,
    pub outcome: Option<DuoOutcome>,
    /// The staff member who made the move, when known.
    pub by_name: Option<String>,
    /// Back to active after a pause.
    pub resumed: bool,
}

/// The steps of a duo, oldest first: the dated timeline the API gives (pauses and resumptions
/// included), or else the dates the duo records.
pub fn timeline(d: &Duo) -> Vec<Step> {
    if !d.timeline.is_empty() {
        let last = d.timeline.len() - 1;
        return d
            .timeline
            .iter()
            .enumerate()
            .map(|(i, s)| Step {
                status: s.status,
                at: Some(s.at),
                reason: s.reason.clone(),
                outcome: (s.status == DuoStatus::Ended && i == last)
                    .then_some(d.outcome)
                    .flatten(),
                by_name: s.by_name.clone(),
                resumed: s.status == DuoStatus::Active
                    && i > 0
                    && d.timeline[i - 1].status == DuoStatus::Paused,
            })
            .collect();
    }
    let step = |status, at| Step {
        status,
        at,
        reason: None,
        outcome: None,
        by_name: None,
        resumed: false,
    };
    let mut out = vec![step(DuoStatus::Proposed, Some(d.proposed_at))];
    if let Some(t) = d.introduced_at {
        out.push(step(DuoStatus::Introduced, Some(t)));
    }
    if let Some(t) = d.confirmed_at {
        out.push(step(DuoStatus::Active, Some(t)));
    }
    match d.status {
        DuoStatus::Paused => out.push(step(DuoStatus::Paused, None)),
        DuoStatus::Ended | DuoStatus::Declined => out.push(Step {
            status: d.status,
            at: d.ended_at,
            reason: d.reason.clone(),
            outcome: d.outcome,
            by_name: None,
            resumed: false,
        }),
        _ => {}
    }
    out
}

#[component]
pub fn DuoPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(DuoKey::DuoTitle);
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let status = RwSignal::new(None::<String>);
    // Health is written in the interface language: reloaded when it changes.
    let duo = LocalResource::new(move || {
        let (id, _lang) = (id.get(), i18n.lang.get());
        async move {
            match id {
                Some(id) => api.duo(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="back"><a href=DUO_BOARD>{move || i18n.t(DuoKey::BackToBoard)}</a></p>
            <StatusMessage message=status/>
            {move || load_page(
                duo.get(),
                move || duo.refetch(),
                PageHeadings { failed: DuoKey::DuoTitle.into(), not_found: Some(DuoKey::DuoNotFound.into()) },
                |d| view! {
                    <DuoView d=d status=status reload=Callback::new(move |_| duo.refetch())/>
                }.into_any(),
            )}
        </section>
    }
}

#[component]
fn DuoView(d: Duo, status: RwSignal<Option<String>>, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let manages = api.session.user().is_some_and(|u| manages_duos(u.role));
    let moves = next_states(d.status);
    let state = d.status;
    let steps = timeline(&d);
    let reasons = d.reasons.clone();
    let health = d.health.clone();
    let version = d.settings_version;
    let confirmed = d.confirmed_at;
    let calls = d.follow_ups.clone();
    let feedback = d.feedback.clone();
    // What the trial meeting's feedback says, next to the Confirm move.
    let hint = (state == DuoStatus::Introduced).then(|| confirm_hint(&d.feedback));
    view! {
        <div class="page-head">
            <div>
                <h1 id="page-title">
                    <bdi>{d.newcomer_name.clone()}</bdi>
                    " & "
                    <bdi>{d.local_name.clone()}</bdi>
                </h1>
                <span class="badges">
                    <DuoBadge status=state/>
                    {health.clone().map(|h| view! { <HealthBadge health=h/> })}
                    {d.score.map(|s| view! { <ScoreTotal total=s/> })}
                </span>
            </div>
        </div>
        <DuoTabs current=None/>
        <div class="duo-grid">
            <section class="card" aria-labelledby="people-title">
                <h2 id="people-title">{move || i18n.t(DuoKey::TheTwoPeople)}</h2>
                <dl class="facts">
                    <div>
                        <dt>{move || i18n.t(VocabKey::Newcomer)}</dt>
                        <dd><a href=person_path(d.newcomer_id)><bdi>{d.newcomer_name.clone()}</bdi></a></dd>
                    </div>
                    <div>
                        <dt>{move || i18n.t(VocabKey::Local)}</dt>
                        <dd><a href=person_path(d.local_id)><bdi>{d.local_name.clone()}</bdi></a></dd>
                    </div>
                </dl>
            </section>
            {(manages && !moves.is_empty()).then(|| view! {
                <Moves id=d.id from=state hint=hint status=status reload=reload/>
            })}
            {shows_feedback(state).then(|| view! {
                <TrialFeedbackCard id=d.id feedback=feedback state=state manages=manages status=status reload=reload/>
            })}
            {health.map(|h| view! { <HealthCard h=h/> })}
            <section class="card" aria-labelledby="timeline-title">
                <h2 id="timeline-title">{move || i18n.t(DuoKey::Timeline)}</h2>
                <Timeline steps=steps/>
            </section>
            {confirmed.map(|_| view! {
                <FollowUps id=d.id calls=calls state=state manages=manages status=status reload=reload/>
            })}
            <section class="card" aria-labelledby="why-title">
                <h2 id="why-title">{move || i18n.t(DuoKey::WhyThisPair)}</h2>
                <Reasons reasons=reasons/>
                {version.map(|v| view! {
                    <p class="muted small">{move || i18n.tf(DuoKey::ProposedWithWeights, &[("version", &v.to_string())])}</p>
                })}
            </section>
        </div>
        <CheckIns id=d.id state=state status=status reload=reload/>
        {shows_feedback(state).then(|| view! {
            <AssessmentsCard id=d.id state=state manages=manages status=status/>
        })}
    }
}

/// The moves allowed from the current state; declining and ending ask for a reason first.
#[component]
fn Moves(
    id: Uuid,
    from: DuoStatus,
    hint: Option<DuoKey>,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let asking = RwSignal::new(None::<DuoStatus>);
    let reason = RwSignal::new(String::new());
    let outcome = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let err = move |name: &'static str| Signal::derive(move || errors.with(|e| e.field(name)));
    let go = use_submit(
        errors,
        &["reason", "outcome"],
        move |t: DuoTransition| async move { api.duo_transition(id, &t).await.map(|_| t.to) },
        move |to| {
            asking.set(None);
            status.set(Some(
                i18n.tf(DuoKey::MovedTo, &[("state", i18n.t(duo_status_key(to)))]),
            ));
            reload.run(());
        },
    );
    let pending = go.pending();
    let buttons = next_states(from)
        .iter()
        .map(|&to| {
            let danger = needs_reason(to);
            view! {
                <button
                    type="button"
                    class="button move"
                    class:primary=!danger
                    class:danger=danger
                    disabled=move || pending.get()
                    aria-expanded=move || danger.then(|| if asking.get() == Some(to) { "true" } else { "false" })
                    on:click=move |_| {
                        status.set(None);
                        if needs_reason(to) {
                            errors.set(FormErrors::default());
                            asking.set(Some(to));
                        } else {
                            go.dispatch(DuoTransition { to, reason: None, outcome: None });
                        }
                    }
                >
                    {move || i18n.t(move_key(from, to))}
                </button>
            }
        })
        .collect_view();
    let outcome_options: Vec<(&'static str, Text)> = DuoOutcome::ALL
        .iter()
        .map(|&o| (o.as_str(), outcome_key(o).into()))
        .collect();
    view! {
        <section class="card" aria-labelledby="moves-title">
            <h2 id="moves-title">{move || i18n.t(DuoKey::NextSteps)}</h2>
            <p class="muted small">{move || i18n.t(DuoKey::NextStepsHint)}</p>
            {hint.map(|k| view! {
                <p class={if k == DuoKey::BothWantToContinue { "confirm-hint confirm-hint-ready" } else { "confirm-hint" }}>
                    {move || i18n.t(k)}
                </p>
            })}
            <div class="actions">{buttons}</div>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            {move || asking.get().map(|to| {
                let options = outcome_options.clone();
                view! {
                    <form
                        class="form move-form"
                        on:submit=move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            let text = reason.get_untracked();
                            go.dispatch(DuoTransition {
                                to,
                                reason: Some(text.trim().to_string()).filter(|s| !s.is_empty()),
                                outcome: outcome.get_untracked().parse().ok(),
                            });
                        }
                    >
                        <h3>{move || i18n.t(move_key(from, to))}</h3>
                        <TextAreaField
                            id="reason"
                            label={if to == DuoStatus::Declined { DuoKey::DeclineReason } else { DuoKey::EndReason }}
                            value=reason
                            error=err("reason")
                            hint={if to == DuoStatus::Declined { DuoKey::DeclineHint } else { DuoKey::EndHint }}
                        />
                        {(to == DuoStatus::Ended).then(|| view! {
                            <SelectField id="outcome" label=DuoKey::Outcome value=outcome options=options error=err("outcome") empty=DuoKey::ChooseOutcome hint=DuoKey::OutcomeHint/>
                        })}
                        <div class="actions">
                            <button type="submit" class="button danger" disabled=move || pending.get()>
                                {move || i18n.t(move_key(from, to))}
                            </button>
                            <button type="button" class="button" on:click=move |_| asking.set(None)>
                                {move || i18n.t(CommonKey::Cancel)}
                            </button>
                        </div>
                    </form>
                }
            })}
        </section>
    }
}

#[component]
fn HealthCard(h: DuoHealth) -> impl IntoView {
    let i18n = use_i18n();
    let level = h.level;
    let meetings = h.meetings_last_4_weeks;
    let since = h.days_since_last_meeting;
    let trend = h.satisfaction_trend;
    let overdue = h.overdue_follow_up;
    view! {
        <section class=format!("card health-card health-card-{}", level.as_str()) aria-labelledby="health-title">
            <h2 id="health-title">{move || i18n.t(DuoKey::Health)}</h2>
            <p><HealthBadge health=h.clone()/></p>
            {(level != HealthLevel::Good).then(|| view! {
                <h3 class="small-heading">{move || i18n.t(DuoKey::Why)}</h3>
                <Reasons reasons=h.reasons.clone()/>
            })}
            <dl class="facts">
                <div>
                    <dt>{move || i18n.t(DuoKey::MeetingsLast4Weeks)}</dt>
                    <dd>{move || i18n.tf(DuoKey::MeetingsExpected, &[("count", &meetings.to_string())])}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t(DuoKey::LastMeeting)}</dt>
                    <dd>{move || match since {
                        Some(0) => i18n.t(DuoKey::Today).to_string(),
                        Some(d) => i18n.tf(DuoKey::DaysAgo, &[("days", &d.to_string())]),
                        None => i18n.t(DuoKey::NoMeetingYet).to_string(),
                    }}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t(DuoKey::SatisfactionTrend)}</dt>
                    <dd>{move || trend_text(i18n, trend)}</dd>
                </div>
                {overdue.map(|d| view! {
                    <div>
                        <dt>{move || i18n.t(DuoKey::OverdueCall)}</dt>
                        <dd>{move || format_date(i18n.lang.get(), d)}</dd>
                    </div>
                })}
            </dl>
        </section>
    }
}

/// "rising (+0.5)", "falling (−1)", "steady", or "not enough ratings yet".
pub fn trend_text(i18n: I18n, trend: Option<f64>) -> String {
    match trend {
        None => i18n.t(DuoKey::TrendUnknown).to_string(),
        Some(t) if t >= 0.25 => i18n.tf(DuoKey::TrendUp, &[("delta", &format_number(t))]),
        Some(t) if t <= -0.25 => i18n.tf(DuoKey::TrendDown, &[("delta", &format_number(-t))]),
        Some(_) => i18n.t(DuoKey::TrendSteady).to_string(),
    }
}

#[component]
fn Timeline(steps: Vec<Step>) -> impl IntoView {
    let i18n = use_i18n();
    let items = steps
        .into_iter()
        .map(|s| {
            let status = s.status;
            let at = s.at;
            let outcome = s.outcome;
            let label = if s.resumed { DuoKey::StepResumed } else { step_key(status) };
            let by = s.by_name.clone();
            view! {
                <li class=format!("step step-{}", status.as_str())>
                    <span class="step-dot" aria-hidden="true"></span>
                    <strong>{move || i18n.t(label)}</strong>
                    <span class="muted small block">
                        {move || match at {
                            Some(t) => i18n.date(&t),
                            None => i18n.t(DuoKey::SinceUndated).to_string(),
                        }}
                        {by.clone().map(|who| view! {
                            " · " <bdi>{move || i18n.tf(DuoKey::StepBy, &[("who", &who)])}</bdi>
                        })}
                    </span>
                    {outcome.map(|o| view! {
                        <span class="block small">{move || i18n.tf(DuoKey::OutcomeIs, &[("outcome", i18n.t(outcome_key(o)))])}</span>
                    })}
                    {s.reason.map(|r| view! { <span class="block small prewrap"><bdi>{r}</bdi></span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="timeline">{items}</ol> }
}

/// The timeline's wording for reaching a state.
fn step_key(status: DuoStatus) -> DuoKey {
    match status {
        DuoStatus::Proposed => DuoKey::StepProposed,
        DuoStatus::Introduced => DuoKey::StepIntroduced,
        DuoStatus::Active => DuoKey::StepConfirmed,
        DuoStatus::Paused => DuoKey::StepPaused,
        DuoStatus::Ended => DuoKey::StepEnded,
        DuoStatus::Declined => DuoKey::StepDeclined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use shared::duo::Reporter;

    fn duo(status: DuoStatus) -> Duo {
        let t = |d: u32| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).single();
        Duo {
            id: Uuid::nil(),
            newcomer_id: Uuid::nil(),
            newcomer_name: "Amina".into(),
            local_id: Uuid::nil(),
            local_name: "Marc".into(),
            status,
            score: Some(72.0),
            reasons: vec![],
            settings_version: Some(1),
            proposed_at: t(1).unwrap_or_default(),
            introduced_at: t(3),
            confirmed_at: t(10),
            ended_at: t(20),
            reason: Some("Déménagement".into()),
            outcome: Some(DuoOutcome::Neutral),
            feedback: vec![],
            both_want_to_continue: false,
            pinned: false,
            health: None,
            follow_ups: vec![],
            timeline: vec![],
            newcomer_phone: None,
            local_phone: None,
        }
    }

    /// The same table as the API's `can_transition`.
    #[test]
    fn only_the_api_s_moves_are_offered() {
        use DuoStatus::*;
        let all = [Proposed, Introduced, Active, Paused, Ended, Declined];
        let allowed: Vec<(DuoStatus, DuoStatus)> = all
            .iter()
            .flat_map(|&a| next_states(a).iter().map(move |&b| (a, b)))
            .collect();
        assert_eq!(allowed.len(), 8);
        assert!(
            !next_states(Proposed).contains(&Active),
            "confirmation needs the introduction"
        );
        assert!(next_states(Ended).is_empty() && next_states(Declined).is_empty());
        assert!(next_states(Paused).contains(&Active));
        assert_eq!(move_key(Paused, Active), DuoKey::ActResume);
        assert_eq!(move_key(Introduced, Active), DuoKey::ActConfirm);
        assert!(needs_reason(Declined) && needs_reason(Ended) && !needs_reason(Paused));
    }

    #[test]
    fn the_timeline_follows_the_recorded_dates() {
        let t = timeline(&duo(DuoStatus::Ended));
        let states: Vec<DuoStatus> = t.iter().map(|s| s.status).collect();
        assert_eq!(
            states,
            [
                DuoStatus::Proposed,
                DuoStatus::Introduced,
                DuoStatus::Active,
                DuoStatus::Ended
            ]
        );
        assert_eq!(t[3].reason.as_deref(), Some("Déménagement"));
        assert_eq!(t[3].outcome, Some(DuoOutcome::Neutral));

        let mut proposed = duo(DuoStatus::Proposed);
        proposed.introduced_at = None;
        proposed.confirmed_at = None;
        proposed.ended_at = None;
        assert_eq!(timeline(&proposed).len(), 1);

        let paused = timeline(&duo(DuoStatus::Paused));
        assert_eq!(
            paused.last().map(|s| (s.status, s.at)),
            Some((DuoStatus::Paused, None))
        );
    }

    #[test]
    fn the_api_timeline_shows_pauses_and_resumptions() {
        use shared::duo::DuoStep;
        let at = |d: u32| {
            Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0)
                .single()
                .unwrap_or_default()
        };
        let step = |status, d, reason: Option<&str>| DuoStep {
            status,
            at: at(d),
            by_name: Some("Sarah".into()),
            reason: reason.map(str::to_owned),
        };
        let mut d = duo(DuoStatus::Ended);
        d.timeline = vec![
            step(DuoStatus::Proposed, 1, None),
            step(DuoStatus::Introduced, 3, None),
            step(DuoStatus::Active, 10, None),
            step(DuoStatus::Paused, 12, Some("Vacances")),
            step(DuoStatus::Active, 15, None),
            step(DuoStatus::Ended, 20, Some("Déménagement")),
        ];
        let t = timeline(&d);
        assert_eq!(t.len(), 6);
        assert!(
            !t[2].resumed && t[4].resumed,
            "the second activation is a resumption"
        );
        assert_eq!(t[3].at, Some(at(12)));
        assert_eq!(t[3].reason.as_deref(), Some("Vacances"));
        assert_eq!(t[5].outcome, Some(DuoOutcome::Neutral));
        assert_eq!(t[0].by_name.as_deref(), Some("Sarah"));
    }

    #[test]
    fn a_check_in_needs_a_date_and_a_reporter() {
        let ok = CheckInDraft {
            met_on: "2026-03-12".into(),
            activity: " Café ".into(),
            duration: "90".into(),
            reported_by: "local".into(),
            satisfaction_newcomer: "4".into(),
            satisfaction_local: String::new(),
            notes: "  ".into(),
        };
        let input = ok.input().unwrap_or_else(|bad| panic!("refused: {bad:?}"));
        assert_eq!(input.activity, "Café");
        assert_eq!(input.duration_minutes, Some(90));
        assert_eq!(input.reported_by, Reporter::Local);
        assert_eq!(
            (input.satisfaction_newcomer, input.satisfaction_local),
            (Some(4), None)
        );
        assert_eq!(input.notes, None);

        let bad = CheckInDraft {
            met_on: "12/03/2026".into(),
            duration: "1h30".into(),
            ..ok
        };
        assert_eq!(bad.input().err(), Some(vec!["met_on", "duration_minutes"]));
        assert!(takes_check_ins(DuoStatus::Paused) && !takes_check_ins(DuoStatus::Proposed));
    }
}
