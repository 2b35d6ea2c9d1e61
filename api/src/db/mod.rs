//! Storage: one code path over SQLite and PostgreSQL (diesel `MultiConnection`), an r2d2 pool,
//! embedded migrations, and [`Db::run`] which keeps blocking database work off the async workers.

pub mod claim;
pub mod copy;
mod json_text;
pub mod lock;
pub mod schema;

pub use json_text::JsonText;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context};
use diesel::connection::SimpleConnection;
use diesel::r2d2::{self, ManageConnection, Pool};
use diesel::{Connection, PgConnection, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::ApiError;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// A connection to either backend. Dialect-specific code matches on the variant.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

/// The backend type of [`DbConnection`], for boxed sub-queries.
pub type Backend = <DbConnection as Connection>::Backend;

/// Which backend a database URL selects. Parsed explicitly: diesel would otherwise try each
/// backend in turn, and SQLite accepts any string as a file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseUrl {
    /// `sqlite://relative/file.db`, `sqlite:///absolute/file.db`, `postgres://...` or
    /// `postgresql://...`. Anything else is refused.
    pub fn parse(url: &str) -> anyhow::Result<Self> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() || path.contains(":memory:") {
                bail!("INTERRA_DATABASE_URL: a SQLite URL needs a file path (sqlite://data/interra.db); in-memory databases are not supported");
            }
            Ok(DatabaseUrl::Sqlite(PathBuf::from(path)))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(DatabaseUrl::Postgres(url.to_owned()))
        } else {
            bail!(
                "INTERRA_DATABASE_URL must start with sqlite:// or postgres:// (got {:?})",
                redact(url)
            )
        }
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            DatabaseUrl::Sqlite(_) => "sqlite",
            DatabaseUrl::Postgres(_) => "postgres",
        }
    }
}

/// Hides a password in a URL before it is printed.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let creds = &url[scheme_end + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Opens connections of the configured backend for the pool.
#[derive(Debug)]
pub struct Manager {
    url: DatabaseUrl,
}

// One statement per call, in this order (diesel's SqliteConnection docs). `synchronous = FULL`:
// in WAL mode NORMAL already survives a killed process, FULL also survives a power cut, and the
// write volume of this application is small. `secure_delete = ON`: deleted and overwritten
// content is zeroed instead of lingering in free pages and free space of pages, where an
// anonymised person's name could still be read from the file (see `Db::scrub` for the WAL).
const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 5000;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = ON;
PRAGMA secure_delete = ON;";

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let path = path.to_str().ok_or_else(|| {
                    r2d2::Error::ConnectionError(diesel::ConnectionError::InvalidConnectionUrl(
                        "database path is not valid UTF-8".into(),
                    ))
                })?;
                let mut conn =
                    SqliteConnection::establish(path).map_err(r2d2::Error::ConnectionError)?;
                conn.batch_execute(SQLITE_PRAGMAS)
                    .map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => {
                let mut conn =
                    PgConnection::establish(url).map_err(r2d2::Error::ConnectionError)?;
                conn.batch_execute("SET TIME ZONE 'UTC'")
                    .map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Postgres(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConnection) -> bool {
        false
    }
}

/// The database handle shared by all workers.
#[derive(Clone)]
pub struct Db {
    pool: Pool<Manager>,
    backend: &'static str,
    connection_errors: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

/// Logs the pool's connection failures (as r2d2's default handler does) and counts them.
#[derive(Debug)]
struct CountErrors(std::sync::Arc<std::sync::atomic::AtomicUsize>);

impl r2d2::HandleError<r2d2::Error> for CountErrors {
    fn handle_error(&self, error: r2d2::Error) {
        self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        tracing::error!(%error, "cannot open a database connection");
    }
}

impl Db {
    /// Opens the pool (creating the SQLite file and its folder when missing). Does not migrate.
    pub fn open(url: &DatabaseUrl, pool_size: u32) -> anyhow::Result<Db> {
        if let DatabaseUrl::Sqlite(path) = url {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                private_dir(dir).with_context(|| {
                    format!("cannot create the data directory {}", dir.display())
                })?;
            }
            // SQLite gives its -wal and -shm files the mode of the database file.
            private_file(path)
                .with_context(|| format!("cannot create the database {}", path.display()))?;
        }
        let manager = Manager { url: url.clone() };
        // The pool opens its connections in parallel. On a new SQLite file the first
        // `PRAGMA journal_mode = WAL` converts the file and needs it alone: two connections
        // converting at once meet "database is locked" (logged, then retried by r2d2). One
        // connection converts it first; the others then find WAL already set.
        if let DatabaseUrl::Sqlite(_) = url {
            manager
                .connect()
                .with_context(|| format!("cannot open the {} database", url.backend_name()))?;
        }
        let errors = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let pool = Pool::builder()
            .max_size(pool_size)
            .connection_timeout(Duration::from_secs(10))
            .error_handler(Box::new(CountErrors(errors.clone())))
            .build(manager)
            .with_context(|| format!("cannot open the {} database", url.backend_name()))?;
        Ok(Db {
            pool,
            backend: url.backend_name(),
            connection_errors: errors,
        })
    }

    /// How many times the pool failed to open a connection (each is logged as an error).
    pub fn connection_errors(&self) -> usize {
        self.connection_errors
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn backend(&self) -> &'static str {
        self.backend
    }

    /// A connection for synchronous callers (CLI commands, start-up).
    pub fn conn(&self) -> anyhow::Result<r2d2::PooledConnection<Manager>> {
        self.pool.get().context("no database connection available")
    }

    /// A connection if one is idle right now (work that can also be done on the caller's own
    /// connection, only sooner on another).
    pub fn idle_conn(&self) -> Option<r2d2::PooledConnection<Manager>> {
        self.pool.try_get()
    }

    /// Applies pending migrations of the connection's backend; returns how many ran.
    pub fn migrate(&self) -> anyhow::Result<usize> {
        let mut conn = self.conn()?;
        run_migrations(&mut conn)
    }

    /// After an erasure: on SQLite, copies the write-ahead log into the database file and
    /// empties it, since the log still holds the pages as they were before the change. Best
    /// effort (a failure is logged; the next automatic checkpoint does the same later).
    /// PostgreSQL keeps old row versions until its autovacuum reclaims them.
    pub async fn scrub(&self) {
        if self.backend != "sqlite" {
            return;
        }
        let done = self
            .run(|conn| {
                conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    .map_err(ApiError::from)
            })
            .await;
        if let Err(error) = done {
            tracing::warn!(%error, "cannot checkpoint the write-ahead log after an erasure");
        }
    }

    /// Runs blocking database work on actix's blocking thread pool.
    pub async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = pool
                .get()
                .map_err(|e| ApiError::Unavailable(e.to_string()))?;
            f(&mut conn)
        })
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("blocking task failed: {e}")))?
    }
}

/// Applies pending migrations; returns how many ran.
pub fn run_migrations(conn: &mut DbConnection) -> anyhow::Result<usize> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
        DbConnection::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
    }
    .map_err(|e| anyhow::anyhow!("database migration failed: {e}"))?;
    Ok(applied.len())
}

/// Whether every embedded migration has been applied.
pub fn migrations_current(conn: &mut DbConnection) -> anyhow::Result<bool> {
    let pending = match conn {
        DbConnection::Sqlite(c) => c.has_pending_migration(SQLITE_MIGRATIONS),
        DbConnection::Postgres(c) => c.has_pending_migration(POSTGRES_MIGRATIONS),
    }
    .map_err(|e| anyhow::anyhow!("cannot read the migration state: {e}"))?;
    Ok(!pending)
}

/// Online copy of a SQLite database into `dest` (`VACUUM INTO`): consistent even while the
/// server is writing.
pub fn backup_sqlite(db: &Db, dest: &Path) -> anyhow::Result<()> {
    if dest.exists() {
        bail!("{} already exists; choose a new file name", dest.display());
    }
    let mut conn = db.conn()?;
    match &mut *conn {
        DbConnection::Sqlite(c) => {
            // `VACUUM INTO` accepts an empty file: made first, so the copy is private too.
            private_file(dest).with_context(|| format!("cannot create {}", dest.display()))?;
            let dest = dest
                .to_str()
                .context("backup path is not valid UTF-8")?
                .replace('\'', "''");
            c.batch_execute(&format!("VACUUM INTO '{dest}'"))
                .context("backup failed")?;
            Ok(())
        }
        DbConnection::Postgres(_) => {
            bail!("backup copies SQLite databases; for PostgreSQL use pg_dump")
        }
    }
}

/// Creates `dir` and its missing parents readable by the server's user only: the folder holds
/// personal data of vulnerable people. An existing folder keeps the mode its owner gave it.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Creates `path` empty and readable by the server's user only, unless it exists.
fn private_file(path: &Path) -> std::io::Result<()> {
    if path.exists() {
        return Ok(());
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        // Another process made it first: its mode is its own business.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Runs `f` in a transaction that takes the write lock up front. On SQLite a plain `BEGIN`
/// would start as a reader and could fail with `SQLITE_BUSY` when upgrading to a writer under
/// concurrency, which the busy timeout does not cover; `BEGIN IMMEDIATE` waits its turn instead.
pub fn write_transaction<T, F>(conn: &mut DbConnection, f: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut DbConnection) -> Result<T, ApiError>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    let DbConnection::Sqlite(sqlite) = conn else {
        return conn.transaction(f);
    };
    AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?;
    match f(conn) {
        Ok(value) => {
            <DbConnection as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(e) => {
            if let Err(rollback) =
                <DbConnection as Connection>::TransactionManager::rollback_transaction(conn)
            {
                tracing::error!(error = %rollback, "rollback failed");
            }
            Err(e)
        }
    }
}

/// On PostgreSQL, locks the rows selected by `sql` (`SELECT ... FOR UPDATE`) until the end of
/// the current transaction, so that a read-check-write sequence cannot interleave with another.
/// SQLite needs nothing: [`write_transaction`] already holds the database's single write lock.
pub fn lock_rows(conn: &mut DbConnection, sql: &str, bind: &str) -> Result<(), ApiError> {
    if let DbConnection::Postgres(pg) = conn {
        use diesel::RunQueryDsl;
        diesel::sql_query(sql)
            .bind::<diesel::sql_types::Text, _>(bind)
            .execute(pg)?;
    }
    Ok(())
}

/// Current time as stored: UTC, microsecond precision (what both backends keep).
pub fn now() -> chrono::NaiveDateTime {
    let now = chrono::Utc::now().naive_utc();
    now.with_nanosecond((now.and_utc().timestamp_subsec_micros()) * 1000)
        .unwrap_or(now)
}

use chrono::Timelike;

/// Reads a value the API itself stored as text; failing means the database holds something
/// this code never wrote.
pub fn stored<T: std::str::FromStr>(s: &str) -> Result<T, ApiError> {
    s.parse()
        .map_err(|_| anyhow::anyhow!("unexpected value {s:?} in the database").into())
}

/// Decodes a JSON column the API wrote itself. Failing means corrupt data: an error (a logged
/// 500), never a silent default that would hide it.
pub fn stored_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text)
        .map_err(|e| anyhow::anyhow!("undecodable JSON in the database: {e}").into())
}

pub fn stored_id(s: &str) -> Result<uuid::Uuid, ApiError> {
    stored(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls_select_the_backend_explicitly() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/interra.db").ok(),
            Some(DatabaseUrl::Sqlite("data/interra.db".into()))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/interra/db.sqlite").ok(),
            Some(DatabaseUrl::Sqlite("/var/lib/interra/db.sqlite".into()))
        );
        assert!(matches!(
            DatabaseUrl::parse("postgresql://u@h/db"),
            Ok(DatabaseUrl::Postgres(_))
        ));
        assert!(DatabaseUrl::parse("mysql://u@h/db").is_err());
        assert!(DatabaseUrl::parse("interra.db").is_err());
        assert!(DatabaseUrl::parse("sqlite://:memory:").is_err());
    }

    /// A first start opens every pool connection at once on a new file: none may fail.
    #[test]
    fn a_new_sqlite_database_opens_without_connection_errors() {
        for _ in 0..10 {
            let dir = tempfile::tempdir().expect("tempdir");
            let url = DatabaseUrl::Sqlite(dir.path().join("data/interra.db"));
            let db = Db::open(&url, 16).expect("open");
            db.migrate().expect("migrate");
            assert_eq!(db.connection_errors(), 0);
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_data_folder_database_and_backups_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        let file = data.join("interra.db");
        let db = Db::open(&DatabaseUrl::Sqlite(file.clone()), 2).expect("open");
        db.migrate().expect("migrate");
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&file), 0o600);
        let wal = data.join("interra.db-wal");
        assert!(wal.exists());
        assert_eq!(mode(&wal), 0o600);
        let backup = dir.path().join("copy.db");
        backup_sqlite(&db, &backup).expect("backup");
        assert_eq!(mode(&backup), 0o600);
        assert!(std::fs::metadata(&backup).expect("metadata").len() > 0);
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("postgres://app:s3cret@db:5432/interra"),
            "postgres://app:***@db:5432/interra"
        );
        assert_eq!(redact("postgres://db/interra"), "postgres://db/interra");
    }
}
