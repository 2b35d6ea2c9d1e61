//! Recording a new person and editing one: the API's field errors next to their inputs, and
//! the duplicate check (409) with "this is a different person" to save anyway.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::people::{
    Category, ContactChannel, FrenchLevel, LanguageSkill, Person, PersonInput, PersonTagRef,
};
use uuid::Uuid;

use crate::api::{conflict_id, use_api, ApiError, FormErrors};
use crate::components::dom::focus_id_later;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::TextField;
use crate::components::form::{SelectField, TextAreaField};
use crate::components::load::{load_page, PageHeadings};
use crate::i18n::common::CommonKey;
use crate::i18n::people::PeopleKey;
use crate::i18n::person::PersonKey;
use crate::i18n::vocabulary::channel_key;
use crate::i18n::vocabulary::{category_key, VocabKey};
use crate::i18n::Text;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{person_path, PEOPLE};

mod parts;

use parts::*;
pub use parts::{AvailabilityGrid, AvailabilityGridProps};

/// The inputs of the form, by the names the API uses for its field errors.
pub const FIELDS: [&str; 20] = [
    "languages",
    "tags",
    "first_name",
    "last_name",
    "preferred_name",
    "email",
    "phone",
    "preferred_channel",
    "street",
    "postcode",
    "commune",
    "profile",
    "arrival_year",
    "category_override",
    "category_override_reason",
    "birth_year",
    "gender",
    "french_level",
    "presentation",
    "staff_notes",
];

/// A trimmed text, `None` when empty.
pub fn opt_text(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// A year typed in a box: `None` when empty or not a number (the API then says what it needs).
pub fn opt_year(s: &str) -> Option<i32> {
    s.trim().parse().ok()
}

/// The profile select's value for "neither newcomer nor local" (sent as `null`).
const NEITHER: &str = "neither";

/// The profile to send: absent while unanswered (the server asks for it), `null` for neither.
fn profile_input(value: &str) -> Option<Option<Category>> {
    match value {
        NEITHER => Some(None),
        v => parse_opt::<Category>(v).map(Some),
    }
}

/// The form's starting point for `person`: every field of the record, so that saving the form
/// keeps what it does not show (languages, tags; the write-only region of origin is left out,
/// which keeps it).
pub fn input_from_person(p: &Person) -> PersonInput {
    PersonInput {
        first_name: p.first_name.clone(),
        last_name: p.last_name.clone(),
        preferred_name: p.preferred_name.clone(),
        email: p.email.clone(),
        phone: p.phone.clone(),
        preferred_channel: p.preferred_channel,
        street: p.street.clone(),
        postcode: p.postcode.clone(),
        commune: p.commune.clone(),
        profile: Some(p.profile),
        arrival_year: p.arrival_year,
        category_override: p.category_override,
        category_override_reason: p.category_override_reason.clone(),
        birth_year: p.birth_year,
        gender: p.gender.clone(),
        french_level: p.french_level,
        // Write-only and never shown: left out, the server keeps it.
        origin_region: None,
        languages: p.languages.clone(),
        tags: p
            .tags
            .iter()
            .map(|t| PersonTagRef {
                tag_id: t.tag_id,
                kind: t.kind,
            })
            .collect(),
        availability: p.availability.clone(),
        presentation: p.presentation.clone(),
        staff_notes: p.staff_notes.clone(),
        confirm_distinct: false,
    }
}

#[component]
pub fn NewPersonPage() -> impl IntoView {
    use_page_title(PeopleKey::NewPerson);
    view! {
        <section class="page" aria-labelledby="page-title">
            <PersonForm initial=None/>
        </section>
    }
}

#[component]
pub fn EditPersonPage() -> impl IntoView {
    use_page_title(PeopleKey::EditPerson);
    let api = use_api();
    let params = use_params_map();
    let person = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok()));
        async move {
            match id {
                Some(id) => api.get_person(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page" aria-labelledby="page-title">            {move || load_page(
                person.get(),
                move || person.refetch(),
                PageHeadings { failed: PeopleKey::EditPerson.into(), not_found: None },
                |p| view! { <PersonForm initial=Some(p)/> }.into_any(),
            )}
        </section>
    }
}

fn parse_opt<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.parse().ok()
}

#[component]
fn PersonForm(initial: Option<Person>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let navigate = use_navigate();
    let id = initial.as_ref().map(|p| p.id);
    let base = initial.as_ref().map(input_from_person).unwrap_or_default();
    let s = |v: &Option<String>| RwSignal::new(v.clone().unwrap_or_default());
    let first_name = RwSignal::new(base.first_name.clone());
    let last_name = s(&base.last_name);
    let preferred_name = s(&base.preferred_name);
    let email = s(&base.email);
    let phone = s(&base.phone);
    let channel = RwSignal::new(
        base.preferred_channel
            .map(|c| c.as_str().to_string())
            .unwrap_or_default(),
    );
    let street = s(&base.street);
    let postcode = s(&base.postcode);
    let commune = s(&base.commune);
    // "": not answered yet; NEITHER: declared neither newcomer nor local.
    let profile = RwSignal::new(match base.profile {
        None => String::new(),
        Some(None) => NEITHER.to_string(),
        Some(Some(c)) => c.as_str().to_string(),
    });
    let arrival_year = RwSignal::new(base.arrival_year.map(|y| y.to_string()).unwrap_or_default());
    let category_override = RwSignal::new(
        base.category_override
            .map(|c| c.as_str().to_string())
            .unwrap_or_default(),
    );
    let override_reason = s(&base.category_override_reason);
    let birth_year = RwSignal::new(base.birth_year.map(|y| y.to_string()).unwrap_or_default());
    let gender = s(&base.gender);
    let french = RwSignal::new(
        base.french_level
            .map(|l| l.as_str().to_string())
            .unwrap_or_default(),
    );
    let presentation = s(&base.presentation);
    let staff_notes = s(&base.staff_notes);
    let availability = RwSignal::new(base.availability.clone());
    let tags = RwSignal::new(base.tags.clone());
    let languages = RwSignal::new(
        base.languages
            .iter()
            .enumerate()
            .map(|(i, l)| LanguageRow::new(i as u32, &l.language, l.level))
            .collect::<Vec<_>>(),
    );
    let errors = RwSignal::new(FormErrors::default());
    let duplicate = RwSignal::new(None::<Uuid>);
    let base = StoredValue::new(base);

    let collect = move |confirm_distinct: bool| -> PersonInput {
        let mut input = base.get_value();
        input.first_name = first_name.get_untracked().trim().to_string();
        input.last_name = opt_text(&last_name.get_untracked());
        input.preferred_name = opt_text(&preferred_name.get_untracked());
        input.email = opt_text(&email.get_untracked());
        input.phone = opt_text(&phone.get_untracked());
        input.preferred_channel = parse_opt::<ContactChannel>(&channel.get_untracked());
        input.street = opt_text(&street.get_untracked());
        input.postcode = opt_text(&postcode.get_untracked());
        input.commune = opt_text(&commune.get_untracked());
        input.profile = profile_input(&profile.get_untracked());
        input.arrival_year = opt_year(&arrival_year.get_untracked());
        input.category_override = parse_opt::<Category>(&category_override.get_untracked());
        input.category_override_reason = opt_text(&override_reason.get_untracked());
        input.birth_year = opt_year(&birth_year.get_untracked());
        input.gender = opt_text(&gender.get_untracked());
        input.french_level = parse_opt::<FrenchLevel>(&french.get_untracked());
        input.presentation = opt_text(&presentation.get_untracked());
        input.staff_notes = opt_text(&staff_notes.get_untracked());
        input.availability = availability.get_untracked();
        input.tags = tags.get_untracked();
        input.languages = languages
            .get_untracked()
            .iter()
            .filter_map(|row| {
                opt_text(&row.code.get_untracked()).map(|code| LanguageSkill {
                    language: code.to_lowercase(),
                    level: row.level.get_untracked(),
                })
            })
            .collect();
        input.confirm_distinct = confirm_distinct;
        input
    };

    let save = use_submit(
        errors,
        &FIELDS,
        move |input: PersonInput| async move {
            match id {
                Some(id) => api.update_person(id, &input).await,
                None => api.create_person(&input).await,
            }
        },
        // The person's page says it was saved (`?saved=1`).
        move |p| {
            navigate(
                &format!("{}?saved=1", person_path(p.id)),
                Default::default(),
            )
        },
    )
    .on_refused(move |err| {
        // A possible duplicate: the form offers to open it or to confirm a distinct person.
        duplicate.set(conflict_id(err));
        if duplicate.with_untracked(Option::is_some) {
            focus_id_later("duplicate-title");
        }
        duplicate.with_untracked(Option::is_some)
    });
    let pending = save.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(FormErrors::default());
        duplicate.set(None);
        save.dispatch(collect(false));
    };
    let err = move |name: &'static str| Signal::derive(move || errors.with(|e| e.field(name)));
    let back = id.map(person_path).unwrap_or_else(|| PEOPLE.to_string());
    let title = if id.is_some() {
        PeopleKey::EditPerson
    } else {
        PeopleKey::NewPerson
    };
    let heading_name = initial.as_ref().map(|p| p.display_name.clone());

    view! {
        <p class="back"><a href=back.clone()>{move || i18n.t(if id.is_some() { Text::from(CommonKey::Cancel) } else { PeopleKey::BackToPeople.into() })}</a></p>
        <h1 id="page-title">
            {move || i18n.t(title)}
            {heading_name.clone().map(|n| view! { " — " <bdi>{n}</bdi> })}
        </h1>
        <ErrorAlert
            message=Signal::derive(move || errors.with(FormErrors::general))
            on_dismiss=move || errors.update(FormErrors::dismiss_general)
        />
        {move || duplicate.get().map(|other| view! {
            <section class="card alert-warn duplicate" aria-labelledby="duplicate-title">
                <h2 id="duplicate-title" tabindex="-1">{move || i18n.t(PeopleKey::DuplicateFound)}</h2>
                <p><a href=person_path(other)>{move || i18n.t(PeopleKey::OpenOther)}</a></p>
                <button
                    type="button"
                    class="button"
                    id="confirm-distinct"
                    disabled=move || pending.get()
                    on:click=move |_| { save.dispatch(collect(true)); }
                >
                    {move || i18n.t(PeopleKey::ConfirmDistinct)}
                </button>
            </section>
        })}
        <form class="form person-form" on:submit=on_submit novalidate=true>
            <fieldset class="card">
                <legend>{move || i18n.t(PersonKey::Identity)}</legend>
                <div class="form-grid">
                    <TextField id="first_name" label=PersonKey::FirstName value=first_name autocomplete="off" required=true error=err("first_name")/>
                    <TextField id="last_name" label=PersonKey::LastName value=last_name autocomplete="off" error=err("last_name")/>
                    <TextField id="preferred_name" label=PersonKey::PreferredName value=preferred_name autocomplete="off" error=err("preferred_name")/>
                    <TextField id="birth_year" label=PersonKey::BirthYear value=birth_year input_type="number" error=err("birth_year")/>
                    <TextField id="gender" label=PersonKey::Gender value=gender autocomplete="off" error=err("gender")/>
                    <SelectField empty=CommonKey::NotProvided id="french_level" label=PersonKey::FrenchLevel value=french error=err("french_level")
                        options={FrenchLevel::ALL.iter().map(|l| (l.as_str(), None)).collect::<Vec<(&'static str, Option<Text>)>>()}/>
                </div>
            </fieldset>
            <fieldset class="card">
                <legend>{move || i18n.t(PersonKey::ContactDetails)}</legend>
                <p class="hint">{move || i18n.t(PersonKey::ContactHint)}</p>
                <div class="form-grid">
                    <TextField id="email" label=CommonKey::Email value=email input_type="email" autocomplete="off" error=err("email")/>
                    <TextField id="phone" label=PersonKey::Phone value=phone input_type="tel" autocomplete="off" error=err("phone")/>
                    <SelectField empty=CommonKey::NotProvided id="preferred_channel" label=PersonKey::PreferredChannel value=channel error=err("preferred_channel")
                        options={ContactChannel::ALL.iter().map(|&c| (c.as_str(), Some(channel_key(c).into()))).collect::<Vec<(&'static str, Option<Text>)>>()}/>
                    <TextField id="street" label=PersonKey::Street value=street autocomplete="off" error=err("street")/>
                    <TextField id="postcode" label=PersonKey::Postcode value=postcode autocomplete="off" error=err("postcode")/>
                    <TextField id="commune" label=PersonKey::Commune value=commune autocomplete="off" error=err("commune")/>
                </div>
            </fieldset>
            <fieldset class="card">
                <legend>{move || i18n.t(PersonKey::Profile)}</legend>
                <div class="form-grid">
                    <SelectField empty=CommonKey::NotProvided id="profile" label=PersonKey::DeclaredProfile value=profile error=err("profile") required=true
                        options={Category::ALL.iter().map(|&c| (c.as_str(), Some(category_key(c).into())))
                            .chain([(NEITHER, Some(VocabKey::ProfileNeither.into()))])
                            .collect::<Vec<(&'static str, Option<Text>)>>()}/>
                    <TextField id="arrival_year" label=PersonKey::ArrivalYear value=arrival_year input_type="number" error=err("arrival_year")/>
                    <SelectField id="category_override" label=PersonKey::CategoryOverride value=category_override error=err("category_override")
                        empty=PersonKey::NoOverride
                        options={Category::ALL.iter().map(|&c| (c.as_str(), Some(category_key(c).into()))).collect::<Vec<(&'static str, Option<Text>)>>()}/>
                    <TextField id="category_override_reason" label=PersonKey::OverrideReason value=override_reason autocomplete="off" error=err("category_override_reason")/>
                </div>
            </fieldset>
            <fieldset class="card">
                <legend>{move || i18n.t(PersonKey::Languages)}</legend>
                <LanguagesEditor rows=languages error=err("languages")/>
            </fieldset>
            <fieldset class="card">
                <legend>{move || i18n.t(PersonKey::Tags)}</legend>
                <TagPicker value=tags error=err("tags")/>
            </fieldset>
            <fieldset class="card">
                <legend>{move || i18n.t(PersonKey::Availability)}</legend>
                <AvailabilityGrid value=availability/>
            </fieldset>
            <fieldset class="card">
                <legend>{move || i18n.t(PersonKey::Presentation)}</legend>
                <TextAreaField rows=4 id="presentation" label=PersonKey::Presentation value=presentation error=err("presentation")/>
                <TextAreaField rows=4 id="staff_notes" label=PersonKey::StaffNotes value=staff_notes error=err("staff_notes")/>
            </fieldset>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(CommonKey::Save) }}
                </button>
                <a class="button" href=back>{move || i18n.t(CommonKey::Cancel)}</a>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::people::TagKind;
    use shared::tags::Tag;

    #[test]
    fn the_profile_is_unanswered_a_category_or_neither() {
        assert_eq!(profile_input(""), None);
        assert_eq!(profile_input("local"), Some(Some(Category::Local)));
        assert_eq!(profile_input(NEITHER), Some(None));
    }

    #[test]
    fn empty_inputs_are_absent() {
        assert_eq!(opt_text("  "), None);
        assert_eq!(opt_text(" Liège "), Some("Liège".to_string()));
        assert_eq!(opt_year("2021"), Some(2021));
        assert_eq!(opt_year(""), None);
        assert_eq!(opt_year("soon"), None);
    }

    #[test]
    fn tag_search_matches_labels_and_leaves_out_chosen_ones() {
        let tag = |n: u128, slug: &str, fr: &str| Tag {
            id: Uuid::from_u128(n),
            slug: slug.into(),
            category: "x".into(),
            label_fr: fr.into(),
            label_en: slug.into(),
            label_nl: slug.into(),
            label_ar: slug.into(),
            usage: 0,
        };
        let all = vec![
            tag(1, "cooking", "Cuisine"),
            tag(2, "sewing", "Couture"),
            tag(3, "football", "Football"),
        ];
        let chosen = vec![PersonTagRef {
            tag_id: all[1].id,
            kind: TagKind::Skill,
        }];
        let found = matching_tags(&all, &chosen, "cu", shared::Lang::Fr, 8);
        assert_eq!(
            found.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>(),
            ["cooking"]
        );
        assert!(matching_tags(&all, &chosen, "cou", shared::Lang::Fr, 8).is_empty());
        assert!(matching_tags(&all, &chosen, "  ", shared::Lang::Fr, 8).is_empty());
        assert_eq!(matching_tags(&all, &[], "o", shared::Lang::En, 2).len(), 2);
    }

    #[test]
    fn every_field_is_listed_once() {
        let mut names = FIELDS.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FIELDS.len());
    }
}
