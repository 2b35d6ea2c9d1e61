//! The app's frame and the words every screen uses: navigation, loading, errors, pagination,
//! generic actions, the forbidden and not-found pages.

crate::catalogue! {
    /// Messages of the app's frame and the words shared by every screen.
    pub enum CommonKey {
        AppName => {
            fr: "Interra",
            en: "Interra",
            nl: "Interra",
            ar: "إنتيرا",
        },
        SkipToContent => {
            fr: "Aller au contenu",
            en: "Skip to content",
            nl: "Naar de inhoud",
            ar: "انتقل إلى المحتوى",
        },
        MainNav => {
            fr: "Navigation principale",
            en: "Main navigation",
            nl: "Hoofdnavigatie",
            ar: "التنقل الرئيسي",
        },
        Menu => {
            fr: "Menu",
            en: "Menu",
            nl: "Menu",
            ar: "القائمة",
        },
        Language => {
            fr: "Langue",
            en: "Language",
            nl: "Taal",
            ar: "اللغة",
        },
        SignOut => {
            fr: "Se déconnecter",
            en: "Sign out",
            nl: "Afmelden",
            ar: "تسجيل الخروج",
        },
        Loading => {
            fr: "Chargement…",
            en: "Loading…",
            nl: "Laden…",
            ar: "جارٍ التحميل…",
        },
        RestoringSession => {
            fr: "Ouverture de votre session…",
            en: "Opening your session…",
            nl: "Uw sessie wordt geopend…",
            ar: "جارٍ فتح جلستك…",
        },
        Dismiss => {
            fr: "Fermer ce message",
            en: "Dismiss this message",
            nl: "Dit bericht sluiten",
            ar: "إغلاق هذه الرسالة",
        },
        Retry => {
            fr: "Réessayer",
            en: "Try again",
            nl: "Opnieuw proberen",
            ar: "إعادة المحاولة",
        },
        ErrNetwork => {
            fr: "Le serveur ne répond pas. Vérifiez la connexion et réessayez.",
            en: "The server is not answering. Check the connection and try again.",
            nl: "De server antwoordt niet. Controleer de verbinding en probeer opnieuw.",
            ar: "الخادم لا يستجيب. تحقق من الاتصال وحاول مرة أخرى.",
        },
        ErrUnexpected => {
            fr: "Une erreur inattendue s'est produite. Réessayez plus tard.",
            en: "Something unexpected went wrong. Please try again later.",
            nl: "Er ging iets onverwachts mis. Probeer het later opnieuw.",
            ar: "حدث خطأ غير متوقع. يرجى المحاولة لاحقًا.",
        },
        NavHome => {
            fr: "Accueil",
            en: "Home",
            nl: "Start",
            ar: "الرئيسية",
        },
        NavAdmin => {
            fr: "Administration",
            en: "Admin",
            nl: "Beheer",
            ar: "الإدارة",
        },
        NavPeople => {
            fr: "Personnes",
            en: "People",
            nl: "Personen",
            ar: "الأشخاص",
        },
        Status => {
            fr: "Statut",
            en: "Status",
            nl: "Status",
            ar: "الحالة",
        },
        Email => {
            fr: "Adresse e-mail",
            en: "Email address",
            nl: "E-mailadres",
            ar: "البريد الإلكتروني",
        },
        Saving => {
            fr: "Enregistrement…",
            en: "Saving…",
            nl: "Opslaan…",
            ar: "جارٍ الحفظ…",
        },
        Creating => {
            fr: "Création…",
            en: "Creating…",
            nl: "Aanmaken…",
            ar: "جارٍ الإنشاء…",
        },
        Save => {
            fr: "Enregistrer",
            en: "Save",
            nl: "Opslaan",
            ar: "حفظ",
        },
        Cancel => {
            fr: "Annuler",
            en: "Cancel",
            nl: "Annuleren",
            ar: "إلغاء",
        },
        Edit => {
            fr: "Modifier",
            en: "Edit",
            nl: "Bewerken",
            ar: "تعديل",
        },
        Archive => {
            fr: "Archiver",
            en: "Archive",
            nl: "Archiveren",
            ar: "أرشفة",
        },
        Restore => {
            fr: "Restaurer",
            en: "Restore",
            nl: "Herstellen",
            ar: "استعادة",
        },
        NotProvided => {
            fr: "Non renseigné",
            en: "Not provided",
            nl: "Niet ingevuld",
            ar: "غير محدد",
        },
        Filters => {
            fr: "Filtrer les comptes",
            en: "Filter accounts",
            nl: "Accounts filteren",
            ar: "تصفية الحسابات",
        },
        FilterPeople => {
            fr: "Filtrer les personnes",
            en: "Filter people",
            nl: "Personen filteren",
            ar: "تصفية الأشخاص",
        },
        FilterActivities => {
            fr: "Filtrer les activités",
            en: "Filter activities",
            nl: "Activiteiten filteren",
            ar: "تصفية الأنشطة",
        },
        Search => {
            fr: "Rechercher (nom ou e-mail)",
            en: "Search (name or email)",
            nl: "Zoeken (naam of e-mail)",
            ar: "بحث (الاسم أو البريد الإلكتروني)",
        },
        SearchSubmit => {
            fr: "Rechercher",
            en: "Search",
            nl: "Zoeken",
            ar: "بحث",
        },
        AllStatuses => {
            fr: "Tous les statuts",
            en: "All statuses",
            nl: "Alle statussen",
            ar: "كل الحالات",
        },
        CheckValue => {
            fr: "Vérifiez cette valeur.",
            en: "Check this value.",
            nl: "Controleer deze waarde.",
            ar: "تحقق من هذه القيمة.",
        },
        ClearFilters => {
            fr: "Effacer les filtres",
            en: "Clear filters",
            nl: "Filters wissen",
            ar: "مسح المعايير",
        },
        PreviousPage => {
            fr: "Page précédente",
            en: "Previous page",
            nl: "Vorige pagina",
            ar: "الصفحة السابقة",
        },
        NextPage => {
            fr: "Page suivante",
            en: "Next page",
            nl: "Volgende pagina",
            ar: "الصفحة التالية",
        },
        PageOf => {
            fr: "Page {page} sur {pages}",
            en: "Page {page} of {pages}",
            nl: "Pagina {page} van {pages}",
            ar: "الصفحة {page} من {pages}",
        },
        Pagination => {
            fr: "Pagination",
            en: "Pagination",
            nl: "Paginering",
            ar: "ترقيم الصفحات",
        },
        ForbiddenTitle => {
            fr: "Accès réservé",
            en: "Restricted page",
            nl: "Beperkte toegang",
            ar: "صفحة محظورة",
        },
        ForbiddenBody => {
            fr: "Votre rôle ne donne pas accès à cette page.",
            en: "Your role does not give access to this page.",
            nl: "Uw rol geeft geen toegang tot deze pagina.",
            ar: "دورك لا يسمح بالوصول إلى هذه الصفحة.",
        },
        NotFoundTitle => {
            fr: "Page introuvable",
            en: "Page not found",
            nl: "Pagina niet gevonden",
            ar: "الصفحة غير موجودة",
        },
        NotFoundBody => {
            fr: "Cette adresse ne correspond à aucune page d'Interra.",
            en: "This address does not match any page of Interra.",
            nl: "Dit adres komt met geen enkele pagina van Interra overeen.",
            ar: "هذا العنوان لا يطابق أي صفحة في إنتيرا.",
        },
        BackHome => {
            fr: "Retour à l'accueil",
            en: "Back to home",
            nl: "Terug naar start",
            ar: "العودة إلى الرئيسية",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_catalogue;

    #[test]
    fn every_message_is_translated() {
        // Names and loanwords read the same in every language.
        check_catalogue(
            CommonKey::ALL,
            &[CommonKey::AppName, CommonKey::Menu, CommonKey::Status],
            1,
        );
    }
}
