//! The impact reports: the period picker, the programmes' indicators, their charts and tables,
//! the downloads and the funders' yearly report.

use shared::reports::ReportGroup;

use crate::i18n::vocabulary::VocabKey;
use crate::i18n::Text;

crate::catalogue! {
    /// Messages of the reports page and the yearly report.
    pub enum RepKey {
        NavReports => { fr: "Rapports", en: "Reports", nl: "Rapporten", ar: "التقارير" },
        Title => { fr: "Rapports d'impact", en: "Impact reports", nl: "Impactrapporten", ar: "تقارير الأثر" },
        Intro => {
            fr: "Les chiffres de chaque programme sur la période choisie (jours de Bruxelles). Les petits nombres sont masqués pour protéger les personnes.",
            en: "Each programme's figures over the chosen period (Brussels days). Small numbers are hidden to protect people.",
            nl: "De cijfers van elk programma over de gekozen periode (Brusselse dagen). Kleine aantallen worden verborgen om mensen te beschermen.",
            ar: "أرقام كل برنامج خلال الفترة المختارة (بتوقيت بروكسل). تُخفى الأعداد الصغيرة لحماية الأشخاص.",
        },
        Period => { fr: "Période", en: "Period", nl: "Periode", ar: "الفترة" },
        PeriodKind => { fr: "Type de période", en: "Kind of period", nl: "Soort periode", ar: "نوع الفترة" },
        KindMonth => { fr: "Un mois", en: "A month", nl: "Een maand", ar: "شهر" },
        KindQuarter => { fr: "Un trimestre", en: "A quarter", nl: "Een kwartaal", ar: "ربع سنة" },
        KindYear => { fr: "Une année", en: "A year", nl: "Een jaar", ar: "سنة" },
        KindCustom => { fr: "Dates au choix", en: "Custom dates", nl: "Eigen data", ar: "تواريخ مختارة" },
        Year => { fr: "Année", en: "Year", nl: "Jaar", ar: "السنة" },
        Month => { fr: "Mois", en: "Month", nl: "Maand", ar: "الشهر" },
        Quarter => { fr: "Trimestre", en: "Quarter", nl: "Kwartaal", ar: "الربع" },
        QuarterN => { fr: "Trimestre {n}", en: "Quarter {n}", nl: "Kwartaal {n}", ar: "الربع {n}" },
        From => { fr: "Du", en: "From", nl: "Van", ar: "من" },
        To => { fr: "Au", en: "To", nl: "Tot en met", ar: "إلى" },
        Show => { fr: "Afficher", en: "Show", nl: "Tonen", ar: "اعرض" },
        PeriodShown => { fr: "Du {from} au {to}", en: "From {from} to {to}", nl: "Van {from} tot en met {to}", ar: "من {from} إلى {to}" },
        Programmes => { fr: "Programmes", en: "Programmes", nl: "Programma's", ar: "البرامج" },
        Everyone => { fr: "Tout le monde", en: "Everyone", nl: "Iedereen", ar: "الجميع" },
        KeyFigures => { fr: "Chiffres clés", en: "Key figures", nl: "Kerncijfers", ar: "أرقام أساسية" },
        Breakdowns => { fr: "En détail", en: "In detail", nl: "In detail", ar: "بالتفصيل" },
        SuppressedShort => { fr: "< 5", en: "< 5", nl: "< 5", ar: "< 5" },
        SuppressedSr => { fr: "(masqué)", en: "(hidden)", nl: "(verborgen)", ar: "(مخفي)" },
        SuppressedNote => {
            fr: "« < 5 » : chiffre masqué. Il compte moins de 5 personnes, ou il est masqué pour qu'un petit chiffre ne puisse pas être recalculé à partir des totaux. Ainsi, personne ne peut être reconnu·e.",
            en: "“< 5”: a hidden figure. It counts fewer than 5 people, or it is hidden so that a small figure cannot be worked out from the totals. That way nobody can be recognised.",
            nl: "“< 5”: een verborgen cijfer. Het telt minder dan 5 personen, of het is verborgen zodat een klein cijfer niet uit de totalen kan worden afgeleid. Zo kan niemand herkend worden.",
            ar: "«‎< 5‎»: رقم مخفي. يعدّ أقل من 5 أشخاص، أو أُخفي حتى لا يمكن حساب رقم صغير انطلاقًا من المجاميع. هكذا لا يمكن التعرّف على أي شخص.",
        },
        DataTable => { fr: "Voir le tableau des données", en: "See the data table", nl: "De gegevenstabel bekijken", ar: "عرض جدول البيانات" },
        ColItem => { fr: "Catégorie", en: "Category", nl: "Categorie", ar: "الفئة" },
        ColValue => { fr: "Valeur", en: "Value", nl: "Waarde", ar: "القيمة" },
        ColShare => { fr: "Part", en: "Share", nl: "Aandeel", ar: "النسبة" },
        Total => { fr: "Total", en: "Total", nl: "Totaal", ar: "المجموع" },
        ChartOf => {
            fr: "Graphique : {title}. Les chiffres sont dans le tableau des données.",
            en: "Chart: {title}. The figures are in the data table.",
            nl: "Grafiek: {title}. De cijfers staan in de gegevenstabel.",
            ar: "رسم بياني: {title}. الأرقام في جدول البيانات.",
        },
        ChartHidden => {
            fr: "Pas de graphique : les chiffres de ce tableau sont masqués.",
            en: "No chart: the figures of this table are hidden.",
            nl: "Geen grafiek: de cijfers van deze tabel zijn verborgen.",
            ar: "لا يوجد رسم بياني: أرقام هذا الجدول مخفية.",
        },
        NothingYet => {
            fr: "Rien à compter pour cette période : essayez une période plus longue.",
            en: "Nothing to count for this period: try a longer one.",
            nl: "Niets te tellen voor deze periode: probeer een langere.",
            ar: "لا شيء يُحسب في هذه الفترة: جرّب فترة أطول.",
        },
        Downloads => { fr: "Télécharger", en: "Download", nl: "Downloaden", ar: "تنزيل" },
        DownloadCsv => { fr: "CSV", en: "CSV", nl: "CSV", ar: "CSV" },
        DownloadCsvExcel => { fr: "CSV pour Excel (;)", en: "CSV for Excel (;)", nl: "CSV voor Excel (;)", ar: "CSV لبرنامج Excel (;)" },
        DownloadXlsx => { fr: "Classeur XLSX", en: "XLSX workbook", nl: "XLSX-werkmap", ar: "مصنف XLSX" },
        Downloaded => { fr: "Le fichier a été téléchargé.", en: "The file has been downloaded.", nl: "Het bestand is gedownload.", ar: "تم تنزيل الملف." },
        YearlyLink => { fr: "Rapport annuel pour les bailleurs", en: "Yearly report for funders", nl: "Jaarverslag voor de financiers", ar: "التقرير السنوي للممولين" },
        YearlyTitle => { fr: "Rapport annuel {year}", en: "Yearly report {year}", nl: "Jaarverslag {year}", ar: "التقرير السنوي {year}" },
        YearlySubtitle => { fr: "L'impact des programmes d'Interra", en: "The impact of Interra's programmes", nl: "De impact van de programma's van Interra", ar: "أثر برامج إنتيرا" },
        YearlyIntro => {
            fr: "Chiffres de l'année civile, établis à partir des présences, des duos et des accompagnements enregistrés. Chaque personne n'est comptée qu'une fois par tableau.",
            en: "Figures of the calendar year, from the attendance, duos and accompaniment recorded. Each person counts once per table.",
            nl: "Cijfers van het kalenderjaar, op basis van de geregistreerde aanwezigheden, duo's en begeleidingen. Elke persoon telt één keer per tabel.",
            ar: "أرقام السنة الميلادية، مستخرجة من الحضور والثنائيات والمرافقة المسجلة. يُحسب كل شخص مرة واحدة في كل جدول.",
        },
        Print => { fr: "Imprimer", en: "Print", nl: "Afdrukken", ar: "اطبع" },
        GeneratedOn => { fr: "Établi le {date}", en: "Produced on {date}", nl: "Opgemaakt op {date}", ar: "أُعدّ في {date}" },
        BackToReports => { fr: "Retour aux rapports", en: "Back to the reports", nl: "Terug naar de rapporten", ar: "العودة إلى التقارير" },
        Trend => { fr: "Personnes touchées, mois par mois", en: "People reached, month by month", nl: "Bereikte personen, maand per maand", ar: "الأشخاص الذين تم الوصول إليهم، شهرًا بشهر" },
        ReportsForbidden => {
            fr: "Les rapports sont réservés aux coordinateur·ices et aux admins.",
            en: "Reports are for coordinators and admins.",
            nl: "Rapporten zijn voorbehouden aan coördinatoren en beheerders.",
            ar: "التقارير مخصصة للمنسقين والمسؤولين.",
        },

        Fsessions => { fr: "Séances tenues", en: "Sessions held", nl: "Gehouden sessies", ar: "الجلسات المنعقدة" },
        FmixSessions => { fr: "Séances avec un objectif de mixité", en: "Sessions with a mix target", nl: "Sessies met een mixdoel", ar: "جلسات لها هدف تنوع" },
        Treached => { fr: "Personnes touchées", en: "People reached", nl: "Bereikte personen", ar: "الأشخاص الذين تم الوصول إليهم" },
        TreachedByCategory => { fr: "Primo-arrivant·es et habitant·es", en: "Newcomers and local residents", nl: "Nieuwkomers en lokale inwoners", ar: "الوافدون الجدد والمقيمون" },
        TreachedNewOrReturning => { fr: "Nouvelles personnes ou qui reviennent", en: "New or returning people", nl: "Nieuwe of terugkerende personen", ar: "أشخاص جدد أو عائدون" },
        TreachedByAge => { fr: "Par âge", en: "By age", nl: "Per leeftijd", ar: "حسب العمر" },
        TreachedByGender => { fr: "Par genre", en: "By gender", nl: "Per gender", ar: "حسب الجنس" },
        TreachedByCommune => { fr: "Par commune", en: "By municipality", nl: "Per gemeente", ar: "حسب البلدية" },
        TreachedByOrigin => { fr: "Par région d'origine", en: "By region of origin", nl: "Per regio van herkomst", ar: "حسب منطقة الأصل" },
        TreachedByLanguage => { fr: "Par langue parlée (une personne peut en parler plusieurs)", en: "By language spoken (a person may speak several)", nl: "Per gesproken taal (iemand kan er meerdere spreken)", ar: "حسب اللغة المستعملة (قد يتكلم الشخص عدة لغات)" },
        TworkshopsHeld => { fr: "Ateliers tenus", en: "Workshops held", nl: "Gehouden workshops", ar: "الورشات المنعقدة" },
        TsessionsByHost => { fr: "Séances, selon qui les anime", en: "Sessions, by who leads them", nl: "Sessies, volgens wie ze leidt", ar: "الجلسات حسب من ينشطها" },
        Tparticipants => { fr: "Participant·es", en: "Participants", nl: "Deelnemers", ar: "المشاركون" },
        TparticipantsByCategory => { fr: "Participant·es : primo-arrivant·es et habitant·es", en: "Participants: newcomers and local residents", nl: "Deelnemers: nieuwkomers en lokale inwoners", ar: "المشاركون: الوافدون الجدد والمقيمون" },
        TparticipantHours => { fr: "Heures de participation", en: "Participant-hours", nl: "Deelnemersuren", ar: "ساعات المشاركة" },
        TattendanceRate => { fr: "Taux de présence", en: "Attendance rate", nl: "Aanwezigheidsgraad", ar: "نسبة الحضور" },
        TnoShowRate => { fr: "Taux d'absence", en: "No-show rate", nl: "Afwezigheidsgraad", ar: "نسبة الغياب" },
        TfillRate => { fr: "Taux de remplissage", en: "Fill rate", nl: "Bezettingsgraad", ar: "نسبة الامتلاء" },
        TmixTargets => { fr: "Objectif de mixité des séances", en: "Sessions' mix target", nl: "Mixdoel van de sessies", ar: "هدف التنوع في الجلسات" },
        TwaitingListPromotions => { fr: "Places données depuis la liste d'attente", en: "Seats given from the waiting list", nl: "Plaatsen gegeven vanuit de wachtlijst", ar: "مقاعد مُنحت من قائمة الانتظار" },
        TcandidatesWaiting => { fr: "Candidat·es en attente d'un duo", en: "Candidates waiting for a duo", nl: "Kandidaten die op een duo wachten", ar: "مترشحون ينتظرون ثنائيًا" },
        TcandidatesWaitingBySide => { fr: "Candidat·es en attente, par côté", en: "Candidates waiting, by side", nl: "Wachtende kandidaten, per kant", ar: "المترشحون المنتظرون حسب الجانب" },
        TwaitingDaysMean => { fr: "Attente moyenne (jours)", en: "Average wait (days)", nl: "Gemiddelde wachttijd (dagen)", ar: "متوسط الانتظار (أيام)" },
        TduosProposed => { fr: "Duos proposés", en: "Duos proposed", nl: "Voorgestelde duo's", ar: "الثنائيات المقترحة" },
        TduosConfirmed => { fr: "Duos confirmés", en: "Duos confirmed", nl: "Bevestigde duo's", ar: "الثنائيات المؤكدة" },
        TduosActive => { fr: "Duos actifs", en: "Active duos", nl: "Actieve duo's", ar: "الثنائيات النشطة" },
        TduosEnded => { fr: "Duos terminés", en: "Duos ended", nl: "Beëindigde duo's", ar: "الثنائيات المنتهية" },
        TduosEndedByOutcome => { fr: "Duos terminés, selon leur issue", en: "Duos ended, by outcome", nl: "Beëindigde duo's, per afloop", ar: "الثنائيات المنتهية حسب النتيجة" },
        TdurationDaysMean => { fr: "Durée moyenne d'un duo (jours)", en: "Average length of a duo (days)", nl: "Gemiddelde duur van een duo (dagen)", ar: "متوسط مدة الثنائي (أيام)" },
        TcompletionRate => { fr: "Taux d'aboutissement des duos", en: "Duo completion rate", nl: "Voltooiingsgraad van de duo's", ar: "نسبة إتمام الثنائيات" },
        TfrenchConfidenceChange => { fr: "Évolution de l'aisance en français (échelle de 1 à 5)", en: "Change in confidence in French (1 to 5 scale)", nl: "Evolutie van het gemak in het Frans (schaal van 1 tot 5)", ar: "تطور الثقة في اللغة الفرنسية (سلم من 1 إلى 5)" },
        Tentrepreneurs => { fr: "Entrepreneur·es accompagné·es", en: "Entrepreneurs accompanied", nl: "Begeleide ondernemers", ar: "رواد الأعمال المرافَقون" },
        TentrepreneursByStage => { fr: "Entrepreneur·es par étape du projet", en: "Entrepreneurs by project stage", nl: "Ondernemers per projectfase", ar: "رواد الأعمال حسب مرحلة المشروع" },
        TmilestonesDone => { fr: "Jalons atteints", en: "Milestones reached", nl: "Behaalde mijlpalen", ar: "المراحل المنجزة" },
        Toutcomes => { fr: "Aboutissements", en: "Outcomes", nl: "Resultaten", ar: "النتائج" },
        ToutcomesByKind => { fr: "Aboutissements, par type", en: "Outcomes, by kind", nl: "Resultaten, per soort", ar: "النتائج حسب النوع" },
        TcoursesHeld => { fr: "Sessions de formation données", en: "Training courses held", nl: "Gegeven opleidingsreeksen", ar: "الدورات التدريبية المنعقدة" },
        Ttrainees => { fr: "Personnes formées", en: "Trainees", nl: "Opgeleide personen", ar: "المتدربون" },
        TtraineesByAudience => { fr: "Personnes formées, par public (participant·es et personnel des partenaires, par type d'organisation)", en: "Trainees, by audience (participants and partner staff, by kind of organisation)", nl: "Opgeleide personen, per doelgroep (deelnemers en personeel van partners, per soort organisatie)", ar: "المتدربون حسب الفئة (المشاركون وموظفو الشركاء حسب نوع المنظمة)" },
        TcourseCompletionRate => { fr: "Taux de réussite des formations (présence suffisante)", en: "Training completion rate (enough attendance)", nl: "Voltooiingsgraad van de opleidingen (voldoende aanwezigheid)", ar: "نسبة إتمام التدريبات (حضور كافٍ)" },
        TcertificatesIssued => { fr: "Attestations délivrées", en: "Certificates issued", nl: "Uitgereikte attesten", ar: "الشهادات المسلَّمة" },
        TevaluationSatisfactionMean => { fr: "Satisfaction moyenne des formations (de 1 à 5)", en: "Average training satisfaction (1 to 5)", nl: "Gemiddelde tevredenheid over de opleidingen (1 tot 5)", ar: "متوسط الرضا عن التدريبات (من 1 إلى 5)" },
        TproposalsReceived => { fr: "Propositions d'ateliers reçues", en: "Workshop proposals received", nl: "Ontvangen workshopvoorstellen", ar: "اقتراحات الورشات المستلمة" },
        TproposalsTurned => { fr: "Propositions devenues des ateliers", en: "Proposals that became workshops", nl: "Voorstellen die workshops werden", ar: "اقتراحات تحولت إلى ورشات" },
        TinteractHosts => { fr: "Animateur·rices d'ateliers issus des propositions", en: "Workshop hosts from the proposals", nl: "Workshopbegeleiders uit de voorstellen", ar: "منشطو الورشات من الاقتراحات" },
        TinteractHostsByCategory => { fr: "Animateur·rices, par catégorie", en: "Hosts, by category", nl: "Begeleiders, per categorie", ar: "المنشطون حسب الفئة" },
        TinteractHostsByAutonomy => { fr: "Animateur·rices, par niveau d'autonomie (le plus haut atteint)", en: "Hosts, by autonomy level (the highest reached)", nl: "Begeleiders, per niveau van zelfstandigheid (het hoogste)", ar: "المنشطون حسب مستوى الاستقلالية (الأعلى)" },
        Rparticipant => { fr: "Participant·es", en: "Participants", nl: "Deelnemers", ar: "المشاركون" },

        Rnew => { fr: "Nouvelles personnes", en: "New people", nl: "Nieuwe personen", ar: "أشخاص جدد" },
        Rreturning => { fr: "Personnes qui reviennent", en: "Returning people", nl: "Terugkerende personen", ar: "أشخاص عائدون" },
        RunderEighteen => { fr: "Moins de 18 ans", en: "Under 18", nl: "Jonger dan 18", ar: "أقل من 18 سنة" },
        R18to25 => { fr: "18 à 25 ans", en: "18 to 25", nl: "18 tot 25 jaar", ar: "من 18 إلى 25 سنة" },
        R26to35 => { fr: "26 à 35 ans", en: "26 to 35", nl: "26 tot 35 jaar", ar: "من 26 إلى 35 سنة" },
        R36to50 => { fr: "36 à 50 ans", en: "36 to 50", nl: "36 tot 50 jaar", ar: "من 36 إلى 50 سنة" },
        R51to65 => { fr: "51 à 65 ans", en: "51 to 65", nl: "51 tot 65 jaar", ar: "من 51 إلى 65 سنة" },
        RoverSixtyFive => { fr: "Plus de 65 ans", en: "Over 65", nl: "Ouder dan 65", ar: "أكثر من 65 سنة" },
        Rother => { fr: "Autres", en: "Other", nl: "Andere", ar: "أخرى" },
        Runknown => { fr: "Non renseigné", en: "Not recorded", nl: "Niet ingevuld", ar: "غير مسجل" },
        RhostNewcomer => { fr: "Animées par un·e primo-arrivant·e", en: "Led by a newcomer", nl: "Geleid door een nieuwkomer", ar: "ينشطها وافد جديد" },
        RhostLocal => { fr: "Animées par un·e habitant·e", en: "Led by a local resident", nl: "Geleid door een lokale inwoner", ar: "ينشطها مقيم محلي" },
        RhostBoth => { fr: "Animées à deux (primo-arrivant·e et habitant·e)", en: "Co-led (a newcomer and a local resident)", nl: "Samen geleid (nieuwkomer en lokale inwoner)", ar: "بتنشيط مشترك (وافد جديد ومقيم)" },
        RhostNone => { fr: "Sans animateur·ice enregistré·e", en: "No host recorded", nl: "Geen begeleider geregistreerd", ar: "دون منشط مسجل" },
        Rmet => { fr: "Objectif atteint", en: "Target met", nl: "Doel gehaald", ar: "تحقق الهدف" },
        Rmissed => { fr: "Objectif manqué", en: "Target missed", nl: "Doel gemist", ar: "لم يتحقق الهدف" },
        Rgood => { fr: "Belle fin", en: "Good ending", nl: "Goed afgelopen", ar: "نهاية جيدة" },
        Rneutral => { fr: "Fin neutre", en: "Neutral ending", nl: "Neutraal afgelopen", ar: "نهاية محايدة" },
        Rbad => { fr: "Fin difficile", en: "Difficult ending", nl: "Moeilijk afgelopen", ar: "نهاية صعبة" },
    }
}

/// The tab label of a group of indicators.
pub fn group_label(g: ReportGroup) -> Text {
    match g {
        ReportGroup::Everyone => RepKey::Everyone.into(),
        ReportGroup::Interact => VocabKey::ProgInteract.into(),
        ReportGroup::Duo2change => VocabKey::ProgDuo2change.into(),
        ReportGroup::Training => VocabKey::ProgTraining.into(),
        ReportGroup::Interlab => VocabKey::ProgInterlab.into(),
    }
}

/// The title of a table (or of a key figure) by its key; `None` for a key this app does not
/// know yet (the page then shows the key itself).
pub fn table_label(key: &str) -> Option<RepKey> {
    use RepKey as K;
    Some(match key {
        "reached" => K::Treached,
        "reached_by_category" => K::TreachedByCategory,
        "reached_new_or_returning" => K::TreachedNewOrReturning,
        "reached_by_age" => K::TreachedByAge,
        "reached_by_gender" => K::TreachedByGender,
        "reached_by_commune" => K::TreachedByCommune,
        "reached_by_origin" => K::TreachedByOrigin,
        "reached_by_language" => K::TreachedByLanguage,
        "workshops_held" => K::TworkshopsHeld,
        "sessions_by_host" => K::TsessionsByHost,
        "participants" => K::Tparticipants,
        "participants_by_category" => K::TparticipantsByCategory,
        "participant_hours" => K::TparticipantHours,
        "attendance_rate" => K::TattendanceRate,
        "no_show_rate" => K::TnoShowRate,
        "fill_rate" => K::TfillRate,
        "mix_targets" => K::TmixTargets,
        "waiting_list_promotions" => K::TwaitingListPromotions,
        "candidates_waiting" => K::TcandidatesWaiting,
        "candidates_waiting_by_side" => K::TcandidatesWaitingBySide,
        "waiting_days_mean" => K::TwaitingDaysMean,
        "duos_proposed" => K::TduosProposed,
        "duos_confirmed" => K::TduosConfirmed,
        "duos_active" => K::TduosActive,
        "duos_ended" => K::TduosEnded,
        "duos_ended_by_outcome" => K::TduosEndedByOutcome,
        "duration_days_mean" => K::TdurationDaysMean,
        "completion_rate" => K::TcompletionRate,
        "french_confidence_change" => K::TfrenchConfidenceChange,
        "entrepreneurs" => K::Tentrepreneurs,
        "entrepreneurs_by_stage" => K::TentrepreneursByStage,
        "milestones_done" => K::TmilestonesDone,
        "outcomes" => K::Toutcomes,
        "outcomes_by_kind" => K::ToutcomesByKind,
        "courses_held" => K::TcoursesHeld,
        "trainees" => K::Ttrainees,
        "trainees_by_audience" => K::TtraineesByAudience,
        "course_completion_rate" => K::TcourseCompletionRate,
        "certificates_issued" => K::TcertificatesIssued,
        "evaluation_satisfaction_mean" => K::TevaluationSatisfactionMean,
        "proposals_received" => K::TproposalsReceived,
        "proposals_turned_into_workshops" => K::TproposalsTurned,
        "interact_hosts" => K::TinteractHosts,
        "interact_hosts_by_category" => K::TinteractHostsByCategory,
        "interact_hosts_by_autonomy" => K::TinteractHostsByAutonomy,
        _ => return None,
    })
}

/// The label of a key figure (a table's total) by its key: the total of a count of sessions
/// by host is the sessions held.
pub fn figure_label(key: &str) -> Option<RepKey> {
    match key {
        "sessions_by_host" => Some(RepKey::Fsessions),
        "mix_targets" => Some(RepKey::FmixSessions),
        _ => table_label(key),
    }
}

/// The label of a row of table `table`; `None` for free-text values (a commune, a language…),
/// which are shown as they are.
pub fn row_label(table: &str, row: &str) -> Option<Text> {
    use shared::interlab::{OutcomeKind, ProjectStage};
    use RepKey as K;
    if table == "sessions_by_host" {
        return Some(
            match row {
                "newcomer" => K::RhostNewcomer,
                "local" => K::RhostLocal,
                "both" => K::RhostBoth,
                "none" => K::RhostNone,
                _ => return None,
            }
            .into(),
        );
    }
    if table == "trainees_by_audience" {
        if row == "participant" {
            return Some(K::Rparticipant.into());
        }
        let kind = shared::partners::OrganisationKind::ALL
            .iter()
            .find(|k| k.as_str() == row)?;
        return Some(crate::i18n::partners::kind_key(*kind).into());
    }
    if table == "interact_hosts_by_autonomy" {
        let level = shared::interact::AutonomyLevel::ALL
            .iter()
            .find(|l| l.as_str() == row)?;
        return Some(crate::i18n::interact::level_key(*level).into());
    }
    if let Some(s) = ProjectStage::ALL.iter().find(|s| s.as_str() == row) {
        return Some(crate::i18n::interlab::stage_key(*s).into());
    }
    if let Some(k) = OutcomeKind::ALL.iter().find(|k| k.as_str() == row) {
        return Some(crate::i18n::interlab_follow::outcome_kind_key(*k).into());
    }
    Some(match row {
        "newcomer" => VocabKey::Newcomer.into(),
        "local" => VocabKey::Local.into(),
        "no_category" => VocabKey::NoCategory.into(),
        "new" => K::Rnew.into(),
        "returning" => K::Rreturning.into(),
        "under_18" => K::RunderEighteen.into(),
        "18_25" => K::R18to25.into(),
        "26_35" => K::R26to35.into(),
        "36_50" => K::R36to50.into(),
        "51_65" => K::R51to65.into(),
        "over_65" => K::RoverSixtyFive.into(),
        "other" => K::Rother.into(),
        "unknown" => K::Runknown.into(),
        "met" => K::Rmet.into(),
        "missed" => K::Rmissed.into(),
        "good" => K::Rgood.into(),
        "neutral" => K::Rneutral.into(),
        "bad" => K::Rbad.into(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{check_catalogue, t};
    use shared::Lang;

    #[test]
    fn every_message_is_translated() {
        check_catalogue(
            RepKey::ALL,
            &[
                RepKey::SuppressedShort,
                RepKey::DownloadCsv,
                RepKey::Total,
                RepKey::Breakdowns,
            ],
            1,
        );
    }

    #[test]
    fn every_table_the_api_writes_has_a_title() {
        for key in [
            "reached",
            "reached_by_category",
            "reached_by_language",
            "sessions_by_host",
            "participant_hours",
            "mix_targets",
            "duos_ended_by_outcome",
            "french_confidence_change",
            "entrepreneurs_by_stage",
            "outcomes_by_kind",
            "trainees_by_audience",
            "course_completion_rate",
            "certificates_issued",
            "evaluation_satisfaction_mean",
            "proposals_received",
            "proposals_turned_into_workshops",
            "interact_hosts_by_category",
            "interact_hosts_by_autonomy",
        ] {
            assert!(table_label(key).is_some(), "{key}");
        }
        assert!(table_label("something_new").is_none());
    }

    #[test]
    fn rows_read_in_words_and_free_text_stays() {
        let label = |table, row| row_label(table, row).map(|t| t.get(Lang::Fr));
        assert_eq!(
            label("reached_by_category", "newcomer"),
            Some("Primo-arrivant·e")
        );
        assert_eq!(
            label("sessions_by_host", "newcomer"),
            Some(t(Lang::Fr, RepKey::RhostNewcomer))
        );
        assert_eq!(label("reached_by_age", "18_25"), Some("18 à 25 ans"));
        assert_eq!(label("entrepreneurs_by_stage", "idea"), Some("Idée"));
        assert_eq!(label("reached_by_commune", "liège"), None);
        assert_eq!(
            label("interact_hosts_by_autonomy", "co_organised"),
            Some(t(
                Lang::Fr,
                crate::i18n::interact::level_key(shared::interact::AutonomyLevel::CoOrganised)
            ))
        );
        assert_eq!(
            label("trainees_by_audience", "cpas"),
            Some(t(
                Lang::Fr,
                crate::i18n::partners::kind_key(shared::partners::OrganisationKind::Cpas)
            ))
        );
        assert_eq!(
            label("reached_by_commune", "unknown"),
            Some("Non renseigné")
        );
    }
}
