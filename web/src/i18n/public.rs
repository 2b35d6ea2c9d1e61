//! Messages of the public pages (no account): the agenda, an activity's page with its
//! registration form, and the sign-up form of the programmes.

use shared::activities::{ActivityKind, ActivityProgramme};

use crate::i18n::vocabulary::VocabKey;
use crate::i18n::Text;

crate::catalogue! {
    /// Messages of the public pages.
    pub enum PublicKey {
        NavAgenda => { fr: "Agenda", en: "Agenda", nl: "Agenda", ar: "الأجندة" },
        NavJoin => { fr: "Participer", en: "Take part", nl: "Deelnemen", ar: "شارك معنا" },
        NavCreate => { fr: "Créer mon activité", en: "Start my business", nl: "Mijn zaak starten", ar: "أطلق نشاطي" },
        NavPropose => { fr: "Proposer un atelier", en: "Propose a workshop", nl: "Een atelier voorstellen", ar: "اقترح ورشة" },
        NavTeam => { fr: "Espace équipe", en: "Team area", nl: "Teamruimte", ar: "فضاء الفريق" },
        PublicNav => { fr: "Pages publiques", en: "Public pages", nl: "Openbare pagina's", ar: "الصفحات العامة" },

        AgendaTitle => {
            fr: "Nos prochaines activités",
            en: "Our upcoming activities",
            nl: "Onze komende activiteiten",
            ar: "أنشطتنا القادمة",
        },
        AgendaIntro => {
            fr: "Ateliers InterAct, formations, rencontres : les activités d'Interra à Liège sont ouvertes à toutes et à tous, nouveaux arrivants comme Liégeois·es.",
            en: "InterAct workshops, trainings, get-togethers: Interra's activities in Liège are open to everyone, newcomers and local people alike.",
            nl: "InterAct-ateliers, opleidingen, ontmoetingen: de activiteiten van Interra in Luik staan open voor iedereen, nieuwkomers en Luikenaars.",
            ar: "ورشات InterAct وتكوينات ولقاءات: أنشطة إنتيرا في لييج مفتوحة للجميع، للقادمين الجدد ولسكان المدينة على حد سواء.",
        },
        Period => { fr: "Période", en: "When", nl: "Periode", ar: "الفترة" },
        PeriodUpcoming => { fr: "Toutes les dates à venir", en: "All upcoming dates", nl: "Alle komende data", ar: "كل المواعيد القادمة" },
        PeriodWeek => { fr: "Cette semaine", en: "This week", nl: "Deze week", ar: "هذا الأسبوع" },
        PeriodMonth => { fr: "Ce mois-ci", en: "This month", nl: "Deze maand", ar: "هذا الشهر" },
        PeriodNextMonth => { fr: "Le mois prochain", en: "Next month", nl: "Volgende maand", ar: "الشهر القادم" },
        EventCount => {
            fr: "{count} {count?activité|activités}",
            en: "{count} {count?activity|activities}",
            nl: "{count} {count?activiteit|activiteiten}",
            ar: "عدد الأنشطة: {count}",
        },
        NoEvents => {
            fr: "Aucune activité prévue pour ce choix. Essayez une autre période ou un autre programme.",
            en: "No activity planned for this choice. Try another period or programme.",
            nl: "Geen activiteit gepland voor deze keuze. Probeer een andere periode of een ander programma.",
            ar: "لا يوجد نشاط مبرمج لهذا الاختيار. جرّب فترة أو برنامجًا آخر.",
        },
        FollowTitle => { fr: "Suivre l'agenda", en: "Follow the agenda", nl: "De agenda volgen", ar: "تابع الأجندة" },
        FollowHint => {
            fr: "Abonnez votre agenda (téléphone, Google Agenda, Outlook) à ce calendrier : les nouvelles activités et les changements y arrivent tout seuls.",
            en: "Subscribe your calendar (phone, Google Calendar, Outlook) to this calendar: new activities and changes arrive on their own.",
            nl: "Abonneer uw agenda (telefoon, Google Agenda, Outlook) op deze kalender: nieuwe activiteiten en wijzigingen komen er vanzelf in.",
            ar: "اشترك بتقويمك (الهاتف، تقويم Google، Outlook) في هذا التقويم: تصلك الأنشطة الجديدة والتغييرات تلقائيًا.",
        },
        IcsLink => {
            fr: "S'abonner dans mon agenda",
            en: "Subscribe in my calendar",
            nl: "Abonneren in mijn agenda",
            ar: "الاشتراك من تقويمي",
        },
        IcsAddress => {
            fr: "Ou collez cette adresse dans votre agenda (« ajouter un agenda par URL ») :",
            en: "Or paste this address into your calendar (\"add calendar from URL\"):",
            nl: "Of plak dit adres in uw agenda (\"agenda toevoegen via URL\"):",
            ar: "أو الصق هذا العنوان في تقويمك («إضافة تقويم عبر رابط»):",
        },
        RssLink => { fr: "Flux RSS des activités", en: "RSS feed of the activities", nl: "RSS-feed van de activiteiten", ar: "موجز RSS للأنشطة" },
        JoinTitle => {
            fr: "Envie d'aller plus loin ?",
            en: "Want to go further?",
            nl: "Zin om verder te gaan?",
            ar: "هل تريد أن تذهب أبعد؟",
        },
        JoinHint => {
            fr: "Animer un atelier, former un duo, lancer votre projet : inscrivez-vous à un programme d'Interra.",
            en: "Host a workshop, form a duo, start your business: apply to one of Interra's programmes.",
            nl: "Een atelier leiden, een duo vormen, uw project starten: schrijf u in voor een programma van Interra.",
            ar: "نشّط ورشة، كوّن ثنائيًا، أطلق مشروعك: سجّل في أحد برامج إنتيرا.",
        },
        JoinLink => { fr: "S'inscrire à un programme", en: "Apply to a programme", nl: "Inschrijven voor een programma", ar: "التسجيل في برنامج" },
        StaffSignInHint => {
            fr: "Vous faites partie de l'équipe ? Connectez-vous.",
            en: "Part of the team? Sign in.",
            nl: "Maakt u deel uit van het team? Meld u aan.",
            ar: "هل أنت من الفريق؟ سجّل الدخول.",
        },

        ProgOther => { fr: "Autre", en: "Other", nl: "Andere", ar: "أخرى" },
        KindWorkshop => { fr: "Atelier", en: "Workshop", nl: "Atelier", ar: "ورشة" },
        KindTraining => { fr: "Formation", en: "Training", nl: "Opleiding", ar: "تكوين" },
        KindNetworking => { fr: "Réseautage", en: "Networking", nl: "Netwerken", ar: "تواصل مهني" },
        KindInfoSession => { fr: "Séance d'information", en: "Information session", nl: "Infosessie", ar: "جلسة إعلامية" },
        KindMeeting => { fr: "Rencontre", en: "Get-together", nl: "Ontmoeting", ar: "لقاء" },
        KindOther => { fr: "Activité", en: "Activity", nl: "Activiteit", ar: "نشاط" },

        Cancelled => { fr: "Annulée", en: "Cancelled", nl: "Geannuleerd", ar: "أُلغي" },
        Full => { fr: "Complet — liste d'attente", en: "Full — waiting list", nl: "Volzet — wachtlijst", ar: "مكتمل — قائمة انتظار" },
        PlacesLeft => {
            fr: "Places restantes : {count}",
            en: "Places left: {count}",
            nl: "Plaatsen vrij: {count}",
            ar: "الأماكن المتبقية: {count}",
        },
        PlacesLeftOf => {
            fr: "{count} {count?place libre|places libres} sur {capacity}",
            en: "{count} of {capacity} places free",
            nl: "{count} van {capacity} plaatsen vrij",
            ar: "{count} من أصل {capacity} مكان شاغر",
        },
        Free => { fr: "Gratuit", en: "Free", nl: "Gratis", ar: "مجاني" },
        NotFree => {
            fr: "Participation payante : renseignez-vous auprès de l'équipe",
            en: "There is a fee: ask the team",
            nl: "Er is een bijdrage: vraag het aan het team",
            ar: "المشاركة بمقابل: استفسر لدى الفريق",
        },
        Paying => { fr: "Payant", en: "Fee", nl: "Betalend", ar: "بمقابل" },
        Online => { fr: "En ligne", en: "Online", nl: "Online", ar: "عبر الإنترنت" },

        BackToAgenda => { fr: "Retour à l'agenda", en: "Back to the agenda", nl: "Terug naar de agenda", ar: "العودة إلى الأجندة" },
        EventNotFoundTitle => { fr: "Activité introuvable", en: "Activity not found", nl: "Activiteit niet gevonden", ar: "النشاط غير موجود" },
        EventNotFound => {
            fr: "Cette activité n'existe pas ou n'est plus publiée.",
            en: "This activity does not exist or is no longer published.",
            nl: "Deze activiteit bestaat niet of is niet meer gepubliceerd.",
            ar: "هذا النشاط غير موجود أو لم يعد منشورًا.",
        },
        Details => { fr: "En pratique", en: "Practical details", nl: "Praktisch", ar: "معلومات عملية" },
        When => { fr: "Quand", en: "When", nl: "Wanneer", ar: "متى" },
        Where => { fr: "Où", en: "Where", nl: "Waar", ar: "أين" },
        JoinOnline => { fr: "Rejoindre en ligne", en: "Join online", nl: "Online deelnemen", ar: "الانضمام عبر الإنترنت" },
        WhatKind => { fr: "Type d'activité", en: "Kind of activity", nl: "Soort activiteit", ar: "نوع النشاط" },
        SpokenLanguages => { fr: "Langues parlées", en: "Languages spoken", nl: "Gesproken talen", ar: "اللغات المستعملة" },
        FrenchNeeded => { fr: "Niveau de français conseillé", en: "Recommended French level", nl: "Aanbevolen niveau Frans", ar: "المستوى المنصوح به في الفرنسية" },
        Price => { fr: "Prix", en: "Price", nl: "Prijs", ar: "السعر" },
        Accessibility => { fr: "Accessibilité", en: "Accessibility", nl: "Toegankelijkheid", ar: "إمكانية الوصول" },
        HostedBy => { fr: "Animé par", en: "Hosted by", nl: "Begeleid door", ar: "يقدّمه" },
        Places => { fr: "Places", en: "Places", nl: "Plaatsen", ar: "الأماكن" },
        NoLimit => { fr: "Pas de limite de places", en: "No limit on places", nl: "Geen limiet op plaatsen", ar: "لا حدّ لعدد الأماكن" },
        Description => { fr: "Description", en: "About this activity", nl: "Beschrijving", ar: "وصف النشاط" },
        CancelledNotice => {
            fr: "Cette activité est annulée.",
            en: "This activity is cancelled.",
            nl: "Deze activiteit is geannuleerd.",
            ar: "هذا النشاط ملغى.",
        },
        CancelReason => { fr: "Raison : {reason}", en: "Reason: {reason}", nl: "Reden: {reason}", ar: "السبب: {reason}" },

        RegisterTitle => { fr: "S'inscrire", en: "Register", nl: "Inschrijven", ar: "التسجيل" },
        RegisterIntro => {
            fr: "Quelques informations suffisent. Nous les utilisons pour cette activité et pour vous recontacter, rien d'autre.",
            en: "A few details are enough. We use them for this activity and to contact you, nothing else.",
            nl: "Enkele gegevens volstaan. We gebruiken ze voor deze activiteit en om u te contacteren, niets anders.",
            ar: "تكفي بعض المعلومات. نستعملها لهذا النشاط وللتواصل معك، لا غير.",
        },
        WaitlistNotice => {
            fr: "L'activité est complète. Vous pouvez quand même vous inscrire : vous serez sur la liste d'attente, et nous vous préviendrons si une place se libère.",
            en: "The activity is full. You can still register: you will be on the waiting list, and we will tell you if a place frees up.",
            nl: "De activiteit is volzet. U kunt zich toch inschrijven: u komt op de wachtlijst en we laten het u weten als er een plaats vrijkomt.",
            ar: "النشاط مكتمل. يمكنك مع ذلك التسجيل: ستكون على قائمة الانتظار، وسنخبرك إذا أصبح هناك مكان شاغر.",
        },
        RegistrationNotOpen => {
            fr: "Les inscriptions ne sont pas ouvertes en ce moment (pas encore, ou plus). Pour toute question, contactez l'équipe.",
            en: "Registration is not open at the moment (not yet, or no longer). For any question, contact the team.",
            nl: "De inschrijvingen zijn op dit moment niet open (nog niet, of niet meer). Neem voor vragen contact op met het team.",
            ar: "التسجيل غير مفتوح حاليًا (لم يُفتح بعد أو أُغلق). لأي سؤال، تواصل مع الفريق.",
        },
        RegistrationOver => {
            fr: "Cette activité a déjà commencé ou a eu lieu : les inscriptions sont fermées.",
            en: "This activity has already started or taken place: registration is closed.",
            nl: "Deze activiteit is al begonnen of voorbij: de inschrijvingen zijn gesloten.",
            ar: "هذا النشاط بدأ أو انتهى: التسجيل مغلق.",
        },
        RegistrationCancelled => {
            fr: "Il n'est plus possible de s'inscrire : l'activité est annulée.",
            en: "Registration is no longer possible: the activity is cancelled.",
            nl: "Inschrijven is niet meer mogelijk: de activiteit is geannuleerd.",
            ar: "لم يعد التسجيل ممكنًا: النشاط ملغى.",
        },
        RegistrationJustClosed => {
            fr: "Les inscriptions viennent de se fermer pour cette activité.",
            en: "Registration for this activity has just closed.",
            nl: "De inschrijvingen voor deze activiteit zijn net gesloten.",
            ar: "أُغلق التسجيل في هذا النشاط للتو.",
        },
        Optional => { fr: "Facultatif.", en: "Optional.", nl: "Niet verplicht.", ar: "اختياري." },
        PhoneHint => {
            fr: "Par exemple 0470 12 34 56.",
            en: "For example 0470 12 34 56.",
            nl: "Bijvoorbeeld 0470 12 34 56.",
            ar: "مثلًا 0470 12 34 56.",
        },
        ContactLegend => { fr: "Comment vous joindre", en: "How to reach you", nl: "Hoe we u bereiken", ar: "كيف نتواصل معك" },
        YouLegend => { fr: "Vous", en: "About you", nl: "Over u", ar: "عنك" },
        ProfileLegend => { fr: "Vous êtes…", en: "You are…", nl: "U bent…", ar: "أنت…" },
        ProfileNewcomer => {
            fr: "arrivé·e en Belgique il y a moins de 5 ans",
            en: "someone who came to Belgium less than 5 years ago",
            nl: "minder dan 5 jaar geleden in België aangekomen",
            ar: "وصلت إلى بلجيكا منذ أقل من 5 سنوات",
        },
        ProfileLocal => {
            fr: "en Belgique depuis plus de 5 ans",
            en: "someone who has lived in Belgium for more than 5 years",
            nl: "al meer dan 5 jaar in België",
            ar: "مقيم في بلجيكا منذ أكثر من 5 سنوات",
        },
        ArrivalYear => { fr: "Année d'arrivée en Belgique", en: "Year you came to Belgium", nl: "Jaar van aankomst in België", ar: "سنة الوصول إلى بلجيكا" },
        ArrivalYearHint => { fr: "Par exemple 2023.", en: "For example 2023.", nl: "Bijvoorbeeld 2023.", ar: "مثلًا 2023." },
        PostcodeHint => {
            fr: "4 chiffres, par exemple 4000. Facultatif.",
            en: "4 digits, for example 4000. Optional.",
            nl: "4 cijfers, bijvoorbeeld 4000. Niet verplicht.",
            ar: "4 أرقام، مثلًا 4000. اختياري.",
        },
        PrivacyLegend => { fr: "Vos données", en: "Your data", nl: "Uw gegevens", ar: "بياناتك" },
        NoticeUnavailable => {
            fr: "La notice de confidentialité n'a pas pu être chargée. Réessayez dans un instant.",
            en: "The privacy notice could not be loaded. Try again in a moment.",
            nl: "De privacyverklaring kon niet worden geladen. Probeer het zo opnieuw.",
            ar: "تعذّر تحميل إشعار الخصوصية. حاول مجددًا بعد قليل.",
        },
        ConsentLabel => {
            fr: "J'ai lu ce texte et j'accepte qu'Interra utilise mes données comme il l'explique.",
            en: "I have read this text and agree that Interra uses my data as it explains.",
            nl: "Ik heb deze tekst gelezen en ga ermee akkoord dat Interra mijn gegevens gebruikt zoals hij uitlegt.",
            ar: "قرأت هذا النص وأوافق على أن تستعمل إنتيرا بياناتي كما يشرح.",
        },
        Honeypot => {
            fr: "Ne remplissez pas ce champ",
            en: "Leave this field empty",
            nl: "Laat dit veld leeg",
            ar: "اترك هذا الحقل فارغًا",
        },
        SubmitRegistration => { fr: "M'inscrire", en: "Register me", nl: "Schrijf me in", ar: "سجّلني" },
        Sending => { fr: "Envoi…", en: "Sending…", nl: "Verzenden…", ar: "جارٍ الإرسال…" },
        RegisteredTitle => { fr: "Inscription enregistrée", en: "You are registered", nl: "Inschrijving geregistreerd", ar: "تم تسجيلك" },
        WaitlistedTitle => {
            fr: "Vous êtes sur la liste d'attente",
            en: "You are on the waiting list",
            nl: "U staat op de wachtlijst",
            ar: "أنت على قائمة الانتظار",
        },
        WaitlistExplained => {
            fr: "Dès qu'une place se libère, la première personne de la liste la reçoit automatiquement, et l'équipe vous prévient.",
            en: "As soon as a place frees up, the first person on the list gets it automatically, and the team lets you know.",
            nl: "Zodra er een plaats vrijkomt, krijgt de eerste persoon op de lijst die automatisch, en het team laat het u weten.",
            ar: "بمجرد أن يتحرر مكان، يحصل عليه أول شخص في القائمة تلقائيًا، ويخبرك الفريق بذلك.",
        },
        ContactEcho => {
            fr: "Pour vous recontacter, nous utiliserons :",
            en: "To contact you, we will use:",
            nl: "Om u te contacteren, gebruiken we:",
            ar: "للتواصل معك، سنستعمل:",
        },
        SearchActivities => {
            fr: "Rechercher une activité",
            en: "Search for an activity",
            nl: "Een activiteit zoeken",
            ar: "ابحث عن نشاط",
        },
        Search => {
            fr: "Rechercher",
            en: "Search",
            nl: "Zoeken",
            ar: "بحث",
        },
        HeldIn => {
            fr: "Langue de l'activité",
            en: "Language of the activity",
            nl: "Taal van de activiteit",
            ar: "لغة النشاط",
        },
        AnyLanguage => {
            fr: "Toutes les langues",
            en: "Any language",
            nl: "Alle talen",
            ar: "كل اللغات",
        },
        AddToCalendar => {
            fr: "Ajouter à mon agenda",
            en: "Add to my calendar",
            nl: "Toevoegen aan mijn agenda",
            ar: "أضف إلى مفكرتي",
        },
        SeeOnMap => {
            fr: "Voir sur la carte",
            en: "See on a map",
            nl: "Bekijken op de kaart",
            ar: "عرض على الخريطة",
        },
        OpensNewTab => {
            fr: " (ouvre un nouvel onglet)",
            en: " (opens a new tab)",
            nl: " (opent een nieuw tabblad)",
            ar: " (يفتح علامة تبويب جديدة)",
        },
        Share => {
            fr: "Partager",
            en: "Share",
            nl: "Delen",
            ar: "مشاركة",
        },
        LinkCopied => {
            fr: "Le lien de l'activité est copié : collez-le où vous voulez le partager.",
            en: "The activity's link is copied: paste it wherever you want to share it.",
            nl: "De link van de activiteit is gekopieerd: plak hem waar u hem wilt delen.",
            ar: "تم نسخ رابط النشاط: الصقه حيث تريد مشاركته.",
        },
        CopyThisLink => {
            fr: "Copiez ce lien pour le partager",
            en: "Copy this link to share it",
            nl: "Kopieer deze link om hem te delen",
            ar: "انسخ هذا الرابط لمشاركته",
        },
        RegisterSomeoneElse => {
            fr: "Inscrire une autre personne",
            en: "Register someone else",
            nl: "Iemand anders inschrijven",
            ar: "تسجيل شخص آخر",
        },
        RateLimited => {
            fr: "Trop de demandes sont venues de cette connexion : pour nous protéger des envois automatiques, leur nombre est limité. Réessayez dans une heure, ou demandez à l'équipe de vous inscrire.",
            en: "Too many requests came from this connection: to protect us from automated submissions, their number is limited. Try again in an hour, or ask the team to register you.",
            nl: "Er kwamen te veel aanvragen van deze verbinding: om ons te beschermen tegen automatische inzendingen is hun aantal beperkt. Probeer het over een uur opnieuw, of vraag het team om u in te schrijven.",
            ar: "وصلت طلبات كثيرة جدًا من هذا الاتصال: لحمايتنا من الإرسال الآلي، عددها محدود. أعد المحاولة بعد ساعة، أو اطلب من الفريق تسجيلك.",
        },
        FixErrors => {
            fr: "Certaines informations sont à corriger : voyez les messages sous les champs.",
            en: "Some details need fixing: see the messages under the fields.",
            nl: "Sommige gegevens moeten verbeterd worden: zie de berichten onder de velden.",
            ar: "بعض المعلومات تحتاج إلى تصحيح: انظر الرسائل تحت الحقول.",
        },

        SignupTitle => {
            fr: "Participer à un programme d'Interra",
            en: "Take part in an Interra programme",
            nl: "Deelnemen aan een programma van Interra",
            ar: "المشاركة في برنامج من برامج إنتيرا",
        },
        SignupIntro => {
            fr: "Vous venez d'arriver à Liège ou vous y vivez depuis longtemps ? Dites-nous ce qui vous intéresse : l'équipe vous recontacte pour faire connaissance.",
            en: "Just arrived in Liège, or have you lived here a long time? Tell us what interests you: the team will contact you to get to know you.",
            nl: "Net aangekomen in Luik of woont u er al lang? Vertel ons wat u interesseert: het team neemt contact met u op om kennis te maken.",
            ar: "وصلت حديثًا إلى لييج أم تعيش فيها منذ زمن؟ أخبرنا بما يهمك: سيتواصل معك الفريق للتعارف.",
        },
        ChoiceLegend => { fr: "Ce qui vous intéresse", en: "What interests you", nl: "Wat u interesseert", ar: "ما الذي يهمك" },
        ChoiceInteractParticipant => {
            fr: "InterAct : participer à des ateliers",
            en: "InterAct: take part in workshops",
            nl: "InterAct: deelnemen aan ateliers",
            ar: "InterAct: المشاركة في ورشات",
        },
        ChoiceInteractParticipantHint => {
            fr: "Peinture, danse, cuisine, sport… rencontrer des gens autour d'une passion.",
            en: "Painting, dance, cooking, sport… meet people around a passion.",
            nl: "Schilderen, dans, koken, sport… mensen ontmoeten rond een passie.",
            ar: "رسم، رقص، طبخ، رياضة… التعرّف على أناس حول شغف مشترك.",
        },
        ChoiceInteractHost => {
            fr: "InterAct : animer un atelier autour de ma passion",
            en: "InterAct: host a workshop around my passion",
            nl: "InterAct: een atelier leiden rond mijn passie",
            ar: "InterAct: تنشيط ورشة حول شغفي",
        },
        ChoiceInteractHostHint => {
            fr: "Vous avez un talent à partager ? Nous vous aidons à l'organiser.",
            en: "Do you have a talent to share? We help you organise it.",
            nl: "Hebt u een talent om te delen? We helpen u het te organiseren.",
            ar: "لديك موهبة تريد مشاركتها؟ نساعدك على تنظيم ذلك.",
        },
        ChoiceDuo => {
            fr: "Duo2Change : former un duo avec une autre personne",
            en: "Duo2Change: form a duo with another person",
            nl: "Duo2Change: een duo vormen met iemand anders",
            ar: "Duo2Change: تكوين ثنائي مع شخص آخر",
        },
        ChoiceDuoHint => {
            fr: "Un·e nouvel·le arrivant·e et un·e Liégeois·e se rencontrent régulièrement, d'égal à égal.",
            en: "A newcomer and a local person meet regularly, as equals.",
            nl: "Een nieuwkomer en een Luikenaar ontmoeten elkaar regelmatig, als gelijken.",
            ar: "قادم جديد وساكن من لييج يلتقيان بانتظام، على قدم المساواة.",
        },
        ChoiceInterlab => {
            fr: "InterLab : développer mon projet d'entreprise",
            en: "InterLab: develop my business project",
            nl: "InterLab: mijn ondernemingsproject ontwikkelen",
            ar: "InterLab: تطوير مشروعي المقاولاتي",
        },
        ChoiceInterlabHint => {
            fr: "Un accompagnement sur mesure pour que votre passion devienne votre métier.",
            en: "Tailored support so that your passion becomes your job.",
            nl: "Begeleiding op maat zodat uw passie uw beroep wordt.",
            ar: "مرافقة على المقاس ليصبح شغفك مهنتك.",
        },
        WorkshopIdea => { fr: "Votre idée d'atelier", en: "Your workshop idea", nl: "Uw idee voor een atelier", ar: "فكرة ورشتك" },
        WorkshopIdeaHint => {
            fr: "Quelle passion aimeriez-vous partager, et avec qui ?",
            en: "Which passion would you like to share, and with whom?",
            nl: "Welke passie wilt u delen, en met wie?",
            ar: "ما الشغف الذي تود مشاركته، ومع من؟",
        },
        MessageLabel => { fr: "Un message pour l'équipe", en: "A message for the team", nl: "Een bericht voor het team", ar: "رسالة إلى الفريق" },
        SubmitSignup => { fr: "Envoyer ma demande", en: "Send my application", nl: "Mijn aanvraag versturen", ar: "إرسال طلبي" },
        SignupDoneTitle => {
            fr: "Merci, votre demande est bien arrivée",
            en: "Thank you, your application has arrived",
            nl: "Dank u, uw aanvraag is goed aangekomen",
            ar: "شكرًا، وصل طلبك",
        },
        SignupNextSteps => {
            fr: "L'équipe lit chaque demande et vous contacte dans les prochains jours pour faire connaissance.",
            en: "The team reads every application and will contact you in the coming days to get to know you.",
            nl: "Het team leest elke aanvraag en neemt de komende dagen contact met u op om kennis te maken.",
            ar: "يقرأ الفريق كل طلب وسيتواصل معك في الأيام القادمة للتعارف.",
        },
        SeeAgenda => { fr: "Voir les prochaines activités", en: "See the upcoming activities", nl: "De komende activiteiten bekijken", ar: "عرض الأنشطة القادمة" },
    }
}

/// The catalogue key naming an activity's programme.
pub fn activity_programme_key(p: ActivityProgramme) -> Text {
    match p {
        ActivityProgramme::Interact => VocabKey::ProgInteract.into(),
        ActivityProgramme::Duo2change => VocabKey::ProgDuo2change.into(),
        ActivityProgramme::Training => VocabKey::ProgTraining.into(),
        ActivityProgramme::Interlab => VocabKey::ProgInterlab.into(),
        ActivityProgramme::Other => PublicKey::ProgOther.into(),
    }
}

/// The catalogue key naming a kind of activity.
pub fn activity_kind_key(k: ActivityKind) -> PublicKey {
    match k {
        ActivityKind::WorkshopSession => PublicKey::KindWorkshop,
        ActivityKind::Training => PublicKey::KindTraining,
        ActivityKind::Networking => PublicKey::KindNetworking,
        ActivityKind::InfoSession => PublicKey::KindInfoSession,
        ActivityKind::Meeting => PublicKey::KindMeeting,
        ActivityKind::Other => PublicKey::KindOther,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::t;
    use shared::Lang;

    #[test]
    fn every_public_message_is_translated() {
        crate::i18n::check_catalogue(
            PublicKey::ALL,
            &[
                // The same word in French and English or Dutch.
                PublicKey::NavAgenda,
                PublicKey::KindWorkshop,
                PublicKey::Places,
            ],
            0,
        );
    }

    #[test]
    fn programmes_and_kinds_have_names() {
        assert_eq!(
            t(Lang::Nl, activity_programme_key(ActivityProgramme::Other)),
            "Andere"
        );
        assert_eq!(
            t(
                Lang::Fr,
                activity_programme_key(ActivityProgramme::Training)
            ),
            "Formations"
        );
        for &k in ActivityKind::ALL {
            assert!(!t(Lang::Ar, activity_kind_key(k)).is_empty());
        }
    }
}
