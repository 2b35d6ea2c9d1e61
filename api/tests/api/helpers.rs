//! Test harness: spawn the server, talk to it, create fixtures.

use std::sync::LazyLock;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl};
use interra_api::accounts::store::UserRow;
use interra_api::config::{ConfigArgs, Settings};
use interra_api::db::{run_migrations, Db, DbConnection};
use interra_api::startup::{self, Application};
use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde::Serialize;
use shared::auth::{LoginRequest, Role, TokenResponse, AUTH_PATH, REFRESH_COOKIE};
use shared::users::StaffUser;
use shared::Problem;

/// Password of every account the tests create.
pub const PASSWORD: &str = "a long test passphrase";

/// JWT secret of every test server.
pub const JWT_SECRET: &str = "test secret that is long enough for HS256!";

/// Maintenance URL of the PostgreSQL server used for tests (each test creates and drops its
/// own database there).
pub const POSTGRES_ENV: &str = "INTERRA_TEST_POSTGRES_URL";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

static TRACING: LazyLock<()> = LazyLock::new(|| {
    if std::env::var_os("TEST_LOG").is_some() {
        interra_api::telemetry::init("info", interra_api::config::LogFormat::Text);
    }
});

/// Drops the per-test database (PostgreSQL) or folder (SQLite) when the test ends.
pub enum DbGuard {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for DbGuard {
    fn drop(&mut self) {
        if let DbGuard::Postgres { admin_url, name } = self {
            if let Ok(mut conn) = PgConnection::establish(admin_url) {
                let _ =
                    conn.batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
            }
        }
    }
}

pub struct TestApp {
    pub base: String,
    /// Keeps cookies, like a browser.
    pub client: reqwest::Client,
    /// Keeps no cookies: the test passes the refresh cookie by hand.
    pub bare: reqwest::Client,
    pub db: Db,
    pub settings: Settings,
    pub backend: Backend,
    server: actix_web::dev::ServerHandle,
    // Options so that `restart` can hand them to the next server; dropped after the server.
    data_dir: Option<tempfile::TempDir>,
    guard: Option<DbGuard>,
}

/// Every test starts from a database its server would otherwise migrate from scratch (some
/// forty migrations a test, hundreds of tests): the tests copy one already migrated instead.
/// The server still runs its migrations at start; with none pending that is one query.
static SQLITE_TEMPLATE: LazyLock<std::path::PathBuf> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("tempdir").keep();
    let file = dir.join("template.db");
    let mut conn = DbConnection::establish(&format!("sqlite://{}", file.display()))
        .expect("open the SQLite template");
    run_migrations(&mut conn).expect("migrate the SQLite template");
    file
});

/// The migrated PostgreSQL template, named after the migrations it holds so that a changed
/// migration makes a new one; created once, under an advisory lock, by whichever test process
/// needs it first, and renamed into place only once complete.
fn postgres_template(admin: &mut PgConnection) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    static NAME: LazyLock<String> = LazyLock::new(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations/postgres");
        let mut files: Vec<_> = walk(&dir);
        files.sort();
        let mut hasher = DefaultHasher::new();
        for file in files {
            file.strip_prefix(&dir).ok().hash(&mut hasher);
            std::fs::read(&file).ok().hash(&mut hasher);
        }
        format!("interra_template_{:016x}", hasher.finish())
    });
    fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
        out
    }
    let name = NAME.as_str();
    admin
        .batch_execute("SELECT pg_advisory_lock(20261207)")
        .expect("lock the template");
    let exists = diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>(&format!(
        "EXISTS (SELECT 1 FROM pg_database WHERE datname = '{name}')"
    )))
    .get_result::<bool>(admin)
    .expect("look for the template");
    if !exists {
        let building = format!("{name}_building");
        // One statement per call: PostgreSQL runs a multi-statement string in a transaction,
        // where CREATE and DROP DATABASE are refused.
        admin
            .batch_execute(&format!(
                "DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)"
            ))
            .expect("drop a half-built template");
        admin
            .batch_execute(&format!("CREATE DATABASE \"{building}\""))
            .expect("create the template");
        let base = std::env::var(POSTGRES_ENV).expect("PostgreSQL URL");
        let base = base
            .rsplit_once('/')
            .map(|(b, _)| b)
            .unwrap_or(&base)
            .to_owned();
        {
            let mut conn =
                DbConnection::establish(&format!("{base}/{building}")).expect("open the template");
            run_migrations(&mut conn).expect("migrate the template");
        }
        admin
            .batch_execute(&format!(
                "ALTER DATABASE \"{building}\" RENAME TO \"{name}\""
            ))
            .expect("name the template");
    }
    admin
        .batch_execute("SELECT pg_advisory_unlock(20261207)")
        .expect("unlock the template");
    name.to_owned()
}

/// A migrated database of its own for a test (a copy of the template); `None` when the backend
/// is not available (PostgreSQL without its environment variable).
pub fn database_url(backend: Backend) -> Option<(String, DbGuard)> {
    new_database(backend, true)
}

/// An empty database of its own, without even the migrations (for `copy-db`, which fills only
/// an empty one).
pub fn empty_database_url(backend: Backend) -> Option<(String, DbGuard)> {
    new_database(backend, false)
}

fn new_database(backend: Backend, migrated: bool) -> Option<(String, DbGuard)> {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("tempdir");
            let file = dir.path().join("test.db");
            if migrated {
                std::fs::copy(&*SQLITE_TEMPLATE, &file).expect("copy the migrated SQLite template");
            }
            let url = format!("sqlite://{}", file.display());
            Some((url, DbGuard::Sqlite(dir)))
        }
        Backend::Postgres => {
            let admin_url = std::env::var(POSTGRES_ENV).ok()?;
            let name = format!("interra_test_{}", uuid::Uuid::new_v4().simple());
            let mut conn = PgConnection::establish(&admin_url).expect("connect to test PostgreSQL");
            let create = if migrated {
                let template = postgres_template(&mut conn);
                format!("CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"")
            } else {
                format!("CREATE DATABASE \"{name}\"")
            };
            conn.batch_execute(&create).expect("create test database");
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b)
                .unwrap_or(&admin_url);
            Some((
                format!("{base}/{name}"),
                DbGuard::Postgres { admin_url, name },
            ))
        }
    }
}

/// Settings for a test server: random port, its own data folder and database.
pub fn test_settings(url: &str, data_dir: &std::path::Path) -> Settings {
    let args = ConfigArgs {
        bind: Some("127.0.0.1:0".into()),
        data_dir: Some(data_dir.to_path_buf()),
        database_url: Some(url.to_owned()),
        jwt_secret: Some(JWT_SECRET.into()),
        web_dist: Some(data_dir.join("no-web-build")),
        workers: Some(2),
        db_pool_size: Some(4),
        ..Default::default()
    };
    Settings::resolve(&args).expect("settings")
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> Option<TestApp> {
        Self::spawn_with(backend, |_| {}).await
    }

    /// Spawns with adjusted settings.
    pub async fn spawn_with(
        backend: Backend,
        adjust: impl FnOnce(&mut Settings),
    ) -> Option<TestApp> {
        LazyLock::force(&TRACING);
        let Some((url, guard)) = database_url(backend) else {
            eprintln!("skipped: set {POSTGRES_ENV} to run the PostgreSQL variant");
            return None;
        };
        let data_dir = tempfile::tempdir().expect("tempdir");
        let mut settings = test_settings(&url, data_dir.path());
        adjust(&mut settings);
        Some(Self::start(backend, settings, data_dir, guard))
    }

    fn start(
        backend: Backend,
        settings: Settings,
        data_dir: tempfile::TempDir,
        guard: DbGuard,
    ) -> TestApp {
        let app = Application::build(settings.clone()).expect("build application");
        let base = format!("http://{}", app.local_addr());
        let db = app.db().clone();
        let server = app.handle();
        tokio::spawn(app.run_until_stopped());
        TestApp {
            base,
            client: reqwest::Client::builder()
                .cookie_store(true)
                .build()
                .expect("client"),
            bare: reqwest::Client::new(),
            db,
            settings,
            backend,
            server,
            data_dir: Some(data_dir),
            guard: Some(guard),
        }
    }

    /// Stops this server and starts a new one on the same database (a restart).
    pub async fn restart(mut self) -> TestApp {
        self.server.stop(true).await;
        let (Some(data_dir), Some(guard)) = (self.data_dir.take(), self.guard.take()) else {
            panic!("restart of a stopped app");
        };
        Self::start(self.backend, self.settings.clone(), data_dir, guard)
    }

    /// Starts a second server process on this app's database, as another instance behind a
    /// reverse proxy would be (its own port and data folder, adjusted settings). It leaves the
    /// database to this app.
    pub async fn another(&self, adjust: impl FnOnce(&mut Settings)) -> TestApp {
        let data_dir = tempfile::tempdir().expect("tempdir");
        let mut settings = self.settings.clone();
        settings.bind = "127.0.0.1:0".into();
        settings.data_dir = data_dir.path().to_path_buf();
        settings.public_url = None;
        adjust(&mut settings);
        let app = Application::build(settings.clone()).expect("build application");
        let base = format!("http://{}", app.local_addr());
        let db = app.db().clone();
        let server = app.handle();
        tokio::spawn(app.run_until_stopped());
        TestApp {
            base,
            client: reqwest::Client::builder()
                .cookie_store(true)
                .build()
                .expect("client"),
            bare: reqwest::Client::new(),
            db,
            settings,
            backend: self.backend,
            server,
            data_dir: Some(data_dir),
            guard: None,
        }
    }

    /// Stops this server at once, its background tasks (email sender, housekeeping) with it,
    /// as when its process is killed.
    pub async fn kill(&self) {
        self.server.stop(false).await;
        // `run_until_stopped` aborts the background tasks once the server has stopped.
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Inserts an account directly in the database.
    pub fn create_user(&self, email: &str, role: Role) -> UserRow {
        let hash = interra_api::accounts::password::hash(PASSWORD).expect("hash");
        let row = UserRow::new(email.into(), format!("User {email}"), role, hash);
        let mut conn = self.db.conn().expect("conn");
        row.insert(&mut conn).expect("insert user");
        row
    }

    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/auth/login"))
            .json(&LoginRequest {
                email: email.into(),
                password: password.into(),
            })
            .send()
            .await
            .expect("request")
    }

    /// Creates an account of `role` and returns an access token for it.
    pub async fn token_for(&self, role: Role) -> String {
        let email = format!(
            "{}-{}@example.be",
            role.as_str(),
            uuid::Uuid::new_v4().simple()
        );
        self.create_user(&email, role);
        let res = self.login(&email, PASSWORD).await;
        assert_eq!(res.status(), StatusCode::OK);
        res.json::<TokenResponse>()
            .await
            .expect("token")
            .access_token
    }

    /// Signs in with a cookie-less client and returns what a browser would hold.
    pub async fn sign_in(&self, email: &str, password: &str) -> Session {
        let res = self
            .bare
            .post(self.url("/api/v1/auth/login"))
            .json(&LoginRequest {
                email: email.into(),
                password: password.into(),
            })
            .send()
            .await
            .expect("request");
        let refresh = refresh_cookie(&res).expect("login sets the refresh cookie");
        let body: TokenResponse = expect_json(res, StatusCode::OK).await;
        Session {
            access: body.access_token,
            refresh,
            user: body.user,
        }
    }

    /// `POST /api/v1/auth/<action>` presenting `refresh` as the refresh cookie.
    pub async fn with_refresh_cookie(&self, action: &str, refresh: &str) -> reqwest::Response {
        self.bare
            .post(self.url(&format!("{AUTH_PATH}/{action}")))
            .header(
                reqwest::header::COOKIE,
                format!("{REFRESH_COOKIE}={refresh}"),
            )
            .send()
            .await
            .expect("request")
    }

    /// Activates or deactivates an account directly in the database.
    pub fn set_active(&self, id: &str, active: bool) {
        use diesel::prelude::*;
        use interra_api::db::schema::users;
        let mut conn = self.db.conn().expect("conn");
        let n = diesel::update(users::table.find(id))
            .set(users::active.eq(active))
            .execute(&mut *conn)
            .expect("update user");
        assert_eq!(n, 1, "no user {id}");
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        let mut req = self.client.get(self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.expect("request")
    }

    pub async fn send_json<B: Serialize>(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: &B,
    ) -> reqwest::Response {
        let mut req = self.client.request(method, self.url(path)).json(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.expect("request")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Stop the server before the guard drops its database.
        drop(self.server.stop(false));
        self.guard.take();
        self.data_dir.take();
    }
}

/// A signed-in session: the access token and the refresh cookie's value.
pub struct Session {
    pub access: String,
    pub refresh: String,
    pub user: StaffUser,
}

/// The `Set-Cookie` header line that sets `name`, if any.
pub fn set_cookie(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|line| {
            line.split(';')
                .next()
                .and_then(|kv| kv.split_once('='))
                .is_some_and(|(k, _)| k.trim() == name)
        })
        .map(str::to_owned)
}

/// The value the response gives the refresh cookie, if it sets one.
pub fn refresh_cookie(res: &reqwest::Response) -> Option<String> {
    let line = set_cookie(res, REFRESH_COOKIE)?;
    let (_, value) = line.split(';').next()?.split_once('=')?;
    Some(value.trim().to_owned())
}

/// The attributes of a `Set-Cookie` line after the name=value pair, as (lower-case name, value).
pub fn cookie_attributes(line: &str) -> Vec<(String, String)> {
    line.split(';')
        .skip(1)
        .map(|attr| {
            let (k, v) = attr.split_once('=').unwrap_or((attr, ""));
            (k.trim().to_ascii_lowercase(), v.trim().to_owned())
        })
        .collect()
}

/// Asserts the status and decodes the JSON body.
pub async fn expect_json<T: DeserializeOwned>(res: reqwest::Response, status: StatusCode) -> T {
    let actual = res.status();
    let text = res.text().await.expect("body");
    assert_eq!(actual, status, "unexpected status; body: {text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("cannot decode {text}: {e}"))
}

/// Asserts the status, the problem+json content type, and decodes the problem.
pub async fn expect_problem(res: reqwest::Response, status: StatusCode) -> Problem {
    let ct = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        ct.starts_with("application/problem+json"),
        "content type {ct:?}"
    );
    let problem: Problem = expect_json(res, status).await;
    assert_eq!(problem.status, status.as_u16());
    assert!(problem.request_id.is_some(), "problem without request id");
    problem
}

/// Runs a scenario on both backends: `both!(name, |app| async move { ... })` defines
/// `name::sqlite` and `name::postgres` tests. `both!(name, with |s| ..., |app| ...)` adjusts
/// the settings first.
#[macro_export]
macro_rules! both {
    ($name:ident, with $adjust:expr, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                if let Some(app) =
                    $crate::helpers::TestApp::spawn_with($crate::helpers::Backend::Sqlite, $adjust)
                        .await
                {
                    ($body)(app).await;
                }
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(app) = $crate::helpers::TestApp::spawn_with(
                    $crate::helpers::Backend::Postgres,
                    $adjust,
                )
                .await
                {
                    ($body)(app).await;
                }
            }
        }
    };
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                if let Some(app) =
                    $crate::helpers::TestApp::spawn($crate::helpers::Backend::Sqlite).await
                {
                    ($body)(app).await;
                }
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(app) =
                    $crate::helpers::TestApp::spawn($crate::helpers::Backend::Postgres).await
                {
                    ($body)(app).await;
                }
            }
        }
    };
}

/// The OpenAPI document as the code generates it.
pub fn generated_openapi() -> String {
    startup::openapi_json().expect("openapi")
}
