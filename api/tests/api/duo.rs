//! Duo2Change over HTTP: candidacies, explained suggestions, batch preview and acceptance,
//! the life of a duo, check-ins and health, versioned weights, and who may do what.

use reqwest::{Method, StatusCode};
use shared::auth::Role;
use shared::duo::{
    AcceptedPair, BatchAccept, BatchPreview, BatchRequest, Candidacy, CandidacyInput,
    CandidacyStatus, CheckIn, CheckInInput, Duo, DuoOutcome, DuoStatus, HealthLevel,
    MatchingSettings, PairRef,
};
use uuid::Uuid;

use crate::activity_fixtures::*;
use crate::both;
use crate::duo_fixtures::*;
use crate::helpers::{expect_json, expect_problem};

/// The (newcomer, local) candidacies of a preview's pairs.
fn pairs_of(p: &BatchPreview) -> Vec<(Uuid, Uuid)> {
    let mut v: Vec<(Uuid, Uuid)> = p
        .pairs
        .iter()
        .map(|x| (x.newcomer.candidacy_id, x.local.candidacy_id))
        .collect();
    v.sort();
    v
}

fn sorted(mut v: Vec<(Uuid, Uuid)>) -> Vec<(Uuid, Uuid)> {
    v.sort();
    v
}

both!(
    candidacies_one_open_per_person,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let p = pool(&app, &token).await;
        let again = app
            .send_json(
                Method::POST,
                CANDIDATES,
                Some(&token),
                &candidacy_input(p.amina.person, "liege"),
            )
            .await;
        expect_problem(again, StatusCode::CONFLICT).await;
        let bad = app
            .send_json(
                Method::POST,
                CANDIDATES,
                Some(&token),
                &CandidacyInput {
                    partner_age_min: Some(60),
                    partner_age_max: Some(30),
                    ..candidacy_input(Uuid::new_v4(), "nowhere")
                },
            )
            .await;
        expect_problem(bad, StatusCode::UNPROCESSABLE_ENTITY).await;

        let amina = candidacy(&app, &token, p.amina).await;
        assert_eq!(amina.side, shared::people::Category::Newcomer);
        assert_eq!(amina.commune.as_deref(), Some("liege"));
        assert!(amina.wants_french_practice);

        let mut update = CandidacyInput {
            remarks: Some("Préfère les samedis".into()),
            partner_gender: Some(shared::duo::GenderIdentity::Woman),
            ..candidacy_input(p.amina.person, "herstal")
        };
        let updated: Candidacy = expect_json(
            app.send_json(
                Method::PUT,
                &format!("{CANDIDATES}/{}", p.amina.candidacy),
                Some(&token),
                &update,
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(updated.remarks.as_deref(), Some("Préfère les samedis"));
        assert_eq!(
            updated.partner_gender,
            Some(shared::duo::GenderIdentity::Woman)
        );
        assert_eq!(
            candidacy(&app, &token, p.amina).await.remarks,
            updated.remarks
        );

        let newcomers: Vec<Candidacy> =
            get_json(&app, &format!("{CANDIDATES}?side=newcomer"), Some(&token)).await;
        let mut ids: Vec<Uuid> = newcomers.iter().map(|c| c.id).collect();
        ids.sort();
        assert_eq!(ids, {
            let mut v = vec![p.amina.candidacy, p.bilal.candidacy];
            v.sort();
            v
        });

        // Withdrawn: a new candidacy may be opened.
        update.status = Some(CandidacyStatus::Withdrawn);
        let withdrawn: Candidacy = expect_json(
            app.send_json(
                Method::PUT,
                &format!("{CANDIDATES}/{}", p.amina.candidacy),
                Some(&token),
                &update,
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(withdrawn.status, CandidacyStatus::Withdrawn);
        update.status = Some(CandidacyStatus::Matched);
        expect_problem(
            app.send_json(
                Method::PUT,
                &format!("{CANDIDATES}/{}", p.amina.candidacy),
                Some(&token),
                &update,
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        let reopened: Candidacy = expect_json(
            app.send_json(
                Method::POST,
                CANDIDATES,
                Some(&token),
                &candidacy_input(p.amina.person, "liege"),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_ne!(reopened.id, p.amina.candidacy);
    }
);

both!(
    suggestions_are_ranked_and_explained_in_the_request_language,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let p = pool(&app, &token).await;
        let en = suggestions(&app, &token, p.amina, "en").await;
        let people: Vec<Uuid> = en.iter().map(|s| s.person_id).collect();
        assert_eq!(
            people,
            vec![p.marc.person, p.claire.person],
            "ranked; Dan excluded"
        );
        assert!(en[0].score.total > en[1].score.total);
        assert!(en[0].score.interests > 0.0 && en[1].score.interests == 0.0);
        let reasons = en[0].reasons.join(" | ");
        for part in [
            "both love",
            "cooking",
            "football",
            "Saturday afternoon",
            "wants to practise French",
            "Arabic",
        ] {
            assert!(reasons.contains(part), "{part:?} not in {reasons}");
        }
        let fr = suggestions(&app, &token, p.amina, "fr-BE,fr;q=0.9").await;
        assert_eq!(
            fr.iter().map(|s| s.person_id).collect::<Vec<_>>(),
            people,
            "same ranking"
        );
        assert_eq!(fr[0].score, en[0].score);
        let reasons_fr = fr[0].reasons.join(" | ");
        assert_ne!(reasons_fr, reasons);
        for part in [
            "partagent",
            "cuisine",
            "samedi après-midi",
            "souhaite pratiquer le français",
            "arabe",
        ] {
            assert!(reasons_fr.contains(part), "{part:?} not in {reasons_fr}");
        }
        // Nobody has a slot in common with Dan.
        assert!(suggestions(&app, &token, p.dan, "en").await.is_empty());
        // Suggestions never pair two people of the same side.
        let for_marc = suggestions(&app, &token, p.marc, "en").await;
        assert!(for_marc
            .iter()
            .all(|s| s.person_id == p.amina.person || s.person_id == p.bilal.person));
        assert_eq!(for_marc[0].person_id, p.amina.person);
    }
);

both!(
    batch_previews_store_nothing_and_accept_proposes,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let p = pool(&app, &token).await;
        let best = preview(&app, &token, vec![]).await;
        assert_eq!(
            pairs_of(&best),
            sorted(vec![
                (p.amina.candidacy, p.marc.candidacy),
                (p.bilal.candidacy, p.claire.candidacy)
            ])
        );
        assert!(best
            .pairs
            .iter()
            .all(|x| !x.pinned && !x.reasons.is_empty()));
        assert_eq!(best.unmatched.len(), 1);
        assert_eq!(best.unmatched[0].candidacy_id, p.dan.candidacy);
        assert!(!best.unmatched[0].reason.is_empty());
        let total: f64 = best.pairs.iter().map(|x| x.score.total).sum();
        assert!((total - best.total_score).abs() < 0.5);
        assert_eq!(best.settings_version, 1);
        // A preview stores nothing.
        assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM duos"), 0);
        assert_eq!(
            candidacy(&app, &token, p.amina).await.status,
            CandidacyStatus::Waiting
        );

        // A coordinator's pin is kept; the rest is re-optimised around it.
        let pinned = preview(&app, &token, vec![pair(p.amina, p.claire)]).await;
        assert_eq!(
            pairs_of(&pinned),
            sorted(vec![
                (p.amina.candidacy, p.claire.candidacy),
                (p.bilal.candidacy, p.marc.candidacy)
            ])
        );
        let pin = pinned
            .pairs
            .iter()
            .find(|x| x.newcomer.candidacy_id == p.amina.candidacy)
            .expect("pinned pair");
        assert!(pin.pinned);
        assert!(pinned.total_score < best.total_score);
        // A pin cannot force a pair that breaks a hard constraint, nor use someone twice.
        for (pins, field) in [
            (vec![pair(p.amina, p.dan)], "pinned[0]"),
            (
                vec![pair(p.amina, p.marc), pair(p.bilal, p.marc)],
                "pinned[1]",
            ),
        ] {
            let res = app
                .send_json(
                    Method::POST,
                    "/api/v1/duo/batch",
                    Some(&token),
                    &BatchRequest { pinned: pins },
                )
                .await;
            expect_field_error(res, field).await;
        }

        // Pairs breaking a hard constraint are refused, and nothing is stored.
        for (bad, field) in [
            (vec![pair(p.amina, p.dan)], "pairs[0]"),
            (
                vec![pair(p.amina, p.marc), pair(p.bilal, p.marc)],
                "pairs[1]",
            ),
            (
                vec![PairRef {
                    newcomer: p.marc.candidacy,
                    local: p.claire.candidacy,
                }],
                "pairs[0]",
            ),
        ] {
            expect_field_error(accept(&app, &token, bad).await, field).await;
        }
        assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM duos"), 0);

        let made: Vec<Duo> = expect_json(
            accept(
                &app,
                &token,
                vec![pair(p.amina, p.marc), pair(p.bilal, p.claire)],
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(made.len(), 2);
        assert!(made.iter().all(|d| d.status == DuoStatus::Proposed
            && d.settings_version == Some(1)
            && d.score.is_some()
            && !d.reasons.is_empty()));
        for c in [p.amina, p.bilal, p.marc, p.claire] {
            assert_eq!(
                candidacy(&app, &token, c).await.status,
                CandidacyStatus::Proposed
            );
        }
        let proposals: Vec<Duo> = get_json(&app, "/api/v1/duo/proposals", Some(&token)).await;
        assert_eq!(proposals.len(), 2);
        // Proposed people leave the pool.
        let after = preview(&app, &token, vec![]).await;
        assert!(after.pairs.is_empty());
        expect_field_error(
            accept(&app, &token, vec![pair(p.amina, p.marc)]).await,
            "pairs[0]",
        )
        .await;
    }
);

both!(
    duo_state_machine_and_declined_pairs,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let p = pool(&app, &token).await;
        let made: Vec<Duo> = expect_json(
            accept(
                &app,
                &token,
                vec![pair(p.amina, p.marc), pair(p.bilal, p.claire)],
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        let am = made
            .iter()
            .find(|d| d.newcomer_id == p.amina.person)
            .expect("duo")
            .id;
        let bc = made
            .iter()
            .find(|d| d.newcomer_id == p.bilal.person)
            .expect("duo")
            .id;

        // Illegal jumps.
        for to in [DuoStatus::Active, DuoStatus::Paused, DuoStatus::Proposed] {
            expect_problem(
                move_duo(&app, &token, am, to, None, None).await,
                StatusCode::CONFLICT,
            )
            .await;
        }
        // Declining needs a reason; ending needs a reason and an outcome.
        expect_field_error(
            move_duo(&app, &token, bc, DuoStatus::Declined, None, None).await,
            "reason",
        )
        .await;
        expect_field_error(
            move_duo(&app, &token, am, DuoStatus::Ended, Some("fin"), None).await,
            "outcome",
        )
        .await;

        let d = moved(&app, &token, am, DuoStatus::Introduced).await;
        assert!(d.introduced_at.is_some());
        expect_problem(
            move_duo(&app, &token, am, DuoStatus::Introduced, None, None).await,
            StatusCode::CONFLICT,
        )
        .await;
        let d = moved(&app, &token, am, DuoStatus::Active).await;
        assert!(d.confirmed_at.is_some());
        assert_eq!(
            candidacy(&app, &token, p.amina).await.status,
            CandidacyStatus::Matched
        );
        // Confirmation schedules the follow-up calls (2 weeks, 6 weeks, 3 months).
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) AS n FROM duo_follow_ups WHERE duo_id = '{am}'")
            ),
            3
        );
        expect_problem(
            move_duo(&app, &token, am, DuoStatus::Declined, Some("non"), None).await,
            StatusCode::CONFLICT,
        )
        .await;
        moved(&app, &token, am, DuoStatus::Paused).await;
        moved(&app, &token, am, DuoStatus::Active).await;
        let ended: Duo = expect_json(
            move_duo(
                &app,
                &token,
                am,
                DuoStatus::Ended,
                Some("Trois mois réussis"),
                Some(DuoOutcome::Good),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(ended.status, DuoStatus::Ended);
        assert_eq!(ended.outcome, Some(DuoOutcome::Good));
        assert_eq!(ended.reason.as_deref(), Some("Trois mois réussis"));
        expect_problem(
            move_duo(&app, &token, am, DuoStatus::Active, None, None).await,
            StatusCode::CONFLICT,
        )
        .await;

        // Declined: both return to the pool, and are never proposed together again.
        let declined: Duo = expect_json(
            move_duo(
                &app,
                &token,
                bc,
                DuoStatus::Declined,
                Some("Pas d'accroche"),
                None,
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(declined.status, DuoStatus::Declined);
        for c in [p.bilal, p.claire] {
            assert_eq!(
                candidacy(&app, &token, c).await.status,
                CandidacyStatus::Waiting
            );
        }
        assert!(suggestions(&app, &token, p.bilal, "en")
            .await
            .iter()
            .all(|s| s.person_id != p.claire.person));
        let batch = preview(&app, &token, vec![]).await;
        assert!(batch.pairs.is_empty(), "{:?}", pairs_of(&batch));
        assert!(batch
            .unmatched
            .iter()
            .any(|u| u.candidacy_id == p.bilal.candidacy));
        expect_field_error(
            accept(&app, &token, vec![pair(p.bilal, p.claire)]).await,
            "pairs[0]",
        )
        .await;
        let direct = app
            .send_json(
                Method::POST,
                "/api/v1/duo/proposals",
                Some(&token),
                &pair(p.bilal, p.claire),
            )
            .await;
        expect_problem(direct, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
);

both!(
    check_ins_and_the_attention_list,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let p = pool(&app, &token).await;
        let (am, bc) = two_active(&app, &token, &p).await;

        for (field, input) in [
            (
                "satisfaction_newcomer",
                CheckInInput {
                    satisfaction_newcomer: Some(6),
                    ..meeting(1)
                },
            ),
            (
                "satisfaction_local",
                CheckInInput {
                    satisfaction_local: Some(0),
                    ..meeting(1)
                },
            ),
            ("met_on", meeting(-1)),
            (
                "activity",
                CheckInInput {
                    activity: " ".into(),
                    ..meeting(1)
                },
            ),
        ] {
            expect_field_error(check_in(&app, &token, am, &input).await, field).await;
        }
        // Amina and Marc last met a month ago; Bilal and Claire met today.
        let c: CheckIn = expect_json(
            check_in(&app, &token, am, &meeting(30)).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(c.satisfaction_local, Some(5));
        expect_json::<CheckIn>(
            check_in(&app, &token, bc, &meeting(0)).await,
            StatusCode::CREATED,
        )
        .await;
        let listed: Vec<CheckIn> =
            get_json(&app, &format!("/api/v1/duos/{am}/check-ins"), Some(&token)).await;
        assert_eq!(listed, vec![c]);

        let attention: Vec<Duo> = expect_json(
            send_with::<()>(
                &app,
                Method::GET,
                "/api/v1/duos/attention",
                Some(&token),
                &[("Accept-Language", "en")],
                None,
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            attention.iter().map(|d| d.id).collect::<Vec<_>>(),
            vec![am, bc]
        );
        let h = attention[0].health.as_ref().expect("health");
        assert_eq!(h.level, HealthLevel::Attention);
        assert_eq!(h.days_since_last_meeting, Some(30));
        assert!(
            h.reasons.iter().any(|r| r.contains("30 days")),
            "{:?}",
            h.reasons
        );
        let h2 = attention[1].health.as_ref().expect("health");
        assert_eq!(h2.level, HealthLevel::Good);
        assert_eq!(h2.days_since_last_meeting, Some(0));
        let one: Duo = get_json(&app, &format!("/api/v1/duos/{am}"), Some(&token)).await;
        assert_eq!(one.health.expect("health").level, HealthLevel::Attention);

        // A duo that has ended takes no check-in.
        expect_json::<Duo>(
            move_duo(
                &app,
                &token,
                bc,
                DuoStatus::Ended,
                Some("Déménagement"),
                Some(DuoOutcome::Neutral),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        expect_field_error(check_in(&app, &token, bc, &meeting(0)).await, "duo").await;
        let attention: Vec<Duo> = get_json(&app, "/api/v1/duos/attention", Some(&token)).await;
        assert_eq!(attention.iter().map(|d| d.id).collect::<Vec<_>>(), vec![am]);
    }
);

both!(
    settings_are_versioned_and_admin_only,
    |app: crate::helpers::TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let coordinator = app.token_for(Role::Coordinator).await;
        let current: MatchingSettings =
            get_json(&app, "/api/v1/duo/settings", Some(&coordinator)).await;
        assert_eq!(current.version, 1);
        let changed = MatchingSettings {
            interests: 5.0,
            threshold: 20.0,
            ..current
        };
        expect_problem(
            app.send_json(
                Method::PUT,
                "/api/v1/duo/settings",
                Some(&coordinator),
                &changed,
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        expect_field_error(
            app.send_json(
                Method::PUT,
                "/api/v1/duo/settings",
                Some(&admin),
                &MatchingSettings {
                    language: -1.0,
                    ..changed
                },
            )
            .await,
            "language",
        )
        .await;
        let saved: MatchingSettings = expect_json(
            app.send_json(Method::PUT, "/api/v1/duo/settings", Some(&admin), &changed)
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(saved.version, 2);
        assert_eq!(saved.interests, 5.0);
        let now: MatchingSettings =
            get_json(&app, "/api/v1/duo/settings", Some(&coordinator)).await;
        assert_eq!(now, saved);

        let p = pool(&app, &coordinator).await;
        assert_eq!(
            preview(&app, &coordinator, vec![]).await.settings_version,
            2
        );
        let duo: Duo = expect_json(
            app.send_json(
                Method::POST,
                "/api/v1/duo/proposals",
                Some(&coordinator),
                &pair(p.amina, p.marc),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(duo.settings_version, Some(2));
        assert_eq!(duo.status, DuoStatus::Proposed);
        // Later versions do not rewrite what an existing proposal recorded.
        expect_json::<MatchingSettings>(
            app.send_json(Method::PUT, "/api/v1/duo/settings", Some(&admin), &current)
                .await,
            StatusCode::OK,
        )
        .await;
        let again: Duo = get_json(
            &app,
            &format!("/api/v1/duos/{}", duo.id),
            Some(&coordinator),
        )
        .await;
        assert_eq!(again.settings_version, Some(2));
    }
);

both!(
    coaches_see_only_the_duos_of_people_they_accompany,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let (coach_id, coach) = account(&app, Role::Coach).await;
        let p = pool(&app, &token).await;
        let res = app
            .send_json(
                Method::POST,
                &format!("/api/v1/people/{}/coaches", p.amina.person),
                Some(&token),
                &shared::people::CoachAssignment { user_id: coach_id },
            )
            .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let (am, bc) = two_active(&app, &token, &p).await;

        let duos: Vec<Duo> = get_json(&app, "/api/v1/duos", Some(&coach)).await;
        assert_eq!(duos.iter().map(|d| d.id).collect::<Vec<_>>(), vec![am]);
        let all: Vec<Duo> = get_json(&app, "/api/v1/duos", Some(&token)).await;
        assert_eq!(all.len(), 2);
        get_json::<Duo>(&app, &format!("/api/v1/duos/{am}"), Some(&coach)).await;
        expect_problem(
            app.get(&format!("/api/v1/duos/{bc}"), Some(&coach)).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        let attention: Vec<Duo> = get_json(&app, "/api/v1/duos/attention", Some(&coach)).await;
        assert_eq!(attention.iter().map(|d| d.id).collect::<Vec<_>>(), vec![am]);
        let pool_seen: Vec<Candidacy> = get_json(&app, CANDIDATES, Some(&coach)).await;
        assert_eq!(
            pool_seen.iter().map(|c| c.person_id).collect::<Vec<_>>(),
            vec![p.amina.person]
        );
        expect_problem(
            app.get(&format!("{CANDIDATES}/{}", p.marc.candidacy), Some(&coach))
                .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        // A coach reports meetings of their duo, but does not decide.
        expect_json::<CheckIn>(
            check_in(&app, &coach, am, &meeting(2)).await,
            StatusCode::CREATED,
        )
        .await;
        expect_problem(
            check_in(&app, &coach, bc, &meeting(2)).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        expect_problem(
            move_duo(&app, &coach, am, DuoStatus::Paused, None, None).await,
            StatusCode::FORBIDDEN,
        )
        .await;
        expect_problem(
            app.get(
                &format!("{CANDIDATES}/{}/suggestions", p.amina.candidacy),
                Some(&coach),
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        expect_problem(
            app.send_json(
                Method::POST,
                "/api/v1/duo/batch",
                Some(&coach),
                &BatchRequest::default(),
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        expect_problem(
            app.send_json(
                Method::POST,
                CANDIDATES,
                Some(&coach),
                &candidacy_input(p.amina.person, "liege"),
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        // Anonymous: 401.
        for path in [
            "/api/v1/duos",
            CANDIDATES,
            "/api/v1/duo/settings",
            "/api/v1/duo/proposals",
        ] {
            expect_problem(app.get(path, None).await, StatusCode::UNAUTHORIZED).await;
        }
        let res = moved(&app, &token, am, DuoStatus::Paused).await;
        assert_eq!(res.status, DuoStatus::Paused);
    }
);

both!(
    concurrent_proposals_never_pair_a_candidate_twice,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let p = pool(&app, &token).await;
        let url = app.url("/api/v1/duo/proposals");
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..12 {
            let local = if i % 2 == 0 { p.marc } else { p.claire };
            let (client, url, token, body) = (
                app.bare.clone(),
                url.clone(),
                token.clone(),
                pair(p.amina, local),
            );
            tasks.spawn(async move {
                client
                    .post(url)
                    .bearer_auth(token)
                    .json(&body)
                    .send()
                    .await
                    .expect("request")
                    .status()
            });
        }
        let mut created = 0;
        while let Some(status) = tasks.join_next().await {
            match status.expect("task") {
                StatusCode::CREATED => created += 1,
                other => assert_eq!(other, StatusCode::UNPROCESSABLE_ENTITY),
            }
        }
        assert_eq!(created, 1, "Amina is proposed once");
        assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM duos"), 1);
        let proposals: Vec<Duo> = get_json(&app, "/api/v1/duo/proposals", Some(&token)).await;
        assert_eq!(proposals.len(), 1);
        assert_eq!(proposals[0].newcomer_id, p.amina.person);
    }
);

both!(
    concurrent_candidacies_open_once,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let person = create_person(&app, &token, "Zineb", true).await;
        let url = app.url(CANDIDATES);
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..10 {
            let (client, url, token) = (app.bare.clone(), url.clone(), token.clone());
            tasks.spawn(async move {
                client
                    .post(url)
                    .bearer_auth(token)
                    .json(&candidacy_input(person, "liege"))
                    .send()
                    .await
                    .expect("request")
                    .status()
            });
        }
        let mut created = 0;
        while let Some(status) = tasks.join_next().await {
            match status.expect("task") {
                StatusCode::CREATED => created += 1,
                other => assert_eq!(other, StatusCode::CONFLICT),
            }
        }
        assert_eq!(created, 1);
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) AS n FROM duo_candidacies WHERE person_id = '{person}'")
            ),
            1
        );
    }
);

both!(
    accepted_batches_keep_the_coordinators_pins,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let p = pool(&app, &token).await;
        // The coordinator pins Amina with Claire; the batch pairs Bilal with Marc around it.
        let pinned = preview(&app, &token, vec![pair(p.amina, p.claire)]).await;
        let pairs: Vec<AcceptedPair> = pinned.pairs.iter().map(AcceptedPair::from).collect();
        assert_eq!(pairs.iter().filter(|x| x.pinned).count(), 1);
        let made: Vec<Duo> = expect_json(
            app.send_json(
                Method::POST,
                "/api/v1/duo/batch/accept",
                Some(&token),
                &BatchAccept { pairs },
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        let of = |person: Uuid| {
            made.iter()
                .find(|d| d.newcomer_id == person)
                .expect("duo")
                .clone()
        };
        let (ac, bm) = (of(p.amina.person), of(p.bilal.person));
        assert_eq!((ac.local_id, ac.pinned), (p.claire.person, true));
        assert_eq!((bm.local_id, bm.pinned), (p.marc.person, false));
        // Stored, and shown wherever the duo is read.
        assert_eq!(
            count(&app, "SELECT COUNT(*) AS n FROM duos WHERE pinned"),
            1
        );
        let again: Duo = get_json(&app, &format!("/api/v1/duos/{}", ac.id), Some(&token)).await;
        assert!(again.pinned);
        let proposals: Vec<Duo> = get_json(&app, "/api/v1/duo/proposals", Some(&token)).await;
        assert_eq!(
            proposals
                .iter()
                .filter(|d| d.pinned)
                .map(|d| d.id)
                .collect::<Vec<_>>(),
            vec![ac.id]
        );
    }
);

both!(
    proposals_give_their_reasons_in_the_readers_language,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let p = pool(&app, &token).await;
        let suggested = suggestions(&app, &token, p.amina, "en").await;
        let marc = suggested
            .iter()
            .find(|s| s.person_id == p.marc.person)
            .expect("Marc is suggested to Amina");
        let made: Vec<Duo> = expect_json(
            accept(&app, &token, vec![pair(p.amina, p.marc)]).await,
            StatusCode::CREATED,
        )
        .await;
        let read = |lang: &'static str| {
            let (app, token, id) = (&app, &token, made[0].id);
            async move {
                expect_json::<Duo>(
                    send_with::<()>(
                        app,
                        Method::GET,
                        &format!("/api/v1/duos/{id}"),
                        Some(token),
                        &[("Accept-Language", lang)],
                        None,
                    )
                    .await,
                    StatusCode::OK,
                )
                .await
            }
        };
        let (fr, en, ar) = (read("fr").await, read("en").await, read("ar").await);
        assert!(!fr.reasons.is_empty());
        assert_eq!(en.reasons, marc.reasons, "the same words as the suggestion");
        assert_ne!(fr.reasons, en.reasons);
        assert_ne!(ar.reasons, en.reasons);
    }
);

both!(
    corrupt_weights_or_reasons_are_an_error_not_a_default,
    |app: crate::helpers::TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let p = pool(&app, &admin).await;
        let made: Vec<Duo> = expect_json(
            accept(&app, &admin, vec![pair(p.amina, p.marc)]).await,
            StatusCode::CREATED,
        )
        .await;
        let duo = made[0].id;
        exec(
            &app,
            &format!("UPDATE duos SET explanation = '{{\"reasons\": 3}}' WHERE id = '{duo}'"),
        );
        expect_problem(
            app.get(&format!("/api/v1/duos/{duo}"), Some(&admin)).await,
            StatusCode::INTERNAL_SERVER_ERROR,
        )
        .await;

        let current: MatchingSettings = get_json(&app, "/api/v1/duo/settings", Some(&admin)).await;
        exec(
            &app,
            "UPDATE duo_settings SET weights = '{\"interests\": 3'",
        );
        expect_problem(
            app.get("/api/v1/duo/settings", Some(&admin)).await,
            StatusCode::INTERNAL_SERVER_ERROR,
        )
        .await;
        // Matching refuses to run rather than score with default weights.
        expect_problem(
            app.send_json(
                Method::POST,
                "/api/v1/duo/batch",
                Some(&admin),
                &BatchRequest::default(),
            )
            .await,
            StatusCode::INTERNAL_SERVER_ERROR,
        )
        .await;
        // An administrator can still save weights over the corrupt version.
        let saved: MatchingSettings = expect_json(
            app.send_json(Method::PUT, "/api/v1/duo/settings", Some(&admin), &current)
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(saved.version, 2);
        preview(&app, &admin, vec![]).await;
    }
);

/// Sets a person's phone straight in the database (the form's full input is not the point).
fn set_phone(app: &crate::helpers::TestApp, person: uuid::Uuid, phone: &str) {
    use diesel::RunQueryDsl;
    let sql = format!("UPDATE people SET phone = '{phone}' WHERE id = '{person}'");
    let mut conn = app.db.conn().expect("conn");
    let n = match &mut *conn {
        interra_api::db::DbConnection::Sqlite(c) => diesel::sql_query(&sql).execute(c),
        interra_api::db::DbConnection::Postgres(c) => diesel::sql_query(&sql).execute(c),
    }
    .expect("update phone");
    assert_eq!(n, 1);
}

both!(
    the_call_list_gives_the_phone_numbers_the_reader_may_see,
    |app: crate::helpers::TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let (coach_id, coach) = account(&app, Role::Coach).await;
        let p = pool(&app, &token).await;
        set_phone(&app, p.amina.person, "0470 12 34 56");
        set_phone(&app, p.marc.person, "+32 4 222 33 44");
        let res = app
            .send_json(
                Method::POST,
                &format!("/api/v1/people/{}/coaches", p.amina.person),
                Some(&token),
                &shared::people::CoachAssignment { user_id: coach_id },
            )
            .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        let (am, bc) = two_active(&app, &token, &p).await;

        let all: Vec<Duo> = get_json(&app, "/api/v1/duos/attention", Some(&token)).await;
        let duo = all
            .iter()
            .find(|d| d.id == am)
            .expect("Amina and Marc's duo");
        assert_eq!(duo.newcomer_phone.as_deref(), Some("0470 12 34 56"));
        assert_eq!(duo.local_phone.as_deref(), Some("+32 4 222 33 44"));
        // Bilal and Claire have no phone: nothing made up.
        let other = all
            .iter()
            .find(|d| d.id == bc)
            .expect("Bilal and Claire's duo");
        assert_eq!(
            (
                other.newcomer_phone.as_deref(),
                other.local_phone.as_deref()
            ),
            (None, None)
        );

        // The coach accompanies Amina only: her number, not Marc's.
        let theirs: Vec<Duo> = get_json(&app, "/api/v1/duos/attention", Some(&coach)).await;
        assert_eq!(theirs.len(), 1);
        assert_eq!(theirs[0].newcomer_phone.as_deref(), Some("0470 12 34 56"));
        assert_eq!(theirs[0].local_phone, None);
        // Elsewhere (the list, the duo page) no phone travels.
        let listed: Vec<Duo> = get_json(&app, "/api/v1/duos", Some(&token)).await;
        assert!(listed
            .iter()
            .all(|d| d.newcomer_phone.is_none() && d.local_phone.is_none()));
    }
);
