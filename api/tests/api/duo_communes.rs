//! The communes of the Liège area that travel ranges are measured with: administrators add
//! and change them; neighbour links always hold on both sides.

use reqwest::{Method, StatusCode};
use shared::auth::Role;
use shared::duo::{Commune, CommuneInput};

use crate::activity_fixtures::*;
use crate::both;
use crate::helpers::{expect_json, expect_problem, TestApp};

const COMMUNES: &str = "/api/v1/duo/communes";

fn input(name: &str, neighbours: &[&str]) -> CommuneInput {
    CommuneInput {
        name: name.into(),
        latitude: 50.55,
        longitude: 5.52,
        neighbours: neighbours.iter().map(|s| s.to_string()).collect(),
    }
}

fn find<'a>(list: &'a [Commune], id: &str) -> &'a Commune {
    list.iter().find(|c| c.id == id).expect("commune listed")
}

both!(
    administrators_add_a_commune_and_its_neighbours_on_both_sides,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let put = |body: CommuneInput| {
            let (app, admin) = (&app, &admin);
            async move {
                app.send_json(
                    Method::PUT,
                    &format!("{COMMUNES}/testville"),
                    Some(admin),
                    &body,
                )
                .await
            }
        };
        let made: Commune = expect_json(
            put(input(" Testville ", &["seraing", "liege", "liege"])).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(made.name, "Testville");
        assert_eq!(made.neighbours, vec!["liege", "seraing"]);
        let list: Vec<Commune> = get_json(&app, COMMUNES, Some(&admin)).await;
        assert!(find(&list, "liege")
            .neighbours
            .contains(&"testville".to_owned()));
        assert!(find(&list, "seraing")
            .neighbours
            .contains(&"testville".to_owned()));

        // A link left out goes from both sides.
        let changed: Commune =
            expect_json(put(input("Testville", &["liege"])).await, StatusCode::OK).await;
        assert_eq!(changed.neighbours, vec!["liege"]);
        let list: Vec<Commune> = get_json(&app, COMMUNES, Some(&admin)).await;
        assert!(!find(&list, "seraing")
            .neighbours
            .contains(&"testville".to_owned()));
        assert!(find(&list, "liege")
            .neighbours
            .contains(&"testville".to_owned()));
    }
);

both!(
    bad_communes_are_refused_field_by_field_and_change_nothing,
    |app: TestApp| async move {
        let admin = app.token_for(Role::Admin).await;
        let before: Vec<Commune> = get_json(&app, COMMUNES, Some(&admin)).await;
        let far = CommuneInput {
            latitude: 120.0,
            ..input("Loin", &[])
        };
        let cases = [
            ("Bad_Id", input("Nom", &[]), "id"),
            ("newplace", input("  ", &[]), "name"),
            ("newplace", far, "latitude"),
            ("newplace", input("Nulle part", &["nowhere"]), "neighbours"),
            ("newplace", input("Soi-même", &["newplace"]), "neighbours"),
        ];
        for (id, body, field) in cases {
            let problem = expect_problem(
                app.send_json(
                    Method::PUT,
                    &format!("{COMMUNES}/{id}"),
                    Some(&admin),
                    &body,
                )
                .await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert!(
                problem.errors.unwrap_or_default().contains_key(field),
                "{field}"
            );
        }
        let after: Vec<Commune> = get_json(&app, COMMUNES, Some(&admin)).await;
        assert_eq!(before, after);
    }
);

both!(
    only_administrators_change_communes,
    |app: TestApp| async move {
        let coordinator = app.token_for(Role::Coordinator).await;
        expect_problem(
            app.send_json(
                Method::PUT,
                &format!("{COMMUNES}/liege"),
                Some(&coordinator),
                &input("Liège", &[]),
            )
            .await,
            StatusCode::FORBIDDEN,
        )
        .await;
        let list: Vec<Commune> = get_json(&app, COMMUNES, Some(&coordinator)).await;
        assert!(
            !find(&list, "liege").neighbours.is_empty(),
            "nothing was unlinked"
        );
    }
);

both!(
    liege_and_seraing_are_neighbours,
    |app: TestApp| async move {
        // They share a border; a list drawn only by the distance between centroids missed it.
        let coordinator = app.token_for(Role::Coordinator).await;
        let list: Vec<Commune> = get_json(&app, COMMUNES, Some(&coordinator)).await;
        assert!(find(&list, "liege")
            .neighbours
            .contains(&"seraing".to_owned()));
        assert!(find(&list, "seraing")
            .neighbours
            .contains(&"liege".to_owned()));
    }
);
