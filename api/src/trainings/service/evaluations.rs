//! End-of-course evaluations: personal links (no account; only their hash is kept), answers
//! through a link or entered by staff, results per course and per module with fewer than
//! five answers withheld.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use serde_json::json;
use shared::trainings::{
    EvaluationForm, EvaluationInput, EvaluationLink, EvaluationResults, TraineeStatus,
};
use shared::Lang;
use uuid::Uuid;

use super::courses::load;
use crate::activities::dto::pick;
use crate::audit::{audit_event, Actor, AuditAction};
use crate::db::{stored_id, write_transaction, DbConnection, JsonText};
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::trainings::domain::{self, Answer};
use crate::trainings::store::{self, EvaluationRow, ModuleRow};

/// The public address of a personal evaluation link.
pub fn link_url(public_url: &str, token: &str) -> String {
    format!("{}/evaluations/{token}", public_url.trim_end_matches('/'))
}

fn new_row(course: &str, person: &str) -> EvaluationRow {
    EvaluationRow {
        id: Uuid::now_v7().to_string(),
        course_id: course.to_owned(),
        person_id: person.to_owned(),
        token_hash: None,
        satisfaction: None,
        useful: None,
        objectives: JsonText(vec![]),
        entered_by: None,
        answered_at: None,
        created_at: crate::db::now(),
    }
}

/// Makes a personal link for each trainee holding a seat who has not answered yet (a new link
/// replaces an earlier one). The links are shown once.
pub fn links(
    conn: &mut DbConnection,
    course: Uuid,
    public_url: &str,
    actor: &Actor,
) -> Result<Vec<EvaluationLink>, ApiError> {
    write_transaction(conn, |conn| {
        let l = load(conn, &course.to_string())?;
        let trainees = super::trainees::statuses(conn, &l)?;
        let people: Vec<String> = trainees.iter().map(|(t, _)| t.person_id.clone()).collect();
        let names = crate::people::store::names(conn, &people)?;
        let mut out = Vec::new();
        for (t, status) in trainees {
            if status != TraineeStatus::Registered {
                continue;
            }
            let row = match EvaluationRow::find(conn, &l.course.id, &t.person_id)? {
                Some(r) if r.answered_at.is_some() => continue,
                Some(r) => r,
                None => {
                    let r = new_row(&l.course.id, &t.person_id);
                    r.insert(conn)?;
                    r
                }
            };
            let mut random = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut random);
            let token = URL_SAFE_NO_PAD.encode(random);
            EvaluationRow::set_token(conn, &row.id, &crate::accounts::tokens::hash(&token))?;
            out.push(EvaluationLink {
                person_id: stored_id(&t.person_id)?,
                display_name: names.get(&t.person_id).cloned().unwrap_or_default(),
                url: link_url(public_url, &token),
            });
        }
        audit_event(
            conn,
            actor,
            AuditAction::TrainingEvaluationLinks,
            "training_course",
            &l.course.id,
            json!({ "links": out.len() }),
        )?;
        Ok(out)
    })
}

fn answer_row(
    conn: &mut DbConnection,
    row: &EvaluationRow,
    module: &ModuleRow,
    input: &EvaluationInput,
    by: Option<&str>,
    actor: &Actor,
) -> Result<(), ApiError> {
    let mut v = Validator::new();
    let answer = domain::check_answer(input, module.objectives.0.len(), &mut v);
    v.finish()?;
    let answer = answer.ok_or_else(|| ApiError::field("satisfaction", Msg::Required))?;
    let changed = EvaluationRow::answer(
        conn,
        &row.id,
        answer.satisfaction,
        answer.useful.as_deref(),
        &JsonText(answer.objectives),
        by,
        crate::db::now(),
    )?;
    if changed == 0 {
        return Err(ApiError::Conflict {
            msg: Msg::DuplicateEntry,
            field: None,
        });
    }
    audit_event(
        conn,
        actor,
        AuditAction::TrainingEvaluationAnswered,
        "training_evaluation",
        &row.id,
        json!({ "course": row.course_id, "entered_by_staff": by.is_some() }),
    )
}

/// Staff enter a trainee's paper questionnaire (`person_id` required; once per trainee).
pub fn enter(
    conn: &mut DbConnection,
    course: Uuid,
    input: &EvaluationInput,
    by: &str,
    actor: &Actor,
    lang: Lang,
) -> Result<EvaluationResults, ApiError> {
    write_transaction(conn, |conn| enter_in(conn, course, input, by, actor, lang))
}

/// [`enter`] inside the caller's write transaction (the demo loader).
pub fn enter_in(
    conn: &mut DbConnection,
    course: Uuid,
    input: &EvaluationInput,
    by: &str,
    actor: &Actor,
    lang: Lang,
) -> Result<EvaluationResults, ApiError> {
    let l = load(conn, &course.to_string())?;
    let person = input
        .person_id
        .ok_or_else(|| ApiError::field("person_id", Msg::Required))?
        .to_string();
    let trainee = super::trainees::statuses(conn, &l)?
        .into_iter()
        .any(|(t, s)| t.person_id == person && s != TraineeStatus::Cancelled);
    if !trainee {
        return Err(ApiError::field("person_id", Msg::NotFound));
    }
    let row = match EvaluationRow::find(conn, &l.course.id, &person)? {
        Some(r) => r,
        None => {
            let r = new_row(&l.course.id, &person);
            r.insert(conn)?;
            r
        }
    };
    answer_row(conn, &row, &l.module, input, Some(by), actor)?;
    results_of(conn, &l.module, std::slice::from_ref(&l.course.id), lang)
}

/// What a personal link shows; an unknown link is not found.
pub fn form(conn: &mut DbConnection, token: &str, lang: Lang) -> Result<EvaluationForm, ApiError> {
    let row = EvaluationRow::by_token(conn, &crate::accounts::tokens::hash(token))?
        .ok_or(ApiError::NotFound)?;
    let l = load(conn, &row.course_id)?;
    Ok(EvaluationForm {
        module: pick(&l.module.title.0, lang.code()),
        objectives: l.module.objectives.0.clone(),
        answered: row.answered_at.is_some(),
    })
}

/// The trainee answers through their link (once: a second answer is a conflict).
pub fn submit(
    conn: &mut DbConnection,
    token: &str,
    input: &EvaluationInput,
    actor: &Actor,
) -> Result<(), ApiError> {
    write_transaction(conn, |conn| {
        let row = EvaluationRow::by_token(conn, &crate::accounts::tokens::hash(token))?
            .ok_or(ApiError::NotFound)?;
        if input.person_id.is_some() {
            return Err(ApiError::field("person_id", Msg::InvalidValue));
        }
        let l = load(conn, &row.course_id)?;
        answer_row(conn, &row, &l.module, input, None, actor)
    })
}

fn results_of(
    conn: &mut DbConnection,
    module: &ModuleRow,
    courses: &[String],
    _lang: Lang,
) -> Result<EvaluationResults, ApiError> {
    let answers: Vec<Answer> = EvaluationRow::answered(conn, courses)?
        .into_iter()
        .filter_map(|r| {
            Some(Answer {
                satisfaction: r.satisfaction?,
                useful: r.useful,
                objectives: r.objectives.0,
            })
        })
        .collect();
    Ok(domain::results(&answers, &module.objectives.0))
}

/// Results of one course.
pub fn of_course(
    conn: &mut DbConnection,
    course: Uuid,
    lang: Lang,
) -> Result<EvaluationResults, ApiError> {
    let l = load(conn, &course.to_string())?;
    results_of(conn, &l.module, std::slice::from_ref(&l.course.id), lang)
}

/// Results of all of a module's courses.
pub fn of_module(
    conn: &mut DbConnection,
    module: Uuid,
    lang: Lang,
) -> Result<EvaluationResults, ApiError> {
    let m = ModuleRow::find(conn, &module.to_string())?.ok_or(ApiError::NotFound)?;
    let courses = store::courses_of_module(conn, &m.id)?;
    results_of(conn, &m, &courses, lang)
}
