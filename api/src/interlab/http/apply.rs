//! `POST /public/interlab/apply`: "Je veux créer mon activité", without an account. The same
//! rules as every public form (throttling per address, honeypot, consent to the current notice),
//! applied by the people feature's intake.

use actix_web::{post, web, HttpResponse};
use shared::interlab::ApplyRequest;
use shared::people::PersonInput;
use shared::signup::SignupReceipt;

use crate::error::{ApiError, Validator};
use crate::http::context::Visitor;
use crate::http::extract::Json;
use crate::http::openapi::PublicFormErrors;
use crate::i18n::Msg;
use crate::interlab::domain::{HEARD_VIA_DETAIL_MAX, IDEA_MAX};
use crate::interlab::service::applications::{self, ApplyForm};
use crate::people::domain::{optional_text, required_text};
use crate::people::intake::{check_consent, check_person, is_robot};
use crate::state::AppState;

/// Apply to InterLab (public form, no account).
///
/// Creates a person to review with their idea in the team's queue; an existing email or phone
/// never overwrites anything (the application is flagged as a possible duplicate). The answer
/// holds no personal data. Throttled per address, with the public sign-up (only accepted
/// applications count).
#[utoipa::path(tag = "public", request_body = ApplyRequest, responses(
    (status = 202, body = SignupReceipt),
    PublicFormErrors
))]
#[post("/apply")]
pub async fn apply(
    state: web::Data<AppState>,
    visitor: Visitor,
    body: Json<ApplyRequest>,
) -> Result<HttpResponse, ApiError> {
    // The sign-up's quota: only accepted applications use it up; errors give the place back.
    let seat = state
        .signups
        .reserve(&visitor.ip)
        .await
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;
    let a = body.0;
    let receipt = SignupReceipt {
        received: true,
        message: Msg::SignupReceived.text(a.lang),
    };
    if is_robot(a.website.as_deref()) {
        tracing::info!("interlab application honeypot filled: discarded");
        seat.keep();
        return Ok(HttpResponse::Accepted().json(receipt));
    }
    let mut v = Validator::new();
    check_consent(&mut v, a.consent, &a.notice_version);
    let idea = v.check("idea", required_text(&a.idea, IDEA_MAX));
    let detail = v.check(
        "heard_via_detail",
        optional_text(a.heard_via_detail.as_deref(), HEARD_VIA_DETAIL_MAX),
    );
    let person = check_person(
        &mut v,
        &PersonInput {
            first_name: a.first_name.clone(),
            last_name: a.last_name.clone(),
            email: a.email.clone(),
            phone: a.phone.clone(),
            postcode: a.postcode.clone(),
            profile: a.profile.map(Some),
            arrival_year: a.arrival_year,
            languages: a.languages.clone(),
            ..Default::default()
        },
    )?;
    v.finish()?;
    let (Some(person), Some(idea), Some(heard_via_detail)) = (person, idea, detail) else {
        return Err(anyhow::anyhow!("validated application fields missing").into());
    };
    let form = ApplyForm {
        person,
        idea,
        heard_via: a.heard_via,
        heard_via_detail,
        notice_version: a.notice_version.trim().to_owned(),
        lang: a.lang,
    };
    applications::apply(&state.db, form, visitor.actor).await?;
    seat.keep();
    Ok(HttpResponse::Accepted().json(receipt))
}
