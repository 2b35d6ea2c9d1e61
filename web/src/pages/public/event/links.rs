//! What a visitor does with an event besides registering (issue 19): put it in their calendar,
//! find the place on a map, pass the link on.

use leptos::prelude::*;
use shared::activities::{PublicEvent, Venue};
use shared::Lang;
use uuid::Uuid;

use crate::api::API_BASE;
use crate::components::share::{copy_text, share_link};
use crate::components::StatusMessage;
use crate::i18n::public::PublicKey;
use crate::locale::use_i18n;

/// The event's calendar file (one event, its texts in `lang`).
pub fn calendar_path(id: Uuid, lang: Lang) -> String {
    format!(
        "{API_BASE}/public/events/{id}/calendar.ics?lang={}",
        lang.code()
    )
}

/// A map search (OpenStreetMap) for a venue's address; none when it has no street nor town.
pub fn map_url(v: &Venue) -> Option<String> {
    let town = [v.postcode.as_deref(), v.locality.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let address = [v.street.as_deref().map(str::trim), Some(town.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if address.is_empty() {
        return None;
    }
    let q = shared::query::query_string(&[("query", address)]).ok()?;
    Some(format!("https://www.openstreetmap.org/search{q}"))
}

/// How a share ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shared {
    /// The system's share sheet took it.
    Sent,
    Copied,
    /// Neither: the link is shown to copy by hand.
    ByHand,
}

/// "Add to my calendar", "See on a map" (when the place has an address) and "Share".
#[component]
pub fn EventLinks(event: PublicEvent) -> impl IntoView {
    let i18n = use_i18n();
    let id = event.id;
    let map = event.venue.as_ref().and_then(map_url);
    let (title, url) = (event.title.clone(), event.url.clone());
    let status = RwSignal::new(None::<String>);
    let by_hand = RwSignal::new(false);
    let share = {
        let url = url.clone();
        Action::new_local(move |_: &()| {
            let (title, url) = (title.clone(), url.clone());
            async move {
                if share_link(&title, &url).await {
                    Shared::Sent
                } else if copy_text(&url).await {
                    Shared::Copied
                } else {
                    Shared::ByHand
                }
            }
        })
    };
    Effect::new(move |_| match share.value().get() {
        Some(Shared::Copied) => status.set(Some(i18n.t(PublicKey::LinkCopied).to_owned())),
        Some(Shared::ByHand) => by_hand.set(true),
        Some(Shared::Sent) | None => {}
    });
    view! {
        <div class="event-links">
            <a class="button" href=move || calendar_path(id, i18n.lang.get()) download="">
                {move || i18n.t(PublicKey::AddToCalendar)}
            </a>
            {map.map(|href| view! {
                <a class="button" href=href rel="external noopener" target="_blank">
                    {move || i18n.t(PublicKey::SeeOnMap)}
                    <span class="visually-hidden">{move || i18n.t(PublicKey::OpensNewTab)}</span>
                </a>
            })}
            <button type="button" class="button" on:click=move |_| { share.dispatch(()); }>
                {move || i18n.t(PublicKey::Share)}
            </button>
        </div>
        <StatusMessage message=status/>
        <Show when=move || by_hand.get()>
            <div class="field share-by-hand">
                <label for="share-url">{move || i18n.t(PublicKey::CopyThisLink)}</label>
                <input id="share-url" type="url" readonly value=url.clone() on:focus=|ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(input) = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                    {
                        input.select();
                    }
                }/>
            </div>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn venue(street: Option<&str>, postcode: Option<&str>, locality: Option<&str>) -> Venue {
        Venue {
            id: Uuid::nil(),
            name: "La Grand Poste".into(),
            street: street.map(str::to_owned),
            postcode: postcode.map(str::to_owned),
            locality: locality.map(str::to_owned),
        }
    }

    #[test]
    fn the_map_searches_the_address_not_the_name() {
        assert_eq!(
            map_url(&venue(Some("Rue de la Régence 61"), Some("4000"), Some("Liège"))).as_deref(),
            Some("https://www.openstreetmap.org/search?query=Rue%20de%20la%20R%C3%A9gence%2061%2C%204000%20Li%C3%A8ge")
        );
        assert_eq!(
            map_url(&venue(None, None, Some("Seraing"))).as_deref(),
            Some("https://www.openstreetmap.org/search?query=Seraing")
        );
        assert_eq!(map_url(&venue(None, None, None)), None);
        assert_eq!(map_url(&venue(Some("  "), None, None)), None);
    }

    #[test]
    fn the_calendar_file_is_the_events_own() {
        let id = Uuid::from_u128(7);
        assert_eq!(
            calendar_path(id, Lang::Nl),
            format!("/api/v1/public/events/{id}/calendar.ics?lang=nl")
        );
    }
}
