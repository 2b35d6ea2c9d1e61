//! The path editor: milestones added from the templates of a need's domain (the ones chosen,
//! one after the other from a start date), milestones added by hand, and each milestone edited
//! freely — title, due date, owner, status, evidence, the need it serves — or marked done in
//! one click, with the progress updated.

use leptos::prelude::*;
use shared::interlab::{
    Diagnostics, Entrepreneur, FromTemplates, Milestone, MilestoneInput, MilestoneOwner,
    MilestoneStatus, Need, PathView, Template,
};
use uuid::Uuid;

use super::entrepreneur::{
    step_class, use_entrepreneur, use_id_param, MilestoneSummary, PathProgress,
};
use super::project_form::DynSelect;
use super::{date_value, parse_date, today_in_brussels, InterlabTabs};
use crate::api::{use_api, FormErrors};
use crate::components::dom::{focus_first_error, focus_id_later};
use crate::components::form::{use_submit, ErrorAlert, TextField};
use crate::components::load::{load_page, load_state, PageHeadings};
use crate::components::StatusMessage;
use crate::i18n::common::CommonKey;
use crate::i18n::interlab::{domain_key, milestone_status_key, owner_key, priority_key, IlKey};
use crate::i18n::{t, tf, Text};
use crate::locale::{use_i18n, use_page_title, I18n};
use crate::routes::entrepreneur_path;

mod milestone_form;

use milestone_form::MilestoneForm;

/// The milestone form's inputs, by the names the API uses for its field errors.
pub const MILESTONE_FIELDS: [&str; 7] = [
    "title",
    "description",
    "due_on",
    "owner",
    "status",
    "evidence",
    "need_id",
];

/// The request that keeps a milestone as it is, with another status.
pub fn with_status(m: &Milestone, status: MilestoneStatus) -> MilestoneInput {
    MilestoneInput {
        title: m.title.clone(),
        description: m.description.clone(),
        due_on: m.due_on,
        owner: m.owner,
        status: Some(status),
        evidence: m.evidence.clone(),
        need_id: m.need_id,
    }
}

/// Whether the one-click "done" applies.
pub fn can_mark_done(m: &Milestone) -> bool {
    matches!(
        m.status,
        MilestoneStatus::Todo | MilestoneStatus::InProgress
    )
}

/// The needs a milestone may serve: those of the latest diagnostic.
pub fn latest_needs(d: &Diagnostics) -> Vec<Need> {
    d.diagnostics
        .last()
        .map(|x| x.needs.clone())
        .unwrap_or_default()
}

/// A need as a choice: "Belgian administration · High priority".
pub fn need_label(lang: shared::Lang, n: &Need) -> String {
    tf(
        lang,
        IlKey::NeedOption,
        &[
            ("domain", t(lang, domain_key(n.domain))),
            (
                "priority",
                &t(lang, priority_key(n.priority)).to_lowercase(),
            ),
        ],
    )
}

/// The templates of a need's domain, in their order.
pub fn templates_for(templates: &[Template], need: Option<&Need>) -> Vec<Template> {
    let Some(need) = need else {
        return Vec::new();
    };
    let mut out: Vec<Template> = templates
        .iter()
        .filter(|t| t.domain == need.domain)
        .cloned()
        .collect();
    out.sort_by_key(|t| (t.position, t.title.clone()));
    out
}

/// Which form is open: one at a time, so that the inputs' ids stay unique.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editing {
    New,
    Existing(Uuid),
}

#[component]
pub fn PathEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(IlKey::EditPath);
    let id = use_id_param();
    let entrepreneur = use_entrepreneur(id);
    view! {
        <section class="page" aria-labelledby="page-title">
            {move || id.get().map(|id| view! {
                <p class="back"><a href=entrepreneur_path(id)>{move || i18n.t(IlKey::BackToEntrepreneur)}</a></p>
            })}
            {move || load_page(
                entrepreneur.get(),
                move || entrepreneur.refetch(),
                PageHeadings { failed: IlKey::EditPath.into(), not_found: Some(IlKey::EntrepreneurNotFound.into()) },
                |e| view! { <PathEditor e=e/> }.into_any(),
            )}
        </section>
    }
}

#[component]
fn PathEditor(e: Entrepreneur) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = e.id;
    let status = RwSignal::new(None::<String>);
    let path = LocalResource::new(move || async move { api.interlab_path(id).await });
    let diagnostics = LocalResource::new(move || {
        let _lang = i18n.lang.get();
        async move { api.interlab_diagnostics(id).await }
    });
    let templates = LocalResource::new(move || async move { api.interlab_templates().await });
    let needs = Signal::derive(move || {
        diagnostics
            .get()
            .and_then(Result::ok)
            .map(|d| latest_needs(&d))
            .unwrap_or_default()
    });
    let editing = RwSignal::new(None::<Editing>);
    let saved = Callback::new(move |msg: String| {
        status.set(Some(msg));
        editing.set(None);
        path.refetch();
    });
    let name = e.project.name.clone();
    view! {
        <h1 id="page-title">{move || i18n.tf(IlKey::PathEditorTitle, &[("name", &name)])}</h1>
        <p class="lead"><bdi>{e.display_name.clone()}</bdi></p>
        <InterlabTabs current=None/>
        <StatusMessage message=status/>
        <div class="il-grid">
            <section class="card" aria-labelledby="progress-title">
                <h2 id="progress-title">{move || i18n.t(IlKey::Progress)}</h2>
                {move || load_state(path.get(), move || path.refetch(), |p| view! { <PathProgress path=p/> }.into_any())}
            </section>
            <section class="card" aria-labelledby="templates-title">
                <h2 id="templates-title">{move || i18n.t(IlKey::FromTemplatesTitle)}</h2>
                {move || match (diagnostics.get(), templates.get()) {
                    (Some(Ok(_)), Some(Ok(list))) => view! {
                        <FromTemplatesForm id=id needs=needs templates=list saved=saved/>
                    }.into_any(),
                    (Some(Err(err)), _) | (_, Some(Err(err))) => crate::components::load::load_error(&err, move || {
                        diagnostics.refetch();
                        templates.refetch();
                    }),
                    _ => view! { <crate::components::Loading/> }.into_any(),
                }}
            </section>
        </div>
        <section class="card" aria-labelledby="milestones-title">
            <div class="section-head">
                <h2 id="milestones-title">{move || i18n.t(IlKey::Timeline)}</h2>
                <button
                    type="button"
                    class="button"
                    aria-expanded=move || if editing.get() == Some(Editing::New) { "true" } else { "false" }
                    on:click=move |_| {
                        status.set(None);
                        editing.set(Some(Editing::New));
                        focus_id_later("title");
                    }
                >
                    {move || i18n.t(IlKey::NewMilestone)}
                </button>
            </div>
            <Show when=move || editing.get() == Some(Editing::New)>
                <MilestoneForm entrepreneur=id initial=None needs=needs saved=saved cancel=Callback::new(move |_| editing.set(None))/>
            </Show>
            {move || load_state(path.get(), move || path.refetch(), |p: PathView| {
                view! { <EditableTimeline id=id milestones=p.milestones needs=needs editing=editing saved=saved status=status/> }.into_any()
            })}
        </section>
    }
}

/// Milestones added from the templates of one need's domain.
#[component]
fn FromTemplatesForm(
    id: Uuid,
    #[prop(into)] needs: Signal<Vec<Need>>,
    templates: Vec<Template>,
    saved: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let need = RwSignal::new(String::new());
    let starts_on = RwSignal::new(date_value(Some(today_in_brussels())));
    let chosen = RwSignal::new(Vec::<Uuid>::new());
    let errors = RwSignal::new(FormErrors::default());
    let local = RwSignal::new(Vec::<&'static str>::new());
    let templates = StoredValue::new(templates);
    // The first need (the highest priority comes first in a diagnostic as typed) by default.
    Effect::new(move |_| {
        if need.with_untracked(String::is_empty) {
            if let Some(n) = needs.get().first() {
                need.set(n.id.to_string());
            }
        }
    });
    let current = Signal::derive(move || {
        let wanted = need.get();
        needs.get().into_iter().find(|n| n.id.to_string() == wanted)
    });
    let offered =
        Signal::derive(move || templates.with_value(|t| templates_for(t, current.get().as_ref())));
    // Choosing a need offers every template of its domain.
    Effect::new(move |_| chosen.set(offered.get().iter().map(|t| t.id).collect()));
    let submit = use_submit(
        errors,
        &["need_id", "starts_on", "template_ids"],
        move |body: FromTemplates| async move { api.milestones_from_templates(id, &body).await },
        move |_: PathView| saved.run(i18n.t(IlKey::AddedMilestones).to_string()),
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
        let mut bad = Vec::new();
        let need_id = Uuid::parse_str(&need.get_untracked()).ok();
        if need_id.is_none() {
            bad.push("need_id");
        }
        let start = match starts_on.get_untracked().trim() {
            "" => None,
            v => {
                let d = parse_date(v);
                if d.is_none() {
                    bad.push("starts_on");
                }
                d
            }
        };
        let ids = chosen.get_untracked();
        if ids.is_empty() {
            bad.push("template_ids");
        }
        local.set(bad.clone());
        match (need_id, bad.is_empty()) {
            (Some(need_id), true) => submit.dispatch(FromTemplates {
                need_id,
                starts_on: start,
                template_ids: Some(ids),
            }),
            _ => focus_first_error(),
        }
    };
    let need_options = Signal::derive(move || {
        let lang = i18n.lang.get();
        needs
            .get()
            .iter()
            .map(|n| (n.id.to_string(), need_label(lang, n)))
            .collect::<Vec<_>>()
    });
    let template_error = field("template_ids");
    view! {
        {move || needs.with(Vec::is_empty).then(|| view! { <p class="muted">{move || i18n.t(IlKey::NoNeedsYet)}</p> })}
        <Show when=move || !needs.with(Vec::is_empty)>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <form class="form from-templates" on:submit=on_submit novalidate=true>
                <DynSelect id="need_id" label=IlKey::ForNeed value=need options=need_options empty=IlKey::ChooseOne error=field("need_id")/>
                <TextField id="starts_on" label=IlKey::StartsOn hint=IlKey::StartsOnHint input_type="date" value=starts_on error=field("starts_on")/>
                <fieldset class="choice" class:field-invalid=move || template_error.with(Option::is_some)>
                    <legend>{move || i18n.t(IlKey::TemplatesOfDomain)}</legend>
                    {move || {
                        let list = offered.get();
                        if list.is_empty() {
                            return view! { <p class="muted">{move || i18n.t(IlKey::NoTemplatesForDomain)}</p> }.into_any();
                        }
                        list.into_iter().map(|t| {
                            let tid = t.id;
                            let box_id = format!("template-{tid}");
                            let box_for = box_id.clone();
                            let days = t.typical_days;
                            view! {
                                <label class="check choice-option" for=box_for>
                                    <input
                                        type="checkbox"
                                        id=box_id
                                        prop:checked=move || chosen.with(|c| c.contains(&tid))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            chosen.update(|c| {
                                                c.retain(|x| *x != tid);
                                                if on {
                                                    c.push(tid);
                                                }
                                            });
                                        }
                                    />
                                    <span>
                                        <strong class="block">{t.title.clone()}</strong>
                                        <span class="hint block">
                                            {move || i18n.tf(IlKey::TypicalDays, &[("days", &days.to_string())])}
                                            {t.description.clone().map(|d| format!(" · {d}"))}
                                        </span>
                                    </span>
                                </label>
                            }
                        }).collect_view().into_any()
                    }}
                    {move || template_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
                </fieldset>
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || pending.get() || offered.with(Vec::is_empty)>
                        {move || i18n.t(IlKey::AddTheseMilestones)}
                    </button>
                </div>
            </form>
        </Show>
    }
}

/// The milestones, each with "done" in one click and its edit form.
#[component]
fn EditableTimeline(
    id: Uuid,
    milestones: Vec<Milestone>,
    #[prop(into)] needs: Signal<Vec<Need>>,
    editing: RwSignal<Option<Editing>>,
    saved: Callback<String>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let errors = RwSignal::new(FormErrors::default());
    let done = use_submit(
        errors,
        &[],
        move |(mid, body): (Uuid, MilestoneInput)| async move {
            api.update_milestone(id, mid, &body).await
        },
        move |m: Milestone| saved.run(i18n.tf(IlKey::MarkedDone, &[("name", &m.title)])),
    );
    let busy = done.pending();
    if milestones.is_empty() {
        return view! { <p class="muted">{move || i18n.t(IlKey::NoMilestones)}</p> }.into_any();
    }
    let items = milestones
        .into_iter()
        .map(|m| {
            let mid = m.id;
            let class = step_class(&m);
            let title = m.title.clone();
            let quick = can_mark_done(&m).then(|| with_status(&m, MilestoneStatus::Done));
            let stored = StoredValue::new(m.clone());
            view! {
                <li class=class>
                    <span class="step-dot" aria-hidden="true"></span>
                    <MilestoneSummary m=m/>
                    <div class="actions milestone-actions">
                        {quick.map(|body| {
                            let title = title.clone();
                            view! {
                                <button
                                    type="button"
                                    class="button primary small-button mark-done"
                                    aria-label=move || i18n.tf(IlKey::MarkDoneNamed, &[("name", &title)])
                                    disabled=move || busy.get()
                                    on:click=move |_| {
                                        status.set(None);
                                        done.dispatch((mid, body.clone()));
                                    }
                                >
                                    {move || i18n.t(IlKey::MarkDone)}
                                </button>
                            }
                        })}
                        <button
                            type="button"
                            class="button small-button"
                            aria-label=move || i18n.tf(IlKey::EditNamed, &[("name", &title)])
                            aria-expanded=move || if editing.get() == Some(Editing::Existing(mid)) { "true" } else { "false" }
                            on:click=move |_| {
                                status.set(None);
                                editing.set(Some(Editing::Existing(mid)));
                                focus_id_later("title");
                            }
                        >
                            {move || i18n.t(IlKey::Edit)}
                        </button>
                    </div>
                    <Show when=move || editing.get() == Some(Editing::Existing(mid))>
                        <MilestoneForm entrepreneur=id initial=Some(stored.get_value()) needs=needs saved=saved cancel=Callback::new(move |_| editing.set(None))/>
                    </Show>
                </li>
            }
        })
        .collect_view();
    view! {
        <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
        <ol class="timeline il-timeline editable">{items}</ol>
    }
    .into_any()
}

/// The choices of a select over a `shared` enum, named through the catalogue.
fn enum_choices<E: Copy + 'static>(
    all: &'static [E],
    name: fn(E) -> &'static str,
    key: fn(E) -> IlKey,
) -> Vec<(&'static str, Text)> {
    all.iter().map(|&v| (name(v), key(v).into())).collect()
}

fn owners() -> Vec<(&'static str, Text)> {
    enum_choices(MilestoneOwner::ALL, MilestoneOwner::as_str, owner_key)
}

fn statuses() -> Vec<(&'static str, Text)> {
    enum_choices(
        MilestoneStatus::ALL,
        MilestoneStatus::as_str,
        milestone_status_key,
    )
}

/// The need choices of a milestone's form: the latest diagnostic's, and the one it serves now
/// when that one is older.
fn need_choices(i18n: I18n, needs: &[Need], current: Option<&Milestone>) -> Vec<(String, String)> {
    let lang = i18n.lang.get();
    let mut out: Vec<(String, String)> = needs
        .iter()
        .map(|n| (n.id.to_string(), need_label(lang, n)))
        .collect();
    if let Some(m) = current {
        if let Some(nid) = m.need_id {
            if !needs.iter().any(|n| n.id == nid) {
                let label = m
                    .domain
                    .map(|d| t(lang, domain_key(d)).to_string())
                    .unwrap_or_default();
                out.push((nid.to_string(), label));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::interlab::{NeedDomain, NeedPriority};
    use shared::Lang;

    fn need(domain: NeedDomain) -> Need {
        Need {
            id: Uuid::from_u128(1),
            domain,
            priority: NeedPriority::High,
            goal: None,
            note: None,
        }
    }

    fn template(domain: NeedDomain, position: i32, title: &str) -> Template {
        Template {
            id: Uuid::from_u128(position as u128 + 10),
            domain,
            position,
            title: title.into(),
            description: None,
            typical_days: 14,
            resources: None,
        }
    }

    #[test]
    fn a_need_offers_its_domain_templates_in_order() {
        let all = vec![
            template(NeedDomain::Administration, 2, "TVA"),
            template(NeedDomain::Financing, 1, "Microcrédit"),
            template(NeedDomain::Administration, 1, "Guichet d'entreprises"),
        ];
        let offered = templates_for(&all, Some(&need(NeedDomain::Administration)));
        let titles: Vec<_> = offered.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(titles, ["Guichet d'entreprises", "TVA"]);
        assert!(templates_for(&all, None).is_empty());
        assert_eq!(
            need_label(Lang::En, &need(NeedDomain::Financing)),
            "Financing · high priority"
        );
    }

    #[test]
    fn marking_done_keeps_everything_else() {
        let m = Milestone {
            id: Uuid::from_u128(3),
            entrepreneur_id: Uuid::nil(),
            need_id: Some(Uuid::from_u128(1)),
            domain: Some(NeedDomain::Administration),
            template_id: None,
            title: "Numéro d'entreprise".into(),
            description: Some("Au guichet".into()),
            due_on: chrono::NaiveDate::from_ymd_opt(2027, 1, 15),
            owner: MilestoneOwner::Entrepreneur,
            status: MilestoneStatus::InProgress,
            evidence: None,
            completed_on: None,
            overdue: false,
        };
        assert!(can_mark_done(&m));
        let body = with_status(&m, MilestoneStatus::Done);
        assert_eq!(body.status, Some(MilestoneStatus::Done));
        assert_eq!(
            (body.title.as_str(), body.need_id, body.due_on),
            ("Numéro d'entreprise", m.need_id, m.due_on)
        );
        let finished = Milestone {
            status: MilestoneStatus::Done,
            ..m
        };
        assert!(!can_mark_done(&finished));
    }
}
