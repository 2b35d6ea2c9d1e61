//! Demo InterLab data: a cohort of twelve entrepreneurs with varied projects at every stage,
//! and a few applications still in the team's queue, all through the InterLab services.

use chrono::NaiveDate;
use diesel::prelude::*;
use shared::auth::Role;
use shared::interlab::{
    ApplicationDecision, ApplicationInput, CohortInput, DecisionInput, EntrepreneurInput, HeardVia,
    LegalForm, ProjectStage, TermKind,
};
use shared::Lang;
use uuid::Uuid;

use crate::accounts::store::UserRow;
use crate::audit::Actor;
use crate::db::{schema, DbConnection};
use crate::interlab::service::{applications, cohorts, Acting};
use crate::interlab::store::TermRow;

use super::DemoPerson;

/// (project, sector slug, stage, legal form, the idea in the person's words).
const PROJECTS: &[(&str, &str, ProjectStage, LegalForm, &str)] = &[
    (
        "Saveurs d'Alep",
        "food",
        ProjectStage::Launched,
        LegalForm::Independent,
        "Un traiteur syrien pour les fêtes et les entreprises, comme chez ma mère à Alep.",
    ),
    (
        "Atelier Couture Kyiv",
        "textile",
        ProjectStage::PreparingLaunch,
        LegalForm::Complementary,
        "Retouches et broderies ukrainiennes, le soir à côté de mon travail.",
    ),
    (
        "Vélo Solidaire Outremeuse",
        "transport",
        ProjectStage::Validation,
        LegalForm::Asbl,
        "Réparer des vélos donnés et les louer aux personnes qui cherchent un emploi.",
    ),
    (
        "Salon Afro Saint-Léonard",
        "beauty",
        ProjectStage::Launched,
        LegalForm::Srl,
        "Un salon de coiffure afro où l'on forme aussi des jeunes du quartier.",
    ),
    (
        "Épicerie du Monde",
        "retail",
        ProjectStage::PreparingLaunch,
        LegalForm::Srl,
        "Une épicerie de produits d'Afrique de l'Ouest et du Moyen-Orient à Droixhe.",
    ),
    (
        "Traductions Dari–Français",
        "personal-services",
        ProjectStage::Idea,
        LegalForm::Undecided,
        "Traduire pour les familles afghanes chez le médecin et à la commune.",
    ),
    (
        "Code & Cuisine",
        "digital",
        ProjectStage::Validation,
        LegalForm::Independent,
        "Des sites web simples pour les restaurants et les commerces du quartier.",
    ),
    (
        "Nettoyage Éco Liège",
        "personal-services",
        ProjectStage::Growing,
        LegalForm::Srl,
        "Une entreprise de nettoyage avec des produits écologiques, déjà trois clients.",
    ),
    (
        "Poterie de Kaboul",
        "crafts",
        ProjectStage::Idea,
        LegalForm::Undecided,
        "La poterie de mon grand-père, en ateliers et en vente sur les marchés.",
    ),
    (
        "Mini-crèche Les Petits Mondes",
        "education",
        ProjectStage::Validation,
        LegalForm::Asbl,
        "Une petite crèche multilingue pour les parents qui suivent des cours de français.",
    ),
    (
        "Rénovation Adana",
        "construction",
        ProjectStage::Launched,
        LegalForm::Independent,
        "Carrelage et rénovation de salles de bain, mon métier depuis quinze ans.",
    ),
    (
        "Thé & Épices du Rif",
        "food",
        ProjectStage::Idea,
        LegalForm::Complementary,
        "Des mélanges de thé et d'épices du Rif, vendus en ligne et sur les marchés.",
    ),
];

/// Ideas still in the queue: pending, on the waiting list, redirected to a partner.
const QUEUE: &[(&str, Option<ApplicationDecision>)] = &[
    ("Ouvrir un food truck de cuisine érythréenne.", None),
    ("Donner des cours de guitare flamenca.", None),
    (
        "Un service de déménagement avec ma camionnette.",
        Some(ApplicationDecision::WaitingList),
    ),
    (
        "Une start-up d'applications mobiles avec des investisseurs.",
        Some(ApplicationDecision::Redirect),
    ),
];

fn user(conn: &mut DbConnection, email: &str) -> anyhow::Result<Option<Uuid>> {
    Ok(UserRow::find_by_email(conn, email)?.and_then(|u| u.id.parse().ok()))
}

pub(super) fn load_interlab(conn: &mut DbConnection, people: &[DemoPerson]) -> anyhow::Result<()> {
    let Some(coordinator) = user(conn, "coordinator@demo.interra.be")? else {
        return Ok(());
    };
    let acting = Acting::new(Actor::default(), coordinator, Role::Coordinator, Lang::Fr);
    let coaches = [
        user(conn, "mentor.interlab@demo.interra.be")?,
        user(conn, "coach@demo.interra.be")?,
    ];
    let sectors: std::collections::HashMap<String, String> = TermRow::list(conn, TermKind::Sector)?
        .into_iter()
        .map(|t| (t.slug, t.id))
        .collect();
    // People with an InterLab entrepreneur membership first, then other newcomers.
    let members: Vec<String> = schema::memberships::table
        .filter(schema::memberships::programme.eq("interlab"))
        .filter(schema::memberships::role.eq("entrepreneur"))
        .select(schema::memberships::person_id)
        .load(conn)?;
    let mut candidates: Vec<&DemoPerson> =
        people.iter().filter(|p| members.contains(&p.0)).collect();
    candidates.extend(people.iter().filter(|p| p.1 && !members.contains(&p.0)));
    let cohort = cohorts::create_in(
        conn,
        &acting,
        &CohortInput {
            name: "InterLab — cohorte automne 2026".into(),
            starts_on: NaiveDate::from_ymd_opt(2026, 9, 14).unwrap_or_default(),
            ends_on: NaiveDate::from_ymd_opt(2027, 3, 31),
        },
    )?;
    let cohort_id: Uuid = cohort.id.parse()?;
    let heard = [
        HeardVia::LaGrandPoste,
        HeardVia::WordOfMouth,
        HeardVia::PartnerOrganisation,
        HeardVia::Event,
        HeardVia::SocialMedia,
    ];
    let mut people = candidates.into_iter();
    for (i, (name, sector, stage, form, idea)) in PROJECTS.iter().enumerate() {
        let Some(person) = people.next() else {
            return Ok(());
        };
        let application = applications::record_in(
            conn,
            &acting,
            &ApplicationInput {
                person_id: person.0.parse()?,
                idea: (*idea).into(),
                heard_via: Some(heard[i % heard.len()]),
                heard_via_detail: None,
            },
        )?;
        let decision = DecisionInput {
            decision: ApplicationDecision::Accept,
            note: None,
            partner: None,
            entrepreneur: Some(EntrepreneurInput {
                project_name: (*name).into(),
                description: Some((*idea).into()),
                sector_id: sectors.get(*sector).and_then(|s| s.parse().ok()),
                stage: *stage,
                legal_form: *form,
                target_date: NaiveDate::from_ymd_opt(2027, 3 + (i as u32 % 6), 1),
                cohort_id: Some(cohort_id),
                coach_id: coaches[i % 2],
            }),
        };
        applications::decide_in(conn, &acting, application.id.parse()?, &decision)?;
    }
    // The programme's networking evenings and trainings are the cohort's.
    let interlab_activities: Vec<String> = schema::activities::table
        .filter(schema::activities::programme.eq("interlab"))
        .select(schema::activities::id)
        .load(conn)?;
    for a in interlab_activities {
        crate::interlab::store::cohort_activities::link(
            conn,
            &cohort.id,
            &a,
            &coordinator.to_string(),
            crate::db::now(),
        )?;
    }
    for (idea, decision) in QUEUE {
        let Some(person) = people.next() else {
            return Ok(());
        };
        let application = applications::record_in(
            conn,
            &acting,
            &ApplicationInput {
                person_id: person.0.parse()?,
                idea: (*idea).into(),
                heard_via: Some(HeardVia::WordOfMouth),
                heard_via_detail: None,
            },
        )?;
        let Some(decision) = decision else {
            continue;
        };
        let input = DecisionInput {
            decision: *decision,
            note: Some(match decision {
                ApplicationDecision::Redirect => {
                    "Projet technologique avec levée de fonds : un incubateur tech de La Grand Poste l'accompagnera mieux.".into()
                }
                _ => "Pour la cohorte de printemps.".into(),
            }),
            partner: (*decision == ApplicationDecision::Redirect)
                .then(|| "Incubateur tech de La Grand Poste".into()),
            entrepreneur: None,
        };
        applications::decide_in(conn, &acting, application.id.parse()?, &input)?;
    }
    Ok(())
}
