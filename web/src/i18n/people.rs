//! The people screens: the list and its filters, the review queue, the person page and its
//! actions (export, archive, anonymise, memberships, consents) and the person form.

crate::catalogue! {
    /// Messages of the people list, the review queue, the person page and the person form.
    pub enum PeopleKey {
        PeopleTitle => {
            fr: "Personnes",
            en: "People",
            nl: "Personen",
            ar: "الأشخاص",
        },
        PeopleIntro => {
            fr: "Toutes les personnes qui participent aux programmes d'Interra.",
            en: "Everyone who takes part in Interra's programmes.",
            nl: "Iedereen die deelneemt aan de programma's van Interra.",
            ar: "كل من يشارك في برامج إنترا.",
        },
        PeopleIntroCoach => {
            fr: "Les personnes que vous accompagnez.",
            en: "The people you accompany.",
            nl: "De personen die u begeleidt.",
            ar: "الأشخاص الذين ترافقهم.",
        },
        NewPerson => {
            fr: "Nouvelle personne",
            en: "New person",
            nl: "Nieuwe persoon",
            ar: "شخص جديد",
        },
        ReviewQueue => {
            fr: "À vérifier",
            en: "To review",
            nl: "Te controleren",
            ar: "للمراجعة",
        },
        ReviewQueueTitle => {
            fr: "Inscriptions à vérifier",
            en: "Sign-ups to review",
            nl: "Te controleren aanmeldingen",
            ar: "تسجيلات للمراجعة",
        },
        ReviewIntro => {
            fr: "Inscriptions publiques et doublons possibles : acceptez une personne distincte ou archivez la fiche.",
            en: "Public sign-ups and possible duplicates: accept a distinct person or archive the record.",
            nl: "Publieke aanmeldingen en mogelijke dubbels: aanvaard een aparte persoon of archiveer de fiche.",
            ar: "التسجيلات العامة والنسخ المكررة المحتملة: اقبل شخصًا مختلفًا أو أرشف السجل.",
        },
        NothingToReview => {
            fr: "Rien à vérifier pour le moment.",
            en: "Nothing to review right now.",
            nl: "Momenteel niets te controleren.",
            ar: "لا شيء للمراجعة حاليًا.",
        },
        AllCategories => {
            fr: "Toutes les catégories",
            en: "All categories",
            nl: "Alle categorieën",
            ar: "كل الفئات",
        },
        AllProgrammes => {
            fr: "Tous les programmes",
            en: "All programmes",
            nl: "Alle programma's",
            ar: "كل البرامج",
        },
        FrenchMin => {
            fr: "Français, au moins",
            en: "French, at least",
            nl: "Frans, minstens",
            ar: "الفرنسية، على الأقل",
        },
        FrenchMax => {
            fr: "Français, au plus",
            en: "French, at most",
            nl: "Frans, hoogstens",
            ar: "الفرنسية، على الأكثر",
        },
        AnyLevel => {
            fr: "Tous niveaux",
            en: "Any level",
            nl: "Elk niveau",
            ar: "أي مستوى",
        },
        ShowArchived => {
            fr: "Afficher les fiches archivées",
            en: "Show archived records",
            nl: "Gearchiveerde fiches tonen",
            ar: "عرض السجلات المؤرشفة",
        },
        OnlyToReview => {
            fr: "Seulement les fiches à vérifier",
            en: "Only records to review",
            nl: "Alleen te controleren fiches",
            ar: "السجلات التي تحتاج إلى مراجعة فقط",
        },
        PeopleCount => {
            fr: "{count} {count?personne|personnes}",
            en: "{count} {count?person|people}",
            nl: "{count} {count?persoon|personen}",
            ar: "عدد الأشخاص: {count}",
        },
        NoPeople => {
            fr: "Aucune personne ne correspond à ces critères.",
            en: "No one matches these filters.",
            nl: "Niemand voldoet aan deze filters.",
            ar: "لا أحد يطابق هذه المعايير.",
        },
        Archived => {
            fr: "Archivée",
            en: "Archived",
            nl: "Gearchiveerd",
            ar: "مؤرشف",
        },
        Anonymised => {
            fr: "Anonymisée",
            en: "Anonymised",
            nl: "Geanonimiseerd",
            ar: "مجهول الهوية",
        },
        MembershipDates => {
            fr: "du {start} au {end}",
            en: "from {start} to {end}",
            nl: "van {start} tot {end}",
            ar: "من {start} إلى {end}",
        },
        MembershipSince => {
            fr: "depuis le {start}",
            en: "since {start}",
            nl: "sinds {start}",
            ar: "منذ {start}",
        },
        NoMemberships => {
            fr: "Aucune participation pour l'instant.",
            en: "No programme yet.",
            nl: "Nog geen programma.",
            ar: "لا مشاركة بعد.",
        },
        ConsentGiven => {
            fr: "Donné le {date} ({method}, notice {version})",
            en: "Given on {date} ({method}, notice {version})",
            nl: "Gegeven op {date} ({method}, verklaring {version})",
            ar: "أُعطيت في {date} ({method}، الإشعار {version})",
        },
        ConsentWithdrawn => {
            fr: "Retiré le {date}",
            en: "Withdrawn on {date}",
            nl: "Ingetrokken op {date}",
            ar: "سُحبت في {date}",
        },
        NoConsents => {
            fr: "Aucun consentement enregistré.",
            en: "No consent recorded.",
            nl: "Geen toestemming geregistreerd.",
            ar: "لا توجد موافقة مسجلة.",
        },
        ExportData => {
            fr: "Exporter ses données",
            en: "Export their data",
            nl: "Gegevens exporteren",
            ar: "تصدير بياناته",
        },
        ExportDone => {
            fr: "Le fichier d'export a été téléchargé.",
            en: "The export file was downloaded.",
            nl: "Het exportbestand is gedownload.",
            ar: "تم تنزيل ملف التصدير.",
        },
        Anonymise => {
            fr: "Anonymiser",
            en: "Anonymise",
            nl: "Anonimiseren",
            ar: "إخفاء الهوية",
        },
        AnonymiseTitle => {
            fr: "Anonymiser cette personne",
            en: "Anonymise this person",
            nl: "Deze persoon anonimiseren",
            ar: "إخفاء هوية هذا الشخص",
        },
        AnonymiseWarning => {
            fr: "Efface définitivement les données qui identifient la personne et les textes libres. C'est irréversible.",
            en: "Permanently wipes the data that identifies the person and all free text. This cannot be undone.",
            nl: "Wist de gegevens die de persoon identificeren en alle vrije tekst definitief. Dit kan niet ongedaan worden gemaakt.",
            ar: "يمحو نهائيًا البيانات التي تعرّف بالشخص وكل النصوص الحرة. لا يمكن التراجع عن ذلك.",
        },
        AnonymiseConfirmLabel => {
            fr: "Pour confirmer, tapez le mot « {word} »",
            en: "To confirm, type the word “{word}”",
            nl: "Typ het woord „{word}” om te bevestigen",
            ar: "للتأكيد، اكتب كلمة «{word}»",
        },
        AnonymiseWord => {
            fr: "anonymiser",
            en: "anonymise",
            nl: "anonimiseren",
            ar: "إخفاء",
        },
        AnonymiseSubmit => {
            fr: "Anonymiser définitivement",
            en: "Anonymise permanently",
            nl: "Definitief anonimiseren",
            ar: "إخفاء الهوية نهائيًا",
        },
        AnonymiseDone => {
            fr: "La personne a été anonymisée.",
            en: "The person was anonymised.",
            nl: "De persoon is geanonimiseerd.",
            ar: "تم إخفاء هوية الشخص.",
        },
        MentionsTitle => {
            fr: "Textes qui la nomment encore",
            en: "Texts that still name them",
            nl: "Teksten die de persoon nog noemen",
            ar: "نصوص لا تزال تذكر الشخص",
        },
        MentionsIntro => {
            fr: "Ces textes écrits par l'équipe contiennent encore un de ses noms. Ils n'ont pas été modifiés : ouvrez chacun pour retirer le nom.",
            en: "These texts written by staff still contain one of the person's names. They were not changed: open each one to remove the name.",
            nl: "Deze teksten van het team bevatten nog een van de namen van de persoon. Ze zijn niet gewijzigd: open ze een voor een om de naam te verwijderen.",
            ar: "لا تزال هذه النصوص التي كتبها الفريق تحتوي على أحد أسماء الشخص. لم تُعدَّل: افتح كل نص لحذف الاسم.",
        },
        MentionActivity => {
            fr: "Activité",
            en: "Activity",
            nl: "Activiteit",
            ar: "نشاط",
        },
        MentionPerson => {
            fr: "Fiche d'une autre personne",
            en: "Another person's record",
            nl: "Fiche van een andere persoon",
            ar: "سجل شخص آخر",
        },
        MentionDuo => {
            fr: "Duo",
            en: "Duo",
            nl: "Duo",
            ar: "ثنائي",
        },
        MentionCandidacy => {
            fr: "Candidature Duo2Change",
            en: "Duo2Change candidacy",
            nl: "Duo2Change-kandidatuur",
            ar: "ترشح Duo2Change",
        },
        MentionBlock => {
            fr: "Paire à ne pas proposer (Duo2Change)",
            en: "Pair not to propose (Duo2Change)",
            nl: "Paar om niet voor te stellen (Duo2Change)",
            ar: "ثنائي لا يُقترح (Duo2Change)",
        },
        MentionProposal => {
            fr: "Proposition d'atelier InterAct",
            en: "InterAct workshop proposal",
            nl: "InterAct-workshopvoorstel",
            ar: "اقتراح ورشة InterAct",
        },
        PersonArchived => {
            fr: "Fiche archivée.",
            en: "Record archived.",
            nl: "Fiche gearchiveerd.",
            ar: "تمت أرشفة السجل.",
        },
        PersonRestored => {
            fr: "Fiche restaurée.",
            en: "Record restored.",
            nl: "Fiche hersteld.",
            ar: "تمت استعادة السجل.",
        },
        PersonSaved => {
            fr: "Fiche enregistrée.",
            en: "Record saved.",
            nl: "Fiche opgeslagen.",
            ar: "تم حفظ السجل.",
        },
        BackToPeople => {
            fr: "Retour à la liste des personnes",
            en: "Back to the list of people",
            nl: "Terug naar de lijst met personen",
            ar: "العودة إلى قائمة الأشخاص",
        },
        PossibleDuplicate => {
            fr: "Doublon possible d'une autre fiche.",
            en: "Possible duplicate of another record.",
            nl: "Mogelijk dubbel van een andere fiche.",
            ar: "نسخة مكررة محتملة لسجل آخر.",
        },
        OpenOther => {
            fr: "Voir l'autre fiche",
            en: "See the other record",
            nl: "Andere fiche bekijken",
            ar: "عرض السجل الآخر",
        },
        EditPerson => {
            fr: "Modifier la fiche",
            en: "Edit the record",
            nl: "Fiche bewerken",
            ar: "تعديل السجل",
        },
        DuplicateFound => {
            fr: "Une personne avec le même e-mail ou téléphone existe déjà.",
            en: "Someone with the same email or phone already exists.",
            nl: "Er bestaat al iemand met hetzelfde e-mailadres of telefoonnummer.",
            ar: "يوجد بالفعل شخص بنفس البريد الإلكتروني أو الهاتف.",
        },
        ConfirmDistinct => {
            fr: "C'est une autre personne : enregistrer quand même",
            en: "This is a different person: save anyway",
            nl: "Dit is een andere persoon: toch opslaan",
            ar: "هذا شخص مختلف: احفظ على أي حال",
        },
        Accept => {
            fr: "Accepter",
            en: "Accept",
            nl: "Aanvaarden",
            ar: "قبول",
        },
        AcceptNamed => {
            fr: "Accepter {name}",
            en: "Accept {name}",
            nl: "{name} aanvaarden",
            ar: "قبول {name}",
        },
        ArchiveNamed => {
            fr: "Archiver {name}",
            en: "Archive {name}",
            nl: "{name} archiveren",
            ar: "أرشفة {name}",
        },
        ReviewAccepted => {
            fr: "{name} a été acceptée.",
            en: "{name} was accepted.",
            nl: "{name} is aanvaard.",
            ar: "تم قبول {name}.",
        },
        ReviewArchived => {
            fr: "{name} a été archivée.",
            en: "{name} was archived.",
            nl: "{name} is gearchiveerd.",
            ar: "تمت أرشفة {name}.",
        },
        PersonNotFound => {
            fr: "Cette personne est introuvable.",
            en: "This person cannot be found.",
            nl: "Deze persoon is niet gevonden.",
            ar: "تعذر العثور على هذا الشخص.",
        },
        TagFilter => {
            fr: "Passion ou savoir-faire",
            en: "Passion or skill",
            nl: "Passie of vaardigheid",
            ar: "شغف أو مهارة",
        },
        AllTags => {
            fr: "Tous les centres d'intérêt",
            en: "All interests",
            nl: "Alle interesses",
            ar: "كل الاهتمامات",
        },
        TagSearch => {
            fr: "Chercher un centre d'intérêt",
            en: "Find an interest",
            nl: "Een interesse zoeken",
            ar: "ابحث عن اهتمام",
        },
        AddTag => {
            fr: "Ajouter {name}",
            en: "Add {name}",
            nl: "{name} toevoegen",
            ar: "إضافة {name}",
        },
        RemoveTag => {
            fr: "Retirer {name}",
            en: "Remove {name}",
            nl: "{name} verwijderen",
            ar: "إزالة {name}",
        },
        NoTagMatch => {
            fr: "Aucun centre d'intérêt ne correspond.",
            en: "No interest matches.",
            nl: "Geen interesse gevonden.",
            ar: "لا يوجد اهتمام مطابق.",
        },
        AddLanguage => {
            fr: "Ajouter une langue",
            en: "Add a language",
            nl: "Een taal toevoegen",
            ar: "إضافة لغة",
        },
        RemoveLanguage => {
            fr: "Retirer cette langue",
            en: "Remove this language",
            nl: "Deze taal verwijderen",
            ar: "إزالة هذه اللغة",
        },
        AddMembership => {
            fr: "Ajouter une participation",
            en: "Add a programme membership",
            nl: "Deelname toevoegen",
            ar: "إضافة مشاركة",
        },
        MembershipAdded => {
            fr: "Participation ajoutée.",
            en: "Membership added.",
            nl: "Deelname toegevoegd.",
            ar: "تمت إضافة المشاركة.",
        },
        AddConsent => {
            fr: "Enregistrer un consentement",
            en: "Record a consent",
            nl: "Toestemming registreren",
            ar: "تسجيل موافقة",
        },
        ConsentAdded => {
            fr: "Consentement enregistré.",
            en: "Consent recorded.",
            nl: "Toestemming geregistreerd.",
            ar: "تم تسجيل الموافقة.",
        },
        WithdrawNamed => {
            fr: "Retirer le consentement : {name}",
            en: "Withdraw consent: {name}",
            nl: "Toestemming intrekken: {name}",
            ar: "سحب الموافقة: {name}",
        },
        Withdraw => {
            fr: "Retirer",
            en: "Withdraw",
            nl: "Intrekken",
            ar: "سحب",
        },
        WithdrawAsk => {
            fr: "Retirer le consentement « {name} » ? La personne ne sera plus contactée pour cela.",
            en: "Withdraw the consent “{name}”? The person will no longer be contacted for it.",
            nl: "Toestemming „{name}” intrekken? De persoon wordt er niet meer voor gecontacteerd.",
            ar: "سحب الموافقة «{name}»؟ لن يُتواصل مع الشخص لهذا الغرض بعد الآن.",
        },
        WithdrawConfirm => {
            fr: "Oui, retirer",
            en: "Yes, withdraw",
            nl: "Ja, intrekken",
            ar: "نعم، اسحب",
        },
        WithdrawConfirmNamed => {
            fr: "Oui, retirer le consentement : {name}",
            en: "Yes, withdraw consent: {name}",
            nl: "Ja, intrekken: toestemming {name}",
            ar: "نعم، اسحب الموافقة: {name}",
        },
        KeepConsent => {
            fr: "Garder",
            en: "Keep it",
            nl: "Behouden",
            ar: "الإبقاء عليها",
        },
        ConsentWithdrawnDone => {
            fr: "Consentement retiré.",
            en: "Consent withdrawn.",
            nl: "Toestemming ingetrokken.",
            ar: "تم سحب الموافقة.",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_catalogue;

    #[test]
    fn every_message_is_translated() {
        // "Duo" is the programme's name (Duo2Change) in French, English and Dutch.
        check_catalogue(PeopleKey::ALL, &[PeopleKey::MentionDuo], 0);
    }
}
