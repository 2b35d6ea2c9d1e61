//! The mentors' directory: mentors, facilitators and experts with their expertise (need
//! domains and sectors), languages, availability and the places they have left, filtered by
//! role, expertise and activity.

use leptos::prelude::*;
use shared::interlab::{Mentor, MentorFilter, MentorRole, NeedDomain};

use super::entrepreneur::is_full;
use super::{InterlabTabs, Tab};
use crate::api::use_api;
use crate::components::load::load_state;
use crate::i18n::interlab::domain_key;
use crate::i18n::interlab_mentoring::{mentor_role_key, IlmKey};
use crate::locale::{use_i18n, use_page_title};

/// The directory's filters as chosen in the selects (empty: any).
pub fn directory_filter(role: &str, domain: &str, active: &str) -> MentorFilter {
    MentorFilter {
        role: role.parse::<MentorRole>().ok(),
        domain: domain.parse::<NeedDomain>().ok(),
        active: match active {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
    }
}

#[component]
pub fn MentorsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(IlmKey::DirectoryTitle);
    let api = use_api();
    let role = RwSignal::new(String::new());
    let domain = RwSignal::new(String::new());
    let active = RwSignal::new("yes".to_string());
    let list = LocalResource::new(move || {
        let f = directory_filter(&role.get(), &domain.get(), &active.get());
        let _lang = i18n.lang.get();
        async move { api.interlab_mentors(&f).await }
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(IlmKey::DirectoryTitle)}</h1>
            <p class="lead">{move || i18n.t(IlmKey::DirectoryIntro)}</p>
            <InterlabTabs current=Some(Tab::Mentors)/>
            <form class="filters card il-filters" role="search" aria-labelledby="mentor-filters-title"
                on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                <h2 id="mentor-filters-title" class="visually-hidden">{move || i18n.t(IlmKey::DirectoryFilters)}</h2>
                <div class="field">
                    <label for="filter-role">{move || i18n.t(IlmKey::RoleLabel)}</label>
                    <select id="filter-role" on:change=move |ev| role.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(IlmKey::AllRoles)}</option>
                        {MentorRole::ALL.iter().map(|&r| view! {
                            <option value=r.as_str()>{move || i18n.t(mentor_role_key(r))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-domain">{move || i18n.t(IlmKey::Expertise)}</label>
                    <select id="filter-domain" on:change=move |ev| domain.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(IlmKey::AllDomains)}</option>
                        {NeedDomain::ALL.iter().map(|&d| view! {
                            <option value=d.as_str()>{move || i18n.t(domain_key(d))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-active">{move || i18n.t(IlmKey::ActiveFilter)}</label>
                    <select id="filter-active" on:change=move |ev| active.set(event_target_value(&ev))>
                        <option value="yes" selected=true>{move || i18n.t(IlmKey::ActiveOnly)}</option>
                        <option value="no">{move || i18n.t(IlmKey::InactiveOnly)}</option>
                        <option value="">{move || i18n.t(IlmKey::Everyone)}</option>
                    </select>
                </div>
            </form>
            {move || load_state(list.get(), move || list.refetch(), |mentors| {
                let count = mentors.len();
                view! {
                    <p class="count" aria-live="polite">{move || i18n.tf(IlmKey::MentorCount, &[("count", &count.to_string())])}</p>
                    {if mentors.is_empty() {
                        view! { <p class="muted">{move || i18n.t(IlmKey::NoMentorsFound)}</p> }.into_any()
                    } else {
                        view! { <ul class="il-cards il-cards-always mentors">{mentors.into_iter().map(|m| view! { <MentorCard m=m/> }).collect_view()}</ul> }.into_any()
                    }}
                }.into_any()
            })}
        </section>
    }
}

#[component]
fn MentorCard(m: Mentor) -> impl IntoView {
    let i18n = use_i18n();
    let (role, load, capacity, full, active) = (m.role, m.load, m.capacity, is_full(&m), m.active);
    let domains = m.domains.clone();
    let sectors = m
        .sectors
        .iter()
        .map(|s| s.label.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let languages = m.languages.join(", ");
    view! {
        <li class="card il-card mentor-card">
            <h2 class="small-heading"><bdi>{m.display_name.clone()}</bdi></h2>
            <p>
                <span>{move || i18n.t(mentor_role_key(role))}</span>
                {m.organisation.clone().map(|o| view! { " · " <bdi>{o}</bdi> })}
                {(!active).then(|| view! { " " <span class="badge">{move || i18n.t(IlmKey::Inactive)}</span> })}
            </p>
            <p class="places" class:full=full>
                {move || if full {
                    i18n.t(IlmKey::Full).to_string()
                } else {
                    i18n.tf(IlmKey::PlacesTaken, &[("load", &load.to_string()), ("capacity", &capacity.to_string())])
                }}
            </p>
            {(!domains.is_empty()).then(|| {
                let domains = domains.clone();
                view! {
                    <p class="small">
                        <strong>{move || i18n.t(IlmKey::Expertise)}</strong>" : "
                        {move || domains.iter().map(|d| i18n.t(domain_key(*d))).collect::<Vec<_>>().join(", ")}
                    </p>
                }
            })}
            {(!sectors.is_empty()).then(|| view! { <p class="small"><strong>{move || i18n.t(IlmKey::Sectors)}</strong>" : "{sectors.clone()}</p> })}
            <p class="small"><strong>{move || i18n.t(IlmKey::Languages)}</strong>" : "<span>{languages}</span></p>
            {m.availability.clone().map(|a| view! { <p class="small"><strong>{move || i18n.t(IlmKey::Availability)}</strong>" : "{a}</p> })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selects_make_the_directory_filter() {
        assert_eq!(directory_filter("", "", ""), MentorFilter::default());
        assert_eq!(
            directory_filter("facilitator", "financing", "yes"),
            MentorFilter {
                role: Some(MentorRole::Facilitator),
                domain: Some(NeedDomain::Financing),
                active: Some(true),
            }
        );
        assert_eq!(directory_filter("x", "y", "no").active, Some(false));
    }
}
