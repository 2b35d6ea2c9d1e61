//! The funders' yearly report (`/reports/yearly?year=`): one print-styled page (A4, the app's
//! header and buttons left out by the print style sheet) with the period, the key figures,
//! the months' trend and every programme's figures, charts and tables, in the language of the
//! app (French and Dutch for the funders, English and Arabic too).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::reports::{ReportUnit, YearlyReport};

use super::model::parse_year;
use super::{period_words, KeyFigures, SectionBody, SuppressionNote, Trend};
use crate::api::use_api;
use crate::components::load::{load_page, PageHeadings};
use crate::components::Forbidden;
use crate::i18n::reports::{group_label, RepKey};
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{reads_reports, REPORTS};

/// The unit of a key figure of the yearly report, by its key.
pub fn highlight_unit(key: &str) -> ReportUnit {
    match key {
        "participant_hours" => ReportUnit::Hours,
        "sessions_by_host" => ReportUnit::Count,
        _ => ReportUnit::People,
    }
}

#[component]
pub fn YearlyReportPage() -> impl IntoView {
    let api = use_api();
    let allowed = move || api.session.user().is_some_and(|u| reads_reports(u.role));
    move || {
        if allowed() {
            view! { <Yearly/> }.into_any()
        } else {
            view! { <Forbidden/> }.into_any()
        }
    }
}

#[component]
fn Yearly() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(RepKey::YearlyLink);
    let api = use_api();
    let query = use_query_map();
    let this_year = chrono::Datelike::year(&crate::pages::activities::today());
    let year = Memo::new(move |_| query.with(|q| parse_year(q.get("year").as_deref(), this_year)));
    let report = LocalResource::new(move || {
        let y = year.get();
        async move { api.report_yearly(y).await }
    });
    let print = move |_: leptos::ev::MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <article class="page yearly-report" aria-labelledby="page-title">
            <div class="print-toolbar no-print">
                <A href=REPORTS>{move || i18n.t(RepKey::BackToReports)}</A>
                <button type="button" class="button primary print-button" on:click=print>
                    {move || i18n.t(RepKey::Print)}
                </button>
            </div>
            {move || {
                load_page(
                    report.get(),
                    move || report.refetch(),
                    PageHeadings { failed: RepKey::YearlyLink.into(), not_found: None },
                    move |r: YearlyReport| view! { <YearlyBody report=r/> }.into_any(),
                )
            }}
        </article>
    }
}

#[component]
fn YearlyBody(report: YearlyReport) -> impl IntoView {
    let i18n = use_i18n();
    let year = report.year;
    let (from, to) = (report.summary.from, report.summary.to);
    let generated = report.summary.generated_at;
    let highlights = report
        .highlights
        .into_iter()
        .map(|c| {
            let unit = highlight_unit(&c.key);
            (c, unit)
        })
        .collect::<Vec<_>>();
    let sections = report
        .summary
        .sections
        .into_iter()
        .map(|s| {
            let g = s.group;
            let id = format!("yearly-{}", g.as_str());
            let (labelled, heading) = (id.clone(), id.clone());
            view! {
                <section class="report-section" aria-labelledby=labelled>
                    <h2 id=id>{move || i18n.t(group_label(g))}</h2>
                    <SectionBody section=s heading open=true/>
                </section>
            }
        })
        .collect_view();
    view! {
        <header class="report-head">
            <p class="report-org">{move || i18n.t(crate::i18n::common::CommonKey::AppName)}</p>
            <h1 id="page-title">{move || i18n.tf(RepKey::YearlyTitle, &[("year", &year.to_string())])}</h1>
            <p class="report-subtitle">{move || i18n.t(RepKey::YearlySubtitle)}</p>
            <p class="report-period">{move || period_words(i18n.lang.get(), from, to)}</p>
            <p class="hint">{move || i18n.tf(RepKey::GeneratedOn, &[("date", &i18n.date(&generated))])}</p>
        </header>
        <p>{move || i18n.t(RepKey::YearlyIntro)}</p>
        <section class="report-section" aria-labelledby="yearly-highlights">
            <h2 id="yearly-highlights">{move || i18n.t(RepKey::KeyFigures)}</h2>
            <KeyFigures figures=highlights/>
            <Trend year open=true/>
        </section>
        {sections}
        <SuppressionNote/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_keep_their_units() {
        assert_eq!(highlight_unit("participant_hours"), ReportUnit::Hours);
        assert_eq!(highlight_unit("sessions_by_host"), ReportUnit::Count);
        assert_eq!(highlight_unit("reached"), ReportUnit::People);
    }
}
