//! Accompaniment meetings' pure rules: what a meeting must hold, who reads its notes, and the
//! milestone a next step becomes.

use chrono::NaiveDate;
use shared::interlab::{MeetingInput, MilestoneInput, MilestoneOwner};
use uuid::Uuid;

use super::TITLE_MAX;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::{optional_text, required_text};

pub const MEETING_TEXT_MAX: usize = 4000;
pub const ATTENDEES_MAX: usize = 30;
pub const NEXT_STEPS_MAX: usize = 20;

/// A next step as checked and stored; `milestone_id` once it became a milestone.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StepData {
    pub text: String,
    pub due_on: Option<NaiveDate>,
    pub owner: MilestoneOwner,
    pub need_id: Option<Uuid>,
    pub milestone_id: Option<Uuid>,
}

/// A meeting, checked field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingData {
    pub held_on: NaiveDate,
    pub people: Vec<Uuid>,
    pub users: Vec<Uuid>,
    pub words: Option<String>,
    pub notes: Option<String>,
    pub decisions: Option<String>,
    pub next_steps: Vec<StepData>,
}

impl MeetingData {
    /// The same meeting with `person` among those who were there (once).
    pub fn attended_by(&self, person: Uuid) -> MeetingData {
        let mut out = self.clone();
        if !out.people.contains(&person) {
            out.people.push(person);
        }
        out
    }
}

/// Each id once, at most `ATTENDEES_MAX`.
fn ids(v: &mut Validator, field: &str, ids: &[Uuid]) {
    if ids.len() > ATTENDEES_MAX {
        v.add(field, Msg::TooMany(ATTENDEES_MAX));
    }
    for (i, id) in ids.iter().enumerate() {
        if ids[..i].contains(id) {
            v.add(&format!("{field}[{i}]"), Msg::DuplicateEntry);
        }
    }
}

impl MeetingData {
    pub fn parse(input: &MeetingInput) -> Result<Self, ApiError> {
        let mut v = Validator::new();
        ids(&mut v, "attendee_person_ids", &input.attendee_person_ids);
        ids(&mut v, "attendee_user_ids", &input.attendee_user_ids);
        let mut text = |field: &str, raw: &Option<String>| {
            v.check(field, optional_text(raw.as_deref(), MEETING_TEXT_MAX))
                .flatten()
        };
        let words = text("entrepreneur_words", &input.entrepreneur_words);
        let notes = text("notes", &input.notes);
        let decisions = text("decisions", &input.decisions);
        if input.next_steps.len() > NEXT_STEPS_MAX {
            v.add("next_steps", Msg::TooMany(NEXT_STEPS_MAX));
        }
        let mut steps = Vec::new();
        for (i, s) in input.next_steps.iter().enumerate() {
            let text = v.check(
                &format!("next_steps[{i}].text"),
                required_text(&s.text, TITLE_MAX),
            );
            if s.milestone_id.is_some()
                && input.next_steps[..i]
                    .iter()
                    .any(|o| o.milestone_id == s.milestone_id)
            {
                v.add(
                    &format!("next_steps[{i}].milestone_id"),
                    Msg::DuplicateEntry,
                );
            }
            steps.push(StepData {
                text: text.unwrap_or_default(),
                due_on: s.due_on,
                owner: s.owner.unwrap_or(MilestoneOwner::Entrepreneur),
                need_id: s.need_id,
                milestone_id: s.milestone_id,
            });
        }
        v.finish()?;
        Ok(MeetingData {
            held_on: input.held_on,
            people: input.attendee_person_ids.clone(),
            users: input.attendee_user_ids.clone(),
            words,
            notes,
            decisions,
            next_steps: steps,
        })
    }
}

/// Who reads a meeting's notes: InterLab staff (administrators, coordinators), the
/// entrepreneur's own coach, and a mentor who attended that meeting.
pub fn sees_meeting_notes(staff: bool, their_coach: bool, attended: bool) -> bool {
    staff || their_coach || attended
}

/// The milestone a next step becomes: its words, due date, owner and need, to do.
pub fn step_milestone(step: &StepData) -> MilestoneInput {
    MilestoneInput {
        title: step.text.clone(),
        description: None,
        due_on: step.due_on,
        owner: step.owner,
        status: None,
        evidence: None,
        need_id: step.need_id,
    }
}

/// Links kept on a change: each step sent with a `milestone_id` must name one this meeting's
/// steps already became (index of the first one that does not).
pub fn unknown_link(before: &[StepData], after: &[StepData]) -> Option<usize> {
    after.iter().position(|s| {
        s.milestone_id
            .is_some_and(|m| !before.iter().any(|b| b.milestone_id == Some(m)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::interlab::NextStepInput;

    fn input() -> MeetingInput {
        MeetingInput {
            held_on: NaiveDate::from_ymd_opt(2026, 11, 3).unwrap_or_default(),
            attendee_person_ids: vec![],
            attendee_user_ids: vec![],
            entrepreneur_words: Some("  Je veux ouvrir avant l'été.  ".into()),
            notes: None,
            decisions: Some(" ".into()),
            next_steps: vec![NextStepInput {
                text: "Appeler le guichet".into(),
                due_on: None,
                owner: None,
                need_id: None,
                milestone_id: None,
            }],
        }
    }

    #[test]
    fn a_meeting_keeps_trimmed_words_and_a_default_owner() {
        let m = MeetingData::parse(&input()).expect("valid");
        assert_eq!(m.words.as_deref(), Some("Je veux ouvrir avant l'été."));
        assert_eq!(m.decisions, None);
        assert_eq!(m.next_steps[0].owner, MilestoneOwner::Entrepreneur);
    }

    #[test]
    fn bad_fields_are_named() {
        let id = Uuid::now_v7();
        let mut i = input();
        i.attendee_person_ids = vec![id, id];
        i.notes = Some("x".repeat(MEETING_TEXT_MAX + 1));
        i.next_steps[0].text = "  ".into();
        let Err(ApiError::Validation(errors)) = MeetingData::parse(&i) else {
            panic!("refused");
        };
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            ["attendee_person_ids[1]", "notes", "next_steps[0].text"]
        );
    }

    #[test]
    fn a_mentor_who_records_a_meeting_was_there_once() {
        let mentor = Uuid::now_v7();
        let m = MeetingData::parse(&input()).expect("valid");
        let with = m.attended_by(mentor);
        assert_eq!(with.people, vec![mentor]);
        assert_eq!(with.attended_by(mentor).people, vec![mentor]);
        assert_eq!(with.next_steps, m.next_steps);
    }

    #[test]
    fn notes_are_for_staff_the_coach_and_mentors_who_were_there() {
        assert!(sees_meeting_notes(true, false, false));
        assert!(sees_meeting_notes(false, true, false));
        assert!(sees_meeting_notes(false, false, true));
        assert!(!sees_meeting_notes(false, false, false));
    }

    #[test]
    fn a_step_becomes_a_milestone_to_do() {
        let m = MeetingData::parse(&input()).expect("valid");
        let ms = step_milestone(&m.next_steps[0]);
        assert_eq!(ms.title, "Appeler le guichet");
        assert_eq!(ms.status, None);
        assert_eq!(ms.owner, MilestoneOwner::Entrepreneur);
    }

    #[test]
    fn only_existing_links_are_kept() {
        let linked = Uuid::now_v7();
        let step = |m: Option<Uuid>| StepData {
            text: "x".into(),
            due_on: None,
            owner: MilestoneOwner::Coach,
            need_id: None,
            milestone_id: m,
        };
        let before = [step(Some(linked)), step(None)];
        assert_eq!(
            unknown_link(&before, &[step(None), step(Some(linked))]),
            None
        );
        assert_eq!(
            unknown_link(&before, &[step(Some(Uuid::now_v7()))]),
            Some(0)
        );
    }
}
