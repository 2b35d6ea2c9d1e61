//! A Duo2Change public sign-up becomes a candidacy for a coordinator to complete (issue 19,
//! item 7), with the commune of the postcode given; it enters the pool only once completed.

use reqwest::{Method, StatusCode};
use shared::auth::Role;
use shared::duo::{Candidacy, CandidacyInput, CandidacyStatus, Hope, TravelRange};
use shared::people::{Category, MembershipStatus, Person, Programme, ProgrammeRole};

use crate::activity_fixtures::get_json;
use crate::both;
use crate::duo_fixtures::CANDIDATES;
use crate::helpers::{expect_json, TestApp};
use crate::people_fixtures::{post_signup, signup_request};

async fn waiting(app: &TestApp, token: &str) -> Vec<uuid::Uuid> {
    let list: Vec<Candidacy> =
        get_json(app, &format!("{CANDIDATES}?status=waiting"), Some(token)).await;
    list.into_iter().map(|c| c.id).collect()
}

both!(
    a_duo_sign_up_waits_to_be_completed_outside_the_pool,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let mut signup = signup_request("Nour", Some("nour@example.be"), None);
        signup.programme = Some(Programme::Duo2change);
        signup.role = Some(ProgrammeRole::DuoCandidate);
        signup.workshop_idea = None;
        // Jemeppe: a postcode of Seraing.
        signup.postcode = Some("4101".into());
        assert_eq!(
            post_signup(&app, &signup).await.status(),
            StatusCode::ACCEPTED
        );

        let to_complete: Vec<Candidacy> = get_json(
            &app,
            &format!("{CANDIDATES}?status=to_complete"),
            Some(&token),
        )
        .await;
        assert_eq!(to_complete.len(), 1, "{to_complete:?}");
        let c = to_complete[0].clone();
        assert_eq!(c.status, CandidacyStatus::ToComplete);
        assert_eq!(c.side, Category::Newcomer);
        assert!(c.display_name.starts_with("Nour"), "{}", c.display_name);
        let one: Candidacy = get_json(&app, &format!("{CANDIDATES}/{}", c.id), Some(&token)).await;
        assert_eq!(one.commune.as_deref(), Some("seraing"));
        let person: Person = get_json(
            &app,
            &format!("/api/v1/people/{}", c.person_id),
            Some(&token),
        )
        .await;
        let held: Vec<_> = person
            .memberships
            .iter()
            .map(|m| (m.programme, m.role, m.status))
            .collect();
        assert_eq!(
            held,
            [(
                Programme::Duo2change,
                ProgrammeRole::DuoCandidate,
                MembershipStatus::Applied
            )]
        );
        assert!(!waiting(&app, &token).await.contains(&c.id));

        // The coordinator completes it: it enters the pool.
        let completed: Candidacy = expect_json(
            app.send_json(
                Method::PUT,
                &format!("{CANDIDATES}/{}", c.id),
                Some(&token),
                &CandidacyInput {
                    person_id: c.person_id,
                    commune: Some("seraing".into()),
                    travel: TravelRange::Anywhere,
                    gender: None,
                    partner_gender: None,
                    partner_age_min: None,
                    partner_age_max: None,
                    hopes: vec![Hope::Conversation],
                    wants_french_practice: true,
                    remarks: None,
                    status: Some(CandidacyStatus::Waiting),
                },
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(completed.status, CandidacyStatus::Waiting);
        assert!(waiting(&app, &token).await.contains(&c.id));
    }
);
