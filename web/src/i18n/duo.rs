//! Messages of the Duo2Change screens, and the names of its states and choices.

use shared::duo::{
    BlockReason, CandidacyStatus, DuoOutcome, DuoStatus, GenderIdentity, HealthLevel, Hope,
    Reporter, TravelRange,
};

crate::catalogue! {
    /// Messages of the Duo2Change screens.
    pub enum DuoKey {
        // ---- section
        SectionNav => { fr: "Sections de Duo2Change", en: "Duo2Change sections", nl: "Onderdelen van Duo2Change", ar: "أقسام Duo2Change" },
        TabPool => { fr: "Candidat·es", en: "Candidates", nl: "Kandidaten", ar: "المرشحون" },
        TabBoard => { fr: "Propositions et duos", en: "Proposals and duos", nl: "Voorstellen en duo's", ar: "الاقتراحات والثنائيات" },
        TabAttention => { fr: "À appeler", en: "Call list", nl: "Te bellen", ar: "قائمة الاتصال" },
        TabBatch => { fr: "Appariement global", en: "Batch matching", nl: "Globale koppeling", ar: "المطابقة الشاملة" },
        TabSettings => { fr: "Pondérations", en: "Weights", nl: "Gewichten", ar: "الأوزان" },

        // ---- states and choices
        CandToComplete => { fr: "À compléter", en: "To complete", nl: "Aan te vullen", ar: "بحاجة إلى استكمال" },
        CandWaiting => { fr: "En attente", en: "Waiting", nl: "Wachtend", ar: "في الانتظار" },
        CandProposed => { fr: "Proposé·e", en: "Proposed", nl: "Voorgesteld", ar: "مقترَح" },
        CandMatched => { fr: "En duo", en: "In a duo", nl: "In een duo", ar: "ضمن ثنائي" },
        CandWithdrawn => { fr: "Retiré·e", en: "Withdrawn", nl: "Teruggetrokken", ar: "منسحب" },
        DuoProposed => { fr: "Proposé", en: "Proposed", nl: "Voorgesteld", ar: "مقترَح" },
        DuoIntroduced => { fr: "Présenté", en: "Introduced", nl: "Voorgesteld aan elkaar", ar: "تم التعارف" },
        DuoActive => { fr: "Actif", en: "Active", nl: "Actief", ar: "نشط" },
        DuoPaused => { fr: "En pause", en: "Paused", nl: "Gepauzeerd", ar: "متوقف مؤقتًا" },
        DuoEnded => { fr: "Terminé", en: "Ended", nl: "Beëindigd", ar: "منتهٍ" },
        DuoDeclined => { fr: "Refusé", en: "Declined", nl: "Afgewezen", ar: "مرفوض" },
        TravelSameCommune => { fr: "Dans sa commune", en: "In their own commune", nl: "In de eigen gemeente", ar: "في بلديته فقط" },
        TravelNeighbours => { fr: "Communes voisines", en: "Neighbouring communes", nl: "Naburige gemeenten", ar: "البلديات المجاورة" },
        TravelAnywhere => { fr: "Partout dans la région liégeoise", en: "Anywhere in the Liège area", nl: "Overal in de regio Luik", ar: "في أي مكان بمنطقة لييج" },
        GenderWoman => { fr: "Femme", en: "Woman", nl: "Vrouw", ar: "امرأة" },
        GenderMan => { fr: "Homme", en: "Man", nl: "Man", ar: "رجل" },
        GenderOther => { fr: "Autre", en: "Other", nl: "Anders", ar: "آخر" },
        HopeConversation => { fr: "Conversation", en: "Conversation", nl: "Gesprekken", ar: "المحادثة" },
        HopeOutings => { fr: "Sorties", en: "Going out", nl: "Uitstapjes", ar: "الخرجات" },
        HopeSport => { fr: "Sport", en: "Sport", nl: "Sport", ar: "الرياضة" },
        HopeCulture => { fr: "Culture", en: "Culture", nl: "Cultuur", ar: "الثقافة" },
        HopeDailyLife => { fr: "Aide au quotidien", en: "Help with daily life", nl: "Hulp in het dagelijks leven", ar: "المساعدة في الحياة اليومية" },
        OutcomeGood => { fr: "Bonne fin", en: "Ended well", nl: "Goed afgesloten", ar: "انتهى بشكل جيد" },
        OutcomeNeutral => { fr: "Fin neutre", en: "Neutral", nl: "Neutraal", ar: "محايد" },
        OutcomeBad => { fr: "Mauvaise fin (ne plus les proposer ensemble)", en: "Ended badly (never propose them together again)", nl: "Slecht afgelopen (nooit meer samen voorstellen)", ar: "انتهى بشكل سيئ (لا يُقترحان معًا مجددًا)" },
        ReporterNewcomer => { fr: "La personne primo-arrivante", en: "The newcomer", nl: "De nieuwkomer", ar: "الوافد الجديد" },
        ReporterLocal => { fr: "La personne habitante", en: "The local resident", nl: "De buurtbewoner", ar: "المقيم المحلي" },
        ReporterCoordinator => { fr: "La coordination", en: "The coordinator", nl: "De coördinatie", ar: "المنسّق" },
        HealthGood => { fr: "Tout va bien", en: "Doing well", nl: "Gaat goed", ar: "بخير" },
        HealthStarting => { fr: "Vient de commencer", en: "Just started", nl: "Net begonnen", ar: "بدأ للتو" },
        HealthWatch => { fr: "À surveiller", en: "To watch", nl: "In de gaten houden", ar: "يحتاج متابعة" },
        HealthAttention => { fr: "À appeler cette semaine", en: "Call this week", nl: "Deze week bellen", ar: "اتصل هذا الأسبوع" },
        CritInterests => { fr: "Centres d'intérêt communs", en: "Shared interests", nl: "Gedeelde interesses", ar: "الاهتمامات المشتركة" },
        CritLanguage => { fr: "Langues", en: "Languages", nl: "Talen", ar: "اللغات" },
        CritAvailability => { fr: "Disponibilités communes", en: "Common availability", nl: "Gemeenschappelijke beschikbaarheid", ar: "الأوقات المتاحة المشتركة" },
        CritDistance => { fr: "Proximité", en: "Distance", nl: "Afstand", ar: "القرب" },
        CritHopes => { fr: "Attentes", en: "Hopes", nl: "Verwachtingen", ar: "التطلعات" },
        CritAge => { fr: "Âges proches", en: "Age closeness", nl: "Leeftijdsverschil", ar: "تقارب السن" },
        CritWaiting => { fr: "Temps d'attente", en: "Waiting time", nl: "Wachttijd", ar: "مدة الانتظار" },

        // ---- shared bits
        ScoreOutOf => { fr: "{score}/100", en: "{score}/100", nl: "{score}/100", ar: "{score}/100" },
        ScoreDetails => { fr: "Détail du score", en: "Score details", nl: "Details van de score", ar: "تفاصيل النتيجة" },
        NoReasons => { fr: "Pas d'explication enregistrée pour cette paire.", en: "No explanation recorded for this pair.", nl: "Geen uitleg bewaard voor dit paar.", ar: "لا يوجد شرح مسجل لهذا الثنائي." },
        Yes => { fr: "Oui", en: "Yes", nl: "Ja", ar: "نعم" },
        No => { fr: "Non", en: "No", nl: "Nee", ar: "لا" },
        NothingHere => { fr: "Aucun pour l'instant.", en: "None for now.", nl: "Nog geen.", ar: "لا شيء حاليًا." },
        Side => { fr: "Groupe", en: "Side", nl: "Groep", ar: "المجموعة" },
        SideIs => { fr: "Groupe : {side}", en: "Side: {side}", nl: "Groep: {side}", ar: "المجموعة: {side}" },
        WaitingFor => { fr: "En attente depuis {days} {days?jour|jours} (le {date})", en: "Waiting for {days} {days?day|days} (since {date})", nl: "Wacht al {days} {days?dag|dagen} (sinds {date})", ar: "في الانتظار منذ {days} يومًا (منذ {date})" },
        Hopes => { fr: "Ce qu'il ou elle espère du duo", en: "What they hope from the duo", nl: "Wat ze van het duo verwachten", ar: "ما يتطلع إليه من الثنائي" },
        Travel => { fr: "Jusqu'où se déplacer", en: "How far they will travel", nl: "Hoe ver ze zich verplaatsen", ar: "إلى أي مدى يمكنه التنقل" },
        WantsFrenchPracticeShort => { fr: "veut pratiquer le français", en: "wants to practise French", nl: "wil Frans oefenen", ar: "يرغب في ممارسة الفرنسية" },

        // ---- pool
        PoolTitle => { fr: "Duo2Change : les candidat·es", en: "Duo2Change: candidates", nl: "Duo2Change: kandidaten", ar: "Duo2Change: المرشحون" },
        PoolIntro => { fr: "Les personnes primo-arrivantes et habitantes qui attendent un duo, celles qui attendent depuis le plus longtemps en premier.", en: "Newcomers and local residents waiting for a duo, longest waiting first.", nl: "Nieuwkomers en buurtbewoners die op een duo wachten, wie het langst wacht eerst.", ar: "الوافدون الجدد والمقيمون المحليون الذين ينتظرون ثنائيًا، الأطول انتظارًا أولًا." },
        PoolFilters => { fr: "Filtrer les candidat·es", en: "Filter the candidates", nl: "Kandidaten filteren", ar: "تصفية المرشحين" },
        BothSides => { fr: "Les deux groupes", en: "Both sides", nl: "Beide groepen", ar: "المجموعتان" },
        AllCommunes => { fr: "Toutes les communes", en: "All communes", nl: "Alle gemeenten", ar: "كل البلديات" },
        WaitingAtLeast => { fr: "En attente depuis au moins", en: "Waiting for at least", nl: "Wacht al minstens", ar: "في الانتظار منذ على الأقل" },
        AnyWait => { fr: "Peu importe", en: "Any time", nl: "Maakt niet uit", ar: "أي مدة" },
        DaysOrMore => { fr: "{days} {days?jour|jours}", en: "{days} {days?day|days}", nl: "{days} {days?dag|dagen}", ar: "{days} يومًا" },
        ToCompleteNotice => { fr: "{count} {count?inscription publique attend|inscriptions publiques attendent} d'être complétée{count?|s} avant d'entrer dans le pool.", en: "{count} public {count?sign-up waits|sign-ups wait} to be completed before entering the pool.", nl: "{count} publieke {count?inschrijving wacht|inschrijvingen wachten} om aangevuld te worden voor ze in de pool komen.", ar: "عدد التسجيلات العامة التي تنتظر الاستكمال قبل دخول المجموعة: {count}" },
        CompleteHint => { fr: "Inscription reçue par le formulaire public : vérifiez la commune, la distance, les souhaits et les préférences, puis enregistrez « En attente » pour la faire entrer dans le pool.", en: "Sign-up received through the public form: check the commune, distance, hopes and preferences, then save as “Waiting” to put it in the pool.", nl: "Inschrijving via het publieke formulier: controleer de gemeente, de afstand, de wensen en voorkeuren en sla op als „Wachtend” om ze in de pool te zetten.", ar: "تسجيل وصل عبر الاستمارة العامة: تحقّق من البلدية والمسافة والرغبات والتفضيلات، ثم احفظ بحالة «في الانتظار» لإدخاله إلى المجموعة." },
        CandidateCount => { fr: "{count} {count?candidature|candidatures}", en: "{count} {count?candidacy|candidacies}", nl: "{count} {count?kandidatuur|kandidaturen}", ar: "عدد الترشيحات: {count}" },
        NoCandidates => { fr: "Personne ici avec ces critères.", en: "Nobody here with these filters.", nl: "Niemand met deze filters.", ar: "لا أحد هنا بهذه المعايير." },
        OpenCandidacy => { fr: "Ouvrir une candidature", en: "Open a candidacy", nl: "Kandidatuur openen", ar: "فتح ترشيح" },
        RunBatch => { fr: "Lancer un appariement global", en: "Run a batch", nl: "Globale koppeling starten", ar: "تشغيل المطابقة الشاملة" },

        // ---- candidate
        CandidateTitle => { fr: "Candidature Duo2Change", en: "Duo2Change candidacy", nl: "Duo2Change-kandidatuur", ar: "ترشيح Duo2Change" },
        CandidateNotFound => { fr: "Cette candidature est introuvable.", en: "This candidacy cannot be found.", nl: "Deze kandidatuur is niet gevonden.", ar: "لم يتم العثور على هذا الترشيح." },
        BackToPool => { fr: "Retour aux candidat·es", en: "Back to the candidates", nl: "Terug naar de kandidaten", ar: "العودة إلى المرشحين" },
        PersonRecord => { fr: "Fiche de la personne", en: "Person's record", nl: "Fiche van de persoon", ar: "ملف الشخص" },
        EditCandidacy => { fr: "Modifier la candidature", en: "Edit the candidacy", nl: "Kandidatuur bewerken", ar: "تعديل الترشيح" },
        WhatMatchingUses => { fr: "Ce que l'appariement prend en compte", en: "What matching uses", nl: "Wat de koppeling gebruikt", ar: "ما تعتمد عليه المطابقة" },
        WaitingSince => { fr: "Attente", en: "Waiting", nl: "Wachttijd", ar: "الانتظار" },
        OwnGender => { fr: "Genre (pour les préférences)", en: "Gender (for preferences)", nl: "Gender (voor voorkeuren)", ar: "الجنس (للتفضيلات)" },
        PartnerGender => { fr: "Souhaite un·e partenaire", en: "Partner wished", nl: "Gewenste partner", ar: "الشريك المرغوب" },
        PartnerAge => { fr: "Âge souhaité du ou de la partenaire", en: "Partner's age wished", nl: "Gewenste leeftijd van de partner", ar: "عمر الشريك المرغوب" },
        NoPreference => { fr: "Pas de préférence", en: "No preference", nl: "Geen voorkeur", ar: "لا تفضيل" },
        AgeBetween => { fr: "de {min} à {max} ans", en: "{min} to {max} years old", nl: "{min} tot {max} jaar", ar: "من {min} إلى {max} سنة" },
        AgeFrom => { fr: "{min} ans ou plus", en: "{min} or older", nl: "{min} jaar of ouder", ar: "{min} سنة فأكثر" },
        AgeUpTo => { fr: "jusqu'à {max} ans", en: "up to {max} years old", nl: "tot {max} jaar", ar: "حتى {max} سنة" },
        FrenchPractice => { fr: "Pratiquer le français", en: "French practice", nl: "Frans oefenen", ar: "ممارسة الفرنسية" },
        Remarks => { fr: "Remarques pour la coordination", en: "Remarks for the coordinator", nl: "Opmerkingen voor de coördinatie", ar: "ملاحظات للمنسّق" },
        ProfileFromPerson => { fr: "Les passions, langues, disponibilités et l'âge viennent de la fiche de la personne.", en: "Interests, languages, availability and age come from the person's record.", nl: "Interesses, talen, beschikbaarheid en leeftijd komen uit de fiche van de persoon.", ar: "الاهتمامات واللغات والأوقات المتاحة والعمر مأخوذة من ملف الشخص." },
        SuggestionsTitle => { fr: "Partenaires suggéré·es", en: "Suggested partners", nl: "Voorgestelde partners", ar: "الشركاء المقترحون" },
        SuggestionsIntro => { fr: "Les meilleures personnes compatibles de l'autre groupe, classées par score, avec les raisons.", en: "The best compatible people on the other side, ranked by score, with the reasons.", nl: "De best passende mensen uit de andere groep, gerangschikt op score, met de redenen.", ar: "أفضل الأشخاص المتوافقين من المجموعة الأخرى، مرتبين حسب النتيجة، مع الأسباب." },
        HowMany => { fr: "Nombre de suggestions", en: "Number of suggestions", nl: "Aantal suggesties", ar: "عدد الاقتراحات" },
        NoSuggestions => { fr: "Personne de compatible en attente pour le moment.", en: "Nobody compatible is waiting at the moment.", nl: "Er wacht momenteel niemand die past.", ar: "لا يوجد حاليًا شخص متوافق في الانتظار." },
        NotWaitingNoProposal => { fr: "Cette personne n'est pas en attente : on ne peut pas lui proposer de nouveau duo.", en: "This person is not waiting: no new duo can be proposed.", nl: "Deze persoon wacht niet: er kan geen nieuw duo worden voorgesteld.", ar: "هذا الشخص ليس في الانتظار: لا يمكن اقتراح ثنائي جديد له." },
        RankN => { fr: "Suggestion n° {rank} :", en: "Suggestion {rank}:", nl: "Suggestie {rank}:", ar: "الاقتراح رقم {rank}:" },
        ProposePair => { fr: "Proposer ce duo", en: "Propose this pair", nl: "Dit duo voorstellen", ar: "اقتراح هذا الثنائي" },
        ProposePairWith => { fr: "Proposer ce duo : {name}", en: "Propose this pair: {name}", nl: "Dit duo voorstellen: {name}", ar: "اقتراح هذا الثنائي: {name}" },
        DoNotPair => { fr: "Ne pas proposer ensemble", en: "Never propose together", nl: "Nooit samen voorstellen", ar: "عدم اقتراحهما معًا" },
        DoNotPairWith => { fr: "Ne pas proposer ensemble : {name}", en: "Never propose together: {name}", nl: "Nooit samen voorstellen: {name}", ar: "عدم اقتراحهما معًا: {name}" },
        BlockWhy => { fr: "Pourquoi ? (visible par la coordination seulement)", en: "Why? (seen by coordinators only)", nl: "Waarom? (enkel zichtbaar voor de coördinatie)", ar: "لماذا؟ (يراه المنسقون فقط)" },
        BlockConfirm => { fr: "Ne plus les proposer ensemble", en: "Stop proposing them together", nl: "Niet meer samen voorstellen", ar: "التوقف عن اقتراحهما معًا" },
        BlockSaved => { fr: "C'est noté : cette paire ne sera plus proposée.", en: "Noted: this pair will not be proposed again.", nl: "Genoteerd: dit paar wordt niet meer voorgesteld.", ar: "تم التسجيل: لن يُقترح هذا الثنائي مجددًا." },
        BlocksTitle => { fr: "Jamais proposés ensemble", en: "Never proposed together", nl: "Nooit samen voorgesteld", ar: "لا يُقترحان معًا أبدًا" },
        BlocksIntro => { fr: "Les suggestions, l'appariement global et les propositions laissent ces paires de côté.", en: "Suggestions, batch matching and proposals leave these pairs out.", nl: "Suggesties, globale koppeling en voorstellen laten deze paren weg.", ar: "تستبعد الاقتراحات والمطابقة الشاملة هذه الأزواج." },
        NoBlocks => { fr: "Aucune paire écartée.", en: "No pair left out.", nl: "Geen paren uitgesloten.", ar: "لا توجد أزواج مستبعدة." },
        BlockReasonCoordinator => { fr: "Décision de la coordination", en: "Coordinator's decision", nl: "Beslissing van de coördinatie", ar: "قرار المنسّق" },
        BlockReasonDeclined => { fr: "Proposition refusée", en: "Proposal declined", nl: "Voorstel afgewezen", ar: "اقتراح مرفوض" },
        BlockReasonEndedBadly => { fr: "Duo mal terminé", en: "Duo ended badly", nl: "Duo slecht afgelopen", ar: "ثنائي انتهى بشكل سيئ" },
        BlockByOn => { fr: "{who}, le {date}", en: "{who}, on {date}", nl: "{who}, op {date}", ar: "{who}، بتاريخ {date}" },
        LiftBlock => { fr: "Lever", en: "Lift", nl: "Opheffen", ar: "رفع المنع" },
        LiftBlockWith => { fr: "Lever le blocage avec {name}", en: "Lift the block with {name}", nl: "Opheffen: blokkering met {name}", ar: "رفع المنع مع {name}" },
        BlockLifted => { fr: "Blocage levé : la paire peut de nouveau être proposée.", en: "Block lifted: the pair can be proposed again.", nl: "Blokkering opgeheven: het paar kan opnieuw worden voorgesteld.", ar: "تم رفع المنع: يمكن اقتراح الثنائي مجددًا." },

        // ---- candidacy form
        ThePerson => { fr: "La personne", en: "The person", nl: "De persoon", ar: "الشخص" },
        FindPerson => { fr: "Chercher la personne (nom, e-mail ou téléphone)", en: "Find the person (name, email or phone)", nl: "Persoon zoeken (naam, e-mail of telefoon)", ar: "البحث عن الشخص (الاسم أو البريد أو الهاتف)" },
        FindPersonHint => { fr: "La personne doit déjà avoir une fiche ; son groupe (primo-arrivant·e ou habitant·e) vient de sa fiche.", en: "The person must already have a record; their side (newcomer or local) comes from it.", nl: "De persoon moet al een fiche hebben; de groep (nieuwkomer of buurtbewoner) komt daaruit.", ar: "يجب أن يكون للشخص ملف مسبقًا؛ ومجموعته (وافد جديد أو مقيم) مأخوذة منه." },
        Choose => { fr: "Choisir", en: "Choose", nl: "Kiezen", ar: "اختيار" },
        ChooseNamed => { fr: "Choisir {name}", en: "Choose {name}", nl: "{name} kiezen", ar: "اختيار {name}" },
        ChangePerson => { fr: "Choisir une autre personne", en: "Choose someone else", nl: "Iemand anders kiezen", ar: "اختيار شخص آخر" },
        ChoosePersonFirst => { fr: "Cherchez et choisissez d'abord la personne.", en: "Find and choose the person first.", nl: "Zoek en kies eerst de persoon.", ar: "ابحث عن الشخص واختره أولًا." },
        WhereToMeet => { fr: "Où se rencontrer", en: "Where to meet", nl: "Waar afspreken", ar: "مكان اللقاء" },
        TravelHint => { fr: "Une paire n'est proposée que si les deux peuvent se rejoindre.", en: "A pair is only proposed when both can reach each other.", nl: "Een paar wordt alleen voorgesteld als beiden elkaar kunnen bereiken.", ar: "لا يُقترح الثنائي إلا إذا كان بإمكان الطرفين الالتقاء." },
        Preferences => { fr: "Préférences sur le ou la partenaire", en: "Preferences about the partner", nl: "Voorkeuren over de partner", ar: "تفضيلات بشأن الشريك" },
        PreferencesHint => { fr: "Facultatif. Une préférence exprimée est respectée : personne d'autre n'est proposé.", en: "Optional. A stated preference is respected: nobody else is proposed.", nl: "Optioneel. Een uitgesproken voorkeur wordt gerespecteerd: niemand anders wordt voorgesteld.", ar: "اختياري. يُحترم التفضيل المعلن: لا يُقترح أي شخص آخر." },
        PartnerAgeMin => { fr: "Âge minimum du ou de la partenaire", en: "Partner's minimum age", nl: "Minimumleeftijd van de partner", ar: "الحد الأدنى لعمر الشريك" },
        PartnerAgeMax => { fr: "Âge maximum du ou de la partenaire", en: "Partner's maximum age", nl: "Maximumleeftijd van de partner", ar: "الحد الأقصى لعمر الشريك" },
        WantsFrenchPractice => { fr: "Souhaite pratiquer le français avec son ou sa partenaire", en: "Wishes to practise French with their partner", nl: "Wil Frans oefenen met de partner", ar: "يرغب في ممارسة الفرنسية مع شريكه" },
        RemarksHint => { fr: "Visible par l'équipe seulement.", en: "Seen by the team only.", nl: "Alleen zichtbaar voor het team.", ar: "يراها الفريق فقط." },
        CandidacyState => { fr: "État de la candidature", en: "Candidacy state", nl: "Stand van de kandidatuur", ar: "حالة الترشيح" },
        StatusHint => { fr: "Retirer la candidature la sort du pool ; la remettre en attente l'y fait revenir.", en: "Withdrawing takes the person out of the pool; waiting puts them back.", nl: "Intrekken haalt de persoon uit de pool; wachtend zet hem of haar terug.", ar: "السحب يُخرج الشخص من المجموعة؛ والانتظار يعيده إليها." },
        OpenCandidacySubmit => { fr: "Ouvrir la candidature", en: "Open the candidacy", nl: "Kandidatuur openen", ar: "فتح الترشيح" },
        WholeNumber => { fr: "Indiquez un nombre entier d'années.", en: "Enter a whole number of years.", nl: "Geef een geheel aantal jaren op.", ar: "أدخل عددًا صحيحًا من السنوات." },

        // ---- batch
        BatchTitle => { fr: "Appariement global", en: "Batch matching", nl: "Globale koppeling", ar: "المطابقة الشاملة" },
        BatchIntro => { fr: "Calcule la meilleure répartition en duos de toutes les personnes en attente. Rien n'est proposé avant que vous acceptiez.", en: "Computes the best overall pairing of everybody waiting. Nothing is proposed until you accept.", nl: "Berekent de beste verdeling in duo's van iedereen die wacht. Er wordt niets voorgesteld voordat u aanvaardt.", ar: "يحسب أفضل توزيع إلى ثنائيات لكل من ينتظر. لا يُقترح شيء قبل موافقتك." },
        PinnedPairs => { fr: "Paires imposées", en: "Pinned pairs", nl: "Vastgezette paren", ar: "الثنائيات المثبتة" },
        PinnedIntro => { fr: "Une paire imposée est gardée telle quelle ; le calcul répartit les autres autour d'elle.", en: "A pinned pair is kept as it is; the others are paired around it.", nl: "Een vastgezet paar blijft zoals het is; de anderen worden eromheen gekoppeld.", ar: "يبقى الثنائي المثبت كما هو؛ ويُوزَّع الآخرون من حوله." },
        NoPins => { fr: "Aucune paire imposée.", en: "No pinned pair.", nl: "Geen vastgezet paar.", ar: "لا يوجد ثنائي مثبت." },
        ChooseSomeone => { fr: "Choisir…", en: "Choose…", nl: "Kiezen…", ar: "اختر…" },
        PinAndCompute => { fr: "Imposer cette paire et recalculer", en: "Pin this pair and recompute", nl: "Dit paar vastzetten en herberekenen", ar: "تثبيت هذا الثنائي وإعادة الحساب" },
        Pin => { fr: "Imposer", en: "Pin", nl: "Vastzetten", ar: "تثبيت" },
        Unpin => { fr: "Libérer", en: "Unpin", nl: "Losmaken", ar: "إلغاء التثبيت" },
        PinNamed => { fr: "Imposer la paire {pair}", en: "Pin the pair {pair}", nl: "Het paar {pair} vastzetten", ar: "تثبيت الثنائي {pair}" },
        UnpinNamed => { fr: "Libérer la paire {pair}", en: "Unpin the pair {pair}", nl: "Het paar {pair} losmaken", ar: "إلغاء تثبيت الثنائي {pair}" },
        Pinned => { fr: "Imposée", en: "Pinned", nl: "Vastgezet", ar: "مثبت" },
        ComputePreview => { fr: "Calculer l'aperçu", en: "Compute the preview", nl: "Voorbeeld berekenen", ar: "حساب المعاينة" },
        Recompute => { fr: "Recalculer", en: "Recompute", nl: "Opnieuw berekenen", ar: "إعادة الحساب" },
        Computing => { fr: "Calcul…", en: "Computing…", nl: "Berekenen…", ar: "جارٍ الحساب…" },
        PreviewTitle => { fr: "Aperçu", en: "Preview", nl: "Voorbeeld", ar: "المعاينة" },
        NothingProposedYet => { fr: "Rien n'est encore proposé : cochez les paires à retenir puis acceptez-les.", en: "Nothing is proposed yet: tick the pairs to keep, then accept them.", nl: "Er is nog niets voorgesteld: vink de paren aan die u wilt houden en aanvaard ze.", ar: "لم يُقترح شيء بعد: حدّد الثنائيات المراد الاحتفاظ بها ثم وافق عليها." },
        PairsFound => { fr: "Paires", en: "Pairs", nl: "Paren", ar: "الثنائيات" },
        Unmatched => { fr: "Sans partenaire", en: "Unmatched", nl: "Zonder partner", ar: "بلا شريك" },
        PhoneOf => { fr: "Téléphone de {name} :", en: "{name}'s phone:", nl: "Telefoon van {name}:", ar: "هاتف {name}:" },
        AverageScore => { fr: "Score moyen des paires", en: "Average score of the pairs", nl: "Gemiddelde score van de paren", ar: "متوسط نتيجة الثنائيات" },
        ScoreMeaning => {
            fr: "Sur 100 : plus il est haut, plus les deux personnes ont en commun (lieu, disponibilités, intérêts, langues).",
            en: "Out of 100: the higher, the more the two people share (place, availability, interests, languages).",
            nl: "Op 100: hoe hoger, hoe meer de twee personen gemeen hebben (plaats, beschikbaarheid, interesses, talen).",
            ar: "من 100: كلما ارتفعت، زاد ما يجمع الشخصين (المكان، الأوقات، الاهتمامات، اللغات).",
        },
        Threshold => { fr: "Seuil", en: "Threshold", nl: "Drempel", ar: "الحد الأدنى" },
        ThresholdValue => { fr: "{threshold}/100 (les paires en dessous ne sont pas proposées)", en: "{threshold}/100 (pairs below are not proposed)", nl: "{threshold}/100 (paren eronder worden niet voorgesteld)", ar: "{threshold}/100 (لا تُقترح الثنائيات دونه)" },
        WeightsVersion => { fr: "Réglages de l'appariement utilisés", en: "Matching settings used", nl: "Gebruikte koppelingsinstellingen", ar: "إعدادات المطابقة المستعملة" },
        PairsTitle => { fr: "Paires proposées par le calcul ({count})", en: "Pairs found ({count})", nl: "Gevonden paren ({count})", ar: "الثنائيات المقترحة ({count})" },
        NoPairs => { fr: "Aucune paire possible au-dessus du seuil.", en: "No possible pair above the threshold.", nl: "Geen mogelijk paar boven de drempel.", ar: "لا يوجد ثنائي ممكن فوق الحد الأدنى." },
        SelectAll => { fr: "Tout cocher", en: "Select all", nl: "Alles aanvinken", ar: "تحديد الكل" },
        SelectNone => { fr: "Tout décocher", en: "Select none", nl: "Alles uitvinken", ar: "إلغاء تحديد الكل" },
        IncludePair => { fr: "Retenir la paire {pair}", en: "Keep the pair {pair}", nl: "Het paar {pair} behouden", ar: "الاحتفاظ بالثنائي {pair}" },
        AcceptSelected => { fr: "Accepter les paires cochées ({count})", en: "Accept the selected pairs ({count})", nl: "Aangevinkte paren aanvaarden ({count})", ar: "الموافقة على الثنائيات المحددة ({count})" },
        ProposalsCreated => { fr: "{count} {count?proposition créée|propositions créées}.", en: "{count} {count?proposal|proposals} created.", nl: "{count} {count?voorstel|voorstellen} aangemaakt.", ar: "تم إنشاء {count} اقتراح." },
        SeeBoard => { fr: "Voir les propositions", en: "See the proposals", nl: "De voorstellen bekijken", ar: "عرض الاقتراحات" },
        UnmatchedTitle => { fr: "Restent sans partenaire ({count})", en: "Left unmatched ({count})", nl: "Blijven zonder partner ({count})", ar: "يبقون بلا شريك ({count})" },
        EveryonePaired => { fr: "Tout le monde a un·e partenaire.", en: "Everybody has a partner.", nl: "Iedereen heeft een partner.", ar: "لكل شخص شريك." },

        // ---- board
        BoardTitle => { fr: "Propositions et duos", en: "Proposals and duos", nl: "Voorstellen en duo's", ar: "الاقتراحات والثنائيات" },
        BoardIntro => { fr: "Chaque duo selon son étape : proposé, présenté, actif ou en pause.", en: "Each duo by its step: proposed, introduced, active or paused.", nl: "Elk duo volgens zijn stap: voorgesteld, aan elkaar voorgesteld, actief of gepauzeerd.", ar: "كل ثنائي حسب مرحلته: مقترَح، تم التعارف، نشط أو متوقف مؤقتًا." },
        ClosedDuos => { fr: "Duos terminés ou refusés ({count})", en: "Ended or declined duos ({count})", nl: "Beëindigde of afgewezen duo's ({count})", ar: "الثنائيات المنتهية أو المرفوضة ({count})" },
        ShowList => { fr: "Afficher la liste", en: "Show the list", nl: "De lijst tonen", ar: "عرض القائمة" },
        ProposedOn => { fr: "proposé le {date}", en: "proposed on {date}", nl: "voorgesteld op {date}", ar: "اقتُرح في {date}" },
        IntroducedOn => { fr: "présenté le {date}", en: "introduced on {date}", nl: "aan elkaar voorgesteld op {date}", ar: "تم التعارف في {date}" },
        ConfirmedOn => { fr: "confirmé le {date}", en: "confirmed on {date}", nl: "bevestigd op {date}", ar: "تأكد في {date}" },
        ClosedOn => { fr: "clos le {date}", en: "closed on {date}", nl: "afgesloten op {date}", ar: "أُغلق في {date}" },

        // ---- duo page
        DuoTitle => { fr: "Duo", en: "Duo", nl: "Duo", ar: "ثنائي" },
        DuoNotFound => { fr: "Ce duo est introuvable.", en: "This duo cannot be found.", nl: "Dit duo is niet gevonden.", ar: "لم يتم العثور على هذا الثنائي." },
        BackToBoard => { fr: "Retour aux propositions et duos", en: "Back to proposals and duos", nl: "Terug naar voorstellen en duo's", ar: "العودة إلى الاقتراحات والثنائيات" },
        TheTwoPeople => { fr: "Les deux personnes", en: "The two people", nl: "De twee personen", ar: "الشخصان" },
        NextSteps => { fr: "Étape suivante", en: "Next step", nl: "Volgende stap", ar: "الخطوة التالية" },
        NextStepsHint => { fr: "Seules les étapes possibles depuis l'état actuel sont proposées.", en: "Only the steps possible from the current state are offered.", nl: "Alleen de stappen die vanuit de huidige stand mogelijk zijn, worden aangeboden.", ar: "لا تُعرض إلا الخطوات الممكنة من الحالة الحالية." },
        ActIntroduce => { fr: "Marquer comme présentés", en: "Mark as introduced", nl: "Markeren als aan elkaar voorgesteld", ar: "تسجيل التعارف" },
        ActConfirm => { fr: "Confirmer le duo", en: "Confirm the duo", nl: "Het duo bevestigen", ar: "تأكيد الثنائي" },
        ActDecline => { fr: "Refuser", en: "Decline", nl: "Afwijzen", ar: "رفض" },
        ActPause => { fr: "Mettre en pause", en: "Pause", nl: "Pauzeren", ar: "إيقاف مؤقت" },
        ActResume => { fr: "Reprendre", en: "Resume", nl: "Hervatten", ar: "استئناف" },
        ActEnd => { fr: "Terminer le duo", en: "End the duo", nl: "Het duo beëindigen", ar: "إنهاء الثنائي" },
        DeclineReason => { fr: "Raison du refus", en: "Reason for declining", nl: "Reden van de afwijzing", ar: "سبب الرفض" },
        DeclineHint => { fr: "Les deux personnes retournent en attente et ne seront plus proposées ensemble.", en: "Both people go back to waiting and will not be proposed together again.", nl: "Beide personen gaan terug naar de wachtlijst en worden niet meer samen voorgesteld.", ar: "يعود الشخصان إلى الانتظار ولن يُقترحا معًا مجددًا." },
        EndReason => { fr: "Raison de la fin", en: "Reason for ending", nl: "Reden van de beëindiging", ar: "سبب الإنهاء" },
        EndHint => { fr: "Quelques mots pour les bilans.", en: "A few words for the reports.", nl: "Enkele woorden voor de verslagen.", ar: "بضع كلمات للتقارير." },
        Outcome => { fr: "Bilan", en: "Outcome", nl: "Resultaat", ar: "الحصيلة" },
        ChooseOutcome => { fr: "Choisir un bilan", en: "Choose an outcome", nl: "Kies een resultaat", ar: "اختر الحصيلة" },
        OutcomeHint => { fr: "Une mauvaise fin empêche de les proposer à nouveau ensemble.", en: "Ending badly prevents proposing them together again.", nl: "Een slecht einde verhindert dat ze opnieuw samen worden voorgesteld.", ar: "النهاية السيئة تمنع اقتراحهما معًا مجددًا." },
        MovedTo => { fr: "Le duo est maintenant : {state}.", en: "The duo is now: {state}.", nl: "Het duo is nu: {state}.", ar: "حالة الثنائي الآن: {state}." },
        Timeline => { fr: "Historique", en: "Timeline", nl: "Tijdlijn", ar: "المسار الزمني" },
        StepProposed => { fr: "Proposé", en: "Proposed", nl: "Voorgesteld", ar: "اقتُرح" },
        StepIntroduced => { fr: "Présentés l'un·e à l'autre", en: "Introduced to each other", nl: "Aan elkaar voorgesteld", ar: "تم التعارف بينهما" },
        StepConfirmed => { fr: "Confirmé après la rencontre d'essai", en: "Confirmed after the trial meeting", nl: "Bevestigd na de proefontmoeting", ar: "تأكّد بعد لقاء التجربة" },
        StepPaused => { fr: "Mis en pause", en: "Paused", nl: "Gepauzeerd", ar: "أُوقف مؤقتًا" },
        StepEnded => { fr: "Terminé", en: "Ended", nl: "Beëindigd", ar: "انتهى" },
        StepDeclined => { fr: "Refusé", en: "Declined", nl: "Afgewezen", ar: "رُفض" },
        SinceUndated => { fr: "état actuel (date non enregistrée)", en: "current state (date not recorded)", nl: "huidige stand (datum niet bewaard)", ar: "الحالة الحالية (التاريخ غير مسجل)" },
        OutcomeIs => { fr: "Bilan : {outcome}", en: "Outcome: {outcome}", nl: "Resultaat: {outcome}", ar: "الحصيلة: {outcome}" },
        WhyThisPair => { fr: "Pourquoi cette paire", en: "Why this pair", nl: "Waarom dit paar", ar: "لماذا هذا الثنائي" },
        ProposedWithWeights => { fr: "Proposée avec les pondérations version {version}.", en: "Proposed with weights version {version}.", nl: "Voorgesteld met gewichtenversie {version}.", ar: "اقتُرح وفق إصدار الأوزان {version}." },
        Health => { fr: "Santé du duo", en: "How the duo is doing", nl: "Hoe het duo het doet", ar: "حالة الثنائي" },
        Why => { fr: "Pourquoi", en: "Why", nl: "Waarom", ar: "لماذا" },
        MeetingsLast4Weeks => { fr: "Rencontres ces 4 dernières semaines", en: "Meetings in the last 4 weeks", nl: "Ontmoetingen de laatste 4 weken", ar: "اللقاءات في الأسابيع الأربعة الأخيرة" },
        MeetingsExpected => { fr: "{count} {count?rencontre|rencontres} en 4 semaines (environ 4 attendues)", en: "{count} {count?meeting|meetings} in 4 weeks (about 4 expected)", nl: "{count} {count?ontmoeting|ontmoetingen} in 4 weken (ongeveer 4 verwacht)", ar: "{count} لقاء خلال 4 أسابيع (المتوقع نحو 4)" },
        LastMeeting => { fr: "Dernière rencontre", en: "Last meeting", nl: "Laatste ontmoeting", ar: "آخر لقاء" },
        DaysAgo => { fr: "il y a {days} {days?jour|jours}", en: "{days} {days?day|days} ago", nl: "{days} {days?dag|dagen} geleden", ar: "قبل {days} يومًا" },
        Today => { fr: "aujourd'hui", en: "today", nl: "vandaag", ar: "اليوم" },
        LastMeetingToday => { fr: "dernière rencontre aujourd'hui", en: "last meeting today", nl: "laatste ontmoeting vandaag", ar: "آخر لقاء اليوم" },
        LastMeetingDaysAgo => { fr: "dernière rencontre il y a {days} {days?jour|jours}", en: "last meeting {days} {days?day|days} ago", nl: "laatste ontmoeting {days} {days?dag|dagen} geleden", ar: "آخر لقاء قبل {days} يومًا" },
        NoMeetingYet => { fr: "aucune rencontre signalée", en: "no meeting reported", nl: "geen ontmoeting gemeld", ar: "لم يُسجَّل أي لقاء" },
        SatisfactionTrend => { fr: "Évolution de la satisfaction", en: "Satisfaction trend", nl: "Evolutie van de tevredenheid", ar: "تطور الرضا" },
        TrendUp => { fr: "en hausse (+{delta})", en: "rising (+{delta})", nl: "stijgend (+{delta})", ar: "في ارتفاع (+{delta})" },
        TrendDown => { fr: "en baisse (−{delta})", en: "falling (−{delta})", nl: "dalend (−{delta})", ar: "في انخفاض (−{delta})" },
        TrendSteady => { fr: "stable", en: "steady", nl: "stabiel", ar: "مستقر" },
        TrendUnknown => { fr: "pas encore assez d'avis", en: "not enough ratings yet", nl: "nog niet genoeg beoordelingen", ar: "لا توجد تقييمات كافية بعد" },
        OverdueCall => { fr: "Appel de suivi en retard depuis le", en: "Follow-up call overdue since", nl: "Opvolgingsgesprek te laat sinds", ar: "مكالمة المتابعة متأخرة منذ" },
        CallOverdueSince => { fr: "appel de suivi en retard depuis le {date}", en: "follow-up call overdue since {date}", nl: "opvolgingsgesprek te laat sinds {date}", ar: "مكالمة المتابعة متأخرة منذ {date}" },
        FollowUpCalls => { fr: "Appels de suivi", en: "Follow-up calls", nl: "Opvolgingsgesprekken", ar: "مكالمات المتابعة" },
        FollowUpIntro => { fr: "Prévus à la confirmation du duo ; un appel en retard apparaît dans la santé du duo jusqu'à ce qu'il soit marqué comme fait.", en: "Planned when the duo was confirmed; an overdue call shows in the duo's health until it is marked done.", nl: "Gepland bij de bevestiging van het duo; een te laat gesprek verschijnt bij hoe het duo het doet, tot het als gedaan is gemarkeerd.", ar: "تُبرمج عند تأكيد الثنائي؛ وتظهر المكالمة المتأخرة في حالة الثنائي إلى أن تُسجَّل كمنجزة." },
        FollowUp2Weeks => { fr: "Après 2 semaines", en: "After 2 weeks", nl: "Na 2 weken", ar: "بعد أسبوعين" },
        FollowUp6Weeks => { fr: "Après 6 semaines", en: "After 6 weeks", nl: "Na 6 weken", ar: "بعد 6 أسابيع" },
        FollowUp3Months => { fr: "Après 3 mois", en: "After 3 months", nl: "Na 3 maanden", ar: "بعد 3 أشهر" },
        Upcoming => { fr: "à venir", en: "upcoming", nl: "gepland", ar: "قادم" },
        FollowUpExtra => { fr: "Appel supplémentaire", en: "Extra call", nl: "Extra gesprek", ar: "مكالمة إضافية" },
        DueOn => { fr: "prévu le {date}", en: "due {date}", nl: "gepland op {date}", ar: "موعدها {date}" },
        Overdue => { fr: "en retard", en: "overdue", nl: "te laat", ar: "متأخرة" },
        CallDone => { fr: "fait", en: "done", nl: "gedaan", ar: "تمت" },
        DoneOn => { fr: "le {date}", en: "on {date}", nl: "op {date}", ar: "في {date}" },
        DoneOnBy => { fr: "le {date} par {who}", en: "on {date} by {who}", nl: "op {date} door {who}", ar: "في {date} بواسطة {who}" },
        MarkDone => { fr: "Marquer l'appel comme fait", en: "Mark the call done", nl: "Gesprek als gedaan markeren", ar: "تسجيل المكالمة كمنجزة" },
        CallMarkedDone => { fr: "Appel de suivi enregistré.", en: "Follow-up call recorded.", nl: "Opvolgingsgesprek geregistreerd.", ar: "تم تسجيل مكالمة المتابعة." },
        NoFollowUps => { fr: "Aucun appel prévu.", en: "No call planned.", nl: "Geen gesprek gepland.", ar: "لا توجد مكالمة مبرمجة." },
        CallPlanned => { fr: "Appel planifié.", en: "Call planned.", nl: "Gesprek gepland.", ar: "تمت برمجة المكالمة." },
        CallDate => { fr: "Date de l'appel", en: "Date of the call", nl: "Datum van het gesprek", ar: "تاريخ المكالمة" },
        CallNotes => { fr: "Ce qui en est ressorti", en: "What came out of it", nl: "Wat eruit kwam", ar: "ما نتج عنها" },
        CallNotesHint => { fr: "Facultatif. Pas d'informations sensibles.", en: "Optional. No sensitive information.", nl: "Optioneel. Geen gevoelige informatie.", ar: "اختياري. دون معلومات حساسة." },
        SaveCallDone => { fr: "Enregistrer l'appel", en: "Record the call", nl: "Gesprek registreren", ar: "تسجيل المكالمة" },
        PlanCall => { fr: "Planifier un autre appel", en: "Plan another call", nl: "Nog een gesprek plannen", ar: "برمجة مكالمة أخرى" },
        CallDueOn => { fr: "Date prévue", en: "Due date", nl: "Geplande datum", ar: "التاريخ المقرر" },
        CallPlanNotes => { fr: "Note (facultative)", en: "Note (optional)", nl: "Notitie (optioneel)", ar: "ملاحظة (اختيارية)" },
        SavePlanCall => { fr: "Planifier l'appel", en: "Plan the call", nl: "Gesprek plannen", ar: "برمجة المكالمة" },
        StepResumed => { fr: "Repris après la pause", en: "Resumed after the pause", nl: "Hervat na de pauze", ar: "استُؤنف بعد التوقف" },
        // ---- trial-meeting feedback
        TrialFeedback => { fr: "Avis après la rencontre d'essai", en: "Feedback after the trial meeting", nl: "Feedback na de kennismaking", ar: "الآراء بعد لقاء التجربة" },
        TrialFeedbackIntro => { fr: "Chaque personne dit si elle veut continuer ; la coordination décide ensuite de confirmer ou non.", en: "Each person says whether they want to continue; the coordinator then decides whether to confirm.", nl: "Elke persoon zegt of die wil doorgaan; daarna beslist de coördinatie of het duo bevestigd wordt.", ar: "يقول كل شخص إن كان يرغب في الاستمرار؛ ثم يقرر المنسق التأكيد أو لا." },
        FeedbackOfNewcomer => { fr: "Personne primo-arrivante", en: "Newcomer", nl: "Nieuwkomer", ar: "الوافد الجديد" },
        FeedbackOfLocal => { fr: "Personne habitante", en: "Local resident", nl: "Buurtbewoner", ar: "المقيم المحلي" },
        NoFeedbackYet => { fr: "Pas encore d'avis enregistré.", en: "No feedback recorded yet.", nl: "Nog geen feedback geregistreerd.", ar: "لم يُسجَّل أي رأي بعد." },
        FeedbackSaved => { fr: "Avis enregistré.", en: "Feedback recorded.", nl: "Feedback geregistreerd.", ar: "تم تسجيل الرأي." },
        RecordFeedback => { fr: "Enregistrer son avis", en: "Record their feedback", nl: "Feedback registreren", ar: "تسجيل رأيه" },
        ChangeFeedback => { fr: "Modifier son avis", en: "Change their feedback", nl: "Feedback wijzigen", ar: "تعديل رأيه" },
        WantsToContinue => { fr: "Veut continuer le duo ?", en: "Wants to continue the duo?", nl: "Wil het duo voortzetten?", ar: "هل يرغب في مواصلة الثنائي؟" },
        WishYes => { fr: "Veut continuer", en: "Wants to continue", nl: "Wil doorgaan", ar: "يرغب في الاستمرار" },
        WishNo => { fr: "Ne veut pas continuer", en: "Does not want to continue", nl: "Wil niet doorgaan", ar: "لا يرغب في الاستمرار" },
        WishUnsure => { fr: "Hésite", en: "Unsure", nl: "Twijfelt", ar: "متردد" },
        HowItWent => { fr: "Comment s'est passée la rencontre", en: "How the meeting went", nl: "Hoe de ontmoeting verliep", ar: "كيف جرى اللقاء" },
        Rating1 => { fr: "1 — mal", en: "1 — badly", nl: "1 — slecht", ar: "1 — سيئ" },
        Rating2 => { fr: "2 — plutôt mal", en: "2 — rather badly", nl: "2 — eerder slecht", ar: "2 — سيئ نوعًا ما" },
        Rating3 => { fr: "3 — moyennement", en: "3 — so-so", nl: "3 — matig", ar: "3 — متوسط" },
        Rating4 => { fr: "4 — bien", en: "4 — well", nl: "4 — goed", ar: "4 — جيد" },
        Rating5 => { fr: "5 — très bien", en: "5 — very well", nl: "5 — zeer goed", ar: "5 — جيد جدًا" },
        RatingIs => { fr: "rencontre : {rating}/5", en: "meeting: {rating}/5", nl: "ontmoeting: {rating}/5", ar: "اللقاء: {rating}/5" },
        FeedbackDate => { fr: "Date de l'avis", en: "Date given", nl: "Datum van de feedback", ar: "تاريخ الرأي" },
        GivenOn => { fr: "donné le {date}", en: "given on {date}", nl: "gegeven op {date}", ar: "أُعطي في {date}" },
        SaveFeedback => { fr: "Enregistrer l'avis", en: "Save the feedback", nl: "Feedback opslaan", ar: "حفظ الرأي" },
        ChooseOne => { fr: "— choisir —", en: "— choose —", nl: "— kiezen —", ar: "— اختر —" },
        BothWantToContinue => { fr: "Les deux veulent continuer : vous pouvez confirmer le duo.", en: "Both want to continue: you can confirm the duo.", nl: "Beiden willen doorgaan: u kunt het duo bevestigen.", ar: "كلاهما يرغب في الاستمرار: يمكنك تأكيد الثنائي." },
        SomeoneHesitates => { fr: "Une personne hésite : parlez-en avant de confirmer.", en: "Someone is unsure: talk it through before confirming.", nl: "Iemand twijfelt: bespreek het vóór u bevestigt.", ar: "أحدهما متردد: ناقشا الأمر قبل التأكيد." },
        SomeoneDoesNotWant => { fr: "Une personne ne veut pas continuer.", en: "Someone does not want to continue.", nl: "Iemand wil niet doorgaan.", ar: "أحدهما لا يرغب في الاستمرار." },
        FeedbackMissing => { fr: "L'avis des deux personnes n'est pas encore enregistré.", en: "Both people's feedback is not recorded yet.", nl: "De feedback van beide personen is nog niet geregistreerd.", ar: "لم يُسجَّل رأي الشخصين بعد." },

        // ---- self-assessments
        SelfAssessments => { fr: "Auto-évaluations", en: "Self-assessments", nl: "Zelfevaluaties", ar: "التقييمات الذاتية" },
        SelfAssessmentsIntro => { fr: "Au début et à la fin du duo, chaque personne répond à ses propres questions ; les rapports ne les utilisent qu'en agrégé.", en: "At the start and at the end of the duo, each person answers their own questions; reports use them only in aggregate.", nl: "Bij het begin en het einde van het duo beantwoordt elke persoon de eigen vragen; rapporten gebruiken ze alleen samengevoegd.", ar: "في بداية الثنائي ونهايته، يجيب كل شخص عن أسئلته؛ ولا تُستخدم في التقارير إلا بشكل إجمالي." },
        PhaseBefore => { fr: "Au début", en: "At the start", nl: "Bij het begin", ar: "في البداية" },
        PhaseAfter => { fr: "À la fin", en: "At the end", nl: "Aan het einde", ar: "في النهاية" },
        Question => { fr: "Question", en: "Item", nl: "Vraag", ar: "السؤال" },
        FrenchConfidence => { fr: "Aisance pour parler français (1 à 5)", en: "Confidence speaking French (1 to 5)", nl: "Zelfvertrouwen bij het Frans spreken (1 tot 5)", ar: "الثقة في التحدث بالفرنسية (1 إلى 5)" },
        HelpContacts => { fr: "Personnes à qui demander de l'aide", en: "People they can ask for help", nl: "Mensen die ze om hulp kunnen vragen", ar: "الأشخاص الذين يمكنه طلب المساعدة منهم" },
        HelpContactsHint => { fr: "Un nombre, de 0 à 100.", en: "A number, from 0 to 100.", nl: "Een getal, van 0 tot 100.", ar: "عدد من 0 إلى 100." },
        InterculturalUnderstanding => { fr: "Compréhension interculturelle (1 à 5)", en: "Intercultural understanding (1 to 5)", nl: "Intercultureel begrip (1 tot 5)", ar: "الفهم بين الثقافات (1 إلى 5)" },
        Learnt => { fr: "Ce qu'elle ou il a appris", en: "What they learnt", nl: "Wat ze geleerd hebben", ar: "ما تعلّمه" },
        Scale1 => { fr: "1 — pas du tout", en: "1 — not at all", nl: "1 — helemaal niet", ar: "1 — إطلاقًا" },
        Scale2 => { fr: "2 — un peu", en: "2 — a little", nl: "2 — een beetje", ar: "2 — قليلًا" },
        Scale3 => { fr: "3 — moyennement", en: "3 — somewhat", nl: "3 — matig", ar: "3 — متوسط" },
        Scale4 => { fr: "4 — assez bien", en: "4 — fairly well", nl: "4 — vrij goed", ar: "4 — جيد نوعًا ما" },
        Scale5 => { fr: "5 — tout à fait", en: "5 — completely", nl: "5 — helemaal", ar: "5 — تمامًا" },
        RecordAssessment => { fr: "Enregistrer une auto-évaluation", en: "Record a self-assessment", nl: "Een zelfevaluatie registreren", ar: "تسجيل تقييم ذاتي" },
        Whose => { fr: "De qui", en: "Whose", nl: "Van wie", ar: "لمن" },
        When => { fr: "Quand", en: "When", nl: "Wanneer", ar: "متى" },
        AssessedOn => { fr: "Date des réponses", en: "Date answered", nl: "Datum van de antwoorden", ar: "تاريخ الإجابات" },
        SaveAssessment => { fr: "Enregistrer les réponses", en: "Save the answers", nl: "Antwoorden opslaan", ar: "حفظ الإجابات" },
        AssessmentSaved => { fr: "Auto-évaluation enregistrée.", en: "Self-assessment recorded.", nl: "Zelfevaluatie geregistreerd.", ar: "تم تسجيل التقييم الذاتي." },
        StepBy => { fr: "par {who}", en: "by {who}", nl: "door {who}", ar: "بواسطة {who}" },
        CheckIns => { fr: "Rencontres signalées", en: "Check-ins", nl: "Gemelde ontmoetingen", ar: "اللقاءات المسجلة" },
        NoCheckIns => { fr: "Aucune rencontre signalée pour l'instant.", en: "No check-in yet.", nl: "Nog geen ontmoeting gemeld.", ar: "لم يُسجَّل أي لقاء بعد." },
        AddCheckIn => { fr: "Signaler une rencontre", en: "Add a check-in", nl: "Een ontmoeting melden", ar: "تسجيل لقاء" },
        MetOn => { fr: "Date de la rencontre", en: "Date of the meeting", nl: "Datum van de ontmoeting", ar: "تاريخ اللقاء" },
        DurationMinutes => { fr: "Durée (minutes)", en: "Duration (minutes)", nl: "Duur (minuten)", ar: "المدة (بالدقائق)" },
        WhatTheyDid => { fr: "Ce qu'ils ont fait", en: "What they did", nl: "Wat ze gedaan hebben", ar: "ما قاما به" },
        WhatTheyDidHint => { fr: "Par exemple : café et conversation, marché de la Batte.", en: "For example: coffee and a chat, the Batte market.", nl: "Bijvoorbeeld: koffie en een babbel, de markt van la Batte.", ar: "مثلًا: قهوة ودردشة، سوق لاباط." },
        ReportedBy => { fr: "Signalée par", en: "Reported by", nl: "Gemeld door", ar: "أبلغ عنه" },
        SatisfactionNewcomer => { fr: "Satisfaction de la personne primo-arrivante", en: "Newcomer's satisfaction", nl: "Tevredenheid van de nieuwkomer", ar: "رضا الوافد الجديد" },
        SatisfactionLocal => { fr: "Satisfaction de la personne habitante", en: "Local resident's satisfaction", nl: "Tevredenheid van de buurtbewoner", ar: "رضا المقيم المحلي" },
        NotRated => { fr: "Pas d'avis", en: "Not rated", nl: "Geen beoordeling", ar: "بدون تقييم" },
        Satisfaction1 => { fr: "1 — pas du tout satisfait·e", en: "1 — not at all satisfied", nl: "1 — helemaal niet tevreden", ar: "1 — غير راضٍ إطلاقًا" },
        Satisfaction2 => { fr: "2 — peu satisfait·e", en: "2 — not very satisfied", nl: "2 — weinig tevreden", ar: "2 — قليل الرضا" },
        Satisfaction3 => { fr: "3 — moyennement", en: "3 — so-so", nl: "3 — matig", ar: "3 — متوسط" },
        Satisfaction4 => { fr: "4 — satisfait·e", en: "4 — satisfied", nl: "4 — tevreden", ar: "4 — راضٍ" },
        Satisfaction5 => { fr: "5 — très satisfait·e", en: "5 — very satisfied", nl: "5 — zeer tevreden", ar: "5 — راضٍ جدًا" },
        Notes => { fr: "Notes", en: "Notes", nl: "Notities", ar: "ملاحظات" },
        SaveCheckIn => { fr: "Enregistrer la rencontre", en: "Save the check-in", nl: "Ontmoeting opslaan", ar: "حفظ اللقاء" },
        CheckInAdded => { fr: "Rencontre enregistrée.", en: "Check-in saved.", nl: "Ontmoeting opgeslagen.", ar: "تم حفظ اللقاء." },
        Minutes => { fr: "{minutes} min", en: "{minutes} min", nl: "{minutes} min", ar: "{minutes} دقيقة" },
        ReportedByIs => { fr: "signalée par : {who}", en: "reported by: {who}", nl: "gemeld door: {who}", ar: "أبلغ عنه: {who}" },
        SatisfactionNewcomerIs => { fr: "primo-arrivant·e {score}/5", en: "newcomer {score}/5", nl: "nieuwkomer {score}/5", ar: "الوافد {score}/5" },
        SatisfactionLocalIs => { fr: "habitant·e {score}/5", en: "local {score}/5", nl: "buurtbewoner {score}/5", ar: "المقيم {score}/5" },

        // ---- attention
        AttentionTitle => { fr: "Duos à appeler", en: "Duos to call", nl: "Te bellen duo's", ar: "ثنائيات يجب الاتصال بها" },
        AttentionIntro => { fr: "Les duos actifs qui ont besoin d'un appel d'abord, avec la raison.", en: "Active duos that need a call first, with the reason.", nl: "Actieve duo's die een telefoontje nodig hebben eerst, met de reden.", ar: "الثنائيات النشطة التي تحتاج إلى اتصال أولًا، مع السبب." },
        NeedAttention => { fr: "À appeler cette semaine", en: "Call this week", nl: "Deze week bellen", ar: "اتصل هذا الأسبوع" },
        NobodyNeedsAttention => { fr: "Aucun duo n'a besoin d'un appel urgent.", en: "No duo needs an urgent call.", nl: "Geen enkel duo heeft een dringend telefoontje nodig.", ar: "لا يحتاج أي ثنائي إلى اتصال عاجل." },
        ToWatch => { fr: "À surveiller", en: "To watch", nl: "In de gaten houden", ar: "يحتاج متابعة" },
        NothingToWatch => { fr: "Rien à surveiller.", en: "Nothing to watch.", nl: "Niets in de gaten te houden.", ar: "لا شيء يحتاج متابعة." },
        DoingWell => { fr: "Tout va bien", en: "Doing well", nl: "Gaat goed", ar: "بخير" },

        // ---- settings
        SettingsTitle => { fr: "Pondérations de l'appariement", en: "Matching weights", nl: "Gewichten van de koppeling", ar: "أوزان المطابقة" },
        SettingsIntro => { fr: "Le poids de chaque critère dans le score, et le seuil sous lequel l'appariement global ne propose pas une paire.", en: "How much each criterion counts in the score, and the threshold below which the batch proposes no pair.", nl: "Hoeveel elk criterium meetelt in de score, en de drempel waaronder de globale koppeling geen paar voorstelt.", ar: "وزن كل معيار في النتيجة، والحد الأدنى الذي لا تقترح المطابقة الشاملة دونه أي ثنائي." },
        Weights => { fr: "Poids des critères", en: "Weights of the criteria", nl: "Gewichten van de criteria", ar: "أوزان المعايير" },
        WeightsVersionN => { fr: "Version {version}", en: "Version {version}", nl: "Versie {version}", ar: "الإصدار {version}" },
        CommunesTitle => { fr: "Communes et voisinages", en: "Communes and neighbours", nl: "Gemeenten en buren", ar: "البلديات والجوار" },
        CommunesIntro => { fr: "Le rayon de déplacement des candidatures (même commune, communes voisines) et la distance se calculent avec cette liste.", en: "The travel range of candidacies (same commune, neighbouring communes) and the distance are measured with this list.", nl: "De verplaatsingsafstand van kandidaturen (zelfde gemeente, naburige gemeenten) en de afstand worden met deze lijst berekend.", ar: "يُحسب نطاق التنقل للمرشحين (نفس البلدية، البلديات المجاورة) والمسافة بهذه القائمة." },
        CommuneColumn => { fr: "Commune", en: "Commune", nl: "Gemeente", ar: "البلدية" },
        NeighboursColumn => { fr: "Communes voisines", en: "Neighbouring communes", nl: "Naburige gemeenten", ar: "البلديات المجاورة" },
        NoNeighbours => { fr: "Aucune", en: "None", nl: "Geen", ar: "لا شيء" },
        CommuneToEdit => { fr: "Commune à modifier", en: "Commune to change", nl: "Te wijzigen gemeente", ar: "البلدية المراد تعديلها" },
        NewCommune => { fr: "Nouvelle commune", en: "New commune", nl: "Nieuwe gemeente", ar: "بلدية جديدة" },
        CommuneId => { fr: "Identifiant", en: "Identifier", nl: "Identificatie", ar: "المعرّف" },
        CommuneIdHint => { fr: "Minuscules, chiffres et tirets, par ex. « oupeye ». Il ne change plus ensuite.", en: "Lower-case letters, digits and dashes, e.g. “oupeye”. It cannot change afterwards.", nl: "Kleine letters, cijfers en streepjes, bv. „oupeye”. Het verandert daarna niet meer.", ar: "أحرف صغيرة وأرقام وشرطات، مثل «oupeye». لا يتغير بعد ذلك." },
        CommuneName => { fr: "Nom", en: "Name", nl: "Naam", ar: "الاسم" },
        Latitude => { fr: "Latitude", en: "Latitude", nl: "Breedtegraad", ar: "خط العرض" },
        Longitude => { fr: "Longitude", en: "Longitude", nl: "Lengtegraad", ar: "خط الطول" },
        NeighboursHint => { fr: "Un lien vaut dans les deux sens.", en: "A link holds both ways.", nl: "Een link geldt in beide richtingen.", ar: "الرابط صالح في الاتجاهين." },
        SaveCommune => { fr: "Enregistrer la commune", en: "Save the commune", nl: "Gemeente opslaan", ar: "حفظ البلدية" },
        CommuneSaved => { fr: "Commune enregistrée : {name}.", en: "Commune saved: {name}.", nl: "Gemeente opgeslagen: {name}.", ar: "تم حفظ البلدية: {name}." },
        WeightHint => { fr: "De 0 (ignoré) à 10.", en: "From 0 (ignored) to 10.", nl: "Van 0 (genegeerd) tot 10.", ar: "من 0 (مُهمل) إلى 10." },
        WeightRange => { fr: "Un nombre de 0 à 10.", en: "A number from 0 to 10.", nl: "Een getal van 0 tot 10.", ar: "رقم من 0 إلى 10." },
        ThresholdHint => { fr: "Score minimum (sur 100) d'une paire proposée par l'appariement global.", en: "Lowest score (out of 100) of a pair the batch proposes.", nl: "Laagste score (op 100) van een paar dat de globale koppeling voorstelt.", ar: "أدنى نتيجة (من 100) لثنائي تقترحه المطابقة الشاملة." },
        ThresholdRange => { fr: "Un nombre de 0 à 100.", en: "A number from 0 to 100.", nl: "Een getal van 0 tot 100.", ar: "رقم من 0 إلى 100." },
        NewVersionNote => { fr: "Enregistrer crée une nouvelle version ; chaque proposition garde la version qui l'a produite.", en: "Saving creates a new version; each proposal keeps the version that produced it.", nl: "Opslaan maakt een nieuwe versie; elk voorstel bewaart de versie die het opleverde.", ar: "الحفظ يُنشئ إصدارًا جديدًا؛ ويحتفظ كل اقتراح بالإصدار الذي أنتجه." },
        SaveWeights => { fr: "Enregistrer les pondérations", en: "Save the weights", nl: "Gewichten opslaan", ar: "حفظ الأوزان" },
        SettingsSaved => { fr: "Pondérations enregistrées (version {version}).", en: "Weights saved (version {version}).", nl: "Gewichten opgeslagen (versie {version}).", ar: "تم حفظ الأوزان (الإصدار {version})." },
        OnlyAdminsChange => { fr: "Seule l'administration peut modifier les pondérations.", en: "Only administrators can change the weights.", nl: "Alleen beheerders kunnen de gewichten wijzigen.", ar: "يمكن للمسؤولين فقط تعديل الأوزان." },
    }
}

/// The catalogue key naming a candidacy's state.
pub fn candidacy_status_key(s: CandidacyStatus) -> DuoKey {
    match s {
        CandidacyStatus::ToComplete => DuoKey::CandToComplete,
        CandidacyStatus::Waiting => DuoKey::CandWaiting,
        CandidacyStatus::Proposed => DuoKey::CandProposed,
        CandidacyStatus::Matched => DuoKey::CandMatched,
        CandidacyStatus::Withdrawn => DuoKey::CandWithdrawn,
    }
}

/// The catalogue key naming a duo's state.
pub fn duo_status_key(s: DuoStatus) -> DuoKey {
    match s {
        DuoStatus::Proposed => DuoKey::DuoProposed,
        DuoStatus::Introduced => DuoKey::DuoIntroduced,
        DuoStatus::Active => DuoKey::DuoActive,
        DuoStatus::Paused => DuoKey::DuoPaused,
        DuoStatus::Ended => DuoKey::DuoEnded,
        DuoStatus::Declined => DuoKey::DuoDeclined,
    }
}

/// The catalogue key naming a travel range.
pub fn travel_key(t: TravelRange) -> DuoKey {
    match t {
        TravelRange::SameCommune => DuoKey::TravelSameCommune,
        TravelRange::Neighbours => DuoKey::TravelNeighbours,
        TravelRange::Anywhere => DuoKey::TravelAnywhere,
    }
}

/// The catalogue key naming a gender.
pub fn gender_key(g: GenderIdentity) -> DuoKey {
    match g {
        GenderIdentity::Woman => DuoKey::GenderWoman,
        GenderIdentity::Man => DuoKey::GenderMan,
        GenderIdentity::Other => DuoKey::GenderOther,
    }
}

/// The catalogue key naming a hope.
pub fn hope_key(h: Hope) -> DuoKey {
    match h {
        Hope::Conversation => DuoKey::HopeConversation,
        Hope::Outings => DuoKey::HopeOutings,
        Hope::Sport => DuoKey::HopeSport,
        Hope::Culture => DuoKey::HopeCulture,
        Hope::DailyLife => DuoKey::HopeDailyLife,
    }
}

/// The catalogue key naming how a duo ended.
pub fn outcome_key(o: DuoOutcome) -> DuoKey {
    match o {
        DuoOutcome::Good => DuoKey::OutcomeGood,
        DuoOutcome::Neutral => DuoKey::OutcomeNeutral,
        DuoOutcome::Bad => DuoKey::OutcomeBad,
    }
}

/// The catalogue key naming who reported a check-in.
pub fn reporter_key(r: Reporter) -> DuoKey {
    match r {
        Reporter::Newcomer => DuoKey::ReporterNewcomer,
        Reporter::Local => DuoKey::ReporterLocal,
        Reporter::Coordinator => DuoKey::ReporterCoordinator,
    }
}

/// The catalogue key naming a health level.
pub fn health_key(l: HealthLevel) -> DuoKey {
    match l {
        HealthLevel::Good => DuoKey::HealthGood,
        HealthLevel::Watch => DuoKey::HealthWatch,
        HealthLevel::Attention => DuoKey::HealthAttention,
    }
}

/// Why a pair is never proposed.
pub fn block_reason_key(r: BlockReason) -> DuoKey {
    match r {
        BlockReason::Coordinator => DuoKey::BlockReasonCoordinator,
        BlockReason::Declined => DuoKey::BlockReasonDeclined,
        BlockReason::EndedBadly => DuoKey::BlockReasonEndedBadly,
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
            DuoKey::ALL,
            &[
                // Numbers, units and names that read the same in these languages.
                DuoKey::ScoreOutOf,
                DuoKey::Minutes,
                DuoKey::DuoTitle,
                DuoKey::HopeSport,
                DuoKey::WeightsVersionN,
            ],
            // Words English shares with French: Conversation, Culture, Notes, Commune,
            // Latitude, Longitude.
            6,
        );
    }

    #[test]
    fn every_state_and_choice_has_a_name() {
        for &s in CandidacyStatus::ALL {
            assert!(!t(Lang::Ar, candidacy_status_key(s)).is_empty());
        }
        let names: std::collections::HashSet<&str> = DuoStatus::ALL
            .iter()
            .map(|&s| t(Lang::En, duo_status_key(s)))
            .collect();
        assert_eq!(
            names.len(),
            DuoStatus::ALL.len(),
            "each state has its own name"
        );
        assert_eq!(
            t(Lang::Nl, health_key(HealthLevel::Attention)),
            "Deze week bellen"
        );
        assert_eq!(
            t(Lang::Fr, travel_key(TravelRange::Neighbours)),
            "Communes voisines"
        );
        for &h in Hope::ALL {
            assert!(!t(Lang::Nl, hope_key(h)).is_empty());
        }
        for &o in DuoOutcome::ALL {
            assert!(!t(Lang::Ar, outcome_key(o)).is_empty());
        }
        for &r in Reporter::ALL {
            assert!(!t(Lang::En, reporter_key(r)).is_empty());
        }
        for &g in GenderIdentity::ALL {
            assert!(!t(Lang::Fr, gender_key(g)).is_empty());
        }
    }
}
