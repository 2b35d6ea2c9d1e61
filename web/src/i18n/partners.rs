//! Messages of the partner screens: organisations and their contacts, their API clients and
//! webhook endpoints, and the review queue of partners' referrals.

use shared::partners::{OrganisationKind, Scope};
use shared::referrals::ReferralStatus;
use shared::webhooks::{WebhookDeliveryStatus, WebhookEventType};

crate::catalogue! {
    /// Messages of the partner screens.
    pub enum PtKey {
        NavPartners => { fr: "Partenaires", en: "Partners", nl: "Partners", ar: "الشركاء" },
        TabOrganisations => { fr: "Organisations", en: "Organisations", nl: "Organisaties", ar: "المنظمات" },
        TabReferrals => { fr: "Orientations reçues", en: "Referrals received", nl: "Ontvangen doorverwijzingen", ar: "الإحالات الواردة" },
        PartnerTabs => { fr: "Sections des partenaires", en: "Partner sections", nl: "Partneronderdelen", ar: "أقسام الشركاء" },

        // ---- organisations list
        OrgsTitle => { fr: "Organisations partenaires", en: "Partner organisations", nl: "Partnerorganisaties", ar: "المنظمات الشريكة" },
        OrgsIntro => { fr: "Les CPAS, écoles de langues, services d'emploi, communes et associations avec qui Interra travaille.", en: "The CPAS, language schools, employment services, municipalities and associations Interra works with.", nl: "De OCMW's, taalscholen, arbeidsdiensten, gemeenten en verenigingen waarmee Interra samenwerkt.", ar: "مراكز العمل الاجتماعي ومدارس اللغات ومصالح التشغيل والبلديات والجمعيات التي تعمل معها إنتيرا." },
        SearchOrgs => { fr: "Rechercher", en: "Search", nl: "Zoeken", ar: "بحث" },
        SearchOrgsHint => { fr: "Nom, commune ou adresse e-mail.", en: "Name, municipality or email address.", nl: "Naam, gemeente of e-mailadres.", ar: "الاسم أو البلدية أو البريد الإلكتروني." },
        Kind => { fr: "Type d'organisation", en: "Kind of organisation", nl: "Soort organisatie", ar: "نوع المنظمة" },
        AllKinds => { fr: "Tous les types", en: "All kinds", nl: "Alle soorten", ar: "كل الأنواع" },
        OrgCount => { fr: "{count} {count?organisation|organisations}", en: "{count} {count?organisation|organisations}", nl: "{count} {count?organisatie|organisaties}", ar: "عدد المنظمات: {count}" },
        NoOrgs => { fr: "Aucune organisation ne correspond.", en: "No organisation matches.", nl: "Geen enkele organisatie komt overeen.", ar: "لا توجد منظمة مطابقة." },
        NewOrg => { fr: "Nouvelle organisation", en: "New organisation", nl: "Nieuwe organisatie", ar: "منظمة جديدة" },
        DataSharingBadge => { fr: "Partage de données signé", en: "Data sharing signed", nl: "Gegevensdeling ondertekend", ar: "اتفاقية تبادل البيانات موقعة" },

        // ---- kinds
        KindCpas => { fr: "CPAS", en: "CPAS (public social welfare centre)", nl: "OCMW", ar: "مركز العمل الاجتماعي (CPAS)" },
        KindReceptionCentre => { fr: "Centre d'accueil", en: "Reception centre", nl: "Opvangcentrum", ar: "مركز استقبال" },
        KindLanguageSchool => { fr: "École de langues", en: "Language school", nl: "Taalschool", ar: "مدرسة لغات" },
        KindEmploymentService => { fr: "Service d'emploi", en: "Employment service", nl: "Arbeidsdienst", ar: "مصلحة التشغيل" },
        KindMunicipality => { fr: "Commune", en: "Municipality", nl: "Gemeente", ar: "بلدية" },
        KindAssociation => { fr: "Association", en: "Association", nl: "Vereniging", ar: "جمعية" },
        KindIncubator => { fr: "Incubateur", en: "Incubator", nl: "Incubator", ar: "حاضنة أعمال" },
        KindCompany => { fr: "Entreprise", en: "Company", nl: "Bedrijf", ar: "شركة" },
        KindOther => { fr: "Autre", en: "Other", nl: "Andere", ar: "أخرى" },

        // ---- organisation page and form
        BackToOrgs => { fr: "Retour aux organisations", en: "Back to the organisations", nl: "Terug naar de organisaties", ar: "العودة إلى المنظمات" },
        OrgNotFound => { fr: "Organisation introuvable", en: "Organisation not found", nl: "Organisatie niet gevonden", ar: "المنظمة غير موجودة" },
        OrgTitle => { fr: "Organisation partenaire", en: "Partner organisation", nl: "Partnerorganisatie", ar: "منظمة شريكة" },
        Details => { fr: "Coordonnées", en: "Details", nl: "Gegevens", ar: "البيانات" },
        Name => { fr: "Nom", en: "Name", nl: "Naam", ar: "الاسم" },
        Street => { fr: "Rue et numéro", en: "Street and number", nl: "Straat en nummer", ar: "الشارع والرقم" },
        Postcode => { fr: "Code postal", en: "Postcode", nl: "Postcode", ar: "الرمز البريدي" },
        Commune => { fr: "Commune", en: "Municipality", nl: "Gemeente", ar: "البلدية" },
        OrgEmail => { fr: "Adresse e-mail générale", en: "General email address", nl: "Algemeen e-mailadres", ar: "البريد الإلكتروني العام" },
        OrgEmailHint => { fr: "L'adresse de l'organisation, pas celle d'une personne.", en: "The organisation's address, not a person's.", nl: "Het adres van de organisatie, niet van een persoon.", ar: "عنوان المنظمة، لا عنوان شخص." },
        Phone => { fr: "Téléphone", en: "Phone", nl: "Telefoon", ar: "الهاتف" },
        Agreement => { fr: "Convention de partenariat", en: "Partnership agreement", nl: "Partnerschapsovereenkomst", ar: "اتفاقية الشراكة" },
        AgreementStart => { fr: "Début de la convention", en: "Agreement starts", nl: "Begin van de overeenkomst", ar: "بداية الاتفاقية" },
        AgreementEnd => { fr: "Fin de la convention", en: "Agreement ends", nl: "Einde van de overeenkomst", ar: "نهاية الاتفاقية" },
        AgreementFromTo => { fr: "Du {start} au {end}", en: "From {start} to {end}", nl: "Van {start} tot {end}", ar: "من {start} إلى {end}" },
        AgreementFrom => { fr: "Depuis le {start}, sans date de fin", en: "Since {start}, no end date", nl: "Sinds {start}, zonder einddatum", ar: "منذ {start}، دون تاريخ نهاية" },
        AgreementUntil => { fr: "Jusqu'au {end}", en: "Until {end}", nl: "Tot {end}", ar: "حتى {end}" },
        NoAgreement => { fr: "Pas de convention datée.", en: "No dated agreement.", nl: "Geen gedateerde overeenkomst.", ar: "لا توجد اتفاقية مؤرخة." },
        DataSharing => { fr: "Convention de partage de données signée", en: "Data-sharing agreement signed", nl: "Overeenkomst voor gegevensdeling ondertekend", ar: "اتفاقية تبادل البيانات موقعة" },
        DataSharingHint => { fr: "Sans elle, ne recevez pas de données personnelles de ce partenaire hors des orientations.", en: "Without it, receive no personal data from this partner outside referrals.", nl: "Zonder deze ontvangt u buiten doorverwijzingen geen persoonsgegevens van deze partner.", ar: "بدونها، لا تستقبلوا بيانات شخصية من هذا الشريك خارج الإحالات." },
        DataSharingYes => { fr: "Convention de partage de données : signée", en: "Data-sharing agreement: signed", nl: "Overeenkomst voor gegevensdeling: ondertekend", ar: "اتفاقية تبادل البيانات: موقعة" },
        DataSharingNo => { fr: "Convention de partage de données : pas signée", en: "Data-sharing agreement: not signed", nl: "Overeenkomst voor gegevensdeling: niet ondertekend", ar: "اتفاقية تبادل البيانات: غير موقعة" },
        SaveOrg => { fr: "Enregistrer l'organisation", en: "Save the organisation", nl: "Organisatie opslaan", ar: "حفظ المنظمة" },
        OrgSaved => { fr: "Organisation enregistrée.", en: "Organisation saved.", nl: "Organisatie opgeslagen.", ar: "تم حفظ المنظمة." },
        EditOrg => { fr: "Modifier l'organisation", en: "Edit the organisation", nl: "Organisatie bewerken", ar: "تعديل المنظمة" },

        // ---- contacts
        Contacts => { fr: "Personnes de contact", en: "Contact people", nl: "Contactpersonen", ar: "الأشخاص المرجعيون" },
        ContactsHint => { fr: "Des personnes déjà enregistrées, avec leur rôle dans l'organisation.", en: "People already on record, with their role in the organisation.", nl: "Personen die al geregistreerd zijn, met hun rol in de organisatie.", ar: "أشخاص مسجلون مسبقًا، مع دورهم في المنظمة." },
        NoContacts => { fr: "Personne n'est encore rattaché à cette organisation.", en: "Nobody is affiliated to this organisation yet.", nl: "Nog niemand is aan deze organisatie verbonden.", ar: "لم يُربط أي شخص بهذه المنظمة بعد." },
        Role => { fr: "Rôle dans l'organisation", en: "Role in the organisation", nl: "Rol in de organisatie", ar: "الدور في المنظمة" },
        RoleHint => { fr: "Par exemple : assistante sociale, directeur, formatrice.", en: "For example: social worker, director, trainer.", nl: "Bijvoorbeeld: maatschappelijk werker, directeur, opleider.", ar: "مثلًا: مساعدة اجتماعية، مدير، مكوّنة." },
        FindPerson => { fr: "Chercher la personne", en: "Find the person", nl: "De persoon zoeken", ar: "البحث عن الشخص" },
        Affiliate => { fr: "Rattacher", en: "Affiliate", nl: "Verbinden", ar: "ربط" },
        AffiliateNamed => { fr: "Rattacher {name} à l'organisation", en: "Affiliate {name} to the organisation", nl: "{name} aan de organisatie verbinden", ar: "ربط {name} بالمنظمة" },
        ContactAdded => { fr: "{name} est rattaché·e à l'organisation.", en: "{name} is affiliated to the organisation.", nl: "{name} is aan de organisatie verbonden.", ar: "تم ربط {name} بالمنظمة." },
        RemoveContact => { fr: "Retirer", en: "Remove", nl: "Verwijderen", ar: "إزالة" },
        RemoveContactNamed => { fr: "Retirer {name} de l'organisation", en: "Remove {name} from the organisation", nl: "{name} uit de organisatie verwijderen", ar: "إزالة {name} من المنظمة" },
        ContactRemoved => { fr: "{name} n'est plus rattaché·e à l'organisation.", en: "{name} is no longer affiliated to the organisation.", nl: "{name} is niet langer aan de organisatie verbonden.", ar: "لم يعد {name} مرتبطًا بالمنظمة." },
        RoleRequired => { fr: "Indiquez d'abord le rôle de la personne.", en: "First give the person's role.", nl: "Geef eerst de rol van de persoon op.", ar: "حدّدوا أولًا دور الشخص." },

        // ---- API clients
        Clients => { fr: "Accès à l'API", en: "API access", nl: "Toegang tot de API", ar: "الوصول إلى واجهة البرمجة" },
        ClientsHint => { fr: "Un client permet au serveur du partenaire d'appeler l'API d'Interra avec les droits cochés. Donnez l'identifiant et le secret à la personne technique du partenaire, jamais par un canal public.", en: "A client lets the partner's server call Interra's API with the rights ticked. Give the id and the secret to the partner's technical contact, never through a public channel.", nl: "Met een client kan de server van de partner de API van Interra aanroepen met de aangevinkte rechten. Geef de id en het geheim aan de technische contactpersoon van de partner, nooit via een openbaar kanaal.", ar: "يسمح العميل لخادم الشريك باستدعاء واجهة إنتيرا بالصلاحيات المحددة. سلّموا المعرّف والسر للمسؤول التقني لدى الشريك، وليس عبر قناة عامة أبدًا." },
        NoClients => { fr: "Pas encore de client pour cette organisation.", en: "No client for this organisation yet.", nl: "Nog geen client voor deze organisatie.", ar: "لا يوجد عميل لهذه المنظمة بعد." },
        ClientName => { fr: "À quoi sert ce client", en: "What this client is for", nl: "Waarvoor deze client dient", ar: "الغرض من هذا العميل" },
        ClientNameHint => { fr: "Par exemple : « Agenda du CPAS ».", en: "For example: “CPAS agenda”.", nl: "Bijvoorbeeld: ‘Agenda van het OCMW’.", ar: "مثلًا: «أجندة المركز»." },
        Scopes => { fr: "Ce qu'il peut faire", en: "What it may do", nl: "Wat hij mag doen", ar: "ما يمكنه فعله" },
        ScopeEventsRead => { fr: "Lire l'agenda public (events:read)", en: "Read the public agenda (events:read)", nl: "De openbare agenda lezen (events:read)", ar: "قراءة الأجندة العامة (events:read)" },
        ScopeReferralsRead => { fr: "Lire ses orientations (referrals:read)", en: "Read its referrals (referrals:read)", nl: "Zijn doorverwijzingen lezen (referrals:read)", ar: "قراءة إحالاته (referrals:read)" },
        ScopeReferralsWrite => { fr: "Orienter une personne (referrals:write)", en: "Refer a person (referrals:write)", nl: "Een persoon doorverwijzen (referrals:write)", ar: "إحالة شخص (referrals:write)" },
        ScopeTrainingsRegister => { fr: "Inscrire son personnel aux formations (trainings:register)", en: "Register its staff to trainings (trainings:register)", nl: "Zijn personeel inschrijven voor opleidingen (trainings:register)", ar: "تسجيل موظفيه في التكوينات (trainings:register)" },
        ScopeWebhooksManage => { fr: "Recevoir des notifications webhooks (webhooks:manage)", en: "Receive webhook notifications (webhooks:manage)", nl: "Webhookmeldingen ontvangen (webhooks:manage)", ar: "تلقي إشعارات webhooks (webhooks:manage)" },
        CreateClient => { fr: "Créer le client", en: "Create the client", nl: "Client aanmaken", ar: "إنشاء العميل" },
        NewClient => { fr: "Nouveau client", en: "New client", nl: "Nieuwe client", ar: "عميل جديد" },
        SecretTitle => { fr: "Le secret de « {name} »", en: "The secret of “{name}”", nl: "Het geheim van ‘{name}’", ar: "سر «{name}»" },
        SecretWarning => { fr: "Copiez ce secret maintenant : il ne sera plus jamais affiché. Interra n'en garde qu'une empreinte. Si vous le perdez, donnez-en un nouveau.", en: "Copy this secret now: it will never be shown again. Interra keeps only a fingerprint of it. If you lose it, issue a new one.", nl: "Kopieer dit geheim nu: het wordt nooit meer getoond. Interra bewaart er alleen een vingerafdruk van. Verliest u het, geef dan een nieuw.", ar: "انسخوا هذا السر الآن: لن يُعرض مرة أخرى أبدًا. لا تحتفظ إنتيرا إلا ببصمته. إن فقدتموه، أصدروا سرًا جديدًا." },
        ClientId => { fr: "Identifiant (client_id)", en: "Identifier (client_id)", nl: "Identificatie (client_id)", ar: "المعرّف (client_id)" },
        ClientSecret => { fr: "Secret (client_secret)", en: "Client secret (client_secret)", nl: "Geheim (client_secret)", ar: "السر (client_secret)" },
        Copy => { fr: "Copier", en: "Copy", nl: "Kopiëren", ar: "نسخ" },
        CopyNamed => { fr: "Copier : {what}", en: "Copy: {what}", nl: "Kopiëren: {what}", ar: "نسخ: {what}" },
        Copied => { fr: "Copié dans le presse-papiers.", en: "Copied to the clipboard.", nl: "Gekopieerd naar het klembord.", ar: "تم النسخ إلى الحافظة." },
        CopyFailed => { fr: "Copie impossible : sélectionnez le texte et copiez-le vous-même.", en: "Could not copy: select the text and copy it yourself.", nl: "Kopiëren mislukt: selecteer de tekst en kopieer hem zelf.", ar: "تعذر النسخ: حدّدوا النص وانسخوه بأنفسكم." },
        SecretDone => { fr: "J'ai copié le secret", en: "I have copied the secret", nl: "Ik heb het geheim gekopieerd", ar: "نسختُ السر" },
        Rotate => { fr: "Donner un nouveau secret", en: "Issue a new secret", nl: "Een nieuw geheim geven", ar: "إصدار سر جديد" },
        RotateNamed => { fr: "Donner un nouveau secret à « {name} »", en: "Issue a new secret for “{name}”", nl: "Een nieuw geheim geven aan ‘{name}’", ar: "إصدار سر جديد لـ«{name}»" },
        RotateExplain => { fr: "L'ancien secret reste accepté pendant 24 heures, le temps que le partenaire installe le nouveau ; ensuite seul le nouveau fonctionne.", en: "The old secret is still accepted for 24 hours, time for the partner to install the new one; after that only the new one works.", nl: "Het oude geheim blijft 24 uur geldig, zodat de partner het nieuwe kan installeren; daarna werkt alleen het nieuwe.", ar: "يظل السر القديم مقبولًا لمدة 24 ساعة، ريثما يثبّت الشريك السر الجديد؛ بعدها لا يعمل إلا الجديد." },
        Revoke => { fr: "Révoquer", en: "Revoke", nl: "Intrekken", ar: "إلغاء" },
        RevokeNamed => { fr: "Révoquer « {name} »", en: "Revoke “{name}”", nl: "‘{name}’ intrekken", ar: "إلغاء «{name}»" },
        RevokeExplain => { fr: "Révoquer arrête à l'instant ses secrets et ses jetons. C'est définitif : pour rouvrir l'accès, créez un nouveau client.", en: "Revoking stops its secrets and tokens at once. It is final: to open access again, create a new client.", nl: "Intrekken stopt zijn geheimen en tokens meteen. Het is definitief: maak een nieuwe client aan om opnieuw toegang te geven.", ar: "الإلغاء يوقف أسراره ورموزه فورًا. وهو نهائي: لإعادة فتح الوصول، أنشئوا عميلًا جديدًا." },
        ConfirmRevoke => { fr: "Oui, révoquer", en: "Yes, revoke", nl: "Ja, intrekken", ar: "نعم، ألغِ" },
        ClientRevoked => { fr: "« {name} » est révoqué.", en: "“{name}” is revoked.", nl: "‘{name}’ is ingetrokken.", ar: "تم إلغاء «{name}»." },
        RevokedOn => { fr: "Révoqué le {date}", en: "Revoked on {date}", nl: "Ingetrokken op {date}", ar: "أُلغي يوم {date}" },
        RevokedBadge => { fr: "Révoqué", en: "Revoked", nl: "Ingetrokken", ar: "ملغى" },
        Active => { fr: "Actif", en: "Active", nl: "Actief", ar: "نشط" },
        PreviousUntil => { fr: "L'ancien secret est encore accepté jusqu'au {date}.", en: "The old secret is still accepted until {date}.", nl: "Het oude geheim blijft geldig tot {date}.", ar: "يظل السر القديم مقبولًا حتى {date}." },
        LastUsed => { fr: "Dernier appel : {date}", en: "Last call: {date}", nl: "Laatste oproep: {date}", ar: "آخر استدعاء: {date}" },
        NeverUsed => { fr: "Jamais utilisé", en: "Never used", nl: "Nooit gebruikt", ar: "لم يُستعمل قط" },
        CreatedOn => { fr: "Créé le {date}", en: "Created on {date}", nl: "Aangemaakt op {date}", ar: "أُنشئ يوم {date}" },

        // ---- webhooks (read-only)
        Webhooks => { fr: "Notifications vers le partenaire (webhooks)", en: "Notifications to the partner (webhooks)", nl: "Meldingen naar de partner (webhooks)", ar: "الإشعارات نحو الشريك (webhooks)" },
        WebhooksHint => { fr: "Le partenaire enregistre et gère lui-même ces adresses par l'API ; l'équipe les voit ici, avec les derniers envois.", en: "The partner registers and manages these addresses itself through the API; the team sees them here, with the latest deliveries.", nl: "De partner registreert en beheert deze adressen zelf via de API; het team ziet ze hier, met de laatste verzendingen.", ar: "يسجّل الشريك هذه العناوين ويديرها بنفسه عبر الواجهة؛ ويراها الفريق هنا مع آخر الإرسالات." },
        NoWebhooks => { fr: "Le partenaire n'a enregistré aucune adresse.", en: "The partner has registered no address.", nl: "De partner heeft geen adres geregistreerd.", ar: "لم يسجل الشريك أي عنوان." },
        Enabled => { fr: "Actif", en: "Enabled", nl: "Actief", ar: "مفعّل" },
        Disabled => { fr: "Désactivé", en: "Disabled", nl: "Uitgeschakeld", ar: "معطّل" },
        DisabledBecause => { fr: "Désactivé le {date} : {reason}", en: "Disabled on {date}: {reason}", nl: "Uitgeschakeld op {date}: {reason}", ar: "عُطّل يوم {date}: {reason}" },
        DisabledByPartner => { fr: "Mis en pause par le partenaire.", en: "Paused by the partner.", nl: "Gepauzeerd door de partner.", ar: "أوقفه الشريك مؤقتًا." },
        EventTypes => { fr: "Ce qu'il reçoit", en: "What it receives", nl: "Wat het ontvangt", ar: "ما يتلقاه" },
        EvReferralStatusChanged => { fr: "Le statut d'une de ses orientations change", en: "One of its referrals changes status", nl: "De status van een van zijn doorverwijzingen verandert", ar: "تغيّر حالة إحدى إحالاته" },
        EvEventPublished => { fr: "Un événement public est publié", en: "A public event is published", nl: "Een openbaar evenement wordt gepubliceerd", ar: "نشر فعالية عامة" },
        EvEventUpdated => { fr: "Un événement public change", en: "A public event changes", nl: "Een openbaar evenement verandert", ar: "تغيّر فعالية عامة" },
        EvEventCancelled => { fr: "Un événement public est annulé", en: "A public event is cancelled", nl: "Een openbaar evenement wordt geannuleerd", ar: "إلغاء فعالية عامة" },
        EvTrainingRegistration => { fr: "Une inscription de son personnel à une formation change", en: "A training registration of its staff changes", nl: "Een opleidingsinschrijving van zijn personeel verandert", ar: "تغيّر تسجيل أحد موظفيه في تكوين" },
        RecentDeliveries => { fr: "Derniers envois", en: "Latest deliveries", nl: "Laatste verzendingen", ar: "آخر الإرسالات" },
        NoDeliveries => { fr: "Rien n'a encore été envoyé à cette adresse.", en: "Nothing was sent to this address yet.", nl: "Er is nog niets naar dit adres verzonden.", ar: "لم يُرسل أي شيء إلى هذا العنوان بعد." },
        DeliveryPending => { fr: "En attente", en: "Waiting", nl: "Wachtend", ar: "قيد الانتظار" },
        DeliveryDelivered => { fr: "Reçu", en: "Delivered", nl: "Afgeleverd", ar: "تم الاستلام" },
        DeliveryFailed => { fr: "Échoué", en: "Failed", nl: "Mislukt", ar: "فشل" },
        Attempts => { fr: "{count} {count?tentative|tentatives}", en: "{count} {count?attempt|attempts}", nl: "{count} {count?poging|pogingen}", ar: "عدد المحاولات: {count}" },
        HttpAnswer => { fr: "réponse HTTP {status}", en: "HTTP answer {status}", nl: "HTTP-antwoord {status}", ar: "رد HTTP {status}" },
        NextAttempt => { fr: "prochain essai : {date}", en: "next attempt: {date}", nl: "volgende poging: {date}", ar: "المحاولة التالية: {date}" },
        Sent => { fr: "Envoyé", en: "Sent", nl: "Verzonden", ar: "أُرسل" },
        Message => { fr: "Message", en: "Message", nl: "Bericht", ar: "الرسالة" },
        Outcome => { fr: "Résultat", en: "Outcome", nl: "Resultaat", ar: "النتيجة" },

        // ---- referral queue
        QueueTitle => { fr: "Orientations reçues des partenaires", en: "Referrals from partners", nl: "Doorverwijzingen van partners", ar: "الإحالات الواردة من الشركاء" },
        QueueIntro => { fr: "Des personnes que nos partenaires nous envoient, avec leur accord. Prenez contact, puis dites où en est chaque orientation : le partenaire voit le statut.", en: "People our partners send us, with their consent. Get in touch, then say where each referral stands: the partner sees the status.", nl: "Mensen die onze partners met hun toestemming naar ons doorsturen. Neem contact op en geef aan hoe het met elke doorverwijzing staat: de partner ziet de status.", ar: "أشخاص يرسلهم إلينا شركاؤنا بموافقتهم. تواصلوا معهم، ثم بيّنوا أين وصلت كل إحالة: يرى الشريك الحالة." },
        StatusFilter => { fr: "Statut", en: "Status", nl: "Status", ar: "الحالة" },
        AllReferrals => { fr: "Toutes", en: "All", nl: "Alle", ar: "الكل" },
        StatusWithCount => { fr: "{status} ({count})", en: "{status} ({count})", nl: "{status} ({count})", ar: "{status} ({count})" },
        ReferralCount => { fr: "{count} {count?orientation|orientations}", en: "{count} {count?referral|referrals}", nl: "{count} {count?doorverwijzing|doorverwijzingen}", ar: "عدد الإحالات: {count}" },
        NoReferrals => { fr: "Aucune orientation avec ce statut.", en: "No referral with this status.", nl: "Geen doorverwijzing met deze status.", ar: "لا توجد إحالة بهذه الحالة." },
        StReceived => { fr: "À traiter", en: "To review", nl: "Te behandelen", ar: "للمعالجة" },
        StAccepted => { fr: "Acceptée", en: "Accepted", nl: "Aanvaard", ar: "مقبولة" },
        StContacted => { fr: "Personne contactée", en: "Person contacted", nl: "Persoon gecontacteerd", ar: "تم الاتصال بالشخص" },
        StEnrolled => { fr: "Inscrite au programme", en: "Enrolled", nl: "Ingeschreven", ar: "مسجّل في البرنامج" },
        StDeclined => { fr: "Pas retenue", en: "Declined", nl: "Niet weerhouden", ar: "غير مقبولة" },
        StNoAnswer => { fr: "Pas de réponse", en: "No answer", nl: "Geen antwoord", ar: "لا رد" },
        FromOrg => { fr: "Envoyée par {organisation} le {date}", en: "Sent by {organisation} on {date}", nl: "Verzonden door {organisation} op {date}", ar: "أرسلتها {organisation} يوم {date}" },
        ForProgramme => { fr: "Pour : {programme}", en: "For: {programme}", nl: "Voor: {programme}", ar: "من أجل: {programme}" },

        // ---- one referral
        BackToQueue => { fr: "Retour aux orientations", en: "Back to the referrals", nl: "Terug naar de doorverwijzingen", ar: "العودة إلى الإحالات" },
        ReferralNotFound => { fr: "Orientation introuvable", en: "Referral not found", nl: "Doorverwijzing niet gevonden", ar: "الإحالة غير موجودة" },
        ReferralTitle => { fr: "Orientation", en: "Referral", nl: "Doorverwijzing", ar: "الإحالة" },
        ReferralOf => { fr: "Orientation de {name}", en: "Referral of {name}", nl: "Doorverwijzing van {name}", ar: "إحالة {name}" },
        WhatPartnerSent => { fr: "Ce que le partenaire a envoyé", en: "What the partner sent", nl: "Wat de partner stuurde", ar: "ما أرسله الشريك" },
        FirstName => { fr: "Prénom", en: "First name", nl: "Voornaam", ar: "الاسم الشخصي" },
        Email => { fr: "E-mail", en: "Email", nl: "E-mail", ar: "البريد الإلكتروني" },
        Languages => { fr: "Langues", en: "Languages", nl: "Talen", ar: "اللغات" },
        PartnerNote => { fr: "Note du partenaire", en: "The partner's note", nl: "Notitie van de partner", ar: "ملاحظة الشريك" },
        Programme => { fr: "Programme", en: "Programme", nl: "Programma", ar: "البرنامج" },
        Consent => { fr: "Accord recueilli par {who} le {date}, après lecture de la notice de confidentialité {version}.", en: "Consent collected by {who} on {date}, after reading privacy notice {version}.", nl: "Toestemming verzameld door {who} op {date}, na lezing van privacyverklaring {version}.", ar: "جمع الموافقة {who} يوم {date}، بعد قراءة إشعار الخصوصية {version}." },
        PersonRecord => { fr: "Voir la fiche de la personne", en: "See the person's record", nl: "De fiche van de persoon bekijken", ar: "عرض ملف الشخص" },
        StaffNoteSaved => { fr: "Note de l'équipe", en: "The team's note", nl: "Notitie van het team", ar: "ملاحظة الفريق" },
        PartnerSees => { fr: "Ce que voit le partenaire", en: "What the partner sees", nl: "Wat de partner ziet", ar: "ما يراه الشريك" },
        PartnerSeesBody => { fr: "Le partenaire voit seulement le statut de son orientation et la date du dernier changement. Il ne voit jamais la fiche de la personne, ni si elle était déjà connue d'Interra, ni la note de l'équipe.", en: "The partner sees only its referral's status and the date of the last change. It never sees the person's record, nor whether Interra already knew them, nor the team's note.", nl: "De partner ziet alleen de status van zijn doorverwijzing en de datum van de laatste wijziging. Hij ziet nooit de fiche van de persoon, niet of Interra hem al kende, en niet de notitie van het team.", ar: "لا يرى الشريك إلا حالة إحالته وتاريخ آخر تغيير. ولا يرى أبدًا ملف الشخص، ولا ما إذا كانت إنتيرا تعرفه من قبل، ولا ملاحظة الفريق." },
        PartnerWillSee => { fr: "Le partenaire verra : « {status} », le {date}.", en: "The partner will see: “{status}”, on {date}.", nl: "De partner zal zien: ‘{status}’, op {date}.", ar: "سيرى الشريك: «{status}»، يوم {date}." },
        PartnerSeesNow => { fr: "Le partenaire voit : « {status} », depuis le {date}.", en: "The partner sees: “{status}”, since {date}.", nl: "De partner ziet: ‘{status}’, sinds {date}.", ar: "يرى الشريك: «{status}»، منذ {date}." },
        Review => { fr: "Suite à donner", en: "Next step", nl: "Volgende stap", ar: "الخطوة التالية" },
        ReviewClosed => { fr: "Cette orientation est close : plus de changement possible.", en: "This referral is closed: no further change.", nl: "Deze doorverwijzing is afgesloten: geen wijziging meer mogelijk.", ar: "هذه الإحالة مغلقة: لا تغيير بعد الآن." },
        ActAccept => { fr: "Accepter", en: "Accept", nl: "Aanvaarden", ar: "قبول" },
        ActContacted => { fr: "Personne contactée", en: "Person contacted", nl: "Persoon gecontacteerd", ar: "تم الاتصال بالشخص" },
        ActEnrolled => { fr: "Inscrite au programme", en: "Enrolled in the programme", nl: "Ingeschreven in het programma", ar: "سُجّل في البرنامج" },
        ActDeclined => { fr: "Pas retenue", en: "Decline", nl: "Niet weerhouden", ar: "عدم القبول" },
        ActNoAnswer => { fr: "Pas de réponse", en: "No answer", nl: "Geen antwoord", ar: "لا رد" },
        AcceptHow => { fr: "Qui est cette personne pour Interra ?", en: "Who is this person for Interra?", nl: "Wie is deze persoon voor Interra?", ar: "من هو هذا الشخص بالنسبة إلى إنتيرا؟" },
        AcceptNew => { fr: "Une nouvelle personne : créer sa fiche", en: "A new person: create their record", nl: "Een nieuwe persoon: een fiche aanmaken", ar: "شخص جديد: إنشاء ملفه" },
        AcceptKnown => { fr: "Une personne déjà enregistrée : la retrouver", en: "Someone already on record: find them", nl: "Iemand die al geregistreerd is: terugvinden", ar: "شخص مسجل مسبقًا: العثور عليه" },
        ThisIsThem => { fr: "C'est elle", en: "That's them", nl: "Dat is de persoon", ar: "هذا هو" },
        ThisIsThemNamed => { fr: "C'est {name}", en: "That's {name}", nl: "Dat is {name}", ar: "إنه {name}" },
        Chosen => { fr: "Fiche choisie : {name}", en: "Record chosen: {name}", nl: "Gekozen fiche: {name}", ar: "الملف المختار: {name}" },
        ChooseSomeone => { fr: "Choisissez d'abord la fiche de la personne.", en: "First choose the person's record.", nl: "Kies eerst de fiche van de persoon.", ar: "اختاروا أولًا ملف الشخص." },
        LastName => { fr: "Nom de famille", en: "Last name", nl: "Familienaam", ar: "الاسم العائلي" },
        Profile => { fr: "La personne se présente comme", en: "The person describes themselves as", nl: "De persoon stelt zich voor als", ar: "يقدّم الشخص نفسه على أنه" },
        StaffNote => { fr: "Note de l'équipe", en: "The team's note", nl: "Notitie van het team", ar: "ملاحظة الفريق" },
        StaffNoteHint => { fr: "Pour l'équipe seulement : jamais montrée au partenaire.", en: "For the team only: never shown to the partner.", nl: "Alleen voor het team: nooit aan de partner getoond.", ar: "للفريق فقط: لا تُعرض على الشريك أبدًا." },
        StatusChanged => { fr: "Statut changé : « {status} ». Le partenaire en est averti.", en: "Status changed: “{status}”. The partner is told.", nl: "Status gewijzigd: ‘{status}’. De partner wordt verwittigd.", ar: "تغيّرت الحالة: «{status}». تم إبلاغ الشريك." },
        PersonCreatedNotAccepted => { fr: "La fiche de {name} est créée, mais l'orientation n'a pas pu être acceptée : choisissez « déjà enregistrée » et retrouvez-la.", en: "{name}'s record is created, but the referral could not be accepted: choose “already on record” and find them.", nl: "De fiche van {name} is aangemaakt, maar de doorverwijzing kon niet worden aanvaard: kies ‘al geregistreerd’ en zoek de persoon.", ar: "أُنشئ ملف {name}، لكن تعذّر قبول الإحالة: اختاروا «مسجل مسبقًا» وابحثوا عنه." },
    }
}

pub fn kind_key(k: OrganisationKind) -> PtKey {
    match k {
        OrganisationKind::Cpas => PtKey::KindCpas,
        OrganisationKind::ReceptionCentre => PtKey::KindReceptionCentre,
        OrganisationKind::LanguageSchool => PtKey::KindLanguageSchool,
        OrganisationKind::EmploymentService => PtKey::KindEmploymentService,
        OrganisationKind::Municipality => PtKey::KindMunicipality,
        OrganisationKind::Association => PtKey::KindAssociation,
        OrganisationKind::Incubator => PtKey::KindIncubator,
        OrganisationKind::Company => PtKey::KindCompany,
        OrganisationKind::Other => PtKey::KindOther,
    }
}

pub fn scope_key(s: Scope) -> PtKey {
    match s {
        Scope::EventsRead => PtKey::ScopeEventsRead,
        Scope::ReferralsRead => PtKey::ScopeReferralsRead,
        Scope::ReferralsWrite => PtKey::ScopeReferralsWrite,
        Scope::TrainingsRegister => PtKey::ScopeTrainingsRegister,
        Scope::WebhooksManage => PtKey::ScopeWebhooksManage,
    }
}

pub fn status_key(s: ReferralStatus) -> PtKey {
    match s {
        ReferralStatus::Received => PtKey::StReceived,
        ReferralStatus::Accepted => PtKey::StAccepted,
        ReferralStatus::Contacted => PtKey::StContacted,
        ReferralStatus::Enrolled => PtKey::StEnrolled,
        ReferralStatus::Declined => PtKey::StDeclined,
        ReferralStatus::NoAnswer => PtKey::StNoAnswer,
    }
}

/// The button that moves a referral to `s`.
pub fn action_key(s: ReferralStatus) -> PtKey {
    match s {
        ReferralStatus::Received => PtKey::StReceived,
        ReferralStatus::Accepted => PtKey::ActAccept,
        ReferralStatus::Contacted => PtKey::ActContacted,
        ReferralStatus::Enrolled => PtKey::ActEnrolled,
        ReferralStatus::Declined => PtKey::ActDeclined,
        ReferralStatus::NoAnswer => PtKey::ActNoAnswer,
    }
}

pub fn event_key(e: WebhookEventType) -> PtKey {
    match e {
        WebhookEventType::ReferralStatusChanged => PtKey::EvReferralStatusChanged,
        WebhookEventType::EventPublished => PtKey::EvEventPublished,
        WebhookEventType::EventUpdated => PtKey::EvEventUpdated,
        WebhookEventType::EventCancelled => PtKey::EvEventCancelled,
        WebhookEventType::TrainingRegistrationChanged => PtKey::EvTrainingRegistration,
    }
}

pub fn delivery_key(s: WebhookDeliveryStatus) -> PtKey {
    match s {
        WebhookDeliveryStatus::Pending => PtKey::DeliveryPending,
        WebhookDeliveryStatus::Delivered => PtKey::DeliveryDelivered,
        WebhookDeliveryStatus::Failed => PtKey::DeliveryFailed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{check_catalogue, t};
    use shared::Lang;

    #[test]
    fn the_catalogue_is_complete_and_translated() {
        // Loanwords and names that read the same: "Partners" (nl), "Organisations" (en), the
        // status with its count, "Association", "Incubator", "Message", "Programme", "E-mail",
        // "{count} organisations" (en).
        check_catalogue(
            PtKey::ALL,
            &[
                PtKey::StatusWithCount,
                PtKey::KindAssociation,
                PtKey::KindIncubator,
                PtKey::Message,
                PtKey::Programme,
                PtKey::Email,
                PtKey::Commune,
                PtKey::Postcode,
                PtKey::KindCpas,
                PtKey::Active,
                PtKey::Enabled,
                PtKey::StatusFilter,
                PtKey::TabOrganisations,
                PtKey::NavPartners,
                PtKey::Name,
                PtKey::OrgCount,
            ],
            0,
        );
    }

    #[test]
    fn every_value_has_its_own_words() {
        for lang in Lang::ALL {
            let kinds: std::collections::HashSet<_> = OrganisationKind::ALL
                .iter()
                .map(|k| t(lang, kind_key(*k)))
                .collect();
            assert_eq!(kinds.len(), OrganisationKind::ALL.len(), "{lang:?}");
            let statuses: std::collections::HashSet<_> = ReferralStatus::ALL
                .iter()
                .map(|s| t(lang, status_key(*s)))
                .collect();
            assert_eq!(statuses.len(), ReferralStatus::ALL.len(), "{lang:?}");
            let scopes: std::collections::HashSet<_> =
                Scope::ALL.iter().map(|s| t(lang, scope_key(*s))).collect();
            assert_eq!(scopes.len(), Scope::ALL.len(), "{lang:?}");
        }
    }
}
