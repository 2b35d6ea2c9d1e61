//! Taking part keeps programme memberships up to date (issue 19, item 1): someone who only
//! registers to activities, or only waits in the Duo2Change pool, is found by the programme
//! filter of the people list and shows the membership on their page.

use reqwest::StatusCode;
use shared::activities::{ActivityInput, ActivityProgramme, RegistrationStatus};
use shared::auth::Role;
use shared::duo::DuoStatus;
use shared::people::{MembershipStatus, Person, PersonSummary, Programme, ProgrammeRole};
use shared::Page;
use uuid::Uuid;

use crate::activity_fixtures::*;
use crate::both;
use crate::duo_fixtures::{moved, pool, two_proposals};
use crate::helpers::{expect_json, TestApp};

const PEOPLE: &str = "/api/v1/people";

async fn in_programme(app: &TestApp, token: &str, programme: &str) -> Vec<Uuid> {
    let page: Page<PersonSummary> = expect_json(
        app.get(
            &format!("{PEOPLE}?programme={programme}&page_size=200"),
            Some(token),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    page.results.into_iter().map(|p| p.id).collect()
}

async fn memberships(
    app: &TestApp,
    token: &str,
    person: Uuid,
) -> Vec<(Programme, ProgrammeRole, MembershipStatus)> {
    let p: Person = get_json(app, &format!("{PEOPLE}/{person}"), Some(token)).await;
    p.memberships
        .into_iter()
        .map(|m| (m.programme, m.role, m.status))
        .collect()
}

both!(
    registrations_make_people_members_of_the_programme,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let training = ActivityInput {
            programme: Some(ActivityProgramme::Training),
            ..upcoming("Communication interculturelle", 3, Some(1))
        };
        let first = create_activity(&app, &token, &training).await;
        let second = create_activity(&app, &token, &training).await;
        let workshop = create_activity(&app, &token, &upcoming("Poterie", 4, None)).await;
        let sara = create_person(&app, &token, "Sara", true).await;
        let other = create_person(&app, &token, "Omar", false).await;
        assert!(!in_programme(&app, &token, "training").await.contains(&sara));
        assert!(memberships(&app, &token, sara).await.is_empty());

        register(&app, &token, first.id, other).await;
        // Sara waits for a seat: she takes part all the same.
        let waiting = register(&app, &token, first.id, sara).await;
        assert_eq!(waiting.status, RegistrationStatus::Waitlisted);
        register(&app, &token, second.id, sara).await;
        register(&app, &token, workshop.id, sara).await;

        let training_people = in_programme(&app, &token, "training").await;
        assert!(training_people.contains(&sara) && training_people.contains(&other));
        assert!(in_programme(&app, &token, "interact").await.contains(&sara));
        // One membership per programme, however many activities.
        let mut held = memberships(&app, &token, sara).await;
        held.sort_by_key(|m| m.0.as_str());
        assert_eq!(
            held,
            vec![
                (
                    Programme::Interact,
                    ProgrammeRole::Participant,
                    MembershipStatus::Active
                ),
                (
                    Programme::Training,
                    ProgrammeRole::Trainee,
                    MembershipStatus::Active
                ),
            ]
        );
        assert!(!in_programme(&app, &token, "duo2change")
            .await
            .contains(&sara));
    }
);

both!(
    the_duo_pool_and_a_confirmed_duo_make_people_duo2change_members,
    |app: TestApp| async move {
        let token = app.token_for(Role::Coordinator).await;
        let p = pool(&app, &token).await;
        // In the pool: applied.
        let members = in_programme(&app, &token, "duo2change").await;
        for person in [p.amina.person, p.marc.person, p.dan.person] {
            assert!(members.contains(&person));
        }
        let candidate = (
            Programme::Duo2change,
            ProgrammeRole::DuoCandidate,
            MembershipStatus::Applied,
        );
        assert_eq!(memberships(&app, &token, p.amina.person).await, [candidate]);

        // A confirmed duo: both active, the others still applied.
        let (am, _) = two_proposals(&app, &token, &p).await;
        moved(&app, &token, am, DuoStatus::Introduced).await;
        moved(&app, &token, am, DuoStatus::Active).await;
        let active = (
            Programme::Duo2change,
            ProgrammeRole::DuoCandidate,
            MembershipStatus::Active,
        );
        assert_eq!(memberships(&app, &token, p.amina.person).await, [active]);
        assert_eq!(memberships(&app, &token, p.marc.person).await, [active]);
        assert_eq!(memberships(&app, &token, p.dan.person).await, [candidate]);
        // A pause and a new confirmation change nothing more.
        moved(&app, &token, am, DuoStatus::Paused).await;
        moved(&app, &token, am, DuoStatus::Active).await;
        assert_eq!(memberships(&app, &token, p.amina.person).await, [active]);
    }
);
