//! One of InterLab's vocabularies (sectors, strengths): its terms with their four labels, a form
//! to add one and each term's form to change its identifier or labels.

use super::{term_input, term_name, terms_for_reader, Editing};
use crate::api::{use_api, FormErrors};
use crate::components::dom::focus_id_later;
use crate::components::form::{use_submit, ErrorAlert, TextField};
use crate::components::load::load_state;
use crate::i18n::common::CommonKey;
use crate::i18n::interlab::IlKey;
use crate::locale::use_i18n;
use leptos::prelude::*;
use shared::interlab::{Term, TermInput, TermKind};

pub const TERM_FIELDS: [&str; 5] = ["slug", "label_fr", "label_en", "label_nl", "label_ar"];

fn titles(kind: TermKind) -> (IlKey, IlKey) {
    match kind {
        TermKind::Sector => (IlKey::SectorsTitle, IlKey::NewSector),
        TermKind::Strength => (IlKey::StrengthsTitle, IlKey::NewStrength),
    }
}

#[component]
pub(super) fn Vocabulary(
    kind: TermKind,
    editing: RwSignal<Option<Editing>>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let terms = LocalResource::new(move || async move { api.interlab_terms(kind).await });
    let saved = Callback::new(move |msg: String| {
        status.set(Some(msg));
        editing.set(None);
        terms.refetch();
    });
    let (title, new_label) = titles(kind);
    let heading_id = format!("vocabulary-{}", kind.as_str());
    let labelled_by = heading_id.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <div class="section-head">
                <h2 id=heading_id>{move || i18n.t(title)}</h2>
                <button type="button" class="button"
                    aria-expanded=move || if editing.get() == Some(Editing::NewTerm(kind)) { "true" } else { "false" }
                    on:click=move |_| { status.set(None); editing.set(Some(Editing::NewTerm(kind))); focus_id_later("term-slug"); }>
                    {move || i18n.t(new_label)}
                </button>
            </div>
            <Show when=move || editing.get() == Some(Editing::NewTerm(kind))>
                <TermForm kind=kind initial=None saved=saved cancel=Callback::new(move |_| editing.set(None))/>
            </Show>
            {move || load_state(terms.get(), move || terms.refetch(), |list| {
                let lang = i18n.lang.get();
                let items = terms_for_reader(list, lang).into_iter().map(|t| view! {
                    <TermItem kind=kind t=t editing=editing saved=saved status=status/>
                }).collect_view();
                view! { <ul class="tag-admin-list">{items}</ul> }.into_any()
            })}
        </section>
    }
}

#[component]
fn TermItem(
    kind: TermKind,
    t: Term,
    editing: RwSignal<Option<Editing>>,
    saved: Callback<String>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = t.id;
    let stored = StoredValue::new(t.clone());
    let name = move || stored.with_value(|t| term_name(t, i18n.lang.get()));
    let langs = [
        ("fr", "FR", t.label_fr.clone()),
        ("en", "EN", t.label_en.clone()),
        ("nl", "NL", t.label_nl.clone()),
        ("ar", "AR", t.label_ar.clone()),
    ]
    .into_iter()
    .map(|(code, short, label)| view! { <li><abbr>{short}</abbr> " " <span lang=code>{label}</span></li> })
    .collect_view();
    view! {
        <li class="tag-admin">
            <div class="tag-admin-head">
                <h3 class="tag-name">{name}</h3>
                <code class="small">{t.slug.clone()}</code>
                <button type="button" class="button small-button"
                    aria-label=move || i18n.tf(IlKey::EditNamed, &[("name", &name())])
                    aria-expanded=move || if editing.get() == Some(Editing::Term(id)) { "true" } else { "false" }
                    on:click=move |_| { status.set(None); editing.set(Some(Editing::Term(id))); focus_id_later("term-slug"); }>
                    {move || i18n.t(IlKey::Edit)}
                </button>
            </div>
            <ul class="tag-langs">{langs}</ul>
            <Show when=move || editing.get() == Some(Editing::Term(id))>
                <TermForm kind=kind initial=Some(stored.get_value()) saved=saved cancel=Callback::new(move |_| editing.set(None))/>
            </Show>
        </li>
    }
}

#[component]
fn TermForm(
    kind: TermKind,
    initial: Option<Term>,
    saved: Callback<String>,
    cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let existing = initial.as_ref().map(|t| t.id);
    let text = |f: fn(&Term) -> &str| {
        RwSignal::new(
            initial
                .as_ref()
                .map(|t| f(t).to_string())
                .unwrap_or_default(),
        )
    };
    let slug = text(|t| &t.slug);
    let fr = text(|t| &t.label_fr);
    let en = text(|t| &t.label_en);
    let nl = text(|t| &t.label_nl);
    let ar = text(|t| &t.label_ar);
    let errors = RwSignal::new(FormErrors::default());
    let submit = use_submit(
        errors,
        &TERM_FIELDS,
        move |body: TermInput| async move {
            match existing {
                Some(id) => api.update_term(kind, id, &body).await,
                None => api.create_term(kind, &body).await,
            }
        },
        move |t: Term| {
            saved.run(i18n.tf(
                IlKey::TermSaved,
                &[("name", &term_name(&t, i18n.lang.get_untracked()))],
            ))
        },
    );
    let pending = submit.pending();
    let err = move |n: &'static str| Signal::derive(move || errors.with(|e| e.field(n)));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit.dispatch(term_input(
            &slug.get_untracked(),
            [
                &fr.get_untracked(),
                &en.get_untracked(),
                &nl.get_untracked(),
                &ar.get_untracked(),
            ],
        ));
    };
    view! {
        <form class="form tag-panel il-form" on:submit=on_submit novalidate=true>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <TextField id="term-slug" label=IlKey::Slug hint=IlKey::SlugHint value=slug required=true error=err("slug")/>
            <div class="form-grid">
                <TextField id="label_fr" label=IlKey::LabelFr value=fr required=true error=err("label_fr")/>
                <TextField id="label_en" label=IlKey::LabelEn value=en required=true error=err("label_en")/>
                <TextField id="label_nl" label=IlKey::LabelNl value=nl required=true error=err("label_nl")/>
                <TextField id="label_ar" label=IlKey::LabelAr value=ar required=true error=err("label_ar")/>
            </div>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>{move || i18n.t(IlKey::SaveTerm)}</button>
                <button type="button" class="button" on:click=move |_| cancel.run(())>{move || i18n.t(CommonKey::Cancel)}</button>
            </div>
        </form>
    }
}
