//! The partner organisations by name, filtered by kind and by a text (both in the address), and
//! the form of a new organisation.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::partners::{Organisation, OrganisationFilter, OrganisationKind};

use super::{manages, OrgDraft, OrgFields, PartnerTabs, Tab, ORG_FIELDS};
use crate::api::partners::ORGANISATIONS_PAGE_SIZE;
use crate::api::{use_api, FormErrors};
use crate::components::dom::focus_first_error;
use crate::components::form::{use_submit, ErrorAlert};
use crate::components::load::load_error;
use crate::components::{Forbidden, Loading, Pager};
use crate::i18n::common::CommonKey;
use crate::i18n::partners::{kind_key, PtKey};
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{organisation_path, ORGANISATIONS, ORGANISATIONS_NEW};

/// The list's filter from the address (`q`, `kind`, `page`).
pub fn filter_from_query(get: impl Fn(&str) -> Option<String>) -> OrganisationFilter {
    OrganisationFilter {
        q: get("q")
            .map(|q| q.trim().to_string())
            .filter(|q| !q.is_empty()),
        kind: get("kind").and_then(|k| k.parse::<OrganisationKind>().ok()),
        page: get("page")
            .and_then(|p| p.trim().parse().ok())
            .filter(|p| *p > 1),
        page_size: None,
    }
}

/// The list's address for `filter`.
pub fn filter_path(filter: &OrganisationFilter) -> String {
    let q = crate::api::query(&OrganisationFilter {
        page: filter.page.filter(|p| *p > 1),
        page_size: None,
        ..filter.clone()
    });
    format!("{ORGANISATIONS}{q}")
}

#[component]
pub fn OrganisationsPage() -> impl IntoView {
    if manages() {
        view! { <OrgList/> }.into_any()
    } else {
        view! { <Forbidden/> }.into_any()
    }
}

#[component]
fn OrgList() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(PtKey::OrgsTitle);
    let api = use_api();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| filter_from_query(|n| q.get(n))));
    let navigate = use_navigate();
    let show = Callback::new(move |f: OrganisationFilter| {
        navigate(&filter_path(&f), NavigateOptions::default())
    });
    let text = RwSignal::new(filter.get_untracked().q.unwrap_or_default());
    let list = LocalResource::new(move || {
        let f = filter.get();
        async move { api.organisations(&f).await }
    });
    let kind_value =
        move || filter.with(|f| f.kind.map(|k| k.as_str().to_string()).unwrap_or_default());
    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = text.get_untracked();
        show.run(OrganisationFilter {
            q: Some(q.trim().to_string()).filter(|q| !q.is_empty()),
            page: None,
            ..filter.get_untracked()
        });
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || i18n.t(PtKey::OrgsTitle)}</h1>
                <a class="button primary" href=ORGANISATIONS_NEW>{move || i18n.t(PtKey::NewOrg)}</a>
            </div>
            <p class="lead">{move || i18n.t(PtKey::OrgsIntro)}</p>
            <PartnerTabs current=Some(Tab::Organisations)/>
            <form class="filters card" role="search" aria-label=move || i18n.t(CommonKey::Filters) on:submit=on_search>
                <div class="field">
                    <label for="org-q">{move || i18n.t(PtKey::SearchOrgs)}</label>
                    <p class="hint" id="org-q-hint">{move || i18n.t(PtKey::SearchOrgsHint)}</p>
                    <input id="org-q" type="search" aria-describedby="org-q-hint" bind:value=text/>
                </div>
                <div class="field">
                    <label for="org-kind">{move || i18n.t(PtKey::Kind)}</label>
                    <select id="org-kind" on:change=move |ev| {
                        let kind = event_target_value(&ev).parse::<OrganisationKind>().ok();
                        show.run(OrganisationFilter { kind, page: None, ..filter.get_untracked() });
                    }>
                        <option value="" selected=move || kind_value().is_empty()>{move || i18n.t(PtKey::AllKinds)}</option>
                        {OrganisationKind::ALL.iter().map(|&k| view! {
                            <option value=k.as_str() selected=move || kind_value() == k.as_str()>
                                {move || i18n.t(kind_key(k))}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" class="button">{move || i18n.t(CommonKey::SearchSubmit)}</button>
                </div>
            </form>
            {move || match list.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => load_error(&err, move || list.refetch()),
                Some(Ok(page)) => {
                    let f = filter.get();
                    let current = f.page.unwrap_or(1);
                    let pages = u32::try_from(page.count.div_ceil(u64::from(ORGANISATIONS_PAGE_SIZE))).unwrap_or(u32::MAX).max(1);
                    let go = Callback::new(move |p: u32| show.run(OrganisationFilter { page: Some(p), ..f.clone() }));
                    let count = page.count;
                    let body = if page.results.is_empty() {
                        view! { <p class="empty card">{move || i18n.t(PtKey::NoOrgs)}</p> }.into_any()
                    } else {
                        let items = page.results.into_iter().map(|o| view! { <OrgCard o=o/> }).collect_view();
                        view! { <ul class="plain org-list">{items}</ul> }.into_any()
                    };
                    view! {
                        <p class="count" aria-live="polite">
                            {move || i18n.tf(PtKey::OrgCount, &[("count", &count.to_string())])}
                        </p>
                        {body}
                        {(pages > 1).then(|| view! {
                            <Pager page=current pages=pages has_prev=page.previous.is_some() has_next=page.next.is_some() go=go/>
                        })}
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn OrgCard(o: Organisation) -> impl IntoView {
    let i18n = use_i18n();
    let kind = o.kind;
    let place = [o.commune.clone(), o.email.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <li class="card org-card">
            <div class="person-main">
                <h2 class="person-name">
                    <a href=organisation_path(o.id)><bdi>{o.name.clone()}</bdi></a>
                </h2>
                <span class="badge">{move || i18n.t(kind_key(kind))}</span>
                {o.data_sharing_signed.then(|| view! {
                    <span class="badge badge-active">{move || i18n.t(PtKey::DataSharingBadge)}</span>
                })}
            </div>
            {(!place.is_empty()).then(|| view! { <p class="small muted"><bdi>{place}</bdi></p> })}
        </li>
    }
}

/// The form of a new organisation; saved, it opens the organisation's page.
#[component]
pub fn NewOrganisationPage() -> impl IntoView {
    if !manages() {
        return view! { <Forbidden/> }.into_any();
    }
    let i18n = use_i18n();
    use_page_title(PtKey::NewOrg);
    let api = use_api();
    let navigate = use_navigate();
    let draft = OrgDraft::new(None);
    let errors = RwSignal::new(FormErrors::default());
    let local = RwSignal::new(Vec::<&'static str>::new());
    let go = use_submit(
        errors,
        &ORG_FIELDS,
        move |body| async move { api.create_organisation(&body).await },
        move |o: Organisation| navigate(&organisation_path(o.id), NavigateOptions::default()),
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
        <section class="page narrow" aria-labelledby="page-title">
            <p class="back"><a href=ORGANISATIONS>{move || i18n.t(PtKey::BackToOrgs)}</a></p>
            <h1 id="page-title">{move || i18n.t(PtKey::NewOrg)}</h1>
            <form class="form card" on:submit=on_submit novalidate=true>
                <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
                <OrgFields draft=draft errors=errors local=local/>
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || pending.get()>
                        {move || i18n.t(PtKey::SaveOrg)}
                    </button>
                </div>
            </form>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_lives_in_the_address() {
        let get = |n: &str| match n {
            "q" => Some(" cpas ".to_string()),
            "kind" => Some("language_school".to_string()),
            "page" => Some("2".to_string()),
            _ => None,
        };
        let f = filter_from_query(get);
        assert_eq!(f.q.as_deref(), Some("cpas"));
        assert_eq!(f.kind, Some(OrganisationKind::LanguageSchool));
        assert_eq!(f.page, Some(2));
        let path = filter_path(&f);
        assert!(path.starts_with("/partners?"), "{path}");
        assert_eq!(filter_from_query(|_| None), OrganisationFilter::default());
        assert_eq!(filter_path(&OrganisationFilter::default()), ORGANISATIONS);
        // An unknown kind is no filter.
        let odd = filter_from_query(|n| (n == "kind").then(|| "bank".to_string()));
        assert_eq!(odd.kind, None);
    }
}
