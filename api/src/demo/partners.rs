//! Demo partner organisations (issue 14): a CPAS, a language school and La Grand Poste, one API
//! client each. Their secrets exist only in the answer of the load that created them: the
//! caller prints them once (only a hash is kept).

use diesel::prelude::*;
use shared::partners::{OrganisationKind, Scope};
use uuid::Uuid;

use crate::db::schema::organisations;
use crate::db::{DbConnection, JsonText};
use crate::partners::domain;
use crate::partners::store::{ClientRow, OrganisationRow};

/// A demo API client as created: organisation, `client_id`, `client_secret`.
#[derive(Debug, Clone)]
pub struct DemoClient {
    pub organisation: String,
    pub client_id: String,
    pub client_secret: String,
}

/// (name, kind, commune, postcode, client scopes)
const ORGANISATIONS: &[(&str, OrganisationKind, &str, &str, &[Scope])] = &[
    (
        "CPAS de Liège",
        OrganisationKind::Cpas,
        "Liège",
        "4000",
        &[
            Scope::EventsRead,
            Scope::ReferralsRead,
            Scope::ReferralsWrite,
            Scope::WebhooksManage,
        ],
    ),
    (
        "École de langues Babel",
        OrganisationKind::LanguageSchool,
        "Liège",
        "4020",
        &[
            Scope::EventsRead,
            Scope::ReferralsRead,
            Scope::ReferralsWrite,
            Scope::TrainingsRegister,
            Scope::WebhooksManage,
        ],
    ),
    (
        "La Grand Poste",
        OrganisationKind::Incubator,
        "Liège",
        "4000",
        &[
            Scope::EventsRead,
            Scope::TrainingsRegister,
            Scope::WebhooksManage,
        ],
    ),
];

/// Creates the organisations missing (by name) with one client each; returns the clients
/// created, with their secrets.
pub fn load(conn: &mut DbConnection) -> QueryResult<Vec<DemoClient>> {
    let mut created = Vec::new();
    let now = crate::db::now();
    for (name, kind, commune, postcode, scopes) in ORGANISATIONS {
        let exists: i64 = organisations::table
            .filter(organisations::name.eq(*name))
            .count()
            .get_result(conn)?;
        if exists > 0 {
            continue;
        }
        let org = OrganisationRow {
            id: Uuid::now_v7().to_string(),
            name: (*name).into(),
            kind: *kind,
            street: None,
            postcode: Some((*postcode).into()),
            commune: Some((*commune).into()),
            email: None,
            phone: None,
            agreement_start: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
            agreement_end: None,
            data_sharing_signed: true,
            created_by: None,
            created_at: now,
            updated_at: now,
        };
        org.insert(conn)?;
        let secret = domain::new_secret();
        let client = ClientRow {
            id: domain::new_client_id(),
            organisation_id: org.id.clone(),
            name: "Serveur de démonstration".into(),
            scopes: JsonText(scopes.to_vec()),
            secret_hash: domain::secret_hash(&secret),
            previous_secret_hash: None,
            previous_valid_until: None,
            revoked_at: None,
            last_used_at: None,
            created_by: None,
            created_at: now,
        };
        client.insert(conn)?;
        created.push(DemoClient {
            organisation: (*name).into(),
            client_id: client.id,
            client_secret: secret,
        });
    }
    Ok(created)
}
