//! Organisations and the people affiliated to them.

use serde_json::json;
use shared::partners::{OrganisationInput, OrganisationKind};
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEvent};
use crate::db::{write_transaction, DbConnection};
use crate::error::{ApiError, UniqueViolationExt};
use crate::i18n::Msg;
use crate::partners::domain::{self, OrganisationFields};
use crate::partners::store::{self, AffiliationRow, ContactRow, OrganisationRow};
use crate::people::store::PersonRow;

/// An organisation with its contacts.
pub struct OrganisationView {
    pub row: OrganisationRow,
    pub contacts: Vec<ContactRow>,
}

fn apply(row: &mut OrganisationRow, f: OrganisationFields) {
    row.name = f.name;
    row.kind = f.kind;
    row.street = f.street;
    row.postcode = f.postcode;
    row.commune = f.commune;
    row.email = f.email;
    row.phone = f.phone;
    row.agreement_start = f.agreement_start;
    row.agreement_end = f.agreement_end;
    row.data_sharing_signed = f.data_sharing_signed;
}

pub fn view(conn: &mut DbConnection, id: &str) -> Result<OrganisationView, ApiError> {
    let row = store::find(conn, id)?.ok_or(ApiError::NotFound)?;
    let contacts = store::contacts(conn, id)?;
    Ok(OrganisationView { row, contacts })
}

/// Organisations by name; `text` (trimmed, ignored when empty) searches names, communes and
/// addresses.
pub fn list(
    conn: &mut DbConnection,
    text: Option<&str>,
    kind: Option<OrganisationKind>,
    offset: u64,
    limit: u32,
) -> Result<(Vec<OrganisationRow>, u64), ApiError> {
    let offset = i64::try_from(offset).unwrap_or(i64::MAX);
    let text = text.map(str::trim).filter(|t| !t.is_empty());
    let (rows, count) = store::list(conn, text, kind, offset, i64::from(limit))?;
    Ok((rows, u64::try_from(count).unwrap_or(0)))
}

pub fn create(
    conn: &mut DbConnection,
    input: &OrganisationInput,
    actor: &Actor,
) -> Result<OrganisationView, ApiError> {
    let fields = domain::parse_organisation(input)?;
    write_transaction(conn, |conn| {
        let now = crate::db::now();
        let mut row = OrganisationRow {
            id: Uuid::now_v7().to_string(),
            name: String::new(),
            kind: fields.kind,
            street: None,
            postcode: None,
            commune: None,
            email: None,
            phone: None,
            agreement_start: None,
            agreement_end: None,
            data_sharing_signed: false,
            created_by: actor.user_id.map(|u| u.to_string()),
            created_at: now,
            updated_at: now,
        };
        apply(&mut row, fields);
        row.insert(conn)
            .on_unique_violation("name", Msg::OrganisationNameTaken)?;
        audit::record(
            conn,
            actor,
            AuditEvent {
                action: AuditAction::OrganisationCreated,
                entity_type: "organisation",
                entity_id: Some(row.id.clone()),
                details: json!({ "name": row.name, "kind": row.kind }),
            },
        )?;
        Ok(OrganisationView {
            row,
            contacts: Vec::new(),
        })
    })
}

pub fn update(
    conn: &mut DbConnection,
    id: &str,
    input: &OrganisationInput,
    actor: &Actor,
) -> Result<OrganisationView, ApiError> {
    let fields = domain::parse_organisation(input)?;
    write_transaction(conn, |conn| {
        let mut row = store::find(conn, id)?.ok_or(ApiError::NotFound)?;
        apply(&mut row, fields);
        row.updated_at = crate::db::now();
        row.update(conn)
            .on_unique_violation("name", Msg::OrganisationNameTaken)?;
        audit::record(
            conn,
            actor,
            AuditEvent {
                action: AuditAction::OrganisationUpdated,
                entity_type: "organisation",
                entity_id: Some(row.id.clone()),
                details: json!({ "name": row.name, "kind": row.kind }),
            },
        )?;
        let contacts = store::contacts(conn, id)?;
        Ok(OrganisationView { row, contacts })
    })
}

/// Affiliates a person to the organisation, or changes their role there.
pub fn set_contact(
    conn: &mut DbConnection,
    id: &str,
    person_id: Uuid,
    role: &str,
    actor: &Actor,
) -> Result<OrganisationView, ApiError> {
    let role = domain::parse_role(role)?;
    write_transaction(conn, |conn| {
        store::find(conn, id)?.ok_or(ApiError::NotFound)?;
        let person = PersonRow::find(conn, person_id)?
            .filter(|p| p.anonymised_at.is_none())
            .ok_or(ApiError::NotFound)?;
        let pid = person.id.clone();
        if store::find_affiliation(conn, id, &pid)?.is_some() {
            store::set_role(conn, id, &pid, &role)?;
        } else {
            AffiliationRow {
                organisation_id: id.to_owned(),
                person_id: pid.clone(),
                role: role.clone(),
                created_at: crate::db::now(),
            }
            .insert(conn)?;
        }
        // Personal data: who is affiliated where, on the person's record.
        audit::record(
            conn,
            actor,
            AuditEvent {
                action: AuditAction::OrganisationContactSet,
                entity_type: "person",
                entity_id: Some(pid),
                details: json!({ "organisation_id": id, "role": role }),
            },
        )?;
        view(conn, id)
    })
}

pub fn remove_contact(
    conn: &mut DbConnection,
    id: &str,
    person_id: Uuid,
    actor: &Actor,
) -> Result<(), ApiError> {
    let pid = person_id.to_string();
    write_transaction(conn, |conn| {
        if store::remove_affiliation(conn, id, &pid)? == 0 {
            return Err(ApiError::NotFound);
        }
        audit::record(
            conn,
            actor,
            AuditEvent {
                action: AuditAction::OrganisationContactRemoved,
                entity_type: "person",
                entity_id: Some(pid.clone()),
                details: json!({ "organisation_id": id }),
            },
        )?;
        Ok(())
    })
}
