//! Public endpoints, without an account: the privacy notice and the sign-up form. Nothing
//! personal is ever sent back.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde_json::json;
use shared::consent::{NoticeQuery, PrivacyNotice};
use shared::people::{MembershipStatus, PersonInput, ProgrammeRole};
use shared::signup::{SignupReceipt, SignupRequest};
use shared::Lang;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEvent};
use crate::db::write_transaction;
use crate::error::{ApiError, Validator};
use crate::http::auth::client_ip;
use crate::http::context::actor;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{PublicFormErrors, PublicReadErrors};
use crate::i18n::Msg;
use crate::people::domain::{optional_text, IntakeForm, PersonData};
use crate::people::intake::{self, Consent};
use crate::people::privacy;
use crate::people::store::MembershipRow;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(privacy_notice).service(signup);
}

/// The current privacy notice, in one language.
#[utoipa::path(tag = "public", params(NoticeQuery), responses(
    (status = 200, body = PrivacyNotice),
    PublicReadErrors
))]
#[get("/privacy-notice")]
pub async fn privacy_notice(
    req: HttpRequest,
    query: Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    let lang = match query.0.lang {
        Some(lang) => lang,
        None => req
            .headers()
            .get("accept-language")
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::from_accept_language)
            .unwrap_or(Lang::Fr),
    };
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .json(privacy::current(lang)))
}

const SIGNUP_ROLES: [ProgrammeRole; 4] = [
    ProgrammeRole::Participant,
    ProgrammeRole::WorkshopHost,
    ProgrammeRole::DuoCandidate,
    ProgrammeRole::Entrepreneur,
];

/// Apply to a programme (public form, no account).
///
/// Creates a person to review by the team; an existing email or phone never overwrites
/// anything: the application is flagged as a possible duplicate. The answer holds no personal
/// data. Throttled per address (accepted applications only; see `INTERRA_VENUE_ADDRESSES`).
#[utoipa::path(tag = "public", request_body = SignupRequest, responses(
    (status = 202, body = SignupReceipt),
    PublicFormErrors
))]
#[post("/signup")]
pub async fn signup(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<SignupRequest>,
) -> Result<HttpResponse, ApiError> {
    // Only accepted applications use up the quota: the place goes back on any error.
    let seat = state
        .signups
        .reserve(&client_ip(&req))
        .await
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;
    let s = body.0;
    let receipt = SignupReceipt {
        received: true,
        message: Msg::SignupReceived.text(s.lang),
    };
    // A filled honeypot is a robot: answer as usual, keep nothing.
    if s.website.as_deref().is_some_and(|w| !w.trim().is_empty()) {
        tracing::info!("sign-up honeypot filled: discarded");
        seat.keep();
        return Ok(HttpResponse::Accepted().json(receipt));
    }
    let mut v = Validator::new();
    if !s.consent {
        v.add("consent", Msg::ConsentRequired);
    }
    if !privacy::is_known_version(s.notice_version.trim()) {
        v.add("notice_version", Msg::InvalidValue);
    }
    let programme = v.check("programme", s.programme.ok_or(Msg::Required));
    let role = v.check("role", s.role.ok_or(Msg::Required));
    if role.is_some_and(|r| !SIGNUP_ROLES.contains(&r)) {
        v.add("role", Msg::InvalidValue);
    }
    let idea = v.check(
        "workshop_idea",
        optional_text(s.workshop_idea.as_deref(), 1000),
    );
    let message = v.check("message", optional_text(s.message.as_deref(), 2000));
    let input = PersonInput {
        first_name: s.first_name.clone(),
        last_name: s.last_name.clone(),
        email: s.email.clone(),
        phone: s.phone.clone(),
        postcode: s.postcode.clone(),
        profile: s.profile.map(Some),
        arrival_year: s.arrival_year,
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
    let (Some(mut data), Some(programme), Some(role)) = (data, programme, role) else {
        return Err(anyhow::anyhow!("validated sign-up fields missing").into());
    };
    // Their message goes to the presentation the team reads; a workshop idea becomes an
    // InterAct proposal at the start of the coordinators' pipeline.
    data.presentation = message.flatten();
    let idea = idea.flatten();
    let actor = actor(&req, None);
    let lang = s.lang;
    let version = s.notice_version.trim().to_owned();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let admitted = intake::admit_visitor(
                    conn,
                    IntakeForm::Signup,
                    &data,
                    Consent {
                        notice_version: &version,
                        lang,
                    },
                )?;
                let row = admitted.person;
                let now = crate::db::now();
                MembershipRow {
                    id: Uuid::now_v7().to_string(),
                    person_id: row.id.clone(),
                    programme,
                    role,
                    status: MembershipStatus::Applied,
                    started_on: now.date(),
                    ended_on: None,
                    created_at: now,
                    updated_at: now,
                }
                .insert(conn)?;
                if role == ProgrammeRole::DuoCandidate {
                    crate::duo::service::candidacies::from_signup(conn, &actor, &row)?;
                }
                if let Some(idea) = &idea {
                    crate::activities::interact::service::proposals::from_signup(
                        conn,
                        &actor,
                        &row.id,
                        idea,
                        &[],
                    )?;
                }
                audit::record(
                    conn,
                    &actor,
                    AuditEvent {
                        action: AuditAction::PersonSignup,
                        entity_type: "person",
                        entity_id: Some(row.id.clone()),
                        details: json!({
                            "programme": programme.as_str(),
                            "role": role.as_str(),
                            "possible_duplicate": row.possible_duplicate_of.is_some(),
                            "workshop_proposal": idea.is_some(),
                        }),
                    },
                )?;
                Ok(())
            })
        })
        .await?;
    seat.keep();
    Ok(HttpResponse::Accepted().json(receipt))
}
