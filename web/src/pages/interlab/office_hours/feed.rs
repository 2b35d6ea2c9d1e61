//! A mentor's personal calendar address: made (shown once, to copy), made anew (the previous
//! one stops working) or closed. Only the mentor's own account sees this card.

use leptos::prelude::*;
use shared::interlab::{Mentor, MentorFeed};
use uuid::Uuid;

use crate::api::{use_api, ApiError, FormErrors};
use crate::components::form::{use_submit, ErrorAlert};
use crate::components::load::load_state;
use crate::components::StatusMessage;
use crate::i18n::interlab_office::IloKey;
use crate::locale::use_i18n;

/// The address to paste in a calendar: the site's origin and the API's path.
pub fn feed_url(origin: &str, path: &str) -> String {
    format!("{}{}", origin.trim_end_matches('/'), path)
}

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

#[component]
pub fn FeedCard(me: LocalResource<Result<Option<Mentor>, ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let shown = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let errors = RwSignal::new(FormErrors::default());
    let make = use_submit(
        errors,
        &[],
        move |id: Uuid| async move { api.make_mentor_feed(id).await },
        move |f: MentorFeed| {
            shown.set(Some(feed_url(&origin(), &f.path)));
            status.set(Some(i18n.t(IloKey::FeedMade).to_string()));
            me.refetch();
        },
    );
    let revoke = use_submit(
        errors,
        &[],
        move |id: Uuid| async move { api.revoke_mentor_feed(id).await },
        move |()| {
            shown.set(None);
            status.set(Some(i18n.t(IloKey::FeedRevoked).to_string()));
            me.refetch();
        },
    );
    let busy = Signal::derive(move || make.pending().get() || revoke.pending().get());
    view! {
        <section class="card il-feed" aria-labelledby="feed-title">
            <h2 id="feed-title">{move || i18n.t(IloKey::FeedTitle)}</h2>
            <p>{move || i18n.t(IloKey::FeedIntro)}</p>
            <StatusMessage message=status/>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            {move || load_state(me.get(), move || me.refetch(), move |entry| {
                let Some(m) = entry else {
                    return view! { <p class="muted">{move || i18n.t(IloKey::NoMentorEntry)}</p> }.into_any();
                };
                let (id, has) = (m.id, m.has_feed);
                view! {
                    {move || shown.get().map(|url| view! {
                        <div class="field">
                            <label for="feed-address">{move || i18n.t(IloKey::FeedAddress)}</label>
                            <input id="feed-address" type="text" readonly=true dir="ltr" value=url/>
                        </div>
                    })}
                    {move || (shown.with(Option::is_none)).then(|| view! {
                        <p class="muted feed-state">{move || i18n.t(if has { IloKey::FeedExists } else { IloKey::FeedNone })}</p>
                    })}
                    <div class="actions">
                        <button type="button" class="button primary make-feed" disabled=move || busy.get()
                            on:click=move |_| { status.set(None); make.dispatch(id); }>
                            {move || i18n.t(if has { IloKey::RemakeFeed } else { IloKey::MakeFeed })}
                        </button>
                        {has.then(|| view! {
                            <button type="button" class="button revoke-feed" disabled=move || busy.get()
                                on:click=move |_| { status.set(None); revoke.dispatch(id); }>
                                {move || i18n.t(IloKey::RevokeFeed)}
                            </button>
                        })}
                    </div>
                }.into_any()
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_joins_the_origin_and_the_path() {
        assert_eq!(
            feed_url(
                "https://interra.be/",
                "/api/v1/public/interlab/mentors/feeds/abc.ics"
            ),
            "https://interra.be/api/v1/public/interlab/mentors/feeds/abc.ics"
        );
    }
}
