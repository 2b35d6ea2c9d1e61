//! A person's history on their page: who did what and when, with the names of the fields that
//! changed (never their values), newest first, older entries on request.

use leptos::prelude::*;
use shared::audit::PersonHistoryEntry;
use shared::consent::ConsentPurpose;
use shared::Lang;
use uuid::Uuid;

use crate::api::use_api;

use crate::components::load::LoadError;
use crate::i18n::common::CommonKey;
use crate::i18n::people::PeopleKey;
use crate::i18n::people_admin::PaKey;
use crate::i18n::person::PersonKey;
use crate::i18n::vocabulary::purpose_key;
use crate::i18n::{t, tf, Text};
use crate::locale::use_i18n;

/// Entries fetched at a time.
pub const HISTORY_PAGE_SIZE: u32 = 10;

/// The label of an audit action; `None` for actions this version does not know (shown with
/// their code).
pub fn action_key(action: &str) -> Option<PaKey> {
    Some(match action {
        "person.created" => PaKey::ActCreated,
        "person.signup" => PaKey::ActSignup,
        "person.updated" => PaKey::ActUpdated,
        "person.archived" => PaKey::ActArchived,
        "person.restored" => PaKey::ActRestored,
        "person.reviewed" => PaKey::ActReviewed,
        "person.membership_added" => PaKey::ActMembershipAdded,
        "person.membership_updated" => PaKey::ActMembershipUpdated,
        "person.consent_given" => PaKey::ActConsentGiven,
        "person.consent_withdrawn" => PaKey::ActConsentWithdrawn,
        "person.coach_assigned" => PaKey::ActCoachAssigned,
        "person.coach_removed" => PaKey::ActCoachRemoved,
        "person.exported" => PaKey::ActExported,
        "person.anonymised" => PaKey::ActAnonymised,
        "duo.candidacy_created" => PaKey::ActDuoCandidacyCreated,
        "duo.candidacy_updated" => PaKey::ActDuoCandidacyUpdated,
        _ => return None,
    })
}

/// What an entry says was done, in `lang`: the action, and for a consent which one
/// ("Consentement retiré : Photos").
pub fn action_label(lang: Lang, action: &str, consent: Option<ConsentPurpose>) -> String {
    let done = match action_key(action) {
        Some(k) => t(lang, k).to_string(),
        None => tf(lang, PaKey::ActOther, &[("action", action)]),
    };
    match consent {
        Some(p) => tf(
            lang,
            PaKey::ActAboutConsent,
            &[("action", &done), ("purpose", t(lang, purpose_key(p)))],
        ),
        None => done,
    }
}

/// The label of a changed field, as the form names it; `None` for a name this version does not
/// know (shown as it is). Membership changes name the membership's own fields.
pub fn field_key(action: &str, field: &str) -> Option<Text> {
    if action == "person.membership_updated" {
        return match field {
            "role" => Some(PersonKey::RoleInProgramme.into()),
            "status" => Some(PersonKey::MembershipState.into()),
            "ended_on" => Some(PaKey::FieldEndedOn.into()),
            _ => None,
        };
    }
    let key = match field {
        "email" => return Some(CommonKey::Email.into()),
        "archived" => return Some(PeopleKey::Archived.into()),
        "first_name" => PersonKey::FirstName,
        "last_name" => PersonKey::LastName,
        "preferred_name" => PersonKey::PreferredName,
        "phone" => PersonKey::Phone,
        "preferred_channel" => PersonKey::PreferredChannel,
        "street" => PersonKey::Street,
        "postcode" => PersonKey::Postcode,
        "commune" => PersonKey::Commune,
        "profile" => PersonKey::DeclaredProfile,
        "arrival_year" => PersonKey::ArrivalYear,
        "category_override" => PersonKey::CategoryOverride,
        "category_override_reason" => PersonKey::OverrideReason,
        "birth_year" => PersonKey::BirthYear,
        "gender" => PersonKey::Gender,
        "french_level" => PersonKey::FrenchLevel,
        "origin_region" => PersonKey::OriginRegion,
        "presentation" => PersonKey::Presentation,
        "staff_notes" => PersonKey::StaffNotes,
        "languages" => PersonKey::Languages,
        "tags" => PersonKey::Tags,
        "availability" => PersonKey::Availability,
        "status" => return Some(PaKey::FieldStatus.into()),
        _ => return None,
    };
    Some(key.into())
}

/// The text before and after `placeholder` in `template` (all of it before when absent), so
/// that the value can go in its own element.
pub fn around_placeholder<'a>(template: &'a str, placeholder: &str) -> (&'a str, &'a str) {
    template.split_once(placeholder).unwrap_or((template, ""))
}

/// Appends a page of entries to those already shown (the first page replaces them), leaving
/// out any already there: an entry recorded between two requests shifts the pages by one.
pub fn merge_page(
    shown: &mut Vec<PersonHistoryEntry>,
    page: u32,
    entries: Vec<PersonHistoryEntry>,
) {
    if page <= 1 {
        shown.clear();
    }
    for e in entries {
        if !shown.iter().any(|s| s.id == e.id) {
            shown.push(e);
        }
    }
}

/// The "History" card of a person page.
#[component]
pub fn PersonHistory(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let entries = RwSignal::new(Vec::<PersonHistoryEntry>::new());
    let count = RwSignal::new(None::<u64>);
    let next_page = RwSignal::new(None::<u32>);
    let error = RwSignal::new(None::<String>);
    let load = Action::new_local(move |page: &u32| {
        let page = *page;
        async move { (page, api.person_history(id, page, HISTORY_PAGE_SIZE).await) }
    });
    Effect::new(move |_| match load.value().get() {
        Some((page, Ok(result))) => {
            error.set(None);
            entries.update(|shown| merge_page(shown, page, result.results));
            count.set(Some(result.count));
            next_page.set(result.next.is_some().then_some(page + 1));
        }
        Some((_, Err(err))) => error.set(Some(err.message(i18n.lang.get_untracked()))),
        None => {}
    });
    load.dispatch(1);
    let pending = load.pending();

    let items = move || {
        entries
            .get()
            .into_iter()
            .map(|e| view! { <HistoryItem entry=e/> })
            .collect_view()
    };
    view! {
        <section class="card person-history" aria-labelledby="history-title">
            <h2 id="history-title">{move || i18n.t(PaKey::HistoryTitle)}</h2>
            <p class="hint">{move || i18n.t(PaKey::HistoryIntro)}</p>
            {move || {
                error
                    .get()
                    .map(|msg| {
                        view! { <LoadError message=msg retry=Callback::new(move |()| { load.dispatch(1); })/> }
                    })
            }}
            {move || match count.get() {
                None if error.with(Option::is_none) => {
                    view! { <p class="loading"><span class="spinner" aria-hidden="true"></span>{move || i18n.t(CommonKey::Loading)}</p> }
                        .into_any()
                }
                None => ().into_any(),
                Some(0) => view! { <p class="muted">{move || i18n.t(PaKey::HistoryEmpty)}</p> }.into_any(),
                Some(n) => {
                    view! {
                        <p class="muted small">{move || i18n.tf(PaKey::HistoryCount, &[("count", &n.to_string())])}</p>
                    }
                        .into_any()
                }
            }}
            <ol class="history">{items}</ol>
            <Show when=move || next_page.get().is_some()>
                <button
                    type="button"
                    class="button history-more"
                    disabled=move || pending.get()
                    on:click=move |_| {
                        if let Some(page) = next_page.get_untracked() {
                            load.dispatch(page);
                        }
                    }
                >
                    {move || i18n.t(PaKey::HistoryMore)}
                </button>
            </Show>
        </section>
    }
}

#[component]
fn HistoryItem(entry: PersonHistoryEntry) -> impl IntoView {
    let i18n = use_i18n();
    let action = entry.action.clone();
    let label = {
        let action = action.clone();
        let consent = entry.consent;
        move || action_label(i18n.lang.get(), &action, consent)
    };
    let by = match (&entry.actor_name, entry.actor_id) {
        (Some(name), _) => {
            let name = name.clone();
            let parts = move || around_placeholder(i18n.t(PaKey::HistoryBy), "{name}");
            view! {
                <span class="history-by">
                    {move || parts().0}
                    <bdi>{name}</bdi>
                    {move || parts().1}
                </span>
            }
            .into_any()
        }
        (None, Some(_)) => {
            view! { <span class="history-by">{move || i18n.t(PaKey::HistoryFormerAccount)}</span> }
                .into_any()
        }
        (None, None) if action == "person.signup" => ().into_any(),
        (None, None) => {
            view! { <span class="history-by">{move || i18n.t(PaKey::HistoryBySystem)}</span> }
                .into_any()
        }
    };
    let changed = (!entry.changed.is_empty()).then(|| {
        let fields = entry.changed.clone();
        let action = action.clone();
        move || {
            let names = fields
                .iter()
                .map(|f| match field_key(&action, f) {
                    Some(k) => i18n.t(k).to_string(),
                    None => f.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <p class="history-fields small">{i18n.tf(PaKey::HistoryChanged, &[("fields", &names)])}</p>
            }
        }
    });
    let when = entry.occurred_at;
    let datetime = when.to_rfc3339();
    view! {
        <li class="history-entry">
            <p class="history-head">
                <strong class="history-action">{label}</strong>
                " "
                {by}
            </p>
            <p class="muted small">
                <time datetime=datetime>{move || i18n.date(&when)}</time>
            </p>
            {changed}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn entry(n: u128) -> PersonHistoryEntry {
        PersonHistoryEntry {
            id: Uuid::from_u128(n),
            occurred_at: Utc::now(),
            action: "person.updated".into(),
            actor_id: None,
            actor_name: None,
            changed: vec![],
            consent: None,
        }
    }

    #[test]
    fn a_consent_entry_says_which_consent() {
        assert_eq!(
            action_label(
                Lang::Fr,
                "person.consent_withdrawn",
                Some(ConsentPurpose::Photos)
            ),
            "Consentement retiré : Photos"
        );
        assert_eq!(
            action_label(
                Lang::En,
                "person.consent_given",
                Some(ConsentPurpose::Newsletter)
            ),
            "Consent recorded: Newsletter"
        );
        assert_eq!(
            action_label(Lang::Fr, "person.consent_withdrawn", None),
            "Consentement retiré"
        );
    }

    #[test]
    fn actions_of_people_have_labels() {
        for action in [
            "person.created",
            "person.signup",
            "person.updated",
            "person.archived",
            "person.anonymised",
            "person.membership_updated",
            "duo.candidacy_created",
        ] {
            assert!(action_key(action).is_some(), "{action}");
        }
        assert_eq!(action_key("person.teleported"), None);
        assert_eq!(
            t(Lang::En, action_key("person.exported").expect("known")),
            "Data exported (right of access)"
        );
    }

    #[test]
    fn fields_are_named_as_in_the_form() {
        let name = |action: &str, field: &str| field_key(action, field).map(|k| k.get(Lang::Fr));
        assert_eq!(
            name("person.updated", "email"),
            Some(t(Lang::Fr, CommonKey::Email))
        );
        assert_eq!(
            name("person.updated", "tags"),
            Some(t(Lang::Fr, PersonKey::Tags))
        );
        // A membership's status is not the record's.
        assert_eq!(
            name("person.membership_updated", "status"),
            Some(t(Lang::Fr, PersonKey::MembershipState))
        );
        assert_eq!(
            name("person.updated", "status"),
            Some(t(Lang::Fr, PaKey::FieldStatus))
        );
        assert_eq!(name("person.updated", "shoe_size"), None);
    }

    #[test]
    fn the_author_name_sits_where_each_language_puts_it() {
        assert_eq!(
            around_placeholder(t(Lang::Fr, PaKey::HistoryBy), "{name}"),
            ("par ", "")
        );
        assert_eq!(
            around_placeholder(t(Lang::Nl, PaKey::HistoryBy), "{name}"),
            ("door ", "")
        );
        assert_eq!(around_placeholder("no slot", "{name}"), ("no slot", ""));
    }

    #[test]
    fn older_pages_append_without_repeating() {
        let mut shown = vec![entry(3), entry(2)];
        merge_page(&mut shown, 2, vec![entry(2), entry(1)]);
        let ids: Vec<u128> = shown.iter().map(|e| e.id.as_u128()).collect();
        assert_eq!(ids, [3, 2, 1]);
        merge_page(&mut shown, 1, vec![entry(4)]);
        assert_eq!(shown.len(), 1, "the first page starts over");
    }
}
