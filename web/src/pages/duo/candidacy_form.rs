//! Opening a Duo2Change candidacy for a person (found by name) and editing one: what matching
//! uses beyond the person's record (commune and travel range, preferences about the partner,
//! hopes, French practice) and remarks for the coordinator; withdrawal and return to the pool.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use shared::duo::{Candidacy, CandidacyInput, CandidacyStatus, GenderIdentity, Hope, TravelRange};
use shared::people::{PeopleFilter, PersonSummary};
use uuid::Uuid;

use super::{commune_id, manages_duos, DuoTabs};
use crate::api::duo::Commune;
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::focus_first_error;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::SelectField;
use crate::components::form::TextAreaField;
use crate::components::form::TextField;
use crate::components::load::{load_page, PageHeadings};
use crate::components::Forbidden;
use crate::i18n::common::CommonKey;
use crate::i18n::duo::{candidacy_status_key, gender_key, hope_key, travel_key, DuoKey};
use crate::i18n::people::PeopleKey;
use crate::i18n::person::PersonKey;
use crate::i18n::vocabulary::category_key;
use crate::i18n::vocabulary::category_opt_key;
use crate::i18n::Text;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{duo_candidate_path, DUO};

/// The inputs of the form, by the names the API uses for its field errors.
pub const FIELDS: [&str; 11] = [
    "person_id",
    "commune",
    "travel",
    "gender",
    "partner_gender",
    "partner_age_min",
    "partner_age_max",
    "hopes",
    "wants_french_practice",
    "remarks",
    "status",
];

/// The form's values, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub commune: String,
    pub travel: String,
    pub gender: String,
    pub partner_gender: String,
    pub age_min: String,
    pub age_max: String,
    pub hopes: Vec<Hope>,
    pub practice: bool,
    pub remarks: String,
    pub status: String,
}

impl Draft {
    /// A new candidacy: neighbouring communes, nothing else chosen.
    pub fn new_candidacy() -> Draft {
        Draft {
            travel: TravelRange::Neighbours.as_str().to_string(),
            ..Draft::default()
        }
    }

    /// The form for an existing candidacy (its commune given by id or name).
    pub fn from_candidacy(c: &Candidacy, communes: &[Commune]) -> Draft {
        let opt = |v: Option<&'static str>| v.unwrap_or_default().to_string();
        Draft {
            commune: c
                .commune
                .as_deref()
                .map(|v| commune_id(communes, v).unwrap_or_else(|| v.to_string()))
                .unwrap_or_default(),
            travel: c.travel.as_str().to_string(),
            gender: opt(c.gender.map(|g| g.as_str())),
            partner_gender: opt(c.partner_gender.map(|g| g.as_str())),
            age_min: c.partner_age_min.map(|a| a.to_string()).unwrap_or_default(),
            age_max: c.partner_age_max.map(|a| a.to_string()).unwrap_or_default(),
            hopes: c.hopes.clone(),
            practice: c.wants_french_practice,
            remarks: c.remarks.clone().unwrap_or_default(),
            // Saving a public sign-up puts it in the pool, unless "withdrawn" is chosen.
            status: match c.status {
                CandidacyStatus::ToComplete => CandidacyStatus::Waiting.as_str().to_string(),
                s => s.as_str().to_string(),
            },
        }
    }

    /// The request body. An age that is not a number is sent as none (the field then says so
    /// from the client side: see [`Draft::age_errors`]).
    pub fn input(&self, person_id: Uuid, editing: bool) -> CandidacyInput {
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        CandidacyInput {
            person_id,
            commune: text(&self.commune),
            travel: self.travel.parse().unwrap_or(TravelRange::Neighbours),
            gender: self.gender.parse().ok(),
            partner_gender: self.partner_gender.parse().ok(),
            partner_age_min: self.age_min.trim().parse().ok(),
            partner_age_max: self.age_max.trim().parse().ok(),
            hopes: Hope::ALL
                .iter()
                .copied()
                .filter(|h| self.hopes.contains(h))
                .collect(),
            wants_french_practice: self.practice,
            remarks: text(&self.remarks),
            status: if editing {
                self.status
                    .parse()
                    .ok()
                    .filter(|s| matches!(s, CandidacyStatus::Waiting | CandidacyStatus::Withdrawn))
            } else {
                None
            },
        }
    }

    /// The age fields that hold something other than a whole number.
    pub fn age_errors(&self) -> Vec<&'static str> {
        [
            ("partner_age_min", &self.age_min),
            ("partner_age_max", &self.age_max),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty() && v.trim().parse::<i32>().is_err())
        .map(|(f, _)| f)
        .collect()
    }
}

#[component]
pub fn NewCandidacyPage() -> impl IntoView {
    use_page_title(DuoKey::OpenCandidacy);
    let api = use_api();
    let manages = api.session.user().is_some_and(|u| manages_duos(u.role));
    let communes = LocalResource::new(move || async move { api.duo_communes().await });
    let query = use_query_map();
    let preset = query.with_untracked(|q| q.get("person").and_then(|s| Uuid::parse_str(&s).ok()));
    let i18n = use_i18n();
    if !manages {
        return view! { <Forbidden/> }.into_any();
    }
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="back"><a href=DUO>{move || i18n.t(DuoKey::BackToPool)}</a></p>
            {move || load_page(
                communes.get(),
                move || communes.refetch(),
                PageHeadings { failed: DuoKey::OpenCandidacy.into(), not_found: None },
                |list| view! { <CandidacyForm initial=None communes=list preset=preset/> }.into_any(),
            )}
        </section>
    }
    .into_any()
}

#[component]
pub fn EditCandidacyPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(DuoKey::EditCandidacy);
    let api = use_api();
    let manages = api.session.user().is_some_and(|u| manages_duos(u.role));
    let params = use_params_map();
    let data = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok()));
        async move {
            let Some(id) = id else {
                return Err(ApiError::Status(404));
            };
            let c = api.duo_candidate(id).await?;
            let communes = api.duo_communes().await?;
            Ok((c, communes))
        }
    });
    if !manages {
        return view! { <Forbidden/> }.into_any();
    }
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="back"><a href=DUO>{move || i18n.t(DuoKey::BackToPool)}</a></p>
            {move || load_page(
                data.get(),
                move || data.refetch(),
                PageHeadings { failed: DuoKey::EditCandidacy.into(), not_found: Some(DuoKey::CandidateNotFound.into()) },
                |(c, communes)| view! { <CandidacyForm initial=Some(c) communes=communes preset=None/> }.into_any(),
            )}
        </section>
    }
    .into_any()
}

#[component]
fn CandidacyForm(
    initial: Option<Candidacy>,
    communes: Vec<Commune>,
    /// A person chosen beforehand (`?person=<id>`).
    preset: Option<Uuid>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let navigate = use_navigate();
    let editing = initial.as_ref().map(|c| c.id);
    let draft = initial
        .as_ref()
        .map(|c| Draft::from_candidacy(c, &communes))
        .unwrap_or_else(Draft::new_candidacy);
    // Status is set by hand only between waiting and withdrawn (proposals follow the duos).
    let status_editable = initial.as_ref().is_some_and(|c| {
        matches!(
            c.status,
            CandidacyStatus::ToComplete | CandidacyStatus::Waiting | CandidacyStatus::Withdrawn
        )
    });
    let person = RwSignal::new(
        initial
            .as_ref()
            .map(|c| (c.person_id, c.display_name.clone())),
    );
    let commune = RwSignal::new(draft.commune.clone());
    let travel = RwSignal::new(draft.travel.clone());
    let gender = RwSignal::new(draft.gender.clone());
    let partner_gender = RwSignal::new(draft.partner_gender.clone());
    let age_min = RwSignal::new(draft.age_min.clone());
    let age_max = RwSignal::new(draft.age_max.clone());
    let hopes = RwSignal::new(draft.hopes.clone());
    let practice = RwSignal::new(draft.practice);
    let remarks = RwSignal::new(draft.remarks.clone());
    let status = RwSignal::new(draft.status.clone());
    let errors = RwSignal::new(FormErrors::default());
    // Mistakes caught before sending (ages that are not numbers, no person chosen).
    let local = RwSignal::new(Vec::<(&'static str, String)>::new());
    let err = move |name: &'static str| {
        Signal::derive(move || {
            local
                .with(|l| l.iter().find(|(f, _)| *f == name).map(|(_, m)| m.clone()))
                .or_else(|| errors.with(|e| e.field(name)))
        })
    };

    // A person given in the address: load their name.
    if let (None, Some(pid)) = (editing, preset) {
        leptos::task::spawn_local(async move {
            if let Ok(p) = api.get_person(pid).await {
                person.set(Some((p.id, p.display_name)));
            }
        });
    }

    let collect = move || Draft {
        commune: commune.get_untracked(),
        travel: travel.get_untracked(),
        gender: gender.get_untracked(),
        partner_gender: partner_gender.get_untracked(),
        age_min: age_min.get_untracked(),
        age_max: age_max.get_untracked(),
        hopes: hopes.get_untracked(),
        practice: practice.get_untracked(),
        remarks: remarks.get_untracked(),
        status: status.get_untracked(),
    };
    let save = use_submit(
        errors,
        &FIELDS,
        move |body: CandidacyInput| async move {
            match editing {
                Some(id) => api.update_candidacy(id, &body).await,
                None => api.create_candidacy(&body).await,
            }
        },
        move |c| navigate(&duo_candidate_path(c.id), Default::default()),
    );
    let pending = save.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = collect();
        let lang = i18n.lang.get_untracked();
        let mut problems: Vec<(&'static str, String)> = d
            .age_errors()
            .into_iter()
            .map(|f| (f, crate::i18n::t(lang, DuoKey::WholeNumber).to_string()))
            .collect();
        let chosen = person.get_untracked().map(|(id, _)| id);
        if chosen.is_none() {
            problems.push((
                "person_id",
                crate::i18n::t(lang, DuoKey::ChoosePersonFirst).to_string(),
            ));
        }
        errors.set(FormErrors::default());
        let blocked = !problems.is_empty();
        local.set(problems);
        if blocked {
            focus_first_error();
            return;
        }
        if let Some(pid) = chosen {
            save.dispatch(d.input(pid, editing.is_some()));
        }
    };

    let title: Text = if editing.is_some() {
        DuoKey::EditCandidacy.into()
    } else {
        DuoKey::OpenCandidacy.into()
    };
    let travel_options: Vec<(&'static str, Text)> = TravelRange::ALL
        .iter()
        .map(|&t| (t.as_str(), travel_key(t).into()))
        .collect();
    let gender_options: Vec<(&'static str, Text)> = GenderIdentity::ALL
        .iter()
        .map(|&g| (g.as_str(), gender_key(g).into()))
        .collect();
    let status_options: Vec<(&'static str, Text)> =
        [CandidacyStatus::Waiting, CandidacyStatus::Withdrawn]
            .iter()
            .map(|&s| (s.as_str(), candidacy_status_key(s).into()))
            .collect();
    let commune_options = communes.clone();
    let side = initial.as_ref().map(|c| c.side);

    view! {
        <h1 id="page-title">
            {move || i18n.t(title)}
            {initial.as_ref().map(|c| {
                let n = c.display_name.clone();
                view! { " — " <bdi>{n}</bdi> }
            })}
        </h1>
        <DuoTabs current=None/>
        {initial.as_ref().filter(|c| c.status == CandidacyStatus::ToComplete).map(|_| view! {
            <p class="notice" role="note">{move || i18n.t(DuoKey::CompleteHint)}</p>
        })}
        <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
        <form class="form card candidacy-form" novalidate on:submit=on_submit>
            {editing.is_none().then(|| view! { <PersonPicker person=person error=err("person_id")/> })}
            {side.map(|s| view! {
                <p class="muted">{move || i18n.tf(DuoKey::SideIs, &[("side", i18n.t(category_key(s)))])}</p>
            })}
            <fieldset>
                <legend>{move || i18n.t(DuoKey::WhereToMeet)}</legend>
                <div class="form-grid">
                    <div class="field" class:field-invalid=move || errors.with(|e| e.field("commune").is_some())>
                        <label for="commune">{move || i18n.t(PersonKey::Commune)}</label>
                        <select
                            id="commune"
                            name="commune"
                            aria-invalid=move || errors.with(|e| e.field("commune").is_some()).then_some("true")
                            aria-describedby=move || errors.with(|e| e.field("commune").is_some()).then_some("commune-error")
                            on:change=move |ev| commune.set(event_target_value(&ev))
                        >
                            <option value="" selected=move || commune.with(String::is_empty)>{move || i18n.t(CommonKey::NotProvided)}</option>
                            {commune_options.into_iter().map(|c| {
                                let id = c.id.clone();
                                view! { <option value=c.id.clone() selected=move || commune.with(|v| *v == id)>{c.name.clone()}</option> }
                            }).collect_view()}
                        </select>
                        {move || err("commune").get().map(|m| view! { <p class="field-error" id="commune-error">{m}</p> })}
                    </div>
                    <SelectField id="travel" label=DuoKey::Travel value=travel options=travel_options error=err("travel") hint=DuoKey::TravelHint/>
                </div>
            </fieldset>
            <fieldset>
                <legend>{move || i18n.t(DuoKey::Preferences)}</legend>
                <p class="hint">{move || i18n.t(DuoKey::PreferencesHint)}</p>
                <div class="form-grid">
                    <SelectField id="gender" label=DuoKey::OwnGender value=gender options=gender_options.clone() error=err("gender") empty=CommonKey::NotProvided/>
                    <SelectField id="partner_gender" label=DuoKey::PartnerGender value=partner_gender options=gender_options error=err("partner_gender") empty=DuoKey::NoPreference/>
                    <TextField id="partner_age_min" label=DuoKey::PartnerAgeMin value=age_min input_type="number" error=err("partner_age_min")/>
                    <TextField id="partner_age_max" label=DuoKey::PartnerAgeMax value=age_max input_type="number" error=err("partner_age_max")/>
                </div>
            </fieldset>
            <fieldset class="checks-fieldset" aria-describedby=move || errors.with(|e| e.field("hopes").is_some()).then_some("hopes-error")>
                <legend>{move || i18n.t(DuoKey::Hopes)}</legend>
                <div class="checks">
                    {Hope::ALL.iter().map(|&h| {
                        let id = format!("hope-{}", h.as_str());
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    id=id
                                    prop:checked=move || hopes.with(|v| v.contains(&h))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        hopes.update(|v| {
                                            v.retain(|x| *x != h);
                                            if on { v.push(h) }
                                        });
                                    }
                                />
                                {move || i18n.t(hope_key(h))}
                            </label>
                        }
                    }).collect_view()}
                </div>
                {move || err("hopes").get().map(|m| view! { <p class="field-error" id="hopes-error">{m}</p> })}
            </fieldset>
            <div class="field">
                <label class="check">
                    <input type="checkbox" id="wants_french_practice" bind:checked=practice/>
                    {move || i18n.t(DuoKey::WantsFrenchPractice)}
                </label>
            </div>
            <TextAreaField id="remarks" label=DuoKey::Remarks value=remarks error=err("remarks") hint=DuoKey::RemarksHint/>
            {status_editable.then(|| view! {
                <SelectField id="status" label=DuoKey::CandidacyState value=status options=status_options error=err("status") hint=DuoKey::StatusHint/>
            })}
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() {
                        i18n.t(CommonKey::Saving)
                    } else if editing.is_some() {
                        i18n.t(CommonKey::Save)
                    } else {
                        i18n.t(DuoKey::OpenCandidacySubmit)
                    }}
                </button>
                <a class="button" href=move || editing.map(duo_candidate_path).unwrap_or_else(|| DUO.to_string())>
                    {move || i18n.t(CommonKey::Cancel)}
                </a>
            </div>
        </form>
    }
}

/// Finds the person by name (people search) and keeps the one chosen.
#[component]
fn PersonPicker(
    person: RwSignal<Option<(Uuid, String)>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let q = RwSignal::new(String::new());
    let search = Action::new_local(move |text: &String| {
        let filter = PeopleFilter {
            q: Some(text.clone()),
            page_size: Some(10),
            ..PeopleFilter::default()
        };
        async move { api.list_people(&filter).await.map(|p| p.results) }
    });
    let results = search.value();
    let run = move || {
        let text = q.get_untracked();
        if !text.trim().is_empty() {
            search.dispatch(text.trim().to_string());
        }
    };
    view! {
        <fieldset class="person-picker" aria-describedby=move || error.with(Option::is_some).then_some("person_id-error")>
            <legend>{move || i18n.t(DuoKey::ThePerson)}</legend>
            {move || match person.get() {
                Some((_, name)) => view! {
                    <p class="chosen-person">
                        <strong><bdi>{name}</bdi></strong>
                        " "
                        <button type="button" class="button small-button" on:click=move |_| person.set(None)>
                            {move || i18n.t(DuoKey::ChangePerson)}
                        </button>
                    </p>
                }.into_any(),
                None => view! {
                    <div class="field" class:field-invalid=move || error.with(Option::is_some)>
                        <label for="person-search">{move || i18n.t(DuoKey::FindPerson)}</label>
                        <p class="hint" id="person-search-hint">{move || i18n.t(DuoKey::FindPersonHint)}</p>
                        <div class="inline">
                            <input
                                id="person-search"
                                type="search"
                                aria-describedby=move || if error.with(Option::is_some) { "person-search-hint person_id-error" } else { "person-search-hint" }
                                aria-invalid=move || error.with(Option::is_some).then_some("true")
                                bind:value=q
                                on:keydown=move |ev| {
                                    if ev.key() == "Enter" {
                                        ev.prevent_default();
                                        run();
                                    }
                                }
                            />
                            <button type="button" class="button" on:click=move |_| run()>{move || i18n.t(CommonKey::SearchSubmit)}</button>
                        </div>
                    </div>
                    {move || match results.get() {
                        None => ().into_any(),
                        Some(Err(e)) => view! { <p class="field-error">{e.message(i18n.lang.get_untracked())}</p> }.into_any(),
                        Some(Ok(list)) if list.is_empty() => view! { <p class="muted" role="status">{move || i18n.t(PeopleKey::NoPeople)}</p> }.into_any(),
                        Some(Ok(list)) => view! { <PersonChoices list=list person=person/> }.into_any(),
                    }}
                }.into_any(),
            }}
            {move || error.get().map(|m| view! { <p class="field-error" id="person_id-error">{m}</p> })}
        </fieldset>
    }
}

#[component]
fn PersonChoices(
    list: Vec<PersonSummary>,
    person: RwSignal<Option<(Uuid, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = list
        .into_iter()
        .map(|p| {
            let (id, name) = (p.id, p.display_name.clone());
            let label = name.clone();
            let place = p.commune.clone().unwrap_or_default();
            let category = p.category;
            view! {
                <li>
                    <button
                        type="button"
                        class="button small-button choose-person"
                        aria-label=move || i18n.tf(DuoKey::ChooseNamed, &[("name", &label)])
                        on:click=move |_| person.set(Some((id, name.clone())))
                    >
                        {move || i18n.t(DuoKey::Choose)}
                    </button>
                    " "
                    <bdi>{p.display_name.clone()}</bdi>
                    <span class="muted small">
                        " · " {move || i18n.t(category_opt_key(category))}
                        {(!place.is_empty()).then(|| format!(" · {place}"))}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain person-choices">{items}</ul> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use shared::people::Category;

    fn communes() -> Vec<Commune> {
        vec![Commune {
            id: "saint-nicolas".into(),
            name: "Saint-Nicolas".into(),
            latitude: 50.63,
            longitude: 5.57,
            neighbours: vec![],
        }]
    }

    #[test]
    fn a_candidacy_round_trips_through_the_form() {
        let c = Candidacy {
            id: Uuid::from_u128(1),
            person_id: Uuid::from_u128(2),
            display_name: "Marc".into(),
            side: Category::Local,
            status: CandidacyStatus::Waiting,
            waiting_since: Utc::now(),
            // The list gives the name, the other routes the id: both are understood.
            commune: Some("Saint-Nicolas".into()),
            travel: TravelRange::SameCommune,
            gender: Some(GenderIdentity::Man),
            partner_gender: None,
            partner_age_min: Some(20),
            partner_age_max: Some(45),
            hopes: vec![Hope::Sport, Hope::Conversation],
            wants_french_practice: false,
            remarks: Some("Le soir".into()),
        };
        let d = Draft::from_candidacy(&c, &communes());
        assert_eq!(d.commune, "saint-nicolas");
        let input = d.input(c.person_id, true);
        assert_eq!(input.commune.as_deref(), Some("saint-nicolas"));
        assert_eq!(input.travel, TravelRange::SameCommune);
        assert_eq!(input.gender, Some(GenderIdentity::Man));
        assert_eq!(input.partner_gender, None);
        assert_eq!(
            (input.partner_age_min, input.partner_age_max),
            (Some(20), Some(45))
        );
        // Hopes in a stable order.
        assert_eq!(input.hopes, vec![Hope::Conversation, Hope::Sport]);
        assert_eq!(input.remarks.as_deref(), Some("Le soir"));
        assert_eq!(input.status, Some(CandidacyStatus::Waiting));
    }

    #[test]
    fn completing_a_public_sign_up_puts_it_in_the_pool() {
        let c = Candidacy {
            id: Uuid::from_u128(1),
            person_id: Uuid::from_u128(2),
            display_name: "Nour".into(),
            side: Category::Newcomer,
            status: CandidacyStatus::ToComplete,
            waiting_since: Utc::now(),
            commune: Some("seraing".into()),
            travel: TravelRange::Neighbours,
            gender: None,
            partner_gender: None,
            partner_age_min: None,
            partner_age_max: None,
            hopes: vec![],
            wants_french_practice: false,
            remarks: None,
        };
        let input = Draft::from_candidacy(&c, &communes()).input(c.person_id, true);
        assert_eq!(input.status, Some(CandidacyStatus::Waiting));
    }

    #[test]
    fn a_new_candidacy_sends_no_status_and_trims_texts() {
        let d = Draft {
            remarks: "   ".into(),
            commune: String::new(),
            status: "matched".into(),
            ..Draft::new_candidacy()
        };
        let input = d.input(Uuid::nil(), false);
        assert_eq!(input.travel, TravelRange::Neighbours);
        assert_eq!(input.remarks, None);
        assert_eq!(input.commune, None);
        assert_eq!(input.status, None);
        // On edit, only waiting and withdrawn are sent.
        assert_eq!(d.input(Uuid::nil(), true).status, None);
    }

    #[test]
    fn ages_must_be_whole_numbers() {
        let d = Draft {
            age_min: "vingt".into(),
            age_max: " 40 ".into(),
            ..Draft::new_candidacy()
        };
        assert_eq!(d.age_errors(), vec!["partner_age_min"]);
        assert_eq!(d.input(Uuid::nil(), false).partner_age_max, Some(40));
        assert!(Draft::new_candidacy().age_errors().is_empty());
    }
}
