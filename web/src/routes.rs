//! The app's pages, which of them a role sees in the navigation, and where to go after signing
//! in.

use shared::auth::Role;

use crate::api::encode_component;
use crate::i18n::activities::ActKey;
use crate::i18n::common::CommonKey;
use crate::i18n::vocabulary::VocabKey;
use crate::i18n::Text;

pub const HOME: &str = "/";
pub const LOGIN: &str = "/login";
pub const FORGOT_PASSWORD: &str = "/forgot-password";
pub const ADMIN_ACCOUNTS: &str = "/admin/accounts";
pub const PEOPLE: &str = "/people";
pub const PEOPLE_NEW: &str = "/people/new";
pub const PEOPLE_REVIEW: &str = "/people/review";
pub const ACTIVITIES: &str = "/activities";
pub const ACTIVITIES_NEW: &str = "/activities/new";
/// The public agenda (no account needed).
pub const EVENTS: &str = "/events";
/// The programmes' public sign-up form (no account needed).
pub const SIGNUP: &str = "/signup";
/// InterLab's public application form, "Je veux créer mon activité" (no account needed).
pub const INTERLAB_APPLY: &str = "/interlab/apply";
/// "Je propose un atelier", the public InterAct proposal form (no account needed).
pub const PROPOSE: &str = "/propose";
/// The public check of a training certificate (no account needed); the certificates print
/// `/certificates/{code}`.
pub const CERTIFICATES: &str = "/certificates";

/// The public check of the certificate with this verification code.
pub fn certificate_path(code: &str) -> String {
    format!("{CERTIFICATES}/{}", encode_component(code))
}

/// The coordinators' board of InterAct workshop proposals.
pub const INTERACT: &str = "/interact";

/// The team's entry of a proposal for a person it knows.
pub const NEW_PROPOSAL: &str = "/interact/new";

/// An InterAct proposal's page.
pub fn proposal_path(id: uuid::Uuid) -> String {
    format!("{INTERACT}/proposals/{id}")
}

/// An InterAct host's page.
pub fn host_path(person_id: uuid::Uuid) -> String {
    format!("{INTERACT}/hosts/{person_id}")
}

/// An activity's public page (the address the feeds and the JSON-LD give).
pub fn event_path(id: uuid::Uuid) -> String {
    format!("{EVENTS}/{id}")
}

/// One entry of the navigation shown to visitors (not signed in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicNavItem {
    pub label: crate::i18n::public::PublicKey,
    pub path: &'static str,
}

/// The visitors' navigation: the agenda, the sign-up form, the InterAct workshop proposal,
/// the InterLab application, and the team's sign-in page.
pub fn public_nav_items() -> Vec<PublicNavItem> {
    use crate::i18n::public::PublicKey;
    vec![
        PublicNavItem {
            label: PublicKey::NavAgenda,
            path: EVENTS,
        },
        PublicNavItem {
            label: PublicKey::NavJoin,
            path: SIGNUP,
        },
        PublicNavItem {
            label: PublicKey::NavPropose,
            path: PROPOSE,
        },
        PublicNavItem {
            label: PublicKey::NavCreate,
            path: INTERLAB_APPLY,
        },
        PublicNavItem {
            label: PublicKey::NavTeam,
            path: LOGIN,
        },
    ]
}
pub const DUO: &str = "/duo";
pub const DUO_CANDIDATE_NEW: &str = "/duo/candidates/new";
pub const DUO_BATCH: &str = "/duo/batch";
pub const DUO_BOARD: &str = "/duo/proposals";
pub const DUO_ATTENTION: &str = "/duo/attention";
pub const DUO_SETTINGS: &str = "/duo/settings";
/// InterLab: the entrepreneurs (the section's first page).
pub const INTERLAB: &str = "/interlab";
pub const INTERLAB_APPLICATIONS: &str = "/interlab/applications";
pub const INTERLAB_COHORTS: &str = "/interlab/cohorts";
/// The mentors' directory.
pub const INTERLAB_MENTORS: &str = "/interlab/mentors";
/// The mentors' office hours, week by week, and their booking.
pub const INTERLAB_OFFICE_HOURS: &str = "/interlab/office-hours";
/// Milestone templates and the sector and strength vocabularies.
pub const INTERLAB_SETTINGS: &str = "/interlab/settings";
/// The vocabulary of interests (coordinators and admins).
pub const PEOPLE_TAGS: &str = "/people/tags";
/// The retention review (admins).
pub const ADMIN_RETENTION: &str = "/admin/retention";
/// The audit log (admins).
pub const ADMIN_AUDIT: &str = "/admin/audit";
/// The signed-in user's account (their details and password).
pub const ACCOUNT: &str = "/account";
/// The impact reports (coordinators and admins).
pub const REPORTS: &str = "/reports";
/// The funders' yearly report, print-styled (`?year=`).
pub const REPORTS_YEARLY: &str = "/reports/yearly";

/// The yearly report's page for `year`.
pub fn yearly_report_path(year: i32) -> String {
    format!("{REPORTS_YEARLY}?year={year}")
}

/// The partner organisations (the partner section's first page).
pub const ORGANISATIONS: &str = "/partners";
/// The form of a new partner organisation.
pub const ORGANISATIONS_NEW: &str = "/partners/new";
/// The review queue of partners' referrals.
pub const REFERRALS: &str = "/partners/referrals";

/// A partner organisation's page (contacts, API clients, webhooks).
pub fn organisation_path(id: uuid::Uuid) -> String {
    format!("{ORGANISATIONS}/organisations/{id}")
}

/// A referral in the review queue.
pub fn referral_path(id: uuid::Uuid) -> String {
    format!("{REFERRALS}/{id}")
}

/// Whether `role` works with partner organisations, their API access and their referrals.
pub fn manages_partners(role: Role) -> bool {
    matches!(role, Role::Admin | Role::Coordinator)
}

/// Whether `role` reads the organisation-wide reports (coaches see their own home page only).
pub fn reads_reports(role: Role) -> bool {
    matches!(role, Role::Admin | Role::Coordinator)
}

/// The trainings: the catalogue of modules and the courses.
pub const TRAININGS: &str = "/trainings";
/// The form of a new module of the catalogue.
pub const TRAININGS_NEW_MODULE: &str = "/trainings/modules/new";

/// A module's page (details, courses, evaluations).
pub fn training_module_path(id: uuid::Uuid) -> String {
    format!("{TRAININGS}/modules/{id}")
}

/// A module's edit form.
pub fn training_module_edit_path(id: uuid::Uuid) -> String {
    format!("{TRAININGS}/modules/{id}/edit")
}

/// The form of a new course of a module.
pub fn new_course_path(module: uuid::Uuid) -> String {
    format!("{TRAININGS}/modules/{module}/courses/new")
}

/// A course's page (sessions, trainees, attendance, certificates, evaluations).
pub fn training_course_path(id: uuid::Uuid) -> String {
    format!("{TRAININGS}/courses/{id}")
}

/// Whether `role` writes modules and courses, registers trainees, takes attendance and issues
/// certificates (the API's `ManageTrainings`; every staff role but mentors reads them).
pub fn manages_trainings(role: Role) -> bool {
    matches!(role, Role::Admin | Role::Coordinator)
}

/// A person's page.
pub fn person_path(id: uuid::Uuid) -> String {
    format!("{PEOPLE}/{id}")
}

/// A person's edit form.
pub fn person_edit_path(id: uuid::Uuid) -> String {
    format!("{PEOPLE}/{id}/edit")
}

/// An activity's page.
pub fn activity_path(id: uuid::Uuid) -> String {
    format!("{ACTIVITIES}/{id}")
}

/// An activity's edit form.
pub fn activity_edit_path(id: uuid::Uuid) -> String {
    format!("{ACTIVITIES}/{id}/edit")
}

/// An activity's attendance sheet.
pub fn activity_attendance_path(id: uuid::Uuid) -> String {
    format!("{ACTIVITIES}/{id}/attendance")
}

/// A Duo2Change candidacy's page (with its suggestions).
pub fn duo_candidate_path(id: uuid::Uuid) -> String {
    format!("{DUO}/candidates/{id}")
}

/// A Duo2Change candidacy's edit form.
pub fn duo_candidate_edit_path(id: uuid::Uuid) -> String {
    format!("{DUO}/candidates/{id}/edit")
}

/// A duo's page.
pub fn duo_path(id: uuid::Uuid) -> String {
    format!("{DUO}/duos/{id}")
}

/// An application to InterLab in the team's queue.
pub fn interlab_application_path(id: uuid::Uuid) -> String {
    format!("{INTERLAB_APPLICATIONS}/{id}")
}

/// An InterLab entrepreneur's page (project, strengths and needs, path).
pub fn entrepreneur_path(id: uuid::Uuid) -> String {
    format!("{INTERLAB}/entrepreneurs/{id}")
}

/// The form of an entrepreneur's project.
pub fn entrepreneur_edit_path(id: uuid::Uuid) -> String {
    format!("{INTERLAB}/entrepreneurs/{id}/edit")
}

/// The form of a new diagnostic (strengths first, then needs).
pub fn diagnostic_new_path(id: uuid::Uuid) -> String {
    format!("{INTERLAB}/entrepreneurs/{id}/diagnostic")
}

/// The path editor of an entrepreneur.
pub fn path_editor_path(id: uuid::Uuid) -> String {
    format!("{INTERLAB}/entrepreneurs/{id}/path")
}

/// A cohort's board.
pub fn cohort_path(id: uuid::Uuid) -> String {
    format!("{INTERLAB_COHORTS}/{id}")
}

/// Whether `role` reviews InterLab applications and manages cohorts, vocabularies and who
/// coaches whom (coaches follow the entrepreneurs they accompany).
pub fn manages_interlab(role: Role) -> bool {
    matches!(role, Role::Admin | Role::Coordinator)
}

/// Whether `role` may change InterLab's milestone templates.
pub fn edits_templates(role: Role) -> bool {
    role == Role::Admin
}

/// Whether `role` may record and change people (coaches only read the people they accompany).
pub fn writes_people(role: Role) -> bool {
    matches!(role, Role::Admin | Role::Coordinator)
}

/// Whether `role` may add, rename and merge tags of the vocabulary.
pub fn manages_tags(role: Role) -> bool {
    matches!(role, Role::Admin | Role::Coordinator)
}

/// Whether `role` may review people past the retention period and anonymise them in bulk.
pub fn manages_retention(role: Role) -> bool {
    role == Role::Admin
}

/// One entry of the main navigation.
#[derive(Debug, Clone, Copy)]
pub struct NavItem {
    /// A key of any catalogue.
    pub label: Text,
    pub path: &'static str,
    /// Active only on this exact path (the home page), rather than on every path below it.
    pub exact: bool,
}

/// The navigation for `role`. Entries the role may not use are left out.
pub fn nav_items(role: Role) -> Vec<NavItem> {
    let mut items = vec![NavItem {
        label: CommonKey::NavHome.into(),
        path: HOME,
        exact: true,
    }];
    // A mentor's account sees InterLab only: no people list, no agenda, no duos.
    if role == Role::Mentor {
        return items;
    }
    items.push(NavItem {
        label: CommonKey::NavPeople.into(),
        path: PEOPLE,
        exact: false,
    });
    items.push(NavItem {
        label: ActKey::NavAgenda.into(),
        path: ACTIVITIES,
        exact: false,
    });
    // Every staff role: coaches see the proposals of the people they accompany.
    items.push(NavItem {
        label: crate::i18n::interact::InteractKey::NavInteract.into(),
        path: INTERACT,
        exact: false,
    });
    // Every staff role: coaches see the candidacies and duos of the people they accompany.
    items.push(NavItem {
        label: VocabKey::ProgDuo2change.into(),
        path: DUO,
        exact: false,
    });
    // Every staff role: coaches see the entrepreneurs they accompany.
    items.push(NavItem {
        label: VocabKey::ProgInterlab.into(),
        path: INTERLAB,
        exact: false,
    });
    // Every staff role (the API's `ReadTrainings`): coaches see the trainees they accompany.
    items.push(NavItem {
        label: crate::i18n::trainings_staff::TsKey::NavTrainings.into(),
        path: TRAININGS,
        exact: false,
    });
    if manages_partners(role) {
        items.push(NavItem {
            label: crate::i18n::partners::PtKey::NavPartners.into(),
            path: ORGANISATIONS,
            exact: false,
        });
    }
    if reads_reports(role) {
        items.push(NavItem {
            label: crate::i18n::reports::RepKey::NavReports.into(),
            path: REPORTS,
            exact: false,
        });
    }
    if role.manages_accounts() {
        items.push(NavItem {
            label: CommonKey::NavAdmin.into(),
            path: ADMIN_ACCOUNTS,
            exact: false,
        });
    }
    items
}

/// The page to open after signing in, from an untrusted `next` parameter: only a path of this
/// site (no scheme, no `//host`, no backslash tricks, no control characters), never the
/// sign-in page itself; anything else gives the home page.
pub fn safe_next(raw: Option<&str>) -> String {
    let Some(next) = raw.map(str::trim) else {
        return HOME.to_string();
    };
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control)
        && !next.contains("://")
        && next != LOGIN
        && !next.starts_with("/login?")
        && !next.starts_with("/login/");
    if ok {
        next.to_string()
    } else {
        HOME.to_string()
    }
}

/// The sign-in page's address, remembering `next` unless it is the home page.
pub fn login_path(next: &str) -> String {
    let next = safe_next(Some(next));
    if next == HOME {
        LOGIN.to_string()
    } else {
        format!("{LOGIN}?next={}", encode_component(&next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_see_admin() {
        let admin: Vec<_> = nav_items(Role::Admin).iter().map(|i| i.path).collect();
        assert_eq!(
            admin,
            [
                HOME,
                PEOPLE,
                ACTIVITIES,
                INTERACT,
                DUO,
                INTERLAB,
                TRAININGS,
                ORGANISATIONS,
                REPORTS,
                ADMIN_ACCOUNTS
            ]
        );
        let coordinator: Vec<_> = nav_items(Role::Coordinator)
            .iter()
            .map(|i| i.path)
            .collect();
        assert_eq!(
            coordinator,
            [
                HOME,
                PEOPLE,
                ACTIVITIES,
                INTERACT,
                DUO,
                INTERLAB,
                TRAININGS,
                ORGANISATIONS,
                REPORTS
            ]
        );
        assert!(manages_partners(Role::Coordinator) && !manages_partners(Role::Coach));
        assert!(!manages_partners(Role::Mentor));
        // Coaches get no organisation-wide report.
        let coach: Vec<_> = nav_items(Role::Coach).iter().map(|i| i.path).collect();
        assert_eq!(
            coach,
            [HOME, PEOPLE, ACTIVITIES, INTERACT, DUO, INTERLAB, TRAININGS]
        );
        assert!(manages_trainings(Role::Coordinator) && !manages_trainings(Role::Coach));
        assert!(reads_reports(Role::Coordinator) && !reads_reports(Role::Coach));
        assert!(!reads_reports(Role::Mentor));
        assert_eq!(yearly_report_path(2026), "/reports/yearly?year=2026");
        assert_eq!(safe_next(Some(REPORTS)), REPORTS);
        let agenda = nav_items(Role::Coach)[2];
        assert_eq!(agenda.label.get(shared::Lang::Fr), "Agenda");
    }

    #[test]
    fn training_paths() {
        let id = uuid::Uuid::from_u128(1);
        assert_eq!(training_module_path(id), format!("/trainings/modules/{id}"));
        assert_eq!(
            training_module_edit_path(id),
            format!("/trainings/modules/{id}/edit")
        );
        assert_eq!(
            new_course_path(id),
            format!("/trainings/modules/{id}/courses/new")
        );
        assert_eq!(training_course_path(id), format!("/trainings/courses/{id}"));
        // The new module's form is not read as a module's page.
        assert_ne!(training_module_path(id), TRAININGS_NEW_MODULE);
    }

    #[test]
    fn activity_paths() {
        let id = uuid::Uuid::from_u128(1);
        assert_eq!(activity_path(id), format!("/activities/{id}"));
        assert_eq!(activity_edit_path(id), format!("/activities/{id}/edit"));
        assert_eq!(
            activity_attendance_path(id),
            format!("/activities/{id}/attendance")
        );
    }

    #[test]
    fn only_staff_who_write_people_get_the_forms() {
        assert!(writes_people(Role::Admin));
        assert!(writes_people(Role::Coordinator));
        assert!(!writes_people(Role::Coach));
    }

    #[test]
    fn duo_paths_live_under_the_section() {
        let id = uuid::Uuid::nil();
        for p in [
            duo_candidate_path(id),
            duo_candidate_edit_path(id),
            duo_path(id),
        ] {
            assert!(p.starts_with("/duo/"), "{p}");
        }
        assert_eq!(
            duo_path(id),
            "/duo/duos/00000000-0000-0000-0000-000000000000"
        );
        for p in [
            DUO_CANDIDATE_NEW,
            DUO_BATCH,
            DUO_BOARD,
            DUO_ATTENTION,
            DUO_SETTINGS,
        ] {
            assert!(p.starts_with("/duo/"), "{p}");
        }
    }

    #[test]
    fn vocabulary_is_for_coordinators_and_retention_for_admins() {
        assert!(manages_tags(Role::Admin) && manages_tags(Role::Coordinator));
        assert!(!manages_tags(Role::Coach));
        assert!(manages_retention(Role::Admin));
        assert!(!manages_retention(Role::Coordinator) && !manages_retention(Role::Coach));
        // Both screens are sign-in pages an expired session may come back to.
        assert_eq!(safe_next(Some(PEOPLE_TAGS)), PEOPLE_TAGS);
        assert_eq!(
            login_path(ADMIN_RETENTION),
            "/login?next=%2Fadmin%2Fretention"
        );
    }

    #[test]
    fn interlab_paths_live_under_the_section() {
        let id = uuid::Uuid::nil();
        for p in [
            interlab_application_path(id),
            entrepreneur_path(id),
            entrepreneur_edit_path(id),
            diagnostic_new_path(id),
            path_editor_path(id),
            cohort_path(id),
        ] {
            assert!(p.starts_with("/interlab/"), "{p}");
            assert!(
                p.ends_with(&id.to_string()) || p.contains(&format!("{id}/")),
                "{p}"
            );
        }
        assert!(manages_interlab(Role::Coordinator) && !manages_interlab(Role::Coach));
        assert!(edits_templates(Role::Admin) && !edits_templates(Role::Coordinator));
        // The public form may be the page a staff member signs in from.
        assert_eq!(safe_next(Some(INTERLAB_APPLY)), INTERLAB_APPLY);
    }

    #[test]
    fn partner_paths_live_under_the_section() {
        let id = uuid::Uuid::nil();
        for p in [
            organisation_path(id),
            referral_path(id),
            ORGANISATIONS_NEW.to_string(),
            REFERRALS.to_string(),
        ] {
            assert!(p.starts_with("/partners/"), "{p}");
        }
        // The new organisation's form is not read as an organisation's page.
        assert_ne!(organisation_path(id), ORGANISATIONS_NEW);
        assert_eq!(safe_next(Some(REFERRALS)), REFERRALS);
    }

    #[test]
    fn next_accepts_same_origin_paths_only() {
        assert_eq!(safe_next(Some("/admin/accounts")), "/admin/accounts");
        assert_eq!(
            safe_next(Some("/admin/accounts?page=2#top")),
            "/admin/accounts?page=2#top"
        );
        for bad in [
            "https://evil.example/",
            "//evil.example/x",
            "/\\evil.example",
            "\\\\evil.example",
            "javascript:alert(1)",
            "admin",
            "",
            "/login",
            "/login?next=/x",
            "/x\n/y",
            "/redirect?to=http://evil.example",
        ] {
            assert_eq!(safe_next(Some(bad)), HOME, "{bad:?}");
        }
        assert_eq!(safe_next(None), HOME);
    }

    #[test]
    fn visitors_get_the_public_pages() {
        let visitors: Vec<_> = public_nav_items().iter().map(|i| i.path).collect();
        assert_eq!(visitors, [EVENTS, SIGNUP, PROPOSE, INTERLAB_APPLY, LOGIN]);
        // A staff member who signs in from a public page may go back to it.
        assert_eq!(
            safe_next(Some("/events?period=week")),
            "/events?period=week"
        );
        assert_eq!(safe_next(Some(SIGNUP)), SIGNUP);
        assert_eq!(
            event_path(uuid::Uuid::nil()),
            "/events/00000000-0000-0000-0000-000000000000"
        );
    }

    #[test]
    fn certificates_are_checked_at_the_printed_address() {
        assert_eq!(
            certificate_path("7K3QD-M2XPA-9VBNE-H4RTW"),
            "/certificates/7K3QD-M2XPA-9VBNE-H4RTW"
        );
        assert_eq!(certificate_path("a/b"), "/certificates/a%2Fb");
    }

    #[test]
    fn login_path_remembers_the_page() {
        assert_eq!(login_path("/"), "/login");
        assert_eq!(
            login_path("/admin/accounts?page=2"),
            "/login?next=%2Fadmin%2Faccounts%3Fpage%3D2"
        );
        assert_eq!(login_path("//evil.example"), "/login");
    }
}
