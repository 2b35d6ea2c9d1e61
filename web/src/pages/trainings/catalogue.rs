//! `/trainings`: the catalogue of modules (title in the reader's language, audience, hours,
//! languages, certificate, number of courses), filtered by a text and an audience kept in the
//! address, then the courses to come and the past ones. Cards on a phone, a table on a wide
//! screen.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::trainings::{Audience, Course, Module};

use super::{audience_key, course_dates, hours_text, languages_text, manages};
use crate::api::{encode_component, use_api};
use crate::components::load::load_state;
use crate::i18n::common::CommonKey;
use crate::i18n::trainings::TrKey;
use crate::i18n::trainings_staff::TsKey;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::activities::pick;
use crate::pages::duo::today_in_brussels;
use crate::routes::{training_course_path, training_module_path, TRAININGS, TRAININGS_NEW_MODULE};

/// The catalogue's filter: a text in the title (any language) and an audience.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModuleFilter {
    pub q: Option<String>,
    pub audience: Option<Audience>,
}

impl ModuleFilter {
    /// From the address (`q`, `audience`).
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> ModuleFilter {
        ModuleFilter {
            q: get("q")
                .map(|q| q.trim().to_string())
                .filter(|q| !q.is_empty()),
            audience: get("audience").and_then(|a| a.parse().ok()),
        }
    }

    /// The catalogue's address for this filter.
    pub fn path(&self) -> String {
        let mut parts = Vec::new();
        if let Some(q) = &self.q {
            parts.push(format!("q={}", encode_component(q)));
        }
        if let Some(a) = self.audience {
            parts.push(format!("audience={}", a.as_str()));
        }
        if parts.is_empty() {
            TRAININGS.to_string()
        } else {
            format!("{TRAININGS}?{}", parts.join("&"))
        }
    }

    /// Whether `m` passes: the audience, and the text in one of its titles (case ignored).
    pub fn keeps(&self, m: &Module) -> bool {
        let text_ok = self.q.as_ref().is_none_or(|q| {
            let q = q.to_lowercase();
            m.title.values().any(|t| t.to_lowercase().contains(&q))
        });
        text_ok && self.audience.is_none_or(|a| a == m.audience)
    }
}

#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(TsKey::NavTrainings);
    let api = use_api();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| ModuleFilter::from_query(|n| q.get(n))));
    let navigate = use_navigate();
    let show =
        Callback::new(move |f: ModuleFilter| navigate(&f.path(), NavigateOptions::default()));
    let text = RwSignal::new(filter.get_untracked().q.unwrap_or_default());
    let modules = LocalResource::new(move || {
        let _lang = i18n.lang.get();
        async move { api.training_modules().await }
    });
    let courses = LocalResource::new(move || {
        let _lang = i18n.lang.get();
        async move { api.training_courses(None).await }
    });
    let audience_value = move || {
        filter.with(|f| {
            f.audience
                .map(|a| a.as_str().to_string())
                .unwrap_or_default()
        })
    };
    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        show.run(ModuleFilter {
            q: Some(text.get_untracked().trim().to_string()).filter(|q| !q.is_empty()),
            ..filter.get_untracked()
        });
    };
    view! {
        <section class="page trainings-page" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || i18n.t(TsKey::CatalogueTitle)}</h1>
                {manages().then(|| view! {
                    <a class="button primary" href=TRAININGS_NEW_MODULE>{move || i18n.t(TsKey::NewModule)}</a>
                })}
            </div>
            <p class="lead">{move || i18n.t(TsKey::CatalogueIntro)}</p>
            <section aria-labelledby="modules-title">
                <h2 id="modules-title">{move || i18n.t(TsKey::ModulesTitle)}</h2>
                <form class="filters card tr-filters" role="search" aria-label=move || i18n.t(CommonKey::Filters) on:submit=on_search>
                    <div class="field">
                        <label for="module-q">{move || i18n.t(CommonKey::SearchSubmit)}</label>
                        <input id="module-q" type="search" bind:value=text/>
                    </div>
                    <div class="field">
                        <label for="module-audience">{move || i18n.t(TsKey::ColAudience)}</label>
                        <select id="module-audience" on:change=move |ev| {
                            let audience = event_target_value(&ev).parse::<Audience>().ok();
                            show.run(ModuleFilter { audience, ..filter.get_untracked() });
                        }>
                            <option value="" selected=move || audience_value().is_empty()>{move || i18n.t(TsKey::AllAudiences)}</option>
                            {Audience::ALL.iter().map(|&a| view! {
                                <option value=a.as_str() selected=move || audience_value() == a.as_str()>
                                    {move || i18n.t(audience_key(a))}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="actions">
                        <button type="submit" class="button">{move || i18n.t(CommonKey::SearchSubmit)}</button>
                    </div>
                </form>
                {move || load_state(modules.get(), move || modules.refetch(), move |list| {
                    let f = filter.get();
                    let shown: Vec<Module> = list.into_iter().filter(|m| f.keeps(m)).collect();
                    let count = shown.len();
                    if shown.is_empty() {
                        return view! { <p class="empty card">{move || i18n.t(TsKey::NoModules)}</p> }.into_any();
                    }
                    view! {
                        <p class="count" aria-live="polite">{move || i18n.tf(TsKey::ModuleCount, &[("count", &count.to_string())])}</p>
                        <ModuleCards modules=shown.clone()/>
                        <ModuleTable modules=shown/>
                    }.into_any()
                })}
            </section>
            {move || load_state(courses.get(), move || courses.refetch(), move |list| {
                let today = today_in_brussels();
                let (upcoming, past): (Vec<Course>, Vec<Course>) = list.into_iter().partition(|c| c.ends_on >= today);
                // The next course first among those to come; the latest first among the past.
                let mut upcoming = upcoming;
                upcoming.sort_by_key(|c| c.starts_on);
                view! {
                    <CourseList id="upcoming-title" title=TsKey::UpcomingCourses courses=upcoming/>
                    <CourseList id="past-title" title=TsKey::PastCourses courses=past/>
                }.into_any()
            })}
        </section>
    }
}

/// The modules as cards (phones).
#[component]
fn ModuleCards(modules: Vec<Module>) -> impl IntoView {
    let i18n = use_i18n();
    let items = modules
        .into_iter()
        .map(|m| {
            let (id, audience, hours, certificate, courses) =
                (m.id, m.audience, hours_text(m.hours), m.certificate, m.courses);
            let title = m.title.clone();
            let languages = languages_text(&m.languages);
            view! {
                <li class="card module-card">
                    <h3 class="person-name">
                        <a href=training_module_path(id)><bdi>{move || pick(&title, i18n.lang.get())}</bdi></a>
                    </h3>
                    <p class="badges">
                        <span class="badge badge-category">{move || i18n.t(audience_key(audience))}</span>
                        <span class="badge">{move || i18n.tf(TrKey::HoursValue, &[("hours", &hours)])}</span>
                        {(!languages.is_empty()).then(|| view! { <span class="badge" dir="ltr">{languages}</span> })}
                        <span class=if certificate { "badge badge-active" } else { "badge badge-inactive" }>
                            {move || i18n.t(if certificate { TsKey::CertificateYes } else { TsKey::CertificateNo })}
                        </span>
                    </p>
                    <p class="small muted">{move || i18n.tf(TsKey::CoursesCount, &[("count", &courses.to_string())])}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain module-cards">{items}</ul> }
}

/// The modules as a table (wide screens).
#[component]
fn ModuleTable(modules: Vec<Module>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = modules
        .into_iter()
        .map(|m| {
            let (id, audience, hours, certificate, courses) =
                (m.id, m.audience, hours_text(m.hours), m.certificate, m.courses);
            let title = m.title.clone();
            view! {
                <tr>
                    <th scope="row"><a href=training_module_path(id)><bdi>{move || pick(&title, i18n.lang.get())}</bdi></a></th>
                    <td>{move || i18n.t(audience_key(audience))}</td>
                    <td>{move || i18n.tf(TrKey::HoursValue, &[("hours", &hours)])}</td>
                    <td dir="ltr">{languages_text(&m.languages)}</td>
                    <td>{move || i18n.t(if certificate { TsKey::CertificateYes } else { TsKey::CertificateNo })}</td>
                    <td>{courses}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap module-table" role="region" aria-labelledby="modules-caption" tabindex="0">
            <table class="report-table">
                <caption id="modules-caption">{move || i18n.t(TsKey::ModulesCaption)}</caption>
                <thead><tr>
                    <th scope="col">{move || i18n.t(TsKey::ColModule)}</th>
                    <th scope="col">{move || i18n.t(TsKey::ColAudience)}</th>
                    <th scope="col">{move || i18n.t(TsKey::ColHours)}</th>
                    <th scope="col">{move || i18n.t(TsKey::ColLanguages)}</th>
                    <th scope="col">{move || i18n.t(TsKey::ColCertificate)}</th>
                    <th scope="col">{move || i18n.t(TsKey::ColCourses)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A list of courses under its heading: dates, sessions, seats.
#[component]
pub fn CourseList(id: &'static str, title: TsKey, courses: Vec<Course>) -> impl IntoView {
    let i18n = use_i18n();
    let body = if courses.is_empty() {
        view! { <p class="muted">{move || i18n.t(TsKey::NoCourses)}</p> }.into_any()
    } else {
        let items = courses
            .into_iter()
            .map(|c| view! { <CourseItem c=c/> })
            .collect_view();
        view! { <ul class="plain course-list">{items}</ul> }.into_any()
    };
    view! {
        <section class="card" aria-labelledby=id>
            <h2 id=id>{move || i18n.t(title)}</h2>
            {body}
        </section>
    }
}

#[component]
fn CourseItem(c: Course) -> impl IntoView {
    let i18n = use_i18n();
    let (starts_on, ends_on) = (c.starts_on, c.ends_on);
    let (registered, waitlisted, capacity) = (c.registered, c.waitlisted, c.capacity);
    let sessions = c.sessions.len();
    let hours = hours_text(c.hours);
    let open = c.open_to_partners;
    view! {
        <li class="course-item">
            <a href=training_course_path(c.id) class="course-link">
                <bdi>{c.title.clone()}</bdi>
                " — "
                <span>{move || course_dates(i18n, starts_on, ends_on)}</span>
            </a>
            <p class="small muted">
                {move || {
                    let mut parts = vec![
                        i18n.tf(TsKey::SessionsCount, &[("count", &sessions.to_string())]),
                        i18n.tf(TsKey::CourseHours, &[("hours", &hours)]),
                        i18n.tf(TsKey::CourseSeats, &[("registered", &registered.to_string()), ("waitlisted", &waitlisted.to_string())]),
                    ];
                    if let Some(cap) = capacity {
                        parts.push(i18n.tf(TsKey::CourseCapacity, &[("capacity", &cap.to_string())]));
                    }
                    parts.join(" · ")
                }}
                {open.then(|| view! { " " <span class="badge">{move || i18n.t(TsKey::OpenToPartnersBadge)}</span> })}
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_lives_in_the_address() {
        let f = ModuleFilter::from_query(|n| match n {
            "q" => Some(" bases ".into()),
            "audience" => Some("partner_staff".into()),
            _ => None,
        });
        assert_eq!(f.q.as_deref(), Some("bases"));
        assert_eq!(f.audience, Some(Audience::PartnerStaff));
        assert_eq!(f.path(), "/trainings?q=bases&audience=partner_staff");
        assert_eq!(ModuleFilter::default().path(), TRAININGS);
        // An unknown audience is no filter.
        let odd = ModuleFilter::from_query(|n| (n == "audience").then(|| "cats".to_string()));
        assert_eq!(odd, ModuleFilter::default());
    }
}
