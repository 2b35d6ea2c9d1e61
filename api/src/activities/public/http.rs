//! The public agenda that La Grand Poste and partners pull: JSON, iCalendar and RSS, all with
//! ETag/Last-Modified revalidation, CORS for any origin, and no personal data (a host appears
//! only under the public name they agreed to). Plus the public registration form.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use actix_web::http::header;
use actix_web::http::header::HeaderValue;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::Deserialize;
use shared::activities::{
    ActivityKind, ActivityProgramme, ActivityStatus, PublicEvent, PublicRegistration,
    PublicRegistrationReceipt, RegistrationSource, RegistrationStatus,
};
use shared::people::{PersonInput, PersonStatus};
use shared::{Lang, Page};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::activities::domain::{local_rfc3339, parse_bound};
use crate::activities::feeds::cache::Feed;
use crate::activities::feeds::{ics, rss};
use crate::activities::http::activities::{pick, registration_open, remaining, venue_dto};
use crate::activities::store::{self as store, ActivityQuery, ActivityRecord, ActivityRow};
use crate::db::write_transaction;
use crate::error::{ApiError, Validator};
use crate::http::auth::client_ip;
use crate::http::context::actor;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{PublicFormErrors, PublicReadErrors};
use crate::http::paging::page_links;
use crate::i18n::Msg;
use crate::people::domain::PersonData;
use crate::people::store::{self as people, ConsentRow, PersonRow, Source};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_events)
        .service(events_ics)
        .service(events_rss)
        .service(get_event)
        .service(register_public);
}

/// Cancelled activities stay in the feeds this long, so calendars see the cancellation.
const CANCELLED_KEPT_DAYS: i64 = 30;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// From this date (`2026-12-01`) or instant (RFC 3339); default: now.
    pub start: Option<String>,
    /// Until this date or instant.
    pub end: Option<String>,
    pub programme: Option<ActivityProgramme>,
    pub kind: Option<ActivityKind>,
    /// Comma-separated tag slugs (any of them).
    pub tags: Option<String>,
    /// Language of titles and descriptions: fr (default), en, nl, ar.
    pub lang: Option<String>,
    /// Only activities changed since this instant (RFC 3339).
    pub modified_since: Option<String>,
    /// `start` (default) or `-start`.
    pub ordering: Option<String>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

struct Parsed {
    query: ActivityQuery,
    lang: Lang,
    descending: bool,
    tag_slugs: Vec<String>,
}

fn parse_query(q: &EventQuery, default_window_days: Option<i64>) -> Result<Parsed, ApiError> {
    let mut v = Validator::new();
    let now = Utc::now();
    let start = match q.start.as_deref() {
        Some(s) => v.check("start", parse_bound(s)),
        None => Some(now),
    };
    let end = match q.end.as_deref() {
        Some(s) => v.check("end", parse_bound(s)).map(Some),
        None => Some(default_window_days.map(|d| now + Duration::days(d))),
    }
    .flatten();
    let modified = match q.modified_since.as_deref() {
        Some(s) => v.check("modified_since", parse_bound(s)).map(Some),
        None => Some(None),
    }
    .flatten();
    let lang = match q.lang.as_deref() {
        Some(l) => v.check("lang", Lang::from_tag(l).ok_or(Msg::InvalidValue)),
        None => Some(Lang::Fr),
    };
    let descending = match q.ordering.as_deref() {
        None | Some("start") => false,
        Some("-start") => true,
        Some(_) => {
            v.add("ordering", Msg::InvalidValue);
            false
        }
    };
    v.finish()?;
    let tag_slugs: Vec<String> = q
        .tags
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    Ok(Parsed {
        query: ActivityQuery {
            start: start.map(|t| t.naive_utc()),
            end: end.map(|t| t.naive_utc()),
            programme: q.programme.map(|p| p.as_str().to_owned()),
            kind: q.kind.map(|k| k.as_str().to_owned()),
            public_since: Some((now - Duration::days(CANCELLED_KEPT_DAYS)).naive_utc()),
            modified_since: modified.map(|t| t.naive_utc()),
            ..Default::default()
        },
        lang: lang.unwrap_or_default(),
        descending,
        tag_slugs,
    })
}

/// Validators of a feed response: derived from the public agenda's version and the request.
/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
fn http_date(t: DateTime<Utc>) -> String {
    t.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// Labels of one feed variant; kept in the feed cache, so a revalidation formats nothing.
pub type Validators = std::sync::Arc<crate::activities::feeds::cache::Labels>;

fn validators(
    version: (Option<NaiveDateTime>, i64),
    feed: Feed,
    query: &str,
    day: NaiveDate,
) -> Validators {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    version
        .0
        .map(|t| t.and_utc().timestamp_micros())
        .hash(&mut h);
    version.1.hash(&mut h);
    feed.as_str().hash(&mut h);
    query.hash(&mut h);
    // The day matters too: "upcoming" windows move with the date.
    day.hash(&mut h);
    let etag = format!("W/\"{:016x}\"", h.finish());
    std::sync::Arc::new(crate::activities::feeds::cache::Labels {
        etag: HeaderValue::from_str(&etag).unwrap_or_else(|_| HeaderValue::from_static("W/\"0\"")),
        last_modified: version.0.and_then(|t| {
            let t = t.and_utc();
            let value = HeaderValue::from_str(&http_date(t)).ok()?;
            Some((t.timestamp(), value))
        }),
    })
}

fn not_modified(req: &HttpRequest, v: &Validators) -> bool {
    if let Some(inm) = req.headers().get(header::IF_NONE_MATCH) {
        // The usual case first: the client sends back exactly the tag it was given.
        if inm.as_bytes() == v.etag.as_bytes() {
            return true;
        }
        let etag = v.etag.as_bytes();
        return inm.to_str().is_ok_and(|inm| {
            inm.split(',')
                .any(|t| t.trim().as_bytes() == etag || t.trim() == "*")
        });
    }
    if let (Some(ims), Some((lm, _))) = (
        req.headers()
            .get(header::IF_MODIFIED_SINCE)
            .and_then(|h| h.to_str().ok()),
        &v.last_modified,
    ) {
        if let Ok(since) = DateTime::parse_from_rfc2822(ims) {
            return *lm <= since.timestamp();
        }
    }
    false
}

/// The headers of a 304: the validator and what caches and browsers use to update their copy
/// (RFC 9110 §15.4.5); the stored response keeps its other headers.
fn not_modified_response(v: &Validators) -> HttpResponse {
    let mut res = HttpResponse::NotModified();
    res.insert_header((header::ETAG, v.etag.clone()))
        .insert_header((
            header::CACHE_CONTROL,
            HeaderValue::from_static(FEED_CACHE_CONTROL),
        ))
        .insert_header((header::VARY, HeaderValue::from_static("Accept-Encoding")))
        .insert_header((
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        ));
    res.finish()
}

/// A feed body with its validators, caching and CORS headers.
fn feed_response(content_type: &'static str, body: web::Bytes, v: &Validators) -> HttpResponse {
    let mut res = HttpResponse::Ok();
    res.content_type(content_type)
        .insert_header((header::ETAG, v.etag.clone()))
        .insert_header((
            header::CACHE_CONTROL,
            HeaderValue::from_static(FEED_CACHE_CONTROL),
        ))
        .insert_header((header::VARY, HeaderValue::from_static("Accept-Encoding")))
        .insert_header((
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        ))
        .insert_header((
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("ETag, Last-Modified"),
        ));
    if let Some((_, lm)) = &v.last_modified {
        res.insert_header((header::LAST_MODIFIED, lm.clone()));
    }
    res.body(body)
}

const FEED_CACHE_CONTROL: &str = "public, max-age=300";

/// What a feed request turned out to need.
struct Revalidated {
    validators: Validators,
    generation: u64,
    version: crate::activities::feeds::cache::Version,
    /// A complete answer: 304, or the cached body.
    answer: Option<HttpResponse>,
}

/// Answers 304 when the client's copy is current, or the cached rendering when the agenda has
/// not changed; otherwise says how to label a fresh rendering. Partners poll far more often
/// than the agenda changes, so this path allocates and formats as little as it can.
async fn revalidate(
    state: &AppState,
    req: &HttpRequest,
    feed: Feed,
) -> Result<Revalidated, ApiError> {
    let cache = &state.feed_cache;
    let generation = cache.generation();
    use crate::activities::feeds::cache::Lookup;
    let version = match cache.version(generation) {
        Lookup::Fresh(v) | Lookup::Stale(v) => v,
        Lookup::Miss => {
            let v = state.db.run(|conn| Ok(store::public_version(conn)?)).await;
            let v = v.inspect_err(|_| cache.refresh_failed())?;
            cache.store_version(generation, v);
            v
        }
    };
    let query = req.query_string();
    let day = Utc::now().date_naive();
    let v = match cache.labels(feed, query, generation, version, day) {
        Some(v) => v,
        None => {
            let v = validators(version, feed, query, day);
            cache.store_labels(feed, query, generation, version, day, v.clone());
            v
        }
    };
    let answer = if not_modified(req, &v) {
        Some(not_modified_response(&v))
    } else {
        cache
            .body(feed, query, generation, version)
            .map(|r| feed_response(r.content_type, r.body, &v))
    };
    Ok(Revalidated {
        validators: v,
        generation,
        version,
        answer,
    })
}

/// Sends a freshly rendered feed and keeps it for the next identical request.
fn respond(
    state: &AppState,
    req: &HttpRequest,
    feed: Feed,
    r: Revalidated,
    content_type: &'static str,
    body: Vec<u8>,
) -> HttpResponse {
    let body = web::Bytes::from(body);
    state.feed_cache.store_body(
        feed,
        req.query_string(),
        r.generation,
        r.version,
        crate::activities::feeds::cache::Rendered {
            body: body.clone(),
            content_type,
        },
    );
    feed_response(content_type, body, &r.validators)
}

pub fn public_event(
    rec: &ActivityRecord,
    lang: Lang,
    base: &str,
    slugs: &HashMap<String, String>,
) -> Result<PublicEvent, ApiError> {
    let r = &rec.row;
    let title: shared::activities::Multilingual =
        serde_json::from_str(&r.title).unwrap_or_default();
    let description: shared::activities::Multilingual =
        serde_json::from_str(&r.description).unwrap_or_default();
    let id: Uuid =
        r.id.parse()
            .map_err(|_| anyhow::anyhow!("malformed activity id"))?;
    Ok(PublicEvent {
        id,
        url: format!("{base}/events/{id}"),
        title: pick(&title, lang.code()),
        description: pick(&description, lang.code()),
        lang: if title.contains_key(lang.code()) {
            lang.code()
        } else {
            "fr"
        }
        .to_owned(),
        programme: r
            .programme
            .parse()
            .map_err(|_| anyhow::anyhow!("bad programme"))?,
        kind: r.kind.parse().map_err(|_| anyhow::anyhow!("bad kind"))?,
        start: r.starts_at.and_utc(),
        end: r.ends_at.and_utc(),
        start_local: local_rfc3339(r.starts_at.and_utc()),
        end_local: local_rfc3339(r.ends_at.and_utc()),
        venue: rec.venue.as_ref().map(venue_dto).transpose()?,
        online_url: r.online_url.clone(),
        status: r
            .status
            .parse()
            .map_err(|_| anyhow::anyhow!("bad status"))?,
        cancel_reason: r.cancel_reason.clone(),
        languages: r
            .languages
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        french_level: r.french_level.as_deref().and_then(|f| f.parse().ok()),
        free: r.free,
        accessibility_notes: r.accessibility_notes.clone(),
        tags: rec
            .tags
            .iter()
            .filter_map(|t| slugs.get(t).cloned())
            .collect(),
        hosts: rec
            .hosts
            .iter()
            .filter_map(|(_, _, public)| public.clone())
            .collect(),
        capacity: r.capacity,
        remaining_places: remaining(r, &rec.counts),
        registration_open: registration_open(r, Utc::now()),
        updated_at: r.updated_at.and_utc(),
    })
}

async fn load_events(
    state: &AppState,
    p: Parsed,
    offset: i64,
    limit: i64,
) -> Result<(Vec<ActivityRecord>, i64, HashMap<String, String>, Lang), ApiError> {
    let Parsed {
        mut query,
        lang,
        descending,
        tag_slugs,
    } = p;
    state
        .db
        .run(move |conn| {
            let slugs = store::tag_slugs(conn)?;
            if !tag_slugs.is_empty() {
                query.tags = slugs
                    .iter()
                    .filter(|(_, s)| tag_slugs.contains(s))
                    .map(|(id, _)| id.clone())
                    .collect();
                if query.tags.is_empty() {
                    return Ok((vec![], 0, slugs, lang));
                }
            }
            let (mut rows, count) = store::list(conn, &query, offset, limit)?;
            if descending {
                rows.reverse();
            }
            Ok((store::records(conn, rows)?, count, slugs, lang))
        })
        .await
}

/// Published public activities (and recent cancellations), paginated, for partners' sites.
///
/// Supports `If-None-Match` / `If-Modified-Since` (304), CORS from any origin, gzip.
#[utoipa::path(tag = "public", params(EventQuery), responses(
    (status = 200, body = Page<PublicEvent>),
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
    let query: Query<EventQuery> = Query(crate::http::extract::parse_query(req.query_string())?);
    let parsed = parse_query(&query.0, None)?;
    let params = shared::page::PageParams {
        page: query.0.page,
        page_size: query.0.page_size,
    };
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let (recs, count, slugs, lang) = load_events(&state, parsed, offset, limit).await?;
    let base = state.public_url().to_owned();
    let results = recs
        .iter()
        .map(|r| public_event(r, lang, &base, &slugs))
        .collect::<Result<Vec<_>, _>>()?;
    let count = u64::try_from(count).unwrap_or(0);
    let (next, previous) = page_links(&req, &params, count);
    let body = serde_json::to_vec(&Page {
        count,
        next,
        previous,
        results,
    })
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

/// One public activity.
#[utoipa::path(tag = "public", params(("id" = Uuid, Path), EventQuery), responses(
    (status = 200, body = PublicEvent),
    (status = 404, description = "Not a public activity", body = shared::Problem, content_type = "application/problem+json"),
    PublicReadErrors
))]
#[get("/events/{id}")]
pub async fn get_event(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: Query<EventQuery>,
) -> Result<HttpResponse, ApiError> {
    let lang = query
        .0
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::Fr);
    let event = load_public(&state, id.into_inner(), lang).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .json(event))
}

/// A public (published or cancelled) activity, or 404.
pub async fn load_public(state: &AppState, id: Uuid, lang: Lang) -> Result<PublicEvent, ApiError> {
    let id = id.to_string();
    let (rec, slugs) = state
        .db
        .run(move |conn| {
            let row = ActivityRow::get(conn, &id)?;
            if row.visibility != "public" || row.status == "draft" {
                return Err(ApiError::NotFound);
            }
            let rec = store::records(conn, vec![row])?
                .pop()
                .ok_or(ApiError::NotFound)?;
            Ok((rec, store::tag_slugs(conn)?))
        })
        .await?;
    public_event(&rec, lang, state.public_url(), &slugs)
}

fn location(rec: &ActivityRecord) -> Option<String> {
    let v = rec.venue.as_ref()?;
    let mut parts = vec![v.name.clone()];
    parts.extend(v.street.clone());
    match (&v.postcode, &v.locality) {
        (Some(p), Some(l)) => parts.push(format!("{p} {l}")),
        (None, Some(l)) => parts.push(l.clone()),
        _ => {}
    }
    Some(parts.join(", "))
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
    let query: Query<EventQuery> = Query(crate::http::extract::parse_query(req.query_string())?);
    let mut parsed = parse_query(&query.0, Some(366))?;
    if query.0.start.is_none() {
        // Calendars keep recent past events (and cancellations) visible.
        parsed.query.start = Some((Utc::now() - Duration::days(CANCELLED_KEPT_DAYS)).naive_utc());
    }
    let (recs, _, slugs, lang) = load_events(&state, parsed, 0, 5000).await?;
    let base = state.public_url().to_owned();
    let urls: Vec<String> = recs
        .iter()
        .map(|r| format!("{base}/events/{}", r.row.id))
        .collect();
    let texts: Vec<(String, String)> = recs
        .iter()
        .map(|r| {
            let t: shared::activities::Multilingual =
                serde_json::from_str(&r.row.title).unwrap_or_default();
            let d: shared::activities::Multilingual =
                serde_json::from_str(&r.row.description).unwrap_or_default();
            let mut desc = pick(&d, lang.code());
            if let Some(reason) = &r.row.cancel_reason {
                desc = format!("{desc}\n\n{reason}").trim().to_owned();
            }
            (pick(&t, lang.code()), desc)
        })
        .collect();
    let events: Vec<ics::IcsEvent<'_>> = recs
        .iter()
        .zip(&urls)
        .zip(&texts)
        .map(|((r, url), (title, desc))| {
            let mut categories = vec![r.row.programme.clone()];
            categories.extend(r.tags.iter().filter_map(|t| slugs.get(t).cloned()));
            ics::IcsEvent {
                // Stable forever: the activity's id never changes and is never reused.
                uid: format!("{}@interra.be", r.row.id),
                summary: title,
                description: desc,
                start: r.row.starts_at.and_utc(),
                end: r.row.ends_at.and_utc(),
                updated: r.row.updated_at.and_utc(),
                sequence: r.row.sequence,
                cancelled: r.row.status == ActivityStatus::Cancelled.as_str(),
                location: location(r).or_else(|| r.row.online_url.clone()),
                url,
                categories,
            }
        })
        .collect();
    let name = match query.0.programme {
        Some(p) => format!("Interra — {}", p.as_str()),
        None => "Interra — agenda".to_owned(),
    };
    let body = ics::calendar(&name, &events);
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
    let query: EventQuery = crate::http::extract::parse_query(req.query_string())?;
    let parsed = parse_query(&query, Some(180))?;
    let (recs, _, slugs, lang) = load_events(&state, parsed, 0, 200).await?;
    let base = state.public_url().to_owned();
    let events = recs
        .iter()
        .map(|r| public_event(r, lang, &base, &slugs))
        .collect::<Result<Vec<_>, _>>()?;
    let items: Vec<rss::RssItem<'_>> = events
        .iter()
        .map(|e| rss::RssItem {
            guid: format!("urn:uuid:{}", e.id),
            title: &e.title,
            link: &e.url,
            description: format!("{} — {}", e.start_local, e.description),
            published: e.updated_at,
        })
        .collect();
    let body = rss::channel(
        "Interra — agenda",
        &base,
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

/// Register oneself to a public activity (no account). Goes to the waiting list when full.
/// Throttled per address; a filled honeypot is ignored.
#[utoipa::path(tag = "public", params(("id" = Uuid, Path)), request_body = PublicRegistration, responses(
    (status = 202, body = PublicRegistrationReceipt),
    PublicFormErrors
))]
#[post("/events/{id}/register")]
pub async fn register_public(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: Json<PublicRegistration>,
) -> Result<HttpResponse, ApiError> {
    let ip = client_ip(&req);
    state
        .signups
        .hit(&ip)
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;
    let id = id.into_inner().to_string();
    let r = body.0;
    let lang = r.lang;
    let message = |s: RegistrationStatus| {
        match (s, lang) {
        (RegistrationStatus::Waitlisted, Lang::Fr) => "Merci ! L'activité est complète : vous êtes sur la liste d'attente. Nous vous préviendrons si une place se libère.",
        (RegistrationStatus::Waitlisted, Lang::En) => "Thank you! The activity is full: you are on the waiting list. We will let you know if a place frees up.",
        (RegistrationStatus::Waitlisted, Lang::Nl) => "Dank u! De activiteit is volzet: u staat op de wachtlijst. We laten het u weten als er een plaats vrijkomt.",
        (RegistrationStatus::Waitlisted, Lang::Ar) => "شكرًا! النشاط مكتمل: أنت على قائمة الانتظار. سنخبرك إذا أصبح هناك مكان شاغر.",
        (_, Lang::Fr) => "Merci ! Votre inscription est enregistrée. À bientôt !",
        (_, Lang::En) => "Thank you! Your registration is recorded. See you soon!",
        (_, Lang::Nl) => "Dank u! Uw inschrijving is geregistreerd. Tot binnenkort!",
        (_, Lang::Ar) => "شكرًا! تم تسجيلك. نراك قريبًا!",
    }
    };
    if r.website.as_deref().is_some_and(|w| !w.trim().is_empty()) {
        return Ok(HttpResponse::Accepted().json(PublicRegistrationReceipt {
            status: RegistrationStatus::Registered,
            message: message(RegistrationStatus::Registered).into(),
        }));
    }
    let mut v = Validator::new();
    if !r.consent {
        v.add("consent", Msg::ConsentRequired);
    }
    if !crate::people::privacy::is_known_version(r.notice_version.trim()) {
        v.add("notice_version", Msg::InvalidValue);
    }
    let input = PersonInput {
        first_name: r.first_name.clone(),
        last_name: r.last_name.clone(),
        email: r.email.clone(),
        phone: r.phone.clone(),
        profile: r.profile,
        arrival_year: r.arrival_year,
        ..Default::default()
    };
    let data = match PersonData::parse(&input) {
        Ok(d) => Some(d),
        Err(ApiError::Validation(errors)) => {
            for (f, m) in errors {
                v.add(&f, m);
            }
            None
        }
        Err(other) => return Err(other),
    };
    v.finish()?;
    let data = data.ok_or_else(|| anyhow::anyhow!("validated registration missing"))?;
    let actor = actor(&req, None);
    let version = r.notice_version.trim().to_owned();
    let status = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let activity = ActivityRow::get(conn, &id)?;
                if activity.visibility != "public" || activity.status == "draft" {
                    return Err(ApiError::NotFound);
                }
                if !registration_open(&activity, Utc::now()) {
                    return Err(ApiError::Conflict {
                        msg: Msg::InvalidValue,
                        field: Some("activity"),
                    });
                }
                // The same email or phone means the same person: register them without touching
                // their record. Otherwise a new person, to review by the team.
                let existing = people::find_duplicate(
                    conn,
                    data.email.as_deref(),
                    data.phone.as_deref(),
                    None,
                )?;
                let person = match existing {
                    Some(pid) => {
                        PersonRow::get(conn, pid.parse().map_err(|_| ApiError::NotFound)?)?
                    }
                    None => {
                        let row = PersonRow::new(
                            &data,
                            Source::PublicSignup,
                            PersonStatus::ToReview,
                            None,
                            None,
                        );
                        row.insert(conn)?;
                        people::replace_children(conn, &row.id, &data)?;
                        ConsentRow {
                            id: Uuid::now_v7().to_string(),
                            person_id: row.id.clone(),
                            purpose: "programme_data".into(),
                            notice_version: version.clone(),
                            notice_lang: lang.code().to_owned(),
                            method: "web_form".into(),
                            given_at: crate::db::now(),
                            recorded_by: None,
                            withdrawn_at: None,
                            withdrawn_by: None,
                        }
                        .insert(conn)?;
                        row
                    }
                };
                match crate::activities::http::activities::register(
                    conn,
                    &activity.id,
                    &person,
                    RegistrationSource::Public,
                    None,
                    &actor,
                ) {
                    Ok(reg) => Ok(reg.status.parse().unwrap_or(RegistrationStatus::Registered)),
                    // Already registered: say so the same way, without details.
                    Err(ApiError::Conflict {
                        field: Some("person_id"),
                        ..
                    }) => {
                        let reg = store::RegistrationRow::find(conn, &activity.id, &person.id)?;
                        Ok(reg
                            .and_then(|r| r.status.parse().ok())
                            .unwrap_or(RegistrationStatus::Registered))
                    }
                    Err(e) => Err(e),
                }
            })
        })
        .await?;
    Ok(HttpResponse::Accepted().json(PublicRegistrationReceipt {
        status,
        message: message(status).into(),
    }))
}

/// An agenda page to embed in partners' websites:
/// `<iframe src="https://…/embed/agenda?programme=interact&lang=fr">`.
pub async fn embed_agenda(
    state: web::Data<AppState>,
    query: Query<EventQuery>,
) -> Result<HttpResponse, ApiError> {
    let parsed = parse_query(&query.0, Some(120))?;
    let (recs, _, slugs, lang) = load_events(&state, parsed, 0, 20).await?;
    let base = state.public_url().to_owned();
    let events = recs
        .iter()
        .map(|r| public_event(r, lang, &base, &slugs))
        .collect::<Result<Vec<_>, _>>()?;
    let (heading, empty, full, cancelled) = match lang {
        Lang::Fr => (
            "Prochaines activités d'Interra",
            "Aucune activité prévue pour le moment.",
            "complet — liste d'attente",
            "annulé",
        ),
        Lang::En => (
            "Upcoming Interra activities",
            "No activity planned for now.",
            "full — waiting list",
            "cancelled",
        ),
        Lang::Nl => (
            "Komende activiteiten van Interra",
            "Momenteel geen activiteiten gepland.",
            "volzet — wachtlijst",
            "geannuleerd",
        ),
        Lang::Ar => (
            "أنشطة إنتيرا القادمة",
            "لا توجد أنشطة مبرمجة حاليًا.",
            "مكتمل — قائمة انتظار",
            "أُلغي",
        ),
    };
    let esc = rss::xml_escape;
    let mut items = String::new();
    for e in &events {
        let when = chrono::DateTime::parse_from_rfc3339(&e.start_local)
            .map(|t| t.format("%d/%m/%Y %H:%M").to_string())
            .unwrap_or_default();
        let place = e.venue.as_ref().map(|v| v.name.clone()).unwrap_or_default();
        let note = if e.status == ActivityStatus::Cancelled {
            format!(" <strong>({cancelled})</strong>")
        } else if e.remaining_places == Some(0) {
            format!(" <em>({full})</em>")
        } else {
            String::new()
        };
        items.push_str(&format!(
            "<li><a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a>{note}<br><time datetime=\"{}\">{}</time> · {}</li>\n",
            esc(&e.url),
            esc(&e.title),
            esc(&e.start_local),
            esc(&when),
            esc(&place)
        ));
    }
    if events.is_empty() {
        items = format!("<li>{empty}</li>");
    }
    let html = format!(
        "<!doctype html>\n<html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{heading}</title>\
<style>body{{font-family:system-ui,sans-serif;margin:0;padding:.75rem;color:#1b1b1b;background:#fff}}h1{{font-size:1.1rem;margin:0 0 .5rem}}ul{{list-style:none;margin:0;padding:0}}li{{padding:.5rem 0;border-bottom:1px solid #ddd}}a{{color:#0b5394;font-weight:600}}time{{color:#444}}</style></head>\
<body><main><h1>{heading}</h1><ul>{items}</ul></main></body></html>",
        code = lang.code(),
        dir = lang.dir(),
    );
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(html))
}
