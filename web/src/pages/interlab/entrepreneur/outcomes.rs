//! The entrepreneur page's outcomes: where the path led (a business created with its legal form
//! and enterprise number, a salaried job, a training, a pause, a stop with its reason), each with
//! its follow-up calls 6 and 12 months after leaving the path.

use leptos::prelude::*;
use shared::interlab::{LegalForm, Outcome, OutcomeInput, OutcomeKind};
use uuid::Uuid;

use crate::api::{use_api, FormErrors};
use crate::components::dom::{focus_first_error, focus_id_later};
use crate::components::form::{use_submit, ErrorAlert, SelectField, TextAreaField, TextField};
use crate::components::load::load_state;
use crate::i18n::common::CommonKey;
use crate::i18n::interlab::{legal_form_key, IlKey};
use crate::i18n::interlab_follow::{outcome_kind_key, IlfKey};
use crate::i18n::Text;
use crate::locale::use_i18n;
use crate::pages::interlab::{date_value, format_date, opt_text, parse_date, today_in_brussels};

/// The outcome form's inputs, by the names the API uses for its field errors.
pub const OUTCOME_FIELDS: [&str; 6] = [
    "kind",
    "occurred_on",
    "legal_form",
    "enterprise_number",
    "reason",
    "note",
];

/// An outcome as typed; the legal form and the enterprise number only count for a business
/// created, the reason for a stop or a pause.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeTyped {
    pub kind: String,
    pub occurred_on: String,
    pub legal_form: String,
    pub enterprise_number: String,
    pub reason: String,
    pub note: String,
}

/// Whether the form asks for the legal form and the enterprise number.
pub fn asks_business(kind: &str) -> bool {
    kind == OutcomeKind::BusinessCreated.as_str()
}

/// Whether the form asks why.
pub fn asks_reason(kind: &str) -> bool {
    kind == OutcomeKind::Stopped.as_str() || kind == OutcomeKind::Paused.as_str()
}

impl OutcomeTyped {
    /// The request body, or the fields that cannot be sent as typed.
    pub fn input(&self) -> Result<OutcomeInput, Vec<&'static str>> {
        let mut bad = Vec::new();
        let kind = self.kind.parse::<OutcomeKind>();
        if kind.is_err() {
            bad.push("kind");
        }
        let occurred_on = parse_date(&self.occurred_on);
        if occurred_on.is_none() {
            bad.push("occurred_on");
        }
        let business = asks_business(&self.kind);
        let legal_form = if business {
            match self.legal_form.parse::<LegalForm>() {
                Ok(f) => Some(f),
                Err(_) => {
                    bad.push("legal_form");
                    None
                }
            }
        } else {
            None
        };
        match (kind, occurred_on) {
            (Ok(kind), Some(occurred_on)) if bad.is_empty() => Ok(OutcomeInput {
                kind,
                occurred_on,
                legal_form,
                enterprise_number: if business {
                    opt_text(&self.enterprise_number)
                } else {
                    None
                },
                reason: if asks_reason(&self.kind) {
                    opt_text(&self.reason)
                } else {
                    None
                },
                note: opt_text(&self.note),
            }),
            _ => Err(bad),
        }
    }
}

/// The outcomes card of the entrepreneur's page.
#[component]
pub fn OutcomesSection(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let outcomes = LocalResource::new(move || async move { api.interlab_outcomes(id).await });
    let open = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let saved = Callback::new(move |msg: String| {
        status.set(Some(msg));
        open.set(false);
        outcomes.refetch();
    });
    view! {
        <section class="card il-wide il-outcomes" aria-labelledby="outcomes-title">
            <div class="section-head">
                <h2 id="outcomes-title">{move || i18n.t(IlfKey::OutcomesTitle)}</h2>
                <button
                    type="button"
                    class="button"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    on:click=move |_| {
                        status.set(None);
                        open.set(true);
                        focus_id_later("kind");
                    }
                >
                    {move || i18n.t(IlfKey::NewOutcome)}
                </button>
            </div>
            <crate::components::StatusMessage message=status/>
            <Show when=move || open.get()>
                <OutcomeForm id=id saved=saved cancel=Callback::new(move |_| open.set(false))/>
            </Show>
            {move || load_state(outcomes.get(), move || outcomes.refetch(), |list| {
                view! { <OutcomeList outcomes=list/> }.into_any()
            })}
        </section>
    }
}

fn kinds() -> Vec<(&'static str, Text)> {
    OutcomeKind::ALL
        .iter()
        .map(|&k| (k.as_str(), outcome_kind_key(k).into()))
        .collect()
}

/// The legal forms a business may have been created with (a decided one).
fn forms() -> Vec<(&'static str, Text)> {
    LegalForm::ALL
        .iter()
        .filter(|f| **f != LegalForm::Undecided)
        .map(|&f| (f.as_str(), legal_form_key(f).into()))
        .collect()
}

#[component]
fn OutcomeForm(id: Uuid, saved: Callback<String>, cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let text = |s: &str| RwSignal::new(s.to_string());
    let (kind, occurred_on, legal_form, number, reason, note) = (
        text(""),
        text(&date_value(Some(today_in_brussels()))),
        text(""),
        text(""),
        text(""),
        text(""),
    );
    let errors = RwSignal::new(FormErrors::default());
    let local = RwSignal::new(Vec::<&'static str>::new());
    let submit = use_submit(
        errors,
        &OUTCOME_FIELDS,
        move |body: OutcomeInput| async move { api.record_outcome(id, &body).await },
        move |_: Outcome| saved.run(i18n.t(IlfKey::OutcomeSaved).to_string()),
    );
    let pending = submit.pending();
    let field = move |name: &'static str| {
        Signal::derive(move || {
            if local.with(|l| l.contains(&name)) {
                Some(i18n.t(CommonKey::CheckValue).to_string())
            } else {
                errors.with(|e| e.field(name))
            }
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = OutcomeTyped {
            kind: kind.get_untracked(),
            occurred_on: occurred_on.get_untracked(),
            legal_form: legal_form.get_untracked(),
            enterprise_number: number.get_untracked(),
            reason: reason.get_untracked(),
            note: note.get_untracked(),
        };
        match typed.input() {
            Ok(body) => {
                local.set(Vec::new());
                submit.dispatch(body);
            }
            Err(bad) => {
                local.set(bad);
                focus_first_error();
            }
        }
    };
    view! {
        <form class="form il-form outcome-form" on:submit=on_submit novalidate=true>
            <h3>{move || i18n.t(IlfKey::NewOutcome)}</h3>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <div class="form-grid">
                <SelectField id="kind" label=IlfKey::OutcomeKindLabel value=kind options=kinds() empty=IlKey::ChooseOne required=true error=field("kind")/>
                <TextField id="occurred_on" label=IlfKey::OccurredOn input_type="date" value=occurred_on required=true error=field("occurred_on")/>
            </div>
            <Show when=move || kind.with(|k| asks_business(k))>
                <div class="form-grid">
                    <SelectField id="legal_form" label=IlfKey::LegalForm value=legal_form options=forms() empty=IlKey::ChooseOne required=true error=field("legal_form")/>
                    <TextField id="enterprise_number" label=IlfKey::EnterpriseNumber hint=IlfKey::EnterpriseNumberHint value=number error=field("enterprise_number")/>
                </div>
            </Show>
            <Show when=move || kind.with(|k| asks_reason(k))>
                <TextAreaField id="reason" label=IlfKey::Reason value=reason rows=2 error=field("reason")/>
            </Show>
            <TextAreaField id="note" label=IlfKey::OutcomeNote value=note rows=2 error=field("note")/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(IlfKey::SaveOutcome) }}
                </button>
                <button type="button" class="button" on:click=move |_| cancel.run(())>
                    {move || i18n.t(CommonKey::Cancel)}
                </button>
            </div>
        </form>
    }
}

#[component]
fn OutcomeList(outcomes: Vec<Outcome>) -> impl IntoView {
    let i18n = use_i18n();
    if outcomes.is_empty() {
        return view! { <p class="muted">{move || i18n.t(IlfKey::NoOutcomes)}</p> }.into_any();
    }
    let items = outcomes
        .into_iter()
        .map(|o| {
            let (kind, on) = (o.kind, o.occurred_on);
            let follow_ups = o.follow_ups.into_iter().map(|f| {
                let (months, due_on, done_on) = (f.months, f.due_on, f.done_on);
                view! {
                    <li class="follow-up" class:due=f.due>
                        {move || i18n.tf(IlfKey::FollowUpLine, &[
                            ("months", &months.to_string()),
                            ("date", &format_date(i18n.lang.get(), due_on)),
                        ])}
                        {done_on.map(|d| view! { " · " {move || i18n.tf(IlfKey::CalledOn, &[("date", &format_date(i18n.lang.get(), d))])} })}
                    </li>
                }
            }).collect_view();
            view! {
                <li class="outcome">
                    <h3 class="small-heading">{move || i18n.tf(IlfKey::OutcomeLine, &[
                        ("kind", i18n.t(outcome_kind_key(kind))),
                        ("date", &format_date(i18n.lang.get(), on)),
                    ])}</h3>
                    {o.legal_form.map(|f| view! { <p>{move || i18n.t(legal_form_key(f))}</p> })}
                    {o.enterprise_number.map(|n| view! { <p>{move || i18n.t(IlfKey::EnterpriseNumber)} " : " <bdi class="enterprise-number">{n.clone()}</bdi></p> })}
                    {o.reason.map(|r| view! { <p class="prewrap">{r}</p> })}
                    {o.note.map(|n| view! { <p class="prewrap muted">{n}</p> })}
                    {o.ends_path.then(|| view! {
                        <p class="small">{move || i18n.t(IlfKey::EndsPath)}</p>
                        <ul class="plain follow-ups">{follow_ups}</ul>
                    })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain outcomes">{items}</ul> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(kind: OutcomeKind) -> OutcomeTyped {
        OutcomeTyped {
            kind: kind.as_str().into(),
            occurred_on: "2027-04-01".into(),
            legal_form: "srl".into(),
            enterprise_number: " 0123.456.749 ".into(),
            reason: "Un emploi trouvé".into(),
            note: String::new(),
        }
    }

    #[test]
    fn a_business_created_carries_its_form_and_number_only() {
        let body = typed(OutcomeKind::BusinessCreated)
            .input()
            .unwrap_or_else(|bad| panic!("{bad:?}"));
        assert_eq!(body.legal_form, Some(LegalForm::Srl));
        assert_eq!(body.enterprise_number.as_deref(), Some("0123.456.749"));
        assert_eq!(body.reason, None);
        let job = typed(OutcomeKind::SalariedJob)
            .input()
            .unwrap_or_else(|bad| panic!("{bad:?}"));
        assert_eq!(
            (job.legal_form, job.enterprise_number, job.reason),
            (None, None, None)
        );
        let stop = typed(OutcomeKind::Stopped)
            .input()
            .unwrap_or_else(|bad| panic!("{bad:?}"));
        assert_eq!(stop.reason.as_deref(), Some("Un emploi trouvé"));
    }

    #[test]
    fn no_kind_or_no_form_is_refused_before_sending() {
        let mut t = typed(OutcomeKind::BusinessCreated);
        t.legal_form = String::new();
        assert_eq!(t.input(), Err(vec!["legal_form"]));
        t.kind = String::new();
        t.occurred_on = "hier".into();
        assert_eq!(t.input(), Err(vec!["kind", "occurred_on"]));
        assert!(forms().iter().all(|(v, _)| *v != "undecided"));
    }
}
