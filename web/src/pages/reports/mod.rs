//! The impact reports (`/reports`, coordinators and admins): a period picker, one tab per
//! programme with its key figures and its breakdowns drawn as charts (each with its data
//! table), the CSV and XLSX downloads, and the funders' yearly report (`yearly`).

pub mod charts;
pub mod model;
pub mod yearly;

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::reports::{ReportCell, ReportGroup, ReportSection, ReportSummary};
use shared::Lang;

use crate::api::reports::ReportFile;
use crate::api::use_api;
use crate::components::load::load_state;
use crate::components::{Forbidden, StatusMessage};
use crate::i18n::common::CommonKey;
use crate::i18n::reports::{figure_label, group_label, RepKey};
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{reads_reports, yearly_report_path};
use charts::{Figure, LineChart, TableChart};
use model::{
    base64, breakdowns, key_figures, month_input, months_of, parse_month_input, PeriodChoice,
    PeriodKind,
};

/// A day written out in `lang` (`1 janvier 2026`), in Brussels.
pub fn long_date(lang: Lang, d: NaiveDate) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let noon = d
            .and_hms_opt(12, 0, 0)
            .map(|t| t.and_utc().timestamp_millis())
            .unwrap_or(0);
        #[allow(clippy::cast_precision_loss)]
        let date = js_sys::Date::new(&JsValue::from_f64(noon as f64));
        let options = js_sys::Object::new();
        for (k, v) in [
            ("timeZone", crate::locale::TIME_ZONE),
            ("dateStyle", "long"),
        ] {
            let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        date.to_locale_date_string(crate::i18n::locale(lang), &options)
            .into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        d.format("%Y-%m-%d").to_string()
    }
}

/// A month's name and year in `lang` (`mars 2026`).
pub fn month_name(lang: Lang, year: i32, month: u32) -> String {
    NaiveDate::from_ymd_opt(year, month, 1)
        .map(|d| {
            crate::pages::activities::format_date(
                lang,
                d,
                crate::pages::activities::DateStyle::Month,
            )
        })
        .unwrap_or_default()
}

/// Offers `bytes` as a file download (a temporary link, clicked).
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Option<()> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    let a = document.create_element("a").ok()?;
    a.set_attribute("href", &format!("data:{mime};base64,{}", base64(bytes)))
        .ok()?;
    a.set_attribute("download", name).ok()?;
    a.dyn_into::<web_sys::HtmlElement>().ok()?.click();
    Some(())
}

/// The explanation of "< 5", under every report.
#[component]
pub fn SuppressionNote() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="note suppression-note">{move || i18n.t(RepKey::SuppressedNote)}</p> }
}

/// A section's key figures, as cards.
#[component]
pub fn KeyFigures(figures: Vec<(ReportCell, shared::reports::ReportUnit)>) -> impl IntoView {
    let i18n = use_i18n();
    let items = figures
        .into_iter()
        .map(|(cell, unit)| {
            let key = cell.key.clone();
            let label = move || match figure_label(&key) {
                Some(k) => i18n.t(k).to_owned(),
                None => key.replace('_', " "),
            };
            view! {
                <li class="stat">
                    <span class="stat-value"><Figure cell unit/></span>
                    <span class="stat-label">{label}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="key-figures">{items}</ul> }
}

/// One programme's figures: key figures, then each breakdown's chart. `heading`: the id of the
/// element naming the programme; it starts the names of the section's regions, which would
/// otherwise repeat from one programme to the next on the printed report (every programme
/// has its "Key figures").
#[component]
pub fn SectionBody(
    section: ReportSection,
    heading: String,
    #[prop(optional)] open: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let group = section.group.as_str();
    let figures = key_figures(&section);
    let charts = breakdowns(&section)
        .into_iter()
        .map(|table| {
            let id = format!("{group}-{}", table.key);
            view! { <TableChart id table=table.clone() open context=heading.clone()/> }
        })
        .collect_view();
    let figures_id = format!("{group}-figures");
    let details_id = format!("{group}-details");
    let (figures_ref, details_ref) = (
        format!("{heading} {figures_id}"),
        format!("{heading} {details_id}"),
    );
    view! {
        <section class="report-block" aria-labelledby=figures_ref>
            <h3 id=figures_id>{move || i18n.t(RepKey::KeyFigures)}</h3>
            <KeyFigures figures/>
        </section>
        <section class="report-block" aria-labelledby=details_ref>
            <h3 id=details_id>{move || i18n.t(RepKey::Breakdowns)}</h3>
            <div class="charts">{charts}</div>
        </section>
    }
}

/// People reached in each month of `year`, as a line (twelve reports, one per month).
#[component]
pub fn Trend(year: i32, #[prop(optional)] open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let months = LocalResource::new(move || async move {
        let mut out = Vec::new();
        for (month, q) in (1..=12u32).zip(months_of(year)) {
            let summary = api.report_summary(&q).await?;
            let reached = summary
                .sections
                .iter()
                .filter(|s| s.group == ReportGroup::Everyone)
                .flat_map(|s| &s.tables)
                .find_map(|t| t.total.clone().filter(|c| c.key == "reached"));
            out.push((month, reached));
        }
        Ok::<_, crate::api::ApiError>(out)
    });
    move || {
        let lang = i18n.lang.get();
        load_state(
            months.get(),
            move || months.refetch(),
            move |points| {
                let points: Vec<(String, ReportCell)> = points
                    .into_iter()
                    .filter_map(|(m, c)| Some((month_name(lang, year, m), c?)))
                    .collect();
                view! { <LineChart id="trend" title=RepKey::Trend points open/> }.into_any()
            },
        )
    }
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let api = use_api();
    let allowed = move || api.session.user().is_some_and(|u| reads_reports(u.role));
    move || {
        if allowed() {
            view! { <Reports/> }.into_any()
        } else {
            view! { <Forbidden/> }.into_any()
        }
    }
}

#[component]
fn Reports() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(RepKey::Title);
    let api = use_api();
    let start = PeriodChoice::this_year(crate::pages::activities::today());
    let choice = RwSignal::new(start);
    let applied = RwSignal::new(start);
    let tab = RwSignal::new(ReportGroup::Everyone);
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    let summary = LocalResource::new(move || {
        let q = applied.get().query();
        async move { api.report_summary(&q).await }
    });
    let download = Action::new_local(move |file: &ReportFile| {
        let file = *file;
        let q = applied.get_untracked().query();
        async move { (file, api.report_file(&q, file).await) }
    });
    Effect::new(move |_| match download.value().get() {
        Some((file, Ok(bytes))) => {
            let (from, to) = applied
                .get_untracked()
                .bounds()
                .map(|(f, t)| (f.to_string(), t.to_string()))
                .unwrap_or_else(|| ("report".into(), "interra".into()));
            if download_bytes(&file.file_name(&from, &to), file.mime(), &bytes).is_some() {
                error.set(None);
                status.set(Some(i18n.t(RepKey::Downloaded).to_string()));
            } else {
                error.set(Some(i18n.t(CommonKey::ErrUnexpected).to_string()));
            }
        }
        Some((_, Err(e))) => error.set(Some(e.message(i18n.lang.get_untracked()))),
        None => {}
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        applied.set(choice.get_untracked());
    };
    let kind = move || choice.with(|c| c.kind);

    view! {
        <section class="page reports" aria-labelledby="page-title">
            <div class="page-head">
                <h1 id="page-title">{move || i18n.t(RepKey::Title)}</h1>
                <a href=move || yearly_report_path(applied.with(|c| c.year)) class="button yearly-link">
                    {move || i18n.t(RepKey::YearlyLink)}
                </a>
            </div>
            <p class="hint">{move || i18n.t(RepKey::Intro)}</p>
            <form class="card period-form" on:submit=on_submit>
                <fieldset>
                    <legend>{move || i18n.t(RepKey::Period)}</legend>
                    <div class="period-fields">
                        <div class="field">
                            <label for="period-kind">{move || i18n.t(RepKey::PeriodKind)}</label>
                            <select
                                id="period-kind"
                                on:change=move |ev| {
                                    if let Some(k) = PeriodKind::parse(&event_target_value(&ev)) {
                                        choice.update(|c| c.kind = k);
                                    }
                                }
                            >
                                {PeriodKind::ALL.into_iter().map(|k| {
                                    let label = match k {
                                        PeriodKind::Month => RepKey::KindMonth,
                                        PeriodKind::Quarter => RepKey::KindQuarter,
                                        PeriodKind::Year => RepKey::KindYear,
                                        PeriodKind::Custom => RepKey::KindCustom,
                                    };
                                    view! {
                                        <option value=k.as_str() selected=move || kind() == k>{move || i18n.t(label)}</option>
                                    }
                                }).collect_view()}
                            </select>
                        </div>
                        <Show when=move || matches!(kind(), PeriodKind::Year | PeriodKind::Quarter)>
                            <div class="field">
                                <label for="period-year">{move || i18n.t(RepKey::Year)}</label>
                                <input
                                    id="period-year"
                                    type="number"
                                    inputmode="numeric"
                                    min="1900"
                                    max="2200"
                                    prop:value=move || choice.with(|c| c.year.to_string())
                                    on:change=move |ev| {
                                        if let Ok(y) = event_target_value(&ev).trim().parse::<i32>() {
                                            choice.update(|c| c.year = y);
                                        }
                                    }
                                />
                            </div>
                        </Show>
                        <Show when=move || kind() == PeriodKind::Quarter>
                            <div class="field">
                                <label for="period-quarter">{move || i18n.t(RepKey::Quarter)}</label>
                                <select
                                    id="period-quarter"
                                    on:change=move |ev| {
                                        if let Ok(q) = event_target_value(&ev).parse::<u32>() {
                                            choice.update(|c| c.quarter = q);
                                        }
                                    }
                                >
                                    {(1..=4u32).map(|q| view! {
                                        <option value=q.to_string() selected=move || choice.with(|c| c.quarter == q)>
                                            {move || i18n.tf(RepKey::QuarterN, &[("n", &q.to_string())])}
                                        </option>
                                    }).collect_view()}
                                </select>
                            </div>
                        </Show>
                        <Show when=move || kind() == PeriodKind::Month>
                            <div class="field">
                                <label for="period-month">{move || i18n.t(RepKey::Month)}</label>
                                <input
                                    id="period-month"
                                    type="month"
                                    prop:value=move || choice.with(|c| month_input(c.year, c.month))
                                    on:change=move |ev| {
                                        if let Some((y, m)) = parse_month_input(&event_target_value(&ev)) {
                                            choice.update(|c| {
                                                c.year = y;
                                                c.month = m;
                                            });
                                        }
                                    }
                                />
                            </div>
                        </Show>
                        <Show when=move || kind() == PeriodKind::Custom>
                            <div class="field">
                                <label for="period-from">{move || i18n.t(RepKey::From)}</label>
                                <input
                                    id="period-from"
                                    type="date"
                                    prop:value=move || choice.with(|c| c.from.map(|d| d.to_string()).unwrap_or_default())
                                    on:change=move |ev| {
                                        let d = event_target_value(&ev).parse().ok();
                                        choice.update(|c| c.from = d);
                                    }
                                />
                            </div>
                            <div class="field">
                                <label for="period-to">{move || i18n.t(RepKey::To)}</label>
                                <input
                                    id="period-to"
                                    type="date"
                                    prop:value=move || choice.with(|c| c.to.map(|d| d.to_string()).unwrap_or_default())
                                    on:change=move |ev| {
                                        let d = event_target_value(&ev).parse().ok();
                                        choice.update(|c| c.to = d);
                                    }
                                />
                            </div>
                        </Show>
                        <button type="submit" class="button primary">{move || i18n.t(RepKey::Show)}</button>
                    </div>
                </fieldset>
            </form>
            <StatusMessage message=status/>
            {move || error.get().map(|e| view! { <p class="alert alert-error" role="alert">{e}</p> })}
            {move || {
                load_state(summary.get(), move || summary.refetch(), move |s: ReportSummary| {
                    let year_trend = applied.with_untracked(|c| (c.kind == PeriodKind::Year).then_some(c.year));
                    view! {
                        <ReportView summary=s tab download year_trend/>
                    }
                    .into_any()
                })
            }}
        </section>
    }
}

#[component]
fn ReportView(
    summary: ReportSummary,
    tab: RwSignal<ReportGroup>,
    download: Action<ReportFile, (ReportFile, Result<Vec<u8>, crate::api::ApiError>)>,
    year_trend: Option<i32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (from, to) = (summary.from, summary.to);
    let groups: Vec<ReportGroup> = summary.sections.iter().map(|s| s.group).collect();
    let groups = StoredValue::new(groups);
    let focus_tab = move |g: ReportGroup| {
        tab.set(g);
        if let Some(el) = crate::components::dom::element(&format!("#tab-{}", g.as_str())) {
            let _ = el.focus();
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let all = groups.get_value();
        let Some(i) = all.iter().position(|g| *g == tab.get_untracked()) else {
            return;
        };
        let rtl = i18n.lang.get_untracked() == Lang::Ar;
        let next = match ev.key().as_str() {
            "ArrowRight" if !rtl => Some((i + 1) % all.len()),
            "ArrowLeft" if rtl => Some((i + 1) % all.len()),
            "ArrowLeft" | "ArrowRight" => Some((i + all.len() - 1) % all.len()),
            "Home" => Some(0),
            "End" => Some(all.len() - 1),
            _ => None,
        };
        if let Some(n) = next {
            ev.prevent_default();
            focus_tab(all[n]);
        }
    };
    let tabs = summary
        .sections
        .iter()
        .map(|s| {
            let g = s.group;
            let selected = move || tab.get() == g;
            view! {
                <button
                    type="button"
                    role="tab"
                    class="tab"
                    id=format!("tab-{}", g.as_str())
                    aria-controls=format!("panel-{}", g.as_str())
                    aria-selected=move || if selected() { "true" } else { "false" }
                    tabindex=move || if selected() { "0" } else { "-1" }
                    on:click=move |_| tab.set(g)
                >
                    {move || i18n.t(group_label(g))}
                </button>
            }
        })
        .collect_view();
    let panels = summary
        .sections
        .into_iter()
        .map(|s| {
            let g = s.group;
            let trend = (g == ReportGroup::Everyone)
                .then_some(year_trend)
                .flatten()
                .map(|year| view! { <Trend year/> });
            view! {
                <div
                    role="tabpanel"
                    class="tab-panel"
                    id=format!("panel-{}", g.as_str())
                    aria-labelledby=format!("tab-{}", g.as_str())
                    tabindex="0"
                    hidden=move || tab.get() != g
                >
                    <h2 class="visually-hidden">{move || i18n.t(group_label(g))}</h2>
                    <SectionBody section=s heading=format!("tab-{}", g.as_str())/>
                    {trend}
                </div>
            }
        })
        .collect_view();
    let busy = download.pending();
    view! {
        <p class="period-shown">
            {move || {
                let lang = i18n.lang.get();
                i18n.tf(RepKey::PeriodShown, &[("from", &long_date(lang, from)), ("to", &long_date(lang, to))])
            }}
        </p>
        <div class="downloads" role="group" aria-labelledby="downloads-label">
            <span id="downloads-label" class="downloads-label">{move || i18n.t(RepKey::Downloads)}</span>
            {ReportFile::ALL.into_iter().map(|f| {
                let label = match f {
                    ReportFile::Csv => RepKey::DownloadCsv,
                    ReportFile::CsvExcel => RepKey::DownloadCsvExcel,
                    ReportFile::Xlsx => RepKey::DownloadXlsx,
                };
                let id = match f {
                    ReportFile::Csv => "download-csv",
                    ReportFile::CsvExcel => "download-csv-excel",
                    ReportFile::Xlsx => "download-xlsx",
                };
                view! {
                    <button type="button" class="button" id=id disabled=move || busy.get() on:click=move |_| { download.dispatch(f); }>
                        {move || i18n.t(label)}
                    </button>
                }
            }).collect_view()}
        </div>
        <SuppressionNote/>
        <div class="tabs" role="tablist" aria-label=move || i18n.t(RepKey::Programmes) on:keydown=on_key>
            {tabs}
        </div>
        {panels}
    }
}

/// The report's words for the period in `lang` (the print page's subtitle).
pub fn period_words(lang: Lang, from: NaiveDate, to: NaiveDate) -> String {
    crate::i18n::tf(
        lang,
        RepKey::PeriodShown,
        &[
            ("from", &long_date(lang, from)),
            ("to", &long_date(lang, to)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::t;

    #[test]
    fn the_period_reads_in_words() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default();
        assert_eq!(
            period_words(Lang::Fr, d(1, 1), d(3, 31)),
            "Du 2026-01-01 au 2026-03-31"
        );
        assert_eq!(t(Lang::Nl, RepKey::To), "Tot en met");
    }
}
