//! The trainings (issue 15): the team's screens — the catalogue (`catalogue.rs`), a module's
//! page and form (`module.rs`, `module_form.rs`), planning a course (`course_form.rs`) and a
//! course's page with its sessions, trainees, attendance, certificates and evaluations
//! (`course/`) — and the public pages the certificates and the evaluation links point to
//! (`certificate.rs`, `evaluation.rs`).
//!
//! This module holds what the screens share: who manages trainings, the audience's words, the
//! course's dates, and the evaluation results' view.

pub mod catalogue;
pub mod certificate;
pub mod course;
pub mod course_form;
pub mod evaluation;
pub mod module;
pub mod module_form;

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::trainings::{Audience, EvaluationResults};

use crate::i18n::trainings::{scale_key, TrKey};
use crate::i18n::trainings_staff::TsKey;
use crate::locale::{use_i18n, I18n};
use crate::pages::duo::format_date;
use crate::pages::interlab::current_role;
use crate::routes::manages_trainings;

pub use certificate::hours_text;

/// Whether whoever is signed in writes modules and courses (coordinators and administrators);
/// coaches read the catalogue and the trainees they accompany.
pub fn manages() -> bool {
    current_role().is_some_and(manages_trainings)
}

/// The words for a module's audience.
pub fn audience_key(a: Audience) -> TsKey {
    match a {
        Audience::Participants => TsKey::AudParticipants,
        Audience::PartnerStaff => TsKey::AudPartnerStaff,
        Audience::Volunteers => TsKey::AudVolunteers,
        Audience::Everyone => TsKey::AudEveryone,
    }
}

/// "du 1 févr. 2027 au 8 févr. 2027", in the reader's language.
pub fn course_dates(i18n: I18n, starts_on: NaiveDate, ends_on: NaiveDate) -> String {
    let lang = i18n.lang.get();
    i18n.tf(
        TrKey::DateRange,
        &[
            ("start", &format_date(lang, starts_on)),
            ("end", &format_date(lang, ends_on)),
        ],
    )
}

/// A module's languages as their codes in capitals (`FR · NL`), the way the catalogue and the
/// agenda show them.
pub fn languages_text(languages: &[String]) -> String {
    languages
        .iter()
        .map(|l| l.to_uppercase())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Results of a course's or a module's evaluations: the number of answers, and the rest only
/// from 5 answers on (the API withholds it below).
#[component]
pub fn ResultsView(results: EvaluationResults, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let answers = results.answers;
    let head = view! {
        <p class="eval-answers">{move || i18n.tf(TsKey::EvalAnswers, &[("count", &answers.to_string())])}</p>
    };
    if results.withheld {
        return view! {
            {head}
            <p class="note">{move || i18n.t(TsKey::EvalWithheld)}</p>
        }
        .into_any();
    }
    let satisfaction = results.satisfaction.map(|s| format!("{s:.1}"));
    let distribution = results.distribution.clone().unwrap_or_default();
    let dist_caption = format!("{id}-distribution");
    let obj_caption = format!("{id}-objectives");
    let dist_rows = distribution
        .into_iter()
        .enumerate()
        .map(|(i, n)| {
            let level = i32::try_from(i + 1).unwrap_or(1);
            view! {
                <tr>
                    <th scope="row">{move || scale_key(level).map(|k| i18n.t(k)).unwrap_or_default()}</th>
                    <td>{n}</td>
                </tr>
            }
        })
        .collect_view();
    let objectives = results.objectives.clone();
    let useful = results.useful.clone();
    view! {
        {head}
        {satisfaction.map(|s| view! {
            <p class="eval-satisfaction">{move || i18n.tf(TsKey::EvalSatisfaction, &[("value", &s)])}</p>
        })}
        <div class="table-wrap" role="region" aria-labelledby=dist_caption.clone() tabindex="0">
            <table class="report-table">
                <caption id=dist_caption.clone()>{move || i18n.t(TsKey::EvalDistribution)}</caption>
                <thead><tr>
                    <th scope="col">{move || i18n.t(TsKey::EvalLevel)}</th>
                    <th scope="col">{move || i18n.t(TsKey::EvalCount)}</th>
                </tr></thead>
                <tbody>{dist_rows}</tbody>
            </table>
        </div>
        {(!objectives.is_empty()).then(|| view! {
            <div class="table-wrap" role="region" aria-labelledby=obj_caption.clone() tabindex="0">
                <table class="report-table">
                    <caption id=obj_caption.clone()>{move || i18n.t(TsKey::EvalObjectivesCaption)}</caption>
                    <thead><tr>
                        <th scope="col">{move || i18n.t(TsKey::EvalObjective)}</th>
                        <th scope="col">{move || i18n.t(TrKey::Before)}</th>
                        <th scope="col">{move || i18n.t(TrKey::After)}</th>
                    </tr></thead>
                    <tbody>
                        {objectives.into_iter().map(|o| view! {
                            <tr>
                                <th scope="row"><bdi>{o.objective}</bdi></th>
                                <td>{format!("{:.1}", o.before)}</td>
                                <td>{format!("{:.1}", o.after)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
        {(!useful.is_empty()).then(|| view! {
            <h3>{move || i18n.t(TsKey::EvalUseful)}</h3>
            <ul class="useful-list">
                {useful.into_iter().map(|u| view! { <li><bdi>{u}</bdi></li> }).collect_view()}
            </ul>
        })}
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_audience_has_its_words() {
        let mut seen = std::collections::HashSet::new();
        for a in Audience::ALL {
            assert!(seen.insert(audience_key(*a)), "{a:?}");
        }
    }

    #[test]
    fn languages_read_as_codes() {
        assert_eq!(languages_text(&["fr".into(), "nl".into()]), "FR · NL");
        assert_eq!(languages_text(&[]), "");
    }
}
