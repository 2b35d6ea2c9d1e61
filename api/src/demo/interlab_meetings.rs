//! Demo InterLab accompaniment: meetings with next steps (the first of each made a milestone)
//! for several entrepreneurs of the cohort, and a few outcomes (a business created with its
//! enterprise number, a salaried job, a pause), all through the InterLab services.

use chrono::NaiveDate;
use diesel::prelude::*;
use shared::auth::Role;
use shared::interlab::{
    LegalForm, MeetingInput, MilestoneOwner, NextStepInput, OutcomeInput, OutcomeKind,
};
use shared::Lang;
use uuid::Uuid;

use crate::accounts::store::UserRow;
use crate::audit::Actor;
use crate::db::{schema, DbConnection};
use crate::interlab::domain::{MeetingData, OutcomeData};
use crate::interlab::service::{meetings, outcomes, today, Acting};

/// (project, day, their words, notes, decisions, next steps (text, days to do it, owner)).
type DemoMeeting = (
    &'static str,
    (i32, u32, u32),
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, i64, MilestoneOwner)],
);

const MEETINGS: &[DemoMeeting] = &[
    (
        "Saveurs d'Alep",
        (2026, 10, 6),
        "Les clients des fêtes redemandent mes plats, je veux des contrats avec des entreprises.",
        "Très à l'aise en cuisine, moins avec les devis : l'accompagner sur les prix.",
        "Préparer une offre traiteur pour trois entreprises du quartier.",
        &[
            (
                "Écrire une offre traiteur avec les prix par personne",
                14,
                MilestoneOwner::Entrepreneur,
            ),
            (
                "Présenter l'offre à la soirée réseau de La Grand Poste",
                30,
                MilestoneOwner::Coach,
            ),
        ],
    ),
    (
        "Atelier Couture Kyiv",
        (2026, 10, 13),
        "Je travaille la journée, la couture c'est le soir : je veux commencer en complémentaire.",
        "Fatiguée par les horaires ; ne pas surcharger le parcours.",
        "Statut d'indépendante complémentaire ; caisse sociale à choisir.",
        &[
            (
                "Comparer deux caisses d'assurances sociales",
                21,
                MilestoneOwner::Entrepreneur,
            ),
            (
                "Demander l'accord de l'employeur pour l'activité complémentaire",
                14,
                MilestoneOwner::Entrepreneur,
            ),
        ],
    ),
    (
        "Vélo Solidaire Outremeuse",
        (2026, 10, 20),
        "Les vélos donnés s'entassent, il me faut un local et des bénévoles.",
        "Réseau associatif solide ; la forme ASBL convient.",
        "Chercher un local avec la Ville ; rédiger les statuts de l'ASBL.",
        &[
            (
                "Visiter le local proposé par la Ville",
                21,
                MilestoneOwner::Entrepreneur,
            ),
            (
                "Relire les statuts de l'ASBL avec un juriste bénévole",
                45,
                MilestoneOwner::Mentor,
            ),
        ],
    ),
    (
        "Épicerie du Monde",
        (2026, 11, 3),
        "Le bail est presque signé, mais je ne sais pas combien de stock acheter au début.",
        "Le plan financier sous-estime le stock de départ.",
        "Revoir le plan financier avant de signer ; rencontrer microStart.",
        &[
            (
                "Revoir le stock de départ dans le plan financier",
                10,
                MilestoneOwner::Entrepreneur,
            ),
            ("Rendez-vous avec microStart", 30, MilestoneOwner::Coach),
        ],
    ),
    (
        "Traductions Dari–Français",
        (2026, 11, 17),
        "Les familles m'appellent déjà, mais je ne veux pas travailler au noir.",
        "Idée claire ; le français écrit est à renforcer pour les devis.",
        "Inscription à un cours de français orienté métier.",
        &[(
            "S'inscrire au cours de français du CRIPEL",
            14,
            MilestoneOwner::Entrepreneur,
        )],
    ),
];

fn user(conn: &mut DbConnection, email: &str) -> anyhow::Result<Option<Uuid>> {
    Ok(UserRow::find_by_email(conn, email)?.and_then(|u| u.id.parse().ok()))
}

/// (entrepreneur id, person id, coach id) of a demo project.
fn entrepreneur(
    conn: &mut DbConnection,
    project: &str,
) -> anyhow::Result<Option<(Uuid, Uuid, Option<Uuid>)>> {
    use schema::interlab_entrepreneurs as e;
    let row: Option<(String, String, Option<String>)> = e::table
        .filter(e::project_name.eq(project))
        .select((e::id, e::person_id, e::coach_id))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((id, person, coach)) => Some((
            id.parse()?,
            person.parse()?,
            coach.and_then(|c| c.parse().ok()),
        )),
        None => None,
    })
}

fn day((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

pub(super) fn load(conn: &mut DbConnection) -> anyhow::Result<()> {
    let Some(coordinator) = user(conn, "coordinator@demo.interra.be")? else {
        return Ok(());
    };
    let acting = Acting::new(Actor::default(), coordinator, Role::Coordinator, Lang::Fr);
    for (project, held, words, notes, decisions, steps) in MEETINGS {
        let Some((id, person, coach)) = entrepreneur(conn, project)? else {
            continue;
        };
        let held_on = day(*held);
        let input = MeetingInput {
            held_on,
            attendee_person_ids: vec![person],
            attendee_user_ids: coach.into_iter().collect(),
            entrepreneur_words: Some((*words).into()),
            notes: Some((*notes).into()),
            decisions: Some((*decisions).into()),
            next_steps: steps
                .iter()
                .map(|(text, days, owner)| NextStepInput {
                    text: (*text).into(),
                    due_on: Some(held_on + chrono::Duration::days(*days)),
                    owner: Some(*owner),
                    need_id: None,
                    milestone_id: None,
                })
                .collect(),
        };
        let meeting = meetings::save_in(conn, &acting, id, None, &MeetingData::parse(&input)?)?;
        // The first next step is already on the path.
        meetings::step_to_milestone_in(conn, &acting, id, meeting.id, 0)?;
    }
    let results: [(&str, OutcomeInput); 3] = [
        (
            "Nettoyage Éco Liège",
            OutcomeInput {
                kind: OutcomeKind::BusinessCreated,
                occurred_on: day((2026, 9, 1)),
                legal_form: Some(LegalForm::Srl),
                enterprise_number: Some("0812.345.603".into()),
                reason: None,
                note: Some("Trois clients réguliers dès l'ouverture.".into()),
            },
        ),
        (
            "Code & Cuisine",
            OutcomeInput {
                kind: OutcomeKind::SalariedJob,
                occurred_on: day((2026, 6, 15)),
                legal_form: None,
                enterprise_number: None,
                reason: None,
                note: Some("Développeur web dans une agence liégeoise ; le projet reste une idée pour plus tard.".into()),
            },
        ),
        (
            "Mini-crèche Les Petits Mondes",
            OutcomeInput {
                kind: OutcomeKind::Paused,
                occurred_on: day((2026, 11, 2)),
                legal_form: None,
                enterprise_number: None,
                reason: Some("Attend l'avis de l'ONE sur les normes du local.".into()),
                note: None,
            },
        ),
    ];
    for (project, input) in results {
        let Some((id, _, _)) = entrepreneur(conn, project)? else {
            continue;
        };
        let data = OutcomeData::parse(&input, today().max(input.occurred_on))?;
        outcomes::save_in(conn, &acting, id, None, &data)?;
    }
    Ok(())
}
