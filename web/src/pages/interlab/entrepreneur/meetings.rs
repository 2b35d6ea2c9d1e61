//! The entrepreneur page's accompaniment meetings: the form (the day, who was there, the
//! person's own words, notes, decisions, next steps) and the list, where a next step becomes a
//! milestone of the path in one click.

use leptos::prelude::*;
use shared::auth::Role;
use shared::interlab::{
    Entrepreneur, Meeting, MeetingInput, Milestone, MilestoneOwner, NextStepInput,
};
use uuid::Uuid;

use crate::api::{use_api, FormErrors};
use crate::components::dom::{focus_first_error, focus_id, focus_id_later};
use crate::components::form::{use_submit, ErrorAlert, TextAreaField, TextField};
use crate::components::load::load_state;
use crate::i18n::common::CommonKey;
use crate::i18n::interlab::{owner_key, IlKey};
use crate::i18n::interlab_follow::IlfKey;
use crate::locale::use_i18n;
use crate::pages::interlab::{
    current_role, date_value, format_date, opt_text, parse_date, today_in_brussels,
};

/// At most this many next steps in the form (the API takes more; a meeting rarely has five).
pub const STEPS_MAX: usize = 5;

/// The form's inputs, by the names the API uses for its field errors.
pub const MEETING_FIELDS: [&str; 16] = [
    "held_on",
    "entrepreneur_words",
    "notes",
    "decisions",
    "next_steps[0].text",
    "next_steps[0].due_on",
    "next_steps[1].text",
    "next_steps[1].due_on",
    "next_steps[2].text",
    "next_steps[2].due_on",
    "next_steps[3].text",
    "next_steps[3].due_on",
    "next_steps[4].text",
    "next_steps[4].due_on",
    "attendee_person_ids",
    "attendee_user_ids",
];

/// A next step as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepTyped {
    pub text: String,
    pub due_on: String,
    pub owner: String,
}

impl StepTyped {
    fn is_blank(&self) -> bool {
        self.text.trim().is_empty() && self.due_on.trim().is_empty()
    }
}

/// The meeting as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingTyped {
    pub held_on: String,
    pub people: Vec<Uuid>,
    pub users: Vec<Uuid>,
    pub words: String,
    pub notes: String,
    pub decisions: String,
    /// Blank rows are left out (the form drops them before sending, so the API's indices match
    /// the rows shown).
    pub steps: Vec<StepTyped>,
}

impl MeetingTyped {
    /// The request body, or the names of the fields that cannot be sent as typed.
    pub fn input(&self) -> Result<MeetingInput, Vec<&'static str>> {
        let mut bad = Vec::new();
        let held_on = parse_date(&self.held_on);
        if held_on.is_none() {
            bad.push("held_on");
        }
        let mut steps = Vec::new();
        for (i, s) in self.steps.iter().filter(|s| !s.is_blank()).enumerate() {
            let due_on = match s.due_on.trim() {
                "" => None,
                v => {
                    let d = parse_date(v);
                    if d.is_none() {
                        bad.push(MEETING_FIELDS[5 + 2 * i.min(STEPS_MAX - 1)]);
                    }
                    d
                }
            };
            if s.text.trim().is_empty() {
                bad.push(MEETING_FIELDS[4 + 2 * i.min(STEPS_MAX - 1)]);
            }
            steps.push(NextStepInput {
                text: s.text.trim().to_string(),
                due_on,
                owner: s.owner.parse::<MilestoneOwner>().ok(),
                need_id: None,
                milestone_id: None,
            });
        }
        match held_on {
            Some(held_on) if bad.is_empty() => Ok(MeetingInput {
                held_on,
                attendee_person_ids: self.people.clone(),
                attendee_user_ids: self.users.clone(),
                entrepreneur_words: opt_text(&self.words),
                notes: opt_text(&self.notes),
                decisions: opt_text(&self.decisions),
                next_steps: steps,
            }),
            _ => Err(bad),
        }
    }
}

/// One row of next step in the form (its inputs' values).
#[derive(Clone, Copy)]
struct StepRow {
    text: RwSignal<String>,
    due_on: RwSignal<String>,
    owner: RwSignal<String>,
}

impl StepRow {
    fn new() -> Self {
        StepRow {
            text: RwSignal::new(String::new()),
            due_on: RwSignal::new(String::new()),
            owner: RwSignal::new(MilestoneOwner::Entrepreneur.as_str().into()),
        }
    }

    fn typed(self) -> StepTyped {
        StepTyped {
            text: self.text.get_untracked(),
            due_on: self.due_on.get_untracked(),
            owner: self.owner.get_untracked(),
        }
    }
}

/// The meetings card of the entrepreneur's page; `path_changed` is called when a next step
/// became a milestone.
#[component]
pub fn MeetingsSection(e: Entrepreneur, path_changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = e.id;
    let meetings = LocalResource::new(move || async move { api.interlab_meetings(id).await });
    let open = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let saved = Callback::new(move |msg: String| {
        status.set(Some(msg));
        open.set(false);
        meetings.refetch();
    });
    let became = Callback::new(move |msg: String| {
        status.set(Some(msg));
        meetings.refetch();
        path_changed.run(());
    });
    let e = StoredValue::new(e);
    view! {
        <section class="card il-wide il-meetings" aria-labelledby="meetings-title">
            <div class="section-head">
                <h2 id="meetings-title">{move || i18n.t(IlfKey::MeetingsTitle)}</h2>
                <button
                    type="button"
                    class="button"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    on:click=move |_| {
                        status.set(None);
                        open.set(true);
                        focus_id_later("held_on");
                    }
                >
                    {move || i18n.t(IlfKey::NewMeeting)}
                </button>
            </div>
            <crate::components::StatusMessage message=status/>
            <Show when=move || open.get()>
                <MeetingForm e=e.get_value() saved=saved cancel=Callback::new(move |_| open.set(false))/>
            </Show>
            {move || load_state(meetings.get(), move || meetings.refetch(), move |list| {
                view! { <MeetingList id=id meetings=list became=became/> }.into_any()
            })}
        </section>
    }
}

#[component]
fn MeetingForm(e: Entrepreneur, saved: Callback<String>, cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = e.id;
    let me = api.session.user();
    // As the API decides: the team, the entrepreneur's coach, and a mentor (who was there).
    let may_write_notes = current_role()
        .is_some_and(|r| matches!(r, Role::Admin | Role::Coordinator | Role::Mentor))
        || (e.coach_id.is_some() && e.coach_id == me.as_ref().map(|u| u.id));
    let held_on = RwSignal::new(date_value(Some(today_in_brussels())));
    let with_person = RwSignal::new(true);
    let with_me = RwSignal::new(true);
    let coach = e
        .coach_id
        .zip(e.coach_name.clone())
        .filter(|(c, _)| me.as_ref().map(|u| u.id) != Some(*c));
    let with_coach = RwSignal::new(false);
    let (words, notes, decisions) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let steps = RwSignal::new(vec![StepRow::new()]);
    let errors = RwSignal::new(FormErrors::default());
    let local = RwSignal::new(Vec::<&'static str>::new());
    let submit = use_submit(
        errors,
        &MEETING_FIELDS,
        move |body: MeetingInput| async move { api.record_meeting(id, &body).await },
        move |_: Meeting| saved.run(i18n.t(IlfKey::MeetingSaved).to_string()),
    );
    let pending = submit.pending();
    let field = move |name: &'static str| {
        Signal::derive(move || {
            if local.with(|l| l.contains(&name)) {
                Some(i18n.t(CommonKey::CheckValue).to_string())
            } else {
                errors.with(|e| e.field(name))
            }
        })
    };
    let (person_id, me_id, coach_id) = (
        e.person_id,
        me.as_ref().map(|u| u.id),
        coach.as_ref().map(|c| c.0),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Blank rows go first, so that the rows shown are the steps sent (same indices).
        steps.update(|rows| {
            rows.retain(|r| !r.typed().is_blank());
            if rows.is_empty() {
                rows.push(StepRow::new());
            }
        });
        let mut users = Vec::new();
        if with_me.get_untracked() {
            users.extend(me_id);
        }
        if with_coach.get_untracked() {
            users.extend(coach_id);
        }
        let typed = MeetingTyped {
            held_on: held_on.get_untracked(),
            people: if with_person.get_untracked() {
                vec![person_id]
            } else {
                Vec::new()
            },
            users,
            words: words.get_untracked(),
            notes: if may_write_notes {
                notes.get_untracked()
            } else {
                String::new()
            },
            decisions: decisions.get_untracked(),
            steps: steps
                .get_untracked()
                .into_iter()
                .map(StepRow::typed)
                .collect(),
        };
        match typed.input() {
            Ok(body) => {
                local.set(Vec::new());
                submit.dispatch(body);
            }
            Err(bad) => {
                local.set(bad);
                focus_first_error();
            }
        }
    };
    let person_name = e.display_name.clone();
    let my_name = me.map(|u| u.display_name).unwrap_or_default();
    view! {
        <form class="form il-form meeting-form" on:submit=on_submit novalidate=true>
            <h3>{move || i18n.t(IlfKey::NewMeeting)}</h3>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <TextField id="held_on" label=IlfKey::HeldOn input_type="date" value=held_on required=true error=field("held_on")/>
            <fieldset class="choice attendees">
                <legend>{move || i18n.t(IlfKey::WhoWasThere)}</legend>
                <label class="check" for="attendee-person">
                    <input type="checkbox" id="attendee-person" bind:checked=with_person/>
                    <bdi>{person_name}</bdi>
                </label>
                <label class="check" for="attendee-me">
                    <input type="checkbox" id="attendee-me" bind:checked=with_me/>
                    <span>{move || i18n.tf(IlfKey::Me, &[("name", &my_name)])}</span>
                </label>
                {coach.map(|(_, name)| view! {
                    <label class="check" for="attendee-coach">
                        <input type="checkbox" id="attendee-coach" bind:checked=with_coach/>
                        <span>{move || i18n.tf(IlfKey::CoachOf, &[("name", &name)])}</span>
                    </label>
                })}
            </fieldset>
            <TextAreaField id="entrepreneur_words" label=IlfKey::TheirWords value=words rows=3 error=field("entrepreneur_words")/>
            {may_write_notes.then(|| view! {
                <TextAreaField id="notes" label=IlfKey::Notes hint=IlfKey::NotesHint value=notes rows=3 error=field("notes")/>
            })}
            <TextAreaField id="decisions" label=IlfKey::Decisions value=decisions rows=2 error=field("decisions")/>
            <h4 class="small-heading">{move || i18n.t(IlfKey::NextSteps)}</h4>
            {move || {
                let rows = steps.get();
                let count = rows.len();
                rows.into_iter().enumerate().map(|(i, row)| {
                    view! { <StepInputs i=i row=row count=count steps=steps errors=errors local=local/> }
                }).collect_view()
            }}
            <p>
                <button
                    type="button"
                    class="button small-button add-step"
                    disabled=move || steps.with(|s| s.len() >= STEPS_MAX)
                    on:click=move |_| {
                        let n = steps.with_untracked(Vec::len);
                        steps.update(|s| s.push(StepRow::new()));
                        let id = format!("step-text-{n}");
                        request_animation_frame(move || {
                            focus_id(&id);
                        });
                    }
                >
                    {move || i18n.t(IlfKey::AddStep)}
                </button>
            </p>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(IlfKey::SaveMeeting) }}
                </button>
                <button type="button" class="button" on:click=move |_| cancel.run(())>
                    {move || i18n.t(CommonKey::Cancel)}
                </button>
            </div>
        </form>
    }
}

/// The inputs of the `i`-th next step, in a fieldset named "Step n".
#[component]
fn StepInputs(
    i: usize,
    row: StepRow,
    count: usize,
    steps: RwSignal<Vec<StepRow>>,
    errors: RwSignal<FormErrors>,
    local: RwSignal<Vec<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let field = move |name: &'static str| {
        Signal::derive(move || {
            if local.with(|l| l.contains(&name)) {
                Some(i18n.t(CommonKey::CheckValue).to_string())
            } else {
                errors.with(|e| e.field(name))
            }
        })
    };
    let n = (i + 1).to_string();
    let slot = i.min(STEPS_MAX - 1);
    let text_error = field(MEETING_FIELDS[4 + 2 * slot]);
    let due_error = field(MEETING_FIELDS[5 + 2 * slot]);
    let (text_id, due_id, owner_id) = (
        format!("step-text-{i}"),
        format!("step-due-{i}"),
        format!("step-owner-{i}"),
    );
    let (text_err_id, due_err_id) = (format!("{text_id}-error"), format!("{due_id}-error"));
    let (t1, d1) = (text_err_id.clone(), due_err_id.clone());
    let n2 = n.clone();
    let owners = MilestoneOwner::ALL.iter().map(|&o| {
        let v = o.as_str();
        view! { <option value=v selected=move || row.owner.with(|cur| cur == v)>{move || i18n.t(owner_key(o))}</option> }
    }).collect_view();
    view! {
        <fieldset class="next-step">
            <legend>{move || i18n.tf(IlfKey::StepN, &[("n", &n)])}</legend>
            <div class="form-grid">
                <div class="field" class:field-invalid=move || text_error.with(Option::is_some)>
                    <label for=text_id.clone()>{move || i18n.t(IlfKey::StepText)}</label>
                    <input
                        type="text"
                        id=text_id.clone()
                        aria-invalid=move || text_error.with(Option::is_some).then_some("true")
                        aria-describedby=move || text_error.with(Option::is_some).then(|| t1.clone())
                        bind:value=row.text
                    />
                    {move || text_error.get().map(|m| view! { <p class="field-error" id=text_err_id.clone()>{m}</p> })}
                </div>
                <div class="field" class:field-invalid=move || due_error.with(Option::is_some)>
                    <label for=due_id.clone()>{move || i18n.t(IlfKey::StepDue)}</label>
                    <input
                        type="date"
                        id=due_id.clone()
                        aria-invalid=move || due_error.with(Option::is_some).then_some("true")
                        aria-describedby=move || due_error.with(Option::is_some).then(|| d1.clone())
                        bind:value=row.due_on
                    />
                    {move || due_error.get().map(|m| view! { <p class="field-error" id=due_err_id.clone()>{m}</p> })}
                </div>
                <div class="field">
                    <label for=owner_id.clone()>{move || i18n.t(IlKey::Owner)}</label>
                    <select id=owner_id on:change=move |ev| row.owner.set(event_target_value(&ev))>{owners}</select>
                </div>
            </div>
            {(count > 1).then(|| view! {
                <button
                    type="button"
                    class="button small-button remove-step"
                    on:click=move |_| steps.update(|s| { if i < s.len() { s.remove(i); } })
                >
                    {move || i18n.tf(IlfKey::RemoveStep, &[("n", &n2)])}
                </button>
            })}
        </fieldset>
    }
}

/// The meetings, the latest first, each next step with "make it a milestone" in one click.
#[component]
fn MeetingList(id: Uuid, meetings: Vec<Meeting>, became: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let errors = RwSignal::new(FormErrors::default());
    let make = use_submit(
        errors,
        &[],
        move |(meeting, index): (Uuid, u32)| async move {
            api.next_step_milestone(id, meeting, index).await
        },
        move |m: Milestone| became.run(i18n.tf(IlfKey::BecameMilestone, &[("name", &m.title)])),
    );
    let busy = make.pending();
    if meetings.is_empty() {
        return view! { <p class="muted">{move || i18n.t(IlfKey::NoMeetings)}</p> }.into_any();
    }
    let items = meetings
        .into_iter()
        .map(|m| {
            let (mid, held_on) = (m.id, m.held_on);
            let names = m.attendees.iter().map(|a| a.name.clone()).collect::<Vec<_>>().join(", ");
            let steps = m.next_steps.clone().into_iter().map(|s| {
                let text = s.text.clone();
                let index = s.index;
                let owner = s.owner;
                let action = match s.milestone_id {
                    Some(_) => view! { <span class="badge ms-done">{move || i18n.t(IlfKey::OnThePath)}</span> }.into_any(),
                    None => {
                        let label = text.clone();
                        view! {
                            <button
                                type="button"
                                class="button small-button make-milestone"
                                aria-label=move || i18n.tf(IlfKey::MakeMilestoneNamed, &[("name", &label)])
                                disabled=move || busy.get()
                                on:click=move |_| make.dispatch((mid, index))
                            >
                                {move || i18n.t(IlfKey::MakeMilestone)}
                            </button>
                        }.into_any()
                    }
                };
                view! {
                    <li class="next-step-item">
                        <span class="step-text">{text}</span>
                        " "
                        <span class="muted small">
                            {move || i18n.t(owner_key(owner))}
                            {s.due_on.map(|d| view! { " · " {move || i18n.tf(IlKey::DueOn, &[("date", &format_date(i18n.lang.get(), d))])} })}
                        </span>
                        " "
                        {action}
                    </li>
                }
            }).collect_view();
            let has_steps = !m.next_steps.is_empty();
            view! {
                <li class="meeting">
                    <h3 class="small-heading">{move || i18n.tf(IlfKey::MeetingOn, &[("date", &format_date(i18n.lang.get(), held_on))])}</h3>
                    {(!names.is_empty()).then(|| view! { <p class="muted small">{move || i18n.tf(IlfKey::Attendees, &[("names", &names)])}</p> })}
                    {m.entrepreneur_words.clone().map(|w| view! {
                        <p class="small-heading">{move || i18n.t(IlfKey::InTheirWords)}</p>
                        <blockquote class="their-words prewrap">{w}</blockquote>
                    })}
                    {match (m.notes.clone(), m.notes_hidden) {
                        (Some(n), _) => Some(view! {
                            <p class="small-heading">{move || i18n.t(IlfKey::Notes)}</p>
                            <p class="prewrap meeting-notes">{n}</p>
                        }.into_any()),
                        (None, true) => Some(view! { <p class="muted small">{move || i18n.t(IlfKey::NotesHidden)}</p> }.into_any()),
                        (None, false) => None,
                    }}
                    {m.decisions.clone().map(|d| view! {
                        <p class="small-heading">{move || i18n.t(IlfKey::Decisions)}</p>
                        <p class="prewrap">{d}</p>
                    })}
                    {has_steps.then(|| view! {
                        <p class="small-heading">{move || i18n.t(IlfKey::NextSteps)}</p>
                        <ul class="plain next-steps">{steps}</ul>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
        <ul class="plain meetings">{items}</ul>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed() -> MeetingTyped {
        MeetingTyped {
            held_on: "2027-02-03".into(),
            people: vec![Uuid::from_u128(1)],
            users: vec![Uuid::from_u128(2)],
            words: " Je veux ouvrir avant l'été. ".into(),
            notes: String::new(),
            decisions: "Aller au guichet".into(),
            steps: vec![
                StepTyped {
                    text: "Prendre rendez-vous au guichet".into(),
                    due_on: "2027-02-20".into(),
                    owner: "coach".into(),
                },
                StepTyped::default(),
            ],
        }
    }

    #[test]
    fn a_meeting_sends_its_steps_and_leaves_blank_ones_out() {
        let body = typed().input().unwrap_or_else(|bad| panic!("{bad:?}"));
        assert_eq!(
            body.entrepreneur_words.as_deref(),
            Some("Je veux ouvrir avant l'été.")
        );
        assert_eq!(body.notes, None);
        assert_eq!(body.next_steps.len(), 1);
        let step = &body.next_steps[0];
        assert_eq!(step.owner, Some(MilestoneOwner::Coach));
        assert_eq!(step.due_on, chrono::NaiveDate::from_ymd_opt(2027, 2, 20));
        assert_eq!(body.attendee_person_ids, vec![Uuid::from_u128(1)]);
    }

    #[test]
    fn a_step_with_a_date_but_no_words_and_a_bad_day_are_refused_before_sending() {
        let mut t = typed();
        t.held_on = "03/02/2027".into();
        t.steps[1] = StepTyped {
            text: " ".into(),
            due_on: "2027-13-01".into(),
            owner: "entrepreneur".into(),
        };
        assert_eq!(
            t.input(),
            Err(vec![
                "held_on",
                "next_steps[1].due_on",
                "next_steps[1].text"
            ])
        );
    }
}
