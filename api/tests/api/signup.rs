//! The public sign-up form and the privacy notice: no account, spam protections, deduplication
//! without overwriting, the review queue.

use interra_api::http::proxy::TrustedProxies;
use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::auth::Role;
use shared::consent::{ConsentMethod, ConsentPurpose, PrivacyNotice};
use shared::people::{Category, MembershipStatus, Person, PersonStatus, Programme, ProgrammeRole};
use shared::signup::{SignupReceipt, SignupRequest};
use shared::{ErrorCode, Lang};

use crate::both;
use crate::helpers::{expect_json, expect_problem, Backend, TestApp};
use crate::people_fixtures::{
    audit_of, count_rows, create, get_person, list, post_signup, send, signup_request, this_year,
    PersonBuilder as P, NOTICE, PEOPLE, SIGNUP,
};

async fn to_review(app: &TestApp, token: &str) -> Vec<Person> {
    let page = list(app, token, "status=to_review&page_size=200").await;
    let mut out = Vec::new();
    for s in page.results {
        out.push(get_person(app, token, s.id).await);
    }
    out
}

both!(
    a_signup_creates_a_person_to_review,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let admin = app.token_for(Role::Admin).await;
        let mut req = signup_request(
            "Rania",
            Some("Rania.Applicant@Example.be"),
            Some("0471 23 45 67"),
        );
        req.message = Some("I can come on Saturdays".into());
        req.lang = Lang::Ar;

        let res = post_signup(&app, &req).await;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
        let body = res.text().await.expect("body");
        // Nothing personal comes back.
        for personal in [
            "Rania",
            "rania",
            "Applicant",
            "applicant@",
            "0471",
            "+32471",
            "4020",
            "Syrian",
            "Saturdays",
        ] {
            assert!(!body.contains(personal), "{personal} echoed back: {body}");
        }
        let receipt: SignupReceipt = serde_json::from_str(&body).expect("receipt");
        assert!(receipt.received);
        assert!(
            receipt
                .message
                .chars()
                .any(|c| ('\u{0600}'..='\u{06ff}').contains(&c)),
            "not in Arabic: {}",
            receipt.message
        );

        let queue = to_review(&app, &token).await;
        assert_eq!(queue.len(), 1);
        let p = &queue[0];
        assert_eq!(p.status, PersonStatus::ToReview);
        assert_eq!(
            (p.first_name.as_str(), p.last_name.as_deref()),
            ("Rania", Some("Applicant"))
        );
        assert_eq!(p.email.as_deref(), Some("rania.applicant@example.be"));
        assert_eq!(p.phone.as_deref(), Some("+32471234567"));
        assert_eq!(p.category, Some(Category::Newcomer));
        assert_eq!(p.possible_duplicate_of, None);
        // The message goes to the presentation; the workshop idea became an InterAct proposal.
        assert!(p
            .presentation
            .as_deref()
            .is_some_and(|t| !t.contains("Syrian cooking") && t.contains("Saturdays")));
        assert_eq!(
            crate::people_fixtures::count_where(
                &app,
                "interact_proposals",
                "person_id",
                &p.id.to_string()
            ),
            1
        );
        assert_eq!(p.memberships.len(), 1);
        let m = &p.memberships[0];
        assert_eq!(
            (m.programme, m.role, m.status),
            (
                Programme::Interact,
                ProgrammeRole::WorkshopHost,
                MembershipStatus::Applied
            )
        );
        assert_eq!(p.consents.len(), 1);
        let c = &p.consents[0];
        assert_eq!(
            (c.purpose, c.method),
            (ConsentPurpose::ProgrammeData, ConsentMethod::WebForm)
        );
        assert_eq!(
            (c.notice_version.as_str(), c.notice_lang),
            (NOTICE, Lang::Ar)
        );
        assert_eq!(c.recorded_by, None);
        assert_eq!(c.withdrawn_at, None);
        let entries = audit_of(&app, &admin, p.id).await;
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].action, "person.signup");
        assert_eq!(entries[0].actor_id, None);

        // The review decision makes the person active.
        let res = send(
            &app,
            Method::POST,
            &format!("{PEOPLE}/{}/review", p.id),
            Some(&token),
            &json!({ "decision": "accept" }),
        )
        .await;
        let reviewed: Person = expect_json(res, StatusCode::OK).await;
        assert_eq!(reviewed.status, PersonStatus::Active);
        assert!(!reviewed.archived);
        assert!(to_review(&app, &token).await.is_empty());
        assert_eq!(list(&app, &token, "status=active").await.count, 1);
        assert_eq!(
            audit_of(&app, &admin, p.id)
                .await
                .last()
                .map(|e| e.action.clone())
                .as_deref(),
            Some("person.reviewed")
        );
    }
);

both!(invalid_signups_store_nothing, |app: TestApp| async move {
    let cases: Vec<(SignupRequest, &str)> = vec![
        (
            SignupRequest {
                consent: false,
                ..signup_request("Noconsent", Some("a@example.be"), None)
            },
            "consent",
        ),
        (
            SignupRequest {
                notice_version: "1999-01".into(),
                ..signup_request("Oldnotice", Some("b@example.be"), None)
            },
            "notice_version",
        ),
        (signup_request("Nocontact", None, None), "email"),
        (
            SignupRequest {
                role: Some(ProgrammeRole::Mentor),
                ..signup_request("Mentor", Some("c@example.be"), None)
            },
            "role",
        ),
        (
            SignupRequest {
                postcode: Some("123".into()),
                ..signup_request("Postcode", Some("d@example.be"), None)
            },
            "postcode",
        ),
    ];
    // Five requests: the sixth would be throttled.
    for (req, field) in cases {
        let problem = expect_problem(
            post_signup(&app, &req).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(
            !problem.field_errors(field).is_empty(),
            "{field}: {problem:?}"
        );
        if field == "consent" {
            assert_eq!(
                problem.field_errors("consent"),
                ["Your consent is needed to process your application.".to_owned()]
            );
        }
    }
    for table in ["people", "memberships", "consents", "audit_log"] {
        assert_eq!(count_rows(&app, table), 0, "{table} after refused sign-ups");
    }
});

both!(
    honeypot_answers_as_usual_and_keeps_nothing,
    |app: TestApp| async move {
        let req = SignupRequest {
            website: Some("http://spam.example".into()),
            ..signup_request("Robot", Some("robot@example.be"), None)
        };
        let res = post_signup(&app, &req).await;
        let receipt: SignupReceipt = expect_json(res, StatusCode::ACCEPTED).await;
        assert!(receipt.received);
        for table in ["people", "memberships", "consents", "audit_log"] {
            assert_eq!(
                count_rows(&app, table),
                0,
                "{table} after a honeypot sign-up"
            );
        }
        // Even an otherwise invalid robot gets the same answer.
        let req = SignupRequest {
            consent: false,
            ..req
        };
        assert_eq!(post_signup(&app, &req).await.status(), StatusCode::ACCEPTED);
        assert_eq!(count_rows(&app, "people"), 0);
    }
);

both!(
    a_matching_signup_is_flagged_never_merged,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let existing = create(
            &app,
            &token,
            P::newcomer("Hamid", 3)
                .last_name("Rahimi")
                .email("hamid@example.be")
                .phone("0472 11 22 33")
                .commune("Liège")
                .notes("Known"),
        )
        .await;

        // Same email (other case), different name and phone.
        let by_email = signup_request("H.", Some("HAMID@example.be"), Some("0499 00 11 22"));
        assert_eq!(
            post_signup(&app, &by_email).await.status(),
            StatusCode::ACCEPTED
        );
        // Same phone in another notation, no email.
        let by_phone = signup_request("Hamid", None, Some("+32 472 112 233"));
        assert_eq!(
            post_signup(&app, &by_phone).await.status(),
            StatusCode::ACCEPTED
        );
        // Unrelated.
        let other = signup_request("Lina", Some("lina@example.be"), None);
        assert_eq!(
            post_signup(&app, &other).await.status(),
            StatusCode::ACCEPTED
        );

        let queue = to_review(&app, &token).await;
        assert_eq!(queue.len(), 3);
        let flagged: Vec<&Person> = queue
            .iter()
            .filter(|p| p.possible_duplicate_of == Some(existing.id))
            .collect();
        assert_eq!(flagged.len(), 2, "{queue:#?}");
        assert!(flagged
            .iter()
            .any(|p| p.phone.as_deref() == Some("+32499001122")));
        assert!(flagged
            .iter()
            .any(|p| p.email.is_none() && p.phone.as_deref() == Some("+32472112233")));
        let lina = queue.iter().find(|p| p.first_name == "Lina").expect("lina");
        assert_eq!(lina.possible_duplicate_of, None);

        // The existing record is untouched.
        assert_eq!(get_person(&app, &token, existing.id).await, existing);
        assert_eq!(count_rows(&app, "people"), 4);

        // Accepting a flagged application as a distinct person clears the flag; archiving sets it aside.
        let res = send(
            &app,
            Method::POST,
            &format!("{PEOPLE}/{}/review", flagged[0].id),
            Some(&token),
            &json!({ "decision": "accept" }),
        )
        .await;
        let accepted: Person = expect_json(res, StatusCode::OK).await;
        assert_eq!(
            (accepted.status, accepted.possible_duplicate_of),
            (PersonStatus::Active, None)
        );
        let res = send(
            &app,
            Method::POST,
            &format!("{PEOPLE}/{}/review", flagged[1].id),
            Some(&token),
            &json!({ "decision": "archive" }),
        )
        .await;
        let archived: Person = expect_json(res, StatusCode::OK).await;
        assert!(archived.archived);
        assert_eq!(to_review(&app, &token).await.len(), 1);
        assert_eq!(get_person(&app, &token, existing.id).await, existing);
    }
);

both!(
    signups_are_rate_limited_per_client,
    |app: TestApp| async move {
        for i in 0..5 {
            let req = signup_request(
                &format!("Applicant{i}"),
                Some(&format!("applicant{i}@example.be")),
                None,
            );
            let res = post_signup(&app, &req).await;
            assert_eq!(res.status(), StatusCode::ACCEPTED, "sign-up {i}");
        }
        let req = signup_request("Sixth", Some("sixth@example.be"), None);
        let res = post_signup(&app, &req).await;
        let retry_after: u64 = res
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
            .expect("Retry-After header in seconds");
        assert!(
            (1..=3600).contains(&retry_after),
            "Retry-After {retry_after}"
        );
        let problem = expect_problem(res, StatusCode::TOO_MANY_REQUESTS).await;
        assert_eq!(problem.code, ErrorCode::RateLimited);
        assert_eq!(
            count_rows(&app, "people"),
            5,
            "the sixth sign-up was stored"
        );
        // Robots are throttled too.
        let robot = SignupRequest {
            website: Some("x".into()),
            ..signup_request("Robot", Some("r@example.be"), None)
        };
        assert_eq!(
            post_signup(&app, &robot).await.status(),
            StatusCode::TOO_MANY_REQUESTS
        );
        // Staff work is not affected.
        let token = app.token_for(Role::Coordinator).await;
        create(&app, &token, P::local("Staffmade")).await;
    }
);

both!(
    the_privacy_notice_is_served_in_each_language,
    |app: TestApp| async move {
        let ar: PrivacyNotice = expect_json(
            app.get("/api/v1/public/privacy-notice?lang=ar", None).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(ar.lang, Lang::Ar);
        assert_eq!(ar.version, NOTICE);
        let arabic = ar
            .text
            .chars()
            .filter(|c| ('\u{0600}'..='\u{06ff}').contains(c))
            .count();
        assert!(
            arabic > 100,
            "the Arabic notice has {arabic} Arabic letters: {}",
            ar.text
        );
        assert!(ar
            .title
            .chars()
            .any(|c| ('\u{0600}'..='\u{06ff}').contains(&c)));

        let mut texts = vec![ar.text.clone()];
        for lang in ["fr", "en", "nl"] {
            let n: PrivacyNotice = expect_json(
                app.get(&format!("/api/v1/public/privacy-notice?lang={lang}"), None)
                    .await,
                StatusCode::OK,
            )
            .await;
            assert_eq!(n.lang.code(), lang);
            assert_eq!(
                n.version, ar.version,
                "one current version for every language"
            );
            texts.push(n.text);
        }
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), 4, "a language served another's text");

        // Without `lang`: from Accept-Language.
        let res = app
            .bare
            .get(app.url("/api/v1/public/privacy-notice"))
            .header("Accept-Language", "nl-BE,nl;q=0.9")
            .send()
            .await
            .expect("request");
        let nl: PrivacyNotice = expect_json(res, StatusCode::OK).await;
        assert_eq!(nl.lang, Lang::Nl);
        let problem = expect_problem(
            app.get("/api/v1/public/privacy-notice?lang=xx", None).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!problem.field_errors("lang").is_empty());

        // The version served is the one a sign-up must carry.
        let req = SignupRequest {
            notice_version: ar.version.clone(),
            lang: Lang::Ar,
            arrival_year: Some(this_year()),
            ..signup_request("Noor", None, Some("0466 12 12 12"))
        };
        assert_eq!(post_signup(&app, &req).await.status(), StatusCode::ACCEPTED);
        assert_eq!(count_rows(&app, "people"), 1);
    }
);

async fn signup_from(app: &TestApp, n: usize, forwarded_for: &str) -> StatusCode {
    let req = signup_request(
        &format!("Visitor{n}"),
        Some(&format!("visitor{n}@example.be")),
        None,
    );
    app.bare
        .post(app.url(SIGNUP))
        .header("x-forwarded-for", forwarded_for)
        .json(&req)
        .send()
        .await
        .expect("request")
        .status()
}

/// Behind the reverse proxy of a deployment, each visitor has their own limit; a visitor who
/// forges `X-Forwarded-For` gains nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_visitor_has_their_own_limit() {
    let Some(app) = TestApp::spawn_with(Backend::Sqlite, |s| {
        s.trusted_proxies = TrustedProxies::parse("127.0.0.1").expect("proxies");
    })
    .await
    else {
        return;
    };
    for n in 0..5 {
        // The forged first entry is ignored: the proxy appended the real address last.
        let status = signup_from(&app, n, &format!("198.51.100.{n}, 203.0.113.1")).await;
        assert_eq!(status, StatusCode::ACCEPTED, "sign-up {n}");
    }
    assert_eq!(
        signup_from(&app, 5, "198.51.100.99, 203.0.113.1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        signup_from(&app, 6, "203.0.113.2").await,
        StatusCode::ACCEPTED,
        "another visitor behind the same proxy"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_trusted_proxies_the_forwarded_header_is_ignored() {
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else {
        return;
    };
    for n in 0..5 {
        let status = signup_from(&app, n, &format!("203.0.113.{n}")).await;
        assert_eq!(status, StatusCode::ACCEPTED, "sign-up {n}");
    }
    assert_eq!(
        signup_from(&app, 5, "203.0.113.50").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

both!(
    partners_pages_can_read_every_public_answer,
    |app: TestApp| async move {
        // The preflight grants `*`: the answers must say so too, or a partner's page cannot
        // read the result of its own form (errors included).
        let client = reqwest::Client::new();
        let post = |body: serde_json::Value| {
            let client = client.clone();
            let url = app.url("/api/v1/public/signup");
            async move {
                client
                    .post(url)
                    .header("Origin", "https://partner.example")
                    .json(&body)
                    .send()
                    .await
                    .expect("request")
            }
        };
        let ok = post(
            serde_json::to_value(signup_request("Partner", Some("p@example.be"), None))
                .expect("json"),
        )
        .await;
        assert!(ok.status().is_success(), "{}", ok.status());
        let refused = post(json!({ "first_name": "" })).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let notice = client
            .get(app.url("/api/v1/public/privacy-notice?lang=fr"))
            .header("Origin", "https://partner.example")
            .send()
            .await
            .expect("request");
        assert_eq!(notice.status(), StatusCode::OK);
        for res in [&ok, &refused, &notice] {
            assert_eq!(
                res.headers()
                    .get("access-control-allow-origin")
                    .and_then(|v| v.to_str().ok()),
                Some("*"),
                "{}",
                res.url()
            );
        }
    }
);
