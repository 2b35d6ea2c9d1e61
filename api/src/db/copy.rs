//! `interra copy-db --to postgres://…`: copies an SQLite database into an empty PostgreSQL
//! database (the move from one server to several instances), then checks the copy.
//!
//! The destination gets the migrations first (so both hold the same tables), then, in one
//! transaction, every table is emptied of what the migrations seeded and filled with the
//! SQLite rows. Rows travel as JSON, 500 at a time: SQLite writes them with `json_object`,
//! PostgreSQL reads them with `json_populate_recordset`, which converts every value to its
//! column's type. Foreign keys are not checked during the copy (`session_replication_role =
//! replica`, which needs the database's owner to be a superuser, as the `postgres` image's
//! user is): the rows are already consistent in the source. Checked afterwards: the row count
//! of every table, and a sample of rows of each compared value by value.

use std::collections::BTreeMap;

use anyhow::{bail, Context};
use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use diesel::{PgConnection, SqliteConnection};
use serde_json::Value;

use crate::db::{run_migrations, DbConnection};

/// Rows per statement.
const CHUNK: i64 = 500;
/// Rows per table compared value by value.
const SAMPLE: i64 = 25;

/// What was copied: rows per table (as counted on both sides after the copy).
#[derive(Debug, Default)]
pub struct CopyReport {
    pub tables: BTreeMap<String, i64>,
    pub sampled: usize,
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Json {
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    json: Option<String>,
}

/// The tables of the destination and their columns (name, type), in column order.
type Tables = BTreeMap<String, Vec<(String, String)>>;

fn tables(pg: &mut PgConnection) -> anyhow::Result<Tables> {
    let cols: Vec<Column> = diesel::sql_query(
        "SELECT table_name::text AS table_name, column_name::text AS column_name, \
         data_type::text AS data_type FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations' \
         ORDER BY table_name, ordinal_position",
    )
    .load(pg)?;
    let mut out = Tables::new();
    for c in cols {
        out.entry(c.table_name)
            .or_default()
            .push((c.column_name, c.data_type));
    }
    Ok(out)
}

/// Copies the SQLite database `source` into the PostgreSQL database at `to`, which must hold
/// no table yet; returns what was copied and checked.
pub fn copy_sqlite_to_postgres(source: &mut DbConnection, to: &str) -> anyhow::Result<CopyReport> {
    let DbConnection::Sqlite(sqlite) = source else {
        bail!("copy-db copies an SQLite database: INTERRA_DATABASE_URL must be sqlite://…");
    };
    let mut dest = DbConnection::Postgres(
        PgConnection::establish(to)
            .with_context(|| format!("cannot connect to {}", crate::db::redact(to)))?,
    );
    let DbConnection::Postgres(pg) = &mut dest else {
        bail!("unreachable");
    };
    let existing: Vec<Name> = diesel::sql_query(
        "SELECT table_name::text AS name FROM information_schema.tables \
         WHERE table_schema = 'public'",
    )
    .load(pg)?;
    if !existing.is_empty() {
        bail!(
            "the destination database is not empty ({} table(s), e.g. {}): copy-db only fills a new, empty database",
            existing.len(),
            existing[0].name
        );
    }
    pg.batch_execute("SET TIME ZONE 'UTC'")?;
    run_migrations(&mut dest).context("cannot create the tables in the destination")?;
    let DbConnection::Postgres(pg) = &mut dest else {
        bail!("unreachable");
    };
    let tables = tables(pg)?;
    pg.transaction::<_, anyhow::Error, _>(|pg| {
        pg.batch_execute("SET LOCAL session_replication_role = replica")
            .context("the copy needs a PostgreSQL role allowed to set session_replication_role (a superuser, such as the postgres image's user)")?;
        for (table, columns) in &tables {
            pg.batch_execute(&format!("DELETE FROM \"{table}\""))?;
            copy_table(sqlite, pg, table, columns)
                .with_context(|| format!("cannot copy the table {table}"))?;
        }
        Ok(())
    })?;
    verify(sqlite, pg, &tables)
}

/// `json_object('a', "a", 'b', "b", …)` over the columns.
fn json_object(columns: &[(String, String)]) -> String {
    let pairs: Vec<String> = columns
        .iter()
        .map(|(c, _)| format!("'{c}', \"{c}\""))
        .collect();
    format!("json_object({})", pairs.join(", "))
}

fn copy_table(
    sqlite: &mut SqliteConnection,
    pg: &mut PgConnection,
    table: &str,
    columns: &[(String, String)],
) -> anyhow::Result<()> {
    let object = json_object(columns);
    let names: Vec<String> = columns.iter().map(|(c, _)| format!("\"{c}\"")).collect();
    let names = names.join(", ");
    let mut offset = 0;
    loop {
        let chunk: Json = diesel::sql_query(format!(
            "SELECT json_group_array({object}) AS json FROM \
             (SELECT * FROM \"{table}\" ORDER BY rowid LIMIT {CHUNK} OFFSET {offset})"
        ))
        .get_result(sqlite)?;
        let json = chunk.json.unwrap_or_else(|| "[]".into());
        if json == "[]" {
            return Ok(());
        }
        diesel::sql_query(format!(
            "INSERT INTO \"{table}\" ({names}) SELECT {names} FROM \
             json_populate_recordset(NULL::\"{table}\", $1::json)"
        ))
        .bind::<Text, _>(json)
        .execute(pg)?;
        offset += CHUNK;
    }
}

/// Counts every table on both sides and compares a sample of rows value by value.
fn verify(
    sqlite: &mut SqliteConnection,
    pg: &mut PgConnection,
    tables: &Tables,
) -> anyhow::Result<CopyReport> {
    let mut report = CopyReport::default();
    for (table, columns) in tables {
        let count = format!("SELECT COUNT(*) AS n FROM \"{table}\"");
        let here = diesel::sql_query(&count).get_result::<Count>(sqlite)?.n;
        let there = diesel::sql_query(&count).get_result::<Count>(pg)?.n;
        if here != there {
            bail!("table {table}: {here} row(s) in SQLite, {there} in PostgreSQL");
        }
        report.tables.insert(table.clone(), there);
        let object = json_object(columns);
        let sample: Json = diesel::sql_query(format!(
            "SELECT json_group_array({object}) AS json FROM \
             (SELECT * FROM \"{table}\" ORDER BY rowid LIMIT {SAMPLE})"
        ))
        .get_result(sqlite)?;
        let rows: Vec<BTreeMap<String, Value>> =
            serde_json::from_str(sample.json.as_deref().unwrap_or("[]"))?;
        let pg_object: Vec<String> = columns
            .iter()
            .map(|(c, _)| format!("'{c}', \"{c}\""))
            .collect();
        let Some((first, _)) = columns.first() else {
            continue;
        };
        for row in rows {
            let key = match row.get(first) {
                Some(Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
                None => bail!("table {table}: no column {first} in SQLite"),
            };
            let found: Vec<Json> = diesel::sql_query(format!(
                "SELECT json_build_object({})::text AS json FROM \"{table}\" WHERE \"{first}\"::text = $1",
                pg_object.join(", ")
            ))
            .bind::<Text, _>(&key)
            .load(pg)?;
            let same = found.iter().any(|f| {
                serde_json::from_str::<BTreeMap<String, Value>>(f.json.as_deref().unwrap_or("{}"))
                    .is_ok_and(|theirs| same_row(&row, &theirs, columns))
            });
            if !same {
                bail!("table {table}: the row {first} = {key} differs after the copy");
            }
            report.sampled += 1;
        }
    }
    Ok(report)
}

/// Whether a row read from SQLite and one read from PostgreSQL hold the same values, by the
/// PostgreSQL column type (booleans are 0/1 in SQLite, timestamps are written differently).
fn same_row(
    ours: &BTreeMap<String, Value>,
    theirs: &BTreeMap<String, Value>,
    columns: &[(String, String)],
) -> bool {
    columns.iter().all(|(c, ty)| {
        let (a, b) = (
            ours.get(c).unwrap_or(&Value::Null),
            theirs.get(c).unwrap_or(&Value::Null),
        );
        match (a, b) {
            (Value::Null, Value::Null) => true,
            (Value::Null, _) | (_, Value::Null) => false,
            _ => match ty.as_str() {
                "boolean" => truthy(a) == truthy(b),
                "double precision" | "real" => a.as_f64() == b.as_f64(),
                t if t.starts_with("timestamp") => {
                    timestamp(a).is_some() && timestamp(a) == timestamp(b)
                }
                _ => a == b,
            },
        }
    })
}

fn truthy(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_i64().map(|n| n != 0),
        _ => None,
    }
}

fn timestamp(v: &Value) -> Option<NaiveDateTime> {
    let s = v.as_str()?.replace('T', " ");
    NaiveDateTime::parse_from_str(&s, "%Y-%m-%d %H:%M:%S%.f").ok()
}
