//! The candidate pool: everyone with a Duo2Change candidacy, newcomers and locals side by side,
//! filtered by side, status, commune and waiting time (filters in the address), longest waiting
//! first.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use shared::duo::{Candidacy, CandidacyStatus};
use shared::people::Category;

use super::{
    commune_name, days_between, format_day, manages_duos, now_utc, travel_text, CandidacyBadge,
    DuoTabs, Tab,
};
use crate::api::duo::Commune;
use crate::api::{encode_component, use_api};
use crate::components::Loading;
use crate::i18n::duo::{candidacy_status_key, hope_key, DuoKey};

use crate::components::load::load_error;
use crate::i18n::common::CommonKey;
use crate::i18n::person::PersonKey;
use crate::i18n::vocabulary::category_key;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{duo_candidate_path, DUO, DUO_BATCH, DUO_CANDIDATE_NEW};

/// Waiting times offered by the filter, in days.
pub const WAITED_CHOICES: [u32; 3] = [30, 90, 180];

/// The pool's filters, as in the address (`/duo?side=local&status=all&commune=liege&waited=90`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolFilter {
    pub side: Option<Category>,
    /// `None`: every status. Without a `status` parameter: the people waiting.
    pub status: Option<CandidacyStatus>,
    /// A commune id.
    pub commune: Option<String>,
    /// Waiting for at least this many days.
    pub waited: Option<u32>,
}

impl Default for PoolFilter {
    fn default() -> Self {
        PoolFilter {
            side: None,
            status: Some(CandidacyStatus::Waiting),
            commune: None,
            waited: None,
        }
    }
}

impl PoolFilter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> PoolFilter {
        let text = |name: &str| {
            get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        PoolFilter {
            side: text("side").and_then(|v| v.parse().ok()),
            status: match text("status").as_deref() {
                None => Some(CandidacyStatus::Waiting),
                Some("all") => None,
                Some(v) => Some(v.parse().unwrap_or(CandidacyStatus::Waiting)),
            },
            commune: text("commune"),
            waited: text("waited")
                .and_then(|v| v.parse().ok())
                .filter(|d| *d > 0),
        }
    }

    /// The address of the pool with this filter.
    pub fn path(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = self.side {
            parts.push(format!("side={}", s.as_str()));
        }
        match self.status {
            Some(CandidacyStatus::Waiting) => {}
            Some(s) => parts.push(format!("status={}", s.as_str())),
            None => parts.push("status=all".to_string()),
        }
        if let Some(c) = &self.commune {
            parts.push(format!("commune={}", encode_component(c)));
        }
        if let Some(d) = self.waited {
            parts.push(format!("waited={d}"));
        }
        if parts.is_empty() {
            DUO.to_string()
        } else {
            format!("{DUO}?{}", parts.join("&"))
        }
    }

    /// The filters the API does not apply (commune, waiting time), applied here.
    pub fn keeps(
        &self,
        c: &Candidacy,
        communes: &[Commune],
        now: chrono::DateTime<chrono::Utc>,
    ) -> bool {
        let commune_ok = self.commune.as_ref().is_none_or(|wanted| {
            c.commune.as_deref().is_some_and(|have| {
                have == wanted
                    || communes
                        .iter()
                        .any(|k| &k.id == wanted && (k.name == have || k.id == have))
            })
        });
        let waited_ok = self
            .waited
            .is_none_or(|d| days_between(c.waiting_since, now) >= i64::from(d));
        commune_ok && waited_ok
    }
}

#[component]
pub fn PoolPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(DuoKey::PoolTitle);
    let api = use_api();
    let manages = api.session.user().is_some_and(|u| manages_duos(u.role));
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| PoolFilter::from_query(|n| q.get(n))));
    let navigate = use_navigate();
    let show = Callback::new(move |f: PoolFilter| navigate(&f.path(), NavigateOptions::default()));
    let change = move |edit: &dyn Fn(&mut PoolFilter)| {
        let mut f = filter.get_untracked();
        edit(&mut f);
        show.run(f);
    };

    let communes =
        LocalResource::new(move || async move { api.duo_communes().await.unwrap_or_default() });
    let candidates = LocalResource::new(move || {
        let f = filter.get();
        async move { api.duo_candidates(f.status, f.side).await }
    });

    // Public sign-ups wait outside the pool until a coordinator completes them.
    let to_complete = LocalResource::new(move || async move {
        api.duo_candidates(Some(CandidacyStatus::ToComplete), None)
            .await
            .map(|list| list.len())
            .unwrap_or(0)
    });
    let to_complete_notice = move || {
        let n = to_complete.get().unwrap_or(0);
        let showing = filter.with(|f| f.status == Some(CandidacyStatus::ToComplete));
        (manages && n > 0 && !showing).then(|| {
            let path = PoolFilter {
                status: Some(CandidacyStatus::ToComplete),
                ..PoolFilter::default()
            }
            .path();
            view! {
                <p class="notice" role="status">
                    <a href=path>{move || i18n.tf(DuoKey::ToCompleteNotice, &[("count", &n.to_string())])}</a>
                </p>
            }
        })
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
            <div class="page-head">
                <div>
                    <h1 id="page-title">{move || i18n.t(DuoKey::PoolTitle)}</h1>
                    <p class="lead">{move || i18n.t(DuoKey::PoolIntro)}</p>
                </div>
                {manages.then(|| view! {
                    <div class="head-actions">
                        <a class="button" href=DUO_BATCH>{move || i18n.t(DuoKey::RunBatch)}</a>
                        <a class="button primary" href=DUO_CANDIDATE_NEW>{move || i18n.t(DuoKey::OpenCandidacy)}</a>
                    </div>
                })}
            </div>
            <DuoTabs current=Some(Tab::Pool)/>
            {to_complete_notice}

            <form class="filters card duo-filters" role="search" aria-labelledby="pool-filters-title"
                on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                <h2 id="pool-filters-title" class="visually-hidden">{move || i18n.t(DuoKey::PoolFilters)}</h2>
                <div class="field">
                    <label for="filter-side">{move || i18n.t(DuoKey::Side)}</label>
                    <select id="filter-side" on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<Category>().ok();
                        change(&|f| f.side = v);
                    }>
                        <option value="" selected=move || filter.with(|f| f.side.is_none())>
                            {move || i18n.t(DuoKey::BothSides)}
                        </option>
                        {Category::ALL.iter().map(|&c| view! {
                            <option value=c.as_str() selected=move || filter.with(|f| f.side == Some(c))>
                                {move || i18n.t(category_key(c))}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-status">{move || i18n.t(CommonKey::Status)}</label>
                    <select id="filter-status" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let status = if v == "all" { None } else { v.parse::<CandidacyStatus>().ok() };
                        change(&|f| f.status = status);
                    }>
                        {CandidacyStatus::ALL.iter().map(|&s| view! {
                            <option value=s.as_str() selected=move || status_value() == s.as_str()>
                                {move || i18n.t(candidacy_status_key(s))}
                            </option>
                        }).collect_view()}
                        <option value="all" selected=move || status_value() == "all">
                            {move || i18n.t(CommonKey::AllStatuses)}
                        </option>
                    </select>
                </div>
                <div class="field">
                    <label for="filter-commune">{move || i18n.t(PersonKey::Commune)}</label>
                    <select id="filter-commune" on:change=move |ev| {
                        let v = Some(event_target_value(&ev)).filter(|v| !v.is_empty());
                        change(&|f| f.commune = v.clone());
                    }>
                        <option value="" selected=move || filter.with(|f| f.commune.is_none())>
                            {move || i18n.t(DuoKey::AllCommunes)}
                        </option>
                        {move || communes.get().unwrap_or_default().into_iter().map(|c| {
                            let id = c.id.clone();
                            view! {
                                <option value=c.id.clone() selected=move || filter.with(|f| f.commune.as_deref() == Some(id.as_str()))>
                                    {c.name.clone()}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-waited">{move || i18n.t(DuoKey::WaitingAtLeast)}</label>
                    <select id="filter-waited" on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<u32>().ok();
                        change(&|f| f.waited = v);
                    }>
                        <option value="" selected=move || filter.with(|f| f.waited.is_none())>
                            {move || i18n.t(DuoKey::AnyWait)}
                        </option>
                        {WAITED_CHOICES.iter().map(|&d| view! {
                            <option value=d.to_string() selected=move || filter.with(|f| f.waited == Some(d))>
                                {move || i18n.tf(DuoKey::DaysOrMore, &[("days", &d.to_string())])}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <Show when=move || filter.with(|f| *f != PoolFilter::default())>
                    <div class="field filter-clear">
                        <button type="button" class="button link" on:click=move |_| show.run(PoolFilter::default())>
                            {move || i18n.t(CommonKey::ClearFilters)}
                        </button>
                    </div>
                </Show>
            </form>

            {move || match candidates.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => load_error(&err, move || candidates.refetch()),
                Some(Ok(list)) => {
                    let communes = communes.get().unwrap_or_default();
                    let f = filter.get();
                    let now = now_utc();
                    let kept: Vec<Candidacy> = list.into_iter().filter(|c| f.keeps(c, &communes, now)).collect();
                    view! { <PoolColumns list=kept communes=communes side=f.side/> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn PoolColumns(
    list: Vec<Candidacy>,
    communes: Vec<Commune>,
    side: Option<Category>,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = list.len();
    let sides: Vec<Category> = match side {
        Some(s) => vec![s],
        None => Category::ALL.to_vec(),
    };
    let columns = sides
        .into_iter()
        .map(|s| {
            let items: Vec<Candidacy> = list.iter().filter(|c| c.side == s).cloned().collect();
            let count = items.len();
            let heading_id = format!("pool-{}", s.as_str());
            let labelled_by = heading_id.clone();
            let body = if items.is_empty() {
                view! { <p class="muted">{move || i18n.t(DuoKey::NoCandidates)}</p> }.into_any()
            } else {
                let cards = items
                    .into_iter()
                    .map(|c| view! { <CandidateCard c=c communes=communes.clone()/> })
                    .collect_view();
                view! { <ul class="candidates">{cards}</ul> }.into_any()
            };
            view! {
                <section class="pool-column" aria-labelledby=labelled_by>
                    <h2 id=heading_id>
                        {move || i18n.t(category_key(s))}
                        " "
                        <span class="count-pill">{count}</span>
                    </h2>
                    {body}
                </section>
            }
        })
        .collect_view();
    view! {
        <p class="count" aria-live="polite">
            {move || i18n.tf(DuoKey::CandidateCount, &[("count", &total.to_string())])}
        </p>
        <div class="pool-columns" class:single=side.is_some()>{columns}</div>
    }
}

#[component]
fn CandidateCard(c: Candidacy, communes: Vec<Commune>) -> impl IntoView {
    let i18n = use_i18n();
    let days = days_between(c.waiting_since, now_utc());
    let since = c.waiting_since;
    let place = c.commune.as_deref().map(|v| commune_name(&communes, v));
    let travel = c.travel;
    let hopes = c.hopes.clone();
    let practice = c.wants_french_practice;
    let status = c.status;
    view! {
        <li class="candidate card">
            <div class="person-main">
                <h3 class="person-name">
                    <a href=duo_candidate_path(c.id)><bdi>{c.display_name.clone()}</bdi></a>
                </h3>
                <CandidacyBadge status=status/>
            </div>
            <p class="small waiting">
                {move || i18n.tf(
                    DuoKey::WaitingFor,
                    &[("days", &days.to_string()), ("date", &format_day(i18n.lang.get(), &since))],
                )}
            </p>
            <p class="muted small">
                {move || {
                    let mut parts = Vec::new();
                    if let Some(p) = &place {
                        parts.push(p.clone());
                    }
                    parts.push(travel_text(i18n, travel).to_string());
                    if practice {
                        parts.push(i18n.t(DuoKey::WantsFrenchPracticeShort).to_string());
                    }
                    parts.join(" · ")
                }}
            </p>
            {(!hopes.is_empty()).then(|| view! {
                <ul class="chips small" aria-label=move || i18n.t(DuoKey::Hopes)>
                    {hopes.iter().map(|&h| view! { <li class="chip">{move || i18n.t(hope_key(h))}</li> }).collect_view()}
                </ul>
            })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, Utc};
    use shared::duo::TravelRange;
    use std::collections::HashMap;

    fn parse(path: &str) -> PoolFilter {
        let query = path.split_once('?').map(|(_, q)| q).unwrap_or("");
        let map: HashMap<String, String> = query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        PoolFilter::from_query(|n| map.get(n).cloned())
    }

    #[test]
    fn the_pool_shows_people_waiting_unless_told_otherwise() {
        assert_eq!(PoolFilter::default().path(), "/duo");
        assert_eq!(parse("/duo"), PoolFilter::default());
        let all = PoolFilter {
            status: None,
            ..PoolFilter::default()
        };
        assert_eq!(all.path(), "/duo?status=all");
        assert_eq!(parse(&all.path()), all);
    }

    #[test]
    fn filters_round_trip_through_the_address() {
        let f = PoolFilter {
            side: Some(Category::Local),
            status: Some(CandidacyStatus::Proposed),
            commune: Some("saint-nicolas".into()),
            waited: Some(90),
        };
        assert_eq!(
            f.path(),
            "/duo?side=local&status=proposed&commune=saint-nicolas&waited=90"
        );
        assert_eq!(parse(&f.path()), f);
        // Nonsense is ignored.
        assert_eq!(parse("/duo?side=martian&waited=-3"), PoolFilter::default());
    }

    #[test]
    fn commune_and_waiting_time_are_filtered_here() {
        let now = Utc::now();
        let communes = vec![Commune {
            id: "liege".into(),
            name: "Liège".into(),
            latitude: 50.63,
            longitude: 5.57,
            neighbours: vec![],
        }];
        let c = Candidacy {
            id: uuid::Uuid::nil(),
            person_id: uuid::Uuid::nil(),
            display_name: "Amina".into(),
            side: Category::Newcomer,
            status: CandidacyStatus::Waiting,
            waiting_since: now - Duration::days(40),
            commune: Some("Liège".into()),
            travel: TravelRange::Anywhere,
            gender: None,
            partner_gender: None,
            partner_age_min: None,
            partner_age_max: None,
            hopes: vec![],
            wants_french_practice: true,
            remarks: None,
        };
        let mut f = PoolFilter {
            commune: Some("liege".into()),
            waited: Some(30),
            ..PoolFilter::default()
        };
        assert!(f.keeps(&c, &communes, now));
        f.waited = Some(90);
        assert!(!f.keeps(&c, &communes, now), "waited 40 days, not 90");
        f.waited = None;
        f.commune = Some("ans".into());
        assert!(!f.keeps(&c, &communes, now));
        let nowhere = Candidacy {
            commune: None,
            ..c.clone()
        };
        f.commune = Some("liege".into());
        assert!(!f.keeps(&nowhere, &communes, now));
    }
}
