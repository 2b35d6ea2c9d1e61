//! One referral: what the partner sent (with the person's consent), what the partner sees of
//! it, and the team's next step. Accepting names the person record it is: a new record created
//! from the referral, or someone already on record found through the people search.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::people::{Category, PersonInput, PersonSummary};
use shared::referrals::{Referral, ReferralDecision, ReferralStatus};
use uuid::Uuid;

use super::{manages, PartnerTabs, ReferralBadge};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::{focus_first_error, focus_id_later};
use crate::components::form::{ErrorAlert, SelectField, TextAreaField, TextField};
use crate::components::load::{load_page, PageHeadings};
use crate::components::{Forbidden, StatusMessage};
use crate::i18n::common::CommonKey;
use crate::i18n::partners::{action_key, status_key, PtKey};
use crate::i18n::person::PersonKey;
use crate::i18n::vocabulary::{category_key, programme_key};
use crate::locale::{format_datetime, use_i18n, use_page_title};
use crate::pages::activities::PersonSearch;
use crate::pages::duo::format_day;
use crate::pages::interlab::opt_text;
use crate::routes::{person_path, REFERRALS};

/// The review steps from `from`: the API's rule (`referral_rules::next_steps`), so that only
/// the steps it accepts are offered.
pub fn next_steps(from: ReferralStatus) -> &'static [ReferralStatus] {
    use ReferralStatus::*;
    match from {
        Received => &[Accepted, Declined, NoAnswer],
        NoAnswer => &[Accepted, Contacted, Declined],
        Accepted => &[Contacted, Enrolled, Declined, NoAnswer],
        Contacted => &[Enrolled, Declined, NoAnswer],
        Enrolled | Declined => &[],
    }
}

/// The new person's inputs, by the names the API uses for its field errors.
const PERSON_FIELDS: [&str; 3] = ["last_name", "profile", "arrival_year"];

#[component]
pub fn ReferralPage() -> impl IntoView {
    if !manages() {
        return view! { <Forbidden/> }.into_any();
    }
    let i18n = use_i18n();
    use_page_title(PtKey::ReferralTitle);
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let status = RwSignal::new(None::<String>);
    let referral = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api.referral(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="back"><a href=REFERRALS>{move || i18n.t(PtKey::BackToQueue)}</a></p>
            <StatusMessage message=status/>
            {move || load_page(
                referral.get(),
                move || referral.refetch(),
                PageHeadings { failed: PtKey::ReferralTitle.into(), not_found: Some(PtKey::ReferralNotFound.into()) },
                |r| view! { <ReferralView r=r status=status reload=Callback::new(move |_| referral.refetch())/> }.into_any(),
            )}
        </section>
    }
    .into_any()
}

#[component]
fn ReferralView(
    r: Referral,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let programme = r.programme;
    let (consent_by, consent_at, version) = (
        r.consent_collected_by.clone(),
        r.consent_at,
        r.notice_version.clone(),
    );
    let (received, changed) = (r.created_at, r.status_changed_at);
    let current = r.status;
    let org = r.organisation_name.clone();
    let first_name = r.first_name.clone();
    view! {
        <div class="page-head">
            <div>
                <h1 id="page-title">{move || i18n.tf(PtKey::ReferralOf, &[("name", &first_name)])}</h1>
                <span class="badges"><ReferralBadge status=r.status/></span>
            </div>
        </div>
        <PartnerTabs current=None/>
        <div class="duo-grid">
            <section class="card" aria-labelledby="sent-title">
                <h2 id="sent-title">{move || i18n.t(PtKey::WhatPartnerSent)}</h2>
                <p class="small muted">
                    {move || i18n.tf(PtKey::FromOrg, &[("organisation", &org), ("date", &format_day(i18n.lang.get(), &received))])}
                </p>
                <dl class="facts">
                    <div><dt>{move || i18n.t(PtKey::Programme)}</dt><dd>{move || i18n.t(programme_key(programme))}</dd></div>
                    <div><dt>{move || i18n.t(PtKey::FirstName)}</dt><dd><bdi>{r.first_name.clone()}</bdi></dd></div>
                    {r.email.clone().map(|e| view! { <div><dt>{move || i18n.t(PtKey::Email)}</dt><dd><bdi>{e}</bdi></dd></div> })}
                    {r.phone.clone().map(|p| view! { <div><dt>{move || i18n.t(PtKey::Phone)}</dt><dd><bdi dir="ltr">{p}</bdi></dd></div> })}
                    {(!r.languages.is_empty()).then(|| {
                        let langs = r.languages.join(", ");
                        view! { <div><dt>{move || i18n.t(PtKey::Languages)}</dt><dd>{langs}</dd></div> }
                    })}
                    {r.note.clone().map(|n| view! { <div><dt>{move || i18n.t(PtKey::PartnerNote)}</dt><dd class="prewrap"><bdi>{n}</bdi></dd></div> })}
                </dl>
                <p class="small">
                    {move || i18n.tf(PtKey::Consent, &[("who", &consent_by), ("date", &format_day(i18n.lang.get(), &consent_at)), ("version", &version)])}
                </p>
                {r.person_id.map(|p| view! { <p><a href=person_path(p)>{move || i18n.t(PtKey::PersonRecord)}</a></p> })}
                {r.staff_note.clone().map(|n| view! {
                    <dl class="facts"><div><dt>{move || i18n.t(PtKey::StaffNoteSaved)}</dt><dd class="prewrap"><bdi>{n}</bdi></dd></div></dl>
                })}
            </section>
            <section class="card partner-sees" aria-labelledby="sees-title">
                <h2 id="sees-title">{move || i18n.t(PtKey::PartnerSees)}</h2>
                <p class="partner-sees-now">
                    <strong>{move || i18n.tf(PtKey::PartnerSeesNow, &[("status", i18n.t(status_key(current))), ("date", &format_datetime(i18n.lang.get(), &changed))])}</strong>
                </p>
                <p>{move || i18n.t(PtKey::PartnerSeesBody)}</p>
            </section>
        </div>
        <Review r=r status=status reload=reload/>
    }
}

/// The next steps, each with its small form.
#[component]
fn Review(r: Referral, status: RwSignal<Option<String>>, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let steps = next_steps(r.status);
    if steps.is_empty() {
        return view! {
            <section class="card" aria-labelledby="review-title">
                <h2 id="review-title">{move || i18n.t(PtKey::Review)}</h2>
                <p>{move || i18n.t(PtKey::ReviewClosed)}</p>
            </section>
        }
        .into_any();
    }
    let choosing = RwSignal::new(None::<ReferralStatus>);
    let buttons = steps
        .iter()
        .map(|&s| {
            view! {
                <button
                    type="button"
                    class="button"
                    class:primary=s == ReferralStatus::Accepted
                    aria-expanded=move || if choosing.get() == Some(s) { "true" } else { "false" }
                    aria-controls="review-form"
                    on:click=move |_| {
                        status.set(None);
                        choosing.set(Some(s));
                        focus_id_later("review-form-title");
                    }
                >
                    {move || i18n.t(action_key(s))}
                </button>
            }
        })
        .collect_view();
    let r = StoredValue::new(r);
    view! {
        <section class="card" aria-labelledby="review-title">
            <h2 id="review-title">{move || i18n.t(PtKey::Review)}</h2>
            <div class="actions">{buttons}</div>
            <div id="review-form">
                {move || choosing.get().map(|s| view! {
                    <StepForm r=r.get_value() to=s status=status done=Callback::new(move |()| { choosing.set(None); reload.run(()); }) cancel=Callback::new(move |()| choosing.set(None))/>
                })}
            </div>
        </section>
    }
    .into_any()
}

/// How an accepted referral names its person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    New,
    Known,
}

#[component]
fn StepForm(
    r: Referral,
    to: ReferralStatus,
    status: RwSignal<Option<String>>,
    done: Callback<()>,
    cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let errors = RwSignal::new(FormErrors::default());
    let note = RwSignal::new(String::new());
    let who = RwSignal::new(Who::New);
    let chosen = RwSignal::new(None::<PersonSummary>);
    let last_name = RwSignal::new(String::new());
    let profile = RwSignal::new(String::new());
    let arrival = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let accepting = to == ReferralStatus::Accepted;
    let id = r.id;
    let base = StoredValue::new(r);
    let finish = move |result: Result<Referral, ApiError>| match result {
        Ok(after) => {
            status.set(Some(i18n.tf(
                PtKey::StatusChanged,
                &[("status", i18n.t(status_key(after.status)))],
            )));
            done.run(());
        }
        Err(err) => {
            errors.set(FormErrors::from_error(
                &err,
                &["staff_note", "person_id"],
                i18n.lang.get_untracked(),
            ));
            focus_first_error();
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let staff_note = opt_text(&note.get_untracked());
        let decision = |person_id| ReferralDecision {
            status: to,
            person_id,
            staff_note: staff_note.clone(),
        };
        if !accepting {
            let body = decision(None);
            busy.set(true);
            leptos::task::spawn_local(async move {
                let result = api.decide_referral(id, &body).await;
                busy.set(false);
                finish(result);
            });
            return;
        }
        match who.get_untracked() {
            Who::Known => {
                let Some(p) = chosen.get_untracked() else {
                    errors.set(FormErrors::local("person_id", i18n.t(PtKey::ChooseSomeone)));
                    focus_id_later("known-q");
                    return;
                };
                let body = decision(Some(p.id));
                busy.set(true);
                leptos::task::spawn_local(async move {
                    let result = api.decide_referral(id, &body).await;
                    busy.set(false);
                    finish(result);
                });
            }
            Who::New => {
                let r = base.get_value();
                let input = PersonInput {
                    first_name: r.first_name.clone(),
                    last_name: opt_text(&last_name.get_untracked()),
                    email: r.email.clone(),
                    phone: r.phone.clone(),
                    profile: profile.get_untracked().parse::<Category>().ok().map(Some),
                    arrival_year: arrival.get_untracked().trim().parse().ok(),
                    ..PersonInput::default()
                };
                let note = staff_note.clone();
                busy.set(true);
                leptos::task::spawn_local(async move {
                    let person = match api.create_person(&input).await {
                        Ok(p) => p,
                        Err(err) => {
                            busy.set(false);
                            errors.set(FormErrors::from_error(
                                &err,
                                &PERSON_FIELDS,
                                i18n.lang.get_untracked(),
                            ));
                            focus_first_error();
                            return;
                        }
                    };
                    let body = ReferralDecision {
                        status: to,
                        person_id: Some(person.id),
                        staff_note: note,
                    };
                    let result = api.decide_referral(id, &body).await;
                    busy.set(false);
                    if result.is_ok() {
                        finish(result);
                    } else {
                        // The record exists now: the person is found among those on record.
                        who.set(Who::Known);
                        errors.set(FormErrors::local(
                            "person_id",
                            &i18n.tf(
                                PtKey::PersonCreatedNotAccepted,
                                &[("name", &person.display_name)],
                            ),
                        ));
                    }
                });
            }
        }
    };
    let err = move |name: &'static str| Signal::derive(move || errors.with(|e| e.field(name)));
    let today = crate::pages::activities::now();
    let categories: Vec<(&'static str, crate::i18n::Text)> = Category::ALL
        .iter()
        .map(|c| (c.as_str(), category_key(*c).into()))
        .collect();
    view! {
        <form class="form review-form" on:submit=on_submit novalidate=true>
            <h3 id="review-form-title" tabindex="-1">{move || i18n.t(action_key(to))}</h3>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            {accepting.then(|| view! {
                <fieldset class="plain-fieldset">
                    <legend>{move || i18n.t(PtKey::AcceptHow)}</legend>
                    <label class="check" for="who-new">
                        <input type="radio" id="who-new" name="who" prop:checked=move || who.get() == Who::New on:change=move |_| who.set(Who::New)/>
                        <span>{move || i18n.t(PtKey::AcceptNew)}</span>
                    </label>
                    <label class="check" for="who-known">
                        <input type="radio" id="who-known" name="who" prop:checked=move || who.get() == Who::Known on:change=move |_| who.set(Who::Known)/>
                        <span>{move || i18n.t(PtKey::AcceptKnown)}</span>
                    </label>
                </fieldset>
                {move || match who.get() {
                    Who::New => view! {
                        <TextField id="last_name" label=PtKey::LastName value=last_name error=err("last_name")/>
                        <SelectField id="profile" label=PtKey::Profile value=profile options=categories.clone() empty=PtKey::Profile required=true error=err("profile")/>
                        <Show when=move || profile.get() == Category::Newcomer.as_str()>
                            <TextField id="arrival_year" label=PersonKey::ArrivalYear input_type="number" value=arrival error=err("arrival_year")/>
                        </Show>
                    }.into_any(),
                    Who::Known => view! {
                        {move || chosen.get().map(|p| view! {
                            <p class="alert alert-ok">{i18n.tf(PtKey::Chosen, &[("name", &p.display_name)])}</p>
                        })}
                        {move || err("person_id").get().map(|m| view! { <p class="field-error" id="person_id-error">{m}</p> })}
                        <PersonSearch
                            id="known"
                            label=PtKey::FindPerson
                            action=PtKey::ThisIsThem
                            action_named=PtKey::ThisIsThemNamed
                            on_choose=Callback::new(move |p: PersonSummary| { errors.set(FormErrors::default()); chosen.set(Some(p)); })
                        />
                    }.into_any(),
                }}
            })}
            <TextAreaField id="staff_note" label=PtKey::StaffNote hint=PtKey::StaffNoteHint value=note error=err("staff_note")/>
            <p class="partner-will-see">
                {move || i18n.tf(PtKey::PartnerWillSee, &[("status", i18n.t(status_key(to))), ("date", &format_day(i18n.lang.get(), &today))])}
            </p>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || busy.get()>
                    {move || i18n.t(action_key(to))}
                </button>
                <button type="button" class="button" on:click=move |_| cancel.run(())>
                    {move || i18n.t(CommonKey::Cancel)}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_open_referrals_offer_steps_and_none_goes_back_to_received() {
        assert!(next_steps(ReferralStatus::Enrolled).is_empty());
        assert!(next_steps(ReferralStatus::Declined).is_empty());
        for s in ReferralStatus::ALL {
            assert!(!next_steps(*s).contains(&ReferralStatus::Received));
            assert!(!next_steps(*s).contains(s));
        }
        assert!(next_steps(ReferralStatus::Received).contains(&ReferralStatus::Accepted));
        assert!(!next_steps(ReferralStatus::Received).contains(&ReferralStatus::Enrolled));
    }
}
