//! The activity page's rules, without the browser: the order of the states, who the waiting list promoted, the mix against the targets, the attendee file's name.

use crate::api::activities::CsvSeparator;
use shared::activities::{Activity, Registration, RegistrationStatus};

/// The order in which the states are listed.
pub const STATE_ORDER: [RegistrationStatus; 6] = [
    RegistrationStatus::Registered,
    RegistrationStatus::Waitlisted,
    RegistrationStatus::Attended,
    RegistrationStatus::Absent,
    RegistrationStatus::Excused,
    RegistrationStatus::Cancelled,
];

/// People who were waiting in `before` and hold a place in `after`: those the waiting list
/// promoted in between.
pub fn promoted(before: &[Registration], after: &[Registration]) -> Vec<Registration> {
    after
        .iter()
        .filter(|r| r.status == RegistrationStatus::Registered)
        .filter(|r| {
            before
                .iter()
                .any(|b| b.id == r.id && b.status == RegistrationStatus::Waitlisted)
        })
        .cloned()
        .collect()
}

/// One group of the mix: how many hold a place, the share of all participants, and the places
/// the target keeps for the group (with a capacity) or the share it asks for (without).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MixLine {
    pub have: u32,
    /// Share of participants, in percent (rounded).
    pub share: u32,
    pub target_percent: Option<u32>,
    /// Places kept for the group: `ceil(capacity × target %)`.
    pub target_places: Option<u32>,
    /// Whether the target is reached (no target: reached).
    pub reached: bool,
}

/// The mix line of one group: `have` of `total` participants, against `target_percent` of
/// `capacity` (as the API counts it when admitting people).
pub fn mix_line(
    have: u32,
    total: u32,
    capacity: Option<i32>,
    target_percent: Option<i32>,
) -> MixLine {
    let share = (have * 100 + total / 2).checked_div(total).unwrap_or(0);
    let target_percent = target_percent
        .and_then(|p| u32::try_from(p).ok())
        .filter(|p| *p > 0);
    let capacity = capacity.and_then(|c| u32::try_from(c).ok());
    let target_places = match (capacity, target_percent) {
        (Some(c), Some(p)) => Some((c * p).div_ceil(100)),
        _ => None,
    };
    let reached = match (target_places, target_percent) {
        (Some(places), _) => have >= places,
        (None, Some(p)) => total > 0 && share >= p,
        (None, None) => true,
    };
    MixLine {
        have,
        share,
        target_percent,
        target_places,
        reached,
    }
}

/// A file name for the attendee list (no personal data, the activity's date and id).
pub fn csv_file_name(a: &Activity, sep: CsvSeparator) -> String {
    let day = crate::pages::activities::calendar::local_day(a)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let short = a.id.simple().to_string();
    let short = short.get(..8).unwrap_or_default();
    match sep {
        CsvSeparator::Comma => format!("interra-attendees-{day}-{short}.csv"),
        CsvSeparator::Semicolon => format!("interra-attendees-{day}-{short}-excel.csv"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use shared::activities::RegistrationSource;
    use shared::people::Category;
    use uuid::Uuid;

    fn reg(n: u128, status: RegistrationStatus) -> Registration {
        Registration {
            id: Uuid::from_u128(n),
            activity_id: Uuid::from_u128(100),
            person_id: Uuid::from_u128(200 + n),
            display_name: format!("P{n}"),
            category: Some(Category::Local),
            status,
            source: RegistrationSource::Staff,
            waitlist_position: None,
            registered_by: None,
            promoted_at: None,
            created_at: Utc::now(),
        }
    }

    #[test]
    fn promotion_is_seen_by_comparing_before_and_after() {
        use RegistrationStatus::*;
        let before = vec![reg(1, Registered), reg(2, Waitlisted), reg(3, Waitlisted)];
        let after = vec![reg(1, Cancelled), reg(2, Registered), reg(3, Waitlisted)];
        let moved = promoted(&before, &after);
        assert_eq!(
            moved
                .iter()
                .map(|r| r.display_name.as_str())
                .collect::<Vec<_>>(),
            ["P2"]
        );
        assert!(promoted(&after, &after).is_empty());
        // Someone registered directly is not "promoted".
        let after = vec![
            reg(1, Cancelled),
            reg(2, Waitlisted),
            reg(3, Waitlisted),
            reg(4, Registered),
        ];
        assert!(promoted(&before, &after).is_empty());
    }

    #[test]
    fn the_mix_counts_places_kept_for_each_group() {
        // 12 places, 30 % for newcomers: 4 places kept (rounded up).
        let line = mix_line(3, 8, Some(12), Some(30));
        assert_eq!(line.target_places, Some(4));
        assert_eq!(line.share, 38);
        assert!(!line.reached);
        assert!(mix_line(4, 8, Some(12), Some(30)).reached);
        // Without a capacity the target is a share of the participants.
        let line = mix_line(2, 8, None, Some(30));
        assert_eq!(
            (line.target_places, line.share, line.reached),
            (None, 25, false)
        );
        assert!(mix_line(3, 8, None, Some(30)).reached);
        // No target, no participants.
        let line = mix_line(0, 0, Some(10), None);
        assert_eq!(
            (line.share, line.reached, line.target_percent),
            (0, true, None)
        );
        assert_eq!(mix_line(0, 0, Some(10), Some(0)).target_percent, None);
    }

    #[test]
    fn every_state_is_listed_once() {
        for s in RegistrationStatus::ALL {
            assert_eq!(STATE_ORDER.iter().filter(|x| *x == s).count(), 1, "{s}");
        }
    }
}
