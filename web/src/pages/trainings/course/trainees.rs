//! The course's trainees, one card each: who they are (participant, or partner staff with the
//! organisation), their place (seat, waiting list, withdrawn), their attendance per session
//! (coordinators mark it here, a select per session sent at once), hours attended, completion,
//! and their certificate (code linked to the public check, PDF, revocation with a reason).

use leptos::prelude::*;
use shared::activities::RegistrationStatus;
use shared::trainings::{
    AttendanceInput, AttendanceMark, CertificateSummary, IssueInput, Trainee, TraineeStatus,
};

use super::{session_label, CourseCtx};
use crate::api::{use_api, FormErrors};
use crate::components::form::{use_submit, ErrorAlert};
use crate::i18n::trainings_staff::TsKey;
use crate::locale::use_i18n;
use crate::pages::reports::download_bytes;
use crate::pages::trainings::{hours_text, manages};
use crate::routes::{certificate_path, person_path};

/// The words of an attendance mark (`None`, or a seat not marked yet: "not taken yet").
pub fn mark_key(s: Option<RegistrationStatus>) -> TsKey {
    match s {
        Some(RegistrationStatus::Attended) => TsKey::MarkAttended,
        Some(RegistrationStatus::Absent) => TsKey::MarkAbsent,
        Some(RegistrationStatus::Excused) => TsKey::MarkExcused,
        _ => TsKey::MarkNone,
    }
}

/// The marks a coordinator may give.
pub const MARKS: [RegistrationStatus; 3] = [
    RegistrationStatus::Attended,
    RegistrationStatus::Absent,
    RegistrationStatus::Excused,
];

/// Trainees in the order to show: seats, then the waiting list by place, then the withdrawn.
pub fn ordered(mut list: Vec<Trainee>) -> Vec<Trainee> {
    list.sort_by_key(|t| match t.status {
        TraineeStatus::Registered => (0, 0),
        TraineeStatus::Waitlisted => (1, t.position.unwrap_or(u32::MAX)),
        TraineeStatus::Cancelled => (2, 0),
    });
    list
}

#[component]
pub fn TraineeList(ctx: CourseCtx, list: Vec<Trainee>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="muted">{move || i18n.t(TsKey::NoTrainees)}</p> }.into_any();
    }
    let items = ordered(list)
        .into_iter()
        .map(|t| view! { <TraineeCard ctx=ctx t=t/> })
        .collect_view();
    view! { <ul class="plain trainee-list">{items}</ul> }.into_any()
}

#[component]
fn TraineeCard(ctx: CourseCtx, t: Trainee) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let course = ctx.course.get_value();
    let certificate_module = ctx.module.with_value(|m| m.certificate);
    let name = t.display_name.clone();
    let (person, registration) = (t.person_id, t.id);
    let status = t.status;
    let position = t.position;
    let errors = RwSignal::new(FormErrors::default());
    let mark = use_submit(
        errors,
        &[],
        move |m: AttendanceMark| async move {
            api.mark_course_attendance(ctx.id, &AttendanceInput { marks: vec![m] })
                .await
        },
        move |_| {
            ctx.status
                .set(Some(i18n.t(TsKey::AttendanceSaved).to_string()));
            ctx.trainees.refetch();
        },
    );
    let withdrawn_name = name.clone();
    let withdraw = use_submit(
        errors,
        &[],
        move |()| async move { api.withdraw_trainee(ctx.id, registration).await },
        move |_| {
            ctx.status.set(Some(
                i18n.tf(TsKey::Withdrawn, &[("name", &withdrawn_name)]),
            ));
            ctx.reload.run(());
        },
    );
    let issue = use_submit(
        errors,
        &[],
        move |()| async move {
            api.issue_certificates(
                ctx.id,
                &IssueInput {
                    person_id: Some(person),
                    language: Some(i18n.lang.get_untracked()),
                },
            )
            .await
        },
        move |issued: Vec<CertificateSummary>| {
            ctx.status.set(Some(
                i18n.tf(TsKey::IssuedCount, &[("count", &issued.len().to_string())]),
            ));
            ctx.trainees.refetch();
        },
    );
    let pending = [mark.pending(), withdraw.pending(), issue.pending()];
    let busy = Signal::derive(move || pending.iter().any(Memo::get));
    let may_mark = manages() && status == TraineeStatus::Registered;
    let marks = course
        .sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.cancelled)
        .map(|(i, s)| {
            let current = t.attendance.get(i).copied().flatten();
            let label = {
                let s = s.clone();
                move || session_label(i18n, i, &s)
            };
            let session = s.activity_id;
            let select_id = format!("mark-{registration}-{i}");
            if may_mark {
                let for_name = name.clone();
                view! {
                    <div class="field mark-field">
                        <label for=select_id.clone()>
                            {label}
                            <span class="visually-hidden">" — "{move || i18n.tf(TsKey::MarkFor, &[("name", &for_name)])}</span>
                        </label>
                        <select id=select_id disabled=move || busy.get() on:change=move |ev| {
                            if let Ok(status) = event_target_value(&ev).parse::<RegistrationStatus>() {
                                ctx.status.set(None);
                                mark.dispatch(AttendanceMark { session_id: session, person_id: person, status });
                            }
                        }>
                            {(!MARKS.iter().any(|m| Some(*m) == current)).then(|| view! {
                                <option value="" selected=true>{move || i18n.t(TsKey::MarkNone)}</option>
                            })}
                            {MARKS.iter().map(|&m| view! {
                                <option value=m.as_str() selected=Some(m) == current>{move || i18n.t(mark_key(Some(m)))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <p class="mark-text">
                        <span class="muted">{label}" : "</span>
                        <strong>{move || i18n.t(mark_key(current))}</strong>
                    </p>
                }
                .into_any()
            }
        })
        .collect_view();
    let (hours, total, missing) = (
        hours_text(t.hours_attended),
        hours_text(course.hours),
        hours_text(t.hours_missing),
    );
    let completed = t.completed;
    let org = t.organisation_name.clone();
    let by_partner = t.source == shared::trainings::TraineeSource::Partner;
    let no_email = !t.has_email && status != TraineeStatus::Cancelled;
    let cert = t.certificate.clone();
    let issue_name = name.clone();
    let withdraw_name = name.clone();
    view! {
        <li class=format!("card trainee-card trainee-{}", status.as_str())>
            <div class="person-main">
                <h3 class="person-name"><a href=person_path(person)><bdi>{name.clone()}</bdi></a></h3>
                <span class="badges">
                    {match org {
                        Some(o) => view! {
                            <span class="badge badge-category">{move || i18n.t(TsKey::KindPartnerStaff)}" · "<bdi>{o.clone()}</bdi></span>
                        }.into_any(),
                        None => view! { <span class="badge badge-category">{move || i18n.t(TsKey::KindParticipant)}</span> }.into_any(),
                    }}
                    <span class=match status {
                        TraineeStatus::Registered => "badge badge-active",
                        TraineeStatus::Waitlisted => "badge badge-waitlist",
                        TraineeStatus::Cancelled => "badge badge-inactive",
                    }>
                        {move || match status {
                            TraineeStatus::Registered => i18n.t(TsKey::StatusRegistered).to_string(),
                            TraineeStatus::Waitlisted => i18n.tf(TsKey::StatusWaitlisted, &[("position", &position.unwrap_or(0).to_string())]),
                            TraineeStatus::Cancelled => i18n.t(TsKey::StatusCancelled).to_string(),
                        }}
                    </span>
                    {by_partner.then(|| view! { <span class="badge">{move || i18n.t(TsKey::ViaPartner)}</span> })}
                </span>
            </div>
            {no_email.then(|| view! { <p class="small no-email">{move || i18n.t(TsKey::NoEmail)}</p> })}
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            {(status != TraineeStatus::Waitlisted).then(|| view! { <div class="marks">{marks}</div> })}
            <p class="completion">
                {move || i18n.tf(TsKey::HoursAttended, &[("hours", &hours), ("total", &total)])}
                " · "
                {if completed {
                    view! { <strong class="completed">{move || i18n.t(TsKey::Completed)}</strong> }.into_any()
                } else {
                    view! { <span>{move || i18n.tf(TsKey::HoursMissing, &[("hours", &missing)])}</span> }.into_any()
                }}
            </p>
            {match cert {
                Some(c) => view! { <CertificateLine ctx=ctx c=c name=name.clone()/> }.into_any(),
                None if certificate_module && completed && manages() => view! {
                    <div class="actions">
                        <button type="button" class="button issue-one" disabled=move || busy.get()
                            aria-label=move || i18n.tf(TsKey::IssueOneNamed, &[("name", &issue_name)])
                            on:click=move |_| { ctx.status.set(None); issue.dispatch(()); }>
                            {move || i18n.t(TsKey::IssueOne)}
                        </button>
                    </div>
                }.into_any(),
                None => ().into_any(),
            }}
            {(manages() && status != TraineeStatus::Cancelled).then(|| view! {
                <div class="actions">
                    <button type="button" class="button small-button withdraw" disabled=move || busy.get()
                        aria-label=move || i18n.tf(TsKey::WithdrawNamed, &[("name", &withdraw_name)])
                        on:click=move |_| { ctx.status.set(None); withdraw.dispatch(()); }>
                        {move || i18n.t(TsKey::Withdraw)}
                    </button>
                </div>
            })}
        </li>
    }
}

/// A trainee's certificate: its code (a link to the public check), the PDF, and revocation
/// with a reason.
#[component]
fn CertificateLine(ctx: CourseCtx, c: CertificateSummary, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let cert_id = c.id;
    let code = c.code.clone();
    let revoked = c.revoked;
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let revoke = use_submit(
        errors,
        &["reason"],
        move |r: String| async move { api.revoke_certificate(cert_id, &r).await },
        move |_| {
            ctx.status.set(Some(i18n.t(TsKey::RevokedMsg).to_string()));
            ctx.trainees.refetch();
        },
    );
    let pending = revoke.pending();
    let download = Action::new_local(move |(): &()| async move {
        api.certificate_pdf(&format!("/trainings/certificates/{cert_id}"))
            .await
    });
    let file_code = code.clone();
    Effect::new(move |_| match download.value().get() {
        Some(Ok(bytes)) => {
            let file = format!("attestation-{file_code}.pdf");
            if download_bytes(&file, "application/pdf", &bytes).is_some() {
                ctx.status.set(Some(i18n.t(TsKey::Downloaded).to_string()));
            }
        }
        Some(Err(e)) => errors.set(FormErrors::from_error(&e, &[], i18n.lang.get_untracked())),
        None => {}
    });
    let downloading = download.pending();
    let reason_id = format!("revoke-reason-{cert_id}");
    let reason_err = Signal::derive(move || errors.with(|e| e.field("reason")));
    let (n1, n2) = (name.clone(), name);
    let (code1, code2) = (code.clone(), code.clone());
    view! {
        <div class="certificate-line">
            <p>
                <span>{move || i18n.t(TsKey::ColCertificate)}" : "</span>
                <a href=certificate_path(&code) class="certificate-code" dir="ltr"
                    aria-label=move || i18n.tf(TsKey::CheckPublicNamed, &[("code", &code1)])>
                    <code>{code2.clone()}</code>
                </a>
                {revoked.then(|| view! { " " <span class="badge badge-cancelled">{move || i18n.t(TsKey::Revoked)}</span> })}
            </p>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            {(!revoked).then(|| view! {
                <div class="actions">
                    <button type="button" class="button small-button download-one"
                        disabled=move || downloading.get()
                        aria-label=move || i18n.tf(TsKey::DownloadOneNamed, &[("name", &n1)])
                        on:click=move |_| { ctx.status.set(None); download.dispatch(()); }>
                        {move || i18n.t(TsKey::DownloadOne)}
                    </button>
                </div>
                {manages().then(|| view! {
                    <details class="revoke">
                        <summary aria-label=move || i18n.tf(TsKey::RevokeNamed, &[("name", &n2)])>{move || i18n.t(TsKey::Revoke)}</summary>
                        <form class="form" novalidate=true on:submit=move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            ctx.status.set(None);
                            revoke.dispatch(reason.get_untracked());
                        }>
                            <div class="field" class:field-invalid=move || reason_err.with(Option::is_some)>
                                <label for=reason_id.clone()>{move || i18n.t(TsKey::RevokeReason)}</label>
                                <input id=reason_id.clone() type="text" required=true autocomplete="off"
                                    aria-invalid=move || reason_err.with(Option::is_some).then_some("true")
                                    bind:value=reason/>
                                {move || reason_err.get().map(|m| view! { <p class="field-error">{m}</p> })}
                            </div>
                            <div class="actions">
                                <button type="submit" class="button danger" disabled=move || pending.get()>
                                    {move || i18n.t(TsKey::ConfirmRevoke)}
                                </button>
                            </div>
                        </form>
                    </details>
                })}
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_read_in_words() {
        assert_eq!(mark_key(None), TsKey::MarkNone);
        assert_eq!(
            mark_key(Some(RegistrationStatus::Registered)),
            TsKey::MarkNone
        );
        assert_eq!(
            mark_key(Some(RegistrationStatus::Attended)),
            TsKey::MarkAttended
        );
        let mut seen = std::collections::HashSet::new();
        for m in MARKS {
            assert!(seen.insert(mark_key(Some(m))));
        }
    }
}
