//! Activities: local times in Europe/Brussels (DST-correct), recurrences, and who gets a seat.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Brussels;
use shared::activities::{ActivityProgramme, Recurrence, RegistrationStatus};
use shared::people::{Category, Programme, ProgrammeRole};

use crate::i18n::Msg;

/// Most sessions one series may create.
pub const MAX_SESSIONS: usize = 60;

/// Parses `2026-12-05T14:00` as Europe/Brussels local time, or an RFC 3339 instant. A local time
/// inside the spring-forward gap does not exist and is refused; one in the autumn overlap is
/// read as the first (summer-time) occurrence.
pub fn parse_instant(raw: &str) -> Result<DateTime<Utc>, Msg> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Msg::Required);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Ok(dt.with_timezone(&Utc));
    }
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| Msg::InvalidValue)?;
    local_to_utc(naive)
}

pub fn local_to_utc(naive: NaiveDateTime) -> Result<DateTime<Utc>, Msg> {
    match Brussels.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(Msg::InvalidValue),
    }
}

/// A date or instant for filters: a bare date means its start in Brussels.
pub fn parse_bound(raw: &str) -> Result<DateTime<Utc>, Msg> {
    if let Ok(d) = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d") {
        return local_to_utc(d.and_hms_opt(0, 0, 0).ok_or(Msg::InvalidValue)?);
    }
    parse_instant(raw)
}

/// Brussels local time with its offset, e.g. `2026-03-29T14:00:00+02:00`.
pub fn local_rfc3339(t: DateTime<Utc>) -> String {
    t.with_timezone(&Brussels).to_rfc3339()
}

/// Start and end of one session, in UTC.
pub type Session = (DateTime<Utc>, DateTime<Utc>);

/// The (start, end) of every session of a series, in UTC, keeping the first session's local
/// time of day and duration across daylight-saving changes.
pub fn expand(
    first_start: DateTime<Utc>,
    first_end: DateTime<Utc>,
    rule: &Recurrence,
) -> Result<Vec<Session>, Msg> {
    let local_start = first_start.with_timezone(&Brussels).naive_local();
    let duration = first_end - first_start;
    let time = local_start.time();
    let dates: Vec<NaiveDate> = match rule {
        Recurrence::Weekly { every_weeks, until } => {
            if *every_weeks == 0 || *every_weeks > 52 {
                return Err(Msg::InvalidValue);
            }
            let mut out = Vec::new();
            let mut d = local_start.date();
            while d <= *until {
                out.push(d);
                if out.len() > MAX_SESSIONS {
                    return Err(Msg::TooMany(MAX_SESSIONS));
                }
                d += Duration::weeks(i64::from(*every_weeks));
            }
            out
        }
        Recurrence::Dates { dates } => {
            let mut all = vec![local_start.date()];
            all.extend(dates.iter().copied());
            all.sort();
            all.dedup();
            if all.len() > MAX_SESSIONS {
                return Err(Msg::TooMany(MAX_SESSIONS));
            }
            all
        }
    };
    dates
        .into_iter()
        .map(|d| {
            let start = local_to_utc(d.and_time(time))?;
            Ok((start, start + duration))
        })
        .collect()
}

/// Seats taken and who holds them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seats {
    pub taken: u32,
    pub newcomers: u32,
    pub locals: u32,
}

/// Capacity and InterAct mix targets of an activity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rules {
    pub capacity: Option<u32>,
    pub min_newcomer_percent: Option<u32>,
    pub min_local_percent: Option<u32>,
}

fn ceil_percent(capacity: u32, percent: u32) -> u32 {
    (capacity * percent).div_ceil(100)
}

/// Whether a person of `category` may take a seat now without overbooking and without making a
/// mix target unreachable (seats still needed by the other group stay free for it; someone of
/// neither group, such as partner staff, leaves free the seats both groups still need).
pub fn may_take_seat(rules: &Rules, seats: &Seats, category: Option<Category>) -> bool {
    let Some(capacity) = rules.capacity else {
        return true;
    };
    if seats.taken >= capacity {
        return false;
    }
    let free_after = capacity - seats.taken - 1;
    let needed = |min: Option<u32>, have: u32| {
        min.map(|p| ceil_percent(capacity, p).saturating_sub(have))
            .unwrap_or(0)
    };
    let newcomers = needed(rules.min_newcomer_percent, seats.newcomers);
    let locals = needed(rules.min_local_percent, seats.locals);
    let held_back = match category {
        Some(Category::Local) => newcomers,
        Some(Category::Newcomer) => locals,
        None => newcomers + locals,
    };
    free_after >= held_back
}

/// The status of a new registration.
pub fn admit(rules: &Rules, seats: &Seats, category: Option<Category>) -> RegistrationStatus {
    if may_take_seat(rules, seats, category) {
        RegistrationStatus::Registered
    } else {
        RegistrationStatus::Waitlisted
    }
}

/// Indices (into `queue`, in waiting-list order) of the people to promote now: first come,
/// first served, skipping someone only while their seat would break a mix target.
pub fn promotions(rules: &Rules, mut seats: Seats, queue: &[Option<Category>]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, cat) in queue.iter().enumerate() {
        if rules.capacity.is_some_and(|c| seats.taken >= c) {
            break;
        }
        if may_take_seat(rules, &seats, *cat) {
            out.push(i);
            seats.taken += 1;
            match cat {
                Some(Category::Newcomer) => seats.newcomers += 1,
                Some(Category::Local) => seats.locals += 1,
                None => {}
            }
        }
    }
    out
}

/// Whether a walk-in may be recorded at `now`: from an hour before the start (when the doors
/// open) on. Before that nobody can be at the door, and a walk-in would give someone an
/// attended place in an activity still ahead, beyond its capacity.
pub fn walk_in_open(starts_at: chrono::NaiveDateTime, now: chrono::NaiveDateTime) -> bool {
    now + chrono::Duration::hours(1) >= starts_at
}

#[cfg(test)]
mod walk_in_tests {
    use super::walk_in_open;

    #[test]
    fn walk_ins_are_recorded_from_an_hour_before_the_start() {
        let start = chrono::NaiveDate::from_ymd_opt(2027, 1, 9)
            .and_then(|d| d.and_hms_opt(14, 0, 0))
            .expect("date");
        let at = |minutes: i64| start + chrono::Duration::minutes(minutes);
        assert!(!walk_in_open(start, at(-24 * 60)));
        assert!(!walk_in_open(start, at(-61)));
        assert!(walk_in_open(start, at(-60)));
        assert!(walk_in_open(start, at(30)));
        assert!(
            walk_in_open(start, at(7 * 24 * 60)),
            "attendance sheets typed in later"
        );
    }
}

/// The programme membership a registration to an activity of `programme` stands for: trainees
/// in a training, participants elsewhere; none for activities outside the four programmes.
pub fn membership_for(programme: ActivityProgramme) -> Option<(Programme, ProgrammeRole)> {
    match programme {
        ActivityProgramme::Interact => Some((Programme::Interact, ProgrammeRole::Participant)),
        ActivityProgramme::Duo2change => Some((Programme::Duo2change, ProgrammeRole::Participant)),
        ActivityProgramme::Training => Some((Programme::Training, ProgrammeRole::Trainee)),
        ActivityProgramme::Interlab => Some((Programme::Interlab, ProgrammeRole::Participant)),
        ActivityProgramme::Other => None,
    }
}

/// The changes staff may make to a registration: cancel one that is held or waiting, or record
/// attendance of a held seat. Seats themselves are given by `admit` and `promotions` only.
pub fn may_change(from: RegistrationStatus, to: RegistrationStatus) -> bool {
    use RegistrationStatus::*;
    match (from, to) {
        (Cancelled, _) => false,
        (Waitlisted, Cancelled) => true,
        (Waitlisted, _) => false,
        (_, Waitlisted) | (_, Registered) => false,
        (a, b) => a != b,
    }
}

/// A venue on one line, as calendars and emails show it: `name, street, postcode locality`.
/// A postcode alone says nothing to a reader, so it only shows with its locality.
pub fn venue_address(
    name: &str,
    street: Option<&str>,
    postcode: Option<&str>,
    locality: Option<&str>,
) -> String {
    let mut parts = vec![name.to_owned()];
    parts.extend(street.map(str::to_owned));
    match (postcode, locality) {
        (Some(p), Some(l)) => parts.push(format!("{p} {l}")),
        (None, Some(l)) => parts.push(l.to_owned()),
        _ => {}
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn venue_addresses_read_as_one_line() {
        let full = venue_address(
            "La Grand Poste",
            Some("Rue de la Régence 61"),
            Some("4000"),
            Some("Liège"),
        );
        assert_eq!(full, "La Grand Poste, Rue de la Régence 61, 4000 Liège");
        assert_eq!(
            venue_address("Salle", None, None, Some("Liège")),
            "Salle, Liège"
        );
        assert_eq!(venue_address("Salle", None, Some("4000"), None), "Salle");
        assert_eq!(venue_address("Salle", None, None, None), "Salle");
    }

    #[test]
    fn only_cancellation_and_attendance_change_a_registration() {
        use RegistrationStatus::*;
        assert!(may_change(Registered, Cancelled));
        assert!(may_change(Waitlisted, Cancelled));
        assert!(may_change(Registered, Attended));
        assert!(may_change(Attended, Absent));
        assert!(!may_change(Waitlisted, Attended));
        assert!(!may_change(Cancelled, Registered));
        assert!(!may_change(Absent, Registered));
        assert!(!may_change(Attended, Attended));
    }

    #[test]
    fn local_times_follow_daylight_saving() {
        // Winter: UTC+1. Summer: UTC+2.
        let winter = parse_instant("2026-12-05T14:00").unwrap_or_default();
        assert_eq!(winter.to_rfc3339(), "2026-12-05T13:00:00+00:00");
        let summer = parse_instant("2026-07-05T14:00").unwrap_or_default();
        assert_eq!(summer.to_rfc3339(), "2026-07-05T12:00:00+00:00");
        // 29 March 2026, 02:30 does not exist in Brussels.
        assert_eq!(parse_instant("2026-03-29T02:30"), Err(Msg::InvalidValue));
        assert_eq!(local_rfc3339(summer), "2026-07-05T14:00:00+02:00");
        assert!(parse_instant("2026-07-05T14:00:00+02:00").is_ok());
        assert_eq!(parse_instant("tomorrow"), Err(Msg::InvalidValue));
    }

    #[test]
    fn weekly_series_keep_local_time_across_dst() {
        let start = parse_instant("2026-03-18T18:00").unwrap_or_default();
        let end = parse_instant("2026-03-18T20:00").unwrap_or_default();
        let until = NaiveDate::from_ymd_opt(2026, 4, 8).unwrap_or_default();
        let sessions = expand(
            start,
            end,
            &Recurrence::Weekly {
                every_weeks: 1,
                until,
            },
        )
        .unwrap_or_default();
        assert_eq!(sessions.len(), 4);
        let locals: Vec<String> = sessions.iter().map(|(s, _)| local_rfc3339(*s)).collect();
        assert_eq!(locals[0], "2026-03-18T18:00:00+01:00");
        assert_eq!(locals[2], "2026-04-01T18:00:00+02:00");
        assert!(sessions.iter().all(|(s, e)| *e - *s == Duration::hours(2)));
        let every_two = expand(
            start,
            end,
            &Recurrence::Weekly {
                every_weeks: 2,
                until,
            },
        )
        .unwrap_or_default();
        assert_eq!(every_two.len(), 2);
    }

    #[test]
    fn capacity_is_never_exceeded() {
        let rules = Rules {
            capacity: Some(2),
            ..Default::default()
        };
        let mut seats = Seats::default();
        assert_eq!(
            admit(&rules, &seats, Some(Category::Local)),
            RegistrationStatus::Registered
        );
        seats.taken = 2;
        assert_eq!(
            admit(&rules, &seats, Some(Category::Newcomer)),
            RegistrationStatus::Waitlisted
        );
    }

    #[test]
    fn mix_targets_keep_seats_for_the_other_group() {
        // 10 seats, at least 40% newcomers: locals stop at 6 while newcomers are missing.
        let rules = Rules {
            capacity: Some(10),
            min_newcomer_percent: Some(40),
            min_local_percent: Some(40),
        };
        let seats = Seats {
            taken: 6,
            newcomers: 0,
            locals: 6,
        };
        assert_eq!(
            admit(&rules, &seats, Some(Category::Local)),
            RegistrationStatus::Waitlisted
        );
        assert_eq!(
            admit(&rules, &seats, Some(Category::Newcomer)),
            RegistrationStatus::Registered
        );
        // Promotion skips locals while a newcomer waits behind them.
        let queue = [
            Some(Category::Local),
            Some(Category::Newcomer),
            Some(Category::Newcomer),
        ];
        let seats = Seats {
            taken: 6,
            newcomers: 0,
            locals: 6,
        };
        assert_eq!(promotions(&rules, seats, &queue), vec![1, 2]);
    }

    #[test]
    fn someone_of_neither_group_leaves_both_targets_reachable() {
        // 10 seats, 40% of each: 8 seats are spoken for until each group has its 4.
        let rules = Rules {
            capacity: Some(10),
            min_newcomer_percent: Some(40),
            min_local_percent: Some(40),
        };
        let mut seats = Seats {
            taken: 1,
            newcomers: 0,
            locals: 0,
        };
        assert_eq!(admit(&rules, &seats, None), RegistrationStatus::Registered);
        seats.taken = 2;
        assert_eq!(admit(&rules, &seats, None), RegistrationStatus::Waitlisted);
        // Either group may still come in; with the targets met, anyone may.
        assert_eq!(
            admit(&rules, &seats, Some(Category::Local)),
            RegistrationStatus::Registered
        );
        let seats = Seats {
            taken: 8,
            newcomers: 4,
            locals: 4,
        };
        assert_eq!(admit(&rules, &seats, None), RegistrationStatus::Registered);
        // Promotion passes over them the same way and counts them in neither group.
        let seats = Seats {
            taken: 2,
            newcomers: 0,
            locals: 0,
        };
        let queue = [None, Some(Category::Newcomer), None];
        assert_eq!(promotions(&rules, seats, &queue), vec![1]);
    }
}
