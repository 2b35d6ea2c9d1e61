//! API calls of the home page and the impact reports.

use gloo_net::http::Method;
use shared::activities::CsvSeparator;
use shared::reports::{Home, ReportQuery, ReportSummary, YearlyQuery, YearlyReport};

use super::{query, Api, ApiError};

/// The files a report downloads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFile {
    /// CSV, comma-separated.
    Csv,
    /// CSV with `;` for Excel in Belgium.
    CsvExcel,
    Xlsx,
}

impl ReportFile {
    pub const ALL: [ReportFile; 3] = [ReportFile::Csv, ReportFile::CsvExcel, ReportFile::Xlsx];

    pub fn mime(self) -> &'static str {
        match self {
            ReportFile::Csv | ReportFile::CsvExcel => "text/csv",
            ReportFile::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    /// The downloaded file's name for the period `from`–`to`.
    pub fn file_name(self, from: &str, to: &str) -> String {
        match self {
            ReportFile::Csv => format!("interra-{from}-{to}.csv"),
            ReportFile::CsvExcel => format!("interra-{from}-{to}-excel.csv"),
            ReportFile::Xlsx => format!("interra-{from}-{to}.xlsx"),
        }
    }
}

/// The API path of the summary of `q` as `file`.
pub fn summary_file_path(q: &ReportQuery, file: ReportFile) -> String {
    let mut q = q.clone();
    q.sep = (file == ReportFile::CsvExcel).then_some(CsvSeparator::Semicolon);
    let ext = if file == ReportFile::Xlsx {
        "xlsx"
    } else {
        "csv"
    };
    format!("/reports/summary.{ext}{}", query(&q))
}

impl Api {
    /// `GET /home`: what needs the signed-in user this week.
    pub async fn home(&self) -> Result<Home, ApiError> {
        self.authed_json(Method::GET, "/home", None).await
    }

    /// `GET /reports/summary` (coordinators and admins).
    pub async fn report_summary(&self, q: &ReportQuery) -> Result<ReportSummary, ApiError> {
        let mut q = q.clone();
        q.sep = None;
        let path = format!("/reports/summary{}", query(&q));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `GET /reports/yearly?year=` (coordinators and admins).
    pub async fn report_yearly(&self, year: i32) -> Result<YearlyReport, ApiError> {
        let path = format!(
            "/reports/yearly{}",
            query(&YearlyQuery { year: Some(year) })
        );
        self.authed_json(Method::GET, &path, None).await
    }

    /// The summary of `q` as a file's bytes (a CSV keeps its byte-order mark).
    pub async fn report_file(
        &self,
        q: &ReportQuery,
        file: ReportFile,
    ) -> Result<Vec<u8>, ApiError> {
        let resp = self
            .authed(Method::GET, &summary_file_path(q, file), None)
            .await?;
        if resp.ok() {
            resp.binary().await.map_err(|_| ApiError::Network)
        } else {
            Err(Self::error_of(resp).await)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_paths_carry_the_period_and_the_separator() {
        let q = ReportQuery {
            year: Some(2026),
            quarter: Some(2),
            ..ReportQuery::default()
        };
        assert_eq!(
            summary_file_path(&q, ReportFile::Csv),
            "/reports/summary.csv?year=2026&quarter=2"
        );
        assert_eq!(
            summary_file_path(&q, ReportFile::CsvExcel),
            "/reports/summary.csv?year=2026&quarter=2&sep=semicolon"
        );
        assert_eq!(
            summary_file_path(&q, ReportFile::Xlsx),
            "/reports/summary.xlsx?year=2026&quarter=2"
        );
        assert_eq!(
            ReportFile::CsvExcel.file_name("2026-04-01", "2026-06-30"),
            "interra-2026-04-01-2026-06-30-excel.csv"
        );
    }
}
