//! Demo people: newcomers and locals across the programmes, with consents, tags, availability
//! and coaches, and two people past the retention period.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use shared::consent::{ConsentMethod, ConsentPurpose};
use shared::people::{
    Category, ContactChannel, DayPart, FrenchLevel, LanguageLevel, LanguageSkill, MembershipStatus,
    PersonInput, PersonSource, PersonStatus, PersonTagRef, Programme, ProgrammeRole, Slot, TagKind,
    Weekday,
};
use uuid::Uuid;

use crate::accounts::store::UserRow;
use crate::db::schema;
use crate::db::DbConnection;
use crate::people::domain::{current_year, PersonData};
use crate::people::store::{self as people, CoachRow, ConsentRow, MembershipRow, PersonRow};

use super::people_data::{COMMUNES, LOCALS, NEWCOMERS, PASSIONS};
use super::{tag_ids, DemoPerson};

/// About 60 people across the programmes; skipped when demo people already exist.
pub(super) fn load_people(conn: &mut DbConnection) -> anyhow::Result<Vec<DemoPerson>> {
    use schema::people as p;
    let existing: i64 = p::table
        .filter(p::source.eq(PersonSource::Demo))
        .count()
        .get_result(conn)?;
    if existing > 0 {
        return Ok(vec![]);
    }
    let tags = tag_ids(conn)?;
    let staff = |conn: &mut DbConnection, email: &str| -> anyhow::Result<Option<String>> {
        Ok(UserRow::find_by_email(conn, email)?.map(|u| u.id))
    };
    let coordinator = staff(conn, "coordinator@demo.interra.be")?;
    let coach = staff(conn, "coach@demo.interra.be")?;
    let mentor = staff(conn, "mentor.interlab@demo.interra.be")?;
    let year = current_year();
    let today = chrono::Utc::now().date_naive();
    let levels = [
        FrenchLevel::A0,
        FrenchLevel::A1,
        FrenchLevel::A2,
        FrenchLevel::B1,
        FrenchLevel::B2,
    ];
    let mut created = Vec::new();
    let people: Vec<(usize, bool)> = (0..NEWCOMERS.len())
        .map(|i| (i, true))
        .chain((0..LOCALS.len()).map(|i| (i, false)))
        .collect();
    for (n, (i, newcomer)) in people.into_iter().enumerate() {
        let (pc, commune) = COMMUNES[(n * 7) % COMMUNES.len()];
        let slots: Vec<Slot> = [(n % 7, n % 3), ((n + 3) % 7, (n + 1) % 3), ((n + 5) % 7, 2)]
            .iter()
            .map(|&(d, part)| Slot {
                day: Weekday::ALL[d],
                part: DayPart::ALL[part],
            })
            .collect();
        let mut person_tags = Vec::new();
        for (k, kind) in [
            (n, TagKind::Passion),
            (n * 3 + 1, TagKind::Passion),
            (n * 5 + 2, TagKind::Skill),
        ] {
            if let Some(id) = tags.get(PASSIONS[k % PASSIONS.len()]) {
                if let Ok(tag_id) = id.parse::<Uuid>() {
                    if !person_tags
                        .iter()
                        .any(|t: &PersonTagRef| t.tag_id == tag_id)
                    {
                        person_tags.push(PersonTagRef { tag_id, kind });
                    }
                }
            }
        }
        let input = if newcomer {
            let (first, last, origin, langs) = NEWCOMERS[i];
            let only_phone = i % 4 == 1;
            let slug = crate::people::domain::fold(first).replace(' ', "");
            PersonInput {
                first_name: first.into(),
                last_name: last.map(Into::into),
                email: (!only_phone).then(|| format!("{slug}.{}@example.org", i + 1)),
                phone: Some(format!(
                    "+32 47{} {:02} {:02} {:02}",
                    i % 10,
                    10 + i,
                    20 + n % 70,
                    30 + i % 60
                )),
                preferred_channel: Some(if only_phone {
                    ContactChannel::Whatsapp
                } else {
                    ContactChannel::Email
                }),
                postcode: Some(pc.into()),
                commune: Some(commune.into()),
                profile: Some(Some(Category::Newcomer)),
                // Most arrived less than five years ago; a few longer ago (now counted as locals).
                arrival_year: Some(year - if i % 9 == 8 { 6 } else { (i % 5) as i32 }),
                birth_year: Some(1965 + ((i * 7) % 40) as i32),
                gender: Some(if i % 2 == 0 { "femme" } else { "homme" }.into()),
                french_level: Some(levels[i % levels.len()]),
                origin_region: Some(origin.into()),
                languages: langs
                    .iter()
                    .map(|(l, lvl)| LanguageSkill {
                        language: (*l).into(),
                        level: *lvl,
                    })
                    .collect(),
                tags: person_tags,
                availability: slots,
                presentation: Some(format!(
                    "{first} aime partager sa passion et rencontrer des gens à Liège."
                )),
                ..Default::default()
            }
        } else {
            let (first, last) = LOCALS[i];
            let slug = crate::people::domain::fold(first);
            PersonInput {
                first_name: first.into(),
                last_name: Some(last.into()),
                email: Some(format!(
                    "{slug}.{}@example.be",
                    crate::people::domain::fold(last).replace(' ', "")
                )),
                phone: (i % 3 == 0)
                    .then(|| format!("04 2{:02} {:02} {:02}", 10 + i, 30 + i, 40 + n % 50)),
                preferred_channel: Some(ContactChannel::Email),
                postcode: Some(pc.into()),
                commune: Some(commune.into()),
                profile: Some(Some(Category::Local)),
                birth_year: Some(1950 + ((i * 11) % 50) as i32),
                gender: (i % 5 != 4).then(|| if i % 2 == 0 { "homme" } else { "femme" }.into()),
                french_level: Some(FrenchLevel::C2),
                languages: vec![
                    LanguageSkill {
                        language: "fr".into(),
                        level: LanguageLevel::Native,
                    },
                    LanguageSkill {
                        language: ["en", "nl", "de", "es", "ar"][i % 5].into(),
                        level: [
                            LanguageLevel::Intermediate,
                            LanguageLevel::Basic,
                            LanguageLevel::Fluent,
                        ][i % 3],
                    },
                ],
                tags: person_tags,
                availability: slots,
                presentation: Some(format!(
                    "{first}, Liégeois·e, curieux·se des autres cultures."
                )),
                ..Default::default()
            }
        };
        let data =
            PersonData::parse(&input).map_err(|e| anyhow::anyhow!("demo person {n}: {e}"))?;
        let status = if n % 17 == 5 {
            PersonStatus::ToReview
        } else {
            PersonStatus::Active
        };
        let row = PersonRow::new(&data, PersonSource::Demo, status, None, coordinator.clone());
        row.insert(conn)?;
        people::replace_children(conn, &row.id, &data)?;
        // Programmes: spread over the four, some people in two.
        let memberships: Vec<(Programme, ProgrammeRole, MembershipStatus)> = match (n % 6, newcomer)
        {
            (0, _) => vec![(
                Programme::Interact,
                ProgrammeRole::WorkshopHost,
                MembershipStatus::Active,
            )],
            (1, _) | (2, _) => vec![
                (
                    Programme::Duo2change,
                    ProgrammeRole::DuoCandidate,
                    MembershipStatus::Active,
                ),
                (
                    Programme::Interact,
                    ProgrammeRole::Participant,
                    MembershipStatus::Active,
                ),
            ],
            (3, true) => vec![(
                Programme::Interlab,
                ProgrammeRole::Entrepreneur,
                MembershipStatus::Active,
            )],
            (3, false) => vec![(
                Programme::Interlab,
                ProgrammeRole::Mentor,
                MembershipStatus::Active,
            )],
            (4, _) => vec![(
                Programme::Training,
                ProgrammeRole::Trainee,
                MembershipStatus::Completed,
            )],
            _ => vec![(
                Programme::Interact,
                ProgrammeRole::Participant,
                MembershipStatus::Applied,
            )],
        };
        let now = crate::db::now();
        for (k, (programme, role, status)) in memberships.into_iter().enumerate() {
            let started_on: NaiveDate =
                today - Duration::days(20 + (n as i64 * 13 + k as i64 * 40) % 700);
            MembershipRow {
                id: Uuid::now_v7().to_string(),
                person_id: row.id.clone(),
                programme,
                role,
                status,
                started_on,
                ended_on: (status == MembershipStatus::Completed)
                    .then(|| started_on + Duration::days(30)),
                created_at: now,
                updated_at: now,
            }
            .insert(conn)?;
        }
        let paper = n % 3 == 0;
        let purposes: &[ConsentPurpose] = if n % 4 == 0 {
            &[ConsentPurpose::ProgrammeData, ConsentPurpose::Photos]
        } else {
            &[ConsentPurpose::ProgrammeData]
        };
        for purpose in purposes {
            ConsentRow {
                id: Uuid::now_v7().to_string(),
                person_id: row.id.clone(),
                purpose: *purpose,
                notice_version: crate::people::privacy::CURRENT_VERSION.into(),
                notice_lang: if newcomer && n % 2 == 0 { "ar" } else { "fr" }.into(),
                method: if paper {
                    ConsentMethod::PaperForm
                } else {
                    ConsentMethod::WebForm
                },
                given_at: now - Duration::days(10 + n as i64),
                recorded_by: if paper { coordinator.clone() } else { None },
                withdrawn_at: None,
                withdrawn_by: None,
            }
            .insert(conn)?;
        }
        // The coach accompanies some duo candidates; the InterLab mentor the entrepreneurs.
        if let (Some(c), true) = (&coach, n % 6 == 1) {
            CoachRow::add(conn, &row.id, c)?;
        }
        if let (Some(m), true) = (&mentor, n % 6 == 3) {
            CoachRow::add(conn, &row.id, m)?;
        }
        created.push((row.id.clone(), newcomer, commune));
    }
    load_inactive_people(conn, coordinator.as_deref())?;
    Ok(created)
}

/// Two fictional people nobody has heard from for years: past the default retention period
/// (36 months), so the administrators' retention review has something to show.
fn load_inactive_people(conn: &mut DbConnection, coordinator: Option<&str>) -> anyhow::Result<()> {
    let year = current_year();
    let inactive: [(PersonInput, i64, bool, Programme, ProgrammeRole); 2] = [
        (
            PersonInput {
                first_name: "Josiane".into(),
                last_name: Some("Lhoest".into()),
                email: Some("josiane.lhoest@example.be".into()),
                preferred_channel: Some(ContactChannel::Email),
                postcode: Some("4100".into()),
                commune: Some("Seraing".into()),
                profile: Some(Some(Category::Local)),
                french_level: Some(FrenchLevel::C2),
                ..Default::default()
            },
            1480,
            true,
            Programme::Training,
            ProgrammeRole::Trainee,
        ),
        (
            PersonInput {
                first_name: "Farid".into(),
                last_name: Some("Benyahia".into()),
                phone: Some("+32 478 90 12 34".into()),
                preferred_channel: Some(ContactChannel::Phone),
                postcode: Some("4040".into()),
                commune: Some("Herstal".into()),
                profile: Some(Some(Category::Newcomer)),
                arrival_year: Some(year - 7),
                french_level: Some(FrenchLevel::A2),
                ..Default::default()
            },
            1300,
            false,
            Programme::Interact,
            ProgrammeRole::Participant,
        ),
    ];
    for (input, days, archived, programme, role) in inactive {
        let data = PersonData::parse(&input).map_err(|e| anyhow::anyhow!("demo person: {e}"))?;
        let mut row = PersonRow::new(
            &data,
            PersonSource::Demo,
            PersonStatus::Active,
            None,
            coordinator.map(str::to_owned),
        );
        let last = crate::db::now() - Duration::days(days);
        let created = last - Duration::days(200);
        (row.created_at, row.updated_at, row.last_activity_at) = (created, last, last);
        row.archived = archived;
        row.insert(conn)?;
        people::replace_children(conn, &row.id, &data)?;
        MembershipRow {
            id: Uuid::now_v7().to_string(),
            person_id: row.id.clone(),
            programme,
            role,
            status: MembershipStatus::Completed,
            started_on: created.date(),
            ended_on: Some(last.date()),
            created_at: created,
            updated_at: last,
        }
        .insert(conn)?;
        ConsentRow {
            id: Uuid::now_v7().to_string(),
            person_id: row.id.clone(),
            purpose: ConsentPurpose::ProgrammeData,
            notice_version: crate::people::privacy::CURRENT_VERSION.into(),
            notice_lang: "fr".into(),
            method: ConsentMethod::PaperForm,
            given_at: created,
            recorded_by: coordinator.map(str::to_owned),
            withdrawn_at: None,
            withdrawn_by: None,
        }
        .insert(conn)?;
    }
    Ok(())
}
