//! A cohort's collective trainings and networking evenings (issue 13, item 7): activities of
//! the programme `interlab` linked to the cohort, listed with each entrepreneur's attendance;
//! another programme's activity is refused, a coach reads only the entrepreneurs they
//! accompany, and only coordinators link.

use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::activities::{ActivityProgramme, RegistrationStatus};
use shared::auth::Role;
use shared::interlab::{CohortActivities, EntrepreneurInput};

use crate::activity_fixtures::{create_activity, register, set_status, upcoming};
use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::interlab_fixtures::*;
use crate::people_fixtures::{count_rows, staff};

both!(
    a_cohort_lists_its_activities_with_each_entrepreneurs_attendance,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let (coach, coach_token) = staff(&app, Role::Coach).await;
        let c = cohort(&app, &token, "Printemps", "2026-03-01").await;
        let rania = entrepreneur(
            &app,
            &token,
            "Rania",
            EntrepreneurInput {
                cohort_id: Some(c.id),
                coach_id: Some(coach),
                ..project("Saveurs d'Alep")
            },
        )
        .await;
        let olena = entrepreneur(
            &app,
            &token,
            "Olena",
            EntrepreneurInput {
                cohort_id: Some(c.id),
                ..project("Broderies")
            },
        )
        .await;
        let training = create_activity(
            &app,
            &token,
            &shared::activities::ActivityInput {
                programme: Some(ActivityProgramme::Interlab),
                ..upcoming("Formation : la TVA", 10, Some(20))
            },
        )
        .await;
        let evening = create_activity(
            &app,
            &token,
            &shared::activities::ActivityInput {
                programme: Some(ActivityProgramme::Interlab),
                ..upcoming("Soirée réseau", 5, None)
            },
        )
        .await;
        let interact = create_activity(&app, &token, &upcoming("Atelier couture", 3, None)).await;
        let path = |a: uuid::Uuid| format!("{COHORTS}/{}/activities/{a}", c.id);
        let list = format!("{COHORTS}/{}/activities", c.id);

        // Only coordinators link; another programme's activity is refused on its field.
        let res = send(
            &app,
            Method::PUT,
            &path(training.id),
            &coach_token,
            &json!({}),
        )
        .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let p = expect_problem(
            send(&app, Method::PUT, &path(interact.id), &token, &json!({})).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("activity_id").len(), 1);
        let res = send(
            &app,
            Method::PUT,
            &path(uuid::Uuid::now_v7()),
            &token,
            &json!({}),
        )
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(count_rows(&app, "interlab_cohort_activities"), 0);
        for a in [training.id, evening.id, evening.id] {
            let res = send(&app, Method::PUT, &path(a), &token, &json!({})).await;
            assert_eq!(res.status(), StatusCode::NO_CONTENT);
        }
        assert_eq!(
            count_rows(&app, "interlab_cohort_activities"),
            2,
            "linked once"
        );

        // Rania registered to the training and excused; Olena at nothing yet.
        let reg = register(&app, &token, training.id, rania.person_id).await;
        let res = set_status(
            &app,
            &token,
            training.id,
            reg.id,
            RegistrationStatus::Excused,
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        register(&app, &token, evening.id, olena.person_id).await;

        let all: CohortActivities =
            expect_json(app.get(&list, Some(&token)).await, StatusCode::OK).await;
        let titles: Vec<&str> = all.activities.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Soirée réseau", "Formation : la TVA"],
            "in start order"
        );
        let rows: Vec<(&str, Vec<Option<RegistrationStatus>>)> = all
            .entrepreneurs
            .iter()
            .map(|e| (e.project_name.as_str(), e.attendance.clone()))
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "Broderies",
                    vec![Some(RegistrationStatus::Registered), None]
                ),
                (
                    "Saveurs d'Alep",
                    vec![None, Some(RegistrationStatus::Excused)]
                ),
            ],
            "by name: Olena, Rania"
        );

        // The coach reads the entrepreneurs they accompany only.
        let mine: CohortActivities =
            expect_json(app.get(&list, Some(&coach_token)).await, StatusCode::OK).await;
        assert_eq!(mine.activities.len(), 2);
        assert_eq!(
            mine.entrepreneurs
                .iter()
                .map(|e| e.entrepreneur_id)
                .collect::<Vec<_>>(),
            [rania.id]
        );

        // A mentor's account reads no cohort; nor links.
        let email = "mentor-cohort@example.be";
        app.create_user(email, Role::Mentor);
        let mt = app.sign_in(email, crate::helpers::PASSWORD).await.access;
        assert_eq!(
            app.get(&list, Some(&mt)).await.status(),
            StatusCode::FORBIDDEN
        );
        let res = send(&app, Method::PUT, &path(evening.id), &mt, &json!({})).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);

        // Unlinked: the activity stays, the cohort no longer lists it; twice is not found.
        let res = send(&app, Method::DELETE, &path(evening.id), &token, &json!({})).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let res = send(&app, Method::DELETE, &path(evening.id), &token, &json!({})).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let after: CohortActivities =
            expect_json(app.get(&list, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(after.activities.len(), 1);
        let res = app
            .get(&format!("/api/v1/activities/{}", evening.id), Some(&token))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "the activity stays");
        let res = app
            .get(
                &format!("{COHORTS}/{}/activities", uuid::Uuid::now_v7()),
                Some(&token),
            )
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);
