//! Offering a slot: a coordinator chooses the mentor, a mentor's account offers its own. The
//! day and the hours are Brussels time; the API checks the rest (in the future, the same day,
//! a place or an https link) and its messages go under the fields.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::interlab::{Mentor, OfficeHour, OfficeHourInput};
use uuid::Uuid;

use crate::api::{use_api, ApiError, FormErrors};
use crate::components::form::{use_submit, ErrorAlert, TextField};
use crate::i18n::common::CommonKey;
use crate::i18n::interlab_office::IloKey;
use crate::locale::use_i18n;
use crate::pages::interlab::{opt_text, parse_date};

const FIELDS: &[&str] = &["mentor_id", "starts_at", "ends_at", "place", "video_url"];

/// The API's body from what was typed: `2027-01-12T14:00` for the start and the end.
pub fn slot_input(
    mentor_id: Uuid,
    day: &str,
    from: &str,
    until: &str,
    place: &str,
    video: &str,
) -> OfficeHourInput {
    let at = |time: &str| format!("{}T{}", day.trim(), time.trim());
    OfficeHourInput {
        mentor_id,
        starts_at: at(from),
        ends_at: at(until),
        place: opt_text(place),
        video_url: opt_text(video),
    }
}

#[component]
pub fn OfferForm(
    mentors: LocalResource<Result<Vec<Mentor>, ApiError>>,
    me: LocalResource<Result<Option<Mentor>, ApiError>>,
    /// A mentor's account offers its own slots: no mentor to choose.
    mentor_account: bool,
    /// Called with the day of the slot offered.
    on_offered: Callback<NaiveDate>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let mentor = RwSignal::new(String::new());
    let (day, from, until) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (place, video) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let errors = RwSignal::new(FormErrors::default());
    let submit = use_submit(
        errors,
        FIELDS,
        move |body: OfficeHourInput| async move { api.offer_office_hour(&body).await },
        move |_: OfficeHour| {
            if let Some(d) = parse_date(&day.get_untracked()) {
                on_offered.run(d);
            }
            from.set(String::new());
            until.set(String::new());
        },
    );
    let pending = submit.pending();
    let field = move |name: &'static str| Signal::derive(move || errors.with(|e| e.field(name)));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let who = if mentor_account {
            me.get_untracked()
                .and_then(Result::ok)
                .flatten()
                .map(|m| m.id)
        } else {
            mentor.get_untracked().parse().ok()
        };
        submit.dispatch(slot_input(
            who.unwrap_or_else(Uuid::nil),
            &day.get_untracked(),
            &from.get_untracked(),
            &until.get_untracked(),
            &place.get_untracked(),
            &video.get_untracked(),
        ));
    };
    let mentor_error = field("mentor_id");
    view! {
        <section class="card il-offer" aria-labelledby="offer-title">
            <h2 id="offer-title">{move || i18n.t(IloKey::OfferTitle)}</h2>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <form class="offer-form" novalidate=true on:submit=on_submit>
                {(!mentor_account).then(|| view! {
                    <div class="field" class:field-invalid=move || mentor_error.with(Option::is_some)>
                        <label for="slot-mentor">{move || i18n.t(IloKey::MentorLabel)}</label>
                        <select id="slot-mentor" name="mentor_id"
                            aria-invalid=move || mentor_error.with(Option::is_some).then_some("true")
                            aria-describedby=move || mentor_error.with(Option::is_some).then_some("slot-mentor-error")
                            on:change=move |ev| mentor.set(event_target_value(&ev))>
                            <option value="">{move || i18n.t(IloKey::ChooseMentor)}</option>
                            {move || mentors.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|m| view! {
                                <option value=m.id.to_string()>{m.display_name}</option>
                            }).collect_view()}
                        </select>
                        {move || mentor_error.get().map(|m| view! { <p class="field-error" id="slot-mentor-error">{m}</p> })}
                    </div>
                })}
                <div class="form-grid">
                    <TextField id="slot-day" label=IloKey::Day input_type="date" value=day required=true error=field("starts_at")/>
                    <TextField id="slot-from" label=IloKey::From input_type="time" value=from required=true error=Signal::derive(|| None::<String>)/>
                    <TextField id="slot-until" label=IloKey::Until input_type="time" value=until required=true error=field("ends_at")/>
                </div>
                <div class="form-grid">
                    <TextField id="slot-place" label=IloKey::Place hint=IloKey::PlaceOrLinkHint value=place error=field("place")/>
                    <TextField id="slot-video" label=IloKey::VideoLink input_type="url" value=video error=field("video_url")/>
                </div>
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t(CommonKey::Saving) } else { i18n.t(IloKey::SaveSlot) }}
                    </button>
                </div>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_and_hours_make_local_times() {
        let m = Uuid::from_u128(3);
        let i = slot_input(
            m,
            "2027-01-12",
            "14:00",
            " 15:30",
            " ",
            "https://meet.example/x",
        );
        assert_eq!(i.starts_at, "2027-01-12T14:00");
        assert_eq!(i.ends_at, "2027-01-12T15:30");
        assert_eq!(i.place, None);
        assert_eq!(i.video_url.as_deref(), Some("https://meet.example/x"));
    }
}
