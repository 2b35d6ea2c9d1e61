//! The course's evaluations: the results (withheld under 5 answers), personal links for the
//! trainees who have not answered (shown once), and a paper questionnaire entered by staff.

use std::sync::LazyLock;

use leptos::prelude::*;
use shared::trainings::{
    EvaluationInput, EvaluationLink, EvaluationResults, ObjectiveRating, TraineeStatus,
};
use uuid::Uuid;

use super::CourseCtx;
use crate::api::{use_api, FormErrors};
use crate::components::form::{use_submit, ErrorAlert, TextAreaField};
use crate::components::load::load_state;
use crate::i18n::trainings::{scale_key, TrKey};
use crate::i18n::trainings_staff::TsKey;
use crate::locale::use_i18n;
use crate::pages::trainings::{manages, ResultsView};

/// The inputs of the paper questionnaire, by the API's names.
static EVAL_FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut all = vec!["person_id", "satisfaction", "useful", "objectives"];
    for i in 0..12 {
        for side in ["before", "after"] {
            all.push(Box::leak(format!("objectives.{i}.{side}").into_boxed_str()));
        }
    }
    all
});

fn objective_field(i: usize, after: bool) -> &'static str {
    EVAL_FIELDS
        .get(4 + i * 2 + usize::from(after))
        .copied()
        .unwrap_or("objectives")
}

#[component]
pub fn EvaluationsCard(ctx: CourseCtx) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = ctx.id;
    let results = LocalResource::new(move || {
        let _lang = i18n.lang.get();
        async move { api.course_evaluations(id).await }
    });
    let links = RwSignal::new(None::<Vec<EvaluationLink>>);
    let errors = RwSignal::new(FormErrors::default());
    let make = use_submit(
        errors,
        &[],
        move |()| async move { api.evaluation_links(id).await },
        move |list: Vec<EvaluationLink>| links.set(Some(list)),
    );
    let pending = make.pending();
    view! {
        <section class="card evaluations-card" aria-labelledby="course-eval-title">
            <h2 id="course-eval-title">{move || i18n.t(TsKey::EvaluationsTitle)}</h2>
            {move || load_state(results.get(), move || results.refetch(), |r: EvaluationResults| view! { <ResultsView results=r id="course-eval"/> }.into_any())}
            {manages().then(|| view! {
                <h3>{move || i18n.t(TsKey::EvalLinks)}</h3>
                <p class="hint">{move || i18n.t(TsKey::EvalLinksHint)}</p>
                <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
                <div class="actions">
                    <button type="button" class="button" id="make-links" disabled=move || pending.get()
                        on:click=move |_| { ctx.status.set(None); make.dispatch(()); }>
                        {move || i18n.t(TsKey::EvalLinks)}
                    </button>
                </div>
                <div aria-live="polite">
                    {move || links.get().map(|list| if list.is_empty() {
                        view! { <p class="muted">{move || i18n.t(TsKey::EvalLinksNone)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain eval-links">
                                {list.into_iter().map(|l| {
                                    let field = format!("link-{}", l.person_id);
                                    let name = l.display_name.clone();
                                    view! {
                                        <li class="field">
                                            <label for=field.clone()>{move || i18n.tf(TsKey::EvalLinkFor, &[("name", &name)])}</label>
                                            <input id=field type="text" readonly=true dir="ltr" value=l.url.clone()/>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    })}
                </div>
                <PaperForm ctx=ctx on_saved=Callback::new(move |r: EvaluationResults| {
                    let _ = r;
                    results.refetch();
                })/>
            })}
        </section>
    }
}

/// A trainee's paper questionnaire, entered by staff (once per trainee).
#[component]
fn PaperForm(ctx: CourseCtx, on_saved: Callback<EvaluationResults>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let objectives = ctx.module.with_value(|m| m.objectives.clone());
    let person = RwSignal::new(String::new());
    let satisfaction = RwSignal::new(String::new());
    let useful = RwSignal::new(String::new());
    let ratings: Vec<(RwSignal<String>, RwSignal<String>)> = objectives
        .iter()
        .map(|_| (RwSignal::new(String::new()), RwSignal::new(String::new())))
        .collect();
    let ratings = StoredValue::new(ratings);
    let errors = RwSignal::new(FormErrors::default());
    let id = ctx.id;
    let save = use_submit(
        errors,
        EVAL_FIELDS.as_slice(),
        move |body: EvaluationInput| async move { api.enter_evaluation(id, &body).await },
        move |r: EvaluationResults| {
            ctx.status
                .set(Some(i18n.t(TsKey::EvaluationSaved).to_string()));
            person.set(String::new());
            satisfaction.set(String::new());
            useful.set(String::new());
            ratings.with_value(|rs| {
                for (b, a) in rs {
                    b.set(String::new());
                    a.set(String::new());
                }
            });
            on_saved.run(r);
        },
    );
    let pending = save.pending();
    let err = move |name: &'static str| Signal::derive(move || errors.with(|e| e.field(name)));
    let level = |v: &str| v.trim().parse::<i32>().ok();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.status.set(None);
        let objectives = ratings.with_value(|rs| {
            rs.iter()
                .map(|(b, a)| ObjectiveRating {
                    before: level(&b.get_untracked()).unwrap_or(0),
                    after: level(&a.get_untracked()).unwrap_or(0),
                })
                .collect::<Vec<_>>()
        });
        save.dispatch(EvaluationInput {
            person_id: Uuid::parse_str(&person.get_untracked()).ok(),
            satisfaction: level(&satisfaction.get_untracked()),
            useful: crate::pages::interlab::opt_text(&useful.get_untracked()),
            objectives,
        });
    };
    let scale = move |id: String, label: String, value: RwSignal<String>, field: &'static str| {
        let error = err(field);
        let err_id = format!("{id}-error");
        let err_id2 = err_id.clone();
        view! {
            <div class="field" class:field-invalid=move || error.with(Option::is_some)>
                <label for=id.clone()><bdi>{label}</bdi></label>
                <select id=id
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=move || error.with(Option::is_some).then(|| err_id.clone())
                    on:change=move |ev| value.set(event_target_value(&ev))>
                    <option value="" selected=move || value.with(String::is_empty)>{move || i18n.t(TsKey::ChooseLevel)}</option>
                    {(1..=5).map(|n| view! {
                        <option value=n.to_string() selected=move || value.with(|v| *v == n.to_string())>
                            {move || scale_key(n).map(|k| i18n.t(k)).unwrap_or_default()}
                        </option>
                    }).collect_view()}
                </select>
                {move || error.get().map(|m| view! { <p class="field-error" id=err_id2.clone()>{m}</p> })}
            </div>
        }
    };
    let person_err = err("person_id");
    let objective_rows = objectives
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let (b, a) = ratings.with_value(|rs| rs[i]);
            let before = i18n.tf(TrKey::BeforeOf, &[("objective", o)]);
            let after = i18n.tf(TrKey::AfterOf, &[("objective", o)]);
            view! {
                <div class="field-row">
                    {scale(format!("paper-objective-{i}-before"), before, b, objective_field(i, false))}
                    {scale(format!("paper-objective-{i}-after"), after, a, objective_field(i, true))}
                </div>
            }
        })
        .collect_view();
    view! {
        <details class="paper-evaluation">
            <summary>{move || i18n.t(TsKey::EnterEvaluation)}</summary>
            <form class="form" novalidate=true on:submit=on_submit>
                <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
                <div class="field" class:field-invalid=move || person_err.with(Option::is_some)>
                    <label for="paper-person">{move || i18n.t(TsKey::EvalTrainee)}</label>
                    <select id="paper-person"
                        aria-invalid=move || person_err.with(Option::is_some).then_some("true")
                        on:change=move |ev| person.set(event_target_value(&ev))>
                        <option value="" selected=move || person.with(String::is_empty)>{move || i18n.t(TsKey::ChooseTrainee)}</option>
                        {move || ctx.trainees.get().and_then(Result::ok).map(|list| list.into_iter()
                            .filter(|t| t.status == TraineeStatus::Registered)
                            .map(|t| {
                                let v = t.person_id.to_string();
                                let v2 = v.clone();
                                view! { <option value=v selected=move || person.with(|p| *p == v2)>{t.display_name.clone()}</option> }
                            })
                            .collect_view())}
                    </select>
                    {move || person_err.get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                {scale("paper-satisfaction".to_string(), i18n.t(TsKey::SatisfactionField).to_string(), satisfaction, "satisfaction")}
                {objective_rows}
                <TextAreaField id="paper-useful" label=TrKey::Useful value=useful error=err("useful")/>
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || pending.get()>
                        {move || i18n.t(TsKey::SaveEvaluation)}
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
    fn objective_fields_carry_their_place() {
        assert_eq!(objective_field(0, false), "objectives.0.before");
        assert_eq!(objective_field(2, true), "objectives.2.after");
        assert_eq!(objective_field(40, true), "objectives");
    }
}
