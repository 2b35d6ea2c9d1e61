//! The app's pages, which of them a role sees in the navigation, and where to go after signing
//! in.

use shared::auth::Role;

use crate::api::encode_component;
use crate::i18n::Key;

pub const HOME: &str = "/";
pub const LOGIN: &str = "/login";
pub const ADMIN_ACCOUNTS: &str = "/admin/accounts";
pub const PEOPLE: &str = "/people";
pub const PEOPLE_NEW: &str = "/people/new";
pub const PEOPLE_REVIEW: &str = "/people/review";
/// The vocabulary of interests (coordinators and admins).
pub const PEOPLE_TAGS: &str = "/people/tags";
/// The retention review (admins).
pub const ADMIN_RETENTION: &str = "/admin/retention";

/// A person's page.
pub fn person_path(id: uuid::Uuid) -> String {
    format!("{PEOPLE}/{id}")
}

/// A person's edit form.
pub fn person_edit_path(id: uuid::Uuid) -> String {
    format!("{PEOPLE}/{id}/edit")
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavItem {
    pub label: Key,
    pub path: &'static str,
    /// Active only on this exact path (the home page), rather than on every path below it.
    pub exact: bool,
}

/// The navigation for `role`. Entries the role may not use are left out; sections that are
/// not built yet (activities, Duo2Change, InterLab, partners, reports) are absent.
pub fn nav_items(role: Role) -> Vec<NavItem> {
    let mut items = vec![NavItem {
        label: Key::NavHome,
        path: HOME,
        exact: true,
    }];
    items.push(NavItem {
        label: Key::NavPeople,
        path: PEOPLE,
        exact: false,
    });
    if role.manages_accounts() {
        items.push(NavItem {
            label: Key::NavAdmin,
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
        assert_eq!(admin, [HOME, PEOPLE, ADMIN_ACCOUNTS]);
        for role in [Role::Coordinator, Role::Coach] {
            let paths: Vec<_> = nav_items(role).iter().map(|i| i.path).collect();
            assert_eq!(paths, [HOME, PEOPLE], "{role}");
        }
    }

    #[test]
    fn only_staff_who_write_people_get_the_forms() {
        assert!(writes_people(Role::Admin));
        assert!(writes_people(Role::Coordinator));
        assert!(!writes_people(Role::Coach));
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
    fn login_path_remembers_the_page() {
        assert_eq!(login_path("/"), "/login");
        assert_eq!(
            login_path("/admin/accounts?page=2"),
            "/login?next=%2Fadmin%2Faccounts%3Fpage%3D2"
        );
        assert_eq!(login_path("//evil.example"), "/login");
    }
}
