//! [`JsonText`]: a JSON value in a TEXT column (MultiConnection has no `Json`/`Jsonb`).

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::Pg;
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;
use diesel::sqlite::Sqlite;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::MultiBackend;

/// A value stored as JSON text. Decoding fails loudly: corrupt or unexpected JSON is a
/// deserialization error (a logged 500), never a silent default that would hide it.
#[derive(Debug, Clone, PartialEq, Eq, Default, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub struct JsonText<T>(pub T);

impl<T: Serialize> JsonText<T> {
    fn encode(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(&self.0)
    }
}

// A row dump (the GDPR export) shows the column as the database holds it: JSON text.
impl<T: Serialize> Serialize for JsonText<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.encode().map_err(serde::ser::Error::custom)?)
    }
}

impl<T, DB> FromSql<Text, DB> for JsonText<T>
where
    DB: Backend,
    String: FromSql<Text, DB>,
    T: DeserializeOwned,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<Text, DB>>::from_sql(bytes)?;
        serde_json::from_str(&text)
            .map(JsonText)
            .map_err(|e| format!("undecodable JSON in the database: {e}").into())
    }
}

// Per backend, not generic: the encoded text is a temporary, and each backend keeps a bound
// value differently (PostgreSQL copies the bytes, SQLite takes the owned string).
impl<T: Serialize + std::fmt::Debug> ToSql<Text, Pg> for JsonText<T> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        let text = self.encode()?;
        <str as ToSql<Text, Pg>>::to_sql(&text, &mut out.reborrow())
    }
}

impl<T: Serialize + std::fmt::Debug> ToSql<Text, Sqlite> for JsonText<T> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.encode()?);
        Ok(serialize::IsNull::No)
    }
}

// The MultiConnection backend hands the value to the connection's own backend.
impl<T> ToSql<Text, MultiBackend> for JsonText<T>
where
    T: Serialize + std::fmt::Debug + Send + Sync + 'static,
{
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((Text, self));
        Ok(serialize::IsNull::No)
    }
}

#[cfg(test)]
mod tests {
    use diesel::prelude::*;
    use diesel::sql_types::Text;

    use super::JsonText;
    use crate::db::DbConnection;

    #[test]
    fn json_text_round_trips_and_fails_loudly_through_the_multi_backend() {
        let mut conn = DbConnection::Sqlite(
            SqliteConnection::establish(":memory:").expect("in-memory SQLite"),
        );
        let v: JsonText<Vec<i32>> = diesel::select(JsonText(vec![1, 2]).into_sql::<Text>())
            .get_result(&mut conn)
            .expect("a readable value");
        assert_eq!(v.0, vec![1, 2]);
        let bad = diesel::select("not json".into_sql::<Text>())
            .get_result::<JsonText<Vec<i32>>>(&mut conn);
        assert!(matches!(
            bad,
            Err(diesel::result::Error::DeserializationError(_))
        ));
    }

    #[test]
    fn wire_enums_read_unknown_text_as_an_error() {
        use shared::people::Category;
        let mut conn = DbConnection::Sqlite(
            SqliteConnection::establish(":memory:").expect("in-memory SQLite"),
        );
        let ok: Category = diesel::select(Category::Local.into_sql::<Text>())
            .get_result(&mut conn)
            .expect("a readable value");
        assert_eq!(ok, Category::Local);
        let bad = diesel::select("alien".into_sql::<Text>()).get_result::<Category>(&mut conn);
        assert!(matches!(
            bad,
            Err(diesel::result::Error::DeserializationError(_))
        ));
    }
}
