//! Duo2Change "do not pair": a coordinator's block keeps a pair out of suggestions, batch runs
//! and proposals until lifted; blocks from declined duos stay; only managers see them.

use reqwest::{Method, StatusCode};
use shared::auth::Role;
use shared::duo::{BlockReason, Duo, DuoStatus, PairBlock, PairBlockInput};
use shared::ErrorCode;
use uuid::Uuid;

use crate::activity_fixtures::*;
use crate::both;
use crate::duo_fixtures::*;
use crate::helpers::{expect_json, expect_problem, TestApp};

const BLOCKS: &str = "/api/v1/duo/blocks";

fn input(a: Uuid, b: Uuid, note: &str) -> PairBlockInput {
    PairBlockInput {
        person_a: a,
        person_b: b,
        note: note.into(),
    }
}

async fn blocks(app: &TestApp, token: &str, person: Option<Uuid>) -> Vec<PairBlock> {
    let path = match person {
        Some(p) => format!("{BLOCKS}?person_id={p}"),
        None => BLOCKS.to_owned(),
    };
    get_json(app, &path, Some(token)).await
}

async fn suggested(app: &TestApp, token: &str, c: Cand) -> Vec<Uuid> {
    let s = suggestions(app, token, c, "fr").await;
    s.into_iter().map(|s| s.person_id).collect()
}

both!(
    a_coordinators_block_keeps_the_pair_apart_until_lifted,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let p = pool(&app, &token).await;
        assert!(suggested(&app, &token, p.amina)
            .await
            .contains(&p.marc.person));

        let block: PairBlock = expect_json(
            app.send_json(
                Method::POST,
                BLOCKS,
                Some(&token),
                &input(p.marc.person, p.amina.person, "  Voisins en conflit  "),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(block.reason, BlockReason::Coordinator);
        assert_eq!(block.note.as_deref(), Some("Voisins en conflit"));
        assert_eq!(block.other(p.amina.person).0, p.marc.person);
        assert!(block.created_by_name.is_some());
        assert_eq!(
            blocks(&app, &token, Some(p.amina.person)).await,
            vec![block.clone()]
        );
        assert!(blocks(&app, &token, Some(p.dan.person)).await.is_empty());

        // Suggestions (both ways), the batch and a manual proposal leave the pair out.
        assert!(!suggested(&app, &token, p.amina)
            .await
            .contains(&p.marc.person));
        assert!(!suggested(&app, &token, p.marc)
            .await
            .contains(&p.amina.person));
        let batch = preview(&app, &token, vec![]).await;
        assert!(!batch
            .pairs
            .iter()
            .any(|x| x.newcomer.candidacy_id == p.amina.candidacy
                && x.local.candidacy_id == p.marc.candidacy));
        expect_problem(
            accept(&app, &token, vec![pair(p.amina, p.marc)]).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;

        // Blocking it again, in either order, is a conflict.
        let again = expect_problem(
            app.send_json(
                Method::POST,
                BLOCKS,
                Some(&token),
                &input(p.amina.person, p.marc.person, "encore"),
            )
            .await,
            StatusCode::CONFLICT,
        )
        .await;
        assert!(again.errors.unwrap_or_default().contains_key("person_b"));

        // Lifted: they are suggested again; lifting twice finds nothing.
        let res = app
            .send_json(
                Method::DELETE,
                &format!("{BLOCKS}/{}", block.id),
                Some(&token),
                &(),
            )
            .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert!(suggested(&app, &token, p.amina)
            .await
            .contains(&p.marc.person));
        assert!(blocks(&app, &token, None).await.is_empty());
        expect_problem(
            app.send_json(
                Method::DELETE,
                &format!("{BLOCKS}/{}", block.id),
                Some(&token),
                &(),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
);

both!(
    bad_blocks_are_refused_field_by_field_and_change_nothing,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let p = pool(&app, &token).await;
        let cases = [
            (input(p.amina.person, p.amina.person, "x"), "person_b"),
            (input(p.amina.person, p.marc.person, "   "), "note"),
            (
                input(p.amina.person, p.marc.person, &"x".repeat(501)),
                "note",
            ),
            (input(Uuid::now_v7(), p.marc.person, "x"), "person_a"),
        ];
        for (body, field) in cases {
            let problem = expect_problem(
                app.send_json(Method::POST, BLOCKS, Some(&token), &body)
                    .await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert_eq!(problem.code, ErrorCode::ValidationFailed, "{field}");
            assert!(
                problem.errors.unwrap_or_default().contains_key(field),
                "{field}"
            );
        }
        assert!(blocks(&app, &token, None).await.is_empty());
    }
);

both!(
    declined_pairs_are_listed_and_stay_blocked,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let p = pool(&app, &token).await;
        let made: Vec<Duo> = expect_json(
            accept(&app, &token, vec![pair(p.amina, p.marc)]).await,
            StatusCode::CREATED,
        )
        .await;
        let res = move_duo(
            &app,
            &token,
            made[0].id,
            DuoStatus::Declined,
            Some("pas d'entente"),
            None,
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let list = blocks(&app, &token, Some(p.marc.person)).await;
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].reason, BlockReason::Declined);
        let problem = expect_problem(
            app.send_json(
                Method::DELETE,
                &format!("{BLOCKS}/{}", list[0].id),
                Some(&token),
                &(),
            )
            .await,
            StatusCode::CONFLICT,
        )
        .await;
        assert!(problem.detail.is_some());
        assert_eq!(blocks(&app, &token, None).await.len(), 1);
    }
);

both!(
    only_managers_see_and_set_blocks,
    |app: TestApp| async move {
        let coordinator = app.token_for(Role::Coordinator).await;
        let coach = app.token_for(Role::Coach).await;
        let p = pool(&app, &coordinator).await;
        expect_problem(app.get(BLOCKS, Some(&coach)).await, StatusCode::FORBIDDEN).await;
        expect_problem(
            app.send_json(
                Method::POST,
                BLOCKS,
                Some(&coach),
                &input(p.amina.person, p.marc.person, "x"),
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        expect_problem(app.get(BLOCKS, None).await, StatusCode::UNAUTHORIZED).await;
        assert!(blocks(&app, &coordinator, None).await.is_empty());
    }
);
