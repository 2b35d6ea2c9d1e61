//! The whole person on one page (issue 19, item 1): `GET /people/{id}/participation` lists
//! what someone takes part in across the programmes, each item with the id of its record, and
//! shows a coach nothing about people they do not accompany.

use reqwest::{Method, StatusCode};
use shared::activities::RegistrationStatus;
use shared::auth::Role;
use shared::duo::{CandidacyStatus, DuoStatus};
use shared::participation::PersonParticipation;
use shared::people::{Category, CoachAssignment};
use uuid::Uuid;

use crate::activity_fixtures::*;
use crate::both;
use crate::duo_fixtures::{pool, two_active};
use crate::helpers::{expect_problem, TestApp};

fn path(person: Uuid) -> String {
    format!("/api/v1/people/{person}/participation")
}

async fn coach_of(app: &TestApp, token: &str, person: Uuid, coach: Uuid) {
    let res = app
        .send_json(
            Method::POST,
            &format!("/api/v1/people/{person}/coaches"),
            Some(token),
            &CoachAssignment { user_id: coach },
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}

both!(
    a_person_s_registrations_attendance_and_duos_on_one_page,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let p = pool(&app, &token).await;
        let amina = p.amina.person;
        let sooner = create_activity(&app, &token, &upcoming("Poterie", 2, None)).await;
        let later = create_activity(&app, &token, &upcoming("Cuisine du monde", 9, None)).await;
        let kept = register(&app, &token, sooner.id, amina).await;
        register(&app, &token, later.id, amina).await;
        let res = set_status(
            &app,
            &token,
            sooner.id,
            kept.id,
            RegistrationStatus::Attended,
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let (am, _) = two_active(&app, &token, &p).await;

        let seen: PersonParticipation = get_json(&app, &path(amina), Some(&token)).await;
        // The latest activity first, each with its own status.
        let lines: Vec<(Uuid, &str, RegistrationStatus)> = seen
            .registrations
            .iter()
            .map(|r| (r.activity_id, r.title["fr"].as_str(), r.status))
            .collect();
        assert_eq!(
            lines,
            vec![
                (later.id, "Cuisine du monde", RegistrationStatus::Registered),
                (sooner.id, "Poterie", RegistrationStatus::Attended),
            ]
        );
        assert_eq!((seen.attended, seen.absent), (1, 0));
        assert_eq!(seen.candidacies.len(), 1);
        assert_eq!(seen.candidacies[0].id, p.amina.candidacy);
        assert_eq!(seen.candidacies[0].side, Category::Newcomer);
        assert_eq!(seen.candidacies[0].status, CandidacyStatus::Matched);
        assert_eq!(seen.duos.len(), 1);
        assert_eq!(seen.duos[0].id, am);
        assert_eq!(seen.duos[0].status, DuoStatus::Active);
        assert!(seen.duos[0].confirmed_at.is_some());
        let partner = seen.duos[0]
            .partner
            .as_ref()
            .expect("a coordinator sees the partner");
        assert_eq!(partner.id, p.marc.person);
        assert!(partner.name.starts_with("Marc"), "{}", partner.name);

        // Someone who takes part in nothing: empty lists, not an error.
        let nobody = create_person(&app, &token, "Nadia", true).await;
        let empty: PersonParticipation = get_json(&app, &path(nobody), Some(&token)).await;
        assert_eq!(empty, PersonParticipation::default());
    }
);

both!(
    a_coach_sees_only_the_people_they_accompany_and_not_their_partners,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let (coach_id, coach) = account(&app, Role::Coach).await;
        let p = pool(&app, &token).await;
        coach_of(&app, &token, p.amina.person, coach_id).await;
        two_active(&app, &token, &p).await;

        let seen: PersonParticipation = get_json(&app, &path(p.amina.person), Some(&coach)).await;
        assert_eq!(seen.duos.len(), 1);
        // Marc is not theirs: the duo shows, his name does not.
        assert_eq!(seen.duos[0].partner, None);
        expect_problem(
            app.get(&path(p.marc.person), Some(&coach)).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        // Once they accompany Marc too, he is named.
        coach_of(&app, &token, p.marc.person, coach_id).await;
        let seen: PersonParticipation = get_json(&app, &path(p.amina.person), Some(&coach)).await;
        assert_eq!(
            seen.duos[0].partner.as_ref().map(|d| d.id),
            Some(p.marc.person)
        );

        // No token, no page; an unknown person is 404.
        expect_problem(
            app.get(&path(p.amina.person), None).await,
            StatusCode::UNAUTHORIZED,
        )
        .await;
        expect_problem(
            app.get(&path(Uuid::new_v4()), Some(&token)).await,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
);
