//! Self-assessments of the two people at the start (`before`) and at the end (`after`) of the
//! duo: the newcomer's confidence speaking French and how many people they can ask for help,
//! the local's intercultural understanding and, at the end, what they learnt.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::duo::{AssessmentPhase, DuoStatus, SelfAssessment, SelfAssessmentInput};
use shared::people::Category;
use uuid::Uuid;

use super::{format_date, today_in_brussels};
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
use crate::i18n::duo::DuoKey;
use crate::i18n::vocabulary::VocabKey;
use crate::i18n::Text;
use crate::locale::use_i18n;

/// The inputs of the form, by the names the API uses for its field errors.
pub const ASSESSMENT_FIELDS: [&str; 7] = [
    "side",
    "phase",
    "assessed_on",
    "french_confidence",
    "help_contacts",
    "intercultural_understanding",
    "learnt",
];

/// Whether a phase can be recorded in this state (as the API decides).
pub fn phase_open(phase: AssessmentPhase, status: DuoStatus) -> bool {
    match phase {
        AssessmentPhase::Before => matches!(
            status,
            DuoStatus::Introduced | DuoStatus::Active | DuoStatus::Paused | DuoStatus::Ended
        ),
        AssessmentPhase::After => matches!(
            status,
            DuoStatus::Active | DuoStatus::Paused | DuoStatus::Ended
        ),
    }
}

pub fn phase_key(p: AssessmentPhase) -> DuoKey {
    match p {
        AssessmentPhase::Before => DuoKey::PhaseBefore,
        AssessmentPhase::After => DuoKey::PhaseAfter,
    }
}

/// The form as typed; each side sends its own questions only.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AssessmentDraft {
    pub side: String,
    pub phase: String,
    pub assessed_on: String,
    pub french_confidence: String,
    pub help_contacts: String,
    pub intercultural_understanding: String,
    pub learnt: String,
}

impl AssessmentDraft {
    pub fn input(&self) -> Result<SelfAssessmentInput, Vec<&'static str>> {
        let mut bad = Vec::new();
        let side = self.side.parse::<Category>();
        if side.is_err() {
            bad.push("side");
        }
        let phase = self.phase.parse::<AssessmentPhase>();
        if phase.is_err() {
            bad.push("phase");
        }
        let assessed_on = match self.assessed_on.trim() {
            "" => None,
            v => match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    bad.push("assessed_on");
                    None
                }
            },
        };
        let (Ok(side), Ok(phase)) = (side, phase) else {
            return Err(bad);
        };
        // Empty: left to the API, which says it is required.
        let mut number = |field: &'static str, s: &str| match s.trim() {
            "" => None,
            v => match v.parse::<i32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    bad.push(field);
                    None
                }
            },
        };
        let mut out = SelfAssessmentInput {
            side,
            phase,
            assessed_on,
            french_confidence: None,
            help_contacts: None,
            intercultural_understanding: None,
            learnt: None,
        };
        match side {
            Category::Newcomer => {
                out.french_confidence = number("french_confidence", &self.french_confidence);
                out.help_contacts = number("help_contacts", &self.help_contacts);
            }
            Category::Local => {
                out.intercultural_understanding = number(
                    "intercultural_understanding",
                    &self.intercultural_understanding,
                );
                if phase == AssessmentPhase::After {
                    out.learnt = Some(self.learnt.trim().to_string()).filter(|s| !s.is_empty());
                }
            }
        }
        if bad.is_empty() {
            Ok(out)
        } else {
            Err(bad)
        }
    }
}

#[component]
pub fn AssessmentsCard(
    id: Uuid,
    state: DuoStatus,
    manages: bool,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let saved = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        saved.track();
        async move { api.duo_assessments(id).await }
    });
    view! {
        <section class="card assessments-card" aria-labelledby="assessments-title">
            <h2 id="assessments-title">{move || i18n.t(DuoKey::SelfAssessments)}</h2>
            <p class="muted small">{move || i18n.t(DuoKey::SelfAssessmentsIntro)}</p>
            {move || match list.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => load_error(&err, move || list.refetch()),
                Some(Ok(items)) => view! { <AssessmentTable items=items/> }.into_any(),
            }}
            {(manages && phase_open(AssessmentPhase::Before, state)).then(|| view! {
                <AssessmentForm id=id state=state on_saved=Callback::new(move |_| {
                    status.set(Some(i18n.t(DuoKey::AssessmentSaved).to_string()));
                    saved.update(|n| *n += 1);
                })/>
            })}
        </section>
    }
}

#[component]
fn AssessmentTable(items: Vec<SelfAssessment>) -> impl IntoView {
    let i18n = use_i18n();
    let find = |side: Category, phase: AssessmentPhase| {
        items
            .iter()
            .find(|a| a.side == side && a.phase == phase)
            .cloned()
    };
    let cell = move |a: Option<SelfAssessment>, what: fn(&SelfAssessment) -> Option<String>| {
        let text = a.as_ref().and_then(what);
        let on = a.as_ref().map(|a| a.assessed_on);
        view! {
            <td>
                {match text {
                    Some(t) => view! { <bdi class="prewrap">{t}</bdi> }.into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
                {on.map(|d| view! { <span class="muted small block">{move || format_date(i18n.lang.get(), d)}</span> })}
            </td>
        }
    };
    type Row = (Category, DuoKey, fn(&SelfAssessment) -> Option<String>);
    let rows: [Row; 4] = [
        (
            Category::Newcomer,
            DuoKey::FrenchConfidence,
            |a: &SelfAssessment| a.french_confidence.map(|v| format!("{v}/5")),
        ),
        (
            Category::Newcomer,
            DuoKey::HelpContacts,
            |a: &SelfAssessment| a.help_contacts.map(|v| v.to_string()),
        ),
        (
            Category::Local,
            DuoKey::InterculturalUnderstanding,
            |a: &SelfAssessment| a.intercultural_understanding.map(|v| format!("{v}/5")),
        ),
        (Category::Local, DuoKey::Learnt, |a: &SelfAssessment| {
            a.learnt.clone()
        }),
    ];
    let body = rows
        .into_iter()
        .map(|(side, label, what)| {
            let before = find(side, AssessmentPhase::Before);
            let after = find(side, AssessmentPhase::After);
            view! {
                <tr>
                    <th scope="row">{move || i18n.t(label)}</th>
                    {cell(before, what)}
                    {cell(after, what)}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="assessments">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(DuoKey::Question)}</th>
                        <th scope="col">{move || i18n.t(DuoKey::PhaseBefore)}</th>
                        <th scope="col">{move || i18n.t(DuoKey::PhaseAfter)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

#[component]
fn AssessmentForm(id: Uuid, state: DuoStatus, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let side = RwSignal::new(Category::Newcomer.as_str().to_string());
    let phase = RwSignal::new(
        if phase_open(AssessmentPhase::After, state) && state == DuoStatus::Ended {
            AssessmentPhase::After
        } else {
            AssessmentPhase::Before
        }
        .as_str()
        .to_string(),
    );
    let assessed_on = RwSignal::new(today_in_brussels().format("%Y-%m-%d").to_string());
    let french = RwSignal::new(String::new());
    let help = RwSignal::new(String::new());
    let understanding = RwSignal::new(String::new());
    let learnt = RwSignal::new(String::new());
    let fields = FieldErrors::new();
    let (errors, local) = (fields.server, fields.local);
    let err = move |name: &'static str| fields.of(i18n, name);
    let send = use_submit(
        errors,
        &ASSESSMENT_FIELDS,
        move |body: SelfAssessmentInput| async move { api.record_duo_assessment(id, &body).await },
        move |_| {
            french.set(String::new());
            help.set(String::new());
            understanding.set(String::new());
            learnt.set(String::new());
            on_saved.run(());
        },
    );
    let pending = send.pending();
    let side_options: Vec<(&'static str, Text)> = vec![
        (Category::Newcomer.as_str(), VocabKey::Newcomer.into()),
        (Category::Local.as_str(), VocabKey::Local.into()),
    ];
    let phase_options: Vec<(&'static str, Text)> = AssessmentPhase::ALL
        .iter()
        .filter(|&&p| phase_open(p, state))
        .map(|&p| (p.as_str(), phase_key(p).into()))
        .collect();
    let scale: Vec<(&'static str, Text)> = vec![
        ("1", DuoKey::Scale1.into()),
        ("2", DuoKey::Scale2.into()),
        ("3", DuoKey::Scale3.into()),
        ("4", DuoKey::Scale4.into()),
        ("5", DuoKey::Scale5.into()),
    ];
    let scale2 = scale.clone();
    let newcomer = move || side.with(|s| s == Category::Newcomer.as_str());
    let at_the_end = move || phase.with(|p| p == AssessmentPhase::After.as_str());
    view! {
        <details class="assessment-form">
            <summary>{move || i18n.t(DuoKey::RecordAssessment)}</summary>
            <form
                class="form"
                novalidate
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    errors.set(FormErrors::default());
                    let draft = AssessmentDraft {
                        side: side.get_untracked(),
                        phase: phase.get_untracked(),
                        assessed_on: assessed_on.get_untracked(),
                        french_confidence: french.get_untracked(),
                        help_contacts: help.get_untracked(),
                        intercultural_understanding: understanding.get_untracked(),
                        learnt: learnt.get_untracked(),
                    };
                    match draft.input() {
                        Ok(body) => {
                            local.set(Vec::new());
                            send.dispatch(body);
                        }
                        Err(bad) => {
                            local.set(bad);
                            focus_first_error();
                        }
                    }
                }
            >
                <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
                <div class="form-grid">
                    <SelectField id="assessment_side" label=DuoKey::Whose value=side options=side_options error=err("side")/>
                    <SelectField id="assessment_phase" label=DuoKey::When value=phase options=phase_options error=err("phase")/>
                    <TextField id="assessed_on" label=DuoKey::AssessedOn value=assessed_on input_type="date" required=true error=err("assessed_on")/>
                </div>
                {move || if newcomer() {
                    let scale = scale.clone();
                    view! {
                        <div class="form-grid">
                            <SelectField id="french_confidence" label=DuoKey::FrenchConfidence value=french options=scale error=err("french_confidence") empty=DuoKey::ChooseOne/>
                            <TextField id="help_contacts" label=DuoKey::HelpContacts value=help input_type="number" required=true error=err("help_contacts") hint=DuoKey::HelpContactsHint/>
                        </div>
                    }.into_any()
                } else {
                    let scale = scale2.clone();
                    view! {
                        <SelectField id="intercultural_understanding" label=DuoKey::InterculturalUnderstanding value=understanding options=scale error=err("intercultural_understanding") empty=DuoKey::ChooseOne/>
                        {move || at_the_end().then(|| view! {
                            <TextAreaField id="learnt" label=DuoKey::Learnt value=learnt error=err("learnt")/>
                        })}
                    }.into_any()
                }}
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(DuoKey::SaveAssessment) }}
                    </button>
                </div>
            </form>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_side_sends_its_own_answers() {
        let draft = AssessmentDraft {
            side: "newcomer".into(),
            phase: "before".into(),
            assessed_on: String::new(),
            french_confidence: "2".into(),
            help_contacts: " 3 ".into(),
            intercultural_understanding: "5".into(),
            learnt: "beaucoup".into(),
        };
        let input = draft
            .input()
            .unwrap_or_else(|bad| panic!("refused: {bad:?}"));
        assert_eq!(
            (input.french_confidence, input.help_contacts),
            (Some(2), Some(3))
        );
        assert_eq!(
            (input.intercultural_understanding, input.learnt),
            (None, None)
        );

        let local_before = AssessmentDraft {
            side: "local".into(),
            ..draft.clone()
        }
        .input()
        .unwrap_or_else(|bad| panic!("refused: {bad:?}"));
        assert_eq!(local_before.intercultural_understanding, Some(5));
        assert_eq!(
            local_before.learnt, None,
            "what they learnt is asked at the end"
        );
        assert_eq!(local_before.french_confidence, None);

        let local_after = AssessmentDraft {
            side: "local".into(),
            phase: "after".into(),
            ..draft.clone()
        }
        .input()
        .map(|i| i.learnt);
        assert_eq!(local_after, Ok(Some("beaucoup".into())));

        let bad = AssessmentDraft {
            help_contacts: "trois".into(),
            assessed_on: "demain".into(),
            ..draft
        };
        assert_eq!(bad.input(), Err(vec!["assessed_on", "help_contacts"]));
    }

    #[test]
    fn the_end_is_recorded_once_the_duo_runs() {
        assert!(phase_open(AssessmentPhase::Before, DuoStatus::Introduced));
        assert!(!phase_open(AssessmentPhase::After, DuoStatus::Introduced));
        assert!(phase_open(AssessmentPhase::After, DuoStatus::Ended));
        assert!(!phase_open(AssessmentPhase::Before, DuoStatus::Proposed));
    }
}
