//! The public agenda's rules: which activities partners see, the public registration, and one
//! public activity (also read by the web app's server for search engines).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{NaiveDateTime, Utc};
use shared::activities::{
    ActivityStatus, PublicEvent, RegistrationSource, RegistrationStatus, Visibility,
};
use shared::people::{PersonSource, PersonStatus};
use shared::Lang;
use uuid::Uuid;

use crate::activities::dto::pick;
use crate::activities::feeds::cache::Version;
use crate::activities::public::agenda::{AgendaCache, Entry, Page};
use crate::activities::public::dto::public_event;
use crate::activities::public::store::{self as confirmations, ConfirmationRow};
use crate::activities::service::{lock_activity, register, seat_answer};
use crate::activities::store::{self as store, ActivityQuery, ActivityRecord, ActivityRow};
use crate::audit::Actor;
use crate::db::{write_transaction, Db, DbConnection};
use crate::error::ApiError;
use crate::i18n::Msg;
use crate::people::domain::{IntakeForm, PersonData};
use crate::people::intake::{self, Admission, Consent};
use crate::people::store::PersonRow;

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
    /// Folded words that must all be in the title or description (any language).
    pub words: Vec<String>,
    /// Language codes the activity is held in, any of them.
    pub languages: Vec<String>,
}

/// The folded words a visitor searches for (`Liège, café` → `liege`, `cafe`).
pub fn search_words(q: &str) -> Vec<String> {
    crate::people::domain::fold(q)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A page of public activities, with what rendering them needs.
#[derive(Debug)]
pub struct Events {
    pub entries: Vec<Entry>,
    pub count: i64,
    /// Tag slugs by tag id.
    pub slugs: Arc<HashMap<String, String>>,
    pub lang: Lang,
}

/// Version of the public agenda: its latest change and how many activities it holds.
pub fn agenda_version(conn: &mut DbConnection) -> Result<(Option<NaiveDateTime>, i64), ApiError> {
    Ok(store::public_version(conn)?)
}

/// Public activities of one feed page, from the in-memory agenda at `version` (see
/// [`agenda`](super::agenda)).
pub async fn events(
    db: &Db,
    agenda: &AgendaCache,
    version: Version,
    sel: Selection,
    offset: i64,
    limit: i64,
) -> Result<Events, ApiError> {
    let agenda = agenda.get(db, version).await?;
    let (entries, count) = agenda.select(Page {
        query: &sel.query,
        tag_slugs: &sel.tag_slugs,
        words: &sel.words,
        languages: &sel.languages,
        descending: sel.descending,
        offset: usize::try_from(offset).unwrap_or(usize::MAX),
        limit: usize::try_from(limit).unwrap_or(usize::MAX),
    });
    Ok(Events {
        entries,
        count: i64::try_from(count).unwrap_or(i64::MAX),
        slugs: agenda.slugs.clone(),
        lang: sel.lang,
    })
}

/// Whether the public may see this activity at all.
fn is_public(row: &ActivityRow) -> bool {
    row.visibility == Visibility::Public && row.status != ActivityStatus::Draft
}

/// Whether the public sees the activity as cancelled: it is, or it was public and has been set
/// back to draft or internal (it only comes back in the feeds for that reason).
pub fn shown_cancelled(row: &ActivityRow) -> bool {
    row.status == ActivityStatus::Cancelled || !is_public(row)
}

/// A public (published or cancelled, or withdrawn: shown cancelled) activity, or `NotFound`.
pub async fn load_public(
    db: &Db,
    base: &str,
    id: Uuid,
    lang: Lang,
) -> Result<PublicEvent, ApiError> {
    let (rec, slugs) = public_record(db, id).await?;
    public_event(&rec, lang, base, &slugs)
}

/// The record of a public activity (as [`load_public`] finds it) and the tag slugs by id.
pub async fn public_record(
    db: &Db,
    id: Uuid,
) -> Result<(ActivityRecord, HashMap<String, String>), ApiError> {
    let id = id.to_string();
    db.run(move |conn| {
        let row = ActivityRow::get(conn, &id)?;
        // A withdrawn activity keeps its page, as cancelled, for the links feeds gave out.
        if !is_public(&row) && !store::was_public(conn, &id)? {
            return Err(ApiError::NotFound);
        }
        let rec = store::records(conn, vec![row])?
            .pop()
            .ok_or(ApiError::NotFound)?;
        Ok((rec, store::tag_slugs(conn)?))
    })
    .await
}

/// A visitor's registration to a public activity, checked already.
#[derive(Debug)]
pub struct PublicSignup {
    pub person: PersonData,
    pub notice_version: String,
    pub lang: Lang,
}

/// Registers a visitor to a public activity. The answer is the same whoever the email or phone
/// belongs to: the seat (or waiting-list place) someone like the form describes gets now. A new
/// person is registered at once; an existing one (by the intake policy) only once they follow
/// the link sent to the address on their record; someone already holding a place (or waiting)
/// under this email or phone changes nothing.
pub fn register_visitor(
    conn: &mut DbConnection,
    activity_id: &str,
    form: &PublicSignup,
    actor: &Actor,
) -> Result<RegistrationStatus, ApiError> {
    write_transaction(conn, |conn| {
        lock_activity(conn, activity_id)?;
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
        let consent = Consent {
            notice_version: &form.notice_version,
            lang: form.lang,
        };
        // What a newcomer to the platform with these answers would be told.
        let category = PersonRow::new(
            &form.person,
            PersonSource::PublicSignup,
            PersonStatus::ToReview,
            None,
            None,
        )
        .category();
        match intake::decide(conn, IntakeForm::Registration, &form.person)? {
            Admission::Confirm(person) => {
                let answer = seat_answer(conn, &activity, category)?;
                if !confirmations::holds_place(conn, &activity.id, &person.id)?
                    && !confirmations::open_for(conn, &activity.id, &person.id)?
                {
                    ask_confirmation(conn, &activity, &person.id, form.lang)?;
                }
                Ok(answer)
            }
            Admission::Create {
                possible_duplicate: Some(matched),
            } if confirmations::holds_place(conn, &activity.id, &matched)? => {
                seat_answer(conn, &activity, category)
            }
            Admission::Create { possible_duplicate } => {
                let person =
                    intake::create_visitor(conn, &form.person, consent, possible_duplicate)?;
                let reg = register(
                    conn,
                    &activity.id,
                    &person,
                    RegistrationSource::Public,
                    None,
                    actor,
                )?;
                Ok(reg.status)
            }
        }
    })
}

/// Whether the activity still has free places (below its capacity): a visitor waitlisted then
/// waits because the places are held for the mix target, not because it is full.
pub fn places_free(conn: &mut DbConnection, activity_id: &str) -> Result<bool, ApiError> {
    let activity = ActivityRow::get(conn, activity_id)?;
    let Some(capacity) = activity.capacity else {
        return Ok(true);
    };
    let counts = store::counts(conn, &[activity_id.to_owned()])?
        .remove(activity_id)
        .unwrap_or_default();
    Ok(i64::from(counts.registered + counts.attended) < i64::from(capacity))
}

/// Where confirmation links point: a page the server renders (see `http::security`).
pub const CONFIRM_PATH: &str = "/confirm/registration";

/// How long a confirmation link stays valid (and never past the activity's start).
const CONFIRMATION_DAYS: i64 = 7;

/// Queues the email with a one-time link for the person to confirm a registration in their
/// name. The token's hash is kept; the token itself only until the email is sent.
fn ask_confirmation(
    conn: &mut DbConnection,
    activity: &ActivityRow,
    person_id: &str,
    lang: Lang,
) -> Result<(), ApiError> {
    let mut bytes = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
    let token = base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, bytes);
    let now = crate::db::now();
    ConfirmationRow {
        id: Uuid::now_v7().to_string(),
        token_hash: crate::accounts::tokens::hash(&token),
        token: Some(token),
        activity_id: activity.id.clone(),
        person_id: person_id.to_owned(),
        lang: lang.code().to_owned(),
        status: "pending".into(),
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
        expires_at: (now + chrono::Duration::days(CONFIRMATION_DAYS)).min(activity.starts_at),
        confirmed_at: None,
    }
    .insert(conn)?;
    Ok(())
}

/// What following a confirmation link led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    /// Registered, or on the waiting list (or already so).
    Done(RegistrationStatus),
    /// The activity no longer takes registrations.
    Closed,
    /// Unknown, used or expired link.
    Invalid,
}

/// The link's language and activity title, for the page that asks to confirm; `None` for a
/// link that is unknown, used or expired.
pub fn confirmation_preview(
    conn: &mut DbConnection,
    token: &str,
) -> Result<Option<(Lang, String)>, ApiError> {
    let Some(row) = confirmations::find_open(conn, &crate::accounts::tokens::hash(token))? else {
        return Ok(None);
    };
    let lang = Lang::from_tag(&row.lang).unwrap_or(Lang::Fr);
    let activity = ActivityRow::get(conn, &row.activity_id)?;
    Ok(Some((lang, pick(&activity.title.0, lang.code()))))
}

/// Follows a confirmation link: registers the person it was sent to, once.
pub fn confirm_registration(
    conn: &mut DbConnection,
    token: &str,
    actor: &Actor,
) -> Result<(Lang, Confirmation), ApiError> {
    write_transaction(conn, |conn| {
        let hash = crate::accounts::tokens::hash(token);
        let Some(row) = confirmations::find_open(conn, &hash)? else {
            return Ok((Lang::Fr, Confirmation::Invalid));
        };
        let lang = Lang::from_tag(&row.lang).unwrap_or(Lang::Fr);
        lock_activity(conn, &row.activity_id)?;
        if !confirmations::mark_confirmed(conn, &row.id)? {
            return Ok((lang, Confirmation::Invalid));
        }
        let activity = ActivityRow::get(conn, &row.activity_id)?;
        if !is_public(&activity) || !activity.registration_open(Utc::now()) {
            return Ok((lang, Confirmation::Closed));
        }
        let Some(person) = PersonRow::find(conn, crate::db::stored_id(&row.person_id)?)?
            .filter(|p| p.anonymised_at.is_none())
        else {
            return Ok((lang, Confirmation::Invalid));
        };
        let status = match register(
            conn,
            &activity.id,
            &person,
            RegistrationSource::Public,
            None,
            actor,
        ) {
            Ok(reg) => reg.status,
            // Registered meanwhile (by the team, or another link): nothing to change.
            Err(ApiError::Conflict {
                field: Some("person_id"),
                ..
            }) => store::RegistrationRow::find(conn, &activity.id, &person.id)?
                .map_or(RegistrationStatus::Registered, |r| r.status),
            Err(e) => return Err(e),
        };
        Ok((lang, Confirmation::Done(status)))
    })
}

#[cfg(test)]
mod tests {
    use super::search_words;

    #[test]
    fn a_search_is_its_folded_words() {
        assert_eq!(
            search_words("  Liège, CAFÉ-Yılmaz "),
            ["liege", "cafe", "yilmaz"]
        );
        assert!(search_words(" ,; ").is_empty());
    }
}
