//! The matching weights, versioned so that each proposal records what produced it.

use serde_json::json;
use shared::duo::MatchingSettings;

use super::Acting;
use crate::audit::audit_event as record;
use crate::audit::AuditAction;
use crate::db::{write_transaction, Db};
use crate::duo::matching::score::Weights;
use crate::duo::store;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;

fn view(version: i32, w: &Weights) -> MatchingSettings {
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

/// The current weights.
pub async fn current(db: &Db) -> Result<MatchingSettings, ApiError> {
    let (version, w) = db.run(store::latest_settings).await?;
    Ok(view(version, &w))
}

/// Checks and stores new weights as the next version.
pub async fn save(
    db: &Db,
    acting: &Acting,
    s: MatchingSettings,
) -> Result<MatchingSettings, ApiError> {
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
    let (actor, by) = (acting.actor.clone(), acting.by());
    let version = db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let version = store::save_settings(conn, &w, by)?;
                record(
                    conn,
                    &actor,
                    AuditAction::DuoSettingsChanged,
                    "duo_settings",
                    &version.to_string(),
                    json!({}),
                )?;
                Ok(version)
            })
        })
        .await?;
    Ok(view(version, &w))
}
