//! iCalendar (RFC 5545) rendering of the public agenda: CRLF lines folded at 75 octets, escaped
//! text, a Europe/Brussels VTIMEZONE and stable UIDs.

use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};
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
    /// The event's page; empty: none (an internal activity has no public page).
    pub url: &'a str,
    pub categories: Vec<String>,
}

/// The UID of an activity's event, stable forever: the activity's id never changes and is
/// never reused. Every calendar Interra writes about an activity uses it.
pub fn uid(activity_id: &str) -> String {
    format!("{activity_id}@interra.be")
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match escaped(c) {
            Some(e) => out.push_str(e),
            None => out.push(c),
        }
    }
    out
}

/// What a character of a TEXT value becomes: its escape, `""` for a dropped CR, `None` as is.
fn escaped(c: char) -> Option<&'static str> {
    match c {
        '\\' => Some("\\\\"),
        ';' => Some("\\;"),
        ',' => Some("\\,"),
        '\n' => Some("\\n"),
        '\r' => Some(""),
        _ => None,
    }
}

/// Appends one content line, folded so that no line exceeds 75 octets (never inside a
/// multi-byte character), with CRLF endings.
pub fn push_line(out: &mut String, line: &str) {
    let mut l = Line::start(out);
    l.raw(line);
    l.end();
}

/// One content line written piece by piece straight into the calendar, folded as it goes
/// (the same bytes as [`push_line`] on the whole line, without building the line first).
struct Line<'o> {
    out: &'o mut String,
    used: usize,
    budget: usize,
}

impl<'o> Line<'o> {
    fn start(out: &'o mut String) -> Self {
        Line {
            out,
            used: 0,
            budget: 75,
        }
    }

    fn char(&mut self, c: char) {
        let len = c.len_utf8();
        if self.used + len > self.budget {
            self.out.push_str("\r\n ");
            self.budget = 74; // the leading space counts
            self.used = 0;
        }
        self.out.push(c);
        self.used += len;
    }

    /// Appends `s` as it is.
    fn raw(&mut self, s: &str) {
        if self.used + s.len() <= self.budget {
            self.out.push_str(s);
            self.used += s.len();
        } else {
            s.chars().for_each(|c| self.char(c));
        }
    }

    /// Appends `s` escaped as a TEXT value.
    fn text(&mut self, s: &str) {
        if !s
            .bytes()
            .any(|b| matches!(b, b'\\' | b';' | b',' | b'\n' | b'\r'))
        {
            return self.raw(s);
        }
        for c in s.chars() {
            match escaped(c) {
                Some(e) => e.chars().for_each(|c| self.char(c)),
                None => self.char(c),
            }
        }
    }

    /// Appends a date-time as `YYYYMMDDTHHMMSS` (and `Z` when `utc`).
    fn stamp(&mut self, t: NaiveDateTime, utc: bool) {
        let mut buf = [0u8; 16];
        let d = t.date();
        let year = d.year();
        if !(0..=9999).contains(&year) {
            let f = if utc {
                "%Y%m%dT%H%M%SZ"
            } else {
                "%Y%m%dT%H%M%S"
            };
            return self.raw(&t.format(f).to_string());
        }
        let mut put = |at: usize, v: u32, width: usize| {
            let mut v = v;
            for i in (0..width).rev() {
                buf[at + i] = b'0' + (v % 10) as u8;
                v /= 10;
            }
        };
        put(0, year.unsigned_abs(), 4);
        put(4, d.month(), 2);
        put(6, d.day(), 2);
        put(9, t.hour(), 2);
        put(11, t.minute(), 2);
        put(13, t.second(), 2);
        buf[8] = b'T';
        buf[15] = b'Z';
        let len = if utc { 16 } else { 15 };
        // Only ASCII digits and letters were written.
        self.raw(std::str::from_utf8(&buf[..len]).unwrap_or_default());
    }

    fn int(&mut self, n: i32) {
        let mut buf = [0u8; 11];
        let mut at = buf.len();
        let mut v = n.unsigned_abs();
        loop {
            at -= 1;
            buf[at] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        if n < 0 {
            at -= 1;
            buf[at] = b'-';
        }
        // Only ASCII digits and a sign were written.
        self.raw(std::str::from_utf8(&buf[at..]).unwrap_or_default());
    }

    fn end(self) {
        self.out.push_str("\r\n");
    }
}

#[cfg(test)]
fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

#[cfg(test)]
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

/// One VEVENT, written line by line into `out` (no line built apart, no date formatted
/// through a format string: a calendar of 1,000 events is rendered on each cache miss).
pub fn event(out: &mut String, e: &IcsEvent<'_>) {
    push_line(out, "BEGIN:VEVENT");
    let mut l = Line::start(out);
    l.raw("UID:");
    l.raw(&e.uid);
    l.end();
    // DTSTAMP is the last change, not the time of the request: the same agenda gives the
    // same bytes, so conditional requests work.
    let updated = e.updated.naive_utc();
    let mut l = Line::start(out);
    l.raw("DTSTAMP:");
    l.stamp(updated, true);
    l.end();
    let mut l = Line::start(out);
    l.raw("DTSTART;TZID=Europe/Brussels:");
    l.stamp(e.start.with_timezone(&Brussels).naive_local(), false);
    l.end();
    let mut l = Line::start(out);
    l.raw("DTEND;TZID=Europe/Brussels:");
    l.stamp(e.end.with_timezone(&Brussels).naive_local(), false);
    l.end();
    let mut l = Line::start(out);
    l.raw("LAST-MODIFIED:");
    l.stamp(updated, true);
    l.end();
    let mut l = Line::start(out);
    l.raw("SEQUENCE:");
    l.int(e.sequence);
    l.end();
    push_line(
        out,
        if e.cancelled {
            "STATUS:CANCELLED"
        } else {
            "STATUS:CONFIRMED"
        },
    );
    let mut l = Line::start(out);
    l.raw("SUMMARY:");
    l.text(e.summary);
    l.end();
    if !e.description.is_empty() {
        let mut l = Line::start(out);
        l.raw("DESCRIPTION:");
        l.text(e.description);
        l.end();
    }
    if let Some(loc) = &e.location {
        let mut l = Line::start(out);
        l.raw("LOCATION:");
        l.text(loc);
        l.end();
    }
    if !e.url.is_empty() {
        let mut l = Line::start(out);
        l.raw("URL:");
        l.raw(e.url);
        l.end();
    }
    if !e.categories.is_empty() {
        let mut l = Line::start(out);
        l.raw("CATEGORIES:");
        for (i, c) in e.categories.iter().enumerate() {
            if i > 0 {
                l.raw(",");
            }
            l.text(c);
        }
        l.end();
    }
    push_line(out, "END:VEVENT");
}

/// The whole calendar.
pub fn calendar(name: &str, events: &[IcsEvent<'_>]) -> String {
    let mut out = String::with_capacity(512 + events.len() * 600);
    begin(&mut out, name);
    for e in events {
        event(&mut out, e);
    }
    end(&mut out);
    out
}

/// The calendar's opening: its properties and time zone, before the events.
pub fn begin(out: &mut String, name: &str) {
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Interra ASBL//Interra platform//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(out, l);
    }
    push_line(out, &format!("X-WR-CALNAME:{}", escape(name)));
    push_line(out, &format!("NAME:{}", escape(name)));
    push_line(out, "X-WR-TIMEZONE:Europe/Brussels");
    push_line(out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    push_line(out, "X-PUBLISHED-TTL:PT1H");
    for l in VTIMEZONE {
        push_line(out, l);
    }
}

/// The calendar's closing, after the events.
pub fn end(out: &mut String) {
    push_line(out, "END:VCALENDAR");
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

    /// The event as the first version wrote it: each line formatted whole, then folded.
    fn line_by_line(e: &IcsEvent<'_>) -> String {
        let mut out = String::new();
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", e.uid));
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
        if !e.url.is_empty() {
            push_line(&mut out, &format!("URL:{}", e.url));
        }
        if !e.categories.is_empty() {
            let cats: Vec<String> = e.categories.iter().map(|c| escape(c)).collect();
            push_line(&mut out, &format!("CATEGORIES:{}", cats.join(",")));
        }
        push_line(&mut out, "END:VEVENT");
        out
    }

    #[test]
    fn events_are_written_as_if_each_line_were_folded_whole() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap_or_default();
        let long =
            "Atelier cuisine, pâtisserie; et \\ « Saveurs d'Alep »\r\nSecond line ".repeat(7);
        for (summary, description, sequence, location) in [
            ("Pizza", "", 0, None),
            (long.as_str(), long.as_str(), -3, Some(long.clone())),
            (
                "é".repeat(80).as_str(),
                "ث,;".repeat(60).as_str(),
                1_234_567,
                Some("Liège".into()),
            ),
        ] {
            let e = IcsEvent {
                uid: format!("{}@interra.be", "0".repeat(36)),
                summary,
                description,
                start: at("2026-03-29T00:30:00Z"),
                end: at("2026-10-25T01:30:59Z"),
                updated: at("2026-01-02T03:04:05.123456Z"),
                sequence,
                cancelled: sequence < 0,
                location,
                url: "https://interra.example/events/0",
                categories: vec!["interact".into(), "cui,sine".into(), "é".repeat(70)],
            };
            let mut out = String::new();
            event(&mut out, &e);
            assert_eq!(out, line_by_line(&e));
        }
    }

    #[test]
    fn times_use_the_brussels_zone_across_dst() {
        let start: DateTime<Utc> = "2026-03-29T12:00:00Z".parse().unwrap_or_default();
        assert_eq!(local(start), "20260329T140000");
        let winter: DateTime<Utc> = "2026-10-25T12:00:00Z".parse().unwrap_or_default();
        assert_eq!(local(winter), "20261025T130000");
    }
}
