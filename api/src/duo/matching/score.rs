//! Who may be paired (hard constraints), how well (a score with its breakdown), and why (plain
//! sentences in the reader's language).

use std::collections::HashSet;

use shared::people::{DayPart, FrenchLevel, LanguageLevel, Slot, Weekday};
use shared::Lang;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Newcomer,
    Local,
}

/// How far a person is willing to go to meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Travel {
    SameCommune,
    Neighbours,
    Anywhere,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Woman,
    Man,
    Other,
}

/// What a person hopes from a duo (bit flags).
pub mod hopes {
    pub const CONVERSATION: u8 = 1;
    pub const OUTINGS: u8 = 2;
    pub const SPORT: u8 = 4;
    pub const CULTURE: u8 = 8;
    pub const DAILY_LIFE: u8 = 16;
    pub const ALL: [(u8, &str); 5] = [
        (CONVERSATION, "conversation"),
        (OUTINGS, "outings"),
        (SPORT, "sport"),
        (CULTURE, "culture"),
        (DAILY_LIFE, "daily_life"),
    ];
}

/// A candidate as matching sees them. Tags and communes are indices into [`World`].
#[derive(Debug, Clone)]
pub struct Profile {
    pub id: Uuid,
    /// First or preferred name, for explanations.
    pub name: String,
    pub side: Side,
    /// Sorted, deduplicated tag indices.
    pub tags: Vec<u32>,
    /// (ISO 639 code, level).
    pub languages: Vec<(String, LanguageLevel)>,
    pub french_level: Option<FrenchLevel>,
    pub wants_french_practice: bool,
    /// Bit `day * 3 + part` for each weekly slot.
    pub slots: u32,
    pub commune: Option<usize>,
    pub travel: Travel,
    pub gender: Option<Gender>,
    /// Stated wish about the partner's gender.
    pub partner_gender: Option<Gender>,
    pub birth_year: Option<i32>,
    /// Stated wish about the partner's age (inclusive years).
    pub partner_age: Option<(i32, i32)>,
    pub hopes: u8,
    pub waiting_days: u32,
}

pub fn slot_bit(s: Slot) -> u32 {
    let day = Weekday::ALL.iter().position(|d| *d == s.day).unwrap_or(0);
    let part = DayPart::ALL.iter().position(|p| *p == s.part).unwrap_or(0);
    1 << (day * 3 + part)
}

fn slots_of(bits: u32) -> impl Iterator<Item = Slot> {
    Slot::all().filter(move |s| bits & slot_bit(*s) != 0)
}

#[derive(Debug, Clone)]
pub struct Commune {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub neighbours: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct TagInfo {
    /// Labels in fr, en, nl, ar.
    pub labels: [String; 4],
    /// Specificity in [0, 1]: a rare passion shared says more than a common one.
    pub specificity: f64,
}

/// Reference data for a matching run.
#[derive(Debug, Clone, Default)]
pub struct World {
    pub communes: Vec<Commune>,
    pub tags: Vec<TagInfo>,
    pub current_year: i32,
}

impl World {
    /// Specificity from usage counts: `ln(total / count)` scaled to [0.2, 1].
    pub fn specificity(count: u64, total: u64) -> f64 {
        if count == 0 || total == 0 {
            return 1.0;
        }
        let idf = ((total as f64) / (count as f64)).ln().max(0.0);
        let max = (total as f64).ln().max(1.0);
        0.2 + 0.8 * (idf / max).min(1.0)
    }

    pub fn km(&self, a: usize, b: usize) -> Option<f64> {
        let (a, b) = (self.communes.get(a)?, self.communes.get(b)?);
        let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
        let dlat = la2 - la1;
        let dlon = (b.lon - a.lon).to_radians();
        let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
        Some(6371.0 * 2.0 * h.sqrt().asin())
    }

    fn neighbours(&self, a: usize, b: usize) -> bool {
        self.communes
            .get(a)
            .is_some_and(|c| c.neighbours.contains(&b))
            || self
                .communes
                .get(b)
                .is_some_and(|c| c.neighbours.contains(&a))
    }
}

/// Weights of the soft criteria; versioned so a proposal records what produced it.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Weights {
    pub interests: f64,
    pub language: f64,
    pub availability: f64,
    pub distance: f64,
    pub hopes: f64,
    pub age: f64,
    pub waiting: f64,
    /// Pairs scoring below this (0–100) are not proposed by the batch.
    pub threshold: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            interests: 3.0,
            language: 2.5,
            availability: 2.0,
            distance: 1.5,
            hopes: 1.0,
            age: 0.5,
            waiting: 1.0,
            threshold: 35.0,
        }
    }
}

/// Why a pair is excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    SameSide,
    NoCommonSlot,
    TooFar,
    PreferenceNotMet,
    /// Already in a duo that ended badly, declined before, or "do not pair".
    Blocked,
}

/// Unordered pairs that must not be proposed.
#[derive(Debug, Clone, Default)]
pub struct Blocked(HashSet<(Uuid, Uuid)>);

impl Blocked {
    pub fn insert(&mut self, a: Uuid, b: Uuid) {
        self.0.insert(if a < b { (a, b) } else { (b, a) });
    }

    pub fn contains(&self, a: Uuid, b: Uuid) -> bool {
        self.0.contains(&if a < b { (a, b) } else { (b, a) })
    }
}

fn travel_ok(t: Travel, same: bool, neighbour: bool) -> bool {
    match t {
        Travel::SameCommune => same,
        Travel::Neighbours => same || neighbour,
        Travel::Anywhere => true,
    }
}

fn preference_ok(wisher: &Profile, other: &Profile, year: i32) -> bool {
    let gender_ok = wisher
        .partner_gender
        .is_none_or(|g| other.gender == Some(g));
    let age_ok = wisher.partner_age.is_none_or(|(min, max)| {
        other
            .birth_year
            .is_some_and(|b| (min..=max).contains(&(year - b)))
    });
    gender_ok && age_ok
}

/// The hard constraints.
pub fn check(a: &Profile, b: &Profile, world: &World, blocked: &Blocked) -> Result<(), Exclusion> {
    if a.side == b.side {
        return Err(Exclusion::SameSide);
    }
    if blocked.contains(a.id, b.id) {
        return Err(Exclusion::Blocked);
    }
    if a.slots & b.slots == 0 {
        return Err(Exclusion::NoCommonSlot);
    }
    let (same, neighbour) = match (a.commune, b.commune) {
        (Some(x), Some(y)) => (x == y, world.neighbours(x, y)),
        _ => (false, false),
    };
    if !travel_ok(a.travel, same, neighbour) || !travel_ok(b.travel, same, neighbour) {
        return Err(Exclusion::TooFar);
    }
    if !preference_ok(a, b, world.current_year) || !preference_ok(b, a, world.current_year) {
        return Err(Exclusion::PreferenceNotMet);
    }
    Ok(())
}

/// Each criterion in [0, 1] and the weighted total in [0, 100].
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Breakdown {
    pub interests: f64,
    pub language: f64,
    pub availability: f64,
    pub distance: f64,
    pub hopes: f64,
    pub age: f64,
    pub waiting: f64,
    pub total: f64,
}

fn shared_tags<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let t = a[i];
                    i += 1;
                    j += 1;
                    return Some(t);
                }
            }
        }
        None
    })
}

fn speaks(p: &Profile, lang: &str, at_least: LanguageLevel) -> bool {
    if lang == "fr" {
        if let Some(level) = p.french_level {
            let enough = match at_least {
                LanguageLevel::Basic => FrenchLevel::A2,
                LanguageLevel::Intermediate => FrenchLevel::B1,
                LanguageLevel::Fluent => FrenchLevel::C1,
                LanguageLevel::Native => FrenchLevel::C2,
            };
            if level >= enough {
                return true;
            }
        }
    }
    p.languages
        .iter()
        .any(|(l, level)| l == lang && *level >= at_least)
}

/// Languages both speak at least at an intermediate level.
fn common_languages(a: &Profile, b: &Profile) -> Vec<String> {
    let mut out: Vec<String> = a
        .languages
        .iter()
        .map(|(l, _)| l.clone())
        .chain(std::iter::once("fr".to_owned()))
        .filter(|l| {
            speaks(a, l, LanguageLevel::Intermediate) && speaks(b, l, LanguageLevel::Intermediate)
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn newcomer_local<'a>(a: &'a Profile, b: &'a Profile) -> (&'a Profile, &'a Profile) {
    if a.side == Side::Newcomer {
        (a, b)
    } else {
        (b, a)
    }
}

/// The soft criteria. Call after [`check`].
pub fn score(a: &Profile, b: &Profile, world: &World, w: &Weights) -> Breakdown {
    let (n, l) = newcomer_local(a, b);
    let shared: f64 = shared_tags(&n.tags, &l.tags)
        .map(|t| world.tags.get(t as usize).map_or(0.5, |i| i.specificity))
        .sum();
    let interests = 1.0 - (-shared).exp();
    let common = !common_languages(n, l).is_empty();
    let practice = n.wants_french_practice && speaks(l, "fr", LanguageLevel::Fluent);
    let language = 0.6 * f64::from(u8::from(common))
        + 0.4 * f64::from(u8::from(practice || !n.wants_french_practice));
    let overlap = (n.slots & l.slots).count_ones();
    let availability = (f64::from(overlap) / 3.0).min(1.0);
    let distance = match (n.commune, l.commune) {
        (Some(x), Some(y)) => world.km(x, y).map_or(0.3, |km| 1.0 - km.min(25.0) / 25.0),
        _ => 0.3,
    };
    let hopes = if n.hopes == 0 || l.hopes == 0 {
        0.5
    } else {
        f64::from((n.hopes & l.hopes).count_ones()) / f64::from((n.hopes | l.hopes).count_ones())
    };
    let age = match (n.birth_year, l.birth_year) {
        (Some(x), Some(y)) => 1.0 - f64::from((x - y).abs()).min(40.0) / 40.0,
        _ => 0.5,
    };
    let waiting = (f64::from(n.waiting_days.max(l.waiting_days)) / 180.0).min(1.0);
    let sum_w =
        w.interests + w.language + w.availability + w.distance + w.hopes + w.age + w.waiting;
    let weighted = w.interests * interests
        + w.language * language
        + w.availability * availability
        + w.distance * distance
        + w.hopes * hopes
        + w.age * age
        + w.waiting * waiting;
    let total = if sum_w > 0.0 {
        100.0 * weighted / sum_w
    } else {
        0.0
    };
    Breakdown {
        interests,
        language,
        availability,
        distance,
        hopes,
        age,
        waiting,
        total,
    }
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
        Lang::Nl => 2,
        Lang::Ar => 3,
    }
}

fn join(items: &[String], lang: Lang) -> String {
    let and = ["et", "and", "en", "و"][lang_index(lang)];
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

fn slot_text(s: Slot, lang: Lang) -> String {
    let days = [
        ["lundi", "Monday", "maandag", "الاثنين"],
        ["mardi", "Tuesday", "dinsdag", "الثلاثاء"],
        ["mercredi", "Wednesday", "woensdag", "الأربعاء"],
        ["jeudi", "Thursday", "donderdag", "الخميس"],
        ["vendredi", "Friday", "vrijdag", "الجمعة"],
        ["samedi", "Saturday", "zaterdag", "السبت"],
        ["dimanche", "Sunday", "zondag", "الأحد"],
    ];
    let parts = [
        ["matin", "morning", "ochtend", "صباحًا"],
        ["après-midi", "afternoon", "namiddag", "بعد الظهر"],
        ["soir", "evening", "avond", "مساءً"],
    ];
    let d = Weekday::ALL.iter().position(|x| *x == s.day).unwrap_or(0);
    let p = DayPart::ALL.iter().position(|x| *x == s.part).unwrap_or(0);
    let li = lang_index(lang);
    match lang {
        Lang::Fr => format!("le {} {}", days[d][li], parts[p][li]),
        Lang::En => format!("on {} {}", days[d][li], parts[p][li]),
        Lang::Nl => format!("op {}{}", days[d][li], parts[p][li]),
        Lang::Ar => format!("يوم {} {}", days[d][li], parts[p][li]),
    }
}

/// A language's name in the reader's language (code when unknown).
pub fn language_name(code: &str, lang: Lang) -> String {
    const NAMES: &[(&str, [&str; 4])] = &[
        ("fr", ["français", "French", "Frans", "الفرنسية"]),
        ("en", ["anglais", "English", "Engels", "الإنجليزية"]),
        ("nl", ["néerlandais", "Dutch", "Nederlands", "الهولندية"]),
        ("de", ["allemand", "German", "Duits", "الألمانية"]),
        ("ar", ["arabe", "Arabic", "Arabisch", "العربية"]),
        ("uk", ["ukrainien", "Ukrainian", "Oekraïens", "الأوكرانية"]),
        ("ru", ["russe", "Russian", "Russisch", "الروسية"]),
        ("es", ["espagnol", "Spanish", "Spaans", "الإسبانية"]),
        ("it", ["italien", "Italian", "Italiaans", "الإيطالية"]),
        ("tr", ["turc", "Turkish", "Turks", "التركية"]),
        ("fa", ["persan", "Persian", "Perzisch", "الفارسية"]),
        ("prs", ["dari", "Dari", "Dari", "الدارية"]),
        ("ps", ["pachto", "Pashto", "Pasjtoe", "البشتوية"]),
        ("ti", ["tigrinya", "Tigrinya", "Tigrinya", "التغرينية"]),
        ("am", ["amharique", "Amharic", "Amhaars", "الأمهرية"]),
        ("so", ["somali", "Somali", "Somalisch", "الصومالية"]),
        ("sw", ["swahili", "Swahili", "Swahili", "السواحيلية"]),
        ("ln", ["lingala", "Lingala", "Lingala", "اللينغالا"]),
        ("ku", ["kurde", "Kurdish", "Koerdisch", "الكردية"]),
        ("pl", ["polonais", "Polish", "Pools", "البولندية"]),
    ];
    NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| n[lang_index(lang)].to_owned())
        .unwrap_or_else(|| code.to_owned())
}

/// Plain-language reasons for a pair, strongest first.
pub fn explain(a: &Profile, b: &Profile, world: &World, lang: Lang) -> Vec<String> {
    let (n, l) = newcomer_local(a, b);
    let li = lang_index(lang);
    let mut out = Vec::new();
    let mut tags: Vec<u32> = shared_tags(&n.tags, &l.tags).collect();
    tags.sort_by(|x, y| {
        let sx = world.tags.get(*x as usize).map_or(0.0, |t| t.specificity);
        let sy = world.tags.get(*y as usize).map_or(0.0, |t| t.specificity);
        sy.total_cmp(&sx)
    });
    let labels: Vec<String> = tags
        .iter()
        .take(3)
        .filter_map(|t| {
            world
                .tags
                .get(*t as usize)
                .map(|i| i.labels[li].to_lowercase())
        })
        .collect();
    if !labels.is_empty() {
        let list = join(&labels, lang);
        out.push(match lang {
            Lang::Fr => format!("partagent : {list}"),
            Lang::En => format!("both love {list}"),
            Lang::Nl => format!("delen: {list}"),
            Lang::Ar => format!("يشتركان في: {list}"),
        });
    }
    let slots: Vec<String> = slots_of(n.slots & l.slots)
        .take(2)
        .map(|s| slot_text(s, lang))
        .collect();
    if !slots.is_empty() {
        let list = join(&slots, lang);
        out.push(match lang {
            Lang::Fr => format!("disponibles {list}"),
            Lang::En => format!("free {list}"),
            Lang::Nl => format!("vrij {list}"),
            Lang::Ar => format!("متاحان {list}"),
        });
    }
    if let (Some(x), Some(y)) = (n.commune, l.commune) {
        if x == y {
            let name = world
                .communes
                .get(x)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            out.push(match lang {
                Lang::Fr => format!("habitent tous deux à {name}"),
                Lang::En => format!("both live in {name}"),
                Lang::Nl => format!("wonen allebei in {name}"),
                Lang::Ar => format!("يقيمان كلاهما في {name}"),
            });
        } else if let Some(km) = world.km(x, y) {
            let km = km.round().max(1.0);
            out.push(match lang {
                Lang::Fr => format!("à {km} km l'un de l'autre"),
                Lang::En => format!("{km} km apart"),
                Lang::Nl => format!("{km} km van elkaar"),
                Lang::Ar => format!("تفصل بينهما {km} كم"),
            });
        }
    }
    if n.wants_french_practice && speaks(l, "fr", LanguageLevel::Fluent) {
        out.push(match lang {
            Lang::Fr => format!("{} souhaite pratiquer le français", n.name),
            Lang::En => format!("{} wants to practise French", n.name),
            Lang::Nl => format!("{} wil Frans oefenen", n.name),
            Lang::Ar => format!("{} يرغب في ممارسة الفرنسية", n.name),
        });
    }
    let common: Vec<String> = common_languages(n, l)
        .into_iter()
        .filter(|c| c != "fr")
        .map(|c| language_name(&c, lang))
        .collect();
    if !common.is_empty() {
        let list = join(&common, lang);
        out.push(match lang {
            Lang::Fr => format!("{} parle {list}", l.name),
            Lang::En => format!("{} speaks {list}", l.name),
            Lang::Nl => format!("{} spreekt {list}", l.name),
            Lang::Ar => format!("{} يتحدث {list}", l.name),
        });
    }
    let shared_hopes: Vec<String> = hopes::ALL
        .iter()
        .filter(|(bit, _)| n.hopes & l.hopes & bit != 0)
        .map(|(_, key)| hope_text(key, lang))
        .collect();
    if !shared_hopes.is_empty() {
        let list = join(&shared_hopes, lang);
        out.push(match lang {
            Lang::Fr => format!("espèrent tous deux : {list}"),
            Lang::En => format!("both hope for {list}"),
            Lang::Nl => format!("hopen allebei op {list}"),
            Lang::Ar => format!("يأملان كلاهما في: {list}"),
        });
    }
    let (waiter, days) = if n.waiting_days >= l.waiting_days {
        (n, n.waiting_days)
    } else {
        (l, l.waiting_days)
    };
    if days >= 60 {
        let months = days / 30;
        out.push(match lang {
            Lang::Fr => format!("{} attend depuis {months} mois", waiter.name),
            Lang::En => format!("{} has been waiting for {months} months", waiter.name),
            Lang::Nl => format!("{} wacht al {months} maanden", waiter.name),
            Lang::Ar => format!("{} ينتظر منذ {months} أشهر", waiter.name),
        });
    }
    out
}

fn hope_text(key: &str, lang: Lang) -> String {
    let t: [&str; 4] = match key {
        "conversation" => ["la conversation", "conversation", "gesprekken", "المحادثة"],
        "outings" => ["les sorties", "going out", "uitstapjes", "الخروج معًا"],
        "sport" => ["le sport", "sport", "sport", "الرياضة"],
        "culture" => ["la culture", "culture", "cultuur", "الثقافة"],
        _ => [
            "l'aide au quotidien",
            "help with daily life",
            "hulp in het dagelijks leven",
            "المساعدة في الحياة اليومية",
        ],
    };
    t[lang_index(lang)].to_owned()
}

/// Integer weight used by the assignment (scores scaled to keep optimality exact).
pub fn assignment_weight(total: f64) -> i64 {
    (total * 1000.0).round() as i64
}
