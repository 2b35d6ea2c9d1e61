//! Everything that is not a documented route: the built web app (static files with the right
//! caching, client-side routes answered with `index.html`), and problem documents for unknown
//! API paths (404) or methods (405).

use std::path::{Component, Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::{header, Method};
use actix_web::{web, HttpRequest, HttpResponse};

use crate::error::ApiError;
#[cfg(test)]
use crate::http::route_table::ApiRoutes;
use crate::state::AppState;

/// File names produced by the web build carry a content hash (`web-3f9a1c2b.js`): those can be
/// cached forever.
fn is_hashed(name: &str) -> bool {
    name.split(['-', '.'])
        .any(|part| part.len() >= 8 && part.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Maps a URL path to a file under `root`, refusing anything that could escape it.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let rel = Path::new(url_path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    Some(root.join(rel))
}

/// The stylesheet of the page shown while the web app is not built, allowed by its hash in the web app's CSP (`http::security`).
pub const NOT_BUILT_STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}code{background:#f1f1f1;padding:.1rem .3rem}";

const NOT_BUILT_HEAD: &str = r#"<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Interra</title>
<style>"#;

const NOT_BUILT_BODY: &str = r#"</style></head>
<body><main><h1>Interra</h1>
<p>L'API fonctionne, mais l'application web n'est pas encore construite. Construisez-la avec
<code>scripts/build-web.sh</code> puis rechargez cette page.</p>
<p lang="en">The API is running, but the web app has not been built yet. Build it with
<code>scripts/build-web.sh</code> (or point <code>INTERRA_WEB_DIST</code> at a built app) and reload.</p>
<p><a href="/api/docs/">Documentation de l'API / API documentation</a> · <a href="/healthz">/healthz</a></p>
</main></body></html>"#;

/// The default service.
pub async fn fallback(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    // CORS preflight for the public feeds (conditional headers are not "simple" headers).
    if req.method() == Method::OPTIONS && path.starts_with("/api/v1/public/") {
        return Ok(HttpResponse::NoContent()
            .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
            .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS"))
            .insert_header((
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                "Content-Type, If-None-Match, If-Modified-Since, Accept-Language, Idempotency-Key",
            ))
            .insert_header((header::ACCESS_CONTROL_MAX_AGE, "86400"))
            .finish());
    }
    if path == "/api" || path.starts_with("/api/") {
        return Err(match state.api_routes.allowed(path) {
            Some(allow) => ApiError::MethodNotAllowed { allow },
            None => ApiError::NotFound,
        });
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Err(ApiError::MethodNotAllowed {
            allow: vec!["GET".into(), "HEAD".into()],
        });
    }
    let root = &state.settings.web_dist;
    let index = root.join("index.html");
    let is_asset = Path::new(path).extension().is_some();
    if !index.is_file() && is_asset {
        return Err(ApiError::NotFound);
    }
    if !index.is_file() {
        return Ok(HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .body(format!("{NOT_BUILT_HEAD}{NOT_BUILT_STYLE}{NOT_BUILT_BODY}")));
    }
    let file = resolve(root, path).filter(|p| p.is_file());
    let (file, cache) = match file {
        Some(f) if f != index => {
            let hashed = f
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_hashed);
            let cache = if hashed {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            };
            (f, cache)
        }
        // A path with an extension that is not there is a missing asset, not a page.
        None if Path::new(path).extension().is_some() => return Err(ApiError::NotFound),
        _ => (index.clone(), "no-cache"),
    };
    // The public agenda, shared as a link, says what it is.
    if file == index && matches!(path, "/events" | "/events/") {
        let html = std::fs::read_to_string(&index)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", index.display()))?;
        return Ok(HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .body(agenda_page(&html, state.public_url())));
    }
    // An activity's public page carries its schema.org description for search engines and
    // La Grand Poste's crawler, which do not run the web app.
    if file == index {
        if let Some(id) = path
            .strip_prefix("/events/")
            .and_then(|s| s.trim_end_matches('/').parse::<uuid::Uuid>().ok())
        {
            let load = |lang| {
                crate::activities::public::service::load_public(
                    &state.db,
                    state.public_url(),
                    id,
                    lang,
                )
            };
            let mut event = load(shared::Lang::Fr).await;
            // A preview reads in the event's own language: its first one, when the site
            // speaks it.
            if let Ok(e) = &event {
                let own = e.languages.first().and_then(|l| shared::Lang::from_tag(l));
                if let Some(lang) = own.filter(|l| *l != shared::Lang::Fr) {
                    event = load(lang).await;
                }
            }
            if let Ok(event) = event {
                let html = std::fs::read_to_string(&index)
                    .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", index.display()))?;
                return Ok(HttpResponse::Ok()
                    .content_type("text/html; charset=utf-8")
                    .insert_header((header::CACHE_CONTROL, "no-cache"))
                    .body(event_page(&html, &event)));
            }
        }
    }
    // The build writes `.br` and `.gz` beside each hashed asset: send the best one the browser
    // takes, as it is (the Compress middleware leaves a response with Content-Encoding alone).
    let accepts = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let precompressed = (file != index)
        .then(|| pick_encoding(accepts))
        .flatten()
        .into_iter()
        .flatten()
        .find_map(|(encoding, ext)| {
            let mut name = file.clone().into_os_string();
            name.push(ext);
            let path = PathBuf::from(name);
            path.is_file().then_some((encoding, path))
        });
    let named = match &precompressed {
        Some((encoding, path)) => NamedFile::open(path)
            .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()))?
            .set_content_type(mime_guess::from_path(&file).first_or_octet_stream())
            .set_content_encoding(*encoding),
        None => NamedFile::open(&file)
            .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", file.display()))?,
    };
    let mut res = named.into_response(&req);
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static(cache),
    );
    if file != index {
        res.headers_mut().insert(
            header::VARY,
            header::HeaderValue::from_static("Accept-Encoding"),
        );
    }
    Ok(res)
}

/// The precompressed variants an `Accept-Encoding` header allows, best first (brotli, then
/// gzip), as (encoding, file suffix); `None` when it takes neither.
fn pick_encoding(
    accept: &str,
) -> Option<Vec<(actix_web::http::header::ContentEncoding, &'static str)>> {
    use actix_web::http::header::ContentEncoding;
    let takes = |name: &str| {
        accept.split(',').any(|part| {
            let mut it = part.split(';');
            let coding = it.next().unwrap_or("").trim();
            // `q=0` means "not this one".
            let refused = it.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            coding.eq_ignore_ascii_case(name) && !refused
        })
    };
    let mut out = Vec::new();
    if takes("br") {
        out.push((ContentEncoding::Brotli, ".br"));
    }
    if takes("gzip") {
        out.push((ContentEncoding::Gzip, ".gz"));
    }
    (!out.is_empty()).then_some(out)
}

/// The web app's page for a public event, with what crawlers and link previews read without
/// running it: the title, a description, Open Graph and Twitter card tags, and the
/// schema.org description.
fn event_page(index: &str, event: &shared::activities::PublicEvent) -> String {
    let p = shared::schema_org::share_preview(event);
    let title = html_escape(&format!("{} · Interra", p.title));
    let og_title = html_escape(&p.title);
    let description = html_escape(&p.description);
    let url = html_escape(&p.url);
    let locale = match p.lang.as_str() {
        "en" => "en_GB",
        "nl" => "nl_BE",
        "ar" => "ar_AR",
        _ => "fr_BE",
    };
    let ld = shared::schema_org::json_ld(event)
        .to_string()
        .replace("</", "<\\/");
    let head = format!(
        "<meta name=\"description\" content=\"{description}\">\n\
         <link rel=\"canonical\" href=\"{url}\">\n\
         <meta property=\"og:type\" content=\"website\">\n\
         <meta property=\"og:site_name\" content=\"Interra\">\n\
         <meta property=\"og:locale\" content=\"{locale}\">\n\
         <meta property=\"og:title\" content=\"{og_title}\">\n\
         <meta property=\"og:description\" content=\"{description}\">\n\
         <meta property=\"og:url\" content=\"{url}\">\n\
         <meta name=\"twitter:card\" content=\"summary\">\n\
         <meta name=\"twitter:title\" content=\"{og_title}\">\n\
         <meta name=\"twitter:description\" content=\"{description}\">\n\
         <script type=\"application/ld+json\" id=\"{}\">{ld}</script>\n</head>",
        shared::schema_org::EVENT_JSON_LD_ID
    );
    let page = replace_title(index, &title);
    page.replacen("</head>", &head, 1)
}

/// The public agenda's page with its title, description and share-preview tags (French, the
/// site's first language; the page itself follows the visitor's).
fn agenda_page(index: &str, public_url: &str) -> String {
    const TITLE: &str = "Agenda des activités · Interra";
    const DESCRIPTION: &str = "Ateliers InterAct, rencontres Duo2Change, formations \
        interculturelles et activités InterLab à Liège : les prochaines activités d'Interra, \
        où primo-arrivant·es et habitant·es d'ici partagent ce qu'ils savent faire.";
    let url = html_escape(&format!("{}/events", public_url.trim_end_matches('/')));
    let head = format!(
        "<meta name=\"description\" content=\"{DESCRIPTION}\">\n\
         <meta property=\"og:type\" content=\"website\">\n\
         <meta property=\"og:site_name\" content=\"Interra\">\n\
         <meta property=\"og:locale\" content=\"fr_BE\">\n\
         <meta property=\"og:title\" content=\"{TITLE}\">\n\
         <meta property=\"og:description\" content=\"{DESCRIPTION}\">\n\
         <meta property=\"og:url\" content=\"{url}\">\n\
         <meta name=\"twitter:card\" content=\"summary\">\n\
         <meta name=\"twitter:title\" content=\"{TITLE}\">\n\
         <meta name=\"twitter:description\" content=\"{DESCRIPTION}\">\n</head>"
    );
    replace_title(index, TITLE).replacen("</head>", &head, 1)
}

/// The page with its `<title>` replaced (added when it has none).
fn replace_title(html: &str, title: &str) -> String {
    match (html.find("<title>"), html.find("</title>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}<title>{title}{}", &html[..start], &html[end..])
        }
        _ => html.replacen("</head>", &format!("<title>{title}</title>\n</head>"), 1),
    }
}

fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_escape_the_web_root() {
        let root = Path::new("/srv/dist");
        assert_eq!(
            resolve(root, "/app.js"),
            Some(PathBuf::from("/srv/dist/app.js"))
        );
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(
            resolve(root, "/a/./b"),
            Some(PathBuf::from("/srv/dist/a/b"))
        );
    }

    #[test]
    fn the_title_is_replaced_and_text_is_escaped() {
        let page = replace_title("<head><title>Interra</title></head>", "A &amp; B");
        assert_eq!(page, "<head><title>A &amp; B</title></head>");
        let page = replace_title("<head></head>", "T");
        assert_eq!(page, "<head><title>T</title>\n</head>");
        assert_eq!(
            html_escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn encodings_follow_the_accept_encoding_header() {
        let suffixes =
            |h: &str| pick_encoding(h).map(|v| v.into_iter().map(|(_, s)| s).collect::<Vec<_>>());
        assert_eq!(
            suffixes("gzip, deflate, br, zstd"),
            Some(vec![".br", ".gz"])
        );
        assert_eq!(suffixes("gzip"), Some(vec![".gz"]));
        assert_eq!(suffixes("br;q=0, gzip;q=0.5"), Some(vec![".gz"]));
        assert_eq!(suffixes("identity"), None);
        assert_eq!(suffixes(""), None);
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed("web-3f9a1c2b7d.js"));
        assert!(is_hashed("web-3f9a1c2b7d_bg.wasm") || is_hashed("web_bg-3f9a1c2b7d.wasm"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("favicon.svg"));
    }

    #[test]
    fn known_paths_report_their_methods() {
        let doc = serde_json::json!({"paths": {
            "/api/v1/users": {"get": {}, "post": {}},
            "/api/v1/users/{id}": {"get": {}, "patch": {}}
        }});
        let routes = ApiRoutes::from_openapi(&doc);
        assert_eq!(
            routes.allowed("/api/v1/users"),
            Some(vec!["GET".into(), "POST".into()])
        );
        assert_eq!(
            routes.allowed("/api/v1/users/42"),
            Some(vec!["GET".into(), "PATCH".into()])
        );
        assert_eq!(routes.allowed("/api/v1/nothing"), None);
    }
}
