//! Duo2Change: the candidate pool, explained suggestions, the optimal batch, proposals, duos,
//! their check-ins and health, and the matching weights.

use std::collections::HashMap;

use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use chrono::{Duration, NaiveDate};
use serde::Deserialize;
use serde_json::json;
use shared::duo::{
    AcceptedPair, BatchAccept, BatchPair, BatchPreview, BatchRequest, BatchUnmatched, Candidacy,
    CandidacyInput, CandidacyStatus, CheckIn, CheckInInput, Duo, DuoHealth, DuoOutcome, DuoStatus,
    DuoTransition, GenderIdentity, HealthLevel, Hope, MatchingSettings, PairRef, ScoreBreakdown,
    Suggestion, TravelRange,
};
use shared::people::{Category, LanguageLevel};
use shared::Lang;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::feedback::{self as duo_feedback, both_want_to_continue, FeedbackIndex};
use super::follow_ups as duo_follow_ups;
use crate::audit::audit_event as record;
use crate::audit::Actor;
use crate::db::{lock_rows, write_transaction, DbConnection};
use crate::db::{stored as parse, stored_id as uuid};
use crate::duo::domain::can_transition;
use crate::duo::matching::health::{self, Meeting, FOLLOW_UPS};
use crate::duo::matching::pool::{self, Unmatched};
use crate::duo::matching::score::{
    self, hopes, Blocked, Breakdown, Commune, Exclusion, Gender, Profile, Side, TagInfo, Travel,
    Weights, World,
};
use crate::duo::store::{self as store, CandidacyRow, CheckInRow, DuoRow, FollowUpRow};
use crate::duo::timeline as duo_timeline;
use crate::error::{ApiError, Validator};
use crate::http::auth::{AuthUser, Permission};
use crate::http::context::actor;
use crate::http::extract::{Json, Query};
use crate::http::openapi::{ItemErrors, ReadErrors, WriteErrors};
use crate::i18n::Msg;
use crate::people::domain::{current_year, optional_text, required_text};
use crate::people::store::PersonRow;
use crate::state::AppState;
use crate::telemetry::lang_of;

/// Routes under `/api/v1/duo`.
pub fn configure_duo(cfg: &mut ServiceConfig) {
    cfg.service(list_candidates)
        .service(create_candidate)
        .service(get_candidate)
        .service(update_candidate)
        .service(candidate_suggestions)
        .service(batch_preview)
        .service(batch_accept)
        .service(list_proposals)
        .service(create_proposal)
        .service(get_settings)
        .service(put_settings);
}

/// Routes under `/api/v1/duos`.
pub fn configure_duos(cfg: &mut ServiceConfig) {
    cfg.service(list_duos)
        .service(attention)
        .service(get_duo)
        .service(transition)
        .service(list_check_ins)
        .service(add_check_in);
}

pub(crate) fn require_manage(user: &AuthUser) -> Result<(), ApiError> {
    user.require(Permission::ManageDuos)
}

// ---------------------------------------------------------------- matching data

fn weights_from(json_text: &str) -> Weights {
    serde_json::from_str(json_text).unwrap_or_default()
}

fn settings_dto(version: i32, w: &Weights) -> MatchingSettings {
    MatchingSettings {
        version,
        interests: w.interests,
        language: w.language,
        availability: w.availability,
        distance: w.distance,
        hopes: w.hopes,
        age: w.age,
        waiting: w.waiting,
        threshold: w.threshold,
    }
}

fn breakdown_dto(b: &Breakdown) -> ScoreBreakdown {
    ScoreBreakdown {
        interests: b.interests,
        language: b.language,
        availability: b.availability,
        distance: b.distance,
        hopes: b.hopes,
        age: b.age,
        waiting: b.waiting,
        total: (b.total * 10.0).round() / 10.0,
    }
}

/// Everything a matching run needs, loaded in one go.
struct Pool {
    world: World,
    weights: Weights,
    version: i32,
    blocked: Blocked,
    candidacies: Vec<CandidacyRow>,
    profiles: Vec<Profile>,
    names: HashMap<String, String>,
}

fn hope_bits(s: &str) -> u8 {
    s.split(',')
        .filter_map(|h| h.parse::<Hope>().ok())
        .map(|h| match h {
            Hope::Conversation => hopes::CONVERSATION,
            Hope::Outings => hopes::OUTINGS,
            Hope::Sport => hopes::SPORT,
            Hope::Culture => hopes::CULTURE,
            Hope::DailyLife => hopes::DAILY_LIFE,
        })
        .fold(0, |a, b| a | b)
}

fn gender(g: Option<&str>) -> Option<Gender> {
    match g?.parse::<GenderIdentity>().ok()? {
        GenderIdentity::Woman => Some(Gender::Woman),
        GenderIdentity::Man => Some(Gender::Man),
        GenderIdentity::Other => Some(Gender::Other),
    }
}

/// Loads the candidacies with the given statuses (or the given ids) and builds their profiles.
fn load_pool(
    conn: &mut DbConnection,
    statuses: &[&str],
    extra_ids: &[String],
) -> Result<Pool, ApiError> {
    let (communes, links) = store::communes(conn)?;
    let index: HashMap<String, usize> = communes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    let mut world = World {
        communes: communes
            .iter()
            .map(|c| Commune {
                name: c.name.clone(),
                lat: c.latitude,
                lon: c.longitude,
                neighbours: vec![],
            })
            .collect(),
        tags: vec![],
        current_year: current_year(),
    };
    for (a, b) in links {
        if let (Some(&i), Some(&j)) = (index.get(&a), index.get(&b)) {
            world.communes[i].neighbours.push(j);
        }
    }
    let (tags, usage, total) = store::tag_usage(conn)?;
    let tag_index: HashMap<String, u32> = tags
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.clone(), i as u32))
        .collect();
    world.tags = tags
        .into_iter()
        .map(|(id, labels)| TagInfo {
            labels,
            specificity: World::specificity(
                u64::try_from(usage.get(&id).copied().unwrap_or(0)).unwrap_or(0),
                u64::try_from(total).unwrap_or(0),
            ),
        })
        .collect();
    let (version, weights_json) = store::latest_settings(conn)?;
    let mut blocked = Blocked::default();
    for (a, b) in store::blocks(conn)? {
        if let (Ok(a), Ok(b)) = (a.parse(), b.parse()) {
            blocked.insert(a, b);
        }
    }
    let mut candidacies: Vec<CandidacyRow> = Vec::new();
    for s in statuses {
        candidacies.extend(
            store::list_candidacies(conn, Some(s), None, None)?
                .into_iter()
                .map(|(c, ..)| c),
        );
    }
    for id in extra_ids {
        if !candidacies.iter().any(|c| &c.id == id) {
            candidacies.push(CandidacyRow::get(conn, id)?);
        }
    }
    let person_ids: Vec<String> = candidacies.iter().map(|c| c.person_id.clone()).collect();
    let facts = store::person_facts(conn, &person_ids)?;
    let now = crate::db::now();
    let mut profiles = Vec::with_capacity(candidacies.len());
    let mut names = HashMap::new();
    for c in &candidacies {
        let f = facts.get(&c.person_id).cloned().unwrap_or_default();
        let display = crate::people::domain::display_name(
            &f.first_name,
            f.last_name.as_deref(),
            f.preferred_name.as_deref(),
        );
        names.insert(c.person_id.clone(), display);
        let mut tags: Vec<u32> = f
            .tags
            .iter()
            .filter_map(|t| tag_index.get(t).copied())
            .collect();
        tags.sort_unstable();
        tags.dedup();
        profiles.push(Profile {
            id: uuid(&c.person_id)?,
            name: f
                .preferred_name
                .clone()
                .unwrap_or_else(|| f.first_name.clone()),
            side: if c.side == "newcomer" {
                Side::Newcomer
            } else {
                Side::Local
            },
            tags,
            languages: f
                .languages
                .iter()
                .filter_map(|(l, lvl)| {
                    lvl.parse::<LanguageLevel>()
                        .ok()
                        .map(|lvl| (l.clone(), lvl))
                })
                .collect(),
            french_level: f.french_level.as_deref().and_then(|l| l.parse().ok()),
            wants_french_practice: c.wants_french_practice,
            slots: f
                .slots
                .iter()
                .filter_map(|s| s.parse().ok())
                .map(score::slot_bit)
                .fold(0, |a, b| a | b),
            commune: c.commune_id.as_ref().and_then(|id| index.get(id).copied()),
            travel: match c.travel.parse::<TravelRange>() {
                Ok(TravelRange::SameCommune) => Travel::SameCommune,
                Ok(TravelRange::Neighbours) => Travel::Neighbours,
                _ => Travel::Anywhere,
            },
            gender: gender(c.gender.as_deref()),
            partner_gender: gender(c.partner_gender.as_deref()),
            birth_year: f.birth_year,
            partner_age: match (c.partner_age_min, c.partner_age_max) {
                (None, None) => None,
                (min, max) => Some((min.unwrap_or(0), max.unwrap_or(150))),
            },
            hopes: hope_bits(&c.hopes),
            waiting_days: u32::try_from((now - c.waiting_since).num_days().max(0)).unwrap_or(0),
        });
    }
    Ok(Pool {
        world,
        weights: weights_from(&weights_json),
        version,
        blocked,
        candidacies,
        profiles,
        names,
    })
}

fn candidacy_dto(
    c: &CandidacyRow,
    name: &str,
    commune_name: Option<String>,
) -> Result<Candidacy, ApiError> {
    Ok(Candidacy {
        id: uuid(&c.id)?,
        person_id: uuid(&c.person_id)?,
        display_name: name.to_owned(),
        side: parse(&c.side)?,
        status: parse(&c.status)?,
        waiting_since: c.waiting_since.and_utc(),
        commune: commune_name.or_else(|| c.commune_id.clone()),
        travel: parse(&c.travel)?,
        gender: c.gender.as_deref().and_then(|g| g.parse().ok()),
        partner_gender: c.partner_gender.as_deref().and_then(|g| g.parse().ok()),
        partner_age_min: c.partner_age_min,
        partner_age_max: c.partner_age_max,
        hopes: c.hopes.split(',').filter_map(|h| h.parse().ok()).collect(),
        wants_french_practice: c.wants_french_practice,
        remarks: c.remarks.clone(),
    })
}

fn exclusion_text(e: Exclusion, lang: Lang) -> &'static str {
    match (e, lang) {
        (Exclusion::NoCommonSlot, Lang::Fr) => {
            "aucune disponibilité commune avec les candidat·es de l'autre groupe"
        }
        (Exclusion::NoCommonSlot, Lang::En) => "no availability in common with the other side",
        (Exclusion::NoCommonSlot, Lang::Nl) => {
            "geen gemeenschappelijke beschikbaarheid met de andere groep"
        }
        (Exclusion::NoCommonSlot, Lang::Ar) => "لا توجد أوقات متاحة مشتركة مع المجموعة الأخرى",
        (Exclusion::TooFar, Lang::Fr) => "personne dans sa zone de déplacement",
        (Exclusion::TooFar, Lang::En) => "nobody within travel range",
        (Exclusion::TooFar, Lang::Nl) => "niemand binnen de reisafstand",
        (Exclusion::TooFar, Lang::Ar) => "لا أحد ضمن نطاق التنقل",
        (Exclusion::PreferenceNotMet, Lang::Fr) => {
            "aucune personne ne correspond à ses préférences"
        }
        (Exclusion::PreferenceNotMet, Lang::En) => "nobody matches the stated preferences",
        (Exclusion::PreferenceNotMet, Lang::Nl) => "niemand voldoet aan de opgegeven voorkeuren",
        (Exclusion::PreferenceNotMet, Lang::Ar) => "لا أحد يطابق التفضيلات المذكورة",
        (Exclusion::Blocked | Exclusion::SameSide, Lang::Fr) => "aucune personne compatible",
        (Exclusion::Blocked | Exclusion::SameSide, Lang::En) => "no compatible partner",
        (Exclusion::Blocked | Exclusion::SameSide, Lang::Nl) => "geen compatibele partner",
        (Exclusion::Blocked | Exclusion::SameSide, Lang::Ar) => "لا يوجد شريك متوافق",
    }
}

fn unmatched_text(u: Unmatched, lang: Lang) -> String {
    match (u, lang) {
        (Unmatched::NoCompatiblePartner(e), _) => exclusion_text(e, lang).to_owned(),
        (Unmatched::BelowThreshold, Lang::Fr) => {
            "les paires possibles ont un score trop bas".into()
        }
        (Unmatched::BelowThreshold, Lang::En) => "possible pairs score below the threshold".into(),
        (Unmatched::BelowThreshold, Lang::Nl) => "mogelijke paren scoren onder de drempel".into(),
        (Unmatched::BelowThreshold, Lang::Ar) => "الأزواج الممكنة دون الحد الأدنى للنقاط".into(),
        (Unmatched::OutnumberedOrTaken, Lang::Fr) => {
            "ses partenaires possibles forment de meilleures paires avec d'autres".into()
        }
        (Unmatched::OutnumberedOrTaken, Lang::En) => {
            "possible partners are better paired with others".into()
        }
        (Unmatched::OutnumberedOrTaken, Lang::Nl) => {
            "mogelijke partners vormen betere paren met anderen".into()
        }
        (Unmatched::OutnumberedOrTaken, Lang::Ar) => {
            "الشركاء الممكنون يشكلون أزواجًا أفضل مع آخرين".into()
        }
    }
}

// ---------------------------------------------------------------- candidates

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CandidateFilter {
    pub status: Option<CandidacyStatus>,
    pub side: Option<Category>,
}

/// The candidate pool (coaches: only the people they accompany).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(CandidateFilter), responses(
    (status = 200, body = Vec<Candidacy>),
    ReadErrors
))]
#[get("/candidates")]
pub async fn list_candidates(
    state: web::Data<AppState>,
    user: AuthUser,
    query: Query<CandidateFilter>,
) -> Result<web::Json<Vec<Candidacy>>, ApiError> {
    user.require(Permission::ReadDuos)?;
    let f = query.0;
    let coach = user.people_scope();
    let rows = state
        .db
        .run(move |conn| {
            let rows = store::list_candidacies(
                conn,
                f.status.map(|s| s.as_str()),
                f.side.map(|s| s.as_str()),
                coach.as_deref(),
            )?;
            let (communes, _) = store::communes(conn)?;
            Ok((rows, communes))
        })
        .await?;
    let (rows, communes) = rows;
    let commune_name = |id: &Option<String>| {
        id.as_ref().and_then(|id| {
            communes
                .iter()
                .find(|c| &c.id == id)
                .map(|c| c.name.clone())
        })
    };
    rows.iter()
        .map(|(c, first, last, preferred)| {
            let name =
                crate::people::domain::display_name(first, last.as_deref(), preferred.as_deref());
            candidacy_dto(c, &name, commune_name(&c.commune_id))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(web::Json)
}

struct CandidacyFields {
    commune: Option<String>,
    remarks: Option<String>,
}

fn check_candidacy(
    conn: &mut DbConnection,
    c: &CandidacyInput,
) -> Result<CandidacyFields, ApiError> {
    let mut v = Validator::new();
    let commune = c
        .commune
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    if let Some(id) = &commune {
        if !store::commune_exists(conn, id)? {
            v.add("commune", Msg::InvalidValue);
        }
    }
    for (field, age) in [
        ("partner_age_min", c.partner_age_min),
        ("partner_age_max", c.partner_age_max),
    ] {
        if age.is_some_and(|a| !(16..=110).contains(&a)) {
            v.add(field, Msg::YearOutOfRange(16, 110));
        }
    }
    if let (Some(a), Some(b)) = (c.partner_age_min, c.partner_age_max) {
        if a > b {
            v.add("partner_age_max", Msg::InvalidValue);
        }
    }
    let remarks = v.check("remarks", optional_text(c.remarks.as_deref(), 2000));
    v.finish()?;
    Ok(CandidacyFields {
        commune,
        remarks: remarks.flatten(),
    })
}

fn hopes_text(h: &[Hope]) -> String {
    let mut v: Vec<&str> = h.iter().map(|h| h.as_str()).collect();
    v.sort_unstable();
    v.dedup();
    v.join(",")
}

/// Open a Duo2Change candidacy for a person (one open candidacy per person).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), request_body = CandidacyInput, responses(
    (status = 201, body = Candidacy),
    WriteErrors
))]
#[post("/candidates")]
pub async fn create_candidate(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    body: Json<CandidacyInput>,
) -> Result<HttpResponse, ApiError> {
    require_manage(&user)?;
    let input = body.0;
    let actor = actor(&req, Some(&user));
    let (row, name) = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                // Concurrent requests for one person take turns (PostgreSQL), so the check for
                // an open candidacy below sees the other's.
                lock_rows(
                    conn,
                    "SELECT id FROM people WHERE id = $1 FOR UPDATE",
                    &input.person_id.to_string(),
                )?;
                let person = PersonRow::find(conn, input.person_id)?
                    .filter(|p| p.anonymised_at.is_none())
                    .ok_or_else(|| ApiError::field("person_id", Msg::NotFound))?;
                let fields = check_candidacy(conn, &input)?;
                if CandidacyRow::open_for(conn, &person.id)?.is_some() {
                    return Err(ApiError::Conflict {
                        msg: Msg::DuplicateEntry,
                        field: Some("person_id"),
                    });
                }
                let side = person.category()?;
                let now = crate::db::now();
                let row = CandidacyRow {
                    id: Uuid::now_v7().to_string(),
                    person_id: person.id.clone(),
                    side: side.as_str().to_owned(),
                    status: CandidacyStatus::Waiting.as_str().to_owned(),
                    waiting_since: now,
                    commune_id: fields.commune,
                    travel: input.travel.as_str().to_owned(),
                    gender: input.gender.map(|g| g.as_str().to_owned()),
                    partner_gender: input.partner_gender.map(|g| g.as_str().to_owned()),
                    partner_age_min: input.partner_age_min,
                    partner_age_max: input.partner_age_max,
                    hopes: hopes_text(&input.hopes),
                    wants_french_practice: input.wants_french_practice,
                    remarks: fields.remarks,
                    created_at: now,
                    updated_at: now,
                };
                row.insert(conn)?;
                record(
                    conn,
                    &actor,
                    "duo.candidacy_created",
                    "person",
                    &person.id,
                    json!({ "candidacy": row.id, "side": row.side }),
                )?;
                let name = crate::people::domain::display_name(
                    &person.first_name,
                    person.last_name.as_deref(),
                    person.preferred_name.as_deref(),
                );
                Ok((row, name))
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(candidacy_dto(&row, &name, None)?))
}

async fn visible_candidacy(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
) -> Result<(CandidacyRow, String), ApiError> {
    let coach = user.people_scope();
    state
        .db
        .run(move |conn| {
            let c = CandidacyRow::get(conn, &id.to_string())?;
            if let Some(coach) = coach {
                if !crate::people::store::is_coached_by(conn, &c.person_id, &coach)? {
                    return Err(ApiError::NotFound);
                }
            }
            let names = store::names(conn, std::slice::from_ref(&c.person_id))?;
            let name = names.get(&c.person_id).cloned().unwrap_or_default();
            Ok((c, name))
        })
        .await
}

/// One candidacy.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Candidacy),
    ItemErrors
))]
#[get("/candidates/{id}")]
pub async fn get_candidate(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<Candidacy>, ApiError> {
    user.require(Permission::ReadDuos)?;
    let (c, name) = visible_candidacy(&state, &user, id.into_inner()).await?;
    Ok(web::Json(candidacy_dto(&c, &name, None)?))
}

/// Update a candidacy (preferences, remarks), withdraw it or put it back in the pool.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = CandidacyInput, responses(
    (status = 200, body = Candidacy),
    WriteErrors
))]
#[put("/candidates/{id}")]
pub async fn update_candidate(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<CandidacyInput>,
) -> Result<web::Json<Candidacy>, ApiError> {
    require_manage(&user)?;
    let id = id.into_inner();
    let input = body.0;
    let actor = actor(&req, Some(&user));
    let (row, name) = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let mut row = CandidacyRow::get(conn, &id.to_string())?;
                let fields = check_candidacy(conn, &input)?;
                row.commune_id = fields.commune;
                row.travel = input.travel.as_str().to_owned();
                row.gender = input.gender.map(|g| g.as_str().to_owned());
                row.partner_gender = input.partner_gender.map(|g| g.as_str().to_owned());
                row.partner_age_min = input.partner_age_min;
                row.partner_age_max = input.partner_age_max;
                row.hopes = hopes_text(&input.hopes);
                row.wants_french_practice = input.wants_french_practice;
                row.remarks = fields.remarks;
                if let Some(s) = input.status {
                    // Only withdrawal and return to the pool are set by hand; proposals and
                    // matches follow the duos.
                    match s {
                        CandidacyStatus::Withdrawn | CandidacyStatus::Waiting => {
                            row.status = s.as_str().to_owned()
                        }
                        _ => return Err(ApiError::field("status", Msg::InvalidValue)),
                    }
                }
                row.save(conn)?;
                record(
                    conn,
                    &actor,
                    "duo.candidacy_updated",
                    "person",
                    &row.person_id,
                    json!({ "candidacy": row.id, "status": row.status }),
                )?;
                let names = store::names(conn, std::slice::from_ref(&row.person_id))?;
                let name = names.get(&row.person_id).cloned().unwrap_or_default();
                Ok((row, name))
            })
        })
        .await?;
    Ok(web::Json(candidacy_dto(&row, &name, None)?))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SuggestionQuery {
    /// How many (default 5, at most 50).
    pub k: Option<usize>,
}

/// The best partners for one candidate, ranked, with the reasons.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path), SuggestionQuery), responses(
    (status = 200, body = Vec<Suggestion>),
    ItemErrors
))]
#[get("/candidates/{id}/suggestions")]
pub async fn candidate_suggestions(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    query: Query<SuggestionQuery>,
) -> Result<web::Json<Vec<Suggestion>>, ApiError> {
    require_manage(&user)?;
    let id = id.into_inner().to_string();
    let k = query.0.k.unwrap_or(5).clamp(1, 50);
    let lang = lang_of(&req);
    let pool = state
        .db
        .run(move |conn| load_pool(conn, &["waiting"], std::slice::from_ref(&id)).map(|p| (p, id)))
        .await?;
    let (pool, id) = pool;
    let Some(me) = pool.candidacies.iter().position(|c| c.id == id) else {
        return Err(ApiError::NotFound);
    };
    let others: Vec<usize> = (0..pool.profiles.len()).filter(|&i| i != me).collect();
    let candidates: Vec<Profile> = others.iter().map(|&i| pool.profiles[i].clone()).collect();
    let found = pool::suggestions(
        &pool.profiles[me],
        &candidates,
        &pool.world,
        &pool.weights,
        &pool.blocked,
        k,
    );
    found
        .iter()
        .map(|s| {
            let idx = others[s.other];
            let c = &pool.candidacies[idx];
            Ok(Suggestion {
                candidacy_id: uuid(&c.id)?,
                person_id: uuid(&c.person_id)?,
                display_name: pool.names.get(&c.person_id).cloned().unwrap_or_default(),
                score: breakdown_dto(&s.breakdown),
                reasons: score::explain(&pool.profiles[me], &pool.profiles[idx], &pool.world, lang),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()
        .map(web::Json)
}

// ---------------------------------------------------------------- batch

/// One side of a batch pair (the reasons are on the pair).
fn candidacy_summary(pool: &Pool, idx: usize, partner: usize) -> Result<Suggestion, ApiError> {
    let c = &pool.candidacies[idx];
    let b = score::score(
        &pool.profiles[idx],
        &pool.profiles[partner],
        &pool.world,
        &pool.weights,
    );
    Ok(Suggestion {
        candidacy_id: uuid(&c.id)?,
        person_id: uuid(&c.person_id)?,
        display_name: pool.names.get(&c.person_id).cloned().unwrap_or_default(),
        score: breakdown_dto(&b),
        reasons: vec![],
    })
}

/// Runs the batch over the waiting pool.
fn run_batch(pool: &Pool, pinned: &[PairRef], lang: Lang) -> Result<BatchPreview, ApiError> {
    let newcomers: Vec<usize> = (0..pool.profiles.len())
        .filter(|&i| pool.profiles[i].side == Side::Newcomer)
        .collect();
    let locals: Vec<usize> = (0..pool.profiles.len())
        .filter(|&i| pool.profiles[i].side == Side::Local)
        .collect();
    let find = |ids: &[usize], id: Uuid, field: &str| {
        ids.iter()
            .position(|&i| pool.candidacies[i].id == id.to_string())
            .ok_or_else(|| ApiError::field(field, Msg::InvalidValue))
    };
    let mut pins: Vec<(usize, usize)> = Vec::new();
    for (k, p) in pinned.iter().enumerate() {
        let (n, l) = (
            find(&newcomers, p.newcomer, &format!("pinned[{k}].newcomer"))?,
            find(&locals, p.local, &format!("pinned[{k}].local"))?,
        );
        // A coordinator's pin is kept, but cannot break a hard constraint or use someone twice.
        let (ni, li) = (newcomers[n], locals[l]);
        if pins.iter().any(|&(a, b)| a == n || b == l)
            || score::check(
                &pool.profiles[ni],
                &pool.profiles[li],
                &pool.world,
                &pool.blocked,
            )
            .is_err()
        {
            return Err(ApiError::field(&format!("pinned[{k}]"), Msg::InvalidValue));
        }
        pins.push((n, l));
    }
    let np: Vec<Profile> = newcomers
        .iter()
        .map(|&i| pool.profiles[i].clone())
        .collect();
    let lp: Vec<Profile> = locals.iter().map(|&i| pool.profiles[i].clone()).collect();
    let b = pool::batch(&np, &lp, &pins, &pool.world, &pool.weights, &pool.blocked);
    let mut pairs = Vec::new();
    for p in &b.pairs {
        let (ni, li) = (newcomers[p.newcomer], locals[p.local]);
        pairs.push(BatchPair {
            newcomer: candidacy_summary(pool, ni, li)?,
            local: candidacy_summary(pool, li, ni)?,
            score: breakdown_dto(&p.breakdown),
            reasons: score::explain(&pool.profiles[ni], &pool.profiles[li], &pool.world, lang),
            pinned: p.pinned,
        });
    }
    let mut unmatched = Vec::new();
    for (list, side, ids) in [
        (&b.unmatched_newcomers, Category::Newcomer, &newcomers),
        (&b.unmatched_locals, Category::Local, &locals),
    ] {
        for (i, why) in list {
            let c = &pool.candidacies[ids[*i]];
            unmatched.push(BatchUnmatched {
                candidacy_id: uuid(&c.id)?,
                display_name: pool.names.get(&c.person_id).cloned().unwrap_or_default(),
                side,
                reason: unmatched_text(*why, lang),
            });
        }
    }
    Ok(BatchPreview {
        settings_version: pool.version,
        total_score: (b.total() * 10.0).round() / 10.0,
        pairs,
        unmatched,
    })
}

/// Preview the optimal pairing of the whole waiting pool. Nothing is stored.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), request_body = BatchRequest, responses(
    (status = 200, body = BatchPreview),
    WriteErrors
))]
#[post("/batch")]
pub async fn batch_preview(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    body: Json<BatchRequest>,
) -> Result<web::Json<BatchPreview>, ApiError> {
    require_manage(&user)?;
    let lang = lang_of(&req);
    let pinned = body.0.pinned;
    let pool = state
        .db
        .run(|conn| load_pool(conn, &["waiting"], &[]))
        .await?;
    // CPU-bound: off the async workers.
    let preview = web::block(move || run_batch(&pool, &pinned, lang))
        .await
        .map_err(|e| anyhow::anyhow!("batch failed: {e}"))??;
    Ok(web::Json(preview))
}

fn duo_dto(
    d: &DuoRow,
    names: &HashMap<String, String>,
    health: Option<DuoHealth>,
    feedback: &FeedbackIndex,
    lang: Lang,
) -> Result<Duo, ApiError> {
    // Proposals made before the reasons were stored per language have French ones only.
    let explanation = d
        .explanation
        .as_deref()
        .and_then(|e| serde_json::from_str::<serde_json::Value>(e).ok());
    let reasons: Vec<String> = explanation
        .as_ref()
        .and_then(|v| {
            v.pointer(&format!("/reasons_by_lang/{}", lang.code()))
                .or_else(|| v.get("reasons"))
        })
        .and_then(|r| serde_json::from_value(r.clone()).ok())
        .unwrap_or_default();
    Ok(Duo {
        id: uuid(&d.id)?,
        newcomer_id: uuid(&d.newcomer_id)?,
        newcomer_name: names.get(&d.newcomer_id).cloned().unwrap_or_default(),
        local_id: uuid(&d.local_id)?,
        local_name: names.get(&d.local_id).cloned().unwrap_or_default(),
        status: parse(&d.status)?,
        score: d.score,
        reasons,
        settings_version: d.settings_version,
        pinned: d.pinned,
        proposed_at: d.proposed_at.and_utc(),
        introduced_at: d.introduced_at.map(|t| t.and_utc()),
        confirmed_at: d.confirmed_at.map(|t| t.and_utc()),
        ended_at: d.ended_at.map(|t| t.and_utc()),
        reason: d.reason.clone(),
        outcome: d.outcome.as_deref().and_then(|o| o.parse().ok()),
        health,
        both_want_to_continue: both_want_to_continue(&feedback.of(&d.id)),
        feedback: feedback.of(&d.id),
        follow_ups: vec![],
        timeline: vec![],
    })
}

/// Creates proposals for the given pairs after checking them again against the current pool.
fn propose(
    conn: &mut DbConnection,
    pairs: &[AcceptedPair],
    actor: &Actor,
    created_by: Option<String>,
) -> Result<Vec<DuoRow>, ApiError> {
    // On PostgreSQL, concurrent proposals involving the same candidacies wait for each other
    // here, then see the statuses the first one set (in a fixed order, so they cannot deadlock).
    let mut ids: Vec<String> = pairs
        .iter()
        .flat_map(|p| [p.newcomer.to_string(), p.local.to_string()])
        .collect();
    ids.sort();
    ids.dedup();
    for id in &ids {
        lock_rows(
            conn,
            "SELECT id FROM duo_candidacies WHERE id = $1 FOR UPDATE",
            id,
        )?;
    }
    let pool = load_pool(conn, &["waiting"], &[])?;
    let mut used = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (k, p) in pairs.iter().enumerate() {
        let idx = |id: Uuid| pool.candidacies.iter().position(|c| c.id == id.to_string());
        let (Some(n), Some(l)) = (idx(p.newcomer), idx(p.local)) else {
            return Err(ApiError::field(&format!("pairs[{k}]"), Msg::InvalidValue));
        };
        if pool.profiles[n].side != Side::Newcomer
            || pool.profiles[l].side != Side::Local
            || !used.insert(n)
            || !used.insert(l)
        {
            return Err(ApiError::field(&format!("pairs[{k}]"), Msg::InvalidValue));
        }
        if score::check(
            &pool.profiles[n],
            &pool.profiles[l],
            &pool.world,
            &pool.blocked,
        )
        .is_err()
        {
            return Err(ApiError::field(&format!("pairs[{k}]"), Msg::InvalidValue));
        }
        let b = score::score(
            &pool.profiles[n],
            &pool.profiles[l],
            &pool.world,
            &pool.weights,
        );
        // The reasons in every interface language, so each reader sees them in theirs.
        let by_lang: serde_json::Map<String, serde_json::Value> = Lang::ALL
            .into_iter()
            .map(|lang| {
                let r = score::explain(&pool.profiles[n], &pool.profiles[l], &pool.world, lang);
                (lang.code().to_owned(), json!(r))
            })
            .collect();
        let reasons_fr = by_lang.get(Lang::Fr.code()).cloned().unwrap_or_default();
        let now = crate::db::now();
        let (nc, lc) = (&pool.candidacies[n], &pool.candidacies[l]);
        let row = DuoRow {
            id: Uuid::now_v7().to_string(),
            newcomer_id: nc.person_id.clone(),
            local_id: lc.person_id.clone(),
            newcomer_candidacy_id: Some(nc.id.clone()),
            local_candidacy_id: Some(lc.id.clone()),
            status: DuoStatus::Proposed.as_str().to_owned(),
            score: Some((b.total * 10.0).round() / 10.0),
            explanation: Some(
                json!({ "breakdown": b, "reasons": reasons_fr, "reasons_by_lang": by_lang })
                    .to_string(),
            ),
            settings_version: Some(pool.version),
            pinned: p.pinned,
            proposed_at: now,
            introduced_at: None,
            confirmed_at: None,
            ended_at: None,
            reason: None,
            outcome: None,
            created_by: created_by.clone(),
            updated_at: now,
            pause_reason: None,
        };
        row.insert(conn)?;
        CandidacyRow::set_status(conn, &nc.id, "proposed")?;
        CandidacyRow::set_status(conn, &lc.id, "proposed")?;
        record(
            conn,
            actor,
            "duo.proposed",
            "duo",
            &row.id,
            json!({ "score": row.score, "settings_version": pool.version, "pinned": row.pinned }),
        )?;
        out.push(row);
    }
    Ok(out)
}

/// Turn the pairs of a batch preview into proposals (checked again against the current pool).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), request_body = BatchAccept, responses(
    (status = 201, body = Vec<Duo>),
    WriteErrors
))]
#[post("/batch/accept")]
pub async fn batch_accept(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    body: Json<BatchAccept>,
) -> Result<HttpResponse, ApiError> {
    require_manage(&user)?;
    let pairs = body.0.pairs;
    let actor = actor(&req, Some(&user));
    let by = Some(user.id.to_string());
    let (rows, names) = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let rows = propose(conn, &pairs, &actor, by)?;
                let ids: Vec<String> = rows
                    .iter()
                    .flat_map(|r| [r.newcomer_id.clone(), r.local_id.clone()])
                    .collect();
                Ok((rows, store::names(conn, &ids)?))
            })
        })
        .await?;
    let dtos = rows
        .iter()
        .map(|r| duo_dto(r, &names, None, &FeedbackIndex::default(), lang_of(&req)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Created().json(dtos))
}

/// Propose one pair chosen by a coordinator (e.g. from a candidate's suggestions).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), request_body = PairRef, responses(
    (status = 201, body = Duo),
    WriteErrors
))]
#[post("/proposals")]
pub async fn create_proposal(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    body: Json<PairRef>,
) -> Result<HttpResponse, ApiError> {
    require_manage(&user)?;
    let pair = body.0;
    let actor = actor(&req, Some(&user));
    let by = Some(user.id.to_string());
    let (row, names) = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let pair = AcceptedPair {
                    newcomer: pair.newcomer,
                    local: pair.local,
                    pinned: false,
                };
                let mut rows = propose(conn, &[pair], &actor, by)?;
                let row = rows
                    .pop()
                    .ok_or_else(|| anyhow::anyhow!("no proposal created"))?;
                let names = store::names(conn, &[row.newcomer_id.clone(), row.local_id.clone()])?;
                Ok((row, names))
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(duo_dto(
        &row,
        &names,
        None,
        &FeedbackIndex::default(),
        lang_of(&req),
    )?))
}

/// Proposals waiting for a decision (proposed and introduced), newest first.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), responses(
    (status = 200, body = Vec<Duo>),
    ReadErrors
))]
#[get("/proposals")]
pub async fn list_proposals(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
) -> Result<web::Json<Vec<Duo>>, ApiError> {
    user.require(Permission::ReadDuos)?;
    let coach = user.people_scope();
    let (rows, names, feedback) = state
        .db
        .run(move |conn| {
            let rows = DuoRow::list(conn, &["proposed", "introduced"], coach.as_deref())?;
            let ids: Vec<String> = rows
                .iter()
                .flat_map(|r| [r.newcomer_id.clone(), r.local_id.clone()])
                .collect();
            let duo_ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            Ok((
                rows,
                store::names(conn, &ids)?,
                FeedbackIndex::load(conn, &duo_ids)?,
            ))
        })
        .await?;
    rows.iter()
        .map(|r| duo_dto(r, &names, None, &feedback, lang_of(&req)))
        .collect::<Result<Vec<_>, _>>()
        .map(web::Json)
}

// ---------------------------------------------------------------- settings

/// The current matching weights.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), responses(
    (status = 200, body = MatchingSettings),
    ReadErrors
))]
#[get("/settings")]
pub async fn get_settings(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<web::Json<MatchingSettings>, ApiError> {
    user.require(Permission::ReadDuos)?;
    let (version, text) = state
        .db
        .run(|conn| Ok(store::latest_settings(conn)?))
        .await?;
    Ok(web::Json(settings_dto(version, &weights_from(&text))))
}

/// Save new matching weights (administrators); creates a new version.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), request_body = MatchingSettings, responses(
    (status = 200, body = MatchingSettings),
    WriteErrors
))]
#[put("/settings")]
pub async fn put_settings(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    body: Json<MatchingSettings>,
) -> Result<web::Json<MatchingSettings>, ApiError> {
    user.require(Permission::ConfigureMatching)?;
    let s = body.0;
    let mut v = Validator::new();
    for (field, value) in [
        ("interests", s.interests),
        ("language", s.language),
        ("availability", s.availability),
        ("distance", s.distance),
        ("hopes", s.hopes),
        ("age", s.age),
        ("waiting", s.waiting),
    ] {
        if !(0.0..=10.0).contains(&value) || !value.is_finite() {
            v.add(field, Msg::InvalidValue);
        }
    }
    if !(0.0..=100.0).contains(&s.threshold) || !s.threshold.is_finite() {
        v.add("threshold", Msg::InvalidValue);
    }
    v.finish()?;
    let w = Weights {
        interests: s.interests,
        language: s.language,
        availability: s.availability,
        distance: s.distance,
        hopes: s.hopes,
        age: s.age,
        waiting: s.waiting,
        threshold: s.threshold,
    };
    let text = serde_json::to_string(&w).map_err(|e| anyhow::anyhow!("{e}"))?;
    let actor = actor(&req, Some(&user));
    let by = Some(user.id.to_string());
    let version = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let version = store::save_settings(conn, &text, by)?;
                record(
                    conn,
                    &actor,
                    "duo.settings_changed",
                    "duo_settings",
                    &version.to_string(),
                    json!({}),
                )?;
                Ok(version)
            })
        })
        .await?;
    Ok(web::Json(settings_dto(version, &w)))
}

// ---------------------------------------------------------------- duos

fn health_of(
    d: &DuoRow,
    check_ins: &[CheckInRow],
    follow_ups: &[FollowUpRow],
    today: NaiveDate,
    lang: Lang,
) -> Option<DuoHealth> {
    if d.status != "active" {
        return None;
    }
    let confirmed = d.confirmed_at?.date();
    let meetings: Vec<Meeting> = check_ins
        .iter()
        .filter(|c| c.duo_id == d.id)
        .map(|c| {
            let rated: Vec<f64> = [c.satisfaction_newcomer, c.satisfaction_local]
                .iter()
                .flatten()
                .map(|v| f64::from(*v))
                .collect();
            Meeting {
                on: c.met_on,
                satisfaction: (!rated.is_empty())
                    .then(|| rated.iter().sum::<f64>() / rated.len() as f64),
            }
        })
        .collect();
    let pending: Vec<NaiveDate> = follow_ups
        .iter()
        .filter(|f| f.duo_id == d.id)
        .map(|f| f.due_on)
        .collect();
    Some(health::assess(confirmed, today, &meetings, &pending, lang))
}

async fn duos_with_health(
    state: &AppState,
    statuses: &'static [&'static str],
    coach: Option<String>,
    lang: Lang,
) -> Result<Vec<Duo>, ApiError> {
    let (rows, names, check_ins, follow_ups, feedback) = state
        .db
        .run(move |conn| {
            let rows = DuoRow::list(conn, statuses, coach.as_deref())?;
            let person_ids: Vec<String> = rows
                .iter()
                .flat_map(|r| [r.newcomer_id.clone(), r.local_id.clone()])
                .collect();
            let duo_ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            Ok((
                rows,
                store::names(conn, &person_ids)?,
                CheckInRow::for_duos(conn, &duo_ids)?,
                FollowUpRow::pending_for(conn, &duo_ids)?,
                FeedbackIndex::load(conn, &duo_ids)?,
            ))
        })
        .await?;
    let today = chrono::Utc::now().date_naive();
    rows.iter()
        .map(|r| {
            duo_dto(
                r,
                &names,
                health_of(r, &check_ins, &follow_ups, today, lang),
                &feedback,
                lang,
            )
        })
        .collect()
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DuoFilter {
    pub status: Option<DuoStatus>,
}

/// Duos (coaches: those of the people they accompany), with the health of active ones.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(DuoFilter), responses(
    (status = 200, body = Vec<Duo>),
    ReadErrors
))]
#[get("")]
pub async fn list_duos(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    query: Query<DuoFilter>,
) -> Result<web::Json<Vec<Duo>>, ApiError> {
    user.require(Permission::ReadDuos)?;
    let statuses: &'static [&'static str] = match query.0.status {
        None => &[],
        Some(DuoStatus::Proposed) => &["proposed"],
        Some(DuoStatus::Introduced) => &["introduced"],
        Some(DuoStatus::Active) => &["active"],
        Some(DuoStatus::Paused) => &["paused"],
        Some(DuoStatus::Ended) => &["ended"],
        Some(DuoStatus::Declined) => &["declined"],
    };
    Ok(web::Json(
        duos_with_health(&state, statuses, user.people_scope(), lang_of(&req)).await?,
    ))
}

/// Active duos that need attention first: the coordinator's call list.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), responses(
    (status = 200, body = Vec<Duo>),
    ReadErrors
))]
#[get("/attention")]
pub async fn attention(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
) -> Result<web::Json<Vec<Duo>>, ApiError> {
    user.require(Permission::ReadDuos)?;
    let mut duos =
        duos_with_health(&state, &["active"], user.people_scope(), lang_of(&req)).await?;
    let rank = |d: &Duo| match d.health.as_ref().map(|h| h.level) {
        Some(HealthLevel::Attention) => 0,
        Some(HealthLevel::Watch) => 1,
        _ => 2,
    };
    duos.sort_by_key(|d| {
        (
            rank(d),
            d.health
                .as_ref()
                .and_then(|h| h.days_since_last_meeting)
                .map(|x| -x),
        )
    });
    Ok(web::Json(duos))
}

pub(crate) async fn visible_duo(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
) -> Result<DuoRow, ApiError> {
    let coach = user.people_scope();
    state
        .db
        .run(move |conn| {
            let d = DuoRow::get(conn, &id.to_string())?;
            if let Some(coach) = coach {
                let mine = crate::people::store::is_coached_by(conn, &d.newcomer_id, &coach)?
                    || crate::people::store::is_coached_by(conn, &d.local_id, &coach)?;
                if !mine {
                    return Err(ApiError::NotFound);
                }
            }
            Ok(d)
        })
        .await
}

/// One duo with its health.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Duo),
    ItemErrors
))]
#[get("/{id}")]
pub async fn get_duo(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<Duo>, ApiError> {
    user.require(Permission::ReadDuos)?;
    let d = visible_duo(&state, &user, id.into_inner()).await?;
    let ids = vec![d.id.clone()];
    let persons = vec![d.newcomer_id.clone(), d.local_id.clone()];
    let row = d.clone();
    let (names, check_ins, follow_ups, feedback, calls, steps) = state
        .db
        .run(move |conn| {
            Ok((
                store::names(conn, &persons)?,
                CheckInRow::for_duos(conn, &ids)?,
                FollowUpRow::pending_for(conn, &ids)?,
                FeedbackIndex::load(conn, &ids)?,
                duo_follow_ups::follow_ups_of(conn, &row)?,
                duo_timeline::timeline_of(conn, &row)?,
            ))
        })
        .await?;
    let today = chrono::Utc::now().date_naive();
    let health = health_of(&d, &check_ins, &follow_ups, today, lang_of(&req));
    let mut dto = duo_dto(&d, &names, health, &feedback, lang_of(&req))?;
    dto.follow_ups = calls;
    dto.timeline = steps;
    Ok(web::Json(dto))
}

/// Move a duo along its life: introduced, active (confirmed after the trial meeting), paused,
/// ended (with reason and outcome) or declined (with reason; both return to the pool and are
/// not proposed together again).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = DuoTransition, responses(
    (status = 200, body = Duo),
    WriteErrors
))]
#[post("/{id}/transition")]
pub async fn transition(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<DuoTransition>,
) -> Result<web::Json<Duo>, ApiError> {
    require_manage(&user)?;
    let id = id.into_inner().to_string();
    let t = body.0;
    let mut v = Validator::new();
    let reason = v
        .check("reason", optional_text(t.reason.as_deref(), 1000))
        .flatten();
    if matches!(t.to, DuoStatus::Declined | DuoStatus::Ended) && reason.is_none() {
        v.add("reason", Msg::ReasonRequired);
    }
    if t.to == DuoStatus::Ended && t.outcome.is_none() {
        v.add("outcome", Msg::Required);
    }
    v.finish()?;
    let actor = actor(&req, Some(&user));
    let by = Some(user.id.to_string());
    let (row, names, feedback, calls, steps) = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                // Concurrent transitions of one duo take turns (PostgreSQL), so each sees the
                // state the other left.
                lock_rows(conn, "SELECT id FROM duos WHERE id = $1 FOR UPDATE", &id)?;
                let mut d = DuoRow::get(conn, &id)?;
                let from: DuoStatus = parse(&d.status)?;
                if !can_transition(from, t.to) {
                    return Err(ApiError::Conflict {
                        msg: Msg::InvalidValue,
                        field: Some("to"),
                    });
                }
                let now = crate::db::now();
                d.status = t.to.as_str().to_owned();
                match t.to {
                    DuoStatus::Introduced => d.introduced_at = Some(now),
                    DuoStatus::Active if from == DuoStatus::Introduced => {
                        d.confirmed_at = Some(now);
                        for c in [&d.newcomer_candidacy_id, &d.local_candidacy_id]
                            .into_iter()
                            .flatten()
                        {
                            CandidacyRow::set_status(conn, c, "matched")?;
                        }
                        for (days, kind) in FOLLOW_UPS {
                            FollowUpRow {
                                id: Uuid::now_v7().to_string(),
                                duo_id: d.id.clone(),
                                due_on: now.date() + Duration::days(days),
                                kind: kind.to_owned(),
                                done_at: None,
                                notes: None,
                                done_on: None,
                                done_by: None,
                                done_notes: None,
                                created_by: None,
                            }
                            .insert(conn)?;
                        }
                    }
                    DuoStatus::Paused => d.pause_reason = reason.clone(),
                    DuoStatus::Declined => {
                        d.ended_at = Some(now);
                        d.reason = reason.clone();
                        for c in [&d.newcomer_candidacy_id, &d.local_candidacy_id]
                            .into_iter()
                            .flatten()
                        {
                            CandidacyRow::set_status(conn, c, "waiting")?;
                        }
                        store::add_block(
                            conn,
                            &d.newcomer_id,
                            &d.local_id,
                            "declined",
                            by.clone(),
                        )?;
                    }
                    DuoStatus::Ended => {
                        d.ended_at = Some(now);
                        d.reason = reason.clone();
                        d.outcome = t.outcome.map(|o| o.as_str().to_owned());
                        if t.outcome == Some(DuoOutcome::Bad) {
                            store::add_block(
                                conn,
                                &d.newcomer_id,
                                &d.local_id,
                                "ended_badly",
                                by.clone(),
                            )?;
                        }
                    }
                    _ => {}
                }
                d.save(conn)?;
                let mut details =
                    json!({ "from": from.as_str(), "to": t.to.as_str(), "outcome": d.outcome });
                if from == DuoStatus::Introduced {
                    // What the decision was taken on.
                    details["feedback"] = duo_feedback::answers(conn, &d.id)?;
                }
                record(conn, &actor, "duo.transition", "duo", &d.id, details)?;
                let names = store::names(conn, &[d.newcomer_id.clone(), d.local_id.clone()])?;
                let feedback = FeedbackIndex::load(conn, std::slice::from_ref(&d.id))?;
                let calls = duo_follow_ups::follow_ups_of(conn, &d)?;
                let steps = duo_timeline::timeline_of(conn, &d)?;
                Ok((d, names, feedback, calls, steps))
            })
        })
        .await?;
    let mut dto = duo_dto(&row, &names, None, &feedback, lang_of(&req))?;
    dto.follow_ups = calls;
    dto.timeline = steps;
    Ok(web::Json(dto))
}

fn check_in_dto(c: &CheckInRow) -> Result<CheckIn, ApiError> {
    Ok(CheckIn {
        id: uuid(&c.id)?,
        met_on: c.met_on,
        activity: c.activity.clone(),
        duration_minutes: c.duration_minutes,
        reported_by: parse(&c.reported_by)?,
        satisfaction_newcomer: c.satisfaction_newcomer,
        satisfaction_local: c.satisfaction_local,
        notes: c.notes.clone(),
    })
}

/// The duo's reported meetings, newest first.
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, body = Vec<CheckIn>),
    ItemErrors
))]
#[get("/{id}/check-ins")]
pub async fn list_check_ins(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<CheckIn>>, ApiError> {
    user.require(Permission::ReadDuos)?;
    let d = visible_duo(&state, &user, id.into_inner()).await?;
    let rows = state
        .db
        .run(move |conn| Ok(CheckInRow::for_duos(conn, &[d.id])?))
        .await?;
    rows.iter()
        .map(check_in_dto)
        .collect::<Result<Vec<_>, _>>()
        .map(web::Json)
}

/// Report a meeting of the duo (coordinators, and coaches for the duos they accompany).
#[utoipa::path(tag = "duo2change", security(("bearer" = [])), params(("id" = Uuid, Path)), request_body = CheckInInput, responses(
    (status = 201, body = CheckIn),
    WriteErrors
))]
#[post("/{id}/check-ins")]
pub async fn add_check_in(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<CheckInInput>,
) -> Result<HttpResponse, ApiError> {
    user.require(Permission::ReadDuos)?;
    let d = visible_duo(&state, &user, id.into_inner()).await?;
    let c = body.0;
    let mut v = Validator::new();
    let activity = v.check("activity", required_text(&c.activity, 300));
    let notes = v
        .check("notes", optional_text(c.notes.as_deref(), 2000))
        .flatten();
    if c.met_on > chrono::Utc::now().date_naive() {
        v.add("met_on", Msg::InvalidValue);
    }
    if c.duration_minutes
        .is_some_and(|m| !(1..=24 * 60).contains(&m))
    {
        v.add("duration_minutes", Msg::InvalidValue);
    }
    for (f, s) in [
        ("satisfaction_newcomer", c.satisfaction_newcomer),
        ("satisfaction_local", c.satisfaction_local),
    ] {
        if s.is_some_and(|s| !(1..=5).contains(&s)) {
            v.add(f, Msg::InvalidValue);
        }
    }
    if !matches!(d.status.as_str(), "introduced" | "active" | "paused") {
        v.add("duo", Msg::InvalidValue);
    }
    v.finish()?;
    let actor = actor(&req, Some(&user));
    let by = Some(user.id.to_string());
    let row = CheckInRow {
        id: Uuid::now_v7().to_string(),
        duo_id: d.id.clone(),
        met_on: c.met_on,
        activity: activity.unwrap_or_default(),
        duration_minutes: c.duration_minutes,
        reported_by: c.reported_by.as_str().to_owned(),
        satisfaction_newcomer: c.satisfaction_newcomer,
        satisfaction_local: c.satisfaction_local,
        notes,
        created_by: by,
        created_at: crate::db::now(),
    };
    let row = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                row.insert(conn)?;
                crate::people::store::touch(conn, &d.newcomer_id)?;
                crate::people::store::touch(conn, &d.local_id)?;
                record(
                    conn,
                    &actor,
                    "duo.check_in",
                    "duo",
                    &d.id,
                    json!({ "check_in": row.id, "met_on": row.met_on }),
                )?;
                Ok(row)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(check_in_dto(&row)?))
}
