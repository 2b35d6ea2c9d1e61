//! How a duo is doing: meetings against the expected weekly rhythm, satisfaction trend and
//! overdue follow-up calls.

use chrono::NaiveDate;
use shared::duo::{DuoHealth, FollowUpKind, HealthLevel};
use shared::Lang;

/// One reported meeting: its date and the average satisfaction given (1–5), if any.
#[derive(Debug, Clone, Copy)]
pub struct Meeting {
    pub on: NaiveDate,
    pub satisfaction: Option<f64>,
}

/// Default follow-up calls after confirmation (days): 2 weeks, 6 weeks, 3 months.
pub const FOLLOW_UPS: [(i64, FollowUpKind); 3] = [
    (14, FollowUpKind::TwoWeeks),
    (42, FollowUpKind::SixWeeks),
    (91, FollowUpKind::ThreeMonths),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    NoMeetingYet,
    FewMeetings(u32),
    LongSilence(i64),
    SatisfactionDrop,
    LowSatisfaction,
    OverdueFollowUp(NaiveDate),
}

impl Reason {
    fn text(self, lang: Lang) -> String {
        match (self, lang) {
            (Reason::NoMeetingYet, Lang::Fr) => {
                "aucune rencontre signalée depuis la confirmation".into()
            }
            (Reason::NoMeetingYet, Lang::En) => "no meeting reported since confirmation".into(),
            (Reason::NoMeetingYet, Lang::Nl) => {
                "geen ontmoeting gemeld sinds de bevestiging".into()
            }
            (Reason::NoMeetingYet, Lang::Ar) => "لم يُسجَّل أي لقاء منذ التأكيد".into(),
            (Reason::FewMeetings(n), Lang::Fr) => {
                format!("{n} rencontre(s) en 4 semaines (environ 4 attendues)")
            }
            (Reason::FewMeetings(n), Lang::En) => {
                format!("{n} meeting(s) in 4 weeks (about 4 expected)")
            }
            (Reason::FewMeetings(n), Lang::Nl) => {
                format!("{n} ontmoeting(en) in 4 weken (ongeveer 4 verwacht)")
            }
            (Reason::FewMeetings(n), Lang::Ar) => format!("{n} لقاء خلال 4 أسابيع (المتوقع نحو 4)"),
            (Reason::LongSilence(d), Lang::Fr) => format!("dernière rencontre il y a {d} jours"),
            (Reason::LongSilence(d), Lang::En) => format!("last meeting {d} days ago"),
            (Reason::LongSilence(d), Lang::Nl) => format!("laatste ontmoeting {d} dagen geleden"),
            (Reason::LongSilence(d), Lang::Ar) => format!("آخر لقاء قبل {d} يومًا"),
            (Reason::SatisfactionDrop, Lang::Fr) => "la satisfaction baisse".into(),
            (Reason::SatisfactionDrop, Lang::En) => "satisfaction is dropping".into(),
            (Reason::SatisfactionDrop, Lang::Nl) => "de tevredenheid daalt".into(),
            (Reason::SatisfactionDrop, Lang::Ar) => "الرضا في تراجع".into(),
            (Reason::LowSatisfaction, Lang::Fr) => {
                "satisfaction basse aux dernières rencontres".into()
            }
            (Reason::LowSatisfaction, Lang::En) => "low satisfaction at the last meetings".into(),
            (Reason::LowSatisfaction, Lang::Nl) => {
                "lage tevredenheid bij de laatste ontmoetingen".into()
            }
            (Reason::LowSatisfaction, Lang::Ar) => "رضا منخفض في اللقاءات الأخيرة".into(),
            (Reason::OverdueFollowUp(d), Lang::Fr) => {
                format!("appel de suivi en retard (prévu le {d})")
            }
            (Reason::OverdueFollowUp(d), Lang::En) => format!("follow-up call overdue (due {d})"),
            (Reason::OverdueFollowUp(d), Lang::Nl) => {
                format!("opvolgingsgesprek te laat (gepland op {d})")
            }
            (Reason::OverdueFollowUp(d), Lang::Ar) => {
                format!("مكالمة المتابعة متأخرة (موعدها {d})")
            }
        }
    }
}

/// The health of an active duo confirmed on `confirmed_on`, as of `today`. `meetings` in any
/// order; `pending_follow_ups` are due dates of calls not yet done.
pub fn assess(
    confirmed_on: NaiveDate,
    today: NaiveDate,
    meetings: &[Meeting],
    pending_follow_ups: &[NaiveDate],
    lang: Lang,
) -> DuoHealth {
    let mut sorted: Vec<Meeting> = meetings.iter().copied().filter(|m| m.on <= today).collect();
    sorted.sort_by_key(|m| m.on);
    let since_confirmed = (today - confirmed_on).num_days();
    let last_4_weeks = sorted
        .iter()
        .filter(|m| (today - m.on).num_days() < 28)
        .count() as u32;
    let days_since_last = sorted.last().map(|m| (today - m.on).num_days());
    let rated: Vec<f64> = sorted.iter().filter_map(|m| m.satisfaction).collect();
    let trend = (rated.len() >= 4).then(|| {
        let (early, late) = rated.split_at(rated.len() - 2);
        late.iter().sum::<f64>() / late.len() as f64
            - early.iter().sum::<f64>() / early.len() as f64
    });
    let recent_avg = (rated.len() >= 2).then(|| rated[rated.len() - 2..].iter().sum::<f64>() / 2.0);
    let overdue = pending_follow_ups
        .iter()
        .copied()
        .filter(|d| *d < today)
        .min();

    let mut attention = Vec::new();
    let mut watch = Vec::new();
    match days_since_last {
        None if since_confirmed > 14 => attention.push(Reason::NoMeetingYet),
        None if since_confirmed > 7 => watch.push(Reason::NoMeetingYet),
        Some(d) if d > 21 => attention.push(Reason::LongSilence(d)),
        Some(d) if d > 10 => watch.push(Reason::LongSilence(d)),
        _ => {}
    }
    // The weekly rhythm is judged once the duo has had four weeks to find it.
    if since_confirmed >= 28 && days_since_last.is_some() {
        match last_4_weeks {
            0 => {}
            1 => attention.push(Reason::FewMeetings(1)),
            2 => watch.push(Reason::FewMeetings(2)),
            _ => {}
        }
    }
    if recent_avg.is_some_and(|a| a <= 2.0) {
        attention.push(Reason::LowSatisfaction);
    } else if trend.is_some_and(|t| t <= -1.0) {
        watch.push(Reason::SatisfactionDrop);
    }
    if let Some(d) = overdue {
        attention.push(Reason::OverdueFollowUp(d));
    }
    let level = if !attention.is_empty() {
        HealthLevel::Attention
    } else if !watch.is_empty() {
        HealthLevel::Watch
    } else {
        HealthLevel::Good
    };
    DuoHealth {
        level,
        meetings_last_4_weeks: last_4_weeks,
        days_since_last_meeting: days_since_last,
        satisfaction_trend: trend,
        overdue_follow_up: overdue,
        reasons: attention
            .into_iter()
            .chain(watch)
            .map(|r| r.text(lang))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    fn weekly(from: &str, n: i64, sat: f64) -> Vec<Meeting> {
        (0..n)
            .map(|i| Meeting {
                on: d(from) + chrono::Duration::days(7 * i),
                satisfaction: Some(sat),
            })
            .collect()
    }

    #[test]
    fn a_weekly_duo_is_healthy() {
        let h = assess(
            d("2026-09-01"),
            d("2026-11-26"),
            &weekly("2026-09-05", 12, 4.5),
            &[],
            Lang::En,
        );
        assert_eq!(h.level, HealthLevel::Good, "{:?}", h.reasons);
        assert!(h.meetings_last_4_weeks >= 3);
    }

    #[test]
    fn silence_and_overdue_calls_need_attention() {
        let h = assess(
            d("2026-09-01"),
            d("2026-11-26"),
            &weekly("2026-09-05", 5, 4.0),
            &[],
            Lang::En,
        );
        assert_eq!(h.level, HealthLevel::Attention);
        assert!(
            h.reasons.iter().any(|r| r.contains("days ago")),
            "{:?}",
            h.reasons
        );
        let h = assess(
            d("2026-11-01"),
            d("2026-11-26"),
            &weekly("2026-11-02", 4, 4.0),
            &[d("2026-11-15")],
            Lang::Fr,
        );
        assert_eq!(h.level, HealthLevel::Attention);
        assert_eq!(h.overdue_follow_up, Some(d("2026-11-15")));
        assert!(h.reasons.iter().any(|r| r.contains("appel de suivi")));
    }

    #[test]
    fn falling_satisfaction_is_watched() {
        let mut m = weekly("2026-10-01", 6, 4.5);
        m[4].satisfaction = Some(3.0);
        m[5].satisfaction = Some(3.0);
        let h = assess(d("2026-09-25"), d("2026-11-08"), &m, &[], Lang::En);
        assert_eq!(h.level, HealthLevel::Watch, "{:?}", h.reasons);
        assert!(h.satisfaction_trend.is_some_and(|t| t <= -1.0));
    }

    #[test]
    fn a_new_duo_is_given_time() {
        let h = assess(d("2026-11-22"), d("2026-11-26"), &[], &[], Lang::En);
        assert_eq!(h.level, HealthLevel::Good);
        let h = assess(d("2026-11-01"), d("2026-11-26"), &[], &[], Lang::En);
        assert_eq!(h.level, HealthLevel::Attention);
    }
}
