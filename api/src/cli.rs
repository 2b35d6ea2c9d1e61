//! The `interra` command line.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use rand::distributions::{Alphanumeric, DistString};
use shared::auth::Role;

use crate::accounts::password;
use crate::accounts::store::UserRow;
use crate::config::{ConfigArgs, Settings};
use crate::startup::{self, Application};
use crate::{accounts, db, demo, telemetry};

#[derive(Debug, Parser)]
#[command(
    name = "interra",
    version,
    about = "Interra platform: the API server, the web app host and administration commands.",
    long_about = "Interra platform: the API server, the web app host and administration commands.\n\n\
Every option can also be given as an INTERRA_* environment variable or in a TOML file (--config); \
a flag wins over the environment, which wins over the file."
)]
pub struct Cli {
    #[command(flatten)]
    pub config: ConfigArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP server (the default): API, OpenAPI docs and the web app.
    Serve {
        /// Load the demo dataset first (refused in production mode).
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations, then exit.
    Migrate,
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Print the OpenAPI document (JSON) on standard output.
    Openapi,
    /// Copy the SQLite database to FILE, safely while the server runs.
    Backup {
        /// Destination file (must not exist).
        file: PathBuf,
    },
    /// Load the demo dataset into the configured database (idempotent).
    Demo,
    /// Copy the configured SQLite database into an empty PostgreSQL database (moving to
    /// PostgreSQL, e.g. for several instances), then check the copy (row counts, a sample of
    /// rows compared). Stop the server first.
    CopyDb {
        /// The destination, postgres://user:password@host/database (must hold no table).
        #[arg(long)]
        to: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a staff account. The password is read without echo from the terminal, or from
    /// standard input when it is not a terminal.
    Create {
        #[arg(long)]
        email: String,
        /// Display name.
        #[arg(long)]
        name: String,
        /// admin, coordinator or coach.
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| "expected admin, coordinator, coach or mentor".into())
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    let command = cli.command.unwrap_or(Command::Serve { demo: false });
    if let Command::Openapi = command {
        print!("{}", startup::openapi_json()?);
        return Ok(());
    }
    let settings = Settings::resolve(&cli.config)?;
    telemetry::init_from(&settings);
    match command {
        Command::Serve { demo } => serve(settings, demo),
        Command::Migrate => {
            let db = db::Db::open(&settings.database_url, 1)?;
            let applied = db.migrate()?;
            println!("{applied} migration(s) applied ({})", db.backend());
            Ok(())
        }
        Command::User {
            command: UserCommand::Create { email, name, role },
        } => create_user(&settings, &email, &name, role),
        Command::Backup { file } => {
            let db = db::Db::open(&settings.database_url, 1)?;
            db::backup_sqlite(&db, &file)?;
            println!("backup written to {}", file.display());
            Ok(())
        }
        Command::Demo => {
            if settings.production {
                bail!("demo data is refused in production mode");
            }
            let db = startup::open_database(&settings)?;
            let report = demo::load(&db)?;
            println!(
                "demo data loaded: {} staff account(s) and {} people created; password of every demo account: {}",
                report.staff_created,
                report.people_created,
                demo::DEMO_PASSWORD
            );
            print_partner_clients(&report);
            Ok(())
        }
        Command::CopyDb { to } => {
            if !matches!(db::DatabaseUrl::parse(&to)?, db::DatabaseUrl::Postgres(_)) {
                bail!("--to must be a postgres:// URL");
            }
            let source = startup::open_database(&settings)?;
            let mut conn = source.conn()?;
            let report = db::copy::copy_sqlite_to_postgres(&mut conn, &to)?;
            for (table, rows) in &report.tables {
                println!("{table:<40} {rows:>8}");
            }
            println!(
                "copied {} table(s), {} row(s) into {}; row counts equal, {} sampled row(s) identical",
                report.tables.len(),
                report.tables.values().sum::<i64>(),
                db::redact(&to),
                report.sampled
            );
            Ok(())
        }
        Command::Openapi => Ok(()),
    }
}

/// The demo partner clients' credentials, printed by the load that created them (only a hash
/// is kept: a later load cannot show them again).
fn print_partner_clients(report: &demo::DemoReport) {
    let lines = report.partner_lines();
    if !lines.is_empty() {
        println!("Demo partner API clients (secrets shown this once; token at POST /api/v1/oauth/token):");
        for l in lines {
            println!("  {l}");
        }
    }
}

fn serve(settings: Settings, with_demo: bool) -> anyhow::Result<()> {
    if with_demo && settings.production {
        bail!("--demo is refused in production mode");
    }
    let db = startup::open_database(&settings)?;
    if with_demo {
        let report = demo::load(&db)?;
        println!(
            "Demo data ready ({} staff account(s), {} people created). Sign in as admin@demo.interra.be, \
coordinator@demo.interra.be or coach@demo.interra.be with the password {}",
            report.staff_created,
            report.people_created,
            demo::DEMO_PASSWORD
        );
        print_partner_clients(&report);
    }
    bootstrap_admin(&db, settings.production)?;
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build_with(settings, db)?;
        let addr = app.local_addr();
        println!("Interra listening on http://{addr}");
        let _ = std::io::stdout().flush();
        tracing::info!(%addr, "server started");
        app.run_until_stopped().await?;
        tracing::info!("server stopped");
        Ok(())
    })
}

/// A fresh installation gets a first administrator, so the README's one command is enough to
/// sign in. In production nobody gets a printed password: the operator creates the account.
fn bootstrap_admin(db: &db::Db, production: bool) -> anyhow::Result<()> {
    let mut conn = db.conn()?;
    if UserRow::count(&mut conn)? > 0 {
        return Ok(());
    }
    if production {
        println!(
            "No staff account exists yet. Create the first administrator with:\n  interra user create --email you@example.org --name \"Your Name\" --role admin"
        );
        return Ok(());
    }
    let email = "admin@interra.local";
    let secret = Alphanumeric.sample_string(&mut rand::rngs::OsRng, 20);
    let hash = password::hash(&secret)?;
    UserRow::new(email.into(), "Administrator".into(), Role::Admin, hash).insert(&mut conn)?;
    println!(
        "\n  First administrator created: {email} / {secret}\n  Sign in and change this password (it is shown only once).\n"
    );
    Ok(())
}

fn read_password() -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let second = rpassword::prompt_password("Repeat password: ")?;
        if first != second {
            bail!("the two passwords differ");
        }
        Ok(first)
    } else {
        let mut text = String::new();
        std::io::stdin()
            .take(4096)
            .read_to_string(&mut text)
            .context("cannot read the password from standard input")?;
        Ok(text.lines().next().unwrap_or_default().to_owned())
    }
}

/// Creates a staff account through the same service as the admin screen, so the checks and
/// the audit entry are the same; field errors are printed in English.
fn create_user(settings: &Settings, email: &str, name: &str, role: Role) -> anyhow::Result<()> {
    let secret = read_password()?;
    let db = startup::open_database(settings)?;
    let input = shared::users::CreateUser {
        email: email.to_owned(),
        display_name: name.to_owned(),
        role,
        password: Some(secret),
    };
    let created = actix_web::rt::System::new().block_on(accounts::service::create_user(
        &db,
        crate::audit::Actor::default(),
        input,
        accounts::service::Via::Cli,
    ));
    let row = created.map_err(explain)?;
    println!("account created: {} ({}) id {}", row.email, role, row.id);
    Ok(())
}

/// An API error as one line for the terminal: each field (as its flag) with its messages.
fn explain(e: crate::error::ApiError) -> anyhow::Error {
    let problem = e.problem(shared::Lang::En, None);
    let mut parts: Vec<String> = problem
        .errors
        .unwrap_or_default()
        .into_iter()
        .map(|(field, msgs)| {
            let flag = match field.as_str() {
                "display_name" => "--name",
                "email" => "--email",
                other => other,
            };
            format!("{flag}: {}", msgs.join(" "))
        })
        .collect();
    if parts.is_empty() {
        parts.push(problem.detail.unwrap_or(problem.title));
    }
    anyhow::anyhow!("{}", parts.join("; "))
}
