//! A workshop's feedback on the host's page: the participants' average rating (withheld under
//! five answers, as the API sends it), the comments for coordinators, and the form that records
//! a participant's feedback on a past session (from a paper form or a conversation).

use leptos::prelude::*;
use shared::activities::{ActivityStatus, RegistrationStatus};
use shared::interact::{FeedbackInput, HostWorkshop, WorkshopFeedback};
use shared::Lang;
use uuid::Uuid;

use crate::api::{use_api, FormErrors};
use crate::components::StatusMessage;
use crate::i18n::interact::InteractKey;
use crate::locale::use_i18n;
use crate::pages::activities::brussels_input;

/// The inputs of the form, by the names the API uses for its field errors.
const FIELDS: [&str; 3] = ["person_id", "rating", "comment"];

/// An average as people read it in `lang`: one decimal, a decimal comma in French and Dutch.
pub fn average_text(average: f64, lang: Lang) -> String {
    let text = format!("{average:.1}");
    match lang {
        Lang::Fr | Lang::Nl => text.replace('.', ","),
        Lang::En | Lang::Ar => text,
    }
}

/// What the figures line says: nothing yet, the count with the average withheld, or both.
fn figures(f: &WorkshopFeedback, lang: Lang) -> (InteractKey, Vec<(&'static str, String)>) {
    let count = f.answers.to_string();
    match f.average {
        _ if f.answers == 0 => (InteractKey::FeedbackNone, vec![]),
        Some(a) if !f.withheld => (
            InteractKey::FeedbackAverage,
            vec![("average", average_text(a, lang)), ("count", count)],
        ),
        _ => (InteractKey::FeedbackWithheld, vec![("count", count)]),
    }
}

#[component]
pub fn WorkshopFeedbackView(
    w: HostWorkshop,
    /// Position of the workshop on the page, for unique ids.
    k: usize,
    can_record: bool,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let f = w.feedback.clone();
    let line = {
        let f = f.clone();
        move || {
            let (key, args) = figures(&f, i18n.lang.get());
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            i18n.tf(key, &args)
        }
    };
    let comments = f
        .comments
        .iter()
        .map(|c| {
            let day = brussels_input(&c.starts_at)
                .split('T')
                .next()
                .unwrap_or_default()
                .to_string();
            view! { <li><span class="muted small">{day}</span> " " <bdi>{c.comment.clone()}</bdi></li> }
        })
        .collect_view();
    let title_id = format!("feedback-title-{k}");
    let labelled_by = title_id.clone();
    view! {
        <section class="workshop-feedback" aria-labelledby=labelled_by>
            <h4 id=title_id>{move || i18n.t(InteractKey::FeedbackTitle)}</h4>
            <p class="feedback-figures" id=format!("feedback-figures-{k}")>{line}</p>
            {(!f.comments.is_empty()).then(|| view! {
                <p class="small muted">{move || i18n.t(InteractKey::FeedbackComments)}</p>
                <ul class="feedback-comments" id=format!("feedback-comments-{k}")>{comments}</ul>
            })}
            {can_record.then(|| view! { <RecordFeedback w=w.clone() k=k reload=reload/> })}
        </section>
    }
}

#[component]
fn RecordFeedback(w: HostWorkshop, k: usize, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    // The browser's clock: chrono's own panics in WebAssembly.
    let now = crate::pages::duo::now_utc();
    // Sessions that took place, newest first.
    let mut past: Vec<(Uuid, String)> = w
        .sessions
        .iter()
        .filter(|s| s.starts_at <= now && s.status != ActivityStatus::Cancelled)
        .map(|s| {
            (
                s.activity_id,
                brussels_input(&s.starts_at).replace('T', " "),
            )
        })
        .collect();
    past.reverse();
    let session = RwSignal::new(past.first().map(|p| p.0));
    let person = RwSignal::new(None::<Uuid>);
    let rating = RwSignal::new(None::<i32>);
    let comment = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let saved = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let participants = LocalResource::new(move || {
        let s = session.get();
        async move {
            match s {
                Some(id) => api.list_registrations(id).await.map(|list| {
                    list.into_iter()
                        .filter(|r| {
                            matches!(
                                r.status,
                                RegistrationStatus::Registered | RegistrationStatus::Attended
                            )
                        })
                        .collect::<Vec<_>>()
                }),
                None => Ok(vec![]),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some(activity) = session.get_untracked() else {
            return;
        };
        let lang = i18n.lang.get_untracked();
        let Some(person_id) = person.get_untracked() else {
            errors.set(FormErrors::local(
                "person_id",
                i18n.t(InteractKey::FeedbackPerson),
            ));
            return;
        };
        let body = FeedbackInput {
            person_id,
            rating: rating.get_untracked(),
            comment: crate::pages::people::person_form::opt_text(&comment.get_untracked()),
        };
        pending.set(true);
        errors.set(FormErrors::default());
        saved.set(None);
        leptos::task::spawn_local(async move {
            match api.record_feedback(activity, &body).await {
                Ok(_) => {
                    saved.set(Some(i18n.t(InteractKey::FeedbackSaved).to_string()));
                    reload.run(());
                }
                Err(err) => errors.set(FormErrors::from_error(&err, &FIELDS, lang)),
            }
            pending.set(false);
        });
    };
    let err = move |name: &'static str| Signal::derive(move || errors.with(|e| e.field(name)));
    let ids = (
        format!("feedback-session-{k}"),
        format!("feedback-person-{k}"),
        format!("feedback-comment-{k}"),
    );
    if past.is_empty() {
        return view! { <p class="muted small">{move || i18n.t(InteractKey::FeedbackNoSession)}</p> }
            .into_any();
    }
    let session_options = past
        .iter()
        .map(|(id, label)| view! { <option value=id.to_string()>{label.clone()}</option> })
        .collect_view();
    let person_options = move || {
        participants.get().and_then(Result::ok).map(|list| {
            list.into_iter()
                .map(|r| {
                    let value = r.person_id.to_string();
                    view! { <option value=value>{r.display_name}</option> }
                })
                .collect_view()
        })
    };
    let stars = (1..=5)
        .map(|n: i32| {
            let id = format!("rating-{k}-{n}");
            let for_id = id.clone();
            view! {
                <label class="check rating-choice" for=for_id>
                    <input
                        type="radio"
                        id=id
                        name=format!("rating-{k}")
                        value=n.to_string()
                        prop:checked=move || rating.get() == Some(n)
                        on:change=move |_| rating.set(Some(n))
                    />
                    <span>{n}</span>
                </label>
            }
        })
        .collect_view();
    let field_error = move |name: &'static str, id: String| {
        move || {
            err(name)
                .get()
                .map(|m| view! { <p class="field-error" id=id.clone()>{m}</p> })
        }
    };
    let (session_id, person_id, comment_id) = ids;
    view! {
        <details class="record-feedback">
            <summary>{move || i18n.t(InteractKey::RecordFeedback)}</summary>
            <form class="form" on:submit=on_submit novalidate=true id=format!("feedback-form-{k}")>
                <p class="hint">{move || i18n.t(InteractKey::RecordFeedbackHint)}</p>
                <div class="form-grid">
                    <div class="field">
                        <label for=session_id.clone()>{move || i18n.t(InteractKey::FeedbackSession)}</label>
                        <select id=session_id on:change=move |ev| {
                            session.set(event_target_value(&ev).parse().ok());
                            person.set(None);
                        }>{session_options}</select>
                    </div>
                    <div class="field" class:field-invalid=move || err("person_id").with(Option::is_some)>
                        <label for=person_id.clone()>{move || i18n.t(InteractKey::FeedbackPerson)}</label>
                        <select
                            id=person_id.clone()
                            aria-invalid=move || err("person_id").with(Option::is_some).then_some("true")
                            aria-describedby={
                                let e = format!("{person_id}-error");
                                move || err("person_id").with(Option::is_some).then(|| e.clone())
                            }
                            on:change=move |ev| person.set(event_target_value(&ev).parse().ok())
                        >
                            <option value="" selected=move || person.get().is_none()>{move || i18n.t(InteractKey::FeedbackChoose)}</option>
                            {person_options}
                        </select>
                        {field_error("person_id", format!("{person_id}-error"))}
                    </div>
                </div>
                <fieldset class="rating" aria-describedby=move || {
                    if err("rating").with(Option::is_some) {
                        format!("rating-{k}-hint rating-{k}-error")
                    } else {
                        format!("rating-{k}-hint")
                    }
                }>
                    <legend>{move || i18n.t(InteractKey::FeedbackRating)}</legend>
                    <p class="hint" id=format!("rating-{k}-hint")>{move || i18n.t(InteractKey::FeedbackRatingHint)}</p>
                    <div class="rating-choices">{stars}</div>
                    {field_error("rating", format!("rating-{k}-error"))}
                </fieldset>
                <div class="field" class:field-invalid=move || err("comment").with(Option::is_some)>
                    <label for=comment_id.clone()>{move || i18n.t(InteractKey::FeedbackComment)}</label>
                    <textarea
                        id=comment_id.clone()
                        rows="2"
                        aria-invalid=move || err("comment").with(Option::is_some).then_some("true")
                        aria-describedby={
                            let e = format!("{comment_id}-error");
                            move || err("comment").with(Option::is_some).then(|| e.clone())
                        }
                        prop:value=move || comment.get()
                        on:input=move |ev| comment.set(event_target_value(&ev))
                    ></textarea>
                    {field_error("comment", format!("{comment_id}-error"))}
                </div>
                <div class="alert-slot" role="alert">
                    {move || errors.with(FormErrors::general).map(|m| view! { <p class="alert alert-error">{m}</p> })}
                </div>
                <StatusMessage message=saved/>
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || pending.get()>
                        {move || i18n.t(InteractKey::RecordFeedback)}
                    </button>
                </div>
            </form>
        </details>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figures_follow_what_the_api_withholds() {
        let f = |answers, withheld, average| WorkshopFeedback {
            answers,
            withheld,
            average,
            comments: vec![],
        };
        assert_eq!(
            figures(&f(0, false, None), Lang::Fr).0,
            InteractKey::FeedbackNone
        );
        assert_eq!(
            figures(&f(4, true, None), Lang::Fr).0,
            InteractKey::FeedbackWithheld
        );
        let (key, args) = figures(&f(5, false, Some(4.2)), Lang::Fr);
        assert_eq!(key, InteractKey::FeedbackAverage);
        assert_eq!(
            args,
            [("average", "4,2".to_string()), ("count", "5".to_string())]
        );
        assert_eq!(average_text(4.17, Lang::En), "4.2");
    }
}
