//! The public agenda: the iCalendar feed checked by an independent parser, conditional GET,
//! the JSON feed's filters, RSS, the embeddable agenda, JSON-LD on the public page, and the
//! public registration form.

use std::io::Read;

use icalendar::parser::{read_calendar, unfold, Component};
use reqwest::header::{
    ACCEPT_ENCODING, ACCESS_CONTROL_ALLOW_ORIGIN, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE,
    ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, VARY,
};
use reqwest::{Method, StatusCode};
use shared::activities::{
    ActivityHostInput, ActivityKind, ActivityProgramme, ActivityStatus, PublicEvent,
    PublicRegistration, PublicRegistrationReceipt, Recurrence, RegistrationStatus, SeriesInput,
    Visibility,
};
use shared::auth::Role;
use shared::people::Category;
use shared::{Lang, Page};
use uuid::Uuid;

use crate::activity_fixtures::*;
use crate::both;
use crate::helpers::{expect_json, Backend, TestApp};

const ICS: &str = "/api/v1/public/events.ics";

/// The VEVENTs of a parsed calendar.
fn events<'a>(cal: &'a [Component<'a>]) -> Vec<&'a Component<'a>> {
    cal.iter().filter(|c| c.name.as_str() == "VEVENT").collect()
}

fn prop<'a>(c: &'a Component<'a>, name: &str) -> String {
    c.find_prop(name)
        .map(|p| p.val.as_str().to_owned())
        .unwrap_or_else(|| panic!("no {name}"))
}

fn event_by_uid<'a>(cal: &'a [Component<'a>], id: Uuid) -> &'a Component<'a> {
    let uid = format!("{id}@interra.be");
    let found: Vec<_> = events(cal)
        .into_iter()
        .filter(|e| prop(e, "UID") == uid)
        .collect();
    assert_eq!(found.len(), 1, "one VEVENT with UID {uid}");
    found[0]
}

/// Checks the raw text (CRLF, folding at 75 octets) and returns it unfolded.
fn check_raw_ics(raw: &str) -> String {
    assert!(raw.ends_with("\r\n"));
    for line in raw.split("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line break in {line:?}"
        );
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    unfold(raw)
}

async fn fetch_ics(app: &TestApp, query: &str) -> String {
    let res = app.get(&format!("{ICS}{query}"), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let ct = res.headers()[CONTENT_TYPE]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert_eq!(ct, "text/calendar; charset=utf-8");
    res.text().await.expect("body")
}

both!(
    ics_feed_is_valid_rfc5545,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let host = create_person_from(
            &app,
            &token,
            &shared::people::PersonInput {
                last_name: Some("Berkanisecret".into()),
                phone: Some("+32470123456".into()),
                ..person_input("Nadiasecret", true)
            },
        )
        .await;
        let title = format!(
            "ورشة الطبخ السوري مع نادية، {} — atelier été, pâtés; crème brûlée",
            "مطبخ حلب ".repeat(8)
        );
        let description =
            "Apportez: tablier, couteau; bonne humeur.\nDeuxième ligne, avec \\ barre.\nفي الختام";
        let mut input = upcoming(&title, 12, Some(12));
        input.description = [("fr".to_owned(), description.to_owned())]
            .into_iter()
            .collect();
        input.hosts = vec![ActivityHostInput {
            person_id: host.id,
            public_name: Some("Chef N.".into()),
        }];
        input.tags = vec![tag_id(&app, &token, "cooking").await];
        let a = create_activity(&app, &token, &input).await;
        // Series sessions: one UID each.
        let sessions: Vec<shared::activities::Activity> = expect_json(
            app.send_json(
                Method::POST,
                &format!("{ACTIVITIES}/series"),
                Some(&token),
                &SeriesInput {
                    first: upcoming("Série", 20, None),
                    recurrence: Recurrence::Weekly {
                        every_weeks: 1,
                        until: (chrono::Utc::now() + chrono::Duration::days(34)).date_naive(),
                    },
                },
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(sessions.len(), 3);
        // Never in the feed: a draft and an internal activity.
        let mut draft = upcoming("Brouillon secret", 9, None);
        draft.status = Some(ActivityStatus::Draft);
        let draft = create_activity(&app, &token, &draft).await;
        let mut internal = upcoming("Réunion interne", 9, None);
        internal.visibility = Some(Visibility::Internal);
        let internal = create_activity(&app, &token, &internal).await;

        let raw = fetch_ics(&app, "").await;
        let unfolded = check_raw_ics(&raw);
        assert!(raw.contains("\r\n "), "long lines are folded");
        let cal = read_calendar(&unfolded).expect("the feed parses");
        let prop_of = |name: &str| {
            cal.properties
                .iter()
                .find(|p| p.name.as_str() == name)
                .map(|p| p.val.as_str().to_owned())
                .unwrap_or_else(|| panic!("no calendar {name}"))
        };
        assert!(prop_of("PRODID").contains("Interra"));
        assert_eq!(prop_of("VERSION"), "2.0");
        assert_eq!(prop_of("METHOD"), "PUBLISH");
        assert!(!prop_of("X-WR-CALNAME").is_empty());
        assert_eq!(prop_of("REFRESH-INTERVAL"), "PT1H");
        let tz: Vec<_> = cal
            .components
            .iter()
            .filter(|c| c.name.as_str() == "VTIMEZONE")
            .collect();
        assert_eq!(tz.len(), 1);
        assert_eq!(prop(tz[0], "TZID"), "Europe/Brussels");
        let parts: Vec<&str> = tz[0].components.iter().map(|c| c.name.as_str()).collect();
        assert!(parts.contains(&"DAYLIGHT") && parts.contains(&"STANDARD"));

        let ev = event_by_uid(&cal.components, a.id);
        assert_eq!(prop(ev, "SUMMARY"), title, "summary round-trips");
        assert_eq!(prop(ev, "DESCRIPTION"), description, "escaping round-trips");
        assert!(prop(ev, "LOCATION").contains("La Grand Poste"));
        assert_eq!(prop(ev, "STATUS"), "CONFIRMED");
        assert_eq!(prop(ev, "SEQUENCE"), "0");
        assert!(prop(ev, "URL").ends_with(&format!("/events/{}", a.id)));
        assert!(prop(ev, "CATEGORIES").contains("cooking"));
        for name in ["DTSTAMP", "LAST-MODIFIED"] {
            assert!(prop(ev, name).ends_with('Z'), "{name} in UTC");
        }
        let start = ev.find_prop("DTSTART").expect("DTSTART");
        let tzid = start
            .params
            .iter()
            .find(|p| p.key.as_str() == "TZID")
            .and_then(|p| p.val.as_ref())
            .map(|v| v.as_str().to_owned());
        assert_eq!(tzid.as_deref(), Some("Europe/Brussels"));
        assert!(start.val.as_str().ends_with("T140000"));
        // The raw text escapes what RFC 5545 says.
        assert!(unfolded.contains("tablier\\, couteau\\; bonne humeur.\\nDeuxième"));

        let uids: Vec<String> = events(&cal.components)
            .iter()
            .map(|e| prop(e, "UID"))
            .collect();
        let mut unique = uids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            uids.len(),
            "no UID shared between occurrences"
        );
        for s in &sessions {
            event_by_uid(&cal.components, s.id);
        }
        assert_eq!(uids.len(), 4);
        for hidden in [&draft, &internal] {
            assert!(!raw.contains(&hidden.id.to_string()));
        }
        assert!(!unfolded.contains("Brouillon secret") && !unfolded.contains("Réunion interne"));
        // A per-programme calendar.
        let training = unfold(&fetch_ics(&app, "?programme=training").await);
        let training = read_calendar(&training).expect("parses");
        assert!(events(&training.components).is_empty());
        assert!(training
            .properties
            .iter()
            .any(|p| p.name.as_str() == "X-WR-CALNAME" && p.val.as_str().contains("training")));
        // Hosts' personal data never appears.
        for secret in ["Berkanisecret", "Nadiasecret", "+32470123456", "example.be"] {
            assert!(!unfolded.contains(secret), "{secret} in the feed");
        }
    }
);

both!(
    ics_uid_stays_and_sequence_follows_meaningful_changes,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let mut input = upcoming("Atelier couture", 15, Some(8));
        let a = create_activity(&app, &token, &input).await;
        let seq_in_feed = |raw: &str| {
            let unfolded = unfold(raw);
            let cal = read_calendar(&unfolded).expect("parses");
            let ev = event_by_uid(&cal.components, a.id);
            (
                prop(ev, "SEQUENCE"),
                prop(ev, "STATUS"),
                prop(ev, "DTSTART"),
            )
        };
        let first = fetch_ics(&app, "").await;
        let again = fetch_ics(&app, "").await;
        assert_eq!(first, again, "the same agenda gives the same feed");
        assert_eq!(seq_in_feed(&first).0, "0");

        // Cosmetic change: same sequence.
        input.accessibility_notes = Some("Accessible en chaise roulante".into());
        let b = update_activity(&app, &token, a.id, &input).await;
        assert_eq!(b.sequence, 0);
        assert_eq!(seq_in_feed(&fetch_ics(&app, "").await).0, "0");

        // Moved by an hour: the sequence increases, the UID stays.
        input.starts_at = in_days(15, "15:00");
        input.ends_at = in_days(15, "17:00");
        let c = update_activity(&app, &token, a.id, &input).await;
        assert_eq!(c.sequence, 1);
        let (seq, status, start) = seq_in_feed(&fetch_ics(&app, "").await);
        assert_eq!(seq, "1");
        assert_eq!(status, "CONFIRMED");
        assert!(start.ends_with("T150000"), "{start}");

        // Cancelled: kept in the feed as CANCELLED, with a higher sequence.
        input.status = Some(ActivityStatus::Cancelled);
        input.cancel_reason = Some("Salle indisponible".into());
        let d = update_activity(&app, &token, a.id, &input).await;
        assert_eq!(d.sequence, 2);
        let raw = fetch_ics(&app, "").await;
        let (seq, status, _) = seq_in_feed(&raw);
        assert_eq!((seq.as_str(), status.as_str()), ("2", "CANCELLED"));
        assert!(unfold(&raw).contains("Salle indisponible"));
        let page: Page<PublicEvent> = get_json(&app, EVENTS, None).await;
        let e = page
            .results
            .iter()
            .find(|e| e.id == a.id)
            .expect("still listed");
        assert_eq!(e.status, ActivityStatus::Cancelled);
    }
);

both!(
    ics_local_times_on_daylight_saving_days,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let march = next_last_sunday(3);
        let october = next_last_sunday(10);
        let spring = create_activity(
            &app,
            &token,
            &activity(
                "Printemps",
                &format!("{march}T14:00"),
                &format!("{march}T16:00"),
            ),
        )
        .await;
        let autumn = create_activity(
            &app,
            &token,
            &activity(
                "Automne",
                &format!("{october}T14:00"),
                &format!("{october}T16:00"),
            ),
        )
        .await;
        // Summer time (UTC+2) after the spring change, winter time (UTC+1) after the autumn one.
        assert_eq!(spring.starts_at.format("%H:%M").to_string(), "12:00");
        assert_eq!(autumn.starts_at.format("%H:%M").to_string(), "13:00");
        assert!(spring.starts_at_local.ends_with("T14:00:00+02:00"));
        assert!(autumn.starts_at_local.ends_with("T14:00:00+01:00"));
        let raw = fetch_ics(&app, "").await;
        let unfolded = check_raw_ics(&raw);
        let cal = read_calendar(&unfolded).expect("parses");
        for (a, day) in [(&spring, march), (&autumn, october)] {
            let ev = event_by_uid(&cal.components, a.id);
            let compact = day.format("%Y%m%d").to_string();
            assert_eq!(prop(ev, "DTSTART"), format!("{compact}T140000"));
            assert_eq!(prop(ev, "DTEND"), format!("{compact}T160000"));
        }
        let page: Page<PublicEvent> = get_json(&app, EVENTS, None).await;
        let local: Vec<&str> = page
            .results
            .iter()
            .filter(|e| e.id == spring.id || e.id == autumn.id)
            .map(|e| e.start_local.as_str())
            .collect();
        assert_eq!(
            local,
            vec![
                format!("{march}T14:00:00+02:00"),
                format!("{october}T14:00:00+01:00")
            ]
        );
    }
);

fn header(res: &reqwest::Response, name: reqwest::header::HeaderName) -> String {
    res.headers()
        .get(&name)
        .unwrap_or_else(|| panic!("no {name}"))
        .to_str()
        .expect("ascii")
        .to_owned()
}

both!(
    feeds_revalidate_with_etag_and_last_modified,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let mut input = upcoming("Conversation", 5, Some(3));
        let a = create_activity(&app, &token, &input).await;
        let person = create_person(&app, &token, "Hana", true).await;
        for path in [EVENTS, ICS] {
            let res = app.get(path, None).await;
            assert_eq!(res.status(), StatusCode::OK);
            assert_eq!(header(&res, ACCESS_CONTROL_ALLOW_ORIGIN), "*");
            assert!(header(&res, CACHE_CONTROL).contains("max-age"));
            let etag = header(&res, ETAG);
            let last_modified = header(&res, LAST_MODIFIED);
            assert!(!res.text().await.expect("body").is_empty());

            let res = get_with(&app, path, &[("If-None-Match", &etag)]).await;
            assert_eq!(res.status(), StatusCode::NOT_MODIFIED, "{path}");
            assert_eq!(header(&res, ETAG), etag);
            // What a cache or a cross-origin browser needs to refresh its stored copy.
            assert_eq!(header(&res, ACCESS_CONTROL_ALLOW_ORIGIN), "*");
            assert!(header(&res, CACHE_CONTROL).contains("max-age"));
            assert_eq!(header(&res, VARY), "Accept-Encoding");
            assert!(
                res.bytes().await.expect("body").is_empty(),
                "304 has no body"
            );
            let res = get_with(&app, path, &[(IF_MODIFIED_SINCE.as_str(), &last_modified)]).await;
            assert_eq!(res.status(), StatusCode::NOT_MODIFIED, "{path}");
            assert!(res.bytes().await.expect("body").is_empty());
            let stale = get_with(&app, path, &[("If-None-Match", "W/\"0000\"")]).await;
            assert_eq!(stale.status(), StatusCode::OK);
        }
        let etag_of = |path: &'static str| {
            let app = &app;
            async move { header(&app.get(path, None).await, ETAG) }
        };
        let json0 = etag_of(EVENTS).await;
        let ics0 = etag_of(ICS).await;
        assert_eq!(etag_of(EVENTS).await, json0, "stable while nothing changes");

        // An edit changes both.
        input.description = [("fr".to_owned(), "Nouvelle description".to_owned())]
            .into_iter()
            .collect();
        update_activity(&app, &token, a.id, &input).await;
        let json1 = etag_of(EVENTS).await;
        let ics1 = etag_of(ICS).await;
        assert_ne!(json1, json0);
        assert_ne!(ics1, ics0);
        let res = get_with(&app, EVENTS, &[(IF_NONE_MATCH.as_str(), &json0)]).await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "the old ETag no longer matches"
        );

        // A registration changes the remaining places, so the feeds change too.
        register(&app, &token, a.id, person).await;
        let json2 = etag_of(EVENTS).await;
        assert_ne!(json2, json1);
        assert_ne!(etag_of(ICS).await, ics1);
        let page: Page<PublicEvent> = get_json(&app, EVENTS, None).await;
        assert_eq!(page.results[0].remaining_places, Some(2));

        // gzip when asked for.
        let res = get_with(&app, EVENTS, &[(ACCEPT_ENCODING.as_str(), "gzip")]).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(header(&res, CONTENT_ENCODING), "gzip");
        let bytes = res.bytes().await.expect("body");
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .expect("gunzip");
        let page: Page<PublicEvent> = serde_json::from_str(&text).expect("json");
        assert_eq!(page.results[0].id, a.id);
    }
);

both!(
    json_feed_filters_paginates_and_translates,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let cooking = tag_id(&app, &token, "cooking").await;
        let mut w = upcoming("Atelier pizza", 3, Some(10));
        w.title.insert("en".into(), "Pizza workshop".into());
        w.tags = vec![cooking];
        let w = create_activity(&app, &token, &w).await;
        let mut t = upcoming("Formation interculturelle", 10, None);
        t.programme = Some(ActivityProgramme::Training);
        t.kind = Some(ActivityKind::Training);
        let t = create_activity(&app, &token, &t).await;
        let mut n = upcoming("Soirée réseau", 20, Some(2));
        n.programme = Some(ActivityProgramme::Interlab);
        n.kind = Some(ActivityKind::Networking);
        n.registration_closes_at = Some(in_days(-1, "12:00"));
        let n = create_activity(&app, &token, &n).await;
        let ids = |p: &Page<PublicEvent>| p.results.iter().map(|e| e.id).collect::<Vec<_>>();
        let q = |query: String| {
            let app = &app;
            async move { get_json::<Page<PublicEvent>>(app, &format!("{EVENTS}?{query}"), None).await }
        };

        let all = q(String::new()).await;
        assert_eq!(ids(&all), vec![w.id, t.id, n.id], "ordered by start");
        assert_eq!(all.count, 3);
        let desc = q("ordering=-start".into()).await;
        assert_eq!(ids(&desc), vec![n.id, t.id, w.id]);
        let window = q(format!(
            "start={}&end={}",
            in_days(5, "00:00")[..10].to_owned(),
            &in_days(15, "00:00")[..10]
        ))
        .await;
        assert_eq!(ids(&window), vec![t.id]);
        assert_eq!(ids(&q("programme=training".into()).await), vec![t.id]);
        assert_eq!(ids(&q("kind=networking".into()).await), vec![n.id]);
        assert_eq!(ids(&q("tags=cooking".into()).await), vec![w.id]);
        assert_eq!(ids(&q("tags=no-such-tag".into()).await), Vec::<Uuid>::new());
        expect_field_error(
            app.get(&format!("{EVENTS}?start=someday"), None).await,
            "start",
        )
        .await;

        // Languages: English when there is one, French otherwise.
        let en = q("lang=en".into()).await;
        assert_eq!(en.results[0].title, "Pizza workshop");
        assert_eq!(en.results[0].lang, "en");
        assert_eq!(en.results[1].title, "Formation interculturelle");
        assert_eq!(en.results[1].lang, "fr");
        assert_eq!(q("lang=nl".into()).await.results[0].title, "Atelier pizza");

        // Only what changed since an instant.
        let since = t
            .updated_at
            .to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
        assert_eq!(
            ids(&q(format!("modified_since={since}")).await),
            vec![t.id, n.id]
        );

        // Pages.
        let p1 = q("page_size=2".into()).await;
        assert_eq!((p1.count, p1.results.len()), (3, 2));
        assert!(p1.next.as_deref().is_some_and(|l| l.contains("page=2")));
        assert!(p1.previous.is_none());
        let p2 = q("page_size=2&page=2".into()).await;
        assert_eq!(ids(&p2), vec![n.id]);
        assert!(p2.next.is_none());
        assert!(p2.previous.is_some());

        // Places and whether registration is open.
        let first = &all.results[0];
        assert_eq!(first.capacity, Some(10));
        assert_eq!(first.remaining_places, Some(10));
        assert!(first.registration_open);
        assert_eq!(first.tags, vec!["cooking".to_owned()]);
        assert!(first.url.ends_with(&format!("/events/{}", w.id)));
        assert_eq!(all.results[1].remaining_places, None, "unlimited");
        assert!(!all.results[2].registration_open, "closed yesterday");

        // One event.
        let one: PublicEvent = get_json(&app, &format!("{EVENTS}/{}?lang=en", w.id), None).await;
        assert_eq!(one.title, "Pizza workshop");
    }
);

both!(
    hidden_activities_and_hosts_private_data_never_leak,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let host = create_person_from(
            &app,
            &token,
            &shared::people::PersonInput {
                last_name: Some("Hostsecretname".into()),
                ..person_input("Farida", true)
            },
        )
        .await;
        let shy = create_person(&app, &token, "Shyhost", false).await;
        let mut input = upcoming("Atelier & <musique>", 4, Some(6));
        input.hosts = vec![
            ActivityHostInput {
                person_id: host.id,
                public_name: Some("Farida B.".into()),
            },
            ActivityHostInput {
                person_id: shy,
                public_name: None,
            },
        ];
        let a = create_activity(&app, &token, &input).await;
        let mut draft = upcoming("Brouillonsecret", 4, None);
        draft.status = Some(ActivityStatus::Draft);
        let draft = create_activity(&app, &token, &draft).await;
        let mut internal = upcoming("Internesecret", 4, None);
        internal.visibility = Some(Visibility::Internal);
        let internal = create_activity(&app, &token, &internal).await;

        let page: Page<PublicEvent> = get_json(&app, EVENTS, None).await;
        assert_eq!(page.results.len(), 1);
        assert_eq!(page.results[0].hosts, vec!["Farida B.".to_owned()]);
        let bodies = [
            serde_json::to_string(&page).expect("json"),
            unfold(&fetch_ics(&app, "").await),
            get_text(&app, "/api/v1/public/events.rss").await,
            get_text(&app, "/embed/agenda").await,
            get_text(&app, &format!("{EVENTS}/{}", a.id)).await,
        ];
        for body in &bodies {
            for secret in [
                "Hostsecretname",
                "Shyhost",
                "example.be",
                "Brouillonsecret",
                "Internesecret",
                &draft.id.to_string(),
                &internal.id.to_string(),
                &host.id.to_string(),
            ] {
                assert!(!body.contains(secret), "{secret} leaked: {body}");
            }
        }
        for hidden in [draft.id, internal.id] {
            let res = app.get(&format!("{EVENTS}/{hidden}"), None).await;
            assert_eq!(res.status(), StatusCode::NOT_FOUND);
        }

        // RSS is XML with one escaped item; the embed page lists the event.
        let rss = &bodies[2];
        assert!(rss.starts_with("<?xml"));
        assert!(rss.contains("<rss version=\"2.0\">") && rss.trim_end().ends_with("</rss>"));
        assert_eq!(rss.matches("<item>").count(), 1);
        assert_eq!(rss.matches("</item>").count(), 1);
        assert!(rss.contains("<title>Atelier &amp; &lt;musique&gt;</title>"));
        assert!(!rss.contains("<musique>"));
        let embed = &bodies[3];
        assert!(embed.contains("Atelier &amp; &lt;musique&gt;"));
        assert!(embed.contains(&format!("/events/{}", a.id)));
        let training_only = get_text(&app, "/embed/agenda?programme=training&lang=en").await;
        assert!(!training_only.contains("musique"));
        assert!(training_only.contains("No activity planned"));
        let arabic = get_text(&app, "/embed/agenda?lang=ar").await;
        assert!(arabic.contains("dir=\"rtl\"") && arabic.contains("musique"));
    }
);

async fn json_ld_scenario(backend: Backend) {
    let dist = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><html><head><title>Interra</title></head><body><div id=app></div></body></html>",
    )
    .expect("write index");
    let web = dist.path().to_path_buf();
    let Some(app) = TestApp::spawn_with(backend, move |s| s.web_dist = web).await else {
        return;
    };
    let token = app.token_for(Role::Coordinator).await;
    let mut input = upcoming("Atelier </script> chant", 8, Some(15));
    input.languages = vec!["fr".into(), "ar".into()];
    input.free = false;
    let a = create_activity(&app, &token, &input).await;
    let person = create_person(&app, &token, "Widad", true).await;
    register(&app, &token, a.id, person).await;

    let res = app.get(&format!("/events/{}", a.id), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(header(&res, CONTENT_TYPE).starts_with("text/html"));
    let html = res.text().await.expect("body");
    assert!(html.contains("<div id=app></div>"), "the SPA itself");
    let open = "<script type=\"application/ld+json\" id=\"event-jsonld\">";
    let start = html.find(open).expect("JSON-LD script") + open.len();
    let end = start + html[start..].find("</script>").expect("closed");
    assert!(end < html.find("</head>").expect("head"), "in the head");
    let ld: serde_json::Value = serde_json::from_str(&html[start..end]).expect("JSON-LD parses");
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "Event");
    assert_eq!(ld["name"], "Atelier </script> chant");
    for key in ["startDate", "endDate"] {
        let t = ld[key].as_str().expect("date");
        let parsed = chrono::DateTime::parse_from_rfc3339(t).expect("RFC 3339 with offset");
        assert!(t.ends_with("+01:00") || t.ends_with("+02:00"), "{t}");
        assert_eq!(
            parsed.format("%H:%M").to_string(),
            if key == "startDate" { "14:00" } else { "16:00" }
        );
    }
    assert_eq!(ld["location"]["@type"], "Place");
    assert_eq!(ld["location"]["name"], "La Grand Poste");
    assert_eq!(ld["location"]["address"]["@type"], "PostalAddress");
    assert_eq!(ld["location"]["address"]["postalCode"], "4000");
    assert_eq!(ld["eventStatus"], "https://schema.org/EventScheduled");
    assert_eq!(
        ld["eventAttendanceMode"],
        "https://schema.org/OfflineEventAttendanceMode"
    );
    assert!(ld["organizer"]["name"].is_string());
    assert_eq!(ld["maximumAttendeeCapacity"], 15);
    assert_eq!(ld["remainingAttendeeCapacity"], 14);
    assert_eq!(ld["inLanguage"], serde_json::json!(["fr", "ar"]));
    assert_eq!(ld["isAccessibleForFree"], false);

    // What a link shared on WhatsApp or Facebook shows: the event, not "Interra" (issue 18).
    let meta = |html: &str, attr: &str, name: &str| -> String {
        let open = format!("<meta {attr}=\"{name}\" content=\"");
        let start = html.find(&open).unwrap_or_else(|| panic!("no {name}")) + open.len();
        let value = &html[start..start + html[start..].find('"').expect("closed")];
        assert!(
            start < html.find("</head>").expect("head"),
            "{name} in the head"
        );
        value.to_owned()
    };
    assert!(
        html.contains("<title>Atelier &lt;/script&gt; chant · Interra</title>"),
        "the event's title, escaped"
    );
    assert_eq!(html.matches("<title>").count(), 1);
    assert_eq!(
        meta(&html, "property", "og:title"),
        "Atelier &lt;/script&gt; chant"
    );
    assert_eq!(
        meta(&html, "name", "twitter:title"),
        "Atelier &lt;/script&gt; chant"
    );
    assert_eq!(meta(&html, "name", "twitter:card"), "summary");
    assert_eq!(meta(&html, "property", "og:locale"), "fr_BE");
    assert!(meta(&html, "property", "og:url").ends_with(&format!("/events/{}", a.id)));
    let description = meta(&html, "name", "description");
    assert_eq!(meta(&html, "property", "og:description"), description);
    let months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    assert!(
        description.contains(", 14:00 · La Grand Poste")
            && months.iter().any(|m| description.contains(m)),
        "when and where, in French: {description}"
    );

    // An online activity that was cancelled.
    let mut online = upcoming("Café des langues en ligne", 9, None);
    online.venue_id = None;
    online.online_url = Some("https://meet.example.org/interra".into());
    online.status = Some(ActivityStatus::Cancelled);
    online.cancel_reason = Some("Reporté".into());
    let online = create_activity(&app, &token, &online).await;
    let html = get_text(&app, &format!("/events/{}", online.id)).await;
    let start = html.find(open).expect("JSON-LD script") + open.len();
    let end = start + html[start..].find("</script>").expect("closed");
    let ld: serde_json::Value = serde_json::from_str(&html[start..end]).expect("JSON-LD parses");
    assert_eq!(ld["location"]["@type"], "VirtualLocation");
    assert_eq!(ld["location"]["url"], "https://meet.example.org/interra");
    assert_eq!(ld["eventStatus"], "https://schema.org/EventCancelled");
    assert_eq!(
        ld["eventAttendanceMode"],
        "https://schema.org/OnlineEventAttendanceMode"
    );
    assert_eq!(ld["isAccessibleForFree"], true);
    assert!(html.contains("<title>Annulé : Café des langues en ligne · Interra</title>"));
    assert!(html.contains("· En ligne"), "an online event says so");

    // A draft's page is the plain SPA, without JSON-LD.
    let mut draft = upcoming("Brouillon", 8, None);
    draft.status = Some(ActivityStatus::Draft);
    let draft = create_activity(&app, &token, &draft).await;
    let html = get_text(&app, &format!("/events/{}", draft.id)).await;
    assert!(!html.contains("ld+json"));
    assert!(!html.contains("Brouillon"));
    assert!(!html.contains("og:title") && html.contains("<title>Interra</title>"));
    drop(app);
    drop(dist);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn event_page_carries_json_ld_sqlite() {
    json_ld_scenario(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn event_page_carries_json_ld_postgres() {
    json_ld_scenario(Backend::Postgres).await;
}

fn public_form(first_name: &str, email: &str) -> PublicRegistration {
    PublicRegistration {
        first_name: first_name.into(),
        email: Some(email.into()),
        profile: Some(Category::Local),
        lang: Lang::En,
        notice_version: "2026-11".into(),
        consent: true,
        ..Default::default()
    }
}

both!(
    a_visitor_cannot_plant_a_formula_in_the_attendee_list,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let a = create_activity(&app, &token, &upcoming("Atelier peinture", 6, Some(5))).await;
        let path = format!("{EVENTS}/{}/register", a.id);
        let form = public_form("=HYPERLINK(\"http://evil.example\",\"x\")", "f@example.org");
        let res = send_with(&app, Method::POST, &path, None, &[], Some(&form)).await;
        assert!(res.status().is_success(), "{}", res.status());
        for sep in ["", "?sep=semicolon"] {
            let csv = app
                .get(
                    &format!("/api/v1/activities/{}/attendees.csv{sep}", a.id),
                    Some(&token),
                )
                .await;
            assert_eq!(csv.status(), StatusCode::OK);
            let text = csv.text().await.expect("body");
            assert!(text.contains("\"'=HYPERLINK("), "{text}");
            assert!(
                !text.contains(",=HYPERLINK") && !text.contains("\n=HYPERLINK"),
                "{text}"
            );
        }
    }
);

both!(
    public_registration_without_account,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let a = create_activity(&app, &token, &upcoming("Visite guidée", 6, Some(1))).await;
        let path = format!("{EVENTS}/{}/register", a.id);
        let post = |form: PublicRegistration| {
            let (app, path) = (&app, path.clone());
            async move { send_with(app, Method::POST, &path, None, &[], Some(&form)).await }
        };
        let res = post(public_form("Inès", "ines.public@example.org")).await;
        assert_eq!(header(&res, CONTENT_TYPE), "application/json");
        let text = res.text().await.expect("body");
        let receipt: PublicRegistrationReceipt = serde_json::from_str(&text).expect("receipt");
        assert_eq!(receipt.status, RegistrationStatus::Registered);
        let keys: Vec<String> =
            serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text)
                .expect("object")
                .keys()
                .cloned()
                .collect();
        assert_eq!(keys, vec!["message".to_owned(), "status".to_owned()]);
        assert!(!text.contains("Inès") && !text.contains("ines.public"));

        // Full: the next visitor waits.
        let second: PublicRegistrationReceipt = expect_json(
            post(public_form("Jules", "jules.public@example.org")).await,
            StatusCode::ACCEPTED,
        )
        .await;
        assert_eq!(second.status, RegistrationStatus::Waitlisted);
        assert!(second.message.contains("waiting list"));

        // A filled honeypot looks accepted but stores nothing.
        let mut bot = public_form("Bot", "bot@example.org");
        bot.website = Some("http://spam.example".into());
        let fake: PublicRegistrationReceipt =
            expect_json(post(bot).await, StatusCode::ACCEPTED).await;
        assert_eq!(fake.status, RegistrationStatus::Registered);

        // Consent is required.
        let mut no_consent = public_form("Kim", "kim@example.org");
        no_consent.consent = false;
        expect_field_error(post(no_consent).await, "consent").await;

        // Internal activities have no public form.
        let mut internal = upcoming("Réunion d'équipe", 6, None);
        internal.visibility = Some(Visibility::Internal);
        let internal = create_activity(&app, &token, &internal).await;
        let res = send_with(
            &app,
            Method::POST,
            &format!("{EVENTS}/{}/register", internal.id),
            None,
            &[],
            Some(&public_form("Lina", "lina@example.org")),
        )
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert!(registrations(&app, &token, internal.id).await.is_empty());

        let list = registrations(&app, &token, a.id).await;
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].status, RegistrationStatus::Registered);
        assert_eq!(list[1].status, RegistrationStatus::Waitlisted);
        assert!(list
            .iter()
            .all(|r| r.source == shared::activities::RegistrationSource::Public));
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) AS n FROM people WHERE first_name IN ('Bot', 'Kim')"
            ),
            0
        );
        let counts = get_activity(&app, &token, a.id).await.counts;
        assert_eq!((counts.registered, counts.waitlisted), (1, 1));
    }
);

both!(
    tag_renames_and_merges_reach_the_feeds,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let tags: Vec<shared::tags::Tag> = get_json(&app, "/api/v1/tags", Some(&token)).await;
        let pizza = tags
            .iter()
            .find(|t| t.slug == "pizza")
            .expect("pizza")
            .clone();
        let cooking = tags
            .iter()
            .find(|t| t.slug == "cooking")
            .expect("cooking")
            .clone();
        let mut input = upcoming("Pizza napolitaine", 5, None);
        input.tags = vec![pizza.id];
        let a = create_activity(&app, &token, &input).await;
        let etag = |path: String| {
            let app = &app;
            async move { header(&app.get(&path, None).await, ETAG) }
        };
        let json0 = etag(EVENTS.to_owned()).await;
        let ics0 = etag(ICS.to_owned()).await;

        // Renamed: the feeds show the new slug, and their validators change.
        let renamed: shared::tags::Tag = expect_json(
            app.send_json(
                Method::PUT,
                &format!("/api/v1/tags/{}", pizza.id),
                Some(&token),
                &shared::tags::TagInput {
                    slug: "pizza-party".into(),
                    category: pizza.category.clone(),
                    label_fr: pizza.label_fr.clone(),
                    label_en: pizza.label_en.clone(),
                    label_nl: pizza.label_nl.clone(),
                    label_ar: pizza.label_ar.clone(),
                },
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(renamed.slug, "pizza-party");
        assert_ne!(etag(EVENTS.to_owned()).await, json0, "stale JSON feed");
        assert_ne!(etag(ICS.to_owned()).await, ics0, "stale calendar");
        let page: Page<PublicEvent> =
            get_json(&app, &format!("{EVENTS}?tags=pizza-party"), None).await;
        assert_eq!(page.results.len(), 1);
        assert_eq!(page.results[0].tags, vec!["pizza-party".to_owned()]);
        let json1 = etag(EVENTS.to_owned()).await;

        // Merged into "cooking": the activity is found under the tag that remains.
        let res = app
            .send_json(
                Method::POST,
                &format!("/api/v1/tags/{}/merge", pizza.id),
                Some(&token),
                &shared::tags::TagMerge { into: cooking.id },
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_ne!(
            etag(EVENTS.to_owned()).await,
            json1,
            "stale JSON feed after a merge"
        );
        let page: Page<PublicEvent> = get_json(&app, &format!("{EVENTS}?tags=cooking"), None).await;
        assert_eq!(
            page.results.iter().map(|e| e.id).collect::<Vec<_>>(),
            vec![a.id]
        );
        assert_eq!(page.results[0].tags, vec!["cooking".to_owned()]);
        assert_eq!(
            get_activity(&app, &token, a.id).await.tags,
            vec![cooking.id]
        );
        // The activity can still be saved as it is shown.
        let mut again = input.clone();
        again.tags = get_activity(&app, &token, a.id).await.tags;
        update_activity(&app, &token, a.id, &again).await;
    }
);

both!(
    public_receipt_says_places_are_held_for_the_mix,
    |app: crate::helpers::TestApp| async move {
        // Issue 19: capacity 4, half for newcomers; three locals register. The third waits
        // while 2 places are free: they are held for newcomers, the activity is not "full".
        let token = app.token_for(Role::Coordinator).await;
        let mut input = upcoming("Atelier mixte", 6, Some(4));
        input.min_newcomer_percent = Some(50);
        let a = create_activity(&app, &token, &input).await;
        let path = format!("{EVENTS}/{}/register", a.id);
        let mut receipts = Vec::new();
        for (n, name) in ["Luc", "Lea", "Lou"].into_iter().enumerate() {
            let form = public_form(name, &format!("local{n}.mix@example.org"));
            let res = send_with(&app, Method::POST, &path, None, &[], Some(&form)).await;
            let r: PublicRegistrationReceipt = expect_json(res, StatusCode::ACCEPTED).await;
            receipts.push(r);
        }
        assert_eq!(receipts[1].status, RegistrationStatus::Registered);
        assert_eq!(receipts[2].status, RegistrationStatus::Waitlisted);
        let message = &receipts[2].message;
        assert!(message.contains("held"), "{message}");
        assert!(!message.contains("full"), "{message}");

        // Once really full, the receipt says so.
        let mut one = upcoming("Atelier complet", 6, Some(1));
        one.min_newcomer_percent = None;
        let b = create_activity(&app, &token, &one).await;
        let path = format!("{EVENTS}/{}/register", b.id);
        for (n, name) in ["Ana", "Bob"].into_iter().enumerate() {
            let form = public_form(name, &format!("full{n}@example.org"));
            let res = send_with(&app, Method::POST, &path, None, &[], Some(&form)).await;
            let r: PublicRegistrationReceipt = expect_json(res, StatusCode::ACCEPTED).await;
            if n == 1 {
                assert!(r.message.contains("full"), "{}", r.message);
            }
        }
    }
);

both!(
    one_event_as_a_calendar_file,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let mut input = upcoming("Atelier couture", 5, Some(8));
        input.title.insert("nl".into(), "Naaiatelier".into());
        let a = create_activity(&app, &token, &input).await;
        let path = |id: Uuid, q: &str| format!("/api/v1/public/events/{id}/calendar.ics{q}");

        let res = app.get(&path(a.id, ""), None).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(header(&res, CONTENT_TYPE), "text/calendar; charset=utf-8");
        assert!(header(&res, reqwest::header::CONTENT_DISPOSITION).starts_with("attachment"));
        let raw = res.text().await.expect("body");
        let unfolded = check_raw_ics(&raw);
        let cal = read_calendar(&unfolded).expect("a valid calendar");
        assert_eq!(events(&cal.components).len(), 1, "one event: {raw}");
        // The same UID as in the agenda feed, so a calendar that has both keeps one event.
        let one = event_by_uid(&cal.components, a.id);
        assert_eq!(prop(one, "SUMMARY"), "Atelier couture");
        let feed = fetch_ics(&app, "").await;
        let feed = check_raw_ics(&feed);
        let feed = read_calendar(&feed).expect("feed");
        assert_eq!(
            prop(event_by_uid(&feed.components, a.id), "DTSTART"),
            prop(one, "DTSTART")
        );
        // In the language asked.
        let nl = app.get(&path(a.id, "?lang=nl"), None).await;
        assert!(nl
            .text()
            .await
            .expect("body")
            .contains("SUMMARY:Naaiatelier"));

        // Nothing for what is not public, nor for an unknown language or event.
        let mut internal = upcoming("Réunion interne", 5, None);
        internal.visibility = Some(Visibility::Internal);
        let internal = create_activity(&app, &token, &internal).await;
        for (p, status) in [
            (path(internal.id, ""), StatusCode::NOT_FOUND),
            (path(Uuid::new_v4(), ""), StatusCode::NOT_FOUND),
            (path(a.id, "?lang=xx"), StatusCode::UNPROCESSABLE_ENTITY),
        ] {
            let res = app.get(&p, None).await;
            assert_eq!(res.status(), status, "{p}");
        }
    }
);

both!(
    the_agenda_is_searched_by_words_and_languages,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let mut liege = upcoming("Balade à Liège", 3, None);
        liege.languages = vec!["fr".into(), "ar".into()];
        liege.description = [("nl".to_owned(), "Wandeling met koffie".to_owned())]
            .into_iter()
            .collect();
        let liege = create_activity(&app, &token, &liege).await;
        let mut cooking = upcoming("Atelier CUISINE syrienne", 4, None);
        cooking.languages = vec!["en".into()];
        let cooking = create_activity(&app, &token, &cooking).await;
        let ids = |q: &'static str| {
            let app = &app;
            async move {
                let page: Page<PublicEvent> = expect_json(
                    app.get(&format!("{EVENTS}?{q}"), None).await,
                    StatusCode::OK,
                )
                .await;
                let mut ids: Vec<Uuid> = page.results.iter().map(|e| e.id).collect();
                ids.sort();
                (page.count, ids)
            }
        };
        let one = |id: Uuid| (1u64, vec![id]);
        // Case and accents ignored, any language's text, every word needed.
        assert_eq!(ids("q=liege").await, one(liege.id));
        assert_eq!(ids("q=KOFFIE").await, one(liege.id));
        assert_eq!(ids("q=cuisine%20syrienne").await, one(cooking.id));
        assert_eq!(ids("q=cuisine%20liege").await, (0, vec![]));
        // Held in any of the languages asked.
        assert_eq!(ids("languages=ar").await, one(liege.id));
        assert_eq!(ids("languages=en,nl").await, one(cooking.id));
        assert_eq!(ids("q=balade&languages=en").await, (0, vec![]));
        // Paging counts what was found.
        let page: Page<PublicEvent> = expect_json(
            app.get(&format!("{EVENTS}?languages=fr,en&page_size=1"), None)
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(page.count, 2);
        assert_eq!(page.results.len(), 1);
        assert!(page.next.is_some());
        // Bad values are refused with the field named.
        // Exactly the documented pattern (the fuzzing gate checks both sides of it).
        assert_eq!(ids("languages=&q=liege").await, one(liege.id));
        for bad in [
            "languages=fr,%3Cx%3E",
            "languages=%20fr",
            "languages=fr,",
            &format!("q={}", "a".repeat(201)),
        ] {
            let problem = crate::helpers::expect_problem(
                app.get(&format!("{EVENTS}?{bad}"), None).await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            let field = bad.split('=').next().unwrap_or_default();
            assert!(
                !problem.field_errors(field).is_empty(),
                "{bad}: {problem:?}"
            );
        }
    }
);

both!(
    the_embedded_agenda_takes_a_limit_colours_and_says_what_is_wrong,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        for (title, days) in [
            ("Premier atelier", 2),
            ("Deuxième atelier", 3),
            ("Troisième atelier", 4),
        ] {
            create_activity(&app, &token, &upcoming(title, days, Some(10))).await;
        }
        let page = get_text(&app, "/embed/agenda?limit=2&theme=dark&accent=%23C0FFEE").await;
        assert_eq!(page.matches("<li>").count(), 2, "{page}");
        assert!(page.contains("Premier atelier") && !page.contains("Troisième atelier"));
        // The weekday, the start and the end; a registration link; the whole agenda linked.
        let weekdays = [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ];
        assert!(
            weekdays.iter().any(|d| page.contains(&format!("{d} "))),
            "{page}"
        );
        assert!(page.contains("14:00–16:00"), "{page}");
        assert!(
            page.contains("#register\"") && page.contains("s&apos;inscrire"),
            "{page}"
        );
        assert!(
            page.contains("/events\"") && page.contains("Tout l"),
            "{page}"
        );
        // Dark theme, the partner's accent, and the height sent to the framing page.
        assert!(
            page.contains("background:#161616") && page.contains("color:#c0ffee"),
            "{page}"
        );
        assert!(page.contains("interra-embed-height"), "{page}");

        // A wrong parameter: a readable page in the agenda's language naming it.
        for (query, field) in [
            ("limit=500", "limit"),
            ("theme=pink&lang=nl", "theme"),
            ("accent=red;}body{", "accent"),
            ("programme=martian", "programme"),
        ] {
            let res = app.get(&format!("/embed/agenda?{query}"), None).await;
            assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{query}");
            assert_eq!(
                header(&res, CONTENT_TYPE),
                "text/html; charset=utf-8",
                "{query}"
            );
            let html = res.text().await.expect("body");
            assert!(
                html.contains(&format!("<code>{field}</code>")),
                "{query}: {html}"
            );
            assert!(!html.contains("\"type\""), "not a problem document: {html}");
            if query.contains("lang=nl") {
                assert!(
                    html.contains("Deze agenda kan niet worden getoond"),
                    "{html}"
                );
            } else {
                assert!(
                    html.contains("Cet agenda ne peut pas s&apos;afficher"),
                    "{html}"
                );
            }
        }
    }
);
