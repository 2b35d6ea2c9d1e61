//! The matching pool: candidacies, their people's facts and the world they are scored in,
//! loaded from the store in one go and turned into the pure `matching` profiles.

use std::collections::HashMap;

use shared::duo::{CandidacyStatus, GenderIdentity, Hope, TravelRange};
use shared::people::Category;

use crate::db::{stored_id as uuid, DbConnection};
use crate::duo::matching::score::{
    self, hopes, Blocked, Commune, Gender, Profile, Side, TagInfo, Travel, Weights, World,
};
use crate::duo::store::{self, CandidacyRow};
use crate::error::ApiError;
use crate::people::domain::{current_year, display_name};

/// Everything a matching run needs. `candidacies[i]` is the row of `profiles[i]`.
pub struct Pool {
    pub world: World,
    pub weights: Weights,
    pub version: i32,
    pub blocked: Blocked,
    pub candidacies: Vec<CandidacyRow>,
    pub profiles: Vec<Profile>,
    /// Display names by person id.
    pub names: HashMap<String, String>,
}

impl Pool {
    /// The display name of a person of the pool.
    pub fn name(&self, person_id: &str) -> String {
        self.names.get(person_id).cloned().unwrap_or_default()
    }
}

fn hope_bits(hs: &[Hope]) -> u8 {
    hs.iter()
        .map(|h| match h {
            Hope::Conversation => hopes::CONVERSATION,
            Hope::Outings => hopes::OUTINGS,
            Hope::Sport => hopes::SPORT,
            Hope::Culture => hopes::CULTURE,
            Hope::DailyLife => hopes::DAILY_LIFE,
        })
        .fold(0, |a, b| a | b)
}

fn gender(g: Option<GenderIdentity>) -> Option<Gender> {
    match g? {
        GenderIdentity::Woman => Some(Gender::Woman),
        GenderIdentity::Man => Some(Gender::Man),
        GenderIdentity::Other => Some(Gender::Other),
    }
}

/// Loads the candidacies with the given statuses (and those of `extra_ids`) and builds their
/// profiles.
pub fn load_pool(
    conn: &mut DbConnection,
    statuses: &[CandidacyStatus],
    extra_ids: &[String],
) -> Result<Pool, ApiError> {
    let (communes, links) = store::communes(conn)?;
    let index: HashMap<String, usize> = communes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    let mut world = World {
        communes: communes
            .iter()
            .map(|c| Commune {
                name: c.name.clone(),
                lat: c.latitude,
                lon: c.longitude,
                neighbours: vec![],
            })
            .collect(),
        tags: vec![],
        current_year: current_year(),
    };
    for (a, b) in links {
        if let (Some(&i), Some(&j)) = (index.get(&a), index.get(&b)) {
            world.communes[i].neighbours.push(j);
        }
    }
    let (tags, usage, total) = store::tag_usage(conn)?;
    let tag_index: HashMap<String, u32> = tags
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.clone(), i as u32))
        .collect();
    world.tags = tags
        .into_iter()
        .map(|(id, labels)| TagInfo {
            labels,
            specificity: World::specificity(
                u64::try_from(usage.get(&id).copied().unwrap_or(0)).unwrap_or(0),
                u64::try_from(total).unwrap_or(0),
            ),
        })
        .collect();
    let (version, weights) = store::latest_settings(conn)?;
    let mut blocked = Blocked::default();
    for (a, b) in store::blocks(conn)? {
        blocked.insert(uuid(&a)?, uuid(&b)?);
    }
    let mut candidacies: Vec<CandidacyRow> = Vec::new();
    for s in statuses {
        candidacies.extend(
            store::list_candidacies(conn, Some(*s), None, None)?
                .into_iter()
                .map(|(c, ..)| c),
        );
    }
    for id in extra_ids {
        if !candidacies.iter().any(|c| &c.id == id) {
            candidacies.push(CandidacyRow::get(conn, id)?);
        }
    }
    let person_ids: Vec<String> = candidacies.iter().map(|c| c.person_id.clone()).collect();
    let facts = store::person_facts(conn, &person_ids)?;
    let now = crate::db::now();
    let mut profiles = Vec::with_capacity(candidacies.len());
    let mut names = HashMap::new();
    for c in &candidacies {
        let f = facts.get(&c.person_id).cloned().unwrap_or_default();
        let display = display_name(
            &f.first_name,
            f.last_name.as_deref(),
            f.preferred_name.as_deref(),
        );
        names.insert(c.person_id.clone(), display);
        let mut tags: Vec<u32> = f
            .tags
            .iter()
            .filter_map(|t| tag_index.get(t).copied())
            .collect();
        tags.sort_unstable();
        tags.dedup();
        profiles.push(Profile {
            id: uuid(&c.person_id)?,
            name: f
                .preferred_name
                .clone()
                .unwrap_or_else(|| f.first_name.clone()),
            side: match c.side {
                Category::Newcomer => Side::Newcomer,
                Category::Local => Side::Local,
            },
            tags,
            languages: f.languages.clone(),
            french_level: f.french_level,
            wants_french_practice: c.wants_french_practice,
            slots: f
                .slots
                .iter()
                .map(|&s| score::slot_bit(s))
                .fold(0, |a, b| a | b),
            commune: c.commune_id.as_ref().and_then(|id| index.get(id).copied()),
            travel: match c.travel {
                TravelRange::SameCommune => Travel::SameCommune,
                TravelRange::Neighbours => Travel::Neighbours,
                TravelRange::Anywhere => Travel::Anywhere,
            },
            gender: gender(c.gender),
            partner_gender: gender(c.partner_gender),
            birth_year: f.birth_year,
            partner_age: match (c.partner_age_min, c.partner_age_max) {
                (None, None) => None,
                (min, max) => Some((min.unwrap_or(0), max.unwrap_or(150))),
            },
            hopes: hope_bits(&c.hopes_of()),
            waiting_days: u32::try_from((now - c.waiting_since).num_days().max(0)).unwrap_or(0),
        });
    }
    Ok(Pool {
        world,
        weights,
        version,
        blocked,
        candidacies,
        profiles,
        names,
    })
}
