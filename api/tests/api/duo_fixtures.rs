//! Fixtures of the Duo2Change scenarios, in one place: a pool of five candidates, proposals
//! and duos in each state, and one helper per duo endpoint the scenarios call.

use chrono::{Duration, NaiveDate, Utc};
use diesel::RunQueryDsl;
use interra_api::db::DbConnection;
use reqwest::{Method, StatusCode};
use shared::audit::AuditEntry;
use shared::auth::Role;
use shared::duo::{
    AcceptedPair, AssessmentPhase, BatchAccept, BatchPreview, BatchRequest, Candidacy,
    CandidacyInput, CandidacyStatus, CheckInInput, ContinueWish, Duo, DuoOutcome, DuoStatus,
    DuoTransition, FollowUp, FollowUpDone, FollowUpInput, PairRef, Reporter, SelfAssessment,
    SelfAssessmentInput, Suggestion, TravelRange, TrialFeedbackInput,
};
use shared::people::{Category, FrenchLevel, LanguageLevel};
use shared::Page;
use uuid::Uuid;

use crate::activity_fixtures::*;
use crate::helpers::{expect_json, TestApp, PASSWORD};

pub(crate) const CANDIDATES: &str = "/api/v1/duo/candidates";

/// A candidate: the person and the candidacy.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    pub person: Uuid,
    pub candidacy: Uuid,
}

/// Amina and Bilal (newcomers), Marc, Claire and Dan (locals). Amina and Marc share cooking,
/// football, Arabic and Saturday afternoons in Liège; Claire is free when Bilal is, in Seraing;
/// Dan is free only on Monday mornings, when nobody else is.
pub(crate) struct Pool {
    pub amina: Cand,
    pub bilal: Cand,
    pub marc: Cand,
    pub claire: Cand,
    pub dan: Cand,
}

pub(crate) fn candidacy_input(person: Uuid, commune: &str) -> CandidacyInput {
    CandidacyInput {
        person_id: person,
        commune: Some(commune.into()),
        travel: TravelRange::Anywhere,
        gender: None,
        partner_gender: None,
        partner_age_min: None,
        partner_age_max: None,
        hopes: vec![],
        wants_french_practice: false,
        remarks: None,
        status: None,
    }
}

pub(crate) async fn candidate(
    app: &TestApp,
    token: &str,
    person: shared::people::PersonInput,
    commune: &str,
    practice: bool,
) -> Cand {
    let p = create_person_from(app, token, &person).await;
    let c: Candidacy = expect_json(
        app.send_json(
            Method::POST,
            CANDIDATES,
            Some(token),
            &CandidacyInput {
                wants_french_practice: practice,
                ..candidacy_input(p.id, commune)
            },
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(c.status, CandidacyStatus::Waiting);
    Cand {
        person: p.id,
        candidacy: c.id,
    }
}

pub(crate) async fn pool(app: &TestApp, token: &str) -> Pool {
    let cooking = tag_id(app, token, "cooking").await;
    let football = tag_id(app, token, "football").await;
    use LanguageLevel::*;
    let amina = candidate(
        app,
        token,
        matching_person(
            "Amina",
            true,
            &["sat_afternoon"],
            &[cooking, football],
            FrenchLevel::A2,
            &[("ar", Native)],
        ),
        "liege",
        true,
    )
    .await;
    let bilal = candidate(
        app,
        token,
        matching_person(
            "Bilal",
            true,
            &["sat_afternoon", "sun_morning"],
            &[],
            FrenchLevel::B1,
            &[],
        ),
        "liege",
        false,
    )
    .await;
    let marc = candidate(
        app,
        token,
        matching_person(
            "Marc",
            false,
            &["sat_afternoon"],
            &[cooking, football],
            FrenchLevel::C2,
            &[("ar", Intermediate)],
        ),
        "liege",
        false,
    )
    .await;
    let claire = candidate(
        app,
        token,
        matching_person(
            "Claire",
            false,
            &["sat_afternoon", "sun_morning"],
            &[],
            FrenchLevel::C2,
            &[],
        ),
        "seraing",
        false,
    )
    .await;
    let dan = candidate(
        app,
        token,
        matching_person("Dan", false, &["mon_morning"], &[], FrenchLevel::C2, &[]),
        "liege",
        false,
    )
    .await;
    Pool {
        amina,
        bilal,
        marc,
        claire,
        dan,
    }
}

pub(crate) async fn suggestions(
    app: &TestApp,
    token: &str,
    c: Cand,
    lang: &str,
) -> Vec<Suggestion> {
    expect_json(
        send_with::<()>(
            app,
            Method::GET,
            &format!("{CANDIDATES}/{}/suggestions", c.candidacy),
            Some(token),
            &[("Accept-Language", lang)],
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await
}

pub(crate) async fn preview(app: &TestApp, token: &str, pinned: Vec<PairRef>) -> BatchPreview {
    expect_json(
        app.send_json(
            Method::POST,
            "/api/v1/duo/batch",
            Some(token),
            &BatchRequest { pinned },
        )
        .await,
        StatusCode::OK,
    )
    .await
}

pub(crate) fn pair(n: Cand, l: Cand) -> PairRef {
    PairRef {
        newcomer: n.candidacy,
        local: l.candidacy,
    }
}

pub(crate) async fn accept(app: &TestApp, token: &str, pairs: Vec<PairRef>) -> reqwest::Response {
    let pairs = pairs
        .into_iter()
        .map(|p| AcceptedPair {
            newcomer: p.newcomer,
            local: p.local,
            pinned: false,
        })
        .collect();
    app.send_json(
        Method::POST,
        "/api/v1/duo/batch/accept",
        Some(token),
        &BatchAccept { pairs },
    )
    .await
}

pub(crate) async fn move_duo(
    app: &TestApp,
    token: &str,
    duo: Uuid,
    to: DuoStatus,
    reason: Option<&str>,
    outcome: Option<DuoOutcome>,
) -> reqwest::Response {
    app.send_json(
        Method::POST,
        &format!("/api/v1/duos/{duo}/transition"),
        Some(token),
        &DuoTransition {
            to,
            reason: reason.map(str::to_owned),
            outcome,
        },
    )
    .await
}

pub(crate) async fn moved(app: &TestApp, token: &str, duo: Uuid, to: DuoStatus) -> Duo {
    expect_json(
        move_duo(app, token, duo, to, None, None).await,
        StatusCode::OK,
    )
    .await
}

pub(crate) async fn candidacy(app: &TestApp, token: &str, c: Cand) -> Candidacy {
    get_json(app, &format!("{CANDIDATES}/{}", c.candidacy), Some(token)).await
}

pub(crate) async fn check_in(
    app: &TestApp,
    token: &str,
    duo: Uuid,
    input: &CheckInInput,
) -> reqwest::Response {
    app.send_json(
        Method::POST,
        &format!("/api/v1/duos/{duo}/check-ins"),
        Some(token),
        input,
    )
    .await
}

pub(crate) fn meeting(days_ago: i64) -> CheckInInput {
    CheckInInput {
        // The day in Brussels, as the web app dates a meeting and the API checks it.
        met_on: Utc::now()
            .with_timezone(&chrono_tz::Europe::Brussels)
            .date_naive()
            - Duration::days(days_ago),
        activity: "Balade au parc de la Boverie".into(),
        duration_minutes: Some(90),
        reported_by: Reporter::Newcomer,
        satisfaction_newcomer: Some(4),
        satisfaction_local: Some(5),
        notes: None,
    }
}

/// Proposals (Amina, Marc) and (Bilal, Claire).
pub(crate) async fn two_proposals(app: &TestApp, token: &str, p: &Pool) -> (Uuid, Uuid) {
    let made: Vec<Duo> = expect_json(
        accept(
            app,
            token,
            vec![pair(p.amina, p.marc), pair(p.bilal, p.claire)],
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let id = |person: Uuid| {
        made.iter()
            .find(|d| d.newcomer_id == person)
            .expect("duo")
            .id
    };
    (id(p.amina.person), id(p.bilal.person))
}

/// Two confirmed duos: (Amina, Marc) and (Bilal, Claire).
pub(crate) async fn two_active(app: &TestApp, token: &str, p: &Pool) -> (Uuid, Uuid) {
    let (am, bc) = two_proposals(app, token, p).await;
    for d in [am, bc] {
        moved(app, token, d, DuoStatus::Introduced).await;
        moved(app, token, d, DuoStatus::Active).await;
    }
    (am, bc)
}

pub(crate) fn feedback(side: Category, wish: ContinueWish, rating: i32) -> TrialFeedbackInput {
    TrialFeedbackInput {
        side,
        wants_to_continue: wish,
        rating,
        notes: None,
        given_on: None,
    }
}

pub(crate) async fn post_feedback(
    app: &TestApp,
    token: &str,
    duo: Uuid,
    input: &TrialFeedbackInput,
) -> reqwest::Response {
    app.send_json(
        Method::POST,
        &format!("/api/v1/duos/{duo}/feedback"),
        Some(token),
        input,
    )
    .await
}

pub(crate) async fn duo_audit(app: &TestApp, admin: &str, duo: Uuid) -> Vec<AuditEntry> {
    let page: Page<AuditEntry> = get_json(
        app,
        &format!("/api/v1/audit?entity_type=duo&entity_id={duo}&page_size=200"),
        Some(admin),
    )
    .await;
    let mut entries = page.results;
    entries.reverse();
    entries
}

/// A staff account of `role`: its id, display name and token.
pub(crate) async fn staff(app: &TestApp, role: Role) -> (Uuid, String, String) {
    let email = format!("{}-{}@example.be", role.as_str(), Uuid::new_v4().simple());
    let row = app.create_user(&email, role);
    let session = app.sign_in(&email, PASSWORD).await;
    (session.user.id, row.display_name, session.access)
}

pub(crate) fn exec(app: &TestApp, sql: &str) {
    let mut conn = app.db.conn().expect("conn");
    match &mut *conn {
        DbConnection::Sqlite(c) => diesel::sql_query(sql).execute(c),
        DbConnection::Postgres(c) => diesel::sql_query(sql).execute(c),
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

pub(crate) fn days_from_today(days: i64) -> NaiveDate {
    (Utc::now() + Duration::days(days)).date_naive()
}

pub(crate) async fn follow_ups(app: &TestApp, token: &str, duo: Uuid) -> Vec<FollowUp> {
    get_json(app, &format!("/api/v1/duos/{duo}/follow-ups"), Some(token)).await
}

pub(crate) async fn done(
    app: &TestApp,
    token: &str,
    duo: Uuid,
    call: Uuid,
    body: &FollowUpDone,
) -> reqwest::Response {
    app.send_json(
        Method::POST,
        &format!("/api/v1/duos/{duo}/follow-ups/{call}/done"),
        Some(token),
        body,
    )
    .await
}

pub(crate) async fn plan(
    app: &TestApp,
    token: &str,
    duo: Uuid,
    body: &FollowUpInput,
) -> reqwest::Response {
    app.send_json(
        Method::POST,
        &format!("/api/v1/duos/{duo}/follow-ups"),
        Some(token),
        body,
    )
    .await
}

pub(crate) fn newcomer(
    phase: AssessmentPhase,
    confidence: i32,
    helpers: i32,
) -> SelfAssessmentInput {
    SelfAssessmentInput {
        side: Category::Newcomer,
        phase,
        assessed_on: None,
        french_confidence: Some(confidence),
        help_contacts: Some(helpers),
        intercultural_understanding: None,
        learnt: None,
    }
}

pub(crate) fn local(
    phase: AssessmentPhase,
    understanding: i32,
    learnt: Option<&str>,
) -> SelfAssessmentInput {
    SelfAssessmentInput {
        side: Category::Local,
        phase,
        assessed_on: None,
        french_confidence: None,
        help_contacts: None,
        intercultural_understanding: Some(understanding),
        learnt: learnt.map(str::to_owned),
    }
}

pub(crate) async fn post_assessment(
    app: &TestApp,
    token: &str,
    duo: Uuid,
    input: &SelfAssessmentInput,
) -> reqwest::Response {
    app.send_json(
        Method::POST,
        &format!("/api/v1/duos/{duo}/assessments"),
        Some(token),
        input,
    )
    .await
}

pub(crate) async fn assessed(
    app: &TestApp,
    token: &str,
    duo: Uuid,
    input: &SelfAssessmentInput,
) -> SelfAssessment {
    expect_json(
        post_assessment(app, token, duo, input).await,
        StatusCode::CREATED,
    )
    .await
}

/// A duo stored directly in the given state, between two new people.
pub(crate) async fn duo_in_state(app: &TestApp, token: &str, status: DuoStatus) -> Uuid {
    let newcomer = create_person(app, token, "Nour", true).await;
    let local = create_person(app, token, "Luc", false).await;
    let now = interra_api::db::now();
    let id = Uuid::now_v7();
    let row = interra_api::duo::store::DuoRow {
        id: id.to_string(),
        newcomer_id: newcomer.to_string(),
        local_id: local.to_string(),
        newcomer_candidacy_id: None,
        local_candidacy_id: None,
        status,
        score: None,
        explanation: None,
        settings_version: None,
        pinned: false,
        proposed_at: now - Duration::days(100),
        introduced_at: Some(now - Duration::days(95)),
        confirmed_at: (status != DuoStatus::Introduced).then(|| now - Duration::days(90)),
        ended_at: (status == DuoStatus::Ended).then_some(now),
        reason: None,
        outcome: None,
        created_by: None,
        updated_at: now,
        pause_reason: None,
    };
    let mut conn = app.db.conn().expect("conn");
    row.insert(&mut conn).expect("insert duo");
    id
}
