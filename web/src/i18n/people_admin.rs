//! Messages of the people administration screens: a person's history, the vocabulary of
//! interests (tags) and the retention review.

crate::catalogue! {
    /// Messages of the history, vocabulary and retention screens.
    pub enum PaKey {
        // ---- A person's history ----
        HistoryTitle => {
            fr: "Historique",
            en: "History",
            nl: "Geschiedenis",
            ar: "السجل",
        },
        HistoryIntro => {
            fr: "Qui a fait quoi et quand. Seuls les noms des champs modifiés sont gardés, jamais leurs valeurs.",
            en: "Who did what, and when. Only the names of changed fields are kept, never their values.",
            nl: "Wie wat deed en wanneer. Alleen de namen van gewijzigde velden worden bewaard, nooit hun waarden.",
            ar: "من فعل ماذا ومتى. تُحفظ أسماء الحقول المعدّلة فقط، وليس قيمها أبدًا.",
        },
        HistoryEmpty => {
            fr: "Aucune entrée pour l'instant.",
            en: "No entries yet.",
            nl: "Nog geen vermeldingen.",
            ar: "لا توجد إدخالات بعد.",
        },
        HistoryCount => {
            fr: "Entrées : {count}",
            en: "Entries: {count}",
            nl: "Vermeldingen: {count}",
            ar: "الإدخالات: {count}",
        },
        HistoryBy => {
            fr: "par {name}",
            en: "by {name}",
            nl: "door {name}",
            ar: "بواسطة {name}",
        },
        HistoryBySystem => {
            fr: "automatiquement",
            en: "automatically",
            nl: "automatisch",
            ar: "تلقائيًا",
        },
        HistoryFormerAccount => {
            fr: "par un compte supprimé",
            en: "by a removed account",
            nl: "door een verwijderd account",
            ar: "بواسطة حساب محذوف",
        },
        HistoryChanged => {
            fr: "Champs modifiés : {fields}",
            en: "Changed fields: {fields}",
            nl: "Gewijzigde velden: {fields}",
            ar: "الحقول المعدّلة: {fields}",
        },
        HistoryMore => {
            fr: "Afficher les entrées plus anciennes",
            en: "Show older entries",
            nl: "Oudere vermeldingen tonen",
            ar: "عرض الإدخالات الأقدم",
        },
        ActCreated => {
            fr: "Fiche créée",
            en: "Record created",
            nl: "Fiche aangemaakt",
            ar: "تم إنشاء الملف",
        },
        ActSignup => {
            fr: "Inscription par le formulaire public",
            en: "Signed up through the public form",
            nl: "Ingeschreven via het openbare formulier",
            ar: "تسجيل عبر الاستمارة العامة",
        },
        ActUpdated => {
            fr: "Fiche modifiée",
            en: "Record updated",
            nl: "Fiche gewijzigd",
            ar: "تم تعديل الملف",
        },
        ActArchived => {
            fr: "Fiche archivée",
            en: "Record archived",
            nl: "Fiche gearchiveerd",
            ar: "تمت أرشفة الملف",
        },
        ActRestored => {
            fr: "Fiche restaurée",
            en: "Record restored",
            nl: "Fiche hersteld",
            ar: "تمت استعادة الملف",
        },
        ActReviewed => {
            fr: "Inscription vérifiée",
            en: "Sign-up reviewed",
            nl: "Inschrijving nagekeken",
            ar: "تمت مراجعة التسجيل",
        },
        ActMembershipAdded => {
            fr: "Participation à un programme ajoutée",
            en: "Programme membership added",
            nl: "Deelname aan een programma toegevoegd",
            ar: "تمت إضافة مشاركة في برنامج",
        },
        ActMembershipUpdated => {
            fr: "Participation à un programme modifiée",
            en: "Programme membership changed",
            nl: "Deelname aan een programma gewijzigd",
            ar: "تم تعديل مشاركة في برنامج",
        },
        ActConsentGiven => {
            fr: "Consentement enregistré",
            en: "Consent recorded",
            nl: "Toestemming geregistreerd",
            ar: "تم تسجيل الموافقة",
        },
        ActConsentWithdrawn => {
            fr: "Consentement retiré",
            en: "Consent withdrawn",
            nl: "Toestemming ingetrokken",
            ar: "تم سحب الموافقة",
        },
        ActCoachAssigned => {
            fr: "Coach désigné·e",
            en: "Coach assigned",
            nl: "Coach toegewezen",
            ar: "تم تعيين مرافق",
        },
        ActCoachRemoved => {
            fr: "Coach retiré·e",
            en: "Coach removed",
            nl: "Coach verwijderd",
            ar: "تمت إزالة المرافق",
        },
        ActExported => {
            fr: "Données exportées (droit d'accès)",
            en: "Data exported (right of access)",
            nl: "Gegevens geëxporteerd (recht op inzage)",
            ar: "تم تصدير البيانات (حق الاطلاع)",
        },
        ActAnonymised => {
            fr: "Fiche anonymisée",
            en: "Record anonymised",
            nl: "Fiche geanonimiseerd",
            ar: "تم إخفاء هوية الملف",
        },
        ActDuoCandidacyCreated => {
            fr: "Candidature Duo2Change enregistrée",
            en: "Duo2Change application recorded",
            nl: "Duo2Change-kandidatuur geregistreerd",
            ar: "تم تسجيل طلب Duo2Change",
        },
        ActDuoCandidacyUpdated => {
            fr: "Candidature Duo2Change modifiée",
            en: "Duo2Change application changed",
            nl: "Duo2Change-kandidatuur gewijzigd",
            ar: "تم تعديل طلب Duo2Change",
        },
        ActAboutConsent => {
            fr: "{action} : {purpose}",
            en: "{action}: {purpose}",
            nl: "{action}: {purpose}",
            ar: "{action}: {purpose}",
        },
        ActOther => {
            fr: "Autre action ({action})",
            en: "Other action ({action})",
            nl: "Andere handeling ({action})",
            ar: "إجراء آخر ({action})",
        },
        FieldEndedOn => {
            fr: "Date de fin",
            en: "End date",
            nl: "Einddatum",
            ar: "تاريخ الانتهاء",
        },
        FieldStatus => {
            fr: "Statut de la fiche",
            en: "Record status",
            nl: "Status van de fiche",
            ar: "حالة الملف",
        },

        // ---- The vocabulary of interests ----
        TagsTitle => {
            fr: "Vocabulaire des intérêts",
            en: "Vocabulary of interests",
            nl: "Woordenlijst van interesses",
            ar: "مفردات الاهتمامات",
        },
        TagsIntro => {
            fr: "Les passions, savoir-faire et envies que l'on attribue aux personnes, par catégorie, dans les quatre langues de l'interface.",
            en: "The passions, skills and interests given to people, by category, in the interface's four languages.",
            nl: "De passies, vaardigheden en interesses die aan personen worden toegekend, per categorie, in de vier talen van de interface.",
            ar: "الشغف والمهارات والاهتمامات التي تُنسب إلى الأشخاص، حسب الفئة، بلغات الواجهة الأربع.",
        },
        TagsLink => {
            fr: "Vocabulaire",
            en: "Vocabulary",
            nl: "Woordenlijst",
            ar: "المفردات",
        },
        TagSearchLabel => {
            fr: "Rechercher un tag (dans les quatre langues)",
            en: "Search a tag (in the four languages)",
            nl: "Een tag zoeken (in de vier talen)",
            ar: "البحث عن وسم (باللغات الأربع)",
        },
        TagCount => {
            fr: "Tags affichés : {count}",
            en: "Tags shown: {count}",
            nl: "Getoonde tags: {count}",
            ar: "الوسوم المعروضة: {count}",
        },
        TagUsage => {
            fr: "Personnes : {count}",
            en: "People: {count}",
            nl: "Personen: {count}",
            ar: "الأشخاص: {count}",
        },
        NoTagsMatch => {
            fr: "Aucun tag ne correspond à cette recherche.",
            en: "No tag matches this search.",
            nl: "Geen enkele tag komt overeen met deze zoekopdracht.",
            ar: "لا يوجد وسم يطابق هذا البحث.",
        },
        NewTag => {
            fr: "Ajouter un tag",
            en: "Add a tag",
            nl: "Een tag toevoegen",
            ar: "إضافة وسم",
        },
        CreateTagSubmit => {
            fr: "Ajouter le tag",
            en: "Add the tag",
            nl: "Tag toevoegen",
            ar: "أضف الوسم",
        },
        TagCreated => {
            fr: "Tag « {name} » ajouté.",
            en: "Tag “{name}” added.",
            nl: "Tag „{name}” toegevoegd.",
            ar: "تمت إضافة الوسم «{name}».",
        },
        Slug => {
            fr: "Identifiant",
            en: "Identifier",
            nl: "Identificatie",
            ar: "المعرّف",
        },
        SlugHint => {
            fr: "Lettres minuscules sans accent, chiffres et tirets (ex. : jardinage-urbain). Sert dans les filtres et les adresses.",
            en: "Lower-case letters without accents, digits and hyphens (e.g. urban-gardening). Used in filters and addresses.",
            nl: "Kleine letters zonder accenten, cijfers en koppeltekens (bv. stadstuinieren). Gebruikt in filters en adressen.",
            ar: "حروف لاتينية صغيرة دون علامات، وأرقام وشرطات (مثال: urban-gardening). يُستعمل في عوامل التصفية والعناوين.",
        },
        TagCategory => {
            fr: "Catégorie",
            en: "Category",
            nl: "Categorie",
            ar: "الفئة",
        },
        TagCategoryHint => {
            fr: "Choisissez une catégorie existante ou tapez-en une nouvelle (minuscules et tirets).",
            en: "Pick an existing category or type a new one (lower case and hyphens).",
            nl: "Kies een bestaande categorie of typ een nieuwe (kleine letters en koppeltekens).",
            ar: "اختر فئة موجودة أو اكتب فئة جديدة (حروف صغيرة وشرطات).",
        },
        LabelFr => {
            fr: "Libellé en français",
            en: "Label in French",
            nl: "Label in het Frans",
            ar: "التسمية بالفرنسية",
        },
        LabelEn => {
            fr: "Libellé en anglais",
            en: "Label in English",
            nl: "Label in het Engels",
            ar: "التسمية بالإنجليزية",
        },
        LabelNl => {
            fr: "Libellé en néerlandais",
            en: "Label in Dutch",
            nl: "Label in het Nederlands",
            ar: "التسمية بالهولندية",
        },
        LabelAr => {
            fr: "Libellé en arabe",
            en: "Label in Arabic",
            nl: "Label in het Arabisch",
            ar: "التسمية بالعربية",
        },
        Rename => {
            fr: "Renommer",
            en: "Rename",
            nl: "Hernoemen",
            ar: "إعادة تسمية",
        },
        RenameNamed => {
            fr: "Renommer « {name} »",
            en: "Rename “{name}”",
            nl: "„{name}” hernoemen",
            ar: "إعادة تسمية «{name}»",
        },
        RenameTitle => {
            fr: "Renommer « {name} »",
            en: "Rename “{name}”",
            nl: "„{name}” hernoemen",
            ar: "إعادة تسمية «{name}»",
        },
        SaveTag => {
            fr: "Enregistrer les libellés",
            en: "Save the labels",
            nl: "Labels opslaan",
            ar: "حفظ التسميات",
        },
        TagSaved => {
            fr: "Tag « {name} » enregistré.",
            en: "Tag “{name}” saved.",
            nl: "Tag „{name}” opgeslagen.",
            ar: "تم حفظ الوسم «{name}».",
        },
        Merge => {
            fr: "Fusionner",
            en: "Merge",
            nl: "Samenvoegen",
            ar: "دمج",
        },
        MergeNamed => {
            fr: "Fusionner « {name} » dans un autre tag",
            en: "Merge “{name}” into another tag",
            nl: "„{name}” samenvoegen met een andere tag",
            ar: "دمج «{name}» في وسم آخر",
        },
        MergeTitle => {
            fr: "Fusionner « {name} »",
            en: "Merge “{name}”",
            nl: "„{name}” samenvoegen",
            ar: "دمج «{name}»",
        },
        MergeInto => {
            fr: "Tag qui reste",
            en: "Tag to keep",
            nl: "Tag die blijft",
            ar: "الوسم الذي يبقى",
        },
        ChooseTarget => {
            fr: "Choisir…",
            en: "Choose…",
            nl: "Kiezen…",
            ar: "اختر…",
        },
        MergeWarning => {
            fr: "Toutes les utilisations de « {from} » — {count} {count?personne|personnes} et les activités qui le portent — passeront à « {into} », puis « {from} » disparaîtra du vocabulaire. Cette opération ne peut pas être annulée.",
            en: "Every use of “{from}” — {count} {count?person|people} and the activities carrying it — will be re-pointed to “{into}”, then “{from}” leaves the vocabulary. This cannot be undone.",
            nl: "Elk gebruik van „{from}” — {count} {count?persoon|personen} en de activiteiten die de tag dragen — gaat over naar „{into}”, daarna verdwijnt „{from}” uit de woordenlijst. Dit kan niet ongedaan worden gemaakt.",
            ar: "ستُحوَّل كل استعمالات «{from}» — {count} شخص والأنشطة التي تحمله — إلى «{into}»، ثم يختفي «{from}» من المفردات. لا يمكن التراجع عن ذلك.",
        },
        MergeConfirm => {
            fr: "Oui, tout re-pointer et fusionner",
            en: "Yes, re-point every use and merge",
            nl: "Ja, alles overzetten en samenvoegen",
            ar: "نعم، حوّل كل الاستعمالات وادمج",
        },
        TagMerged => {
            fr: "« {from} » a été fusionné dans « {into} », désormais porté par {count} {count?personne|personnes}.",
            en: "“{from}” was merged into “{into}”, now carried by {count} {count?person|people}.",
            nl: "„{from}” is samengevoegd met „{into}”, nu gedragen door {count} {count?persoon|personen}.",
            ar: "تم دمج «{from}» في «{into}»، ويحمله الآن {count} شخص.",
        },
        CatArts => { fr: "Arts", en: "Arts", nl: "Kunst", ar: "الفنون" },
        CatCrafts => { fr: "Artisanat", en: "Crafts", nl: "Handwerk", ar: "الحِرف اليدوية" },
        CatCulture => { fr: "Culture", en: "Culture", nl: "Cultuur", ar: "الثقافة" },
        CatFood => { fr: "Alimentation", en: "Food", nl: "Voeding", ar: "الطعام" },
        CatLanguages => { fr: "Langues", en: "Languages", nl: "Talen", ar: "اللغات" },
        CatMusicDance => {
            fr: "Musique et danse",
            en: "Music and dance",
            nl: "Muziek en dans",
            ar: "الموسيقى والرقص",
        },
        CatNature => { fr: "Nature", en: "Nature", nl: "Natuur", ar: "الطبيعة" },
        CatSocial => { fr: "Vie sociale", en: "Social life", nl: "Sociaal leven", ar: "الحياة الاجتماعية" },
        CatSport => { fr: "Sport", en: "Sport", nl: "Sport", ar: "الرياضة" },
        CatTech => { fr: "Technologies", en: "Technology", nl: "Technologie", ar: "التكنولوجيا" },
        CatWork => { fr: "Métiers", en: "Trades and work", nl: "Beroepen", ar: "المهن" },

        // ---- Retention review ----
        RetentionTitle => {
            fr: "Revue de conservation des données",
            en: "Data retention review",
            nl: "Controle van de bewaartermijn",
            ar: "مراجعة مدة الاحتفاظ بالبيانات",
        },
        RetentionIntro => {
            fr: "Les personnes sans activité depuis plus longtemps que la durée de conservation configurée. Vérifiez la liste, puis anonymisez celles dont les données ne sont plus nécessaires.",
            en: "People with no activity for longer than the configured retention period. Check the list, then anonymise those whose data is no longer needed.",
            nl: "Personen zonder activiteit sinds langer dan de ingestelde bewaartermijn. Controleer de lijst en anonimiseer wie niet langer nodig is.",
            ar: "الأشخاص الذين لا نشاط لهم منذ مدة تتجاوز مدة الاحتفاظ المحددة. راجع القائمة، ثم أخفِ هوية من لم تعد بياناتهم ضرورية.",
        },
        RetentionLink => {
            fr: "Conservation des données",
            en: "Data retention",
            nl: "Bewaartermijn",
            ar: "الاحتفاظ بالبيانات",
        },
        RetentionEmpty => {
            fr: "Personne n'a dépassé la durée de conservation.",
            en: "Nobody is past the retention period.",
            nl: "Niemand heeft de bewaartermijn overschreden.",
            ar: "لا أحد تجاوز مدة الاحتفاظ.",
        },
        RetentionCount => {
            fr: "Personnes à examiner : {count}",
            en: "People to review: {count}",
            nl: "Te controleren personen: {count}",
            ar: "الأشخاص المطلوب مراجعتهم: {count}",
        },
        RetentionListLabel => {
            fr: "Personnes au-delà de la durée de conservation, de la plus ancienne activité à la plus récente",
            en: "People past the retention period, from the oldest activity to the newest",
            nl: "Personen voorbij de bewaartermijn, van de oudste tot de recentste activiteit",
            ar: "الأشخاص الذين تجاوزوا مدة الاحتفاظ، من أقدم نشاط إلى أحدثه",
        },
        LastActivityOn => {
            fr: "Dernière activité : {date}",
            en: "Last activity: {date}",
            nl: "Laatste activiteit: {date}",
            ar: "آخر نشاط: {date}",
        },
        SelectAll => {
            fr: "Tout sélectionner",
            en: "Select all",
            nl: "Alles selecteren",
            ar: "تحديد الكل",
        },
        SelectNamed => {
            fr: "Sélectionner {name}",
            en: "Select {name}",
            nl: "{name} selecteren",
            ar: "تحديد {name}",
        },
        SelectedCount => {
            fr: "Sélectionnées : {count}",
            en: "Selected: {count}",
            nl: "Geselecteerd: {count}",
            ar: "المحدَّدون: {count}",
        },
        BulkTitle => {
            fr: "Anonymiser la sélection",
            en: "Anonymise the selection",
            nl: "De selectie anonimiseren",
            ar: "إخفاء هوية المحدَّدين",
        },
        BulkWarning => {
            fr: "L'anonymisation efface définitivement les noms, coordonnées, adresses et textes libres des personnes sélectionnées ; seuls des chiffres non identifiants restent pour les rapports. Elle est irréversible : l'application ne pourra plus retrouver ces données.",
            en: "Anonymisation permanently wipes the names, contact details, addresses and free text of the selected people; only non-identifying figures remain for reports. It is irreversible: the application cannot bring this data back.",
            nl: "Anonimiseren wist de namen, contactgegevens, adressen en vrije tekst van de geselecteerde personen definitief; alleen niet-identificerende cijfers blijven voor rapporten. Het is onomkeerbaar: de toepassing kan deze gegevens niet terughalen.",
            ar: "إخفاء الهوية يمحو نهائيًا الأسماء ووسائل الاتصال والعناوين والنصوص الحرة للأشخاص المحدَّدين؛ ولا تبقى إلا أرقام لا تكشف الهوية لأغراض التقارير. لا رجعة فيه: لن يستطيع التطبيق استرجاع هذه البيانات.",
        },
        NothingSelected => {
            fr: "Sélectionnez au moins une personne dans la liste.",
            en: "Select at least one person in the list.",
            nl: "Selecteer minstens één persoon in de lijst.",
            ar: "حدّد شخصًا واحدًا على الأقل من القائمة.",
        },
        BulkSubmit => {
            fr: "Anonymiser définitivement ({count})",
            en: "Anonymise permanently ({count})",
            nl: "Definitief anonimiseren ({count})",
            ar: "إخفاء الهوية نهائيًا ({count})",
        },
        BulkDone => {
            fr: "Personnes anonymisées : {count}.",
            en: "People anonymised: {count}.",
            nl: "Geanonimiseerde personen: {count}.",
            ar: "عدد الأشخاص الذين أُخفيت هويتهم: {count}.",
        },
        BulkAlready => {
            fr: "Déjà anonymisées entre-temps : {count}.",
            en: "Already anonymised in the meantime: {count}.",
            nl: "Intussen al geanonimiseerd: {count}.",
            ar: "أُخفيت هويتهم في الأثناء: {count}.",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{check_catalogue, t};
    use shared::Lang;

    #[test]
    fn every_message_is_translated() {
        check_catalogue(
            PaKey::ALL,
            &[
                PaKey::CatArts,
                PaKey::CatSport,
                PaKey::CatCulture,
                PaKey::CatNature,
            ],
            0,
        );
    }

    #[test]
    fn the_confirmation_word_is_named_in_each_language() {
        // The bulk form reuses the person page's confirmation label, which names the word of
        // the reader's language (issue 19: not the Latin word "anonymise" everywhere).
        use crate::i18n::people::PeopleKey;
        for lang in Lang::ALL {
            assert!(t(lang, PeopleKey::AnonymiseConfirmLabel).contains("{word}"));
        }
        assert_eq!(t(Lang::Fr, PeopleKey::AnonymiseWord), "anonymiser");
        assert_ne!(t(Lang::Ar, PeopleKey::AnonymiseWord), "anonymise");
    }
}
