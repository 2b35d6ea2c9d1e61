//! The page a confirmation link opens (`/confirm/registration?token=…`). Opening it only asks:
//! mail scanners and link previews follow links, and must not register anyone. The button posts
//! the token back, which registers the person, once.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use shared::activities::RegistrationStatus;
use shared::Lang;

use crate::activities::feeds::rss::xml_escape as esc;
use crate::activities::public::service::{self, Confirmation, CONFIRM_PATH};
use crate::activities::public::texts::Text;
use crate::error::ApiError;
use crate::http::context::Visitor;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct TokenParam {
    #[serde(default)]
    token: String,
}

/// A token as links carry it (43 URL-safe characters), or nothing.
fn token(raw: &str) -> Option<String> {
    let t = raw.trim();
    (!t.is_empty()
        && t.len() <= 100
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    .then(|| t.to_owned())
}

/// `GET`: the question and its button, or why the link no longer works.
pub async fn confirm_page(
    state: web::Data<AppState>,
    query: web::Query<TokenParam>,
) -> Result<HttpResponse, ApiError> {
    let Some(token) = token(&query.token) else {
        return Ok(invalid());
    };
    let t = token.clone();
    let preview = state
        .db
        .run(move |conn| service::confirmation_preview(conn, &t))
        .await?;
    let Some((lang, title)) = preview else {
        return Ok(invalid());
    };
    let ask = Text::ConfirmAsk.text(lang).replace("{title}", &title);
    let body = format!(
        "<p>{}</p><form method=\"post\" action=\"{CONFIRM_PATH}\"><input type=\"hidden\" name=\"token\" value=\"{}\"><button type=\"submit\">{}</button></form>",
        esc(&ask),
        esc(&token),
        esc(Text::ConfirmButton.text(lang)),
    );
    Ok(page(StatusCode::OK, lang, &body))
}

/// `POST`: registers the person the link was sent to.
pub async fn confirm_submit(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: web::Form<TokenParam>,
) -> Result<HttpResponse, ApiError> {
    let Some(token) = token(&form.token) else {
        return Ok(invalid());
    };
    let actor = visitor.actor;
    let (lang, outcome) = state
        .db
        .run(move |conn| service::confirm_registration(conn, &token, &actor))
        .await?;
    let (status, text) = match outcome {
        Confirmation::Done(RegistrationStatus::Waitlisted) => (StatusCode::OK, Text::Waitlisted),
        Confirmation::Done(_) => (StatusCode::OK, Text::Registered),
        Confirmation::Closed => (StatusCode::CONFLICT, Text::ConfirmClosed),
        Confirmation::Invalid => return Ok(invalid()),
    };
    Ok(page(
        status,
        lang,
        &format!("<p role=\"status\">{}</p>", esc(text.text(lang))),
    ))
}

/// An unknown, used or expired link: `410 Gone`, the same answer for each.
fn invalid() -> HttpResponse {
    let lang = Lang::Fr;
    page(
        StatusCode::GONE,
        lang,
        &format!(
            "<p role=\"alert\">{}</p>",
            esc(Text::ConfirmInvalid.text(lang))
        ),
    )
}

fn page(status: StatusCode, lang: Lang, body: &str) -> HttpResponse {
    let heading = esc(Text::ConfirmHeading.text(lang));
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(format!(
            "<!doctype html>\n<html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{heading}</title>\
<style>body{{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}}button{{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.3rem;background:#1f5c4d;color:#fff;cursor:pointer}}</style></head>\
<body><main><h1>{heading}</h1>{body}</main></body></html>",
            code = lang.code(),
            dir = lang.dir(),
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_well_formed_tokens_reach_the_database() {
        assert_eq!(token(" abc-DEF_123 ").as_deref(), Some("abc-DEF_123"));
        assert_eq!(token(""), None);
        assert_eq!(token("a b"), None);
        assert_eq!(token("<script>"), None);
        assert_eq!(token(&"a".repeat(101)), None);
    }
}
