//! The person form's parts: the languages, the tags and the availability grid.

use crate::api::use_api;
use crate::components::dom::focus_id;
use crate::i18n::people::PeopleKey;
use crate::i18n::person::PersonKey;
use crate::i18n::tag_label;
use crate::i18n::vocabulary::day_part_key;
use crate::i18n::vocabulary::language_level_key;
use crate::i18n::vocabulary::tag_kind_key;
use crate::i18n::vocabulary::weekday_key;
use crate::locale::use_i18n;
use leptos::prelude::*;
use shared::people::{DayPart, LanguageLevel, PersonTagRef, Slot, TagKind, Weekday};
use shared::tags::Tag;
use uuid::Uuid;

/// One language of the form, with its own signals so typing does not redraw the list.
#[derive(Clone, Copy)]
pub(super) struct LanguageRow {
    pub(super) key: u32,
    pub(super) code: RwSignal<String>,
    pub(super) level: RwSignal<LanguageLevel>,
}

impl LanguageRow {
    pub(super) fn new(key: u32, code: &str, level: LanguageLevel) -> Self {
        LanguageRow {
            key,
            code: RwSignal::new(code.to_string()),
            level: RwSignal::new(level),
        }
    }
}

#[component]
pub(super) fn LanguagesEditor(
    rows: RwSignal<Vec<LanguageRow>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let next_key = StoredValue::new(1000_u32);
    view! {
        <ul class="plain language-rows">
            <For each=move || rows.get() key=|row| row.key let:row>
                <li class="language-row">
                    <div class="field">
                        <label for=format!("lang-code-{}", row.key)>{move || i18n.t(PersonKey::LanguageCode)}</label>
                        <input
                            id=format!("lang-code-{}", row.key)
                            type="text"
                            autocomplete="off"
                            maxlength="8"
                            bind:value=row.code
                        />
                    </div>
                    <div class="field">
                        <label for=format!("lang-level-{}", row.key)>{move || i18n.t(PersonKey::LanguageLevelLabel)}</label>
                        <select
                            id=format!("lang-level-{}", row.key)
                            on:change=move |ev| {
                                if let Ok(l) = event_target_value(&ev).parse::<LanguageLevel>() {
                                    row.level.set(l);
                                }
                            }
                        >
                            {LanguageLevel::ALL
                                .iter()
                                .map(|&l| view! {
                                    <option value=l.as_str() selected=move || row.level.get() == l>
                                        {move || i18n.t(language_level_key(l))}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| rows.update(|v| v.retain(|r| r.key != row.key))
                    >
                        {move || i18n.t(PeopleKey::RemoveLanguage)}
                    </button>
                </li>
            </For>
        </ul>
        {move || error.get().map(|m| view! { <p class="field-error" id="languages-error">{m}</p> })}
        <button
            type="button"
            class="button add-language"
            on:click=move |_| {
                let key = next_key.get_value();
                next_key.set_value(key + 1);
                rows.update(|v| v.push(LanguageRow::new(key, "", LanguageLevel::Intermediate)));
                request_animation_frame(move || {
                    focus_id(&format!("lang-code-{key}"));
                });
            }
        >
            {move || i18n.t(PeopleKey::AddLanguage)}
        </button>
    }
}

/// Tags whose label (in `lang`) or slug contains `query` (accents and case kept simple:
/// lower-case comparison), leaving out those already chosen; at most `limit`.
pub fn matching_tags<'a>(
    all: &'a [Tag],
    chosen: &[PersonTagRef],
    query: &str,
    lang: shared::Lang,
    limit: usize,
) -> Vec<&'a Tag> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    all.iter()
        .filter(|t| !chosen.iter().any(|c| c.tag_id == t.id))
        .filter(|t| tag_label(t, lang).to_lowercase().contains(&q) || t.slug.contains(&q))
        .take(limit)
        .collect()
}

/// The tag picker: the chosen tags (each with how it relates to the person, and a remove
/// button), and a search box listing matching tags to add.
#[component]
pub(super) fn TagPicker(
    value: RwSignal<Vec<PersonTagRef>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let all = LocalResource::new(move || async move { api.list_tags().await.unwrap_or_default() });
    let query = RwSignal::new(String::new());
    let label_of = move |id: Uuid| -> String {
        let lang = i18n.lang.get();
        all.get()
            .and_then(|list| {
                list.iter()
                    .find(|t| t.id == id)
                    .map(|t| tag_label(t, lang).to_string())
            })
            .unwrap_or_else(|| "…".to_string())
    };
    let chosen = move || {
        value
            .get()
            .into_iter()
            .map(|r| {
                let id = r.tag_id;
                let kind_id = format!("tag-kind-{id}");
                let kind_id2 = kind_id.clone();
                view! {
                    <li class="chip chip-edit">
                        <label for=kind_id.clone()><bdi>{move || label_of(id)}</bdi></label>
                        <select
                            id=kind_id2
                            aria-label=move || i18n.tf(PersonKey::TagKindOf, &[("name", &label_of(id))])
                            on:change=move |ev| {
                                if let Ok(k) = event_target_value(&ev).parse::<TagKind>() {
                                    value.update(|v| {
                                        if let Some(t) = v.iter_mut().find(|t| t.tag_id == id) {
                                            t.kind = k;
                                        }
                                    });
                                }
                            }
                        >
                            {TagKind::ALL
                                .iter()
                                .map(|&k| view! {
                                    <option value=k.as_str() selected=r.kind == k>{move || i18n.t(tag_kind_key(k))}</option>
                                })
                                .collect_view()}
                        </select>
                        <button
                            type="button"
                            class="chip-remove"
                            aria-label=move || i18n.tf(PeopleKey::RemoveTag, &[("name", &label_of(id))])
                            on:click=move |_| value.update(|v| v.retain(|t| t.tag_id != id))
                        >
                            <span aria-hidden="true">"×"</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let matches = move || {
        let lang = i18n.lang.get();
        let list = all.get().unwrap_or_default();
        let q = query.get();
        let found: Vec<Tag> = matching_tags(&list, &value.get(), &q, lang, 8)
            .into_iter()
            .cloned()
            .collect();
        if found.is_empty() {
            return (!q.trim().is_empty())
                .then(
                    || view! { <p class="muted small">{move || i18n.t(PeopleKey::NoTagMatch)}</p> },
                )
                .into_any();
        }
        view! {
            <ul class="chips tag-matches">
                {found
                    .into_iter()
                    .map(|t| {
                        let id = t.id;
                        let label = tag_label(&t, lang).to_string();
                        let label2 = label.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="button small-button"
                                    aria-label=move || i18n.tf(PeopleKey::AddTag, &[("name", &label2)])
                                    on:click=move |_| {
                                        value.update(|v| v.push(PersonTagRef { tag_id: id, kind: TagKind::Passion }));
                                        query.set(String::new());
                                    }
                                >
                                    <span aria-hidden="true">"+ "</span>
                                    <bdi>{label}</bdi>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
            .into_any()
    };
    view! {
        <ul class="chips chosen-tags">{chosen}</ul>
        {move || error.get().map(|m| view! { <p class="field-error" id="tags-error">{m}</p> })}
        <div class="field">
            <label for="tag-search">{move || i18n.t(PeopleKey::TagSearch)}</label>
            <input id="tag-search" type="search" autocomplete="off" bind:value=query/>
        </div>
        <div aria-live="polite">{matches}</div>
    }
}

/// The week as a grid of check boxes, one per day and part of the day.
#[component]
pub fn AvailabilityGrid(value: RwSignal<Vec<Slot>>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = Weekday::ALL
        .iter()
        .map(|&day| {
            let cells = DayPart::ALL
                .iter()
                .map(|&part| {
                    let slot = Slot { day, part };
                    let box_id = format!("slot-{slot}");
                    view! {
                        <td>
                            <input
                                type="checkbox"
                                id=box_id
                                aria-label=move || format!("{} — {}", i18n.t(weekday_key(day)), i18n.t(day_part_key(part)))
                                prop:checked=move || value.with(|v| v.contains(&slot))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    value.update(|v| {
                                        v.retain(|s| *s != slot);
                                        if on {
                                            v.push(slot);
                                            v.sort();
                                        }
                                    });
                                }
                            />
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{move || i18n.t(weekday_key(day))}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="availability availability-edit">
            <thead>
                <tr>
                    <td></td>
                    {DayPart::ALL
                        .iter()
                        .map(|&part| view! { <th scope="col">{move || i18n.t(day_part_key(part))}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
