//! `interra copy-db --to postgres://…`: the demo data of an SQLite database copied into an
//! empty PostgreSQL database, checked, and served from there; a database that is not empty is
//! refused.

use interra_api::db::copy::copy_sqlite_to_postgres;
use interra_api::db::{DatabaseUrl, Db};
use interra_api::startup::Application;
use reqwest::StatusCode;
use shared::auth::LoginRequest;

use crate::helpers::{database_url, empty_database_url, test_settings, Backend};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_data_moves_from_sqlite_to_an_empty_postgresql() {
    let Some((pg_url, _pg)) = empty_database_url(Backend::Postgres) else {
        eprintln!("skipped: PostgreSQL not configured");
        return;
    };
    let (sqlite_url, _sqlite) = database_url(Backend::Sqlite).expect("sqlite");
    let source = Db::open(&DatabaseUrl::parse(&sqlite_url).expect("url"), 2).expect("open");
    source.migrate().expect("migrate");
    let demo = interra_api::demo::load(&source).expect("demo data");
    assert!(demo.people_created > 0);

    let mut conn = source.conn().expect("conn");
    let report = copy_sqlite_to_postgres(&mut conn, &pg_url).expect("copy");
    assert!(report.tables.len() > 30, "{:?}", report.tables);
    assert!(report.tables["people"] >= demo.people_created as i64);
    assert!(report.tables["activities"] > 0 && report.tables["registrations"] > 0);
    assert!(report.sampled > 100, "{} rows compared", report.sampled);

    // A second copy into the now filled database is refused, and changes nothing.
    let again = copy_sqlite_to_postgres(&mut conn, &pg_url).expect_err("refused");
    assert!(again.to_string().contains("not empty"), "{again}");

    // The copy serves: a demo account signs in on a server over PostgreSQL.
    let dir = tempfile::tempdir().expect("tempdir");
    let app = Application::build(test_settings(&pg_url, dir.path())).expect("build");
    let base = format!("http://{}", app.local_addr());
    let handle = app.handle();
    tokio::spawn(app.run_until_stopped());
    let res = reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .json(&LoginRequest {
            email: "coordinator@demo.interra.be".into(),
            password: interra_api::demo::DEMO_PASSWORD.into(),
        })
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    let events = reqwest::get(format!("{base}/api/v1/public/events"))
        .await
        .expect("request");
    assert_eq!(events.status(), StatusCode::OK);
    handle.stop(false).await;
}
