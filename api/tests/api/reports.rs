//! Reports (issue 17): who may read them, each indicator against an independent SQL query on a
//! generated dataset, small-count suppression as a reader sees it, the CSV and XLSX files.

use chrono::Datelike;
use diesel::prelude::*;
use diesel::sql_types::{Double, Nullable};
use interra_api::db::DbConnection;
use interra_api::reports::sample::{generate, Scale};
use reqwest::StatusCode;
use shared::auth::Role;
use shared::reports::{
    ReportCell, ReportGroup, ReportSummary, ReportTable, ReportUnit, YearlyReport,
};

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};

const SUMMARY: &str = "/api/v1/reports/summary";
const YEAR: i32 = 2025;
/// 2025 in Brussels, as UTC instants.
const S: &str = "'2024-12-31 23:00:00'";
const E: &str = "'2025-12-31 23:00:00'";

#[derive(QueryableByName)]
struct V {
    #[diesel(sql_type = Nullable<Double>)]
    v: Option<f64>,
}

/// `SELECT CAST(... AS DOUBLE PRECISION) AS v`: one number read directly from the database.
fn scalar(app: &TestApp, sql: &str) -> f64 {
    let mut conn = app.db.conn().expect("conn");
    let rows: Vec<V> = match &mut *conn {
        DbConnection::Sqlite(c) => diesel::sql_query(sql).load(c),
        DbConnection::Postgres(c) => diesel::sql_query(sql).load(c),
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"));
    rows.first().and_then(|r| r.v).unwrap_or_default()
}

fn count(app: &TestApp, from_where: &str) -> f64 {
    scalar(
        app,
        &format!("SELECT CAST(COUNT(*) AS DOUBLE PRECISION) AS v FROM {from_where}"),
    )
}

fn table<'a>(r: &'a ReportSummary, group: ReportGroup, key: &str) -> &'a ReportTable {
    r.sections
        .iter()
        .filter(|s| s.group == group)
        .flat_map(|s| &s.tables)
        .find(|t| t.key == key)
        .unwrap_or_else(|| panic!("no table {key} in {group}"))
}

fn total(t: &ReportTable) -> &ReportCell {
    t.total.as_ref().expect("a total")
}

fn row<'a>(t: &'a ReportTable, key: &str) -> &'a ReportCell {
    t.rows
        .iter()
        .find(|c| c.key == key)
        .unwrap_or_else(|| panic!("no row {key} in {}", t.key))
}

/// A published figure equals the independent one; a hidden one has no value; a count of
/// people under 5 is never published. Returns whether the figure was published.
fn check(what: &str, unit: ReportUnit, cell: &ReportCell, expected: f64) -> bool {
    if cell.suppressed {
        assert_eq!(
            cell.value, None,
            "{what}: a suppressed figure carries no number"
        );
        return false;
    }
    let got = cell.value.unwrap_or_else(|| panic!("{what}: no value"));
    if unit == ReportUnit::People {
        assert!(expected >= 5.0, "{what}: {expected} people published");
    }
    assert!(
        (got - expected).abs() < 0.051,
        "{what}: the report says {got}, the database {expected}"
    );
    true
}

async fn coordinator(app: &TestApp) -> String {
    app.token_for(Role::Coordinator).await
}

fn seed(app: &TestApp, scale: Scale, seed: u64) {
    let mut conn = app.db.conn().expect("conn");
    generate(&mut conn, scale, YEAR, seed).expect("generated dataset");
}

both!(
    reports_are_for_coordinators_and_admins,
    |app: TestApp| async move {
        let paths = [
            format!("{SUMMARY}?year={YEAR}"),
            format!("{SUMMARY}.csv?year={YEAR}"),
            format!("{SUMMARY}.xlsx?year={YEAR}"),
            format!("/api/v1/reports/yearly?year={YEAR}"),
        ];
        let coach = app.token_for(Role::Coach).await;
        let mentor = app.token_for(Role::Mentor).await;
        for p in &paths {
            assert_eq!(
                app.get(p, None).await.status(),
                StatusCode::UNAUTHORIZED,
                "{p}"
            );
            assert_eq!(
                app.get(p, Some(&coach)).await.status(),
                StatusCode::FORBIDDEN,
                "{p}"
            );
            assert_eq!(
                app.get(p, Some(&mentor)).await.status(),
                StatusCode::FORBIDDEN,
                "{p}"
            );
        }
        for role in [Role::Coordinator, Role::Admin] {
            let token = app.token_for(role).await;
            for p in &paths {
                assert_eq!(
                    app.get(p, Some(&token)).await.status(),
                    StatusCode::OK,
                    "{role:?} {p}"
                );
            }
        }
        // The home page: staff who accompany people, not mentors.
        assert_eq!(
            app.get("/api/v1/home", Some(&coach)).await.status(),
            StatusCode::OK
        );
        assert_eq!(
            app.get("/api/v1/home", Some(&mentor)).await.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.get("/api/v1/home", None).await.status(),
            StatusCode::UNAUTHORIZED
        );
    }
);

both!(
    periods_are_checked_field_by_field,
    |app: TestApp| async move {
        let token = coordinator(&app).await;
        for (query, field) in [
            ("year=2025&quarter=5", "quarter"),
            ("year=2025&month=13", "month"),
            ("month=3", "year"),
            ("from=2025-03-01&to=2025-02-01", "to"),
            ("from=2025-03-01", "to"),
            ("from=2025-03-01&to=2025-04-01&year=2025", "year"),
        ] {
            let p = expect_problem(
                app.get(&format!("{SUMMARY}?{query}"), Some(&token)).await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert!(
                p.errors.as_ref().is_some_and(|e| e.contains_key(field)),
                "{query}: {:?}",
                p.errors
            );
        }
        let r: ReportSummary = expect_json(
            app.get(&format!("{SUMMARY}?year=2024&quarter=1"), Some(&token))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            (r.from.to_string(), r.to.to_string()),
            ("2024-01-01".into(), "2024-03-31".into())
        );
        let r: ReportSummary = expect_json(
            app.get(&format!("{SUMMARY}?year=2024&month=2"), Some(&token))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(r.to.to_string(), "2024-02-29");
    }
);

/// Sessions of `programme` held in 2025 (published), joined as `a`.
fn sessions(programme: &str) -> String {
    format!(
        "activities a WHERE a.programme = '{programme}' AND a.status = 'published' \
         AND a.starts_at >= {S} AND a.starts_at < {E}"
    )
}

fn regs(programme: &str, status: &str) -> String {
    format!(
        "registrations r JOIN activities a ON a.id = r.activity_id WHERE r.status = '{status}' \
         AND a.programme = '{programme}' AND a.status = 'published' \
         AND a.starts_at >= {S} AND a.starts_at < {E}"
    )
}

/// Everyone reached in 2025, one `p` per person (a sub-query).
fn reached() -> String {
    let duo = format!(
        "duos WHERE confirmed_at IS NOT NULL AND confirmed_at < {E} \
         AND (ended_at IS NULL OR ended_at >= {S})"
    );
    format!(
        "(SELECT r.person_id AS p FROM registrations r JOIN activities a ON a.id = r.activity_id \
           WHERE r.status = 'attended' AND a.status = 'published' \
           AND a.starts_at >= {S} AND a.starts_at < {E} \
         UNION SELECT newcomer_id FROM {duo} UNION SELECT local_id FROM {duo} \
         UNION SELECT e.person_id FROM interlab_entrepreneurs e WHERE e.created_at < {E} AND \
           (e.created_at >= {S} OR EXISTS (SELECT 1 FROM interlab_meetings m \
             WHERE m.entrepreneur_id = e.id AND m.held_on BETWEEN '2025-01-01' AND '2025-12-31'))) x"
    )
}

both!(
    every_indicator_matches_an_independent_count,
    |app: TestApp| async move {
        seed(
            &app,
            Scale {
                people: 500,
                registrations: 4000,
                duos: 200,
            },
            17,
        );
        let token = coordinator(&app).await;
        let r: ReportSummary = expect_json(
            app.get(&format!("{SUMMARY}?year={YEAR}"), Some(&token))
                .await,
            StatusCode::OK,
        )
        .await;
        let mut published = 0;
        let mut p = |what: &str, unit, cell: &ReportCell, expected: f64| {
            if check(what, unit, cell, expected) {
                published += 1;
            }
        };
        use ReportGroup::*;
        use ReportUnit::People;

        // Everyone.
        let t = table(&r, Everyone, "reached_by_category");
        p("reached", People, total(t), count(&app, &reached()));
        let person = |cond: &str| {
            count(
                &app,
                &format!("{} JOIN people pe ON pe.id = x.p WHERE {cond}", reached()),
            )
        };
        for c in ["newcomer", "local"] {
            p(
                c,
                People,
                row(t, c),
                person(&format!(
                    "COALESCE(pe.category_override, pe.profile) = '{c}'"
                )),
            );
        }
        let t = table(&r, Everyone, "reached_new_or_returning");
        p(
            "new",
            People,
            row(t, "new"),
            person(&format!("pe.created_at >= {S} AND pe.created_at < {E}")),
        );
        p(
            "returning",
            People,
            row(t, "returning"),
            person(&format!("pe.created_at < {S}")),
        );
        let t = table(&r, Everyone, "reached_by_age");
        p(
            "26-35",
            People,
            row(t, "26_35"),
            person("2025 - pe.birth_year BETWEEN 26 AND 35"),
        );
        p(
            "age unknown",
            People,
            row(t, "unknown"),
            person("pe.birth_year IS NULL"),
        );
        let t = table(&r, Everyone, "reached_by_gender");
        p(
            "women",
            People,
            row(t, "woman"),
            person("pe.gender = 'woman'"),
        );
        p(
            "gender unknown",
            People,
            row(t, "unknown"),
            person("pe.gender IS NULL"),
        );
        let t = table(&r, Everyone, "reached_by_commune");
        p(
            "Liège",
            People,
            row(t, "liège"),
            person("pe.commune = 'Liège'"),
        );
        // A commune where one person lives is never named.
        assert!(
            t.rows.iter().all(|c| !c.key.starts_with("commune ")),
            "{t:?}"
        );
        let t = table(&r, Everyone, "reached_by_origin");
        p(
            "maghreb",
            People,
            row(t, "maghreb"),
            person("pe.origin_region = 'maghreb'"),
        );
        let t = table(&r, Everyone, "reached_by_language");
        p(
            "arabic speakers",
            People,
            row(t, "ar"),
            count(
                &app,
                &format!(
                    "{} JOIN person_languages l ON l.person_id = x.p WHERE l.language = 'ar'",
                    reached()
                ),
            ),
        );

        // InterAct and the trainings: the same arithmetic.
        for (group, programme) in [(Interact, "interact"), (Training, "training")] {
            let t = table(&r, group, "participants_by_category");
            p(
                "participants",
                People,
                total(t),
                scalar(
                    &app,
                    &format!(
                        "SELECT CAST(COUNT(DISTINCT r.person_id) AS DOUBLE PRECISION) AS v FROM {}",
                        regs(programme, "attended")
                    ),
                ),
            );
            p(
                "newcomer participants",
                People,
                row(t, "newcomer"),
                scalar(
                    &app,
                    &format!(
                    "SELECT CAST(COUNT(DISTINCT r.person_id) AS DOUBLE PRECISION) AS v FROM {} \
                     AND r.category = 'newcomer'",
                    regs(programme, "attended")
                ),
                ),
            );
            let t = table(&r, group, "sessions_by_host");
            p(
                "sessions",
                ReportUnit::Count,
                total(t),
                count(&app, &sessions(programme)),
            );
            p(
                "workshops",
                ReportUnit::Count,
                total(table(&r, group, "workshops_held")),
                scalar(
                    &app,
                    &format!(
                    "SELECT CAST(COUNT(DISTINCT COALESCE(a.series_id, a.id)) AS DOUBLE PRECISION) \
                     AS v FROM {}",
                    sessions(programme)
                ),
                ),
            );
            let attended = count(&app, &regs(programme, "attended"));
            let absent = count(&app, &regs(programme, "absent"));
            p(
                "attendance rate",
                ReportUnit::Percent,
                total(table(&r, group, "attendance_rate")),
                ((attended * 100.0 / (attended + absent)) * 10.0).round() / 10.0,
            );
            p(
                "no-show rate",
                ReportUnit::Percent,
                total(table(&r, group, "no_show_rate")),
                ((absent * 100.0 / (attended + absent)) * 10.0).round() / 10.0,
            );
            let hours = if app.db.backend() == "sqlite" {
                "(strftime('%s', a.ends_at) - strftime('%s', a.starts_at)) / 3600.0"
            } else {
                "EXTRACT(EPOCH FROM (a.ends_at - a.starts_at)) / 3600"
            };
            let h = scalar(
                &app,
                &format!(
                    "SELECT CAST(SUM({hours}) AS DOUBLE PRECISION) AS v FROM {}",
                    regs(programme, "attended")
                ),
            );
            p(
                "participant-hours",
                ReportUnit::Hours,
                total(table(&r, group, "participant_hours")),
                (h * 10.0).round() / 10.0,
            );
            let promoted = count(
                &app,
                &format!(
                    "registrations r JOIN activities a ON a.id = r.activity_id \
                 WHERE r.promoted_at IS NOT NULL AND a.programme = '{programme}' \
                 AND a.status = 'published' AND a.starts_at >= {S} AND a.starts_at < {E}"
                ),
            );
            p(
                "promotions",
                People,
                total(table(&r, group, "waiting_list_promotions")),
                promoted,
            );
        }

        // Duo2Change.
        let active = format!(
            "duos WHERE confirmed_at IS NOT NULL AND confirmed_at < {E} \
         AND (ended_at IS NULL OR ended_at >= {S})"
        );
        p(
            "duos active",
            People,
            total(table(&r, Duo2change, "duos_active")),
            count(&app, &active),
        );
        p(
            "duos proposed",
            People,
            total(table(&r, Duo2change, "duos_proposed")),
            count(
                &app,
                &format!("duos WHERE proposed_at >= {S} AND proposed_at < {E}"),
            ),
        );
        let ended = format!(
            "duos WHERE status = 'ended' AND confirmed_at IS NOT NULL \
         AND ended_at >= {S} AND ended_at < {E}"
        );
        let t = table(&r, Duo2change, "duos_ended_by_outcome");
        let n_ended = count(&app, &ended);
        p("duos ended", People, total(t), n_ended);
        let good = count(&app, &format!("{ended} AND outcome = 'good'"));
        p("ended well", People, row(t, "good"), good);
        p(
            "completion rate",
            ReportUnit::Percent,
            total(table(&r, Duo2change, "completion_rate")),
            ((good * 100.0 / n_ended) * 10.0).round() / 10.0,
        );
        let t = table(&r, Duo2change, "candidates_waiting_by_side");
        p(
            "waiting",
            People,
            total(t),
            count(
                &app,
                &format!("duo_candidacies WHERE status = 'waiting' AND waiting_since < {E}"),
            ),
        );
        let change = scalar(
        &app,
        "SELECT CAST(AVG(af.french_confidence - bf.french_confidence) AS DOUBLE PRECISION) AS v \
         FROM duo_assessments af JOIN duo_assessments bf ON bf.duo_id = af.duo_id \
           AND bf.person_id = af.person_id AND bf.phase = 'before' AND bf.side = 'newcomer' \
         WHERE af.phase = 'after' AND af.side = 'newcomer' \
           AND af.assessed_on BETWEEN '2025-01-01' AND '2025-12-31' \
           AND af.french_confidence IS NOT NULL AND bf.french_confidence IS NOT NULL",
    );
        p(
            "French confidence change",
            ReportUnit::Score,
            total(table(&r, Duo2change, "french_confidence_change")),
            (change * 10.0).round() / 10.0,
        );

        // InterLab.
        let t = table(&r, Interlab, "entrepreneurs_by_stage");
        p(
            "entrepreneurs",
            People,
            total(t),
            count(
                &app,
                &format!("interlab_entrepreneurs WHERE created_at < {E}"),
            ),
        );
        p(
            "milestones done",
            ReportUnit::Count,
            total(table(&r, Interlab, "milestones_done")),
            count(
                &app,
                "interlab_milestones WHERE status = 'done' \
             AND completed_on BETWEEN '2025-01-01' AND '2025-12-31'",
            ),
        );
        p(
            "outcomes",
            People,
            total(table(&r, Interlab, "outcomes_by_kind")),
            count(
                &app,
                "interlab_outcomes WHERE occurred_on BETWEEN '2025-01-01' AND '2025-12-31'",
            ),
        );

        // Trainings: courses with a session held in 2025, their trainees (each person once,
        // partner staff by the kind of their organisation), completion of the courses that
        // ended in 2025, certificates and satisfaction.
        let held = format!(
            "training_courses c WHERE EXISTS (SELECT 1 FROM training_course_sessions cs \
               JOIN activities a ON a.id = cs.activity_id WHERE cs.course_id = c.id \
               AND a.status = 'published' AND a.starts_at >= {S} AND a.starts_at < {E})"
        );
        p(
            "courses held",
            ReportUnit::Count,
            total(table(&r, Training, "courses_held")),
            count(&app, &held),
        );
        let trainees = format!(
            "training_registrations tr LEFT JOIN organisations o ON o.id = tr.organisation_id \
             WHERE tr.cancelled_at IS NULL AND tr.course_id IN (SELECT c.id FROM {held})"
        );
        let t = table(&r, Training, "trainees_by_audience");
        p(
            "trainees",
            People,
            total(t),
            count(
                &app,
                &format!("(SELECT DISTINCT tr.person_id FROM {trainees}) x"),
            ),
        );
        p(
            "trainees on their own",
            People,
            row(t, "participant"),
            count(
                &app,
                &format!(
                    "(SELECT tr.person_id FROM {trainees} GROUP BY tr.person_id \
                     HAVING MAX(o.kind) IS NULL) x"
                ),
            ),
        );
        p(
            "CPAS staff trained",
            People,
            row(t, "cpas"),
            count(
                &app,
                &format!(
                    "(SELECT tr.person_id FROM {trainees} GROUP BY tr.person_id \
                     HAVING MIN(o.kind) = 'cpas') x"
                ),
            ),
        );
        // Completion by a loop over the rows: attended minutes against 80 % of the course's.
        let minutes = if app.db.backend() == "sqlite" {
            "(strftime('%s', a.ends_at) - strftime('%s', a.starts_at)) / 60.0"
        } else {
            "EXTRACT(EPOCH FROM (a.ends_at - a.starts_at)) / 60"
        };
        let ended = "training_registrations tr JOIN training_courses c ON c.id = tr.course_id \
             WHERE tr.cancelled_at IS NULL AND c.ends_on BETWEEN '2025-01-01' AND '2025-12-31'";
        let finished = count(&app, ended);
        let completed = count(
            &app,
            &format!(
                "{ended} AND (SELECT SUM({minutes}) FROM training_course_sessions cs \
                   JOIN activities a ON a.id = cs.activity_id JOIN registrations r \
                   ON r.activity_id = a.id AND r.person_id = tr.person_id \
                   AND r.status = 'attended' WHERE cs.course_id = c.id \
                   AND a.status <> 'cancelled') * 100 >= 80 * (SELECT SUM({minutes}) \
                   FROM training_course_sessions cs JOIN activities a ON a.id = cs.activity_id \
                   WHERE cs.course_id = c.id AND a.status <> 'cancelled')"
            ),
        );
        assert!(
            completed > 0.0 && completed < finished,
            "{completed} of {finished}"
        );
        p(
            "course completion rate",
            ReportUnit::Percent,
            total(table(&r, Training, "course_completion_rate")),
            ((completed * 100.0 / finished) * 10.0).round() / 10.0,
        );
        p(
            "certificates issued",
            People,
            total(table(&r, Training, "certificates_issued")),
            count(
                &app,
                &format!(
                    "training_certificates WHERE revoked_at IS NULL \
                     AND issued_at >= {S} AND issued_at < {E}"
                ),
            ),
        );
        let satisfaction = scalar(
            &app,
            &format!(
                "SELECT CAST(AVG(satisfaction) AS DOUBLE PRECISION) AS v FROM training_evaluations \
                 WHERE answered_at >= {S} AND answered_at < {E} AND satisfaction IS NOT NULL"
            ),
        );
        p(
            "training satisfaction",
            ReportUnit::Score,
            total(table(&r, Training, "evaluation_satisfaction_mean")),
            (satisfaction * 10.0).round() / 10.0,
        );

        // The dataset is large enough that most figures are published: the comparisons ran.
        assert!(published >= 36, "only {published} figures published");
    }
);

/// What a reader can do with a published breakdown: subtract the shown rows from the total.
fn recoverable(t: &ReportTable) -> Option<String> {
    let total = t.total.as_ref()?;
    if !t.partition || t.unit != ReportUnit::People || t.rows.is_empty() {
        return None;
    }
    let hidden: Vec<&ReportCell> = t.rows.iter().filter(|c| c.suppressed).collect();
    let shown: f64 = t.rows.iter().filter_map(|c| c.value).sum();
    match (total.value, hidden.len()) {
        (Some(n), 1) => Some(format!("{}: {} = {n} - {shown}", t.key, hidden[0].key)),
        (Some(n), k) if k > 1 && n - shown == 0.0 => {
            Some(format!("{}: the hidden rows are all 0", t.key))
        }
        (None, 1) => None,
        (None, 0) => Some(format!("{}: the hidden total is {shown}", t.key)),
        _ => None,
    }
}

both!(
    small_counts_cannot_be_recovered_from_the_report,
    |app: TestApp| async move {
        // A small dataset: many cells under 5.
        seed(
            &app,
            Scale {
                people: 60,
                registrations: 300,
                duos: 25,
            },
            5,
        );
        let token = coordinator(&app).await;
        let r: ReportSummary = expect_json(
            app.get(&format!("{SUMMARY}?year={YEAR}"), Some(&token))
                .await,
            StatusCode::OK,
        )
        .await;
        let mut hidden = 0;
        for t in r.sections.iter().flat_map(|s| &s.tables) {
            if let Some(found) = recoverable(t) {
                panic!("recovered {found}");
            }
            for c in t.total.iter().chain(&t.rows) {
                if c.suppressed {
                    hidden += 1;
                    assert_eq!(c.value, None);
                } else if t.unit == ReportUnit::People {
                    assert!(c.value.is_some_and(|v| v >= 5.0), "{}: {c:?}", t.key);
                }
            }
        }
        assert!(hidden > 10, "the small dataset hides figures ({hidden})");

        // The CSV says "< 5" where the JSON says suppressed, and never a number there.
        let res = app
            .get(
                &format!("{SUMMARY}.csv?year={YEAR}&sep=semicolon"),
                Some(&token),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()["content-type"]
            .to_str()
            .unwrap_or("")
            .starts_with("text/csv"));
        let text = res.text().await.expect("csv");
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<Vec<&str>> = text
            .trim_start_matches('\u{feff}')
            .lines()
            .map(|l| l.split(';').collect())
            .collect();
        assert_eq!(
            lines[0],
            ["group", "indicator", "breakdown", "value", "unit", "period"]
        );
        let mut i = 1;
        for s in &r.sections {
            for t in &s.tables {
                for c in t.total.iter().chain(&t.rows) {
                    let line = &lines[i];
                    assert_eq!((line[0], line[1]), (s.group.as_str(), t.key.as_str()));
                    if c.suppressed {
                        assert_eq!(line[3], "< 5", "{line:?}");
                    } else {
                        let v: f64 = line[3].parse().expect("a number");
                        assert_eq!(Some(v), c.value, "{line:?}");
                    }
                    i += 1;
                }
            }
        }
        assert_eq!(lines.len(), i);

        // The XLSX: a workbook with one sheet per group.
        let res = app
            .get(&format!("{SUMMARY}.xlsx?year={YEAR}"), Some(&token))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            res.headers()["content-type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        let bytes = res.bytes().await.expect("xlsx");
        assert_eq!(&bytes[..2], b"PK");
        let names = String::from_utf8_lossy(&bytes);
        for n in 1..=5 {
            assert!(
                names.contains(&format!("xl/worksheets/sheet{n}.xml")),
                "sheet {n}"
            );
        }
        assert!(!names.contains("xl/worksheets/sheet6.xml"));

        // The yearly report: the same figures, key ones first.
        let y: YearlyReport = expect_json(
            app.get(&format!("/api/v1/reports/yearly?year={YEAR}"), Some(&token))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(y.year, YEAR);
        assert_eq!(y.highlights[0].key, "reached");
        assert_eq!(
            y.highlights[0],
            *total(table(&r, ReportGroup::Everyone, "reached_by_category"))
        );
    }
);

fn exec(app: &TestApp, sql: &str) {
    use diesel::connection::SimpleConnection;
    let mut conn = app.db.conn().expect("conn");
    conn.batch_execute(sql)
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

fn t(at: chrono::NaiveDateTime) -> String {
    format!("'{}'", at.format("%Y-%m-%d %H:%M:%S"))
}

fn person(app: &TestApp, name: &str, profile: &str, status: &str) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    exec(
        app,
        &format!(
            "INSERT INTO people (id, first_name, profile, status, source, archived, search_text, \
             created_at, updated_at, last_activity_at) VALUES ('{id}', '{name}', '{profile}', \
             '{status}', 'staff', FALSE, '', '2026-01-01 10:00:00', '2026-01-01 10:00:00', \
             '2026-01-01 10:00:00')"
        ),
    );
    id
}

fn activity(app: &TestApp, title: &str, starts: chrono::NaiveDateTime, capacity: i32) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    let ends = starts + chrono::Duration::hours(2);
    exec(
        app,
        &format!(
            "INSERT INTO activities (id, title, description, programme, kind, starts_at, ends_at, \
             capacity, languages, free, visibility, status, sequence, created_at, updated_at, \
             was_public) VALUES ('{id}', '{{\"fr\":\"{title}\"}}', '{{\"fr\":\"\"}}', 'interact', \
             'workshop_session', {}, {}, {capacity}, 'fr', TRUE, 'public', 'published', 0, \
             '2026-01-01 10:00:00', '2026-01-01 10:00:00', TRUE)",
            t(starts),
            t(ends)
        ),
    );
    id
}

fn register(app: &TestApp, activity: &str, person: &str, category: &str, status: &str) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    exec(
        app,
        &format!(
            "INSERT INTO registrations (id, activity_id, person_id, category, status, source, \
             queued_at, created_at, updated_at) VALUES ('{id}', '{activity}', '{person}', \
             '{category}', '{status}', 'staff', '2026-01-01 10:00:00', '2026-01-01 10:00:00', \
             '2026-01-01 10:00:00')"
        ),
    );
    id
}

// Reports are kept per period between writes (`reports::cache`): the next read of the same
// period is the same report, and a change made through the API shows at the next read.
both!(
    a_kept_report_gives_way_to_a_change_made_through_the_api,
    |app: TestApp| async move {
        let token = coordinator(&app).await;
        let starts = chrono::NaiveDate::from_ymd_opt(YEAR, 3, 10)
            .and_then(|d| d.and_hms_opt(17, 0, 0))
            .expect("date");
        let workshop = activity(&app, "Cuisine du monde", starts, 20);
        let seats: Vec<String> = (0..6)
            .map(|i| {
                let p = person(&app, &format!("Personne{i}"), "newcomer", "active");
                register(&app, &workshop, &p, "newcomer", "registered")
            })
            .collect();
        let path = format!("{SUMMARY}?year={YEAR}");
        let read = || async {
            expect_json::<ReportSummary>(app.get(&path, Some(&token)).await, StatusCode::OK).await
        };
        let participants = |r: &ReportSummary| {
            total(table(r, ReportGroup::Interact, "participants_by_category")).value
        };

        let first = read().await;
        assert_ne!(participants(&first), Some(6.0), "nobody attended yet");
        let again = read().await;
        assert_eq!(again, first, "the same report, kept");

        for seat in &seats {
            let res = app
                .send_json(
                    reqwest::Method::POST,
                    &format!("/api/v1/activities/{workshop}/registrations/{seat}/status"),
                    Some(&token),
                    &serde_json::json!({ "status": "attended" }),
                )
                .await;
            assert_eq!(
                res.status(),
                StatusCode::OK,
                "{}",
                res.text().await.unwrap_or_default()
            );
        }
        let after = read().await;
        assert_eq!(participants(&after), Some(6.0), "the six who attended");
        assert!(after.generated_at > first.generated_at);
    }
);

fn duo_with_call_due(app: &TestApp, newcomer: &str, local: &str) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    let confirmed = chrono::Utc::now().naive_utc() - chrono::Duration::days(60);
    let due = chrono::Utc::now().date_naive() - chrono::Duration::days(1);
    exec(
        app,
        &format!(
            "INSERT INTO duos (id, newcomer_id, local_id, status, pinned, proposed_at, \
             confirmed_at, updated_at) VALUES ('{id}', '{newcomer}', '{local}', 'active', FALSE, \
             {c}, {c}, {c}); \
             INSERT INTO duo_follow_ups (id, duo_id, due_on, kind) VALUES ('{}', '{id}', '{due}', \
             '3_months')",
            uuid::Uuid::new_v4(),
            c = t(confirmed),
        ),
    );
    id
}

fn overdue_milestone(app: &TestApp, person: &str) {
    let e = uuid::Uuid::new_v4();
    let due = chrono::Utc::now().date_naive() - chrono::Duration::days(10);
    exec(
        app,
        &format!(
            "INSERT INTO interlab_entrepreneurs (id, person_id, project_name, stage, legal_form, \
             created_at, updated_at) VALUES ('{e}', '{person}', 'Projet', 'idea', 'undecided', \
             '2026-01-01 10:00:00', '2026-01-01 10:00:00'); \
             INSERT INTO interlab_milestones (id, entrepreneur_id, title, owner, status, due_on, \
             created_at, updated_at) VALUES ('{}', '{e}', 'Statuts', 'entrepreneur', 'todo', \
             '{due}', '2026-01-01 10:00:00', '2026-01-01 10:00:00')",
            uuid::Uuid::new_v4()
        ),
    );
}

both!(
    home_lists_what_needs_the_user_this_week,
    |app: TestApp| async move {
        use shared::reports::Home;
        let coach = app.create_user("coach.home@example.be", Role::Coach);
        let coach_token = app
            .login("coach.home@example.be", crate::helpers::PASSWORD)
            .await
            .json::<shared::auth::TokenResponse>()
            .await
            .expect("token")
            .access_token;
        let token = coordinator(&app).await;

        let amina = person(&app, "Amina", "newcomer", "active");
        let luc = person(&app, "Luc", "local", "active");
        let sara = person(&app, "Sara", "newcomer", "to_review");
        let dirk = person(&app, "Dirk", "local", "to_review");
        let omar = person(&app, "Omar", "newcomer", "active");
        exec(
            &app,
            &format!(
                "INSERT INTO person_coaches (person_id, user_id, since) VALUES \
             ('{amina}', '{c}', '2026-01-01 10:00:00'), ('{sara}', '{c}', '2026-01-01 10:00:00')",
                c = coach.id
            ),
        );

        // Two sessions this week, the coach runs one; a full-but-one session later with Amina
        // waiting.
        let today = interra_api::reports::service::today();
        let noon = interra_api::reports::domain::period::brussels_midnight(today)
            + chrono::Duration::hours(12);
        // In two minutes: this week (but in the last two minutes of a Sunday) and still to come
        // when the home page is read, so its free seat counts.
        let soon = chrono::Utc::now().naive_utc() + chrono::Duration::minutes(2);
        let mine = activity(&app, "Peinture", soon, 10);
        let other = activity(&app, "Danse", noon, 10);
        exec(
            &app,
            &format!(
                "INSERT INTO activity_staff (activity_id, user_id) VALUES ('{mine}', '{}')",
                coach.id
            ),
        );
        register(&app, &mine, &amina, "newcomer", "registered");
        register(&app, &mine, &luc, "local", "registered");
        register(&app, &mine, &omar, "newcomer", "waitlisted");
        // Tuesday of next week.
        let next_tuesday =
            today + chrono::Duration::days(8 - i64::from(today.weekday().num_days_from_monday()));
        let later = activity(
            &app,
            "Pizza",
            interra_api::reports::domain::period::brussels_midnight(next_tuesday)
                + chrono::Duration::hours(12),
            5,
        );
        register(&app, &later, &luc, "local", "registered");
        register(&app, &later, &amina, "newcomer", "waitlisted");

        let with_amina = duo_with_call_due(&app, &amina, &luc);
        duo_with_call_due(&app, &omar, &dirk);
        overdue_milestone(&app, &amina);
        overdue_milestone(&app, &luc);
        exec(
            &app,
            &format!(
                "INSERT INTO interlab_applications (id, person_id, idea, status, created_at, \
             updated_at) VALUES ('{}', '{dirk}', 'Un food truck', 'pending', \
             '2026-01-01 10:00:00', '2026-01-01 10:00:00')",
                uuid::Uuid::new_v4()
            ),
        );

        let all: Home =
            expect_json(app.get("/api/v1/home", Some(&token)).await, StatusCode::OK).await;
        let titles: Vec<&str> = all.activities.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles.len(), 2, "{titles:?}");
        assert!(titles.contains(&"Peinture") && titles.contains(&"Danse"));
        let painting = all
            .activities
            .iter()
            .find(|a| a.title == "Peinture")
            .expect("mine");
        assert_eq!(
            (
                painting.capacity,
                painting.taken,
                painting.waitlisted,
                painting.newcomers,
                painting.locals
            ),
            (Some(10), 2, 1, 1, 1)
        );
        let _ = other;
        // A free seat on both: Omar on the painting, Amina on the pizza.
        assert_eq!(all.to_promote.len(), 2, "{:?}", all.to_promote);
        assert!(all.to_promote.iter().any(|i| i.label == "Amina"
            && i.detail.as_deref() == Some("Pizza")
            && i.link == format!("/activities/{later}")));
        assert_eq!(all.follow_ups_due.len(), 2);
        assert_eq!(all.duos_attention.len(), 2, "no meeting in 60 days");
        let mut signups: Vec<&str> = all.signups.iter().map(|i| i.label.as_str()).collect();
        signups.sort();
        assert_eq!(signups, ["Dirk", "Sara"]);
        assert_eq!(all.applications.len(), 1);
        assert_eq!(all.applications[0].label, "Dirk");
        assert_eq!(all.milestones_overdue.len(), 2);

        // The coach: only the session they run and the people they accompany.
        let mine_only: Home = expect_json(
            app.get("/api/v1/home", Some(&coach_token)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            mine_only
                .activities
                .iter()
                .map(|a| a.title.as_str())
                .collect::<Vec<_>>(),
            ["Peinture"]
        );
        assert_eq!(mine_only.to_promote.len(), 1);
        assert_eq!(mine_only.to_promote[0].label, "Omar");
        assert_eq!(mine_only.follow_ups_due.len(), 1);
        assert_eq!(
            mine_only.follow_ups_due[0].link,
            format!("/duo/duos/{with_amina}")
        );
        assert_eq!(mine_only.duos_attention.len(), 1);
        assert_eq!(
            mine_only
                .signups
                .iter()
                .map(|i| i.label.as_str())
                .collect::<Vec<_>>(),
            ["Sara"]
        );
        assert!(mine_only.applications.is_empty());
        assert_eq!(mine_only.milestones_overdue.len(), 1);
    }
);
