//! The interface's message catalogues.
//!
//! Every user-visible string of the app is a key of one catalogue, declared with [`catalogue!`]
//! in one module per feature: a key without its four texts does not compile, and each module's
//! tests run [`check_catalogue`]. Strings with `{name}`-style placeholders are filled by [`tf`].
//! French is the default language (Interra works in French).

use shared::Lang;

pub mod accounts;
pub mod activities;
pub mod auth;
pub mod common;
pub mod duo;
pub mod home;
pub mod interact;
pub mod interlab;
pub mod interlab_follow;
pub mod interlab_mentoring;
pub mod interlab_office;
pub mod participation;
pub mod partners;
pub mod password;
pub mod people;
pub mod people_admin;
pub mod person;
pub mod public;
pub mod reports;
pub mod team;
pub mod trainings;
pub mod trainings_staff;
pub mod vocabulary;

/// A key of one of the catalogues (each declared with [`catalogue!`](crate::catalogue) in its
/// own module, so that features grow their catalogues without touching each other's).
pub trait Message: Copy + std::fmt::Debug + Send + Sync + 'static {
    /// Every key of the catalogue, each at its [`Message::index`].
    const KEYS: &'static [Self];
    /// The key's place in [`Message::KEYS`].
    fn index(self) -> usize;
    /// The message in `lang`.
    fn text(self, lang: Lang) -> &'static str;
}

/// A key of any catalogue, for components that show a message given by their caller.
#[derive(Clone, Copy)]
pub struct Text {
    index: usize,
    lookup: fn(usize, Lang) -> &'static str,
}

impl Text {
    pub fn get(self, lang: Lang) -> &'static str {
        (self.lookup)(self.index, lang)
    }
}

fn lookup<K: Message>(index: usize, lang: Lang) -> &'static str {
    K::KEYS[index].text(lang)
}

impl<K: Message> From<K> for Text {
    fn from(key: K) -> Self {
        Text {
            index: key.index(),
            lookup: lookup::<K>,
        }
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.get(Lang::Fr))
    }
}

/// Declares a feature catalogue: an enum of keys, `ALL`, and its [`Message`] implementation;
/// every key must give its French, English, Dutch and Arabic text, or it does not compile.
///
/// ```ignore
/// catalogue! {
///     /// Messages of the agenda.
///     pub enum AgendaKey {
///         Title => { fr: "Agenda", en: "Agenda", nl: "Agenda", ar: "الأجندة" },
///     }
/// }
/// ```
#[macro_export]
macro_rules! catalogue {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $key:ident => { fr: $fr:expr, en: $en:expr, nl: $nl:expr, ar: $ar:expr $(,)? } ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $key ),*
        }

        impl $name {
            /// Every key, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$key ),* ];
        }

        impl $crate::i18n::Message for $name {
            const KEYS: &'static [Self] = $name::ALL;
            fn index(self) -> usize {
                self as usize
            }
            fn text(self, lang: ::shared::Lang) -> &'static str {
                match self {
                    $( $name::$key => match lang {
                        ::shared::Lang::Fr => $fr,
                        ::shared::Lang::En => $en,
                        ::shared::Lang::Nl => $nl,
                        ::shared::Lang::Ar => $ar,
                    } ),*
                }
            }
        }
    };
}

/// The message for `key` in `lang`.
pub fn t(lang: Lang, key: impl Into<Text>) -> &'static str {
    key.into().get(lang)
}

/// The message for `key` in `lang`, with its placeholders filled ([`fill_in`]).
pub fn tf(lang: Lang, key: impl Into<Text>, args: &[(&str, &str)]) -> String {
    fill_in(lang, t(lang, key), args)
}

/// Whether `n` takes the singular in `lang`: 0 and 1 in French, 1 in English and Dutch (Arabic
/// messages are phrased so that no noun agrees with a number: "عدد الأنشطة: {count}").
pub fn singular(lang: Lang, n: i64) -> bool {
    match lang {
        Lang::Fr => n == 0 || n == 1,
        _ => n == 1,
    }
}

/// Whether French elides `de`/`que` before `word` (`d'Anne`, `qu'Omar`).
fn elides(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| "aeiouéèêëàâäîïôöûüAEIOUÉÈÊËÀÂÄÎÏÔÖÛÜ".contains(c))
}

/// Fills `template` in `lang`: `{name}` becomes its value; `{name?one|other}` the form that
/// agrees with the number `name` (`{count} {count?rencontre|rencontres}`); in French, `de` and
/// `que` before a value starting with a vowel elide (`l'inscription d'Anne`). A placeholder
/// without a value stays as it is.
pub fn fill_in(lang: Lang, template: &str, args: &[(&str, &str)]) -> String {
    let value = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &after[..close];
        rest = &after[close + 1..];
        match inner.split_once('?') {
            Some((name, forms)) => {
                let (one, other) = forms.split_once('|').unwrap_or((forms, forms));
                match value(name).and_then(|v| v.trim().parse::<i64>().ok()) {
                    Some(n) if singular(lang, n) => out.push_str(one),
                    Some(_) => out.push_str(other),
                    None => out.push_str(&format!("{{{inner}}}")),
                }
            }
            None => match value(inner) {
                Some(v) => {
                    if lang == Lang::Fr && elides(v) {
                        for (word, short) in [("de ", "d'"), ("De ", "D'"), ("que ", "qu'")] {
                            // `strip_suffix` cuts on a character boundary, whatever letter the
                            // text ends with.
                            let Some(before) = out.strip_suffix(word) else {
                                continue;
                            };
                            if before.is_empty() || before.ends_with([' ', '(', '\u{a0}']) {
                                out.truncate(before.len());
                                out.push_str(short);
                                break;
                            }
                        }
                    }
                    out.push_str(v);
                }
                None => out.push_str(&format!("{{{inner}}}")),
            },
        }
    }
    out.push_str(rest);
    out
}

/// The checks every catalogue passes (call from the catalogue's tests): no empty message, the
/// same placeholders in every language, and other languages not copied from French except for
/// the keys in `same_everywhere` (names, loanwords) and at most `tolerance` more.
#[cfg(test)]
pub fn check_catalogue<K: Message + PartialEq>(all: &[K], same_everywhere: &[K], tolerance: usize) {
    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            // `{count?form|forms}` agrees with `{count}`: the same placeholder.
            .map(|p| p.split_once('?').map_or(p, |(name, _)| name))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
    for &key in all {
        let reference = placeholders(t(Lang::Fr, key));
        for lang in Lang::ALL {
            let s = t(lang, key);
            assert!(!s.trim().is_empty(), "{lang:?} {key:?} is empty");
            assert!(
                !(matches!(lang, Lang::Fr | Lang::En) && fixed_plural(s)),
                "{lang:?} {key:?} puts a number before a fixed plural (\"1 jours\"): use {{n?one|many}}"
            );
            assert_eq!(
                placeholders(s),
                reference,
                "{lang:?} {key:?} has different placeholders"
            );
        }
    }
    for lang in [Lang::En, Lang::Nl, Lang::Ar] {
        let identical = all
            .iter()
            .filter(|k| !same_everywhere.contains(k) && t(lang, **k) == t(Lang::Fr, **k))
            .collect::<Vec<_>>();
        assert!(
            identical.len() <= tolerance,
            "{lang:?} repeats French for {identical:?}"
        );
    }
}

/// Whether `s` writes a number placeholder straight before a plural word ("{days} jours")
/// without the `{days?jour|jours}` form that agrees with it.
#[cfg(test)]
fn fixed_plural(s: &str) -> bool {
    const NUMBERS: [&str; 9] = [
        "days", "count", "n", "weeks", "months", "hours", "minutes", "people", "total",
    ];
    NUMBERS.iter().any(|name| {
        let placeholder = format!("{{{name}}} ");
        !s.contains(&format!("{{{name}?"))
            && s.match_indices(&placeholder).any(|(at, p)| {
                let word: String = s[at + p.len()..]
                    .chars()
                    .take_while(|c| c.is_alphabetic() || *c == '·')
                    .collect();
                // Words that end in "s" but do not agree with a number.
                const INVARIANT: [&str; 15] = [
                    "fois", "mois", "avis", "dans", "sans", "sous", "vers", "plus", "moins",
                    "parmi", "was", "has", "this", "its", "across",
                ];
                word.chars().count() > 2
                    && (word.ends_with('s') || word.ends_with("·es"))
                    && !INVARIANT.contains(&word.to_lowercase().as_str())
            })
    })
}

/// A tag's label in `lang`.
pub fn tag_label(tag: &shared::tags::Tag, lang: Lang) -> &str {
    match lang {
        Lang::Fr => &tag.label_fr,
        Lang::En => &tag.label_en,
        Lang::Nl => &tag.label_nl,
        Lang::Ar => &tag.label_ar,
    }
}

/// Locale used for dates and numbers: Belgian variants where they exist.
pub fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr-BE",
        Lang::En => "en-GB",
        Lang::Nl => "nl-BE",
        Lang::Ar => "ar",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use common::CommonKey;

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            tf(
                Lang::En,
                CommonKey::PageOf,
                &[("page", "2"), ("pages", "5")]
            ),
            "Page 2 of 5"
        );
        assert_eq!(
            tf(Lang::Fr, auth::AuthKey::HomeGreeting, &[("name", "Amina")]),
            "Bonjour, Amina"
        );
    }

    #[test]
    fn elision_never_cuts_inside_a_letter() {
        // Text ending in an accented letter before a placeholder panicked ("not a char
        // boundary") and left a coach's activity page loading for ever.
        let letters = ["é", "a", " ", "d", "e"];
        let mut prefixes = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = prefixes
                .iter()
                .flat_map(|p| letters.iter().map(move |l| format!("{p}{l}")))
                .collect();
            prefixes.extend(longer);
        }
        for prefix in prefixes {
            let filled = fill_in(Lang::Fr, &format!("{prefix}{{name}}"), &[("name", "Eli")]);
            assert!(filled.ends_with("Eli"), "{prefix:?} gave {filled:?}");
        }
        assert_eq!(
            fill_in(Lang::Fr, "Idée de {name}", &[("name", "Omar")]),
            "Idée d'Omar"
        );
        assert_eq!(
            fill_in(Lang::Fr, "éaa{name}", &[("name", "Anne")]),
            "éaaAnne"
        );
    }

    #[test]
    fn a_number_before_a_fixed_plural_is_caught() {
        assert!(fixed_plural("En attente depuis {days} jours (le {date})"));
        assert!(fixed_plural("{count} rencontres"));
        assert!(!fixed_plural("{days} {days?jour|jours}"));
        assert!(!fixed_plural("il y a {days} {days?jour|jours}"));
        assert!(!fixed_plural("{count} sur {total}"));
        assert!(!fixed_plural("Le {date} à {time}"));
    }

    #[test]
    fn numbers_agree_and_french_elides_before_a_vowel() {
        let days = "il y a {days} {days?jour|jours}";
        assert_eq!(fill_in(Lang::Fr, days, &[("days", "1")]), "il y a 1 jour");
        assert_eq!(fill_in(Lang::Fr, days, &[("days", "0")]), "il y a 0 jour");
        assert_eq!(fill_in(Lang::Fr, days, &[("days", "3")]), "il y a 3 jours");
        let en = "{days} {days?day|days} ago";
        assert_eq!(fill_in(Lang::En, en, &[("days", "0")]), "0 days ago");
        assert_eq!(fill_in(Lang::En, en, &[("days", "1")]), "1 day ago");
        let of = "L'inscription de {name} est annulée.";
        assert_eq!(
            fill_in(Lang::Fr, of, &[("name", "Anne")]),
            "L'inscription d'Anne est annulée."
        );
        assert_eq!(
            fill_in(Lang::Fr, of, &[("name", "Émile")]),
            "L'inscription d'Émile est annulée."
        );
        assert_eq!(
            fill_in(Lang::Fr, of, &[("name", "Karim")]),
            "L'inscription de Karim est annulée."
        );
        // Only the word "de", not a word ending in "de".
        assert_eq!(
            fill_in(Lang::Fr, "Aide {name}", &[("name", "Anne")]),
            "Aide Anne"
        );
        assert_eq!(
            fill_in(Lang::En, "Role of {name}", &[("name", "Anne")]),
            "Role of Anne"
        );
        assert_eq!(
            tf(Lang::Fr, accounts::AccountsKey::RoleOf, &[("name", "Anne")]),
            "Rôle d'Anne"
        );
    }

    crate::catalogue! {
        /// A catalogue declared with the macro, as feature modules do.
        pub enum DemoKey {
            Hello => { fr: "Bonjour {name}", en: "Hello {name}", nl: "Hallo {name}", ar: "مرحبا {name}" },
            Agenda => { fr: "Agenda", en: "Agenda", nl: "Agenda", ar: "الأجندة" },
        }
    }

    #[test]
    fn catalogues_declared_with_the_macro_work() {
        check_catalogue(DemoKey::ALL, &[DemoKey::Agenda], 0);
        assert_eq!(
            tf(Lang::Nl, DemoKey::Hello, &[("name", "Amina")]),
            "Hallo Amina"
        );
        let text: Text = DemoKey::Agenda.into();
        assert_eq!(text.get(Lang::Ar), "الأجندة");
        assert_eq!(
            t(Lang::En, CommonKey::Menu),
            Text::from(CommonKey::Menu).get(Lang::En)
        );
    }

    #[test]
    fn every_key_sits_at_its_index() {
        for (i, key) in CommonKey::ALL.iter().enumerate() {
            assert_eq!(key.index(), i);
        }
    }
}
