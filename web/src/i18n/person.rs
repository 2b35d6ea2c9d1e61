//! The labels of a person's record: its fields and sections, shown by the person page, the person
//! form, the history and the other features that show a person.

crate::catalogue! {
    /// Labels of a person's fields and sections.
    pub enum PersonKey {
        Identity => {
            fr: "Identité",
            en: "Identity",
            nl: "Identiteit",
            ar: "الهوية",
        },
        FirstName => {
            fr: "Prénom",
            en: "First name",
            nl: "Voornaam",
            ar: "الاسم الأول",
        },
        LastName => {
            fr: "Nom de famille",
            en: "Last name",
            nl: "Achternaam",
            ar: "اسم العائلة",
        },
        PreferredName => {
            fr: "Nom d'usage",
            en: "Preferred name",
            nl: "Roepnaam",
            ar: "الاسم المفضل",
        },
        ContactDetails => {
            fr: "Coordonnées",
            en: "Contact details",
            nl: "Contactgegevens",
            ar: "معلومات الاتصال",
        },
        ContactHint => {
            fr: "Au moins un e-mail ou un numéro de téléphone.",
            en: "At least an email or a phone number.",
            nl: "Minstens een e-mailadres of telefoonnummer.",
            ar: "بريد إلكتروني أو رقم هاتف على الأقل.",
        },
        Phone => {
            fr: "Téléphone",
            en: "Phone",
            nl: "Telefoon",
            ar: "الهاتف",
        },
        PreferredChannel => {
            fr: "Moyen de contact préféré",
            en: "Preferred contact channel",
            nl: "Voorkeurskanaal",
            ar: "وسيلة الاتصال المفضلة",
        },
        Street => {
            fr: "Rue et numéro",
            en: "Street and number",
            nl: "Straat en nummer",
            ar: "الشارع والرقم",
        },
        Postcode => {
            fr: "Code postal",
            en: "Postcode",
            nl: "Postcode",
            ar: "الرمز البريدي",
        },
        Commune => {
            fr: "Commune",
            en: "Municipality",
            nl: "Gemeente",
            ar: "البلدية",
        },
        Profile => {
            fr: "Profil",
            en: "Profile",
            nl: "Profiel",
            ar: "الملف الشخصي",
        },
        DeclaredProfile => {
            fr: "Profil déclaré",
            en: "Declared profile",
            nl: "Opgegeven profiel",
            ar: "الملف المصرح به",
        },
        ArrivalYear => {
            fr: "Année d'arrivée en Belgique",
            en: "Year of arrival in Belgium",
            nl: "Jaar van aankomst in België",
            ar: "سنة الوصول إلى بلجيكا",
        },
        ComputedCategory => {
            fr: "Catégorie calculée (règle des 5 ans)",
            en: "Computed category (5-year rule)",
            nl: "Berekende categorie (5-jarenregel)",
            ar: "الفئة المحسوبة (قاعدة السنوات الخمس)",
        },
        Category => {
            fr: "Catégorie",
            en: "Category",
            nl: "Categorie",
            ar: "الفئة",
        },
        CategoryOverride => {
            fr: "Catégorie imposée",
            en: "Category override",
            nl: "Opgelegde categorie",
            ar: "فئة مفروضة",
        },
        OverrideReason => {
            fr: "Motif de la catégorie imposée",
            en: "Reason for the override",
            nl: "Reden van de opgelegde categorie",
            ar: "سبب الفئة المفروضة",
        },
        NoOverride => {
            fr: "Aucune : la règle s'applique",
            en: "None: the rule applies",
            nl: "Geen: de regel geldt",
            ar: "لا شيء: تُطبَّق القاعدة",
        },
        BirthYear => {
            fr: "Année de naissance",
            en: "Year of birth",
            nl: "Geboortejaar",
            ar: "سنة الميلاد",
        },
        Gender => {
            fr: "Genre",
            en: "Gender",
            nl: "Gender",
            ar: "الجنس",
        },
        OriginRegion => {
            fr: "Région d'origine",
            en: "Region of origin",
            nl: "Regio van herkomst",
            ar: "منطقة الأصل",
        },
        Languages => {
            fr: "Langues parlées",
            en: "Languages spoken",
            nl: "Gesproken talen",
            ar: "اللغات المحكية",
        },
        LanguageCode => {
            fr: "Langue (code ISO, ex. ar, uk, prs)",
            en: "Language (ISO code, e.g. ar, uk, prs)",
            nl: "Taal (ISO-code, bv. ar, uk, prs)",
            ar: "اللغة (رمز ISO، مثل ar وuk وprs)",
        },
        LanguageLevelLabel => {
            fr: "Niveau dans cette langue",
            en: "Level in this language",
            nl: "Taalniveau",
            ar: "المستوى في هذه اللغة",
        },
        FrenchLevel => {
            fr: "Niveau de français",
            en: "French level",
            nl: "Niveau Frans",
            ar: "مستوى الفرنسية",
        },
        Tags => {
            fr: "Passions, savoir-faire et envies",
            en: "Passions, skills and interests",
            nl: "Passies, vaardigheden en interesses",
            ar: "الشغف والمهارات والاهتمامات",
        },
        TagKindOf => {
            fr: "Lien avec {name}",
            en: "How {name} relates",
            nl: "Soort voor {name}",
            ar: "نوع {name}",
        },
        Availability => {
            fr: "Disponibilités",
            en: "Availability",
            nl: "Beschikbaarheid",
            ar: "أوقات التوفر",
        },
        Presentation => {
            fr: "Présentation",
            en: "About them",
            nl: "Voorstelling",
            ar: "تقديم شخصي",
        },
        StaffNotes => {
            fr: "Notes de l'équipe",
            en: "Staff notes",
            nl: "Notities van het team",
            ar: "ملاحظات الفريق",
        },
        Programme => {
            fr: "Programme",
            en: "Programme",
            nl: "Programma",
            ar: "البرنامج",
        },
        Memberships => {
            fr: "Participation aux programmes",
            en: "Programme memberships",
            nl: "Deelname aan programma's",
            ar: "المشاركة في البرامج",
        },
        RoleInProgramme => {
            fr: "Rôle dans le programme",
            en: "Role in the programme",
            nl: "Rol in het programma",
            ar: "الدور في البرنامج",
        },
        MembershipState => {
            fr: "État de la participation",
            en: "Membership state",
            nl: "Stand van de deelname",
            ar: "حالة المشاركة",
        },
        Consents => {
            fr: "Consentements",
            en: "Consents",
            nl: "Toestemmingen",
            ar: "الموافقات",
        },
        ConsentPurposeLabel => {
            fr: "Objet du consentement",
            en: "Purpose of the consent",
            nl: "Doel van de toestemming",
            ar: "غرض الموافقة",
        },
        NoticeLanguage => {
            fr: "Langue de la notice de confidentialité montrée",
            en: "Language of the privacy notice shown",
            nl: "Taal van de getoonde privacyverklaring",
            ar: "لغة إشعار الخصوصية المعروض",
        },
        ConsentMethodLabel => {
            fr: "Recueilli par",
            en: "Collected through",
            nl: "Verzameld via",
            ar: "طريقة الجمع",
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
        check_catalogue(PersonKey::ALL, &[PersonKey::Programme], 0);
    }
}
