//! The agenda page partners embed in their websites.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use shared::activities::ActivityStatus;
use shared::Lang;

use super::{selection, EventQuery};
use crate::activities::feeds::rss::xml_escape as esc;
use crate::activities::public::dto::public_event;
use crate::activities::public::service;
use crate::activities::public::texts::Text;
use crate::error::ApiError;
use crate::http::extract::Query;
use crate::state::AppState;

/// An agenda page to embed in partners' websites:
/// `<iframe src="https://…/embed/agenda?programme=interact&lang=fr">`.
pub async fn embed_agenda(
    state: web::Data<AppState>,
    query: Query<EventQuery>,
) -> Result<HttpResponse, ApiError> {
    let sel = selection(&query.0, Some(120))?;
    let events = service::events(&state.db, sel, 0, 20).await?;
    let lang = events.lang;
    let events = events
        .records
        .iter()
        .map(|r| public_event(r, lang, state.public_url(), &events.slugs))
        .collect::<Result<Vec<_>, _>>()?;
    let heading = Text::AgendaHeading.text(lang);
    let mut items = String::new();
    for e in &events {
        let when = chrono::DateTime::parse_from_rfc3339(&e.start_local)
            .map(|t| t.format("%d/%m/%Y %H:%M").to_string())
            .unwrap_or_default();
        let place = e.venue.as_ref().map(|v| v.name.clone()).unwrap_or_default();
        let note = if e.status == ActivityStatus::Cancelled {
            format!(" <strong>({})</strong>", Text::Cancelled.text(lang))
        } else if e.remaining_places == Some(0) {
            format!(" <em>({})</em>", Text::Full.text(lang))
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
        items = format!("<li>{}</li>", Text::AgendaEmpty.text(lang));
    }
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(page(lang, heading, &items)))
}

fn page(lang: Lang, heading: &str, items: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{heading}</title>\
<style>body{{font-family:system-ui,sans-serif;margin:0;padding:.75rem;color:#1b1b1b;background:#fff}}h1{{font-size:1.1rem;margin:0 0 .5rem}}ul{{list-style:none;margin:0;padding:0}}li{{padding:.5rem 0;border-bottom:1px solid #ddd}}a{{color:#0b5394;font-weight:600}}time{{color:#444}}</style></head>\
<body><main><h1>{heading}</h1><ul>{items}</ul></main></body></html>",
        code = lang.code(),
        dir = lang.dir(),
    )
}
