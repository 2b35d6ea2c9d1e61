//! The coordinator's follow-up calls of a duo: the plan made at confirmation and the extra
//! calls, each with its due date and, once made, when, by whom and what came out of it; a form
//! to mark a call done and one to plan another call.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::duo::{DuoStatus, FollowUp, FollowUpDone, FollowUpInput, FollowUpKind};
use uuid::Uuid;

use super::{format_date, today_in_brussels};
use crate::api::{use_api, FormErrors};

use crate::i18n::duo::DuoKey;

use crate::components::dom::focus_first_error;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::FieldErrors;
use crate::components::form::TextAreaField;
use crate::components::form::TextField;
use crate::i18n::common::CommonKey;
use crate::locale::use_i18n;

/// The catalogue key naming a call of the plan.
pub fn follow_up_kind_key(k: FollowUpKind) -> DuoKey {
    match k {
        FollowUpKind::TwoWeeks => DuoKey::FollowUp2Weeks,
        FollowUpKind::SixWeeks => DuoKey::FollowUp6Weeks,
        FollowUpKind::ThreeMonths => DuoKey::FollowUp3Months,
        FollowUpKind::Extra => DuoKey::FollowUpExtra,
    }
}

/// Extra calls are planned while the duo runs.
pub fn takes_extra_calls(status: DuoStatus) -> bool {
    matches!(status, DuoStatus::Active | DuoStatus::Paused)
}

fn text(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// The "mark done" form as typed: the call's day (empty: today) and what came out of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DoneDraft {
    pub done_on: String,
    pub notes: String,
}

impl DoneDraft {
    /// The request body, or the fields that cannot be sent as typed.
    pub fn input(&self) -> Result<FollowUpDone, Vec<&'static str>> {
        let done_on = match self.done_on.trim() {
            "" => None,
            v => Some(date(v).ok_or_else(|| vec!["done_on"])?),
        };
        Ok(FollowUpDone {
            done_on,
            notes: text(&self.notes),
        })
    }
}

/// The "plan another call" form as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanDraft {
    pub due_on: String,
    pub notes: String,
}

impl PlanDraft {
    pub fn input(&self) -> Result<FollowUpInput, Vec<&'static str>> {
        let due_on = date(&self.due_on).ok_or_else(|| vec!["due_on"])?;
        Ok(FollowUpInput {
            due_on,
            notes: text(&self.notes),
        })
    }
}

#[component]
pub fn FollowUps(
    id: Uuid,
    calls: Vec<FollowUp>,
    state: DuoStatus,
    manages: bool,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let marking = RwSignal::new(None::<Uuid>);
    let empty = calls.is_empty();
    let items = calls
        .into_iter()
        .map(|c| {
            let call = c.id;
            let (kind, due, overdue) = (c.kind, c.due_on, c.overdue);
            let done_on = c.done_on;
            let by = c.done_by_name.clone();
            let open = !overdue && done_on.is_none() && due >= today_in_brussels();
            view! {
                <li class="follow-up" class:follow-up-overdue=overdue class:follow-up-done=done_on.is_some()>
                    <p>
                        <strong>{move || i18n.t(follow_up_kind_key(kind))}</strong>
                        " — "
                        {move || i18n.tf(DuoKey::DueOn, &[("date", &format_date(i18n.lang.get(), due))])}
                        {overdue.then(|| view! {
                            " " <span class="badge badge-overdue">{move || i18n.t(DuoKey::Overdue)}</span>
                        })}
                        {(open && takes_extra_calls(state)).then(|| view! {
                            " " <span class="badge badge-upcoming">{move || i18n.t(DuoKey::Upcoming)}</span>
                        })}
                    </p>
                    {c.notes.clone().map(|n| view! { <p class="small prewrap"><bdi>{n}</bdi></p> })}
                    {done_on.map(|d| {
                        let by = by.clone();
                        view! {
                            <p class="small follow-up-done-line">
                                <span class="badge badge-done">{move || i18n.t(DuoKey::CallDone)}</span>
                                " "
                                {move || match &by {
                                    Some(who) => i18n.tf(DuoKey::DoneOnBy, &[("date", &format_date(i18n.lang.get(), d)), ("who", who)]),
                                    None => i18n.tf(DuoKey::DoneOn, &[("date", &format_date(i18n.lang.get(), d))]),
                                }}
                            </p>
                        }
                    })}
                    {c.done_notes.clone().map(|n| view! { <p class="small prewrap"><bdi>{n}</bdi></p> })}
                    {(manages && done_on.is_none()).then(|| view! {
                        <button
                            type="button"
                            class="button small"
                            aria-expanded=move || if marking.get() == Some(call) { "true" } else { "false" }
                            on:click=move |_| {
                                status.set(None);
                                marking.update(|m| *m = if *m == Some(call) { None } else { Some(call) });
                            }
                        >
                            {move || i18n.t(DuoKey::MarkDone)}
                        </button>
                        {move || (marking.get() == Some(call)).then(|| view! {
                            <DoneForm id=id call=call on_done=Callback::new(move |_| {
                                marking.set(None);
                                status.set(Some(i18n.t(DuoKey::CallMarkedDone).to_string()));
                                reload.run(());
                            })/>
                        })}
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="follow-ups-title">
            <h2 id="follow-ups-title">{move || i18n.t(DuoKey::FollowUpCalls)}</h2>
            <p class="muted small">{move || i18n.t(DuoKey::FollowUpIntro)}</p>
            {empty.then(|| view! { <p class="muted">{move || i18n.t(DuoKey::NoFollowUps)}</p> })}
            <ul class="plain follow-ups">{items}</ul>
            {(manages && takes_extra_calls(state)).then(|| view! {
                <PlanForm id=id on_planned=Callback::new(move |_| {
                    status.set(Some(i18n.t(DuoKey::CallPlanned).to_string()));
                    reload.run(());
                })/>
            })}
        </section>
    }
}

#[component]
fn DoneForm(id: Uuid, call: Uuid, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let done_on = RwSignal::new(today_in_brussels().format("%Y-%m-%d").to_string());
    let notes = RwSignal::new(String::new());
    let fields = FieldErrors::new();
    let (errors, local) = (fields.server, fields.local);
    let err = move |name: &'static str| fields.of(i18n, name);
    let send = use_submit(
        errors,
        &["done_on", "notes"],
        move |body: FollowUpDone| async move { api.follow_up_done(id, call, &body).await },
        move |_| on_done.run(()),
    );
    let pending = send.pending();
    view! {
        <form
            class="form follow-up-form done-form"
            novalidate
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                errors.set(FormErrors::default());
                let draft = DoneDraft { done_on: done_on.get_untracked(), notes: notes.get_untracked() };
                match draft.input() {
                    Ok(body) => {
                        local.set(Vec::new());
                        send.dispatch(body);
                    }
                    Err(bad) => {
                        local.set(bad);
                        focus_first_error();
                    }
                }
            }
        >
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <TextField id="follow_up_done_on" label=DuoKey::CallDate value=done_on input_type="date" required=true error=err("done_on")/>
            <TextAreaField id="follow_up_done_notes" label=DuoKey::CallNotes value=notes error=err("notes") hint=DuoKey::CallNotesHint/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(DuoKey::SaveCallDone) }}
                </button>
            </div>
        </form>
    }
}

#[component]
fn PlanForm(id: Uuid, on_planned: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let due_on = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let fields = FieldErrors::new();
    let (errors, local) = (fields.server, fields.local);
    let err = move |name: &'static str| fields.of(i18n, name);
    let send = use_submit(
        errors,
        &["due_on", "notes"],
        move |body: FollowUpInput| async move { api.plan_follow_up(id, &body).await },
        move |_| {
            due_on.set(String::new());
            notes.set(String::new());
            on_planned.run(());
        },
    );
    let pending = send.pending();
    view! {
        <details class="plan-call">
            <summary>{move || i18n.t(DuoKey::PlanCall)}</summary>
            <form
                class="form follow-up-form plan-form"
                novalidate
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    errors.set(FormErrors::default());
                    let draft = PlanDraft { due_on: due_on.get_untracked(), notes: notes.get_untracked() };
                    match draft.input() {
                        Ok(body) => {
                            local.set(Vec::new());
                            send.dispatch(body);
                        }
                        Err(bad) => {
                            local.set(bad);
                            focus_first_error();
                        }
                    }
                }
            >
                <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
                <TextField id="follow_up_due_on" label=DuoKey::CallDueOn value=due_on input_type="date" required=true error=err("due_on")/>
                <TextAreaField id="follow_up_plan_notes" label=DuoKey::CallPlanNotes value=notes error=err("notes")/>
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(DuoKey::SavePlanCall) }}
                    </button>
                </div>
            </form>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marking_a_call_done_defaults_to_today_and_checks_the_date() {
        let empty = DoneDraft::default().input();
        assert_eq!(
            empty,
            Ok(FollowUpDone {
                done_on: None,
                notes: None
            })
        );
        let typed = DoneDraft {
            done_on: "2026-03-24".into(),
            notes: "  Tout va bien  ".into(),
        }
        .input();
        assert_eq!(
            typed.map(|b| (b.done_on.map(|d| d.to_string()), b.notes)),
            Ok((Some("2026-03-24".into()), Some("Tout va bien".into())))
        );
        let bad = DoneDraft {
            done_on: "24/03/2026".into(),
            notes: String::new(),
        };
        assert_eq!(bad.input(), Err(vec!["done_on"]));
    }

    #[test]
    fn another_call_needs_a_date() {
        assert_eq!(PlanDraft::default().input(), Err(vec!["due_on"]));
        let ok = PlanDraft {
            due_on: "2026-04-01".into(),
            notes: " ".into(),
        }
        .input();
        assert_eq!(ok.map(|b| b.notes), Ok(None));
        assert!(takes_extra_calls(DuoStatus::Paused) && !takes_extra_calls(DuoStatus::Ended));
        assert_eq!(
            follow_up_kind_key(FollowUpKind::Extra),
            DuoKey::FollowUpExtra
        );
    }
}
