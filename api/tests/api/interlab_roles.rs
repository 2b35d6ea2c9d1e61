//! Who may do what beyond the per-resource scenarios: a mentor's account records meetings and
//! books office hours for the entrepreneurs of its active relations (as one of those who were
//! there, into its own slots; nothing for anyone else, no change to a meeting afterwards), and
//! the coach picker lists the staff who may accompany, for those who assign coaches only.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use shared::auth::Role;
use shared::interlab::{CoachChoice, MentorFeed, Mentorship, OfficeHour};

use crate::both;
use crate::duo_fixtures::exec;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::interlab_fixtures::*;
use crate::interlab_mentoring::{activate, fields, mentor, propose, MENTORS};
use crate::interlab_office_hours::{booking, slot};
use crate::people_fixtures::{count_rows, staff};

both!(
    a_mentor_records_meetings_and_books_office_hours_for_its_relations_only,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let rania = entrepreneur(&app, &token, "Rania", project("Saveurs d'Alep")).await;
        let olena = entrepreneur(&app, &token, "Olena", project("Broderies de Kyiv")).await;
        let email = "mentor-rec@example.be";
        let user = app.create_user(email, Role::Mentor);
        let mt = app.sign_in(email, crate::helpers::PASSWORD).await.access;
        let m = mentor(
            &app,
            &token,
            "Claire",
            json!({ "account_id": user.id, "capacity": 3 }),
        )
        .await;
        let other = mentor(&app, &token, "David", json!({})).await;
        // A relation only proposed gives nothing yet.
        let r: Mentorship = expect_json(
            propose(&app, &token, m.id, rania.id).await,
            StatusCode::CREATED,
        )
        .await;
        let meetings = |id: uuid::Uuid| format!("{ENTREPRENEURS}/{id}/meetings");
        let body = json!({
            "held_on": "2026-11-24",
            "entrepreneur_words": "Je veux vendre aux entreprises.",
            "notes": "Prête pour un premier devis.",
            "next_steps": [{ "text": "Écrire un devis type" }],
        });
        expect_problem(
            send(&app, Method::POST, &meetings(rania.id), &mt, &body).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        activate(&app, &token, r.id).await;

        // Active: it records a meeting for Rania, and is among those who were there.
        let created: Value = expect_json(
            send(&app, Method::POST, &meetings(rania.id), &mt, &body).await,
            StatusCode::CREATED,
        )
        .await;
        let attendees = created["attendees"].as_array().expect("attendees");
        assert_eq!(attendees.len(), 1, "{attendees:?}");
        assert_eq!(attendees[0]["person_id"], json!(m.person_id));
        assert_eq!(created["notes"], "Prête pour un premier devis.");
        let seen: Value = expect_json(
            app.get(&meetings(rania.id), Some(&mt)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(seen.as_array().map(Vec::len), Some(1));
        // Not for Olena, with whom it has no relation; no change afterwards.
        expect_problem(
            send(&app, Method::POST, &meetings(olena.id), &mt, &body).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        let id = created["id"].as_str().expect("id");
        expect_problem(
            send(
                &app,
                Method::PUT,
                &format!("{}/{id}", meetings(rania.id)),
                &mt,
                &body,
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        expect_problem(
            send(
                &app,
                Method::DELETE,
                &format!("{}/{id}", meetings(rania.id)),
                &mt,
                &json!({}),
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        assert_eq!(count_rows(&app, "interlab_meetings"), 1);

        // Office hours: Rania into its own slot; not Olena; not into David's slot.
        let own = slot(&app, &token, m.id, 2).await;
        let theirs = slot(&app, &token, other.id, 2).await;
        let p = expect_problem(
            send(
                &app,
                Method::PUT,
                &booking(own.id),
                &mt,
                &json!({ "entrepreneur_id": olena.id }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(fields(&p), vec!["entrepreneur_id"]);
        expect_problem(
            send(
                &app,
                Method::PUT,
                &booking(theirs.id),
                &mt,
                &json!({ "entrepreneur_id": rania.id }),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        let booked: OfficeHour = expect_json(
            send(
                &app,
                Method::PUT,
                &booking(own.id),
                &mt,
                &json!({ "entrepreneur_id": rania.id, "note": "Le devis" }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            booked.booking.as_ref().map(|b| b.entrepreneur_id),
            Some(Some(rania.id))
        );
        // David's slot is still free, for the team to book.
        let all: Vec<OfficeHour> = expect_json(
            app.get(crate::interlab_office_hours::OFFICE_HOURS, Some(&token))
                .await,
            StatusCode::OK,
        )
        .await;
        let david = all.iter().find(|o| o.id == theirs.id).expect("listed");
        assert!(david.booking.is_none());
    }
);

both!(
    coordinators_list_the_staff_who_may_coach,
    |app: TestApp| async move {
        const COACHES: &str = "/api/v1/interlab/coaches";
        let token = app.token_for(Role::Coordinator).await;
        let (coach, coach_token) = staff(&app, Role::Coach).await;
        let (gone, _) = staff(&app, Role::Coach).await;
        exec(
            &app,
            &format!("UPDATE users SET active = false WHERE id = '{gone}'"),
        );
        let mentor_user = app.create_user("mentor-picker@example.be", Role::Mentor);
        let mentor_id = uuid::Uuid::parse_str(&mentor_user.id).expect("id");
        let list: Vec<CoachChoice> =
            expect_json(app.get(COACHES, Some(&token)).await, StatusCode::OK).await;
        let ids: Vec<uuid::Uuid> = list.iter().map(|c| c.id).collect();
        assert!(ids.contains(&coach), "{list:?}");
        assert!(!ids.contains(&gone), "an inactive account is not offered");
        assert!(
            !ids.contains(&mentor_id),
            "a mentor's account does not coach"
        );
        assert!(list.iter().all(|c| c.role != Role::Mentor));
        let names: Vec<String> = list.iter().map(|c| c.display_name.to_lowercase()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "by name");
        // An e-mail address is not what a picker needs.
        let raw: Value = expect_json(app.get(COACHES, Some(&token)).await, StatusCode::OK).await;
        let keys: Vec<&String> = raw[0].as_object().expect("an object").keys().collect();
        assert_eq!(keys, ["display_name", "id", "role"], "{raw}");
        let admin = app.token_for(Role::Admin).await;
        expect_json::<Vec<CoachChoice>>(app.get(COACHES, Some(&admin)).await, StatusCode::OK).await;
        // Coaches and mentors do not assign coaches.
        let mt = app
            .sign_in("mentor-picker@example.be", crate::helpers::PASSWORD)
            .await
            .access;
        for t in [&coach_token, &mt] {
            expect_problem(app.get(COACHES, Some(t)).await, StatusCode::FORBIDDEN).await;
        }
        expect_problem(app.get(COACHES, None).await, StatusCode::UNAUTHORIZED).await;
    }
);

both!(
    a_mentor_makes_and_closes_its_own_calendar_feed_only,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let email = "mentor-own-feed@example.be";
        let user = app.create_user(email, Role::Mentor);
        let mt = app.sign_in(email, crate::helpers::PASSWORD).await.access;
        let m = mentor(&app, &token, "Claire", json!({ "account_id": user.id })).await;
        let other = mentor(&app, &token, "David", json!({})).await;
        // Its own entry, found without knowing its id; staff accounts have none.
        let me: shared::interlab::Mentor = expect_json(
            app.get(&format!("{MENTORS}/me"), Some(&mt)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(me.id, m.id);
        assert!(!me.has_feed);
        expect_problem(
            app.get(&format!("{MENTORS}/me"), Some(&token)).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        let feed = |id: uuid::Uuid| format!("{MENTORS}/{id}/feed");
        let made: MentorFeed = expect_json(
            send(&app, Method::POST, &feed(m.id), &mt, &json!({})).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            app.bare
                .get(app.url(&made.path))
                .send()
                .await
                .expect("request")
                .status(),
            StatusCode::OK
        );
        // Not another mentor's feed.
        expect_problem(
            send(&app, Method::POST, &feed(other.id), &mt, &json!({})).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        expect_problem(
            send(&app, Method::DELETE, &feed(other.id), &mt, &json!({})).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        // Revoked by itself: the address stops working.
        let revoked = app
            .client
            .delete(app.url(&feed(m.id)))
            .bearer_auth(&mt)
            .send()
            .await
            .expect("request");
        assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
        assert_eq!(
            app.bare
                .get(app.url(&made.path))
                .send()
                .await
                .expect("request")
                .status(),
            StatusCode::NOT_FOUND
        );
    }
);
