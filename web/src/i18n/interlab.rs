//! Messages of the InterLab screens, and the names of its states and choices. The method starts
//! from a person's strengths: no message here calls a person a "case" or a "problem", in any
//! language (a test checks the words).

use shared::interlab::{
    ApplicationStatus, HeardVia, LegalForm, MilestoneOwner, MilestoneStatus, NeedDomain,
    NeedPriority, ProjectStage,
};

crate::catalogue! {
    /// Messages of the InterLab screens.
    pub enum IlKey {
        // ---- section
        SectionNav => { fr: "Sections d'InterLab", en: "InterLab sections", nl: "Onderdelen van InterLab", ar: "أقسام InterLab" },
        TabEntrepreneurs => { fr: "Entrepreneur·es", en: "Entrepreneurs", nl: "Ondernemers", ar: "رواد الأعمال" },
        TabApplications => { fr: "Candidatures", en: "Applications", nl: "Aanvragen", ar: "طلبات الانضمام" },
        TabCohorts => { fr: "Cohortes", en: "Cohorts", nl: "Groepen", ar: "الدفعات" },
        TabSettings => { fr: "Parcours types et vocabulaires", en: "Path templates and vocabularies", nl: "Standaardtrajecten en woordenlijsten", ar: "المسارات النموذجية والمفردات" },

        // ---- states and choices
        StageIdea => { fr: "Idée", en: "Idea", nl: "Idee", ar: "فكرة" },
        StageValidation => { fr: "Validation", en: "Validation", nl: "Toetsing", ar: "التحقق من الفكرة" },
        StagePreparingLaunch => { fr: "Préparation du lancement", en: "Preparing the launch", nl: "Voorbereiding van de start", ar: "التحضير للانطلاق" },
        StageLaunched => { fr: "Lancé", en: "Launched", nl: "Gestart", ar: "انطلق" },
        StageGrowing => { fr: "En croissance", en: "Growing", nl: "In groei", ar: "في نمو" },
        FormIndependent => { fr: "Indépendant·e (personne physique)", en: "Self-employed (sole trader)", nl: "Zelfstandige (natuurlijk persoon)", ar: "مستقل (شخص طبيعي)" },
        FormComplementary => { fr: "Activité complémentaire", en: "Self-employed alongside a job", nl: "Zelfstandige in bijberoep", ar: "نشاط تكميلي إلى جانب عمل" },
        FormSrl => { fr: "SRL (société à responsabilité limitée)", en: "SRL (private limited company)", nl: "BV (besloten vennootschap)", ar: "شركة ذات مسؤولية محدودة (SRL)" },
        FormSc => { fr: "SC (société coopérative)", en: "SC (cooperative)", nl: "CV (coöperatieve vennootschap)", ar: "شركة تعاونية (SC)" },
        FormAsbl => { fr: "ASBL (association sans but lucratif)", en: "ASBL (non-profit association)", nl: "VZW (vereniging zonder winstoogmerk)", ar: "جمعية غير ربحية (ASBL)" },
        FormUndecided => { fr: "Pas encore choisie", en: "Not chosen yet", nl: "Nog niet gekozen", ar: "لم يُحدَّد بعد" },
        AppPending => { fr: "À examiner", en: "To review", nl: "Te bekijken", ar: "قيد الدراسة" },
        AppAccepted => { fr: "Acceptée", en: "Accepted", nl: "Aanvaard", ar: "مقبول" },
        AppWaitingList => { fr: "Liste d'attente", en: "Waiting list", nl: "Wachtlijst", ar: "قائمة الانتظار" },
        AppRedirected => { fr: "Orientée vers un partenaire", en: "Referred to a partner", nl: "Doorverwezen naar een partner", ar: "موجَّه إلى شريك" },
        HeardWordOfMouth => { fr: "Le bouche-à-oreille", en: "Word of mouth", nl: "Mond-tot-mondreclame", ar: "من الأصدقاء والمعارف" },
        HeardPartner => { fr: "Une organisation partenaire", en: "A partner organisation", nl: "Een partnerorganisatie", ar: "منظمة شريكة" },
        HeardSocialMedia => { fr: "Les réseaux sociaux", en: "Social media", nl: "Sociale media", ar: "وسائل التواصل الاجتماعي" },
        HeardEvent => { fr: "Un événement", en: "An event", nl: "Een evenement", ar: "فعالية" },
        HeardLaGrandPoste => { fr: "La Grand Poste", en: "La Grand Poste", nl: "La Grand Poste", ar: "La Grand Poste" },
        HeardOther => { fr: "Autrement", en: "Another way", nl: "Op een andere manier", ar: "بطريقة أخرى" },
        DomLanguage => { fr: "Français ou néerlandais", en: "French or Dutch", nl: "Frans of Nederlands", ar: "الفرنسية أو الهولندية" },
        DomAdministration => { fr: "Administration belge", en: "Belgian administration", nl: "Belgische administratie", ar: "الإدارة البلجيكية" },
        DomManagement => { fr: "Bases de la gestion", en: "Management basics", nl: "Basiskennis bedrijfsbeheer", ar: "أساسيات التسيير" },
        DomFinancing => { fr: "Financement", en: "Financing", nl: "Financiering", ar: "التمويل" },
        DomMarket => { fr: "Marché et clientèle", en: "Market and customers", nl: "Markt en klanten", ar: "السوق والزبائن" },
        DomPremises => { fr: "Local", en: "Premises", nl: "Bedrijfsruimte", ar: "المحل" },
        DomLegal => { fr: "Juridique et réglementaire", en: "Legal and regulatory", nl: "Juridisch en reglementair", ar: "القانون والتنظيمات" },
        DomNetwork => { fr: "Réseau", en: "Network", nl: "Netwerk", ar: "شبكة العلاقات" },
        DomDigital => { fr: "Numérique", en: "Digital", nl: "Digitaal", ar: "الرقمي" },
        DomAccounting => { fr: "Comptabilité", en: "Accounting", nl: "Boekhouding", ar: "المحاسبة" },
        DomLanguageHint => { fr: "Se faire comprendre des clients, des partenaires et de l'administration.", en: "Being understood by customers, partners and the administration.", nl: "Zich verstaanbaar maken bij klanten, partners en de administratie.", ar: "التفاهم مع الزبائن والشركاء والإدارة." },
        DomAdministrationHint => { fr: "Inscription à la BCE par un guichet d'entreprises, TVA, caisse d'assurances sociales.", en: "Registration in the BCE through an enterprise counter, VAT, social insurance fund.", nl: "Inschrijving in de KBO via een ondernemingsloket, btw, sociaal verzekeringsfonds.", ar: "التسجيل في البنك المركزي للمؤسسات عبر شباك المؤسسات، الضريبة على القيمة المضافة، صندوق التأمينات الاجتماعية." },
        DomManagementHint => { fr: "Prix, coûts, plan financier, organisation du travail.", en: "Prices, costs, financial plan, organising the work.", nl: "Prijzen, kosten, financieel plan, werkorganisatie.", ar: "الأسعار والتكاليف والخطة المالية وتنظيم العمل." },
        DomFinancingHint => { fr: "Microcrédit, subsides, apport personnel.", en: "Microcredit, subsidies, own funds.", nl: "Microkrediet, subsidies, eigen inbreng.", ar: "القروض الصغيرة والإعانات والمساهمة الشخصية." },
        DomMarketHint => { fr: "Qui achètera, à quel prix, comment les trouver.", en: "Who will buy, at what price, how to reach them.", nl: "Wie zal kopen, tegen welke prijs, hoe hen te bereiken.", ar: "من سيشتري وبأي سعر وكيف نصل إليه." },
        DomPremisesHint => { fr: "Trouver un lieu, le bail, les normes.", en: "Finding a place, the lease, the standards.", nl: "Een plek vinden, de huurovereenkomst, de normen.", ar: "إيجاد مكان وعقد الإيجار والمعايير." },
        DomLegalHint => { fr: "Accès à la profession, autorisations, assurances.", en: "Access to the profession, permits, insurance.", nl: "Vestigingsvoorwaarden, vergunningen, verzekeringen.", ar: "شروط ممارسة المهنة والتراخيص والتأمينات." },
        DomNetworkHint => { fr: "Des contacts utiles, des pairs, des mentors.", en: "Useful contacts, peers, mentors.", nl: "Nuttige contacten, collega's, mentoren.", ar: "علاقات مفيدة وزملاء ومرشدون." },
        DomDigitalHint => { fr: "Outils en ligne, site, réseaux sociaux, paiement.", en: "Online tools, website, social media, payments.", nl: "Online hulpmiddelen, website, sociale media, betalingen.", ar: "الأدوات الرقمية والموقع ووسائل التواصل والدفع." },
        DomAccountingHint => { fr: "Factures, obligations comptables, choix d'un·e comptable.", en: "Invoices, bookkeeping duties, choosing an accountant.", nl: "Facturen, boekhoudplichten, een boekhouder kiezen.", ar: "الفواتير والالتزامات المحاسبية واختيار محاسب." },
        PrioHigh => { fr: "Haute", en: "High", nl: "Hoog", ar: "عالية" },
        PrioMedium => { fr: "Moyenne", en: "Medium", nl: "Gemiddeld", ar: "متوسطة" },
        PrioLow => { fr: "Basse", en: "Low", nl: "Laag", ar: "منخفضة" },
        MsTodo => { fr: "À faire", en: "To do", nl: "Te doen", ar: "للإنجاز" },
        MsInProgress => { fr: "En cours", en: "In progress", nl: "Bezig", ar: "قيد الإنجاز" },
        MsDone => { fr: "Fait", en: "Done", nl: "Klaar", ar: "أُنجز" },
        MsDropped => { fr: "Mis de côté", en: "Set aside", nl: "Opzijgezet", ar: "مؤجَّل جانبًا" },
        OwnerEntrepreneur => { fr: "L'entrepreneur·e", en: "The entrepreneur", nl: "De ondernemer", ar: "رائد(ة) الأعمال" },
        OwnerCoach => { fr: "Le ou la coach", en: "The coach", nl: "De coach", ar: "المرافق(ة)" },
        OwnerMentor => { fr: "Le ou la mentor", en: "The mentor", nl: "De mentor", ar: "المرشد(ة)" },
        Level1 => { fr: "1 · Émergente", en: "1 · Emerging", nl: "1 · In opkomst", ar: "1 · ناشئة" },
        Level2 => { fr: "2 · En progrès", en: "2 · Growing", nl: "2 · In ontwikkeling", ar: "2 · في تطور" },
        Level3 => { fr: "3 · Solide", en: "3 · Solid", nl: "3 · Stevig", ar: "3 · متينة" },
        Level4 => { fr: "4 · Un vrai atout", en: "4 · A real asset", nl: "4 · Een echte troef", ar: "4 · نقطة قوة حقيقية" },
        NoDomain => { fr: "Sans besoin lié", en: "Not tied to a need", nl: "Zonder gekoppelde behoefte", ar: "غير مرتبط باحتياج" },

        // ---- shared bits
        Project => { fr: "Projet", en: "Project", nl: "Project", ar: "المشروع" },
        Person => { fr: "Personne", en: "Person", nl: "Persoon", ar: "الشخص" },
        Stage => { fr: "Étape", en: "Stage", nl: "Fase", ar: "المرحلة" },
        Sector => { fr: "Secteur", en: "Sector", nl: "Sector", ar: "القطاع" },
        Cohort => { fr: "Cohorte", en: "Cohort", nl: "Groep", ar: "الدفعة" },
        Coach => { fr: "Coach", en: "Coach", nl: "Coach", ar: "المرافق(ة)" },
        LegalForm => { fr: "Forme juridique visée", en: "Target legal form", nl: "Beoogde rechtsvorm", ar: "الشكل القانوني المستهدف" },
        TargetDate => { fr: "Date de lancement visée", en: "Target launch date", nl: "Beoogde startdatum", ar: "تاريخ الانطلاق المستهدف" },
        Description => { fr: "Description", en: "Description", nl: "Beschrijving", ar: "الوصف" },
        NoCohort => { fr: "Sans cohorte", en: "No cohort", nl: "Geen groep", ar: "بدون دفعة" },
        NoCoach => { fr: "Pas encore de coach", en: "No coach yet", nl: "Nog geen coach", ar: "لا مرافق بعد" },
        NoSector => { fr: "Secteur à préciser", en: "Sector to be set", nl: "Sector nog te bepalen", ar: "القطاع غير محدد بعد" },
        ChooseOne => { fr: "Choisir…", en: "Choose…", nl: "Kiezen…", ar: "اختر…" },
        OverdueCount => { fr: "{count} en retard", en: "{count} overdue", nl: "{count} te laat", ar: "{count} متأخر" },
        Overdue => { fr: "En retard", en: "Overdue", nl: "Te laat", ar: "متأخر" },
        PossibleDuplicate => { fr: "Doublon possible", en: "Possible duplicate", nl: "Mogelijk dubbel", ar: "تكرار محتمل" },
        DueOn => { fr: "Pour le {date}", en: "Due {date}", nl: "Tegen {date}", ar: "قبل {date}" },
        NoDueDate => { fr: "Sans échéance", en: "No due date", nl: "Zonder deadline", ar: "بدون أجل" },
        DoneOn => { fr: "Fait le {date}", en: "Done on {date}", nl: "Klaar op {date}", ar: "أُنجز في {date}" },
        OwnerIs => { fr: "Porté par : {owner}", en: "Carried by: {owner}", nl: "Gedragen door: {owner}", ar: "يتكفّل به: {owner}" },
        Required => { fr: "obligatoire", en: "required", nl: "verplicht", ar: "إلزامي" },
        Edit => { fr: "Modifier", en: "Edit", nl: "Wijzigen", ar: "تعديل" },
        EditNamed => { fr: "Modifier « {name} »", en: "Edit “{name}”", nl: "Wijzigen: “{name}”", ar: "تعديل «{name}»" },

        // ---- public application form
        ApplyTitle => { fr: "Je veux créer mon activité", en: "I want to start my business", nl: "Ik wil mijn eigen zaak starten", ar: "أريد أن أطلق نشاطي الخاص" },
        ApplyIntro => { fr: "InterLab accompagne les personnes qui arrivent en Belgique et veulent créer leur activité, en partant de ce qu'elles savent déjà faire. Racontez-nous votre idée : l'équipe vous recontacte.", en: "InterLab supports people who have come to Belgium and want to start their own business, building on what they already know how to do. Tell us your idea: the team will get back to you.", nl: "InterLab begeleidt mensen die naar België kwamen en een eigen zaak willen starten, vertrekkend van wat ze al kunnen. Vertel ons uw idee: het team neemt contact met u op.", ar: "يرافق InterLab الأشخاص الذين وصلوا إلى بلجيكا ويريدون إطلاق نشاطهم، انطلاقًا مما يعرفون فعله. أخبرنا بفكرتك وسيتصل بك الفريق." },
        IdeaLegend => { fr: "Votre projet", en: "Your project", nl: "Uw project", ar: "مشروعك" },
        Idea => { fr: "Votre idée, avec vos mots", en: "Your idea, in your own words", nl: "Uw idee, in uw eigen woorden", ar: "فكرتك بكلماتك" },
        IdeaHint => { fr: "Ce que vous voulez faire, pour qui, et ce que vous savez déjà faire. Quelques phrases suffisent.", en: "What you want to do, for whom, and what you already know how to do. A few sentences are enough.", nl: "Wat u wilt doen, voor wie, en wat u al kunt. Enkele zinnen volstaan.", ar: "ما تريد فعله ولمن وما تعرف فعله مسبقًا. بضع جمل تكفي." },
        LanguagesLegend => { fr: "Les langues que vous parlez", en: "The languages you speak", nl: "De talen die u spreekt", ar: "اللغات التي تتحدثها" },
        LanguagesHint => { fr: "Cochez vos langues et dites votre niveau : nous trouverons des personnes qui les parlent aussi.", en: "Tick your languages and say how well you speak them: we will find people who speak them too.", nl: "Vink uw talen aan en geef uw niveau: we zoeken mensen die ze ook spreken.", ar: "اختر لغاتك وحدّد مستواك: سنبحث عن أشخاص يتحدثونها أيضًا." },
        LanguageLevelOf => { fr: "Niveau en {language}", en: "Level in {language}", nl: "Niveau in het {language}", ar: "المستوى في {language}" },
        HeardVia => { fr: "Comment avez-vous connu InterLab ?", en: "How did you hear about InterLab?", nl: "Hoe hebt u van InterLab gehoord?", ar: "كيف تعرفت على InterLab؟" },
        HeardViaIs => { fr: "Connu·e via : {how}", en: "Heard via: {how}", nl: "Gehoord via: {how}", ar: "تعرّف علينا عبر: {how}" },
        HeardViaDetail => { fr: "Précisez (partenaire, événement…)", en: "Tell us more (partner, event…)", nl: "Licht toe (partner, evenement…)", ar: "وضّح (شريك، فعالية…)" },
        SubmitApply => { fr: "Envoyer ma candidature", en: "Send my application", nl: "Mijn aanvraag versturen", ar: "إرسال طلبي" },
        ApplyDoneTitle => { fr: "Merci, votre candidature est bien arrivée", en: "Thank you, your application has arrived", nl: "Bedankt, uw aanvraag is goed aangekomen", ar: "شكرًا، وصل طلبك" },
        ApplyNextSteps => { fr: "L'équipe d'InterLab lit chaque candidature et vous propose une première rencontre pour parler de votre projet.", en: "The InterLab team reads every application and will offer you a first meeting to talk about your project.", nl: "Het InterLab-team leest elke aanvraag en stelt u een eerste gesprek voor over uw project.", ar: "يقرأ فريق InterLab كل طلب وسيقترح عليك لقاءً أول للحديث عن مشروعك." },
        ApplyAgain => { fr: "Envoyer une autre candidature", en: "Send another application", nl: "Nog een aanvraag versturen", ar: "إرسال طلب آخر" },

        // ---- entrepreneurs list
        ListTitle => { fr: "InterLab : les entrepreneur·es", en: "InterLab: entrepreneurs", nl: "InterLab: de ondernemers", ar: "InterLab: رواد الأعمال" },
        ListIntro => { fr: "Les personnes accompagnées et leurs projets, par nom de projet.", en: "The people InterLab supports and their projects, by project name.", nl: "De begeleide mensen en hun projecten, op projectnaam.", ar: "الأشخاص المرافَقون ومشاريعهم، حسب اسم المشروع." },
        ListFilters => { fr: "Filtrer les entrepreneur·es", en: "Filter the entrepreneurs", nl: "Ondernemers filteren", ar: "تصفية رواد الأعمال" },
        AllCohorts => { fr: "Toutes les cohortes", en: "All cohorts", nl: "Alle groepen", ar: "كل الدفعات" },
        AllStages => { fr: "Toutes les étapes", en: "All stages", nl: "Alle fasen", ar: "كل المراحل" },
        AllSectors => { fr: "Tous les secteurs", en: "All sectors", nl: "Alle sectoren", ar: "كل القطاعات" },
        AllCoaches => { fr: "Tous les coachs", en: "All coaches", nl: "Alle coaches", ar: "كل المرافقين" },
        OverdueFilter => { fr: "Jalons en retard", en: "Overdue milestones", nl: "Mijlpalen te laat", ar: "المراحل المتأخرة" },
        OverdueAny => { fr: "Peu importe", en: "Any", nl: "Maakt niet uit", ar: "لا يهم" },
        OverdueOnly => { fr: "Avec des jalons en retard", en: "With overdue milestones", nl: "Met mijlpalen te laat", ar: "مع مراحل متأخرة" },
        OverdueNone => { fr: "Sans retard", en: "Nothing overdue", nl: "Niets te laat", ar: "بدون تأخير" },
        EntrepreneurCount => { fr: "Entrepreneur·es : {count}", en: "Entrepreneurs: {count}", nl: "Ondernemers: {count}", ar: "رواد الأعمال: {count}" },
        NoEntrepreneurs => { fr: "Personne ne correspond à ces filtres.", en: "Nobody matches these filters.", nl: "Niemand voldoet aan deze filters.", ar: "لا أحد يطابق هذه المعايير." },
        ListTableCaption => { fr: "Les entrepreneur·es et leurs projets", en: "Entrepreneurs and their projects", nl: "Ondernemers en hun projecten", ar: "رواد الأعمال ومشاريعهم" },

        // ---- applications
        QueueTitle => { fr: "InterLab : les candidatures", en: "InterLab: applications", nl: "InterLab: de aanvragen", ar: "InterLab: طلبات الانضمام" },
        QueueIntro => { fr: "Les personnes qui veulent créer leur activité, les plus anciennes d'abord : accueillir dans une cohorte, garder sur la liste d'attente ou orienter vers un partenaire.", en: "People who want to start their business, oldest first: welcome them into a cohort, keep them on the waiting list or refer them to a partner.", nl: "Mensen die hun zaak willen starten, de oudste eerst: opnemen in een groep, op de wachtlijst houden of doorverwijzen naar een partner.", ar: "الأشخاص الذين يريدون إطلاق نشاطهم، الأقدم أولًا: استقبالهم في دفعة، أو إبقاؤهم في قائمة الانتظار، أو توجيههم إلى شريك." },
        QueueFilters => { fr: "Filtrer les candidatures", en: "Filter the applications", nl: "Aanvragen filteren", ar: "تصفية الطلبات" },
        ApplicationCount => { fr: "Candidatures : {count}", en: "Applications: {count}", nl: "Aanvragen: {count}", ar: "الطلبات: {count}" },
        NoApplications => { fr: "Aucune candidature ici pour l'instant.", en: "No applications here for now.", nl: "Hier voorlopig geen aanvragen.", ar: "لا طلبات هنا حاليًا." },
        ReceivedOn => { fr: "Reçue le {date}", en: "Received on {date}", nl: "Ontvangen op {date}", ar: "وصل في {date}" },
        ApplicationTitle => { fr: "Candidature", en: "Application", nl: "Aanvraag", ar: "طلب الانضمام" },
        ApplicationNotFound => { fr: "Cette candidature n'existe pas", en: "This application does not exist", nl: "Deze aanvraag bestaat niet", ar: "هذا الطلب غير موجود" },
        BackToQueue => { fr: "Retour aux candidatures", en: "Back to the applications", nl: "Terug naar de aanvragen", ar: "العودة إلى الطلبات" },
        TheIdea => { fr: "Son idée, avec ses mots", en: "The idea, in their own words", nl: "Het idee, in eigen woorden", ar: "الفكرة بكلماته(ا)" },
        SeePerson => { fr: "Voir la fiche de la personne", en: "See the person's record", nl: "De fiche van de persoon bekijken", ar: "عرض ملف الشخص" },
        DuplicateHint => { fr: "Une autre fiche a le même e-mail ou téléphone : vérifiez dans Personnes avant d'accepter.", en: "Another record has the same email or phone: check in People before accepting.", nl: "Een andere fiche heeft hetzelfde e-mailadres of telefoonnummer: controleer bij Personen voor u aanvaardt.", ar: "ملف آخر يحمل نفس البريد أو الهاتف: تحقّق في قسم الأشخاص قبل القبول." },
        DecisionTitle => { fr: "Décision", en: "Decision", nl: "Beslissing", ar: "القرار" },
        DecisionHint => { fr: "Accueillir la personne dans une cohorte crée son parcours d'entrepreneur·e.", en: "Welcoming the person into a cohort opens their entrepreneur's path.", nl: "De persoon opnemen in een groep opent het ondernemerstraject.", ar: "استقبال الشخص في دفعة يفتح مسار ريادة الأعمال الخاص به." },
        DecidedBy => { fr: "Décision de {name} le {date}", en: "Decided by {name} on {date}", nl: "Beslist door {name} op {date}", ar: "قرار {name} في {date}" },
        DecisionNote => { fr: "Note de l'équipe", en: "The team's note", nl: "Notitie van het team", ar: "ملاحظة الفريق" },
        Partner => { fr: "Partenaire", en: "Partner", nl: "Partner", ar: "الشريك" },
        PartnerHint => { fr: "L'organisation la mieux placée pour aider la personne.", en: "The organisation best placed to help the person.", nl: "De organisatie die de persoon het best kan helpen.", ar: "المنظمة الأقدر على مساعدة الشخص." },
        RedirectNoteHint => { fr: "Pourquoi ce partenaire, ce qui a été dit à la personne.", en: "Why this partner, what the person was told.", nl: "Waarom deze partner, wat aan de persoon gezegd werd.", ar: "لماذا هذا الشريك وما قيل للشخص." },
        DecisionNoteHint => { fr: "Pour l'équipe : ce qui a été dit, ce qui est convenu.", en: "For the team: what was said, what was agreed.", nl: "Voor het team: wat gezegd en afgesproken werd.", ar: "للفريق: ما قيل وما اتُّفق عليه." },
        SeeEntrepreneur => { fr: "Voir son parcours", en: "See their path", nl: "Het traject bekijken", ar: "عرض المسار" },
        ActAccept => { fr: "Accueillir dans une cohorte", en: "Welcome into a cohort", nl: "Opnemen in een groep", ar: "القبول في دفعة" },
        ActWaitingList => { fr: "Garder sur la liste d'attente", en: "Keep on the waiting list", nl: "Op de wachtlijst houden", ar: "الإبقاء في قائمة الانتظار" },
        ActRedirect => { fr: "Orienter vers un partenaire", en: "Refer to a partner", nl: "Doorverwijzen naar een partner", ar: "التوجيه إلى شريك" },
        AcceptedMsg => { fr: "{name} est accueilli·e dans InterLab.", en: "{name} is welcomed into InterLab.", nl: "{name} is opgenomen in InterLab.", ar: "تم قبول {name} في InterLab." },
        KeptWaitingMsg => { fr: "Candidature gardée sur la liste d'attente.", en: "Application kept on the waiting list.", nl: "Aanvraag op de wachtlijst gehouden.", ar: "تم الإبقاء على الطلب في قائمة الانتظار." },
        RedirectedMsg => { fr: "Personne orientée vers {partner}.", en: "Person referred to {partner}.", nl: "Persoon doorverwezen naar {partner}.", ar: "تم توجيه الشخص إلى {partner}." },

        // ---- project form
        ProjectName => { fr: "Nom du projet", en: "Project name", nl: "Naam van het project", ar: "اسم المشروع" },
        DescriptionHint => { fr: "Ce que le projet propose, à qui, où.", en: "What the project offers, to whom, where.", nl: "Wat het project aanbiedt, aan wie, waar.", ar: "ما يقدمه المشروع ولمن وأين." },
        EditProjectTitle => { fr: "Modifier le projet", en: "Edit the project", nl: "Het project wijzigen", ar: "تعديل المشروع" },
        SaveProject => { fr: "Enregistrer le projet", en: "Save the project", nl: "Het project opslaan", ar: "حفظ المشروع" },
        ProjectSaved => { fr: "Projet enregistré.", en: "Project saved.", nl: "Project opgeslagen.", ar: "تم حفظ المشروع." },
        CoordinationChooses => { fr: "La cohorte et le ou la coach sont choisis par la coordination.", en: "The cohort and the coach are chosen by the coordinators.", nl: "De groep en de coach worden door de coördinatie gekozen.", ar: "تختار المنسقية الدفعة والمرافق(ة)." },

        // ---- entrepreneur page
        EntrepreneurTitle => { fr: "Entrepreneur·e", en: "Entrepreneur", nl: "Ondernemer", ar: "رائد(ة) أعمال" },
        EntrepreneurNotFound => { fr: "Cette personne n'est pas (ou plus) accompagnée par InterLab", en: "This person is not (or no longer) supported by InterLab", nl: "Deze persoon wordt niet (meer) begeleid door InterLab", ar: "هذا الشخص غير مرافَق (أو لم يعد مرافَقًا) من InterLab" },
        BackToList => { fr: "Retour aux entrepreneur·es", en: "Back to the entrepreneurs", nl: "Terug naar de ondernemers", ar: "العودة إلى رواد الأعمال" },
        ProjectCard => { fr: "Le projet", en: "The project", nl: "Het project", ar: "المشروع" },
        NewDiagnostic => { fr: "Nouveau diagnostic", en: "New diagnostic", nl: "Nieuwe diagnose", ar: "تشخيص جديد" },
        EditPath => { fr: "Modifier le parcours", en: "Edit the path", nl: "Het traject wijzigen", ar: "تعديل المسار" },
        StrengthsNeedsTitle => { fr: "Forces et besoins", en: "Strengths and needs", nl: "Sterktes en behoeften", ar: "نقاط القوة والاحتياجات" },
        NoDiagnostic => { fr: "Pas encore de diagnostic : commencez par les forces de la personne.", en: "No diagnostic yet: start from the person's strengths.", nl: "Nog geen diagnose: begin bij de sterktes van de persoon.", ar: "لا تشخيص بعد: ابدأ بنقاط قوة الشخص." },
        FirstDiagnostic => { fr: "Premier diagnostic (v{version}, {date})", en: "First diagnostic (v{version}, {date})", nl: "Eerste diagnose (v{version}, {date})", ar: "التشخيص الأول (v{version}، {date})" },
        LatestDiagnostic => { fr: "Dernier diagnostic (v{version}, {date})", en: "Latest diagnostic (v{version}, {date})", nl: "Laatste diagnose (v{version}, {date})", ar: "آخر تشخيص (v{version}، {date})" },
        OnlyDiagnostic => { fr: "Un seul diagnostic pour l'instant (v{version}, {date}) : la comparaison viendra avec le suivant.", en: "Only one diagnostic so far (v{version}, {date}): the comparison will come with the next one.", nl: "Voorlopig één diagnose (v{version}, {date}): de vergelijking volgt met de volgende.", ar: "تشخيص واحد حتى الآن (v{version}، {date}): تأتي المقارنة مع التشخيص القادم." },
        StrengthsChart => { fr: "Forces : niveau de 1 à 4", en: "Strengths: level from 1 to 4", nl: "Sterktes: niveau van 1 tot 4", ar: "نقاط القوة: المستوى من 1 إلى 4" },
        NeedsChart => { fr: "Besoins : priorité", en: "Needs: priority", nl: "Behoeften: prioriteit", ar: "الاحتياجات: الأولوية" },
        ChartDataHint => { fr: "Les mêmes données dans le tableau ci-dessous.", en: "The same data in the table below.", nl: "Dezelfde gegevens in de tabel hieronder.", ar: "نفس البيانات في الجدول أدناه." },
        ColStrength => { fr: "Force", en: "Strength", nl: "Sterkte", ar: "نقطة القوة" },
        ColDomain => { fr: "Domaine", en: "Domain", nl: "Domein", ar: "المجال" },
        ColFirst => { fr: "Premier diagnostic", en: "First diagnostic", nl: "Eerste diagnose", ar: "التشخيص الأول" },
        ColLatest => { fr: "Dernier diagnostic", en: "Latest diagnostic", nl: "Laatste diagnose", ar: "آخر تشخيص" },
        NotNamed => { fr: "non cité", en: "not named", nl: "niet genoemd", ar: "غير مذكور" },
        NotANeed => { fr: "pas un besoin", en: "not a need", nl: "geen behoefte", ar: "ليس احتياجًا" },
        LevelOutOf4 => { fr: "{level}/4", en: "{level}/4", nl: "{level}/4", ar: "{level}/4" },
        TheirGoals => { fr: "Ses objectifs", en: "Their goals", nl: "Hun doelen", ar: "أهدافه(ا)" },
        DiagnosticsHistory => { fr: "Diagnostics enregistrés", en: "Recorded diagnostics", nl: "Bewaarde diagnoses", ar: "التشخيصات المسجَّلة" },
        DiagnosticLine => { fr: "v{version} · {date}", en: "v{version} · {date}", nl: "v{version} · {date}", ar: "v{version} · {date}" },
        RecordedBy => { fr: "par {name}", en: "by {name}", nl: "door {name}", ar: "بواسطة {name}" },
        PathTitle => { fr: "Le parcours", en: "The path", nl: "Het traject", ar: "المسار" },
        Overall => { fr: "Tout le parcours", en: "The whole path", nl: "Het hele traject", ar: "المسار كاملًا" },
        ProgressText => { fr: "{done} {done?jalon fait|jalons faits} sur {total} ({percent} %)", en: "{done} of {total} {total?milestone|milestones} done ({percent}%)", nl: "{done} van {total} {total?mijlpaal|mijlpalen} klaar ({percent}%)", ar: "أُنجز {done} من {total} مراحل ({percent}٪)" },
        ByDomain => { fr: "Par domaine", en: "By domain", nl: "Per domein", ar: "حسب المجال" },
        NoMilestones => { fr: "Pas encore de jalon dans le parcours.", en: "No milestone in the path yet.", nl: "Nog geen mijlpaal in het traject.", ar: "لا توجد مراحل في المسار بعد." },
        OverdueSummary => { fr: "Jalons en retard : {count}", en: "Overdue milestones: {count}", nl: "Mijlpalen te laat: {count}", ar: "المراحل المتأخرة: {count}" },
        Timeline => { fr: "Les jalons, par échéance", en: "Milestones, by due date", nl: "Mijlpalen, op deadline", ar: "المراحل حسب الأجل" },

        // ---- diagnostic form
        DiagnosticTitle => { fr: "Diagnostic", en: "Diagnostic", nl: "Diagnose", ar: "التشخيص" },
        DiagnosticFor => { fr: "Diagnostic : {name}", en: "Diagnostic: {name}", nl: "Diagnose: {name}", ar: "التشخيص: {name}" },
        DiagnosticIntro => { fr: "On part de ce que la personne sait faire et apporte : ses forces d'abord, puis ce qu'il faut débloquer pour aller là où elle veut aller.", en: "We start from what the person knows and brings: their strengths first, then what needs unblocking to get where they want to go.", nl: "We vertrekken van wat de persoon kan en meebrengt: eerst de sterktes, dan wat gedeblokkeerd moet worden om te gaan waar die heen wil.", ar: "ننطلق مما يعرفه الشخص ويقدّمه: نقاط قوته أولًا، ثم ما يجب تذليله ليصل إلى حيث يريد." },
        PrefilledHint => { fr: "Repris du diagnostic précédent : ajustez ce qui a changé.", en: "Carried over from the previous diagnostic: adjust what has changed.", nl: "Overgenomen uit de vorige diagnose: pas aan wat veranderd is.", ar: "مأخوذ من التشخيص السابق: عدّل ما تغيّر." },
        HeldOn => { fr: "Date de l'entretien", en: "Date of the conversation", nl: "Datum van het gesprek", ar: "تاريخ اللقاء" },
        StrengthsLegend => { fr: "1. Ses forces", en: "1. Their strengths", nl: "1. De sterktes", ar: "1. نقاط القوة" },
        StrengthsHint => { fr: "Ce que la personne sait faire et apporte. Cochez chaque force et donnez son niveau.", en: "What the person knows and brings. Tick each strength and give its level.", nl: "Wat de persoon kan en meebrengt. Vink elke sterkte aan en geef het niveau.", ar: "ما يعرفه الشخص ويقدّمه. اختر كل نقطة قوة وحدّد مستواها." },
        Level => { fr: "Niveau", en: "Level", nl: "Niveau", ar: "المستوى" },
        LevelOf => { fr: "Niveau : {name}", en: "Level: {name}", nl: "Niveau: {name}", ar: "المستوى: {name}" },
        NoteOf => { fr: "Note : {name}", en: "Note: {name}", nl: "Notitie: {name}", ar: "ملاحظة: {name}" },
        NeedsLegend => { fr: "2. Ce qu'il faut débloquer", en: "2. What needs unblocking", nl: "2. Wat gedeblokkeerd moet worden", ar: "2. ما يجب تذليله" },
        NeedsHint => { fr: "Les domaines où la personne a besoin d'appui, avec sa priorité et son objectif à elle.", en: "The domains where the person needs support, with its priority and their own goal.", nl: "De domeinen waar de persoon steun nodig heeft, met de prioriteit en het eigen doel.", ar: "المجالات التي يحتاج فيها الشخص إلى دعم، مع الأولوية وهدفه الخاص." },
        Priority => { fr: "Priorité", en: "Priority", nl: "Prioriteit", ar: "الأولوية" },
        PriorityOf => { fr: "Priorité : {name}", en: "Priority: {name}", nl: "Prioriteit: {name}", ar: "الأولوية: {name}" },
        GoalOf => { fr: "Son objectif, avec ses mots : {name}", en: "Their goal, in their words: {name}", nl: "Eigen doel, in eigen woorden: {name}", ar: "هدفه(ا) بكلماته(ا): {name}" },
        Summary => { fr: "Synthèse de l'entretien", en: "Summary of the conversation", nl: "Samenvatting van het gesprek", ar: "خلاصة اللقاء" },
        SaveDiagnostic => { fr: "Enregistrer le diagnostic", en: "Save the diagnostic", nl: "De diagnose opslaan", ar: "حفظ التشخيص" },
        DiagnosticSaved => { fr: "Diagnostic v{version} enregistré.", en: "Diagnostic v{version} saved.", nl: "Diagnose v{version} opgeslagen.", ar: "تم حفظ التشخيص v{version}." },

        // ---- path editor
        PathEditorTitle => { fr: "Le parcours : {name}", en: "The path: {name}", nl: "Het traject: {name}", ar: "المسار: {name}" },
        BackToEntrepreneur => { fr: "Retour à la page du projet", en: "Back to the project's page", nl: "Terug naar de projectpagina", ar: "العودة إلى صفحة المشروع" },
        FromTemplatesTitle => { fr: "Ajouter des jalons depuis les parcours types", en: "Add milestones from the path templates", nl: "Mijlpalen toevoegen uit de standaardtrajecten", ar: "إضافة مراحل من المسارات النموذجية" },
        ForNeed => { fr: "Pour le besoin", en: "For the need", nl: "Voor de behoefte", ar: "للاحتياج" },
        NeedOption => { fr: "{domain} · priorité {priority}", en: "{domain} · {priority} priority", nl: "{domain} · prioriteit {priority}", ar: "{domain} · أولوية {priority}" },
        StartsOn => { fr: "À partir du", en: "Starting on", nl: "Vanaf", ar: "ابتداءً من" },
        StartsOnHint => { fr: "Les échéances se suivent à partir de ce jour, selon la durée habituelle de chaque jalon.", en: "Due dates follow one another from this day, by each milestone's usual duration.", nl: "De deadlines volgen elkaar op vanaf deze dag, volgens de gebruikelijke duur van elke mijlpaal.", ar: "تتوالى الآجال ابتداءً من هذا اليوم حسب المدة المعتادة لكل مرحلة." },
        TemplatesOfDomain => { fr: "Jalons proposés", en: "Suggested milestones", nl: "Voorgestelde mijlpalen", ar: "المراحل المقترحة" },
        TypicalDays => { fr: "{days} {days?jour|jours}", en: "{days} {days?day|days}", nl: "{days} {days?dag|dagen}", ar: "{days} يومًا" },
        AddTheseMilestones => { fr: "Ajouter ces jalons", en: "Add these milestones", nl: "Deze mijlpalen toevoegen", ar: "إضافة هذه المراحل" },
        AddedMilestones => { fr: "Jalons ajoutés au parcours.", en: "Milestones added to the path.", nl: "Mijlpalen toegevoegd aan het traject.", ar: "أضيفت المراحل إلى المسار." },
        NoNeedsYet => { fr: "Enregistrez d'abord un diagnostic avec au moins un besoin.", en: "First record a diagnostic with at least one need.", nl: "Bewaar eerst een diagnose met minstens één behoefte.", ar: "سجّل أولًا تشخيصًا فيه احتياج واحد على الأقل." },
        NoTemplatesForDomain => { fr: "Pas de parcours type pour ce domaine : ajoutez un jalon à la main.", en: "No path template for this domain: add a milestone by hand.", nl: "Geen standaardtraject voor dit domein: voeg zelf een mijlpaal toe.", ar: "لا مسار نموذجي لهذا المجال: أضف مرحلة يدويًا." },
        NewMilestone => { fr: "Ajouter un jalon", en: "Add a milestone", nl: "Een mijlpaal toevoegen", ar: "إضافة مرحلة" },
        MilestoneTitle => { fr: "Titre du jalon", en: "Milestone title", nl: "Titel van de mijlpaal", ar: "عنوان المرحلة" },
        DueDate => { fr: "Échéance", en: "Due date", nl: "Deadline", ar: "الأجل" },
        Owner => { fr: "Porté par", en: "Carried by", nl: "Gedragen door", ar: "يتكفّل به" },
        Progress => { fr: "Avancement", en: "Progress", nl: "Voortgang", ar: "التقدّم" },
        Evidence => { fr: "Ce qui montre que c'est fait", en: "What shows it is done", nl: "Wat aantoont dat het klaar is", ar: "ما يثبت الإنجاز" },
        EvidenceHint => { fr: "Par exemple : numéro d'entreprise reçu, attestation, rendez-vous pris.", en: "For example: enterprise number received, certificate, appointment made.", nl: "Bijvoorbeeld: ondernemingsnummer ontvangen, attest, afspraak gemaakt.", ar: "مثلًا: استلام رقم المؤسسة، شهادة، موعد محدَّد." },
        EvidenceIs => { fr: "Ce qui montre que c'est fait : {evidence}", en: "What shows it is done: {evidence}", nl: "Wat aantoont dat het klaar is: {evidence}", ar: "ما يثبت الإنجاز: {evidence}" },
        NeedLink => { fr: "Besoin servi", en: "Need it serves", nl: "Behoefte die het dient", ar: "الاحتياج المعني" },
        NoNeed => { fr: "Aucun", en: "None", nl: "Geen", ar: "لا شيء" },
        SaveMilestone => { fr: "Enregistrer le jalon", en: "Save the milestone", nl: "De mijlpaal opslaan", ar: "حفظ المرحلة" },
        MilestoneSaved => { fr: "Jalon enregistré.", en: "Milestone saved.", nl: "Mijlpaal opgeslagen.", ar: "تم حفظ المرحلة." },
        MarkDone => { fr: "C'est fait", en: "Mark as done", nl: "Klaar", ar: "تم الإنجاز" },
        MarkDoneNamed => { fr: "C'est fait : {name}", en: "Mark as done: {name}", nl: "Klaar: {name}", ar: "تم الإنجاز: {name}" },
        MarkedDone => { fr: "« {name} » est fait.", en: "“{name}” is done.", nl: "“{name}” is klaar.", ar: "«{name}» أُنجز." },

        // ---- cohorts
        CohortsTitle => { fr: "InterLab : les cohortes", en: "InterLab: cohorts", nl: "InterLab: de groepen", ar: "InterLab: الدفعات" },
        CohortsIntro => { fr: "Les entrepreneur·es qui commencent le parcours ensemble.", en: "Entrepreneurs who start the path together.", nl: "Ondernemers die samen aan het traject beginnen.", ar: "رواد الأعمال الذين يبدؤون المسار معًا." },
        NewCohort => { fr: "Nouvelle cohorte", en: "New cohort", nl: "Nieuwe groep", ar: "دفعة جديدة" },
        CohortName => { fr: "Nom de la cohorte", en: "Cohort name", nl: "Naam van de groep", ar: "اسم الدفعة" },
        StartDate => { fr: "Début", en: "Start", nl: "Begin", ar: "البداية" },
        EndDate => { fr: "Fin", en: "End", nl: "Einde", ar: "النهاية" },
        CreateCohort => { fr: "Créer la cohorte", en: "Create the cohort", nl: "De groep aanmaken", ar: "إنشاء الدفعة" },
        CohortSaved => { fr: "Cohorte « {name} » enregistrée.", en: "Cohort “{name}” saved.", nl: "Groep “{name}” opgeslagen.", ar: "تم حفظ الدفعة «{name}»." },
        NoCohorts => { fr: "Pas encore de cohorte.", en: "No cohort yet.", nl: "Nog geen groep.", ar: "لا توجد دفعات بعد." },
        CohortDates => { fr: "Du {start} au {end}", en: "From {start} to {end}", nl: "Van {start} tot {end}", ar: "من {start} إلى {end}" },
        CohortFrom => { fr: "Depuis le {start}", en: "Since {start}", nl: "Sinds {start}", ar: "منذ {start}" },
        CohortSize => { fr: "Entrepreneur·es : {count}", en: "Entrepreneurs: {count}", nl: "Ondernemers: {count}", ar: "رواد الأعمال: {count}" },
        CohortNotFound => { fr: "Cette cohorte n'existe pas", en: "This cohort does not exist", nl: "Deze groep bestaat niet", ar: "هذه الدفعة غير موجودة" },
        BackToCohorts => { fr: "Retour aux cohortes", en: "Back to the cohorts", nl: "Terug naar de groepen", ar: "العودة إلى الدفعات" },
        EditCohort => { fr: "Modifier la cohorte", en: "Edit the cohort", nl: "De groep wijzigen", ar: "تعديل الدفعة" },
        BoardTitle => { fr: "Les projets par étape", en: "Projects by stage", nl: "Projecten per fase", ar: "المشاريع حسب المرحلة" },
        EmptyColumn => { fr: "Aucun projet à cette étape.", en: "No project at this stage.", nl: "Geen project in deze fase.", ar: "لا مشروع في هذه المرحلة." },
        SeeList => { fr: "Voir la liste de la cohorte", en: "See the cohort as a list", nl: "De groep als lijst bekijken", ar: "عرض الدفعة كقائمة" },

        // ---- templates and vocabularies
        SettingsTitle => { fr: "Parcours types et vocabulaires", en: "Path templates and vocabularies", nl: "Standaardtrajecten en woordenlijsten", ar: "المسارات النموذجية والمفردات" },
        SettingsIntro => { fr: "Les jalons proposés pour chaque domaine de besoin, les secteurs des projets et les forces d'où part chaque diagnostic, dans les quatre langues.", en: "The milestones suggested for each need domain, the projects' sectors and the strengths every diagnostic starts from, in the four languages.", nl: "De voorgestelde mijlpalen per behoeftedomein, de sectoren van de projecten en de sterktes waarmee elke diagnose begint, in de vier talen.", ar: "المراحل المقترحة لكل مجال احتياج، وقطاعات المشاريع، ونقاط القوة التي ينطلق منها كل تشخيص، باللغات الأربع." },
        TemplatesTitle => { fr: "Parcours types par domaine", en: "Path templates by domain", nl: "Standaardtrajecten per domein", ar: "المسارات النموذجية حسب المجال" },
        TemplatesReadOnly => { fr: "Seul·es les administrateur·ices modifient les parcours types.", en: "Only administrators change the path templates.", nl: "Alleen beheerders wijzigen de standaardtrajecten.", ar: "المشرفون وحدهم يعدّلون المسارات النموذجية." },
        NewTemplate => { fr: "Nouveau jalon type", en: "New template milestone", nl: "Nieuwe standaardmijlpaal", ar: "مرحلة نموذجية جديدة" },
        Domain => { fr: "Domaine", en: "Domain", nl: "Domein", ar: "المجال" },
        Position => { fr: "Ordre dans le domaine", en: "Order within the domain", nl: "Volgorde binnen het domein", ar: "الترتيب داخل المجال" },
        TypicalDaysLabel => { fr: "Durée habituelle (jours)", en: "Usual duration (days)", nl: "Gebruikelijke duur (dagen)", ar: "المدة المعتادة (بالأيام)" },
        Resources => { fr: "Ressources et partenaires suggérés", en: "Suggested resources and partners", nl: "Voorgestelde middelen en partners", ar: "الموارد والشركاء المقترحون" },
        SaveTemplate => { fr: "Enregistrer le jalon type", en: "Save the template milestone", nl: "De standaardmijlpaal opslaan", ar: "حفظ المرحلة النموذجية" },
        TemplateSaved => { fr: "Jalon type « {name} » enregistré.", en: "Template milestone “{name}” saved.", nl: "Standaardmijlpaal “{name}” opgeslagen.", ar: "تم حفظ المرحلة النموذجية «{name}»." },
        NoTemplates => { fr: "Pas encore de jalon type.", en: "No template milestone yet.", nl: "Nog geen standaardmijlpaal.", ar: "لا توجد مراحل نموذجية بعد." },
        SectorsTitle => { fr: "Secteurs des projets", en: "Project sectors", nl: "Sectoren van de projecten", ar: "قطاعات المشاريع" },
        StrengthsTitle => { fr: "Forces", en: "Strengths", nl: "Sterktes", ar: "نقاط القوة" },
        NewSector => { fr: "Nouveau secteur", en: "New sector", nl: "Nieuwe sector", ar: "قطاع جديد" },
        NewStrength => { fr: "Nouvelle force", en: "New strength", nl: "Nieuwe sterkte", ar: "نقطة قوة جديدة" },
        Slug => { fr: "Identifiant", en: "Identifier", nl: "Identificatie", ar: "المعرّف" },
        SlugHint => { fr: "En minuscules, sans espace : « food », « trade-skill ».", en: "Small letters, no spaces: “food”, “trade-skill”.", nl: "In kleine letters, zonder spaties: “food”, “trade-skill”.", ar: "بحروف صغيرة ودون مسافات: «food»، «trade-skill»." },
        LabelFr => { fr: "Libellé en français", en: "Label in French", nl: "Label in het Frans", ar: "التسمية بالفرنسية" },
        LabelEn => { fr: "Libellé en anglais", en: "Label in English", nl: "Label in het Engels", ar: "التسمية بالإنجليزية" },
        LabelNl => { fr: "Libellé en néerlandais", en: "Label in Dutch", nl: "Label in het Nederlands", ar: "التسمية بالهولندية" },
        LabelAr => { fr: "Libellé en arabe", en: "Label in Arabic", nl: "Label in het Arabisch", ar: "التسمية بالعربية" },
        SaveTerm => { fr: "Enregistrer le libellé", en: "Save the label", nl: "Het label opslaan", ar: "حفظ التسمية" },
        TermSaved => { fr: "« {name} » enregistré.", en: "“{name}” saved.", nl: "“{name}” opgeslagen.", ar: "تم حفظ «{name}»." },
    }
}

pub fn stage_key(s: ProjectStage) -> IlKey {
    match s {
        ProjectStage::Idea => IlKey::StageIdea,
        ProjectStage::Validation => IlKey::StageValidation,
        ProjectStage::PreparingLaunch => IlKey::StagePreparingLaunch,
        ProjectStage::Launched => IlKey::StageLaunched,
        ProjectStage::Growing => IlKey::StageGrowing,
    }
}

pub fn legal_form_key(f: LegalForm) -> IlKey {
    match f {
        LegalForm::Independent => IlKey::FormIndependent,
        LegalForm::Complementary => IlKey::FormComplementary,
        LegalForm::Srl => IlKey::FormSrl,
        LegalForm::Sc => IlKey::FormSc,
        LegalForm::Asbl => IlKey::FormAsbl,
        LegalForm::Undecided => IlKey::FormUndecided,
    }
}

pub fn application_status_key(s: ApplicationStatus) -> IlKey {
    match s {
        ApplicationStatus::Pending => IlKey::AppPending,
        ApplicationStatus::Accepted => IlKey::AppAccepted,
        ApplicationStatus::WaitingList => IlKey::AppWaitingList,
        ApplicationStatus::Redirected => IlKey::AppRedirected,
    }
}

pub fn heard_via_key(h: HeardVia) -> IlKey {
    match h {
        HeardVia::WordOfMouth => IlKey::HeardWordOfMouth,
        HeardVia::PartnerOrganisation => IlKey::HeardPartner,
        HeardVia::SocialMedia => IlKey::HeardSocialMedia,
        HeardVia::Event => IlKey::HeardEvent,
        HeardVia::LaGrandPoste => IlKey::HeardLaGrandPoste,
        HeardVia::Other => IlKey::HeardOther,
    }
}

pub fn domain_key(d: NeedDomain) -> IlKey {
    match d {
        NeedDomain::Language => IlKey::DomLanguage,
        NeedDomain::Administration => IlKey::DomAdministration,
        NeedDomain::Management => IlKey::DomManagement,
        NeedDomain::Financing => IlKey::DomFinancing,
        NeedDomain::Market => IlKey::DomMarket,
        NeedDomain::Premises => IlKey::DomPremises,
        NeedDomain::Legal => IlKey::DomLegal,
        NeedDomain::Network => IlKey::DomNetwork,
        NeedDomain::Digital => IlKey::DomDigital,
        NeedDomain::Accounting => IlKey::DomAccounting,
    }
}

/// What a need domain covers, under its name in the diagnostic form.
pub fn domain_hint_key(d: NeedDomain) -> IlKey {
    match d {
        NeedDomain::Language => IlKey::DomLanguageHint,
        NeedDomain::Administration => IlKey::DomAdministrationHint,
        NeedDomain::Management => IlKey::DomManagementHint,
        NeedDomain::Financing => IlKey::DomFinancingHint,
        NeedDomain::Market => IlKey::DomMarketHint,
        NeedDomain::Premises => IlKey::DomPremisesHint,
        NeedDomain::Legal => IlKey::DomLegalHint,
        NeedDomain::Network => IlKey::DomNetworkHint,
        NeedDomain::Digital => IlKey::DomDigitalHint,
        NeedDomain::Accounting => IlKey::DomAccountingHint,
    }
}

pub fn priority_key(p: NeedPriority) -> IlKey {
    match p {
        NeedPriority::High => IlKey::PrioHigh,
        NeedPriority::Medium => IlKey::PrioMedium,
        NeedPriority::Low => IlKey::PrioLow,
    }
}

pub fn milestone_status_key(s: MilestoneStatus) -> IlKey {
    match s {
        MilestoneStatus::Todo => IlKey::MsTodo,
        MilestoneStatus::InProgress => IlKey::MsInProgress,
        MilestoneStatus::Done => IlKey::MsDone,
        MilestoneStatus::Dropped => IlKey::MsDropped,
    }
}

pub fn owner_key(o: MilestoneOwner) -> IlKey {
    match o {
        MilestoneOwner::Entrepreneur => IlKey::OwnerEntrepreneur,
        MilestoneOwner::Coach => IlKey::OwnerCoach,
        MilestoneOwner::Mentor => IlKey::OwnerMentor,
    }
}

/// The name of a strength level (1 to 4); `None` outside that range.
pub fn level_key(level: i32) -> Option<IlKey> {
    match level {
        1 => Some(IlKey::Level1),
        2 => Some(IlKey::Level2),
        3 => Some(IlKey::Level3),
        4 => Some(IlKey::Level4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{check_catalogue, t};
    use shared::Lang;

    #[test]
    fn the_catalogue_is_complete_and_translated() {
        check_catalogue(
            IlKey::ALL,
            &[
                // Names, numbers and words that read the same in these languages.
                IlKey::HeardLaGrandPoste,
                IlKey::LevelOutOf4,
                IlKey::DiagnosticLine,
            ],
            // Loanwords: "Validation", "Description", "Coach", "Secteur/Sector", "Partenaire"…
            6,
        );
    }

    #[test]
    fn nobody_is_called_a_case_or_a_problem() {
        let banned = [
            // fr, en, nl, ar
            " cas ",
            "cas.",
            "problème",
            " case",
            "problem",
            "geval",
            "probleem",
            "حالة",
            "مشكلة",
            "مشكل",
        ];
        for &key in IlKey::ALL {
            for lang in Lang::ALL {
                let text = format!(" {} ", t(lang, key).to_lowercase());
                for word in banned {
                    assert!(
                        !text.contains(word),
                        "{lang:?} {key:?}: {text:?} has {word:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_value_has_a_name() {
        for s in ProjectStage::ALL {
            assert!(!t(Lang::Fr, stage_key(*s)).is_empty());
        }
        for d in NeedDomain::ALL {
            assert_ne!(
                t(Lang::Nl, domain_key(*d)),
                t(Lang::Nl, domain_hint_key(*d))
            );
        }
        assert_eq!(
            t(Lang::Nl, legal_form_key(LegalForm::Asbl)),
            "VZW (vereniging zonder winstoogmerk)"
        );
        assert_eq!(level_key(0), None);
        assert_eq!(level_key(4), Some(IlKey::Level4));
    }
}
