//! The follow-up calls due 6 and 12 months after an entrepreneur left the path, on the
//! entrepreneurs' list where staff look every day: who to call, about what, and "call done" in
//! one click.

use leptos::prelude::*;
use shared::interlab::{OutcomeFollowUp, OutcomeFollowUpDone, OutcomeFollowUpFilter};
use uuid::Uuid;

use super::{format_date, today_in_brussels};
use crate::api::{use_api, FormErrors};
use crate::components::form::{use_submit, ErrorAlert};
use crate::components::load::load_state;
use crate::components::StatusMessage;
use crate::i18n::interlab_follow::{outcome_kind_key, IlfKey};
use crate::locale::use_i18n;
use crate::routes::entrepreneur_path;

/// What the list asks for: the calls still to make, due today or earlier (Europe/Brussels).
pub fn due_filter(today: chrono::NaiveDate) -> OutcomeFollowUpFilter {
    OutcomeFollowUpFilter {
        due_before: Some(today),
        done: Some(false),
    }
}

#[component]
pub fn FollowUpsDue() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let list = LocalResource::new(move || async move {
        api.interlab_follow_ups(&due_filter(today_in_brussels()))
            .await
    });
    let status = RwSignal::new(None::<String>);
    let errors = RwSignal::new(FormErrors::default());
    let done = use_submit(
        errors,
        &[],
        move |fid: Uuid| async move {
            let body = OutcomeFollowUpDone {
                done_on: today_in_brussels(),
            };
            api.interlab_follow_up_done(fid, &body).await
        },
        move |_: OutcomeFollowUp| {
            status.set(Some(i18n.t(IlfKey::CalledSaved).to_string()));
            list.refetch();
        },
    );
    let busy = done.pending();
    view! {
        <section class="card il-follow-ups" aria-labelledby="follow-ups-title">
            <h2 id="follow-ups-title">{move || i18n.t(IlfKey::FollowUpsTitle)}</h2>
            <StatusMessage message=status/>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            {move || load_state(list.get(), move || list.refetch(), move |calls| {
                if calls.is_empty() {
                    return view! { <p class="muted">{move || i18n.t(IlfKey::NoFollowUpsDue)}</p> }.into_any();
                }
                view! { <ul class="follow-up-list">{calls.into_iter().map(|f| {
                    let (fid, months, due_on, kind) = (f.id, f.months, f.due_on, f.outcome_kind);
                    let name = f.display_name.clone();
                    view! {
                        <li class="follow-up">
                            <a href=entrepreneur_path(f.entrepreneur_id)><bdi>{f.display_name.clone()}</bdi></a>
                            " · "
                            <bdi>{f.project_name.clone()}</bdi>
                            <p class="small">{move || i18n.tf(IlfKey::FollowUpDue, &[
                                ("months", &months.to_string()),
                                ("kind", i18n.t(outcome_kind_key(kind))),
                                ("date", &format_date(i18n.lang.get(), due_on)),
                            ])}</p>
                            <button
                                type="button"
                                class="button small-button mark-called"
                                aria-label=move || i18n.tf(IlfKey::MarkCalledNamed, &[("name", &name)])
                                disabled=move || busy.get()
                                on:click=move |_| {
                                    status.set(None);
                                    done.dispatch(fid);
                                }
                            >
                                {move || i18n.t(IlfKey::MarkCalled)}
                            </button>
                        </li>
                    }
                }).collect_view()}</ul> }.into_any()
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_asks_for_calls_still_to_make_up_to_today() {
        let today = chrono::NaiveDate::from_ymd_opt(2027, 6, 1).unwrap_or_default();
        let q = crate::api::interlab::follow_ups_query(&due_filter(today));
        assert_eq!(q, "?due_before=2027-06-01&done=false");
    }
}
