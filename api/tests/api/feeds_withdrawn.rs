//! An activity once public never silently leaves the feeds (issue 12 §7): set back to draft or
//! internal, it stays in the JSON, ICS and RSS feeds as cancelled, with a higher SEQUENCE, and
//! `modified_since` reports it. Also the RSS feed's conditional GET.

use chrono::{SecondsFormat, Utc};
use icalendar::parser::{read_calendar, unfold, Component};
use reqwest::header::{ETAG, LAST_MODIFIED};
use reqwest::{Method, StatusCode};
use shared::activities::{ActivityInput, ActivityStatus, PublicEvent, Visibility};
use shared::auth::Role;
use shared::Page;
use uuid::Uuid;

use crate::activity_fixtures::*;
use crate::both;
use crate::helpers::{expect_problem, TestApp};

const ICS: &str = "/api/v1/public/events.ics";
const RSS: &str = "/api/v1/public/events.rss";

/// The activity's entry in the JSON feed (with `query`), if listed.
async fn json_entry(app: &TestApp, query: &str, id: Uuid) -> Option<PublicEvent> {
    let page: Page<PublicEvent> = get_json(app, &format!("{EVENTS}{query}"), None).await;
    page.results.into_iter().find(|e| e.id == id)
}

/// STATUS and SEQUENCE of the activity's VEVENT, if listed.
async fn ics_entry(app: &TestApp, id: Uuid) -> Option<(String, i64)> {
    let raw = get_text(app, ICS).await;
    let text = unfold(&raw);
    let cal = read_calendar(&text).expect("valid iCalendar");
    let uid = format!("{id}@interra.be");
    let found: Vec<&Component<'_>> = cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .filter(|c| c.find_prop("UID").is_some_and(|p| p.val.as_str() == uid))
        .collect();
    assert!(found.len() <= 1, "one VEVENT per activity");
    found.first().map(|e| {
        let prop = |n: &str| {
            e.find_prop(n)
                .map(|p| p.val.as_str().to_owned())
                .unwrap_or_default()
        };
        (prop("STATUS"), prop("SEQUENCE").parse().expect("sequence"))
    })
}

/// The activity's RSS `<item>`, if listed.
async fn rss_item(app: &TestApp, id: Uuid) -> Option<String> {
    let xml = get_text(app, RSS).await;
    let guid = format!("urn:uuid:{id}");
    xml.split("<item>")
        .skip(1)
        .find(|item| item.contains(&guid))
        .map(str::to_owned)
}

both!(
    a_withdrawn_activity_stays_in_every_feed_as_cancelled,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let mut input = upcoming("Balade au Sart-Tilman", 6, Some(12));
        let a = create_activity(&app, &token, &input).await;
        let draft_only = create_activity(
            &app,
            &token,
            &ActivityInput {
                status: Some(ActivityStatus::Draft),
                ..upcoming("Jamais publiée", 6, None)
            },
        )
        .await;

        let listed = json_entry(&app, "", a.id).await.expect("listed");
        assert_eq!(listed.status, ActivityStatus::Published);
        let (status, seq0) = ics_entry(&app, a.id).await.expect("in the calendar");
        assert_eq!(status, "CONFIRMED");
        let item = rss_item(&app, a.id).await.expect("in RSS");
        assert!(!item.contains("cancelled"), "{item}");
        assert!(json_entry(&app, "", draft_only.id).await.is_none());

        // Back to draft: still there, as cancelled, and reported as changed.
        let before = Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true);
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        input.status = Some(ActivityStatus::Draft);
        update_activity(&app, &token, a.id, &input).await;
        let since = format!("?modified_since={}", urlencoding(&before));
        let changed = json_entry(&app, &since, a.id)
            .await
            .expect("modified_since reports the withdrawal");
        assert_eq!(changed.status, ActivityStatus::Cancelled);
        assert_eq!(
            json_entry(&app, "", a.id).await.map(|e| e.status),
            Some(ActivityStatus::Cancelled)
        );
        let (status, seq1) = ics_entry(&app, a.id).await.expect("still in the calendar");
        assert_eq!(status, "CANCELLED");
        assert!(seq1 > seq0, "SEQUENCE {seq1} after {seq0}");
        let item = rss_item(&app, a.id).await.expect("still in RSS");
        assert!(item.contains("<category>cancelled</category>"), "{item}");
        assert!(item.contains("(annulé)</title>"), "{item}");
        // Its public page says so too; nobody can register any more.
        let page: PublicEvent = get_json(&app, &format!("{EVENTS}/{}", a.id), None).await;
        assert_eq!(page.status, ActivityStatus::Cancelled);
        let form = serde_json::json!({
            "first_name": "Lina", "email": "lina@example.org", "profile": "local",
            "lang": "fr", "notice_version": "2026-11", "consent": true
        });
        let res = send_with(
            &app,
            Method::POST,
            &format!("{EVENTS}/{}/register", a.id),
            None,
            &[],
            Some(&form),
        )
        .await;
        expect_problem(res, StatusCode::NOT_FOUND).await;

        // Published again but internal: still cancelled for the public, sequence higher again.
        input.status = Some(ActivityStatus::Published);
        input.visibility = Some(Visibility::Internal);
        update_activity(&app, &token, a.id, &input).await;
        assert_eq!(
            json_entry(&app, "", a.id).await.map(|e| e.status),
            Some(ActivityStatus::Cancelled)
        );
        let (status, seq2) = ics_entry(&app, a.id).await.expect("still in the calendar");
        assert_eq!(status, "CANCELLED");
        assert!(seq2 > seq1, "SEQUENCE {seq2} after {seq1}");
        assert!(rss_item(&app, a.id).await.is_some());

        // Public again: back to normal.
        input.visibility = Some(Visibility::Public);
        update_activity(&app, &token, a.id, &input).await;
        assert_eq!(
            json_entry(&app, "", a.id).await.map(|e| e.status),
            Some(ActivityStatus::Published)
        );
        let (status, seq3) = ics_entry(&app, a.id).await.expect("in the calendar");
        assert_eq!(status, "CONFIRMED");
        assert!(seq3 > seq2);
        // A draft that was never public never shows.
        assert!(json_entry(&app, "", draft_only.id).await.is_none());
        assert!(ics_entry(&app, draft_only.id).await.is_none());
        assert!(rss_item(&app, draft_only.id).await.is_none());
    }
);

/// Percent-encodes the `+` and `:` of an RFC 3339 instant for a query string.
fn urlencoding(s: &str) -> String {
    s.replace('+', "%2B").replace(':', "%3A")
}

both!(
    rss_feed_answers_304_when_unchanged,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let mut input = upcoming("Atelier couture", 4, Some(8));
        let a = create_activity(&app, &token, &input).await;
        let res = app.get(RSS, None).await;
        assert_eq!(res.status(), StatusCode::OK);
        let etag = res.headers()[ETAG].to_str().expect("ascii").to_owned();
        let last_modified = res.headers()[LAST_MODIFIED]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(res.text().await.expect("body").contains("Atelier couture"));

        for (name, value) in [
            ("If-None-Match", etag.as_str()),
            ("If-Modified-Since", last_modified.as_str()),
        ] {
            let res = get_with(&app, RSS, &[(name, value)]).await;
            assert_eq!(res.status(), StatusCode::NOT_MODIFIED, "{name}");
            assert_eq!(res.headers()[ETAG].to_str().expect("ascii"), etag);
            assert!(
                res.bytes().await.expect("body").is_empty(),
                "304 has no body"
            );
        }
        // A stale tag gets the feed.
        let res = get_with(&app, RSS, &[("If-None-Match", "W/\"0000\"")]).await;
        assert_eq!(res.status(), StatusCode::OK);

        // A withdrawal changes the feed: the old tag no longer matches.
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        input.visibility = Some(Visibility::Internal);
        update_activity(&app, &token, a.id, &input).await;
        let res = get_with(&app, RSS, &[("If-None-Match", &etag)]).await;
        assert_eq!(res.status(), StatusCode::OK);
        let res = get_with(&app, RSS, &[("If-Modified-Since", &last_modified)]).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.text().await.expect("body").contains("(annulé)"));
    }
);
