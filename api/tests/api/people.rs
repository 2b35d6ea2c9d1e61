//! People: validation, list filters, pagination and sorting, duplicates, authorization per role,
//! audit, memberships and consents.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::auth::Role;
use shared::consent::{Consent, ConsentPurpose};
use shared::people::{
    Category, FrenchLevel, LanguageLevel, Membership, MembershipStatus, Person, PersonInput,
    Programme, ProgrammeRole, TagKind,
};
use shared::{ErrorCode, Page};
use uuid::Uuid;

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::people_fixtures::{
    actions, audit_of, count_rows, create, get_person, list, names, post_person, post_signup, qs,
    send, signup_request, staff, tag_id, PersonBuilder as P, PEOPLE,
};

fn keys(problem: &shared::Problem) -> BTreeSet<String> {
    problem
        .errors
        .clone()
        .unwrap_or_default()
        .into_keys()
        .collect()
}

async fn add_membership(
    app: &TestApp,
    token: &str,
    id: Uuid,
    body: serde_json::Value,
) -> reqwest::Response {
    send(
        app,
        Method::POST,
        &format!("{PEOPLE}/{id}/memberships"),
        Some(token),
        &body,
    )
    .await
}

both!(
    validation_names_each_field_and_stores_nothing,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let cooking = tag_id(&app, &token, "cooking").await;
        let kept = create(&app, &token, P::local("Kept").phone("0470 00 00 01")).await;
        let people_before = count_rows(&app, "people");
        let audit_before = count_rows(&app, "audit_log");
        let children_before: Vec<i64> = ["person_languages", "person_tags", "person_availability"]
            .iter()
            .map(|t| count_rows(&app, t))
            .collect();

        let cases: Vec<(&str, PersonInput, Vec<(&str, &str)>)> = vec![
            (
                "blank first name",
                P::local("  ").email("blank@example.be").build(),
                vec![("first_name", "This field is required.")],
            ),
            (
                "neither email nor phone",
                P::local("Nocontact").no_email().build(),
                vec![
                    ("email", "Give at least an email address or a phone number."),
                    ("phone", "Give at least an email address or a phone number."),
                ],
            ),
            (
                "malformed phone",
                P::local("Badphone").phone("12345").build(),
                vec![(
                    "phone",
                    "Invalid phone number (example: 0470 12 34 56 or +32 470 12 34 56).",
                )],
            ),
            (
                "letters in the phone",
                P::local("Badphone").phone("0470 12 34 5x").build(),
                vec![(
                    "phone",
                    "Invalid phone number (example: 0470 12 34 56 or +32 470 12 34 56).",
                )],
            ),
            (
                "3-digit postcode",
                P::local("Shortpc").postcode("400").build(),
                vec![("postcode", "A Belgian postcode has 4 digits.")],
            ),
            (
                "letters in postcode",
                P::local("Alphapc").postcode("40a0").build(),
                vec![("postcode", "A Belgian postcode has 4 digits.")],
            ),
            (
                "newcomer without arrival year",
                P::newcomer("Noyear", 1).arrival_year(None).build(),
                vec![("arrival_year", "Give the year of arrival in Belgium.")],
            ),
            (
                "override without reason",
                P::local("Override")
                    .override_category(Category::Newcomer, None)
                    .build(),
                vec![("category_override_reason", "Give the reason.")],
            ),
            (
                "override with a blank reason",
                P::local("Override")
                    .override_category(Category::Newcomer, Some("   "))
                    .build(),
                vec![("category_override_reason", "Give the reason.")],
            ),
            (
                "unknown tag",
                P::local("Tagged")
                    .tag(cooking, TagKind::Passion)
                    .tag(Uuid::new_v4(), TagKind::Skill)
                    .build(),
                vec![("tags[1].tag_id", "Unknown tag.")],
            ),
            (
                "language twice",
                P::local("Polyglot")
                    .language("ar", LanguageLevel::Native)
                    .language("AR", LanguageLevel::Basic)
                    .build(),
                vec![("languages[1].language", "This value appears twice.")],
            ),
        ];
        for (what, input, expected) in cases {
            let problem = expect_problem(
                post_person(&app, &token, &input).await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert_eq!(problem.code, ErrorCode::ValidationFailed, "{what}");
            let expected_keys: BTreeSet<String> =
                expected.iter().map(|(f, _)| (*f).to_owned()).collect();
            assert_eq!(keys(&problem), expected_keys, "{what}: {problem:?}");
            for (field, message) in expected {
                assert_eq!(
                    problem.field_errors(field),
                    [message.to_owned()],
                    "{what}: {field}"
                );
            }
        }

        // Several problems are reported at once.
        let many = PersonInput {
            postcode: Some("12".into()),
            phone: Some("abc".into()),
            ..P::newcomer(" ", 1).arrival_year(None).build()
        };
        let problem = expect_problem(
            post_person(&app, &token, &many).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        for field in ["first_name", "phone", "postcode", "arrival_year"] {
            assert!(
                !problem.field_errors(field).is_empty(),
                "{field} missing in {problem:?}"
            );
        }

        // An invalid update changes nothing either.
        let bad_update = P::local("Kept")
            .phone("0470 00 00 01")
            .postcode("99")
            .build();
        let res = send(
            &app,
            Method::PUT,
            &format!("{PEOPLE}/{}", kept.id),
            Some(&token),
            &bad_update,
        )
        .await;
        let problem = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(keys(&problem), BTreeSet::from(["postcode".to_owned()]));
        let unknown_tag = P::local("Kept")
            .phone("0470 00 00 01")
            .tag(Uuid::new_v4(), TagKind::Interest)
            .build();
        let res = send(
            &app,
            Method::PUT,
            &format!("{PEOPLE}/{}", kept.id),
            Some(&token),
            &unknown_tag,
        )
        .await;
        let problem = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(
            problem.field_errors("tags[0].tag_id"),
            ["Unknown tag.".to_owned()]
        );
        assert_eq!(get_person(&app, &token, kept.id).await, kept);

        assert_eq!(
            count_rows(&app, "people"),
            people_before,
            "a refused person was stored"
        );
        assert_eq!(
            count_rows(&app, "audit_log"),
            audit_before,
            "a refused change was audited"
        );
        let children_after: Vec<i64> = ["person_languages", "person_tags", "person_availability"]
            .iter()
            .map(|t| count_rows(&app, t))
            .collect();
        assert_eq!(children_after, children_before);
        assert_eq!(list(&app, &token, "").await.count, 1);

        // A valid person is normalised: phone in E.164, email in lower case, languages lower-case.
        let ok = create(
            &app,
            &token,
            P::local("Valid")
                .email("  Valid.Person@Example.BE ")
                .phone("04/222.33.44")
                .postcode(" 4000 ")
                .language("AR", LanguageLevel::Native),
        )
        .await;
        assert_eq!(ok.email.as_deref(), Some("valid.person@example.be"));
        assert_eq!(ok.phone.as_deref(), Some("+3242223344"));
        assert_eq!(ok.postcode.as_deref(), Some("4000"));
        assert_eq!(ok.languages[0].language, "ar");
    }
);

/// The people every filter test works on (display names):
/// - Élodie Dubois: local, Liège 4000, C2, fr, cooking+dance, sat_afternoon, InterAct host
/// - Amina Haddad: newcomer (2 y), phone only, Seraing 4100, A2, ar+fr, cooking, mon_morning,
///   InterAct participant and Duo2Change duo candidate
/// - Yusuf Karim: arrived exactly 5 years ago (local by the rule), Liège 4020, B1, ar, football,
///   sat_afternoon, InterLab entrepreneur
/// - Olena Shevchenko: arrived 6 years ago, overridden to newcomer, Herstal 4040, A1, uk, dance,
///   training trainee
/// - Marc Lambert: local, "LIÈGE" 4000, C2, fr, Duo2Change mentor
/// - Nadia: newcomer (4 y), phone only, nothing else
/// - Zoé Martin: local, Liège, cooking, archived
/// - Sami Applicant: public sign-up (to review), newcomer, 4020, Duo2Change duo candidate
async fn seed_people(app: &TestApp, token: &str) -> Vec<Person> {
    let cooking = tag_id(app, token, "cooking").await;
    let dance = tag_id(app, token, "dance").await;
    let football = tag_id(app, token, "football").await;
    let mut out = Vec::new();
    let specs: Vec<(P, Vec<(Programme, ProgrammeRole)>)> = vec![
        (
            P::local("Élodie")
                .last_name("Dubois")
                .email("elodie.dubois@example.be")
                .phone("0470 12 34 56")
                .commune("Liège")
                .postcode("4000")
                .french(FrenchLevel::C2)
                .language("fr", LanguageLevel::Native)
                .tag(cooking, TagKind::Passion)
                .tag(dance, TagKind::Skill)
                .slot("sat_afternoon"),
            vec![(Programme::Interact, ProgrammeRole::WorkshopHost)],
        ),
        (
            P::newcomer("Amina", 2)
                .last_name("Haddad")
                .no_email()
                .phone("+32 485 11 22 33")
                .commune("Seraing")
                .postcode("4100")
                .french(FrenchLevel::A2)
                .language("ar", LanguageLevel::Native)
                .language("fr", LanguageLevel::Basic)
                .tag(cooking, TagKind::Skill)
                .slot("mon_morning"),
            vec![
                (Programme::Interact, ProgrammeRole::Participant),
                (Programme::Duo2change, ProgrammeRole::DuoCandidate),
            ],
        ),
        (
            P::newcomer("Yusuf", 5)
                .last_name("Karim")
                .email("yusuf@example.be")
                .commune("Liège")
                .postcode("4020")
                .french(FrenchLevel::B1)
                .language("ar", LanguageLevel::Native)
                .tag(football, TagKind::Passion)
                .slot("sat_afternoon"),
            vec![(Programme::Interlab, ProgrammeRole::Entrepreneur)],
        ),
        (
            P::newcomer("Olena", 6)
                .last_name("Shevchenko")
                .email("olena@example.be")
                .commune("Herstal")
                .postcode("4040")
                .french(FrenchLevel::A1)
                .language("uk", LanguageLevel::Native)
                .tag(dance, TagKind::Interest)
                .override_category(
                    Category::Newcomer,
                    Some("Second arrival after years abroad"),
                ),
            vec![(Programme::Training, ProgrammeRole::Trainee)],
        ),
        (
            P::local("Marc")
                .last_name("Lambert")
                .email("marc@example.be")
                .commune("LIÈGE")
                .postcode("4000")
                .french(FrenchLevel::C2)
                .language("fr", LanguageLevel::Native),
            vec![(Programme::Duo2change, ProgrammeRole::Mentor)],
        ),
        (
            P::newcomer("Nadia", 4).no_email().phone("0499 99 88 77"),
            vec![],
        ),
        (
            P::local("Zoé")
                .last_name("Martin")
                .commune("Liège")
                .tag(cooking, TagKind::Passion),
            vec![],
        ),
    ];
    for (builder, memberships) in specs {
        let p = create(app, token, builder).await;
        for (programme, role) in memberships {
            let res = add_membership(
                app,
                token,
                p.id,
                json!({ "programme": programme, "role": role, "status": "active", "started_on": "2026-02-01" }),
            )
            .await;
            assert_eq!(res.status(), StatusCode::CREATED);
        }
        out.push(p);
    }
    let zoe = out.last().map(|p| p.id).expect("zoé");
    let res = send(
        app,
        Method::POST,
        &format!("{PEOPLE}/{zoe}/archive"),
        Some(token),
        &json!({}),
    )
    .await;
    let _: Person = expect_json(res, StatusCode::OK).await;

    let mut sami = signup_request("Sami", Some("sami@example.be"), None);
    sami.programme = Some(Programme::Duo2change);
    sami.role = Some(ProgrammeRole::DuoCandidate);
    sami.postcode = Some("4020".into());
    assert_eq!(post_signup(app, &sami).await.status(), StatusCode::ACCEPTED);
    out
}

fn v(names: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
    v.sort();
    v
}

both!(each_filter_alone_and_combined, |app: TestApp| async move {
    let token = app.token_for(Role::Coordinator).await;
    let seeded = seed_people(&app, &token).await;
    let cooking = tag_id(&app, &token, "cooking").await.to_string();
    let elodie = "Élodie Dubois";
    let amina = "Amina Haddad";
    let yusuf = "Yusuf Karim";
    let olena = "Olena Shevchenko";
    let marc = "Marc Lambert";
    let nadia = "Nadia";
    let zoe = "Zoé Martin";
    let sami = "Sami Applicant";
    let everyone = v(&[elodie, amina, yusuf, olena, marc, nadia, sami]);

    let cases: Vec<(Vec<(&str, &str)>, Vec<String>)> = vec![
        (vec![], everyone.clone()),
        // Text search: names, accents and case ignored, email, phone in any notation.
        (vec![("q", "elodie")], v(&[elodie])),
        (vec![("q", "ÉLODIE")], v(&[elodie])),
        (vec![("q", "Dubois")], v(&[elodie])),
        (vec![("q", "zoe")], v(&[])),
        (vec![("q", "yusuf@example")], v(&[yusuf])),
        (
            vec![("q", "@example.be")],
            v(&[elodie, yusuf, olena, marc, sami]),
        ),
        (vec![("q", "0470 12 34 56")], v(&[elodie])),
        (vec![("q", "0470123456")], v(&[elodie])),
        (vec![("q", "+32 470 12 34 56")], v(&[elodie])),
        (vec![("q", "0485/11.22.33")], v(&[amina])),
        (vec![("q", "0499")], v(&[nadia])),
        (vec![("q", "100%_")], v(&[])),
        // Tags by slug, by id, several (all of them).
        (vec![("tags", "cooking")], v(&[elodie, amina])),
        (vec![("tags", cooking.as_str())], v(&[elodie, amina])),
        (vec![("tags", "cooking,dance")], v(&[elodie])),
        (vec![("tags", "dance")], v(&[elodie, olena])),
        (vec![("tags", "football,cooking")], v(&[])),
        // Programme, role, and both on the same membership.
        (vec![("programme", "interact")], v(&[elodie, amina])),
        (vec![("programme", "duo2change")], v(&[amina, marc, sami])),
        (vec![("role", "entrepreneur")], v(&[yusuf])),
        (vec![("role", "duo_candidate")], v(&[amina, sami])),
        (
            vec![("programme", "duo2change"), ("role", "mentor")],
            v(&[marc]),
        ),
        (
            vec![("programme", "interact"), ("role", "duo_candidate")],
            v(&[]),
        ),
        // Language (case-insensitive code).
        (vec![("language", "ar")], v(&[amina, yusuf])),
        (vec![("language", "AR")], v(&[amina, yusuf])),
        (vec![("language", "uk")], v(&[olena])),
        // French level range.
        (vec![("french_min", "B1")], v(&[elodie, yusuf, marc])),
        (vec![("french_max", "A2")], v(&[amina, olena])),
        (
            vec![("french_min", "A2"), ("french_max", "B1")],
            v(&[amina, yusuf]),
        ),
        (
            vec![("french_min", "C2"), ("french_max", "C2")],
            v(&[elodie, marc]),
        ),
        // Commune (case-insensitive) and postcode.
        (vec![("commune", "Liège")], v(&[elodie, yusuf, marc])),
        (vec![("commune", "LIÈGE")], v(&[elodie, yusuf, marc])),
        (vec![("commune", "liege")], v(&[elodie, yusuf, marc])),
        (vec![("commune", " Liège ")], v(&[elodie, yusuf, marc])),
        (vec![("commune", "Liè")], v(&[])),
        (vec![("commune", "Seraing")], v(&[amina])),
        (vec![("postcode", "4000")], v(&[elodie, marc])),
        (vec![("postcode", "4020")], v(&[yusuf, sami])),
        // Category: the 5-year rule (4 years: newcomer, 5 years: local) and the override.
        (
            vec![("category", "newcomer")],
            v(&[amina, olena, nadia, sami]),
        ),
        (vec![("category", "local")], v(&[elodie, yusuf, marc])),
        // Availability slot.
        (vec![("slot", "sat_afternoon")], v(&[elodie, yusuf])),
        (vec![("slot", "mon_morning")], v(&[amina])),
        (vec![("slot", "sun_evening")], v(&[])),
        // Status.
        (vec![("status", "to_review")], v(&[sami])),
        (
            vec![("status", "active")],
            v(&[elodie, amina, yusuf, olena, marc, nadia]),
        ),
        // Archived people only when asked for.
        (vec![("archived", "true")], v(&[zoe])),
        (vec![("archived", "true"), ("tags", "cooking")], v(&[zoe])),
        (vec![("archived", "false")], everyone.clone()),
        // Combinations.
        (
            vec![("commune", "liège"), ("french_min", "C1")],
            v(&[elodie, marc]),
        ),
        (
            vec![
                ("tags", "cooking"),
                ("language", "ar"),
                ("category", "newcomer"),
            ],
            v(&[amina]),
        ),
        (
            vec![("programme", "interact"), ("slot", "sat_afternoon")],
            v(&[elodie]),
        ),
        (vec![("postcode", "4000"), ("q", "marc")], v(&[marc])),
        (
            vec![
                ("category", "local"),
                ("language", "ar"),
                ("french_max", "B1"),
            ],
            v(&[yusuf]),
        ),
        (
            vec![
                ("category", "newcomer"),
                ("status", "to_review"),
                ("postcode", "4020"),
            ],
            v(&[sami]),
        ),
        (
            vec![("role", "duo_candidate"), ("status", "active")],
            v(&[amina]),
        ),
        (
            vec![
                ("tags", "dance"),
                ("category", "newcomer"),
                ("french_max", "A1"),
            ],
            v(&[olena]),
        ),
        (vec![("tags", "dance"), ("category", "local")], v(&[elodie])),
    ];
    for (query, expected) in cases {
        assert_eq!(
            names(&app, &token, &query).await,
            expected,
            "filter {query:?}"
        );
    }

    // The category shown agrees with the filter: the rule and the override.
    let page = list(&app, &token, &qs(&[("page_size", "200")])).await;
    let category = |name: &str| {
        page.results
            .iter()
            .find(|p| p.display_name == name)
            .map(|p| p.category)
            .unwrap_or_else(|| panic!("{name} not listed"))
    };
    assert_eq!(category(yusuf), Some(Category::Local));
    assert_eq!(category(nadia), Some(Category::Newcomer));
    assert_eq!(category(olena), Some(Category::Newcomer));
    let olena_full = get_person(&app, &token, seeded[3].id).await;
    assert_eq!(olena_full.computed_category, Some(Category::Local));
    assert_eq!(olena_full.category, Some(Category::Newcomer));
    let amina_summary = page
        .results
        .iter()
        .find(|p| p.display_name == amina)
        .expect("amina");
    assert_eq!(
        amina_summary.programmes,
        vec![Programme::Interact, Programme::Duo2change]
    );

    // Unknown values are field errors, not empty lists.
    for (query, field) in [
        (vec![("tags", "no-such-tag")], "tags"),
        (vec![("tags", "cooking,no-such-tag")], "tags"),
        (vec![("sort", "shoe_size")], "sort"),
        (vec![("category", "tourist")], "category"),
        (vec![("french_min", "Z9")], "french_min"),
        (vec![("slot", "sat_noon")], "slot"),
    ] {
        let res = app
            .get(&format!("{PEOPLE}?{}", qs(&query)), Some(&token))
            .await;
        let problem = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(
            !problem.field_errors(field).is_empty(),
            "{query:?}: {problem:?}"
        );
    }
});

both!(pagination_and_sorting, |app: TestApp| async move {
    let token = app.token_for(Role::Admin).await;
    let first_names = [
        "Hugo", "anna", "Bilal", "Chloé", "Dmytro", "Emma", "Farah", "Élodie", "Zoé",
    ];
    let mut created = Vec::new();
    for name in first_names {
        created.push(create(&app, &token, P::local(name)).await);
    }

    // Pages of 3: count over all pages, next/previous links that keep the filters.
    let first: Page<shared::people::PersonSummary> =
        list(&app, &token, "sort=name&page_size=3").await;
    assert_eq!(first.count, 9);
    assert_eq!(first.results.len(), 3);
    assert_eq!(first.previous, None);
    assert_eq!(
        first.next.as_deref(),
        Some("/api/v1/people?sort=name&page_size=3&page=2")
    );
    let mut seen: Vec<String> = first
        .results
        .iter()
        .map(|p| p.display_name.clone())
        .collect();
    let mut next = first.next;
    let mut pages = 1;
    while let Some(link) = next {
        let page: Page<shared::people::PersonSummary> =
            expect_json(app.get(&link, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(page.count, 9);
        assert!(
            page.previous.is_some(),
            "page {} without previous",
            pages + 1
        );
        seen.extend(page.results.iter().map(|p| p.display_name.clone()));
        next = page.next;
        pages += 1;
    }
    assert_eq!(pages, 3);
    // Sorted by name, ignoring case and accents, each person exactly once.
    assert_eq!(
        seen,
        ["anna", "Bilal", "Chloé", "Dmytro", "Élodie", "Emma", "Farah", "Hugo", "Zoé"]
    );

    let last = list(&app, &token, "sort=name&page_size=3&page=3").await;
    assert_eq!(last.results.len(), 3);
    assert_eq!(last.next, None);
    assert_eq!(
        last.previous.as_deref(),
        Some("/api/v1/people?sort=name&page_size=3&page=2")
    );
    // A filter survives in the links.
    let filtered = list(&app, &token, "q=a&page_size=1").await;
    assert!(filtered.count > 1);
    assert_eq!(
        filtered.next.as_deref(),
        Some("/api/v1/people?q=a&page_size=1&page=2")
    );
    // Past the end: empty, with a way back.
    let beyond = list(&app, &token, "page_size=3&page=9").await;
    assert_eq!(beyond.count, 9);
    assert!(beyond.results.is_empty());
    assert_eq!(beyond.next, None);
    assert!(beyond.previous.is_some());
    // The page size is capped.
    let capped = list(&app, &token, "page_size=100000").await;
    assert_eq!(capped.results.len(), 9);

    let order = |page: Page<shared::people::PersonSummary>| -> Vec<String> {
        page.results.into_iter().map(|p| p.display_name).collect()
    };
    assert_eq!(
        order(list(&app, &token, "sort=-name").await),
        ["Zoé", "Hugo", "Farah", "Emma", "Élodie", "Dmytro", "Chloé", "Bilal", "anna"]
    );
    assert_eq!(order(list(&app, &token, "sort=created").await), first_names);
    let mut reversed = first_names.to_vec();
    reversed.reverse();
    assert_eq!(order(list(&app, &token, "sort=-created").await), reversed);
    // Default: by name.
    assert_eq!(order(list(&app, &token, "").await)[0], "anna");

    // The last updated comes first with -updated.
    let emma = &created[5];
    let res = send(
        &app,
        Method::PUT,
        &format!("{PEOPLE}/{}", emma.id),
        Some(&token),
        &P::local("Emma").commune("Liège").build(),
    )
    .await;
    let _: Person = expect_json(res, StatusCode::OK).await;
    assert_eq!(order(list(&app, &token, "sort=-updated").await)[0], "Emma");
    assert_eq!(order(list(&app, &token, "sort=updated").await)[8], "Emma");

    let problem = expect_problem(
        app.get(&format!("{PEOPLE}?sort=age"), Some(&token)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(problem.field_errors("sort"), ["Invalid value.".to_owned()]);
});

both!(
    duplicates_answer_409_with_the_existing_id,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let amina = create(
            &app,
            &token,
            P::newcomer("Amina", 1)
                .email("amina@example.be")
                .phone("0470 12 34 56"),
        )
        .await;
        let phone_only = create(
            &app,
            &token,
            P::local("Jean").no_email().phone("+32 4 222 33 44"),
        )
        .await;

        let attempts = [
            (
                "same email, other case",
                P::local("Other").email(" AMINA@Example.be ").build(),
                amina.id,
            ),
            (
                "same phone, international",
                P::local("Other").phone("+32 470 12 34 56").build(),
                amina.id,
            ),
            (
                "same phone, 0032",
                P::local("Other")
                    .no_email()
                    .phone("0032 470 123 456")
                    .build(),
                amina.id,
            ),
            (
                "same phone, dotted",
                P::local("Other").no_email().phone("04/222.33.44").build(),
                phone_only.id,
            ),
            (
                "same phone, (0)",
                P::local("Other")
                    .no_email()
                    .phone("+32 (0)4 222 33 44")
                    .build(),
                phone_only.id,
            ),
        ];
        for (what, input, existing) in attempts {
            let problem = expect_problem(
                post_person(&app, &token, &input).await,
                StatusCode::CONFLICT,
            )
            .await;
            assert_eq!(problem.code, ErrorCode::Conflict, "{what}");
            assert_eq!(problem.conflict_id, Some(existing.to_string()), "{what}");
        }
        assert_eq!(count_rows(&app, "people"), 2, "a duplicate was stored");

        // Confirmed as a different person: created.
        let twin = create(
            &app,
            &token,
            P::local("Amina")
                .email("amina@example.be")
                .confirm_distinct(),
        )
        .await;
        assert_ne!(twin.id, amina.id);
        assert_eq!(list(&app, &token, "q=amina@example.be").await.count, 2);

        // Changing someone's phone to another person's is a duplicate too; their own is not.
        let path = format!("{PEOPLE}/{}", phone_only.id);
        let problem = expect_problem(
            send(
                &app,
                Method::PUT,
                &path,
                Some(&token),
                &P::local("Jean").no_email().phone("0470123456").build(),
            )
            .await,
            StatusCode::CONFLICT,
        )
        .await;
        assert_eq!(problem.conflict_id, Some(amina.id.to_string()));
        let res = send(
            &app,
            Method::PUT,
            &path,
            Some(&token),
            &P::local("Jean")
                .no_email()
                .phone("04 222 33 44")
                .last_name("Dupont")
                .build(),
        )
        .await;
        let jean: Person = expect_json(res, StatusCode::OK).await;
        assert_eq!(jean.last_name.as_deref(), Some("Dupont"));
        assert_eq!(jean.phone.as_deref(), Some("+3242223344"));
    }
);

both!(authorization_per_role, |app: TestApp| async move {
    let admin = app.token_for(Role::Admin).await;
    let coordinator = app.token_for(Role::Coordinator).await;
    let (coach_id, coach) = staff(&app, Role::Coach).await;
    let (_, other_coach) = staff(&app, Role::Coach).await;

    // Admins and coordinators read and write.
    let accompanied = create(
        &app,
        &admin,
        P::local("Accompanied").notes("Needs evening slots only"),
    )
    .await;
    let other = create(&app, &coordinator, P::local("Other").notes("Private")).await;
    let updated: Person = expect_json(
        send(
            &app,
            Method::PUT,
            &format!("{PEOPLE}/{}", other.id),
            Some(&admin),
            &P::local("Other").notes("Private").commune("Ans").build(),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(updated.commune.as_deref(), Some("Ans"));
    assert_eq!(list(&app, &coordinator, "").await.count, 2);
    assert_eq!(
        get_person(&app, &coordinator, accompanied.id)
            .await
            .staff_notes
            .as_deref(),
        Some("Needs evening slots only")
    );

    // Only active accounts can be assigned.
    let inactive = app.create_user("gone-coach@example.be", Role::Coach);
    app.set_active(&inactive.id, false);
    for user_id in [inactive.id.clone(), Uuid::new_v4().to_string()] {
        let res = send(
            &app,
            Method::POST,
            &format!("{PEOPLE}/{}/coaches", accompanied.id),
            Some(&coordinator),
            &json!({ "user_id": user_id }),
        )
        .await;
        let problem = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(!problem.field_errors("user_id").is_empty(), "{problem:?}");
    }
    assert!(get_person(&app, &admin, accompanied.id)
        .await
        .coaches
        .is_empty());

    // A coach sees nobody until assigned.
    assert_eq!(list(&app, &coach, "").await.count, 0);
    expect_problem(
        app.get(&format!("{PEOPLE}/{}", accompanied.id), Some(&coach))
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let assign = json!({ "user_id": coach_id });
    let res = send(
        &app,
        Method::POST,
        &format!("{PEOPLE}/{}/coaches", accompanied.id),
        Some(&coordinator),
        &assign,
    )
    .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);

    // Then only the people they accompany, without staff notes.
    let page = list(&app, &coach, "").await;
    assert_eq!(
        page.results.iter().map(|p| p.id).collect::<Vec<_>>(),
        [accompanied.id]
    );
    assert_eq!(list(&app, &coach, "q=other").await.count, 0);
    assert_eq!(list(&app, &other_coach, "").await.count, 0);
    let seen = get_person(&app, &coach, accompanied.id).await;
    assert_eq!(seen.first_name, "Accompanied");
    assert_eq!(seen.staff_notes, None, "a coach saw staff notes");
    assert_eq!(seen.coaches, [coach_id]);
    let raw = app
        .get(&format!("{PEOPLE}/{}", accompanied.id), Some(&coach))
        .await
        .text()
        .await
        .expect("body");
    assert!(
        !raw.contains("Needs evening slots only"),
        "staff notes in a coach's answer: {raw}"
    );
    expect_problem(
        app.get(&format!("{PEOPLE}/{}", other.id), Some(&coach))
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    expect_problem(
        app.get(&format!("{PEOPLE}/{}", accompanied.id), Some(&other_coach))
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;

    // A coach never writes.
    let id = accompanied.id;
    let writes: Vec<(Method, String, serde_json::Value)> = vec![
        (
            Method::POST,
            PEOPLE.to_owned(),
            serde_json::to_value(P::local("Bycoach").build()).expect("json"),
        ),
        (
            Method::PUT,
            format!("{PEOPLE}/{id}"),
            serde_json::to_value(P::local("Renamed").build()).expect("json"),
        ),
        (Method::POST, format!("{PEOPLE}/{id}/archive"), json!({})),
        (
            Method::POST,
            format!("{PEOPLE}/{id}/memberships"),
            json!({ "programme": "interact", "role": "participant", "status": "active" }),
        ),
        (
            Method::POST,
            format!("{PEOPLE}/{id}/consents"),
            json!({ "purpose": "photos", "notice_version": "2026-11", "notice_lang": "fr", "method": "oral" }),
        ),
        (
            Method::POST,
            format!("{PEOPLE}/{id}/coaches"),
            json!({ "user_id": coach_id }),
        ),
        (
            Method::POST,
            format!("{PEOPLE}/{id}/review"),
            json!({ "decision": "accept" }),
        ),
        (
            Method::POST,
            format!("{PEOPLE}/{id}/anonymise"),
            json!({ "confirmation": "anonymise" }),
        ),
        (
            Method::POST,
            format!("{PEOPLE}/anonymise"),
            json!({ "ids": [id], "confirmation": "anonymise" }),
        ),
    ];
    for (method, path, body) in &writes {
        let res = send(&app, method.clone(), path, Some(&coach), body).await;
        let problem = expect_problem(res, StatusCode::FORBIDDEN).await;
        assert_eq!(problem.code, ErrorCode::Forbidden, "{method} {path}");
    }
    expect_problem(
        app.get(&format!("{PEOPLE}/{id}/export"), Some(&coach))
            .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    let after = get_person(&app, &admin, id).await;
    assert_eq!(after.first_name, "Accompanied");
    assert!(
        after.memberships.is_empty()
            && after.consents.is_empty()
            && !after.archived
            && !after.anonymised
    );
    assert_eq!(count_rows(&app, "people"), 2);

    // Anonymous callers get 401 everywhere.
    for path in [
        PEOPLE.to_owned(),
        format!("{PEOPLE}/{id}"),
        format!("{PEOPLE}/{id}/export"),
        format!("{PEOPLE}/retention"),
        "/api/v1/tags".to_owned(),
    ] {
        let problem = expect_problem(app.get(&path, None).await, StatusCode::UNAUTHORIZED).await;
        assert_eq!(problem.code, ErrorCode::Unauthorized, "{path}");
    }
    for (method, path, body) in &writes {
        expect_problem(
            send(&app, method.clone(), path, None, body).await,
            StatusCode::UNAUTHORIZED,
        )
        .await;
    }

    // Retention is for administrators only.
    let _: Vec<shared::people::PersonSummary> = expect_json(
        app.get(&format!("{PEOPLE}/retention"), Some(&admin)).await,
        StatusCode::OK,
    )
    .await;
    for token in [&coordinator, &coach] {
        expect_problem(
            app.get(&format!("{PEOPLE}/retention"), Some(token)).await,
            StatusCode::FORBIDDEN,
        )
        .await;
    }

    // Once unassigned, the coach loses sight of the person.
    let res = app
        .client
        .delete(app.url(&format!("{PEOPLE}/{id}/coaches/{coach_id}")))
        .bearer_auth(&coordinator)
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    expect_problem(
        app.get(&format!("{PEOPLE}/{id}"), Some(&coach)).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(list(&app, &coach, "").await.count, 0);
});

both!(
    audit_names_changed_fields_never_values,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let (coordinator_id, coordinator) = staff(&app, Role::Coordinator).await;
        let person = create(
            &app,
            &coordinator,
            P::local("Audited")
                .email("first.address@example.be")
                .phone("0470 55 66 77"),
        )
        .await;

        let mut input = P::local("Audited")
            .email("new.secret.address@example.be")
            .phone("0470 55 66 77")
            .commune("Verviers")
            .language("nl", LanguageLevel::Intermediate)
            .build();
        let path = format!("{PEOPLE}/{}", person.id);
        let updated: Person = expect_json(
            send(&app, Method::PUT, &path, Some(&coordinator), &input).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            updated.email.as_deref(),
            Some("new.secret.address@example.be")
        );

        let entries = audit_of(&app, &admin, person.id).await;
        assert_eq!(actions(&entries), ["person.created", "person.updated"]);
        assert!(entries.iter().all(|e| e.actor_id == Some(coordinator_id)));
        let changed: BTreeSet<String> = entries[1].details["changed"]
            .as_array()
            .expect("changed list")
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        assert_eq!(
            changed,
            BTreeSet::from([
                "email".to_owned(),
                "commune".to_owned(),
                "languages".to_owned()
            ])
        );

        // Saving the same form again changes nothing and records nothing.
        let _: Person = expect_json(
            send(&app, Method::PUT, &path, Some(&coordinator), &input).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(audit_of(&app, &admin, person.id).await.len(), 2);

        input.staff_notes = Some("Lives with her sister".into());
        let _: Person = expect_json(
            send(&app, Method::PUT, &path, Some(&coordinator), &input).await,
            StatusCode::OK,
        )
        .await;

        let raw = app
            .get(
                &format!(
                    "/api/v1/audit?entity_type=person&entity_id={}&page_size=200",
                    person.id
                ),
                Some(&admin),
            )
            .await
            .text()
            .await
            .expect("body");
        for secret in [
            "new.secret.address",
            "first.address",
            "+32470556677",
            "0470556677",
            "Verviers",
            "Lives with her sister",
        ] {
            assert!(!raw.contains(secret), "{secret} in the audit: {raw}");
        }
        assert!(
            raw.contains("staff_notes"),
            "changed field name missing: {raw}"
        );
    }
);

both!(memberships_add_and_update, |app: TestApp| async move {
    let admin = app.token_for(Role::Admin).await;
    let token = app.token_for(Role::Coordinator).await;
    let person = create(&app, &token, P::newcomer("Member", 1)).await;

    let res = add_membership(&app, &token, person.id, json!({ "programme": "interact", "role": "participant", "status": "active", "started_on": "2026-01-10" })).await;
    let m: Membership = expect_json(res, StatusCode::CREATED).await;
    assert_eq!(
        (m.programme, m.role, m.status),
        (
            Programme::Interact,
            ProgrammeRole::Participant,
            MembershipStatus::Active
        )
    );
    assert_eq!(
        m.started_on,
        NaiveDate::from_ymd_opt(2026, 1, 10).expect("date")
    );

    // The start defaults to today.
    let res = add_membership(
        &app,
        &token,
        person.id,
        json!({ "programme": "training", "role": "trainee", "status": "applied" }),
    )
    .await;
    let t: Membership = expect_json(res, StatusCode::CREATED).await;
    assert_eq!(t.started_on, chrono::Utc::now().date_naive());

    // An end before the start is refused and nothing is stored.
    let res = add_membership(&app, &token, person.id, json!({ "programme": "interlab", "role": "entrepreneur", "status": "active", "started_on": "2026-03-01", "ended_on": "2026-02-01" })).await;
    let problem = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(
        problem.field_errors("ended_on"),
        ["The end date is before the start date.".to_owned()]
    );
    assert_eq!(count_rows(&app, "memberships"), 2);
    let res = add_membership(
        &app,
        &token,
        person.id,
        json!({ "programme": "interlab", "role": "astronaut", "status": "active" }),
    )
    .await;
    assert!(res.status().is_client_error());
    assert_eq!(count_rows(&app, "memberships"), 2);

    // Update: completed with an end date.
    let mpath = format!("{PEOPLE}/{}/memberships/{}", person.id, m.id);
    let res = send(
        &app,
        Method::PUT,
        &mpath,
        Some(&token),
        &json!({ "status": "completed", "ended_on": "2026-06-30" }),
    )
    .await;
    let done: Membership = expect_json(res, StatusCode::OK).await;
    assert_eq!(done.status, MembershipStatus::Completed);
    assert_eq!(done.ended_on, NaiveDate::from_ymd_opt(2026, 6, 30));
    assert_eq!(done.role, ProgrammeRole::Participant);
    let res = send(
        &app,
        Method::PUT,
        &mpath,
        Some(&token),
        &json!({ "ended_on": "2025-12-31" }),
    )
    .await;
    let problem = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(
        problem.field_errors("ended_on"),
        ["The end date is before the start date.".to_owned()]
    );
    let res = send(
        &app,
        Method::PUT,
        &mpath,
        Some(&token),
        &json!({ "role": "workshop_host" }),
    )
    .await;
    let hosted: Membership = expect_json(res, StatusCode::OK).await;
    assert_eq!(hosted.role, ProgrammeRole::WorkshopHost);
    assert_eq!(
        hosted.ended_on,
        NaiveDate::from_ymd_opt(2026, 6, 30),
        "a refused end date was stored"
    );

    let res = send(
        &app,
        Method::PUT,
        &format!("{PEOPLE}/{}/memberships/{}", person.id, Uuid::new_v4()),
        Some(&token),
        &json!({ "status": "paused" }),
    )
    .await;
    expect_problem(res, StatusCode::NOT_FOUND).await;
    // A membership is reached only through its own person.
    let stranger = create(&app, &token, P::local("Stranger")).await;
    let res = send(
        &app,
        Method::PUT,
        &format!("{PEOPLE}/{}/memberships/{}", stranger.id, m.id),
        Some(&token),
        &json!({ "status": "paused" }),
    )
    .await;
    expect_problem(res, StatusCode::NOT_FOUND).await;
    let res = add_membership(
        &app,
        &token,
        Uuid::new_v4(),
        json!({ "programme": "interact", "role": "participant", "status": "active" }),
    )
    .await;
    expect_problem(res, StatusCode::NOT_FOUND).await;

    let full = get_person(&app, &token, person.id).await;
    assert_eq!(full.memberships.len(), 2);
    // Completed memberships no longer count as current programmes in the list.
    let page = list(&app, &token, "q=member").await;
    assert_eq!(page.results[0].programmes, [Programme::Training]);

    let entries = audit_of(&app, &admin, person.id).await;
    assert_eq!(
        actions(&entries),
        [
            "person.created",
            "person.membership_added",
            "person.membership_added",
            "person.membership_updated",
            "person.membership_updated"
        ]
    );
    assert_eq!(entries[3].details["membership"], json!(m.id.to_string()));
});

both!(consents_add_and_withdraw, |app: TestApp| async move {
    let admin = app.token_for(Role::Admin).await;
    let (coordinator_id, token) = staff(&app, Role::Coordinator).await;
    let person = create(&app, &token, P::local("Consenting")).await;
    let path = format!("{PEOPLE}/{}/consents", person.id);

    let res = send(&app, Method::POST, &path, Some(&token), &json!({ "purpose": "photos", "notice_version": "2026-11", "notice_lang": "ar", "method": "paper_form", "given_at": "2026-11-20T10:00:00Z" })).await;
    let consent: Consent = expect_json(res, StatusCode::CREATED).await;
    assert_eq!(consent.recorded_by, Some(coordinator_id));
    assert_eq!(consent.notice_lang, shared::Lang::Ar);
    assert_eq!(consent.given_at.to_rfc3339(), "2026-11-20T10:00:00+00:00");
    assert_eq!(consent.withdrawn_at, None);

    for (body, field) in [
        (
            json!({ "purpose": "photos", "notice_version": "1999-01", "notice_lang": "fr", "method": "oral" }),
            "notice_version",
        ),
        (
            json!({ "purpose": "photos", "notice_version": "2026-11", "notice_lang": "fr", "method": "oral", "given_at": "2099-01-01T00:00:00Z" }),
            "given_at",
        ),
    ] {
        let problem = expect_problem(
            send(&app, Method::POST, &path, Some(&token), &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!problem.field_errors(field).is_empty(), "{problem:?}");
    }
    assert_eq!(count_rows(&app, "consents"), 1);

    let withdraw = format!("{path}/{}/withdraw", consent.id);
    let res = send(&app, Method::POST, &withdraw, Some(&token), &json!({})).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let full = get_person(&app, &token, person.id).await;
    assert_eq!(full.consents.len(), 1);
    assert!(
        full.consents[0].withdrawn_at.is_some(),
        "withdrawal not recorded"
    );
    let res = send(
        &app,
        Method::POST,
        &format!("{path}/{}/withdraw", Uuid::new_v4()),
        Some(&token),
        &json!({}),
    )
    .await;
    expect_problem(res, StatusCode::NOT_FOUND).await;

    let entries = audit_of(&app, &admin, person.id).await;
    assert_eq!(
        actions(&entries),
        [
            "person.created",
            "person.consent_given",
            "person.consent_withdrawn"
        ]
    );
    assert_eq!(entries[1].details["purpose"], "photos");
    assert_eq!(entries[2].details["consent"], json!(consent.id.to_string()));
    // The withdrawal names its purpose too, and the person's history says which consent each
    // entry is about (it said only "consent withdrawn").
    assert_eq!(entries[2].details["purpose"], "photos");
    let history: shared::Page<shared::audit::PersonHistoryEntry> = expect_json(
        app.get(&format!("{PEOPLE}/{}/history", person.id), Some(&token))
            .await,
        StatusCode::OK,
    )
    .await;
    let about: Vec<(&str, Option<ConsentPurpose>)> = history
        .results
        .iter()
        .map(|e| (e.action.as_str(), e.consent))
        .collect();
    assert_eq!(
        about,
        [
            ("person.consent_withdrawn", Some(ConsentPurpose::Photos)),
            ("person.consent_given", Some(ConsentPurpose::Photos)),
            ("person.created", None),
        ]
    );
    // Withdrawing again changes nothing and is not an error.
    let res = send(&app, Method::POST, &withdraw, Some(&token), &json!({})).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
});

both!(
    a_double_submit_creates_one_person,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        // The same form sent several times at once (a double tap on a slow phone connection).
        let input = P::local("Twice")
            .email("twice@example.be")
            .phone("0470 11 11 11")
            .build();
        let sends = (0..6).map(|_| post_person(&app, &token, &input));
        let statuses: Vec<StatusCode> = futures_util::future::join_all(sends)
            .await
            .iter()
            .map(|r| r.status())
            .collect();
        assert_eq!(
            statuses
                .iter()
                .filter(|s| **s == StatusCode::CREATED)
                .count(),
            1,
            "{statuses:?}"
        );
        assert!(
            statuses
                .iter()
                .all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT),
            "{statuses:?}"
        );
        assert_eq!(count_rows(&app, "people"), 1);

        // The same for sign-ups: the second is flagged as a duplicate of the first.
        let req = signup_request("Applicant", Some("double@example.be"), None);
        let sends = (0..2).map(|_| post_signup(&app, &req));
        let statuses: Vec<StatusCode> = futures_util::future::join_all(sends)
            .await
            .iter()
            .map(|r| r.status())
            .collect();
        assert_eq!(statuses, [StatusCode::ACCEPTED, StatusCode::ACCEPTED]);
        let flagged = list(&app, &token, "status=to_review").await;
        assert_eq!(flagged.count, 2);
        let mut dup_flags = 0;
        for p in flagged.results {
            if get_person(&app, &token, p.id)
                .await
                .possible_duplicate_of
                .is_some()
            {
                dup_flags += 1;
            }
        }
        assert_eq!(
            dup_flags, 1,
            "two simultaneous applications were not linked"
        );
    }
);

both!(
    search_folds_letters_as_people_type_them,
    |app: TestApp| async move {
        // Issue 19: a coordinator types "yilmaz" on a keyboard without the Turkish dotless ı.
        let token = app.token_for(Role::Coordinator).await;
        create(
            &app,
            &token,
            P::local("Ayşe")
                .last_name("Yılmaz")
                .email("ayse.y@example.be"),
        )
        .await;
        create(
            &app,
            &token,
            P::local("Łukasz")
                .last_name("Nowak")
                .email("lukasz.n@example.be"),
        )
        .await;
        for q in ["yilmaz", "Yilmaz", "YILMAZ", "Yılmaz", "ayse yil"] {
            assert_eq!(
                names(&app, &token, &[("q", q)]).await,
                vec!["Ayşe Yılmaz".to_owned()],
                "{q}"
            );
        }
        assert_eq!(
            names(&app, &token, &[("q", "lukasz")]).await,
            vec!["Łukasz Nowak".to_owned()]
        );
    }
);
