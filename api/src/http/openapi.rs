//! The OpenAPI document: paths come from the handlers' `#[utoipa::path]` annotations, gathered
//! by utoipa-actix-web as routes are registered; this module adds what is global.

use std::collections::BTreeMap;

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, RefOr, Response, ResponseBuilder};
use utoipa::{IntoResponses, Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Interra API",
        description = "REST API of the Interra platform: people, activities, Duo2Change and InterLab. \
Errors are RFC 9457 `application/problem+json` documents in the language of `Accept-Language` \
(fr, en, nl, ar). Lists are paginated as `{count, next, previous, results}`.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later")
    ),
    tags(
        (name = "auth", description = "Sign-in, sessions and password"),
        (name = "users", description = "Staff accounts (administrators)"),
        (name = "audit", description = "Audit trail (administrators)"),
        (name = "people", description = "People across the programmes, consents, GDPR rights"),
        (name = "tags", description = "Vocabulary of passions, skills and interests"),
        (name = "activities", description = "Activities, series, registrations, waiting lists and attendance"),
        (name = "notifications", description = "Outbox of notices to people promoted from a waiting list or whose activity is cancelled: sent by email when a mail server is configured, otherwise passed on by staff"),
        (name = "duo2change", description = "Duo2Change: candidates, explained matching, duos and their follow-up"),
        (name = "public", description = "Public endpoints (no account): sign-up, privacy notice"),
        (name = "operations", description = "Health and readiness probes"),
    ),
    components(schemas(shared::Problem, shared::ErrorCode)),
    modifiers(&SecurityAddon)
)]
pub struct ApiDoc;

struct SecurityAddon;

impl Modify for SecurityAddon {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "Access token from /api/v1/auth/login or /refresh (15 minutes).",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "refresh_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                shared::auth::REFRESH_COOKIE,
                "HttpOnly refresh token set by sign-in, scoped to /api/v1/auth.",
            ))),
        );
    }
}

fn problem(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            shared::problem::PROBLEM_CONTENT_TYPE,
            ContentBuilder::new()
                .schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
                    "Problem",
                ))))
                .build(),
        )
        .build()
        .into()
}

fn problems(codes: &[u16]) -> BTreeMap<String, RefOr<Response>> {
    codes
        .iter()
        .map(|code| {
            let text = match code {
                400 => "Malformed request body",
                401 => "Missing, expired or invalid credentials",
                403 => "The caller's role does not allow this",
                404 => "No such record",
                409 => "Conflicts with existing data",
                413 => "Body too large",
                415 => "Body is not JSON",
                422 => "Invalid fields (see `errors`)",
                429 => "Too many attempts (see `Retry-After`)",
                503 => "Service unavailable",
                _ => "Unexpected error (see `request_id`)",
            };
            (code.to_string(), problem(text))
        })
        .collect()
}

macro_rules! error_set {
    ($(#[$doc:meta])* $name:ident: $($code:literal),+) => {
        $(#[$doc])*
        pub struct $name;
        impl IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                problems(&[$($code),+])
            }
        }
    };
}

error_set!(
    /// Errors of the sign-in endpoint.
    LoginErrors: 400, 401, 413, 415, 422, 429, 500
);
error_set!(
    /// Errors of endpoints authenticated by the refresh cookie.
    CookieErrors: 401, 500
);
error_set!(
    /// Errors of authenticated reads.
    ReadErrors: 401, 403, 422, 500
);
error_set!(
    /// Errors of authenticated reads of one record.
    ItemErrors: 401, 403, 404, 500
);
error_set!(
    /// Errors of authenticated writes.
    WriteErrors: 400, 401, 403, 404, 409, 413, 415, 422, 500
);
error_set!(
    /// Errors of the password change.
    PasswordErrors: 400, 401, 413, 415, 422, 429, 500
);
error_set!(
    /// Errors of public forms.
    PublicFormErrors: 400, 413, 415, 422, 429, 500
);
error_set!(
    /// Errors of public reads.
    PublicReadErrors: 422, 500
);
error_set!(
    /// Errors of probes.
    ProbeErrors: 503
);
error_set!(
    /// Errors any route may answer, for those that have no others.
    UnexpectedErrors: 500
);
