//! Self-assessments at the start (`before`) and at the end (`after`) of a duo, and their
//! aggregate for the reports. The newcomer rates their confidence speaking French and counts
//! the people they can ask for help; the local rates their intercultural understanding and,
//! at the end, says what they learnt. Staff record them on the person's behalf.

use std::collections::HashMap;

use serde_json::json;
use shared::duo::{
    AssessmentPhase, AssessmentSummary, DuoStatus, MeasureSummary, PhaseFigure, SelfAssessment,
    SelfAssessmentInput,
};
use shared::people::Category;
use uuid::Uuid;

use super::{today, unique, visible_duo, Acting};
use crate::audit::audit_event as record;
use crate::audit::AuditAction;
use crate::db::stored_id as uuid;
use crate::db::{lock_rows, write_transaction, Db};
use crate::duo::store::assessments::{AssessmentRow, Figures};
use crate::duo::store::feedback::staff_names;
use crate::duo::store::DuoRow;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::optional_text;

/// Averages over fewer answers than this are withheld, so that nobody can be singled out.
pub const MIN_GROUP_SIZE: u32 = 5;

/// Most people someone could count on for help that we record (beyond is a typing error).
const MAX_HELP_CONTACTS: i32 = 100;

fn view(r: &AssessmentRow, staff: &HashMap<String, String>) -> Result<SelfAssessment, ApiError> {
    Ok(SelfAssessment {
        id: uuid(&r.id)?,
        duo_id: uuid(&r.duo_id)?,
        person_id: uuid(&r.person_id)?,
        side: r.side,
        phase: r.phase,
        assessed_on: r.assessed_on,
        french_confidence: r.french_confidence,
        help_contacts: r.help_contacts,
        intercultural_understanding: r.intercultural_understanding,
        learnt: r.learnt.clone(),
        recorded_by: r.recorded_by.as_deref().map(uuid).transpose()?,
        recorded_by_name: r.recorded_by.as_ref().and_then(|u| staff.get(u).cloned()),
        created_at: r.created_at.and_utc(),
        updated_at: r.updated_at.and_utc(),
    })
}

/// The duo states in which a phase can be recorded: the start once the two have met (late
/// entries from a paper form included), the end once the duo has been running.
fn phase_open(phase: AssessmentPhase, duo_status: DuoStatus) -> bool {
    use DuoStatus::*;
    match phase {
        AssessmentPhase::Before => matches!(duo_status, Introduced | Active | Paused | Ended),
        AssessmentPhase::After => matches!(duo_status, Active | Paused | Ended),
    }
}

/// The checked figures of an assessment.
#[derive(Debug)]
struct Checked {
    french_confidence: Option<i32>,
    help_contacts: Option<i32>,
    intercultural_understanding: Option<i32>,
    learnt: Option<String>,
}

/// Field-level checks: each side answers its own questions, and only those.
fn check(a: &SelfAssessmentInput) -> Result<Checked, ApiError> {
    let mut v = Validator::new();
    let scale = |v: &mut Validator, field: &str, value: Option<i32>| match value {
        None => {
            v.add(field, Msg::Required);
            None
        }
        Some(x) if !(1..=5).contains(&x) => {
            v.add(field, Msg::Between(1, 5));
            None
        }
        Some(x) => Some(x),
    };
    let learnt = v
        .check("learnt", optional_text(a.learnt.as_deref(), 2000))
        .flatten();
    let checked = match a.side {
        Category::Newcomer => {
            let french_confidence = scale(&mut v, "french_confidence", a.french_confidence);
            let help_contacts = match a.help_contacts {
                None => {
                    v.add("help_contacts", Msg::Required);
                    None
                }
                Some(n) if !(0..=MAX_HELP_CONTACTS).contains(&n) => {
                    v.add("help_contacts", Msg::Between(0, MAX_HELP_CONTACTS.into()));
                    None
                }
                Some(n) => Some(n),
            };
            if a.intercultural_understanding.is_some() {
                v.add("intercultural_understanding", Msg::NotForThisSide);
            }
            if learnt.is_some() {
                v.add("learnt", Msg::NotForThisSide);
            }
            Checked {
                french_confidence,
                help_contacts,
                intercultural_understanding: None,
                learnt: None,
            }
        }
        Category::Local => {
            let understanding = scale(
                &mut v,
                "intercultural_understanding",
                a.intercultural_understanding,
            );
            for (field, given) in [
                ("french_confidence", a.french_confidence.is_some()),
                ("help_contacts", a.help_contacts.is_some()),
            ] {
                if given {
                    v.add(field, Msg::NotForThisSide);
                }
            }
            if learnt.is_some() && a.phase == AssessmentPhase::Before {
                v.add("learnt", Msg::OnlyAtTheEnd);
            }
            Checked {
                french_confidence: None,
                help_contacts: None,
                intercultural_understanding: understanding,
                learnt,
            }
        }
    };
    if a.assessed_on.is_some_and(|d| d > today()) {
        v.add("assessed_on", Msg::DateInFuture);
    }
    v.finish()?;
    Ok(checked)
}

/// A duo's self-assessments: before, then after; newcomer first (coaches: duos of the people
/// they accompany).
pub async fn list(
    db: &Db,
    coach: Option<String>,
    id: Uuid,
) -> Result<Vec<SelfAssessment>, ApiError> {
    db.run(move |conn| {
        let d = visible_duo(conn, coach.as_deref(), id)?;
        let rows = AssessmentRow::for_duo(conn, &d.id)?;
        let staff = staff_names(
            conn,
            &unique(rows.iter().filter_map(|r| r.recorded_by.clone())),
        )?;
        rows.iter().map(|r| view(r, &staff)).collect()
    })
    .await
}

/// Records one person's self-assessment for a phase, on their behalf; recording a phase again
/// for the same person replaces it. True when created.
pub async fn record_assessment(
    db: &Db,
    acting: &Acting,
    id: Uuid,
    a: SelfAssessmentInput,
) -> Result<(SelfAssessment, bool), ApiError> {
    let id = id.to_string();
    let c = check(&a)?;
    let assessed_on = a.assessed_on.unwrap_or_else(today);
    let (actor, by) = (acting.actor.clone(), acting.by());
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            lock_rows(conn, "SELECT id FROM duos WHERE id = $1 FOR UPDATE", &id)?;
            let d = DuoRow::get(conn, &id)?;
            if !phase_open(a.phase, d.status) {
                return Err(ApiError::Conflict {
                    msg: match a.phase {
                        AssessmentPhase::Before => Msg::AssessmentBeforeNotOpen,
                        AssessmentPhase::After => Msg::AssessmentAfterNotOpen,
                    },
                    field: Some("phase"),
                });
            }
            let person = match a.side {
                Category::Newcomer => d.newcomer_id.clone(),
                Category::Local => d.local_id.clone(),
            };
            let now = crate::db::now();
            let found = AssessmentRow::find(conn, &d.id, a.side, a.phase)?;
            let created = found.is_none();
            let row = AssessmentRow {
                id: found
                    .as_ref()
                    .map(|f| f.id.clone())
                    .unwrap_or_else(|| Uuid::now_v7().to_string()),
                duo_id: d.id.clone(),
                person_id: person.clone(),
                side: a.side,
                phase: a.phase,
                assessed_on,
                french_confidence: c.french_confidence,
                help_contacts: c.help_contacts,
                intercultural_understanding: c.intercultural_understanding,
                learnt: c.learnt,
                recorded_by: by.clone(),
                created_at: found.as_ref().map(|f| f.created_at).unwrap_or(now),
                updated_at: now,
            };
            if created {
                row.insert(conn)?;
            } else {
                row.save(conn)?;
            }
            crate::people::store::touch(conn, &person)?;
            record(
                conn,
                &actor,
                AuditAction::DuoAssessmentRecorded,
                "duo",
                &d.id,
                json!({ "side": row.side, "phase": row.phase, "replaced": !created }),
            )?;
            let staff = staff_names(conn, &by.into_iter().collect::<Vec<_>>())?;
            Ok((view(&row, &staff)?, created))
        })
    })
    .await
}

/// Average rounded to two decimals, withheld below [`MIN_GROUP_SIZE`] values.
fn average(values: &[f64]) -> Option<f64> {
    let n = u32::try_from(values.len()).unwrap_or(u32::MAX);
    (n >= MIN_GROUP_SIZE).then(|| {
        let mean = values.iter().sum::<f64>() / f64::from(n);
        (mean * 100.0).round() / 100.0
    })
}

fn phase_figure(values: &[f64]) -> PhaseFigure {
    PhaseFigure {
        count: u32::try_from(values.len()).unwrap_or(u32::MAX),
        average: average(values),
    }
}

/// One measure before and after, and the change of those who answered both (same duo, same
/// side).
fn measure(
    rows: &[Figures],
    side: Category,
    pick: impl Fn(&Figures) -> Option<i32>,
) -> MeasureSummary {
    let mut before: HashMap<&str, f64> = HashMap::new();
    let mut after: HashMap<&str, f64> = HashMap::new();
    for r in rows.iter().filter(|r| r.1 == side) {
        if let Some(v) = pick(r) {
            let phase = if r.2 == AssessmentPhase::Before {
                &mut before
            } else {
                &mut after
            };
            phase.insert(r.0.as_str(), f64::from(v));
        }
    }
    let changes: Vec<f64> = after
        .iter()
        .filter_map(|(duo, a)| before.get(duo).map(|b| a - b))
        .collect();
    let values = |m: &HashMap<&str, f64>| m.values().copied().collect::<Vec<f64>>();
    MeasureSummary {
        before: phase_figure(&values(&before)),
        after: phase_figure(&values(&after)),
        paired: u32::try_from(changes.len()).unwrap_or(u32::MAX),
        average_change: average(&changes),
    }
}

/// The self-assessments in aggregate, for the reports: how many answered before and after,
/// the averages, and the average change of those who answered both. Never per person; an
/// average over fewer than five answers is withheld.
pub async fn summary(db: &Db) -> Result<AssessmentSummary, ApiError> {
    let rows = db.run(|conn| Ok(AssessmentRow::figures(conn)?)).await?;
    Ok(AssessmentSummary {
        french_confidence: measure(&rows, Category::Newcomer, |r| r.3),
        help_contacts: measure(&rows, Category::Newcomer, |r| r.4),
        intercultural_understanding: measure(&rows, Category::Local, |r| r.5),
        min_group_size: MIN_GROUP_SIZE,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use AssessmentPhase::{After, Before};
    use Category::{Local, Newcomer};

    fn row(
        duo: &str,
        side: Category,
        phase: AssessmentPhase,
        fc: Option<i32>,
        iu: Option<i32>,
    ) -> Figures {
        (duo.into(), side, phase, fc, fc.map(|x| x * 2), iu)
    }

    #[test]
    fn averages_are_withheld_below_the_group_size_and_changes_are_paired() {
        let mut rows: Vec<Figures> = (0..5)
            .map(|i| row(&format!("d{i}"), Newcomer, Before, Some(2), None))
            .collect();
        // Four of them answered at the end, one more only at the end.
        rows.extend((0..4).map(|i| row(&format!("d{i}"), Newcomer, After, Some(4), None)));
        rows.push(row("d9", Newcomer, After, Some(5), None));
        rows.push(row("d0", Local, Before, None, Some(3)));
        let s = measure(&rows, Newcomer, |r| r.3);
        assert_eq!(s.before.count, 5);
        assert_eq!(s.before.average, Some(2.0));
        assert_eq!(s.after.count, 5);
        assert_eq!(s.after.average, Some(4.2));
        assert_eq!(s.paired, 4);
        assert_eq!(s.average_change, None, "four pairs: withheld");
        let l = measure(&rows, Local, |r| r.5);
        assert_eq!((l.before.count, l.before.average), (1, None));
        rows.push(row("d4", Newcomer, After, Some(3), None));
        let s = measure(&rows, Newcomer, |r| r.3);
        assert_eq!(s.paired, 5);
        assert_eq!(s.average_change, Some(1.8));
    }

    #[test]
    fn each_side_answers_its_own_questions() {
        let newcomer = SelfAssessmentInput {
            side: Category::Newcomer,
            phase: AssessmentPhase::Before,
            assessed_on: None,
            french_confidence: Some(3),
            help_contacts: Some(2),
            intercultural_understanding: None,
            learnt: None,
        };
        assert!(check(&newcomer).is_ok());
        let fields = |input: &SelfAssessmentInput| match check(input) {
            Err(ApiError::Validation(errors)) => {
                errors.into_iter().map(|(f, _)| f).collect::<Vec<_>>()
            }
            other => panic!("{other:?}"),
        };
        assert_eq!(
            fields(&SelfAssessmentInput {
                french_confidence: None,
                help_contacts: Some(-1),
                intercultural_understanding: Some(3),
                ..newcomer.clone()
            }),
            [
                "french_confidence",
                "help_contacts",
                "intercultural_understanding"
            ]
        );
        let local = SelfAssessmentInput {
            side: Category::Local,
            intercultural_understanding: Some(4),
            french_confidence: None,
            help_contacts: None,
            learnt: Some("Le ramadan vu de l'intérieur".into()),
            phase: AssessmentPhase::After,
            ..newcomer.clone()
        };
        assert!(check(&local).is_ok());
        assert_eq!(
            fields(&SelfAssessmentInput {
                phase: AssessmentPhase::Before,
                ..local.clone()
            }),
            ["learnt"]
        );
        assert!(!phase_open(AssessmentPhase::After, DuoStatus::Introduced));
        assert!(phase_open(AssessmentPhase::Before, DuoStatus::Introduced));
        assert!(!phase_open(AssessmentPhase::Before, DuoStatus::Declined));
        assert!(phase_open(AssessmentPhase::After, DuoStatus::Ended));
    }
}
