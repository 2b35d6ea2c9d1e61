//! The query strings the web app writes (`shared::query::query_string`) read back, through the
//! API's own query extractor, as the value they were written from: every query type, every
//! field set. No server needed.

use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::Serialize;
use shared::activities::{
    ActivityFilter, ActivityKind, ActivityProgramme, ActivityStatus, CsvQuery, CsvSeparator,
    EventOrdering, EventQuery,
};
use shared::audit::AuditFilter;
use shared::auth::Role;
use shared::consent::NoticeQuery;
use shared::duo::{
    BlockFilter, CandidacyStatus, CandidateFilter, DuoFilter, DuoStatus, SuggestionQuery,
};
use shared::notifications::{NotificationChannel, NotificationFilter, NotificationStatus};
use shared::page::PageParams;
use shared::people::{
    Category, DayPart, FrenchLevel, PeopleFilter, PeopleSort, PersonStatus, Programme,
    ProgrammeRole, Slot, Weekday,
};
use shared::query::query_string;
use shared::users::UserFilter;
use shared::Lang;
use uuid::Uuid;

use interra_api::http::extract::parse_query;

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: T) {
    let text = query_string(&value).expect("a flat query type");
    let query = text.strip_prefix('?').unwrap_or(&text);
    match parse_query::<T>(query) {
        Ok(back) => assert_eq!(back, value, "{text}"),
        Err(e) => panic!("{text} not read back: {e:?}"),
    }
}

const ID: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0001);

#[test]
fn every_query_type_reads_back_what_the_web_app_writes() {
    round_trip(PageParams {
        page: Some(2),
        page_size: Some(20),
    });
    round_trip(ActivityFilter {
        start: Some("2026-03-29T02:00:00+01:00".into()),
        end: Some("2026-04-01".into()),
        programme: Some(ActivityProgramme::Duo2change),
        kind: Some(ActivityKind::InfoSession),
        status: Some(ActivityStatus::Cancelled),
        series_id: Some(ID),
        page: Some(3),
        page_size: Some(10),
    });
    round_trip(EventQuery {
        start: Some("2026-12-01".into()),
        end: Some("2027-01-01T00:00:00Z".into()),
        programme: Some(ActivityProgramme::Interlab),
        kind: Some(ActivityKind::WorkshopSession),
        tags: Some("pizza-party,cooking".into()),
        q: Some("café & liège + co".into()),
        languages: Some("ar,en".into()),
        lang: Some(Lang::Ar),
        modified_since: Some("2026-11-30T12:00:00+01:00".into()),
        ordering: Some(EventOrdering::StartDescending),
        page: Some(2),
        page_size: Some(20),
    });
    round_trip(CsvQuery {
        sep: Some(CsvSeparator::Semicolon),
    });
    round_trip(PeopleFilter {
        q: Some("Amina B. + Co & <friends>".into()),
        tags: Some("cooking,0193".into()),
        programme: Some(Programme::Interact),
        role: Some(ProgrammeRole::WorkshopHost),
        language: Some("prs".into()),
        french_min: Some(FrenchLevel::A2),
        french_max: Some(FrenchLevel::B2),
        commune: Some("Liège".into()),
        postcode: Some("4000".into()),
        category: Some(Category::Newcomer),
        slot: Some(Slot {
            day: Weekday::Sat,
            part: DayPart::Afternoon,
        }),
        status: Some(PersonStatus::ToReview),
        archived: Some(true),
        sort: Some(PeopleSort::UpdatedDescending),
        page: Some(4),
        page_size: Some(50),
    });
    round_trip(NoticeQuery {
        lang: Some(Lang::Nl),
    });
    round_trip(NotificationFilter {
        status: Some(NotificationStatus::Failed),
        activity_id: Some(ID),
        channel: Some(NotificationChannel::Staff),
        to_do: Some(true),
        page: Some(1),
        page_size: Some(200),
    });
    round_trip(AuditFilter {
        entity_type: Some("person".into()),
        entity_id: Some(ID.to_string()),
        actor_id: Some(ID),
        action: Some("person.updated".into()),
        from: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
        to: chrono::NaiveDate::from_ymd_opt(2026, 12, 31),
        page: Some(2),
        page_size: Some(100),
    });
    round_trip(shared::staff::StaffFilter {
        role: Some(Role::Coach),
        page: Some(2),
        page_size: Some(20),
    });
    round_trip(UserFilter {
        q: Some("marie dupont".into()),
        role: Some(Role::Coach),
        active: Some(false),
        page: Some(2),
        page_size: Some(20),
    });
    round_trip(CandidateFilter {
        status: Some(CandidacyStatus::Withdrawn),
        side: Some(Category::Local),
    });
    round_trip(DuoFilter {
        status: Some(DuoStatus::Paused),
    });
    round_trip(SuggestionQuery { k: Some(12) });
    round_trip(BlockFilter {
        person_id: Some(ID),
    });
}

#[test]
fn nothing_set_is_no_query_string_and_reads_back_as_nothing_set() {
    assert_eq!(
        query_string(&PeopleFilter::default()).ok(),
        Some(String::new())
    );
    round_trip(PeopleFilter::default());
    round_trip(EventQuery::default());
    round_trip(CsvQuery::default());
}

#[test]
fn the_api_still_reads_what_partners_and_old_links_send() {
    // Language tags as `Lang::from_tag` reads them; an empty sort is no sort.
    let q: EventQuery = parse_query("lang=fr-BE&ordering=-start").expect("a region tag");
    assert_eq!(q.lang, Some(Lang::Fr));
    assert_eq!(q.ordering, Some(EventOrdering::StartDescending));
    let q: NoticeQuery = parse_query("lang=AR").expect("an upper-case tag");
    assert_eq!(q.lang, Some(Lang::Ar));
    let f: PeopleFilter = parse_query("sort=&q=x").expect("an empty sort");
    assert_eq!((f.sort, f.q.as_deref()), (None, Some("x")));
    // What is not one of the set is refused on its field.
    refused::<EventQuery>("lang=xx", "lang");
    refused::<NoticeQuery>("lang=", "lang");
    refused::<EventQuery>("ordering=end", "ordering");
    refused::<PeopleFilter>("sort=age", "sort");
    refused::<CsvQuery>("sep=tab", "sep");
}

fn refused<T: DeserializeOwned + Debug>(query: &str, field: &str) {
    match parse_query::<T>(query) {
        Err(interra_api::error::ApiError::InvalidValue { field: f, .. }) => {
            assert_eq!(f, field, "{query}")
        }
        other => panic!("{query}: {other:?}"),
    }
}
