//! Demo trainings (issue 15): two modules of the catalogue, a course of each held in the last
//! weeks with attendance taken, certificates issued and evaluations entered; the second for
//! partner staff of the CPAS and the language school. Everything through the trainings
//! services, in the demo's transaction.

use chrono::{Duration, Utc};
use shared::activities::RegistrationStatus;
use shared::trainings::{
    AttendanceInput, AttendanceMark, Audience, CourseInput, EvaluationInput, IssueInput,
    ModuleInput, ObjectiveRating, SessionInput, TraineeSource,
};
use shared::Lang;
use uuid::Uuid;

use super::DemoPerson;
use crate::accounts::store::UserRow;
use crate::audit::Actor;
use crate::db::DbConnection;
use crate::partners::store::AffiliationRow;
use crate::people::domain::PersonData;
use crate::people::store::PersonRow;
use crate::trainings::service::{certificates, courses, evaluations, modules, trainees};

fn text(fr: &str, en: &str, nl: &str, ar: &str) -> shared::activities::Multilingual {
    [("fr", fr), ("en", en), ("nl", nl), ("ar", ar)]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// A Brussels local time `days` from today (negative: past).
fn at(days: i64, time: &str) -> String {
    format!(
        "{}T{time}",
        (Utc::now() + Duration::days(days)).date_naive()
    )
}

fn course_input(module: Uuid, first: i64, second: i64, partners: bool) -> CourseInput {
    let day = |d: i64| (Utc::now() + Duration::days(d)).date_naive();
    CourseInput {
        module_id: module,
        starts_on: day(first),
        ends_on: day(second),
        sessions: vec![
            SessionInput {
                starts_at: at(first, "09:00"),
                ends_at: at(first, "12:00"),
            },
            SessionInput {
                starts_at: at(second, "09:00"),
                ends_at: at(second, "12:00"),
            },
        ],
        venue_id: None,
        online_url: None,
        public: !partners,
        open_to_partners: partners,
    }
}

pub(super) fn load_trainings(conn: &mut DbConnection, people: &[DemoPerson]) -> anyhow::Result<()> {
    let actor = Actor::default();
    let coordinator = UserRow::find_by_email(conn, "coordinator@demo.interra.be")?.map(|u| u.id);
    let basics = modules::create_in(
        conn,
        &ModuleInput {
            title: text(
                "Communication interculturelle — les bases",
                "Intercultural communication — the basics",
                "Interculturele communicatie — de basis",
                "التواصل بين الثقافات — الأساسيات",
            ),
            description: text(
                "Deux matinées pour comprendre ce qui se joue quand on se rencontre avec des codes différents.",
                "Two mornings to understand what happens when people meet with different codes.",
                "Twee ochtenden om te begrijpen wat er gebeurt als mensen met verschillende codes elkaar ontmoeten.",
                "صباحان لفهم ما يحدث عندما يلتقي أشخاص بقواعد مختلفة.",
            ),
            objectives: vec![
                "Reconnaître ses propres filtres culturels".into(),
                "Pratiquer l'écoute active".into(),
                "Désamorcer un malentendu".into(),
            ],
            hours: Some(6.0),
            audience: Some(Audience::Everyone),
            languages: vec!["fr".into()],
            prerequisites: None,
            max_group_size: Some(14),
            certificate: true,
            min_attendance_percent: None,
        },
        coordinator.clone(),
        &actor,
    )?;
    let welcome = modules::create_in(
        conn,
        &ModuleInput {
            title: text(
                "Accueillir sans préjugés",
                "Welcoming without prejudice",
                "Onthalen zonder vooroordelen",
                "الاستقبال دون أحكام مسبقة",
            ),
            description: text(
                "Pour le personnel des partenaires qui reçoit des personnes primo-arrivantes.",
                "For partner staff who receive newcomers.",
                "Voor medewerkers van partners die nieuwkomers ontvangen.",
                "لموظفي الشركاء الذين يستقبلون الوافدين الجدد.",
            ),
            objectives: vec![
                "Repérer ses a priori".into(),
                "Adapter son langage (français facile)".into(),
            ],
            hours: Some(6.0),
            audience: Some(Audience::PartnerStaff),
            languages: vec!["fr".into(), "nl".into()],
            prerequisites: Some("Accueillir du public dans son travail.".into()),
            max_group_size: Some(12),
            certificate: true,
            min_attendance_percent: Some(100),
        },
        coordinator.clone(),
        &actor,
    )?;
    let c1 = courses::create_in(
        conn,
        &course_input(basics.id, -21, -14, false),
        coordinator.clone(),
        &actor,
        Lang::Fr,
    )?;
    let c2 = courses::create_in(
        conn,
        &course_input(welcome.id, -10, -3, true),
        coordinator.clone(),
        &actor,
        Lang::Fr,
    )?;

    // Participants of the first course: the first seven demo people.
    let participants: Vec<Uuid> = people
        .iter()
        .take(7)
        .filter_map(|(id, _, _)| id.parse().ok())
        .collect();
    // Partner staff: people of neither category (they take part in trainings only), two of the
    // CPAS and two of the language school.
    let orgs = crate::partners::store::list(conn, None, None, 0, 10)?.0;
    let org = |name: &str| orgs.iter().find(|o| o.name == name).map(|o| o.id.clone());
    let mut staff: Vec<(Uuid, Option<String>, &str)> = Vec::new();
    for (first, last, organisation, role) in [
        (
            "Martine",
            "Dethier",
            "CPAS de Liège",
            "Assistant·e social·e",
        ),
        ("Kevin", "Lambotte", "CPAS de Liège", "Assistant·e social·e"),
        (
            "Nadia",
            "Gillet",
            "École de langues Babel",
            "Formateur·rice FLE",
        ),
        (
            "Olivier",
            "Renard",
            "École de langues Babel",
            "Formateur·rice FLE",
        ),
    ] {
        let input = shared::people::PersonInput {
            first_name: first.into(),
            last_name: Some(last.into()),
            email: Some(format!(
                "{}.{}@partenaire.example.be",
                first.to_lowercase(),
                last.to_lowercase()
            )),
            preferred_channel: Some(shared::people::ContactChannel::Email),
            profile: Some(None),
            ..Default::default()
        };
        let data = PersonData::parse(&input)
            .map_err(|e| anyhow::anyhow!("demo partner staff {first}: {e}"))?;
        let row = PersonRow::new(
            &data,
            shared::people::PersonSource::Demo,
            shared::people::PersonStatus::Active,
            None,
            coordinator.clone(),
        );
        row.insert(conn)?;
        crate::people::store::replace_children(conn, &row.id, &data)?;
        staff.push((row.uuid()?, org(organisation), role));
    }
    for (person, organisation, role) in &staff {
        if let Some(o) = organisation {
            AffiliationRow {
                organisation_id: o.clone(),
                person_id: person.to_string(),
                role: (*role).into(),
                created_at: crate::db::now(),
            }
            .insert(conn)?;
        }
    }

    for (course, list) in [
        (
            &c1,
            participants.iter().map(|p| (*p, None)).collect::<Vec<_>>(),
        ),
        (
            &c2,
            staff
                .iter()
                .map(|(p, o, _)| (*p, o.clone()))
                .collect::<Vec<_>>(),
        ),
    ] {
        let l = courses::load(conn, &course.id.to_string())?;
        for (person, organisation) in &list {
            let Some(row) = PersonRow::find(conn, *person)? else {
                continue;
            };
            let source = if organisation.is_some() {
                TraineeSource::Partner
            } else {
                TraineeSource::Staff
            };
            trainees::register_in(
                conn,
                &l,
                &row,
                organisation.clone(),
                source,
                coordinator.clone(),
                &actor,
            )?;
        }
        // Everyone came to the first session; all but the last to the second.
        let mut marks = Vec::new();
        for (i, (person, _)) in list.iter().enumerate() {
            for (s, session) in course.sessions.iter().enumerate() {
                let status = if s == 1 && i + 1 == list.len() {
                    RegistrationStatus::Absent
                } else {
                    RegistrationStatus::Attended
                };
                marks.push(AttendanceMark {
                    session_id: session.activity_id,
                    person_id: *person,
                    status,
                });
            }
        }
        trainees::mark_in(conn, course.id, &AttendanceInput { marks }, &actor)?;
        certificates::issue_in(
            conn,
            course.id,
            &IssueInput {
                person_id: None,
                language: Some(Lang::Fr),
            },
            coordinator.clone(),
            &actor,
            Lang::Fr,
        )?;
    }

    // Evaluations of the first course, entered from the paper forms.
    if let Some(by) = &coordinator {
        let useful = [
            "Les mises en situation.",
            "Comprendre pourquoi un silence n'est pas un refus.",
            "L'échange avec les autres participants.",
            "Les exemples de la vie à Liège.",
            "",
            "Le jeu de rôle sur l'accueil.",
        ];
        for (i, person) in participants.iter().take(6).enumerate() {
            let input = EvaluationInput {
                person_id: Some(*person),
                satisfaction: Some(if i % 3 == 0 { 4 } else { 5 }),
                useful: Some(useful[i % useful.len()].into()),
                objectives: (0..basics.objectives.len())
                    .map(|k| ObjectiveRating {
                        before: 1 + ((i + k) % 3) as i32,
                        after: 4 + ((i + k) % 2) as i32,
                    })
                    .collect(),
            };
            evaluations::enter_in(conn, c1.id, &input, by, &actor, Lang::Fr)?;
        }
    }
    Ok(())
}
