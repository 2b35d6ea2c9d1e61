//! The counts of the large tables, made by the database: who was reached (one query, a row per
//! breakdown value) and each programme's sessions and registrations (one query, a row per
//! programme). Nothing here reads a person or a registration into memory: the yearly report of
//! 50,000 people and 500,000 registrations is a few aggregate queries (issue 17,
//! `scripts/bench-reports.sh`). The SQL is the same on both backends but for the placeholders
//! and a session's duration in seconds.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Double, Nullable, Text, Timestamp};
use shared::activities::{ActivityProgramme as Programme, ActivityStatus, RegistrationStatus};
use shared::people::Category;

use crate::db::DbConnection;
use crate::reports::domain::indicators::{ProgrammeFacts, ReachedFacts, NO_CATEGORY};
use crate::reports::domain::period::Period;

/// How the two backends spell what differs.
struct Dialect {
    /// Placeholder prefix: `?1` on SQLite, `$1` on PostgreSQL.
    p: char,
    /// A session's duration in seconds (`a` is the activity).
    secs: &'static str,
}

fn dialect(conn: &DbConnection) -> Dialect {
    match conn {
        DbConnection::Sqlite(_) => Dialect {
            p: '?',
            secs: "(unixepoch(a.ends_at) - unixepoch(a.starts_at))",
        },
        DbConnection::Postgres(_) => Dialect {
            p: '$',
            secs: "EXTRACT(EPOCH FROM (a.ends_at - a.starts_at))",
        },
    }
}

/// Sessions held in the period: published, starting in it (`a`; the period is `?1`..`?2`).
fn held(p: char) -> String {
    format!(
        "a.status = '{published}' AND a.starts_at >= {p}1 AND a.starts_at < {p}2",
        published = ActivityStatus::Published.as_str()
    )
}

#[derive(QueryableByName)]
struct Cell {
    #[diesel(sql_type = Text)]
    dim: String,
    #[diesel(sql_type = Nullable<Text>)]
    k: Option<String>,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Who was reached in the period and their breakdowns, and each programme's distinct
/// participants by category, in one query: the attendances of the sessions held are read once
/// (a materialised CTE) for both, the people reached gathered once and counted per breakdown.
pub fn reached(conn: &mut DbConnection, period: Period) -> QueryResult<Reached> {
    let Dialect { p, .. } = dialect(conn);
    let attended = RegistrationStatus::Attended.as_str();
    let held = held(p);
    let (interact, training) = (Programme::Interact.as_str(), Programme::Training.as_str());
    let duo = format!(
        "FROM duos WHERE confirmed_at IS NOT NULL AND confirmed_at < {p}2 \
         AND (ended_at IS NULL OR ended_at >= {p}1)"
    );
    // A participant counts once per programme, under the greatest category they attended as
    // (`newcomer` sorts after `local`), so the breakdown adds up to the people.
    let sql = format!(
        "WITH att AS MATERIALIZED ( \
           SELECT a.programme, r.person_id, r.category FROM activities a \
             JOIN registrations r ON r.activity_id = a.id \
             WHERE {held} AND r.status = '{attended}' \
         ), \
         reached AS MATERIALIZED ( \
           SELECT person_id AS id FROM att \
           UNION SELECT newcomer_id {duo} \
           UNION SELECT local_id {duo} \
           UNION SELECT e.person_id FROM interlab_entrepreneurs e WHERE e.created_at < {p}2 \
             AND (e.created_at >= {p}1 OR EXISTS (SELECT 1 FROM interlab_meetings m \
               WHERE m.entrepreneur_id = e.id AND m.held_on >= {p}3 AND m.held_on <= {p}4)) \
         ), \
         pe AS MATERIALIZED ( \
           SELECT COALESCE(x.category_override, x.profile) AS category, \
             CASE WHEN x.created_at >= {p}1 AND x.created_at < {p}2 THEN 'new' ELSE '' END AS is_new, \
             x.birth_year, x.gender, x.commune, x.origin_region \
           FROM reached JOIN people x ON x.id = reached.id \
         ) \
         SELECT 'category' AS dim, category AS k, COUNT(*) AS n FROM pe GROUP BY category \
         UNION ALL SELECT 'new', is_new, COUNT(*) FROM pe GROUP BY is_new \
         UNION ALL SELECT 'birth_year', CAST(birth_year AS TEXT), COUNT(*) FROM pe \
           GROUP BY birth_year \
         UNION ALL SELECT 'gender', gender, COUNT(*) FROM pe GROUP BY gender \
         UNION ALL SELECT 'commune', commune, COUNT(*) FROM pe GROUP BY commune \
         UNION ALL SELECT 'origin_region', origin_region, COUNT(*) FROM pe \
           GROUP BY origin_region \
         UNION ALL SELECT 'language', l.language, COUNT(DISTINCT l.person_id) FROM reached \
           JOIN person_languages l ON l.person_id = reached.id GROUP BY l.language \
         UNION ALL SELECT 'participants:' || programme, category, COUNT(*) FROM ( \
           SELECT programme, person_id, MAX(category) AS category FROM att \
             WHERE programme IN ('{interact}', '{training}') GROUP BY programme, person_id \
         ) y GROUP BY programme, category"
    );
    let (start, end) = period.utc();
    let query = diesel::sql_query(sql)
        .bind::<Timestamp, _>(start)
        .bind::<Timestamp, _>(end)
        .bind::<Date, _>(period.from)
        .bind::<Date, _>(period.to);
    let cells: Vec<Cell> = match conn {
        DbConnection::Sqlite(c) => query.load(c)?,
        DbConnection::Postgres(c) => query.load(c)?,
    };
    let mut out = Reached::default();
    let r = &mut out.people;
    for Cell { dim, k, n } in cells {
        let n = u64::try_from(n).unwrap_or(0);
        match dim.as_str() {
            "category" => r.category.push((k, n)),
            "new" => r.new.push((k.as_deref() == Some("new"), n)),
            "birth_year" => r.birth_year.push((k.and_then(|y| y.parse().ok()), n)),
            "gender" => r.gender.push((k, n)),
            "commune" => r.commune.push((k, n)),
            "origin_region" => r.origin_region.push((k, n)),
            "language" => r.language.push((k, n)),
            other => {
                let category = k.unwrap_or_else(|| NO_CATEGORY.to_owned());
                match other.strip_prefix("participants:") {
                    Some(p) if p == interact => out.interact_participants.push((category, n)),
                    Some(p) if p == training => out.training_participants.push((category, n)),
                    _ => {}
                }
            }
        }
    }
    Ok(out)
}

/// What [`reached`] counts.
#[derive(Debug, Default)]
pub struct Reached {
    pub people: ReachedFacts,
    /// InterAct's distinct participants by category (`no_category` for neither).
    pub interact_participants: Vec<(String, u64)>,
    pub training_participants: Vec<(String, u64)>,
}

#[derive(QueryableByName)]
struct ProgrammeRow {
    #[diesel(sql_type = Text)]
    programme: String,
    #[diesel(sql_type = BigInt)]
    sessions: i64,
    #[diesel(sql_type = BigInt)]
    workshops: i64,
    #[diesel(sql_type = BigInt)]
    led_newcomer: i64,
    #[diesel(sql_type = BigInt)]
    led_local: i64,
    #[diesel(sql_type = BigInt)]
    led_both: i64,
    #[diesel(sql_type = BigInt)]
    attended: i64,
    #[diesel(sql_type = BigInt)]
    absent: i64,
    #[diesel(sql_type = BigInt)]
    taken: i64,
    #[diesel(sql_type = BigInt)]
    capacity: i64,
    #[diesel(sql_type = BigInt)]
    promoted: i64,
    #[diesel(sql_type = Double)]
    attended_seconds: f64,
    #[diesel(sql_type = BigInt)]
    mix_met: i64,
    #[diesel(sql_type = BigInt)]
    mix_set: i64,
}

fn n(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

/// InterAct's and the trainings' counts over the sessions held in the period (their
/// participants come from [`reached`]).
pub fn programmes(
    conn: &mut DbConnection,
    period: Period,
) -> QueryResult<(ProgrammeFacts, ProgrammeFacts)> {
    let Dialect { p, secs } = dialect(conn);
    let held = held(p);
    let (interact, training) = (Programme::Interact.as_str(), Programme::Training.as_str());
    let (attended, absent, registered) = (
        RegistrationStatus::Attended.as_str(),
        RegistrationStatus::Absent.as_str(),
        RegistrationStatus::Registered.as_str(),
    );
    let (newcomer, local) = (Category::Newcomer.as_str(), Category::Local.as_str());
    let programmes = format!("a.programme IN ('{interact}', '{training}')");
    // One row per session (its registrations counted in one grouped join, its hosts' categories
    // looked up through the hosts' index), then one per programme. A mix target is met when
    // each share of who attended reaches its minimum (percent compared without division:
    // part × 100 ≥ minimum × all). The grouped join is the plan both backends run fastest: a
    // join to a pre-aggregated CTE made SQLite scan it once per session (seconds), and per
    // session subqueries cost PostgreSQL a sub-plan each (issue 17's benchmark).
    let host = |category: &str| {
        format!(
            "(SELECT COALESCE(MAX(CASE WHEN COALESCE(pp.category_override, pp.profile) = \
               '{category}' THEN 1 ELSE 0 END), 0) \
             FROM activity_hosts ah JOIN people pp ON pp.id = ah.person_id \
             WHERE ah.activity_id = s.id)"
        )
    };
    let (hn, hl) = (host(newcomer), host(local));
    let sql = format!(
        "WITH s AS MATERIALIZED ( \
           SELECT a.id, a.programme, COALESCE(a.series_id, a.id) AS workshop, a.capacity, \
             a.min_newcomer_percent AS mn, a.min_local_percent AS ml, {secs} AS secs \
           FROM activities a WHERE {held} AND {programmes} \
         ), \
         x AS MATERIALIZED ( \
           SELECT s.programme, s.workshop, s.capacity, s.mn, s.ml, s.secs, \
             SUM(CASE WHEN r.status = '{attended}' AND r.category = '{newcomer}' \
               THEN 1 ELSE 0 END) AS att_n, \
             SUM(CASE WHEN r.status = '{attended}' AND r.category = '{local}' \
               THEN 1 ELSE 0 END) AS att_l, \
             SUM(CASE WHEN r.status = '{absent}' THEN 1 ELSE 0 END) AS absent, \
             SUM(CASE WHEN r.status IN ('{registered}', '{attended}', '{absent}') \
               THEN 1 ELSE 0 END) AS holding, \
             SUM(CASE WHEN r.promoted_at IS NOT NULL THEN 1 ELSE 0 END) AS promoted, \
             {hn} AS hn, {hl} AS hl \
           FROM s LEFT JOIN registrations r ON r.activity_id = s.id \
           GROUP BY s.id, s.programme, s.workshop, s.capacity, s.mn, s.ml, s.secs \
         ) \
         SELECT programme, \
           CAST(COUNT(*) AS BIGINT) AS sessions, \
           CAST(COUNT(DISTINCT workshop) AS BIGINT) AS workshops, \
           CAST(SUM(CASE WHEN hn = 1 AND hl = 0 THEN 1 ELSE 0 END) AS BIGINT) AS led_newcomer, \
           CAST(SUM(CASE WHEN hn = 0 AND hl = 1 THEN 1 ELSE 0 END) AS BIGINT) AS led_local, \
           CAST(SUM(CASE WHEN hn = 1 AND hl = 1 THEN 1 ELSE 0 END) AS BIGINT) AS led_both, \
           CAST(SUM(att_n + att_l) AS BIGINT) AS attended, \
           CAST(SUM(absent) AS BIGINT) AS absent, \
           CAST(SUM(CASE WHEN capacity IS NOT NULL THEN holding ELSE 0 END) AS BIGINT) \
             AS taken, \
           CAST(SUM(CASE WHEN capacity > 0 THEN capacity ELSE 0 END) AS BIGINT) AS capacity, \
           CAST(SUM(promoted) AS BIGINT) AS promoted, \
           CAST(SUM(CASE WHEN secs > 0 THEN (att_n + att_l) * secs ELSE 0 END) \
             AS DOUBLE PRECISION) AS attended_seconds, \
           CAST(SUM(CASE WHEN (mn IS NOT NULL OR ml IS NOT NULL) \
             AND (mn IS NULL OR (att_n + att_l > 0 AND att_n * 100 >= mn * (att_n + att_l))) \
             AND (ml IS NULL OR (att_n + att_l > 0 AND att_l * 100 >= ml * (att_n + att_l))) \
             THEN 1 ELSE 0 END) AS BIGINT) AS mix_met, \
           CAST(SUM(CASE WHEN mn IS NOT NULL OR ml IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) \
             AS mix_set \
         FROM x GROUP BY programme"
    );
    let (start, end) = period.utc();
    let rows: Vec<ProgrammeRow> = load_in(conn, sql, start, end)?;
    let mut out = (ProgrammeFacts::default(), ProgrammeFacts::default());
    for r in rows {
        let f = if r.programme == interact {
            &mut out.0
        } else {
            &mut out.1
        };
        *f = ProgrammeFacts {
            sessions: n(r.sessions),
            workshops: n(r.workshops),
            led_by_newcomer: n(r.led_newcomer),
            led_by_local: n(r.led_local),
            led_by_both: n(r.led_both),
            participants: Vec::new(),
            attended: n(r.attended),
            absent: n(r.absent),
            taken: n(r.taken),
            capacity: n(r.capacity),
            promoted: n(r.promoted),
            attended_hours: r.attended_seconds / 3600.0,
            mix_met: n(r.mix_met),
            mix_missed: n(r.mix_set).saturating_sub(n(r.mix_met)),
        };
    }
    Ok(out)
}

/// Runs `sql` with the period's instants as `?1`, `?2`.
fn load_in<T>(
    conn: &mut DbConnection,
    sql: String,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> QueryResult<Vec<T>>
where
    T: QueryableByName<diesel::sqlite::Sqlite> + QueryableByName<diesel::pg::Pg> + 'static,
{
    let query = diesel::sql_query(sql)
        .bind::<Timestamp, _>(start)
        .bind::<Timestamp, _>(end);
    match conn {
        DbConnection::Sqlite(c) => query.load(c),
        DbConnection::Postgres(c) => query.load(c),
    }
}
