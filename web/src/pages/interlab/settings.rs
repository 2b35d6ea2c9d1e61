//! The path templates (milestones suggested for each need domain: title, description, usual
//! duration, resources and partners; administrators edit them) and the two vocabularies —
//! projects' sectors and the strengths a diagnostic starts from — with their labels in the four
//! languages (coordinators and administrators edit them).

use leptos::prelude::*;
use shared::interlab::{NeedDomain, Template, TemplateInput, Term, TermInput, TermKind};
use uuid::Uuid;

use super::{current_role, manages, sorted_terms, term_label, InterlabTabs, Tab};
use crate::api::{use_api, FormErrors};
use crate::components::dom::{focus_first_error, focus_id_later};
use crate::components::form::{use_submit, ErrorAlert, SelectField, TextAreaField, TextField};
use crate::components::load::load_state;
use crate::components::{Forbidden, StatusMessage};
use crate::i18n::common::CommonKey;
use crate::i18n::interlab::{domain_key, IlKey};
use crate::i18n::Text;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::edits_templates;

mod terms;

use terms::Vocabulary;

pub const TEMPLATE_FIELDS: [&str; 6] = [
    "domain",
    "position",
    "title",
    "description",
    "typical_days",
    "resources",
];

/// Which form is open: one at a time, so that the inputs' ids stay unique.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editing {
    NewTemplate,
    Template(Uuid),
    NewTerm(TermKind),
    Term(Uuid),
}

/// The templates of each domain that has some, in the domains' order and by position.
pub fn by_domain(templates: &[Template]) -> Vec<(NeedDomain, Vec<Template>)> {
    NeedDomain::ALL
        .iter()
        .filter_map(|&d| {
            let mut list: Vec<Template> = templates
                .iter()
                .filter(|t| t.domain == d)
                .cloned()
                .collect();
            list.sort_by_key(|t| (t.position, t.title.clone()));
            (!list.is_empty()).then_some((d, list))
        })
        .collect()
}

/// A template's values as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateTyped {
    pub domain: String,
    pub position: String,
    pub title: String,
    pub description: String,
    pub typical_days: String,
    pub resources: String,
}

impl TemplateTyped {
    pub fn of(t: Option<&Template>) -> Self {
        match t {
            None => TemplateTyped {
                domain: NeedDomain::Administration.as_str().into(),
                position: "0".into(),
                typical_days: "14".into(),
                ..TemplateTyped::default()
            },
            Some(t) => TemplateTyped {
                domain: t.domain.as_str().into(),
                position: t.position.to_string(),
                title: t.title.clone(),
                description: t.description.clone().unwrap_or_default(),
                typical_days: t.typical_days.to_string(),
                resources: t.resources.clone().unwrap_or_default(),
            },
        }
    }

    pub fn input(&self) -> Result<TemplateInput, Vec<&'static str>> {
        let mut bad = Vec::new();
        let domain = self.domain.parse::<NeedDomain>();
        if domain.is_err() {
            bad.push("domain");
        }
        let position = match self.position.trim() {
            "" => Ok(0),
            v => v.parse::<i32>(),
        };
        if position.is_err() {
            bad.push("position");
        }
        let days = self.typical_days.trim().parse::<i32>();
        if days.is_err() {
            bad.push("typical_days");
        }
        match (domain, position, days) {
            (Ok(domain), Ok(position), Ok(typical_days)) => Ok(TemplateInput {
                domain,
                position,
                title: self.title.trim().to_string(),
                description: super::opt_text(&self.description),
                typical_days,
                resources: super::opt_text(&self.resources),
            }),
            _ => Err(bad),
        }
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let allowed = current_role().is_some_and(|r| manages() || edits_templates(r));
    if allowed {
        view! { <Settings/> }.into_any()
    } else {
        view! { <Forbidden/> }.into_any()
    }
}

#[component]
fn Settings() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(IlKey::SettingsTitle);
    let api = use_api();
    let status = RwSignal::new(None::<String>);
    let editing = RwSignal::new(None::<Editing>);
    let templates = LocalResource::new(move || async move { api.interlab_templates().await });
    let edits = current_role().is_some_and(edits_templates);
    let saved = Callback::new(move |msg: String| {
        status.set(Some(msg));
        editing.set(None);
        templates.refetch();
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(IlKey::SettingsTitle)}</h1>
            <p class="lead">{move || i18n.t(IlKey::SettingsIntro)}</p>
            <InterlabTabs current=Some(Tab::Settings)/>
            <StatusMessage message=status/>
            <section class="card" aria-labelledby="templates-title">
                <div class="section-head">
                    <h2 id="templates-title">{move || i18n.t(IlKey::TemplatesTitle)}</h2>
                    {edits.then(|| view! {
                        <button type="button" class="button"
                            aria-expanded=move || if editing.get() == Some(Editing::NewTemplate) { "true" } else { "false" }
                            on:click=move |_| { status.set(None); editing.set(Some(Editing::NewTemplate)); focus_id_later("template-title"); }>
                            {move || i18n.t(IlKey::NewTemplate)}
                        </button>
                    })}
                </div>
                {(!edits).then(|| view! { <p class="hint">{move || i18n.t(IlKey::TemplatesReadOnly)}</p> })}
                <Show when=move || editing.get() == Some(Editing::NewTemplate)>
                    <TemplateForm initial=None saved=saved cancel=Callback::new(move |_| editing.set(None))/>
                </Show>
                {move || load_state(templates.get(), move || templates.refetch(), |list| {
                    let groups = by_domain(&list);
                    if groups.is_empty() {
                        return view! { <p class="muted">{move || i18n.t(IlKey::NoTemplates)}</p> }.into_any();
                    }
                    groups.into_iter().map(|(d, list)| {
                        let heading_id = format!("templates-{}", d.as_str());
                        let labelled_by = heading_id.clone();
                        let items = list.into_iter().map(|t| view! {
                            <TemplateItem t=t edits=edits editing=editing saved=saved status=status/>
                        }).collect_view();
                        view! {
                            <section class="template-group" aria-labelledby=labelled_by>
                                <h3 id=heading_id>{move || i18n.t(domain_key(d))}</h3>
                                <ul class="tag-admin-list">{items}</ul>
                            </section>
                        }
                    }).collect_view().into_any()
                })}
            </section>
            {manages().then(|| view! {
                <Vocabulary kind=TermKind::Sector editing=editing status=status/>
                <Vocabulary kind=TermKind::Strength editing=editing status=status/>
            })}
        </section>
    }
}

#[component]
fn TemplateItem(
    t: Template,
    edits: bool,
    editing: RwSignal<Option<Editing>>,
    saved: Callback<String>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = t.id;
    let days = t.typical_days;
    let title = t.title.clone();
    let stored = StoredValue::new(t.clone());
    view! {
        <li class="tag-admin">
            <div class="tag-admin-head">
                <h4 class="tag-name">{t.title.clone()}</h4>
                <span class="chip">{move || i18n.tf(IlKey::TypicalDays, &[("days", &days.to_string())])}</span>
                {edits.then(|| view! {
                    <button type="button" class="button small-button"
                        aria-label=move || i18n.tf(IlKey::EditNamed, &[("name", &title)])
                        aria-expanded=move || if editing.get() == Some(Editing::Template(id)) { "true" } else { "false" }
                        on:click=move |_| { status.set(None); editing.set(Some(Editing::Template(id))); focus_id_later("template-title"); }>
                        {move || i18n.t(IlKey::Edit)}
                    </button>
                })}
            </div>
            {t.description.clone().map(|d| view! { <p class="small prewrap">{d}</p> })}
            {t.resources.clone().map(|r| view! { <p class="small muted prewrap">{r}</p> })}
            <Show when=move || editing.get() == Some(Editing::Template(id))>
                <TemplateForm initial=Some(stored.get_value()) saved=saved cancel=Callback::new(move |_| editing.set(None))/>
            </Show>
        </li>
    }
}

#[component]
fn TemplateForm(
    initial: Option<Template>,
    saved: Callback<String>,
    cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let existing = initial.as_ref().map(|t| t.id);
    let typed = TemplateTyped::of(initial.as_ref());
    let text = |s: &str| RwSignal::new(s.to_string());
    let (domain, position, title, description, days, resources) = (
        text(&typed.domain),
        text(&typed.position),
        text(&typed.title),
        text(&typed.description),
        text(&typed.typical_days),
        text(&typed.resources),
    );
    let errors = RwSignal::new(FormErrors::default());
    let local = RwSignal::new(Vec::<&'static str>::new());
    let submit = use_submit(
        errors,
        &TEMPLATE_FIELDS,
        move |body: TemplateInput| async move {
            match existing {
                Some(id) => api.update_template(id, &body).await,
                None => api.create_template(&body).await,
            }
        },
        move |t: Template| saved.run(i18n.tf(IlKey::TemplateSaved, &[("name", &t.title)])),
    );
    let pending = submit.pending();
    let field = move |n: &'static str| {
        Signal::derive(move || {
            if local.with(|l| l.contains(&n)) {
                Some(i18n.t(CommonKey::CheckValue).to_string())
            } else {
                errors.with(|e| e.field(n))
            }
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = TemplateTyped {
            domain: domain.get_untracked(),
            position: position.get_untracked(),
            title: title.get_untracked(),
            description: description.get_untracked(),
            typical_days: days.get_untracked(),
            resources: resources.get_untracked(),
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
    let domains: Vec<(&'static str, Text)> = NeedDomain::ALL
        .iter()
        .map(|&d| (d.as_str(), domain_key(d).into()))
        .collect();
    view! {
        <form class="form tag-panel il-form" on:submit=on_submit novalidate=true>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <TextField id="template-title" label=IlKey::MilestoneTitle value=title required=true error=field("title")/>
            <div class="form-grid">
                <SelectField id="template-domain" label=IlKey::Domain value=domain options=domains error=field("domain")/>
                <TextField id="template-days" label=IlKey::TypicalDaysLabel input_type="number" value=days required=true error=field("typical_days")/>
                <TextField id="template-position" label=IlKey::Position input_type="number" value=position error=field("position")/>
            </div>
            <TextAreaField id="template-description" label=IlKey::Description value=description rows=2 error=field("description")/>
            <TextAreaField id="template-resources" label=IlKey::Resources value=resources rows=2 error=field("resources")/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>{move || i18n.t(IlKey::SaveTemplate)}</button>
                <button type="button" class="button" on:click=move |_| cancel.run(())>{move || i18n.t(CommonKey::Cancel)}</button>
            </div>
        </form>
    }
}

/// The label of a term in the reader's language, falling back on its identifier.
pub fn term_name(t: &Term, lang: shared::Lang) -> String {
    let label = term_label(t, lang);
    if label.trim().is_empty() {
        t.slug.clone()
    } else {
        label.to_string()
    }
}

/// The terms sorted for the reader.
pub fn terms_for_reader(terms: Vec<Term>, lang: shared::Lang) -> Vec<Term> {
    sorted_terms(terms, lang)
}

/// A term's labels as typed.
pub fn term_input(slug: &str, labels: [&str; 4]) -> TermInput {
    TermInput {
        slug: slug.trim().to_string(),
        label_fr: labels[0].trim().to_string(),
        label_en: labels[1].trim().to_string(),
        label_nl: labels[2].trim().to_string(),
        label_ar: labels[3].trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_group_by_domain_in_order() {
        let t = |d: NeedDomain, p: i32, title: &str| Template {
            id: Uuid::nil(),
            domain: d,
            position: p,
            title: title.into(),
            description: None,
            typical_days: 7,
            resources: None,
        };
        let groups = by_domain(&[
            t(NeedDomain::Financing, 1, "Microcrédit"),
            t(NeedDomain::Administration, 2, "TVA"),
            t(NeedDomain::Administration, 1, "BCE"),
        ]);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].0, NeedDomain::Administration);
        assert_eq!(groups[0].1[0].title, "BCE");
    }

    #[test]
    fn a_typed_template_is_checked_before_sending() {
        let mut typed = TemplateTyped {
            title: " Ouvrir un compte ".into(),
            ..TemplateTyped::of(None)
        };
        let body = typed.input().unwrap_or_else(|bad| panic!("{bad:?}"));
        assert_eq!(
            (body.title.as_str(), body.typical_days, body.position),
            ("Ouvrir un compte", 14, 0)
        );
        typed.typical_days = "deux".into();
        assert_eq!(typed.input(), Err(vec!["typical_days"]));
        let input = term_input(" food ", [" Alimentation", "Food", "Voeding", "تغذية "]);
        assert_eq!(
            (input.slug.as_str(), input.label_ar.as_str()),
            ("food", "تغذية")
        );
    }
}
