//! The trial meeting's feedback of both sides (newcomer, local), recorded by staff once the duo
//! has been introduced, and what it means for the coordinator's decision to confirm.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::duo::{ContinueWish, DuoStatus, TrialFeedback, TrialFeedbackInput};
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
use crate::i18n::common::CommonKey;
use crate::i18n::duo::DuoKey;
use crate::i18n::Text;
use crate::locale::use_i18n;

/// The inputs of the feedback form, by the names the API uses for its field errors.
pub const FEEDBACK_FIELDS: [&str; 4] = ["wants_to_continue", "rating", "notes", "given_on"];

/// The feedback card is shown from the introduction on.
pub fn shows_feedback(status: DuoStatus) -> bool {
    status != DuoStatus::Proposed
}

/// Feedback is recorded between the introduction and the decision.
pub fn takes_feedback(status: DuoStatus) -> bool {
    status == DuoStatus::Introduced
}

pub fn wish_key(w: ContinueWish) -> DuoKey {
    match w {
        ContinueWish::Yes => DuoKey::WishYes,
        ContinueWish::No => DuoKey::WishNo,
        ContinueWish::Unsure => DuoKey::WishUnsure,
    }
}

/// What the feedback so far says about confirming.
pub fn confirm_hint(feedback: &[TrialFeedback]) -> DuoKey {
    let wish = |side| {
        feedback
            .iter()
            .find(|f| f.side == side)
            .map(|f| f.wants_to_continue)
    };
    match (wish(Category::Newcomer), wish(Category::Local)) {
        (Some(ContinueWish::Yes), Some(ContinueWish::Yes)) => DuoKey::BothWantToContinue,
        (Some(ContinueWish::No), _) | (_, Some(ContinueWish::No)) => DuoKey::SomeoneDoesNotWant,
        (Some(_), Some(_)) => DuoKey::SomeoneHesitates,
        _ => DuoKey::FeedbackMissing,
    }
}

/// The feedback form as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeedbackDraft {
    pub wish: String,
    pub rating: String,
    pub notes: String,
    pub given_on: String,
}

impl FeedbackDraft {
    pub fn input(&self, side: Category) -> Result<TrialFeedbackInput, Vec<&'static str>> {
        let mut bad = Vec::new();
        let wish = self.wish.parse::<ContinueWish>();
        if wish.is_err() {
            bad.push("wants_to_continue");
        }
        let rating = self.rating.trim().parse::<i32>();
        if rating.is_err() {
            bad.push("rating");
        }
        let given_on = match self.given_on.trim() {
            "" => None,
            v => match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    bad.push("given_on");
                    None
                }
            },
        };
        let (Ok(wants_to_continue), Ok(rating), true) = (wish, rating, bad.is_empty()) else {
            return Err(bad);
        };
        Ok(TrialFeedbackInput {
            side,
            wants_to_continue,
            rating,
            notes: Some(self.notes.trim().to_string()).filter(|s| !s.is_empty()),
            given_on,
        })
    }
}

fn side_key(side: Category) -> DuoKey {
    match side {
        Category::Newcomer => DuoKey::FeedbackOfNewcomer,
        Category::Local => DuoKey::FeedbackOfLocal,
    }
}

/// Field ids of one side's form (both forms are on the page).
fn ids(side: Category) -> [&'static str; 4] {
    match side {
        Category::Newcomer => [
            "feedback_newcomer_wish",
            "feedback_newcomer_rating",
            "feedback_newcomer_notes",
            "feedback_newcomer_given_on",
        ],
        Category::Local => [
            "feedback_local_wish",
            "feedback_local_rating",
            "feedback_local_notes",
            "feedback_local_given_on",
        ],
    }
}

#[component]
pub fn TrialFeedbackCard(
    id: Uuid,
    feedback: Vec<TrialFeedback>,
    state: DuoStatus,
    manages: bool,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sides = [Category::Newcomer, Category::Local]
        .into_iter()
        .map(|side| {
            let given = feedback.iter().find(|f| f.side == side).cloned();
            let open = manages && takes_feedback(state);
            view! {
                <div class="feedback-side">
                    <h3>{move || i18n.t(side_key(side))}</h3>
                    {match given.clone() {
                        Some(f) => view! { <FeedbackShown f=f/> }.into_any(),
                        None => view! { <p class="muted small">{move || i18n.t(DuoKey::NoFeedbackYet)}</p> }.into_any(),
                    }}
                    {open.then(|| view! {
                        <FeedbackForm id=id side=side replacing=given.is_some() on_saved=Callback::new(move |_| {
                            status.set(Some(i18n.t(DuoKey::FeedbackSaved).to_string()));
                            reload.run(());
                        })/>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="card feedback-card" aria-labelledby="feedback-title">
            <h2 id="feedback-title">{move || i18n.t(DuoKey::TrialFeedback)}</h2>
            <p class="muted small">{move || i18n.t(DuoKey::TrialFeedbackIntro)}</p>
            {sides}
        </section>
    }
}

#[component]
fn FeedbackShown(f: TrialFeedback) -> impl IntoView {
    let i18n = use_i18n();
    let (wish, rating, on) = (f.wants_to_continue, f.rating, f.given_on);
    let by = f.recorded_by_name.clone();
    view! {
        <p class="feedback-answer">
            <strong>{move || i18n.t(wish_key(wish))}</strong>
            " · "
            {move || i18n.tf(DuoKey::RatingIs, &[("rating", &rating.to_string())])}
        </p>
        <p class="muted small">
            {move || i18n.tf(DuoKey::GivenOn, &[("date", &format_date(i18n.lang.get(), on))])}
            {by.map(|who| view! { " · " <bdi>{move || i18n.tf(DuoKey::StepBy, &[("who", &who)])}</bdi> })}
        </p>
        {f.notes.clone().map(|n| view! { <p class="small prewrap"><bdi>{n}</bdi></p> })}
    }
}

#[component]
fn FeedbackForm(
    id: Uuid,
    side: Category,
    replacing: bool,
    on_saved: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let [wish_id, rating_id, notes_id, given_id] = ids(side);
    let wish = RwSignal::new(String::new());
    let rating = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let given_on = RwSignal::new(today_in_brussels().format("%Y-%m-%d").to_string());
    let fields = FieldErrors::new();
    let (errors, local) = (fields.server, fields.local);
    let err = move |name: &'static str| fields.of(i18n, name);
    let send = use_submit(
        errors,
        &FEEDBACK_FIELDS,
        move |body: TrialFeedbackInput| async move { api.record_duo_feedback(id, &body).await },
        move |_| on_saved.run(()),
    );
    let pending = send.pending();
    let wish_options: Vec<(&'static str, Text)> = ContinueWish::ALL
        .iter()
        .map(|&w| (w.as_str(), wish_key(w).into()))
        .collect();
    let rating_options: Vec<(&'static str, Text)> = vec![
        ("1", DuoKey::Rating1.into()),
        ("2", DuoKey::Rating2.into()),
        ("3", DuoKey::Rating3.into()),
        ("4", DuoKey::Rating4.into()),
        ("5", DuoKey::Rating5.into()),
    ];
    view! {
        <details class="feedback-form">
            <summary>{move || i18n.t(if replacing { DuoKey::ChangeFeedback } else { DuoKey::RecordFeedback })}</summary>
            <form
                class="form"
                novalidate
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    errors.set(FormErrors::default());
                    let draft = FeedbackDraft {
                        wish: wish.get_untracked(),
                        rating: rating.get_untracked(),
                        notes: notes.get_untracked(),
                        given_on: given_on.get_untracked(),
                    };
                    match draft.input(side) {
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
                    <SelectField id=wish_id label=DuoKey::WantsToContinue value=wish options=wish_options error=err("wants_to_continue") empty=DuoKey::ChooseOne/>
                    <SelectField id=rating_id label=DuoKey::HowItWent value=rating options=rating_options error=err("rating") empty=DuoKey::ChooseOne/>
                    <TextField id=given_id label=DuoKey::FeedbackDate value=given_on input_type="date" required=true error=err("given_on")/>
                </div>
                <TextAreaField id=notes_id label=DuoKey::Notes value=notes error=err("notes")/>
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(DuoKey::SaveFeedback) }}
                    </button>
                </div>
            </form>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn given(side: Category, wish: ContinueWish) -> TrialFeedback {
        TrialFeedback {
            side,
            person_id: Uuid::nil(),
            wants_to_continue: wish,
            rating: 4,
            notes: None,
            given_on: NaiveDate::default(),
            recorded_by: None,
            recorded_by_name: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn the_confirm_hint_follows_both_answers() {
        use Category::*;
        use ContinueWish::*;
        assert_eq!(confirm_hint(&[]), DuoKey::FeedbackMissing);
        assert_eq!(
            confirm_hint(&[given(Newcomer, Yes)]),
            DuoKey::FeedbackMissing
        );
        assert_eq!(
            confirm_hint(&[given(Newcomer, Yes), given(Local, Yes)]),
            DuoKey::BothWantToContinue
        );
        assert_eq!(
            confirm_hint(&[given(Newcomer, Yes), given(Local, Unsure)]),
            DuoKey::SomeoneHesitates
        );
        assert_eq!(
            confirm_hint(&[given(Local, No)]),
            DuoKey::SomeoneDoesNotWant
        );
        assert!(shows_feedback(DuoStatus::Active) && !shows_feedback(DuoStatus::Proposed));
        assert!(takes_feedback(DuoStatus::Introduced) && !takes_feedback(DuoStatus::Active));
    }

    #[test]
    fn a_feedback_needs_a_wish_and_a_rating() {
        let ok = FeedbackDraft {
            wish: "unsure".into(),
            rating: "3".into(),
            notes: "  ".into(),
            given_on: String::new(),
        }
        .input(Category::Local);
        assert_eq!(
            ok.map(|b| (b.side, b.wants_to_continue, b.rating, b.notes, b.given_on)),
            Ok((Category::Local, ContinueWish::Unsure, 3, None, None))
        );
        let bad = FeedbackDraft {
            wish: String::new(),
            rating: "bien".into(),
            notes: String::new(),
            given_on: "hier".into(),
        };
        assert_eq!(
            bad.input(Category::Newcomer),
            Err(vec!["wants_to_continue", "rating", "given_on"])
        );
    }
}
