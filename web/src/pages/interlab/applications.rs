//! The team's review queue: applications to InterLab, oldest first, filtered by status (those to
//! review by default; the filter in the address).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::interlab::{Application, ApplicationStatus};

use super::{manages, ApplicationBadge, InterlabTabs, Tab};
use crate::api::interlab::APPLICATIONS_PAGE_SIZE;
use crate::api::use_api;
use crate::components::load::load_error;
use crate::components::{Forbidden, Loading, Pager};
use crate::i18n::common::CommonKey;
use crate::i18n::interlab::{application_status_key, heard_via_key, IlKey};
use crate::locale::{use_i18n, use_page_title};
use crate::pages::duo::format_day;
use crate::routes::{interlab_application_path, INTERLAB_APPLICATIONS};

/// The queue's filter, as in the address: `status` (default: to review; `all`) and `page`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueFilter {
    pub status: Option<ApplicationStatus>,
    pub page: Option<u32>,
}

impl Default for QueueFilter {
    fn default() -> Self {
        QueueFilter {
            status: Some(ApplicationStatus::Pending),
            page: None,
        }
    }
}

impl QueueFilter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> QueueFilter {
        let status = match get("status").as_deref().map(str::trim) {
            None | Some("") => Some(ApplicationStatus::Pending),
            Some("all") => None,
            Some(v) => Some(v.parse().unwrap_or(ApplicationStatus::Pending)),
        };
        QueueFilter {
            status,
            page: get("page")
                .and_then(|v| v.trim().parse().ok())
                .filter(|p| *p > 1),
        }
    }

    pub fn path(&self) -> String {
        let mut parts = Vec::new();
        match self.status {
            Some(ApplicationStatus::Pending) => {}
            Some(s) => parts.push(format!("status={}", s.as_str())),
            None => parts.push("status=all".to_string()),
        }
        if let Some(p) = self.page.filter(|p| *p > 1) {
            parts.push(format!("page={p}"));
        }
        if parts.is_empty() {
            INTERLAB_APPLICATIONS.to_string()
        } else {
            format!("{INTERLAB_APPLICATIONS}?{}", parts.join("&"))
        }
    }
}

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    if manages() {
        view! { <Queue/> }.into_any()
    } else {
        view! { <Forbidden/> }.into_any()
    }
}

#[component]
fn Queue() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(IlKey::QueueTitle);
    let api = use_api();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| QueueFilter::from_query(|n| q.get(n))));
    let navigate = use_navigate();
    let show = Callback::new(move |f: QueueFilter| navigate(&f.path(), NavigateOptions::default()));
    let list = LocalResource::new(move || {
        let f = filter.get();
        async move { api.interlab_applications(f.status, f.page).await }
    });
    let status_value = move || {
        filter.with(|f| {
            f.status
                .map(|s| s.as_str().to_string())
                .unwrap_or_else(|| "all".into())
        })
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(IlKey::QueueTitle)}</h1>
            <p class="lead">{move || i18n.t(IlKey::QueueIntro)}</p>
            <InterlabTabs current=Some(Tab::Applications)/>
            <form class="filters card queue-filters" role="search" aria-labelledby="queue-filters-title"
                on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                <h2 id="queue-filters-title" class="visually-hidden">{move || i18n.t(IlKey::QueueFilters)}</h2>
                <div class="field">
                    <label for="filter-status">{move || i18n.t(CommonKey::Status)}</label>
                    <select id="filter-status" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let status = if v == "all" { None } else { v.parse::<ApplicationStatus>().ok() };
                        show.run(QueueFilter { status, page: None });
                    }>
                        {ApplicationStatus::ALL.iter().map(|&s| view! {
                            <option value=s.as_str() selected=move || status_value() == s.as_str()>
                                {move || i18n.t(application_status_key(s))}
                            </option>
                        }).collect_view()}
                        <option value="all" selected=move || status_value() == "all">{move || i18n.t(CommonKey::AllStatuses)}</option>
                    </select>
                </div>
            </form>
            {move || match list.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => load_error(&err, move || list.refetch()),
                Some(Ok(page)) => {
                    let f = filter.get();
                    let current = f.page.unwrap_or(1);
                    let pages = u32::try_from(page.count.div_ceil(u64::from(APPLICATIONS_PAGE_SIZE))).unwrap_or(u32::MAX).max(1);
                    let go = Callback::new(move |p: u32| show.run(QueueFilter { page: Some(p), ..f.clone() }));
                    let count = page.count;
                    let body = if page.results.is_empty() {
                        view! { <p class="empty card">{move || i18n.t(IlKey::NoApplications)}</p> }.into_any()
                    } else {
                        let items = page.results.into_iter().map(|a| view! { <ApplicationCard a=a/> }).collect_view();
                        view! { <ul class="plain il-applications">{items}</ul> }.into_any()
                    };
                    view! {
                        <p class="count" aria-live="polite">
                            {move || i18n.tf(IlKey::ApplicationCount, &[("count", &count.to_string())])}
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
fn ApplicationCard(a: Application) -> impl IntoView {
    let i18n = use_i18n();
    let received = a.created_at;
    let heard = a.heard_via;
    let detail = a.heard_via_detail.clone();
    view! {
        <li class="card il-application">
            <div class="person-main">
                <h2 class="person-name">
                    <a href=interlab_application_path(a.id)><bdi>{a.display_name.clone()}</bdi></a>
                </h2>
                <ApplicationBadge status=a.status/>
                {a.possible_duplicate.then(|| view! {
                    <span class="badge badge-review">{move || i18n.t(IlKey::PossibleDuplicate)}</span>
                })}
            </div>
            <p class="small muted">
                {move || i18n.tf(IlKey::ReceivedOn, &[("date", &format_day(i18n.lang.get(), &received))])}
                {move || heard.map(|h| {
                    let how = match &detail {
                        Some(d) => format!("{} ({d})", i18n.t(heard_via_key(h))),
                        None => i18n.t(heard_via_key(h)).to_string(),
                    };
                    format!(" · {}", i18n.tf(IlKey::HeardViaIs, &[("how", &how)]))
                })}
            </p>
            <p class="prewrap il-idea">{a.idea.clone()}</p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_queue_shows_applications_to_review_unless_told_otherwise() {
        assert_eq!(QueueFilter::default().path(), "/interlab/applications");
        assert_eq!(QueueFilter::from_query(|_| None), QueueFilter::default());
        let all = QueueFilter {
            status: None,
            page: Some(2),
        };
        assert_eq!(all.path(), "/interlab/applications?status=all&page=2");
        let get = |n: &str| match n {
            "status" => Some("all".to_string()),
            "page" => Some("2".to_string()),
            _ => None,
        };
        assert_eq!(QueueFilter::from_query(get), all);
        let waiting = QueueFilter {
            status: Some(ApplicationStatus::WaitingList),
            page: None,
        };
        assert_eq!(waiting.path(), "/interlab/applications?status=waiting_list");
    }
}
