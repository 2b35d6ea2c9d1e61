//! InterLab diagnostics (issue 13): strengths first, versioned dated snapshots, the first
//! compared with the latest, and who may read and write them.

use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::auth::Role;
use shared::interlab::{
    Diagnostic, DiagnosticInput, Diagnostics, NeedDomain, NeedInput, NeedPriority, StrengthInput,
    Term,
};

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::interlab_fixtures::*;
use crate::people_fixtures::{count_rows, staff};

pub const STRENGTHS: &str = "/api/v1/interlab/strengths";

async fn strength_id(app: &TestApp, token: &str, slug: &str) -> uuid::Uuid {
    let terms: Vec<Term> = expect_json(app.get(STRENGTHS, Some(token)).await, StatusCode::OK).await;
    terms
        .into_iter()
        .find(|t| t.slug == slug)
        .unwrap_or_else(|| panic!("no strength {slug}"))
        .id
}

fn need(domain: NeedDomain, priority: NeedPriority, goal: &str) -> NeedInput {
    NeedInput {
        domain,
        priority,
        goal: Some(goal.into()),
        note: None,
    }
}

both!(
    diagnostics_are_dated_versions_compared_first_to_latest,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let (coach, coach_token) = staff(&app, Role::Coach).await;
        let (_, stranger) = staff(&app, Role::Coach).await;
        let e = entrepreneur(
            &app,
            &token,
            "Rania",
            shared::interlab::EntrepreneurInput {
                coach_id: Some(coach),
                ..project("Saveurs d'Alep")
            },
        )
        .await;
        let path = format!("{ENTREPRENEURS}/{}/diagnostics", e.id);
        let cook = strength_id(&app, &token, "trade-skill").await;
        let langs = strength_id(&app, &token, "languages").await;
        let network = strength_id(&app, &token, "network").await;
        let first = DiagnosticInput {
            held_on: "2026-10-05".parse().expect("date"),
            strengths: vec![
                StrengthInput {
                    strength_id: cook,
                    level: 4,
                    note: Some("Vingt ans de cuisine familiale pour cinquante personnes".into()),
                },
                StrengthInput {
                    strength_id: langs,
                    level: 3,
                    note: None,
                },
            ],
            needs: vec![
                need(
                    NeedDomain::Administration,
                    NeedPriority::High,
                    "Avoir mon numéro BCE",
                ),
                need(
                    NeedDomain::Language,
                    NeedPriority::Medium,
                    "Parler aux fournisseurs",
                ),
            ],
            summary: Some("Une cuisinière confirmée, prête à se lancer.".into()),
        };
        let d1: Diagnostic = expect_json(
            send(&app, Method::POST, &path, &coach_token, &first).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(d1.version, 1);
        assert_eq!(d1.strengths[0].label, "Trade skill");
        assert_eq!(d1.strengths.len(), 2);
        let alone: Diagnostics =
            expect_json(app.get(&path, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(alone.diagnostics, std::slice::from_ref(&d1));
        assert_eq!(alone.comparison, None);

        let later = DiagnosticInput {
            held_on: "2026-12-01".parse().expect("date"),
            strengths: vec![
                StrengthInput {
                    strength_id: network,
                    level: 2,
                    note: None,
                },
                StrengthInput {
                    strength_id: cook,
                    level: 4,
                    note: None,
                },
            ],
            needs: vec![need(
                NeedDomain::Financing,
                NeedPriority::High,
                "Un microcrédit",
            )],
            summary: None,
        };
        let d2: Diagnostic = expect_json(
            send(&app, Method::POST, &path, &token, &later).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(d2.version, 2);
        let all: Diagnostics =
            expect_json(app.get(&path, Some(&coach_token)).await, StatusCode::OK).await;
        assert_eq!(all.diagnostics, [d1, d2]);
        let c = all.comparison.expect("comparison");
        assert_eq!((c.first_version, c.latest_version), (1, 2));
        let strengths: Vec<(uuid::Uuid, Option<i32>, Option<i32>)> = c
            .strengths
            .iter()
            .map(|s| (s.strength_id, s.first, s.latest))
            .collect();
        assert_eq!(
            strengths,
            [
                (network, None, Some(2)),
                (cook, Some(4), Some(4)),
                (langs, Some(3), None)
            ]
        );
        let needs: Vec<(NeedDomain, Option<NeedPriority>, Option<NeedPriority>)> = c
            .needs
            .iter()
            .map(|n| (n.domain, n.first, n.latest))
            .collect();
        assert_eq!(
            needs,
            [
                (NeedDomain::Language, Some(NeedPriority::Medium), None),
                (NeedDomain::Administration, Some(NeedPriority::High), None),
                (NeedDomain::Financing, None, Some(NeedPriority::High)),
            ]
        );

        // Field by field; nothing is stored on error.
        let bad = json!({
            "held_on": "2099-01-01",
            "strengths": [
                { "strength_id": cook, "level": 0 },
                { "strength_id": cook, "level": 2 },
                { "strength_id": uuid::Uuid::new_v4(), "level": 2 },
            ],
            "needs": [
                { "domain": "premises", "priority": "low" },
                { "domain": "premises", "priority": "high" },
            ],
        });
        let p = expect_problem(
            send(&app, Method::POST, &path, &token, &bad).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        for field in [
            "held_on",
            "strengths[0].level",
            "strengths[1].strength_id",
            "needs[1].domain",
        ] {
            assert_eq!(p.field_errors(field).len(), 1, "{field}: {p:?}");
        }
        let unknown = json!({ "held_on": "2026-12-02", "strengths": [{ "strength_id": uuid::Uuid::new_v4(), "level": 2 }] });
        let p = expect_problem(
            send(&app, Method::POST, &path, &token, &unknown).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("strengths[0].strength_id").len(), 1);
        let no_strength = json!({ "held_on": "2026-12-02", "strengths": [], "needs": [{ "domain": "legal", "priority": "high" }] });
        let p = expect_problem(
            send(&app, Method::POST, &path, &token, &no_strength).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("strengths").len(), 1);
        // A sector is not a strength.
        let food = sector_id(&app, &token, "food").await;
        let sector =
            json!({ "held_on": "2026-12-02", "strengths": [{ "strength_id": food, "level": 2 }] });
        expect_problem(
            send(&app, Method::POST, &path, &token, &sector).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(count_rows(&app, "interlab_diagnostics"), 2);

        // Another coach neither reads nor writes them.
        expect_problem(app.get(&path, Some(&stranger)).await, StatusCode::NOT_FOUND).await;
        expect_problem(
            send(&app, Method::POST, &path, &stranger, &later).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        expect_problem(app.get(&path, None).await, StatusCode::UNAUTHORIZED).await;
        assert_eq!(count_rows(&app, "interlab_diagnostics"), 2);
    }
);
