//! Booking a free slot for an entrepreneur: who (the entrepreneurs the reader may book: a
//! coach's own, a mentor's active relations) and what to talk about. A slot someone else took
//! in the meantime (409) closes the panel with a plain message and reloads the week.

use leptos::prelude::*;
use shared::interlab::{BookingInput, EntrepreneurFilter, OfficeHour};
use shared::ErrorCode;
use uuid::Uuid;

use super::{hours, local_time};
use crate::api::{use_api, FormErrors};
use crate::components::dom::focus_first_error;
use crate::components::form::{use_submit, ErrorAlert, TextAreaField};
use crate::components::load::load_state;
use crate::i18n::common::CommonKey;
use crate::i18n::interlab_office::IloKey;
use crate::locale::use_i18n;
use crate::pages::activities::{format_date, DateStyle};
use crate::pages::interlab::opt_text;

const FIELDS: &[&str] = &["entrepreneur_id", "note"];

#[component]
pub fn BookingPanel(
    office_hour: OfficeHour,
    /// Called with the success message.
    on_booked: Callback<String>,
    /// Called with the message for a slot taken in the meantime.
    on_taken: Callback<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let people = LocalResource::new(move || async move {
        api.interlab_entrepreneurs(&EntrepreneurFilter {
            page_size: Some(100),
            ..EntrepreneurFilter::default()
        })
        .await
    });
    let who = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let slot = office_hour;
    let id = slot.id;
    let submit = use_submit(
        errors,
        FIELDS,
        move |body: BookingInput| async move { api.book_office_hour(id, &body).await },
        move |o: OfficeHour| {
            let name = o
                .booking
                .and_then(|b| b.entrepreneur_name)
                .unwrap_or_default();
            on_booked.run(i18n.tf(IloKey::BookedSaved, &[("name", &name)]));
        },
    )
    .on_refused(move |err| {
        if err.code() == Some(ErrorCode::Conflict) {
            on_taken.run(i18n.t(IloKey::SlotJustTaken).to_string());
            true
        } else {
            false
        }
    });
    let pending = submit.pending();
    let (start, end) = hours(&slot);
    let day = local_time(&slot.starts_at_local).map(|t| t.date());
    let mentor = slot.mentor_name.clone();
    let title = move || {
        let lang = i18n.lang.get();
        let when = format!(
            "{} {}",
            day.map(|d| format_date(lang, d, DateStyle::Day))
                .unwrap_or_default(),
            i18n.tf(IloKey::SlotTime, &[("start", &start), ("end", &end)])
        );
        i18n.tf(
            IloKey::BookingTitle,
            &[("when", &when), ("mentor", &mentor)],
        )
    };
    // Nobody chosen: said under the select before anything is sent.
    let missing = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(entrepreneur_id) = who.get_untracked().parse::<Uuid>() else {
            missing.set(true);
            focus_first_error();
            return;
        };
        missing.set(false);
        submit.dispatch(BookingInput {
            entrepreneur_id,
            note: opt_text(&note.get_untracked()),
        });
    };
    let who_error = Signal::derive(move || {
        if missing.get() {
            Some(i18n.t(CommonKey::CheckValue).to_string())
        } else {
            errors.with(|e| e.field("entrepreneur_id"))
        }
    });
    view! {
        <section class="card il-booking" aria-labelledby="booking-title">
            <h2 id="booking-title" tabindex="-1">{title}</h2>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            {move || load_state(people.get(), move || people.refetch(), move |page| {
                if page.results.is_empty() {
                    return view! { <p class="muted">{move || i18n.t(IloKey::NobodyToBook)}</p> }.into_any();
                }
                let mut list = page.results;
                list.sort_by(|a, b| a.display_name.cmp(&b.display_name));
                view! {
                    <form class="booking-form" novalidate=true on:submit=on_submit>
                        <div class="field" class:field-invalid=move || who_error.with(Option::is_some)>
                            <label for="entrepreneur_id">{move || i18n.t(IloKey::Entrepreneur)}</label>
                            <select id="entrepreneur_id" name="entrepreneur_id"
                                aria-invalid=move || who_error.with(Option::is_some).then_some("true")
                                aria-describedby=move || who_error.with(Option::is_some).then_some("entrepreneur_id-error")
                                on:change=move |ev| who.set(event_target_value(&ev))>
                                <option value="">{move || i18n.t(IloKey::ChooseEntrepreneur)}</option>
                                {list.into_iter().map(|e| view! {
                                    <option value=e.id.to_string()>{format!("{} · {}", e.display_name, e.project.name)}</option>
                                }).collect_view()}
                            </select>
                            {move || who_error.get().map(|m| view! { <p class="field-error" id="entrepreneur_id-error">{m}</p> })}
                        </div>
                        <TextAreaField id="booking_note" label=IloKey::BookingNote value=note rows=2
                            error=Signal::derive(move || errors.with(|e| e.field("note")))/>
                        <div class="actions">
                            <button type="submit" class="button primary" disabled=move || pending.get()>
                                {move || i18n.t(IloKey::ConfirmBooking)}
                            </button>
                            <button type="button" class="button" on:click=move |_| on_close.run(())>
                                {move || i18n.t(IloKey::CloseBooking)}
                            </button>
                        </div>
                    </form>
                }.into_any()
            })}
        </section>
    }
}
