//! Demo Duo2Change data: the pool, proposals, and running duos with their check-ins.

use chrono::Duration;
use diesel::prelude::*;
use uuid::Uuid;

use crate::accounts::store::UserRow;
use crate::db::schema;
use crate::db::DbConnection;

use super::DemoPerson;

/// A Duo2Change pool (about 20 waiting on each side), a few proposals, active duos with
/// check-ins, one of which needs attention.
pub(super) fn load_duos(conn: &mut DbConnection, people: &[DemoPerson]) -> anyhow::Result<()> {
    use crate::duo::store::{CandidacyRow, CheckInRow, DuoRow, FollowUpRow};
    use shared::duo::{
        AssessmentPhase, CandidacyStatus, ContinueWish, DuoStatus, Hope, Reporter, TravelRange,
    };
    use shared::people::Category;
    let communes: std::collections::HashMap<String, String> = schema::communes::table
        .select((schema::communes::name, schema::communes::id))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    let coordinator = UserRow::find_by_email(conn, "coordinator@demo.interra.be")?.map(|u| u.id);
    let now = crate::db::now();
    let newcomers: Vec<&DemoPerson> = people.iter().filter(|p| p.1).take(26).collect();
    let locals: Vec<&DemoPerson> = people.iter().filter(|p| !p.1).take(26).collect();
    let hopes_all = [
        Hope::Conversation,
        Hope::Outings,
        Hope::Sport,
        Hope::Culture,
        Hope::DailyLife,
    ];
    let mut candidacies: Vec<Vec<String>> = vec![vec![], vec![]];
    for (side, list) in [(0usize, &newcomers), (1, &locals)] {
        for (i, (person_id, newcomer, commune)) in list.iter().enumerate() {
            let hopes: Vec<Hope> = hopes_all
                .iter()
                .enumerate()
                .filter(|(k, _)| (i + k) % 3 != 0)
                .map(|(_, h)| *h)
                .collect();
            let row = CandidacyRow {
                id: Uuid::now_v7().to_string(),
                person_id: person_id.clone(),
                side: if *newcomer {
                    Category::Newcomer
                } else {
                    Category::Local
                },
                status: CandidacyStatus::Waiting,
                waiting_since: now - Duration::days(((i * 23) % 200) as i64 + 3),
                commune_id: communes.get(*commune).cloned(),
                travel: [
                    TravelRange::Neighbours,
                    TravelRange::Anywhere,
                    TravelRange::Neighbours,
                    TravelRange::SameCommune,
                ][i % 4],
                gender: None,
                partner_gender: None,
                partner_age_min: None,
                partner_age_max: None,
                hopes: CandidacyRow::hopes_column(&hopes),
                wants_french_practice: *newcomer && i % 5 != 4,
                remarks: (i % 7 == 0).then(|| "Préfère se rencontrer en journée.".to_owned()),
                created_at: now,
                updated_at: now,
            };
            row.insert(conn)?;
            candidacies[side].push(row.id);
        }
    }
    // Three proposals (two of them introduced, with trial-meeting feedback) and three active
    // duos (the last one needs attention).
    for k in 0..6usize {
        let (n, l) = (&candidacies[0][k], &candidacies[1][k]);
        let active = k >= 3;
        let confirmed = now - Duration::days(40 + k as i64 * 5);
        let duo = DuoRow {
            id: Uuid::now_v7().to_string(),
            newcomer_id: newcomers[k].0.clone(),
            local_id: locals[k].0.clone(),
            newcomer_candidacy_id: Some(n.clone()),
            local_candidacy_id: Some(l.clone()),
            status: if active {
                DuoStatus::Active
            } else if k == 1 || k == 2 {
                DuoStatus::Introduced
            } else {
                DuoStatus::Proposed
            },
            score: Some(60.0 + k as f64),
            explanation: None,
            settings_version: Some(1),
            pinned: false,
            proposed_at: confirmed - Duration::days(10),
            introduced_at: (active || k == 1 || k == 2).then(|| confirmed - Duration::days(5)),
            confirmed_at: active.then_some(confirmed),
            ended_at: None,
            reason: None,
            outcome: None,
            created_by: coordinator.clone(),
            updated_at: now,
            pause_reason: None,
        };
        duo.insert(conn)?;
        for c in [n, l] {
            let status = if active {
                CandidacyStatus::Matched
            } else {
                CandidacyStatus::Proposed
            };
            CandidacyRow::set_status(conn, c, status)?;
        }
        // After the trial meeting: both want to continue (ready to confirm), or one hesitates.
        let feedback: &[(Category, ContinueWish, i32, Option<&str>)] = match k {
            1 => &[
                (
                    Category::Newcomer,
                    ContinueWish::Yes,
                    5,
                    Some("Très contente, ils ont parlé de cuisine pendant deux heures."),
                ),
                (Category::Local, ContinueWish::Yes, 4, None),
            ],
            2 => &[
                (Category::Newcomer, ContinueWish::Yes, 4, None),
                (
                    Category::Local,
                    ContinueWish::Unsure,
                    3,
                    Some("Préférerait se voir le week-end ; à rappeler."),
                ),
            ],
            _ => &[],
        };
        for (side, wish, rating, notes) in feedback {
            let given = confirmed - Duration::days(3);
            crate::duo::store::feedback::FeedbackRow {
                id: Uuid::now_v7().to_string(),
                duo_id: duo.id.clone(),
                person_id: if *side == Category::Newcomer {
                    duo.newcomer_id.clone()
                } else {
                    duo.local_id.clone()
                },
                side: *side,
                wants_to_continue: *wish,
                rating: *rating,
                notes: notes.map(str::to_owned),
                given_on: given.date(),
                recorded_by: coordinator.clone(),
                created_at: given,
                updated_at: given,
            }
            .insert(conn)?;
        }
        // Self-assessments: at the start for every duo that has met; at the end for the two
        // that have been meeting longest without trouble.
        if k >= 1 {
            let k = k as i32;
            let start = confirmed - Duration::days(4);
            let mut assess = |side: Category,
                              phase: AssessmentPhase,
                              on: chrono::NaiveDateTime,
                              learnt: Option<&str>| {
                let newcomer = side == Category::Newcomer;
                let after = phase == AssessmentPhase::After;
                crate::duo::store::assessments::AssessmentRow {
                    id: Uuid::now_v7().to_string(),
                    duo_id: duo.id.clone(),
                    person_id: if newcomer {
                        duo.newcomer_id.clone()
                    } else {
                        duo.local_id.clone()
                    },
                    side,
                    phase,
                    assessed_on: on.date(),
                    french_confidence: newcomer.then_some(1 + k % 3 + if after { 2 } else { 0 }),
                    help_contacts: newcomer.then_some(k % 3 + if after { 3 } else { 0 }),
                    intercultural_understanding: (!newcomer)
                        .then_some(2 + k % 2 + i32::from(after)),
                    learnt: learnt.map(str::to_owned),
                    recorded_by: coordinator.clone(),
                    created_at: on,
                    updated_at: on,
                }
                .insert(conn)
            };
            assess(Category::Newcomer, AssessmentPhase::Before, start, None)?;
            assess(Category::Local, AssessmentPhase::Before, start, None)?;
            if k == 3 || k == 4 {
                let yesterday = now - Duration::days(1);
                assess(Category::Newcomer, AssessmentPhase::After, yesterday, None)?;
                assess(
                    Category::Local,
                    AssessmentPhase::After,
                    yesterday,
                    Some("Ce que l'exil veut dire au quotidien, et quelques mots de dari."),
                )?;
            }
        }
        if active {
            let needs_attention = k == 5;
            // Weekly meetings up to last week; the duo needing attention stopped after two.
            let weeks = (now - confirmed).num_days() / 7;
            let meetings = if needs_attention { 2 } else { weeks };
            for m in 0..meetings {
                let met_on = (confirmed + Duration::days(3 + 7 * m)).date();
                CheckInRow {
                    id: Uuid::now_v7().to_string(),
                    duo_id: duo.id.clone(),
                    met_on,
                    activity: [
                        "Café et conversation",
                        "Promenade sur les coteaux",
                        "Visite du musée de la Boverie",
                        "Marché de la Batte",
                    ][m as usize % 4]
                        .into(),
                    duration_minutes: Some(90),
                    reported_by: if m % 2 == 0 {
                        Reporter::Newcomer
                    } else {
                        Reporter::Local
                    },
                    satisfaction_newcomer: Some(if needs_attention {
                        2
                    } else {
                        4 + (m % 2) as i32
                    }),
                    satisfaction_local: Some(if needs_attention { 3 } else { 4 }),
                    notes: None,
                    created_by: coordinator.clone(),
                    created_at: now,
                }
                .insert(conn)?;
            }
            for (days, kind) in crate::duo::matching::health::FOLLOW_UPS {
                let due = (confirmed + Duration::days(days)).date();
                let done = !needs_attention && due < now.date();
                FollowUpRow {
                    id: Uuid::now_v7().to_string(),
                    duo_id: duo.id.clone(),
                    due_on: due,
                    kind,
                    // The healthy duos had their calls; the one needing attention did not.
                    done_at: done.then_some(now),
                    notes: None,
                    done_on: done.then_some(due + Duration::days(1)),
                    done_by: done.then(|| coordinator.clone()).flatten(),
                    done_notes: done.then(|| {
                        "Appel fait : tout se passe bien, rencontres chaque semaine.".to_owned()
                    }),
                    created_by: None,
                }
                .insert(conn)?;
            }
        }
    }
    Ok(())
}
