//! The activity editor: a new activity or workshop series (weekly, every N weeks until a date,
//! or hand-picked dates), and changing one activity or one session of a series on its own.
//! Every field the API takes; its field errors next to their inputs.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::activities::{
    Activity, ActivityHostInput, ActivityInput, ActivityKind, ActivityProgramme, ActivityStatus,
    Multilingual, SeriesInput, Visibility,
};
use shared::people::FrenchLevel;
use shared::Lang;

use uuid::Uuid;

use super::agenda::agenda_href;
use super::calendar::{AgendaQuery, Period};
use super::{brussels_input, kind_key, pick, programme_text, status_key};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::focus_first_error;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::TextField;
use crate::components::form::{SelectField, TextAreaField};
use crate::components::load::{load_page, PageHeadings};
use crate::i18n::activities::ActKey;
use crate::i18n::common::CommonKey;
use crate::i18n::person::PersonKey;
use crate::i18n::Text;
use crate::locale::{use_i18n, use_page_title};
use crate::routes::{activity_path, ACTIVITIES};

mod parts;

use parts::*;

mod rules;

pub use rules::*;

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
                    <SelectField id="programme" label=PersonKey::Programme value=programme error=err("programme") required=true
                        options={ActivityProgramme::ALL.iter().map(|&p| (p.as_str(), Some(programme_text(p)))).collect::<Vec<(&'static str, Option<Text>)>>()}/>
                    <SelectField id="kind" label=ActKey::Kind value=kind error=err("kind") required=true
                        options={ActivityKind::ALL.iter().map(|&k| (k.as_str(), Some(kind_key(k).into()))).collect::<Vec<(&'static str, Option<Text>)>>()}/>
                </div>
                <TextAreaField id="description-fr" label=ActKey::DescriptionFr value=descriptions[0] error=err("description.fr")/>
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
                                    <TextAreaField id=desc_id label=d value=descriptions[i] error=err(desc_field)/>
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
                <TextAreaField id="accessibility_notes" label=ActKey::AccessibilityNotes value=accessibility error=err("accessibility_notes")/>
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
                    <SelectField id="french_level" label=ActKey::FrenchLevelNeeded value=french_level error=err("french_level")
                        empty=ActKey::NoLevelNeeded
                        options={FrenchLevel::ALL.iter().map(|l| (l.as_str(), None)).collect::<Vec<(&'static str, Option<Text>)>>()}/>
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
                    <SelectField id="visibility" label=ActKey::Visibility value=visibility error=err("visibility") required=true
                        options=vec![(Visibility::Public.as_str(), Some(Text::from(ActKey::VisibilityPublic))), (Visibility::Internal.as_str(), Some(Text::from(ActKey::VisibilityInternal)))]/>
                    <SelectField id="status" label=CommonKey::Status value=status error=err("status") required=true
                        options={ActivityStatus::ALL.iter().map(|&s| (s.as_str(), Some(status_key(s).into()))).collect::<Vec<(&'static str, Option<Text>)>>()}/>
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
