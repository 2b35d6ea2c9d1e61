//! A generated dataset for the reports' correctness tests and benchmark
//! (`scripts/bench-reports.sh`): people, sessions and registrations, duos, candidacies,
//! self-assessments and InterLab entrepreneurs spread over `year` and the year before, written
//! with multi-row `INSERT`s (the services would take hours for 500,000 registrations). Never
//! used by the server; values are generated here, never read from a request.

use std::fmt::Write as _;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::connection::SimpleConnection;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::db::DbConnection;

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub people: usize,
    pub registrations: usize,
    pub duos: usize,
}

const COMMUNES: [&str; 8] = [
    "Liège",
    "Seraing",
    "Herstal",
    "Ans",
    "Flémalle",
    "Saint-Nicolas",
    "Grâce-Hollogne",
    "Chaudfontaine",
];
const GENDERS: [&str; 4] = ["woman", "man", "non-binary", ""];
const ORIGINS: [&str; 5] = [
    "west_africa",
    "middle_east",
    "eastern_europe",
    "maghreb",
    "latin_america",
];
const LANGUAGES: [&str; 6] = ["fr", "ar", "en", "nl", "uk", "es"];
const STAGES: [&str; 5] = [
    "idea",
    "validation",
    "preparing_launch",
    "launched",
    "growing",
];
const OUTCOMES: [&str; 5] = [
    "business_created",
    "salaried_job",
    "training",
    "paused",
    "stopped",
];

fn id(rng: &mut StdRng) -> String {
    uuid::Builder::from_random_bytes(rng.gen())
        .into_uuid()
        .to_string()
}

fn ts(t: NaiveDateTime) -> String {
    format!("'{}'", t.format("%Y-%m-%d %H:%M:%S"))
}

fn date(d: NaiveDate) -> String {
    format!("'{}'", d.format("%Y-%m-%d"))
}

fn text(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Inserts `rows` (each a parenthesised tuple) into `table (columns)`, 500 at a time.
fn insert(conn: &mut DbConnection, head: &str, rows: &[String]) -> anyhow::Result<()> {
    for chunk in rows.chunks(500) {
        let mut sql = String::with_capacity(chunk.len() * 200);
        let _ = write!(sql, "INSERT INTO {head} VALUES ");
        sql.push_str(&chunk.join(","));
        conn.batch_execute(&sql)?;
    }
    Ok(())
}

/// A random instant of `year - 1` or `year` (UTC).
fn instant(rng: &mut StdRng, year: i32) -> NaiveDateTime {
    let start = NaiveDate::from_ymd_opt(year - 1, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    start + Duration::minutes(rng.gen_range(0..2 * 365 * 24 * 60))
}

/// The generated people's ids and categories (`true`: newcomer).
pub struct Generated {
    pub people: Vec<(String, bool)>,
}

/// Writes a dataset of `scale` in one transaction. `seed` makes it repeatable.
pub fn generate(
    conn: &mut DbConnection,
    scale: Scale,
    year: i32,
    seed: u64,
) -> anyhow::Result<Generated> {
    let mut rng = StdRng::seed_from_u64(seed);
    conn.batch_execute("BEGIN")?;
    let done = write(conn, &mut rng, scale, year);
    match done {
        Ok(g) => {
            conn.batch_execute("COMMIT")?;
            Ok(g)
        }
        Err(e) => {
            let _ = conn.batch_execute("ROLLBACK");
            Err(e)
        }
    }
}

fn write(
    conn: &mut DbConnection,
    rng: &mut StdRng,
    scale: Scale,
    year: i32,
) -> anyhow::Result<Generated> {
    // People.
    let mut people = Vec::with_capacity(scale.people);
    let mut rows = Vec::with_capacity(scale.people);
    let mut langs = Vec::new();
    for i in 0..scale.people {
        let pid = id(rng);
        let newcomer = rng.gen_bool(0.5);
        let profile = if newcomer { "newcomer" } else { "local" };
        // A few coordinators' overrides, the other way round.
        let over = if rng.gen_bool(0.05) {
            text(if newcomer { "local" } else { "newcomer" })
        } else {
            "NULL".into()
        };
        let category = if over == "NULL" { newcomer } else { !newcomer };
        let created = instant(rng, year);
        let birth = if rng.gen_bool(0.9) {
            rng.gen_range(1945..2012).to_string()
        } else {
            "NULL".into()
        };
        let gender = GENDERS[rng.gen_range(0..GENDERS.len())];
        let gender = if gender.is_empty() {
            "NULL".into()
        } else {
            text(gender)
        };
        // One person in a hundred lives in a commune nobody else does.
        let commune = if rng.gen_bool(0.01) {
            text(&format!("Commune {i}"))
        } else if rng.gen_bool(0.9) {
            text(COMMUNES[rng.gen_range(0..COMMUNES.len())])
        } else {
            "NULL".into()
        };
        let origin = if newcomer && rng.gen_bool(0.8) {
            text(ORIGINS[rng.gen_range(0..ORIGINS.len())])
        } else {
            "NULL".into()
        };
        rows.push(format!(
            "({}, {}, {}, {}, {}, {}, {}, {}, 'active', 'staff', FALSE, '', {}, {}, {})",
            text(&pid),
            text(&format!("P{i}")),
            text(profile),
            over,
            birth,
            gender,
            commune,
            origin,
            ts(created),
            ts(created),
            ts(created),
        ));
        let n = rng.gen_range(1..=2);
        let first = rng.gen_range(0..LANGUAGES.len());
        for k in 0..n {
            let l = LANGUAGES[(first + k * 3) % LANGUAGES.len()];
            langs.push(format!("({}, {}, 'fluent')", text(&pid), text(l)));
        }
        people.push((pid, category));
    }
    insert(
        conn,
        "people (id, first_name, profile, category_override, birth_year, gender, commune, \
         origin_region, status, source, archived, search_text, created_at, updated_at, \
         last_activity_at)",
        &rows,
    )?;
    insert(
        conn,
        "person_languages (person_id, language, level)",
        &langs,
    )?;
    if people.is_empty() {
        return Ok(Generated { people });
    }

    // Series, sessions, hosts.
    let sessions_n = (scale.registrations / 12).max(1);
    let series_n = (sessions_n / 4).max(1);
    let series: Vec<String> = (0..series_n).map(|_| id(rng)).collect();
    let rows: Vec<String> = series
        .iter()
        .map(|s| format!("({}, '{{}}', '2025-01-01 00:00:00')", text(s)))
        .collect();
    insert(conn, "activity_series (id, recurrence, created_at)", &rows)?;
    let mut sessions = Vec::with_capacity(sessions_n);
    let mut rows = Vec::with_capacity(sessions_n);
    let mut hosts = Vec::new();
    let mut trainings = Vec::new();
    for _ in 0..sessions_n {
        let aid = id(rng);
        let programme = match rng.gen_range(0..10) {
            0..=5 => "interact",
            6 | 7 => "training",
            _ => "other",
        };
        let status = match rng.gen_range(0..20) {
            0 => "cancelled",
            1 => "draft",
            _ => "published",
        };
        let starts = instant(rng, year);
        let ends = starts + Duration::minutes(rng.gen_range(4..=12) * 15);
        let capacity = if rng.gen_bool(0.8) {
            rng.gen_range(8..=20).to_string()
        } else {
            "NULL".into()
        };
        let (mn, ml) = if rng.gen_bool(0.3) {
            ("40", "30")
        } else {
            ("NULL", "NULL")
        };
        let series_id = if rng.gen_bool(0.7) {
            text(&series[rng.gen_range(0..series.len())])
        } else {
            "NULL".into()
        };
        rows.push(format!(
            "({}, {}, '{{\"fr\":\"Atelier\"}}', '{{\"fr\":\"\"}}', {}, 'workshop_session', {}, {}, \
             {}, 'fr', TRUE, 'public', {}, {}, {}, 0, {}, {}, TRUE)",
            text(&aid),
            series_id,
            text(programme),
            ts(starts),
            ts(ends),
            capacity,
            text(status),
            mn,
            ml,
            ts(starts),
            ts(starts),
        ));
        if programme == "training" {
            trainings.push((aid.clone(), starts, ends));
        }
        if programme == "interact" && rng.gen_bool(0.6) {
            let host = &people[rng.gen_range(0..people.len())].0;
            hosts.push(format!("({}, {})", text(&aid), text(host)));
        }
        sessions.push(aid);
    }
    insert(
        conn,
        "activities (id, series_id, title, description, programme, kind, starts_at, ends_at, \
         capacity, languages, free, visibility, status, min_newcomer_percent, \
         min_local_percent, sequence, created_at, updated_at, was_public)",
        &rows,
    )?;
    insert(conn, "activity_hosts (activity_id, person_id)", &hosts)?;

    // Registrations: distinct people per session.
    let mut rows = Vec::with_capacity(scale.registrations);
    let training_ids: std::collections::HashSet<&str> =
        trainings.iter().map(|t| t.0.as_str()).collect();
    let mut trained: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    let per = scale.registrations.div_ceil(sessions.len());
    let mut left = scale.registrations;
    for aid in &sessions {
        let mut seen = std::collections::HashSet::new();
        for _ in 0..per.min(left) {
            let k = rng.gen_range(0..people.len());
            if !seen.insert(k) {
                continue;
            }
            let (pid, newcomer) = &people[k];
            let status = match rng.gen_range(0..20) {
                0..=11 => "attended",
                12 | 13 => "absent",
                14 | 15 => "registered",
                16 | 17 => "waitlisted",
                18 => "cancelled",
                _ => "excused",
            };
            if training_ids.contains(aid.as_str()) && !matches!(status, "waitlisted" | "cancelled")
            {
                trained.entry(aid.as_str()).or_default().push(k);
            }
            let promoted = if rng.gen_bool(0.05) {
                "'2025-06-01 10:00:00'"
            } else {
                "NULL"
            };
            rows.push(format!(
                "({}, {}, {}, {}, {}, 'staff', '2025-01-01 00:00:00', {}, \
                 '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
                text(&id(rng)),
                text(aid),
                text(pid),
                text(if *newcomer { "newcomer" } else { "local" }),
                text(status),
                promoted,
            ));
        }
        left = left.saturating_sub(per);
    }
    insert(
        conn,
        "registrations (id, activity_id, person_id, category, status, source, queued_at, \
         promoted_at, created_at, updated_at)",
        &rows,
    )?;

    write_trainings(conn, rng, &people, &trainings, &trained)?;

    // Duos, their self-assessments, waiting candidacies.
    let newcomers: Vec<&String> = people.iter().filter(|p| p.1).map(|p| &p.0).collect();
    let locals: Vec<&String> = people.iter().filter(|p| !p.1).map(|p| &p.0).collect();
    let mut duos = Vec::new();
    let mut assessments = Vec::new();
    if !newcomers.is_empty() && !locals.is_empty() {
        for _ in 0..scale.duos {
            let did = id(rng);
            let n = newcomers[rng.gen_range(0..newcomers.len())];
            let l = locals[rng.gen_range(0..locals.len())];
            let proposed = instant(rng, year);
            let status = [
                "proposed",
                "introduced",
                "active",
                "paused",
                "ended",
                "declined",
            ][rng.gen_range(0..6)];
            let confirmed = matches!(status, "active" | "paused" | "ended")
                .then(|| proposed + Duration::days(rng.gen_range(3..30)));
            let ended = match status {
                "ended" => confirmed.map(|c| c + Duration::days(rng.gen_range(20..300))),
                "declined" => Some(proposed + Duration::days(5)),
                _ => None,
            };
            let outcome = if status == "ended" {
                ["'good'", "'neutral'", "'bad'", "NULL"][rng.gen_range(0..4)]
            } else {
                "NULL"
            };
            let opt = |t: Option<NaiveDateTime>| t.map_or("NULL".into(), ts);
            duos.push(format!(
                "({}, {}, {}, {}, FALSE, {}, {}, {}, {}, {})",
                text(&did),
                text(n),
                text(l),
                text(status),
                ts(proposed),
                opt(confirmed),
                opt(ended),
                outcome,
                ts(proposed),
            ));
            if let (Some(c), Some(e)) = (confirmed, ended) {
                if rng.gen_bool(0.7) {
                    for (phase, on, score) in [
                        ("before", c.date(), rng.gen_range(1..=3)),
                        ("after", e.date(), rng.gen_range(2..=5)),
                    ] {
                        assessments.push(format!(
                            "({}, {}, {}, 'newcomer', {}, {}, {}, {}, {})",
                            text(&id(rng)),
                            text(&did),
                            text(n),
                            text(phase),
                            date(on),
                            score,
                            ts(c),
                            ts(c),
                        ));
                    }
                }
            }
        }
    }
    insert(
        conn,
        "duos (id, newcomer_id, local_id, status, pinned, proposed_at, confirmed_at, ended_at, \
         outcome, updated_at)",
        &duos,
    )?;
    insert(
        conn,
        "duo_assessments (id, duo_id, person_id, side, phase, assessed_on, french_confidence, \
         created_at, updated_at)",
        &assessments,
    )?;
    let candidacies: Vec<String> = (0..scale.duos / 5)
        .map(|_| {
            let (pid, newcomer) = &people[rng.gen_range(0..people.len())];
            let since = instant(rng, year);
            format!(
                "({}, {}, {}, 'waiting', {}, 'anywhere', '[]', FALSE, {}, {})",
                text(&id(rng)),
                text(pid),
                text(if *newcomer { "newcomer" } else { "local" }),
                ts(since),
                ts(since),
                ts(since),
            )
        })
        .collect();
    insert(
        conn,
        "duo_candidacies (id, person_id, side, status, waiting_since, travel, hopes, \
         wants_french_practice, created_at, updated_at)",
        &candidacies,
    )?;

    // InterLab: one person in fifty is an entrepreneur (one path each).
    let mut entrepreneurs = Vec::new();
    let mut milestones = Vec::new();
    let mut outcomes = Vec::new();
    for (pid, _) in people.iter().step_by(50) {
        let eid = id(rng);
        let created = instant(rng, year);
        entrepreneurs.push(format!(
            "({}, {}, 'Projet', {}, 'undecided', {}, {})",
            text(&eid),
            text(pid),
            text(STAGES[rng.gen_range(0..STAGES.len())]),
            ts(created),
            ts(created),
        ));
        for _ in 0..rng.gen_range(0..4) {
            let done = rng.gen_bool(0.5);
            let on = (created + Duration::days(rng.gen_range(1..200))).date();
            milestones.push(format!(
                "({}, {}, 'Étape', 'entrepreneur', {}, {}, {}, {})",
                text(&id(rng)),
                text(&eid),
                text(if done { "done" } else { "todo" }),
                if done { date(on) } else { "NULL".into() },
                ts(created),
                ts(created),
            ));
        }
        if rng.gen_bool(0.3) {
            let on = (created + Duration::days(rng.gen_range(30..300))).date();
            outcomes.push(format!(
                "({}, {}, {}, {}, {}, {})",
                text(&id(rng)),
                text(&eid),
                text(OUTCOMES[rng.gen_range(0..OUTCOMES.len())]),
                date(on),
                ts(created),
                ts(created),
            ));
        }
    }
    insert(
        conn,
        "interlab_entrepreneurs (id, person_id, project_name, stage, legal_form, created_at, \
         updated_at)",
        &entrepreneurs,
    )?;
    insert(
        conn,
        "interlab_milestones (id, entrepreneur_id, title, owner, status, completed_on, \
         created_at, updated_at)",
        &milestones,
    )?;
    insert(
        conn,
        "interlab_outcomes (id, entrepreneur_id, kind, occurred_on, created_at, updated_at)",
        &outcomes,
    )?;
    Ok(Generated { people })
}

/// Trainings: the training sessions in start order, three to a course, one module; the people
/// registered to a course's sessions are its trainees (some withdrawn, some partner staff of
/// four organisations); certificates (some revoked) and evaluations for some of them.
fn write_trainings(
    conn: &mut DbConnection,
    rng: &mut StdRng,
    people: &[(String, bool)],
    sessions: &[(String, NaiveDateTime, NaiveDateTime)],
    registered: &std::collections::HashMap<&str, Vec<usize>>,
) -> anyhow::Result<()> {
    if sessions.is_empty() {
        return Ok(());
    }
    let stamp = "'2025-01-01 00:00:00'";
    let orgs: Vec<String> = ["cpas", "association", "language_school", "company"]
        .iter()
        .map(|_| id(rng))
        .collect();
    let rows: Vec<String> = orgs
        .iter()
        .zip(["cpas", "association", "language_school", "company"])
        .map(|(o, kind)| {
            let name = format!("Partenaire {kind}");
            format!(
                "({}, {}, {}, FALSE, {stamp}, {stamp})",
                text(o),
                text(&name),
                text(kind)
            )
        })
        .collect();
    insert(
        conn,
        "organisations (id, name, kind, data_sharing_signed, created_at, updated_at)",
        &rows,
    )?;
    let module = id(rng);
    insert(
        conn,
        "training_modules (id, title, description, objectives, minutes, audience, languages, \
         certificate, min_attendance_percent, created_at, updated_at)",
        &[format!(
            "({}, '{{\"fr\":\"Module\"}}', '{{\"fr\":\"\"}}', '[]', 180, 'everyone', '[\"fr\"]', \
             TRUE, 80, {stamp}, {stamp})",
            text(&module)
        )],
    )?;
    let mut ordered: Vec<&(String, NaiveDateTime, NaiveDateTime)> = sessions.iter().collect();
    ordered.sort_by_key(|s| s.1);
    let (mut courses, mut links, mut trainees, mut certificates, mut evaluations) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for group in ordered.chunks(3) {
        let cid = id(rng);
        let (first, last) = (group[0].1, group[group.len() - 1].2);
        courses.push(format!(
            "({}, {}, {}, {}, TRUE, {stamp}, {stamp})",
            text(&cid),
            text(&module),
            date(first.date()),
            date(last.date()),
        ));
        let mut who = std::collections::BTreeSet::new();
        for (aid, _, _) in group.iter().copied() {
            links.push(format!("({}, {})", text(&cid), text(aid)));
            who.extend(registered.get(aid.as_str()).into_iter().flatten().copied());
        }
        for k in who {
            let pid = &people[k].0;
            let withdrawn = rng.gen_bool(0.1);
            let org = if rng.gen_bool(0.3) {
                text(&orgs[rng.gen_range(0..orgs.len())])
            } else {
                "NULL".into()
            };
            trainees.push(format!(
                "({}, {}, {}, {}, 'staff', {}, {stamp}, {stamp})",
                text(&id(rng)),
                text(&cid),
                text(pid),
                org,
                if withdrawn { stamp } else { "NULL" },
            ));
            if !withdrawn && rng.gen_bool(0.4) {
                let revoked = rng.gen_bool(0.1);
                certificates.push(format!(
                    "({}, {}, {}, {}, {}, 'fr', 180, {}, {})",
                    text(&id(rng)),
                    text(&cid),
                    text(pid),
                    text(&id(rng)),
                    text(&id(rng)),
                    ts(last + Duration::days(1)),
                    if revoked {
                        ts(last + Duration::days(2))
                    } else {
                        "NULL".into()
                    },
                ));
            }
            if !withdrawn && rng.gen_bool(0.5) {
                let satisfaction = if rng.gen_bool(0.9) {
                    rng.gen_range(1..=5).to_string()
                } else {
                    "NULL".into()
                };
                let answered = if rng.gen_bool(0.9) {
                    ts(last + Duration::days(2))
                } else {
                    "NULL".into()
                };
                evaluations.push(format!(
                    "({}, {}, {}, {}, '[]', {}, {stamp})",
                    text(&id(rng)),
                    text(&cid),
                    text(pid),
                    satisfaction,
                    answered,
                ));
            }
        }
    }
    insert(
        conn,
        "training_courses (id, module_id, starts_on, ends_on, open_to_partners, created_at, \
         updated_at)",
        &courses,
    )?;
    insert(
        conn,
        "training_course_sessions (course_id, activity_id)",
        &links,
    )?;
    insert(
        conn,
        "training_registrations (id, course_id, person_id, organisation_id, source, \
         cancelled_at, created_at, updated_at)",
        &trainees,
    )?;
    insert(
        conn,
        "training_certificates (id, course_id, person_id, code, code_hash, language, minutes, \
         issued_at, revoked_at)",
        &certificates,
    )?;
    insert(
        conn,
        "training_evaluations (id, course_id, person_id, satisfaction, objectives, answered_at, \
         created_at)",
        &evaluations,
    )
}
