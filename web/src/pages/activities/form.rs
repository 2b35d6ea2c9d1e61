//! The activity editor: a new activity or workshop series (weekly, every N weeks until a date,
//! or hand-picked dates), and changing one activity or one session of a series on its own.
//! Every field the API takes; its field errors next to their inputs.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::activities::{
    Activity, ActivityHostInput, ActivityInput, ActivityKind, ActivityProgramme, ActivityStatus,
    Multilingual, Recurrence, SeriesInput, VenueInput, Visibility,
};
use shared::people::{FrenchLevel, PersonSummary};
use shared::tags::Tag;
use shared::{Lang, Problem};

use uuid::Uuid;

use super::agenda::agenda_href;
use super::calendar::{picked_dates, weekly_dates, AgendaQuery, Period};
use super::{
    brussels_input, format_date, kind_key, pick, programme_text, status_key, DateStyle,
    PersonSearch,
};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::{focus_first_error, focus_id};
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::TextField;
use crate::components::load::{load_page, PageHeadings};
use crate::i18n::activities::ActKey;
use crate::i18n::common::CommonKey;
use crate::i18n::people::PeopleKey;
use crate::i18n::person::PersonKey;
use crate::i18n::{tag_label, Text};
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{activity_path, ACTIVITIES};

/// The inputs of the form, by the names the API uses for its field errors.
pub const FIELDS: [&str; 29] = [
    "title.fr",
    "title.en",
    "title.nl",
    "title.ar",
    "description.fr",
    "description.en",
    "description.nl",
    "description.ar",
    "programme",
    "kind",
    "starts_at",
    "ends_at",
    "venue_id",
    "online_url",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "languages",
    "french_level",
    "accessibility_notes",
    "tags",
    "hosts",
    "staff",
    "visibility",
    "status",
    "cancel_reason",
    "min_newcomer_percent",
    "min_local_percent",
    "recurrence",
];

/// The most sessions one series may have (the API's limit).
pub const MAX_SESSIONS: usize = 60;

/// The interface languages, in which titles and descriptions can be written.
const TEXT_LANGS: [Lang; 4] = [Lang::Fr, Lang::En, Lang::Nl, Lang::Ar];

/// Languages offered as check boxes (others are typed as ISO codes), with their own names.
pub const COMMON_LANGUAGES: [(&str, &str); 8] = [
    ("fr", "Français"),
    ("nl", "Nederlands"),
    ("en", "English"),
    ("ar", "العربية"),
    ("es", "Español"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("fa", "فارسی"),
];

/// The field a message of the API belongs to in this form: `languages[2]` → `languages`,
/// `hosts[0].person_id` → `hosts`, others unchanged.
pub fn form_field(name: &str) -> String {
    match name.find('[') {
        Some(i) => name[..i].to_string(),
        None => name.to_string(),
    }
}

/// `err` with its field names mapped by [`form_field`] (messages of one field joined).
pub fn grouped_fields(err: &ApiError) -> ApiError {
    match err {
        ApiError::Problem(p) => {
            let mut p: Problem = (**p).clone();
            if let Some(errors) = p.errors.take() {
                let mut out: std::collections::BTreeMap<String, Vec<String>> = Default::default();
                for (name, messages) in errors {
                    let list = out.entry(form_field(&name)).or_default();
                    for m in messages {
                        if !list.contains(&m) {
                            list.push(m);
                        }
                    }
                }
                p.errors = Some(out.into_iter().collect());
            }
            ApiError::Problem(Box::new(p))
        }
        other => other.clone(),
    }
}

/// The form's starting point for `a`: every field of the activity, so saving keeps them.
pub fn input_from_activity(a: &Activity) -> ActivityInput {
    ActivityInput {
        title: a.title.clone(),
        description: a.description.clone(),
        programme: Some(a.programme),
        kind: Some(a.kind),
        starts_at: a.starts_at_local.clone(),
        ends_at: a.ends_at_local.clone(),
        venue_id: a.venue.as_ref().map(|v| v.id),
        online_url: a.online_url.clone(),
        capacity: a.capacity,
        registration_opens_at: a.registration_opens_at.map(|t| t.to_rfc3339()),
        registration_closes_at: a.registration_closes_at.map(|t| t.to_rfc3339()),
        languages: a.languages.clone(),
        french_level: a.french_level,
        free: a.free,
        accessibility_notes: a.accessibility_notes.clone(),
        tags: a.tags.clone(),
        hosts: a
            .hosts
            .iter()
            .map(|h| ActivityHostInput {
                person_id: h.person_id,
                public_name: h.public_name.clone(),
            })
            .collect(),
        staff: a.staff.clone(),
        visibility: Some(a.visibility),
        status: Some(a.status),
        cancel_reason: a.cancel_reason.clone(),
        min_newcomer_percent: a.min_newcomer_percent,
        min_local_percent: a.min_local_percent,
    }
}

/// A trimmed text, `None` when empty.
pub fn opt_text(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The value of a `datetime-local` input for a local time of the API (`2026-03-18T18:00:00+01:00`
/// → `2026-03-18T18:00`).
pub fn local_input(local_rfc3339: &str) -> String {
    local_rfc3339.get(..16).unwrap_or_default().to_string()
}

fn parse_input(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M").ok()
}

/// The end to suggest when the start changes: two hours later, unless the end already
/// follows the start.
pub fn suggested_end(start: &str, end: &str) -> Option<String> {
    let s = parse_input(start)?;
    match parse_input(end) {
        Some(e) if e > s => None,
        _ => Some(
            (s + Duration::hours(2))
                .format("%Y-%m-%dT%H:%M")
                .to_string(),
        ),
    }
}

/// Language codes from the check boxes and the "other languages" box (`de, pt`), lower-cased,
/// without repeats, in that order.
pub fn language_codes(checked: &[String], others: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let typed = others
        .split([',', ' ', ';'])
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty());
    for code in checked.iter().cloned().chain(typed) {
        if !out.contains(&code) {
            out.push(code);
        }
    }
    out
}

/// How the sessions of a new activity are planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesMode {
    Single,
    Weekly,
    Dates,
}

/// What the series part of the form holds, checked before sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeriesCheck {
    Single,
    Series(Recurrence),
    /// A message key for the recurrence field.
    Invalid(ActKey),
}

pub fn check_series(
    mode: SeriesMode,
    every: &str,
    until: &str,
    picked: &[NaiveDate],
) -> SeriesCheck {
    match mode {
        SeriesMode::Single => SeriesCheck::Single,
        SeriesMode::Weekly => {
            let Some(every_weeks) = every
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=52).contains(n))
            else {
                return SeriesCheck::Invalid(ActKey::EveryWeeksInvalid);
            };
            match NaiveDate::parse_from_str(until.trim(), "%Y-%m-%d") {
                Ok(until) => SeriesCheck::Series(Recurrence::Weekly { every_weeks, until }),
                Err(_) => SeriesCheck::Invalid(ActKey::UntilRequired),
            }
        }
        SeriesMode::Dates if picked.is_empty() => SeriesCheck::Invalid(ActKey::DatesRequired),
        SeriesMode::Dates => SeriesCheck::Series(Recurrence::Dates {
            dates: picked.to_vec(),
        }),
    }
}

/// A host of the activity in the form.
#[derive(Clone)]
struct HostRow {
    person_id: Uuid,
    name: String,
    /// Kept in the row itself (a signal made when the host is added would belong to the
    /// search results, which are redrawn).
    public_name: String,
}

#[component]
pub fn NewActivityPage() -> impl IntoView {
    use_page_title(ActKey::NewActivity);
    view! {
        <section class="page" aria-labelledby="page-title">
            <ActivityForm initial=None/>
        </section>
    }
}

#[component]
pub fn EditActivityPage() -> impl IntoView {
    use_page_title(ActKey::EditActivity);
    let api = use_api();
    let params = use_params_map();
    let activity = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok()));
        async move {
            match id {
                Some(id) => api.get_activity(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page" aria-labelledby="page-title">            {move || load_page(
                activity.get(),
                move || activity.refetch(),
                PageHeadings { failed: ActKey::EditActivity.into(), not_found: None },
                |a| view! { <ActivityForm initial=Some(a)/> }.into_any(),
            )}
        </section>
    }
}

#[component]
fn ActivityForm(initial: Option<Activity>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let navigate = use_navigate();
    let me = api.session.user_id_untracked();
    let id = initial.as_ref().map(|a| a.id);
    let series_id = initial.as_ref().and_then(|a| a.series_id);
    let base = initial
        .as_ref()
        .map(input_from_activity)
        .unwrap_or_else(|| ActivityInput {
            programme: Some(ActivityProgramme::Interact),
            kind: Some(ActivityKind::WorkshopSession),
            visibility: Some(Visibility::Public),
            status: Some(ActivityStatus::Draft),
            free: true,
            languages: vec!["fr".into()],
            staff: me.into_iter().collect(),
            ..ActivityInput::default()
        });
    let text_of =
        |m: &Multilingual, l: Lang| RwSignal::new(m.get(l.code()).cloned().unwrap_or_default());
    let titles = TEXT_LANGS.map(|l| text_of(&base.title, l));
    let descriptions = TEXT_LANGS.map(|l| text_of(&base.description, l));
    let wire = |v: Option<&'static str>| RwSignal::new(v.unwrap_or_default().to_string());
    let programme = wire(base.programme.map(|p| p.as_str()));
    let kind = wire(base.kind.map(|k| k.as_str()));
    let starts_at = RwSignal::new(local_input(&base.starts_at));
    let ends_at = RwSignal::new(local_input(&base.ends_at));
    let venue = RwSignal::new(base.venue_id.map(|v| v.to_string()).unwrap_or_default());
    let online_url = RwSignal::new(base.online_url.clone().unwrap_or_default());
    let capacity = RwSignal::new(base.capacity.map(|c| c.to_string()).unwrap_or_default());
    let window = |v: &Option<String>| {
        RwSignal::new(
            initial
                .as_ref()
                .and(v.as_ref())
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .map(|t| brussels_input(&t.with_timezone(&chrono::Utc)))
                .unwrap_or_default(),
        )
    };
    let opens = window(&base.registration_opens_at);
    let closes = window(&base.registration_closes_at);
    let common: Vec<&str> = COMMON_LANGUAGES.iter().map(|(c, _)| *c).collect();
    let checked_languages = RwSignal::new(
        base.languages
            .iter()
            .filter(|l| common.contains(&l.as_str()))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let other_languages = RwSignal::new(
        base.languages
            .iter()
            .filter(|l| !common.contains(&l.as_str()))
            .cloned()
            .collect::<Vec<_>>()
            .join(", "),
    );
    let french_level = wire(base.french_level.map(|l| l.as_str()));
    let free = RwSignal::new(base.free);
    let accessibility = RwSignal::new(base.accessibility_notes.clone().unwrap_or_default());
    let tags = RwSignal::new(base.tags.clone());
    let hosts = RwSignal::new(
        initial
            .as_ref()
            .map(|a| {
                a.hosts
                    .iter()
                    .map(|h| HostRow {
                        person_id: h.person_id,
                        name: h.display_name.clone(),
                        public_name: h.public_name.clone().unwrap_or_default(),
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
    );
    let in_charge = RwSignal::new(me.is_some_and(|me| base.staff.contains(&me)));
    let visibility = wire(base.visibility.map(|v| v.as_str()));
    let status = wire(base.status.map(|s| s.as_str()));
    let cancel_reason = RwSignal::new(base.cancel_reason.clone().unwrap_or_default());
    let min_newcomer = RwSignal::new(
        base.min_newcomer_percent
            .map(|p| p.to_string())
            .unwrap_or_default(),
    );
    let min_local = RwSignal::new(
        base.min_local_percent
            .map(|p| p.to_string())
            .unwrap_or_default(),
    );
    let mode = RwSignal::new(SeriesMode::Single);
    let every = RwSignal::new("1".to_string());
    let until = RwSignal::new(String::new());
    let picked = RwSignal::new(Vec::<NaiveDate>::new());
    let errors = RwSignal::new(FormErrors::default());
    // A series the browser can tell is incomplete, before asking the API.
    let series_error = RwSignal::new(None::<ActKey>);
    let base = StoredValue::new(base);

    // A start without an end (or after it) gets an end two hours later.
    Effect::new(move |previous: Option<String>| {
        let start = starts_at.get();
        if previous.is_some_and(|p| p != start) {
            if let Some(end) = suggested_end(&start, &ends_at.get_untracked()) {
                ends_at.set(end);
            }
        }
        start
    });

    let collect = move || -> ActivityInput {
        let mut input = base.get_value();
        let ml = |signals: &[RwSignal<String>; 4]| -> Multilingual {
            TEXT_LANGS
                .iter()
                .zip(signals.iter())
                .filter_map(|(l, s)| {
                    opt_text(&s.get_untracked()).map(|t| (l.code().to_string(), t))
                })
                .collect()
        };
        input.title = ml(&titles);
        input.description = ml(&descriptions);
        input.programme = programme.get_untracked().parse().ok();
        input.kind = kind.get_untracked().parse().ok();
        input.starts_at = starts_at.get_untracked();
        input.ends_at = ends_at.get_untracked();
        input.venue_id = Uuid::parse_str(&venue.get_untracked()).ok();
        input.online_url = opt_text(&online_url.get_untracked());
        input.capacity = capacity.get_untracked().trim().parse().ok();
        input.registration_opens_at = opt_text(&opens.get_untracked());
        input.registration_closes_at = opt_text(&closes.get_untracked());
        input.languages = language_codes(
            &checked_languages.get_untracked(),
            &other_languages.get_untracked(),
        );
        input.french_level = french_level.get_untracked().parse().ok();
        input.free = free.get_untracked();
        input.accessibility_notes = opt_text(&accessibility.get_untracked());
        input.tags = tags.get_untracked();
        input.hosts = hosts
            .get_untracked()
            .iter()
            .map(|h| ActivityHostInput {
                person_id: h.person_id,
                public_name: opt_text(&h.public_name),
            })
            .collect();
        if let Some(me) = me {
            input.staff.retain(|s| *s != me);
            if in_charge.get_untracked() {
                input.staff.push(me);
            }
        }
        input.visibility = visibility.get_untracked().parse().ok();
        input.status = status.get_untracked().parse().ok();
        input.cancel_reason = opt_text(&cancel_reason.get_untracked());
        input.min_newcomer_percent = min_newcomer.get_untracked().trim().parse().ok();
        input.min_local_percent = min_local.get_untracked().trim().parse().ok();
        input
    };

    /// What the save action sends.
    #[derive(Clone)]
    enum Save {
        Create(ActivityInput),
        Series(SeriesInput),
        Update(Uuid, ActivityInput),
    }
    /// Where to go after saving.
    #[derive(Clone)]
    enum Saved {
        One(Uuid),
        Series(Option<Uuid>),
    }
    let save = use_submit(
        errors,
        &FIELDS,
        // The API names list items (`hosts[0]`); the form shows them under the list's field.
        move |what: Save| async move {
            let result = match what {
                Save::Create(input) => api.create_activity(&input).await.map(|a| Saved::One(a.id)),
                Save::Update(id, input) => api
                    .update_activity(id, &input)
                    .await
                    .map(|a| Saved::One(a.id)),
                Save::Series(input) => api
                    .create_series(&input)
                    .await
                    .map(|list| Saved::Series(list.first().and_then(|a| a.series_id))),
            };
            result.map_err(|err| grouped_fields(&err))
        },
        move |saved| match saved {
            Saved::One(id) => navigate(&activity_path(id), Default::default()),
            Saved::Series(series) => {
                let q = AgendaQuery {
                    series,
                    period: Period::All,
                    ..AgendaQuery::default()
                };
                navigate(&agenda_href(&q), Default::default());
            }
        },
    );
    let pending = save.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(FormErrors::default());
        series_error.set(None);
        let input = collect();
        let what = match id {
            Some(id) => Save::Update(id, input),
            None => match check_series(
                mode.get_untracked(),
                &every.get_untracked(),
                &until.get_untracked(),
                &picked.get_untracked(),
            ) {
                SeriesCheck::Single => Save::Create(input),
                SeriesCheck::Series(recurrence) => Save::Series(SeriesInput {
                    first: input,
                    recurrence,
                }),
                SeriesCheck::Invalid(key) => {
                    series_error.set(Some(key));
                    focus_first_error();
                    return;
                }
            },
        };
        save.dispatch(what);
    };
    let err = move |name: &'static str| Signal::derive(move || errors.with(|e| e.field(name)));
    let back = id
        .map(activity_path)
        .unwrap_or_else(|| ACTIVITIES.to_string());
    let title_key = if id.is_some() {
        ActKey::EditActivity
    } else {
        ActKey::NewActivity
    };
    let heading_name = initial.as_ref().map(|a| a.title.clone());
    let series_link = series_id.map(|s| {
        agenda_href(&AgendaQuery {
            series: Some(s),
            period: Period::All,
            ..AgendaQuery::default()
        })
    });

    view! {
        <p class="back"><a href=back.clone()>{move || i18n.t(if id.is_some() { Text::from(CommonKey::Cancel) } else { Text::from(ActKey::BackToAgenda) })}</a></p>
        <h1 id="page-title">
            {move || i18n.t(title_key)}
            {heading_name.clone().map(|t| view! { " — " <bdi>{move || pick(&t, i18n.lang.get())}</bdi> })}
        </h1>
        {series_link.map(|href| view! {
            <p class="alert alert-warn">
                {move || i18n.t(ActKey::OneSessionOnly)} " "
                <a href=href>{move || i18n.t(ActKey::SeeSeries)}</a>
            </p>
        })}
        <ErrorAlert
            message=Signal::derive(move || errors.with(FormErrors::general))
            on_dismiss=move || errors.update(FormErrors::dismiss_general)
        />
        <form class="form activity-form" on:submit=on_submit novalidate=true>
            <fieldset class="card">
                <legend>{move || i18n.t(ActKey::WhatSection)}</legend>
                <div class="form-grid">
                    <TextField id="title-fr" label=ActKey::TitleFr value=titles[0] required=true autocomplete="off" error=err("title.fr")/>
                    <WireSelect id="programme" label=PersonKey::Programme value=programme error=err("programme") required=true
                        options=ActivityProgramme::ALL.iter().map(|&p| (p.as_str(), Some(programme_text(p)))).collect()/>
                    <WireSelect id="kind" label=ActKey::Kind value=kind error=err("kind") required=true
                        options=ActivityKind::ALL.iter().map(|&k| (k.as_str(), Some(kind_key(k).into()))).collect()/>
                </div>
                <TextArea id="description-fr" label=ActKey::DescriptionFr value=descriptions[0] error=err("description.fr")/>
                <details class="translations" open=TEXT_LANGS.iter().skip(1).any(|l| base.with_value(|b| b.title.contains_key(l.code()) || b.description.contains_key(l.code())))>
                    <summary>{move || i18n.t(ActKey::Translations)}</summary>
                    {[(1, "en", ActKey::TitleEn, ActKey::DescriptionEn), (2, "nl", ActKey::TitleNl, ActKey::DescriptionNl), (3, "ar", ActKey::TitleAr, ActKey::DescriptionAr)]
                        .into_iter()
                        .map(|(i, code, t, d)| {
                            let (title_id, desc_id, title_field, desc_field) = match code {
                                "en" => ("title-en", "description-en", "title.en", "description.en"),
                                "nl" => ("title-nl", "description-nl", "title.nl", "description.nl"),
                                _ => ("title-ar", "description-ar", "title.ar", "description.ar"),
                            };
                            view! {
                                <div class="translation" lang=code dir=if code == "ar" { "rtl" } else { "ltr" }>
                                    <TextField id=title_id label=t value=titles[i] autocomplete="off" error=err(title_field)/>
                                    <TextArea id=desc_id label=d value=descriptions[i] error=err(desc_field)/>
                                </div>
                            }
                        })
                        .collect_view()}
                </details>
            </fieldset>

            <fieldset class="card">
                <legend>{move || i18n.t(ActKey::WhenSection)}</legend>
                <p class="hint">{move || i18n.t(ActKey::BrusselsTimeHint)}</p>
                <div class="form-grid">
                    <TextField id="starts_at" label=ActKey::StartsAt value=starts_at input_type="datetime-local" required=true error=err("starts_at")/>
                    <TextField id="ends_at" label=ActKey::EndsAt value=ends_at input_type="datetime-local" required=true error=err("ends_at")/>
                </div>
                {id.is_none().then(|| view! {
                    <SeriesPart mode=mode every=every until=until picked=picked starts_at=starts_at
                        local=series_error api_error=err("recurrence")/>
                })}
            </fieldset>

            <fieldset class="card">
                <legend>{move || i18n.t(ActKey::WhereSection)}</legend>
                <VenuePicker value=venue error=err("venue_id")/>
                <TextField id="online_url" label=ActKey::OnlineUrl value=online_url input_type="url" autocomplete="off"
                    hint=ActKey::OnlineUrlHint error=err("online_url")/>
                <TextArea id="accessibility_notes" label=ActKey::AccessibilityNotes value=accessibility error=err("accessibility_notes")/>
            </fieldset>

            <fieldset class="card">
                <legend>{move || i18n.t(ActKey::RegistrationSection)}</legend>
                <div class="form-grid">
                    <TextField id="capacity" label=ActKey::Capacity value=capacity input_type="number" hint=ActKey::CapacityHint error=err("capacity")/>
                    <div class="field checks">
                        <label class="check">
                            <input type="checkbox" id="free" prop:checked=move || free.get() on:change=move |ev| free.set(event_target_checked(&ev))/>
                            {move || i18n.t(ActKey::Free)}
                        </label>
                    </div>
                    <TextField id="registration_opens_at" label=ActKey::RegistrationOpens value=opens input_type="datetime-local" error=err("registration_opens_at")/>
                    <TextField id="registration_closes_at" label=ActKey::RegistrationCloses value=closes input_type="datetime-local" error=err("registration_closes_at")/>
                </div>
                <p class="hint">{move || i18n.t(ActKey::WindowHint)}</p>
            </fieldset>

            <fieldset class="card">
                <legend>{move || i18n.t(ActKey::MixSection)}</legend>
                <p class="hint">{move || i18n.t(ActKey::MixHint)}</p>
                <div class="form-grid">
                    <TextField id="min_newcomer_percent" label=ActKey::MinNewcomers value=min_newcomer input_type="number" error=err("min_newcomer_percent")/>
                    <TextField id="min_local_percent" label=ActKey::MinLocals value=min_local input_type="number" error=err("min_local_percent")/>
                </div>
            </fieldset>

            <fieldset class="card">
                <legend>{move || i18n.t(ActKey::AudienceSection)}</legend>
                <LanguageChecks checked=checked_languages others=other_languages error=err("languages")/>
                <div class="form-grid">
                    <WireSelect id="french_level" label=ActKey::FrenchLevelNeeded value=french_level error=err("french_level")
                        empty=ActKey::NoLevelNeeded
                        options=FrenchLevel::ALL.iter().map(|l| (l.as_str(), None)).collect()/>
                </div>
                <h2 class="legend-like">{move || i18n.t(PersonKey::Tags)}</h2>
                <TagChooser value=tags error=err("tags")/>
            </fieldset>

            <fieldset class="card">
                <legend>{move || i18n.t(ActKey::PeopleSection)}</legend>
                <HostsEditor rows=hosts error=err("hosts")/>
                {me.map(|_| view! {
                    <div class="field checks">
                        <label class="check">
                            <input type="checkbox" id="in_charge" prop:checked=move || in_charge.get() on:change=move |ev| in_charge.set(event_target_checked(&ev))/>
                            {move || i18n.t(ActKey::InCharge)}
                        </label>
                    </div>
                })}
                {move || err("staff").get().map(|m| view! { <p class="field-error">{m}</p> })}
            </fieldset>

            <fieldset class="card">
                <legend>{move || i18n.t(ActKey::PublicationSection)}</legend>
                <div class="form-grid">
                    <WireSelect id="visibility" label=ActKey::Visibility value=visibility error=err("visibility") required=true
                        options=vec![(Visibility::Public.as_str(), Some(ActKey::VisibilityPublic.into())), (Visibility::Internal.as_str(), Some(ActKey::VisibilityInternal.into()))]/>
                    <WireSelect id="status" label=CommonKey::Status value=status error=err("status") required=true
                        options=ActivityStatus::ALL.iter().map(|&s| (s.as_str(), Some(status_key(s).into()))).collect()/>
                </div>
                <Show when=move || status.get() == ActivityStatus::Cancelled.as_str()>
                    <TextField id="cancel_reason" label=ActKey::CancelReason value=cancel_reason autocomplete="off" required=true error=err("cancel_reason")/>
                </Show>
            </fieldset>

            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() {
                        i18n.t(CommonKey::Saving)
                    } else if id.is_some() {
                        i18n.t(CommonKey::Save)
                    } else if mode.get() == SeriesMode::Single {
                        i18n.t(ActKey::CreateActivity)
                    } else {
                        i18n.t(ActKey::CreateSeries)
                    }}
                </button>
                <a class="button" href=back>{move || i18n.t(CommonKey::Cancel)}</a>
            </div>
        </form>
    }
}

/// A labelled select whose value is the wire name (empty for none), with its error.
#[component]
fn WireSelect(
    id: &'static str,
    #[prop(into)] label: Text,
    value: RwSignal<String>,
    /// Wire value and label (`None`: the value itself, e.g. a CEFR level).
    options: Vec<(&'static str, Option<Text>)>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Label of the empty choice (none when `required`).
    #[prop(optional, into)]
    empty: Option<Text>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let error_id2 = error_id.clone();
    let empty = empty.unwrap_or_else(|| CommonKey::NotProvided.into());
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id>{move || i18n.t(label)}</label>
            <select
                id=id
                name=id
                required=required
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {(!required).then(|| view! {
                    <option value="" selected=move || value.with(String::is_empty)>{move || i18n.t(empty)}</option>
                })}
                {options
                    .into_iter()
                    .map(|(v, text)| view! {
                        <option value=v selected=move || value.with(|cur| cur == v)>{move || text.map(|t| i18n.t(t)).unwrap_or(v)}</option>
                    })
                    .collect_view()}
            </select>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id2.clone()>{m}</p> })}
        </div>
    }
}

#[component]
fn TextArea(
    id: &'static str,
    #[prop(into)] label: Text,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let error_id2 = error_id.clone();
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id>{move || i18n.t(label)}</label>
            <textarea
                id=id
                name=id
                rows="3"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id2.clone()>{m}</p> })}
        </div>
    }
}

/// One session, a weekly series or hand-picked dates, with the list of sessions it gives.
#[component]
fn SeriesPart(
    mode: RwSignal<SeriesMode>,
    every: RwSignal<String>,
    until: RwSignal<String>,
    picked: RwSignal<Vec<NaiveDate>>,
    starts_at: RwSignal<String>,
    /// A check made before sending.
    local: RwSignal<Option<ActKey>>,
    /// The API's message about the recurrence.
    #[prop(into)]
    api_error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let new_date = RwSignal::new(String::new());
    let message = move |keys: &[ActKey], m: SeriesMode| match local.get() {
        Some(k) if keys.contains(&k) => Some(i18n.t(k).to_string()),
        Some(_) => None,
        None => (mode.get() == m).then(|| api_error.get()).flatten(),
    };
    let every_error = Signal::derive(move || {
        local
            .get()
            .filter(|k| *k == ActKey::EveryWeeksInvalid)
            .map(|k| i18n.t(k).to_string())
    });
    let until_error = Signal::derive(move || message(&[ActKey::UntilRequired], SeriesMode::Weekly));
    let dates_error = Signal::derive(move || message(&[ActKey::DatesRequired], SeriesMode::Dates));
    let first_day = move || {
        starts_at
            .with(|s| NaiveDate::parse_from_str(s.get(..10).unwrap_or_default(), "%Y-%m-%d").ok())
    };
    let preview = move || -> Option<Vec<NaiveDate>> {
        let first = first_day()?;
        match mode.get() {
            SeriesMode::Single => None,
            SeriesMode::Weekly => {
                let n = every.get().trim().parse::<u32>().ok()?;
                let until = NaiveDate::parse_from_str(until.get().trim(), "%Y-%m-%d").ok()?;
                Some(weekly_dates(first, n, until, MAX_SESSIONS))
            }
            SeriesMode::Dates => Some(picked_dates(first, &picked.get())),
        }
    };
    let radio = move |m: SeriesMode, id: &'static str, key: ActKey| {
        view! {
            <label class="check" for=id>
                <input
                    type="radio"
                    name="series-mode"
                    id=id
                    prop:checked=move || mode.get() == m
                    on:change=move |_| mode.set(m)
                />
                {move || i18n.t(key)}
            </label>
        }
    };
    let add_date = move || {
        if let Ok(d) = NaiveDate::parse_from_str(new_date.get_untracked().trim(), "%Y-%m-%d") {
            picked.update(|v| {
                if !v.contains(&d) {
                    v.push(d);
                    v.sort_unstable();
                }
            });
            new_date.set(String::new());
            focus_id("series-date");
        }
    };
    view! {
        <fieldset class="series">
            <legend>{move || i18n.t(ActKey::Repeat)}</legend>
            <div class="checks">
                {radio(SeriesMode::Single, "series-single", ActKey::RepeatNone)}
                {radio(SeriesMode::Weekly, "series-weekly", ActKey::RepeatWeekly)}
                {radio(SeriesMode::Dates, "series-dates", ActKey::RepeatDates)}
            </div>
            <Show when=move || mode.get() == SeriesMode::Weekly>
                <div class="form-grid">
                    <TextField id="every_weeks" label=ActKey::EveryWeeks value=every input_type="number" hint=ActKey::EveryWeeksHint error=every_error/>
                    <TextField id="until" label=ActKey::Until value=until input_type="date" required=true error=until_error/>
                </div>
            </Show>
            <Show when=move || mode.get() == SeriesMode::Dates>
                <div class="field" class:field-invalid=move || dates_error.with(Option::is_some)>
                    <label for="series-date">{move || i18n.t(ActKey::AddDateLabel)}</label>
                    <div class="inline">
                        <input
                            id="series-date"
                            type="date"
                            aria-invalid=move || dates_error.with(Option::is_some).then_some("true")
                            aria-describedby=move || dates_error.with(Option::is_some).then_some("series-date-error")
                            bind:value=new_date
                            on:keydown=move |ev| {
                                if ev.key() == "Enter" {
                                    ev.prevent_default();
                                    add_date();
                                }
                            }
                        />
                        <button type="button" class="button" id="add-date" on:click=move |_| add_date()>
                            {move || i18n.t(ActKey::AddDate)}
                        </button>
                    </div>
                    {move || dates_error.get().map(|m| view! { <p class="field-error" id="series-date-error">{m}</p> })}
                </div>
                <ul class="chips picked-dates">
                    {move || picked
                        .get()
                        .into_iter()
                        .map(|d| {
                            let label = move || format_date(i18n.lang.get(), d, DateStyle::Short);
                            view! {
                                <li class="chip chip-edit">
                                    <span>{label}</span>
                                    <button
                                        type="button"
                                        class="chip-remove"
                                        aria-label=move || i18n.tf(ActKey::RemoveDate, &[("date", &label())])
                                        on:click=move |_| picked.update(|v| v.retain(|x| *x != d))
                                    >
                                        <span aria-hidden="true">"×"</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </Show>
            <div class="series-preview" aria-live="polite">
                {move || preview().map(|dates| {
                    let lang = i18n.lang.get();
                    let too_many = dates.len() > MAX_SESSIONS;
                    let count = dates.len().min(MAX_SESSIONS);
                    let shown = dates
                        .iter()
                        .take(MAX_SESSIONS)
                        .map(|d| view! { <li class="chip">{format_date(lang, *d, DateStyle::Short)}</li> })
                        .collect_view();
                    view! {
                        <p class="series-count">
                            {if too_many {
                                i18n.tf(ActKey::TooManySessions, &[("max", &MAX_SESSIONS.to_string())])
                            } else {
                                i18n.tf(ActKey::SessionsPlanned, &[("count", &count.to_string())])
                            }}
                        </p>
                        <ul class="chips series-dates">{shown}</ul>
                    }
                })}
            </div>
        </fieldset>
    }
}

/// The venue list (`/api/v1/venues`) and a small form to add a venue.
#[component]
fn VenuePicker(
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let added = RwSignal::new(Vec::<shared::activities::Venue>::new());
    let venues = LocalResource::new(move || async move { api.list_venues().await });
    let all = move || {
        let mut list = venues.get().and_then(Result::ok).unwrap_or_default();
        for v in added.get() {
            if !list.iter().any(|x| x.id == v.id) {
                list.push(v);
            }
        }
        list
    };
    let name = RwSignal::new(String::new());
    let street = RwSignal::new(String::new());
    let postcode = RwSignal::new(String::new());
    let locality = RwSignal::new("Liège".to_string());
    let venue_errors = RwSignal::new(FormErrors::default());
    let create = use_submit(
        venue_errors,
        &["name", "street", "postcode", "locality"],
        move |input: VenueInput| async move { api.create_venue(&input).await },
        move |v| {
            value.set(v.id.to_string());
            added.update(|a| a.push(v));
            name.set(String::new());
            street.set(String::new());
            postcode.set(String::new());
            request_animation_frame(|| {
                focus_id("venue_id");
            });
        },
    );
    let verr = move |n: &'static str| Signal::derive(move || venue_errors.with(|e| e.field(n)));
    let error_id = "venue_id-error";
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for="venue_id">{move || i18n.t(ActKey::Venue)}</label>
            <select
                id="venue_id"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then_some(error_id)
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="" selected=move || value.with(String::is_empty)>{move || i18n.t(ActKey::NoVenueChoice)}</option>
                {move || all()
                    .into_iter()
                    .map(|v| {
                        let id = v.id.to_string();
                        let id2 = id.clone();
                        let place = [v.street.clone(), v.postcode.clone(), v.locality.clone()]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" ");
                        let label = if place.is_empty() { v.name.clone() } else { format!("{} — {place}", v.name) };
                        view! { <option value=id selected=move || value.with(|cur| *cur == id2)>{label}</option> }
                    })
                    .collect_view()}
            </select>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id>{m}</p> })}
        </div>
        <details class="add-venue">
            <summary>{move || i18n.t(ActKey::AddVenue)}</summary>
            <ErrorAlert
                message=Signal::derive(move || venue_errors.with(FormErrors::general))
                on_dismiss=move || venue_errors.update(FormErrors::dismiss_general)
            />
            <div class="form-grid">
                <TextField id="venue-name" label=ActKey::VenueName value=name required=true autocomplete="off" error=verr("name")/>
                <TextField id="venue-street" label=PersonKey::Street value=street autocomplete="off" error=verr("street")/>
                <TextField id="venue-postcode" label=PersonKey::Postcode value=postcode autocomplete="off" error=verr("postcode")/>
                <TextField id="venue-locality" label=ActKey::Locality value=locality autocomplete="off" error=verr("locality")/>
            </div>
            <button
                type="button"
                class="button"
                id="save-venue"
                disabled=move || create.pending().get()
                on:click=move |_| {
                    create.dispatch(VenueInput {
                        name: name.get_untracked().trim().to_string(),
                        street: opt_text(&street.get_untracked()),
                        postcode: opt_text(&postcode.get_untracked()),
                        locality: opt_text(&locality.get_untracked()),
                    });
                }
            >
                {move || i18n.t(ActKey::SaveVenue)}
            </button>
        </details>
    }
}

#[component]
fn LanguageChecks(
    checked: RwSignal<Vec<String>>,
    others: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="languages" aria-describedby=move || error.with(Option::is_some).then_some("languages-error")>
            <legend>{move || i18n.t(ActKey::ActivityLanguages)}</legend>
            <div class="checks">
                {COMMON_LANGUAGES
                    .iter()
                    .map(|&(code, name)| view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                id=format!("language-{code}")
                                prop:checked=move || checked.with(|c| c.iter().any(|x| x == code))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    checked.update(|c| {
                                        c.retain(|x| x != code);
                                        if on {
                                            c.push(code.to_string());
                                        }
                                    });
                                }
                            />
                            <span lang=code>{name}</span>
                        </label>
                    })
                    .collect_view()}
            </div>
            <TextField id="other-languages" label=ActKey::OtherLanguages value=others autocomplete="off" hint=ActKey::OtherLanguagesHint error=Signal::derive(|| None::<String>)/>
            {move || error.get().map(|m| view! { <p class="field-error" id="languages-error">{m}</p> })}
        </fieldset>
    }
}

/// Tags whose label (in `lang`) or slug contains `query`, leaving out those chosen.
pub fn matching_tags<'a>(
    all: &'a [Tag],
    chosen: &[Uuid],
    query: &str,
    lang: Lang,
    limit: usize,
) -> Vec<&'a Tag> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    all.iter()
        .filter(|t| !chosen.contains(&t.id))
        .filter(|t| tag_label(t, lang).to_lowercase().contains(&q) || t.slug.contains(&q))
        .take(limit)
        .collect()
}

/// Tags from the shared vocabulary: the chosen ones (removable) and a search to add more.
#[component]
fn TagChooser(
    value: RwSignal<Vec<Uuid>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let all = LocalResource::new(move || async move { api.list_tags().await.unwrap_or_default() });
    let query = RwSignal::new(String::new());
    let label_of = move |id: Uuid| -> String {
        let lang = i18n.lang.get();
        all.get()
            .and_then(|list| {
                list.iter()
                    .find(|t| t.id == id)
                    .map(|t| tag_label(t, lang).to_string())
            })
            .unwrap_or_else(|| "…".to_string())
    };
    view! {
        <ul class="chips chosen-tags">
            {move || value
                .get()
                .into_iter()
                .map(|id| view! {
                    <li class="chip chip-edit">
                        <bdi>{move || label_of(id)}</bdi>
                        <button
                            type="button"
                            class="chip-remove"
                            aria-label=move || i18n.tf(PeopleKey::RemoveTag, &[("name", &label_of(id))])
                            on:click=move |_| value.update(|v| v.retain(|t| *t != id))
                        >
                            <span aria-hidden="true">"×"</span>
                        </button>
                    </li>
                })
                .collect_view()}
        </ul>
        {move || error.get().map(|m| view! { <p class="field-error" id="tags-error">{m}</p> })}
        <div class="field">
            <label for="tag-search">{move || i18n.t(PeopleKey::TagSearch)}</label>
            <input id="tag-search" type="search" autocomplete="off" bind:value=query/>
        </div>
        <div aria-live="polite">
            {move || {
                let lang = i18n.lang.get();
                let list = all.get().unwrap_or_default();
                let q = query.get();
                let found: Vec<Tag> = matching_tags(&list, &value.get(), &q, lang, 8).into_iter().cloned().collect();
                if found.is_empty() {
                    return (!q.trim().is_empty())
                        .then(|| view! { <p class="muted small">{move || i18n.t(PeopleKey::NoTagMatch)}</p> })
                        .into_any();
                }
                view! {
                    <ul class="chips tag-matches">
                        {found
                            .into_iter()
                            .map(|t| {
                                let id = t.id;
                                let label = tag_label(&t, lang).to_string();
                                let label2 = label.clone();
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="button small-button"
                                            aria-label=move || i18n.tf(PeopleKey::AddTag, &[("name", &label2)])
                                            on:click=move |_| {
                                                value.update(|v| v.push(id));
                                                query.set(String::new());
                                            }
                                        >
                                            <span aria-hidden="true">"+ "</span>
                                            <bdi>{label}</bdi>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </div>
    }
}

/// The hosts (people, e.g. the newcomer who leads the workshop), each with the name they
/// agreed to show publicly, and a search to add one.
#[component]
fn HostsEditor(
    rows: RwSignal<Vec<HostRow>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen =
        Signal::derive(move || rows.with(|r| r.iter().map(|h| h.person_id).collect::<Vec<_>>()));
    let add = Callback::new(move |p: PersonSummary| {
        rows.update(|r| {
            if !r.iter().any(|h| h.person_id == p.id) {
                r.push(HostRow {
                    person_id: p.id,
                    name: p.display_name.clone(),
                    public_name: String::new(),
                });
            }
        });
        let id = format!("host-public-{}", p.id);
        request_animation_frame(move || {
            focus_id(&id);
        });
    });
    view! {
        <h2 class="legend-like">{move || i18n.t(ActKey::Hosts)}</h2>
        <ul class="plain hosts">
            <For each=move || rows.get() key=|h| h.person_id let:host>
                <li class="host-row">
                    <p class="host-name"><bdi>{host.name.clone()}</bdi></p>
                    {
                        let pid = host.person_id;
                        let input_id = format!("host-public-{}", host.person_id);
                        let hint_id = format!("host-public-{}-hint", host.person_id);
                        view! {
                            <div class="field">
                                <label for=input_id.clone()>{move || i18n.t(ActKey::PublicName)}</label>
                                <p class="hint" id=hint_id.clone()>{move || i18n.t(ActKey::PublicNameHint)}</p>
                                <input
                                    id=input_id
                                    type="text"
                                    autocomplete="off"
                                    aria-describedby=hint_id
                                    prop:value=host.public_name.clone()
                                    on:input=move |ev| {
                                        let value = event_target_value(&ev);
                                        rows.update(|r| {
                                            if let Some(h) = r.iter_mut().find(|h| h.person_id == pid) {
                                                h.public_name = value;
                                            }
                                        });
                                    }
                                />
                            </div>
                        }
                    }
                    {
                        let name = host.name.clone();
                        let pid = host.person_id;
                        view! {
                            <button
                                type="button"
                                class="button"
                                aria-label=move || i18n.tf(ActKey::RemoveHostNamed, &[("name", &name)])
                                on:click=move |_| rows.update(|r| r.retain(|h| h.person_id != pid))
                            >
                                {move || i18n.t(ActKey::RemoveHost)}
                            </button>
                        }
                    }
                </li>
            </For>
        </ul>
        {move || error.get().map(|m| view! { <p class="field-error" id="hosts-error">{m}</p> })}
        <PersonSearch
            id="host-search"
            label=ActKey::AddHostSearch
            action=ActKey::AddHost
            action_named=ActKey::AddHostNamed
            on_choose=add
            exclude=chosen
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(errors: &[(&str, &str)]) -> ApiError {
        let mut map: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for (k, v) in errors {
            map.entry((*k).to_string())
                .or_default()
                .push((*v).to_string());
        }
        let doc = serde_json::json!({
            "type": "urn:interra:problem:validation_failed",
            "title": "Invalid data",
            "status": 422,
            "code": "validation_failed",
            "errors": map,
        });
        ApiError::Problem(Box::new(
            serde_json::from_value(doc).unwrap_or_else(|e| panic!("{e}")),
        ))
    }

    #[test]
    fn list_errors_land_on_their_field() {
        assert_eq!(form_field("languages[2]"), "languages");
        assert_eq!(form_field("hosts[0].person_id"), "hosts");
        assert_eq!(form_field("title.fr"), "title.fr");
        let err = problem(&[
            ("hosts[0].person_id", "Not found"),
            ("hosts[1].person_id", "Not found"),
            ("languages[1]", "Not a language code"),
            ("title.fr", "Required"),
        ]);
        let fe = FormErrors::from_error(&grouped_fields(&err), &FIELDS, Lang::En);
        assert_eq!(fe.field("hosts").as_deref(), Some("Not found"));
        assert_eq!(
            fe.field("languages").as_deref(),
            Some("Not a language code")
        );
        assert_eq!(fe.field("title.fr").as_deref(), Some("Required"));
        assert_eq!(fe.general().as_deref(), Some("Invalid data"));
    }

    #[test]
    fn the_end_follows_the_start() {
        assert_eq!(
            suggested_end("2026-03-18T18:00", "").as_deref(),
            Some("2026-03-18T20:00")
        );
        assert_eq!(
            suggested_end("2026-03-18T23:00", "2026-03-18T10:00").as_deref(),
            Some("2026-03-19T01:00")
        );
        assert_eq!(suggested_end("2026-03-18T18:00", "2026-03-18T19:30"), None);
        assert_eq!(suggested_end("", ""), None);
        assert_eq!(local_input("2026-03-29T14:00:00+02:00"), "2026-03-29T14:00");
    }

    #[test]
    fn languages_merge_boxes_and_typed_codes() {
        let checked = vec!["fr".to_string(), "ar".to_string()];
        assert_eq!(
            language_codes(&checked, " De, pt;fr "),
            ["fr", "ar", "de", "pt"]
        );
        assert_eq!(language_codes(&[], ""), Vec::<String>::new());
    }

    #[test]
    fn series_are_checked_before_sending() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        assert_eq!(
            check_series(SeriesMode::Single, "", "", &[]),
            SeriesCheck::Single
        );
        assert_eq!(
            check_series(SeriesMode::Weekly, "2", "2026-05-01", &[]),
            SeriesCheck::Series(Recurrence::Weekly {
                every_weeks: 2,
                until: d("2026-05-01")
            })
        );
        assert_eq!(
            check_series(SeriesMode::Weekly, "0", "2026-05-01", &[]),
            SeriesCheck::Invalid(ActKey::EveryWeeksInvalid)
        );
        assert_eq!(
            check_series(SeriesMode::Weekly, "1", "", &[]),
            SeriesCheck::Invalid(ActKey::UntilRequired)
        );
        assert_eq!(
            check_series(SeriesMode::Dates, "", "", &[]),
            SeriesCheck::Invalid(ActKey::DatesRequired)
        );
        assert_eq!(
            check_series(SeriesMode::Dates, "", "", &[d("2026-04-02")]),
            SeriesCheck::Series(Recurrence::Dates {
                dates: vec![d("2026-04-02")]
            })
        );
    }

    #[test]
    fn an_activity_round_trips_through_the_form_input() {
        let a: Activity = serde_json::from_value(serde_json::json!({
            "id": "00000000-0000-0000-0000-000000000001",
            "series_id": null,
            "title": {"fr": "Atelier pizza", "ar": "ورشة البيتزا"},
            "description": {"fr": "Pâte maison"},
            "programme": "interact",
            "kind": "workshop_session",
            "starts_at": "2026-03-18T17:00:00Z",
            "ends_at": "2026-03-18T19:00:00Z",
            "starts_at_local": "2026-03-18T18:00:00+01:00",
            "ends_at_local": "2026-03-18T20:00:00+01:00",
            "venue": {"id": "00000000-0000-0000-0000-000000000002", "name": "La Grand Poste", "street": null, "postcode": null, "locality": null},
            "online_url": null,
            "capacity": 12,
            "registration_opens_at": null,
            "registration_closes_at": "2026-03-17T12:00:00Z",
            "languages": ["fr", "ar"],
            "french_level": "A2",
            "free": true,
            "accessibility_notes": null,
            "tags": [],
            "hosts": [{"person_id": "00000000-0000-0000-0000-000000000003", "display_name": "Samir B.", "public_name": "Samir"}],
            "staff": ["00000000-0000-0000-0000-000000000004"],
            "visibility": "public",
            "status": "published",
            "cancel_reason": null,
            "min_newcomer_percent": 30,
            "min_local_percent": 30,
            "counts": {"registered": 3, "waitlisted": 0, "attended": 0, "newcomers": 2, "locals": 1, "remaining": 9},
            "registration_open": true,
            "sequence": 0,
            "updated_at": "2026-03-01T10:00:00Z"
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        let input = input_from_activity(&a);
        assert_eq!(input.starts_at, "2026-03-18T18:00:00+01:00");
        assert_eq!(input.venue_id, a.venue.as_ref().map(|v| v.id));
        assert_eq!(input.hosts[0].public_name.as_deref(), Some("Samir"));
        assert_eq!(
            input.registration_closes_at.as_deref(),
            Some("2026-03-17T12:00:00+00:00")
        );
        assert_eq!(input.staff, a.staff);
        assert_eq!(input.min_local_percent, Some(30));
        assert_eq!(input.status, Some(ActivityStatus::Published));
    }
}
