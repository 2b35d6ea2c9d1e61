//! The interface's message catalogues.
//!
//! Every user-visible string of the app is a [`Key`]; each language is one exhaustive `match`, so a
//! key without a translation does not compile. Strings with `{name}`-style placeholders are
//! filled by [`tf`]. French is the default language (Interra works in French).

use shared::auth::Role;
use shared::Lang;

/// A user-visible message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    AppName,
    SkipToContent,
    MainNav,
    Menu,
    Language,
    SignOut,
    Loading,
    RestoringSession,
    Dismiss,
    Retry,
    ErrNetwork,
    ErrUnexpected,
    SessionExpired,
    SignedOut,
    SignInTitle,
    SignInIntro,
    Email,
    Password,
    SignIn,
    SigningIn,
    NavHome,
    NavAdmin,
    HomeGreeting,
    YourAccount,
    Role,
    Status,
    LastLogin,
    LastLoginAt,
    Never,
    WhatYouCanDo,
    ManageAccounts,
    ManageAccountsHint,
    ChangeYourPassword,
    ChangeYourPasswordHint,
    CurrentPassword,
    NewPassword,
    PasswordHint,
    ChangePasswordSubmit,
    Saving,
    PasswordChanged,
    AccountsTitle,
    AccountsIntro,
    Filters,
    Search,
    SearchSubmit,
    AllRoles,
    AllStatuses,
    Active,
    Inactive,
    AccountCount,
    NoAccounts,
    PreviousPage,
    NextPage,
    PageOf,
    Pagination,
    NewAccount,
    Cancel,
    DisplayName,
    InitialPassword,
    CreateAccount,
    Creating,
    AccountCreated,
    RoleOf,
    SaveRole,
    SaveRoleOf,
    Deactivate,
    Reactivate,
    DeactivateNamed,
    ReactivateNamed,
    AccountUpdated,
    You,
    RoleAdmin,
    RoleCoordinator,
    RoleCoach,
    ForbiddenTitle,
    ForbiddenBody,
    NotFoundTitle,
    NotFoundBody,
    BackHome,
}

impl Key {
    /// Every key, in declaration order (checked by a unit test).
    pub const ALL: [Key; 79] = [
        Key::AppName,
        Key::SkipToContent,
        Key::MainNav,
        Key::Menu,
        Key::Language,
        Key::SignOut,
        Key::Loading,
        Key::RestoringSession,
        Key::Dismiss,
        Key::Retry,
        Key::ErrNetwork,
        Key::ErrUnexpected,
        Key::SessionExpired,
        Key::SignedOut,
        Key::SignInTitle,
        Key::SignInIntro,
        Key::Email,
        Key::Password,
        Key::SignIn,
        Key::SigningIn,
        Key::NavHome,
        Key::NavAdmin,
        Key::HomeGreeting,
        Key::YourAccount,
        Key::Role,
        Key::Status,
        Key::LastLogin,
        Key::LastLoginAt,
        Key::Never,
        Key::WhatYouCanDo,
        Key::ManageAccounts,
        Key::ManageAccountsHint,
        Key::ChangeYourPassword,
        Key::ChangeYourPasswordHint,
        Key::CurrentPassword,
        Key::NewPassword,
        Key::PasswordHint,
        Key::ChangePasswordSubmit,
        Key::Saving,
        Key::PasswordChanged,
        Key::AccountsTitle,
        Key::AccountsIntro,
        Key::Filters,
        Key::Search,
        Key::SearchSubmit,
        Key::AllRoles,
        Key::AllStatuses,
        Key::Active,
        Key::Inactive,
        Key::AccountCount,
        Key::NoAccounts,
        Key::PreviousPage,
        Key::NextPage,
        Key::PageOf,
        Key::Pagination,
        Key::NewAccount,
        Key::Cancel,
        Key::DisplayName,
        Key::InitialPassword,
        Key::CreateAccount,
        Key::Creating,
        Key::AccountCreated,
        Key::RoleOf,
        Key::SaveRole,
        Key::SaveRoleOf,
        Key::Deactivate,
        Key::Reactivate,
        Key::DeactivateNamed,
        Key::ReactivateNamed,
        Key::AccountUpdated,
        Key::You,
        Key::RoleAdmin,
        Key::RoleCoordinator,
        Key::RoleCoach,
        Key::ForbiddenTitle,
        Key::ForbiddenBody,
        Key::NotFoundTitle,
        Key::NotFoundBody,
        Key::BackHome,
    ];
}

/// The message for `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::Fr => fr(key),
        Lang::En => en(key),
        Lang::Nl => nl(key),
        Lang::Ar => ar(key),
    }
}

/// The message for `key` in `lang`, with each `{name}` placeholder replaced by its value.
pub fn tf(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    fill(t(lang, key), args)
}

/// Replaces `{name}` placeholders in `template`.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The catalogue key naming a role.
pub fn role_key(role: Role) -> Key {
    match role {
        Role::Admin => Key::RoleAdmin,
        Role::Coordinator => Key::RoleCoordinator,
        Role::Coach => Key::RoleCoach,
    }
}

/// Locale used for dates and numbers: Belgian variants where they exist.
pub fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr-BE",
        Lang::En => "en-GB",
        Lang::Nl => "nl-BE",
        Lang::Ar => "ar",
    }
}

fn fr(key: Key) -> &'static str {
    match key {
        Key::AppName => "Interra",
        Key::SkipToContent => "Aller au contenu",
        Key::MainNav => "Navigation principale",
        Key::Menu => "Menu",
        Key::Language => "Langue",
        Key::SignOut => "Se déconnecter",
        Key::Loading => "Chargement…",
        Key::RestoringSession => "Ouverture de votre session…",
        Key::Dismiss => "Fermer ce message",
        Key::Retry => "Réessayer",
        Key::ErrNetwork => "Le serveur ne répond pas. Vérifiez la connexion et réessayez.",
        Key::ErrUnexpected => "Une erreur inattendue s'est produite. Réessayez plus tard.",
        Key::SessionExpired => "Votre session a expiré. Reconnectez-vous pour continuer.",
        Key::SignedOut => "Vous êtes déconnecté·e.",
        Key::SignInTitle => "Connexion",
        Key::SignInIntro => "Connectez-vous avec votre compte Interra.",
        Key::Email => "Adresse e-mail",
        Key::Password => "Mot de passe",
        Key::SignIn => "Se connecter",
        Key::SigningIn => "Connexion…",
        Key::NavHome => "Accueil",
        Key::NavAdmin => "Administration",
        Key::HomeGreeting => "Bonjour, {name}",
        Key::YourAccount => "Votre compte",
        Key::Role => "Rôle",
        Key::Status => "Statut",
        Key::LastLogin => "Dernière connexion",
        Key::LastLoginAt => "Dernière connexion : {date}",
        Key::Never => "Jamais",
        Key::WhatYouCanDo => "Ce que vous pouvez faire",
        Key::ManageAccounts => "Gérer les comptes de l'équipe",
        Key::ManageAccountsHint => "Créer des comptes, changer les rôles, désactiver un accès.",
        Key::ChangeYourPassword => "Changer votre mot de passe",
        Key::ChangeYourPasswordHint => "Choisissez un mot de passe que vous seul·e connaissez.",
        Key::CurrentPassword => "Mot de passe actuel",
        Key::NewPassword => "Nouveau mot de passe",
        Key::PasswordHint => "Au moins 12 caractères.",
        Key::ChangePasswordSubmit => "Changer le mot de passe",
        Key::Saving => "Enregistrement…",
        Key::PasswordChanged => "Votre mot de passe a été changé.",
        Key::AccountsTitle => "Comptes de l'équipe",
        Key::AccountsIntro => "Les personnes qui peuvent se connecter à Interra, et leur rôle.",
        Key::Filters => "Filtrer les comptes",
        Key::Search => "Rechercher (nom ou e-mail)",
        Key::SearchSubmit => "Rechercher",
        Key::AllRoles => "Tous les rôles",
        Key::AllStatuses => "Tous les statuts",
        Key::Active => "Actif",
        Key::Inactive => "Désactivé",
        Key::AccountCount => "Comptes trouvés : {count}",
        Key::NoAccounts => "Aucun compte ne correspond à ces critères.",
        Key::PreviousPage => "Page précédente",
        Key::NextPage => "Page suivante",
        Key::PageOf => "Page {page} sur {pages}",
        Key::Pagination => "Pagination",
        Key::NewAccount => "Nouveau compte",
        Key::Cancel => "Annuler",
        Key::DisplayName => "Nom affiché",
        Key::InitialPassword => "Mot de passe initial",
        Key::CreateAccount => "Créer le compte",
        Key::Creating => "Création…",
        Key::AccountCreated => "Compte créé pour {email}.",
        Key::RoleOf => "Rôle de {name}",
        Key::SaveRole => "Enregistrer",
        Key::SaveRoleOf => "Enregistrer le rôle de {name}",
        Key::Deactivate => "Désactiver",
        Key::Reactivate => "Réactiver",
        Key::DeactivateNamed => "Désactiver le compte de {name}",
        Key::ReactivateNamed => "Réactiver le compte de {name}",
        Key::AccountUpdated => "Le compte de {name} a été mis à jour.",
        Key::You => "vous",
        Key::RoleAdmin => "Administration",
        Key::RoleCoordinator => "Coordination",
        Key::RoleCoach => "Coach",
        Key::ForbiddenTitle => "Accès réservé",
        Key::ForbiddenBody => "Votre rôle ne donne pas accès à cette page.",
        Key::NotFoundTitle => "Page introuvable",
        Key::NotFoundBody => "Cette adresse ne correspond à aucune page d'Interra.",
        Key::BackHome => "Retour à l'accueil",
    }
}

fn en(key: Key) -> &'static str {
    match key {
        Key::AppName => "Interra",
        Key::SkipToContent => "Skip to content",
        Key::MainNav => "Main navigation",
        Key::Menu => "Menu",
        Key::Language => "Language",
        Key::SignOut => "Sign out",
        Key::Loading => "Loading…",
        Key::RestoringSession => "Opening your session…",
        Key::Dismiss => "Dismiss this message",
        Key::Retry => "Try again",
        Key::ErrNetwork => "The server is not answering. Check the connection and try again.",
        Key::ErrUnexpected => "Something unexpected went wrong. Please try again later.",
        Key::SessionExpired => "Your session has expired. Sign in again to continue.",
        Key::SignedOut => "You are signed out.",
        Key::SignInTitle => "Sign in",
        Key::SignInIntro => "Sign in with your Interra account.",
        Key::Email => "Email address",
        Key::Password => "Password",
        Key::SignIn => "Sign in",
        Key::SigningIn => "Signing in…",
        Key::NavHome => "Home",
        Key::NavAdmin => "Admin",
        Key::HomeGreeting => "Hello, {name}",
        Key::YourAccount => "Your account",
        Key::Role => "Role",
        Key::Status => "Status",
        Key::LastLogin => "Last sign-in",
        Key::LastLoginAt => "Last sign-in: {date}",
        Key::Never => "Never",
        Key::WhatYouCanDo => "What you can do",
        Key::ManageAccounts => "Manage the team's accounts",
        Key::ManageAccountsHint => "Create accounts, change roles, remove access.",
        Key::ChangeYourPassword => "Change your password",
        Key::ChangeYourPasswordHint => "Choose a password that only you know.",
        Key::CurrentPassword => "Current password",
        Key::NewPassword => "New password",
        Key::PasswordHint => "At least 12 characters.",
        Key::ChangePasswordSubmit => "Change password",
        Key::Saving => "Saving…",
        Key::PasswordChanged => "Your password has been changed.",
        Key::AccountsTitle => "Team accounts",
        Key::AccountsIntro => "The people who can sign in to Interra, and their role.",
        Key::Filters => "Filter accounts",
        Key::Search => "Search (name or email)",
        Key::SearchSubmit => "Search",
        Key::AllRoles => "All roles",
        Key::AllStatuses => "All statuses",
        Key::Active => "Active",
        Key::Inactive => "Deactivated",
        Key::AccountCount => "Accounts found: {count}",
        Key::NoAccounts => "No account matches these filters.",
        Key::PreviousPage => "Previous page",
        Key::NextPage => "Next page",
        Key::PageOf => "Page {page} of {pages}",
        Key::Pagination => "Pagination",
        Key::NewAccount => "New account",
        Key::Cancel => "Cancel",
        Key::DisplayName => "Display name",
        Key::InitialPassword => "Initial password",
        Key::CreateAccount => "Create account",
        Key::Creating => "Creating…",
        Key::AccountCreated => "Account created for {email}.",
        Key::RoleOf => "Role of {name}",
        Key::SaveRole => "Save",
        Key::SaveRoleOf => "Save the role of {name}",
        Key::Deactivate => "Deactivate",
        Key::Reactivate => "Reactivate",
        Key::DeactivateNamed => "Deactivate {name}'s account",
        Key::ReactivateNamed => "Reactivate {name}'s account",
        Key::AccountUpdated => "{name}'s account has been updated.",
        Key::You => "you",
        Key::RoleAdmin => "Admin",
        Key::RoleCoordinator => "Coordinator",
        Key::RoleCoach => "Coach",
        Key::ForbiddenTitle => "Restricted page",
        Key::ForbiddenBody => "Your role does not give access to this page.",
        Key::NotFoundTitle => "Page not found",
        Key::NotFoundBody => "This address does not match any page of Interra.",
        Key::BackHome => "Back to home",
    }
}

fn nl(key: Key) -> &'static str {
    match key {
        Key::AppName => "Interra",
        Key::SkipToContent => "Naar de inhoud",
        Key::MainNav => "Hoofdnavigatie",
        Key::Menu => "Menu",
        Key::Language => "Taal",
        Key::SignOut => "Afmelden",
        Key::Loading => "Laden…",
        Key::RestoringSession => "Uw sessie wordt geopend…",
        Key::Dismiss => "Dit bericht sluiten",
        Key::Retry => "Opnieuw proberen",
        Key::ErrNetwork => "De server antwoordt niet. Controleer de verbinding en probeer opnieuw.",
        Key::ErrUnexpected => "Er ging iets onverwachts mis. Probeer het later opnieuw.",
        Key::SessionExpired => "Uw sessie is verlopen. Meld u opnieuw aan om verder te gaan.",
        Key::SignedOut => "U bent afgemeld.",
        Key::SignInTitle => "Aanmelden",
        Key::SignInIntro => "Meld u aan met uw Interra-account.",
        Key::Email => "E-mailadres",
        Key::Password => "Wachtwoord",
        Key::SignIn => "Aanmelden",
        Key::SigningIn => "Aanmelden…",
        Key::NavHome => "Start",
        Key::NavAdmin => "Beheer",
        Key::HomeGreeting => "Hallo, {name}",
        Key::YourAccount => "Uw account",
        Key::Role => "Rol",
        Key::Status => "Status",
        Key::LastLogin => "Laatste aanmelding",
        Key::LastLoginAt => "Laatste aanmelding: {date}",
        Key::Never => "Nooit",
        Key::WhatYouCanDo => "Wat u kunt doen",
        Key::ManageAccounts => "De accounts van het team beheren",
        Key::ManageAccountsHint => "Accounts aanmaken, rollen wijzigen, toegang intrekken.",
        Key::ChangeYourPassword => "Uw wachtwoord wijzigen",
        Key::ChangeYourPasswordHint => "Kies een wachtwoord dat alleen u kent.",
        Key::CurrentPassword => "Huidig wachtwoord",
        Key::NewPassword => "Nieuw wachtwoord",
        Key::PasswordHint => "Minstens 12 tekens.",
        Key::ChangePasswordSubmit => "Wachtwoord wijzigen",
        Key::Saving => "Opslaan…",
        Key::PasswordChanged => "Uw wachtwoord is gewijzigd.",
        Key::AccountsTitle => "Accounts van het team",
        Key::AccountsIntro => "Wie zich bij Interra kan aanmelden, en met welke rol.",
        Key::Filters => "Accounts filteren",
        Key::Search => "Zoeken (naam of e-mail)",
        Key::SearchSubmit => "Zoeken",
        Key::AllRoles => "Alle rollen",
        Key::AllStatuses => "Alle statussen",
        Key::Active => "Actief",
        Key::Inactive => "Gedeactiveerd",
        Key::AccountCount => "Gevonden accounts: {count}",
        Key::NoAccounts => "Geen enkel account voldoet aan deze filters.",
        Key::PreviousPage => "Vorige pagina",
        Key::NextPage => "Volgende pagina",
        Key::PageOf => "Pagina {page} van {pages}",
        Key::Pagination => "Paginering",
        Key::NewAccount => "Nieuw account",
        Key::Cancel => "Annuleren",
        Key::DisplayName => "Weergavenaam",
        Key::InitialPassword => "Eerste wachtwoord",
        Key::CreateAccount => "Account aanmaken",
        Key::Creating => "Aanmaken…",
        Key::AccountCreated => "Account aangemaakt voor {email}.",
        Key::RoleOf => "Rol van {name}",
        Key::SaveRole => "Opslaan",
        Key::SaveRoleOf => "De rol van {name} opslaan",
        Key::Deactivate => "Deactiveren",
        Key::Reactivate => "Heractiveren",
        Key::DeactivateNamed => "Het account van {name} deactiveren",
        Key::ReactivateNamed => "Het account van {name} heractiveren",
        Key::AccountUpdated => "Het account van {name} is bijgewerkt.",
        Key::You => "u",
        Key::RoleAdmin => "Beheerder",
        Key::RoleCoordinator => "Coördinator",
        Key::RoleCoach => "Coach",
        Key::ForbiddenTitle => "Beperkte toegang",
        Key::ForbiddenBody => "Uw rol geeft geen toegang tot deze pagina.",
        Key::NotFoundTitle => "Pagina niet gevonden",
        Key::NotFoundBody => "Dit adres komt met geen enkele pagina van Interra overeen.",
        Key::BackHome => "Terug naar start",
    }
}

fn ar(key: Key) -> &'static str {
    match key {
        Key::AppName => "إنتيرا",
        Key::SkipToContent => "انتقل إلى المحتوى",
        Key::MainNav => "التنقل الرئيسي",
        Key::Menu => "القائمة",
        Key::Language => "اللغة",
        Key::SignOut => "تسجيل الخروج",
        Key::Loading => "جارٍ التحميل…",
        Key::RestoringSession => "جارٍ فتح جلستك…",
        Key::Dismiss => "إغلاق هذه الرسالة",
        Key::Retry => "إعادة المحاولة",
        Key::ErrNetwork => "الخادم لا يستجيب. تحقق من الاتصال وحاول مرة أخرى.",
        Key::ErrUnexpected => "حدث خطأ غير متوقع. يرجى المحاولة لاحقًا.",
        Key::SessionExpired => "انتهت صلاحية جلستك. سجّل الدخول مرة أخرى للمتابعة.",
        Key::SignedOut => "لقد سجّلت الخروج.",
        Key::SignInTitle => "تسجيل الدخول",
        Key::SignInIntro => "سجّل الدخول بحسابك في إنتيرا.",
        Key::Email => "البريد الإلكتروني",
        Key::Password => "كلمة المرور",
        Key::SignIn => "تسجيل الدخول",
        Key::SigningIn => "جارٍ تسجيل الدخول…",
        Key::NavHome => "الرئيسية",
        Key::NavAdmin => "الإدارة",
        Key::HomeGreeting => "مرحبًا، {name}",
        Key::YourAccount => "حسابك",
        Key::Role => "الدور",
        Key::Status => "الحالة",
        Key::LastLogin => "آخر تسجيل دخول",
        Key::LastLoginAt => "آخر تسجيل دخول: {date}",
        Key::Never => "أبدًا",
        Key::WhatYouCanDo => "ما يمكنك فعله",
        Key::ManageAccounts => "إدارة حسابات الفريق",
        Key::ManageAccountsHint => "إنشاء الحسابات وتغيير الأدوار وإلغاء الوصول.",
        Key::ChangeYourPassword => "تغيير كلمة المرور",
        Key::ChangeYourPasswordHint => "اختر كلمة مرور لا يعرفها أحد غيرك.",
        Key::CurrentPassword => "كلمة المرور الحالية",
        Key::NewPassword => "كلمة المرور الجديدة",
        Key::PasswordHint => "12 حرفًا على الأقل.",
        Key::ChangePasswordSubmit => "تغيير كلمة المرور",
        Key::Saving => "جارٍ الحفظ…",
        Key::PasswordChanged => "تم تغيير كلمة المرور.",
        Key::AccountsTitle => "حسابات الفريق",
        Key::AccountsIntro => "الأشخاص الذين يمكنهم تسجيل الدخول إلى إنتيرا، وأدوارهم.",
        Key::Filters => "تصفية الحسابات",
        Key::Search => "بحث (الاسم أو البريد الإلكتروني)",
        Key::SearchSubmit => "بحث",
        Key::AllRoles => "كل الأدوار",
        Key::AllStatuses => "كل الحالات",
        Key::Active => "نشط",
        Key::Inactive => "معطّل",
        Key::AccountCount => "الحسابات الموجودة: {count}",
        Key::NoAccounts => "لا يوجد حساب يطابق هذه المعايير.",
        Key::PreviousPage => "الصفحة السابقة",
        Key::NextPage => "الصفحة التالية",
        Key::PageOf => "الصفحة {page} من {pages}",
        Key::Pagination => "ترقيم الصفحات",
        Key::NewAccount => "حساب جديد",
        Key::Cancel => "إلغاء",
        Key::DisplayName => "الاسم المعروض",
        Key::InitialPassword => "كلمة المرور الأولى",
        Key::CreateAccount => "إنشاء الحساب",
        Key::Creating => "جارٍ الإنشاء…",
        Key::AccountCreated => "تم إنشاء حساب لـ {email}.",
        Key::RoleOf => "دور {name}",
        Key::SaveRole => "حفظ",
        Key::SaveRoleOf => "حفظ دور {name}",
        Key::Deactivate => "تعطيل",
        Key::Reactivate => "إعادة التفعيل",
        Key::DeactivateNamed => "تعطيل حساب {name}",
        Key::ReactivateNamed => "إعادة تفعيل حساب {name}",
        Key::AccountUpdated => "تم تحديث حساب {name}.",
        Key::You => "أنت",
        Key::RoleAdmin => "مسؤول",
        Key::RoleCoordinator => "منسّق",
        Key::RoleCoach => "مرافق",
        Key::ForbiddenTitle => "صفحة محظورة",
        Key::ForbiddenBody => "دورك لا يسمح بالوصول إلى هذه الصفحة.",
        Key::NotFoundTitle => "الصفحة غير موجودة",
        Key::NotFoundBody => "هذا العنوان لا يطابق أي صفحة في إنتيرا.",
        Key::BackHome => "العودة إلى الرئيسية",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn all_lists_every_key_once_in_order() {
        assert_eq!(Key::ALL.len(), Key::BackHome as usize + 1);
        for (i, key) in Key::ALL.iter().enumerate() {
            assert_eq!(*key as usize, i, "{key:?} out of place in Key::ALL");
        }
    }

    #[test]
    fn every_message_is_translated_and_not_empty() {
        for lang in Lang::ALL {
            for key in Key::ALL {
                let s = t(lang, key);
                assert!(!s.trim().is_empty(), "{lang:?} {key:?} is empty");
            }
        }
    }

    #[test]
    fn placeholders_match_across_languages() {
        for key in Key::ALL {
            let reference = placeholders(t(Lang::Fr, key));
            for lang in Lang::ALL {
                assert_eq!(
                    placeholders(t(lang, key)),
                    reference,
                    "{lang:?} {key:?} has different placeholders"
                );
            }
        }
    }

    #[test]
    fn other_languages_really_are_translated() {
        // Catches copy-paste: apart from names and loanwords, a language must differ from French.
        let same_everywhere = [Key::AppName, Key::Menu, Key::RoleCoach, Key::Status];
        for lang in [Lang::En, Lang::Nl, Lang::Ar] {
            let identical = Key::ALL
                .into_iter()
                .filter(|k| !same_everywhere.contains(k) && t(lang, *k) == t(Lang::Fr, *k))
                .collect::<Vec<_>>();
            assert!(
                identical.len() <= 2,
                "{lang:?} repeats French for {identical:?}"
            );
        }
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            tf(Lang::En, Key::PageOf, &[("page", "2"), ("pages", "5")]),
            "Page 2 of 5"
        );
        assert_eq!(
            tf(Lang::Fr, Key::HomeGreeting, &[("name", "Amina")]),
            "Bonjour, Amina"
        );
    }

    #[test]
    fn roles_have_names() {
        assert_eq!(t(Lang::Nl, role_key(Role::Coordinator)), "Coördinator");
    }
}
