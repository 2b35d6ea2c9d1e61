//! The languages of the interface and of API messages.

use serde::{Deserialize, Serialize};

/// A supported language. French is Interra's working language and the default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
    Nl,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Fr, Lang::En, Lang::Nl, Lang::Ar];

    /// BCP 47 tag.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::Ar => "ar",
        }
    }

    /// Writing direction, for the `dir` attribute of the document.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The language's own name, as shown in a language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
            Lang::Nl => "Nederlands",
            Lang::Ar => "العربية",
        }
    }

    /// Parses a language tag such as `fr`, `fr-BE` or `AR`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// Picks the best supported language from an `Accept-Language` header value, honouring
    /// q-values; `None` when nothing in it is supported.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(Lang, f32)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(Lang::from_tag) else {
                continue;
            };
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q > 0.0 && best.is_none_or(|(_, bq)| q > bq) {
                best = Some((lang, q));
            }
        }
        best.map(|(l, _)| l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_honours_quality_and_regions() {
        assert_eq!(Lang::from_accept_language("ar"), Some(Lang::Ar));
        assert_eq!(Lang::from_accept_language("nl-BE,fr;q=0.8"), Some(Lang::Nl));
        assert_eq!(
            Lang::from_accept_language("de-DE, en;q=0.5, fr;q=0.9"),
            Some(Lang::Fr)
        );
        assert_eq!(Lang::from_accept_language("de, it"), None);
        assert_eq!(Lang::from_accept_language("en;q=0"), None);
    }

    #[test]
    fn arabic_is_right_to_left() {
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Fr.dir(), "ltr");
    }
}
