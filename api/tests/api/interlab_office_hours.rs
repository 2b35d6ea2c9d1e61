//! InterLab office hours: slots, booking rules, exactly one winner among simultaneous bookings,
//! and the mentor's personal calendar feed.

use chrono::{Duration, Utc};
use chrono_tz::Europe::Brussels;
use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::auth::Role;
use shared::interlab::{MentorFeed, OfficeHour, SlotStatus};
use uuid::Uuid;

use crate::both;
use crate::duo_fixtures::exec;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::interlab_fixtures::*;
use crate::interlab_mentoring::{fields, mentor, MENTORS};
use crate::people_fixtures::{count_rows, staff};

pub const OFFICE_HOURS: &str = "/api/v1/interlab/office-hours";
const PARALLEL: usize = 50;

/// `days` from now at `hour` o'clock in Brussels, as the form takes it.
pub fn at(days: i64, hour: u32) -> String {
    let day = (Utc::now() + Duration::days(days))
        .with_timezone(&Brussels)
        .date_naive();
    format!("{}T{hour:02}:00", day.format("%Y-%m-%d"))
}

pub async fn slot(app: &TestApp, token: &str, mentor: Uuid, days: i64) -> OfficeHour {
    expect_json(
        send(
            app,
            Method::POST,
            OFFICE_HOURS,
            token,
            &json!({ "mentor_id": mentor, "starts_at": at(days, 14), "ends_at": at(days, 15),
                     "place": "La Grand Poste, salle Lumière" }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await
}

pub fn booking(id: Uuid) -> String {
    format!("{OFFICE_HOURS}/{id}/booking")
}

both!(
    slots_are_checked_and_booked_once,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let m = mentor(&app, &token, "Claire", json!({})).await;
        let e = entrepreneur(&app, &token, "Rania", project("Saveurs d'Alep")).await;
        // Bad slots name their fields and store nothing.
        let bad = send(
            &app,
            Method::POST,
            OFFICE_HOURS,
            &token,
            &json!({ "mentor_id": m.id, "starts_at": at(-1, 14), "ends_at": at(-1, 13),
                     "video_url": "ftp://example.org" }),
        )
        .await;
        let p = expect_problem(bad, StatusCode::UNPROCESSABLE_ENTITY).await;
        let f = fields(&p);
        for name in ["starts_at", "ends_at", "video_url"] {
            assert!(f.contains(&name.to_owned()), "{f:?}");
        }
        let no_place = send(
            &app,
            Method::POST,
            OFFICE_HOURS,
            &token,
            &json!({ "mentor_id": m.id, "starts_at": at(2, 14), "ends_at": at(2, 15) }),
        )
        .await;
        assert_eq!(
            fields(&expect_problem(no_place, StatusCode::UNPROCESSABLE_ENTITY).await),
            vec!["place"]
        );
        assert_eq!(count_rows(&app, "interlab_office_hours"), 0);

        let s = slot(&app, &token, m.id, 2).await;
        assert_eq!(s.status, SlotStatus::Open);
        assert!(
            s.starts_at_local.ends_with(":00+01:00") || s.starts_at_local.ends_with(":00+02:00")
        );
        let booked: OfficeHour = expect_json(
            send(
                &app,
                Method::PUT,
                &booking(s.id),
                &token,
                &json!({ "entrepreneur_id": e.id, "note": "Plan financier" }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let b = booked.booking.expect("booked");
        assert_eq!(b.entrepreneur_id, Some(e.id));
        assert_eq!(b.project_name.as_deref(), Some("Saveurs d'Alep"));
        // Booked already: a conflict.
        expect_problem(
            send(
                &app,
                Method::PUT,
                &booking(s.id),
                &token,
                &json!({ "entrepreneur_id": e.id }),
            )
            .await,
            StatusCode::CONFLICT,
        )
        .await;
        // Freed, then booked again.
        let freed = app
            .client
            .delete(app.url(&booking(s.id)))
            .bearer_auth(&token)
            .send()
            .await
            .expect("request");
        assert_eq!(freed.status(), StatusCode::NO_CONTENT);
        assert_eq!(
            send(
                &app,
                Method::PUT,
                &booking(s.id),
                &token,
                &json!({ "entrepreneur_id": e.id })
            )
            .await
            .status(),
            StatusCode::OK
        );
        // A cancelled slot is not booked, nor changed again.
        let other = slot(&app, &token, m.id, 3).await;
        let cancelled: OfficeHour = expect_json(
            send(
                &app,
                Method::PATCH,
                &format!("{OFFICE_HOURS}/{}", other.id),
                &token,
                &json!({ "status": "cancelled" }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(cancelled.status, SlotStatus::Cancelled);
        expect_problem(
            send(
                &app,
                Method::PUT,
                &booking(other.id),
                &token,
                &json!({ "entrepreneur_id": e.id }),
            )
            .await,
            StatusCode::CONFLICT,
        )
        .await;
        // A past slot is not booked.
        let past = slot(&app, &token, m.id, 4).await;
        exec(&app, &format!(
            "UPDATE interlab_office_hours SET starts_at = '2026-01-05 09:00:00', ends_at = '2026-01-05 10:00:00' WHERE id = '{}'",
            past.id
        ));
        let p = expect_problem(
            send(
                &app,
                Method::PUT,
                &booking(past.id),
                &token,
                &json!({ "entrepreneur_id": e.id }),
            )
            .await,
            StatusCode::CONFLICT,
        )
        .await;
        assert!(
            p.detail.unwrap_or_default().to_lowercase().contains("past"),
            "English by default"
        );
        // A coach books for the entrepreneurs they accompany only.
        let (_, coach_token) = staff(&app, Role::Coach).await;
        let free = slot(&app, &token, m.id, 5).await;
        let p = expect_problem(
            send(
                &app,
                Method::PUT,
                &booking(free.id),
                &coach_token,
                &json!({ "entrepreneur_id": e.id }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(fields(&p), vec!["entrepreneur_id"]);
        // …and sees who booked other slots only for them: nobody here.
        let seen: Vec<OfficeHour> = expect_json(
            app.get(OFFICE_HOURS, Some(&coach_token)).await,
            StatusCode::OK,
        )
        .await;
        let first = seen.iter().find(|o| o.id == s.id).expect("listed");
        assert_eq!(
            first
                .booking
                .as_ref()
                .and_then(|b| b.entrepreneur_name.clone()),
            None
        );
        // A coach does not offer slots.
        expect_problem(
            send(&app, Method::POST, OFFICE_HOURS, &coach_token,
                &json!({ "mentor_id": m.id, "starts_at": at(6, 9), "ends_at": at(6, 10), "place": "Ici" })).await,
            StatusCode::FORBIDDEN,
        )
        .await;
    }
);

both!(
    fifty_simultaneous_bookings_of_one_slot_have_one_winner,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let m = mentor(&app, &token, "Claire", json!({})).await;
        let a = entrepreneur(&app, &token, "Rania", project("Saveurs d'Alep")).await;
        let b = entrepreneur(&app, &token, "Olena", project("Atelier Couture")).await;
        let s = slot(&app, &token, m.id, 2).await;
        let url = app.url(&booking(s.id));
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..PARALLEL {
            let (client, url, token) = (app.client.clone(), url.clone(), token.clone());
            let e = if i % 2 == 0 { a.id } else { b.id };
            tasks.spawn(async move {
                client
                    .put(url)
                    .bearer_auth(token)
                    .json(&json!({ "entrepreneur_id": e }))
                    .send()
                    .await
                    .expect("request")
                    .status()
            });
        }
        let mut won = 0;
        while let Some(status) = tasks.join_next().await {
            match status.expect("task") {
                StatusCode::OK => won += 1,
                StatusCode::CONFLICT => {}
                other => panic!("unexpected {other}"),
            }
        }
        assert_eq!(won, 1, "exactly one booking wins");
        let listed: Vec<OfficeHour> =
            expect_json(app.get(OFFICE_HOURS, Some(&token)).await, StatusCode::OK).await;
        assert!(listed[0].booking.is_some());
    }
);

both!(
    a_mentor_has_a_revocable_calendar_of_booked_slots,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let email = "mentor-feed@example.be";
        let user = app.create_user(email, Role::Mentor);
        let mt = app.sign_in(email, crate::helpers::PASSWORD).await.access;
        let m = mentor(&app, &token, "Claire", json!({ "account_id": user.id })).await;
        let other = mentor(&app, &token, "David", json!({})).await;
        let e = entrepreneur(&app, &token, "Rania", project("Saveurs d'Alep")).await;
        let booked = slot(&app, &token, m.id, 2).await;
        slot(&app, &token, m.id, 3).await;
        let theirs = slot(&app, &token, other.id, 2).await;
        for s in [booked.id, theirs.id] {
            assert_eq!(
                send(
                    &app,
                    Method::PUT,
                    &booking(s),
                    &token,
                    &json!({ "entrepreneur_id": e.id, "note": "Plan financier" })
                )
                .await
                .status(),
                StatusCode::OK
            );
        }
        // The mentor's account: its own slots, with who booked them; it offers its own only.
        let own: Vec<OfficeHour> =
            expect_json(app.get(OFFICE_HOURS, Some(&mt)).await, StatusCode::OK).await;
        assert_eq!(own.len(), 2);
        assert!(own.iter().all(|o| o.mentor_id == m.id));
        let mine = send(&app, Method::POST, OFFICE_HOURS, &mt,
            &json!({ "mentor_id": m.id, "starts_at": at(7, 9), "ends_at": at(7, 10), "video_url": "https://meet.example.org/claire" })).await;
        assert_eq!(mine.status(), StatusCode::CREATED);
        let not_mine = send(&app, Method::POST, OFFICE_HOURS, &mt,
            &json!({ "mentor_id": other.id, "starts_at": at(7, 9), "ends_at": at(7, 10), "place": "Ici" })).await;
        expect_problem(not_mine, StatusCode::UNPROCESSABLE_ENTITY).await;
        expect_problem(
            send(
                &app,
                Method::PATCH,
                &format!("{OFFICE_HOURS}/{}", theirs.id),
                &mt,
                &json!({ "status": "cancelled" }),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        // It books only the entrepreneurs of its active relations (none here).
        let p = expect_problem(
            send(
                &app,
                Method::PUT,
                &booking(booked.id),
                &mt,
                &json!({ "entrepreneur_id": e.id }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(fields(&p), vec!["entrepreneur_id"]);

        let feed: MentorFeed = expect_json(
            send(
                &app,
                Method::POST,
                &format!("{MENTORS}/{}/feed", m.id),
                &token,
                &json!({}),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let token_part = feed
            .path
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".ics")
            .to_owned();
        assert!(token_part.len() >= 22, "at least 128 bits");
        let res = app
            .bare
            .get(app.url(&feed.path))
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/calendar"));
        let ics = res.text().await.expect("body");
        assert_eq!(
            ics.matches("BEGIN:VEVENT").count(),
            1,
            "booked slots only, its own: {ics}"
        );
        assert!(ics.contains("Saveurs d'Alep") && ics.contains("TZID=Europe/Brussels"));
        assert!(!ics.contains("@example.be"), "no contact details");
        // Rotated: the old address stops working; revoked: none works.
        let rotated: MentorFeed = expect_json(
            send(
                &app,
                Method::POST,
                &format!("{MENTORS}/{}/feed", m.id),
                &token,
                &json!({}),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_ne!(rotated.path, feed.path);
        assert_eq!(
            app.bare
                .get(app.url(&feed.path))
                .send()
                .await
                .expect("request")
                .status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.bare
                .get(app.url(&rotated.path))
                .send()
                .await
                .expect("request")
                .status(),
            StatusCode::OK
        );
        let revoked = app
            .client
            .delete(app.url(&format!("{MENTORS}/{}/feed", m.id)))
            .bearer_auth(&token)
            .send()
            .await
            .expect("request");
        assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
        assert_eq!(
            app.bare
                .get(app.url(&rotated.path))
                .send()
                .await
                .expect("request")
                .status(),
            StatusCode::NOT_FOUND
        );
        // A coach may not make or close feeds.
        let (_, coach_token) = staff(&app, Role::Coach).await;
        expect_problem(
            send(
                &app,
                Method::POST,
                &format!("{MENTORS}/{}/feed", m.id),
                &coach_token,
                &json!({}),
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
    }
);
