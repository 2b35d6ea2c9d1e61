//! The retention review, for admins: the people whose last activity is older than the
//! configured retention period, with that date; select some or all and anonymise them in one
//! go after typing the confirmation word; then a summary of what was done.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use shared::people::{BulkAnonymiseRequest, PersonSummary};
use shared::Lang;
use uuid::Uuid;

use crate::api::use_api;
use crate::components::{Loading, StatusMessage};
use crate::i18n::people_admin::PaKey;

use crate::components::form::ErrorAlert;
use crate::components::load::load_error;
use crate::i18n::people::PeopleKey;
use crate::i18n::vocabulary::category_opt_key;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::people::person::{confirmation_ok, Mentions, CONFIRMATION_WORD};
use crate::routes::person_path;

/// A date (without the time) in Brussels, e.g. `12 mars 2022` in French.
pub fn format_date(lang: Lang, dt: &DateTime<Utc>) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        #[allow(clippy::cast_precision_loss)]
        let millis = dt.timestamp_millis() as f64;
        let date = js_sys::Date::new(&JsValue::from_f64(millis));
        let options = js_sys::Object::new();
        for (k, v) in [
            ("timeZone", crate::locale::TIME_ZONE),
            ("dateStyle", "long"),
        ] {
            let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        date.to_locale_date_string(crate::i18n::locale(lang), &options)
            .into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = crate::i18n::locale(lang);
        dt.format("%Y-%m-%d").to_string()
    }
}

/// What the selection becomes when "select all" is switched: everyone listed, or no one.
pub fn toggle_all(listed: &[Uuid], selected: &BTreeSet<Uuid>) -> BTreeSet<Uuid> {
    if !listed.is_empty() && listed.iter().all(|id| selected.contains(id)) {
        BTreeSet::new()
    } else {
        listed.iter().copied().collect()
    }
}

/// The summary after a bulk anonymisation: how many were anonymised, and how many of those
/// asked for had been anonymised already (by someone else in the meantime).
pub fn outcome(asked: usize, anonymised: usize) -> (usize, usize) {
    (anonymised, asked.saturating_sub(anonymised))
}

#[component]
pub fn RetentionPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(PaKey::RetentionTitle);
    let api = use_api();
    let version = RwSignal::new(0u32);
    let due = LocalResource::new(move || {
        version.get();
        async move { api.retention_review().await }
    });
    let selected = RwSignal::new(BTreeSet::<Uuid>::new());
    let typed = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let listed = Signal::derive(move || {
        due.get()
            .and_then(Result::ok)
            .map(|list| list.iter().map(|p| p.id).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    // Only people still listed count (the list may have changed since they were ticked).
    let chosen = Memo::new(move |_| {
        let listed = listed.get();
        selected.with(|s| {
            s.iter()
                .copied()
                .filter(|id| listed.contains(id))
                .collect::<Vec<_>>()
        })
    });

    // Texts staff wrote elsewhere that still name the people just anonymised.
    let mentions = RwSignal::new(Vec::new());
    let run = Action::new_local(move |ids: &Vec<Uuid>| {
        let ids = ids.clone();
        async move {
            let asked = ids.len();
            let r = api
                .anonymise_people(&BulkAnonymiseRequest {
                    ids,
                    confirmation: CONFIRMATION_WORD.to_string(),
                })
                .await;
            (asked, r)
        }
    });
    Effect::new(move |_| match run.value().get() {
        Some((asked, Ok(result))) => {
            error.set(None);
            let (done, already) = outcome(asked, result.anonymised.len());
            let mut msg = i18n.tf(PaKey::BulkDone, &[("count", &done.to_string())]);
            if already > 0 {
                msg.push(' ');
                msg.push_str(&i18n.tf(PaKey::BulkAlready, &[("count", &already.to_string())]));
            }
            status.set(Some(msg));
            mentions.set(result.mentions);
            selected.set(BTreeSet::new());
            typed.set(String::new());
            version.update(|v| *v += 1);
        }
        Some((_, Err(err))) => {
            status.set(None);
            error.set(Some(err.message(i18n.lang.get_untracked())));
        }
        None => {}
    });
    let pending = run.pending();
    let can_submit = move || {
        !pending.get()
            && !chosen.with(Vec::is_empty)
            && confirmation_ok(i18n.lang.get(), &typed.get())
    };

    view! {
        <section class="page retention" aria-labelledby="page-title">
            <crate::pages::admin_nav::AdminNav/>
            <h1 id="page-title">{move || i18n.t(PaKey::RetentionTitle)}</h1>
            <p class="lead">{move || i18n.t(PaKey::RetentionIntro)}</p>
            <StatusMessage message=status/>
            <Mentions mentions=mentions/>
            <ErrorAlert message=error on_dismiss=move || error.set(None)/>
            {move || match due.get() {
                None => view! { <Loading/> }.into_any(),                Some(Err(err)) => load_error(&err, move || due.refetch()),
                Some(Ok(list)) if list.is_empty() => {
                    view! { <p class="empty card">{move || i18n.t(PaKey::RetentionEmpty)}</p> }.into_any()
                }
                Some(Ok(list)) => view! { <DueList list=list selected=selected listed=listed/> }.into_any(),
            }}
            <Show when=move || !listed.with(Vec::is_empty)>
                <section class="card danger-zone bulk-anonymise" aria-labelledby="bulk-title">
                    <h2 id="bulk-title">{move || i18n.t(PaKey::BulkTitle)}</h2>
                    <p id="bulk-warning">{move || i18n.t(PaKey::BulkWarning)}</p>
                    <p class="selected-count" aria-live="polite">
                        {move || {
                            let n = chosen.with(Vec::len);
                            if n == 0 {
                                i18n.t(PaKey::NothingSelected).to_string()
                            } else {
                                i18n.tf(PaKey::SelectedCount, &[("count", &n.to_string())])
                            }
                        }}
                    </p>
                    <form
                        class="form"
                        on:submit=move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            if can_submit() {
                                run.dispatch(chosen.get_untracked());
                            }
                        }
                    >
                        <div class="field">
                            <label for="bulk-confirm">{move || i18n.tf(PeopleKey::AnonymiseConfirmLabel, &[("word", i18n.t(PeopleKey::AnonymiseWord))])}</label>
                            <input
                                id="bulk-confirm"
                                type="text"
                                autocomplete="off"
                                spellcheck="false"
                                aria-describedby="bulk-warning"
                                bind:value=typed
                            />
                        </div>
                        <div class="actions">
                            <button type="submit" class="button danger" disabled=move || !can_submit()>
                                {move || i18n.tf(PaKey::BulkSubmit, &[("count", &chosen.with(Vec::len).to_string())])}
                            </button>
                        </div>
                    </form>
                </section>
            </Show>
        </section>
    }
}

#[component]
fn DueList(
    list: Vec<PersonSummary>,
    selected: RwSignal<BTreeSet<Uuid>>,
    listed: Signal<Vec<Uuid>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = list.len();
    let all_on = move || {
        let l = listed.get();
        !l.is_empty() && selected.with(|s| l.iter().all(|id| s.contains(id)))
    };
    let some_on = move || {
        let l = listed.get();
        selected.with(|s| l.iter().any(|id| s.contains(id))) && !all_on()
    };
    let rows = list
        .into_iter()
        .map(|p| {
            let id = p.id;
            let box_id = format!("due-{id}");
            let name = p.display_name.clone();
            let category = p.category;
            let place = [p.postcode.clone(), p.commune.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let last = p.last_activity_at;
            let archived = p.archived;
            view! {
                <li class="person card due-person">
                    <div class="due-check">
                        <input
                            type="checkbox"
                            id=box_id.clone()
                            prop:checked=move || selected.with(|s| s.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                selected.update(|s| {
                                    if on { s.insert(id); } else { s.remove(&id); }
                                });
                            }
                        />
                        <label for=box_id class="visually-hidden">
                            {
                                let name = name.clone();
                                move || i18n.tf(PaKey::SelectNamed, &[("name", &name)])
                            }
                        </label>
                    </div>
                    <div class="due-main">
                        <h2 class="person-name">
                            <a href=person_path(id)><bdi>{name.clone()}</bdi></a>
                        </h2>
                        <p class="muted small">
                            <span class="badge badge-category">{move || i18n.t(category_opt_key(category))}</span>
                            {archived.then(|| view! { " " <span class="badge badge-inactive">{move || i18n.t(PeopleKey::Archived)}</span> })}
                            {(!place.is_empty()).then(|| view! { " · " <bdi>{place.clone()}</bdi> })}
                        </p>
                        <p class="due-last">
                            {move || i18n.tf(PaKey::LastActivityOn, &[("date", &format_date(i18n.lang.get(), &last))])}
                        </p>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="count">{move || i18n.tf(PaKey::RetentionCount, &[("count", &count.to_string())])}</p>
        <div class="card select-all">
            <label class="check">
                <input
                    type="checkbox"
                    id="select-all"
                    prop:checked=all_on
                    prop:indeterminate=some_on
                    on:change=move |_| {
                        let l = listed.get_untracked();
                        selected.update(|s| *s = toggle_all(&l, s));
                    }
                />
                {move || i18n.t(PaKey::SelectAll)}
            </label>
        </div>
        <ul class="people due-list" aria-label=move || i18n.t(PaKey::RetentionListLabel)>{rows}</ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_all_selects_everyone_then_no_one() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let listed = [a, b];
        let some = BTreeSet::from([a]);
        assert_eq!(toggle_all(&listed, &some), BTreeSet::from([a, b]));
        assert_eq!(
            toggle_all(&listed, &BTreeSet::from([a, b])),
            BTreeSet::new()
        );
        assert_eq!(toggle_all(&[], &BTreeSet::new()), BTreeSet::new());
    }

    #[test]
    fn the_summary_counts_those_done_elsewhere_meanwhile() {
        assert_eq!(outcome(3, 3), (3, 0));
        assert_eq!(outcome(3, 2), (2, 1));
        assert_eq!(outcome(0, 0), (0, 0));
    }
}
