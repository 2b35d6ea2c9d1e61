use shared::Lang;

use super::assignment::{max_weight_matching, Weights as Matrix};
use super::pool::{batch, suggestions, Unmatched};
use super::score::{
    assignment_weight, check, explain, score, Blocked, Exclusion, Side, Travel, Weights,
};
use super::synthetic::{profiles, world};

#[test]
fn batches_never_violate_a_hard_constraint() {
    let w = world(40);
    let weights = Weights::default();
    for seed in 0..40u64 {
        let n = profiles(seed, Side::Newcomer, 10 + (seed as usize % 15), &w);
        let l = profiles(seed + 1000, Side::Local, 8 + (seed as usize % 20), &w);
        let mut blocked = Blocked::default();
        blocked.insert(n[0].id, l[0].id);
        let b = batch(&n, &l, &[], &w, &weights, &blocked);
        let mut seen_n = std::collections::HashSet::new();
        let mut seen_l = std::collections::HashSet::new();
        for p in &b.pairs {
            assert!(
                check(&n[p.newcomer], &l[p.local], &w, &blocked).is_ok(),
                "seed {seed}"
            );
            assert!(
                p.breakdown.total >= weights.threshold,
                "seed {seed}: below threshold"
            );
            assert!(
                seen_n.insert(p.newcomer) && seen_l.insert(p.local),
                "seed {seed}: reused"
            );
        }
        assert_eq!(b.pairs.len() + b.unmatched_newcomers.len(), n.len());
        assert_eq!(b.pairs.len() + b.unmatched_locals.len(), l.len());
    }
}

#[test]
fn batch_total_equals_brute_force_on_small_pools() {
    let w = world(20);
    let weights = Weights {
        threshold: 0.0,
        ..Weights::default()
    };
    for seed in 0..60u64 {
        let n = profiles(seed, Side::Newcomer, 1 + (seed as usize % 8), &w);
        let l = profiles(seed + 77, Side::Local, 1 + ((seed as usize * 3) % 8), &w);
        let blocked = Blocked::default();
        let b = batch(&n, &l, &[], &w, &weights, &blocked);
        let mut m = Matrix::new(n.len(), l.len());
        for (i, a) in n.iter().enumerate() {
            for (j, c) in l.iter().enumerate() {
                if check(a, c, &w, &blocked).is_ok() {
                    m.set(
                        i,
                        j,
                        assignment_weight(score(a, c, &w, &weights).total).max(1),
                    );
                }
            }
        }
        let best = brute(&m, 0, &mut vec![false; l.len()]);
        let got: i64 = b
            .pairs
            .iter()
            .map(|p| assignment_weight(p.breakdown.total).max(1))
            .sum();
        assert_eq!(got, best, "seed {seed}");
        assert_eq!(max_weight_matching(&m).len(), b.pairs.len());
    }
}

fn brute(m: &Matrix, r: usize, used: &mut Vec<bool>) -> i64 {
    if r == m.rows {
        return 0;
    }
    let mut best = brute(m, r + 1, used);
    for c in 0..m.cols {
        if !used[c] && m.get(r, c) > 0 {
            used[c] = true;
            best = best.max(m.get(r, c) + brute(m, r + 1, used));
            used[c] = false;
        }
    }
    best
}

#[test]
fn pinned_pairs_are_kept_and_others_avoid_them() {
    let w = world(20);
    let n = profiles(5, Side::Newcomer, 6, &w);
    let l = profiles(6, Side::Local, 6, &w);
    let b = batch(
        &n,
        &l,
        &[(2, 3)],
        &w,
        &Weights::default(),
        &Blocked::default(),
    );
    assert!(b
        .pairs
        .iter()
        .any(|p| p.pinned && p.newcomer == 2 && p.local == 3));
    assert_eq!(
        b.pairs
            .iter()
            .filter(|p| p.newcomer == 2 || p.local == 3)
            .count(),
        1
    );
}

#[test]
fn hard_constraints_exclude_the_right_pairs() {
    let w = world(10);
    let mut a = profiles(1, Side::Newcomer, 1, &w).remove(0);
    let mut b = profiles(2, Side::Local, 1, &w).remove(0);
    a.slots = 0b1;
    b.slots = 0b1;
    a.travel = Travel::Anywhere;
    b.travel = Travel::Anywhere;
    a.partner_gender = None;
    b.partner_gender = None;
    let none = Blocked::default();
    assert_eq!(check(&a, &b, &w, &none), Ok(()));
    assert_eq!(check(&a, &a.clone(), &w, &none), Err(Exclusion::SameSide));
    b.slots = 0b10;
    assert_eq!(check(&a, &b, &w, &none), Err(Exclusion::NoCommonSlot));
    b.slots = 0b1;
    a.commune = Some(0); // Liège
    b.commune = Some(20); // Verviers, far away
    a.travel = Travel::Neighbours;
    assert_eq!(check(&a, &b, &w, &none), Err(Exclusion::TooFar));
    a.travel = Travel::Anywhere;
    a.partner_gender = Some(super::score::Gender::Woman);
    b.gender = Some(super::score::Gender::Man);
    assert_eq!(check(&a, &b, &w, &none), Err(Exclusion::PreferenceNotMet));
    a.partner_gender = None;
    let mut blocked = Blocked::default();
    blocked.insert(b.id, a.id);
    assert_eq!(check(&a, &b, &w, &blocked), Err(Exclusion::Blocked));
}

#[test]
fn explanations_follow_the_breakdown() {
    let mut w = world(10);
    w.tags[3].labels = [
        "Cuisine".into(),
        "Cooking".into(),
        "Koken".into(),
        "الطبخ".into(),
    ];
    w.tags[4].labels = [
        "Football".into(),
        "Football".into(),
        "Voetbal".into(),
        "كرة القدم".into(),
    ];
    let mut a = profiles(1, Side::Newcomer, 1, &w).remove(0);
    let mut b = profiles(2, Side::Local, 1, &w).remove(0);
    a.name = "Amina".into();
    b.name = "Marc".into();
    a.tags = vec![3, 4];
    b.tags = vec![3, 4, 7];
    a.slots = 1 << (5 * 3 + 1); // Saturday afternoon
    b.slots = a.slots;
    a.commune = Some(0);
    b.commune = Some(5); // Saint-Nicolas, a few km away
    a.wants_french_practice = true;
    a.languages = vec![("ar".into(), shared::people::LanguageLevel::Native)];
    b.languages
        .push(("ar".into(), shared::people::LanguageLevel::Intermediate));
    let br = score(&a, &b, &w, &Weights::default());
    assert!(br.interests > 0.0 && br.availability > 0.0 && br.language > 0.5);
    let en = explain(&a, &b, &w, Lang::En).join("; ");
    // Rarer passions come first.
    assert!(en.contains("both love football and cooking"), "{en}");
    assert!(en.contains("Saturday afternoon"), "{en}");
    assert!(en.contains("km apart"), "{en}");
    assert!(en.contains("Amina wants to practise French"), "{en}");
    assert!(en.contains("Marc speaks Arabic"), "{en}");
    let fr = explain(&a, &b, &w, Lang::Fr).join("; ");
    assert!(
        fr.contains("football et cuisine") && fr.contains("samedi après-midi"),
        "{fr}"
    );
    let ar = explain(&a, &b, &w, Lang::Ar).join("; ");
    assert!(ar.contains("الطبخ"), "{ar}");
    // No shared interest: no sentence about interests.
    b.tags = vec![9];
    assert!(!explain(&a, &b, &w, Lang::En).join(" ").contains("love"));
}

#[test]
fn suggestions_are_ranked_and_compatible() {
    let w = world(30);
    let n = profiles(9, Side::Newcomer, 1, &w);
    let pool = profiles(10, Side::Local, 50, &w);
    let s = suggestions(
        &n[0],
        &pool,
        &w,
        &Weights::default(),
        &Blocked::default(),
        5,
    );
    assert!(s.len() <= 5);
    for pair in s.windows(2) {
        assert!(pair[0].breakdown.total >= pair[1].breakdown.total);
    }
    for x in &s {
        assert!(check(&n[0], &pool[x.other], &w, &Blocked::default()).is_ok());
    }
}

#[test]
fn unmatched_people_get_a_reason() {
    let w = world(10);
    let mut n = profiles(3, Side::Newcomer, 2, &w);
    let l = profiles(4, Side::Local, 1, &w);
    n[0].slots = 0; // nobody can meet them
    let b = batch(&n, &l, &[], &w, &Weights::default(), &Blocked::default());
    assert!(b
        .unmatched_newcomers
        .iter()
        .any(|(i, r)| *i == 0 && *r == Unmatched::NoCompatiblePartner(Exclusion::NoCommonSlot)));
}
