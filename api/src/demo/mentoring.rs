//! Demo InterLab mentoring: eight mentors, facilitators and experts with varied expertise and
//! languages (people of the demo with an InterLab mentor membership first), relations at every
//! point of their life, office hours in the coming weeks (some booked), and the demo account
//! `mentor@demo.interra.be` linked to one mentor in an active relation.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use shared::auth::Role;
use shared::interlab::{
    BookingInput, MentorInput, MentorRole, MentorshipEndReason, MentorshipInput, MentorshipPatch,
    MentorshipStatus, NeedDomain, OfficeHourInput, TermKind,
};
use shared::Lang;
use uuid::Uuid;

use crate::accounts::store::UserRow;
use crate::audit::Actor;
use crate::db::{schema, DbConnection};
use crate::interlab::service::{mentors, mentorships, office_hours, today, Acting};
use crate::interlab::store::TermRow;

use super::DemoPerson;

/// The demo account of a mentor who signs in.
pub const MENTOR_ACCOUNT: &str = "mentor@demo.interra.be";

/// (role, organisation, domains, sector slugs, languages, capacity, availability).
type Profile = (
    MentorRole,
    &'static str,
    &'static [NeedDomain],
    &'static [&'static str],
    &'static [&'static str],
    i32,
    &'static str,
);

const MENTORS: &[Profile] = &[
    (
        MentorRole::Mentor,
        "Ancienne restauratrice, Outremeuse",
        &[NeedDomain::Market, NeedDomain::Premises, NeedDomain::Legal],
        &["food", "retail"],
        &["fr", "ar"],
        3,
        "Le mardi et le jeudi après-midi",
    ),
    (
        MentorRole::Expert,
        "Fiduciaire Meuse & Associés",
        &[
            NeedDomain::Accounting,
            NeedDomain::Administration,
            NeedDomain::Financing,
        ],
        &[],
        &["fr", "nl", "en"],
        4,
        "Un vendredi matin sur deux",
    ),
    (
        MentorRole::Mentor,
        "Coopérative de rénovation Bâti-Liège",
        &[
            NeedDomain::Management,
            NeedDomain::Legal,
            NeedDomain::Network,
        ],
        &["construction", "crafts"],
        &["fr", "tr"],
        2,
        "En soirée, sur rendez-vous",
    ),
    (
        MentorRole::Facilitator,
        "La Grand Poste",
        &[NeedDomain::Network, NeedDomain::Market, NeedDomain::Digital],
        &["digital", "education"],
        &["fr", "en", "es"],
        5,
        "Soirées réseau du premier mercredi du mois",
    ),
    (
        MentorRole::Mentor,
        "Développeuse indépendante",
        &[NeedDomain::Digital, NeedDomain::Market],
        &["digital"],
        &["fr", "uk", "en"],
        2,
        "Le lundi en visioconférence",
    ),
    (
        MentorRole::Expert,
        "Organisme de microcrédit (bénévole)",
        &[NeedDomain::Financing, NeedDomain::Management],
        &[],
        &["fr", "ar", "prs"],
        3,
        "Le mercredi matin",
    ),
    (
        MentorRole::Facilitator,
        "Asbl Lire et Écrire (bénévole)",
        &[NeedDomain::Language, NeedDomain::Administration],
        &["personal-services", "education"],
        &["fr", "prs", "ps"],
        6,
        "Ateliers collectifs le samedi",
    ),
    (
        MentorRole::Mentor,
        "Ancienne gérante de salon de coiffure",
        &[
            NeedDomain::Premises,
            NeedDomain::Management,
            NeedDomain::Market,
        ],
        &["beauty", "textile"],
        &["fr", "en", "ln"],
        1,
        "Le jeudi",
    ),
];

fn user(conn: &mut DbConnection, email: &str) -> anyhow::Result<Option<Uuid>> {
    Ok(UserRow::find_by_email(conn, email)?.and_then(|u| u.id.parse().ok()))
}

/// Tomorrow + `days` at `hour` in Brussels, as the office-hours form takes it.
fn local(day: NaiveDate, hour: u32) -> String {
    format!("{}T{hour:02}:00", day.format("%Y-%m-%d"))
}

pub(super) fn load_mentoring(conn: &mut DbConnection, people: &[DemoPerson]) -> anyhow::Result<()> {
    let Some(coordinator) = user(conn, "coordinator@demo.interra.be")? else {
        return Ok(());
    };
    let acting = Acting::new(Actor::default(), coordinator, Role::Coordinator, Lang::Fr);
    let sectors: std::collections::HashMap<String, Uuid> = TermRow::list(conn, TermKind::Sector)?
        .into_iter()
        .filter_map(|t| Some((t.slug, t.id.parse().ok()?)))
        .collect();
    // People with an InterLab mentor membership first, then other locals not yet in InterLab.
    let mentor_members: Vec<String> = schema::memberships::table
        .filter(schema::memberships::programme.eq("interlab"))
        .filter(schema::memberships::role.eq("mentor"))
        .select(schema::memberships::person_id)
        .load(conn)?;
    let entrepreneurs: Vec<(String, String)> = schema::interlab_entrepreneurs::table
        .order(schema::interlab_entrepreneurs::project_name.asc())
        .select((
            schema::interlab_entrepreneurs::id,
            schema::interlab_entrepreneurs::person_id,
        ))
        .load(conn)?;
    let mut chosen: Vec<&DemoPerson> = people
        .iter()
        .filter(|p| mentor_members.contains(&p.0))
        .collect();
    chosen.extend(
        people
            .iter()
            .filter(|p| !p.1 && !mentor_members.contains(&p.0))
            .filter(|p| !entrepreneurs.iter().any(|(_, person)| *person == p.0)),
    );
    let account = user(conn, MENTOR_ACCOUNT)?;
    let mut mentor_ids = Vec::new();
    for (i, (person, profile)) in chosen.iter().zip(MENTORS).enumerate() {
        let (role, organisation, domains, sector_slugs, languages, capacity, availability) =
            *profile;
        let row = mentors::create_in(
            conn,
            &acting,
            MentorInput {
                person_id: person.0.parse()?,
                role,
                organisation: Some(organisation.into()),
                domains: domains.to_vec(),
                sector_ids: sector_slugs
                    .iter()
                    .filter_map(|s| sectors.get(*s).copied())
                    .collect(),
                languages: languages.iter().map(|l| (*l).to_owned()).collect(),
                capacity,
                availability: Some(availability.into()),
                active: Some(true),
                // The second entrepreneur is the first mentor's neighbour's child: flagged.
                conflicts: match (i, entrepreneurs.get(1)) {
                    (0, Some((e, _))) => vec![e.parse()?],
                    _ => vec![],
                },
                account_id: if i == 0 { account } else { None },
            },
        )?;
        if i == 0 {
            if let Some(name) =
                crate::people::store::names(conn, std::slice::from_ref(&row.person_id))?
                    .remove(&row.person_id)
            {
                diesel::update(
                    schema::users::table.filter(schema::users::email.eq(MENTOR_ACCOUNT)),
                )
                .set(schema::users::display_name.eq(name))
                .execute(conn)?;
            }
        }
        mentor_ids.push(row.id.parse::<Uuid>()?);
    }
    if mentor_ids.len() < 4 || entrepreneurs.len() < 6 {
        return Ok(());
    }
    let e = |k: usize| -> anyhow::Result<Uuid> {
        Ok(entrepreneurs[k % entrepreneurs.len()].0.parse()?)
    };
    let both = MentorshipPatch {
        entrepreneur_agreed: Some(true),
        mentor_agreed: Some(true),
        status: Some(MentorshipStatus::Active),
        ..Default::default()
    };
    // (mentor, entrepreneur, what happens next).
    let plan: [(usize, usize, Option<&MentorshipPatch>); 6] = [
        (0, 0, Some(&both)),
        (0, 4, None),
        (1, 2, Some(&both)),
        (2, 10, Some(&both)),
        (4, 6, None),
        (3, 5, None),
    ];
    for (m, k, next) in plan {
        let row = mentorships::create_in(
            conn,
            &acting,
            &MentorshipInput {
                mentor_id: mentor_ids[m],
                entrepreneur_id: e(k)?,
                note: Some("Proposé après le diagnostic.".into()),
                override_capacity: false,
                override_reason: None,
            },
        )?;
        if let Some(patch) = next {
            mentorships::update_in(conn, &acting, row.id.parse()?, patch)?;
        }
    }
    // One proposal the entrepreneur agreed to, and a relation that ended.
    let waiting = mentorships::create_in(
        conn,
        &acting,
        &MentorshipInput {
            mentor_id: mentor_ids[5 % mentor_ids.len()],
            entrepreneur_id: e(3)?,
            note: None,
            override_capacity: false,
            override_reason: None,
        },
    )?;
    mentorships::update_in(
        conn,
        &acting,
        waiting.id.parse()?,
        &MentorshipPatch {
            entrepreneur_agreed: Some(true),
            ..Default::default()
        },
    )?;
    let ended = mentorships::create_in(
        conn,
        &acting,
        &MentorshipInput {
            mentor_id: mentor_ids[1],
            entrepreneur_id: e(7)?,
            note: None,
            override_capacity: false,
            override_reason: None,
        },
    )?;
    mentorships::update_in(conn, &acting, ended.id.parse()?, &both)?;
    mentorships::update_in(
        conn,
        &acting,
        ended.id.parse()?,
        &MentorshipPatch {
            status: Some(MentorshipStatus::Ended),
            end_reason: Some(MentorshipEndReason::Completed),
            end_note: Some("Comptabilité en place, le plan financier est bouclé.".into()),
            ..Default::default()
        },
    )?;
    // Office hours over the next three weeks; a few booked.
    let start = today() + Duration::days(2);
    for (n, m) in mentor_ids.iter().take(4).enumerate() {
        for week in 0..3i64 {
            let day = start + Duration::days(week * 7 + n as i64);
            let slot = office_hours::create_in(
                conn,
                &acting,
                &OfficeHourInput {
                    mentor_id: *m,
                    starts_at: local(day, 14),
                    ends_at: local(day, 15),
                    place: (n % 2 == 0).then(|| "La Grand Poste, salle Lumière".into()),
                    video_url: (n % 2 == 1)
                        .then(|| format!("https://meet.example.org/interlab-{}", n + 1)),
                },
            )?;
            if week == 0 {
                office_hours::book_in(
                    conn,
                    &acting,
                    slot.id.parse()?,
                    &BookingInput {
                        entrepreneur_id: e(n * 2)?,
                        note: Some("Questions sur le plan financier.".into()),
                    },
                )?;
            }
        }
    }
    Ok(())
}
