//! Settings: command-line flags and `INTERRA_*` environment variables (clap merges the two, flag
//! first), then an optional TOML file, then defaults for a laptop. Nothing global: the resolved
//! [`Settings`] is passed down, so tests can run many servers side by side.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use rand::RngCore;
use serde::Deserialize;

use crate::db::DatabaseUrl;
use crate::http::proxy::TrustedProxies;
use crate::http::rate_limit::AddressList;
use crate::notify::mail::{self, Mailer};

/// Shortest JWT secret accepted in production mode (bytes).
pub const MIN_JWT_SECRET_LEN: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Options shared by every subcommand. Each one is also an environment variable and a key of
/// the optional config file (same name, lower case, without the `INTERRA_` prefix).
#[derive(Debug, Clone, Default, Args)]
pub struct ConfigArgs {
    /// TOML config file with any of the keys below (e.g. `bind = "0.0.0.0:8080"`).
    #[arg(long, env = "INTERRA_CONFIG", global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Address to listen on [default: 127.0.0.1:8080]. Port 0 picks a free port.
    #[arg(long, env = "INTERRA_BIND", global = true, value_name = "ADDR")]
    pub bind: Option<String>,
    /// Folder for the SQLite database and local state, created if missing [default: ./data].
    #[arg(long, env = "INTERRA_DATA_DIR", global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// sqlite://PATH or postgres://USER@HOST/DB [default: sqlite://<data dir>/interra.db].
    #[arg(
        long,
        env = "INTERRA_DATABASE_URL",
        global = true,
        value_name = "URL",
        hide_env_values = true
    )]
    pub database_url: Option<String>,
    /// Secret signing the access tokens (HS256). Required, at least 32 characters, in production;
    /// otherwise generated once and kept in the data directory.
    #[arg(
        long,
        env = "INTERRA_JWT_SECRET",
        global = true,
        value_name = "SECRET",
        hide_env_values = true
    )]
    pub jwt_secret: Option<String>,
    /// Log filter, e.g. `info`, `debug`, `interra_api=debug,actix_web=info` [default: info].
    #[arg(long, env = "INTERRA_LOG", global = true, value_name = "FILTER")]
    pub log: Option<String>,
    /// Log format [default: text].
    #[arg(long, env = "INTERRA_LOG_FORMAT", global = true, value_name = "FORMAT")]
    pub log_format: Option<LogFormat>,
    /// Production mode: refuses to start without an explicit strong JWT secret, marks cookies
    /// `Secure`, refuses demo data.
    #[arg(long, env = "INTERRA_PRODUCTION", global = true)]
    pub production: bool,
    /// Folder of the built web app served at `/` [default: web/dist].
    #[arg(long, env = "INTERRA_WEB_DIST", global = true, value_name = "DIR")]
    pub web_dist: Option<PathBuf>,
    /// HTTP worker threads [default: number of CPUs].
    #[arg(long, env = "INTERRA_WORKERS", global = true, value_name = "N")]
    pub workers: Option<usize>,
    /// Public address of this server, for links in feeds (e.g. https://agenda.interra.be)
    /// [default: http://<bind address>].
    #[arg(long, env = "INTERRA_PUBLIC_URL", global = true, value_name = "URL")]
    pub public_url: Option<String>,
    /// Months after a person's last activity before they are listed for anonymisation [default: 36].
    #[arg(
        long,
        env = "INTERRA_RETENTION_MONTHS",
        global = true,
        value_name = "MONTHS"
    )]
    pub retention_months: Option<u32>,
    /// Database connections in the pool [default: 8].
    #[arg(long, env = "INTERRA_DB_POOL_SIZE", global = true, value_name = "N")]
    pub db_pool_size: Option<u32>,
    /// Reverse proxies whose `X-Forwarded-For` names the client, comma-separated addresses or
    /// blocks (e.g. `127.0.0.1,172.16.0.0/12`) [default: none: the connecting address counts].
    #[arg(
        long,
        env = "INTERRA_TRUSTED_PROXIES",
        global = true,
        value_name = "LIST"
    )]
    pub trusted_proxies: Option<String>,
    /// Mail server for notification emails (people promoted from a waiting list, cancelled
    /// activities): smtp://USER:PASS@HOST:587 (STARTTLS), smtps://USER:PASS@HOST:465 (TLS), or
    /// smtp://127.0.0.1:2525 (plain, loopback only). Unset: staff tell people themselves.
    #[arg(
        long,
        env = "INTERRA_SMTP_URL",
        global = true,
        value_name = "URL",
        hide_env_values = true
    )]
    pub smtp_url: Option<String>,
    /// Sender of notification emails [default: Interra <noreply@interra.local>].
    #[arg(long, env = "INTERRA_MAIL_FROM", global = true, value_name = "MAILBOX")]
    pub mail_from: Option<String>,
    /// The venue's own addresses or blocks (its Wi-Fi, the reception's computer), comma-separated,
    /// whose public forms (sign-up, registration) get the larger venue allowance
    /// [default: none].
    #[arg(
        long,
        env = "INTERRA_VENUE_ADDRESSES",
        global = true,
        value_name = "LIST"
    )]
    pub venue_addresses: Option<String>,
    /// Accepted submissions per hour of each public form from one venue address [default: 100].
    #[arg(
        long,
        env = "INTERRA_VENUE_FORMS_PER_HOUR",
        global = true,
        value_name = "N"
    )]
    pub venue_forms_per_hour: Option<usize>,
}

/// Keys of the config file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    bind: Option<String>,
    data_dir: Option<PathBuf>,
    database_url: Option<String>,
    jwt_secret: Option<String>,
    log: Option<String>,
    log_format: Option<LogFormat>,
    production: Option<bool>,
    web_dist: Option<PathBuf>,
    workers: Option<usize>,
    db_pool_size: Option<u32>,
    retention_months: Option<u32>,
    public_url: Option<String>,
    trusted_proxies: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    venue_addresses: Option<String>,
    venue_forms_per_hour: Option<usize>,
}

/// Throttling: at most `max` events per `window` for one key.
#[derive(Debug, Clone, Copy)]
pub struct RateLimit {
    pub max: usize,
    pub window: Duration,
}

/// The growing delay between sign-in attempts on one account (`accounts::throttle`): past
/// `free` failures within `window`, `base`, doubling with each failure, at most `max`.
#[derive(Debug, Clone, Copy)]
pub struct LoginDelay {
    pub free: usize,
    pub base: Duration,
    pub max: Duration,
    pub window: Duration,
}

/// The resolved configuration.
#[derive(Clone)]
pub struct Settings {
    pub bind: String,
    pub data_dir: PathBuf,
    pub database_url: DatabaseUrl,
    pub jwt_secret: Vec<u8>,
    pub log: String,
    pub log_format: LogFormat,
    pub production: bool,
    pub web_dist: PathBuf,
    pub workers: Option<usize>,
    pub db_pool_size: u32,
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
    /// How long after its first use a refresh token is still exchanged (tabs refreshing at
    /// once) instead of counting as stolen.
    pub refresh_grace: Duration,
    /// Failed sign-ins per (account, client address) before that address is locked out of
    /// that account.
    pub login_failures_per_address: RateLimit,
    /// Delay between attempts on an account that failed several times, from any address.
    pub login_delay: LoginDelay,
    /// Sign-in attempts per client address.
    pub login_attempts_per_ip: RateLimit,
    /// Accepted public sign-ups per client address.
    pub signups_per_ip: RateLimit,
    /// Accepted public registrations per client address.
    pub registrations_per_ip: RateLimit,
    /// Calls of the partner API per client (the token endpoint included, per client id).
    pub partner_calls_per_client: RateLimit,
    /// Lookups of the public trainings links (certificate checks, evaluation links) per client
    /// address, whatever they find.
    pub public_lookups_per_ip: RateLimit,
    /// The venue's own addresses, and their allowance per public form.
    pub venue_addresses: AddressList,
    pub venue_forms: RateLimit,
    /// How often expired idempotency answers and sessions are removed while the server runs.
    pub housekeeping_interval: Duration,
    /// How long an email task holds the outbox rows it claimed (several server processes
    /// share the outbox; a killed task's rows go to another after this).
    pub outbox_lease: Duration,
    /// Partner webhooks: how often the sender looks for due deliveries (`None`: no background
    /// sender; tests run rounds themselves), the delays between retries, and how long one
    /// attempt may take.
    pub webhook_poll: Option<Duration>,
    pub webhook_retry_delays: Vec<Duration>,
    pub webhook_timeout: Duration,
    pub retention_months: u32,
    /// Public base URL (no trailing slash); filled from the bound address when not configured.
    pub public_url: Option<String>,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: TrustedProxies,
    /// Notification emails (SMTP server and sender); `None`: staff tell people themselves.
    pub mail: Option<Mailer>,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("bind", &self.bind)
            .field("data_dir", &self.data_dir)
            .field("database", &self.database_url.backend_name())
            .field("jwt_secret", &"***")
            .field("production", &self.production)
            .field("web_dist", &self.web_dist)
            .field("mail", &self.mail)
            .finish_non_exhaustive()
    }
}

impl Settings {
    /// Resolves the settings; may create the data directory and a development JWT secret.
    pub fn resolve(args: &ConfigArgs) -> anyhow::Result<Settings> {
        let file = match &args.config {
            Some(path) => read_file(path)?,
            None => FileConfig::default(),
        };
        let production = args.production || file.production.unwrap_or(false);
        let data_dir = args
            .data_dir
            .clone()
            .or(file.data_dir)
            .unwrap_or_else(|| PathBuf::from("data"));
        let url = match args.database_url.clone().or(file.database_url) {
            Some(url) => url,
            None => format!("sqlite://{}", data_dir.join("interra.db").display()),
        };
        let database_url = DatabaseUrl::parse(&url)?;
        let mail_from = args
            .mail_from
            .clone()
            .or(file.mail_from)
            .filter(|m| !m.trim().is_empty())
            .unwrap_or_else(|| mail::DEFAULT_SENDER.to_owned());
        let mail = match args
            .smtp_url
            .clone()
            .or(file.smtp_url)
            .filter(|u| !u.trim().is_empty())
        {
            Some(url) => Some(Mailer::parse(&url, &mail_from)?),
            // A wrong sender is refused even before a mail server is configured.
            None => mail::sender(&mail_from).map(|_| None)?,
        };
        let jwt_secret = match args.jwt_secret.clone().or(file.jwt_secret) {
            Some(secret) if secret.len() >= MIN_JWT_SECRET_LEN => secret.into_bytes(),
            Some(_) if production => bail!(
                "production mode: INTERRA_JWT_SECRET must be at least {MIN_JWT_SECRET_LEN} characters long"
            ),
            Some(secret) if !secret.is_empty() => secret.into_bytes(),
            _ if production => bail!(
                "production mode: set INTERRA_JWT_SECRET to a random secret of at least {MIN_JWT_SECRET_LEN} characters (e.g. `openssl rand -base64 48`)"
            ),
            _ => development_secret(&data_dir)?,
        };
        Ok(Settings {
            bind: args
                .bind
                .clone()
                .or(file.bind)
                .unwrap_or_else(|| "127.0.0.1:8080".into()),
            data_dir,
            database_url,
            jwt_secret,
            log: args
                .log
                .clone()
                .or(file.log)
                .unwrap_or_else(|| "info".into()),
            log_format: args.log_format.or(file.log_format).unwrap_or_default(),
            production,
            web_dist: args
                .web_dist
                .clone()
                .or(file.web_dist)
                .unwrap_or_else(|| PathBuf::from("web/dist")),
            workers: args.workers.or(file.workers),
            db_pool_size: args.db_pool_size.or(file.db_pool_size).unwrap_or(8).max(1),
            access_token_ttl: Duration::from_secs(15 * 60),
            refresh_token_ttl: Duration::from_secs(30 * 24 * 3600),
            refresh_grace: Duration::from_secs(30),
            login_failures_per_address: RateLimit {
                max: 5,
                window: Duration::from_secs(15 * 60),
            },
            login_delay: LoginDelay {
                free: 3,
                base: Duration::from_secs(1),
                max: Duration::from_secs(30),
                window: Duration::from_secs(15 * 60),
            },
            login_attempts_per_ip: RateLimit {
                max: 30,
                window: Duration::from_secs(60),
            },
            signups_per_ip: RateLimit {
                max: 5,
                window: Duration::from_secs(3600),
            },
            registrations_per_ip: RateLimit {
                max: 10,
                window: Duration::from_secs(3600),
            },
            partner_calls_per_client: RateLimit {
                max: 120,
                window: Duration::from_secs(60),
            },
            // An employer checking a pile of certificates, a trainee coming back to the
            // questionnaire: far below; a script trying codes: stopped.
            public_lookups_per_ip: RateLimit {
                max: 60,
                window: Duration::from_secs(600),
            },
            venue_addresses: AddressList::parse(
                args.venue_addresses
                    .as_deref()
                    .or(file.venue_addresses.as_deref())
                    .unwrap_or(""),
            )
            .map_err(|e| anyhow::anyhow!("INTERRA_VENUE_ADDRESSES: {e}"))?,
            venue_forms: RateLimit {
                max: args
                    .venue_forms_per_hour
                    .or(file.venue_forms_per_hour)
                    .unwrap_or(100)
                    .max(1),
                window: Duration::from_secs(3600),
            },
            housekeeping_interval: Duration::from_secs(3600),
            outbox_lease: Duration::from_secs(300),
            webhook_poll: Some(Duration::from_secs(2)),
            webhook_retry_delays: crate::partners::webhook_rules::RETRY_DELAYS.to_vec(),
            webhook_timeout: Duration::from_secs(10),
            retention_months: args
                .retention_months
                .or(file.retention_months)
                .unwrap_or(36)
                .max(1),
            public_url: args
                .public_url
                .clone()
                .or(file.public_url)
                .map(|u| u.trim_end_matches('/').to_owned()),
            trusted_proxies: TrustedProxies::parse(
                args.trusted_proxies
                    .as_deref()
                    .or(file.trusted_proxies.as_deref())
                    .unwrap_or(""),
            )
            .map_err(|e| anyhow::anyhow!("INTERRA_TRUSTED_PROXIES: {e}"))?,
            mail,
        })
    }
}

fn read_file(path: &Path) -> anyhow::Result<FileConfig> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read config file {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("invalid config file {}", path.display()))
}

/// Outside production, a random secret kept in the data directory, so that a restart keeps
/// sessions valid without anyone having to configure one.
fn development_secret(data_dir: &Path) -> anyhow::Result<Vec<u8>> {
    let path = data_dir.join("jwt-secret");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        let existing = existing.trim();
        if existing.len() >= MIN_JWT_SECRET_LEN {
            return Ok(existing.as_bytes().to_vec());
        }
    }
    crate::db::private_dir(data_dir)
        .with_context(|| format!("cannot create the data directory {}", data_dir.display()))?;
    let mut bytes = [0u8; 48];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let secret = base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, bytes);
    write_private(&path, &secret).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(secret.into_bytes())
}

fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(content.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn production_refuses_missing_or_short_secrets() {
        let args = ConfigArgs {
            production: true,
            data_dir: Some(std::env::temp_dir()),
            ..Default::default()
        };
        let err = Settings::resolve(&args).err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("INTERRA_JWT_SECRET")));
        let args = ConfigArgs {
            jwt_secret: Some("short".into()),
            ..args
        };
        let err = Settings::resolve(&args).err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("at least 32")));
    }

    #[test]
    fn development_secret_is_generated_once_and_reused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let args = ConfigArgs {
            data_dir: Some(dir.path().to_path_buf()),
            ..Default::default()
        };
        let a = Settings::resolve(&args).expect("settings");
        let b = Settings::resolve(&args).expect("settings");
        assert_eq!(a.jwt_secret, b.jwt_secret);
        assert!(a.jwt_secret.len() >= MIN_JWT_SECRET_LEN);
        assert_eq!(
            a.database_url,
            DatabaseUrl::Sqlite(dir.path().join("interra.db"))
        );
    }

    #[test]
    fn flags_win_over_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("interra.toml");
        std::fs::write(&file, "bind = \"0.0.0.0:9000\"\nlog = \"debug\"\n").expect("write");
        let args = ConfigArgs {
            config: Some(file),
            bind: Some("127.0.0.1:7000".into()),
            data_dir: Some(dir.path().to_path_buf()),
            ..Default::default()
        };
        let s = Settings::resolve(&args).expect("settings");
        assert_eq!(s.bind, "127.0.0.1:7000");
        assert_eq!(s.log, "debug");
    }

    #[test]
    fn a_bad_trusted_proxy_stops_the_start_with_its_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let args = ConfigArgs {
            data_dir: Some(dir.path().to_path_buf()),
            trusted_proxies: Some("127.0.0.1, 10.0.0/8".into()),
            ..Default::default()
        };
        let err = Settings::resolve(&args).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("INTERRA_TRUSTED_PROXIES") && e.contains("10.0.0/8")),
            "{err:?}"
        );
    }
}
