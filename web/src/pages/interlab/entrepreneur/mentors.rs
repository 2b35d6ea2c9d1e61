//! The entrepreneur page's mentors: the mentoring relations and their life (proposed → active
//! once both agree → ended with a reason), the explained suggestions with "propose" in one
//! click, and a proposal of anyone else of the directory — beyond a full mentor's capacity only
//! with an explicit confirmation and a reason (coordinators; audited by the API).

use leptos::prelude::*;
use shared::interlab::{
    Mentor, MentorFilter, MentorSuggestion, Mentorship, MentorshipEndReason, MentorshipFilter,
    MentorshipInput, MentorshipPatch, MentorshipStatus,
};
use uuid::Uuid;

use crate::api::{use_api, FormErrors};
use crate::components::dom::{focus_first_error, focus_id_later};
use crate::components::form::{use_submit, ErrorAlert, TextAreaField};
use crate::components::load::load_state;
use crate::components::StatusMessage;
use crate::i18n::common::CommonKey;
use crate::i18n::interlab_mentoring::{
    end_reason_key, mentor_role_key, mentorship_status_key, IlmKey,
};
use crate::i18n::tf;
use crate::locale::use_i18n;
use crate::pages::interlab::{format_date, manages, opt_text};

/// Whether the mentor has no place left.
pub fn is_full(m: &Mentor) -> bool {
    i64::from(m.load) >= i64::from(m.capacity)
}

/// The body that starts a proposed relation: both agreements recorded now, and active.
pub fn start_patch() -> MentorshipPatch {
    MentorshipPatch {
        entrepreneur_agreed: Some(true),
        mentor_agreed: Some(true),
        status: Some(MentorshipStatus::Active),
        ..MentorshipPatch::default()
    }
}

/// The body that ends a relation with its reason.
pub fn end_patch(reason: MentorshipEndReason, note: &str) -> MentorshipPatch {
    MentorshipPatch {
        status: Some(MentorshipStatus::Ended),
        end_reason: Some(reason),
        end_note: opt_text(note),
        ..MentorshipPatch::default()
    }
}

/// The directory's active people one may still propose: not already in a relation that has
/// not ended with this entrepreneur.
pub fn proposable(mentors: Vec<Mentor>, relations: &[Mentorship]) -> Vec<Mentor> {
    mentors
        .into_iter()
        .filter(|m| m.active)
        .filter(|m| {
            !relations
                .iter()
                .any(|r| r.mentor_id == m.id && r.status != MentorshipStatus::Ended)
        })
        .collect()
}

#[component]
pub fn MentorsSection(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let relations = LocalResource::new(move || async move {
        let f = MentorshipFilter {
            entrepreneur: Some(id),
            ..MentorshipFilter::default()
        };
        api.interlab_mentorships(&f).await
    });
    let suggestions = LocalResource::new(move || {
        let _lang = i18n.lang.get();
        async move { api.mentor_suggestions(id).await }
    });
    let directory = LocalResource::new(move || async move {
        let f = MentorFilter {
            active: Some(true),
            ..MentorFilter::default()
        };
        api.interlab_mentors(&f).await.unwrap_or_default()
    });
    let status = RwSignal::new(None::<String>);
    let changed = Callback::new(move |msg: String| {
        status.set(Some(msg));
        relations.refetch();
        suggestions.refetch();
        directory.refetch();
    });
    view! {
        <section class="card il-wide il-mentors" aria-labelledby="mentors-title">
            <h2 id="mentors-title">{move || i18n.t(IlmKey::MentorsTitle)}</h2>
            <StatusMessage message=status/>
            <h3 class="small-heading">{move || i18n.t(IlmKey::Relations)}</h3>
            {move || load_state(relations.get(), move || relations.refetch(), move |list| {
                view! { <RelationList relations=list changed=changed/> }.into_any()
            })}
            <h3 class="small-heading">{move || i18n.t(IlmKey::Suggestions)}</h3>
            <p class="hint">{move || i18n.t(IlmKey::SuggestionsHint)}</p>
            {move || load_state(suggestions.get(), move || suggestions.refetch(), move |s| {
                view! { <SuggestionList id=id suggestions=s.suggestions changed=changed/> }.into_any()
            })}
            <details class="other-mentor">
                <summary>{move || i18n.t(IlmKey::OtherMentor)}</summary>
                {move || {
                    let all = directory.get().unwrap_or_default();
                    let rel = relations.get().and_then(Result::ok).unwrap_or_default();
                    let offered = proposable(all, &rel);
                    view! { <ProposeForm id=id mentors=offered changed=changed/> }
                }}
            </details>
        </section>
    }
}

#[component]
fn RelationList(relations: Vec<Mentorship>, changed: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let errors = RwSignal::new(FormErrors::default());
    let ending = RwSignal::new(None::<Uuid>);
    let start = use_submit(
        errors,
        &[],
        move |rid: Uuid| async move { api.update_mentorship(rid, &start_patch()).await },
        move |m: Mentorship| changed.run(i18n.tf(IlmKey::Started, &[("name", &m.mentor_name)])),
    );
    let busy = start.pending();
    if relations.is_empty() {
        return view! { <p class="muted">{move || i18n.t(IlmKey::NoRelations)}</p> }.into_any();
    }
    let items = relations
        .into_iter()
        .map(|r| {
            let (rid, status) = (r.id, r.status);
            let name = r.mentor_name.clone();
            let (n1, n2) = (name.clone(), name.clone());
            let since = r.started_at.map(|d| d.date_naive());
            view! {
                <li class=format!("mentorship mentorship-{}", status.as_str())>
                    <strong><bdi>{name.clone()}</bdi></strong>
                    " "
                    <span class=format!("badge mentorship-{}", status.as_str())>{move || i18n.t(mentorship_status_key(status))}</span>
                    {since.map(|d| view! { " " <span class="muted small">{move || format_date(i18n.lang.get(), d)}</span> })}
                    {r.end_reason.map(|x| view! { <p class="small">{move || i18n.t(end_reason_key(x))}</p> })}
                    {r.capacity_override_reason.clone().map(|x| view! {
                        <p class="small">{move || i18n.tf(IlmKey::BeyondCapacity, &[("reason", &x)])}</p>
                    })}
                    {r.note.clone().map(|x| view! { <p class="small prewrap">{x}</p> })}
                    <div class="actions">
                        {(status == MentorshipStatus::Proposed).then(|| view! {
                            <button
                                type="button"
                                class="button primary small-button start-mentorship"
                                aria-label=move || i18n.tf(IlmKey::StartNamed, &[("name", &n1)])
                                disabled=move || busy.get()
                                on:click=move |_| start.dispatch(rid)
                            >
                                {move || i18n.t(IlmKey::Start)}
                            </button>
                        })}
                        {(status != MentorshipStatus::Ended).then(|| view! {
                            <button
                                type="button"
                                class="button small-button end-mentorship"
                                aria-label=move || i18n.tf(IlmKey::EndNamed, &[("name", &n2)])
                                aria-expanded=move || if ending.get() == Some(rid) { "true" } else { "false" }
                                on:click=move |_| {
                                    ending.set(Some(rid));
                                    focus_id_later("end_reason");
                                }
                            >
                                {move || i18n.t(IlmKey::End)}
                            </button>
                        })}
                    </div>
                    <Show when=move || ending.get() == Some(rid)>
                        <EndForm rid=rid changed=changed cancel=Callback::new(move |_| ending.set(None))/>
                    </Show>
                </li>
            }
        })
        .collect_view();
    view! {
        <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
        <ul class="plain mentorships">{items}</ul>
    }
    .into_any()
}

#[component]
fn EndForm(rid: Uuid, changed: Callback<String>, cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let reason = RwSignal::new(MentorshipEndReason::Completed.as_str().to_string());
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let submit = use_submit(
        errors,
        &["end_reason", "end_note"],
        move |body: MentorshipPatch| async move { api.update_mentorship(rid, &body).await },
        move |_: Mentorship| changed.run(i18n.t(IlmKey::Ended).to_string()),
    );
    let pending = submit.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match reason.get_untracked().parse::<MentorshipEndReason>() {
            Ok(r) => submit.dispatch(end_patch(r, &note.get_untracked())),
            Err(_) => focus_first_error(),
        }
    };
    view! {
        <form class="form end-form" on:submit=on_submit novalidate=true>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <div class="field">
                <label for="end_reason">{move || i18n.t(IlmKey::EndReason)}</label>
                <select id="end_reason" on:change=move |ev| reason.set(event_target_value(&ev))>
                    {MentorshipEndReason::ALL.iter().map(|&r| {
                        let v = r.as_str();
                        view! { <option value=v selected=move || reason.with(|c| c == v)>{move || i18n.t(end_reason_key(r))}</option> }
                    }).collect_view()}
                </select>
            </div>
            <TextAreaField id="end_note" label=IlmKey::EndNote value=note rows=2 error=Signal::derive(move || errors.with(|e| e.field("end_note")))/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>{move || i18n.t(IlmKey::ConfirmEnd)}</button>
                <button type="button" class="button" on:click=move |_| cancel.run(())>{move || i18n.t(CommonKey::Cancel)}</button>
            </div>
        </form>
    }
}

#[component]
fn SuggestionList(
    id: Uuid,
    suggestions: Vec<MentorSuggestion>,
    changed: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let errors = RwSignal::new(FormErrors::default());
    let propose = use_submit(
        errors,
        &[],
        move |mentor_id: Uuid| async move {
            let body = MentorshipInput {
                mentor_id,
                entrepreneur_id: id,
                note: None,
                override_capacity: false,
                override_reason: None,
            };
            api.propose_mentorship(&body).await
        },
        move |m: Mentorship| changed.run(i18n.tf(IlmKey::ProposedMsg, &[("name", &m.mentor_name)])),
    );
    let busy = propose.pending();
    if suggestions.is_empty() {
        return view! { <p class="muted">{move || i18n.t(IlmKey::NoSuggestions)}</p> }.into_any();
    }
    let items = suggestions
        .into_iter()
        .map(|s| {
            let m = s.mentor;
            let (mid, role, score) = (m.id, m.role, s.score);
            let name = m.display_name.clone();
            let label = name.clone();
            let reasons = s
                .reasons
                .into_iter()
                .map(|r| view! { <li data-code=r.code.as_str()>{r.text}</li> })
                .collect_view();
            view! {
                <li class="suggestion">
                    <div class="suggestion-head">
                        <strong><bdi>{name}</bdi></strong>
                        " "
                        <span class="muted small">{move || i18n.t(mentor_role_key(role))}</span>
                        " "
                        <span class="badge">{move || i18n.tf(IlmKey::ScoreOf, &[("score", &score.to_string())])}</span>
                    </div>
                    <ul class="reasons">{reasons}</ul>
                    <button
                        type="button"
                        class="button small-button propose-mentor"
                        aria-label=move || i18n.tf(IlmKey::ProposeNamed, &[("name", &label)])
                        disabled=move || busy.get()
                        on:click=move |_| propose.dispatch(mid)
                    >
                        {move || i18n.t(IlmKey::Propose)}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
        <ul class="plain suggestions">{items}</ul>
    }
    .into_any()
}

/// "Name · 2 of 3 places taken" (or "Full").
fn mentor_option(lang: shared::Lang, m: &Mentor) -> String {
    let places = if is_full(m) {
        crate::i18n::t(lang, IlmKey::Full).to_string()
    } else {
        tf(
            lang,
            IlmKey::PlacesTaken,
            &[
                ("load", &m.load.to_string()),
                ("capacity", &m.capacity.to_string()),
            ],
        )
    };
    tf(
        lang,
        IlmKey::MentorOption,
        &[("name", &m.display_name), ("places", &places)],
    )
}

#[component]
fn ProposeForm(id: Uuid, mentors: Vec<Mentor>, changed: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let may_override = manages();
    let chosen = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let confirm = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let local = RwSignal::new(Vec::<&'static str>::new());
    let mentors = StoredValue::new(mentors);
    let full = Signal::derive(move || {
        let c = chosen.get();
        mentors.with_value(|l| l.iter().any(|m| m.id.to_string() == c && is_full(m)))
    });
    let submit = use_submit(
        errors,
        &["mentor_id", "note", "override_capacity", "override_reason"],
        move |body: MentorshipInput| async move { api.propose_mentorship(&body).await },
        move |m: Mentorship| changed.run(i18n.tf(IlmKey::ProposedMsg, &[("name", &m.mentor_name)])),
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
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let mentor_id = Uuid::parse_str(&chosen.get_untracked()).ok();
        if mentor_id.is_none() {
            bad.push("mentor_id");
        }
        let over = full.get_untracked();
        if over && !confirm.get_untracked() {
            bad.push("override_capacity");
        }
        if over && reason.with_untracked(|r| r.trim().is_empty()) {
            bad.push("override_reason");
        }
        local.set(bad.clone());
        match mentor_id {
            Some(mentor_id) if bad.is_empty() => submit.dispatch(MentorshipInput {
                mentor_id,
                entrepreneur_id: id,
                note: opt_text(&note.get_untracked()),
                override_capacity: over,
                override_reason: if over {
                    opt_text(&reason.get_untracked())
                } else {
                    None
                },
            }),
            _ => focus_first_error(),
        }
    };
    let mentor_error = field("mentor_id");
    let confirm_error = field("override_capacity");
    view! {
        <form class="form propose-form" on:submit=on_submit novalidate=true>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <div class="field" class:field-invalid=move || mentor_error.with(Option::is_some)>
                <label for="mentor_id">{move || i18n.t(IlmKey::WhichMentor)}</label>
                <select
                    id="mentor_id"
                    aria-invalid=move || mentor_error.with(Option::is_some).then_some("true")
                    aria-describedby=move || mentor_error.with(Option::is_some).then_some("mentor_id-error")
                    on:change=move |ev| chosen.set(event_target_value(&ev))
                >
                    <option value="">{move || i18n.t(IlmKey::ChooseMentor)}</option>
                    {move || {
                        let lang = i18n.lang.get();
                        mentors.with_value(|l| l.iter().map(|m| {
                            let v = m.id.to_string();
                            let v2 = v.clone();
                            view! { <option value=v selected=move || chosen.with(|c| *c == v2)>{mentor_option(lang, m)}</option> }
                        }).collect_view())
                    }}
                </select>
                {move || mentor_error.get().map(|m| view! { <p class="field-error" id="mentor_id-error">{m}</p> })}
            </div>
            <Show when=move || full.get()>
                {if may_override {
                    view! {
                        <div class="field over-capacity" class:field-invalid=move || confirm_error.with(Option::is_some)>
                            <label class="check" for="override_capacity">
                                <input
                                    type="checkbox"
                                    id="override_capacity"
                                    aria-invalid=move || confirm_error.with(Option::is_some).then_some("true")
                                    aria-describedby=move || confirm_error.with(Option::is_some).then_some("override_capacity-error")
                                    bind:checked=confirm
                                />
                                <span>{move || i18n.t(IlmKey::OverCapacity)}</span>
                            </label>
                            {move || confirm_error.get().map(|m| view! { <p class="field-error" id="override_capacity-error">{m}</p> })}
                        </div>
                        <TextAreaField id="override_reason" label=IlmKey::OverrideReason hint=IlmKey::OverrideHint value=reason rows=2 error=field("override_reason")/>
                    }.into_any()
                } else {
                    view! { <p class="alert-warn">{move || i18n.t(IlmKey::FullAskCoordinator)}</p> }.into_any()
                }}
            </Show>
            <TextAreaField id="proposal_note" label=IlmKey::ProposalNote value=note rows=2 error=field("note")/>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>{move || i18n.t(IlmKey::Propose)}</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::interlab::MentorRole;

    fn mentor(n: u128, load: u32, capacity: i32, active: bool) -> Mentor {
        Mentor {
            id: Uuid::from_u128(n),
            person_id: Uuid::from_u128(100 + n),
            display_name: format!("M{n}"),
            role: MentorRole::Mentor,
            organisation: None,
            domains: vec![],
            sectors: vec![],
            languages: vec!["fr".into()],
            capacity,
            load,
            availability: None,
            active,
            conflicts: vec![],
            account_id: None,
            has_feed: false,
            created_at: chrono::DateTime::UNIX_EPOCH,
            updated_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    fn relation(mentor: u128, status: MentorshipStatus) -> Mentorship {
        Mentorship {
            id: Uuid::from_u128(50 + mentor),
            mentor_id: Uuid::from_u128(mentor),
            mentor_name: String::new(),
            entrepreneur_id: Uuid::nil(),
            entrepreneur_name: String::new(),
            project_name: String::new(),
            status,
            entrepreneur_agreed_at: None,
            mentor_agreed_at: None,
            started_at: None,
            ended_at: None,
            end_reason: None,
            end_note: None,
            note: None,
            capacity_override_reason: None,
            created_at: chrono::DateTime::UNIX_EPOCH,
            updated_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn a_full_mentor_is_marked_and_still_offered_with_its_load() {
        assert!(is_full(&mentor(1, 3, 3, true)));
        assert!(!is_full(&mentor(1, 2, 3, true)));
        assert_eq!(
            mentor_option(shared::Lang::Fr, &mentor(1, 3, 3, true)),
            "M1 · Complet"
        );
        assert_eq!(
            mentor_option(shared::Lang::En, &mentor(2, 1, 3, true)),
            "M2 · 1 of 3 places taken"
        );
    }

    #[test]
    fn only_people_without_an_open_relation_are_proposable() {
        let all = vec![
            mentor(1, 0, 2, true),
            mentor(2, 0, 2, true),
            mentor(3, 0, 2, false),
            mentor(4, 0, 2, true),
        ];
        let rel = [
            relation(1, MentorshipStatus::Active),
            relation(4, MentorshipStatus::Ended),
        ];
        let ids: Vec<u128> = proposable(all, &rel)
            .iter()
            .map(|m| m.id.as_u128())
            .collect();
        assert_eq!(ids, [2, 4]);
    }

    #[test]
    fn starting_records_both_agreements_and_ending_gives_the_reason() {
        let s = start_patch();
        assert_eq!(
            (s.entrepreneur_agreed, s.mentor_agreed, s.status),
            (Some(true), Some(true), Some(MentorshipStatus::Active))
        );
        let e = end_patch(MentorshipEndReason::NoMatch, "  ");
        assert_eq!(e.status, Some(MentorshipStatus::Ended));
        assert_eq!(e.end_reason, Some(MentorshipEndReason::NoMatch));
        assert_eq!(e.end_note, None);
    }
}
