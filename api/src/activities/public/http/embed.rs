//! The agenda page partners embed in their websites (`/embed/agenda`).
//!
//! Besides the agenda's filters (`programme`, `kind`, `tags`, `q`, `languages`, `start`,
//! `end`, `lang`) it reads `limit` (1–50, default 20), `theme` (`light` or `dark`) and
//! `accent` (a colour `#RRGGBB`, links and the "see all" button). It tells the page that
//! frames it how tall it is (`postMessage`), so the frame can fit it without a scroll bar
//! (`docs/partners.md` has the snippet). A wrong parameter gets a readable page in the
//! agenda's language naming it, not the API's problem document: a partner's visitors see it.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Europe::Brussels;
use serde::Deserialize;
use shared::activities::{ActivityStatus, PublicEvent};
use shared::Lang;

use super::revalidate::current_version;
use super::{selection, EventQuery};
use crate::activities::feeds::rss::xml_escape as esc;
use crate::activities::public::dto::public_event;
use crate::activities::public::service;
use crate::activities::public::texts::Text;
use crate::error::{ApiError, Validator};
use crate::http::extract::parse_query;
use crate::i18n::Msg;
use crate::state::AppState;

/// Activities listed when the address sets no `limit`, and the most it may ask.
const DEFAULT_LIMIT: i64 = 20;
const MAX_LIMIT: i64 = 50;

/// The script that tells the framing page the agenda's height (allowed by its hash in the
/// page's Content-Security-Policy, `crate::http::security`).
pub const RESIZE_SCRIPT: &str = "(function(){function h(){parent.postMessage({type:'interra-embed-height',height:document.documentElement.scrollHeight},'*')}addEventListener('load',h);addEventListener('resize',h);h()})();";

/// The embed's own parameters, read as text so that each gets a clear message.
#[derive(Debug, Default, Deserialize)]
struct RawOptions {
    limit: Option<String>,
    theme: Option<String>,
    accent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub limit: i64,
    pub dark: bool,
    /// `#rrggbb`.
    pub accent: Option<String>,
}

/// Checks the embed's own parameters; each wrong one named.
fn options(raw: RawOptions) -> Result<Options, ApiError> {
    let mut v = Validator::new();
    let limit = match raw.limit.as_deref().map(str::trim) {
        None | Some("") => Some(DEFAULT_LIMIT),
        Some(l) => v.check(
            "limit",
            l.parse::<i64>()
                .ok()
                .filter(|n| (1..=MAX_LIMIT).contains(n))
                .ok_or(Msg::InvalidValue),
        ),
    };
    let dark = match raw.theme.as_deref().map(str::trim) {
        None | Some("") | Some("light") => Some(false),
        Some("dark") => Some(true),
        Some(_) => v.check("theme", Err(Msg::InvalidValue)),
    };
    let accent = match raw.accent.as_deref().map(str::trim) {
        None | Some("") => Some(None),
        Some(a) => v.check("accent", colour(a).map(Some).ok_or(Msg::InvalidValue)),
    };
    v.finish()?;
    match (limit, dark, accent) {
        (Some(limit), Some(dark), Some(accent)) => Ok(Options {
            limit,
            dark,
            accent,
        }),
        _ => Err(anyhow::anyhow!("validated embed options missing").into()),
    }
}

/// `#RRGGBB` or `RRGGBB` as `#rrggbb`; nothing else (it goes into the page's style).
pub fn colour(s: &str) -> Option<String> {
    let hex = s.strip_prefix('#').unwrap_or(s);
    (hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// The language of the page: the `lang` asked when it is one of ours, else French.
fn page_lang(query: &str) -> Lang {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::from_tag(&v))
        .unwrap_or_default()
}

/// An agenda page to embed in partners' websites:
/// `<iframe src="https://…/embed/agenda?programme=interact&lang=fr&limit=5">`.
pub async fn embed_agenda(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let raw = req.query_string();
    let lang = page_lang(raw);
    let asked = parse_query::<EventQuery>(raw).and_then(|q| {
        let opts = options(parse_query::<RawOptions>(raw)?)?;
        let sel = selection(&q, Some(120))?;
        Ok((q, opts, sel))
    });
    let (query, opts, sel) = match asked {
        Ok(asked) => asked,
        Err(err @ (ApiError::Validation(_) | ApiError::InvalidValue { .. })) => {
            return Ok(bad_address(lang, &err));
        }
        Err(other) => return Err(other),
    };
    let (_, version) = current_version(&state).await?;
    let events = service::events(&state.db, &state.agenda, version, sel, 0, opts.limit).await?;
    let lang = events.lang;
    let base = state.public_url();
    let events = events
        .entries
        .iter()
        .map(|e| public_event(&e.rec, lang, base, &events.slugs))
        .collect::<Result<Vec<_>, _>>()?;
    let mut items = String::new();
    for e in &events {
        items.push_str(&item(e, lang));
    }
    if events.is_empty() {
        items = format!("<li>{}</li>", esc(Text::AgendaEmpty.text(lang)));
    }
    let all = format!("{base}/events{}", agenda_filters(&query));
    let body = format!(
        "<h1>{}</h1><ul>{items}</ul><p class=\"all\"><a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a></p>",
        esc(Text::AgendaHeading.text(lang)),
        esc(&all),
        esc(Text::EmbedSeeAll.text(lang)),
    );
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(page(lang, Text::AgendaHeading.text(lang), &opts, &body)))
}

/// One activity: its title (linking to its page), when (weekday, date, start–end, Brussels
/// time), where, and whether it is full, cancelled or open to registration.
fn item(e: &PublicEvent, lang: Lang) -> String {
    let note = if e.status == ActivityStatus::Cancelled {
        format!(" <strong>({})</strong>", esc(Text::Cancelled.text(lang)))
    } else if e.remaining_places == Some(0) {
        format!(" <em>({})</em>", esc(Text::Full.text(lang)))
    } else if e.registration_open {
        format!(
            " · <a href=\"{}#register\" target=\"_blank\" rel=\"noopener\">{}</a>",
            esc(&e.url),
            esc(Text::EmbedRegister.text(lang))
        )
    } else {
        String::new()
    };
    let place = e.venue.as_ref().map(|v| v.name.clone()).unwrap_or_default();
    let place = if place.is_empty() {
        String::new()
    } else {
        format!(" · {}", esc(&place))
    };
    format!(
        "<li><a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a>{note}<br><time datetime=\"{}\">{}</time>{place}</li>\n",
        esc(&e.url),
        esc(&e.title),
        esc(&e.start_local),
        esc(&when(lang, e.start, e.end)),
    )
}

/// "mardi 15/12/2026 · 18:00–20:00" in Brussels time; the end's date too when it is another
/// day.
pub fn when(lang: Lang, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let (s, e) = (start.with_timezone(&Brussels), end.with_timezone(&Brussels));
    let day = |d: &chrono::DateTime<chrono_tz::Tz>| {
        format!("{} {}", weekday(lang, d.weekday()), d.format("%d/%m/%Y"))
    };
    if s.date_naive() == e.date_naive() {
        format!("{} · {}–{}", day(&s), s.format("%H:%M"), e.format("%H:%M"))
    } else {
        format!(
            "{} {} – {} {}",
            day(&s),
            s.format("%H:%M"),
            day(&e),
            e.format("%H:%M")
        )
    }
}

fn weekday(lang: Lang, d: chrono::Weekday) -> &'static str {
    shared::schema_org::weekday_name(lang.code(), d)
}

/// The public agenda's own filters (programme, words, language) for the "see all" link.
fn agenda_filters(q: &EventQuery) -> String {
    let mut parts: Vec<(&str, String)> = Vec::new();
    if let Some(p) = q.programme {
        parts.push(("programme", p.as_str().to_owned()));
    }
    if let Some(words) = q.q.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
        parts.push(("q", words.to_owned()));
    }
    if let Some(first) = q
        .languages
        .as_deref()
        .and_then(|l| l.split(',').map(str::trim).find(|c| !c.is_empty()))
    {
        parts.push(("language", first.to_ascii_lowercase()));
    }
    shared::query::query_string(&parts).unwrap_or_default()
}

/// The page a wrong address gets: what is wrong, by parameter, in the agenda's language.
fn bad_address(lang: Lang, err: &ApiError) -> HttpResponse {
    let problems: Vec<(String, String)> = match err {
        ApiError::Validation(fields) => fields
            .iter()
            .map(|(f, m)| (f.clone(), m.text(lang)))
            .collect(),
        ApiError::InvalidValue { field, .. } => {
            vec![(field.clone(), Msg::InvalidValue.text(lang))]
        }
        _ => vec![],
    };
    let list: String = problems
        .iter()
        .map(|(f, m)| format!("<li><code>{}</code> : {}</li>", esc(f), esc(m)))
        .collect();
    let body = format!(
        "<h1>{}</h1><p>{}</p><ul class=\"problems\">{list}</ul>",
        esc(Text::EmbedBadAddress.text(lang)),
        esc(Text::EmbedBadAddressHint.text(lang)),
    );
    let opts = Options {
        limit: DEFAULT_LIMIT,
        dark: false,
        accent: None,
    };
    HttpResponse::build(StatusCode::BAD_REQUEST)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(page(lang, Text::EmbedBadAddress.text(lang), &opts, &body))
}

fn page(lang: Lang, title: &str, opts: &Options, body: &str) -> String {
    // Colours with a contrast of at least 4.5:1 on their background in both themes; an accent
    // is the partner's choice.
    let (fg, bg, muted, line, default_link) = if opts.dark {
        ("#f1f1f1", "#161616", "#c8c8c8", "#3a3a3a", "#8cc4ff")
    } else {
        ("#1b1b1b", "#ffffff", "#444444", "#dddddd", "#0b5394")
    };
    let link = opts.accent.as_deref().unwrap_or(default_link);
    format!(
        "<!doctype html>\n<html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>\
<style>body{{font-family:system-ui,sans-serif;margin:0;padding:.75rem;color:{fg};background:{bg}}}h1{{font-size:1.1rem;margin:0 0 .5rem}}ul{{list-style:none;margin:0;padding:0}}li{{padding:.5rem 0;border-bottom:1px solid {line}}}a{{color:{link};font-weight:600}}time{{color:{muted}}}.all{{margin:.75rem 0 0}}code{{font-size:.95em}}</style></head>\
<body><main>{body}</main><script>{RESIZE_SCRIPT}</script></body></html>",
        code = lang.code(),
        dir = lang.dir(),
        title = esc(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn raw(limit: Option<&str>, theme: Option<&str>, accent: Option<&str>) -> RawOptions {
        RawOptions {
            limit: limit.map(str::to_owned),
            theme: theme.map(str::to_owned),
            accent: accent.map(str::to_owned),
        }
    }

    #[test]
    fn options_are_checked_one_by_one() {
        assert_eq!(
            options(raw(None, None, None)).ok(),
            Some(Options {
                limit: 20,
                dark: false,
                accent: None
            })
        );
        assert_eq!(
            options(raw(Some("5"), Some("dark"), Some("C0FFEE"))).ok(),
            Some(Options {
                limit: 5,
                dark: true,
                accent: Some("#c0ffee".into())
            })
        );
        match options(raw(Some("0"), Some("pink"), Some("red;}body{"))) {
            Err(ApiError::Validation(fields)) => {
                let named: Vec<&str> = fields.iter().map(|(f, _)| f.as_str()).collect();
                assert_eq!(named, ["limit", "theme", "accent"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(options(raw(Some("51"), None, None)).is_err());
    }

    #[test]
    fn the_time_says_the_weekday_and_both_ends_in_brussels() {
        // 15 December 2026 is a Tuesday; 17:00 UTC is 18:00 in Brussels in winter.
        let start = Utc.with_ymd_and_hms(2026, 12, 15, 17, 0, 0).single();
        let end = Utc.with_ymd_and_hms(2026, 12, 15, 19, 0, 0).single();
        let (Some(start), Some(end)) = (start, end) else {
            panic!("dates")
        };
        assert_eq!(when(Lang::Fr, start, end), "mardi 15/12/2026 · 18:00–20:00");
        assert_eq!(
            when(Lang::Nl, start, end),
            "dinsdag 15/12/2026 · 18:00–20:00"
        );
        let next_day = end + chrono::Duration::days(1);
        assert_eq!(
            when(Lang::En, start, next_day),
            "Tuesday 15/12/2026 18:00 – Wednesday 16/12/2026 20:00"
        );
    }
}
