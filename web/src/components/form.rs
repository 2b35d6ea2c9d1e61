//! The form kit: labelled inputs, selects and text areas that show their field's message (linked
//! through `aria-describedby`, flagged with `aria-invalid`), a form's field messages, the error
//! alert, and the submit hook every form uses.

use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;

use crate::api::{ApiError, FormErrors};
use crate::components::dom::focus_first_error;
use crate::i18n::common::CommonKey;
use crate::i18n::Text;
use crate::locale::{use_i18n, I18n};

/// The space-separated ids an input is described by.
fn described_by(ids: &[Option<String>]) -> Option<String> {
    let list: Vec<&str> = ids.iter().flatten().map(String::as_str).collect();
    (!list.is_empty()).then(|| list.join(" "))
}

/// A labelled text input with an optional hint and the server's message for it, linked to the
/// input through `aria-describedby` and flagged with `aria-invalid`.
#[component]
pub fn TextField(
    /// The input's id (also used for the hint and error ids).
    id: &'static str,
    #[prop(into)] label: Text,
    value: RwSignal<String>,
    /// `text` when empty.
    #[prop(optional)]
    input_type: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional, into)] hint: Option<Text>,
    #[prop(optional)] required: bool,
    /// The error shown under the input.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let input_type = if input_type.is_empty() {
        "text"
    } else {
        input_type
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id>{move || i18n.t(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || i18n.t(h)}</p> })}
            <input
                id=id
                name=id
                type=input_type
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                required=required
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
                bind:value=value
            />
            {move || {
                error
                    .get()
                    .map(|msg| {
                        view! {
                            <p class="field-error" id=error_id.clone()>
                                {msg}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The choices of a select: wire value and label (`None`: the value itself, e.g. a CEFR level).
pub struct Choices(pub Vec<(&'static str, Option<Text>)>);

impl From<Vec<(&'static str, Text)>> for Choices {
    fn from(list: Vec<(&'static str, Text)>) -> Self {
        Choices(list.into_iter().map(|(v, t)| (v, Some(t))).collect())
    }
}

impl From<Vec<(&'static str, Option<Text>)>> for Choices {
    fn from(list: Vec<(&'static str, Option<Text>)>) -> Self {
        Choices(list)
    }
}

/// A labelled select whose value is the wire name (empty for none), with its error.
#[component]
pub fn SelectField(
    id: &'static str,
    #[prop(into)] label: Text,
    value: RwSignal<String>,
    #[prop(into)] options: Choices,
    #[prop(into)] error: Signal<Option<String>>,
    /// Label of the empty choice; no empty choice without it.
    #[prop(optional, into)]
    empty: Option<Text>,
    #[prop(optional, into)] hint: Option<Text>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let (e1, h1) = (error_id.clone(), hint_id.clone());
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id>{move || i18n.t(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || i18n.t(h)}</p> })}
            <select
                id=id
                name=id
                required=required
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || {
                    described_by(&[hint.map(|_| h1.clone()), error.with(Option::is_some).then(|| e1.clone())])
                }
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {empty.map(|e| view! {
                    <option value="" selected=move || value.with(String::is_empty)>{move || i18n.t(e)}</option>
                })}
                {options
                    .0
                    .into_iter()
                    .map(|(v, k)| view! {
                        <option value=v selected=move || value.with(|cur| cur == v)>
                            {move || k.map(|k| i18n.t(k)).unwrap_or(v)}
                        </option>
                    })
                    .collect_view()}
            </select>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
        </div>
    }
}

/// A labelled multi-line text input with its error.
#[component]
pub fn TextAreaField(
    #[prop(into)] id: String,
    #[prop(into)] label: Text,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<Text>,
    /// Visible lines.
    #[prop(default = 3)]
    rows: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let (e1, h1) = (error_id.clone(), hint_id.clone());
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || i18n.t(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || i18n.t(h)}</p> })}
            <textarea
                id=id.clone()
                name=id
                rows=rows
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || {
                    described_by(&[hint.map(|_| h1.clone()), error.with(Option::is_some).then(|| e1.clone())])
                }
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
        </div>
    }
}

/// A form's field messages: the API's (`server`), or "check this value" for the fields the
/// browser side already refused (`local`).
#[derive(Clone, Copy)]
pub struct FieldErrors {
    pub server: RwSignal<crate::api::FormErrors>,
    pub local: RwSignal<Vec<&'static str>>,
}

impl Default for FieldErrors {
    fn default() -> Self {
        Self::new()
    }
}

impl FieldErrors {
    pub fn new() -> FieldErrors {
        FieldErrors {
            server: RwSignal::new(crate::api::FormErrors::default()),
            local: RwSignal::new(Vec::new()),
        }
    }

    /// The message under the field `name`.
    pub fn of(self, i18n: I18n, name: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            if self.local.with(|l| l.contains(&name)) {
                Some(i18n.t(CommonKey::CheckValue).to_string())
            } else {
                self.server.with(|e| e.field(name))
            }
        })
    }
}

/// A visible, dismissable error message (announced by screen readers when it appears).
#[component]
pub fn ErrorAlert(
    #[prop(into)] message: Signal<Option<String>>,
    /// Called when the user dismisses the message.
    on_dismiss: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let on_dismiss = std::sync::Arc::new(on_dismiss);
    view! {
        <div class="alert-slot" role="alert">
            {move || {
                let on_dismiss = on_dismiss.clone();
                message
                    .get()
                    .map(|msg| {
                        view! {
                            <div class="alert alert-error">
                                <p>{msg}</p>
                                <button
                                    type="button"
                                    class="alert-dismiss"
                                    aria-label=move || i18n.t(CommonKey::Dismiss)
                                    title=move || i18n.t(CommonKey::Dismiss)
                                    on:click=move |_| on_dismiss()
                                >
                                    <span aria-hidden="true">"×"</span>
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// A form's submission: one call in flight at a time, its answer handed to the form, and a
/// refusal shown where the person looks (see [`use_submit`]).
pub struct Submit<I: 'static, O: 'static> {
    action: Action<I, Result<O, ApiError>>,
    errors: RwSignal<FormErrors>,
    refused: StoredValue<Option<Refusal>, LocalStorage>,
}

/// A form's own handling of some refusals (a duplicate, a closed registration); `true` when it
/// took care of the error.
type Refusal = Rc<dyn Fn(&ApiError) -> bool>;

impl<I: 'static, O: 'static> Clone for Submit<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static, O: 'static> Copy for Submit<I, O> {}

impl<I, O> Submit<I, O>
where
    I: Send + Sync + 'static,
    O: Send + Sync + 'static,
{
    /// Sends the form, clearing the messages of the previous attempt.
    pub fn dispatch(self, input: I) {
        self.errors.set(FormErrors::default());
        self.action.dispatch(input);
    }

    /// Whether the call is in flight (the submit button says so and is disabled).
    pub fn pending(self) -> Memo<bool> {
        self.action.pending()
    }

    /// Handles some refusals in the form's own way before the default (messages under the
    /// fields, focus on the first field in error); `on_refused` returns `true` when it did.
    pub fn on_refused(self, on_refused: impl Fn(&ApiError) -> bool + 'static) -> Self {
        self.refused.set_value(Some(Rc::new(on_refused)));
        self
    }
}

/// The submit hook of every form: `call` runs on [`Submit::dispatch`] and `on_ok` gets its
/// answer; a refusal puts the API's messages under the form's `fields` in `errors` (the rest in
/// the form's alert) and moves the focus to the first field in error, so the person hears it.
pub fn use_submit<I, O, Fut>(
    errors: RwSignal<FormErrors>,
    fields: &'static [&'static str],
    call: impl Fn(I) -> Fut + 'static,
    on_ok: impl Fn(O) + 'static,
) -> Submit<I, O>
where
    I: Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<O, ApiError>> + 'static,
{
    let i18n = use_i18n();
    let action = Action::new_local(move |input: &I| call(input.clone()));
    let refused = StoredValue::new_local(None::<Refusal>);
    Effect::new(move |_| match action.value().get() {
        Some(Ok(value)) => on_ok(value),
        Some(Err(err)) => {
            if refused.with_value(|r| r.as_ref().is_some_and(|handled| handled(&err))) {
                return;
            }
            errors.set(FormErrors::from_error(
                &err,
                fields,
                i18n.lang.get_untracked(),
            ));
            focus_first_error();
        }
        None => {}
    });
    Submit {
        action,
        errors,
        refused,
    }
}
