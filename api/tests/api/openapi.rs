//! The OpenAPI document: complete, served, committed up to date; Swagger UI works offline.

use reqwest::{header, StatusCode};
use serde_json::Value;

use crate::helpers::{generated_openapi, Backend, TestApp};

const OPERATIONS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

async fn app() -> TestApp {
    TestApp::spawn(Backend::Sqlite)
        .await
        .expect("SQLite test server")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_served_document_describes_every_route() {
    let app = app().await;
    let res = app.get("/api/openapi.json", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let served: Value = res.json().await.expect("JSON document");
    let generated: Value = serde_json::from_str(&generated_openapi()).expect("generated document");
    assert_eq!(
        served, generated,
        "the served document differs from the generated one"
    );

    let version = served["openapi"].as_str().unwrap_or_default();
    assert!(version.starts_with("3."), "not OpenAPI 3.x: {version:?}");
    assert!(served["info"]["title"].is_string() && served["info"]["version"].is_string());

    let paths = served["paths"].as_object().expect("paths");
    let expected = [
        ("/healthz", "get"),
        ("/readyz", "get"),
        ("/api/v1/auth/login", "post"),
        ("/api/v1/auth/refresh", "post"),
        ("/api/v1/auth/logout", "post"),
        ("/api/v1/auth/me", "get"),
        ("/api/v1/auth/password", "post"),
        ("/api/v1/users", "get"),
        ("/api/v1/users", "post"),
        ("/api/v1/users/{id}", "get"),
        ("/api/v1/users/{id}", "patch"),
        ("/api/v1/audit", "get"),
    ];
    for (path, method) in expected {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} is not documented"
        );
    }

    let schemes = &served["components"]["securitySchemes"];
    assert_eq!(schemes["bearer"]["type"], "http");
    assert_eq!(
        schemes["bearer"]["scheme"]
            .as_str()
            .map(str::to_lowercase)
            .as_deref(),
        Some("bearer")
    );
    assert_eq!(schemes["refresh_cookie"]["type"], "apiKey");
    assert_eq!(schemes["refresh_cookie"]["in"], "cookie");
    assert_eq!(schemes["refresh_cookie"]["name"], "interra_refresh");
    assert!(served["components"]["schemas"]["Problem"].is_object());

    let mut operations = 0;
    for (path, item) in paths {
        for (method, op) in item.as_object().into_iter().flatten() {
            if !OPERATIONS.contains(&method.as_str()) {
                continue;
            }
            operations += 1;
            let what = format!("{method} {path}");
            let responses = op["responses"]
                .as_object()
                .unwrap_or_else(|| panic!("{what}: no responses"));
            assert!(
                responses
                    .keys()
                    .any(|code| code.starts_with('4') || code.starts_with('5')),
                "{what} declares no error response"
            );
            assert!(
                responses.keys().any(|code| code.starts_with('2')),
                "{what} declares no success response"
            );
            for (code, response) in responses {
                // The token endpoint answers OAuth's own errors (RFC 6749 §5.2), which OAuth
                // client libraries read.
                if path == "/api/v1/oauth/token" && (code == "400" || code == "401") {
                    assert!(
                        response["content"]["application/json"].is_object(),
                        "{what} {code} is not documented as an OAuth error"
                    );
                    continue;
                }
                if code.starts_with('4') || code.starts_with('5') {
                    assert!(
                        response["content"]["application/problem+json"].is_object(),
                        "{what} {code} is not documented as problem+json"
                    );
                }
            }
            // Routes behind a token say so, and that they can answer 401.
            let secured = op["security"].as_array().is_some_and(|s| !s.is_empty());
            if path.starts_with("/api/v1/users")
                || path == "/api/v1/audit"
                || path == "/api/v1/auth/me"
            {
                assert!(secured, "{what} does not declare its security");
            }
            if secured {
                assert!(
                    responses.contains_key("401"),
                    "{what} is secured but declares no 401"
                );
            }
        }
    }
    assert!(operations >= expected.len());
}

#[test]
fn the_committed_document_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/openapi.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = generated_openapi();
    // `INTERRA_OPENAPI_WRITE=1` rewrites it from a test build (saves building the binary that
    // scripts/openapi.sh runs).
    if committed != generated && std::env::var_os("INTERRA_OPENAPI_WRITE").is_some() {
        std::fs::write(&path, &generated).expect("write openapi/openapi.json");
        return;
    }
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || committed.lines().count().min(generated.lines().count()) + 1,
                |i| i + 1,
            );
        panic!(
            "openapi/openapi.json is out of date (first difference at line {line}): run scripts/openapi.sh \
             and commit the result"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn swagger_ui_is_served_without_a_cdn() {
    let app = app().await;
    // `/api/docs` leads to the UI.
    let res = app.get("/api/docs", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.url().path().starts_with("/api/docs/"), "{}", res.url());

    let res = app.get("/api/docs/", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let ct = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(ct.starts_with("text/html"), "{ct}");
    let html = res.text().await.expect("html");
    assert!(html.to_lowercase().contains("swagger"), "{html}");

    // Every script and style sheet the page loads comes from this server.
    let mut assets = Vec::new();
    for attr in ["src=\"", "href=\""] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            let url = &rest[..rest.find('"').unwrap_or(0)];
            assets.push(url.to_owned());
        }
    }
    assert!(!assets.is_empty(), "{html}");
    for url in &assets {
        assert!(
            !url.starts_with("http:") && !url.starts_with("https:") && !url.starts_with("//"),
            "the docs page loads {url} from elsewhere"
        );
    }
    let mut kinds = Vec::new();
    for url in &assets {
        let path = match url.strip_prefix("./") {
            Some(rel) => format!("/api/docs/{rel}"),
            None if url.starts_with('/') => url.clone(),
            None => format!("/api/docs/{url}"),
        };
        let res = app.get(&path, None).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let ct = res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = res.bytes().await.expect("asset");
        assert!(!body.is_empty(), "{path} is empty");
        if path.ends_with(".js") {
            assert!(ct.contains("javascript"), "{path}: {ct}");
            kinds.push("js");
        } else if path.ends_with(".css") {
            assert!(ct.starts_with("text/css"), "{path}: {ct}");
            kinds.push("css");
        }
    }
    assert!(
        kinds.contains(&"js") && kinds.contains(&"css"),
        "assets: {assets:?}"
    );

    // The UI is pointed at the served document.
    let init = app.get("/api/docs/swagger-initializer.js", None).await;
    assert_eq!(init.status(), StatusCode::OK);
    let init = init.text().await.expect("initializer");
    assert!(init.contains("/api/openapi.json"), "{init}");
    assert!(
        !init.contains("https://"),
        "the initializer loads something remote: {init}"
    );
}

/// Checks one value of an enum schema against the Rust type: `Ok` when serde reads it as a
/// variant (and, for a plain enum, writes it back unchanged).
type EnumCheck = fn(&str, Option<&str>) -> Result<(), String>;

fn serde_reads<T: serde::de::DeserializeOwned + serde::Serialize>(
    value: &str,
    tag: Option<&str>,
) -> Result<(), String> {
    match tag {
        // A tag of an internally tagged enum: serde may miss the variant's fields, but must
        // know the variant.
        Some(tag) => match serde_json::from_value::<T>(serde_json::json!({ tag: value })) {
            Err(e) if e.to_string().contains("unknown variant") => Err(e.to_string()),
            _ => Ok(()),
        },
        None => {
            let parsed: T = serde_json::from_value(Value::String(value.to_owned()))
                .map_err(|e| e.to_string())?;
            match serde_json::to_value(&parsed) {
                Ok(Value::String(back)) if back == value => Ok(()),
                other => Err(format!("written back as {other:?}")),
            }
        }
    }
}

/// Every enum of the API: its schema name, the check, and (for `wire_enum!` types) every wire
/// name, which the document must list exactly.
macro_rules! enum_table {
    (wire: $($w:path),+ ; other: $($o:path),+ $(,)?) => {
        vec![
            $((
                short_name(stringify!($w)),
                serde_reads::<$w> as EnumCheck,
                Some(<$w>::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>()),
            ),)+
            $((short_name(stringify!($o)), serde_reads::<$o> as EnumCheck, None),)+
        ]
    };
}

fn short_name(path: &str) -> String {
    path.rsplit("::").next().unwrap_or(path).trim().to_owned()
}

/// Collects every `enum` array of the document with its JSON pointer.
fn enums_in(value: &Value, pointer: String, out: &mut Vec<(String, Vec<String>)>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(values)) = map.get("enum") {
                let texts = values
                    .iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                    .collect();
                out.push((pointer.clone(), texts));
            }
            for (k, v) in map {
                enums_in(v, format!("{pointer}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                enums_in(v, format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// A weekly availability slot (`sat_afternoon`) is stated as the list of its 21 values, in the
/// order of the week, so that a client offers exactly what the API sends and accepts.
#[test]
fn the_availability_slots_are_listed_exactly() {
    let doc: Value = serde_json::from_str(&generated_openapi()).expect("generated document");
    let listed: Vec<&str> = doc["components"]["schemas"]["Slot"]["enum"]
        .as_array()
        .expect("the Slot schema lists its values")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let all: Vec<&str> = shared::people::Slot::all().map(|s| s.as_str()).collect();
    assert_eq!(listed, all);
    assert_eq!(listed.len(), 21);
    assert_eq!(listed[0], "mon_morning");
}

/// The document spells every enum as the API does (serde's names), so a generated client works.
#[test]
fn enum_schemas_list_exactly_the_serde_names() {
    use shared::{
        activities, consent, duo, interact, interlab, notifications, partners, people, referrals,
        reports, trainings, webhooks,
    };
    let table = enum_table!(
        wire: notifications::NotificationKind, notifications::NotificationChannel,
        notifications::NotificationStatus, consent::ConsentPurpose, consent::ConsentMethod,
        activities::ActivityProgramme, activities::ActivityKind, activities::Visibility,
        activities::ActivityStatus, activities::RegistrationStatus,
        activities::RegistrationSource, people::Programme, people::ProgrammeRole,
        people::MembershipStatus, people::Category, people::FrenchLevel, people::LanguageLevel,
        people::ContactChannel, people::TagKind, people::PersonStatus, people::Weekday,
        people::DayPart, people::ReviewOutcome, people::MentionedIn, duo::CandidacyStatus,
        duo::TravelRange,
        duo::GenderIdentity, duo::Hope, duo::DuoStatus, duo::DuoOutcome, duo::FollowUpKind,
        duo::Reporter, duo::HealthLevel, duo::ContinueWish, duo::AssessmentPhase,
        duo::BlockReason, activities::CsvSeparator, activities::EventOrdering, people::PeopleSort,
        interlab::ApplicationStatus, interlab::ApplicationDecision,
        interlab::HeardVia, interlab::ProjectStage, interlab::LegalForm, interlab::TermKind,
        interlab::NeedDomain, interlab::NeedPriority, interlab::MilestoneStatus,
        interlab::MilestoneOwner, interlab::OutcomeKind, interlab::MentorRole, interlab::MentorshipStatus,
        interlab::MentorshipEndReason, interlab::SuggestionReasonCode, interlab::SlotStatus, interact::ProposalStatus, interact::AutonomyLevel,
        interact::ProposalSource, partners::OrganisationKind, partners::Scope,
        referrals::ReferralStatus, shared::users::PasswordLinkPurpose, reports::ReportGroup,
        reports::ReportUnit, webhooks::WebhookEventType, webhooks::WebhookDeliveryStatus,
        trainings::Audience, trainings::TraineeStatus, trainings::TraineeSource;
        other: shared::auth::Role, shared::ErrorCode, shared::Lang, activities::Recurrence,
        people::Slot,
    );
    let doc: Value = serde_json::from_str(&generated_openapi()).expect("generated document");
    let mut found = Vec::new();
    enums_in(&doc, String::new(), &mut found);
    assert!(
        found
            .iter()
            .any(|(p, _)| p == "/components/schemas/Programme"),
        "{found:?}"
    );
    for (pointer, values) in found {
        // `/components/schemas/<Name>` or, for a tagged enum's tag,
        // `/components/schemas/<Name>/oneOf/<i>/properties/<tag>`.
        let parts: Vec<&str> = pointer.split('/').skip(1).collect();
        let (name, tag) = match parts[..] {
            ["components", "schemas", name] => (name, None),
            ["components", "schemas", name, "oneOf", _, "properties", tag] => (name, Some(tag)),
            _ => panic!("{pointer}: an inline enum; give it a named schema so this test checks it"),
        };
        let Some((_, check, all)) = table.iter().find(|(n, _, _)| n == name) else {
            panic!("{pointer}: enum {name} is not in this test's table; add it");
        };
        for v in &values {
            if let Err(e) = check(v, tag) {
                panic!("{pointer}: {v:?} is not what serde reads and writes: {e}");
            }
        }
        if let (Some(all), None) = (all, tag) {
            assert_eq!(
                &values, all,
                "{pointer}: the document lists other names than the API"
            );
        }
    }
}

/// Every operation documents the problems its shape allows: a body can be malformed, not JSON
/// or invalid; a query invalid; a path names what may not exist; a token can be refused.
#[test]
fn every_operation_documents_the_problems_its_shape_allows() {
    let doc: Value = serde_json::from_str(&generated_openapi()).expect("generated document");
    let paths = doc["paths"].as_object().expect("paths");
    for (path, item) in paths {
        for (method, op) in item.as_object().into_iter().flatten() {
            if !OPERATIONS.contains(&method.as_str()) {
                continue;
            }
            let responses = op["responses"].as_object().expect("responses");
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            let located = |place: &str| params.iter().any(|p| p["in"] == place);
            let mut expected = vec!["500"];
            if op.get("requestBody").is_some() {
                expected.extend(["400", "413", "415", "422"]);
            }
            if located("query") {
                expected.push("422");
            }
            if located("path") {
                expected.push("404");
            }
            let secured = op["security"].as_array().is_some_and(|s| {
                s.iter()
                    .any(|r| r.as_object().is_some_and(|o| !o.is_empty()))
            });
            if secured {
                expected.extend(["401", "403"]);
            }
            for code in expected {
                assert!(
                    responses.contains_key(code),
                    "{method} {path} does not document {code}"
                );
            }
        }
    }
    // The probe's example: `k=-1` on suggestions answers 422.
    let suggestions = &paths["/api/v1/duo/candidates/{id}/suggestions"]["get"]["responses"];
    assert!(suggestions["422"].is_object(), "{suggestions}");
}

/// Fields the API answers "required" for are required (and not nullable) in the document.
#[test]
fn fields_the_api_requires_are_required_in_the_document() {
    let doc: Value = serde_json::from_str(&generated_openapi()).expect("generated document");
    let schemas = &doc["components"]["schemas"];
    for (schema, fields) in [
        ("ActivityInput", &["programme", "kind", "visibility"][..]),
        ("SignupRequest", &["profile", "programme", "role"][..]),
        ("PublicRegistration", &["profile"][..]),
    ] {
        let required: Vec<&str> = schemas[schema]["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        for field in fields {
            assert!(required.contains(field), "{schema}.{field} is not required");
            let property = &schemas[schema]["properties"][field];
            assert!(
                !property.to_string().contains("\"null\""),
                "{schema}.{field} is documented as nullable: {property}"
            );
        }
    } // A person's profile must be given, and `null` is an answer: neither newcomer nor local.
    let person = &schemas["PersonInput"];
    assert!(
        person["required"]
            .as_array()
            .is_some_and(|r| r.iter().any(|f| f == "profile")),
        "{person}"
    );
    assert!(
        person["properties"]["profile"]
            .to_string()
            .contains("\"null\""),
        "{person}"
    );
}
