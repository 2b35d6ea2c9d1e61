//! One person: identity, contact, profile, languages, tags, availability, memberships and
//! consents; archive/restore, the GDPR export (a download) and anonymisation (typed
//! confirmation).

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::people::{DayPart, Person, PersonStatus, Slot, TextMention, Weekday};
use shared::Lang;
use uuid::Uuid;

use crate::api::{use_api, ApiError};
use crate::components::StatusMessage;

use crate::components::form::ErrorAlert;
use crate::components::load::{load_page, PageHeadings};
use crate::i18n::common::CommonKey;
use crate::i18n::people::PeopleKey;
use crate::i18n::person::PersonKey;
use crate::i18n::vocabulary::channel_key;
use crate::i18n::vocabulary::consent_method_key;
use crate::i18n::vocabulary::day_part_key;
use crate::i18n::vocabulary::language_level_key;
use crate::i18n::vocabulary::membership_status_key;
use crate::i18n::vocabulary::programme_key;
use crate::i18n::vocabulary::programme_role_key;
use crate::i18n::vocabulary::purpose_key;
use crate::i18n::vocabulary::tag_kind_key;
use crate::i18n::vocabulary::weekday_key;
use crate::i18n::vocabulary::{category_key, category_opt_key};
use crate::locale::{use_i18n, use_page_title, I18n};
use crate::pages::duo::format_date;
use crate::pages::people::list::PersonBadges;
use crate::routes::{person_edit_path, person_path, writes_people, PEOPLE};

mod actions;
mod coaches;
mod mentions;
mod participation;

use actions::*;
pub use coaches::coach_filter;
pub use mentions::Mentions;

/// The word the API wants as the anonymisation confirmation (the person types the word of
/// their language, `PeopleKey::AnonymiseWord`; the page then sends this one).
pub const CONFIRMATION_WORD: &str = "anonymise";

/// Whether the typed confirmation is the word of `lang` (or the API's own word), spaces and
/// case forgiven.
pub fn confirmation_ok(lang: Lang, typed: &str) -> bool {
    let typed = typed.trim().to_lowercase();
    typed == crate::i18n::t(lang, PeopleKey::AnonymiseWord) || typed == CONFIRMATION_WORD
}

/// The export's file name: no personal data in it, only the record's id.
pub fn export_file_name(id: Uuid) -> String {
    format!("interra-person-{id}.json")
}

/// The `data:` address of a JSON document, for a download link.
pub fn json_data_url(text: &str) -> String {
    format!(
        "data:application/json;charset=utf-8,{}",
        crate::api::encode_component(text)
    )
}

/// Offers `text` as a file download (a temporary link, clicked).
fn download(name: &str, text: &str) -> Option<()> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    let a = document.create_element("a").ok()?;
    a.set_attribute("href", &json_data_url(text)).ok()?;
    a.set_attribute("download", name).ok()?;
    a.dyn_into::<web_sys::HtmlElement>().ok()?.click();
    Some(())
}

/// A value written left to right whatever the page's direction (a phone number, an email, a
/// postcode): digits and `+` have no direction of their own and scramble in Arabic otherwise.
fn or_dash_ltr(i18n: I18n, v: Option<String>) -> impl IntoView {
    match v.filter(|s| !s.trim().is_empty()) {
        Some(s) => view! { <bdi dir="ltr">{s}</bdi> }.into_any(),
        None => {
            view! { <span class="muted">{move || i18n.t(CommonKey::NotProvided)}</span> }.into_any()
        }
    }
}

fn or_dash(i18n: I18n, v: Option<String>) -> impl IntoView {
    match v.filter(|s| !s.trim().is_empty()) {
        Some(s) => view! { <bdi>{s}</bdi> }.into_any(),
        None => {
            view! { <span class="muted">{move || i18n.t(CommonKey::NotProvided)}</span> }.into_any()
        }
    }
}

#[component]
pub fn PersonPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(PeopleKey::PeopleTitle);
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    // The record as the last action on it returned it (archive, anonymise...), over the loaded one.
    let latest = RwSignal::new(None::<Person>);
    let status = RwSignal::new(None::<String>);
    // After an anonymisation: the texts elsewhere that still name the person.
    let mentions = RwSignal::new(Vec::<TextMention>::new());
    let query = use_query_map();
    Effect::new(move |_| {
        id.track();
        latest.set(None);
        // Arriving from the form after saving: say so.
        let saved = query.with_untracked(|q| q.get("saved").is_some());
        status.set(saved.then(|| i18n.t(PeopleKey::PersonSaved).to_string()));
        mentions.set(vec![]);
    });
    let person = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api.get_person(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="back"><a href=PEOPLE>{move || i18n.t(PeopleKey::BackToPeople)}</a></p>
            <StatusMessage message=status/>
            <Mentions mentions=mentions/>
            {move || match (latest.get(), person.get()) {
                (Some(p), _) | (None, Some(Ok(p))) => {
                    let reload = Callback::new(move |_: ()| {
                        latest.set(None);
                        person.refetch();
                    });
                    view! { <PersonView person=p latest=latest status=status mentions=mentions reload=reload/> }.into_any()
                }                (None, state) => load_page(
                    state,
                    move || person.refetch(),
                    PageHeadings { failed: PeopleKey::PersonNotFound.into(), not_found: Some(PeopleKey::PersonNotFound.into()) },
                    // Unreachable: a loaded person takes the branch above.
                    |_| ().into_any(),
                ),
            }}
        </section>
    }
}

#[component]
fn PersonView(
    person: Person,
    latest: RwSignal<Option<Person>>,
    status: RwSignal<Option<String>>,
    mentions: RwSignal<Vec<TextMention>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let can_write = api.session.user().is_some_and(|u| writes_people(u.role));
    let id = person.id;
    let error = RwSignal::new(None::<String>);
    let archived = person.archived;
    let anonymised = person.anonymised;
    let assigned_coaches = person.coaches.clone();

    let archive = Action::new_local(move |to: &bool| {
        let to = *to;
        async move { (to, api.set_archived(id, to).await) }
    });
    Effect::new(move |_| match archive.value().get() {
        Some((to, Ok(p))) => {
            error.set(None);
            status.set(Some(
                i18n.t(if to {
                    PeopleKey::PersonArchived
                } else {
                    PeopleKey::PersonRestored
                })
                .to_string(),
            ));
            latest.set(Some(p));
        }
        Some((_, Err(err))) => error.set(Some(err.message(i18n.lang.get_untracked()))),
        None => {}
    });
    let export = Action::new_local(move |_: &()| async move { api.export_person(id).await });
    Effect::new(move |_| match export.value().get() {
        Some(Ok(text)) => match download(&export_file_name(id), &text) {
            Some(()) => {
                error.set(None);
                status.set(Some(i18n.t(PeopleKey::ExportDone).to_string()));
            }
            None => error.set(Some(i18n.t(CommonKey::ErrUnexpected).to_string())),
        },
        Some(Err(err)) => error.set(Some(err.message(i18n.lang.get_untracked()))),
        None => {}
    });
    let busy = Signal::derive(move || archive.pending().get() || export.pending().get());

    let p = person.clone();
    let override_line = p.category_override.map(|c| {
        let reason = p.category_override_reason.clone().unwrap_or_default();
        view! {
            <div>
                <dt>{move || i18n.t(PersonKey::CategoryOverride)}</dt>
                <dd>{move || i18n.t(category_key(c))} " — " <bdi>{reason.clone()}</bdi></dd>
            </div>
        }
    });
    let computed = p.computed_category;
    let category = p.category;
    let profile = p.profile;
    let channel = p.preferred_channel;
    let french = p.french_level.map(|l| l.as_str().to_string());
    let duplicate = p.possible_duplicate_of;

    let languages = if p.languages.is_empty() {
        view! { <p class="muted">{move || i18n.t(CommonKey::NotProvided)}</p> }.into_any()
    } else {
        let items = p
            .languages
            .iter()
            .map(|l| {
                let level = l.level;
                view! {
                    <li>
                        <span lang=l.language.clone() class="lang-code">{l.language.to_uppercase()}</span>
                        " — "
                        {move || i18n.t(language_level_key(level))}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="plain">{items}</ul> }.into_any()
    };

    let tags = if p.tags.is_empty() {
        view! { <p class="muted">{move || i18n.t(CommonKey::NotProvided)}</p> }.into_any()
    } else {
        let items = p
            .tags
            .iter()
            .map(|t| {
                let kind = t.kind;
                view! {
                    <li class="chip">
                        <bdi>{t.label.clone()}</bdi>
                        <span class="chip-kind">{move || i18n.t(tag_kind_key(kind))}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="chips">{items}</ul> }.into_any()
    };

    let availability = p.availability.clone();
    let memberships = if p.memberships.is_empty() {
        view! { <p class="muted">{move || i18n.t(PeopleKey::NoMemberships)}</p> }.into_any()
    } else {
        let items = p
            .memberships
            .iter()
            .map(|m| {
                let (prog, role, st) = (m.programme, m.role, m.status);
                let (started, ended) = (m.started_on, m.ended_on);
                view! {
                    <li>
                        <strong>{move || i18n.t(programme_key(prog))}</strong>
                        " — "
                        {move || i18n.t(programme_role_key(role))}
                        " "
                        <span class="badge">{move || i18n.t(membership_status_key(st))}</span>
                        <span class="muted small block">
                            {move || {
                                // Dates as the reader writes them, not ISO.
                                let lang = i18n.lang.get();
                                let start = format_date(lang, started);
                                match ended {
                                    Some(end) => i18n.tf(PeopleKey::MembershipDates, &[("start", &start), ("end", &format_date(lang, end))]),
                                    None => i18n.tf(PeopleKey::MembershipSince, &[("start", &start)]),
                                }
                            }}
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="plain">{items}</ul> }.into_any()
    };
    let withdraw = Action::new_local(move |cid: &Uuid| {
        let cid = *cid;
        async move { api.withdraw_consent(id, cid).await }
    });
    Effect::new(move |_| match withdraw.value().get() {
        Some(Ok(())) => {
            status.set(Some(i18n.t(PeopleKey::ConsentWithdrawnDone).to_string()));
            reload.run(());
        }
        Some(Err(err)) => error.set(Some(err.message(i18n.lang.get_untracked()))),
        None => {}
    });
    let withdrawing = withdraw.pending();
    // Withdrawing takes a second, explicit click: which consent is asked once more.
    let confirming = RwSignal::new(None::<Uuid>);
    let consents = if p.consents.is_empty() {
        view! { <p class="muted">{move || i18n.t(PeopleKey::NoConsents)}</p> }.into_any()
    } else {
        let items = p
            .consents
            .iter()
            .map(|c| {
                let (purpose, method) = (c.purpose, c.method);
                let (given, withdrawn, version) = (c.given_at, c.withdrawn_at, c.notice_version.clone());
                let cid = c.id;
                view! {
                    <li class:withdrawn=withdrawn.is_some()>
                        <strong>{move || i18n.t(purpose_key(purpose))}</strong>
                        <span class="muted small block">
                            {move || {
                                i18n.tf(
                                    PeopleKey::ConsentGiven,
                                    &[
                                        ("date", &i18n.date(&given)),
                                        ("method", i18n.t(consent_method_key(method))),
                                        ("version", &version),
                                    ],
                                )
                            }}
                        </span>
                        {withdrawn.map(|w| view! {
                            <span class="small block">{move || i18n.tf(PeopleKey::ConsentWithdrawn, &[("date", &i18n.date(&w))])}</span>
                        })}
                        {(withdrawn.is_none() && can_write && !anonymised).then(|| view! {
                            <Show
                                when=move || confirming.get() == Some(cid)
                                fallback=move || view! {
                                    <button
                                        type="button"
                                        class="button small-button withdraw-consent"
                                        disabled=move || withdrawing.get()
                                        aria-label=move || i18n.tf(PeopleKey::WithdrawNamed, &[("name", i18n.t(purpose_key(purpose)))])
                                        on:click=move |_| {
                                            confirming.set(Some(cid));
                                            let id = format!("confirm-withdraw-{cid}");
                                            request_animation_frame(move || { crate::components::dom::focus_id(&id); });
                                        }
                                    >
                                        {move || i18n.t(PeopleKey::Withdraw)}
                                    </button>
                                }
                            >
                                <span class="confirm-withdraw" role="group" aria-label=move || i18n.tf(PeopleKey::WithdrawAsk, &[("name", i18n.t(purpose_key(purpose)))])>
                                    <span class="small">{move || i18n.tf(PeopleKey::WithdrawAsk, &[("name", i18n.t(purpose_key(purpose)))])}</span>
                                    " "
                                    <button
                                        type="button"
                                        class="button danger small-button"
                                        id=format!("confirm-withdraw-{cid}")
                                        disabled=move || withdrawing.get()
                                        aria-label=move || i18n.tf(PeopleKey::WithdrawConfirmNamed, &[("name", i18n.t(purpose_key(purpose)))])
                                        on:click=move |_| {
                                            confirming.set(None);
                                            withdraw.dispatch(cid);
                                        }
                                    >
                                        {move || i18n.t(PeopleKey::WithdrawConfirm)}
                                    </button>
                                    " "
                                    <button type="button" class="button small-button" on:click=move |_| confirming.set(None)>
                                        {move || i18n.t(PeopleKey::KeepConsent)}
                                    </button>
                                </span>
                            </Show>
                        })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="plain">{items}</ul> }.into_any()
    };

    let name = p.display_name.clone();
    view! {
        <div class="page-head">
            <div>
                <h1 id="page-title"><bdi>{name}</bdi></h1>
                <PersonBadges category=category status=p.status archived=archived/>
                {anonymised.then(|| view! { <span class="badge badge-inactive">{move || i18n.t(PeopleKey::Anonymised)}</span> })}
            </div>
            {(can_write && !anonymised).then(|| view! {
                <div class="head-actions">
                    <a class="button primary" href=person_edit_path(id)>{move || i18n.t(CommonKey::Edit)}</a>
                    <button type="button" class="button" disabled=move || busy.get() on:click=move |_| { export.dispatch(()); }>
                        {move || i18n.t(PeopleKey::ExportData)}
                    </button>
                    <button type="button" class="button" disabled=move || busy.get() on:click=move |_| { archive.dispatch(!archived); }>
                        {move || i18n.t(if archived { CommonKey::Restore } else { CommonKey::Archive })}
                    </button>
                </div>
            })}
        </div>
        <ErrorAlert message=error on_dismiss=move || error.set(None)/>
        {(p.status == PersonStatus::ToReview && duplicate.is_some()).then(|| {
            let other = duplicate.map(person_path).unwrap_or_default();
            view! {
                <p class="alert alert-warn">
                    {move || i18n.t(PeopleKey::PossibleDuplicate)} " "
                    <a href=other>{move || i18n.t(PeopleKey::OpenOther)}</a>
                </p>
            }
        })}
        <div class="person-grid">
            <section class="card" aria-labelledby="identity-title">
                <h2 id="identity-title">{move || i18n.t(PersonKey::Identity)}</h2>
                <dl class="facts">
                    <div><dt>{move || i18n.t(PersonKey::FirstName)}</dt><dd><bdi>{p.first_name.clone()}</bdi></dd></div>
                    <div><dt>{move || i18n.t(PersonKey::LastName)}</dt><dd>{or_dash(i18n, p.last_name.clone())}</dd></div>
                    <div><dt>{move || i18n.t(PersonKey::PreferredName)}</dt><dd>{or_dash(i18n, p.preferred_name.clone())}</dd></div>
                    <div><dt>{move || i18n.t(PersonKey::BirthYear)}</dt><dd>{or_dash(i18n, p.birth_year.map(|y| y.to_string()))}</dd></div>
                    <div><dt>{move || i18n.t(PersonKey::Gender)}</dt><dd>{or_dash(i18n, p.gender.clone())}</dd></div>
                    <div><dt>{move || i18n.t(PersonKey::FrenchLevel)}</dt><dd>{or_dash(i18n, french)}</dd></div>
                </dl>
            </section>
            <section class="card" aria-labelledby="contact-title">
                <h2 id="contact-title">{move || i18n.t(PersonKey::ContactDetails)}</h2>
                <dl class="facts">
                    <div><dt>{move || i18n.t(CommonKey::Email)}</dt><dd>{or_dash_ltr(i18n, p.email.clone())}</dd></div>
                    <div><dt>{move || i18n.t(PersonKey::Phone)}</dt><dd>{or_dash_ltr(i18n, p.phone.clone())}</dd></div>
                    <div>
                        <dt>{move || i18n.t(PersonKey::PreferredChannel)}</dt>
                        <dd>{move || channel.map(|c| i18n.t(channel_key(c))).unwrap_or_else(|| i18n.t(CommonKey::NotProvided))}</dd>
                    </div>
                    <div><dt>{move || i18n.t(PersonKey::Street)}</dt><dd>{or_dash(i18n, p.street.clone())}</dd></div>
                    <div><dt>{move || i18n.t(PersonKey::Postcode)}</dt><dd>{or_dash_ltr(i18n, p.postcode.clone())}</dd></div>
                    <div><dt>{move || i18n.t(PersonKey::Commune)}</dt><dd>{or_dash(i18n, p.commune.clone())}</dd></div>
                </dl>
            </section>
            <section class="card" aria-labelledby="profile-title">
                <h2 id="profile-title">{move || i18n.t(PersonKey::Profile)}</h2>
                <dl class="facts">
                    <div><dt>{move || i18n.t(PersonKey::Category)}</dt><dd><strong>{move || i18n.t(category_opt_key(category))}</strong></dd></div>
                    <div><dt>{move || i18n.t(PersonKey::DeclaredProfile)}</dt><dd>{move || i18n.t(category_opt_key(profile))}</dd></div>
                    <div><dt>{move || i18n.t(PersonKey::ArrivalYear)}</dt><dd>{or_dash(i18n, p.arrival_year.map(|y| y.to_string()))}</dd></div>
                    <div><dt>{move || i18n.t(PersonKey::ComputedCategory)}</dt><dd>{move || i18n.t(category_opt_key(computed))}</dd></div>
                    {override_line}
                </dl>
            </section>
            <section class="card" aria-labelledby="languages-title">
                <h2 id="languages-title">{move || i18n.t(PersonKey::Languages)}</h2>
                {languages}
            </section>
            <section class="card" aria-labelledby="tags-title">
                <h2 id="tags-title">{move || i18n.t(PersonKey::Tags)}</h2>
                {tags}
            </section>
            <section class="card" aria-labelledby="availability-title">
                <h2 id="availability-title">{move || i18n.t(PersonKey::Availability)}</h2>
                <AvailabilityTable slots=availability/>
            </section>
            <section class="card" aria-labelledby="memberships-title">
                <h2 id="memberships-title">{move || i18n.t(PersonKey::Memberships)}</h2>
                {memberships}
                {(can_write && !anonymised).then(|| {
                    let current = person.clone();
                    view! { <AddMembership person=current latest=latest status=status/> }
                })}
            </section>
            <section class="card" aria-labelledby="consents-title">
                <h2 id="consents-title">{move || i18n.t(PersonKey::Consents)}</h2>
                {consents}
                {(can_write && !anonymised).then(|| view! { <AddConsent id=id status=status reload=reload/> })}
            </section>
            {(can_write && !anonymised).then(|| view! { <coaches::Coaches id=id assigned=assigned_coaches.clone() status=status reload=reload/> })}
            <section class="card" aria-labelledby="presentation-title">
                <h2 id="presentation-title">{move || i18n.t(PersonKey::Presentation)}</h2>
                <p class="prewrap">{or_dash(i18n, p.presentation.clone())}</p>
            </section>
            {p.staff_notes.clone().map(|notes| view! {
                <section class="card" aria-labelledby="notes-title">
                    <h2 id="notes-title">{move || i18n.t(PersonKey::StaffNotes)}</h2>
                    <p class="prewrap">{or_dash(i18n, Some(notes))}</p>
                </section>
            })}
        </div>
        <participation::Participation id=id/>
        <crate::pages::people::history::PersonHistory id=id/>
        {(can_write && !anonymised).then(|| view! { <Anonymise id=id latest=latest status=status mentions=mentions/> })}
    }
}

/// The week as a table: one row per day, one column per part of the day.
#[component]
pub fn AvailabilityTable(slots: Vec<Slot>) -> impl IntoView {
    let i18n = use_i18n();
    if slots.is_empty() {
        return view! { <p class="muted">{move || i18n.t(CommonKey::NotProvided)}</p> }.into_any();
    }
    let rows = Weekday::ALL
        .iter()
        .map(|&day| {
            let cells = DayPart::ALL
                .iter()
                .map(|&part| {
                    let on = slots.contains(&Slot { day, part });
                    view! {
                        <td class:slot-on=on>
                            {on.then(|| view! { <span aria-hidden="true">"✓"</span> })}
                            <span class="visually-hidden">
                                {move || if on { i18n.t(day_part_key(part)) } else { "—" }}
                            </span>
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{move || i18n.t(weekday_key(day))}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="availability">
            <caption class="visually-hidden">{move || i18n.t(PersonKey::Availability)}</caption>
            <thead>
                <tr>
                    <td></td>
                    {DayPart::ALL
                        .iter()
                        .map(|&part| view! { <th scope="col">{move || i18n.t(day_part_key(part))}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymising_needs_the_exact_word() {
        assert!(confirmation_ok(Lang::Fr, "anonymise"));
        assert!(confirmation_ok(Lang::Fr, "  Anonymise "));
        assert!(!confirmation_ok(Lang::Fr, "anonymize"));
        assert!(!confirmation_ok(Lang::Fr, ""));
        // Each language its own word.
        assert!(confirmation_ok(Lang::Fr, "ANONYMISER"));
        assert!(confirmation_ok(Lang::Nl, "anonimiseren"));
        assert!(confirmation_ok(Lang::Ar, "إخفاء"));
        assert!(!confirmation_ok(Lang::En, "anonimiseren"));
        assert!(!confirmation_ok(Lang::Fr, "yes"));
    }

    #[test]
    fn export_is_a_json_data_url() {
        assert_eq!(
            json_data_url("{\"a\": 1}"),
            "data:application/json;charset=utf-8,%7B%22a%22%3A%201%7D"
        );
    }

    #[test]
    fn export_file_name_holds_no_personal_data() {
        let id = Uuid::nil();
        assert_eq!(
            export_file_name(id),
            "interra-person-00000000-0000-0000-0000-000000000000.json"
        );
    }
}
