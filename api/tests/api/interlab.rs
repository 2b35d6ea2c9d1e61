//! InterLab (issue 13): the public application, the team's review queue and its decisions,
//! entrepreneurs with their filters, cohorts and sectors, and who may see and change what.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use shared::auth::Role;
use shared::interlab::{
    Application, ApplicationDecision, ApplicationInput, ApplicationStatus, ApplyRequest, Cohort,
    CohortInput, DecisionInput, DecisionResult, Entrepreneur, LegalForm, ProjectStage, Term,
    TermInput,
};
use shared::people::{MembershipStatus, Person};
use shared::signup::SignupReceipt;
use shared::ErrorCode;

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::interlab_fixtures::*;
use crate::people_fixtures::{
    actions, audit_of, count_rows, create, get_person, staff, PersonBuilder as P,
};

both!(
    an_application_is_accepted_into_a_cohort_with_its_project,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let token = app.token_for(Role::Coordinator).await;
        let (coach, _) = staff(&app, Role::Coach).await;
        let res = post_apply(
            &app,
            &apply_request("Rania", "rania@example.be", "Un traiteur syrien à Liège"),
        )
        .await;
        let receipt: SignupReceipt = expect_json(res, StatusCode::ACCEPTED).await;
        assert!(receipt.received);
        assert!(receipt.message.starts_with("Merci"), "{}", receipt.message);
        assert!(!serde_json::to_string(&receipt)
            .expect("json")
            .contains("Rania"));

        let queue = applications(&app, &token, "status=pending").await;
        assert_eq!(queue.count, 1);
        let a = &queue.results[0];
        assert_eq!(a.display_name, "Rania Entreprend");
        assert_eq!(a.idea, "Un traiteur syrien à Liège");
        assert_eq!(a.status, ApplicationStatus::Pending);
        assert_eq!(a.heard_via_detail.as_deref(), Some("Soirée de réseautage"));
        assert!(!a.possible_duplicate);
        // The languages went to her record, through the people feature.
        let person: Person = get_person(&app, &token, a.person_id).await;
        let mut langs: Vec<&str> = person
            .languages
            .iter()
            .map(|l| l.language.as_str())
            .collect();
        langs.sort();
        assert_eq!(langs, ["ar", "fr"]);
        let interlab: Vec<_> = person
            .memberships
            .iter()
            .filter(|m| m.programme == shared::people::Programme::Interlab)
            .collect();
        assert_eq!(interlab.len(), 1);
        assert_eq!(interlab[0].status, MembershipStatus::Applied);

        let spring = cohort(&app, &token, "Printemps 2027", "2027-03-01").await;
        let food = sector_id(&app, &token, "food").await;
        let full = shared::interlab::EntrepreneurInput {
            sector_id: Some(food),
            stage: ProjectStage::Validation,
            legal_form: LegalForm::Srl,
            target_date: Some("2027-09-01".parse().expect("date")),
            cohort_id: Some(spring.id),
            coach_id: Some(coach),
            ..project("Saveurs d'Alep")
        };

        // Each wrong field gets its message; nothing changes.
        let missing = DecisionInput {
            entrepreneur: None,
            ..accept(full.clone())
        };
        let p = expect_problem(
            decide(&app, &token, a.id, &missing).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("entrepreneur").len(), 1);
        let unknown = accept(shared::interlab::EntrepreneurInput {
            cohort_id: Some(uuid::Uuid::new_v4()),
            sector_id: Some(uuid::Uuid::new_v4()),
            coach_id: Some(uuid::Uuid::new_v4()),
            project_name: "  ".into(),
            ..full.clone()
        });
        let p = expect_problem(
            decide(&app, &token, a.id, &unknown).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("entrepreneur.project_name").len(), 1);
        let unknown = accept(shared::interlab::EntrepreneurInput {
            project_name: "Saveurs".into(),
            ..unknown.entrepreneur.clone().expect("project")
        });
        let p = expect_problem(
            decide(&app, &token, a.id, &unknown).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        for field in ["cohort_id", "sector_id", "coach_id"] {
            assert_eq!(
                p.field_errors(&format!("entrepreneur.{field}")).len(),
                1,
                "{field}: {p:?}"
            );
        }
        assert_eq!(count_rows(&app, "interlab_entrepreneurs"), 0);
        assert_eq!(
            applications(&app, &token, "status=pending").await.count,
            1,
            "a refused decision changed the application"
        );

        let d: DecisionResult = expect_json(
            decide(&app, &token, a.id, &accept(full)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(d.application.status, ApplicationStatus::Accepted);
        assert!(d.application.decided_by_name.is_some());
        let e = d.entrepreneur.expect("entrepreneur");
        assert_eq!(d.application.entrepreneur_id, Some(e.id));
        assert_eq!(e.person_id, a.person_id);
        assert_eq!(e.project.name, "Saveurs d'Alep");
        assert_eq!(e.project.sector_id, Some(food));
        assert_eq!(e.project.sector_label.as_deref(), Some("Food and catering"));
        assert_eq!(e.project.stage, ProjectStage::Validation);
        assert_eq!(e.project.legal_form, LegalForm::Srl);
        assert_eq!(e.cohort_name.as_deref(), Some("Printemps 2027"));
        assert_eq!(e.coach_id, Some(coach));
        assert_eq!(e.membership_status, Some(MembershipStatus::Active));
        let fetched: Entrepreneur = expect_json(
            app.get(&format!("{ENTREPRENEURS}/{}", e.id), Some(&token))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(fetched, e);
        // The coach accompanies her in the people feature too.
        let person = get_person(&app, &token, a.person_id).await;
        assert!(person.coaches.contains(&coach));
        let cohorts: Vec<Cohort> =
            expect_json(app.get(COHORTS, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(cohorts[0].entrepreneurs, 1);

        // Decided once: a second decision is a conflict.
        let p = expect_problem(
            decide(&app, &token, a.id, &accept(project("Autre"))).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert_eq!(p.code, ErrorCode::Conflict);
        assert_eq!(count_rows(&app, "interlab_entrepreneurs"), 1);

        // Audited on the person (the application and the coach) and on the application.
        let on_person = audit_of(&app, &admin, a.person_id).await;
        let acts = actions(&on_person);
        assert!(acts.contains(&"interlab.applied"), "{acts:?}");
        assert!(acts.contains(&"person.coach_assigned"), "{acts:?}");
        let page: shared::Page<shared::audit::AuditEntry> = expect_json(
            app.get(
                &format!(
                    "/api/v1/audit?entity_type=interlab_application&entity_id={}",
                    a.id
                ),
                Some(&admin),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(actions(&page.results), ["interlab.application_decided"]);
        assert!(
            !page.results[0].details.to_string().contains("Alep"),
            "project words in the audit log"
        );
    }
);

both!(
    the_public_form_is_checked_field_by_field_and_ignores_robots,
    |app: TestApp| async move {
        let bad = ApplyRequest {
            idea: "   ".into(),
            consent: false,
            email: None,
            profile: None,
            notice_version: "1999-01".into(),
            heard_via_detail: Some("x".repeat(201)),
            ..apply_request("Sami", "sami@example.be", "")
        };
        let p = expect_problem(
            post_apply(&app, &bad).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        for field in [
            "idea",
            "consent",
            "notice_version",
            "email",
            "profile",
            "heard_via_detail",
        ] {
            assert_eq!(p.field_errors(field).len(), 1, "{field}: {p:?}");
        }
        let unknown_value = json!({ "first_name": "Sami", "idea": "x", "lang": "fr", "notice_version": "2026-11", "consent": true, "profile": "newcomer", "email": "s@example.be", "heard_via": "tv" });
        expect_problem(
            post_apply(&app, &unknown_value).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        // A filled honeypot is answered as usual and leaves nothing.
        let robot = ApplyRequest {
            website: Some("https://spam.example".into()),
            ..apply_request("Robot", "robot@example.be", "Buy now")
        };
        assert_eq!(
            post_apply(&app, &robot).await.status(),
            StatusCode::ACCEPTED
        );
        for table in ["people", "interlab_applications", "memberships", "consents"] {
            assert_eq!(count_rows(&app, table), 0, "{table}");
        }
        // An email already known makes a new record flagged for review, never an overwrite.
        let token = app.token_for(Role::Coordinator).await;
        let known = create(
            &app,
            &token,
            P::newcomer("Known", 3).email("known@example.be"),
        )
        .await;
        let res = post_apply(&app, &apply_request("Other", "known@example.be", "Couture")).await;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
        let a = application_of(&app, &token, "Other").await;
        assert!(a.possible_duplicate);
        assert_ne!(a.person_id, known.id);
        assert_eq!(get_person(&app, &token, known.id).await, known);
    }
);

both!(
    applications_share_the_public_forms_throttle,
    |app: TestApp| async move {
        for i in 0..5 {
            let res = post_apply(
                &app,
                &apply_request(&format!("Ap{i}"), &format!("ap{i}@example.be"), "Idée"),
            )
            .await;
            assert_eq!(res.status(), StatusCode::ACCEPTED, "application {i}");
        }
        let res = post_apply(&app, &apply_request("Sixth", "sixth@example.be", "Idée")).await;
        let p = expect_problem(res, StatusCode::TOO_MANY_REQUESTS).await;
        assert_eq!(p.code, ErrorCode::RateLimited);
        assert_eq!(count_rows(&app, "interlab_applications"), 5);
    }
);

both!(
    waiting_list_then_redirection_to_a_partner,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let res = post_apply(&app, &apply_request("Yusuf", "yusuf@example.be", "Taxi")).await;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
        let a = application_of(&app, &token, "Yusuf").await;
        let wait = DecisionInput {
            decision: ApplicationDecision::WaitingList,
            note: Some("Prochaine cohorte".into()),
            partner: None,
            entrepreneur: None,
        };
        let d: DecisionResult =
            expect_json(decide(&app, &token, a.id, &wait).await, StatusCode::OK).await;
        assert_eq!(d.application.status, ApplicationStatus::WaitingList);
        assert!(d.entrepreneur.is_none());
        assert_eq!(applications(&app, &token, "status=pending").await.count, 0);
        assert_eq!(
            applications(&app, &token, "status=waiting_list")
                .await
                .count,
            1
        );

        let redirect = DecisionInput {
            decision: ApplicationDecision::Redirect,
            note: None,
            partner: Some(" ".into()),
            entrepreneur: None,
        };
        let p = expect_problem(
            decide(&app, &token, a.id, &redirect).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("partner").len(), 1);
        assert_eq!(p.field_errors("note").len(), 1);
        let redirect = DecisionInput {
            note: Some("Projet de transport : la SAACE accompagne mieux ce secteur.".into()),
            partner: Some("SAACE Liège".into()),
            ..redirect
        };
        let d: DecisionResult =
            expect_json(decide(&app, &token, a.id, &redirect).await, StatusCode::OK).await;
        assert_eq!(d.application.status, ApplicationStatus::Redirected);
        assert_eq!(d.application.partner.as_deref(), Some("SAACE Liège"));
        let person = get_person(&app, &token, a.person_id).await;
        let m = person
            .memberships
            .iter()
            .find(|m| m.programme == shared::people::Programme::Interlab)
            .expect("membership");
        assert_eq!(m.status, MembershipStatus::Withdrawn);
        let p = expect_problem(
            decide(&app, &token, a.id, &accept(project("Taxi"))).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert_eq!(p.field_errors("decision").len(), 1);
        assert_eq!(count_rows(&app, "interlab_entrepreneurs"), 0);

        // The team records an application for someone it already knows.
        let known = create(
            &app,
            &token,
            P::newcomer("Maya", 1).email("maya@example.be"),
        )
        .await;
        let body = ApplicationInput {
            person_id: known.id,
            idea: "Atelier de céramique".into(),
            heard_via: None,
            heard_via_detail: None,
        };
        let a: Application = expect_json(
            send(&app, Method::POST, APPLICATIONS, &token, &body).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(a.person_id, known.id);
        assert_eq!(a.status, ApplicationStatus::Pending);
        let unknown = ApplicationInput {
            person_id: uuid::Uuid::new_v4(),
            idea: String::new(),
            ..body
        };
        let p = expect_problem(
            send(&app, Method::POST, APPLICATIONS, &token, &unknown).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("idea").len(), 1);
    }
);

both!(
    entrepreneurs_are_filtered_and_coaches_see_theirs_only,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let (coach, coach_token) = staff(&app, Role::Coach).await;
        let (other_coach, _) = staff(&app, Role::Coach).await;
        let spring = cohort(&app, &token, "Printemps 2027", "2027-03-01").await;
        let autumn = cohort(&app, &token, "Automne 2027", "2027-09-15").await;
        let food = sector_id(&app, &token, "food").await;
        let crafts = sector_id(&app, &token, "crafts").await;
        let rania = entrepreneur(
            &app,
            &token,
            "Rania",
            shared::interlab::EntrepreneurInput {
                sector_id: Some(food),
                cohort_id: Some(spring.id),
                coach_id: Some(coach),
                stage: ProjectStage::Validation,
                ..project("Saveurs d'Alep")
            },
        )
        .await;
        let olena = entrepreneur(
            &app,
            &token,
            "Olena",
            shared::interlab::EntrepreneurInput {
                sector_id: Some(crafts),
                cohort_id: Some(spring.id),
                coach_id: Some(other_coach),
                stage: ProjectStage::Idea,
                ..project("Broderies de Kyiv")
            },
        )
        .await;
        let _amadou = entrepreneur(
            &app,
            &token,
            "Amadou",
            shared::interlab::EntrepreneurInput {
                cohort_id: Some(autumn.id),
                coach_id: Some(coach),
                stage: ProjectStage::Launched,
                ..project("Atelier vélo")
            },
        )
        .await;
        let names = |page: shared::Page<Entrepreneur>| -> Vec<String> {
            page.results.into_iter().map(|e| e.project.name).collect()
        };
        assert_eq!(
            names(entrepreneurs(&app, &token, "").await),
            ["Atelier vélo", "Broderies de Kyiv", "Saveurs d'Alep"]
        );
        let by_cohort = entrepreneurs(&app, &token, &format!("cohort={}", spring.id)).await;
        assert_eq!(names(by_cohort), ["Broderies de Kyiv", "Saveurs d'Alep"]);
        assert_eq!(
            names(entrepreneurs(&app, &token, "stage=launched").await),
            ["Atelier vélo"]
        );
        assert_eq!(
            names(entrepreneurs(&app, &token, &format!("sector={crafts}")).await),
            ["Broderies de Kyiv"]
        );
        assert_eq!(
            names(entrepreneurs(&app, &token, &format!("coach={coach}&stage=validation")).await),
            ["Saveurs d'Alep"]
        );
        let paged = entrepreneurs(&app, &token, "page_size=2").await;
        assert_eq!((paged.count, paged.results.len()), (3, 2));
        assert!(paged.next.is_some());
        expect_problem(
            app.get(&format!("{ENTREPRENEURS}?stage=dreaming"), Some(&token))
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;

        // The coach sees the two people they accompany, nobody else.
        let theirs = entrepreneurs(&app, &coach_token, "").await;
        assert_eq!(names(theirs), ["Atelier vélo", "Saveurs d'Alep"]);
        expect_problem(
            app.get(&format!("{ENTREPRENEURS}/{}", olena.id), Some(&coach_token))
                .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        let cohorts: Vec<Cohort> =
            expect_json(app.get(COHORTS, Some(&coach_token)).await, StatusCode::OK).await;
        let sizes: Vec<(String, u64)> = cohorts
            .into_iter()
            .map(|c| (c.name, c.entrepreneurs))
            .collect();
        assert_eq!(
            sizes,
            [
                ("Automne 2027".to_owned(), 1),
                ("Printemps 2027".to_owned(), 1)
            ]
        );

        // They change their entrepreneur's project, not the coach nor the cohort.
        let mut change = shared::interlab::EntrepreneurInput {
            project_name: "Saveurs d'Alep — traiteur".into(),
            description: None,
            sector_id: Some(food),
            stage: ProjectStage::PreparingLaunch,
            legal_form: LegalForm::Independent,
            target_date: Some("2027-06-01".parse().expect("date")),
            cohort_id: Some(spring.id),
            coach_id: Some(coach),
        };
        let path = format!("{ENTREPRENEURS}/{}", rania.id);
        let e: Entrepreneur = expect_json(
            send(&app, Method::PUT, &path, &coach_token, &change).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(e.project.stage, ProjectStage::PreparingLaunch);
        assert_eq!(e.project.description, None);
        change.coach_id = Some(other_coach);
        expect_problem(
            send(&app, Method::PUT, &path, &coach_token, &change).await,
            StatusCode::FORBIDDEN,
        )
        .await;
        change.coach_id = Some(coach);
        change.cohort_id = Some(autumn.id);
        expect_problem(
            send(&app, Method::PUT, &path, &coach_token, &change).await,
            StatusCode::FORBIDDEN,
        )
        .await;
        expect_problem(
            send(
                &app,
                Method::PUT,
                &format!("{ENTREPRENEURS}/{}", olena.id),
                &coach_token,
                &change,
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        let unchanged: Entrepreneur =
            expect_json(app.get(&path, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(unchanged, e);
        // A coordinator moves her to another cohort and coach; the new coach sees her.
        change.coach_id = Some(other_coach);
        let moved: Entrepreneur = expect_json(
            send(&app, Method::PUT, &path, &token, &change).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(moved.cohort_id, Some(autumn.id));
        assert_eq!(moved.coach_id, Some(other_coach));
        // The previous coach no longer accompanies her: not here, not in the people feature.
        expect_problem(
            app.get(&path, Some(&coach_token)).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        expect_problem(
            app.get(
                &format!("/api/v1/people/{}", moved.person_id),
                Some(&coach_token),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        assert_eq!(
            get_person(&app, &token, moved.person_id).await.coaches,
            vec![other_coach]
        );
        let admin = app.token_for(Role::Admin).await;
        let on_person = audit_of(&app, &admin, moved.person_id).await;
        let acts = actions(&on_person);
        assert!(acts.contains(&"person.coach_removed"), "{acts:?}");
        let bad = shared::interlab::EntrepreneurInput {
            project_name: String::new(),
            sector_id: Some(uuid::Uuid::new_v4()),
            ..change
        };
        let p = expect_problem(
            send(&app, Method::PUT, &path, &token, &bad).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("project_name").len(), 1);
        let after: Entrepreneur =
            expect_json(app.get(&path, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(after, moved);
    }
);

both!(cohorts_and_sectors_are_checked, |app: TestApp| async move {
    let token = app.token_for(Role::Coordinator).await;
    let bad = CohortInput {
        name: " ".into(),
        starts_on: "2027-03-01".parse().expect("date"),
        ends_on: Some("2027-02-01".parse().expect("date")),
    };
    let p = expect_problem(
        send(&app, Method::POST, COHORTS, &token, &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(p.field_errors("name").len(), 1);
    assert_eq!(p.field_errors("ends_on").len(), 1);
    assert_eq!(count_rows(&app, "interlab_cohorts"), 0);
    let c = cohort(&app, &token, "Printemps", "2027-03-01").await;
    let renamed: Cohort = expect_json(
        send(
            &app,
            Method::PUT,
            &format!("{COHORTS}/{}", c.id),
            &token,
            &CohortInput {
                name: "Printemps 2027".into(),
                starts_on: c.starts_on,
                ends_on: Some("2027-06-30".parse().expect("date")),
            },
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(renamed.name, "Printemps 2027");
    expect_problem(
        app.get(&format!("{COHORTS}/{}", uuid::Uuid::new_v4()), Some(&token))
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;

    let sector = TermInput {
        slug: "tourism".into(),
        label_fr: "Tourisme".into(),
        label_en: "Tourism".into(),
        label_nl: "Toerisme".into(),
        label_ar: "السياحة".into(),
    };
    let s: Term = expect_json(
        send(&app, Method::POST, SECTORS, &token, &sector).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(s.slug, "tourism");
    let p = expect_problem(
        send(&app, Method::POST, SECTORS, &token, &sector).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(p.field_errors("slug").len(), 1);
    let bad = TermInput {
        slug: "Tour isme".into(),
        label_ar: String::new(),
        ..sector.clone()
    };
    let p = expect_problem(
        send(
            &app,
            Method::PUT,
            &format!("{SECTORS}/{}", s.id),
            &token,
            &bad,
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(p.field_errors("slug").len(), 1);
    assert_eq!(p.field_errors("label_ar").len(), 1);
    // The request's language picks the sector's label.
    let e = entrepreneur(
        &app,
        &token,
        "Lina",
        shared::interlab::EntrepreneurInput {
            sector_id: Some(s.id),
            ..project("Balades à Liège")
        },
    )
    .await;
    let res = app
        .client
        .get(app.url(&format!("{ENTREPRENEURS}/{}", e.id)))
        .bearer_auth(&token)
        .header("accept-language", "nl")
        .send()
        .await
        .expect("request");
    let nl: Entrepreneur = expect_json(res, StatusCode::OK).await;
    assert_eq!(nl.project.sector_label.as_deref(), Some("Toerisme"));
});

#[derive(Debug, Clone, Copy)]
enum Caller {
    Admin,
    Coordinator,
    /// A coach who does not accompany the entrepreneur.
    Coach,
    /// A mentor's account with no active relation with the entrepreneur.
    Mentor,
    Anonymous,
}

both!(
    role_matrix_of_the_interlab_routes,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let spring = cohort(&app, &token, "Printemps 2027", "2027-03-01").await;
        let e = entrepreneur(&app, &token, "Rania", project("Saveurs d'Alep")).await;
        let tokens = [
            (Caller::Anonymous, None),
            (Caller::Coach, Some(app.token_for(Role::Coach).await)),
            (Caller::Mentor, Some(app.token_for(Role::Mentor).await)),
            (Caller::Coordinator, Some(token.clone())),
            (Caller::Admin, Some(app.token_for(Role::Admin).await)),
        ];
        let routes = |caller: Caller| -> Vec<(Method, String, Option<Value>)> {
            let tag = format!("{caller:?}").to_lowercase();
            vec![
                (Method::GET, APPLICATIONS.to_owned(), None),
                (Method::GET, format!("{ENTREPRENEURS}/{}", e.id), None),
                (
                    Method::PUT,
                    format!("{ENTREPRENEURS}/{}", e.id),
                    Some(
                        json!({ "project_name": format!("Saveurs ({tag})"), "stage": "idea", "legal_form": "undecided" }),
                    ),
                ),
                (Method::GET, ENTREPRENEURS.to_owned(), None),
                (
                    Method::POST,
                    COHORTS.to_owned(),
                    Some(json!({ "name": format!("Cohorte {tag}"), "starts_on": "2027-09-01" })),
                ),
                (
                    Method::PUT,
                    format!("{COHORTS}/{}", spring.id),
                    Some(
                        json!({ "name": format!("Printemps ({tag})"), "starts_on": "2027-03-01" }),
                    ),
                ),
                (Method::GET, COHORTS.to_owned(), None),
                (
                    Method::POST,
                    SECTORS.to_owned(),
                    Some(
                        json!({ "slug": format!("s-{tag}"), "label_fr": "S", "label_en": "S", "label_nl": "S", "label_ar": "S" }),
                    ),
                ),
            ]
        };
        let expected = |caller: Caller| -> [StatusCode; 8] {
            use StatusCode as S;
            match caller {
                Caller::Admin | Caller::Coordinator => [
                    S::OK,
                    S::OK,
                    S::OK,
                    S::OK,
                    S::CREATED,
                    S::OK,
                    S::OK,
                    S::CREATED,
                ],
                // Out of sight: the entrepreneur is not found; the lists are empty.
                Caller::Coach => [
                    S::FORBIDDEN,
                    S::NOT_FOUND,
                    S::NOT_FOUND,
                    S::OK,
                    S::FORBIDDEN,
                    S::FORBIDDEN,
                    S::OK,
                    S::FORBIDDEN,
                ],
                // Only the entrepreneurs of its active relations (none here); no cohorts.
                Caller::Mentor => [
                    S::FORBIDDEN,
                    S::NOT_FOUND,
                    S::FORBIDDEN,
                    S::OK,
                    S::FORBIDDEN,
                    S::FORBIDDEN,
                    S::FORBIDDEN,
                    S::FORBIDDEN,
                ],
                Caller::Anonymous => [S::UNAUTHORIZED; 8],
            }
        };
        for (caller, token) in &tokens {
            for ((method, path, body), status) in routes(*caller).into_iter().zip(expected(*caller))
            {
                let what = format!("{caller:?} {method} {path}");
                let mut req = app.client.request(method.clone(), app.url(&path));
                if let Some(t) = token {
                    req = req.bearer_auth(t);
                }
                if let Some(b) = &body {
                    req = req.json(b);
                }
                let res = req.send().await.expect("request");
                assert_eq!(res.status(), status, "{what}");
                if status.is_success() {
                    let v: Value = expect_json(res, status).await;
                    if matches!(caller, Caller::Coach | Caller::Mentor) {
                        assert!(
                            !v.to_string().contains("Saveurs"),
                            "{what}: another coach's entrepreneur shown"
                        );
                    }
                    continue;
                }
                expect_problem(res, status).await;
            }
        }
        // The refused writes changed nothing.
        let after: Entrepreneur = expect_json(
            app.get(&format!("{ENTREPRENEURS}/{}", e.id), Some(&token))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(after.project.name, "Saveurs (admin)");
        assert_eq!(count_rows(&app, "interlab_cohorts"), 3);
    }
);

both!(
    demo_shows_a_living_interlab_cohort,
    |app: TestApp| async move {
        interra_api::demo::load(&app.db).expect("demo");
        let token = app.token_for(Role::Coordinator).await;
        let all = entrepreneurs(&app, &token, "page_size=50").await;
        assert_eq!(all.count, 12);
        let mut stages: Vec<ProjectStage> = all.results.iter().map(|e| e.project.stage).collect();
        stages.sort();
        stages.dedup();
        assert_eq!(
            stages.len(),
            ProjectStage::ALL.len(),
            "every stage is shown"
        );
        assert!(all
            .results
            .iter()
            .all(|e| e.coach_name.is_some() && e.cohort_name.is_some()));
        let cohorts: Vec<Cohort> =
            expect_json(app.get(COHORTS, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(cohorts.len(), 1);
        assert_eq!(cohorts[0].entrepreneurs, 12);
        assert_eq!(applications(&app, &token, "status=pending").await.count, 2);
        assert_eq!(
            applications(&app, &token, "status=waiting_list")
                .await
                .count,
            1
        );
        assert_eq!(
            applications(&app, &token, "status=redirected").await.count,
            1
        );
        // Loading again adds nothing.
        interra_api::demo::load(&app.db).expect("demo again");
        assert_eq!(entrepreneurs(&app, &token, "").await.count, 12);
    }
);
