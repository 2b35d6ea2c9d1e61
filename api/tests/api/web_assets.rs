//! The built web app as the server sends it (issue 18): hashed assets precompressed by the
//! build are sent as they are, with their encoding, cached for a year; the page is not.

use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, VARY};
use reqwest::StatusCode;

use crate::helpers::{Backend, TestApp};

const WASM: &str = "web_bg-0123456789abcdef.wasm";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hashed_assets_go_out_precompressed_and_the_page_stays_fresh() {
    let dist = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dist.path().join(name), bytes).expect("write the site");
    };
    write(
        "index.html",
        b"<!doctype html><html><head><title>Interra</title></head><body></body></html>",
    );
    write(WASM, b"\0asm raw module");
    write(&format!("{WASM}.br"), b"brotli bytes");
    write(&format!("{WASM}.gz"), b"gzip bytes");
    write("style-fedcba9876543210.css", b"body{}");
    let web = dist.path().to_path_buf();
    let Some(app) = TestApp::spawn_with(Backend::Sqlite, move |s| s.web_dist = web).await else {
        return;
    };
    let fetch = |path: &str, accept: Option<&str>| {
        let mut req = app.bare.get(app.url(path));
        if let Some(a) = accept {
            req = req.header(ACCEPT_ENCODING, a);
        }
        req.send()
    };
    let header = |res: &reqwest::Response, name| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };

    // What Chromium sends: brotli, as written by the build, typed as WebAssembly.
    let res = fetch(&format!("/{WASM}"), Some("gzip, deflate, br, zstd"))
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, CONTENT_ENCODING), "br");
    assert_eq!(header(&res, CONTENT_TYPE), "application/wasm");
    assert!(header(&res, VARY).contains("Accept-Encoding"));
    assert_eq!(
        header(&res, CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(res.bytes().await.expect("body").as_ref(), b"brotli bytes");

    // gzip only.
    let res = fetch(&format!("/{WASM}"), Some("gzip"))
        .await
        .expect("request");
    assert_eq!(header(&res, CONTENT_ENCODING), "gzip");
    assert_eq!(res.bytes().await.expect("body").as_ref(), b"gzip bytes");

    // Neither: the file itself, never compressed on the fly.
    let res = fetch(&format!("/{WASM}"), None).await.expect("request");
    assert_eq!(header(&res, CONTENT_ENCODING), "");
    assert_eq!(
        res.bytes().await.expect("body").as_ref(),
        b"\0asm raw module"
    );

    // An asset without precompressed copies is sent as it is.
    let res = fetch("/style-fedcba9876543210.css", Some("br"))
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    assert!(header(&res, CONTENT_TYPE).starts_with("text/css"));

    // The page: short cache, so a new build reaches everyone at once.
    let res = fetch("/events", Some("br")).await.expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, CACHE_CONTROL), "no-cache");
    assert_eq!(header(&res, CONTENT_ENCODING), "");
    // The public agenda, shared as a link, says what it is; a staff page says nothing.
    let agenda = res.text().await.expect("body");
    assert!(agenda.contains("<title>Agenda des activités · Interra</title>"));
    assert!(
        agenda.contains("<meta property=\"og:title\" content=\"Agenda des activités · Interra\">")
    );
    assert!(agenda.contains("<meta name=\"description\" content=\"Ateliers InterAct"));
    assert_eq!(agenda.matches("<title>").count(), 1);
    let staff = fetch("/people", None).await.expect("request");
    let staff = staff.text().await.expect("body");
    assert!(staff.contains("<title>Interra</title>") && !staff.contains("og:"));
    drop(app);
    drop(dist);
}
