//! schema.org descriptions of public data, for search engines and partners' crawlers.

use serde_json::json;

use crate::activities::{ActivityStatus, PublicEvent};

/// The id of the `<script type="application/ld+json">` element that carries it in the page.
pub const EVENT_JSON_LD_ID: &str = "event-jsonld";

/// schema.org `Event` for an activity's public page. The server puts it in the page it sends
/// (crawlers do not run the web app); the web app replaces it after in-app navigation.
pub fn json_ld(e: &PublicEvent) -> serde_json::Value {
    let location = match (&e.venue, &e.online_url) {
        (Some(v), _) => json!({
            "@type": "Place",
            "name": v.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": v.street,
                "postalCode": v.postcode,
                "addressLocality": v.locality,
                "addressCountry": "BE",
            },
        }),
        (None, Some(url)) => json!({ "@type": "VirtualLocation", "url": url }),
        (None, None) => {
            json!({ "@type": "Place", "name": "Liège", "address": { "@type": "PostalAddress", "addressLocality": "Liège", "addressCountry": "BE" } })
        }
    };
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": e.title,
        "description": e.description,
        "startDate": e.start_local,
        "endDate": e.end_local,
        "eventStatus": if e.status == ActivityStatus::Cancelled { "https://schema.org/EventCancelled" } else { "https://schema.org/EventScheduled" },
        "eventAttendanceMode": if e.venue.is_none() && e.online_url.is_some() { "https://schema.org/OnlineEventAttendanceMode" } else { "https://schema.org/OfflineEventAttendanceMode" },
        "location": location,
        "organizer": { "@type": "Organization", "name": "Interra ASBL", "url": "https://www.interra.be" },
        "inLanguage": if e.languages.is_empty() { vec!["fr".to_owned()] } else { e.languages.clone() },
        "isAccessibleForFree": e.free,
        "url": e.url,
    });
    if let Some(c) = e.capacity {
        v["maximumAttendeeCapacity"] = json!(c);
    }
    if let Some(r) = e.remaining_places {
        v["remainingAttendeeCapacity"] = json!(r);
    }
    v
}
