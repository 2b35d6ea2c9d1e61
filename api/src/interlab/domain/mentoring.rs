//! Mentoring's pure rules: what a directory entry must hold, which mentors may accompany an
//! entrepreneur (hard constraints), how well they fit (a score with its parts) and why (codes
//! and sentences in the reader's language), and how a relation moves from proposed to ended.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use shared::interlab::{
    MentorRole, MentorshipEndReason, MentorshipPatch, MentorshipStatus, NeedDomain, NeedPriority,
    SuggestionReasonCode,
};
use shared::Lang;
use uuid::Uuid;

use crate::duo::matching::score::language_name;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::optional_text;

pub const ORGANISATION_MAX: usize = 200;
pub const AVAILABILITY_MAX: usize = 1000;
pub const CAPACITY_MAX: i32 = 20;
pub const MAX_LANGUAGES: usize = 12;
pub const MAX_SECTORS: usize = 20;
pub const MAX_CONFLICTS: usize = 100;
pub const NOTE_MAX: usize = 2000;
pub const SUGGESTIONS_MAX: u32 = 20;
pub const SUGGESTIONS_DEFAULT: u32 = 5;

/// A directory entry as stored, before or after a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentorFields {
    pub role: MentorRole,
    pub organisation: Option<String>,
    pub domains: Vec<NeedDomain>,
    pub sector_ids: Vec<Uuid>,
    pub languages: Vec<String>,
    pub capacity: i32,
    pub availability: Option<String>,
    pub active: bool,
    pub conflicts: Vec<Uuid>,
    pub account_id: Option<Uuid>,
}

fn language_code(raw: &str) -> Result<String, Msg> {
    let code = raw.trim().to_ascii_lowercase();
    let valid = (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase());
    if valid {
        Ok(code)
    } else {
        Err(Msg::InvalidLanguageCode)
    }
}

/// Checks every field and gives the entry as it will be stored (trimmed texts, lowercase
/// language codes, domains in order); all problems at once, field by field.
pub fn check_mentor(f: MentorFields) -> Result<MentorFields, ApiError> {
    let mut v = Validator::new();
    let organisation = v.check(
        "organisation",
        optional_text(f.organisation.as_deref(), ORGANISATION_MAX),
    );
    let availability = v.check(
        "availability",
        optional_text(f.availability.as_deref(), AVAILABILITY_MAX),
    );
    if !(1..=CAPACITY_MAX).contains(&f.capacity) {
        v.add("capacity", Msg::Between(1, i64::from(CAPACITY_MAX)));
    }
    if f.languages.is_empty() {
        v.add("languages", Msg::Required);
    } else if f.languages.len() > MAX_LANGUAGES {
        v.add("languages", Msg::TooMany(MAX_LANGUAGES));
    }
    let mut languages = Vec::new();
    for (i, raw) in f.languages.iter().enumerate() {
        if let Some(code) = v.check(&format!("languages[{i}]"), language_code(raw)) {
            if languages.contains(&code) {
                v.add(&format!("languages[{i}]"), Msg::DuplicateEntry);
            } else {
                languages.push(code);
            }
        }
    }
    let domains: BTreeSet<NeedDomain> = f.domains.iter().copied().collect();
    if domains.len() != f.domains.len() {
        v.add("domains", Msg::DuplicateEntry);
    }
    if f.sector_ids.len() > MAX_SECTORS {
        v.add("sector_ids", Msg::TooMany(MAX_SECTORS));
    } else if f.sector_ids.iter().collect::<BTreeSet<_>>().len() != f.sector_ids.len() {
        v.add("sector_ids", Msg::DuplicateEntry);
    }
    if f.conflicts.len() > MAX_CONFLICTS {
        v.add("conflicts", Msg::TooMany(MAX_CONFLICTS));
    }
    v.finish()?;
    let mut conflicts = f.conflicts;
    conflicts.sort();
    conflicts.dedup();
    Ok(MentorFields {
        organisation: organisation.flatten(),
        availability: availability.flatten(),
        domains: domains.into_iter().collect(),
        languages,
        conflicts,
        ..f
    })
}

/// Whether a mentor carrying `load` relations (proposed or active) has room for one more.
pub fn has_room(load: u32, capacity: i32) -> bool {
    i64::from(load) < i64::from(capacity)
}

// ---------------------------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------------------------

/// A commune with its position (from the duo feature's map of communes).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

impl Place {
    pub fn km(&self, other: &Place) -> f64 {
        let (la1, la2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = la2 - la1;
        let dlon = (other.lon - self.lon).to_radians();
        let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
        6371.0 * 2.0 * h.sqrt().asin()
    }
}

/// An entrepreneur as suggestions see them.
#[derive(Debug, Clone, Default)]
pub struct Seeker {
    pub id: Uuid,
    /// ISO 639 codes; when none is recorded, the language constraint cannot be checked and
    /// is left aside.
    pub languages: Vec<String>,
    /// Open needs of the latest diagnostic: domain and priority.
    pub needs: Vec<(NeedDomain, NeedPriority)>,
    pub sector: Option<Uuid>,
    pub place: Option<Place>,
    /// Mentors already in a proposed or active relation with them.
    pub mentors: Vec<Uuid>,
}

/// A mentor as suggestions see them.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: Uuid,
    pub active: bool,
    pub languages: Vec<String>,
    pub domains: Vec<NeedDomain>,
    pub sectors: Vec<Uuid>,
    pub capacity: i32,
    pub load: u32,
    pub conflicts: Vec<Uuid>,
    pub place: Option<Place>,
    /// Days since the mentor last got an entrepreneur (or joined the directory).
    pub waiting_days: u32,
}

/// Why a mentor is not suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    Inactive,
    Full,
    NoSharedLanguage,
    ConflictOfInterest,
    AlreadyAccompanying,
}

/// The hard constraints.
pub fn check(s: &Seeker, m: &Candidate) -> Result<(), Exclusion> {
    if !m.active {
        return Err(Exclusion::Inactive);
    }
    if !has_room(m.load, m.capacity) {
        return Err(Exclusion::Full);
    }
    if m.conflicts.contains(&s.id) {
        return Err(Exclusion::ConflictOfInterest);
    }
    if s.mentors.contains(&m.id) {
        return Err(Exclusion::AlreadyAccompanying);
    }
    if !s.languages.is_empty() && shared_languages(s, m).is_empty() {
        return Err(Exclusion::NoSharedLanguage);
    }
    Ok(())
}

fn shared_languages(s: &Seeker, m: &Candidate) -> Vec<String> {
    s.languages
        .iter()
        .filter(|l| m.languages.contains(l))
        .cloned()
        .collect()
}

/// Weights of the soft criteria.
const W_DOMAINS: f64 = 4.0;
const W_SECTOR: f64 = 2.0;
const W_DISTANCE: f64 = 1.5;
const W_WAITING: f64 = 1.0;
const W_ROOM: f64 = 0.5;
/// Beyond this distance, nearness adds nothing.
const FAR_KM: f64 = 30.0;
/// Waiting counts up to this many days.
const WAIT_CAP_DAYS: f64 = 90.0;

fn priority_weight(p: NeedPriority) -> f64 {
    match p {
        NeedPriority::High => 3.0,
        NeedPriority::Medium => 2.0,
        NeedPriority::Low => 1.0,
    }
}

/// Each soft criterion in [0, 1], and the total in [0, 100].
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub domains: f64,
    /// The covered domains, by priority then name.
    pub covered: Vec<NeedDomain>,
    pub sector: f64,
    /// `None` when a commune is unknown.
    pub km: Option<f64>,
    pub distance: f64,
    pub waiting: f64,
    pub room: f64,
    pub total: u32,
}

pub fn score(s: &Seeker, m: &Candidate) -> Breakdown {
    let all: f64 = s.needs.iter().map(|(_, p)| priority_weight(*p)).sum();
    let mut covered: Vec<(NeedPriority, NeedDomain)> = s
        .needs
        .iter()
        .filter(|(d, _)| m.domains.contains(d))
        .map(|(d, p)| (*p, *d))
        .collect();
    covered.sort();
    covered.dedup();
    let hit: f64 = s
        .needs
        .iter()
        .filter(|(d, _)| m.domains.contains(d))
        .map(|(_, p)| priority_weight(*p))
        .sum();
    let domains = if all > 0.0 { hit / all } else { 0.0 };
    let sector = match s.sector {
        Some(id) if m.sectors.contains(&id) => 1.0,
        _ => 0.0,
    };
    let km = match (&s.place, &m.place) {
        (Some(a), Some(b)) => Some(a.km(b)),
        _ => None,
    };
    let distance = km.map_or(0.0, |k| (1.0 - k / FAR_KM).clamp(0.0, 1.0));
    let waiting = (f64::from(m.waiting_days) / WAIT_CAP_DAYS).min(1.0);
    let room = if m.capacity > 0 {
        (1.0 - f64::from(m.load) / f64::from(m.capacity)).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let sum = W_DOMAINS * domains
        + W_SECTOR * sector
        + W_DISTANCE * distance
        + W_WAITING * waiting
        + W_ROOM * room;
    let max = W_DOMAINS + W_SECTOR + W_DISTANCE + W_WAITING + W_ROOM;
    Breakdown {
        domains,
        covered: covered.into_iter().map(|(_, d)| d).collect(),
        sector,
        km,
        distance,
        waiting,
        room,
        total: (100.0 * sum / max).round().clamp(0.0, 100.0) as u32,
    }
}

/// The mentors that pass the hard constraints, best first (ties: the least loaded, then the
/// longest waiting), at most `limit`; and how many were excluded.
pub fn suggest(s: &Seeker, mentors: &[Candidate], limit: usize) -> (Vec<(usize, Breakdown)>, u32) {
    let mut excluded = 0u32;
    let mut ranked: Vec<(usize, Breakdown)> = Vec::new();
    for (i, m) in mentors.iter().enumerate() {
        if check(s, m).is_err() {
            excluded += 1;
            continue;
        }
        ranked.push((i, score(s, m)));
    }
    ranked.sort_by(|(ia, a), (ib, b)| {
        b.total
            .cmp(&a.total)
            .then(mentors[*ia].load.cmp(&mentors[*ib].load))
            .then(mentors[*ib].waiting_days.cmp(&mentors[*ia].waiting_days))
            .then(mentors[*ia].id.cmp(&mentors[*ib].id))
    });
    ranked.truncate(limit);
    (ranked, excluded)
}

/// A need domain in the reader's language.
pub fn domain_label(d: NeedDomain, lang: Lang) -> &'static str {
    use Lang::*;
    use NeedDomain::*;
    match (d, lang) {
        (Language, Fr) => "langue",
        (Language, En) => "language",
        (Language, Nl) => "taal",
        (Language, Ar) => "اللغة",
        (Administration, Fr) => "démarches administratives",
        (Administration, En) => "administration",
        (Administration, Nl) => "administratie",
        (Administration, Ar) => "الإجراءات الإدارية",
        (Management, Fr) => "gestion",
        (Management, En) => "management",
        (Management, Nl) => "beheer",
        (Management, Ar) => "التسيير",
        (Financing, Fr) => "financement",
        (Financing, En) => "financing",
        (Financing, Nl) => "financiering",
        (Financing, Ar) => "التمويل",
        (Market, Fr) => "marché et clientèle",
        (Market, En) => "market and customers",
        (Market, Nl) => "markt en klanten",
        (Market, Ar) => "السوق والزبائن",
        (Premises, Fr) => "local",
        (Premises, En) => "premises",
        (Premises, Nl) => "bedrijfsruimte",
        (Premises, Ar) => "المحل",
        (Legal, Fr) => "juridique",
        (Legal, En) => "legal matters",
        (Legal, Nl) => "juridische zaken",
        (Legal, Ar) => "الشؤون القانونية",
        (Network, Fr) => "réseau",
        (Network, En) => "network",
        (Network, Nl) => "netwerk",
        (Network, Ar) => "شبكة العلاقات",
        (Digital, Fr) => "numérique",
        (Digital, En) => "digital",
        (Digital, Nl) => "digitaal",
        (Digital, Ar) => "الرقمنة",
        (Accounting, Fr) => "comptabilité",
        (Accounting, En) => "accounting",
        (Accounting, Nl) => "boekhouding",
        (Accounting, Ar) => "المحاسبة",
    }
}

fn join(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Fr => " et ",
        Lang::En => " and ",
        Lang::Nl => " en ",
        Lang::Ar => " و",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}

/// Why a mentor is suggested, strongest reason first, as codes and sentences in `lang`.
/// `sector` is the project's sector label in `lang`, when the mentor knows it.
pub fn explain(
    s: &Seeker,
    m: &Candidate,
    b: &Breakdown,
    sector: Option<&str>,
    lang: Lang,
) -> Vec<(SuggestionReasonCode, String)> {
    use SuggestionReasonCode as C;
    let mut out = Vec::new();
    if !b.covered.is_empty() {
        let names: Vec<String> = b
            .covered
            .iter()
            .map(|d| domain_label(*d, lang).to_owned())
            .collect();
        let list = join(&names, lang);
        out.push((
            C::NeedDomains,
            match lang {
                Lang::Fr => format!("peut aider pour : {list}"),
                Lang::En => format!("can help with {list}"),
                Lang::Nl => format!("kan helpen met {list}"),
                Lang::Ar => format!("يمكنه المساعدة في: {list}"),
            },
        ));
    }
    if let (true, Some(label)) = (b.sector > 0.0, sector) {
        out.push((
            C::Sector,
            match lang {
                Lang::Fr => format!("connaît le secteur {label}"),
                Lang::En => format!("knows the {label} sector"),
                Lang::Nl => format!("kent de sector {label}"),
                Lang::Ar => format!("يعرف قطاع {label}"),
            },
        ));
    }
    let common: Vec<String> = shared_languages(s, m)
        .iter()
        .map(|c| language_name(c, lang))
        .collect();
    if !common.is_empty() {
        let list = join(&common, lang);
        out.push((
            C::SharedLanguage,
            match lang {
                Lang::Fr => format!("parlent tous deux {list}"),
                Lang::En => format!("both speak {list}"),
                Lang::Nl => format!("spreken allebei {list}"),
                Lang::Ar => format!("يتحدثان كلاهما {list}"),
            },
        ));
    }
    if let (Some(km), Some(place)) = (b.km, &s.place) {
        if km < 1.0 {
            let name = &place.name;
            out.push((
                C::SameCommune,
                match lang {
                    Lang::Fr => format!("habitent tous deux à {name}"),
                    Lang::En => format!("both live in {name}"),
                    Lang::Nl => format!("wonen allebei in {name}"),
                    Lang::Ar => format!("يقيمان كلاهما في {name}"),
                },
            ));
        } else if km < FAR_KM {
            let km = km.round() as i64;
            out.push((
                C::Distance,
                match lang {
                    Lang::Fr => format!("à {km} km l'un de l'autre"),
                    Lang::En => format!("{km} km apart"),
                    Lang::Nl => format!("{km} km van elkaar"),
                    Lang::Ar => format!("تفصل بينهما {km} كم"),
                },
            ));
        }
    }
    if m.waiting_days >= 30 {
        let days = m.waiting_days;
        out.push((
            C::Waiting,
            match lang {
                Lang::Fr => format!("attend un·e entrepreneur·e depuis {days} jours"),
                Lang::En => format!("has been waiting for an entrepreneur for {days} days"),
                Lang::Nl => format!("wacht al {days} dagen op een ondernemer"),
                Lang::Ar => format!("ينتظر رائد أعمال منذ {days} يومًا"),
            },
        ));
    }
    let left = i64::from(m.capacity) - i64::from(m.load);
    out.push((
        C::CapacityLeft,
        match lang {
            Lang::Fr => format!("encore {left} place(s) sur {}", m.capacity),
            Lang::En => format!("{left} of {} places left", m.capacity),
            Lang::Nl => format!("nog {left} van {} plaatsen vrij", m.capacity),
            Lang::Ar => format!("تبقى {left} من أصل {} أماكن", m.capacity),
        },
    ));
    out
}

// ---------------------------------------------------------------------------------------------
// The relation's life
// ---------------------------------------------------------------------------------------------

/// A relation's state as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub status: MentorshipStatus,
    pub entrepreneur_agreed_at: Option<NaiveDateTime>,
    pub mentor_agreed_at: Option<NaiveDateTime>,
    pub started_at: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    pub end_reason: Option<MentorshipEndReason>,
    pub end_note: Option<String>,
    pub note: Option<String>,
}

/// Applies a change: agreements are recorded while proposed; `active` needs both agreements;
/// `ended` needs a reason; an ended relation changes no more (its note excepted).
pub fn apply_patch(
    current: &Relation,
    patch: &MentorshipPatch,
    now: NaiveDateTime,
) -> Result<Relation, ApiError> {
    use MentorshipStatus::*;
    let mut v = Validator::new();
    let note = v.check("note", optional_text(patch.note.as_deref(), NOTE_MAX));
    let end_note = v.check(
        "end_note",
        optional_text(patch.end_note.as_deref(), NOTE_MAX),
    );
    v.finish()?;
    let mut next = current.clone();
    if patch.note.is_some() {
        next.note = note.flatten();
    }
    let changes_life = patch.status.is_some()
        || patch.entrepreneur_agreed.is_some()
        || patch.mentor_agreed.is_some()
        || patch.end_reason.is_some()
        || patch.end_note.is_some();
    if current.status == Ended {
        if changes_life {
            return Err(ApiError::Conflict {
                msg: Msg::MentorshipEnded,
                field: Some("status"),
            });
        }
        return Ok(next);
    }
    let mut v = Validator::new();
    let agree = |was: Option<NaiveDateTime>, wish: Option<bool>, field: &str, v: &mut Validator| {
        match (wish, current.status) {
            (None, _) => was,
            (Some(true), _) => was.or(Some(now)),
            (Some(false), Proposed) => None,
            // An active relation rests on both agreements: ending it is the way out.
            (Some(false), _) => {
                v.add(field, Msg::InvalidValue);
                was
            }
        }
    };
    next.entrepreneur_agreed_at = agree(
        current.entrepreneur_agreed_at,
        patch.entrepreneur_agreed,
        "entrepreneur_agreed",
        &mut v,
    );
    next.mentor_agreed_at = agree(
        current.mentor_agreed_at,
        patch.mentor_agreed,
        "mentor_agreed",
        &mut v,
    );
    let target = patch.status.unwrap_or(current.status);
    match (current.status, target) {
        (Proposed, Proposed) | (Active, Active) => {}
        (Proposed, Active) => {
            if next.entrepreneur_agreed_at.is_none() || next.mentor_agreed_at.is_none() {
                v.add("status", Msg::AgreementsMissing);
            }
            next.started_at = Some(now);
        }
        (Active, Proposed) => v.add("status", Msg::InvalidValue),
        (_, Ended) => match patch.end_reason {
            Some(reason) => {
                next.end_reason = Some(reason);
                next.end_note = end_note.flatten();
                next.ended_at = Some(now);
            }
            None => v.add("end_reason", Msg::Required),
        },
        (Ended, _) => v.add("status", Msg::InvalidValue),
    }
    if target != Ended && (patch.end_reason.is_some() || patch.end_note.is_some()) {
        v.add("end_reason", Msg::InvalidValue);
    }
    v.finish()?;
    next.status = target;
    Ok(next)
}

#[cfg(test)]
#[path = "mentoring_tests.rs"]
mod tests;
