//! The vocabulary of interests, for coordinators and admins: the tags by category with their
//! labels in the four languages and how many people carry each; search, add, rename (labels,
//! identifier, category) and merge one tag into another (every use re-pointed, confirmed).

use std::collections::BTreeMap;

use leptos::html;
use leptos::prelude::*;
use shared::tags::{Tag, TagInput};
use shared::Lang;
use uuid::Uuid;

use crate::api::{use_api, FormErrors};
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::load::load_error;
use crate::components::{Forbidden, Loading, StatusMessage};
use crate::i18n::common::CommonKey;
use crate::i18n::people::PeopleKey;
use crate::i18n::people_admin::PaKey;
use crate::i18n::{tag_label, Text};
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{manages_tags, PEOPLE};

/// The inputs of the tag form, as the API names them.
pub const TAG_FIELDS: [&str; 6] = [
    "slug", "category", "label_fr", "label_en", "label_nl", "label_ar",
];

/// The label of a category of the seeded vocabulary; `None` for one added since (shown as is).
pub fn category_key(slug: &str) -> Option<PaKey> {
    Some(match slug {
        "arts" => PaKey::CatArts,
        "crafts" => PaKey::CatCrafts,
        "culture" => PaKey::CatCulture,
        "food" => PaKey::CatFood,
        "languages" => PaKey::CatLanguages,
        "music-dance" => PaKey::CatMusicDance,
        "nature" => PaKey::CatNature,
        "social" => PaKey::CatSocial,
        "sport" => PaKey::CatSport,
        "tech" => PaKey::CatTech,
        "work" => PaKey::CatWork,
        _ => return None,
    })
}

/// A category's name in `lang`.
pub fn category_name(slug: &str, lang: Lang) -> String {
    match category_key(slug) {
        Some(k) => crate::i18n::t(lang, k).to_string(),
        None => slug.to_string(),
    }
}

/// Lower case without the accents of the interface's Latin-script languages, so that `cafe`
/// finds `Café` and `OEUVRE` finds `œuvre`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            other => out.push(other),
        }
    }
    out
}

/// Whether `tag` matches the search `query` (any of its labels, identifier or category name).
pub fn matches(tag: &Tag, query: &str, lang: Lang) -> bool {
    let q = fold(query.trim());
    if q.is_empty() {
        return true;
    }
    [
        tag.slug.as_str(),
        tag.label_fr.as_str(),
        tag.label_en.as_str(),
        tag.label_nl.as_str(),
        tag.label_ar.as_str(),
    ]
    .iter()
    .any(|s| fold(s).contains(&q))
        || fold(&category_name(&tag.category, lang)).contains(&q)
}

/// The tags matching `query`, by category (sorted by the category's name in `lang`), each
/// category's tags sorted by their label in `lang`.
pub fn group_by_category(tags: &[Tag], query: &str, lang: Lang) -> Vec<(String, Vec<Tag>)> {
    let mut groups: BTreeMap<String, Vec<Tag>> = BTreeMap::new();
    for t in tags.iter().filter(|t| matches(t, query, lang)) {
        groups
            .entry(t.category.clone())
            .or_default()
            .push(t.clone());
    }
    let mut out: Vec<(String, Vec<Tag>)> = groups.into_iter().collect();
    out.sort_by_key(|(slug, _)| fold(&category_name(slug, lang)));
    for (_, list) in &mut out {
        list.sort_by_key(|t| fold(tag_label(t, lang)));
    }
    out
}

/// The distinct categories in use, sorted.
pub fn categories(tags: &[Tag]) -> Vec<String> {
    let mut c: Vec<String> = tags.iter().map(|t| t.category.clone()).collect();
    c.sort();
    c.dedup();
    c
}

#[component]
pub fn TagsPage() -> impl IntoView {
    let api = use_api();
    let allowed = api.session.user().is_some_and(|u| manages_tags(u.role));
    if allowed {
        view! { <Vocabulary/> }.into_any()
    } else {
        view! { <Forbidden/> }.into_any()
    }
}

#[component]
fn Vocabulary() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(PaKey::TagsTitle);
    let api = use_api();
    let version = RwSignal::new(0u32);
    let tags = LocalResource::new(move || {
        version.get();
        async move { api.list_tags().await }
    });
    let status = RwSignal::new(None::<String>);
    let query = RwSignal::new(String::new());
    // One panel open at a time: renaming or merging a tag.
    let editing = RwSignal::new(None::<Uuid>);
    let merging = RwSignal::new(None::<Uuid>);
    let changed = Callback::new(move |msg: String| {
        status.set(Some(msg));
        editing.set(None);
        merging.set(None);
        version.update(|v| *v += 1);
    });
    let all = Signal::derive(move || tags.get().and_then(Result::ok).unwrap_or_default());

    view! {
        <section class="page tags-page" aria-labelledby="page-title">
            <p class="back"><a href=PEOPLE>{move || i18n.t(PeopleKey::BackToPeople)}</a></p>
            <h1 id="page-title">{move || i18n.t(PaKey::TagsTitle)}</h1>
            <p class="lead">{move || i18n.t(PaKey::TagsIntro)}</p>
            <StatusMessage message=status/>
            <datalist id="tag-categories">
                {move || {
                    categories(&all.get())
                        .into_iter()
                        .map(|c| view! { <option value=c.clone()>{category_name(&c, i18n.lang.get())}</option> })
                        .collect_view()
                }}
            </datalist>
            <details class="card new-tag">
                <summary>{move || i18n.t(PaKey::NewTag)}</summary>
                <TagForm prefix="new-tag" initial=None on_saved=changed on_cancel=None/>
            </details>
            <div class="card tag-search" role="search">
                <div class="field">
                    <label for="tag-filter">{move || i18n.t(PaKey::TagSearchLabel)}</label>
                    <input id="tag-filter" type="search" autocomplete="off" bind:value=query/>
                </div>
            </div>
            {move || match tags.get() {
                None => view! { <Loading/> }.into_any(),                Some(Err(err)) => load_error(&err, move || tags.refetch()),
                Some(Ok(list)) => {
                    let lang = i18n.lang.get();
                    let groups = group_by_category(&list, &query.get(), lang);
                    let shown: usize = groups.iter().map(|(_, g)| g.len()).sum();
                    if groups.is_empty() {
                        return view! { <p class="empty card" role="status">{move || i18n.t(PaKey::NoTagsMatch)}</p> }.into_any();
                    }
                    let sections = groups
                        .into_iter()
                        .map(|(slug, group)| {
                            let heading_id = format!("cat-{slug}");
                            let labelled_by = heading_id.clone();
                            let name = category_name(&slug, lang);
                            let items = group
                                .into_iter()
                                .map(|t| view! { <TagItem tag=t all=all editing=editing merging=merging changed=changed/> })
                                .collect_view();
                            view! {
                                <section class="card tag-group" aria-labelledby=labelled_by>
                                    <h2 id=heading_id>{name}</h2>
                                    <ul class="tag-admin-list">{items}</ul>
                                </section>
                            }
                        })
                        .collect_view();
                    view! {
                        <p class="count" role="status">{move || i18n.tf(PaKey::TagCount, &[("count", &shown.to_string())])}</p>
                        {sections}
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn TagItem(
    tag: Tag,
    all: Signal<Vec<Tag>>,
    editing: RwSignal<Option<Uuid>>,
    merging: RwSignal<Option<Uuid>>,
    changed: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = tag.id;
    let usage = tag.usage;
    let t = StoredValue::new(tag.clone());
    let label = move || tag_label(&t.read_value(), i18n.lang.get()).to_string();
    let langs = [
        (Lang::Fr, tag.label_fr.clone()),
        (Lang::En, tag.label_en.clone()),
        (Lang::Nl, tag.label_nl.clone()),
        (Lang::Ar, tag.label_ar.clone()),
    ]
    .into_iter()
    .map(|(l, text)| {
        view! {
            <li>
                <abbr class="lang-code" title=l.native_name() lang=l.code()>{l.code().to_uppercase()}</abbr>
                " "
                <span lang=l.code() dir=l.dir()>{text}</span>
            </li>
        }
    })
    .collect_view();
    view! {
        <li class="tag-admin" class:open=move || editing.get() == Some(id) || merging.get() == Some(id)>
            <div class="tag-admin-head">
                <h3 class="tag-name"><bdi>{label}</bdi></h3>
                <span class="muted small"><code>{tag.slug.clone()}</code></span>
                <span class="badge badge-category">{move || i18n.tf(PaKey::TagUsage, &[("count", &usage.to_string())])}</span>
            </div>
            <ul class="tag-langs">{langs}</ul>
            <div class="actions">
                <button
                    type="button"
                    class="button small-button"
                    aria-expanded=move || if editing.get() == Some(id) { "true" } else { "false" }
                    aria-label=move || i18n.tf(PaKey::RenameNamed, &[("name", &label())])
                    on:click=move |_| {
                        merging.set(None);
                        editing.update(|e| *e = if *e == Some(id) { None } else { Some(id) });
                    }
                >
                    {move || i18n.t(PaKey::Rename)}
                </button>
                <button
                    type="button"
                    class="button small-button"
                    aria-expanded=move || if merging.get() == Some(id) { "true" } else { "false" }
                    aria-label=move || i18n.tf(PaKey::MergeNamed, &[("name", &label())])
                    on:click=move |_| {
                        editing.set(None);
                        merging.update(|m| *m = if *m == Some(id) { None } else { Some(id) });
                    }
                >
                    {move || i18n.t(PaKey::Merge)}
                </button>
            </div>
            <Show when=move || editing.get() == Some(id)>
                <div class="tag-panel">
                    <h4>{move || i18n.tf(PaKey::RenameTitle, &[("name", &label())])}</h4>
                    <TagForm
                        prefix="edit-tag"
                        initial=Some(t.get_value())
                        on_saved=changed
                        on_cancel=Some(Callback::new(move |_: ()| editing.set(None)))
                    />
                </div>
            </Show>
            <Show when=move || merging.get() == Some(id)>
                <MergePanel source=t.get_value() all=all on_merged=changed on_cancel=Callback::new(move |_: ()| merging.set(None))/>
            </Show>
        </li>
    }
}

/// A labelled input with its hint and the server's message (ids built at run time, unlike
/// [`crate::components::TextField`]).
#[component]
fn TagField(
    id: String,
    #[prop(into)] label: Text,
    value: RwSignal<String>,
    #[prop(optional, into)] hint: Option<Text>,
    /// The language of what is typed (`lang` and `dir` of the input).
    #[prop(optional)]
    lang: Option<Lang>,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(optional)] node: Option<NodeRef<html::Input>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let node = node.unwrap_or_default();
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || i18n.t(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || i18n.t(h)}</p> })}
            <input
                id=id.clone()
                type="text"
                autocomplete="off"
                required=true
                list=list
                lang=lang.map(Lang::code)
                dir=lang.map(Lang::dir)
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
                node_ref=node
                bind:value=value
            />
            {move || error.get().map(|msg| view! { <p class="field-error" id=error_id.clone()>{msg}</p> })}
        </div>
    }
}

/// Adds a tag (`initial` = `None`) or changes one.
#[component]
fn TagForm(
    /// Prefix of the inputs' ids.
    prefix: &'static str,
    initial: Option<Tag>,
    on_saved: Callback<String>,
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let editing = initial.as_ref().map(|t| t.id);
    let field = |f: fn(&Tag) -> &String| {
        RwSignal::new(initial.as_ref().map(|t| f(t).clone()).unwrap_or_default())
    };
    let slug = field(|t| &t.slug);
    let category = field(|t| &t.category);
    let fr = field(|t| &t.label_fr);
    let en = field(|t| &t.label_en);
    let nl = field(|t| &t.label_nl);
    let ar = field(|t| &t.label_ar);
    let errors = RwSignal::new(FormErrors::default());
    let first = NodeRef::<html::Input>::new();
    if editing.is_some() {
        Effect::new(move |_| {
            if let Some(el) = first.get() {
                let _ = el.focus();
            }
        });
    }
    let save = use_submit(
        errors,
        &TAG_FIELDS,
        move |body: TagInput| async move {
            match editing {
                Some(id) => api.update_tag(id, &body).await,
                None => api.create_tag(&body).await,
            }
        },
        move |tag| {
            let name = tag_label(&tag, i18n.lang.get_untracked()).to_string();
            let key = if editing.is_some() {
                PaKey::TagSaved
            } else {
                PaKey::TagCreated
            };
            if editing.is_none() {
                for s in [slug, category, fr, en, nl, ar] {
                    s.set(String::new());
                }
            }
            on_saved.run(i18n.tf(key, &[("name", &name)]));
        },
    );
    let pending = save.pending();
    let err = move |name: &'static str| Signal::derive(move || errors.with(|e| e.field(name)));
    let id = move |name: &str| format!("{prefix}-{name}");
    view! {
        <ErrorAlert
            message=Signal::derive(move || errors.with(FormErrors::general))
            on_dismiss=move || errors.update(FormErrors::dismiss_general)
        />
        <form
            class="form form-grid tag-form"
            novalidate=true
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                save.dispatch(TagInput {
                    slug: slug.get_untracked().trim().to_string(),
                    category: category.get_untracked().trim().to_string(),
                    label_fr: fr.get_untracked(),
                    label_en: en.get_untracked(),
                    label_nl: nl.get_untracked(),
                    label_ar: ar.get_untracked(),
                });
            }
        >
            <TagField id=id("label_fr") label=PaKey::LabelFr value=fr lang=Lang::Fr node=first error=err("label_fr")/>
            <TagField id=id("label_en") label=PaKey::LabelEn value=en lang=Lang::En error=err("label_en")/>
            <TagField id=id("label_nl") label=PaKey::LabelNl value=nl lang=Lang::Nl error=err("label_nl")/>
            <TagField id=id("label_ar") label=PaKey::LabelAr value=ar lang=Lang::Ar error=err("label_ar")/>
            <TagField id=id("slug") label=PaKey::Slug value=slug hint=PaKey::SlugHint error=err("slug")/>
            <TagField
                id=id("category")
                label=PaKey::TagCategory
                value=category
                hint=PaKey::TagCategoryHint
                list="tag-categories"
                error=err("category")
            />
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || {
                        if pending.get() {
                            i18n.t(CommonKey::Saving)
                        } else if editing.is_some() {
                            i18n.t(PaKey::SaveTag)
                        } else {
                            i18n.t(PaKey::CreateTagSubmit)
                        }
                    }}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="button" on:click=move |_| cancel.run(())>
                        {move || i18n.t(CommonKey::Cancel)}
                    </button>
                })}
            </div>
        </form>
    }
}

/// Merges `source` into a tag chosen here, after a confirmation that says what happens.
#[component]
fn MergePanel(
    source: Tag,
    all: Signal<Vec<Tag>>,
    on_merged: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let from_id = source.id;
    let source = StoredValue::new(source);
    let target = RwSignal::new(None::<Uuid>);
    let error = RwSignal::new(None::<String>);
    let select = NodeRef::<html::Select>::new();
    Effect::new(move |_| {
        if let Some(el) = select.get() {
            let _ = el.focus();
        }
    });
    let target_tag = move || {
        target
            .get()
            .and_then(|t| all.with(|list| list.iter().find(|x| x.id == t).cloned()))
    };
    let merge = Action::new_local(move |into: &Uuid| {
        let into = *into;
        async move { api.merge_tag(from_id, into).await }
    });
    Effect::new(move |_| match merge.value().get() {
        Some(Ok(kept)) => {
            let lang = i18n.lang.get_untracked();
            let from = tag_label(&source.read_value(), lang).to_string();
            let into = tag_label(&kept, lang).to_string();
            on_merged.run(crate::i18n::tf(
                lang,
                PaKey::TagMerged,
                &[
                    ("from", &from),
                    ("into", &into),
                    ("count", &kept.usage.to_string()),
                ],
            ));
        }
        Some(Err(err)) => error.set(Some(err.message(i18n.lang.get_untracked()))),
        None => {}
    });
    let pending = merge.pending();
    let select_id = format!("merge-into-{from_id}");
    let warning_id = format!("merge-warning-{from_id}");
    let described_by = warning_id.clone();
    let options = move || {
        let lang = i18n.lang.get();
        let mut others: Vec<Tag> = all.get().into_iter().filter(|t| t.id != from_id).collect();
        others.sort_by_key(|t| fold(tag_label(t, lang)));
        others
            .into_iter()
            .map(|t| {
                let text = format!("{} ({})", tag_label(&t, lang), category_name(&t.category, lang));
                let value = t.id.to_string();
                let tid = t.id;
                view! { <option value=value selected=move || target.get() == Some(tid)>{text}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="tag-panel merge-panel">
            <h4>{move || i18n.tf(PaKey::MergeTitle, &[("name", tag_label(&source.read_value(), i18n.lang.get()))])}</h4>
            <ErrorAlert message=error on_dismiss=move || error.set(None)/>
            <div class="field">
                <label for=select_id.clone()>{move || i18n.t(PaKey::MergeInto)}</label>
                <select
                    id=select_id.clone()
                    node_ref=select
                    on:change=move |ev| target.set(Uuid::parse_str(&event_target_value(&ev)).ok())
                >
                    <option value="" selected=move || target.get().is_none()>{move || i18n.t(PaKey::ChooseTarget)}</option>
                    {options}
                </select>
            </div>
            {
                move || {
                    target_tag()
                        .map(|into| {
                            let lang = i18n.lang.get();
                            let text = i18n.tf(
                                PaKey::MergeWarning,
                                &[
                                    ("from", tag_label(&source.read_value(), lang)),
                                    ("into", tag_label(&into, lang)),
                                    ("count", &source.read_value().usage.to_string()),
                                ],
                            );
                            view! { <p class="alert-warn merge-warning" id=warning_id.clone()>{text}</p> }
                        })
                }
            }
            <div class="actions">
                <button
                    type="button"
                    class="button danger merge-confirm"
                    disabled=move || pending.get() || target.get().is_none()
                    aria-describedby=move || target.get().is_some().then(|| described_by.clone())
                    on:click=move |_| {
                        if let Some(into) = target.get_untracked() {
                            merge.dispatch(into);
                        }
                    }
                >
                    {move || i18n.t(PaKey::MergeConfirm)}
                </button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                    {move || i18n.t(CommonKey::Cancel)}
                </button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    static NEXT: AtomicU32 = AtomicU32::new(1);

    fn tag(slug: &str, category: &str, fr: &str, usage: u64) -> Tag {
        Tag {
            id: Uuid::from_u128(u128::from(NEXT.fetch_add(1, Ordering::Relaxed))),
            slug: slug.into(),
            category: category.into(),
            label_fr: fr.into(),
            label_en: format!("{fr} (en)"),
            label_nl: format!("{fr} (nl)"),
            label_ar: "عربي".into(),
            usage,
        }
    }

    #[test]
    fn search_ignores_case_and_accents_in_every_language() {
        let t = tag("cafe-theatre", "culture", "Café-théâtre", 2);
        for q in [
            "cafe",
            "THEATRE",
            "  théâ ",
            "(nl)",
            "عربي",
            "cafe-th",
            "cultu",
        ] {
            assert!(matches(&t, q, Lang::Fr), "{q:?}");
        }
        assert!(matches(&t, "", Lang::Fr));
        assert!(!matches(&t, "football", Lang::Fr));
        assert_eq!(fold("Œuvre ÉLÈVE"), "oeuvre eleve");
    }

    #[test]
    fn tags_are_grouped_by_category_name_then_label() {
        let tags = vec![
            tag("yoga", "sport", "Yoga", 1),
            tag("cooking", "food", "Cuisine", 5),
            tag("football", "sport", "Football", 3),
            tag("baking", "food", "Pâtisserie", 0),
            tag("new-thing", "zz-custom", "Nouveau", 0),
        ];
        let groups = group_by_category(&tags, "", Lang::Fr);
        let shape: Vec<(String, Vec<String>)> = groups
            .iter()
            .map(|(c, g)| (c.clone(), g.iter().map(|t| t.slug.clone()).collect()))
            .collect();
        assert_eq!(
            shape,
            [
                (
                    "food".to_string(),
                    vec!["cooking".to_string(), "baking".to_string()]
                ),
                (
                    "sport".to_string(),
                    vec!["football".to_string(), "yoga".to_string()]
                ),
                ("zz-custom".to_string(), vec!["new-thing".to_string()]),
            ]
        );
        let only = group_by_category(&tags, "foot", Lang::Fr);
        assert_eq!(only.len(), 1);
        assert_eq!(only[0].1.len(), 1);
        assert_eq!(categories(&tags), ["food", "sport", "zz-custom"]);
    }

    #[test]
    fn categories_have_names_in_every_language() {
        assert_eq!(category_name("music-dance", Lang::En), "Music and dance");
        assert_eq!(category_name("music-dance", Lang::Nl), "Muziek en dans");
        assert_eq!(category_name("brand-new", Lang::Ar), "brand-new");
    }
}
