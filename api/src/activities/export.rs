//! The attendee list as CSV: UTF-8 with a byte-order mark and CRLF line ends, as Excel expects.

use crate::activities::domain::local_rfc3339;
use crate::activities::store::AttendeeRow;
use crate::error::ApiError;

const HEADER: [&str; 7] = [
    "name",
    "email",
    "phone",
    "category",
    "status",
    "source",
    "registered_at",
];

/// The CSV file for `rows`, cells separated by `sep` (`b','`, or `b';'` for Belgian Excel).
pub fn attendees_csv(rows: &[AttendeeRow], sep: u8) -> Result<Vec<u8>, ApiError> {
    let mut out = csv::WriterBuilder::new()
        .delimiter(sep)
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    let failed = |e: csv::Error| ApiError::from(anyhow::anyhow!("cannot write the CSV: {e}"));
    out.write_record(HEADER).map_err(failed)?;
    for r in rows {
        let name = r
            .first_name
            .as_deref()
            .map(|first| {
                crate::people::domain::display_name(
                    first,
                    r.last_name.as_deref(),
                    r.preferred_name.as_deref(),
                )
            })
            .unwrap_or_default();
        let registered_at = local_rfc3339(r.created_at.and_utc());
        out.write_record(
            [
                name.as_str(),
                r.email.as_deref().unwrap_or(""),
                r.phone.as_deref().unwrap_or(""),
                r.category.map_or("", |c| c.as_str()),
                r.status.as_str(),
                r.source.as_str(),
                &registered_at,
            ]
            .map(|c| crate::spreadsheet::cell(c).into_owned()),
        )
        .map_err(failed)?;
    }
    out.into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write the CSV: {e}").into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::activities::{RegistrationSource, RegistrationStatus};
    use shared::people::Category;

    fn row(first: &str, email: Option<&str>) -> AttendeeRow {
        AttendeeRow {
            first_name: Some(first.into()),
            last_name: None,
            preferred_name: None,
            email: email.map(str::to_owned),
            phone: None,
            category: Some(Category::Newcomer),
            status: RegistrationStatus::Registered,
            source: RegistrationSource::Staff,
            created_at: chrono::NaiveDate::from_ymd_opt(2026, 1, 15)
                .and_then(|d| d.and_hms_opt(13, 0, 0))
                .unwrap_or_default(),
        }
    }

    #[test]
    fn cells_are_quoted_only_when_needed() {
        let rows = [
            row("Ana \"Nana\"", Some("a;b@example.org")),
            row("Ben, Jr", None),
        ];
        let comma = String::from_utf8(attendees_csv(&rows, b',').unwrap_or_default());
        assert_eq!(
            comma.unwrap_or_default(),
            "\u{feff}name,email,phone,category,status,source,registered_at\r\n\
             \"Ana \"\"Nana\"\"\",a;b@example.org,,newcomer,registered,staff,2026-01-15T14:00:00+01:00\r\n\
             \"Ben, Jr\",,,newcomer,registered,staff,2026-01-15T14:00:00+01:00\r\n"
        );
        let semicolon = String::from_utf8(attendees_csv(&rows, b';').unwrap_or_default());
        assert!(semicolon
            .unwrap_or_default()
            .contains("\r\n\"Ana \"\"Nana\"\"\";\"a;b@example.org\";;newcomer"));
    }

    #[test]
    fn a_visitor_cannot_plant_a_formula() {
        let csv = attendees_csv(&[row("=HYPERLINK(\"http://evil\",\"x\")", None)], b',');
        let text = String::from_utf8(csv.unwrap_or_default()).unwrap_or_default();
        assert!(
            text.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""),
            "{text}"
        );
    }
}
