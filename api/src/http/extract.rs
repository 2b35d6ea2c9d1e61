//! Body and query extractors that fail with field-level problems instead of actix's plain-text
//! errors: the JSON path of a wrongly typed value becomes the key in `errors`.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// Largest JSON body accepted (bytes).
pub const JSON_LIMIT: usize = 256 * 1024;

/// A JSON request body.
pub struct Json<T>(pub T);

fn is_json(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<mime_guess::mime::Mime>().ok())
        .is_some_and(|m| {
            m.type_() == "application"
                && (m.subtype() == "json" || m.suffix().is_some_and(|s| s == "json"))
        })
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = is_json(req);
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !json {
                return Err(ApiError::UnsupportedMediaType);
            }
            if declared.is_some_and(|n| n > JSON_LIMIT) {
                return Err(ApiError::PayloadTooLarge(JSON_LIMIT));
            }
            let mut body = bytes::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|e| ApiError::Malformed(e.to_string()))?;
                if body.len() + chunk.len() > JSON_LIMIT {
                    return Err(ApiError::PayloadTooLarge(JSON_LIMIT));
                }
                body.extend_from_slice(&chunk);
            }
            if body.is_empty() {
                return Err(ApiError::Malformed("empty body".into()));
            }
            parse_json(&body).map(Json)
        })
    }
}

/// Parses JSON, reporting type errors against the field they concern. Before the body reaches
/// the handler, every string is checked once here (see [`check_value`]), a number without a
/// fraction is an integer whatever its spelling (`5.0`, as JSON Schema's `integer` says), and a
/// body whose type is an object must be one: serde would otherwise read `[null, null]` as a
/// struct, field by field.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let mut value: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| ApiError::Malformed(e.to_string()))?;
    check_value(&value, &mut String::new())?;
    whole_numbers_as_integers(&mut value);
    serde_path_to_error::deserialize(ObjectsOnly(value)).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        let reason = inner.to_string();
        // A missing field is a plain "required" on that field, like any form would say.
        if let Some(name) = reason
            .strip_prefix("missing field `")
            .and_then(|r| r.split('`').next())
        {
            let full = if field == "." {
                name.to_owned()
            } else {
                format!("{field}.{name}")
            };
            return ApiError::field(&full, crate::i18n::Msg::Required);
        }
        match inner.classify() {
            serde_json::error::Category::Data => ApiError::InvalidValue {
                field: if field == "." { "body".into() } else { field },
                reason: strip_position(&inner.to_string()),
            },
            _ => ApiError::Malformed(inner.to_string()),
        }
    })
}

/// `5.0` becomes `5`, so that an integer field reads it (a float field reads either).
fn whole_numbers_as_integers(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(n) => {
            let whole = n
                .as_f64()
                .filter(|f| n.is_f64() && f.fract() == 0.0 && f.abs() < 9.0e15);
            if let Some(f) = whole {
                // Exact: |f| < 2^53.
                #[allow(clippy::cast_possible_truncation)]
                let i = f as i64;
                *n = i.into();
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(whole_numbers_as_integers),
        serde_json::Value::Object(map) => map.values_mut().for_each(whole_numbers_as_integers),
        _ => {}
    }
}

/// Oldest and latest year a date may have. PostgreSQL cannot store chrono's whole range
/// (`-262143-01-02`), and no record of this application lies outside these years.
pub const YEARS: (i32, i32) = (1900, 2200);

/// Refuses, in a body or a query, what no field may hold: a NUL character (PostgreSQL cannot
/// store it in text, SQLite would keep it) and a date outside [`YEARS`]. Dates travel as
/// strings in many shapes (`NaiveDate`, RFC 3339, local times parsed by handlers), so any
/// string that reads as a date is bounded, whatever the field.
fn check_value(value: &serde_json::Value, path: &mut String) -> Result<(), ApiError> {
    match value {
        serde_json::Value::String(s) => check_text(path, s),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                check_value(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                check_text(path, key)?;
                check_value(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn check_text(field: &str, text: &str) -> Result<(), ApiError> {
    let field = if field.is_empty() { "body" } else { field };
    if text.contains('\0') {
        return Err(ApiError::InvalidValue {
            field: field.to_owned(),
            reason: "contains a NUL character (\\u0000)".into(),
        });
    }
    if date_year(text).is_some_and(|y| !(i64::from(YEARS.0)..=i64::from(YEARS.1)).contains(&y)) {
        return Err(ApiError::field(
            field,
            crate::i18n::Msg::YearOutOfRange(YEARS.0, YEARS.1),
        ));
    }
    Ok(())
}

/// The year of a string that starts like a date chrono would read (`2026-12-05`,
/// `-262143-01-02T10:00`, `+10000-01-01`): a sign or at least four digits, a month 01-12 and a
/// day 01-31, then nothing or a time.
fn date_year(s: &str) -> Option<i64> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'-' => (-1, &s[1..]),
        b'+' => (1, &s[1..]),
        _ => (1, s),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || (digits < 4 && sign == 1 && !s.starts_with('+')) {
        return None;
    }
    let tail = &rest.as_bytes()[digits..];
    let two = |i: usize| -> Option<u32> {
        let d = tail.get(i..i + 2)?;
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| u32::from(d[0] - b'0') * 10 + u32::from(d[1] - b'0'))
    };
    if tail.first() != Some(&b'-') || tail.get(3) != Some(&b'-') {
        return None;
    }
    let (month, day) = (two(1)?, two(4)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    if !matches!(tail.get(6), None | Some(b'T' | b't' | b' ')) {
        return None;
    }
    // Beyond i64 is out of range too.
    let year = rest[..digits].parse::<i64>().unwrap_or(i64::MAX);
    Some(sign * year)
}

/// Deserializes a body, reading a struct only from a JSON object.
struct ObjectsOnly<D>(D);

macro_rules! forward {
    ($($method:ident),+) => {
        $(fn $method<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(visitor)
        })+
    };
}

impl<'de, D: serde::Deserializer<'de>> serde::Deserializer<'de> for ObjectsOnly<D> {
    type Error = D::Error;
    forward!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any
    );

    fn deserialize_unit_struct<V: serde::de::Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, visitor)
    }

    fn deserialize_newtype_struct<V: serde::de::Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, visitor)
    }

    fn deserialize_tuple<V: serde::de::Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, visitor)
    }

    fn deserialize_tuple_struct<V: serde::de::Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, visitor)
    }

    // The one change: a map, never a sequence.
    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    fn deserialize_enum<V: serde::de::Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// serde_json appends "at line 1 column 20" to data errors; the field path says more.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// Query-string parameters.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_query(req.query_string()).map(Query))
    }
}

pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        check_text(&key, &key)?;
        check_text(&key, &value)?;
    }
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        ApiError::InvalidValue {
            field: if field == "." { "query".into() } else { field },
            reason: e.into_inner().to_string(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Body {
        email: String,
        active: Option<bool>,
    }

    #[test]
    fn type_errors_name_the_field() {
        match parse_json::<Body>(br#"{"email": 5}"#) {
            Err(ApiError::InvalidValue { field, reason }) => {
                assert_eq!(field, "email");
                assert!(reason.contains("invalid type"), "{reason}");
                assert!(!reason.contains("line"), "{reason}");
            }
            other => panic!("unexpected {other:?}", other = other.map(|_| ())),
        }
        assert!(matches!(
            parse_json::<Body>(br#"{"email": "#),
            Err(ApiError::Malformed(_))
        ));
    }

    #[test]
    fn strings_that_read_as_dates_are_bounded() {
        assert_eq!(date_year("2026-12-05"), Some(2026));
        assert_eq!(date_year("2026-12-05T14:00"), Some(2026));
        assert_eq!(date_year("-262143-01-02T10:00"), Some(-262143));
        assert_eq!(date_year("+10000-01-01"), Some(10000));
        // Not dates: phone numbers, short numbers, prose.
        for text in [
            "0470-12-34-56",
            "02-12-34",
            "0470-12-34",
            "2026-13-01",
            "Atelier 2026",
        ] {
            assert_eq!(date_year(text), None, "{text}");
        }
        assert!(parse_json::<Body>(br#"{"email": "1850-01-01", "active": null}"#).is_err());
        assert!(parse_json::<Body>(br#"{"email": "2026-01-01", "active": null}"#).is_ok());
    }

    #[test]
    fn query_errors_name_the_parameter() {
        match parse_query::<Body>("email=a&active=maybe") {
            Err(ApiError::InvalidValue { field, .. }) => assert_eq!(field, "active"),
            other => panic!("unexpected {:?}", other.map(|_| ())),
        }
    }
}
