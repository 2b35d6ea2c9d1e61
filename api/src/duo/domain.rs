//! The life of a duo as a pure function: which moves are allowed and what each one does. The
//! service applies the effects in one transaction; nothing here touches a database.
//!
//! proposed → introduced → active ⇄ paused → ended; proposed or introduced → declined.

use shared::duo::{BlockReason, CandidacyStatus, DuoOutcome, DuoStatus, FollowUpKind};

use crate::duo::matching::health::FOLLOW_UPS;

/// What a move does besides setting the new status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// `introduced_at` is now.
    Introduced,
    /// `confirmed_at` is now: the trial meeting went well.
    Confirmed,
    /// `ended_at` is now, with the reason (and, for an end, the outcome).
    Closed {
        reason: Option<String>,
        outcome: Option<DuoOutcome>,
    },
    /// Why the duo is paused.
    Paused { reason: Option<String> },
    /// Both candidacies take this status: matched once confirmed, back in the pool after a
    /// refusal.
    Candidacies(CandidacyStatus),
    /// A follow-up call `days` after today, of a kind of `FOLLOW_UPS`.
    FollowUp { days: i64, kind: FollowUpKind },
    /// The pair is never proposed again.
    Block(BlockReason),
    /// The audit entry of the move, with each side's trial feedback when the decision was
    /// taken on it (leaving `introduced`).
    Audit { with_feedback: bool },
}

/// Why a move is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not a move of the life cycle (e.g. confirming without the trial meeting).
    NotAllowed,
}

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

/// The effects of moving a duo from `from` to `to`. The reason and the outcome are those of
/// the request, already checked (a refusal and an end need a reason, an end an outcome).
pub fn transition(
    from: DuoStatus,
    to: DuoStatus,
    reason: Option<String>,
    outcome: Option<DuoOutcome>,
) -> Result<Vec<Effect>, Refused> {
    if !can_transition(from, to) {
        return Err(Refused::NotAllowed);
    }
    let mut effects = match to {
        DuoStatus::Introduced => vec![Effect::Introduced],
        // Confirmation after the trial meeting; a resumption (from paused) changes nothing else.
        DuoStatus::Active if from == DuoStatus::Introduced => {
            let mut e = vec![
                Effect::Confirmed,
                Effect::Candidacies(CandidacyStatus::Matched),
            ];
            e.extend(
                FOLLOW_UPS
                    .iter()
                    .map(|&(days, kind)| Effect::FollowUp { days, kind }),
            );
            e
        }
        DuoStatus::Paused => vec![Effect::Paused { reason }],
        DuoStatus::Declined => vec![
            Effect::Closed {
                reason,
                outcome: None,
            },
            Effect::Candidacies(CandidacyStatus::Waiting),
            Effect::Block(BlockReason::Declined),
        ],
        DuoStatus::Ended => {
            let mut e = vec![Effect::Closed { reason, outcome }];
            if outcome == Some(DuoOutcome::Bad) {
                e.push(Effect::Block(BlockReason::EndedBadly));
            }
            e
        }
        _ => vec![],
    };
    effects.push(Effect::Audit {
        with_feedback: from == DuoStatus::Introduced,
    });
    Ok(effects)
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::duo::DuoStatus::*;

    const ALL: [DuoStatus; 6] = [Proposed, Introduced, Active, Paused, Ended, Declined];

    fn effects(from: DuoStatus, to: DuoStatus) -> Vec<Effect> {
        transition(from, to, Some("why".into()), Some(DuoOutcome::Good)).expect("allowed")
    }

    #[test]
    fn only_the_documented_path_is_allowed() {
        let allowed: Vec<_> = ALL
            .iter()
            .flat_map(|&a| ALL.iter().map(move |&b| (a, b)))
            .filter(|&(a, b)| transition(a, b, None, None).is_ok())
            .collect();
        assert_eq!(
            allowed,
            [
                (Proposed, Introduced),
                (Proposed, Declined),
                (Introduced, Active),
                (Introduced, Declined),
                (Active, Paused),
                (Active, Ended),
                (Paused, Active),
                (Paused, Ended),
            ]
        );
        for (a, b) in ALL.iter().flat_map(|&a| ALL.iter().map(move |&b| (a, b))) {
            assert_eq!(
                transition(a, b, None, None).is_err(),
                !allowed.contains(&(a, b)),
                "{a:?} → {b:?}"
            );
        }
        assert_eq!(
            transition(Proposed, Active, None, None),
            Err(Refused::NotAllowed),
            "confirmation needs the trial meeting"
        );
        assert!(transition(Ended, Active, None, None).is_err());
        assert!(transition(Declined, Proposed, None, None).is_err());
        assert!(transition(Active, Active, None, None).is_err());
    }

    #[test]
    fn introducing_dates_the_meeting() {
        assert_eq!(
            effects(Proposed, Introduced),
            [
                Effect::Introduced,
                Effect::Audit {
                    with_feedback: false
                }
            ]
        );
    }

    #[test]
    fn confirming_matches_the_candidacies_and_plans_three_calls() {
        use shared::duo::FollowUpKind::*;
        assert_eq!(
            effects(Introduced, Active),
            [
                Effect::Confirmed,
                Effect::Candidacies(CandidacyStatus::Matched),
                Effect::FollowUp {
                    days: 14,
                    kind: TwoWeeks
                },
                Effect::FollowUp {
                    days: 42,
                    kind: SixWeeks
                },
                Effect::FollowUp {
                    days: 91,
                    kind: ThreeMonths
                },
                Effect::Audit {
                    with_feedback: true
                },
            ]
        );
    }

    #[test]
    fn pausing_keeps_the_reason_and_resuming_changes_nothing_else() {
        assert_eq!(
            effects(Active, Paused),
            [
                Effect::Paused {
                    reason: Some("why".into())
                },
                Effect::Audit {
                    with_feedback: false
                }
            ]
        );
        assert_eq!(
            effects(Paused, Active),
            [Effect::Audit {
                with_feedback: false
            }]
        );
    }

    #[test]
    fn declining_returns_both_to_the_pool_and_blocks_the_pair() {
        for from in [Proposed, Introduced] {
            assert_eq!(
                transition(from, Declined, Some("no".into()), None),
                Ok(vec![
                    Effect::Closed {
                        reason: Some("no".into()),
                        outcome: None
                    },
                    Effect::Candidacies(CandidacyStatus::Waiting),
                    Effect::Block(BlockReason::Declined),
                    Effect::Audit {
                        with_feedback: from == Introduced
                    },
                ])
            );
        }
    }

    #[test]
    fn only_a_bad_end_blocks_the_pair() {
        let end = |outcome| transition(Active, Ended, Some("moved".into()), Some(outcome));
        assert_eq!(
            end(DuoOutcome::Good),
            Ok(vec![
                Effect::Closed {
                    reason: Some("moved".into()),
                    outcome: Some(DuoOutcome::Good)
                },
                Effect::Audit {
                    with_feedback: false
                },
            ])
        );
        assert_eq!(
            end(DuoOutcome::Bad),
            Ok(vec![
                Effect::Closed {
                    reason: Some("moved".into()),
                    outcome: Some(DuoOutcome::Bad)
                },
                Effect::Block(BlockReason::EndedBadly),
                Effect::Audit {
                    with_feedback: false
                },
            ])
        );
        assert!(transition(Paused, Ended, None, Some(DuoOutcome::Bad))
            .is_ok_and(|e| e.contains(&Effect::Block(BlockReason::EndedBadly))));
    }
}
