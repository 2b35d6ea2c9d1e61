//! The administration of the team's accounts.

crate::catalogue! {
    /// Messages of the accounts screen.
    pub enum AccountsKey {
        AccountsTitle => {
            fr: "Comptes de l'équipe",
            en: "Team accounts",
            nl: "Accounts van het team",
            ar: "حسابات الفريق",
        },
        AccountsIntro => {
            fr: "Les personnes qui peuvent se connecter à Interra, et leur rôle.",
            en: "The people who can sign in to Interra, and their role.",
            nl: "Wie zich bij Interra kan aanmelden, en met welke rol.",
            ar: "الأشخاص الذين يمكنهم تسجيل الدخول إلى إنتيرا، وأدوارهم.",
        },
        AllRoles => {
            fr: "Tous les rôles",
            en: "All roles",
            nl: "Alle rollen",
            ar: "كل الأدوار",
        },
        Active => {
            fr: "Actif",
            en: "Active",
            nl: "Actief",
            ar: "نشط",
        },
        Inactive => {
            fr: "Désactivé",
            en: "Deactivated",
            nl: "Gedeactiveerd",
            ar: "معطّل",
        },
        AccountCount => {
            fr: "Comptes trouvés : {count}",
            en: "Accounts found: {count}",
            nl: "Gevonden accounts: {count}",
            ar: "الحسابات الموجودة: {count}",
        },
        NoAccounts => {
            fr: "Aucun compte ne correspond à ces critères.",
            en: "No account matches these filters.",
            nl: "Geen enkel account voldoet aan deze filters.",
            ar: "لا يوجد حساب يطابق هذه المعايير.",
        },
        LastLoginAt => {
            fr: "Dernière connexion : {date}",
            en: "Last sign-in: {date}",
            nl: "Laatste aanmelding: {date}",
            ar: "آخر تسجيل دخول: {date}",
        },
        NewAccount => {
            fr: "Nouveau compte",
            en: "New account",
            nl: "Nieuw account",
            ar: "حساب جديد",
        },
        DisplayName => {
            fr: "Nom affiché",
            en: "Display name",
            nl: "Weergavenaam",
            ar: "الاسم المعروض",
        },
        InitialPassword => {
            fr: "Mot de passe initial",
            en: "Initial password",
            nl: "Eerste wachtwoord",
            ar: "كلمة المرور الأولى",
        },
        CreateAccount => {
            fr: "Créer le compte",
            en: "Create account",
            nl: "Account aanmaken",
            ar: "إنشاء الحساب",
        },
        AccountCreated => {
            fr: "Compte créé pour {email}.",
            en: "Account created for {email}.",
            nl: "Account aangemaakt voor {email}.",
            ar: "تم إنشاء حساب لـ {email}.",
        },
        RoleOf => {
            fr: "Rôle de {name}",
            en: "Role of {name}",
            nl: "Rol van {name}",
            ar: "دور {name}",
        },
        SaveRole => {
            fr: "Enregistrer",
            en: "Save",
            nl: "Opslaan",
            ar: "حفظ",
        },
        SaveRoleOf => {
            fr: "Enregistrer le rôle de {name}",
            en: "Save the role of {name}",
            nl: "De rol van {name} opslaan",
            ar: "حفظ دور {name}",
        },
        Deactivate => {
            fr: "Désactiver",
            en: "Deactivate",
            nl: "Deactiveren",
            ar: "تعطيل",
        },
        Reactivate => {
            fr: "Réactiver",
            en: "Reactivate",
            nl: "Heractiveren",
            ar: "إعادة التفعيل",
        },
        DeactivateNamed => {
            fr: "Désactiver le compte de {name}",
            en: "Deactivate {name}'s account",
            nl: "Het account van {name} deactiveren",
            ar: "تعطيل حساب {name}",
        },
        ReactivateNamed => {
            fr: "Réactiver le compte de {name}",
            en: "Reactivate {name}'s account",
            nl: "Het account van {name} heractiveren",
            ar: "إعادة تفعيل حساب {name}",
        },
        AccountUpdated => {
            fr: "Le compte de {name} a été mis à jour.",
            en: "{name}'s account has been updated.",
            nl: "Het account van {name} is bijgewerkt.",
            ar: "تم تحديث حساب {name}.",
        },
        You => {
            fr: "vous",
            en: "you",
            nl: "u",
            ar: "أنت",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_catalogue;

    #[test]
    fn every_message_is_translated() {
        check_catalogue(AccountsKey::ALL, &[], 0);
    }
}
