//! A project and its accompaniment: name, description, sector, stage, target legal form and
//! date, cohort and coach. The fields serve two forms: accepting an application (the API names
//! their errors `entrepreneur.…`) and the project's own edit page. Coaches change the project of
//! the entrepreneurs they accompany, never their cohort or coach.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use shared::interlab::{Entrepreneur, EntrepreneurInput, LegalForm, ProjectStage, TermKind};
use uuid::Uuid;

use super::{
    coach_choices, date_value, manages, opt_text, parse_date, sorted_terms, term_label,
    InterlabTabs,
};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::form::{use_submit, ErrorAlert, SelectField, TextAreaField, TextField};
use crate::components::load::{load_page, PageHeadings};
use crate::i18n::common::CommonKey;
use crate::i18n::interlab::{legal_form_key, stage_key, IlKey};
use crate::i18n::Text;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::entrepreneur_path;

/// The project's inputs, by the names the API uses (inside a decision: `entrepreneur.` first).
pub const PROJECT_FIELDS: [&str; 8] = [
    "project_name",
    "description",
    "sector_id",
    "stage",
    "legal_form",
    "target_date",
    "cohort_id",
    "coach_id",
];

/// The project as typed.
#[derive(Clone, Copy)]
pub struct ProjectDraft {
    pub project_name: RwSignal<String>,
    pub description: RwSignal<String>,
    pub sector: RwSignal<String>,
    pub stage: RwSignal<String>,
    pub legal_form: RwSignal<String>,
    pub target_date: RwSignal<String>,
    pub cohort: RwSignal<String>,
    pub coach: RwSignal<String>,
    /// Fields refused before sending (a date that is not one).
    pub local: RwSignal<Vec<&'static str>>,
}

impl ProjectDraft {
    /// A blank project (a new entrepreneur starts at the idea, the legal form to be chosen).
    pub fn new() -> Self {
        let text = |s: &str| RwSignal::new(s.to_string());
        ProjectDraft {
            project_name: text(""),
            description: text(""),
            sector: text(""),
            stage: text(ProjectStage::Idea.as_str()),
            legal_form: text(LegalForm::Undecided.as_str()),
            target_date: text(""),
            cohort: text(""),
            coach: text(""),
            local: RwSignal::new(Vec::new()),
        }
    }

    /// The entrepreneur's project as it is.
    pub fn of(e: &Entrepreneur) -> Self {
        let d = Self::new();
        let id = |v: Option<Uuid>| v.map(|u| u.to_string()).unwrap_or_default();
        d.project_name.set(e.project.name.clone());
        d.description
            .set(e.project.description.clone().unwrap_or_default());
        d.sector.set(id(e.project.sector_id));
        d.stage.set(e.project.stage.as_str().to_string());
        d.legal_form.set(e.project.legal_form.as_str().to_string());
        d.target_date.set(date_value(e.project.target_date));
        d.cohort.set(id(e.cohort_id));
        d.coach.set(id(e.coach_id));
        d
    }

    /// The request body, or the fields that cannot be sent as typed.
    pub fn input(&self) -> Result<EntrepreneurInput, Vec<&'static str>> {
        let typed = ProjectTyped {
            project_name: self.project_name.get_untracked(),
            description: self.description.get_untracked(),
            sector: self.sector.get_untracked(),
            stage: self.stage.get_untracked(),
            legal_form: self.legal_form.get_untracked(),
            target_date: self.target_date.get_untracked(),
            cohort: self.cohort.get_untracked(),
            coach: self.coach.get_untracked(),
        };
        typed.input()
    }
}

impl Default for ProjectDraft {
    fn default() -> Self {
        Self::new()
    }
}

/// The project's values as text (what the inputs hold).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectTyped {
    pub project_name: String,
    pub description: String,
    pub sector: String,
    pub stage: String,
    pub legal_form: String,
    pub target_date: String,
    pub cohort: String,
    pub coach: String,
}

impl ProjectTyped {
    pub fn input(&self) -> Result<EntrepreneurInput, Vec<&'static str>> {
        let mut bad = Vec::new();
        let stage = self.stage.parse::<ProjectStage>();
        if stage.is_err() {
            bad.push("stage");
        }
        let legal_form = self.legal_form.parse::<LegalForm>();
        if legal_form.is_err() {
            bad.push("legal_form");
        }
        let target_date = match self.target_date.trim() {
            "" => None,
            v => {
                let d = parse_date(v);
                if d.is_none() {
                    bad.push("target_date");
                }
                d
            }
        };
        let id = |s: &str| Uuid::parse_str(s.trim()).ok();
        match (stage, legal_form) {
            (Ok(stage), Ok(legal_form)) if bad.is_empty() => Ok(EntrepreneurInput {
                project_name: self.project_name.trim().to_string(),
                description: opt_text(&self.description),
                sector_id: id(&self.sector),
                stage,
                legal_form,
                target_date,
                cohort_id: id(&self.cohort),
                coach_id: id(&self.coach),
            }),
            _ => Err(bad),
        }
    }
}

/// A labelled select over choices known only at run time (cohorts, sectors, coaches).
#[component]
pub fn DynSelect(
    id: &'static str,
    #[prop(into)] label: Text,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] empty: Text,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<Text>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let (e1, h1) = (error_id.clone(), hint_id.clone());
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id>{move || i18n.t(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || i18n.t(h)}</p> })}
            <select
                id=id
                name=id
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || {
                    let ids: Vec<String> = [hint.map(|_| h1.clone()), error.with(Option::is_some).then(|| e1.clone())]
                        .into_iter()
                        .flatten()
                        .collect();
                    (!ids.is_empty()).then(|| ids.join(" "))
                }
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="" selected=move || value.with(String::is_empty)>{move || i18n.t(empty)}</option>
                {move || options.get().into_iter().map(|(v, name)| {
                    let v2 = v.clone();
                    view! { <option value=v selected=move || value.with(|cur| *cur == v2)>{name}</option> }
                }).collect_view()}
            </select>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
        </div>
    }
}

/// The project's fields. `prefix` is how the API names them in its errors; the cohort and
/// coach only for those who may choose them.
#[component]
pub fn ProjectFields(
    draft: ProjectDraft,
    errors: RwSignal<FormErrors>,
    prefix: &'static str,
    accompaniment: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let err = move |name: &'static str| {
        Signal::derive(move || {
            if draft.local.with(|l| l.contains(&name)) {
                Some(i18n.t(CommonKey::CheckValue).to_string())
            } else {
                errors.with(|e| e.field(&format!("{prefix}{name}")))
            }
        })
    };
    let sectors = LocalResource::new(move || async move {
        api.interlab_terms(TermKind::Sector)
            .await
            .unwrap_or_default()
    });
    let sector_options = Signal::derive(move || {
        let lang = i18n.lang.get();
        sorted_terms(sectors.get().unwrap_or_default(), lang)
            .iter()
            .map(|t| (t.id.to_string(), term_label(t, lang).to_string()))
            .collect::<Vec<_>>()
    });
    let stages: Vec<(&'static str, Text)> = ProjectStage::ALL
        .iter()
        .map(|&s| (s.as_str(), stage_key(s).into()))
        .collect();
    let forms: Vec<(&'static str, Text)> = LegalForm::ALL
        .iter()
        .map(|&f| (f.as_str(), legal_form_key(f).into()))
        .collect();
    view! {
        <TextField id="project_name" label=IlKey::ProjectName value=draft.project_name required=true error=err("project_name")/>
        <TextAreaField id="description" label=IlKey::Description hint=IlKey::DescriptionHint value=draft.description error=err("description")/>
        <div class="form-grid">
            <DynSelect id="sector_id" label=IlKey::Sector value=draft.sector options=sector_options empty=IlKey::NoSector error=err("sector_id")/>
            <SelectField id="stage" label=IlKey::Stage value=draft.stage options=stages error=err("stage")/>
            <SelectField id="legal_form" label=IlKey::LegalForm value=draft.legal_form options=forms error=err("legal_form")/>
            <TextField id="target_date" label=IlKey::TargetDate input_type="date" value=draft.target_date error=err("target_date")/>
        </div>
        {if accompaniment {
            view! { <Accompaniment draft=draft err=err/> }.into_any()
        } else {
            view! { <p class="hint">{move || i18n.t(IlKey::CoordinationChooses)}</p> }.into_any()
        }}
    }
}

#[component]
fn Accompaniment(
    draft: ProjectDraft,
    err: impl Fn(&'static str) -> Signal<Option<String>> + Copy + 'static,
) -> impl IntoView {
    let api = use_api();
    let cohorts =
        LocalResource::new(move || async move { api.interlab_cohorts().await.unwrap_or_default() });
    let coaches = LocalResource::new(move || async move { coach_choices(api).await });
    let cohort_options = Signal::derive(move || {
        cohorts
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|c| (c.id.to_string(), c.name))
            .collect::<Vec<_>>()
    });
    let coach_options = Signal::derive(move || {
        coaches
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|(id, name)| (id.to_string(), name))
            .collect::<Vec<_>>()
    });
    view! {
        <div class="form-grid">
            <DynSelect id="cohort_id" label=IlKey::Cohort value=draft.cohort options=cohort_options empty=IlKey::NoCohort error=err("cohort_id")/>
            <DynSelect id="coach_id" label=IlKey::Coach value=draft.coach options=coach_options empty=IlKey::NoCoach error=err("coach_id")/>
        </div>
    }
}

#[component]
pub fn EditProjectPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(IlKey::EditProjectTitle);
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let entrepreneur = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api.interlab_entrepreneur(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page narrow-form" aria-labelledby="page-title">
            {move || id.get().map(|id| view! {
                <p class="back"><a href=entrepreneur_path(id)>{move || i18n.t(IlKey::BackToEntrepreneur)}</a></p>
            })}
            {move || load_page(
                entrepreneur.get(),
                move || entrepreneur.refetch(),
                PageHeadings { failed: IlKey::EditProjectTitle.into(), not_found: Some(IlKey::EntrepreneurNotFound.into()) },
                |e| view! { <EditProject e=e/> }.into_any(),
            )}
        </section>
    }
}

#[component]
fn EditProject(e: Entrepreneur) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let navigate = use_navigate();
    let id = e.id;
    let draft = ProjectDraft::of(&e);
    let errors = RwSignal::new(FormErrors::default());
    let submit = use_submit(
        errors,
        &PROJECT_FIELDS,
        move |body: EntrepreneurInput| async move { api.update_entrepreneur(id, &body).await },
        move |_| navigate(&entrepreneur_path(id), NavigateOptions::default()),
    );
    let pending = submit.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.input() {
            Ok(body) => {
                draft.local.set(Vec::new());
                submit.dispatch(body);
            }
            Err(bad) => {
                draft.local.set(bad);
                crate::components::dom::focus_first_error();
            }
        }
    };
    view! {
        <h1 id="page-title">{move || i18n.t(IlKey::EditProjectTitle)}</h1>
        <p class="lead"><bdi>{e.project.name.clone()}</bdi> " · " <bdi>{e.display_name.clone()}</bdi></p>
        <InterlabTabs current=None/>
        <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
        <form class="form card il-form" on:submit=on_submit novalidate=true>
            <ProjectFields draft=draft errors=errors prefix="" accompaniment=manages()/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(IlKey::SaveProject) }}
                </button>
                <a class="button" href=entrepreneur_path(id)>{move || i18n.t(CommonKey::Cancel)}</a>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_project_becomes_the_request() {
        let typed = ProjectTyped {
            project_name: "  Saveurs d'Alep ".into(),
            description: " ".into(),
            sector: Uuid::from_u128(5).to_string(),
            stage: "preparing_launch".into(),
            legal_form: "srl".into(),
            target_date: "2027-04-01".into(),
            cohort: String::new(),
            coach: Uuid::from_u128(9).to_string(),
        };
        let input = typed.input().unwrap_or_else(|bad| panic!("{bad:?}"));
        assert_eq!(input.project_name, "Saveurs d'Alep");
        assert_eq!(input.description, None);
        assert_eq!(input.sector_id, Some(Uuid::from_u128(5)));
        assert_eq!(input.stage, ProjectStage::PreparingLaunch);
        assert_eq!(input.legal_form, LegalForm::Srl);
        assert_eq!(
            input.target_date,
            chrono::NaiveDate::from_ymd_opt(2027, 4, 1)
        );
        assert_eq!(input.cohort_id, None);
        assert_eq!(input.coach_id, Some(Uuid::from_u128(9)));
    }

    #[test]
    fn a_date_that_is_not_one_is_refused_before_sending() {
        let typed = ProjectTyped {
            stage: "idea".into(),
            legal_form: "undecided".into(),
            target_date: "demain".into(),
            ..ProjectTyped::default()
        };
        assert_eq!(typed.input(), Err(vec!["target_date"]));
        // An empty name goes to the API, which says it is required under the field.
        let ok = ProjectTyped {
            target_date: String::new(),
            ..typed
        };
        assert!(ok.input().is_ok());
    }
}
