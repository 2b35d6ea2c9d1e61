//! The demo dataset (`interra demo`, `interra serve --demo`): fictional, realistic, idempotent.
//! One file per feature; the fictional people are data apart from their loading. Rules
//! (registrations and the waiting list) go through the features' services.

mod activities;
mod duos;
mod interact;
mod interlab;
mod interlab_meetings;
mod mentoring;
pub mod partners;
mod people;
mod people_data;
mod trainings;

use diesel::prelude::*;
use shared::auth::Role;

use crate::accounts::password;
use crate::accounts::store::UserRow;
use crate::db::schema;
use crate::db::{Db, DbConnection};

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
    // Signs in as an InterLab mentor (named after the mentor it is linked to).
    (mentoring::MENTOR_ACCOUNT, "Mentor InterLab", Role::Mentor),
];

/// What a demo load created.
#[derive(Debug, Default)]
pub struct DemoReport {
    pub staff_created: usize,
    pub people_created: usize,
    /// Demo partner API clients created by this load, with their secrets (shown once).
    pub partner_clients: Vec<partners::DemoClient>,
}

impl DemoReport {
    /// The lines that show the partner clients' credentials (printed once, at creation).
    pub fn partner_lines(&self) -> Vec<String> {
        self.partner_clients
            .iter()
            .map(|c| {
                format!(
                    "partner {}: client_id={} client_secret={}",
                    c.organisation, c.client_id, c.client_secret
                )
            })
            .collect()
    }
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
        report.partner_clients = partners::load(conn)?;
        let people = people::load_people(conn)?;
        report.people_created = people.len();
        if !people.is_empty() {
            duos::load_duos(conn, &people)?;
            activities::load_activities(conn, &people)?;
            interlab::load_interlab(conn, &people)?;
            interlab_meetings::load(conn)?;
            mentoring::load_mentoring(conn, &people)?;
            interact::load_interact(conn, &people)?;
            trainings::load_trainings(conn, &people)?;
        }
        Ok(report)
    })
}

pub(super) fn tag_ids(
    conn: &mut DbConnection,
) -> QueryResult<std::collections::HashMap<String, String>> {
    use schema::tags;
    Ok(tags::table
        .select((tags::slug, tags::id))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

/// A demo person: id, newcomer or not, commune name.
pub(super) type DemoPerson = (String, bool, &'static str);
