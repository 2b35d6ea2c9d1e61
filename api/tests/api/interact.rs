//! InterAct hosts (issue 16): a visitor's proposal through the coordinators' pipeline to a
//! running series, the host's autonomy ladder and page, the report figures, and who may see and
//! change what.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use shared::activities::{ActivityKind, ActivityProgramme, ActivityStatus};
use shared::auth::Role;
use shared::interact::{
    AutonomyLevel, InteractSummary, Passion, ProposalDetail, ProposalNote, ProposalSource,
    ProposalStatus, ProposalUpdate,
};
use shared::people::{MembershipStatus, PersonStatus, Programme, ProgrammeRole, TagKind};
use shared::signup::SignupReceipt;
use shared::ErrorCode;

use crate::activity_fixtures::{register, set_status};
use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::interact_fixtures::*;
use crate::people_fixtures::{
    actions, count_rows, create, get_person, staff, tag_id, PersonBuilder as P,
};

both!(
    a_visitors_proposal_becomes_a_running_series_and_the_hosts_page_shows_it,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let (coordinator_id, token) = staff(&app, Role::Coordinator).await;
        let passions: Vec<Passion> = expect_json(
            app.bare
                .get(app.url(PASSIONS))
                .send()
                .await
                .expect("request"),
            StatusCode::OK,
        )
        .await;
        let pizza = passions
            .iter()
            .find(|p| p.slug == "pizza")
            .expect("the vocabulary offers pizza");
        assert_eq!(pizza.label_ar, "البيتزا");

        let req = shared::interact::PublicProposalRequest {
            passions: vec![pizza.id],
            ..public_request("Samir", "samir.pizza@example.be", "Pizza napolitaine")
        };
        let receipt: SignupReceipt =
            expect_json(post_public(&app, &req).await, StatusCode::ACCEPTED).await;
        assert!(receipt.message.starts_with("Merci"), "{}", receipt.message);
        assert!(!serde_json::to_string(&receipt)
            .expect("json")
            .contains("Samir"));

        // On the board, at the start of the pipeline.
        let page = board(&app, &token, "status=new").await;
        assert_eq!(page.count, 1);
        let p = &page.results[0];
        assert_eq!(p.display_name, "Samir Hôte");
        assert_eq!(p.title, "Pizza napolitaine");
        assert_eq!(p.source, ProposalSource::PublicForm);
        assert_eq!(p.status, ProposalStatus::New);
        assert_eq!(p.autonomy, AutonomyLevel::CoOrganised);
        assert_eq!(p.passions, [pizza.id]);
        assert_eq!(p.languages, ["fr", "it"]);
        assert_eq!(p.availability.len(), 1);
        assert_eq!(p.needs.as_deref(), Some("Un four et une grande table"));
        assert!(p.wants_cohost);
        assert!(p.workshops.is_empty());
        // The host is a person to review, applied to InterAct as a host, with the passion.
        let person = get_person(&app, &token, p.person_id).await;
        assert_eq!(person.status, PersonStatus::ToReview);
        assert!(person
            .memberships
            .iter()
            .any(|m| m.programme == Programme::Interact
                && m.role == ProgrammeRole::WorkshopHost
                && m.status == MembershipStatus::Applied));
        assert!(person
            .tags
            .iter()
            .any(|t| t.tag_id == pizza.id && t.kind == TagKind::Passion));
        assert_eq!(person.consents.len(), 1);
        let id = p.id;
        let host = p.person_id;

        // A local co-host, the coordinator in charge and a next step.
        let lotte = create(&app, &token, P::local("Lotte")).await;
        let mut update = ProposalUpdate::from(p);
        update.cohost_id = Some(lotte.id);
        update.coordinator_id = Some(coordinator_id);
        update.next_step = Some("Visiter la cuisine de la maison de quartier".into());
        update.next_step_on = Some((chrono::Utc::now() + chrono::Duration::days(3)).date_naive());
        let d: ProposalDetail = expect_json(
            send(
                &app,
                Method::PUT,
                &format!("{PROPOSALS}/{id}"),
                &token,
                &update,
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(d.proposal.cohost_name.as_deref(), Some("Lotte"));
        assert!(d.proposal.coordinator_name.is_some());
        assert_eq!(
            board(&app, &token, &format!("coordinator={coordinator_id}"))
                .await
                .count,
            1
        );

        // Talked (with a note), planned, then the series from the proposal.
        let res = post_status(
            &app,
            &token,
            id,
            ProposalStatus::Talked,
            Some("Appel : très motivé"),
        )
        .await;
        let d: ProposalDetail = expect_json(res, StatusCode::OK).await;
        assert_eq!(d.proposal.status, ProposalStatus::Talked);
        assert_eq!(d.notes.len(), 1);
        assert_eq!(d.notes[0].body, "Appel : très motivé");
        move_to(&app, &token, id, ProposalStatus::Planned).await;
        let created = create_series(&app, &token, id).await;
        assert_eq!(created.sessions.len(), 5);
        for s in &created.sessions {
            assert_eq!(s.series_id, Some(created.series_id));
            assert_eq!(s.status, ActivityStatus::Draft);
            assert_eq!(s.programme, ActivityProgramme::Interact);
            assert_eq!(s.kind, ActivityKind::WorkshopSession);
            assert_eq!(
                s.title.get("fr").map(String::as_str),
                Some("Pizza napolitaine")
            );
            assert_eq!(s.tags, [pizza.id]);
            assert_eq!(s.languages, ["fr", "it"]);
            assert_eq!(s.capacity, Some(12));
            assert_eq!(s.staff, [coordinator_id]);
            let hosts: Vec<_> = s
                .hosts
                .iter()
                .map(|h| (h.person_id, h.public_name.clone()))
                .collect();
            assert_eq!(hosts, [(host, Some("Samir".to_owned())), (lotte.id, None)]);
        }
        let linked = &created.proposal.proposal.workshops;
        assert_eq!(linked.len(), 1);
        assert_eq!(linked[0].series_id, Some(created.series_id));
        assert_eq!(linked[0].sessions, 5);
        assert_eq!(linked[0].status, Some(ActivityStatus::Draft));

        // Running, then the host carries more of it.
        move_to(&app, &token, id, ProposalStatus::Running).await;
        let d: ProposalDetail = expect_json(
            post_autonomy(
                &app,
                &token,
                id,
                AutonomyLevel::Supported,
                Some("Samir anime seul, on apporte le matériel"),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(d.proposal.autonomy, AutonomyLevel::Supported);
        let levels: Vec<AutonomyLevel> = d.autonomy_history.iter().map(|h| h.level).collect();
        assert_eq!(
            levels,
            [AutonomyLevel::CoOrganised, AutonomyLevel::Supported]
        );
        assert!(d.autonomy_history[1].changed_by_name.is_some());

        // Two people register for the first session: the host's page counts them.
        let first = created.sessions[0].id;
        let mut published = created.sessions[0].clone();
        published.status = ActivityStatus::Published;
        let newcomer = create(&app, &token, P::newcomer("Yara", 1)).await;
        let local = create(&app, &token, P::local("Jef")).await;
        let body = json!({
            "title": published.title, "description": published.description,
            "programme": "interact", "kind": "workshop_session",
            "starts_at": published.starts_at_local, "ends_at": published.ends_at_local,
            "capacity": 12, "languages": ["fr", "it"], "visibility": "public", "status": "published",
            "hosts": [{ "person_id": host, "public_name": "Samir" }],
        });
        let res = send(
            &app,
            Method::PUT,
            &format!("/api/v1/activities/{first}"),
            &token,
            &body,
        )
        .await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "{}",
            res.text().await.unwrap_or_default()
        );
        register(&app, &token, first, newcomer.id).await;
        register(&app, &token, first, local.id).await;

        let page = host_page(&app, &token, host).await;
        assert_eq!(page.display_name, "Samir Hôte");
        assert_eq!(page.proposals.len(), 1);
        assert_eq!(page.workshops.len(), 1);
        let w = &page.workshops[0];
        assert_eq!(w.title, "Pizza napolitaine");
        assert_eq!(w.proposal_id, Some(id));
        assert_eq!(w.autonomy, Some(AutonomyLevel::Supported));
        assert_eq!(w.sessions.len(), 5);
        assert_eq!((w.sessions[0].newcomers, w.sessions[0].locals), (1, 1));
        assert_eq!(page.totals.sessions, 5);
        assert_eq!(page.totals.participants, 2);
        assert_eq!(page.timeline.iter().map(|m| m.participants).sum::<u32>(), 2);
        assert_eq!(page.autonomy_history.len(), 2);
        // The co-host's page shows the workshop they co-host.
        let theirs = host_page(&app, &token, lotte.id).await;
        assert_eq!(theirs.workshops.len(), 1);
        assert!(theirs.proposals.is_empty());

        // The report figures.
        let s: InteractSummary =
            expect_json(app.get(SUMMARY, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(s.proposals_received, 1);
        assert_eq!(s.turned_into_workshops, 1);
        assert_eq!((s.hosts_newcomers, s.hosts_locals), (1, 0));
        let running = s
            .by_status
            .iter()
            .find(|c| c.status == ProposalStatus::Running);
        assert_eq!(running.map(|c| c.count), Some(1));
        let supported = s
            .hosts_by_autonomy
            .iter()
            .find(|c| c.level == AutonomyLevel::Supported);
        assert_eq!(supported.map(|c| c.count), Some(1));

        // Every step is audited on the proposal, never with what was written.
        let entries: shared::Page<shared::audit::AuditEntry> = expect_json(
            app.get(
                &format!("/api/v1/audit?entity_type=interact_proposal&entity_id={id}&page_size=50"),
                Some(&admin),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let mut acts = actions(&entries.results);
        acts.sort();
        assert_eq!(
            acts,
            [
                "interact.autonomy_changed",
                "interact.proposal_updated",
                "interact.proposed",
                "interact.status_changed",
                "interact.status_changed",
                "interact.status_changed",
                "interact.workshop_created",
            ]
        );
        let text = serde_json::to_string(&entries.results).expect("json");
        assert!(!text.contains("Pizza") && !text.contains("Samir") && !text.contains("motivé"));
    }
);

both!(
    the_public_form_is_checked_field_by_field_stores_nothing_and_ignores_robots,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let people_before = count_rows(&app, "people");
        let bad = shared::interact::PublicProposalRequest {
            title: "  ".into(),
            description: "x".repeat(2001),
            passions: vec![uuid::Uuid::new_v4()],
            languages: vec!["fr".into(), "français".into()],
            availability_note: Some("x".repeat(501)),
            needs: Some("x".repeat(1001)),
            consent: false,
            notice_version: "1999-01".into(),
            email: None,
            profile: None,
            ..public_request("Samir", "samir@example.be", "Pizza")
        };
        let p = expect_problem(
            post_public(&app, &bad).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        for field in [
            "title",
            "description",
            "passions",
            "languages[1]",
            "availability_note",
            "needs",
            "consent",
            "notice_version",
            "email",
            "profile",
        ] {
            assert_eq!(p.field_errors(field).len(), 1, "{field}: {p:?}");
        }
        // Too many passions and languages.
        let tags: Vec<Passion> = expect_json(
            app.bare
                .get(app.url(PASSIONS))
                .send()
                .await
                .expect("request"),
            StatusCode::OK,
        )
        .await;
        let many = shared::interact::PublicProposalRequest {
            passions: tags.iter().take(11).map(|t| t.id).collect(),
            languages: [
                "fr", "nl", "en", "ar", "tr", "ru", "uk", "es", "it", "de", "pl",
            ]
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
            ..public_request("Samir", "samir@example.be", "Pizza")
        };
        let p = expect_problem(
            post_public(&app, &many).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("passions").len(), 1, "{p:?}");
        assert_eq!(p.field_errors("languages").len(), 1, "{p:?}");
        // An unknown field is refused too.
        let mut extra = serde_json::to_value(public_request("Samir", "samir@example.be", "Pizza"))
            .expect("json");
        extra["budget"] = json!(100);
        assert_eq!(
            post_public(&app, &extra).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(count_rows(&app, "interact_proposals"), 0);
        assert_eq!(count_rows(&app, "people"), people_before);

        // A robot fills the hidden field: answered as usual, nothing kept.
        let robot = shared::interact::PublicProposalRequest {
            website: Some("http://spam.example".into()),
            ..public_request("Bot", "bot@example.be", "Spam")
        };
        assert_eq!(
            post_public(&app, &robot).await.status(),
            StatusCode::ACCEPTED
        );
        // A robot's bad input is refused like anyone's (the fuzzing gate found it answered 202).
        let robot_bad = shared::interact::PublicProposalRequest {
            website: Some("http://spam.example".into()),
            availability_note: Some("x".repeat(2000)),
            ..public_request("Bot", "bot@example.be", "Spam")
        };
        assert_eq!(
            post_public(&app, &robot_bad).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(count_rows(&app, "interact_proposals"), 0);
        assert_eq!(count_rows(&app, "people"), people_before);
        assert_eq!(board(&app, &token, "").await.count, 0);
    }
);

both!(
    the_public_form_shares_the_sign_up_throttle,
    with |s: &mut interra_api::config::Settings| s.signups_per_ip = interra_api::config::RateLimit { max: 2, window: std::time::Duration::from_secs(3600) },
    |app: TestApp| async move {
        for i in 0..2 {
            let req = public_request("Samir", &format!("samir{i}@example.be"), "Pizza");
            assert_eq!(post_public(&app, &req).await.status(), StatusCode::ACCEPTED);
        }
        let req = public_request("Samir", "samir9@example.be", "Pizza");
        let res = post_public(&app, &req).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(res.headers().contains_key("retry-after"));
        assert_eq!(count_rows(&app, "interact_proposals"), 2);
    }
);

both!(
    staff_entry_and_changes_are_checked_field_by_field_and_store_nothing,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let amina = create(&app, &token, P::newcomer("Amina", 2)).await;
        let yusuf = create(&app, &token, P::newcomer("Yusuf", 1)).await;
        let (coach, _) = staff(&app, Role::Coach).await;
        let pizza = tag_id(&app, &token, "pizza").await;

        // An unknown host is named with the other errors.
        let mut input = staff_input(uuid::Uuid::new_v4(), " ");
        input.description = String::new();
        let p = expect_problem(
            send(&app, Method::POST, PROPOSALS, &token, &input).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        for field in ["person_id", "title", "description"] {
            assert_eq!(p.field_errors(field).len(), 1, "{field}: {p:?}");
        }
        let bad = shared::interact::ProposalInput {
            passions: vec![pizza, uuid::Uuid::new_v4()],
            languages: vec!["12".into()],
            availability_note: Some("x".repeat(501)),
            needs: Some("x".repeat(1001)),
            next_step: Some("x".repeat(501)),
            // Two newcomers do not make a pair.
            cohost_id: Some(yusuf.id),
            coordinator_id: Some(uuid::Uuid::new_v4()),
            ..staff_input(amina.id, &"x".repeat(121))
        };
        let p = expect_problem(
            send(&app, Method::POST, PROPOSALS, &token, &bad).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        for field in [
            "title",
            "passions",
            "languages[0]",
            "availability_note",
            "needs",
            "next_step",
            "cohost_id",
            "coordinator_id",
        ] {
            assert_eq!(p.field_errors(field).len(), 1, "{field}: {p:?}");
        }
        assert!(
            p.field_errors("cohost_id")[0].contains("newcomer with a local")
                || p.field_errors("cohost_id")[0].contains("nouvelle venue"),
            "{p:?}"
        );
        // The host as their own co-host.
        let itself = shared::interact::ProposalInput {
            cohost_id: Some(amina.id),
            ..staff_input(amina.id, "Couture")
        };
        let p = expect_problem(
            send(&app, Method::POST, PROPOSALS, &token, &itself).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("cohost_id").len(), 1);
        assert_eq!(count_rows(&app, "interact_proposals"), 0);
        assert_eq!(count_rows(&app, "interact_autonomy"), 0);

        // A valid one, then bad changes leave it as it was.
        let d = create_proposal(
            &app,
            &token,
            &shared::interact::ProposalInput {
                passions: vec![pizza],
                coordinator_id: Some(coach),
                ..staff_input(amina.id, "Couture")
            },
        )
        .await;
        assert_eq!(d.proposal.source, ProposalSource::Staff);
        assert_eq!(d.proposal.coordinator_id, Some(coach));
        let id = d.proposal.id;
        let mut change = ProposalUpdate::from(&d.proposal);
        change.title = String::new();
        change.languages = vec!["f".into()];
        change.cohost_id = Some(uuid::Uuid::new_v4());
        let p = expect_problem(
            send(
                &app,
                Method::PUT,
                &format!("{PROPOSALS}/{id}"),
                &token,
                &change,
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        for field in ["title", "languages[0]", "cohost_id"] {
            assert_eq!(p.field_errors(field).len(), 1, "{field}: {p:?}");
        }
        assert_eq!(get_proposal(&app, &token, id).await.proposal, d.proposal);
        // Unknown proposals are not found.
        let res = send(
            &app,
            Method::PUT,
            &format!("{PROPOSALS}/{}", uuid::Uuid::new_v4()),
            &token,
            &ProposalUpdate::from(&d.proposal),
        )
        .await;
        expect_problem(res, StatusCode::NOT_FOUND).await;

        // Notes: a body, not dated in the future.
        let notes = format!("{PROPOSALS}/{id}/notes");
        for (body, field) in [
            (json!({ "body": "   " }), "body"),
            (json!({ "body": "x".repeat(2001) }), "body"),
            (
                json!({ "body": "Vu", "noted_on": "2199-01-01" }),
                "noted_on",
            ),
        ] {
            let p = expect_problem(
                send(&app, Method::POST, &notes, &token, &body).await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert_eq!(p.field_errors(field).len(), 1, "{body}: {p:?}");
        }
        assert_eq!(count_rows(&app, "interact_notes"), 0);
        let n: ProposalNote = expect_json(
            send(
                &app,
                Method::POST,
                &notes,
                &token,
                &json!({ "body": "Rencontrée au marché", "noted_on": "2026-11-30" }),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(n.noted_on.to_string(), "2026-11-30");
        assert!(n.author_name.is_some());
        let listed: Vec<ProposalNote> =
            expect_json(app.get(&notes, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(listed, [n]);

        // A status note too long, an autonomy note too long, a date in the future.
        let res = post_status(
            &app,
            &token,
            id,
            ProposalStatus::Talked,
            Some(&"x".repeat(2001)),
        )
        .await;
        let p = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(p.field_errors("note").len(), 1);
        let res = send(
            &app,
            Method::POST,
            &format!("{PROPOSALS}/{id}/autonomy"),
            &token,
            &json!({ "level": "supported", "changed_on": "2199-01-01", "note": "x".repeat(1001) }),
        )
        .await;
        let p = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(p.field_errors("changed_on").len(), 1);
        assert_eq!(p.field_errors("note").len(), 1);
        assert_eq!(
            get_proposal(&app, &token, id).await.proposal.status,
            ProposalStatus::New
        );

        // The series: a public name too long, an end before the start.
        move_to(&app, &token, id, ProposalStatus::Talked).await;
        move_to(&app, &token, id, ProposalStatus::Planned).await;
        let mut w = weekly();
        w.public_name = Some("x".repeat(101));
        let p = expect_problem(
            post_series(&app, &token, id, &w).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("public_name").len(), 1);
        let mut w = weekly();
        w.ends_at = w.starts_at.replace("14:00", "13:00");
        w.capacity = Some(0);
        let p = expect_problem(
            post_series(&app, &token, id, &w).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("ends_at").len(), 1, "{p:?}");
        assert_eq!(p.field_errors("capacity").len(), 1, "{p:?}");
        assert_eq!(count_rows(&app, "activities"), 0);
        assert_eq!(count_rows(&app, "interact_workshops"), 0);
    }
);

both!(
    the_pipeline_refuses_steps_out_of_order,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let amina = create(&app, &token, P::newcomer("Amina", 2)).await;
        let id = create_proposal(&app, &token, &staff_input(amina.id, "Couture"))
            .await
            .proposal
            .id;
        let conflict = |res: reqwest::Response, field: &'static str| async move {
            let p = expect_problem(res, StatusCode::CONFLICT).await;
            assert_eq!(p.code, ErrorCode::Conflict);
            assert_eq!(p.field_errors(field).len(), 1, "{p:?}");
        };
        // No skipping ahead; no series, no level before the plan.
        conflict(
            post_status(&app, &token, id, ProposalStatus::Planned, None).await,
            "status",
        )
        .await;
        conflict(
            post_status(&app, &token, id, ProposalStatus::Running, None).await,
            "status",
        )
        .await;
        conflict(post_series(&app, &token, id, &weekly()).await, "status").await;
        conflict(
            post_autonomy(&app, &token, id, AutonomyLevel::Supported, None).await,
            "level",
        )
        .await;
        move_to(&app, &token, id, ProposalStatus::Talked).await;
        conflict(post_series(&app, &token, id, &weekly()).await, "status").await;
        move_to(&app, &token, id, ProposalStatus::Planned).await;
        // Running needs the workshop.
        conflict(
            post_status(&app, &token, id, ProposalStatus::Running, None).await,
            "status",
        )
        .await;
        // The same level again is no change.
        conflict(
            post_autonomy(&app, &token, id, AutonomyLevel::CoOrganised, None).await,
            "level",
        )
        .await;
        create_series(&app, &token, id).await;
        move_to(&app, &token, id, ProposalStatus::Running).await;
        move_to(&app, &token, id, ProposalStatus::Paused).await;
        move_to(&app, &token, id, ProposalStatus::Running).await;
        let ended = move_to(&app, &token, id, ProposalStatus::Ended).await;
        assert_eq!(ended.proposal.status, ProposalStatus::Ended);
        // Ended is final.
        for to in [
            ProposalStatus::Running,
            ProposalStatus::New,
            ProposalStatus::Talked,
        ] {
            conflict(post_status(&app, &token, id, to, None).await, "status").await;
        }
        conflict(post_series(&app, &token, id, &weekly()).await, "status").await;
        conflict(
            post_autonomy(&app, &token, id, AutonomyLevel::Autonomous, None).await,
            "level",
        )
        .await;
        assert_eq!(count_rows(&app, "interact_workshops"), 1);
        // An unknown status is refused by its type.
        let res = send(
            &app,
            Method::POST,
            &format!("{PROPOSALS}/{id}/status"),
            &token,
            &json!({ "status": "done" }),
        )
        .await;
        expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
);

both!(
    the_board_filters_by_status_passion_language_and_coordinator,
    |app: TestApp| async move {
        let (coordinator, token) = staff(&app, Role::Coordinator).await;
        let pizza = tag_id(&app, &token, "pizza").await;
        let football = tag_id(&app, &token, "football").await;
        let amina = create(&app, &token, P::newcomer("Amina", 2)).await;
        let jef = create(&app, &token, P::local("Jef")).await;
        create_proposal(
            &app,
            &token,
            &shared::interact::ProposalInput {
                passions: vec![pizza],
                languages: vec!["ar".into(), "fr".into()],
                coordinator_id: Some(coordinator),
                ..staff_input(amina.id, "Pizza")
            },
        )
        .await;
        let foot = create_proposal(
            &app,
            &token,
            &shared::interact::ProposalInput {
                passions: vec![football],
                languages: vec!["nl".into()],
                ..staff_input(jef.id, "Mini-foot")
            },
        )
        .await;
        move_to(&app, &token, foot.proposal.id, ProposalStatus::Talked).await;
        let titles = |q: &'static str| {
            let app = &app;
            let token = token.clone();
            async move {
                let mut t: Vec<String> = board(app, &token, q)
                    .await
                    .results
                    .into_iter()
                    .map(|p| p.title)
                    .collect();
                t.sort();
                t
            }
        };
        assert_eq!(titles("").await, ["Mini-foot", "Pizza"]);
        assert_eq!(
            board(&app, &token, &format!("passion={pizza}"))
                .await
                .results[0]
                .title,
            "Pizza"
        );
        assert_eq!(titles("language=ar").await, ["Pizza"]);
        assert_eq!(titles("language=NL").await, ["Mini-foot"]);
        assert_eq!(titles("language=it").await, Vec::<String>::new());
        assert_eq!(titles("status=talked").await, ["Mini-foot"]);
        assert_eq!(
            board(&app, &token, &format!("coordinator={coordinator}"))
                .await
                .results[0]
                .title,
            "Pizza"
        );
        assert_eq!(
            board(&app, &token, &format!("person_id={}", jef.id))
                .await
                .results[0]
                .title,
            "Mini-foot"
        );
        for q in [
            "language=fr1",
            "status=done",
            "passion=pizza",
            "coordinator=x",
        ] {
            let res = app.get(&format!("{PROPOSALS}?{q}"), Some(&token)).await;
            expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
        // A tag merged into another: the proposal carries the one kept.
        let res = send(
            &app,
            Method::POST,
            &format!("/api/v1/tags/{football}/merge"),
            &token,
            &json!({ "into": pizza }),
        )
        .await;
        assert!(
            res.status().is_success(),
            "{}",
            res.text().await.unwrap_or_default()
        );
        assert_eq!(
            titles_with(&app, &token, &format!("passion={pizza}")).await,
            ["Mini-foot", "Pizza"]
        );
    }
);

async fn titles_with(app: &TestApp, token: &str, q: &str) -> Vec<String> {
    let mut t: Vec<String> = board(app, token, q)
        .await
        .results
        .into_iter()
        .map(|p| p.title)
        .collect();
    t.sort();
    t
}

both!(
    coaches_see_the_proposals_of_the_people_they_accompany_and_change_nothing,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let (coach_id, coach) = staff(&app, Role::Coach).await;
        let amina = create(&app, &token, P::newcomer("Amina", 2)).await;
        let jef = create(&app, &token, P::local("Jef")).await;
        let res = send(
            &app,
            Method::POST,
            &format!("/api/v1/people/{}/coaches", amina.id),
            &token,
            &json!({ "user_id": coach_id }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let mine = running(&app, &token, amina.id, "Couture").await.proposal.id;
        let theirs = create_proposal(&app, &token, &staff_input(jef.id, "Mini-foot"))
            .await
            .proposal
            .id;

        let seen = board(&app, &coach, "").await;
        assert_eq!(seen.count, 1);
        assert_eq!(seen.results[0].id, mine);
        assert_eq!(
            get_proposal(&app, &coach, mine).await.proposal.title,
            "Couture"
        );
        assert_eq!(host_page(&app, &coach, amina.id).await.workshops.len(), 1);
        for path in [
            format!("{PROPOSALS}/{theirs}"),
            format!("{PROPOSALS}/{theirs}/notes"),
            format!("{HOSTS}/{}", jef.id),
        ] {
            expect_problem(app.get(&path, Some(&coach)).await, StatusCode::NOT_FOUND).await;
        }
        // Coaches read; coordinators and admins write.
        let writes = [
            send(
                &app,
                Method::POST,
                PROPOSALS,
                &coach,
                &staff_input(amina.id, "Autre"),
            )
            .await,
            send(
                &app,
                Method::PUT,
                &format!("{PROPOSALS}/{mine}"),
                &coach,
                &ProposalUpdate {
                    title: "X".into(),
                    description: "Y".into(),
                    ..Default::default()
                },
            )
            .await,
            send(
                &app,
                Method::POST,
                &format!("{PROPOSALS}/{mine}/notes"),
                &coach,
                &json!({ "body": "Vu" }),
            )
            .await,
            post_status(&app, &coach, mine, ProposalStatus::Paused, None).await,
            post_autonomy(&app, &coach, mine, AutonomyLevel::Supported, None).await,
            post_series(&app, &coach, mine, &weekly()).await,
            app.get(SUMMARY, Some(&coach)).await,
        ];
        for res in writes {
            expect_problem(res, StatusCode::FORBIDDEN).await;
        }
        // Anonymous: 401.
        for path in [
            PROPOSALS.to_owned(),
            format!("{PROPOSALS}/{mine}"),
            format!("{HOSTS}/{}", amina.id),
            SUMMARY.to_owned(),
        ] {
            expect_problem(app.get(&path, None).await, StatusCode::UNAUTHORIZED).await;
        }
        assert_eq!(count_rows(&app, "interact_notes"), 0);
        assert_eq!(
            get_proposal(&app, &token, mine).await.proposal.status,
            ProposalStatus::Running
        );
    }
);

both!(
    the_signups_workshop_idea_becomes_a_proposal,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let mut req =
            crate::people_fixtures::signup_request("Rania", Some("rania@example.be"), None);
        req.workshop_idea =
            Some("Cuisine syrienne\nLe kebbé et le taboulé de ma grand-mère".into());
        req.message = Some("Disponible le samedi".into());
        let res = crate::people_fixtures::post_signup(&app, &req).await;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
        let page = board(&app, &token, "").await;
        assert_eq!(page.count, 1);
        let p = &page.results[0];
        assert_eq!(p.source, ProposalSource::Signup);
        assert_eq!(p.title, "Cuisine syrienne");
        assert!(p.description.contains("kebbé"));
        assert_eq!(p.status, ProposalStatus::New);
        let person = get_person(&app, &token, p.person_id).await;
        assert_eq!(person.presentation.as_deref(), Some("Disponible le samedi"));
        // Without an idea, no proposal.
        let mut req = crate::people_fixtures::signup_request("Jef", Some("jef@example.be"), None);
        req.workshop_idea = None;
        assert_eq!(
            crate::people_fixtures::post_signup(&app, &req)
                .await
                .status(),
            StatusCode::ACCEPTED
        );
        assert_eq!(board(&app, &token, "").await.count, 1);
    }
);

both!(
    the_summary_counts_a_period_and_checks_its_dates,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let amina = create(&app, &token, P::newcomer("Amina", 2)).await;
        let jef = create(&app, &token, P::local("Jef")).await;
        let a = running(&app, &token, amina.id, "Couture").await.proposal.id;
        running(&app, &token, amina.id, "Broderie").await;
        let j = running(&app, &token, jef.id, "Vélo").await.proposal.id;
        create_proposal(&app, &token, &staff_input(jef.id, "Jardin")).await;
        let ok = |res: reqwest::Response| async move {
            assert_eq!(
                res.status(),
                StatusCode::OK,
                "{}",
                res.text().await.unwrap_or_default()
            )
        };
        ok(post_autonomy(&app, &token, a, AutonomyLevel::Autonomous, None).await).await;
        ok(post_autonomy(&app, &token, j, AutonomyLevel::Supported, None).await).await;
        let s: InteractSummary =
            expect_json(app.get(SUMMARY, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(s.proposals_received, 4);
        assert_eq!(s.turned_into_workshops, 3);
        assert_eq!((s.hosts_newcomers, s.hosts_locals), (1, 1));
        let level = |l: AutonomyLevel| {
            s.hosts_by_autonomy
                .iter()
                .find(|c| c.level == l)
                .map(|c| c.count)
        };
        // Amina once, at her highest level.
        assert_eq!(level(AutonomyLevel::Autonomous), Some(1));
        assert_eq!(level(AutonomyLevel::Supported), Some(1));
        assert_eq!(level(AutonomyLevel::CoOrganised), Some(0));
        let today = chrono::Utc::now().date_naive();

        // The same figures reach the programme's reports (and their CSV and XLSX); the two
        // hosts are too few people to publish.
        let report: shared::reports::ReportSummary = expect_json(
            app.get(
                &format!(
                    "/api/v1/reports/summary?from={}&to={}",
                    today - chrono::Duration::days(1),
                    today + chrono::Duration::days(1)
                ),
                Some(&token),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let figure = |key: &str| {
            report
                .sections
                .iter()
                .filter(|s| s.group == shared::reports::ReportGroup::Interact)
                .flat_map(|s| &s.tables)
                .find(|t| t.key == key)
                .and_then(|t| t.total.clone())
                .unwrap_or_else(|| panic!("no {key} in the InterAct report"))
        };
        assert_eq!(figure("proposals_received").value, Some(4.0));
        assert_eq!(figure("proposals_turned_into_workshops").value, Some(3.0));
        let hosts = figure("interact_hosts_by_category");
        assert!(hosts.suppressed && hosts.value.is_none(), "{hosts:?}");
        let empty: InteractSummary = expect_json(
            app.get(
                &format!("{SUMMARY}?to={}", today - chrono::Duration::days(2)),
                Some(&token),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(empty.proposals_received, 0);
        let res = app
            .get(
                &format!(
                    "{SUMMARY}?from={today}&to={}",
                    today - chrono::Duration::days(1)
                ),
                Some(&token),
            )
            .await;
        let p = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(p.field_errors("to").len(), 1);
        let res = app
            .get(&format!("{SUMMARY}?from=yesterday"), Some(&token))
            .await;
        expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
);

both!(
    a_hosts_page_counts_attendance_over_past_sessions,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let amina = create(&app, &token, P::newcomer("Amina", 2)).await;
        // An activity she hosts, started an hour ago, with two present and one absent.
        let mut input = crate::activity_fixtures::activity(
            "Atelier couture",
            &crate::activity_fixtures::in_days(0, "00:01"),
            &crate::activity_fixtures::in_days(0, "23:58"),
        );
        input.hosts = vec![shared::activities::ActivityHostInput {
            person_id: amina.id,
            public_name: None,
        }];
        let a = crate::activity_fixtures::create_activity(&app, &token, &input).await;
        let mut people = vec![];
        for (name, newcomer) in [("Yara", true), ("Jef", false), ("Lotte", false)] {
            people
                .push(crate::activity_fixtures::create_person(&app, &token, name, newcomer).await);
        }
        for p in &people {
            register(&app, &token, a.id, *p).await;
        }
        let regs = crate::activity_fixtures::registrations(&app, &token, a.id).await;
        for (i, r) in regs.iter().enumerate() {
            let status = if i == 2 {
                shared::activities::RegistrationStatus::Absent
            } else {
                shared::activities::RegistrationStatus::Attended
            };
            set_status(&app, &token, a.id, r.id, status).await;
        }
        let page = host_page(&app, &token, amina.id).await;
        assert_eq!(page.workshops.len(), 1);
        assert_eq!(page.workshops[0].proposal_id, None);
        assert_eq!(page.workshops[0].title, "Atelier couture");
        assert_eq!(page.totals.attended, 2);
        assert_eq!(page.totals.absent, 1);
        assert_eq!(page.totals.attendance_percent, Some(67));
        assert_eq!((page.totals.newcomers, page.totals.locals), (1, 1));
        assert_eq!(page.timeline.len(), 1);
        expect_problem(
            app.get(&format!("{HOSTS}/{}", uuid::Uuid::new_v4()), Some(&token))
                .await,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
);

both!(
    the_access_export_holds_the_proposals_and_anonymisation_clears_them,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let amina = create(&app, &token, P::newcomer("Amina", 2).last_name("Benkirane")).await;
        // The workshop's title names her, and "create the series" copied it to every session.
        let id = running(&app, &token, amina.id, "La cuisine d'Amina Benkirane")
            .await
            .proposal
            .id;
        // Another host's proposal, whose notes name her: listed for its authors, not rewritten.
        let sofie = create(&app, &token, P::local("Sofie")).await;
        let other = create_proposal(&app, &token, &staff_input(sofie.id, "Tricot")).await;
        let other = other.proposal.id;
        let res = send(
            &app,
            Method::POST,
            &format!("{PROPOSALS}/{other}/notes"),
            &token,
            &json!({ "body": "Co-animation possible avec Amina Benkirane" }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let res = send(
            &app,
            Method::PUT,
            &format!("{PROPOSALS}/{other}"),
            &token,
            &json!({ "title": "Tricot", "description": "Tricoter ensemble", "next_step": "Appeler Amina" }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let res = send(
            &app,
            Method::POST,
            &format!("{PROPOSALS}/{id}/notes"),
            &token,
            &json!({ "body": "Amina Benkirane vient avec sa soeur Khadija" }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let res = post_autonomy(
            &app,
            &token,
            id,
            AutonomyLevel::Supported,
            Some("Khadija l'aide"),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let export: Value = expect_json(
            app.get(&format!("/api/v1/people/{}/export", amina.id), Some(&token))
                .await,
            StatusCode::OK,
        )
        .await;
        let records = &export["records"];
        assert_eq!(
            records["interact_proposals"].as_array().map(Vec::len),
            Some(1)
        );
        assert_eq!(records["interact_notes"].as_array().map(Vec::len), Some(1));
        assert_eq!(
            records["interact_autonomy"].as_array().map(Vec::len),
            Some(2)
        );
        assert_eq!(
            records["interact_workshops"].as_array().map(Vec::len),
            Some(1)
        );
        assert!(records["audit_log"]
            .as_array()
            .expect("audit")
            .iter()
            .any(|e| e["action"] == "interact.proposed"));

        let res = send(
            &app,
            Method::POST,
            &format!("/api/v1/people/{}/anonymise", amina.id),
            &token,
            &json!({ "confirmation": "anonymise" }),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let done: Value = res.json().await.expect("json");
        let mut found: Vec<(String, String, String)> = done["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .map(|m| {
                let s = |k: &str| m[k].as_str().unwrap_or_default().to_owned();
                (s("object_type"), s("object_id"), s("field"))
            })
            .collect();
        found.sort();
        let other = other.to_string();
        assert_eq!(
            found,
            [
                (
                    "interact_proposal".into(),
                    other.clone(),
                    "next_step".into()
                ),
                ("interact_proposal".into(), other.clone(), "notes".into()),
            ],
            "{done}"
        );
        // The texts she wrote or that were written about her workshop are gone, the sessions'
        // copied title too; the other host's texts stay, theirs to edit.
        let left = crate::people_fixtures::find_in_database(&app, &["Benkirane", "Khadija"]);
        assert!(
            left.len() == 1 && left[0].contains("interact_notes.body"),
            "{left:?}"
        );
        let sessions: Value = expect_json(
            app.get(
                "/api/v1/activities?programme=interact&page_size=200",
                Some(&token),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let titles: Vec<String> = sessions["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|a| a["title"]["fr"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert!(!titles.is_empty());
        assert!(titles.iter().all(|t| t == "Atelier InterAct"), "{titles:?}");
        // The shape stays for the figures.
        let d = get_proposal(&app, &token, id).await;
        assert_eq!(d.proposal.status, ProposalStatus::Running);
        assert_eq!(d.proposal.autonomy, AutonomyLevel::Supported);
        assert_eq!(d.proposal.title, "");
    }
);

both!(
    demo_shows_proposals_at_every_step_and_hosts_at_every_level,
    |app: TestApp| async move {
        interra_api::demo::load(&app.db).expect("demo");
        let token = app.token_for(Role::Coordinator).await;
        let all = board(&app, &token, "page_size=200").await;
        assert_eq!(all.count, 10);
        for status in ProposalStatus::ALL {
            assert!(
                all.results.iter().any(|p| p.status == *status),
                "no demo proposal {status:?}"
            );
        }
        let running: Vec<_> = all
            .results
            .iter()
            .filter(|p| p.status == ProposalStatus::Running)
            .collect();
        assert_eq!(running.len(), 3);
        let mut levels: Vec<AutonomyLevel> = running.iter().map(|p| p.autonomy).collect();
        levels.sort();
        assert_eq!(levels, AutonomyLevel::ALL);
        for p in &running {
            assert_eq!(p.workshops.len(), 1, "{}", p.title);
            assert!(p.workshops[0].sessions > 1);
            let page = host_page(&app, &token, p.person_id).await;
            assert!(page.totals.participants > 0, "{}", p.title);
            assert_eq!(page.workshops[0].autonomy, Some(p.autonomy));
            // The ladder reads in order, from co-organised up.
            assert_eq!(
                page.autonomy_history.first().map(|h| h.level),
                Some(AutonomyLevel::CoOrganised)
            );
            assert_eq!(
                page.autonomy_history.last().map(|h| h.level),
                Some(p.autonomy)
            );
        }
        // Loading again adds nothing.
        interra_api::demo::load(&app.db).expect("demo again");
        assert_eq!(board(&app, &token, "").await.count, 10);
    }
);
