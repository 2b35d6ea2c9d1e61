//! Intercultural trainings (issue 15): the catalogue, courses whose sessions are activities,
//! registration to the whole course with its waiting list, attendance and completion,
//! certificates (PDF, public check, revocation) and the partner side.

use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};
use shared::activities::{Activity, ActivityProgramme, RegistrationStatus};
use shared::auth::Role;
use shared::trainings::{
    CertificateCheck, CertificateSummary, Course, EvaluationForm, EvaluationLink,
    EvaluationResults, Module, PartnerRegistration, PartnerStaffMember, Trainee, TraineeStatus,
};
use uuid::Uuid;

use crate::activity_fixtures::in_days;
use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::partner_fixtures::partner;
use crate::people_fixtures::{count_rows, create, staff, PersonBuilder as P};

pub const MODULES: &str = "/api/v1/trainings/modules";
pub const COURSES: &str = "/api/v1/trainings/courses";

pub fn module_body(title: &str, group: Option<i32>) -> Value {
    json!({
        "title": { "fr": title, "ar": "التواصل بين الثقافات" },
        "description": { "fr": "Deux matinées pour se comprendre." },
        "objectives": ["Reconnaître ses filtres culturels", "Pratiquer l'écoute active"],
        "hours": 6,
        "audience": "everyone",
        "languages": ["fr"],
        "max_group_size": group,
    })
}

pub async fn module(app: &TestApp, token: &str, title: &str, group: Option<i32>) -> Module {
    expect_json(
        app.send_json(
            Method::POST,
            MODULES,
            Some(token),
            &module_body(title, group),
        )
        .await,
        StatusCode::CREATED,
    )
    .await
}

/// Two sessions of three hours, 10 and 17 days from now, open to partners.
pub fn course_body(module: Uuid) -> Value {
    json!({
        "module_id": module,
        "starts_on": in_days(10, "00:00")[..10],
        "ends_on": in_days(17, "00:00")[..10],
        "sessions": [
            { "starts_at": in_days(10, "09:00"), "ends_at": in_days(10, "12:00") },
            { "starts_at": in_days(17, "09:00"), "ends_at": in_days(17, "12:00") },
        ],
        "public": true,
        "open_to_partners": true,
    })
}

pub async fn course(app: &TestApp, token: &str, module: Uuid) -> Course {
    expect_json(
        app.send_json(Method::POST, COURSES, Some(token), &course_body(module))
            .await,
        StatusCode::CREATED,
    )
    .await
}

/// The same two sessions, 17 and 10 days ago: attendance can be taken.
pub fn past_course_body(module: Uuid) -> Value {
    json!({
        "module_id": module,
        "starts_on": in_days(-17, "00:00")[..10],
        "ends_on": in_days(-10, "00:00")[..10],
        "sessions": [
            { "starts_at": in_days(-17, "09:00"), "ends_at": in_days(-17, "12:00") },
            { "starts_at": in_days(-10, "09:00"), "ends_at": in_days(-10, "12:00") },
        ],
        "public": true,
        "open_to_partners": true,
    })
}

pub async fn past_course(app: &TestApp, token: &str, module: Uuid) -> Course {
    expect_json(
        app.send_json(
            Method::POST,
            COURSES,
            Some(token),
            &past_course_body(module),
        )
        .await,
        StatusCode::CREATED,
    )
    .await
}

pub async fn register(app: &TestApp, token: &str, course: Uuid, body: Value) -> reqwest::Response {
    app.send_json(
        Method::POST,
        &format!("{COURSES}/{course}/registrations"),
        Some(token),
        &body,
    )
    .await
}

pub async fn trainees(app: &TestApp, token: &str, course: Uuid) -> Vec<Trainee> {
    expect_json(
        app.get(&format!("{COURSES}/{course}/registrations"), Some(token))
            .await,
        StatusCode::OK,
    )
    .await
}

pub async fn mark(
    app: &TestApp,
    token: &str,
    c: &Course,
    marks: &[(usize, Uuid, &str)],
) -> reqwest::Response {
    let marks: Vec<Value> = marks
        .iter()
        .map(|(s, p, status)| {
            json!({ "session_id": c.sessions[*s].activity_id, "person_id": p, "status": status })
        })
        .collect();
    app.send_json(
        Method::PUT,
        &format!("{COURSES}/{}/attendance", c.id),
        Some(token),
        &json!({ "marks": marks }),
    )
    .await
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.pdf");
    std::fs::write(&path, pdf).expect("write");
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("utf-8")
}

both!(
    the_catalogue_checks_modules_field_by_field,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let (_, coach) = staff(&app, Role::Coach).await;

        // The minimum attendance is 1–100 %; a missing title, hours or audience says so.
        for (percent, ok) in [(0, false), (101, false), (1, true)] {
            let mut body = module_body("Les bases", None);
            body["min_attendance_percent"] = json!(percent);
            let res = app
                .send_json(Method::POST, MODULES, Some(&coord), &body)
                .await;
            if ok {
                assert_eq!(res.status(), StatusCode::CREATED);
            } else {
                let p = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
                assert!(
                    !p.field_errors("min_attendance_percent").is_empty(),
                    "{p:?}"
                );
            }
        }
        let p = expect_problem(
            app.send_json(Method::POST, MODULES, Some(&coord), &json!({ "title": {} }))
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        for field in ["title.fr", "hours", "audience"] {
            assert!(!p.field_errors(field).is_empty(), "{field}: {p:?}");
        }
        assert_eq!(count_rows(&app, "training_modules"), 1);

        // Coaches read the catalogue but do not write it.
        let res = app
            .send_json(Method::POST, MODULES, Some(&coach), &module_body("X", None))
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let m = module(&app, &coord, "Accueillir sans préjugés", Some(12)).await;
        assert_eq!(m.min_attendance_percent, 80);
        assert_eq!(m.hours, 6.0);
        let list: Vec<Module> =
            expect_json(app.get(MODULES, Some(&coach)).await, StatusCode::OK).await;
        assert_eq!(list.len(), 2);
        let mut changed = module_body("Accueillir sans préjugés", Some(10));
        changed["hours"] = json!(4.5);
        let m: Module = expect_json(
            app.send_json(
                Method::PUT,
                &format!("{MODULES}/{}", m.id),
                Some(&coord),
                &changed,
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!((m.hours, m.max_group_size), (4.5, Some(10)));
        let res = app
            .get(&format!("{MODULES}/{}", Uuid::now_v7()), Some(&coach))
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);

both!(
    a_course_is_made_of_activities_within_its_dates,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let m = module(&app, &coord, "Les bases", Some(12)).await;
        let activities_before = count_rows(&app, "activities");

        // A session outside the course's dates: refused on its field, nothing stored.
        let mut body = course_body(m.id);
        body["sessions"][1]["starts_at"] = json!(in_days(20, "09:00"));
        body["sessions"][1]["ends_at"] = json!(in_days(20, "12:00"));
        let p = expect_problem(
            app.send_json(Method::POST, COURSES, Some(&coord), &body)
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("sessions.1.starts_at").is_empty(), "{p:?}");
        let mut body = course_body(m.id);
        body["ends_on"] = json!(in_days(5, "00:00")[..10]);
        body["sessions"] = json!([]);
        let p = expect_problem(
            app.send_json(Method::POST, COURSES, Some(&coord), &body)
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("ends_on").is_empty() && !p.field_errors("sessions").is_empty());
        assert_eq!(count_rows(&app, "training_courses"), 0);
        assert_eq!(count_rows(&app, "activities"), activities_before);

        let c = course(&app, &coord, m.id).await;
        assert_eq!(c.sessions.len(), 2);
        assert_eq!(c.hours, 6.0);
        assert_eq!(c.capacity, Some(12));
        // Each session is an ordinary training activity (agenda, feeds, attendance sheet).
        let a: Activity = expect_json(
            app.get(
                &format!("/api/v1/activities/{}", c.sessions[0].activity_id),
                Some(&coord),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(a.programme, ActivityProgramme::Training);
        assert_eq!(a.capacity, Some(12));
        let listed: Vec<Course> = expect_json(
            app.get(&format!("{COURSES}?module_id={}", m.id), Some(&coord))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].title, "Les bases");
    }
);

both!(
    registration_is_to_the_whole_course_and_the_waiting_list_moves_up,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let m = module(&app, &coord, "Les bases", Some(1)).await;
        let c = course(&app, &coord, m.id).await;
        let amina = create(
            &app,
            &coord,
            P::newcomer("Amina", 2).email("amina@example.be"),
        )
        .await;
        let luc = create(
            &app,
            &coord,
            P::local("Luc").no_email().phone("0470 12 34 56"),
        )
        .await;

        let first: Trainee = expect_json(
            register(&app, &coord, c.id, json!({ "person_id": amina.id })).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(first.status, TraineeStatus::Registered);
        assert_eq!(
            first.attendance,
            [
                Some(RegistrationStatus::Registered),
                Some(RegistrationStatus::Registered)
            ]
        );
        let second: Trainee = expect_json(
            register(&app, &coord, c.id, json!({ "person_id": luc.id })).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(second.status, TraineeStatus::Waitlisted);
        assert_eq!(second.position, Some(1));
        assert!(!second.has_email);
        // Twice: a conflict.
        let res = register(&app, &coord, c.id, json!({ "person_id": amina.id })).await;
        assert_eq!(res.status(), StatusCode::CONFLICT);

        // Withdrawing frees the seat in every session; the next person waiting gets both.
        let gone: Trainee = expect_json(
            app.send_json(
                Method::DELETE,
                &format!("{COURSES}/{}/registrations/{}", c.id, first.id),
                Some(&coord),
                &json!({}),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(gone.status, TraineeStatus::Cancelled);
        let all = trainees(&app, &coord, c.id).await;
        let luc_now = all.iter().find(|t| t.person_id == luc.id).expect("luc");
        assert_eq!(luc_now.status, TraineeStatus::Registered);
        assert_eq!(
            luc_now.attendance,
            [
                Some(RegistrationStatus::Registered),
                Some(RegistrationStatus::Registered)
            ]
        );
        let course: Course = expect_json(
            app.get(&format!("{COURSES}/{}", c.id), Some(&coord)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!((course.registered, course.waitlisted), (1, 0));

        // A coach sees only the trainees they accompany: none here.
        let (_, coach) = staff(&app, Role::Coach).await;
        assert!(trainees(&app, &coach, c.id).await.is_empty());
        let res = register(&app, &coach, c.id, json!({ "person_id": amina.id })).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
);

both!(
    attendance_completion_and_certificates,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let m = module(
            &app,
            &coord,
            "Communication interculturelle — les bases",
            None,
        )
        .await;
        let c = past_course(&app, &coord, m.id).await;
        let amina = create(&app, &coord, P::newcomer("Amina", 2).last_name("Benali")).await;
        let t: Trainee = expect_json(
            register(&app, &coord, c.id, json!({ "person_id": amina.id })).await,
            StatusCode::CREATED,
        )
        .await;

        // Half the hours: not completed, and the certificate says what is missing.
        let after: Vec<Trainee> = expect_json(
            mark(
                &app,
                &coord,
                &c,
                &[(0, amina.id, "attended"), (1, amina.id, "absent")],
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(after[0].hours_attended, 3.0);
        assert!(!after[0].completed);
        assert_eq!(after[0].hours_missing, 1.8);
        let issue = format!("{COURSES}/{}/certificates", c.id);
        let p = expect_problem(
            app.send_json(
                Method::POST,
                &issue,
                Some(&coord),
                &json!({ "person_id": amina.id }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        let msg = p.field_errors("person_id").join(" ");
        assert!(msg.contains("1.8"), "{msg}");
        assert_eq!(count_rows(&app, "training_certificates"), 0);
        // A mark for someone not in the course changes nothing.
        let other = Uuid::now_v7();
        let p = expect_problem(
            mark(
                &app,
                &coord,
                &c,
                &[(1, amina.id, "attended"), (0, other, "attended")],
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("marks.1.person_id").is_empty());
        assert_eq!(trainees(&app, &coord, c.id).await[0].hours_attended, 3.0);

        // Both sessions: completed; the certificate is issued in French.
        let after: Vec<Trainee> = expect_json(
            mark(&app, &coord, &c, &[(1, amina.id, "attended")]).await,
            StatusCode::OK,
        )
        .await;
        assert!(after[0].completed);
        let issued: Vec<CertificateSummary> = expect_json(
            app.send_json(
                Method::POST,
                &issue,
                Some(&coord),
                &json!({ "language": "fr" }),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(issued.len(), 1);
        let cert = &issued[0];
        assert_eq!(cert.code.len(), 23);
        assert_eq!(
            trainees(&app, &coord, c.id).await[0]
                .certificate
                .as_ref()
                .map(|c| c.id),
            Some(cert.id)
        );
        assert_eq!(t.person_id, amina.id);

        // The PDF: its text as pdftotext reads it.
        let res = app
            .get(
                &format!("/api/v1/trainings/certificates/{}", cert.id),
                Some(&coord),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            res.headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok()),
            Some("application/pdf")
        );
        let text = pdf_text(&res.bytes().await.expect("body"));
        for needle in [
            "Attestation de participation",
            "Amina Benali",
            "Communication interculturelle — les bases",
            "Heures suivies",
            cert.code.as_str(),
        ] {
            assert!(text.contains(needle), "{needle} in {text}");
        }
        let res = app.get(&issue, Some(&coord)).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.bytes().await.expect("body").starts_with(b"%PDF-"));

        // Anyone checks the code: the name, module, dates and hours, nothing else.
        let public = |code: &str| format!("/api/v1/public/certificates/{code}");
        let check: Value =
            expect_json(app.get(&public(&cert.code), None).await, StatusCode::OK).await;
        let keys: Vec<&str> = check
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 6, "{keys:?}");
        let check: CertificateCheck = serde_json::from_value(check).expect("check");
        assert_eq!(check.name, "Amina Benali");
        assert_eq!(check.hours, 6.0);
        // Typed loosely: lower case, spaces.
        let loose = cert.code.to_lowercase().replace('-', " ");
        let res = app.get(&public(&loose), None).await;
        assert_eq!(res.status(), StatusCode::OK);
        let p = expect_problem(
            app.get(&public("ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ"), None).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        assert_eq!(p.status, 404);

        // Revoked: the code is no longer confirmed, and the PDF is gone.
        let revoke = format!("/api/v1/trainings/certificates/{}/revoke", cert.id);
        let p = expect_problem(
            app.send_json(
                Method::POST,
                &revoke,
                Some(&coord),
                &json!({ "reason": " " }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("reason").is_empty());
        let revoked: CertificateSummary = expect_json(
            app.send_json(
                Method::POST,
                &revoke,
                Some(&coord),
                &json!({ "reason": "Erreur de nom" }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert!(revoked.revoked);
        expect_problem(
            app.get(&public(&cert.code), None).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        let res = app
            .get(
                &format!("/api/v1/trainings/certificates/{}", cert.id),
                Some(&coord),
            )
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res = app
            .send_json(
                Method::POST,
                &revoke,
                Some(&coord),
                &json!({ "reason": "x" }),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CONFLICT);
        // Coaches neither issue nor download.
        let (_, coach) = staff(&app, Role::Coach).await;
        let res = app.get(&issue, Some(&coach)).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
);

both!(
    partners_register_their_own_staff_only,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let m = module(&app, &coord, "Accueillir sans préjugés", Some(10)).await;
        let c = course(&app, &coord, m.id).await;
        let mut closed = course_body(m.id);
        closed["open_to_partners"] = json!(false);
        let closed: Course = expect_json(
            app.send_json(Method::POST, COURSES, Some(&coord), &closed)
                .await,
            StatusCode::CREATED,
        )
        .await;
        let (cpas, cpas_token) =
            partner(&app, &coord, "CPAS de Liège", &["trainings:register"]).await;
        let (_, other_token) = partner(&app, &coord, "CRIPEL", &["trainings:register"]).await;
        let (_, no_scope) = partner(&app, &coord, "École", &["events:read"]).await;
        let sophie = create(&app, &coord, P::local("Sophie").last_name("Renard")).await;
        let stranger = create(&app, &coord, P::local("Marc")).await;
        let res = app
            .send_json(
                Method::PUT,
                &format!("/api/v1/organisations/{}/contacts/{}", cpas.id, sophie.id),
                Some(&coord),
                &json!({ "role": "Assistante sociale" }),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);

        let open: Vec<Course> = expect_json(
            app.get("/api/v1/partner/trainings", Some(&cpas_token))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(open.iter().map(|c| c.id).collect::<Vec<_>>(), [c.id]);
        let path = |course: Uuid| format!("/api/v1/partner/trainings/{course}/registrations");

        // Whom it may register: its own staff, with their role, and nobody else.
        let staff: Vec<PartnerStaffMember> = expect_json(
            app.get("/api/v1/partner/trainings/staff", Some(&cpas_token))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            staff,
            [PartnerStaffMember {
                person_id: sophie.id,
                name: "Sophie Renard".into(),
                role: "Assistante sociale".into(),
            }]
        );
        let none: Vec<PartnerStaffMember> = expect_json(
            app.get("/api/v1/partner/trainings/staff", Some(&other_token))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(none.is_empty());
        let res = app
            .get("/api/v1/partner/trainings/staff", Some(&no_scope))
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);

        // Scope, token kind and course are checked.
        let res = app
            .send_json(
                Method::POST,
                &path(c.id),
                Some(&no_scope),
                &json!({ "person_id": sophie.id }),
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = app
            .send_json(
                Method::POST,
                &path(c.id),
                Some(&coord),
                &json!({ "person_id": sophie.id }),
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        let res = app.get(COURSES, Some(&cpas_token)).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        let res = app
            .send_json(
                Method::POST,
                &path(closed.id),
                Some(&cpas_token),
                &json!({ "person_id": sophie.id }),
            )
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        // Someone who is not their staff, and another organisation registering Sophie.
        for (token, who) in [(&cpas_token, stranger.id), (&other_token, sophie.id)] {
            let p = expect_problem(
                app.send_json(
                    Method::POST,
                    &path(c.id),
                    Some(token),
                    &json!({ "person_id": who }),
                )
                .await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert!(!p.field_errors("person_id").is_empty());
        }
        assert_eq!(count_rows(&app, "training_registrations"), 0);

        // Their own staff, with an idempotency key: a retry answers the same.
        let send = || {
            app.client
                .post(app.url(&path(c.id)))
                .bearer_auth(&cpas_token)
                .header("Idempotency-Key", "reg-1")
                .json(&json!({ "person_id": sophie.id }))
                .send()
        };
        let first: PartnerRegistration =
            expect_json(send().await.expect("request"), StatusCode::CREATED).await;
        let again: PartnerRegistration =
            expect_json(send().await.expect("request"), StatusCode::CREATED).await;
        assert_eq!(first.id, again.id);
        assert_eq!(first.status, TraineeStatus::Registered);
        assert_eq!(count_rows(&app, "training_registrations"), 1);
        // The team sees Sophie as partner staff of the CPAS.
        let all = trainees(&app, &coord, c.id).await;
        assert_eq!(all[0].organisation_name.as_deref(), Some("CPAS de Liège"));

        let mine: Vec<PartnerRegistration> = expect_json(
            app.get("/api/v1/partner/trainings/registrations", Some(&cpas_token))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(mine.len(), 1);
        let theirs: Vec<PartnerRegistration> = expect_json(
            app.get(
                "/api/v1/partner/trainings/registrations",
                Some(&other_token),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert!(theirs.is_empty());

        // Another organisation cannot cancel it; the CPAS can.
        let cancel = format!("{}/{}", path(c.id), first.id);
        let res = app
            .send_json(Method::DELETE, &cancel, Some(&other_token), &json!({}))
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let done: PartnerRegistration = expect_json(
            app.send_json(Method::DELETE, &cancel, Some(&cpas_token), &json!({}))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(done.status, TraineeStatus::Cancelled);
    }
);

both!(
    evaluations_through_personal_links_are_withheld_under_five_answers,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let m = module(&app, &coord, "Les bases", None).await;
        let c = course(&app, &coord, m.id).await;
        let mut people = Vec::new();
        for name in ["Amina", "Luc", "Olena", "Rania", "Marc"] {
            let p = create(&app, &coord, P::local(name)).await;
            let res = register(&app, &coord, c.id, json!({ "person_id": p.id })).await;
            assert_eq!(res.status(), StatusCode::CREATED);
            people.push(p);
        }
        let links: Vec<EvaluationLink> = expect_json(
            app.send_json(
                Method::POST,
                &format!("{COURSES}/{}/evaluations/links", c.id),
                Some(&coord),
                &json!({}),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(links.len(), 5);
        let token = |l: &EvaluationLink| l.url.rsplit('/').next().expect("token").to_owned();
        let public = |t: &str| format!("/api/v1/public/evaluations/{t}");
        let form: EvaluationForm = expect_json(
            app.get(&public(&token(&links[0])), None).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(form.objectives.len(), 2);
        assert!(!form.answered);
        let answer = |s: i32| {
            json!({
                "satisfaction": s, "useful": "Les jeux de rôle",
                "objectives": [{ "before": 2, "after": 4 }, { "before": 1, "after": 3 }],
            })
        };
        // Out of range or a rating missing: refused field by field, nothing stored.
        let p = expect_problem(
            app.send_json(
                Method::POST,
                &public(&token(&links[0])),
                None,
                &json!({ "satisfaction": 9, "objectives": [{ "before": 2, "after": 4 }] }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("satisfaction").is_empty());
        assert!(!p.field_errors("objectives").is_empty());
        for (i, l) in links.iter().take(4).enumerate() {
            let res = app
                .send_json(
                    Method::POST,
                    &public(&token(l)),
                    None,
                    &answer(2 + i as i32),
                )
                .await;
            assert_eq!(res.status(), StatusCode::NO_CONTENT);
        }
        let res = app
            .send_json(Method::POST, &public(&token(&links[0])), None, &answer(5))
            .await;
        assert_eq!(res.status(), StatusCode::CONFLICT);
        let res = app.get(&public("not-a-link"), None).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);

        // Four answers: only their number.
        let results = format!("{COURSES}/{}/evaluations", c.id);
        let r: EvaluationResults =
            expect_json(app.get(&results, Some(&coord)).await, StatusCode::OK).await;
        assert_eq!((r.answers, r.withheld), (4, true));
        assert!(r.satisfaction.is_none() && r.useful.is_empty());
        // The fifth, entered by staff from a paper form: the results show.
        let mut paper = answer(5);
        paper["person_id"] = json!(people[4].id);
        let r: EvaluationResults = expect_json(
            app.send_json(Method::POST, &results, Some(&coord), &paper)
                .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!((r.answers, r.withheld), (5, false));
        assert_eq!(r.satisfaction, Some(3.8));
        assert_eq!(r.distribution, Some(vec![0, 1, 1, 1, 2]));
        assert_eq!((r.objectives[0].before, r.objectives[0].after), (2.0, 4.0));
        let per_module: EvaluationResults = expect_json(
            app.get(&format!("{MODULES}/{}/evaluations", m.id), Some(&coord))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(per_module.answers, 5);
    }
);

both!(
    the_demo_holds_two_modules_run_with_certificates_and_evaluations,
    |app: TestApp| async move {
        interra_api::demo::load(&app.db).expect("demo");
        let coord = app.token_for(Role::Coordinator).await;
        let modules: Vec<Module> =
            expect_json(app.get(MODULES, Some(&coord)).await, StatusCode::OK).await;
        assert_eq!(modules.len(), 2);
        let courses: Vec<Course> =
            expect_json(app.get(COURSES, Some(&coord)).await, StatusCode::OK).await;
        assert_eq!(courses.len(), 2);
        for c in &courses {
            let all = trainees(&app, &coord, c.id).await;
            assert!(all.iter().any(|t| t.certificate.is_some()), "{all:?}");
            // The last trainee missed a session: no certificate below the rule.
            assert!(all.iter().any(|t| !t.completed && t.certificate.is_none()));
        }
        let partner_course = courses
            .iter()
            .find(|c| c.open_to_partners)
            .expect("partners");
        let staff = trainees(&app, &coord, partner_course.id).await;
        let orgs: std::collections::BTreeSet<_> = staff
            .iter()
            .filter_map(|t| t.organisation_name.clone())
            .collect();
        assert_eq!(orgs.len(), 2, "{orgs:?}");
        // The demo's partner staff are neither newcomers nor locals.
        for t in &staff {
            let p = crate::people_fixtures::get_person(&app, &coord, t.person_id).await;
            assert_eq!(p.category, None, "{}", p.display_name);
        }
        let basics = courses
            .iter()
            .find(|c| !c.open_to_partners)
            .expect("basics");
        let r: EvaluationResults = expect_json(
            app.get(
                &format!("{COURSES}/{}/evaluations", basics.id),
                Some(&coord),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert!(!r.withheld && r.answers == 6, "{r:?}");
    }
);

both!(
    partner_staff_take_part_with_neither_category,
    |app: TestApp| async move {
        let coord = app.token_for(Role::Coordinator).await;
        let people = "/api/v1/people";
        // The profile must be answered; `null` answers "neither".
        let mut body = json!({ "first_name": "Sophie", "email": "sophie@cpas.example.be" });
        let p = expect_problem(
            app.send_json(Method::POST, people, Some(&coord), &body)
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("profile").is_empty(), "{p:?}");
        body["profile"] = Value::Null;
        let sophie: shared::people::Person = expect_json(
            app.send_json(Method::POST, people, Some(&coord), &body)
                .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(
            (sophie.profile, sophie.category, sophie.computed_category),
            (None, None, None)
        );
        let listed: Value = expect_json(
            app.get(&format!("{people}?q=sophie"), Some(&coord)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(listed["results"][0]["category"], Value::Null, "{listed}");

        // Registered to a course as the CPAS's staff: a seat, in neither group of the mix.
        let (cpas, _) = partner(&app, &coord, "CPAS de Liège", &["trainings:register"]).await;
        let res = app
            .send_json(
                Method::PUT,
                &format!("/api/v1/organisations/{}/contacts/{}", cpas.id, sophie.id),
                Some(&coord),
                &json!({ "role": "Assistante sociale" }),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let m = module(&app, &coord, "Accueillir sans préjugés", Some(10)).await;
        let c = past_course(&app, &coord, m.id).await;
        let amina = create(&app, &coord, P::newcomer("Amina", 1)).await;
        for body in [
            json!({ "person_id": sophie.id, "organisation_id": cpas.id }),
            json!({ "person_id": amina.id }),
        ] {
            let res = register(&app, &coord, c.id, body).await;
            assert_eq!(res.status(), StatusCode::CREATED);
        }
        let session = format!("/api/v1/activities/{}", c.sessions[0].activity_id);
        let a: Activity = expect_json(app.get(&session, Some(&coord)).await, StatusCode::OK).await;
        assert_eq!(
            (a.counts.registered, a.counts.newcomers, a.counts.locals),
            (2, 1, 0)
        );
        let regs: Value = expect_json(
            app.get(&format!("{session}/registrations"), Some(&coord))
                .await,
            StatusCode::OK,
        )
        .await;
        let category_of = |id: Uuid| {
            regs.as_array()
                .and_then(|l| l.iter().find(|r| r["person_id"] == json!(id)))
                .map(|r| r["category"].clone())
        };
        assert_eq!(category_of(sophie.id), Some(Value::Null), "{regs}");
        assert_eq!(category_of(amina.id), Some(json!("newcomer")), "{regs}");
        let res = mark(
            &app,
            &coord,
            &c,
            &[(0, sophie.id, "attended"), (0, amina.id, "attended")],
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());

        // Duo2Change pairs a newcomer with a local: she cannot apply, and is told why.
        let p = expect_problem(
            app.send_json(
                Method::POST,
                "/api/v1/duo/candidates",
                Some(&coord),
                &crate::duo_fixtures::candidacy_input(sophie.id, "liege"),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("person_id").is_empty(), "{p:?}");

        // The reports count her under "no category", so every category breakdown adds up.
        let from = &in_days(-30, "00:00")[..10];
        let to = &in_days(0, "00:00")[..10];
        let r: shared::reports::ReportSummary = expect_json(
            app.get(
                &format!("/api/v1/reports/summary?from={from}&to={to}"),
                Some(&coord),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let keys: Vec<(String, Vec<String>)> = r
            .sections
            .iter()
            .flat_map(|s| &s.tables)
            .filter(|t| t.key.ends_with("_by_category"))
            .map(|t| {
                (
                    t.key.clone(),
                    t.rows.iter().map(|c| c.key.clone()).collect(),
                )
            })
            .collect();
        assert!(!keys.is_empty());
        for (key, cells) in keys {
            assert_eq!(cells, ["newcomer", "local", "no_category"], "{key}");
        }
    }
);
