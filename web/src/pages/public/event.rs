//! An activity's public page (`/events/{id}`): what, when (Brussels time), where, in which
//! languages, for whom, places left or the waiting list, cancellation, and the registration
//! form while registration is open. The server also puts the activity's schema.org `Event`
//! description in this page's HTML for search engines and partners' crawlers.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::activities::{ActivityStatus, PublicEvent, PublicRegistration, RegistrationStatus};
use shared::people::Category;
use shared::schema_org::{json_ld, EVENT_JSON_LD_ID};
use shared::Lang;
use uuid::Uuid;

use super::{format_when, language_name, now_utc, set_title, StaffNote};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::load::{is_not_found, load_error};
use crate::components::Loading;
use crate::i18n::public::{activity_kind_key, activity_programme_key, PublicKey};
use crate::locale::use_i18n;
use crate::pages::people::person_form::{opt_text, opt_year};
use crate::routes::EVENTS;

mod links;
mod registration;

use links::EventLinks;
use registration::*;

/// The registration form's inputs, by the names the API uses for its field errors.
pub const FIELDS: [&str; 8] = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "profile",
    "arrival_year",
    "consent",
    "notice_version",
];

/// The language to mark a text with. The API says which language the title is in; the
/// description falls back to French on its own (and the accessibility notes are typed by the
/// team, in French as a rule), so Arabic script is told apart from the Latin fallback.
pub fn text_lang(claimed: &str, text: &str) -> String {
    let arabic = text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    if arabic {
        "ar".to_string()
    } else if claimed == "ar" {
        "fr".to_string()
    } else {
        claimed.to_string()
    }
}

/// Whether and how a visitor can register, as the page explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegState {
    /// The form is shown; when full, registering puts the visitor on the waiting list.
    Open {
        full: bool,
    },
    /// Registration is not open (not yet, or closed before the start).
    NotOpen,
    /// The activity has started or is over.
    Over,
    Cancelled,
}

pub fn reg_state(e: &PublicEvent, now: DateTime<Utc>) -> RegState {
    if e.status == ActivityStatus::Cancelled {
        RegState::Cancelled
    } else if e.registration_open {
        RegState::Open {
            full: e.remaining_places == Some(0),
        }
    } else if e.start <= now {
        RegState::Over
    } else {
        RegState::NotOpen
    }
}

/// What the visitor typed, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typed {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub profile: Option<Category>,
    pub arrival_year: String,
    pub consent: bool,
    pub website: String,
}

impl Typed {
    /// The request body: blanks left out, the year of arrival only for newcomers.
    pub fn registration(&self, lang: Lang, notice_version: &str) -> PublicRegistration {
        PublicRegistration {
            first_name: self.first_name.trim().to_string(),
            last_name: opt_text(&self.last_name),
            email: opt_text(&self.email),
            phone: opt_text(&self.phone),
            profile: self.profile,
            arrival_year: (self.profile == Some(Category::Newcomer))
                .then(|| opt_year(&self.arrival_year))
                .flatten(),
            lang,
            notice_version: notice_version.to_string(),
            consent: self.consent,
            website: opt_text(&self.website),
        }
    }
}

/// The answer shown after registering: the server's message (in the language of the form)
/// and the contact the visitor typed, nothing else.
#[derive(Debug, Clone, PartialEq)]
struct Done {
    status: RegistrationStatus,
    message: String,
    lang: Lang,
    contact: String,
}

/// The form's state, kept by the page so that switching the language (which reloads the
/// activity in that language) keeps what the visitor typed.
#[derive(Clone, Copy)]
struct RegistrationForm {
    first_name: RwSignal<String>,
    last_name: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    profile: RwSignal<Option<Category>>,
    arrival_year: RwSignal<String>,
    consent: RwSignal<bool>,
    notice_version: RwSignal<Option<String>>,
    website: RwSignal<String>,
    errors: RwSignal<FormErrors>,
    done: RwSignal<Option<Done>>,
}

impl RegistrationForm {
    fn new() -> Self {
        RegistrationForm {
            first_name: RwSignal::new(String::new()),
            last_name: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
            phone: RwSignal::new(String::new()),
            profile: RwSignal::new(None),
            arrival_year: RwSignal::new(String::new()),
            consent: RwSignal::new(false),
            notice_version: RwSignal::new(None),
            website: RwSignal::new(String::new()),
            errors: RwSignal::new(FormErrors::default()),
            done: RwSignal::new(None),
        }
    }

    fn typed(&self) -> Typed {
        Typed {
            first_name: self.first_name.get_untracked(),
            last_name: self.last_name.get_untracked(),
            email: self.email.get_untracked(),
            phone: self.phone.get_untracked(),
            profile: self.profile.get_untracked(),
            arrival_year: self.arrival_year.get_untracked(),
            consent: self.consent.get_untracked(),
            website: self.website.get_untracked(),
        }
    }

    /// Empties the inputs (after a registration: the next one starts blank).
    fn clear(&self) {
        for s in [
            self.first_name,
            self.last_name,
            self.email,
            self.phone,
            self.arrival_year,
            self.website,
        ] {
            s.set(String::new());
        }
        self.profile.set(None);
        self.consent.set(false);
        self.errors.set(FormErrors::default());
    }
}

/// Loading, loaded, or failed (kept apart from the activity itself, so that reloading it after
/// a registration redraws the facts without redrawing the whole page).
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Loading,
    Ready,
    Failed(ApiError),
}

#[component]
pub fn EventPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let form = RegistrationForm::new();
    Effect::new(move |previous: Option<Option<Uuid>>| {
        let now = id.get();
        if previous.is_some_and(|p| p != now) {
            form.clear();
            form.done.set(None);
        }
        now
    });
    let resource = LocalResource::new(move || {
        let id = id.get();
        let lang = i18n.lang.get();
        async move {
            match id {
                Some(id) => api.public_event(id, lang).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    // The last answer, kept while a new one loads.
    let shown = RwSignal::new(None::<Result<PublicEvent, ApiError>>);
    Effect::new(move |_| {
        if let Some(r) = resource.get() {
            shown.set(Some(r));
        }
    });
    let outcome = Memo::new(move |_| {
        shown.with(|s| match s {
            None => Outcome::Loading,
            Some(Ok(_)) => Outcome::Ready,
            Some(Err(e)) => Outcome::Failed(e.clone()),
        })
    });
    let event =
        Memo::new(move |_| shown.with(|s| s.as_ref().and_then(|r| r.as_ref().ok().cloned())));
    Effect::new(move |_| match outcome.get() {
        Outcome::Ready => event.with(|e| {
            if let Some(e) = e {
                set_title(&e.title);
            }
        }),
        Outcome::Failed(_) => set_title(i18n.t(PublicKey::EventNotFoundTitle)),
        Outcome::Loading => {}
    });
    Effect::new(move |_| event.with(|e| set_json_ld(e.as_ref())));
    on_cleanup(|| set_json_ld(None));
    let reload = Callback::new(move |()| resource.refetch());

    view! {
        <section class="page public-page event-page" aria-labelledby="page-title">
            <p class="back">
                <a href=EVENTS>
                    <span aria-hidden="true" class="dir-arrow">"←"</span>
                    " "
                    {move || i18n.t(PublicKey::BackToAgenda)}
                </a>
            </p>
            {move || match outcome.get() {
                Outcome::Loading => view! { <Loading/> }.into_any(),
                Outcome::Failed(err) if is_not_found(&err) => view! {
                    <h1 id="page-title">{move || i18n.t(PublicKey::EventNotFoundTitle)}</h1>
                    <p>{move || i18n.t(PublicKey::EventNotFound)}</p>
                    <p><a href=EVENTS>{move || i18n.t(PublicKey::SeeAgenda)}</a></p>
                }
                .into_any(),
                Outcome::Failed(err) => view! {
                    <h1 id="page-title">{move || i18n.t(PublicKey::AgendaTitle)}</h1>
                    {load_error(&err, move || resource.refetch())}
                }
                .into_any(),
                Outcome::Ready => view! { <EventBody event=event form=form reload=reload/> }.into_any(),
            }}
            <StaffNote/>
        </section>
    }
}

/// One field of a memoised activity, for the views below.
fn field<T: Default>(event: Memo<Option<PublicEvent>>, f: impl Fn(&PublicEvent) -> T) -> T {
    event.with(|e| e.as_ref().map(&f).unwrap_or_default())
}

#[component]
fn EventBody(
    event: Memo<Option<PublicEvent>>,
    form: RegistrationForm,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang_of = move || field(event, |e| e.lang.clone());
    let cancelled = move || field(event, |e| e.status == ActivityStatus::Cancelled);
    let facts = move || event.get().map(|e| view! { <Facts event=e/> });
    let description = move || {
        let text = field(event, |e| e.description.clone());
        (!text.trim().is_empty()).then(|| {
            let paragraphs = text
                .split("\n\n")
                .filter(|p| !p.trim().is_empty())
                .map(|p| view! { <p class="prewrap">{p.trim().to_string()}</p> })
                .collect_view();
            view! {
                <section class="event-about" aria-labelledby="about-title">
                    <h2 id="about-title">{move || i18n.t(PublicKey::Description)}</h2>
                    <div lang=text_lang(&field(event, |e| e.lang.clone()), &text) dir="auto">{paragraphs}</div>
                </section>
            }
        })
    };
    let state = Memo::new(move |_| event.with(|e| e.as_ref().map(|e| reg_state(e, now_utc()))));
    let id = event.with_untracked(|e| e.as_ref().map(|e| e.id));

    view! {
        <p class="event-kicker">
            {move || event.with(|e| e.as_ref().map(|e| i18n.t(activity_programme_key(e.programme))))}
            " · "
            {move || event.with(|e| e.as_ref().map(|e| i18n.t(activity_kind_key(e.kind))))}
        </p>
        <h1 id="page-title" lang=lang_of dir="auto">{move || field(event, |e| e.title.clone())}</h1>
        <Show when=cancelled>
            <div class="alert-warn cancelled-notice">
                <p><strong>{move || i18n.t(PublicKey::CancelledNotice)}</strong></p>
                {move || field(event, |e| e.cancel_reason.clone()).map(|r| view! {
                    <p>{move || i18n.tf(PublicKey::CancelReason, &[("reason", &r)])}</p>
                })}
            </div>
        </Show>
        <div class="event-layout">
            <section class="card event-facts" aria-labelledby="facts-title">
                <h2 id="facts-title">{move || i18n.t(PublicKey::Details)}</h2>
                {facts}
                {move || event.get().filter(|e| e.status != ActivityStatus::Cancelled).map(|e| view! { <EventLinks event=e/> })}
            </section>
            {description}
        </div>
        <section class="register" id="register" aria-labelledby="register-title">
            <h2 id="register-title">{move || i18n.t(PublicKey::RegisterTitle)}</h2>
            {move || form.done.get().map(|d| view! { <Confirmation done=d form=form event=event/> })}
            {move || {
                form.done.with(Option::is_none).then(|| match (state.get(), id) {
                    (Some(RegState::Open { full }), Some(id)) => {
                        view! { <RegistrationFormView id=id full=full form=form reload=reload/> }.into_any()
                    }
                    (Some(RegState::Cancelled), _) => {
                        view! { <p class="reg-closed">{move || i18n.t(PublicKey::RegistrationCancelled)}</p> }.into_any()
                    }
                    (Some(RegState::Over), _) => {
                        view! { <p class="reg-closed">{move || i18n.t(PublicKey::RegistrationOver)}</p> }.into_any()
                    }
                    _ => view! { <p class="reg-closed">{move || i18n.t(PublicKey::RegistrationNotOpen)}</p> }.into_any(),
                })
            }}
        </section>
    }
}

/// The practical details of an activity.
#[component]
fn Facts(event: PublicEvent) -> impl IntoView {
    let i18n = use_i18n();
    let e = event;
    let (start, end) = (e.start, e.end);
    let cancelled = e.status == ActivityStatus::Cancelled;
    let venue = e.venue.clone().map(|v| {
        let line2 = [v.postcode.clone(), v.locality.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        view! {
            <span class="block"><bdi>{v.name.clone()}</bdi></span>
            {v.street.clone().map(|s| view! { <span class="block"><bdi>{s}</bdi></span> })}
            {(!line2.is_empty()).then(|| view! { <span class="block"><bdi>{line2}</bdi></span> })}
        }
    });
    // No way in to a cancelled activity: just say it was online.
    let online = e.online_url.clone().map(|url| {
        if cancelled {
            view! { <span class="block">{move || i18n.t(PublicKey::Online)}</span> }.into_any()
        } else {
            view! {
                <span class="block">
                    <a href=url rel="external noopener" target="_blank">{move || i18n.t(PublicKey::JoinOnline)}</a>
                </span>
            }
            .into_any()
        }
    });
    let has_place = e.venue.is_some() || e.online_url.is_some();
    let languages = e.languages.clone();
    let languages_view = (!languages.is_empty()).then(|| {
        let languages = languages.clone();
        view! {
            <dt>{move || i18n.t(PublicKey::SpokenLanguages)}</dt>
            <dd>
                {move || {
                    let lang = i18n.lang.get();
                    languages.iter().map(|c| language_name(lang, c)).collect::<Vec<_>>().join(", ")
                }}
            </dd>
        }
    });
    let french = e.french_level.map(|l| {
        view! {
            <dt>{move || i18n.t(PublicKey::FrenchNeeded)}</dt>
            <dd>{l.as_str()}</dd>
        }
    });
    let free = e.free;
    let notes = e
        .accessibility_notes
        .clone()
        .filter(|n| !n.trim().is_empty())
        .map(|n| {
            view! {
                <dt>{move || i18n.t(PublicKey::Accessibility)}</dt>
                <dd lang=text_lang("fr", &n) dir="auto">{n.clone()}</dd>
            }
        });
    let hosts = (!e.hosts.is_empty()).then(|| {
        let names = e.hosts.join(", ");
        view! {
            <dt>{move || i18n.t(PublicKey::HostedBy)}</dt>
            <dd><bdi>{names}</bdi></dd>
        }
    });
    let places = (!cancelled).then(|| {
        let (capacity, remaining) = (e.capacity, e.remaining_places);
        view! {
            <dt>{move || i18n.t(PublicKey::Places)}</dt>
            <dd class="places">
                {move || match (capacity, remaining) {
                    (Some(_), Some(0)) => i18n.t(PublicKey::Full).to_string(),
                    (Some(c), Some(r)) => i18n.tf(
                        PublicKey::PlacesLeftOf,
                        &[("count", &r.to_string()), ("capacity", &c.to_string())],
                    ),
                    _ => i18n.t(PublicKey::NoLimit).to_string(),
                }}
            </dd>
        }
    });
    view! {
        <dl class="facts">
            <dt>{move || i18n.t(PublicKey::When)}</dt>
            <dd>
                <time datetime=e.start_local.clone()>{move || format_when(i18n.lang.get(), &start, &end)}</time>
            </dd>
            {has_place.then(|| view! {
                <dt>{move || i18n.t(PublicKey::Where)}</dt>
                <dd>{venue}{online}</dd>
            })}
            {languages_view}
            {french}
            <dt>{move || i18n.t(PublicKey::Price)}</dt>
            <dd>{move || if free { i18n.t(PublicKey::Free) } else { i18n.t(PublicKey::NotFree) }}</dd>
            {notes}
            {hosts}
            {places}
        </dl>
    }
}

/// Keeps the page's schema.org description in step with the activity shown: the server writes
/// it only into the first page it sends, and in-app navigation must not leave a stale one.
fn set_json_ld(event: Option<&PublicEvent>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(old) = doc.get_element_by_id(EVENT_JSON_LD_ID) {
        old.remove();
    }
    let (Some(e), Ok(Some(head))) = (event, doc.query_selector("head")) else {
        return;
    };
    let Ok(script) = doc.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("type", "application/ld+json");
    script.set_id(EVENT_JSON_LD_ID);
    script.set_text_content(Some(&json_ld(e).to_string()));
    let _ = head.append_child(&script);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event(status: ActivityStatus, open: bool, remaining: Option<u32>) -> PublicEvent {
        let start = Utc
            .with_ymd_and_hms(2026, 12, 9, 17, 0, 0)
            .single()
            .unwrap_or_default();
        PublicEvent {
            id: Uuid::from_u128(7),
            url: "http://x/events/7".into(),
            title: "Atelier".into(),
            description: String::new(),
            lang: "fr".into(),
            programme: shared::activities::ActivityProgramme::Interact,
            kind: shared::activities::ActivityKind::WorkshopSession,
            start,
            end: start + chrono::Duration::hours(2),
            start_local: "2026-12-09T18:00:00+01:00".into(),
            end_local: "2026-12-09T20:00:00+01:00".into(),
            venue: None,
            online_url: None,
            status,
            cancel_reason: None,
            languages: vec!["fr".into()],
            french_level: None,
            free: true,
            accessibility_notes: None,
            tags: vec![],
            hosts: vec![],
            capacity: Some(10),
            remaining_places: remaining,
            registration_open: open,
            updated_at: start,
        }
    }

    #[test]
    fn the_page_says_why_registration_is_closed() {
        let before = Utc
            .with_ymd_and_hms(2026, 12, 1, 0, 0, 0)
            .single()
            .unwrap_or_default();
        let after = Utc
            .with_ymd_and_hms(2026, 12, 10, 0, 0, 0)
            .single()
            .unwrap_or_default();
        let published = ActivityStatus::Published;
        assert_eq!(
            reg_state(&event(published, true, Some(3)), before),
            RegState::Open { full: false }
        );
        assert_eq!(
            reg_state(&event(published, true, Some(0)), before),
            RegState::Open { full: true }
        );
        assert_eq!(
            reg_state(&event(published, true, None), before),
            RegState::Open { full: false },
            "no capacity: never full"
        );
        assert_eq!(
            reg_state(&event(published, false, Some(3)), before),
            RegState::NotOpen
        );
        assert_eq!(
            reg_state(&event(published, false, Some(3)), after),
            RegState::Over
        );
        assert_eq!(
            reg_state(&event(ActivityStatus::Cancelled, false, Some(3)), before),
            RegState::Cancelled
        );
    }

    #[test]
    fn the_body_leaves_out_blanks_and_keeps_the_year_for_newcomers_only() {
        let typed = Typed {
            first_name: "  Amina ".into(),
            last_name: " ".into(),
            email: " amina@example.org ".into(),
            phone: String::new(),
            profile: Some(Category::Local),
            arrival_year: "2023".into(),
            consent: true,
            website: String::new(),
        };
        let body = typed.registration(Lang::Ar, "2026-11");
        assert_eq!(body.first_name, "Amina");
        assert_eq!(body.last_name, None);
        assert_eq!(body.email.as_deref(), Some("amina@example.org"));
        assert_eq!(body.phone, None);
        assert_eq!(body.arrival_year, None, "a local has no year of arrival");
        assert_eq!(body.lang, Lang::Ar);
        assert_eq!(body.notice_version, "2026-11");
        assert!(body.consent);
        assert_eq!(body.website, None);
        let newcomer = Typed {
            profile: Some(Category::Newcomer),
            website: "http://spam.example".into(),
            ..typed
        };
        let body = newcomer.registration(Lang::Fr, "2026-11");
        assert_eq!(body.arrival_year, Some(2023));
        assert_eq!(body.website.as_deref(), Some("http://spam.example"));
    }

    #[test]
    fn texts_are_marked_with_their_language() {
        assert_eq!(text_lang("ar", "ورشة الخياطة"), "ar");
        assert_eq!(text_lang("ar", "Tout le matériel est fourni."), "fr");
        assert_eq!(text_lang("fr", "تعلّم الخياطة"), "ar");
        assert_eq!(text_lang("nl", "Naaiatelier"), "nl");
    }

    #[test]
    fn every_field_is_listed_once() {
        let mut names = FIELDS.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FIELDS.len());
    }
}
