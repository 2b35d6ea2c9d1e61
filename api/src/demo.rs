//! The demo dataset (`interra demo`, `interra serve --demo`): fictional, realistic, idempotent.
//! Each module adds its own records here.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use shared::auth::Role;
use shared::consent::{ConsentMethod, ConsentPurpose};
use shared::people::{
    Category, ContactChannel, DayPart, FrenchLevel, LanguageLevel, LanguageSkill, MembershipStatus,
    PersonInput, PersonStatus, PersonTagRef, Programme, ProgrammeRole, Slot, TagKind, Weekday,
};
use uuid::Uuid;

use crate::accounts::password;
use crate::accounts::store::UserRow;
use crate::db::schema;
use crate::db::{Db, DbConnection};
use crate::people::domain::{current_year, PersonData};
use crate::people::store::{
    self as people, CoachRow, ConsentRow, MembershipRow, PersonRow, Source,
};

/// Password of every demo account (documented in the README; demo data is refused in
/// production mode).
pub const DEMO_PASSWORD: &str = "interra-demo-2026";

const STAFF: &[(&str, &str, Role)] = &[
    ("admin@demo.interra.be", "Sophie Lambert", Role::Admin),
    (
        "coordinator@demo.interra.be",
        "Karim Benali",
        Role::Coordinator,
    ),
    (
        "coordinatrice.duo@demo.interra.be",
        "Els Vermeulen",
        Role::Coordinator,
    ),
    ("coach@demo.interra.be", "Marie Dubois", Role::Coach),
    (
        "mentor.interlab@demo.interra.be",
        "Youssef El Amrani",
        Role::Coach,
    ),
];

/// What a demo load created.
#[derive(Debug, Default)]
pub struct DemoReport {
    pub staff_created: usize,
    pub people_created: usize,
}

pub fn load(db: &Db) -> anyhow::Result<DemoReport> {
    let mut conn = db.conn()?;
    // One transaction: all or nothing, and one disk sync instead of thousands.
    conn.transaction(|conn| {
        let mut report = DemoReport::default();
        let mut hash: Option<String> = None;
        for (email, name, role) in STAFF {
            if UserRow::find_by_email(conn, email)?.is_some() {
                continue;
            }
            let h = match &hash {
                Some(h) => h.clone(),
                None => {
                    let h = password::hash(DEMO_PASSWORD)?;
                    hash = Some(h.clone());
                    h
                }
            };
            UserRow::new((*email).into(), (*name).into(), *role, h).insert(conn)?;
            report.staff_created += 1;
        }
        let people = load_people(conn)?;
        report.people_created = people.len();
        if !people.is_empty() {
            load_duos(conn, &people)?;
            load_activities(conn, &people)?;
        }
        Ok(report)
    })
}

/// A fictional newcomer: first name, last name, origin region, languages.
type DemoNewcomer = (
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static [(&'static str, LanguageLevel)],
);

// Fictional people. Newcomers: (first, last, origin region, languages, arrival years ago).
const NEWCOMERS: &[DemoNewcomer] = &[
    (
        "Amina",
        Some("Haddad"),
        "Middle East",
        &[
            ("ar", LanguageLevel::Native),
            ("en", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Yusuf",
        Some("Rahimi"),
        "Central Asia",
        &[
            ("prs", LanguageLevel::Native),
            ("ps", LanguageLevel::Fluent),
        ],
    ),
    (
        "Olena",
        Some("Kovalenko"),
        "Eastern Europe",
        &[
            ("uk", LanguageLevel::Native),
            ("ru", LanguageLevel::Fluent),
            ("en", LanguageLevel::Basic),
        ],
    ),
    (
        "Dmytro",
        Some("Shevchuk"),
        "Eastern Europe",
        &[("uk", LanguageLevel::Native), ("pl", LanguageLevel::Basic)],
    ),
    (
        "Mariam",
        Some("Tesfaye"),
        "East Africa",
        &[("ti", LanguageLevel::Native), ("am", LanguageLevel::Fluent)],
    ),
    (
        "Mamadou",
        Some("Diallo"),
        "West Africa",
        &[
            ("ff", LanguageLevel::Native),
            ("fr", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Fatoumata",
        Some("Camara"),
        "West Africa",
        &[
            ("sus", LanguageLevel::Native),
            ("fr", LanguageLevel::Fluent),
        ],
    ),
    (
        "Samir",
        Some("Benali"),
        "North Africa",
        &[
            ("ar", LanguageLevel::Native),
            ("fr", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Nour",
        None,
        "Middle East",
        &[("ar", LanguageLevel::Native)],
    ),
    (
        "Ahmad",
        Some("Sharifi"),
        "Central Asia",
        &[("fa", LanguageLevel::Native), ("en", LanguageLevel::Fluent)],
    ),
    (
        "Gabriela",
        Some("Rojas"),
        "South America",
        &[
            ("es", LanguageLevel::Native),
            ("en", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Luis",
        Some("Fernández"),
        "South America",
        &[("es", LanguageLevel::Native)],
    ),
    (
        "Esra",
        Some("Yılmaz"),
        "Western Asia",
        &[("tr", LanguageLevel::Native), ("de", LanguageLevel::Basic)],
    ),
    (
        "Jean-Paul",
        Some("Mukendi"),
        "Central Africa",
        &[("ln", LanguageLevel::Native), ("fr", LanguageLevel::Fluent)],
    ),
    (
        "Grace",
        Some("Mbuyi"),
        "Central Africa",
        &[("sw", LanguageLevel::Native), ("fr", LanguageLevel::Fluent)],
    ),
    (
        "Hassan",
        Some("Omar"),
        "East Africa",
        &[
            ("so", LanguageLevel::Native),
            ("ar", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Layla",
        Some("Karimi"),
        "Middle East",
        &[("ku", LanguageLevel::Native), ("ar", LanguageLevel::Fluent)],
    ),
    (
        "Iryna",
        Some("Bondarenko"),
        "Eastern Europe",
        &[("uk", LanguageLevel::Native), ("en", LanguageLevel::Fluent)],
    ),
    (
        "Tigist",
        None,
        "East Africa",
        &[("am", LanguageLevel::Native)],
    ),
    (
        "Omar",
        Some("Al-Masri"),
        "Middle East",
        &[("ar", LanguageLevel::Native), ("en", LanguageLevel::Basic)],
    ),
    (
        "Zainab",
        Some("Hussaini"),
        "Central Asia",
        &[("prs", LanguageLevel::Native)],
    ),
    (
        "Carlos",
        Some("Mendoza"),
        "Central America",
        &[("es", LanguageLevel::Native), ("en", LanguageLevel::Fluent)],
    ),
    (
        "Aïssatou",
        Some("Bah"),
        "West Africa",
        &[
            ("ff", LanguageLevel::Native),
            ("fr", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Rami",
        Some("Khalil"),
        "Middle East",
        &[("ar", LanguageLevel::Native), ("fr", LanguageLevel::Basic)],
    ),
    (
        "Svitlana",
        Some("Melnyk"),
        "Eastern Europe",
        &[("uk", LanguageLevel::Native), ("ru", LanguageLevel::Native)],
    ),
    (
        "Abdou",
        Some("Ndiaye"),
        "West Africa",
        &[("wo", LanguageLevel::Native), ("fr", LanguageLevel::Fluent)],
    ),
    (
        "Farida",
        Some("Nazari"),
        "Central Asia",
        &[("fa", LanguageLevel::Native)],
    ),
    (
        "Yonas",
        Some("Haile"),
        "East Africa",
        &[
            ("ti", LanguageLevel::Native),
            ("en", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Meryem",
        Some("Aydın"),
        "Western Asia",
        &[("tr", LanguageLevel::Native), ("en", LanguageLevel::Basic)],
    ),
    (
        "Kateryna",
        Some("Tkachenko"),
        "Eastern Europe",
        &[
            ("uk", LanguageLevel::Native),
            ("en", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Moussa",
        Some("Traoré"),
        "West Africa",
        &[("bm", LanguageLevel::Native), ("fr", LanguageLevel::Fluent)],
    ),
    (
        "Hiba",
        Some("Mansour"),
        "North Africa",
        &[("ar", LanguageLevel::Native), ("fr", LanguageLevel::Fluent)],
    ),
];

const LOCALS: &[(&str, &str)] = &[
    ("Marc", "Lejeune"),
    ("Sophie", "Renard"),
    ("Julie", "Lambert"),
    ("Thomas", "Dubois"),
    ("Nathalie", "Henrard"),
    ("Luc", "Collignon"),
    ("Camille", "Piron"),
    ("Pierre", "Delvaux"),
    ("Céline", "Gérard"),
    ("François", "Hubert"),
    ("Anne", "Jacquemin"),
    ("Laurent", "Lemaire"),
    ("Élise", "Moreau"),
    ("Kevin", "Bastin"),
    ("Manon", "Thiry"),
    ("Jérôme", "Lecomte"),
    ("Isabelle", "Dumont"),
    ("Nicolas", "Bertrand"),
    ("Chloé", "Wathelet"),
    ("Olivier", "Frères"),
    ("Véronique", "Maes"),
    ("Mehdi", "El Khattabi"),
    ("Sarah", "Vandenberghe"),
    ("Bruno", "Leclercq"),
    ("Aurélie", "Hardy"),
    ("Philippe", "Closset"),
    ("Lucie", "Degée"),
    ("Hugo", "Stassen"),
];

const COMMUNES: &[(&str, &str)] = &[
    ("4000", "Liège"),
    ("4020", "Liège"),
    ("4030", "Grivegnée"),
    ("4100", "Seraing"),
    ("4101", "Jemeppe-sur-Meuse"),
    ("4400", "Flémalle"),
    ("4430", "Ans"),
    ("4460", "Grâce-Hollogne"),
    ("4040", "Herstal"),
    ("4420", "Saint-Nicolas"),
    ("4050", "Chaudfontaine"),
    ("4620", "Fléron"),
    ("4600", "Visé"),
    ("4800", "Verviers"),
    ("4130", "Esneux"),
];

const PASSIONS: &[&str] = &[
    "cooking",
    "football",
    "painting",
    "dance",
    "music",
    "it",
    "gardening",
    "sewing",
    "photography",
    "pizza",
    "indoor-football",
    "hiking",
    "singing",
    "board-games",
    "calligraphy",
    "theatre",
    "woodwork",
    "baking",
    "yoga",
    "chess",
    "world-cuisine",
    "hairdressing",
    "entrepreneurship",
];

fn tag_ids(conn: &mut DbConnection) -> QueryResult<std::collections::HashMap<String, String>> {
    use schema::tags;
    Ok(tags::table
        .select((tags::slug, tags::id))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

/// A demo person: id, newcomer or not, commune name.
type DemoPerson = (String, bool, &'static str);

/// About 60 people across the programmes; skipped when demo people already exist.
fn load_people(conn: &mut DbConnection) -> anyhow::Result<Vec<DemoPerson>> {
    use schema::people as p;
    let existing: i64 = p::table
        .filter(p::source.eq("demo"))
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
                profile: Some(Category::Newcomer),
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
                profile: Some(Category::Local),
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
        let row = PersonRow::new(&data, Source::Demo, status, None, coordinator.clone());
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
                programme: programme.as_str().into(),
                role: role.as_str().into(),
                status: status.as_str().into(),
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
                purpose: purpose.as_str().into(),
                notice_version: crate::people::privacy::CURRENT_VERSION.into(),
                notice_lang: if newcomer && n % 2 == 0 { "ar" } else { "fr" }.into(),
                method: if paper {
                    ConsentMethod::PaperForm
                } else {
                    ConsentMethod::WebForm
                }
                .as_str()
                .into(),
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
                profile: Some(Category::Local),
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
                profile: Some(Category::Newcomer),
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
            Source::Demo,
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
            programme: programme.as_str().into(),
            role: role.as_str().into(),
            status: MembershipStatus::Completed.as_str().into(),
            started_on: created.date(),
            ended_on: Some(last.date()),
            created_at: created,
            updated_at: last,
        }
        .insert(conn)?;
        ConsentRow {
            id: Uuid::now_v7().to_string(),
            person_id: row.id.clone(),
            purpose: ConsentPurpose::ProgrammeData.as_str().into(),
            notice_version: crate::people::privacy::CURRENT_VERSION.into(),
            notice_lang: "fr".into(),
            method: ConsentMethod::PaperForm.as_str().into(),
            given_at: created,
            recorded_by: coordinator.map(str::to_owned),
            withdrawn_at: None,
            withdrawn_by: None,
        }
        .insert(conn)?;
    }
    Ok(())
}

/// A Duo2Change pool (about 20 waiting on each side), a few proposals, active duos with
/// check-ins, one of which needs attention.
fn load_duos(conn: &mut DbConnection, people: &[DemoPerson]) -> anyhow::Result<()> {
    use crate::duo::store::{CandidacyRow, CheckInRow, DuoRow, FollowUpRow};
    use shared::duo::{Hope, TravelRange};
    let communes: std::collections::HashMap<String, String> = schema::communes::table
        .select((schema::communes::name, schema::communes::id))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    let coordinator = UserRow::find_by_email(conn, "coordinator@demo.interra.be")?.map(|u| u.id);
    let now = crate::db::now();
    let newcomers: Vec<&DemoPerson> = people.iter().filter(|p| p.1).take(26).collect();
    let locals: Vec<&DemoPerson> = people.iter().filter(|p| !p.1).take(26).collect();
    let hopes_all = [
        Hope::Conversation,
        Hope::Outings,
        Hope::Sport,
        Hope::Culture,
        Hope::DailyLife,
    ];
    let mut candidacies: Vec<Vec<String>> = vec![vec![], vec![]];
    for (side, list) in [(0usize, &newcomers), (1, &locals)] {
        for (i, (person_id, newcomer, commune)) in list.iter().enumerate() {
            let hopes: Vec<&str> = hopes_all
                .iter()
                .enumerate()
                .filter(|(k, _)| (i + k) % 3 != 0)
                .map(|(_, h)| h.as_str())
                .collect();
            let row = CandidacyRow {
                id: Uuid::now_v7().to_string(),
                person_id: person_id.clone(),
                side: if *newcomer { "newcomer" } else { "local" }.into(),
                status: "waiting".into(),
                waiting_since: now - Duration::days(((i * 23) % 200) as i64 + 3),
                commune_id: communes.get(*commune).cloned(),
                travel: [
                    TravelRange::Neighbours,
                    TravelRange::Anywhere,
                    TravelRange::Neighbours,
                    TravelRange::SameCommune,
                ][i % 4]
                    .as_str()
                    .into(),
                gender: None,
                partner_gender: None,
                partner_age_min: None,
                partner_age_max: None,
                hopes: hopes.join(","),
                wants_french_practice: *newcomer && i % 5 != 4,
                remarks: (i % 7 == 0).then(|| "Préfère se rencontrer en journée.".to_owned()),
                created_at: now,
                updated_at: now,
            };
            row.insert(conn)?;
            candidacies[side].push(row.id);
        }
    }
    // Three proposals (two of them introduced, with trial-meeting feedback) and three active
    // duos (the last one needs attention).
    for k in 0..6usize {
        let (n, l) = (&candidacies[0][k], &candidacies[1][k]);
        let active = k >= 3;
        let confirmed = now - Duration::days(40 + k as i64 * 5);
        let duo = DuoRow {
            id: Uuid::now_v7().to_string(),
            newcomer_id: newcomers[k].0.clone(),
            local_id: locals[k].0.clone(),
            newcomer_candidacy_id: Some(n.clone()),
            local_candidacy_id: Some(l.clone()),
            status: if active {
                "active"
            } else if k == 1 || k == 2 {
                "introduced"
            } else {
                "proposed"
            }
            .into(),
            score: Some(60.0 + k as f64),
            explanation: None,
            settings_version: Some(1),
            pinned: false,
            proposed_at: confirmed - Duration::days(10),
            introduced_at: (active || k == 1 || k == 2).then(|| confirmed - Duration::days(5)),
            confirmed_at: active.then_some(confirmed),
            ended_at: None,
            reason: None,
            outcome: None,
            created_by: coordinator.clone(),
            updated_at: now,
            pause_reason: None,
        };
        duo.insert(conn)?;
        for c in [n, l] {
            CandidacyRow::set_status(conn, c, if active { "matched" } else { "proposed" })?;
        }
        // After the trial meeting: both want to continue (ready to confirm), or one hesitates.
        let feedback: &[(&str, &str, i32, Option<&str>)] = match k {
            1 => &[
                (
                    "newcomer",
                    "yes",
                    5,
                    Some("Très contente, ils ont parlé de cuisine pendant deux heures."),
                ),
                ("local", "yes", 4, None),
            ],
            2 => &[
                ("newcomer", "yes", 4, None),
                (
                    "local",
                    "unsure",
                    3,
                    Some("Préférerait se voir le week-end ; à rappeler."),
                ),
            ],
            _ => &[],
        };
        for (side, wish, rating, notes) in feedback {
            let given = confirmed - Duration::days(3);
            crate::duo::store::feedback::FeedbackRow {
                id: Uuid::now_v7().to_string(),
                duo_id: duo.id.clone(),
                person_id: if *side == "newcomer" {
                    duo.newcomer_id.clone()
                } else {
                    duo.local_id.clone()
                },
                side: (*side).into(),
                wants_to_continue: (*wish).into(),
                rating: *rating,
                notes: notes.map(str::to_owned),
                given_on: given.date(),
                recorded_by: coordinator.clone(),
                created_at: given,
                updated_at: given,
            }
            .insert(conn)?;
        }
        // Self-assessments: at the start for every duo that has met; at the end for the two
        // that have been meeting longest without trouble.
        if k >= 1 {
            let k = k as i32;
            let start = confirmed - Duration::days(4);
            let mut assess =
                |side: &str, phase: &str, on: chrono::NaiveDateTime, learnt: Option<&str>| {
                    let newcomer = side == "newcomer";
                    let after = phase == "after";
                    crate::duo::store::assessments::AssessmentRow {
                        id: Uuid::now_v7().to_string(),
                        duo_id: duo.id.clone(),
                        person_id: if newcomer {
                            duo.newcomer_id.clone()
                        } else {
                            duo.local_id.clone()
                        },
                        side: side.into(),
                        phase: phase.into(),
                        assessed_on: on.date(),
                        french_confidence: newcomer
                            .then_some(1 + k % 3 + if after { 2 } else { 0 }),
                        help_contacts: newcomer.then_some(k % 3 + if after { 3 } else { 0 }),
                        intercultural_understanding: (!newcomer)
                            .then_some(2 + k % 2 + i32::from(after)),
                        learnt: learnt.map(str::to_owned),
                        recorded_by: coordinator.clone(),
                        created_at: on,
                        updated_at: on,
                    }
                    .insert(conn)
                };
            assess("newcomer", "before", start, None)?;
            assess("local", "before", start, None)?;
            if k == 3 || k == 4 {
                assess("newcomer", "after", now - Duration::days(1), None)?;
                assess(
                    "local",
                    "after",
                    now - Duration::days(1),
                    Some("Ce que l'exil veut dire au quotidien, et quelques mots de dari."),
                )?;
            }
        }
        if active {
            let needs_attention = k == 5;
            // Weekly meetings up to last week; the duo needing attention stopped after two.
            let weeks = (now - confirmed).num_days() / 7;
            let meetings = if needs_attention { 2 } else { weeks };
            for m in 0..meetings {
                let met_on = (confirmed + Duration::days(3 + 7 * m)).date();
                CheckInRow {
                    id: Uuid::now_v7().to_string(),
                    duo_id: duo.id.clone(),
                    met_on,
                    activity: [
                        "Café et conversation",
                        "Promenade sur les coteaux",
                        "Visite du musée de la Boverie",
                        "Marché de la Batte",
                    ][m as usize % 4]
                        .into(),
                    duration_minutes: Some(90),
                    reported_by: if m % 2 == 0 { "newcomer" } else { "local" }.into(),
                    satisfaction_newcomer: Some(if needs_attention {
                        2
                    } else {
                        4 + (m % 2) as i32
                    }),
                    satisfaction_local: Some(if needs_attention { 3 } else { 4 }),
                    notes: None,
                    created_by: coordinator.clone(),
                    created_at: now,
                }
                .insert(conn)?;
            }
            for (days, kind) in crate::duo::matching::health::FOLLOW_UPS {
                let due = (confirmed + Duration::days(days)).date();
                let done = !needs_attention && due < now.date();
                FollowUpRow {
                    id: Uuid::now_v7().to_string(),
                    duo_id: duo.id.clone(),
                    due_on: due,
                    kind: kind.into(),
                    // The healthy duos had their calls; the one needing attention did not.
                    done_at: done.then_some(now),
                    notes: None,
                    done_on: done.then_some(due + Duration::days(1)),
                    done_by: done.then(|| coordinator.clone()).flatten(),
                    done_notes: done.then(|| {
                        "Appel fait : tout se passe bien, rencontres chaque semaine.".to_owned()
                    }),
                    created_by: None,
                }
                .insert(conn)?;
            }
        }
    }
    Ok(())
}

/// InterAct workshop series with past and upcoming sessions, an intercultural training and an
/// InterLab networking evening at La Grand Poste, with registrations, a full session with a
/// waiting list, and attendance on past sessions.
fn load_activities(conn: &mut DbConnection, people: &[DemoPerson]) -> anyhow::Result<()> {
    use crate::activities::domain::{expand, local_to_utc};
    use crate::activities::store::{set_links, ActivityRow, RegistrationRow, VenueRow};
    use crate::audit::Actor;
    use shared::activities::{Recurrence, RegistrationSource};

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
        crate::activities::store::insert_venue(conn, &v)?;
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
        programme: &'a str,
        kind: &'a str,
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
            programme: "interact",
            kind: "workshop_session",
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
            programme: "interact",
            kind: "workshop_session",
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
            programme: "interact",
            kind: "workshop_session",
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
            programme: "interact",
            kind: "workshop_session",
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
            programme: "training",
            kind: "training",
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
            programme: "interlab",
            kind: "networking",
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
            crate::activities::store::insert_series(
                conn,
                id,
                &serde_json::to_string(r)?,
                coordinator.clone(),
            )?;
        }
        let title: std::collections::BTreeMap<&str, &str> = ["fr", "en", "nl", "ar"]
            .into_iter()
            .zip(spec.title)
            .collect();
        let host = (spec.host != usize::MAX)
            .then(|| newcomers.get(spec.host))
            .flatten();
        for (n, (s, e)) in sessions.into_iter().enumerate() {
            let row = ActivityRow {
                id: Uuid::now_v7().to_string(),
                series_id: series_id.clone(),
                title: serde_json::to_string(&title)?,
                description: serde_json::to_string(&std::collections::BTreeMap::from([(
                    "fr",
                    spec.description,
                )]))?,
                programme: spec.programme.into(),
                kind: spec.kind.into(),
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
                visibility: "public".into(),
                status: "published".into(),
                cancel_reason: None,
                min_newcomer_percent: (spec.programme == "interact").then_some(30),
                min_local_percent: (spec.programme == "interact").then_some(30),
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
                let reg = crate::activities::service::register(
                    conn,
                    &row.id,
                    &person,
                    RegistrationSource::Staff,
                    coordinator.clone(),
                    &actor,
                )
                .map_err(|e| anyhow::anyhow!("demo registration: {e}"))?;
                if s.naive_utc() < now && reg.status == "registered" {
                    let mark = if i % 5 == 4 { "absent" } else { "attended" };
                    RegistrationRow::set_status(conn, &reg.id, mark, false)?;
                }
            }
        }
    }
    Ok(())
}
