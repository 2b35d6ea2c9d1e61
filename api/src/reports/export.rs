//! A report as a spreadsheet: CSV (UTF-8 with a byte-order mark, CRLF, `,` or `;`) and XLSX
//! (one sheet per indicator group). A suppressed figure is written `< 5`, never its number.

use rust_xlsxwriter::{Format, Workbook};
use shared::reports::{ReportCell, ReportSummary, ReportTable, ReportUnit};

use crate::error::ApiError;

/// What a reader sees instead of a suppressed figure.
pub const SUPPRESSED: &str = "< 5";

const HEADER: [&str; 6] = ["group", "indicator", "breakdown", "value", "unit", "period"];

/// One line per figure: a table's total (breakdown `total`), then its rows.
fn lines(summary: &ReportSummary) -> Vec<(&'static str, &ReportTable, &ReportCell, bool)> {
    let mut out = Vec::new();
    for s in &summary.sections {
        for t in &s.tables {
            if let Some(total) = &t.total {
                out.push((s.group.as_str(), t, total, true));
            }
            for r in &t.rows {
                out.push((s.group.as_str(), t, r, false));
            }
        }
    }
    out
}

/// A figure as text: integers without decimals, one decimal otherwise, `< 5` when hidden.
pub fn figure(cell: &ReportCell) -> String {
    match cell.value {
        _ if cell.suppressed => SUPPRESSED.into(),
        None => String::new(),
        Some(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Some(v) => format!("{v:.1}"),
    }
}

fn period(summary: &ReportSummary) -> String {
    format!("{}/{}", summary.from, summary.to)
}

/// The CSV file, cells separated by `sep`.
pub fn csv(summary: &ReportSummary, sep: u8) -> Result<Vec<u8>, ApiError> {
    let mut out = csv::WriterBuilder::new()
        .delimiter(sep)
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    let failed = |e: csv::Error| ApiError::from(anyhow::anyhow!("cannot write the CSV: {e}"));
    out.write_record(HEADER).map_err(failed)?;
    let period = period(summary);
    for (group, table, cell, is_total) in lines(summary) {
        let breakdown = if is_total { "total" } else { cell.key.as_str() };
        let value = figure(cell);
        out.write_record(
            [
                group,
                table.key.as_str(),
                breakdown,
                value.as_str(),
                table.unit.as_str(),
                period.as_str(),
            ]
            .map(|c| crate::spreadsheet::cell(c).into_owned()),
        )
        .map_err(failed)?;
    }
    out.into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write the CSV: {e}").into())
}

/// The XLSX workbook: one sheet per group, a bold header row, numbers as numbers (whole
/// numbers without decimals, hours/days/scores with one, percentages with one and a `%` sign
/// kept as a plain number 0–100), suppressed figures as the text `< 5`.
pub fn xlsx(summary: &ReportSummary) -> Result<Vec<u8>, ApiError> {
    let failed = |e: rust_xlsxwriter::XlsxError| {
        ApiError::from(anyhow::anyhow!("cannot write the XLSX: {e}"))
    };
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let whole = Format::new().set_num_format("#,##0");
    let decimal = Format::new().set_num_format("#,##0.0");
    let right = Format::new().set_align(rust_xlsxwriter::FormatAlign::Right);
    let period = period(summary);
    for section in &summary.sections {
        let sheet = book.add_worksheet();
        sheet.set_name(section.group.as_str()).map_err(failed)?;
        for (col, h) in HEADER.iter().enumerate() {
            sheet
                .write_string_with_format(0, col as u16, *h, &bold)
                .map_err(failed)?;
        }
        let mut row = 1u32;
        for table in &section.tables {
            let cells = table
                .total
                .iter()
                .map(|c| (c, true))
                .chain(table.rows.iter().map(|c| (c, false)));
            for (cell, is_total) in cells {
                let breakdown = if is_total { "total" } else { cell.key.as_str() };
                sheet
                    .write_string(row, 0, section.group.as_str())
                    .map_err(failed)?;
                sheet
                    .write_string(row, 1, crate::spreadsheet::cell(&table.key))
                    .map_err(failed)?;
                sheet
                    .write_string(row, 2, crate::spreadsheet::cell(breakdown))
                    .map_err(failed)?;
                match cell.value {
                    _ if cell.suppressed => {
                        sheet
                            .write_string_with_format(row, 3, SUPPRESSED, &right)
                            .map_err(failed)?;
                    }
                    Some(v) => {
                        let f = match table.unit {
                            ReportUnit::People | ReportUnit::Count => &whole,
                            _ => &decimal,
                        };
                        sheet
                            .write_number_with_format(row, 3, v, f)
                            .map_err(failed)?;
                    }
                    None => {}
                }
                sheet
                    .write_string(row, 4, table.unit.as_str())
                    .map_err(failed)?;
                sheet.write_string(row, 5, &period).map_err(failed)?;
                row += 1;
            }
        }
        sheet.set_column_width(1, 30).map_err(failed)?;
        sheet.set_column_width(2, 18).map_err(failed)?;
        sheet.set_column_width(5, 24).map_err(failed)?;
        sheet.set_freeze_panes(1, 0).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::reports::{ReportGroup, ReportSection};

    fn cell(key: &str, value: Option<f64>) -> ReportCell {
        ReportCell {
            key: key.into(),
            value,
            suppressed: value.is_none(),
        }
    }

    fn sample() -> ReportSummary {
        ReportSummary {
            from: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
            to: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).expect("date"),
            generated_at: chrono::Utc::now(),
            sections: vec![ReportSection {
                group: ReportGroup::Everyone,
                tables: vec![
                    ReportTable {
                        key: "reached_by_category".into(),
                        unit: ReportUnit::People,
                        total: Some(cell("reached", Some(30.0))),
                        partition: true,
                        rows: vec![cell("newcomer", None), cell("local", None)],
                    },
                    ReportTable {
                        key: "attendance_rate".into(),
                        unit: ReportUnit::Percent,
                        total: Some(cell("attendance_rate", Some(87.5))),
                        partition: false,
                        rows: Vec::new(),
                    },
                ],
            }],
        }
    }

    #[test]
    fn csv_marks_hidden_figures_and_starts_with_a_bom() {
        let bytes = csv(&sample(), b';').expect("csv");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "group;indicator;breakdown;value;unit;period");
        assert_eq!(
            lines[1],
            "everyone;reached_by_category;total;30;people;2026-01-01/2026-12-31"
        );
        assert_eq!(
            lines[2],
            "everyone;reached_by_category;newcomer;< 5;people;2026-01-01/2026-12-31"
        );
        assert!(lines[4].contains(";87.5;percent;"));
    }

    #[test]
    fn xlsx_is_a_zip_with_one_sheet_per_group() {
        let bytes = xlsx(&sample()).expect("xlsx");
        assert_eq!(&bytes[..2], b"PK");
    }
}
