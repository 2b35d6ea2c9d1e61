//! The home page, the first screen after signing in: what needs the user this week (this
//! week's activities with their seats, waiting list and mix; people to offer a free seat or to
//! tell; duos needing attention and follow-up calls due; sign-ups and InterLab applications
//! to review; InterLab milestones overdue), each item a link to the page where it is handled.
//! A coach gets only what they accompany (the API scopes it); a mentor's account, which has
//! no such list, is pointed to InterLab. The account itself is on its own page (`account.rs`).

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use shared::auth::Role;
use shared::reports::{Home, HomeActivity, HomeItem};

use crate::api::use_api;
use crate::components::load::load_state;
use crate::i18n::auth::AuthKey;
use crate::i18n::common::CommonKey;
use crate::i18n::home::HomeKey;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::reports::long_date;
use crate::routes::{activity_path, manages_interlab, safe_next, INTERLAB};

/// Whether nothing at all needs the user this week.
pub fn all_clear(home: &Home) -> bool {
    home.activities.is_empty()
        && home.to_promote.is_empty()
        && home.duos_attention.is_empty()
        && home.follow_ups_due.is_empty()
        && home.signups.is_empty()
        && home.applications.is_empty()
        && home.milestones_overdue.is_empty()
        && home.interlab_follow_ups_due.is_empty()
}

/// An item's link, when it is a path of this app (anything else goes home).
pub fn item_link(item: &HomeItem) -> String {
    safe_next(Some(&item.link))
}

/// An item's detail: a due date (`2026-12-09`) in words, anything else as it is.
pub fn detail_text(lang: shared::Lang, detail: &str) -> String {
    match detail.parse::<NaiveDate>() {
        Ok(d) => crate::i18n::tf(lang, HomeKey::DueOn, &[("date", &long_date(lang, d))]),
        Err(_) => detail.to_owned(),
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(CommonKey::NavHome);
    let api = use_api();
    let user = Memo::new(move |_| api.session.user());
    let role = move || user.with(|u| u.as_ref().map(|u| u.role));

    view! {
        <section class="page home" aria-labelledby="page-title">
            <h1 id="page-title">
                {move || {
                    let name = user.with(|u| u.as_ref().map(|u| u.display_name.clone()));
                    i18n.tf(AuthKey::HomeGreeting, &[("name", name.as_deref().unwrap_or_default())])
                }}
            </h1>
            {move || match role() {
                None => ().into_any(),
                Some(Role::Mentor) => view! {
                    <div class="card">
                        <p>{move || i18n.t(HomeKey::MentorIntro)}</p>
                        <p><a href=INTERLAB class="button primary">{move || i18n.t(HomeKey::OpenInterlab)}</a></p>
                    </div>
                }.into_any(),
                Some(role) => view! { <Week role/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Week(role: Role) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let home = LocalResource::new(move || async move { api.home().await });
    move || {
        load_state(
            home.get(),
            move || home.refetch(),
            move |h: Home| {
                let week_of = h.week_of;
                let clear = all_clear(&h);
                let intro = if role == Role::Coach {
                    HomeKey::CoachIntro
                } else {
                    HomeKey::Intro
                };
                let applications = manages_interlab(role).then(|| {
                    view! {
                        <ItemCard id="home-applications" title=HomeKey::Applications empty=HomeKey::NoApplications items=h.applications.clone()/>
                    }
                });
                view! {
                    <p class="week-of">
                        {move || {
                            let lang = i18n.lang.get();
                            i18n.tf(HomeKey::WeekOf, &[("date", &long_date(lang, week_of))])
                        }}
                    </p>
                    <p class="hint">{move || i18n.t(intro)}</p>
                    {clear.then(|| view! { <p class="alert alert-ok all-clear">{move || i18n.t(HomeKey::AllClear)}</p> })}
                    <div class="home-grid">
                        <Activities activities=h.activities/>
                        <ItemCard id="home-promote" title=HomeKey::ToPromote empty=HomeKey::NoToPromote items=h.to_promote/>
                        <ItemCard id="home-duos" title=HomeKey::DuosAttention empty=HomeKey::NoDuosAttention items=h.duos_attention/>
                        <ItemCard id="home-follow-ups" title=HomeKey::FollowUps empty=HomeKey::NoFollowUps items=h.follow_ups_due/>
                        <ItemCard id="home-signups" title=HomeKey::Signups empty=HomeKey::NoSignups items=h.signups/>
                        {applications}
                        <ItemCard id="home-milestones" title=HomeKey::Milestones empty=HomeKey::NoMilestones items=h.milestones_overdue/>
                        <ItemCard id="home-interlab-calls" title=HomeKey::InterlabCalls empty=HomeKey::NoInterlabCalls items=h.interlab_follow_ups_due/>
                    </div>
                }
                .into_any()
            },
        )
    }
}

/// The count next to a card's title (words for screen readers: "Items: 3").
#[component]
fn Count(n: usize) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="badge count">
            <span aria-hidden="true">{n}</span>
            <span class="visually-hidden">{move || i18n.tf(HomeKey::ItemsCount, &[("count", &n.to_string())])}</span>
        </span>
    }
}

#[component]
fn Activities(activities: Vec<HomeActivity>) -> impl IntoView {
    let i18n = use_i18n();
    let n = activities.len();
    let list = if activities.is_empty() {
        view! { <p class="empty-note">{move || i18n.t(HomeKey::NoActivities)}</p> }.into_any()
    } else {
        let items = activities
            .into_iter()
            .map(|a| {
                let when = a.starts_at;
                let (taken, waitlisted) = (a.taken, a.waitlisted);
                let (newcomers, locals) = (a.newcomers, a.locals);
                let capacity = a.capacity;
                view! {
                    <li class="home-activity">
                        <A href=activity_path(a.id)>{a.title}</A>
                        <p class="when">{move || i18n.date(&when)}</p>
                        <p>
                            {move || match capacity {
                                Some(c) => i18n.tf(HomeKey::Seats, &[("taken", &taken.to_string()), ("capacity", &c.to_string())]),
                                None => i18n.tf(HomeKey::SeatsNoLimit, &[("taken", &taken.to_string())]),
                            }}
                        </p>
                        {(waitlisted > 0).then(|| view! {
                            <p>{move || i18n.tf(HomeKey::Waitlisted, &[("count", &waitlisted.to_string())])}</p>
                        })}
                        <p class="mix">
                            {move || i18n.tf(HomeKey::Mix, &[("newcomers", &newcomers.to_string()), ("locals", &locals.to_string())])}
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="home-list">{items}</ul> }.into_any()
    };
    view! {
        <section class="card home-card wide" aria-labelledby="home-activities-title">
            <h2 id="home-activities-title">{move || i18n.t(HomeKey::Activities)} " " <Count n/></h2>
            {list}
        </section>
    }
}

#[component]
fn ItemCard(
    id: &'static str,
    title: HomeKey,
    empty: HomeKey,
    items: Vec<HomeItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = items.len();
    let title_id = format!("{id}-title");
    let labelled = title_id.clone();
    let list = if items.is_empty() {
        view! { <p class="empty-note">{move || i18n.t(empty)}</p> }.into_any()
    } else {
        let rows = items
            .into_iter()
            .map(|item| {
                let link = item_link(&item);
                let detail = item.detail.clone();
                view! {
                    <li>
                        <A href=link><bdi>{item.label}</bdi></A>
                        {detail.map(|d| view! { <span class="hint">" · " {move || detail_text(i18n.lang.get(), &d)}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="home-list">{rows}</ul> }.into_any()
    };
    view! {
        <section class="card home-card" id=id aria-labelledby=labelled>
            <h2 id=title_id>{move || i18n.t(title)} " " <Count n/></h2>
            {list}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(link: &str) -> HomeItem {
        HomeItem {
            id: uuid::Uuid::nil(),
            label: "Anne".into(),
            detail: None,
            link: link.into(),
        }
    }

    #[test]
    fn items_link_inside_the_app_only() {
        assert_eq!(item_link(&item("/people/review")), "/people/review");
        assert_eq!(item_link(&item("https://evil.example/")), "/");
        assert_eq!(item_link(&item("//evil.example")), "/");
    }

    #[test]
    fn due_dates_read_in_words_and_other_details_stay() {
        assert_eq!(
            detail_text(shared::Lang::Fr, "2026-12-09"),
            "pour le 2026-12-09"
        );
        assert_eq!(
            detail_text(shared::Lang::En, "No meeting for 30 days"),
            "No meeting for 30 days"
        );
    }

    #[test]
    fn an_empty_week_is_all_clear() {
        let mut home = Home {
            week_of: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default(),
            activities: Vec::new(),
            to_promote: Vec::new(),
            duos_attention: Vec::new(),
            follow_ups_due: Vec::new(),
            signups: Vec::new(),
            applications: Vec::new(),
            milestones_overdue: Vec::new(),
            interlab_follow_ups_due: Vec::new(),
        };
        assert!(all_clear(&home));
        home.interlab_follow_ups_due
            .push(item("/interlab/entrepreneurs"));
        assert!(!all_clear(&home));
        home.interlab_follow_ups_due.clear();
        home.signups.push(item("/people/review"));
        assert!(!all_clear(&home));
    }
}
