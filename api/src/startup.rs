//! Building and running the HTTP server from [`Settings`]; tests use the same path on port 0.

use std::net::{SocketAddr, TcpListener};

use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Compress};
use actix_web::{web, App, HttpResponse, HttpServer};
use anyhow::Context;
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::{Config, SwaggerUi};

use crate::config::Settings;
use crate::db::Db;
use crate::http::openapi::ApiDoc;
use crate::state::AppState;
use crate::telemetry::request_context;

/// The OpenAPI document of every registered route.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut doc) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(crate::http::configure)
        .split_for_parts();
    crate::http::openapi::finish(&mut doc);
    doc
}

/// The document as committed in `openapi/openapi.json` (pretty JSON, trailing newline).
pub fn openapi_json() -> anyhow::Result<String> {
    let mut text = openapi()
        .to_pretty_json()
        .context("cannot serialise the OpenAPI document")?;
    text.push('\n');
    Ok(text)
}

/// Opens the database and applies pending migrations.
pub fn open_database(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::open(&settings.database_url, settings.db_pool_size)?;
    let applied = db.migrate()?;
    if applied > 0 {
        tracing::info!(applied, backend = db.backend(), "database migrated");
    }
    Ok(db)
}

/// Any successful write may change the public agenda: drop the cached feeds. Any write at all
/// makes the kept reports stale (even a refused one: what matters is that none is missed).
async fn invalidate_feeds(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let writes = !req.method().is_safe();
    let reports = writes
        .then(|| {
            req.app_data::<web::Data<AppState>>()
                .map(|s| s.reports.clone())
        })
        .flatten();
    let res = next.call(req).await;
    if let Some(reports) = reports {
        reports.invalidate();
    }
    let res = res?;
    if writes && res.status().is_success() {
        if let Some(state) = res.request().app_data::<web::Data<AppState>>() {
            state.feed_cache.invalidate();
        }
    }
    Ok(res)
}

/// A method the document does not declare on a path answers 405 with `Allow`, before routing:
/// actix would otherwise try the next route, and `PUT /people/retention` would reach
/// `PUT /people/{id}` and answer 404 for the id `retention`.
async fn undeclared_methods(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    let path = req.path();
    // CORS preflights of the public API are answered by the fallback.
    let preflight =
        req.method() == actix_web::http::Method::OPTIONS && path.starts_with("/api/v1/public/");
    if path.starts_with("/api/") && !preflight {
        let allow = req
            .app_data::<web::Data<AppState>>()
            .and_then(|state| state.api_routes.allowed(path));
        if let Some(allow) = allow.filter(|a| !a.iter().any(|m| m == req.method().as_str())) {
            let error = crate::error::ApiError::MethodNotAllowed { allow };
            // `error_response` keeps the error, so the problem is rendered in the request's
            // language with its id like every other.
            return Ok(req.error_response(error));
        }
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

pub struct Application {
    server: Server,
    addr: SocketAddr,
    db: Db,
    /// The email task for the notification outbox, when SMTP is configured.
    outbox: Option<OutboxTask>,
    /// How often expired idempotency answers and sessions are removed.
    housekeeping: std::time::Duration,
    /// The webhook sender and its polling period (`None`: no background sender).
    webhooks: Option<(
        crate::partners::webhook_sender::WebhookSender,
        std::time::Duration,
    )>,
}

struct OutboxTask {
    mailer: crate::notify::mail::Mailer,
    public_url: String,
    wake: std::sync::Arc<tokio::sync::Notify>,
    lease: std::time::Duration,
}

impl Application {
    /// Opens and migrates the database, binds the listener and prepares the server.
    pub fn build(settings: Settings) -> anyhow::Result<Application> {
        let db = open_database(&settings)?;
        Self::build_with(settings, db)
    }

    pub fn build_with(mut settings: Settings, db: Db) -> anyhow::Result<Application> {
        {
            let mut conn = db.conn()?;
            let (_, purged) = crate::housekeeping::sweep(&mut conn)
                .map_err(|e| anyhow::anyhow!("cannot purge expired sessions and answers: {e}"))?;
            if purged > 0 {
                tracing::info!(purged, "expired sessions removed");
            }
        }
        let listener = TcpListener::bind(&settings.bind)
            .with_context(|| format!("cannot listen on {}", settings.bind))?;
        let addr = listener.local_addr()?;
        if settings.public_url.is_none() {
            let host = if addr.ip().is_unspecified() {
                "localhost".to_owned()
            } else {
                addr.ip().to_string()
            };
            settings.public_url = Some(format!("http://{host}:{}", addr.port()));
        }
        let workers = settings.workers;
        let housekeeping = settings.housekeeping_interval;
        let mailer = settings.mail.clone();
        let lease = settings.outbox_lease;
        let public_url = settings.public_url.clone().unwrap_or_default();
        let webhooks = match settings.webhook_poll {
            Some(poll) => Some((
                crate::partners::webhook_sender::WebhookSender::new(&settings)?,
                poll,
            )),
            None => None,
        };
        let state = web::Data::new(AppState::new(settings, db.clone(), openapi_json()?));
        let outbox = mailer.map(|mailer| OutboxTask {
            mailer,
            public_url,
            wake: state.outbox.clone(),
            lease,
        });
        let mut server = HttpServer::new(move || {
            let (app, mut doc) = App::new()
                .into_utoipa_app()
                .openapi(ApiDoc::openapi())
                .app_data(state.clone())
                .configure(crate::http::configure)
                .split_for_parts();
            crate::http::openapi::finish(&mut doc);
            app.service(
                SwaggerUi::new("/api/docs/{_:.*}")
                    .url("/api/openapi.json", doc)
                    .config(
                        Config::default()
                            .validator_url("none")
                            .try_it_out_enabled(true),
                    ),
            )
            .route(
                "/api/docs",
                web::get().to(|| async {
                    HttpResponse::PermanentRedirect()
                        .insert_header(("Location", "/api/docs/"))
                        .finish()
                }),
            )
            .route(
                crate::http::security::EMBED_PATH,
                web::get().to(crate::activities::public::http::embed_agenda),
            )
            .route(
                crate::activities::public::http::CONFIRM_PATH,
                web::get().to(crate::activities::public::http::confirm_page),
            )
            .route(
                crate::activities::public::http::CONFIRM_PATH,
                web::post().to(crate::activities::public::http::confirm_submit),
            )
            .default_service(web::to(crate::http::spa::fallback))
            .wrap(from_fn(undeclared_methods))
            .wrap(from_fn(invalidate_feeds))
            .wrap(from_fn(request_context))
            .wrap(from_fn(crate::http::partner::rate_limit_headers))
            .wrap(from_fn(crate::http::cors::public_cors))
            .wrap(from_fn(crate::http::security::security_headers))
            .wrap(Compress::default())
        })
        .listen(listener)?
        // In-flight requests get this long to finish after SIGTERM/SIGINT.
        .shutdown_timeout(30);
        if let Some(n) = workers {
            server = server.workers(n.max(1));
        }
        Ok(Application {
            server: server.run(),
            addr,
            db,
            outbox,
            housekeeping,
            webhooks,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// A handle to stop the server gracefully.
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves until stopped; the outbox task (if any) and the housekeeping task run alongside and
    /// stop with the server.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let task = self.outbox.map(|o| {
            tokio::spawn(crate::notify::outbox::run(
                self.db.clone(),
                o.mailer,
                o.public_url,
                o.wake,
                crate::notify::outbox::Sender::new(o.lease),
            ))
        });
        let sweeper = tokio::spawn(crate::housekeeping::run(self.db.clone(), self.housekeeping));
        let hooks = self.webhooks.map(|(sender, poll)| {
            tokio::spawn(crate::partners::webhook_sender::run(
                self.db.clone(),
                sender,
                poll,
            ))
        });
        let result = self.server.await;
        if let Some(h) = hooks {
            h.abort();
        }
        if let Some(t) = task {
            t.abort();
        }
        sweeper.abort();
        result
    }
}
