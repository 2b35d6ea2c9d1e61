//! The vocabulary of interests: list, create, update, merge.

use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::auth::Role;
use shared::people::{Person, TagKind};
use shared::tags::{Tag, TagInput};
use shared::{ErrorCode, Page};
use uuid::Uuid;

use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};
use crate::people_fixtures::{
    create, get_person, names, send, tags_by_slug, PersonBuilder as P, PEOPLE, TAGS,
};

fn input(slug: &str) -> TagInput {
    TagInput {
        slug: slug.into(),
        category: "nature".into(),
        label_fr: "Apiculture".into(),
        label_en: "Beekeeping".into(),
        label_nl: "Imkeren".into(),
        label_ar: "تربية النحل".into(),
    }
}

both!(
    the_seeded_vocabulary_is_listed_with_usage,
    |app: TestApp| async move {
        let coach = app.token_for(Role::Coach).await;
        let token = app.token_for(Role::Coordinator).await;
        let tags = tags_by_slug(&app, &coach).await;
        assert!(
            tags.len() >= 40,
            "seeded vocabulary too small: {}",
            tags.len()
        );
        for slug in [
            "cooking",
            "football",
            "painting",
            "dance",
            "music",
            "it",
            "languages",
            "gardening",
            "sewing",
            "photography",
        ] {
            let t = tags
                .get(slug)
                .unwrap_or_else(|| panic!("{slug} not seeded"));
            for label in [&t.label_fr, &t.label_en, &t.label_nl, &t.label_ar] {
                assert!(!label.trim().is_empty(), "{slug} lacks a label");
            }
            assert_eq!(t.usage, 0);
        }
        assert_eq!(tags["cooking"].label_nl, "Koken");
        assert!(tags["cooking"]
            .label_ar
            .chars()
            .any(|c| ('\u{0600}'..='\u{06ff}').contains(&c)));

        // Listed by category, then slug.
        let list: Vec<Tag> = expect_json(app.get(TAGS, Some(&token)).await, StatusCode::OK).await;
        let keys: Vec<(String, String)> = list
            .iter()
            .map(|t| (t.category.clone(), t.slug.clone()))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);

        // Usage counts people; the person's tag carries the label in the request's language.
        let cooking = tags["cooking"].id;
        let person = create(
            &app,
            &token,
            P::local("Cook").tag(cooking, TagKind::Passion),
        )
        .await;
        assert_eq!(person.tags[0].slug, "cooking");
        assert_eq!(person.tags[0].label, "Cooking");
        let res = app
            .client
            .get(app.url(&format!("{PEOPLE}/{}", person.id)))
            .bearer_auth(&token)
            .header("Accept-Language", "fr-BE,fr;q=0.9")
            .send()
            .await
            .expect("request");
        let fr: Person = expect_json(res, StatusCode::OK).await;
        assert_eq!(fr.tags[0].label, "Cuisine");
        assert_eq!(tags_by_slug(&app, &coach).await["cooking"].usage, 1);
    }
);

both!(
    coordinators_create_and_update_tags,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let coach = app.token_for(Role::Coach).await;

        let created: Tag = expect_json(
            send(&app, Method::POST, TAGS, Some(&token), &input("beekeeping")).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(created.slug, "beekeeping");
        assert_eq!(created.usage, 0);
        assert_eq!(tags_by_slug(&app, &coach).await["beekeeping"], created);

        // The slug is unique.
        let problem = expect_problem(
            send(&app, Method::POST, TAGS, Some(&token), &input("beekeeping")).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert_eq!(
            problem.field_errors("slug"),
            ["This identifier is already used.".to_owned()]
        );
        let problem = expect_problem(
            send(&app, Method::POST, TAGS, Some(&token), &input("cooking")).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert_eq!(problem.code, ErrorCode::Conflict);
        assert!(!problem.field_errors("slug").is_empty());

        // Field checks.
        let bad = TagInput {
            label_ar: " ".into(),
            ..input("Bee Keeping")
        };
        let problem = expect_problem(
            send(&app, Method::POST, TAGS, Some(&token), &bad).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(
            problem.field_errors("slug"),
            ["Lower-case letters, digits and hyphens only.".to_owned()]
        );
        assert_eq!(
            problem.field_errors("label_ar"),
            ["This field is required.".to_owned()]
        );
        let before = tags_by_slug(&app, &token).await.len();

        // Coaches read but do not curate.
        expect_problem(
            send(
                &app,
                Method::POST,
                TAGS,
                Some(&coach),
                &input("kite-flying"),
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        assert_eq!(tags_by_slug(&app, &token).await.len(), before);

        // Update: new slug and labels; another tag's slug is refused.
        let path = format!("{TAGS}/{}", created.id);
        let renamed = TagInput {
            label_en: "Bee keeping".into(),
            ..input("bees")
        };
        let updated: Tag = expect_json(
            send(&app, Method::PUT, &path, Some(&token), &renamed).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            (updated.id, updated.slug.as_str(), updated.label_en.as_str()),
            (created.id, "bees", "Bee keeping")
        );
        let tags = tags_by_slug(&app, &token).await;
        assert!(tags.contains_key("bees") && !tags.contains_key("beekeeping"));
        let problem = expect_problem(
            send(&app, Method::PUT, &path, Some(&token), &input("football")).await,
            StatusCode::CONFLICT,
        )
        .await;
        assert_eq!(
            problem.field_errors("slug"),
            ["This identifier is already used.".to_owned()]
        );
        assert_eq!(tags_by_slug(&app, &token).await["bees"], updated);
        expect_problem(
            send(
                &app,
                Method::PUT,
                &format!("{TAGS}/{}", Uuid::new_v4()),
                Some(&token),
                &input("ghost"),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
        expect_problem(
            send(
                &app,
                Method::PUT,
                &path,
                Some(&coach),
                &input("coach-was-here"),
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;

        // Filtering people by the renamed slug works at once.
        create(
            &app,
            &token,
            P::local("Keeper").tag(created.id, TagKind::Skill),
        )
        .await;
        assert_eq!(names(&app, &token, &[("tags", "bees")]).await, ["Keeper"]);

        let audit: Page<shared::audit::AuditEntry> = expect_json(
            app.get(
                &format!("/api/v1/audit?entity_type=tag&entity_id={}", created.id),
                Some(&app.token_for(Role::Admin).await),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let mut actions: Vec<String> = audit.results.into_iter().map(|e| e.action).collect();
        actions.reverse();
        assert_eq!(actions, ["tag.created", "tag.updated"]);
    }
);

both!(merging_repoints_every_use, |app: TestApp| async move {
    let token = app.token_for(Role::Coordinator).await;
    let tags = tags_by_slug(&app, &token).await;
    let (baking, cooking, pizza) = (tags["baking"].id, tags["cooking"].id, tags["pizza"].id);

    let both_tags = create(
        &app,
        &token,
        P::local("Both")
            .tag(baking, TagKind::Skill)
            .tag(cooking, TagKind::Passion),
    )
    .await;
    let baker = create(
        &app,
        &token,
        P::local("Baker")
            .tag(baking, TagKind::Passion)
            .tag(pizza, TagKind::Interest),
    )
    .await;
    let cook = create(
        &app,
        &token,
        P::local("Cook").tag(cooking, TagKind::Interest),
    )
    .await;
    let other = create(&app, &token, P::local("Other").tag(pizza, TagKind::Skill)).await;

    // Into itself, into nothing: refused, nothing changes.
    let merge = |from: Uuid| format!("{TAGS}/{from}/merge");
    let problem = expect_problem(
        send(
            &app,
            Method::POST,
            &merge(baking),
            Some(&token),
            &json!({ "into": baking }),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(
        problem.field_errors("into"),
        ["A tag cannot be merged into itself.".to_owned()]
    );
    let problem = expect_problem(
        send(
            &app,
            Method::POST,
            &merge(baking),
            Some(&token),
            &json!({ "into": Uuid::new_v4() }),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(problem.field_errors("into"), ["Unknown tag.".to_owned()]);
    expect_problem(
        send(
            &app,
            Method::POST,
            &merge(baking),
            Some(&app.token_for(Role::Coach).await),
            &json!({ "into": cooking }),
        )
        .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(tags_by_slug(&app, &token).await["baking"].usage, 2);

    let kept: Tag = expect_json(
        send(
            &app,
            Method::POST,
            &merge(baking),
            Some(&token),
            &json!({ "into": cooking }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(kept.id, cooking);
    assert_eq!(kept.usage, 3);

    // The merged tag is gone from the vocabulary and from filters.
    let after = tags_by_slug(&app, &token).await;
    assert!(!after.contains_key("baking"), "merged tag still listed");
    assert!(after.values().all(|t| t.id != baking));
    assert_eq!(after["cooking"].usage, 3);
    assert_eq!(after["pizza"].usage, 2);
    let problem = expect_problem(
        app.get(&format!("{PEOPLE}?tags=baking"), Some(&token))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(!problem.field_errors("tags").is_empty());
    assert_eq!(
        names(&app, &token, &[("tags", "cooking")]).await,
        ["Baker", "Both", "Cook"]
    );

    // Each person was re-pointed; the one who had both keeps a single cooking tag.
    let slugs = |p: &Person| p.tags.iter().map(|t| t.slug.clone()).collect::<Vec<_>>();
    let both_after = get_person(&app, &token, both_tags.id).await;
    assert_eq!(slugs(&both_after), ["cooking"]);
    assert_eq!(both_after.tags[0].kind, TagKind::Passion);
    assert_eq!(
        slugs(&get_person(&app, &token, baker.id).await),
        ["cooking", "pizza"]
    );
    assert_eq!(slugs(&get_person(&app, &token, cook.id).await), ["cooking"]);
    assert_eq!(slugs(&get_person(&app, &token, other.id).await), ["pizza"]);

    // The merged tag can no longer be given, merged or renamed.
    let res = send(
        &app,
        Method::PUT,
        &format!("{PEOPLE}/{}", other.id),
        Some(&token),
        &P::local("Other").tag(baking, TagKind::Skill).build(),
    )
    .await;
    let problem = expect_problem(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(
        problem.field_errors("tags[0].tag_id"),
        ["Unknown tag.".to_owned()]
    );
    expect_problem(
        send(
            &app,
            Method::POST,
            &merge(baking),
            Some(&token),
            &json!({ "into": pizza }),
        )
        .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let problem = expect_problem(
        send(
            &app,
            Method::POST,
            &merge(pizza),
            Some(&token),
            &json!({ "into": baking }),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(problem.field_errors("into"), ["Unknown tag.".to_owned()]);
    expect_problem(
        send(
            &app,
            Method::PUT,
            &format!("{TAGS}/{baking}"),
            Some(&token),
            &input("baking-again"),
        )
        .await,
        StatusCode::NOT_FOUND,
    )
    .await;

    // Merging twice in a row: the last target has everything.
    let kept: Tag = expect_json(
        send(
            &app,
            Method::POST,
            &merge(pizza),
            Some(&token),
            &json!({ "into": cooking }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(kept.usage, 4);
    assert_eq!(
        slugs(&get_person(&app, &token, baker.id).await),
        ["cooking"]
    );
    assert_eq!(
        names(&app, &token, &[("tags", "cooking")]).await,
        ["Baker", "Both", "Cook", "Other"]
    );
});
