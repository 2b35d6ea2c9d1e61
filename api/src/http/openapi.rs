//! The OpenAPI document: paths come from the handlers' `#[utoipa::path]` annotations, gathered
//! by utoipa-actix-web as routes are registered; this module adds what is global.

use std::collections::BTreeMap;

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Scopes,
    SecurityScheme,
};
use utoipa::openapi::{ContentBuilder, RefOr, Response, ResponseBuilder};
use utoipa::{IntoResponses, Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Interra API",
        description = "REST API of the Interra platform: people, activities, InterAct hosts, Duo2Change and InterLab. \
Errors are RFC 9457 `application/problem+json` documents in the language of `Accept-Language` \
(fr, en, nl, ar). Lists are paginated as `{count, next, previous, results}`. No text, in a body \
or a query, may hold a NUL character (`\\u0000`), and no date may lie outside the years \
1900–2200: either is refused with a 422 naming the field.",
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
        (name = "interlab", description = "InterLab, the inclusive incubator: applications, entrepreneurs and their projects, cohorts, sectors"),
        (name = "interact", description = "InterAct hosts: workshop proposals, the coordinators' pipeline, the host's autonomy ladder and page"),
        (name = "trainings", description = "Intercultural trainings: the catalogue of modules, courses whose sessions are activities, trainees, attendance and completion, certificates of attendance"),
        (name = "partners", description = "Partner organisations, their contacts and their API clients (coordinators)"),
        (name = "partner", description = "The partner API: OAuth 2.0 client credentials (`/api/v1/oauth/token`), then a bearer token with scopes; see docs/partners.md"),
        (name = "reports", description = "Impact reports per programme and period with small-count suppression (CSV, XLSX, the yearly report), and the signed-in user's home page"),
        (name = "public", description = "Public endpoints (no account): sign-up, privacy notice"),
        (name = "operations", description = "Health and readiness probes"),
    ),
    // Enums only query parameters use: no body names them, so they are listed here.
    components(schemas(
        shared::Problem,
        shared::ErrorCode,
        shared::activities::CsvSeparator,
        shared::activities::EventOrdering,
        shared::people::PeopleSort
    )),
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
        // Partner tokens: the client credentials grant. Each partner route names its scope.
        let scopes = shared::partners::Scope::ALL.iter().map(|s| {
            let what = match s {
                shared::partners::Scope::EventsRead => "Read the agenda of public events",
                shared::partners::Scope::ReferralsRead => {
                    "Read the referrals the organisation made"
                }
                shared::partners::Scope::ReferralsWrite => "Refer a person to a programme",
                shared::partners::Scope::TrainingsRegister => {
                    "Register the organisation's staff to trainings"
                }
                shared::partners::Scope::WebhooksManage => "Register and manage webhook endpoints",
            };
            (s.as_str(), what)
        });
        components.add_security_scheme(
            "oauth2",
            SecurityScheme::OAuth2(OAuth2::with_description(
                [Flow::ClientCredentials(ClientCredentials::new(
                    "/api/v1/oauth/token",
                    Scopes::from_iter(scopes),
                ))],
                "Partner access token (10 minutes) from the client credentials grant; it reaches only /api/v1/partner/... routes.",
            )),
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

/// Completes the document once every route has added its paths: each operation lists the
/// problem responses its shape makes possible, so no status the API answers is undocumented.
pub fn finish(doc: &mut utoipa::openapi::OpenApi) {
    StandardProblems.modify(doc);
    // utoipa documents Rust's `u32` as `int32` (at most 2^31 - 1) with minimum 0, while serde
    // reads up to 2^32 - 1: a client (or the fuzzer) would be told the wrong range. No input
    // uses `u8` or `u16`, the other types documented this way.
    if let Ok(mut value) = serde_json::to_value(&*doc) {
        widen_u32(&mut value);
        super::contract::apply(&mut value);
        if let Ok(widened) = serde_json::from_value(value) {
            *doc = widened;
        }
    }
}

fn widen_u32(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            let integer = match map.get("type") {
                Some(serde_json::Value::String(t)) => t == "integer",
                // `Option<u32>`: `["integer", "null"]`.
                Some(serde_json::Value::Array(ts)) => ts.iter().any(|t| t == "integer"),
                _ => false,
            };
            let is_u32 = integer
                && map.get("format").and_then(|f| f.as_str()) == Some("int32")
                && map.get("minimum").and_then(|m| m.as_u64()) == Some(0)
                && !map.contains_key("maximum");
            if is_u32 {
                map.insert("format".into(), "int64".into());
                map.insert("maximum".into(), u32::MAX.into());
            }
            map.values_mut().for_each(widen_u32);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(widen_u32),
        _ => {}
    }
}

/// Adds the problem responses that follow from an operation's shape, whatever its handler
/// declared: a body can be malformed (400), too large (413), not JSON (415) or invalid (422);
/// a query can be invalid (422); a path names a record that may not exist (404); a token can be
/// missing (401) or not allow it (403); an authenticated write can meet existing data (409);
/// anything can fail unexpectedly (500).
struct StandardProblems;

impl Modify for StandardProblems {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            let shared_params = item.parameters.clone().unwrap_or_default();
            let operations = [
                (false, &mut item.get),
                (false, &mut item.head),
                (false, &mut item.options),
                (false, &mut item.trace),
                (true, &mut item.put),
                (true, &mut item.post),
                (true, &mut item.patch),
                (true, &mut item.delete),
            ];
            for (writes, op) in operations {
                if let Some(op) = op.as_mut() {
                    add_standard_problems(op, writes, &shared_params);
                }
            }
        }
    }
}

fn add_standard_problems(
    op: &mut Operation,
    writes: bool,
    shared_params: &[RefOr<utoipa::openapi::path::Parameter>],
) {
    let params = op.parameters.iter().flatten().chain(shared_params);
    let located = |place: ParameterIn| {
        params
            .clone()
            .any(|p| matches!(p, RefOr::T(p) if p.parameter_in == place))
    };
    // An empty requirement makes the token optional; any other names a scheme to present.
    let secured = op.security.iter().flatten().any(|req| {
        serde_json::to_value(req).is_ok_and(|v| v.as_object().is_some_and(|o| !o.is_empty()))
    });
    let mut codes = vec![500];
    if op.request_body.is_some() {
        codes.extend([400, 413, 415, 422]);
    }
    if located(ParameterIn::Query) {
        codes.push(422);
    }
    // A query parameter naming a record (`activity_id=`) may name none.
    let names_record = params.clone().any(|p| {
        matches!(p, RefOr::T(p) if p.parameter_in == ParameterIn::Query
            && serde_json::to_value(&p.schema).is_ok_and(|s| s["format"] == "uuid"))
    });
    if names_record {
        codes.push(404);
    }
    if located(ParameterIn::Path) {
        codes.push(404);
    }
    if secured {
        codes.extend([401, 403]);
        if writes {
            codes.push(409);
        }
    }
    for (code, response) in problems(&codes) {
        op.responses.responses.entry(code).or_insert(response);
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
    /// Errors of public reads throttled per client address.
    PublicLookupErrors: 422, 429, 500
);
error_set!(
    /// Errors of probes.
    ProbeErrors: 503
);
error_set!(
    /// Errors any route may answer, for those that have no others.
    UnexpectedErrors: 500
);
