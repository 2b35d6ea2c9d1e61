//! Conditional requests on the feeds: ETag and Last-Modified derived from the public agenda's
//! version, 304 answers, and the rendered body kept in the feed cache.

use std::hash::{Hash, Hasher};

use actix_web::http::header;
use actix_web::http::header::HeaderValue;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::activities::feeds::cache::{Feed, Labels, Lookup, Rendered, Version};
use crate::activities::public::service;
use crate::error::ApiError;
use crate::state::AppState;

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
fn http_date(t: DateTime<Utc>) -> String {
    t.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// Labels of one feed variant; kept in the feed cache, so a revalidation formats nothing.
type Validators = std::sync::Arc<Labels>;

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
    std::sync::Arc::new(Labels {
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
pub struct Revalidated {
    validators: Validators,
    generation: u64,
    version: Version,
    /// A complete answer: 304, or the cached body.
    pub answer: Option<HttpResponse>,
}

impl Revalidated {
    /// The agenda's version the answer is made from.
    pub fn version(&self) -> Version {
        self.version
    }
}

/// The feed cache's generation and the public agenda's version, read from the database only
/// when the cache cannot vouch for it.
pub async fn current_version(state: &AppState) -> Result<(u64, Version), ApiError> {
    let cache = &state.feed_cache;
    let generation = cache.generation();
    let version = match cache.version(generation) {
        Lookup::Fresh(v) | Lookup::Stale(v) => v,
        Lookup::Miss => {
            let v = state.db.run(service::agenda_version).await;
            let v = v.inspect_err(|_| cache.refresh_failed())?;
            cache.store_version(generation, v);
            v
        }
    };
    Ok((generation, version))
}

/// Answers 304 when the client's copy is current, or the cached rendering when the agenda has
/// not changed; otherwise says how to label a fresh rendering. Partners poll far more often
/// than the agenda changes, so this path allocates and formats as little as it can.
pub async fn revalidate(
    state: &AppState,
    req: &HttpRequest,
    feed: Feed,
) -> Result<Revalidated, ApiError> {
    let cache = &state.feed_cache;
    let (generation, version) = current_version(state).await?;
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
pub fn respond(
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
        Rendered {
            body: body.clone(),
            content_type,
        },
    );
    feed_response(content_type, body, &r.validators)
}
