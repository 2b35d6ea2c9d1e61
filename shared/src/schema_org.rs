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

/// What a link preview (WhatsApp, Facebook, Signal, a search result) shows of an event: the
/// title, then when and where, then the start of the description, in the event's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharePreview {
    /// The page's `<title>` and `og:title`.
    pub title: String,
    /// `<meta name="description">` and `og:description`: when, where, what.
    pub description: String,
    pub url: String,
    /// BCP 47 language of the texts (`og:locale` is derived from it).
    pub lang: String,
}

/// Longest description a preview shows in full; longer ones end with an ellipsis.
pub const PREVIEW_DESCRIPTION_CHARS: usize = 200;

pub fn share_preview(e: &PublicEvent) -> SharePreview {
    let when = preview_date(&e.start_local, &e.lang);
    let place = match (&e.venue, &e.online_url) {
        (Some(v), _) => match &v.locality {
            Some(l) if !l.trim().is_empty() && !v.name.contains(l.trim()) => {
                format!("{}, {}", v.name, l.trim())
            }
            _ => v.name.clone(),
        },
        (None, Some(_)) => match e.lang.as_str() {
            "en" => "Online".to_owned(),
            "nl" => "Online".to_owned(),
            "ar" => "عبر الإنترنت".to_owned(),
            _ => "En ligne".to_owned(),
        },
        (None, None) => "Liège".to_owned(),
    };
    let cancelled = e.status == ActivityStatus::Cancelled;
    let title = if cancelled {
        let word = match e.lang.as_str() {
            "en" => "Cancelled",
            "nl" => "Geannuleerd",
            "ar" => "أُلغي",
            _ => "Annulé",
        };
        format!("{word} : {}", e.title)
    } else {
        e.title.clone()
    };
    let about: String = e
        .description
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let about = if about.chars().count() > PREVIEW_DESCRIPTION_CHARS {
        let cut: String = about.chars().take(PREVIEW_DESCRIPTION_CHARS - 1).collect();
        // End on a whole word when there is one to end on.
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
        format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
    } else {
        about
    };
    let description = if about.is_empty() {
        format!("{when} · {place}")
    } else {
        format!("{when} · {place} — {about}")
    };
    SharePreview {
        title,
        description,
        url: e.url.clone(),
        lang: e.lang.clone(),
    }
}

/// `2026-12-12T14:00:00+01:00` as a reader of `lang` writes it: "samedi 12 décembre 2026,
/// 14:00" (the local time the page gives, Brussels'); the raw text when it does not parse.
pub fn preview_date(start_local: &str, lang: &str) -> String {
    use chrono::{DateTime, Datelike, Timelike};
    let Ok(t) = DateTime::parse_from_rfc3339(start_local) else {
        return start_local.to_owned();
    };
    let (days, months) = names(lang);
    let day = days[t.weekday().num_days_from_monday() as usize];
    let month = months[t.month0() as usize];
    let time = format!("{:02}:{:02}", t.hour(), t.minute());
    format!("{day} {} {month} {}, {time}", t.day(), t.year())
}

/// A weekday's name as a reader of `lang` (`fr`, `en`, `nl`, `ar`; French otherwise) writes it.
pub fn weekday_name(lang: &str, day: chrono::Weekday) -> &'static str {
    names(lang).0[day.num_days_from_monday() as usize]
}

/// The names of the weekdays (from Monday) and of the months in `lang`.
fn names(lang: &str) -> ([&'static str; 7], [&'static str; 12]) {
    match lang {
        "en" => (
            [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ],
            [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ],
        ),
        "nl" => (
            [
                "maandag",
                "dinsdag",
                "woensdag",
                "donderdag",
                "vrijdag",
                "zaterdag",
                "zondag",
            ],
            [
                "januari",
                "februari",
                "maart",
                "april",
                "mei",
                "juni",
                "juli",
                "augustus",
                "september",
                "oktober",
                "november",
                "december",
            ],
        ),
        "ar" => (
            [
                "الاثنين",
                "الثلاثاء",
                "الأربعاء",
                "الخميس",
                "الجمعة",
                "السبت",
                "الأحد",
            ],
            [
                "يناير",
                "فبراير",
                "مارس",
                "أبريل",
                "مايو",
                "يونيو",
                "يوليو",
                "أغسطس",
                "سبتمبر",
                "أكتوبر",
                "نوفمبر",
                "ديسمبر",
            ],
        ),
        _ => (
            [
                "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            ],
            [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ],
        ),
    }
}

#[cfg(test)]
mod preview_tests {
    use super::*;

    #[test]
    fn dates_read_in_the_event_language() {
        let s = "2026-12-12T14:00:00+01:00";
        assert_eq!(preview_date(s, "fr"), "samedi 12 décembre 2026, 14:00");
        assert_eq!(preview_date(s, "nl"), "zaterdag 12 december 2026, 14:00");
        assert_eq!(preview_date(s, "en"), "Saturday 12 December 2026, 14:00");
        assert_eq!(preview_date("soon", "fr"), "soon");
    }
}
