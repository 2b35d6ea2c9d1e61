//! The indicators' arithmetic, on plain facts the store reads: who was reached, sessions,
//! duos, InterLab. Every count of people goes through [`super::tables`], which suppresses.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{Datelike, NaiveDateTime};
use shared::activities::RegistrationStatus as Rs;
use shared::people::Category;
use shared::reports::{ReportGroup, ReportSection, ReportTable, ReportUnit};

use super::period::Period;
use super::tables::{mean, measure, people, people_list, percent, things, Breakdown, UNKNOWN};

/// A person's aggregate facts (never a name).
#[derive(Debug, Clone)]
pub struct PersonFacts {
    pub category: Category,
    pub created_at: NaiveDateTime,
    pub birth_year: Option<i32>,
    pub gender: Option<String>,
    pub commune: Option<String>,
    pub origin_region: Option<String>,
    pub languages: Vec<String>,
}

/// An activity scheduled in the period and not cancelled.
#[derive(Debug, Clone)]
pub struct SessionFacts {
    pub id: String,
    pub series_id: Option<String>,
    pub programme: shared::activities::ActivityProgramme,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub capacity: Option<i32>,
    pub min_newcomer_percent: Option<i32>,
    pub min_local_percent: Option<i32>,
    /// The categories of its hosts.
    pub hosts: Vec<Category>,
}

/// A registration to one of those sessions.
#[derive(Debug, Clone)]
pub struct RegistrationFacts {
    pub activity_id: String,
    pub person_id: String,
    pub category: Category,
    pub status: Rs,
    pub promoted: bool,
}

#[derive(Debug, Clone)]
pub struct DuoFacts {
    pub newcomer_id: String,
    pub local_id: String,
    pub status: shared::duo::DuoStatus,
    pub proposed_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    pub outcome: Option<shared::duo::DuoOutcome>,
}

#[derive(Debug, Clone)]
pub struct CandidacyFacts {
    pub newcomer: bool,
    pub waiting_since: NaiveDateTime,
}

/// The French confidence (1–5) a newcomer gave before and after, the after dated in the period.
#[derive(Debug, Clone, Copy)]
pub struct ConfidenceChange {
    pub before: i32,
    pub after: i32,
}

#[derive(Debug, Clone)]
pub struct EntrepreneurFacts {
    pub person_id: String,
    pub stage: shared::interlab::ProjectStage,
    pub created_at: NaiveDateTime,
    /// An accompaniment meeting or the start of the path falls in the period.
    pub accompanied: bool,
}

/// Everything a report is computed from, read for one period.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub people: HashMap<String, PersonFacts>,
    pub sessions: Vec<SessionFacts>,
    pub registrations: Vec<RegistrationFacts>,
    /// Duos touching the period (proposed, confirmed, active or ended in it).
    pub duos: Vec<DuoFacts>,
    /// Candidacies waiting now, since before the end of the period.
    pub waiting: Vec<CandidacyFacts>,
    pub confidence: Vec<ConfidenceChange>,
    /// Entrepreneurs whose path started before the end of the period.
    pub entrepreneurs: Vec<EntrepreneurFacts>,
    pub milestones_done: u64,
    /// Outcomes recorded in the period, by kind.
    pub outcomes: Vec<shared::interlab::OutcomeKind>,
}

/// Age bands, by age in the period's last year.
pub const AGE_BANDS: [&str; 7] = [
    "under_18", "18_25", "26_35", "36_50", "51_65", "over_65", UNKNOWN,
];

pub fn age_band(birth_year: Option<i32>, year: i32) -> &'static str {
    match birth_year.map(|b| year - b) {
        None => UNKNOWN,
        Some(a) if a < 18 => "under_18",
        Some(a) if a <= 25 => "18_25",
        Some(a) if a <= 35 => "26_35",
        Some(a) if a <= 50 => "36_50",
        Some(a) if a <= 65 => "51_65",
        Some(_) => "over_65",
    }
}

/// A free-text value as a key: trimmed and lower-cased, `unknown` when empty.
pub fn text_key(v: Option<&str>) -> String {
    match v.map(str::trim) {
        Some(t) if !t.is_empty() => t.to_lowercase(),
        _ => UNKNOWN.into(),
    }
}

fn category_key(c: Category) -> &'static str {
    c.as_str()
}

fn count(keys: impl IntoIterator<Item = String>) -> BTreeMap<String, u64> {
    let mut m: BTreeMap<String, u64> = BTreeMap::new();
    for k in keys {
        *m.entry(k).or_default() += 1;
    }
    m
}

fn in_period(t: NaiveDateTime, (start, end): (NaiveDateTime, NaiveDateTime)) -> bool {
    start <= t && t < end
}

/// Whether a duo was running at some moment of the period.
fn active_in(d: &DuoFacts, (start, end): (NaiveDateTime, NaiveDateTime)) -> bool {
    d.confirmed_at.is_some_and(|c| c < end) && d.ended_at.is_none_or(|e| e >= start)
}

/// The whole report: everyone reached, then each programme. `now` bounds waiting times.
pub fn report(p: Period, facts: &Facts, now: NaiveDateTime) -> Vec<ReportSection> {
    let utc = p.utc();
    vec![
        ReportSection {
            group: ReportGroup::Everyone,
            tables: everyone(p, facts, utc),
        },
        ReportSection {
            group: ReportGroup::Interact,
            tables: activities(facts, shared::activities::ActivityProgramme::Interact),
        },
        ReportSection {
            group: ReportGroup::Duo2change,
            tables: duos(facts, utc, now),
        },
        ReportSection {
            group: ReportGroup::Training,
            tables: activities(facts, shared::activities::ActivityProgramme::Training),
        },
        ReportSection {
            group: ReportGroup::Interlab,
            tables: interlab(facts),
        },
    ]
}

/// The people reached: attended a session, were in a running duo, or were accompanied by
/// InterLab in the period.
pub fn reached(facts: &Facts, utc: (NaiveDateTime, NaiveDateTime)) -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = facts
        .registrations
        .iter()
        .filter(|r| r.status == Rs::Attended)
        .map(|r| r.person_id.clone())
        .collect();
    for d in facts.duos.iter().filter(|d| active_in(d, utc)) {
        ids.insert(d.newcomer_id.clone());
        ids.insert(d.local_id.clone());
    }
    ids.extend(
        facts
            .entrepreneurs
            .iter()
            .filter(|e| e.accompanied)
            .map(|e| e.person_id.clone()),
    );
    ids
}

fn everyone(p: Period, facts: &Facts, utc: (NaiveDateTime, NaiveDateTime)) -> Vec<ReportTable> {
    let ids = reached(facts, utc);
    let persons: Vec<&PersonFacts> = ids.iter().filter_map(|id| facts.people.get(id)).collect();
    let year = p.to.year();
    let newness = count(persons.iter().map(|f| {
        if in_period(f.created_at, utc) {
            "new".to_owned()
        } else {
            "returning".to_owned()
        }
    }));
    let mut tables = people(
        "reached",
        persons.len() as u64,
        vec![
            Breakdown::fixed(
                "reached_by_category",
                ["newcomer", "local"],
                &count(persons.iter().map(|f| category_key(f.category).to_owned())),
            ),
            Breakdown::fixed("reached_new_or_returning", ["new", "returning"], &newness),
            Breakdown::fixed(
                "reached_by_age",
                AGE_BANDS,
                &count(
                    persons
                        .iter()
                        .map(|f| age_band(f.birth_year, year).to_owned()),
                ),
            ),
            Breakdown::free(
                "reached_by_gender",
                &count(persons.iter().map(|f| text_key(f.gender.as_deref()))),
            ),
            Breakdown::free(
                "reached_by_commune",
                &count(persons.iter().map(|f| text_key(f.commune.as_deref()))),
            ),
            Breakdown::free(
                "reached_by_origin",
                &count(persons.iter().map(|f| text_key(f.origin_region.as_deref()))),
            ),
        ],
    );
    tables.push(people_list(
        "reached_by_language",
        &count(persons.iter().flat_map(|f| {
            f.languages
                .iter()
                .map(|l| text_key(Some(l)))
                .collect::<BTreeSet<_>>()
        })),
    ));
    tables
}

/// InterAct's or the trainings' figures (the same arithmetic on the programme's sessions).
pub fn activities(
    facts: &Facts,
    programme: shared::activities::ActivityProgramme,
) -> Vec<ReportTable> {
    let sessions: HashMap<&str, &SessionFacts> = facts
        .sessions
        .iter()
        .filter(|s| s.programme == programme)
        .map(|s| (s.id.as_str(), s))
        .collect();
    let regs: Vec<&RegistrationFacts> = facts
        .registrations
        .iter()
        .filter(|r| sessions.contains_key(r.activity_id.as_str()))
        .collect();
    let series: HashSet<&str> = sessions
        .values()
        .map(|s| s.series_id.as_deref().unwrap_or(s.id.as_str()))
        .collect();
    let led_by = count(sessions.values().map(|s| {
        let n = s.hosts.contains(&Category::Newcomer);
        let l = s.hosts.contains(&Category::Local);
        match (n, l) {
            (true, true) => "both",
            (true, false) => "newcomer",
            (false, true) => "local",
            (false, false) => "none",
        }
        .to_owned()
    }));
    let mut tables = vec![
        things("workshops_held", series.len() as u64, Vec::new()),
        things(
            "sessions_by_host",
            sessions.len() as u64,
            ["newcomer", "local", "both", "none"]
                .iter()
                .map(|k| ((*k).to_owned(), led_by.get(*k).copied().unwrap_or(0)))
                .collect(),
        ),
    ];
    // Participants: distinct people who attended, by the category of their registration.
    let mut participants: HashMap<&str, Category> = HashMap::new();
    let mut hours = 0.0;
    let (mut attended, mut absent, mut taken, mut promoted) = (0u64, 0u64, 0u64, 0u64);
    let mut per_session: HashMap<&str, (u64, u64)> = HashMap::new();
    for r in &regs {
        let s = sessions[r.activity_id.as_str()];
        if r.promoted {
            promoted += 1;
        }
        match r.status {
            Rs::Attended => {
                attended += 1;
                participants.insert(&r.person_id, r.category);
                hours += (s.ends_at - s.starts_at).num_minutes().max(0) as f64 / 60.0;
                let e = per_session.entry(s.id.as_str()).or_default();
                match r.category {
                    Category::Newcomer => e.0 += 1,
                    Category::Local => e.1 += 1,
                }
            }
            Rs::Absent => absent += 1,
            _ => {}
        }
        if matches!(r.status, Rs::Registered | Rs::Attended | Rs::Absent) && s.capacity.is_some() {
            taken += 1;
        }
    }
    tables.extend(people(
        "participants",
        participants.len() as u64,
        vec![Breakdown::fixed(
            "participants_by_category",
            ["newcomer", "local"],
            &count(participants.values().map(|c| category_key(*c).to_owned())),
        )],
    ));
    let n = participants.len() as u64;
    tables.push(measure(
        "participant_hours",
        ReportUnit::Hours,
        Some(hours),
        n,
    ));
    tables.push(measure(
        "attendance_rate",
        ReportUnit::Percent,
        percent(attended, attended + absent),
        attended + absent,
    ));
    tables.push(measure(
        "no_show_rate",
        ReportUnit::Percent,
        percent(absent, attended + absent),
        attended + absent,
    ));
    let capacity: u64 = sessions
        .values()
        .filter_map(|s| s.capacity)
        .map(|c| c.max(0) as u64)
        .sum();
    tables.push(measure(
        "fill_rate",
        ReportUnit::Percent,
        percent(taken, capacity),
        taken,
    ));
    // The mix against the session's targets, on who attended.
    let (mut met, mut missed) = (0u64, 0u64);
    for s in sessions.values() {
        if s.min_newcomer_percent.is_none() && s.min_local_percent.is_none() {
            continue;
        }
        let (nc, lc) = per_session.get(s.id.as_str()).copied().unwrap_or((0, 0));
        let ok = |part: u64, min: Option<i32>| {
            min.is_none_or(|m| percent(part, nc + lc).is_some_and(|p| p >= f64::from(m)))
        };
        if ok(nc, s.min_newcomer_percent) && ok(lc, s.min_local_percent) {
            met += 1;
        } else {
            missed += 1;
        }
    }
    tables.push(things(
        "mix_targets",
        met + missed,
        vec![("met".into(), met), ("missed".into(), missed)],
    ));
    tables.extend(people("waiting_list_promotions", promoted, Vec::new()));
    tables
}

fn duos(
    facts: &Facts,
    utc: (NaiveDateTime, NaiveDateTime),
    now: NaiveDateTime,
) -> Vec<ReportTable> {
    use shared::duo::{DuoOutcome, DuoStatus};
    let mut tables = people(
        "candidates_waiting",
        facts.waiting.len() as u64,
        vec![Breakdown::fixed(
            "candidates_waiting_by_side",
            ["newcomer", "local"],
            &count(
                facts
                    .waiting
                    .iter()
                    .map(|c| if c.newcomer { "newcomer" } else { "local" }.to_owned()),
            ),
        )],
    );
    let upto = now.min(utc.1);
    let waited: Vec<f64> = facts
        .waiting
        .iter()
        .map(|c| (upto - c.waiting_since).num_hours().max(0) as f64 / 24.0)
        .collect();
    tables.push(measure(
        "waiting_days_mean",
        ReportUnit::Days,
        mean(&waited),
        waited.len() as u64,
    ));
    let proposed = facts.duos.iter().filter(|d| in_period(d.proposed_at, utc));
    let confirmed = facts
        .duos
        .iter()
        .filter(|d| d.confirmed_at.is_some_and(|c| in_period(c, utc)));
    let active = facts.duos.iter().filter(|d| active_in(d, utc));
    let ended: Vec<&DuoFacts> = facts
        .duos
        .iter()
        .filter(|d| {
            d.status == DuoStatus::Ended
                && d.confirmed_at.is_some()
                && d.ended_at.is_some_and(|e| in_period(e, utc))
        })
        .collect();
    tables.extend(people("duos_proposed", proposed.count() as u64, Vec::new()));
    tables.extend(people(
        "duos_confirmed",
        confirmed.count() as u64,
        Vec::new(),
    ));
    tables.extend(people("duos_active", active.count() as u64, Vec::new()));
    tables.extend(people(
        "duos_ended",
        ended.len() as u64,
        vec![Breakdown::fixed(
            "duos_ended_by_outcome",
            ["good", "neutral", "bad", UNKNOWN],
            &count(
                ended
                    .iter()
                    .map(|d| d.outcome.map_or(UNKNOWN, DuoOutcome::as_str).to_owned()),
            ),
        )],
    ));
    let durations: Vec<f64> = ended
        .iter()
        .filter_map(|d| Some((d.ended_at? - d.confirmed_at?).num_hours() as f64 / 24.0))
        .collect();
    tables.push(measure(
        "duration_days_mean",
        ReportUnit::Days,
        mean(&durations),
        ended.len() as u64,
    ));
    let good = ended
        .iter()
        .filter(|d| d.outcome == Some(DuoOutcome::Good))
        .count() as u64;
    tables.push(measure(
        "completion_rate",
        ReportUnit::Percent,
        percent(good, ended.len() as u64),
        ended.len() as u64,
    ));
    let changes: Vec<f64> = facts
        .confidence
        .iter()
        .map(|c| f64::from(c.after - c.before))
        .collect();
    tables.push(measure(
        "french_confidence_change",
        ReportUnit::Score,
        mean(&changes),
        changes.len() as u64,
    ));
    tables
}

fn interlab(facts: &Facts) -> Vec<ReportTable> {
    use shared::interlab::OutcomeKind;
    use shared::interlab::ProjectStage;
    let mut tables = people(
        "entrepreneurs",
        facts.entrepreneurs.len() as u64,
        vec![Breakdown::fixed(
            "entrepreneurs_by_stage",
            ProjectStage::ALL.iter().map(|s| s.as_str()),
            &count(
                facts
                    .entrepreneurs
                    .iter()
                    .map(|e| e.stage.as_str().to_owned()),
            ),
        )],
    );
    tables.push(things("milestones_done", facts.milestones_done, Vec::new()));
    tables.extend(people(
        "outcomes",
        facts.outcomes.len() as u64,
        vec![Breakdown::fixed(
            "outcomes_by_kind",
            OutcomeKind::ALL.iter().map(|k| k.as_str()),
            &count(facts.outcomes.iter().map(|k| k.as_str().to_owned())),
        )],
    ));
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_bands() {
        assert_eq!(age_band(None, 2026), UNKNOWN);
        assert_eq!(age_band(Some(2010), 2026), "under_18");
        assert_eq!(age_band(Some(2008), 2026), "18_25");
        assert_eq!(age_band(Some(2001), 2026), "18_25");
        assert_eq!(age_band(Some(2000), 2026), "26_35");
        assert_eq!(age_band(Some(1976), 2026), "36_50");
        assert_eq!(age_band(Some(1961), 2026), "51_65");
        assert_eq!(age_band(Some(1960), 2026), "over_65");
    }

    #[test]
    fn free_text_keys() {
        assert_eq!(text_key(Some("  Liège ")), "liège");
        assert_eq!(text_key(Some(" ")), UNKNOWN);
        assert_eq!(text_key(None), UNKNOWN);
    }
}
