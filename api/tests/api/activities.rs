//! Activities: registrations under concurrency, waiting lists and promotion, mix targets,
//! idempotent replays, validation, series across daylight saving, and who may do what.

use reqwest::{Method, StatusCode};
use shared::activities::{
    Activity, ActivityStatus, Recurrence, Registration, RegistrationSource, RegistrationStatus,
    SeriesInput,
};
use shared::auth::Role;
use uuid::Uuid;

use crate::activity_fixtures::*;
use crate::both;
use crate::helpers::{expect_json, expect_problem};

both!(
    capacity_holds_under_200_concurrent_registrations,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let a = create_activity(&app, &token, &upcoming("Peinture", 10, Some(20))).await;
        let mut people = Vec::new();
        for i in 0..200 {
            people.push(create_person(&app, &token, &format!("P{i}"), i % 2 == 0).await);
        }
        let url = app.url(&format!("{ACTIVITIES}/{}/registrations", a.id));
        let mut tasks = tokio::task::JoinSet::new();
        for p in &people {
            let (client, url, token, p) = (app.bare.clone(), url.clone(), token.clone(), *p);
            tasks.spawn(async move {
                let res = client
                    .post(url)
                    .bearer_auth(token)
                    .json(&serde_json::json!({ "person_id": p }))
                    .send()
                    .await
                    .expect("request");
                expect_json::<Registration>(res, StatusCode::CREATED).await
            });
        }
        let mut answers = Vec::new();
        while let Some(r) = tasks.join_next().await {
            answers.push(r.expect("task"));
        }
        let answered = |s| answers.iter().filter(|r| r.status == s).count();
        assert_eq!(answered(RegistrationStatus::Registered), 20);
        assert_eq!(answered(RegistrationStatus::Waitlisted), 180);

        let list = registrations(&app, &token, a.id).await;
        assert_eq!(list.len(), 200);
        let listed = |s| list.iter().filter(|r| r.status == s).count();
        assert_eq!(listed(RegistrationStatus::Registered), 20);
        assert_eq!(listed(RegistrationStatus::Waitlisted), 180);
        let positions: Vec<u32> = list.iter().filter_map(|r| r.waitlist_position).collect();
        assert_eq!(positions, (1..=180).collect::<Vec<u32>>());
        let fetched = get_activity(&app, &token, a.id).await;
        assert_eq!(fetched.counts.registered, 20);
        assert_eq!(fetched.counts.waitlisted, 180);
        assert_eq!(fetched.counts.remaining, Some(0));

        let in_db = |status: &str| {
            count(
                &app,
                &format!(
                    "SELECT COUNT(*) AS n FROM registrations WHERE activity_id = '{}' AND status = '{status}'",
                    a.id
                ),
            )
        };
        assert_eq!(in_db("registered"), 20);
        assert_eq!(in_db("waitlisted"), 180);
    }
);

both!(
    cancellations_promote_first_come_first_served,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let a = create_activity(&app, &token, &upcoming("Danse", 5, Some(2))).await;
        let mut p = Vec::new();
        for name in ["Ana", "Ben", "Cem", "Dua", "Eli"] {
            p.push(create_person(&app, &token, name, false).await);
        }
        let mut regs = Vec::new();
        for person in &p {
            regs.push(register(&app, &token, a.id, *person).await);
        }
        let statuses: Vec<RegistrationStatus> = regs.iter().map(|r| r.status).collect();
        use RegistrationStatus::*;
        assert_eq!(
            statuses,
            vec![Registered, Registered, Waitlisted, Waitlisted, Waitlisted]
        );
        assert_eq!(regs[2].waitlist_position, Some(1));
        assert_eq!(regs[4].waitlist_position, Some(3));
        assert!(regs[2].promoted_at.is_none());

        // Ana cancels: Cem, first on the list, gets her seat.
        let res = set_status(&app, &token, a.id, regs[0].id, Cancelled).await;
        let cancelled: Registration = expect_json(res, StatusCode::OK).await;
        assert_eq!(cancelled.status, Cancelled);
        let list = registrations(&app, &token, a.id).await;
        assert_eq!(of(&list, p[2]).status, Registered);
        assert!(of(&list, p[2]).promoted_at.is_some());
        assert_eq!(of(&list, p[3]).waitlist_position, Some(1));
        assert_eq!(of(&list, p[4]).waitlist_position, Some(2));

        // Ana registers again: she goes to the back of the list.
        let again = register(&app, &token, a.id, p[0]).await;
        assert_eq!(again.id, regs[0].id, "the same registration is re-queued");
        assert_eq!(again.status, Waitlisted);
        assert_eq!(again.waitlist_position, Some(3));

        // Ben cancels: Dua (queued before Ana's return) is promoted, not Ana.
        set_status(&app, &token, a.id, regs[1].id, Cancelled).await;
        let list = registrations(&app, &token, a.id).await;
        assert_eq!(of(&list, p[3]).status, Registered);
        assert!(of(&list, p[3]).promoted_at.is_some());
        assert_eq!(of(&list, p[4]).waitlist_position, Some(1));
        assert_eq!(of(&list, p[0]).waitlist_position, Some(2));
        assert_eq!(
            list.iter().filter(|r| r.status == Registered).count(),
            2,
            "capacity kept"
        );

        // A waitlisted person who cancels promotes nobody.
        set_status(&app, &token, a.id, of(&list, p[4]).id, Cancelled).await;
        let list = registrations(&app, &token, a.id).await;
        assert_eq!(of(&list, p[0]).status, Waitlisted);
        assert_eq!(of(&list, p[0]).waitlist_position, Some(1));
    }
);

both!(
    mix_targets_keep_newcomer_seats,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let mut input = upcoming("Pizza", 7, Some(4));
        input.min_newcomer_percent = Some(50);
        let a = create_activity(&app, &token, &input).await;
        let l: Vec<Uuid> = {
            let mut v = Vec::new();
            for n in ["Luc", "Lea", "Lou", "Lia"] {
                v.push(create_person(&app, &token, n, false).await);
            }
            v
        };
        let n: Vec<Uuid> = {
            let mut v = Vec::new();
            for name in ["Nour", "Nabil", "Nada"] {
                v.push(create_person(&app, &token, name, true).await);
            }
            v
        };
        use RegistrationStatus::*;
        assert_eq!(register(&app, &token, a.id, l[0]).await.status, Registered);
        assert_eq!(register(&app, &token, a.id, l[1]).await.status, Registered);
        // Two seats left, both kept for newcomers (50% of 4).
        assert_eq!(register(&app, &token, a.id, l[2]).await.status, Waitlisted);
        let now = get_activity(&app, &token, a.id).await;
        assert_eq!(now.counts.registered, 2);
        assert_eq!(now.counts.remaining, Some(2));
        assert_eq!(register(&app, &token, a.id, n[0]).await.status, Registered);
        assert_eq!(register(&app, &token, a.id, l[3]).await.status, Waitlisted);
        assert_eq!(register(&app, &token, a.id, n[1]).await.status, Registered);
        // Full now: the next newcomer waits behind two locals.
        assert_eq!(register(&app, &token, a.id, n[2]).await.status, Waitlisted);

        // A newcomer leaves: the waiting newcomer gets the seat, the locals ahead still wait.
        let list = registrations(&app, &token, a.id).await;
        set_status(&app, &token, a.id, of(&list, n[0]).id, Cancelled).await;
        let list = registrations(&app, &token, a.id).await;
        assert_eq!(of(&list, n[2]).status, Registered);
        assert!(of(&list, n[2]).promoted_at.is_some());
        assert_eq!(of(&list, l[2]).status, Waitlisted);
        assert_eq!(of(&list, l[3]).status, Waitlisted);
        let after = get_activity(&app, &token, a.id).await;
        assert_eq!((after.counts.newcomers, after.counts.locals), (2, 2));

        // A local leaves: the first waiting local is promoted.
        set_status(&app, &token, a.id, of(&list, l[0]).id, Cancelled).await;
        let list = registrations(&app, &token, a.id).await;
        assert_eq!(of(&list, l[2]).status, Registered);
        assert_eq!(of(&list, l[3]).status, Waitlisted);
    }
);

both!(
    walk_ins_attend_and_illegal_transitions_conflict,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        // Yesterday's: walk-ins are recorded once an activity has started.
        let a = create_activity(&app, &token, &upcoming("Foot en salle", -1, Some(1))).await;
        let p1 = create_person(&app, &token, "Omar", true).await;
        let p2 = create_person(&app, &token, "Paul", false).await;
        let p3 = create_person(&app, &token, "Rita", false).await;
        let r1 = register(&app, &token, a.id, p1).await;
        let r2 = register(&app, &token, a.id, p2).await;
        assert_eq!(r2.status, RegistrationStatus::Waitlisted);
        let walk_in: Registration = expect_json(
            post_registration(&app, &token, a.id, p3, Some(RegistrationSource::WalkIn)).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(walk_in.status, RegistrationStatus::Attended);
        assert_eq!(walk_in.source, RegistrationSource::WalkIn);
        let counts = get_activity(&app, &token, a.id).await.counts;
        assert_eq!((counts.registered, counts.attended), (1, 1));

        // Registering the same person twice is a conflict.
        expect_problem(
            post_registration(&app, &token, a.id, p1, None).await,
            StatusCode::CONFLICT,
        )
        .await;

        use RegistrationStatus::*;
        for (reg, to) in [
            (r2.id, Attended),
            (r2.id, Registered),
            (r1.id, Waitlisted),
            (r1.id, Registered),
        ] {
            expect_problem(
                set_status(&app, &token, a.id, reg, to).await,
                StatusCode::CONFLICT,
            )
            .await;
        }
        // Attendance can be corrected; a cancelled registration is final.
        for to in [Attended, Absent, Excused] {
            let r: Registration = expect_json(
                set_status(&app, &token, a.id, r1.id, to).await,
                StatusCode::OK,
            )
            .await;
            assert_eq!(r.status, to);
        }
        expect_json::<Registration>(
            set_status(&app, &token, a.id, r2.id, Cancelled).await,
            StatusCode::OK,
        )
        .await;
        for to in [Cancelled, Registered, Attended] {
            expect_problem(
                set_status(&app, &token, a.id, r2.id, to).await,
                StatusCode::CONFLICT,
            )
            .await;
        }
        let list = registrations(&app, &token, a.id).await;
        assert_eq!(of(&list, p2).status, Cancelled);
        assert_eq!(of(&list, p1).status, Excused);
    }
);

both!(
    idempotent_replays_register_once,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let a = create_activity(&app, &token, &upcoming("Cuisine", 4, Some(10))).await;
        let p1 = create_person(&app, &token, "Salma", true).await;
        let path = format!("{ACTIVITIES}/{}/registrations", a.id);
        let body = serde_json::json!({ "person_id": p1 });
        let post = |key: &'static str| {
            let (app, path, token, body) = (&app, &path, &token, &body);
            async move {
                send_with(
                    app,
                    Method::POST,
                    path,
                    Some(token),
                    &[("Idempotency-Key", key)],
                    Some(body),
                )
                .await
            }
        };
        let first: Registration = expect_json(post("key-1").await, StatusCode::CREATED).await;
        let replay: Registration = expect_json(post("key-1").await, StatusCode::CREATED).await;
        assert_eq!(replay.id, first.id);
        assert_eq!(replay, first);
        // Without the key, the same request is a duplicate.
        expect_problem(
            post_registration(&app, &token, a.id, p1, None).await,
            StatusCode::CONFLICT,
        )
        .await;

        // Concurrent replays of one request.
        let p2 = create_person(&app, &token, "Tarek", true).await;
        let url = app.url(&path);
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..12 {
            let (client, url, token) = (app.bare.clone(), url.clone(), token.clone());
            tasks.spawn(async move {
                let res = client
                    .post(url)
                    .bearer_auth(token)
                    .header("Idempotency-Key", "key-2")
                    .json(&serde_json::json!({ "person_id": p2 }))
                    .send()
                    .await
                    .expect("request");
                expect_json::<Registration>(res, StatusCode::CREATED).await
            });
        }
        let mut ids = Vec::new();
        while let Some(r) = tasks.join_next().await {
            ids.push(r.expect("task").id);
        }
        ids.dedup();
        assert_eq!(ids.len(), 1, "every replay answers the same registration");
        let list = registrations(&app, &token, a.id).await;
        assert_eq!(list.len(), 2);
        assert_eq!(
            count(
                &app,
                &format!(
                    "SELECT COUNT(*) AS n FROM registrations WHERE activity_id = '{}'",
                    a.id
                )
            ),
            2
        );
        assert_eq!(get_activity(&app, &token, a.id).await.counts.registered, 2);
    }
);

both!(
    invalid_activities_are_refused_field_by_field,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let post = |input: shared::activities::ActivityInput| {
            let (app, token) = (&app, token.clone());
            async move {
                app.send_json(Method::POST, ACTIVITIES, Some(&token), &input)
                    .await
            }
        };
        let mut no_title = upcoming("x", 3, None);
        no_title.title = [("en".to_owned(), "English only".to_owned())]
            .into_iter()
            .collect();
        expect_field_error(post(no_title).await, "title.fr").await;

        let backwards = activity("Retour", &in_days(3, "16:00"), &in_days(3, "14:00"));
        expect_field_error(post(backwards).await, "ends_at").await;

        // 02:30 on 29 March 2026 does not exist in Brussels (clocks jump from 02:00 to 03:00).
        let gap = activity("Nuit", "2026-03-29T02:30", "2026-03-29T04:00");
        expect_field_error(post(gap).await, "starts_at").await;

        let mut cancelled = upcoming("Annulé", 3, None);
        cancelled.status = Some(ActivityStatus::Cancelled);
        expect_field_error(post(cancelled.clone()).await, "cancel_reason").await;

        // Cancelling an existing activity needs a reason too; with one, it is kept.
        let a = create_activity(&app, &token, &upcoming("Existe", 3, None)).await;
        let res = app
            .send_json(
                Method::PUT,
                &format!("{ACTIVITIES}/{}", a.id),
                Some(&token),
                &cancelled,
            )
            .await;
        expect_field_error(res, "cancel_reason").await;
        assert_eq!(
            get_activity(&app, &token, a.id).await.status,
            ActivityStatus::Published
        );
        cancelled.cancel_reason = Some("Animatrice malade".into());
        let done = update_activity(&app, &token, a.id, &cancelled).await;
        assert_eq!(done.status, ActivityStatus::Cancelled);
        assert_eq!(done.cancel_reason.as_deref(), Some("Animatrice malade"));
        // Nothing was stored by the refused requests.
        assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM activities"), 1);
    }
);

fn local_times(sessions: &[Activity]) -> Vec<String> {
    sessions.iter().map(|s| s.starts_at_local.clone()).collect()
}

both!(
    series_keep_the_local_time_across_daylight_saving,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let first = activity(
            "Atelier du mercredi",
            "2027-03-17T18:00",
            "2027-03-17T20:00",
        );
        let create = |recurrence: Recurrence| {
            let (app, token, first) = (&app, token.clone(), first.clone());
            async move {
                expect_json::<Vec<Activity>>(
                    app.send_json(
                        Method::POST,
                        &format!("{ACTIVITIES}/series"),
                        Some(&token),
                        &SeriesInput { first, recurrence },
                    )
                    .await,
                    StatusCode::CREATED,
                )
                .await
            }
        };
        let until = chrono::NaiveDate::from_ymd_opt(2027, 4, 7).expect("date");
        let weekly = create(Recurrence::Weekly {
            every_weeks: 1,
            until,
        })
        .await;
        // Clocks change on Sunday 28 March 2027: the time of day stays 18:00.
        assert_eq!(
            local_times(&weekly),
            vec![
                "2027-03-17T18:00:00+01:00",
                "2027-03-24T18:00:00+01:00",
                "2027-03-31T18:00:00+02:00",
                "2027-04-07T18:00:00+02:00",
            ]
        );
        assert!(weekly
            .iter()
            .all(|s| s.ends_at - s.starts_at == chrono::Duration::hours(2)));
        let series = weekly[0].series_id.expect("series id");
        assert!(weekly.iter().all(|s| s.series_id == Some(series)));
        let mut ids: Vec<Uuid> = weekly.iter().map(|s| s.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 4);
        let listed: shared::Page<Activity> = get_json(
            &app,
            &format!("{ACTIVITIES}?series_id={series}&start=2027-01-01"),
            Some(&token),
        )
        .await;
        assert_eq!(listed.count, 4);

        let fortnightly = create(Recurrence::Weekly {
            every_weeks: 2,
            until,
        })
        .await;
        assert_eq!(
            local_times(&fortnightly),
            vec!["2027-03-17T18:00:00+01:00", "2027-03-31T18:00:00+02:00"]
        );

        let d = |m, day| chrono::NaiveDate::from_ymd_opt(2027, m, day).expect("date");
        let picked = create(Recurrence::Dates {
            dates: vec![d(4, 3), d(3, 20), d(4, 3)],
        })
        .await;
        assert_eq!(
            local_times(&picked),
            vec![
                "2027-03-17T18:00:00+01:00",
                "2027-03-20T18:00:00+01:00",
                "2027-04-03T18:00:00+02:00",
            ]
        );

        // One session can then be moved on its own.
        let mut moved = first.clone();
        moved.starts_at = "2027-03-24T19:00".into();
        moved.ends_at = "2027-03-24T21:00".into();
        let m = update_activity(&app, &token, weekly[1].id, &moved).await;
        assert_eq!(m.starts_at_local, "2027-03-24T19:00:00+01:00");
        assert_eq!(m.series_id, Some(series));
        assert_eq!(
            get_activity(&app, &token, weekly[2].id)
                .await
                .starts_at_local,
            "2027-03-31T18:00:00+02:00"
        );
    }
);

both!(
    registrations_are_managed_by_staff_in_charge,
    |app: crate::helpers::TestApp| async move {
        let coordinator = app.token_for(Role::Coordinator).await;
        let (coach_id, coach) = account(&app, Role::Coach).await;
        let (_, other_coach) = account(&app, Role::Coach).await;
        let mut input = upcoming("Atelier vélo", 6, Some(5));
        input.staff = vec![coach_id];
        let mine = create_activity(&app, &coordinator, &input).await;
        let theirs = create_activity(&app, &coordinator, &upcoming("Autre", 6, Some(5))).await;
        let person = create_person(&app, &coordinator, "Yara", true).await;
        // The coach accompanies Yara, not Zeno.
        let stranger = create_person(&app, &coordinator, "Zeno", false).await;
        let res = app
            .send_json(
                Method::POST,
                &format!("/api/v1/people/{person}/coaches"),
                Some(&coordinator),
                &serde_json::json!({ "user_id": coach_id }),
            )
            .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);

        // Anonymous: 401 everywhere.
        for res in [
            app.get(ACTIVITIES, None).await,
            app.get(&format!("{ACTIVITIES}/{}/registrations", mine.id), None)
                .await,
            post_registration(&app, "", mine.id, person, None).await,
        ] {
            expect_problem(res, StatusCode::UNAUTHORIZED).await;
        }
        // Coaches do not create or edit activities.
        expect_problem(
            app.send_json(Method::POST, ACTIVITIES, Some(&coach), &input)
                .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        expect_problem(
            app.send_json(
                Method::PUT,
                &format!("{ACTIVITIES}/{}", mine.id),
                Some(&coach),
                &input,
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        // A coach in charge registers only the people they accompany: anyone else is answered
        // like an unknown id (the coach cannot read them either), and nothing is recorded.
        let problem = expect_problem(
            post_registration(&app, &coach, mine.id, stranger, None).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!problem.field_errors("person_id").is_empty(), "{problem:?}");
        assert!(!format!("{problem:?}").contains("Zeno"), "{problem:?}");
        expect_problem(
            app.get(&format!("/api/v1/people/{stranger}"), Some(&coach))
                .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        // Staff never claim the public form as the source, and nobody walks in to an activity
        // still ahead (coordinators included).
        for (token, source, field) in [
            (&coach, RegistrationSource::Public, "source"),
            (&coordinator, RegistrationSource::Public, "source"),
            (&coach, RegistrationSource::WalkIn, "source"),
            (&coordinator, RegistrationSource::WalkIn, "source"),
        ] {
            let problem = expect_problem(
                post_registration(&app, token, mine.id, person, Some(source)).await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert!(
                !problem.field_errors(field).is_empty(),
                "{source:?}: {problem:?}"
            );
        }
        assert!(registrations(&app, &coordinator, mine.id).await.is_empty());
        // A walk-in once the activity has started: attended.
        let mut started = upcoming("Atelier vélo d'hier", -1, Some(5));
        started.staff = vec![coach_id];
        let started = create_activity(&app, &coordinator, &started).await;
        let at_door: Registration = expect_json(
            post_registration(
                &app,
                &coach,
                started.id,
                person,
                Some(RegistrationSource::WalkIn),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(at_door.status, RegistrationStatus::Attended);
        // The coordinator registers anyone.
        register(&app, &coordinator, started.id, stranger).await;

        // A coach in charge manages its registrations and attendance...
        let r = register(&app, &coach, mine.id, person).await;
        assert_eq!(registrations(&app, &coach, mine.id).await.len(), 1);
        let marked: Registration = expect_json(
            set_status(&app, &coach, mine.id, r.id, RegistrationStatus::Attended).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(marked.status, RegistrationStatus::Attended);
        assert_eq!(r.registered_by, Some(coach_id));
        let csv = app
            .get(
                &format!("{ACTIVITIES}/{}/attendees.csv", mine.id),
                Some(&coach),
            )
            .await;
        assert_eq!(csv.status(), StatusCode::OK);
        // ...but not those of other activities, and another coach cannot touch this one.
        for (token, id) in [(&coach, theirs.id), (&other_coach, mine.id)] {
            expect_problem(
                app.get(&format!("{ACTIVITIES}/{id}/registrations"), Some(token))
                    .await,
                StatusCode::FORBIDDEN,
            )
            .await;
            expect_problem(
                post_registration(&app, token, id, person, None).await,
                StatusCode::FORBIDDEN,
            )
            .await;
        }
        expect_problem(
            set_status(
                &app,
                &other_coach,
                mine.id,
                r.id,
                RegistrationStatus::Absent,
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        let list = registrations(&app, &coordinator, mine.id).await;
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].status, RegistrationStatus::Attended);
        assert!(registrations(&app, &coordinator, theirs.id)
            .await
            .is_empty());
    }
);

both!(
    raising_the_capacity_promotes_the_waiting_list,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let mut input = upcoming("Théâtre", 8, Some(1));
        let a = create_activity(&app, &token, &input).await;
        let mut p = Vec::new();
        for name in ["Ali", "Bea", "Chen", "Dora"] {
            p.push(create_person(&app, &token, name, false).await);
        }
        for person in &p[..3] {
            register(&app, &token, a.id, *person).await;
        }
        input.capacity = Some(2);
        let bigger = update_activity(&app, &token, a.id, &input).await;
        assert_eq!(bigger.counts.registered, 2);
        assert_eq!(bigger.counts.remaining, Some(0));
        let list = registrations(&app, &token, a.id).await;
        assert_eq!(of(&list, p[1]).status, RegistrationStatus::Registered);
        assert!(of(&list, p[1]).promoted_at.is_some());
        assert_eq!(of(&list, p[2]).waitlist_position, Some(1));
        // A newcomer to the list does not overtake those already waiting.
        let late = register(&app, &token, a.id, p[3]).await;
        assert_eq!(late.status, RegistrationStatus::Waitlisted);
        assert_eq!(late.waitlist_position, Some(2));
    }
);

both!(
    stored_values_the_code_never_writes_are_an_error_not_a_blank,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let a = create_activity(&app, &token, &upcoming("Cuisine", 5, None)).await;
        let path = format!("{ACTIVITIES}/{}", a.id);
        let set = |column: &str, value: &str| {
            crate::duo_fixtures::exec(
                &app,
                &format!(
                    "UPDATE activities SET {column} = '{value}' WHERE id = '{}'",
                    a.id
                ),
            )
        };
        // A French level the code does not know was shown as none.
        set("french_level", "Z9");
        expect_problem(
            app.get(&path, Some(&token)).await,
            StatusCode::INTERNAL_SERVER_ERROR,
        )
        .await;
        set("french_level", "B1");
        get_activity(&app, &token, a.id).await;
        // A title that is not the JSON of a multilingual text.
        set("title", "{\"fr\": 3}");
        expect_problem(
            app.get(&path, Some(&token)).await,
            StatusCode::INTERNAL_SERVER_ERROR,
        )
        .await;
    }
);
