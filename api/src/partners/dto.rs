//! Rows → `shared::partners` wire types.

use shared::partners::{ApiClient, Contact, Organisation};

use crate::db::stored_id;
use crate::error::ApiError;
use crate::partners::store::{ClientRow, ContactRow, OrganisationRow};
use crate::people::domain::display_name;

pub fn contact(row: &ContactRow) -> Result<Contact, ApiError> {
    Ok(Contact {
        person_id: stored_id(&row.person_id)?,
        display_name: display_name(
            &row.first_name,
            row.last_name.as_deref(),
            row.preferred_name.as_deref(),
        ),
        email: row.email.clone(),
        phone: row.phone.clone(),
        role: row.role.clone(),
    })
}

pub fn organisation(
    row: &OrganisationRow,
    contacts: &[ContactRow],
) -> Result<Organisation, ApiError> {
    Ok(Organisation {
        id: stored_id(&row.id)?,
        name: row.name.clone(),
        kind: row.kind,
        street: row.street.clone(),
        postcode: row.postcode.clone(),
        commune: row.commune.clone(),
        email: row.email.clone(),
        phone: row.phone.clone(),
        agreement_start: row.agreement_start,
        agreement_end: row.agreement_end,
        data_sharing_signed: row.data_sharing_signed,
        contacts: contacts.iter().map(contact).collect::<Result<_, _>>()?,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}

pub fn client(row: &ClientRow) -> Result<ApiClient, ApiError> {
    Ok(ApiClient {
        id: row.id.clone(),
        organisation_id: stored_id(&row.organisation_id)?,
        name: row.name.clone(),
        scopes: row.scopes.0.clone(),
        previous_secret_valid_until: row.previous_valid_until.map(|t| t.and_utc()),
        revoked_at: row.revoked_at.map(|t| t.and_utc()),
        last_used_at: row.last_used_at.map(|t| t.and_utc()),
        created_at: row.created_at.and_utc(),
    })
}
