//! The attendee list as CSV: UTF-8 with a byte-order mark and CRLF line ends, as Excel expects.
//!
//! Two forms. The plain one (`,`) is for programs: stable English column names and the API's
//! own values, times in RFC 3339. The one for Excel in Belgium (`;`) is for people: column
//! names and values in the reader's language, times as `YYYY-MM-DD HH:MM` in Brussels time,
//! which Excel reads as a date in every locale (it does not read RFC 3339's `T` and offset).

use chrono::Utc;
use chrono_tz::Europe::Brussels;
use shared::activities::{RegistrationSource, RegistrationStatus};
use shared::people::Category;
use shared::Lang;

use crate::activities::domain::local_rfc3339;
use crate::activities::store::AttendeeRow;
use crate::error::ApiError;

/// Which of the two forms to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvForm {
    /// `,`, English keys, RFC 3339 times.
    Plain,
    /// `;`, the reader's language, times Excel reads.
    Excel(Lang),
}

const HEADER: [&str; 7] = [
    "name",
    "email",
    "phone",
    "category",
    "status",
    "source",
    "registered_at",
];

/// The column names in `lang`, in [`HEADER`]'s order.
fn header(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Fr => [
            "Nom",
            "E-mail",
            "Téléphone",
            "Catégorie",
            "Statut",
            "Origine de l'inscription",
            "Inscrit·e le",
        ],
        Lang::Nl => [
            "Naam",
            "E-mail",
            "Telefoon",
            "Categorie",
            "Status",
            "Herkomst van de inschrijving",
            "Ingeschreven op",
        ],
        Lang::En => [
            "Name",
            "Email",
            "Phone",
            "Category",
            "Status",
            "Registered through",
            "Registered on",
        ],
        Lang::Ar => [
            "الاسم",
            "البريد الإلكتروني",
            "الهاتف",
            "الفئة",
            "الحالة",
            "مصدر التسجيل",
            "تاريخ التسجيل",
        ],
    }
}

/// A category's name in `lang` (as the web app says it).
fn category(c: Option<Category>, lang: Lang) -> &'static str {
    match (c, lang) {
        (Some(Category::Newcomer), Lang::Fr) => "Primo-arrivant·e",
        (Some(Category::Newcomer), Lang::Nl) => "Nieuwkomer",
        (Some(Category::Newcomer), Lang::En) => "Newcomer",
        (Some(Category::Newcomer), Lang::Ar) => "وافد جديد",
        (Some(Category::Local), Lang::Fr) => "Habitant·e de longue date",
        (Some(Category::Local), Lang::Nl) => "Lokale inwoner",
        (Some(Category::Local), Lang::En) => "Local resident",
        (Some(Category::Local), Lang::Ar) => "مقيم محلي",
        (None, Lang::Fr) => "Sans catégorie",
        (None, Lang::Nl) => "Geen categorie",
        (None, Lang::En) => "No category",
        (None, Lang::Ar) => "بلا فئة",
    }
}

/// A registration's status in `lang`.
fn status(s: RegistrationStatus, lang: Lang) -> &'static str {
    use RegistrationStatus as S;
    let [fr, nl, en, ar] = match s {
        S::Registered => ["Inscrit·e", "Ingeschreven", "Registered", "مسجَّل"],
        S::Waitlisted => [
            "En liste d'attente",
            "Op de wachtlijst",
            "Waitlisted",
            "في قائمة الانتظار",
        ],
        S::Cancelled => ["Annulée", "Geannuleerd", "Cancelled", "ملغاة"],
        S::Attended => ["Présent·e", "Aanwezig", "Attended", "حاضر"],
        S::Absent => ["Absent·e", "Afwezig", "Absent", "غائب"],
        S::Excused => ["Excusé·e", "Verontschuldigd", "Excused", "غائب بعذر"],
    };
    pick(lang, [fr, nl, en, ar])
}

/// How the registration came in, in `lang`.
fn source(s: RegistrationSource, lang: Lang) -> &'static str {
    use RegistrationSource as S;
    let [fr, nl, en, ar] = match s {
        S::Staff => [
            "Par l'équipe",
            "Door het team",
            "By the team",
            "سجّله الفريق",
        ],
        S::Public => [
            "Formulaire public",
            "Openbaar formulier",
            "Public form",
            "الاستمارة العامة",
        ],
        S::WalkIn => ["Sur place", "Ter plaatse", "Walk-in", "حضر دون تسجيل"],
    };
    pick(lang, [fr, nl, en, ar])
}

fn pick(lang: Lang, [fr, nl, en, ar]: [&'static str; 4]) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::Nl => nl,
        Lang::En => en,
        Lang::Ar => ar,
    }
}

/// The CSV file for `rows` in `form`.
pub fn attendees_csv(rows: &[AttendeeRow], form: CsvForm) -> Result<Vec<u8>, ApiError> {
    let sep = match form {
        CsvForm::Plain => b',',
        CsvForm::Excel(_) => b';',
    };
    let mut out = csv::WriterBuilder::new()
        .delimiter(sep)
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    let failed = |e: csv::Error| ApiError::from(anyhow::anyhow!("cannot write the CSV: {e}"));
    out.write_record(match form {
        CsvForm::Plain => HEADER,
        CsvForm::Excel(lang) => header(lang),
    })
    .map_err(failed)?;
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
        let at = r.created_at.and_utc();
        let (registered_at, category, status, source) = match form {
            CsvForm::Plain => (
                local_rfc3339(at),
                r.category.map_or("", |c| c.as_str()),
                r.status.as_str(),
                r.source.as_str(),
            ),
            CsvForm::Excel(lang) => (
                excel_time(at),
                self::category(r.category, lang),
                self::status(r.status, lang),
                self::source(r.source, lang),
            ),
        };
        out.write_record(
            [
                name.as_str(),
                r.email.as_deref().unwrap_or(""),
                r.phone.as_deref().unwrap_or(""),
                category,
                status,
                source,
                &registered_at,
            ]
            .map(|c| crate::spreadsheet::cell(c).into_owned()),
        )
        .map_err(failed)?;
    }
    out.into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write the CSV: {e}").into())
}

/// An instant as Excel reads a date and time: Brussels time, `YYYY-MM-DD HH:MM`.
fn excel_time(t: chrono::DateTime<Utc>) -> String {
    t.with_timezone(&Brussels)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn text(rows: &[AttendeeRow], form: CsvForm) -> String {
        String::from_utf8(attendees_csv(rows, form).unwrap_or_default()).unwrap_or_default()
    }

    #[test]
    fn cells_are_quoted_only_when_needed() {
        let rows = [
            row("Ana \"Nana\"", Some("a;b@example.org")),
            row("Ben, Jr", None),
        ];
        assert_eq!(
            text(&rows, CsvForm::Plain),
            "\u{feff}name,email,phone,category,status,source,registered_at\r\n\
             \"Ana \"\"Nana\"\"\",a;b@example.org,,newcomer,registered,staff,2026-01-15T14:00:00+01:00\r\n\
             \"Ben, Jr\",,,newcomer,registered,staff,2026-01-15T14:00:00+01:00\r\n"
        );
        assert!(text(&rows, CsvForm::Excel(Lang::Fr))
            .contains("\r\n\"Ana \"\"Nana\"\"\";\"a;b@example.org\";;"));
    }

    #[test]
    fn the_excel_form_speaks_the_readers_language_with_dates_excel_reads() {
        let mut absent = row("Ben", None);
        absent.category = None;
        absent.status = RegistrationStatus::Absent;
        absent.source = RegistrationSource::WalkIn;
        // 15 July, summer time: 13:00 UTC is 15:00 in Brussels.
        absent.created_at = chrono::NaiveDate::from_ymd_opt(2026, 7, 15)
            .and_then(|d| d.and_hms_opt(13, 0, 0))
            .unwrap_or_default();
        let rows = [row("Ana", None), absent];
        assert_eq!(
            text(&rows, CsvForm::Excel(Lang::Fr)),
            "\u{feff}Nom;E-mail;Téléphone;Catégorie;Statut;Origine de l'inscription;Inscrit·e le\r\n\
             Ana;;;Primo-arrivant·e;Inscrit·e;Par l'équipe;2026-01-15 14:00\r\n\
             Ben;;;Sans catégorie;Absent·e;Sur place;2026-07-15 15:00\r\n"
        );
        let nl = text(&rows, CsvForm::Excel(Lang::Nl));
        assert!(
            nl.starts_with("\u{feff}Naam;E-mail;Telefoon;Categorie;Status;"),
            "{nl}"
        );
        assert!(nl.contains("Ana;;;Nieuwkomer;Ingeschreven;Door het team;2026-01-15 14:00"));
        for lang in Lang::ALL {
            let t = text(&rows, CsvForm::Excel(lang));
            assert!(
                !t.contains("newcomer") && !t.contains("registered"),
                "{lang:?}: {t}"
            );
            assert!(!t.contains("T14:00"), "no RFC 3339 time: {t}");
        }
    }

    #[test]
    fn a_visitor_cannot_plant_a_formula() {
        for form in [CsvForm::Plain, CsvForm::Excel(Lang::Fr)] {
            let t = text(&[row("=HYPERLINK(\"http://evil\",\"x\")", None)], form);
            assert!(t.contains("'=HYPERLINK("), "{t}");
        }
    }
}
