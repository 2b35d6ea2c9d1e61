//! Certificates of attendance as PDF, drawn with `krilla` (which shapes text with rustybuzz, so
//! Arabic is joined and laid right to left). One page per certificate: a course's certificates
//! are one merged document. The font is DejaVu Sans (Latin and Arabic), vendored under
//! `api/assets/fonts/` with its licence.
//!
//! `krilla`'s simple text API draws one script per run without bidirectional reordering, so an
//! Arabic page draws its labels and its values (names, dates, codes: often Latin or digits) as
//! separate runs, each right-aligned in its column, and never puts digits inside an Arabic run.

use std::sync::Arc;

use chrono::NaiveDate;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;
use shared::Lang;

use crate::error::ApiError;

static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// What one certificate says.
#[derive(Debug, Clone)]
pub struct CertificateText {
    pub lang: Lang,
    pub name: String,
    pub module: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub minutes: i64,
    /// The trainee's organisation, for partner staff.
    pub organisation: Option<String>,
    pub issuer: String,
    pub code: String,
    pub url: String,
}

struct Labels {
    title: &'static str,
    certifies: &'static str,
    module: &'static str,
    dates: &'static str,
    hours: &'static str,
    organisation: &'static str,
    issuer: &'static str,
    code: &'static str,
    verify: &'static str,
}

fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::Fr => Labels {
            title: "Attestation de participation",
            certifies: "Nous attestons que",
            module: "Formation",
            dates: "Dates",
            hours: "Heures suivies",
            organisation: "Organisation",
            issuer: "Délivrée par",
            code: "Code de vérification",
            verify: "Vérifier l'attestation",
        },
        Lang::Nl => Labels {
            title: "Deelnameattest",
            certifies: "Wij verklaren dat",
            module: "Opleiding",
            dates: "Data",
            hours: "Gevolgde uren",
            organisation: "Organisatie",
            issuer: "Uitgereikt door",
            code: "Verificatiecode",
            verify: "Het attest controleren",
        },
        Lang::En => Labels {
            title: "Certificate of attendance",
            certifies: "We certify that",
            module: "Training",
            dates: "Dates",
            hours: "Hours attended",
            organisation: "Organisation",
            issuer: "Issued by",
            code: "Verification code",
            verify: "Verify the certificate",
        },
        Lang::Ar => Labels {
            title: "شهادة حضور",
            certifies: "نشهد بأن",
            module: "التكوين",
            dates: "التواريخ",
            hours: "الساعات المحضورة",
            organisation: "المنظمة",
            issuer: "صادرة عن",
            code: "رمز التحقق",
            verify: "التحقق من الشهادة",
        },
    }
}

/// Hours as people write them in the language: `4,5` in French and Dutch, `4.5` otherwise.
pub fn hours_text(minutes: i64, lang: Lang) -> String {
    let h = crate::trainings::domain::minutes_to_hours(minutes);
    let s = if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        let s = format!("{h:.2}");
        s.trim_end_matches('0').to_owned()
    };
    match lang {
        Lang::Fr | Lang::Nl => s.replace('.', ","),
        _ => s,
    }
}

fn date_text(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// One PDF holding a page per certificate (an empty list is refused by the callers).
pub fn render(certificates: &[CertificateText]) -> Result<Vec<u8>, ApiError> {
    let font = Font::new(Arc::new(FONT.to_vec()).into(), 0)
        .ok_or_else(|| anyhow::anyhow!("the certificate font cannot be read"))?;
    let face = rustybuzz::Face::from_slice(FONT, 0)
        .ok_or_else(|| anyhow::anyhow!("the certificate font cannot be shaped"))?;
    let mut document = Document::new();
    for c in certificates {
        // A4 landscape, in points.
        let settings =
            PageSettings::from_wh(842.0, 595.0).ok_or_else(|| anyhow::anyhow!("page size"))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        draw(&mut surface, &font, &face, c);
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("the certificate PDF failed: {e:?}")))
}

/// Width of a run at `size`, from the shaped glyphs' advances.
fn width(face: &rustybuzz::Face, text: &str, size: f32) -> f32 {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    let glyphs = rustybuzz::shape(face, &[], buffer);
    let advance: i32 = glyphs.glyph_positions().iter().map(|p| p.x_advance).sum();
    advance as f32 * size / face.units_per_em() as f32
}

struct Pen<'a> {
    font: &'a Font,
    face: &'a rustybuzz::Face<'a>,
}

impl Pen<'_> {
    fn run(&self, s: &mut Surface, x: f32, y: f32, size: f32, text: &str, dir: TextDirection) {
        s.draw_text(
            Point::from_xy(x, y),
            self.font.clone(),
            size,
            text,
            false,
            dir,
        );
    }

    fn centred(&self, s: &mut Surface, y: f32, size: f32, text: &str, dir: TextDirection) {
        let w = width(self.face, text, size);
        self.run(s, (842.0 - w) / 2.0, y, size, text, dir);
    }

    /// Ends at `right`.
    fn right(
        &self,
        s: &mut Surface,
        right: f32,
        y: f32,
        size: f32,
        text: &str,
        dir: TextDirection,
    ) {
        let w = width(self.face, text, size);
        self.run(s, right - w, y, size, text, dir);
    }
}

fn draw(surface: &mut Surface, font: &Font, face: &rustybuzz::Face, c: &CertificateText) {
    let pen = Pen { font, face };
    let l = labels(c.lang);
    let rtl = c.lang == Lang::Ar;
    let label_dir = if rtl {
        TextDirection::RightToLeft
    } else {
        TextDirection::LeftToRight
    };
    // A frame.
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: rgb::Color::new(0x1d, 0x4e, 0x89).into(),
        width: 3.0,
        ..Default::default()
    }));
    let mut frame = PathBuilder::new();
    if let Some(r) = Rect::from_xywh(30.0, 30.0, 782.0, 535.0) {
        frame.push_rect(r);
    }
    if let Some(path) = frame.finish() {
        surface.draw_path(&path);
    }
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(0x1d, 0x4e, 0x89).into(),
        ..Default::default()
    }));
    pen.centred(surface, 110.0, 32.0, l.title, label_dir);
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(0x22, 0x22, 0x22).into(),
        ..Default::default()
    }));
    pen.centred(surface, 160.0, 16.0, l.certifies, label_dir);
    pen.centred(surface, 200.0, 26.0, &c.name, TextDirection::Auto);

    let dates = format!("{} – {}", date_text(c.starts_on), date_text(c.ends_on));
    let hours = hours_text(c.minutes, c.lang);
    let mut rows: Vec<(&str, &str)> =
        vec![(l.module, &c.module), (l.dates, &dates), (l.hours, &hours)];
    if let Some(o) = &c.organisation {
        rows.push((l.organisation, o));
    }
    rows.push((l.issuer, &c.issuer));
    rows.push((l.code, &c.code));
    rows.push((l.verify, &c.url));
    let mut y = 260.0;
    for (label, value) in rows {
        if rtl {
            pen.right(surface, 772.0, y, 13.0, label, label_dir);
            pen.right(surface, 560.0, y, 13.0, value, TextDirection::Auto);
        } else {
            pen.run(surface, 70.0, y, 13.0, label, label_dir);
            pen.run(surface, 280.0, y, 13.0, value, TextDirection::Auto);
        }
        y += 34.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text poppler's `pdftotext` reads from the PDF (what a screen reader or a search
    /// finds in it).
    fn pdftotext(pdf: &[u8]) -> String {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.pdf");
        std::fs::write(&path, pdf).expect("write");
        let out = std::process::Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is installed");
        assert!(out.status.success());
        String::from_utf8(out.stdout).expect("utf-8")
    }

    #[test]
    fn hours_are_written_the_languages_way() {
        assert_eq!(hours_text(360, Lang::Fr), "6");
        assert_eq!(hours_text(270, Lang::Fr), "4,5");
        assert_eq!(hours_text(270, Lang::En), "4.5");
        assert_eq!(hours_text(135, Lang::Nl), "2,25");
    }

    #[test]
    fn pdftotext_reads_the_french_and_the_arabic_certificate() {
        let c = CertificateText {
            lang: Lang::Ar,
            name: "Amina Benali".into(),
            module: "التواصل بين الثقافات".into(),
            starts_on: NaiveDate::from_ymd_opt(2027, 2, 1).expect("date"),
            ends_on: NaiveDate::from_ymd_opt(2027, 2, 8).expect("date"),
            minutes: 360,
            organisation: Some("CPAS de Liège".into()),
            issuer: "Interra ASBL".into(),
            code: "ABCDE-FGHJK-MNPQR-STVWX".into(),
            url: "https://interra.example/verifier/ABCDE-FGHJK-MNPQR-STVWX".into(),
        };
        let pdf = render(&[
            c.clone(),
            CertificateText {
                lang: Lang::Fr,
                ..c
            },
        ])
        .expect("pdf");
        assert!(pdf.starts_with(b"%PDF-"));
        // pdftotext wraps right-to-left runs in bidi embedding marks; the words are what count.
        let text: String = pdftotext(&pdf)
            .chars()
            .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}'))
            .collect();
        let pages: Vec<&str> = text.split('\u{000C}').collect();
        assert_eq!(pages.len(), 3, "two pages and the end: {text}");
        // The Arabic page: labels in reading order, as typed (not reversed, not presentation
        // forms), the Latin name and the digits of the dates intact beside them.
        for needle in [
            "شهادة حضور",
            "نشهد بأن",
            "التواصل بين الثقافات",
            "الساعات المحضورة",
            "رمز التحقق",
            "Amina Benali",
            "01/02/2027 – 08/02/2027",
            "ABCDE-FGHJK-MNPQR-STVWX",
        ] {
            assert!(pages[0].contains(needle), "{needle} in {}", pages[0]);
        }
        assert!(!pages[0]
            .chars()
            .any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)));
        assert!(!pages[0].contains("روضح"), "reversed Arabic: {}", pages[0]);
        for needle in [
            "Attestation de participation",
            "Nous attestons que",
            "Amina Benali",
            "Heures suivies",
            "CPAS de Liège",
            "Délivrée par",
            "Interra ASBL",
            "https://interra.example/verifier/ABCDE-FGHJK-MNPQR-STVWX",
        ] {
            assert!(pages[1].contains(needle), "{needle} in {}", pages[1]);
        }
    }
}
