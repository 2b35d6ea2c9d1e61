//! Messages of InterLab's follow-through on the entrepreneur's page: accompaniment meetings and
//! their next steps, the outcomes of the path and the follow-up calls after it. Like the rest of
//! InterLab's screens, no message calls a person a "case" or a "problem" (a test checks).

use shared::interlab::OutcomeKind;

crate::catalogue! {
    /// Messages of the meetings, outcomes and follow-up calls.
    pub enum IlfKey {
        // ---- meetings
        MeetingsTitle => { fr: "Rencontres d'accompagnement", en: "Accompaniment meetings", nl: "Begeleidingsgesprekken", ar: "لقاءات المرافقة" },
        NewMeeting => { fr: "Nouvelle rencontre", en: "New meeting", nl: "Nieuw gesprek", ar: "لقاء جديد" },
        NoMeetings => { fr: "Pas encore de rencontre notée.", en: "No meeting recorded yet.", nl: "Nog geen gesprek genoteerd.", ar: "لم يُسجَّل أي لقاء بعد." },
        HeldOn => { fr: "Jour de la rencontre", en: "Day of the meeting", nl: "Dag van het gesprek", ar: "يوم اللقاء" },
        WhoWasThere => { fr: "Qui était là", en: "Who was there", nl: "Wie was erbij", ar: "من حضر" },
        Me => { fr: "Moi ({name})", en: "Me ({name})", nl: "Ikzelf ({name})", ar: "أنا ({name})" },
        CoachOf => { fr: "{name} (coach)", en: "{name} (coach)", nl: "{name} (coach)", ar: "{name} (المرافق)" },
        TheirWords => { fr: "Ce que la personne a dit, avec ses mots", en: "What the person said, in their own words", nl: "Wat de persoon zei, in eigen woorden", ar: "ما قاله الشخص بكلماته" },
        InTheirWords => { fr: "Avec ses mots", en: "In their own words", nl: "In eigen woorden", ar: "بكلماته" },
        Notes => { fr: "Notes de l'accompagnement", en: "Accompaniment notes", nl: "Notities van de begeleiding", ar: "ملاحظات المرافقة" },
        NotesHint => { fr: "Lues seulement par l'équipe d'InterLab et le ou la coach.", en: "Read only by the InterLab team and the coach.", nl: "Alleen gelezen door het InterLab-team en de coach.", ar: "لا يقرؤها إلا فريق InterLab والمرافق(ة)." },
        NotesHidden => { fr: "Les notes de cette rencontre sont réservées à l'équipe et au coach.", en: "This meeting's notes are kept for the team and the coach.", nl: "De notities van dit gesprek zijn voorbehouden aan het team en de coach.", ar: "ملاحظات هذا اللقاء مخصصة للفريق والمرافق(ة)." },
        Decisions => { fr: "Décisions", en: "Decisions", nl: "Beslissingen", ar: "القرارات" },
        NextSteps => { fr: "Prochaines étapes", en: "Next steps", nl: "Volgende stappen", ar: "الخطوات التالية" },
        StepN => { fr: "Étape {n}", en: "Step {n}", nl: "Stap {n}", ar: "الخطوة {n}" },
        StepText => { fr: "Ce qui est à faire", en: "What is to be done", nl: "Wat er moet gebeuren", ar: "ما يجب القيام به" },
        StepDue => { fr: "Pour le", en: "Due on", nl: "Tegen", ar: "قبل" },
        AddStep => { fr: "Ajouter une étape", en: "Add a step", nl: "Een stap toevoegen", ar: "إضافة خطوة" },
        RemoveStep => { fr: "Retirer l'étape {n}", en: "Remove step {n}", nl: "Stap {n} verwijderen", ar: "حذف الخطوة {n}" },
        SaveMeeting => { fr: "Enregistrer la rencontre", en: "Save the meeting", nl: "Gesprek opslaan", ar: "حفظ اللقاء" },
        MeetingSaved => { fr: "Rencontre enregistrée.", en: "Meeting saved.", nl: "Gesprek opgeslagen.", ar: "تم حفظ اللقاء." },
        MeetingOn => { fr: "Rencontre du {date}", en: "Meeting of {date}", nl: "Gesprek van {date}", ar: "لقاء يوم {date}" },
        Attendees => { fr: "Présent·es : {names}", en: "There: {names}", nl: "Aanwezig: {names}", ar: "الحاضرون: {names}" },
        MakeMilestone => { fr: "En faire un jalon", en: "Make it a milestone", nl: "Er een mijlpaal van maken", ar: "تحويلها إلى مرحلة" },
        MakeMilestoneNamed => { fr: "En faire un jalon : « {name} »", en: "Make it a milestone: “{name}”", nl: "Er een mijlpaal van maken: ‘{name}’", ar: "تحويلها إلى مرحلة: «{name}»" },
        OnThePath => { fr: "Jalon du parcours", en: "On the path", nl: "Mijlpaal van het traject", ar: "مرحلة في المسار" },
        BecameMilestone => { fr: "« {name} » est maintenant un jalon du parcours.", en: "“{name}” is now a milestone of the path.", nl: "‘{name}’ is nu een mijlpaal van het traject.", ar: "«{name}» صارت الآن مرحلة في المسار." },

        // ---- outcomes
        OutcomesTitle => { fr: "Où mène le parcours", en: "Where the path leads", nl: "Waar het traject naartoe leidt", ar: "إلى أين يقود المسار" },
        NoOutcomes => { fr: "Pas encore d'aboutissement noté.", en: "No outcome recorded yet.", nl: "Nog geen resultaat genoteerd.", ar: "لم تُسجَّل أي نتيجة بعد." },
        NewOutcome => { fr: "Noter un aboutissement", en: "Record an outcome", nl: "Een resultaat noteren", ar: "تسجيل نتيجة" },
        OutcomeKindLabel => { fr: "Ce qui s'est passé", en: "What happened", nl: "Wat er gebeurde", ar: "ما الذي حدث" },
        KindBusinessCreated => { fr: "Activité créée", en: "Business created", nl: "Onderneming opgericht", ar: "تأسيس النشاط" },
        KindSalariedJob => { fr: "Emploi salarié", en: "Salaried job", nl: "Job in loondienst", ar: "عمل مأجور" },
        KindTraining => { fr: "Formation", en: "Training", nl: "Opleiding", ar: "تكوين" },
        KindPaused => { fr: "En pause", en: "Paused", nl: "Gepauzeerd", ar: "توقف مؤقت" },
        KindStopped => { fr: "Arrêt du parcours", en: "Path stopped", nl: "Traject gestopt", ar: "توقف المسار" },
        OccurredOn => { fr: "Quand", en: "When", nl: "Wanneer", ar: "متى" },
        LegalForm => { fr: "Forme juridique", en: "Legal form", nl: "Rechtsvorm", ar: "الشكل القانوني" },
        EnterpriseNumber => { fr: "Numéro d'entreprise (BCE)", en: "Enterprise number (BCE/KBO)", nl: "Ondernemingsnummer (KBO)", ar: "رقم المؤسسة (BCE)" },
        EnterpriseNumberHint => { fr: "Dix chiffres, par exemple 0123.456.749 ; facultatif.", en: "Ten digits, for example 0123.456.749; optional.", nl: "Tien cijfers, bijvoorbeeld 0123.456.749; niet verplicht.", ar: "عشرة أرقام، مثل 0123.456.749؛ اختياري." },
        Reason => { fr: "Pourquoi", en: "Why", nl: "Waarom", ar: "لماذا" },
        OutcomeNote => { fr: "Une note", en: "A note", nl: "Een notitie", ar: "ملاحظة" },
        SaveOutcome => { fr: "Enregistrer l'aboutissement", en: "Save the outcome", nl: "Resultaat opslaan", ar: "حفظ النتيجة" },
        OutcomeSaved => { fr: "Aboutissement enregistré.", en: "Outcome saved.", nl: "Resultaat opgeslagen.", ar: "تم حفظ النتيجة." },
        OutcomeLine => { fr: "{kind}, le {date}", en: "{kind}, on {date}", nl: "{kind}, op {date}", ar: "{kind}، يوم {date}" },
        EndsPath => { fr: "Fin du parcours : des appels de suivi sont prévus.", en: "The path ends here: follow-up calls are planned.", nl: "Einde van het traject: er zijn opvolgingsgesprekken gepland.", ar: "نهاية المسار: مكالمات متابعة مبرمجة." },
        FollowUpLine => { fr: "Appel de suivi à {months} mois : le {date}", en: "Follow-up call at {months} {months?month|months}: {date}", nl: "Opvolgingsgesprek na {months} {months?maand|maanden}: {date}", ar: "مكالمة متابعة بعد {months} أشهر: {date}" },
        CalledOn => { fr: "appel fait le {date}", en: "called on {date}", nl: "gebeld op {date}", ar: "تمت المكالمة يوم {date}" },

        // ---- follow-up calls (staff's list)
        FollowUpsTitle => { fr: "Appels de suivi à faire", en: "Follow-up calls due", nl: "Opvolgingsgesprekken te doen", ar: "مكالمات متابعة مستحقة" },
        NoFollowUpsDue => { fr: "Aucun appel de suivi à faire aujourd'hui.", en: "No follow-up call due today.", nl: "Vandaag geen opvolgingsgesprek te doen.", ar: "لا توجد مكالمة متابعة مستحقة اليوم." },
        FollowUpDue => { fr: "{months} mois après « {kind} », pour le {date}", en: "{months} {months?month|months} after “{kind}”, due {date}", nl: "{months} {months?maand|maanden} na ‘{kind}’, tegen {date}", ar: "بعد {months} أشهر من «{kind}»، قبل {date}" },
        MarkCalled => { fr: "Appel fait", en: "Call done", nl: "Gebeld", ar: "تمت المكالمة" },
        MarkCalledNamed => { fr: "Appel fait : {name}, aujourd'hui", en: "Call done: {name}, today", nl: "Gebeld: {name}, vandaag", ar: "تمت المكالمة: {name}، اليوم" },
        CalledSaved => { fr: "Appel de suivi noté.", en: "Follow-up call noted.", nl: "Opvolgingsgesprek genoteerd.", ar: "تم تسجيل مكالمة المتابعة." },
    }
}

pub fn outcome_kind_key(k: OutcomeKind) -> IlfKey {
    match k {
        OutcomeKind::BusinessCreated => IlfKey::KindBusinessCreated,
        OutcomeKind::SalariedJob => IlfKey::KindSalariedJob,
        OutcomeKind::Training => IlfKey::KindTraining,
        OutcomeKind::Paused => IlfKey::KindPaused,
        OutcomeKind::Stopped => IlfKey::KindStopped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{check_catalogue, t};
    use shared::Lang;

    #[test]
    fn the_catalogue_is_complete_and_translated() {
        // "{name} (coach)" reads the same in French, English and Dutch.
        check_catalogue(IlfKey::ALL, &[IlfKey::CoachOf], 0);
    }

    #[test]
    fn nobody_is_called_a_case_or_a_problem() {
        let banned = [
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
        for &key in IlfKey::ALL {
            for lang in Lang::ALL {
                let text = format!(" {} ", t(lang, key).to_lowercase());
                for word in banned {
                    assert!(!text.contains(word), "{lang:?} {key:?}: {text:?}");
                }
            }
        }
    }

    #[test]
    fn every_outcome_has_a_name() {
        let names: std::collections::HashSet<_> = OutcomeKind::ALL
            .iter()
            .map(|k| t(Lang::Fr, outcome_kind_key(*k)))
            .collect();
        assert_eq!(names.len(), OutcomeKind::ALL.len());
    }
}
