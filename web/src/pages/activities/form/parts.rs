//! The editor's parts: the series part, the venue picker, the languages, the tags and the hosts.

use super::super::calendar::{picked_dates, weekly_dates};
use super::super::{format_date, DateStyle, PersonSearch};
use super::{opt_text, HostRow, SeriesMode, COMMON_LANGUAGES, MAX_SESSIONS};
use crate::api::{use_api, FormErrors};
use crate::components::dom::focus_id;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::TextField;
use crate::i18n::activities::ActKey;
use crate::i18n::people::PeopleKey;
use crate::i18n::person::PersonKey;
use crate::i18n::tag_label;
use crate::locale::use_i18n;
use chrono::NaiveDate;
use leptos::prelude::*;
use shared::activities::VenueInput;
use shared::people::PersonSummary;
use shared::tags::Tag;
use shared::Lang;
use uuid::Uuid;

/// One session, a weekly series or hand-picked dates, with the list of sessions it gives.
#[component]
pub(super) fn SeriesPart(
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
pub(super) fn VenuePicker(
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
pub(super) fn LanguageChecks(
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
pub(super) fn TagChooser(
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
pub(super) fn HostsEditor(
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
