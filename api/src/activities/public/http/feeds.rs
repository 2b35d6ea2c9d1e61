//! The agenda feeds partners pull: JSON, iCalendar and RSS, all with ETag/Last-Modified
//! revalidation and CORS for any origin.

use actix_web::{get, web, HttpRequest, HttpResponse};
use chrono::{Duration, Utc};
use shared::activities::{ActivityStatus, PublicEvent};
use shared::page::PageParams;

use super::revalidate::{respond, revalidate};
use super::{selection, EventQuery};
use crate::activities::feeds::cache::Feed;
use crate::activities::feeds::{ics, rss};
use crate::activities::public::dto::public_event;
use crate::activities::public::service::{self, CANCELLED_KEPT_DAYS};
use crate::activities::public::texts::Text;
use crate::error::ApiError;
use crate::http::extract::parse_query;
use crate::http::openapi::PublicReadErrors;
use crate::http::paging::{page_json, page_links};
use crate::state::AppState;

/// Published public activities (and recent cancellations), paginated, for partners' sites.
///
/// Supports `If-None-Match` / `If-Modified-Since` (304), CORS from any origin, gzip.
#[utoipa::path(tag = "public", params(EventQuery), responses(
    (status = 200, body = shared::Page<PublicEvent>),
    (status = 304, description = "Not modified"),
    PublicReadErrors
))]
#[get("/events")]
pub async fn list_events(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    // Revalidation first: an ETag was only ever issued for this exact, valid query string, so
    // the query is parsed only when something must be rendered.
    let rv = revalidate(&state, &req, Feed::Json).await?;
    if let Some(res) = rv.answer {
        return Ok(res);
    }
    let query: EventQuery = parse_query(req.query_string())?;
    let sel = selection(&query, None)?;
    let params = PageParams {
        page: query.page,
        page_size: query.page_size,
    };
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let events =
        service::events(&state.db, &state.agenda, rv.version(), sel, offset, limit).await?;
    let (base, now) = (state.public_url(), Utc::now());
    let results = events
        .entries
        .iter()
        .map(|e| e.json(events.lang, base, &events.slugs, now))
        .collect::<Result<Vec<_>, _>>()?;
    let count = u64::try_from(events.count).unwrap_or(0);
    let (next, previous) = page_links(&req, &params, count);
    let body = page_json(count, next.as_deref(), previous.as_deref(), &results)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(respond(
        &state,
        &req,
        Feed::Json,
        rv,
        "application/json",
        body,
    ))
}

/// The agenda as an iCalendar feed (RFC 5545) to subscribe to; filters `programme`, `kind`,
/// `tags`, `start`, `end` make per-programme or per-tag calendars. Default window: from now to
/// one year ahead.
#[utoipa::path(tag = "public", params(EventQuery), responses(
    (status = 200, description = "iCalendar feed", content_type = "text/calendar"),
    (status = 304, description = "Not modified"),
    PublicReadErrors
))]
#[get("/events.ics")]
pub async fn events_ics(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let rv = revalidate(&state, &req, Feed::Ics).await?;
    if let Some(res) = rv.answer {
        return Ok(res);
    }
    let query: EventQuery = parse_query(req.query_string())?;
    let mut sel = selection(&query, Some(366))?;
    if query.start.is_none() {
        // Calendars keep recent past events (and cancellations) visible.
        sel.query.start = Some((Utc::now() - Duration::days(CANCELLED_KEPT_DAYS)).naive_utc());
    }
    let events = service::events(&state.db, &state.agenda, rv.version(), sel, 0, 5000).await?;
    let (slugs, lang, base) = (&events.slugs, events.lang, state.public_url());
    let name = match query.programme {
        Some(p) => format!("Interra — {}", p.as_str()),
        None => "Interra — agenda".to_owned(),
    };
    let fragments: Vec<&str> = events
        .entries
        .iter()
        .map(|e| e.ics(lang, base, slugs))
        .collect();
    let mut body = String::with_capacity(8192 + fragments.iter().map(|f| f.len()).sum::<usize>());
    ics::begin(&mut body, &name);
    fragments.iter().for_each(|f| body.push_str(f));
    ics::end(&mut body);
    Ok(respond(
        &state,
        &req,
        Feed::Ics,
        rv,
        "text/calendar; charset=utf-8",
        body.into_bytes(),
    ))
}

/// Upcoming public activities as an RSS 2.0 feed.
#[utoipa::path(tag = "public", params(EventQuery), responses(
    (status = 200, description = "RSS 2.0 feed", content_type = "application/rss+xml"),
    (status = 304, description = "Not modified"),
    PublicReadErrors
))]
#[get("/events.rss")]
pub async fn events_rss(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let rv = revalidate(&state, &req, Feed::Rss).await?;
    if let Some(res) = rv.answer {
        return Ok(res);
    }
    let query: EventQuery = parse_query(req.query_string())?;
    let sel = selection(&query, Some(180))?;
    let events = service::events(&state.db, &state.agenda, rv.version(), sel, 0, 200).await?;
    let base = state.public_url();
    let lang = events.lang;
    let events = events
        .entries
        .iter()
        .map(|e| public_event(&e.rec, lang, base, &events.slugs))
        .collect::<Result<Vec<_>, _>>()?;
    // Readers show only the title: a cancellation (or a withdrawal) must be read there.
    let titles: Vec<String> = events
        .iter()
        .map(|e| match e.status {
            ActivityStatus::Cancelled => format!("{} ({})", e.title, Text::Cancelled.text(lang)),
            _ => e.title.clone(),
        })
        .collect();
    let items: Vec<rss::RssItem<'_>> = events
        .iter()
        .zip(&titles)
        .map(|(e, title)| rss::RssItem {
            guid: format!("urn:uuid:{}", e.id),
            title,
            link: &e.url,
            description: format!("{} — {}", e.start_local, e.description),
            published: e.updated_at,
            cancelled: e.status == ActivityStatus::Cancelled,
        })
        .collect();
    let body = rss::channel(
        "Interra — agenda",
        base,
        "Activités publiques d'Interra ASBL (Liège)",
        lang.code(),
        &items,
    );
    Ok(respond(
        &state,
        &req,
        Feed::Rss,
        rv,
        "application/rss+xml; charset=utf-8",
        body.into_bytes(),
    ))
}
