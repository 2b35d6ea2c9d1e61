//! The life of a duo: which transitions are allowed.

use shared::duo::DuoStatus;

/// Whether a duo may go from `from` to `to`.
pub fn can_transition(from: DuoStatus, to: DuoStatus) -> bool {
    use DuoStatus::*;
    matches!(
        (from, to),
        (Proposed, Introduced)
            | (Proposed, Declined)
            | (Introduced, Active)
            | (Introduced, Declined)
            | (Active, Paused)
            | (Active, Ended)
            | (Paused, Active)
            | (Paused, Ended)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::duo::DuoStatus::*;

    #[test]
    fn only_the_documented_path_is_allowed() {
        let all = [Proposed, Introduced, Active, Paused, Ended, Declined];
        let allowed: Vec<_> = all
            .iter()
            .flat_map(|&a| all.iter().map(move |&b| (a, b)))
            .filter(|&(a, b)| can_transition(a, b))
            .collect();
        assert_eq!(allowed.len(), 8);
        assert!(
            !can_transition(Proposed, Active),
            "confirmation needs the trial meeting"
        );
        assert!(!can_transition(Ended, Active));
        assert!(!can_transition(Declined, Proposed));
        assert!(can_transition(Paused, Active));
    }
}
