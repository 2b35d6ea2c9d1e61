//! The public agenda held in memory (issue 20, "cache misses"): it selects exactly what the
//! database would, loaded in full or brought up to date after changes, and the feeds built on
//! it order, page and stay current as partners expect.

use chrono::{Duration, Utc};
use interra_api::activities::public::agenda::{Agenda, Page};
use interra_api::activities::store::{self, ActivityQuery};
use shared::activities::{
    ActivityInput, ActivityKind, ActivityProgramme, ActivityStatus, PublicEvent, Visibility,
};
use shared::auth::Role;
use uuid::Uuid;

use crate::activity_fixtures::*;
use crate::both;
use crate::helpers::TestApp;

const EVENTS: &str = "/api/v1/public/events";

/// The queries the feeds make, over every filter they combine.
fn queries() -> Vec<ActivityQuery> {
    let now = Utc::now().naive_utc();
    let day = Duration::days(1);
    let mut out = Vec::new();
    for public_since in [now - day * 30, now + day] {
        for (start, end) in [
            (None, None),
            (Some(now), None),
            (Some(now + day * 5), Some(now + day * 15)),
            (None, Some(now + day * 9)),
        ] {
            for programme in [None, Some(ActivityProgramme::Training)] {
                out.push(ActivityQuery {
                    start,
                    end,
                    programme,
                    public_since: Some(public_since),
                    ..Default::default()
                });
            }
        }
        out.push(ActivityQuery {
            kind: Some(ActivityKind::Networking),
            public_since: Some(public_since),
            ..Default::default()
        });
        out.push(ActivityQuery {
            status: Some(ActivityStatus::Cancelled),
            public_since: Some(public_since),
            ..Default::default()
        });
        out.push(ActivityQuery {
            modified_since: Some(now - Duration::minutes(30)),
            public_since: Some(public_since),
            ..Default::default()
        });
        out.push(ActivityQuery {
            modified_since: Some(now + day),
            public_since: Some(public_since),
            ..Default::default()
        });
    }
    out
}

/// Ids of what the database lists and what the agenda selects, for every query.
fn compare(app: &TestApp, agenda: &Agenda, when: &str) {
    let mut conn = app.db.conn().expect("conn");
    for q in queries() {
        let (rows, count) = store::list(&mut conn, &q, 0, i64::MAX).expect("list");
        let (page, n) = agenda.select(Page {
            query: &q,
            tag_slugs: &[],
            words: &[],
            languages: &[],
            descending: false,
            offset: 0,
            limit: usize::MAX,
        });
        let db: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let mem: Vec<&str> = page.iter().map(|e| e.rec.row.id.as_str()).collect();
        assert_eq!(mem, db, "{when}: {q:?}");
        assert_eq!(i64::try_from(n).ok(), Some(count), "{when}: {q:?}");
    }
    let version = store::public_version(&mut conn).expect("version");
    assert_eq!(i64::try_from(agenda.len()).ok(), Some(version.1), "{when}");
}

fn with(base: ActivityInput, f: impl FnOnce(&mut ActivityInput)) -> ActivityInput {
    let mut a = base;
    f(&mut a);
    a
}

both!(
    the_agenda_in_memory_selects_what_the_database_lists,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let mut made: Vec<(Uuid, ActivityInput)> = Vec::new();
        for i in 0..18_i64 {
            let mut a = upcoming(&format!("Atelier {i}"), i - 4, Some(10));
            if i % 3 == 1 {
                a.programme = Some(ActivityProgramme::Training);
                a.kind = Some(ActivityKind::Training);
            }
            if i % 5 == 2 {
                a.kind = Some(ActivityKind::Networking);
            }
            if i % 7 == 3 {
                a.status = Some(ActivityStatus::Draft);
            }
            if i % 7 == 5 {
                a.visibility = Some(Visibility::Internal);
            }
            let id = create_activity(&app, &token, &a).await.id;
            made.push((id, a));
        }
        // Cancelled, withdrawn (back to internal, back to draft).
        for (n, (id, a)) in made.iter_mut().enumerate().filter(|(n, _)| n % 7 == 0) {
            let changed = match n % 3 {
                0 => with(a.clone(), |a| {
                    a.status = Some(ActivityStatus::Cancelled);
                    a.cancel_reason = Some("Animatrice malade".into());
                }),
                1 => with(a.clone(), |a| a.visibility = Some(Visibility::Internal)),
                _ => with(a.clone(), |a| a.status = Some(ActivityStatus::Draft)),
            };
            update_activity(&app, &token, *id, &changed).await;
            *a = changed;
        }
        let mut conn = app.db.conn().expect("conn");
        let first = Agenda::load(&mut conn).expect("load");
        drop(conn);
        compare(&app, &first, "loaded");

        // Changes after the agenda was read: a new activity, a publication, a withdrawal, a
        // cancellation; the agenda brought up to date selects what the database lists.
        let new = create_activity(&app, &token, &upcoming("Nouvel atelier", 8, None)).await;
        for (n, (id, a)) in made.iter().enumerate().skip(1).step_by(4) {
            let changed = with(a.clone(), |a| match n % 3 {
                0 => {
                    a.status = Some(ActivityStatus::Cancelled);
                    a.cancel_reason = Some("Salle indisponible".into());
                }
                1 => {
                    a.status = Some(ActivityStatus::Published);
                    a.visibility = Some(Visibility::Public);
                }
                _ => a.visibility = Some(Visibility::Internal),
            });
            update_activity(&app, &token, *id, &changed).await;
        }
        let mut conn = app.db.conn().expect("conn");
        let second = first.refresh(&mut conn).expect("refresh");
        drop(conn);
        compare(&app, &second, "refreshed");
        assert!(
            second.len() > first.len(),
            "the new activity {} is in the refreshed agenda",
            new.id
        );
    }
);

both!(
    latest_first_starts_from_the_latest_activity,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let mut ids = Vec::new();
        for days in [3, 6, 9, 12, 15] {
            ids.push(
                create_activity(
                    &app,
                    &token,
                    &upcoming(&format!("Atelier J+{days}"), days, None),
                )
                .await
                .id,
            );
        }
        let page = |query: &str| {
            let app = &app;
            let path = format!("{EVENTS}?{query}");
            async move {
                let p: shared::Page<PublicEvent> = get_json(app, &path, None).await;
                (p.count, p.results.iter().map(|e| e.id).collect::<Vec<_>>())
            }
        };
        assert_eq!(
            page("ordering=-start&page_size=2").await,
            (5, vec![ids[4], ids[3]]),
            "the latest two first"
        );
        assert_eq!(
            page("ordering=-start&page_size=2&page=3").await,
            (5, vec![ids[0]])
        );
        assert_eq!(page("page_size=2").await, (5, vec![ids[0], ids[1]]));
    }
);

both!(
    a_registration_shows_in_the_next_page_of_the_feed,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let a = create_activity(&app, &token, &upcoming("Atelier cuisine", 4, Some(3))).await;
        let remaining = |query: &'static str| {
            let app = &app;
            async move {
                let p: shared::Page<PublicEvent> =
                    get_json(app, &format!("{EVENTS}?{query}"), None).await;
                p.results
                    .iter()
                    .find(|e| e.id == a.id)
                    .and_then(|e| e.remaining_places)
            }
        };
        assert_eq!(remaining("page_size=10").await, Some(3));
        let person = create_person(&app, &token, "Amina", true).await;
        register(&app, &token, a.id, person).await;
        // A query string never asked before (rendered from the agenda) and the one asked
        // before (its rendering dropped by the write) both count the new seat.
        assert_eq!(remaining("page_size=11").await, Some(2));
        assert_eq!(remaining("page_size=10").await, Some(2));
    }
);
