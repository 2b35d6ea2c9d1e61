//! Query strings. The web app writes them from the same types the API reads (`*Filter`,
//! `*Query` in each module), so a parameter cannot be misspelt on one side only.

use serde::de::{Error as _, IntoDeserializer};
use serde::{Deserialize, Deserializer, Serialize};

use crate::Lang;

/// `?a=1&b=x` for the fields of `q` that are set, or `""` when none is. Text is trimmed and
/// blank values are left out, as a form's empty field means "no filter"; a space is written
/// `%20` (both readings of `+` are then avoided in addresses the app shows). Fails only for a
/// type that is not a flat struct of scalars (a programming error the round-trip tests catch).
pub fn query_string<T: Serialize>(q: &T) -> Result<String, serde_urlencoded::ser::Error> {
    let raw = serde_urlencoded::to_string(q)?;
    let mut out = form_urlencoded::Serializer::new(String::new());
    let mut any = false;
    for (k, v) in form_urlencoded::parse(raw.as_bytes()) {
        let v = v.trim();
        if !v.is_empty() {
            out.append_pair(&k, v);
            any = true;
        }
    }
    // `form_urlencoded` writes a space as `+` and a literal `+` as `%2B`.
    Ok(if any {
        format!("?{}", out.finish().replace('+', "%20"))
    } else {
        String::new()
    })
}

/// A `lang` parameter: any tag `Lang::from_tag` reads (`fr`, `fr-BE`, `AR`); the document
/// shows the four codes. Use with `#[serde(default, deserialize_with = "...")]`.
pub fn lang_tag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(tag) => Lang::from_tag(&tag).map(Some).ok_or_else(|| {
            D::Error::custom(format!(
                "unknown language {tag:?}: expected fr, en, nl or ar"
            ))
        }),
    }
}

/// An optional enum parameter where an empty value means "not given" (`?sort=`), as the API
/// has always read it. Use with `#[serde(default, deserialize_with = "...")]`.
pub fn blank_as_none<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    match Option::<String>::deserialize(d)? {
        Some(s) if !s.trim().is_empty() => {
            let text: serde::de::value::StringDeserializer<D::Error> = s.into_deserializer();
            T::deserialize(text).map(Some)
        }
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::users::UserFilter;

    #[test]
    fn only_what_is_set_is_written_and_text_is_encoded() {
        assert_eq!(
            query_string(&UserFilter::default()).ok(),
            Some(String::new())
        );
        let blank = UserFilter {
            q: Some("   ".into()),
            ..UserFilter::default()
        };
        assert_eq!(query_string(&blank).ok(), Some(String::new()));
        let f = UserFilter {
            q: Some("  a+b c&d=é ".into()),
            active: Some(false),
            page: Some(2),
            ..UserFilter::default()
        };
        assert_eq!(
            query_string(&f).ok().as_deref(),
            Some("?q=a%2Bb%20c%26d%3D%C3%A9&active=false&page=2")
        );
    }

    #[test]
    fn languages_are_read_as_tags() {
        #[derive(Debug, Deserialize)]
        struct Q {
            #[serde(default, deserialize_with = "lang_tag")]
            lang: Option<Lang>,
        }
        let read = |s: &str| serde_urlencoded::from_str::<Q>(s).map(|q| q.lang).ok();
        assert_eq!(read("lang=fr-BE"), Some(Some(Lang::Fr)));
        assert_eq!(read(""), Some(None));
        assert_eq!(read("lang=xx"), None);
    }
}
