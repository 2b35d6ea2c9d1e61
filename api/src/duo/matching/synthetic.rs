//! Synthetic but realistic pools, for property tests and benchmarks (deterministic from a seed).

use shared::people::{FrenchLevel, LanguageLevel};
use uuid::Uuid;

use super::score::{Commune, Gender, Profile, Side, TagInfo, Travel, World};

/// Communes of the Liège area with approximate centroids (lat, lon).
pub const LIEGE_AREA: &[(&str, f64, f64)] = &[
    ("Liège", 50.6326, 5.5797),
    ("Seraing", 50.5833, 5.5000),
    ("Herstal", 50.6667, 5.6333),
    ("Ans", 50.6617, 5.5164),
    ("Flémalle", 50.6036, 5.4575),
    ("Saint-Nicolas", 50.6300, 5.5360),
    ("Grâce-Hollogne", 50.6403, 5.4939),
    ("Chaudfontaine", 50.5856, 5.6420),
    ("Fléron", 50.6150, 5.6800),
    ("Beyne-Heusay", 50.6225, 5.6536),
    ("Visé", 50.7369, 5.6947),
    ("Oupeye", 50.7108, 5.6450),
    ("Esneux", 50.5333, 5.5667),
    ("Soumagne", 50.6147, 5.7447),
    ("Juprelle", 50.7094, 5.5319),
    ("Awans", 50.6667, 5.4667),
    ("Trooz", 50.5717, 5.6925),
    ("Neupré", 50.5478, 5.4889),
    ("Blegny", 50.6722, 5.7233),
    ("Engis", 50.5833, 5.4000),
    ("Verviers", 50.5911, 5.8650),
];

/// Communes closer than this are neighbours in synthetic worlds.
const NEIGHBOUR_KM: f64 = 7.0;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// The Liège-area world with `tag_count` tags whose popularity follows a Zipf-like curve.
pub fn world(tag_count: usize) -> World {
    let mut communes: Vec<Commune> = LIEGE_AREA
        .iter()
        .map(|(name, lat, lon)| Commune {
            name: (*name).into(),
            lat: *lat,
            lon: *lon,
            neighbours: vec![],
        })
        .collect();
    let mut w = World {
        communes: communes.clone(),
        tags: vec![],
        current_year: 2026,
    };
    for (i, c) in communes.iter_mut().enumerate() {
        c.neighbours = (0..LIEGE_AREA.len())
            .filter(|&j| j != i && w.km(i, j).is_some_and(|km| km < NEIGHBOUR_KM))
            .collect();
    }
    w.communes = communes;
    w.tags = (0..tag_count)
        .map(|i| {
            let usage = (1000.0 / (i as f64 + 1.0)).ceil() as u64;
            let label = format!("tag {i}");
            TagInfo {
                labels: [label.clone(), label.clone(), label.clone(), label],
                specificity: World::specificity(usage, 1000),
            }
        })
        .collect();
    w
}

fn zipf_tag(rng: &mut Rng, count: usize) -> u32 {
    // Rejection-free approximation: square of a uniform favours small indices.
    let u = rng.below(10_000) as f64 / 10_000.0;
    ((u * u) * count as f64) as u32
}

/// `n` candidates of one side.
pub fn profiles(seed: u64, side: Side, n: usize, world: &World) -> Vec<Profile> {
    let mut rng = Rng(seed
        ^ if side == Side::Newcomer {
            0x9e37
        } else {
            0x7f4a
        });
    let langs_newcomer = ["ar", "uk", "prs", "ti", "es", "tr", "en", "ru", "so", "ln"];
    let langs_local = ["en", "nl", "de", "es", "it", "ar"];
    (0..n)
        .map(|i| {
            let mut tags: Vec<u32> = (0..(2 + rng.below(5)))
                .map(|_| zipf_tag(&mut rng, world.tags.len().max(1)))
                .collect();
            tags.sort_unstable();
            tags.dedup();
            let mut slots = 0u32;
            for _ in 0..(2 + rng.below(6)) {
                slots |= 1 << rng.below(21);
            }
            let languages = match side {
                Side::Newcomer => {
                    let mut l = vec![(
                        langs_newcomer[rng.below(10) as usize].to_owned(),
                        LanguageLevel::Native,
                    )];
                    if rng.chance(40) {
                        l.push(("en".to_owned(), LanguageLevel::Intermediate));
                    }
                    l
                }
                Side::Local => {
                    let mut l = vec![("fr".to_owned(), LanguageLevel::Native)];
                    if rng.chance(60) {
                        l.push((
                            langs_local[rng.below(6) as usize].to_owned(),
                            LanguageLevel::Intermediate,
                        ));
                    }
                    l
                }
            };
            let gender = match rng.below(10) {
                0..=4 => Some(Gender::Woman),
                5..=8 => Some(Gender::Man),
                _ => None,
            };
            let travel = match rng.below(10) {
                0..=1 => Travel::SameCommune,
                2..=6 => Travel::Neighbours,
                _ => Travel::Anywhere,
            };
            let levels = [
                FrenchLevel::A0,
                FrenchLevel::A1,
                FrenchLevel::A2,
                FrenchLevel::B1,
                FrenchLevel::B2,
            ];
            Profile {
                id: Uuid::from_u64_pair(seed, (i as u64) << 1 | u64::from(side == Side::Local)),
                name: format!("{} {i}", if side == Side::Newcomer { "N" } else { "L" }),
                side,
                tags,
                languages,
                french_level: match side {
                    Side::Newcomer => Some(levels[rng.below(5) as usize]),
                    Side::Local => Some(FrenchLevel::C2),
                },
                wants_french_practice: side == Side::Newcomer && rng.chance(80),
                slots,
                commune: Some(rng.below(world.communes.len() as u64) as usize),
                travel,
                gender,
                partner_gender: if gender == Some(Gender::Woman) && rng.chance(25) {
                    Some(Gender::Woman)
                } else {
                    None
                },
                birth_year: Some(1950 + rng.below(55) as i32),
                partner_age: None,
                hopes: (rng.below(31) + 1) as u8,
                waiting_days: rng.below(365) as u32,
            }
        })
        .collect()
}
