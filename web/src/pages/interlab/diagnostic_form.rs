//! A new diagnostic, strengths first: the strengths of the vocabulary the person brings, each
//! with a level from 1 to 4 and a note; then the need domains to unblock, each with a priority
//! and the person's own goal. A follow-up diagnostic starts from the previous one.

use std::sync::OnceLock;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use shared::interlab::{
    Diagnostic, DiagnosticInput, Diagnostics, Entrepreneur, NeedDomain, NeedInput, NeedPriority,
    StrengthInput, Term, TermKind,
};
use uuid::Uuid;

use super::entrepreneur::{use_entrepreneur, use_id_param};
use super::{date_value, opt_text, parse_date, sorted_terms, term_label, today_in_brussels};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::focus_first_error;
use crate::components::form::{use_submit, ErrorAlert, TextAreaField, TextField};
use crate::components::load::{load_page, PageHeadings};
use crate::i18n::common::CommonKey;
use crate::i18n::interlab::{domain_hint_key, domain_key, level_key, priority_key, IlKey};
use crate::locale::{use_i18n, use_page_title};
use crate::routes::entrepreneur_path;

/// Strengths and needs a diagnostic may name (the API's limits).
const MAX_STRENGTHS: usize = 20;

/// Every input name the API may put an error on: the form's own and each row's
/// (`strengths[3].level`, `needs[0].goal`…), so that each message goes under its row.
pub fn diagnostic_fields() -> &'static [&'static str] {
    static FIELDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    FIELDS.get_or_init(|| {
        let mut names: Vec<String> = ["held_on", "strengths", "needs", "summary"]
            .iter()
            .map(|s| (*s).to_string())
            .collect();
        for i in 0..MAX_STRENGTHS {
            for f in ["strength_id", "level", "note"] {
                names.push(format!("strengths[{i}].{f}"));
            }
        }
        for i in 0..NeedDomain::ALL.len() {
            for f in ["domain", "priority", "goal", "note"] {
                names.push(format!("needs[{i}].{f}"));
            }
        }
        // Built once for the life of the page: a few hundred bytes.
        names
            .into_iter()
            .map(|s| &*Box::leak(s.into_boxed_str()))
            .collect()
    })
}

/// One strength of the vocabulary, as the form holds it.
#[derive(Clone, Copy)]
struct StrengthRow {
    id: Uuid,
    on: RwSignal<bool>,
    level: RwSignal<i32>,
    note: RwSignal<String>,
}

/// One need domain, as the form holds it.
#[derive(Clone, Copy)]
struct NeedRow {
    domain: NeedDomain,
    on: RwSignal<bool>,
    priority: RwSignal<NeedPriority>,
    goal: RwSignal<String>,
}

/// The rows of the form, in the vocabulary's order, filled from `previous` (the latest
/// diagnostic) when there is one.
fn rows(terms: &[Term], previous: Option<&Diagnostic>) -> (Vec<StrengthRow>, Vec<NeedRow>) {
    let strengths = terms
        .iter()
        .map(|t| {
            let before = previous.and_then(|d| d.strengths.iter().find(|s| s.strength_id == t.id));
            StrengthRow {
                id: t.id,
                on: RwSignal::new(before.is_some()),
                level: RwSignal::new(before.map(|s| s.level).unwrap_or(2)),
                note: RwSignal::new(before.and_then(|s| s.note.clone()).unwrap_or_default()),
            }
        })
        .collect();
    let needs = NeedDomain::ALL
        .iter()
        .map(|&domain| {
            let before = previous.and_then(|d| d.needs.iter().find(|n| n.domain == domain));
            NeedRow {
                domain,
                on: RwSignal::new(before.is_some()),
                priority: RwSignal::new(before.map(|n| n.priority).unwrap_or(NeedPriority::Medium)),
                goal: RwSignal::new(before.and_then(|n| n.goal.clone()).unwrap_or_default()),
            }
        })
        .collect();
    (strengths, needs)
}

#[component]
pub fn DiagnosticPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(IlKey::DiagnosticTitle);
    let api = use_api();
    let id = use_id_param();
    let entrepreneur = use_entrepreneur(id);
    // Everything the form needs, loaded together: the entrepreneur, the strength vocabulary and
    // the diagnostics so far.
    let data = LocalResource::new(move || {
        let id = id.get();
        let _lang = i18n.lang.get();
        async move {
            let id = id.ok_or(ApiError::Status(404))?;
            let terms = api.interlab_terms(TermKind::Strength).await?;
            let diagnostics = api.interlab_diagnostics(id).await?;
            Ok::<_, ApiError>((terms, diagnostics))
        }
    });
    view! {
        <section class="page narrow-form" aria-labelledby="page-title">
            {move || id.get().map(|id| view! {
                <p class="back"><a href=entrepreneur_path(id)>{move || i18n.t(IlKey::BackToEntrepreneur)}</a></p>
            })}
            {move || {
                let both = match (entrepreneur.get(), data.get()) {
                    (Some(Err(e)), _) | (_, Some(Err(e))) => Some(Err(e)),
                    (Some(Ok(e)), Some(Ok((terms, d)))) => Some(Ok((e, terms, d))),
                    _ => None,
                };
                load_page(
                    both,
                    move || { entrepreneur.refetch(); data.refetch(); },
                    PageHeadings { failed: IlKey::DiagnosticTitle.into(), not_found: Some(IlKey::EntrepreneurNotFound.into()) },
                    |(e, terms, d)| view! { <DiagnosticForm e=e terms=terms d=d/> }.into_any(),
                )
            }}
        </section>
    }
}

#[component]
fn DiagnosticForm(e: Entrepreneur, terms: Vec<Term>, d: Diagnostics) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let navigate = use_navigate();
    let id = e.id;
    let project = e.project.name.clone();
    let terms = sorted_terms(terms, i18n.lang.get_untracked());
    let previous = d.diagnostics.last().cloned();
    let (strength_rows, need_rows) = rows(&terms, previous.as_ref());
    let held_on = RwSignal::new(date_value(Some(today_in_brussels())));
    let summary = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let local = RwSignal::new(Vec::<&'static str>::new());
    // The order of the rows sent, to put each row's errors under it.
    let sent = StoredValue::new((Vec::<Uuid>::new(), Vec::<NeedDomain>::new()));
    let submit = use_submit(
        errors,
        diagnostic_fields(),
        move |body: DiagnosticInput| async move { api.record_diagnostic(id, &body).await },
        move |_: Diagnostic| navigate(&entrepreneur_path(id), NavigateOptions::default()),
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
    let strength_error = move |sid: Uuid| {
        let i = sent.with_value(|(s, _)| s.iter().position(|x| *x == sid))?;
        let msgs: Vec<String> = ["strength_id", "level", "note"]
            .iter()
            .filter_map(|f| errors.with(|e| e.field(&format!("strengths[{i}].{f}"))))
            .collect();
        (!msgs.is_empty()).then(|| msgs.join(" "))
    };
    let need_error = move |domain: NeedDomain| {
        let i = sent.with_value(|(_, n)| n.iter().position(|x| *x == domain))?;
        let msgs: Vec<String> = ["domain", "priority", "goal", "note"]
            .iter()
            .filter_map(|f| errors.with(|e| e.field(&format!("needs[{i}].{f}"))))
            .collect();
        (!msgs.is_empty()).then(|| msgs.join(" "))
    };
    let (strength_sent, need_sent) = (strength_rows.clone(), need_rows.clone());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = parse_date(&held_on.get_untracked()) else {
            local.set(vec!["held_on"]);
            focus_first_error();
            return;
        };
        local.set(Vec::new());
        let strengths: Vec<StrengthInput> = strength_sent
            .iter()
            .filter(|r| r.on.get_untracked())
            .map(|r| StrengthInput {
                strength_id: r.id,
                level: r.level.get_untracked(),
                note: opt_text(&r.note.get_untracked()),
            })
            .collect();
        let needs: Vec<NeedInput> = need_sent
            .iter()
            .filter(|r| r.on.get_untracked())
            .map(|r| NeedInput {
                domain: r.domain,
                priority: r.priority.get_untracked(),
                goal: opt_text(&r.goal.get_untracked()),
                note: None,
            })
            .collect();
        sent.set_value((
            strengths.iter().map(|s| s.strength_id).collect(),
            needs.iter().map(|n| n.domain).collect(),
        ));
        submit.dispatch(DiagnosticInput {
            held_on: day,
            strengths,
            needs,
            summary: opt_text(&summary.get_untracked()),
        });
    };
    let strengths_error = field("strengths");
    let strength_list = strength_rows
        .iter()
        .zip(terms)
        .map(|(&row, term)| view! { <StrengthChoice row=row term=term error=Signal::derive(move || strength_error(row.id))/> })
        .collect_view();
    let need_list = need_rows
        .iter()
        .map(|&row| view! { <NeedChoice row=row error=Signal::derive(move || need_error(row.domain))/> })
        .collect_view();
    view! {
        <h1 id="page-title">{move || i18n.tf(IlKey::DiagnosticFor, &[("name", &project)])}</h1>
        <p class="lead"><bdi>{e.display_name.clone()}</bdi></p>
        <p>{move || i18n.t(IlKey::DiagnosticIntro)}</p>
        {previous.is_some().then(|| view! { <p class="hint">{move || i18n.t(IlKey::PrefilledHint)}</p> })}
        <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
        <form class="form il-form diagnostic-form" on:submit=on_submit novalidate=true>
            <div class="card">
                <TextField id="held_on" label=IlKey::HeldOn input_type="date" value=held_on required=true error=field("held_on")/>
            </div>
            <fieldset class="card strengths-step" class:field-invalid=move || strengths_error.with(Option::is_some)
                aria-describedby=move || if strengths_error.with(Option::is_some) { "strengths-hint strengths-error" } else { "strengths-hint" }>
                <legend>{move || i18n.t(IlKey::StrengthsLegend)}</legend>
                <p class="hint" id="strengths-hint">{move || i18n.t(IlKey::StrengthsHint)}</p>
                {move || strengths_error.get().map(|m| view! { <p class="field-error" id="strengths-error">{m}</p> })}
                <ul class="plain diag-rows">{strength_list}</ul>
            </fieldset>
            <fieldset class="card needs-step" aria-describedby="needs-hint">
                <legend>{move || i18n.t(IlKey::NeedsLegend)}</legend>
                <p class="hint" id="needs-hint">{move || i18n.t(IlKey::NeedsHint)}</p>
                {move || field("needs").get().map(|m| view! { <p class="field-error">{m}</p> })}
                <ul class="plain diag-rows">{need_list}</ul>
            </fieldset>
            <div class="card">
                <TextAreaField id="summary" label=IlKey::Summary value=summary rows=4 error=field("summary")/>
            </div>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(IlKey::SaveDiagnostic) }}
                </button>
                <a class="button" href=entrepreneur_path(id)>{move || i18n.t(CommonKey::Cancel)}</a>
            </div>
        </form>
    }
}

/// A strength to tick, with its level (four choices) and a note once ticked.
#[component]
fn StrengthChoice(
    row: StrengthRow,
    term: Term,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let term = StoredValue::new(term);
    let label = move || term.with_value(|t| term_label(t, i18n.lang.get()).to_string());
    let box_id = format!("strength-{}", row.id);
    let note_id = format!("strength-note-{}", row.id);
    let error_id = format!("strength-error-{}", row.id);
    let (box_for, note_for, error_for) = (box_id.clone(), note_id.clone(), error_id.clone());
    let levels = move || {
        (1..=4)
            .map(|n| {
                let id = format!("level-{}-{n}", row.id);
                let id_for = id.clone();
                view! {
                    <label class="check level-choice" for=id_for>
                        <input
                            type="radio"
                            id=id
                            name=format!("level-{}", row.id)
                            value=n.to_string()
                            prop:checked=move || row.level.get() == n
                            on:change=move |_| row.level.set(n)
                        />
                        <span>{move || level_key(n).map(|k| i18n.t(k)).unwrap_or_default()}</span>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <li class="diag-row" class:is-on=move || row.on.get() class:field-invalid=move || error.with(Option::is_some)>
            <label class="check diag-name" for=box_for>
                <input
                    type="checkbox"
                    id=box_id
                    prop:checked=move || row.on.get()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=move || error.with(Option::is_some).then(|| error_for.clone())
                    on:change=move |ev| row.on.set(event_target_checked(&ev))
                />
                <span>{label}</span>
            </label>
            <Show when=move || row.on.get()>
                <fieldset class="choice levels">
                    <legend>{move || i18n.tf(IlKey::LevelOf, &[("name", &label())])}</legend>
                    <div class="checks">{levels()}</div>
                </fieldset>
                <div class="field">
                    <label for=note_for.clone()>{move || i18n.tf(IlKey::NoteOf, &[("name", &label())])}</label>
                    <input id=note_id.clone() type="text" maxlength="1000" bind:value=row.note/>
                </div>
            </Show>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
        </li>
    }
}

/// A need domain to tick, with its priority and the person's goal once ticked.
#[component]
fn NeedChoice(row: NeedRow, #[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let d = row.domain;
    let name = move || i18n.t(domain_key(d)).to_string();
    let box_id = format!("need-{}", d.as_str());
    let hint_id = format!("need-hint-{}", d.as_str());
    let prio_id = format!("priority-{}", d.as_str());
    let goal_id = format!("goal-{}", d.as_str());
    let error_id = format!("need-error-{}", d.as_str());
    let (box_for, hint_for, prio_for, goal_for, error_for) = (
        box_id.clone(),
        hint_id.clone(),
        prio_id.clone(),
        goal_id.clone(),
        error_id.clone(),
    );
    view! {
        <li class="diag-row" class:is-on=move || row.on.get() class:field-invalid=move || error.with(Option::is_some)>
            <label class="check diag-name" for=box_for>
                <input
                    type="checkbox"
                    id=box_id
                    prop:checked=move || row.on.get()
                    aria-describedby=move || if error.with(Option::is_some) { format!("{hint_for} {error_for}") } else { hint_for.clone() }
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    on:change=move |ev| row.on.set(event_target_checked(&ev))
                />
                <span>{name}</span>
            </label>
            <p class="hint" id=hint_id>{move || i18n.t(domain_hint_key(d))}</p>
            <Show when=move || row.on.get()>
                <div class="field">
                    <label for=prio_for.clone()>{move || i18n.tf(IlKey::PriorityOf, &[("name", &name())])}</label>
                    <select id=prio_id.clone() on:change=move |ev| {
                        if let Ok(p) = event_target_value(&ev).parse::<NeedPriority>() {
                            row.priority.set(p);
                        }
                    }>
                        {NeedPriority::ALL.iter().map(|&p| view! {
                            <option value=p.as_str() selected=move || row.priority.get() == p>{move || i18n.t(priority_key(p))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=goal_for.clone()>{move || i18n.tf(IlKey::GoalOf, &[("name", &name())])}</label>
                    <textarea id=goal_id.clone() rows="2" maxlength="500"
                        prop:value=move || row.goal.get()
                        on:input=move |ev| row.goal.set(event_target_value(&ev))></textarea>
                </div>
            </Show>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_error_has_a_place() {
        let names = diagnostic_fields();
        for n in [
            "held_on",
            "strengths",
            "strengths[0].level",
            "strengths[19].note",
            "needs[9].goal",
        ] {
            assert!(names.contains(&n), "{n}");
        }
        assert!(
            !names.contains(&"strengths[20].level"),
            "the API takes at most 20 strengths"
        );
        // The same list every time (built once).
        assert_eq!(diagnostic_fields().as_ptr(), names.as_ptr());
    }
}
