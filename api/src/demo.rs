//! The demo dataset (`interra demo`, `interra serve --demo`): fictional, realistic, idempotent.
//! Each module adds its own records here.

use shared::auth::Role;

use crate::auth::password;
use crate::db::users::UserRow;
use crate::db::Db;

/// Password of every demo account (documented in the README; demo data is refused in
/// production mode).
pub const DEMO_PASSWORD: &str = "interra-demo-2026";

const STAFF: &[(&str, &str, Role)] = &[
    ("admin@demo.interra.be", "Sophie Lambert", Role::Admin),
    ("coordinator@demo.interra.be", "Karim Benali", Role::Coordinator),
    ("coordinatrice.duo@demo.interra.be", "Els Vermeulen", Role::Coordinator),
    ("coach@demo.interra.be", "Marie Dubois", Role::Coach),
    ("mentor.interlab@demo.interra.be", "Youssef El Amrani", Role::Coach),
];

/// What a demo load created.
#[derive(Debug, Default)]
pub struct DemoReport {
    pub staff_created: usize,
}

pub fn load(db: &Db) -> anyhow::Result<DemoReport> {
    let mut conn = db.conn()?;
    let mut report = DemoReport::default();
    let mut hash: Option<String> = None;
    for (email, name, role) in STAFF {
        if UserRow::find_by_email(&mut conn, email)?.is_some() {
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
        UserRow::new((*email).into(), (*name).into(), *role, h).insert(&mut conn)?;
        report.staff_created += 1;
    }
    Ok(report)
}
