//! The pure rules of InterAct hosts: the pipeline's state machine, the autonomy ladder, the
//! co-host pairing, the limits of each text, and the figures of a host's page. No database, no
//! HTTP: plain functions with their tests.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use shared::interact::{AutonomyLevel, HostTotals, MonthFigures, ProposalStatus};
use shared::people::Category;

use crate::i18n::Msg;

pub const TITLE_MAX: usize = 120;
pub const DESCRIPTION_MAX: usize = 2000;
pub const AVAILABILITY_NOTE_MAX: usize = 500;
pub const NEEDS_MAX: usize = 1000;
pub const NEXT_STEP_MAX: usize = 500;
pub const NOTE_MAX: usize = 2000;
pub const AUTONOMY_NOTE_MAX: usize = 1000;
pub const PUBLIC_NAME_MAX: usize = 100;
pub const PASSIONS_MAX: usize = 10;
pub const LANGUAGES_MAX: usize = 10;
pub const AVAILABILITY_MAX: usize = 21;
pub const FEEDBACK_COMMENT_MAX: usize = 2000;
/// Fewest answers whose average a workshop shows: below, one person's rating could be read
/// back (the reports' rule).
pub const FEEDBACK_MIN_ANSWERS: u32 = 5;

/// Where a proposal may go from `from`. `has_workshop`: a series or an activity was created
/// from it (a workshop cannot run before it exists).
pub fn transition(
    from: ProposalStatus,
    to: ProposalStatus,
    has_workshop: bool,
) -> Result<ProposalStatus, Msg> {
    use ProposalStatus::*;
    let allowed = match from {
        New => matches!(to, Talked | Ended),
        Talked => matches!(to, Planned | Ended),
        // A plan can fall through: back to talking.
        Planned => matches!(to, Running | Talked | Ended),
        Running => matches!(to, Paused | Ended),
        Paused => matches!(to, Running | Ended),
        Ended => false,
    };
    if !allowed {
        return Err(Msg::PipelineStepNotAllowed);
    }
    if to == Running && !has_workshop {
        return Err(Msg::RunningNeedsWorkshop);
    }
    Ok(to)
}

/// The statuses reachable from `from` (the board offers these).
pub fn next_statuses(from: ProposalStatus, has_workshop: bool) -> Vec<ProposalStatus> {
    ProposalStatus::ALL
        .iter()
        .copied()
        .filter(|to| transition(from, *to, has_workshop).is_ok())
        .collect()
}

/// A series is created from a proposal once it is planned (and for a running or paused one, the
/// next term's); never from a new, talked or ended one.
pub fn may_create_workshop(status: ProposalStatus) -> Result<(), Msg> {
    use ProposalStatus::*;
    match status {
        Planned | Running | Paused => Ok(()),
        New | Talked => Err(Msg::WorkshopNeedsPlan),
        Ended => Err(Msg::PipelineStepNotAllowed),
    }
}

/// A host's level changes in a workshop that exists or is being prepared, to another level
/// (up or down the ladder: life happens).
pub fn change_autonomy(
    status: ProposalStatus,
    current: AutonomyLevel,
    next: AutonomyLevel,
) -> Result<AutonomyLevel, Msg> {
    use ProposalStatus::*;
    if !matches!(status, Planned | Running | Paused) {
        return Err(Msg::AutonomyNeedsWorkshop);
    }
    if current == next {
        return Err(Msg::SameAutonomyLevel);
    }
    Ok(next)
}

/// A co-host makes a pair with the host: a newcomer with a local, never the host themselves
/// (someone of neither category makes no such pair).
pub fn check_cohost(
    same_person: bool,
    host: Option<Category>,
    cohost: Option<Category>,
) -> Result<(), Msg> {
    if same_person {
        return Err(Msg::PairWithItself);
    }
    match (host, cohost) {
        (Some(h), Some(c)) if h != c => Ok(()),
        _ => Err(Msg::CohostPairing),
    }
}

/// The highest of levels (a host counted once in the figures).
pub fn highest(levels: impl IntoIterator<Item = AutonomyLevel>) -> Option<AutonomyLevel> {
    levels.into_iter().max()
}

/// The title of a proposal made from a sign-up's workshop idea: its first line, cut to fit.
pub fn title_from_idea(idea: &str) -> String {
    let first = idea
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if first.chars().count() <= TITLE_MAX {
        return first.to_owned();
    }
    let mut cut: String = first.chars().take(TITLE_MAX - 1).collect();
    cut = cut.trim_end().to_owned();
    cut.push('…');
    cut
}

/// ISO 639 codes (two or three letters, exactly: the document states the pattern), lower-cased,
/// each once; the index of each bad one.
pub fn parse_languages(raw: &[String]) -> (Vec<String>, Vec<usize>) {
    let mut out: Vec<String> = Vec::new();
    let mut bad = Vec::new();
    for (i, l) in raw.iter().enumerate() {
        let code = l.to_ascii_lowercase();
        if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_lowercase()) {
            bad.push(i);
        } else if !out.contains(&code) {
            out.push(code);
        }
    }
    (out, bad)
}

/// One session of a host, as its figures need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionFigures {
    pub starts_at: NaiveDateTime,
    pub cancelled: bool,
    pub newcomers: u32,
    pub locals: u32,
    pub attended: u32,
    pub absent: u32,
}

impl SessionFigures {
    pub fn participants(&self) -> u32 {
        self.newcomers + self.locals
    }
}

/// Month by month (oldest first): sessions held or planned (cancelled ones left out), their
/// participants and mix.
pub fn timeline(sessions: &[SessionFigures]) -> Vec<MonthFigures> {
    let mut months: BTreeMap<(i32, u32), MonthFigures> = BTreeMap::new();
    for s in sessions.iter().filter(|s| !s.cancelled) {
        let key = (s.starts_at.year(), s.starts_at.month());
        let m = months.entry(key).or_insert_with(|| MonthFigures {
            month: format!("{:04}-{:02}", key.0, key.1),
            sessions: 0,
            participants: 0,
            newcomers: 0,
            locals: 0,
            attended: 0,
        });
        m.sessions += 1;
        m.participants += s.participants();
        m.newcomers += s.newcomers;
        m.locals += s.locals;
        m.attended += s.attended;
    }
    months.into_values().collect()
}

/// Totals over every session that is not cancelled; attendance over past ones.
pub fn totals(sessions: &[SessionFigures], now: NaiveDateTime) -> HostTotals {
    let mut t = HostTotals::default();
    for s in sessions.iter().filter(|s| !s.cancelled) {
        t.sessions += 1;
        if s.starts_at < now {
            t.past_sessions += 1;
        }
        t.participants += s.participants();
        t.newcomers += s.newcomers;
        t.locals += s.locals;
        t.attended += s.attended;
        t.absent += s.absent;
    }
    let expected = t.attended + t.absent;
    t.attendance_percent = (expected > 0).then(|| (t.attended * 100 + expected / 2) / expected);
    t
}

/// A date a coordinator gives for something that happened (a note, a level change): not after
/// today.
pub fn check_past_date(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Msg> {
    if date > today {
        Err(Msg::DateInFuture)
    } else {
        Ok(date)
    }
}

/// A participant's rating: required, 1 to 5.
pub fn check_rating(rating: Option<i32>) -> Result<i32, Msg> {
    match rating {
        None => Err(Msg::Required),
        Some(r) if (1..=5).contains(&r) => Ok(r),
        Some(_) => Err(Msg::Between(1, 5)),
    }
}

/// The feedback figures of a workshop: how many answers, whether the average is withheld
/// (fewer than [`FEEDBACK_MIN_ANSWERS`]) and the average to two decimals otherwise.
pub fn feedback_average(ratings: &[i32]) -> (u32, bool, Option<f64>) {
    let n = u32::try_from(ratings.len()).unwrap_or(u32::MAX);
    if n < FEEDBACK_MIN_ANSWERS {
        return (n, n > 0, None);
    }
    let sum: i64 = ratings.iter().map(|r| i64::from(*r)).sum();
    let mean = sum as f64 / f64::from(n);
    (n, false, Some((mean * 100.0).round() / 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ProposalStatus::*;

    #[test]
    fn the_pipeline_goes_forward_one_step_at_a_time() {
        assert_eq!(transition(New, Talked, false), Ok(Talked));
        assert_eq!(transition(Talked, Planned, false), Ok(Planned));
        assert_eq!(transition(Planned, Running, true), Ok(Running));
        assert_eq!(transition(Running, Paused, true), Ok(Paused));
        assert_eq!(transition(Paused, Running, true), Ok(Running));
        assert_eq!(transition(Running, Ended, true), Ok(Ended));
        // No skipping: an idea is talked about before it is planned, planned before it runs.
        assert_eq!(
            transition(New, Planned, true),
            Err(Msg::PipelineStepNotAllowed)
        );
        assert_eq!(
            transition(Talked, Running, true),
            Err(Msg::PipelineStepNotAllowed)
        );
        assert_eq!(
            transition(New, Paused, false),
            Err(Msg::PipelineStepNotAllowed)
        );
    }

    #[test]
    fn a_workshop_runs_only_once_it_exists() {
        assert_eq!(
            transition(Planned, Running, false),
            Err(Msg::RunningNeedsWorkshop)
        );
        assert_eq!(
            transition(Paused, Running, false),
            Err(Msg::RunningNeedsWorkshop)
        );
        assert_eq!(next_statuses(Planned, false), [Talked, Ended]);
        assert_eq!(next_statuses(Planned, true), [Talked, Running, Ended]);
    }

    #[test]
    fn any_step_but_the_last_can_end_and_ended_is_final() {
        for from in [New, Talked, Planned, Running, Paused] {
            assert_eq!(transition(from, Ended, false), Ok(Ended), "{from:?}");
        }
        for to in ProposalStatus::ALL {
            assert_eq!(
                transition(Ended, *to, true),
                Err(Msg::PipelineStepNotAllowed)
            );
        }
        assert!(next_statuses(Ended, true).is_empty());
    }

    #[test]
    fn staying_put_is_not_a_step() {
        for s in ProposalStatus::ALL {
            assert!(transition(*s, *s, true).is_err(), "{s:?}");
        }
    }

    #[test]
    fn a_plan_that_falls_through_goes_back_to_talking() {
        assert_eq!(transition(Planned, Talked, false), Ok(Talked));
        assert!(transition(Running, Talked, true).is_err());
        assert!(transition(Running, Planned, true).is_err());
    }

    #[test]
    fn a_series_is_created_from_a_planned_proposal() {
        assert_eq!(may_create_workshop(Planned), Ok(()));
        assert_eq!(may_create_workshop(Running), Ok(()));
        assert_eq!(may_create_workshop(Paused), Ok(()));
        assert_eq!(may_create_workshop(New), Err(Msg::WorkshopNeedsPlan));
        assert_eq!(may_create_workshop(Talked), Err(Msg::WorkshopNeedsPlan));
        assert_eq!(may_create_workshop(Ended), Err(Msg::PipelineStepNotAllowed));
    }

    #[test]
    fn the_autonomy_ladder_moves_both_ways_in_a_workshop() {
        use AutonomyLevel::*;
        assert_eq!(
            change_autonomy(Running, CoOrganised, Supported),
            Ok(Supported)
        );
        assert_eq!(
            change_autonomy(Running, Supported, Autonomous),
            Ok(Autonomous)
        );
        assert_eq!(
            change_autonomy(Paused, Autonomous, Supported),
            Ok(Supported)
        );
        assert_eq!(
            change_autonomy(Planned, CoOrganised, Autonomous),
            Ok(Autonomous)
        );
        assert_eq!(
            change_autonomy(Running, Supported, Supported),
            Err(Msg::SameAutonomyLevel)
        );
        for s in [New, Talked, Ended] {
            assert_eq!(
                change_autonomy(s, CoOrganised, Supported),
                Err(Msg::AutonomyNeedsWorkshop)
            );
        }
    }

    #[test]
    fn levels_are_ordered_up_the_ladder() {
        use AutonomyLevel::*;
        assert_eq!(highest([Supported, CoOrganised]), Some(Supported));
        assert_eq!(
            highest([Supported, Autonomous, CoOrganised]),
            Some(Autonomous)
        );
        assert_eq!(highest([]), None);
    }

    #[test]
    fn a_cohost_pairs_a_newcomer_with_a_local() {
        let (newcomer, local) = (Some(Category::Newcomer), Some(Category::Local));
        assert_eq!(check_cohost(false, newcomer, local), Ok(()));
        assert_eq!(check_cohost(false, local, newcomer), Ok(()));
        assert_eq!(
            check_cohost(false, newcomer, newcomer),
            Err(Msg::CohostPairing)
        );
        assert_eq!(check_cohost(false, local, local), Err(Msg::CohostPairing));
        assert_eq!(
            check_cohost(true, newcomer, newcomer),
            Err(Msg::PairWithItself)
        );
        // Partner staff (neither category) pair with nobody.
        assert_eq!(check_cohost(false, None, local), Err(Msg::CohostPairing));
        assert_eq!(check_cohost(false, newcomer, None), Err(Msg::CohostPairing));
    }

    #[test]
    fn a_signup_idea_gives_a_short_title() {
        assert_eq!(title_from_idea("  Cuisine syrienne  "), "Cuisine syrienne");
        assert_eq!(
            title_from_idea("\n\nPizza napolitaine\navec la pâte maison"),
            "Pizza napolitaine"
        );
        let long = "é".repeat(300);
        let t = title_from_idea(&long);
        assert_eq!(t.chars().count(), TITLE_MAX);
        assert!(t.ends_with('…'));
    }

    #[test]
    fn languages_are_iso_codes_each_once() {
        let (ok, bad) = parse_languages(&[
            "FR".into(),
            "ar".into(),
            "fr".into(),
            "prs".into(),
            "français".into(),
            "x".into(),
            " nl".into(),
        ]);
        assert_eq!(ok, ["fr", "ar", "prs"]);
        assert_eq!(bad, [4, 5, 6]);
    }

    fn session(day: &str, cancelled: bool, n: u32, l: u32, att: u32, abs: u32) -> SessionFigures {
        SessionFigures {
            starts_at: format!("{day}T18:00:00").parse().expect("time"),
            cancelled,
            newcomers: n,
            locals: l,
            attended: att,
            absent: abs,
        }
    }

    #[test]
    fn a_hosts_figures_go_month_by_month_without_cancelled_sessions() {
        let sessions = [
            session("2026-11-04", false, 3, 2, 4, 1),
            session("2026-10-28", false, 2, 2, 3, 1),
            session("2026-11-11", false, 4, 3, 6, 1),
            session("2026-11-18", true, 5, 5, 0, 0),
            session("2026-12-02", false, 3, 3, 0, 0),
        ];
        let t = timeline(&sessions);
        let months: Vec<&str> = t.iter().map(|m| m.month.as_str()).collect();
        assert_eq!(months, ["2026-10", "2026-11", "2026-12"]);
        assert_eq!(
            (
                t[1].sessions,
                t[1].participants,
                t[1].newcomers,
                t[1].locals
            ),
            (2, 12, 7, 5)
        );
        assert_eq!(t[1].attended, 10);

        let now: NaiveDateTime = "2026-11-25T12:00:00".parse().expect("now");
        let totals = totals(&sessions, now);
        assert_eq!(totals.sessions, 4);
        assert_eq!(totals.past_sessions, 3);
        assert_eq!(totals.participants, 22);
        assert_eq!((totals.attended, totals.absent), (13, 3));
        // 13 of 16 expected: 81 %.
        assert_eq!(totals.attendance_percent, Some(81));
        assert_eq!(super::totals(&[], now).attendance_percent, None);
    }

    #[test]
    fn dates_of_what_happened_are_not_in_the_future() {
        let today: NaiveDate = "2026-12-07".parse().expect("date");
        assert!(check_past_date(today, today).is_ok());
        assert_eq!(
            check_past_date(today.succ_opt().expect("tomorrow"), today),
            Err(Msg::DateInFuture)
        );
    }

    #[test]
    fn a_rating_is_required_between_one_and_five() {
        assert_eq!(check_rating(None), Err(Msg::Required));
        assert_eq!(check_rating(Some(0)), Err(Msg::Between(1, 5)));
        assert_eq!(check_rating(Some(6)), Err(Msg::Between(1, 5)));
        assert_eq!(check_rating(Some(1)), Ok(1));
        assert_eq!(check_rating(Some(5)), Ok(5));
    }

    #[test]
    fn feedback_averages_are_withheld_under_five_answers() {
        assert_eq!(feedback_average(&[]), (0, false, None));
        assert_eq!(feedback_average(&[5, 5, 5, 5]), (4, true, None));
        assert_eq!(feedback_average(&[5, 4, 4, 3, 5]), (5, false, Some(4.2)));
        assert_eq!(
            feedback_average(&[5, 4, 4, 4, 4, 4]),
            (6, false, Some(4.17))
        );
    }
}
