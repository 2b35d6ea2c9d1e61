use chrono::NaiveDate;
use shared::interlab::{MentorshipEndReason, MentorshipPatch, MentorshipStatus};

use super::*;

fn seeker() -> Seeker {
    Seeker {
        id: Uuid::from_u128(1),
        languages: vec!["ar".into(), "fr".into()],
        needs: vec![
            (NeedDomain::Financing, NeedPriority::High),
            (NeedDomain::Administration, NeedPriority::Medium),
            (NeedDomain::Digital, NeedPriority::Low),
        ],
        sector: Some(Uuid::from_u128(50)),
        place: Some(Place {
            name: "Liège".into(),
            lat: 50.6326,
            lon: 5.5797,
        }),
        mentors: vec![],
    }
}

fn mentor(n: u128) -> Candidate {
    Candidate {
        id: Uuid::from_u128(100 + n),
        active: true,
        languages: vec!["fr".into()],
        domains: vec![],
        sectors: vec![],
        capacity: 3,
        load: 0,
        conflicts: vec![],
        place: None,
        waiting_days: 0,
    }
}

#[test]
fn hard_constraints_leave_out_who_cannot_accompany() {
    let s = seeker();
    assert_eq!(check(&s, &mentor(1)), Ok(()));
    let inactive = Candidate {
        active: false,
        ..mentor(1)
    };
    assert_eq!(check(&s, &inactive), Err(Exclusion::Inactive));
    let full = Candidate {
        load: 3,
        ..mentor(1)
    };
    assert_eq!(check(&s, &full), Err(Exclusion::Full));
    let over = Candidate {
        load: 5,
        ..mentor(1)
    };
    assert_eq!(check(&s, &over), Err(Exclusion::Full));
    let conflict = Candidate {
        conflicts: vec![s.id],
        ..mentor(1)
    };
    assert_eq!(check(&s, &conflict), Err(Exclusion::ConflictOfInterest));
    let dutch = Candidate {
        languages: vec!["nl".into()],
        ..mentor(1)
    };
    assert_eq!(check(&s, &dutch), Err(Exclusion::NoSharedLanguage));
    let already = Seeker {
        mentors: vec![mentor(1).id],
        ..seeker()
    };
    assert_eq!(
        check(&already, &mentor(1)),
        Err(Exclusion::AlreadyAccompanying)
    );
    // No language recorded: the constraint cannot be checked and is left aside.
    let silent = Seeker {
        languages: vec![],
        ..seeker()
    };
    assert_eq!(check(&silent, &dutch), Ok(()));
}

#[test]
fn needs_weigh_by_priority_and_the_best_fit_comes_first() {
    let s = seeker();
    let finance = Candidate {
        domains: vec![NeedDomain::Financing],
        ..mentor(1)
    };
    let digital = Candidate {
        domains: vec![NeedDomain::Digital],
        ..mentor(2)
    };
    let both = Candidate {
        domains: vec![NeedDomain::Financing, NeedDomain::Administration],
        sectors: vec![Uuid::from_u128(50)],
        ..mentor(3)
    };
    let full = Candidate {
        domains: NeedDomain::ALL.to_vec(),
        load: 3,
        ..mentor(4)
    };
    assert!((score(&s, &finance).domains - 0.5).abs() < 1e-9);
    assert!(score(&s, &finance).total > score(&s, &digital).total);
    let (ranked, excluded) = suggest(&s, &[finance, digital, both, full], 10);
    assert_eq!(excluded, 1, "the full mentor is never suggested");
    let order: Vec<usize> = ranked.iter().map(|(i, _)| *i).collect();
    assert_eq!(order, vec![2, 0, 1]);
    let (top, _) = suggest(&s, &[mentor(1), mentor(2), mentor(3)], 2);
    assert_eq!(top.len(), 2, "top-k");
}

#[test]
fn nearness_and_waiting_count_and_are_explained() {
    let s = seeker();
    let near = Candidate {
        place: Some(Place {
            name: "Seraing".into(),
            lat: 50.5833,
            lon: 5.5,
        }),
        waiting_days: 45,
        domains: vec![NeedDomain::Financing],
        sectors: vec![Uuid::from_u128(50)],
        ..mentor(1)
    };
    let b = score(&s, &near);
    let km = b.km.expect("both communes known");
    assert!((5.0..10.0).contains(&km), "{km}");
    assert!(b.distance > 0.5 && b.waiting > 0.4);
    assert!(b.total > score(&s, &mentor(2)).total);
    let fr = explain(&s, &near, &b, Some("restauration"), Lang::Fr);
    let codes: Vec<SuggestionReasonCode> = fr.iter().map(|(c, _)| *c).collect();
    assert_eq!(
        codes,
        vec![
            SuggestionReasonCode::NeedDomains,
            SuggestionReasonCode::Sector,
            SuggestionReasonCode::SharedLanguage,
            SuggestionReasonCode::Distance,
            SuggestionReasonCode::Waiting,
            SuggestionReasonCode::CapacityLeft,
        ]
    );
    assert_eq!(fr[0].1, "peut aider pour : financement");
    assert_eq!(fr[1].1, "connaît le secteur restauration");
    let en = explain(&s, &near, &b, Some("catering"), Lang::En);
    assert_eq!(en[0].1, "can help with financing");
    assert!(en[3].1.ends_with("km apart"), "{}", en[3].1);
    let ar = explain(&s, &near, &b, None, Lang::Ar);
    assert!(ar.iter().all(|(c, _)| *c != SuggestionReasonCode::Sector));
}

fn fields() -> MentorFields {
    MentorFields {
        role: MentorRole::Mentor,
        organisation: Some("  ".into()),
        domains: vec![NeedDomain::Legal, NeedDomain::Accounting],
        sector_ids: vec![],
        languages: vec![" FR ".into(), "ar".into()],
        capacity: 2,
        availability: None,
        active: true,
        conflicts: vec![Uuid::from_u128(2), Uuid::from_u128(2)],
        account_id: None,
    }
}

#[test]
fn a_directory_entry_is_normalised_and_checked_field_by_field() {
    let f = check_mentor(fields()).expect("valid");
    assert_eq!(f.organisation, None);
    assert_eq!(f.languages, vec!["fr".to_owned(), "ar".to_owned()]);
    assert_eq!(f.domains, vec![NeedDomain::Legal, NeedDomain::Accounting]);
    assert_eq!(f.conflicts.len(), 1);
    let bad = MentorFields {
        capacity: 0,
        languages: vec!["français".into(), "fr".into(), "fr".into()],
        domains: vec![NeedDomain::Legal, NeedDomain::Legal],
        ..fields()
    };
    match check_mentor(bad).expect_err("refused") {
        ApiError::Validation(f) => {
            let names: Vec<&str> = f.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(
                names,
                vec!["capacity", "languages[0]", "languages[2]", "domains"]
            );
        }
        other => panic!("{other:?}"),
    }
    let none = MentorFields {
        languages: vec![],
        ..fields()
    };
    assert!(check_mentor(none).is_err());
    assert!(has_room(1, 2) && !has_room(2, 2) && !has_room(3, 2));
}

fn at(h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2027, 1, 10)
        .expect("valid")
        .and_hms_opt(h, 0, 0)
        .expect("valid")
}

fn proposed() -> Relation {
    Relation {
        status: MentorshipStatus::Proposed,
        entrepreneur_agreed_at: None,
        mentor_agreed_at: None,
        started_at: None,
        ended_at: None,
        end_reason: None,
        end_note: None,
        note: None,
    }
}

#[test]
fn a_relation_becomes_active_when_both_sides_agreed() {
    let activate = MentorshipPatch {
        status: Some(MentorshipStatus::Active),
        ..Default::default()
    };
    assert!(apply_patch(&proposed(), &activate, at(9)).is_err());
    let one = apply_patch(
        &proposed(),
        &MentorshipPatch {
            entrepreneur_agreed: Some(true),
            ..Default::default()
        },
        at(9),
    )
    .expect("valid");
    assert_eq!(one.entrepreneur_agreed_at, Some(at(9)));
    assert!(apply_patch(&one, &activate, at(10)).is_err());
    let both = apply_patch(
        &one,
        &MentorshipPatch {
            mentor_agreed: Some(true),
            status: Some(MentorshipStatus::Active),
            ..Default::default()
        },
        at(10),
    )
    .expect("valid");
    assert_eq!(both.status, MentorshipStatus::Active);
    assert_eq!(
        both.entrepreneur_agreed_at,
        Some(at(9)),
        "the first agreement keeps its date"
    );
    assert_eq!(both.started_at, Some(at(10)));
    // Back to proposed, or withdrawing an agreement of an active relation: refused.
    let back = MentorshipPatch {
        status: Some(MentorshipStatus::Proposed),
        ..Default::default()
    };
    assert!(apply_patch(&both, &back, at(11)).is_err());
    let withdraw = MentorshipPatch {
        mentor_agreed: Some(false),
        ..Default::default()
    };
    assert!(apply_patch(&both, &withdraw, at(11)).is_err());
}

#[test]
fn a_relation_ends_with_a_reason_and_then_stays_ended() {
    let end = MentorshipPatch {
        status: Some(MentorshipStatus::Ended),
        ..Default::default()
    };
    assert!(
        apply_patch(&proposed(), &end, at(9)).is_err(),
        "a reason is required"
    );
    let declined = apply_patch(
        &proposed(),
        &MentorshipPatch {
            end_reason: Some(MentorshipEndReason::Declined),
            end_note: Some("Préfère une mentore arabophone".into()),
            ..end.clone()
        },
        at(9),
    )
    .expect("valid");
    assert_eq!(declined.status, MentorshipStatus::Ended);
    assert_eq!(declined.ended_at, Some(at(9)));
    let again = MentorshipPatch {
        entrepreneur_agreed: Some(true),
        ..Default::default()
    };
    assert!(matches!(
        apply_patch(&declined, &again, at(10)),
        Err(ApiError::Conflict { .. })
    ));
    // Its note may still be completed.
    let noted = apply_patch(
        &declined,
        &MentorshipPatch {
            note: Some("À recontacter en juin".into()),
            ..Default::default()
        },
        at(10),
    )
    .expect("valid");
    assert_eq!(noted.note.as_deref(), Some("À recontacter en juin"));
    // A reason without ending is a mistake.
    let stray = MentorshipPatch {
        end_reason: Some(MentorshipEndReason::Other),
        ..Default::default()
    };
    assert!(apply_patch(&proposed(), &stray, at(9)).is_err());
}
