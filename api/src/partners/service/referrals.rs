//! Referrals: a partner refers a person; the team reviews. What the partner sees of a referral
//! is its status and dates, the same whether or not the person was already known.

use serde_json::json;
use shared::referrals::{
    PartnerReferral, Referral, ReferralDecision, ReferralInput, ReferralStatus,
};
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEvent};
use crate::db::{stored_id, write_transaction, DbConnection, JsonText};
use crate::error::ApiError;
use crate::http::partner::Partner;
use crate::i18n::Msg;
use crate::partners::referral_rules::{self as rules};
use crate::partners::referral_store::{self as store, ReferralRow};
use crate::people::domain::optional_text;
use crate::people::store::PersonRow;

/// An `Idempotency-Key` of a partner's POST: per client and route.
pub struct Retry {
    pub scope: String,
    pub key: String,
}

pub fn partner_view(row: &ReferralRow) -> Result<PartnerReferral, ApiError> {
    Ok(PartnerReferral {
        id: stored_id(&row.id)?,
        programme: row.programme,
        status: row.status,
        created_at: row.created_at.and_utc(),
        status_changed_at: row.status_changed_at.and_utc(),
    })
}

fn staff_view(row: &ReferralRow, organisation_name: &str) -> Result<Referral, ApiError> {
    Ok(Referral {
        id: stored_id(&row.id)?,
        organisation_id: stored_id(&row.organisation_id)?,
        organisation_name: organisation_name.to_owned(),
        programme: row.programme,
        first_name: row.first_name.clone(),
        email: row.email.clone(),
        phone: row.phone.clone(),
        languages: row.languages.0.clone(),
        note: row.note.clone(),
        consent_collected_by: row.consent_collected_by.clone(),
        consent_at: row.consent_at.and_utc(),
        notice_version: row.notice_version.clone(),
        status: row.status,
        person_id: row.person_id.as_deref().map(stored_id).transpose()?,
        staff_note: row.staff_note.clone(),
        created_at: row.created_at.and_utc(),
        status_changed_at: row.status_changed_at.and_utc(),
    })
}

/// A partner refers a person. Nothing is looked up about them here: whether they are already
/// on record is the team's finding at review, so the answer cannot tell. With a retry key the
/// first answer is kept for 24 hours and returned to a retry with the same body; another body
/// under the same key is refused. Returns the status and JSON body to send.
pub fn refer(
    conn: &mut DbConnection,
    partner: &Partner,
    input: &ReferralInput,
    retry: Option<&Retry>,
) -> Result<(i32, String), ApiError> {
    let now = crate::db::now();
    let fields = rules::parse_referral(input, now, crate::people::privacy::is_known_version)?;
    let request_hash = crate::accounts::tokens::hash(
        &serde_json::to_string(input).map_err(|e| anyhow::anyhow!("{e}"))?,
    );
    write_transaction(conn, |conn| {
        if let Some(k) = retry {
            // Concurrent requests with one key wait here for each other (PostgreSQL; SQLite's
            // write transaction already runs one at a time), so only the first creates.
            crate::db::lock::xact_lock(conn, &format!("idempotency:{}:{}", k.scope, k.key))?;
            if let Some(answer) =
                crate::activities::store::idempotent_response(conn, &k.scope, &k.key)?
            {
                if answer.request_hash != request_hash {
                    return Err(ApiError::field(
                        "Idempotency-Key",
                        Msg::IdempotencyKeyReused,
                    ));
                }
                return Ok((answer.status, answer.body));
            }
        }
        let row = ReferralRow {
            id: Uuid::now_v7().to_string(),
            organisation_id: partner.organisation_id.clone(),
            client_id: partner.client_id.clone(),
            programme: fields.programme,
            first_name: fields.first_name,
            email: fields.email,
            phone: fields.phone,
            languages: JsonText(fields.languages),
            note: fields.note,
            consent_collected_by: fields.consent_collected_by,
            consent_at: fields.consent_at,
            notice_version: fields.notice_version,
            status: ReferralStatus::Received,
            person_id: None,
            staff_note: None,
            status_changed_at: now,
            created_at: now,
            updated_at: now,
        };
        row.insert(conn)?;
        audit::record(
            conn,
            &partner.actor,
            AuditEvent {
                action: AuditAction::ReferralReceived,
                entity_type: "referral",
                entity_id: Some(row.id.clone()),
                details: json!({
                    "client_id": partner.client_id,
                    "organisation_id": partner.organisation_id,
                    "programme": row.programme,
                }),
            },
        )?;
        let body =
            serde_json::to_string(&partner_view(&row)?).map_err(|e| anyhow::anyhow!("{e}"))?;
        if let Some(k) = retry {
            crate::activities::store::store_idempotent_response(
                conn,
                &k.scope,
                &k.key,
                &request_hash,
                201,
                &body,
            )?;
        }
        Ok((201, body))
    })
}

/// The partner's referrals, newest first.
pub fn partner_list(
    conn: &mut DbConnection,
    partner: &Partner,
    offset: i64,
    limit: i64,
) -> Result<(Vec<PartnerReferral>, u64), ApiError> {
    let (rows, count) = store::list(conn, Some(&partner.organisation_id), None, offset, limit)?;
    let out = rows.iter().map(partner_view).collect::<Result<_, _>>()?;
    Ok((out, u64::try_from(count).unwrap_or(0)))
}

/// One of the partner's referrals; another organisation's is answered as unknown.
pub fn partner_get(
    conn: &mut DbConnection,
    partner: &Partner,
    id: &str,
) -> Result<PartnerReferral, ApiError> {
    let row = store::find(conn, id)?
        .filter(|r| r.organisation_id == partner.organisation_id)
        .ok_or(ApiError::NotFound)?;
    partner_view(&row)
}

fn with_names(conn: &mut DbConnection, rows: &[ReferralRow]) -> Result<Vec<Referral>, ApiError> {
    let ids: Vec<String> = rows.iter().map(|r| r.organisation_id.clone()).collect();
    let names = store::organisation_names(conn, &ids)?;
    rows.iter()
        .map(|r| staff_view(r, names.get(&r.organisation_id).map_or("", String::as_str)))
        .collect()
}

/// The team's queue.
pub fn queue(
    conn: &mut DbConnection,
    status: Option<ReferralStatus>,
    organisation_id: Option<String>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Referral>, u64), ApiError> {
    let (rows, count) = store::list(conn, organisation_id.as_deref(), status, offset, limit)?;
    Ok((with_names(conn, &rows)?, u64::try_from(count).unwrap_or(0)))
}

pub fn get(conn: &mut DbConnection, id: &str) -> Result<Referral, ApiError> {
    let row = store::find(conn, id)?.ok_or(ApiError::NotFound)?;
    with_names(conn, &[row])?.pop().ok_or(ApiError::NotFound)
}

/// A review step. Accepting names the person record the referral is (an existing one the team
/// matched, or one they just created from it).
pub fn decide(
    conn: &mut DbConnection,
    id: &str,
    decision: &ReferralDecision,
    actor: &Actor,
) -> Result<Referral, ApiError> {
    let note = optional_text(decision.staff_note.as_deref(), rules::NOTE_MAX)
        .map_err(|m| ApiError::field("staff_note", m))?;
    write_transaction(conn, |conn| {
        crate::db::lock_rows(
            conn,
            "SELECT id FROM referrals WHERE id = $1 FOR UPDATE",
            id,
        )?;
        let mut row = store::find(conn, id)?.ok_or(ApiError::NotFound)?;
        if !rules::step_allowed(row.status, decision.status) {
            return Err(ApiError::field("status", Msg::PipelineStepNotAllowed));
        }
        if decision.status == ReferralStatus::Accepted {
            let person_id = decision
                .person_id
                .ok_or_else(|| ApiError::field("person_id", Msg::Required))?;
            let person = PersonRow::find(conn, person_id)?
                .filter(|p| p.anonymised_at.is_none())
                .ok_or_else(|| ApiError::field("person_id", Msg::UnknownPerson))?;
            row.person_id = Some(person.id);
        }
        let from = row.status;
        let now = crate::db::now();
        row.status = decision.status;
        row.status_changed_at = now;
        row.updated_at = now;
        if note.is_some() {
            row.staff_note = note.clone();
        }
        row.save(conn)?;
        // The organisation's webhooks hear of it in this transaction (the outbox).
        crate::partners::service::webhooks::enqueue(
            conn,
            shared::webhooks::WebhookEventType::ReferralStatusChanged,
            Some(row.organisation_id.as_str()),
            json!({ "referral_id": row.id }),
        )?;
        audit::record(
            conn,
            actor,
            AuditEvent {
                action: AuditAction::ReferralReviewed,
                entity_type: "referral",
                entity_id: Some(row.id.clone()),
                details: json!({ "from": from, "to": row.status, "person_id": row.person_id }),
            },
        )?;
        with_names(conn, &[row])?.pop().ok_or(ApiError::NotFound)
    })
}
