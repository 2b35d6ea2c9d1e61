//! The team's review queue of partners' referrals, newest first, by status (those to review by
//! default; the status in the address), each status with its count.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::referrals::{Referral, ReferralStatus};

use super::{manages, PartnerTabs, ReferralBadge, Tab};
use crate::api::partners::REFERRALS_PAGE_SIZE;
use crate::api::use_api;
use crate::components::load::load_error;
use crate::components::{Forbidden, Loading, Pager};
use crate::i18n::partners::{status_key, PtKey};
use crate::i18n::vocabulary::programme_key;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::duo::format_day;
use crate::routes::{referral_path, REFERRALS};

/// The queue's filter, as in the address: `status` (default: received; `all`) and `page`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueFilter {
    pub status: Option<ReferralStatus>,
    pub page: Option<u32>,
}

impl QueueFilter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> QueueFilter {
        let status = match get("status").as_deref().map(str::trim) {
            None | Some("") => Some(ReferralStatus::Received),
            Some("all") => None,
            Some(v) => Some(v.parse().unwrap_or(ReferralStatus::Received)),
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
            Some(ReferralStatus::Received) => {}
            Some(s) => parts.push(format!("status={}", s.as_str())),
            None => parts.push("status=all".to_string()),
        }
        if let Some(p) = self.page.filter(|p| *p > 1) {
            parts.push(format!("page={p}"));
        }
        if parts.is_empty() {
            REFERRALS.to_string()
        } else {
            format!("{REFERRALS}?{}", parts.join("&"))
        }
    }
}

#[component]
pub fn ReferralsPage() -> impl IntoView {
    if manages() {
        view! { <Queue/> }.into_any()
    } else {
        view! { <Forbidden/> }.into_any()
    }
}

#[component]
fn Queue() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(PtKey::QueueTitle);
    let api = use_api();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| QueueFilter::from_query(|n| q.get(n))));
    let navigate = use_navigate();
    let show = Callback::new(move |f: QueueFilter| navigate(&f.path(), NavigateOptions::default()));
    let list = LocalResource::new(move || {
        let f = filter.get();
        async move { api.referrals(f.status, f.page, REFERRALS_PAGE_SIZE).await }
    });
    // How many referrals each status holds: the count of a one-item page per status.
    let counts = LocalResource::new(move || async move {
        let calls = ReferralStatus::ALL
            .iter()
            .map(|&s| async move { (s, api.referrals(Some(s), None, 1).await.map(|p| p.count)) });
        futures::future::join_all(calls).await
    });
    let count_of = move |s: ReferralStatus| {
        counts
            .get()
            .and_then(|list| list.into_iter().find(|(x, _)| *x == s))
            .and_then(|(_, n)| n.ok())
    };
    let status_value = move || {
        filter.with(|f| {
            f.status
                .map(|s| s.as_str().to_string())
                .unwrap_or_else(|| "all".into())
        })
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(PtKey::QueueTitle)}</h1>
            <p class="lead">{move || i18n.t(PtKey::QueueIntro)}</p>
            <PartnerTabs current=Some(Tab::Referrals)/>
            <form class="filters card queue-filters" role="search" aria-label=move || i18n.t(PtKey::StatusFilter)
                on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                <div class="field">
                    <label for="filter-status">{move || i18n.t(PtKey::StatusFilter)}</label>
                    <select id="filter-status" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let status = if v == "all" { None } else { v.parse::<ReferralStatus>().ok() };
                        show.run(QueueFilter { status, page: None });
                    }>
                        {ReferralStatus::ALL.iter().map(|&s| view! {
                            <option value=s.as_str() selected=move || status_value() == s.as_str()>
                                {move || match count_of(s) {
                                    Some(n) => i18n.tf(PtKey::StatusWithCount, &[("status", i18n.t(status_key(s))), ("count", &n.to_string())]),
                                    None => i18n.t(status_key(s)).to_string(),
                                }}
                            </option>
                        }).collect_view()}
                        <option value="all" selected=move || status_value() == "all">{move || i18n.t(PtKey::AllReferrals)}</option>
                    </select>
                </div>
            </form>
            {move || match list.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => load_error(&err, move || list.refetch()),
                Some(Ok(page)) => {
                    let f = filter.get();
                    let current = f.page.unwrap_or(1);
                    let pages = u32::try_from(page.count.div_ceil(u64::from(REFERRALS_PAGE_SIZE))).unwrap_or(u32::MAX).max(1);
                    let go = Callback::new(move |p: u32| show.run(QueueFilter { page: Some(p), ..f.clone() }));
                    let count = page.count;
                    let body = if page.results.is_empty() {
                        view! { <p class="empty card">{move || i18n.t(PtKey::NoReferrals)}</p> }.into_any()
                    } else {
                        let items = page.results.into_iter().map(|r| view! { <ReferralCard r=r/> }).collect_view();
                        view! { <ul class="plain referrals">{items}</ul> }.into_any()
                    };
                    view! {
                        <p class="count" aria-live="polite">
                            {move || i18n.tf(PtKey::ReferralCount, &[("count", &count.to_string())])}
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
fn ReferralCard(r: Referral) -> impl IntoView {
    let i18n = use_i18n();
    let received = r.created_at;
    let org = r.organisation_name.clone();
    let programme = r.programme;
    view! {
        <li class="card referral">
            <div class="person-main">
                <h2 class="person-name">
                    <a href=referral_path(r.id)><bdi>{r.first_name.clone()}</bdi></a>
                </h2>
                <ReferralBadge status=r.status/>
            </div>
            <p class="small">{move || i18n.tf(PtKey::ForProgramme, &[("programme", i18n.t(programme_key(programme)))])}</p>
            <p class="small muted">
                {move || i18n.tf(PtKey::FromOrg, &[("organisation", &org), ("date", &format_day(i18n.lang.get(), &received))])}
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_queue_shows_referrals_to_review_unless_told_otherwise() {
        let to_review = QueueFilter::from_query(|_| None);
        assert_eq!(to_review.status, Some(ReferralStatus::Received));
        assert_eq!(to_review.path(), "/partners/referrals");
        let all = QueueFilter {
            status: None,
            page: Some(2),
        };
        assert_eq!(all.path(), "/partners/referrals?status=all&page=2");
        let get = |n: &str| match n {
            "status" => Some("all".to_string()),
            "page" => Some("2".to_string()),
            _ => None,
        };
        assert_eq!(QueueFilter::from_query(get), all);
        let silent = QueueFilter {
            status: Some(ReferralStatus::NoAnswer),
            page: None,
        };
        assert_eq!(silent.path(), "/partners/referrals?status=no_answer");
        assert_eq!(
            QueueFilter::from_query(|n| (n == "status").then(|| "no_answer".into())),
            silent
        );
    }
}
