//! The trainee's end-of-course questionnaire behind a personal link (`/evaluations/{token}`,
//! no account): satisfaction from 1 to 5, what was useful, and where they stood before and
//! after the course for each objective of the module. Answered once; then a thank-you.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::trainings::{EvaluationForm, EvaluationInput, ObjectiveRating};

use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::{focus_first_error, focus_id_later};
use crate::components::form::{ErrorAlert, TextAreaField};
use crate::components::load::{is_not_found, load_error};
use crate::components::Loading;
use crate::i18n::trainings::{scale_key, TrKey};
use crate::i18n::Text;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::public::{explain, StaffNote};

/// The names the API gives its field errors for a module with `objectives` objectives.
pub fn evaluation_fields(objectives: usize) -> Vec<String> {
    let mut out = vec![
        "satisfaction".to_string(),
        "useful".to_string(),
        "objectives".to_string(),
    ];
    for i in 0..objectives {
        out.push(format!("objectives.{i}.before"));
        out.push(format!("objectives.{i}.after"));
    }
    out
}

/// The request body. A level left blank goes as 0, which the API refuses with a message under
/// that question (the form does not second-guess the server's rule).
pub fn evaluation_request(
    satisfaction: Option<i32>,
    useful: &str,
    ratings: &[(Option<i32>, Option<i32>)],
) -> EvaluationInput {
    let useful = useful.trim();
    EvaluationInput {
        person_id: None,
        satisfaction,
        useful: (!useful.is_empty()).then(|| useful.to_string()),
        objectives: ratings
            .iter()
            .map(|(before, after)| ObjectiveRating {
                before: before.unwrap_or(0),
                after: after.unwrap_or(0),
            })
            .collect(),
    }
}

/// One answer on the 1–5 scale, blank until chosen.
type Level = RwSignal<Option<i32>>;

/// An element id from a field name (`objectives.0.before` → `objectives-0-before`).
fn dom_id(field: &str) -> String {
    field.replace('.', "-")
}

#[component]
pub fn EvaluationPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    use_page_title(TrKey::EvalTitle);
    let params = use_params_map();
    let token = Memo::new(move |_| params.with(|p| p.get("token")).unwrap_or_default());
    let done = RwSignal::new(false);
    let form = LocalResource::new(move || {
        let token = token.get();
        async move { api.evaluation_form(&token).await }
    });
    view! {
        <section class="page public-page evaluation-page" aria-labelledby="page-title">
            {move || match form.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) if is_not_found(&err) => view! {
                    <h1 id="page-title">{move || i18n.t(TrKey::EvalNotFoundTitle)}</h1>
                    <p>{move || i18n.t(TrKey::EvalNotFound)}</p>
                }
                .into_any(),
                Some(Err(err)) => view! {
                    <h1 id="page-title">{move || i18n.t(TrKey::EvalTitle)}</h1>
                    {load_error(&err, move || form.refetch())}
                }
                .into_any(),
                Some(Ok(f)) if f.answered || done.get() => {
                    let message = if done.get() { TrKey::Thanks } else { TrKey::AlreadyAnswered };
                    view! {
                        <h1 id="page-title" tabindex="-1">{move || i18n.t(TrKey::ThanksTitle)}</h1>
                        <p class="alert alert-ok verdict">{move || i18n.t(message)}</p>
                    }
                    .into_any()
                }
                Some(Ok(f)) => view! { <Questionnaire token=token.get_untracked() form=f done=done/> }.into_any(),
            }}
            <StaffNote/>
        </section>
    }
}

#[component]
fn Questionnaire(token: String, form: EvaluationForm, done: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let EvaluationForm {
        module, objectives, ..
    } = form;
    let satisfaction = RwSignal::new(None::<i32>);
    let useful = RwSignal::new(String::new());
    let ratings: Vec<(Level, Level)> = objectives
        .iter()
        .map(|_| (RwSignal::new(None), RwSignal::new(None)))
        .collect();
    let errors = RwSignal::new(FormErrors::default());
    let fields = StoredValue::new(evaluation_fields(objectives.len()));
    let token = StoredValue::new(token);
    let send = Action::new_local(move |body: &EvaluationInput| {
        let body = body.clone();
        let token = token.get_value();
        async move { api.submit_evaluation(&token, &body).await }
    });
    Effect::new(move |_| match send.value().get() {
        Some(Ok(())) => {
            done.set(true);
            focus_id_later("page-title");
        }
        Some(Err(ApiError::Problem(p))) if p.status == 409 => {
            done.set(true);
            focus_id_later("page-title");
        }
        Some(Err(err)) => {
            let lang = i18n.lang.get_untracked();
            let names = fields.get_value();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            errors.set(FormErrors::from_error(&explain(err, lang), &names, lang));
            focus_first_error();
        }
        None => {}
    });
    let pending = send.pending();
    let ratings_for_submit = ratings.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let typed: Vec<_> = ratings_for_submit
            .iter()
            .map(|(b, a)| (b.get_untracked(), a.get_untracked()))
            .collect();
        errors.set(FormErrors::default());
        send.dispatch(evaluation_request(
            satisfaction.get_untracked(),
            &useful.get_untracked(),
            &typed,
        ));
    };
    let err = move |name: String| Signal::derive(move || errors.with(|e| e.field(&name)));
    let intro_module = module.clone();
    let objective_rows = objectives
        .into_iter()
        .zip(ratings)
        .enumerate()
        .map(|(i, (objective, (before, after)))| {
            let objective = StoredValue::new(objective);
            let before_legend = Signal::derive(move || {
                i18n.tf(TrKey::BeforeOf, &[("objective", &objective.get_value())])
            });
            let after_legend = Signal::derive(move || {
                i18n.tf(TrKey::AfterOf, &[("objective", &objective.get_value())])
            });
            view! {
                <fieldset class="objective">
                    <legend>{move || objective.get_value()}</legend>
                    <ScaleChoice
                        name=format!("objectives.{i}.before")
                        legend=before_legend
                        short=TrKey::Before
                        value=before
                        error=err(format!("objectives.{i}.before"))
                    />
                    <ScaleChoice
                        name=format!("objectives.{i}.after")
                        legend=after_legend
                        short=TrKey::After
                        value=after
                        error=err(format!("objectives.{i}.after"))
                    />
                </fieldset>
            }
        })
        .collect_view();
    let has_objectives = !fields.with_value(|f| f.len() <= 3);

    view! {
        <h1 id="page-title" tabindex="-1">{move || i18n.t(TrKey::EvalTitle)}</h1>
        <p class="lead">{move || i18n.tf(TrKey::EvalIntro, &[("module", &intro_module)])}</p>
        <form class="form public-form" on:submit=on_submit novalidate=true>
            <ErrorAlert
                message=Signal::derive(move || errors.with(FormErrors::general))
                on_dismiss=move || errors.update(FormErrors::dismiss_general)
            />
            <ScaleChoice
                name="satisfaction".to_string()
                legend=Signal::derive(move || i18n.t(TrKey::Satisfaction).to_string())
                value=satisfaction
                error=err("satisfaction".to_string())
            />
            <TextAreaField
                id="useful"
                label=TrKey::Useful
                value=useful
                rows=4
                error=err("useful".to_string())
            />
            {has_objectives.then(|| view! {
                <h2>{move || i18n.t(TrKey::ObjectivesTitle)}</h2>
                <p class="hint">{move || i18n.t(TrKey::ObjectivesHint)}</p>
            })}
            {objective_rows}
            {move || err("objectives".to_string()).get().map(|m| view! { <p class="field-error">{m}</p> })}
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(TrKey::Sending) } else { i18n.t(TrKey::Send) }}
                </button>
            </div>
        </form>
    }
}

/// Five radio buttons, 1 to 5, in a fieldset whose legend asks the question; `short` (Before,
/// After) is the visible legend when the question is spelled out for screen readers only.
#[component]
fn ScaleChoice(
    name: String,
    #[prop(into)] legend: Signal<String>,
    #[prop(optional, into)] short: Option<Text>,
    value: RwSignal<Option<i32>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let base = dom_id(&name);
    let error_id = format!("{base}-error");
    let options = (1..=5)
        .map(|n| {
            let id = format!("{base}-{n}");
            let id_for = id.clone();
            let error_id = error_id.clone();
            view! {
                <label class="check" for=id_for>
                    <input
                        type="radio"
                        id=id
                        name=name.clone()
                        value=n.to_string()
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())
                        prop:checked=move || value.get() == Some(n)
                        on:change=move |_| value.set(Some(n))
                    />
                    <span>{move || scale_key(n).map(|k| i18n.t(k)).unwrap_or_default()}</span>
                </label>
            }
        })
        .collect_view();
    let legend_view = move || match short {
        Some(short) => view! {
            <span aria-hidden="true">{move || i18n.t(short)}</span>
            <span class="visually-hidden">{move || legend.get()}</span>
        }
        .into_any(),
        None => view! { <span>{move || legend.get()}</span> }.into_any(),
    };
    view! {
        <fieldset class="choice scale" class:field-invalid=move || error.with(Option::is_some)>
            <legend>{legend_view}</legend>
            <div class="checks">{options}</div>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_has_its_field_name() {
        assert_eq!(
            evaluation_fields(2),
            [
                "satisfaction",
                "useful",
                "objectives",
                "objectives.0.before",
                "objectives.0.after",
                "objectives.1.before",
                "objectives.1.after"
            ]
        );
        assert_eq!(dom_id("objectives.1.after"), "objectives-1-after");
    }

    #[test]
    fn blanks_reach_the_server_as_refusable_values() {
        let body = evaluation_request(Some(4), "  ", &[(Some(2), None)]);
        assert_eq!(body.satisfaction, Some(4));
        assert_eq!(body.useful, None);
        assert_eq!(
            body.objectives,
            [ObjectiveRating {
                before: 2,
                after: 0
            }]
        );
        let body = evaluation_request(None, " Les exercices ", &[]);
        assert_eq!(body.satisfaction, None);
        assert_eq!(body.useful.as_deref(), Some("Les exercices"));
    }
}
