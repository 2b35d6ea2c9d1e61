//! A duo's check-ins: the reported meetings and the form to report one.

use super::super::{format_date, today_in_brussels};
use super::takes_check_ins;
use crate::api::{use_api, FormErrors};
use crate::components::dom::focus_first_error;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::FieldErrors;
use crate::components::form::SelectField;
use crate::components::form::TextAreaField;
use crate::components::form::TextField;
use crate::components::load::load_error;
use crate::components::Loading;
use crate::i18n::common::CommonKey;
use crate::i18n::duo::{reporter_key, DuoKey};
use crate::i18n::Text;
use crate::locale::use_i18n;
use chrono::NaiveDate;
use leptos::prelude::*;
use shared::duo::{CheckIn, CheckInInput, DuoStatus, Reporter};
use uuid::Uuid;

/// The check-in form's values, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckInDraft {
    pub met_on: String,
    pub activity: String,
    pub duration: String,
    pub reported_by: String,
    pub satisfaction_newcomer: String,
    pub satisfaction_local: String,
    pub notes: String,
}

/// The inputs of the check-in form, by the names the API uses for its field errors.
pub const CHECK_IN_FIELDS: [&str; 7] = [
    "met_on",
    "activity",
    "duration_minutes",
    "reported_by",
    "satisfaction_newcomer",
    "satisfaction_local",
    "notes",
];

impl CheckInDraft {
    /// The request body, or the fields that cannot be sent as typed.
    pub fn input(&self) -> Result<CheckInInput, Vec<&'static str>> {
        let mut bad = Vec::new();
        let met_on = NaiveDate::parse_from_str(self.met_on.trim(), "%Y-%m-%d");
        if met_on.is_err() {
            bad.push("met_on");
        }
        let duration = match self.duration.trim() {
            "" => None,
            v => match v.parse::<i32>() {
                Ok(m) => Some(m),
                Err(_) => {
                    bad.push("duration_minutes");
                    None
                }
            },
        };
        let reported_by = self.reported_by.parse::<Reporter>();
        if reported_by.is_err() {
            bad.push("reported_by");
        }
        let (Ok(met_on), Ok(reported_by), true) = (met_on, reported_by, bad.is_empty()) else {
            return Err(bad);
        };
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        Ok(CheckInInput {
            met_on,
            activity: self.activity.trim().to_string(),
            duration_minutes: duration,
            reported_by,
            satisfaction_newcomer: self.satisfaction_newcomer.parse().ok(),
            satisfaction_local: self.satisfaction_local.parse().ok(),
            notes: text(&self.notes),
        })
    }
}
/// The reported meetings, and the form to report one.
#[component]
pub(super) fn CheckIns(
    id: Uuid,
    state: DuoStatus,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let added = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        added.track();
        async move { api.duo_check_ins(id).await }
    });
    view! {
        <section class="card check-ins" aria-labelledby="check-ins-title">
            <h2 id="check-ins-title">{move || i18n.t(DuoKey::CheckIns)}</h2>
            {takes_check_ins(state).then(|| view! {
                <CheckInForm id=id on_added=Callback::new(move |_| {
                    status.set(Some(i18n.t(DuoKey::CheckInAdded).to_string()));
                    added.update(|n| *n += 1);
                    reload.run(());
                })/>
            })}
            {move || match list.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => load_error(&err, move || list.refetch()),
                Some(Ok(items)) if items.is_empty() => view! {
                    <p class="muted">{move || i18n.t(DuoKey::NoCheckIns)}</p>
                }.into_any(),
                Some(Ok(items)) => view! {
                    <ul class="check-in-list">
                        {items.into_iter().map(|c| view! { <CheckInItem c=c/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
pub(super) fn CheckInItem(c: CheckIn) -> impl IntoView {
    let i18n = use_i18n();
    let met_on = c.met_on;
    let reporter = c.reported_by;
    let duration = c.duration_minutes;
    let (sn, sl) = (c.satisfaction_newcomer, c.satisfaction_local);
    view! {
        <li class="check-in">
            <p class="check-in-head">
                <strong>{move || format_date(i18n.lang.get(), met_on)}</strong>
                " — "
                <bdi>{c.activity.clone()}</bdi>
            </p>
            <p class="muted small">
                {move || {
                    let mut parts = Vec::new();
                    if let Some(m) = duration {
                        parts.push(i18n.tf(DuoKey::Minutes, &[("minutes", &m.to_string())]));
                    }
                    parts.push(i18n.tf(DuoKey::ReportedByIs, &[("who", i18n.t(reporter_key(reporter)))]));
                    if let Some(s) = sn {
                        parts.push(i18n.tf(DuoKey::SatisfactionNewcomerIs, &[("score", &s.to_string())]));
                    }
                    if let Some(s) = sl {
                        parts.push(i18n.tf(DuoKey::SatisfactionLocalIs, &[("score", &s.to_string())]));
                    }
                    parts.join(" · ")
                }}
            </p>
            {c.notes.clone().map(|n| view! { <p class="prewrap small"><bdi>{n}</bdi></p> })}
        </li>
    }
}

#[component]
pub(super) fn CheckInForm(id: Uuid, on_added: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let fresh = move || CheckInDraft {
        met_on: today_in_brussels().format("%Y-%m-%d").to_string(),
        reported_by: Reporter::Coordinator.as_str().to_string(),
        ..CheckInDraft::default()
    };
    let start = fresh();
    let met_on = RwSignal::new(start.met_on.clone());
    let activity = RwSignal::new(String::new());
    let duration = RwSignal::new(String::new());
    let reported_by = RwSignal::new(start.reported_by.clone());
    let sat_newcomer = RwSignal::new(String::new());
    let sat_local = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let fields = FieldErrors::new();
    let (errors, local) = (fields.server, fields.local);
    let err = move |name: &'static str| fields.of(i18n, name);
    let add = use_submit(
        errors,
        &CHECK_IN_FIELDS,
        move |body: CheckInInput| async move { api.add_duo_check_in(id, &body).await },
        move |_| {
            let f = fresh();
            met_on.set(f.met_on);
            activity.set(String::new());
            duration.set(String::new());
            reported_by.set(f.reported_by);
            sat_newcomer.set(String::new());
            sat_local.set(String::new());
            notes.set(String::new());
            on_added.run(());
        },
    );
    let pending = add.pending();
    let reporter_options: Vec<(&'static str, Text)> = Reporter::ALL
        .iter()
        .map(|&r| (r.as_str(), reporter_key(r).into()))
        .collect();
    let satisfaction_options: Vec<(&'static str, Text)> = vec![
        ("1", DuoKey::Satisfaction1.into()),
        ("2", DuoKey::Satisfaction2.into()),
        ("3", DuoKey::Satisfaction3.into()),
        ("4", DuoKey::Satisfaction4.into()),
        ("5", DuoKey::Satisfaction5.into()),
    ];
    view! {
        <details class="add-check-in">
            <summary>{move || i18n.t(DuoKey::AddCheckIn)}</summary>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <form
                class="form check-in-form"
                novalidate
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    let draft = CheckInDraft {
                        met_on: met_on.get_untracked(),
                        activity: activity.get_untracked(),
                        duration: duration.get_untracked(),
                        reported_by: reported_by.get_untracked(),
                        satisfaction_newcomer: sat_newcomer.get_untracked(),
                        satisfaction_local: sat_local.get_untracked(),
                        notes: notes.get_untracked(),
                    };
                    errors.set(FormErrors::default());
                    match draft.input() {
                        Ok(body) => {
                            local.set(Vec::new());
                            add.dispatch(body);
                        }
                        Err(bad) => {
                            local.set(bad);
                            focus_first_error();
                        }
                    }
                }
            >
                <div class="form-grid">
                    <TextField id="met_on" label=DuoKey::MetOn value=met_on input_type="date" required=true error=err("met_on")/>
                    <TextField id="duration_minutes" label=DuoKey::DurationMinutes value=duration input_type="number" error=err("duration_minutes")/>
                </div>
                <TextField id="activity" label=DuoKey::WhatTheyDid value=activity required=true error=err("activity") hint=DuoKey::WhatTheyDidHint/>
                <div class="form-grid">
                    <SelectField id="reported_by" label=DuoKey::ReportedBy value=reported_by options=reporter_options error=err("reported_by")/>
                    <SelectField id="satisfaction_newcomer" label=DuoKey::SatisfactionNewcomer value=sat_newcomer options=satisfaction_options.clone() error=err("satisfaction_newcomer") empty=DuoKey::NotRated/>
                    <SelectField id="satisfaction_local" label=DuoKey::SatisfactionLocal value=sat_local options=satisfaction_options error=err("satisfaction_local") empty=DuoKey::NotRated/>
                </div>
                <TextAreaField id="notes" label=DuoKey::Notes value=notes error=err("notes")/>
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(DuoKey::SaveCheckIn) }}
                    </button>
                </div>
            </form>
        </details>
    }
}
