//! Erasure, retention and the right of access over every table holding a person's data.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::{
    AvailabilityRow, CoachRow, ConsentRow, LanguageRow, MembershipRow, PersonRow, PersonTagRow,
};
use crate::db::schema::{
    audit_log, consents, duo_blocks, duo_candidacies, duo_check_ins, duos, idempotency_keys,
    memberships, people, person_availability, person_coaches, person_languages, person_tags,
    registration_confirmations,
};
use crate::db::DbConnection;
use crate::error::ApiError;

/// Wipes every identifying value of a person, keeping what reports count (category,
/// programme memberships, interests, consents' dates). Irreversible.
pub fn anonymise(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
    let now = crate::db::now();
    diesel::update(people::table.find(id))
        .set((
            people::first_name.eq("anonymised"),
            people::last_name.eq(None::<String>),
            people::preferred_name.eq(None::<String>),
            people::email.eq(None::<String>),
            people::phone.eq(None::<String>),
            people::preferred_channel.eq(None::<String>),
            people::street.eq(None::<String>),
            people::postcode.eq(None::<String>),
            people::commune.eq(None::<String>),
            people::arrival_year.eq(None::<i32>),
            people::category_override_reason.eq(None::<String>),
            people::birth_year.eq(None::<i32>),
            people::gender.eq(None::<String>),
            people::origin_region.eq(None::<String>),
            people::presentation.eq(None::<String>),
            people::staff_notes.eq(None::<String>),
            people::search_text.eq(""),
            people::archived.eq(true),
            people::anonymised_at.eq(now),
            people::updated_at.eq(now),
        ))
        .execute(conn)?;
    diesel::delete(person_languages::table.filter(person_languages::person_id.eq(id)))
        .execute(conn)?;
    diesel::delete(person_availability::table.filter(person_availability::person_id.eq(id)))
        .execute(conn)?;
    crate::notify::store::forget_person(conn, id)?;
    // Confirmation links of public registrations in their name.
    diesel::delete(
        registration_confirmations::table.filter(registration_confirmations::person_id.eq(id)),
    )
    .execute(conn)?;
    crate::interlab::store::anonymise(conn, id)?;
    crate::interlab::store::diagnostics::anonymise(conn, id)?;
    crate::interlab::store::milestones::anonymise(conn, id)?;
    crate::interlab::store::meetings::anonymise(conn, id)?;
    crate::interlab::store::outcomes::anonymise(conn, id)?;
    crate::interlab::store::mentoring::anonymise(conn, id)?;
    crate::activities::interact::store::gdpr::anonymise(conn, id)?;
    // Their certificates stop being confirmed; their evaluation links and free text go.
    crate::trainings::store::anonymise(conn, id)?;
    // Who they worked for at a partner organisation.
    crate::partners::store::remove_affiliations_of(conn, id)?;
    // Partners' referrals that became them.
    crate::partners::referral_store::anonymise(conn, id)?;
    // Free text about the person in Duo2Change records; the duos keep their shape.
    diesel::update(duo_candidacies::table.filter(duo_candidacies::person_id.eq(id)))
        .set(duo_candidacies::remarks.eq(None::<String>))
        .execute(conn)?;
    diesel::update(
        duo_blocks::table.filter(duo_blocks::person_a.eq(id).or(duo_blocks::person_b.eq(id))),
    )
    .set(duo_blocks::note.eq(None::<String>))
    .execute(conn)?;
    let their_duos = duos::table
        .filter(duos::newcomer_id.eq(id).or(duos::local_id.eq(id)))
        .select(duos::id);
    let duo_ids: Vec<String> = their_duos.load(conn)?;
    diesel::update(duos::table.filter(duos::id.eq_any(&duo_ids)))
        .set((
            duos::reason.eq(None::<String>),
            duos::pause_reason.eq(None::<String>),
            duos::explanation.eq(None::<String>),
        ))
        .execute(conn)?;
    diesel::update(duo_check_ins::table.filter(duo_check_ins::duo_id.eq_any(&duo_ids)))
        .set((
            duo_check_ins::notes.eq(None::<String>),
            duo_check_ins::activity.eq(""),
        ))
        .execute(conn)?;
    // The coordinator's notes on the follow-up calls may name either of them.
    diesel::update(
        crate::db::schema::duo_follow_ups::table
            .filter(crate::db::schema::duo_follow_ups::duo_id.eq_any(&duo_ids)),
    )
    .set((
        crate::db::schema::duo_follow_ups::notes.eq(None::<String>),
        crate::db::schema::duo_follow_ups::done_notes.eq(None::<String>),
    ))
    .execute(conn)?;
    // Both sides' notes on the trial meeting may name either of them.
    diesel::update(
        crate::db::schema::duo_feedback::table
            .filter(crate::db::schema::duo_feedback::duo_id.eq_any(&duo_ids)),
    )
    .set(crate::db::schema::duo_feedback::notes.eq(None::<String>))
    .execute(conn)?;
    // What a local wrote they learnt may name the other.
    diesel::update(
        crate::db::schema::duo_assessments::table
            .filter(crate::db::schema::duo_assessments::duo_id.eq_any(&duo_ids)),
    )
    .set(crate::db::schema::duo_assessments::learnt.eq(None::<String>))
    .execute(conn)?;
    // The name a host agreed to show in the public agenda.
    diesel::update(
        crate::db::schema::activity_hosts::table
            .filter(crate::db::schema::activity_hosts::person_id.eq(id)),
    )
    .set(crate::db::schema::activity_hosts::public_name.eq(None::<String>))
    .execute(conn)?;
    // Addresses of the person's own actions (a public sign-up or registration) are personal
    // data too: cleared on every entry about them, their registrations, duos and notices.
    let entries = audit_entries_about(conn, id)?;
    for chunk in entries.chunks(500) {
        diesel::update(audit_log::table.filter(audit_log::id.eq_any(chunk)))
            .set(audit_log::ip.eq(None::<String>))
            .execute(conn)?;
    }
    // Answers kept for retried requests quote the person (a registration names them): a
    // replayed key must not bring the name back.
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::body.like(format!("%{id}%"))))
        .execute(conn)?;
    Ok(())
}

/// Ids of the audit entries about a person: the person's own, and those of their
/// registrations, duos, "do not pair" blocks and notices.
pub fn audit_entries_about(conn: &mut DbConnection, id: &str) -> QueryResult<Vec<String>> {
    use crate::db::schema::{notifications, registrations};
    let about = [
        ("person", vec![id.to_owned()]),
        (
            "registration",
            registrations::table
                .filter(registrations::person_id.eq(id))
                .select(registrations::id)
                .load(conn)?,
        ),
        (
            "duo",
            duos::table
                .filter(duos::newcomer_id.eq(id).or(duos::local_id.eq(id)))
                .select(duos::id)
                .load(conn)?,
        ),
        (
            "duo_block",
            duo_blocks::table
                .filter(duo_blocks::person_a.eq(id).or(duo_blocks::person_b.eq(id)))
                .select(duo_blocks::id)
                .load(conn)?,
        ),
        (
            "interact_proposal",
            crate::activities::interact::store::gdpr::proposal_ids(conn, id)?,
        ),
        (
            "notification",
            notifications::table
                .filter(notifications::person_id.eq(id))
                .select(notifications::id)
                .load(conn)?,
        ),
    ];
    let mut out = Vec::new();
    for (entity_type, ids) in about {
        for chunk in ids.chunks(500) {
            out.extend(
                audit_log::table
                    .filter(audit_log::entity_type.eq(entity_type))
                    .filter(audit_log::entity_id.eq_any(chunk))
                    .select(audit_log::id)
                    .load::<String>(conn)?,
            );
        }
    }
    Ok(out)
}

/// People whose last activity is older than `cutoff`, not yet anonymised.
pub fn past_retention(
    conn: &mut DbConnection,
    cutoff: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<PersonRow>> {
    people::table
        .filter(people::anonymised_at.is_null())
        .filter(people::last_activity_at.lt(cutoff))
        .order(people::last_activity_at.asc())
        .limit(limit)
        .select(PersonRow::as_select())
        .load(conn)
}

/// Every row about a person, per table, for the right of access. Each table that refers to a
/// person must appear here (a test reads the schema to make sure none is forgotten).
pub fn export_tables(
    conn: &mut DbConnection,
    id: &str,
) -> Result<serde_json::Map<String, serde_json::Value>, ApiError> {
    fn json<T: Serialize>(rows: Vec<T>) -> Result<serde_json::Value, ApiError> {
        serde_json::to_value(rows).map_err(|e| anyhow::anyhow!("export: {e}").into())
    }
    let mut out = serde_json::Map::new();
    let person: Vec<PersonRow> = people::table
        .filter(people::id.eq(id))
        .select(PersonRow::as_select())
        .load(conn)?;
    out.insert("people".into(), json(person)?);
    out.insert(
        "person_languages".into(),
        json(
            person_languages::table
                .filter(person_languages::person_id.eq(id))
                .select(LanguageRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "person_tags".into(),
        json(
            person_tags::table
                .filter(person_tags::person_id.eq(id))
                .select(PersonTagRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "person_availability".into(),
        json(
            person_availability::table
                .filter(person_availability::person_id.eq(id))
                .select(AvailabilityRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "memberships".into(),
        json(
            memberships::table
                .filter(memberships::person_id.eq(id))
                .select(MembershipRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "consents".into(),
        json(
            consents::table
                .filter(consents::person_id.eq(id))
                .select(ConsentRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "person_coaches".into(),
        json(
            person_coaches::table
                .filter(person_coaches::person_id.eq(id))
                .select(CoachRow::as_select())
                .load(conn)?,
        )?,
    );
    use crate::duo::store::{BlockRow, CandidacyRow, CheckInRow, DuoRow};
    out.insert(
        "duo_candidacies".into(),
        json(
            duo_candidacies::table
                .filter(duo_candidacies::person_id.eq(id))
                .select(CandidacyRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "duo_blocks".into(),
        json(
            duo_blocks::table
                .filter(duo_blocks::person_a.eq(id).or(duo_blocks::person_b.eq(id)))
                .select(BlockRow::as_select())
                .load(conn)?,
        )?,
    );
    let their_duos: Vec<DuoRow> = duos::table
        .filter(duos::newcomer_id.eq(id).or(duos::local_id.eq(id)))
        .select(DuoRow::as_select())
        .load(conn)?;
    let duo_ids: Vec<String> = their_duos.iter().map(|d| d.id.clone()).collect();
    out.insert("duos".into(), json(their_duos)?);
    out.insert(
        "duo_check_ins".into(),
        json(
            duo_check_ins::table
                .filter(duo_check_ins::duo_id.eq_any(&duo_ids))
                .select(CheckInRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "duo_feedback".into(),
        json(
            crate::db::schema::duo_feedback::table
                .filter(crate::db::schema::duo_feedback::person_id.eq(id))
                .select(crate::duo::store::feedback::FeedbackRow::as_select())
                .load(conn)?,
        )?,
    );
    out.insert(
        "duo_assessments".into(),
        json(
            crate::db::schema::duo_assessments::table
                .filter(crate::db::schema::duo_assessments::person_id.eq(id))
                .order(crate::db::schema::duo_assessments::created_at.asc())
                .select(crate::duo::store::assessments::AssessmentRow::as_select())
                .load(conn)?,
        )?,
    );
    // InterAct: the activities they registered for or host.
    use crate::db::schema::{activity_hosts, registrations};
    out.insert(
        "registrations".into(),
        json(
            registrations::table
                .filter(registrations::person_id.eq(id))
                .order(registrations::created_at.asc())
                .select(crate::activities::store::RegistrationRow::as_select())
                .load(conn)?,
        )?,
    );
    let hosted: Vec<(String, String, Option<String>)> = activity_hosts::table
        .filter(activity_hosts::person_id.eq(id))
        .select((
            activity_hosts::activity_id,
            activity_hosts::person_id,
            activity_hosts::public_name,
        ))
        .load(conn)?;
    let hosted: Vec<serde_json::Value> = hosted
        .into_iter()
        .map(|(activity_id, person_id, public_name)| {
            serde_json::json!({
                "activity_id": activity_id,
                "person_id": person_id,
                "public_name": public_name,
            })
        })
        .collect();
    out.insert("activity_hosts".into(), json(hosted)?);
    // InterLab: their applications and their project.
    let (applications, entrepreneurs) = crate::interlab::store::export(conn, id)?;
    out.insert("interlab_applications".into(), json(applications)?);
    out.insert("interlab_entrepreneurs".into(), json(entrepreneurs)?);
    out.insert(
        "interlab_diagnostics".into(),
        json(crate::interlab::store::diagnostics::export(conn, id)?)?,
    );
    out.insert(
        "interlab_milestones".into(),
        json(crate::interlab::store::milestones::export(conn, id)?)?,
    );
    let (meetings, attended) = crate::interlab::store::meetings::export(conn, id)?;
    out.insert("interlab_meetings".into(), json(meetings)?);
    out.insert("interlab_meeting_attendees".into(), json(attended)?);
    let (outcomes, follow_ups) = crate::interlab::store::outcomes::export(conn, id)?;
    out.insert("interlab_outcomes".into(), json(outcomes)?);
    out.insert("interlab_follow_ups".into(), json(follow_ups)?);
    // Mentoring: their directory entry, relations and office hours (as mentor or entrepreneur).
    let mentoring = crate::interlab::store::mentoring::export(conn, id)?;
    out.insert(
        "interlab_mentors".into(),
        json(mentoring.mentor.into_iter().collect())?,
    );
    out.insert("interlab_mentorships".into(), json(mentoring.mentorships)?);
    out.insert(
        "interlab_office_hours".into(),
        json(mentoring.office_hours)?,
    );
    // InterAct: the workshops they proposed, the pipeline's notes, their autonomy ladder.
    for (table, rows) in crate::activities::interact::store::gdpr::export(conn, id)? {
        out.insert(table, rows);
    }
    // Partner organisations they are affiliated to, with their role there.
    out.insert(
        "organisation_people".into(),
        serde_json::Value::Array(
            crate::partners::store::affiliations_of(conn, id)?
                .into_iter()
                .map(|(organisation_id, organisation_name, role)| {
                    serde_json::json!({
                        "organisation_id": organisation_id,
                        "organisation_name": organisation_name,
                        "person_id": id,
                        "role": role,
                    })
                })
                .collect(),
        ),
    );
    // Trainings: their registrations, certificates and evaluations.
    for (table, rows) in crate::trainings::store::export(conn, id)? {
        out.insert(table.into(), serde_json::Value::Array(rows));
    }
    // Partners' referrals that became them.
    out.insert(
        "referrals".into(),
        json(crate::partners::referral_store::of_person(conn, id)?)?,
    );
    // What they were (or are to be) told about their registrations.
    out.insert(
        "notifications".into(),
        json(crate::notify::store::of_person(conn, id)?)?,
    );
    // Registrations asked in their name from the public form, confirmed or not.
    out.insert(
        "registration_confirmations".into(),
        json(
            registration_confirmations::table
                .filter(registration_confirmations::person_id.eq(id))
                .order(registration_confirmations::created_at.asc())
                .select((
                    registration_confirmations::activity_id,
                    registration_confirmations::status,
                    registration_confirmations::created_at,
                    registration_confirmations::expires_at,
                    registration_confirmations::confirmed_at,
                ))
                .load::<(
                    String,
                    String,
                    NaiveDateTime,
                    NaiveDateTime,
                    Option<NaiveDateTime>,
                )>(conn)?
                .into_iter()
                .map(
                    |(activity_id, status, created_at, expires_at, confirmed_at)| {
                        serde_json::json!({
                            "activity_id": activity_id,
                            "email_status": status,
                            "created_at": created_at,
                            "expires_at": expires_at,
                            "confirmed_at": confirmed_at,
                        })
                    },
                )
                .collect(),
        )?,
    );
    let mut audit: Vec<crate::audit::AuditRow> = Vec::new();
    for chunk in audit_entries_about(conn, id)?.chunks(500) {
        audit.extend(
            audit_log::table
                .filter(audit_log::id.eq_any(chunk))
                .select(crate::audit::AuditRow::as_select())
                .load(conn)?,
        );
    }
    audit.sort_by(|a, b| (a.occurred_at, &a.id).cmp(&(b.occurred_at, &b.id)));
    out.insert("audit_log".into(), json(audit)?);
    Ok(out)
}
