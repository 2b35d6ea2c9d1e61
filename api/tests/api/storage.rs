//! Storage: data survives a restart; both backends' migrations build the schema the code uses.

use std::collections::BTreeMap;

use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use diesel_migrations::{FileBasedMigrations, MigrationHarness};
use interra_api::db::DbConnection;
use reqwest::{Method, StatusCode};
use shared::auth::Role;
use shared::users::{CreateUser, StaffUser};
use shared::Page;

use crate::both;
use crate::helpers::{expect_json, refresh_cookie, Backend, TestApp, PASSWORD};

both!(a_restart_keeps_data, |app: TestApp| async move {
    app.create_user("admin@example.be", Role::Admin);
    let admin = app.sign_in("admin@example.be", PASSWORD).await;
    let body = CreateUser {
        email: "kept@example.be".into(),
        display_name: "Kept Across Restarts".into(),
        role: Role::Coordinator,
        password: Some("survives every restart".into()),
    };
    let res = app
        .send_json(Method::POST, "/api/v1/users", Some(&admin.access), &body)
        .await;
    let created: StaffUser = expect_json(res, StatusCode::CREATED).await;

    let app = app.restart().await;

    assert_eq!(app.get("/readyz", None).await.status(), StatusCode::OK);
    let kept = app
        .sign_in("kept@example.be", "survives every restart")
        .await;
    assert_eq!(
        kept.user,
        StaffUser {
            last_login_at: kept.user.last_login_at,
            ..created.clone()
        }
    );
    // Sessions survive too: the access token and the refresh cookie issued before the restart.
    let list: Page<StaffUser> = expect_json(
        app.get("/api/v1/users?q=kept", Some(&admin.access)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        list.results.iter().map(|u| u.id).collect::<Vec<_>>(),
        [created.id]
    );
    let res = app.with_refresh_cookie("refresh", &admin.refresh).await;
    assert!(refresh_cookie(&res).is_some_and(|c| c != admin.refresh));
    assert_eq!(res.status(), StatusCode::OK);
});

fn migrations_dir(backend: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../migrations")
        .join(backend)
}

fn migration_names(backend: &str) -> Vec<String> {
    let dir = migrations_dir(backend);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("dir entry"))
        .filter(|entry| entry.path().is_dir())
        .map(|entry| {
            let path = entry.path();
            for file in ["up.sql", "down.sql"] {
                assert!(
                    path.join(file).is_file(),
                    "{} has no {file}",
                    path.display()
                );
            }
            entry.file_name().to_string_lossy().into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn both_backends_have_the_same_migrations() {
    let sqlite = migration_names("sqlite");
    let postgres = migration_names("postgres");
    assert!(!sqlite.is_empty());
    assert_eq!(
        sqlite, postgres,
        "migrations/sqlite and migrations/postgres must have the same folders"
    );
}

/// table → column → (type, nullable)
type Columns = BTreeMap<String, BTreeMap<String, (String, bool)>>;

/// The tables and columns the code expects, read from `interra_api::db::schema`.
fn schema_columns() -> Columns {
    const SCHEMA: &str = include_str!("../../src/db/schema.rs");
    let mut tables = Columns::new();
    let mut in_macro = false;
    let mut table: Option<String> = None;
    for line in SCHEMA.lines().map(str::trim) {
        if line.starts_with("diesel::table!") {
            in_macro = true;
            continue;
        }
        if !in_macro || line.is_empty() || line.starts_with("//") || line.starts_with('#') {
            continue;
        }
        match &table {
            None if line == "}" => in_macro = false,
            None => {
                let name = line.split([' ', '(']).next().expect("table name");
                table = Some(name.to_owned());
                tables.entry(name.to_owned()).or_default();
            }
            Some(_) if line == "}" => table = None,
            Some(name) => {
                let (column, ty) = line
                    .trim_end_matches(',')
                    .split_once("->")
                    .unwrap_or_else(|| panic!("cannot read schema line {line:?}"));
                let ty = ty.trim();
                let (ty, nullable) = match ty
                    .strip_prefix("Nullable<")
                    .and_then(|t| t.strip_suffix('>'))
                {
                    Some(inner) => (inner, true),
                    None => (ty, false),
                };
                let kind = match ty {
                    "Text" => "text",
                    "Bool" => "boolean",
                    "Timestamp" => "timestamp",
                    "Timestamptz" => "timestamptz",
                    "Date" => "date",
                    "Integer" => "integer",
                    "BigInt" => "bigint",
                    "SmallInt" => "smallint",
                    "Double" => "double",
                    "Float" => "real",
                    "Binary" => "binary",
                    other => panic!("storage test: map the diesel type {other} of {name}.{column}"),
                };
                tables
                    .entry(name.clone())
                    .or_default()
                    .insert(column.trim().to_owned(), (kind.to_owned(), nullable));
            }
        }
    }
    assert!(
        tables.contains_key("users") && tables.contains_key("audit_log"),
        "schema not understood"
    );
    tables
}

/// SQLite keeps every integer in up to 8 bytes and every float in 8 (diesel's `Float` and
/// `Double` are both `REAL` there): the declared width does not matter on that backend.
fn storage_class(backend: Backend, kind: &str) -> String {
    match (backend, kind) {
        (Backend::Sqlite, "smallint" | "integer" | "bigint") => "integer".into(),
        (Backend::Sqlite, "real" | "double") => "double".into(),
        _ => kind.to_owned(),
    }
}

/// The same type names for both backends' spellings.
fn normalise_type(declared: &str) -> String {
    let t = declared.trim().to_lowercase();
    let t = t.split('(').next().unwrap_or_default().trim();
    match t {
        "text" | "varchar" | "character varying" => "text",
        "boolean" | "bool" => "boolean",
        "timestamp" | "timestamp without time zone" | "datetime" => "timestamp",
        "timestamptz" | "timestamp with time zone" => "timestamptz",
        "date" => "date",
        "integer" | "int" | "int4" => "integer",
        "bigint" | "int8" => "bigint",
        "smallint" | "int2" => "smallint",
        "double" | "double precision" | "float8" => "double",
        "real" | "float4" => "real",
        "blob" | "bytea" => "binary",
        other => other,
    }
    .to_owned()
}

#[derive(QueryableByName)]
struct ColumnInfo {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Bool)]
    nullable: bool,
}

const SQLITE_COLUMNS: &str = r#"
SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type, p."notnull" = 0 AS nullable
FROM sqlite_master m JOIN pragma_table_info(m.name) p
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND m.name <> '__diesel_schema_migrations'"#;

const POSTGRES_COLUMNS: &str = r#"
SELECT table_name::text AS table_name, column_name::text AS column_name, data_type::text AS data_type,
       (is_nullable = 'YES') AS nullable
FROM information_schema.columns
WHERE table_schema = current_schema() AND table_name <> '__diesel_schema_migrations'"#;

/// The tables and columns of the database behind `conn`.
fn database_columns(conn: &mut DbConnection) -> Columns {
    let rows: Vec<ColumnInfo> = match conn {
        DbConnection::Sqlite(c) => diesel::sql_query(SQLITE_COLUMNS).load(c),
        DbConnection::Postgres(c) => diesel::sql_query(POSTGRES_COLUMNS).load(c),
    }
    .expect("read the catalogue");
    let mut tables = Columns::new();
    for row in rows {
        tables.entry(row.table_name).or_default().insert(
            row.column_name,
            (normalise_type(&row.data_type), row.nullable),
        );
    }
    tables
}

fn assert_same(backend: Backend, actual: &Columns, expected: &Columns) {
    for (table, columns) in expected {
        let Some(found) = actual.get(table) else {
            panic!("{backend:?}: table {table} is missing after migration");
        };
        for (column, spec) in columns {
            match found.get(column) {
                None => panic!("{backend:?}: column {table}.{column} is missing after migration"),
                Some((ty, nullable)) => assert_eq!(
                    (storage_class(backend, ty), nullable),
                    (storage_class(backend, &spec.0), &spec.1),
                    "{backend:?}: {table}.{column} (type, nullable)"
                ),
            }
        }
        for column in found.keys() {
            assert!(
                columns.contains_key(column),
                "{backend:?}: column {table}.{column} is not in db/schema.rs"
            );
        }
    }
    for table in actual.keys() {
        assert!(
            expected.contains_key(table),
            "{backend:?}: table {table} is not in db/schema.rs"
        );
    }
}

both!(
    migrations_build_the_schema_the_code_uses,
    |app: TestApp| async move {
        let expected = schema_columns();
        let mut conn = app.db.conn().expect("conn");
        assert_same(app.backend, &database_columns(&mut conn), &expected);

        // Down migrations undo everything, and the migrations apply again from scratch.
        let dir = migrations_dir(match app.backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        });
        let migrations = FileBasedMigrations::from_path(&dir).expect("migrations");
        let reverted = match &mut *conn {
            DbConnection::Sqlite(c) => c.revert_all_migrations(migrations.clone()).map(|v| v.len()),
            DbConnection::Postgres(c) => {
                c.revert_all_migrations(migrations.clone()).map(|v| v.len())
            }
        }
        .expect("revert every migration");
        assert!(reverted > 0);
        let left = database_columns(&mut conn);
        assert!(
            left.is_empty(),
            "{:?}: tables left after reverting: {:?}",
            app.backend,
            left.keys()
        );
        let applied = interra_api::db::run_migrations(&mut conn).expect("migrate again");
        assert_eq!(applied, reverted);
        assert_same(app.backend, &database_columns(&mut conn), &expected);
    }
);
