//! InterLab's path (issue 13): templates per need domain, milestones generated from them then
//! edited, progress, overdue milestones on the list, and needs that belong to someone else.

use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::auth::Role;
use shared::interlab::{
    Diagnostic, Entrepreneur, Milestone, MilestoneStatus, NeedDomain, PathView, Template,
};

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::interlab_fixtures::*;
use crate::people_fixtures::{count_rows, staff};

const TEMPLATES: &str = "/api/v1/interlab/templates";

async fn diagnose(app: &TestApp, token: &str, e: &Entrepreneur) -> Diagnostic {
    let terms: Vec<shared::interlab::Term> = expect_json(
        app.get("/api/v1/interlab/strengths", Some(token)).await,
        StatusCode::OK,
    )
    .await;
    let body = json!({
        "held_on": "2026-01-05",
        "strengths": [{ "strength_id": terms[0].id, "level": 3 }],
        "needs": [
            { "domain": "administration", "priority": "high", "goal": "Être en règle" },
            { "domain": "financing", "priority": "medium" },
        ],
    });
    expect_json(
        send(
            app,
            Method::POST,
            &format!("{ENTREPRENEURS}/{}/diagnostics", e.id),
            token,
            &body,
        )
        .await,
        StatusCode::CREATED,
    )
    .await
}

both!(
    a_path_from_templates_then_edited_with_its_progress,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let (coach, coach_token) = staff(&app, Role::Coach).await;
        let rania = entrepreneur(
            &app,
            &token,
            "Rania",
            shared::interlab::EntrepreneurInput {
                coach_id: Some(coach),
                ..project("Saveurs d'Alep")
            },
        )
        .await;
        let olena = entrepreneur(&app, &token, "Olena", project("Broderies")).await;
        let d = diagnose(&app, &token, &rania).await;
        let theirs = diagnose(&app, &token, &olena).await;
        let admin_need = d
            .needs
            .iter()
            .find(|n| n.domain == NeedDomain::Administration)
            .expect("need")
            .id;
        let path = format!("{ENTREPRENEURS}/{}/milestones", rania.id);

        let generated: PathView = expect_json(
            send(
                &app,
                Method::POST,
                &format!("{path}/from-templates"),
                &coach_token,
                &json!({ "need_id": admin_need, "starts_on": "2026-01-01" }),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        let dues: Vec<String> = generated
            .milestones
            .iter()
            .map(|m| m.due_on.expect("due").to_string())
            .collect();
        assert_eq!(
            dues,
            ["2026-01-15", "2026-02-05", "2026-02-19", "2026-03-12"]
        );
        assert!(generated
            .milestones
            .iter()
            .all(|m| m.domain == Some(NeedDomain::Administration)));
        assert_eq!(generated.overdue, 4);
        assert_eq!((generated.overall.done, generated.overall.total), (0, 4));

        // Edited freely: done with its evidence, the others keep going.
        let first = &generated.milestones[0];
        let done: Milestone = expect_json(
            send(
                &app,
                Method::PUT,
                &format!("{path}/{}", first.id),
                &coach_token,
                &json!({ "title": "Guichet choisi : Xerius", "owner": "entrepreneur", "status": "done", "evidence": "Rendez-vous le 20 janvier", "due_on": "2026-01-15", "need_id": admin_need }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(done.status, MilestoneStatus::Done);
        assert!(done.completed_on.is_some());
        assert!(!done.overdue);
        let free: Milestone = expect_json(
            send(
                &app,
                Method::POST,
                &path,
                &token,
                &json!({ "title": "Goûter le menu avec dix clients", "owner": "entrepreneur", "due_on": "2099-01-01" }),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(free.domain, None);
        let view: PathView = expect_json(app.get(&path, Some(&token)).await, StatusCode::OK).await;
        assert_eq!(view.overdue, 3);
        assert_eq!(
            (view.overall.done, view.overall.total, view.overall.percent),
            (1, 5, 20)
        );
        let by: Vec<(Option<NeedDomain>, u32, u32)> = view
            .by_domain
            .iter()
            .map(|p| (p.domain, p.done, p.total))
            .collect();
        assert_eq!(by, [(Some(NeedDomain::Administration), 1, 4), (None, 0, 1)]);

        // Another entrepreneur's need, or milestone, is refused; nothing changes.
        let other_need = theirs.needs[0].id;
        let p = expect_problem(
            send(
                &app,
                Method::POST,
                &path,
                &token,
                &json!({ "title": "x", "owner": "coach", "need_id": other_need }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("need_id").len(), 1);
        expect_problem(
            send(
                &app,
                Method::POST,
                &format!("{path}/from-templates"),
                &token,
                &json!({ "need_id": other_need }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        let olena_path = format!("{ENTREPRENEURS}/{}/milestones", olena.id);
        expect_problem(
            send(
                &app,
                Method::PUT,
                &format!("{olena_path}/{}", first.id),
                &token,
                &json!({ "title": "x", "owner": "coach" }),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        let p = expect_problem(
            send(
                &app,
                Method::POST,
                &path,
                &token,
                &json!({ "title": " ", "owner": "nobody" }),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(!p.field_errors("owner").is_empty() || !p.field_errors("title").is_empty());
        assert_eq!(count_rows(&app, "interlab_milestones"), 5);

        // Overdue milestones surface on the list.
        let late = entrepreneurs(&app, &token, "overdue=true").await;
        assert_eq!(late.count, 1);
        assert_eq!(late.results[0].id, rania.id);
        assert_eq!(late.results[0].overdue_milestones, 3);
        assert_eq!(entrepreneurs(&app, &token, "overdue=false").await.count, 1);
        assert_eq!(entrepreneurs(&app, &token, "").await.count, 2);
        // A coach who does not accompany her sees none of it.
        let (_, stranger) = staff(&app, Role::Coach).await;
        expect_problem(app.get(&path, Some(&stranger)).await, StatusCode::NOT_FOUND).await;
    }
);

both!(
    administrators_edit_the_templates,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let coordinator = app.token_for(Role::Coordinator).await;
        let all: Vec<Template> = expect_json(
            app.get(
                &format!("{TEMPLATES}?domain=administration"),
                Some(&coordinator),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(all.len(), 4);
        assert!(all.windows(2).all(|w| w[0].position <= w[1].position));
        let body = json!({ "domain": "digital", "position": 2, "title": "Accepter le paiement mobile", "typical_days": 7, "resources": "Banque ; Payconiq" });
        expect_problem(
            send(&app, Method::POST, TEMPLATES, &coordinator, &body).await,
            StatusCode::FORBIDDEN,
        )
        .await;
        let t: Template = expect_json(
            send(&app, Method::POST, TEMPLATES, &admin, &body).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(t.domain, NeedDomain::Digital);
        let bad = json!({ "domain": "digital", "title": "", "typical_days": 0 });
        let p = expect_problem(
            send(
                &app,
                Method::PUT,
                &format!("{TEMPLATES}/{}", t.id),
                &admin,
                &bad,
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(p.field_errors("title").len(), 1);
        assert_eq!(p.field_errors("typical_days").len(), 1);
        let renamed: Template = expect_json(
            send(
                &app,
                Method::PUT,
                &format!("{TEMPLATES}/{}", t.id),
                &admin,
                &json!({ "domain": "digital", "position": 2, "title": "Paiement mobile", "typical_days": 10 }),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            (renamed.title.as_str(), renamed.typical_days),
            ("Paiement mobile", 10)
        );
    }
);
