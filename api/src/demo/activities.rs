//! Demo activities: venues, workshop series and events, with registrations through the
//! activities service (seats and waiting lists as in real use) and past attendance.

use chrono::Duration;
use shared::activities::{
    ActivityKind, ActivityProgramme, ActivityStatus, Multilingual, Recurrence, RegistrationSource,
    RegistrationStatus, Visibility,
};
use uuid::Uuid;

use crate::accounts::store::UserRow;
use crate::activities::domain::{expand, local_to_utc};
use crate::activities::service;
use crate::activities::store::{self as store, set_links, ActivityRow, RegistrationRow, VenueRow};
use crate::audit::Actor;
use crate::db::{DbConnection, JsonText};
use crate::people::store::PersonRow;

use super::{tag_ids, DemoPerson};

/// InterAct workshop series with past and upcoming sessions, an intercultural training and an
/// InterLab networking evening at La Grand Poste, with registrations, a full session with a
/// waiting list, and attendance on past sessions.
pub(super) fn load_activities(
    conn: &mut DbConnection,
    people: &[DemoPerson],
) -> anyhow::Result<()> {
    const GRAND_POSTE: &str = "5a0f6f0e-7b6b-5c2e-9d61-4c1f3e2a9b01";
    let now = crate::db::now();
    let today = now.date();
    let coordinator = UserRow::find_by_email(conn, "coordinator@demo.interra.be")?.map(|u| u.id);
    let coach = UserRow::find_by_email(conn, "coach@demo.interra.be")?.map(|u| u.id);
    let mut venue = |name: &str, street: &str, postcode: &str| -> anyhow::Result<String> {
        let v = VenueRow {
            id: Uuid::now_v7().to_string(),
            name: name.into(),
            street: Some(street.into()),
            postcode: Some(postcode.into()),
            locality: Some("Liège".into()),
            created_at: now,
        };
        store::insert_venue(conn, &v)?;
        Ok(v.id)
    };
    let quartier = venue("Maison de quartier (démo)", "Rue Saint-Léonard 1", "4000")?;
    let sport = venue(
        "Salle de sport du quartier (démo)",
        "Rue du Laveu 2",
        "4000",
    )?;
    let tag_ids = tag_ids(conn)?;
    let newcomers: Vec<&DemoPerson> = people.iter().filter(|p| p.1).collect();
    let locals: Vec<&DemoPerson> = people.iter().filter(|p| !p.1).collect();
    let actor = Actor::default();

    struct Spec<'a> {
        title: [&'a str; 4],
        description: &'a str,
        programme: ActivityProgramme,
        kind: ActivityKind,
        venue: String,
        tag: &'a str,
        capacity: Option<i32>,
        first_day: i64,
        time: (u32, u32),
        hours: i64,
        recurrence: Option<Recurrence>,
        host: usize,
    }
    let weekday_offset = |target: chrono::Weekday| -> i64 {
        use chrono::Datelike;
        let d = (i64::from(target.num_days_from_monday())
            - i64::from(today.weekday().num_days_from_monday()))
        .rem_euclid(7);
        d - 28
    };
    let specs = vec![
        Spec {
            title: ["Atelier peinture", "Painting workshop", "Schilderatelier", "ورشة الرسم"],
            description: "Amina partage sa passion pour la peinture. Tout le matériel est fourni.",
            programme: ActivityProgramme::Interact,
            kind: ActivityKind::WorkshopSession,
            venue: quartier.clone(),
            tag: "painting",
            capacity: Some(12),
            first_day: weekday_offset(chrono::Weekday::Wed),
            time: (18, 0),
            hours: 2,
            recurrence: Some(Recurrence::Weekly { every_weeks: 1, until: today + Duration::weeks(8) }),
            host: 0,
        },
        Spec {
            title: ["Danses du monde", "World dances", "Dansen uit de wereld", "رقصات من العالم"],
            description: "Apprendre des danses d'ici et d'ailleurs, dans la bonne humeur.",
            programme: ActivityProgramme::Interact,
            kind: ActivityKind::WorkshopSession,
            venue: quartier.clone(),
            tag: "dance",
            capacity: Some(15),
            first_day: weekday_offset(chrono::Weekday::Sat),
            time: (14, 0),
            hours: 2,
            recurrence: Some(Recurrence::Weekly { every_weeks: 2, until: today + Duration::weeks(10) }),
            host: 2,
        },
        Spec {
            title: ["Atelier pizza", "Pizza workshop", "Pizza-atelier", "ورشة البيتزا"],
            description: "Pâte, sauce, garnitures : Samir vous apprend la pizza maison.",
            programme: ActivityProgramme::Interact,
            kind: ActivityKind::WorkshopSession,
            venue: quartier.clone(),
            tag: "pizza",
            capacity: Some(8),
            first_day: -10,
            time: (17, 30),
            hours: 3,
            recurrence: Some(Recurrence::Dates { dates: vec![today + Duration::days(4), today + Duration::days(25)] }),
            host: 7,
        },
        Spec {
            title: ["Mini-foot en salle", "Indoor football", "Zaalvoetbal", "كرة القدم داخل القاعة"],
            description: "Matchs amicaux et mixtes. Chaussures de salle conseillées.",
            programme: ActivityProgramme::Interact,
            kind: ActivityKind::WorkshopSession,
            venue: sport,
            tag: "indoor-football",
            capacity: Some(14),
            first_day: weekday_offset(chrono::Weekday::Thu),
            time: (19, 0),
            hours: 2,
            recurrence: Some(Recurrence::Weekly { every_weeks: 1, until: today + Duration::weeks(6) }),
            host: 5,
        },
        Spec {
            title: ["Formation : communication interculturelle", "Training: intercultural communication", "Opleiding: interculturele communicatie", "تكوين: التواصل بين الثقافات"],
            description: "Une journée pour mieux comprendre l'autre et construire la relation.",
            programme: ActivityProgramme::Training,
            kind: ActivityKind::Training,
            venue: GRAND_POSTE.to_owned(),
            tag: "languages",
            capacity: Some(20),
            first_day: 12,
            time: (9, 30),
            hours: 6,
            recurrence: None,
            host: usize::MAX,
        },
        Spec {
            title: ["Soirée réseautage InterLab", "InterLab networking evening", "InterLab netwerkavond", "أمسية التواصل InterLab"],
            description: "Entrepreneur·es d'InterLab, mentors et partenaires de La Grand Poste se rencontrent.",
            programme: ActivityProgramme::Interlab,
            kind: ActivityKind::Networking,
            venue: GRAND_POSTE.to_owned(),
            tag: "entrepreneurship",
            capacity: Some(40),
            first_day: 20,
            time: (18, 30),
            hours: 3,
            recurrence: None,
            host: usize::MAX,
        },
    ];
    for (k, spec) in specs.into_iter().enumerate() {
        let day = today + Duration::days(spec.first_day);
        let start = local_to_utc(
            day.and_hms_opt(spec.time.0, spec.time.1, 0)
                .unwrap_or_default(),
        )
        .map_err(|_| anyhow::anyhow!("demo time"))?;
        let end = start + Duration::hours(spec.hours);
        let sessions = match &spec.recurrence {
            Some(r) => expand(start, end, r).map_err(|_| anyhow::anyhow!("demo recurrence"))?,
            None => vec![(start, end)],
        };
        let series_id = spec.recurrence.as_ref().map(|_| Uuid::now_v7().to_string());
        if let (Some(id), Some(r)) = (&series_id, &spec.recurrence) {
            store::insert_series(conn, id, &serde_json::to_string(r)?, coordinator.clone())?;
        }
        let title: Multilingual = ["fr", "en", "nl", "ar"]
            .into_iter()
            .zip(spec.title)
            .map(|(lang, text)| (lang.to_owned(), text.to_owned()))
            .collect();
        let host = (spec.host != usize::MAX)
            .then(|| newcomers.get(spec.host))
            .flatten();
        for (n, (s, e)) in sessions.into_iter().enumerate() {
            let row = ActivityRow {
                id: Uuid::now_v7().to_string(),
                series_id: series_id.clone(),
                title: JsonText(title.clone()),
                description: JsonText(Multilingual::from([(
                    "fr".to_owned(),
                    spec.description.to_owned(),
                )])),
                programme: spec.programme,
                kind: spec.kind,
                starts_at: s.naive_utc(),
                ends_at: e.naive_utc(),
                venue_id: Some(spec.venue.clone()),
                online_url: None,
                capacity: spec.capacity,
                registration_opens_at: None,
                registration_closes_at: None,
                languages: "fr".into(),
                french_level: None,
                free: true,
                accessibility_notes: Some("Accessible aux personnes à mobilité réduite.".into()),
                visibility: Visibility::Public,
                status: ActivityStatus::Published,
                cancel_reason: None,
                min_newcomer_percent: (spec.programme == ActivityProgramme::Interact).then_some(30),
                min_local_percent: (spec.programme == ActivityProgramme::Interact).then_some(30),
                sequence: 0,
                created_by: coordinator.clone(),
                created_at: now,
                updated_at: now,
            };
            row.insert(conn)?;
            let tags: Vec<String> = tag_ids.get(spec.tag).cloned().into_iter().collect();
            let mut hosts: Vec<(String, Option<String>)> = Vec::new();
            if let Some(h) = host {
                // The host agreed to be shown by first name.
                let first = PersonRow::get(conn, h.0.parse()?)?.first_name;
                hosts.push((h.0.clone(), Some(first)));
            }
            let staff: Vec<String> = coach.iter().cloned().collect();
            set_links(conn, &row.id, &tags, &hosts, &staff)?;
            // Registrations: a mix of newcomers and locals; the next pizza session is full.
            let wanted = match (k, n) {
                (2, 1) => 11,
                _ => 4 + (n % 4) + k,
            };
            for i in 0..wanted {
                let p = if i % 2 == 0 {
                    newcomers.get((i + k * 3 + n) % newcomers.len())
                } else {
                    locals.get((i + k * 5 + n) % locals.len())
                };
                let Some(p) = p else { continue };
                let person = PersonRow::get(conn, p.0.parse()?)?;
                if RegistrationRow::find(conn, &row.id, &person.id)?.is_some() {
                    continue;
                }
                let reg = service::register(
                    conn,
                    &row.id,
                    &person,
                    RegistrationSource::Staff,
                    coordinator.clone(),
                    &actor,
                )
                .map_err(|e| anyhow::anyhow!("demo registration: {e}"))?;
                if s.naive_utc() < now && reg.status == RegistrationStatus::Registered {
                    let mark = if i % 5 == 4 {
                        RegistrationStatus::Absent
                    } else {
                        RegistrationStatus::Attended
                    };
                    RegistrationRow::set_status(conn, &reg.id, mark, false)?;
                }
            }
        }
    }
    Ok(())
}
