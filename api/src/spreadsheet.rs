//! Cells of every spreadsheet export (CSV now, XLSX later): text a visitor typed must never run
//! as a formula in the staff member's spreadsheet program.

use std::borrow::Cow;

/// OWASP's rule against CSV injection: a cell starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is prefixed with `'`, which spreadsheet programs show as text. Applied to
/// every cell, so a phone number (`+32…`) also stays text instead of losing its `+`.
pub fn cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_become_text() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        assert_eq!(cell("+32470123456"), "'+32470123456");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "'\rx");
    }

    #[test]
    fn plain_text_is_untouched() {
        assert_eq!(cell("Amina"), "Amina");
        assert_eq!(cell(""), "");
        assert_eq!(cell("a=b"), "a=b");
    }
}
