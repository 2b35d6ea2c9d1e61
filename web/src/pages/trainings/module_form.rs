//! A module of the catalogue, new (`/trainings/modules/new`) or changed
//! (`/trainings/modules/{id}/edit`): multilingual title and description, objectives, hours,
//! audience, languages, prerequisites, group size, certificate and minimum attendance. The
//! API's field messages appear under their inputs.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use shared::activities::Multilingual;
use shared::trainings::{Audience, Module, ModuleInput};
use shared::Lang;
use uuid::Uuid;

use super::{audience_key, manages};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::focus_first_error;
use crate::components::form::{use_submit, ErrorAlert, SelectField, TextAreaField, TextField};
use crate::components::load::{load_page, PageHeadings};
use crate::components::Forbidden;
use crate::i18n::common::CommonKey;
use crate::i18n::trainings_staff::TsKey;
use crate::i18n::Text;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::duo::{format_number, parse_number};
use crate::pages::interlab::opt_text;
use crate::routes::{training_module_path, TRAININGS};

const TEXT_LANGS: [Lang; 4] = [Lang::Fr, Lang::En, Lang::Nl, Lang::Ar];

/// The module form's inputs, by the names the API uses for its field messages (an objective or
/// a language of the list is named by its place: `objectives.2`).
pub const MODULE_FIELDS: [&str; 38] = [
    "title.fr",
    "title.en",
    "title.nl",
    "title.ar",
    "description.fr",
    "description.en",
    "description.nl",
    "description.ar",
    "objectives",
    "objectives.0",
    "objectives.1",
    "objectives.2",
    "objectives.3",
    "objectives.4",
    "objectives.5",
    "objectives.6",
    "objectives.7",
    "objectives.8",
    "objectives.9",
    "objectives.10",
    "objectives.11",
    "hours",
    "audience",
    "languages",
    "languages.0",
    "languages.1",
    "languages.2",
    "languages.3",
    "languages.4",
    "languages.5",
    "languages.6",
    "languages.7",
    "prerequisites",
    "max_group_size",
    "certificate",
    "min_attendance_percent",
    "languages.8",
    "languages.9",
];

/// The objectives typed one per line: blank lines dropped.
pub fn objectives_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The languages typed as `fr, nl ar`: lower case, any of `,`, `;` or spaces between them.
pub fn languages_of(text: &str) -> Vec<String> {
    text.split([',', ';', ' ', '·'])
        .map(|l| l.trim().to_lowercase())
        .filter(|l| !l.is_empty())
        .collect()
}

/// What the module form holds while it is typed.
#[derive(Clone, Copy)]
pub struct ModuleDraft {
    pub titles: [RwSignal<String>; 4],
    pub descriptions: [RwSignal<String>; 4],
    pub objectives: RwSignal<String>,
    pub hours: RwSignal<String>,
    pub audience: RwSignal<String>,
    pub languages: RwSignal<String>,
    pub prerequisites: RwSignal<String>,
    pub max_group_size: RwSignal<String>,
    pub certificate: RwSignal<bool>,
    pub min_attendance: RwSignal<String>,
}

impl ModuleDraft {
    pub fn new(m: Option<&Module>) -> ModuleDraft {
        let text = |ml: Option<&Multilingual>, l: Lang| {
            RwSignal::new(
                ml.and_then(|ml| ml.get(l.code()).cloned())
                    .unwrap_or_default(),
            )
        };
        let title = m.map(|m| &m.title);
        let description = m.map(|m| &m.description);
        ModuleDraft {
            titles: TEXT_LANGS.map(|l| text(title, l)),
            descriptions: TEXT_LANGS.map(|l| text(description, l)),
            objectives: RwSignal::new(m.map(|m| m.objectives.join("\n")).unwrap_or_default()),
            hours: RwSignal::new(m.map(|m| format_number(m.hours)).unwrap_or_default()),
            audience: RwSignal::new(
                m.map(|m| m.audience.as_str().to_string())
                    .unwrap_or_default(),
            ),
            languages: RwSignal::new(
                m.map(|m| m.languages.join(", "))
                    .unwrap_or_else(|| "fr".to_string()),
            ),
            prerequisites: RwSignal::new(
                m.and_then(|m| m.prerequisites.clone()).unwrap_or_default(),
            ),
            max_group_size: RwSignal::new(
                m.and_then(|m| m.max_group_size)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ),
            certificate: RwSignal::new(m.is_none_or(|m| m.certificate)),
            min_attendance: RwSignal::new(
                m.map(|m| m.min_attendance_percent.to_string())
                    .unwrap_or_default(),
            ),
        }
    }

    /// The body to send, or the fields the browser already refuses (a number that is not
    /// one). Missing values are left to the API, which names them.
    pub fn input(&self) -> Result<ModuleInput, Vec<&'static str>> {
        let mut bad = Vec::new();
        let ml = |signals: &[RwSignal<String>; 4]| -> Multilingual {
            TEXT_LANGS
                .iter()
                .zip(signals.iter())
                .filter_map(|(l, s)| {
                    opt_text(&s.get_untracked()).map(|t| (l.code().to_string(), t))
                })
                .collect()
        };
        let hours_text = self.hours.get_untracked();
        let hours = if hours_text.trim().is_empty() {
            None
        } else {
            let h = parse_number(&hours_text);
            if h.is_none() {
                bad.push("hours");
            }
            h
        };
        let int = |field: &'static str, text: String, bad: &mut Vec<&'static str>| {
            if text.trim().is_empty() {
                None
            } else {
                let n = text.trim().parse::<i32>().ok();
                if n.is_none() {
                    bad.push(field);
                }
                n
            }
        };
        let max_group_size = int(
            "max_group_size",
            self.max_group_size.get_untracked(),
            &mut bad,
        );
        let min_attendance_percent = int(
            "min_attendance_percent",
            self.min_attendance.get_untracked(),
            &mut bad,
        );
        if !bad.is_empty() {
            return Err(bad);
        }
        Ok(ModuleInput {
            title: ml(&self.titles),
            description: ml(&self.descriptions),
            objectives: objectives_of(&self.objectives.get_untracked()),
            hours,
            audience: self.audience.get_untracked().parse::<Audience>().ok(),
            languages: languages_of(&self.languages.get_untracked()),
            prerequisites: opt_text(&self.prerequisites.get_untracked()),
            max_group_size,
            certificate: self.certificate.get_untracked(),
            min_attendance_percent,
        })
    }
}

/// The audiences as choices of a select.
fn audience_choices() -> Vec<(&'static str, Text)> {
    Audience::ALL
        .iter()
        .map(|a| (a.as_str(), audience_key(*a).into()))
        .collect()
}

/// The module's fields (inside the caller's `<form>`).
#[component]
pub fn ModuleFields(
    draft: ModuleDraft,
    errors: RwSignal<FormErrors>,
    local: RwSignal<Vec<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // A field's message: the browser's "check this value", or the API's for the field or any
    // item of its list (`objectives.3`).
    let err = move |name: &'static str| {
        Signal::derive(move || {
            if local.with(|l| l.contains(&name)) {
                return Some(i18n.t(CommonKey::CheckValue).to_string());
            }
            errors.with(|e| {
                let items = MODULE_FIELDS
                    .iter()
                    .filter(|f| {
                        **f == name
                            || (matches!(name, "objectives" | "languages")
                                && f.strip_prefix(name)
                                    .is_some_and(|rest| rest.starts_with('.')))
                    })
                    .filter_map(|f| e.field(f))
                    .collect::<Vec<_>>();
                (!items.is_empty()).then(|| items.join(" "))
            })
        })
    };
    let cert_err = err("certificate");
    let open_translations = TEXT_LANGS.iter().enumerate().skip(1).any(|(i, _)| {
        !draft.titles[i].get_untracked().is_empty()
            || !draft.descriptions[i].get_untracked().is_empty()
    });
    view! {
        <TextField id="title-fr" label=TsKey::TitleFr value=draft.titles[0] required=true autocomplete="off" error=err("title.fr")/>
        <TextAreaField id="description-fr" label=TsKey::DescriptionFr value=draft.descriptions[0] error=err("description.fr")/>
        <details class="translations" open=open_translations>
            <summary>{move || i18n.t(TsKey::Translations)}</summary>
            {[(1, "en", TsKey::TitleEn, TsKey::DescriptionEn), (2, "nl", TsKey::TitleNl, TsKey::DescriptionNl), (3, "ar", TsKey::TitleAr, TsKey::DescriptionAr)]
                .into_iter()
                .map(|(i, code, t, d)| {
                    let (title_id, desc_id, title_field, desc_field) = match code {
                        "en" => ("title-en", "description-en", "title.en", "description.en"),
                        "nl" => ("title-nl", "description-nl", "title.nl", "description.nl"),
                        _ => ("title-ar", "description-ar", "title.ar", "description.ar"),
                    };
                    view! {
                        <div class="translation" lang=code dir=if code == "ar" { "rtl" } else { "ltr" }>
                            <TextField id=title_id label=t value=draft.titles[i] autocomplete="off" error=err(title_field)/>
                            <TextAreaField id=desc_id label=d value=draft.descriptions[i] error=err(desc_field)/>
                        </div>
                    }
                })
                .collect_view()}
        </details>
        <TextAreaField id="objectives" label=TsKey::Objectives hint=TsKey::ObjectivesHint value=draft.objectives rows=4 error=err("objectives")/>
        <div class="field-row">
            <TextField id="hours" label=TsKey::HoursField hint=TsKey::HoursHint value=draft.hours input_type="text" required=true autocomplete="off" error=err("hours")/>
            <SelectField id="audience" label=TsKey::AudienceField value=draft.audience options=audience_choices() empty=TsKey::ChooseAudience required=true error=err("audience")/>
        </div>
        <TextField id="languages" label=TsKey::LanguagesField hint=TsKey::LanguagesHint value=draft.languages autocomplete="off" error=err("languages")/>
        <TextAreaField id="prerequisites" label=TsKey::Prerequisites value=draft.prerequisites rows=2 error=err("prerequisites")/>
        <div class="field-row">
            <TextField id="max_group_size" label=TsKey::MaxGroup hint=TsKey::MaxGroupHint input_type="number" value=draft.max_group_size error=err("max_group_size")/>
            <TextField id="min_attendance_percent" label=TsKey::MinAttendance hint=TsKey::MinAttendanceHint input_type="number" value=draft.min_attendance error=err("min_attendance_percent")/>
        </div>
        <div class="field">
            <label class="check" for="certificate">
                <input
                    type="checkbox"
                    id="certificate"
                    prop:checked=move || draft.certificate.get()
                    on:change=move |ev| draft.certificate.set(event_target_checked(&ev))
                />
                <span>{move || i18n.t(TsKey::CertificateField)}</span>
            </label>
            {move || cert_err.get().map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
    }
}

/// The form of a new module; saved, it opens the module's page.
#[component]
pub fn NewModulePage() -> impl IntoView {
    if !manages() {
        return view! { <Forbidden/> }.into_any();
    }
    let i18n = use_i18n();
    use_page_title(TsKey::NewModule);
    view! {
        <section class="page training-form-page" aria-labelledby="page-title">
            <p class="back"><a href=TRAININGS>{move || i18n.t(TsKey::BackToCatalogue)}</a></p>
            <h1 id="page-title">{move || i18n.t(TsKey::NewModule)}</h1>
            <ModuleForm module=None/>
        </section>
    }
    .into_any()
}

/// The form of a module already in the catalogue.
#[component]
pub fn EditModulePage() -> impl IntoView {
    if !manages() {
        return view! { <Forbidden/> }.into_any();
    }
    let i18n = use_i18n();
    use_page_title(TsKey::EditModuleTitle);
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let module = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api.training_module(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page training-form-page" aria-labelledby="page-title">
            <p class="back"><a href=TRAININGS>{move || i18n.t(TsKey::BackToCatalogue)}</a></p>
            {move || load_page(
                module.get(),
                move || module.refetch(),
                PageHeadings { failed: TsKey::ModuleLoadFailed.into(), not_found: Some(TsKey::ModuleNotFound.into()) },
                |m| view! {
                    <h1 id="page-title">{move || i18n.t(TsKey::EditModuleTitle)}</h1>
                    <ModuleForm module=Some(m)/>
                }.into_any(),
            )}
        </section>
    }
    .into_any()
}

#[component]
fn ModuleForm(module: Option<Module>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let navigate = use_navigate();
    let draft = ModuleDraft::new(module.as_ref());
    let editing = module.as_ref().map(|m| m.id);
    let errors = RwSignal::new(FormErrors::default());
    let local = RwSignal::new(Vec::<&'static str>::new());
    let go = use_submit(
        errors,
        &MODULE_FIELDS,
        move |body: ModuleInput| async move {
            match editing {
                Some(id) => api.update_training_module(id, &body).await,
                None => api.create_training_module(&body).await,
            }
        },
        move |m: Module| navigate(&training_module_path(m.id), NavigateOptions::default()),
    );
    let pending = go.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.input() {
            Ok(body) => {
                local.set(Vec::new());
                go.dispatch(body);
            }
            Err(bad) => {
                local.set(bad);
                focus_first_error();
            }
        }
    };
    view! {
        <form class="form card module-form" on:submit=on_submit novalidate=true>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <ModuleFields draft=draft errors=errors local=local/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || i18n.t(TsKey::SaveModule)}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_read_from_what_was_typed() {
        assert_eq!(
            objectives_of("  Écouter \n\n Reformuler\n"),
            ["Écouter", "Reformuler"]
        );
        assert_eq!(languages_of("FR, nl ;ar"), ["fr", "nl", "ar"]);
        assert!(languages_of(" , ").is_empty());
    }

    #[test]
    fn every_module_field_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for f in MODULE_FIELDS {
            assert!(seen.insert(f), "{f}");
        }
        for f in [
            "title.fr",
            "hours",
            "audience",
            "min_attendance_percent",
            "objectives.11",
        ] {
            assert!(MODULE_FIELDS.contains(&f), "{f}");
        }
    }
}
