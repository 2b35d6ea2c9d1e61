//! Registering oneself to a public activity, without an account.

use actix_web::{post, web, HttpResponse};
use shared::activities::{PublicRegistration, PublicRegistrationReceipt, RegistrationStatus};
use shared::people::PersonInput;
use uuid::Uuid;

use crate::activities::public::service::{self, PublicSignup};
use crate::activities::public::texts::Text;
use crate::error::{ApiError, Validator};
use crate::http::context::Visitor;
use crate::http::extract::Json;
use crate::http::openapi::PublicFormErrors;
use crate::i18n::Msg;
use crate::people::domain::PersonData;
use crate::state::AppState;

/// The receipt; `held`: waitlisted while places are free, held for the mix target.
fn receipt(
    status: RegistrationStatus,
    held: bool,
    lang: shared::Lang,
) -> PublicRegistrationReceipt {
    let text = match status {
        RegistrationStatus::Waitlisted if held => Text::WaitlistedHeld,
        RegistrationStatus::Waitlisted => Text::Waitlisted,
        _ => Text::Registered,
    };
    PublicRegistrationReceipt {
        status,
        message: format!(
            "{} {}",
            text.text(lang),
            Text::KnownConfirmByEmail.text(lang)
        ),
    }
}

/// Register oneself to a public activity (no account). Goes to the waiting list when full.
/// Throttled per address (accepted registrations only); a filled honeypot is ignored. The
/// answer never depends on whose email or phone was typed: a person already known is registered
/// only once they follow the link emailed to the address on their record.
#[utoipa::path(tag = "public", params(("id" = Uuid, Path)), request_body = PublicRegistration, responses(
    (status = 202, body = PublicRegistrationReceipt),
    PublicFormErrors
))]
#[post("/events/{id}/register")]
pub async fn register_public(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<Uuid>,
    body: Json<PublicRegistration>,
) -> Result<HttpResponse, ApiError> {
    // Its own quota, apart from the sign-up's; only accepted registrations use it up.
    let seat = state
        .registrations
        .reserve(&visitor.ip)
        .await
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;
    let id = id.into_inner().to_string();
    let r = body.0;
    let lang = r.lang;
    if r.website.as_deref().is_some_and(|w| !w.trim().is_empty()) {
        seat.keep();
        return Ok(HttpResponse::Accepted().json(receipt(
            RegistrationStatus::Registered,
            false,
            lang,
        )));
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
        profile: r.profile.map(Some),
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
    let form = PublicSignup {
        person: data.ok_or_else(|| anyhow::anyhow!("validated registration missing"))?,
        notice_version: r.notice_version.trim().to_owned(),
        lang,
    };
    let actor = visitor.actor;
    let (status, held) = state
        .db
        .run(move |conn| {
            let status = service::register_visitor(conn, &id, &form, &actor)?;
            let held = status == RegistrationStatus::Waitlisted && service::places_free(conn, &id)?;
            Ok((status, held))
        })
        .await?;
    seat.keep();
    // A confirmation email may be waiting.
    state.outbox.notify_one();
    Ok(HttpResponse::Accepted().json(receipt(status, held, lang)))
}
