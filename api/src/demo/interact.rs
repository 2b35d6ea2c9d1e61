//! Demo InterAct hosts: ten workshop proposals at every step of the pipeline, with notes, and
//! three hosts of the demo series at different autonomy levels, all through the InterAct
//! services (the series already exist: they are linked to the proposals they came from), and
//! participants' feedback on the last sessions of two of them.

use chrono::Duration;
use diesel::prelude::*;
use shared::interact::{
    AutonomyInput, AutonomyLevel, NoteInput, ProposalInput, ProposalStatus, WorkshopInput,
};
use uuid::Uuid;

use crate::accounts::store::UserRow;
use crate::activities::interact::service::{pipeline, proposals, Acting};
use crate::activities::interact::store::feedback::FeedbackRow;
use crate::activities::interact::store::WorkshopRow;
use crate::audit::Actor;
use crate::db::{schema, DbConnection};

use super::{tag_ids, DemoPerson};

/// One demo proposal: (title, what they share, passion slug, languages, where it stands).
struct Spec {
    title: &'static str,
    description: &'static str,
    passion: &'static str,
    languages: &'static [&'static str],
    status: ProposalStatus,
    notes: &'static [&'static str],
}

const IDEAS: &[Spec] = &[
    Spec {
        title: "Calligraphie arabe",
        description: "Écrire son prénom en arabe, puis des proverbes, avec le calame et l'encre.",
        passion: "calligraphy",
        languages: &["ar", "fr"],
        status: ProposalStatus::New,
        notes: &[],
    },
    Spec {
        title: "Jeux de société du monde",
        description:
            "Le mancala, le carrom, le jeu de l'oie : des jeux de chez nous pour se rencontrer.",
        passion: "board-games",
        languages: &["fr", "en"],
        status: ProposalStatus::New,
        notes: &[],
    },
    Spec {
        title: "Tricot du dimanche",
        description: "Apprendre les mailles de base en tricotant des bonnets pour l'hiver.",
        passion: "knitting",
        languages: &["fr", "uk"],
        status: ProposalStatus::Talked,
        notes: &["Appel : elle préfère le dimanche après-midi, cherche un co-animateur local."],
    },
    Spec {
        title: "Réparer son vélo",
        description: "Crevaison, freins, chaîne : les réparations simples pour rouler en sécurité.",
        passion: "diy-repair",
        languages: &["fr", "prs"],
        status: ProposalStatus::Talked,
        notes: &[
            "Rencontré à la Grand Poste, très motivé.",
            "Il faut trouver un local avec un point d'eau.",
        ],
    },
    Spec {
        title: "Chants kurdes",
        description: "Des chants de mariage et de récolte, à apprendre ensemble, sans partition.",
        passion: "singing",
        languages: &["ku", "fr"],
        status: ProposalStatus::Planned,
        notes: &["Salle de la maison de quartier réservée pour janvier."],
    },
    Spec {
        title: "Photo de rue",
        description: "Se promener dans Outremeuse avec son téléphone et apprendre à cadrer.",
        passion: "photography",
        languages: &["fr"],
        status: ProposalStatus::Ended,
        notes: &["L'hôte a déménagé à Namur : idée transmise à l'antenne locale."],
    },
];

/// Carries a proposal to `status` along the pipeline.
fn walk(
    conn: &mut DbConnection,
    acting: &Acting,
    id: Uuid,
    status: ProposalStatus,
) -> anyhow::Result<()> {
    use ProposalStatus::*;
    let path: &[ProposalStatus] = match status {
        New => &[],
        Talked => &[Talked],
        Planned => &[Talked, Planned],
        Running => &[Talked, Planned, Running],
        Paused => &[Talked, Planned, Running, Paused],
        Ended => &[Talked, Ended],
    };
    for step in path {
        pipeline::change_status_in(conn, acting, id, *step, None)
            .map_err(|e| anyhow::anyhow!("demo step {step:?}: {e}"))?;
    }
    Ok(())
}

/// What participants said of the last three past sessions of a series, as the team records
/// it after a session: a rating from most who attended, a comment from a few.
fn feedback(
    conn: &mut DbConnection,
    series: &str,
    recorded_by: Option<Uuid>,
) -> anyhow::Result<()> {
    use schema::{activities, registrations};
    use shared::activities::RegistrationStatus;
    const COMMENTS: [&str; 3] = [
        "Très convivial, on a appris plein de choses.",
        "J'ai rencontré des voisins que je ne connaissais pas.",
        "Un peu court, on aimerait plus de temps.",
    ];
    let now = crate::db::now();
    let sessions: Vec<(String, chrono::NaiveDateTime)> = activities::table
        .filter(activities::series_id.eq(series))
        .filter(activities::starts_at.lt(now))
        .order(activities::starts_at.desc())
        .limit(3)
        .select((activities::id, activities::starts_at))
        .load(conn)?;
    for (s, (activity_id, starts_at)) in sessions.into_iter().enumerate() {
        let attended: Vec<String> = registrations::table
            .filter(registrations::activity_id.eq(&activity_id))
            .filter(registrations::status.eq(RegistrationStatus::Attended))
            .order(registrations::person_id.asc())
            .select(registrations::person_id)
            .load(conn)?;
        for (n, person_id) in attended.into_iter().enumerate() {
            // One in five did not answer.
            if (n + s) % 5 == 4 {
                continue;
            }
            FeedbackRow {
                id: Uuid::now_v7().to_string(),
                activity_id: activity_id.clone(),
                person_id,
                rating: [5, 4, 5, 3, 4][(n + 2 * s) % 5],
                comment: (n % 4 == 0).then(|| COMMENTS[(n / 4 + s) % COMMENTS.len()].to_owned()),
                recorded_by: recorded_by.map(|u| u.to_string()),
                created_at: starts_at + Duration::hours(3),
            }
            .insert(conn)?;
        }
    }
    Ok(())
}

/// The series a demo host leads (their first hosted activity's).
fn series_of_host(conn: &mut DbConnection, person_id: &str) -> QueryResult<Option<String>> {
    use schema::{activities, activity_hosts};
    activity_hosts::table
        .inner_join(activities::table)
        .filter(activity_hosts::person_id.eq(person_id))
        .filter(activities::series_id.is_not_null())
        .select(activities::series_id)
        .first::<Option<String>>(conn)
        .optional()
        .map(Option::flatten)
}

/// Dates a demo proposal (and the first step of its ladder) `days` ago, as if received then.
fn backdate(conn: &mut DbConnection, id: &str, days: i64) -> QueryResult<()> {
    use schema::{interact_autonomy, interact_proposals};
    let when = crate::db::now() - Duration::days(days);
    diesel::update(interact_proposals::table.find(id))
        .set((
            interact_proposals::created_at.eq(when),
            interact_proposals::status_changed_at.eq(when),
        ))
        .execute(conn)?;
    diesel::update(interact_autonomy::table.filter(interact_autonomy::proposal_id.eq(id)))
        .set(interact_autonomy::changed_on.eq(when.date()))
        .execute(conn)?;
    Ok(())
}

pub(super) fn load_interact(conn: &mut DbConnection, people: &[DemoPerson]) -> anyhow::Result<()> {
    let coordinator = UserRow::find_by_email(conn, "coordinator@demo.interra.be")?;
    let other = UserRow::find_by_email(conn, "coordinatrice.duo@demo.interra.be")?;
    let karim = coordinator.as_ref().and_then(|u| u.id.parse::<Uuid>().ok());
    let els = other.as_ref().and_then(|u| u.id.parse::<Uuid>().ok());
    let acting = Acting::system(Actor::default(), karim);
    let tags = tag_ids(conn)?;
    let tag = |slug: &str| -> Vec<Uuid> {
        tags.get(slug)
            .and_then(|t| t.parse().ok())
            .into_iter()
            .collect()
    };
    let newcomers: Vec<&DemoPerson> = people.iter().filter(|p| p.1).collect();
    let locals: Vec<&DemoPerson> = people.iter().filter(|p| !p.1).collect();
    let person = |p: Option<&&DemoPerson>| -> anyhow::Result<Uuid> {
        Ok(p.ok_or_else(|| anyhow::anyhow!("demo people missing"))?
            .0
            .parse()?)
    };
    let today = crate::activities::interact::service::today();

    // The hosts of the demo series: painting (autonomous), dance (supported), pizza (still
    // co-organised), and indoor football, paused for the winter.
    type Host = (
        usize,
        &'static str,
        &'static str,
        &'static str,
        &'static [AutonomyLevel],
        ProposalStatus,
    );
    let hosts: [Host; 4] = [
        (
            0,
            "Atelier peinture",
            "Peindre ensemble, à l'acrylique et à l'aquarelle, ce qu'on voit du quartier.",
            "painting",
            &[AutonomyLevel::Supported, AutonomyLevel::Autonomous],
            ProposalStatus::Running,
        ),
        (
            2,
            "Danses du monde",
            "Des danses d'Afrique de l'Ouest et d'ici, pour bouger ensemble.",
            "dance",
            &[AutonomyLevel::Supported],
            ProposalStatus::Running,
        ),
        (
            7,
            "Atelier pizza",
            "La pâte, la sauce, les garnitures : la pizza comme à Naples.",
            "pizza",
            &[],
            ProposalStatus::Running,
        ),
        (
            5,
            "Mini-foot en salle",
            "Des matchs amicaux et mixtes, chaque semaine.",
            "indoor-football",
            &[AutonomyLevel::Supported],
            ProposalStatus::Paused,
        ),
    ];
    for (k, (index, title, description, passion, ladder, status)) in hosts.into_iter().enumerate() {
        let host = person(newcomers.get(index))?;
        let input = ProposalInput {
            person_id: host,
            title: title.into(),
            description: description.into(),
            passions: tag(passion),
            languages: vec!["fr".into()],
            availability: vec!["wed_evening".parse().map_err(|_| anyhow::anyhow!("slot"))?],
            wants_cohost: k == 0,
            // The painter hosts with a local.
            cohost_id: if k == 0 {
                Some(person(locals.first())?)
            } else {
                None
            },
            coordinator_id: if k % 2 == 0 { karim } else { els },
            ..Default::default()
        };
        let row = proposals::create_in(conn, &acting, &input)
            .map_err(|e| anyhow::anyhow!("demo proposal: {e}"))?;
        let id: Uuid = row.id.parse()?;
        backdate(conn, &row.id, 120 - 10 * i64::try_from(k).unwrap_or(0))?;
        walk(conn, &acting, id, ProposalStatus::Planned)?;
        if let Some(series) = series_of_host(conn, &host.to_string())? {
            if k < 2 {
                feedback(conn, &series, karim)?;
            }
            WorkshopRow {
                id: Uuid::now_v7().to_string(),
                proposal_id: row.id.clone(),
                series_id: Some(series),
                activity_id: None,
                created_at: crate::db::now(),
            }
            .insert(conn)?;
        }
        pipeline::change_status_in(conn, &acting, id, ProposalStatus::Running, None)
            .map_err(|e| anyhow::anyhow!("demo running: {e}"))?;
        for (n, level) in ladder.iter().enumerate() {
            let weeks = i64::try_from(ladder.len() - n).unwrap_or(1) * 3;
            pipeline::change_autonomy_in(
                conn,
                &acting,
                id,
                &AutonomyInput {
                    level: *level,
                    changed_on: Some(today - Duration::weeks(weeks)),
                    note: Some(match level {
                        AutonomyLevel::Supported => {
                            "Anime seul, l'équipe apporte le matériel.".into()
                        }
                        _ => "Gère les inscriptions et la salle lui-même.".into(),
                    }),
                },
            )
            .map_err(|e| anyhow::anyhow!("demo autonomy: {e}"))?;
        }
        if status == ProposalStatus::Paused {
            pipeline::change_status_in(
                conn,
                &acting,
                id,
                ProposalStatus::Paused,
                Some("Pause pendant les congés d'hiver.".into()),
            )
            .map_err(|e| anyhow::anyhow!("demo pause: {e}"))?;
        }
    }

    // Ideas at every other step, from newcomers and locals who do not host yet.
    for (k, spec) in IDEAS.iter().enumerate() {
        let host = if k % 3 == 2 {
            person(locals.get(k + 1))?
        } else {
            person(newcomers.get(k + 10))?
        };
        let input = ProposalInput {
            person_id: host,
            title: spec.title.into(),
            description: spec.description.into(),
            passions: tag(spec.passion),
            languages: spec.languages.iter().map(|l| (*l).to_owned()).collect(),
            availability: vec!["sat_afternoon"
                .parse()
                .map_err(|_| anyhow::anyhow!("slot"))?],
            needs: (k % 2 == 1).then(|| "Une salle avec des tables".into()),
            wants_cohost: k % 2 == 0,
            coordinator_id: match spec.status {
                ProposalStatus::New => None,
                _ if k % 2 == 0 => karim,
                _ => els,
            },
            next_step: (spec.status == ProposalStatus::Talked)
                .then(|| "Visiter la salle ensemble".into()),
            next_step_on: (spec.status == ProposalStatus::Talked)
                .then(|| today + Duration::days(i64::try_from(k).unwrap_or(0) + 3)),
            ..Default::default()
        };
        let row = proposals::create_in(conn, &acting, &input)
            .map_err(|e| anyhow::anyhow!("demo proposal: {e}"))?;
        let id: Uuid = row.id.parse()?;
        backdate(conn, &row.id, 40 - 6 * i64::try_from(k).unwrap_or(0))?;
        for note in spec.notes {
            pipeline::add_note_in(
                conn,
                &acting,
                id,
                &NoteInput {
                    body: (*note).into(),
                    noted_on: Some(today - Duration::days(7)),
                },
            )
            .map_err(|e| anyhow::anyhow!("demo note: {e}"))?;
        }
        walk(conn, &acting, id, spec.status)?;
        if spec.status == ProposalStatus::Planned {
            // The planned one has its draft series, for January.
            let first = today + Duration::days(30);
            pipeline::create_workshop_in(
                conn,
                &acting,
                id,
                &WorkshopInput {
                    starts_at: format!("{first}T18:30"),
                    ends_at: format!("{first}T20:00"),
                    recurrence: shared::activities::Recurrence::Weekly {
                        every_weeks: 2,
                        until: first + Duration::weeks(8),
                    },
                    venue_id: None,
                    capacity: Some(15),
                    public_name: None,
                },
            )
            .map_err(|e| anyhow::anyhow!("demo series: {e}"))?;
        }
    }
    Ok(())
}
