//! Matching over the waiting pool: explained suggestions for one candidate, the optimal batch
//! (previewed, then accepted), and proposals.

use std::collections::{BTreeMap, HashSet};

use serde_json::json;
use shared::duo::{
    AcceptedPair, BatchPair, BatchPreview, BatchUnmatched, CandidacyStatus, Duo, DuoStatus,
    PairRef, ScoreBreakdown, Suggestion,
};
use shared::people::Category;
use shared::Lang;
use uuid::Uuid;

use super::duos::view as duo_view;
use super::feedback::FeedbackIndex;
use super::Acting;
use crate::audit::audit_event as record;
use crate::audit::AuditAction;
use crate::db::{lock_rows, stored_id as uuid, write_transaction, Db, DbConnection, JsonText};
use crate::duo::matching::pool::{self as assign, Unmatched};
use crate::duo::matching::score::{self, Breakdown, Exclusion, Profile, Side};
use crate::duo::pool::{load_pool, Pool};
use crate::duo::store::{CandidacyRow, DuoRow, Explanation};
use crate::error::ApiError;
use crate::i18n::Msg;

pub(crate) fn breakdown_view(b: &Breakdown) -> ScoreBreakdown {
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

/// The best `k` partners for one candidacy among the waiting pool, ranked, with the reasons.
pub async fn suggestions(
    db: &Db,
    id: Uuid,
    k: usize,
    lang: Lang,
) -> Result<Vec<Suggestion>, ApiError> {
    let id = id.to_string();
    let pool = db
        .run(move |conn| {
            load_pool(conn, &[CandidacyStatus::Waiting], std::slice::from_ref(&id)).map(|p| (p, id))
        })
        .await?;
    let (pool, id) = pool;
    let Some(me) = pool.candidacies.iter().position(|c| c.id == id) else {
        return Err(ApiError::NotFound);
    };
    let others: Vec<usize> = (0..pool.profiles.len()).filter(|&i| i != me).collect();
    let candidates: Vec<Profile> = others.iter().map(|&i| pool.profiles[i].clone()).collect();
    let found = assign::suggestions(
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
                display_name: pool.name(&c.person_id),
                score: breakdown_view(&s.breakdown),
                reasons: score::explain(&pool.profiles[me], &pool.profiles[idx], &pool.world, lang),
            })
        })
        .collect()
}

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
        display_name: pool.name(&c.person_id),
        score: breakdown_view(&b),
        reasons: vec![],
    })
}

/// Runs the batch over the pool, keeping the coordinator's pins.
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
    let b = assign::batch(&np, &lp, &pins, &pool.world, &pool.weights, &pool.blocked);
    let mut pairs = Vec::new();
    for p in &b.pairs {
        let (ni, li) = (newcomers[p.newcomer], locals[p.local]);
        pairs.push(BatchPair {
            newcomer: candidacy_summary(pool, ni, li)?,
            local: candidacy_summary(pool, li, ni)?,
            score: breakdown_view(&p.breakdown),
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
                display_name: pool.name(&c.person_id),
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

/// The optimal pairing of the whole waiting pool, with the given pins. Nothing is stored.
pub async fn preview(db: &Db, pinned: Vec<PairRef>, lang: Lang) -> Result<BatchPreview, ApiError> {
    let pool = db
        .run(|conn| load_pool(conn, &[CandidacyStatus::Waiting], &[]))
        .await?;
    // CPU-bound: off the async workers.
    actix_web::web::block(move || run_batch(&pool, &pinned, lang))
        .await
        .map_err(|e| anyhow::anyhow!("batch failed: {e}"))?
}

/// Creates proposals for the given pairs after checking them again against the current pool.
fn propose(
    conn: &mut DbConnection,
    pairs: &[AcceptedPair],
    acting: &Acting,
) -> Result<Vec<DuoRow>, ApiError> {
    // On PostgreSQL, concurrent proposals involving the same candidacies wait for each other
    // here, then see the statuses the first one set (in a fixed order, so they cannot deadlock).
    let ids = super::unique(
        pairs
            .iter()
            .flat_map(|p| [p.newcomer.to_string(), p.local.to_string()]),
    );
    for id in &ids {
        lock_rows(
            conn,
            "SELECT id FROM duo_candidacies WHERE id = $1 FOR UPDATE",
            id,
        )?;
    }
    let pool = load_pool(conn, &[CandidacyStatus::Waiting], &[])?;
    let mut used = HashSet::new();
    let mut out = Vec::new();
    for (k, p) in pairs.iter().enumerate() {
        let refused = || ApiError::field(&format!("pairs[{k}]"), Msg::InvalidValue);
        let idx = |id: Uuid| pool.candidacies.iter().position(|c| c.id == id.to_string());
        let (Some(n), Some(l)) = (idx(p.newcomer), idx(p.local)) else {
            return Err(refused());
        };
        if pool.profiles[n].side != Side::Newcomer
            || pool.profiles[l].side != Side::Local
            || !used.insert(n)
            || !used.insert(l)
        {
            return Err(refused());
        }
        if score::check(
            &pool.profiles[n],
            &pool.profiles[l],
            &pool.world,
            &pool.blocked,
        )
        .is_err()
        {
            return Err(refused());
        }
        let b = score::score(
            &pool.profiles[n],
            &pool.profiles[l],
            &pool.world,
            &pool.weights,
        );
        // The reasons in every interface language, so each reader sees them in theirs.
        let reasons_by_lang: BTreeMap<String, Vec<String>> = Lang::ALL
            .into_iter()
            .map(|lang| {
                let r = score::explain(&pool.profiles[n], &pool.profiles[l], &pool.world, lang);
                (lang.code().to_owned(), r)
            })
            .collect();
        let explanation = Explanation {
            breakdown: Some(serde_json::to_value(b).map_err(anyhow::Error::from)?),
            reasons: reasons_by_lang
                .get(Lang::Fr.code())
                .cloned()
                .unwrap_or_default(),
            reasons_by_lang,
        };
        let now = crate::db::now();
        let (nc, lc) = (&pool.candidacies[n], &pool.candidacies[l]);
        let row = DuoRow {
            id: Uuid::now_v7().to_string(),
            newcomer_id: nc.person_id.clone(),
            local_id: lc.person_id.clone(),
            newcomer_candidacy_id: Some(nc.id.clone()),
            local_candidacy_id: Some(lc.id.clone()),
            status: DuoStatus::Proposed,
            score: Some((b.total * 10.0).round() / 10.0),
            explanation: Some(JsonText(explanation)),
            settings_version: Some(pool.version),
            pinned: p.pinned,
            proposed_at: now,
            introduced_at: None,
            confirmed_at: None,
            ended_at: None,
            reason: None,
            outcome: None,
            created_by: acting.by(),
            updated_at: now,
            pause_reason: None,
        };
        row.insert(conn)?;
        CandidacyRow::set_status(conn, &nc.id, CandidacyStatus::Proposed)?;
        CandidacyRow::set_status(conn, &lc.id, CandidacyStatus::Proposed)?;
        record(
            conn,
            &acting.actor,
            AuditAction::DuoProposed,
            "duo",
            &row.id,
            json!({ "score": row.score, "settings_version": pool.version, "pinned": row.pinned }),
        )?;
        out.push(row);
    }
    Ok(out)
}

/// Proposals for `pairs`, in the wire form.
async fn proposed(
    db: &Db,
    acting: &Acting,
    pairs: Vec<AcceptedPair>,
    lang: Lang,
) -> Result<Vec<Duo>, ApiError> {
    let acting = acting.clone();
    db.run(move |conn| {
        write_transaction(conn, |conn| {
            let rows = propose(conn, &pairs, &acting)?;
            let ids: Vec<String> = rows
                .iter()
                .flat_map(|r| [r.newcomer_id.clone(), r.local_id.clone()])
                .collect();
            let names = crate::people::store::names(conn, &ids)?;
            rows.iter()
                .map(|r| duo_view(r, &names, None, &FeedbackIndex::default(), lang))
                .collect()
        })
    })
    .await
}

/// Turns the pairs of a batch preview into proposals (checked again against the current pool).
pub async fn accept(
    db: &Db,
    acting: &Acting,
    pairs: Vec<AcceptedPair>,
    lang: Lang,
) -> Result<Vec<Duo>, ApiError> {
    proposed(db, acting, pairs, lang).await
}

/// Proposes one pair chosen by a coordinator (e.g. from a candidate's suggestions).
pub async fn propose_one(
    db: &Db,
    acting: &Acting,
    pair: PairRef,
    lang: Lang,
) -> Result<Duo, ApiError> {
    let pair = AcceptedPair {
        newcomer: pair.newcomer,
        local: pair.local,
        pinned: false,
    };
    proposed(db, acting, vec![pair], lang)
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("no proposal created").into())
}

/// Proposals waiting for a decision (proposed and introduced), newest first (coaches: those of
/// the people they accompany).
pub async fn proposals(db: &Db, coach: Option<String>, lang: Lang) -> Result<Vec<Duo>, ApiError> {
    db.run(move |conn| {
        let rows = DuoRow::list(
            conn,
            &[DuoStatus::Proposed, DuoStatus::Introduced],
            coach.as_deref(),
        )?;
        let ids: Vec<String> = rows
            .iter()
            .flat_map(|r| [r.newcomer_id.clone(), r.local_id.clone()])
            .collect();
        let duo_ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        let names = crate::people::store::names(conn, &ids)?;
        let feedback = FeedbackIndex::load(conn, &duo_ids)?;
        rows.iter()
            .map(|r| duo_view(r, &names, None, &feedback, lang))
            .collect()
    })
    .await
}
