//! The audit log (`/admin/audit`, administrators): who did what, to which record, and when,
//! filtered by who (a staff account), what (an action the API records), when (days in
//! Brussels) and the record; each entry links to its record when the app has a page for it.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::audit::{AuditEntry, AuditFilter};
use shared::page::PageParams;
use shared::users::{StaffUser, UserFilter};
use shared::Page;
use uuid::Uuid;

use crate::api::use_api;
use crate::components::load::load_state;
use crate::components::Pager;
use crate::i18n::team::TeamKey;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::admin_nav::AdminNav;
use crate::routes::{
    activity_path, duo_path, entrepreneur_path, person_path, proposal_path, ADMIN_ACCOUNTS,
};

pub const PAGE_SIZE: u32 = 50;

/// The kinds of record the filter offers, by the `entity_type` the API writes.
pub const OBJECT_TYPES: [(&str, TeamKey); 8] = [
    ("person", TeamKey::ObjPerson),
    ("activity", TeamKey::ObjActivity),
    ("registration", TeamKey::ObjRegistration),
    ("user", TeamKey::ObjUser),
    ("duo", TeamKey::ObjDuo),
    ("interact_proposal", TeamKey::ObjProposal),
    ("interlab_entrepreneur", TeamKey::ObjEntrepreneur),
    ("tag", TeamKey::ObjTag),
];

/// The app's page of a record, when it has one.
pub fn object_link(entity_type: &str, entity_id: Option<&str>) -> Option<String> {
    let id = entity_id.and_then(|i| Uuid::parse_str(i).ok());
    match (entity_type, id) {
        ("user", _) => Some(ADMIN_ACCOUNTS.to_owned()),
        ("person", Some(id)) => Some(person_path(id)),
        ("activity", Some(id)) => Some(activity_path(id)),
        ("duo", Some(id)) => Some(duo_path(id)),
        ("interact_proposal", Some(id)) => Some(proposal_path(id)),
        ("interlab_entrepreneur", Some(id)) => Some(entrepreneur_path(id)),
        _ => None,
    }
}

/// The names of the fields an entry says changed (`{"changed": [...]}`), if any.
pub fn changed_fields(details: &serde_json::Value) -> Vec<String> {
    details
        .get("changed")
        .and_then(|c| c.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// A typed day, or nothing (the date input gives `YYYY-MM-DD` or an empty string).
fn day(text: &str) -> Option<NaiveDate> {
    text.trim().parse().ok()
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(TeamKey::AuditTitle);
    let api = use_api();
    // The filter applied, and the inputs (applied on submit).
    let applied = RwSignal::new(AuditFilter::default());
    let who = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let object_type = RwSignal::new(String::new());
    let object_id = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let page = RwSignal::new(1_u32);

    let actions = LocalResource::new(move || async move { api.audit_actions().await });
    let accounts = LocalResource::new(move || async move {
        api.list_users(&UserFilter {
            page_size: Some(200),
            ..UserFilter::default()
        })
        .await
    });
    let entries = LocalResource::new(move || {
        let mut f = applied.get();
        f.page = Some(page.get()).filter(|p| *p > 1);
        f.page_size = Some(PAGE_SIZE);
        async move { api.audit(&f).await }
    });
    let account_list = move || -> Vec<StaffUser> {
        accounts
            .get()
            .and_then(Result::ok)
            .map(|p| p.results)
            .unwrap_or_default()
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_owned()).filter(|v| !v.is_empty())
        };
        page.set(1);
        applied.set(AuditFilter {
            actor_id: text(who).and_then(|v| Uuid::parse_str(&v).ok()),
            action: text(what),
            entity_type: text(object_type),
            entity_id: text(object_id),
            from: day(&from.get_untracked()),
            to: day(&to.get_untracked()),
            page: None,
            page_size: None,
        });
    };
    let names = Signal::derive(move || {
        account_list()
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <AdminNav/>
            <h1 id="page-title">{move || i18n.t(TeamKey::AuditTitle)}</h1>
            <p class="lead">{move || i18n.t(TeamKey::AuditIntro)}</p>
            <form class="filters card audit-filters" role="search" on:submit=on_submit aria-labelledby="audit-filters-title">
                <h2 id="audit-filters-title" class="visually-hidden">{move || i18n.t(TeamKey::AuditFilters)}</h2>
                <div class="field">
                    <label for="audit-who">{move || i18n.t(TeamKey::Who)}</label>
                    <select id="audit-who" prop:value=move || who.get() on:change=move |ev| who.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(TeamKey::Anyone)}</option>
                        {move || account_list()
                            .into_iter()
                            .map(|u| view! { <option value=u.id.to_string()>{u.display_name}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-what">{move || i18n.t(TeamKey::What)}</label>
                    <select id="audit-what" prop:value=move || what.get() on:change=move |ev| what.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(TeamKey::AnyAction)}</option>
                        {move || actions
                            .get()
                            .and_then(Result::ok)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|a| view! { <option value=a.clone() dir="ltr">{a.clone()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-object-type">{move || i18n.t(TeamKey::Object)}</label>
                    <select id="audit-object-type" prop:value=move || object_type.get() on:change=move |ev| object_type.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(TeamKey::AnyObject)}</option>
                        {OBJECT_TYPES
                            .iter()
                            .map(|&(value, key)| view! { <option value=value>{move || i18n.t(key)}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-object-id">{move || i18n.t(TeamKey::ObjectId)}</label>
                    <input id="audit-object-id" type="text" dir="ltr" autocomplete="off" prop:value=move || object_id.get() on:input=move |ev| object_id.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="audit-from">{move || i18n.t(TeamKey::FromDay)}</label>
                    <input id="audit-from" type="date" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="audit-to">{move || i18n.t(TeamKey::ToDay)}</label>
                    <input id="audit-to" type="date" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev))/>
                </div>
                <div class="field filter-apply">
                    <button type="submit" class="button primary" id="audit-apply">{move || i18n.t(TeamKey::Apply)}</button>
                </div>
            </form>
            {move || load_state(entries.get(), move || entries.refetch(), move |result| view! {
                <Entries result=result page=page names=names/>
            }.into_any())}
        </section>
    }
}

#[component]
fn Entries(
    result: Page<AuditEntry>,
    page: RwSignal<u32>,
    names: Signal<Vec<(Uuid, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = page.get_untracked();
    let pages = PageParams {
        page: Some(current),
        page_size: Some(PAGE_SIZE),
    }
    .last_page(result.count);
    let has_prev = result.previous.is_some();
    let has_next = result.next.is_some();
    let count = result.count.to_string();
    if result.results.is_empty() {
        return view! { <p class="empty card" id="audit-empty">{move || i18n.t(TeamKey::NoEntries)}</p> }.into_any();
    }
    let rows = result
        .results
        .into_iter()
        .map(|e| {
            let when = e.occurred_at;
            let actor = e.actor_id;
            let who = move || match actor {
                None => view! { <span class="muted">{move || i18n.t(TeamKey::SystemActor)}</span> }.into_any(),
                Some(id) => {
                    let name = names
                        .get()
                        .into_iter()
                        .find(|(u, _)| *u == id)
                        .map(|(_, n)| n)
                        .unwrap_or_else(|| id.to_string());
                    view! { <bdi>{name}</bdi> }.into_any()
                }
            };
            let object_label = OBJECT_TYPES
                .iter()
                .find(|(t, _)| *t == e.entity_type)
                .map(|(_, k)| *k);
            let raw_type = e.entity_type.clone();
            let link = object_link(&e.entity_type, e.entity_id.as_deref());
            let id_text = e.entity_id.clone().unwrap_or_default();
            let id_named = id_text.clone();
            let changed = changed_fields(&e.details);
            view! {
                <li class="audit-entry card">
                    <p class="audit-head">
                        <code class="audit-action" dir="ltr">{e.action.clone()}</code>
                        " · "
                        {who}
                    </p>
                    <p class="muted small">
                        <time datetime=when.to_rfc3339()>{move || i18n.date(&when)}</time>
                    </p>
                    <p class="small">
                        {move || match object_label {
                            Some(k) => i18n.t(k).to_string(),
                            None => raw_type.clone(),
                        }}
                        " "
                        <code class="audit-id" dir="ltr">{id_text}</code>
                        {link.map(|href| view! {
                            " "
                            <a href=href aria-label=move || i18n.tf(TeamKey::OpenObjectNamed, &[("id", &id_named)])>{move || i18n.t(TeamKey::OpenObject)}</a>
                        })}
                    </p>
                    {(!changed.is_empty()).then(|| view! {
                        <p class="muted small">{move || i18n.t(TeamKey::Changed)} " : " <span dir="ltr">{changed.join(", ")}</span></p>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="count" aria-live="polite">{move || i18n.tf(TeamKey::EntriesCount, &[("count", &count)])}</p>
        <ul class="plain audit-entries">{rows}</ul>
        <Pager page=current pages has_prev has_next go=Callback::new(move |to| page.set(to))/>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_link_to_their_page() {
        let id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
        let uuid = Uuid::parse_str(id).expect("uuid");
        assert_eq!(object_link("person", Some(id)), Some(person_path(uuid)));
        assert_eq!(
            object_link("interact_proposal", Some(id)),
            Some(proposal_path(uuid))
        );
        assert_eq!(object_link("user", Some(id)), Some(ADMIN_ACCOUNTS.into()));
        assert_eq!(object_link("registration", Some(id)), None);
        assert_eq!(object_link("person", Some("not-a-uuid")), None);
        assert_eq!(object_link("person", None), None);
    }

    #[test]
    fn changed_fields_are_read_from_the_details() {
        let d = serde_json::json!({ "changed": ["email", "tags"] });
        assert_eq!(changed_fields(&d), ["email", "tags"]);
        assert!(changed_fields(&serde_json::json!({ "coach": "x" })).is_empty());
    }

    #[test]
    fn days_are_read_from_the_date_input() {
        assert_eq!(day("2026-12-07"), NaiveDate::from_ymd_opt(2026, 12, 7));
        assert_eq!(day(""), None);
    }
}
