//! A person's participation across the programmes, read in one go for their page: plain reads
//! over the other features' tables (nothing here writes), each row typed as stored.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::activities::{ActivityProgramme, Multilingual, RegistrationStatus};
use shared::duo::{CandidacyStatus, DuoStatus};
use shared::interlab::ProjectStage;
use shared::participation::{
    DuoPartner, HostedActivity, ParticipationAffiliation, ParticipationCandidacy, ParticipationDuo,
    ParticipationProject, ParticipationRegistration, PersonParticipation,
};
use shared::people::Category;

use crate::db::schema::{
    activities, activity_hosts, duo_candidacies, duos, interlab_entrepreneurs, organisation_people,
    organisations, people, person_coaches, registrations,
};
use crate::db::{stored_id, DbConnection, JsonText};
use crate::error::ApiError;
use crate::people::domain::display_name;

/// An activity's title as stored: its languages as JSON.
type Title = JsonText<Multilingual>;

/// Everything `person_id` takes part in. `coach` is the reader when they see only the people
/// they accompany: a duo partner they do not accompany stays unnamed.
pub fn participation(
    conn: &mut DbConnection,
    person_id: &str,
    coach: Option<&str>,
) -> Result<PersonParticipation, ApiError> {
    let regs: Vec<(
        String,
        String,
        Title,
        ActivityProgramme,
        NaiveDateTime,
        RegistrationStatus,
    )> = registrations::table
        .inner_join(activities::table)
        .filter(registrations::person_id.eq(person_id))
        .order((activities::starts_at.desc(), activities::id))
        .select((
            registrations::id,
            activities::id,
            activities::title,
            activities::programme,
            activities::starts_at,
            registrations::status,
        ))
        .load(conn)?;
    let mut out = PersonParticipation::default();
    for (id, activity_id, title, programme, starts_at, status) in regs {
        match status {
            RegistrationStatus::Attended => out.attended += 1,
            RegistrationStatus::Absent => out.absent += 1,
            _ => {}
        }
        out.registrations.push(ParticipationRegistration {
            registration_id: stored_id(&id)?,
            activity_id: stored_id(&activity_id)?,
            title: title.0,
            programme,
            starts_at: starts_at.and_utc(),
            status,
        });
    }

    let hosted: Vec<(String, Title, ActivityProgramme, NaiveDateTime)> = activity_hosts::table
        .inner_join(activities::table)
        .filter(activity_hosts::person_id.eq(person_id))
        .order((activities::starts_at.desc(), activities::id))
        .select((
            activities::id,
            activities::title,
            activities::programme,
            activities::starts_at,
        ))
        .load(conn)?;
    for (id, title, programme, starts_at) in hosted {
        out.hosted.push(HostedActivity {
            activity_id: stored_id(&id)?,
            title: title.0,
            programme,
            starts_at: starts_at.and_utc(),
        });
    }

    let candidacies: Vec<(String, Category, CandidacyStatus, NaiveDateTime)> =
        duo_candidacies::table
            .filter(duo_candidacies::person_id.eq(person_id))
            .order(duo_candidacies::created_at.desc())
            .select((
                duo_candidacies::id,
                duo_candidacies::side,
                duo_candidacies::status,
                duo_candidacies::waiting_since,
            ))
            .load(conn)?;
    for (id, side, status, waiting_since) in candidacies {
        out.candidacies.push(ParticipationCandidacy {
            id: stored_id(&id)?,
            side,
            status,
            waiting_since: waiting_since.and_utc(),
        });
    }

    type DuoLine = (
        String,
        String,
        String,
        DuoStatus,
        NaiveDateTime,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
    );
    let their_duos: Vec<DuoLine> = duos::table
        .filter(
            duos::newcomer_id
                .eq(person_id)
                .or(duos::local_id.eq(person_id)),
        )
        .order(duos::proposed_at.desc())
        .select((
            duos::id,
            duos::newcomer_id,
            duos::local_id,
            duos::status,
            duos::proposed_at,
            duos::confirmed_at,
            duos::ended_at,
        ))
        .load(conn)?;
    for (id, newcomer, local, status, proposed_at, confirmed_at, ended_at) in their_duos {
        let partner_id = if newcomer == person_id {
            local
        } else {
            newcomer
        };
        out.duos.push(ParticipationDuo {
            id: stored_id(&id)?,
            status,
            partner: partner(conn, &partner_id, coach)?,
            proposed_at: proposed_at.and_utc(),
            confirmed_at: confirmed_at.map(|t| t.and_utc()),
            ended_at: ended_at.map(|t| t.and_utc()),
        });
    }

    let projects: Vec<(String, String, ProjectStage)> = interlab_entrepreneurs::table
        .filter(interlab_entrepreneurs::person_id.eq(person_id))
        .order(interlab_entrepreneurs::created_at.desc())
        .select((
            interlab_entrepreneurs::id,
            interlab_entrepreneurs::project_name,
            interlab_entrepreneurs::stage,
        ))
        .load(conn)?;
    for (id, project_name, stage) in projects {
        out.interlab.push(ParticipationProject {
            entrepreneur_id: stored_id(&id)?,
            project_name,
            stage,
        });
    }

    let affiliations: Vec<(String, String, String)> = organisation_people::table
        .inner_join(organisations::table)
        .filter(organisation_people::person_id.eq(person_id))
        .order(organisations::name)
        .select((
            organisations::id,
            organisations::name,
            organisation_people::role,
        ))
        .load(conn)?;
    for (id, name, role) in affiliations {
        out.organisations.push(ParticipationAffiliation {
            organisation_id: stored_id(&id)?,
            name,
            role,
        });
    }
    Ok(out)
}

/// The other member of a duo, named only when the reader may see them.
fn partner(
    conn: &mut DbConnection,
    id: &str,
    coach: Option<&str>,
) -> Result<Option<DuoPartner>, ApiError> {
    if let Some(coach) = coach {
        let accompanies: i64 = person_coaches::table
            .filter(person_coaches::person_id.eq(id))
            .filter(person_coaches::user_id.eq(coach))
            .count()
            .get_result(conn)?;
        if accompanies == 0 {
            return Ok(None);
        }
    }
    let names: Option<(String, Option<String>, Option<String>)> = people::table
        .find(id)
        .select((
            people::first_name,
            people::last_name,
            people::preferred_name,
        ))
        .first(conn)
        .optional()?;
    let Some((first, last, preferred)) = names else {
        return Ok(None);
    };
    Ok(Some(DuoPartner {
        id: stored_id(id)?,
        name: display_name(&first, last.as_deref(), preferred.as_deref()),
    }))
}
