//! The app: contexts, layout (header, navigation, language switcher) and routes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;
use shared::Lang;

use crate::api::Api;
use crate::components::RequireAuth;
use crate::i18n::public::PublicKey;

use crate::components::dom::element;
use crate::i18n::auth::role_key;
use crate::i18n::common::CommonKey;
use crate::locale::{apply_to_document, load_lang, save_lang, use_i18n, I18n};
use crate::pages::account::AccountPage;
use crate::pages::accounts::AccountsPage;
use crate::pages::activities::agenda::AgendaPage;
use crate::pages::activities::attendance::AttendancePage;
use crate::pages::activities::form::{EditActivityPage, NewActivityPage};
use crate::pages::activities::page::ActivityPage;
use crate::pages::audit::AuditPage;
use crate::pages::duo::attention::AttentionPage;
use crate::pages::duo::batch::BatchPage;
use crate::pages::duo::board::BoardPage;
use crate::pages::duo::candidacy_form::{EditCandidacyPage, NewCandidacyPage};
use crate::pages::duo::candidate::CandidatePage;
use crate::pages::duo::duo_page::DuoPage;
use crate::pages::duo::pool::PoolPage;
use crate::pages::duo::settings::SettingsPage;
use crate::pages::home::HomePage;
use crate::pages::interact::board::ProposalBoardPage;
use crate::pages::interact::host::HostPage;
use crate::pages::interact::new::NewProposalPage;
use crate::pages::interact::proposal::ProposalPage;
use crate::pages::interact::propose::ProposePage;
use crate::pages::interlab::application::ApplicationPage;
use crate::pages::interlab::applications::ApplicationsPage;
use crate::pages::interlab::apply::ApplyPage;
use crate::pages::interlab::cohorts::{CohortPage, CohortsPage};
use crate::pages::interlab::diagnostic_form::DiagnosticPage;
use crate::pages::interlab::entrepreneur::EntrepreneurPage;
use crate::pages::interlab::entrepreneurs::EntrepreneursPage;
use crate::pages::interlab::mentors::MentorsPage;
use crate::pages::interlab::office_hours::OfficeHoursPage;
use crate::pages::interlab::path_editor::PathEditorPage;
use crate::pages::interlab::project_form::EditProjectPage;
use crate::pages::interlab::settings::SettingsPage as InterlabSettingsPage;
use crate::pages::login::LoginPage;
use crate::pages::not_found::NotFound;
use crate::pages::partners::organisation::OrganisationPage;
use crate::pages::partners::organisations::{NewOrganisationPage, OrganisationsPage};
use crate::pages::partners::referral::ReferralPage;
use crate::pages::partners::referrals::ReferralsPage;
use crate::pages::password::{ForgotPasswordPage, ResetPasswordPage};
use crate::pages::people::list::{PeoplePage, ReviewPage};
use crate::pages::people::person::PersonPage;
use crate::pages::people::person_form::{EditPersonPage, NewPersonPage};
use crate::pages::people::retention::RetentionPage;
use crate::pages::people::tags::TagsPage;
use crate::pages::public::agenda::AgendaPage as PublicAgendaPage;
use crate::pages::public::event::EventPage;
use crate::pages::public::signup::SignupPage;
use crate::pages::reports::yearly::YearlyReportPage;
use crate::pages::reports::ReportsPage;
use crate::pages::trainings::catalogue::CataloguePage;
use crate::pages::trainings::certificate::CertificatePage;
use crate::pages::trainings::course::CoursePage;
use crate::pages::trainings::course_form::NewCoursePage;
use crate::pages::trainings::evaluation::EvaluationPage;
use crate::pages::trainings::module::ModulePage;
use crate::pages::trainings::module_form::{EditModulePage, NewModulePage};
use crate::routes::{nav_items, public_nav_items, ACCOUNT, EVENTS, HOME};
use crate::session::{Session, Status};

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(load_lang());
    let session = Session::new();
    let api = Api::new(session, lang);
    provide_context(I18n { lang });
    provide_context(session);
    provide_context(api);

    Effect::new(move |_| {
        let lang = lang.get();
        apply_to_document(lang);
        save_lang(lang);
    });

    // The access token lives in memory only: after a reload, the refresh cookie reopens the
    // session (or not, and the protected pages send the user to the sign-in page).
    spawn_local(async move { api.restore().await });

    let i18n = use_i18n();
    view! {
        <Router>
            // rel=external: the browser (not the router) follows it and moves the focus.
            <a class="skip-link" href="#main" rel="external">
                {move || i18n.t(CommonKey::SkipToContent)}
            </a>
            <Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/login") view=LoginPage/>
                    <Route path=path!("/forgot-password") view=ForgotPasswordPage/>
                    <Route path=path!("/reset-password") view=ResetPasswordPage/>
                    // Public pages: no account needed.
                    <Route path=path!("/events") view=PublicAgendaPage/>
                    <Route path=path!("/events/:id") view=EventPage/>
                    <Route path=path!("/signup") view=SignupPage/>
                    <Route path=path!("/interlab/apply") view=ApplyPage/>
                    <Route path=path!("/propose") view=ProposePage/>
                    // The addresses printed on the certificates and sent with evaluation links.
                    <Route path=path!("/certificates") view=CertificatePage/>
                    <Route path=path!("/certificates/:code") view=CertificatePage/>
                    <Route path=path!("/evaluations/:token") view=EvaluationPage/>
                    <Route
                        path=path!("/")
                        view=|| {
                            view! {
                                <RequireAuth>
                                    <HomePage/>
                                </RequireAuth>
                            }
                        }
                    />
                    <Route path=path!("/account") view=|| view! { <RequireAuth><AccountPage/></RequireAuth> }/>
                    <Route path=path!("/reports") view=|| view! { <RequireAuth><ReportsPage/></RequireAuth> }/>
                    <Route path=path!("/trainings") view=|| view! { <RequireAuth><CataloguePage/></RequireAuth> }/>
                    <Route path=path!("/trainings/modules/new") view=|| view! { <RequireAuth><NewModulePage/></RequireAuth> }/>
                    <Route path=path!("/trainings/modules/:id") view=|| view! { <RequireAuth><ModulePage/></RequireAuth> }/>
                    <Route path=path!("/trainings/modules/:id/edit") view=|| view! { <RequireAuth><EditModulePage/></RequireAuth> }/>
                    <Route path=path!("/trainings/modules/:id/courses/new") view=|| view! { <RequireAuth><NewCoursePage/></RequireAuth> }/>
                    <Route path=path!("/trainings/courses/:id") view=|| view! { <RequireAuth><CoursePage/></RequireAuth> }/>
                    <Route path=path!("/partners") view=|| view! { <RequireAuth><OrganisationsPage/></RequireAuth> }/>
                    <Route path=path!("/partners/new") view=|| view! { <RequireAuth><NewOrganisationPage/></RequireAuth> }/>
                    <Route
                        path=path!("/partners/organisations/:id")
                        view=|| view! { <RequireAuth><OrganisationPage/></RequireAuth> }
                    />
                    <Route path=path!("/partners/referrals") view=|| view! { <RequireAuth><ReferralsPage/></RequireAuth> }/>
                    <Route
                        path=path!("/partners/referrals/:id")
                        view=|| view! { <RequireAuth><ReferralPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/reports/yearly")
                        view=|| view! { <RequireAuth><YearlyReportPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/admin/accounts")
                        view=|| {
                            view! {
                                <RequireAuth admin_only=true>
                                    <AccountsPage/>
                                </RequireAuth>
                            }
                        }
                    />
                    <Route
                        path=path!("/people")
                        view=|| view! { <RequireAuth><PeoplePage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/people/review")
                        view=|| view! { <RequireAuth><ReviewPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/people/tags")
                        view=|| view! { <RequireAuth><TagsPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/admin/retention")
                        view=|| view! { <RequireAuth admin_only=true><RetentionPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/admin/audit")
                        view=|| view! { <RequireAuth admin_only=true><AuditPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/people/new")
                        view=|| view! { <RequireAuth><NewPersonPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/people/:id/edit")
                        view=|| view! { <RequireAuth><EditPersonPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/people/:id")
                        view=|| view! { <RequireAuth><PersonPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/activities")
                        view=|| view! { <RequireAuth><AgendaPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/activities/new")
                        view=|| view! { <RequireAuth><NewActivityPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/activities/:id/edit")
                        view=|| view! { <RequireAuth><EditActivityPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/activities/:id/attendance")
                        view=|| view! { <RequireAuth><AttendancePage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/activities/:id")
                        view=|| view! { <RequireAuth><ActivityPage/></RequireAuth> }
                    />
                    <Route path=path!("/interact") view=|| view! { <RequireAuth><ProposalBoardPage/></RequireAuth> }/>
                    <Route path=path!("/interact/new") view=|| view! { <RequireAuth><NewProposalPage/></RequireAuth> }/>
                    <Route
                        path=path!("/interact/proposals/:id")
                        view=|| view! { <RequireAuth><ProposalPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/interact/hosts/:id")
                        view=|| view! { <RequireAuth><HostPage/></RequireAuth> }
                    />
                    <Route path=path!("/duo") view=|| view! { <RequireAuth><PoolPage/></RequireAuth> }/>
                    <Route
                        path=path!("/duo/candidates/new")
                        view=|| view! { <RequireAuth><NewCandidacyPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/duo/candidates/:id/edit")
                        view=|| view! { <RequireAuth><EditCandidacyPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/duo/candidates/:id")
                        view=|| view! { <RequireAuth><CandidatePage/></RequireAuth> }
                    />
                    <Route path=path!("/duo/batch") view=|| view! { <RequireAuth><BatchPage/></RequireAuth> }/>
                    <Route path=path!("/duo/proposals") view=|| view! { <RequireAuth><BoardPage/></RequireAuth> }/>
                    <Route
                        path=path!("/duo/attention")
                        view=|| view! { <RequireAuth><AttentionPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/duo/settings")
                        view=|| view! { <RequireAuth><SettingsPage/></RequireAuth> }
                    />
                    <Route path=path!("/duo/duos/:id") view=|| view! { <RequireAuth><DuoPage/></RequireAuth> }/>
                    <Route path=path!("/interlab") view=|| view! { <RequireAuth><EntrepreneursPage/></RequireAuth> }/>
                    <Route
                        path=path!("/interlab/applications")
                        view=|| view! { <RequireAuth><ApplicationsPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/interlab/applications/:id")
                        view=|| view! { <RequireAuth><ApplicationPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/interlab/entrepreneurs/:id")
                        view=|| view! { <RequireAuth><EntrepreneurPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/interlab/entrepreneurs/:id/edit")
                        view=|| view! { <RequireAuth><EditProjectPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/interlab/entrepreneurs/:id/diagnostic")
                        view=|| view! { <RequireAuth><DiagnosticPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/interlab/entrepreneurs/:id/path")
                        view=|| view! { <RequireAuth><PathEditorPage/></RequireAuth> }
                    />
                    <Route path=path!("/interlab/cohorts") view=|| view! { <RequireAuth><CohortsPage/></RequireAuth> }/>
                    <Route
                        path=path!("/interlab/cohorts/:id")
                        view=|| view! { <RequireAuth><CohortPage/></RequireAuth> }
                    />
                    <Route path=path!("/interlab/mentors") view=|| view! { <RequireAuth><MentorsPage/></RequireAuth> }/>
                    <Route
                        path=path!("/interlab/office-hours")
                        view=|| view! { <RequireAuth><OfficeHoursPage/></RequireAuth> }
                    />
                    <Route
                        path=path!("/interlab/settings")
                        view=|| view! { <RequireAuth><InterlabSettingsPage/></RequireAuth> }
                    />
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let user = Memo::new(move |_| api.session.user());
    let menu_open = RwSignal::new(false);
    let location = use_location();
    // After each navigation (not the first page): close the phone menu and move the focus to
    // the new page's heading, so keyboard and screen-reader users start from there.
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            menu_open.set(false);
            request_animation_frame(focus_heading);
        }
        path
    });

    let nav = move || {
        user.get().map(|u| {
            let items = nav_items(u.role)
                .into_iter()
                .map(|item| {
                    view! {
                        <li>
                            <A href=item.path exact=item.exact>
                                {move || i18n.t(item.label)}
                            </A>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <nav class="main-nav" aria-label=move || i18n.t(CommonKey::MainNav)>
                    <ul>{items}</ul>
                </nav>
            }
        })
    };

    // Visitors (once it is known that nobody is signed in) get the public pages instead.
    let signed_out = Memo::new(move |_| matches!(api.session.status(), Status::SignedOut(_)));
    let public_nav = move || {
        signed_out.get().then(|| {
            let items = public_nav_items()
                .into_iter()
                .map(|item| {
                    view! {
                        <li>
                            <A href=item.path>{move || i18n.t(item.label)}</A>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <nav class="main-nav public-nav" aria-label=move || i18n.t(PublicKey::PublicNav)>
                    <ul>{items}</ul>
                </nav>
            }
        })
    };

    let account = move || {
        user.get().map(|u| {
            view! {
                <p class="who">
                    <bdi class="who-name">{u.display_name.clone()}</bdi>
                    <span class="who-role">{move || i18n.t(role_key(u.role))}</span>
                </p>
                <a href=ACCOUNT class="button account-link">
                    {move || i18n.t(crate::i18n::home::HomeKey::AccountLink)}
                </a>
                <button
                    type="button"
                    class="button sign-out"
                    on:click=move |_| spawn_local(async move { api.logout().await })
                >
                    {move || i18n.t(CommonKey::SignOut)}
                </button>
            }
        })
    };

    view! {
        <header
            class="site-header"
            class:signed-in=move || user.with(Option::is_some)
            on:keydown=move |ev| {
                if ev.key() == "Escape" && menu_open.get_untracked() {
                    menu_open.set(false);
                    focus_selector("button.menu-toggle");
                }
            }
        >
            <div class="bar">
                <a class="brand" href=move || if signed_out.get() { EVENTS } else { HOME }>
                    <span class="brand-mark" aria-hidden="true"></span>
                    <span>{move || i18n.t(CommonKey::AppName)}</span>
                </a>
                <Show when=move || user.with(Option::is_some)>
                    <button
                        type="button"
                        class="button menu-toggle"
                        aria-expanded=move || if menu_open.get() { "true" } else { "false" }
                        aria-controls="site-menu"
                        on:click=move |_| menu_open.update(|o| *o = !*o)
                    >
                        <span class="burger" aria-hidden="true"></span>
                        {move || i18n.t(CommonKey::Menu)}
                    </button>
                </Show>
            </div>
            <div id="site-menu" class="menu" class:open=move || menu_open.get()>
                {nav}
                {public_nav}
                <div class="tools">
                    <LanguagePicker/>
                    {account}
                </div>
            </div>
        </header>
    }
}

fn focus_heading() {
    if let Some(h) = element("main h1") {
        let _ = h.set_attribute("tabindex", "-1");
        let _ = h.focus();
    }
}

fn focus_selector(selector: &str) {
    if let Some(el) = element(selector) {
        let _ = el.focus();
    }
}

#[component]
fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="lang-picker">
            <label for="lang-select">{move || i18n.t(CommonKey::Language)}</label>
            <select
                id="lang-select"
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                        i18n.lang.set(lang);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.code() lang=l.code() selected=move || i18n.lang.get() == l>
                                {l.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
