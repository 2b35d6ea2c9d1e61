//! InterAct hosts: the public form "Je propose un atelier", the coordinators' board, a
//! proposal's page and a host's page.

use shared::interact::{AutonomyLevel, ProposalStatus};

crate::catalogue! {
    /// Messages of the InterAct hosts screens.
    pub enum InteractKey {
        NavPropose => { fr: "Proposer un atelier", en: "Propose a workshop", nl: "Een atelier voorstellen", ar: "اقترح ورشة" },
        NavInteract => { fr: "Ateliers InterAct", en: "InterAct workshops", nl: "InterAct-ateliers", ar: "ورشات InterAct" },
        ProposeTitle => { fr: "Je propose un atelier", en: "I propose a workshop", nl: "Ik stel een atelier voor", ar: "أقترح ورشة" },
        ProposeIntro => {
            fr: "Une passion à partager ? La peinture, la danse, la pizza, le foot en salle… Dites-nous ce que vous aimeriez animer : l'équipe vous recontacte pour le préparer avec vous.",
            en: "A passion to share? Painting, dance, pizza, indoor football… Tell us what you would like to host: the team will contact you to prepare it together.",
            nl: "Een passie om te delen? Schilderen, dansen, pizza, zaalvoetbal… Vertel ons wat u zou willen begeleiden: het team neemt contact op om het samen voor te bereiden.",
            ar: "لديك شغف تريد مشاركته؟ الرسم، الرقص، البيتزا، كرة القدم داخل القاعة… أخبرنا بما تودّ تنشيطه: سيتواصل معك الفريق لتحضيره معك.",
        },
        WorkshopLegend => { fr: "Votre atelier", en: "Your workshop", nl: "Uw atelier", ar: "ورشتك" },
        TitleLabel => { fr: "Le nom de l'atelier", en: "The workshop's name", nl: "De naam van het atelier", ar: "اسم الورشة" },
        TitleHint => { fr: "En quelques mots, par exemple « Pizza napolitaine ».", en: "In a few words, for example \"Neapolitan pizza\".", nl: "In enkele woorden, bijvoorbeeld \"Napolitaanse pizza\".", ar: "ببضع كلمات، مثل «بيتزا نابولي»." },
        DescriptionLabel => { fr: "Ce que vous aimeriez partager", en: "What you would like to share", nl: "Wat u zou willen delen", ar: "ما تودّ مشاركته" },
        PassionsLegend => { fr: "Vos passions", en: "Your passions", nl: "Uw passies", ar: "شغفك" },
        LanguagesLabel => { fr: "Langues dans lesquelles vous pouvez animer", en: "Languages you can host in", nl: "Talen waarin u kunt begeleiden", ar: "اللغات التي يمكنك التنشيط بها" },
        LanguagesHint => { fr: "Codes séparés par des virgules : fr, ar, uk…", en: "Codes separated by commas: fr, ar, uk…", nl: "Codes gescheiden door komma's: fr, ar, uk…", ar: "رموز مفصولة بفواصل: fr، ar، uk…" },
        AvailabilityLabel => { fr: "Quand êtes-vous disponible ?", en: "When are you available?", nl: "Wanneer bent u beschikbaar?", ar: "متى تكون متاحًا؟" },
        AvailabilityHint => { fr: "Cochez les moments de la semaine qui vous conviennent.", en: "Tick the times of the week that suit you.", nl: "Vink de momenten van de week aan die u passen.", ar: "حدّد أوقات الأسبوع التي تناسبك." },
        AvailabilityNoteLabel => { fr: "Une précision sur vos disponibilités", en: "Anything to add about when you are available", nl: "Iets toe te voegen over uw beschikbaarheid", ar: "ملاحظة حول أوقات توفّرك" },
        Availability => { fr: "Disponibilités", en: "Availability", nl: "Beschikbaarheid", ar: "أوقات التوفّر" },
        AvailabilityNote => { fr: "Précision", en: "Note", nl: "Opmerking", ar: "ملاحظة" },
        Arrange => { fr: "Binôme et disponibilités", en: "Co-host and availability", nl: "Co-begeleider en beschikbaarheid", ar: "المنشّط المشارك وأوقات التوفّر" },
        ArrangeIntro => { fr: "Associez un·e co-animateur·rice : une personne nouvelle venue avec une personne d'ici.", en: "Pair a co-host: a newcomer with a local.", nl: "Koppel een co-begeleider: een nieuwkomer met een local.", ar: "أضف منشّطًا مشاركًا: وافد جديد مع شخص محلي." },
        NoCohost => { fr: "Pas encore de co-animateur·rice.", en: "No co-host yet.", nl: "Nog geen co-begeleider.", ar: "لا يوجد منشّط مشارك بعد." },
        CohostSearch => { fr: "Chercher un·e co-animateur·rice", en: "Find a co-host", nl: "Een co-begeleider zoeken", ar: "ابحث عن منشّط مشارك" },
        ChooseCohost => { fr: "Choisir", en: "Choose", nl: "Kiezen", ar: "اختر" },
        ChooseCohostNamed => { fr: "Choisir {name} comme co-animateur·rice", en: "Choose {name} as co-host", nl: "{name} kiezen als co-begeleider", ar: "اختر {name} منشّطًا مشاركًا" },
        RemoveCohost => { fr: "Retirer le ou la co-animateur·rice", en: "Remove the co-host", nl: "De co-begeleider verwijderen", ar: "أزل المنشّط المشارك" },
        SaveArrangement => { fr: "Enregistrer", en: "Save", nl: "Opslaan", ar: "حفظ" },
        NeedsLabel => { fr: "Matériel ou salle nécessaires", en: "Material or room needed", nl: "Nodig materiaal of lokaal", ar: "المعدات أو القاعة اللازمة" },
        WantsCohost => { fr: "J'aimerais animer avec quelqu'un (une personne nouvelle venue avec une personne d'ici)", en: "I would like to host with someone (a newcomer with a local)", nl: "Ik zou graag met iemand begeleiden (een nieuwkomer met een local)", ar: "أودّ التنشيط مع شخص آخر (وافد جديد مع شخص محلي)" },
        SubmitProposal => { fr: "Envoyer ma proposition", en: "Send my proposal", nl: "Mijn voorstel versturen", ar: "أرسل اقتراحي" },
        DoneTitle => { fr: "Merci, votre proposition est bien arrivée", en: "Thank you, your proposal has arrived", nl: "Dank u, uw voorstel is goed aangekomen", ar: "شكرًا، وصل اقتراحك" },
        DoneNext => { fr: "Une personne de l'équipe vous appelle pour en parler et préparer l'atelier avec vous.", en: "Someone from the team will call you to talk about it and prepare the workshop with you.", nl: "Iemand van het team belt u om erover te praten en het atelier samen voor te bereiden.", ar: "سيتصل بك أحد أعضاء الفريق للحديث عنها وتحضير الورشة معك." },
        BoardTitle => { fr: "Propositions d'ateliers", en: "Workshop proposals", nl: "Voorstellen voor ateliers", ar: "اقتراحات الورشات" },
        BoardIntro => { fr: "De la passion à l'atelier : chaque proposition, de sa réception à l'atelier qui tourne.", en: "From a passion to a workshop: each proposal, from its arrival to the running workshop.", nl: "Van passie tot atelier: elk voorstel, van ontvangst tot lopend atelier.", ar: "من الشغف إلى الورشة: كل اقتراح من وصوله حتى الورشة الجارية." },
        Filters => { fr: "Filtres", en: "Filters", nl: "Filters", ar: "عوامل التصفية" },
        Passion => { fr: "Passion", en: "Passion", nl: "Passie", ar: "الشغف" },
        Language => { fr: "Langue (code)", en: "Language (code)", nl: "Taal (code)", ar: "اللغة (رمز)" },
        Coordinator => { fr: "Coordination", en: "Coordinator", nl: "Coördinator", ar: "المنسّق" },
        All => { fr: "Toutes", en: "All", nl: "Alle", ar: "الكل" },
        Mine => { fr: "Les miennes", en: "Mine", nl: "De mijne", ar: "اقتراحاتي" },
        NothingHere => { fr: "Rien ici pour l'instant.", en: "Nothing here yet.", nl: "Hier staat nog niets.", ar: "لا شيء هنا حاليًا." },
        StatusNew => { fr: "Nouvelle", en: "New", nl: "Nieuw", ar: "جديد" },
        StatusTalked => { fr: "Discutée", en: "Talked", nl: "Besproken", ar: "تمت مناقشته" },
        StatusPlanned => { fr: "Planifiée", en: "Planned", nl: "Gepland", ar: "مخطَّط" },
        StatusRunning => { fr: "En cours", en: "Running", nl: "Lopend", ar: "جارٍ" },
        StatusPaused => { fr: "En pause", en: "Paused", nl: "Gepauzeerd", ar: "متوقف مؤقتًا" },
        StatusEnded => { fr: "Terminée", en: "Ended", nl: "Beëindigd", ar: "منتهٍ" },
        LevelCoOrganised => { fr: "Co-organisé", en: "Co-organised", nl: "Samen georganiseerd", ar: "تنظيم مشترك" },
        LevelSupported => { fr: "Soutenu", en: "Supported", nl: "Ondersteund", ar: "بدعم" },
        LevelAutonomous => { fr: "Autonome", en: "Autonomous", nl: "Zelfstandig", ar: "مستقل" },
        Level => { fr: "Niveau d'autonomie", en: "Autonomy level", nl: "Autonomieniveau", ar: "مستوى الاستقلالية" },
        ProposalTitle => { fr: "Proposition d'atelier", en: "Workshop proposal", nl: "Voorstel voor een atelier", ar: "اقتراح ورشة" },
        BackToBoard => { fr: "Retour aux propositions", en: "Back to the proposals", nl: "Terug naar de voorstellen", ar: "العودة إلى الاقتراحات" },
        Host => { fr: "Hôte", en: "Host", nl: "Gastheer/-vrouw", ar: "المضيف" },
        Cohost => { fr: "Co-animation", en: "Co-host", nl: "Co-begeleider", ar: "المنشّط المشارك" },
        NextStep => { fr: "Prochaine étape", en: "Next step", nl: "Volgende stap", ar: "الخطوة التالية" },
        Needs => { fr: "Besoins", en: "Needs", nl: "Behoeften", ar: "الاحتياجات" },
        Languages => { fr: "Langues", en: "Languages", nl: "Talen", ar: "اللغات" },
        Notes => { fr: "Notes", en: "Notes", nl: "Notities", ar: "ملاحظات" },
        NoteLabel => { fr: "Nouvelle note", en: "New note", nl: "Nieuwe notitie", ar: "ملاحظة جديدة" },
        AddNote => { fr: "Ajouter la note", en: "Add the note", nl: "Notitie toevoegen", ar: "أضف الملاحظة" },
        Pipeline => { fr: "Étape du parcours", en: "Pipeline step", nl: "Stap in het traject", ar: "مرحلة المسار" },
        MoveTo => { fr: "Passer à « {status} »", en: "Move to \"{status}\"", nl: "Naar \"{status}\"", ar: "الانتقال إلى «{status}»" },
        CreateSeriesTitle => { fr: "Créer la série", en: "Create the series", nl: "De reeks aanmaken", ar: "إنشاء السلسلة" },
        CreateSeriesIntro => { fr: "Une série InterAct en brouillon, pré-remplie avec la proposition : à relire puis publier dans l'agenda.", en: "A draft InterAct series pre-filled from the proposal: review it, then publish it in the agenda.", nl: "Een InterAct-reeks in ontwerp, vooraf ingevuld met het voorstel: nakijken en dan publiceren in de agenda.", ar: "سلسلة InterAct كمسودة معبأة مسبقًا من الاقتراح: راجعها ثم انشرها في الأجندة." },
        FirstStart => { fr: "Première séance : début", en: "First session: start", nl: "Eerste sessie: begin", ar: "الجلسة الأولى: البداية" },
        FirstEnd => { fr: "Première séance : fin", en: "First session: end", nl: "Eerste sessie: einde", ar: "الجلسة الأولى: النهاية" },
        Until => { fr: "Chaque semaine jusqu'au", en: "Every week until", nl: "Elke week tot", ar: "كل أسبوع حتى" },
        PublicName => { fr: "Nom affiché dans l'agenda (avec son accord)", en: "Name shown in the agenda (with their consent)", nl: "Naam in de agenda (met toestemming)", ar: "الاسم المعروض في الأجندة (بموافقته)" },
        CreateSeries => { fr: "Créer la série", en: "Create the series", nl: "Reeks aanmaken", ar: "أنشئ السلسلة" },
        SeriesCreated => { fr: "Série créée en brouillon : {count} {count?séance|séances}.", en: "Draft series created: {count} {count?session|sessions}.", nl: "Reeks in ontwerp aangemaakt: {count} {count?sessie|sessies}.", ar: "أُنشئت السلسلة كمسودة: {count} جلسات." },
        Workshops => { fr: "Ateliers", en: "Workshops", nl: "Ateliers", ar: "الورشات" },
        Sessions => { fr: "{count} {count?séance|séances}", en: "{count} {count?session|sessions}", nl: "{count} {count?sessie|sessies}", ar: "{count} جلسات" },
        OpenFirst => { fr: "Ouvrir la première séance", en: "Open the first session", nl: "Eerste sessie openen", ar: "افتح الجلسة الأولى" },
        HostPage => { fr: "Page de l'hôte", en: "Host's page", nl: "Pagina van de gastheer", ar: "صفحة المضيف" },
        HostIntro => { fr: "Ses ateliers, qui y participe et son parcours vers l'autonomie.", en: "Their workshops, who takes part and their path towards autonomy.", nl: "Hun ateliers, wie deelneemt en hun weg naar zelfstandigheid.", ar: "ورشاته ومن يشارك فيها ومساره نحو الاستقلالية." },
        Totals => { fr: "En chiffres", en: "In figures", nl: "In cijfers", ar: "بالأرقام" },
        Participants => { fr: "Participations", en: "Participants", nl: "Deelnames", ar: "المشاركات" },
        Newcomers => { fr: "Personnes nouvelles venues", en: "Newcomers", nl: "Nieuwkomers", ar: "الوافدون الجدد" },
        Locals => { fr: "Personnes d'ici", en: "Locals", nl: "Locals", ar: "المحليون" },
        Attendance => { fr: "Présence", en: "Attendance", nl: "Aanwezigheid", ar: "الحضور" },
        Month => { fr: "Mois", en: "Month", nl: "Maand", ar: "الشهر" },
        Timeline => { fr: "Mois par mois", en: "Month by month", nl: "Maand per maand", ar: "شهرًا بشهر" },
        AutonomyHistory => { fr: "Parcours d'autonomie", en: "Autonomy path", nl: "Weg naar zelfstandigheid", ar: "مسار الاستقلالية" },
        ChangeLevel => { fr: "Changer le niveau", en: "Change the level", nl: "Niveau wijzigen", ar: "غيّر المستوى" },
        LevelNote => { fr: "Pourquoi (facultatif)", en: "Why (optional)", nl: "Waarom (optioneel)", ar: "السبب (اختياري)" },
        Saved => { fr: "Enregistré.", en: "Saved.", nl: "Opgeslagen.", ar: "تم الحفظ." },
        Proposals => { fr: "Propositions", en: "Proposals", nl: "Voorstellen", ar: "الاقتراحات" },
        SessionsTitle => { fr: "Séances", en: "Sessions", nl: "Sessies", ar: "الجلسات" },
        Date => { fr: "Date", en: "Date", nl: "Datum", ar: "التاريخ" },
        FeedbackTitle => { fr: "Avis des participant·es", en: "Participants' feedback", nl: "Feedback van de deelnemers", ar: "آراء المشاركين" },
        FeedbackNone => { fr: "Aucun avis recueilli pour l'instant.", en: "No feedback collected yet.", nl: "Nog geen feedback verzameld.", ar: "لم تُجمع أي آراء بعد." },
        FeedbackWithheld => {
            fr: "{count} avis : la moyenne s'affiche à partir de 5 avis, pour que personne ne soit reconnaissable.",
            en: "{count} {count?answer|answers}: the average shows from 5 answers, so that nobody can be singled out.",
            nl: "{count} antwoorden: het gemiddelde verschijnt vanaf 5 antwoorden, zodat niemand herkenbaar is.",
            ar: "{count} آراء: يظهر المعدّل ابتداءً من 5 آراء، حتى لا يمكن التعرّف على أحد.",
        },
        FeedbackAverage => { fr: "Note moyenne : {average} sur 5 ({count} avis)", en: "Average rating: {average} out of 5 ({count} {count?answer|answers})", nl: "Gemiddelde score: {average} op 5 ({count} antwoorden)", ar: "متوسط التقييم: {average} من 5 ({count} آراء)" },
        FeedbackComments => { fr: "Commentaires (visibles par l'équipe de coordination)", en: "Comments (seen by the coordination team)", nl: "Opmerkingen (zichtbaar voor het coördinatieteam)", ar: "التعليقات (يطّلع عليها فريق التنسيق)" },
        RecordFeedback => { fr: "Enregistrer un avis", en: "Record feedback", nl: "Feedback registreren", ar: "سجّل رأيًا" },
        RecordFeedbackHint => {
            fr: "Depuis un formulaire papier ou une conversation, pour une personne inscrite à la séance.",
            en: "From a paper form or a conversation, for someone registered for the session.",
            nl: "Van een papieren formulier of een gesprek, voor iemand die voor de sessie ingeschreven is.",
            ar: "من استمارة ورقية أو محادثة، لشخص مسجّل في الجلسة.",
        },
        FeedbackSession => { fr: "Séance", en: "Session", nl: "Sessie", ar: "الجلسة" },
        FeedbackPerson => { fr: "Participant·e", en: "Participant", nl: "Deelnemer", ar: "المشارك" },
        FeedbackChoose => { fr: "Choisir…", en: "Choose…", nl: "Kiezen…", ar: "اختر…" },
        FeedbackRating => { fr: "Note", en: "Rating", nl: "Score", ar: "التقييم" },
        FeedbackRatingHint => { fr: "1 : pas du tout apprécié · 5 : beaucoup apprécié", en: "1: did not like it at all · 5: liked it very much", nl: "1: helemaal niet goed · 5: heel goed", ar: "1: لم يعجبه إطلاقًا · 5: أعجبه كثيرًا" },
        FeedbackComment => { fr: "Commentaire (facultatif)", en: "Comment (optional)", nl: "Opmerking (optioneel)", ar: "تعليق (اختياري)" },
        FeedbackNoSession => { fr: "Aucune séance passée pour l'instant.", en: "No past session yet.", nl: "Nog geen voorbije sessie.", ar: "لا توجد جلسة سابقة بعد." },
        NewProposal => { fr: "Enregistrer une proposition", en: "Record a proposal", nl: "Een voorstel registreren", ar: "سجّل اقتراحًا" },
        NewProposalTitle => { fr: "Nouvelle proposition d'atelier", en: "New workshop proposal", nl: "Nieuw ateliervoorstel", ar: "اقتراح ورشة جديد" },
        NewProposalIntro => {
            fr: "Pour une personne que l'équipe connaît (rencontrée, orientée par un partenaire) : elle arrive au début du parcours.",
            en: "For someone the team knows (met in person, referred by a partner): it starts at the beginning of the pipeline.",
            nl: "Voor iemand die het team kent (ontmoet, doorverwezen door een partner): het begint aan het begin van het traject.",
            ar: "لشخص يعرفه الفريق (التقاه أو أحاله شريك): يبدأ الاقتراح من أول المسار.",
        },
        HostSearch => { fr: "Chercher l'hôte", en: "Find the host", nl: "De gastheer/-vrouw zoeken", ar: "ابحث عن المضيف" },
        ChooseHost => { fr: "Choisir", en: "Choose", nl: "Kiezen", ar: "اختر" },
        ChooseHostNamed => { fr: "Choisir {name} comme hôte", en: "Choose {name} as host", nl: "{name} kiezen als gastheer/-vrouw", ar: "اختر {name} مضيفًا" },
        NoHostYet => { fr: "Personne n'est encore choisi·e.", en: "Nobody chosen yet.", nl: "Nog niemand gekozen.", ar: "لم يُختر أحد بعد." },
        HostRequired => { fr: "Choisissez l'hôte avec la recherche.", en: "Choose the host with the search.", nl: "Kies de gastheer/-vrouw met de zoekfunctie.", ar: "اختر المضيف عبر البحث." },
        WantsCohostStaff => { fr: "Souhaite animer avec quelqu'un (une personne nouvelle venue avec une personne d'ici)", en: "Would like to host with someone (a newcomer with a local)", nl: "Wil graag met iemand begeleiden (een nieuwkomer met een local)", ar: "يودّ التنشيط مع شخص آخر (وافد جديد مع شخص محلي)" },
        CreateProposal => { fr: "Enregistrer la proposition", en: "Record the proposal", nl: "Het voorstel registreren", ar: "سجّل الاقتراح" },
        FeedbackSaved => { fr: "Avis enregistré.", en: "Feedback recorded.", nl: "Feedback geregistreerd.", ar: "تم تسجيل الرأي." },
    }
}

/// The label of a pipeline status.
pub fn status_key(s: ProposalStatus) -> InteractKey {
    match s {
        ProposalStatus::New => InteractKey::StatusNew,
        ProposalStatus::Talked => InteractKey::StatusTalked,
        ProposalStatus::Planned => InteractKey::StatusPlanned,
        ProposalStatus::Running => InteractKey::StatusRunning,
        ProposalStatus::Paused => InteractKey::StatusPaused,
        ProposalStatus::Ended => InteractKey::StatusEnded,
    }
}

/// The label of an autonomy level.
pub fn level_key(l: AutonomyLevel) -> InteractKey {
    match l {
        AutonomyLevel::CoOrganised => InteractKey::LevelCoOrganised,
        AutonomyLevel::Supported => InteractKey::LevelSupported,
        AutonomyLevel::Autonomous => InteractKey::LevelAutonomous,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_catalogue;

    #[test]
    fn every_message_is_translated() {
        check_catalogue(
            InteractKey::ALL,
            &[
                InteractKey::Passion,
                InteractKey::Filters,
                InteractKey::Notes,
                InteractKey::Workshops,
                InteractKey::Locals,
                InteractKey::Date,
            ],
            0,
        );
    }
}
