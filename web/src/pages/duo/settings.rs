//! The matching weights: how much each criterion counts and the batch's threshold. Everyone on
//! the team reads them; administrators change them, which saves a new version (each proposal
//! records the version that produced it). Below them, the communes and their neighbours.

use leptos::prelude::*;
use shared::duo::MatchingSettings;

use super::communes::CommunesSection;
use super::{format_number, parse_number, Criterion, DuoTabs, Tab, WeightsList};
use crate::api::{use_api, FormErrors};
use crate::components::{Loading, StatusMessage};
use crate::i18n::duo::DuoKey;

use crate::components::dom::focus_first_error;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::TextField;
use crate::components::load::load_error;
use crate::i18n::common::CommonKey;
use crate::locale::{use_i18n, use_page_title};

/// Largest weight the API accepts.
pub const MAX_WEIGHT: f64 = 10.0;
/// Largest threshold (scores are out of 100).
pub const MAX_THRESHOLD: f64 = 100.0;

/// The settings typed in the form, or the fields out of range / not numbers.
pub fn settings_from(
    weights: &[(Criterion, String)],
    threshold: &str,
) -> Result<MatchingSettings, Vec<&'static str>> {
    let mut out = MatchingSettings {
        version: 0,
        interests: 0.0,
        language: 0.0,
        availability: 0.0,
        distance: 0.0,
        hopes: 0.0,
        age: 0.0,
        waiting: 0.0,
        threshold: 0.0,
    };
    let mut bad = Vec::new();
    for (c, text) in weights {
        match parse_number(text).filter(|v| (0.0..=MAX_WEIGHT).contains(v)) {
            Some(v) => c.set_weight(&mut out, v),
            None => bad.push(c.name()),
        }
    }
    match parse_number(threshold).filter(|v| (0.0..=MAX_THRESHOLD).contains(v)) {
        Some(v) => out.threshold = v,
        None => bad.push("threshold"),
    }
    if bad.is_empty() {
        Ok(out)
    } else {
        Err(bad)
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(DuoKey::SettingsTitle);
    let api = use_api();
    let admin = api
        .session
        .user()
        .is_some_and(|u| u.role.manages_accounts());
    let saved = RwSignal::new(None::<MatchingSettings>);
    let status = RwSignal::new(None::<String>);
    let current = LocalResource::new(move || async move { api.duo_settings().await });
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{move || i18n.t(DuoKey::SettingsTitle)}</h1>
            <p class="lead">{move || i18n.t(DuoKey::SettingsIntro)}</p>
            <DuoTabs current=Some(Tab::Settings)/>
            <StatusMessage message=status/>
            {move || match (saved.get(), current.get()) {
                (Some(s), _) | (None, Some(Ok(s))) => {
                    if admin {
                        view! { <SettingsForm s=s saved=saved status=status/> }.into_any()
                    } else {
                        view! {
                            <section class="card" aria-labelledby="weights-title">
                                <h2 id="weights-title">{move || i18n.tf(DuoKey::WeightsVersionN, &[("version", &s.version.to_string())])}</h2>
                                <WeightsList settings=s/>
                                <p class="muted small">{move || i18n.t(DuoKey::OnlyAdminsChange)}</p>
                            </section>
                        }.into_any()
                    }
                }
                (None, None) => view! { <Loading/> }.into_any(),
                (None, Some(Err(err))) => load_error(&err, move || current.refetch()),
            }}
            <CommunesSection admin=admin status=status/>
        </section>
    }
}

/// The form's fields: the criteria's weights, then the threshold.
const FIELDS: [&str; 8] = [
    "interests",
    "language",
    "availability",
    "distance",
    "hopes",
    "age",
    "waiting",
    "threshold",
];

#[component]
fn SettingsForm(
    s: MatchingSettings,
    saved: RwSignal<Option<MatchingSettings>>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let version = s.version;
    let weights: Vec<(Criterion, RwSignal<String>)> = Criterion::ALL
        .iter()
        .map(|&c| (c, RwSignal::new(format_number(c.weight(&s)))))
        .collect();
    let threshold = RwSignal::new(format_number(s.threshold));
    let errors = RwSignal::new(FormErrors::default());
    let local = RwSignal::new(Vec::<&'static str>::new());
    let err = move |name: &'static str, range: DuoKey| {
        Signal::derive(move || {
            if local.with(|l| l.contains(&name)) {
                Some(i18n.t(range).to_string())
            } else {
                errors.with(|e| e.field(name))
            }
        })
    };
    let save = use_submit(
        errors,
        &FIELDS,
        move |body: MatchingSettings| async move { api.save_duo_settings(&body).await },
        move |s| {
            status.set(Some(i18n.tf(
                DuoKey::SettingsSaved,
                &[("version", &s.version.to_string())],
            )));
            saved.set(Some(s));
        },
    )
    .on_refused(move |_| {
        // The previous "saved" message no longer holds; the messages show as usual.
        status.set(None);
        false
    });
    let pending = save.pending();
    let weights_for_submit = weights.clone();
    let inputs = weights
        .into_iter()
        .map(|(c, value)| {
            view! {
                <TextField
                    id=c.name()
                    label=c.key()
                    value=value
                    input_type="number"
                    hint=DuoKey::WeightHint
                    error=err(c.name(), DuoKey::WeightRange)
                />
            }
        })
        .collect_view();
    view! {
        <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
        <form
            class="form card settings-form"
            novalidate
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let typed: Vec<(Criterion, String)> = weights_for_submit
                    .iter()
                    .map(|(c, v)| (*c, v.get_untracked()))
                    .collect();
                errors.set(FormErrors::default());
                match settings_from(&typed, &threshold.get_untracked()) {
                    Ok(body) => {
                        local.set(Vec::new());
                        save.dispatch(body);
                    }
                    Err(bad) => {
                        status.set(None);
                        local.set(bad);
                        focus_first_error();
                    }
                }
            }
        >
            <h2>{move || i18n.tf(DuoKey::WeightsVersionN, &[("version", &version.to_string())])}</h2>
            <fieldset>
                <legend>{move || i18n.t(DuoKey::Weights)}</legend>
                <div class="form-grid weights-grid">{inputs}</div>
            </fieldset>
            <TextField
                id="threshold"
                label=DuoKey::Threshold
                value=threshold
                input_type="number"
                hint=DuoKey::ThresholdHint
                error=err("threshold", DuoKey::ThresholdRange)
            />
            <p class="muted small">{move || i18n.t(DuoKey::NewVersionNote)}</p>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(DuoKey::SaveWeights) }}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_are_the_criteria_then_the_threshold() {
        let names: Vec<&str> = Criterion::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(FIELDS[..7], names[..]);
        assert_eq!(FIELDS[7], "threshold");
    }

    fn typed(values: [&str; 7]) -> Vec<(Criterion, String)> {
        Criterion::ALL
            .iter()
            .zip(values)
            .map(|(c, v)| (*c, v.to_string()))
            .collect()
    }

    #[test]
    fn weights_are_read_with_their_ranges() {
        let s = settings_from(&typed(["3", "2,5", "2", "1.5", "1", "0.5", "1"]), "35")
            .unwrap_or_else(|bad| panic!("refused {bad:?}"));
        assert_eq!((s.interests, s.language, s.age), (3.0, 2.5, 0.5));
        assert_eq!(s.threshold, 35.0);

        let bad = settings_from(&typed(["11", "x", "2", "1.5", "1", "-1", "1"]), "120");
        assert_eq!(
            bad.err(),
            Some(vec!["interests", "language", "age", "threshold"])
        );
    }
}
