//! Security headers on every answer, set in one place by path: a Content-Security-Policy per
//! kind of page, no framing (except the agenda partners embed), no MIME sniffing, no full
//! referrer to other sites, no powerful browser features, HSTS in production, and
//! `Cache-Control: no-store` on every answer that may carry personal data.

use std::sync::LazyLock;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::state::AppState;

/// The web app: its own scripts and the WebAssembly they compile, nothing inline (the build
/// writes no inline script or style; see `scripts/build-web.sh`). The only inline style allowed
/// is the "app not built yet" page's, by its hash.
static SPA: LazyLock<HeaderValue> = LazyLock::new(|| {
    let hash = base64::engine::general_purpose::STANDARD
        .encode(Sha256::digest(super::spa::NOT_BUILT_STYLE.as_bytes()));
    let policy = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'sha256-{hash}'; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    );
    HeaderValue::from_str(&policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"))
});

/// Swagger UI: its bundled scripts (no inline one: the configuration is a served file), the
/// inline styles its components set, and the SVG icons its stylesheet holds as `data:` URLs.
const SWAGGER: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; \
    form-action 'self'; frame-ancestors 'none'";

/// The embeddable agenda: a static page with one inline stylesheet (the partner's colours) and
/// one inline script, allowed by its hash, that tells the framing page its height; framed by
/// partners' sites (no `frame-ancestors`: any site may embed it).
static EMBED: LazyLock<HeaderValue> = LazyLock::new(|| {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(
        crate::activities::public::http::RESIZE_SCRIPT.as_bytes(),
    ));
    let policy = format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'; \
         base-uri 'none'; form-action 'none'"
    );
    HeaderValue::from_str(&policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"))
});

/// Pages the server renders itself (a confirmation link's page): one inline stylesheet, a
/// form posting to the same page, no script.
const SERVER_PAGE: &str = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'none'";

/// JSON, feeds, CSV: nothing in them is ever run or framed.
const API: &str = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// No camera, microphone, location, payment or USB for any page (the app uses none of them).
const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

/// Two years, subdomains included: only sent in production mode (behind HTTPS).
const HSTS: &str = "max-age=63072000; includeSubDomains";

/// The path that partners frame.
pub const EMBED_PATH: &str = "/embed/agenda";
/// Server-rendered pages (see [`SERVER_PAGE`]).
pub const SERVER_PAGES: &str = "/confirm/";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Spa,
    Swagger,
    Embed,
    ServerPage,
    Api,
}

fn kind(path: &str) -> Kind {
    if path == "/api/docs" || path.starts_with("/api/docs/") {
        Kind::Swagger
    } else if path == "/api" || path.starts_with("/api/") {
        Kind::Api
    } else if path == EMBED_PATH {
        Kind::Embed
    } else if path.starts_with(SERVER_PAGES) {
        Kind::ServerPage
    } else {
        Kind::Spa
    }
}

/// Whether an answer may carry personal data: everything under `/api/v1/` except the public
/// reads (the agenda, the privacy notice), which keep the caching they set.
fn personal(path: &str, safe_method: bool) -> bool {
    path.starts_with("/api/v1/") && !(path.starts_with("/api/v1/public/") && safe_method)
}

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let kind = kind(req.path());
    let personal = personal(req.path(), req.method().is_safe());
    let production = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|s| s.settings.production);
    let mut res = next.call(req).await?;
    let h = res.headers_mut();
    let csp = match kind {
        Kind::Spa => SPA.clone(),
        Kind::Swagger => HeaderValue::from_static(SWAGGER),
        Kind::Embed => EMBED.clone(),
        Kind::ServerPage => HeaderValue::from_static(SERVER_PAGE),
        Kind::Api => HeaderValue::from_static(API),
    };
    h.insert(header::CONTENT_SECURITY_POLICY, csp);
    if kind != Kind::Embed {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS),
    );
    if production {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    // A confirmation page carries a one-time token in its address.
    if personal || kind == Kind::ServerPage {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_path_gets_its_policy() {
        assert_eq!(kind("/"), Kind::Spa);
        assert_eq!(kind("/people/42"), Kind::Spa);
        assert_eq!(kind("/api/docs/"), Kind::Swagger);
        assert_eq!(kind("/api/docs"), Kind::Swagger);
        assert_eq!(kind("/api/v1/people"), Kind::Api);
        assert_eq!(kind("/embed/agenda"), Kind::Embed);
        assert_eq!(kind("/embed/agenda/x"), Kind::Spa);
        assert_eq!(kind("/confirm/registration"), Kind::ServerPage);
    }

    #[test]
    fn only_public_reads_escape_no_store() {
        assert!(personal("/api/v1/people/1", true));
        assert!(personal("/api/v1/auth/refresh", false));
        assert!(personal("/api/v1/public/events/1/register", false));
        assert!(!personal("/api/v1/public/events.ics", true));
        assert!(!personal("/api/openapi.json", true));
        assert!(SPA.to_str().is_ok_and(|p| p.contains("'sha256-")));
    }
}
