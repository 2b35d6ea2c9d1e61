//! People: one profile across the programmes, with memberships, consents, coaches, the right of
//! access (export) and the right to erasure (anonymisation).

use std::collections::BTreeSet;

use actix_web::{delete, get, post, put, web, HttpRequest, HttpResponse};
use chrono::Months;
use serde_json::json;
use shared::audit::PersonHistoryEntry;
use shared::consent::{Consent, ConsentInput};
use shared::page::PageParams;
use shared::people::{
    AnonymiseRequest, AnonymiseResult, BulkAnonymiseRequest, CoachAssignment, FrenchLevel,
    LanguageSkill, Membership, MembershipInput, MembershipUpdate, PeopleFilter, Person,
    PersonInput, PersonStatus, PersonSummary, PersonTag, Programme, ReviewDecision, ReviewOutcome,
};
use shared::{Lang, Page};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::accounts::store::UserRow;
use crate::audit::{self, Actor, AuditQuery};
use crate::db::{write_transaction, DbConnection};
use crate::error::ApiError;
use crate::http::auth::{AuthUser, Permission};
use crate::http::context::actor;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::http::paging::page_links;
use crate::i18n::Msg;
use crate::people::domain::{current_year, display_name, PersonData};
use crate::people::store::vocabulary as tags;
use crate::people::store::{
    self as people, CoachRow, ConsentRow, MembershipRow, PeopleQuery, PersonRecord, PersonRow,
    Sort, Source,
};
use crate::state::AppState;
use crate::telemetry::lang_of;

pub fn configure(cfg: &mut ServiceConfig) {
    // Fixed paths before `/{id}`.
    cfg.service(list_people)
        .service(create_person)
        .service(retention_review)
        .service(anonymise_people)
        .service(get_person)
        .service(update_person)
        .service(archive_person)
        .service(restore_person)
        .service(review_person)
        .service(add_membership)
        .service(update_membership)
        .service(add_consent)
        .service(withdraw_consent)
        .service(add_coach)
        .service(remove_coach)
        .service(export_person)
        .service(person_history)
        .service(anonymise_person);
}

const CONFIRMATION_WORD: &str = "anonymise";

fn parse<T: std::str::FromStr>(s: &str, what: &str) -> Result<T, ApiError> {
    s.parse()
        .map_err(|_| anyhow::anyhow!("unknown {what} {s:?} in the database").into())
}

fn label(labels: &[String; 4], lang: Lang) -> String {
    let i = match lang {
        Lang::Fr => 0,
        Lang::En => 1,
        Lang::Nl => 2,
        Lang::Ar => 3,
    };
    labels[i].clone()
}

fn membership_dto(m: &MembershipRow) -> Result<Membership, ApiError> {
    Ok(Membership {
        id: parse(&m.id, "membership id")?,
        programme: parse(&m.programme, "programme")?,
        role: parse(&m.role, "role")?,
        status: parse(&m.status, "membership status")?,
        started_on: m.started_on,
        ended_on: m.ended_on,
    })
}

fn consent_dto(c: &ConsentRow) -> Result<Consent, ApiError> {
    Ok(Consent {
        id: parse(&c.id, "consent id")?,
        purpose: parse(&c.purpose, "purpose")?,
        notice_version: c.notice_version.clone(),
        notice_lang: Lang::from_tag(&c.notice_lang).unwrap_or_default(),
        method: parse(&c.method, "consent method")?,
        given_at: c.given_at.and_utc(),
        recorded_by: c.recorded_by.as_deref().and_then(|s| s.parse().ok()),
        withdrawn_at: c.withdrawn_at.map(|t| t.and_utc()),
    })
}

/// The staff view of a person; staff notes only for roles that may see them.
pub fn person_dto(rec: &PersonRecord, lang: Lang, with_notes: bool) -> Result<Person, ApiError> {
    let r = &rec.row;
    let (category, computed) = r.categories()?;
    Ok(Person {
        id: r.uuid()?,
        first_name: r.first_name.clone(),
        last_name: r.last_name.clone(),
        preferred_name: r.preferred_name.clone(),
        display_name: display_name(
            &r.first_name,
            r.last_name.as_deref(),
            r.preferred_name.as_deref(),
        ),
        email: r.email.clone(),
        phone: r.phone.clone(),
        preferred_channel: r.preferred_channel.as_deref().and_then(|c| c.parse().ok()),
        street: r.street.clone(),
        postcode: r.postcode.clone(),
        commune: r.commune.clone(),
        profile: parse(&r.profile, "profile")?,
        arrival_year: r.arrival_year,
        category,
        computed_category: computed,
        category_override: r.category_override.as_deref().and_then(|c| c.parse().ok()),
        category_override_reason: r.category_override_reason.clone(),
        birth_year: r.birth_year,
        gender: r.gender.clone(),
        french_level: r.french_level.as_deref().and_then(|f| f.parse().ok()),
        origin_region: r.origin_region.clone(),
        languages: rec
            .languages
            .iter()
            .map(|l| {
                Ok(LanguageSkill {
                    language: l.language.clone(),
                    level: parse(&l.level, "language level")?,
                })
            })
            .collect::<Result<_, ApiError>>()?,
        tags: rec
            .tags
            .iter()
            .map(|t| {
                Ok(PersonTag {
                    tag_id: parse(&t.tag_id, "tag id")?,
                    slug: t.slug.clone(),
                    label: label(&t.labels, lang),
                    kind: parse(&t.kind, "tag kind")?,
                })
            })
            .collect::<Result<_, ApiError>>()?,
        availability: rec
            .availability
            .iter()
            .filter_map(|a| a.slot.parse().ok())
            .collect(),
        presentation: r.presentation.clone(),
        staff_notes: if with_notes {
            r.staff_notes.clone()
        } else {
            None
        },
        status: parse(&r.status, "person status")?,
        possible_duplicate_of: r
            .possible_duplicate_of
            .as_deref()
            .and_then(|s| s.parse().ok()),
        archived: r.archived,
        anonymised: r.anonymised_at.is_some(),
        memberships: rec
            .memberships
            .iter()
            .map(membership_dto)
            .collect::<Result<_, _>>()?,
        consents: rec
            .consents
            .iter()
            .map(consent_dto)
            .collect::<Result<_, _>>()?,
        coaches: rec
            .coaches
            .iter()
            .filter_map(|c| c.user_id.parse().ok())
            .collect(),
        created_at: r.created_at.and_utc(),
        updated_at: r.updated_at.and_utc(),
        last_activity_at: r.last_activity_at.and_utc(),
    })
}

/// A person in a list.
fn summary_dto(r: &PersonRow, programmes: Vec<Programme>) -> Result<PersonSummary, ApiError> {
    let (category, _) = r.categories()?;
    Ok(PersonSummary {
        id: r.uuid()?,
        display_name: display_name(
            &r.first_name,
            r.last_name.as_deref(),
            r.preferred_name.as_deref(),
        ),
        email: r.email.clone(),
        phone: r.phone.clone(),
        commune: r.commune.clone(),
        postcode: r.postcode.clone(),
        category,
        french_level: r.french_level.as_deref().and_then(|f| f.parse().ok()),
        programmes,
        status: parse(&r.status, "person status")?,
        archived: r.archived,
        updated_at: r.updated_at.and_utc(),
        last_activity_at: r.last_activity_at.and_utc(),
    })
}

/// Loads a person the caller may see: coaches get 404 for people they do not accompany.
fn load_visible(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: Uuid,
) -> Result<PersonRecord, ApiError> {
    let rec = people::load_record(conn, id)?;
    if let Some(coach) = user.people_scope() {
        if !rec.coaches.iter().any(|c| c.user_id == coach) {
            return Err(ApiError::NotFound);
        }
    }
    Ok(rec)
}

/// Names of the fields that differ between two versions of a person (never their values).
fn changed_fields(before: &PersonRecord, after_row: &PersonRow, after: &PersonData) -> Vec<String> {
    let skip = ["updated_at", "last_activity_at", "created_at"];
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) = (
        serde_json::to_value(&before.row),
        serde_json::to_value(after_row),
    ) else {
        return vec![];
    };
    let mut changed: Vec<String> = a
        .iter()
        .filter(|(k, v)| !skip.contains(&k.as_str()) && b.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect();
    let langs_before: BTreeSet<(String, String)> = before
        .languages
        .iter()
        .map(|l| (l.language.clone(), l.level.clone()))
        .collect();
    let langs_after: BTreeSet<(String, String)> = after
        .languages
        .iter()
        .map(|l| (l.language.clone(), l.level.as_str().to_owned()))
        .collect();
    if langs_before != langs_after {
        changed.push("languages".into());
    }
    let tags_before: BTreeSet<(String, String)> = before
        .tags
        .iter()
        .map(|t| (t.tag_id.clone(), t.kind.clone()))
        .collect();
    let tags_after: BTreeSet<(String, String)> = after
        .tags
        .iter()
        .map(|t| (t.tag_id.to_string(), t.kind.as_str().to_owned()))
        .collect();
    if tags_before != tags_after {
        changed.push("tags".into());
    }
    let slots_before: BTreeSet<String> =
        before.availability.iter().map(|a| a.slot.clone()).collect();
    let slots_after: BTreeSet<String> = after.availability.iter().map(|s| s.to_string()).collect();
    if slots_before != slots_after {
        changed.push("availability".into());
    }
    changed
}

fn check_tags(conn: &mut DbConnection, data: &PersonData) -> Result<(), ApiError> {
    let ids: Vec<String> = data.tags.iter().map(|t| t.tag_id.to_string()).collect();
    let unknown = people::unknown_tags(conn, &ids)?;
    if unknown.is_empty() {
        return Ok(());
    }
    Err(ApiError::Validation(
        ids.iter()
            .enumerate()
            .filter(|(_, id)| unknown.contains(id))
            .map(|(i, _)| (format!("tags[{i}].tag_id"), Msg::UnknownTag))
            .collect(),
    ))
}

fn record(
    conn: &mut DbConnection,
    actor: &Actor,
    action: &str,
    person_id: &str,
    details: serde_json::Value,
) -> Result<(), ApiError> {
    crate::audit::audit_event(conn, actor, action, "person", person_id, details)
}

fn french_range(min: Option<FrenchLevel>, max: Option<FrenchLevel>) -> Option<Vec<FrenchLevel>> {
    if min.is_none() && max.is_none() {
        return None;
    }
    Some(
        FrenchLevel::ALL
            .iter()
            .copied()
            .filter(|l| min.is_none_or(|m| *l >= m) && max.is_none_or(|m| *l <= m))
            .collect(),
    )
}

/// List people, with combinable filters.
///
/// Coaches see only the people they accompany.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(PeopleFilter), responses(
    (status = 200, body = Page<PersonSummary>),
    ReadErrors
))]
#[get("")]
pub async fn list_people(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    query: Query<PeopleFilter>,
) -> Result<web::Json<Page<PersonSummary>>, ApiError> {
    user.require(Permission::ReadPeople)?;
    let f = query.0;
    let params = PageParams {
        page: f.page,
        page_size: f.page_size,
    };
    let sort = match f.sort.as_deref() {
        None | Some("") => Sort::Name,
        Some(s) => Sort::parse(s).ok_or_else(|| ApiError::field("sort", Msg::InvalidValue))?,
    };
    let tag_keys: Vec<String> = f
        .tags
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let mut q = PeopleQuery {
        q: f.q,
        tags: vec![],
        programme: f.programme,
        role: f.role,
        language: f
            .language
            .map(|l| l.trim().to_ascii_lowercase())
            .filter(|l| !l.is_empty()),
        french_levels: french_range(f.french_min, f.french_max),
        commune: f.commune.filter(|c| !c.trim().is_empty()),
        postcode: f
            .postcode
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty()),
        category: f.category,
        slot: f.slot,
        status: f.status,
        archived: f.archived.unwrap_or(false),
        coach: user.people_scope(),
        sort,
    };
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let year = current_year();
    let (rows, count, programmes) = state
        .db
        .run(move |conn| {
            let (found, unknown) = tags::resolve(conn, &tag_keys)?;
            if !unknown.is_empty() {
                return Err(ApiError::field("tags", Msg::UnknownTag));
            }
            q.tags = found;
            let (rows, count) = people::list(conn, &q, offset, limit, year)?;
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let programmes = people::programmes_of(conn, &ids)?;
            Ok((rows, count, programmes))
        })
        .await?;
    let count = u64::try_from(count).unwrap_or(0);
    let (next, previous) = page_links(&req, &params, count);
    let results = rows
        .iter()
        .map(|r| {
            let mut progs: Vec<Programme> = programmes
                .get(&r.id)
                .map(|v| v.iter().filter_map(|p| p.parse().ok()).collect())
                .unwrap_or_default();
            progs.sort();
            summary_dto(r, progs)
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results,
    }))
}

/// Record a new person.
///
/// Answers 409 with `conflict_id` when someone already has this email or phone, unless
/// `confirm_distinct` is true.
#[utoipa::path(tag = "people", security(("bearer" = [])), request_body = PersonInput, responses(
    (status = 201, body = Person),
    WriteErrors
))]
#[post("")]
pub async fn create_person(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    body: Json<PersonInput>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WritePeople)?;
    let input = body.0;
    let data = PersonData::parse(&input)?;
    let actor = actor(&req, Some(&user));
    let lang = lang_of(&req);
    let created_by = Some(user.id.to_string());
    let rec = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                check_tags(conn, &data)?;
                if !input.confirm_distinct {
                    if let Some(existing) = people::find_duplicate(
                        conn,
                        data.email.as_deref(),
                        data.phone.as_deref(),
                        None,
                    )? {
                        return Err(ApiError::Duplicate(existing));
                    }
                }
                let row =
                    PersonRow::new(&data, Source::Staff, PersonStatus::Active, None, created_by);
                row.insert(conn)?;
                people::replace_children(conn, &row.id, &data)?;
                record(
                    conn,
                    &actor,
                    "person.created",
                    &row.id,
                    json!({ "source": "staff" }),
                )?;
                people::load_record(conn, row.uuid()?)
            })
        })
        .await?;
    let dto = person_dto(&rec, lang, true)?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/people/{}", dto.id)))
        .json(dto))
}

/// One person, with memberships, consents and coaches.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Person),
    ItemErrors
))]
#[get("/{id}")]
pub async fn get_person(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<Person>, ApiError> {
    user.require(Permission::ReadPeople)?;
    let id = id.into_inner();
    let notes = user.sees_staff_notes();
    let u = user.clone();
    let rec = state.db.run(move |conn| load_visible(conn, &u, id)).await?;
    Ok(web::Json(person_dto(&rec, lang_of(&req), notes)?))
}

/// Replace a person's profile (every field of the form).
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = PersonInput, responses(
    (status = 200, body = Person),
    WriteErrors
))]
#[put("/{id}")]
pub async fn update_person(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<PersonInput>,
) -> Result<web::Json<Person>, ApiError> {
    user.require(Permission::WritePeople)?;
    let id = id.into_inner();
    let input = body.0;
    let data = PersonData::parse(&input)?;
    let actor = actor(&req, Some(&user));
    let rec = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let before = people::load_record(conn, id)?;
                if before.row.anonymised_at.is_some() {
                    return Err(ApiError::NotFound);
                }
                check_tags(conn, &data)?;
                if !input.confirm_distinct {
                    if let Some(existing) = people::find_duplicate(
                        conn,
                        data.email.as_deref(),
                        data.phone.as_deref(),
                        Some(&before.row.id),
                    )? {
                        return Err(ApiError::Duplicate(existing));
                    }
                }
                let mut row = before.row.clone();
                row.apply(&data);
                let changed = changed_fields(&before, &row, &data);
                if !changed.is_empty() {
                    row.last_activity_at = crate::db::now();
                    row.save(conn)?;
                    people::replace_children(conn, &row.id, &data)?;
                    record(
                        conn,
                        &actor,
                        "person.updated",
                        &row.id,
                        json!({ "changed": changed }),
                    )?;
                }
                people::load_record(conn, id)
            })
        })
        .await?;
    Ok(web::Json(person_dto(&rec, lang_of(&req), true)?))
}

async fn set_archived(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: Uuid,
    archived: bool,
) -> Result<web::Json<Person>, ApiError> {
    user.require(Permission::WritePeople)?;
    let actor = actor(&req, Some(&user));
    let rec = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let mut row = PersonRow::get(conn, id)?;
                if row.anonymised_at.is_some() && !archived {
                    return Err(ApiError::NotFound);
                }
                if row.archived != archived {
                    row.archived = archived;
                    row.save(conn)?;
                    let action = if archived {
                        "person.archived"
                    } else {
                        "person.restored"
                    };
                    record(conn, &actor, action, &row.id, json!({}))?;
                }
                people::load_record(conn, id)
            })
        })
        .await?;
    Ok(web::Json(person_dto(&rec, lang_of(&req), true)?))
}

/// Archive a person (kept, hidden from the default lists).
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Person),
    WriteErrors
))]
#[post("/{id}/archive")]
pub async fn archive_person(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<Person>, ApiError> {
    set_archived(state, req, user, id.into_inner(), true).await
}

/// Bring an archived person back.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Person),
    WriteErrors
))]
#[post("/{id}/restore")]
pub async fn restore_person(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<Person>, ApiError> {
    set_archived(state, req, user, id.into_inner(), false).await
}

/// Decide on a person to review (public sign-up, possible duplicate).
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = ReviewDecision, responses(
    (status = 200, body = Person),
    WriteErrors
))]
#[post("/{id}/review")]
pub async fn review_person(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<ReviewDecision>,
) -> Result<web::Json<Person>, ApiError> {
    user.require(Permission::WritePeople)?;
    let id = id.into_inner();
    let decision = body.0.decision;
    let actor = actor(&req, Some(&user));
    let rec = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let mut row = PersonRow::get(conn, id)?;
                row.status = PersonStatus::Active.as_str().to_owned();
                row.possible_duplicate_of = None;
                if decision == ReviewOutcome::Archive {
                    row.archived = true;
                }
                row.save(conn)?;
                record(
                    conn,
                    &actor,
                    "person.reviewed",
                    &row.id,
                    json!({ "decision": decision.as_str() }),
                )?;
                people::load_record(conn, id)
            })
        })
        .await?;
    Ok(web::Json(person_dto(&rec, lang_of(&req), true)?))
}

/// Add a programme membership.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = MembershipInput, responses(
    (status = 201, body = Membership),
    WriteErrors
))]
#[post("/{id}/memberships")]
pub async fn add_membership(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<MembershipInput>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WritePeople)?;
    let id = id.into_inner();
    let m = body.0;
    let started_on = m
        .started_on
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    if m.ended_on.is_some_and(|e| e < started_on) {
        return Err(ApiError::field("ended_on", Msg::EndBeforeStart));
    }
    let actor = actor(&req, Some(&user));
    let row = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let person = PersonRow::get(conn, id)?;
                let now = crate::db::now();
                let row = MembershipRow {
                    id: Uuid::now_v7().to_string(),
                    person_id: person.id.clone(),
                    programme: m.programme.as_str().to_owned(),
                    role: m.role.as_str().to_owned(),
                    status: m.status.as_str().to_owned(),
                    started_on,
                    ended_on: m.ended_on,
                    created_at: now,
                    updated_at: now,
                };
                row.insert(conn)?;
                people::touch(conn, &person.id)?;
                record(
                    conn,
                    &actor,
                    "person.membership_added",
                    &person.id,
                    json!({ "membership": row.id, "programme": row.programme, "role": row.role, "status": row.status }),
                )?;
                Ok(row)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(membership_dto(&row)?))
}

/// Change a membership's role, status or end date.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path), ("membership_id" = Uuid, Path)), request_body = MembershipUpdate, responses(
    (status = 200, body = Membership),
    WriteErrors
))]
#[put("/{id}/memberships/{membership_id}")]
pub async fn update_membership(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
    body: Json<MembershipUpdate>,
) -> Result<web::Json<Membership>, ApiError> {
    user.require(Permission::WritePeople)?;
    let (id, mid) = path.into_inner();
    let u = body.0;
    let actor = actor(&req, Some(&user));
    let row = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let person = PersonRow::get(conn, id)?;
                let mut row = MembershipRow::get(conn, &person.id, mid)?;
                let mut changed = Vec::new();
                if let Some(r) = u.role {
                    row.role = r.as_str().to_owned();
                    changed.push("role");
                }
                if let Some(s) = u.status {
                    row.status = s.as_str().to_owned();
                    changed.push("status");
                }
                if let Some(e) = u.ended_on {
                    if e < row.started_on {
                        return Err(ApiError::field("ended_on", Msg::EndBeforeStart));
                    }
                    row.ended_on = Some(e);
                    changed.push("ended_on");
                }
                row.save(conn)?;
                people::touch(conn, &person.id)?;
                record(
                    conn,
                    &actor,
                    "person.membership_updated",
                    &person.id,
                    json!({ "membership": row.id, "changed": changed, "status": row.status }),
                )?;
                Ok(row)
            })
        })
        .await?;
    Ok(web::Json(membership_dto(&row)?))
}

/// Record a consent (web form, or paper/oral consent entered by the signed-in staff member).
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = ConsentInput, responses(
    (status = 201, body = Consent),
    WriteErrors
))]
#[post("/{id}/consents")]
pub async fn add_consent(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<ConsentInput>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WritePeople)?;
    let id = id.into_inner();
    let c = body.0;
    let version = c.notice_version.trim().to_owned();
    if !crate::people::privacy::is_known_version(&version) {
        return Err(ApiError::field("notice_version", Msg::InvalidValue));
    }
    let given_at = c
        .given_at
        .map(|t| t.naive_utc())
        .unwrap_or_else(crate::db::now);
    if given_at > crate::db::now() + chrono::Duration::minutes(5) {
        return Err(ApiError::field("given_at", Msg::InvalidValue));
    }
    let actor = actor(&req, Some(&user));
    let recorded_by = user.id.to_string();
    let row = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let person = PersonRow::get(conn, id)?;
                let row = ConsentRow {
                    id: Uuid::now_v7().to_string(),
                    person_id: person.id.clone(),
                    purpose: c.purpose.as_str().to_owned(),
                    notice_version: version,
                    notice_lang: c.notice_lang.code().to_owned(),
                    method: c.method.as_str().to_owned(),
                    given_at,
                    recorded_by: Some(recorded_by),
                    withdrawn_at: None,
                    withdrawn_by: None,
                };
                row.insert(conn)?;
                record(
                    conn,
                    &actor,
                    "person.consent_given",
                    &person.id,
                    json!({ "consent": row.id, "purpose": row.purpose, "method": row.method, "notice_version": row.notice_version }),
                )?;
                Ok(row)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(consent_dto(&row)?))
}

/// Record the withdrawal of a consent.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path), ("consent_id" = Uuid, Path)), responses(
    (status = 204, description = "Withdrawn"),
    WriteErrors
))]
#[post("/{id}/consents/{consent_id}/withdraw")]
pub async fn withdraw_consent(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WritePeople)?;
    let (id, cid) = path.into_inner();
    let actor = actor(&req, Some(&user));
    let by = Some(user.id.to_string());
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let person = PersonRow::get(conn, id)?;
                ConsentRow::withdraw(conn, &person.id, cid, by)?;
                record(
                    conn,
                    &actor,
                    "person.consent_withdrawn",
                    &person.id,
                    json!({ "consent": cid }),
                )
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Assign a coach who accompanies this person (the coach then sees the person).
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = CoachAssignment, responses(
    (status = 204, description = "Assigned"),
    WriteErrors
))]
#[post("/{id}/coaches")]
pub async fn add_coach(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<CoachAssignment>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WritePeople)?;
    let id = id.into_inner();
    let coach_id = body.0.user_id;
    let actor = actor(&req, Some(&user));
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let person = PersonRow::get(conn, id)?;
                match UserRow::find(conn, coach_id)? {
                    Some(u) if u.active => {}
                    _ => return Err(ApiError::field("user_id", Msg::NotACoach)),
                }
                CoachRow::add(conn, &person.id, &coach_id.to_string())?;
                record(
                    conn,
                    &actor,
                    "person.coach_assigned",
                    &person.id,
                    json!({ "coach": coach_id }),
                )
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Remove a coach from this person.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path), ("user_id" = Uuid, Path)), responses(
    (status = 204, description = "Removed"),
    WriteErrors
))]
#[delete("/{id}/coaches/{user_id}")]
pub async fn remove_coach(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WritePeople)?;
    let (id, coach_id) = path.into_inner();
    let actor = actor(&req, Some(&user));
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let person = PersonRow::get(conn, id)?;
                if CoachRow::remove(conn, &person.id, &coach_id.to_string())? == 0 {
                    return Err(ApiError::NotFound);
                }
                record(
                    conn,
                    &actor,
                    "person.coach_removed",
                    &person.id,
                    json!({ "coach": coach_id }),
                )
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Right of access: everything held about the person, as one JSON document.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "Every record about the person, per table", body = Object),
    ItemErrors
))]
#[get("/{id}/export")]
pub async fn export_person(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::WritePeople)?;
    let id = id.into_inner();
    let actor = actor(&req, Some(&user));
    let lang = lang_of(&req);
    let (rec, tables) = state
        .db
        .run(move |conn| {
            let rec = people::load_record(conn, id)?;
            record(conn, &actor, "person.exported", &rec.row.id, json!({}))?;
            let tables = people::export_tables(conn, &rec.row.id)?;
            Ok((rec, tables))
        })
        .await?;
    let doc = json!({
        "format": "interra.person-export/1",
        "exported_at": chrono::Utc::now(),
        "person": person_dto(&rec, lang, true)?,
        "records": tables,
    });
    Ok(HttpResponse::Ok()
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"interra-person-{id}.json\""),
        ))
        .insert_header(("Cache-Control", "no-store"))
        .json(doc))
}

/// The names of the fields an audit entry says changed (never values).
fn changed_names(details: &str) -> Vec<String> {
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(details)
    else {
        return vec![];
    };
    map.get("changed")
        .and_then(serde_json::Value::as_array)
        .map(|names| {
            names
                .iter()
                .filter_map(|n| n.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// A person's history: the audit entries about them, newest first.
///
/// Who acted (staff display name), when, what, and the names of the fields that changed —
/// never their values, nor addresses or request ids. Readable by whoever may read the person:
/// coaches only for the people they accompany (404 otherwise).
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path), PageParams), responses(
    (status = 200, body = Page<PersonHistoryEntry>),
    ItemErrors,
    ReadErrors
))]
#[get("/{id}/history")]
pub async fn person_history(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    query: Query<PageParams>,
) -> Result<web::Json<Page<PersonHistoryEntry>>, ApiError> {
    user.require(Permission::ReadPeople)?;
    let id = id.into_inner();
    let params = query.0;
    let offset = i64::try_from(params.offset()).unwrap_or(i64::MAX);
    let limit = i64::from(params.page_size());
    let (rows, count, names) = state
        .db
        .run(move |conn| {
            let rec = load_visible(conn, &user, id)?;
            let q = AuditQuery {
                entity_type: Some("person".into()),
                entity_id: Some(rec.row.id),
                ..AuditQuery::default()
            };
            let (rows, count) = audit::list(conn, &q, offset, limit)?;
            let mut actors: Vec<String> = rows.iter().filter_map(|r| r.actor_id.clone()).collect();
            actors.sort();
            actors.dedup();
            let names = audit::actor_names(conn, &actors)?;
            Ok((rows, count, names))
        })
        .await?;
    let count = u64::try_from(count).unwrap_or(0);
    let (next, previous) = page_links(&req, &params, count);
    let results = rows
        .into_iter()
        .map(|r| {
            Ok(PersonHistoryEntry {
                id: parse(&r.id, "audit id")?,
                occurred_at: r.occurred_at.and_utc(),
                actor_id: r.actor_id.as_deref().and_then(|a| a.parse().ok()),
                actor_name: r.actor_id.as_ref().and_then(|a| names.get(a).cloned()),
                changed: changed_names(&r.details),
                action: r.action,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(web::Json(Page {
        count,
        next,
        previous,
        results,
    }))
}

fn check_confirmation(word: &str) -> Result<(), ApiError> {
    if word.trim().eq_ignore_ascii_case(CONFIRMATION_WORD) {
        Ok(())
    } else {
        Err(ApiError::field("confirmation", Msg::ConfirmationRequired))
    }
}

fn anonymise_one(conn: &mut DbConnection, actor: &Actor, id: Uuid) -> Result<bool, ApiError> {
    let row = PersonRow::get(conn, id)?;
    if row.anonymised_at.is_some() {
        return Ok(false);
    }
    people::anonymise(conn, &row.id)?;
    record(conn, actor, "person.anonymised", &row.id, json!({}))?;
    Ok(true)
}

/// Right to erasure: irreversibly wipe every identifying value of a person.
///
/// Non-identifying facts stay for reports (category, memberships, interests). Requires
/// `{"confirmation": "anonymise"}`.
#[utoipa::path(tag = "people", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = AnonymiseRequest, responses(
    (status = 200, body = Person),
    WriteErrors
))]
#[post("/{id}/anonymise")]
pub async fn anonymise_person(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<AnonymiseRequest>,
) -> Result<web::Json<Person>, ApiError> {
    user.require(Permission::WritePeople)?;
    check_confirmation(&body.0.confirmation)?;
    let id = id.into_inner();
    let actor = actor(&req, Some(&user));
    let rec = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                anonymise_one(conn, &actor, id)?;
                people::load_record(conn, id)
            })
        })
        .await?;
    Ok(web::Json(person_dto(&rec, lang_of(&req), true)?))
}

/// People whose last activity is older than the retention period (administrators).
#[utoipa::path(tag = "people", security(("bearer" = [])), responses(
    (status = 200, body = Vec<PersonSummary>),
    ReadErrors
))]
#[get("/retention")]
pub async fn retention_review(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<web::Json<Vec<PersonSummary>>, ApiError> {
    user.require(Permission::ManageRetention)?;
    let months = state.settings.retention_months;
    let cutoff = chrono::Utc::now()
        .naive_utc()
        .checked_sub_months(Months::new(months))
        .unwrap_or_default();
    let rows = state
        .db
        .run(move |conn| Ok(people::past_retention(conn, cutoff, 1000)?))
        .await?;
    rows.iter()
        .map(|r| summary_dto(r, vec![]))
        .collect::<Result<Vec<_>, ApiError>>()
        .map(web::Json)
}

/// Anonymise several people at once (administrators; e.g. after the retention review).
#[utoipa::path(tag = "people", security(("bearer" = [])), request_body = BulkAnonymiseRequest, responses(
    (status = 200, body = AnonymiseResult),
    WriteErrors
))]
#[post("/anonymise")]
pub async fn anonymise_people(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    body: Json<BulkAnonymiseRequest>,
) -> Result<web::Json<AnonymiseResult>, ApiError> {
    user.require(Permission::ManageRetention)?;
    let BulkAnonymiseRequest { ids, confirmation } = body.0;
    check_confirmation(&confirmation)?;
    if ids.len() > 1000 {
        return Err(ApiError::field("ids", Msg::TooMany(1000)));
    }
    let actor = actor(&req, Some(&user));
    let done = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let mut done = Vec::new();
                for id in ids {
                    if anonymise_one(conn, &actor, id)? {
                        done.push(id);
                    }
                }
                Ok(done)
            })
        })
        .await?;
    Ok(web::Json(AnonymiseResult { anonymised: done }))
}
