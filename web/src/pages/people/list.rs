//! People: the searchable, filterable list, and the review queue of public sign-ups.
//!
//! The list's filters live in the address (`/people?q=…&category=…`), so the back button and a
//! shared link give the same list.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::auth::Role;
use shared::page::PageParams;
use shared::people::{
    Category, FrenchLevel, PeopleFilter, PersonStatus, PersonSummary, Programme, ReviewDecision,
    ReviewOutcome,
};
use shared::Page;
use uuid::Uuid;

use crate::api::{people_query, use_api};
use crate::components::form::ErrorAlert;
use crate::components::load::load_error;
use crate::components::load::load_state;
use crate::components::{Loading, Pager, StatusMessage};
use crate::i18n::common::CommonKey;
use crate::i18n::people::PeopleKey;
use crate::i18n::person::PersonKey;
use crate::i18n::vocabulary::programme_key;
use crate::i18n::vocabulary::{category_key, category_opt_key};
use crate::i18n::{tag_label, Text};
use crate::locale::{use_i18n, use_page_title};
use crate::pages::people::bulk::{BulkBar, SelectBox};
use crate::routes::{person_path, writes_people, PEOPLE, PEOPLE_NEW, PEOPLE_REVIEW};

pub const PAGE_SIZE: u32 = 20;

/// The list's filter from the address's query parameters (unknown values are ignored).
pub fn filter_from_query(get: impl Fn(&str) -> Option<String>) -> PeopleFilter {
    let text = |name: &str| {
        get(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    PeopleFilter {
        q: text("q"),
        tags: text("tags"),
        programme: text("programme").and_then(|v| v.parse().ok()),
        role: text("role").and_then(|v| v.parse().ok()),
        language: text("language"),
        french_min: text("french_min").and_then(|v| v.parse().ok()),
        french_max: text("french_max").and_then(|v| v.parse().ok()),
        commune: text("commune"),
        postcode: text("postcode"),
        category: text("category").and_then(|v| v.parse().ok()),
        slot: text("slot").and_then(|v| v.parse().ok()),
        status: text("status").and_then(|v| v.parse().ok()),
        archived: text("archived").and_then(|v| v.parse().ok()),
        sort: text("sort").and_then(|v| v.parse().ok()),
        page: text("page").and_then(|v| v.parse().ok()).filter(|p| *p > 1),
        page_size: None,
    }
}

/// Opens the list with `filter` (a new history entry, so the back button undoes a filter).
fn use_show_filter() -> Callback<PeopleFilter> {
    let navigate = use_navigate();
    Callback::new(move |filter: PeopleFilter| {
        navigate(
            &format!("{PEOPLE}{}", people_query(&filter)),
            NavigateOptions::default(),
        );
    })
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(PeopleKey::PeopleTitle);
    let api = use_api();
    let can_write = api.session.user().is_some_and(|u| writes_people(u.role));
    // A coach's list holds only the people they accompany, and says so.
    let only_accompanied = api.session.user().is_some_and(|u| u.role == Role::Coach);
    let is_admin = api
        .session
        .user()
        .is_some_and(|u| crate::routes::manages_retention(u.role));
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| filter_from_query(|name| q.get(name))));
    let show = use_show_filter();

    let tags = LocalResource::new(move || async move { api.list_tags().await.unwrap_or_default() });
    let people = LocalResource::new(move || {
        let mut f = filter.get();
        f.page_size = Some(PAGE_SIZE);
        async move { api.list_people(&f).await }
    });

    // Text inputs are applied on submit; selects and check boxes right away.
    let q_input = RwSignal::new(filter.get_untracked().q.unwrap_or_default());
    let commune_input = RwSignal::new(filter.get_untracked().commune.unwrap_or_default());
    Effect::new(move |_| {
        let f = filter.get();
        q_input.set(f.q.unwrap_or_default());
        commune_input.set(f.commune.unwrap_or_default());
    });
    let change = move |edit: &dyn Fn(&mut PeopleFilter)| {
        let mut f = filter.get_untracked();
        edit(&mut f);
        f.page = None;
        show.run(f);
    };
    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        change(&|f| {
            f.q = Some(q_input.get_untracked()).filter(|v| !v.trim().is_empty());
            f.commune = Some(commune_input.get_untracked()).filter(|v| !v.trim().is_empty());
        });
    };
    let has_filters = move || filter.with(|f| *f != PeopleFilter::default());
    // Bulk work (coordinators and admins): the people selected, kept across pages.
    let selected = RwSignal::new(Vec::<Uuid>::new());
    let bulk_status = RwSignal::new(None::<String>);
    let on_page = Signal::derive(move || {
        people
            .get()
            .and_then(Result::ok)
            .map(|p| {
                p.results
                    .iter()
                    .map(|x| (x.id, x.display_name.clone()))
                    .collect()
            })
            .unwrap_or_default()
    });

    view! {
        <section class="page" aria-labelledby="page-title">
            <div class="page-head">
                <div>
                    <h1 id="page-title">{move || i18n.t(PeopleKey::PeopleTitle)}</h1>
                    <p class="lead">{move || i18n.t(if only_accompanied { PeopleKey::PeopleIntroCoach } else { PeopleKey::PeopleIntro })}</p>
                </div>
                {can_write
                    .then(|| {
                        view! {
                            <div class="head-actions">
                                <a class="button" href=PEOPLE_REVIEW>{move || i18n.t(PeopleKey::ReviewQueue)}</a>
                                <a class="button" href=crate::routes::PEOPLE_TAGS>{move || i18n.t(crate::i18n::people_admin::PaKey::TagsLink)}</a>
                                {is_admin.then(|| view! { <a class="button" href=crate::routes::ADMIN_RETENTION>{move || i18n.t(crate::i18n::people_admin::PaKey::RetentionLink)}</a> })}
                                <a class="button primary" href=PEOPLE_NEW>{move || i18n.t(PeopleKey::NewPerson)}</a>
                            </div>
                        }
                    })}
            </div>

            <form class="filters card people-filters" role="search" on:submit=on_search aria-labelledby="filters-title">
                <h2 id="filters-title" class="visually-hidden">{move || i18n.t(CommonKey::FilterPeople)}</h2>
                <div class="field filter-wide">
                    <label for="filter-q">{move || i18n.t(CommonKey::Search)}</label>
                    <div class="inline">
                        <input id="filter-q" type="search" bind:value=q_input/>
                        <button type="submit" class="button">{move || i18n.t(CommonKey::SearchSubmit)}</button>
                    </div>
                </div>
                <div class="field">
                    <label for="filter-category">{move || i18n.t(PersonKey::Category)}</label>
                    <select
                        id="filter-category"
                        on:change=move |ev| {
                            let v = event_target_value(&ev).parse::<Category>().ok();
                            change(&|f| f.category = v);
                        }
                    >
                        <option value="" selected=move || filter.with(|f| f.category.is_none())>
                            {move || i18n.t(PeopleKey::AllCategories)}
                        </option>
                        {Category::ALL
                            .iter()
                            .map(|&c| {
                                view! {
                                    <option value=c.as_str() selected=move || filter.with(|f| f.category == Some(c))>
                                        {move || i18n.t(category_key(c))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-programme">{move || i18n.t(PersonKey::Programme)}</label>
                    <select
                        id="filter-programme"
                        on:change=move |ev| {
                            let v = event_target_value(&ev).parse::<Programme>().ok();
                            change(&|f| f.programme = v);
                        }
                    >
                        <option value="" selected=move || filter.with(|f| f.programme.is_none())>
                            {move || i18n.t(PeopleKey::AllProgrammes)}
                        </option>
                        {Programme::ALL
                            .iter()
                            .map(|&p| {
                                view! {
                                    <option value=p.as_str() selected=move || filter.with(|f| f.programme == Some(p))>
                                        {move || i18n.t(programme_key(p))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <LevelSelect id="filter-french-min" label=PeopleKey::FrenchMin filter=filter show=show is_min=true/>
                <LevelSelect id="filter-french-max" label=PeopleKey::FrenchMax filter=filter show=show is_min=false/>
                <div class="field">
                    <label for="filter-tag">{move || i18n.t(PeopleKey::TagFilter)}</label>
                    <select
                        id="filter-tag"
                        on:change=move |ev| {
                            let v = Some(event_target_value(&ev)).filter(|v| !v.is_empty());
                            change(&|f| f.tags = v.clone());
                        }
                    >
                        <option value="" selected=move || filter.with(|f| f.tags.is_none())>
                            {move || i18n.t(PeopleKey::AllTags)}
                        </option>
                        {move || {
                            let lang = i18n.lang.get();
                            let mut list = tags.get().unwrap_or_default();
                            list.sort_by(|a, b| tag_label(a, lang).cmp(tag_label(b, lang)));
                            list.into_iter()
                                .map(|t| {
                                    let label = tag_label(&t, lang).to_string();
                                    let slug = t.slug.clone();
                                    let slug2 = t.slug.clone();
                                    view! {
                                        <option
                                            value=slug
                                            selected=move || filter.with(|f| f.tags.as_deref() == Some(slug2.as_str()))
                                        >
                                            {label}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-commune">{move || i18n.t(PersonKey::Commune)}</label>
                    <input id="filter-commune" type="text" bind:value=commune_input/>
                </div>
                <div class="field checks">
                    <label class="check">
                        <input
                            type="checkbox"
                            id="filter-to-review"
                            prop:checked=move || filter.with(|f| f.status == Some(PersonStatus::ToReview))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                change(&|f| f.status = on.then_some(PersonStatus::ToReview));
                            }
                        />
                        {move || i18n.t(PeopleKey::OnlyToReview)}
                    </label>
                    <label class="check">
                        <input
                            type="checkbox"
                            id="filter-archived"
                            prop:checked=move || filter.with(|f| f.archived == Some(true))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                change(&|f| f.archived = on.then_some(true));
                            }
                        />
                        {move || i18n.t(PeopleKey::ShowArchived)}
                    </label>
                </div>
                <Show when=has_filters>
                    <div class="field filter-clear">
                        <button type="button" class="button link" on:click=move |_| show.run(PeopleFilter::default())>
                            {move || i18n.t(CommonKey::ClearFilters)}
                        </button>
                    </div>
                </Show>
            </form>

            {can_write.then(|| view! {
                <StatusMessage message=bulk_status/>
                <BulkBar selected=selected page=on_page status=bulk_status/>
            })}
            {move || load_state(people.get(), move || people.refetch(), move |result| view! {
                <PeopleList result=result filter=filter show=show selected=can_write.then_some(selected)/>
            }.into_any())}
        </section>
    }
}

#[component]
fn LevelSelect(
    id: &'static str,
    #[prop(into)] label: Text,
    filter: Memo<PeopleFilter>,
    show: Callback<PeopleFilter>,
    is_min: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = move || filter.with(|f| if is_min { f.french_min } else { f.french_max });
    view! {
        <div class="field">
            <label for=id>{move || i18n.t(label)}</label>
            <select
                id=id
                on:change=move |ev| {
                    let v = event_target_value(&ev).parse::<FrenchLevel>().ok();
                    let mut f = filter.get_untracked();
                    if is_min { f.french_min = v } else { f.french_max = v }
                    f.page = None;
                    show.run(f);
                }
            >
                <option value="" selected=move || current().is_none()>{move || i18n.t(PeopleKey::AnyLevel)}</option>
                {FrenchLevel::ALL
                    .iter()
                    .map(|&l| view! { <option value=l.as_str() selected=move || current() == Some(l)>{l.as_str()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Badges of a person in a list: category, to review, archived.
#[component]
pub fn PersonBadges(
    category: Option<Category>,
    status: PersonStatus,
    archived: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="badges">
            <span class="badge badge-category">{move || i18n.t(category_opt_key(category))}</span>
            {(status == PersonStatus::ToReview)
                .then(|| view! { <span class="badge badge-review">{move || i18n.t(PeopleKey::ReviewQueue)}</span> })}
            {archived.then(|| view! { <span class="badge badge-inactive">{move || i18n.t(PeopleKey::Archived)}</span> })}
        </span>
    }
}

fn summary_line(p: &PersonSummary, i18n: crate::locale::I18n) -> String {
    let mut parts: Vec<String> = Vec::new();
    let place = [p.postcode.clone(), p.commune.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if !place.is_empty() {
        parts.push(place);
    }
    if let Some(level) = p.french_level {
        parts.push(format!(
            "{} {}",
            i18n.t(PersonKey::FrenchLevel),
            level.as_str()
        ));
    }
    let programmes = p
        .programmes
        .iter()
        .map(|&pr| i18n.t(programme_key(pr)))
        .collect::<Vec<_>>()
        .join(", ");
    if !programmes.is_empty() {
        parts.push(programmes);
    }
    parts.join(" · ")
}

#[component]
fn PeopleList(
    result: Page<PersonSummary>,
    filter: Memo<PeopleFilter>,
    show: Callback<PeopleFilter>,
    /// The bulk selection, for those who may assign coaches.
    selected: Option<RwSignal<Vec<Uuid>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let page = filter.get_untracked().page.unwrap_or(1);
    let pages = PageParams {
        page: Some(page),
        page_size: Some(PAGE_SIZE),
    }
    .last_page(result.count);
    let has_prev = result.previous.is_some();
    let has_next = result.next.is_some();
    let count = result.count;
    if result.results.is_empty() {
        return view! { <p class="empty card">{move || i18n.t(PeopleKey::NoPeople)}</p> }
            .into_any();
    }
    let go = move |to: u32| {
        let mut f = filter.get_untracked();
        f.page = (to > 1).then_some(to);
        show.run(f);
    };
    let rows = result
        .results
        .into_iter()
        .map(|p| {
            let href = person_path(p.id);
            // Each contact isolated and left to right: a phone number scrambles in Arabic
            // otherwise.
            let contacts: Vec<String> = [p.email.clone(), p.phone.clone()]
                .into_iter()
                .flatten()
                .collect();
            let contact = contacts
                .iter()
                .enumerate()
                .map(|(i, c)| view! { {(i > 0).then_some(" · ")}<bdi dir="ltr">{c.clone()}</bdi> })
                .collect_view();
            let has_contact = !contacts.is_empty();
            let p2 = p.clone();
            view! {
                <li class="person card">
                    <div class="person-main">
                        {selected.map(|s| view! { <SelectBox person=p.clone() selected=s/> })}
                        <h2 class="person-name">
                            <a href=href><bdi>{p.display_name.clone()}</bdi></a>
                        </h2>
                        <PersonBadges category=p.category status=p.status archived=p.archived/>
                    </div>
                    {has_contact.then(|| view! { <p class="muted small contact">{contact}</p> })}
                    <p class="muted small">{move || summary_line(&p2, i18n)}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="count" aria-live="polite">
            {move || i18n.tf(PeopleKey::PeopleCount, &[("count", &count.to_string())])}
        </p>
        <ul class="people">{rows}</ul>
        <Pager page=page pages has_prev has_next go=Callback::new(go)/>
    }
    .into_any()
}

/// The review queue: people in the `to_review` state (public sign-ups, possible duplicates).
#[component]
pub fn ReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(PeopleKey::ReviewQueueTitle);
    let api = use_api();
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    let decide = Action::new_local(move |(p, outcome): &(PersonSummary, ReviewOutcome)| {
        let (p, outcome) = (p.clone(), *outcome);
        async move {
            let r = api
                .review_person(p.id, &ReviewDecision { decision: outcome })
                .await;
            (p.display_name, outcome, r)
        }
    });
    Effect::new(move |_| match decide.value().get() {
        Some((name, outcome, Ok(_))) => {
            error.set(None);
            let key = match outcome {
                ReviewOutcome::Accept => PeopleKey::ReviewAccepted,
                ReviewOutcome::Archive => PeopleKey::ReviewArchived,
            };
            status.set(Some(i18n.tf(key, &[("name", &name)])));
        }
        Some((_, _, Err(err))) => {
            status.set(None);
            error.set(Some(err.message(i18n.lang.get_untracked())));
        }
        None => {}
    });
    let busy = decide.pending();
    let queue = LocalResource::new(move || {
        decide.version().get();
        let f = PeopleFilter {
            status: Some(PersonStatus::ToReview),
            page_size: Some(100),
            ..PeopleFilter::default()
        };
        async move { api.list_people(&f).await }
    });

    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="back"><a href=PEOPLE>{move || i18n.t(PeopleKey::BackToPeople)}</a></p>
            <h1 id="page-title">{move || i18n.t(PeopleKey::ReviewQueueTitle)}</h1>
            <p class="lead">{move || i18n.t(PeopleKey::ReviewIntro)}</p>
            <StatusMessage message=status/>
            <ErrorAlert message=error on_dismiss=move || error.set(None)/>
            {move || match queue.get() {
                None => view! { <Loading/> }.into_any(),                Some(Err(err)) => load_error(&err, move || queue.refetch()),
                Some(Ok(page)) if page.results.is_empty() => {
                    view! { <p class="empty card">{move || i18n.t(PeopleKey::NothingToReview)}</p> }.into_any()
                }
                Some(Ok(page)) => {
                    let rows = page
                        .results
                        .into_iter()
                        .map(|p| {
                            let (p1, p2, p3) = (p.clone(), p.clone(), p.clone());
                            let (n1, n2) = (p.display_name.clone(), p.display_name.clone());
                            view! {
                                <li class="person card review-item">
                                    <div class="person-main">
                                        <h2 class="person-name">
                                            <a href=person_path(p.id)><bdi>{p.display_name.clone()}</bdi></a>
                                        </h2>
                                        <PersonBadges category=p.category status=p.status archived=p.archived/>
                                    </div>
                                    <p class="muted small">{move || summary_line(&p3, i18n)}</p>
                                    <div class="actions">
                                        <button
                                            type="button"
                                            class="button primary"
                                            disabled=move || busy.get()
                                            aria-label=move || i18n.tf(PeopleKey::AcceptNamed, &[("name", &n1)])
                                            on:click=move |_| {
                                                decide.dispatch((p1.clone(), ReviewOutcome::Accept));
                                            }
                                        >
                                            {move || i18n.t(PeopleKey::Accept)}
                                        </button>
                                        <button
                                            type="button"
                                            class="button"
                                            disabled=move || busy.get()
                                            aria-label=move || i18n.tf(PeopleKey::ArchiveNamed, &[("name", &n2)])
                                            on:click=move |_| {
                                                decide.dispatch((p2.clone(), ReviewOutcome::Archive));
                                            }
                                        >
                                            {move || i18n.t(CommonKey::Archive)}
                                        </button>
                                    </div>
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul class="people">{rows}</ul> }.into_any()
                }
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn filter_round_trips_through_the_address() {
        let f = PeopleFilter {
            q: Some("Amina B".into()),
            category: Some(Category::Newcomer),
            programme: Some(Programme::Duo2change),
            french_min: Some(FrenchLevel::A2),
            french_max: Some(FrenchLevel::B2),
            commune: Some("Liège".into()),
            status: Some(PersonStatus::ToReview),
            archived: Some(true),
            page: Some(3),
            ..PeopleFilter::default()
        };
        let query = people_query(&f);
        let map: HashMap<String, String> = query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), decode(v)))
            .collect();
        let back = filter_from_query(|name| map.get(name).cloned());
        assert_eq!(back, f);
    }

    #[test]
    fn unknown_values_are_ignored() {
        let f = filter_from_query(|name| match name {
            "category" => Some("martian".into()),
            "page" => Some("1".into()),
            "q" => Some("  ".into()),
            _ => None,
        });
        assert_eq!(f, PeopleFilter::default());
    }

    fn decode(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' && i + 2 < bytes.len() + 1 {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("00");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap_or_default()
    }
}
