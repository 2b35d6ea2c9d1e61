//! Signing in, the home page (one's own account, changing one's password) and the names of the
//! roles.

use shared::auth::Role;

crate::catalogue! {
    /// Messages of the sign-in and home pages, and the roles.
    pub enum AuthKey {
        SessionExpired => {
            fr: "Votre session a expiré. Reconnectez-vous pour continuer.",
            en: "Your session has expired. Sign in again to continue.",
            nl: "Uw sessie is verlopen. Meld u opnieuw aan om verder te gaan.",
            ar: "انتهت صلاحية جلستك. سجّل الدخول مرة أخرى للمتابعة.",
        },
        SignedOut => {
            fr: "Vous êtes déconnecté·e.",
            en: "You are signed out.",
            nl: "U bent afgemeld.",
            ar: "لقد سجّلت الخروج.",
        },
        SignInTitle => {
            fr: "Connexion",
            en: "Sign in",
            nl: "Aanmelden",
            ar: "تسجيل الدخول",
        },
        SignInIntro => {
            fr: "Connectez-vous avec votre compte Interra.",
            en: "Sign in with your Interra account.",
            nl: "Meld u aan met uw Interra-account.",
            ar: "سجّل الدخول بحسابك في إنتيرا.",
        },
        Password => {
            fr: "Mot de passe",
            en: "Password",
            nl: "Wachtwoord",
            ar: "كلمة المرور",
        },
        SignIn => {
            fr: "Se connecter",
            en: "Sign in",
            nl: "Aanmelden",
            ar: "تسجيل الدخول",
        },
        SigningIn => {
            fr: "Connexion…",
            en: "Signing in…",
            nl: "Aanmelden…",
            ar: "جارٍ تسجيل الدخول…",
        },
        HomeGreeting => {
            fr: "Bonjour, {name}",
            en: "Hello, {name}",
            nl: "Hallo, {name}",
            ar: "مرحبًا، {name}",
        },
        YourAccount => {
            fr: "Votre compte",
            en: "Your account",
            nl: "Uw account",
            ar: "حسابك",
        },
        Role => {
            fr: "Rôle",
            en: "Role",
            nl: "Rol",
            ar: "الدور",
        },
        LastLogin => {
            fr: "Dernière connexion",
            en: "Last sign-in",
            nl: "Laatste aanmelding",
            ar: "آخر تسجيل دخول",
        },
        Never => {
            fr: "Jamais",
            en: "Never",
            nl: "Nooit",
            ar: "أبدًا",
        },
        WhatYouCanDo => {
            fr: "Ce que vous pouvez faire",
            en: "What you can do",
            nl: "Wat u kunt doen",
            ar: "ما يمكنك فعله",
        },
        ManageAccounts => {
            fr: "Gérer les comptes de l'équipe",
            en: "Manage the team's accounts",
            nl: "De accounts van het team beheren",
            ar: "إدارة حسابات الفريق",
        },
        ManageAccountsHint => {
            fr: "Créer des comptes, changer les rôles, désactiver un accès.",
            en: "Create accounts, change roles, remove access.",
            nl: "Accounts aanmaken, rollen wijzigen, toegang intrekken.",
            ar: "إنشاء الحسابات وتغيير الأدوار وإلغاء الوصول.",
        },
        ChangeYourPassword => {
            fr: "Changer votre mot de passe",
            en: "Change your password",
            nl: "Uw wachtwoord wijzigen",
            ar: "تغيير كلمة المرور",
        },
        ChangeYourPasswordHint => {
            fr: "Choisissez un mot de passe que vous seul·e connaissez.",
            en: "Choose a password that only you know.",
            nl: "Kies een wachtwoord dat alleen u kent.",
            ar: "اختر كلمة مرور لا يعرفها أحد غيرك.",
        },
        CurrentPassword => {
            fr: "Mot de passe actuel",
            en: "Current password",
            nl: "Huidig wachtwoord",
            ar: "كلمة المرور الحالية",
        },
        NewPassword => {
            fr: "Nouveau mot de passe",
            en: "New password",
            nl: "Nieuw wachtwoord",
            ar: "كلمة المرور الجديدة",
        },
        PasswordHint => {
            fr: "Au moins 12 caractères.",
            en: "At least 12 characters.",
            nl: "Minstens 12 tekens.",
            ar: "12 حرفًا على الأقل.",
        },
        ChangePasswordSubmit => {
            fr: "Changer le mot de passe",
            en: "Change password",
            nl: "Wachtwoord wijzigen",
            ar: "تغيير كلمة المرور",
        },
        PasswordChanged => {
            fr: "Votre mot de passe a été changé.",
            en: "Your password has been changed.",
            nl: "Uw wachtwoord is gewijzigd.",
            ar: "تم تغيير كلمة المرور.",
        },
        RoleAdmin => {
            fr: "Administration",
            en: "Admin",
            nl: "Beheerder",
            ar: "مسؤول",
        },
        RoleCoordinator => {
            fr: "Coordination",
            en: "Coordinator",
            nl: "Coördinator",
            ar: "منسّق",
        },
        RoleCoach => {
            fr: "Coach",
            en: "Coach",
            nl: "Coach",
            ar: "مرافق",
        },
        RoleMentor => {
            fr: "Mentor·e",
            en: "Mentor",
            nl: "Mentor",
            ar: "مرشد",
        },
    }
}

/// The catalogue key naming a role.
pub fn role_key(role: Role) -> AuthKey {
    match role {
        Role::Admin => AuthKey::RoleAdmin,
        Role::Coordinator => AuthKey::RoleCoordinator,
        Role::Coach => AuthKey::RoleCoach,
        Role::Mentor => AuthKey::RoleMentor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{check_catalogue, t};
    use shared::Lang;

    #[test]
    fn roles_have_names() {
        assert_eq!(t(Lang::Nl, role_key(Role::Coordinator)), "Coördinator");
    }

    #[test]
    fn every_message_is_translated() {
        // Names and loanwords read the same in every language.
        check_catalogue(AuthKey::ALL, &[AuthKey::RoleCoach], 0);
    }
}
