//! The indicators' arithmetic, on facts the store reads: counts the database made (who was
//! reached, per breakdown; each programme's sessions and registrations) and the few rows of the
//! small tables (duos, candidacies, entrepreneurs). Every count of people goes through
//! [`super::tables`], which suppresses.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDateTime};
use shared::reports::{ReportGroup, ReportSection, ReportTable, ReportUnit};

use super::period::Period;
use super::tables::{mean, measure, people, people_list, percent, things, Breakdown, UNKNOWN};

/// The people reached in the period (attended a session, were in a running duo, or were
/// accompanied by InterLab), counted by the database: for each breakdown, the values as stored
/// and how many people have each. Every person is in exactly one row of each breakdown but
/// the languages (one row per language they speak).
#[derive(Debug, Clone, Default)]
pub struct ReachedFacts {
    /// By category (`newcomer`, `local`: the coordinator's override, else the profile).
    pub category: Vec<(Option<String>, u64)>,
    /// Added to the platform in the period (`true`) or before or after it.
    pub new: Vec<(bool, u64)>,
    pub birth_year: Vec<(Option<i32>, u64)>,
    pub gender: Vec<(Option<String>, u64)>,
    pub commune: Vec<(Option<String>, u64)>,
    pub origin_region: Vec<(Option<String>, u64)>,
    pub language: Vec<(Option<String>, u64)>,
}

/// One programme's sessions held in the period (published) and their registrations, counted by
/// the database.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgrammeFacts {
    pub sessions: u64,
    /// Distinct series (a session outside any series is a workshop of its own).
    pub workshops: u64,
    /// Sessions by the categories of their hosts (the rest had no host).
    pub led_by_newcomer: u64,
    pub led_by_local: u64,
    pub led_by_both: u64,
    /// Distinct people who attended, each once, by category (`newcomer` when they attended
    /// under both categories in the period).
    pub participants: Vec<(String, u64)>,
    /// Registrations attended and absent.
    pub attended: u64,
    pub absent: u64,
    /// Registrations holding a place (registered, attended, absent) in sessions with a capacity.
    pub taken: u64,
    /// The sessions' capacities, added up.
    pub capacity: u64,
    /// Registrations promoted from the waiting list.
    pub promoted: u64,
    /// Every attended registration's session duration, added up.
    pub attended_hours: f64,
    /// Sessions with a mix target: met by who attended, and the others.
    pub mix_met: u64,
    pub mix_missed: u64,
}

#[derive(Debug, Clone)]
pub struct DuoFacts {
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

/// The trainings' own facts: courses, trainees, completion, certificates and evaluations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrainingFacts {
    /// Courses with a session held in the period.
    pub courses: u64,
    /// The trainees of those courses (registrations not withdrawn), each person once, by
    /// audience: [`PARTICIPANT`] or the kind of the partner organisation they came for.
    pub trainees: Vec<(String, u64)>,
    /// Registrations (not withdrawn) to courses that ended in the period, and those of them
    /// that met the module's attendance rule.
    pub finished: u64,
    pub completed: u64,
    /// Certificates issued in the period and not revoked.
    pub certificates: u64,
    /// The satisfaction (1–5) of the evaluations answered in the period.
    pub satisfaction: Vec<i32>,
}

/// InterAct's pipeline: proposals received in the period, how many of them became workshops,
/// and the hosts of those workshops (each once) by category and by their highest level.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProposalFacts {
    pub received: u64,
    pub turned_into_workshops: u64,
    pub hosts_by_category: Vec<(String, u64)>,
    pub hosts_by_level: Vec<(String, u64)>,
}

/// The audience of a trainee who came on their own, not as a partner's staff.
pub const PARTICIPANT: &str = "participant";

/// People of neither category (partner staff who only take part in trainings): a cell of their
/// own, so that every category breakdown adds up to its total and none can be recovered from it.
pub const NO_CATEGORY: &str = "no_category";
/// The cells of a breakdown by category.
pub const CATEGORY_KEYS: [&str; 3] = ["newcomer", "local", NO_CATEGORY];

/// A trainee's audience from the organisations of their registrations (`None`: on their own):
/// partner staff when any registration is on an organisation's behalf (the first kind in
/// alphabetical order, so a person counts once and always the same way).
pub fn audience<'a>(organisation_kinds: impl IntoIterator<Item = Option<&'a str>>) -> String {
    organisation_kinds
        .into_iter()
        .flatten()
        .min()
        .map_or_else(|| PARTICIPANT.to_owned(), str::to_owned)
}

/// Everything a report is computed from, read for one period.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub reached: ReachedFacts,
    pub interact: ProgrammeFacts,
    pub proposals: ProposalFacts,
    pub training: ProgrammeFacts,
    pub trainings: TrainingFacts,
    /// Duos touching the period (proposed, confirmed, active or ended in it).
    pub duos: Vec<DuoFacts>,
    /// Candidacies waiting now, since before the end of the period.
    pub waiting: Vec<CandidacyFacts>,
    pub confidence: Vec<ConfidenceChange>,
    /// The stages of the entrepreneurs whose path started before the end of the period.
    pub entrepreneurs: Vec<shared::interlab::ProjectStage>,
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

fn count(keys: impl IntoIterator<Item = String>) -> BTreeMap<String, u64> {
    let mut m: BTreeMap<String, u64> = BTreeMap::new();
    for k in keys {
        *m.entry(k).or_default() += 1;
    }
    m
}

/// Adds up counts under their keys (stored values that differ only by case or spaces are one
/// key).
fn sum_by<K>(rows: &[(K, u64)], key: impl Fn(&K) -> String) -> BTreeMap<String, u64> {
    let mut m: BTreeMap<String, u64> = BTreeMap::new();
    for (k, n) in rows {
        *m.entry(key(k)).or_default() += n;
    }
    m
}

fn text_counts(rows: &[(Option<String>, u64)]) -> BTreeMap<String, u64> {
    sum_by(rows, |k| text_key(k.as_deref()))
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
            tables: everyone(p, &facts.reached),
        },
        ReportSection {
            group: ReportGroup::Interact,
            tables: interact(&facts.interact, &facts.proposals),
        },
        ReportSection {
            group: ReportGroup::Duo2change,
            tables: duos(facts, utc, now),
        },
        ReportSection {
            group: ReportGroup::Training,
            tables: trainings(&facts.training, &facts.trainings),
        },
        ReportSection {
            group: ReportGroup::Interlab,
            tables: interlab(facts),
        },
    ]
}

fn everyone(p: Period, r: &ReachedFacts) -> Vec<ReportTable> {
    let year = p.to.year();
    let by_category = sum_by(&r.category, |k| {
        k.clone().unwrap_or_else(|| NO_CATEGORY.to_owned())
    });
    let total: u64 = by_category.values().sum();
    let newness = sum_by(&r.new, |new| {
        if *new { "new" } else { "returning" }.to_owned()
    });
    let mut tables = people(
        "reached",
        total,
        vec![
            Breakdown::fixed("reached_by_category", CATEGORY_KEYS, &by_category),
            Breakdown::fixed("reached_new_or_returning", ["new", "returning"], &newness),
            Breakdown::fixed(
                "reached_by_age",
                AGE_BANDS,
                &sum_by(&r.birth_year, |b| age_band(*b, year).to_owned()),
            ),
            Breakdown::free("reached_by_gender", &text_counts(&r.gender)),
            Breakdown::free("reached_by_commune", &text_counts(&r.commune)),
            Breakdown::free("reached_by_origin", &text_counts(&r.origin_region)),
        ],
    );
    tables.push(people_list(
        "reached_by_language",
        &text_counts(&r.language),
    ));
    tables
}

/// InterAct: the sessions' figures, then where workshops come from (the proposals pipeline)
/// and who hosts them.
fn interact(sessions: &ProgrammeFacts, p: &ProposalFacts) -> Vec<ReportTable> {
    use shared::interact::AutonomyLevel;
    let mut tables = activities(sessions);
    tables.push(things("proposals_received", p.received, Vec::new()));
    tables.push(things(
        "proposals_turned_into_workshops",
        p.turned_into_workshops,
        Vec::new(),
    ));
    let by_category = sum_by(&p.hosts_by_category, Clone::clone);
    let by_level = sum_by(&p.hosts_by_level, Clone::clone);
    tables.extend(people(
        "interact_hosts",
        by_category.values().sum(),
        vec![
            Breakdown::fixed("interact_hosts_by_category", CATEGORY_KEYS, &by_category),
            Breakdown::fixed(
                "interact_hosts_by_autonomy",
                AutonomyLevel::ALL.iter().map(|l| l.as_str()),
                &by_level,
            ),
        ],
    ));
    tables
}

/// InterAct's or the trainings' figures (the same arithmetic on the programme's counts).
pub fn activities(f: &ProgrammeFacts) -> Vec<ReportTable> {
    let led_none = f
        .sessions
        .saturating_sub(f.led_by_newcomer + f.led_by_local + f.led_by_both);
    let mut tables = vec![
        things("workshops_held", f.workshops, Vec::new()),
        things(
            "sessions_by_host",
            f.sessions,
            vec![
                ("newcomer".into(), f.led_by_newcomer),
                ("local".into(), f.led_by_local),
                ("both".into(), f.led_by_both),
                ("none".into(), led_none),
            ],
        ),
    ];
    let participants = sum_by(&f.participants, Clone::clone);
    let n: u64 = participants.values().sum();
    tables.extend(people(
        "participants",
        n,
        vec![Breakdown::fixed(
            "participants_by_category",
            CATEGORY_KEYS,
            &participants,
        )],
    ));
    tables.push(measure(
        "participant_hours",
        ReportUnit::Hours,
        Some(f.attended_hours),
        n,
    ));
    let seen = f.attended + f.absent;
    tables.push(measure(
        "attendance_rate",
        ReportUnit::Percent,
        percent(f.attended, seen),
        seen,
    ));
    tables.push(measure(
        "no_show_rate",
        ReportUnit::Percent,
        percent(f.absent, seen),
        seen,
    ));
    tables.push(measure(
        "fill_rate",
        ReportUnit::Percent,
        percent(f.taken, f.capacity),
        f.taken,
    ));
    tables.push(things(
        "mix_targets",
        f.mix_met + f.mix_missed,
        vec![("met".into(), f.mix_met), ("missed".into(), f.mix_missed)],
    ));
    tables.extend(people("waiting_list_promotions", f.promoted, Vec::new()));
    tables
}
/// The trainings: courses and trainees first, the sessions' figures (the same arithmetic as
/// InterAct's), then completion, certificates and satisfaction.
fn trainings(sessions: &ProgrammeFacts, t: &TrainingFacts) -> Vec<ReportTable> {
    use shared::partners::OrganisationKind;
    let mut tables = vec![things("courses_held", t.courses, Vec::new())];
    // One breakdown (participants and each kind of partner staff), so that no hidden cell
    // can be recomputed from a second, coarser breakdown of the same trainees.
    let by_audience = sum_by(&t.trainees, Clone::clone);
    tables.extend(people(
        "trainees",
        by_audience.values().sum(),
        vec![Breakdown::fixed(
            "trainees_by_audience",
            std::iter::once(PARTICIPANT).chain(OrganisationKind::ALL.iter().map(|k| k.as_str())),
            &by_audience,
        )],
    ));
    tables.extend(activities(sessions));
    tables.push(measure(
        "course_completion_rate",
        ReportUnit::Percent,
        percent(t.completed, t.finished),
        t.finished,
    ));
    tables.extend(people("certificates_issued", t.certificates, Vec::new()));
    let scores: Vec<f64> = t.satisfaction.iter().map(|s| f64::from(*s)).collect();
    tables.push(measure(
        "evaluation_satisfaction_mean",
        ReportUnit::Score,
        mean(&scores),
        scores.len() as u64,
    ));
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
            &count(facts.entrepreneurs.iter().map(|s| s.as_str().to_owned())),
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
    fn a_programme_s_rates_and_hosts_come_from_its_counts() {
        let f = ProgrammeFacts {
            sessions: 10,
            workshops: 4,
            led_by_newcomer: 3,
            led_by_local: 2,
            led_by_both: 1,
            participants: vec![("newcomer".into(), 12), ("local".into(), 8)],
            attended: 30,
            absent: 10,
            taken: 45,
            capacity: 60,
            promoted: 6,
            attended_hours: 61.25,
            mix_met: 2,
            mix_missed: 1,
        };
        let tables = activities(&f);
        let total = |key: &str| {
            tables
                .iter()
                .find(|t| t.key == key)
                .and_then(|t| t.total.as_ref())
                .and_then(|c| c.value)
        };
        let hosts = tables.iter().find(|t| t.key == "sessions_by_host");
        let none = hosts.and_then(|t| t.rows.iter().find(|c| c.key == "none"));
        assert_eq!(none.and_then(|c| c.value), Some(4.0));
        assert_eq!(total("participants_by_category"), Some(20.0));
        assert_eq!(total("attendance_rate"), Some(75.0));
        assert_eq!(total("no_show_rate"), Some(25.0));
        assert_eq!(total("fill_rate"), Some(75.0));
        assert_eq!(total("participant_hours"), Some(61.3));
        assert_eq!(total("mix_targets"), Some(3.0));
        assert_eq!(total("waiting_list_promotions"), Some(6.0));
    }

    #[test]
    fn trainees_count_once_and_as_partner_staff_when_they_came_for_a_partner() {
        assert_eq!(audience([None, None]), PARTICIPANT);
        assert_eq!(
            audience([None, Some("cpas"), Some("association")]),
            "association"
        );
        assert_eq!(audience(std::iter::empty()), PARTICIPANT);
    }

    #[test]
    fn training_figures() {
        let t = TrainingFacts {
            courses: 3,
            trainees: vec![
                ("participant".into(), 12),
                ("cpas".into(), 6),
                ("association".into(), 2),
            ],
            finished: 16,
            completed: 12,
            certificates: 11,
            satisfaction: vec![5, 4, 4, 3, 5],
        };
        let tables = trainings(&ProgrammeFacts::default(), &t);
        let get = |key: &str| tables.iter().find(|t| t.key == key).expect("a table");
        let total = |key: &str| get(key).total.as_ref().and_then(|c| c.value);
        assert_eq!(total("courses_held"), Some(3.0));
        assert_eq!(total("trainees_by_audience"), Some(20.0));
        let audience = get("trainees_by_audience");
        // The 2 association staff are hidden among the zeros of the other kinds (20 − 12 − 6
        // leaves 2 to spread over nine hidden cells); the participants and CPAS staff show.
        let shown: Vec<(&str, f64)> = audience
            .rows
            .iter()
            .filter_map(|c| Some((c.key.as_str(), c.value?)))
            .collect();
        assert_eq!(shown, [("participant", 12.0), ("cpas", 6.0)]);
        assert_eq!(audience.rows.iter().filter(|c| c.suppressed).count(), 8);
        assert_eq!(total("course_completion_rate"), Some(75.0));
        assert_eq!(total("certificates_issued"), Some(11.0));
        assert_eq!(total("evaluation_satisfaction_mean"), Some(4.2));
        // Fewer than 5 answers: no mean.
        let few = TrainingFacts {
            satisfaction: vec![5, 5],
            ..t
        };
        let tables = trainings(&ProgrammeFacts::default(), &few);
        let mean = tables
            .iter()
            .find(|t| t.key == "evaluation_satisfaction_mean")
            .and_then(|t| t.total.clone());
        assert!(mean.is_some_and(|c| c.suppressed && c.value.is_none()));
    }

    #[test]
    fn interact_figures_follow_proposals_to_their_hosts() {
        let p = ProposalFacts {
            received: 14,
            turned_into_workshops: 9,
            hosts_by_category: vec![("newcomer".into(), 6), ("local".into(), 2)],
            hosts_by_level: vec![
                ("co_organised".into(), 3),
                ("supported".into(), 3),
                ("autonomous".into(), 2),
            ],
        };
        let tables = interact(&ProgrammeFacts::default(), &p);
        let get = |key: &str| tables.iter().find(|t| t.key == key).expect("a table");
        let total = |key: &str| get(key).total.as_ref().and_then(|c| c.value);
        // After the sessions' figures, so InterAct's "participants" stays the first one.
        assert!(
            tables.iter().position(|t| t.key == "participants")
                < tables.iter().position(|t| t.key == "proposals_received")
        );
        assert_eq!(total("proposals_received"), Some(14.0));
        assert_eq!(total("proposals_turned_into_workshops"), Some(9.0));
        assert_eq!(total("interact_hosts_by_category"), Some(8.0));
        assert_eq!(total("interact_hosts_by_autonomy"), Some(8.0));
        // 2 locals and every level under 5: the locals hide, and nobody of neither category
        // (0, a small count too) hides with them, so 8 − 6 leaves 2 to share between the two.
        let shown = |key: &str| get(key).rows.iter().filter(|c| c.value.is_some()).count();
        let value = |key: &str, row: &str| {
            get(key)
                .rows
                .iter()
                .find(|c| c.key == row)
                .and_then(|c| c.value)
        };
        assert_eq!(value("interact_hosts_by_category", "newcomer"), Some(6.0));
        assert_eq!(value("interact_hosts_by_category", "local"), None);
        assert_eq!(value("interact_hosts_by_category", NO_CATEGORY), None);
        assert_eq!(shown("interact_hosts_by_autonomy"), 0);
    }

    #[test]
    fn stored_values_that_differ_by_case_are_one_key() {
        let by = text_counts(&[
            (Some("Liège".into()), 7),
            (Some(" liège".into()), 2),
            (None, 3),
            (Some(" ".into()), 1),
        ]);
        assert_eq!(by.get("liège"), Some(&9));
        assert_eq!(by.get(UNKNOWN), Some(&4));
    }

    #[test]
    fn free_text_keys() {
        assert_eq!(text_key(Some("  Liège ")), "liège");
        assert_eq!(text_key(Some(" ")), UNKNOWN);
        assert_eq!(text_key(None), UNKNOWN);
    }
}
