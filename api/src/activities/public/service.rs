//! The public agenda's rules: which activities partners see, the public registration, and one
//! public activity (also read by the web app's server for search engines).

use std::collections::HashMap;

use chrono::{NaiveDateTime, Utc};
use shared::activities::{
    ActivityStatus, PublicEvent, RegistrationSource, RegistrationStatus, Visibility,
};
use shared::Lang;
use uuid::Uuid;

use crate::activities::public::dto::public_event;
use crate::activities::service::register;
use crate::activities::store::{self as store, ActivityQuery, ActivityRecord, ActivityRow};
use crate::audit::Actor;
use crate::db::{write_transaction, Db, DbConnection};
use crate::error::ApiError;
use crate::i18n::Msg;
use crate::people::domain::{IntakeForm, PersonData};
use crate::people::intake::{admit_visitor, Consent};

/// Cancelled activities stay in the feeds this long, so calendars see the cancellation.
pub const CANCELLED_KEPT_DAYS: i64 = 30;

/// Which public activities a feed lists, as its query asked.
#[derive(Debug, Clone)]
pub struct Selection {
    pub query: ActivityQuery,
    pub lang: Lang,
    pub descending: bool,
    /// Tag slugs, any of them.
    pub tag_slugs: Vec<String>,
}

/// A page of public activities, with what rendering them needs.
#[derive(Debug)]
pub struct Events {
    pub records: Vec<ActivityRecord>,
    pub count: i64,
    /// Tag slugs by tag id.
    pub slugs: HashMap<String, String>,
    pub lang: Lang,
}

/// Version of the public agenda: its latest change and how many activities it holds.
pub fn agenda_version(conn: &mut DbConnection) -> Result<(Option<NaiveDateTime>, i64), ApiError> {
    Ok(store::public_version(conn)?)
}

/// Public activities of one feed page.
pub async fn events(db: &Db, sel: Selection, offset: i64, limit: i64) -> Result<Events, ApiError> {
    let Selection {
        mut query,
        lang,
        descending,
        tag_slugs,
    } = sel;
    db.run(move |conn| {
        let slugs = store::tag_slugs(conn)?;
        if !tag_slugs.is_empty() {
            query.tags = slugs
                .iter()
                .filter(|(_, s)| tag_slugs.contains(s))
                .map(|(id, _)| id.clone())
                .collect();
            if query.tags.is_empty() {
                return Ok(Events {
                    records: vec![],
                    count: 0,
                    slugs,
                    lang,
                });
            }
        }
        let (mut rows, count) = store::list(conn, &query, offset, limit)?;
        if descending {
            rows.reverse();
        }
        Ok(Events {
            records: store::records(conn, rows)?,
            count,
            slugs,
            lang,
        })
    })
    .await
}

/// Whether the public may see this activity at all.
fn is_public(row: &ActivityRow) -> bool {
    row.visibility == Visibility::Public && row.status != ActivityStatus::Draft
}

/// A public (published or cancelled) activity, or `NotFound`.
pub async fn load_public(
    db: &Db,
    base: &str,
    id: Uuid,
    lang: Lang,
) -> Result<PublicEvent, ApiError> {
    let id = id.to_string();
    let (rec, slugs) = db
        .run(move |conn| {
            let row = ActivityRow::get(conn, &id)?;
            if !is_public(&row) {
                return Err(ApiError::NotFound);
            }
            let rec = store::records(conn, vec![row])?
                .pop()
                .ok_or(ApiError::NotFound)?;
            Ok((rec, store::tag_slugs(conn)?))
        })
        .await?;
    public_event(&rec, lang, base, &slugs)
}

/// A visitor's registration to a public activity, checked already.
#[derive(Debug)]
pub struct PublicSignup {
    pub person: PersonData,
    pub notice_version: String,
    pub lang: Lang,
}

/// Registers a visitor to a public activity: the person comes from the public intake policy;
/// someone already registered is answered with their current status, without details.
pub fn register_visitor(
    conn: &mut DbConnection,
    activity_id: &str,
    form: &PublicSignup,
    actor: &Actor,
) -> Result<RegistrationStatus, ApiError> {
    write_transaction(conn, |conn| {
        let activity = ActivityRow::get(conn, activity_id)?;
        if !is_public(&activity) {
            return Err(ApiError::NotFound);
        }
        if !activity.registration_open(Utc::now()) {
            return Err(ApiError::Conflict {
                msg: Msg::InvalidValue,
                field: Some("activity"),
            });
        }
        let person = admit_visitor(
            conn,
            IntakeForm::Registration,
            &form.person,
            Consent {
                notice_version: &form.notice_version,
                lang: form.lang,
            },
        )?
        .person;
        match register(
            conn,
            &activity.id,
            &person,
            RegistrationSource::Public,
            None,
            actor,
        ) {
            Ok(reg) => Ok(reg.status),
            Err(ApiError::Conflict {
                field: Some("person_id"),
                ..
            }) => {
                let reg = store::RegistrationRow::find(conn, &activity.id, &person.id)?;
                Ok(reg.map_or(RegistrationStatus::Registered, |r| r.status))
            }
            Err(e) => Err(e),
        }
    })
}
