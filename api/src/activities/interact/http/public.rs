//! `/public/interact`: "Je propose un atelier", without an account, and the passions it offers.
//! The same rules as every public form (throttling per address, honeypot, consent to the current
//! notice), applied by the people feature's intake.

use actix_web::{get, post, web, HttpResponse};
use shared::interact::{Passion, ProposalUpdate, PublicProposalRequest};
use shared::people::PersonInput;
use shared::signup::SignupReceipt;

use crate::activities::interact::service::{check_proposal_text, proposals};
use crate::error::{ApiError, Validator};
use crate::http::context::Visitor;
use crate::http::extract::Json;
use crate::http::openapi::{PublicFormErrors, UnexpectedErrors};
use crate::i18n::Msg;
use crate::people::intake::{check_consent, check_person, is_robot};
use crate::state::AppState;

/// Propose a workshop (public form, no account).
///
/// Creates a person to review with their proposal at the start of the team's pipeline; an
/// existing email or phone never overwrites anything (the proposal's host is flagged as a
/// possible duplicate). The answer holds no personal data. Throttled per address, with the
/// public sign-up (only accepted proposals count).
#[utoipa::path(tag = "public", request_body = PublicProposalRequest, responses(
    (status = 202, body = SignupReceipt),
    PublicFormErrors
))]
#[post("/proposals")]
pub async fn propose(
    state: web::Data<AppState>,
    visitor: Visitor,
    body: Json<PublicProposalRequest>,
) -> Result<HttpResponse, ApiError> {
    // The sign-up's quota: only accepted proposals use it up; errors give the place back.
    let seat = state
        .signups
        .reserve(&visitor.ip)
        .await
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;
    let p = body.0;
    let receipt = SignupReceipt {
        received: true,
        message: Msg::SignupReceived.text(p.lang),
    };
    let mut v = Validator::new();
    check_consent(&mut v, p.consent, &p.notice_version);
    let text = ProposalUpdate {
        title: p.title.clone(),
        description: p.description.clone(),
        passions: p.passions.clone(),
        languages: p.languages.clone(),
        availability: p.availability.clone(),
        availability_note: p.availability_note.clone(),
        needs: p.needs.clone(),
        wants_cohost: p.wants_cohost,
        ..ProposalUpdate::default()
    };
    let person = check_person(
        &mut v,
        &PersonInput {
            first_name: p.first_name.clone(),
            last_name: p.last_name.clone(),
            email: p.email.clone(),
            phone: p.phone.clone(),
            postcode: p.postcode.clone(),
            profile: p.profile.map(Some),
            arrival_year: p.arrival_year,
            ..Default::default()
        },
    )?;
    // The passions are checked against the vocabulary, in the database.
    let (fields, v) = state
        .db
        .run(move |conn| {
            let mut v = v;
            let f = check_proposal_text(conn, &mut v, &text)?;
            Ok((f, v))
        })
        .await?;
    v.finish()?;
    // Checked after the fields: bad input gets its field errors whoever sends it; a robot's
    // otherwise valid proposal is answered as usual and kept nowhere.
    if is_robot(p.website.as_deref()) {
        tracing::info!("interact proposal honeypot filled: discarded");
        seat.keep();
        return Ok(HttpResponse::Accepted().json(receipt));
    }
    let (Some(person), Some(fields)) = (person, fields) else {
        return Err(anyhow::anyhow!("validated proposal fields missing").into());
    };
    let form = proposals::PublicForm {
        person,
        fields,
        notice_version: p.notice_version.trim().to_owned(),
        lang: p.lang,
    };
    proposals::propose(&state.db, form, visitor.actor).await?;
    seat.keep();
    Ok(HttpResponse::Accepted().json(receipt))
}

/// The passions the public form offers (the tag vocabulary, in the four languages).
#[utoipa::path(tag = "public", responses(
    (status = 200, body = Vec<Passion>),
    UnexpectedErrors
))]
#[get("/passions")]
pub async fn passions(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "public, max-age=300"))
        .json(proposals::passions(&state.db).await?))
}
