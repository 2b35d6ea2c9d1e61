//! One application: who, their idea in their own words, how they heard of InterLab; and the
//! team's decision — welcome the person into a cohort (which makes them an entrepreneur with a
//! project), keep them on the waiting list, or refer them to a partner with a note.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use shared::interlab::{Application, ApplicationDecision, ApplicationStatus, DecisionInput};
use uuid::Uuid;

use super::project_form::{ProjectDraft, ProjectFields};
use super::{manages, opt_text, ApplicationBadge, InterlabTabs};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::{focus_first_error, focus_id_later};
use crate::components::form::{use_submit, ErrorAlert, TextAreaField, TextField};
use crate::components::load::{load_page, PageHeadings};
use crate::components::{Forbidden, StatusMessage};
use crate::i18n::common::CommonKey;
use crate::i18n::interlab::{heard_via_key, IlKey};
use crate::locale::{use_i18n, use_page_title};
use crate::pages::duo::format_day;
use crate::routes::{entrepreneur_path, person_path, INTERLAB_APPLICATIONS};

/// The decision's inputs, by the names the API uses for its field errors.
pub const DECISION_FIELDS: [&str; 12] = [
    "note",
    "partner",
    "entrepreneur",
    "entrepreneur.project_name",
    "entrepreneur.description",
    "entrepreneur.sector_id",
    "entrepreneur.stage",
    "entrepreneur.legal_form",
    "entrepreneur.target_date",
    "entrepreneur.cohort_id",
    "entrepreneur.coach_id",
    "decision",
];

/// Whether the team may still decide (an accepted or redirected application is closed).
pub fn open_for_decision(status: ApplicationStatus) -> bool {
    matches!(
        status,
        ApplicationStatus::Pending | ApplicationStatus::WaitingList
    )
}

/// The decisions offered from `status`: keeping on the waiting list what already waits says
/// nothing new.
pub fn decisions(status: ApplicationStatus) -> Vec<ApplicationDecision> {
    match status {
        ApplicationStatus::Pending => vec![
            ApplicationDecision::Accept,
            ApplicationDecision::WaitingList,
            ApplicationDecision::Redirect,
        ],
        ApplicationStatus::WaitingList => {
            vec![ApplicationDecision::Accept, ApplicationDecision::Redirect]
        }
        ApplicationStatus::Accepted | ApplicationStatus::Redirected => vec![],
    }
}

fn decision_key(d: ApplicationDecision) -> IlKey {
    match d {
        ApplicationDecision::Accept => IlKey::ActAccept,
        ApplicationDecision::WaitingList => IlKey::ActWaitingList,
        ApplicationDecision::Redirect => IlKey::ActRedirect,
    }
}

#[component]
pub fn ApplicationPage() -> impl IntoView {
    if !manages() {
        return view! { <Forbidden/> }.into_any();
    }
    let i18n = use_i18n();
    use_page_title(IlKey::ApplicationTitle);
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let status = RwSignal::new(None::<String>);
    let application = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api.interlab_application(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="back"><a href=INTERLAB_APPLICATIONS>{move || i18n.t(IlKey::BackToQueue)}</a></p>
            <StatusMessage message=status/>
            {move || load_page(
                application.get(),
                move || application.refetch(),
                PageHeadings { failed: IlKey::ApplicationTitle.into(), not_found: Some(IlKey::ApplicationNotFound.into()) },
                |a| view! { <ApplicationView a=a status=status reload=Callback::new(move |_| application.refetch())/> }.into_any(),
            )}
        </section>
    }
    .into_any()
}

#[component]
fn ApplicationView(
    a: Application,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let received = a.created_at;
    let heard = a.heard_via;
    let detail = a.heard_via_detail.clone();
    let decided = a.decided_at.map(|at| (at, a.decided_by_name.clone()));
    let note = a.decision_note.clone();
    let partner = a.partner.clone();
    view! {
        <div class="page-head">
            <div>
                <h1 id="page-title"><bdi>{a.display_name.clone()}</bdi></h1>
                <span class="badges">
                    <ApplicationBadge status=a.status/>
                    {a.possible_duplicate.then(|| view! {
                        <span class="badge badge-review">{move || i18n.t(IlKey::PossibleDuplicate)}</span>
                    })}
                </span>
            </div>
        </div>
        <InterlabTabs current=None/>
        {a.possible_duplicate.then(|| view! { <p class="alert-warn">{move || i18n.t(IlKey::DuplicateHint)}</p> })}
        <div class="duo-grid">
            <section class="card" aria-labelledby="idea-title">
                <h2 id="idea-title">{move || i18n.t(IlKey::TheIdea)}</h2>
                <p class="prewrap il-idea">{a.idea.clone()}</p>
                <p class="small muted">
                    {move || i18n.tf(IlKey::ReceivedOn, &[("date", &format_day(i18n.lang.get(), &received))])}
                </p>
                {move || heard.map(|h| {
                    let how = match &detail {
                        Some(d) => format!("{} ({d})", i18n.t(heard_via_key(h))),
                        None => i18n.t(heard_via_key(h)).to_string(),
                    };
                    view! { <p class="small">{i18n.tf(IlKey::HeardViaIs, &[("how", &how)])}</p> }
                })}
                <p><a href=person_path(a.person_id)>{move || i18n.t(IlKey::SeePerson)}</a></p>
            </section>
            {decided.map(|(at, by)| view! {
                <section class="card" aria-labelledby="decided-title">
                    <h2 id="decided-title">{move || i18n.t(IlKey::DecisionTitle)}</h2>
                    <p><ApplicationBadge status=a.status/></p>
                    <p class="small muted">
                        {move || i18n.tf(IlKey::DecidedBy, &[
                            ("name", by.as_deref().unwrap_or("—")),
                            ("date", &format_day(i18n.lang.get(), &at)),
                        ])}
                    </p>
                    <dl class="facts il-facts">
                        {partner.clone().map(|p| view! { <div><dt>{move || i18n.t(IlKey::Partner)}</dt><dd>{p}</dd></div> })}
                        {note.clone().map(|n| view! { <div><dt>{move || i18n.t(IlKey::DecisionNote)}</dt><dd class="prewrap">{n}</dd></div> })}
                    </dl>
                    {a.entrepreneur_id.map(|e| view! {
                        <p><a href=entrepreneur_path(e)>{move || i18n.t(IlKey::SeeEntrepreneur)}</a></p>
                    })}
                </section>
            })}
        </div>
        {open_for_decision(a.status).then(|| view! {
            <Decide id=a.id from=a.status name=a.display_name.clone() status=status reload=reload/>
        })}
    }
}

/// The decisions still open, each with its small form.
#[component]
fn Decide(
    id: Uuid,
    from: ApplicationStatus,
    name: String,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let navigate = use_navigate();
    let choosing = RwSignal::new(None::<ApplicationDecision>);
    let errors = RwSignal::new(FormErrors::default());
    let draft = ProjectDraft::new();
    let note = RwSignal::new(String::new());
    let partner = RwSignal::new(String::new());
    // The newest cohort by default: people are welcomed into the one that is starting.
    let cohorts = LocalResource::new(move || async move { api.interlab_cohorts().await });
    Effect::new(move |_| {
        if let Some(Ok(list)) = cohorts.get() {
            if let Some(c) = list.first() {
                if draft.cohort.with_untracked(String::is_empty) {
                    draft.cohort.set(c.id.to_string());
                }
            }
        }
    });
    let name = StoredValue::new(name);
    let go = use_submit(
        errors,
        &DECISION_FIELDS,
        move |body: DecisionInput| async move { api.decide_application(id, &body).await },
        move |result| {
            let decision = choosing.get_untracked();
            choosing.set(None);
            match (decision, result.entrepreneur) {
                (Some(ApplicationDecision::Accept), Some(e)) => {
                    status.set(Some(
                        i18n.tf(IlKey::AcceptedMsg, &[("name", &name.get_value())]),
                    ));
                    navigate(&entrepreneur_path(e.id), NavigateOptions::default());
                }
                (Some(ApplicationDecision::Redirect), _) => {
                    let p = result.application.partner.unwrap_or_default();
                    status.set(Some(i18n.tf(IlKey::RedirectedMsg, &[("partner", &p)])));
                    reload.run(());
                }
                _ => {
                    status.set(Some(i18n.t(IlKey::KeptWaitingMsg).to_string()));
                    reload.run(());
                }
            }
        },
    );
    let pending = go.pending();
    let err = move |name: &'static str| Signal::derive(move || errors.with(|e| e.field(name)));
    let buttons = decisions(from)
        .into_iter()
        .map(|d| {
            view! {
                <button
                    type="button"
                    class="button"
                    class:primary=d == ApplicationDecision::Accept
                    aria-expanded=move || if choosing.get() == Some(d) { "true" } else { "false" }
                    aria-controls="decision-form"
                    on:click=move |_| {
                        status.set(None);
                        errors.set(FormErrors::default());
                        draft.local.set(Vec::new());
                        choosing.set(Some(d));
                        focus_id_later(match d {
                            ApplicationDecision::Accept => "project_name",
                            ApplicationDecision::WaitingList => "note",
                            ApplicationDecision::Redirect => "partner",
                        });
                    }
                >
                    {move || i18n.t(decision_key(d))}
                </button>
            }
        })
        .collect_view();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(decision) = choosing.get_untracked() else {
            return;
        };
        let entrepreneur = if decision == ApplicationDecision::Accept {
            match draft.input() {
                Ok(e) => Some(e),
                Err(bad) => {
                    draft.local.set(bad);
                    focus_first_error();
                    return;
                }
            }
        } else {
            None
        };
        draft.local.set(Vec::new());
        go.dispatch(DecisionInput {
            decision,
            note: opt_text(&note.get_untracked()),
            partner: (decision == ApplicationDecision::Redirect)
                .then(|| opt_text(&partner.get_untracked()))
                .flatten(),
            entrepreneur,
        });
    };
    view! {
        <section class="card" aria-labelledby="decide-title">
            <h2 id="decide-title">{move || i18n.t(IlKey::DecisionTitle)}</h2>
            <p class="hint">{move || i18n.t(IlKey::DecisionHint)}</p>
            <div class="actions">{buttons}</div>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <div id="decision-form">
                {move || choosing.get().map(|d| view! {
                    <form class="form move-form il-form" on:submit=on_submit novalidate=true>
                        <h3>{move || i18n.t(decision_key(d))}</h3>
                        {(d == ApplicationDecision::Accept).then(|| view! {
                            <fieldset class="plain-fieldset">
                                <legend>{move || i18n.t(IlKey::ProjectCard)}</legend>
                                <ProjectFields draft=draft errors=errors prefix="entrepreneur." accompaniment=true/>
                            </fieldset>
                        })}
                        {(d == ApplicationDecision::Redirect).then(|| view! {
                            <TextField id="partner" label=IlKey::Partner hint=IlKey::PartnerHint value=partner required=true error=err("partner")/>
                        })}
                        <TextAreaField
                            id="note"
                            label=IlKey::DecisionNote
                            hint={if d == ApplicationDecision::Redirect { IlKey::RedirectNoteHint } else { IlKey::DecisionNoteHint }}
                            value=note
                            error=err("note")
                        />
                        <div class="actions">
                            <button type="submit" class="button primary" disabled=move || pending.get()>
                                {move || i18n.t(decision_key(d))}
                            </button>
                            <button type="button" class="button" on:click=move |_| choosing.set(None)>
                                {move || i18n.t(CommonKey::Cancel)}
                            </button>
                        </div>
                    </form>
                })}
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_applications_take_no_decision() {
        assert!(open_for_decision(ApplicationStatus::Pending));
        assert!(open_for_decision(ApplicationStatus::WaitingList));
        assert!(decisions(ApplicationStatus::Accepted).is_empty());
        assert!(decisions(ApplicationStatus::Redirected).is_empty());
        assert_eq!(decisions(ApplicationStatus::Pending).len(), 3);
        assert!(
            !decisions(ApplicationStatus::WaitingList).contains(&ApplicationDecision::WaitingList)
        );
    }

    #[test]
    fn every_project_field_is_listed_under_the_decision() {
        for f in super::super::project_form::PROJECT_FIELDS {
            let name = format!("entrepreneur.{f}");
            assert!(DECISION_FIELDS.contains(&name.as_str()), "{name}");
        }
    }
}
