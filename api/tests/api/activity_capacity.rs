//! Activities: the capacity cannot be lowered below the places already taken.

use reqwest::{Method, StatusCode};
use shared::activities::{ActivityInput, RegistrationSource, RegistrationStatus};
use shared::auth::Role;

use crate::activity_fixtures::*;
use crate::both;
use crate::helpers::{expect_json, expect_problem};

both!(
    capacity_cannot_go_below_the_places_taken,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        // Yesterday's: walk-ins are recorded once an activity has started.
        let input = upcoming("Poterie", -1, Some(4));
        let a = create_activity(&app, &token, &input).await;
        let mut regs = Vec::new();
        for name in ["Ana", "Ben", "Cem", "Dua", "Eli"] {
            let person = create_person(&app, &token, name, false).await;
            regs.push(register(&app, &token, a.id, person).await);
        }
        assert_eq!(regs[4].status, RegistrationStatus::Waitlisted);
        let with = |capacity: Option<i32>| ActivityInput {
            capacity,
            ..input.clone()
        };
        let put = |body: ActivityInput| {
            let (app, token, path) = (&app, token.clone(), format!("{ACTIVITIES}/{}", a.id));
            async move {
                send_with(
                    app,
                    Method::PUT,
                    &path,
                    Some(&token),
                    &[("Accept-Language", "fr")],
                    Some(&body),
                )
                .await
            }
        };

        // Four people hold a place: three places would overbook the workshop.
        let problem =
            expect_problem(put(with(Some(3))).await, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(
            problem.field_errors("capacity"),
            ["Places déjà occupées : 4. La capacité ne peut pas être inférieure.".to_owned()]
        );
        let res = send_with(
            &app,
            Method::PUT,
            &format!("{ACTIVITIES}/{}", a.id),
            Some(&token),
            &[("Accept-Language", "en")],
            Some(&with(Some(1))),
        )
        .await;
        let problem = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(
            problem.field_errors("capacity"),
            ["Places already taken: 4. The capacity cannot be lower.".to_owned()]
        );
        let unchanged = get_activity(&app, &token, a.id).await;
        assert_eq!(unchanged.capacity, Some(4));
        assert_eq!(unchanged.counts.registered, 4);

        // Exactly the places taken is fine; so is no limit at all.
        let same: shared::activities::Activity =
            expect_json(put(with(Some(4))).await, StatusCode::OK).await;
        assert_eq!(same.counts.waitlisted, 1);
        let open: shared::activities::Activity =
            expect_json(put(with(None)).await, StatusCode::OK).await;
        assert_eq!(open.capacity, None);
        // Without a limit the waiting person got a place: five are taken now.
        assert_eq!(open.counts.registered, 5);
        expect_field_error(put(with(Some(4))).await, "capacity").await;

        // A cancellation frees a place, which may then go.
        let res = set_status(
            &app,
            &token,
            a.id,
            regs[0].id,
            RegistrationStatus::Cancelled,
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let smaller: shared::activities::Activity =
            expect_json(put(with(Some(4))).await, StatusCode::OK).await;
        assert_eq!(smaller.capacity, Some(4));
        assert_eq!(smaller.counts.remaining, Some(0));

        // Walk-ins are admitted at the door whatever the capacity: the room now holds more
        // than four, and the activity can still be edited with the capacity it had.
        let walk_in = create_person(&app, &token, "Fay", true).await;
        let at_door = post_registration(
            &app,
            &token,
            a.id,
            walk_in,
            Some(RegistrationSource::WalkIn),
        )
        .await;
        assert_eq!(at_door.status(), StatusCode::CREATED);
        let mut renamed = with(Some(4));
        renamed
            .title
            .insert("fr".into(), "Poterie pour tous".into());
        let edited: shared::activities::Activity =
            expect_json(put(renamed.clone()).await, StatusCode::OK).await;
        assert_eq!(edited.counts.registered + edited.counts.attended, 5);
        assert_eq!(
            edited.title.get("fr").map(String::as_str),
            Some("Poterie pour tous")
        );
        // But not lowered further.
        renamed.capacity = Some(3);
        expect_field_error(put(renamed).await, "capacity").await;
    }
);
