//! A milestone's form, new or edited: title, description, due date, who carries it, status,
//! what shows it is done, and the need it serves.

use super::super::project_form::DynSelect;
use super::super::{date_value, opt_text, parse_date};
use super::{need_choices, owners, statuses, MILESTONE_FIELDS};
use crate::api::{use_api, FormErrors};
use crate::components::dom::focus_first_error;
use crate::components::form::{use_submit, ErrorAlert, SelectField, TextAreaField, TextField};
use crate::i18n::common::CommonKey;
use crate::i18n::interlab::IlKey;
use crate::locale::use_i18n;
use leptos::prelude::*;
use shared::interlab::{Milestone, MilestoneInput, MilestoneOwner, MilestoneStatus, Need};
use uuid::Uuid;

/// The milestone's values as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MilestoneTyped {
    pub title: String,
    pub description: String,
    pub due_on: String,
    pub owner: String,
    pub status: String,
    pub evidence: String,
    pub need: String,
}

impl MilestoneTyped {
    pub fn of(m: Option<&Milestone>) -> Self {
        match m {
            None => MilestoneTyped {
                owner: MilestoneOwner::Entrepreneur.as_str().into(),
                status: MilestoneStatus::Todo.as_str().into(),
                ..MilestoneTyped::default()
            },
            Some(m) => MilestoneTyped {
                title: m.title.clone(),
                description: m.description.clone().unwrap_or_default(),
                due_on: date_value(m.due_on),
                owner: m.owner.as_str().into(),
                status: m.status.as_str().into(),
                evidence: m.evidence.clone().unwrap_or_default(),
                need: m.need_id.map(|n| n.to_string()).unwrap_or_default(),
            },
        }
    }

    /// The request body, or the fields that cannot be sent as typed.
    pub fn input(&self) -> Result<MilestoneInput, Vec<&'static str>> {
        let mut bad = Vec::new();
        let due_on = match self.due_on.trim() {
            "" => None,
            v => {
                let d = parse_date(v);
                if d.is_none() {
                    bad.push("due_on");
                }
                d
            }
        };
        let owner = self.owner.parse::<MilestoneOwner>();
        if owner.is_err() {
            bad.push("owner");
        }
        let status = self.status.parse::<MilestoneStatus>();
        if status.is_err() {
            bad.push("status");
        }
        match (owner, status) {
            (Ok(owner), Ok(status)) if bad.is_empty() => Ok(MilestoneInput {
                title: self.title.trim().to_string(),
                description: opt_text(&self.description),
                due_on,
                owner,
                status: Some(status),
                evidence: opt_text(&self.evidence),
                need_id: Uuid::parse_str(self.need.trim()).ok(),
            }),
            _ => Err(bad),
        }
    }
}

#[component]
pub(super) fn MilestoneForm(
    entrepreneur: Uuid,
    initial: Option<Milestone>,
    #[prop(into)] needs: Signal<Vec<Need>>,
    saved: Callback<String>,
    cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let typed = MilestoneTyped::of(initial.as_ref());
    let existing = initial.as_ref().map(|m| m.id);
    let text = |s: &str| RwSignal::new(s.to_string());
    let (title, description, due_on, owner, status, evidence, need) = (
        text(&typed.title),
        text(&typed.description),
        text(&typed.due_on),
        text(&typed.owner),
        text(&typed.status),
        text(&typed.evidence),
        text(&typed.need),
    );
    let errors = RwSignal::new(FormErrors::default());
    let local = RwSignal::new(Vec::<&'static str>::new());
    let submit = use_submit(
        errors,
        &MILESTONE_FIELDS,
        move |body: MilestoneInput| async move {
            match existing {
                Some(mid) => api.update_milestone(entrepreneur, mid, &body).await,
                None => api.add_milestone(entrepreneur, &body).await,
            }
        },
        move |_: Milestone| saved.run(i18n.t(IlKey::MilestoneSaved).to_string()),
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
        let typed = MilestoneTyped {
            title: title.get_untracked(),
            description: description.get_untracked(),
            due_on: due_on.get_untracked(),
            owner: owner.get_untracked(),
            status: status.get_untracked(),
            evidence: evidence.get_untracked(),
            need: need.get_untracked(),
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
    let current = StoredValue::new(initial);
    let need_options = Signal::derive(move || {
        let list = needs.get();
        current.with_value(|m| need_choices(i18n, &list, m.as_ref()))
    });
    let heading = if existing.is_some() {
        IlKey::Edit
    } else {
        IlKey::NewMilestone
    };
    view! {
        <form class="form move-form il-form milestone-form" on:submit=on_submit novalidate=true>
            <h3>{move || i18n.t(heading)}</h3>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <TextField id="title" label=IlKey::MilestoneTitle value=title required=true error=field("title")/>
            <div class="form-grid">
                <TextField id="due_on" label=IlKey::DueDate input_type="date" value=due_on error=field("due_on")/>
                <SelectField id="owner" label=IlKey::Owner value=owner options=owners() error=field("owner")/>
                <SelectField id="status" label=IlKey::Progress value=status options=statuses() error=field("status")/>
                <DynSelect id="need_id" label=IlKey::NeedLink value=need options=need_options empty=IlKey::NoNeed error=field("need_id")/>
            </div>
            <TextAreaField id="description" label=IlKey::Description value=description rows=2 error=field("description")/>
            <TextAreaField id="evidence" label=IlKey::Evidence hint=IlKey::EvidenceHint value=evidence rows=2 error=field("evidence")/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(IlKey::SaveMilestone) }}
                </button>
                <button type="button" class="button" on:click=move |_| cancel.run(())>
                    {move || i18n.t(CommonKey::Cancel)}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_milestone_is_the_entrepreneurs_to_do() {
        let typed = MilestoneTyped {
            title: " Ouvrir un compte professionnel ".into(),
            ..MilestoneTyped::of(None)
        };
        let body = typed.input().unwrap_or_else(|bad| panic!("{bad:?}"));
        assert_eq!(body.title, "Ouvrir un compte professionnel");
        assert_eq!(body.owner, MilestoneOwner::Entrepreneur);
        assert_eq!(body.status, Some(MilestoneStatus::Todo));
        assert_eq!(
            (body.due_on, body.need_id, body.evidence),
            (None, None, None)
        );
    }

    #[test]
    fn a_bad_date_is_refused_before_sending() {
        let typed = MilestoneTyped {
            due_on: "31/02".into(),
            ..MilestoneTyped::of(None)
        };
        assert_eq!(typed.input(), Err(vec!["due_on"]));
    }
}
