//! iCalendar (RFC 5545) rendering of the public agenda: CRLF lines folded at 75 octets, escaped
//! text, a Europe/Brussels VTIMEZONE and stable UIDs.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Brussels;

/// One event of the feed.
pub struct IcsEvent<'a> {
    pub uid: String,
    pub summary: &'a str,
    pub description: &'a str,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub sequence: i32,
    pub cancelled: bool,
    pub location: Option<String>,
    pub url: &'a str,
    pub categories: Vec<String>,
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line exceeds 75 octets (never inside a
/// multi-byte character), with CRLF endings.
pub fn push_line(out: &mut String, line: &str) {
    let mut budget = 75;
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > budget {
            out.push_str("\r\n ");
            budget = 74; // the leading space counts
            used = 0;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Brussels)
        .format("%Y%m%dT%H%M%S")
        .to_string()
}

const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Brussels",
    "X-LIC-LOCATION:Europe/Brussels",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// The whole calendar.
pub fn calendar(name: &str, events: &[IcsEvent<'_>]) -> String {
    let mut out = String::with_capacity(512 + events.len() * 600);
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Interra ASBL//Interra platform//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, l);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    push_line(&mut out, &format!("NAME:{}", escape(name)));
    push_line(&mut out, "X-WR-TIMEZONE:Europe/Brussels");
    push_line(&mut out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    push_line(&mut out, "X-PUBLISHED-TTL:PT1H");
    for l in VTIMEZONE {
        push_line(&mut out, l);
    }
    for e in events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", e.uid));
        // DTSTAMP is the last change, not the time of the request: the same agenda gives the
        // same bytes, so conditional requests work.
        push_line(&mut out, &format!("DTSTAMP:{}", utc(e.updated)));
        push_line(
            &mut out,
            &format!("DTSTART;TZID=Europe/Brussels:{}", local(e.start)),
        );
        push_line(
            &mut out,
            &format!("DTEND;TZID=Europe/Brussels:{}", local(e.end)),
        );
        push_line(&mut out, &format!("LAST-MODIFIED:{}", utc(e.updated)));
        push_line(&mut out, &format!("SEQUENCE:{}", e.sequence));
        push_line(
            &mut out,
            if e.cancelled {
                "STATUS:CANCELLED"
            } else {
                "STATUS:CONFIRMED"
            },
        );
        push_line(&mut out, &format!("SUMMARY:{}", escape(e.summary)));
        if !e.description.is_empty() {
            push_line(&mut out, &format!("DESCRIPTION:{}", escape(e.description)));
        }
        if let Some(loc) = &e.location {
            push_line(&mut out, &format!("LOCATION:{}", escape(loc)));
        }
        push_line(&mut out, &format!("URL:{}", e.url));
        if !e.categories.is_empty() {
            let cats: Vec<String> = e.categories.iter().map(|c| escape(c)).collect();
            push_line(&mut out, &format!("CATEGORIES:{}", cats.join(",")));
        }
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("Pizza, pâtes; et \\ co\nfin"),
            "Pizza\\, pâtes\\; et \\\\ co\\nfin"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "é".repeat(100));
        push_line(&mut out, &text);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), text);
    }

    #[test]
    fn times_use_the_brussels_zone_across_dst() {
        let start: DateTime<Utc> = "2026-03-29T12:00:00Z".parse().unwrap_or_default();
        assert_eq!(local(start), "20260329T140000");
        let winter: DateTime<Utc> = "2026-10-25T12:00:00Z".parse().unwrap_or_default();
        assert_eq!(local(winter), "20261025T130000");
    }
}
