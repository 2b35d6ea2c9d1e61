//! The path as the entrepreneur's page and the path editor show it: progress overall and per
//! need domain, and the milestones as a timeline by due date, overdue ones marked.

use leptos::prelude::*;
use shared::interlab::{DomainProgress, Milestone, MilestoneStatus, PathView};

use crate::i18n::interlab::{domain_key, owner_key, IlKey};
use crate::locale::use_i18n;
use crate::pages::interlab::{format_date, MilestoneBadge, OverdueBadge, ProgressLine};

/// The name of a progress line's domain (milestones serving no need: "not tied to a need").
fn domain_label_key(p: &DomainProgress) -> IlKey {
    p.domain.map(domain_key).unwrap_or(IlKey::NoDomain)
}

/// Overall progress, the overdue count, and progress per domain.
#[component]
pub fn PathProgress(path: PathView) -> impl IntoView {
    let i18n = use_i18n();
    let overdue = path.overdue;
    let domains = path
        .by_domain
        .into_iter()
        .map(|p| {
            let key = domain_label_key(&p);
            view! {
                <li><ProgressLine p=p label=Signal::derive(move || i18n.t(key).to_string())/></li>
            }
        })
        .collect_view();
    view! {
        <div class="path-progress">
            <div class="overall">
                <ProgressLine p=path.overall label=Signal::derive(move || i18n.t(IlKey::Overall).to_string())/>
            </div>
            {(overdue > 0).then(|| view! {
                <p class="overdue-summary">
                    <span aria-hidden="true">"⚠ "</span>
                    {move || i18n.tf(IlKey::OverdueSummary, &[("count", &overdue.to_string())])}
                </p>
            })}
            <h3 class="small-heading">{move || i18n.t(IlKey::ByDomain)}</h3>
            <ul class="plain by-domain">{domains}</ul>
        </div>
    }
}

/// The class of a milestone's step on the timeline.
pub fn step_class(m: &Milestone) -> String {
    let state = if m.overdue {
        "overdue"
    } else {
        m.status.as_str()
    };
    format!("step milestone step-{state}")
}

/// A milestone's title, status, due date, owner, domain and evidence.
#[component]
pub fn MilestoneSummary(m: Milestone) -> impl IntoView {
    let i18n = use_i18n();
    let (due, done_on, owner, domain, overdue) =
        (m.due_on, m.completed_on, m.owner, m.domain, m.overdue);
    let dropped = m.status == MilestoneStatus::Dropped;
    view! {
        <div class="milestone-head">
            <strong class="milestone-title" class:is-dropped=dropped>{m.title.clone()}</strong>
            <MilestoneBadge status=m.status/>
            {overdue.then(|| view! { <OverdueBadge/> })}
        </div>
        <p class="small muted">
            {move || {
                let lang = i18n.lang.get();
                let mut parts = vec![match (done_on, due) {
                    (Some(d), _) => i18n.tf(IlKey::DoneOn, &[("date", &format_date(lang, d))]),
                    (None, Some(d)) => i18n.tf(IlKey::DueOn, &[("date", &format_date(lang, d))]),
                    (None, None) => i18n.t(IlKey::NoDueDate).to_string(),
                }];
                parts.push(i18n.tf(IlKey::OwnerIs, &[("owner", i18n.t(owner_key(owner)))]));
                if let Some(d) = domain {
                    parts.push(i18n.t(domain_key(d)).to_string());
                }
                parts.join(" · ")
            }}
        </p>
        {m.description.clone().map(|d| view! { <p class="small prewrap">{d}</p> })}
        {m.evidence.clone().map(|e| view! {
            <p class="small evidence prewrap">{move || i18n.tf(IlKey::EvidenceIs, &[("evidence", &e)])}</p>
        })}
    }
}

/// The milestones as a timeline (read only).
#[component]
pub fn Timeline(milestones: Vec<Milestone>) -> impl IntoView {
    let i18n = use_i18n();
    if milestones.is_empty() {
        return view! { <p class="muted">{move || i18n.t(IlKey::NoMilestones)}</p> }.into_any();
    }
    let items = milestones
        .into_iter()
        .map(|m| {
            let class = step_class(&m);
            view! {
                <li class=class>
                    <span class="step-dot" aria-hidden="true"></span>
                    <MilestoneSummary m=m/>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="timeline il-timeline">{items}</ol> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::interlab::{MilestoneOwner, NeedDomain};
    use uuid::Uuid;

    #[test]
    fn overdue_steps_stand_out_whatever_their_status() {
        let mut m = Milestone {
            id: Uuid::nil(),
            entrepreneur_id: Uuid::nil(),
            need_id: None,
            domain: Some(NeedDomain::Administration),
            template_id: None,
            title: "S'inscrire à la BCE".into(),
            description: None,
            due_on: None,
            owner: MilestoneOwner::Entrepreneur,
            status: MilestoneStatus::InProgress,
            evidence: None,
            completed_on: None,
            overdue: false,
        };
        assert_eq!(step_class(&m), "step milestone step-in_progress");
        m.overdue = true;
        assert_eq!(step_class(&m), "step milestone step-overdue");
        let p = DomainProgress {
            domain: None,
            done: 0,
            total: 1,
            percent: 0,
        };
        assert_eq!(domain_label_key(&p), IlKey::NoDomain);
    }
}
